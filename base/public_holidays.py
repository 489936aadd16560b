"""Thailand's public holidays of a year, kept in the default cache (issue 12: worker memory).

The `holidays` package gives them, but it loads all its ~250 countries to give one: 11 MB resident
in every web worker that computes a due date (165 MB instead of 154 MB after `django.setup()` and
a due date, dev settings, 1 Dec 2026). So a year's holidays, in Thai or in English, are computed
once and kept in the cache (Redis in production, shared by every app server) with no expiry, under
the package's version: a past year never changes, and a new version of the package (new or moved
holidays) gives new keys. The background worker fills last year's, this year's and next year's on
every heartbeat (base.tasks.beat), so a web worker normally finds them there and never imports the
package; on a miss it imports it here, where it is first needed (tests/portal/test_layers.py,
DEFERRED_LIBRARIES).
"""

import datetime
from importlib.metadata import version

from . import kept

LANGUAGES = ("th", "en_US")  # the package's names for the portal's Thai and English
HOLIDAYS_VERSION = version("holidays")  # read from the installed package's metadata, not imported


def cache_key(year: int, language: str) -> str:
    return f"public-holidays:TH:{HOLIDAYS_VERSION}:{year}:{language}"


def public_holidays(year: int, language: str = "th") -> dict[datetime.date, str]:
    """{date: name} of the year's public holidays in Thailand (days in lieu included), in the
    language given ("th" or "en_US"); several holidays on one day are named together ("a; b")."""
    key = cache_key(year, language)
    found = kept.read(key)
    if found is None:
        import holidays

        found = dict(holidays.country_holidays("TH", years=year, language=language))
        kept.keep(key, found, None)
    return found


def fill_cache(today: datetime.date) -> None:
    """Last year's, this year's and next year's holidays in both languages, in the cache."""
    for year in (today.year - 1, today.year, today.year + 1):
        for language in LANGUAGES:
            public_holidays(year, language)
