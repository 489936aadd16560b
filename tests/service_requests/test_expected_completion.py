"""The applicant knows when (issue 13 item 6): "My requests", the request's page and the public
status check show the expected completion date, the due date exactly as the summary report
computes it (paused while the request is returned to the applicant), and whether it is late;
"My requests" filters by the workflow's status groups.

The requests are the summary report's seeded April 2025 (tests/reports/conftest.py, whose dates
are worked out by hand there); "today" is Friday 2 May 2025.
"""

import datetime

from django.urls import reverse

import pytest

from base.dates import format_date
from base.working_days import WorkingCalendar
from reports import queries as report_queries
from service_requests import sla
from service_requests.due_dates import history_by_request
from service_requests.models import ServiceRequest
from service_requests.workflow import (
    APPLICANT_STATUS_GROUPS,
    CLOSED,
    ApplicantStatusGroup,
    RequestStatus,
)
from tests.factories.service_requests import ServiceRequestFactory
from tests.helpers import in_thai
from tests.reports.conftest import TODAY, april, bangkok  # noqa: F401 (a fixture)
from tests.service_requests.helpers import frozen_at

pytestmark = pytest.mark.django_db

S = RequestStatus
APRIL = {"start": datetime.date(2025, 4, 1), "end": datetime.date(2025, 4, 30), "today": TODAY}
MY_REQUESTS = reverse("service_requests:my_requests")
STATUS_URL = reverse("service_requests:status_check")


@pytest.fixture
def on_2_may():
    with frozen_at(bangkok(5, 2, 10)):
        yield


def detail_of(client, service_request):
    client.force_login(service_request.applicant)
    response = client.get(reverse("service_requests:detail", args=[service_request.reference]))
    assert response.status_code == 200
    return response


def row_of(client, service_request):
    client.force_login(service_request.applicant)
    response = client.get(MY_REQUESTS)
    [row] = [row for row in response.context["rows"] if row["request"].pk == service_request.pk]
    return row, response.content.decode()


def status_check_of(client, service_request):
    response = client.post(
        STATUS_URL,
        {"reference": service_request.reference, "citizen_id_or_phone": service_request.applicant_citizen_id},
        REMOTE_ADDR=f"203.0.113.{service_request.pk % 250}",
    )
    assert response.context["result"].pk == service_request.pk
    return response


def report_timings(april):  # noqa: F811 (the fixture's value)
    """{request: its timing} as the summary report computes it: its overdue list, and for the
    others the report's own computation (sla.timing_of over the report's history rows)."""
    calendar = WorkingCalendar()
    requests = ServiceRequest.objects.filter(pk__in=[r.pk for r in vars(april).values()])
    history = history_by_request(requests)
    return {
        service_request.pk: sla.timing_of(
            service_request, history[service_request.pk], calendar=calendar, today=TODAY
        )
        for service_request in requests
    }


def test_the_applicant_sees_the_reports_due_date_on_every_page(client, april, page_tree, superuser, on_2_may):  # noqa: F811
    report = report_queries.summary_report(superuser, **APRIL)
    overdue = {item.service_request.pk: item.timing for item in report.overdue}
    # H untouched, J returned and resubmitted, F in progress: the report lists them as late.
    for service_request, days_late in ((april.h, 13), (april.j, 1), (april.f, 1)):
        due_on = overdue[service_request.pk].due_on
        late = f"ล่าช้า {days_late} วันทำการ"

        response = detail_of(client, service_request)
        assert response.context["expected"].due_on == due_on
        page = response.content.decode()
        assert format_date(due_on) in page
        assert f'datetime="{due_on:%Y-%m-%d}"' in page
        assert late in page

        row, page = row_of(client, service_request)
        assert row["expected"].due_on == due_on
        assert row["expected"].timing.working_days_overdue == days_late
        assert format_date(due_on) in page
        assert late in page

        response = status_check_of(client, service_request)
        assert response.context["expected"].due_on == due_on
        assert format_date(due_on) in response.content.decode()
        assert late in response.content.decode()


def test_the_returned_and_resubmitted_request_is_due_when_the_report_says(client, april, page_tree, on_2_may):  # noqa: F811
    # J: filed 9 Apr, returned 10 Apr, corrected 24 Apr: 6 working days paused, due 30 Apr.
    response = detail_of(client, april.j)
    assert response.context["expected"].due_on == datetime.date(2025, 4, 30)
    assert response.context["expected"].due_on == report_timings(april)[april.j.pk].due_on
    assert "30 เม.ย. 2568" in response.content.decode()


def test_a_request_with_the_applicant_is_paused_not_late(client, april, page_tree, on_2_may):  # noqa: F811
    # G: returned 21 Apr and still with the applicant: due 9 May, moving on while it waits.
    response = detail_of(client, april.g)
    expected = response.context["expected"]
    assert expected.due_on == report_timings(april)[april.g.pk].due_on == datetime.date(2025, 5, 9)
    assert expected.is_paused and not expected.timing.is_overdue
    page = response.content.decode()
    assert "9 พ.ค. 2568" in page
    assert "หยุดนับระหว่างรอท่านแก้ไข" in page
    assert "ล่าช้า" not in page


def test_a_request_on_time_says_so(client, april, page_tree):  # noqa: F811
    # F is due 30 Apr: on 29 Apr it is on time.
    with frozen_at(bangkok(4, 29, 10)):
        row, page = row_of(client, april.f)
    assert row["expected"].due_on == datetime.date(2025, 4, 30)
    assert not row["expected"].timing.is_overdue
    assert in_thai("On time") in page


def test_closed_requests_say_when_they_were_completed_and_never_late(client, april, page_tree, on_2_may):  # noqa: F811
    response = detail_of(client, april.b)
    assert not response.context["expected"].is_open
    page = response.content.decode()
    assert in_thai("Completed on %(date)s") % {"date": format_date(datetime.date(2025, 4, 17))} in page
    assert "ล่าช้า" not in page
    response = detail_of(client, april.i)  # cancelled
    assert "ล่าช้า" not in response.content.decode()
    assert response.context["expected"].timing.completed_on is None


# The status filter of "My requests"


def test_the_status_groups_cover_every_status_once():
    grouped = [status for statuses in APPLICANT_STATUS_GROUPS.values() for status in statuses]
    assert sorted(grouped) == sorted(RequestStatus)
    assert APPLICANT_STATUS_GROUPS[ApplicantStatusGroup.WAITING_FOR_YOU] == {S.RETURNED}
    assert (
        APPLICANT_STATUS_GROUPS[ApplicantStatusGroup.COMPLETED]
        | APPLICANT_STATUS_GROUPS[ApplicantStatusGroup.CANCELLED]
        == CLOSED
    )


@pytest.fixture
def one_of_each_status(user):
    return {status: ServiceRequestFactory(applicant=user, status=status) for status in RequestStatus}


@pytest.mark.parametrize(
    ("group", "statuses"),
    [
        ("", list(RequestStatus)),
        ("with_officers", [S.SUBMITTED, S.IN_PROGRESS, S.RESUBMITTED]),
        ("waiting_for_you", [S.RETURNED]),
        ("completed", [S.COMPLETED]),
        ("cancelled", [S.CANCELLED]),
        ("not-a-group", list(RequestStatus)),
    ],
)
def test_my_requests_filters_by_status_group(client, user, page_tree, one_of_each_status, group, statuses):
    client.force_login(user)
    response = client.get(MY_REQUESTS, {"status": group})
    shown = {row["request"].reference for row in response.context["rows"]}
    assert shown == {one_of_each_status[status].reference for status in statuses}
    page = response.content.decode()
    assert '<select id="status-group" name="status">' in page
    assert 'for="status-group"' in page
    assert in_thai("Waiting for your corrections") in page


def test_the_filter_is_kept_across_pages_and_says_when_nothing_matches(client, user, page_tree):
    for _index in range(12):
        ServiceRequestFactory(applicant=user, status=S.RETURNED)
    ServiceRequestFactory(applicant=user, status=S.COMPLETED)
    client.force_login(user)
    response = client.get(MY_REQUESTS, {"status": "waiting_for_you"})
    assert response.context["paginator"].count == 12
    assert "status=waiting_for_you" in response.content.decode().split('rel="next"', 1)[1].split(">", 1)[0]
    assert 'value="waiting_for_you" selected' in response.content.decode()
    empty = client.get(MY_REQUESTS, {"status": "cancelled"})
    assert empty.context["rows"] == []
    assert in_thai("No request has this status.") in empty.content.decode()
