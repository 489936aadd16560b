"""The officers' request list in the admin: scoping to their services, filters, search,
export and the queries it costs."""

import csv
import datetime
import io
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

import openpyxl
import pytest

from base.dates import format_date, format_datetime
from base.working_days import WorkingCalendar
from service_requests import actions
from service_requests.catalogue import get_service
from service_requests.due_dates import timing_of
from service_requests.workflow import RequestStatus, Role
from tests.factories.accounts import StaffFactory
from tests.factories.service_requests import contact_of, details_for, png_bytes, upload
from tests.helpers import in_thai
from tests.service_requests.helpers import (
    access_admin_group,
    admin_url,
    downloaded,
    frozen_at,
    listed_references,
)

pytestmark = pytest.mark.django_db

S = RequestStatus
RETURN_MESSAGE = "กรุณาแนบสำเนาบัตรประชาชนที่ชัดเจนกว่านี้"
CANCEL_REASON = "ผู้ยื่นคำขอแจ้งยกเลิกทางโทรศัพท์"
INDEX = reverse("service_request_admin:index")


# The list


def test_the_menu_shows_requests_to_officers_only(client, personnel_officer):
    editor = StaffFactory()
    editor.groups.add(access_admin_group("Editors"))
    client.force_login(personnel_officer)
    assert INDEX in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(editor)
    assert INDEX not in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(INDEX)
    assert response.status_code == 302  # Wagtail sends those without permission to the dashboard
    assert response.url == reverse("wagtailadmin_home")


def test_an_officer_lists_the_requests_of_their_services_newest_first(as_officer, submit, other_applicant):
    moments = [datetime.datetime(2025, 3, day, 3, 0, tzinfo=datetime.UTC) for day in (28, 29, 30)]
    requests = []
    for moment, code in zip(moments, ("11", "12", "11"), strict=True):
        with frozen_at(moment):
            requests.append(submit(code, applicant=other_applicant))
    response = as_officer.get(INDEX)
    assert response.status_code == 200
    assert listed_references(response) == [r.reference for r in reversed(requests)]
    page = response.content.decode()
    newest = requests[-1]
    assert admin_url("process", newest) in page  # the reference links to the process page
    assert "นายสมชาย ใจดี" in page  # the applicant as sent
    assert str(get_service("12").name) in page
    assert format_datetime(newest.submitted_at) in page
    assert in_thai(S.SUBMITTED.label) in page


def last_change_cell(response, service_request) -> str:
    """The "Last change" cell of a request's row, as the officer reads it."""
    page = response.content.decode()
    row = page[page.index(service_request.reference) :]
    row = row[: row.index("</tr>")]
    return re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)[-1]


def applicants_edit(service_request, *, reply=""):
    return actions.edit_request(
        actor=service_request.applicant,
        service_request=service_request,
        contact=contact_of(service_request.applicant, applicant_phone="0899999999"),
        details=details_for(service_request.service_code),
        attachments={},
        reply=reply,
    )


def test_an_applicants_edit_is_the_last_change_and_sorts_first(as_officer, submit, other_applicant):
    days = [datetime.datetime(2025, 3, day, 3, 0, tzinfo=datetime.UTC) for day in (24, 25, 26)]
    with frozen_at(days[0]):
        edited = submit("11")
    with frozen_at(days[1]):
        newer = submit("11", applicant=other_applicant)
    with frozen_at(days[2]):
        applicants_edit(edited)
    edited.refresh_from_db()
    assert last_change_cell(as_officer.get(INDEX), edited) == format_datetime(days[2])
    assert last_change_cell(as_officer.get(INDEX), newer) == format_datetime(days[1])
    by_last_change = as_officer.get(INDEX, {"ordering": "-last_changed_at"})
    assert listed_references(by_last_change) == [edited.reference, newer.reference]
    oldest_change_first = as_officer.get(INDEX, {"ordering": "last_changed_at"})
    assert listed_references(oldest_change_first) == [newer.reference, edited.reference]
    # The status kept its time: the due date still counts from the submission, as before.
    assert edited.status_changed_at == days[0]
    assert timing_of(edited, calendar=WorkingCalendar()).due_on == datetime.date(2025, 3, 31)


def test_a_correction_sent_back_is_the_last_change(as_officer, submit, personnel_officer, other_applicant):
    days = [datetime.datetime(2025, 3, day, 3, 0, tzinfo=datetime.UTC) for day in (24, 25, 26, 27)]
    with frozen_at(days[0]):
        corrected = submit("11")
    with frozen_at(days[1]):
        actions.move_request(
            actor=personnel_officer,
            service_request=corrected,
            to_status=S.RETURNED,
            role=Role.OFFICER,
            message=RETURN_MESSAGE,
        )
    with frozen_at(days[2]):
        other = submit("11", applicant=other_applicant)
    with frozen_at(days[3]):
        applicants_edit(corrected, reply="แนบสำเนาใหม่แล้ว")
    assert last_change_cell(as_officer.get(INDEX), corrected) == format_datetime(days[3])
    by_last_change = as_officer.get(INDEX, {"ordering": "-last_changed_at"})
    assert listed_references(by_last_change) == [corrected.reference, other.reference]


def test_an_officer_of_another_service_sees_none_of_them(client, submit, finance_officer):
    submit("11")
    submit("12")
    client.force_login(finance_officer)
    response = client.get(INDEX)
    assert response.status_code == 200
    assert listed_references(response) == []
    assert response.context["items_count"] == 0


def test_a_reassigned_service_moves_its_requests_to_the_new_group(
    client, submit, personnel_officer, id_card_officer
):
    id_card, certificate = submit("11"), submit("12")
    client.force_login(id_card_officer)
    assert listed_references(client.get(INDEX)) == [id_card.reference]
    client.force_login(personnel_officer)
    assert listed_references(client.get(INDEX)) == [certificate.reference]


def test_the_list_has_no_add_edit_copy_or_delete_views(as_officer, submit):
    service_request = submit("11")
    page = as_officer.get(INDEX).content.decode()
    assert "/new/" not in page
    for view in ("edit", "delete", "copy", "usage"):
        assert f"/admin/service-requests/{view}/{service_request.pk}/" not in page
        assert as_officer.get(f"/admin/service-requests/{view}/{service_request.pk}/").status_code == 404
    assert as_officer.get("/admin/service-requests/new/").status_code == 404


def test_filter_by_service(as_officer, submit):
    id_card, certificate = submit("11"), submit("12")
    assert listed_references(as_officer.get(INDEX, {"service_code": "12"})) == [certificate.reference]
    assert listed_references(as_officer.get(INDEX, {"service_code": "11"})) == [id_card.reference]


def test_the_service_filter_offers_only_the_officers_services(as_officer, client, submit, finance_officer):
    form = as_officer.get(INDEX).context["filters"].form
    assert [code for code, _label in form.fields["service_code"].choices] == ["11", "12"]
    client.force_login(finance_officer)
    form = client.get(INDEX).context["filters"].form
    assert "service_code" not in form.fields  # one service: nothing to choose


def test_filter_by_status(as_officer, request_in):
    returned = request_in(S.RETURNED)
    completed = request_in(S.COMPLETED, service_code="12")
    request_in(S.SUBMITTED)
    assert listed_references(as_officer.get(INDEX, {"status": "returned"})) == [returned.reference]
    both = listed_references(as_officer.get(INDEX, {"status": ["returned", "completed"]}))
    assert sorted(both) == sorted([returned.reference, completed.reference])


def test_filter_by_the_date_of_submission_in_bangkok_time(as_officer, submit):
    # 31 March 2025 00:30 in Bangkok is still 30 March in UTC.
    with frozen_at(datetime.datetime(2025, 3, 30, 17, 30, tzinfo=datetime.UTC)):
        on_the_31st = submit("11")
    with frozen_at(datetime.datetime(2025, 4, 2, 3, 0, tzinfo=datetime.UTC)):
        on_the_2nd = submit("11")
    with frozen_at(datetime.datetime(2025, 3, 20, 3, 0, tzinfo=datetime.UTC)):
        submit("12")
    response = as_officer.get(INDEX, {"submitted_at_from": "2025-03-31", "submitted_at_to": "2025-03-31"})
    assert listed_references(response) == [on_the_31st.reference]
    response = as_officer.get(INDEX, {"submitted_at_from": "2025-03-31"})
    assert listed_references(response) == [on_the_2nd.reference, on_the_31st.reference]


def test_the_date_filter_chip_is_in_thai_with_the_buddhist_era_year(as_officer, submit):
    submit("11")
    page = as_officer.get(INDEX, {"submitted_at_from": "2026-11-01"}).content.decode()
    assert in_thai("any") != "any"
    assert "1 พ.ย. 2569 - " + in_thai("any") in page


def test_the_exact_moment_of_a_history_entry_is_in_the_buddhist_era(as_officer, submit):
    with frozen_at(datetime.datetime(2026, 11, 30, 8, 47, tzinfo=datetime.UTC)):
        submitted = submit("11")
    page = as_officer.get(reverse("service_request_admin:history", args=[submitted.pk])).content.decode()
    tooltips = re.findall(r'data-w-tooltip-content-value="([^"]*)"', page)
    assert "30 พ.ย. 2569, 15:47 น." in tooltips
    assert [tooltip for tooltip in tooltips if "2026" in tooltip] == []


def test_search_by_reference_name_or_citizen_id(as_officer, submit, user, other_applicant):
    mine = submit("11")
    theirs = submit("12", applicant=other_applicant)
    assert listed_references(as_officer.get(INDEX, {"q": mine.reference})) == [mine.reference]
    assert listed_references(as_officer.get(INDEX, {"q": "สมชาย"})) == [theirs.reference]
    assert listed_references(as_officer.get(INDEX, {"q": "สมชาย ใจดี"})) == [theirs.reference]
    assert listed_references(as_officer.get(INDEX, {"q": "วิลัยวรรณ ใจดี"})) == []
    citizen_id = user.citizen_id
    dashed = f"{citizen_id[0]}-{citizen_id[1:5]}-{citizen_id[5:10]}-{citizen_id[10:12]}-{citizen_id[12]}"
    assert listed_references(as_officer.get(INDEX, {"q": dashed})) == [mine.reference]


def test_search_by_service_name_or_phone(as_officer, submit, other_applicant):
    id_card, certificate = submit("11"), submit("12", applicant=other_applicant)
    service_name = in_thai(get_service("12").name)
    assert listed_references(as_officer.get(INDEX, {"q": service_name})) == [certificate.reference]
    phone = certificate.applicant_phone
    dashed = f"{phone[:3]}-{phone[3:6]}-{phone[6:]}"
    assert phone != id_card.applicant_phone
    assert listed_references(as_officer.get(INDEX, {"q": dashed})) == [certificate.reference]
    both = as_officer.get(INDEX, {"q": f"{service_name} {phone}"})
    assert listed_references(both) == [certificate.reference]


def test_search_stays_within_the_officers_services(client, submit, finance_officer):
    service_request = submit("11")
    client.force_login(finance_officer)
    assert listed_references(client.get(INDEX, {"q": service_request.reference})) == []


def test_the_list_runs_the_same_queries_for_1_and_for_50_requests(
    as_officer, submit, personnel_officer, officer_for
):
    """With each request's assignee (some taken by one of several officers) in the same query."""

    def count_queries(params=None):
        with CaptureQueriesContext(connection) as queries:
            response = as_officer.get(INDEX, params or {})
        assert response.status_code == 200
        return len(queries), len(response.context["object_list"])

    first = submit("11")
    actions.assign_request(actor=personnel_officer, service_request=first, assignee=personnel_officer)
    for_one, shown = count_queries()
    assert shown == 1
    mine_for_one, _shown = count_queries({"assigned": "mine"})
    officers = [personnel_officer, officer_for("11"), officer_for("12")]
    for number in range(49):
        service_request = submit(
            "12" if number % 2 else "11", attachments={"id_card_copy": upload("id.png", png_bytes())}
        )
        if number % 4:
            officer = officers[number % 3]
            actions.assign_request(actor=officer, service_request=service_request, assignee=officer)
    for_fifty, shown = count_queries()
    assert shown == 25  # a full page
    assert for_fifty == for_one
    assert in_thai("Not taken yet") in as_officer.get(INDEX).content.decode()
    mine_for_many, shown = count_queries({"assigned": "mine"})
    assert shown > 1
    assert mine_for_many == mine_for_one


# Export


def export_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # so Excel reads the Thai correctly
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


EXPECTED_HEADINGS = [
    "Reference code",
    "Service",
    "Applicant",
    "Citizen ID",
    "Phone",
    "Status",
    "Assignee",
    "Submitted",
    "Due",
    "Working days overdue",
    "Last change",
    "Message from the officer",
]


def test_export_the_filtered_list_as_csv(as_officer, submit, personnel_officer, other_applicant):
    returned = submit("11", applicant=other_applicant)
    actions.assign_request(actor=personnel_officer, service_request=returned, assignee=personnel_officer)
    actions.move_request(
        actor=personnel_officer,
        service_request=returned,
        to_status=S.RETURNED,
        role=Role.OFFICER,
        message=RETURN_MESSAGE,
    )
    returned.refresh_from_db()
    submit("12")  # filtered out
    response = as_officer.get(INDEX, {"service_code": "11", "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "service-requests.csv" in response["Content-Disposition"]
    headings, *rows = export_rows(response)
    shared = len(EXPECTED_HEADINGS)
    # One service filtered: its own fields follow the shared columns (test_admin_export_services).
    with translation.override("th"):
        own_headings = [str(heading) for heading, _value in get_service("11").details_model.export_columns()]
    assert headings == [in_thai(heading) for heading in EXPECTED_HEADINGS] + own_headings
    assert [row[:shared] for row in rows] == [
        [
            returned.reference,
            in_thai(get_service("11").name),
            "นายสมชาย ใจดี",
            other_applicant.citizen_id,
            other_applicant.phone,
            in_thai(S.RETURNED.label),
            personnel_officer.get_full_name(),
            format_datetime(returned.submitted_at),
            format_date(timing_of(returned, calendar=WorkingCalendar()).due_on),
            "0",
            format_datetime(returned.last_changed_at),
            RETURN_MESSAGE,
        ]
    ]


def test_export_as_xlsx(as_officer, submit, user):
    service_request = submit("12")
    response = as_officer.get(INDEX, {"export": "xlsx"})
    assert response.status_code == 200
    assert "service-requests.xlsx" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(downloaded(response)))
    headings, *rows = list(workbook.active.iter_rows(values_only=True))
    assert list(headings) == [in_thai(heading) for heading in EXPECTED_HEADINGS]
    assert len(rows) == 1
    row = rows[0]
    assert row[0] == service_request.reference
    assert row[3] == user.citizen_id  # kept as text: no lost digits
    # A date cell in the office's local time, to the second (Excel has no time zones).
    local = timezone.localtime(service_request.submitted_at).replace(tzinfo=None)
    assert row[6] is None  # nobody has taken it
    assert abs(row[7] - local) < datetime.timedelta(seconds=1)


def test_the_export_holds_only_the_officers_requests(client, submit, finance_officer):
    submit("11")
    client.force_login(finance_officer)
    headings, *rows = export_rows(client.get(INDEX, {"export": "csv"}))
    assert rows == []
