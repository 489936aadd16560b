"""Django's own Redis cache backend, with one redis-py client per process instead of one per call,
and Redis treated as what it is here: a cache, whose outage makes the portal slower, not broken.

One client: Django's `RedisCacheClient.get_client` builds a new `redis.Redis` over the shared
connection pool on every cache call; redis-py fills each new client's table of ~170 response
callbacks, which cost about a quarter of a millisecond: more than the round trip to Redis that a
cached page needs (profiled, issue 12). A `redis.Redis` is safe to share (each command takes a
connection from the pool), so with one server it is made once; with several (a primary and read
replicas) Django's own choice per call is kept. Commands are not retried (redis-py retries ten
times by default, which against a hung server holds a worker for many timeouts): a miss is cheaper.

An outage: every page reads the cache, so a Redis that was down, restarting or hung answered every
page with HTTP 500 (until 1 Dec). Here a read that fails is a miss and a write that fails is
dropped, so pages are made from the database as if nothing were kept; the first failure is logged
with its traceback (not one line per call), and after a connection failure or a timeout the
process leaves Redis alone for RETRY_AFTER_SECONDS before it tries again. What must not be dropped
(a purge's new generation) is stored again by base.generations.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0
LOG_AGAIN_AFTER_SECONDS = 60.0


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._reused_client = None

    def get_client(self, key=None, *, write=False):
        if len(self._servers) > 1:
            return self._without_retries(super().get_client(key, write=write))
        if self._reused_client is None:
            self._reused_client = self._without_retries(super().get_client(key, write=write))
        return self._reused_client

    @staticmethod
    def _without_retries(client):
        client.set_retry(Retry(NoBackoff(), 0))
        return client


class PortalRedisCache(RedisCache):
    """settings.CACHES' BACKEND in production: "base.redis_cache.PortalRedisCache"."""

    retry_after_seconds = RETRY_AFTER_SECONDS

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._resting_until = 0.0  # time.monotonic(): no command is sent to Redis before then
        self._failing = False
        self._logged_at = None

    def _attempt(self, fallback, operation, *args):
        if self._resting_until and time.monotonic() < self._resting_until:
            return fallback
        try:
            result = operation(*args)
        except RedisError as error:
            self._failed(error)
            return fallback
        if self._failing:
            logger.warning("The cache (Redis) answers again.")
            self._failing = False
        return result

    def _failed(self, error):
        now = time.monotonic()
        if not self._failing or now - self._logged_at >= LOG_AGAIN_AFTER_SECONDS:
            logger.error(
                "The cache (Redis) failed: pages are made without it until it answers again.",
                exc_info=error,
            )
            self._logged_at = now
        self._failing = True
        if isinstance(error, (RedisConnectionError, RedisTimeoutError)):
            self._resting_until = now + self.retry_after_seconds

    def get(self, key, default=None, version=None):
        return self._attempt(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._attempt({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        self._attempt(None, super().delete_many, keys, version)

    def clear(self):
        return self._attempt(False, super().clear)
