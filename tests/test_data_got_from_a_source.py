""" "We may also get your details from a club or a school" names where data comes from: a
source added there is data collected, in Swedish, Danish and Norwegian as in English."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

SOURCE_ADDED = [
    (
        "Vi kan även få dina uppgifter från en skola eller en idrottsklubb.",
        "Vi kan även få dina uppgifter från en skola, en idrottsklubb eller ett kreditupplysningsföretag.",
        "sv",
    ),
    (
        "Vi kan også få dine oplysninger fra en skole eller en idrætsklub.",
        "Vi kan også få dine oplysninger fra en skole, en idrætsklub eller et kreditoplysningsbureau.",
        "da",
    ),
    (
        "Vi kan også få opplysninger om deg fra en skole eller en idrettsklubb.",
        "Vi kan også få opplysninger om deg fra en skole, en idrettsklubb eller et kredittopplysningsbyrå.",
        "no",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), SOURCE_ADDED)
def test_a_new_source_of_data_is_collection(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language=language), "collection")


def test_the_same_sources_reordered_stay_quiet() -> None:
    assert_quiet(
        modified(
            "Vi kan även få dina uppgifter från en skola eller en idrottsklubb.",
            "Vi kan även få dina uppgifter från en idrottsklubb eller en skola.",
            language="sv",
        )
    )
