"""A fact a reader sees is listed once, even where two verbs of the clause both give it."""

from __future__ import annotations

import pytest
from engine_checks import one_edit

PAIRS = [
    (
        "en",
        "We never sell, rent or transfer your contact list to third parties.",
        "We may sell, rent or transfer your contact list to third parties.",
    ),
    (
        "en",
        "Your purchase history is not sold or transferred to third parties.",
        "Your purchase history may be sold or transferred to third parties.",
    ),
    (
        "de",
        "Wir verkaufen oder übermitteln Ihre Kontaktliste nicht an Dritte.",
        "Wir können Ihre Kontaktliste an Dritte verkaufen oder übermitteln.",
    ),
]


@pytest.mark.parametrize(("lang", "old", "new"), PAIRS)
def test_each_fact_of_a_flipped_promise_is_listed_once(lang: str, old: str, new: str) -> None:
    change = one_edit(lang, old, new)
    assert change.material and "sharing" in change.categories, change
    assert change.facts and len(change.facts) == len(set(change.facts)), change.facts
