"""What the payment pages and the report read."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum, Value
from django.db.models.functions import TruncMonth

from service_requests import queries as request_queries
from service_requests.details import RequestDetails
from service_requests.models import ServiceRequest
from service_requests.workflow import CLOSED

from .models import Payment, PaymentEvent, PaymentState, Slip, SlipClaim


def takes_payment(service) -> bool:
    """Whether the service's requests may cost something (its details say an amount due): asked
    without a query, so that the pages of the other services cost nothing more."""
    model = service.details_model
    return model is not None and model.amount_due is not RequestDetails.amount_due


def amount_due(service_request) -> Decimal | None:
    """What the request costs its applicant (the service says, e.g. an order's grand total), or
    None when its service takes no payment."""
    service = service_request.service
    if not takes_payment(service):
        return None
    return service.amount_due(request_queries.details_record(service_request))


def payment_of(service_request) -> Payment | None:
    return Payment.objects.filter(request=service_request).first()


def state_of(payment: Payment | None) -> str:
    return payment.state if payment is not None else PaymentState.PENDING


@dataclass(frozen=True)
class PaymentStanding:
    """Where a request's payment stands, as its pages and printout show it."""

    payment: Payment | None
    state: PaymentState
    amount: Decimal  # what was paid (or sent proof of) once there is a payment; else what is due
    due: Decimal | None = None  # what the request costs now (None: as `amount`)

    @property
    def proof_sent(self) -> bool:
        """Proof of payment sent or the payment confirmed: the payment is for its amount now."""
        return self.state in (PaymentState.SLIP_SENT, PaymentState.CONFIRMED)

    @property
    def repriced(self) -> bool:
        """The request was changed after it was paid (or proof of payment sent) and now costs
        something else (e.g. more copies): the payment covers what it was made for, not this."""
        return self.proof_sent and self.due is not None and self.due != self.amount

    @property
    def settled(self) -> bool:
        """Nothing stands unpaid: an officer confirmed the payment (and it was not refunded
        since) and the request costs what was paid, or the request costs nothing."""
        return (self.state == PaymentState.CONFIRMED and not self.repriced) or (
            self.state == PaymentState.PENDING and not self.amount
        )


def standing_of(service_request) -> PaymentStanding | None:
    """None when the request's service takes no payment."""
    due = amount_due(service_request)
    if due is None:
        return None
    payment = payment_of(service_request)
    state = PaymentState(state_of(payment))
    paid = payment is not None and state != PaymentState.PENDING
    return PaymentStanding(payment, state, payment.amount if paid else due, due)


def code_is_offered(service_request, standing: PaymentStanding) -> bool:
    """Whether the request's pages offer the code to pay with: still to pay, and not on a
    cancelled or completed request that was never paid (nothing to pay on it)."""
    return standing.state == PaymentState.PENDING and service_request.status not in CLOSED


def standing_of_request_id(request_id: int) -> PaymentStanding | None:
    """standing_of the request with this id (None also when there is none)."""
    service_request = ServiceRequest.objects.filter(pk=request_id).first()
    return standing_of(service_request) if service_request is not None else None


def slips_of(payment: Payment | None) -> list[Slip]:
    return list(payment.slips.all()) if payment is not None else []


def events_of(payment: Payment | None) -> list:
    return list(payment.events.select_related("actor")) if payment is not None else []


def last_step_at(service_request):
    """When the request's payment last changed state (None: no step yet)."""
    return (
        PaymentEvent.objects.filter(payment__request=service_request)
        .order_by("-created_at", "-pk")
        .values_list("created_at", flat=True)
        .first()
    )


def claim_of(qr_payload: str) -> SlipClaim | None:
    return SlipClaim.objects.filter(qr_payload=qr_payload).select_related("payment__request").first()


def slip_of_request(service_request, slip_id) -> Slip | None:
    return Slip.objects.filter(pk=slip_id, payment__request=service_request).first()


@dataclass(frozen=True)
class MonthMoney:
    month: object  # the first day of the month (a date, Bangkok time)
    payments: int  # confirmed in the month (refunded since or not)
    amount: Decimal
    refunds: int  # refunded in the month (whenever confirmed)
    refunded: Decimal

    @property
    def net(self) -> Decimal:
        return self.amount - self.refunded


def _per_month(rows, moment: str, kind: str):
    return (
        rows.annotate(month=TruncMonth(moment), kind=Value(kind))
        .values("kind", "month")
        .annotate(count=Count("id"), total=Sum("amount"))
        .order_by()
    )


def money_by_month(start, end, service_codes=None) -> list[MonthMoney]:
    """The money received and paid back per month, Bangkok time, in [start, end): payments by the
    month an officer confirmed them (also those refunded since, so that a month's figure stays
    what came in), refunds by the month of the refund. One query (a UNION of the two sums)."""
    payments = Payment.objects.all()
    if service_codes is not None:
        payments = payments.filter(request__service_code__in=service_codes)
    received = payments.filter(
        state__in=[PaymentState.CONFIRMED, PaymentState.REFUNDED],
        confirmed_at__gte=start,
        confirmed_at__lt=end,
    )
    refunded = payments.filter(state=PaymentState.REFUNDED, refunded_at__gte=start, refunded_at__lt=end)
    months = {}
    zero = Decimal("0.00")
    for row in _per_month(received, "confirmed_at", "received").union(
        _per_month(refunded, "refunded_at", "refunded"), all=True
    ):
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        figures = months.setdefault(month, {"received": (0, zero), "refunded": (0, zero)})
        figures[row["kind"]] = (row["count"], row["total"])
    return [
        MonthMoney(month, *figures["received"], *figures["refunded"])
        for month, figures in sorted(months.items())
    ]
