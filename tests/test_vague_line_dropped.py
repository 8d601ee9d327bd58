"""A sentence that only speaks of a topic ("We care a great deal about the security of your
information."), naming no measure, right, age or promise, removed while the new version still
states a term about that topic (a sentence naming a security measure): an introduction re-written
or a line of reassurance dropped takes nothing away, so no alert, in every language. When nothing
in the new version states a term about the topic any more, or when the sentence removed names a
measure itself, the change still alerts."""

from __future__ import annotations

import pytest
from engine_checks import page_changes, section_page

# (language, heading, sentence only about security, one naming a measure, an unrelated one)
CASES = [
    (
        "en",
        "Security",
        "We care a great deal about the security of your information.",
        "We encrypt your personal data in transit and at rest.",
        "We keep your account details for as long as your account is open.",
    ),
    (
        "de",
        "Sicherheit",
        "Die Sicherheit Ihrer Informationen liegt uns sehr am Herzen.",
        "Wir verschlüsseln Ihre personenbezogenen Daten bei der Übertragung und Speicherung.",
        "Wir bewahren Ihre Kontodaten auf, solange Ihr Konto besteht.",
    ),
    (
        "fr",
        "Sécurité",
        "La sécurité de vos informations nous tient particulièrement à cœur.",
        "Nous chiffrons vos données personnelles lors de leur transmission et de leur stockage.",
        "Nous conservons les informations de votre compte tant que celui-ci est ouvert.",
    ),
    (
        "es",
        "Seguridad",
        "La seguridad de su información nos importa mucho.",
        "Ciframos sus datos personales durante la transmisión y el almacenamiento.",
        "Conservamos los datos de su cuenta mientras esta siga abierta.",
    ),
    (
        "da",
        "Sikkerhed",
        "Sikkerheden omkring dine oplysninger betyder meget for os.",
        "Vi krypterer dine personoplysninger under overførsel og opbevaring.",
        "Vi gemmer dine kontooplysninger, så længe din konto er åben.",
    ),
    (
        "sv",
        "Säkerhet",
        "Säkerheten kring din information är mycket viktig för oss.",
        "Vi krypterar dina personuppgifter vid överföring och lagring.",
        "Vi sparar dina kontouppgifter så länge ditt konto är öppet.",
    ),
    (
        "no",
        "Sikkerhet",
        "Sikkerheten rundt informasjonen din er svært viktig for oss.",
        "Vi krypterer personopplysningene dine under overføring og lagring.",
        "Vi oppbevarer kontoopplysningene dine så lenge kontoen din er åpen.",
    ),
    (
        "nl",
        "Beveiliging",
        "De beveiliging van uw informatie vinden wij erg belangrijk.",
        "Wij versleutelen uw persoonsgegevens tijdens verzending en opslag.",
        "Wij bewaren uw accountgegevens zolang uw account open is.",
    ),
    (
        "hr",
        "Sigurnost",
        "Sigurnost vaših informacija nam je iznimno važna.",
        "Vaše osobne podatke šifriramo tijekom prijenosa i pohrane.",
        "Podatke o vašem računu čuvamo dok je vaš račun otvoren.",
    ),
    (
        "sl",
        "Varnost",
        "Varnost vaših informacij nam je zelo pomembna.",
        "Vaše osebne podatke šifriramo med prenosom in shranjevanjem.",
        "Podatke o vašem računu hranimo, dokler je vaš račun odprt.",
    ),
    (
        "zh",
        "信息安全",
        "我们非常重视您信息的安全。",
        "我们在传输和存储过程中对您的个人信息进行加密。",
        "只要您的账户处于开启状态，我们就会保留您的账户信息。",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_reassurance_dropped_while_a_measure_is_still_named_is_quiet(case: tuple) -> None:
    _, heading, vague, measure, other = case
    changes = page_changes(
        section_page(heading, [vague, measure, other]), section_page(heading, [measure, other])
    )
    assert changes and not any(c.material for c in changes), changes


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_reassurance_dropped_with_no_security_term_left_alerts(case: tuple) -> None:
    _, heading, vague, _, other = case
    changes = page_changes(section_page("Info", [vague, other]), section_page("Info", [other]))
    assert any(c.material and "security" in c.categories for c in changes), changes


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_the_measure_dropped_while_the_reassurance_stays_alerts(case: tuple) -> None:
    _, heading, vague, measure, other = case
    changes = page_changes(
        section_page(heading, [vague, measure, other]), section_page(heading, [vague, other])
    )
    assert any(c.material and "security" in c.categories for c in changes), changes
