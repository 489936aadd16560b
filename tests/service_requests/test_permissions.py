"""One permission tester per (user, request): the role comes from where the user stands, not from
who they are; an officer never works a request they filed; the tester's answers are what the
actions do, and what the pages offer."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from wagtail import hooks

import pytest

from service_requests import actions
from service_requests.hooks import REQUEST_MOVE_GUARDS
from service_requests.models import StatusChange
from service_requests.permissions import RequestPermissionTester
from service_requests.workflow import EDIT_TARGET, TRANSITIONS, RequestStatus, Role
from tests.factories.accounts import SuperuserFactory
from tests.factories.service_requests import contact_of, details_for
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

S = RequestStatus
OWN_REQUEST = (
    "You filed this request yourself, so another officer of the service processes it. "
    "You can cancel it from “My requests”."
)


def admin_url(name, service_request):
    return reverse(f"service_request_admin:{name}", args=[service_request.pk])


def message_texts(response):
    return [str(message).strip() for message in response.context["messages"]]


@pytest.fixture
def staff_applicant(officer_for):
    """An officer of the ID-card service who files an ID-card request of their own."""
    return officer_for("11")


@pytest.fixture
def own_request(request_in, staff_applicant):
    def make(status=S.SUBMITTED):
        return request_in(status, applicant=staff_applicant, contact=contact_of(staff_applicant))

    return make


# The HTTP 500: a staff member cancels their own request from "My requests" without a reason.


@pytest.mark.parametrize("who", ["officer of the service", "superuser"])
def test_a_staff_member_cancels_their_own_request_without_a_reason(
    client, page_tree, request_in, staff_applicant, who
):
    applicant = staff_applicant if who == "officer of the service" else SuperuserFactory()
    service_request = request_in(S.IN_PROGRESS, applicant=applicant, contact=contact_of(applicant))
    client.force_login(applicant)
    my_requests = client.get(reverse("service_requests:my_requests")).content.decode()
    cancel_url = reverse("service_requests:cancel", args=[service_request.reference])
    assert cancel_url in my_requests

    response = client.post(cancel_url, {"reason": ""})

    assert response.status_code == 302
    assert response.url == reverse("service_requests:my_requests")
    service_request.refresh_from_db()
    assert service_request.status == S.CANCELLED
    last = service_request.history.last()
    assert (last.actor, last.actor_role, last.message) == (applicant, Role.APPLICANT, "")


def test_the_role_is_checked(own_request, staff_applicant, other_applicant):
    service_request = own_request()
    with pytest.raises(ValueError):
        actions.move_request(
            actor=staff_applicant, service_request=service_request, to_status=S.CANCELLED, role="boss"
        )
    # Someone else's request: not theirs to cancel as an applicant, whatever they are.
    with pytest.raises(PermissionDenied):
        actions.move_request(
            actor=other_applicant, service_request=service_request, to_status=S.CANCELLED, role=Role.APPLICANT
        )


# An officer never works a request they filed themselves.


@pytest.mark.parametrize("target", [S.IN_PROGRESS, S.RETURNED, S.COMPLETED, S.CANCELLED])
def test_an_officer_may_not_work_their_own_request(own_request, staff_applicant, target):
    service_request = own_request(S.SUBMITTED)
    with pytest.raises(PermissionDenied) as refused:
        actions.move_request(
            actor=staff_applicant,
            service_request=service_request,
            to_status=target,
            role=Role.OFFICER,
            message="อนุมัติเอง",
        )
    assert str(refused.value) == in_thai(OWN_REQUEST)
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED
    assert StatusChange.objects.filter(request=service_request).count() == 1


def test_another_officer_of_the_service_works_it(own_request, officer_for):
    service_request = own_request(S.SUBMITTED)
    colleague = officer_for("11")
    assert RequestPermissionTester(colleague, service_request).can_process()
    actions.move_request(
        actor=colleague, service_request=service_request, to_status=S.COMPLETED, role=Role.OFFICER
    )
    service_request.refresh_from_db()
    assert service_request.status == S.COMPLETED


def test_the_admin_list_says_why_and_offers_no_cancel(client, own_request, staff_applicant, submit, user):
    mine = own_request(S.SUBMITTED)
    theirs = submit("11")
    client.force_login(staff_applicant)
    page = client.get(reverse("service_request_admin:index")).content.decode()
    assert (
        in_thai("%(name)s (your own request: another officer processes it)")
        % {"name": mine.applicant_full_name}
        in page
    )
    assert admin_url("cancel", mine) not in page
    assert admin_url("cancel", theirs) in page


def test_the_process_page_says_why_and_offers_no_form(client, own_request, staff_applicant):
    service_request = own_request(S.SUBMITTED)
    client.force_login(staff_applicant)
    response = client.get(admin_url("process", service_request))
    page = response.content.decode()
    assert response.status_code == 200
    assert in_thai(OWN_REQUEST) in page
    assert 'name="to_status"' not in page
    assert admin_url("cancel", service_request) not in page


def test_a_forged_post_to_the_process_page_is_refused_with_the_reason(client, own_request, staff_applicant):
    service_request = own_request(S.SUBMITTED)
    client.force_login(staff_applicant)
    response = client.post(
        admin_url("process", service_request),
        {"to_status": S.COMPLETED, "message": "", "confirm_final": "on"},
        follow=True,
    )
    assert response.redirect_chain == [(admin_url("process", service_request), 302)]
    assert in_thai(OWN_REQUEST) in message_texts(response)
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED


def test_the_officers_cancel_page_is_refused_with_the_reason(client, own_request, staff_applicant):
    service_request = own_request(S.SUBMITTED)
    client.force_login(staff_applicant)
    for response in (
        client.get(admin_url("cancel", service_request), follow=True),
        client.post(admin_url("cancel", service_request), {"reason": "ยกเลิกเอง"}, follow=True),
    ):
        assert response.redirect_chain == [(admin_url("process", service_request), 302)]
        assert in_thai(OWN_REQUEST) in message_texts(response)
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED


# The tester answers what the actions do, for every status, role and target of the table.


class RolledBack(Exception):
    """Undoes an attempt that succeeded, so the next one starts from the same request."""


def attempt(action, **arguments) -> bool:
    try:
        with transaction.atomic():
            action(**arguments)
            raise RolledBack
    except RolledBack:
        return True
    except PermissionDenied:
        return False


ACTORS = ["applicant", "officer", "officer who filed it", "stranger"]


@pytest.mark.parametrize("actor_kind", ACTORS)
@pytest.mark.parametrize("status", list(TRANSITIONS))
def test_the_tester_answers_what_the_actions_do(
    request_in, user, officer_for, other_applicant, staff_applicant, actor_kind, status
):
    if actor_kind == "officer who filed it":
        actor = staff_applicant
        service_request = request_in(status, applicant=actor, contact=contact_of(actor))
    else:
        actor = {"applicant": user, "officer": officer_for("11"), "stranger": other_applicant}[actor_kind]
        service_request = request_in(status)
    permissions = RequestPermissionTester(actor, service_request)
    for role in Role:
        for target in RequestStatus:
            moved = attempt(
                actions.move_request,
                actor=actor,
                service_request=service_request,
                to_status=target,
                role=role,
                message="เหตุผล",
            )
            assert moved is permissions.can_move(target, role), (role, target)
        assert permissions.allowed_targets(role) == [
            target for target in RequestStatus if permissions.can_move(target, role)
        ]
    edited = attempt(
        actions.edit_request,
        actor=actor,
        service_request=service_request,
        contact=contact_of(actor),
        details=details_for("11"),
        attachments={},
    )
    assert edited is permissions.can_edit()
    if actor_kind == "applicant":
        assert permissions.can_edit() is (status in EDIT_TARGET)
        assert permissions.can_cancel(Role.APPLICANT) is (status not in (S.COMPLETED, S.CANCELLED))


def test_an_officers_message_is_still_required(request_in, officer_for):
    service_request = request_in(S.SUBMITTED)
    with pytest.raises(ValidationError):
        actions.move_request(
            actor=officer_for("11"), service_request=service_request, to_status=S.RETURNED, role=Role.OFFICER
        )


# An app above holds a move back (payments: completing an unpaid order, tests/payments/test_completion.py).

HELD_BACK = "ยังย้ายไป “กำลังดำเนินการ” ไม่ได้"


def holding_back_in_progress(service_request, to_status, role):
    return HELD_BACK if to_status == S.IN_PROGRESS else ""


def test_a_move_an_app_holds_back_is_neither_offered_nor_made(request_in, officer_for):
    service_request = request_in(S.SUBMITTED)
    officer = officer_for("11")

    def refusal_of(to_status):
        with pytest.raises(PermissionDenied) as refusal:
            actions.move_request(
                actor=officer, service_request=service_request, to_status=to_status, role=Role.OFFICER
            )
        return str(refusal.value)

    with hooks.register_temporarily(REQUEST_MOVE_GUARDS, holding_back_in_progress):
        permissions = RequestPermissionTester(officer, service_request)
        assert permissions.process_moves() == [
            (S.IN_PROGRESS, HELD_BACK),
            (S.RETURNED, ""),
            (S.COMPLETED, ""),
        ]
        assert permissions.process_targets() == [S.RETURNED, S.COMPLETED]
        assert permissions.can_process() and permissions.can_cancel(Role.OFFICER)
        assert refusal_of(S.IN_PROGRESS) == HELD_BACK
        # A move the table forbids keeps its own reason.
        assert refusal_of(S.RESUBMITTED) == in_thai(
            "A request that is “%(status)s” cannot be changed this way."
        ) % {"status": in_thai(S.SUBMITTED.label)}
    service_request.refresh_from_db()
    assert service_request.status == S.SUBMITTED
