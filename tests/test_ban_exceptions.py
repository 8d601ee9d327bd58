"""An exception to a ban ("we never rent out your address book unless you allow it") taken out
leaves the ban whole: narrower, medium, and the explanation says so instead of "no longer requires
your consent". An exception added to a ban lets the thing happen where it could not: high. A
consent condition dropped from a permission ("only with your consent") still widens it: high."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We never rent out your address book unless you allow it.",
            "We never rent out your address book.",
        ),
        (
            "de",
            "Ihre Kontaktliste geben wir ohne Ihre Zustimmung nicht an Dritte weiter.",
            "Ihre Kontaktliste geben wir nicht an Dritte weiter.",
        ),
        (
            "fr",
            "Nous ne partageons pas votre carnet d'adresses sans votre consentement.",
            "Nous ne partageons pas votre carnet d'adresses.",
        ),
        (
            "es",
            "No compartimos su libreta de direcciones sin su consentimiento.",
            "No compartimos su libreta de direcciones.",
        ),
    ],
)
def test_an_exception_taken_out_of_a_ban_narrows_it(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "sharing", "medium")
    assert "ruled out without exception" in change.explanation, change.explanation
    assert "no longer requires" not in change.explanation, change.explanation


def test_an_exception_added_to_a_ban_widens_it() -> None:
    change = modified(
        "We never rent out your address book.", "We never rent out your address book unless you allow it."
    )
    assert_alert(change, "sharing", "high")
    assert "may now happen with your consent" in change.explanation, change.explanation


def test_a_legal_exception_is_named_in_its_own_words() -> None:
    change = modified(
        "We do not disclose your invoices to anyone unless a court orders it.",
        "We do not disclose your invoices to anyone.",
    )
    assert change.material and change.severity == "medium", change
    assert "unless a court orders it" in change.explanation, change.explanation


def test_a_parents_consent_taken_out_of_a_ban_on_childrens_data() -> None:
    change = modified(
        "We do not collect anything from pupils under 12 without their parents' consent.",
        "We do not collect anything from pupils under 12.",
    )
    assert_alert(change, "children", "medium")
    assert "children's data is now ruled out" in change.explanation, change.explanation


def test_consent_dropped_from_a_permission_still_widens_it() -> None:
    change = modified(
        "We share your address book with partners only with your consent.",
        "We share your address book with partners.",
    )
    assert_alert(change, "sharing", "high")
