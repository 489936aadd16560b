"""The four services of issue 4 (21, 31, 32, 41) go through the shared lists unchanged: the
officers' list, its service filter and export, the dashboard's counts, the applicant's list and
the public status check know them from the catalogue alone."""

import csv
import io

from django.urls import reverse
from django.utils.html import escape

import pytest

from service_requests import queries
from service_requests.catalogue import get_service
from service_requests.workflow import RequestStatus
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

NEW_SERVICES = ["21", "31", "32", "41"]
OFFICER_LIST = reverse("service_request_admin:index")


@pytest.fixture(params=NEW_SERVICES)
def service_code(request):
    return request.param


@pytest.fixture
def filed(submit, user, service_code):
    """A request of the service, filed through the real action by นางสาววิลัยวรรณ."""
    return submit(service_code, applicant=user)


@pytest.fixture
def one_of_each_other_service(submit, other_applicant, service_code):
    """A request of every other service, by another applicant, which none of the views below may mix up."""
    return [
        submit(code, applicant=other_applicant)
        for code in ("11", "12", *NEW_SERVICES)
        if code != service_code
    ]


def listed_references(response):
    assert response.status_code == 200
    return [service_request.reference for service_request in response.context["object_list"]]


def test_the_services_officer_lists_it(client, officer_for, service_code, filed, one_of_each_other_service):
    client.force_login(officer_for(service_code))
    response = client.get(OFFICER_LIST)
    assert listed_references(response) == [filed.reference]
    page = response.content.decode()
    assert in_thai(get_service(service_code).name) in page
    assert in_thai(RequestStatus.SUBMITTED.label) in page


def test_the_service_filter_picks_it_out(client, superuser, service_code, filed, one_of_each_other_service):
    client.force_login(superuser)  # handles every service, so the filter offers all six
    response = client.get(OFFICER_LIST)
    assert service_code in [
        code for code, _label in response.context["filters"].form.fields["service_code"].choices
    ]
    assert len(listed_references(response)) == 6
    assert listed_references(client.get(OFFICER_LIST, {"service_code": service_code})) == [filed.reference]


def test_the_export_holds_it(client, officer_for, service_code, filed, one_of_each_other_service):
    client.force_login(officer_for(service_code))
    response = client.get(OFFICER_LIST, {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    _headings, *rows = csv.reader(io.StringIO(text))
    assert len(rows) == 1
    assert rows[0][:2] == [filed.reference, in_thai(get_service(service_code).name)]
    assert in_thai(RequestStatus.SUBMITTED.label) in rows[0]


def test_the_dashboard_counts_it(client, officer_for, service_code, filed, one_of_each_other_service):
    officer = officer_for(service_code)
    assert queries.status_counts_for_officer(officer) == {(service_code, RequestStatus.SUBMITTED): 1}
    client.force_login(officer)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    panel = next(
        panel
        for panel in response.context["panels"]
        if getattr(panel, "name", "") == "service_request_summary"
    )
    rows = panel.get_context_data()["rows"]
    assert [(row["service"].code, row["total"]) for row in rows] == [(service_code, 1)]
    assert panel.get_context_data()["waiting"][0].pk == filed.pk


def test_the_applicant_finds_it_in_my_requests(
    client, page_tree, user, service_code, filed, one_of_each_other_service
):
    client.force_login(user)
    response = client.get(reverse("service_requests:my_requests"))
    assert response.status_code == 200
    assert [row["request"].reference for row in response.context["rows"]] == [filed.reference]
    assert escape(in_thai(get_service(service_code).name)) in response.content.decode()


def test_the_applicant_opens_its_detail_page(client, page_tree, user, service_code, filed):
    client.force_login(user)
    response = client.get(reverse("service_requests:detail", args=[filed.reference]))
    assert response.status_code == 200
    assert response.context["details"]  # the service's own fields, as rows
    assert filed.reference in response.content.decode()


def test_the_public_status_check_answers_for_it(client, page_tree, user, service_code, filed):
    response = client.post(
        reverse("service_requests:status_check"),
        {"reference": filed.reference, "citizen_id_or_phone": user.citizen_id},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 200
    assert response.context["result"].pk == filed.pk
    page = response.content.decode()
    assert escape(in_thai(get_service(service_code).name)) in page
    assert escape(in_thai(RequestStatus.SUBMITTED.label)) in page
