"""base/redis_cache.py: one redis-py client per process over Django's connection pool, and an outage
of Redis as a miss. (Talking to a real Redis through it, stopping it and starting it again, is the
production check's part: scripts/production-check.sh.)"""

import logging

from django.core.cache.backends.redis import RedisCacheClient
from django.test import Client
from django.urls import reverse

import pytest
import redis

from base.redis_cache import PortalRedisCache
from service_requests.models import ServiceRequest
from tests.factories.service_requests import form_data, png_upload
from tests.faults import hung_server, unreachable_redis_url

SERVICE = "/services/certificate/"


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


# An outage: Redis stopped (nothing listens) or hung (never answers). Real sockets, nothing patched.

TIMEOUTS = {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}


def cache_at(url):
    return PortalRedisCache(url, {"OPTIONS": TIMEOUTS})


def outage_records(caplog):
    return [r for r in caplog.records if r.name == "base.redis_cache" and r.levelno >= logging.ERROR]


def test_a_stopped_redis_reads_as_a_miss_and_drops_writes_with_one_error_logged(caplog):
    cache = cache_at(unreachable_redis_url())
    assert cache.get("page", "not kept") == "not kept"
    assert cache.get_many(["generation", "page"]) == {}
    cache.set("page", "content", 60)
    assert cache.add("generation", "g1") is False
    assert cache.set_many({"a": 1, "b": 2}) == ["a", "b"]
    assert cache.delete("page") is False
    assert cache.has_key("page") is False
    records = outage_records(caplog)
    assert len(records) == 1  # not one line per call
    assert records[0].exc_info[0] is redis.exceptions.ConnectionError  # with its traceback


def test_a_hung_redis_holds_one_call_for_its_timeout_then_is_left_alone_for_a_while(caplog):
    with hung_server() as server:
        cache = cache_at(server.url)
        assert cache.get("page") is None  # after the socket timeout, once: no retries
        assert server.connections == 1
        for _ in range(5):  # while it rests, nothing is sent
            assert cache.get_many(["generation", "page"]) == {}
            cache.set("page", "content")
        assert server.connections == 1
        cache.retry_after_seconds = 0  # the rest is over
        cache._resting_until = 0.0
        assert cache.get("page", "again") == "again"
        assert server.connections == 2
    assert len(outage_records(caplog)) == 1


@pytest.mark.django_db
def test_with_redis_stopped_visitors_and_applicants_are_served_from_the_database(settings, page_tree, user):
    settings.CACHES = {
        "default": {"BACKEND": "base.redis_cache.PortalRedisCache", "LOCATION": unreachable_redis_url()}
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"  # production's
    settings.ANONYMOUS_PAGE_CACHE = True
    visitor = Client()
    for path in ("/", "/services/", SERVICE, "/status/", "/accounts/login/"):
        assert visitor.get(path).status_code == 200
        assert visitor.get(path).status_code == 200

    applicant = Client()
    applicant.force_login(user)
    assert user.first_name in applicant.get(SERVICE).content.decode()  # her form, pre-filled
    data = form_data("12", user, **{"details-purpose": "ขอกู้เงินสหกรณ์ออมทรัพย์ครู"})
    data["files-id_card_copy"] = png_upload("สำเนาบัตร.png")
    response = applicant.post(SERVICE, data)
    assert response.status_code == 302
    filed = ServiceRequest.objects.get(applicant=user)
    assert filed.reference in applicant.get("/my/requests/").content.decode()
    assert applicant.post(reverse("accounts:logout")).status_code == 302
    assert applicant.get("/my/requests/").status_code == 302  # logged out: sent to log in
