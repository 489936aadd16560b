"""Calendars of the services that book time: which times a meeting room or an executive is taken
(for applicants: times only, never who), the officers' week of room bookings, and the iCalendar
file (RFC 5545) of a confirmed booking."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from reports.working_days import WorkingCalendar

from . import queries
from .catalogue import appointment, meeting_room

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
        begins, finishes = day_start(day), day_start(day + datetime.timedelta(days=1))
        days.append(
            CalendarDay(
                day=day,
                taken=[
                    TimeRange.within(day, starts_at, ends_at)
                    for starts_at, ends_at in times
                    if starts_at < finishes and ends_at > begins
                ],
            )
        )
        if calendar is not None:
            days[-1].closed_because = calendar.closed_because(day)
            days[-1].bookable = open_on_non_working_days or days[-1].closed_because is None
    return days


@dataclass(frozen=True)
class CalendarSource:
    """What a service's availability calendar shows: taken times of one of its resources."""

    service_code: str
    resource_param: str  # query parameter, and the service form's field naming the resource
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


SOURCES = {
    source.service_code: source
    for source in (
        CalendarSource(
            service_code=meeting_room.SERVICE.code,
            resource_param="room",
            date_field="start_date",
            heading=gettext_lazy("Room availability"),
            intro=gettext_lazy(
                "Times already booked are listed below; any other time is free. "
                "A booking may start when another one ends."
            ),
            resource_label=gettext_lazy("Room"),
            taken_label=gettext_lazy("Booked"),
            resources=lambda: meeting_room.Room.objects.filter(is_active=True),
            taken_times=queries.room_busy_times,
            public=True,
            open_on_non_working_days=lambda room: room.bookable_on_non_working_days,
        ),
        CalendarSource(
            service_code=appointment.SERVICE.code,
            resource_param="executive",
            date_field="date",
            heading=gettext_lazy("The executive's confirmed appointments"),
            intro=gettext_lazy(
                "Appointments the office has confirmed are listed below; please choose another time."
            ),
            resource_label=gettext_lazy("Executive"),
            taken_label=gettext_lazy("Appointment"),
            resources=lambda: appointment.Executive.objects.filter(is_active=True),
            taken_times=queries.executive_busy_times,
            public=False,
        ),
    )
}


@dataclass
class Availability:
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


def availability(service_code, *, resource_id=None, start=None, today=None) -> Availability | None:
    """The taken times of the chosen resource (the first active one by default) for DAYS_SHOWN
    days from start (today by default; never before today). None when the service books no time
    or has nothing to book."""
    source = SOURCES.get(service_code)
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


# The officers' week of room bookings.


@dataclass
class BookingEntry:
    booking: object
    time: TimeRange


@dataclass
class RoomWeek:
    room: object
    days: list[list[BookingEntry]]


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of the day's week."""
    return day - datetime.timedelta(days=day.weekday())


def room_weeks(bookings, rooms, days: list[datetime.date]) -> list[RoomWeek]:
    """One row per room (the given ones, then any other room booked that week), one cell per day."""
    rooms = list(rooms)
    known = {room.pk for room in rooms}
    for booking in bookings:
        if booking.room_id not in known:
            rooms.append(booking.room)
            known.add(booking.room_id)
    rows = []
    for room in rooms:
        cells = []
        for day in days:
            begins, finishes = day_start(day), day_start(day + datetime.timedelta(days=1))
            cells.append(
                [
                    BookingEntry(booking, TimeRange.within(day, booking.starts_at, booking.ends_at))
                    for booking in bookings
                    if booking.room_id == room.pk
                    and booking.starts_at < finishes
                    and booking.ends_at > begins
                ]
            )
        rows.append(RoomWeek(room=room, days=cells))
    return rows


# iCalendar (RFC 5545): a confirmed booking as one event.


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    summary: str
    location: str
    description: str


def event_for(details, *, office, uid_domain: str) -> CalendarEvent:
    """The event of a room booking or an appointment (its details row, with what it books)."""
    service_request = details.request
    address = ", ".join(part for part in (office.name, office.address) if part)
    description = _("Reference code: %(reference)s") % {"reference": service_request.reference}
    if isinstance(details, meeting_room.RoomBookingDetails):
        purpose = " ".join(details.purpose.split())
        summary = _("Meeting room %(room)s: %(purpose)s") % {"room": details.room.name, "purpose": purpose}
        location = f"{details.room.name}, {address}" if address else details.room.name
    else:
        summary = _("Appointment with %(executive)s: %(subject)s") % {
            "executive": details.executive.name,
            "subject": details.subject,
        }
        location = address
    return CalendarEvent(
        uid=f"{service_request.reference}@{uid_domain}",
        starts_at=details.starts_at,
        ends_at=details.ends_at,
        summary=summary,
        location=location,
        description=description,
    )


def ics_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11)."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return value.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def ics_datetime(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str, limit: int = 75) -> str:
    """Lines of at most 75 octets, continued with CRLF and a space (RFC 5545 3.1), never splitting
    a UTF-8 character (Thai takes three octets each)."""
    parts, current, size = [], "", 0
    for character in line:
        width = len(character.encode())
        if size + width > limit:
            parts.append(current)
            current, size = " ", 1
        current += character
        size += width
    parts.append(current)
    return "\r\n".join(parts)


def ics_document(event: CalendarEvent, *, stamp: datetime.datetime) -> bytes:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//One Stop Service portal//Room bookings//TH",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{ics_text(event.uid)}",
        f"DTSTAMP:{ics_datetime(stamp)}",
        f"DTSTART:{ics_datetime(event.starts_at)}",
        f"DTEND:{ics_datetime(event.ends_at)}",
        f"SUMMARY:{ics_text(event.summary)}",
        f"LOCATION:{ics_text(event.location)}",
        f"DESCRIPTION:{ics_text(event.description)}",
        "STATUS:CONFIRMED",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode()


def offers_calendar_file(service_request) -> bool:
    """Whether the request's detail page offers its .ics file (a booking an officer took on)."""
    return service_request.service_code in SOURCES and service_request.status in queries.CONFIRMED
