""" "Anonymised statistics are kept for five years" -> "Your data is kept for five years": the
anonymisation dropped is no lost security measure only; what is kept (or what is used for a
purpose) is now data about the user, a retention or purpose change, in every language."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

KEPT = [
    (
        "Anonymised usage statistics may be stored for research.",
        "Usage statistics may be stored for research.",
        "en",
    ),
    (
        "Anonymisierte Nutzungsstatistiken können für Forschungszwecke gespeichert werden.",
        "Nutzungsstatistiken können für Forschungszwecke gespeichert werden.",
        "de",
    ),
    (
        "Des statistiques anonymisées peuvent être conservées à des fins de recherche.",
        "Des statistiques peuvent être conservées à des fins de recherche.",
        "fr",
    ),
    (
        "Las estadísticas anonimizadas pueden conservarse con fines de investigación.",
        "Las estadísticas pueden conservarse con fines de investigación.",
        "es",
    ),
]

USED = [
    (
        "We use anonymised listening data to improve our recommendations.",
        "We use your listening data to improve our recommendations.",
        "en",
    ),
    (
        "Wir verwenden anonymisierte Nutzungsdaten, um unsere Empfehlungen zu verbessern.",
        "Wir verwenden Ihre Nutzungsdaten, um unsere Empfehlungen zu verbessern.",
        "de",
    ),
    (
        "Nous utilisons des données d'écoute anonymisées pour améliorer nos recommandations.",
        "Nous utilisons vos données d'écoute pour améliorer nos recommandations.",
        "fr",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), KEPT)
def test_anonymisation_dropped_from_what_is_kept_is_retention(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language=language), "retention")


@pytest.mark.parametrize(("old", "new", "language"), USED)
def test_anonymisation_dropped_from_what_is_used_is_purpose(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language=language), "purpose")


def test_anonymised_data_kept_with_another_verb_stays_quiet() -> None:
    assert_quiet(
        modified(
            "Anonymised usage statistics may be stored for research.",
            "Anonymised usage statistics may be kept for research.",
        )
    )
