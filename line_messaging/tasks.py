"""Sending a LINE message in the background (django-tasks): at once in development and tests, from
the database queue by `manage.py db_worker` in production. LINE busy (429), failing (5xx) or
unreachable: the task queues itself again after a wait (actions.RETRY_DELAYS_SECONDS); a backend
that cannot defer (the immediate one) runs the next attempt at once."""

import datetime

from django.utils import timezone

from django_tasks import task

from . import actions, config, messaging, queries
from .messaging import Outcome, PushResult


def _reason_not_sendable(message) -> str:
    if not config.is_configured():
        return "LINE is not configured"
    link = getattr(message.service_request.applicant, "line_link", None)
    if link is None:
        return "The applicant has unlinked LINE"
    if not link.is_friend:
        return "The applicant has blocked or not added the office's LINE account"
    return ""


@task()
def send_line_message(message_id: int) -> str:
    message = queries.message_to_send(message_id)
    if message is None:
        return "nothing to send"
    reason = _reason_not_sendable(message)
    if reason:
        result = PushResult(Outcome.FAILED, reason)
    else:
        result = messaging.push(
            to=message.service_request.applicant.line_link.line_user_id,
            text=message.text,
            url=message.url,
            retry_key=str(message.retry_key),
        )
    retry_in = actions.record_attempt(message_id=message_id, result=result)
    if retry_in is not None:
        if send_line_message.get_backend().supports_defer:
            run_after = timezone.now() + datetime.timedelta(seconds=retry_in)
            send_line_message.using(run_after=run_after).enqueue(message_id)
        else:
            send_line_message.enqueue(message_id)
    return result.outcome
