"""Generations: a key in the shared cache whose value names the current state of what is kept under
it (base.page_cache: pages, fragments and kept answers; accounts.admin_access: who may enter the
admin). Starting a new one forgets, on every app server at once, all that was kept under the old.

A new generation that does not reach the cache (Redis down or unreachable: base.redis_cache makes
that a dropped write) is not forgotten: this process stores a new one again at the start of each of
its requests (and the background worker at each heartbeat) until the cache takes it. Otherwise,
once Redis answered again still holding the old generation (a network fault, a restart from its
snapshot), it would serve what was kept before the change: a page as it was before an editor
published, an admin entry for an account whose access was removed.
"""

import logging
import uuid

from django.core.cache import cache

logger = logging.getLogger(__name__)

_not_stored: set[str] = set()


def current(key: str, *, known=None) -> str:
    """The generation under key (`known`: the value the caller already read with other keys); the
    first one is started when there is none (a new or emptied cache)."""
    generation = known or cache.get(key)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(key, generation, None)
        generation = cache.get(key, generation)
    return generation


def start_new(key: str) -> None:
    """Store a new generation under key; when the cache cannot take it, try again later."""
    cache.set(key, uuid.uuid4().hex, None)
    if cache.get(key) is not None:
        _not_stored.discard(key)
    elif key not in _not_stored:
        logger.error(
            "A new generation for %s did not reach the cache; it is stored again once it can be.", key
        )
        _not_stored.add(key)


def store_those_not_stored(**kwargs) -> None:
    """request_started's receiver (and the worker's heartbeat): what start_new could not store."""
    for key in list(_not_stored):
        start_new(key)
