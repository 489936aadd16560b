"""The background worker's heartbeat: a task the worker enqueues for itself and runs like any other
(base/management/commands/db_worker.py), so that a recent beat shows the whole queue works, from
enqueueing to running, and /readyz can say so (base.health). Each beat also keeps the public
holidays of last year, this year and next year in the cache (base.public_holidays), so that web
workers read them from there and never import the `holidays` package (issue 12: worker memory),
and stores again a purge's new generation that Redis could not take (base.generations)."""

from django.utils import timezone

from django_tasks import task
from django_tasks_db.models import DBTaskResult

from .generations import store_those_not_stored
from .models import WorkerHeartbeat
from .public_holidays import fill_cache
from .working_days import bangkok_today


@task()
def beat(worker_id: str = ""):
    WorkerHeartbeat.objects.update_or_create(
        pk=WorkerHeartbeat.SINGLETON, defaults={"beaten_at": timezone.now(), "worker_id": worker_id[:64]}
    )
    # Only the latest beats stay in the queue's table: one every few seconds would otherwise pile up.
    finished = DBTaskResult.objects.finished().filter(task_path=beat.module_path)
    stale = finished.order_by("-finished_at").values_list("pk", flat=True)[10:]
    DBTaskResult.objects.filter(pk__in=list(stale)).delete()
    store_those_not_stored()  # a purge made in this process while Redis was away
    fill_cache(bangkok_today())  # six cache reads; computed only when missing (a new year, Redis emptied)
