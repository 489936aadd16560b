"""Bulk actions on the officers' list (issue 13 item 4): tick requests, or select the whole
filtered list, then take them, assign them to an officer (supervisors) or move them to "in
progress". Each request is checked on its own against the workflow and the permissions, in its
own transaction, and the officer reads one message naming every skipped reference with its reason."""

import csv
import io
from urllib.parse import urlencode

from django.contrib.auth.models import Permission
from django.urls import reverse

import openpyxl
import pytest

from service_requests import actions
from service_requests.models import AccessKind, AssignmentChange, RequestAccess, StatusChange
from service_requests.workflow import RequestStatus, Role
from tests.factories.accounts import UserFactory
from tests.factories.service_requests import contact_of
from tests.helpers import in_thai
from tests.service_requests.helpers import access_admin_group, audit_log

pytestmark = pytest.mark.django_db

S = RequestStatus
INDEX = reverse("service_request_admin:index")


def bulk_url(action, requests=(), **params):
    query = [("id", str(service_request.pk)) for service_request in requests]
    query += [
        (name, value)
        for name, values in params.items()
        for value in ([values] if isinstance(values, str) else values)
    ]
    query.append(("next", INDEX))
    return (
        reverse("wagtail_bulk_action", args=["service_requests", "servicerequest", action])
        + "?"
        + urlencode(query)
    )


def messages_of(response):
    return [(message.level_tag, str(message).strip()) for message in response.context["messages"]]


def refusal(status) -> str:
    return in_thai("A request that is “%(status)s” cannot be changed this way.") % {
        "status": in_thai(status.label)
    }


@pytest.fixture
def colleague(officer_for, personnel_officer):
    return officer_for("11", first_name="สมหญิง", last_name="ขยันงาน")


@pytest.fixture
def supervisor(officer_for, personnel_officer):
    group = access_admin_group("หัวหน้ากลุ่มบริหารงานบุคคล")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="service_requests", codename="assign_servicerequest")
    )
    officer = officer_for("11", first_name="มาลี", last_name="ดูแลดี")
    officer.groups.add(group)
    return officer


def test_the_list_offers_the_bulk_actions_with_a_checkbox_per_request(as_officer, submit):
    service_request = submit("11")
    page = as_officer.get(INDEX).content.decode()
    assert "data-bulk-action-footer" in page
    assert f'data-object-id="{service_request.pk}"' in page
    assert f'id="request_{service_request.pk}_title"' in page  # what each checkbox is described by
    for label in ("Take", "Move to “in progress”", "Export the selection"):
        assert in_thai(label) in page
    assert "wagtailadmin/js/bulk-actions.js" in page


def test_only_a_supervisor_sees_the_assign_button(client, personnel_officer, supervisor, submit):
    submit("11")
    assign = in_thai("Assign to an officer")
    client.force_login(personnel_officer)
    assert assign not in client.get(INDEX).content.decode()
    client.force_login(supervisor)
    page = client.get(INDEX).content.decode()
    assert assign in page
    assert page.index(in_thai("Take")) < page.index(assign) < page.index(in_thai("Export the selection"))


def test_the_confirmation_lists_the_references_and_records_no_access(as_officer, submit):
    applicant = UserFactory(first_name="บุญมี", last_name="มีสุข")
    first, second = submit("11", applicant=applicant), submit("12", applicant=applicant)
    response = as_officer.get(bulk_url("start", [first, second]))
    assert response.status_code == 200
    page = response.content.decode()
    assert first.reference in page and second.reference in page
    assert in_thai(S.SUBMITTED.label) in page
    assert "บุญมี" not in page  # no personal data on the way: nothing to record
    assert not RequestAccess.objects.exists()


def test_move_to_in_progress_with_a_mix_of_allowed_and_refused_moves(client, personnel_officer, request_in):
    submitted = request_in(S.SUBMITTED)
    resubmitted = request_in(S.RESUBMITTED, service_code="12")
    returned = request_in(S.RETURNED)  # with the applicant: the table has no officer's move
    completed = request_in(S.COMPLETED)
    already = request_in(S.IN_PROGRESS)
    own = request_in(S.SUBMITTED, applicant=personnel_officer, contact=contact_of(personnel_officer))
    client.force_login(personnel_officer)
    selected = [submitted, resubmitted, returned, completed, already, own]

    response = client.post(bulk_url("start", selected), follow=True)

    assert response.redirect_chain[-1][0] == INDEX
    for service_request, status in [
        (submitted, S.IN_PROGRESS),
        (resubmitted, S.IN_PROGRESS),
        (returned, S.RETURNED),
        (completed, S.COMPLETED),
        (already, S.IN_PROGRESS),
        (own, S.SUBMITTED),
    ]:
        service_request.refresh_from_db()
        assert service_request.status == status, service_request.reference
    # Every move done has its history row and audit-log entry; nothing for the skipped ones.
    moved = StatusChange.objects.filter(to_status=S.IN_PROGRESS, actor=personnel_officer)
    assert sorted(moved.values_list("request_id", flat=True)) == sorted([submitted.pk, resubmitted.pk])
    assert audit_log(submitted).last().action == "service_requests.move"
    assert not StatusChange.objects.filter(request=already).exclude(actor_role=Role.APPLICANT).exists()
    own_refusal = in_thai(
        "You filed this request yourself, so another officer of the service processes it. "
        "You can cancel it from “My requests”."
    )
    # The newest first, as the list shows them.
    skipped = [
        f"{own.reference} ({own_refusal})",
        f"{already.reference} ({in_thai('It is already “%(status)s”.') % {'status': in_thai(S.IN_PROGRESS.label)}})",
        f"{completed.reference} ({refusal(S.COMPLETED)})",
        f"{returned.reference} ({refusal(S.RETURNED)})",
    ]
    assert messages_of(response) == [("warning", f"ดำเนินการ 2 รายการ, ข้าม 4 รายการ: {'; '.join(skipped)}")]


def test_take_in_bulk_skips_those_another_officer_has(
    client, personnel_officer, colleague, submit, request_in
):
    free = [submit("11"), submit("12")]
    taken = submit("11")
    actions.assign_request(actor=colleague, service_request=taken, assignee=colleague)
    closed = request_in(S.CANCELLED)
    client.force_login(personnel_officer)

    response = client.post(bulk_url("take", [*free, taken, closed]), follow=True)

    for service_request in free:
        service_request.refresh_from_db()
        assert service_request.assignee == personnel_officer
    taken.refresh_from_db()
    assert taken.assignee == colleague
    assert AssignmentChange.objects.filter(actor=personnel_officer).count() == 2
    closed_reason = in_thai("A request that is “%(status)s” keeps its assignee.") % {
        "status": in_thai(S.CANCELLED.label)
    }
    assert messages_of(response) == [
        (
            "warning",
            f"ดำเนินการ 2 รายการ, ข้าม 2 รายการ: {closed.reference} ({closed_reason}); "
            f"{taken.reference} ({in_thai('Another officer has taken this request.')})",
        )
    ]


def test_all_done_is_a_success_message(client, personnel_officer, submit):
    requests = [submit("11") for _ in range(3)]
    client.force_login(personnel_officer)
    response = client.post(bulk_url("take", requests), follow=True)
    assert messages_of(response) == [("success", "ดำเนินการ 3 รายการ")]


def test_a_supervisor_assigns_in_bulk_to_an_officer_of_each_requests_service(
    client, supervisor, colleague, submit, officer_for
):
    ordinary = [submit("11"), submit("12")]
    filed_by_colleague = submit("11", applicant=colleague, contact=contact_of(colleague))
    other_service = submit("21")  # not the supervisor's: never selected
    officer_for("21")
    client.force_login(supervisor)
    page = client.get(bulk_url("assign", [*ordinary, filed_by_colleague, other_service])).content.decode()
    assert f'<option value="{colleague.pk}"' in page
    assert other_service.reference not in page

    response = client.post(
        bulk_url("assign", [*ordinary, filed_by_colleague, other_service]),
        {"assignee": colleague.pk},
        follow=True,
    )

    for service_request in ordinary:
        service_request.refresh_from_db()
        assert service_request.assignee == colleague
    filed_by_colleague.refresh_from_db()
    other_service.refresh_from_db()
    assert filed_by_colleague.assignee is None and other_service.assignee is None
    assert messages_of(response) == [
        (
            "warning",
            f"ดำเนินการ 2 รายการ, ข้าม 1 รายการ: {filed_by_colleague.reference} "
            f"({in_thai('The applicant of a request cannot be its assignee.')})",
        )
    ]
    change = AssignmentChange.objects.filter(request=ordinary[0]).get()
    assert (change.actor, change.to_assignee) == (supervisor, colleague)


def test_an_officer_who_is_not_a_supervisor_cannot_assign_in_bulk(
    client, personnel_officer, colleague, submit
):
    service_request = submit("11")
    client.force_login(personnel_officer)
    page = client.get(bulk_url("assign", [service_request])).content.decode()
    reason = in_thai("Only a supervisor of the service may assign requests to others.")
    assert reason in page
    assert '<select name="assignee"' not in page

    response = client.post(bulk_url("assign", [service_request]), {"assignee": colleague.pk}, follow=True)

    assert messages_of(response) == [("error", reason)]
    service_request.refresh_from_db()
    assert service_request.assignee is None


def test_an_officer_of_another_service_cannot_act_on_its_requests(client, finance_officer, submit):
    service_request = submit("11")
    client.force_login(finance_officer)
    response = client.post(bulk_url("take", [service_request]), follow=True)
    service_request.refresh_from_db()
    assert service_request.assignee is None
    assert messages_of(response) == [("error", in_thai("No requests are selected."))]


def test_select_all_acts_on_the_filtered_and_searched_list_only(
    client, personnel_officer, request_in, submit
):
    submitted = [request_in(S.SUBMITTED), request_in(S.SUBMITTED, service_code="12")]
    request_in(S.RETURNED)
    request_in(S.SUBMITTED, service_code="21")  # another service's
    client.force_login(personnel_officer)

    response = client.post(bulk_url("start", id="all", status="submitted"), follow=True)

    assert messages_of(response) == [("success", "ดำเนินการ 2 รายการ")]
    for service_request in submitted:
        service_request.refresh_from_db()
        assert service_request.status == S.IN_PROGRESS
    searched = submit("12")
    response = client.post(bulk_url("take", id="all", q=searched.reference), follow=True)
    assert messages_of(response) == [("success", "ดำเนินการ 1 รายการ")]
    searched.refresh_from_db()
    assert searched.assignee == personnel_officer


def test_export_the_selection_downloads_only_the_ticked_requests_and_records_it(
    client, personnel_officer, submit
):
    ticked = [submit("11"), submit("12")]
    left_out = submit("11")
    client.force_login(personnel_officer)

    confirmation = client.get(bulk_url("export", ticked)).content.decode()
    assert in_thai("Export the selection") in confirmation
    assert all(service_request.reference in confirmation for service_request in ticked)
    response = client.post(bulk_url("export", ticked), {"export": "csv"}, follow=True)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    references = {row[0] for row in csv.reader(io.StringIO(text, newline=""))}
    assert {service_request.reference for service_request in ticked} <= references
    assert left_out.reference not in references
    exported = RequestAccess.objects.filter(kind=AccessKind.EXPORTED)
    assert set(exported.values_list("request_id", flat=True)) == {r.pk for r in ticked}


def test_export_of_select_all_keeps_the_lists_filters_as_a_spreadsheet(client, personnel_officer, request_in):
    returned = request_in(S.RETURNED)
    request_in(S.SUBMITTED)
    client.force_login(personnel_officer)

    response = client.post(bulk_url("export", id="all", status="returned"), {"export": "xlsx"}, follow=True)

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [row[0].value for row in sheet.iter_rows(min_row=2)] == [returned.reference]
