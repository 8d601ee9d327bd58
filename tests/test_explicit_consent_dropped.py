""" "Only with your explicit consent" -> "only with your consent": the word that made the consent
explicit dropped, any consent will do (a safeguard inside the sentence, in every language);
"explicit" said as "express" keeps it."""

from __future__ import annotations

import pytest
from engine_checks import assert_quiet, modified

DROPPED = [
    (
        "We read your fitness logs only with your explicit consent.",
        "We read your fitness logs only with your consent.",
        "en",
    ),
    (
        "Ihre Fitnessdaten lesen wir nur mit Ihrer ausdrücklichen Einwilligung aus.",
        "Ihre Fitnessdaten lesen wir nur mit Ihrer Einwilligung aus.",
        "de",
    ),
    (
        "Nous lisons vos relevés sportifs uniquement avec votre consentement explicite.",
        "Nous lisons vos relevés sportifs uniquement avec votre consentement.",
        "fr",
    ),
    (
        "Leemos sus registros deportivos solo con su consentimiento expreso.",
        "Leemos sus registros deportivos solo con su consentimiento.",
        "es",
    ),
    (
        "Vi læser dine træningsdata kun med dit udtrykkelige samtykke.",
        "Vi læser dine træningsdata kun med dit samtykke.",
        "da",
    ),
    (
        "Vi läser dina träningsdata endast med ditt uttryckliga samtycke.",
        "Vi läser dina träningsdata endast med ditt samtycke.",
        "sv",
    ),
    (
        "Vi leser treningsdataene dine bare med ditt uttrykkelige samtykke.",
        "Vi leser treningsdataene dine bare med ditt samtykke.",
        "no",
    ),
    (
        "Wij lezen uw trainingsgegevens alleen met uw uitdrukkelijke toestemming.",
        "Wij lezen uw trainingsgegevens alleen met uw toestemming.",
        "nl",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), DROPPED)
def test_explicit_dropped_from_consent_is_material(old: str, new: str, language: str) -> None:
    change = modified(old, new, language=language)
    assert change.material, change


def test_explicit_said_as_express_stays_quiet() -> None:
    assert_quiet(
        modified(
            "We read your fitness logs only with your explicit consent.",
            "We read your fitness logs only with your express consent.",
        )
    )
