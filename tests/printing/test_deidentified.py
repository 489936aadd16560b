"""A de-identified request still prints, saying its personal data was removed, without the hash
that stands for the citizen ID."""

from printing.printout import render_printout
from service_requests import actions
from service_requests.models import DeidentificationReason, ServiceRequest
from service_requests.workflow import RequestStatus
from tests.helpers import in_thai

from .conftest import comparable, pdf_text


def test_a_deidentified_request_prints_without_its_applicant(file_request, page_tree, applicant):
    service_request = file_request("12")
    ServiceRequest.objects.filter(pk=service_request.pk).update(status=RequestStatus.COMPLETED)
    service_request = actions.deidentify_request(
        service_request=service_request, reason=DeidentificationReason.RETENTION
    )

    text = pdf_text(render_printout(service_request, office=page_tree.office))

    assert comparable(service_request.reference) in text
    assert comparable(in_thai("Personal data removed")) in text
    assert comparable(applicant.first_name) not in text
    assert service_request.applicant_citizen_id not in text
