"""The test suite: fast hashing, in-memory e-mail, no network, media in a throw-away folder."""

import atexit
import shutil
import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import DATABASES, STORAGES

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SILENCED_SYSTEM_CHECKS = ["django_recaptcha.recaptcha_test_key_error"]
RECAPTCHA_PUBLIC_KEY = ""
RECAPTCHA_PRIVATE_KEY = ""
# As in development: links use the address a request came to, whatever the shell exports.
PORTAL_BASE_URL = ""
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"

_media = Path(tempfile.mkdtemp(prefix="oss-test-media-"))
atexit.register(shutil.rmtree, _media, ignore_errors=True)  # each test process cleans up its own
MEDIA_ROOT = _media / "public"
PRIVATE_MEDIA_ROOT = _media / "private"
STORAGES = {
    **STORAGES,
    "private": {
        "BACKEND": "service_requests.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
    },
}
# Signed documents: a throw-away demo CA made in this folder by tests/conftest.py before the
# first test (nothing in the repository).
DEMO_SIGNING_FOLDER = _media / "signing"
SIGNING_CERTIFICATE = str(DEMO_SIGNING_FOLDER / "office-certificate.pem")
SIGNING_KEY = str(DEMO_SIGNING_FOLDER / "office-key.pem")
SIGNING_KEY_PASSWORD = ""
SIGNING_TRUST_ROOTS = str(DEMO_SIGNING_FOLDER / "demo-ca.pem")
SIGNING_TSA_URL = ""
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file rather than Django's shared in-memory database: threads then queue for the write
    # lock as they do in production instead of failing with "database table is locked".
    DATABASES["default"]["TEST"] = {"NAME": str(_media / "test.sqlite3")}
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Off for the suite, whose tests change pages in ways no editor does (straight in the database);
# tests/base/test_page_cache.py turns it on.
ANONYMOUS_PAGE_CACHE = False
# The read replica (base.db_router) as a second connection to the same test database: Django points
# a MIRROR at its original's test database. Off (READ_REPLICA_ALIAS None) unless a test turns it on
# (tests/base/test_db_router.py): on a mirror, a test's uncommitted data is not visible, so only
# transactional tests can read through it.
DATABASES["replica"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
READ_REPLICA_ALIAS = None
