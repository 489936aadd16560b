"""Each list a user opens costs the same number of queries for 1 request as for 50 (issue 12):
the applicant's "my requests" and the public status check. The officers' list in the admin is in
test_admin_list.py, the summary report in tests/reports."""

from datetime import timedelta

from django.urls import reverse

import pytest

from service_requests.models import ServiceRequest, StatusChange
from service_requests.workflow import RequestStatus
from tests.factories.service_requests import ServiceRequestFactory

pytestmark = pytest.mark.django_db

MY_REQUESTS = reverse("service_requests:my_requests")
STATUS_URL = reverse("service_requests:status_check")


def queries_of(django_assert_max_num_queries, fetch):
    """The number of queries `fetch()` runs (at most 50: a list that costs more is broken), once
    what a process reads once (the site, the settings) is read."""
    fetch()
    with django_assert_max_num_queries(50) as captured:
        response = fetch()
    assert response.status_code == 200
    return len(captured), response


def requests_of(applicant, number):
    for index in range(number):
        ServiceRequestFactory(applicant=applicant, service_code=("11", "12", "21", "41")[index % 4])


def test_my_requests_costs_the_same_for_1_and_for_50_requests(
    client, user, page_tree, django_assert_max_num_queries
):
    client.force_login(user)

    def fetch():
        return client.get(MY_REQUESTS, {"per_page": 50})

    requests_of(user, 1)
    for_one, response = queries_of(django_assert_max_num_queries, fetch)
    assert len(response.context["rows"]) == 1
    requests_of(user, 49)
    for_fifty, response = queries_of(django_assert_max_num_queries, fetch)
    assert len(response.context["rows"]) == 50
    assert for_fifty == for_one


def test_the_status_check_costs_the_same_with_1_and_with_50_requests_of_the_applicant(
    client, user, page_tree, django_assert_max_num_queries
):
    requests_of(user, 1)

    def fetch():
        newest = ServiceRequest.objects.order_by("-pk").first()
        return client.post(
            STATUS_URL,
            {"reference": newest.reference, "citizen_id_or_phone": user.citizen_id},
            REMOTE_ADDR="203.0.113.7",
        )

    for_one, response = queries_of(django_assert_max_num_queries, fetch)
    assert response.context["result"] is not None
    requests_of(user, 49)
    for_fifty, response = queries_of(django_assert_max_num_queries, fetch)
    assert response.context["result"] is not None
    assert for_fifty == for_one


def returned_and_resubmitted(applicant, number):
    """Requests with the history their due dates are computed from (returned, then corrected)."""
    for _index in range(number):
        service_request = ServiceRequestFactory(applicant=applicant, status=RequestStatus.RESUBMITTED)
        moment = service_request.submitted_at
        for from_status, to_status, hours in (
            ("", RequestStatus.SUBMITTED, 0),
            (RequestStatus.SUBMITTED, RequestStatus.RETURNED, 30),
            (RequestStatus.RETURNED, RequestStatus.RESUBMITTED, 80),
        ):
            StatusChange.objects.create(
                request=service_request,
                from_status=from_status,
                to_status=to_status,
                actor_role="officer",
                created_at=moment + timedelta(hours=hours),
            )


def test_my_requests_with_due_dates_and_a_status_filter_costs_the_same_for_1_and_for_50(
    client, user, page_tree, django_assert_max_num_queries
):
    """Each row's expected completion date reads its history: one query for the whole page."""
    client.force_login(user)

    def fetch():
        return client.get(MY_REQUESTS, {"per_page": 50, "status": "with_officers"})

    returned_and_resubmitted(user, 1)
    for_one, response = queries_of(django_assert_max_num_queries, fetch)
    assert len(response.context["rows"]) == 1
    assert response.context["rows"][0]["expected"].timing.returned_working_days > 0
    returned_and_resubmitted(user, 49)
    for_fifty, response = queries_of(django_assert_max_num_queries, fetch)
    assert len(response.context["rows"]) == 50
    assert for_fifty == for_one
