"""Production: every secret comes from the environment, and the site refuses to start without it.

The variables are listed in .env.example.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


DEBUG = False
SECRET_KEY = required_env("SECRET_KEY")
# De-identified requests keep a keyed hash of the citizen ID: its own key, so that a new
# SECRET_KEY does not lose the match (accounts.hashing).
CITIZEN_ID_HASH_KEY = required_env("CITIZEN_ID_HASH_KEY")
ALLOWED_HOSTS = [host.strip() for host in required_env("ALLOWED_HOSTS").split(",") if host.strip()]
required_env("DATABASE_URL")  # base.py reads it; production must not fall back to SQLite
# Links in printouts, QR codes and e-mails start with it, never with a request's Host header.
PORTAL_BASE_URL = required_env("PORTAL_BASE_URL").rstrip("/")
_portal_address = urlsplit(PORTAL_BASE_URL)
if _portal_address.scheme not in ("https", "http") or not _portal_address.netloc or _portal_address.path:
    raise ImproperlyConfigured(
        f"PORTAL_BASE_URL must be the portal's public address, e.g. https://oss.example.go.th, "
        f"not {PORTAL_BASE_URL!r}."
    )
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL
RECAPTCHA_PUBLIC_KEY = required_env("RECAPTCHA_PUBLIC_KEY")
RECAPTCHA_PRIVATE_KEY = required_env("RECAPTCHA_PRIVATE_KEY")
# How many proxies in front of the portal append to X-Forwarded-For: stated explicitly (0 when
# visitors connect directly), since a wrong guess either puts every visitor behind the proxy's one
# address in the per-address limits or lets visitors choose their own address.
_trusted_proxy_count = required_env("TRUSTED_PROXY_COUNT")
if not _trusted_proxy_count.isdigit():
    raise ImproperlyConfigured(
        f"TRUSTED_PROXY_COUNT must be the number of proxies in front of the portal (0, 1, ...), "
        f"not {_trusted_proxy_count!r}."
    )
TRUSTED_PROXY_COUNT = int(_trusted_proxy_count)
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin.strip()
]

# Notifications go through the database queue; run `manage.py db_worker` beside the web server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
