"""The applicant's e-mail when an officer confirms, refuses or refunds their payment, and the officers'
when the applicant's edit reprices a paid request (django-tasks, like service_requests.tasks: at
once in development and tests, by the worker in production)."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.utils import translation

from django_tasks import task

from accounts.queries import with_verified_email
from base.links import email_url
from service_requests import queries as request_queries
from service_requests.mail_text import one_line
from service_requests.models import ServiceRequest

from . import queries
from .models import PaymentEvent
from .presentation import amount_label


def _send(template: str, recipients: list[str], **context) -> int:
    """payments/email/<template>.txt and its _subject.txt, in the office's language, to each recipient."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = one_line(render_to_string(f"payments/email/{template}_subject.txt", context))
        body = render_to_string(f"payments/email/{template}.txt", context)
    return send_mass_mail([(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients])


@task()
def email_applicant_payment_step(event_id: int, base_url: str = "") -> int:
    event = PaymentEvent.objects.select_related("payment__request__applicant").get(pk=event_id)
    service_request = event.payment.request
    recipients = sorted(set(request_queries.applicant_email_addresses(service_request)))
    if not recipients:
        return 0
    url = email_url(
        "service_requests:detail",
        args=[service_request.reference],
        base_url=base_url or None,
        fragment="payment",
    )
    return _send("payment_step", recipients, service_request=service_request, event=event, url=url)


@task()
def email_officers_repriced(request_id: int, base_url: str = "") -> int:
    """The request's officers hear that the applicant changed it after paying (or sending proof
    of payment) and that it now costs something else; nothing when it matches its payment again."""
    standing = queries.standing_of_request_id(request_id)
    if standing is None or not standing.repriced:
        return 0
    service_request = ServiceRequest.objects.get(pk=request_id)
    # An officer who filed it is its applicant here: a colleague works it (service_requests.permissions).
    officers = with_verified_email(request_queries.officers_of(service_request.service_code)).exclude(
        pk=service_request.applicant_id
    )
    recipients = sorted(set(officers.values_list("email", flat=True)))
    if not recipients:
        return 0
    url = email_url(
        "service_request_admin:process",
        args=[service_request.pk],
        base_url=base_url or None,
        fragment="payment-section",
    )
    return _send(
        "officers_repriced",
        recipients,
        service_request=service_request,
        standing=standing,
        amount_label=amount_label(standing, officer=True),
        url=url,
    )
