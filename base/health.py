"""/healthz and /readyz for the load balancer and the service manager.

/healthz: the process answers (no database). /readyz: the database, the cache, the private storage
(a file written, read back and deleted) and a recent heartbeat of the background worker, as JSON
naming each check "ok" or "failing" and nothing more (the reasons go to the log).

Its status code is for a load balancer, which takes an app server out while it answers 503: so 503
only when this server cannot keep what people send it (the database or the private storage fails:
"failing"). Without the cache the portal serves everything from the database, and without the
worker e-mails wait in the queue; taking every app server out for either (they share both) would
turn a slower portal into none, so those answer 200 with the status "degraded", which monitoring
alerts on. Both endpoints are answered first in MIDDLEWARE, before the host check and the HTTPS
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


# Without these an app server cannot keep what people send it: out of the load balancer (503).
REQUIRED_CHECKS = frozenset({"database", "private_storage"})


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


def overall_status(results) -> str:
    """The whole answer: "ok", "degraded" (only checks the portal serves without are failing) or
    "failing" (a required one is)."""
    failing = {name for name, result in results.items() if result != "ok"}
    if failing & REQUIRED_CHECKS:
        return "failing"
    return "degraded" if failing else "ok"


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
            status = overall_status(results)
            body = {"status": status, "checks": results}
            return uncached(JsonResponse(body, status=503 if status == "failing" else 200))
        return self.get_response(request)
