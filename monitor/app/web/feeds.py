"""Atom feeds of material changes, made with feedgen.

In: GET /feeds/changes.atom (every material change), /feeds/policies/ID.atom,
/feeds/categories/CATEGORY.atom, /feeds/severity/LEVEL.atom (at least that severe); the read
model `changes()`.
Out: Atom XML: one entry per version that brought material changes (newest 50), titled with the
policy, severity and categories; its content the explanations, its link the change page
(/policies/ID/diff?from=N-1&to=N). Entry ids are stable tag URIs, so readers never see an entry
twice.
"""

from __future__ import annotations

from typing import Any

from feedgen.feed import FeedGenerator
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from monitor.app import read_models
from monitor.clock import as_datetime
from monitor.models import SEVERITIES, severity_rank

ENTRIES = 50


def build_feed(
    items: list[dict[str, Any]], *, title: str, base: str, self_path: str, updated: str | None
) -> bytes:
    """Atom XML of the versions behind `items` (changes newest first), at most ENTRIES."""
    fg = FeedGenerator()
    fg.id(f"{base}{self_path}")
    fg.title(title)
    fg.link(href=f"{base}{self_path}", rel="self")
    fg.link(href=f"{base}/", rel="alternate")
    fg.author({"name": "policy-monitor"})
    fg.generator("policy-monitor")
    fg.updated(as_datetime(updated) if updated else as_datetime("1970-01-01T00:00:00Z"))
    groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
    for item in items:
        groups.setdefault((item["policy_id"], item["seq"]), []).append(item)
    for (pid, seq), found in list(groups.items())[:ENTRIES]:
        group = sorted(found, key=lambda c: -severity_rank(c["severity"]))  # the most severe first
        first = group[0]
        ranks = [severity_rank(c["severity"]) for c in group]
        severity = SEVERITIES[max(ranks)]
        cats = list(dict.fromkeys(c for ch in group for c in ch["categories"]))
        link = f"{base}/policies/{pid}/diff?from={max(1, seq - 1)}&to={seq}"
        fe = fg.add_entry(order="append")
        fe.id(f"tag:policy-monitor,2026:{pid}/{seq}")
        fe.title(f"{first.get('policy_name') or pid}: {severity} change ({', '.join(cats) or 'material'})")
        fe.link(href=link, rel="alternate")
        fe.updated(as_datetime(first["seen_at"]))
        fe.published(as_datetime(first["seen_at"]))
        for c in cats:
            fe.category(term=c)
        lines = [c["explanation"] or f"{c['kind']} clause" for c in group]
        fe.summary("; ".join(lines))
        fe.content(
            "\n".join(f"[{c['severity']}] {line}" for c, line in zip(group, lines, strict=True)), type="text"
        )
    return fg.atom_str(pretty=True)


def routes(web: Any) -> list[Route]:
    def feed(request: Request, *, title: str, **filters: Any) -> Response:
        try:
            items = read_models.changes(web.store, material=True, limit=ENTRIES * 10, **filters)
        except read_models.NotFound as e:
            return PlainTextResponse(str(e), 404)
        except read_models.BadQuery as e:
            return PlainTextResponse(str(e), 400)
        base = str(request.base_url).rstrip("/")
        xml = build_feed(
            items,
            title=title,
            base=base,
            self_path=request.url.path,
            updated=items[0]["seen_at"] if items else None,
        )
        return Response(xml, media_type="application/atom+xml; charset=utf-8")

    async def all_changes(request: Request) -> Response:
        return await run_in_threadpool(feed, request, title="Material policy changes")

    async def per_policy(request: Request) -> Response:
        pid = request.path_params["policy_id"]
        return await run_in_threadpool(feed, request, title=f"Material changes: {pid}", policy_id=pid)

    async def per_category(request: Request) -> Response:
        cat = request.path_params["category"]
        return await run_in_threadpool(feed, request, title=f"Material changes: {cat}", category=cat)

    async def per_severity(request: Request) -> Response:
        level = request.path_params["level"]
        if level not in read_models.SEVERITIES[1:]:
            return PlainTextResponse(f"severity must be one of {', '.join(read_models.SEVERITIES[1:])}", 404)
        return await run_in_threadpool(
            feed, request, title=f"Material changes, {level} or higher", min_severity=level
        )

    return [
        Route("/feeds/changes.atom", all_changes),
        Route("/feeds/policies/{policy_id}.atom", per_policy),
        Route("/feeds/categories/{category}.atom", per_category),
        Route("/feeds/severity/{level}.atom", per_severity),
    ]
