"""Settings shared by every environment. Environment-specific files import * from here."""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url
import fontpkg_sarabun
from csp.constants import NONCE, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "portal"

INSTALLED_APPS = [
    "base",
    "backups",
    "signing",
    "accounts",
    "service_forms",
    "home",
    "service_pages",
    "service_requests",
    "reports",
    "printing",
    "privacy",
    "line_messaging",
    "payments",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    # Wagtail's user admin, with our viewset for the citizen-ID user model.
    "accounts.apps.WagtailUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_recaptcha",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "axes",
    # Staff's second factor: authenticator apps (TOTP) and one-time recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Last, as its documentation asks: deletes the files of the models it is told to (@cleanup.select).
    "django_cleanup.apps.CleanupSelectedConfig",
]

MIDDLEWARE = [
    # First: every log line of a request carries its ID; then /healthz and /readyz, answered
    # before the host check and the HTTPS redirect (base.health).
    "base.request_id.RequestIdMiddleware",
    "base.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Whole public pages for visitors without a session (base/page_cache.py): outside everything
    # below, so that a stored page holds their headers (the policy, the language's Vary) and a hit
    # runs none of them; after the HTTPS redirect (and, in production, whitenoise's static files).
    "base.page_cache.AnonymousPageCacheMiddleware",
    # The request's site and office settings from the cache, under the same generation
    # (base/site_cache.py).
    "base.site_cache.SiteCacheMiddleware",
    # The page a path names and its view restrictions from the cache, under the same generation,
    # put where Wagtail looks for them just before its view (base/route_cache.py).
    "base.route_cache.RouteCacheMiddleware",
    # Content-Security-Policy (the public's, or the admin's under /admin/) and Permissions-Policy
    # on every response (base/security_headers.py).
    "base.security_headers.PortalCSPMiddleware",
    # A form shown again after a storage or database fault answers 503; a download whose file is
    # gone answers the Thai "file not found" page (base/faults.py).
    "base.faults.FaultStatusMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Before CSRF, which reads the body: the forms that take files cap theirs.
    "service_requests.middleware.UploadLimitMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Cache-Control: no-store where personal data shows (base/security_headers.py).
    "base.security_headers.NoStoreMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After messages: a session that ends says so; then no admin page without the second factor.
    "accounts.middleware.SessionLimitsMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",
    # A returning applicant reads and accepts a new version of the privacy notice, once.
    "accounts.middleware.PrivacyNoticeMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that it sees the outcome of authentication (django-axes' own rule).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite unless DATABASE_URL names another (PostgreSQL in production).
SQLITE_PATH = Path(os.environ.get("SQLITE_PATH", BASE_DIR / "db.sqlite3"))
SQLITE_OPTIONS = {
    # Writers take the lock when the transaction starts, so two writers queue up instead of
    # failing half-way with "database is locked"; WAL lets readers go on meanwhile.
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
}


def database_from_environment():
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    return {"ENGINE": "django.db.backends.sqlite3", "NAME": SQLITE_PATH, "OPTIONS": SQLITE_OPTIONS}


DATABASES = {"default": database_from_environment()}
# A streaming read replica of the primary (PostgreSQL), for the reports and the exports only
# (base.db_router: everything else reads the primary, so users read their own writes).
DATABASE_REPLICA_URL = os.environ.get("DATABASE_REPLICA_URL", "").strip()
READ_REPLICA_ALIAS = None
if DATABASE_REPLICA_URL:
    DATABASES["replica"] = dj_database_url.parse(
        DATABASE_REPLICA_URL, conn_max_age=60, conn_health_checks=True
    )
    READ_REPLICA_ALIAS = "replica"
DATABASE_ROUTERS = ["base.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Signed documents (signing/): the office's certificate (PEM, its chain after it) and key, the CA
# certificates /verify/ trusts (default: the chain's root), an RFC 3161 timestamp authority.
# Production requires them (SIGNING_REQUIRED); elsewhere PDFs go out unsigned without them.
SIGNING_CERTIFICATE = os.environ.get("SIGNING_CERTIFICATE", "").strip()
SIGNING_KEY = os.environ.get("SIGNING_KEY", "").strip()
SIGNING_KEY_PASSWORD = os.environ.get("SIGNING_KEY_PASSWORD", "")
SIGNING_TRUST_ROOTS = os.environ.get("SIGNING_TRUST_ROOTS", "").strip()
SIGNING_TSA_URL = os.environ.get("SIGNING_TSA_URL", "").strip()
SIGNING_REQUIRED = False
# Where `manage.py make_demo_signing_certificate` puts the demo's throw-away CA (git-ignored).
DEMO_SIGNING_FOLDER = BASE_DIR / ".demo-signing"

# Accounts: citizen ID is the username, for applicants and staff alike.
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "accounts.password_validation.MinimumLengthValidator"},
    {"NAME": "accounts.password_validation.CommonPasswordValidator"},
    {"NAME": "accounts.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"

# The proxies in front of the portal (a TLS proxy: 1) whose X-Forwarded-For entries are believed;
# 0 uses the connecting address. Every per-address limit reads base.client_address.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# Per-address limits across citizen IDs (password spraying, mass registration), counted in the
# database: failed log-ins per 15 minutes, registration attempts and "forgot password" requests per
# hour.
ADDRESS_LOGIN_FAILURE_LIMIT = 30
ADDRESS_LOGIN_FAILURE_WINDOW = timedelta(minutes=15)
ADDRESS_REGISTRATION_LIMIT = 10
ADDRESS_REGISTRATION_WINDOW = timedelta(hours=1)
ADDRESS_PASSWORD_RESET_LIMIT = 10
ADDRESS_PASSWORD_RESET_WINDOW = timedelta(hours=1)

# django-axes: lock a citizen ID from one address after repeated failures.
AXES_CLIENT_IP_CALLABLE = "base.client_address.client_address"
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "accounts.security.axes_username"
AXES_LOCKOUT_CALLABLE = "accounts.security.lockout_response"
AXES_VERBOSE = False

# Personal data kept no longer than needed (README: Retention). A completed or cancelled request
# keeps its applicant's personal data and files this many days after closing (administrators may
# set another period per service under Settings → Service assignments); then the daily
# `manage.py apply_retention` de-identifies it. Log-in records (axes), status-lookup counters and
# per-address attempts are deleted after LOG_RETENTION_DAYS.
# Ten years: what the Regulation on Correspondence (ระเบียบงานสารบรรณ) asks of an office's documents.
REQUEST_RETENTION_DAYS = int(os.environ.get("REQUEST_RETENTION_DAYS", str(10 * 365)))
LOG_RETENTION_DAYS = 90
# The key of the hash that replaces a citizen ID once its holder's data is erased (the same person
# is still recognised). Empty: SECRET_KEY; set it in production so that a new SECRET_KEY keeps it.
CITIZEN_ID_HASH_KEY = os.environ.get("CITIZEN_ID_HASH_KEY", "")
# The forgotten-password link is valid for one hour (and once: its hash covers the password).
PASSWORD_RESET_TIMEOUT = 60 * 60

# reCAPTCHA is on only when both keys are configured (production requires them).
RECAPTCHA_PUBLIC_KEY = os.environ.get("RECAPTCHA_PUBLIC_KEY", "")
RECAPTCHA_PRIVATE_KEY = os.environ.get("RECAPTCHA_PRIVATE_KEY", "")

# ThaID (DOPA's digital ID, OpenID Connect): the log-in button shows only when all three are set.
THAID_DISCOVERY_URL = os.environ.get("THAID_DISCOVERY_URL", "")
THAID_CLIENT_ID = os.environ.get("THAID_CLIENT_ID", "")
THAID_CLIENT_SECRET = os.environ.get("THAID_CLIENT_SECRET", "")
THAID_SCOPE = os.environ.get("THAID_SCOPE", "openid pid title given_name family_name birthdate")

# LINE (line_messaging): the office's LINE Login channel links an applicant's LINE account from the
# profile; its Messaging API channel (the LINE Official Account) pushes the notifications. All
# optional: "เชื่อมต่อ LINE" shows only when all four are set. The hosts are LINE's; tests point
# them at a stand-in.
LINE_LOGIN_CHANNEL_ID = os.environ.get("LINE_LOGIN_CHANNEL_ID", "")
LINE_LOGIN_CHANNEL_SECRET = os.environ.get("LINE_LOGIN_CHANNEL_SECRET", "")
LINE_CHANNEL_SECRET = os.environ.get("LINE_CHANNEL_SECRET", "")
LINE_CHANNEL_ACCESS_TOKEN = os.environ.get("LINE_CHANNEL_ACCESS_TOKEN", "")
LINE_API_HOST = os.environ.get("LINE_API_HOST", "") or "https://api.line.me"
LINE_ACCESS_HOST = os.environ.get("LINE_ACCESS_HOST", "") or "https://access.line.me"

# Internationalisation: Thai first, English second.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Bangkok"
USE_TZ = True

# Static files. Sarabun comes from fontpkg-sarabun and is served from the package itself.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("fonts/sarabun", fontpkg_sarabun.ROOT / "files"),
]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]

# Media. "default" is public: what editors publish (documents, images). "private" holds what
# applicants upload; it has no URL and is only ever streamed by views that check permission.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "service_requests.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
# Django's own handlers, which also shorten file names over 255 characters. The applicants' and
# officers' forms put a limit on the whole body in front of them (upload_limits).
FILE_UPLOAD_HANDLERS = [
    "service_requests.upload_limits.MemoryFileUploadHandler",
    "service_requests.upload_limits.TemporaryFileUploadHandler",
]
# Django's defaults, stated: files up to 2.5 MB stay in memory, larger ones go to a temporary
# file; the text fields of one request may take 2.5 MB.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Background work (e-mail notifications): run at once unless an environment says otherwise.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# /readyz fails when the worker's last heartbeat (every 15 seconds, base.tasks.beat) is older.
WORKER_HEARTBEAT_MAX_AGE = 90

EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "no-reply@localhost")

# Wagtail
WAGTAIL_SITE_NAME = _("One Stop Service")
# Staff log in with their citizen ID and pass the same robot check as applicants.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.forms.AdminLoginForm"
# The portal's public address (https://host, no path), which printouts, QR codes and e-mails link
# to (home/links.py). Production requires it; unset in development, links use the address the
# portal is served at, and Wagtail's own e-mails the local default.
PORTAL_BASE_URL = os.environ.get("PORTAL_BASE_URL", "").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = PORTAL_BASE_URL or "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "xls", "odt", "ods", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Editors' uploads start in the manuals-and-forms collection (service_pages/upload_collection.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "service_pages.upload_collection.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "service_pages.upload_collection.ImageForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No staff e-mail hash goes to gravatar.com: the admin shows initials instead of avatars.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_PASSWORD_RESET_ENABLED = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Public Wagtail pages are kept whole in the default cache for visitors without a session
# (base/page_cache.py), purged on every publish and settings change. The cache is the process's
# memory unless CACHES says otherwise (production: Redis).
ANONYMOUS_PAGE_CACHE = os.environ.get("ANONYMOUS_PAGE_CACHE", "true").lower() == "true"

SESSION_COOKIE_HTTPONLY = True
# How long a log-in lasts (accounts/sessions.py): staff 30 minutes idle and 12 hours in all;
# applicants 60 minutes idle, or 14 days when they tick "remember me".
STAFF_SESSION_IDLE_TIMEOUT = timedelta(minutes=30)
STAFF_SESSION_MAX_AGE = timedelta(hours=12)
APPLICANT_SESSION_IDLE_TIMEOUT = timedelta(minutes=60)
REMEMBER_ME_AGE = timedelta(days=14)
# Changing the password, the e-mail or a second factor asks for the password again when the last
# time it was typed is longer ago than this.
REAUTHENTICATION_VALID_FOR = timedelta(minutes=5)
# The name staff's authenticator apps show beside the account (e.g. the office's short name).
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "One Stop Service")
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# What a page may load and run (django-csp, base/security_headers.py). The portal's own pages:
# our files only; an inline script or style needs the request's nonce ({{ request.csp_nonce }}).
# reCAPTCHA's origins are added while its keys are set.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", NONCE],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Wagtail's admin: its panels (InlinePanel, MultipleChooserPanel), date widgets and choosers write
# inline scripts and style attributes without a nonce, and its image tools use blob: previews;
# this policy holds under ADMIN_URL_PREFIX only (README, "Content-Security-Policy").
ADMIN_URL_PREFIX = "/admin/"
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", UNSAFE_INLINE],
        "style-src": ["'self'", UNSAFE_INLINE],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "media-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
# Pages that show personal data get Cache-Control: no-store (so does every page seen while logged
# in); with or without the /en/ prefix.
PERSONAL_DATA_URL_PREFIXES = ["/my/", "/accounts/", "/status/", "/requests/", ADMIN_URL_PREFIX]
