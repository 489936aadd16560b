"""Reads of due dates and lateness, with each request's history fetched in one query for all of
them (sla.py holds the rules)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Prefetch, Q

from base.working_days import WorkingCalendar, bangkok_today

from . import sla
from .models import StatusChange
from .workflow import CLOSED, WAITING_FOR_APPLICANT, RequestStatus

SLA_HISTORY = "sla_history"


def sla_changes():
    """The history rows that decide due dates: into or out of "returned", and into "completed"."""
    return (
        StatusChange.objects.filter(
            Q(to_status__in=[RequestStatus.RETURNED, RequestStatus.COMPLETED])
            | Q(from_status=RequestStatus.RETURNED)
        )
        .only("request_id", "from_status", "to_status", "created_at")
        .order_by("created_at", "id")
    )


def with_sla_history(queryset):
    """The requests with the history that timing_of() needs, in one more query for all of them."""
    return queryset.prefetch_related(Prefetch("history", queryset=sla_changes(), to_attr=SLA_HISTORY))


def timing_of(service_request, *, calendar: WorkingCalendar, today: datetime.date | None = None):
    """A request's due date and lateness (from the history with_sla_history() prefetched)."""
    changes = getattr(service_request, SLA_HISTORY, None)
    if changes is None:
        changes = sla_changes().filter(request=service_request)
    return sla.timing_of(service_request, changes, calendar=calendar, today=today or bangkok_today())


@dataclass(frozen=True)
class ExpectedCompletion:
    """What the applicant is told of when their request should be done: the due date and lateness
    exactly as the summary report and the officers' list compute them (timing_of)."""

    timing: sla.RequestTiming
    is_open: bool  # not completed or cancelled: the due date still matters
    is_paused: bool  # with the applicant for correction: the date moves on with each working day

    @property
    def due_on(self) -> datetime.date:
        return self.timing.due_on


def expected_completion(
    service_request, *, calendar: WorkingCalendar, today: datetime.date | None = None
) -> ExpectedCompletion:
    """The applicant's view of timing_of() (the same history: prefetch it with with_sla_history())."""
    return ExpectedCompletion(
        timing=timing_of(service_request, calendar=calendar, today=today),
        is_open=service_request.status not in CLOSED,
        is_paused=service_request.status in WAITING_FOR_APPLICANT,
    )


def history_by_request(requests) -> dict[int, list]:
    """{request pk: its SLA history rows}, for a queryset of requests, in one query (tuples with
    the rows' fields: a month's report reads tens of thousands)."""
    grouped = defaultdict(list)
    changes = sla_changes().filter(request__in=requests.order_by().values("pk"))
    for change in changes.values_list("request_id", "from_status", "to_status", "created_at", named=True):
        grouped[change.request_id].append(change)
    return grouped


def open_requests(queryset):
    return queryset.exclude(status__in=CLOSED)


def overdue_request_ids(queryset, *, today: datetime.date | None = None) -> list[int]:
    """The pks of the requests in the queryset that are now overdue (two queries and the
    calendar's one, whatever their number: lateness is counted in working days, in Python)."""
    today = today or bangkok_today()
    calendar = WorkingCalendar()
    candidates = open_requests(queryset).order_by()
    history = history_by_request(candidates)
    return [
        service_request.pk
        for service_request in candidates.only(
            "pk", "service_code", "status", "submitted_at", "status_changed_at"
        )
        if sla.timing_of(
            service_request, history[service_request.pk], calendar=calendar, today=today
        ).is_overdue
    ]


def filter_overdue(queryset, overdue: bool):
    ids = overdue_request_ids(queryset)
    return queryset.filter(pk__in=ids) if overdue else queryset.exclude(pk__in=ids)
