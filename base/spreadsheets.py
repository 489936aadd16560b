"""Values on their way into a CSV or XLSX file: every export of the portal passes its cells
through here.

- Formulas (OWASP's CSV injection advice): a text starting with =, +, -, @, tab or carriage
  return is read by Excel and LibreOffice as a formula, so it gets a leading single quote. Real
  numbers, and texts that are nothing but a negative number, stay numbers.
- Dates in XLSX are real date cells, shown the Thai way (Buddhist Era); Excel has no time
  zones, so a moment is written as the office's local time (Asia/Bangkok).
- Column widths fit the headings and the content, Thai text included.

- CSV files start with a byte-order mark, so that Excel opens the UTF-8 file with its Thai
  intact (without it, Excel reads the file as the Windows code page and shows mojibake).

Wagtail's admin exports (SpreadsheetExportMixin: the officers' request list, the access record,
the site history, the page reports) get the escaping and the byte-order mark through
protect_wagtail_exports(), installed at start-up.

openpyxl is imported where a spreadsheet is written, as Wagtail's own exports do: a web worker
that never exports one does not carry it (README, Performance).
"""

import datetime
import re
import unicodedata
from decimal import Decimal

from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.translation import get_language

from wagtail.admin.views.mixins import SpreadsheetExportMixin

from .dates import format_date, format_datetime

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NEGATIVE_NUMBER = re.compile(r"-\d+(\.\d+)?")

# [$-107041E]: Thai (041E) with the Thai Buddhist calendar (07) and Western digits (01), so that
# "yyyy" is the Buddhist Era year and "mmm" the Thai month abbreviation: "8 เม.ย. 2568".
THAI_DATE_FORMAT = "[$-107041E]d mmm yyyy"
THAI_DATETIME_FORMAT = '[$-107041E]d mmm yyyy, hh:mm "น."'
DATE_FORMAT = "d mmm yyyy"
DATETIME_FORMAT = "d mmm yyyy, hh:mm"
THAI_MONTH_FORMAT = "[$-107041E]mmm yyyy"
MONTH_FORMAT = "mmm yyyy"

MONEY_FORMAT = "#,##0.00"

MIN_WIDTH = 6
MAX_WIDTH = 60


def sheet_title(text: str) -> str:
    """`text` as Excel accepts a sheet's name: 31 characters at most, none of []:*?/\\."""
    return "".join(" " if character in "[]:*?/\\" else character for character in str(text))[:31]


def escape_formula(value):
    """`value` as a spreadsheet may hold it without running it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS) and not NEGATIVE_NUMBER.fullmatch(value):
        return "'" + value
    return value


def _is_thai() -> bool:
    return (get_language() or "th").split("-")[0] == "th"


def date_number_format(value) -> str:
    thai = _is_thai()
    if isinstance(value, datetime.datetime):
        return THAI_DATETIME_FORMAT if thai else DATETIME_FORMAT
    return THAI_DATE_FORMAT if thai else DATE_FORMAT


def month_number_format() -> str:
    return THAI_MONTH_FORMAT if _is_thai() else MONTH_FORMAT


def xlsx_value(value):
    """A cell's value for openpyxl: texts escaped, moments as naive Bangkok time, dates kept."""
    value = force_str(value, strings_only=True)  # lazy translations become text; numbers stay
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.make_naive(value, timezone.get_default_timezone())
    return escape_formula(value)


def append_row(sheet, values, *, bold=False, number_formats=None):
    """Append one row; date cells get the Thai date format unless `number_formats` (by column
    index) says otherwise."""
    from openpyxl.cell import Cell  # deferred: see the module's docstring
    from openpyxl.styles import Alignment, Font

    cells = [Cell(sheet, value=xlsx_value(value)) for value in values]
    for index, cell in enumerate(cells):
        if cell.data_type == "f":  # openpyxl reads a leading "=" as a formula: keep it text
            cell.data_type = "s"
        if isinstance(cell.value, datetime.date):
            cell.number_format = (number_formats or {}).get(index) or date_number_format(cell.value)
        if bold:
            cell.font = Font(bold=True)
        if isinstance(cell.value, str) and "\n" in cell.value:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.append(cells)


def write_only_cells(sheet, values, *, bold=False):
    """One row's cells for a write-only sheet (an export of many rows, written as it is read):
    escaped as append_row() escapes, dates in the Thai format, amounts with two decimals."""
    from openpyxl.cell import WriteOnlyCell  # deferred: see the module's docstring
    from openpyxl.styles import Alignment, Font

    bold_font = Font(bold=True)
    cells = []
    for value in values:
        cell = WriteOnlyCell(sheet, value=xlsx_value(value))
        if cell.data_type == "f":  # openpyxl reads a leading "=" as a formula: keep it text
            cell.data_type = "s"
        if isinstance(cell.value, datetime.date):
            cell.number_format = date_number_format(cell.value)
        elif isinstance(cell.value, Decimal):
            cell.number_format = MONEY_FORMAT
        if bold:
            cell.font = bold_font
        if isinstance(cell.value, str) and "\n" in cell.value:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        cells.append(cell)
    return cells


def csv_value(value):
    """A CSV cell as officers read it on screen: Thai dates, amounts with two decimals (no
    thousands separator, so that a spreadsheet still reads a number), yes or no; escaped."""
    value = force_str(value, strings_only=True)
    if isinstance(value, datetime.datetime):
        value = format_datetime(value)
    elif isinstance(value, datetime.date):
        value = format_date(value)
    elif isinstance(value, Decimal):
        value = f"{value:.2f}"
    elif value is None:
        value = ""
    return escape_formula(value)


def set_column_widths(sheet, rows, *, bold_first=True):
    """Fit a (write-only) sheet's columns to `rows`, lists of values (the heading and a sample of
    the rows): to be called before its first row is written."""
    from openpyxl.utils import get_column_letter  # deferred: see the module's docstring

    widths = {}
    for index, row in enumerate(rows):
        for column, value in enumerate(row, start=1):
            width = max(text_width(line) for line in shown_text(value).split("\n"))
            if index == 0 and bold_first:
                width += 1
            widths[column] = max(widths.get(column, 0), width)
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = padded_width(width)


def padded_width(width: int) -> int:
    # Two characters of padding; Thai letters are a little wider than Excel's unit, the "0".
    return min(MAX_WIDTH, max(MIN_WIDTH, round(width * 1.1) + 2))


def text_width(text: str) -> int:
    """Characters a line takes on screen: Thai vowels and tone marks above or below a letter
    take none, East Asian wide characters two."""
    width = 0
    for character in text:
        if unicodedata.combining(character) or unicodedata.category(character) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(character) in ("W", "F") else 1
    return width


def shown_text(value) -> str:
    if isinstance(value, datetime.datetime):
        return format_datetime(value)
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return "" if value is None else str(value)


def fit_columns(sheet, *, from_row=1):
    """Set each column's width to its widest line from `from_row` on (the title lines above a
    table are left to overflow into the empty cells beside them)."""
    widths = {}
    for row in sheet.iter_rows(min_row=from_row):
        for cell in row:
            lines = shown_text(cell.value).split("\n")
            width = max(text_width(line) for line in lines)
            if cell.font and cell.font.bold:
                width += 1
            widths[cell.column_letter] = max(widths.get(cell.column_letter, 0), width)
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = padded_width(width)


def protect_wagtail_exports():
    """Give every CSV and XLSX export Wagtail's admin makes (the officers' request list, the
    access record, the site history, the page reports: all SpreadsheetExportMixin) the same
    escaping, its XLSX moments in Bangkok time instead of UTC, and its CSV a byte-order mark.
    Called once from BaseConfig.ready()."""
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "escapes_formulas", False):
        return
    original_stream_csv = SpreadsheetExportMixin.stream_csv

    def stream_csv(self, queryset):
        yield "\ufeff"
        yield from original_stream_csv(self, queryset)

    SpreadsheetExportMixin.stream_csv = stream_csv

    def preprocess_field_value(self, field, value, export_format):
        if (
            export_format == SpreadsheetExportMixin.FORMAT_XLSX
            and isinstance(value, datetime.datetime)
            and timezone.is_aware(value)
        ):
            value = timezone.make_naive(value, timezone.get_default_timezone())
        return escape_formula(original(self, field, value, export_format))

    preprocess_field_value.escapes_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
