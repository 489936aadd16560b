"""Reads about accounts that more than one place needs."""

from django.conf import settings
from django.utils import timezone

from base.client_address import address_hash

from .models import AddressAttempt

# kind: (the setting with the allowance, the setting with its window)
ADDRESS_LIMITS = {
    AddressAttempt.Kind.LOGIN_FAILURE: ("ADDRESS_LOGIN_FAILURE_LIMIT", "ADDRESS_LOGIN_FAILURE_WINDOW"),
    AddressAttempt.Kind.REGISTRATION: ("ADDRESS_REGISTRATION_LIMIT", "ADDRESS_REGISTRATION_WINDOW"),
}


def address_window(kind):
    return getattr(settings, ADDRESS_LIMITS[kind][1])


def address_limit_reached(*, kind: str, client_address: str) -> bool:
    """Whether this address has used up its allowance of this kind within the window."""
    limit_setting, _window_setting = ADDRESS_LIMITS[kind]
    recent = AddressAttempt.objects.filter(
        kind=kind,
        client_hash=address_hash(client_address),
        created_at__gte=timezone.now() - address_window(kind),
    )
    return recent.count() >= getattr(settings, limit_setting)
