"""The account forms on their own: what they accept, normalise and refuse."""

from django.test import RequestFactory, override_settings

import pytest

from accounts.forms import LoginForm, PasswordChangeForm, ProfileForm, RegistrationForm
from accounts.validators import CITIZEN_ID_MESSAGES, PERSON_NAME_MESSAGE
from tests.factories.accounts import UserFactory
from tests.helpers import THAI_SCRIPT, in_thai

pytestmark = pytest.mark.django_db


def test_registration_normalises_the_citizen_id_and_phone(registration_data):
    form = RegistrationForm(data=registration_data)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["citizen_id"] == "1439900285977"
    assert form.cleaned_data["phone"] == "0812345678"


def test_registration_refuses_an_invalid_citizen_id(registration_data):
    form = RegistrationForm(data={**registration_data, "citizen_id": "1439900285970"})
    assert not form.is_valid()
    assert form.errors["citizen_id"] == [str(CITIZEN_ID_MESSAGES["checksum"])]


def test_registration_refuses_a_citizen_id_that_already_has_an_account(registration_data):
    UserFactory(citizen_id="1439900285977")
    form = RegistrationForm(data=registration_data)
    assert not form.is_valid()
    assert form.has_error("citizen_id", "duplicate")


def test_registration_requires_consent_to_the_privacy_notice(registration_data):
    del registration_data["consent"]
    form = RegistrationForm(data=registration_data)
    assert not form.is_valid()
    assert form.has_error("consent", "required")


@pytest.mark.parametrize(
    "field", ["citizen_id", "phone", "personnel_type", "title", "first_name", "last_name"]
)
def test_registration_requires_each_profile_field(registration_data, field):
    form = RegistrationForm(data={**registration_data, field: ""})
    assert not form.is_valid()
    assert form.has_error(field, "required")


def test_registration_refuses_a_title_outside_the_list(registration_data):
    form = RegistrationForm(data={**registration_data, "title": "เจ้าชาย"})
    assert not form.is_valid()
    assert form.has_error("title", "invalid_choice")


def test_registration_refuses_two_different_passwords(registration_data):
    form = RegistrationForm(data={**registration_data, "password2": "Sarabun-2568-no"})
    assert not form.is_valid()
    assert "password2" in form.errors


@pytest.mark.parametrize("password", ["Ab1-xyz", "password123", "1234567890123"])
def test_registration_refuses_a_weak_password_on_the_password_field(registration_data, password):
    form = RegistrationForm(data={**registration_data, "password1": password, "password2": password})
    assert not form.is_valid()
    assert form.errors["password1"]


def test_registration_refuses_a_password_like_the_applicants_name(registration_data):
    password = "Wilaiwan2568"
    form = RegistrationForm(
        data={**registration_data, "first_name": "Wilaiwan", "password1": password, "password2": password}
    )
    assert not form.is_valid()
    assert form.has_error("password1", "password_too_similar")


def test_the_password_errors_are_thai_for_a_thai_user(registration_data):
    form = RegistrationForm(data={**registration_data, "password1": "abc", "password2": "abc"})
    assert not form.is_valid()
    message = in_thai(form.errors["password1"][0])
    assert THAI_SCRIPT.search(message), message


def test_registration_has_no_captcha_without_keys():
    assert "captcha" not in RegistrationForm().fields
    assert not RegistrationForm().recaptcha_enabled


@override_settings(RECAPTCHA_PUBLIC_KEY="public-key", RECAPTCHA_PRIVATE_KEY="private-key")
def test_registration_and_login_have_a_captcha_with_keys():
    assert RegistrationForm().recaptcha_enabled
    assert LoginForm(RequestFactory().get("/")).recaptcha_enabled


@override_settings(RECAPTCHA_PUBLIC_KEY="public-key", RECAPTCHA_PRIVATE_KEY="")
def test_one_recaptcha_key_alone_does_not_switch_the_captcha_on():
    assert "captcha" not in RegistrationForm().fields


def test_login_finds_the_user_by_a_citizen_id_typed_with_dashes(client, user, password):
    request = client.get("/").wsgi_request
    form = LoginForm(request, data={"username": "1-4399-00285-97-7", "password": password})
    assert form.is_valid(), form.errors
    assert form.get_user() == user


def test_login_refuses_a_wrong_password(client, user):
    request = client.get("/").wsgi_request
    form = LoginForm(request, data={"username": user.citizen_id, "password": "wrong-password"})
    assert not form.is_valid()
    assert form.has_error("__all__", "invalid_login")


def test_the_profile_form_cannot_change_the_citizen_id(user):
    assert "citizen_id" not in ProfileForm(instance=user).fields


def test_the_profile_form_normalises_the_phone(user):
    data = {
        "title": user.title,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": "+66 45 511 019",
        "personnel_type": user.personnel_type,
        "email": "",
    }
    form = ProfileForm(data=data, instance=user)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == "045511019"


def test_password_change_requires_the_current_password(user):
    form = PasswordChangeForm(
        user,
        data={"old_password": "not-it", "new_password1": "Thai-Silk-2568", "new_password2": "Thai-Silk-2568"},
    )
    assert not form.is_valid()
    assert form.has_error("old_password", "password_incorrect")


def test_password_change_refuses_two_different_new_passwords(user, password):
    form = PasswordChangeForm(
        user,
        data={"old_password": password, "new_password1": "Thai-Silk-2568", "new_password2": "Thai-Silk-2569"},
    )
    assert not form.is_valid()
    assert form.has_error("new_password2", "password_mismatch")


@pytest.mark.parametrize("field", ["first_name", "last_name"])
def test_registration_refuses_a_name_with_a_line_break(registration_data, field):
    form = RegistrationForm(data={**registration_data, field: "วิลัยวรรณ\nSubject: ด่วน"})
    assert not form.is_valid()
    assert form.errors[field] == [in_thai(PERSON_NAME_MESSAGE)]


def test_registration_accepts_thai_names_with_tone_marks_and_vowels(registration_data):
    form = RegistrationForm(data={**registration_data, "first_name": "ศักดิ์ชัย", "last_name": "ณัฐธิดา"})
    assert form.is_valid(), form.errors


def test_registration_keeps_the_email_optional(registration_data):
    assert RegistrationForm(data={**registration_data, "email": ""}).is_valid()
    form = RegistrationForm(data={**registration_data, "email": "wilaiwan@example.com"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["email"] == "wilaiwan@example.com"


@pytest.mark.parametrize("field", ["first_name", "last_name"])
def test_the_profile_refuses_a_name_with_markup(user, field):
    data = {
        "title": user.title,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": "0812345678",
        "personnel_type": "teacher",
        field: "<script>สมชาย</script>",
    }
    form = ProfileForm(data=data, instance=user)
    assert not form.is_valid()
    assert form.errors[field] == [in_thai(PERSON_NAME_MESSAGE)]
