"""Policies, fetches and versions: what a check reads before fetching and writes after.

In: PolicyConfigs from the watchlist (sync_policies); FetchRecords, bodies, texts, clauses,
Changes and NewAlerts from the check stage (record_fetch, record_version, one transaction each;
record_quiet_fetches, many rows that change nothing in one).
Out: CheckState (what a check needs to know, in one query), StoredVersions, validators for
conditional GETs, raw bodies.

Layout: policies are mirrored from the watchlist (removed ones become inactive, history kept);
fetches: one row per attempt (an unchanged check adds only this row); bodies: raw bodies,
deflated in zlib's format (ISA-L's level 1 through `isal` where installed: ~4x faster than
zlib's level 1 and no larger; else zlib's level 1; zlib.decompress reads either), once per
sha256; texts: normalised text + clauses as compact JSON, once per distinct text sha256;
versions: (policy_id, seq) -> text sha (a revert is a new version pointing at an old text);
changes: one row per Change between consecutive versions.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import zlib
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from monitor.errors import MonitorError
from monitor.models import Change, Clause, PolicyConfig, sha256_hex
from monitor.store.connection import Connection
from monitor.store.outbox import insert_alerts
from monitor.store.records import (
    CheckState,
    FetchRecord,
    HealthChange,
    NewAlert,
    StoredVersion,
    change_row,
    clauses_from_json,
    clauses_json,
    fetch_from_row,
)
from monitor.store.schema import SUCCESS_SQL

try:  # the same zlib format as zlib.compress, in a quarter of its CPU (a first check stores every body)
    from isal.isal_zlib import compress as _deflate
except ImportError:  # pragma: no cover - isal has wheels for the usual platforms
    from zlib import compress as _deflate

log = logging.getLogger(__name__)
KNOWN_POLICIES_MAX = 4096  # ids remembered as present in `policies` (then forgotten, looked up again)


class VersionConflict(MonitorError):
    """Another checker (the daemon beside a `check`) recorded a version of the policy after this
    check compared its page with the latest one: its changes, and its alerts' version number,
    describe the step from a version that is no longer the latest. Nothing was written; compare
    the page with the new latest version and record again."""

    def __init__(self, policy_id: str, base_seq: int, latest_seq: int) -> None:
        super().__init__(f"{policy_id}: compared with v{base_seq}, but v{latest_seq} was recorded meanwhile")
        self.policy_id, self.base_seq, self.latest_seq = policy_id, base_seq, latest_seq


_FETCH_INSERT = (
    "INSERT INTO fetches (policy_id, started_at, outcome, http_status, duration_ms, bytes, etag,"
    " last_modified, final_url, error, text_sha256, body_sha256, version_id, rendered,"
    " fetch_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
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
# part is its own ORDER BY .. LIMIT 1 on an index, walked from the top.
# The validators come only from a successful fetch since the one that produced the current
# version, never from a failed or suspect fetch, so a 304 can only confirm the content we hold.
_CHECK_STATE_SELECT = (
    "SELECT f.*, v.text_sha256 AS v_text_sha256, v.body_sha256 AS v_body_sha256, v.seq AS v_seq,"
    " coalesce(v.extraction, '') AS v_extraction, val.etag AS val_etag,"
    " val.last_modified AS val_last_modified, (SELECT health FROM policies WHERE id = ?1) AS p_health"
    " FROM (SELECT 1) AS one"
    " LEFT JOIN (SELECT * FROM fetches WHERE policy_id = ?1 ORDER BY id DESC LIMIT 1) AS f"
    " LEFT JOIN (SELECT text_sha256, body_sha256, seq, extraction FROM versions WHERE policy_id = ?1"
    "  ORDER BY seq DESC LIMIT 1) AS v"
    " LEFT JOIN (SELECT etag, last_modified FROM fetches WHERE policy_id = ?1"
    f"  AND outcome IN {SUCCESS_SQL} AND (etag IS NOT NULL OR last_modified IS NOT NULL)"
    "  AND id >= (SELECT coalesce(max(fetch_id), 0) FROM versions WHERE policy_id = ?1)"
    "  ORDER BY id DESC LIMIT 1) AS val"
)

# How many of a policy's latest fetches in a row failed (any other outcome ends the run).
# ORDER BY .. LIMIT 1 walks the (policy_id, id) index back to the last success and stops.
CONSECUTIVE_FAILURES_SQL = (
    "SELECT count(*) FROM fetches WHERE policy_id = ?1 AND outcome = 'failed' AND id > coalesce(("
    "SELECT id FROM fetches WHERE policy_id = ?1 AND outcome != 'failed' ORDER BY id DESC LIMIT 1"
    "), 0)"
)


# The fetches of one policy (?1) older than ?2 that prune_fetches may delete: not the latest, not
# one a version was made from, not the first or last of a run of failures.
_PRUNE_FETCHES = (
    "DELETE FROM fetches WHERE id IN (SELECT id FROM (SELECT id, started_at, outcome, version_id,"
    " lag(outcome) OVER w AS prev, lead(outcome) OVER w AS next"
    " FROM fetches WHERE policy_id = ?1 WINDOW w AS (ORDER BY id))"
    " WHERE started_at < ?2 AND version_id IS NULL AND next IS NOT NULL"
    " AND id NOT IN (SELECT fetch_id FROM versions WHERE policy_id = ?1 AND fetch_id IS NOT NULL)"
    # the row whose validators are in force (later unchanged checks store them only when new)
    " AND id IS NOT (SELECT max(id) FROM fetches WHERE policy_id = ?1"
    f"  AND outcome IN {SUCCESS_SQL} AND (etag IS NOT NULL OR last_modified IS NOT NULL))"
    " AND NOT (outcome = 'failed' AND (prev IS NULL OR prev != 'failed' OR next != 'failed')))"
)


class PolicyVersions(Connection):
    """The policies, fetches and versions tables (see the module docstring)."""

    # --- policies ------------------------------------------------------------------------------

    def sync_policies(self, policies: Iterable[PolicyConfig]) -> list[tuple[str, str]]:
        """Mirror the watchlist: upsert every policy as active; the others become inactive. A
        policy's `previous_ids` found in the store hand it their history first (renames), in the
        same transaction. Returns the (old, new) ids renamed."""
        policies = list(policies)
        now = self.now_iso()
        rows = [(p.id, p.name, p.url, p.type, p.interval_seconds, now, now) for p in policies]
        with self._tx() as conn:
            renamed = [
                (old, p.id) for p in policies for old in p.previous_ids if _rename_policy(conn, old, p.id)
            ]
            for old, _ in renamed:
                self._known_policies.discard(old)
            conn.execute("UPDATE policies SET active = 0 WHERE active = 1")
            with contextlib.suppress(sqlite3.OperationalError):  # no such table before migration 7
                conn.execute("DELETE FROM watchlist_state")  # the daemon's mirror is no longer whole
            conn.executemany(
                "INSERT INTO policies (id, name, url, type, interval_seconds, active, added_at, updated_at)"
                " VALUES (?,?,?,?,?,1,?,?) ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
                " url = excluded.url, type = excluded.type, interval_seconds = excluded.interval_seconds,"
                " active = 1, updated_at = excluded.updated_at",
                rows,
            )
        return renamed

    def policies(self, include_inactive: bool = False) -> list[dict[str, Any]]:
        where = "" if include_inactive else " WHERE active = 1"
        rows = self._all(f"SELECT * FROM policies{where} ORDER BY id")
        return [{**dict(r), "active": bool(r["active"])} for r in rows]

    def _ensure_policy(self, conn: sqlite3.Connection, policy_id: str) -> None:
        """A fetch for a policy not (yet) synced must not be lost to a foreign-key error."""
        # Policy rows are never deleted, so one known to exist (written by this Store after its
        # commit) needs no statement; any other costs one primary-key lookup.
        # Bounded: a million policies must not cost a million ids in memory.
        if policy_id in self._known_policies:
            return
        if len(self._known_policies) >= KNOWN_POLICIES_MAX:
            self._known_policies.clear()
        conn.execute(
            "INSERT OR IGNORE INTO policies (id, name, url, active, added_at) VALUES (?, ?, '', 1, ?)",
            (policy_id, policy_id, self.now_iso()),
        )

    # --- reads for the check stage -------------------------------------------------------------

    def _version_from_row(self, row: sqlite3.Row | None) -> StoredVersion | None:
        if row is None:
            return None
        return StoredVersion(
            id=row["id"],
            policy_id=row["policy_id"],
            seq=row["seq"],
            seen_at=row["seen_at"],
            text_sha256=row["text_sha256"],
            body_sha256=row["body_sha256"],
            language=row["language"],
            text=row["text"],
            clauses=clauses_from_json(row["clauses"]),
        )

    def latest_version(self, policy_id: str) -> StoredVersion | None:
        row = self._one(f"{_VERSION_SELECT} WHERE v.policy_id = ? ORDER BY v.seq DESC LIMIT 1", (policy_id,))
        return self._version_from_row(row)

    def version(self, policy_id: str, seq: int) -> StoredVersion | None:
        row = self._one(f"{_VERSION_SELECT} WHERE v.policy_id = ? AND v.seq = ?", (policy_id, seq))
        return self._version_from_row(row)

    def set_latest_extraction(self, policy_id: str, extraction: str) -> None:
        """The latest version's text came out the same under new select/remove settings."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE versions SET extraction = ? WHERE id = (SELECT id FROM versions WHERE policy_id = ?"
                " ORDER BY seq DESC LIMIT 1)",
                (extraction, policy_id),
            )

    def check_state(self, policy_id: str) -> CheckState:
        """What a check needs to know before fetching, in one query (two after a failed fetch):
        the last fetch, the validators, the latest version's hashes, seq and extraction."""
        row = self._one(_CHECK_STATE_SELECT, (policy_id,))
        last = fetch_from_row(row) if row is not None and row["outcome"] is not None else None
        state = CheckState(last=last)
        if row is not None and row["p_health"] is not None:
            state.health = row["p_health"]
        if row is not None and row["v_seq"] is not None:
            state.latest_hashes = (row["v_text_sha256"], row["v_body_sha256"])
            state.latest_seq, state.latest_extraction = row["v_seq"], row["v_extraction"]
        if row is not None and (row["val_etag"] is not None or row["val_last_modified"] is not None):
            state.validators = (row["val_etag"], row["val_last_modified"])
        if last is not None and last.outcome == "failed":  # otherwise the run of failures is 0 long
            state.consecutive_failures = self.consecutive_failures(policy_id)
        return state

    def consecutive_failures(self, policy_id: str) -> int:
        """How many of the latest fetches in a row failed (any other outcome ends the run)."""
        row = self._one(CONSECUTIVE_FAILURES_SQL, (policy_id,))
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
        cur = conn.execute(_FETCH_INSERT, _fetch_row(f, version_id))
        return cur.lastrowid  # type: ignore[return-value]

    def _change_health(
        self, conn: sqlite3.Connection, policy_id: str, change: HealthChange | None, at: str
    ) -> int:
        """Move the policy to `change.state` and raise its alerts, only if it was in another state.
        Returns how many alerts that put in the outbox."""
        if change is None:
            return 0
        moved = conn.execute(
            "UPDATE policies SET health = ?, health_since = ? WHERE id = ? AND health != ?",
            (change.state, at, policy_id, change.state),
        ).rowcount
        if moved and change.alerts:
            insert_alerts(conn, change.alerts, policy_id, None, self.now_iso())
            return len(change.alerts)
        return 0

    def record_fetch(
        self, fetch: FetchRecord, alerts: Sequence[NewAlert] = (), *, health: HealthChange | None = None
    ) -> int:
        """Record an attempt that made no version (unchanged, not_modified, failed, suspect), with
        its alerts and the change of health it brings, in one transaction."""
        with self._tx() as conn:
            self._ensure_policy(conn, fetch.policy_id)
            fetch_id = self._insert_fetch(conn, fetch)
            if alerts:
                insert_alerts(conn, alerts, fetch.policy_id, None, self.now_iso())
            self._change_health(conn, fetch.policy_id, health, fetch.started_at)
        self._known_policies.add(fetch.policy_id)
        return fetch_id

    def record_quiet_fetches(self, fetches: Sequence[FetchRecord]) -> None:
        """Record attempts that found the page as stored and change nothing else (no alerts, no
        change of health, no new validators or hashes), many in one transaction."""
        if not fetches:
            return
        with self._tx() as conn:
            for fetch in fetches:
                self._ensure_policy(conn, fetch.policy_id)
            conn.executemany(_FETCH_INSERT, [_fetch_row(f) for f in fetches])
        self._known_policies.update(f.policy_id for f in fetches)

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
        health: HealthChange | None = None,
        base_seq: int | None = None,
        hashes: tuple[str, str] | None = None,
    ) -> StoredVersion:
        """Record a fetch that produced a new version, with its changes and alerts, atomically.

        `extraction` names the select/remove settings the text was extracted with ("" for none).
        `base_seq` is the version the changes were computed against (0: none, a first version):
        when another checker recorded a later one meanwhile, VersionConflict is raised and
        nothing is written, rather than store changes from the wrong version and alerts whose
        ids (policy, seq, route) are already taken by that checker's (and so silently dropped).

        The body and the text are stored once per distinct hash; `fetch.text_sha256` and
        `fetch.body_sha256` are set from the data given. `hashes` are (body, text) sha256 the
        caller already computed from these very bytes (the check does, to compare them), so as
        not to hash 50-100 KB a second time.
        """
        body_sha, text_sha = hashes if hashes is not None else (sha256_hex(body), sha256_hex(text))
        fetch.body_sha256, fetch.text_sha256 = body_sha, text_sha
        packed_clauses = clauses_json(clauses)
        # Compressed before the write lock is taken (a new version's body is nearly always new too),
        # so that parallel checkers wait less for each other.
        packed = _deflate(body, 1)
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
                self._change_health(conn, fetch.policy_id, health, fetch.started_at)
                return StoredVersion(
                    id=latest["id"],
                    policy_id=fetch.policy_id,
                    seq=latest["seq"],
                    seen_at=latest["seen_at"],
                    text_sha256=text_sha,
                    body_sha256=latest["body_sha256"],
                    language=latest["language"],
                    text=text,
                    clauses=list(clauses),
                )
            # the latest seq is the highest: the versions_policy_seq index is walked from the top
            seq = latest["seq"] + 1 if latest is not None else 1
            if base_seq is not None and seq != base_seq + 1:
                raise VersionConflict(fetch.policy_id, base_seq, seq - 1)
            conn.execute(
                "INSERT OR IGNORE INTO bodies (sha256, content_type, size, data) VALUES (?,?,?,?)",
                (body_sha, content_type, len(body), packed),
            )
            conn.execute(
                "INSERT OR IGNORE INTO texts (sha256, text, clauses, clause_count) VALUES (?,?,?,?)",
                (text_sha, text, packed_clauses, len(clauses)),
            )
            fetch_id = self._insert_fetch(conn, fetch)
            version_id = conn.execute(
                "INSERT INTO versions (policy_id, seq, seen_at, text_sha256, body_sha256, language,"
                " clause_count, fetch_id, extraction) VALUES (?,?,?,?,?,?,?,?,?)",
                (
                    fetch.policy_id,
                    seq,
                    fetch.started_at,
                    text_sha,
                    body_sha,
                    language,
                    len(clauses),
                    fetch_id,
                    extraction,
                ),
            ).lastrowid
            conn.execute("UPDATE fetches SET version_id = ? WHERE id = ?", (version_id, fetch_id))
            if changes:
                rows = [change_row(version_id, i, c) for i, c in enumerate(changes)]
                conn.executemany(_CHANGE_INSERT, rows)
            if alerts:
                insert_alerts(conn, alerts, fetch.policy_id, version_id, self.now_iso())
            self._change_health(conn, fetch.policy_id, health, fetch.started_at)
        self._known_policies.add(fetch.policy_id)
        return StoredVersion(
            id=version_id,
            policy_id=fetch.policy_id,
            seq=seq,
            seen_at=fetch.started_at,  # type: ignore[arg-type]
            text_sha256=text_sha,
            body_sha256=body_sha,
            language=language,
            text=text,
            clauses=list(clauses),
        )

    def prune_fetches(self, before: str, stop: Callable[[], bool] = lambda: False) -> int:
        """Forget fetch rows older than `before`, policy by policy (one short transaction each),
        keeping every version and change for ever and, of the fetches, those a version points
        to, each policy's latest, the one whose validators are in force, and the first and last
        fetch of every run of failures (when an outage began and ended). `stop` is asked between
        policies. Returns how many went."""
        removed = 0
        for (policy_id,) in self._all("SELECT id FROM policies ORDER BY id"):
            if stop():
                break
            with self._tx() as conn:
                removed += conn.execute(_PRUNE_FETCHES, (policy_id, before)).rowcount
        return removed

    def body(self, sha256: str) -> tuple[bytes, str | None] | None:
        """The raw body with that hash and its content type, decompressed."""
        row = self._one("SELECT data, content_type FROM bodies WHERE sha256 = ?", (sha256,))
        return (zlib.decompress(row[0]), row[1]) if row else None


def _fetch_row(f: FetchRecord, version_id: int | None = None) -> tuple[Any, ...]:
    """The values of _FETCH_INSERT for one fetch."""
    return (
        f.policy_id,
        f.started_at,
        f.outcome,
        f.http_status,
        f.duration_ms,
        f.bytes,
        f.etag,
        f.last_modified,
        f.final_url,
        f.error,
        f.text_sha256,
        f.body_sha256,
        version_id,
        f.rendered,
        f.fetch_ms,
    )


def _rename_policy(conn: sqlite3.Connection, old: str, new: str) -> bool:
    """Move `old`'s fetches, versions and alerts to `new` and drop `old`; only when `old` exists
    and `new` has no history of its own yet (two histories are never merged). True if moved."""
    if conn.execute("SELECT 1 FROM policies WHERE id = ?", (old,)).fetchone() is None:
        return False
    for table in ("versions", "fetches", "alerts"):
        if conn.execute(f"SELECT 1 FROM {table} WHERE policy_id = ? LIMIT 1", (new,)).fetchone():
            return False
    columns = [r[1] for r in conn.execute("PRAGMA table_info(policies)") if r[1] != "id"]
    listed = ", ".join(columns)
    conn.execute("DELETE FROM policies WHERE id = ?", (new,))  # a bare row (synced, never checked)
    conn.execute(
        f"INSERT INTO policies (id, {listed}) SELECT ?, {listed} FROM policies WHERE id = ?", (new, old)
    )
    for table in ("versions", "fetches", "alerts"):
        conn.execute(f"UPDATE {table} SET policy_id = ? WHERE policy_id = ?", (new, old))
    conn.execute("DELETE FROM policies WHERE id = ?", (old,))
    log.info("policy %r renamed %r (previous_ids): its versions, fetches and alerts moved", old, new)
    return True
