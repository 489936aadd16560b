"""The applicant's data rights, each one function, atomic, checked and audit-logged: a copy of
their data (asking, building, downloading, expiring) and closing their account.

Building a ZIP takes a while (a printout per request), so it runs in the background
(privacy.tasks) and is not one transaction: each step (started, one more request, finished,
failed) is its own small atomic write, so that the applicant's page sees the progress.
"""

import logging
import tempfile
import zipfile

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.log_actions import log

from accounts.hooks import ACCOUNT_CLOSING
from accounts.models import User
from printing.printout import render_printout
from service_requests import actions as request_actions
from service_requests import queries as request_queries
from service_requests.models import DeidentificationReason

from . import archive, closure, queries, tasks
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


OPEN_REQUESTS_MESSAGE = _(
    "You still have requests in progress. Please cancel them, or wait until they are completed, "
    "before deleting your account."
)


@transaction.atomic
def close_account(*, user, password: str) -> User:
    """Delete an applicant's account at their request (PDPA section 33): closed at once (no log-in,
    its sessions ended), its personal data erased, its kept requests de-identified (they stay for
    the office's records and reports, with a keyed hash of the citizen ID), and the citizen ID
    freed so that the person may register again. Refused while a request is still in progress."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if queries.is_staff_account(user) or not user.is_active:
        raise PermissionDenied
    if not user.check_password(password):
        raise ValidationError(
            {"password": _("Your password is not correct. Please enter it again.")}, code="password_incorrect"
        )
    if request_queries.open_requests_of_applicant(user).exists():
        raise ValidationError(OPEN_REQUESTS_MESSAGE, code="open_requests")
    identifiers = closure.identifiers_of(user)
    citizen_id, emails = user.citizen_id, (user.email, user.verified_email)
    requests = list(request_queries.requests_of_applicant(user))
    for service_request in requests:
        request_actions.deidentify_request(
            service_request=service_request,
            reason=DeidentificationReason.ACCOUNT_CLOSED,
            actor=user,
            identifiers=identifiers,
        )
    discard_data_exports(applicant=user)
    for forget in hooks.get_hooks(ACCOUNT_CLOSING):  # what apps above keep about it (LINE)
        forget(user)
    closure.erase_user(user)
    closure.delete_traces(user, citizen_id, emails)
    closure.end_sessions(user)
    log(instance=user, action="privacy.close_account", user=user, data={"requests_kept": len(requests)})
    return user
