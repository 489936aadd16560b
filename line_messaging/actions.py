"""Every write of the LINE app: linking and unlinking an applicant's LINE account, what the office's
LINE Official Account hears of friendship (follow/unfollow), and each message's queueing and outcome.
Each is atomic and audit-logged (Wagtail's log; never the LINE user ID nor a message's text), a
message once, with its outcome, on its request's history."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from accounts.models import User
from service_requests.models import ServiceRequest

from . import config, messaging
from .messaging import Outcome, PushResult
from .models import LineFailure, LineLink, LineMessage, LineMessageStatus

# A message LINE could not take (busy, down, unreachable) is tried again after these waits, then
# given up: 6 attempts over about two hours.
RETRY_DELAYS_SECONDS = (60, 5 * 60, 15 * 60, 30 * 60, 60 * 60)
MAX_ATTEMPTS = len(RETRY_DELAYS_SECONDS) + 1

LINKED_ELSEWHERE = _(
    "This LINE account is already linked to another account of this portal. Unlink it there first."
)


def _check_own_account(actor, user):
    if actor is None or not actor.is_authenticated or actor.pk != user.pk or not user.is_active:
        raise PermissionDenied
    if not config.is_configured():
        raise PermissionDenied


@transaction.atomic
def link_line_account(*, actor, user, line_user_id: str, is_friend: bool) -> LineLink:
    """The applicant links the LINE account LINE Login vouched for (their own account only); a
    LINE account already linked to another portal account is refused."""
    _check_own_account(actor, user)
    user = User.objects.select_for_update().get(pk=user.pk)  # the row (a view's is a lazy object)
    holder = LineLink.objects.select_for_update().filter(line_user_id=line_user_id).first()
    if holder is not None and holder.user_id != user.pk:
        raise ValidationError(LINKED_ELSEWHERE, code="linked_elsewhere")
    now = timezone.now()
    link, created = LineLink.objects.update_or_create(
        user=user,
        defaults={
            "line_user_id": line_user_id,
            "linked_at": now,
            "is_friend": is_friend,
            "friendship_changed_at": now,
        },
    )
    log(instance=user, action="line_messaging.link", user=actor, data={"is_friend": is_friend})
    return link


@transaction.atomic
def unlink_line_account(*, actor, user) -> bool:
    """The applicant unlinks LINE: the link, and with it the LINE user ID, is deleted; messages
    still waiting will not be sent. False when there was nothing to unlink."""
    _check_own_account(actor, user)
    user = User.objects.select_for_update().get(pk=user.pk)
    deleted, _counts = LineLink.objects.filter(user=user).delete()
    if deleted:
        log(instance=user, action="line_messaging.unlink", user=actor)
    return bool(deleted)


@transaction.atomic
def record_friendship(*, line_user_id: str, is_friend: bool) -> LineLink | None:
    """LINE's follow/unfollow event (a signed webhook call): whether a linked applicant has the
    office's official account as a friend. Events of LINE users not linked here change nothing."""
    link = LineLink.objects.select_for_update().filter(line_user_id=line_user_id).first()
    if link is None:
        return None
    link.is_friend, link.friendship_changed_at = is_friend, timezone.now()
    link.save(update_fields=["is_friend", "friendship_changed_at"])
    log(instance=link.user, action="line_messaging.follow" if is_friend else "line_messaging.unfollow")
    return link


@transaction.atomic
def queue_request_message(*, event: str, request_id: int, base_url: str = "") -> LineMessage | None:
    """The applicant was notified of `event`: when they have linked LINE (and LINE is configured),
    a message is recorded as queued (the caller hands it to the worker). The system does this, for
    the applicant; nothing when LINE is off or the applicant has not linked it."""
    if not config.is_configured():
        return None
    service_request = (
        ServiceRequest.objects.select_related("applicant__line_link").filter(pk=request_id).first()
    )
    if service_request is None or not hasattr(service_request.applicant, "line_link"):
        return None
    content = messaging.content_for(event, service_request, base_url=base_url)
    message = LineMessage.objects.create(
        service_request=service_request,
        event=content.event,
        text=content.text,
        url=content.url,
        created_at=timezone.now(),
    )
    return message


@transaction.atomic
def record_attempt(*, message_id: int, result: PushResult) -> int | None:
    """What came of one attempt to send a message: sent, failed for good, or tried again later.
    Returns the seconds to wait before the next attempt, or None when there is none. Logged on the
    request's history with the event, the attempts and the reason (no personal data)."""
    message = LineMessage.objects.select_for_update().select_related("service_request").get(pk=message_id)
    if message.status != LineMessageStatus.QUEUED:
        return None
    now = timezone.now()
    message.attempts += 1
    message.updated_at = now
    message.line_request_id = result.line_request_id or message.line_request_id
    retry_in = None
    if result.outcome == Outcome.SENT:
        message.status, message.sent_at, message.failure, message.error = LineMessageStatus.SENT, now, "", ""
    else:
        message.failure = result.failure or LineFailure.OTHER
        message.error = result.reason
        if result.outcome == Outcome.RETRY and message.attempts < MAX_ATTEMPTS:
            retry_in = RETRY_DELAYS_SECONDS[message.attempts - 1]
        else:
            message.status = LineMessageStatus.FAILED
    message.save()
    if retry_in is None:
        log(
            instance=message.service_request,
            action=f"line_messaging.{message.status}",
            data={
                "event": message.event,
                "attempts": message.attempts,
                "failure": message.failure,
                "reason": message.error,
                "line_request_id": message.line_request_id,
            },
        )
    return retry_in


@transaction.atomic
def forget_line_account(*, user) -> bool:
    """The account is being closed (privacy.actions.close_account checks who may): its LINE link,
    and with it the LINE user ID, is deleted."""
    deleted, _counts = LineLink.objects.filter(user=user).delete()
    if deleted:
        log(instance=user, action="line_messaging.unlink", data={"account_closed": True})
    return bool(deleted)
