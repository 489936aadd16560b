"""Reads for the copy of an applicant's data: their exports, and what the ZIP says about them.

What goes into the JSON files is read here field by field, generically: a request's own fields,
its service's details model (without its `internal_fields`) and the lists that hang off it (an
order's lines), so a seventh service's requests are exported without a line of code here.
"""

import datetime
import uuid
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from wagtail.models import ModelLogEntry, Site

from base.models import OfficeSettings
from service_requests import queries as request_queries
from service_requests.models import ServiceRequest

from .models import DataExport

# The account's fields the applicant gets back (profile.json); the password's hash, the staff
# flags and who verified the ID at the counter (an officer) stay out.
PROFILE_FIELDS = (
    "citizen_id",
    "title",
    "first_name",
    "last_name",
    "phone",
    "personnel_type",
    "email",
    "email_verified_at",
    "identity_level",
    "identity_verified_at",
    "identity_verification_method",
    "date_joined",
    "last_login",
)
CONSENT_FIELDS = ("privacy_notice_version", "privacy_consented_at")
# The audit-log actions that record an acceptance of the notice, and how consents.json names them.
CONSENT_ACTIONS = {
    "accounts.register": "registered",
    "accounts.accept_privacy_notice": "accepted_new_version",
}
# The request's fields that are bookkeeping, not the applicant's data: the row's number, the
# account (profile.json is the account), the double-submit key, the reply's stored name and the
# officer the office made answerable for it (its internal work queue).
REQUEST_INTERNAL_FIELDS = ("id", "applicant", "submission_key", "reply_file", "assignee")


def json_value(value):
    """A value as JSON holds it: dates and times in ISO 8601 (Bangkok time), money as exact text,
    a row of a kept list (a room, an executive) by its name."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or None
    return str(value)


def exported_fields(model, *, exclude=()) -> list[models.Field]:
    """A model's concrete fields that the copy holds, in the model's order."""
    return [field for field in model._meta.concrete_fields if field.name not in exclude]


def details_fields(details_model) -> list[models.Field]:
    return exported_fields(details_model, exclude=("request", *details_model.internal_fields))


def details_lists(details_model) -> list[tuple[str, type, str]]:
    """The lists that belong to a details row (an order's lines): (key, model, field to it)."""
    return [
        (relation.get_accessor_name(), relation.related_model, relation.field.name)
        for relation in details_model._meta.related_objects
        if relation.one_to_many and relation.on_delete is models.CASCADE
    ]


def list_fields(model, back_field: str) -> list[models.Field]:
    """A list's own fields: a line keeps what it refers to (an item's code, its price) itself."""
    return [field for field in exported_fields(model, exclude=("id", back_field)) if not field.is_relation]


def request_fields() -> list[models.Field]:
    return exported_fields(ServiceRequest, exclude=REQUEST_INTERNAL_FIELDS)


def row_data(instance, fields) -> dict:
    return {field.name: json_value(getattr(instance, field.name)) for field in fields}


def profile_data(user) -> dict:
    data = {name: json_value(getattr(user, name)) for name in PROFILE_FIELDS}
    data["email_is_verified"] = user.email_is_verified
    return data


def consent_data(user) -> dict:
    """The notice version accepted now, and every acceptance before it (from the audit log: the
    registration's and each new version's), oldest first."""
    data = {name: json_value(getattr(user, name)) for name in CONSENT_FIELDS}
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(type(user)),
        object_id=str(user.pk),
        action__in=CONSENT_ACTIONS,
    ).order_by("timestamp", "pk")
    data["history"] = [
        {
            "privacy_notice_version": entry.data["privacy_notice_version"],
            "at": json_value(entry.timestamp),
            "how": CONSENT_ACTIONS[entry.action],
        }
        for entry in entries
        if entry.data.get("privacy_notice_version")
    ]
    return data


def details_data(service_request) -> dict:
    """The service's own fields of the request, and its lists, by field name."""
    record = request_queries.details_record(service_request)
    if record is None:
        return {}
    model = type(record)
    data = row_data(record, details_fields(model)) | record.own_answers()
    for key, list_model, back_field in details_lists(model):
        rows = list_model.objects.filter(**{back_field: record}).order_by("pk")
        data[key] = [row_data(row, list_fields(list_model, back_field)) for row in rows]
    return data


def attachment_entry_name(attachment) -> str:
    """Where an attachment goes in the ZIP: attachments/<slot>-<the name it was sent with>."""
    return f"attachments/{attachment.slot}-{safe_name(attachment.original_name)}"


def reply_entry_name(service_request) -> str:
    return f"reply-{safe_name(service_request.reply_file_name or 'file')}"


def safe_name(name: str) -> str:
    """A file name that cannot climb out of its folder in the ZIP."""
    cleaned = name.replace("/", "_").replace("\\", "_").strip()
    return cleaned.lstrip(".") or "file"


def request_data(service_request) -> dict:
    """Everything the applicant sent and was told about one request (request.json)."""
    slots = service_request.service.slot_labels()
    data = row_data(service_request, request_fields())
    data["service_name"] = str(service_request.service.name)
    data["status_label"] = str(service_request.get_status_display())
    data["details"] = details_data(service_request)
    data["history"] = [
        {
            "at": json_value(change.created_at),
            "from_status": change.from_status,
            "to_status": change.to_status,
            "change": str(change.move_label),
            "by_role": change.actor_role,
            "by_name": change.actor_name,
            "message": change.message,
        }
        for change in service_request.history.select_related("actor").order_by("created_at", "id")
    ]
    data["attachments"] = [
        {
            "slot": attachment.slot,
            "slot_label": str(slots.get(attachment.slot, attachment.slot)),
            "original_name": attachment.original_name,
            "content_type": attachment.content_type,
            "size": attachment.size,
            "file": attachment_entry_name(attachment),
        }
        for attachment in service_request.attachments.order_by("slot", "pk")
    ]
    data["reply_file"] = reply_entry_name(service_request) if service_request.reply_file else None
    data["printout"] = "printout.pdf"
    return data


def access_data(service_request) -> list[dict]:
    """The request's access record as the applicant sees it on the request page."""
    return [
        {
            "at": json_value(access.accessed_at),
            "officer_name": access.officer_name,
            "officer_groups": access.officer_groups,
            "kind": access.kind,
            "what": str(access.description),
            "detail": access.detail,
            "list_size": access.list_size,
        }
        for access in request_queries.accesses_of_request(service_request)
    ]


def requests_to_export(user):
    """The applicant's own requests, oldest first (never anyone else's)."""
    return ServiceRequest.objects.filter(applicant=user).order_by("submitted_at", "id")


def latest_export(user):
    """The applicant's most recent copy, or None."""
    if not user.is_authenticated:
        return None
    return DataExport.objects.filter(applicant=user).first()


def export_of_applicant(user, key):
    """The applicant's copy with this key, or None (never someone else's)."""
    if not user.is_authenticated:
        return None
    return DataExport.objects.filter(applicant=user, key=key).first()


def expired_exports(*, applicant=None, now=None):
    """Finished copies past their 24 hours whose file is still kept."""
    now = now or timezone.now()
    exports = DataExport.objects.filter(status=DataExport.Status.READY, expires_at__lte=now)
    if applicant is not None:
        exports = exports.filter(applicant=applicant)
    return exports


def export_office():
    """The office whose letterhead the printouts carry: the default site's (a worker has no request)."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return OfficeSettings.for_site(site) if site else OfficeSettings()


def is_staff_account(user) -> bool:
    """Staff accounts are closed by an administrator, never by their holder on the privacy page."""
    return user.is_staff or user.is_superuser
