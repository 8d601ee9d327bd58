"""The schema: migrations applied in order, each bringing PRAGMA user_version from i to i + 1.

In: a sqlite_utils.Database inside the migration transaction (connection.py runs them).
Out: the tables and indexes the other store modules query.

A migration that has shipped is never edited again: a later change is a new function appended
to MIGRATIONS, written so that it also upgrades a database made by any earlier release.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported by connection.py only when a database needs migrating
    import sqlite_utils

# The fetch outcomes that show the page was reached (they can carry validators).
SUCCESS_SQL = "('new', 'changed', 'unchanged', 'not_modified')"


def _migration_1(db: sqlite_utils.Database) -> None:
    """Creates every table and the indexes the CLI and the daemon query by (release 0.1.0)."""
    db["policies"].create(
        {
            "id": str,
            "name": str,
            "url": str,
            "type": str,
            "interval_seconds": int,
            "active": int,
            "added_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null=["name", "url", "active"],
        defaults={"active": 1, "type": "privacy"},
    )
    db["bodies"].create(
        {"sha256": str, "content_type": str, "size": int, "data": bytes},
        pk="sha256",
        not_null=["data", "size"],
    )
    db["texts"].create(
        {"sha256": str, "text": str, "clauses": str, "clause_count": int},
        pk="sha256",
        not_null=["text", "clauses", "clause_count"],
    )
    db["fetches"].create(
        {
            "id": int,
            "policy_id": str,
            "started_at": str,
            "outcome": str,
            "http_status": int,
            "duration_ms": int,
            "bytes": int,
            "etag": str,
            "last_modified": str,
            "final_url": str,
            "error": str,
            "text_sha256": str,
            "body_sha256": str,
            "version_id": int,
        },
        pk="id",
        not_null=["policy_id", "started_at", "outcome"],
        foreign_keys=[("policy_id", "policies", "id")],
    )
    db["versions"].create(
        {
            "id": int,
            "policy_id": str,
            "seq": int,
            "seen_at": str,
            "text_sha256": str,
            "body_sha256": str,
            "language": str,
            "clause_count": int,
            "fetch_id": int,
        },
        pk="id",
        not_null=["policy_id", "seq", "seen_at", "text_sha256", "clause_count"],
        foreign_keys=[
            ("policy_id", "policies", "id"),
            ("text_sha256", "texts", "sha256"),
            ("body_sha256", "bodies", "sha256"),
            ("fetch_id", "fetches", "id"),
        ],
    )
    db["changes"].create(
        {
            "id": int,
            "version_id": int,
            "position": int,
            "kind": str,
            "material": int,
            "severity": str,
            "categories": str,
            "old_index": int,
            "new_index": int,
            "old_section": str,
            "new_section": str,
            "old_text": str,
            "new_text": str,
            "inline": str,
            "facts": str,
            "explanation": str,
        },
        pk="id",
        not_null=["version_id", "position", "kind", "material", "severity"],
        foreign_keys=[("version_id", "versions", "id")],
    )
    db["alerts"].create(
        {
            "id": int,
            "alert_id": str,
            "policy_id": str,
            "version_id": int,
            "route": str,
            "kind": str,
            "status": str,
            "attempts": int,
            "next_attempt_at": str,
            "created_at": str,
            "delivered_at": str,
            "last_error": str,
            "payload": str,
            "digest_id": int,
        },
        pk="id",
        not_null=[
            "alert_id",
            "route",
            "kind",
            "status",
            "attempts",
            "next_attempt_at",
            "created_at",
            "payload",
        ],
        defaults={"attempts": 0},
        foreign_keys=[("version_id", "versions", "id")],
    )
    db["migrations"].create({"version": int, "applied_at": str}, pk="version")
    db["fetches"].create_index(["policy_id", "id"], index_name="fetches_policy_id")
    db["fetches"].create_index(["policy_id", "started_at"], index_name="fetches_policy_time")
    db["versions"].create_index(["policy_id", "seq"], index_name="versions_policy_seq", unique=True)
    db["versions"].create_index(["text_sha256"], index_name="versions_text")
    db["changes"].create_index(["version_id", "position"], index_name="changes_version", unique=True)
    db["alerts"].create_index(["alert_id"], index_name="alerts_alert_id", unique=True)
    db["alerts"].create_index(["status", "next_attempt_at"], index_name="alerts_status_due")
    db["alerts"].create_index(["route", "status"], index_name="alerts_route_status")
    db["alerts"].create_index(["policy_id", "status"], index_name="alerts_policy_status")


def _migration_2(db: sqlite_utils.Database) -> None:
    """versions.extraction (the select/remove settings a version's text was extracted with) and a
    partial index for the validators of check_state. Both were once added to migration 1 after it had shipped,
    so a database made then already has them: each is added only when missing."""
    if "extraction" not in db["versions"].columns_dict:
        db.execute("ALTER TABLE versions ADD COLUMN extraction TEXT")
    # check_state's validators walk only the fetches that can carry validators, so a site without ETag
    # or Last-Modified does not make it scan every check since the last version
    db.execute(
        "CREATE INDEX IF NOT EXISTS fetches_validators ON fetches (policy_id, id) WHERE outcome IN"
        f" {SUCCESS_SQL} AND (etag IS NOT NULL OR last_modified IS NOT NULL)"
    )


def _migration_3(db: sqlite_utils.Database) -> None:
    """Outbox claims and per-policy health.

    alerts.claimed_by / claim_expires_at: a sender claims due rows (owner and expiry in one
    transaction) before sending them, so several senders never send one alert twice; a claim
    left by a sender that died expires and the row is claimed again.
    policies.health ('ok' | 'unreachable') and health_since: an outage is a state, ended exactly
    once by any path back to a good page. A policy whose latest health alert is 'unreachable'
    starts in that state.
    """
    db.execute("ALTER TABLE alerts ADD COLUMN claimed_by TEXT")
    db.execute("ALTER TABLE alerts ADD COLUMN claim_expires_at TEXT")
    db.execute("CREATE INDEX alerts_claimed ON alerts (claimed_by) WHERE claimed_by IS NOT NULL")
    db.execute("ALTER TABLE policies ADD COLUMN health TEXT NOT NULL DEFAULT 'ok'")
    db.execute("ALTER TABLE policies ADD COLUMN health_since TEXT")
    db.execute(
        "UPDATE policies SET health = 'unreachable', health_since = (SELECT created_at FROM alerts a"
        " WHERE a.policy_id = policies.id AND a.kind = 'unreachable' ORDER BY a.id DESC LIMIT 1)"
        " WHERE (SELECT kind FROM alerts a WHERE a.policy_id = policies.id"
        " AND a.kind IN ('unreachable', 'recovered') ORDER BY a.id DESC LIMIT 1) = 'unreachable'"
    )


def _migration_4(db: sqlite_utils.Database) -> None:
    """fetches.rendered: how a browser rendered the page ("browser", or "browser (auto: the page
    builds its text in script)"), NULL for a plain HTTP fetch; `status` shows it."""
    db.execute("ALTER TABLE fetches ADD COLUMN rendered TEXT")


def _migration_5(db: sqlite_utils.Database) -> None:
    """fetches.fetch_ms: how long the fetch alone took (network, retries, rendering), beside
    duration_ms (the whole check); /metrics serves both. NULL for checks recorded before."""
    db.execute("ALTER TABLE fetches ADD COLUMN fetch_ms INTEGER")


def _migration_6(db: sqlite_utils.Database) -> None:
    """Scheduling from the store. policies.next_check_at: when the policy is due next (ISO UTC as
    every stored time; NULL: never scheduled, so due now), with a partial index over the active
    policies, so finding due work costs the same with ten policies or a million.
    policies.config: the policy's watchlist entry as JSON, so a check runs from the row alone and
    no process has to hold every policy's settings in memory."""
    db.execute("ALTER TABLE policies ADD COLUMN next_check_at TEXT")
    db.execute("ALTER TABLE policies ADD COLUMN config TEXT")
    db.execute("CREATE INDEX policies_due ON policies (next_check_at) WHERE active = 1")


def _migration_7(db: sqlite_utils.Database) -> None:
    """watchlist_state: the watchlist the `policies` table mirrors (its path) and the (mtime, size)
    of every file and folder read to make it, as JSON; a daemon restarted with none of them edited
    keeps the mirror instead of streaming every entry again. One row; any other writer of the
    policies (sync_policies) deletes it."""
    db.execute(
        "CREATE TABLE watchlist_state (id INTEGER PRIMARY KEY CHECK (id = 1), path TEXT NOT NULL,"
        " stamps TEXT NOT NULL, synced_at TEXT NOT NULL)"
    )


def _migration_8(db: sqlite_utils.Database) -> None:
    """Many workers on one database (monitor/watch/worker.py). policies.lease_owner and
    lease_expires_at: a worker claims a due policy (owner and expiry in one transaction) before
    checking it, so no two check it at once, and a lease left by a worker that died expires and
    the policy is claimed again. hosts: each host's next_allowed_at, so the pause between two
    requests to one host holds across workers."""
    db.execute("ALTER TABLE policies ADD COLUMN lease_owner TEXT")
    db.execute("ALTER TABLE policies ADD COLUMN lease_expires_at TEXT")
    db.execute("CREATE INDEX policies_leased ON policies (lease_owner) WHERE lease_owner IS NOT NULL")
    db.execute("CREATE TABLE hosts (host TEXT PRIMARY KEY, next_allowed_at TEXT NOT NULL)")


Migration = Callable[["sqlite_utils.Database"], None]
# MIGRATIONS[i] brings the schema from user_version i to i + 1. Append, never edit.
MIGRATIONS: list[Migration] = [
    _migration_1,
    _migration_2,
    _migration_3,
    _migration_4,
    _migration_5,
    _migration_6,
    _migration_7,
    _migration_8,
]
