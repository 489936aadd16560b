"""The officers' calendars of a service that books time (rooms, executives): for a week or a day,
the requests holding each resource's time, each cut to the day it is shown on. A service brings
its ResourceCalendar (in its admin module); nothing here names one."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise

from .availability import TimeRange, touches

DAYS_IN_WEEK = 7


@dataclass(frozen=True)
class ResourceCalendar:
    """What a service's officers' calendar shows and who may see it."""

    service_code: str  # only the officers of this service see the calendar
    title: Promise  # the page's title and its menu label
    resource_label: Promise  # what a resource is called: room, executive
    caption: Promise  # the table's caption for screen readers (what is and is not shown)
    no_resources: Promise  # the message when the service has no active resource yet
    counted: Promise  # ngettext_lazy(..., "counter"): how many entries are shown ("3 bookings")
    resource_field: str  # the details' foreign key to the resource
    resources: Callable  # () -> the active resources, in order
    # (user, starts=, ends=) -> the details holding some of [starts, ends), with their resource
    # and request, in order of start; none for a user who is not an officer of the service
    entries: Callable
    who: Callable  # (details) -> who asked (an organisation, a visitor), the only personal data shown
    resource_note: Callable = lambda resource: ""  # (resource) -> a line under its name


@dataclass
class Entry:
    details: object
    time: TimeRange
    process_url: str
    who: str


@dataclass
class ResourceRow:
    resource: object
    note: str
    days: list[list[Entry]]  # one cell per day shown

    @property
    def entries(self) -> list[Entry]:
        """The entries of the first day shown (a day view shows one)."""
        return self.days[0]


def week_of(day: datetime.date) -> datetime.date:
    """The Monday of the day's week."""
    return day - datetime.timedelta(days=day.weekday())


def resource_rows(calendar: ResourceCalendar, details, days, *, process_url) -> list[ResourceRow]:
    """One row per resource (the active ones, then any other resource taken in these days), one
    cell per day with the entries touching it. process_url: (details) -> its request's page."""
    resources = list(calendar.resources())
    known = {resource.pk for resource in resources}
    key = f"{calendar.resource_field}_id"
    for item in details:
        if getattr(item, key) not in known:
            resources.append(getattr(item, calendar.resource_field))
            known.add(getattr(item, key))
    links = {item.pk: process_url(item) for item in details}
    return [
        ResourceRow(
            resource=resource,
            note=calendar.resource_note(resource),
            days=[
                [
                    Entry(
                        details=item,
                        time=TimeRange.within(day, item.starts_at, item.ends_at),
                        process_url=links[item.pk],
                        who=calendar.who(item),
                    )
                    for item in details
                    if getattr(item, key) == resource.pk and touches(day, item.starts_at, item.ends_at)
                ]
                for day in days
            ],
        )
        for resource in resources
    ]
