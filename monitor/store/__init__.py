"""The snapshot store: every fetch, version, change and pending alert, in one SQLite file.

In: FetchRecords, normalised versions with their clauses, classified Changes and NewAlerts
from the check stage; outbox updates from the alert sender.
Out: the latest/previous version of a policy, validators for conditional GETs, history,
status, due alerts, JSON-lines export.

Only this module speaks SQL (through sqlite-utils over sqlite3). Layout:
- policies: mirrored from the watchlist; removed policies become inactive, history kept;
- fetches: one row per attempt (an unchanged check adds only this row);
- bodies: raw bodies, zlib-compressed (level 1: 3x faster than 6, ~13% larger), once per sha256;
- texts: normalised text + clauses as compact JSON (see _clauses_json), once per distinct text
  sha256 (content-addressed);
- versions: (policy_id, seq) -> text sha; a revert is a new version pointing at an old text;
- changes: one row per Change between consecutive versions, in Change.to_dict() shape;
- alerts: the outbox (pending | delivered | dead | digest | digested), unique alert_id.

Every write method is one transaction (BEGIN IMMEDIATE .. COMMIT), so a crash leaves the old
state or the new. One connection per Store, shared by threads and guarded by a lock; WAL lets
CLI readers in other processes read beside the daemon. The schema is versioned by
PRAGMA user_version and upgraded on open by MIGRATIONS, applied in order.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from monitor.clock import Clock, iso, system_clock
from monitor.errors import MonitorError
from monitor.models import CATEGORIES, SEVERITIES, Change, Clause, PolicyConfig, severity_rank

DEFAULT_DB = Path("snapshots") / "monitor.db"
BUSY_TIMEOUT_S = 10.0



def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


@dataclass
class FetchRecord:
    """One attempt to check a policy.

    outcome: new | changed | unchanged | not_modified | failed | suspect.
    """

    policy_id: str
    started_at: str  # ISO 8601 UTC, e.g. 2026-11-24T06:00:00Z
    outcome: str
    duration_ms: int = 0
    http_status: int | None = None
    bytes: int = 0
    etag: str | None = None
    last_modified: str | None = None
    final_url: str | None = None
    error: str | None = None
    text_sha256: str | None = None  # of the normalised text, when there was one (suspect confirmation)
    body_sha256: str | None = None  # of the raw body, when there was one


@dataclass
class CheckState:
    """A policy's state as a check starts (Store.check_state), read in one go."""

    last: FetchRecord | None = None  # the latest fetch
    validators: tuple[str | None, str | None] = (None, None)  # as last_validators()
    latest_hashes: tuple[str, str | None] | None = None  # as latest_hashes(): (text, body) sha256
    latest_seq: int = 0  # 0: no version yet
    latest_extraction: str | None = None  # as latest_extraction(): None when no version
    consecutive_failures: int = 0


@dataclass
class StoredVersion:
    id: int
    policy_id: str
    seq: int  # 1, 2, 3 ... per policy
    seen_at: str
    text_sha256: str
    body_sha256: str | None
    language: str
    text: str
    clauses: list[Clause]


@dataclass
class NewAlert:
    """An alert to put in the outbox in the same transaction as what raised it."""

    alert_id: str  # stable: e-mail Message-ID and webhook-id derive from it
    route: str
    kind: str  # change | unreachable | recovered | challenge | test
    payload: dict[str, Any]
    status: str = "pending"  # pending, or "digest" to wait for the route's digest


@dataclass
class OutboxAlert:
    id: int
    alert_id: str
    policy_id: str | None
    version_id: int | None
    route: str
    kind: str
    status: str  # pending | delivered | dead | digest | digested
    attempts: int
    next_attempt_at: str
    created_at: str
    payload: dict[str, Any]
    delivered_at: str | None = None
    last_error: str | None = None
    digest_id: int | None = None


@dataclass
class PolicyStatus:
    policy_id: str
    name: str
    url: str
    last_check_at: str | None
    last_outcome: str | None
    last_change_at: str | None
    versions: int
    consecutive_failures: int
    dead_alerts: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


# --- schema and migrations ---------------------------------------------------------------------


_SUCCESS_SQL = "('new', 'changed', 'unchanged', 'not_modified')"


def _migration_1(db: sqlite_utils.Database) -> None:
    """Creates every table and the indexes the CLI and the daemon query by."""
    db["policies"].create(
        {"id": str, "name": str, "url": str, "type": str, "interval_seconds": int, "active": int,
         "added_at": str, "updated_at": str},
        pk="id", not_null=["name", "url", "active"], defaults={"active": 1, "type": "privacy"},
    )
    db["bodies"].create(
        {"sha256": str, "content_type": str, "size": int, "data": bytes},
        pk="sha256", not_null=["data", "size"],
    )
    db["texts"].create(
        {"sha256": str, "text": str, "clauses": str, "clause_count": int},
        pk="sha256", not_null=["text", "clauses", "clause_count"],
    )
    db["fetches"].create(
        {"id": int, "policy_id": str, "started_at": str, "outcome": str, "http_status": int,
         "duration_ms": int, "bytes": int, "etag": str, "last_modified": str, "final_url": str,
         "error": str, "text_sha256": str, "body_sha256": str, "version_id": int},
        pk="id", not_null=["policy_id", "started_at", "outcome"],
        foreign_keys=[("policy_id", "policies", "id")],
    )
    db["versions"].create(
        {"id": int, "policy_id": str, "seq": int, "seen_at": str, "text_sha256": str,
         "body_sha256": str, "language": str, "clause_count": int, "fetch_id": int, "extraction": str},
        pk="id", not_null=["policy_id", "seq", "seen_at", "text_sha256", "clause_count"],
        foreign_keys=[("policy_id", "policies", "id"), ("text_sha256", "texts", "sha256"),
                      ("body_sha256", "bodies", "sha256"), ("fetch_id", "fetches", "id")],
    )
    db["changes"].create(
        {"id": int, "version_id": int, "position": int, "kind": str, "material": int, "severity": str,
         "categories": str, "old_index": int, "new_index": int, "old_section": str,
         "new_section": str, "old_text": str, "new_text": str, "inline": str, "facts": str,
         "explanation": str},
        pk="id", not_null=["version_id", "position", "kind", "material", "severity"],
        foreign_keys=[("version_id", "versions", "id")],
    )
    db["alerts"].create(
        {"id": int, "alert_id": str, "policy_id": str, "version_id": int, "route": str, "kind": str,
         "status": str, "attempts": int, "next_attempt_at": str, "created_at": str,
         "delivered_at": str, "last_error": str, "payload": str, "digest_id": int},
        pk="id", not_null=["alert_id", "route", "kind", "status", "attempts", "next_attempt_at",
                           "created_at", "payload"],
        defaults={"attempts": 0},
        foreign_keys=[("version_id", "versions", "id")],
    )
    db["migrations"].create({"version": int, "applied_at": str}, pk="version")
    db["fetches"].create_index(["policy_id", "id"], index_name="fetches_policy_id")
    db["fetches"].create_index(["policy_id", "started_at"], index_name="fetches_policy_time")
    # last_validators walks only the fetches that can carry validators, so a site without ETag
    # or Last-Modified does not make it scan every check since the last version
    db.execute(
        "CREATE INDEX fetches_validators ON fetches (policy_id, id) WHERE outcome IN"
        f" {_SUCCESS_SQL} AND (etag IS NOT NULL OR last_modified IS NOT NULL)"
    )
    db["versions"].create_index(["policy_id", "seq"], index_name="versions_policy_seq", unique=True)
    db["versions"].create_index(["text_sha256"], index_name="versions_text")
    db["changes"].create_index(["version_id", "position"], index_name="changes_version", unique=True)
    db["alerts"].create_index(["alert_id"], index_name="alerts_alert_id", unique=True)
    db["alerts"].create_index(["status", "next_attempt_at"], index_name="alerts_status_due")
    db["alerts"].create_index(["route", "status"], index_name="alerts_route_status")
    db["alerts"].create_index(["policy_id", "status"], index_name="alerts_policy_status")


Migration = Callable[[sqlite_utils.Database], None]
# MIGRATIONS[i] brings the schema from user_version i to i + 1. Append, never edit.
MIGRATIONS: list[Migration] = [_migration_1]


# --- (de)serialising the plain dataclasses -----------------------------------------------------


def _clauses_json(clauses: Sequence[Clause]) -> str:
    """Clauses as compact JSON: {"sections": [[...], ...], "clauses": [[text, section_ref, marker,
    language, is_heading], ...]}. The index is the position (segment numbers clauses 0, 1, 2 ..),
    section_ref points into "sections" (-1: none) and the key is not stored: it is
    segment.clause_key(text), recomputed on load. Half the size of a list of dicts, half the time."""
    refs: dict[tuple[str, ...], int] = {}
    rows = []
    positional = True
    for i, c in enumerate(clauses):
        ref = refs.setdefault(c.section, len(refs)) if c.section else -1
        rows.append([c.text, ref, c.marker, c.language, 1 if c.is_heading else 0])
        positional = positional and c.index == i
    data: dict[str, Any] = {"sections": [list(s) for s in refs], "clauses": rows}
    if not positional:  # never from segment; kept so that no caller's numbering is lost
        data["indices"] = [c.index for c in clauses]
    return _dumps(data)


def _clauses_from_json(raw: str) -> list[Clause]:
    """Back from _clauses_json, or from the older list of dicts (key stored, index explicit)."""
    data = json.loads(raw)
    if isinstance(data, list):
        return [_clause_from_dict(d) for d in data]
    from monitor.engine.segment import clause_key

    sections = [tuple(s) for s in data["sections"]]
    indices = data.get("indices") or range(len(data["clauses"]))
    return [
        Clause(index=indices[i], text=text, section=sections[ref] if ref >= 0 else (), marker=marker,
               key=clause_key(text), language=language, is_heading=bool(heading))
        for i, (text, ref, marker, language, heading) in enumerate(data["clauses"])
    ]


def _clause_to_dict(c: Clause) -> dict[str, Any]:
    """One clause as export() writes it."""
    return {"index": c.index, "text": c.text, "section": list(c.section), "marker": c.marker,
            "language": c.language, "is_heading": c.is_heading}


def _clause_from_dict(d: dict[str, Any]) -> Clause:
    return Clause(
        index=d["index"], text=d["text"], section=tuple(d.get("section", ())), marker=d.get("marker"),
        key=d.get("key", ""), language=d.get("language", "und"), is_heading=d.get("is_heading", False),
    )


def _dumps(value: Any) -> str:
    # allow_nan=False and no default= so that a bad value fails the whole transaction
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _change_row(version_id: int, position: int, change: Change) -> tuple[Any, ...]:
    d = change.to_dict()
    old, new = d["old"], d["new"]
    return (
        version_id, position, d["kind"], int(bool(d["material"])), d["severity"], _dumps(d["categories"]),
        old["index"] if old else None, new["index"] if new else None,
        old["section"] if old else None, new["section"] if new else None,
        old["text"] if old else None, new["text"] if new else None,
        _dumps(d["inline"]) if "inline" in d else None, _dumps(d["facts"]), d["explanation"],
    )


def _change_dict(row: sqlite3.Row) -> dict[str, Any]:
    """Back to the shape Change.to_dict() gave."""

    def side(which: str) -> dict[str, Any] | None:
        if row[f"{which}_index"] is None:
            return None
        return {"index": row[f"{which}_index"], "section": row[f"{which}_section"],
                "text": row[f"{which}_text"]}

    out: dict[str, Any] = {
        "kind": row["kind"], "material": bool(row["material"]), "severity": row["severity"],
        "categories": json.loads(row["categories"] or "[]"), "old": side("old"), "new": side("new"),
    }
    if row["inline"] is not None:
        out["inline"] = json.loads(row["inline"])
    out["facts"] = json.loads(row["facts"] or "[]")
    out["explanation"] = row["explanation"] or ""
    return out


def _fetch_from_row(row: sqlite3.Row) -> FetchRecord:
    return FetchRecord(
        policy_id=row["policy_id"], started_at=row["started_at"], outcome=row["outcome"],
        duration_ms=row["duration_ms"] or 0, http_status=row["http_status"], bytes=row["bytes"] or 0,
        etag=row["etag"], last_modified=row["last_modified"], final_url=row["final_url"],
        error=row["error"], text_sha256=row["text_sha256"], body_sha256=row["body_sha256"],
    )


def _alert_from_row(row: sqlite3.Row) -> OutboxAlert:
    return OutboxAlert(
        id=row["id"], alert_id=row["alert_id"], policy_id=row["policy_id"], version_id=row["version_id"],
        route=row["route"], kind=row["kind"], status=row["status"], attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"], created_at=row["created_at"],
        payload=json.loads(row["payload"]), delivered_at=row["delivered_at"],
        last_error=row["last_error"], digest_id=row["digest_id"],
    )


def _summary(rows: Iterable[sqlite3.Row]) -> dict[str, Any]:
    """Counts per kind, material categories, material flag, max severity of one version's changes."""
    counts = {k: 0 for k in ("added", "removed", "modified", "moved")}
    cats: set[str] = set()
    material = False
    top = 0
    for r in rows:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
        if r["material"]:
            material = True
            top = max(top, severity_rank(r["severity"]))
            cats.update(json.loads(r["categories"] or "[]"))
    order = {c: i for i, c in enumerate(CATEGORIES)}
    return {**counts, "material": material, "max_severity": SEVERITIES[top],
            "categories": sorted(cats, key=lambda c: (order.get(c, len(order)), c))}


_FETCH_INSERT = (
    "INSERT INTO fetches (policy_id, started_at, outcome, http_status, duration_ms, bytes, etag,"
    " last_modified, final_url, error, text_sha256, body_sha256, version_id)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_ALERT_INSERT = (
    "INSERT OR IGNORE INTO alerts (alert_id, policy_id, version_id, route, kind, status, attempts,"
    " next_attempt_at, created_at, payload) VALUES (?,?,?,?,?,?,0,?,?,?)"
)
_CHANGE_INSERT = (
    "INSERT INTO changes (version_id, position, kind, material, severity, categories, old_index,"
    " new_index, old_section, new_section, old_text, new_text, inline, facts, explanation)"
    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
)
_VERSION_SELECT = (
    "SELECT v.id, v.policy_id, v.seq, v.seen_at, v.text_sha256, v.body_sha256, v.language,"
    " t.text, t.clauses FROM versions v JOIN texts t ON t.sha256 = v.text_sha256"
)


# Store.check_state: the latest fetch, the latest version and the validators as one row. Each
# part is its own ORDER BY .. LIMIT 1 on an index, as in last_fetch, latest_hashes, last_validators.
_CHECK_STATE_SELECT = (
    "SELECT f.*, v.text_sha256 AS v_text_sha256, v.body_sha256 AS v_body_sha256, v.seq AS v_seq,"
    " coalesce(v.extraction, '') AS v_extraction, val.etag AS val_etag,"
    " val.last_modified AS val_last_modified"
    " FROM (SELECT 1) AS one"
    " LEFT JOIN (SELECT * FROM fetches WHERE policy_id = ?1 ORDER BY id DESC LIMIT 1) AS f"
    " LEFT JOIN (SELECT text_sha256, body_sha256, seq, extraction FROM versions WHERE policy_id = ?1"
    "  ORDER BY seq DESC LIMIT 1) AS v"
    " LEFT JOIN (SELECT etag, last_modified FROM fetches WHERE policy_id = ?1"
    f"  AND outcome IN {_SUCCESS_SQL} AND (etag IS NOT NULL OR last_modified IS NOT NULL)"
    "  AND id >= (SELECT coalesce(max(fetch_id), 0) FROM versions WHERE policy_id = ?1)"
    "  ORDER BY id DESC LIMIT 1) AS val"
)


class Store:
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
    ) -> None:
        self.path = Path(path)
        self.clock = clock
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        self._lock_fd: int | None = None
        self._known_policies: set[str] = set()  # ids with a committed row in policies
        self._known_policies_loaded = False
        conn = sqlite3.connect(
            str(self.path), timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        conn.row_factory = sqlite3.Row
        self._conn = conn
        self._db = sqlite_utils.Database(conn, execute_plugins=False)
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        self._migrate(list(MIGRATIONS if migrations is None else migrations))

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
            self._conn.execute("COMMIT")

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
        with self._tx() as conn:
            current = self._check_version(len(migrations))  # again: another process may have migrated
            for version in range(current + 1, len(migrations) + 1):
                migrations[version - 1](self._db)
                conn.execute(
                    "INSERT INTO migrations (version, applied_at) VALUES (?, ?)", (version, self.now_iso())
                )
                conn.execute(f"PRAGMA user_version = {version}")

    def _check_version(self, known: int) -> int:
        current = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if current > known:
            raise MonitorError(f"{self.path} has schema version {current}, newer than this program ({known})")
        return current

    def pragmas(self) -> dict[str, Any]:
        """The connection settings that matter: journal_mode, foreign_keys, synchronous, busy_timeout."""
        names = ("journal_mode", "foreign_keys", "synchronous", "busy_timeout", "user_version")
        return {n: self._one(f"PRAGMA {n}")[0] for n in names}  # type: ignore[index]

    @property
    def schema_version(self) -> int:
        return self._one("PRAGMA user_version")[0]  # type: ignore[index]

    def close(self) -> None:
        with self._lock:
            if self._lock_fd is not None:
                os.close(self._lock_fd)  # closing the fd releases the flock
                self._lock_fd = None
            with contextlib.suppress(sqlite3.ProgrammingError):
                self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def acquire_daemon_lock(self) -> None:
        """Take the one-daemon-per-database lock (`<db>.lock`), held until close()."""
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

    # --- policies ------------------------------------------------------------------------------

    def sync_policies(self, policies: Iterable[PolicyConfig]) -> None:
        """Mirror the watchlist: upsert every policy as active; the others become inactive."""
        now = self.now_iso()
        rows = [(p.id, p.name, p.url, p.type, p.interval_seconds, now, now) for p in policies]
        with self._tx() as conn:
            conn.execute("UPDATE policies SET active = 0 WHERE active = 1")
            conn.executemany(
                "INSERT INTO policies (id, name, url, type, interval_seconds, active, added_at, updated_at)"
                " VALUES (?,?,?,?,?,1,?,?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
                " url = excluded.url, type = excluded.type, interval_seconds = excluded.interval_seconds,"
                " active = 1, updated_at = excluded.updated_at",
                rows,
            )

    def policies(self, include_inactive: bool = False) -> list[dict[str, Any]]:
        where = "" if include_inactive else " WHERE active = 1"
        rows = self._all(f"SELECT * FROM policies{where} ORDER BY id")
        return [{**dict(r), "active": bool(r["active"])} for r in rows]

    def _ensure_policy(self, conn: sqlite3.Connection, policy_id: str) -> None:
        """A fetch for a policy not (yet) synced must not be lost to a foreign-key error."""
        # Policy rows are never deleted, so one known to exist (synced, or written by this Store after
        # its commit) needs no statement. Unknown ids are looked up once, all together.
        if self._known_policies_loaded is False:
            self._known_policies.update(r[0] for r in conn.execute("SELECT id FROM policies"))
            self._known_policies_loaded = True
        if policy_id in self._known_policies:
            return
        conn.execute(
            "INSERT OR IGNORE INTO policies (id, name, url, active, added_at) VALUES (?, ?, '', 1, ?)",
            (policy_id, policy_id, self.now_iso()),
        )

    # --- reads for the check stage -------------------------------------------------------------

    def _version_from_row(self, row: sqlite3.Row | None) -> StoredVersion | None:
        if row is None:
            return None
        return StoredVersion(
            id=row["id"], policy_id=row["policy_id"], seq=row["seq"], seen_at=row["seen_at"],
            text_sha256=row["text_sha256"], body_sha256=row["body_sha256"], language=row["language"],
            text=row["text"], clauses=_clauses_from_json(row["clauses"]),
        )

    def latest_version(self, policy_id: str) -> StoredVersion | None:
        row = self._one(f"{_VERSION_SELECT} WHERE v.policy_id = ? ORDER BY v.seq DESC LIMIT 1", (policy_id,))
        return self._version_from_row(row)

    def version(self, policy_id: str, seq: int) -> StoredVersion | None:
        row = self._one(f"{_VERSION_SELECT} WHERE v.policy_id = ? AND v.seq = ?", (policy_id, seq))
        return self._version_from_row(row)

    def latest_hashes(self, policy_id: str) -> tuple[str, str | None] | None:
        """(text_sha256, body_sha256) of the latest version, without loading text or clauses."""
        row = self._one(
            "SELECT text_sha256, body_sha256 FROM versions WHERE policy_id = ? ORDER BY seq DESC LIMIT 1",
            (policy_id,),
        )
        return (row[0], row[1]) if row else None

    def latest_extraction(self, policy_id: str) -> str | None:
        """The select/remove settings the latest version was extracted with; None: no version."""
        row = self._one(
            "SELECT coalesce(extraction, '') FROM versions WHERE policy_id = ? ORDER BY seq DESC LIMIT 1",
            (policy_id,),
        )
        return row[0] if row else None

    def set_latest_extraction(self, policy_id: str, extraction: str) -> None:
        """The latest version's text came out the same under new select/remove settings."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE versions SET extraction = ? WHERE id = (SELECT id FROM versions WHERE policy_id = ?"
                " ORDER BY seq DESC LIMIT 1)",
                (extraction, policy_id),
            )

    def last_validators(self, policy_id: str) -> tuple[str | None, str | None]:
        """(etag, last_modified) to send on the next conditional GET, or (None, None).

        Only from a successful fetch since the one that produced the current version, never
        from a failed or suspect fetch, so a 304 can only confirm the content we hold.
        """
        row = self._one(
            "SELECT etag, last_modified FROM fetches WHERE policy_id = ?1"
            f" AND outcome IN {_SUCCESS_SQL} AND (etag IS NOT NULL OR last_modified IS NOT NULL)"
            " AND id >= (SELECT coalesce(max(fetch_id), 0) FROM versions WHERE policy_id = ?1)"
            " ORDER BY id DESC LIMIT 1",
            (policy_id,),
        )
        return (row[0], row[1]) if row else (None, None)

    def check_state(self, policy_id: str) -> CheckState:
        """What a check needs to know before fetching, in one query (two after a failed fetch):
        the last fetch, the validators, the latest version's hashes, seq and extraction."""
        row = self._one(_CHECK_STATE_SELECT, (policy_id,))
        last = _fetch_from_row(row) if row is not None and row["outcome"] is not None else None
        state = CheckState(last=last)
        if row is not None and row["v_seq"] is not None:
            state.latest_hashes = (row["v_text_sha256"], row["v_body_sha256"])
            state.latest_seq, state.latest_extraction = row["v_seq"], row["v_extraction"]
        if row is not None and (row["val_etag"] is not None or row["val_last_modified"] is not None):
            state.validators = (row["val_etag"], row["val_last_modified"])
        if last is not None and last.outcome == "failed":  # otherwise the run of failures is 0 long
            state.consecutive_failures = self.consecutive_failures(policy_id)
        return state

    def last_fetch(self, policy_id: str) -> FetchRecord | None:
        row = self._one("SELECT * FROM fetches WHERE policy_id = ? ORDER BY id DESC LIMIT 1", (policy_id,))
        return _fetch_from_row(row) if row else None

    def consecutive_failures(self, policy_id: str) -> int:
        """How many of the latest fetches in a row failed (any other outcome ends the run)."""
        # ORDER BY .. LIMIT 1 walks the (policy_id, id) index back to the last success and stops
        row = self._one(
            "SELECT count(*) FROM fetches WHERE policy_id = ?1 AND outcome = 'failed' AND id > coalesce(("
            "SELECT id FROM fetches WHERE policy_id = ?1 AND outcome != 'failed' ORDER BY id DESC LIMIT 1"
            "), 0)",
            (policy_id,),
        )
        return row[0] if row else 0

    def last_checked_at(self) -> dict[str, str]:
        """{policy_id: started_at of its latest fetch}, for the scheduler to resume."""
        rows = self._all(
            "SELECT p.id, (SELECT max(started_at) FROM fetches f WHERE f.policy_id = p.id) FROM policies p"
        )
        return {r[0]: r[1] for r in rows if r[1] is not None}

    # --- writes, one transaction each ----------------------------------------------------------

    @staticmethod
    def _insert_fetch(conn: sqlite3.Connection, f: FetchRecord, version_id: int | None = None) -> int:
        cur = conn.execute(
            _FETCH_INSERT,
            (f.policy_id, f.started_at, f.outcome, f.http_status, f.duration_ms, f.bytes, f.etag,
             f.last_modified, f.final_url, f.error, f.text_sha256, f.body_sha256, version_id),
        )
        return cur.lastrowid  # type: ignore[return-value]

    def _insert_alerts(
        self,
        conn: sqlite3.Connection, alerts: Sequence[NewAlert], policy_id: str | None, version_id: int | None
    ) -> list[int]:
        """Insert into the outbox; an alert_id already there is left as it is. Returns row ids."""
        now = self.now_iso()
        ids = []
        for a in alerts:
            conn.execute(
                _ALERT_INSERT,
                (a.alert_id, policy_id, version_id, a.route, a.kind, a.status, now, now, _dumps(a.payload)),
            )
            ids.append(conn.execute("SELECT id FROM alerts WHERE alert_id = ?", (a.alert_id,)).fetchone()[0])
        return ids

    def record_fetch(self, fetch: FetchRecord, alerts: Sequence[NewAlert] = ()) -> int:
        """Record an attempt that made no version (unchanged, not_modified, failed, suspect)."""
        with self._tx() as conn:
            self._ensure_policy(conn, fetch.policy_id)
            fetch_id = self._insert_fetch(conn, fetch)
            if alerts:
                self._insert_alerts(conn, alerts, fetch.policy_id, None)
        self._known_policies.add(fetch.policy_id)
        return fetch_id

    def record_version(
        self,
        fetch: FetchRecord,
        *,
        body: bytes,
        content_type: str | None,
        text: str,
        language: str,
        clauses: Sequence[Clause],
        changes: Sequence[Change],
        alerts: Sequence[NewAlert] = (),
        extraction: str = "",
    ) -> StoredVersion:
        """Record a fetch that produced a new version, with its changes and alerts, atomically.

        `extraction` names the select/remove settings the text was extracted with ("" for none).

        The body and the text are stored once per distinct hash; `fetch.text_sha256` and
        `fetch.body_sha256` are set from the data given.
        """
        body_sha = sha256_hex(body)
        text_sha = sha256_hex(text)
        fetch.body_sha256, fetch.text_sha256 = body_sha, text_sha
        clauses_json = _clauses_json(clauses)
        # Compressed before the write lock is taken (a new version's body is nearly always new too),
        # so that parallel checkers wait less for each other.
        packed = zlib.compress(body, 1)
        with self._tx() as conn:
            self._ensure_policy(conn, fetch.policy_id)
            latest = conn.execute(
                "SELECT id, seq, seen_at, text_sha256, body_sha256, language FROM versions"
                " WHERE policy_id = ? ORDER BY seq DESC LIMIT 1",
                (fetch.policy_id,),
            ).fetchone()
            if latest is not None and latest["text_sha256"] == text_sha:
                # Another checker (a CLI `check` beside the daemon) recorded this text first.
                fetch.outcome = "unchanged"
                self._insert_fetch(conn, fetch)
                return StoredVersion(
                    id=latest["id"], policy_id=fetch.policy_id, seq=latest["seq"], seen_at=latest["seen_at"],
                    text_sha256=text_sha, body_sha256=latest["body_sha256"], language=latest["language"],
                    text=text, clauses=list(clauses),
                )
            # the latest seq is the highest: the versions_policy_seq index is walked from the top
            seq = latest["seq"] + 1 if latest is not None else 1
            conn.execute(
                "INSERT OR IGNORE INTO bodies (sha256, content_type, size, data) VALUES (?,?,?,?)",
                (body_sha, content_type, len(body), packed),
            )
            conn.execute(
                "INSERT OR IGNORE INTO texts (sha256, text, clauses, clause_count) VALUES (?,?,?,?)",
                (text_sha, text, clauses_json, len(clauses)),
            )
            fetch_id = self._insert_fetch(conn, fetch)
            version_id = conn.execute(
                "INSERT INTO versions (policy_id, seq, seen_at, text_sha256, body_sha256, language,"
                " clause_count, fetch_id, extraction) VALUES (?,?,?,?,?,?,?,?,?)",
                (fetch.policy_id, seq, fetch.started_at, text_sha, body_sha, language, len(clauses),
                 fetch_id, extraction),
            ).lastrowid
            conn.execute("UPDATE fetches SET version_id = ? WHERE id = ?", (version_id, fetch_id))
            if changes:
                rows = [_change_row(version_id, i, c) for i, c in enumerate(changes)]
                conn.executemany(_CHANGE_INSERT, rows)
            if alerts:
                self._insert_alerts(conn, alerts, fetch.policy_id, version_id)
        self._known_policies.add(fetch.policy_id)
        return StoredVersion(
            id=version_id, policy_id=fetch.policy_id, seq=seq, seen_at=fetch.started_at,  # type: ignore[arg-type]
            text_sha256=text_sha, body_sha256=body_sha, language=language, text=text, clauses=list(clauses),
        )

    def body(self, sha256: str) -> tuple[bytes, str | None] | None:
        """The raw body with that hash and its content type, decompressed."""
        row = self._one("SELECT data, content_type FROM bodies WHERE sha256 = ?", (sha256,))
        return (zlib.decompress(row[0]), row[1]) if row else None

    # --- history and reporting -----------------------------------------------------------------

    def versions(self, policy_id: str) -> list[dict[str, Any]]:
        """Every version of a policy, oldest first, with a summary of its changes."""
        vrows = self._all(
            "SELECT id, seq, seen_at, text_sha256, body_sha256, language, clause_count FROM versions"
            " WHERE policy_id = ? ORDER BY seq",
            (policy_id,),
        )
        crows = self._all(
            "SELECT c.version_id, c.kind, c.material, c.severity, c.categories FROM changes c"
            " JOIN versions v ON v.id = c.version_id WHERE v.policy_id = ?",
            (policy_id,),
        )
        by_version: dict[int, list[sqlite3.Row]] = {}
        for c in crows:
            by_version.setdefault(c["version_id"], []).append(c)
        return [
            {"id": v["id"], "seq": v["seq"], "seen_at": v["seen_at"], "sha": v["text_sha256"],
             "body_sha256": v["body_sha256"], "language": v["language"], "clause_count": v["clause_count"],
             "summary": _summary(by_version.get(v["id"], []))}
            for v in vrows
        ]

    def changes_of(self, version_id: int) -> list[dict[str, Any]]:
        """The changes that led to a version, as Change.to_dict() gave them, in order."""
        rows = self._all("SELECT * FROM changes WHERE version_id = ? ORDER BY position", (version_id,))
        return [_change_dict(r) for r in rows]

    def status(self, include_inactive: bool = False) -> list[PolicyStatus]:
        """Per policy: last check and outcome, last change, versions, failures, dead alerts."""
        where = "" if include_inactive else " WHERE p.active = 1"
        rows = self._all(
            "SELECT p.id, p.name, p.url, p.type, p.active,"
            " f.started_at AS last_check_at, f.outcome, f.http_status, f.error,"
            " (SELECT count(*) FROM versions v WHERE v.policy_id = p.id) AS n_versions,"
            " (SELECT max(seen_at) FROM versions v WHERE v.policy_id = p.id AND v.seq > 1) AS last_change_at,"
            " (SELECT count(*) FROM alerts a WHERE a.policy_id = p.id AND a.status = 'dead') AS dead"
            " FROM policies p LEFT JOIN fetches f"
            " ON f.id = (SELECT max(id) FROM fetches WHERE policy_id = p.id)"
            f"{where} ORDER BY p.id"
        )
        return [
            PolicyStatus(
                policy_id=r["id"], name=r["name"], url=r["url"], last_check_at=r["last_check_at"],
                last_outcome=r["outcome"], last_change_at=r["last_change_at"], versions=r["n_versions"],
                consecutive_failures=self.consecutive_failures(r["id"]), dead_alerts=r["dead"],
                extra={"type": r["type"], "active": bool(r["active"]), "http_status": r["http_status"],
                       "error": r["error"]},
            )
            for r in rows
        ]

    def export(self, include_text: bool = True) -> Iterator[dict[str, Any]]:
        """JSON-able records, by policy id then seq: each version, then the changes that led to it."""
        policy_ids = [r[0] for r in self._all("SELECT DISTINCT policy_id FROM versions ORDER BY policy_id")]
        for pid in policy_ids:
            vrows = self._all(
                "SELECT v.*, t.text, t.clauses FROM versions v JOIN texts t ON t.sha256 = v.text_sha256"
                " WHERE v.policy_id = ? ORDER BY v.seq",
                (pid,),
            )
            for v in vrows:
                rec: dict[str, Any] = {
                    "type": "version", "policy_id": pid, "seq": v["seq"], "seen_at": v["seen_at"],
                    "sha256": v["text_sha256"], "body_sha256": v["body_sha256"], "language": v["language"],
                    "clause_count": v["clause_count"],
                }
                if include_text:
                    rec["text"] = v["text"]
                    rec["clauses"] = [_clause_to_dict(c) for c in _clauses_from_json(v["clauses"])]
                yield rec
                for pos, ch in enumerate(self.changes_of(v["id"])):
                    yield {"type": "change", "policy_id": pid, "seq": v["seq"], "position": pos, **ch}

    # --- the alerts outbox ---------------------------------------------------------------------

    def add_alerts(
        self, alerts: Sequence[NewAlert], policy_id: str | None = None, version_id: int | None = None
    ) -> list[int]:
        """Put alerts (tests, digests) in the outbox in one transaction; returns their row ids.

        An alert_id already in the outbox is not inserted again; its existing row id is returned.
        """
        with self._tx() as conn:
            return self._insert_alerts(conn, alerts, policy_id, version_id)

    def get_alert(self, id: int) -> OutboxAlert | None:
        row = self._one("SELECT * FROM alerts WHERE id = ?", (id,))
        return _alert_from_row(row) if row else None

    def list_alerts(self, status: str | None = None, route: str | None = None) -> list[OutboxAlert]:
        sql, params = "SELECT * FROM alerts WHERE 1 = 1", []
        if status is not None:
            sql, params = sql + " AND status = ?", [*params, status]
        if route is not None:
            sql, params = sql + " AND route = ?", [*params, route]
        return [_alert_from_row(r) for r in self._all(sql + " ORDER BY id", params)]

    def alert_counts(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self._all("SELECT status, count(*) FROM alerts GROUP BY status")}

    def due_alerts(self, now: str, limit: int = 100) -> list[OutboxAlert]:
        rows = self._all(
            "SELECT * FROM alerts WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
            (now, limit),
        )
        return [_alert_from_row(r) for r in rows]

    def mark_alert_delivered(self, id: int, at: str) -> None:
        with self._tx() as conn:
            conn.execute(
                "UPDATE alerts SET status = 'delivered', delivered_at = ?, attempts = attempts + 1,"
                " last_error = NULL WHERE id = ?",
                (at, id),
            )

    def mark_alert_failed(self, id: int, error: str, next_attempt_at: str, dead: bool) -> None:
        with self._tx() as conn:
            conn.execute(
                "UPDATE alerts SET status = ?, last_error = ?, next_attempt_at = ?, attempts = attempts + 1"
                " WHERE id = ?",
                ("dead" if dead else "pending", error[:2000], next_attempt_at, id),
            )

    def digest_alerts(self, route: str, until: str) -> list[OutboxAlert]:
        """Alerts of a route waiting for its digest, created before `until`, oldest first."""
        rows = self._all(
            "SELECT * FROM alerts WHERE route = ? AND status = 'digest' AND created_at < ? ORDER BY id",
            (route, until),
        )
        return [_alert_from_row(r) for r in rows]

    def add_digest(self, digest: NewAlert, part_ids: Sequence[int]) -> int:
        """Put a digest in the outbox and mark its parts digested, in one transaction."""
        with self._tx() as conn:
            (digest_id,) = self._insert_alerts(conn, [digest], None, None)
            self._mark_digested(conn, part_ids, digest_id)
            return digest_id

    @staticmethod
    def _mark_digested(conn: sqlite3.Connection, ids: Sequence[int], into_alert_id: int) -> None:
        conn.executemany(
            "UPDATE alerts SET status = 'digested', digest_id = ? WHERE id = ? AND status = 'digest'",
            [(into_alert_id, i) for i in ids],
        )


__all__ = [
    "DEFAULT_DB", "MIGRATIONS", "CheckState", "FetchRecord", "NewAlert", "OutboxAlert", "PolicyStatus",
    "Store", "StoredVersion", "sha256_hex",
]
