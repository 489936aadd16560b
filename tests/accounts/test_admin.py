"""Wagtail's user admin for citizen-ID users, and staff logging in to the admin with their citizen ID."""

from django.contrib.auth import get_user
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.html import escape

import pytest
from stdnum.th import pin

from accounts.models import PersonnelType, User
from tests.factories.accounts import StaffFactory, UserFactory
from tests.helpers import in_thai, pass_second_factor

pytestmark = pytest.mark.django_db

INDEX_URL = reverse("wagtailusers_users:index")
ADD_URL = reverse("wagtailusers_users:add")


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def officer(db):
    """A staff member who may use the Wagtail admin."""
    officer = StaffFactory(title="นาย", first_name="ธนากร", last_name="บุญมา")
    officer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return officer


def new_user_data(**overrides):
    data = {
        "citizen_id": "3-1006-00445-63-5",
        "title": "นาย",
        "first_name": "สมชาย",
        "last_name": "ใจดี",
        "phone": "081-234-5678",
        "personnel_type": PersonnelType.GOVERNMENT_EMPLOYEE,
        "email": "",
        "password1": "Thai-Silk-2568",
        "password2": "Thai-Silk-2568",
    }
    return {**data, **overrides}


def test_the_user_list_shows_citizen_id_phone_and_personnel_type(admin_client, user):
    html = admin_client.get(INDEX_URL).content.decode()
    for heading in ("Citizen ID", "Phone", "Personnel type"):
        assert escape(in_thai(heading)) in html, heading
    assert user.citizen_id in html
    assert user.phone in html
    assert escape(in_thai(user.get_personnel_type_display())) in html


def test_the_user_list_finds_a_user_by_citizen_id(admin_client, user):
    other = UserFactory(first_name="ประเสริฐ")
    response = admin_client.get(INDEX_URL, {"q": user.citizen_id})
    assert response.status_code == 200
    html = response.content.decode()
    assert user.citizen_id in html
    assert other.citizen_id not in html
    assert "ประเสริฐ" not in html


def test_the_create_form_asks_for_title_phone_and_personnel_type(admin_client):
    html = admin_client.get(ADD_URL).content.decode()
    for name in ("citizen_id", "title", "phone", "personnel_type"):
        assert f'name="{name}"' in html, name


def test_the_edit_form_asks_for_title_phone_and_personnel_type(admin_client, user):
    response = admin_client.get(reverse("wagtailusers_users:edit", args=[user.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("title", "phone", "personnel_type"):
        assert f'name="{name}"' in html, name
    assert f'value="{user.phone}"' in html


def test_an_administrator_creates_a_user_with_the_ids_normalised(admin_client):
    response = admin_client.post(ADD_URL, new_user_data())
    assert response.status_code == 302, response.context["form"].errors
    created = User.objects.get(citizen_id="3100600445635")
    assert created.phone == "0812345678"
    assert created.title == "นาย"
    assert created.personnel_type == PersonnelType.GOVERNMENT_EMPLOYEE
    assert created.check_password("Thai-Silk-2568")


def test_the_admin_refuses_an_invalid_citizen_id(admin_client):
    response = admin_client.post(ADD_URL, new_user_data(citizen_id="3100600445630"))
    assert response.status_code == 200
    assert response.context["form"].has_error("citizen_id", "citizen_id_checksum")
    assert not User.objects.filter(citizen_id="3100600445630").exists()


@pytest.mark.parametrize("field", ["first_name", "last_name"])
def test_the_admin_refuses_a_name_with_a_line_break(admin_client, field):
    response = admin_client.post(ADD_URL, new_user_data(**{field: "สมชาย\nSubject: ด่วน"}))
    assert response.status_code == 200
    assert response.context["form"].has_error(field, "name_characters")
    assert not User.objects.filter(citizen_id="3100600445635").exists()


def test_the_admin_edits_the_phone_and_personnel_type(admin_client, user):
    data = new_user_data(
        citizen_id=user.citizen_id,
        title=user.title,
        first_name=user.first_name,
        last_name=user.last_name,
        phone="045-511-019",
        personnel_type=PersonnelType.PENSIONER,
        password1="",
        password2="",
        is_active="on",
    )
    response = admin_client.post(reverse("wagtailusers_users:edit", args=[user.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    user.refresh_from_db()
    assert user.phone == "045511019"
    assert user.personnel_type == PersonnelType.PENSIONER


def test_staff_log_in_to_the_admin_with_their_citizen_id(client, officer, password):
    response = client.post("/admin/login/", {"username": officer.citizen_id, "password": password})
    assert response.status_code == 302
    assert get_user(client) == officer
    # The password alone opens no admin page (tests/accounts/test_two_factor.py has the rest).
    assert client.get("/admin/").url.startswith("/admin/two-factor/setup/")
    pass_second_factor(client, officer)
    assert client.get("/admin/").status_code == 200


def test_staff_may_type_their_citizen_id_with_dashes(client, officer, password):
    typed = pin.format(officer.citizen_id)
    client.post("/admin/login/", {"username": typed, "password": password})
    assert get_user(client) == officer


def test_an_applicant_cannot_use_the_admin(client, user, password):
    client.post("/admin/login/", {"username": user.citizen_id, "password": password})
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
