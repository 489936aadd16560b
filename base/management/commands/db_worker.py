"""django-tasks-db's `db_worker`, with a heartbeat: every HEARTBEAT_INTERVAL seconds a side thread
enqueues base.tasks.beat (unless one is waiting), which the worker then runs like any other task.
A recent beat (WorkerHeartbeat) therefore shows that the worker is alive, reaches the database and
gets through the queue; /readyz reports it. Same name and options as the library's command, which
it replaces (base comes before django_tasks_db in INSTALLED_APPS)."""

import logging
import threading

from django.db import DatabaseError, close_old_connections, connection

from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from base.tasks import beat

logger = logging.getLogger(__name__)

HEARTBEAT_INTERVAL = 15  # seconds; /readyz wants a beat younger than WORKER_HEARTBEAT_MAX_AGE


def enqueue_beat(worker_id, backend_name):
    waiting = DBTaskResult.objects.ready().filter(task_path=beat.module_path).exists()
    if not waiting:
        beat.using(backend=backend_name).enqueue(worker_id)


def heartbeat_loop(stop, worker_id, backend_name):
    while not stop.is_set():
        try:
            close_old_connections()
            enqueue_beat(worker_id, backend_name)
        except DatabaseError:
            logger.exception("The worker's heartbeat could not be enqueued")
        finally:
            connection.close()
        stop.wait(HEARTBEAT_INTERVAL)


class Command(db_worker.Command):
    def handle(self, *args, worker_id, backend_name, batch=False, **options):
        stop = threading.Event()
        if not batch:
            threading.Thread(
                target=heartbeat_loop, args=(stop, worker_id, backend_name), daemon=True, name="heartbeat"
            ).start()
        try:
            super().handle(*args, worker_id=worker_id, backend_name=backend_name, batch=batch, **options)
        finally:
            stop.set()
