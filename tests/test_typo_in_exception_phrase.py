"""A typo inside a phrase whose negator negates nothing ("without limitation" misspelt) is still a
typo: the negation count moves only because the phrase is no longer recognised, and no negator was
touched. A typo that touches the negator itself ("never" -> "nevr") still alerts."""

from __future__ import annotations

from engine_checks import assert_alert, assert_quiet, modified


def test_a_misspelt_word_of_a_negation_free_phrase_is_a_typo() -> None:
    change = modified(
        "Members keep all rights to their photos, including without limitation the right to remove them.",
        "Members keep all rights to their photos, including without limitaiton the right to remove them.",
    )
    assert_quiet(change)
    assert change.explanation == "Typo fix"


def test_a_typo_in_the_negator_itself_still_alerts() -> None:
    change = modified("We never rent out your address book.", "We nevr rent out your address book.")
    assert_alert(change, "sharing")
