"""Every change to an account: one function each, atomic, checked, and written to the audit log."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.functional import LazyObject, empty

from wagtail.log_actions import log

from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import User
from .two_factor import RECOVERY_CODE_COUNT, is_staff_account


def concrete(user: User) -> User:
    """request.user itself: django-otp wraps Django's lazy user in a second lazy object, and
    Wagtail's log() unwraps only one to find the log model (it would log nothing)."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


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
    user = concrete(user)
    user.set_password(new_password)
    user.save(update_fields=["password"])
    log(instance=user, action="accounts.change_password", user=actor)
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
