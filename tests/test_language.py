"""Language detection per clause and per version.

What users rely on: each clause is read with the right language's lexicon (bilingual pages
exist), Norwegian is "no" whatever the hint says (nb/nn), and a version's language is the
one most of its text is written in.
"""

from __future__ import annotations

import pytest
from corpus import CASES_DIR as CASES

from monitor.engine.segment import segment
from monitor.extract.normalize import normalize
from monitor.lang.detect import detect_language, document_language, normalize_hint
from monitor.models import Clause


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("We will not sell your personal information to third parties.", "en"),
        ("You can ask us to delete the data we hold about you at any time.", "en"),
        ("Vi säljer inte dina personuppgifter till tredje part.", "sv"),
        ("Vi sparar uppgifterna så länge det behövs för att fullgöra avtalet.", "sv"),
        ("Vi selger ikke personopplysningene dine til tredjeparter.", "no"),
        ("Vi vil ikke dele din personlige informasjon med mindre du gir oss tillatelse.", "no"),
        ("Vi sælger ikke dine personoplysninger til tredjeparter.", "da"),
        ("Vi opbevarer dine personoplysninger, så længe det er nødvendigt af hensyn til formålet.", "da"),
        ("Wir verkaufen Ihre personenbezogenen Daten nicht an Dritte.", "de"),
        ("Die Daten werden gelöscht, sobald sie für den Zweck nicht mehr erforderlich sind.", "de"),
        ("Nous ne vendons pas vos données personnelles à des tiers.", "fr"),
        ("Vous pouvez retirer votre consentement à tout moment.", "fr"),
        ("No vendemos sus datos personales a terceros.", "es"),
        ("Puede solicitar la eliminación de su información en cualquier momento.", "es"),
        ("我们不会向第三方出售您的个人信息。", "zh-Hans"),
        ("我们会在您注销账户后删除这些数据。", "zh-Hans"),
        ("我們不會向第三方出售您的個人資訊。", "zh-Hant"),
        ("本應用會按照本隱私權政策的規定使用和披露您的個人資訊。", "zh-Hant"),
        ("我们使用Google Analytics和Firebase SDK统计使用情况。", "zh-Hans"),
        ("Wij geven uw persoonsgegevens niet door aan adverteerders.", "nl"),
        ("Je kunt op elk moment vragen om je gegevens te laten verwijderen.", "nl"),
        ("Vaše osobne podatke nikada nećemo prodati oglašivačima.", "hr"),
        ("Korisnik u svakom trenutku može povući privolu za obradu podataka.", "hr"),
        ("Vaših osebnih podatkov nikoli ne bomo prodali oglaševalcem.", "sl"),
        ("Uporabnik lahko kadarkoli prekliče privolitev za obdelavo podatkov.", "sl"),
    ],
)
def test_detects_each_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.parametrize(
    ("text", "hint", "lang"),
    [
        ("OK", None, "und"),
        ("OK", "sv", "sv"),
        ("Cookies", "nb", "no"),
        ("Cookies", "nn", "no"),
        ("Cookies", "zh-TW", "zh-Hant"),
        ("Cookies", "sv-SE", "sv"),
        ("2024-01-01", "da", "da"),
        ("隐私政策", None, "zh-Hans"),
        ("政策", "zh-Hant", "zh-Hant"),
        # strong evidence beats a wrong hint
        ("We will not sell your personal information to third parties.", "sv", "en"),
        ("我們不會向第三方出售您的個人資訊。", "zh-Hans", "zh-Hant"),
    ],
)
def test_hint_wins_only_when_evidence_is_weak(text: str, hint: str | None, lang: str) -> None:
    assert detect_language(text, hint) == lang


def test_hints_are_mapped_to_supported_codes() -> None:
    assert [normalize_hint(h) for h in ("nb", "NN", "no", "zh", "zh-CN", "zh_HK", "en-GB", "xx", None)] == [
        "no", "no", "no", "zh-Hans", "zh-Hans", "zh-Hant", "en", None, None,
    ]  # fmt: skip
    assert [normalize_hint(h) for h in ("nl", "nl-BE", "nld", "dut", "hr", "hrv", "hr-HR", "sl", "slv")] == [
        "nl", "nl", "nl", "nl", "hr", "hr", "hr", "sl", "sl",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Dutch against German, English and Danish: "het", "uw", "niet", "gegevens" are its own
        ("Wij bewaren de gegevens niet langer dan nodig is voor het doel.", "nl"),
        ("Wir speichern die Daten nicht länger als für den Zweck nötig.", "de"),
        ("We do not keep the data longer than the purpose needs.", "en"),
        ("Vi gemmer ikke oplysningerne længere end formålet kræver.", "da"),
        # Croatian against Slovenian: shared words (je, za, na, da) decide nothing; ć, "ili",
        # "podaci" / "in", "ki", "podatkov" do
        ("Podaci koji su potrebni za plaćanje čuvaju se pet godina.", "hr"),
        ("Podatki, ki so potrebni za plačilo, se hranijo pet let.", "sl"),
        ("Podatke je moguće ispraviti ili izbrisati na zahtjev korisnika.", "hr"),
        ("Podatke je mogoče popraviti ali izbrisati na zahtevo uporabnika.", "sl"),
    ],
)
def test_close_languages_are_told_apart(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_a_clause_of_only_shared_south_slavic_words_is_weak_evidence() -> None:
    """Neither Croatian nor Slovenian by its own words: a hint (or the neighbours) decide."""
    text = "Za podatke je za vas pravo da od nas zahtevate to."
    assert detect_language(text, "sl") == "sl"
    assert detect_language(text, "hr") == "hr"


def test_slovenian_document_is_not_read_as_croatian() -> None:
    text = (
        "Upravljavec zbira osebne podatke uporabnikov, ki se registrirajo na spletnem mestu.\n"
        "Podatke hranimo toliko časa, kolikor je potrebno za izvajanje storitve.\n"
        "Uporabnik lahko kadarkoli zahteva izbris svojih podatkov.\n"
    )
    clauses = segment(normalize(text.encode(), "text/plain"))
    assert [c.language for c in clauses] == ["sl", "sl", "sl"]
    assert document_language(clauses) == "sl"


def test_dutch_and_croatian_halves_of_a_page() -> None:
    text = (
        "Wij verkopen uw persoonsgegevens niet aan derden.\n"
        "Vaše osobne podatke ne prodajemo trećim stranama.\n"
    )
    assert [c.language for c in segment(normalize(text.encode(), "text/plain"))] == ["nl", "hr"]


def test_scandinavian_languages_are_told_apart_by_their_own_words() -> None:
    assert detect_language("Vi delar inte dina uppgifter och vi är tydliga med det.") == "sv"
    assert detect_language("Vi deler ikke opplysningene dine, og det er viktig å være tydelig.") == "no"
    assert (
        detect_language(
            "Vi deler ikke dine oplysninger, og det er vigtigt at være tydelig af hensyn til dig."
        )
        == "da"
    )


def _clause(i: int, text: str, lang: str) -> Clause:
    return Clause(index=i, text=text, language=lang)


def test_document_language_is_weighted_by_text_length() -> None:
    clauses = [
        _clause(0, "Title", "en"),
        _clause(1, "Kort.", "en"),
        _clause(2, "Vi behandlar dina personuppgifter enligt dataskyddsförordningen och svensk lag.", "sv"),
    ]
    assert document_language(clauses) == "sv"
    zh = [_clause(0, "Privacy Policy", "en"), _clause(1, "我们不会向第三方出售您的个人信息。", "zh-Hans")]
    assert document_language(zh) == "zh-Hans"
    assert document_language([]) == "und"
    assert document_language([], hint="nb") == "no"


def test_bilingual_page_gets_a_language_per_clause() -> None:
    text = (
        "隐私政策\n我们不会向第三方出售您的个人信息。我们会在您注销账户后删除这些数据。\n"
        "Privacy Policy\nWe will not sell your personal information to third parties. "
        "We delete the data after you close your account.\n"
    )
    clauses = segment(normalize(text.encode(), "text/plain"))
    assert [c.language for c in clauses] == ["zh-Hans", "zh-Hans", "zh-Hans", "en", "en", "en"]


def test_swedish_and_english_halves() -> None:
    text = (
        "Vi säljer inte dina personuppgifter. Vi sparar dem i tre år.\n"
        "We do not sell your personal data. We keep it for three years.\n"
    )
    assert [c.language for c in segment(normalize(text.encode(), "text/plain"))] == ["sv", "sv", "en", "en"]


@pytest.mark.parametrize(
    ("case", "lang"),
    [
        ("no-retention-lengthened", "no"),
        ("sv-sell-flip", "sv"),
        ("sv-html-noise", "sv"),
        ("en-sell-flip", "en"),
    ],
)
def test_shared_cases_main_language(case: str, lang: str) -> None:
    """(The Chinese cases are bilingual pages whose English half is the longer text.)"""
    path = next((CASES / case).glob("old.*"))
    doc = normalize(path.read_bytes(), "text/html" if path.suffix == ".html" else "text/plain")
    assert document_language(segment(doc)) == lang


def test_a_danish_document_is_read_as_danish_throughout() -> None:
    """Danish and Norwegian Bokmål share most short words; a clause that leans Norwegian on its
    own is read with the language of the document around it."""
    text = (
        "Vi gemmer din adresse, mens du har en konto hos os.\n"
        "Vi deler kun dine kontaktoplysninger med vores leverandører, hvis du giver samtykke.\n"
        "Du kan til enhver tid bede os om at slette dine oplysninger efter reglerne.\n"
    )
    clauses = segment(normalize(text.encode(), "text/plain"))
    assert [c.language for c in clauses] == ["da", "da", "da"]


def test_the_document_language_does_not_swallow_a_clear_second_language() -> None:
    text = (
        "Vi deler ikke opplysningene dine med andre, og vi lagrer dem bare så lenge det trengs.\n"
        "Vi bruker informasjonskapsler for å huske innstillingene dine på nettstedet.\n"
        "We do not sell your personal information to anyone.\n"
    )
    assert [c.language for c in segment(normalize(text.encode(), "text/plain"))] == ["no", "no", "en"]
