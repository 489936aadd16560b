"""issue_signed_pdf: a PAdES signature pyHanko's validator accepts with the demo CA as trust root,
a stamp whose QR code opens the document's /verify/ page, a record and an audit-log entry;
verify_document tells the issued file from an altered one."""

import io

from django.core.exceptions import PermissionDenied
from django.test import override_settings

from wagtail.models import ModelLogEntry

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation.status import SignatureCoverageLevel

from signing import actions
from signing.credentials import SigningUnavailable
from signing.demo_certificates import make_demo_certificates
from signing.models import DocumentKind, IssuedDocument
from signing.stamp import EDGE_MM, FROM_RIGHT_MM
from tests.factories.service_requests import png_bytes

from .conftest import A4, blank_pdf, ink_distances_mm, qr_codes, qr_codes_as_seen, validation_status

pytestmark = pytest.mark.django_db

REFERENCE = "1220250331111014"


def issue(letter, officer, **changes):
    arguments = {"pdf": letter, "kind": DocumentKind.REPLY_FILE, "reference": REFERENCE, "actor": officer}
    return actions.issue_signed_pdf(**(arguments | changes))


def test_the_signature_is_pades_intact_valid_and_trusted_with_the_demo_ca(page_tree, officer, letter):
    signed, document = issue(letter, officer)

    status = validation_status(signed)
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    signature = PdfFileReader(io.BytesIO(signed)).embedded_signatures[-1]
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    assert status.signing_cert.sha256.hex() == document.certificate_fingerprint


def test_the_stamp_qr_code_opens_the_documents_verify_page(page_tree, officer, letter):
    signed, document = issue(letter, officer, base_url="https://oss.example.go.th")

    assert qr_codes(signed) == [f"https://oss.example.go.th/verify/{document.code}/"]


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_a_scan_whose_last_page_is_turned_is_signed_with_the_stamp_upright_in_its_bottom_right(
    page_tree, officer, rotate
):
    scan = blank_pdf(A4, pages=2, rotate=rotate)
    signed, document = issue(scan, officer, base_url="https://oss.example.go.th")

    status = validation_status(signed)
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    [code] = qr_codes_as_seen(signed)
    assert code.text == f"https://oss.example.go.th/verify/{document.code}/"
    assert code.upright
    ink = ink_distances_mm(signed)
    assert ink["right"] == pytest.approx(FROM_RIGHT_MM, abs=0.3)
    assert EDGE_MM - 0.01 <= ink["bottom"] <= EDGE_MM + 0.5
    assert ink["left"] > ink["right"] and ink["top"] > ink["bottom"]


def test_the_record_names_the_request_and_office_and_the_hash_of_the_signed_bytes(page_tree, officer, letter):
    signed, document = issue(letter, officer)

    document = IssuedDocument.objects.get(pk=document.pk)
    assert document.kind == DocumentKind.REPLY_FILE
    assert document.reference == REFERENCE
    assert document.office_name == page_tree.office.name_th
    assert len(document.code) >= 16
    assert actions.sha256(signed) == document.sha256
    assert "DEMO" in document.certificate_subject
    assert not document.file  # a reply file is kept by its request


def test_a_kept_printout_is_stored_as_signed(page_tree, officer, letter):
    signed, document = issue(letter, officer, kind=DocumentKind.PRINTOUT, keep=True)

    assert document.file.open("rb").read() == signed


def test_issuing_and_checking_are_in_the_audit_log_without_personal_data(page_tree, officer, letter):
    signed, document = issue(letter, officer)
    actions.verify_document(document=document, uploaded_bytes=signed)

    entries = ModelLogEntry.objects.for_instance(document).order_by("pk")
    assert [entry.action for entry in entries] == ["signing.issue", "signing.verify"]
    assert entries[0].user_id == officer.pk
    assert entries[0].data["reference"] == REFERENCE
    assert entries[1].data["outcome"] == "genuine"
    assert officer.first_name not in str([entry.data for entry in entries])


def test_the_issued_file_is_genuine_and_a_one_byte_change_is_altered(page_tree, officer, letter):
    signed, document = issue(letter, officer)
    changed = bytearray(signed)
    changed[len(changed) // 2] ^= 0x01

    assert actions.verify_document(document=document, uploaded_bytes=signed) == actions.Outcome.GENUINE
    assert (
        actions.verify_document(document=document, uploaded_bytes=bytes(changed)) == actions.Outcome.ALTERED
    )


def test_another_signed_document_is_not_the_one_issued_under_the_code(page_tree, officer, letter):
    _signed, document = issue(letter, officer)
    other, _other_document = issue(letter, officer, reference="1220250331111015")

    assert actions.verify_document(document=document, uploaded_bytes=other) == actions.Outcome.OTHER_DOCUMENT


@pytest.mark.parametrize("content", [png_bytes(), b"%PDF-1.4\nnot really a PDF"])
def test_a_file_that_is_no_signed_pdf_is_altered(page_tree, officer, letter, content):
    _signed, document = issue(letter, officer)

    assert actions.verify_document(document=document, uploaded_bytes=content) == actions.Outcome.ALTERED


def test_a_signature_by_a_certificate_outside_the_trust_roots_is_not_genuine(
    page_tree, officer, letter, tmp_path
):
    signed, document = issue(letter, officer)
    stranger = make_demo_certificates(tmp_path, office_name="ผู้อื่น")
    with override_settings(SIGNING_TRUST_ROOTS=str(stranger.trust_roots)):
        assert actions.verify_document(document=document, uploaded_bytes=signed) == actions.Outcome.ALTERED


def test_only_a_logged_in_user_issues(page_tree, letter):
    with pytest.raises(PermissionDenied):
        issue(letter, None)


def test_without_a_certificate_nothing_is_issued(page_tree, officer, letter):
    with override_settings(SIGNING_CERTIFICATE="", SIGNING_KEY=""), pytest.raises(SigningUnavailable):
        issue(letter, officer)
    assert not IssuedDocument.objects.exists()
