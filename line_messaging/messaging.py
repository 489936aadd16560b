"""What a LINE message about a request says, and pushing it through the Messaging API (line-bot-sdk).

A message names the request's reference, its service and its status, and says that the officer
wrote or a reply file waits, never what: no name, citizen ID, phone or officer's words (those may
hold personal data) go to LINE. Its one button opens the request's page, where the applicant logs in.

The LINE SDK is imported where it is used, as in config.py: only the background worker pushes.
"""

import json
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

import urllib3

from base.links import absolute_url
from service_requests import ics, queries
from service_requests.workflow import RequestStatus, Role

from .config import TIMEOUT_SECONDS, messaging_configuration
from .models import LineFailure

# LINE's limits: a buttons template's text (without title or image), an action's label, alt text.
TEXT_LIMIT, LABEL_LIMIT, ALT_TEXT_LIMIT = 160, 20, 400
# The stated reason of a failure is kept this long (LINE's own message, which names no person).
REASON_LIMIT = 200


@dataclass(frozen=True)
class Content:
    event: str
    text: str
    url: str


def _event_of(event: str, service_request) -> str:
    if event != "status_changed":
        return event
    return str(service_request.status)


def content_for(event: str, service_request, *, base_url: str = "") -> Content:
    """The message for `event` ("submitted", "resubmitted", "status_changed") as things stand now."""
    with translation.override(settings.LANGUAGE_CODE):
        lines = [
            _("Request %(reference)s · %(service)s")
            % {"reference": service_request.reference, "service": service_request.service.name},
            _("Status: %(status)s") % {"status": service_request.get_status_display()},
        ]
        if event == "status_changed":
            lines += _status_notes(service_request)
        text = "\n".join(str(line) for line in lines)[:TEXT_LIMIT]
    url = absolute_url(
        reverse("service_requests:detail", args=[service_request.reference]), base_url=base_url or None
    )
    return Content(event=_event_of(event, service_request), text=text, url=url)


def _status_notes(service_request) -> list[str]:
    notes = []
    details = queries.details_record(service_request)
    if ics.offers_calendar_file(service_request, details):
        notes.append(_("Your booking or appointment is confirmed."))
    latest = service_request.history.last()
    if latest is not None and latest.actor_role == Role.OFFICER and latest.message:
        notes.append(_("There is a message from the officer."))
    if service_request.status == RequestStatus.RETURNED:
        correction_round = queries.open_correction_round(service_request)
        count = correction_round.items.count() if correction_round else 0
        if count:
            notes.append(
                ngettext("%(count)d item to correct.", "%(count)d items to correct.", count)
                % {"count": count}
            )
    if service_request.status == RequestStatus.COMPLETED and service_request.reply_file:
        notes.append(_("A reply file is attached."))
    return notes


def push_request(*, to: str, text: str, url: str):
    """The SDK's PushMessageRequest: one buttons message whose button opens the request's page."""
    # deferred: see the module's docstring
    from linebot.v3.messaging import (
        ButtonsTemplate,
        PushMessageRequest,
        TemplateMessage,
        URIAction,
    )

    with translation.override(settings.LANGUAGE_CODE):
        label = _("View request")[:LABEL_LIMIT]
    return PushMessageRequest(
        to=to,
        messages=[
            TemplateMessage(
                alt_text=text[:ALT_TEXT_LIMIT],
                template=ButtonsTemplate(text=text, actions=[URIAction(label=label, uri=url)]),
            )
        ],
    )


class Outcome:
    SENT = "sent"
    RETRY = "retry"  # LINE was busy or unreachable: try again later
    FAILED = "failed"  # LINE refused it: trying again would not help


@dataclass(frozen=True)
class PushResult:
    outcome: str
    reason: str = ""  # LINE's own words (or the error's kind), kept as the detail
    line_request_id: str = ""
    failure: str = ""  # a LineFailure: why, as officers read it


def failure_of_status(status: int | None) -> str:
    """The kind of LINE's refusal by its HTTP status (the Messaging API's documented answers)."""
    status = status or 0
    if status in (401, 403):  # the channel access token is wrong or expired, or may not push
        return LineFailure.TOKEN
    if status == 429:  # the rate limit, or the month's message quota
        return LineFailure.TOO_MANY
    if status >= 500:
        return LineFailure.LINE_ERROR
    return LineFailure.OTHER


def _lines_reason(error) -> str:
    """What LINE said about a push it refused (the SDK's ApiException `error`)."""
    try:
        message = json.loads(error.body or b"{}").get("message", "")
    except (ValueError, AttributeError):
        message = ""
    reason = f"LINE {error.status}" + (f": {message}" if message else f" {error.reason or ''}".rstrip())
    return reason[:REASON_LIMIT]


def _header(headers, name: str) -> str:
    """A response header, whatever its case (LINE sends lower case)."""
    for key, value in dict(headers or {}).items():
        if key.lower() == name:
            return str(value)
    return ""


def push(*, to: str, text: str, url: str, retry_key: str) -> PushResult:
    """One push to one LINE user; what came of it. The same `retry_key` on every attempt of the
    same message: LINE delivers it once (a repeat is answered 409, counted as sent)."""
    # deferred: see the module's docstring
    from linebot.v3.messaging import ApiClient, ApiException, MessagingApi

    with ApiClient(messaging_configuration()) as api_client:
        try:
            response = MessagingApi(api_client).push_message_with_http_info(
                push_request(to=to, text=text, url=url),
                x_line_retry_key=retry_key,
                _request_timeout=TIMEOUT_SECONDS,
            )
        except ApiException as error:
            accepted = _header(error.headers, "x-line-accepted-request-id")
            if error.status == 409 and accepted:
                return PushResult(Outcome.SENT, line_request_id=accepted)
            request_id = _header(error.headers, "x-line-request-id")
            failure = failure_of_status(error.status)
            if error.status == 429 or (error.status or 0) >= 500:
                return PushResult(Outcome.RETRY, _lines_reason(error), request_id, failure)
            return PushResult(Outcome.FAILED, _lines_reason(error), request_id, failure)
        except (urllib3.exceptions.HTTPError, OSError) as error:
            return PushResult(
                Outcome.RETRY,
                f"LINE could not be reached ({type(error).__name__})",
                failure=LineFailure.UNREACHABLE,
            )
    return PushResult(Outcome.SENT, line_request_id=_header(response.headers, "x-line-request-id"))
