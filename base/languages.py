"""The visitor's language as the site knows it (Thai at /, English at /en/)."""

from django.conf import settings
from django.utils.translation import get_language, get_supported_language_variant


def active_language() -> str:
    """The supported language code in use now, or the default (Thai) for anything else."""
    try:
        return get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE
