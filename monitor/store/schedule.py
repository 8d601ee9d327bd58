"""Scheduling from the store: the watchlist streamed into `policies`, and the due queries.

In: policies handed one at a time by the watchlist's validator (PolicyStaging.add), the clock.
Out: the policies table mirroring the watchlist (with each policy's entry as `config` JSON and its
`next_check_at`), the due policies as ScheduledPolicy rows, the next check written after each one.

A watchlist of a million policies is never held in memory: its entries are staged in temporary
tables (the primary key finds an id used twice, with the line that used it first) and, once the
whole watchlist is valid, applied in one transaction; a load that fails leaves the store as it was.
Finding due work is one range on the partial index `policies_due` (migration 6), LIMITed, so it
costs the same with ten policies or a million. Times are ISO UTC strings, as every stored time.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from typing import Any, NamedTuple

from monitor.clock import iso
from monitor.config.sources import Stamp
from monitor.models import PolicyConfig
from monitor.store.connection import Connection
from monitor.store.queries import RETRY_STREAK_SQL
from monitor.store.versions import _rename_policy

__all__ = [
    "Conflict",
    "FirstChecks",
    "PolicyStaging",
    "Schedule",
    "ScheduledPolicy",
    "SyncCounts",
    "config_json",
    "policy_from_config",
    "spread_fraction",
]

STAGE_BATCH = 5000  # rows per staging write
LOOKUP_BATCH = 500  # ids per IN (...) when a batch held a duplicate: under SQLite's 999 parameters
PLAN_BATCH = 5000

_TUPLES = ("remove", "alert", "previous_ids")
_STAGING_TABLES = (
    # keyed by id alone (WITHOUT ROWID: one b-tree); `staged` numbers the entries in their order
    "CREATE TEMP TABLE IF NOT EXISTS staged_policies (id TEXT PRIMARY KEY, name TEXT, url TEXT,"
    " type TEXT, interval_seconds INTEGER, config TEXT, source INTEGER, line INTEGER, id_line INTEGER,"
    " staged INTEGER, spread REAL) WITHOUT ROWID",
    "CREATE TEMP TABLE IF NOT EXISTS staged_moves (old TEXT, id TEXT, source INTEGER, line INTEGER,"
    " field TEXT)",
)
_DUE_SQL = (
    "SELECT id, config, interval_seconds, next_check_at FROM policies INDEXED BY policies_due"
    " WHERE active = 1 AND next_check_at <= ? ORDER BY next_check_at LIMIT ?"
)
_UPSERT_STAGED = (
    "INSERT INTO policies (id, name, url, type, interval_seconds, active, added_at, updated_at, config)"
    " SELECT id, name, url, type, interval_seconds, 1, ?1, ?1, config FROM temp.staged_policies"
    " WHERE id IN (SELECT id FROM policies)"  # the new ones come next, with their first check
    " ON CONFLICT(id) DO UPDATE SET name = excluded.name, url = excluded.url, type = excluded.type,"
    " interval_seconds = excluded.interval_seconds, config = excluded.config, active = 1,"
    " updated_at = excluded.updated_at,"
    # a policy back in the list, or on a new interval, is planned again (Schedule.plan)
    " next_check_at = CASE WHEN policies.active = 0 OR policies.interval_seconds IS NOT"
    " excluded.interval_seconds THEN NULL ELSE policies.next_check_at END"
    # only rows that change are rewritten (`config` holds name, url, type and interval too)
    " WHERE policies.active = 0 OR policies.config IS NOT excluded.config"
    " OR policies.interval_seconds IS NOT excluded.interval_seconds"
)
# a policy the store has never seen has no check to plan from: its first check is written with
# its row, rather than planned by a second pass that would rewrite every row of a first start
_INSERT_NEW = (
    "INSERT INTO policies (id, name, url, type, interval_seconds, active, added_at, updated_at, config,"
    " next_check_at) SELECT id, name, url, type, interval_seconds, 1, ?1, ?1, config,"
    " CASE WHEN ?2 IS NOT NULL THEN strftime('%Y-%m-%dT%H:%M:%SZ',"
    " CAST(?2 + min(coalesce(?4, interval_seconds), ?3) * spread AS INTEGER), 'unixepoch') END"
    " FROM temp.staged_policies WHERE id NOT IN (SELECT id FROM policies)"
)


_ENCODE = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False).encode


def spread_fraction(policy_id: str) -> float:
    """A stable number in [0, 1) from the id: where in a window its checks fall, so restarts
    spread the same way every time (monitor.watch.scheduler.spread_offset)."""
    return int.from_bytes(hashlib.blake2b(policy_id.encode(), digest_size=8).digest(), "big") / 2**64


class FirstChecks(NamedTuple):
    """When a policy new to the store is first checked: `start` (epoch seconds) plus its spread
    fraction of a window, its interval (`interval` instead when set: a test override) but at most
    `cap` seconds; floored to the second, as stored times are."""

    start: float
    cap: float
    interval: float | None = None


def config_json(policy: PolicyConfig) -> str:
    """The policy's watchlist entry as compact JSON (lists for its tuples), what `config` holds."""
    # vars() holds the fields in their declared order (asdict is 4x slower)
    return _ENCODE(vars(policy))


def policy_from_config(text: str) -> PolicyConfig:
    """The PolicyConfig that config_json wrote."""
    values: dict[str, Any] = json.loads(text)
    for key in _TUPLES:
        values[key] = tuple(values.get(key) or ())
    return PolicyConfig(**values)


class ScheduledPolicy(NamedTuple):
    """A due policy as the daemon takes it: its id, its entry (None for a row no watchlist wrote)."""

    id: str
    config: str | None
    interval_seconds: int | None
    next_check_at: str | None


class SyncCounts(NamedTuple):
    """What applying a staged watchlist did."""

    policies: int
    added: int
    removed: int
    rescheduled: int


class Conflict(NamedTuple):
    """An entry the watchlist may not hold, found once every entry was staged.
    kind "duplicate": `policy_id` is already the id of the entry at first_source:first_line;
    kind "moved": `policy_id`, one of its previous_ids, is an id or another entry's previous id."""

    kind: str
    source: str
    line: int
    field: str
    policy_id: str
    first_source: str | None = None
    first_line: int | None = None


class PolicyStaging:
    """The entries of one watchlist load, written to temporary tables in batches.

    Each batch is one INSERT OR IGNORE into the table keyed by id (its only index): an id used
    twice is ignored there, and only a batch that lost rows is looked at again to say which ones
    and where their id was first used."""

    def __init__(self, conn: sqlite3.Connection, lock: threading.RLock, *, owned: bool = False) -> None:
        self._conn, self._lock, self._owned = conn, lock, owned
        self.sources: list[str] = []
        self._source_index: dict[str, int] = {}
        # buffered: each entry's row (its order last), the field of its id ("id", "policies[3].id"), its moves
        self._rows: list[tuple[tuple[Any, ...], str, list[tuple[Any, ...]]]] = []
        self.duplicates: list[Conflict] = []
        self.count = 0
        self._order = 0
        with lock:
            for sql in _STAGING_TABLES:
                conn.execute(sql)
            conn.execute("DELETE FROM temp.staged_policies")
            conn.execute("DELETE FROM temp.staged_moves")

    @classmethod
    def scratch(cls) -> PolicyStaging:
        """A staging area in a database of its own, for checking a watchlist of any size without a
        store (`validate`): SQLite's private temporary file, deleted on close(); a few MB of cache."""
        conn = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        return cls(conn, threading.RLock(), owned=True)

    def close(self) -> None:
        """Close a scratch area's database (a store's staging area has nothing to close)."""
        if self._owned:
            self._conn.close()

    def add(self, policy: PolicyConfig, source: str, line: int, id_line: int, field: str) -> None:
        """Stage one valid entry; `field` is its place in a YAML list ("policies[3]"), "" for a row."""
        index = self._source_index.setdefault(source, len(self.sources))
        if index == len(self.sources):
            self.sources.append(source)
        at = f"{field}." if field else ""
        self._order += 1
        row = (
            policy.id,
            policy.name,
            policy.url,
            policy.type,
            policy.interval_seconds,
            config_json(policy),
            index,
            line,
            id_line,
            self._order,
            spread_fraction(policy.id),
        )
        moves = [(old, policy.id, index, line, f"{at}previous_ids") for old in policy.previous_ids]
        self._rows.append((row, f"{at}id", moves))
        if len(self._rows) >= STAGE_BATCH:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        buffered, self._rows = self._rows, []
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN")  # temporary tables only: the database itself stays unlocked
            try:
                inserted = conn.executemany(
                    "INSERT OR IGNORE INTO temp.staged_policies VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [r[0] for r in buffered],
                ).rowcount
                refused = self._refused(buffered) if inserted < len(buffered) else set()
                conn.executemany(
                    "INSERT INTO temp.staged_moves VALUES (?,?,?,?,?)",
                    [m for row, _, moves in buffered if row[9] not in refused for m in moves],
                )
                self.count += inserted
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

    def _refused(self, buffered: list[tuple[tuple[Any, ...], str, list[tuple[Any, ...]]]]) -> set[int]:
        """The entries of a batch that INSERT OR IGNORE left out (their id was staged first by
        another), each noted as a duplicate; their order numbers."""
        first: dict[str, tuple[int, int, int]] = {}
        ids = list({r[0][0] for r in buffered})
        for start in range(0, len(ids), LOOKUP_BATCH):
            chunk = ids[start : start + LOOKUP_BATCH]
            first.update(
                (r[0], (r[1], r[2], r[3]))
                for r in self._conn.execute(
                    "SELECT id, source, line, staged FROM temp.staged_policies"
                    f" WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            )
        refused: set[int] = set()
        for row, field, _ in buffered:
            source, line, order = first[row[0]]
            if order != row[9]:
                self.duplicates.append(
                    Conflict(
                        "duplicate", self.sources[row[6]], row[8], field, row[0], self.sources[source], line
                    )
                )
                refused.add(row[9])
        return refused

    def conflicts(self) -> Iterator[Conflict]:
        """Every id used twice, then every previous id that is still an id or was already moved
        by an earlier entry (one history cannot move to two policies)."""
        self._flush()
        yield from self.duplicates
        with self._lock:
            rows = self._conn.execute(
                "SELECT m.old, m.source, m.line, m.field FROM temp.staged_moves m"
                " WHERE m.old IN (SELECT id FROM temp.staged_policies)"
                " OR m.rowid NOT IN (SELECT min(rowid) FROM temp.staged_moves GROUP BY old) ORDER BY m.rowid"
            ).fetchall()
        for old, source, line, field in rows:
            yield Conflict("moved", self.sources[source], line, field, old)

    def discard(self) -> None:
        """Forget what was staged (the load failed)."""
        self._rows = []
        with self._lock:
            self._conn.execute("DELETE FROM temp.staged_policies")
            self._conn.execute("DELETE FROM temp.staged_moves")


class Schedule(Connection):
    """The policies' schedule: the staged watchlist applied, the due rows, the next check."""

    def staging(self) -> PolicyStaging:
        """An empty staging area for one watchlist load (the previous one is discarded)."""
        return PolicyStaging(self._conn, self._lock)

    def apply_staged(
        self,
        staging: PolicyStaging,
        *,
        watchlist: str | None = None,
        stamps: Mapping[str, Stamp] | None = None,
        first_checks: FirstChecks | None = None,
    ) -> SyncCounts:
        """Mirror the staged watchlist in one transaction: previous ids hand their history over,
        staged policies become (or stay) active with their entry, the others become inactive.
        `watchlist` (its resolved path) and the `stamps` of what was read are kept beside it.
        With `first_checks`, a policy new to the store is written with its first check (what
        `plan` would give it, worked out in SQL); without, new policies are left for `plan`."""
        staging._flush()
        now = self.now_iso()
        with self._tx() as conn:
            conn.execute("DELETE FROM watchlist_state")
            if watchlist is not None and stamps is not None:
                conn.execute(
                    "INSERT INTO watchlist_state (id, path, stamps, synced_at) VALUES (1, ?, ?, ?)",
                    (watchlist, json.dumps(dict(stamps)), now),
                )
            moves = conn.execute("SELECT old, id FROM temp.staged_moves ORDER BY rowid").fetchall()
            for old, new in moves:
                if _rename_policy(conn, old, new):
                    self._known_policies.discard(old)
            added, rescheduled = conn.execute(
                "SELECT coalesce(sum(p.id IS NULL OR p.active = 0), 0), coalesce(sum(p.active = 1 AND"
                " p.interval_seconds IS NOT s.interval_seconds), 0) FROM temp.staged_policies s"
                " LEFT JOIN policies p ON p.id = s.id"
            ).fetchone()
            removed = conn.execute(
                "UPDATE policies SET active = 0 WHERE active = 1 AND id NOT IN (SELECT id FROM"
                " temp.staged_policies)"
            ).rowcount
            conn.execute(_UPSERT_STAGED, (now,))
            conn.execute(_INSERT_NEW, (now, *(first_checks or (None, None, None))))
            conn.execute("DELETE FROM temp.staged_policies")
            conn.execute("DELETE FROM temp.staged_moves")
        return SyncCounts(staging.count, added, removed, rescheduled)

    def mirrored_sources(self, watchlist: str) -> dict[str, Stamp] | None:
        """The stamps of the files the policies table mirrors, when it mirrors `watchlist` (its
        resolved path) whole; None otherwise."""
        row = self._one("SELECT path, stamps FROM watchlist_state WHERE id = 1")
        if row is None or row[0] != watchlist:
            return None
        return {k: tuple(v) if v is not None else None for k, v in json.loads(row[1]).items()}

    def plan(
        self,
        now: datetime,
        first_run: Callable[[str, int, str | None, int], datetime],
        *,
        overdue: bool = False,
    ) -> int:
        """Give every active policy without a next check one: first_run(id, interval, last check,
        failures in a row). With `overdue`, also those whose next check has passed (a restart
        spreads them rather than checking them all at once). Returns how many were planned."""
        cutoff = iso(now)
        where = "next_check_at IS NULL OR next_check_at < ?" if overdue else "next_check_at IS NULL"
        params: tuple[Any, ...] = (cutoff,) if overdue else ()
        planned = 0
        while True:
            rows = self._all(
                f"SELECT p.id, p.interval_seconds, p.next_check_at IS NULL,"
                f" (SELECT max(started_at) FROM fetches f WHERE f.policy_id = p.id), ({RETRY_STREAK_SQL})"
                f" FROM policies p INDEXED BY policies_due WHERE p.active = 1 AND ({where})"
                f" LIMIT {PLAN_BATCH}",
                params,
            )
            if not rows:
                return planned
            # an overdue policy is spread like a never-checked one: now + its offset
            updates = [
                (iso(first_run(pid, interval or 0, last if never else None, streak or 0)), pid)
                for pid, interval, never, last, streak in rows
            ]
            with self._tx() as conn:
                conn.executemany("UPDATE policies SET next_check_at = ? WHERE id = ?", updates)
            planned += len(rows)

    def due_policies(self, now: datetime, limit: int) -> list[ScheduledPolicy]:
        """At most `limit` active policies whose next check is now or past, the most overdue first."""
        return [ScheduledPolicy(*r) for r in self._all(_DUE_SQL, (iso(now), limit))]

    def set_next_check(self, policy_id: str, at: datetime) -> None:
        with self._tx() as conn:
            conn.execute("UPDATE policies SET next_check_at = ? WHERE id = ?", (iso(at), policy_id))

    def retry_streak(self, policy_id: str) -> int:
        """How many of the policy's latest checks in a row failed or were suspect."""
        row = self._one(f"SELECT ({RETRY_STREAK_SQL}) FROM (SELECT ? AS id) AS p", (policy_id,))
        return int(row[0]) if row else 0

    def active_count(self) -> int:
        row = self._one("SELECT count(*) FROM policies INDEXED BY policies_due WHERE active = 1")
        return int(row[0]) if row else 0

    def schedule_ends(self, first: int = 5) -> tuple[list[tuple[str, str]], tuple[str, str] | None]:
        """The `first` next checks (id, time) and the last one planned, for the start-up log."""
        head = self._all(
            "SELECT id, next_check_at FROM policies INDEXED BY policies_due WHERE active = 1"
            " AND next_check_at IS NOT NULL ORDER BY next_check_at LIMIT ?",
            (first,),
        )
        tail = self._one(
            "SELECT id, next_check_at FROM policies INDEXED BY policies_due WHERE active = 1"
            " AND next_check_at IS NOT NULL ORDER BY next_check_at DESC LIMIT 1"
        )
        return [(r[0], r[1]) for r in head], (tail[0], tail[1]) if tail else None


def explain_due(conn: sqlite3.Connection) -> list[str]:
    """The query plan of the due query (tests: it must walk policies_due)."""
    return [r[-1] for r in conn.execute(f"EXPLAIN QUERY PLAN {_DUE_SQL}", ("2026-01-01T00:00:00Z", 10))]
