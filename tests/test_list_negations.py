"""One negation said over a list: "not ... A or B" and "neither A nor B" (fr "ni A ni B", nl "noch
A noch B", sl "niti A niti B") rule out the same things, so moving between them is a re-wording,
in every language; and a negator after two joined verbs ("wij verhuren of verkopen ... niet")
negates both, so dropping it frees both."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

SAID_OVER_A_LIST = [
    (
        "en",
        "We do not pass your contact details to insurers or lenders.",
        "We pass your contact details to neither insurers nor lenders.",
    ),
    (
        "en",
        "Your location history is not sold to marketers or to analytics firms.",
        "Your location history is sold neither to marketers nor to analytics firms.",
    ),
    (
        "fr",
        "Nous ne transmettons pas vos coordonnées à des assureurs ou à des banques.",
        "Nous ne transmettons vos coordonnées ni à des assureurs ni à des banques.",
    ),
    (
        "es",
        "No cedemos sus datos de contacto a aseguradoras o a bancos.",
        "No cedemos sus datos de contacto ni a aseguradoras ni a bancos.",
    ),
    (
        "nl",
        "Wij verstrekken uw adresgegevens niet aan verzekeraars of banken.",
        "Wij verstrekken uw adresgegevens noch aan verzekeraars noch aan banken.",
    ),
    (
        "sl",
        "Vaših kontaktnih podatkov ne posredujemo zavarovalnicam ali bankam.",
        "Vaših kontaktnih podatkov ne posredujemo niti zavarovalnicam niti bankam.",
    ),
    (
        "hr",
        "Vaše kontaktne podatke ne prosljeđujemo osiguravateljima ili bankama.",
        "Vaše kontaktne podatke ne prosljeđujemo ni osiguravateljima ni bankama.",
    ),
    (
        "da",
        "Vi videregiver ikke dine kontaktoplysninger til forsikringsselskaber eller banker.",
        "Vi videregiver hverken dine kontaktoplysninger til forsikringsselskaber eller til banker.",
    ),
]


@pytest.mark.parametrize(
    ("language", "old", "new"), SAID_OVER_A_LIST, ids=[f"{c[0]}-{i}" for i, c in enumerate(SAID_OVER_A_LIST)]
)
def test_neither_nor_and_not_or_rule_out_the_same(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))
    assert_quiet(modified(new, old, language))


LIST_NEGATION_DROPPED = [
    (
        "en",
        "We pass your contact details to neither insurers nor lenders.",
        "We pass your contact details to insurers and lenders.",
    ),
    (
        "en",
        "Your location history is sold neither to marketers nor to analytics firms.",
        "Your location history is sold to marketers and to analytics firms.",
    ),
    (
        "fr",
        "Nous ne transmettons vos coordonnées ni à des assureurs ni à des banques.",
        "Nous transmettons vos coordonnées à des assureurs et à des banques.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), LIST_NEGATION_DROPPED, ids=lambda c: str(c)[:2])
def test_dropping_neither_nor_frees_what_it_ruled_out(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing", "high")


def test_neither_without_its_second_part_negates_no_verb() -> None:
    # "neither of whom": a pronoun, no list negated; the sale it ruled out is what changed
    change = modified(
        "We pass your order history to two couriers, neither of whom may resell it.",
        "We pass your order history to two couriers, who may resell it.",
    )
    assert_alert(change, "sharing")


TWO_VERBS_ONE_NEGATOR = [
    ("nl", "Wij verhuren of verkopen uw adresgegevens niet.", "Wij verhuren of verkopen uw adresgegevens."),
    (
        "de",
        "Wir vermieten oder verkaufen Ihre Adressdaten nicht.",
        "Wir vermieten oder verkaufen Ihre Adressdaten.",
    ),
    (
        "da",
        "Vi udlejer eller sælger ikke dine adresseoplysninger.",
        "Vi udlejer eller sælger dine adresseoplysninger.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), TWO_VERBS_ONE_NEGATOR, ids=lambda c: str(c)[:2])
def test_a_negator_after_two_joined_verbs_negates_both(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "sharing", "high")
    assert "sold" in change.explanation and "rented" in change.explanation, change.explanation


def test_the_first_of_two_joined_verbs_negated_alike_by_noch() -> None:
    change = modified(
        "Wij verhuren of verkopen uw adresgegevens niet.",
        "Wij verhuren noch verkopen uw adresgegevens.",
        "nl",
    )
    assert_quiet(change)
