"""The database's half of a backup: one dump per engine, and every table's row count.

PostgreSQL: `pg_dump --format=custom` reading the snapshot of the transaction that counts the rows
(`pg_export_snapshot()`), so the counts in the manifest are exactly those of the dump while the
portal keeps running; `pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction` puts it
back (all or nothing). SQLite: the online backup API (a consistent copy of a live database, WAL
included), and the same API the other way round to restore.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection, transaction

POSTGRESQL_BINARIES = Path("/usr/lib/postgresql")


class DatabaseError(Exception):
    """pg_dump or pg_restore failed, or could not be found; the message says what to do."""


def engine():
    """'postgresql' or 'sqlite' (the engines the portal runs on)."""
    if connection.vendor not in {"postgresql", "sqlite"}:
        raise DatabaseError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def dump_name():
    return {"postgresql": "database.dump", "sqlite": "database.sqlite3"}[engine()]


def is_empty():
    """True when the database has no tables at all (a new database before `migrate`)."""
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def dump(path):
    """Write the database to `path`; returns {table: rows} as of the dump."""
    if engine() == "sqlite":
        return _dump_sqlite(path)
    return _dump_postgresql(path)


def restore(path):
    """Replace the database's content with the dump at `path`."""
    if engine() == "sqlite":
        _restore_sqlite(path)
    else:
        _restore_postgresql(path)


def row_counts():
    """{table: rows} of the configured database, named as in dump()'s answer."""
    with connection.cursor() as cursor:
        return _counts(cursor, _tables(cursor))


def _tables(cursor):
    if connection.vendor == "sqlite":
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        return [(None, name) for (name,) in cursor.fetchall()]
    cursor.execute(
        "SELECT schemaname, tablename FROM pg_tables "
        "WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY schemaname, tablename"
    )
    return cursor.fetchall()


def _counts(cursor, tables):
    counts = {}
    for schema, table in tables:
        quoted = _quote(table) if schema is None else f"{_quote(schema)}.{_quote(table)}"
        cursor.execute(f"SELECT COUNT(*) FROM {quoted}")  # noqa: S608 (names from the catalogue, quoted)
        counts[table if schema in {None, "public"} else f"{schema}.{table}"] = cursor.fetchone()[0]
    return counts


def _quote(name):
    return '"' + name.replace('"', '""') + '"'


# SQLite


def _dump_sqlite(path):
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
        # Counted in the copy itself: what the manifest says is what the file holds.
        cursor = target.cursor()
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        return _counts(cursor, [(None, name) for (name,) in cursor.fetchall()])
    finally:
        target.close()


def _restore_sqlite(path):
    connection.ensure_connection()
    source = sqlite3.connect(path)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    connection.close()


# PostgreSQL


def _dump_postgresql(path):
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        # pg_dump takes the snapshot while this transaction is open; the counts read the same one.
        _run("pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={path}")
        return _counts(cursor, _tables(cursor))


def _restore_postgresql(path):
    connection.close()  # holds no lock on the tables pg_restore drops
    _run(
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        str(path),
    )


def _run(program, *arguments):
    settings = connection.settings_dict
    command = [_binary(program), "--no-password", f"--dbname={settings['NAME']}", *arguments]
    if settings.get("HOST"):
        command.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        command.append(f"--port={settings['PORT']}")
    if settings.get("USER"):
        command.append(f"--username={settings['USER']}")
    environment = dict(os.environ)
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    for option, variable in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT")):
        if settings.get("OPTIONS", {}).get(option):
            environment[variable] = str(settings["OPTIONS"][option])
    finished = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)  # noqa: S603
    if finished.returncode != 0:
        raise DatabaseError(f"{program} failed ({finished.returncode}): {finished.stderr.strip()}")


def _binary(program):
    """The client of the server's major version (or the newest newer one), else the one on PATH:
    pg_dump refuses a server newer than itself."""
    connection.ensure_connection()
    server = connection.pg_version // 10000
    installed = sorted(
        (int(match.group(1)), path)
        for path in POSTGRESQL_BINARIES.glob(f"*/bin/{program}")
        if (match := re.fullmatch(r"(\d+)", path.parent.parent.name))
    )
    for version, path in installed:
        if version >= server:
            return str(path)
    found = shutil.which(program)
    if found is None:
        raise DatabaseError(
            f"{program} was not found (looked in {POSTGRESQL_BINARIES}/*/bin and PATH): "
            f"install the PostgreSQL {server} client (Debian: postgresql-client-{server})."
        )
    return found
