"""E-mail that is really theirs: a signed link (3 days) proves the address before any mail but
that link goes there; a changed address is proved again; the profile says which and resends."""

import re
from datetime import timedelta

from django.core import mail
from django.utils.html import escape

from wagtail.models import ModelLogEntry

import pytest

from accounts.models import User
from tests.accounts.clock import clock_moved
from tests.factories.accounts import UserFactory
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

REGISTER_URL = "/accounts/register/"
PROFILE_URL = "/accounts/profile/"
RESEND_URL = "/accounts/email/resend/"
ADDRESS = "wilaiwan@example.com"
EXPIRED = (
    "This link cannot be used: it has expired (links are valid for 3 days) or the account's e-mail "
    "address has changed since. You can send a new link from your profile."
)


def link_in(message) -> str:
    return re.search(r"https?://\S+/accounts/email/verify/\S+/", message.body).group(0)


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def profile_data(user, **changes):
    fields = ("title", "first_name", "last_name", "phone", "personnel_type", "email")
    return {**{name: getattr(user, name) for name in fields}, **changes}


@pytest.fixture
def unverified(db):
    return UserFactory(email=ADDRESS, verified_email="")


def register(client, registration_data, capture):
    with capture(execute=True):
        client.post(REGISTER_URL, {**registration_data, "email": ADDRESS})
    return User.objects.get(citizen_id="1439900285977")


def test_registration_sends_only_the_verification_link(
    client, page_tree, registration_data, django_capture_on_commit_callbacks
):
    user = register(client, registration_data, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert message.subject == in_thai("Please confirm your e-mail address")
    assert link_in(message).startswith("http://testserver/accounts/email/verify/")
    assert not user.email_is_verified


def test_the_link_verifies_the_address(
    client, page_tree, registration_data, django_capture_on_commit_callbacks
):
    user = register(client, registration_data, django_capture_on_commit_callbacks)
    response = client.get(path_of(link_in(mail.outbox[0])))
    assert response.status_code == 200
    assert f"<strong>{ADDRESS}</strong>" in response.content.decode()
    user.refresh_from_db()
    assert user.email_is_verified
    assert ModelLogEntry.objects.filter(action="accounts.verify_email", object_id=str(user.pk)).exists()


def test_the_link_works_for_three_days_and_not_after(
    client, page_tree, registration_data, django_capture_on_commit_callbacks
):
    user = register(client, registration_data, django_capture_on_commit_callbacks)
    link = path_of(link_in(mail.outbox[0]))
    with clock_moved(timedelta(days=3, minutes=1)):
        response = client.get(link)
    assert response.status_code == 400
    assert in_thai(EXPIRED) in response.content.decode()  # {% trans %} output is not escaped
    user.refresh_from_db()
    assert not user.email_is_verified
    with clock_moved(timedelta(days=2, hours=23)):
        assert client.get(link).status_code == 200
    user.refresh_from_db()
    assert user.email_is_verified


def test_a_tampered_link_verifies_nothing(client, page_tree, unverified):
    assert client.get("/accounts/email/verify/not-a-signed-token/").status_code == 400
    unverified.refresh_from_db()
    assert not unverified.email_is_verified


def test_a_changed_address_must_be_verified_again(
    client, page_tree, user, django_capture_on_commit_callbacks
):
    user.email = user.verified_email = ADDRESS
    user.save()
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(PROFILE_URL, profile_data(user, email="new@example.com"))
    user.refresh_from_db()
    assert user.email == "new@example.com"
    assert not user.email_is_verified
    [message] = mail.outbox
    assert message.to == ["new@example.com"]
    assert client.get(path_of(link_in(message))).status_code == 200
    user.refresh_from_db()
    assert user.email_is_verified


def test_a_link_for_the_old_address_does_not_verify_the_new_one(
    client, page_tree, unverified, django_capture_on_commit_callbacks
):
    client.force_login(unverified)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(RESEND_URL)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(PROFILE_URL, profile_data(unverified, email="new@example.com"))
    old_link = path_of(link_in(mail.outbox[0]))
    assert client.get(old_link).status_code == 400
    unverified.refresh_from_db()
    assert unverified.email == "new@example.com"
    assert not unverified.email_is_verified


def test_the_profile_says_whether_the_address_is_verified_and_resends_the_link(
    client, page_tree, unverified, django_capture_on_commit_callbacks
):
    client.force_login(unverified)
    html = client.get(PROFILE_URL).content.decode()
    assert escape(in_thai("Send the link again")) in html
    assert escape(in_thai("Confirmed: news of your requests is sent to this address.")) not in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(RESEND_URL, follow=True)
    [message] = mail.outbox
    assert message.to == [ADDRESS]
    assert ADDRESS in response.content.decode()
    client.get(path_of(link_in(message)))
    html = client.get(PROFILE_URL).content.decode()
    assert escape(in_thai("Confirmed: news of your requests is sent to this address.")) in html
    assert escape(in_thai("Send the link again")) not in html
