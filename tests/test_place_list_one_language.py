"""A short clause edited by a few words stays in its language: "in Nederland" -> "in Nederland en
in België" must not be read as a Slovenian clause (two "in"s) whose lexicon names no Dutch place,
which reported the old country as "no longer named" instead of the new one as added."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize

PLACE_ADDED = [
    (
        "Onze hostingpartij is gevestigd in Nederland.",
        "Onze hostingpartij is gevestigd in Nederland en in België.",
        "Belgium",
    ),
    (
        "Onze dienstverlener is gevestigd in Duitsland.",
        "Onze dienstverlener is gevestigd in Duitsland en in Frankrijk.",
        "France",
    ),
]


@pytest.mark.parametrize(("old", "new", "place"), PLACE_ADDED)
def test_a_place_added_to_a_short_dutch_clause_is_a_new_destination(old: str, new: str, place: str) -> None:
    # the tag the detector gives such a short Dutch clause ("is", "in" are English words too)
    change = modified(old, new, language="en")
    assert_alert(change, "transfer")
    countries = [f for f in change.facts if f.kind == "country"]
    assert [(f.direction, f.new) for f in countries] == [("added", place)]


def test_the_same_places_reordered_stay_quiet() -> None:
    assert_quiet(
        modified(
            "Onze hostingpartij is gevestigd in Nederland en in België.",
            "Onze hostingpartij is gevestigd in België en in Nederland.",
            language="en",
        )
    )


def test_a_dutch_page_names_the_new_place() -> None:
    lead = "Wij gaan zorgvuldig om met uw persoonsgegevens. Heeft u vragen, neem dan contact met ons op.\n\n"
    old = (lead + "Onze hostingpartij is gevestigd in Nederland.\n").encode()
    new = (lead + "Onze hostingpartij is gevestigd in Nederland en in België.\n").encode()
    changes = compare_documents(normalize(old, "text/plain"), normalize(new, "text/plain")).changes
    facts = [f for c in changes for f in c.facts if f.kind == "country"]
    assert [(f.direction, f.old, f.new) for f in facts] == [("added", None, "Belgium")]
