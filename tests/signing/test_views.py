"""/verify/<code>/: the public page of an issued document (type, reference, office, date; no
names), and its upload form telling the issued file from an altered one."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

import pytest

from signing import actions
from signing.models import DocumentKind, VerificationAttempt
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

REFERENCE = "1220250331111014"
GENUINE = "This is the document the office issued, unchanged."
ALTERED = "This file does not match the document issued: it has been altered, or it is not the document the office issued."
OTHER = "This file is not the document issued under this code."


@pytest.fixture
def issued(page_tree, officer, letter):
    return actions.issue_signed_pdf(
        pdf=letter, kind=DocumentKind.REPLY_FILE, reference=REFERENCE, actor=officer
    )


def url(document):
    return reverse("signing:verify", args=[document.code])


def upload(client, document, content):
    return client.post(
        url(document), {"document": SimpleUploadedFile("หนังสือ.pdf", content, "application/pdf")}
    )


def test_the_page_shows_the_document_type_reference_office_and_date_and_no_names(client, issued, officer):
    _signed, document = issued
    response = client.get(url(document))

    assert response.status_code == 200
    page = response.content.decode()
    assert "หนังสือ" in in_thai("reply document") and in_thai("reply document") in page
    assert REFERENCE in page
    assert document.office_name in page
    assert f"{document.issued_at.year + 543}" in page  # the Buddhist Era year
    assert officer.first_name not in page and officer.last_name not in page
    assert "no-store" in response["Cache-Control"]


def test_the_issued_file_is_reported_genuine(client, issued):
    signed, document = issued
    response = upload(client, document, signed)

    assert response.status_code == 200
    assert in_thai(GENUINE) in response.content.decode()
    assert in_thai(ALTERED) not in response.content.decode()


def test_a_one_byte_change_is_reported_altered(client, issued):
    signed, document = issued
    changed = bytearray(signed)
    changed[len(changed) // 2] ^= 0x01

    response = upload(client, document, bytes(changed))

    assert in_thai(ALTERED) in response.content.decode()
    assert in_thai(GENUINE) not in response.content.decode()


def test_another_document_signed_by_the_office_is_told_apart(client, issued, officer, letter):
    _signed, document = issued
    other, _ = actions.issue_signed_pdf(
        pdf=letter, kind=DocumentKind.PRINTOUT, reference="1120250331111015", actor=officer
    )

    page = upload(client, document, other).content.decode()
    assert in_thai(OTHER) in page
    # One Thai word for a QR code, the government's usual one, here and across the portal.
    assert "สแกนคิวอาร์โค้ดบนไฟล์นั้น" in page and "QR Code" not in page


def test_a_file_that_is_not_a_pdf_is_refused_on_the_form(client, issued):
    _signed, document = issued
    response = client.post(
        url(document), {"document": SimpleUploadedFile("a.pdf", b"hello", "application/pdf")}
    )

    assert in_thai("The file is not a PDF.") in response.content.decode()


def test_an_unknown_code_is_a_thai_404(client, page_tree):
    response = client.get(reverse("signing:verify", args=["no-such-code-00000"]))

    assert response.status_code == 404
    assert in_thai("Document not found") in response.content.decode()
    assert "สแกนคิวอาร์โค้ดบนเอกสาร" in response.content.decode() and "QR Code" not in response.content.decode()


def test_the_form_is_csrf_protected(issued):
    signed, document = issued
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        url(document), {"document": SimpleUploadedFile("a.pdf", signed, "application/pdf")}
    )

    assert response.status_code == 403


def test_the_english_page_says_the_same_in_english(client, issued):
    _signed, document = issued
    response = client.get(f"/en/verify/{document.code}/")

    assert response.status_code == 200
    assert "What the office issued" in response.content.decode()
    assert "reply document" in response.content.decode()


def test_uploads_from_one_address_are_limited(client, issued):
    _signed, document = issued
    for _attempt in range(actions.VERIFICATIONS_PER_WINDOW):
        assert upload(client, document, b"not a pdf").status_code == 200

    response = upload(client, document, b"not a pdf")

    assert response.status_code == 429
    assert (
        in_thai("Too many checks from this address; please try again in a few minutes.")
        in response.content.decode()
    )
    assert VerificationAttempt.objects.count() == actions.VERIFICATIONS_PER_WINDOW
    assert all(len(attempt.client_hash) == 64 for attempt in VerificationAttempt.objects.all())  # no address
