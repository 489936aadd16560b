from django import template

register = template.Library()

# A message with this among its extra_tags is shown by the section of the page it is about (e.g.
# the payment section, where the slip step lands on a phone), not at the top of the page.
IN_SECTION_TAG = "in-section"


def section_tags(section: str) -> str:
    """The extra_tags of a message that the page's `section` shows instead of the top of the page
    (messages.success(request, text, extra_tags=section_tags("payment")))."""
    return f"{IN_SECTION_TAG} {section}"


def _tags(message) -> list[str]:
    return (message.extra_tags or "").split()


@register.filter
def top_of_page(messages):
    """{% for message in messages|top_of_page %}: the messages no section of the page shows."""
    return [message for message in messages if IN_SECTION_TAG not in _tags(message)]


@register.filter
def for_section(messages, section):
    """{% for message in messages|for_section:"payment" %}: the messages that section shows."""
    return [message for message in messages if IN_SECTION_TAG in _tags(message) and section in _tags(message)]
