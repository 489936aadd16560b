"""The printout of a ปพ. order shows its payment (through the hook REQUEST_PRINTOUT_ROWS: printing
knows nothing of payments): awaiting payment, paid with the date of the confirmation in the
Buddhist Era, or refunded, and the amount. A completed order's printout is still signed once per
completion; a refund after it makes the next download a new signed printout that says so."""

from django.urls import reverse

import pytest

from base.dates import format_date
from payments import actions
from service_requests import actions as request_actions
from service_requests.workflow import RequestStatus, Role
from signing.models import DocumentKind, IssuedDocument
from tests.factories import payments as payment_factories
from tests.helpers import comparable
from tests.printing.conftest import pdf_text
from tests.signing.conftest import validation_status

from .conftest import SLIP_PAYLOAD, edit_order, slip_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(officer_for):
    return officer_for("41")


def printout(client, user, service_request) -> bytes:
    client.force_login(user)
    response = client.get(reverse("printing:applicant_pdf", args=[service_request.reference]))
    assert response.status_code == 200
    return response.content


def test_an_order_awaiting_payment_prints_so_with_the_amount(client, order, user):
    text = pdf_text(printout(client, user, order()))
    assert comparable("สถานะการชำระเงิน รอชำระเงิน") in text
    assert comparable("จำนวนเงินที่ต้องชำระ 555.00 บาท") in text


def test_a_paid_order_prints_the_date_of_the_confirmation_in_the_buddhist_era(client, order, user, officer):
    service_request = order()
    payment = payment_factories.paid(service_request, applicant=user, officer=officer, payload=SLIP_PAYLOAD)
    text = pdf_text(printout(client, user, service_request))
    date = format_date(payment.confirmed_at, "th")
    assert str(payment.confirmed_at.year + 543) in date
    assert comparable(f"สถานะการชำระเงิน ชำระแล้ว (ยืนยันเมื่อวันที่ {date})") in text
    assert comparable("จำนวนเงินที่ชำระแล้ว 555.00 บาท") in text


def test_a_refunded_order_prints_the_refund(client, order, user, officer):
    service_request = order(**{"ปพ.1-ป": 20})
    payment_factories.paid(service_request, applicant=user, officer=officer, payload=SLIP_PAYLOAD)
    payment = actions.refund_payment(actor=officer, service_request=service_request, message="ผู้ยื่นขอยกเลิก")
    text = pdf_text(printout(client, user, service_request))
    assert comparable(f"คืนเงินแล้ว เมื่อวันที่ {format_date(payment.refunded_at, 'th')}") in text
    assert comparable("จำนวนเงินที่คืนแล้ว 3,312.00 บาท") in text


def test_a_slip_sent_for_an_order_changed_since_prints_what_was_due_and_the_new_total(
    client, order, user, price_list
):
    """Nothing reads the amount off a slip: until an officer confirms it, the printout says what
    was due when the slip was sent, as the applicant's page does, not that it was paid."""
    service_request = order()
    actions.send_slip(applicant=user, service_request=service_request, uploaded=slip_upload(SLIP_PAYLOAD))
    edit_order(service_request, user, price_list, **{"ปพ.1-ป": 4})
    text = pdf_text(printout(client, user, service_request))
    assert comparable("สถานะการชำระเงิน แนบหลักฐานแล้ว") in text
    assert comparable("ยอดที่ต้องชำระเมื่อส่งหลักฐาน 555.00 บาท") in text
    assert comparable("ยอดรวมใหม่ของคำขอ 715.00 บาท") in text
    assert comparable("ชำระแล้ว") not in text


def test_a_paid_order_changed_since_prints_what_was_paid_and_the_new_total(
    client, order, user, officer, price_list
):
    service_request = order()
    payment_factories.paid(service_request, applicant=user, officer=officer, payload=SLIP_PAYLOAD)
    edit_order(service_request, user, price_list, **{"ปพ.1-ป": 4})
    text = pdf_text(printout(client, user, service_request))
    assert comparable("จำนวนเงินที่ชำระแล้ว 555.00 บาท") in text
    assert comparable("ยอดรวมใหม่ของคำขอ 715.00 บาท") in text


def test_a_service_without_payment_prints_no_payment(client, submit, user):
    text = pdf_text(printout(client, user, submit("11")))
    assert comparable("สถานะการชำระเงิน") not in text


def test_a_completed_paid_order_is_signed_once_and_again_after_a_refund(client, order, user, officer):
    service_request = order()
    payment_factories.paid(service_request, applicant=user, officer=officer, payload=SLIP_PAYLOAD)
    request_actions.move_request(
        actor=officer,
        service_request=service_request,
        to_status=RequestStatus.COMPLETED,
        role=Role.OFFICER,
        message="จัดส่งแล้ว",
    )
    first = printout(client, user, service_request)
    assert printout(client, user, service_request) == first  # the same signed file, the same code
    assert IssuedDocument.objects.filter(reference=service_request.reference).count() == 1
    assert comparable("ชำระแล้ว (ยืนยันเมื่อวันที่") in pdf_text(first)
    assert validation_status(first).intact

    actions.refund_payment(actor=officer, service_request=service_request, message="ผู้ยื่นขอยกเลิก")
    after_refund = printout(client, user, service_request)

    assert after_refund != first
    assert comparable("คืนเงินแล้ว เมื่อวันที่") in pdf_text(after_refund)
    assert printout(client, user, service_request) == after_refund
    documents = IssuedDocument.objects.filter(reference=service_request.reference, kind=DocumentKind.PRINTOUT)
    assert documents.count() == 2
    assert validation_status(after_refund).valid
