"""Working days of the office, in Bangkok: Monday to Friday, except Thai public holidays (from the
`holidays` package, kept in the cache: base/public_holidays.py) and the closure days administrators
add (ClosureDay).

The counting rule, used everywhere (due dates, times to completion, days overdue):

- Whole days only; the time of day never counts.
- working_days_between(start, end) counts the working days AFTER `start`, up to and INCLUDING
  `end`. A request submitted on Monday and completed on Tuesday took 1 working day; one completed
  the day it arrived took 0; one submitted on Saturday and completed on Monday took 1.
- add_working_days(start, n) is the n-th working day after `start` (start itself never counts),
  so working_days_between(start, add_working_days(start, n)) == n.
"""

import datetime
from collections.abc import Iterable, Mapping
from zoneinfo import ZoneInfo

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .models import ClosureDay
from .public_holidays import public_holidays

BANGKOK = ZoneInfo("Asia/Bangkok")
SATURDAY = 5


def bangkok_date(moment: datetime.datetime) -> datetime.date:
    """The day in Bangkok a moment falls on (what the office calls "the date")."""
    return timezone.localtime(moment, BANGKOK).date()


def bangkok_today() -> datetime.date:
    return bangkok_date(timezone.now())


def _holiday_language() -> str:
    """The `holidays` package's name for the active language: Thai, or else English."""
    return "th" if (translation.get_language() or "th").startswith("th") else "en_US"


class WorkingCalendar:
    """The office's working days, with the closure days read once: build one per page or report
    and ask it as many questions as needed without further queries."""

    def __init__(self, closure_days: Iterable[datetime.date] | Mapping[datetime.date, str] | None = None):
        """closure_days: the dates, or {date: reason}; None: the ClosureDay rows."""
        if closure_days is None:
            closure_days = dict(ClosureDay.objects.values_list("date", "reason"))
        self.closure_reasons = dict(closure_days) if isinstance(closure_days, Mapping) else {}
        self.closure_days = frozenset(closure_days)
        # Each year's holidays are read from the cache the first time a date of that year is asked
        # for, and once per language for their names.
        self._holiday_dates = {}
        self._holiday_names = {}
        # A report asks about the same days thousands of times (issue 12: a month's report),
        # and its requests share a few dozen submission days: the answers are kept.
        self._working = {}
        self._added = {}
        self._between = {}

    def _holidays(self, year: int, language: str) -> dict[datetime.date, str]:
        names = self._holiday_names.get((year, language))
        if names is None:
            names = self._holiday_names[year, language] = public_holidays(year, language)
            self._holiday_dates.setdefault(year, frozenset(names))
        return names

    def is_public_holiday(self, day: datetime.date) -> bool:
        dates = self._holiday_dates.get(day.year)
        if dates is None:  # the same days in either language: the active one's, as a name may follow
            self._holidays(day.year, _holiday_language())
            dates = self._holiday_dates[day.year]
        return day in dates

    def is_working_day(self, day: datetime.date) -> bool:
        working = self._working.get(day)
        if working is None:
            working = (
                day.weekday() < SATURDAY and not self.is_public_holiday(day) and day not in self.closure_days
            )
            self._working[day] = working
        return working

    def holiday_name(self, day: datetime.date) -> str | None:
        """The public holiday's name in the active language (Thai or English), or None."""
        if not self.is_public_holiday(day):
            return None
        return self._holidays(day.year, _holiday_language()).get(day)

    def closed_because(self, day: datetime.date) -> str | None:
        """Why the office does not work that day, as people read it; None on a working day."""
        if self.is_public_holiday(day):
            return _("Holiday: %(name)s") % {"name": self.holiday_name(day)}
        if day in self.closure_days:
            reason = self.closure_reasons.get(day)
            return _("Office closed: %(reason)s") % {"reason": reason} if reason else _("Office closed")
        if day.weekday() >= SATURDAY:
            return _("Weekend")
        return None

    def add_working_days(self, start: datetime.date, count: int) -> datetime.date:
        """The count-th working day after start (start itself is never counted); start for 0."""
        if count < 0:
            raise ValueError("count must not be negative")
        found = self._added.get((start, count))
        if found is None:
            day, left = start, count
            while left:
                day += datetime.timedelta(days=1)
                if self.is_working_day(day):
                    left -= 1
            found = self._added[start, count] = day
        return found

    def working_days_between(self, start: datetime.date, end: datetime.date) -> int:
        """Working days after start up to and including end; 0 when end is not after start."""
        found = self._between.get((start, end))
        if found is None:
            found, day = 0, start
            while day < end:
                day += datetime.timedelta(days=1)
                if self.is_working_day(day):
                    found += 1
            self._between[start, end] = found
        return found


def is_working_day(day: datetime.date) -> bool:
    return WorkingCalendar().is_working_day(day)


def add_working_days(start: datetime.date, count: int) -> datetime.date:
    return WorkingCalendar().add_working_days(start, count)


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    return WorkingCalendar().working_days_between(start, end)
