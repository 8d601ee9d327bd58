"""The snapshot store: every fetch, version, change and pending alert, in one SQLite file (or one
PostgreSQL database shared by many workers: a postgresql:// URL instead of the path).

In: FetchRecords, normalised versions with their clauses, classified Changes and NewAlerts
from the check stage; outbox updates from the alert sender.
Out: what a check needs before fetching, the latest/previous version of a policy, history,
status, due alerts, JSON-lines export.

Only this package speaks SQL (through sqlite-utils over sqlite3, or psycopg through pg.py), one
module per concern:
- connection.py: the connection, transactions, the clock, the one-daemon lock;
- schema.py:     tables and indexes, as migrations applied in order (append, never edit);
- records.py:    the plain dataclasses handed in and out, and their row (de)serialisation;
- versions.py:   policies, fetches, bodies, texts, versions and changes (the check's reads/writes);
- outbox.py:     the alerts outbox;
- queries.py:    read queries over the history (versions, changes, status, export);
- browse.py:     read queries for the web app and API at scale (policy rows, change pages, metrics);
- schedule.py:   the watchlist streamed into `policies`, the due queries of the daemon;
- leases.py:     many workers on one database: policy leases, per-host slots, the leader lock;
- pg.py:         PostgreSQL (a postgresql:// URL instead of a path) behind the same SQL and schema.
`Store` composes them; every write method is one transaction.
"""

from __future__ import annotations

from monitor.models import sha256_hex
from monitor.store.browse import Browse
from monitor.store.connection import DEFAULT_DB, Connection, storage_error
from monitor.store.leases import Leases
from monitor.store.outbox import Outbox
from monitor.store.queries import Queries
from monitor.store.records import (
    CheckState,
    FetchRecord,
    HealthChange,
    NewAlert,
    OutboxAlert,
    PolicyStatus,
    StoredVersion,
)
from monitor.store.schedule import Schedule
from monitor.store.schema import MIGRATIONS
from monitor.store.versions import PolicyVersions, VersionConflict


class Store(PolicyVersions, Schedule, Outbox, Queries, Browse, Leases, Connection):
    """Open (creating and migrating if needed) the database at `path`: Store(path, clock=...);
    `path` may be a postgresql:// URL.

    `migrations` replaces MIGRATIONS (tests use it to simulate an upgrade).
    Safe to share between threads: every call holds one lock, writes are serialised.
    """


__all__ = [
    "DEFAULT_DB",
    "MIGRATIONS",
    "CheckState",
    "FetchRecord",
    "HealthChange",
    "NewAlert",
    "OutboxAlert",
    "PolicyStatus",
    "Store",
    "StoredVersion",
    "VersionConflict",
    "sha256_hex",
    "storage_error",
]
