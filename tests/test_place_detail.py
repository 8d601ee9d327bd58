"""A city named beside the same country ("in Lyon, France" -> "in France") adds or drops no
destination: the countries a transfer clause names are what changed or not; a new country beside
it still alerts."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

CITY_BESIDE_COUNTRY = [
    (
        "en",
        "Backups are kept in a data centre in Lyon, France.",
        "Backups are kept in a data centre in France.",
    ),
    (
        "de",
        "Ihre Daten werden auf Servern in Wien, Österreich gespeichert.",
        "Ihre Daten werden auf Servern in Österreich gespeichert.",
    ),
    ("fr", "Vos données sont hébergées à Milan, en Italie.", "Vos données sont hébergées en Italie."),
]


@pytest.mark.parametrize(("language", "old", "new"), CITY_BESIDE_COUNTRY, ids=lambda c: str(c)[:2])
def test_a_city_beside_the_same_country_is_no_destination(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))
    assert_quiet(modified(new, old, language))


def test_a_new_country_beside_a_city_still_alerts() -> None:
    change = modified(
        "Backups are kept in a data centre in Lyon, France.",
        "Backups are kept in data centres in Lyon, France and Oregon, United States.",
    )
    assert_alert(change, "transfer", "high")
    assert "United States" in change.explanation
