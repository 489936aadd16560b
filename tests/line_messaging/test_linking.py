""" "เชื่อมต่อ LINE" on the profile, as the applicant uses it: LINE Login end to end through the
stand-in (state, nonce, PKCE, the HS256 ID token), seeing it linked, and unlinking."""

from urllib.parse import parse_qs, urlsplit

from wagtail.models import ModelLogEntry

import pytest
import requests

from line_messaging.models import LineLink
from tests.factories.accounts import UserFactory
from tests.helpers import in_thai

pytestmark = pytest.mark.django_db

PROFILE_URL = "/accounts/profile/"
LINK_URL = "/line/link/"
UNLINK_URL = "/line/unlink/"


def messages_of(response):
    return [str(message) for message in response.wsgi_request._messages]


def go_through_line(client):
    """Press "เชื่อมต่อ LINE", log in at LINE, come back: the callback's response (followed)."""
    start = client.post(LINK_URL)
    assert start.status_code == 302
    at_line = requests.get(start.url, allow_redirects=False, timeout=10)
    assert at_line.status_code == 302
    back = urlsplit(at_line.headers["Location"])
    return client.get(f"{back.path}?{back.query}", follow=True)


def test_the_profile_offers_line_only_when_the_office_has_configured_it(client, user, settings):
    settings.LINE_CHANNEL_ACCESS_TOKEN = ""
    client.force_login(user)
    page = client.get(PROFILE_URL).content.decode()
    assert in_thai("Connect LINE") not in page
    assert LINK_URL not in page
    assert client.post(LINK_URL).status_code == 404


def test_the_profile_offers_to_connect_line(client, user, line):
    client.force_login(user)
    page = client.get(PROFILE_URL).content.decode()
    assert "เชื่อมต่อ LINE" in page
    assert LINK_URL in page


def test_linking_goes_through_line_login_and_the_profile_shows_it_linked(client, user, line):
    client.force_login(user)
    response = go_through_line(client)

    assert response.redirect_chain[-1][0].endswith(PROFILE_URL + "#line")
    assert in_thai("LINE is linked. News of your requests will also come to your LINE.") in messages_of(
        response
    )
    page = response.content.decode()
    assert in_thai("Linked with LINE") in page
    assert in_thai("Unlink LINE") in page
    assert f'action="{LINK_URL}"' not in page
    link = LineLink.objects.get(user=user)
    assert link.line_user_id == line.line_user_id and link.is_friend
    # What the portal asked LINE for: a code with PKCE, its state and nonce, and the friend prompt.
    [asked] = line.authorize_requests
    assert asked["scope"] == "profile openid"
    assert asked["bot_prompt"] == "aggressive"
    assert asked["code_challenge_method"] == "S256" and asked["nonce"] and asked["state"]
    assert asked["redirect_uri"] == "http://testserver/line/callback/"
    entry = ModelLogEntry.objects.get(action="line_messaging.link")
    assert entry.object_id == str(user.pk) and line.line_user_id not in str(entry.data)


def test_an_applicant_who_has_not_added_the_official_account_is_told(client, user, line):
    line.is_friend = False
    client.force_login(user)
    page = go_through_line(client).content.decode()
    assert in_thai("Linked with LINE") in page
    assert "บล็อก" in in_thai(
        "You have not added the office's LINE account as a friend, or have blocked it: add it again in LINE to get the messages."
    )
    assert "เพิ่มบัญชี LINE ของสำนักงานเป็นเพื่อน" in page
    assert LineLink.objects.get(user=user).is_friend is False


def test_cancelling_at_line_links_nothing(client, user, line):
    line.refuse_login = True
    client.force_login(user)
    response = go_through_line(client)
    assert in_thai("LINE could not be linked. Please try again.") in messages_of(response)
    assert not LineLink.objects.exists()


@pytest.mark.parametrize(
    "misbehaviour", ["forged_signature", "wrong_issuer", "wrong_audience", "expired", "wrong_nonce"]
)
def test_an_id_token_that_does_not_check_out_links_nothing(client, user, line, misbehaviour):
    line.misbehave = misbehaviour
    client.force_login(user)
    response = go_through_line(client)
    assert in_thai("LINE could not be linked. Please try again.") in messages_of(response)
    assert not LineLink.objects.exists()


def test_a_callback_with_a_state_the_portal_did_not_give_links_nothing(client, user, line):
    client.force_login(user)
    start = client.post(LINK_URL)
    at_line = requests.get(start.url, allow_redirects=False, timeout=10)
    query = parse_qs(urlsplit(at_line.headers["Location"]).query)
    response = client.get("/line/callback/", {"code": query["code"][0], "state": "forged"}, follow=True)
    assert in_thai("LINE could not be linked. Please try again.") in messages_of(response)
    assert not LineLink.objects.exists()


def test_a_line_account_linked_to_another_portal_account_is_refused(client, user, line):
    other = UserFactory()
    LineLink.objects.create(user=other, line_user_id=line.line_user_id, linked_at="2025-01-01T00:00+07:00")
    client.force_login(user)
    response = go_through_line(client)
    assert in_thai(
        "This LINE account is already linked to another account of this portal. Unlink it there first."
    ) in messages_of(response)
    assert not LineLink.objects.filter(user=user).exists()


def test_unlinking_forgets_the_line_user_id(client, user, linked):
    client.force_login(user)
    response = client.post(UNLINK_URL, follow=True)
    assert in_thai("LINE is unlinked. Nothing more will be sent to your LINE.") in messages_of(response)
    assert not LineLink.objects.exists()
    page = response.content.decode()
    assert f'action="{LINK_URL}"' in page and in_thai("Linked with LINE") not in page
    assert ModelLogEntry.objects.filter(action="line_messaging.unlink", object_id=str(user.pk)).exists()


def test_linking_needs_a_logged_in_applicant_and_a_post(client, line):
    assert client.post(LINK_URL).status_code == 302  # to the log-in page
    assert not line.authorize_requests
    assert client.post(UNLINK_URL).status_code == 302
