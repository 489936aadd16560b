"""The production settings as benchmarks/page_benchmark.py serves them on one machine.

Everything production requires comes from the environment the benchmark sets: a throw-away
SECRET_KEY, 127.0.0.1, PostgreSQL through the pool and Redis as the cache (as in production), and
http rather than https since no TLS proxy is in front. The private files stay in a folder on this
machine instead of an S3 bucket: the benchmark measures the portal, not an S3 server.
"""

from portal.settings.base import PRIVATE_MEDIA_ROOT
from portal.settings.production import *  # noqa: F403

STORAGES["private"] = {  # noqa: F405
    "BACKEND": "service_requests.storage.PrivateFileSystemStorage",
    "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
}

# No TLS proxy in front: the session and CSRF cookies travel over http here.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
