"""Sessions end: staff after 30 minutes idle or 12 hours in all, applicants after 60 minutes idle
unless they ticked "remember me" (14 days); the password is asked again before changing it, the
e-mail or a second factor; logging out of the admin leaves no live session.

Time moves forward by a patched clock (accounts.sessions.now_seconds) or by ageing the times the
session keeps, never by sleeping."""

from datetime import timedelta

from django.contrib.auth import get_user
from django.contrib.auth.models import Permission
from django.contrib.sessions.models import Session

from wagtail.models import ModelLogEntry

import pytest

from accounts import sessions
from tests.factories.accounts import StaffFactory
from tests.helpers import form_errors, in_thai, pass_second_factor

pytestmark = pytest.mark.django_db

PROFILE_URL = "/accounts/profile/"
PASSWORD_URL = "/accounts/password/"
CONFIRM_URL = "/accounts/confirm-password/"


@pytest.fixture
def officer(db):
    officer = StaffFactory()
    officer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return officer


@pytest.fixture
def clock(monkeypatch):
    """Move the sessions' clock forward: clock.advance(timedelta(...))."""
    real_now = sessions.now_seconds
    offset = timedelta()

    class Clock:
        def advance(self, by: timedelta):
            nonlocal offset
            offset += by

    monkeypatch.setattr(sessions, "now_seconds", lambda: real_now() + offset.total_seconds())
    return Clock()


def age(client, key, by: timedelta):
    session = client.session
    session[key] -= by.total_seconds()
    session.save()


def is_logged_in(client):
    return get_user(client).is_authenticated


# Staff


def test_a_staff_session_ends_after_30_minutes_idle(client, officer, clock):
    client.force_login(officer)
    clock.advance(timedelta(minutes=29))
    assert client.get("/admin/").status_code == 200  # and this counts as activity

    clock.advance(timedelta(minutes=29))
    assert client.get("/admin/").status_code == 200

    clock.advance(timedelta(minutes=31))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert not is_logged_in(client)


def test_a_staff_session_ends_after_12_hours_however_busy(client, officer, clock):
    client.force_login(officer)
    for _ in range(12 * 2):
        clock.advance(timedelta(minutes=29, seconds=59))
        assert client.get("/admin/").status_code == 200
    clock.advance(timedelta(minutes=1))  # 12 h 0 min 36 s since the log-in
    response = client.get("/admin/")
    assert response.url.startswith("/admin/login/")
    assert not is_logged_in(client)


def test_the_end_of_a_session_is_said_in_thai(client, page_tree, officer):
    client.force_login(officer)
    age(client, sessions.LAST_ACTIVITY_AT, timedelta(minutes=31))
    response = client.get("/admin/", follow=True)
    assert in_thai("Your session has ended. Please log in again.") in response.content.decode()


# Applicants


def test_an_applicants_session_ends_after_60_minutes_idle(client, page_tree, user, password):
    client.post("/accounts/login/", {"username": user.citizen_id, "password": password})
    age(client, sessions.LAST_ACTIVITY_AT, timedelta(minutes=59))
    assert client.get(PROFILE_URL).status_code == 200

    age(client, sessions.LAST_ACTIVITY_AT, timedelta(minutes=61))
    response = client.get(PROFILE_URL)
    assert response.url.startswith("/accounts/login/")
    assert not is_logged_in(client)


def test_without_remember_me_the_cookie_ends_with_the_browser(client, page_tree, user, password):
    response = client.post("/accounts/login/", {"username": user.citizen_id, "password": password})
    assert response.cookies["sessionid"]["max-age"] == ""
    assert in_thai("Remember me") == "จดจำฉันไว้"


def test_remember_me_keeps_an_applicant_logged_in_for_14_days(client, page_tree, user, password):
    response = client.post(
        "/accounts/login/", {"username": user.citizen_id, "password": password, "remember_me": "on"}
    )
    assert 14 * 24 * 60 * 60 - 5 <= response.cookies["sessionid"]["max-age"] <= 14 * 24 * 60 * 60
    age(client, sessions.LAST_ACTIVITY_AT, timedelta(days=3))
    age(client, sessions.LOGGED_IN_AT, timedelta(days=3))
    assert client.get(PROFILE_URL).status_code == 200

    age(client, sessions.LOGGED_IN_AT, timedelta(days=11, minutes=1))
    assert client.get(PROFILE_URL).status_code == 302
    assert not is_logged_in(client)


def test_the_login_page_offers_remember_me(client, page_tree):
    page = client.get("/accounts/login/").content.decode()
    assert 'name="remember_me"' in page
    assert "จดจำฉันไว้" in page


# The password again


def test_changing_the_password_asks_for_the_password_again_after_a_few_minutes(
    client, page_tree, user, password
):
    client.post("/accounts/login/", {"username": user.citizen_id, "password": password})
    assert client.get(PASSWORD_URL).status_code == 200  # just typed at the log-in

    age(client, sessions.PASSWORD_CONFIRMED_AT, timedelta(minutes=6))
    response = client.get(PASSWORD_URL)
    assert response.url == f"{CONFIRM_URL}?next=%2Faccounts%2Fpassword%2F"
    response = client.post(
        PASSWORD_URL, {"old_password": password, "new_password1": "x", "new_password2": "x"}
    )
    assert response.url.startswith(CONFIRM_URL)

    response = client.post(CONFIRM_URL, {"password": "not-my-password", "next": PASSWORD_URL})
    assert form_errors(response, "password") == [
        in_thai("Your password is not correct. Please enter it again.")
    ]
    response = client.post(CONFIRM_URL, {"password": password, "next": PASSWORD_URL})
    assert response.url == PASSWORD_URL

    new = "Nakhon-Phanom-2568"
    response = client.post(
        PASSWORD_URL, {"old_password": password, "new_password1": new, "new_password2": new}
    )
    assert response.url == PROFILE_URL
    user.refresh_from_db()
    assert user.check_password(new)
    assert ModelLogEntry.objects.for_instance(user).filter(action="accounts.change_password").exists()


def test_changing_the_email_asks_for_the_password_again(client, page_tree, user, password):
    client.force_login(user)
    age(client, sessions.PASSWORD_CONFIRMED_AT, timedelta(minutes=6))
    data = {
        "title": user.title,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": "045511019",
        "personnel_type": user.personnel_type,
        "email": user.email,
    }
    # Other changes need no password.
    assert client.post(PROFILE_URL, data).url == PROFILE_URL

    response = client.post(PROFILE_URL, {**data, "email": "new@example.com"})
    assert response.url.startswith(CONFIRM_URL)
    user.refresh_from_db()
    assert user.email == ""

    response = client.post(CONFIRM_URL, {"password": password, "next": PROFILE_URL}, follow=True)
    # Back on the profile, what was typed is still there: nothing to type again, only Save.
    form = response.context["form"]
    assert form["email"].value() == "new@example.com"
    assert form["phone"].value() == "045511019"
    assert (
        in_thai("What you typed is kept. Please press “Save changes” to apply it.")
        in response.content.decode()
    )
    client.post(PROFILE_URL, {**data, "email": "new@example.com"})
    user.refresh_from_db()
    assert user.email == "new@example.com"


# Logging out of the admin


def test_logging_out_of_the_admin_by_get_leaves_no_live_session_behind_a_deleted_cookie(client, officer):
    client.force_login(officer)
    session_key = client.cookies["sessionid"].value

    response = client.get("/admin/logout/")
    # Either the cookie goes and the session with it, or both stay: here GET only asks.
    deleted = "sessionid" in response.cookies and response.cookies["sessionid"].value == ""
    assert deleted == (not Session.objects.filter(session_key=session_key).exists())
    assert not deleted
    assert 'method="post"' in response.content.decode()
    assert is_logged_in(client)

    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert not Session.objects.filter(session_key=session_key).exists()
    client.cookies["sessionid"] = session_key  # the old cookie, kept by someone
    assert client.get("/admin/").url.startswith("/admin/login/")


def test_after_logging_out_the_second_factor_is_asked_again(client, officer, password):
    client.force_login(officer)
    client.post("/admin/logout/")
    client.post("/admin/login/", {"username": officer.citizen_id, "password": password})
    assert client.get("/admin/").url.startswith("/admin/two-factor/verify/")
    pass_second_factor(client, officer)
    assert client.get("/admin/").status_code == 200
