"""Every notification the applicant gets by e-mail also goes to their linked LINE: one push each,
a short Thai text (reference, service, status, whether the officer wrote, how many items to
correct, a reply file waiting) with one button to the request's page; never their name, citizen
ID or phone, nor the officer's words. Checked in what the stand-in received."""

import json
import uuid

from django.urls import reverse

import pytest

from line_messaging.models import LineFailure, LineMessage, LineMessageStatus
from service_requests import actions
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_requests import contact_of, details_for, pdf_upload
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

S = RequestStatus
# The officer's words may name people or hold other personal data: never sent to LINE.
OFFICER_MESSAGE = "กรุณาแนบสำเนาบัตรของนางสาววิลัยวรรณ โทร 0812345678"


def the_push(line):
    """The one push the stand-in received, and its one message."""
    [push] = line.pushes
    [message] = push["body"]["messages"]
    return push, message


def heading(service_request):
    service_request.refresh_from_db()
    return (
        f"คำขอ {service_request.reference} · {in_thai(service_request.service.name)}\n"
        f"สถานะ: {in_thai(service_request.get_status_display())}"
    )


def request_page(service_request):
    return "http://127.0.0.1:8000" + reverse("service_requests:detail", args=[service_request.reference])


def assert_no_personal_data(line, user):
    # The headers and the body as LINE reads them (decoded), and the body's bytes as sent.
    sent = json.dumps([[push["headers"], push["body"]] for push in line.pushes], ensure_ascii=False)
    sent += "".join(push["raw"] for push in line.pushes)
    for value in (user.first_name, user.last_name, user.citizen_id, user.phone, "0812345678", "วิลัยวรรณ"):
        assert value not in sent


def move(service_request, officer, to_status, committed, **kwargs):
    with committed():
        actions.move_request(
            actor=officer, service_request=service_request, to_status=to_status, role=Role.OFFICER, **kwargs
        )


def test_a_submitted_request_is_pushed_to_the_applicants_line(submit, user, linked, line, committed):
    with committed():
        service_request = submit("11")

    push, message = the_push(line)
    assert push["body"]["to"] == line.line_user_id
    assert push["headers"]["Authorization"] == "Bearer channel-access-token-for-tests"
    assert push["headers"]["Content-Type"].startswith("application/json")
    uuid.UUID(push["headers"]["X-Line-Retry-Key"])
    assert message["type"] == "template"
    template = message["template"]
    assert template["type"] == "buttons"
    assert template["text"] == heading(service_request)
    assert template["text"].startswith(f"คำขอ {service_request.reference} · ")
    assert template["text"].endswith(f"สถานะ: {in_thai(S.SUBMITTED.label)}")
    assert message["altText"] == template["text"]
    assert template["actions"] == [{"type": "uri", "label": "ดูคำขอ", "uri": request_page(service_request)}]
    record = LineMessage.objects.get()
    assert (record.status, record.attempts, record.event) == (LineMessageStatus.SENT, 1, "submitted")
    assert record.line_request_id
    assert_no_personal_data(line, user)


def test_a_return_with_flagged_fields_says_that_the_officer_wrote_and_how_many_to_correct(
    submit, user, linked, line, committed, officer_for
):
    service_request = submit("12")
    line.pushes.clear()
    move(
        service_request,
        officer_for("12"),
        S.RETURNED,
        committed,
        message=OFFICER_MESSAGE,
        marked=[("details-purpose", "ระบุชื่อธนาคาร"), ("files-id_card_copy", "")],
    )
    _push, message = the_push(line)
    text = message["template"]["text"]
    assert text == heading(service_request) + "\nมีข้อความจากเจ้าหน้าที่\nต้องแก้ไข 2 รายการ"
    assert "ระบุชื่อธนาคาร" not in text and "กรุณาแนบ" not in json.dumps(line.pushes, ensure_ascii=False)
    assert LineMessage.objects.filter(event="returned", status=LineMessageStatus.SENT).count() == 1
    assert_no_personal_data(line, user)


def test_corrections_sent_back_are_pushed(submit, user, linked, line, committed, officer_for):
    service_request = submit("11")
    move(service_request, officer_for("11"), S.RETURNED, committed, message=OFFICER_MESSAGE)
    line.pushes.clear()
    with committed():
        actions.edit_request(
            actor=user,
            service_request=service_request,
            contact=contact_of(user),
            details=details_for("11"),
            attachments={},
            reply="แก้ไขแล้วค่ะ",
        )
    _push, message = the_push(line)
    assert message["template"]["text"] == heading(service_request)
    assert in_thai(S.RESUBMITTED.label) in message["template"]["text"]
    assert "แก้ไขแล้วค่ะ" not in json.dumps(line.pushes, ensure_ascii=False)


def test_a_completion_with_a_reply_file_says_the_file_waits(
    request_in, user, linked, line, committed, officer_for
):
    service_request = request_in(S.IN_PROGRESS, service_code="12")
    move(
        service_request,
        officer_for("12"),
        S.COMPLETED,
        committed,
        message="",
        reply_file=pdf_upload("reply.pdf"),
    )
    _push, message = the_push(line)
    assert message["template"]["text"] == heading(service_request) + "\nมีไฟล์ตอบกลับให้ดาวน์โหลด"
    assert message["template"]["actions"][0]["uri"] == request_page(service_request)


def test_a_cancellation_is_pushed(submit, user, linked, line, committed, officer_for):
    service_request = submit("11")
    line.pushes.clear()
    move(service_request, officer_for("11"), S.CANCELLED, committed, message=OFFICER_MESSAGE)
    _push, message = the_push(line)
    assert message["template"]["text"] == heading(service_request) + "\nมีข้อความจากเจ้าหน้าที่"
    assert in_thai(S.CANCELLED.label) in message["template"]["text"]
    assert_no_personal_data(line, user)


@pytest.mark.parametrize("service_code", ["31", "32"])
def test_a_confirmed_booking_or_appointment_is_pushed(
    submit, user, linked, line, committed, officer_for, service_code
):
    service_request = submit(service_code)
    line.pushes.clear()
    move(service_request, officer_for(service_code), S.IN_PROGRESS, committed, message="")
    _push, message = the_push(line)
    assert message["template"]["text"] == heading(service_request) + "\nเจ้าหน้าที่ยืนยันการจองหรือการนัดหมายแล้ว"


def test_the_links_follow_the_address_the_change_came_to(submit, user, linked, line, committed, officer_for):
    service_request = submit("11")
    line.pushes.clear()
    with committed():
        actions.move_request(
            actor=officer_for("11"),
            service_request=service_request,
            to_status=S.IN_PROGRESS,
            role=Role.OFFICER,
            base_url="https://oss.example.go.th",
        )
    _push, message = the_push(line)
    assert message["template"]["actions"][0]["uri"] == (
        "https://oss.example.go.th" + reverse("service_requests:detail", args=[service_request.reference])
    )


def test_nothing_goes_to_line_for_an_applicant_who_has_not_linked_it(submit, line, committed, mailoutbox):
    with committed():
        submit("11")
    assert line.pushes == []
    assert not LineMessage.objects.exists()


def test_nothing_goes_to_line_when_the_office_has_not_configured_it(
    submit, linked, line, committed, settings
):
    settings.LINE_CHANNEL_ACCESS_TOKEN = ""
    with committed():
        submit("11")
    assert line.pushes == []
    assert not LineMessage.objects.exists()


def test_nothing_goes_to_another_applicants_line(submit, linked, line, committed, other_applicant):
    with committed():
        submit("11", applicant=other_applicant)
    assert line.pushes == []


def test_an_applicant_who_blocked_the_office_gets_a_failed_record_and_no_push(
    submit, user, linked, line, committed, client
):
    linked.is_friend = False  # as an unfollow event leaves it (test_webhook.py)
    linked.save()
    with committed():
        submit("11")
    assert line.pushes == []
    record = LineMessage.objects.get()
    assert record.status == LineMessageStatus.FAILED
    assert (record.failure, record.error) == (LineFailure.BLOCKED, "")  # LINE was not asked
