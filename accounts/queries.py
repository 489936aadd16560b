"""Reads about accounts that more than one place needs, or that hold a rule."""

import unicodedata

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from base.client_address import address_hash

from .models import AddressAttempt, User
from .two_factor import is_staff_account


def with_verified_email(users):
    """Only the users whose present address a link proved (the rule of User.email_is_verified)."""
    return users.exclude(email="").filter(verified_email=F("email"))


def user_with_citizen_id(citizen_id: str):
    """The active account with this (normalised) citizen ID, or None."""
    return User.objects.filter(citizen_id=citizen_id, is_active=True).first()


def _name_key(value):
    return unicodedata.normalize("NFC", "".join(value.split())).casefold()


def is_same_person(user, *, first_name, last_name):
    """Whether an account's name is the one on the ID card (ThaID's claims): spaces and Unicode
    forms aside. A declared account under someone else's name is a squatter's."""
    return _name_key(user.first_name) == _name_key(first_name) and _name_key(user.last_name) == _name_key(
        last_name
    )


def account_holding(citizen_id):
    return User.objects.filter(citizen_id=citizen_id).first()


def superuser_emails():
    return list(
        User.objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


ADDRESS_LIMITS = {
    AddressAttempt.Kind.LOGIN_FAILURE: ("ADDRESS_LOGIN_FAILURE_LIMIT", "ADDRESS_LOGIN_FAILURE_WINDOW"),
    AddressAttempt.Kind.REGISTRATION: ("ADDRESS_REGISTRATION_LIMIT", "ADDRESS_REGISTRATION_WINDOW"),
    AddressAttempt.Kind.PASSWORD_RESET: ("ADDRESS_PASSWORD_RESET_LIMIT", "ADDRESS_PASSWORD_RESET_WINDOW"),
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


def must_accept_privacy_notice(user, office) -> bool:
    """A logged-in applicant who accepted an older privacy notice (or none) than the office's
    current one is asked to read and accept it, when the office publishes one (its privacy page).
    Staff are not: the notice is the applicants'."""
    return (
        user.is_authenticated
        and not is_staff_account(user)
        and office.privacy_policy_page_id is not None
        and bool(office.privacy_notice_version)
        and user.privacy_notice_version != office.privacy_notice_version
    )
