"""A list item added or dropped is named as the policy wrote it: a hyphen or an apostrophe
inside the item stays ("e-mail address", not "e mail address"), in the fact and the sentence."""

from __future__ import annotations

from engine_checks import assert_alert, modified


def test_a_hyphenated_item_keeps_its_hyphen() -> None:
    change = modified(
        "When you register we ask for your name and postcode.",
        "When you register we ask for your name, e-mail address and postcode.",
    )
    assert_alert(change, "collection")
    assert "e-mail address" in change.explanation, change.explanation


def test_an_item_with_an_apostrophe_keeps_it() -> None:
    change = modified(
        "Schools may give us a pupil's name, class and the parent's phone number.",
        "Schools may give us a pupil's name and class.",
    )
    assert any("parent's phone number" in str(f.old) for f in change.facts), change
