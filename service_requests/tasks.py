"""Notification e-mails, sent in the background (django-tasks): at once in development and tests,
from the database queue by `manage.py db_worker` in production.

`base_url` is the portal's address the links start with, as the view that caused the change saw
it (base.links.portal_base_url); a worker has no request to read it from. Empty: the configured one.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection, send_mass_mail
from django.template.loader import render_to_string
from django.utils import timezone, translation

from wagtail import hooks

from django_tasks import task

from accounts.queries import with_verified_email
from base.links import absolute_url, email_url

from . import ics, queries
from .hooks import REQUEST_EMAIL_SECTIONS
from .mail_text import one_line
from .models import ServiceRequest
from .sla import working_days_promised
from .workflow import RequestStatus


def _send(template, request_id, recipients, *, attachment=None, **context):
    """One message per recipient: officers do not see each other's addresses. `attachment`:
    (file name, content, MIME type) attached to each."""
    recipients = sorted({address for address in recipients if address})
    if not recipients:
        return 0
    service_request = ServiceRequest.objects.get(pk=request_id)
    with translation.override(settings.LANGUAGE_CODE):
        context = {"service_request": service_request, **context}
        # One line, whatever a template or a value holds: no header can be started from it.
        subject = one_line(render_to_string(f"service_requests/email/{template}_subject.txt", context))
        body = render_to_string(f"service_requests/email/{template}.txt", context)
    if attachment is None:
        messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
        return send_mass_mail(messages)
    messages = [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address], attachments=[attachment])
        for address in recipients
    ]
    return get_connection().send_messages(messages)


def calendar_attachment(service_request, base_url):
    """The .ics file of a booking or appointment an officer has confirmed, for its e-mail; None for
    a request not confirmed or a service without calendar files."""
    details = queries.details_record(service_request)
    if not ics.offers_calendar_file(service_request, details):
        return None
    host = urlsplit(absolute_url("/", base_url=base_url or None)).hostname or "localhost"
    with translation.override(settings.LANGUAGE_CODE):
        event = ics.event_for(details, office=queries.default_office(), uid_domain=host)
        document = ics.ics_document(event, stamp=timezone.now())
    # The subtype alone: Django adds the charset of a text attachment itself (twice if given here).
    return (f"{service_request.reference}.ics", document, "text/calendar")


def _marked_in_email_language(service_request) -> list[dict]:
    # Named as the e-mail's language names them, whatever language the officer worked in.
    if service_request.status != RequestStatus.RETURNED:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        return queries.marked_parts(service_request)


def _app_sections(template, service_request, base_url) -> list[str]:
    """What the apps above add to the applicant's e-mail (payments: the amount to pay), in the
    e-mails' language."""
    with translation.override(settings.LANGUAGE_CODE):
        sections = (
            add(service_request, template, base_url) for add in hooks.get_hooks(REQUEST_EMAIL_SECTIONS)
        )
        return [text.strip() for text in sections if text and text.strip()]


def _applicant_email(template, request_id, base_url, *, with_calendar=False):
    service_request = ServiceRequest.objects.select_related("applicant").get(pk=request_id)
    url = email_url("service_requests:detail", args=[service_request.reference], base_url=base_url or None)
    return _send(
        template,
        request_id,
        queries.applicant_email_addresses(service_request),
        url=url,
        attachment=calendar_attachment(service_request, base_url) if with_calendar else None,
        # What the officer marked to correct, named in the e-mail too (not only on the page).
        marked=_marked_in_email_language(service_request),
        # The days the confirmation page and the service's page say.
        working_days=working_days_promised(service_request.service_code),
        app_sections=_app_sections(template, service_request, base_url),
    )


@task()
def email_applicant_submitted(request_id: int, base_url: str = "") -> int:
    return _applicant_email("submitted", request_id, base_url)


@task()
def email_applicant_status_changed(request_id: int, base_url: str = "") -> int:
    # A booking or appointment the office has confirmed comes with its .ics file.
    return _applicant_email("status_changed", request_id, base_url, with_calendar=True)


@task()
def email_officers_new_request(request_id: int, base_url: str = "") -> int:
    service_request = ServiceRequest.objects.get(pk=request_id)
    # An officer who filed it is its applicant here: a colleague works it (permissions.py).
    officers = with_verified_email(queries.officers_of(service_request.service_code)).exclude(
        pk=service_request.applicant_id
    )
    url = email_url("service_request_admin:process", args=[service_request.pk], base_url=base_url or None)
    return _send("officers_new", request_id, officers.values_list("email", flat=True).distinct(), url=url)
