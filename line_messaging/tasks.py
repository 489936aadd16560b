"""Sending a LINE message in the background (django-tasks): at once in development and tests, from
the database queue by `manage.py db_worker` in production. LINE busy (429), failing (5xx) or
unreachable: the task queues itself again after a wait (actions.RETRY_DELAYS_SECONDS); a backend
that cannot defer (the immediate one) runs the next attempt at once."""

import datetime

from django.utils import timezone

from django_tasks import task

from . import actions, config, messaging, queries
from .messaging import Outcome, PushResult
from .models import LineFailure


def _reason_not_sendable(message) -> str:
    """The LineFailure that keeps the message from being pushed at all, or ""."""
    if not config.is_configured():
        return LineFailure.NOT_CONFIGURED
    link = getattr(message.service_request.applicant, "line_link", None)
    if link is None:
        return LineFailure.UNLINKED
    if not link.is_friend:  # LINE's unfollow event: blocked, or never added as a friend
        return LineFailure.BLOCKED
    return ""


@task()
def send_line_message(message_id: int) -> str:
    message = queries.message_to_send(message_id)
    if message is None:
        return "nothing to send"
    failure = _reason_not_sendable(message)
    if failure:
        result = PushResult(Outcome.FAILED, failure=failure)
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
