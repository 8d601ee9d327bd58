"""A consent requirement said not to apply ("no parent has to agree", "die Zustimmung ist nicht
nötig") is the requirement dropped, not a new ban: high, explained as the consent no longer being
needed, in every language. A negator that denies the requirement rules nothing out, so restating
a waiver in other words stays quiet, and a ban whose exception is consent ("we never pass it on
without your approval") keeps its condition."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

# (language, the requirement stated, the same requirement waived)
PARENTAL_WAIVED = [
    (
        "en",
        "Members younger than 14 can sign up once parental consent has been given.",
        "Members younger than 14 can sign up; no parental consent is needed.",
    ),
    (
        "en",
        "Before a pupil under 13 joins a class, we seek verifiable parental consent.",
        "Before a pupil under 13 joins a class, we do not seek verifiable parental consent.",
    ),
    (
        "de",
        "Für Nutzer unter 16 Jahren holen wir die Einwilligung der Eltern ein.",
        "Für Nutzer unter 16 Jahren ist die Einwilligung der Eltern nicht nötig.",
    ),
    (
        "fr",
        "Pour un mineur de moins de 15 ans, le consentement parental est recueilli avant l'inscription.",
        "Pour un mineur de moins de 15 ans, aucun consentement parental n'est exigé avant l'inscription.",
    ),
    (
        "es",
        "Los menores de 14 años necesitan el consentimiento de sus padres para abrir una cuenta.",
        "Para abrir una cuenta, el consentimiento de los padres de los menores de 14 años no es necesario.",
    ),
    (
        "da",
        "Hvis barnet er under 13 år, indhenter vi forældrenes samtykke, før profilen oprettes.",
        "Hvis barnet er under 13 år, indhenter vi ikke forældrenes samtykke, før profilen oprettes.",
    ),
    (
        "sv",
        "För elever under 13 år inhämtar vi vårdnadshavares samtycke innan kontot skapas.",
        "För elever under 13 år krävs inget vårdnadshavares samtycke innan kontot skapas.",
    ),
    (
        "no",
        "For elever under 13 år innhenter vi foreldres samtykke før kontoen opprettes.",
        "For elever under 13 år kreves ikke foreldres samtykke før kontoen opprettes.",
    ),
    (
        "nl",
        "Voor leerlingen onder de 16 jaar vragen wij toestemming van de ouders.",
        "Voor leerlingen onder de 16 jaar is toestemming van de ouders niet vereist.",
    ),
    (
        "hr",
        "Za korisnike mlađe od 16 godina tražimo privolu roditelja.",
        "Za korisnike mlađe od 16 godina ne tražimo privolu roditelja.",
    ),
    (
        "sl",
        "Za uporabnike, mlajše od 16 let, pridobimo soglasje staršev.",
        "Za uporabnike, mlajše od 16 let, soglasje staršev ni potrebno.",
    ),
    (
        "zh",
        "未满十四周岁的用户注册前，我们会征得其监护人同意。",
        "未满十四周岁的用户注册前，无需征得其监护人同意。",
    ),
]


@pytest.mark.parametrize(("language", "required", "waived"), PARENTAL_WAIVED)
def test_parental_consent_waived_is_the_safeguard_dropped(language: str, required: str, waived: str) -> None:
    change = modified(required, waived, language)
    assert_alert(change, "children", "high")
    assert "no longer required" in change.explanation, change.explanation


@pytest.mark.parametrize(("language", "required", "waived"), PARENTAL_WAIVED)
def test_parental_consent_required_again_narrows(language: str, required: str, waived: str) -> None:
    change = modified(waived, required, language)
    assert_alert(change, "children", "medium")
    assert "now required" in change.explanation, change.explanation


def test_consent_for_a_use_waived_widens_the_use() -> None:
    change = modified(
        "We analyse your purchase history for offers, but only with your permission.",
        "We analyse your purchase history for offers; your permission is not required.",
    )
    assert_alert(change, "purpose", "high")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Users aged 16 or over need no parental consent.",
            "No parental consent is required for users aged 16 or over.",
        ),
        (
            "de",
            "Ab 16 Jahren ist keine Einwilligung der Eltern erforderlich.",
            "Ab 16 Jahren benötigen wir keine Einwilligung der Eltern.",
        ),
        (
            "fr",
            "Au-delà de 15 ans, aucun consentement parental n'est requis.",
            "Au-delà de 15 ans, le consentement parental n'est pas nécessaire.",
        ),
    ],
)
def test_a_waiver_said_again_in_other_words_is_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We never pass your contacts on without your approval.",
            "Your contacts are never passed on without your consent.",
        ),
        (
            "de",
            "Wir geben Ihre Kontakte nicht ohne Ihre Einwilligung weiter.",
            "Ohne Ihre Zustimmung geben wir Ihre Kontakte nicht weiter.",
        ),
    ],
)
def test_a_ban_whose_exception_is_consent_keeps_its_condition(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))
