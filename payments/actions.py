"""Every change to a payment: the applicant's slip, the officer's confirmation, refusal and refund.

Each is one atomic function: who may, the change, a PaymentEvent (the payment's history) and
Wagtail's audit log."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from service_requests.permissions import RequestPermissionTester
from service_requests.uploads import check_upload, shortened_name
from service_requests.workflow import CLOSED, DONE, RequestStatus, Role

from . import queries, tasks
from .models import Payment, PaymentEvent, PaymentState, Slip, SlipClaim
from .slips import slip_qr_payload_of

# Who moves a payment from which state to which: the applicant sends a slip while it awaits
# payment (again after a refusal); an officer confirms or refuses a slip and refunds a payment.
MOVES = {
    Role.APPLICANT: {(PaymentState.PENDING, PaymentState.SLIP_SENT)},
    Role.OFFICER: {
        (PaymentState.SLIP_SENT, PaymentState.CONFIRMED),
        (PaymentState.SLIP_SENT, PaymentState.PENDING),
        (PaymentState.CONFIRMED, PaymentState.REFUNDED),
    },
}

SLIP_USED = "slip_used"


def slip_used_message():
    return _(
        "This transfer slip has already been used for another request. Please attach the slip of "
        "the transfer you made for this request."
    )


def can_send_slip(user, service_request, payment=None) -> bool:
    return (
        RequestPermissionTester(user, service_request).can_act_as(Role.APPLICANT)
        and service_request.status not in CLOSED
        and queries.amount_due(service_request) is not None
        and (PaymentState(queries.state_of(payment)), PaymentState.SLIP_SENT) in MOVES[Role.APPLICANT]
    )


def can_handle(user, service_request) -> bool:
    """Officers of the service (not on their own request) confirm, refuse and refund."""
    return RequestPermissionTester(user, service_request).can_act_as(Role.OFFICER)


def can_refund(user, service_request, payment) -> bool:
    """Whether the officer may record a refund now: a confirmed payment (its confirmation page
    asks for the reason and a tick before refund_payment is called)."""
    return (
        can_handle(user, service_request)
        and (PaymentState(queries.state_of(payment)), PaymentState.REFUNDED) in MOVES[Role.OFFICER]
    )


def refund_reason_required_message():
    return _("Please give the reason for the refund. The applicant receives it by e-mail.")


def completion_refusal(service_request, to_status) -> str:
    """Why the request cannot be moved to `to_status` yet: a move to a done status (completed,
    handed over) waits for its fee, paid and confirmed (hooks.REQUEST_MOVE_GUARDS); "" when it may.
    Cancelling or returning an unpaid request stays open."""
    if to_status not in DONE:
        return ""
    standing = queries.standing_of(service_request)
    if standing is None or standing.settled:
        return ""
    status = RequestStatus(to_status).label
    if standing.repriced:
        return _(
            "This request cannot be moved to “%(status)s”: it was changed after it was paid. "
            "%(paid)s baht was paid, but the request's new total is %(due)s baht."
        ) % {"status": status, "paid": f"{standing.amount:,.2f}", "due": f"{standing.due:,.2f}"}
    if standing.state == PaymentState.REFUNDED:
        return _(
            "This request cannot be moved to “%(status)s”: its fee was refunded. A refunded request "
            "can only be cancelled."
        ) % {"status": status}
    return _(
        "This request cannot be moved to “%(status)s” until its fee is paid and the payment "
        "confirmed (the payment is now “%(state)s”)."
    ) % {"status": status, "state": standing.state.label}


def _move(payment, *, actor, to_state, message, action, moment, data=None, base_url=None):
    """Save the new state, its history line and audit entry; `base_url` not None: tell the
    applicant by e-mail after the commit (the address the links start with; "" the configured one)."""
    from_state = payment.state
    payment.state = to_state
    payment.save()
    event = PaymentEvent.objects.create(
        payment=payment,
        from_state=from_state,
        to_state=to_state,
        actor=actor,
        message=message,
        created_at=moment,
    )
    log(
        instance=payment,
        action=action,
        user=actor,
        data={"reference": payment.request.reference, "from": from_state, "to": to_state, "message": message}
        | (data or {}),
    )
    if base_url is not None:
        transaction.on_commit(
            lambda: tasks.email_applicant_payment_step.enqueue(event.pk, base_url), robust=True
        )


def _locked_payment(service_request, *, amount=None):
    """The request's payment, locked for this transaction (made, awaiting payment, when asked)."""
    payment = Payment.objects.select_for_update().filter(request=service_request).first()
    if payment is None and amount is not None:
        payment = Payment.objects.create(request=service_request, amount=amount)
    return payment


@transaction.atomic
def send_slip(*, applicant, service_request, uploaded) -> Slip:
    """หลักฐานการชำระเงิน: keep the applicant's transfer slip and the bank's verification QR code
    read from it. A code already sent for another request is refused (the same slip sent twice); a
    slip without such a code that can be read (also one whose QR code is of something else) is
    kept for the officer to check by eye against the bank statement."""
    amount = queries.amount_due(service_request)
    payment = _locked_payment(service_request, amount=amount) if amount is not None else None
    if not can_send_slip(applicant, service_request, payment):
        raise PermissionDenied(_("You cannot send a proof of payment for this request now."))
    accepted = check_upload(uploaded)
    qr_payload = slip_qr_payload_of(uploaded, accepted.content_type)
    moment = timezone.now()
    if qr_payload:
        claim = queries.claim_of(qr_payload)
        if claim is None:
            try:
                with transaction.atomic():
                    SlipClaim.objects.create(qr_payload=qr_payload, payment=payment, claimed_at=moment)
            except IntegrityError:
                # Sent for another request at the same moment: the database kept the first.
                claim = queries.claim_of(qr_payload)
        if claim is not None and claim.payment_id != payment.pk:
            raise ValidationError(slip_used_message(), code=SLIP_USED)
    payment.amount = amount  # the amount due when the slip came (an order corrected is priced again)
    payment.officer_message = ""
    slip = Slip(
        payment=payment,
        original_name=shortened_name(uploaded.name),
        content_type=accepted.content_type,
        size=uploaded.size,
        qr_payload=qr_payload,
        uploaded_at=moment,
    )
    slip.file.save(uploaded.name, uploaded, save=False)
    slip.save()
    _move(
        payment,
        actor=applicant,
        to_state=PaymentState.SLIP_SENT,
        message="",
        action="payments.send_slip",
        moment=moment,
        data={"qr_code_read": bool(qr_payload)},
    )
    return slip


def _officer_move(*, actor, service_request, to_state):
    payment = _locked_payment(service_request)
    if payment is None or not can_handle(actor, service_request):
        raise PermissionDenied(_("You cannot change this payment."))
    if (PaymentState(payment.state), to_state) not in MOVES[Role.OFFICER]:
        raise PermissionDenied(
            _("The payment is “%(state)s”: it cannot be changed that way.")
            % {"state": payment.get_state_display()}
        )
    moment = timezone.now()
    return payment, moment


@transaction.atomic
def confirm_payment(*, actor, service_request, message="", base_url="") -> Payment:
    """ยืนยันการชำระเงิน: the officer has seen the money arrive; their message (optional, e.g.
    "ได้รับเงินแล้ว ขอบคุณค่ะ") goes in the history and the applicant's e-mail like a refusal's."""
    message = (message or "").strip()
    payment, moment = _officer_move(
        actor=actor, service_request=service_request, to_state=PaymentState.CONFIRMED
    )
    payment.confirmed_at, payment.confirmed_by, payment.officer_message = moment, actor, message
    _move(
        payment,
        actor=actor,
        to_state=PaymentState.CONFIRMED,
        message=message,
        action="payments.confirm",
        moment=moment,
        base_url=base_url,
    )
    return payment


@transaction.atomic
def refuse_payment(*, actor, service_request, message, base_url="") -> Payment:
    """The slip does not show the payment: back to awaiting payment, with the officer's reason."""
    message = (message or "").strip()
    if not message:
        raise ValidationError(
            _("Please tell the applicant why the payment is refused."), code="message_required"
        )
    payment, moment = _officer_move(
        actor=actor, service_request=service_request, to_state=PaymentState.PENDING
    )
    payment.officer_message = message
    _move(
        payment,
        actor=actor,
        to_state=PaymentState.PENDING,
        message=message,
        action="payments.refuse",
        moment=moment,
        base_url=base_url,
    )
    return payment


@transaction.atomic
def refund_payment(*, actor, service_request, message, base_url="") -> Payment:
    """คืนเงิน: the office has paid the money back; it no longer counts as received. The reason is
    required: it stays in the history and the audit log and is e-mailed to the applicant. A refund
    cannot be undone (its page asks the officer to confirm it first: views.RefundView)."""
    message = (message or "").strip()
    if not message:
        raise ValidationError(refund_reason_required_message(), code="message_required")
    payment, moment = _officer_move(
        actor=actor, service_request=service_request, to_state=PaymentState.REFUNDED
    )
    payment.refunded_at, payment.officer_message = moment, message
    _move(
        payment,
        actor=actor,
        to_state=PaymentState.REFUNDED,
        message=message,
        action="payments.refund",
        moment=moment,
        base_url=base_url,
    )
    return payment


@transaction.atomic
def deidentify_payment(*, service_request, redact):
    """Called while the request is de-identified (service_requests.actions.deidentify_request,
    which checks who may): its slips are deleted (the files after the commit), the officers'
    messages lose the applicant's names, the applicant's steps their account. The amount, the
    states and dates stay for the report; the slips' claims stay so that a slip is never used
    twice (a bank's transaction code, not the person)."""
    payment = _locked_payment(service_request)
    if payment is None:
        return
    payment.slips.all().delete()
    payment.officer_message = redact(payment.officer_message)
    payment.save(update_fields=["officer_message"])
    for event in payment.events.all():
        if event.actor_id == service_request.applicant_id:
            event.actor = None
        event.message = redact(event.message)
        event.save(update_fields=["actor", "message"])
    # The audit log repeats each step's message.
    for entry in ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Payment), object_id=str(payment.pk)
    ):
        if isinstance(entry.data, dict) and entry.data.get("message"):
            entry.data["message"] = redact(entry.data["message"])
            entry.save(update_fields=["data"])
