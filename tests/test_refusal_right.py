"""The user's standing choice to say no ("you can refuse them at any time"), said with an object
pronoun and a phrase of time between "can" and the verb, is the right to opt out in every
language: a sentence offering it that goes is a right dropped, even when it only points back to
the sentence before ("We set measurement cookies. You may decline them at any time.")."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, removed

from monitor.engine.facts import extract_facts

REFUSAL_OFFERED = [
    ("en", "You may at any time refuse them."),
    ("fr", "Vous pourrez à tout moment les refuser."),
    ("nl", "Je kunt ze op ieder moment weigeren."),
    ("de", "Sie können diese stets verweigern."),
    ("da", "Du kan når som helst afslå dem."),
    ("sv", "Du kan när du vill avvisa dem."),
    ("no", "Du kan til enhver tid avslå dem."),
    ("es", "Puedes en cualquier momento negarte."),
    ("sl", "Lahko ga vedno odklonite."),
    ("hr", "Možete ga uvijek odbaciti."),
]


@pytest.mark.parametrize(("language", "text"), REFUSAL_OFFERED, ids=[c[0] for c in REFUSAL_OFFERED])
def test_a_standing_choice_to_say_no_is_the_opt_out_right(language: str, text: str) -> None:
    assert "opt-out" in extract_facts(text, language).rights_named


@pytest.mark.parametrize(("language", "text"), REFUSAL_OFFERED, ids=[c[0] for c in REFUSAL_OFFERED])
def test_dropping_it_is_a_right_dropped(language: str, text: str) -> None:
    change = removed(text, language)
    assert_alert(change, "rights", "high")


def test_a_choice_ruled_out_is_no_opt_out() -> None:
    assert "opt-out" not in extract_facts("Sie können diese nicht ablehnen.", "de").rights_named
    assert "opt-out" not in extract_facts("U kunt deze niet weigeren.", "nl").rights_named
