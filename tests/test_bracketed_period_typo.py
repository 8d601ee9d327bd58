"""A period written in words and digits ("fourteen (14) days") keeps its digits when the word is
misspelt ("fuorteen (14) days"): fixing or making such a typo changes no period."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.facts import extract_facts

MISSPELT = [
    (
        "en",
        "Refunds are processed within thirty (30) days.",
        "Refunds are processed within thrity (30) days.",
    ),
    (
        "fr",
        "Nous conservons les journaux pendant trente (30) jours.",
        "Nous conservons les journaux pendant trnete (30) jours.",
    ),
    ("da", "Vi opbevarer loggen i tredive (30) dage.", "Vi opbevarer loggen i tredvie (30) dage."),
]


@pytest.mark.parametrize(("language", "old", "new"), MISSPELT, ids=[c[0] for c in MISSPELT])
def test_a_misspelt_number_word_keeps_its_digits(language: str, old: str, new: str) -> None:
    assert [d.days for d in extract_facts(new, language).durations] == [30.0]
    assert_quiet(modified(old, new, language))
    assert_quiet(modified(new, old, language))


def test_the_digits_changed_beside_a_misspelt_word_still_alert() -> None:
    change = modified(
        "Nous conservons les journaux pendant trnete (30) jours.",
        "Nous conservons les journaux pendant trnete (90) jours.",
        "fr",
    )
    assert_alert(change, "retention", "high")
