"""Signing fixtures: an officer, the office's settings (page_tree), a PDF to sign, and what a
reader of the signed PDF finds in it (pyHanko's validator, the stamp's QR code)."""

import io

from django.conf import settings

import pytest
import zxingcpp
from PIL import Image
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader

from tests.factories.accounts import StaffFactory
from tests.factories.service_requests import pdf_bytes
from tests.service_requests.conftest import personnel_officer, request_in, submit  # noqa: F401 (fixtures)


@pytest.fixture
def officer(db):
    return StaffFactory(first_name="สมศรี", last_name="ใจดี")


@pytest.fixture
def letter():
    """A one-page PDF, as an officer's reply file."""
    return pdf_bytes()


def validation_status(content: bytes):
    """pyHanko's own validator on the last signature, trusting the demo CA only."""
    context = ValidationContext(trust_roots=[load_cert_from_pemder(settings.SIGNING_TRUST_ROOTS)])
    signatures = PdfFileReader(io.BytesIO(content)).embedded_signatures
    assert signatures, "the PDF has no signature"
    return validate_pdf_signature(signatures[-1], context)


def qr_codes(content: bytes) -> list[str]:
    """The text of every QR code in the images of the PDF's pages."""
    found = []
    for page in PdfReader(io.BytesIO(content)).pages:
        for image in page.images:
            picture = Image.open(io.BytesIO(image.data)).convert("L")
            picture = picture.resize((picture.width * 4, picture.height * 4), Image.NEAREST)
            found.extend(result.text for result in zxingcpp.read_barcodes(picture))
    return found
