"""Notification e-mails, sent in the background (django-tasks): at once in development and tests,
from the database queue by `manage.py db_worker` in production."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from django_tasks import task

from . import queries
from .models import ServiceRequest


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _send(template, request_id, recipients, **context):
    """One message per recipient: officers do not see each other's addresses."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    service_request = ServiceRequest.objects.get(pk=request_id)
    with translation.override(settings.LANGUAGE_CODE):
        context = {"service_request": service_request, **context}
        subject = render_to_string(f"service_requests/email/{template}_subject.txt", context).strip()
        body = render_to_string(f"service_requests/email/{template}.txt", context)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
    return send_mass_mail(messages)


@task()
def email_applicant_submitted(request_id: int) -> int:
    service_request = ServiceRequest.objects.select_related("applicant").get(pk=request_id)
    url = _absolute(reverse("service_requests:detail", args=[service_request.reference]))
    return _send("submitted", request_id, [service_request.applicant.email], url=url)


@task()
def email_applicant_status_changed(request_id: int) -> int:
    service_request = ServiceRequest.objects.select_related("applicant").get(pk=request_id)
    url = _absolute(reverse("service_requests:detail", args=[service_request.reference]))
    return _send("status_changed", request_id, [service_request.applicant.email], url=url)


@task()
def email_officers_new_request(request_id: int) -> int:
    service_request = ServiceRequest.objects.get(pk=request_id)
    officers = queries.officers_of(service_request.service_code).exclude(email="")
    url = _absolute(reverse("service_request_admin:process", args=[service_request.pk]))
    return _send("officers_new", request_id, officers.values_list("email", flat=True).distinct(), url=url)
