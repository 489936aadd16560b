from django import template

register = template.Library()

# A message with this among its extra_tags is shown by the section of the page it is about (e.g.
# the payment section, where the slip step lands on a phone), not at the top of the page.
IN_SECTION_TAG = "in-section"


@register.filter
def top_of_page(messages):
    """{% for message in messages|top_of_page %}: the messages no section of the page shows."""
    return [message for message in messages if IN_SECTION_TAG not in (message.extra_tags or "").split()]
