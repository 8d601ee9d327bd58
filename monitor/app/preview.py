"""`policy-monitor preview URL`: fetch a page once and show what would be stored, so a user can
write a watchlist entry (select, remove, render) without trial and error.

In: a URL, optional `select`/`remove` CSS selectors and a `render` choice, fetch settings. Out: a
Preview (plain data; `as_text` for the terminal, `as_dict` for --json): how the page was fetched
(status, type, size, rendered in a browser or not), the guards' verdict, the language, counts,
the sections with their clause counts, the clauses, what was dropped as page chrome (blocks of
the page whose text is not in the stored text: navigation, footers, banners, hidden parts,
whatever `remove` took out or `select` left out) and the watchlist entry to paste. Nothing is
written to any database.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from monitor.errors import InputError, MonitorError
from monitor.models import Clause, FetchResult, FetchSettings, PolicyConfig

_BLOCK_TAGS = (
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "dt",
    "dd",
    "a",
    "button",
    "label",
    "summary",
    "figcaption",
    "blockquote",
)


@dataclass
class Preview:
    url: str
    final_url: str | None
    http_status: int | None
    content_type: str | None
    bytes: int
    rendered: str | None
    language: str
    characters: int
    sections: list[tuple[str, int]]  # "A > B", clauses under it
    clauses: list[dict[str, Any]]
    dropped: list[str]
    suspicion: str | None
    entry: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["sections"] = [{"section": s, "clauses": n} for s, n in self.sections]
        return data

    def as_text(self, *, all_clauses: bool = False, limit: int = 25) -> str:
        size = f"{self.bytes / 1024:.0f} KiB" if self.bytes >= 1024 else f"{self.bytes} B"
        how = f"rendered in a {self.rendered}" if self.rendered else "plain HTTP (no script run)"
        where = f" -> {self.final_url}" if self.final_url and self.final_url != self.url else ""
        lines = [
            f"{self.url}{where}",
            f"  HTTP {self.http_status}, {self.content_type or 'unknown type'}, {size}, {how}",
            f"  language {self.language}; {len(self.sections)} sections, {len(self.clauses)} clauses, "
            f"{self.characters} characters of text",
        ]
        if self.suspicion:
            lines.append(f"  WARNING: the check would not store this page: {self.suspicion}")
        lines += ["", "Sections (clauses in each):"]
        lines += [f"  {name or '(before any heading)'}  ({n})" for name, n in self.sections] or ["  none"]
        shown = self.clauses if all_clauses else self.clauses[:limit]
        more = "" if len(shown) == len(self.clauses) else f", first {len(shown)}; --all for every one"
        lines += ["", f"Clauses ({len(self.clauses)}{more}):"]
        for c in shown:
            marker = f"{c['marker']} " if c["marker"] else ""
            lines.append(f"  {c['index']:>4} [{c['language']}] {marker}{_short(c['text'], 150)}")
        lines += ["", f"Dropped as page chrome or by select/remove ({len(self.dropped)} blocks):"]
        lines += [f"  - {_short(text, 110)}" for text in self.dropped[:limit]] or ["  nothing"]
        if len(self.dropped) > limit:
            lines.append(f"  ... and {len(self.dropped) - limit} more")
        lines += ["", "Watchlist entry:", *_entry_yaml(self.entry)]
        return "\n".join(lines) + "\n"


def preview(
    url: str,
    *,
    select: str | None = None,
    remove: tuple[str, ...] = (),
    render: str = "auto",
    settings: FetchSettings | None = None,
    language: str | None = None,
) -> Preview:
    """Fetch `url` once and run it through normalise and segment as a check would."""
    from monitor.engine.pipeline import analyse, document_language
    from monitor.extract.normalize import normalize
    from monitor.fetch import guards
    from monitor.fetch.browser import fetch_for_policy
    from monitor.fetch.http import HttpFetcher

    policy = PolicyConfig(id="preview", name=url, url=url, select=select, remove=remove, render=render)
    fetcher = HttpFetcher(settings or FetchSettings(per_host_delay=0.0))
    try:
        res: FetchResult = fetch_for_policy(fetcher, policy)
    finally:
        fetcher.close()
    if res.outcome != "ok":
        raise MonitorError(f"{url}: {res.error or f'HTTP {res.status}'}")
    try:
        doc = normalize(res.body, res.content_type, charset=res.charset, select=select, remove=remove)
    except InputError as e:
        raise MonitorError(f"{url}: unreadable page: {e}") from None
    clauses = analyse(doc, language)
    text = doc.text
    entry: dict[str, Any] = {"id": "CHANGE-ME", "name": "CHANGE ME", "url": url}
    if select:
        entry["select"] = select
    if remove:
        entry["remove"] = list(remove)
    if render != "auto" or res.rendered:
        entry["render"] = "browser" if res.rendered else render
    return Preview(
        url=url,
        final_url=res.final_url,
        http_status=res.status,
        content_type=res.content_type,
        bytes=len(res.body),
        rendered=res.rendered,
        language=language or document_language(clauses),
        characters=len(text),
        sections=_sections(clauses),
        clauses=[_clause(c) for c in clauses],
        dropped=_dropped(res, text),
        suspicion=guards.suspicion(doc, previous_text_length=None),
        entry=entry,
    )


def _clause(c: Clause) -> dict[str, Any]:
    return {
        "index": c.index,
        "text": c.text,
        "section": " > ".join(c.section),
        "marker": c.marker,
        "language": c.language,
        "heading": c.is_heading,
    }


def _sections(clauses: list[Clause]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter()
    order: list[str] = []
    for c in clauses:
        if c.is_heading:
            continue
        name = " > ".join(c.section)
        if name not in counts:
            order.append(name)
        counts[name] += 1
    return [(name, counts[name]) for name in order]


def _dropped(res: FetchResult, kept_text: str) -> list[str]:
    """Text blocks of the page that are not in the stored text (HTML pages only)."""
    if (res.content_type or "text/html") not in ("text/html", "application/xhtml+xml"):
        return []
    import lxml.html

    from monitor.extract.normalize import decode_html, normalize_text

    try:
        root = lxml.html.document_fromstring(decode_html(res.body, res.charset))
    except (ValueError, TypeError, lxml.etree.ParserError):
        return []
    for el in root.xpath("//script|//style|//noscript|//template|//head"):
        el.drop_tree()
    kept = " ".join(kept_text.split())
    # blocks: the block-level tags, and any container with text of its own (a banner's <div>)
    blocks = {
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and (el.tag in _BLOCK_TAGS or (el.text and el.text.strip()))
        and el.tag not in ("html", "body")
    }
    out: list[str] = []
    seen: set[str] = set()
    for el in root.iter():
        if el not in blocks or any(a in blocks for a in el.iterancestors()):
            continue  # the outermost block only
        text = " ".join(normalize_text(el.text_content()).split())
        if len(text) < 2 or text in seen:
            continue
        seen.add(text)
        if text not in kept:
            out.append(text)
    return out


def _short(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _entry_yaml(entry: dict[str, Any]) -> list[str]:
    import yaml

    dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=1000)
    return ["  " + line for line in dumped.rstrip("\n").splitlines()]
