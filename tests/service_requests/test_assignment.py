"""Assignment and the officer's own queue (issue 13 item 1): an officer takes an unassigned
request (รับเรื่อง) or releases their own, a supervisor of the service assigns it to any officer
of it, the list filters "ของฉัน" / "ยังไม่มีผู้รับ" and shows the assignee, the dashboard lists each
officer's open requests overdue first; every change is in the request's history and audit log."""

import datetime

from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest

from base.dates import format_date
from privacy.queries import request_fields
from service_requests import actions, queries
from service_requests.models import AssignmentChange, ServiceRequest
from service_requests.workflow import RequestStatus
from tests.factories.accounts import SuperuserFactory
from tests.factories.service_requests import contact_of
from tests.helpers import in_thai
from tests.service_requests.helpers import (
    access_admin_group,
    admin_url,
    audit_log,
    frozen_at,
    listed_references,
)

pytestmark = pytest.mark.django_db

S = RequestStatus
INDEX = reverse("service_request_admin:index")
HOME = reverse("wagtailadmin_home")


def message_texts(response):
    return [str(message).strip() for message in response.context["messages"]]


def make_supervisor(officer):
    """Give an officer the supervisors' group (Settings → Groups: "Can assign requests to others")."""
    group = access_admin_group("หัวหน้ากลุ่มบริหารงานบุคคล")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="service_requests", codename="assign_servicerequest")
    )
    officer.groups.add(group)
    return officer


@pytest.fixture
def colleague(officer_for, personnel_officer):
    """A second officer of the personnel group (services 11 and 12)."""
    return officer_for("11", first_name="สมหญิง", last_name="ขยันงาน")


@pytest.fixture
def supervisor(officer_for, personnel_officer):
    return make_supervisor(officer_for("11", first_name="มาลี", last_name="ดูแลดี"))


def post_assignee(client, service_request, assignee):
    return client.post(
        admin_url("assign", service_request), {"assignee": assignee.pk if assignee else ""}, follow=True
    )


# Taking and releasing, as an officer does it on the process page


def test_an_officer_takes_an_unassigned_request_on_its_process_page(as_officer, personnel_officer, submit):
    service_request = submit("11")
    page = as_officer.get(admin_url("process", service_request)).content.decode()
    assert in_thai("Nobody has taken this request yet.") in page
    assert in_thai("Take this request") in page
    assert f'name="assignee" value="{personnel_officer.pk}"' in page  # the button takes it for them
    assert '<select name="assignee"' not in page  # no choice of officers for a non-supervisor

    response = post_assignee(as_officer, service_request, personnel_officer)

    assert message_texts(response) == [
        in_thai("You took the request %(reference)s.") % {"reference": service_request.reference}
    ]
    service_request.refresh_from_db()
    assert service_request.assignee == personnel_officer
    page = response.content.decode()
    assert "นายสมชาย ใจดี" in page
    assert in_thai("Took the request") in page  # the assignment history on the process page
    assert in_thai("Release this request") in page
    change = AssignmentChange.objects.get(request=service_request)
    assert (change.from_assignee, change.to_assignee, change.actor) == (
        None,
        personnel_officer,
        personnel_officer,
    )
    entry = audit_log(service_request).last()
    assert entry.action == "service_requests.assign"
    assert entry.user_id == personnel_officer.pk
    assert entry.data["to"] == personnel_officer.pk
    assert entry.data["to_name"] == "นายสมชาย ใจดี"


def test_an_officer_releases_their_own_request(as_officer, personnel_officer, submit):
    service_request = submit("11")
    actions.assign_request(
        actor=personnel_officer, service_request=service_request, assignee=personnel_officer
    )

    response = post_assignee(as_officer, service_request, None)

    service_request.refresh_from_db()
    assert service_request.assignee is None
    assert message_texts(response) == [
        in_thai("The request %(reference)s has no assignee now.") % {"reference": service_request.reference}
    ]
    assert in_thai("Released the request") in response.content.decode()
    assert [entry.action for entry in audit_log(service_request)][-2:] == [
        "service_requests.assign",
        "service_requests.assign",
    ]


def test_a_request_taken_by_another_officer_cannot_be_taken_or_released(
    client, personnel_officer, colleague, submit
):
    service_request = submit("11")
    actions.assign_request(actor=colleague, service_request=service_request, assignee=colleague)
    client.force_login(personnel_officer)
    page = client.get(admin_url("process", service_request)).content.decode()
    assert in_thai("Take this request") not in page
    assert in_thai("Release this request") not in page

    for assignee in (personnel_officer, None):
        response = post_assignee(client, service_request, assignee)
        assert message_texts(response) == [in_thai("Another officer has taken this request.")]
    service_request.refresh_from_db()
    assert service_request.assignee == colleague
    assert AssignmentChange.objects.filter(request=service_request).count() == 1


def test_an_officer_who_is_not_a_supervisor_cannot_assign_others(as_officer, colleague, submit):
    service_request = submit("11")
    response = post_assignee(as_officer, service_request, colleague)
    assert message_texts(response) == [
        in_thai("Only a supervisor of the service may assign requests to others.")
    ]
    service_request.refresh_from_db()
    assert service_request.assignee is None


def test_an_officer_of_another_service_can_neither_take_nor_be_assigned(
    client, supervisor, finance_officer, submit
):
    service_request = submit("11")
    client.force_login(finance_officer)
    assert (
        client.post(admin_url("assign", service_request), {"assignee": finance_officer.pk}).status_code == 404
    )
    with pytest.raises(PermissionDenied):
        actions.assign_request(
            actor=finance_officer, service_request=service_request, assignee=finance_officer
        )

    client.force_login(supervisor)
    page = client.get(admin_url("process", service_request)).content.decode()
    assert f'<option value="{finance_officer.pk}"' not in page  # not offered
    response = post_assignee(client, service_request, finance_officer)
    assert message_texts(response) == [
        in_thai("Only an officer of the request's service can be its assignee.")
    ]
    with pytest.raises(PermissionDenied) as refusal:
        actions.assign_request(actor=supervisor, service_request=service_request, assignee=finance_officer)
    assert str(refusal.value) == in_thai("Only an officer of the request's service can be its assignee.")
    service_request.refresh_from_db()
    assert service_request.assignee is None
    assert not AssignmentChange.objects.exists()


def test_an_officer_never_takes_nor_is_given_a_request_they_filed(client, supervisor, colleague, request_in):
    own = request_in(S.SUBMITTED, applicant=colleague, contact=contact_of(colleague))
    client.force_login(colleague)
    assert in_thai("Take this request") not in client.get(admin_url("process", own)).content.decode()
    with pytest.raises(PermissionDenied):
        actions.assign_request(actor=colleague, service_request=own, assignee=colleague)
    assert colleague not in queries.assignable_officers(own)
    with pytest.raises(PermissionDenied) as refusal:
        actions.assign_request(actor=supervisor, service_request=own, assignee=colleague)
    assert str(refusal.value) == in_thai("The applicant of a request cannot be its assignee.")


def test_a_closed_request_keeps_its_assignee(as_officer, personnel_officer, request_in):
    completed = request_in(S.COMPLETED)
    assert (
        in_thai("Take this request") not in as_officer.get(admin_url("process", completed)).content.decode()
    )
    response = post_assignee(as_officer, completed, personnel_officer)
    assert message_texts(response) == [
        in_thai("A request that is “%(status)s” keeps its assignee.") % {"status": in_thai(S.COMPLETED.label)}
    ]


# Supervisors


def test_a_supervisor_assigns_a_request_to_an_officer_of_the_service(
    client, supervisor, personnel_officer, colleague, submit
):
    service_request = submit("12")
    actions.assign_request(actor=colleague, service_request=service_request, assignee=colleague)
    client.force_login(supervisor)
    page = client.get(admin_url("process", service_request)).content.decode()
    assert f'<option value="{personnel_officer.pk}"' in page
    assert in_thai("Assign") in page

    response = post_assignee(client, service_request, personnel_officer)

    assert message_texts(response) == [
        in_thai("The request %(reference)s is now assigned to %(name)s.")
        % {"reference": service_request.reference, "name": "นายสมชาย ใจดี"}
    ]
    service_request.refresh_from_db()
    assert service_request.assignee == personnel_officer
    page = response.content.decode()
    assert in_thai("Assigned to %(name)s") % {"name": "นายสมชาย ใจดี"} in page
    change = AssignmentChange.objects.filter(request=service_request).last()
    assert (change.from_assignee, change.to_assignee, change.actor) == (
        colleague,
        personnel_officer,
        supervisor,
    )
    entry = audit_log(service_request).last()
    assert (entry.action, entry.user_id, entry.data["from"], entry.data["to"]) == (
        "service_requests.assign",
        supervisor.pk,
        colleague.pk,
        personnel_officer.pk,
    )


def test_a_supervisor_removes_an_assignee(client, supervisor, colleague, submit):
    service_request = submit("11")
    actions.assign_request(actor=colleague, service_request=service_request, assignee=colleague)
    client.force_login(supervisor)
    assert (
        in_thai("Remove the assignee") in client.get(admin_url("process", service_request)).content.decode()
    )
    post_assignee(client, service_request, None)
    service_request.refresh_from_db()
    assert service_request.assignee is None
    change = AssignmentChange.objects.filter(request=service_request).last()
    assert change.description == in_thai("Removed the assignee %(name)s") % {
        "name": colleague.get_full_name()
    }


def test_supervising_is_per_service_through_the_officers_groups(officer_for, supervisor):
    assert queries.services_supervised_by(supervisor) == {"11", "12"}
    finance = make_supervisor(officer_for("21"))  # in the same supervisors' group, finance's officer
    assert queries.services_supervised_by(finance) == {"21"}
    assert queries.services_supervised_by(SuperuserFactory()) >= {"11", "12", "21"}


def test_administrators_give_the_permission_to_a_group(client):
    client.force_login(SuperuserFactory())
    page = client.get(reverse("wagtailusers_groups:add")).content.decode()
    assert in_thai("Can assign requests to others") in page


# The list: filters and the assignee column


def test_the_list_filters_mine_and_not_taken_and_shows_the_assignee(
    as_officer, personnel_officer, colleague, submit
):
    mine, theirs, nobodys = submit("11"), submit("12"), submit("11")
    actions.assign_request(actor=personnel_officer, service_request=mine, assignee=personnel_officer)
    actions.assign_request(actor=colleague, service_request=theirs, assignee=colleague)

    assert listed_references(as_officer.get(INDEX, {"assigned": "mine"})) == [mine.reference]
    assert listed_references(as_officer.get(INDEX, {"assigned": "nobody"})) == [nobodys.reference]
    response = as_officer.get(INDEX)
    assert len(listed_references(response)) == 3
    page = response.content.decode()
    for label in ("Assignee", "Mine", "Not taken yet"):
        assert in_thai(label) in page
    assert "ของฉัน" in page and "ยังไม่มีผู้รับ" in page
    assert colleague.get_full_name() in page  # the assignee column


# The dashboard: my open requests, overdue first


def my_queue(response):
    panel = next(p for p in response.context["panels"] if getattr(p, "name", "") == "service_request_summary")
    return panel.get_context_data()["my_queue"]


def test_the_dashboard_shows_my_open_requests_overdue_first_with_due_dates(
    as_officer, personnel_officer, colleague, submit
):
    with frozen_at(datetime.datetime(2026, 11, 2, 3, 0, tzinfo=datetime.UTC)):
        late = submit("11")  # due five working days later: overdue by the end of November
    fresh = submit("12")
    theirs = submit("11")
    closed = submit("11")
    for service_request in (fresh, late, closed):
        actions.assign_request(
            actor=personnel_officer, service_request=service_request, assignee=personnel_officer
        )
    actions.assign_request(actor=colleague, service_request=theirs, assignee=colleague)
    ServiceRequest.objects.filter(pk=closed.pk).update(status=S.COMPLETED)

    response = as_officer.get(HOME)

    rows = my_queue(response)
    assert [service_request for service_request, _timing in rows] == [late, fresh]
    assert rows[0][1].is_overdue and not rows[1][1].is_overdue
    page = response.content.decode()
    assert in_thai("My open requests") in page
    assert format_date(rows[0][1].due_on) in page
    assert admin_url("process", late) in page
    assert page.index(late.reference) < page.index(fresh.reference)
    assert "?assigned=mine" in page


def test_the_dashboard_tells_an_officer_without_requests_where_to_take_one(as_officer, submit):
    submit("11")
    page = as_officer.get(HOME).content.decode()
    assert "?assigned=nobody" in page
    assert my_queue(as_officer.get(HOME)) == []


def test_the_dashboard_costs_the_same_queries_for_1_and_for_20_own_requests(
    as_officer, personnel_officer, submit
):
    def count_queries():
        with CaptureQueriesContext(connection) as captured:
            assert as_officer.get(HOME).status_code == 200
        return len(captured)

    first = submit("11")
    actions.assign_request(actor=personnel_officer, service_request=first, assignee=personnel_officer)
    for_one = count_queries()
    for number in range(19):
        service_request = submit("12" if number % 2 else "11")
        actions.assign_request(
            actor=personnel_officer, service_request=service_request, assignee=personnel_officer
        )
    assert count_queries() == for_one


# The assignee stays in the office


def test_the_applicants_copy_of_their_data_leaves_the_assignee_out():
    assert "assignee" not in {field.name for field in request_fields()}


def test_the_applicants_page_does_not_name_the_assignee(client, user, personnel_officer, submit, page_tree):
    service_request = submit("11")
    actions.assign_request(
        actor=personnel_officer, service_request=service_request, assignee=personnel_officer
    )
    client.force_login(user)
    page = client.get(reverse("service_requests:detail", args=[service_request.reference])).content.decode()
    assert in_thai("Assignee") not in page
    assert in_thai("Took the request") not in page
