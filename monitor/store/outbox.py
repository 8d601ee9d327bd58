"""The alerts outbox: alerts waiting to be delivered, written in the transaction that raised them.

In: NewAlerts (from the check stage through versions.py, or tests and digests through add_alerts);
delivery results from the sender (mark_alert_delivered, mark_alert_failed).
Out: OutboxAlerts due for delivery, alerts waiting for a digest, counts per status.

Status: pending | delivered | dead | digest | digested; alert_id is unique, so planning the same
alert twice inserts it once.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from monitor.store.connection import Connection
from monitor.store.records import NewAlert, OutboxAlert, alert_from_row, dumps

_ALERT_INSERT = (
    "INSERT OR IGNORE INTO alerts (alert_id, policy_id, version_id, route, kind, status, attempts,"
    " next_attempt_at, created_at, payload) VALUES (?,?,?,?,?,?,0,?,?,?)"
)


def insert_alerts(
    conn: sqlite3.Connection,
    alerts: Sequence[NewAlert],
    policy_id: str | None,
    version_id: int | None,
    now: str,
) -> list[int]:
    """Insert into the outbox inside the caller's transaction; an alert_id already there is left
    as it is. Returns the row ids."""
    ids = []
    for a in alerts:
        conn.execute(
            _ALERT_INSERT,
            (a.alert_id, policy_id, version_id, a.route, a.kind, a.status, now, now, dumps(a.payload)),
        )
        ids.append(conn.execute("SELECT id FROM alerts WHERE alert_id = ?", (a.alert_id,)).fetchone()[0])
    return ids


class Outbox(Connection):
    """The alerts table (see the module docstring)."""

    def add_alerts(
        self, alerts: Sequence[NewAlert], policy_id: str | None = None, version_id: int | None = None
    ) -> list[int]:
        """Put alerts (tests, digests) in the outbox in one transaction; returns their row ids.

        An alert_id already in the outbox is not inserted again; its existing row id is returned.
        """
        with self._tx() as conn:
            return insert_alerts(conn, alerts, policy_id, version_id, self.now_iso())

    def get_alert(self, id: int) -> OutboxAlert | None:
        row = self._one("SELECT * FROM alerts WHERE id = ?", (id,))
        return alert_from_row(row) if row else None

    def list_alerts(self, status: str | None = None, route: str | None = None) -> list[OutboxAlert]:
        sql, params = "SELECT * FROM alerts WHERE 1 = 1", []
        if status is not None:
            sql, params = sql + " AND status = ?", [*params, status]
        if route is not None:
            sql, params = sql + " AND route = ?", [*params, route]
        return [alert_from_row(r) for r in self._all(sql + " ORDER BY id", params)]

    def alert_counts(self) -> dict[str, int]:
        return {r[0]: r[1] for r in self._all("SELECT status, count(*) FROM alerts GROUP BY status")}

    def claim_due(
        self, owner: str, now: str, until: str, limit: int = 100, *, after: int = 0
    ) -> list[OutboxAlert]:
        """Claim up to `limit` due alerts (row id > `after`) for `owner` until `until`, oldest
        first, in one transaction.

        A row claimed by another sender is skipped until its claim expires (a sender that died
        mid-send leaves one behind): so any number of senders deliver each alert once, and at
        least once when one of them dies."""
        # PostgreSQL: rows another sender is claiming right now are passed over, not waited for
        skip = " FOR UPDATE SKIP LOCKED" if self.postgres else ""
        with self._tx() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM alerts WHERE status = 'pending' AND next_attempt_at <= ?1 AND id > ?3"
                    f" AND (claimed_by IS NULL OR claim_expires_at <= ?1) ORDER BY id LIMIT ?2{skip}",
                    (now, limit, after),
                )
            ]
            conn.executemany(
                "UPDATE alerts SET claimed_by = ?, claim_expires_at = ? WHERE id = ?",
                [(owner, until, i) for i in ids],
            )
            rows = [conn.execute("SELECT * FROM alerts WHERE id = ?", (i,)).fetchone() for i in ids]
        return [alert_from_row(r) for r in rows]

    def renew_claim(self, id: int, owner: str, now: str, until: str) -> bool:
        """Extend `owner`'s claim on a pending row to `until`, if it still holds it at `now`.
        False when the claim ran out (another sender may have the row) or the row was settled:
        the caller must not send it."""
        with self._tx() as conn:
            return (
                conn.execute(
                    "UPDATE alerts SET claim_expires_at = ? WHERE id = ? AND claimed_by = ?"
                    " AND claim_expires_at > ? AND status = 'pending'",
                    (until, id, owner, now),
                ).rowcount
                == 1
            )

    def claim_owners(self) -> list[str]:
        """The senders holding claims now (expired or not)."""
        rows = self._all("SELECT DISTINCT claimed_by FROM alerts WHERE claimed_by IS NOT NULL")
        return [r[0] for r in rows]

    def release_claims(self, owner: str) -> int:
        """Release every claim `owner` holds (a sender known to be dead); returns how many."""
        with self._tx() as conn:
            return conn.execute(
                "UPDATE alerts SET claimed_by = NULL, claim_expires_at = NULL WHERE claimed_by = ?", (owner,)
            ).rowcount

    def outbox_backlog(self, now: str) -> dict[str, int]:
        """What is left in the outbox: pending rows due now (unclaimed or claimed by a sender at
        work), pending rows waiting for a later retry, rows waiting for a digest, dead rows."""
        row = self._one(
            "SELECT"
            " sum(status = 'pending' AND next_attempt_at <= ?1),"
            " sum(status = 'pending' AND next_attempt_at > ?1),"
            " sum(status = 'digest'), sum(status = 'dead') FROM alerts",
            (now,),
        )
        keys = ("due", "retry_later", "digest", "dead")
        return {k: int((row[i] if row else 0) or 0) for i, k in enumerate(keys)}

    def mark_alert_delivered(self, id: int, at: str) -> None:
        """The channel took it: delivered, and its claim released."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE alerts SET status = 'delivered', delivered_at = ?, attempts = attempts + 1,"
                " last_error = NULL, claimed_by = NULL, claim_expires_at = NULL WHERE id = ?",
                (at, id),
            )

    def mark_alert_failed(self, id: int, error: str, next_attempt_at: str, dead: bool) -> None:
        """Not delivered: retried at `next_attempt_at`, or dead; its claim released. A row another
        sender delivered meanwhile (a claim that had expired) stays delivered."""
        with self._tx() as conn:
            conn.execute(
                "UPDATE alerts SET status = ?, last_error = ?, next_attempt_at = ?, attempts = attempts + 1,"
                " claimed_by = NULL, claim_expires_at = NULL WHERE id = ? AND status = 'pending'",
                ("dead" if dead else "pending", error[:2000], next_attempt_at, id),
            )

    def digest_alerts(self, route: str, until: str) -> list[OutboxAlert]:
        """Alerts of a route waiting for its digest, created before `until`, oldest first."""
        rows = self._all(
            "SELECT * FROM alerts WHERE route = ? AND status = 'digest' AND created_at < ? ORDER BY id",
            (route, until),
        )
        return [alert_from_row(r) for r in rows]

    def add_digest(self, digest: NewAlert, part_ids: Sequence[int]) -> int:
        """Put a digest in the outbox and mark its parts digested, in one transaction."""
        with self._tx() as conn:
            (digest_id,) = insert_alerts(conn, [digest], None, None, self.now_iso())
            self._mark_digested(conn, part_ids, digest_id)
            return digest_id

    @staticmethod
    def _mark_digested(conn: sqlite3.Connection, ids: Sequence[int], into_alert_id: int) -> None:
        conn.executemany(
            "UPDATE alerts SET status = 'digested', digest_id = ? WHERE id = ? AND status = 'digest'",
            [(into_alert_id, i) for i in ids],
        )
