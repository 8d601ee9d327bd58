"""Load and validate watchlist.yaml: what to watch, how often, and where alerts go.

In: the path of a YAML file. Out: a models.Watchlist (policies, alert routes, fetch settings),
or a WatchlistError naming the file, the line and the field at fault, e.g.
"watchlist.yaml:12: policies[3].interval: '6 hours' is not a duration (use 30s, 15m, 6h, 1d)".

The file is composed into YAML nodes (which keep their line) and checked node by node, so
every error can point at its line. `policies_from:` names more files of policies (CSV, JSON
lines, YAML, or folders of them): sources.py reads their rows into nodes carrying the row's line,
and the same Validator checks them, naming their file; ids are unique across every file.
stream_watchlist runs the same checks for a list of any length (the daemon): each valid policy
goes to a sink (the store's staging tables) as it is read, so a million entries are never in
memory at once, and the sink finds the ids used twice.
Everything but the policies has an embedded default; the route `console` always exists.
Secrets never live in the file: only the names of environment variables that hold them
(password_env, secret_env).
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, NoReturn, Protocol, TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from monitor.alerts.channels import CHANNELS
from monitor.config.sources import (
    Pairs,
    Stamp,
    csv_values,
    file_stamp,
    jsonl_values,
    kind_of,
    open_source,
    row_node,
    source_files,
)
from monitor.errors import WatchlistError, closest, did_you_mean
from monitor.fetch import setting_keys
from monitor.models import CATEGORIES, SEVERITIES, FetchSettings, PolicyConfig, RouteConfig, Watchlist

__all__ = [
    "MIN_INTERVAL_SECONDS",
    "PolicySink",
    "check_policy_files",
    "load_watchlist",
    "parse_duration",
    "parse_watchlist",
    "policy_entries",
    "stream_watchlist",
]

MIN_INTERVAL_SECONDS = 30
# Bounds on what a watchlist may cost to load (a hostile or broken file must not hang `validate`,
# `check` or the daemon's reload): its size, its nodes once aliases and `<<` merges are expanded
# (a 616-byte merge bomb expands to 10^8), and the time spent.
MAX_WATCHLIST_BYTES = 16 * 2**20
MAX_EXPANDED_NODES = 2_000_000
MAX_LOAD_SECONDS = 10.0
MAX_PROBLEMS_PER_SOURCE = 1000  # then a policy source is not checked further: fix these first
DURATION_HINT = "(use 30s, 15m, 6h, 1d)"
POLICY_TYPES = ("privacy", "terms", "cookies", "other")
RENDER_MODES = ("auto", "http", "browser")  # a policy's `render:` (monitor/fetch/browser.py)
CONSOLE = RouteConfig(name="console", type="console")

_DURATION = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?")
_SLUG = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
# an http(s) URL that urlsplit reads with a host (and a port, when it is at most 65535)
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::([0-9]{1,5}))?(?:[/?#]\S*)?")
_SIZE = re.compile(r"(\d+)\s*(b|kb|kib|mb|mib|gb|gib)?", re.IGNORECASE)
_SIZE_UNIT = {"b": 1, "kb": 10**3, "kib": 2**10, "mb": 10**6, "mib": 2**20, "gb": 10**9, "gib": 2**30}

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE_TAG = "tag:yaml.org,2002:merge"
T = TypeVar("T")


@functools.lru_cache(maxsize=64)  # a long list repeats a few intervals
def parse_duration(text: str) -> float | None:
    """Seconds in "30s", "15m", "6h", "1d" or combinations like "1h30m"; None if not a duration."""
    match = _DURATION.fullmatch(text.strip().lower())
    if not match or not text.strip() or not any(match.groups()):
        return None
    d, h, m, s = match.groups()
    return int(d or 0) * 86400 + int(h or 0) * 3600 + int(m or 0) * 60 + float(s or 0)


def load_watchlist(path: str | Path, *, stamps: dict[str, Stamp] | None = None) -> Watchlist:
    """Read and validate the watchlist at `path` and the policy sources it names; raise
    WatchlistError on anything wrong. `stamps`, when given, receives the (mtime, size) of every
    file and folder read, taken before reading it, even when loading fails: what the daemon
    watches to reload on an edit."""
    name = str(path)
    stamps = {} if stamps is None else stamps
    stamps[name] = file_stamp(path)
    raw = _read_capped(name)
    return _parse(_decode(raw, name), name, stamps)


class PolicySink(Protocol):
    """Where stream_watchlist hands each valid policy entry instead of keeping it in memory
    (monitor.store.schedule.PolicyStaging): it finds the ids used twice and the previous ids
    that conflict once every entry is in, as unique_policies does for a watchlist in memory."""

    def add(self, policy: PolicyConfig, source: str, line: int, id_line: int, field: str) -> None: ...

    def conflicts(self) -> Iterator[Any]: ...  # monitor.store.schedule.Conflict


def stream_watchlist(
    path: str | Path, sink: PolicySink, *, stamps: dict[str, Stamp] | None = None, sources: bool = True
) -> Watchlist:
    """load_watchlist for a list of any size: the same checks and errors, but every valid policy
    goes to `sink` as it is read, and the Watchlist returned holds no policies. Raises
    WatchlistError when anything is wrong (what the sink holds is then to be discarded).
    Without `sources`, the files `policies_from:` names are not read (their policies are known)."""
    name = str(path)
    stamps = {} if stamps is None else stamps
    stamps[name] = file_stamp(path)
    root = _compose(_decode(_read_capped(name), name), name)
    if root is None:
        raise WatchlistError(name, 1, None, "the file is empty; it needs at least a `policies:` list")
    validator = Validator(name, stamps)
    validator.sink, validator.read_sources = sink, sources
    try:
        return validator.watchlist(root)
    except RecursionError:
        raise WatchlistError(name, None, None, "nested too deeply") from None


def parse_watchlist(text: str, path: str = "watchlist.yaml") -> Watchlist:
    """Validate watchlist YAML given as text; `path` is used in error messages, and its folder is
    where `policies_from:` paths start."""
    return _parse(text, path, {})


def check_policy_files(paths: list[Path], watchlist: str | Path) -> Watchlist:
    """Validate policy source files (or folders) as if the watchlist named them in
    `policies_from:`: with its routes and defaults, ids unique across it and them. Without a
    watchlist file, against an empty one (the console route, the default interval). Raises one
    WatchlistError with every problem, the watchlist's own included."""
    name = str(watchlist)
    text = _decode(_read_capped(name), name) if Path(name).exists() else "policies: []\n"
    root = _compose(text, name) or _compose("policies: []\n", name)
    validator = Validator(name)
    validator.extra = list(paths)
    try:
        return validator.watchlist(root)  # type: ignore[arg-type]
    except RecursionError:
        raise WatchlistError(name, None, None, "nested too deeply") from None


def policy_entries(path: Path) -> Iterator[dict[str, Any]]:
    """The entries of a policy source file that validates, as written (only the keys it sets,
    lists as lists), for `import` to print as YAML; keys starting with x- are left out."""
    constructor = yaml.SafeLoader("")
    checker = Validator(str(path))
    with open_source(str(path)) as f:
        for row in checker.rows(f):
            if isinstance(row, WatchlistError):
                raise row
            value = constructor.construct_object(row[1], deep=True)
            yield {k: v for k, v in value.items() if not str(k).startswith("x-")}


def _read_capped(name: str) -> bytes:
    try:
        with open(name, "rb") as f:
            raw = f.read(MAX_WATCHLIST_BYTES + 1)
    except OSError as e:
        raise WatchlistError(name, None, None, f"cannot read: {e.strerror or e}") from None
    if len(raw) > MAX_WATCHLIST_BYTES:
        raise WatchlistError(name, None, None, f"larger than {MAX_WATCHLIST_BYTES // 2**20} MiB")
    return raw


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise WatchlistError(name, line, None, "not UTF-8 text") from None


def _parse(text: str, path: str, stamps: dict[str, Stamp]) -> Watchlist:
    root = _compose(text, path)
    if root is None:
        raise WatchlistError(path, 1, None, "the file is empty; it needs at least a `policies:` list")
    try:
        return Validator(path, stamps).watchlist(root)
    except RecursionError:
        raise WatchlistError(path, None, None, "nested too deeply") from None


def _compose(text: str, path: str) -> Node | None:
    """The YAML node tree of `text` (None when empty), within the expansion bound."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(str(p) for p in (e.context, e.problem) if p) or "not valid YAML"
        raise WatchlistError(path, line, None, f"YAML syntax: {problem}") from None
    except yaml.YAMLError as e:
        raise WatchlistError(path, None, None, f"YAML syntax: {e}") from None
    except RecursionError:
        raise WatchlistError(path, None, None, "nested too deeply") from None
    if root is not None:
        try:
            _check_expansion(root, path, time.monotonic() + MAX_LOAD_SECONDS)
        except RecursionError:
            raise WatchlistError(path, None, None, "nested too deeply") from None
    return root


def _check_expansion(root: Node, path: str, deadline: float) -> None:
    """Refuse a tree whose nodes, with every alias and `<<` merge expanded, exceed the bound.

    Each distinct node is sized once (aliases share their node), so this costs one pass over
    the file as written, however large its expansion."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:  # a recursive alias: PyYAML's composer does not make one, but be sure
            raise WatchlistError(path, node.start_mark.line + 1, None, "an alias refers to itself")
        if time.monotonic() > deadline:
            raise WatchlistError(path, None, None, f"took more than {MAX_LOAD_SECONDS:g} s to load")
        active.add(key)
        total = 1
        if isinstance(node, MappingNode):
            for k, v in node.value:
                total += size(k) + size(v)
                if total > MAX_EXPANDED_NODES:
                    break
        elif isinstance(node, SequenceNode):
            for item in node.value:
                total += size(item)
                if total > MAX_EXPANDED_NODES:
                    break
        active.discard(key)
        if total > MAX_EXPANDED_NODES:
            raise WatchlistError(
                path,
                node.start_mark.line + 1,
                None,
                f"more than {MAX_EXPANDED_NODES:,} values once its aliases and `<<` merges are expanded",
            )
        sizes[key] = total
        return total

    size(root)


class Validator:
    """Walks the node tree and reports every problem at its node's line, all in one run.

    A check that fails raises a WatchlistError (`fail`); `collect` keeps it and goes on with a
    default, so one bad field does not hide the next. Alert channels read their own options
    through the same methods (monitor.alerts.channels).
    """

    def __init__(self, path: str, stamps: dict[str, Stamp] | None = None) -> None:
        self.path = path
        self.stamps: dict[str, Stamp] = {} if stamps is None else stamps  # what was read (sources.py)
        self.sources: list[str] = []  # the policy source files read, in order
        self.read: set[Path] = {Path(path).resolve()}  # ... resolved: each is read once
        self.extra: list[Path] = []  # files checked as if named by `policies_from:` (`import`)
        self._constructor = yaml.SafeLoader("")
        self.problems: list[WatchlistError] = []
        self.broken_routes: set[str] = set()  # declared, but invalid: already reported
        self.misspelt: set[str] = set()  # fields an unknown key was probably meant to be
        self.sink: PolicySink | None = None  # stream_watchlist: entries go there, not to memory
        self.read_sources = True  # False: `policies_from:` is not read (stream_watchlist)

    # --- errors and basic shapes -----------------------------------------------------------

    def error(self, node: Node | None, field: str | None, message: str) -> WatchlistError:
        line = node.start_mark.line + 1 if node is not None and node.start_mark else None
        return WatchlistError(self.path, line, field, message)

    def fail(self, node: Node | None, field: str | None, message: str) -> NoReturn:
        raise self.error(node, field, message)

    def note(self, node: Node | None, field: str | None, message: str) -> None:
        """Report a problem and go on."""
        self.keep(self.error(node, field, message))

    def keep(self, problem: WatchlistError) -> None:
        # `polices:` is reported as a misspelling of `policies`; "policies: missing" would say it again
        if not (problem.message.startswith("missing") and problem.field in self.misspelt):
            self.problems.append(problem)

    def collect(self, default: T, read: Callable[..., T], *args: Any) -> T:
        """`read(*args)`, or `default` when it fails; the failure is kept for the final report."""
        try:
            return read(*args)
        except WatchlistError as e:
            self.keep(e)
            return default

    def mapping(self, node: Node, field: str, allowed: dict[str, str] | tuple[str, ...]) -> dict[str, Node]:
        """The keys of a mapping node -> value nodes; unknown or repeated keys are errors."""
        if not isinstance(node, MappingNode):
            self.fail(node, field or None, f"expected a mapping of keys, got {_describe(node)}")
        out: dict[str, Node] = {}
        explicit, inherited = self.pairs(node)
        for key_node, value_node in explicit + inherited:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            if (key_node, value_node) in inherited and key in out:
                continue  # an explicit key overrides one merged in with `<<: *anchor`
            where = f"{field}.{key}" if field else str(key)
            if key is None:
                self.note(key_node, field or None, "keys must be plain names")
                continue
            if key in out:
                self.note(key_node, where, "appears twice")
                continue
            if not field and str(key).startswith("x-"):
                continue  # top-level `x-...` keys hold YAML anchors to merge elsewhere, as in compose files
            if key not in allowed:
                hint = did_you_mean(key, allowed)
                meant = closest(key, allowed)
                if meant:
                    self.misspelt.add(f"{field}.{meant}" if field else meant)
                known = ", ".join(allowed)
                self.note(key_node, where, f"unknown key{hint} (known keys: {known})")
                continue
            out[key] = value_node
        return out

    def pairs(
        self, node: MappingNode, depth: int = 0
    ) -> tuple[list[tuple[Node, Node]], list[tuple[Node, Node]]]:
        """A mapping's own (key, value) nodes, and those it merges in with `<<: *anchor`."""
        explicit: list[tuple[Node, Node]] = []
        inherited: list[tuple[Node, Node]] = []
        for key_node, value_node in node.value:
            if key_node.tag != _MERGE_TAG:
                explicit.append((key_node, value_node))
                continue
            sources = value_node.value if isinstance(value_node, SequenceNode) else [value_node]
            for source in sources:
                if not isinstance(source, MappingNode) or depth > 20:
                    self.fail(key_node, None, "`<<` merges only mappings (e.g. `<<: *defaults`)")
                own, more = self.pairs(source, depth + 1)
                inherited += [p for p in own + more if p[0].value not in {k.value for k, _ in inherited}]
        return explicit, inherited

    def effective(self, node: MappingNode) -> list[tuple[Node, Node]]:
        explicit, inherited = self.pairs(node)
        own = {k.value for k, _ in explicit}
        return explicit + [p for p in inherited if p[0].value not in own]

    def value(self, node: Node) -> Any:
        value = self._constructor.construct_object(node, deep=True)
        # PyYAML keeps every node it constructed, and the node with it: a million rows would stay
        # in memory. Nothing here needs one constructed value twice, so forget them.
        self._constructor.constructed_objects.clear()
        return value

    def is_null(self, node: Node | None) -> bool:
        return node is None or (isinstance(node, ScalarNode) and node.tag.endswith(":null"))

    def string(self, node: Node, field: str, *, allow_empty: bool = False) -> str:
        # The raw scalar text, so `language: no` stays "no" rather than YAML 1.1's False.
        if not isinstance(node, ScalarNode) or self.is_null(node):
            self.fail(node, field, f"expected a text, got {_describe(node)}")
        text = str(node.value).strip()
        if not text and not allow_empty:
            self.fail(node, field, "must not be empty")
        return text

    def strings(self, node: Node, field: str) -> tuple[str, ...]:
        """A text or a list of texts."""
        if isinstance(node, SequenceNode):
            return tuple(self.string(item, f"{field}[{i}]") for i, item in enumerate(node.value))
        return (self.string(node, field),)

    def boolean(self, node: Node, field: str) -> bool:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if not isinstance(value, bool):
            self.fail(node, field, f"expected true or false, got {_describe(node)}")
        return value

    def integer(self, node: Node, field: str, *, minimum: int = 0, maximum: int | None = None) -> int:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(node, field, f"expected a whole number, got {_describe(node)}")
        if value < minimum or (maximum is not None and value > maximum):
            upper = f" and at most {maximum}" if maximum is not None else ""
            self.fail(node, field, f"{value} is out of range (at least {minimum}{upper})")
        return value

    def seconds(self, node: Node, field: str, *, minimum: float = 0.0, allow_number: bool = True) -> float:
        """A duration: "30s", "6h", "1h30m", or (if allow_number) a plain number of seconds."""
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if allow_number and isinstance(value, (int, float)) and not isinstance(value, bool):
            seconds: float | None = float(value)
        else:
            seconds = parse_duration(node.value) if isinstance(node, ScalarNode) else None
        if seconds is None:
            shown = repr(str(node.value)) if isinstance(node, ScalarNode) else _describe(node)
            self.fail(node, field, f"{shown} is not a duration {DURATION_HINT}")
        if seconds < minimum:
            self.fail(node, field, f"{node.value} is shorter than the minimum of {_format_seconds(minimum)}")
        return seconds

    def choice(self, node: Node, field: str, options: tuple[str, ...]) -> str:
        text = self.string(node, field)
        if text not in options:
            self.fail(
                node, field, f"{text!r} is not one of {', '.join(options)}{did_you_mean(text, options)}"
            )
        return text

    def sequence(self, node: Node, field: str) -> list[Node]:
        if self.is_null(node):
            return []
        if not isinstance(node, SequenceNode):
            self.fail(node, field, f"expected a list, got {_describe(node)}")
        return list(node.value)

    def optional(self, keys: dict[str, Node], key: str, read: Callable[[Node], T], default: T) -> T:
        node = keys.get(key)
        if self.is_null(node):
            return default
        return self.collect(default, read, node)

    # --- the document ----------------------------------------------------------------------

    def watchlist(self, root: Node) -> Watchlist:
        """The whole document; raises one WatchlistError holding every problem found."""
        top_keys = ("defaults", "alerts", "policies", "policies_from", "fetch", "failure_threshold")
        top_keys += ("keep_fetches", "timezone", "web_url")
        top = self.mapping(root, "", top_keys)
        tz = self.optional(top, "timezone", lambda n: self.zone(n, "timezone"), "UTC")
        web_url = self.optional(top, "web_url", lambda n: self.url(n, "web_url").rstrip("/"), None)
        routes = self.collect({"console": CONSOLE}, self.routes, top.get("alerts"))
        interval, default_alert = self.collect(
            (6 * 3600, ("console",)), self.defaults, top.get("defaults"), routes
        )
        context = _Context(routes, interval, default_alert)
        entries: list[_Entry] = []
        if "policies" in top:
            entries += self._sunk(self.collect([], self.policies, top["policies"], context))
        if "policies_from" in top:
            entries += self.collect([], self.policies_from, top["policies_from"], context)
        for path in self.extra:
            entries += self.named(
                path, context, lambda message, p=str(path): self.keep(WatchlistError(p, None, None, message))
            )
        if "policies" not in top and "policies_from" not in top and not self.extra:
            self.note(root, "policies", "missing: the list of policies to watch (or `policies_from:` files)")
        policies = unique_policies(entries) if self.sink is None else self._sink_conflicts()
        fetch = self.optional(top, "fetch", self.fetch_settings, FetchSettings())
        threshold = self.optional(
            top, "failure_threshold", lambda n: self.integer(n, "failure_threshold", minimum=1), 3
        )
        keep_fetches = self.optional(
            top,
            "keep_fetches",
            lambda n: int(self.seconds(n, "keep_fetches", minimum=86400, allow_number=False)),
            90 * 86400,
        )
        if self.problems:
            raise WatchlistError.combined(self.problems, [self.path, *self.sources])
        return Watchlist(
            policies=policies,
            routes={name: dataclasses.replace(route, timezone=tz) for name, route in routes.items()},
            timezone=tz,
            web_url=web_url,
            default_interval_seconds=interval,
            default_alert=default_alert,
            fetch=fetch,
            failure_threshold=threshold,
            keep_fetches_seconds=keep_fetches,
            path=self.path,
            sources=tuple(self.sources),
        )

    def _sunk(self, entries: list[_Entry]) -> list[_Entry]:
        """The entries to keep in memory: all of them, or none once handed to the sink."""
        if self.sink is None:
            return entries
        for entry in entries:
            self.sink.add(entry.policy, entry.checker.path, entry.line, entry.id_line, entry.field)
        return []

    def _sink_conflicts(self) -> tuple[PolicyConfig, ...]:
        """The errors unique_policies gives, from what the sink found; no policies in memory."""
        assert self.sink is not None
        for c in self.sink.conflicts():
            if c.kind == "duplicate":
                where = (
                    f"line {c.first_line}"
                    if c.first_source == c.source
                    else (f"line {c.first_line} of {c.first_source}")
                )
                message = f"{c.policy_id!r} is already used on {where}; ids must be unique"
            else:
                message = (
                    f"{c.policy_id!r} is still the id of a policy, or another policy's previous id: "
                    "one history cannot move to two policies"
                )
            self.keep(WatchlistError(c.source, c.line, c.field, message))
        return ()

    def defaults(self, node: Node | None, routes: dict[str, RouteConfig]) -> tuple[int, tuple[str, ...]]:
        if self.is_null(node):
            return 6 * 3600, ("console",)
        assert node is not None
        keys = self.mapping(node, "defaults", ("interval", "alert"))
        interval = self.optional(keys, "interval", lambda n: self.interval(n, "defaults.interval"), 6 * 3600)
        alert = self.optional(
            keys, "alert", lambda n: self.route_names(n, "defaults.alert", routes), ("console",)
        )
        return interval, alert

    def interval(self, node: Node, field: str) -> int:
        return round(self.seconds(node, field, minimum=MIN_INTERVAL_SECONDS, allow_number=False))

    def route_names(self, node: Node, field: str, routes: dict[str, RouteConfig]) -> tuple[str, ...]:
        items = node.value if isinstance(node, SequenceNode) else [node]
        names: list[str] = []
        for i, item in enumerate(items):
            where = f"{field}[{i}]" if isinstance(node, SequenceNode) else field
            name = self.string(item, where)
            if name in self.broken_routes:
                continue  # its own error is reported at its declaration
            if name not in routes:
                declared = ", ".join(routes)
                self.fail(
                    item,
                    where,
                    f"no alert route named {name!r}{did_you_mean(name, routes)} "
                    f"(declared under alerts: {declared})",
                )
            if name not in names:
                names.append(name)
        return tuple(names)

    # --- alerts ----------------------------------------------------------------------------

    _ROUTE_COMMON = ("type", "min_severity", "categories", "include_non_material", "digest", "max_attempts")

    def routes(self, node: Node | None) -> dict[str, RouteConfig]:
        routes: dict[str, RouteConfig] = {"console": CONSOLE}
        if self.is_null(node):
            return routes
        assert node is not None
        if not isinstance(node, MappingNode):
            self.fail(node, "alerts", f"expected a mapping of route names to routes, got {_describe(node)}")
        seen: set[str] = set()
        for key_node, value_node in node.value:
            name = key_node.value if isinstance(key_node, ScalarNode) else ""
            if not _SLUG.fullmatch(str(name)):
                self.note(key_node, f"alerts.{name}", "a route name is lower-case letters, digits, - and _")
                self.broken_routes.add(str(name))
                continue
            if name in seen:
                self.note(key_node, f"alerts.{name}", "appears twice")
                continue
            seen.add(name)
            route = self.collect(None, self.route, name, key_node, value_node, f"alerts.{name}")
            if route is None:
                self.broken_routes.add(name)
            else:
                routes[name] = route
        return routes

    def route(self, name: str, name_node: Node, node: Node, field: str) -> RouteConfig:
        """One route; what it lacks is reported at the line of its name."""
        if not isinstance(node, MappingNode):
            self.fail(node, field, f"expected a mapping with at least `type:`, got {_describe(node)}")
        type_node = next((v for k, v in self.effective(node) if getattr(k, "value", None) == "type"), None)
        route_types = tuple(CHANNELS)
        if type_node is None:
            self.fail(name_node, f"{field}.type", f"missing: one of {', '.join(route_types)}")
        channel = CHANNELS[self.choice(type_node, f"{field}.type", route_types)]
        self._refuse_secrets(node, field)
        keys = self.mapping(node, field, self._ROUTE_COMMON + channel.keys)
        options = channel.read_options(self, keys, field, name_node)
        return RouteConfig(
            name=name,
            type=channel.name,
            min_severity=self.optional(
                keys, "min_severity", lambda n: self.choice(n, f"{field}.min_severity", SEVERITIES), "low"
            ),
            categories=self.optional(
                keys, "categories", lambda n: self.categories(n, f"{field}.categories"), None
            ),
            include_non_material=self.optional(
                keys,
                "include_non_material",
                lambda n: self.boolean(n, f"{field}.include_non_material"),
                False,
            ),
            digest=self.optional(
                keys, "digest", lambda n: self.choice(n, f"{field}.digest", ("daily",)), None
            ),
            max_attempts=self.optional(
                keys,
                "max_attempts",
                lambda n: self.integer(n, f"{field}.max_attempts", minimum=1, maximum=100),
                8,
            ),
            options=options,
        )

    def _refuse_secrets(self, node: MappingNode, field: str) -> None:
        for key_node, value_node in self.effective(node):
            key = getattr(key_node, "value", None)
            if key in ("password", "secret"):
                self.fail(
                    key_node,
                    f"{field}.{key}",
                    f"secrets are not read from the watchlist: put it in an "
                    f"environment variable and name that variable with {key}_env",
                )
            if key == "smtp" and isinstance(value_node, MappingNode):
                self._refuse_secrets(value_node, f"{field}.smtp")

    def categories(self, node: Node, field: str) -> tuple[str, ...]:
        items = self.sequence(node, field) if isinstance(node, SequenceNode) else [node]
        out = []
        for i, item in enumerate(items):
            where = f"{field}[{i}]" if isinstance(node, SequenceNode) else field
            out.append(self.choice(item, where, CATEGORIES))
        return tuple(out)

    def zone(self, node: Node, field: str) -> str:
        """An IANA time zone name (Europe/Stockholm, America/New_York, UTC)."""
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        name = self.string(node, field)
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            example = "e.g. UTC, Europe/Stockholm, America/New_York"
            self.fail(node, field, f"{name!r} is not a time zone name ({example})")
        return name

    def env_name(self, node: Node, field: str) -> str:
        name = self.string(node, field)
        if not _ENV_NAME.fullmatch(name):
            self.fail(node, field, f"{name!r} is not an environment variable name (letters, digits and _)")
        return name

    def url(self, node: Node, field: str) -> str:
        text = self.string(node, field)
        problem = _url_problem(text)
        if problem:
            self.fail(node, field, problem)
        return text

    # --- policies --------------------------------------------------------------------------

    _POLICY_KEYS = (
        "id",
        "name",
        "url",
        "type",
        "interval",
        "select",
        "remove",
        "language",
        "alert",
        "previous_ids",
        "render",
    )

    def policies(self, node: Node, context: _Context) -> list[_Entry]:
        """The entries under `policies:`, each validated (duplicates are found later, across files)."""
        entries = []
        for i, item in enumerate(self.sequence(node, "policies")):
            entry = self.entry(item, f"policies[{i}]", context)
            if entry is not None:
                entries.append(entry)
        return entries

    def entry(self, node: Node, field: str, context: _Context) -> _Entry | None:
        """One policy entry, validated by `policy`; None when it has errors (kept for the report)."""
        policy = self.collect(None, self.policy, node, field, *context)
        if policy is None:
            return None
        line = node.start_mark.line + 1
        if not field:  # a CSV or JSON-lines row: one line
            return _Entry(policy, self, field, line, line)
        id_node = next((v for k, v in self.effective(node) if k.value == "id"), node)  # type: ignore[arg-type]
        return _Entry(policy, self, field, line, id_node.start_mark.line + 1)

    def policies_from(self, node: Node, context: _Context) -> list[_Entry]:
        """The entries of every file `policies_from:` names (a path or a list of paths, relative to
        the watchlist's folder): each file read once, in order, folders' files in name order."""
        items = node.value if isinstance(node, SequenceNode) else [node]
        base = Path(self.path).parent
        entries: list[_Entry] = []
        for i, item in enumerate(items):
            where = f"policies_from[{i}]" if isinstance(node, SequenceNode) else "policies_from"
            text = self.collect(None, self.string, item, where)
            if text is not None:
                entries += self.named(
                    base / text, context, lambda message, n=item, w=where: self.note(n, w, message)
                )
        return entries

    def named(self, path: Path, context: _Context, report: Callable[[str], None]) -> list[_Entry]:
        """The entries of one named file or folder; `report` says what is wrong with the name itself."""
        if not self.read_sources:
            return []
        try:
            files = source_files(path, Path(self.path).resolve(), self.stamps)
        except FileNotFoundError:
            report(f"{str(path)!r}: no such file or folder")
            return []
        except ValueError as e:
            report(str(e))
            return []
        except OSError as e:
            report(f"{path}: {e.strerror or e}")
            return []
        entries: list[_Entry] = []
        for file in files:
            if file.resolve() not in self.read:
                self.read.add(file.resolve())
                entries += self.source(file, context)
        return entries

    def source(self, file: Path, context: _Context) -> list[_Entry]:
        """The entries of one policy source, checked by a Validator naming that file in its errors
        (and sharing this one's report); at most MAX_PROBLEMS_PER_SOURCE problems, then it stops."""
        checker = Validator(str(file), self.stamps)
        checker.problems, checker.broken_routes, checker._constructor = (
            self.problems,
            self.broken_routes,
            self._constructor,
        )
        self.sources.append(checker.path)
        self.stamps[checker.path] = file_stamp(file)
        entries: list[_Entry] = []
        before = len(self.problems)
        try:
            with open_source(checker.path) as f:
                for item in checker.plain_rows(f):
                    if len(self.problems) - before >= MAX_PROBLEMS_PER_SOURCE:
                        checker.note(
                            None,
                            None,
                            f"more than {MAX_PROBLEMS_PER_SOURCE} problems: "
                            "the rest of the file is not checked",
                        )
                        break
                    if isinstance(item, WatchlistError):
                        checker.keep(item)
                        continue
                    line, value, field = item
                    if not isinstance(value, Node):
                        policy = checker.quick_policy(value, context)
                        if policy is not None and self.sink is not None:
                            self.sink.add(policy, checker.path, line, line, field)  # what _sunk does
                            continue
                        if policy is not None:
                            entries.append(_Entry(policy, checker, field, line, line))
                            continue
                        row = row_node(value, checker.path, line)  # the node path says what is wrong
                        if isinstance(row, WatchlistError):
                            checker.keep(row)
                            continue
                        value = row[1]
                    checker.misspelt = set()  # rows share field names: a hint is for its own row only
                    entry = checker.entry(value, field, context)
                    if entry is not None:
                        entries += self._sunk([entry])
        except WatchlistError as e:
            checker.keep(e)
        except OSError as e:
            checker.note(None, None, f"cannot read: {e.strerror or e}")
        return entries

    def rows(self, f: BinaryIO) -> Iterator[tuple[int, Node, str] | WatchlistError]:
        """(line, entry node, field) of each entry of the open source file, or a reading problem."""
        for row in self.plain_rows(f):
            if isinstance(row, WatchlistError) or isinstance(row[1], Node):
                yield row
            else:
                node = row_node(row[1], self.path, row[0])
                yield node if isinstance(node, WatchlistError) else (*node, row[2])

    def plain_rows(self, f: BinaryIO) -> Iterator[tuple[int, Any, str] | WatchlistError]:
        """rows, but a CSV or JSON-lines row as its plain value (Pairs for an object), not a node."""
        kind = kind_of(self.path)
        if kind == "csv":
            for row in csv_values(f, self.path, self._POLICY_KEYS):
                yield row if isinstance(row, WatchlistError) else (*row, "")
        elif kind == "jsonl":
            for row in jsonl_values(f, self.path):
                yield row if isinstance(row, WatchlistError) else (*row, "")
        else:
            yield from self.yaml_rows(f)

    def quick_policy(self, row: Any, context: _Context) -> PolicyConfig | None:
        """The policy of a CSV or JSON-lines row, checked by the rules `policy` applies without
        making YAML nodes, when the row is valid and every value a text (or a list of texts).
        None when it is not: `policy` then reads its nodes and reports what is wrong, so both
        ways give one result and one set of messages (a long CSV list is read 2.5x faster)."""
        if not isinstance(row, Pairs):
            return None
        values = dict(row)
        if len(values) != len(row) or "id" not in values or "url" not in values:
            return None
        fields: dict[str, Any] = {}
        for key, raw in values.items():
            quick = _QUICK.get(key)
            if quick is None:
                if key.startswith("x-"):
                    continue  # as `mapping` ignores them in a row
                return None
            value = quick[1](self, raw, context)
            if value is None:
                return None
            fields[quick[0]] = value
        fields.setdefault("name", fields["id"])
        fields.setdefault("interval_seconds", context.interval)
        fields.setdefault("alert", context.alert)
        return PolicyConfig(**fields)

    def quick_routes(self, raw: Any, context: _Context) -> tuple[str, ...] | None:
        """route_names for a text or list of texts: None when one is not a declared route (or a
        broken one, which route_names skips: its own error is reported anyway)."""
        names = _quick_texts(raw)
        if names is None or any(n not in context.routes or n in self.broken_routes for n in names):
            return None
        return tuple(dict.fromkeys(names))

    def yaml_rows(self, f: BinaryIO) -> Iterator[tuple[int, Node, str]]:
        """A YAML source: a list of entries, or a mapping with `policies:` (and `x-` anchors)."""
        raw = f.read(MAX_WATCHLIST_BYTES + 1)
        if len(raw) > MAX_WATCHLIST_BYTES:
            self.fail(
                None,
                None,
                f"larger than {MAX_WATCHLIST_BYTES // 2**20} MiB (a YAML source has the "
                "bounds of the watchlist; CSV and JSON lines sources may be larger)",
            )
        root = _compose(_decode(raw, self.path), self.path)
        if root is None:
            return
        if isinstance(root, MappingNode):
            keys = self.mapping(root, "", ("policies",))
            if "policies" not in keys:
                self.fail(root, "policies", "missing: a source holds a list of policies, or `policies:`")
            root = keys["policies"]
        elif not isinstance(root, SequenceNode):
            self.fail(
                root,
                None,
                f"expected a list of policies, or a mapping with `policies:`, got {_describe(root)}",
            )
        for i, item in enumerate(self.sequence(root, "policies")):
            yield item.start_mark.line + 1, item, f"policies[{i}]"

    def policy(
        self, node: Node, field: str, routes: dict[str, RouteConfig], interval: int, alert: tuple[str, ...]
    ) -> PolicyConfig:
        def at(key: str) -> str:
            return f"{field}.{key}" if field else key

        keys = self.mapping(node, field, self._POLICY_KEYS)
        for required in ("id", "url"):
            if required not in keys:
                self.fail(node, at(required), "missing: every policy needs an id and a url")
        policy_id = self.string(keys["id"], at("id"))
        if not _SLUG.fullmatch(policy_id):
            self.fail(
                keys["id"],
                at("id"),
                f"{policy_id!r} is not a slug (lower-case letters, digits, "
                "- and _, at most 64, e.g. kaiconn-privacy)",
            )
        return PolicyConfig(
            id=policy_id,
            name=self.optional(keys, "name", lambda n: self.string(n, at("name")), policy_id),
            url=self.collect("", self.url, keys["url"], at("url")),
            type=self.optional(keys, "type", lambda n: self.choice(n, at("type"), POLICY_TYPES), "privacy"),
            interval_seconds=self.optional(
                keys, "interval", lambda n: self.interval(n, at("interval")), interval
            ),
            select=self.optional(keys, "select", lambda n: self.selector(n, at("select")), None),
            remove=self.optional(keys, "remove", lambda n: self.selectors(n, at("remove")), ()),
            language=self.optional(keys, "language", lambda n: self.language(n, at("language")), None),
            alert=self.optional(keys, "alert", lambda n: self.route_names(n, at("alert"), routes), alert),
            previous_ids=self.optional(keys, "previous_ids", lambda n: self.slugs(n, at("previous_ids")), ()),
            render=self.optional(
                keys, "render", lambda n: self.choice(n, at("render"), RENDER_MODES), "auto"
            ),
        )

    def slugs(self, node: Node, field: str) -> tuple[str, ...]:
        ids = self.strings(node, field)
        for text in ids:
            if not _SLUG.fullmatch(text):
                self.fail(node, field, f"{text!r} is not a policy id (a slug such as kaiconn-privacy)")
        return ids

    def selector(self, node: Node, field: str) -> str:
        text = self.string(node, field)
        problem = _selector_problem(text)
        if problem:
            self.fail(node, field, f"{text!r} is not a CSS selector: {problem}")
        return text

    def selectors(self, node: Node, field: str) -> tuple[str, ...]:
        if isinstance(node, SequenceNode):
            return tuple(self.selector(item, f"{field}[{i}]") for i, item in enumerate(node.value))
        return (self.selector(node, field),)

    def language(self, node: Node, field: str) -> str:
        text = self.string(node, field)
        if not _LANGUAGE.fullmatch(text):
            self.fail(node, field, f"{text!r} is not a language tag (e.g. en, sv, zh, zh-Hant)")
        return text

    # --- fetch -----------------------------------------------------------------------------

    _FETCH_NUMBERS = {"connect_timeout", "read_timeout", "backoff_base", "backoff_max", "per_host_delay"}
    _FETCH_INTS = {
        "max_redirects": (0, 50),
        "retries": (0, 20),
        "per_host_concurrency": (1, 1000),
        "max_workers": (1, 1000),
    }

    def fetch_settings(self, node: Node) -> FetchSettings:
        keys = self.mapping(node, "fetch", setting_keys())
        values: dict[str, Any] = {}
        for key, value_node in keys.items():
            self.collect(None, self.fetch_setting, key, value_node, values)
        return FetchSettings(**values)

    def fetch_setting(self, key: str, value_node: Node, values: dict[str, Any]) -> None:
        """One key of `fetch:`, read into `values`."""
        where = f"fetch.{key}"
        if key == "user_agent":
            values[key] = self.string(value_node, where)
        elif key == "timeout":  # one number for both
            values["connect_timeout"] = values["read_timeout"] = self.seconds(value_node, where, minimum=0.1)
        elif key in self._FETCH_NUMBERS:
            values[key] = self.seconds(value_node, where, minimum=0.0 if "delay" in key else 0.1)
        elif key == "max_bytes":
            values[key] = self.size(value_node, where)
        else:
            low, high = self._FETCH_INTS[key]
            values[key] = self.integer(value_node, where, minimum=low, maximum=high)

    def size(self, node: Node, field: str) -> int:
        value = self.value(node) if isinstance(node, ScalarNode) else None
        if isinstance(value, int) and not isinstance(value, bool):
            size = value
        else:
            match = _SIZE.fullmatch(str(value).strip()) if isinstance(value, str) else None
            if not match:
                self.fail(node, field, f"{_describe(node)} is not a size (e.g. 10MB, 512KiB, 1048576)")
            size = int(match.group(1)) * _SIZE_UNIT[(match.group(2) or "b").lower()]
        if size < 1024:
            self.fail(node, field, "must be at least 1 KiB")
        return size


def _url_problem(text: str) -> str | None:
    """Why `text` is not an http(s) URL with a host; None when it is one."""
    from urllib.parse import urlsplit

    plain = _PLAIN_URL.fullmatch(text)
    if plain and (plain.group(1) is None or int(plain.group(1)) <= 65535):  # not split again
        return None
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return f"{text!r} is not a valid URL"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{text!r} is not an http:// or https:// URL"
    return None


# --- quick_policy's readers: each gives a field's value when `Validator.policy` would accept the
# same text, else None. A value that is not a text (a number, null, a mapping) is left to `policy`.


def _quick_text(raw: Any) -> str | None:
    """Validator.string: a non-empty text, stripped."""
    return (raw.strip() or None) if isinstance(raw, str) else None


def _quick_texts(raw: Any) -> list[str] | None:
    """Validator.strings: a text or a list of texts (CSV list cells are lists)."""
    if isinstance(raw, list):
        items = [_quick_text(item) for item in raw]
        return None if None in items else items  # type: ignore[return-value]
    text = _quick_text(raw)
    return None if text is None else [text]


def _quick_choice(options: tuple[str, ...]) -> Callable[[Validator, Any, _Context], str | None]:
    def read(_v: Validator, raw: Any, _c: _Context) -> str | None:
        text = _quick_text(raw)
        return text if text in options else None

    return read


def _quick_matching(pattern: re.Pattern[str]) -> Callable[[Validator, Any, _Context], str | None]:
    def read(_v: Validator, raw: Any, _c: _Context) -> str | None:
        text = _quick_text(raw)
        return text if text is not None and pattern.fullmatch(text) else None

    return read


def _quick_url(_v: Validator, raw: Any, _c: _Context) -> str | None:
    text = _quick_text(raw)
    return text if text is not None and _url_problem(text) is None else None


def _quick_interval(_v: Validator, raw: Any, _c: _Context) -> int | None:
    seconds = parse_duration(raw) if isinstance(raw, str) else None  # Validator.interval
    return round(seconds) if seconds is not None and seconds >= MIN_INTERVAL_SECONDS else None


def _quick_selector(_v: Validator, raw: Any, _c: _Context) -> str | None:
    text = _quick_text(raw)
    return text if text is not None and _selector_problem(text) is None else None


def _quick_selectors(_v: Validator, raw: Any, _c: _Context) -> tuple[str, ...] | None:
    texts = _quick_texts(raw)
    if texts is None or any(_selector_problem(t) for t in texts):
        return None
    return tuple(texts)


def _quick_slugs(_v: Validator, raw: Any, _c: _Context) -> tuple[str, ...] | None:
    texts = _quick_texts(raw)
    if texts is None or not all(_SLUG.fullmatch(t) for t in texts):
        return None
    return tuple(texts)


def _quick_name(_v: Validator, raw: Any, _c: _Context) -> str | None:
    return _quick_text(raw)


# the policy keys -> (the PolicyConfig field, its quick reader)
_QUICK: dict[str, tuple[str, Callable[[Validator, Any, _Context], Any]]] = {
    "id": ("id", _quick_matching(_SLUG)),
    "name": ("name", _quick_name),
    "url": ("url", _quick_url),
    "type": ("type", _quick_choice(POLICY_TYPES)),
    "interval": ("interval_seconds", _quick_interval),
    "select": ("select", _quick_selector),
    "remove": ("remove", _quick_selectors),
    "language": ("language", _quick_matching(_LANGUAGE)),
    "alert": ("alert", Validator.quick_routes),
    "previous_ids": ("previous_ids", _quick_slugs),
    "render": ("render", _quick_choice(RENDER_MODES)),
}


class _Context(NamedTuple):
    """What a policy entry inherits from the watchlist: its routes and defaults."""

    routes: dict[str, RouteConfig]
    interval: int
    alert: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class _Entry:
    """A valid policy entry and where it is: the checker naming its file, its field, its lines."""

    policy: PolicyConfig
    checker: Validator
    field: str
    line: int
    id_line: int

    def at(self, key: str) -> str:
        return f"{self.field}.{key}" if self.field else key

    def where(self, other: _Entry) -> str:
        """Where this entry is, as said in an error about `other`."""
        same = self.checker.path == other.checker.path
        return f"line {self.line}" if same else f"line {self.line} of {self.checker.path}"


def unique_policies(entries: list[_Entry]) -> tuple[PolicyConfig, ...]:
    """The policies of `entries`, from every file, with an error for each id used twice and each
    previous id that is still an id or already another policy's previous id."""
    first: dict[str, _Entry] = {}
    kept: list[_Entry] = []
    for entry in entries:
        pid = entry.policy.id
        if pid in first:
            entry.checker.keep(
                WatchlistError(
                    entry.checker.path,
                    entry.id_line,
                    entry.at("id"),
                    f"{pid!r} is already used on {first[pid].where(entry)}; ids must be unique",
                )
            )
            continue
        first[pid] = entry
        kept.append(entry)
    moved: set[str] = set()
    for entry in kept:
        for old in entry.policy.previous_ids:
            if old in first or old in moved:
                entry.checker.keep(
                    WatchlistError(
                        entry.checker.path,
                        entry.line,
                        entry.at("previous_ids"),
                        f"{old!r} is still the id of a policy, or another policy's previous id: "
                        "one history cannot move to two policies",
                    )
                )
        moved.update(entry.policy.previous_ids)
    return tuple(e.policy for e in kept)


@functools.lru_cache(maxsize=1024)
def _selector_problem(selector: str) -> str | None:
    """Why lxml's cssselect (what normalize uses) cannot read the selector; None if it can.
    Cached: a long watchlist repeats the same few selectors."""
    from cssselect import GenericTranslator, SelectorError

    try:
        GenericTranslator().css_to_xpath(selector)
    except SelectorError as e:
        return str(e)
    return None


def _describe(node: Node | None) -> str:
    if node is None:
        return "nothing"
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    if node.tag.endswith(":null"):
        return "nothing"
    return repr(node.value)


def _format_seconds(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{seconds:g}s"


def unset_secrets(path: str | Path, environ: Mapping[str, str] | None = None) -> list[str]:
    """Every `*_env` option under `alerts:` in the watchlist file whose environment variable is
    unset or empty, as "FILE:LINE: alerts.ROUTE.FIELD: environment variable NAME is not set"
    lines: what `validate` warns about, all in one run, also when the file has other errors
    (only a file that is not readable YAML gives none)."""
    env = os.environ if environ is None else environ
    try:
        with open(path, "rb") as f:
            text = f.read(MAX_WATCHLIST_BYTES + 1).decode("utf-8-sig")
        root = yaml.compose(text, Loader=_Loader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return []
    found: list[str] = []
    seen: set[int] = set()  # a node shared through aliases is walked once

    def walk(node: Node, where: str) -> None:
        if not isinstance(node, MappingNode) or id(node) in seen or len(seen) > 100_000:
            return
        seen.add(id(node))
        for key, value in node.value:
            name = str(key.value) if isinstance(key, ScalarNode) else "?"
            field = f"{where}.{name}"
            if isinstance(value, MappingNode):
                walk(value, field)
            elif name.endswith("_env") and isinstance(value, ScalarNode) and str(value.value).strip():
                var = str(value.value).strip()
                if not str(env.get(var, "")).strip():
                    found.append(
                        f"{path}:{key.start_mark.line + 1}: {field}: environment variable {var} is not set"
                    )

    if isinstance(root, MappingNode):
        for key, value in root.value:
            if isinstance(key, ScalarNode) and key.value == "alerts":
                walk(value, "alerts")
    return found
