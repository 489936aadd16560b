"""A service an office built in Wagtail (service_forms) works like the built-in six: the catalogue
finds it, applicants file it with its own fields, officers list, filter, export and correct it, and
each request keeps the form version it was made with."""

import csv
import datetime
import io
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import openpyxl
import pytest

from base.dates import format_date
from base.working_days import WorkingCalendar, bangkok_date
from service_requests import actions, due_dates
from service_requests.catalogue import all_services, get_service, service_choices
from service_requests.catalogue.configured import ConfiguredDetails, forget_configured_services
from service_requests.corrections import snapshot
from service_requests.forms import RequestForms
from service_requests.workflow import RequestStatus, Role
from tests.factories.service_forms import EVERY_FIELD, publish_version
from tests.factories.service_pages import ConfiguredServicePageFactory
from tests.factories.service_requests import contact_of, details_for, form_data
from tests.helpers import comparable
from tests.printing.conftest import pdf_text

pytestmark = pytest.mark.django_db

CODE = "13"
INDEX = reverse("service_request_admin:index")


@pytest.fixture
def page(page_tree):
    """The service's live page (its form is the JSON below, not the page's blocks)."""
    return ConfiguredServicePageFactory(parent=page_tree.services)


@pytest.fixture
def version(page):
    return publish_version(CODE, page=page)


def answers_of(service_request):
    return ConfiguredDetails.objects.get(request=service_request).answers


def test_a_published_service_is_in_the_catalogue_beside_the_built_in_six(version):
    service = get_service(CODE)
    assert service.name == "สำเนา ก.พ.7"
    assert service.accepts_requests
    assert [slot.name for slot in service.attachment_slots] == ["id_card_copy", "other_1"]
    assert [slot.required for slot in service.attachment_slots] == [True, False]
    assert (CODE, "สำเนา ก.พ.7") in service_choices()
    assert [service.code for service in all_services()][-1] == CODE


ENGLISH = {
    "title_en": "Copy of the personnel record (Kor.Por.7)",
    "short_name_en": "Kor.Por.7 copy",
    "form_note_en": "Civil servants of the office only.",
}


def test_its_name_and_form_title_are_english_on_english_pages_and_thai_otherwise(page, submit, client, user):
    publish_version(CODE, page=page, english=ENGLISH)
    service_request = submit(CODE)
    service = get_service(CODE)
    client.force_login(user)

    with translation.override("en"):
        assert (str(service.name), str(service.form_title)) == (
            "Kor.Por.7 copy",
            "Copy of the personnel record (Kor.Por.7)",
        )
        assert (CODE, "Kor.Por.7 copy") in service_choices()
        my_requests = client.get(reverse("service_requests:my_requests")).content.decode()
        detail = client.get(reverse("service_requests:detail", args=[service_request.reference]))
    assert "Kor.Por.7 copy" in my_requests and "สำเนา ก.พ.7" not in my_requests
    assert "Copy of the personnel record (Kor.Por.7)" in detail.content.decode()
    assert (str(service.name), str(service.form_title)) == ("สำเนา ก.พ.7", "ขอสำเนาทะเบียนประวัติ (ก.พ.7)")
    assert "สำเนา ก.พ.7" in client.get(reverse("service_requests:my_requests")).content.decode()


def test_without_english_texts_english_pages_name_it_in_thai(version):
    with translation.override("en"):
        assert str(get_service(CODE).name) == "สำเนา ก.พ.7"
        assert str(get_service(CODE).form_title) == "ขอสำเนาทะเบียนประวัติ (ก.พ.7)"


def test_a_service_without_a_published_version_is_not_found(page):
    with pytest.raises(KeyError):
        get_service(CODE)
    assert not page.service.accepts_requests


def test_unpublishing_the_page_stops_new_requests_and_the_filed_ones_go_on(version, page, submit, user):
    filed = submit(CODE)
    page.unpublish()
    assert not get_service(CODE).accepts_requests
    assert get_service(CODE).name == "สำเนา ก.พ.7"  # the filed requests still name their service
    with pytest.raises(PermissionDenied):
        submit(CODE)
    actions.edit_request(
        actor=user, service_request=filed, contact=contact_of(user), details=details_for(CODE), attachments={}
    )


def test_an_applicant_files_it_and_the_answers_are_kept_as_typed(version, submit):
    service_request = submit(CODE)
    assert service_request.reference.startswith(CODE) or f"-{CODE}" in service_request.reference
    details = ConfiguredDetails.objects.get(request=service_request)
    assert details.form_version == version
    assert details.answers["purpose"] == "ตัวอย่าง 1"
    assert details.answers["certified"] is True
    assert details.answers["documents"] == ["ก.พ.7"]
    rows = dict(details.rows())
    assert rows["วัตถุประสงค์"] == "ตัวอย่าง 1"
    assert rows["รับรองสำเนาถูกต้อง"] == "ใช่"
    wanted_on = datetime.date.fromisoformat(details.answers["wanted_on"])
    assert str(wanted_on.year + 543) in rows["วันที่ต้องการรับ"]  # the Buddhist Era


def test_each_field_type_refuses_bad_input_in_thai_and_keeps_what_was_typed(version, user):
    bad = {
        "details-copies": "9",  # above 5
        "details-fee": "12.345",  # three decimals
        "details-wanted_on": "31/02/2569",
        "details-wanted_at": "25:00",
        "details-delivery": "ส่งไปรษณีย์",  # not a choice
        "details-documents": ["ก.พ.7", "อื่น ๆ"],
        "details-reply_email": "not-an-address",
        "details-contact_phone": "12345",
        "details-subject_id": "1234567890123",  # wrong check digit
    }
    data = form_data(CODE, user) | bad
    forms = RequestForms(get_service(CODE), user=user, data=data)
    assert not forms.is_valid()
    errors = forms.details.errors
    assert set(errors) == {name.removeprefix("details-") for name in bad}
    assert all(any("\u0e00" <= char <= "\u0e7f" for char in str(errors[name])) for name in errors)  # Thai
    html = str(forms.details["copies"])
    assert 'value="9"' in html  # kept as typed


def test_a_required_answer_and_the_required_slot_are_asked_for(version, user):
    data = form_data(CODE, user) | {"details-purpose": ""}
    forms = RequestForms(get_service(CODE), user=user, data=data, files={})
    assert not forms.is_valid()
    assert "purpose" in forms.details.errors
    assert "id_card_copy" in forms.attachments.errors


def changed_fields():
    """Version 2: "purpose" relabelled, "remarks" removed, "school" added."""
    fields = [field for field in EVERY_FIELD if field.get("name") != "remarks"]
    fields = [{**field, "label_th": "ใช้เพื่อ"} if field.get("name") == "purpose" else field for field in fields]
    return [
        *fields,
        {
            "type": "short_text",
            "name": "school",
            "label_th": "โรงเรียน",
            "label_en": "School",
            "required": True,
        },
    ]


def test_an_old_request_keeps_its_own_form_after_the_form_changes(version, submit, user, officer_for, client):
    old = submit(
        CODE, details=details_for(CODE) | {"answers": details_for(CODE)["answers"] | {"remarks": "ด่วน"}}
    )
    second = publish_version(CODE, page=version.page, fields=changed_fields())
    new = submit(CODE)

    old_rows = dict(ConfiguredDetails.objects.get(request=old).rows())
    assert old_rows["วัตถุประสงค์"] == "ตัวอย่าง 1" and old_rows["รายละเอียดเพิ่มเติม"] == "ด่วน"
    assert "โรงเรียน" not in old_rows
    new_details = ConfiguredDetails.objects.get(request=new)
    assert new_details.form_version == second
    assert set(dict(new_details.rows())) >= {"ใช้เพื่อ", "โรงเรียน"}

    # Its edit form is its own version's; a new request's form is the newest.
    service = get_service(CODE)
    assert "remarks" in RequestForms(service, user=user, service_request=old).details.fields
    assert "school" not in RequestForms(service, user=user, service_request=old).details.fields
    assert "school" in RequestForms(service, user=user).details.fields

    # Printed with its own labels, the new request with the new ones.
    client.force_login(user)
    old_printout = pdf_text(client.get(reverse("printing:applicant_pdf", args=[old.reference])).content)
    assert comparable("วัตถุประสงค์") in old_printout and comparable("ด่วน") in old_printout
    new_printout = pdf_text(client.get(reverse("printing:applicant_pdf", args=[new.reference])).content)
    assert comparable("ใช้เพื่อ") in new_printout and comparable("โรงเรียน") in new_printout

    # Corrected with its own version: the officer flags "purpose", the applicant changes it.
    actions.move_request(
        actor=officer_for(CODE),
        service_request=old,
        to_status=RequestStatus.RETURNED,
        role=Role.OFFICER,
        message="กรุณาระบุวัตถุประสงค์ให้ชัดเจน",
        marked=[("details-purpose", "ระบุชื่อหน่วยงาน")],
    )
    details = details_for(CODE)
    details["form_version"] = version
    details["answers"] = answers_of(old) | {"purpose": "ยื่นกรมบัญชีกลาง"}
    actions.edit_request(
        actor=user,
        service_request=old,
        contact=contact_of(user),
        details=details,
        attachments={},
        reply="แก้แล้ว",
    )
    old.refresh_from_db()
    assert old.status == RequestStatus.RESUBMITTED
    assert answers_of(old)["purpose"] == "ยื่นกรมบัญชีกลาง"
    assert answers_of(old)["remarks"] == "ด่วน"
    correction = old.correction_rounds.get()
    assert correction.before["details-purpose"] == {"label": "วัตถุประสงค์", "value": "ตัวอย่าง 1"}
    assert correction.after["details-purpose"]["value"] == "ยื่นกรมบัญชีกลาง"
    assert snapshot(old, ConfiguredDetails.objects.get(request=old))["details-documents"]["value"] == "ก.พ.7"


def test_the_officers_list_filters_and_exports_it_with_its_own_typed_columns(
    version, submit, client, officer_for
):
    service_request = submit(CODE)
    publish_version(CODE, page=version.page, fields=changed_fields())
    newer = submit(CODE)
    client.force_login(officer_for(CODE))

    page = client.get(INDEX, {"service_code": CODE}).content.decode()
    assert service_request.reference in page and newer.reference in page
    assert "สำเนา ก.พ.7" in page

    response = client.get(INDEX, {"service_code": CODE, "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=False))
    headings = [cell.value for cell in rows[0]]
    # The newest version's fields, then those only older versions asked.
    assert headings.index("ใช้เพื่อ") < headings.index("โรงเรียน") < headings.index("รายละเอียดเพิ่มเติม")
    by_reference = {row[0].value: dict(zip(headings, row, strict=True)) for row in rows[1:]}
    old_row = by_reference[service_request.reference]
    assert old_row["ใช้เพื่อ"].value == "ตัวอย่าง 1"  # the same field under its newest heading
    assert old_row["วันที่ต้องการรับ"].is_date
    assert old_row["จำนวนชุด"].data_type == "n"
    assert old_row["รับรองสำเนาถูกต้อง"].value == "ใช่"
    assert by_reference[newer.reference]["โรงเรียน"].value == "ตัวอย่าง 1"

    response = client.get(INDEX, {"service_code": CODE, "export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    csv_rows = list(csv.reader(io.StringIO(text, newline="")))
    assert csv_rows[0] == headings


def test_the_status_check_names_the_service(version, submit, client, user):
    service_request = submit(CODE)
    response = client.post(
        reverse("service_requests:status_check"),
        {"reference": service_request.reference, "citizen_id_or_phone": user.citizen_id},
    )
    page = response.content.decode()
    assert "สำเนา ก.พ.7" in page
    assert service_request.reference in page


def test_amounts_are_kept_exactly(version, submit):
    details = details_for(CODE)
    details["answers"] = details["answers"] | {"fee": "555.50"}
    service_request = submit(CODE, details=details)
    stored = ConfiguredDetails.objects.get(request=service_request)
    assert stored.answers["fee"] == "555.50"
    assert dict(stored.rows())["ค่าธรรมเนียม (บาท)"] == f"{Decimal('555.50'):,.2f}"


def test_lists_cost_the_same_queries_with_1_and_with_30_configured_requests(
    version, submit, client, user, officer_for
):
    officer = officer_for(CODE)

    def count(url, login):
        client.force_login(login)
        client.get(url)  # what a session reads once
        forget_configured_services()  # the catalogue's own read included, each time
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries)

    submit(CODE)
    officers_for_one = count(INDEX, officer)
    applicants_for_one = count(reverse("service_requests:my_requests"), user)
    for _number in range(29):
        submit(CODE)
    assert count(INDEX, officer) == officers_for_one
    assert count(reverse("service_requests:my_requests"), user) == applicants_for_one


def test_its_due_date_counts_its_own_working_days_in_the_lists_and_the_report(
    version, submit, client, officer_for
):
    service_request = submit(CODE)
    calendar = WorkingCalendar()
    due_on = due_dates.timing_of(service_request, calendar=calendar).due_on
    assert due_on == calendar.add_working_days(bangkok_date(service_request.submitted_at), 3)  # not 5

    officer = officer_for(CODE)
    client.force_login(officer)
    assert format_date(due_on) in client.get(INDEX).content.decode()
    report = client.get(reverse("service_requests_report")).content.decode()
    assert "สำเนา ก.พ.7" in report
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "สำเนา ก.พ.7" in dashboard and service_request.reference in dashboard
