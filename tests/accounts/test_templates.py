"""The account pages as a user meets them: accessible fields, errors, the robot-check note, lockout."""

import re

from django.utils.html import escape

import pytest

from accounts.security import lockout_message
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db


def widget(html, name):
    return re.search(rf'<(?:input|select)[^>]*name="{name}"[^>]*>', html).group(0)


def test_every_field_has_a_label(client, page_tree):
    html = client.get("/accounts/register/").content.decode()
    for field_id in re.findall(r'<(?:input|select)[^>]*id="(id_[^"]+)"', html):
        assert f'<label for="{field_id}">' in html, field_id


def test_errors_are_announced_and_linked_to_their_field(client, page_tree):
    html = client.post("/accounts/register/", {"citizen_id": "1234567890123"}).content.decode()
    citizen_id = widget(html, "citizen_id")
    assert 'aria-invalid="true"' in citizen_id
    assert 'aria-describedby="id_citizen_id_helptext id_citizen_id_error"' in citizen_id
    assert re.search(r'<div class="field__error" id="id_citizen_id_error" role="alert">', html)
    assert '<div class="field__help" id="id_citizen_id_helptext">' in html
    # The summary at the top links to each field to correct, and takes the focus (forms.js).
    assert '<a href="#id_citizen_id">' in html
    assert re.search(
        r'<div class="alert alert--error error-summary" role="alert" tabindex="-1" data-focus-on-load>', html
    )


def test_the_consent_checkbox_has_its_label_after_the_box_and_the_privacy_link_beside_it(client, page_tree):
    html = client.get("/accounts/register/").content.decode()
    assert re.search(r'<input type="checkbox" name="consent"[^>]*>\s*<label for="id_consent">', html)
    privacy_link = html.index(f'href="{page_tree.privacy.url}"')
    assert privacy_link < html.index('name="consent"')


def test_without_recaptcha_keys_the_pages_say_the_robot_check_is_off(client, page_tree):
    note = escape(
        in_thai("The robot check (reCAPTCHA) is off on this server because no keys are configured.")
    )
    assert note in client.get("/accounts/register/").content.decode()
    assert note in client.get("/accounts/login/").content.decode()


def test_the_login_page_keeps_next_and_passes_it_on_to_registration(client, page_tree):
    html = client.get("/accounts/login/?next=/services/id-card/").content.decode()
    assert '<input type="hidden" name="next" value="/services/id-card/">' in html
    assert 'href="/accounts/register/?next=/services/id-card/"' in html


def test_a_locked_out_user_reads_the_lockout_message_above_the_form(client, page_tree, user):
    for attempt in range(6):
        response = client.post(
            "/accounts/login/",
            {"username": user.citizen_id, "password": f"wrong-{attempt}", "next": "/downloads/"},
        )
    assert response.status_code == 429
    html = response.content.decode()
    message = escape(in_thai(lockout_message()))
    assert re.search(rf'<div class="alert alert--error" role="alert"><p>{re.escape(message)}</p></div>', html)
    assert html.index(message) < html.index('<form method="post" action="/accounts/login/"')
    assert '<input type="hidden" name="next" value="/downloads/">' in html


def test_the_profile_shows_the_citizen_id_as_text_not_as_a_field(client, page_tree, user):
    client.force_login(user)
    html = client.get("/accounts/profile/").content.decode()
    assert f"<dd>{user.citizen_id}</dd>" in html
    assert 'name="citizen_id"' not in html


def test_the_password_page_shows_who_is_changing_it(client, page_tree, user):
    client.force_login(user)
    html = client.get("/accounts/password/").content.decode()
    for value in (user.citizen_id, user.title, user.first_name, user.last_name):
        assert f"<dd>{value}</dd>" in html
    assert 'name="old_password"' in html
