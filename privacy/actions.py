"""Writes for the copy of an applicant's data: asking for it, building it, downloading it, expiring it.

Building a ZIP takes a while (a printout per request), so it runs in the background
(privacy.tasks) and is not one transaction: each step (started, one more request, finished,
failed) is its own small atomic write, so that the applicant's page sees the progress.
"""

import logging
import tempfile
import zipfile

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from printing.printout import render_printout

from . import archive, queries, tasks
from .models import EXPORT_LIFETIME, DataExport

logger = logging.getLogger(__name__)


def _delete_file_after_commit(export: DataExport) -> None:
    name = export.file.name
    if name:
        storage = export.file.storage
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def request_data_export(*, actor, applicant, base_url: str = "") -> DataExport:
    """Queue a copy of the applicant's data for them; the one in progress if there is one. A new
    copy replaces the one ready before (its file is deleted)."""
    if not actor.is_authenticated or actor.pk != applicant.pk:
        raise PermissionDenied
    running = DataExport.objects.select_for_update().filter(
        applicant=applicant, status__in=(DataExport.Status.QUEUED, DataExport.Status.BUILDING)
    )
    if existing := running.first():
        return existing
    for previous in DataExport.objects.select_for_update().filter(
        applicant=applicant, status=DataExport.Status.READY
    ):
        _expire(previous)
    export = DataExport.objects.create(
        applicant=applicant,
        created_at=timezone.now(),
        requests_total=queries.requests_to_export(applicant).count(),
        base_url=base_url,
    )
    log(instance=export, action="privacy.request_export", user=actor)
    transaction.on_commit(lambda: tasks.build_data_export.enqueue(export.pk))
    return export


@transaction.atomic
def _start(export_id: int) -> DataExport | None:
    export = DataExport.objects.select_for_update().filter(pk=export_id).first()
    if export is None or export.status != DataExport.Status.QUEUED:
        return None  # built already, or asked for by a second worker
    export.status = DataExport.Status.BUILDING
    export.requests_total = queries.requests_to_export(export.applicant).count()
    export.requests_done = 0
    export.save(update_fields=["status", "requests_total", "requests_done"])
    return export


@transaction.atomic
def _record_progress(export: DataExport, done: int) -> None:
    export.requests_done = done
    DataExport.objects.filter(pk=export.pk).update(requests_done=done)


@transaction.atomic
def _finish(export: DataExport, content) -> None:
    now = timezone.now()
    export.file.save("export.zip", File(content), save=False)
    export.size = export.file.size
    export.status = DataExport.Status.READY
    export.finished_at = now
    export.expires_at = now + EXPORT_LIFETIME
    export.save(update_fields=["file", "size", "status", "finished_at", "expires_at"])
    log(instance=export, action="privacy.export_ready", user=None, data={"requests": export.requests_done})


@transaction.atomic
def _fail(export: DataExport) -> None:
    export.status = DataExport.Status.FAILED
    export.finished_at = timezone.now()
    export.save(update_fields=["status", "finished_at"])
    log(instance=export, action="privacy.export_failed", user=None)


def build_data_export(*, export_id: int) -> DataExport | None:
    """Write the applicant's ZIP (archive's layout) into the private storage, request by request,
    recording the progress; on any error the copy is marked failed and nothing is kept."""
    export = _start(export_id)
    if export is None:
        return None
    applicant = export.applicant
    office = queries.export_office()
    try:
        with tempfile.TemporaryFile() as content:
            with zipfile.ZipFile(content, "w", compression=zipfile.ZIP_DEFLATED) as zip_file:
                archive.write_readme(zip_file, office_name=office.name_th)
                archive.write_profile(zip_file, applicant)
                requests = list(queries.requests_to_export(applicant))
                for done, service_request in enumerate(requests, start=1):
                    archive.write_request(
                        zip_file,
                        service_request,
                        printout=render_printout(
                            service_request, office=office, base_url=export.base_url or None
                        ),
                        access=queries.access_data(service_request),
                    )
                    _record_progress(export, done)
            content.seek(0)
            _finish(export, content)
    except Exception:
        logger.exception("The copy of personal data %s could not be built", export.pk)
        _fail(export)
        return export
    return export


def _expire(export: DataExport) -> None:
    _delete_file_after_commit(export)
    export.file = ""
    export.status = DataExport.Status.EXPIRED
    export.save(update_fields=["file", "status"])
    log(instance=export, action="privacy.export_expired", user=None)


@transaction.atomic
def expire_data_exports(*, applicant=None) -> int:
    """Delete the files of finished copies past their 24 hours (of one applicant, or all: for a
    scheduled job); their pages and links then say they have expired."""
    expired = list(queries.expired_exports(applicant=applicant).select_for_update())
    for export in expired:
        _expire(export)
    return len(expired)


@transaction.atomic
def discard_data_exports(*, applicant) -> int:
    """Delete every copy of the applicant's data and its file (for closing the account)."""
    exports = list(DataExport.objects.select_for_update().filter(applicant=applicant))
    for export in exports:
        _delete_file_after_commit(export)
        export.delete()
    return len(exports)


@transaction.atomic
def record_download(*, actor, export: DataExport) -> None:
    """The applicant downloads their ready copy: only theirs, only before it expires."""
    if actor.pk != export.applicant_id or export.status != DataExport.Status.READY:
        raise PermissionDenied
    if export.expires_at <= timezone.now():
        raise PermissionDenied
    log(instance=export, action="privacy.download_export", user=actor)
