"""iCalendar (RFC 5545): a confirmed booking as one event, which the applicant adds to their own
calendar. What the event says comes from the service (RequestDetails.calendar_event)."""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from . import queries


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    summary: str
    location: str
    description: str


def event_for(details, *, office, uid_domain: str) -> CalendarEvent | None:
    """The event of a request's details row (None when its service offers no calendar file)."""
    address = ", ".join(part for part in (office.name, office.address) if part)
    fields = details.calendar_event(office_address=address)
    if fields is None:
        return None
    service_request = details.request
    return CalendarEvent(
        uid=f"{service_request.reference}@{uid_domain}",
        description=_("Reference code: %(reference)s") % {"reference": service_request.reference},
        **fields,
    )


def offers_calendar_file(service_request, details) -> bool:
    """Whether the request's detail page offers its .ics file (a booking an officer took on)."""
    return (
        details is not None
        and service_request.status in queries.CONFIRMED
        and details.calendar_event(office_address="") is not None
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
        "PRODID:-//One Stop Service portal//Bookings and appointments//TH",
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
