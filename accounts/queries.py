"""Reads about accounts that more than one place needs."""

from django.db.models import F

from .models import User


def with_verified_email(users):
    """Only the users whose present address a link proved (the rule of User.email_is_verified)."""
    return users.exclude(email="").filter(verified_email=F("email"))


def user_with_citizen_id(citizen_id: str):
    """The active account with this (normalised) citizen ID, or None."""
    return User.objects.filter(citizen_id=citizen_id, is_active=True).first()
