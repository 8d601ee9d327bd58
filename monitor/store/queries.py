"""Read queries over the history, for the CLI and any later web page or API.

In: nothing but the database (no clock, no writes).
Out: the versions of a policy with a summary of their changes, the changes that led to a
version, per-policy status (last check, last change, failures, dead alerts), and the whole
history as JSON-able records for `export`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from monitor.store.connection import Connection
from monitor.store.records import (
    PolicyStatus,
    change_dict,
    changes_summary,
    clause_to_dict,
    clauses_from_json,
)
from monitor.store.versions import CONSECUTIVE_FAILURES_SQL

# The newest version of policy p.id with a material change in it.
LAST_MATERIAL_SQL = (
    "SELECT max(v.seen_at) FROM versions v WHERE v.policy_id = p.id AND v.seq > 1"
    " AND EXISTS (SELECT 1 FROM changes c WHERE c.version_id = v.id AND c.material = 1)"
)
# Checks of policy p.id in a row, up to the latest, that failed or were suspect: the daemon
# retries those sooner (monitor/watch/timing.py).
RETRY_STREAK_SQL = (
    "SELECT count(*) FROM fetches WHERE policy_id = p.id AND outcome IN ('failed', 'suspect')"
    " AND id > coalesce((SELECT max(id) FROM fetches WHERE policy_id = p.id"
    " AND outcome NOT IN ('failed', 'suspect')), 0)"
)
# Why the last failed delivery of policy p.id's undelivered (retrying) or dead alerts failed.
ALERT_ERROR_SQL = (
    "SELECT a.last_error FROM alerts a WHERE a.policy_id = p.id AND a.status IN ('pending', 'dead')"
    " AND a.last_error IS NOT NULL ORDER BY a.status = 'pending' DESC, a.id DESC LIMIT 1"
)


class Queries(Connection):
    """History and reporting (see the module docstring)."""

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
            {
                "id": v["id"],
                "seq": v["seq"],
                "seen_at": v["seen_at"],
                "sha": v["text_sha256"],
                "body_sha256": v["body_sha256"],
                "language": v["language"],
                "clause_count": v["clause_count"],
                "summary": changes_summary(by_version.get(v["id"], [])),
            }
            for v in vrows
        ]

    def changes_of(self, version_id: int) -> list[dict[str, Any]]:
        """The changes that led to a version, as Change.to_dict() gave them, in order."""
        rows = self._all("SELECT * FROM changes WHERE version_id = ? ORDER BY position", (version_id,))
        return [change_dict(r) for r in rows]

    def status(self, include_inactive: bool = False) -> list[PolicyStatus]:
        """Per policy: last check and outcome, last change, versions, failures, dead alerts."""
        where = "" if include_inactive else " WHERE p.active = 1"
        rows = self._all(
            "SELECT p.id, p.name, p.url, p.type, p.active,"
            " f.started_at AS last_check_at, f.outcome, f.http_status, f.error, f.rendered,"
            " (SELECT count(*) FROM versions v WHERE v.policy_id = p.id) AS n_versions,"
            " (SELECT max(seen_at) FROM versions v WHERE v.policy_id = p.id AND v.seq > 1) AS last_change_at,"
            " (SELECT count(*) FROM alerts a WHERE a.policy_id = p.id AND a.status = 'dead') AS dead,"
            " (SELECT count(*) FROM alerts a WHERE a.policy_id = p.id AND a.status IN ('pending', 'digest'))"
            " AS pending,"
            " (SELECT count(*) FROM alerts a WHERE a.policy_id = p.id AND a.status = 'pending'"
            "  AND a.attempts > 0) AS retrying,"
            f" ({LAST_MATERIAL_SQL}) AS last_material_change_at,"
            f" ({ALERT_ERROR_SQL}) AS alert_error, ({RETRY_STREAK_SQL}) AS retry_streak,"
            " p.interval_seconds, p.health, p.next_check_at"
            " FROM policies p LEFT JOIN fetches f"
            " ON f.id = (SELECT max(id) FROM fetches WHERE policy_id = p.id)"
            f"{where} ORDER BY p.id"
        )
        return [
            PolicyStatus(
                policy_id=r["id"],
                name=r["name"],
                url=r["url"],
                last_check_at=r["last_check_at"],
                last_outcome=r["outcome"],
                last_change_at=r["last_change_at"],
                versions=r["n_versions"],
                consecutive_failures=self._failures(r["id"]),
                dead_alerts=r["dead"],
                pending_alerts=r["pending"],
                health=r["health"],
                rendered=r["rendered"],
                last_material_change_at=r["last_material_change_at"],
                retrying_alerts=r["retrying"],
                alert_error=r["alert_error"],
                retry_streak=r["retry_streak"],
                interval_seconds=r["interval_seconds"],
                next_check_at=r["next_check_at"],
                extra={
                    "type": r["type"],
                    "active": bool(r["active"]),
                    "http_status": r["http_status"],
                    "error": r["error"],
                },
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
                    "type": "version",
                    "policy_id": pid,
                    "seq": v["seq"],
                    "seen_at": v["seen_at"],
                    "sha256": v["text_sha256"],
                    "body_sha256": v["body_sha256"],
                    "language": v["language"],
                    "clause_count": v["clause_count"],
                }
                if include_text:
                    rec["text"] = v["text"]
                    rec["clauses"] = [clause_to_dict(c) for c in clauses_from_json(v["clauses"])]
                yield rec
                for pos, ch in enumerate(self.changes_of(v["id"])):
                    yield {"type": "change", "policy_id": pid, "seq": v["seq"], "position": pos, **ch}

    def retry_streaks(self) -> dict[str, int]:
        """Per active policy whose latest checks failed or were suspect: how many in a row (what
        a restarted daemon resumes its backoff from)."""
        rows = self._all(f"SELECT p.id, ({RETRY_STREAK_SQL}) FROM policies p WHERE p.active = 1")
        return {r[0]: r[1] for r in rows if r[1]}

    def _failures(self, policy_id: str) -> int:
        row = self._one(CONSECUTIVE_FAILURES_SQL, (policy_id,))
        return row[0] if row else 0
