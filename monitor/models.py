"""Plain data passed between the stages of the pipeline.

watchlist -> fetch (FetchResult) -> normalize (Document of Blocks) -> segment (Clauses)
-> align (Changes without meaning) -> classify (Changes with categories, facts, severity)
-> store / alerts. No stage reaches into another; they only hand these values on.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from functools import cached_property
from typing import Any, Literal, TypeVar

BlockKind = Literal["heading", "paragraph", "item"]
ChangeKind = Literal["added", "removed", "modified", "moved"]
Severity = Literal["none", "low", "medium", "high"]

SEVERITIES: tuple[str, ...] = ("none", "low", "medium", "high")

CATEGORIES: tuple[str, ...] = (
    "retention",
    "sharing",
    "collection",
    "purpose",
    "transfer",
    "rights",
    "children",
    "security",
    "tracking",
    "changes",
    "contact",
)
# A change to a clause of these categories can be material; `contact` never is.
MATERIAL_CATEGORIES: frozenset[str] = frozenset(CATEGORIES) - {"contact"}


def sha256_hex(data: bytes | str) -> str:
    """The identity of a body or a normalised text (str as UTF-8): its sha256, in hex."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def severity_rank(severity: str) -> int:
    """0 for none .. 3 for high; unknown names rank as none."""
    return SEVERITIES.index(severity) if severity in SEVERITIES else 0


def most_important_first(changes: Sequence[Change]) -> list[Change]:
    """Material changes first, highest severity first; document order within each rank (the
    order reports and alerts list changes in; the JSON contract keeps document order)."""
    return sorted(changes, key=lambda c: (not c.material, -severity_rank(c.severity)))


@dataclass(frozen=True)
class Block:
    """One block of a normalised document: a heading, a paragraph or a list item.

    `level` is the heading level (1-6) for headings and the nesting depth (1..) for list items.
    `marker` is a list marker the markup itself supplied (e.g. "3." of an <ol>), if any.
    """

    kind: BlockKind
    text: str
    level: int = 0
    marker: str | None = None


@dataclass(frozen=True)
class Document:
    """A normalised page: its blocks in reading order, plus what was cut to keep memory bounded."""

    blocks: tuple[Block, ...]
    truncated: bool = False

    @cached_property  # read by the check, its guard and the store: joined once (into __dict__)
    def text(self) -> str:
        """The normalised text: one block a line. Its sha256 identifies a version."""
        return "\n".join(b.text for b in self.blocks)


@dataclass(frozen=True)
class Clause:
    """The unit that is compared and reported.

    `key` is the comparison key (text folded further: case, punctuation, spacing), so that
    two clauses with equal keys are the same clause. `marker` ("1.", "(一)", "a)") is kept
    apart from `text` so renumbering is not a change.
    """

    index: int
    text: str
    section: tuple[str, ...] = ()
    marker: str | None = None
    key: str = ""
    language: str = "und"
    is_heading: bool = False

    @property
    def section_path(self) -> str | None:
        return " > ".join(self.section) if self.section else None


_new = object.__new__
_set = object.__setattr__


# segment makes one Clause per sentence and normalize one Block per paragraph (~200 and ~100 on a
# real page): a frozen dataclass's __init__ sets each field through object.__setattr__ (a Clause
# ~1.1 µs), these set the instance's dict at once (~0.4 µs). The same values: equal, hashed alike.
def new_block(kind: BlockKind, text: str, level: int = 0, marker: str | None = None) -> Block:
    """Block(kind, text, level, marker), made faster (see above)."""
    b = _new(Block)
    _set(b, "__dict__", {"kind": kind, "text": text, "level": level, "marker": marker})
    return b


def new_clause(
    index: int,
    text: str,
    section: tuple[str, ...],
    marker: str | None,
    key: str,
    language: str,
    is_heading: bool,
) -> Clause:
    """Clause(...) with every field given, made faster (see above)."""
    c = _new(Clause)
    _set(
        c,
        "__dict__",
        {
            "index": index,
            "text": text,
            "section": section,
            "marker": marker,
            "key": key,
            "language": language,
            "is_heading": is_heading,
        },
    )
    return c


@dataclass(frozen=True)
class Fact:
    """One fact that differs between the old and new clause, for people to read.

    `direction` is one of: longer, shorter, added, removed, changed, flipped, raised, lowered,
    negated, affirmed.
    """

    category: str
    old: str | None
    new: str | None
    direction: str
    kind: str = ""  # duration, retention_state, age, country, polarity, recipient, data_type, right, ...


@dataclass(frozen=True)
class Context:
    """The text around a changed clause in its version (the clauses just before and after it in
    its section), so a reader sees the sentence in its paragraph."""

    before: str | None = None
    after: str | None = None

    def to_dict(self) -> dict[str, str | None]:
        return {"before": self.before, "after": self.after}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Context | None:
        if not d:
            return None
        return cls(before=d.get("before"), after=d.get("after"))


InlineDiff = list[tuple[int, str]]


class _DeferredInline:
    """An inline diff not computed yet: `make(old_text, new_text)` gives it when first read."""

    __slots__ = ("make", "old_text", "new_text")

    def __init__(self, make: Callable[[str, str], InlineDiff], old_text: str, new_text: str) -> None:
        self.make, self.old_text, self.new_text = make, old_text, new_text

    def __reduce__(self) -> tuple[Any, ...]:  # a copy or pickle holds the diff itself
        return (_identity, (self.make(self.old_text, self.new_text),))


def _identity(value: Any) -> Any:
    return value


class _InlineField:
    """Change.inline: a list of (op, text), None, or a diff deferred until first read
    (`with_deferred_inline`). The engine diffs every clause pair it aligns, and a re-written
    paragraph's pairs are then merged into one change whose own diff replaces theirs (hunks.py):
    their diffs (a few ms each for long clauses) were computed for nothing. Read, the deferred
    diff is computed once and kept; its value is the one computing it at once would give."""

    def __get__(self, obj: Any, objtype: Any = None) -> InlineDiff | None:
        if obj is None:
            return None  # the dataclass default
        value = obj.__dict__.get("inline")
        if type(value) is _DeferredInline:
            value = obj.__dict__["inline"] = value.make(value.old_text, value.new_text)
        return value

    def __set__(self, obj: Any, value: InlineDiff | None) -> None:
        obj.__dict__["inline"] = value  # a data descriptor: reads still come through __get__


@dataclass
class Change:
    """A difference between two versions, first as aligned, then as classified."""

    kind: ChangeKind
    old: Clause | None
    new: Clause | None
    inline: InlineDiff | None = _InlineField()  # type: ignore[assignment]
    categories: list[str] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    material: bool = False
    severity: Severity = "none"
    explanation: str = ""
    context: Context | None = None  # the clauses around it (pipeline.with_context)

    def replaced(self, **changes: Any) -> Change:
        """dataclasses.replace(self, **fields), a few times faster (the engine makes one per
        change, twice): every field is an __init__ argument and nothing runs after __init__, so a
        shallow copy with the given fields set is what replace builds. A name that is no field
        is refused, as replace refuses it."""
        if not _CHANGE_FIELDS.issuperset(changes):
            unknown = sorted(changes.keys() - _CHANGE_FIELDS)
            raise TypeError(f"Change has no field {unknown[0]!r}")
        copy = _new(Change)
        copy.__dict__.update(self.__dict__)
        copy.__dict__.update(changes)
        return copy

    def inline_pending(self) -> bool:
        """Whether the inline diff is deferred and not read yet (for tests and measurements)."""
        return type(self.__dict__.get("inline")) is _DeferredInline

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON shape of one change (see docs/diff-contract.md)."""

        def side(c: Clause | None) -> dict[str, Any] | None:
            if c is None:
                return None
            return {"index": c.index, "section": c.section_path, "text": c.text}

        out: dict[str, Any] = {
            "kind": self.kind,
            "material": self.material,
            "severity": self.severity,
            "categories": list(self.categories),
            "old": side(self.old),
            "new": side(self.new),
        }
        if self.inline is not None:
            out["inline"] = [[op, text] for op, text in self.inline]
        out["facts"] = [{k: v for k, v in asdict(f).items() if v is not None and v != ""} for f in self.facts]
        out["explanation"] = self.explanation
        if self.context is not None:
            out["context"] = self.context.to_dict()
        return out


_CHANGE_FIELDS = frozenset(f.name for f in fields(Change))


_T = TypeVar("_T")


def copy_with(obj: _T, **changes: Any) -> _T:
    """dataclasses.replace(obj, **changes), a Change through Change.replaced: the same copy,
    without reading (and so computing) a deferred inline diff on the way."""
    if type(obj) is Change:
        return obj.replaced(**changes)  # type: ignore[return-value]
    return replace(obj, **changes)  # type: ignore[type-var]


def with_deferred_inline(
    change: Change, make: Callable[[str, str], InlineDiff], old_text: str, new_text: str
) -> Change:
    """The change, its inline diff `make(old_text, new_text)` computed only if someone reads it."""
    change.__dict__["inline"] = _DeferredInline(make, old_text, new_text)
    return change


@dataclass(frozen=True)
class VersionInfo:
    """What the contract says of each side: the text's hash, clause count and main language."""

    sha256: str
    clauses: int
    language: str


@dataclass
class DiffResult:
    """The engine's answer for two versions."""

    old: VersionInfo
    new: VersionInfo
    changes: list[Change]

    @property
    def material(self) -> bool:
        return any(c.material for c in self.changes)

    @property
    def max_severity(self) -> str:
        ranks = [severity_rank(c.severity) for c in self.changes if c.material]
        return SEVERITIES[max(ranks)] if ranks else "none"

    def summary(self) -> dict[str, Any]:
        counts = {
            k: sum(1 for c in self.changes if c.kind == k) for k in ("added", "removed", "modified", "moved")
        }
        cats = sorted({k for c in self.changes if c.material for k in c.categories}, key=CATEGORIES.index)
        return {**counts, "material": self.material, "max_severity": self.max_severity, "categories": cats}

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": asdict(self.old),
            "new": asdict(self.new),
            "summary": self.summary(),
            "changes": [c.to_dict() for c in self.changes],
        }


@dataclass
class FetchResult:
    """What one HTTP attempt brought back. `outcome` is ok, not_modified or error."""

    url: str
    outcome: Literal["ok", "not_modified", "error"]
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    charset: str | None = None  # from the header or <meta>, when known
    headers: dict[str, str] = field(default_factory=dict)
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    duration_ms: int = 0
    truncated: bool = False
    rendered: str | None = None  # "browser" or "browser (auto: ...)" when a browser ran its scripts


# --- configuration, as loaded from watchlist.yaml (see watchlist.py) -------------------------


@dataclass(frozen=True)
class RouteConfig:
    """Where alerts go. `type` is console, email or webhook; `options` holds the type's own keys
    (email: to, from, smtp{host, port, starttls, tls, username, password_env}; webhook: url,
    secret_env, timeout). Secrets are never stored here, only the names of environment variables.
    """

    name: str
    type: str
    min_severity: str = "low"
    categories: tuple[str, ...] | None = None
    include_non_material: bool = False
    digest: str | None = None  # None or "daily"
    max_attempts: int = 8
    options: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)
    timezone: str = "UTC"  # the watchlist's `timezone:`: the zone its messages show times in


@dataclass(frozen=True)
class PolicyConfig:
    """One watched policy."""

    id: str
    name: str
    url: str
    type: str = "privacy"  # privacy | terms | cookies | other
    interval_seconds: int = 6 * 3600
    select: str | None = None
    remove: tuple[str, ...] = ()
    language: str | None = None
    alert: tuple[str, ...] = ("console",)
    previous_ids: tuple[str, ...] = ()  # ids this policy had before: its history moves to `id`
    render: str = "auto"  # auto | http | browser (fetch/browser.py)


@dataclass(frozen=True)
class FetchSettings:
    """How politely and how far the fetcher goes."""

    user_agent: str = "policy-monitor/0.1 (+https://github.com/policy-monitor)"
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    max_bytes: int = 10 * 2**20
    max_redirects: int = 10
    retries: int = 2
    backoff_base: float = 1.0
    backoff_max: float = 60.0
    per_host_delay: float = 2.0  # seconds between two requests to one host
    per_host_concurrency: int = 1
    max_workers: int = 8


@dataclass(frozen=True)
class Watchlist:
    """The whole watchlist.yaml, validated."""

    policies: tuple[PolicyConfig, ...]
    routes: dict[str, RouteConfig] = field(hash=False, compare=False, default_factory=dict)
    default_interval_seconds: int = 6 * 3600
    default_alert: tuple[str, ...] = ("console",)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    failure_threshold: int = 3  # consecutive failed checks before an "unreachable" alert
    keep_fetches_seconds: int = 90 * 86400  # fetch history the daemon keeps (versions: for ever)
    path: str | None = None
    timezone: str = "UTC"  # IANA zone the alerts show times in (top-level `timezone:`)
    web_url: str | None = None  # where `serve` is reached: alerts link to a version's change page there
    # the files `policies_from:` named (folders: the files read in them), in the order read
    sources: tuple[str, ...] = field(default=(), compare=False)
