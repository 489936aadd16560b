"""The signed links of account recovery: e-mail verification (3 days) and password reset (Django's
token generator: PASSWORD_RESET_TIMEOUT, one use because its hash covers the password)."""

from datetime import timedelta

from django.contrib.auth.tokens import default_token_generator
from django.core import signing
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

EMAIL_VERIFICATION_MAX_AGE = timedelta(days=3)
EMAIL_VERIFICATION_SALT = "accounts.email-verification"


def email_verification_token(user) -> str:
    """Signed (with a timestamp) for this account and the address it has now."""
    return signing.dumps({"user": user.pk, "email": user.email}, salt=EMAIL_VERIFICATION_SALT)


def read_email_verification_token(token: str) -> dict | None:
    """{"user": pk, "email": address}, or None when forged or older than 3 days."""
    try:
        return signing.loads(token, salt=EMAIL_VERIFICATION_SALT, max_age=EMAIL_VERIFICATION_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is one
        return None


def password_reset_path_args(user) -> list[str]:
    return [urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)]


def password_reset_token_is_valid(user, token: str) -> bool:
    return default_token_generator.check_token(user, token)
