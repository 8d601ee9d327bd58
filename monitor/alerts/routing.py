"""Routing: which routes hear of a change or a health event, and the NewAlerts to put in the outbox.

In: a PolicyConfig, the Watchlist (routes and the default), the classified Changes of one new
version (or a health event). Out: NewAlerts with stable ids, status "pending", or "digest" for
a route with `digest: daily`. The check stage stores them in the same transaction as the
version, so an alert exists exactly when its version does.

A route hears of a change set when at least one change passes its filters: material changes of
at least `min_severity` (and, if `categories` is set, of one of them); non-material changes only
with `include_non_material`. Health alerts (unreachable, recovered, challenge) go to every route
of the policy at once, never into a digest: they are rare and time-critical.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from monitor.alerts.payload import change_payload, health_payload, make_alert_id, report_url
from monitor.models import Change, PolicyConfig, RouteConfig, Watchlist, most_important_first, severity_rank
from monitor.store import NewAlert

log = logging.getLogger(__name__)

# An alert details at most this many changes (the most important: they come first) and
# says how many it left out: a page rewritten into tens of thousands of clauses would otherwise
# make a message no mail server accepts and no reader gets through. The summary counts them all.
MAX_DETAILED_CHANGES = 200

CONSOLE = RouteConfig(name="console", type="console", min_severity="low")


def resolve_route(watchlist: Watchlist, name: str) -> RouteConfig | None:
    """The named route; 'console' always exists even when the watchlist does not define it."""
    route = watchlist.routes.get(name)
    if route is None and name == "console":
        return CONSOLE
    return route


def routes_for(policy: PolicyConfig, watchlist: Watchlist) -> list[RouteConfig]:
    names = policy.alert or watchlist.default_alert
    routes = []
    for name in dict.fromkeys(names):
        route = resolve_route(watchlist, name)
        if route is None:
            log.warning("policy %s names unknown alert route %r; skipped", policy.id, name)
        else:
            routes.append(route)
    return routes


def passes(route: RouteConfig, change: Change) -> bool:
    """Whether this route wants to hear of this change."""
    if not change.material:
        return route.include_non_material
    if severity_rank(change.severity) < severity_rank(route.min_severity):
        return False
    return not route.categories or bool(set(route.categories) & set(change.categories))


def plan_change_alerts(
    policy: PolicyConfig,
    watchlist: Watchlist,
    *,
    seq: int,
    seen_at: str,
    changes: Sequence[Change],
    version_url: str | None = None,
) -> list[NewAlert]:
    alerts = []
    version_url = version_url or report_url(watchlist.web_url, policy.id, seq)
    for route in routes_for(policy, watchlist):
        wanted = [c for c in changes if passes(route, c)]
        if not wanted:
            continue
        # the summary counts every change of the version; the details are what the route wants
        payload = change_payload(
            policy,
            seq=seq,
            seen_at=seen_at,
            changes=changes,
            version_url=version_url,
            include_non_material=route.include_non_material,
        )
        wanted = most_important_first(wanted)
        detailed = wanted[:MAX_DETAILED_CHANGES]
        payload["changes"] = [c.to_dict() for c in detailed]
        if len(detailed) < len(wanted):
            payload["changes_omitted"] = len(wanted) - len(detailed)
        alerts.append(
            NewAlert(
                alert_id=make_alert_id(policy.id, seq, route.name),
                route=route.name,
                kind="change",
                payload=payload,
                status="digest" if route.digest else "pending",
            )
        )
    return alerts


def plan_health_alerts(
    policy: PolicyConfig, watchlist: Watchlist, *, kind: str, at: str, detail: str
) -> list[NewAlert]:
    payload = health_payload(policy, kind=kind, at=at, detail=detail)
    return [
        NewAlert(
            alert_id=make_alert_id(policy.id, kind, at, route.name),
            route=route.name,
            kind=kind,
            payload=payload,
        )
        for route in routes_for(policy, watchlist)
    ]
