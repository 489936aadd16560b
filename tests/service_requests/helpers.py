"""Helpers for the request tests: a stopped clock, the audit log of a request, download bodies."""

from unittest import mock

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from wagtail.models import ModelLogEntry

from service_requests.models import ServiceRequest


def frozen_at(moment):
    """Stop django.utils.timezone.now (which the actions read) at one moment."""
    return mock.patch("django.utils.timezone.now", return_value=moment)


def audit_log(service_request):
    """Wagtail's log entries about one request, oldest first."""
    return ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ServiceRequest), object_id=str(service_request.pk)
    ).order_by("timestamp", "pk")


def downloaded(response) -> bytes:
    """The body of a streamed download (closing the file it streamed from)."""
    try:
        return b"".join(response.streaming_content)
    finally:
        response.close()


def admin_url(name, service_request):
    return reverse(f"service_request_admin:{name}", args=[service_request.pk])


def access_admin_group(name):
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    return group


def listed_references(response):
    return [service_request.reference for service_request in response.context["object_list"]]
