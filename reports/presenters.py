"""The summary report as tables of labels and values: one layout for the page, the PDF and the
spreadsheet."""

import datetime

from django.utils.translation import get_language
from django.utils.translation import gettext as _

from base.dates import BUDDHIST_ERA_OFFSET, THAI_MONTHS, format_date, format_datetime

from .chart import grouped_bar_chart

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_month(month) -> str:
    """ "มี.ค. 2568" in Thai, "Mar 2025" in English."""
    if (get_language() or "th").startswith("th"):
        return f"{THAI_MONTHS[month.month - 1]} {month.year + BUDDHIST_ERA_OFFSET}"
    return f"{MONTHS_EN[month.month - 1]} {month.year}"


class Month(datetime.date):
    """A month of the report (its first day): read as "มี.ค. 2568" on the page and in the PDF,
    a real date cell in the spreadsheet."""

    def __str__(self):
        return format_month(self)


def format_figure(value) -> str:
    """Working days: "3", "2.5", or "–" when there is nothing to measure."""
    if value is None:
        return "–"
    return f"{value:g}"


def table(headings, rows, totals=None):
    return {"headings": headings, "rows": rows, "totals": totals}


def status_table(report):
    rows, (totals, grand_total) = report.status_rows()
    return table(
        [_("Service"), *[str(status.label) for status in report.statuses], _("Total")],
        [[str(service.name), *counts, total] for service, counts, total in rows],
        [_("Total"), *totals, grand_total],
    )


def month_table(report, month_rows):
    rows, (totals, grand_total) = month_rows
    return table(
        [_("Month"), *[str(service.name) for service in report.services], _("Total")],
        [[Month(month.year, month.month, 1), *cells, total] for month, cells, total in rows],
        [_("Total"), *totals, grand_total],
    )


def times_table(report):
    def row(label, times):
        return [label, times.count, times.median, times.percentile_90]

    return table(
        [_("Service"), _("Completed"), _("Median (working days)"), _("90th percentile (working days)")],
        [row(str(times.service.name), times) for times in report.completion_times],
        row(_("All services"), report.overall_completion_times),
    )


def money_table(report):
    rows, totals = report.money_rows()
    return table(
        [
            _("Month"),
            _("Payments confirmed"),
            _("Amount received (baht)"),
            _("Refunds"),
            _("Amount refunded (baht)"),
            _("Net (baht)"),
        ],
        [[Month(month.year, month.month, 1), *figures] for month, *figures in rows],
        [_("Total"), *totals],
    )


def overdue_rows(report):
    # Labels translated once, not once per row: an office can have thousands overdue.
    service_names = {service.code: str(service.name) for service in report.services}
    status_labels = {status.value: str(status.label) for status in report.statuses}
    return [
        {
            "pk": item.service_request.pk,
            "reference": item.service_request.reference,
            "service": service_names[item.service_request.service_code],
            "status": status_labels[item.service_request.status],
            "submitted": format_datetime(item.service_request.submitted_at),
            "submitted_at": item.service_request.submitted_at,
            "due": format_date(item.timing.due_on),
            "due_on": item.timing.due_on,
            "days_overdue": item.timing.working_days_overdue,
        }
        for item in report.overdue
    ]


def chart(report):
    rows, _totals = report.new_rows()
    return grouped_bar_chart(
        [format_month(month) for month, _cells, _total in rows],
        [str(service.name) for service in report.services],
        [cells for _month, cells, _total in rows],
    )


def present(report) -> dict:
    return {
        "report": report,
        "period": f"{format_date(report.start)} – {format_date(report.end)}",
        "today": format_date(report.today),
        "today_date": report.today,
        "status_table": status_table(report),
        "new_table": month_table(report, report.new_rows()),
        "completed_table": month_table(report, report.completed_rows()),
        "times_table": times_table(report),
        "money_table": money_table(report),
        "overdue": overdue_rows(report),
        "chart": chart(report),
    }
