"""Service-level rules for requests, computed from a request and its status history.

- Due date: 5 working days after the day of submission (working_days.py says how days count;
  a service an office built sets its own number, EService.processing_days), moved later by the working days the request spent returned to the applicant.
- Returned time: from a move into "returned" until the next move out of it (the corrections
  sent, or a cancellation); a spell still open runs until today. A spell from day A to day B
  counts the working days after A up to and including B.
- Time to completion: the working days from submission to completion, less the returned time.
- Overdue: neither completed nor cancelled, and at least one working day has passed since the
  due date (a due date on Friday is overdue from Monday, not over the weekend).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from base.working_days import WorkingCalendar, bangkok_date

from .catalogue import find_service
from .workflow import CLOSED, RequestStatus

DUE_WITHIN_WORKING_DAYS = 5
# The office's manual promises every built-in service "ภายใน 3-5 วันทำการ" (within 3-5 working
# days); the due date is its longer end. Service pages and the confirmation both say this range.
FASTEST_WORKING_DAYS = 3
PROMISED_WORKING_DAYS = f"{FASTEST_WORKING_DAYS}-{DUE_WITHIN_WORKING_DAYS}"


def working_days_allowed(service_code) -> int:
    """The working days a service's requests have, before returned time: its own or the SPEC's 5."""
    service = find_service(service_code) if service_code else None
    return (service.processing_days if service is not None else None) or DUE_WITHIN_WORKING_DAYS


def working_days_promised(service_code) -> str:
    """The working days the applicant is told a request takes: a service's own number where it
    sets one (EService.processing_days), else the manual's "3-5" (PROMISED_WORKING_DAYS)."""
    service = find_service(service_code) if service_code else None
    if service is not None and service.processing_days:
        return str(service.processing_days)
    return PROMISED_WORKING_DAYS


@dataclass(frozen=True)
class RequestTiming:
    submitted_on: datetime.date
    returned_working_days: int
    due_on: datetime.date
    completed_on: datetime.date | None
    working_days_to_complete: int | None
    working_days_overdue: int

    @property
    def is_overdue(self) -> bool:
        return self.working_days_overdue > 0


def returned_spells(changes: Iterable, *, until: datetime.date) -> list[tuple[datetime.date, datetime.date]]:
    """(returned on, back on) per stay with the applicant, from history rows oldest first."""
    spells, returned_on = [], None
    for change in changes:
        if change.to_status == RequestStatus.RETURNED:
            if returned_on is None:
                returned_on = bangkok_date(change.created_at)
        elif returned_on is not None:
            spells.append((returned_on, bangkok_date(change.created_at)))
            returned_on = None
    if returned_on is not None:
        spells.append((returned_on, max(returned_on, until)))
    return spells


def completion_date(service_request, changes: Iterable) -> datetime.date | None:
    if service_request.status != RequestStatus.COMPLETED:
        return None
    for change in changes:
        if change.to_status == RequestStatus.COMPLETED:
            return bangkok_date(change.created_at)
    return bangkok_date(service_request.status_changed_at)  # history predating the records


def timing_of(service_request, changes: Iterable, *, calendar: WorkingCalendar, today: datetime.date):
    """The request's due date, time to completion and lateness; `changes` is its history (only
    the moves into and out of "returned" and into "completed" matter), oldest first."""
    changes = list(changes)
    submitted_on = bangkok_date(service_request.submitted_at)
    completed_on = completion_date(service_request, changes)
    returned = sum(
        calendar.working_days_between(start, end)
        for start, end in returned_spells(changes, until=completed_on or today)
    )
    allowed = working_days_allowed(getattr(service_request, "service_code", None))
    due_on = calendar.add_working_days(submitted_on, allowed + returned)
    to_complete = None
    if completed_on is not None:
        to_complete = max(0, calendar.working_days_between(submitted_on, completed_on) - returned)
    overdue = 0
    if service_request.status not in CLOSED:
        overdue = calendar.working_days_between(due_on, today)
    return RequestTiming(
        submitted_on=submitted_on,
        returned_working_days=returned,
        due_on=due_on,
        completed_on=completed_on,
        working_days_to_complete=to_complete,
        working_days_overdue=overdue,
    )
