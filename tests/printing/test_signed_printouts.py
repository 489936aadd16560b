"""A completed request's printout is issued signed by the office once per completion and the same
file is served afterwards (its /verify/ code stays); a request not completed prints unsigned."""

import io

from django.urls import reverse
from django.utils.timezone import now

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pypdf import PdfReader

from service_requests import actions as request_actions
from service_requests.models import DeidentificationReason, ServiceRequest
from service_requests.workflow import RequestStatus, Role
from signing.models import DocumentKind, IssuedDocument
from signing.stamp import EDGE_MM
from tests.signing.conftest import qr_codes, qr_codes_on_paper, stamp_distances_mm, validation_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(officer_for):
    return officer_for("11")


@pytest.fixture
def completed(file_request, page_tree, officer):
    service_request = file_request("11")
    return move(service_request, officer, RequestStatus.COMPLETED)


def move(service_request, officer, to_status):
    return request_actions.move_request(
        actor=officer,
        service_request=service_request,
        to_status=to_status,
        role=Role.OFFICER,
        message="ดำเนินการ",
    )


def applicants_printout(client, applicant, service_request) -> bytes:
    client.force_login(applicant)
    response = client.get(reverse("printing:applicant_pdf", args=[service_request.reference]))
    assert response.status_code == 200
    return response.content


def officers_printout(client, officer, service_request) -> bytes:
    client.force_login(officer)
    response = client.get(reverse("service_request_admin:print_pdf", args=[service_request.pk]))
    assert response.status_code == 200
    return response.content


def signatures(content: bytes) -> list:
    return PdfFileReader(io.BytesIO(content)).embedded_signatures


def test_a_completed_requests_printout_is_signed_and_the_same_file_every_time(
    client, applicant, officer, completed
):
    first = applicants_printout(client, applicant, completed)
    again = applicants_printout(client, applicant, completed)
    officers = officers_printout(client, officer, completed)

    document = IssuedDocument.objects.get(reference=completed.reference)
    assert document.kind == DocumentKind.PRINTOUT
    assert first == again == officers
    status = validation_status(first)
    assert status.intact and status.valid and status.trusted
    assert qr_codes(first)[-1] == f"http://testserver/verify/{document.code}/"


def test_a_printout_of_a_request_not_completed_is_an_unsigned_draft(
    client, applicant, file_request, page_tree
):
    service_request = file_request("11")

    content = applicants_printout(client, applicant, service_request)

    assert signatures(content) == []
    assert not IssuedDocument.objects.exists()


def test_a_request_completed_again_gets_a_new_signed_printout(client, applicant, officer, completed):
    first = applicants_printout(client, applicant, completed)
    # The workflow has no way back from "completed" today; should one come, the printout follows.
    ServiceRequest.objects.filter(pk=completed.pk).update(
        status=RequestStatus.IN_PROGRESS, status_changed_at=now()
    )
    assert signatures(applicants_printout(client, applicant, completed)) == []
    move(completed, officer, RequestStatus.COMPLETED)

    second = applicants_printout(client, applicant, completed)

    assert second != first
    assert IssuedDocument.objects.filter(reference=completed.reference).count() == 2
    assert len(signatures(second)) == 1


def test_de_identifying_the_request_deletes_the_kept_printout_but_not_its_record(
    client, applicant, officer, completed, django_capture_on_commit_callbacks
):
    applicants_printout(client, applicant, completed)
    document = IssuedDocument.objects.get(reference=completed.reference)
    storage, name = document.file.storage, document.file.name

    with django_capture_on_commit_callbacks(execute=True):
        request_actions.deidentify_request(
            service_request=ServiceRequest.objects.get(pk=completed.pk),
            reason=DeidentificationReason.RETENTION,
        )

    document.refresh_from_db()
    assert not document.file
    assert not storage.exists(name)
    assert document.reference == completed.reference


def test_the_footer_keeps_the_printed_time_on_a_line_of_its_own_clear_of_the_stamp(
    client, applicant, completed
):
    # On one line with the reference code, a long date (e.g. "30 พ.ย. 2569, 22:11 น.") ran under
    # the signature stamp in the bottom margin of the last page.
    content = applicants_printout(client, applicant, completed)
    lines = [line.strip() for line in PdfReader(io.BytesIO(content)).pages[-1].extract_text().splitlines()]
    assert f"รหัสอ้างอิง {completed.reference}" in lines
    assert any(line.startswith("พิมพ์เมื่อ ") for line in lines)


def test_the_stamp_prints_whole_at_least_5_mm_inside_the_paper_and_its_qr_code_reads_from_it(
    client, applicant, completed
):
    content = applicants_printout(client, applicant, completed)

    document = IssuedDocument.objects.get(reference=completed.reference)
    distances = stamp_distances_mm(content)
    assert all(distance >= EDGE_MM - 0.01 for distance in distances.values()), distances
    assert f"http://testserver/verify/{document.code}/" in qr_codes_on_paper(content)
