"""The plain records the store hands in and out, and their (de)serialisation to SQLite rows.

In: sqlite3.Row objects read by the other store modules; Clauses and Changes from the engine.
Out: FetchRecord, CheckState, StoredVersion, NewAlert, OutboxAlert, PolicyStatus (plain
dataclasses), compact clause JSON, change rows, and the summary of a version's changes.
No SQL is run here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import orjson

from monitor.models import CATEGORIES, SEVERITIES, Change, Clause, new_clause, severity_rank


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
    rendered: str | None = None  # how a browser rendered the page (fetch/browser.py), None for plain HTTP
    fetch_ms: int | None = None  # the fetch alone (duration_ms is the whole check); None: not measured


@dataclass
class CheckState:
    """A policy's state as a check starts (Store.check_state), read in one go."""

    last: FetchRecord | None = None  # the latest fetch
    validators: tuple[str | None, str | None] = (None, None)  # (etag, last_modified) to send
    latest_hashes: tuple[str, str | None] | None = None  # (text, body) sha256 of the latest version
    latest_seq: int = 0  # 0: no version yet
    latest_extraction: str | None = None  # select/remove settings of the latest version; None: no version
    consecutive_failures: int = 0
    health: str = "ok"  # ok | unreachable: the policy's state since its last health change


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
    claimed_by: str | None = None  # the sender that holds it until claim_expires_at
    claim_expires_at: str | None = None


@dataclass
class HealthChange:
    """A change of a policy's health to make with a fetch, in its transaction.

    `alerts` are put in the outbox only when the policy was in the other state, so that any
    number of checks seeing the same outage raise its "unreachable" and "recovered" once each.
    """

    state: str  # ok | unreachable
    alerts: list[NewAlert] = field(default_factory=list)


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
    pending_alerts: int = 0  # in the outbox, not delivered yet (waiting, retrying or in a digest)
    health: str = "ok"  # ok | unreachable
    rendered: str | None = None  # the last fetch ran in a browser: "browser" or "browser (auto: ...)"
    extra: dict[str, Any] = field(default_factory=dict)
    last_material_change_at: str | None = None  # the newest version with a material change
    retrying_alerts: int = 0  # pending alerts whose delivery failed at least once
    alert_error: str | None = None  # why the last failed delivery (retrying first, else dead) failed
    retry_streak: int = 0  # checks in a row that failed or were suspect (the daemon retries sooner)
    interval_seconds: int | None = None  # as the watchlist last said
    next_check_at: str | None = None  # as the daemon planned it, else from read_models.status (timing.py)


# --- (de)serialising the plain dataclasses -----------------------------------------------------


def clauses_json(clauses: Sequence[Clause]) -> str:
    """Clauses as compact JSON: {"sections": [[...], ...], "clauses": [[text, section_ref, marker,
    language, is_heading], ...]}. The index is the position (segment numbers clauses 0, 1, 2 ..),
    section_ref points into "sections" (-1: none) and the key is not stored: it is
    segment.clause_key(text), recomputed on load. Half the size of a list of dicts, half the time.

    Written by orjson, whose output for these values (strings, ints, None) is the very text
    json.dumps(..., ensure_ascii=False, separators=(",", ":")) writes, in a sixth of the time."""
    refs: dict[tuple[str, ...], int] = {}
    rows = []
    positional = True
    last: tuple[str, ...] = ()
    ref = -1
    for i, c in enumerate(clauses):
        section = c.section
        if section is not last:  # a section's clauses share its tuple (segment): hashed once
            ref = refs.setdefault(section, len(refs)) if section else -1
            last = section
        rows.append((c.text, ref, c.marker, c.language, 1 if c.is_heading else 0))
        if c.index != i:
            positional = False
    data: dict[str, Any] = {"sections": list(refs), "clauses": rows}
    if not positional:  # never from segment; kept so that no caller's numbering is lost
        data["indices"] = [c.index for c in clauses]
    return orjson.dumps(data).decode()


def clauses_from_json(raw: str | bytes) -> list[Clause]:
    """Back from clauses_json, or from the older list of dicts (key stored, index explicit)."""
    data = orjson.loads(raw)
    if isinstance(data, list):
        return [clause_from_dict(d) for d in data]
    from monitor.engine.segment import clause_key

    sections = [tuple(s) for s in data["sections"]]
    indices = data.get("indices") or range(len(data["clauses"]))
    return [
        new_clause(
            indices[i],
            text,
            sections[ref] if ref >= 0 else (),
            marker,
            clause_key(text),
            language,
            bool(heading),
        )
        for i, (text, ref, marker, language, heading) in enumerate(data["clauses"])
    ]


def clause_to_dict(c: Clause) -> dict[str, Any]:
    """One clause as export() writes it."""
    return {
        "index": c.index,
        "text": c.text,
        "section": list(c.section),
        "marker": c.marker,
        "language": c.language,
        "is_heading": c.is_heading,
    }


def clause_from_dict(d: dict[str, Any]) -> Clause:
    return Clause(
        index=d["index"],
        text=d["text"],
        section=tuple(d.get("section", ())),
        marker=d.get("marker"),
        key=d.get("key", ""),
        language=d.get("language", "und"),
        is_heading=d.get("is_heading", False),
    )


def dumps(value: Any) -> str:
    # allow_nan=False and no default= so that a bad value fails the whole transaction
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def change_row(version_id: int, position: int, change: Change) -> tuple[Any, ...]:
    d = change.to_dict()
    old, new = d["old"], d["new"]
    return (
        version_id,
        position,
        d["kind"],
        int(bool(d["material"])),
        d["severity"],
        dumps(d["categories"]),
        old["index"] if old else None,
        new["index"] if new else None,
        old["section"] if old else None,
        new["section"] if new else None,
        old["text"] if old else None,
        new["text"] if new else None,
        dumps(d["inline"]) if "inline" in d else None,
        dumps(d["facts"]),
        d["explanation"],
    )


def change_dict(row: sqlite3.Row) -> dict[str, Any]:
    """Back to the shape Change.to_dict() gave."""

    def side(which: str) -> dict[str, Any] | None:
        if row[f"{which}_index"] is None:
            return None
        return {
            "index": row[f"{which}_index"],
            "section": row[f"{which}_section"],
            "text": row[f"{which}_text"],
        }

    out: dict[str, Any] = {
        "kind": row["kind"],
        "material": bool(row["material"]),
        "severity": row["severity"],
        "categories": json.loads(row["categories"] or "[]"),
        "old": side("old"),
        "new": side("new"),
    }
    if row["inline"] is not None:
        out["inline"] = json.loads(row["inline"])
    out["facts"] = json.loads(row["facts"] or "[]")
    out["explanation"] = row["explanation"] or ""
    return out


def fetch_from_row(row: sqlite3.Row) -> FetchRecord:
    return FetchRecord(
        policy_id=row["policy_id"],
        started_at=row["started_at"],
        outcome=row["outcome"],
        duration_ms=row["duration_ms"] or 0,
        http_status=row["http_status"],
        bytes=row["bytes"] or 0,
        etag=row["etag"],
        last_modified=row["last_modified"],
        final_url=row["final_url"],
        error=row["error"],
        text_sha256=row["text_sha256"],
        body_sha256=row["body_sha256"],
        rendered=row["rendered"] if "rendered" in row.keys() else None,
        fetch_ms=row["fetch_ms"] if "fetch_ms" in row.keys() else None,
    )


def alert_from_row(row: sqlite3.Row) -> OutboxAlert:
    return OutboxAlert(
        id=row["id"],
        alert_id=row["alert_id"],
        policy_id=row["policy_id"],
        version_id=row["version_id"],
        route=row["route"],
        kind=row["kind"],
        status=row["status"],
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        created_at=row["created_at"],
        payload=json.loads(row["payload"]),
        delivered_at=row["delivered_at"],
        last_error=row["last_error"],
        digest_id=row["digest_id"],
        claimed_by=row["claimed_by"],
        claim_expires_at=row["claim_expires_at"],
    )


def changes_summary(rows: Iterable[sqlite3.Row]) -> dict[str, Any]:
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
    return {
        **counts,
        "material": material,
        "max_severity": SEVERITIES[top],
        "categories": sorted(cats, key=lambda c: (order.get(c, len(order)), c)),
    }
