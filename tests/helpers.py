"""Small helpers shared by the tests."""

import re

from django.utils import translation

THAI_SCRIPT = re.compile(r"[\u0E00-\u0E7F]")


def in_thai(message) -> str:
    """An English msgid (or lazy message) as a Thai visitor reads it; Thai is the default language."""
    with translation.override("th"):
        return translation.gettext(str(message))


def form_errors(response, field):
    """The errors the re-rendered form shows for one field."""
    return [str(error) for error in response.context["form"].errors.get(field, [])]
