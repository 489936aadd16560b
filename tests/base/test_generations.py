"""base/generations.py: a purge made while Redis cannot be reached is not lost. Redis "comes back"
here as the same local-memory cache as before the outage, still holding what was kept then (as a
Redis does after a network fault, or restarted from its snapshot); the outage is a real address
where nothing listens (tests.faults)."""

import logging

from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.test import Client

import pytest

from accounts import admin_access
from base import generations, page_cache
from base.kept import forget_copies
from base.tasks import beat
from tests.faults import unreachable_redis_url

pytestmark = pytest.mark.django_db

SERVICE = "/services/certificate/"
BEFORE_OUTAGE = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "before"}
}


@pytest.fixture
def redis(settings):
    """Switches the default cache: .answers() (the cache of before, with what it kept), .stops()."""
    settings.ANONYMOUS_PAGE_CACHE = True
    settings.CACHES = BEFORE_OUTAGE
    cache.clear()
    forget_copies()

    class Switch:
        @staticmethod
        def stops():
            settings.CACHES = {
                "default": {
                    "BACKEND": "base.redis_cache.PortalRedisCache",
                    "LOCATION": unreachable_redis_url(),
                    "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
                }
            }

        @staticmethod
        def answers():
            settings.CACHES = BEFORE_OUTAGE

    yield Switch
    settings.CACHES = BEFORE_OUTAGE
    cache.clear()
    forget_copies()
    generations._not_stored.clear()


def not_stored_records(caplog):
    return [r for r in caplog.records if r.name == "base.generations" and r.levelno >= logging.ERROR]


def test_a_page_published_while_redis_is_down_is_not_served_stale_once_it_answers(redis, page_tree, caplog):
    page = page_tree.service_pages["certificate"]
    assert Client().get(SERVICE)[page_cache.HEADER] == "miss"
    assert Client().get(SERVICE)[page_cache.HEADER] == "hit"

    redis.stops()
    page.title = "หนังสือรับรอง (ฉบับปรับปรุง)"
    page.save_revision().publish()  # the purge cannot reach the cache: no error for the editor
    assert len(not_stored_records(caplog)) == 1
    during = Client().get(SERVICE)
    assert during.status_code == 200
    assert "หนังสือรับรอง (ฉบับปรับปรุง)" in during.content.decode()
    assert len(not_stored_records(caplog)) == 1  # tried again at that request, not logged again

    redis.answers()  # still holding the page as it was, under the old generation
    after = Client().get(SERVICE).content.decode()
    assert "หนังสือรับรอง (ฉบับปรับปรุง)" in after  # not the page kept before the publish
    assert generations._not_stored == set()


def test_admin_access_removed_while_redis_is_down_is_not_answered_from_before(redis, user):
    group = Group.objects.create(name="เจ้าหน้าที่ทดสอบ")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user.groups.add(group)
    assert admin_access.has_admin_permission(type(user).objects.get(pk=user.pk))  # kept

    redis.stops()
    user.groups.remove(group)
    assert not admin_access.has_admin_permission(type(user).objects.get(pk=user.pk))  # from the database

    redis.answers()
    Client().get("/healthz")  # any request of this process stores the new generation first
    assert not admin_access.has_admin_permission(type(user).objects.get(pk=user.pk))


def test_the_workers_heartbeat_stores_a_generation_its_process_could_not(redis, db):
    previous = cache.get(page_cache.GENERATION_KEY)
    redis.stops()
    page_cache.purge()
    redis.answers()
    assert cache.get(page_cache.GENERATION_KEY) == previous
    beat.call()
    assert cache.get(page_cache.GENERATION_KEY) not in (None, previous)
    assert generations._not_stored == set()
