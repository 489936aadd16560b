"""Django's own Redis cache backend, with one redis-py client per process instead of one per call.

Django's `RedisCacheClient.get_client` builds a new `redis.Redis` over the shared connection pool
on every cache call; redis-py fills each new client's table of ~170 response callbacks, which cost
about a quarter of a millisecond: more than the round trip to Redis that a cached page needs
(profiled, issue 12). A `redis.Redis` is safe to share (each command takes a connection from the
pool), so with one server it is made once; with several (a primary and read replicas) Django's
own choice per call is kept.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._reused_client = None

    def get_client(self, key=None, *, write=False):
        if len(self._servers) > 1:
            return super().get_client(key, write=write)
        if self._reused_client is None:
            self._reused_client = super().get_client(key, write=write)
        return self._reused_client


class PortalRedisCache(RedisCache):
    """settings.CACHES' BACKEND in production: "base.redis_cache.PortalRedisCache"."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
