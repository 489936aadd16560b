"""No N+1: the applicant's pages run as many queries for many requests (or history lines) as for one."""

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from service_requests import actions
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_requests import ServiceRequestFactory, attach_reply, pdf_bytes

pytestmark = pytest.mark.django_db

MY_REQUESTS_URL = "/my/requests/"
STATUSES = itertools.cycle(RequestStatus)
SERVICES = itertools.cycle(["11", "12"])


@pytest.fixture
def logged_in(client, user, page_tree):
    client.force_login(user)
    client.get(MY_REQUESTS_URL)  # warm the caches (site, settings) so that both counts are alike
    return client


def make_varied_requests(user, count):
    """Requests in every status and service, some with an officer's message or a reply file."""
    for number in range(count):
        service_request = ServiceRequestFactory(
            applicant=user,
            service_code=next(SERVICES),
            status=next(STATUSES),
            officer_message="กรุณาตรวจสอบเอกสาร" if number % 3 == 0 else "",
        )
        if number % 4 == 0:
            attach_reply(service_request, pdf_bytes())


def queries_to_open(client, url, data=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, data)
    assert response.status_code == 200
    return response, len(captured)


def test_my_requests_runs_the_same_queries_for_1_and_for_50_requests(logged_in, user):
    make_varied_requests(user, 1)
    response, for_one = queries_to_open(logged_in, MY_REQUESTS_URL, {"per_page": 50})
    assert len(response.context["rows"]) == 1
    make_varied_requests(user, 49)
    response, for_fifty = queries_to_open(logged_in, MY_REQUESTS_URL, {"per_page": 50})
    assert len(response.context["rows"]) == 50
    assert for_fifty == for_one


def test_a_search_runs_the_same_queries_for_1_and_for_50_matches(logged_in, user):
    make_varied_requests(user, 1)
    _response, for_one = queries_to_open(logged_in, MY_REQUESTS_URL, {"per_page": 50, "q": "1"})
    make_varied_requests(user, 49)
    response, for_fifty = queries_to_open(logged_in, MY_REQUESTS_URL, {"per_page": 50, "q": "1"})
    assert len(response.context["rows"]) == 50
    assert for_fifty == for_one


@pytest.mark.parametrize("url_name", ["service_requests:detail", "printing:applicant_pdf"])
def test_a_request_page_runs_the_same_queries_for_a_short_and_a_long_history(
    logged_in, user, submit, officer_for, url_name
):
    officers = [officer_for("11") for _ in range(3)]
    short, long = submit("11"), submit("11")
    for officer in officers * 4:  # twelve changes, by three officers
        actions.move_request(
            actor=officer,
            service_request=long,
            to_status=RequestStatus.IN_PROGRESS,
            role=Role.OFFICER,
            message="ok",
        )
    # Once before counting: the officers' groups were just made, which starts the admin-access
    # answers anew (accounts.admin_access), and the first page after it asks again.
    queries_to_open(logged_in, reverse(url_name, args=[short.reference]))
    _response, for_short = queries_to_open(logged_in, reverse(url_name, args=[short.reference]))
    _response, for_long = queries_to_open(logged_in, reverse(url_name, args=[long.reference]))
    assert long.history.count() == 13
    assert for_long == for_short
