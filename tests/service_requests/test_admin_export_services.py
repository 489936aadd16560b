"""The officers' export with each service's own fields: when the list holds one service (ticked in
the filter, or the officer's only one), its details model's fields follow the shared columns, as
real cells (amounts as numbers, times as dates in the Buddhist Era); the filters, the search and a
selection of requests decide which rows are exported."""

import csv
import io

from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst

import openpyxl
import pytest

from service_requests.catalogue import get_service
from service_requests.models import AccessKind, RequestAccess, ServiceRequest
from service_requests.viewsets import ServiceRequestViewSet
from service_requests.workflow import RequestStatus
from tests.factories.service_requests import ServiceRequestFactory
from tests.helpers import in_thai
from tests.service_requests.test_seventh_service import CODE as SEVENTH_CODE
from tests.service_requests.test_seventh_service import LIBRARY, seventh_service  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

INDEX = reverse("service_request_admin:index")
SHARED = len(ServiceRequestViewSet.list_export)
THAI_DATETIME = '[$-107041E]d mmm yyyy, hh:mm "น."'


def label(msgid) -> str:
    """A model field's verbose name as the Thai heading of its column."""
    return capfirst(in_thai(msgid))


def downloaded(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def xlsx_rows(client, **query):
    sheet = openpyxl.load_workbook(
        io.BytesIO(downloaded(client.get(INDEX, {"export": "xlsx", **query})))
    ).active
    return sheet, list(sheet.iter_rows())


def csv_rows(client, **query):
    text = downloaded(client.get(INDEX, {"export": "csv", **query})).decode("utf-8").removeprefix("\ufeff")
    return list(csv.reader(io.StringIO(text, newline="")))


def by_heading(headings, row):
    return dict(zip(headings, row, strict=True))


@pytest.fixture
def as_superuser(client, superuser):
    client.force_login(superuser)
    return client


def test_an_order_export_adds_the_school_and_the_amounts_as_number_cells(as_superuser, submit):
    order = submit("41")
    submit("11")  # another service: not in the export of orders
    details = get_service("41").details_model.objects.get(request=order)

    sheet, rows = xlsx_rows(as_superuser, service_code="41")
    headings = [cell.value for cell in rows[0]]
    assert headings[SHARED:] == [
        label(msgid)
        for msgid in (
            "school",
            "other affiliation (please specify)",
            "delivery address",
            "total (baht)",
            "shipping (baht)",
            "grand total (baht)",
        )
    ]
    assert len(rows) == 2 and rows[1][0].value == order.reference
    cells = by_heading(headings, rows[1])
    assert cells[label("school")].value == "โรงเรียนบ้านหนองบัว"
    grand_total = cells[label("grand total (baht)")]
    assert grand_total.data_type == "n" and grand_total.number_format == "#,##0.00"
    assert grand_total.value == pytest.approx(float(details.grand_total))
    # Every heading fits its column; the header row stays in view when scrolling.
    for cell in rows[0]:
        assert sheet.column_dimensions[cell.column_letter].width >= len(cell.value)
    assert sheet.freeze_panes == "A2"

    csv_headings, csv_row = csv_rows(as_superuser, service_code="41")
    assert csv_headings == headings
    assert by_heading(csv_headings, csv_row)[label("grand total (baht)")] == f"{details.grand_total:.2f}"


def test_a_booking_export_adds_the_room_and_the_time_as_date_cells(as_superuser, submit):
    booking = submit("31")
    details = get_service("31").details_model.objects.select_related("room").get(request=booking)

    _sheet, rows = xlsx_rows(as_superuser, service_code="31")
    headings = [cell.value for cell in rows[0]]
    cells = by_heading(headings, rows[1])
    assert "holds_slot" not in " ".join(headings)  # bookkeeping stays out
    assert cells[label("room")].value.startswith("ห้องประชุมพญาแล")
    starts = cells[label("booked from")]
    assert starts.is_date and starts.number_format == THAI_DATETIME
    assert starts.value == timezone.localtime(details.starts_at).replace(tzinfo=None)
    assert cells[label("number of attendees")].value == 20

    csv_headings, csv_row = csv_rows(as_superuser, service_code="31")
    row = by_heading(csv_headings, csv_row)
    assert row[label("booked from")].endswith("09:00 น.")
    assert (
        "2568" in row[label("booked from")] or str(details.starts_at.year + 543) in row[label("booked from")]
    )


def test_an_appointment_export_adds_the_executive_and_the_time(client, officer_for, submit):
    appointment = submit("32")
    client.force_login(officer_for("32"))  # the officer's only service: no filter needed
    details = get_service("32").details_model.objects.get(request=appointment)

    _sheet, rows = xlsx_rows(client)
    headings = [cell.value for cell in rows[0]]
    cells = by_heading(headings, rows[1])
    assert cells[label("executive to meet")].value.startswith("นายประเสริฐ บุญมา")
    moment = cells[label("date and time")]
    assert moment.is_date and moment.number_format == THAI_DATETIME
    assert moment.value == timezone.localtime(details.starts_at).replace(tzinfo=None)
    assert label("until") not in headings  # the end is bookkeeping: 30 minutes after the start


def test_a_list_of_several_services_has_the_shared_columns_only(as_superuser, submit):
    submit("11")
    submit("41")

    headings, *rows = csv_rows(as_superuser)
    two_ticked, *_rows = csv_rows(as_superuser, service_code=["11", "41"])

    assert len(headings) == SHARED and len(rows) == 2
    assert two_ticked == headings


def test_a_service_added_to_the_catalogue_gets_its_columns_with_no_code_of_its_own(
    client,
    officer_for,
    seventh_service,  # noqa: F811
):
    ServiceRequestFactory(service_code=SEVENTH_CODE)
    client.force_login(officer_for(SEVENTH_CODE))

    _sheet, rows = xlsx_rows(client)

    headings = [cell.value for cell in rows[0]]
    assert headings[SHARED:] == ["ห้องสมุด", "ประเภทบัตร"]
    assert [cell.value for cell in rows[1][SHARED:]] == [LIBRARY, "บัตรยืมหนังสือ"]


def test_service_fields_are_escaped_against_formulas(as_superuser, submit):
    order = submit("41")
    get_service("41").details_model.objects.filter(request=order).update(
        school='=HYPERLINK("http://attacker.example/","โรงเรียน")', affiliation_other="@SUM(1+1)"
    )

    _sheet, rows = xlsx_rows(as_superuser, service_code="41")
    csv_headings, csv_row = csv_rows(as_superuser, service_code="41")

    cells = by_heading([cell.value for cell in rows[0]], rows[1])
    school = cells[label("school")]
    assert (school.value, school.data_type) == ('\'=HYPERLINK("http://attacker.example/","โรงเรียน")', "s")
    assert cells[label("other affiliation (please specify)")].value == "'@SUM(1+1)"
    row = by_heading(csv_headings, csv_row)
    assert (
        row[label("school")].startswith("'=")
        and row[label("other affiliation (please specify)")] == "'@SUM(1+1)"
    )


# Which rows: the filters, the search and the selection, as on screen.


@pytest.fixture
def personnel_requests(as_officer, submit, request_in, user, other_applicant):
    """Four requests of the personnel group's services (11, 12) and one of finance (21)."""
    return {
        "card": submit("11"),
        "returned_card": request_in(RequestStatus.RETURNED, "11"),
        "other_card": submit("11", applicant=other_applicant),
        "certificate": submit("12"),
        "finance": submit("21"),
    }


def exported_references(client, export_format="csv", **query):
    if export_format == "csv":
        _headings, *rows = csv_rows(client, **query)
        return {row[0] for row in rows}
    _sheet, rows = xlsx_rows(client, **query)
    return {row[0].value for row in rows[1:]}


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_export_holds_the_filtered_and_searched_list(as_officer, personnel_requests, export_format):
    requests = personnel_requests
    references = {name: service_request.reference for name, service_request in requests.items()}

    assert exported_references(as_officer, export_format) == {
        references[name] for name in ("card", "returned_card", "other_card", "certificate")
    }
    assert exported_references(as_officer, export_format, status=RequestStatus.RETURNED) == {
        references["returned_card"]
    }
    assert exported_references(as_officer, export_format, service_code="12") == {references["certificate"]}
    assert exported_references(as_officer, export_format, q="สมชาย") == {references["other_card"]}
    assert exported_references(as_officer, export_format, q=references["certificate"]) == {
        references["certificate"]
    }


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_the_export_of_a_selection_holds_the_selected_requests_only(
    as_officer, personnel_officer, personnel_requests, export_format
):
    requests = personnel_requests
    chosen = [requests["card"].pk, requests["certificate"].pk, requests["finance"].pk]

    references = exported_references(as_officer, export_format, id=[str(pk) for pk in chosen])
    filtered = exported_references(
        as_officer, export_format, id=[str(pk) for pk in chosen], service_code="11"
    )
    everything = exported_references(as_officer, export_format, id="all")

    # Another group's request cannot be selected into the export.
    assert references == {requests["card"].reference, requests["certificate"].reference}
    assert filtered == {requests["card"].reference}
    assert len(everything) == 4
    recorded = RequestAccess.objects.filter(officer=personnel_officer, kind=AccessKind.EXPORTED)
    assert not recorded.filter(request=requests["finance"]).exists()
    assert recorded.filter(request=requests["card"]).values_list("list_size", flat=True).first() == 2


def test_the_selection_path_is_the_list_s_own_address(as_officer, personnel_requests):
    """What a bulk action links to: the list's URL with export and the selected ids."""
    selected = personnel_requests["card"]
    url = f"{INDEX}?export=xlsx&id={selected.pk}"

    response = as_officer.get(url)

    assert response["Content-Disposition"].startswith("attachment")
    workbook = openpyxl.load_workbook(io.BytesIO(downloaded(response)))
    assert [row[0].value for row in workbook.active.iter_rows(min_row=2)] == [selected.reference]
    assert ServiceRequest.objects.count() == 5  # nothing else happened
