"""Read models: what a person asks of the history, answered from the store as plain data.

In: an open Store (and, where the policy's settings matter, the Watchlist). Out: dataclasses and
dicts in the shapes the CLI prints with `--json`; the web app and its API (monitor/app/web/) call
the same functions: pages of policies filtered and sorted, a policy's fetch history, changes
filtered by time, policy, category, severity and materiality, any two versions compared, the
watchlist entry with secrets hidden. They only read. A policy or version that does not exist
raises NotFound, whose message says what does exist.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from monitor.clock import as_datetime, iso
from monitor.errors import MonitorError, did_you_mean
from monitor.models import (
    CATEGORIES,
    SEVERITIES,
    Change,
    Clause,
    Context,
    Fact,
    PolicyConfig,
    Watchlist,
    most_important_first,
    severity_rank,
)
from monitor.store import PolicyStatus, Store, StoredVersion


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
    if store.policy_record(policy_id) is not None:
        return
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


def changed_clauses(v: StoredVersion, changes: list[Change]) -> set[int]:
    """The indices of version `v`'s clauses that its changes touch. A change of one re-written
    paragraph (engine/hunks.py) stands at its first clause and holds the text of the clauses
    that follow it: each of those that its text holds is marked too."""
    marked: set[int] = set()
    for change in changes:
        if change.new is None:
            continue
        marked.add(change.new.index)
        text, at = change.new.text, 0
        for clause in v.clauses[change.new.index + 1 :]:
            found = text.find(clause.text, at) if clause.text else -1
            if found < 0:
                break
            marked.add(clause.index)
            at = found + len(clause.text)
    return marked


def policy_config(store: Store, policy_id: str, watchlist: Watchlist | None) -> PolicyConfig:
    """The policy as the watchlist has it, else as the store last mirrored it."""
    if watchlist is not None:
        for p in watchlist.policies:
            if p.id == policy_id:
                return p
    row = store.policy_record(policy_id)
    if row is None:
        raise NotFound(f"no policy {policy_id!r} in {store.path}")
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
        context=Context.from_dict(d.get("context")),
    )


# --- browsing at scale: the dashboard, the policy page, the change page, the API ----------------

STATUSES = ("ok", "failing", "suspect", "challenged", "unchecked")
SORTS = ("id", "name", "status", "last_check_at", "material_at", "severity", "versions", "language")
PER_PAGE = 100


def policy_status(last_outcome: str | None, last_error: str | None, health: str | None = "ok") -> str:
    """ok | failing | suspect | challenged | unchecked, from the latest fetch and the health state."""
    if last_outcome is None:
        return "unchecked"
    if last_outcome == "failed":
        return "challenged" if (last_error or "").startswith("challenge") else "failing"
    if last_outcome == "suspect":
        return "suspect"
    return "failing" if health == "unreachable" else "ok"


@dataclass
class PolicyRow:
    """One policy as the dashboard and `GET /api/policies` show it."""

    id: str
    name: str
    url: str
    type: str | None
    status: str
    last_check_at: str | None
    last_outcome: str | None
    last_error: str | None
    versions: int
    language: str | None
    last_version_at: str | None
    material_seq: int | None
    material_at: str | None
    material_severity: str | None
    material_categories: list[str]

    @classmethod
    def from_row(cls, r: dict[str, Any]) -> PolicyRow:
        return cls(
            id=r["id"],
            name=r["name"] or r["id"],
            url=redact_url(r["url"] or ""),
            type=r["type"],
            status=policy_status(r["last_outcome"], r["last_error"], r.get("health")),
            last_check_at=r["last_check_at"],
            last_outcome=r["last_outcome"],
            last_error=redact_text(r["last_error"]),
            versions=r["versions"],
            language=r["language"],
            last_version_at=r["last_version_at"],
            material_seq=r["material_seq"],
            material_at=r["material_at"],
            material_severity=r["material_severity"],
            material_categories=list(r["material_categories"]),
        )


@dataclass
class PolicyPage:
    """A page of the policy list with the filters and sort that made it."""

    items: list[PolicyRow]
    total: int
    page: int
    per_page: int
    filters: dict[str, Any]

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_dict(self) -> dict[str, Any]:
        return {
            "items": [asdict(i) for i in self.items],
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "filters": self.filters,
        }


class BadQuery(MonitorError):
    """A filter or sort value that is not one of the known ones."""


def _check_choice(name: str, value: str | None, choices: Sequence[str]) -> None:
    if value is not None and value not in choices:
        raise BadQuery(f"{name} must be one of {', '.join(choices)} (not {value!r})")


def policy_list(
    store: Store,
    *,
    sort: str = "id",
    order: str = "asc",
    severity: str | None = None,
    category: str | None = None,
    language: str | None = None,
    status: str | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> PolicyPage:
    """A page of policies, filtered (severity: the last material change's at least this; category:
    among its categories; language; status) and sorted. Unfiltered by id: one page is read."""
    _check_choice("sort", sort, SORTS)
    _check_choice("order", order, ("asc", "desc"))
    _check_choice("severity", severity, SEVERITIES[1:])
    _check_choice("category", category, CATEGORIES)
    _check_choice("status", status, STATUSES)
    page, per_page = max(1, page), min(max(1, per_page), 1000)
    filters = {
        k: v
        for k, v in (
            ("severity", severity),
            ("category", category),
            ("language", language),
            ("status", status),
        )
        if v is not None
    }
    if not filters and sort == "id":
        total = store.policy_count()
        offset = (page - 1) * per_page
        if order == "desc":
            offset = max(0, total - page * per_page)
            ids = store.policy_ids(limit=per_page if offset else total - (page - 1) * per_page, offset=offset)
            ids.reverse()
        else:
            ids = store.policy_ids(limit=per_page, offset=offset)
        rows = [PolicyRow.from_row(r) for r in store.policy_rows(ids=ids)] if ids else []
        rows.sort(key=lambda r: r.id, reverse=order == "desc")
        return PolicyPage(rows, total, page, per_page, {"sort": sort, "order": order})
    rows = store.policy_rows()  # every policy, plain dicts: filtered and sorted before a PolicyRow is made
    if severity is not None:
        least = severity_rank(severity)
        rows = [r for r in rows if r["material_severity"] and severity_rank(r["material_severity"]) >= least]
    if category is not None:
        rows = [r for r in rows if category in r["material_categories"]]
    if language is not None:
        rows = [r for r in rows if (r["language"] or "") == language]
    if status is not None:
        rows = [r for r in rows if _status_of(r) == status]
    rows = sorted(rows, key=_sort_key(sort), reverse=order == "desc")
    start = (page - 1) * per_page
    items = [PolicyRow.from_row(r) for r in rows[start : start + per_page]]
    return PolicyPage(items, len(rows), page, per_page, {**filters, "sort": sort, "order": order})


def _status_of(r: dict[str, Any]) -> str:
    return policy_status(r["last_outcome"], r["last_error"], r.get("health"))


def _sort_key(sort: str) -> Any:
    if sort == "severity":
        return lambda r: (severity_rank(r["material_severity"] or "none"), r["material_at"] or "", r["id"])
    if sort == "status":
        return lambda r: (STATUSES.index(_status_of(r)), r["id"])
    if sort == "versions":
        return lambda r: (r["versions"], r["id"])
    if sort == "name":
        return lambda r: (r["name"] or r["id"], r["id"])
    return lambda r: (r[sort] or "", r["id"])


def policy_row(store: Store, policy_id: str) -> PolicyRow:
    """One policy's dashboard row."""
    require_policy(store, policy_id)
    return PolicyRow.from_row(store.policy_rows(ids=[policy_id], include_inactive=True)[0])


def fetch_history(store: Store, policy_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """A policy's latest fetches, newest first: time, outcome, HTTP status, ms, bytes, error, version."""
    require_policy(store, policy_id)
    rows = store.fetch_rows(policy_id, limit)
    for r in rows:
        r["error"] = redact_text(r["error"])
    return rows


def changes(
    store: Store,
    *,
    since: str | None = None,
    policy_id: str | None = None,
    category: str | None = None,
    min_severity: str | None = None,
    material: bool | None = None,
    before: int | None = None,
    limit: int = PER_PAGE,
) -> list[dict[str, Any]]:
    """Changes newest first, filtered; each the Change.to_dict() shape with its id, policy_id,
    policy_name, seq (the version it led to) and seen_at. Page with before=<last id>."""
    _check_choice("category", category, CATEGORIES)
    _check_choice("min_severity", min_severity, SEVERITIES)
    if policy_id is not None:
        require_policy(store, policy_id)
    if since is not None:
        try:
            since = iso(as_datetime(since))
        except ValueError:
            raise BadQuery(
                f"since must be an ISO 8601 time, e.g. 2026-11-25T10:00:00Z (not {since!r})"
            ) from None
    return store.change_rows(
        since=since,
        policy_id=policy_id,
        category=category,
        min_severity=min_severity,
        material=material,
        before_id=before,
        limit=min(max(1, limit), 1000),
    )


@dataclass
class Comparison:
    """Two versions of a policy and the changes between them, material first."""

    policy_id: str
    old: StoredVersion
    new: StoredVersion
    changes: list[Change]
    stored: bool  # True: the changes recorded when `new` was seen (consecutive versions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "policy_id": self.policy_id,
            "from": self.old.seq,
            "to": self.new.seq,
            "stored": self.stored,
            "changes": [c.to_dict() for c in self.changes],
        }


def compare_versions(
    store: Store, policy_id: str, from_seq: int | None = None, to_seq: int | None = None
) -> Comparison:
    """Any two versions compared (default: the latest against the one before). Consecutive
    versions show the changes stored when the newer was seen (what the alert said); others are
    compared by the engine on their stored clauses, as `policy-monitor diff ID@3 ID@7` does."""
    new = version(store, policy_id, str(to_seq) if to_seq is not None else "latest")
    old = version(store, policy_id, str(from_seq) if from_seq is not None else str(max(1, new.seq - 1)))
    if old.seq + 1 == new.seq:
        found = changes_in(store, new)
        stored = True
    else:
        from monitor.engine.pipeline import compare

        found = compare(old.clauses, new.clauses, old_text=old.text, new_text=new.text).changes
        stored = False
    return Comparison(policy_id, old, new, most_important_first(found), stored)


_SECRET_KEYS = re.compile(r"(token|key|secret|pass|auth|sig|session|code|credential)", re.I)


def redact_url(url: str) -> str:
    """A URL fit to show: user:password@ and the values of secret-looking query parameters hidden."""
    if "@" not in url and "?" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    netloc = parts.netloc
    if "@" in netloc:
        netloc = "***@" + netloc.rsplit("@", 1)[1]
    query = "&".join(
        f"{k}=***" if _SECRET_KEYS.search(k) else (f"{k}={v}" if v or "=" in pair else k)
        for pair in parts.query.split("&")
        if pair
        for k, _, v in [pair.partition("=")]
    )
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))


_URL_IN_TEXT = re.compile(r"https?://\S+")


def redact_text(text: str | None) -> str | None:
    """An error message with any URL in it redacted."""
    return _URL_IN_TEXT.sub(lambda m: redact_url(m.group(0)), text) if text else text


def watchlist_entry(config: PolicyConfig) -> dict[str, Any]:
    """The watchlist entry of a policy as a page may show it: no secrets (the watchlist holds none,
    only route names; credentials in the URL are hidden)."""
    return {
        "id": config.id,
        "name": config.name,
        "url": redact_url(config.url),
        "type": config.type,
        "interval_seconds": config.interval_seconds,
        "select": config.select,
        "remove": list(config.remove),
        "language": config.language,
        "alert": list(config.alert),
    }


def status(store: Store) -> list[PolicyStatus]:
    """Per policy, what `status` shows: the store's rows with when the daemon checks next: the
    time it planned (policies.next_check_at, what its dispatch takes), or for a row it has not
    planned, its interval after a good check, sooner after failed ones (monitor/watch/timing.py)."""
    from monitor.watch.timing import effective_interval, next_check_at

    rows = store.status()
    for r in rows:
        if r.interval_seconds and r.next_check_at is None:
            due = next_check_at(r.last_check_at, r.retry_streak, effective_interval(r.interval_seconds))
            r.next_check_at = iso(due) if due else None
    return rows


def status_records(store: Store) -> list[dict[str, Any]]:
    """The JSON of `status --json` and `GET /api/status`: one record per policy."""
    out = []
    for r in status(store):
        d = asdict(r)
        d["url"] = redact_url(d["url"] or "")
        d["extra"]["error"] = redact_text(d["extra"].get("error"))
        d["alert_error"] = redact_text(d["alert_error"])
        out.append(d)
    return out
