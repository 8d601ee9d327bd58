"""Sample changes for the alert tests, built from a real seed clause.

The clause engine's classifier is another stage; these Changes carry the classification it
gives a retention lengthening (category retention, severity high, a duration fact), so the alert
tests exercise routing, rendering and delivery on their own.
"""

from __future__ import annotations

from pathlib import Path

from monitor.engine.align import inline_diff
from monitor.models import Change, Clause, Fact, PolicyConfig, RouteConfig, Watchlist

SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
SECTION = ("Privacy Policy", "How long we keep your information")


def seed_retention_clause() -> str:
    for path in sorted(SEEDS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("We keep your information for no longer than is necessary"):
                return line
    raise AssertionError("the seed retention clause is missing from the corpus")


def retention_change() -> Change:
    old = seed_retention_clause()
    new = old.replace(
        "for no longer than is necessary for the purposes it was collected for",
        "for 10 years after the purposes it was collected for",
    )
    assert new != old
    return Change(
        kind="modified",
        old=Clause(index=41, text=old, section=SECTION, language="en"),
        new=Clause(index=41, text=new, section=SECTION, language="en"),
        inline=inline_diff(old, new),
        categories=["retention"],
        facts=[Fact("retention", "as long as necessary", "10 years", "longer", "duration")],
        material=True,
        severity="high",
        explanation="Retention period set to 10 years instead of keeping data as long as necessary",
    )


def cosmetic_change() -> Change:
    old = "Contact us at privacy@example.com."
    new = "Contact us at privacy@example.org."
    return Change(
        kind="modified",
        old=Clause(index=50, text=old, section=("Contact",)),
        new=Clause(index=50, text=new, section=("Contact",)),
        inline=inline_diff(old, new),
        categories=["contact"],
    )


def policy(**kw) -> PolicyConfig:
    base = dict(
        id="acme", name="Acme Privacy Policy", url="https://acme.example/privacy", alert=("mail", "hook")
    )
    base.update(kw)
    return PolicyConfig(**base)


def watchlist(*routes: RouteConfig, default=("console",)) -> Watchlist:
    return Watchlist(policies=(policy(),), routes={r.name: r for r in routes}, default_alert=default)
