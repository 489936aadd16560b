"""What an applicant sees of paying for a ปพ. order: the delivery address on the order form, and the
Thai QR payment code for the exact grand total on the confirmation and request pages."""

import io
from decimal import Decimal

from django.urls import reverse

import pytest
import zxingcpp
from bs4 import BeautifulSoup
from PIL import Image

from demo.payments import DEMO_BILLER_ID, FORMER_DEMO_ACCOUNT_NAME, ensure_payment_settings
from payments import promptpay
from service_requests import actions as request_actions
from service_requests.catalogue.school_record_forms import FormOrderDetails
from service_requests.models import ServiceRequest
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_requests import details_for, files_post, form_data

from .conftest import ADDRESS, ORDER_PAGE, order_details

pytestmark = pytest.mark.django_db


def page_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def payment_section(response):
    return page_of(response).select_one("#payment")


def test_the_confirmation_page_shows_a_bill_payment_code_for_555(order, logged_in, user, office_payments):
    office_payments(biller_id="099400000000000")
    service_request = order()
    response = logged_in(user).get(reverse("service_requests:submitted", args=[service_request.reference]))
    section = payment_section(response)
    text = section.get_text(" ", strip=True)
    assert "555.00 บาท" in text
    assert "ห้าร้อยห้าสิบห้าบาทถ้วน" in text
    assert "รอชำระเงิน" in text
    assert "สแกนคิวอาร์โค้ดนี้" in text and "QR Code" not in str(section)  # the portal's one word
    assert "สำนักงานเขตพื้นที่การศึกษาตัวอย่าง" in text  # the account name
    assert promptpay.bill_reference(service_request.reference) in text  # Ref1
    expected = promptpay.bill_payment_payload(
        "099400000000000", promptpay.bill_reference(service_request.reference), Decimal("555.00")
    )
    assert str(section.select_one("svg.promptpay-qr")) == str(
        BeautifulSoup(promptpay.qr_svg(expected, title="PromptPay"), "html.parser").svg
    )
    # The same code, as a picture, reads back to the exact payload.
    (read,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(promptpay.qr_png(expected))))
    assert read.text == expected
    # The slip is sent from the request's page, which the note points to.
    assert "แนบสลิปการโอนเงินเป็นหลักฐานการชำระเงินในหน้าคำขอ" in text


def test_the_request_page_shows_a_promptpay_code_for_3312_without_a_biller(
    order, logged_in, user, office_payments
):
    office_payments(promptpay_id="0812345678", account_name="นายทดสอบ ระบบ")
    service_request = order(**{"ปพ.1-ป": 20})  # 3,200.00 + 3.5 % shipping 112.00
    assert FormOrderDetails.objects.get(request=service_request).grand_total == Decimal("3312.00")
    response = logged_in(user).get(reverse("service_requests:detail", args=[service_request.reference]))
    section = payment_section(response)
    text = section.get_text(" ", strip=True)
    assert "3,312.00 บาท" in text
    assert "สามพันสามร้อยสิบสองบาทถ้วน" in text
    assert "Ref1" not in text
    expected = promptpay.credit_transfer_payload("0812345678", Decimal("3312.00"))
    assert str(section.select_one("svg.promptpay-qr")) == str(
        BeautifulSoup(promptpay.qr_svg(expected, title="PromptPay"), "html.parser").svg
    )
    # The slip form is offered on the request page, just below the note that points to it.
    assert section.select_one("input[type=file][name=slip]") is not None
    assert "แนบสลิปการโอนเงินด้านล่าง" in text
    assert "ในหน้าคำขอ" not in text


def test_without_promptpay_settings_the_page_says_to_contact_the_office(order, logged_in, user):
    service_request = order()
    response = logged_in(user).get(reverse("service_requests:detail", args=[service_request.reference]))
    section = payment_section(response)
    assert section.select_one("svg") is None
    assert "ติดต่อสำนักงาน" in section.get_text()


def test_a_service_without_payment_has_no_payment_section(
    submit, logged_in, user, page_tree, office_payments
):
    office_payments(biller_id="099400000000000")
    service_request = submit("11")
    response = logged_in(user).get(reverse("service_requests:detail", args=[service_request.reference]))
    assert payment_section(response) is None


def test_the_delivery_address_is_required_and_the_form_keeps_what_was_typed(
    logged_in, user, price_list, page_tree
):
    data = form_data("41", user, details=order_details(price_list, **{"ปพ.1-ป": 3})) | files_post("41")
    data["details-delivery_address"] = ""
    data["details-school"] = "โรงเรียนวัดป่า"
    response = logged_in(user).post(ORDER_PAGE, data)
    page = page_of(response)
    field = page.select_one("#id_details-delivery_address")
    assert field.get_text().strip() == ""
    assert field["aria-invalid"] == "true"
    assert page.select_one("#id_details-delivery_address_error").get_text(strip=True)
    assert "ที่อยู่จัดส่ง" in page.get_text()
    assert page.select_one("#id_details-school")["value"] == "โรงเรียนวัดป่า"
    assert ServiceRequest.objects.count() == 0


def test_the_delivery_address_is_prefilled_from_the_last_order(order, logged_in, user):
    order()
    page = page_of(logged_in(user).get(ORDER_PAGE))
    assert page.select_one("#id_details-delivery_address").get_text().strip() == ADDRESS


def test_without_an_order_the_id_card_contact_address_is_the_start(
    submit, logged_in, user, page_tree, price_list
):
    details = details_for("11")
    submit("11", details=details)
    page = page_of(logged_in(user).get(ORDER_PAGE))
    assert page.select_one("#id_details-delivery_address").get_text().strip() == details["contact_address"]


def test_the_delivery_address_shows_on_the_request_page(order, logged_in, user):
    service_request = order()
    page = page_of(logged_in(user).get(reverse("service_requests:detail", args=[service_request.reference])))
    assert page.select_one(".delivery-address").get_text(strip=True) == ADDRESS


def test_the_demo_office_takes_bill_payments_with_a_made_up_biller_id(page_tree):
    settings = ensure_payment_settings(site=page_tree.site)
    assert settings.biller_id == DEMO_BILLER_ID == "099400000000000"
    assert settings.account_name
    settings.promptpay_id, settings.biller_id = "0812345678", ""
    settings.save()
    assert ensure_payment_settings(site=page_tree.site).promptpay_id == "0812345678"  # kept


DEMO_OFFICE_ACCOUNT = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาอำนาจเจริญ (บัญชีทดสอบ)"


def test_the_demo_code_names_the_demo_office_as_a_test_account(order, logged_in, user, page_tree):
    ensure_payment_settings(site=page_tree.site)
    service_request = order()

    response = logged_in(user).get(reverse("service_requests:submitted", args=[service_request.reference]))

    text = payment_section(response).get_text(" ", strip=True)
    assert DEMO_OFFICE_ACCOUNT in text
    assert "การศึกษาตัวอย่าง" not in text


def test_the_demo_replaces_its_former_made_up_account_name_and_keeps_an_administrators(page_tree):
    settings = ensure_payment_settings(site=page_tree.site)
    settings.account_name = FORMER_DEMO_ACCOUNT_NAME
    settings.save()
    assert ensure_payment_settings(site=page_tree.site).account_name == DEMO_OFFICE_ACCOUNT

    settings.account_name = "สพป.อำนาจเจริญ"
    settings.save()
    assert ensure_payment_settings(site=page_tree.site).account_name == "สพป.อำนาจเจริญ"


def test_a_cancelled_order_shows_no_code(order, logged_in, user, office_payments):
    office_payments(biller_id="099400000000000")
    service_request = order()
    request_actions.move_request(
        actor=user,
        service_request=service_request,
        to_status=RequestStatus.CANCELLED,
        role=Role.APPLICANT,
        message="สั่งผิด",
    )
    response = logged_in(user).get(reverse("service_requests:detail", args=[service_request.reference]))
    section = payment_section(response)
    assert section.select_one("svg") is None
    assert section.select_one("input[name=slip]") is None


# The picture of the code, to save on a phone and pay from its gallery with a bank app.

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def test_the_applicant_saves_the_code_as_a_picture_that_reads_back_to_the_same_payment(
    order, logged_in, user, office_payments
):
    office_payments(biller_id="099400000000000")
    service_request = order()
    client = logged_in(user)
    section = payment_section(
        client.get(reverse("service_requests:detail", args=[service_request.reference]))
    )
    link = section.select_one(".payment-code__save a")
    assert link.get_text(strip=True) == "บันทึกรูปคิวอาร์โค้ด"
    assert link.has_attr("download")

    response = client.get(link["href"])

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert (
        response["Content-Disposition"] == f'attachment; filename="promptpay-{service_request.reference}.png"'
    )
    assert response["Cache-Control"] == "no-store"
    assert response.content.startswith(PNG_SIGNATURE)
    expected = promptpay.bill_payment_payload(
        "099400000000000", promptpay.bill_reference(service_request.reference), Decimal("555.00")
    )
    (read,) = zxingcpp.read_barcodes(Image.open(io.BytesIO(response.content)))
    assert read.text == expected


def test_only_the_applicant_gets_the_picture_and_only_while_the_code_is_offered(
    order, logged_in, user, other_applicant, office_payments, client
):
    office_payments(promptpay_id="0812345678")
    service_request = order()
    url = reverse("payments:qr_picture", args=[service_request.reference])
    assert logged_in(other_applicant).get(url).status_code == 404
    assert client.get(url).status_code == 302  # to log in
    request_actions.move_request(
        actor=user,
        service_request=service_request,
        to_status=RequestStatus.CANCELLED,
        role=Role.APPLICANT,
        message="สั่งผิด",
    )
    assert logged_in(user).get(url).status_code == 404
