"""The counter's code: an officer with the permission, having seen the ID card, issues a one-time
code (24 hours, stored hashed, audit-logged); the applicant sets a new password with it."""

import re
from datetime import timedelta

from django.contrib.auth import get_user
from django.contrib.auth.models import Group, Permission
from django.test import Client

from wagtail.models import ModelLogEntry

import pytest

from accounts import actions
from accounts.models import CounterResetCode, User
from tests.accounts.clock import clock_moved
from tests.factories.accounts import StaffFactory, SuperuserFactory, UserFactory
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

ISSUE_URL = "/admin/accounts/counter-code/"
RESET_URL = "/accounts/password/reset-code/"
LOGIN_URL = "/accounts/login/"
NEW_PASSWORD = "Mango-sticky-rice-2569"
WRONG = (
    "The citizen ID or the code is not correct, or the code has expired or been used. "
    "Please check the slip, or ask the office for a new code."
)


@pytest.fixture
def counter_officer(db):
    group = Group.objects.create(name="เจ้าหน้าที่ศูนย์บริการ")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="issue_counter_reset_code"),
    )
    officer = StaffFactory()
    officer.groups.add(group)
    return officer


@pytest.fixture
def applicant(db):
    return UserFactory(citizen_id="1439900285977", email="")


def issue_at_counter(client, officer, citizen_id) -> str:
    client.force_login(officer)
    response = client.post(ISSUE_URL, {"citizen_id": citizen_id, "card_seen": "on"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    return re.search(r'id="counter-code">([\d ]+)<', response.content.decode()).group(1)


def reset_with(client, citizen_id, code, password=NEW_PASSWORD):
    data = {"citizen_id": citizen_id, "code": code, "new_password1": password, "new_password2": password}
    return client.post(RESET_URL, data, follow=True)


def can_log_in(citizen_id, password):
    client = Client()
    client.post(LOGIN_URL, {"username": citizen_id, "password": password})
    return get_user(client).is_authenticated


def test_an_officer_with_the_permission_issues_a_printable_code(
    client, page_tree, counter_officer, applicant
):
    code = issue_at_counter(client, counter_officer, "1-4399-00285-97-7")
    assert re.fullmatch(r"\d{4} \d{4} \d{4}", code)
    record = CounterResetCode.objects.get(user=applicant)
    assert code.replace(" ", "") not in record.code_hash  # stored hashed
    assert record.issued_by == counter_officer
    assert record.expires_at - record.issued_at == timedelta(hours=24)
    entry = ModelLogEntry.objects.get(action="accounts.issue_counter_reset_code", object_id=str(applicant.pk))
    assert entry.user_id == counter_officer.pk
    assert entry.data["code_id"] == record.pk


def test_the_code_is_only_issued_after_seeing_the_id_card(client, page_tree, counter_officer, applicant):
    client.force_login(counter_officer)
    response = client.post(ISSUE_URL, {"citizen_id": applicant.citizen_id})
    assert response.context["form"].errors["card_seen"] == [
        in_thai("A code may only be issued after seeing the ID card.")
    ]
    assert not CounterResetCode.objects.exists()


def test_without_the_permission_no_code_is_issued(client, page_tree, applicant):
    officer = StaffFactory()
    officer.groups.add(Group.objects.get(name="Editors"))
    client.force_login(officer)
    # Wagtail answers a refusal by sending the officer back to the dashboard with a message.
    for response in (
        client.get(ISSUE_URL),
        client.post(ISSUE_URL, {"citizen_id": applicant.citizen_id, "card_seen": "on"}),
    ):
        assert (response.status_code, response.url) == (302, "/admin/")
    assert not CounterResetCode.objects.exists()


def test_an_officer_cannot_open_a_staff_account_or_their_own(counter_officer, applicant):
    for target in (StaffFactory(), SuperuserFactory(), counter_officer):
        with pytest.raises(actions.PermissionDenied):
            actions.issue_counter_reset_code(actor=counter_officer, user=target)
    # A superuser can, for a staff member who has lost access.
    actions.issue_counter_reset_code(actor=SuperuserFactory(), user=counter_officer)


def test_the_applicant_sets_a_new_password_with_the_code(
    client, page_tree, counter_officer, applicant, password
):
    code = issue_at_counter(client, counter_officer, applicant.citizen_id)
    response = reset_with(Client(), applicant.citizen_id, code)
    assert response.redirect_chain[-1][0] == LOGIN_URL
    assert can_log_in(applicant.citizen_id, NEW_PASSWORD)
    assert not can_log_in(applicant.citizen_id, password)
    entry = ModelLogEntry.objects.get(action="accounts.reset_password", object_id=str(applicant.pk))
    assert entry.data["method"] == "counter_code"


def test_the_code_is_used_once(client, page_tree, counter_officer, applicant):
    code = issue_at_counter(client, counter_officer, applicant.citizen_id)
    reset_with(Client(), applicant.citizen_id, code)
    response = reset_with(Client(), applicant.citizen_id, code, password="Another-one-2569x")
    assert in_thai(WRONG) in response.content.decode()
    assert can_log_in(applicant.citizen_id, NEW_PASSWORD)


def test_the_code_expires_after_24_hours(client, page_tree, counter_officer, applicant, password):
    code = issue_at_counter(client, counter_officer, applicant.citizen_id)
    with clock_moved(timedelta(hours=24, minutes=1)):
        response = reset_with(Client(), applicant.citizen_id, code)
    assert in_thai(WRONG) in response.content.decode()
    assert User.objects.get(pk=applicant.pk).check_password(password)


def test_a_wrong_code_and_an_unknown_id_get_the_same_answer(client, page_tree, counter_officer, applicant):
    issue_at_counter(client, counter_officer, applicant.citizen_id)
    wrong_code = reset_with(Client(), applicant.citizen_id, "0000 0000 0000")
    no_code = reset_with(Client(), UserFactory().citizen_id, "0000 0000 0000")
    for response in (wrong_code, no_code):
        assert in_thai(WRONG) in response.content.decode()


def test_five_wrong_codes_void_it(client, page_tree, counter_officer, applicant):
    code = issue_at_counter(client, counter_officer, applicant.citizen_id)
    for _ in range(actions.COUNTER_CODE_ATTEMPTS):
        reset_with(Client(), applicant.citizen_id, "1111 1111 1111")
    response = reset_with(Client(), applicant.citizen_id, code)
    assert in_thai(WRONG) in response.content.decode()


def test_a_refused_password_keeps_the_code_open(client, page_tree, counter_officer, applicant):
    code = issue_at_counter(client, counter_officer, applicant.citizen_id)
    response = reset_with(Client(), applicant.citizen_id, code, password="12345678")
    assert response.context["form"].errors["new_password1"]
    reset_with(Client(), applicant.citizen_id, code)
    assert can_log_in(applicant.citizen_id, NEW_PASSWORD)


def test_a_new_code_voids_the_earlier_one(client, page_tree, counter_officer, applicant):
    first = issue_at_counter(client, counter_officer, applicant.citizen_id)
    issue_at_counter(client, counter_officer, applicant.citizen_id)
    response = reset_with(Client(), applicant.citizen_id, first)
    assert in_thai(WRONG) in response.content.decode()


def test_the_permission_is_offered_on_the_group_page_and_the_menu_shows_to_its_holders(
    client, page_tree, superuser, counter_officer
):
    group = counter_officer.groups.get()
    client.force_login(superuser)
    html = client.get(f"/admin/groups/edit/{group.pk}/").content.decode()
    assert in_thai("Can issue password reset codes at the counter") in html
    client.force_login(counter_officer)
    assert ISSUE_URL in client.get("/admin/").content.decode()
    other = StaffFactory()
    other.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(other)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert ISSUE_URL not in response.content.decode()
