"""What an applicant pays for a request: the office's PromptPay settings, the payment of a request
(its state, amount and the officer's word) with its history, and the transfer slips sent for it.

A slip's QR code (printed on every Thai bank's transfer slip) names one transfer. `SlipClaim`
holds each code once, for one payment: the database's unique constraint refuses the same slip for
a second order even when both are sent at the same moment."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from django_cleanup import cleanup

from service_requests.models import ServiceRequest, generated_name
from service_requests.storage import private_storage

from .promptpay import slip_transfer_of


@register_setting(icon="tag")
class PaymentSettings(BaseSiteSetting):
    """How applicants pay the office by PromptPay; with neither ID the pages say to ask the office."""

    promptpay_id = models.CharField(
        _("PromptPay ID"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^(0\d{9}|\d{13}|\d{15})$",
                _("A mobile number of 10 digits, a citizen or tax ID of 13 digits or an e-wallet ID of 15."),
            )
        ],
        help_text=_("Mobile number, 13-digit tax or citizen ID, or 15-digit e-wallet ID, digits only."),
    )
    biller_id = models.CharField(
        _("biller ID (bill payment)"),
        max_length=15,
        blank=True,
        validators=[
            RegexValidator(r"^\d{15}$", _("The biller ID has 15 digits: the tax ID and a 2-digit suffix."))
        ],
        help_text=_(
            "From the office's bank for bill payment (the tax ID and a 2-digit suffix). When set, "
            "payments carry the request's reference code as Ref1, so the bank statement names them."
        ),
    )
    account_name = models.CharField(_("account name"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("payment by PromptPay")

    @property
    def accepts_payments(self) -> bool:
        return bool(self.biller_id or self.promptpay_id)


class PaymentState(models.TextChoices):
    PENDING = "pending", _("Awaiting payment")
    SLIP_SENT = "slip_sent", _("Proof of payment attached")
    CONFIRMED = "confirmed", _("Payment confirmed")
    REFUNDED = "refunded", _("Refunded")


class Payment(models.Model):
    """The payment of one request. Made with its first slip; until then the request awaits payment."""

    request = models.OneToOneField(ServiceRequest, on_delete=models.CASCADE, related_name="payment")
    state = models.CharField(
        _("payment"), max_length=16, choices=PaymentState.choices, default=PaymentState.PENDING
    )
    amount = models.DecimalField(_("amount (baht)"), max_digits=12, decimal_places=2)
    officer_message = models.TextField(_("message from the officer"), blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    refunded_at = models.DateTimeField(_("refunded"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        indexes = [models.Index(fields=["state", "confirmed_at"], name="payment_state_confirmed")]

    def __str__(self):
        return f"{self.request.reference}: {self.get_state_display()}"


class PaymentEvent(models.Model):
    """One step of a payment: from, to, by whom, when, the message."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="events")
    from_state = models.CharField(_("from"), max_length=16, choices=PaymentState.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=16, choices=PaymentState.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("when"))

    class Meta:
        verbose_name = _("payment step")
        verbose_name_plural = _("payment steps")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.from_state or '-'} → {self.to_state}"


def slip_upload_to(instance, filename):
    return generated_name("slips", filename)


@cleanup.select
class Slip(models.Model):
    """A transfer slip the applicant sent as proof of payment, with the QR code read from it."""

    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="slips")
    file = models.FileField(_("file"), storage=private_storage, upload_to=slip_upload_to, max_length=200)
    original_name = models.CharField(_("file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=64)
    size = models.PositiveIntegerField(_("size"))
    qr_payload = models.TextField(_("QR code on the slip"), blank=True)
    uploaded_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("transfer slip")
        verbose_name_plural = _("transfer slips")
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.original_name

    @property
    def verification_code_read(self) -> bool:
        """Whether the bank's verification QR code was read from it (and held against reuse); a
        slip kept before only such codes counted may hold another QR code's text."""
        return slip_transfer_of(self.qr_payload) is not None


class SlipClaim(models.Model):
    """A slip's QR code, held by the payment it was first sent for: never another's."""

    qr_payload = models.TextField(_("QR code on the slip"), unique=True)
    payment = models.ForeignKey(Payment, on_delete=models.CASCADE, related_name="claims")
    claimed_at = models.DateTimeField(_("sent"))

    class Meta:
        verbose_name = _("used slip")
        verbose_name_plural = _("used slips")

    def __str__(self):
        return self.qr_payload
