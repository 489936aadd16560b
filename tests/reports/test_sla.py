"""Due dates, returned time, times to completion and lateness (hand computations in conftest.py)."""

import datetime

import pytest

from base.working_days import WorkingCalendar
from reports.statistics import median, nearest_rank_percentile
from service_requests import due_dates
from tests.reports.conftest import TODAY

pytestmark = pytest.mark.django_db

D = datetime.date


def timing(service_request):
    return due_dates.timing_of(service_request, calendar=WorkingCalendar(), today=TODAY)


def test_due_in_five_working_days(april):
    assert timing(april.a).due_on == D(2025, 4, 9)
    assert timing(april.h).due_on == D(2025, 4, 8)
    assert timing(april.f).due_on == D(2025, 4, 30)


def test_time_returned_to_the_applicant_moves_the_due_date(april):
    assert timing(april.b).returned_working_days == 2
    assert timing(april.b).due_on == D(2025, 4, 21)
    assert timing(april.j).returned_working_days == 6
    assert timing(april.j).due_on == D(2025, 4, 30)


def test_a_request_still_returned_does_not_fall_overdue(april):
    g = timing(april.g)
    assert g.returned_working_days == 8
    assert g.due_on == D(2025, 5, 9)
    assert not g.is_overdue


def test_time_to_completion_leaves_out_returned_time(april):
    assert timing(april.a).working_days_to_complete == 2
    assert timing(april.b).working_days_to_complete == 4
    assert timing(april.c).working_days_to_complete == 2
    assert timing(april.d).working_days_to_complete == 7
    assert timing(april.f).working_days_to_complete is None


def test_overdue_counts_working_days_past_the_due_date(april):
    assert timing(april.h).working_days_overdue == 13
    assert timing(april.k).working_days_overdue == 11
    assert timing(april.f).working_days_overdue == 1
    # Completed late (due 28 Apr, completed 30 Apr) and cancelled requests are not overdue.
    assert not timing(april.d).is_overdue
    assert not timing(april.i).is_overdue


def test_due_on_a_friday_is_not_overdue_over_the_weekend(april):
    # F is due Wednesday 30 April; Thursday 1 May is Labour Day: still not overdue that day.
    calendar = WorkingCalendar()
    assert not due_dates.timing_of(april.f, calendar=calendar, today=D(2025, 5, 1)).is_overdue
    assert due_dates.timing_of(april.f, calendar=calendar, today=D(2025, 5, 2)).is_overdue


def test_median_and_nearest_rank_percentile():
    assert median([]) is None
    assert median([4, 2, 2]) == 2
    assert median([7, 6]) == 6.5
    assert nearest_rank_percentile([], 90) is None
    assert nearest_rank_percentile([5], 90) == 5
    assert nearest_rank_percentile(list(range(1, 11)), 90) == 9  # rank ⌈9.0⌉ = 9
    assert nearest_rank_percentile(list(range(1, 12)), 90) == 10  # rank ⌈9.9⌉ = 10
    assert nearest_rank_percentile([2, 2, 4, 6, 7], 90) == 7  # rank ⌈4.5⌉ = 5
