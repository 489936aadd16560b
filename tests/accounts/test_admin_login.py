"""The staff's log-in to the Wagtail admin: citizen ID as typed, Thai words, the robot check.

Only the call to Google is mocked (django_recaptcha.client.submit, which the field calls).
"""

from django.contrib.auth import get_user
from django.urls import reverse

import pytest

from tests.accounts.test_recaptcha import CAPTCHA_ANSWER, WITH_KEYS, google_says
from tests.factories.accounts import SuperuserFactory
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

ADMIN_LOGIN = reverse("wagtailadmin_login")
PASSWORD = "a-long-staff-password-2568"


@pytest.fixture
def staff():
    return SuperuserFactory(citizen_id="1439900285977", password=PASSWORD)


def test_staff_log_in_with_the_citizen_id_as_they_type_it(client, staff):
    response = client.post(ADMIN_LOGIN, {"username": "1-4399-00285-97-7", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert get_user(client) == staff


def test_the_page_speaks_thai_and_names_the_fields(client):
    html = client.get(ADMIN_LOGIN).content.decode()
    for words in ("Staff log in", "Citizen ID", "Password", "Remember me"):
        assert in_thai(words) in html
    assert "Sign in to Wagtail" not in html and "Remember me" not in html
    assert 'maxlength="17"' in html  # room for the dashes people type


def test_a_wrong_password_gets_the_same_message_as_on_the_public_log_in(client, staff):
    response = client.post(ADMIN_LOGIN, {"username": staff.citizen_id, "password": "not-it"})
    assert in_thai("The citizen ID or password is not correct.") in response.content.decode()
    assert not get_user(client).is_authenticated


@WITH_KEYS
def test_with_keys_staff_must_pass_the_robot_check(client, staff):
    assert 'data-sitekey="site-public-key"' in client.get(ADMIN_LOGIN).content.decode()

    with google_says(False):
        refused = client.post(
            ADMIN_LOGIN, {"username": staff.citizen_id, "password": PASSWORD, **CAPTCHA_ANSWER}
        )
    assert refused.status_code == 200
    assert not get_user(client).is_authenticated

    with google_says(True):
        accepted = client.post(
            ADMIN_LOGIN, {"username": staff.citizen_id, "password": PASSWORD, **CAPTCHA_ANSWER}
        )
    assert accepted.status_code == 302
    assert get_user(client) == staff
