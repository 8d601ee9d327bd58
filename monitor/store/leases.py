"""Leases, host slots and the leader lock: how many workers share one database's checks.

In: a worker's owner id and times (ISO UTC, from the caller's clock). Out: the due policies a
worker now holds (claimed with an owner and an expiry in one transaction: on PostgreSQL with
SELECT .. FOR UPDATE SKIP LOCKED, so workers claiming together never wait on each other's rows);
the moment a request to a host may start (hosts.next_allowed_at, so per-host politeness holds
across workers); whether this Store's session leads (a PostgreSQL advisory lock).

A lease runs out at lease_expires_at unless its worker renews it: a worker that died (kill -9,
a lost machine) loses its leases, and the next worker to claim takes those policies. A policy is
due when next_check_at is NULL (never scheduled) or past; finishing a check sets the next time
and ends the lease in one statement, only while the worker still holds it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from monitor.store.connection import Connection
from monitor.store.queries import RETRY_STREAK_SQL

LEADER_LOCK = 0x706D_6C64  # PostgreSQL advisory lock key of the leader ("pmld")


def precise(moment: datetime) -> str:
    """A moment in microseconds (hosts.next_allowed_at): two requests a second apart need more than
    the seconds of the other stored times. Same width always, so the strings compare as times."""
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class Leases(Connection):
    """The policies' lease columns, the hosts table and the leader lock (see the module docstring)."""

    def claim_policies(self, owner: str, now: str, until: str, limit: int) -> list[str]:
        """Claim up to `limit` due policies nobody holds (or whose lease ran out) for `owner`
        until `until`, the longest-waiting first; their ids."""
        nulls, skip = (" NULLS FIRST", " FOR UPDATE SKIP LOCKED") if self.postgres else ("", "")
        with self._tx() as conn:
            ids = [
                r[0]
                for r in conn.execute(
                    "SELECT id FROM policies WHERE active = 1"
                    " AND (next_check_at IS NULL OR next_check_at <= ?1)"
                    f" AND (lease_owner IS NULL OR lease_expires_at <= ?1) ORDER BY next_check_at{nulls}, id"
                    f" LIMIT ?2{skip}",
                    (now, limit),
                )
            ]
            conn.executemany(
                "UPDATE policies SET lease_owner = ?, lease_expires_at = ? WHERE id = ?",
                [(owner, until, i) for i in ids],
            )
        return ids

    def renew_leases(self, owner: str, now: str, until: str) -> int:
        """Extend every lease `owner` still holds at `now` to `until`; how many."""
        with self._tx() as conn:
            return conn.execute(
                "UPDATE policies SET lease_expires_at = ? WHERE lease_owner = ? AND lease_expires_at > ?",
                (until, owner, now),
            ).rowcount

    def finish_lease(self, policy_id: str, owner: str, next_check_at: str) -> bool:
        """The check is done: next due at `next_check_at`, lease ended. False when `owner` no
        longer held it (it ran out and another worker took the policy): nothing is changed."""
        with self._tx() as conn:
            return (
                conn.execute(
                    "UPDATE policies SET next_check_at = ?, lease_owner = NULL, lease_expires_at = NULL"
                    " WHERE id = ? AND lease_owner = ?",
                    (next_check_at, policy_id, owner),
                ).rowcount
                == 1
            )

    def release_leases(self, owner: str) -> int:
        """Give up every lease `owner` holds, due as they were (a worker stopping); how many."""
        with self._tx() as conn:
            return conn.execute(
                "UPDATE policies SET lease_owner = NULL, lease_expires_at = NULL WHERE lease_owner = ?",
                (owner,),
            ).rowcount

    def leases(self) -> dict[str, tuple[str, str]]:
        """{policy_id: (owner, expires_at)} of every lease held now (expired or not)."""
        rows = self._all(
            "SELECT id, lease_owner, lease_expires_at FROM policies WHERE lease_owner IS NOT NULL"
        )
        return {r[0]: (r[1], r[2]) for r in rows}

    def next_due_at(self) -> str | None:
        """When the next active policy falls due ("" when one is due now: never scheduled), or None
        with no active policy."""
        row = self._one("SELECT count(*), min(coalesce(next_check_at, '')) FROM policies WHERE active = 1")
        return None if row is None or not row[0] else row[1]

    def retry_streak(self, policy_id: str) -> int:
        """Checks of the policy in a row, up to the latest, that failed or were suspect."""
        row = self._one(f"SELECT ({RETRY_STREAK_SQL}) FROM policies p WHERE p.id = ?", (policy_id,))
        return int(row[0]) if row is not None and row[0] else 0

    def reserve_host(self, host: str, now: datetime, delay: float) -> datetime:
        """The moment a request to `host` may start: now, or `delay` seconds after the last
        reserved one, whichever is later; that slot is taken in the same transaction."""
        lock = " FOR UPDATE" if self.postgres else ""
        with self._tx() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO hosts (host, next_allowed_at) VALUES (?, ?)", (host, precise(now))
            )
            allowed = conn.execute(
                f"SELECT next_allowed_at FROM hosts WHERE host = ?{lock}", (host,)
            ).fetchone()[0]
            slot = max(now, datetime.fromisoformat(allowed.replace("Z", "+00:00")))
            conn.execute(
                "UPDATE hosts SET next_allowed_at = ? WHERE host = ?",
                (precise(slot + timedelta(seconds=delay)), host),
            )
        return slot

    # --- the leader: one session holds an advisory lock (PostgreSQL) -----------------------------

    def try_lead(self) -> bool:
        """Whether this Store's session leads now, taking the lock if nobody holds it. The lock
        ends with the session: a leader that dies hands it to the next worker that asks."""
        if not self.postgres:
            raise NotImplementedError("a leader among workers needs PostgreSQL")
        with self._lock:
            held = self._one(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                " AND pid = pg_backend_pid()"
                " AND classid::bigint = ? AND objid::bigint = ? AND objsubid = 1",
                (LEADER_LOCK >> 32, LEADER_LOCK & 0xFFFFFFFF),
            )
            if held and held[0]:
                return True
            return bool(self._one(f"SELECT pg_try_advisory_lock({LEADER_LOCK})")[0])  # type: ignore[index]

    def leader_alive(self) -> bool:
        """Whether some worker leads now."""
        return self._pg_lock_held(LEADER_LOCK)
