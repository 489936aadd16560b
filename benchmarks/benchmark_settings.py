"""The production settings as benchmarks/page_benchmark.py serves them on one machine.

Everything production requires comes from the environment the benchmark sets (a throw-away
SECRET_KEY, 127.0.0.1, an SQLite file in a temporary folder, http rather than https since no TLS
proxy is in front). The cache is the process's memory unless BENCHMARK_REDIS_URL names a Redis
database; files go to folders under the temporary folder.
"""

import os

from portal.settings.production import *  # noqa: F403
from portal.settings.production import SQLITE_OPTIONS

DATABASES["default"]["OPTIONS"] = SQLITE_OPTIONS  # noqa: F405 - as the embedded default has them

if os.environ.get("BENCHMARK_REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["BENCHMARK_REDIS_URL"],
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# No TLS proxy in front: the session and CSRF cookies travel over http here.
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
