"""Every change to an account: one function each, atomic, checked, and written to the audit log."""

from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from . import queries
from .models import IdentityLevel, User, VerificationMethod


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


def _mark_verified(user: User, *, method: str, by: User | None) -> None:
    user.identity_level = IdentityLevel.VERIFIED
    user.identity_verified_at = timezone.now()
    user.identity_verified_by = by
    user.identity_verification_method = method
    user.save(
        update_fields=[
            "identity_level",
            "identity_verified_at",
            "identity_verified_by",
            "identity_verification_method",
        ]
    )


@transaction.atomic
def verify_identity_at_counter(*, actor: User, user: User) -> User:
    """An officer who has seen the ID card confirms the account's citizen ID is its holder's."""
    if not actor.has_perm("accounts.verify_identity"):
        raise PermissionDenied
    if user.is_identity_verified or user.suspended_at:
        raise ValueError("Only a declared, active account can be verified.")
    _mark_verified(user, method=VerificationMethod.ID_CARD_AT_COUNTER, by=actor)
    log(
        instance=user,
        action="accounts.verify_identity",
        user=actor,
        data={"method": VerificationMethod.ID_CARD_AT_COUNTER, "officer": actor.get_full_name()},
    )
    return user


@transaction.atomic
def log_in_with_thaid(*, user: User) -> User:
    """ThaID vouched for this account's holder: its citizen ID becomes verified (once)."""
    if not user.is_identity_verified:
        _mark_verified(user, method=VerificationMethod.THAID, by=None)
        log(
            instance=user,
            action="accounts.verify_identity",
            user=user,
            data={"method": VerificationMethod.THAID},
        )
    log(instance=user, action="accounts.thaid_login", user=user)
    return user


def placeholder_citizen_id(user: User) -> str:
    """A value no citizen ID can take (it starts with a letter), unique by the account's key."""
    return f"S{user.pk:012d}"


def _suspend_squatter(squatter: User) -> None:
    squatter.displaced_citizen_id = squatter.citizen_id
    squatter.citizen_id = placeholder_citizen_id(squatter)
    squatter.is_active = False
    squatter.suspended_at = timezone.now()
    squatter.save(update_fields=["displaced_citizen_id", "citizen_id", "is_active", "suspended_at"])


def _tell_administrators(squatter: User, holder: User) -> None:
    recipients = queries.superuser_emails()
    if not recipients:
        return
    subject = _("A declared account was suspended: its citizen ID belongs to someone else")
    body = _(
        "%(holder)s logged in with ThaID for citizen ID %(citizen_id)s, which the declared account of "
        "%(squatter)s held. That account is suspended and its citizen ID moved to %(placeholder)s; "
        "its requests stay with it and are marked for officers. Please review them."
    ) % {
        "holder": holder.get_full_name(),
        "citizen_id": holder.citizen_id,
        "squatter": squatter.get_full_name(),
        "placeholder": squatter.citizen_id,
    }
    transaction.on_commit(lambda: send_mail(subject, body, None, recipients))


@transaction.atomic
def register_with_thaid(
    *,
    citizen_id: str,
    title: str,
    first_name: str,
    last_name: str,
    phone: str,
    personnel_type: str,
    privacy_notice_version: str,
    email: str = "",
) -> User:
    """The first ThaID log-in for a citizen ID: a verified account from ThaID's claims. A declared
    account of someone else that held the ID (a squatter's) is suspended, keeping its requests,
    and the administrators are told."""
    squatter = User.objects.select_for_update().filter(citizen_id=citizen_id).first()
    if squatter is not None:
        if squatter.is_identity_verified:
            raise ValueError("A verified account holds this citizen ID.")
        _suspend_squatter(squatter)
    user = User.objects.create_user(
        citizen_id,
        None,
        title=title,
        first_name=first_name,
        last_name=last_name,
        phone=phone,
        personnel_type=personnel_type,
        email=email,
        privacy_notice_version=privacy_notice_version,
        privacy_consented_at=timezone.now(),
    )
    _mark_verified(user, method=VerificationMethod.THAID, by=None)
    log(
        instance=user,
        action="accounts.register",
        user=user,
        data={"privacy_notice_version": privacy_notice_version, "method": VerificationMethod.THAID},
    )
    if squatter is not None:
        log(
            instance=squatter,
            action="accounts.suspend_squatter",
            user=user,
            data={"citizen_id": citizen_id, "placeholder": squatter.citizen_id, "holder": user.pk},
        )
        _tell_administrators(squatter, user)
    return user
