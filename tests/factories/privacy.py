"""Test data for the privacy app: copies of an applicant's data, and an applicant with a request
of every service that an officer has answered (a message and a reply file), to export."""

import uuid

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from privacy.models import DataExport
from service_requests import actions
from service_requests.catalogue import service_codes
from service_requests.workflow import RequestStatus, Role
from tests.factories.accounts import UserFactory
from tests.factories.service_requests import attachments_for, contact_of, details_for, pdf_upload


class DataExportFactory(DjangoModelFactory):
    """A copy asked for now and not yet built (what request_data_export queues)."""

    class Meta:
        model = DataExport

    applicant = factory.SubFactory(UserFactory)
    created_at = factory.LazyFunction(timezone.now)


def answered_request(service_code: str, *, applicant, officer, message: str, reply_name: str):
    """A request of the service filed through the real action (a PNG in its first slot, a PDF in
    other_1), then taken on by an officer with a message and a reply file."""
    service_request = actions.submit_request(
        applicant=applicant,
        service_code=service_code,
        contact=contact_of(applicant),
        details=details_for(service_code),
        attachments=attachments_for(service_code),
        submission_key=uuid.uuid4(),
    )
    return actions.move_request(
        actor=officer,
        service_request=service_request,
        to_status=RequestStatus.IN_PROGRESS,
        role=Role.OFFICER,
        message=message,
        reply_file=pdf_upload(reply_name),
    )


def answered_request_of_each_service(*, applicant, officer_for) -> dict:
    """{service code: request} for every service, built in or configured, each answered by its officer."""
    return {
        code: answered_request(
            code,
            applicant=applicant,
            officer=officer_for(code),
            message=f"กำลังตรวจสอบเอกสาร ({code})",
            reply_name=f"หนังสือตอบ-{code}.pdf",
        )
        for code in service_codes()
    }
