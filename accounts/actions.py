"""Every change to an account: one function each, atomic, checked, and written to the audit log."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from wagtail.log_actions import log

from base.client_address import address_hash

from .models import AddressAttempt, User
from .queries import address_limit_reached, address_window

logger = logging.getLogger(__name__)


@transaction.atomic
def register_applicant(
    *,
    citizen_id: str,
    password: str,
    title: str,
    first_name: str,
    last_name: str,
    phone: str,
    personnel_type: str,
    privacy_notice_version: str,
    email: str = "",
) -> User:
    """Create an applicant's account with the privacy consent they gave, and when."""
    user = User.objects.create_user(
        citizen_id,
        password,
        title=title,
        first_name=first_name,
        last_name=last_name,
        phone=phone,
        personnel_type=personnel_type,
        email=email,
        privacy_notice_version=privacy_notice_version,
        privacy_consented_at=timezone.now(),
    )
    log(
        instance=user,
        action="accounts.register",
        user=user,
        data={"privacy_notice_version": privacy_notice_version},
    )
    return user


PROFILE_FIELDS = ("title", "first_name", "last_name", "phone", "personnel_type", "email")


@transaction.atomic
def update_profile(*, actor: User, user: User, **changes) -> User:
    """Change a user's own profile. The citizen ID is never changed here."""
    if actor.pk != user.pk:
        raise PermissionDenied
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    changed = sorted(name for name, value in changes.items() if getattr(user, name) != value)
    for name in changed:
        setattr(user, name, changes[name])
    if changed:
        user.save(update_fields=changed)
        log(instance=user, action="accounts.edit_profile", user=actor, data={"fields": changed})
    return user


@transaction.atomic
def change_password(*, actor: User, user: User, new_password: str) -> User:
    """Set a new password; the caller keeps the session alive (update_session_auth_hash)."""
    if actor.pk != user.pk:
        raise PermissionDenied
    user.set_password(new_password)
    user.save(update_fields=["password"])
    log(instance=user, action="accounts.change_password", user=actor)
    return user


@transaction.atomic
def record_address_attempt(*, kind: str, client_address: str) -> None:
    """Count one failed log-in or registration attempt from this address, for the per-address
    limits. Kept in the database, as the embedded set-up has no shared cache; rows older than the
    window are deleted as new ones arrive."""
    now = timezone.now()
    AddressAttempt.objects.filter(kind=kind, created_at__lt=now - address_window(kind)).delete()
    AddressAttempt.objects.create(kind=kind, client_hash=address_hash(client_address), created_at=now)
    if address_limit_reached(kind=kind, client_address=client_address):
        # The address itself is not logged, as it is not stored; its hash finds its rows.
        logger.warning("Per-address limit reached: %s from %s", kind, address_hash(client_address)[:12])
