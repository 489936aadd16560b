"""Reads of the LINE links and messages."""

from django.utils import timezone

from .models import LineLink, LineMessage


def link_of(user) -> LineLink | None:
    if not user.is_authenticated:
        return None
    return LineLink.objects.filter(user=user).first()


def link_of_line_user(line_user_id: str) -> LineLink | None:
    return LineLink.objects.select_related("user").filter(line_user_id=line_user_id).first()


def messages_of_request(service_request):
    """The LINE messages about a request, oldest first (the officers' process page)."""
    return LineMessage.objects.filter(service_request=service_request).order_by("created_at", "pk")


def message_to_send(message_id: int) -> LineMessage | None:
    """A message still waiting, with its request and the applicant's link (None once unlinked)."""
    return (
        LineMessage.objects.select_related("service_request__applicant__line_link")
        .filter(pk=message_id, status="queued")
        .first()
    )


def link_data(user) -> dict | None:
    """The applicant's LINE link for their copy of their data; None when not linked."""
    link = LineLink.objects.filter(user=user).first()
    if link is None:
        return None
    return {
        "line_user_id": link.line_user_id,
        "linked_at": timezone.localtime(link.linked_at).isoformat(),
        "is_friend": link.is_friend,
    }
