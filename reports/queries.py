"""Reads for the summary report: its figures per service, status and month, with each request's
history fetched in one query for all of them."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Q

from base.db_router import replica_reads
from base.working_days import BANGKOK, WorkingCalendar, bangkok_today
from payments.queries import MonthMoney, money_by_month
from service_requests import sla
from service_requests.catalogue import all_services
from service_requests.due_dates import history_by_request
from service_requests.models import ServiceRequest
from service_requests.queries import requests_for_officer, services_handled_by
from service_requests.workflow import CLOSED, RequestStatus

from .statistics import median, nearest_rank_percentile


def month_starts(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    """The first day of each month the period touches."""
    months, month = [], start.replace(day=1)
    while month <= end:
        months.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return months


def bangkok_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=BANGKOK)


@dataclass
class CompletionTimes:
    service: object  # an EService, or None for all services together
    times: list[int] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.times)

    @property
    def median(self):
        return median(self.times)

    @property
    def percentile_90(self):
        return nearest_rank_percentile(self.times, 90)


@dataclass
class OverdueRequest:
    service_request: ServiceRequest
    timing: sla.RequestTiming


@dataclass
class SummaryReport:
    """The figures of the summary report for one officer and one period (Bangkok dates,
    both ends included).

    - by_status: requests SUBMITTED in the period, per service and their current status.
    - new_per_month: the same requests, per month of submission and service.
    - completed_per_month and completion_times: requests COMPLETED in the period (whenever they
      were submitted), per month of completion and service; times in working days (sla.py).
    - overdue: every request of the officer's services that is overdue today, whatever the period.
    - money_per_month: payments confirmed in the period, per month of confirmation (also those
      refunded since), and refunds, per month of the refund: {month: MonthMoney}.
    """

    start: datetime.date
    end: datetime.date
    today: datetime.date
    services: list
    statuses: list
    months: list[datetime.date]
    by_status: dict[tuple[str, str], int]
    new_per_month: dict[tuple[datetime.date, str], int]
    completed_per_month: dict[tuple[datetime.date, str], int]
    completion_times: list[CompletionTimes]
    overall_completion_times: CompletionTimes
    overdue: list[OverdueRequest]
    money_per_month: dict = field(default_factory=dict)

    def money_rows(self):
        """[(month, payments, received, refunds, refunded, net)] for every month of the period, and
        the totals (payments, received, refunds, refunded, net): received less refunded is the net."""
        zero = Decimal("0.00")
        months = [
            self.money_per_month.get(month) or MonthMoney(month, 0, zero, 0, zero) for month in self.months
        ]

        def figures(money):
            return (money.payments, money.amount, money.refunds, money.refunded, money.net)

        total = MonthMoney(
            None,
            sum(money.payments for money in months),
            sum((money.amount for money in months), zero),
            sum(money.refunds for money in months),
            sum((money.refunded for money in months), zero),
        )
        return [(money.month, *figures(money)) for money in months], figures(total)

    def status_rows(self):
        """[(service, [count per status], total)] and the totals row, for tables."""
        rows = []
        for service in self.services:
            counts = [self.by_status.get((service.code, status.value), 0) for status in self.statuses]
            rows.append((service, counts, sum(counts)))
        totals = [sum(row[1][index] for row in rows) for index in range(len(self.statuses))]
        return rows, (totals, sum(totals))

    def _month_rows(self, counts):
        rows = []
        for month in self.months:
            cells = [counts.get((month, service.code), 0) for service in self.services]
            rows.append((month, cells, sum(cells)))
        totals = [sum(row[1][index] for row in rows) for index in range(len(self.services))]
        return rows, (totals, sum(totals))

    def new_rows(self):
        return self._month_rows(self.new_per_month)

    def completed_rows(self):
        return self._month_rows(self.completed_per_month)


def visible_services(user) -> list:
    handled = services_handled_by(user)
    return [service for service in all_services() if service.code in handled]


@replica_reads  # from the read replica when there is one (base.db_router)
def summary_report(user, *, start: datetime.date, end: datetime.date, today: datetime.date | None = None):
    """The report's figures over the officer's services (all of them for a superuser), from three
    queries: the closure days, the requests concerned, and their history."""
    today = today or bangkok_today()
    calendar = WorkingCalendar()
    services = visible_services(user)
    since, until = bangkok_midnight(start), bangkok_midnight(end + datetime.timedelta(days=1))
    requests = (
        requests_for_officer(user)
        .filter(
            Q(submitted_at__gte=since, submitted_at__lt=until)
            # A completed request's last change of status is its completion (no moves follow it).
            | Q(status=RequestStatus.COMPLETED, status_changed_at__gte=since, status_changed_at__lt=until)
            # The open statuses named (not "not closed"), so that an index finds them.
            | Q(status__in=[status for status in RequestStatus if status not in CLOSED])
        )
        .order_by("submitted_at", "pk")
    )
    history = history_by_request(requests)
    # Tuples of what the figures need, not model instances (issue 12: a month's report with
    # 1,000,000 requests); the overdue ones are read whole afterwards, in one more query.
    rows = requests.values_list(
        "pk", "service_code", "status", "submitted_at", "status_changed_at", named=True
    )

    by_status, new_per_month, completed_per_month = defaultdict(int), defaultdict(int), defaultdict(int)
    times = {service.code: CompletionTimes(service) for service in services}
    overall = CompletionTimes(None)
    overdue_timings = {}
    for row in rows:
        code = row.service_code
        timing = sla.timing_of(row, history[row.pk], calendar=calendar, today=today)
        if start <= timing.submitted_on <= end:
            by_status[code, row.status] += 1
            new_per_month[timing.submitted_on.replace(day=1), code] += 1
        if timing.completed_on is not None and start <= timing.completed_on <= end:
            completed_per_month[timing.completed_on.replace(day=1), code] += 1
            times[code].times.append(timing.working_days_to_complete)
            overall.times.append(timing.working_days_to_complete)
        if timing.is_overdue:
            overdue_timings[row.pk] = timing
    overdue = [
        OverdueRequest(service_request, overdue_timings[service_request.pk])
        for service_request in ServiceRequest.objects.filter(pk__in=overdue_timings).only(
            "pk", "reference", "service_code", "status", "submitted_at", "status_changed_at"
        )
    ]
    overdue.sort(key=lambda item: (-item.timing.working_days_overdue, item.service_request.submitted_at))
    return SummaryReport(
        start=start,
        end=end,
        today=today,
        services=services,
        statuses=list(RequestStatus),
        months=month_starts(start, end),
        by_status=dict(by_status),
        new_per_month=dict(new_per_month),
        completed_per_month=dict(completed_per_month),
        completion_times=[times[service.code] for service in services],
        overall_completion_times=overall,
        overdue=overdue,
        money_per_month={
            money.month: money
            for money in money_by_month(since, until, service_codes=[s.code for s in services])
        },
    )


def this_month(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The report's default period: the current month in Bangkok, first to last day."""
    today = today or bangkok_today()
    first = today.replace(day=1)
    last = (first + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    return first, last
