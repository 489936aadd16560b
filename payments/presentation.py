"""How a request's payment is shown: the QR code to pay with, the amount in words, the state."""

from dataclasses import dataclass
from decimal import Decimal

from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from bahttext import bahttext

from . import promptpay
from .models import PaymentState


@dataclass(frozen=True)
class PaymentCode:
    payload: str
    svg: str  # an inline <svg> element (markup made by segno from the payload)
    amount: Decimal
    amount_in_words: str  # "ห้าร้อยห้าสิบห้าบาทถ้วน"
    account_name: str
    ref1: str  # "" when paying to a PromptPay ID
    is_bill_payment: bool


def amount_in_thai_words(amount: Decimal) -> str:
    # bahttext takes a float; amounts in satang up to 10¹² are exact in a double at 2 places.
    return bahttext(float(amount))


def payment_code(settings, service_request, amount: Decimal) -> PaymentCode | None:
    """The code for paying this amount: the office's biller ID with the reference as Ref1 when it
    has one (bill payment, matched on its statement), its PromptPay ID otherwise; None without
    either."""
    if settings.biller_id:
        ref1 = promptpay.bill_reference(service_request.reference)
        payload = promptpay.bill_payment_payload(settings.biller_id, ref1, amount)
    elif settings.promptpay_id:
        ref1 = ""
        payload = promptpay.credit_transfer_payload(settings.promptpay_id, amount)
    else:
        return None
    return PaymentCode(
        payload=payload,
        svg=mark_safe(promptpay.qr_svg(payload, title="PromptPay")),  # noqa: S308 - segno's markup of our own payload
        amount=amount,
        amount_in_words=amount_in_thai_words(amount),
        account_name=settings.account_name,
        ref1=ref1,
        is_bill_payment=bool(settings.biller_id),
    )


def amount_label(standing, *, officer: bool = False) -> str:
    """What the amount of a payment standing is, by its state: paid only once an officer
    confirmed it. A slip sent for a request changed since is labelled by when it was due, for
    nothing reads the amount off the slip's picture. The same on the pages, e-mail and printout."""
    if standing.state == PaymentState.CONFIRMED:
        return _("Amount paid")
    if standing.state == PaymentState.REFUNDED:
        return _("Amount refunded")
    if standing.state == PaymentState.SLIP_SENT and standing.repriced:
        if officer:
            return _("Amount due when the applicant sent the proof of payment")
        return _("Amount due when the proof of payment was sent")
    return _("Amount to pay")
