"""A hedge adverb put into a promise ("we do not rent" -> "we generally do not rent", "grundsätzlich",
"en principe", "som udgangspunkt", "原则上") makes it a rule with exceptions: what it ruled out may
now happen. The same hedge said another way stays quiet."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

HEDGED = [
    (
        "We do not rent your postcode to charities.",
        "We generally do not rent your postcode to charities.",
        "en",
        "sharing",
    ),
    (
        "Die Bibliothek übermittelt Ihre Ausleihdaten nicht an Dritte.",
        "Die Bibliothek übermittelt Ihre Ausleihdaten grundsätzlich nicht an Dritte.",
        "de",
        "sharing",
    ),
    (
        "Le musée ne communique pas vos coordonnées à ses partenaires.",
        "Le musée ne communique en principe pas vos coordonnées à ses partenaires.",
        "fr",
        "sharing",
    ),
    (
        "La academia no cede sus datos a terceros.",
        "La academia, por regla general, no cede sus datos a terceros.",
        "es",
        "sharing",
    ),
    (
        "Foreningen videregiver ikke dine oplysninger til tredjeparter.",
        "Foreningen videregiver som udgangspunkt ikke dine oplysninger til tredjeparter.",
        "da",
        "sharing",
    ),
    (
        "Klubben lämnar inte ut dina uppgifter till tredje part.",
        "Klubben lämnar i regel inte ut dina uppgifter till tredje part.",
        "sv",
        "sharing",
    ),
    (
        "De vereniging verstrekt uw gegevens niet aan derden.",
        "De vereniging verstrekt uw gegevens in principe niet aan derden.",
        "nl",
        "sharing",
    ),
    (
        "Klubben deler ikke opplysningene dine med tredjeparter.",
        "Klubben deler som hovedregel ikke opplysningene dine med tredjeparter.",
        "no",
        "sharing",
    ),
    ("我们不会与第三方共享您的借阅记录。", "我们原则上不会与第三方共享您的借阅记录。", "zh", "sharing"),
]


@pytest.mark.parametrize(("old", "new", "language", "category"), HEDGED)
def test_a_hedge_adverb_added_to_a_promise_alerts(old: str, new: str, language: str, category: str) -> None:
    assert_alert(modified(old, new, language), category)


SAME_HEDGE = [
    (
        "We usually delete event photos after one year.",
        "We normally delete event photos after one year.",
        "en",
    ),
    (
        "In der Regel löschen wir Fotos nach einem Jahr.",
        "Normalerweise löschen wir Fotos nach einem Jahr.",
        "de",
    ),
    (
        "En règle générale, nous supprimons les photos après un an.",
        "En principe, nous supprimons les photos après un an.",
        "fr",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), SAME_HEDGE)
def test_one_hedge_swapped_for_another_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


def test_generally_accepted_standards_name_no_hedge() -> None:
    assert_quiet(
        modified(
            "We protect your files with accepted industry standards.",
            "We protect your files with generally accepted industry standards.",
        )
    )
