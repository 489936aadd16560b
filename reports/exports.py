"""The summary report as a spreadsheet (openpyxl) and as an A4 PDF (WeasyPrint, Sarabun)."""

import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from base.spreadsheets import append_row, fit_columns, month_number_format, sheet_title
from printing.letterhead import letterhead_context

from .pdf import render_pdf
from .presenters import Month


def _write_sheet(workbook, name, heading_lines, table):
    """A sheet headed by the report's title lines, then the table; widths fit the table."""
    sheet = workbook.create_sheet(sheet_title(name))
    for line in heading_lines:
        append_row(sheet, line)
    append_row(sheet, [])
    table_starts = sheet.max_row + 1
    append_row(sheet, table["headings"], bold=True)
    month_column = {0: month_number_format()}  # a month is a date shown without its day
    for row in table["rows"]:
        append_row(sheet, row, number_formats=month_column if isinstance(row[0], Month) else None)
    if table["totals"]:
        append_row(sheet, table["totals"], bold=True)
    fit_columns(sheet, from_row=table_starts)


def report_xlsx(presented: dict) -> bytes:
    """One sheet per table, each headed by the report's title and period; figures are numbers,
    months and dates are date cells."""
    from openpyxl import Workbook  # deferred like base.spreadsheets's openpyxl

    workbook = Workbook()
    workbook.remove(workbook.active)
    title = _("Service requests summary report")
    sheets = [
        (_("By service and status"), presented["status_table"]),
        (_("New per month"), presented["new_table"]),
        (_("Completed per month"), presented["completed_table"]),
        (_("Time to completion"), presented["times_table"]),
    ]
    for name, table in sheets:
        _write_sheet(workbook, name, [[title], [_("Period"), presented["period"]]], table)
    overdue = {
        "headings": [
            _("Reference code"),
            _("Service"),
            _("Status"),
            _("Submitted"),
            _("Due"),
            _("Working days overdue"),
        ],
        "rows": [
            [
                row["reference"],
                row["service"],
                row["status"],
                row["submitted_at"],
                row["due_on"],
                row["days_overdue"],
            ]
            for row in presented["overdue"]
        ],
        "totals": None,
    }
    _write_sheet(workbook, _("Overdue"), [[title], [_("Overdue as of"), presented["today_date"]]], overdue)
    _write_sheet(
        workbook, _("Money received"), [[title], [_("Period"), presented["period"]]], presented["money_table"]
    )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


PDF_CSS = """
@page { size: A4 landscape; margin: 12mm; }
html { font-size: 11pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 4mm; }
th, td { border: 0.5pt solid #888; padding: 1mm 2mm; text-align: right; }
th:first-child, td:first-child, .report-text { text-align: left; }
thead th, tfoot th, tfoot td { background: #eee; }
figure { margin: 0 0 4mm; }
section { break-inside: avoid; }
.report-plain__example { font-weight: 700; }
"""


def report_pdf(presented: dict, *, office) -> bytes:
    """The report on A4 landscape under the office letterhead, as the printouts have it."""
    heading = letterhead_context(office)
    body = render_to_string("reports/summary_pdf.html", {**presented, **heading})
    logo = [heading["logo"]] if heading["logo"] else []
    return render_pdf(body, title=_("Service requests summary report"), css=PDF_CSS, data_uris=logo)
