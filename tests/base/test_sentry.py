"""What reaches Sentry: where the error happened, never who it happened to."""

import json

from base.sentry import before_breadcrumb, before_send

CITIZEN_ID = "1101700230708"


def test_an_error_event_keeps_the_error_and_drops_the_person():
    event = {
        "user": {"id": 42, "username": CITIZEN_ID, "email": "somchai@example.com", "ip_address": "1.2.3.4"},
        "request": {
            "method": "POST",
            "url": "https://oss.example.go.th/status/",
            "data": {"citizen_id": CITIZEN_ID, "first_name": "สมชาย"},
            "cookies": {"sessionid": "secret"},
            "headers": {"Cookie": "sessionid=secret"},
            "query_string": f"citizen_id={CITIZEN_ID}",
        },
        "exception": {
            "values": [
                {
                    "type": "IntegrityError",
                    "value": f"duplicate key (citizen_id)=({CITIZEN_ID}) for somchai@example.com",
                    "stacktrace": {"frames": [{"function": "register", "vars": {"name": "สมชาย"}}]},
                }
            ]
        },
        "logentry": {"message": "Registration of %s failed", "params": [CITIZEN_ID]},
    }
    scrubbed = before_send(event)
    text = json.dumps(scrubbed, ensure_ascii=False)
    assert CITIZEN_ID not in text
    assert "somchai@example.com" not in text
    assert "สมชาย" not in text
    assert "secret" not in text
    assert scrubbed["user"] == {"id": 42}
    assert scrubbed["request"] == {"method": "POST", "url": "https://oss.example.go.th/status/"}
    assert scrubbed["exception"]["values"][0]["type"] == "IntegrityError"
    assert scrubbed["exception"]["values"][0]["stacktrace"]["frames"] == [{"function": "register"}]


def test_breadcrumbs_lose_citizen_ids():
    crumb = {"category": "query", "message": f"SELECT ... WHERE citizen_id = '{CITIZEN_ID}'"}
    assert CITIZEN_ID not in before_breadcrumb(crumb)["message"]
