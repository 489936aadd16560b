"""Every change to a request: one function each, atomic, checked against the workflow, recorded
in the request's history and in Wagtail's audit log, and notified after the commit."""

import itertools
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.actions import action_registry
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django_cleanup import cleanup
from django_tasks_db.models import DBTaskResult

from accounts.hashing import citizen_id_hash
from accounts.models import AddressAttempt
from base.client_address import address_hash
from signing import credentials as signing_credentials
from signing.actions import forget_kept_files, issue_signed_pdf
from signing.models import DocumentKind
from signing.signatures import UnsignablePdf

from . import corrections, notifications, queries
from . import hooks as request_hooks
from .catalogue import IdCardCopy, forget_office_choices, get_service
from .models import (
    AccessKind,
    AssignmentChange,
    Attachment,
    CorrectionItem,
    CorrectionRound,
    DeidentificationReason,
    InternalNote,
    ReplacedAttachment,
    RequestAccess,
    RetentionRun,
    ServiceAssignment,
    ServiceRequest,
    StatusChange,
    StatusLookup,
    officer_name,
)
from .permissions import RequestPermissionTester
from .references import save_with_unique_reference
from .uploads import check_upload, shortened_name
from .workflow import CLOSED, EDIT_TARGET, INITIAL, RequestStatus, Role, message_required

CONTACT_FIELDS = ("applicant_title", "applicant_first_name", "applicant_last_name", "applicant_phone")


def _store_upload(field_file, uploaded, *, stem, stored, sign_pdf=None):
    """Check an upload and put it into a file field under a generated name (the caller saves
    the row); returns the name the applicant or officer gave it and its accepted type. With
    `sign_pdf`, a PDF is stored as that function returns it (the office's signed copy).

    The file it replaces (personal data) leaves the disk once the new one is committed
    (django-cleanup, see models.py); the new one is listed in `stored`, to be deleted if the
    transaction fails.
    """
    accepted = check_upload(uploaded)
    original_name = shortened_name(uploaded.name)
    if sign_pdf is not None and accepted.content_type == "application/pdf":
        uploaded.seek(0)
        uploaded = ContentFile(sign_pdf(uploaded.read()))
    uploaded.name = f"{stem}.{accepted.extension}"
    field_file.save(uploaded.name, uploaded, save=False)
    stored.append(field_file)
    return original_name, accepted


def _signed_reply(pdf: bytes, *, reference, actor, base_url) -> bytes:
    """An officer's PDF reply as the office issues it: stamped with its /verify/ QR code and
    signed (signing/); the original is not kept. Unsigned only where no certificate is configured,
    which production refuses (signing.checks). Pictures are stored as they are."""
    if not signing_credentials.configured():
        return pdf
    try:
        signed, _document = issue_signed_pdf(
            pdf=pdf, kind=DocumentKind.REPLY_FILE, reference=reference, actor=actor, base_url=base_url or None
        )
    except UnsignablePdf as error:
        raise ValidationError(
            _(
                "This PDF cannot be signed by the office as it is. Please save it again as PDF and attach it again."
            ),
            code="reply_not_signable",
        ) from error
    return signed


def _store_attachments(service_request, attachments, *, stored, keep_replaced_in=None):
    """Save the uploaded files into their slots, each replacing what the slot held.

    With `keep_replaced_in` (a CorrectionRound) a replaced file is not deleted: it moves to a
    ReplacedAttachment of that round, so that officers can download both.
    """
    service = service_request.service
    slots = {slot.name for slot in service.attachment_slots}
    former = {slot.name for slot in service.former_slots}
    for slot, uploaded in attachments.items():
        if uploaded is None or slot in former:
            continue  # a slot the office no longer asks for takes no new file
        if slot not in slots:
            raise ValueError(f"Unknown attachment slot {slot!r}")
        attachment = Attachment.objects.filter(request=service_request, slot=slot).first() or Attachment(
            request=service_request, slot=slot
        )
        kept = attachment.pk is not None and keep_replaced_in is not None
        if kept:
            ReplacedAttachment.objects.create(
                round=keep_replaced_in,
                slot=slot,
                file=attachment.file.name,
                original_name=attachment.original_name,
                content_type=attachment.content_type,
                size=attachment.size,
            )
        attachment.original_name, accepted = _store_upload(
            attachment.file, uploaded, stem="upload", stored=stored
        )
        attachment.content_type = accepted.content_type
        attachment.size = uploaded.size
        if kept:
            # django-cleanup would delete the replaced file after the commit: it is kept above.
            cleanup.refresh(attachment)
        attachment.save()


def _record(service_request, *, actor, role, from_status, message, action, moment, marked=()):
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
        data={"from": from_status, "to": service_request.status, "message": message}
        | ({"marked": list(marked)} if marked else {}),
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


# The code of the refusal of a forged or stale submission key: the view renews the key.
STALE_SUBMISSION_KEY = "stale_submission_key"
STALE_SUBMISSION_KEY_MESSAGE = _(
    "This form is out of date and was not sent. Please check what you entered, attach the "
    "files again and send it once more."
)


def _request_filed_with(submission_key, *, applicant, service_code):
    """The request this form already filed (a second click or a reload), if any.

    A key that filed another applicant's request, or a request of another service, is a forged
    or stale form: refused, so that the applicant sends the form again with a fresh key.
    """
    existing = ServiceRequest.objects.filter(submission_key=submission_key).first()
    if existing is None:
        return None
    if existing.applicant_id != applicant.pk or existing.service_code != service_code:
        raise ValidationError(STALE_SUBMISSION_KEY_MESSAGE, code=STALE_SUBMISSION_KEY)
    return existing


def submit_request(
    *, applicant, service_code, contact, details, attachments, submission_key, base_url=""
) -> ServiceRequest:
    """File a new request. The same submission key twice gives back the first request; a key
    used for another applicant's request or another service's is refused (STALE_SUBMISSION_KEY).

    `base_url` (here and below): the portal's address the e-mails link to, as the calling view
    saw it (base.links.portal_base_url); empty: the configured one.
    """
    existing = _request_filed_with(submission_key, applicant=applicant, service_code=service_code)
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
                status=INITIAL,
                submitted_at=moment,
                status_changed_at=moment,
                last_changed_at=moment,
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
            # Robust: a queue that fails after the commit is logged, and does not undo the filing
            # in the applicant's eyes (nor delete its files below).
            transaction.on_commit(
                lambda: notifications.request_submitted(service_request.pk, base_url=base_url), robust=True
            )
    except IntegrityError:
        _delete_files_on_failure(stored)
        # A second click raced the first: the unique submission key let only one through.
        existing = _request_filed_with(submission_key, applicant=applicant, service_code=service_code)
        if existing:
            return existing
        raise
    except BaseException:
        _delete_files_on_failure(stored)
        raise
    return service_request


def edit_request(
    *, actor, service_request, contact, details, attachments, reply="", base_url=""
) -> ServiceRequest:
    """The applicant's correction: allowed while untouched or returned; a returned one is resubmitted.

    Sending back a returned request closes its correction round: `reply` (the applicant's
    message to the officer, also the history line's message), what the request now holds (the
    round's `after`, compared with its `before` on the officers' page), and the files it
    replaced, kept in the round instead of deleted. The service's own rules (prices, conflicts)
    run again through update_from().
    """
    reply = (reply or "").strip()
    stored = []
    try:
        with transaction.atomic():
            service_request = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
            RequestPermissionTester(actor, service_request).check_edit()
            source = service_request.status
            target = EDIT_TARGET[RequestStatus(source)]
            moment = timezone.now()
            for name in CONTACT_FIELDS:
                setattr(service_request, name, contact[name])
            service_request.status = target
            if target != source:
                service_request.status_changed_at = moment
            # An edit that keeps the status is a change too: the officers' list shows it as one
            # (status_changed_at stays, the SLA counts from it).
            service_request.last_changed_at = moment
            service_request.save()
            details_model = service_request.service.details_model
            details_row = details_model.objects.select_for_update().get(request=service_request)
            with refusing_conflicts(details_model):
                details_row.update_from(details)
            correction_round = (
                queries.open_correction_round(service_request, for_update=True) if target != source else None
            )
            _store_attachments(service_request, attachments, stored=stored, keep_replaced_in=correction_round)
            if correction_round is not None:
                correction_round.after = corrections.snapshot(service_request, details_row)
                correction_round.reply = reply
                correction_round.resubmitted_at = moment
                correction_round.save()
            _record(
                service_request,
                actor=actor,
                role=Role.APPLICANT,
                from_status=source,
                message=reply if target != source else "",
                action="service_requests.edit",
                moment=moment,
            )
            if target != source:
                transaction.on_commit(
                    lambda: notifications.request_resubmitted(service_request.pk, base_url=base_url),
                    robust=True,
                )
            transaction.on_commit(
                lambda: notifications.request_edited(service_request.pk, base_url=base_url), robust=True
            )
    except BaseException:
        _delete_files_on_failure(stored)
        raise
    return service_request


def _open_correction_round(service_request, *, actor, message, marked, moment):
    """A return for correction: what the request holds now, and the parts the officer marked
    ((key, note) pairs, keys from corrections.correctable_parts), each once."""
    record = queries.details_record(service_request)
    parts = {part.key: part for part in corrections.correctable_parts(service_request, record)}
    notes = {}
    for key, note in marked:
        if key not in parts:
            raise ValueError(f"Unknown part {key!r} of a {service_request.service_code} request")
        notes[key] = (note or "").strip()[: CorrectionItem._meta.get_field("note").max_length]
    correction_round = CorrectionRound.objects.create(
        request=service_request,
        returned_at=moment,
        returned_by=actor,
        message=message,
        before=corrections.snapshot(service_request, record),
    )
    CorrectionItem.objects.bulk_create(
        CorrectionItem(round=correction_round, key=key, label=parts[key].label[:255], note=note)
        for key, note in notes.items()
    )
    return correction_round


def move_request(
    *, actor, service_request, to_status, role, message="", reply_file=None, marked=(), base_url=""
) -> ServiceRequest:
    """Change a request's status (or, officers, just send a message or a reply file).

    `role` is where the move comes from: the applicant's pages act as the applicant, the admin as
    an officer of the service. RequestPermissionTester decides whether the actor may.

    An officer's return for correction opens a correction round (CorrectionRound) with the
    parts of the request they `marked`: (key, note) pairs, keys from
    corrections.correctable_parts(). Marks with any other move are refused.
    """
    role = Role(role)
    marked = list(marked)
    stored = []
    try:
        with transaction.atomic():
            service_request = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
            permissions = RequestPermissionTester(actor, service_request)
            permissions.check_move(to_status, role)
            if reply_file is not None and (role != Role.OFFICER or not permissions.can_send_reply_file()):
                raise PermissionDenied(permissions.refusal(role))
            source = service_request.status
            message = (message or "").strip()
            if message_required(to_status, role) and not message:
                raise ValidationError(_("Please write a message to the applicant."), code="message_required")
            returning = to_status != source and permissions.returns_for_correction(to_status, role)
            if marked and not returning:
                raise ValidationError(
                    _("Fields can be marked for correction only when you return the request for correction."),
                    code="marks_without_return",
                )
            moment = timezone.now()
            service_request.status = to_status
            if to_status != source:
                service_request.status_changed_at = moment
            service_request.last_changed_at = moment  # a history line, with or without a new status
            if role == Role.OFFICER and (message or to_status != source):
                # The officer's note is about the request as it now stands: a new status without
                # a message clears the old one (a completed request keeps no "please correct").
                service_request.officer_message = message
            if reply_file is not None:
                service_request.reply_file_name, _accepted = _store_upload(
                    service_request.reply_file,
                    reply_file,
                    stem="reply",
                    stored=stored,
                    sign_pdf=partial(
                        _signed_reply, reference=service_request.reference, actor=actor, base_url=base_url
                    ),
                )
            service_request.save()
            if to_status != source:
                _follow_status_in_details(service_request)
            if returning:
                correction_round = _open_correction_round(
                    service_request, actor=actor, message=message, marked=marked, moment=moment
                )
                marked = [item.key for item in correction_round.items.all()]
            _record(
                service_request,
                actor=actor,
                role=role,
                from_status=source,
                marked=marked,
                message=message,
                action="service_requests.cancel"
                if to_status == RequestStatus.CANCELLED
                else "service_requests.move",
                moment=moment,
            )
            transaction.on_commit(
                lambda: notifications.status_changed(service_request.pk, base_url=base_url), robust=True
            )
    except BaseException:
        _delete_files_on_failure(stored)
        raise
    return service_request


INTERNAL_NOTE_MAX_LENGTH = 4000


@transaction.atomic
def add_internal_note(*, actor, service_request, text) -> InternalNote:
    """An officer's note about a request for the other officers of its service only.

    Not a line of the request's history (the applicant reads that), no e-mail; the audit log
    says that a note was added, without its words (the notes stay in one table that only the
    officers' process page reads).
    """
    service_request = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
    RequestPermissionTester(actor, service_request).check_add_internal_note()
    text = (text or "").strip()
    if not text:
        raise ValidationError(_("Please write the note."), code="note_required")
    if len(text) > INTERNAL_NOTE_MAX_LENGTH:
        raise ValidationError(
            _("A note may have at most %(max)s characters.") % {"max": INTERNAL_NOTE_MAX_LENGTH},
            code="note_too_long",
        )
    note = InternalNote.objects.create(
        request=service_request,
        author=actor,
        author_name=(actor.get_full_name().strip() or str(_("officer")))[
            : InternalNote._meta.get_field("author_name").max_length
        ],
        text=text,
        created_at=timezone.now(),
    )
    log(
        instance=service_request,
        action="service_requests.add_internal_note",
        user=actor,
        data={"internal_note": note.pk},
    )
    return note


@transaction.atomic
def assign_request(*, actor, service_request, assignee) -> ServiceRequest:
    """Make `assignee` (an officer of the request's service, or None: nobody) answerable for the
    request: an officer takes an unassigned one (รับเรื่อง) or releases their own, a supervisor of
    the service assigns it to anyone of it. RequestPermissionTester.check_assign decides; the
    change is kept in the request's assignment history and Wagtail's audit log."""
    service_request = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
    RequestPermissionTester(actor, service_request).check_assign(assignee)
    previous = service_request.assignee
    service_request.assignee = assignee
    service_request.save(update_fields=["assignee"])
    AssignmentChange.objects.create(
        request=service_request,
        from_assignee=previous,
        to_assignee=assignee,
        actor=actor,
        created_at=timezone.now(),
    )
    log(
        instance=service_request,
        action="service_requests.assign",
        user=actor,
        data={
            "from": previous.pk if previous else None,
            "from_name": officer_name(previous) if previous else "",
            "to": assignee.pk if assignee else None,
            "to_name": officer_name(assignee) if assignee else "",
        },
    )
    return service_request


@dataclass
class BulkOutcome:
    """What a bulk action did: the references done, and each skipped one with the reason."""

    done: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def each_in_its_own_transaction(*, service_requests, act) -> BulkOutcome:
    """Apply `act(service_request)` (an action of this module: atomic, permission-checked,
    recorded) to each request in turn, each in its own transaction, so that one refused request
    neither stops nor undoes the others. A refusal (PermissionDenied, ValidationError) skips the
    request with its reason. Deliberately not atomic itself: each request commits on its own."""
    outcome = BulkOutcome()
    for service_request in service_requests:
        try:
            act(service_request)
        except PermissionDenied as refusal:
            outcome.skipped.append((service_request.reference, str(refusal) or str(_("Not allowed."))))
        except ValidationError as error:
            outcome.skipped.append((service_request.reference, " ".join(error.messages)))
        else:
            outcome.done.append(service_request.reference)
    return outcome


def assign_requests(*, actor, service_requests, assignee) -> BulkOutcome:
    """assign_request for each request, each in its own transaction."""
    return each_in_its_own_transaction(
        service_requests=service_requests,
        act=lambda service_request: assign_request(
            actor=actor, service_request=service_request, assignee=assignee
        ),
    )


def move_requests(*, actor, service_requests, to_status, base_url="") -> BulkOutcome:
    """An officer's move of each request to `to_status` (move_request: the workflow's table
    decides per request), each in its own transaction. A request already there is skipped:
    a bulk move never writes an empty history line."""

    def move(service_request):
        with transaction.atomic():
            current = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
            if current.status == to_status:
                raise PermissionDenied(
                    _("It is already “%(status)s”.") % {"status": current.get_status_display()}
                )
            move_request(
                actor=actor,
                service_request=current,
                to_status=to_status,
                role=Role.OFFICER,
                base_url=base_url,
            )

    return each_in_its_own_transaction(service_requests=service_requests, act=move)


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
    client_hash = address_hash(client_address)
    if StatusLookup.objects.filter(client_hash=client_hash).count() >= STATUS_LOOKUPS_PER_WINDOW:
        return False
    StatusLookup.objects.create(client_hash=client_hash, created_at=now)
    return True


@dataclass(frozen=True)
class StaffAccess:
    """One request whose personal data a staff view hands out, and how (RequestAccess's fields)."""

    request_id: int
    applicant_id: int
    kind: AccessKind
    detail: str = ""
    list_size: int | None = None

    @classmethod
    def of(cls, service_request, kind, *, detail="", list_size=None):
        return cls(service_request.pk, service_request.applicant_id, kind, detail, list_size)


# Rows inserted at a time: an export of 50,000 requests is 50 inserts, never 50,000 rows in memory.
ACCESS_BATCH_SIZE = 1000


@transaction.atomic
def record_staff_accesses(*, reader, accesses) -> int:
    """Record staff reads of requests' personal data, one row each: one insert per 1,000 (an
    export of 500 requests is one insert); `accesses` may be a generator. Returns how many.

    The applicant's reads of their own request are not recorded (a staff member's own request
    included). Only officers read other people's requests: anyone else is refused. The rows copy
    the officer's name and groups as they are now. No audit-log entry: this record is the log,
    and a view may cost no more than an insert per 1,000 requests.
    """
    accesses = (access for access in accesses if access.applicant_id != reader.pk)
    first = next(accesses, None)
    if first is None:
        return 0
    if not queries.is_officer(reader):
        raise PermissionDenied
    snapshot = _access_snapshot(reader)
    accesses = itertools.chain([first], accesses)
    count = 0
    while batch := list(itertools.islice(accesses, ACCESS_BATCH_SIZE)):
        RequestAccess.objects.bulk_create(
            RequestAccess(
                request_id=access.request_id,
                kind=access.kind,
                detail=access.detail,
                list_size=access.list_size,
                **snapshot,
            )
            for access in batch
        )
        count += len(batch)
    return count


def _access_snapshot(reader) -> dict:
    """What an access row copies of the officer as they are now, and the moment."""
    fields = RequestAccess._meta
    return {
        "officer": reader,
        "officer_name": (reader.get_full_name().strip() or str(_("officer")))[
            : fields.get_field("officer_name").max_length
        ],
        "officer_groups": ", ".join(reader.groups.order_by("name").values_list("name", flat=True))[
            : fields.get_field("officer_groups").max_length
        ],
        "officer_was_administrator": reader.is_superuser,
        "accessed_at": timezone.now(),
    }


@transaction.atomic
def record_staff_access(*, reader, service_request, kind, detail="") -> RequestAccess | None:
    """One staff read of one request (as record_staff_accesses); None for the applicant's own read."""
    if service_request.applicant_id == reader.pk:
        return None
    if not queries.is_officer(reader):
        raise PermissionDenied
    return RequestAccess.objects.create(
        request_id=service_request.pk, kind=kind, detail=detail, **_access_snapshot(reader)
    )


# What stands in an officer's text for a name, phone or citizen ID of a de-identified applicant.
REDACTED = "***"


def redact(text: str, identifiers) -> str:
    """The text with every occurrence of the identifiers (names, phone, citizen ID) replaced."""
    for identifier in sorted({i for i in identifiers if i and len(i) > 1}, key=len, reverse=True):
        text = text.replace(identifier, REDACTED)
    return text


@transaction.atomic
def deidentify_request(*, service_request, reason, actor=None, identifiers=()) -> ServiceRequest:
    """Remove the applicant's personal data from a closed request the office keeps: the snapshot
    of their name and phone, their citizen ID (a keyed hash stays, so the same person can still be
    matched), the service's personal fields, the applicant's own messages and their name on
    their history lines, their names in the officers' messages, the attachments and the reply file (deleted after the commit). Service,
    status, dates and history lines stay, and the reports still count it.

    `actor` None is the portal itself (the retention job); otherwise only the applicant may.
    `identifiers`: more text to remove from officers' messages (e.g. the account's current names).
    """
    service_request = ServiceRequest.objects.select_for_update().get(pk=service_request.pk)
    if actor is not None and actor.pk != service_request.applicant_id:
        raise PermissionDenied
    if service_request.status not in CLOSED:
        raise ValueError(f"Request {service_request.reference} is not closed.")
    if service_request.deidentified_at is not None:
        return service_request
    reason = DeidentificationReason(reason)
    identifiers = [
        *identifiers,
        service_request.applicant_first_name,
        service_request.applicant_last_name,
        service_request.applicant_phone,
        service_request.applicant_citizen_id,
    ]
    details_model = service_request.service.details_model
    if details_model is not None:
        details = details_model.objects.filter(request=service_request).first()
        if details is not None:
            details.erase_personal_data()
            details.save()
    # Their files: the rows go now, the files after the commit (django-cleanup).
    service_request.attachments.all().delete()
    ReplacedAttachment.objects.filter(round__request=service_request).delete()
    # What the correction rounds copied of the request, and the applicant's replies, go too; the
    # officers' notes lose the applicant's names.
    service_request.correction_rounds.update(before={}, after={}, reply="")
    for correction_round in service_request.correction_rounds.all():
        correction_round.message = redact(correction_round.message, identifiers)
        correction_round.save(update_fields=["message"])
    for item in CorrectionItem.objects.filter(round__request=service_request):
        item.note = redact(item.note, identifiers)
        item.save(update_fields=["note"])
    service_request.reply_file = ""
    service_request.reply_file_name = ""
    forget_kept_files(reference=service_request.reference)  # the signed printouts name them too
    service_request.applicant_citizen_id = citizen_id_hash(service_request.applicant_citizen_id)
    for name in CONTACT_FIELDS:
        setattr(service_request, name, "")
    service_request.officer_message = redact(service_request.officer_message, identifiers)
    service_request.deidentified_at = timezone.now()
    service_request.deidentified_reason = reason
    service_request.save()
    # The history lines stay (who in which role moved it when); the applicant's lines no longer
    # name their account, and their own words go.
    for change in service_request.history.all():
        if change.actor_role == Role.APPLICANT:
            change.actor, change.message = None, ""
        else:
            change.message = redact(change.message, identifiers)
        change.save(update_fields=["actor", "message"])
    # The officers' notes may name the applicant too.
    for note in service_request.internal_notes.all():
        note.text = redact(note.text, identifiers)
        note.save(update_fields=["text"])
    # The audit log repeats each move's message.
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ServiceRequest), object_id=str(service_request.pk)
    )
    for entry in entries:
        if isinstance(entry.data, dict) and entry.data.get("message"):
            by_applicant = entry.user_id is not None and entry.user_id == service_request.applicant_id
            entry.data["message"] = "" if by_applicant else redact(entry.data["message"], identifiers)
            entry.save(update_fields=["data"])
    # What apps above keep of the request (e.g. payment slips) goes too (hooks.REQUEST_DEIDENTIFIED).
    for hook in hooks.get_hooks(request_hooks.REQUEST_DEIDENTIFIED):
        hook(service_request, lambda text: redact(text, identifiers))
    log(
        instance=service_request,
        action="service_requests.deidentify",
        user=actor,
        data={"reason": reason.value},
    )
    return service_request


@transaction.atomic
def apply_retention(*, dry_run: bool = False) -> dict[str, int]:
    """The daily retention job: de-identify the closed requests past their service's retention
    period (deleting their files), and delete log-in records (axes), status-lookup counters,
    per-address attempts and finished background tasks older than LOG_RETENTION_DAYS. Returns the count of each kind; a dry
    run counts and changes nothing. One audit-log entry per run that changed something."""
    now = timezone.now()
    logs_before = now - timedelta(days=settings.LOG_RETENTION_DAYS)
    due = list(queries.requests_past_retention(now))
    old_rows = {
        "axes_access_attempts": AccessAttempt.objects.filter(attempt_time__lt=logs_before),
        "axes_access_logs": AccessLog.objects.filter(attempt_time__lt=logs_before),
        "axes_access_failure_logs": AccessFailureLog.objects.filter(attempt_time__lt=logs_before),
        "status_lookups": StatusLookup.objects.filter(created_at__lt=logs_before),
        "address_attempts": AddressAttempt.objects.filter(created_at__lt=logs_before),
        # Finished background tasks keep their arguments (a citizen ID, a request's key).
        "task_results": DBTaskResult.objects.filter(finished_at__lt=logs_before),
    }
    counts = {
        "requests_deidentified": len(due),
        "files_deleted": sum(
            request.attachments.count()
            + ReplacedAttachment.objects.filter(round__request=request).count()
            + bool(request.reply_file)
            for request in due
        ),
    }
    counts |= {kind: rows.count() for kind, rows in old_rows.items()}
    if dry_run:
        return counts
    for service_request in due:
        deidentify_request(service_request=service_request, reason=DeidentificationReason.RETENTION)
    for rows in old_rows.values():
        rows.delete()
    run = RetentionRun.objects.create(ran_at=now, counts=counts)
    log(instance=run, action="service_requests.apply_retention", data=counts)
    return counts


@transaction.atomic
def assign_service_to_group(*, service_code, group, retention_days=None, actor=None) -> ServiceAssignment:
    """The group whose officers work a service, and its retention period when given: what a
    configured service's page names, made true when it is published (the caller checked the
    publisher's right). Administrators may change it later under Settings → service assignments."""
    assignment = ServiceAssignment.objects.select_for_update().filter(service_code=service_code).first()
    created = assignment is None
    if created:
        assignment = ServiceAssignment(service_code=service_code)
    changed = created or assignment.group_id != group.pk
    assignment.group = group
    if retention_days is not None and assignment.retention_days != retention_days:
        assignment.retention_days = retention_days
        changed = True
    if changed:
        assignment.save()
        log(instance=assignment, action="wagtail.create" if created else "wagtail.edit", user=actor)
    return assignment


@transaction.atomic
def save_service_assignment(*, actor, assignment: ServiceAssignment, form=None) -> ServiceAssignment:
    """An administrator's change under Settings → service assignments: the group that works a
    service, its retention period, whether it asks for the ID-card copy. Wagtail's own create or
    edit action checks the right (add or change service assignments), saves (through `form`,
    the validated admin form, when given) and logs it; a changed ID-card copy is logged on its
    own, and the catalogue reads the services' slots again (other processes within
    catalogue.base.LOADED_FOR_SECONDS)."""
    created = assignment.pk is None
    before = (
        IdCardCopy.REQUIRED
        if created
        else ServiceAssignment.objects.select_for_update()
        .values_list("id_card_copy", flat=True)
        .get(pk=assignment.pk)
    )
    action_class = action_registry.get_action_class(ServiceAssignment, "create" if created else "edit")
    assignment = action_class(assignment, user=actor, form=form).execute()
    if assignment.id_card_copy != before:
        log(
            instance=assignment,
            action="service_requests.id_card_copy",
            user=actor,
            data={"from": before, "to": assignment.id_card_copy},
        )
        transaction.on_commit(forget_office_choices)
    return assignment
