"""An applicant's LINE account linked to the portal, and each LINE message sent about a request."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LineLink(models.Model):
    """The applicant's LINE user ID (of the office's provider), as LINE Login gave it. Unlinking
    deletes the row, so the ID is forgotten."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="line_link", verbose_name=_("user")
    )
    line_user_id = models.CharField(_("LINE user ID"), max_length=64, unique=True)
    linked_at = models.DateTimeField(_("linked at"))
    # Whether the applicant has the office's LINE Official Account as a friend (LINE pushes only to
    # friends): set at linking from LINE Login's friendship answer, then by follow/unfollow events.
    is_friend = models.BooleanField(_("friend of the official account"), default=True)
    friendship_changed_at = models.DateTimeField(_("friendship changed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("LINE link")
        verbose_name_plural = _("LINE links")

    def __str__(self):
        return f"LINE link #{self.pk}"


class LineMessageStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Not sent")


class LineFailure(models.TextChoices):
    """Why a message was not sent (or is waiting for another attempt), as officers read it; LINE's
    own words (English) stay beside it in `LineMessage.error`."""

    BLOCKED = (
        "blocked",
        _("The applicant has blocked the office's LINE account or has not added it as a friend"),
    )
    UNLINKED = "unlinked", _("The applicant has unlinked their LINE account")
    NOT_CONFIGURED = "not_configured", _("LINE is not set up on the portal")
    TOKEN = (
        "token",
        _(
            "LINE refused the office's channel access token (wrong, expired or without permission): "
            "an administrator needs to check the LINE settings"
        ),
    )
    TOO_MANY = "too_many", _("Too many messages: LINE's rate limit or the month's message quota was reached")
    LINE_ERROR = "line_error", _("LINE's system had an error")
    UNREACHABLE = "unreachable", _("LINE could not be reached")
    OTHER = "other", _("LINE did not accept the message")


class LineMessage(models.Model):
    """One LINE message about a request: what it said (reference, service, status only), where it
    stands, how many attempts, why it failed (never personal data) and LINE's request ID."""

    service_request = models.ForeignKey(
        "service_requests.ServiceRequest",
        on_delete=models.CASCADE,
        related_name="line_messages",
        verbose_name=_("request"),
    )
    event = models.CharField(_("event"), max_length=32)
    text = models.TextField(_("text"))
    url = models.URLField(_("button link"), max_length=500)
    status = models.CharField(
        _("status"), max_length=16, choices=LineMessageStatus.choices, default=LineMessageStatus.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    failure = models.CharField(_("why not sent"), max_length=16, choices=LineFailure.choices, blank=True)
    error = models.CharField(_("LINE's answer"), max_length=300, blank=True)  # LINE's words, no person's
    line_request_id = models.CharField(_("LINE request ID"), max_length=64, blank=True)
    # Sent as X-Line-Retry-Key with every attempt: LINE delivers the message at most once.
    retry_key = models.UUIDField(default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("queued at"))
    updated_at = models.DateTimeField(_("last attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("LINE message")
        verbose_name_plural = _("LINE messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"LINE message #{self.pk}"

    @property
    def reason(self) -> str:
        """Why it was not sent, in the officer's language; "" when it was (or nothing is known)."""
        return str(self.get_failure_display()) if self.failure else ""
