"""What classify found in one change, and the finished Change made of it.

In: ClauseFacts differences (each a _Finding: a Fact, its severity, a flipped verb). Out: the
Change with categories, material, severity and the explanation (explain.py words it); durations
formatted for people.
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.engine.explain import explain, moved
from monitor.engine.explain import sentence as as_sentence
from monitor.engine.facts import ClauseFacts, Duration, extract_facts
from monitor.lang import caseless
from monitor.lang.lexicon import canonical_language, load_lexicon
from monitor.lang.startup_cache import compile_cached
from monitor.models import CATEGORIES, Change, Clause, Fact


@dataclass(frozen=True)
class _Finding:
    """One fact with the severity its direction carries."""

    fact: Fact
    severity: str
    action: str = ""  # for a polarity fact: sell, share, transfer, ...


def _facts(clause: Clause) -> ClauseFacts:
    return extract_facts(clause.text, clause.language)


def _about_children(change: Change) -> bool:
    """Every version of the changed clause names children, by an age for them ("a child under 14")
    or by a word for them ("a child", "minors", "parents"): "under 12 months" names a period, no
    child, and an age read that way alone is no child."""
    sides = [c for c in (change.old, change.new) if c is not None]
    return bool(sides) and all(_names_children(c) for c in sides)


_DIGITS = compile_cached(r"\d+")


def _names_children(clause: Clause) -> bool:
    """The clause names children: an age for them, or a word of the language's children lexicon."""
    facts = _facts(clause)
    if "children" not in facts.categories:
        return False
    if facts.ages:
        return True
    words = load_lexicon(canonical_language(clause.language) or "en").categories.get("children")
    # digits blanked: "under 12 months" matches the lexicon's age patterns, but names no child
    return words is not None and caseless.search(words, _DIGITS.sub(" ", clause.text))


def _collected_from_children(change: Change, cats: list[str]) -> bool:
    """A change to what is collected, in a clause that names children in every version ("we do not
    knowingly collect data from minors" -> "we may collect data from minors"): collecting from
    children is a children's term too, with or without an age."""
    if "collection" not in cats:
        return False
    sides = [c for c in (change.old, change.new) if c is not None]
    return bool(sides) and all("children" in _facts(c).categories for c in sides)


def _transfer_safeguard(change: Change, findings: list[_Finding]) -> bool:
    """A security measure (or an item of a list of safeguards) came or went in a clause that, in
    every version, is about a transfer abroad: the measure is one of the transfer's safeguards."""
    if not any(f.fact.kind == "security_measure" or f.fact.category == "security" for f in findings):
        return False
    sides = [c for c in (change.old, change.new) if c is not None]
    return bool(sides) and all("transfer" in _facts(c).categories for c in sides)


def _shared_on_every_side(change: Change) -> bool:
    """Both versions of the changed clause are about sharing and say data is shared or disclosed
    (or that it is not): "we share it only with couriers bound by confidentiality" -> "...
    with couriers". A clause added or removed, or one that only "provides a service", is not."""
    if change.old is None or change.new is None:
        return False
    return all(
        "sharing" in (facts := _facts(c)).categories
        and any(p.action in ("share", "disclose") for p in facts.polarity)
        for c in (change.old, change.new)
    )


def _ordered(cats: set[str] | list[str] | tuple[str, ...]) -> list[str]:
    """The categories in CATEGORIES order, each once (the set made once, not once per category)."""
    wanted = set(cats)
    return [c for c in CATEGORIES if c in wanted]


def _data_used_for_a_purpose(change: Change, findings: list[_Finding]) -> bool:
    """A kind of data added to or dropped from what a clause about a purpose says is processed
    ("for fraud checks we process A, B and C"). Messages named in such a clause are mostly what
    is sent to the user ("... or commercial messages": a use), not the content of the user's own
    communications, so they add no collection."""
    named = [f.fact for f in findings if f.fact.kind == "data_type" and f.fact.category == "purpose"]
    kinds = {fact.old or fact.new for fact in named}
    if not kinds - {"communications"}:
        return False
    clause = change.new or change.old
    return clause is not None and _facts(clause).states_flow


def _done(
    change: Change, cats: list[str], findings: list[_Finding], material: bool, severity: str, explanation: str
) -> Change:
    explanation = moved(explanation, material) if change.kind == "moved" else as_sentence(explanation)
    if (
        material
        and "children" not in cats
        and (_about_children(change) or _collected_from_children(change, cats))
    ):
        # "if we learn a child under 14 gave us data, we delete it at once" -> "within 30 days": a
        # change to what is done with children's data is about children as well
        cats = [*cats, "children"]
    if material and "security" in cats and "sharing" not in cats and _shared_on_every_side(change):
        # "we share it only with couriers bound by confidentiality" -> "... with couriers": a
        # safeguard the recipients were held to, a term of that sharing
        cats = [*cats, "sharing"]
    if material and "collection" not in cats and _data_used_for_a_purpose(change, findings):
        # "for fraud prevention we process your visits, devices and payment details" -> "... your
        # visits and devices": a kind of data no longer (or newly) handled is what is collected too
        cats = [*cats, "collection"]
    if material and "transfer" not in cats and _transfer_safeguard(change, findings):
        # "transferred to the US with safeguards such as encryption and access controls" ->
        # "… such as access controls": a safeguard of the transfer dropped
        cats = [*cats, "transfer"]
    return change.replaced(
        categories=_ordered(cats),
        facts=list(dict.fromkeys(f.fact for f in findings)),  # two verbs can read as one fact
        material=material,
        severity=severity if material else "none",
        explanation=explanation,
    )


_UNIT_NAMES = (
    (1 / 24, "hour"),
    (1.0, "day"),
    (1.4, "business day"),
    (7.0, "week"),
    (30.0, "month"),
    (365.0, "year"),
)


def format_duration(d: Duration) -> str:
    """A duration in the unit it was written in: "72 hours", "30 days", "10 years", "1.5 years"."""
    for unit_days, name in _UNIT_NAMES:
        if abs(d.unit_days - unit_days) < 1e-3 and d.value:
            return f"{d.value:g} {name}" + ("" if d.value == 1 else "s")
    return format_days(d.days)


def _shown(durations: list[Duration]) -> str:
    seen: dict[float, str] = {}
    for d in sorted(durations, key=lambda d: d.days):
        seen.setdefault(d.days, format_duration(d))
    return ", ".join(seen.values())


def format_days(days: float) -> str:
    """3650 -> '10 years', 180 -> '6 months', 15 -> '15 days', 3 -> '3 days', 0.125 -> '3 hours'."""

    def plural(n: float, unit: str) -> str:
        n_text = f"{n:g}"
        return f"{n_text} {unit}" + ("" if n == 1 else "s")

    if days < 1:
        return plural(round(days * 24, 1), "hour")
    if days >= 365 and (days / 365) * 2 == round((days / 365) * 2):
        return plural(days / 365, "year")
    if days >= 28 and days % 30 == 0:
        return plural(days / 30, "month")
    if days >= 7 and days % 7 == 0 and days < 28:
        return plural(days / 7, "week")
    return plural(round(days, 1), "day")


def _explain(findings: list[_Finding]) -> str:
    """The facts in one plain sentence (explain.py)."""
    return explain(findings)
