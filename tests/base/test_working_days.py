"""Working days: weekends, Thai public holidays (the `holidays` package) and closure days."""

import datetime

import pytest

from base.models import ClosureDay
from base.working_days import (
    WorkingCalendar,
    add_working_days,
    bangkok_date,
    is_working_day,
    working_days_between,
)

pytestmark = pytest.mark.django_db

D = datetime.date


def test_weekends_are_not_working_days():
    assert is_working_day(D(2025, 4, 11))  # a Friday
    assert not is_working_day(D(2025, 4, 12))  # Saturday
    assert not is_working_day(D(2025, 4, 27))  # Sunday


def test_thai_public_holidays_are_not_working_days():
    assert not is_working_day(D(2025, 4, 14))  # Songkran
    assert not is_working_day(D(2025, 4, 16))  # Songkran's day in lieu
    assert not is_working_day(D(2025, 4, 7))  # Chakri Day in lieu
    assert not is_working_day(D(2026, 1, 2))  # a later year: read from the package as needed
    assert is_working_day(D(2025, 4, 17))


def test_a_closure_day_an_administrator_adds_is_not_a_working_day():
    assert is_working_day(D(2025, 4, 18))
    ClosureDay.objects.create(date=D(2025, 4, 18), reason="ปิดสำนักงาน")
    assert not is_working_day(D(2025, 4, 18))


def test_adding_working_days_skips_weekends_holidays_and_closure_days(closure_day):
    # Friday 11 April: 12–13 weekend, 14–16 Songkran, so the 1st working day after it is 17 April,
    # the 2nd is Monday 21 April (18 April is the closure day).
    assert add_working_days(D(2025, 4, 11), 1) == D(2025, 4, 17)
    assert add_working_days(D(2025, 4, 11), 2) == D(2025, 4, 21)
    # Thursday 3 April + 5: 4, (5–6 weekend, 7 Chakri in lieu), 8, 9, 10, 11.
    assert add_working_days(D(2025, 4, 3), 5) == D(2025, 4, 11)
    # From a Saturday, Monday is the first working day after it.
    assert add_working_days(D(2025, 4, 26), 1) == D(2025, 4, 28)
    assert add_working_days(D(2025, 4, 26), 0) == D(2025, 4, 26)


def test_working_days_between_count_the_days_after_the_start_up_to_and_including_the_end(closure_day):
    assert working_days_between(D(2025, 4, 1), D(2025, 4, 1)) == 0  # done the same day
    assert working_days_between(D(2025, 4, 1), D(2025, 4, 2)) == 1
    assert working_days_between(D(2025, 4, 11), D(2025, 4, 21)) == 2  # 17 and 21
    assert working_days_between(D(2025, 4, 12), D(2025, 4, 17)) == 1  # from a Saturday
    assert working_days_between(D(2025, 4, 21), D(2025, 4, 11)) == 0  # backwards: none
    # April 2025 has 22 weekdays, less 7 (Chakri in lieu, Songkran 14-16, closure 18) → 17.
    assert working_days_between(D(2025, 3, 31), D(2025, 4, 30)) == 17


def test_adding_and_counting_agree():
    calendar = WorkingCalendar(closure_days=[D(2025, 4, 18)])
    start = D(2025, 4, 9)
    for count in range(30):
        assert calendar.working_days_between(start, calendar.add_working_days(start, count)) == count


def test_the_date_of_a_moment_is_its_date_in_bangkok():
    # 23:30 UTC on 31 March is 06:30 on 1 April in Bangkok.
    assert bangkok_date(datetime.datetime(2025, 3, 31, 23, 30, tzinfo=datetime.UTC)) == D(2025, 4, 1)


def test_the_calendar_reads_the_closure_days_once(closure_day, django_assert_num_queries):
    with django_assert_num_queries(1):
        calendar = WorkingCalendar()
        for day in range(1, 31):
            calendar.is_working_day(D(2025, 4, day))
