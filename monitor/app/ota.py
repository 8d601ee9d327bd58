"""Open Terms Archive declarations -> watchlist entries (`policy-monitor import-ota`).

In: OTA service declaration files (JSON: a service `name` and, under `terms` or the older
`documents`, one entry per terms type with `fetch`, `select`, `remove`, `filter`,
`executeClientScripts`, or `combine` for a document spread over several pages). Out: the YAML of a
`policies:` list to paste into watchlist.yaml, and, per entry, what could not be carried over.

Carried as they are: the URL, CSS selectors (a list becomes one selector group, `a, b`, which
selects the same elements), `executeClientScripts: true` as `render: browser`. Not carried, and
always reported, in the YAML (a comment above the entry) and in the report: range selectors
(`startBefore`/`endBefore`...), JavaScript filters (`filter`, named functions in the service's
`.filters.js`), selectors lxml cannot read, and the pages after the first of a `combine`.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from monitor.errors import MonitorError

TYPES = {
    "Privacy Policy": "privacy",
    "Terms of Service": "terms",
    "Trackers Policy": "cookies",
    "Cookies Policy": "cookies",
    "Cookie Policy": "cookies",
}


@dataclass
class Entry:
    """One watchlist entry made from one terms type of one declaration."""

    source: str  # the declaration file
    service: str
    terms_type: str
    policy: dict[str, Any]
    dropped: list[str] = field(default_factory=list)  # what could not be carried over, in words


def declaration_files(paths: Iterable[Path]) -> list[Path]:
    """The declaration files named, or found in the folders named (history and filter files left out)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*.json") if not p.name.endswith(".history.json"))
        elif path.exists():
            found.append(path)
        else:
            raise MonitorError(f"{path}: no such file or folder")
    return found


def slug(text: str) -> str:
    flat = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", flat).strip("-")[:64] or "policy"


def convert(path: Path, types: Sequence[str] | None = None) -> list[Entry]:
    """The entries of one declaration file (only the terms types in `types`, when given)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        why = f"{type(e).__name__}: {e}"
        raise MonitorError(f"{path}: not an Open Terms Archive declaration ({why})") from None
    if not isinstance(data, dict) or not isinstance(data.get("terms", data.get("documents")), dict):
        raise MonitorError(f"{path}: not an Open Terms Archive declaration (no `terms` mapping)")
    service = str(data.get("name") or path.stem)
    entries = []
    for terms_type, spec in data.get("terms", data.get("documents")).items():
        if types and terms_type not in types:
            continue
        entries.append(_entry(path, service, str(terms_type), spec if isinstance(spec, dict) else {}))
    return entries


def _entry(path: Path, service: str, terms_type: str, spec: dict[str, Any]) -> Entry:
    dropped: list[str] = []
    source = spec
    if "combine" in spec:
        pages = [p for p in spec.get("combine") or [] if isinstance(p, dict)]
        source = {**{k: v for k, v in spec.items() if k != "combine"}, **(pages[0] if pages else {})}
        for extra in pages[1:]:
            dropped.append(f"combine: the page {extra.get('fetch')} (only the first page is watched)")
    policy: dict[str, Any] = {
        "id": slug(f"{service} {terms_type}"),
        "name": f"{service} {terms_type}",
        "url": str(source.get("fetch") or ""),
        "type": TYPES.get(terms_type, "other"),
    }
    if not policy["url"]:
        dropped.append("fetch: missing, so this entry has no URL (fill it in)")
    select = _selectors(source.get("select"), "select", dropped)
    if select:
        policy["select"] = ", ".join(select)
    elif source.get("select") is not None:
        dropped.append("select: nothing could be carried over, so the whole page is watched")
    remove = _selectors(source.get("remove"), "remove", dropped)
    if remove:
        policy["remove"] = remove
    if source.get("executeClientScripts"):
        policy["render"] = "browser"
    filters = source.get("filter") or source.get("filters") or []
    for f in filters if isinstance(filters, list) else [filters]:
        if isinstance(f, str):
            what = f"filter {f}: a JavaScript function (in {service}.filters.js)"
        else:
            what = f"filter {json.dumps(f, ensure_ascii=False)}: an Open Terms Archive filter"
        dropped.append(f"{what} has no equivalent here; use remove: selectors for what it took out")
    return Entry(str(path), service, terms_type, policy, dropped)


def _selectors(value: Any, key: str, dropped: list[str]) -> list[str]:
    """The plain CSS selectors of a select/remove value; ranges and unreadable ones reported."""
    from monitor.config.watchlist import _selector_problem

    items = value if isinstance(value, list) else [] if value is None else [value]
    out: list[str] = []
    for item in items:
        if isinstance(item, str):
            problem = _selector_problem(item)
            if problem:
                dropped.append(f"{key} {item!r}: not a selector lxml can read ({problem})")
            else:
                out.append(item)
        elif isinstance(item, dict):
            dropped.append(
                f"{key} range {json.dumps(item, ensure_ascii=False)}: range selectors (from one element to "
                "another) cannot be carried over"
            )
        else:
            dropped.append(f"{key} {item!r}: not a selector")
    return out


def render_yaml(entries: Sequence[Entry]) -> str:
    """A `policies:` list, each entry preceded by a comment naming its source and what was dropped."""
    lines = ["# Imported from Open Terms Archive declarations by `policy-monitor import-ota`.", "policies:"]
    seen: dict[str, int] = {}
    for e in entries:
        pid = e.policy["id"]
        seen[pid] = seen.get(pid, 0) + 1
        policy = dict(e.policy)
        if seen[pid] > 1:
            policy["id"] = f"{pid}-{seen[pid]}"[:64]
        lines.append(f"  # {e.service}: {e.terms_type} ({Path(e.source).name})")
        for note in e.dropped:
            lines.append(f"  # NOT CARRIED OVER: {' '.join(note.split())}")
        dumped = yaml.safe_dump([policy], allow_unicode=True, sort_keys=False, width=1000)
        lines += ["  " + line for line in dumped.rstrip("\n").splitlines()]
    return "\n".join(lines) + "\n"


def report(entries: Sequence[Entry]) -> list[str]:
    """One line per entry, then one indented line per thing not carried over."""
    out = []
    for e in entries:
        extra = " (render: browser)" if e.policy.get("render") == "browser" else ""
        verdict = f"{len(e.dropped)} not carried over" if e.dropped else "complete"
        out.append(f"{e.policy['id']}: {e.service} / {e.terms_type}{extra}: {verdict}")
        out += [f"  - {note}" for note in e.dropped]
    return out
