"""Read models: what a person asks of the history, answered from the store as plain data.

In: an open Store (and, where the policy's settings matter, the Watchlist). Out: dataclasses and
dicts in the shapes the CLI prints with `--json`; a web page or an API calls the same functions.
They only read. A policy or version that does not exist raises NotFound, whose message says what
does exist.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from monitor.errors import MonitorError, did_you_mean
from monitor.models import Change, Clause, Fact, PolicyConfig, Watchlist
from monitor.store import Store, StoredVersion


class NotFound(MonitorError):
    """No such policy or version in the database."""


@dataclass
class HistoryEntry:
    """One version of a policy as its timeline shows it."""

    seq: int
    seen_at: str
    clause_count: int | None
    summary: dict[str, Any] = field(default_factory=dict)

    @property
    def first(self) -> bool:
        return self.seq == 1

    @property
    def material(self) -> bool:
        return bool(self.summary.get("material"))

    @property
    def severity(self) -> str | None:
        return self.summary.get("max_severity") if self.material else None

    @property
    def categories(self) -> list[str]:
        return list(self.summary.get("categories") or [])


def require_policy(store: Store, policy_id: str) -> None:
    known = [p["id"] for p in store.policies(include_inactive=True)]
    if policy_id not in known:
        raise NotFound(f"no policy {policy_id!r} in {store.path}{did_you_mean(policy_id, known)}")


def version(store: Store, policy_id: str, which: str = "latest") -> StoredVersion:
    """A stored version: `which` is "latest", "previous" or a version number."""
    require_policy(store, policy_id)
    latest = store.latest_version(policy_id)
    if latest is None:
        raise NotFound(f"{policy_id} has no stored versions yet")
    if which == "latest":
        return latest
    seq = latest.seq - 1 if which == "previous" else int(which)
    found = store.version(policy_id, seq) if seq >= 1 else None
    if found is None:
        what = "a previous version" if which == "previous" else f"version {which}"
        raise NotFound(f"{policy_id} has no {what} (versions 1..{latest.seq})")
    return found


def history(store: Store, policy_id: str) -> list[HistoryEntry]:
    """Every version of a policy, oldest first, with the summary of what changed in it."""
    require_policy(store, policy_id)
    return [
        HistoryEntry(v["seq"], v["seen_at"], v.get("clause_count"), dict(v.get("summary") or {}))
        for v in store.versions(policy_id)
    ]


def history_records(store: Store, policy_id: str) -> list[dict[str, Any]]:
    """The versions as stored rows (the JSON of `history --json` and of the API)."""
    require_policy(store, policy_id)
    return store.versions(policy_id)


def version_record(v: StoredVersion, *, clauses: bool = False) -> dict[str, Any]:
    """A version as JSON: its text, or its clauses with index, section and marker."""
    data: dict[str, Any] = {
        "policy_id": v.policy_id,
        "seq": v.seq,
        "seen_at": v.seen_at,
        "sha256": v.text_sha256,
        "language": v.language,
    }
    if clauses:
        data["clauses"] = [
            {"index": c.index, "section": c.section_path, "marker": c.marker, "text": c.text}
            for c in v.clauses
        ]
    else:
        data["text"] = v.text
    return data


def changes_in(store: Store, v: StoredVersion) -> list[Change]:
    """The changes recorded when version `v` was seen, as the engine made them."""
    return [change_from_dict(d) for d in store.changes_of(v.id)]


def policy_config(store: Store, policy_id: str, watchlist: Watchlist | None) -> PolicyConfig:
    """The policy as the watchlist has it, else as the store last mirrored it."""
    if watchlist is not None:
        for p in watchlist.policies:
            if p.id == policy_id:
                return p
    row = next(p for p in store.policies(include_inactive=True) if p["id"] == policy_id)
    return PolicyConfig(
        id=row["id"],
        name=row.get("name") or row["id"],
        url=row.get("url") or "",
        type=row.get("type") or "privacy",
    )


def change_from_dict(d: dict[str, Any]) -> Change:
    """A stored change (Change.to_dict() shape) back into a Change, for renderers that take one."""

    def side(s: dict[str, Any] | None) -> Clause | None:
        if s is None:
            return None
        section = tuple(s["section"].split(" > ")) if s.get("section") else ()
        return Clause(index=s["index"], text=s["text"], section=section)

    return Change(
        kind=d["kind"],
        old=side(d.get("old")),
        new=side(d.get("new")),
        inline=[(op, text) for op, text in d["inline"]] if d.get("inline") is not None else None,
        categories=list(d.get("categories") or []),
        facts=[
            Fact(
                category=f.get("category", ""),
                old=f.get("old"),
                new=f.get("new"),
                direction=f.get("direction", "changed"),
                kind=f.get("kind", ""),
            )
            for f in d.get("facts") or []
        ],
        material=bool(d.get("material")),
        severity=d.get("severity") or "none",
        explanation=d.get("explanation") or "",
    )
