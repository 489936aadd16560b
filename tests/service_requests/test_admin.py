"""The officers' side in the Wagtail admin: the request list (scoping, filters, search, export),
the process page, cancelling, printing, the history, the dashboard summary and the permission
policy; and the administrators' page of service assignments."""

import csv
import datetime
import io

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import openpyxl
import pytest

from base.dates import format_date, format_datetime
from base.working_days import WorkingCalendar
from service_requests import actions
from service_requests.catalogue import get_service
from service_requests.due_dates import timing_of
from service_requests.models import ServiceAssignment, ServiceRequest, StatusChange
from service_requests.permissions import service_request_permission_policy as policy
from service_requests.workflow import RequestStatus, Role
from tests.factories.accounts import StaffFactory, SuperuserFactory
from tests.factories.service_requests import png_bytes, upload
from tests.helpers import in_thai
from tests.service_requests.helpers import downloaded, frozen_at

pytestmark = pytest.mark.django_db

S = RequestStatus
RETURN_MESSAGE = "กรุณาแนบสำเนาบัตรประชาชนที่ชัดเจนกว่านี้"
CANCEL_REASON = "ผู้ยื่นคำขอแจ้งยกเลิกทางโทรศัพท์"
INDEX = reverse("service_request_admin:index")


def admin_url(name, service_request):
    return reverse(f"service_request_admin:{name}", args=[service_request.pk])


def access_admin_group(name):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


@pytest.fixture
def personnel_officer(db):
    """นายสมชาย of the personnel group, which handles services 11 and 12 (as in the demo)."""
    group = access_admin_group("เจ้าหน้าที่กลุ่มบริหารงานบุคคล")
    for code in ("11", "12"):
        ServiceAssignment.objects.create(service_code=code, group=group)
    officer = StaffFactory(title="นาย", first_name="สมชาย", last_name="ใจดี")
    officer.groups.add(group)
    return officer


@pytest.fixture
def finance_officer(officer_for):
    """An officer of service 21 only: none of the personnel group's requests are theirs."""
    return officer_for("21")


@pytest.fixture
def id_card_officer(officer_for, personnel_officer):
    """An officer of another group that handles service 11 only (reassigned from personnel)."""
    group = access_admin_group("งานบัตร")
    ServiceAssignment.objects.filter(service_code="11").update(group=group)
    officer = StaffFactory()
    officer.groups.add(group)
    return officer


@pytest.fixture
def as_officer(client, personnel_officer):
    client.force_login(personnel_officer)
    return client


def listed_references(response):
    return [service_request.reference for service_request in response.context["object_list"]]


# The permission policy


def test_officers_may_view_and_change_the_requests_of_their_services_only(
    submit, personnel_officer, finance_officer
):
    id_card = submit("11")
    assert policy.user_has_permission(personnel_officer, "view")
    assert policy.user_has_permission(personnel_officer, "change")
    assert policy.user_has_permission_for_instance(personnel_officer, "change", id_card)
    assert not policy.user_has_permission_for_instance(finance_officer, "view", id_card)
    assert list(policy.instances_user_has_permission_for(personnel_officer, "change")) == [id_card]
    assert list(policy.instances_user_has_permission_for(finance_officer, "change")) == []


def test_nobody_adds_or_deletes_requests_in_the_admin(submit, personnel_officer):
    service_request = submit("11")
    superuser = SuperuserFactory()
    for user in (personnel_officer, superuser):
        assert not policy.user_has_permission(user, "add")
        assert not policy.user_has_permission(user, "delete")
        assert not policy.user_has_permission_for_instance(user, "delete", service_request)
    assert not policy.users_with_permission("delete").exists()


def test_applicants_and_editors_have_no_rights_over_requests(submit, user):
    submit("11")
    editor = StaffFactory()
    editor.groups.add(access_admin_group("Editors"))
    for person in (user, editor):
        assert not policy.user_has_any_permission(person, ["view", "change"])
        assert not policy.instances_user_has_permission_for(person, "view").exists()


def test_the_officers_of_a_request_are_those_of_its_service(submit, personnel_officer, finance_officer):
    service_request = submit("11")
    superuser = SuperuserFactory()
    officers = set(policy.users_with_permission_for_instance("change", service_request))
    assert officers == {personnel_officer, superuser}


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


def test_search_stays_within_the_officers_services(client, submit, finance_officer):
    service_request = submit("11")
    client.force_login(finance_officer)
    assert listed_references(client.get(INDEX, {"q": service_request.reference})) == []


def test_the_list_runs_the_same_queries_for_1_and_for_50_requests(as_officer, submit):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = as_officer.get(INDEX)
        assert response.status_code == 200
        return len(queries), len(response.context["object_list"])

    submit("11")
    for_one, shown = count_queries()
    assert shown == 1
    for number in range(49):
        submit("12" if number % 2 else "11", attachments={"id_card_copy": upload("id.png", png_bytes())})
    for_fifty, shown = count_queries()
    assert shown == 25  # a full page
    assert for_fifty == for_one


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
    "Submitted",
    "Due",
    "Working days overdue",
    "Last change",
    "Message from the officer",
]


def test_export_the_filtered_list_as_csv(as_officer, submit, personnel_officer, other_applicant):
    returned = submit("11", applicant=other_applicant)
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
    assert headings == [in_thai(heading) for heading in EXPECTED_HEADINGS]
    assert rows == [
        [
            returned.reference,
            in_thai(get_service("11").name),
            "นายสมชาย ใจดี",
            other_applicant.citizen_id,
            other_applicant.phone,
            in_thai(S.RETURNED.label),
            format_datetime(returned.submitted_at),
            format_date(timing_of(returned, calendar=WorkingCalendar()).due_on),
            "0",
            format_datetime(returned.status_changed_at),
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
    assert abs(row[6] - local) < datetime.timedelta(seconds=1)


def test_the_export_holds_only_the_officers_requests(client, submit, finance_officer):
    submit("11")
    client.force_login(finance_officer)
    headings, *rows = export_rows(client.get(INDEX, {"export": "csv"}))
    assert rows == []


# The process page


def test_the_process_page_shows_everything_the_applicant_sent(as_officer, submit, user):
    service_request = submit("11")
    response = as_officer.get(admin_url("process", service_request))
    assert response.status_code == 200
    page = response.content.decode()
    assert service_request.reference in page
    assert user.citizen_id in page
    assert service_request.applicant_full_name in page
    assert "Wilaiwan" in page  # the service's own fields
    assert "โรงเรียนบ้านหนองบัว" in page
    for attachment in service_request.attachments.all():
        url = reverse("service_requests:attachment", args=[service_request.reference, attachment.pk])
        assert url in page
        assert attachment.original_name in page
    assert admin_url("print_pdf", service_request) in page
    assert admin_url("cancel", service_request) in page


def test_the_attachment_links_download_for_the_officer(as_officer, submit):
    service_request = submit("11")
    attachment = service_request.attachments.get(slot="id_card_copy")
    response = as_officer.get(
        reverse("service_requests:attachment", args=[service_request.reference, attachment.pk])
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert downloaded(response) == attachment.file.open("rb").read()


@pytest.mark.parametrize(
    ("status", "offered"),
    [
        (S.SUBMITTED, [S.IN_PROGRESS, S.RETURNED, S.COMPLETED]),
        (S.IN_PROGRESS, [S.IN_PROGRESS, S.RETURNED, S.COMPLETED]),
        (S.RESUBMITTED, [S.IN_PROGRESS, S.RETURNED, S.COMPLETED]),
    ],
)
def test_the_officer_is_offered_only_the_moves_the_workflow_allows(as_officer, request_in, status, offered):
    service_request = request_in(status)
    form = as_officer.get(admin_url("process", service_request)).context["form"]
    assert [value for value, _label in form.fields["to_status"].choices] == [s.value for s in offered]


@pytest.mark.parametrize("status", [S.COMPLETED, S.CANCELLED, S.RETURNED])
def test_no_status_form_when_the_officer_has_no_move_to_make(as_officer, request_in, status):
    service_request = request_in(status)
    response = as_officer.get(admin_url("process", service_request))
    assert response.status_code == 200
    assert not response.context["may_move"]
    assert 'name="to_status"' not in response.content.decode()


def test_returning_needs_a_message(as_officer, submit):
    service_request = submit("11")
    response = as_officer.post(
        admin_url("process", service_request), {"to_status": "returned", "message": " "}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["message"] == [in_thai("Please write a message to the applicant.")]
    assert 'aria-describedby="id_message-errors' in response.content.decode()
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED
    assert service_request.history.count() == 1


def test_returning_with_a_message(as_officer, submit, personnel_officer):
    service_request = submit("11")
    url = admin_url("process", service_request)
    response = as_officer.post(url, {"to_status": "returned", "message": RETURN_MESSAGE})
    assert response.status_code == 302
    assert response.url == url
    service_request.refresh_from_db()
    assert service_request.status == S.RETURNED
    assert service_request.officer_message == RETURN_MESSAGE
    change = service_request.history.last()
    assert (change.from_status, change.to_status, change.actor, change.message) == (
        S.SUBMITTED,
        S.RETURNED,
        personnel_officer,
        RETURN_MESSAGE,
    )
    page = as_officer.get(url).content.decode()
    assert RETURN_MESSAGE in page  # in the history and as the latest message


def test_completing_with_a_reply_file(as_officer, request_in):
    service_request = request_in(S.IN_PROGRESS, service_code="12")
    reply = upload("หนังสือรับรอง.png", png_bytes(), "image/png")
    response = as_officer.post(
        admin_url("process", service_request), {"to_status": "completed", "message": "", "reply_file": reply}
    )
    assert response.status_code == 302
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED
    assert service_request.reply_file_name == "หนังสือรับรอง.png"
    assert service_request.reply_file.open("rb").read() == png_bytes()
    page = as_officer.get(admin_url("process", service_request)).content.decode()
    assert reverse("service_requests:reply_file", args=[service_request.reference]) in page


def test_a_refused_reply_file_changes_nothing(as_officer, submit, private_files):
    service_request = submit("11")
    stored = private_files()
    fake = upload("reply.png", b"<html><script>alert(1)</script></html>", "image/png")
    response = as_officer.post(
        admin_url("process", service_request), {"to_status": "completed", "message": "", "reply_file": fake}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["reply_file"]
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED
    assert not service_request.reply_file
    assert private_files() == stored


def test_a_move_the_workflow_forbids_is_refused(as_officer, request_in):
    service_request = request_in(S.COMPLETED)
    response = as_officer.post(admin_url("process", service_request), {"to_status": "in_progress"})
    assert response.status_code == 200
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED
    assert StatusChange.objects.filter(request=service_request).count() == 1


# Cancelling


def test_cancelling_needs_a_reason(as_officer, submit):
    service_request = submit("11")
    response = as_officer.post(admin_url("cancel", service_request), {"reason": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED


def test_cancelling_with_a_reason(as_officer, request_in):
    service_request = request_in(S.RETURNED)
    url = admin_url("cancel", service_request)
    assert as_officer.get(url).status_code == 200
    response = as_officer.post(url, {"reason": CANCEL_REASON})
    assert response.status_code == 302
    assert response.url == admin_url("process", service_request)
    service_request.refresh_from_db()
    assert service_request.status == S.CANCELLED
    assert service_request.officer_message == CANCEL_REASON
    assert service_request.history.last().message == CANCEL_REASON
    # Once cancelled, the cancel page sends the officer back to the request.
    response = as_officer.get(url)
    assert response.status_code == 302
    assert response.url == admin_url("process", service_request)


def test_a_completed_request_cannot_be_cancelled(as_officer, request_in):
    service_request = request_in(S.COMPLETED)
    response = as_officer.post(admin_url("cancel", service_request), {"reason": CANCEL_REASON}, follow=True)
    assert response.redirect_chain == [(admin_url("process", service_request), 302)]
    assert in_thai("This request can no longer be cancelled.") in [
        str(m).strip() for m in response.context["messages"]
    ]
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED


# Printing and the history


def test_the_history_view_shows_the_audit_log(as_officer, request_in, personnel_officer):
    service_request = request_in(S.SUBMITTED)
    response = as_officer.get(admin_url("history", service_request))
    assert response.status_code == 200
    assert len(response.context["object_list"]) == 1  # the submission


# Another service's officer


@pytest.mark.parametrize("view", ["process", "cancel", "print_pdf", "bundle", "history", "history_results"])
def test_an_officer_of_another_service_gets_404(client, submit, finance_officer, view):
    service_request = submit("11")
    client.force_login(finance_officer)
    assert client.get(admin_url(view, service_request)).status_code == 404


@pytest.mark.parametrize(
    ("view", "data"),
    [("process", {"to_status": "completed", "message": "x"}), ("cancel", {"reason": CANCEL_REASON})],
)
def test_an_officer_of_another_service_cannot_move_a_request(client, submit, finance_officer, view, data):
    service_request = submit("11")
    client.force_login(finance_officer)
    assert client.post(admin_url(view, service_request), data).status_code == 404
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED


def test_an_officer_of_another_service_cannot_download_the_attachments(client, submit, finance_officer):
    service_request = submit("11")
    attachment = service_request.attachments.first()
    client.force_login(finance_officer)
    url = reverse("service_requests:attachment", args=[service_request.reference, attachment.pk])
    assert client.get(url).status_code == 404


def test_the_process_page_needs_an_admin_login(client, submit, user):
    service_request = submit("11")
    response = client.get(admin_url("process", service_request))
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))
    client.force_login(user)  # the applicant has no admin access at all
    assert client.get(admin_url("process", service_request)).status_code == 302


# The dashboard


def summary(response):
    return next(
        panel
        for panel in response.context["panels"]
        if getattr(panel, "name", "") == "service_request_summary"
    ).get_context_data()


def test_the_dashboard_counts_requests_by_service_and_status(as_officer, request_in):
    request_in(S.SUBMITTED)
    request_in(S.SUBMITTED)
    request_in(S.RETURNED)
    request_in(S.COMPLETED, service_code="12")
    response = as_officer.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert in_thai("Service requests summary") in response.content.decode()
    context = summary(response)
    statuses = [status.value for status in context["statuses"]]
    counts = {
        row["service"].code: dict(zip(statuses, [cell["count"] for cell in row["cells"]], strict=True))
        for row in context["rows"]
    }
    assert list(counts) == ["11", "12"]
    assert counts["11"] == {
        "submitted": 2,
        "in_progress": 0,
        "returned": 1,
        "resubmitted": 0,
        "completed": 0,
        "cancelled": 0,
    }
    assert counts["12"]["completed"] == 1
    assert [row["total"] for row in context["rows"]] == [3, 1]
    assert context["grand_total"] == 4
    assert (
        dict(zip(statuses, [cell["count"] for cell in context["column_totals"]], strict=True))["submitted"]
        == 2
    )


def test_the_dashboard_lists_the_newest_waiting_requests(as_officer, request_in):
    submitted = request_in(S.SUBMITTED)
    resubmitted = request_in(S.RESUBMITTED, service_code="12")
    request_in(S.IN_PROGRESS)
    response = as_officer.get(reverse("wagtailadmin_home"))
    waiting = list(summary(response)["waiting"])
    assert set(waiting) == {submitted, resubmitted}
    page = response.content.decode()
    assert admin_url("process", submitted) in page
    assert admin_url("process", resubmitted) in page


def test_the_dashboard_shows_ten_waiting_requests_at_most(as_officer, submit):
    for _number in range(12):
        submit("11", attachments={"id_card_copy": upload("id.png", png_bytes())})
    waiting = list(summary(as_officer.get(reverse("wagtailadmin_home")))["waiting"])
    newest = list(ServiceRequest.objects.order_by("-status_changed_at", "-pk")[:10])
    assert waiting == newest


def test_the_dashboard_of_another_services_officer_counts_none_of_them(client, submit, finance_officer):
    submit("11")
    client.force_login(finance_officer)
    context = summary(client.get(reverse("wagtailadmin_home")))
    assert [row["service"].code for row in context["rows"]] == ["21"]
    assert context["grand_total"] == 0
    assert list(context["waiting"]) == []


def test_no_summary_for_staff_who_handle_no_service(client):
    editor = StaffFactory()
    editor.groups.add(access_admin_group("Editors"))
    client.force_login(editor)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert in_thai("Service requests summary") not in page


def test_the_dashboard_runs_the_same_queries_for_1_and_for_50_requests(as_officer, submit):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            response = as_officer.get(reverse("wagtailadmin_home"))
        assert response.status_code == 200
        return len(queries)

    submit("11")
    for_one = count_queries()
    for number in range(49):
        submit("12" if number % 2 else "11", attachments={"id_card_copy": upload("id.png", png_bytes())})
    assert count_queries() == for_one


# Service assignments (administrators)


def test_an_administrator_reassigns_a_service_to_another_group(client, personnel_officer):
    academic = access_admin_group("เจ้าหน้าที่กลุ่มส่งเสริมการจัดการศึกษา")
    assignment = ServiceAssignment.objects.get(service_code="12")
    client.force_login(SuperuserFactory())
    listing = client.get(reverse("service_assignments:index"))
    assert listing.status_code == 200
    assert str(get_service("12").name) in listing.content.decode()
    url = reverse("service_assignments:edit", args=[assignment.pk])
    response = client.post(url, {"group": academic.pk, "service_code": "41"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.group == academic
    assert assignment.service_code == "12"  # the service itself stays


def test_officers_do_not_manage_assignments(client, personnel_officer):
    client.force_login(personnel_officer)
    response = client.get(reverse("service_assignments:index"))
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
