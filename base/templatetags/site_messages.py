from django import template

register = template.Library()

# A message with this among its extra_tags is shown by the section of the page it is about (e.g.
# the payment section, where the slip step lands on a phone), not at the top of the page.
IN_SECTION_TAG = "in-section"
# ... and with "field:<name>" too, it is an error of that field of the section's form, sent across
# the redirect back to the page: the form shows it by its field (field_errors), not in the list.
FIELD_TAG_PREFIX = "field:"


def section_tags(section: str) -> str:
    """The extra_tags of a message that the page's `section` shows instead of the top of the page
    (messages.success(request, text, extra_tags=section_tags("payment")))."""
    return f"{IN_SECTION_TAG} {section}"


def field_tags(section: str, field: str) -> str:
    """The extra_tags of an error of the `field` of the `section`'s form, which the form shows by
    that field (messages.error(request, text, extra_tags=field_tags("payment", "slip")))."""
    return f"{section_tags(section)} {FIELD_TAG_PREFIX}{field}"


def _tags(message) -> list[str]:
    return (message.extra_tags or "").split()


def _in_section(message, section) -> bool:
    tags = _tags(message)
    return IN_SECTION_TAG in tags and section in tags


def _field_of(message) -> str:
    """The field a message is an error of ("" if none)."""
    return next(
        (tag.removeprefix(FIELD_TAG_PREFIX) for tag in _tags(message) if tag.startswith(FIELD_TAG_PREFIX)), ""
    )


def field_errors(messages, section: str, field: str) -> list[str]:
    """The texts of the errors sent with field_tags(section, field), for the form to show by the field."""
    return [
        str(message) for message in messages if _in_section(message, section) and _field_of(message) == field
    ]


@register.filter
def top_of_page(messages):
    """{% for message in messages|top_of_page %}: the messages no section of the page shows."""
    return [message for message in messages if IN_SECTION_TAG not in _tags(message)]


@register.filter
def for_section(messages, section):
    """{% for message in messages|for_section:"payment" %}: the messages that section shows in its
    list (its form's field errors are shown by their fields)."""
    return [message for message in messages if _in_section(message, section) and not _field_of(message)]
