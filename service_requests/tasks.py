"""Notification e-mails, sent in the background (django-tasks): at once in development and tests,
from the database queue by `manage.py db_worker` in production.

`base_url` is the portal's address the links start with, as the view that caused the change saw
it (base.links.portal_base_url); a worker has no request to read it from. Empty: the configured one.
"""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from django_tasks import task

from accounts.queries import with_verified_email
from base.links import absolute_url

from . import queries
from .mail_text import one_line
from .models import ServiceRequest


def _send(template, request_id, recipients, **context):
    """One message per recipient: officers do not see each other's addresses."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    service_request = ServiceRequest.objects.get(pk=request_id)
    with translation.override(settings.LANGUAGE_CODE):
        context = {"service_request": service_request, **context}
        # One line, whatever a template or a value holds: no header can be started from it.
        subject = one_line(render_to_string(f"service_requests/email/{template}_subject.txt", context))
        body = render_to_string(f"service_requests/email/{template}.txt", context)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
    return send_mass_mail(messages)


def _applicant_email(template, request_id, base_url):
    service_request = ServiceRequest.objects.select_related("applicant").get(pk=request_id)
    url = absolute_url(
        reverse("service_requests:detail", args=[service_request.reference]), base_url=base_url or None
    )
    return _send(template, request_id, queries.applicant_email_addresses(service_request), url=url)


@task()
def email_applicant_submitted(request_id: int, base_url: str = "") -> int:
    return _applicant_email("submitted", request_id, base_url)


@task()
def email_applicant_status_changed(request_id: int, base_url: str = "") -> int:
    return _applicant_email("status_changed", request_id, base_url)


@task()
def email_officers_new_request(request_id: int, base_url: str = "") -> int:
    service_request = ServiceRequest.objects.get(pk=request_id)
    # An officer who filed it is its applicant here: a colleague works it (permissions.py).
    officers = with_verified_email(queries.officers_of(service_request.service_code)).exclude(
        pk=service_request.applicant_id
    )
    url = absolute_url(
        reverse("service_request_admin:process", args=[service_request.pk]), base_url=base_url or None
    )
    return _send("officers_new", request_id, officers.values_list("email", flat=True).distinct(), url=url)
