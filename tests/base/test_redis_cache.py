"""base/redis_cache.py: one redis-py client per process over Django's connection pool. (Talking to
a real Redis through it is the production check's part: scripts/production-check.sh.)"""

from django.core.cache.backends.redis import RedisCacheClient

from base.redis_cache import PortalRedisCache


def test_one_server_gets_one_client_made_once_over_one_pool():
    cache = PortalRedisCache("redis://127.0.0.1:6379/14", {})
    client = cache._cache.get_client("a-key")
    assert cache._cache.get_client("another", write=True) is client
    assert client.connection_pool is cache._cache._pools[0]


def test_several_servers_keep_djangos_choice_of_server_per_call():
    cache = PortalRedisCache("redis://127.0.0.1:6379/14,redis://127.0.0.1:6380/14", {})
    writer = cache._cache.get_client(write=True)
    assert writer.connection_pool.connection_kwargs["port"] == 6379
    assert cache._cache.get_client(write=True) is not writer
    assert cache._cache.get_client().connection_pool.connection_kwargs["port"] == 6380
    assert isinstance(cache._cache, RedisCacheClient)
