"""The snapshot store: every fetch, version, change and pending alert, in one SQLite file.

In: FetchRecords, normalised versions with their clauses, classified Changes and NewAlerts
from the check stage; outbox updates from the alert sender.
Out: the latest/previous version of a policy, validators for conditional GETs, history,
status, due alerts, JSON-lines export.

Only this module speaks SQL (through sqlite-utils). INTERFACE STUB: the store helper
implements it; signatures are the contract other stages code against.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .models import Change, Clause, PolicyConfig

DEFAULT_DB = Path("snapshots") / "monitor.db"


@dataclass
class FetchRecord:
    """One attempt to check a policy. outcome: changed | unchanged | not_modified | failed | suspect."""

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


class Store:
    """Open (creating and migrating if needed) the database at `path`."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        raise NotImplementedError

    def close(self) -> None: ...

    # policies
    def sync_policies(self, policies: Iterable[PolicyConfig]) -> None: ...

    # reads for the check stage
    def latest_version(self, policy_id: str) -> StoredVersion | None: ...
    def version(self, policy_id: str, seq: int) -> StoredVersion | None: ...
    def last_validators(self, policy_id: str) -> tuple[str | None, str | None]: ...
    def last_fetch(self, policy_id: str) -> FetchRecord | None: ...
    def consecutive_failures(self, policy_id: str) -> int: ...
    def last_checked_at(self) -> dict[str, str]: ...

    # writes, one transaction each
    def record_fetch(self, fetch: FetchRecord, alerts: Sequence[NewAlert] = ()) -> int: ...
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
    ) -> StoredVersion: ...

    # history and reporting
    def versions(self, policy_id: str) -> list[dict[str, Any]]: ...
    def changes_of(self, version_id: int) -> list[dict[str, Any]]: ...
    def status(self) -> list[PolicyStatus]: ...
    def export(self) -> Iterator[dict[str, Any]]: ...

    # the alerts outbox
    def due_alerts(self, now: str, limit: int = 100) -> list[OutboxAlert]: ...
    def mark_alert_delivered(self, id: int, at: str) -> None: ...
    def mark_alert_failed(self, id: int, error: str, next_attempt_at: str, dead: bool) -> None: ...
    def digest_alerts(self, route: str, until: str) -> list[OutboxAlert]: ...
    def mark_digested(self, ids: Sequence[int], into_alert_id: int) -> None: ...
