"""A sentence that names where data is kept ("Our servers are located in Canada.") dropped while
another sentence of the new version still says the data is stored or processed there: the place
is still named, no destination went, so no alert, in every language. When no other sentence
names it, or when a safeguard goes with it, the change still alerts."""

from __future__ import annotations

import pytest
from engine_checks import page_changes, section_page

# (language, heading, sentence naming the servers' country, one storing the data there, another)
CASES = [
    (
        "en",
        "Where we keep your data",
        "Our servers are located in Canada.",
        "We store and process your personal data in Canada.",
        "We keep your account details for as long as your account is open.",
    ),
    (
        "de",
        "Wo wir Ihre Daten speichern",
        "Unsere Server befinden sich in Kanada.",
        "Wir speichern und verarbeiten Ihre personenbezogenen Daten in Kanada.",
        "Wir bewahren Ihre Kontodaten auf, solange Ihr Konto besteht.",
    ),
    (
        "fr",
        "Où nous conservons vos données",
        "Nos serveurs sont situés au Canada.",
        "Nous stockons et traitons vos données personnelles au Canada.",
        "Nous conservons les informations de votre compte tant que celui-ci est ouvert.",
    ),
    (
        "es",
        "Dónde guardamos sus datos",
        "Nuestros servidores están ubicados en Canadá.",
        "Almacenamos y tratamos sus datos personales en Canadá.",
        "Conservamos los datos de su cuenta mientras esta siga abierta.",
    ),
    (
        "da",
        "Hvor vi opbevarer dine data",
        "Vores servere er placeret i Canada.",
        "Vi opbevarer og behandler dine personoplysninger i Canada.",
        "Vi gemmer dine kontooplysninger, så længe din konto er åben.",
    ),
    (
        "sv",
        "Var vi lagrar dina uppgifter",
        "Våra servrar finns i Kanada.",
        "Vi lagrar och behandlar dina personuppgifter i Kanada.",
        "Vi sparar dina kontouppgifter så länge ditt konto är öppet.",
    ),
    (
        "no",
        "Hvor vi lagrer dataene dine",
        "Serverne våre er plassert i Canada.",
        "Vi lagrer og behandler personopplysningene dine i Canada.",
        "Vi oppbevarer kontoopplysningene dine så lenge kontoen din er åpen.",
    ),
    (
        "nl",
        "Waar wij uw gegevens bewaren",
        "Onze servers staan in Canada.",
        "Wij slaan uw persoonsgegevens op en verwerken ze in Canada.",
        "Wij bewaren uw accountgegevens zolang uw account open is.",
    ),
    (
        "hr",
        "Gdje čuvamo vaše podatke",
        "Naši poslužitelji nalaze se u Kanadi.",
        "Vaše osobne podatke pohranjujemo i obrađujemo u Kanadi.",
        "Podatke o vašem računu čuvamo dok je vaš račun otvoren.",
    ),
    (
        "sl",
        "Kje hranimo vaše podatke",
        "Naši strežniki se nahajajo v Kanadi.",
        "Vaše osebne podatke shranjujemo in obdelujemo v Kanadi.",
        "Podatke o vašem računu hranimo, dokler je vaš račun odprt.",
    ),
    (
        "zh",
        "我们在哪里保存您的数据",
        "我们的服务器位于加拿大。",
        "您的个人信息存储在加拿大的服务器上。",
        "只要您的账户处于开启状态，我们就会保留您的账户信息。",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_servers_sentence_dropped_while_the_place_is_still_named_is_quiet(case: tuple) -> None:
    _, heading, servers, stored, other = case
    changes = page_changes(
        section_page(heading, [servers, stored, other]), section_page(heading, [stored, other])
    )
    assert changes and not any(c.material for c in changes), changes


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_the_only_sentence_naming_the_place_dropped_alerts(case: tuple) -> None:
    _, heading, servers, _, other = case
    changes = page_changes(section_page(heading, [servers, other]), section_page(heading, [other]))
    assert any(c.material and "transfer" in c.categories for c in changes), changes


def test_a_safeguard_dropped_with_the_place_still_alerts() -> None:
    stored = "We store and process your personal data in Canada."
    safeguard = "We transfer your personal data to Canada only under standard contractual clauses."
    changes = page_changes(
        section_page("Transfers", [safeguard, stored]), section_page("Transfers", [stored])
    )
    assert any(c.material and "transfer" in c.categories for c in changes), changes
