"""The summary report's figures for April 2025 (seeded in conftest.py, computed by hand there)."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from reports import queries
from service_requests.catalogue import forget_office_choices
from service_requests.catalogue.configured import forget_configured_services
from service_requests.workflow import RequestStatus
from tests.factories.accounts import SuperuserFactory
from tests.reports.conftest import TODAY, make_request

pytestmark = pytest.mark.django_db

S = RequestStatus
APRIL = {"start": datetime.date(2025, 4, 1), "end": datetime.date(2025, 4, 30), "today": TODAY}
APRIL_MONTH = datetime.date(2025, 4, 1)


def test_requests_per_service_and_status(april, personnel_officer):
    report = queries.summary_report(personnel_officer, **APRIL)
    # Submitted in April (Bangkok dates): 11: A, B, C completed, F in progress, J resubmitted;
    # 12: D, M completed, G returned, I cancelled. H and E were submitted in March; K is 21's.
    assert report.by_status == {
        ("11", S.COMPLETED): 3,
        ("11", S.IN_PROGRESS): 1,
        ("11", S.RESUBMITTED): 1,
        ("12", S.COMPLETED): 2,
        ("12", S.RETURNED): 1,
        ("12", S.CANCELLED): 1,
    }
    rows, (totals, grand_total) = report.status_rows()
    assert [(service.code, total) for service, _counts, total in rows] == [("11", 5), ("12", 4)]
    assert grand_total == 9


def test_new_and_completed_per_month(april, personnel_officer):
    report = queries.summary_report(personnel_officer, **APRIL)
    assert report.months == [APRIL_MONTH]
    assert report.new_per_month == {(APRIL_MONTH, "11"): 5, (APRIL_MONTH, "12"): 4}
    # Completed in April: A, B, C (11); D and E (12, submitted in March). M completed on 2 May.
    assert report.completed_per_month == {(APRIL_MONTH, "11"): 3, (APRIL_MONTH, "12"): 2}


def test_median_and_90th_percentile_of_the_time_to_completion(april, personnel_officer):
    report = queries.summary_report(personnel_officer, **APRIL)
    id_card, certificate = report.completion_times
    # 11: A 2, B 4, C 2 → [2, 2, 4]: median 2, 90th percentile rank ⌈2.7⌉ = 3 → 4.
    assert (id_card.service.code, sorted(id_card.times), id_card.median, id_card.percentile_90) == (
        "11",
        [2, 2, 4],
        2,
        4,
    )
    # 12: D 7, E 6 → [6, 7]: median 6.5, rank ⌈1.8⌉ = 2 → 7.
    assert (certificate.service.code, certificate.median, certificate.percentile_90) == ("12", 6.5, 7)
    # All: [2, 2, 4, 6, 7]: median 4, rank ⌈4.5⌉ = 5 → 7.
    overall = report.overall_completion_times
    assert (overall.count, overall.median, overall.percentile_90) == (5, 4, 7)


def test_the_requests_past_their_due_date(april, personnel_officer):
    report = queries.summary_report(personnel_officer, **APRIL)
    # H 13 days; J and F 1 day each, J first (submitted earlier). G is returned (paused), K not theirs.
    assert [(item.service_request, item.timing.working_days_overdue) for item in report.overdue] == [
        (april.h, 13),
        (april.j, 1),
        (april.f, 1),
    ]
    assert report.overdue[0].timing.due_on == datetime.date(2025, 4, 8)


def test_officers_see_only_their_services_superusers_all(april, finance_officer):
    report = queries.summary_report(finance_officer, **APRIL)
    assert [service.code for service in report.services] == ["21"]
    assert report.by_status == {("21", S.SUBMITTED): 1}
    assert [item.service_request for item in report.overdue] == [april.k]

    everything = queries.summary_report(SuperuserFactory(), **APRIL)
    assert len(everything.services) == 6
    assert [item.service_request for item in everything.overdue] == [april.h, april.k, april.j, april.f]


def test_a_period_over_several_months(april, personnel_officer):
    report = queries.summary_report(
        personnel_officer, start=datetime.date(2025, 3, 1), end=datetime.date(2025, 5, 31), today=TODAY
    )
    march, _april, may = report.months
    assert report.new_per_month[march, "11"] == 1  # H
    assert report.new_per_month[march, "12"] == 1  # E
    assert report.completed_per_month[may, "12"] == 1  # M


def test_the_report_runs_the_same_queries_for_few_and_many_requests(april, personnel_officer):
    def count():
        personnel_officer._services_handled = None
        forget_configured_services()  # read once per report, as each request does
        forget_office_choices()
        with CaptureQueriesContext(connection) as captured:
            queries.summary_report(personnel_officer, **APRIL)
        return len(captured)

    few = count()
    for day in range(1, 29):
        make_request(
            "11", datetime.datetime(2025, 4, day, 9, tzinfo=datetime.UTC), (S.RETURNED, april.b.submitted_at)
        )
    assert count() == few
