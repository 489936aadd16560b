"""Production: every secret comes from the environment, and the site refuses to start without it.

The variables are listed in .env.example.
"""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from base.log import json_logging
from base.sentry import start as start_sentry

from .base import *  # noqa: F403
from .base import DATABASES, MIDDLEWARE


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
# psycopg's connection pool in each worker process (Django 5.1+): at most DB_POOL_MAX_SIZE
# connections per gunicorn worker, so app servers × workers × DB_POOL_MAX_SIZE (+ the background
# worker's one) stays under PostgreSQL's max_connections (README, Production). Django closes no
# pooled connection after a request; CONN_MAX_AGE must be 0 with a pool.
DB_POOL_MIN_SIZE = int(os.environ.get("DB_POOL_MIN_SIZE", "1"))
DB_POOL_MAX_SIZE = int(os.environ.get("DB_POOL_MAX_SIZE", "4"))
DB_POOL_TIMEOUT = float(os.environ.get("DB_POOL_TIMEOUT", "10"))
# The read replica (DATABASE_REPLICA_URL, base.db_router), when there is one, through a pool of
# its own of the same size: count it in the replica server's max_connections the same way.
for _alias in DATABASES:
    if DATABASES[_alias]["ENGINE"] != "django.db.backends.postgresql":
        raise ImproperlyConfigured(f"The database {_alias!r} must be a PostgreSQL database in production.")
    DATABASES[_alias]["CONN_MAX_AGE"] = 0
    DATABASES[_alias]["CONN_HEALTH_CHECKS"] = False
    DATABASES[_alias]["OPTIONS"] = {
        **DATABASES[_alias].get("OPTIONS", {}),
        "pool": {"min_size": DB_POOL_MIN_SIZE, "max_size": DB_POOL_MAX_SIZE, "timeout": DB_POOL_TIMEOUT},
    }

# The cache (Redis), shared by every app server: Django's own Redis backend.
CACHES = {
    "default": {
        "BACKEND": "base.redis_cache.PortalRedisCache",
        "LOCATION": required_env("REDIS_URL"),
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "oss"),
        "TIMEOUT": 300,
        # A Redis that hangs holds a request at most a second (base.redis_cache: then it is a miss).
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}

# What applicants upload lives in an S3 bucket (AWS S3, MinIO, Ceph, or any S3-compatible service),
# shared by every app server, private (no URL: the permission-checking views stream the files).
# Editors' public documents and images: below (PUBLIC_MEDIA_S3).
STORAGES = {
    **STORAGES,  # noqa: F405
    "private": {
        "BACKEND": "service_requests.storage.PrivateS3Storage",
        "OPTIONS": {
            "bucket_name": required_env("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME", "").strip() or None,
            "location": os.environ.get("AWS_S3_PRIVATE_PREFIX", "private"),
        },
    },
    # whitenoise serves the static files, compressed and with hashed names that are cached forever.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Editors' public documents and images: in MEDIA_ROOT on this machine, or, with PUBLIC_MEDIA_S3=true
# (more than one app server, README "Past one machine"), in the bucket too, under their own prefix
# that the bucket's policy makes publicly readable: plain URLs without a signature (a signed one
# would expire inside the page cache). Wagtail's document view then redirects to the file.
if os.environ.get("PUBLIC_MEDIA_S3", "false").strip().lower() == "true":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("AWS_PUBLIC_BUCKET_NAME", "").strip()
            or STORAGES["private"]["OPTIONS"]["bucket_name"],
            "endpoint_url": STORAGES["private"]["OPTIONS"]["endpoint_url"],
            "region_name": STORAGES["private"]["OPTIONS"]["region_name"],
            "location": os.environ.get("AWS_S3_PUBLIC_PREFIX", "public"),
            "custom_domain": os.environ.get("AWS_S3_PUBLIC_CUSTOM_DOMAIN", "").strip() or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
# collectstatic's target, which whitenoise serves from (default: ./staticfiles).
STATIC_ROOT = os.environ.get("STATIC_ROOT", "").strip() or STATIC_ROOT  # noqa: F405
# django-storages reads the keys from the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY),
# or, without them, boto3's usual chain (an instance role).
_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware")
MIDDLEWARE = [
    *MIDDLEWARE[: _security + 1],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[_security + 1 :],
]

# Request bodies: the largest the portal takes (service_requests.upload_limits.
# proxy_body_limit_megabytes: an editor's document; tests/portal/test_settings.py keeps them equal),
# the same number as nginx's client_max_body_size (deploy/nginx, REQUEST_BODY_MAX_MB). gunicorn has
# no body limit; its header limits equal nginx's (gunicorn.conf.py).
REQUEST_BODY_MAX_MB = int(os.environ.get("REQUEST_BODY_MAX_MB", "21"))
DATA_UPLOAD_MAX_MEMORY_SIZE = REQUEST_BODY_MAX_MB * 1024 * 1024

# JSON lines on stdout (systemd's journal keeps them), with the request ID and the user's ID.
LOGGING = json_logging(os.environ.get("LOG_LEVEL", "INFO"))

# Errors to Sentry when a DSN is given, without personal data (base.sentry).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "").strip()
if SENTRY_DSN:
    start_sentry(
        SENTRY_DSN,
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE", ""),
    )
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
# Where the answers are verified: Google's www.google.com, or www.recaptcha.net where google.com is
# blocked (and, in scripts/production-check.sh, a local stand-in).
RECAPTCHA_DOMAIN = os.environ.get("RECAPTCHA_DOMAIN", "").strip() or "www.google.com"
# LINE (base.py reads the four variables): none set, LINE is off; some but not all, a mistake.
_line_variables = (
    "LINE_LOGIN_CHANNEL_ID",
    "LINE_LOGIN_CHANNEL_SECRET",
    "LINE_CHANNEL_SECRET",
    "LINE_CHANNEL_ACCESS_TOKEN",
)
_line_missing = [name for name in _line_variables if not os.environ.get(name, "").strip()]
if _line_missing and len(_line_missing) < len(_line_variables):
    raise ImproperlyConfigured(
        f"LINE is configured only in part: set {', '.join(_line_missing)} as well, or none of the LINE_* variables."
    )
CSRF_TRUSTED_ORIGINS = [
    origin.strip() for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if origin.strip()
]

# Every PDF the office issues (reply files, completed requests' printouts) is signed with the
# office's certificate (signing/): paths to the certificate (PEM, its chain after it) and its key;
# the portal refuses to start when they are missing, unreadable, do not match or have expired
# (signing.checks), so it never issues an unsigned file.
SIGNING_CERTIFICATE = required_env("SIGNING_CERTIFICATE")
SIGNING_KEY = required_env("SIGNING_KEY")
SIGNING_REQUIRED = True

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
# Sessions are read from Redis and written through to PostgreSQL: one query less on every page a
# logged-in person opens, and nobody is logged out when Redis restarts. (Only with a cache that
# all app servers share: a session ended on one must be gone on all.)
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
# Subdomains: the portal's host name is the office's own (oss.example.go.th); any name under it is
# the office's too and must be HTTPS as well. Preload: browsers' built-in list is asked for per
# domain at hstspreload.org, only by whoever runs the registrable domain; the header says it is
# willing. Both can be turned off when a subdomain must stay on plain HTTP (README, Production).
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("SECURE_HSTS_INCLUDE_SUBDOMAINS", "true").lower() == "true"
SECURE_HSTS_PRELOAD = os.environ.get("SECURE_HSTS_PRELOAD", "true").lower() == "true"
