"""หลักฐานการชำระเงิน as the applicant sends it: the slip's verification QR code is read and kept,
the same slip for another order is refused in Thai (also when both are sent at the same moment),
and a slip without a readable bank slip code (a QR code of anything else included) is kept for the
officer to check by eye."""

import io
import threading
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from payments import actions, promptpay
from payments.models import Payment, PaymentState, Slip, SlipClaim
from service_requests.uploads import MESSAGES
from tests.factories.service_requests import pdf_upload
from tests.helpers import in_thai

from .conftest import SLIP_PAYLOAD, slip_image, slip_payload, slip_upload

pytestmark = pytest.mark.django_db

REFUSAL = "สลิปการโอนเงินนี้ถูกใช้กับคำขออื่นแล้ว"


def send(client, service_request, upload):
    return client.post(
        reverse("payments:send_slip", args=[service_request.reference]), {"slip": upload}, follow=True
    )


def section_text(response) -> str:
    return (
        BeautifulSoup(response.content.decode(), "html.parser")
        .select_one("#payment")
        .get_text(" ", strip=True)
    )


def assert_shown_in_the_payment_section(response, text):
    """The slip step lands on #payment, far below the top on a phone: what happened is said in the
    payment section, in a status region, and not again at the top of the page."""
    page = BeautifulSoup(response.content.decode(), "html.parser")
    [region] = page.select("#payment [role=status]")
    assert text in region.get_text(" ", strip=True)
    assert page.select_one("#payment h2").find_next_sibling() == region  # right under the heading
    assert all(text not in top.get_text() for top in page.select("main > .container > .messages"))


def assert_shown_by_the_file_box(response, text):
    """A refused slip lands on its form, far below the top of the section on a phone: why it was
    refused is said by the file box, as a field error the box points at, and nowhere else."""
    assert response.redirect_chain[-1][0].endswith("#payment-slip")
    page = BeautifulSoup(response.content.decode(), "html.parser")
    form = page.select_one("#payment #payment-slip")
    error = form.select_one("#id_slip_error")
    assert text in error.get_text(" ", strip=True)
    box = form.select_one("input[type=file]#id_slip")
    assert "id_slip_error" in box["aria-describedby"].split()
    assert box["aria-invalid"] == "true"
    assert all(text not in region.get_text() for region in page.select("#payment [role=status]"))
    assert all(text not in top.get_text() for top in page.select("main > .container > .messages"))


def test_a_slip_with_a_qr_code_is_kept_with_its_payload(order, logged_in, user, private_files):
    service_request = order()
    response = send(logged_in(user), service_request, slip_upload(SLIP_PAYLOAD))
    assert response.redirect_chain[-1][0].endswith(f"/my/requests/{service_request.reference}/#payment")
    text = section_text(response)
    assert "แนบหลักฐานแล้ว" in text
    assert "slip.png" in text
    assert "ได้รับหลักฐานการชำระเงินแล้ว" in response.content.decode()
    assert_shown_in_the_payment_section(response, "ได้รับหลักฐานการชำระเงินแล้ว")
    payment = Payment.objects.get(request=service_request)
    assert (payment.state, payment.amount) == (PaymentState.SLIP_SENT, Decimal("555.00"))
    slip = payment.slips.get()
    assert slip.qr_payload == SLIP_PAYLOAD
    assert SlipClaim.objects.get().payment == payment
    assert [name for name in private_files() if name.startswith("slips/")] == [slip.file.name]
    # No more slips while one waits for the officer.
    assert section_text(response).count("ส่งหลักฐานการชำระเงิน") == 0


def test_a_jpeg_slip_is_read_too(order, logged_in, user):
    service_request = order()
    send(logged_in(user), service_request, slip_upload(SLIP_PAYLOAD, name="slip.jpg", kind="JPEG"))
    assert Slip.objects.get().qr_payload == SLIP_PAYLOAD


def test_the_same_slip_for_another_order_is_refused_in_thai(order, logged_in, user, private_files):
    first, second = order(), order(**{"ปพ.1-ป": 1})
    client = logged_in(user)
    send(client, first, slip_upload(SLIP_PAYLOAD))
    stored = private_files()
    response = send(client, second, slip_upload(SLIP_PAYLOAD, name="same-slip.png"))
    assert REFUSAL in response.content.decode()
    assert_shown_by_the_file_box(response, REFUSAL)
    assert "รอชำระเงิน" in section_text(response)
    assert not Payment.objects.filter(request=second).exists()
    assert Slip.objects.count() == 1
    assert private_files() == stored  # nothing of the refused slip is kept


def test_another_applicant_cannot_use_the_slip_either(order, logged_in, user, other_applicant):
    send(logged_in(user), order(), slip_upload(SLIP_PAYLOAD))
    theirs = order(applicant=other_applicant)
    with pytest.raises(ValidationError) as refusal:
        actions.send_slip(
            applicant=other_applicant, service_request=theirs, uploaded=slip_upload(SLIP_PAYLOAD)
        )
    assert refusal.value.code == actions.SLIP_USED


@pytest.mark.parametrize(
    "upload",
    [lambda: slip_upload(None, name="no-code.png"), lambda: pdf_upload("slip.pdf")],
    ids=["picture without a code", "pdf"],
)
def test_a_slip_without_a_readable_code_is_accepted_for_the_officer(order, logged_in, user, upload):
    service_request = order()
    response = send(logged_in(user), service_request, upload())
    assert "เจ้าหน้าที่จะตรวจสอบสลิปด้วยตนเอง" in response.content.decode()
    slip = Slip.objects.get()
    assert slip.qr_payload == ""
    assert slip.payment.state == PaymentState.SLIP_SENT
    assert not SlipClaim.objects.exists()


OTHER_CODES = {
    "web address": "https://example.com/promotion?id=42",
    "any text": "สวัสดีครับ",
    "a PromptPay payment code": promptpay.credit_transfer_payload("0812345678", Decimal("555.00")),
    "a slip code with a wrong CRC": SLIP_PAYLOAD[:-4] + "0000",
}


@pytest.mark.parametrize("payload", OTHER_CODES.values(), ids=OTHER_CODES.keys())
def test_a_qr_code_that_is_not_a_bank_slips_is_not_read_nor_held(
    order, logged_in, user, officer_for, payload
):
    service_request = order()
    response = send(logged_in(user), service_request, slip_upload(payload))
    assert "ไม่พบคิวอาร์โค้ดของสลิปธนาคาร เจ้าหน้าที่จะตรวจสอบสลิปด้วยตนเอง" in response.content.decode()
    slip = Slip.objects.get()
    assert (slip.qr_payload, slip.payment.state) == ("", PaymentState.SLIP_SENT)
    assert not SlipClaim.objects.exists()
    # The officer is not told it was read: to be checked by eye against the bank statement.
    process = logged_in(officer_for("41")).get(
        reverse("service_request_admin:process", args=[service_request.pk])
    )
    panel = BeautifulSoup(process.content.decode(), "html.parser").select_one(".payment-slips")
    text = " ".join(panel.get_text(" ").split())
    assert "อ่านคิวอาร์โค้ด" not in text
    assert "ไม่พบคิวอาร์โค้ดของสลิปธนาคาร กรุณาตรวจสอบสลิปด้วยตนเองกับรายการเดินบัญชีของธนาคาร" in text
    # Nor is such a code held against another order's slip.
    send(logged_in(user), order(**{"ปพ.1-ป": 1}), slip_upload(payload, name="again.png"))
    assert Slip.objects.count() == 2


def test_the_bank_slips_code_is_found_beside_another_qr_code(order, user):
    service_request = order()
    page = Image.open(io.BytesIO(slip_image("https://example.com/bank-promotion"))).convert("RGB")
    page.paste(Image.open(io.BytesIO(slip_image(SLIP_PAYLOAD))).crop((150, 450, 450, 800)), (150, 50))
    picture = io.BytesIO()
    page.save(picture, format="PNG")
    actions.send_slip(
        applicant=user,
        service_request=service_request,
        uploaded=SimpleUploadedFile("slip.png", picture.getvalue(), "image/png"),
    )
    assert Slip.objects.get().qr_payload == SLIP_PAYLOAD
    assert SlipClaim.objects.get().qr_payload == SLIP_PAYLOAD


@pytest.mark.parametrize(
    "payload",
    [
        # As Thai banks print them (from public examples; checked by their CRC).
        "0046000600000101030140225202505252KGPGoQxQH5Z5RySO5102TH9104904A",
        "004100060000010103014022000111222233344ABCD125102TH910417DF",
        slip_payload("2025113000000000ABCDEF", bank="004"),
    ],
)
def test_bank_slip_codes_are_recognised(payload):
    assert promptpay.slip_transfer_of(payload) is not None


def test_a_file_that_is_not_a_slip_is_refused_by_the_upload_checks(order, logged_in, user):
    service_request = order()
    response = send(
        logged_in(user), service_request, SimpleUploadedFile("slip.png", b"not a picture", "image/png")
    )
    assert "รอชำระเงิน" in section_text(response)
    assert not Slip.objects.exists()


def test_a_text_file_named_png_is_refused_by_the_file_box(order, logged_in, user):
    service_request = order()
    client = logged_in(user)
    response = send(
        client, service_request, SimpleUploadedFile("slip.png", b"hello, this is text\n", "image/png")
    )
    not_really = in_thai(MESSAGES["not_really"]) % {"extension": "png"}
    assert_shown_by_the_file_box(response, not_really)
    assert not Slip.objects.exists()
    # Said once: the page opened again has a clean file box.
    again = BeautifulSoup(client.get(response.redirect_chain[-1][0]).content.decode(), "html.parser")
    assert again.select_one("#id_slip_error") is None
    assert "aria-invalid" not in again.select_one("#id_slip").attrs


def test_a_slip_form_sent_without_a_file_asks_for_the_slips_file_by_the_box(order, logged_in, user):
    response = logged_in(user).post(reverse("payments:send_slip", args=[order().reference]), {}, follow=True)
    assert_shown_by_the_file_box(response, "กรุณาเลือกไฟล์สลิปการโอนเงิน")


def test_only_the_applicant_sends_a_slip(order, logged_in, other_applicant):
    service_request = order()
    response = logged_in(other_applicant).post(
        reverse("payments:send_slip", args=[service_request.reference]), {"slip": slip_upload(SLIP_PAYLOAD)}
    )
    assert response.status_code == 404
    assert not Slip.objects.exists()


def test_a_service_without_payment_takes_no_slip(submit, user, page_tree):
    service_request = submit("11")
    with pytest.raises(Exception) as refusal:
        actions.send_slip(applicant=user, service_request=service_request, uploaded=slip_upload(SLIP_PAYLOAD))
    assert "PermissionDenied" in type(refusal.value).__name__


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_slip_sent_for_two_orders_at_once_passes_once(order, user, other_applicant):
    orders = [order(), order(applicant=other_applicant)]
    applicants = [user, other_applicant]
    barrier = threading.Barrier(2)
    accepted, refused, failed = [], [], []

    def send_at_once(index):
        try:
            barrier.wait(timeout=30)
            accepted.append(
                actions.send_slip(
                    applicant=applicants[index],
                    service_request=orders[index],
                    uploaded=slip_upload(SLIP_PAYLOAD),
                )
            )
        except ValidationError as error:
            (refused if error.code == actions.SLIP_USED else failed).append(error)
        except Exception as error:  # reported by the assertion below
            failed.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send_at_once, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failed == []
    assert (len(accepted), len(refused)) == (1, 1)
    assert list(Slip.objects.values_list("qr_payload", flat=True)) == [SLIP_PAYLOAD]
    assert SlipClaim.objects.get().payment.request_id == accepted[0].payment.request_id


def test_a_slip_posted_for_a_service_without_payment_is_refused_at_the_top_of_the_page(
    submit, logged_in, user
):
    """Its page has no payment section: the refusal stays where every other message is."""
    response = send(logged_in(user), submit("11"), slip_upload(SLIP_PAYLOAD))
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert page.select_one("#payment") is None
    [top] = page.select("main > .container > .messages")
    assert "ขณะนี้ไม่สามารถส่งหลักฐานการชำระเงินสำหรับคำขอนี้ได้" in top.get_text()
