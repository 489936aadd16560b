"""LINE's webhook (/line/webhook/): accepted only with a valid X-Line-Signature (HMAC-SHA256 of the
body with the Messaging API channel's secret); follow and unfollow keep whether a linked applicant
has the office's LINE account as a friend."""

import base64
import hashlib
import hmac
import json

from wagtail.models import ModelLogEntry

import pytest

from line_messaging.models import LineLink
from tests.line_messaging.line_stand_in import CHANNEL_SECRET

pytestmark = pytest.mark.django_db

WEBHOOK_URL = "/line/webhook/"


def event(kind, user_id):
    data = {
        "type": kind,
        "mode": "active",
        "timestamp": 1462629479859,
        "source": {"type": "user", "userId": user_id},
        "webhookEventId": "01FZ74A0TDDPYRVKNK77XKC3ZR",
        "deliveryContext": {"isRedelivery": False},
    }
    if kind == "follow":
        data["replyToken"] = "nHuyWiB7yP5Zw52FIkcQobQuGDXCTA"
        data["follow"] = {"isUnblocked": True}
    return data


def body_of(*events):
    return json.dumps({"destination": "U" + "0" * 32, "events": list(events)}).encode()


def signature(body, secret=CHANNEL_SECRET):
    return base64.b64encode(hmac.new(secret.encode(), body, hashlib.sha256).digest()).decode()


def post(client, body, sign=None):
    headers = {} if sign is None else {"HTTP_X_LINE_SIGNATURE": sign}
    return client.post(WEBHOOK_URL, body, content_type="application/json", **headers)


def test_an_unsigned_call_is_refused(client, linked, line):
    response = post(client, body_of(event("unfollow", linked.line_user_id)))
    assert response.status_code == 400
    assert LineLink.objects.get().is_friend is True


def test_a_wrongly_signed_call_is_refused(client, linked, line):
    body = body_of(event("unfollow", linked.line_user_id))
    assert post(client, body, signature(body, secret="another-secret")).status_code == 400
    # Signed, then changed on the way:
    changed = body_of(event("unfollow", "U" + "1" * 32))
    assert post(client, changed, signature(body)).status_code == 400
    assert LineLink.objects.get().is_friend is True


def test_lines_verification_call_is_answered(client, line):
    """LINE's "Verify" button in the console sends a signed call with no events."""
    body = body_of()
    assert post(client, body, signature(body)).status_code == 200


def test_unfollow_and_follow_change_the_friendship(client, user, linked, line):
    body = body_of(event("unfollow", linked.line_user_id))
    assert post(client, body, signature(body)).status_code == 200
    assert LineLink.objects.get().is_friend is False
    assert ModelLogEntry.objects.filter(action="line_messaging.unfollow", object_id=str(user.pk)).exists()

    body = body_of(event("follow", linked.line_user_id))
    assert post(client, body, signature(body)).status_code == 200
    assert LineLink.objects.get().is_friend is True


def test_events_of_line_users_not_linked_change_nothing(client, linked, line):
    body = body_of(
        event("unfollow", "U" + "2" * 32), {"type": "somethingNew", "timestamp": 1, "mode": "active"}
    )
    assert post(client, body, signature(body)).status_code == 200
    assert LineLink.objects.get().is_friend is True


def test_only_post(client, line):
    assert client.get(WEBHOOK_URL).status_code == 405


def test_no_webhook_when_line_is_not_configured(client, settings):
    settings.LINE_CHANNEL_SECRET = ""
    body = body_of()
    assert post(client, body, signature(body, secret="")).status_code == 404
