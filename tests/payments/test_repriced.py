"""A payment stays tied to what was paid: an applicant who changes a paid order so that it costs
something else (more copies) keeps their edit, but the order no longer counts as paid. Their page
says so with both amounts, the officer's payment panel too, and completing it is refused with
both amounts until they match again. An edit that leaves the amount alone changes nothing; a free
service is not concerned."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from payments import actions
from payments.models import PaymentState
from payments.queries import PaymentStanding
from service_requests import actions as request_actions
from service_requests.workflow import RequestStatus, Role
from tests.factories import payments as payment_factories
from tests.factories.service_requests import contact_of, details_for, form_data

from .conftest import SLIP_PAYLOAD, edit_order, order_details, slip_upload

pytestmark = pytest.mark.django_db

S = RequestStatus
# 3 × ปพ.1-ป + 10 × ปพ.3-ป = 530 + 25 shipping; with 4 × ปพ.1-ป: 690 + 25.
PAID, MORE = "555.00", "715.00"
REPRICED = (
    "เปลี่ยนสถานะคำขอนี้เป็น “ดำเนินการเรียบร้อย” ไม่ได้ เนื่องจากมีการแก้ไขคำขอหลังชำระเงิน "
    "ชำระแล้ว 555.00 บาท แต่ยอดรวมใหม่ของคำขอคือ 715.00 บาท"
)


@pytest.fixture
def officer(officer_for):
    return officer_for("41")


@pytest.fixture
def paid_order(order, user, officer):
    """The SPEC's order of 555.00, its slip sent and confirmed by the officer."""
    service_request = order()
    payment_factories.paid(service_request, applicant=user, officer=officer, payload=SLIP_PAYLOAD)
    return service_request


def complete(service_request, officer):
    return request_actions.move_request(
        actor=officer, service_request=service_request, to_status=S.COMPLETED, role=Role.OFFICER
    )


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text(" ").split())


def test_more_copies_after_paying_keeps_the_edit_but_the_officer_cannot_complete(
    paid_order, user, officer, price_list, logged_in
):
    client = logged_in(user)
    response = client.post(
        reverse("service_requests:edit", args=[paid_order.reference]),
        form_data(
            "41",
            user,
            submission_key=paid_order.submission_key,
            details=order_details(price_list, **{"ปพ.1-ป": 4, "ปพ.3-ป": 10}),
        ),
    )
    assert response.status_code == 302

    paid_order.refresh_from_db()
    assert paid_order.payment.state == PaymentState.CONFIRMED
    assert paid_order.payment.amount == Decimal(PAID)  # what was paid stays what was paid
    applicant_page = page_text(client, reverse("service_requests:detail", args=[paid_order.reference]))
    assert "คำขอของท่านมีการแก้ไขหลังชำระเงิน" in applicant_page
    assert f"ยอดรวมใหม่ของคำขอ {MORE} บาท" in applicant_page
    assert (
        f"ท่านชำระแล้ว {PAID} บาท แต่ยอดรวมใหม่ของคำขอตามที่ท่านแก้ไขคือ {MORE} บาท "
        "คำขอหนึ่งรายการชำระเงินครั้งเดียว กรุณาอย่าชำระเงินซ้ำหรือชำระส่วนต่าง "
        "เจ้าหน้าที่จะติดต่อท่านเพื่อแจ้งขั้นตอนต่อไป"
    ) in applicant_page
    assert "ยอดที่ต้องชำระ" not in applicant_page  # no "pay this much more"

    with pytest.raises(PermissionDenied) as refusal:
        complete(paid_order, officer)
    assert str(refusal.value) == REPRICED
    paid_order.refresh_from_db()
    assert paid_order.status == S.SUBMITTED

    process_page = page_text(
        logged_in(officer), reverse("service_request_admin:process", args=[paid_order.pk])
    )
    assert f"ยอดรวมใหม่ของคำขอ {MORE} บาท" in process_page
    assert f"ชำระแล้ว {PAID} บาท แต่ยอดรวมใหม่ของคำขอคือ {MORE} บาท" in process_page
    # Paid and confirmed: the money may be refunded.
    assert "บันทึกการคืนเงินแล้วยกเลิกคำขอ" in process_page
    assert "ยอดที่ต้องชำระ" not in process_page
    assert REPRICED in process_page  # the status field's reason


def test_an_order_repriced_before_the_payment_is_confirmed_offers_no_refund(
    order, user, officer, price_list, logged_in
):
    service_request = order()
    actions.send_slip(applicant=user, service_request=service_request, uploaded=slip_upload(SLIP_PAYLOAD))
    edit_order(service_request, user, price_list, **{"ปพ.1-ป": 4})

    process_page = page_text(
        logged_in(officer), reverse("service_request_admin:process", args=[service_request.pk])
    )
    # Nothing reads the amount off the slip: it is what was due when the slip was sent.
    assert f"ยอดที่ต้องชำระเมื่อผู้ยื่นส่งหลักฐาน {PAID} บาท" in process_page
    assert (
        f"ยอดที่ต้องชำระเมื่อผู้ยื่นส่งหลักฐานคือ {PAID} บาท แต่ยอดรวมใหม่ของคำขอคือ {MORE} บาท "
        "(ระบบไม่ได้อ่านยอดเงินจากสลิป กรุณาตรวจสอบกับรายการเดินบัญชีของธนาคาร) "
        "การชำระเงินยังไม่ได้รับการยืนยัน จึงยังไม่มีเงินที่จะคืน"
    ) in process_page
    assert "ส่งคืนให้แก้ไขคำขอให้ตรงกับเมื่อส่งหลักฐาน" in process_page
    assert "สลิปที่ส่งมาเป็นยอด" not in process_page
    assert "จำนวนเงินที่ชำระแล้ว" not in process_page

    applicant_page = page_text(
        logged_in(user), reverse("service_requests:detail", args=[service_request.reference])
    )
    assert "คำขอของท่านมีการแก้ไขหลังส่งหลักฐานการชำระเงิน" in applicant_page
    assert f"ยอดที่ต้องชำระเมื่อส่งหลักฐาน {PAID} บาท" in applicant_page
    assert f"ยอดรวมใหม่ของคำขอ {MORE} บาท" in applicant_page
    assert (
        f"เมื่อท่านส่งหลักฐานการชำระเงิน ยอดที่ต้องชำระคือ {PAID} บาท "
        f"แต่ยอดรวมใหม่ของคำขอตามที่ท่านแก้ไขคือ {MORE} บาท การชำระเงินยังไม่ได้รับการยืนยัน"
    ) in applicant_page
    assert "ชำระแล้ว" not in applicant_page  # not paid until an officer confirms it
    assert f"ไม่รับการชำระเงินพร้อมข้อความขอสลิปยอด {MORE} บาท" in process_page
    assert "คืนเงิน" not in process_page  # neither the advice nor a refund button

    # As advised: refused with a message, the applicant is asked for the new total and may send its slip.
    actions.refuse_payment(
        actor=officer, service_request=service_request, message=f"กรุณาโอนเงิน {MORE} บาท แล้วส่งสลิปใหม่"
    )
    applicant_page = page_text(
        logged_in(user), reverse("service_requests:detail", args=[service_request.reference])
    )
    assert f"จำนวนเงินที่ต้องชำระ {MORE} บาท" in applicant_page
    actions.send_slip(
        applicant=user,
        service_request=service_request,
        uploaded=slip_upload(payment_factories.slip_payload("20251130NEWTOTAL715")),
    )
    actions.confirm_payment(actor=officer, service_request=service_request)
    complete(service_request, officer)
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED


def test_a_slip_sent_then_an_order_returned_and_corrected_upwards_is_held_back_too(
    order, user, officer, price_list
):
    service_request = order()
    actions.send_slip(applicant=user, service_request=service_request, uploaded=slip_upload(SLIP_PAYLOAD))
    request_actions.move_request(
        actor=officer,
        service_request=service_request,
        to_status=S.RETURNED,
        role=Role.OFFICER,
        message="กรุณาระบุที่อยู่จัดส่งให้ครบถ้วน",
    )
    edit_order(service_request, user, price_list, **{"ปพ.1-ป": 4})
    actions.confirm_payment(actor=officer, service_request=service_request)

    with pytest.raises(PermissionDenied) as refusal:
        complete(service_request, officer)
    assert str(refusal.value) == REPRICED

    # Put back as it was paid (returned again, corrected), the order is paid and may be completed.
    request_actions.move_request(
        actor=officer,
        service_request=service_request,
        to_status=S.RETURNED,
        role=Role.OFFICER,
        message="กรุณาแก้จำนวนให้ตรงกับที่ชำระเงิน",
    )
    edit_order(service_request, user, price_list, **{"ปพ.1-ป": 3})
    complete(service_request, officer)
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED


def test_an_edit_that_keeps_the_amount_changes_nothing_of_the_payment(
    paid_order, user, officer, price_list, logged_in
):
    edit_order(paid_order, user, price_list, **{"ปพ.1-ป": 3})  # the same order, e.g. another address
    page = page_text(logged_in(user), reverse("service_requests:detail", args=[paid_order.reference]))
    assert "หลังชำระเงิน" not in page
    assert f"{PAID} บาท" in page
    complete(paid_order, officer)
    paid_order.refresh_from_db()
    assert paid_order.status == S.COMPLETED


def test_a_free_service_edited_completes_as_before(submit, user, officer_for):
    service_request = submit("11")
    request_actions.edit_request(
        actor=user,
        service_request=service_request,
        contact=contact_of(user, applicant_phone="0899999999"),
        details=details_for("11"),
        attachments={},
    )
    complete(service_request, officer_for("11"))
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED


@pytest.mark.parametrize(
    ("state", "due", "settled"),
    [
        (PaymentState.CONFIRMED, Decimal("555.00"), True),
        (PaymentState.CONFIRMED, Decimal("715.00"), False),
        (PaymentState.CONFIRMED, Decimal("300.00"), False),  # fewer copies: money to give back
        (PaymentState.SLIP_SENT, Decimal("715.00"), False),
    ],
)
def test_a_payment_covers_only_what_it_was_made_for(state, due, settled):
    standing = PaymentStanding(None, state, Decimal("555.00"), due)
    assert standing.settled is settled
    assert standing.repriced is (state != PaymentState.PENDING and due != Decimal("555.00"))


def test_the_officers_are_told_by_email_when_a_paid_order_is_repriced(
    paid_order, user, officer, price_list, logged_in, mailoutbox, django_capture_on_commit_callbacks
):
    client = logged_in(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("service_requests:edit", args=[paid_order.reference]),
            form_data(
                "41",
                user,
                submission_key=paid_order.submission_key,
                details=order_details(price_list, **{"ปพ.1-ป": 4, "ปพ.3-ป": 10}),
            ),
        )
    [message] = [m for m in mailoutbox if m.to == [officer.email]]
    assert message.subject == (f"คำขอ {paid_order.reference} มีการแก้ไขหลังชำระเงิน: {paid_order.service.name}")
    assert "ผู้ยื่นคำขอแก้ไขคำขอหลังชำระเงิน และยอดรวมของคำขอเปลี่ยนไป" in message.body
    assert f"จำนวนเงินที่ชำระแล้ว: {PAID} บาท" in message.body
    assert f"ยอดรวมใหม่ของคำขอ: {MORE} บาท" in message.body
    assert f"/admin/service-requests/process/{paid_order.pk}/#payment-section" in message.body

    # An edit that leaves the amount alone tells them nothing of the payment.
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        edit_order(paid_order, user, price_list, **{"ปพ.1-ป": 3})
    assert mailoutbox == []


def test_the_officers_email_of_a_slip_sent_then_repriced_says_what_was_due_not_paid(
    order, user, officer, price_list, mailoutbox, django_capture_on_commit_callbacks
):
    service_request = order()
    actions.send_slip(applicant=user, service_request=service_request, uploaded=slip_upload(SLIP_PAYLOAD))
    with django_capture_on_commit_callbacks(execute=True):
        edit_order(service_request, user, price_list, **{"ปพ.1-ป": 4})
    [message] = [m for m in mailoutbox if m.to == [officer.email]]
    assert f"ยอดที่ต้องชำระเมื่อผู้ยื่นส่งหลักฐาน: {PAID} บาท" in message.body
    assert f"ยอดรวมใหม่ของคำขอ: {MORE} บาท" in message.body
    assert "ชำระแล้ว" not in message.body


def edit_page_notice(client, service_request):
    response = client.get(reverse("service_requests:edit", args=[service_request.reference]))
    assert response.status_code == 200
    notice = BeautifulSoup(response.content.decode(), "html.parser").select_one(".payment-edit-notice")
    return " ".join(notice.get_text(" ").split()) if notice is not None else None


def test_the_edit_page_warns_that_an_edit_changes_the_total_once_a_slip_was_sent(order, user, logged_in):
    service_request = order()
    client = logged_in(user)
    assert edit_page_notice(client, service_request) is None  # nothing paid, nothing to say

    actions.send_slip(applicant=user, service_request=service_request, uploaded=slip_upload(SLIP_PAYLOAD))
    notice = edit_page_notice(client, service_request)
    assert notice.startswith(f"ท่านส่งหลักฐานการชำระเงินของคำขอนี้แล้ว จำนวนเงินที่ต้องชำระ: {PAID} บาท")
    assert ("หากแก้ไขรายการที่สั่ง (เช่น จำนวน) ยอดรวมของคำขอจะเปลี่ยนไปและไม่ตรงกับการชำระเงิน") in notice


def test_the_edit_page_of_a_paid_order_warns_too(paid_order, user, logged_in):
    notice = edit_page_notice(logged_in(user), paid_order)
    assert notice.startswith(f"คำขอนี้ชำระเงินแล้ว จำนวนเงินที่ชำระแล้ว: {PAID} บาท")
    assert "กรุณาอย่าชำระเงินซ้ำหรือชำระส่วนต่าง" in notice


def test_the_edit_page_of_a_free_service_has_no_payment_notice(submit, user, logged_in):
    service_request = submit("11")
    assert edit_page_notice(logged_in(user), service_request) is None
