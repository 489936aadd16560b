"""A request with a fee is completed (handed over) only once its payment is confirmed: the
payments app holds the move back through the hook REQUEST_MOVE_GUARDS, which the core's
permission tester asks. The process page shows "ดำเนินการเรียบร้อย" disabled with the reason, a
stale form is refused with it, move_request refuses it and a bulk move skips the request with it.
Returning or cancelling an unpaid order stays open; a free service completes as before; a refund
blocks completion for good."""

from decimal import Decimal

from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from payments import actions
from payments.models import PaymentState
from payments.queries import PaymentStanding
from service_requests import actions as request_actions
from service_requests.bulk_actions import report
from service_requests.models import StatusChange
from service_requests.workflow import RequestStatus, Role
from tests.factories import payments as payment_factories

from .conftest import SLIP_PAYLOAD, slip_upload

pytestmark = pytest.mark.django_db

S = RequestStatus
UNPAID = (
    "ยังเปลี่ยนสถานะคำขอนี้เป็น “ดำเนินการเรียบร้อย” ไม่ได้ "
    "จนกว่าจะได้รับชำระค่าธรรมเนียมและยืนยันการชำระเงินแล้ว (ขณะนี้การชำระเงิน: “{state}”)"
)
REFUNDED = "เปลี่ยนสถานะคำขอนี้เป็น “ดำเนินการเรียบร้อย” ไม่ได้ เนื่องจากคืนค่าธรรมเนียมแล้ว คำขอที่คืนเงินแล้วยกเลิกได้เท่านั้น"


@pytest.fixture
def officer(officer_for):
    return officer_for("41")


def slip_sent(service_request, user):
    actions.send_slip(applicant=user, service_request=service_request, uploaded=slip_upload(SLIP_PAYLOAD))


def process_url(service_request):
    return reverse("service_request_admin:process", args=[service_request.pk])


def status_field(client, service_request):
    """The officer's status choice on the process page: {value: disabled}, and its help text."""
    response = client.get(process_url(service_request))
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    select = page.select_one("select[name=to_status]")
    options = {option["value"]: option.has_attr("disabled") for option in select.select("option")}
    help_ids = select.get("aria-describedby", "").split()
    help_text = " ".join(page.find(id=help_id).get_text(" ", strip=True) for help_id in help_ids)
    return options, help_text


def complete(service_request, officer):
    return request_actions.move_request(
        actor=officer, service_request=service_request, to_status=S.COMPLETED, role=Role.OFFICER
    )


def test_the_process_page_does_not_offer_completing_an_unpaid_order_and_says_why(order, officer, logged_in):
    service_request = order()
    options, help_text = status_field(logged_in(officer), service_request)
    assert options == {"in_progress": False, "returned": False, "completed": True}
    assert UNPAID.format(state="รอชำระเงิน") in help_text


def test_a_stale_form_completing_an_unpaid_order_is_refused_in_thai(order, officer, logged_in):
    service_request = order()
    response = logged_in(officer).post(
        process_url(service_request), {"to_status": "completed", "message": "จัดส่งแล้ว", "confirm_final": "on"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["to_status"] == [UNPAID.format(state="รอชำระเงิน")]
    assert "จัดส่งแล้ว" in response.content.decode()  # what the officer typed is kept
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED
    assert StatusChange.objects.filter(request=service_request).count() == 1


def test_the_action_refuses_to_complete_while_the_slip_awaits_confirmation(order, officer, user):
    service_request = order()
    slip_sent(service_request, user)
    with pytest.raises(PermissionDenied) as refusal:
        complete(service_request, officer)
    assert str(refusal.value) == UNPAID.format(state="แนบหลักฐานแล้ว")
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED


def test_once_the_payment_is_confirmed_the_officer_completes_the_order(order, officer, user, logged_in):
    service_request = order()
    payment_factories.paid(service_request, applicant=user, officer=officer, payload=SLIP_PAYLOAD)
    client = logged_in(officer)
    options, help_text = status_field(client, service_request)
    assert options == {"in_progress": False, "returned": False, "completed": False}
    assert "ค่าธรรมเนียม" not in help_text

    response = client.post(
        process_url(service_request), {"to_status": "completed", "message": "จัดส่งแล้ว", "confirm_final": "on"}
    )

    assert response.status_code == 302
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED


def test_a_refunded_order_can_no_longer_be_completed_only_cancelled(order, officer, user):
    service_request = order()
    payment_factories.paid(service_request, applicant=user, officer=officer, payload=SLIP_PAYLOAD)
    actions.refund_payment(actor=officer, service_request=service_request, message="ผู้ยื่นขอยกเลิก")
    with pytest.raises(PermissionDenied) as refusal:
        complete(service_request, officer)
    assert str(refusal.value) == REFUNDED

    request_actions.move_request(
        actor=officer,
        service_request=service_request,
        to_status=S.CANCELLED,
        role=Role.OFFICER,
        message="คืนเงินแล้ว ยกเลิกคำสั่งซื้อ",
    )
    service_request.refresh_from_db()
    assert service_request.status == S.CANCELLED


def test_an_unpaid_order_may_still_be_returned_or_cancelled(order, officer, user, logged_in):
    returned = order()
    request_actions.move_request(
        actor=officer,
        service_request=returned,
        to_status=S.RETURNED,
        role=Role.OFFICER,
        message="กรุณาแนบหนังสือขอสั่งซื้อที่ลงนามแล้ว",
    )
    cancelled = order()
    response = logged_in(officer).post(
        reverse("service_request_admin:cancel", args=[cancelled.pk]), {"reason": "ผู้ยื่นแจ้งยกเลิก"}
    )
    assert response.status_code == 302
    by_applicant = order()
    request_actions.move_request(
        actor=user, service_request=by_applicant, to_status=S.CANCELLED, role=Role.APPLICANT
    )
    for service_request, status in (
        (returned, S.RETURNED),
        (cancelled, S.CANCELLED),
        (by_applicant, S.CANCELLED),
    ):
        service_request.refresh_from_db()
        assert service_request.status == status


def test_a_free_service_completes_as_before(submit, officer_for, logged_in):
    service_request = submit("11")
    client = logged_in(officer_for("11"))
    options, help_text = status_field(client, service_request)
    assert options == {"in_progress": False, "returned": False, "completed": False}
    assert help_text == ""
    assert (
        client.post(
            process_url(service_request), {"to_status": "completed", "confirm_final": "on"}
        ).status_code
        == 302
    )
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED


def test_a_bulk_move_skips_the_unpaid_orders_and_says_why(order, officer, user):
    unpaid, paid = order(), order(**{"ปพ.1-ป": 1})
    payment_factories.paid(paid, applicant=user, officer=officer, payload=SLIP_PAYLOAD)

    outcome = request_actions.move_requests(
        actor=officer, service_requests=[unpaid, paid], to_status=S.COMPLETED
    )

    assert outcome.done == [paid.reference]
    assert outcome.skipped == [(unpaid.reference, UNPAID.format(state="รอชำระเงิน"))]
    request = RequestFactory().post("/")
    request._messages = CookieStorage(request)
    report(request, outcome)
    assert [str(message).strip() for message in get_messages(request)] == [
        f"ดำเนินการ 1 รายการ, ข้าม 1 รายการ: {unpaid.reference} ({UNPAID.format(state='รอชำระเงิน')})"
    ]
    unpaid.refresh_from_db()
    paid.refresh_from_db()
    assert (unpaid.status, paid.status) == (S.SUBMITTED, S.COMPLETED)


@pytest.mark.parametrize(
    ("state", "amount", "settled"),
    [
        (PaymentState.PENDING, Decimal("555.00"), False),
        (PaymentState.SLIP_SENT, Decimal("555.00"), False),
        (PaymentState.CONFIRMED, Decimal("555.00"), True),
        (PaymentState.REFUNDED, Decimal("555.00"), False),
        (PaymentState.PENDING, Decimal("0.00"), True),  # nothing to pay
    ],
)
def test_what_counts_as_paid(state, amount, settled):
    assert PaymentStanding(None, state, amount).settled is settled
