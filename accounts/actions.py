"""Every change to an account: one function each, atomic, checked, and written to the audit log."""

import logging
import secrets
from datetime import timedelta

from django.contrib.auth import password_validation
from django.contrib.auth.hashers import check_password, make_password
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from axes.utils import reset as reset_axes_attempts
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from base.client_address import address_hash

from . import queries, tasks, tokens
from .models import AddressAttempt, CounterResetCode, IdentityLevel, User, VerificationMethod
from .queries import address_limit_reached, address_window
from .two_factor import RECOVERY_CODE_COUNT, is_staff_account

logger = logging.getLogger(__name__)


def concrete(user: User) -> User:
    """request.user itself: django-otp wraps Django's lazy user in a second lazy object, and
    Wagtail's log() unwraps only one to find the log model (it would log nothing)."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def _create_applicant(citizen_id, password, *, privacy_notice_version, **profile) -> User:
    """A new applicant's account with the privacy consent they gave now (password None: unusable)."""
    return User.objects.create_user(
        citizen_id,
        password,
        privacy_notice_version=privacy_notice_version,
        privacy_consented_at=timezone.now(),
        **profile,
    )


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
    base_url: str = "",
) -> User:
    """Create an applicant's account with the privacy consent they gave, and when."""
    user = _create_applicant(
        citizen_id,
        password,
        title=title,
        first_name=first_name,
        last_name=last_name,
        phone=phone,
        personnel_type=personnel_type,
        email=email,
        privacy_notice_version=privacy_notice_version,
    )
    log(
        instance=user,
        action="accounts.register",
        user=user,
        data={"privacy_notice_version": privacy_notice_version},
    )
    _send_verification_after_commit(user, base_url)
    return user


def _send_verification_after_commit(user: User, base_url: str) -> None:
    if user.email and not user.email_is_verified:
        transaction.on_commit(lambda: tasks.email_verification_link.enqueue(user.pk, base_url))


PROFILE_FIELDS = ("title", "first_name", "last_name", "phone", "personnel_type", "email")


@transaction.atomic
def update_profile(*, actor: User, user: User, base_url: str = "", **changes) -> User:
    """Change a user's own profile. The citizen ID is never changed here; a new e-mail address
    must be verified again (a link is sent to it)."""
    if actor.pk != user.pk:
        raise PermissionDenied
    unknown = set(changes) - set(PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"Not profile fields: {sorted(unknown)}")
    changed = sorted(name for name, value in changes.items() if getattr(user, name) != value)
    for name in changed:
        setattr(user, name, changes[name])
    if changed:
        update_fields = list(changed)
        if "email" in changed:
            # Even back to an address once proved: the proof was for the past, not this change.
            user.verified_email, user.email_verified_at = "", None
            update_fields += ["verified_email", "email_verified_at"]
        user.save(update_fields=update_fields)
        log(instance=user, action="accounts.edit_profile", user=actor, data={"fields": changed})
        if "email" in changed:
            _send_verification_after_commit(user, base_url)
    return user


@transaction.atomic
def resend_email_verification(*, actor: User, user: User, base_url: str = "") -> bool:
    """Send the verification link again; False when there is no unverified address to verify."""
    if actor.pk != user.pk:
        raise PermissionDenied
    if not user.email or user.email_is_verified:
        return False
    log(instance=user, action="accounts.resend_email_verification", user=actor)
    _send_verification_after_commit(user, base_url)
    return True


@transaction.atomic
def verify_email(*, token: str) -> User | None:
    """Mark the address the signed link names as proved, if it is still the account's; else None."""
    payload = tokens.read_email_verification_token(token)
    if payload is None:
        return None
    user = User.objects.select_for_update().filter(pk=payload["user"], is_active=True).first()
    if user is None or user.email != payload["email"]:
        return None
    if not user.email_is_verified:
        user.verified_email, user.email_verified_at = user.email, timezone.now()
        user.save(update_fields=["verified_email", "email_verified_at"])
        log(instance=user, action="accounts.verify_email", user=user, data={"email": user.email})
    return user


@transaction.atomic
def change_password(*, actor: User, user: User, new_password: str) -> User:
    """Set a new password; the caller keeps the session alive (update_session_auth_hash)."""
    if actor.pk != user.pk:
        raise PermissionDenied
    user = concrete(user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    log(instance=user, action="accounts.change_password", user=actor)
    return user


# Forgotten passwords


@transaction.atomic
def request_password_reset(*, citizen_id: str, base_url: str = "") -> None:
    """Queue the reset link for this citizen ID. The same work whatever the ID: the background task
    decides whether the account exists and has a verified address."""
    transaction.on_commit(lambda: tasks.email_password_reset_link.enqueue(citizen_id, base_url))


def _set_new_password(user: User, new_password: str) -> None:
    """Every other session ends (its stored hash of the password no longer matches) and the
    log-in lockout of this citizen ID is lifted."""
    user.set_password(new_password)
    user.save(update_fields=["password"])
    reset_axes_attempts(username=user.citizen_id)


@transaction.atomic
def reset_password_with_link(*, user: User, token: str, new_password: str) -> User:
    """Set a new password from the e-mailed link (valid PASSWORD_RESET_TIMEOUT, used once)."""
    if not tokens.password_reset_token_is_valid(user, token):
        raise PermissionDenied
    _set_new_password(user, new_password)
    log(instance=user, action="accounts.reset_password", user=user, data={"method": "email"})
    return user


COUNTER_CODE_VALIDITY = timedelta(hours=24)
COUNTER_CODE_DIGITS = 12
COUNTER_CODE_ATTEMPTS = 5  # wrong tries before a code is void


def normalize_reset_code(code: str) -> str:
    """Digits only, as printed in groups of four ("1234 5678 9012"), Thai digits too."""
    return "".join(str(int(char)) for char in code or "" if char.isdigit())


def _may_issue_counter_code(actor: User, user: User) -> bool:
    if not actor.is_active or not actor.has_perm("accounts.issue_counter_reset_code"):
        return False
    if actor.pk == user.pk:
        return False  # nobody vouches for their own ID card
    # A code opens the account: staff accounts only from a superuser, never from a peer.
    return actor.is_superuser or not (user.is_staff or user.is_superuser)


@transaction.atomic
def issue_counter_reset_code(*, actor: User, user: User) -> tuple[CounterResetCode, str]:
    """A new one-time code for `user` (earlier open ones become void): its record and the code
    itself, which is stored only hashed."""
    if not _may_issue_counter_code(actor, user):
        raise PermissionDenied
    now = timezone.now()
    CounterResetCode.objects.filter(user=user, used_at__isnull=True).update(used_at=now)
    code = "".join(secrets.choice("0123456789") for _ in range(COUNTER_CODE_DIGITS))
    record = CounterResetCode.objects.create(
        user=user,
        code_hash=make_password(code),
        issued_by=actor,
        issued_at=now,
        expires_at=now + COUNTER_CODE_VALIDITY,
    )
    log(
        instance=user,
        action="accounts.issue_counter_reset_code",
        user=actor,
        data={"code_id": record.pk, "expires_at": record.expires_at.isoformat()},
    )
    return record, code


@transaction.atomic
def reset_password_with_code(*, citizen_id: str, code: str, new_password: str) -> User | None:
    """Set a new password with the counter's code. None, one answer for all, for a wrong ID or
    code or an expired, used or void one (a wrong code counts against it); ValidationError when
    the password is refused (the code stays open)."""
    now = timezone.now()
    record = (
        CounterResetCode.objects.select_for_update()
        .select_related("user")
        .filter(
            user__citizen_id=citizen_id,
            user__is_active=True,
            used_at__isnull=True,
            expires_at__gt=now,
            failed_attempts__lt=COUNTER_CODE_ATTEMPTS,
        )
        .order_by("-issued_at")
        .first()
    )
    if record is None:
        make_password(code)  # the cost of a check, so no open code is not answered faster
        return None
    if not check_password(normalize_reset_code(code), record.code_hash):
        CounterResetCode.objects.filter(pk=record.pk).update(failed_attempts=F("failed_attempts") + 1)
        return None
    user = record.user
    password_validation.validate_password(new_password, user)
    record.used_at = now
    record.save(update_fields=["used_at"])
    _set_new_password(user, new_password)
    log(
        instance=user,
        action="accounts.reset_password",
        user=user,
        data={"method": "counter_code", "code_id": record.pk},
    )
    return user


@transaction.atomic
def start_authenticator_setup(*, actor: User, user: User) -> TOTPDevice:
    """A new secret for the staff member's authenticator app, unconfirmed until a code from it
    proves the app has it. An authenticator already confirmed keeps working until then."""
    if actor.pk != user.pk or not is_staff_account(user):
        raise PermissionDenied
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


@transaction.atomic
def confirm_authenticator(*, actor: User, user: User, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the new authenticator with a code from it: it replaces any earlier second factor,
    and the staff member gets ten new one-time recovery codes (returned, shown once). None when
    the code is wrong."""
    if actor.pk != user.pk or device.user_id != user.pk or device.confirmed:
        raise PermissionDenied
    if not device.verify_token(token):
        return None
    user = concrete(user)
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    StaticDevice.objects.filter(user=user).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    recovery = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=recovery, token=code) for code in codes)
    log(instance=user, action="accounts.two_factor_set_up", user=actor)
    return codes


@transaction.atomic
def verify_second_factor(*, user: User, token: str):
    """The device that accepts this code (an authenticator's code, or a recovery code, which is
    then used up), or None."""
    device = match_token(user, token.replace(" ", "").strip())
    if isinstance(device, StaticDevice):
        log(instance=concrete(user), action="accounts.recovery_code_used", user=concrete(user))
    return device


@transaction.atomic
def reset_two_factor(*, actor: User, user: User) -> None:
    """A superuser removes a staff member's second factor (a lost phone): at the next log-in the
    staff member sets up an authenticator again."""
    if not actor.is_superuser:
        raise PermissionDenied
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    log(instance=user, action="accounts.two_factor_reset", user=actor)


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
def log_in_with_thaid(*, user: User, linked_with_password: bool = False) -> User:
    """ThaID vouched for this account's holder: its citizen ID becomes verified (once), and the
    log-in lockout of that citizen ID is lifted, as ThaID proved who is asking. A declared account
    is only linked after its password was typed (linked_with_password), as a squatter may have
    registered under the holder's own name."""
    if not user.is_identity_verified and not linked_with_password:
        raise PermissionDenied
    reset_axes_attempts(username=user.citizen_id)
    if not user.is_identity_verified:
        _mark_verified(user, method=VerificationMethod.THAID, by=None)
        log(
            instance=user,
            action="accounts.verify_identity",
            user=user,
            data={"method": VerificationMethod.THAID, "linked_with_password": linked_with_password},
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


def _tell_administrators(squatter: User, holder: User, *, same_name: bool) -> None:
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
    if same_name:
        body += "\n\n" + _(
            "The declared account was registered under the holder's own name, and the holder said it "
            "is not theirs (they did not give its password)."
        )
    # Robust: a mail server that fails after the commit is logged, not shown as a failed log-in.
    transaction.on_commit(lambda: send_mail(subject, body, None, recipients), robust=True)


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
    same_name = False
    if squatter is not None:
        if squatter.is_identity_verified:
            raise ValueError("A verified account holds this citizen ID.")
        # Under the holder's own name, the holder chose "ไม่ใช่บัญชีของฉัน" instead of its password.
        same_name = queries.is_same_person(squatter, first_name=first_name, last_name=last_name)
        _suspend_squatter(squatter)
    user = _create_applicant(
        citizen_id,
        None,  # ThaID vouches for them: no password until they set one
        title=title,
        first_name=first_name,
        last_name=last_name,
        phone=phone,
        personnel_type=personnel_type,
        email=email,
        privacy_notice_version=privacy_notice_version,
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
            data={
                "citizen_id": citizen_id,
                "placeholder": squatter.citizen_id,
                "holder": user.pk,
                "same_name": same_name,
            },
        )
        _tell_administrators(squatter, user, same_name=same_name)
    return user


@transaction.atomic
def record_address_attempt(*, kind: str, client_address: str) -> None:
    """Count one failed log-in, registration attempt or reset request from this address, for the per-address
    limits. Kept in the database, as the embedded set-up has no shared cache; rows older than the
    window are deleted as new ones arrive."""
    now = timezone.now()
    AddressAttempt.objects.filter(kind=kind, created_at__lt=now - address_window(kind)).delete()
    AddressAttempt.objects.create(kind=kind, client_hash=address_hash(client_address), created_at=now)
    if address_limit_reached(kind=kind, client_address=client_address):
        # The address itself is not logged, as it is not stored; its hash finds its rows.
        logger.warning("Per-address limit reached: %s from %s", kind, address_hash(client_address)[:12])


@transaction.atomic
def accept_privacy_notice(*, actor: User, user: User, version: str) -> User:
    """A returning applicant accepts the office's current privacy notice: its version and when."""
    if actor.pk != user.pk:
        raise PermissionDenied
    if not version:
        raise ValueError("The privacy notice has no version.")
    user = concrete(user)
    previous = user.privacy_notice_version
    user.privacy_notice_version = version
    user.privacy_consented_at = timezone.now()
    user.save(update_fields=["privacy_notice_version", "privacy_consented_at"])
    log(
        instance=user,
        action="accounts.accept_privacy_notice",
        user=user,
        data={"privacy_notice_version": version, "previous_version": previous},
    )
    return user
