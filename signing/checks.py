"""Production signs every PDF it issues, or does not start (SIGNING_REQUIRED, production.py)."""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from . import credentials


def signing_messages(*, now=None) -> list[checks.CheckMessage]:
    """Errors when signing is required and the certificate or key cannot sign; a warning when the
    certificate ends within credentials.EXPIRY_WARNING_DAYS."""
    if not settings.SIGNING_REQUIRED:
        return []
    found = credentials.problems(now=now)
    if found:
        return [
            checks.Error(
                f"Documents cannot be signed: {problem}",
                hint="Set SIGNING_CERTIFICATE, SIGNING_KEY (and SIGNING_KEY_PASSWORD, SIGNING_TRUST_ROOTS) "
                "to the office's certificate and key (README, Production: Signed documents).",
                id="signing.E001",
            )
            for problem in found
        ]
    end = credentials.expires_soon(now=now)
    if end is not None:
        return [
            checks.Warning(
                f"The signing certificate expires on {end:%Y-%m-%d}.",
                hint="Ask the CA for the renewed certificate and install it before then.",
                id="signing.W001",
            )
        ]
    return []


def check_signing(app_configs=None, **kwargs):
    return signing_messages()


def refuse_to_start_unable_to_sign():
    """ImproperlyConfigured, at start-up, when production cannot sign (gunicorn runs no checks)."""
    errors = [message for message in signing_messages() if message.level >= checks.ERROR]
    if errors:
        raise ImproperlyConfigured(" ".join(f"{error.msg} ({error.hint})" for error in errors))
