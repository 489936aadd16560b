"""Reads that may come from a read replica, and only those.

When DATABASE_REPLICA_URL is set, settings configure a second database alias, `replica` (a
PostgreSQL streaming replica of the primary), and READ_REPLICA_ALIAS names it. Reads go there only
inside `reading_from_replica()`, and outside any transaction on the primary: the summary report and its exports, and the officers' list exports
(CSV, XLSX), which read many rows and can be a second or two behind. Everything else reads the
primary, so that a user always reads their own writes (the applicant's pages, the officers' process
pages, sessions, log-ins). Writes and migrations always go to the primary.

Without a replica, `reading_from_replica()` changes nothing: every query goes to `default`.
"""

import functools
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

_reading_from_replica = ContextVar("reading_from_replica", default=False)


def replica_alias() -> str:
    """The alias reads go to inside reading_from_replica(): the replica when one is configured."""
    return getattr(settings, "READ_REPLICA_ALIAS", None) or DEFAULT_DB_ALIAS


@contextmanager
def reading_from_replica():
    """Inside it, the reads the router decides go to the replica (when one is configured)."""
    token = _reading_from_replica.set(True)
    try:
        yield
    finally:
        _reading_from_replica.reset(token)


def replica_reads(function):
    """The decorator form of reading_from_replica()."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with reading_from_replica():
            return function(*args, **kwargs)

    return wrapper


def replica_stream(iterable):
    """A generator (a streamed CSV) read from the replica while the response is sent, after the view
    has returned."""
    iterator = iter(iterable)
    while True:
        with reading_from_replica():
            try:
                item = next(iterator)
            except StopIteration:
                return
        yield item


class ReplicaRouter:
    """settings.DATABASE_ROUTERS: reads inside reading_from_replica() to the replica; writes and
    migrations to the primary; relations across both (they hold the same data)."""

    def db_for_read(self, model, **hints):
        # Inside a transaction on the primary (an action recording the export), reads stay with it:
        # they may lock rows (select_for_update), which a read-only replica refuses.
        if _reading_from_replica.get() and not connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return replica_alias()
        # Outside: Django's own choice, i.e. the database the related instance came from (a request
        # read from the replica fetches its history from there too), else the primary.
        return None

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS
