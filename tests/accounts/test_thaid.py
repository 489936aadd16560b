"""ThaID log-in against a real OpenID provider on 127.0.0.1 (tests/accounts/oidc_provider.py):
the portal's client is not mocked; its requests go over HTTP to the provider."""

import socket
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.test import Client

from wagtail.models import ModelLogEntry

import pytest
import requests
from axes.models import AccessAttempt
from axes.utils import reset as reset_axes

from accounts import actions
from accounts.models import IdentityLevel, User, VerificationMethod
from accounts.views import THAID_IDENTITY_SESSION_KEY
from tests.accounts.clock import clock_moved
from tests.accounts.oidc_provider import CLIENT_ID, CLIENT_SECRET, OpenIDProvider
from tests.factories.accounts import DEFAULT_PASSWORD, SuperuserFactory, UserFactory
from tests.factories.service_requests import ServiceRequestFactory
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"
REGISTER_URL = "/accounts/register/"
THAID_LOGIN_URL = "/accounts/thaid/login/"
COMPLETE_URL = "/accounts/thaid/complete/"
LINK_URL = "/accounts/thaid/link/"
SAID_NOT_THEIRS = (
    "The declared account was registered under the holder's own name, and the holder said it "
    "is not theirs (they did not give its password)."
)
PASSWORD_URL = "/accounts/password/"
CONFIRM_URL = "/accounts/confirm-password/"
LINK_SENTENCE = "บัญชีนี้สมัครไว้ด้วยรหัสผ่าน หากเป็นบัญชีของท่าน กรุณากรอกรหัสผ่านเพื่อเชื่อมกับ ThaID"
DISPLACES = (
    "Another account was registered with your citizen ID. When you create yours, that account is "
    "suspended, its requests are kept for the officers to check, and the office is told."
)
CITIZEN_ID = "1439900285977"
FAILED = (
    "Logging in with ThaID did not succeed. Please try again, or log in with your citizen ID and password."
)


@pytest.fixture(scope="module")
def running_provider():
    provider = OpenIDProvider().start()
    yield provider
    provider.stop()


@pytest.fixture(autouse=True)
def no_earlier_failures():
    reset_axes()
    yield
    reset_axes()


@pytest.fixture
def provider(running_provider, settings):
    settings.THAID_DISCOVERY_URL = running_provider.discovery_url
    settings.THAID_CLIENT_ID = CLIENT_ID
    settings.THAID_CLIENT_SECRET = CLIENT_SECRET
    running_provider.misbehave = None
    running_provider.log_in_as(pid=CITIZEN_ID, given_name="วิลัยวรรณ", family_name="สุภชาติ")
    yield running_provider
    running_provider.misbehave = None


def go_through_thaid(client, next_url=""):
    """Click the ThaID button, log in at the provider, and come back: the callback's response."""
    start = client.get(THAID_LOGIN_URL + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302
    at_provider = requests.get(start.url, allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    back = urlsplit(at_provider.headers["Location"])
    return client.get(f"{back.path}?{back.query}"), f"{back.path}?{back.query}"


def error_messages(response):
    return [str(message) for message in response.wsgi_request._messages]


def logged_in_user(client):
    user = get_user(client)
    return user if user.is_authenticated else None


def complete_account(client, **changes):
    data = {
        "title": "นางสาว",
        "phone": "0812345678",
        "personnel_type": "teacher",
        "email": "",
        "consent": "on",
    }
    return client.post(COMPLETE_URL, {**data, **changes})


# The button


def test_the_log_in_and_registration_pages_offer_thaid_when_configured(client, provider, page_tree):
    for url in (LOGIN_URL, REGISTER_URL):
        page = client.get(url).content.decode()
        assert in_thai("Log in with ThaID") in page
        assert THAID_LOGIN_URL in page


def test_the_registration_page_offers_thaid_first_and_then_its_own_form(client, provider, page_tree):
    """Above the form, the button is not "or" anything yet: "or" leads from it to the form."""
    page = client.get(REGISTER_URL).content.decode()
    button, form = page.index(THAID_LOGIN_URL), page.index('action="/accounts/register/"')
    assert in_thai("Or register with your citizen ID and a password:") in page[button:form]
    assert f'<p class="form-links">{in_thai("or")}</p>' not in page
    login_page = client.get(LOGIN_URL).content.decode()
    assert f'<p class="form-links">{in_thai("or")}</p>' in login_page


def test_registering_a_taken_citizen_id_shows_the_way_forward(client, provider, page_tree, user):
    response = client.post(REGISTER_URL, {"citizen_id": CITIZEN_ID})
    page = response.content.decode()
    assert in_thai("Log in with ThaID") in page and THAID_LOGIN_URL in page
    (message,) = response.context["form"].errors["citizen_id"]
    assert "ThaID" in message


def test_without_configuration_there_is_no_thaid_button(client, page_tree, settings):
    settings.THAID_DISCOVERY_URL = ""
    for url in (LOGIN_URL, REGISTER_URL):
        assert THAID_LOGIN_URL not in client.get(url).content.decode()
    assert client.get(THAID_LOGIN_URL).status_code == 404


# New account, existing account


def test_a_first_thaid_log_in_creates_a_verified_account_from_the_claims(client, provider, page_tree):
    response, _ = go_through_thaid(client, next_url="/services/")
    assert response.url == COMPLETE_URL
    assert logged_in_user(client) is None  # not before the privacy notice is accepted

    form_page = client.get(COMPLETE_URL).content.decode()
    assert "วิลัยวรรณ" in form_page and "สุภชาติ" in form_page

    refused = complete_account(client, consent="")
    assert refused.status_code == 200
    assert not User.objects.filter(citizen_id=CITIZEN_ID).exists()

    response = complete_account(client, first_name="ชื่ออื่น")  # the name is ThaID's, not typed
    assert response.url == "/services/"
    user = User.objects.get(citizen_id=CITIZEN_ID)
    assert (user.title, user.first_name, user.last_name, user.phone) == (
        "นางสาว",
        "วิลัยวรรณ",
        "สุภชาติ",
        "0812345678",
    )
    assert user.identity_level == IdentityLevel.VERIFIED
    assert user.identity_verification_method == VerificationMethod.THAID
    assert user.privacy_consented_at is not None
    assert not user.has_usable_password()
    assert logged_in_user(client) == user
    assert client.get(COMPLETE_URL).url == LOGIN_URL  # the ThaID answer is used once


def test_an_account_made_with_thaid_confirms_with_thaid_and_sets_its_first_password(
    client, provider, page_tree
):
    """It has no password to type again before a sensitive change: ThaID confirms it instead."""
    go_through_thaid(client)
    complete_account(client)
    user = User.objects.get(citizen_id=CITIZEN_ID)
    with clock_moved(timedelta(minutes=10)):  # past the password confirmation's 5 minutes
        to_confirm = client.get(PASSWORD_URL)
        assert to_confirm.url.startswith(CONFIRM_URL)
        page = client.get(to_confirm.url).content.decode()
        assert in_thai("Confirm with ThaID") in page
        assert 'name="password"' not in page
        response, _ = go_through_thaid(client, next_url=PASSWORD_URL)
        assert response.url == PASSWORD_URL
        page = client.get(PASSWORD_URL).content.decode()
        assert 'name="old_password"' not in page
        response = client.post(
            PASSWORD_URL, {"new_password1": "Mango-sticky-2569", "new_password2": "Mango-sticky-2569"}
        )
        assert response.url == "/accounts/profile/"
    user.refresh_from_db()
    assert user.check_password("Mango-sticky-2569")


def test_without_thaid_an_account_made_with_it_is_sent_to_set_a_password(
    client, provider, page_tree, settings
):
    go_through_thaid(client)
    complete_account(client)
    settings.THAID_DISCOVERY_URL = ""  # ThaID switched off since
    with clock_moved(timedelta(minutes=10)):
        page = client.get(client.get(PASSWORD_URL).url).content.decode()
    assert THAID_LOGIN_URL not in page
    assert 'href="/accounts/password/forgot/"' in page
    assert 'href="/accounts/password/reset-code/"' in page


def test_the_completion_page_needs_a_thaid_log_in_first(client, provider, page_tree):
    assert client.get(COMPLETE_URL).url == LOGIN_URL
    complete_account(client)
    assert not User.objects.exists()


def test_thaid_logs_in_an_existing_verified_account(client, provider, page_tree):
    holder = UserFactory(
        citizen_id=CITIZEN_ID, first_name="วิลัยวรรณ", last_name="สุภชาติ", identity_level=IdentityLevel.VERIFIED
    )
    response, _ = go_through_thaid(client, next_url="/services/")
    assert response.url == "/services/"
    assert logged_in_user(client) == holder
    assert THAID_IDENTITY_SESSION_KEY not in client.session


def test_a_declared_account_under_the_holders_name_asks_for_its_password_first(
    client, provider, page_tree, user, password
):
    """A squatter may have typed the holder's name: the account's password tells whose it is."""
    assert user.identity_level == IdentityLevel.DECLARED
    response, _ = go_through_thaid(client, next_url="/services/")
    assert response.url == LINK_URL
    assert logged_in_user(client) is None
    page = client.get(LINK_URL).content.decode()
    assert LINK_SENTENCE in page
    assert "ไม่ใช่บัญชีของฉัน" in page

    wrong = client.post(LINK_URL, {"password": "Not-the-password-1"})
    assert wrong.status_code == 200
    assert logged_in_user(client) is None
    assert_still_declared(user)

    response = client.post(LINK_URL, {"password": password})
    assert response.url == "/services/"
    assert logged_in_user(client) == user
    user.refresh_from_db()
    assert user.identity_level == IdentityLevel.VERIFIED
    assert user.identity_verification_method == VerificationMethod.THAID
    assert user.identity_verified_at is not None
    assert ModelLogEntry.objects.filter(object_id=str(user.pk), action="accounts.verify_identity").exists()
    assert User.objects.count() == 1
    # The claims were for this one choice.
    assert THAID_IDENTITY_SESSION_KEY not in client.session
    assert client.get(LINK_URL).url == LOGIN_URL
    assert client.get(COMPLETE_URL).url == LOGIN_URL


def test_a_declared_account_is_never_linked_without_its_password(user):
    with pytest.raises(PermissionDenied):
        actions.log_in_with_thaid(user=user)
    assert_still_declared(user)


def test_a_squatter_who_typed_the_holders_name_is_not_linked(
    client, provider, page_tree, django_capture_on_commit_callbacks
):
    squatter = UserFactory(citizen_id=CITIZEN_ID, first_name="วิลัยวรรณ", last_name="สุภชาติ")
    filed = ServiceRequestFactory(applicant=squatter)
    SuperuserFactory(email="admin@example.go.th")

    response, _ = go_through_thaid(client)
    assert response.url == LINK_URL
    assert client.get(COMPLETE_URL).url == LOGIN_URL  # no way round the choice
    response, _ = go_through_thaid(client)
    response = client.post(LINK_URL, {"not_mine": "1"})
    assert response.url == COMPLETE_URL
    assert logged_in_user(client) is None
    page = client.get(COMPLETE_URL).content.decode()
    assert in_thai(DISPLACES) in page
    with django_capture_on_commit_callbacks(execute=True):
        complete_account(client)

    holder = User.objects.get(citizen_id=CITIZEN_ID)
    assert holder.pk != squatter.pk
    assert holder.identity_level == IdentityLevel.VERIFIED
    assert logged_in_user(client) == holder
    squatter.refresh_from_db()
    assert not squatter.is_active and squatter.suspended_at is not None
    assert squatter.displaced_citizen_id == CITIZEN_ID
    filed.refresh_from_db()
    assert filed.applicant == squatter
    assert [message.to for message in mail.outbox] == [["admin@example.go.th"]]
    assert in_thai(SAID_NOT_THEIRS) in mail.outbox[0].body
    entry = ModelLogEntry.objects.get(object_id=str(squatter.pk), action="accounts.suspend_squatter")
    assert entry.data["same_name"] is True


def test_the_link_choice_waits_only_fifteen_minutes(client, provider, page_tree, user, password):
    go_through_thaid(client)
    with clock_moved(timedelta(minutes=16)):
        response = client.post(LINK_URL, {"password": password})
    assert_refused(client, response)
    assert_still_declared(user)
    assert THAID_IDENTITY_SESSION_KEY not in client.session


def test_the_completion_waits_only_fifteen_minutes(client, provider, page_tree):
    go_through_thaid(client)
    with clock_moved(timedelta(minutes=16)):
        response = complete_account(client)
    assert_refused(client, response)
    assert not User.objects.exists()


def test_claims_not_signed_by_the_portal_are_refused(client, provider, page_tree):
    session = client.session
    session[THAID_IDENTITY_SESSION_KEY] = {
        "citizen_id": CITIZEN_ID,
        "title": "",
        "first_name": "วิลัยวรรณ",
        "last_name": "สุภชาติ",
    }
    session.save()
    assert_refused(client, complete_account(client))
    assert not User.objects.exists()


def test_wrong_passwords_on_the_link_page_count_towards_the_lockout(
    client, provider, page_tree, user, password
):
    go_through_thaid(client)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LINK_URL, {"password": "Not-the-password-1"})
    response = client.post(LINK_URL, {"password": password})
    assert response.status_code == 429
    assert logged_in_user(client) is None
    assert_still_declared(user)


def test_a_thaid_log_in_lifts_the_lockout_of_that_citizen_id(client, provider, page_tree):
    holder = UserFactory(
        citizen_id=CITIZEN_ID, first_name="วิลัยวรรณ", last_name="สุภชาติ", identity_level=IdentityLevel.VERIFIED
    )
    """Locked out on the phone, the holder logs in with ThaID (on the computer): the phone may log
    in with the password again."""
    phone = Client(REMOTE_ADDR="192.0.2.9")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        phone.post(LOGIN_URL, {"username": CITIZEN_ID, "password": "Not-the-password-1"})
    assert phone.post(LOGIN_URL, {"username": CITIZEN_ID, "password": DEFAULT_PASSWORD}).status_code == 429

    go_through_thaid(client)
    assert logged_in_user(client) == holder
    assert not AccessAttempt.objects.filter(username=CITIZEN_ID).exists()
    assert phone.post(LOGIN_URL, {"username": CITIZEN_ID, "password": DEFAULT_PASSWORD}).status_code == 302
    assert logged_in_user(phone) == holder


def test_linking_with_the_password_lifts_the_lockout_from_elsewhere(
    client, provider, page_tree, user, password
):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(LOGIN_URL, {"username": CITIZEN_ID, "password": "wrong"}, REMOTE_ADDR="192.0.2.9")
    go_through_thaid(client)
    client.post(LINK_URL, {"password": password})
    assert logged_in_user(client) == user
    assert not AccessAttempt.objects.filter(username=CITIZEN_ID).exists()


# The squatter


def test_thaid_takes_the_citizen_id_back_from_a_squatter_under_another_name(
    client, provider, page_tree, django_capture_on_commit_callbacks
):
    squatter = UserFactory(citizen_id=CITIZEN_ID, first_name="สมชาย", last_name="ใจดี")
    filed = ServiceRequestFactory(applicant=squatter)
    SuperuserFactory(email="admin@example.go.th")

    response, _ = go_through_thaid(client)
    assert response.url == COMPLETE_URL
    with django_capture_on_commit_callbacks(execute=True):
        response = complete_account(client)
    assert response.status_code == 302

    holder = User.objects.get(citizen_id=CITIZEN_ID)
    assert holder.pk != squatter.pk
    assert (holder.first_name, holder.identity_level) == ("วิลัยวรรณ", IdentityLevel.VERIFIED)
    assert logged_in_user(client) == holder

    squatter.refresh_from_db()
    assert not squatter.is_active
    assert squatter.suspended_at is not None
    assert squatter.displaced_citizen_id == CITIZEN_ID
    assert squatter.citizen_id != CITIZEN_ID and not squatter.citizen_id.isdigit()
    filed.refresh_from_db()
    assert filed.applicant == squatter  # the requests stay with the suspended account

    assert [message.to for message in mail.outbox] == [["admin@example.go.th"]]
    assert CITIZEN_ID in mail.outbox[0].body
    assert in_thai(SAID_NOT_THEIRS) not in mail.outbox[0].body  # another name: no choice was asked
    assert ModelLogEntry.objects.filter(
        object_id=str(squatter.pk), action="accounts.suspend_squatter"
    ).exists()

    # The squatter's password no longer opens anything.
    client.logout()
    client.post(LOGIN_URL, {"username": CITIZEN_ID, "password": "Sarabun-2568-ok"})
    assert logged_in_user(client) is None


def test_a_verified_account_is_never_taken_over(client, provider, page_tree):
    holder = UserFactory(citizen_id=CITIZEN_ID, first_name="สมชาย", identity_level=IdentityLevel.VERIFIED)
    response, _ = go_through_thaid(client)
    assert logged_in_user(client) == holder  # ThaID vouches for the ID; the verified account is its holder's
    assert User.objects.count() == 1


# Failures: the log-in page with a Thai message, never a 500


def assert_refused(client, response):
    assert response.status_code == 302
    assert response.url == LOGIN_URL
    assert in_thai(FAILED) in error_messages(response)
    assert logged_in_user(client) is None


def assert_still_declared(user):
    user.refresh_from_db()
    assert user.identity_level == IdentityLevel.DECLARED


@pytest.mark.parametrize("misbehaviour", ["forged_signature", "wrong_issuer", "wrong_audience", "expired"])
def test_a_bad_id_token_is_refused(client, provider, page_tree, user, misbehaviour):
    provider.misbehave = misbehaviour
    response, _ = go_through_thaid(client)
    assert_refused(client, response)
    assert_still_declared(user)


def test_a_replayed_state_is_refused(client, provider, page_tree, user):
    response, callback = go_through_thaid(client)
    assert response.url == LINK_URL
    client.logout()
    assert_refused(client, client.get(callback))


def test_a_callback_without_a_log_in_started_here_is_refused(client, provider, page_tree, user):
    at_provider = requests.get(
        f"{provider.issuer}/authorize?"
        "client_id=oss-portal&code_challenge_method=S256&code_challenge=x&state=forged"
        "&redirect_uri=http://testserver/accounts/thaid/callback/",
        allow_redirects=False,
        timeout=10,
    )
    back = urlsplit(at_provider.headers["Location"])
    assert_refused(client, client.get(f"{back.path}?{back.query}"))
    assert_still_declared(user)


def test_the_provider_refusing_the_log_in_is_shown(client, provider, page_tree):
    client.get(THAID_LOGIN_URL)
    response = client.get("/accounts/thaid/callback/?error=access_denied&state=whatever")
    assert_refused(client, response)


def test_a_provider_that_is_down_is_not_a_500(client, provider, page_tree, settings):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.THAID_DISCOVERY_URL = f"http://127.0.0.1:{port}/.well-known/openid-configuration"
    response = client.get(THAID_LOGIN_URL)
    assert_refused(client, response)
    page = client.get(response.url).content.decode()
    assert in_thai(FAILED) in page


def test_the_provider_going_down_during_the_log_in_is_not_a_500(client, provider, page_tree, settings):
    start = client.get(THAID_LOGIN_URL)
    at_provider = requests.get(start.url, allow_redirects=False, timeout=10)
    back = urlsplit(at_provider.headers["Location"])
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.THAID_DISCOVERY_URL = f"http://127.0.0.1:{port}/.well-known/openid-configuration"
    assert_refused(client, client.get(f"{back.path}?{back.query}"))
