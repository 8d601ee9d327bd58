"""Privacy "protected" said as "safeguarded" ("beskytte" -> "ivareta", "beskytte" -> "varetage",
"skydda" -> "värna om", "protect" -> "safeguard", "schützen" -> "wahren" ...): the same care for
the user's privacy in other words, quiet in every language."""

from __future__ import annotations

import pytest
from engine_checks import assert_quiet, modified

SAFEGUARDED = [
    (
        "Biblioteket er opptatt av å beskytte personvernet til lånerne.",
        "Biblioteket er opptatt av å ivareta personvernet til lånerne.",
        "no",
    ),
    (
        "Foreningen er optaget af at beskytte medlemmernes privatliv.",
        "Foreningen er optaget af at varetage medlemmernes privatliv.",
        "da",
    ),
    (
        "Föreningen arbetar för att skydda medlemmarnas integritet.",
        "Föreningen arbetar för att värna om medlemmarnas integritet.",
        "sv",
    ),
    (
        "The club works to protect its members' privacy.",
        "The club works to safeguard its members' privacy.",
        "en",
    ),
    (
        "Der Verein setzt sich dafür ein, die Privatsphäre seiner Mitglieder zu schützen.",
        "Der Verein setzt sich dafür ein, die Privatsphäre seiner Mitglieder zu wahren.",
        "de",
    ),
    (
        "L'association s'attache à protéger la vie privée de ses membres.",
        "L'association s'attache à préserver la vie privée de ses membres.",
        "fr",
    ),
    (
        "La asociación se esfuerza por proteger la privacidad de sus socios.",
        "La asociación se esfuerza por salvaguardar la privacidad de sus socios.",
        "es",
    ),
    (
        "De vereniging zet zich in om de privacy van haar leden te beschermen.",
        "De vereniging zet zich in om de privacy van haar leden te waarborgen.",
        "nl",
    ),
    (
        "Udruga nastoji zaštititi privatnost svojih članova.",
        "Udruga nastoji očuvati privatnost svojih članova.",
        "hr",
    ),
    (
        "Društvo si prizadeva zaščititi zasebnost svojih članov.",
        "Društvo si prizadeva varovati zasebnost svojih članov.",
        "sl",
    ),
    ("协会致力于保护会员的隐私。", "协会致力于维护会员的隐私。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), SAFEGUARDED)
def test_privacy_safeguarded_in_other_words_stays_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language=language))
