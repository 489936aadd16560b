"""Staff log in with two factors: an authenticator app set up at the first admin log-in, ten
one-time recovery codes, no admin page without the second factor, a superuser's reset."""

import io
import re

from django.contrib.auth import get_user
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import reverse

from wagtail.models import ModelLogEntry

import pytest
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import sessions
from tests.factories.accounts import StaffFactory
from tests.helpers import in_thai, totp_code, totp_code_for_secret

pytestmark = pytest.mark.django_db

SETUP_URL = reverse("accounts_two_factor_setup")
VERIFY_URL = reverse("accounts_two_factor_verify")


@pytest.fixture
def officer(db):
    officer = StaffFactory(title="นาย", first_name="ธนากร", last_name="บุญมา")
    officer.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return officer


@pytest.fixture
def editor(db):
    """An editor: may use the admin through a permission, without is_staff."""
    editor = StaffFactory(is_staff=False)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return editor


def log_in_with_password(client, user, password):
    response = client.post("/admin/login/", {"username": user.citizen_id, "password": password})
    assert get_user(client) == user
    return response


def set_up_authenticator(client) -> list[str]:
    """Open the set-up page, read the app's secret as the page shows it, answer with its code."""
    page = client.get(SETUP_URL)
    assert page.status_code == 200
    device = TOTPDevice.objects.get(confirmed=False)
    secret = re.search(r"data-totp-secret>([A-Z2-7]+)<", page.content.decode()).group(1)
    assert totp_code_for_secret(secret) == totp_code(device)
    response = client.post(SETUP_URL, {"token": totp_code(device), "next": "/admin/"})
    assert response.status_code == 200
    return response.context["codes"]


@pytest.mark.parametrize("who", ["officer", "editor", "superuser"])
def test_no_admin_page_before_the_second_factor_is_set_up(client, password, who, request):
    staff = request.getfixturevalue(who)
    log_in_with_password(client, staff, password)
    for url in ("/admin/", "/admin/users/", "/admin/pages/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(SETUP_URL)


def test_the_admins_icons_load_before_the_second_factor(client, officer, password):
    """Every admin page, the set-up page too, fetches the icon sprite and inserts it into itself:
    redirected to the set-up page, it showed the page twice and renewed the secret it showed."""
    log_in_with_password(client, officer, password)
    client.get(SETUP_URL)
    secret = TOTPDevice.objects.get(confirmed=False).key
    response = client.get(reverse("wagtailadmin_sprite"))
    assert response.status_code == 200
    assert b"<svg" in response.content
    assert TOTPDevice.objects.get(confirmed=False).key == secret


def test_first_admin_log_in_sets_up_an_authenticator_with_a_qr_code_and_ten_recovery_codes(
    client, officer, password
):
    log_in_with_password(client, officer, password)
    page = client.get(SETUP_URL)
    assert b"<svg" in page.content  # the QR code
    assert in_thai("Set up two-factor log-in") in page.content.decode()

    codes = set_up_authenticator(client)

    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200
    assert ModelLogEntry.objects.for_instance(officer).filter(action="accounts.two_factor_set_up").exists()


def test_a_wrong_code_does_not_set_up_the_authenticator(client, officer, password):
    log_in_with_password(client, officer, password)
    client.get(SETUP_URL)
    device = TOTPDevice.objects.get(user=officer)
    wrong = f"{(int(totp_code(device)) + 1) % 1_000_000:06d}"
    response = client.post(SETUP_URL, {"token": wrong})
    assert (
        in_thai("The code is not correct. Enter the 6 digits your app shows now.")
        in response.content.decode()
    )
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/admin/").status_code == 302


def test_the_next_log_in_asks_for_the_code_and_the_password_alone_opens_nothing(client, officer, password):
    log_in_with_password(client, officer, password)
    set_up_authenticator(client)
    client.post("/admin/logout/")

    log_in_with_password(client, officer, password)
    response = client.get("/admin/account/")
    assert response.url == f"{VERIFY_URL}?next=%2Fadmin%2Faccount%2F"
    # The set-up page does not let a password-only session replace the authenticator.
    assert client.get(SETUP_URL).url.startswith(VERIFY_URL)

    device = TOTPDevice.objects.get(user=officer, confirmed=True)
    response = client.post(VERIFY_URL, {"token": totp_code(device, steps_ahead=1), "next": "/admin/account/"})
    assert response.url == "/admin/account/"
    assert client.get("/admin/account/").status_code == 200


def test_a_wrong_code_keeps_the_admin_closed(client, officer, password):
    log_in_with_password(client, officer, password)
    set_up_authenticator(client)
    client.post("/admin/logout/")
    log_in_with_password(client, officer, password)

    response = client.post(VERIFY_URL, {"token": "000000x"})
    assert (
        in_thai("The code is not correct, or the recovery code has been used.") in response.content.decode()
    )
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(client, officer, password):
    log_in_with_password(client, officer, password)
    code = set_up_authenticator(client)[0]
    client.post("/admin/logout/")

    log_in_with_password(client, officer, password)
    assert client.post(VERIFY_URL, {"token": code, "next": "/admin/"}).url == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert StaticToken.objects.filter(device__user=officer).count() == 9
    assert ModelLogEntry.objects.for_instance(officer).filter(action="accounts.recovery_code_used").exists()
    client.post("/admin/logout/")

    log_in_with_password(client, officer, password)
    response = client.post(VERIFY_URL, {"token": code})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_superuser_resets_a_staff_members_second_factor(client, officer, superuser, password):
    log_in_with_password(client, officer, password)
    set_up_authenticator(client)
    client.post("/admin/logout/")

    client.force_login(superuser)
    users = client.get(reverse("wagtailusers_users:index")).content.decode()
    reset_url = reverse("accounts_two_factor_reset", args=[officer.pk])
    assert reset_url in users
    assert client.get(reset_url).status_code == 200
    response = client.post(reset_url)
    assert response.url == reverse("wagtailusers_users:edit", args=[officer.pk])

    assert not TOTPDevice.objects.filter(user=officer).exists()
    assert not StaticToken.objects.filter(device__user=officer).exists()
    entry = ModelLogEntry.objects.for_instance(officer).get(action="accounts.two_factor_reset")
    assert entry.user == superuser
    client.post("/admin/logout/")

    # At the next log-in the officer sets up an authenticator again.
    log_in_with_password(client, officer, password)
    assert client.get("/admin/").url.startswith(SETUP_URL)


def test_the_reset_page_says_where_it_is_and_leads_back(client, officer, superuser):
    """Breadcrumbs to the user's page (not an empty header) and a way back without resetting."""
    client.force_login(superuser)
    page = client.get(reverse("accounts_two_factor_reset", args=[officer.pk])).content.decode()
    edit_url = reverse("wagtailusers_users:edit", args=[officer.pk])
    breadcrumbs = re.search(r"<ol[^>]*>(.*?)</ol>", page.split("data-w-breadcrumbs", 1)[1], re.S).group(1)
    assert in_thai("Reset two-factor") in breadcrumbs
    assert f'href="{edit_url}"' in breadcrumbs
    form = page.split('<form method="post">', 1)[1].split("</form>", 1)[0]
    assert f'href="{edit_url}"' in form


def test_only_a_superuser_may_reset(client, officer):
    other = StaffFactory()
    TOTPDevice.objects.create(user=other, name="authenticator", confirmed=True)
    client.force_login(officer)
    client.post(reverse("accounts_two_factor_reset", args=[other.pk]))
    assert TOTPDevice.objects.filter(user=other).exists()
    assert not ModelLogEntry.objects.filter(action="accounts.two_factor_reset").exists()


def test_the_reset_asks_the_superuser_for_the_password_again(client, officer, superuser, password):
    TOTPDevice.objects.create(user=officer, name="authenticator", confirmed=True)
    client.force_login(superuser)
    session = client.session
    session[sessions.PASSWORD_CONFIRMED_AT] -= 10 * 60
    session.save()
    reset_url = reverse("accounts_two_factor_reset", args=[officer.pk])

    response = client.post(reset_url)
    assert response.url.startswith(reverse("accounts:confirm_password"))
    assert TOTPDevice.objects.filter(user=officer).exists()

    client.post(reverse("accounts:confirm_password"), {"password": password, "next": reset_url})
    client.post(reset_url)
    assert not TOTPDevice.objects.filter(user=officer).exists()


def test_replacing_ones_own_authenticator_asks_for_the_password_again(client, officer, password):
    log_in_with_password(client, officer, password)
    set_up_authenticator(client)
    session = client.session
    session[sessions.PASSWORD_CONFIRMED_AT] -= 10 * 60
    session.save()

    response = client.get(SETUP_URL)
    assert response.url.startswith(reverse("accounts:confirm_password"))
    response = client.post(reverse("accounts:confirm_password"), {"password": password, "next": SETUP_URL})
    assert response.url == SETUP_URL
    assert client.get(SETUP_URL).status_code == 200


def test_applicants_never_see_the_second_factor(client, page_tree, user, password):
    client.post("/accounts/login/", {"username": user.citizen_id, "password": password})
    assert client.get("/accounts/profile/").status_code == 200
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_a_locked_out_superuser_gets_a_recovery_code_from_the_server(client, superuser, password):
    output = io.StringIO()
    call_command("addstatictoken", superuser.citizen_id, stdout=output)
    code = output.getvalue().strip()

    log_in_with_password(client, superuser, password)
    assert client.get("/admin/").url.startswith(VERIFY_URL)
    client.post(VERIFY_URL, {"token": code})
    assert client.get("/admin/").status_code == 200


def test_staff_find_the_authenticator_set_up_on_their_account_page(client, officer):
    client.force_login(officer)
    page = client.get("/admin/account/").content.decode()
    assert SETUP_URL in page
    assert in_thai("Set up a new authenticator app and get new recovery codes.") in page
