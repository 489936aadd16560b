"""The background worker's heartbeat: a task the worker enqueues for itself and runs like any other
(base/management/commands/db_worker.py), so that a recent beat shows the whole queue works, from
enqueueing to running, and /readyz can say so (base.health)."""

from django.utils import timezone

from django_tasks import task
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat


@task()
def beat(worker_id: str = ""):
    WorkerHeartbeat.objects.update_or_create(
        pk=WorkerHeartbeat.SINGLETON, defaults={"beaten_at": timezone.now(), "worker_id": worker_id[:64]}
    )
    # Only the latest beats stay in the queue's table: one every few seconds would otherwise pile up.
    finished = DBTaskResult.objects.finished().filter(task_path=beat.module_path)
    stale = finished.order_by("-finished_at").values_list("pk", flat=True)[10:]
    DBTaskResult.objects.filter(pk__in=list(stale)).delete()
