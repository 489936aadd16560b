"""The summary report as a spreadsheet (openpyxl) and as an A4 PDF (WeasyPrint, Sarabun)."""

import io

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from openpyxl import Workbook
from openpyxl.styles import Font

from .pdf import render_pdf

BOLD = Font(bold=True)


def _sheet_title(text: str) -> str:
    # Excel refuses sheet titles over 31 characters or with []:*?/\ in them.
    return "".join(" " if character in "[]:*?/\\" else character for character in text)[:31]


def _append_table(sheet, table):
    sheet.append(table["headings"])
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
    for row in table["rows"]:
        sheet.append(row)
    if table["totals"]:
        sheet.append(table["totals"])
        for cell in sheet[sheet.max_row]:
            cell.font = BOLD


def report_xlsx(presented: dict) -> bytes:
    """One sheet per table, each headed by the report's title and period; figures are numbers."""
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
        sheet = workbook.create_sheet(_sheet_title(name))
        sheet.append([title])
        sheet.append([_("Period"), presented["period"]])
        sheet.append([])
        _append_table(sheet, table)
    overdue = workbook.create_sheet(_sheet_title(_("Overdue")))
    overdue.append([title])
    overdue.append([_("Overdue as of"), presented["today"]])
    overdue.append([])
    _append_table(
        overdue,
        {
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
                    row["submitted"],
                    row["due"],
                    row["days_overdue"],
                ]
                for row in presented["overdue"]
            ],
            "totals": None,
        },
    )
    for sheet in workbook.worksheets:
        sheet.column_dimensions["A"].width = 24
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
"""


def report_pdf(presented: dict) -> bytes:
    body = render_to_string("reports/summary_pdf.html", presented)
    return render_pdf(body, title=_("Service requests summary report"), css=PDF_CSS)
