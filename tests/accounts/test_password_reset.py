"""ลืมรหัสผ่าน by e-mail: a link (1 hour, one use) to the verified address, the same answer for
every citizen ID, a new password twice, every other session ended and the lockout lifted."""

import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user
from django.core import mail
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from wagtail.models import ModelLogEntry

import pytest
from axes.models import AccessAttempt
from axes.utils import reset as reset_axes
from django_tasks import default_task_backend

from accounts.models import User
from tests.accounts.clock import clock_moved
from tests.factories.accounts import UserFactory
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

FORGOT_URL = "/accounts/password/forgot/"
LOGIN_URL = "/accounts/login/"
ADDRESS = "wilaiwan@example.com"
NEW_PASSWORD = "Mango-sticky-rice-2569"
UNKNOWN_CITIZEN_ID = "3100600445635"
LINK_UNUSABLE = "This link cannot be used: it has expired or has been used already. Please ask for a new one."


@pytest.fixture(autouse=True)
def no_earlier_failures():
    reset_axes()
    yield
    reset_axes()


@pytest.fixture
def verified(db):
    return UserFactory(citizen_id="1439900285977", email=ADDRESS)


def ask_for_link(client, citizen_id, capture):
    with capture(execute=True):
        return client.post(FORGOT_URL, {"citizen_id": citizen_id}, follow=True)


def reset_link(message) -> str:
    url = re.search(r"https?://\S+/accounts/password/reset/\S+/", message.body).group(0)
    return re.sub(r"^https?://[^/]+", "", url)


def set_new_password(client, link, password=NEW_PASSWORD):
    """Open the link (Django moves the token into the session) and post the password twice."""
    response = client.get(link, follow=True)
    if not response.context.get("validlink"):
        return response
    return client.post(
        response.redirect_chain[-1][0], {"new_password1": password, "new_password2": password}, follow=True
    )


def visible(response, citizen_id=""):
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
    return html.replace(citizen_id, "<citizen id>") if citizen_id else html


def test_the_login_page_links_forgot_password(client, page_tree):
    html = client.get(LOGIN_URL).content.decode()
    assert f'href="{FORGOT_URL}"' in html
    assert "ลืมรหัสผ่าน" in html


def test_a_reset_link_goes_to_the_verified_address(
    client, page_tree, verified, django_capture_on_commit_callbacks
):
    ask_for_link(client, "1-4399-00285-97-7", django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert reset_link(message).startswith("/accounts/password/reset/")
    assert "60" in message.body  # minutes


def test_the_new_password_logs_in_and_the_old_does_not(
    client, page_tree, verified, password, django_capture_on_commit_callbacks
):
    ask_for_link(client, verified.citizen_id, django_capture_on_commit_callbacks)
    response = set_new_password(client, reset_link(mail.outbox[0]))
    assert response.redirect_chain[-1][0] == LOGIN_URL
    assert escape(in_thai("Your new password is set. Please log in with it.")) in response.content.decode()
    old = Client()
    old.post(LOGIN_URL, {"username": verified.citizen_id, "password": password})
    assert not get_user(old).is_authenticated
    fresh = Client()
    fresh.post(LOGIN_URL, {"username": verified.citizen_id, "password": NEW_PASSWORD})
    assert get_user(fresh).is_authenticated
    entry = ModelLogEntry.objects.get(action="accounts.reset_password", object_id=str(verified.pk))
    assert entry.data == {"method": "email"}


def test_the_answer_is_the_same_for_every_citizen_id(
    client, page_tree, verified, django_capture_on_commit_callbacks
):
    no_email = UserFactory(email="")
    unverified = UserFactory(email="other@example.com", verified_email="")
    pages = {
        case: visible(ask_for_link(client, user_id, django_capture_on_commit_callbacks), user_id)
        for case, user_id in {
            "verified": verified.citizen_id,
            "no e-mail": no_email.citizen_id,
            "unverified": unverified.citizen_id,
            "no account": UNKNOWN_CITIZEN_ID,
        }.items()
    }
    assert len(set(pages.values())) == 1, pages.keys()
    assert [message.to for message in mail.outbox] == [[ADDRESS]]  # only the verified address


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_the_page_does_the_same_work_for_every_citizen_id(
    client, page_tree, verified, django_capture_on_commit_callbacks
):
    """What the request itself does (the look-up is the background task's): the same queries and
    the same queued task, so its time says nothing about the ID."""
    client.get(FORGOT_URL)
    counts = []
    for citizen_id in (verified.citizen_id, UNKNOWN_CITIZEN_ID):
        with django_capture_on_commit_callbacks(execute=True), CaptureQueriesContext(connection) as queries:
            client.post(FORGOT_URL, {"citizen_id": citizen_id})
        counts.append(len(queries))
    assert counts[0] == counts[1]
    queued = default_task_backend.results
    assert [(result.task.name, result.args[0]) for result in queued] == [
        ("email_password_reset_link", verified.citizen_id),
        ("email_password_reset_link", UNKNOWN_CITIZEN_ID),
    ]
    assert mail.outbox == []


def test_the_page_without_a_verified_email_names_the_counter(client, page_tree):
    html = client.get(FORGOT_URL).content.decode()
    assert 'href="/accounts/password/reset-code/"' in html


THAID_SENTENCE = "Log in with ThaID on the log-in page: it needs no password."
THAID_SETTINGS = {
    "THAID_DISCOVERY_URL": "https://imauth.bora.dopa.go.th/.well-known/openid-configuration",
    "THAID_CLIENT_ID": "oss-portal",
    "THAID_CLIENT_SECRET": "secret",
}


@pytest.mark.parametrize("missing", [None, *sorted(THAID_SETTINGS)])
def test_the_recovery_pages_offer_thaid_only_when_it_is_fully_configured(
    client, page_tree, settings, verified, django_capture_on_commit_callbacks, missing
):
    """The same test as the log-in button's: a client ID alone offers a ThaID that is not there."""
    for name, value in THAID_SETTINGS.items():
        setattr(settings, name, "" if name == missing else value)
    sent = ask_for_link(client, verified.citizen_id, django_capture_on_commit_callbacks)
    offered = missing is None
    for page in (client.get(FORGOT_URL), sent):
        assert (in_thai(THAID_SENTENCE) in page.content.decode()) == offered
    assert ("/accounts/thaid/login/" in client.get(LOGIN_URL).content.decode()) == offered


def test_a_link_expires_after_an_hour(client, page_tree, verified, django_capture_on_commit_callbacks):
    assert settings.PASSWORD_RESET_TIMEOUT == 3600
    ask_for_link(client, verified.citizen_id, django_capture_on_commit_callbacks)
    link = reset_link(mail.outbox[0])
    with clock_moved(timedelta(hours=1, minutes=1)):
        response = set_new_password(client, link)
    assert in_thai(LINK_UNUSABLE) in response.content.decode()
    assert not User.objects.get(pk=verified.pk).check_password(NEW_PASSWORD)


def test_a_link_works_once(client, page_tree, verified, django_capture_on_commit_callbacks):
    ask_for_link(client, verified.citizen_id, django_capture_on_commit_callbacks)
    link = reset_link(mail.outbox[0])
    set_new_password(client, link)
    response = set_new_password(Client(), link, password="Another-one-2569x")
    assert in_thai(LINK_UNUSABLE) in response.content.decode()
    assert User.objects.get(pk=verified.pk).check_password(NEW_PASSWORD)


def test_every_other_session_ends(client, page_tree, verified, password, django_capture_on_commit_callbacks):
    at_home, at_work = Client(), Client()
    for other in (at_home, at_work):
        other.post(LOGIN_URL, {"username": verified.citizen_id, "password": password})
        assert get_user(other).is_authenticated
    ask_for_link(client, verified.citizen_id, django_capture_on_commit_callbacks)
    set_new_password(client, reset_link(mail.outbox[0]))
    assert not get_user(at_home).is_authenticated
    assert not get_user(at_work).is_authenticated


def test_the_session_that_resets_stays_logged_in(
    client, page_tree, verified, password, django_capture_on_commit_callbacks
):
    client.post(LOGIN_URL, {"username": verified.citizen_id, "password": password})
    assert get_user(client).is_authenticated
    ask_for_link(client, verified.citizen_id, django_capture_on_commit_callbacks)
    set_new_password(client, reset_link(mail.outbox[0]))
    assert get_user(client).is_authenticated


def test_the_lockout_is_lifted(client, page_tree, verified, django_capture_on_commit_callbacks):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN_URL, {"username": verified.citizen_id, "password": "wrong"}, REMOTE_ADDR="10.0.0.1")
    assert (
        client.post(
            LOGIN_URL, {"username": verified.citizen_id, "password": "x"}, REMOTE_ADDR="10.0.0.1"
        ).status_code
        == 429
    )
    ask_for_link(client, verified.citizen_id, django_capture_on_commit_callbacks)
    set_new_password(client, reset_link(mail.outbox[0]))
    assert not AccessAttempt.objects.filter(username=verified.citizen_id).exists()
    fresh = Client()
    response = fresh.post(
        LOGIN_URL, {"username": verified.citizen_id, "password": NEW_PASSWORD}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 302
    assert get_user(fresh).is_authenticated
