"""The connection: one SQLite file opened, migrated, shared by threads; transactions; the daemon lock.

In: a database path, a Clock, optionally the migrations to apply (tests simulate upgrades), and
read_only (a reader that never writes: the web app).
Out: `Connection`, the base the other store modules build on: `_tx()` (one write transaction,
BEGIN IMMEDIATE .. COMMIT, so a crash leaves the old state or the new), `_one`/`_all` reads,
`now_iso()`, and the one-daemon-per-database lock (`<db>.lock`, an flock held until close()).

One connection per Store, shared by threads and guarded by a lock; WAL lets CLI readers in other
processes read beside the daemon.

A postgresql:// URL instead of a path opens PostgreSQL (pg.py) behind the same methods: the same
schema at the same version numbers, the same SQL through a small dialect layer; the one-daemon
lock is then a session advisory lock, and pragmas() reports the server's settings.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

from monitor.clock import Clock, iso, system_clock
from monitor.errors import MonitorError
from monitor.store.pg import MIGRATE_LOCK, PG_MIGRATIONS, PgConnection, is_postgres_url
from monitor.store.schema import MIGRATIONS, Migration

DEFAULT_DB = Path("snapshots") / "monitor.db"
BUSY_TIMEOUT_S = 10.0
DAEMON_LOCK = 0x706D_6461  # PostgreSQL advisory lock key of the one-daemon lock ("pmda")

_C = TypeVar("_C", bound="Connection")


class Connection:
    """Open (creating and migrating if needed) the database at `path`.

    `migrations` replaces MIGRATIONS (tests use it to simulate an upgrade).
    Safe to share between threads: every call holds one lock, writes are serialised.
    """

    def __init__(
        self,
        path: str | Path = DEFAULT_DB,
        *,
        migrations: Sequence[Migration] | None = None,
        clock: Clock = system_clock,
        read_only: bool = False,
    ) -> None:
        self.postgres = is_postgres_url(path)
        self.path: Any = path if self.postgres else Path(path)  # the URL, for PostgreSQL
        self.clock = clock
        self.read_only = read_only
        if self.postgres:
            self._open_postgres(str(path), len(MIGRATIONS if migrations is None else migrations))
            return
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._lock_fd: int | None = None
        self._known_policies: set[str] = set()  # ids with a committed row in policies
        target = f"{self.path.resolve().as_uri()}?mode=ro" if read_only else str(self.path)
        conn = sqlite3.connect(
            target, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False, uri=read_only
        )
        conn.row_factory = sqlite3.Row
        self._conn = conn
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        if read_only:  # a WAL reader (the web app): never writes, never migrates, never waits for a writer
            known = len(MIGRATIONS if migrations is None else migrations)
            if self._check_version(known) < known:
                raise MonitorError(
                    f"{self.path} has an older schema: run a check or the daemon once to upgrade it"
                )
            return
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        self._migrate(list(MIGRATIONS if migrations is None else migrations))

    def _open_postgres(self, url: str, known: int) -> None:
        self._lock = threading.RLock()
        self._lock_fd = None
        self._pg_locked = False
        self._known_policies = set()
        self._conn = PgConnection(url)  # type: ignore[assignment]
        if self.read_only:
            if self._check_version(known) < known:
                raise MonitorError(
                    "the database has an older schema: run a check or a worker once to upgrade it"
                )
            # the server refuses any write of this session (the web app): reads only, as SQLite's mode=ro
            self._conn.execute("SET default_transaction_read_only = on")
            return
        if self._check_version(known) == known:
            return
        with self._tx() as conn:
            conn.execute(f"SELECT pg_advisory_xact_lock({MIGRATE_LOCK})")  # one process migrates
            current = self._check_version(known)
            for version in range(current + 1, known + 1):
                conn.execute(PG_MIGRATIONS[version - 1])
                conn.execute(
                    "INSERT INTO migrations (version, applied_at) VALUES (?, ?)", (version, self.now_iso())
                )

    # --- plumbing ------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it or none of it. Holds the store's lock throughout."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise
            try:
                self._conn.execute("COMMIT")
            except BaseException:
                # A COMMIT that fails (a full disk) may leave the transaction open, and every later
                # BEGIN would fail with it: end it here, so the next write can succeed.
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._conn.execute(sql, params).fetchall()

    def now_iso(self) -> str:
        """This store's clock, as stored: 2026-11-25T10:00:00Z."""
        return iso(self.clock())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        with self._lock:
            return self._conn.execute(sql, params).fetchone()

    def _migrate(self, migrations: list[Migration]) -> None:
        """Bring the schema up to date. An up-to-date database is only read, so a CLI reader
        opening it never waits for the daemon's write lock."""
        if self._check_version(len(migrations)) == len(migrations):
            return
        import sqlite_utils  # only to migrate: ~40 ms to import, which an up-to-date database never pays

        db = sqlite_utils.Database(self._conn, execute_plugins=False)
        with self._tx() as conn:
            current = self._check_version(len(migrations))  # again: another process may have migrated
            for version in range(current + 1, len(migrations) + 1):
                migrations[version - 1](db)
                conn.execute(
                    "INSERT INTO migrations (version, applied_at) VALUES (?, ?)", (version, self.now_iso())
                )
                conn.execute(f"PRAGMA user_version = {version}")

    def _check_version(self, known: int) -> int:
        if self.postgres:
            # pg_tables through the statement's snapshot: to_regclass() may answer from a catalog
            # cache that has not yet seen another session's migration committed meanwhile
            row = self._conn.execute(
                "SELECT count(*) > 0 FROM pg_tables WHERE schemaname = current_schema()"
                " AND tablename = 'migrations'"
            ).fetchone()
            has_table = row is not None and row[0]
            current = (
                self._conn.execute("SELECT coalesce(max(version), 0) FROM migrations").fetchone()[0]
                if has_table
                else 0
            )
        else:
            current = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if current > known:
            raise MonitorError(f"{self.path} has schema version {current}, newer than this program ({known})")
        return current

    def pragmas(self) -> dict[str, Any]:
        """The connection settings that matter: journal_mode, foreign_keys, synchronous, busy_timeout."""
        if self.postgres:  # the server's settings that matter, and the schema version under the same name
            names = ("server_version", "default_transaction_isolation", "synchronous_commit")
            out: dict[str, Any] = {n: self._one(f"SHOW {n}")[0] for n in names}  # type: ignore[index]
            return {**out, "user_version": self.schema_version}
        names = ("journal_mode", "foreign_keys", "synchronous", "busy_timeout", "user_version")
        return {n: self._one(f"PRAGMA {n}")[0] for n in names}  # type: ignore[index]

    @property
    def schema_version(self) -> int:
        if self.postgres:
            with self._lock:
                return self._check_version(1 << 30)
        return self._one("PRAGMA user_version")[0]  # type: ignore[index]

    def close(self) -> None:
        with self._lock:
            if self._lock_fd is not None:
                os.close(self._lock_fd)  # closing the fd releases the flock
                self._lock_fd = None
            with contextlib.suppress(sqlite3.ProgrammingError):
                self._conn.close()  # PostgreSQL: ends the session, and its advisory locks with it

    def __enter__(self: _C) -> _C:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def acquire_daemon_lock(self) -> None:
        """Take the one-daemon-per-database lock (`<db>.lock`), held until close()."""
        if self.postgres:
            self._pg_daemon_lock()
            return
        if self._lock_fd is not None:
            return
        lock_path = Path(f"{self.path}.lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
            os.close(fd)
            raise MonitorError(f"another daemon is running on {self.path} (pid {holder})") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._lock_fd = fd

    def daemon_running(self) -> bool:
        """Whether a daemon (another Store) holds this database's lock right now."""
        if self.postgres:
            return self._pg_lock_held(DAEMON_LOCK)
        if self._lock_fd is not None:
            return True
        lock_path = Path(f"{self.path}.lock")
        if not lock_path.exists():
            return False
        fd = os.open(lock_path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            return True
        finally:
            os.close(fd)
        return False

    def connection_lost(self) -> bool:
        """Whether the PostgreSQL session is gone (the server restarted, the network failed):
        nothing more can be done through this Store. Always False for SQLite."""
        return bool(self.postgres and (self._conn.raw.closed or self._conn.raw.broken))  # type: ignore[attr-defined]

    def name_session(self, application_name: str) -> None:
        """Name this PostgreSQL session in pg_stat_activity (a worker's: WORKER_SESSION); no-op on SQLite."""
        if self.postgres:
            with self._lock:
                self._conn.execute("SELECT set_config('application_name', ?, false)", (application_name,))

    def _pg_daemon_lock(self) -> None:
        if self._pg_locked:
            return
        if not self._one(f"SELECT pg_try_advisory_lock({DAEMON_LOCK})")[0]:  # type: ignore[index]
            raise MonitorError("another daemon is running on the database")
        self._pg_locked = True

    def _pg_lock_held(self, key: int) -> bool:
        """Whether a session (this one or another) holds the advisory lock `key` now."""
        if key == DAEMON_LOCK and self._pg_locked:
            return True
        row = self._one(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
            " AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1"
            " AND database = (SELECT oid FROM pg_database"
            " WHERE datname = current_database())",
            (key >> 32, key & 0xFFFFFFFF),
        )
        return bool(row and row[0])


def storage_error(e: BaseException) -> str | None:
    """What is wrong with the database's disk, when that is why `e` was raised (a full disk, an
    I/O error, a read-only file system), else None. Such errors pass when space comes back; the
    check that met one stored nothing and is tried again on its schedule."""
    if isinstance(e, sqlite3.OperationalError):
        message = str(e).lower()
        if any(k in message for k in ("disk is full", "disk i/o error", "readonly", "read-only")):
            return str(e)
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS):
        return f"{e.strerror or e}"
    return None
