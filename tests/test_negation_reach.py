"""How far back a negator reaches to the verb it negates (facts._polarity).

The reach is counted in words (10), not characters: a term re-worded at the same length in words
("personal information" -> "personal data", "Kundendaten" -> "Daten") moves no negator in or out
of reach, so the edit stays a re-wording. An aside in brackets that closed before the verb
("Usage data (not your messages), which ...") negates nothing after it; a negator outside the
brackets ("we do not (and will not) sell") still does.
"""

from __future__ import annotations

import pytest

from monitor.engine.classify import classify
from monitor.engine.facts import extract_facts
from monitor.models import Change, Clause


def _states(text: str, lang: str) -> list[tuple[str, str]]:
    return [(p.action, p.state) for p in extract_facts(text, lang).polarity]


@pytest.mark.parametrize(
    ("lang", "longer", "shorter"),
    [
        (
            "en",
            "We do not under any circumstances whatsoever have your customer information sold.",
            "We do not under any circumstances whatsoever have your user data sold.",
        ),
        (
            "en",
            "Our recruiters will never, at any stage, have your application documentation shared with them.",
            "Our recruiters will never, at any stage, have your application files shared with them.",
        ),
        (
            "de",
            "Wir lassen Ihre Bewerbungsunterlagen unter keinen Umständen an andere Arbeitgeber weitergeben.",
            "Wir lassen Ihre Unterlagen unter keinen Umständen an andere Arbeitgeber weitergeben.",
        ),
    ],
)
def test_a_shorter_word_for_the_same_data_keeps_the_verbs_state(lang: str, longer: str, shorter: str) -> None:
    assert _states(longer, lang) == _states(shorter, lang)
    assert all(state == "negated" for _, state in _states(longer, lang))
    old, new = Clause(0, longer, language=lang), Clause(0, shorter, language=lang)
    assert not classify([Change("modified", old, new)])[0].material


@pytest.mark.parametrize(
    ("lang", "text", "action"),
    [
        ("en", "Device data (not the content of your calls), which we share with our hosts.", "share"),
        ("fr", "Les journaux (pas le contenu de vos appels), que nous partageons avec nos hôtes.", "share"),
        ("de", "Gerätedaten (nicht Ihre Anrufe), die wir an unseren Hoster weitergeben.", "share"),
    ],
)
def test_a_negator_in_closed_brackets_negates_no_verb_after_them(lang: str, text: str, action: str) -> None:
    assert (action, "affirmed") in _states(text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "action"),
    [
        ("en", "We do not (and never will) sell the recordings.", "sell"),
        ("en", "We will not, under any circumstances (a merger included), sell the recordings.", "sell"),
        ("fr", "Nous ne vendons pas (et ne vendrons jamais) les enregistrements.", "sell"),
    ],
)
def test_a_negator_before_the_brackets_still_negates_the_verb(lang: str, text: str, action: str) -> None:
    states = _states(text, lang)
    assert states and all(s == "negated" for a, s in states if a == action)


def test_dropping_two_words_between_an_aside_and_the_verb_is_no_change() -> None:
    old = "Approximate location (not GPS coordinates), which we use in order to show you nearby stores."
    new = "Approximate location (not GPS coordinates), which we use to show you nearby stores."
    out = classify([Change("modified", Clause(0, old, language="en"), Clause(0, new, language="en"))])[0]
    assert not out.material
