"""The visitor's language as the site knows it (Thai at /, English at /en/)."""

from django.conf import settings
from django.utils.translation import get_language, get_supported_language_variant


def active_language() -> str:
    """The supported language code in use now, or the default (Thai) for anything else."""
    try:
        return get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def without_language_prefix(path: str) -> str:
    """The path as the default language has it: /en/my/requests/ -> /my/requests/."""
    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if code != settings.LANGUAGE_CODE and path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path
