"""Settings: production refuses to start half-configured; the database is the one configured."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import OperationalError, connection, connections, transaction
from django.db.utils import load_backend

import dj_database_url
import pytest

from portal.settings import base
from service_requests.upload_limits import proxy_body_limit_megabytes

PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "a-long-random-production-secret",
    "CITIZEN_ID_HASH_KEY": "another-long-random-secret-never-rotated",
    "ALLOWED_HOSTS": "oss.example.go.th",
    "DATABASE_URL": "postgres://oss:password@127.0.0.1:5432/oss",
    "RECAPTCHA_PUBLIC_KEY": "public-key",
    "RECAPTCHA_PRIVATE_KEY": "private-key",
    "PORTAL_BASE_URL": "https://oss.example.go.th/",
    "TRUSTED_PROXY_COUNT": "1",
    "REDIS_URL": "redis://127.0.0.1:6379/5",
    "AWS_STORAGE_BUCKET_NAME": "oss-private",
    # The demo certificate tests/conftest.py makes before the first test.
    "SIGNING_CERTIFICATE": settings.SIGNING_CERTIFICATE,
    "SIGNING_KEY": settings.SIGNING_KEY,
}
LOAD_SETTINGS = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DEBUG, settings.ALLOWED_HOSTS, settings.DATABASES['default']['ENGINE'], "
    "settings.TRUSTED_PROXY_COUNT, settings.PORTAL_BASE_URL, settings.WAGTAILADMIN_BASE_URL)"
)


def load_production_settings(environment):
    """Start Python with only the given variables (plus PATH) and load the production settings."""
    clean_environment = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        **environment,
    }
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", LOAD_SETTINGS],
        cwd=settings.BASE_DIR,
        env=clean_environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_load_when_every_required_variable_is_set():
    result = load_production_settings(PRODUCTION_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    assert "False ['oss.example.go.th'] django.db.backends.postgresql" in result.stdout


def test_production_links_start_with_the_portals_public_address():
    """One variable: the printouts', QR codes' and e-mails' address, and Wagtail's own."""
    result = load_production_settings(PRODUCTION_ENVIRONMENT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["https://oss.example.go.th", "https://oss.example.go.th"]


@pytest.mark.parametrize(
    "address",
    ["oss.example.go.th", "https:///status/", "ftp://oss.example.go.th", "https://oss.example.go.th/oss"],
)
def test_production_settings_refuse_a_base_url_that_is_not_an_address(address):
    result = load_production_settings({**PRODUCTION_ENVIRONMENT, "PORTAL_BASE_URL": address})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "PORTAL_BASE_URL" in result.stderr


@pytest.mark.parametrize(("written", "count"), [("0", "0"), ("2", "2")])
def test_production_takes_the_proxy_count_as_stated_zero_included(written, count):
    result = load_production_settings({**PRODUCTION_ENVIRONMENT, "TRUSTED_PROXY_COUNT": written})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-3] == count


@pytest.mark.parametrize("written", ["one", "-1", "1.5"])
def test_production_refuses_a_proxy_count_that_is_not_a_count(written):
    result = load_production_settings({**PRODUCTION_ENVIRONMENT, "TRUSTED_PROXY_COUNT": written})
    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT" in result.stderr


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENVIRONMENT))
def test_production_settings_refuse_to_load_without_a_required_variable(missing):
    environment = {name: value for name, value in PRODUCTION_ENVIRONMENT.items() if name != missing}
    result = load_production_settings(environment)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_settings_refuse_a_blank_variable():
    result = load_production_settings({**PRODUCTION_ENVIRONMENT, "SECRET_KEY": "   "})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


@pytest.mark.django_db
def test_the_database_is_the_one_database_url_names():
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        expected = dj_database_url.parse(url)
        assert connection.vendor == "postgresql"
        assert connection.settings_dict["HOST"] == expected["HOST"]
        assert connection.settings_dict["PORT"] == expected["PORT"]
        assert connection.settings_dict["USER"] == expected["USER"]
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            assert cursor.fetchone()[0]
    else:
        assert connection.vendor == "sqlite"
        assert connection.transaction_mode == "IMMEDIATE"


@pytest.fixture
def sqlite_file_connections(tmp_path, monkeypatch):
    """Two connections to one SQLite file, configured as the portal configures SQLite (no
    DATABASE_URL); the test suite's own SQLite database lives in memory, where WAL cannot apply."""
    monkeypatch.delenv("DATABASE_URL", raising=False)
    configured = base.database_from_environment()
    assert configured["ENGINE"] == "django.db.backends.sqlite3"
    path = tmp_path / "portal.sqlite3"
    impatient = {**configured["OPTIONS"], "timeout": 0.2}
    wrappers = []
    for alias, options in (("sqlite_first", configured["OPTIONS"]), ("sqlite_second", impatient)):
        settings_dict = connections.configure_settings(
            {"default": {**configured, "NAME": path, "OPTIONS": options}}
        )
        wrapper = load_backend(configured["ENGINE"]).DatabaseWrapper(settings_dict["default"], alias)
        connections[alias] = wrapper  # not in settings.DATABASES: Django's test isolation allows it
        wrappers.append(wrapper)
    yield wrappers
    for wrapper in wrappers:
        wrapper.close()
        del connections[wrapper.alias]


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode(sqlite_file_connections):
    first, _second = sqlite_file_connections
    with first.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA foreign_keys")
        assert cursor.fetchone()[0] == 1


@pytest.mark.django_db
def test_sqlite_transactions_take_the_write_lock_at_once(sqlite_file_connections):
    """IMMEDIATE: a transaction that has only read still holds the write lock, so a second
    writer waits (here: gives up after its short timeout) instead of failing half-way later."""
    first, second = sqlite_file_connections
    with first.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (value integer)")
    assert first.transaction_mode == "IMMEDIATE"
    with transaction.atomic(using="sqlite_first"):
        with first.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM counter")
        with pytest.raises(OperationalError, match="locked"), second.cursor() as cursor:
            cursor.execute("INSERT INTO counter VALUES (1)")


@pytest.mark.django_db
def test_sqlite_readers_are_not_blocked_by_a_writer(sqlite_file_connections):
    first, second = sqlite_file_connections
    with first.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (value integer)")
        cursor.execute("INSERT INTO counter VALUES (1)")
    with transaction.atomic(using="sqlite_first"):
        with first.cursor() as cursor:
            cursor.execute("INSERT INTO counter VALUES (2)")
        with second.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM counter")
            assert cursor.fetchone()[0] == 1


def run_with_production_settings(code_or_args, environment=PRODUCTION_ENVIRONMENT):
    arguments = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, *arguments],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", ""),
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            **environment,
        },
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_the_deployment_check_finds_nothing_in_the_production_settings():
    environment = {
        **PRODUCTION_ENVIRONMENT,
        "SECRET_KEY": "k7Qz-2vXp9LmN4rT8wYb6HcJ3sFd1GaE5uKo0iPq7ZxVnB-w8Rj2Ly",
    }
    result = run_with_production_settings(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"], environment
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_uses_a_connection_pool_redis_s3_and_whitenoise():
    result = run_with_production_settings(
        "import django; django.setup(); from django.conf import settings as s; "
        "d = s.DATABASES['default']; "
        "print(d['OPTIONS']['pool']['max_size'], d['CONN_MAX_AGE'], s.CACHES['default']['BACKEND'], "
        "s.STORAGES['private']['BACKEND'], s.STORAGES['staticfiles']['BACKEND'], "
        "'whitenoise.middleware.WhiteNoiseMiddleware' in s.MIDDLEWARE)",
        {**PRODUCTION_ENVIRONMENT, "DB_POOL_MAX_SIZE": "3"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "3",
        "0",
        "base.redis_cache.PortalRedisCache",
        "service_requests.storage.PrivateS3Storage",
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "True",
    ]


def test_production_adds_a_read_replica_with_the_same_pool_when_one_is_given():
    program = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(sorted(s.DATABASES), s.READ_REPLICA_ALIAS, s.DATABASE_ROUTERS); "
        "r = s.DATABASES.get('replica'); "
        "print(r and (r['HOST'], r['NAME'], r['OPTIONS']['pool'] == s.DATABASES['default']['OPTIONS']['pool'], "
        "r['CONN_MAX_AGE']))"
    )
    without = run_with_production_settings(program, PRODUCTION_ENVIRONMENT)
    replica = run_with_production_settings(
        program,
        {**PRODUCTION_ENVIRONMENT, "DATABASE_REPLICA_URL": "postgres://oss:password@10.0.0.9:5432/oss"},
    )
    assert without.returncode == replica.returncode == 0, without.stderr + replica.stderr
    assert without.stdout.splitlines() == ["['default'] None ['base.db_router.ReplicaRouter']", "None"]
    assert replica.stdout.splitlines() == [
        "['default', 'replica'] replica ['base.db_router.ReplicaRouter']",
        "('10.0.0.9', 'oss', True, 0)",
    ]


def test_production_can_keep_the_editors_public_files_in_the_bucket_too():
    program = (
        "import django; django.setup(); from django.core.files.storage import storages; "
        "d = storages['default']; print(type(d).__name__, *[getattr(d, name, '-') for name in "
        "('bucket_name', 'location', 'querystring_auth')])"
    )
    on_disk = run_with_production_settings(program, PRODUCTION_ENVIRONMENT)
    in_bucket = run_with_production_settings(program, {**PRODUCTION_ENVIRONMENT, "PUBLIC_MEDIA_S3": "true"})
    assert on_disk.returncode == 0, on_disk.stderr
    assert on_disk.stdout.split()[0] == "FileSystemStorage"
    assert in_bucket.returncode == 0, in_bucket.stderr
    assert in_bucket.stdout.split() == ["S3Storage", "oss-private", "public", "False"]


def test_the_production_body_limit_is_the_largest_form_the_portal_takes():
    """Django's limit, nginx's client_max_body_size (the same REQUEST_BODY_MAX_MB) and the forms'."""
    result = run_with_production_settings(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATA_UPLOAD_MAX_MEMORY_SIZE)"
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == proxy_body_limit_megabytes() * 1024 * 1024
    nginx_site = (settings.BASE_DIR / "deploy/nginx/oss-portal.conf").read_text()
    assert "client_max_body_size ${REQUEST_BODY_MAX_MB}m;" in nginx_site
    assert "\nREQUEST_BODY_MAX_MB=21\n" in (settings.BASE_DIR / ".env.example").read_text()


ENVIRONMENT_READ = re.compile(
    r"""(?:os\.environ\.get|os\.getenv|required_env)\(\s*["']([A-Z][A-Z0-9_]+)["']|os\.environ\[["']([A-Z][A-Z0-9_]+)["']\]"""
)


def test_env_example_names_every_environment_variable_the_portal_reads():
    """An office's IT person fills in .env.example: what the settings, gunicorn.conf.py and the
    apps read from the environment is all there (benchmarks, scripts and tests aside)."""
    root = Path(settings.BASE_DIR)
    skipped = {".venv", "tests", "benchmarks", "scripts", "node_modules", "staticfiles"}
    sources = [
        path
        for path in root.rglob("*.py")
        if not skipped & set(path.relative_to(root).parts) and not path.name.startswith(".")
    ]
    read = {
        name
        for path in sources
        for match in ENVIRONMENT_READ.finditer(path.read_text(encoding="utf-8"))
        for name in match.groups()
        if name
    }
    assert {"SECRET_KEY", "GUNICORN_WORKERS", "PORTAL_VERSION"} <= read  # the scan finds them
    listed = set(re.findall(r"\b[A-Z][A-Z0-9_]+\b", (root / ".env.example").read_text(encoding="utf-8")))
    assert sorted(read - listed) == []
