"""A clause's facts read on demand (facts._DeferredFacts) are the same whatever is read first."""

from __future__ import annotations

import dataclasses

from monitor.engine.facts import extract_facts

CLAUSES = [
    ("We never sell your location history to data brokers, and we delete it after 90 days.", "en"),
    ("Children under 13 may not open an account; parents can ask us to erase their data.", "en"),
    ("Nous pouvons transférer vos coordonnées à nos prestataires situés aux États-Unis.", "fr"),
    ("Visit our help centre at https://help.example.org or write to team@example.org.", "en"),
]


def _fields(facts: object) -> dict[str, object]:
    return {f.name: getattr(facts, f.name) for f in dataclasses.fields(facts)}  # type: ignore[arg-type]


def test_the_order_of_reading_does_not_change_a_fact() -> None:
    for text, language in CLAUSES:
        extract_facts.cache_clear()
        forwards = _fields(extract_facts(text, language))
        extract_facts.cache_clear()
        facts = extract_facts(text, language)
        backwards = {f.name: getattr(facts, f.name) for f in reversed(dataclasses.fields(facts))}
        assert forwards == backwards


def test_deferred_facts_hold_what_the_clause_states() -> None:
    facts = extract_facts(CLAUSES[0][0], "en")
    assert "retention" in facts.categories
    assert [d.days for d in facts.durations] == [90]
    assert {p.action for p in facts.polarity if p.state == "negated"} >= {"sell"}
    assert facts.contacts == frozenset()
    assert extract_facts(CLAUSES[3][0], "en").contacts  # the address and the URL
