"""/healthz and /readyz for the load balancer and the service manager.

/healthz: the process answers (no database). /readyz: the database, the cache, the private storage
(a file written, read back and deleted) and a recent heartbeat of the background worker; 200 when
all are well, 503 otherwise, as JSON naming each check "ok" or "failing" and nothing more (the
reasons go to the log). Both are answered first in MIDDLEWARE, before the host check and the HTTPS
redirect, so a load balancer may ask an app server directly by its address; nginx answers them only
to the machine itself (deploy/nginx/oss-portal.conf). Never cached.
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

HEALTH_PATH, READY_PATH = "/healthz", "/readyz"


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def check_cache():
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 30)
    try:
        return cache.get(key) == value
    finally:
        cache.delete(key)


def check_private_storage():
    storage = storages["private"]
    content = uuid.uuid4().hex.encode()
    name = storage.save(f"readyz/{uuid.uuid4().hex}.txt", ContentFile(content))
    try:
        with storage.open(name, "rb") as stored:
            return stored.read() == content
    finally:
        storage.delete(name)


def worker_is_used():
    return settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"


def check_worker():
    heartbeat = WorkerHeartbeat.objects.filter(pk=WorkerHeartbeat.SINGLETON).first()
    max_age = timedelta(seconds=settings.WORKER_HEARTBEAT_MAX_AGE)
    return heartbeat is not None and heartbeat.beaten_at > timezone.now() - max_age


def readiness():
    checks = {"database": check_database, "cache": check_cache, "private_storage": check_private_storage}
    if worker_is_used():  # development and tests run tasks at once: no worker to ask about
        checks["worker"] = check_worker
    results = {}
    for name, check in checks.items():
        try:
            healthy = bool(check())
        except Exception:  # any failure is "not ready", logged with its traceback
            logger.exception("Readiness check %s failed", name)
            healthy = False
        else:
            if not healthy:  # e.g. no heartbeat yet while the worker starts
                logger.warning("Readiness check %s failed", name)
        results[name] = "ok" if healthy else "failing"
    return results


def uncached(response):
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == HEALTH_PATH:
            return uncached(JsonResponse({"status": "ok"}))
        if request.path == READY_PATH:
            results = readiness()
            ready = all(value == "ok" for value in results.values())
            body = {"status": "ok" if ready else "failing", "checks": results}
            return uncached(JsonResponse(body, status=200 if ready else 503))
        return self.get_response(request)
