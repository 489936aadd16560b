"""The applicants' availability calendar of a service that books time (a room, an executive):
which times a resource is taken, for a fortnight, never who took them, and which days the office
does not work. A service brings its CalendarSource (EService.calendar); nothing here names one."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from base.working_days import WorkingCalendar

DAYS_SHOWN = 14
# How far ahead the calendar may be paged (and where a typed date is clamped).
FURTHEST_AHEAD = datetime.timedelta(days=730)


def day_start(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def parse_date(text) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(text or "").strip())
    except ValueError:
        return None


def times_of(taken) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """(starts_at, ends_at) of a queryset of bookings, in order: nothing about who booked."""
    return list(taken.order_by("starts_at").values_list("starts_at", "ends_at"))


@dataclass(frozen=True)
class CalendarSource:
    """What a service's availability calendar shows: the taken times of one of its resources."""

    resource_param: str  # query parameter, the service form's field and the details' foreign key
    date_field: str  # the service form's field holding the date the applicant wants
    heading: Promise
    intro: Promise
    resource_label: Promise
    taken_label: Promise  # what a taken time is called: booked, appointment
    resources: Callable  # () -> the bookable resources, in order
    taken_times: Callable  # (resource pk, starts=, ends=) -> [(starts_at, ends_at)]
    public: bool  # shown to visitors who are not logged in
    # (resource) -> whether it can be booked on days the office does not work
    open_on_non_working_days: Callable = lambda resource: False


@dataclass(frozen=True)
class TimeRange:
    """A taken time on one day: a booking cut at the day's edges (None: the day's start or end)."""

    starts: datetime.time | None
    ends: datetime.time | None

    @classmethod
    def within(cls, day, starts_at, ends_at):
        starts, ends = timezone.localtime(starts_at), timezone.localtime(ends_at)
        return cls(
            starts=starts.time() if starts.date() == day else None,
            ends=ends.time() if ends.date() == day else None,
        )

    @property
    def all_day(self):
        return self.starts is None and self.ends is None

    def __str__(self):
        if self.all_day:
            return _("all day")
        starts = f"{self.starts:%H:%M}" if self.starts else "00:00"
        ends = f"{self.ends:%H:%M}" if self.ends else "24:00"
        return f"{starts}–{ends}"


def touches(day: datetime.date, starts_at, ends_at) -> bool:
    return starts_at < day_start(day + datetime.timedelta(days=1)) and ends_at > day_start(day)


@dataclass
class CalendarDay:
    day: datetime.date
    taken: list[TimeRange] = field(default_factory=list)
    # Why the office does not work that day (weekend, the holiday's name, a closure day); None
    # on working days.
    closed_because: str | None = None
    # Whether the resource can be booked that day: not on a non-working day unless it is open
    # on those days.
    bookable: bool = True


def days_of(start: datetime.date, count: int, times, *, calendar=None, open_on_non_working_days=False):
    """One CalendarDay per day from start, each with the (starts_at, ends_at) ranges touching it
    and, given the office's WorkingCalendar, whether the office works that day."""
    days = []
    for offset in range(count):
        day = start + datetime.timedelta(days=offset)
        entry = CalendarDay(
            day=day,
            taken=[
                TimeRange.within(day, starts_at, ends_at)
                for starts_at, ends_at in times
                if touches(day, starts_at, ends_at)
            ],
        )
        if calendar is not None:
            entry.closed_because = calendar.closed_because(day)
            entry.bookable = open_on_non_working_days or entry.closed_because is None
        days.append(entry)
    return days


@dataclass
class Availability:
    service_code: str
    source: CalendarSource
    resources: list
    selected: object
    start: datetime.date
    days: list[CalendarDay]
    previous_start: datetime.date | None
    next_start: datetime.date | None

    def query_for(self, resource=None, start=None) -> str:
        """The query string showing another resource or another fortnight."""
        resource = resource or self.selected
        return f"{self.source.resource_param}={resource.pk}&from={(start or self.start).isoformat()}"

    @property
    def previous_query(self):
        return self.query_for(start=self.previous_start) if self.previous_start else ""

    @property
    def next_query(self):
        return self.query_for(start=self.next_start) if self.next_start else ""

    def links(self):
        return [(resource, self.query_for(resource=resource)) for resource in self.resources]

    @property
    def end(self):
        return self.start + datetime.timedelta(days=len(self.days) - 1)


def shown_to(service, user) -> CalendarSource | None:
    """The service's calendar if this visitor may see it (some are for logged-in users only)."""
    source = service.calendar if service is not None else None
    if source is None or not (source.public or user.is_authenticated):
        return None
    return source


def availability_of(service, *, resource_id=None, start=None, today=None) -> Availability | None:
    """The taken times of the chosen resource (the first active one by default) for DAYS_SHOWN
    days from start (today by default; never before today). None when the service books no time
    or has nothing to book."""
    source = service.calendar
    if source is None:
        return None
    resources = list(source.resources())
    if not resources:
        return None
    selected = next(
        (resource for resource in resources if str(resource.pk) == str(resource_id)), resources[0]
    )
    today = today or timezone.localdate()
    start = min(max(start or today, today), today + FURTHEST_AHEAD)
    times = source.taken_times(
        selected.pk, starts=day_start(start), ends=day_start(start + datetime.timedelta(days=DAYS_SHOWN))
    )
    span = datetime.timedelta(days=DAYS_SHOWN)
    return Availability(
        service_code=service.code,
        source=source,
        resources=resources,
        selected=selected,
        start=start,
        days=days_of(
            start,
            DAYS_SHOWN,
            times,
            calendar=WorkingCalendar(),
            open_on_non_working_days=source.open_on_non_working_days(selected),
        ),
        previous_start=max(start - span, today) if start > today else None,
        next_start=start + span if start + span <= today + FURTHEST_AHEAD else None,
    )


def requested_in(source, query, details_form=None):
    """(resource id, start date) asked for: in the query string, else in the form being filled
    in (posted back with errors, or the request being edited)."""
    resource_id, start = query.get(source.resource_param), parse_date(query.get("from"))
    if details_form is not None:
        if details_form.is_bound:
            resource_id = resource_id or details_form.data.get(details_form.add_prefix(source.resource_param))
            start = start or parse_date(details_form.data.get(details_form.add_prefix(source.date_field)))
        else:
            resource_id = resource_id or getattr(details_form.instance, f"{source.resource_param}_id", None)
            start = start or details_form.initial.get(source.date_field)
    return resource_id, start
