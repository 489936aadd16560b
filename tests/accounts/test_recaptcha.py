"""The "I'm not a robot" check: off without keys (and the page says so), Google's verdict obeyed with keys.

Only the call to Google is mocked (django_recaptcha.client.submit, which the field calls).
"""

from unittest import mock
from urllib.error import HTTPError

from django.contrib.auth import get_user
from django.test import override_settings

import pytest
from django_recaptcha.client import RecaptchaResponse

from accounts.models import User
from tests.helpers import in_thai

REGISTER_URL = "/accounts/register/"
LOGIN_URL = "/accounts/login/"
OFF_NOTE = "The robot check (reCAPTCHA) is off on this server because no keys are configured."
WITH_KEYS = override_settings(
    RECAPTCHA_PUBLIC_KEY="site-public-key", RECAPTCHA_PRIVATE_KEY="site-private-key"
)
CAPTCHA_ANSWER = {"g-recaptcha-response": "token-from-the-browser"}

pytestmark = pytest.mark.django_db


def google_says(is_valid):
    return mock.patch(
        "django_recaptcha.client.submit",
        return_value=RecaptchaResponse(
            is_valid=is_valid, error_codes=[] if is_valid else ["invalid-input-response"]
        ),
    )


@pytest.mark.parametrize("url", [REGISTER_URL, LOGIN_URL])
def test_without_keys_there_is_no_captcha_and_the_page_says_so(client, page_tree, url):
    response = client.get(url)
    assert "captcha" not in response.context["form"].fields
    assert in_thai(OFF_NOTE) in response.content.decode()
    assert "www.google.com/recaptcha" not in response.content.decode()


@WITH_KEYS
@pytest.mark.parametrize("url", [REGISTER_URL, LOGIN_URL])
def test_with_keys_the_form_has_the_captcha(client, page_tree, url):
    response = client.get(url)
    assert "captcha" in response.context["form"].fields
    html = response.content.decode()
    assert 'data-sitekey="site-public-key"' in html
    assert in_thai(OFF_NOTE) not in html


@WITH_KEYS
def test_registration_succeeds_when_google_confirms_a_human(client, page_tree, registration_data):
    with google_says(True) as submit:
        response = client.post(REGISTER_URL, {**registration_data, **CAPTCHA_ANSWER})
    assert response.status_code == 302
    assert User.objects.filter(citizen_id="1439900285977").exists()
    assert submit.call_args.kwargs["recaptcha_response"] == "token-from-the-browser"
    assert submit.call_args.kwargs["private_key"] == "site-private-key"


@WITH_KEYS
def test_registration_is_refused_when_google_says_robot(client, page_tree, registration_data):
    with google_says(False):
        response = client.post(REGISTER_URL, {**registration_data, **CAPTCHA_ANSWER})
    assert response.status_code == 200
    assert response.context["form"].errors["captcha"] == [in_thai("Please confirm that you are not a robot.")]
    assert not User.objects.exists()
    assert not get_user(client).is_authenticated


@WITH_KEYS
def test_registration_without_ticking_the_box_is_refused(client, page_tree, registration_data):
    with google_says(True) as submit:
        response = client.post(REGISTER_URL, registration_data)
    assert response.context["form"].has_error("captcha", "required")
    assert not submit.called
    assert not User.objects.exists()


@WITH_KEYS
def test_registration_is_refused_when_google_cannot_be_reached(client, page_tree, registration_data):
    unreachable = HTTPError("https://www.google.com/recaptcha/api/siteverify", 503, "Unavailable", {}, None)
    with mock.patch("django_recaptcha.client.submit", side_effect=unreachable):
        response = client.post(REGISTER_URL, {**registration_data, **CAPTCHA_ANSWER})
    assert response.context["form"].has_error("captcha", "captcha_error")
    assert not User.objects.exists()


@WITH_KEYS
def test_login_succeeds_when_google_confirms_a_human(client, page_tree, user, password):
    with google_says(True):
        response = client.post(
            LOGIN_URL, {"username": user.citizen_id, "password": password, **CAPTCHA_ANSWER}
        )
    assert response.status_code == 302
    assert get_user(client) == user


@WITH_KEYS
def test_login_is_refused_when_google_says_robot(client, page_tree, user, password):
    with google_says(False):
        response = client.post(
            LOGIN_URL, {"username": user.citizen_id, "password": password, **CAPTCHA_ANSWER}
        )
    assert response.status_code == 200
    assert response.context["form"].errors["captcha"] == [in_thai("Please confirm that you are not a robot.")]
    assert not get_user(client).is_authenticated
