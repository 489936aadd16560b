"""Password guessing: django-axes locks a citizen ID from one address after 5 failures."""

import re

from django.conf import settings
from django.contrib.auth import get_user
from django.utils import translation

import pytest
from axes.utils import reset

from accounts.security import lockout_message
from tests.factories.accounts import UserFactory
from tests.helpers import THAI_SCRIPT

LOGIN_URL = "/accounts/login/"
ADDRESS = "10.0.0.1"
OTHER_ADDRESS = "10.0.0.2"
UNKNOWN_CITIZEN_ID = "3100600445635"

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_earlier_failures():
    reset()
    yield
    reset()


def attempt(client, citizen_id, password, address=ADDRESS):
    return client.post(LOGIN_URL, {"username": citizen_id, "password": password}, REMOTE_ADDR=address)


def fail_repeatedly(client, citizen_id, times=settings.AXES_FAILURE_LIMIT, address=ADDRESS):
    return [attempt(client, citizen_id, "wrong-password", address) for _ in range(times)]


def thai_lockout_message():
    with translation.override("th"):
        return lockout_message()


def visible_text(response, citizen_id):
    """The page as a visitor sees it, minus the ID they typed and the per-request CSRF token."""
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    return html.replace(citizen_id, "<citizen id>")


def test_the_failure_limit_is_five():
    assert settings.AXES_FAILURE_LIMIT == 5


def test_failures_below_the_limit_only_say_the_login_is_wrong(client, page_tree, user):
    responses = fail_repeatedly(client, user.citizen_id, times=settings.AXES_FAILURE_LIMIT - 1)
    assert [response.status_code for response in responses] == [200] * 4
    assert thai_lockout_message() not in responses[-1].content.decode()


def test_after_five_failures_even_the_right_password_is_refused(client, page_tree, user, password):
    fail_repeatedly(client, user.citizen_id)
    response = attempt(client, user.citizen_id, password)
    assert response.status_code == 429
    assert thai_lockout_message() in response.content.decode()
    assert not get_user(client).is_authenticated


def test_the_lockout_message_is_thai_and_names_the_wait():
    message = thai_lockout_message()
    assert THAI_SCRIPT.search(message), message
    assert "15" in message


def test_the_lockout_page_names_the_way_out_now(client, page_tree, user, password):
    """Waiting is not the only way: a new password lifts the lockout (accounts.actions)."""
    fail_repeatedly(client, user.citizen_id)
    page = attempt(client, user.citizen_id, password).content.decode()
    assert "“ลืมรหัสผ่าน”" in thai_lockout_message()
    assert 'href="/accounts/password/forgot/"' in page


def test_an_unknown_citizen_id_gets_the_same_lockout_page(client, page_tree, user, password):
    fail_repeatedly(client, user.citizen_id)
    known = attempt(client, user.citizen_id, password)
    fail_repeatedly(client, UNKNOWN_CITIZEN_ID)
    unknown = attempt(client, UNKNOWN_CITIZEN_ID, password)
    assert unknown.status_code == known.status_code == 429
    assert visible_text(unknown, UNKNOWN_CITIZEN_ID) == visible_text(known, user.citizen_id)


def test_an_unknown_citizen_id_fails_with_the_same_page_as_a_wrong_password(client, page_tree, user):
    known = attempt(client, user.citizen_id, "wrong-password")
    unknown = attempt(client, UNKNOWN_CITIZEN_ID, "wrong-password")
    assert unknown.status_code == known.status_code == 200
    assert visible_text(unknown, UNKNOWN_CITIZEN_ID) == visible_text(known, user.citizen_id)


def test_the_lockout_page_keeps_the_citizen_id_but_not_the_password(client, page_tree, user):
    fail_repeatedly(client, user.citizen_id)
    response = attempt(client, user.citizen_id, "another-guess")
    assert f'value="{user.citizen_id}"' in response.content.decode()
    assert "another-guess" not in response.content.decode()


def test_another_address_is_not_locked(client, page_tree, user, password):
    fail_repeatedly(client, user.citizen_id, address=ADDRESS)
    response = attempt(client, user.citizen_id, password, address=OTHER_ADDRESS)
    assert response.status_code == 302
    assert get_user(client) == user


def test_another_citizen_id_from_the_same_address_is_not_locked(client, page_tree, user, password):
    fail_repeatedly(client, user.citizen_id)
    colleague = UserFactory()
    response = attempt(client, colleague.citizen_id, password)
    assert response.status_code == 302
    assert get_user(client) == colleague


def test_the_citizen_id_typed_with_dashes_counts_towards_the_same_lock(client, page_tree, user, password):
    fail_repeatedly(client, "1439900285977", times=3)
    fail_repeatedly(client, "1-4399-00285-97-7", times=2)
    response = attempt(client, " 1 4399 00285 97 7 ", password)
    assert response.status_code == 429


def test_a_successful_login_clears_earlier_failures(client, page_tree, user, password):
    fail_repeatedly(client, user.citizen_id, times=4)
    assert attempt(client, user.citizen_id, password).status_code == 302
    client.post("/accounts/logout/")
    fail_repeatedly(client, user.citizen_id, times=4)
    assert attempt(client, user.citizen_id, password).status_code == 302


def test_the_admin_login_is_locked_too(client, page_tree, password):
    officer = UserFactory(is_staff=True, is_superuser=True)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            "/admin/login/", {"username": officer.citizen_id, "password": "wrong"}, REMOTE_ADDR=ADDRESS
        )
    response = client.post(
        "/admin/login/", {"username": officer.citizen_id, "password": password}, REMOTE_ADDR=ADDRESS
    )
    assert response.status_code == 429
    assert not get_user(client).is_authenticated
