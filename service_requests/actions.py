"""Every change to a request: one function each, atomic, checked against the workflow, recorded
in the request's history and in Wagtail's audit log, and notified after the commit."""

import hashlib
import hmac
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from . import notifications, queries
from .catalogue import get_service
from .models import Attachment, ServiceRequest, StatusChange, StatusLookup
from .references import save_with_unique_reference
from .uploads import check_upload, shortened_name
from .workflow import EDIT_TARGET, RequestStatus, Role, is_allowed, message_required

CONTACT_FIELDS = ("applicant_title", "applicant_first_name", "applicant_last_name", "applicant_phone")


def _store_attachments(service_request, attachments, *, stored):
    """Save the uploaded files into their slots; `stored` collects names to delete on failure."""
    slots = {slot.name for slot in service_request.service.attachment_slots}
    for slot, uploaded in attachments.items():
        if uploaded is None:
            continue
        if slot not in slots:
            raise ValueError(f"Unknown attachment slot {slot!r}")
        accepted = check_upload(uploaded)
        original_name = uploaded.name
        uploaded.name = f"upload.{accepted.extension}"
        for replaced in Attachment.objects.filter(request=service_request, slot=slot):
            # The replaced copy (personal data) leaves the disk once the new one is committed.
            transaction.on_commit(
                lambda storage=replaced.file.storage, name=replaced.file.name: storage.delete(name)
            )
            replaced.delete()
        attachment = Attachment(
            request=service_request,
            slot=slot,
            original_name=shortened_name(original_name),
            content_type=accepted.content_type,
            size=uploaded.size,
        )
        attachment.file.save(uploaded.name, uploaded, save=False)
        stored.append(attachment.file)
        attachment.save()


def _record(service_request, *, actor, role, from_status, message, action, moment):
    StatusChange.objects.create(
        request=service_request,
        from_status=from_status,
        to_status=service_request.status,
        actor=actor,
        actor_role=role,
        message=message,
        created_at=moment,
    )
    log(
        instance=service_request,
        action=action,
        user=actor,
        data={"from": from_status, "to": service_request.status, "message": message},
    )


# PostgreSQL's SQLSTATE for a row refused by an exclusion constraint (room or appointment overlap).
EXCLUSION_VIOLATION = "23P01"


@contextmanager
def refusing_conflicts(details_model):
    """Turn the database's refusal of a conflicting row (one that raced past the service's own
    check) into the same message the check gives, on the same form field."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as error:
        if (
            getattr(error.__cause__, "sqlstate", None) != EXCLUSION_VIOLATION
            or not details_model.conflict_message
        ):
            raise
        raise ValidationError(
            {details_model.conflict_field: details_model.conflict_message}, code="conflict"
        ) from error


def _follow_status_in_details(service_request):
    """Let the service's own row follow the new status (a cancelled booking frees its slot; an
    accepted appointment takes its time) and refuse a move that would now clash."""
    details_model = service_request.service.details_model
    details = details_model.objects.select_for_update().get(request=service_request)
    details.on_status_change(service_request.status)
    try:
        with refusing_conflicts(details_model):
            details.check_conflicts()
            details.save()
    except ValidationError as error:
        # Officers see it above their form, which has no field of the service's own. One message
        # (a list would drop the code, which the officers' views read).
        raise ValidationError(" ".join(error.messages), code="conflict") from error


def _delete_files_on_failure(stored):
    for field_file in stored:
        field_file.storage.delete(field_file.name)


def submit_request(
    *, applicant, service_code, contact, details, attachments, submission_key
) -> ServiceRequest:
    """File a new request. The same submission key twice gives back the first request."""
    existing = ServiceRequest.objects.filter(submission_key=submission_key, applicant=applicant).first()
    if existing:
        return existing
    service = get_service(service_code)
    if not service.accepts_requests:
        raise PermissionDenied
    missing = [
        slot.name for slot in service.attachment_slots if slot.required and not attachments.get(slot.name)
    ]
    if missing:
        raise ValidationError(_("Please attach the required documents."), code="attachment_required")
    stored = []
    try:
        with transaction.atomic():
            moment = timezone.now()
            service_request = ServiceRequest(
                service_code=service_code,
                applicant=applicant,
                applicant_citizen_id=applicant.citizen_id,
                status=RequestStatus.SUBMITTED,
                submitted_at=moment,
                status_changed_at=moment,
                submission_key=submission_key,
                **{name: contact[name] for name in CONTACT_FIELDS},
            )
            save_with_unique_reference(service_request)
            with refusing_conflicts(service.details_model):
                service.details_model.create_for(service_request, details)
            _store_attachments(service_request, attachments, stored=stored)
            _record(
                service_request,
                actor=applicant,
                role=Role.APPLICANT,
                from_status="",
                message="",
                action="service_requests.submit",
                moment=moment,
            )
            transaction.on_commit(lambda: notifications.request_submitted(service_request.pk))
    except IntegrityError:
        _delete_files_on_failure(stored)
        # A second click raced the first: the unique submission key let only one through.
        existing = ServiceRequest.objects.filter(submission_key=submission_key, applicant=applicant).first()
        if existing:
            return existing
        raise
    except BaseException:
        _delete_files_on_failure(stored)
        raise
    return service_request


def edit_request(*, actor, service_request, contact, details, attachments) -> ServiceRequest:
    """The applicant's correction: allowed while untouched or returned; a returned one is resubmitted."""
    stored = []
    try:
        with transaction.atomic():
            service_request = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
            if actor.pk != service_request.applicant_id:
                raise PermissionDenied
            source = service_request.status
            target = EDIT_TARGET.get(RequestStatus(source))
            if target is None or not is_allowed(source, target, Role.APPLICANT):
                raise PermissionDenied
            moment = timezone.now()
            for name in CONTACT_FIELDS:
                setattr(service_request, name, contact[name])
            service_request.status = target
            if target != source:
                service_request.status_changed_at = moment
            service_request.save()
            details_model = service_request.service.details_model
            details_row = details_model.objects.select_for_update().get(request=service_request)
            with refusing_conflicts(details_model):
                details_row.update_from(details)
            _store_attachments(service_request, attachments, stored=stored)
            _record(
                service_request,
                actor=actor,
                role=Role.APPLICANT,
                from_status=source,
                message="",
                action="service_requests.edit",
                moment=moment,
            )
            if target != source:
                transaction.on_commit(lambda: notifications.request_resubmitted(service_request.pk))
    except BaseException:
        _delete_files_on_failure(stored)
        raise
    return service_request


def move_request(*, actor, service_request, to_status, message="", reply_file=None) -> ServiceRequest:
    """Change a request's status (or, officers, just send a message or a reply file).

    Officers of the service act as officers; the applicant acts as applicant; nobody else may.
    """
    stored = []
    try:
        with transaction.atomic():
            service_request = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
            if queries.is_officer_for(actor, service_request.service_code):
                role = Role.OFFICER
            elif actor.pk == service_request.applicant_id:
                role = Role.APPLICANT
            else:
                raise PermissionDenied
            source = service_request.status
            if not is_allowed(source, to_status, role):
                raise PermissionDenied
            message = (message or "").strip()
            if message_required(to_status, role) and not message:
                raise ValidationError(_("Please write a message to the applicant."), code="message_required")
            if reply_file is not None and role != Role.OFFICER:
                raise PermissionDenied
            moment = timezone.now()
            service_request.status = to_status
            if to_status != source:
                service_request.status_changed_at = moment
            if role == Role.OFFICER and message:
                service_request.officer_message = message
            if reply_file is not None:
                accepted = check_upload(reply_file)
                service_request.reply_file_name = shortened_name(reply_file.name)
                reply_file.name = f"reply.{accepted.extension}"
                old_name = service_request.reply_file.name
                service_request.reply_file.save(reply_file.name, reply_file, save=False)
                stored.append(service_request.reply_file)
                if old_name:
                    transaction.on_commit(lambda: service_request.reply_file.storage.delete(old_name))
            service_request.save()
            if to_status != source:
                _follow_status_in_details(service_request)
            _record(
                service_request,
                actor=actor,
                role=role,
                from_status=source,
                message=message,
                action="service_requests.cancel"
                if to_status == RequestStatus.CANCELLED
                else "service_requests.move",
                moment=moment,
            )
            transaction.on_commit(lambda: notifications.status_changed(service_request.pk))
    except BaseException:
        _delete_files_on_failure(stored)
        raise
    return service_request


STATUS_LOOKUPS_PER_WINDOW = 10
STATUS_LOOKUP_WINDOW = timedelta(minutes=10)


@transaction.atomic
def record_status_lookup(*, client_address: str) -> bool:
    """Count one public status lookup from this address; False once it is over its allowance.

    The count lives in the database because the embedded set-up has no shared cache server (and
    django-ratelimit refuses local-memory and database caches). Addresses are kept only as keyed
    hashes, and rows older than the window are deleted as new ones arrive.
    """
    now = timezone.now()
    StatusLookup.objects.filter(created_at__lt=now - STATUS_LOOKUP_WINDOW).delete()
    client_hash = hmac.new(settings.SECRET_KEY.encode(), client_address.encode(), hashlib.sha256).hexdigest()
    if StatusLookup.objects.filter(client_hash=client_hash).count() >= STATUS_LOOKUPS_PER_WINDOW:
        return False
    StatusLookup.objects.create(client_hash=client_hash, created_at=now)
    return True
