"""The access record (issue 11, items 1 and 2): every staff read of a request's personal data is
recorded where the data leaves the server, one row per request and view, and the applicant sees
who looked at their request, when and what for; officers see the same list on the process page."""

import csv
import io

from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.db.models import Model
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views.generic import View

from wagtail import hooks

import openpyxl
import pytest

from service_requests.models import AccessKind, ReplacedAttachment, RequestAccess, ServiceRequest
from service_requests.viewsets import DOCUMENTS_HOOK, ServiceRequestViewSet
from tests.factories.service_requests import attach_reply, pdf_bytes
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

INDEX = reverse("service_request_admin:index")
ACCESS_TABLE = RequestAccess._meta.db_table


def access_inserts(queries) -> int:
    return sum(1 for query in queries if query["sql"].startswith(f'INSERT INTO "{ACCESS_TABLE}"'))


# URLs taking a request: discovered from the URL configuration, never listed by hand.


def walk(patterns, namespace="", arguments=frozenset()):
    """(URL name, its pattern, every argument of its route) of the whole URL configuration."""
    for pattern in patterns:
        found = arguments | set(pattern.pattern.regex.groupindex)
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, inner, found)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}", pattern, found


def model_of(callback):
    """The model a class-based view (or a Wagtail viewset's page) works on, if any."""
    view_class = getattr(callback, "view_class", None)
    if view_class is None:
        return None
    return getattr(callback, "view_initkwargs", {}).get("model") or getattr(view_class, "model", None)


def part_of_a_request(model) -> bool:
    """A request, or a row that belongs to one (a service's details, an attachment, a line of its
    history): not the access record itself, which holds no applicant's data."""
    if not (isinstance(model, type) and issubclass(model, Model)) or model is RequestAccess:
        return False
    field = next((field for field in model._meta.get_fields() if field.name == "request"), None)
    return model is ServiceRequest or getattr(field, "related_model", None) is ServiceRequest


def request_urls():
    """{URL name: (its arguments, its model)} of every URL of a request: its route takes a
    request's reference, or the pk of a view of a request or of a row of one (the officers'
    viewset, the pages other apps add to it, any viewset of a service's details)."""
    found = {}
    for name, pattern, arguments in walk(get_resolver().url_patterns):
        model = model_of(pattern.callback)
        if "reference" in arguments or ("pk" in arguments and part_of_a_request(model)):
            found[name] = (arguments, model)
    return found


def argument_values(service_request, model) -> dict:
    """What to pass a URL of this request: its reference, the pk of the request or of its row."""
    if model is None or model is ServiceRequest:
        pk = service_request.pk
    else:
        row = model.objects.filter(request=service_request).first()
        assert row is not None, f"the test request has no {model.__name__}: teach the test to make one"
        pk = row.pk
    attachment = service_request.attachments.first()
    replaced = ReplacedAttachment.objects.filter(round__request=service_request).first()
    return {
        "pk": pk,
        "reference": service_request.reference,
        "attachment_id": attachment.pk,
        "replaced_id": replaced.pk if replaced else 0,
        # A transfer slip (payments): this request pays nothing, so 404; tests/payments checks
        # that an officer's download of an order's slip is recorded.
        "slip_id": 0,
        "action": "confirm",  # a payment's move: posted only, a GET goes to the process page
    }


def test_the_discovery_finds_the_officers_pages_and_the_downloads():
    """A guard on the discovery itself: it sees the pages officers open today."""
    names = set(request_urls())
    assert {
        "service_request_admin:process",
        "service_request_admin:cancel",
        "service_request_admin:history",
        "service_request_admin:print_pdf",
        "service_request_admin:bundle",
        "service_requests:attachment",
        "service_requests:replaced_attachment",
        "service_requests:reply_file",
    } <= names


def test_the_request_viewset_refuses_a_page_that_would_not_record():
    """Another app's page of a request (register_service_request_documents) must record its reads."""

    class ForgetfulView(View):
        pass

    with (
        hooks.register_temporarily(DOCUMENTS_HOOK, lambda: {"forgetful": ForgetfulView}),
        pytest.raises(ImproperlyConfigured, match="forgetful"),
    ):
        ServiceRequestViewSet().get_urlpatterns()


@pytest.fixture
def filed(submit, page_tree):
    """The applicant's ID-card request with their two attachments and the officer's reply file."""
    return attach_reply(submit("11"), pdf_bytes(size=2048))


def test_every_page_that_shows_a_request_to_an_officer_records_exactly_one_access(client, filed, officer_for):
    officer = officer_for("11")
    client.force_login(officer)
    shown = []
    for name, (arguments, model) in sorted(request_urls().items()):
        values = argument_values(filed, model)
        unknown = arguments - set(values)
        assert not unknown, f"{name}: teach this test what to pass as {unknown}"
        url = reverse(name, kwargs={argument: values[argument] for argument in arguments})
        before = RequestAccess.objects.count()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            if response.streaming:
                b"".join(response.streaming_content)
        recorded = list(RequestAccess.objects.order_by("pk")[before:])
        if response.status_code == 200:
            shown.append(name)
            assert len(recorded) == 1, f"{name} showed the request and recorded {len(recorded)} accesses"
            assert recorded[0].request_id == filed.pk
            assert recorded[0].officer == officer
            assert access_inserts(queries) == 1, name
        else:
            # Refused, redirected or not the officer's page (the applicant's own): nothing shown.
            assert response.status_code in (302, 403, 404), (name, response.status_code)
            assert recorded == [], f"{name} answered {response.status_code} and recorded an access"
    assert "service_request_admin:process" in shown
    assert "service_requests:attachment" in shown


def test_an_officer_of_another_service_gets_404_and_nothing_is_recorded(client, filed, officer_for):
    client.force_login(officer_for("21"))
    for name in ("service_request_admin:process", "service_request_admin:print_pdf"):
        assert client.get(reverse(name, args=[filed.pk])).status_code == 404
    assert client.get(reverse("service_requests:reply_file", args=[filed.reference])).status_code == 404
    assert not RequestAccess.objects.exists()


def test_the_applicants_own_reads_are_not_recorded(client, user, filed):
    client.force_login(user)
    attachment = filed.attachments.first()
    assert (
        client.get(reverse("service_requests:attachment", args=[filed.reference, attachment.pk])).status_code
        == 200
    )
    assert client.get(reverse("service_requests:reply_file", args=[filed.reference])).status_code == 200
    assert client.get(reverse("service_requests:detail", args=[filed.reference])).status_code == 200
    assert not RequestAccess.objects.exists()


# Exports and searches: one row per request, in one insert.


@pytest.fixture
def three_requests(submit, other_applicant, page_tree):
    return [submit("11"), submit("11"), submit("11", applicant=other_applicant)]


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_export_records_each_request_it_holds_in_one_insert(
    client, officer_for, three_requests, export_format
):
    client.force_login(officer_for("11"))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(INDEX, {"export": export_format})
        body = b"".join(response.streaming_content) if response.streaming else response.content
    assert response.status_code == 200 and body
    assert access_inserts(queries) == 1
    rows = RequestAccess.objects.order_by("request_id")
    assert [row.request_id for row in rows] == sorted(request.pk for request in three_requests)
    assert {(row.kind, row.detail, row.list_size) for row in rows} == {
        (AccessKind.EXPORTED, export_format, 3)
    }


def test_searching_a_citizen_id_records_each_request_found(client, officer_for, user, three_requests):
    client.force_login(officer_for("11"))
    dashed = f"{user.citizen_id[0]}-{user.citizen_id[1:5]}-{user.citizen_id[5:10]}-{user.citizen_id[10:12]}-{user.citizen_id[12]}"
    response = client.get(INDEX, {"q": dashed})
    assert response.status_code == 200
    found = set(RequestAccess.objects.values_list("request_id", "kind"))
    assert found == {(three_requests[0].pk, AccessKind.SEARCHED), (three_requests[1].pk, AccessKind.SEARCHED)}


def test_browsing_and_searching_by_name_record_nothing(client, officer_for, user, three_requests):
    client.force_login(officer_for("11"))
    assert client.get(INDEX).status_code == 200
    assert client.get(INDEX, {"q": user.first_name}).status_code == 200
    assert client.get(INDEX, {"q": three_requests[0].reference}).status_code == 200
    assert not RequestAccess.objects.exists()


# What people see.


def test_the_applicant_sees_who_opened_their_request_and_what_for(client, user, filed, officer_for):
    officer = officer_for("11", first_name="มานี", last_name="ตรวจดี")
    client.force_login(officer)
    attachment = filed.attachments.get(slot="id_card_copy")
    client.get(reverse("service_request_admin:process", args=[filed.pk]))
    client.get(reverse("service_requests:attachment", args=[filed.reference, attachment.pk]))
    client.get(reverse("service_request_admin:print_pdf", args=[filed.pk]))
    client.get(INDEX, {"export": "csv"})

    client.force_login(user)
    page = client.get(reverse("service_requests:detail", args=[filed.reference])).content.decode()
    assert "การเข้าถึงข้อมูลของท่าน" in page
    section = page[page.index("การเข้าถึงข้อมูลของท่าน") :]
    assert section.count("มานี ตรวจดี") == 4
    assert "เจ้าหน้าที่บริการ 11" in section  # the officer's group
    assert "เปิดดูคำขอ (หน้าดำเนินการ)" in section
    assert f"ดาวน์โหลดไฟล์แนบ: {in_thai('Copy of the national ID card')}" in section
    assert "พิมพ์คำขอ" in section
    assert "ส่งออกในรายการคำขอ 1 รายการ (CSV)" in section
    assert "พ.ศ." in section or "25" in section  # Buddhist Era dates (the year 25xx)


def test_the_empty_record_says_so(client, user, filed):
    client.force_login(user)
    page = client.get(reverse("service_requests:detail", args=[filed.reference])).content.decode()
    assert "ยังไม่มีเจ้าหน้าที่เข้าถึงข้อมูลส่วนบุคคลของคำขอนี้" in page


def test_an_applicant_sees_only_their_own_requests_accesses(
    client, user, other_applicant, submit, filed, officer_for
):
    officer = officer_for("11", first_name="มานี", last_name="ตรวจดี")
    client.force_login(officer)
    client.get(reverse("service_request_admin:process", args=[filed.pk]))

    theirs = submit("11", applicant=other_applicant)
    client.force_login(other_applicant)
    assert client.get(reverse("service_requests:detail", args=[filed.reference])).status_code == 404
    page = client.get(reverse("service_requests:detail", args=[theirs.reference])).content.decode()
    assert "มานี ตรวจดี" not in page
    assert "ยังไม่มีเจ้าหน้าที่เข้าถึงข้อมูลส่วนบุคคลของคำขอนี้" in page


def test_officers_see_the_record_on_the_process_page(client, filed, officer_for):
    first = officer_for("11", first_name="มานี", last_name="ตรวจดี")
    client.force_login(first)
    client.get(reverse("service_request_admin:bundle", args=[filed.pk]))
    client.force_login(officer_for("11"))
    page = client.get(reverse("service_request_admin:process", args=[filed.pk])).content.decode()
    assert "การเข้าถึงข้อมูลของผู้ยื่นคำขอ" in page
    assert "มานี ตรวจดี" in page
    assert "พิมพ์คำขอพร้อมเอกสารแนบ" in page


def test_the_officers_name_and_groups_are_kept_as_they_were(client, user, filed, officer_for):
    officer = officer_for("11", first_name="มานี", last_name="ตรวจดี")
    client.force_login(officer)
    client.get(reverse("service_request_admin:process", args=[filed.pk]))
    officer.groups.clear()
    officer.delete()
    client.force_login(user)
    page = client.get(reverse("service_requests:detail", args=[filed.reference])).content.decode()
    assert "มานี ตรวจดี" in page and "เจ้าหน้าที่บริการ 11" in page


# The administrator's export of the whole record.

RECORD = reverse("request_accesses:index")


@pytest.fixture
def recorded(client, filed, officer_for):
    officer = officer_for("11", title="", first_name="=HYPERLINK(1)", last_name="ตรวจดี")
    client.force_login(officer)
    client.get(reverse("service_request_admin:process", args=[filed.pk]))
    client.get(reverse("service_requests:reply_file", args=[filed.reference]))
    client.logout()
    return officer


def exported_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # opens in Excel with its Thai intact, as the request list does
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_an_administrator_exports_the_record_as_csv_in_thai(client, superuser, filed, recorded):
    client.force_login(superuser)
    response = client.get(RECORD, {"export": "csv"})
    assert response.status_code == 200
    heading, *rows = exported_rows(response)
    assert heading == [
        "วันเวลา",
        "รหัสอ้างอิง",
        "บริการ",
        "เจ้าหน้าที่",
        "กลุ่มของเจ้าหน้าที่",
        "ประเภทการเข้าถึง",
        "การดำเนินการ",
    ]
    assert len(rows) == 2
    assert all(row[1] == filed.reference for row in rows)
    # What an officer's name holds never runs as a formula in a spreadsheet.
    assert all(row[3].startswith("'=HYPERLINK") for row in rows)
    assert [row[5] for row in rows] == ["ดาวน์โหลดไฟล์ตอบกลับ", "เปิดดูคำขอ"]


def test_the_record_is_filtered_by_period(client, superuser, recorded):
    RequestAccess.objects.filter(kind=AccessKind.VIEWED).update(accessed_at="2025-01-15T10:00:00+07:00")
    client.force_login(superuser)
    response = client.get(
        RECORD, {"export": "csv", "accessed_at_from": "2025-01-01", "accessed_at_to": "2025-01-15"}
    )
    _heading, *rows = exported_rows(response)
    assert [row[5] for row in rows] == ["เปิดดูคำขอ"]


def test_the_record_is_for_administrators_and_groups_given_the_permission(client, recorded, officer_for):
    officer = officer_for("11")
    client.force_login(officer)
    assert client.get(RECORD).status_code in (302, 403)
    group = officer.groups.get()
    group.permissions.add(
        group.permissions.model.objects.get(
            content_type__app_label="service_requests", codename="view_requestaccess"
        )
    )
    officer = type(officer).objects.get(pk=officer.pk)  # permissions are cached per user object
    client.force_login(officer)
    response = client.get(RECORD)
    assert response.status_code == 200
    assert "ตรวจดี" in response.content.decode()


def test_the_xlsx_export_of_the_list_is_still_a_workbook(client, officer_for, three_requests):
    client.force_login(officer_for("11"))
    response = client.get(INDEX, {"export": "xlsx"})
    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    assert workbook.active.max_row == 4


def test_administrators_find_the_record_under_reports(client, superuser, filed, recorded):
    client.force_login(superuser)
    assert RECORD in client.get(reverse("wagtailadmin_home")).content.decode()
    page = client.get(RECORD).content.decode()
    assert "บันทึกการเข้าถึงข้อมูล" in page
    assert filed.reference in page and "เปิดดูคำขอ (หน้าดำเนินการ)" in page


def test_an_export_of_one_request_reads_well_in_english(client, user, filed, officer_for):
    client.force_login(officer_for("11"))
    client.get(INDEX, {"export": "csv"})
    client.force_login(user)
    page = client.get(f"/en{reverse('service_requests:detail', args=[filed.reference])}").content.decode()
    assert "exported it in a list of 1 request (CSV)" in page
    assert "1 requests" not in page
