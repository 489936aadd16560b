"""The account pages through the test client: register, log in, profile, password, log out."""

import re

from django.contrib.auth import get_user
from django.utils import timezone
from django.utils.html import escape

from wagtail.models import ModelLogEntry

import pytest

from accounts.forms import DUPLICATE_CITIZEN_ID_MESSAGE, DUPLICATE_CITIZEN_ID_WITHOUT_THAID_MESSAGE
from accounts.models import User
from tests.factories.accounts import UserFactory
from tests.helpers import THAI_SCRIPT, form_errors, in_thai

REGISTER_URL = "/accounts/register/"
LOGIN_URL = "/accounts/login/"
PROFILE_URL = "/accounts/profile/"
PASSWORD_URL = "/accounts/password/"
LOGOUT_URL = "/accounts/logout/"

pytestmark = pytest.mark.django_db


def is_logged_in(client):
    return get_user(client).is_authenticated


def profile_data(user, **changes):
    data = {
        "title": user.title,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "phone": user.phone,
        "personnel_type": user.personnel_type,
        "email": user.email,
    }
    return {**data, **changes}


# Registration


def test_the_registration_page_asks_for_every_field(client, page_tree):
    response = client.get(REGISTER_URL)
    assert response.status_code == 200
    for name in ("citizen_id", "phone", "personnel_type", "title", "first_name", "last_name", "email"):
        assert f'name="{name}"' in response.content.decode()
    assert 'name="password1"' in response.content.decode()
    assert 'name="consent"' in response.content.decode()


EMAIL_HELP = (
    "We e-mail you the progress of your requests: when we receive one and whenever its status changes."
)


@pytest.mark.parametrize("url", [REGISTER_URL, PROFILE_URL])
def test_the_email_is_asked_for_as_optional_with_what_it_is_for(client, page_tree, user, url):
    if url == PROFILE_URL:
        client.force_login(user)
    html = client.get(url).content.decode()
    label = re.search(r'<label for="id_email">(.*?)</label>', html, re.S).group(1)
    assert label.strip() == escape(in_thai("E-mail (optional, recommended)"))  # no "required" star
    assert f'<div class="field__help" id="id_email_helptext">{escape(in_thai(EMAIL_HELP))}</div>' in html
    assert 'type="email"' in html


def test_the_email_given_at_registration_is_kept(client, page_tree, registration_data):
    client.post(REGISTER_URL, {**registration_data, "email": "wilaiwan@example.com"})
    assert User.objects.get(citizen_id="1439900285977").email == "wilaiwan@example.com"


def test_the_registration_page_links_the_privacy_policy(client, page_tree):
    response = client.get(REGISTER_URL)
    assert f'href="{page_tree.privacy.url}"' in response.content.decode()


def test_registration_logs_the_applicant_in(client, page_tree, registration_data):
    response = client.post(REGISTER_URL, registration_data)
    assert response.status_code == 302
    assert response.url == "/"
    user = get_user(client)
    assert user.is_authenticated
    assert user.citizen_id == "1439900285977"
    assert user.phone == "0812345678"


def test_registration_records_consent_to_the_offices_privacy_notice(client, page_tree, registration_data):
    before = timezone.now()
    client.post(REGISTER_URL, registration_data)
    user = User.objects.get(citizen_id="1439900285977")
    assert user.privacy_notice_version == page_tree.office.privacy_notice_version
    assert before <= user.privacy_consented_at <= timezone.now()


def test_registration_is_in_the_audit_log(client, page_tree, registration_data):
    client.post(REGISTER_URL, registration_data)
    user = User.objects.get(citizen_id="1439900285977")
    entry = ModelLogEntry.objects.get(action="accounts.register", object_id=str(user.pk))
    assert entry.user_id == user.pk


def test_after_registration_the_menu_shows_the_full_name(client, page_tree, registration_data):
    response = client.post(REGISTER_URL, registration_data, follow=True)
    assert response.status_code == 200
    assert "( นางสาววิลัยวรรณ สุภชาติ )" in response.content.decode()
    assert in_thai("Your account has been created and you are logged in.") in response.content.decode()


CONFIRM_LINK_SENT = (
    "We have e-mailed a link to %(email)s. Please open it within 3 days to confirm the address: "
    "news of your requests is sent there only after that."
)


def test_after_registration_with_an_address_the_applicant_is_told_to_open_its_link(
    client, page_tree, registration_data
):
    response = client.post(REGISTER_URL, registration_data | {"email": "wilaiwan@example.com"}, follow=True)
    assert in_thai(CONFIRM_LINK_SENT) % {"email": "wilaiwan@example.com"} in response.content.decode()


def test_after_registration_without_an_address_no_link_is_mentioned(client, page_tree, registration_data):
    response = client.post(REGISTER_URL, registration_data, follow=True)
    assert in_thai(CONFIRM_LINK_SENT).split("%(email)s")[0] not in response.content.decode()


def test_registration_returns_to_a_safe_next_page(client, page_tree, registration_data):
    response = client.post(f"{REGISTER_URL}?next=/services/", registration_data)
    assert response.url == "/services/"


def test_registration_ignores_a_next_page_on_another_site(client, page_tree, registration_data):
    response = client.post(f"{REGISTER_URL}?next=https://evil.example/", registration_data)
    assert response.url == "/"


def test_a_citizen_id_cannot_register_twice(client, page_tree, registration_data):
    UserFactory(citizen_id="1439900285977", first_name="สมชาย")
    response = client.post(REGISTER_URL, registration_data)
    assert response.status_code == 200
    assert form_errors(response, "citizen_id") == [in_thai(str(DUPLICATE_CITIZEN_ID_WITHOUT_THAID_MESSAGE))]
    assert User.objects.filter(citizen_id="1439900285977").get().first_name == "สมชาย"
    assert not is_logged_in(client)


def test_the_way_forward_names_thaid_only_where_it_is_offered(client, page_tree, registration_data, settings):
    UserFactory(citizen_id="1439900285977")
    settings.THAID_CLIENT_ID = "oss-portal"  # a client ID alone does not offer ThaID
    (message,) = form_errors(client.post(REGISTER_URL, registration_data), "citizen_id")
    assert "ThaID" not in message
    settings.THAID_DISCOVERY_URL = "https://thaid.example/.well-known/openid-configuration"
    settings.THAID_CLIENT_SECRET = "secret"
    (message,) = form_errors(client.post(REGISTER_URL, registration_data), "citizen_id")
    assert message == in_thai(str(DUPLICATE_CITIZEN_ID_MESSAGE))


def test_a_duplicate_citizen_id_is_refused_however_it_is_typed(client, page_tree, registration_data):
    UserFactory(citizen_id="1439900285977")
    for typed in ("1439900285977", "1-4399-00285-97-7", " 1 4399 00285 97 7 "):
        response = client.post(REGISTER_URL, {**registration_data, "citizen_id": typed})
        assert response.context["form"].has_error("citizen_id", "duplicate"), typed
    assert User.objects.count() == 1


def test_registration_requires_consent(client, page_tree, registration_data):
    del registration_data["consent"]
    response = client.post(REGISTER_URL, registration_data)
    assert response.status_code == 200
    assert form_errors(response, "consent") == [in_thai("Please accept the privacy notice to register.")]
    assert not User.objects.exists()


def test_registration_refuses_two_different_passwords(client, page_tree, registration_data):
    response = client.post(REGISTER_URL, {**registration_data, "password2": "Sarabun-2568-no"})
    assert form_errors(response, "password2") == [in_thai("The two passwords do not match.")]
    assert in_thai("The two passwords do not match.") in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("password", "code"),
    [("Ab1-xyz", "password_too_short"), ("password123", "password_too_common")],
    ids=["too-short", "common"],
)
def test_registration_refuses_a_weak_password_on_the_password_field(
    client, page_tree, registration_data, password, code
):
    response = client.post(REGISTER_URL, {**registration_data, "password1": password, "password2": password})
    assert response.context["form"].has_error("password1", code)
    for error in form_errors(response, "password1"):
        assert escape(error) in response.content.decode()
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "mistake",
    [
        {"password2": "Sarabun-2568-no"},
        {"password1": "password123", "password2": "password123"},
        {"consent": ""},
        {"phone": "081-234-567"},
        {"citizen_id": "1-4399-00285-97-0"},
    ],
    ids=["passwords-differ", "common-password", "no-consent", "bad-phone", "bad-citizen-id"],
)
def test_a_refused_form_keeps_what_was_typed_but_not_the_passwords(
    client, page_tree, registration_data, mistake
):
    typed = {**registration_data, **mistake}
    response = client.post(REGISTER_URL, typed)
    assert response.status_code == 200
    html = response.content.decode()
    for field in ("citizen_id", "phone", "first_name", "last_name"):
        assert f'value="{escape(typed[field])}"' in html, field
    assert 'value="teacher" selected' in html
    assert 'value="นางสาว" selected' in html
    for password in {typed["password1"], typed["password2"]}:
        assert password not in html
    assert not User.objects.exists()


def test_an_invalid_citizen_id_is_explained_in_thai_on_the_page(client, page_tree, registration_data):
    response = client.post(REGISTER_URL, {**registration_data, "citizen_id": "1439900285970"})
    message = in_thai("This citizen ID is not valid: its last digit does not match. Please check it.")
    assert THAI_SCRIPT.search(message)
    assert form_errors(response, "citizen_id") == [message]
    assert escape(message) in response.content.decode()


def test_a_logged_in_user_is_sent_on_from_the_registration_page(client, page_tree, user):
    client.force_login(user)
    response = client.get(REGISTER_URL)
    assert response.status_code == 302
    assert response.url == "/"


# Logging in and out


def test_login_with_the_citizen_id(client, page_tree, user, password):
    response = client.post(LOGIN_URL, {"username": user.citizen_id, "password": password})
    assert response.status_code == 302
    assert response.url == "/"
    assert get_user(client) == user


def test_login_with_the_citizen_id_typed_with_dashes(client, page_tree, user, password):
    client.post(LOGIN_URL, {"username": "1-4399-00285-97-7", "password": password})
    assert get_user(client) == user


def test_login_refuses_a_wrong_password_without_saying_which_part_is_wrong(client, page_tree, user):
    response = client.post(LOGIN_URL, {"username": user.citizen_id, "password": "wrong-password"})
    assert response.status_code == 200
    assert response.context["form"].has_error("__all__", "invalid_login")
    assert in_thai("The citizen ID or password is not correct.") in response.content.decode()
    assert not is_logged_in(client)


def test_login_keeps_the_citizen_id_but_not_the_password(client, page_tree, user):
    response = client.post(LOGIN_URL, {"username": user.citizen_id, "password": "wrong-password"})
    assert f'value="{user.citizen_id}"' in response.content.decode()
    assert "wrong-password" not in response.content.decode()


def test_a_disabled_account_cannot_log_in(client, page_tree, password):
    disabled = UserFactory(is_active=False)
    client.post(LOGIN_URL, {"username": disabled.citizen_id, "password": password})
    assert not is_logged_in(client)


def test_the_login_page_links_to_registration(client, page_tree):
    response = client.get(LOGIN_URL)
    assert response.status_code == 200
    assert f'href="{REGISTER_URL}"' in response.content.decode()


def test_logout_is_a_post(client, page_tree, user):
    client.force_login(user)
    assert client.get(LOGOUT_URL).status_code == 405
    assert is_logged_in(client)
    response = client.post(LOGOUT_URL)
    assert response.status_code == 302
    assert not is_logged_in(client)


# Profile


def test_the_profile_needs_a_login(client, page_tree):
    response = client.get(PROFILE_URL)
    assert response.status_code == 302
    assert response.url.startswith(f"{LOGIN_URL}?next=")


def test_the_profile_shows_the_citizen_id(client, page_tree, user):
    client.force_login(user)
    response = client.get(PROFILE_URL)
    assert response.status_code == 200
    assert "1439900285977" in response.content.decode()
    assert "citizen_id" not in response.context["form"].fields


def test_the_profile_saves_changes(client, page_tree, user):
    client.force_login(user)
    response = client.post(PROFILE_URL, profile_data(user, phone="045-511-019", last_name="ศรีสุข"))
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.phone == "045511019"
    assert user.last_name == "ศรีสุข"
    assert ModelLogEntry.objects.filter(action="accounts.edit_profile", object_id=str(user.pk)).exists()


def test_posting_another_citizen_id_to_the_profile_does_not_change_it(client, page_tree, user):
    client.force_login(user)
    client.post(PROFILE_URL, profile_data(user, citizen_id="3100600445635", first_name="วิไลวรรณ"))
    user.refresh_from_db()
    assert user.citizen_id == "1439900285977"
    assert user.first_name == "วิไลวรรณ"
    assert not User.objects.filter(citizen_id="3100600445635").exists()


def test_the_profile_refuses_an_invalid_phone(client, page_tree, user):
    client.force_login(user)
    response = client.post(PROFILE_URL, profile_data(user, phone="12345"))
    assert response.status_code == 200
    assert response.context["form"].has_error("phone", "phone_invalid")
    user.refresh_from_db()
    assert user.phone != "12345"


# Password


def test_the_password_page_shows_who_is_changing_it(client, page_tree, user):
    client.force_login(user)
    html = client.get(PASSWORD_URL).content.decode()
    for shown in ("1439900285977", "นางสาว", "วิลัยวรรณ", "สุภชาติ"):
        assert shown in html


def test_changing_the_password_keeps_the_user_logged_in(client, page_tree, user, password):
    client.force_login(user)
    response = client.post(
        PASSWORD_URL,
        {"old_password": password, "new_password1": "Thai-Silk-2568", "new_password2": "Thai-Silk-2568"},
    )
    assert response.status_code == 302
    assert get_user(client) == user
    user.refresh_from_db()
    assert user.check_password("Thai-Silk-2568")


def test_changing_the_password_needs_the_current_one(client, page_tree, user, password):
    client.force_login(user)
    response = client.post(
        PASSWORD_URL,
        {"old_password": "not-it", "new_password1": "Thai-Silk-2568", "new_password2": "Thai-Silk-2568"},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("old_password", "password_incorrect")
    user.refresh_from_db()
    assert user.check_password(password)


# The whole journey


def test_register_log_out_log_in_edit_change_password_log_out(client, page_tree, registration_data):
    client.post(REGISTER_URL, registration_data)
    assert is_logged_in(client)
    client.post(LOGOUT_URL)
    assert not is_logged_in(client)

    response = client.post(
        LOGIN_URL, {"username": "1439900285977", "password": registration_data["password1"]}, follow=True
    )
    assert "( นางสาววิลัยวรรณ สุภชาติ )" in response.content.decode()

    response = client.get(PROFILE_URL)
    assert "1439900285977" in response.content.decode()
    user = User.objects.get(citizen_id="1439900285977")
    client.post(PROFILE_URL, profile_data(user, email="wilaiwan@example.com"))

    client.post(
        PASSWORD_URL,
        {
            "old_password": registration_data["password1"],
            "new_password1": "Thai-Silk-2568",
            "new_password2": "Thai-Silk-2568",
        },
    )
    assert is_logged_in(client)
    client.post(LOGOUT_URL)
    assert not is_logged_in(client)

    client.post(LOGIN_URL, {"username": "1-4399-00285-97-7", "password": "Thai-Silk-2568"})
    assert get_user(client).email == "wilaiwan@example.com"


def test_the_account_pages_exist_in_english(client, page_tree, user):
    assert client.get(f"/en{REGISTER_URL}").status_code == 200
    assert client.get(f"/en{LOGIN_URL}").status_code == 200
    client.force_login(user)
    assert client.get(f"/en{PROFILE_URL}").status_code == 200
    assert client.get(f"/en{PASSWORD_URL}").status_code == 200


# The English site stays English: log-in, registration and log-out return to /en/, not to Thai.


def test_registering_on_the_english_site_returns_to_the_english_home(client, page_tree, registration_data):
    response = client.post("/en" + REGISTER_URL, registration_data)
    assert response.status_code == 302
    assert response.url == "/en/"


def test_logging_in_on_the_english_site_returns_to_the_english_home(client, page_tree, user, password):
    response = client.post("/en" + LOGIN_URL, {"username": user.citizen_id, "password": password})
    assert response.status_code == 302
    assert response.url == "/en/"


def test_logging_out_on_the_english_site_returns_to_the_english_home(client, page_tree, user):
    client.force_login(user)
    response = client.post("/en" + LOGOUT_URL)
    assert response.status_code == 302
    assert response.url == "/en/"
    assert not get_user(client).is_authenticated


def test_on_the_thai_site_they_return_to_the_thai_home(client, page_tree, user, password):
    response = client.post(LOGIN_URL, {"username": user.citizen_id, "password": password})
    assert response.url == "/"
    assert client.post(LOGOUT_URL).url == "/"
