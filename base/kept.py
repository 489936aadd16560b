"""Values kept in the default cache under keys whose value never changes: a page-cache generation's
(base/page_cache.py: a change starts a new generation, so the old keys are never written again) or
a package version's (base/public_holidays.py). Each process keeps its own copy of the last ones it
read, so that a page with a dozen fragments and kept answers costs one round trip to Redis (the
generation) instead of one per value (issue 12: the logged-in page, profiled: 16 round trips).

The copies are Django's local-memory cache: pickled, so every read is a copy of its own that a
request may change, and bounded (MAX_ENTRIES, least recently used first), so they weigh at most a
few MB in a worker.
"""

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

MAX_ENTRIES = 200
_copies = LocMemCache("base-kept-copies", {"TIMEOUT": None, "OPTIONS": {"MAX_ENTRIES": MAX_ENTRIES}})


def read(key: str):
    """The value kept under key, or None."""
    found = _copies.get(key)
    if found is None:
        found = cache.get(key)
        if found is not None:
            _copies.set(key, found)
    return found


def keep(key: str, value, timeout) -> None:
    """Keep value under key (a key whose value never changes), for timeout seconds (None: ever)."""
    cache.set(key, value, timeout)
    _copies.set(key, value)


def forget_copies() -> None:
    """This process's copies gone (what a new worker starts with): for tests that change the cache
    under a key as another process never would."""
    _copies.clear()
