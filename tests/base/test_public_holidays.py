"""Thailand's public holidays of a year, from the `holidays` package once, then from the cache."""

import datetime
from importlib.metadata import version

from django.core.cache import cache
from django.utils import translation

import pytest

from base.kept import forget_copies
from base.public_holidays import cache_key, public_holidays
from base.tasks import beat
from base.working_days import WorkingCalendar, bangkok_today

D = datetime.date


@pytest.fixture(autouse=True)
def empty_cache():
    """From an empty cache, and none of the stand-in holidays below left for the next test (nor in
    this process's copies, base.kept)."""
    cache.clear()
    forget_copies()
    yield
    cache.clear()
    forget_copies()


def test_the_holidays_of_2026_in_thai_and_in_english():
    thai, english = public_holidays(2026, "th"), public_holidays(2026, "en_US")
    assert thai[D(2026, 1, 1)] == "วันขึ้นปีใหม่"
    assert english[D(2026, 1, 1)] == "New Year's Day"
    assert thai[D(2026, 4, 13)] == thai[D(2026, 4, 15)] == "วันสงกรานต์"
    assert english[D(2026, 4, 13)] == "Songkran Festival"
    assert english[D(2026, 6, 1)] == "Visakha Bucha (in lieu)"  # 31 May is a Sunday
    assert D(2026, 4, 16) not in thai  # a Thursday after Songkran: a working day
    assert thai.keys() == english.keys()


def test_a_year_computed_once_is_kept_in_the_cache_under_the_package_version():
    assert cache.get(cache_key(2026, "th")) is None
    computed = public_holidays(2026, "th")
    assert version("holidays") in cache_key(2026, "th")
    assert cache.get(cache_key(2026, "th")) == computed
    assert cache.get(cache_key(2026, "en_US")) is None  # each language under its own key


def test_what_the_cache_holds_is_what_every_worker_reads():
    # As another app server would find it in Redis: the package is not asked again.
    cache.set(cache_key(2030, "th"), {D(2030, 3, 4): "วันหยุดที่อยู่ในแคช"}, None)
    assert public_holidays(2030, "th") == {D(2030, 3, 4): "วันหยุดที่อยู่ในแคช"}
    calendar = WorkingCalendar(closure_days=[])
    assert not calendar.is_working_day(D(2030, 3, 4))  # a Monday, a holiday only in the cache
    assert calendar.closed_because(D(2030, 3, 4)) == "วันหยุด: วันหยุดที่อยู่ในแคช"


def test_a_calendar_reads_each_year_and_language_from_the_cache_once():
    cache.set(cache_key(2030, "th"), {D(2030, 3, 4): "ชื่อเดิม"}, None)
    cache.set(cache_key(2030, "en_US"), {D(2030, 3, 4): "First name"}, None)
    calendar = WorkingCalendar(closure_days=[])
    assert calendar.holiday_name(D(2030, 3, 4)) == "ชื่อเดิม"
    with translation.override("en"):
        assert calendar.holiday_name(D(2030, 3, 4)) == "First name"
    cache.set(cache_key(2030, "th"), {D(2030, 3, 5): "ชื่อใหม่"}, None)
    cache.set(cache_key(2030, "en_US"), {D(2030, 3, 5): "New name"}, None)
    forget_copies()  # as in another worker
    # The same calendar (one page, one report) keeps what it read; the next one reads again.
    assert calendar.holiday_name(D(2030, 3, 4)) == "ชื่อเดิม"
    assert calendar.is_working_day(D(2030, 3, 5))
    with translation.override("en"):
        assert calendar.holiday_name(D(2030, 3, 4)) == "First name"
    assert WorkingCalendar(closure_days=[]).holiday_name(D(2030, 3, 5)) == "ชื่อใหม่"


@pytest.mark.django_db
def test_the_background_workers_heartbeat_fills_last_this_and_next_year():
    beat.enqueue("worker-1")  # the test settings run tasks at once
    year = bangkok_today().year
    for filled in (year - 1, year, year + 1):
        assert cache.get(cache_key(filled, "th"))[D(filled, 1, 1)] == "วันขึ้นปีใหม่"
        assert cache.get(cache_key(filled, "en_US"))[D(filled, 1, 1)] == "New Year's Day"
    assert cache.get(cache_key(year + 2, "th")) is None
