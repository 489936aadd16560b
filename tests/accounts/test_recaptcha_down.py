"""When Google's reCAPTCHA verification cannot be reached or answers nonsense, log-in and
registration say in Thai that the check is unavailable for the moment (and log it): never a 500.

Tested at the HTTP boundary: django-recaptcha's own client talks to a stand-in server on
127.0.0.1 (RECAPTCHA_DOMAIN), which is down, slow, or answers with errors."""

import json
import logging

from django.contrib.auth import get_user

import pytest

from accounts.models import User
from tests.accounts.recaptcha_stand_in import closed_port, verification_server
from tests.factories.accounts import UserFactory
from tests.helpers import in_thai

LOGIN_URL = "/accounts/login/"
REGISTER_URL = "/accounts/register/"
UNAVAILABLE = (
    "The robot check (reCAPTCHA) cannot be verified at the moment. Please try again in a few minutes."
)
CAPTCHA_ANSWER = {"g-recaptcha-response": "token-from-the-browser"}
PROXY, VISITOR = "10.0.0.5", "203.0.113.7"

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree")]


@pytest.fixture(autouse=True)
def with_keys(settings):
    settings.RECAPTCHA_PUBLIC_KEY = "site-public-key"
    settings.RECAPTCHA_PRIVATE_KEY = "site-private-key"
    settings.RECAPTCHA_VERIFY_REQUEST_TIMEOUT = 1


@pytest.fixture
def stand_in(settings, tmp_path, monkeypatch):
    with verification_server(tmp_path) as (server, domain, certificate_path):
        settings.RECAPTCHA_DOMAIN = domain
        monkeypatch.setenv("SSL_CERT_FILE", str(certificate_path))  # trust the test's certificate
        yield server


@pytest.fixture
def google_down(settings):
    settings.RECAPTCHA_DOMAIN = f"127.0.0.1:{closed_port()}"


def log_in(client, user, password):
    return client.post(LOGIN_URL, {"username": user.citizen_id, "password": password, **CAPTCHA_ANSWER})


def register(client, registration_data):
    return client.post(REGISTER_URL, {**registration_data, **CAPTCHA_ANSWER})


def assert_told_to_try_later(response, caplog):
    assert response.status_code == 200
    assert in_thai(UNAVAILABLE) in response.content.decode()
    assert "ตรวจสอบไม่ได้ชั่วคราว" in response.content.decode()
    assert any(
        record.name == "accounts.recaptcha" and record.levelno == logging.ERROR for record in caplog.records
    )


# The stand-in itself: Google's verdict reaches the form through it


def test_through_the_stand_in_a_confirmed_human_logs_in(client, stand_in, user, password):
    response = client.post(
        LOGIN_URL,
        {"username": user.citizen_id, "password": password, **CAPTCHA_ANSWER},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=VISITOR,
    )
    assert response.status_code == 302
    assert get_user(client) == user
    [sent] = stand_in.received
    assert sent["secret"] == ["site-private-key"]
    assert sent["response"] == ["token-from-the-browser"]


def test_google_is_told_the_visitors_address_not_a_forged_one(client, stand_in, user, password, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client.post(
        LOGIN_URL,
        {"username": user.citizen_id, "password": password, **CAPTCHA_ANSWER},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=f"198.51.100.99, {VISITOR}",
    )
    assert stand_in.received[0]["remoteip"] == [VISITOR]


# Log-in


def test_login_when_google_cannot_be_reached(client, google_down, user, password, caplog):
    response = log_in(client, user, password)
    assert_told_to_try_later(response, caplog)
    assert not get_user(client).is_authenticated


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (503, "Service Unavailable"),
        (500, json.dumps({"error": "internal"})),
        (200, "<html>not the verification answer</html>"),
        (200, json.dumps({"unexpected": True})),
    ],
    ids=["503", "500", "not-json", "no-verdict"],
)
def test_login_when_google_answers_with_an_error(client, stand_in, user, password, caplog, status, body):
    stand_in.answer(status=status, body=body)
    response = log_in(client, user, password)
    assert_told_to_try_later(response, caplog)
    assert not get_user(client).is_authenticated


def test_login_when_google_does_not_answer_in_time(client, stand_in, user, password, caplog):
    stand_in.answer(body=json.dumps({"success": True}), delay=2)
    response = log_in(client, user, password)
    assert_told_to_try_later(response, caplog)
    assert not get_user(client).is_authenticated


# Registration


def test_registration_when_google_cannot_be_reached(client, google_down, registration_data, caplog):
    response = register(client, registration_data)
    assert_told_to_try_later(response, caplog)
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("status", "body"),
    [(503, "Service Unavailable"), (200, "not json"), (200, json.dumps({"unexpected": True}))],
    ids=["503", "not-json", "no-verdict"],
)
def test_registration_when_google_answers_with_an_error(
    client, stand_in, registration_data, caplog, status, body
):
    stand_in.answer(status=status, body=body)
    response = register(client, registration_data)
    assert_told_to_try_later(response, caplog)
    assert not User.objects.exists()
    assert response.context["form"].has_error("captcha", "captcha_error")


def test_the_admin_login_when_google_cannot_be_reached(client, google_down, password, caplog):
    officer = UserFactory(is_staff=True, is_superuser=True)
    response = client.post(
        "/admin/login/", {"username": officer.citizen_id, "password": password, **CAPTCHA_ANSWER}
    )
    assert_told_to_try_later(response, caplog)
    assert not get_user(client).is_authenticated
