"""The officer's side of a payment: the state and the slip on the process page (its download
recorded), confirm, refuse with a message (the applicant may send the same slip again for the same
order, never for another), refund; every step in the payment's history and Wagtail's audit log;
and the summary report's money received per month."""

import datetime
import io
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from wagtail.models import ModelLogEntry

import openpyxl
import pytest
from bs4 import BeautifulSoup

from base.working_days import BANGKOK, bangkok_today
from payments import actions, queries
from payments.forms import OfficerPaymentForm
from payments.models import Payment, PaymentState
from reports.presenters import format_month
from service_requests import actions as request_actions
from service_requests.models import AccessKind, DeidentificationReason, RequestAccess
from service_requests.workflow import RequestStatus, Role
from tests.helpers import in_thai

from .conftest import SLIP_PAYLOAD, slip_payload, slip_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def paid_order(order, user):
    """The SPEC's 555.00 order with its slip sent."""
    service_request = order()
    actions.send_slip(applicant=user, service_request=service_request, uploaded=slip_upload(SLIP_PAYLOAD))
    return service_request


@pytest.fixture
def officer(officer_for):
    return officer_for("41")


def process_page(client, service_request):
    response = client.get(reverse("service_request_admin:process", args=[service_request.pk]))
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def post_action(client, service_request, action, message=""):
    return client.post(
        reverse("payments_admin:officer_action", args=[service_request.reference, action]),
        {"message": message},
        follow=True,
    )


def audit_actions(service_request):
    payment = Payment.objects.get(request=service_request)
    return list(
        ModelLogEntry.objects.filter(object_id=str(payment.pk), action__startswith="payments.")
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )


def test_the_officer_sees_the_state_and_the_slip_and_confirms(paid_order, logged_in, officer):
    client = logged_in(officer)
    page = process_page(client, paid_order)
    panel = page.select_one("#panel-payment-content") or page
    text = panel.get_text(" ", strip=True)
    assert "แนบหลักฐานแล้ว" in text
    assert "555.00 บาท" in text
    assert "อ่านคิวอาร์โค้ดของสลิปธนาคารแล้ว และบันทึกไว้ไม่ให้ใช้ซ้ำ" in text
    slip_link = page.select_one("a[href*='/slips/']")
    response = client.get(slip_link["href"])
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert RequestAccess.objects.filter(
        request=paid_order, kind=AccessKind.ATTACHMENT, detail="payment slip", officer=officer
    ).exists()

    response = post_action(client, paid_order, "confirm")
    assert "ยืนยันการชำระแล้ว" in response.content.decode()
    # Back on the process page, scrolled to the payment panel.
    landed_on = response.redirect_chain[-1][0]
    assert landed_on.endswith("#payment-section")
    assert BeautifulSoup(response.content.decode(), "html.parser").select_one(f"#{landed_on.split('#')[1]}")
    payment = Payment.objects.get(request=paid_order)
    assert payment.state == PaymentState.CONFIRMED
    assert payment.confirmed_by == officer and payment.confirmed_at is not None
    assert audit_actions(paid_order) == ["payments.send_slip", "payments.confirm"]
    assert list(payment.events.values_list("to_state", "actor")) == [
        (PaymentState.SLIP_SENT, paid_order.applicant_id),
        (PaymentState.CONFIRMED, officer.pk),
    ]


def test_a_refusal_needs_a_message_and_the_applicant_sees_it(paid_order, logged_in, officer, user):
    client = logged_in(officer)
    response = post_action(client, paid_order, "refuse", "")
    assert "กรุณาระบุเหตุผล" in response.content.decode()
    assert Payment.objects.get(request=paid_order).state == PaymentState.SLIP_SENT

    post_action(client, paid_order, "refuse", "ยอดเงินยังไม่เข้าบัญชี")
    payment = Payment.objects.get(request=paid_order)
    assert (payment.state, payment.officer_message) == (PaymentState.PENDING, "ยอดเงินยังไม่เข้าบัญชี")
    applicant_page = logged_in(user).get(reverse("service_requests:detail", args=[paid_order.reference]))
    section = BeautifulSoup(applicant_page.content.decode(), "html.parser").select_one("#payment")
    assert "ยอดเงินยังไม่เข้าบัญชี" in section.get_text()
    assert "รอชำระเงิน" in section.get_text()
    assert section.select_one("input[name=slip]") is not None  # may send again
    assert audit_actions(paid_order) == ["payments.send_slip", "payments.refuse"]


def test_after_a_refusal_the_same_slip_may_be_sent_again_for_the_same_order_only(
    paid_order, order, officer, user
):
    actions.refuse_payment(actor=officer, service_request=paid_order, message="ตรวจสอบอีกครั้ง")
    another = order(**{"ปพ.1-ป": 1})
    with pytest.raises(ValidationError):
        actions.send_slip(applicant=user, service_request=another, uploaded=slip_upload(SLIP_PAYLOAD))
    actions.send_slip(applicant=user, service_request=paid_order, uploaded=slip_upload(SLIP_PAYLOAD))
    assert Payment.objects.get(request=paid_order).state == PaymentState.SLIP_SENT


def refund_url(service_request):
    return reverse("payments_admin:refund", args=[service_request.reference])


def history_lines(client, url):
    page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    heading = page.find(lambda tag: tag.name in ("h2", "h3") and "ประวัติสถานะ" in tag.get_text())
    return [row.get_text(" ", strip=True) for row in heading.find_next("table").select("tbody tr")]


def audit_messages(service_request):
    payment = Payment.objects.get(request=service_request)
    return {
        entry.action: entry.data.get("message")
        for entry in ModelLogEntry.objects.filter(object_id=str(payment.pk), action__startswith="payments.")
    }


@pytest.fixture
def with_email(user):
    user.email = user.verified_email = "wilaiwan@example.com"
    user.save(update_fields=["email", "verified_email"])
    return user


def test_the_message_box_goes_with_the_confirm_button_too(paid_order, logged_in, officer):
    """The box under "ยืนยันการชำระเงิน" is in the same form as both buttons: whichever is clicked
    sends what was typed."""
    page = process_page(logged_in(officer), paid_order)
    box = page.select_one("#panel-payment-content textarea[name=message]") or page.select_one(
        "textarea[name=message]"
    )
    form = box.find_parent("form")
    buttons = {button.get_text(strip=True): button for button in form.select("button[type=submit]")}
    assert set(buttons) == {"ยืนยันการชำระเงิน", "ไม่รับการชำระเงิน"}
    assert form["action"].endswith("/confirm/")
    assert buttons["ไม่รับการชำระเงิน"]["formaction"].endswith("/refuse/")
    help_text = in_thai(OfficerPaymentForm.base_fields["message"].help_text)
    assert help_text in form.get_text(" ", strip=True)


def test_a_message_typed_with_the_confirmation_reaches_the_history_and_the_applicant(
    paid_order, logged_in, officer, with_email, mailoutbox, django_capture_on_commit_callbacks
):
    client = logged_in(officer)
    with django_capture_on_commit_callbacks(execute=True):
        post_action(client, paid_order, "confirm", "ได้รับเงินแล้ว ขอบคุณค่ะ")
    payment = Payment.objects.get(request=paid_order)
    assert (payment.state, payment.officer_message) == (PaymentState.CONFIRMED, "ได้รับเงินแล้ว ขอบคุณค่ะ")
    assert audit_messages(paid_order)["payments.confirm"] == "ได้รับเงินแล้ว ขอบคุณค่ะ"
    applicant_lines = history_lines(
        logged_in(with_email), reverse("service_requests:detail", args=[paid_order.reference])
    )
    assert any("การชำระเงิน: ยืนยันการชำระแล้ว (ได้รับเงินแล้ว ขอบคุณค่ะ)" in line for line in applicant_lines)
    officer_lines = history_lines(client, reverse("service_request_admin:process", args=[paid_order.pk]))
    assert "การชำระเงิน: ยืนยันการชำระแล้ว (ได้รับเงินแล้ว ขอบคุณค่ะ)" in officer_lines[-1]
    [message] = [m for m in mailoutbox if m.to == ["wilaiwan@example.com"]]
    assert "ยืนยันการชำระแล้ว" in message.subject
    assert "> ได้รับเงินแล้ว ขอบคุณค่ะ" in message.body


def test_what_was_typed_comes_back_in_the_box_when_nothing_was_saved(paid_order, logged_in, officer):
    client = logged_in(officer)
    # A colleague refused the slip meanwhile: this officer's confirmation is refused, and the
    # message typed with it is said back (the box is gone with the slip).
    actions.refuse_payment(actor=officer, service_request=paid_order, message="ยอดเงินไม่ตรง")
    response = post_action(client, paid_order, "confirm", "ได้รับเงินแล้ว ขอบคุณค่ะ")
    text = BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)
    assert (
        in_thai("The payment is “%(state)s”: it cannot be changed that way.") % {"state": "รอชำระเงิน"} in text
    )
    assert (
        in_thai("Your message was not sent to the applicant: “%(message)s”")
        % {"message": "ได้รับเงินแล้ว ขอบคุณค่ะ"}
        in text
    )
    assert Payment.objects.get(request=paid_order).state == PaymentState.PENDING
    # A slip again; a refusal without its reason, and a message too long: the box says why and
    # holds what was typed, nothing is recorded.
    actions.send_slip(
        applicant=paid_order.applicant, service_request=paid_order, uploaded=slip_upload(SLIP_PAYLOAD)
    )
    response = post_action(client, paid_order, "refuse", "   ")
    page = BeautifulSoup(response.content.decode(), "html.parser")
    box = page.select_one("textarea[name=message]")
    assert box.get_text(strip=True) == ""  # nothing typed, nothing kept
    error = in_thai("Please tell the applicant why the payment is refused.")
    assert error in box.find_parent("form").get_text(" ", strip=True)  # said by the box
    assert Payment.objects.get(request=paid_order).state == PaymentState.SLIP_SENT
    too_long = "ก" * 2001
    page = BeautifulSoup(post_action(client, paid_order, "confirm", too_long).content.decode(), "html.parser")
    assert page.select_one("textarea[name=message]").get_text().strip() == too_long
    assert Payment.objects.get(request=paid_order).state == PaymentState.SLIP_SENT
    assert process_page(client, paid_order).select_one("textarea[name=message]").get_text().strip() == ""


def test_a_refund_asks_on_its_own_page_for_a_reason_and_a_confirmation(
    paid_order, logged_in, officer, with_email, mailoutbox, django_capture_on_commit_callbacks
):
    client = logged_in(officer)
    actions.confirm_payment(actor=officer, service_request=paid_order)
    # The panel links to the refund's page: one click records nothing.
    link = process_page(client, paid_order).find("a", string=lambda s: s and "บันทึกการคืนเงิน" in s)
    assert link is not None and link["href"] == refund_url(paid_order)
    page = BeautifulSoup(client.get(link["href"]).content.decode(), "html.parser")
    text = page.get_text(" ", strip=True)
    assert paid_order.reference in text and "555.00 บาท" in text
    assert page.select_one("textarea[name=reason]") is not None
    assert page.select_one("input[type=checkbox][name=confirmed]") is not None
    assert RequestAccess.objects.filter(request=paid_order, officer=officer, detail="refund").exists()

    # Neither reason nor tick: both said, nothing recorded.
    response = client.post(refund_url(paid_order), {"reason": "", "confirmed": ""})
    assert response.status_code == 200
    text = BeautifulSoup(response.content.decode(), "html.parser").get_text(" ", strip=True)
    assert in_thai(actions.refund_reason_required_message()) in text
    assert in_thai("Please tick the box to confirm the refund.") in text
    # A reason without the tick: still nothing, and the reason is kept in its box.
    response = client.post(refund_url(paid_order), {"reason": "ผู้ยื่นขอยกเลิกการสั่งซื้อ"})
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.select_one("textarea[name=reason]").get_text(strip=True) == "ผู้ยื่นขอยกเลิกการสั่งซื้อ"
    assert in_thai("Please tick the box to confirm the refund.") in page.get_text(" ", strip=True)
    # A tick without a reason (spaces only): nothing.
    response = client.post(refund_url(paid_order), {"reason": "   ", "confirmed": "on"})
    assert in_thai(actions.refund_reason_required_message()) in response.content.decode()
    payment = Payment.objects.get(request=paid_order)
    assert payment.state == PaymentState.CONFIRMED and payment.refunded_at is None
    assert "payments.refund" not in audit_actions(paid_order)
    assert mailoutbox == []

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            refund_url(paid_order), {"reason": "ผู้ยื่นขอยกเลิกการสั่งซื้อ", "confirmed": "on"}, follow=True
        )
    assert response.redirect_chain[-1][0].endswith("#payment-section")
    payment = Payment.objects.get(request=paid_order)
    assert payment.state == PaymentState.REFUNDED and payment.refunded_at is not None
    assert audit_actions(paid_order) == ["payments.send_slip", "payments.confirm", "payments.refund"]
    assert audit_messages(paid_order)["payments.refund"] == "ผู้ยื่นขอยกเลิกการสั่งซื้อ"
    panel_text = process_page(client, paid_order).get_text(" ", strip=True)
    assert "คืนเงินแล้ว" in panel_text
    officer_lines = history_lines(client, reverse("service_request_admin:process", args=[paid_order.pk]))
    assert "การชำระเงิน: คืนเงินแล้ว (ผู้ยื่นขอยกเลิกการสั่งซื้อ)" in officer_lines[-1]
    # The applicant is told: by e-mail, in the history and in the payment section.
    [message] = [m for m in mailoutbox if m.to == ["wilaiwan@example.com"]]
    assert paid_order.reference in message.subject and "คืนเงินแล้ว" in message.subject
    assert in_thai("The office has paid your payment back to you.") in message.body
    assert "> ผู้ยื่นขอยกเลิกการสั่งซื้อ" in message.body
    applicant_page = logged_in(with_email).get(
        reverse("service_requests:detail", args=[paid_order.reference])
    )
    section = BeautifulSoup(applicant_page.content.decode(), "html.parser").select_one("#payment")
    assert "ผู้ยื่นขอยกเลิกการสั่งซื้อ" in section.get_text()
    assert in_thai("The office refunded your payment") in section.get_text()
    applicant_lines = history_lines(
        logged_in(with_email), reverse("service_requests:detail", args=[paid_order.reference])
    )
    assert any("การชำระเงิน: คืนเงินแล้ว (ผู้ยื่นขอยกเลิกการสั่งซื้อ)" in line for line in applicant_lines)


def test_a_refund_is_not_recorded_by_a_stale_panel_or_without_a_confirmed_payment(
    paid_order, logged_in, officer, officer_for
):
    client = logged_in(officer)
    # Not confirmed yet: nothing to refund, back to the panel saying so.
    response = client.get(refund_url(paid_order), follow=True)
    assert response.redirect_chain[-1][0].endswith("#payment-section")
    assert in_thai("There is no confirmed payment to refund on this request.") in response.content.decode()
    actions.confirm_payment(actor=officer, service_request=paid_order)
    # The old panel's one-click form (a message, no reason or tick) posts to the same address.
    response = post_action(client, paid_order, "refund", "ยกเลิกการสั่งซื้อ")
    assert response.status_code == 200
    assert Payment.objects.get(request=paid_order).state == PaymentState.CONFIRMED
    # An officer of another service: 404, nothing recorded.
    other = logged_in(officer_for("11"))
    assert other.get(refund_url(paid_order)).status_code == 404
    assert other.post(refund_url(paid_order), {"reason": "x", "confirmed": "on"}).status_code == 404
    with pytest.raises(ValidationError):
        actions.refund_payment(actor=officer, service_request=paid_order, message=" ")
    assert Payment.objects.get(request=paid_order).state == PaymentState.CONFIRMED
    assert "payments.refund" not in audit_actions(paid_order)


def test_the_refund_page_of_a_completed_request_says_it_stays_completed(paid_order, logged_in, officer):
    actions.confirm_payment(actor=officer, service_request=paid_order)
    request_actions.move_request(
        actor=officer, service_request=paid_order, to_status=RequestStatus.COMPLETED, role=Role.OFFICER
    )
    page = BeautifulSoup(logged_in(officer).get(refund_url(paid_order)).content.decode(), "html.parser")
    warning = page.select_one(".payment-refund-closed")
    assert warning is not None and "ดำเนินการเรียบร้อย" in warning.get_text()


def test_only_officers_of_the_service_handle_payments(paid_order, logged_in, officer_for, user):
    other_officer = officer_for("11")
    assert post_action(logged_in(other_officer), paid_order, "confirm").status_code == 404
    with pytest.raises(PermissionDenied):
        actions.confirm_payment(actor=user, service_request=paid_order)
    assert Payment.objects.get(request=paid_order).state == PaymentState.SLIP_SENT


def test_a_payment_cannot_be_confirmed_twice(paid_order, officer):
    actions.confirm_payment(actor=officer, service_request=paid_order)
    with pytest.raises(PermissionDenied):
        actions.confirm_payment(actor=officer, service_request=paid_order)


def test_the_report_shows_the_money_received_per_month(order, user, officer, logged_in):
    first, second, refunded = order(), order(**{"ปพ.1-ป": 20}), order(**{"ปพ.1-ป": 1})
    for index, service_request in enumerate((first, second, refunded)):
        actions.send_slip(
            applicant=user,
            service_request=service_request,
            uploaded=slip_upload(slip_payload(f"20251130REPORT{index}")),
        )
        actions.confirm_payment(actor=officer, service_request=service_request)
    actions.refund_payment(actor=officer, service_request=refunded, message="ผู้ยื่นขอยกเลิก")
    # Months are Bangkok's: 00:30 on the 1st in Bangkok is still the month before in UTC.
    month_start = bangkok_today().replace(day=1)
    previous = (month_start - datetime.timedelta(days=1)).replace(day=1)
    Payment.objects.filter(request=first).update(
        confirmed_at=datetime.datetime.combine(month_start, datetime.time(0, 30), tzinfo=BANGKOK)
    )
    Payment.objects.filter(request=second).update(
        confirmed_at=datetime.datetime.combine(
            month_start - datetime.timedelta(days=1), datetime.time(23, 30), tzinfo=BANGKOK
        )
    )
    today = bangkok_today()
    client = logged_in(officer)
    period = {"start": previous.isoformat(), "end": today.isoformat()}
    page = BeautifulSoup(
        client.get(reverse("service_requests_report"), period).content.decode(), "html.parser"
    )
    rows = [
        [cell.get_text(strip=True) for cell in row.select("th, td")]
        for row in page.select("#report-money tbody tr, #report-money tfoot tr")
    ]
    assert [cell.get_text(strip=True) for cell in page.select("#report-money thead th")] == [
        "เดือน",
        "จำนวนรายการที่ยืนยันการชำระ",
        "จำนวนเงินที่ได้รับ (บาท)",
        "จำนวนรายการที่คืนเงิน",
        "จำนวนเงินที่คืน (บาท)",
        "ยอดสุทธิ (บาท)",
    ]
    # The refunded order (185.00: 1 × ปพ.1-ป + 25 shipping) was received this month and paid back:
    # it counts in both, and the net is what the office keeps.
    assert rows == [
        [format_month(previous), "1", "3,312.00", "0", "0.00", "3,312.00"],
        [format_month(month_start), "2", "740.00", "1", "185.00", "555.00"],
        ["รวม", "3", "4,052.00", "1", "185.00", "3,867.00"],
    ]
    workbook = openpyxl.load_workbook(
        io.BytesIO(client.get(reverse("service_requests_report"), {**period, "export": "xlsx"}).content)
    )
    sheet = workbook.worksheets[5]  # after the overdue requests
    assert list(sheet.iter_rows(values_only=True))[-1] == ("รวม", 3, 4052, 1, 185, 3867)


def test_a_refund_counts_in_the_month_it_was_made(order, user, officer, django_assert_num_queries):
    """Confirmed last month, refunded this month: last month's money stays as it came in, this month
    shows the refund (a negative net), and the whole period adds up to nothing kept."""
    service_request = order()
    actions.send_slip(applicant=user, service_request=service_request, uploaded=slip_upload(SLIP_PAYLOAD))
    actions.confirm_payment(actor=officer, service_request=service_request)
    actions.refund_payment(actor=officer, service_request=service_request, message="ผู้ยื่นขอยกเลิก")
    month_start = bangkok_today().replace(day=1)
    previous = (month_start - datetime.timedelta(days=1)).replace(day=1)
    Payment.objects.filter(request=service_request).update(
        confirmed_at=datetime.datetime.combine(previous, datetime.time(10), tzinfo=BANGKOK)
    )
    report_start = datetime.datetime.combine(previous, datetime.time(0), tzinfo=BANGKOK)
    with django_assert_num_queries(1):  # received and refunded in one query, however many months
        months = queries.money_by_month(report_start, timezone.now() + datetime.timedelta(days=1))
    assert [(m.month, m.payments, m.amount, m.refunds, m.refunded, m.net) for m in months] == [
        (previous, 1, Decimal("555.00"), 0, Decimal("0.00"), Decimal("555.00")),
        (month_start, 0, Decimal("0.00"), 1, Decimal("555.00"), Decimal("-555.00")),
    ]


def test_every_payment_step_is_a_line_of_the_requests_history(paid_order, logged_in, officer, user):
    actions.refuse_payment(actor=officer, service_request=paid_order, message="ยอดเงินไม่ตรง")

    def history(client, url):
        page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
        heading = page.find(lambda tag: tag.name in ("h2", "h3") and "ประวัติสถานะ" in tag.get_text())
        return [row.get_text(" ", strip=True) for row in heading.find_next("table").select("tbody tr")]

    applicant_lines = history(
        logged_in(user), reverse("service_requests:detail", args=[paid_order.reference])
    )
    assert any("การชำระเงิน: แนบหลักฐานแล้ว" in line for line in applicant_lines)
    assert any("การชำระเงิน: รอชำระเงิน (ยอดเงินไม่ตรง)" in line for line in applicant_lines)
    officer_lines = history(
        logged_in(officer), reverse("service_request_admin:process", args=[paid_order.pk])
    )
    assert "การชำระเงิน: รอชำระเงิน (ยอดเงินไม่ตรง)" in officer_lines[-1]
    assert officer.get_full_name() in officer_lines[-1]


def test_a_deidentified_order_keeps_no_slip_but_the_report_still_counts_it(
    paid_order, officer, user, private_files, django_capture_on_commit_callbacks
):
    actions.confirm_payment(
        actor=officer, service_request=paid_order, message=f"ได้รับเงินจาก{user.first_name}แล้ว"
    )
    request_actions.move_request(
        actor=user,
        service_request=paid_order,
        to_status=RequestStatus.CANCELLED,
        role=Role.APPLICANT,
        message="ยกเลิก",
    )
    with django_capture_on_commit_callbacks(execute=True):
        request_actions.deidentify_request(
            service_request=paid_order, reason=DeidentificationReason.ACCOUNT_CLOSED, actor=user
        )
    payment = Payment.objects.get(request=paid_order)
    assert not payment.slips.exists()
    assert [name for name in private_files() if name.startswith("slips/")] == []
    assert user.first_name not in payment.officer_message
    assert payment.state == PaymentState.CONFIRMED and payment.amount == 555
    assert payment.claims.exists()  # the slip is still never used twice


def test_the_applicant_is_told_by_email_when_the_payment_is_refused_or_confirmed(
    paid_order, logged_in, officer, user, mailoutbox, django_capture_on_commit_callbacks
):
    user.email = user.verified_email = "wilaiwan@example.com"
    user.save(update_fields=["email", "verified_email"])
    client = logged_in(officer)
    with django_capture_on_commit_callbacks(execute=True):
        post_action(client, paid_order, "refuse", "ยอดเงินไม่ตรง\nBcc: attacker@example.com")
    [message] = [m for m in mailoutbox if m.to == ["wilaiwan@example.com"]]
    assert paid_order.reference in message.subject and "รอชำระเงิน" in message.subject
    assert "> ยอดเงินไม่ตรง" in message.body and "> Bcc: attacker@example.com" in message.body
    assert f"/my/requests/{paid_order.reference}/#payment" in message.body
    actions.send_slip(applicant=user, service_request=paid_order, uploaded=slip_upload(SLIP_PAYLOAD))
    with django_capture_on_commit_callbacks(execute=True):
        post_action(client, paid_order, "confirm")
    assert "ยืนยันการชำระแล้ว" in mailoutbox[-1].subject
    assert "555.00 บาท" in mailoutbox[-1].body
