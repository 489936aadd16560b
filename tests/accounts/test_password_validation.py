"""Passwords: what Django's validators let through for Thai users and now refuse (one Thai word
typed twice, Thai common passwords, the phone number or citizen ID with a letter added), with the
Thai help and messages kept."""

from django.contrib.auth import password_validation

import pytest

from accounts.forms import PasswordChangeForm, RegistrationForm
from tests.factories.accounts import UserFactory
from tests.helpers import THAI_SCRIPT, in_thai

pytestmark = pytest.mark.django_db

TOO_COMMON = "This password is too common."
TOO_SIMILAR = "This password is too similar to your personal information (%(verbose_name)s)."


def registration_with(registration_data, password):
    return RegistrationForm(data={**registration_data, "password1": password, "password2": password})


@pytest.mark.parametrize(
    "password",
    [
        "ทดสอบทดสอบ",
        "ทดสอบ12345",
        "รหัสผ่าน1234",
        "รหัสผ่านรหัสผ่าน",
        "สวัสดี2568!",
        "ประเทศไทย",
        "ยฟหหไนพก",  # "password" typed with the Thai keyboard layout on
        "ๅ/-ภถุึค",  # "12345678" likewise
        "passwordpassword",
        "password1",
        "Thailand2568",
        "abcabcabc",
        "กกกกกกกกกก",
    ],
)
def test_common_and_repeated_passwords_are_refused(registration_data, password):
    form = registration_with(registration_data, password)
    assert not form.is_valid()
    assert form.has_error("password1", "password_too_common")
    assert in_thai(TOO_COMMON) in [in_thai(message) for message in form.errors["password1"]]


@pytest.mark.parametrize(
    ("password", "field"),
    [
        ("0812345678a", "เบอร์โทรศัพท์"),
        ("a0812345678", "เบอร์โทรศัพท์"),
        ("0812345678ก", "เบอร์โทรศัพท์"),
        ("ก812345678ข", "เบอร์โทรศัพท์"),
        ("081-234-5678x", "เบอร์โทรศัพท์"),
        ("1439900285977a", "เลขประจำตัวประชาชน"),
        ("วิลัย1439900285977", "เลขประจำตัวประชาชน"),
        ("x1-4399-00285-97-7", "เลขประจำตัวประชาชน"),
    ],
)
def test_the_phone_or_citizen_id_inside_a_password_is_refused(registration_data, password, field):
    form = registration_with(registration_data, password)
    assert not form.is_valid()
    assert form.has_error("password1", "password_too_similar")
    assert form.errors["password1"] == [in_thai(TOO_SIMILAR) % {"verbose_name": field}]


def test_the_similarity_message_is_thai(registration_data):
    form = registration_with(registration_data, "0812345678a")
    form.is_valid()
    message = in_thai(form.errors["password1"][0])
    assert THAI_SCRIPT.search(message), message
    assert "เบอร์โทรศัพท์" in message


@pytest.mark.parametrize("password", ["Sarabun-2568-ok", "ช้างเผือก-2568-ดี", "ทดสอบระบบของสำนักงานเขต"])
def test_a_good_password_is_still_accepted(registration_data, password):
    form = registration_with(registration_data, password)
    assert form.is_valid(), form.errors


def test_changing_the_password_refuses_the_phone_plus_a_letter():
    user = UserFactory(phone="0898765432")
    form = PasswordChangeForm(
        user,
        data={
            "old_password": "Sarabun-2568-ok",
            "new_password1": "0898765432z",
            "new_password2": "0898765432z",
        },
    )
    assert not form.is_valid()
    assert form.has_error("new_password2", "password_too_similar")


def test_the_help_text_stays_thai():
    help_texts = [in_thai(text) for text in password_validation.password_validators_help_texts()]
    assert len(help_texts) == 4
    assert all(THAI_SCRIPT.search(text) for text in help_texts), help_texts
