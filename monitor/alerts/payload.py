"""The alert model: the versioned JSON body every format is rendered from.

In: a PolicyConfig and the classified Changes of one new version (or a health event).
Out: plain dicts with the schema `policy-monitor.alert/1` (documented in docs/webhook.md). The
webhook sends this dict as is; the e-mail, console line and report page are rendered from it
(render.py), so every format carries the same facts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from monitor.models import CATEGORIES, SEVERITIES, Change, PolicyConfig, most_important_first, severity_rank

SCHEMA = "policy-monitor.alert/1"
KINDS = ("added", "removed", "modified", "moved")
HEALTH_TYPES = {
    "unreachable": "policy.unreachable",
    "recovered": "policy.recovered",
    "challenge": "policy.challenge",
}


def make_alert_id(*parts: object) -> str:
    """A stable id from the parts (policy id, version seq, route ...): the same inputs give the
    same id, so the e-mail Message-ID and the webhook-id let receivers de-duplicate."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return "pm-" + digest[:24]


def policy_info(policy: PolicyConfig) -> dict[str, Any]:
    return {"id": policy.id, "name": policy.name, "url": policy.url, "type": policy.type}


def summarize(changes: Sequence[Change]) -> dict[str, Any]:
    """Counts per kind, material/non-material counts, the material categories, highest severity."""
    counts: dict[str, Any] = {k: sum(1 for c in changes if c.kind == k) for k in KINDS}
    material = [c for c in changes if c.material]
    ranks = [severity_rank(c.severity) for c in material]
    cats = {k for c in material for k in c.categories}
    counts["material"] = len(material)
    counts["non_material"] = len(changes) - len(material)
    counts["categories"] = sorted(cats, key=lambda k: (CATEGORIES.index(k) if k in CATEGORIES else 99, k))
    counts["max_severity"] = SEVERITIES[max(ranks)] if ranks else "none"
    return counts


def change_payload(
    policy: PolicyConfig,
    *,
    seq: int,
    seen_at: str,
    changes: Sequence[Change],
    version_url: str | None = None,
    include_non_material: bool = False,
) -> dict[str, Any]:
    """The body of a `policy.changed` alert. `summary` counts every change; `changes` details the
    material ones (all of them with include_non_material) in the contract's shape."""
    detailed = most_important_first([c for c in changes if c.material or include_non_material])
    body: dict[str, Any] = {
        "schema": SCHEMA,
        "type": "policy.changed",
        "policy": policy_info(policy),
        "version": seq,
        "seen_at": seen_at,
        "summary": summarize(changes),
        "changes": [c.to_dict() for c in detailed],
    }
    if version_url:
        body["version_url"] = version_url
    return body


def report_url(web_url: str | None, policy_id: str, seq: int) -> str | None:
    """The web app's page of the changes that made version `seq` (`web_url:` in the watchlist,
    where `policy-monitor serve` is reached), or None when no web_url is set."""
    if not web_url or seq < 2:
        return None
    return f"{web_url.rstrip('/')}/policies/{quote(policy_id, safe='')}/diff?from={seq - 1}&to={seq}"


def health_payload(policy: PolicyConfig, *, kind: str, at: str, detail: str) -> dict[str, Any]:
    """The body of a policy.unreachable / policy.recovered / policy.challenge alert."""
    if kind not in HEALTH_TYPES:
        raise ValueError(f"unknown health alert kind {kind!r}; expected one of {sorted(HEALTH_TYPES)}")
    return {
        "schema": SCHEMA,
        "type": HEALTH_TYPES[kind],
        "policy": policy_info(policy),
        "seen_at": at,
        "detail": detail,
        "summary": summarize(()),
        "changes": [],
    }


def digest_payload(
    route: str, *, period_start: str, period_end: str, parts: Sequence[dict[str, Any]]
) -> dict[str, Any]:
    """One message gathering a period's alerts of a digest route; `alerts` holds their bodies."""
    material = sum(p.get("summary", {}).get("material", 0) for p in parts)
    sev = max((severity_rank(p.get("summary", {}).get("max_severity", "none")) for p in parts), default=0)
    cats = {k for p in parts for k in p.get("summary", {}).get("categories", [])}
    return {
        "schema": SCHEMA,
        "type": "digest",
        "route": route,
        "period": {"start": period_start, "end": period_end},
        "seen_at": period_end,
        "summary": {
            "alerts": len(parts),
            "material": material,
            "categories": sorted(cats, key=lambda k: (CATEGORIES.index(k) if k in CATEGORIES else 99, k)),
            "max_severity": SEVERITIES[sev],
        },
        "alerts": list(parts),
    }


def sample_changes() -> list[Change]:
    """A fake retention change (3 years -> 10 years), for test-alert and the screenshots."""
    from monitor.engine.align import inline_diff
    from monitor.models import Clause, Fact

    old_text = "We keep your account data for 3 years after you close your account."
    new_text = "We keep your account data for 10 years after you close your account."
    section = ("Privacy Policy", "How long we keep your data")
    return [
        Change(
            kind="modified",
            old=Clause(index=12, text=old_text, section=section, language="en"),
            new=Clause(index=12, text=new_text, section=section, language="en"),
            inline=inline_diff(old_text, new_text),
            categories=["retention"],
            facts=[Fact("retention", "3 years", "10 years", "longer", "duration")],
            material=True,
            severity="high",
            explanation="Retention period lengthened from 3 years to 10 years",
        ),
        Change(
            kind="modified",
            old=Clause(index=30, text="Contact us at privacy@example.com.", section=("Contact",)),
            new=Clause(index=30, text="Contact us at privacy@example.org.", section=("Contact",)),
            inline=inline_diff("Contact us at privacy@example.com.", "Contact us at privacy@example.org."),
            categories=["contact"],
        ),
    ]


def sample_test_payload(seen_at: str) -> dict[str, Any]:
    """The body `policy-monitor test-alert ROUTE` sends: a sample change alert, typed policy.test."""
    policy = PolicyConfig(
        id="example-test", name="Example Corp (test alert)", url="https://example.com/privacy"
    )
    body = change_payload(policy, seq=2, seen_at=seen_at, changes=sample_changes())
    body["type"] = "policy.test"
    return body
