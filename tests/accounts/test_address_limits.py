"""Limits per visitor address behind the TLS proxy: django-axes' lock of one citizen ID, failed
log-ins across many IDs (password spraying), registrations and the public status check, all by the
address base.client_address reads (X-Forwarded-For from the right, one entry per trusted proxy)."""

import datetime
import re
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user
from django.test import override_settings
from django.utils import timezone

import pytest
from axes.utils import reset

from accounts.models import AddressAttempt, User
from portal.settings import base as base_settings
from tests.factories.accounts import UserFactory, citizen_id_for
from tests.helpers import THAI_SCRIPT, in_thai

LOGIN_URL = "/accounts/login/"
ADMIN_LOGIN_URL = "/admin/login/"
REGISTER_URL = "/accounts/register/"
STATUS_URL = "/status/"
PROXY = "10.0.0.5"
VISITOR = "203.0.113.7"
NEIGHBOUR = "203.0.113.8"
FORGED = "198.51.100.99"
LOGIN_LIMIT_MESSAGE = (
    "Too many failed log-in attempts have come from your network. Logging in from it is paused "
    "for %(minutes)d minutes; please try again later, or log in from another network."
)
REGISTRATION_LIMIT_MESSAGE = (
    "Too many registrations have been made from your network. Please try again in %(minutes)d "
    "minutes, or register at the office counter."
)
WITH_KEYS = override_settings(
    RECAPTCHA_PUBLIC_KEY="site-public-key", RECAPTCHA_PRIVATE_KEY="site-private-key"
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_tree")]


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # Fewer failures than the real 30 (checked below) keep the tests quick; the rule is the same.
    settings.ADDRESS_LOGIN_FAILURE_LIMIT = 8
    settings.ADDRESS_REGISTRATION_LIMIT = 4
    reset()
    yield
    reset()


def through_proxy(visitor, forged=None):
    """The headers the portal sees: the proxy's address, and the visitor's appended to any
    X-Forwarded-For the visitor sent themselves."""
    forwarded = f"{forged}, {visitor}" if forged else visitor
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": forwarded}


def log_in(client, citizen_id, password, visitor=VISITOR, url=LOGIN_URL, forged=None):
    return client.post(url, {"username": citizen_id, "password": password}, **through_proxy(visitor, forged))


def later(minutes):
    return mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(minutes=minutes)
    )


def login_limit_message():
    return in_thai(LOGIN_LIMIT_MESSAGE) % {"minutes": 15}


def spray(client, visitor=VISITOR, failures=None, url=LOGIN_URL):
    """Wrong passwords for many citizen IDs, each tried fewer times than django-axes' limit."""
    failures = failures or settings.ADDRESS_LOGIN_FAILURE_LIMIT
    return [
        log_in(client, f"3100600{index:06d}", "Password-guess-1", visitor, url) for index in range(failures)
    ]


# django-axes behind the proxy: one citizen ID, one visitor


def test_axes_locks_the_visitor_not_everyone_behind_the_proxy(client, user, password):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, user.citizen_id, "wrong-password", VISITOR)
    assert log_in(client, user.citizen_id, password, VISITOR).status_code == 429
    assert log_in(client, user.citizen_id, password, NEIGHBOUR).status_code == 302
    assert get_user(client) == user


def test_a_forged_forwarded_header_does_not_escape_the_axes_lock(client, user, password):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, user.citizen_id, "wrong-password", VISITOR)
    response = log_in(client, user.citizen_id, password, VISITOR, forged=FORGED)
    assert response.status_code == 429
    assert not get_user(client).is_authenticated


# Password spraying: one address, many citizen IDs


def test_the_limit_across_ids_is_thirty_failures_in_fifteen_minutes():
    assert base_settings.ADDRESS_LOGIN_FAILURE_LIMIT == 30
    assert datetime.timedelta(minutes=15) == base_settings.ADDRESS_LOGIN_FAILURE_WINDOW


def test_the_registration_limit_is_ten_an_hour():
    assert base_settings.ADDRESS_REGISTRATION_LIMIT == 10
    assert datetime.timedelta(hours=1) == base_settings.ADDRESS_REGISTRATION_WINDOW


def test_failures_below_the_limit_across_ids_are_only_wrong_logins(client, user, password):
    answers = spray(client, failures=settings.ADDRESS_LOGIN_FAILURE_LIMIT - 1)
    assert {answer.status_code for answer in answers} == {200}
    assert login_limit_message() not in answers[-1].content.decode()
    assert log_in(client, user.citizen_id, password).status_code == 302


def test_after_spraying_many_ids_even_the_right_password_is_refused_from_that_address(client, user, password):
    spray(client)
    response = log_in(client, user.citizen_id, password)
    assert response.status_code == 429
    assert login_limit_message() in response.content.decode()
    assert THAI_SCRIPT.search(login_limit_message())
    assert not get_user(client).is_authenticated


def test_spraying_from_one_address_does_not_stop_another_behind_the_same_proxy(client, user, password):
    spray(client, VISITOR)
    assert log_in(client, user.citizen_id, password, NEIGHBOUR).status_code == 302
    assert get_user(client) == user


def test_a_forged_forwarded_header_does_not_escape_the_limit_across_ids(client, user, password):
    spray(client, VISITOR)
    assert log_in(client, user.citizen_id, password, VISITOR, forged=FORGED).status_code == 429


def test_the_address_may_log_in_again_after_fifteen_minutes(client, user, password):
    spray(client)
    with later(16):
        response = log_in(client, user.citizen_id, password)
    assert response.status_code == 302


def test_successful_log_ins_do_not_count_towards_the_limit(client, user, password):
    for _ in range(settings.ADDRESS_LOGIN_FAILURE_LIMIT + 1):
        assert log_in(client, user.citizen_id, password).status_code == 302
        client.post("/accounts/logout/")
    assert not AddressAttempt.objects.exists()


def test_the_admin_login_has_the_same_limit_across_ids(client, password):
    officer = UserFactory(is_staff=True, is_superuser=True)
    spray(client, url=ADMIN_LOGIN_URL)
    response = log_in(client, officer.citizen_id, password, url=ADMIN_LOGIN_URL)
    assert login_limit_message() in response.content.decode()
    assert not get_user(client).is_authenticated


@WITH_KEYS
def test_the_limited_login_page_keeps_the_robot_check(client, user, password):
    with mock.patch("django_recaptcha.client.submit") as submit:
        submit.return_value.is_valid = True
        spray(client)
        response = log_in(client, user.citizen_id, password)
    assert login_limit_message() in response.content.decode()
    assert 'data-sitekey="site-public-key"' in response.content.decode()


def test_addresses_are_counted_as_keyed_hashes_only(client):
    spray(client, failures=1)
    stored = AddressAttempt.objects.get()
    assert VISITOR not in stored.client_hash
    assert len(stored.client_hash) == 64


# Registration: one address, many accounts


def registration(index):
    """Another applicant's details for each index, with a checksum-valid citizen ID."""
    digits = f"31006{index:07d}"
    check = (11 - sum(int(digit) * (13 - position) for position, digit in enumerate(digits)) % 11) % 10
    return {
        "citizen_id": digits + str(check),
        "phone": "0812345678",
        "personnel_type": "teacher",
        "title": "นาย",
        "first_name": "สมชาย",
        "last_name": "ใจดี",
        "password1": "Sarabun-2568-ok",
        "password2": "Sarabun-2568-ok",
        "consent": "on",
    }


def register(client, index, visitor=VISITOR, forged=None):
    response = client.post(REGISTER_URL, registration(index), **through_proxy(visitor, forged))
    client.logout()
    return response


def registration_limit_message():
    return in_thai(REGISTRATION_LIMIT_MESSAGE) % {"minutes": 60}


def test_registrations_up_to_the_limit_succeed_and_the_next_one_is_refused(client):
    answers = [register(client, index).status_code for index in range(settings.ADDRESS_REGISTRATION_LIMIT)]
    refused = register(client, 99)
    assert answers == [302] * settings.ADDRESS_REGISTRATION_LIMIT
    assert refused.status_code == 429
    page = refused.content.decode()
    assert registration_limit_message() in page
    assert THAI_SCRIPT.search(registration_limit_message())
    assert not User.objects.filter(citizen_id=registration(99)["citizen_id"]).exists()
    assert registration(99)["citizen_id"] in page  # what was typed is kept...
    assert "Sarabun-2568-ok" not in page  # ...but not the password


def test_refused_registration_attempts_count_too(client):
    for _ in range(settings.ADDRESS_REGISTRATION_LIMIT):
        client.post(REGISTER_URL, {**registration(1), "password2": "different"}, **through_proxy(VISITOR))
    assert register(client, 1).status_code == 429


def test_another_visitor_behind_the_same_proxy_may_still_register(client):
    for index in range(settings.ADDRESS_REGISTRATION_LIMIT):
        register(client, index, VISITOR)
    assert register(client, 99, NEIGHBOUR).status_code == 302


def test_a_forged_forwarded_header_does_not_escape_the_registration_limit(client):
    for index in range(settings.ADDRESS_REGISTRATION_LIMIT):
        register(client, index, VISITOR)
    assert register(client, 99, VISITOR, forged=FORGED).status_code == 429


def test_the_address_may_register_again_after_an_hour(client):
    for index in range(settings.ADDRESS_REGISTRATION_LIMIT):
        register(client, index)
    with later(61):
        assert register(client, 99).status_code == 302


@WITH_KEYS
def test_the_limited_registration_page_keeps_the_robot_check(client):
    with mock.patch("django_recaptcha.client.submit") as submit:
        submit.return_value.is_valid = True
        for index in range(settings.ADDRESS_REGISTRATION_LIMIT):
            client.post(
                REGISTER_URL, {**registration(index), "g-recaptcha-response": "t"}, **through_proxy(VISITOR)
            )
            client.logout()
        response = register(client, 99)
    assert response.status_code == 429
    assert 'data-sitekey="site-public-key"' in response.content.decode()


# "Forgot password" (ลืมรหัสผ่าน): a limit per address, with the same answer for every citizen ID

FORGOT_URL = "/accounts/password/forgot/"
RESET_LIMIT_MESSAGE = (
    "Too many requests for a new password have come from your network. Please try again in "
    "%(minutes)d minutes, or come to the office with your national ID card."
)


def ask_for_reset(client, citizen_id, visitor=VISITOR, forged=None):
    return client.post(FORGOT_URL, {"citizen_id": citizen_id}, **through_proxy(visitor, forged))


def test_the_reset_limit_is_ten_an_hour():
    assert base_settings.ADDRESS_PASSWORD_RESET_LIMIT == 10
    assert datetime.timedelta(hours=1) == base_settings.ADDRESS_PASSWORD_RESET_WINDOW


def test_reset_requests_past_the_limit_are_refused_in_thai(client, user, settings):
    settings.ADDRESS_PASSWORD_RESET_LIMIT = 3
    answers = [ask_for_reset(client, citizen_id_for(index)).status_code for index in range(3)]
    refused = ask_for_reset(client, user.citizen_id)
    assert answers == [302, 302, 302]
    assert refused.status_code == 429
    message = in_thai(RESET_LIMIT_MESSAGE) % {"minutes": 60}
    assert THAI_SCRIPT.search(message)
    assert message in refused.content.decode()
    assert user.citizen_id in refused.content.decode()  # what was typed is kept


def test_the_reset_limit_answers_the_same_for_an_id_with_or_without_an_account(client, user, settings):
    settings.ADDRESS_PASSWORD_RESET_LIMIT = 2
    for index in range(2):
        ask_for_reset(client, citizen_id_for(index))
    with_account = ask_for_reset(client, user.citizen_id)
    without_account = ask_for_reset(client, "3100600445635")
    assert with_account.status_code == without_account.status_code == 429

    def seen(response, typed):
        html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
        return html.replace(typed, "<citizen id>")

    assert seen(with_account, user.citizen_id) == seen(without_account, "3100600445635")


def test_another_visitor_may_still_ask_for_a_reset_and_a_forged_header_does_not_escape(
    client, user, settings
):
    settings.ADDRESS_PASSWORD_RESET_LIMIT = 2
    for index in range(2):
        ask_for_reset(client, citizen_id_for(index))
    assert ask_for_reset(client, user.citizen_id, forged=FORGED).status_code == 429
    assert ask_for_reset(client, user.citizen_id, NEIGHBOUR).status_code == 302
    with later(61):
        assert ask_for_reset(client, user.citizen_id).status_code == 302


@WITH_KEYS
def test_the_limited_reset_page_keeps_the_robot_check(client, user, settings):
    settings.ADDRESS_PASSWORD_RESET_LIMIT = 1
    ask_for_reset(client, user.citizen_id)
    response = ask_for_reset(client, user.citizen_id)
    assert response.status_code == 429
    assert 'data-sitekey="site-public-key"' in response.content.decode()


# The public status check behind the proxy


def look_up(client, visitor, forged=None):
    return client.post(
        STATUS_URL,
        {"reference": "1120250331111015", "citizen_id_or_phone": "3100600123458"},
        **through_proxy(visitor, forged),
    )


def test_the_status_check_limits_the_visitor_not_everyone_behind_the_proxy(client):
    answers = [look_up(client, VISITOR).status_code for _ in range(10)]
    assert answers == [200] * 10
    assert look_up(client, VISITOR).status_code == 429
    assert look_up(client, VISITOR, forged=FORGED).status_code == 429
    assert look_up(client, NEIGHBOUR).status_code == 200
