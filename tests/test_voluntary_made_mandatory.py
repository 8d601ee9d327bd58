""" "Giving us your phone number is optional" -> "... is required": the user no longer chooses
whether to give the data, a term of collecting it, in every language; "voluntary" said as
"optional" stays quiet."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

MANDATORY = [
    ("Giving us your phone number is optional.", "Giving us your phone number is required.", "en"),
    ("Die Angabe Ihrer Telefonnummer ist freiwillig.", "Die Angabe Ihrer Telefonnummer ist Pflicht.", "de"),
    (
        "L'indication de votre numéro de téléphone est facultative.",
        "L'indication de votre numéro de téléphone est requise.",
        "fr",
    ),
    ("Indicar su número de teléfono es opcional.", "Indicar su número de teléfono es necesario.", "es"),
    (
        "Det er frivilligt at give os dit telefonnummer.",
        "Det er påkrævet at give os dit telefonnummer.",
        "da",
    ),
    (
        "Det är frivilligt att lämna ditt telefonnummer.",
        "Det är obligatoriskt att lämna ditt telefonnummer.",
        "sv",
    ),
    ("Det er frivillig å oppgi telefonnummeret ditt.", "Det er påkrevd å oppgi telefonnummeret ditt.", "no"),
    (
        "Het opgeven van uw telefoonnummer is vrijwillig.",
        "Het opgeven van uw telefoonnummer is verplicht.",
        "nl",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), MANDATORY)
def test_voluntary_data_made_mandatory_is_collection(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language=language), "collection")


def test_voluntary_said_as_optional_stays_quiet() -> None:
    assert_quiet(
        modified("Giving us your phone number is voluntary.", "Giving us your phone number is optional.")
    )
