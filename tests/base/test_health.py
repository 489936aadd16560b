"""/healthz and /readyz: what a load balancer and the production check see."""

from datetime import timedelta

from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from base.management.commands.db_worker import enqueue_beat
from base.models import WorkerHeartbeat
from tests.faults import unreachable_redis_url

pytestmark = pytest.mark.django_db

WITH_WORKER = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})


def test_healthz_answers_without_asking_anything(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"


def test_readyz_checks_database_cache_and_private_storage(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "private_storage": "ok"},
    }
    assert response["Cache-Control"] == "no-store"


def test_the_health_checks_answer_any_host_name_and_plain_http(client, settings):
    """A load balancer asks an app server by its address, before any HTTPS redirect."""
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz", HTTP_HOST="10.0.0.5:8001").status_code == 200
    assert client.get("/readyz", HTTP_HOST="10.0.0.5:8001").status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.5:8001").status_code == 400


def unwritable_private_storage(settings, tmp_path):
    read_only = tmp_path / "not-a-folder"  # written as root, permissions would not stop it
    read_only.write_text("")
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "service_requests.storage.PrivateFileSystemStorage",
            "OPTIONS": {"location": read_only, "base_url": None},
        },
    }
    return read_only


def test_readyz_fails_while_the_private_storage_cannot_be_written(client, settings, tmp_path):
    read_only = unwritable_private_storage(settings, tmp_path)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json() == {
        "status": "failing",
        "checks": {"database": "ok", "cache": "ok", "private_storage": "failing"},
    }
    assert str(read_only) not in response.content.decode()  # the reason is logged, not shown


def test_a_failing_required_check_beside_the_cache_is_failing_not_degraded(client, settings, tmp_path):
    unwritable_private_storage(settings, tmp_path)
    settings.CACHES = {
        "default": {"BACKEND": "base.redis_cache.PortalRedisCache", "LOCATION": unreachable_redis_url()}
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["status"] == "failing"


def test_without_the_cache_readyz_says_degraded_and_keeps_the_server_in_the_load_balancer(client, settings):
    """Every app server shares the one Redis: a 503 from each would take the whole portal out,
    while it serves everything from the database (tests/base/test_redis_cache.py)."""
    settings.CACHES = {
        "default": {"BACKEND": "base.redis_cache.PortalRedisCache", "LOCATION": unreachable_redis_url()}
    }
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "cache": "failing", "private_storage": "ok"},
    }


@WITH_WORKER
def test_without_a_recent_heartbeat_of_the_worker_readyz_says_degraded(client):
    """E-mails wait in the queue meanwhile; the pages and the forms do not need the worker."""
    assert client.get("/readyz").json()["checks"]["worker"] == "failing"
    WorkerHeartbeat.objects.create(
        pk=WorkerHeartbeat.SINGLETON, beaten_at=timezone.now() - timedelta(minutes=5), worker_id="w"
    )
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["worker"] == "failing"


@WITH_WORKER
@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker reconnects, as in production
def test_the_worker_beats_by_running_its_heartbeat_task_from_the_queue(client):
    enqueue_beat("worker-1", "default")
    enqueue_beat("worker-1", "default")  # one waiting is enough
    assert client.get("/readyz").json()["status"] == "degraded"
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    heartbeat = WorkerHeartbeat.objects.get()
    assert heartbeat.worker_id == "worker-1"
    assert heartbeat.beaten_at > timezone.now() - timedelta(seconds=30)
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert response.json()["checks"]["worker"] == "ok"
