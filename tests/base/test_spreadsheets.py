"""The one place export cells pass through: formula escaping, date cells, column widths."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone, translation

from wagtail.log_actions import log
from wagtail.models import Collection, ModelLogEntry

import openpyxl
import pytest

from base.spreadsheets import append_row, escape_formula, fit_columns, text_width
from tests.factories.accounts import SuperuserFactory


@pytest.mark.parametrize(
    "typed",
    ["=1+2", "+66812345678", "-2+3+cmd|' /C calc'!A0", "@SUM(A1:A9)", "\t=1", "\r=1", "-", "=", "-1+1"],
)
def test_text_that_starts_like_a_formula_gets_a_quote(typed):
    assert escape_formula(typed) == "'" + typed


@pytest.mark.parametrize("kept", [-3, -2.5, 0, "-3", "-2.5", "กรุณาแก้ไข", "a=b", "", None, "'=already"])
def test_numbers_and_ordinary_text_are_kept(kept):
    assert escape_formula(kept) == kept


def saved_and_read(workbook):
    output = io.BytesIO()
    workbook.save(output)
    return openpyxl.load_workbook(io.BytesIO(output.getvalue())).active


def test_append_row_writes_escaped_text_real_numbers_and_bangkok_dates():
    workbook = openpyxl.Workbook()
    moment = datetime.datetime(2025, 4, 1, 23, 30, tzinfo=datetime.UTC)  # 06:30 on 2 April in Bangkok
    with translation.override("th"):
        append_row(workbook.active, ['=HYPERLINK("x")', -4, moment, datetime.date(2025, 4, 8)])
    sheet = saved_and_read(workbook)
    text, number, when, day = sheet[1]
    assert (text.value, text.data_type) == ('\'=HYPERLINK("x")', "s")
    assert (number.value, number.data_type) == (-4, "n")
    assert when.value == datetime.datetime(2025, 4, 2, 6, 30)
    assert when.value == moment.astimezone(ZoneInfo("Asia/Bangkok")).replace(tzinfo=None)
    assert when.is_date and "yyyy" in when.number_format and "[$-107041E]" in when.number_format
    assert day.is_date and day.number_format == "[$-107041E]d mmm yyyy"


def test_english_exports_get_plain_date_formats():
    workbook = openpyxl.Workbook()
    with translation.override("en"):
        append_row(workbook.active, [datetime.date(2025, 4, 8)])
    assert workbook.active["A1"].number_format == "d mmm yyyy"


def test_thai_marks_take_no_width():
    assert text_width("นายสมชาย ใจดี") == 12  # ี above ด takes none
    assert text_width("ที่") == 1  # one letter with a vowel and a tone mark above it
    assert text_width("สำเนา") == 5  # SARA AM is a letter of its own


def test_columns_fit_the_widest_line_from_the_table_on():
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    append_row(sheet, ["สรุปรายงานคำขอรับบริการประจำเดือนเมษายน พ.ศ. 2568 ทั้งหมด"])  # a title line
    append_row(sheet, ["เลขที่คำขอ", "ข้อความ"], bold=True)
    append_row(sheet, ["1120250401", "บรรทัดแรก\nบรรทัดที่สองซึ่งยาวกว่าบรรทัดแรกมาก"])
    fit_columns(sheet, from_row=2)
    reference, message = sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width
    assert text_width("1120250401") + 2 <= reference < text_width("สรุปรายงานคำขอรับบริการ")
    assert message >= text_width("บรรทัดที่สองซึ่งยาวกว่าบรรทัดแรกมาก")
    assert sheet["B3"].alignment.wrap_text


@pytest.mark.django_db
def test_wagtails_own_exports_are_escaped_too(client):
    """The site history (and Wagtail's page reports) export through the same mixin."""
    administrator = SuperuserFactory()
    collection = Collection.get_first_root_node().add_child(name='=HYPERLINK("http://attacker.example")')
    log(instance=collection, action="wagtail.create", user=administrator)
    client.force_login(administrator)
    response = client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # so that Excel reads the Thai correctly
    _headings, *rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    labels = [row[1] for row in rows]
    assert '\'=HYPERLINK("http://attacker.example")' in labels
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for value in row)

    response = client.get(reverse("wagtailadmin_reports:site_history"), {"export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert '\'=HYPERLINK("http://attacker.example")' in [cell.value for cell in cells]
    moment = next(cell.value for cell in cells if isinstance(cell.value, datetime.datetime))
    entry = ModelLogEntry.objects.get(object_id=str(collection.pk))
    local = timezone.localtime(entry.timestamp).replace(tzinfo=None)
    assert abs(moment - local) < datetime.timedelta(seconds=1)  # Bangkok time, not UTC
