"""A date after "until" ends how long data is kept: moving it ("kept until 30 June 2025" -> "2027")
changes retention, in every language; a date that only says when something was written or began
("updated on", "since") changes nothing. And the month May is no modal "may"."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

END_DATE_MOVED = [
    (
        "en",
        "Order records are kept until 30 June 2025 and then erased.",
        "Order records are kept until 30 June 2027 and then erased.",
    ),
    (
        "de",
        "Bestelldaten speichern wir bis zum 30. Juni 2025 und löschen sie danach.",
        "Bestelldaten speichern wir bis zum 30. Juni 2027 und löschen sie danach.",
    ),
    (
        "fr",
        "Nous conservons les bons de commande jusqu'au 30 juin 2025.",
        "Nous conservons les bons de commande jusqu'au 30 juin 2027.",
    ),
    (
        "es",
        "Conservamos los pedidos hasta el 30 de junio de 2025.",
        "Conservamos los pedidos hasta el 30 de junio de 2027.",
    ),
    (
        "da",
        "Vi opbevarer ordreoplysningerne indtil den 30. juni 2025.",
        "Vi opbevarer ordreoplysningerne indtil den 30. juni 2027.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), END_DATE_MOVED, ids=[c[0] for c in END_DATE_MOVED])
def test_the_date_data_is_kept_until_moved_is_retention(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "retention", "medium")
    assert "2025" in change.explanation and "2027" in change.explanation


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("This notice was last revised on 30 June 2025.", "This notice was last revised on 30 June 2027."),
        (
            "Since 1 May 2025 we keep server logs for 30 days.",
            "Since 1 June 2025 we keep server logs for 30 days.",
        ),
        (
            "From 1 March 2025 we keep server logs for 30 days.",
            "From 1 March 2026 we keep server logs for 30 days.",
        ),
    ],
)
def test_a_date_that_ends_nothing_is_quiet(old: str, new: str) -> None:
    assert_quiet(modified(old, new))
