"""Errors to Sentry when SENTRY_DSN is set (production settings call `start`), without personal
data: no request bodies, cookies or headers, no user but their ID, and any 13-digit number (a
citizen ID) or e-mail address in a message, an exception or a breadcrumb replaced."""

import re

CITIZEN_ID = re.compile(r"(?<!\d)\d(?:[- ]?\d){12}(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SCRUBBED = "[scrubbed]"


def scrub_text(text):
    if not isinstance(text, str):
        return text
    return EMAIL.sub(SCRUBBED, CITIZEN_ID.sub(SCRUBBED, text))


def _scrub(value):
    if isinstance(value, str):
        return scrub_text(value)
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(item) for item in value]
    return value


def before_send(event, hint=None):
    """Keep what finds the bug (where, what, which request); drop who it happened to."""
    user = event.get("user") or {}
    event["user"] = {"id": user["id"]} if "id" in user else {}
    request = event.get("request")
    if request:
        event["request"] = {
            key: request[key] for key in ("method", "url") if key in request
        }  # no data, query string, cookies, headers or environment
        if "url" in event["request"]:
            event["request"]["url"] = scrub_text(event["request"]["url"])
    for frame_holder in (event.get("exception") or {}).get("values", []):
        for frame in (frame_holder.get("stacktrace") or {}).get("frames", []):
            frame.pop("vars", None)  # local variables hold forms, users, citizen IDs
    for key in ("message", "logentry", "exception", "breadcrumbs", "extra", "tags", "contexts"):
        if key in event:
            event[key] = _scrub(event[key])
    return event


def before_breadcrumb(crumb, hint=None):
    return _scrub(crumb)


def start(dsn, *, environment, release=None):
    # Imported only when a DSN is set: about 20 MB that a portal without Sentry need not carry.
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=before_send,
        before_breadcrumb=before_breadcrumb,
        traces_sample_rate=0.0,
    )
