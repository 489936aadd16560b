"""Fixtures for printouts: a request of each service filed through the real action by an
applicant whose name has sara am under a tone mark (the case the text layer gets wrong), and the
PDF's text and fonts as a reader sees them."""

import io
import uuid

import pytest
from pypdf import PdfReader

from service_requests import actions
from service_requests.catalogue import CATALOGUE
from tests.factories.accounts import UserFactory
from tests.factories.service_requests import attachments_for, contact_of, details_for
from tests.helpers import comparable
from tests.service_requests.conftest import officer_for  # noqa: F401 (a fixture)

SERVICE_CODES = list(CATALOGUE)


@pytest.fixture
def applicant(db):
    return UserFactory(title="นางสาว", first_name="น้ำฝน", last_name="ลำดวนทอง")


@pytest.fixture
def file_request(applicant):
    """File a request of a service through actions.submit_request (valid details, a PNG in the
    first slot and a one-page PDF in other_1 unless `attachments` says otherwise)."""

    def file(service_code, *, by=None, attachments=None, **detail_changes):
        by = by or applicant
        return actions.submit_request(
            applicant=by,
            service_code=service_code,
            contact=contact_of(by),
            details=details_for(service_code, **detail_changes),
            attachments=attachments_for(service_code) if attachments is None else attachments,
            submission_key=uuid.uuid4(),
        )

    return file


def pdf_text(content: bytes) -> str:
    return comparable("".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages))


def pdf_fonts(content: bytes) -> set[str]:
    """The /BaseFont names of every font the pages use, without the subset prefix."""
    names = set()
    for page in PdfReader(io.BytesIO(content)).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for font in fonts.get_object().values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def page_texts(content: bytes) -> list[str]:
    """Each page's text, comparable()."""
    return [comparable(page.extract_text()) for page in PdfReader(io.BytesIO(content)).pages]


def page_count(content: bytes) -> int:
    return len(PdfReader(io.BytesIO(content)).pages)
