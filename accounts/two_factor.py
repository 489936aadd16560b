"""Who must pass a second factor, and what they have set up (reads only; changes are in actions)."""

from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .admin_access import has_admin_permission
from .models import User

RECOVERY_CODE_COUNT = 10


def is_staff_account(user: User) -> bool:
    """Officers, editors and administrators: anyone the admin lets in."""
    if not user.is_authenticated:
        return False
    return user.is_staff or user.is_superuser or has_admin_permission(user)


def has_authenticator(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def has_second_factor(user: User) -> bool:
    return user_has_device(user)


def pending_authenticator(user: User) -> TOTPDevice | None:
    """The authenticator being set up (shown as a QR code), not yet confirmed with a code."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()


def recovery_codes_left(user: User) -> int:
    return sum(device.token_set.count() for device in StaticDevice.objects.filter(user=user, confirmed=True))
