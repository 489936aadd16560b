"""De-identifying a closed request (service_requests.actions.deidentify_request): generic over the
catalogue, each service's personal fields emptied, the rest kept; only closed requests, only by
the portal itself or the applicant."""

from django.core.exceptions import PermissionDenied

import pytest

from service_requests import actions, queries
from service_requests.catalogue import CATALOGUE
from service_requests.models import DeidentificationReason, ServiceRequest
from service_requests.workflow import RequestStatus, Role
from tests.helpers import in_thai

S = RequestStatus


@pytest.mark.parametrize("code", list(CATALOGUE))
def test_each_service_names_its_personal_fields_and_they_are_emptied(code, request_in, private_files):
    service = CATALOGUE[code]
    details_model = service.details_model
    assert details_model.personal_fields, f"service {code} declares no personal fields"
    service_request = request_in(S.COMPLETED, code)
    before = details_model.objects.get(request=service_request)

    actions.deidentify_request(service_request=service_request, reason=DeidentificationReason.RETENTION)

    details = details_model.objects.get(request=service_request)
    for name in details_model.personal_fields:
        assert getattr(details, name) in ("", None, 0, False), name
    kept = [
        field.name
        for field in details_model._meta.concrete_fields
        if field.name not in details_model.personal_fields and field.name != "request"
    ]
    for name in kept:
        assert getattr(details, name) == getattr(before, name), name
    assert details.rows()  # the officers' pages and printouts still show it
    service_request.refresh_from_db()
    assert (service_request.service_code, service_request.status) == (code, S.COMPLETED)


def test_an_open_request_is_not_deidentified(request_in):
    service_request = request_in(S.IN_PROGRESS)
    with pytest.raises(ValueError):
        actions.deidentify_request(service_request=service_request, reason=DeidentificationReason.RETENTION)
    assert ServiceRequest.objects.get(pk=service_request.pk).deidentified_at is None


def test_only_the_applicant_or_the_portal_may(request_in, officer_for):
    service_request = request_in(S.CANCELLED)
    with pytest.raises(PermissionDenied):
        actions.deidentify_request(
            service_request=service_request,
            reason=DeidentificationReason.ACCOUNT_CLOSED,
            actor=officer_for("11"),
        )


def test_the_applicants_messages_go_and_officers_lose_the_name(submit, user, officer_for):
    service_request = submit("12")
    officer = officer_for("12")
    actions.move_request(
        actor=officer,
        service_request=service_request,
        to_status=S.CANCELLED,
        role=Role.OFFICER,
        message=f"คุณ{user.first_name} ขอยกเลิกทางโทรศัพท์ {user.phone}",
    )
    actions.deidentify_request(service_request=service_request, reason=DeidentificationReason.RETENTION)
    service_request.refresh_from_db()
    assert service_request.officer_message == "คุณ*** ขอยกเลิกทางโทรศัพท์ ***"
    assert list(service_request.history.values_list("message", flat=True)) == [
        "",
        service_request.officer_message,
    ]


def test_officers_find_a_persons_deidentified_requests_by_their_citizen_id(request_in, user):
    service_request = request_in(S.COMPLETED)
    actions.deidentify_request(service_request=service_request, reason=DeidentificationReason.RETENTION)
    found = queries.search_officer_requests(ServiceRequest.objects.all(), "1-4399-00285-97-7")
    assert list(found) == [service_request]
    assert not queries.search_officer_requests(ServiceRequest.objects.all(), "3101700230705").exists()


def test_the_process_page_says_the_personal_data_was_removed(request_in, personnel_officer, client):
    service_request = request_in(S.COMPLETED, "12")
    actions.deidentify_request(service_request=service_request, reason=DeidentificationReason.RETENTION)
    client.force_login(personnel_officer)
    response = client.get(f"/admin/service-requests/process/{service_request.pk}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert in_thai("Its retention period ended") in page
    assert service_request.applicant_citizen_id not in page
