"""Every move through the actions: allowed ones change the request and are recorded in its history
and in Wagtail's audit log; forbidden ones raise PermissionDenied and change nothing."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

import pytest

from service_requests import actions
from service_requests.models import Attachment, ServiceRequest, StatusChange
from service_requests.workflow import EDIT_TARGET, RequestStatus, Role, is_allowed
from tests.factories.service_requests import contact_of, details_for, pdf_bytes, png_upload, upload
from tests.service_requests.helpers import audit_log, frozen_at

pytestmark = pytest.mark.django_db

S = RequestStatus
OFFICER_MESSAGE = "กรุณาแนบสำเนาบัตรประชาชนที่ชัดเจนกว่านี้"
APPLICANT_REASON = "ได้รับเอกสารจากหน่วยงานอื่นแล้ว"

ALL_MOVES = [(source, target, role) for source in S for target in S for role in Role]
ALLOWED = [move for move in ALL_MOVES if is_allowed(*move)]
FORBIDDEN = [move for move in ALL_MOVES if not is_allowed(*move)]


def move_id(move):
    source, target, role = move
    return f"{role}:{source}->{target}"


def is_edit(source, target, role):
    return role == Role.APPLICANT and EDIT_TARGET.get(source) == target


@pytest.fixture
def later():
    """A moment after the request was filed, to stop the clock at for the move."""
    return timezone.now() + datetime.timedelta(days=2, hours=3)


@pytest.fixture
def actor_for(user, officer_for):
    """The applicant (the request's owner) or an officer of service 11."""
    officer = officer_for("11")
    return lambda role: user if role == Role.APPLICANT else officer


def perform(service_request, *, source, target, role, actor, message=None):
    """An applicant's edit goes through edit_request; every other move through move_request."""
    if is_edit(source, target, role):
        return actions.edit_request(
            actor=actor,
            service_request=service_request,
            contact=contact_of(actor),
            details=details_for(service_request.service_code, position="ครูผู้ช่วย"),
            attachments={},
        )
    if message is None:
        message = OFFICER_MESSAGE if role == Role.OFFICER else APPLICANT_REASON
    return actions.move_request(
        actor=actor, service_request=service_request, to_status=target, role=role, message=message
    )


def snapshot(service_request):
    """What a refused move must leave as it was."""
    service_request.refresh_from_db()
    return (
        service_request.status,
        service_request.status_changed_at,
        service_request.last_changed_at,
        service_request.officer_message,
        StatusChange.objects.filter(request=service_request).count(),
        audit_log(service_request).count(),
    )


# Allowed moves


@pytest.mark.parametrize(("source", "target", "role"), ALLOWED, ids=map(move_id, ALLOWED))
def test_an_allowed_move_sets_the_new_status(request_in, actor_for, later, source, target, role):
    service_request = request_in(source)
    with frozen_at(later):
        perform(service_request, source=source, target=target, role=role, actor=actor_for(role))
    service_request.refresh_from_db()
    assert service_request.status == target
    if target != source:
        assert service_request.status_changed_at == later
    assert service_request.last_changed_at == later  # the officers' list shows the change


@pytest.mark.parametrize(("source", "target", "role"), ALLOWED, ids=map(move_id, ALLOWED))
def test_an_allowed_move_is_kept_in_the_history(request_in, actor_for, later, source, target, role):
    service_request = request_in(source)
    actor = actor_for(role)
    with frozen_at(later):
        perform(service_request, source=source, target=target, role=role, actor=actor)
    change = service_request.history.last()
    assert (change.from_status, change.to_status) == (source, target)
    assert change.actor == actor
    assert change.actor_role == role
    assert change.created_at == later
    if is_edit(source, target, role):
        assert change.message == ""
    else:
        assert change.message == (OFFICER_MESSAGE if role == Role.OFFICER else APPLICANT_REASON)


@pytest.mark.parametrize(("source", "target", "role"), ALLOWED, ids=map(move_id, ALLOWED))
def test_an_allowed_move_is_in_the_audit_log(request_in, actor_for, source, target, role):
    service_request = request_in(source)
    actor = actor_for(role)
    perform(service_request, source=source, target=target, role=role, actor=actor)
    entry = audit_log(service_request).last()
    expected_action = (
        "service_requests.edit"
        if is_edit(source, target, role)
        else "service_requests.cancel"
        if target == S.CANCELLED
        else "service_requests.move"
    )
    assert entry.action == expected_action
    assert entry.user_id == actor.pk
    assert (entry.data["from"], entry.data["to"]) == (source, target)


# Forbidden moves


@pytest.mark.parametrize(("source", "target", "role"), FORBIDDEN, ids=map(move_id, FORBIDDEN))
def test_a_forbidden_move_is_refused_and_changes_nothing(request_in, actor_for, source, target, role):
    service_request = request_in(source)
    before = snapshot(service_request)
    with pytest.raises(PermissionDenied):
        perform(service_request, source=source, target=target, role=role, actor=actor_for(role))
    assert snapshot(service_request) == before


@pytest.mark.parametrize("stranger_kind", ["another applicant", "an officer of another service"])
@pytest.mark.parametrize(("source", "target", "role"), ALLOWED, ids=map(move_id, ALLOWED))
def test_a_stranger_may_make_no_move(
    request_in, other_applicant, officer_for, stranger_kind, source, target, role
):
    service_request = request_in(source)
    stranger = other_applicant if stranger_kind == "another applicant" else officer_for("21")
    before = snapshot(service_request)
    with pytest.raises(PermissionDenied):
        perform(service_request, source=source, target=target, role=role, actor=stranger)
    assert snapshot(service_request) == before


# Officers' messages


@pytest.mark.parametrize("target", [S.RETURNED, S.CANCELLED])
@pytest.mark.parametrize("message", ["", "   "])
def test_an_officer_must_say_why_when_returning_or_cancelling(request_in, officer_for, target, message):
    service_request = request_in(S.IN_PROGRESS)
    before = snapshot(service_request)
    with pytest.raises(ValidationError) as raised:
        actions.move_request(
            actor=officer_for("11"),
            service_request=service_request,
            to_status=target,
            role=Role.OFFICER,
            message=message,
        )
    assert raised.value.code == "message_required"
    assert snapshot(service_request) == before


def test_the_officers_message_is_kept_on_the_request_for_the_applicant(request_in, officer_for):
    service_request = request_in(S.IN_PROGRESS)
    actions.move_request(
        actor=officer_for("11"),
        service_request=service_request,
        to_status=S.RETURNED,
        role=Role.OFFICER,
        message=OFFICER_MESSAGE,
    )
    service_request.refresh_from_db()
    assert service_request.officer_message == OFFICER_MESSAGE


def test_the_applicants_cancel_reason_does_not_replace_the_officers_message(request_in, officer_for, user):
    service_request = request_in(S.IN_PROGRESS)
    actions.move_request(
        actor=officer_for("11"),
        service_request=service_request,
        to_status=S.RETURNED,
        role=Role.OFFICER,
        message=OFFICER_MESSAGE,
    )
    actions.move_request(
        actor=user,
        service_request=service_request,
        to_status=S.CANCELLED,
        role=Role.APPLICANT,
        message=APPLICANT_REASON,
    )
    service_request.refresh_from_db()
    assert service_request.officer_message == OFFICER_MESSAGE
    assert service_request.history.last().message == APPLICANT_REASON


def test_the_applicant_may_cancel_without_a_reason(request_in, user):
    service_request = request_in(S.SUBMITTED)
    actions.move_request(
        actor=user, service_request=service_request, to_status=S.CANCELLED, role=Role.APPLICANT
    )
    service_request.refresh_from_db()
    assert service_request.status == S.CANCELLED


# Editing


EDIT_ALLOWED = {S.SUBMITTED: S.SUBMITTED, S.RETURNED: S.RESUBMITTED}


def edit(service_request, actor, **details):
    return actions.edit_request(
        actor=actor,
        service_request=service_request,
        contact=contact_of(actor, applicant_phone="0899999999"),
        details=details_for(service_request.service_code, **details),
        attachments={},
    )


@pytest.mark.parametrize(("source", "target"), EDIT_ALLOWED.items())
def test_the_applicant_may_edit_an_untouched_or_returned_request(request_in, user, source, target):
    service_request = request_in(source)
    edit(service_request, user, work_unit="โรงเรียนบ้านโนนสวรรค์")
    service_request.refresh_from_db()
    assert service_request.status == target
    assert service_request.applicant_phone == "0899999999"
    assert service_request.service.details_model.objects.get(request=service_request).work_unit == (
        "โรงเรียนบ้านโนนสวรรค์"
    )


@pytest.mark.parametrize(("source", "target"), EDIT_ALLOWED.items())
def test_an_edit_is_the_requests_last_change(request_in, user, later, source, target):
    service_request = request_in(source)
    status_changed_at = service_request.status_changed_at
    with frozen_at(later):
        edit(service_request, user)
    service_request.refresh_from_db()
    assert service_request.last_changed_at == later
    # The status's own time (the SLA's, the retention's) moves only with the status.
    assert service_request.status_changed_at == (later if target != source else status_changed_at)


@pytest.mark.parametrize("source", [status for status in S if status not in EDIT_ALLOWED])
def test_the_applicant_may_not_edit_a_request_in_other_statuses(request_in, user, source):
    service_request = request_in(source)
    before = snapshot(service_request)
    with pytest.raises(PermissionDenied):
        edit(service_request, user, work_unit="โรงเรียนบ้านโนนสวรรค์")
    assert snapshot(service_request) == before
    details = service_request.service.details_model.objects.get(request=service_request)
    assert details.work_unit == "โรงเรียนบ้านหนองบัว"


@pytest.mark.parametrize("stranger_kind", ["another applicant", "an officer of this service"])
def test_only_the_applicant_may_edit(request_in, other_applicant, officer_for, stranger_kind):
    service_request = request_in(S.SUBMITTED)
    stranger = other_applicant if stranger_kind == "another applicant" else officer_for("11")
    with pytest.raises(PermissionDenied):
        edit(service_request, stranger)
    service_request.refresh_from_db()
    assert service_request.applicant_phone != "0899999999"


def test_an_edit_may_replace_an_attachment(
    request_in, user, private_files, django_capture_on_commit_callbacks
):
    service_request = request_in(S.RETURNED)
    old_name = service_request.attachments.get(slot="id_card_copy").file.name
    with django_capture_on_commit_callbacks(execute=True):
        actions.edit_request(
            actor=user,
            service_request=service_request,
            contact=contact_of(user),
            details=details_for("11"),
            attachments={"id_card_copy": png_upload("บัตรใหม่.png")},
        )
    replaced = Attachment.objects.get(request=service_request, slot="id_card_copy")
    assert replaced.original_name == "บัตรใหม่.png"
    assert replaced.file.name != old_name
    # The old copy of the ID card does not linger in the storage.
    assert old_name not in private_files()
    assert replaced.file.name in private_files()


def test_an_edit_with_a_refused_file_changes_nothing(request_in, user, private_files):
    service_request = request_in(S.RETURNED)
    files_before = private_files()
    before = snapshot(service_request)
    with pytest.raises(ValidationError):
        actions.edit_request(
            actor=user,
            service_request=service_request,
            contact=contact_of(user, applicant_phone="0899999999"),
            details=details_for("11"),
            attachments={"other_2": upload("page.png", b"<html><body>hi</body></html>")},
        )
    assert snapshot(service_request) == before
    assert private_files() == files_before


# Reply files


def test_an_officer_may_send_a_reply_file(request_in, officer_for, private_files):
    service_request = request_in(S.IN_PROGRESS)
    actions.move_request(
        actor=officer_for("11"),
        service_request=service_request,
        to_status=S.COMPLETED,
        role=Role.OFFICER,
        message="ออกหนังสือรับรองแล้ว",
        reply_file=upload("หนังสือรับรอง.pdf", pdf_bytes(), "application/pdf"),
    )
    service_request.refresh_from_db()
    assert service_request.reply_file_name == "หนังสือรับรอง.pdf"
    assert service_request.reply_file.name.startswith("replies/")
    assert "หนังสือรับรอง" not in service_request.reply_file.name
    assert service_request.reply_file.name in private_files()


def test_the_applicant_may_not_send_a_reply_file(request_in, user, private_files):
    service_request = request_in(S.SUBMITTED)
    files_before = private_files()
    with pytest.raises(PermissionDenied):
        actions.move_request(
            actor=user,
            service_request=service_request,
            to_status=S.CANCELLED,
            role=Role.APPLICANT,
            reply_file=upload("reply.pdf", pdf_bytes(), "application/pdf"),
        )
    assert ServiceRequest.objects.get(pk=service_request.pk).status == S.SUBMITTED
    assert private_files() == files_before


def test_a_new_reply_file_replaces_the_old_one(
    request_in, officer_for, private_files, django_capture_on_commit_callbacks
):
    service_request = request_in(S.IN_PROGRESS)
    officer = officer_for("11")
    actions.move_request(
        actor=officer,
        service_request=service_request,
        to_status=S.IN_PROGRESS,
        role=Role.OFFICER,
        reply_file=upload("ร่าง.pdf", pdf_bytes(), "application/pdf"),
    )
    first = ServiceRequest.objects.get(pk=service_request.pk).reply_file.name
    with django_capture_on_commit_callbacks(execute=True):
        actions.move_request(
            actor=officer,
            service_request=service_request,
            to_status=S.COMPLETED,
            role=Role.OFFICER,
            reply_file=upload("ฉบับจริง.pdf", pdf_bytes(), "application/pdf"),
        )
    service_request.refresh_from_db()
    assert service_request.reply_file_name == "ฉบับจริง.pdf"
    assert first not in private_files()
    assert service_request.reply_file.name in private_files()


# The officer's note follows the request


def test_a_new_status_without_a_message_clears_the_old_note(submit, user, officer_for):
    officer = officer_for("11")
    service_request = submit("11")
    actions.move_request(
        actor=officer,
        service_request=service_request,
        to_status=S.RETURNED,
        role=Role.OFFICER,
        message="แก้วันเกิด",
    )
    edit(service_request, user)
    actions.move_request(
        actor=officer, service_request=service_request, to_status=S.COMPLETED, role=Role.OFFICER
    )
    service_request.refresh_from_db()
    assert service_request.officer_message == ""  # no "please correct" left on a completed request
    assert service_request.history.filter(message="แก้วันเกิด").exists()  # the history keeps it


def test_a_message_without_a_change_of_status_replaces_the_note_and_none_keeps_it(submit, officer_for):
    officer = officer_for("11")
    service_request = submit("11")
    move = {"actor": officer, "service_request": service_request, "role": Role.OFFICER}
    actions.move_request(**move, to_status=S.IN_PROGRESS, message="รับเรื่องแล้ว")
    actions.move_request(**move, to_status=S.IN_PROGRESS, reply_file=png_upload())
    service_request.refresh_from_db()
    assert service_request.officer_message == "รับเรื่องแล้ว"
