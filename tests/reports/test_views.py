"""The report page in the admin, its exports, and the due dates in the officers' request list."""

import datetime
import io

from django.urls import reverse

from wagtail.models import Collection

import openpyxl
import pytest
import wagtail_factories
from pypdf import PdfReader

from base.dates import format_date
from base.models import ClosureDay
from base.spreadsheets import text_width
from tests.factories.accounts import StaffFactory, SuperuserFactory
from tests.helpers import buddhist_era_hint, comparable, in_thai
from tests.reports.conftest import bangkok, make_request, officer_group
from tests.service_requests.helpers import frozen_at

pytestmark = pytest.mark.django_db

REPORT = reverse("service_requests_report")
REQUESTS = reverse("service_request_admin:index")
APRIL = {"start": "2025-04-01", "end": "2025-04-30"}
ON_2_MAY = bangkok(5, 2, 14)  # "today" of the seeded data


@pytest.fixture
def as_personnel(client, personnel_officer):
    client.force_login(personnel_officer)
    return client


def test_the_menu_item_is_shown_to_officers_only(client, personnel_officer):
    client.force_login(personnel_officer)
    assert REPORT in client.get(reverse("wagtailadmin_home")).content.decode()


def test_staff_who_handle_no_service_may_not_see_the_report(client, db):
    staff = StaffFactory()
    staff.groups.add(officer_group("บรรณาธิการ"))
    client.force_login(staff)
    assert REPORT not in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(REPORT)  # Wagtail turns the refusal into a redirect with a message
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))


def test_the_report_defaults_to_this_month(as_personnel):
    with frozen_at(ON_2_MAY):
        response = as_personnel.get(REPORT)
    assert response.status_code == 200
    report = response.context["report"]
    assert (report.start, report.end) == (datetime.date(2025, 5, 1), datetime.date(2025, 5, 31))


def test_the_report_page_shows_the_figures_chart_and_overdue_links(as_personnel, april):
    with frozen_at(ON_2_MAY):
        response = as_personnel.get(REPORT, APRIL)
    html = response.content.decode()
    assert response.context["times_table"]["totals"] == [in_thai("All services"), 5, 4, 7]
    assert "6.5" in html  # the median of service 12
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img"' in html
    assert f'<title id="report-chart-title">{in_thai("New requests per month by service")}</title>' in html
    for service_request in (april.h, april.j, april.f):
        url = reverse("service_request_admin:process", args=[service_request.pk])
        assert f'<a href="{url}">{service_request.reference}</a>' in html
    assert april.k.reference not in html  # another group's request
    assert format_date(datetime.date(2025, 4, 8)) in html  # H's due date, the Thai way


def test_an_end_before_the_start_is_refused(as_personnel):
    response = as_personnel.get(REPORT, {"start": "2025-04-30", "end": "2025-04-01"})
    assert response.status_code == 200
    assert "report" not in response.context
    assert response.context["form"].errors["end"]
    assert 'aria-describedby="id_end-errors"' in response.content.decode()


def test_a_period_typed_in_the_buddhist_era_is_refused_with_the_hint(as_personnel):
    with frozen_at(ON_2_MAY):
        response = as_personnel.get(REPORT, {"start": "2568-04-01", "end": "2568-04-30"})
    assert "report" not in response.context
    hint = buddhist_era_hint(2568)  # "... type the year in the Christian Era: 2025."
    assert response.context["form"].errors == {"start": [hint], "end": [hint]}
    assert "3111" not in response.content.decode()  # no report for the year 2568 + 543


def test_export_xlsx_holds_the_figures(as_personnel, april):
    with frozen_at(ON_2_MAY):
        response = as_personnel.get(REPORT, {**APRIL, "export": "xlsx"})
    assert response.status_code == 200
    assert 'filename="service-requests-report-20250401-20250430.xlsx"' in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    by_status, new, completed, times, overdue, _money = (
        list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets
    )
    # Submitted, in progress (F), returned (G), resubmitted (J), completed (A B C D M), cancelled (I).
    assert by_status[-1] == (in_thai("Total"), 0, 1, 1, 1, 5, 1, 9)
    assert new[-2][1:] == (5, 4, 9)  # April: 11, 12, all
    assert completed[-2][1:] == (3, 2, 5)
    assert times[-3:] == [
        (in_thai(april.a.service.name), 3, 2, 4),
        (in_thai(april.d.service.name), 2, 6.5, 7),
        (in_thai("All services"), 5, 4, 7),
    ]
    assert [row[0] for row in overdue[4:]] == [april.h.reference, april.j.reference, april.f.reference]
    assert overdue[4][-1] == 13


def test_export_xlsx_has_date_cells_and_fitted_columns(as_personnel, april):
    with frozen_at(ON_2_MAY):
        response = as_personnel.get(REPORT, {**APRIL, "export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    new, overdue = workbook.worksheets[1], workbook.worksheets[4]
    april_row = next(row for row in new.iter_rows(min_row=5) if row[0].is_date)
    assert april_row[0].value == datetime.datetime(2025, 4, 1)
    assert april_row[0].number_format == "[$-107041E]mmm yyyy"  # "เม.ย. 2568"
    assert overdue["B2"].value == datetime.datetime(2025, 5, 2) and overdue["B2"].is_date
    h = next(row for row in overdue.iter_rows(min_row=5) if row[0].value == april.h.reference)
    reference, _service, _status, submitted, due, days = h
    assert submitted.value == datetime.datetime(2025, 3, 31, 10, 0)  # Bangkok time, as submitted
    assert submitted.number_format == '[$-107041E]d mmm yyyy, hh:mm "น."'
    assert (due.value, due.number_format) == (datetime.datetime(2025, 4, 8), "[$-107041E]d mmm yyyy")
    assert days.value == 13
    for sheet in workbook.worksheets:
        for heading in sheet[4]:
            width = sheet.column_dimensions[heading.column_letter].width
            assert width is not None and width >= text_width(str(heading.value))


def test_export_pdf_is_a_pdf_with_the_title(as_personnel, april):
    with frozen_at(ON_2_MAY):
        response = as_personnel.get(REPORT, {**APRIL, "export": "pdf"})
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert comparable(in_thai("Service requests summary report")) in comparable(text)
    assert april.h.reference in text


# The 90th percentile in plain Thai: April's completions took 2, 4, 2, 7 and 6 working days.
PLAIN_PERCENTILE = (
    "ในช่วงเวลานี้ คำขออย่างน้อย 9 ใน 10 คำขอดำเนินการเรียบร้อยภายใน 7 วันทำการ "
    "และครึ่งหนึ่งดำเนินการเรียบร้อยภายใน 4 วันทำการ"
)
HOW_TO_READ = "เปอร์เซ็นไทล์ที่ 90 คือ จำนวนวันทำการที่คำขออย่างน้อย 9 ใน 10 คำขอดำเนินการเรียบร้อย"


def test_the_page_explains_the_percentile_in_plain_thai(as_personnel, april):
    with frozen_at(ON_2_MAY):
        html = as_personnel.get(REPORT, APRIL).content.decode()
    assert HOW_TO_READ in html
    assert PLAIN_PERCENTILE in html


def test_no_example_sentence_when_nothing_was_completed(as_personnel, april):
    with frozen_at(ON_2_MAY):
        html = as_personnel.get(REPORT, {"start": "2025-06-01", "end": "2025-06-30"}).content.decode()
    assert HOW_TO_READ in html
    assert "คำขออย่างน้อย 9 ใน 10 คำขอดำเนินการเรียบร้อยภายใน" not in html.split(HOW_TO_READ)[1]


def test_export_pdf_has_the_office_letterhead_and_the_plain_explanation(as_personnel, april, page_tree):
    office = page_tree.office
    office.logo = wagtail_factories.ImageFactory(collection=Collection.get_first_root_node())
    office.save()
    with frozen_at(ON_2_MAY):
        response = as_personnel.get(REPORT, {**APRIL, "export": "pdf"})
    reader = PdfReader(io.BytesIO(response.content))
    first_page = comparable(reader.pages[0].extract_text())
    assert comparable(office.name_th) in first_page
    assert comparable(office.address_th) in first_page
    images = [
        item.get_object()
        for item in reader.pages[0]["/Resources"].get("/XObject", {}).values()
        if item.get_object()["/Subtype"] == "/Image"
    ]
    assert images  # the logo
    text = comparable("".join(page.extract_text() for page in reader.pages))
    assert comparable(PLAIN_PERCENTILE) in text
    assert comparable(HOW_TO_READ) in text


# The officers' request list


def test_the_request_list_shows_due_dates_and_overdue_flags(as_personnel, april):
    with frozen_at(ON_2_MAY):
        html = as_personnel.get(REQUESTS).content.decode()
    assert in_thai("Due") in html
    assert f'<time datetime="2025-04-08">{format_date(datetime.date(2025, 4, 8))}</time>' in html
    assert f'<time datetime="2025-05-09">{format_date(datetime.date(2025, 5, 9))}</time>' in html  # G
    assert "13" in html


def test_the_request_list_export_carries_due_dates_and_working_days_overdue(as_personnel, april):
    with frozen_at(ON_2_MAY):
        response = as_personnel.get(REQUESTS, {"export": "xlsx"})
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    headings, *rows = list(workbook.active.iter_rows(values_only=True))
    due, overdue = headings.index(in_thai("Due")), headings.index(in_thai("Working days overdue"))
    by_reference = {row[0]: (row[due], row[overdue]) for row in rows}
    # Due dates are date cells (openpyxl reads them back as midnight).
    assert by_reference[april.h.reference] == (datetime.datetime(2025, 4, 8), 13)
    assert by_reference[april.g.reference] == (datetime.datetime(2025, 5, 9), 0)
    assert {reference for reference, (_due, late) in by_reference.items() if late} == {
        april.h.reference,
        april.j.reference,
        april.f.reference,
    }


def test_the_overdue_filter(as_personnel, april):
    def listed(value):
        with frozen_at(ON_2_MAY):
            response = as_personnel.get(REQUESTS, {"overdue": value})
        return {service_request.reference for service_request in response.context["object_list"]}

    overdue = {april.h.reference, april.j.reference, april.f.reference}
    assert listed("yes") == overdue
    visible = {r.reference for r in (april.a, april.b, april.c, april.d, april.e, april.f)}
    visible |= {r.reference for r in (april.g, april.h, april.i, april.j, april.m)}
    assert listed("no") == visible - overdue
    assert listed("") == visible


# Closure days (Settings)


def test_an_administrator_adds_a_closure_day_that_moves_due_dates(client, april):
    client.force_login(SuperuserFactory())
    response = client.post(reverse("closure_days:add"), {"date": "2025-04-30", "reason": "ปิดสำนักงานย้ายอาคาร"})
    assert response.status_code == 302
    assert ClosureDay.objects.filter(date=datetime.date(2025, 4, 30)).exists()
    with frozen_at(ON_2_MAY):
        html = client.get(REQUESTS, {"overdue": "yes"}).content.decode()
    # F was due 30 April; now that day is closed it is due 2 May, and not yet overdue.
    assert april.f.reference not in html
    assert april.h.reference in html


def test_officers_do_not_manage_closure_days(as_personnel):
    response = as_personnel.get(reverse("closure_days:index"))
    assert response.status_code == 302  # Wagtail's "permission denied" redirect


def test_the_report_page_costs_the_same_for_few_and_for_50_more_requests(
    as_personnel, april, django_assert_max_num_queries
):
    def count():
        with frozen_at(ON_2_MAY), django_assert_max_num_queries(50) as captured:
            response = as_personnel.get(REPORT, APRIL)
        assert response.status_code == 200
        return len(captured), response.content.decode()

    few, _html = count()
    added = [make_request("12", bangkok(4, 1 + day % 28, 9, day)) for day in range(50)]
    many, html = count()
    assert added[-1].reference in html  # listed among the overdue requests
    assert many == few


def test_the_page_lists_the_fifty_most_overdue_and_the_downloads_hold_them_all(as_personnel, db):
    # 52 requests still "submitted" on 2 May, each submitted a day earlier than the one before.
    for days_back in range(52):
        make_request("11", bangkok(3, 1, 10) - datetime.timedelta(days=days_back))
    with frozen_at(ON_2_MAY):
        html = as_personnel.get(REPORT, APRIL).content.decode()
        workbook = openpyxl.load_workbook(
            io.BytesIO(as_personnel.get(REPORT, {**APRIL, "export": "xlsx"}).content)
        )

    listed = html.split('id="report-overdue"')[1]
    assert listed.count("<tr>") == 1 + 50  # the heading row and the 50 most overdue
    note = in_thai(
        "The %(shown)s most overdue of %(count)s are shown. All of them are in the downloads and in "
        '<a href="%(url)s">the request list, filtered to those overdue</a>.'
    ) % {"shown": 50, "count": 52, "url": f"{REQUESTS}?overdue=yes"}
    assert comparable(note) in comparable(listed)
    overdue_sheet = workbook.worksheets[4]  # then the money received
    references = [row[0] for row in overdue_sheet.iter_rows(values_only=True) if str(row[0]).startswith("11")]
    assert len(references) == 52
