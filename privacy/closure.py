"""What closing an account does to the user row and what hangs on it, besides its requests."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import TextField
from django.db.models.functions import Cast
from django.utils import timezone

from wagtail.models import ModelLogEntry

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from accounts.models import CounterResetCode

# The user's fields that say who they are or how to reach them: emptied on closing.
PERSONAL_USER_FIELDS = (
    "title",
    "first_name",
    "last_name",
    "phone",
    "personnel_type",
    "email",
    "verified_email",
    "displaced_citizen_id",
)
# Keys of the account's own audit-log entries that may hold personal data.
PERSONAL_LOG_KEYS = ("email", "citizen_id")


def closed_citizen_id(user) -> str:
    """The closed account's username: no citizen ID starts with a letter, and the key makes it
    unique, so the person may register again with their real ID."""
    return f"D{user.pk:012d}"


def identifiers_of(user) -> list[str]:
    """What names the person in free text: their names, phone, e-mail addresses, citizen ID."""
    return [
        user.first_name,
        user.last_name,
        user.phone,
        user.email,
        user.verified_email,
        user.citizen_id,
        user.displaced_citizen_id,
    ]


def erase_user(user) -> None:
    """Close the account and empty its personal fields (saves the row)."""
    for name in PERSONAL_USER_FIELDS:
        setattr(user, name, "")
    user.email_verified_at = None
    user.citizen_id = closed_citizen_id(user)
    user.is_active = False
    user.set_unusable_password()
    user.save()


def end_sessions(user) -> int:
    """Delete every session logged in as the user: the database rows, and through the session
    engine the copies it keeps in the cache (production's cached_db)."""
    ended = [
        session.pk
        for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator()
        if session.get_decoded().get("_auth_user_id") == str(user.pk)
    ]
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session_key in ended:
        store(session_key=session_key).delete()
    return len(ended)


def delete_traces(user, citizen_id: str, emails=()) -> None:
    """What else names or identifies the person: log-in records under their citizen ID, counter
    reset codes, second-factor devices, and personal values in their account's audit-log entries."""
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username=citizen_id).delete()
    CounterResetCode.objects.filter(user=user).delete()
    # Finished background tasks keep their arguments, e.g. the citizen ID of a password reset.
    DBTaskResult.objects.filter(finished_at__isnull=False).annotate(
        arguments=Cast("args_kwargs", TextField())
    ).filter(arguments__contains=citizen_id).delete()
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    entries = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(get_user_model()), object_id=str(user.pk)
    )
    for entry in entries:
        entry.label = str(user)
        if isinstance(entry.data, dict):
            entry.data = {
                key: ("" if key in PERSONAL_LOG_KEYS else value) for key, value in entry.data.items()
            }
        entry.save(update_fields=["label", "data"])
    # Other entries that quote the citizen ID or the e-mail address (e.g. a squatter's suspension
    # names the ID its verified holder claimed).
    for identifier in {citizen_id, *emails} - {""}:
        quoting = ModelLogEntry.objects.annotate(text=Cast("data", TextField())).filter(
            text__contains=identifier
        )
        for entry in quoting:
            entry.data = without(entry.data, identifier)
            entry.save(update_fields=["data"])


def without(value, identifier: str):
    """A JSON value with the identifier replaced wherever a string holds it."""
    if isinstance(value, str):
        return value.replace(identifier, "***")
    if isinstance(value, list):
        return [without(item, identifier) for item in value]
    if isinstance(value, dict):
        return {key: without(item, identifier) for key, item in value.items()}
    return value
