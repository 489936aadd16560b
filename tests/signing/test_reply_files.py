"""The officer's reply file as the applicant gets it: a PDF is stored signed by the office, and
the copy the applicant downloads is reported genuine on /verify/, a one-byte change altered.
Pictures are stored as they are."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import pytest

from service_requests.workflow import RequestStatus
from signing.models import DocumentKind, IssuedDocument
from tests.factories.service_requests import pdf_bytes, png_bytes, upload
from tests.helpers import in_thai
from tests.service_requests.helpers import admin_url

from .conftest import A4, blank_pdf, ink_distances_mm, qr_codes, qr_codes_as_seen, validation_status
from .test_views import ALTERED, GENUINE

pytestmark = pytest.mark.django_db


def complete_with_reply(officer, service_request, reply):
    client = Client()
    client.force_login(officer)
    response = client.post(
        admin_url("process", service_request),
        {"to_status": "completed", "message": "", "reply_file": reply, "confirm_final": "on"},
    )
    assert response.status_code == 302
    service_request.refresh_from_db()
    return service_request


@pytest.fixture
def applicants_download(user):
    """What the applicant downloads; the downloads are closed at the end of the test (closing one
    ends its request, which closes the test's database connection)."""
    responses = []

    def download(service_request) -> bytes:
        client = Client()
        client.force_login(user)
        response = client.get(reverse("service_requests:reply_file", args=[service_request.reference]))
        assert response.status_code == 200
        responses.append(response)
        return b"".join(response.streaming_content)

    yield download
    for response in responses:
        response.close()


def check_on_verify_page(content: bytes, document) -> str:
    response = Client().post(
        reverse("signing:verify", args=[document.code]),
        {"document": SimpleUploadedFile("หนังสือรับรอง.pdf", content, "application/pdf")},
    )
    assert response.status_code == 200
    return response.content.decode()


def test_a_signed_reply_downloaded_by_the_applicant_is_genuine_and_a_changed_byte_is_altered(
    page_tree, personnel_officer, request_in, user, applicants_download
):
    service_request = request_in(RequestStatus.IN_PROGRESS, service_code="12")
    complete_with_reply(
        personnel_officer, service_request, upload("หนังสือรับรอง.pdf", pdf_bytes(), "application/pdf")
    )

    reply = applicants_download(service_request)
    document = IssuedDocument.objects.get(reference=service_request.reference)
    assert document.kind == DocumentKind.REPLY_FILE
    assert service_request.reply_file_name == "หนังสือรับรอง.pdf"
    status = validation_status(reply)
    assert status.intact and status.valid and status.trusted
    assert qr_codes(reply) == [f"http://testserver/verify/{document.code}/"]

    page = check_on_verify_page(reply, document)
    assert in_thai(GENUINE) in page
    assert user.first_name not in page and user.last_name not in page
    assert personnel_officer.first_name not in page

    changed = bytearray(reply)
    changed[len(changed) // 3] ^= 0x20
    page = check_on_verify_page(bytes(changed), document)
    assert in_thai(ALTERED) in page
    assert in_thai(GENUINE) not in page


def test_a_picture_reply_is_stored_as_it_is(page_tree, personnel_officer, request_in, applicants_download):
    service_request = request_in(RequestStatus.IN_PROGRESS, service_code="12")
    complete_with_reply(
        personnel_officer, service_request, upload("หนังสือรับรอง.png", png_bytes(), "image/png")
    )

    assert not IssuedDocument.objects.exists()
    assert applicants_download(service_request) == png_bytes()


def test_a_scanned_reply_turned_by_rotate_gets_the_stamp_upright_in_the_bottom_right_and_stays_genuine(
    page_tree, personnel_officer, request_in, user, applicants_download
):
    # A scanner stored the letter's last page turned a quarter (/Rotate 90).
    service_request = request_in(RequestStatus.IN_PROGRESS, service_code="12")
    scan = blank_pdf(A4, pages=2, rotate=90)
    complete_with_reply(personnel_officer, service_request, upload("หนังสือสแกน.pdf", scan, "application/pdf"))

    reply = applicants_download(service_request)
    document = IssuedDocument.objects.get(reference=service_request.reference)
    [code] = qr_codes_as_seen(reply)
    assert code.text == f"http://testserver/verify/{document.code}/"
    assert code.upright
    ink = ink_distances_mm(reply)
    assert ink["left"] > ink["right"] >= 5 and ink["top"] > ink["bottom"] >= 5
    assert in_thai(GENUINE) in check_on_verify_page(reply, document)
