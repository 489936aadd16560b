"""What the payment pages and the report read."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from service_requests import queries as request_queries
from service_requests.details import RequestDetails

from .models import Payment, PaymentState, Slip, SlipClaim


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


def slips_of(payment: Payment | None) -> list[Slip]:
    return list(payment.slips.all()) if payment is not None else []


def events_of(payment: Payment | None) -> list:
    return list(payment.events.select_related("actor")) if payment is not None else []


def claim_of(qr_payload: str) -> SlipClaim | None:
    return SlipClaim.objects.filter(qr_payload=qr_payload).select_related("payment__request").first()


def slip_of_request(service_request, slip_id) -> Slip | None:
    return Slip.objects.filter(pk=slip_id, payment__request=service_request).first()


@dataclass(frozen=True)
class MonthReceived:
    month: object  # the first day of the month (a date, Bangkok time)
    payments: int
    amount: Decimal


def money_received_by_month(start, end, service_codes=None) -> list[MonthReceived]:
    """Confirmed payments (refunded ones do not count) by the month they were confirmed in,
    Bangkok time, for confirmations in [start, end)."""
    rows = Payment.objects.filter(state=PaymentState.CONFIRMED, confirmed_at__gte=start, confirmed_at__lt=end)
    if service_codes is not None:
        rows = rows.filter(request__service_code__in=service_codes)
    rows = (
        rows.annotate(month=TruncMonth("confirmed_at"))
        .values("month")
        .annotate(payments=Count("id"), amount=Sum("amount"))
        .order_by("month")
    )
    return [
        MonthReceived(
            month=row["month"].date() if hasattr(row["month"], "date") else row["month"],
            payments=row["payments"],
            amount=row["amount"],
        )
        for row in rows
    ]
