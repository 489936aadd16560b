"""Real faults for the tests of base/faults.py: a private storage that cannot be written and a
database that another connection keeps locked. Nothing of ours is patched.

- `unwritable_storage()`: the private storage's folder is replaced by a regular file for the
  duration, so every save fails in the operating system (NotADirectoryError/FileExistsError, as
  root too, where a read-only folder would not stop anyone); the folder comes back afterwards.
- `database_locked(table)`: a second connection holds the write lock. SQLite: `BEGIN IMMEDIATE`
  on the test database's file (readers go on, WAL; writers wait for the busy timeout, lowered
  for the duration, then fail with "database is locked"). PostgreSQL: `LOCK TABLE table IN
  EXCLUSIVE MODE` (reads go on, writes to that table wait), with a short `lock_timeout` on the
  portal's connection. Needs a transactional test (`django_db(transaction=True)`), so that the
  portal's own connection holds no lock of its own.
- `unreachable_redis_url()`: a Redis address on 127.0.0.1 where nothing listens (connection refused,
  as when Redis is stopped or restarting).
- `hung_server()`: a server on 127.0.0.1 that accepts connections and never answers (a Redis that
  hangs, or a network that drops the replies); `.url` and `.connections` (how many were made).
"""

import logging
import shutil
import socket
import sqlite3
import threading
from contextlib import closing, contextmanager
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings
from django.db import connection

import psycopg

WAIT_MILLISECONDS = 200


@contextmanager
def unwritable_storage():
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    aside = root.with_name(root.name + "-aside")
    shutil.rmtree(aside, ignore_errors=True)
    if root.exists():
        root.rename(aside)
    root.write_bytes(b"")  # a file where the folder was
    try:
        yield
    finally:
        root.unlink()
        if aside.exists():
            aside.rename(root)
        else:
            root.mkdir(parents=True)


@contextmanager
def database_locked(table: str):
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        connection.connection.execute(f"PRAGMA busy_timeout = {WAIT_MILLISECONDS}")
        try:
            yield
        finally:
            other.execute("ROLLBACK")
            other.close()
            timeout = int(settings.DATABASES["default"].get("OPTIONS", {}).get("timeout", 5) * 1000)
            connection.connection.execute(f"PRAGMA busy_timeout = {timeout}")
    else:
        params = connection.settings_dict
        other = psycopg.connect(
            dbname=params["NAME"],
            user=params["USER"],
            password=params["PASSWORD"],
            host=params["HOST"],
            port=params["PORT"] or None,
        )
        other.execute(f"LOCK TABLE {table} IN EXCLUSIVE MODE")
        with connection.cursor() as cursor:
            cursor.execute(f"SET lock_timeout = '{WAIT_MILLISECONDS}ms'")
        try:
            yield
        finally:
            other.rollback()
            other.close()
            with connection.cursor() as cursor:
                cursor.execute("RESET lock_timeout")


def fault_records(caplog):
    """The log records of faults base/faults.py logged, each with its traceback."""
    return [
        record
        for record in caplog.records
        if record.name == "base.faults" and record.levelno >= logging.ERROR
    ]


def unreachable_redis_url() -> str:
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


@contextmanager
def hung_server():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.05)
    stopping = threading.Event()
    server = SimpleNamespace(url=f"redis://127.0.0.1:{listener.getsockname()[1]}/0", connections=0)
    held = []

    def accept():
        while not stopping.is_set():
            try:
                connection, _address = listener.accept()
            except TimeoutError:
                continue
            held.append(connection)
            server.connections += 1

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        stopping.set()
        thread.join(timeout=5)
        listener.close()
        for connection in held:
            connection.close()
