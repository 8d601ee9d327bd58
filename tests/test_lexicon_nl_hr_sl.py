"""Dutch, Croatian and Slovenian policy text read by the engine, in sentences of our own.

What users rely on: a lengthened retention period, a promise not to sell dropped, a consent
condition removed, a new destination, a lowered age or a removed right alerts in these languages as
it does in the others; a re-worded sentence with the same meaning, a new date or a new postal
address does not.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.facts import extract_facts, pick_lexicon
from monitor.lang.lexicon import canonical_language, country_names

# --- material changes --------------------------------------------------------------------------

MATERIAL = [
    # retention lengthened, in digits and in words, with the unit inflected
    (
        "nl",
        "Klantgegevens bewaren wij 2 jaar na de laatste bestelling.",
        "Klantgegevens bewaren wij 5 jaar na de laatste bestelling.",
        "retention",
    ),
    (
        "nl",
        "Sollicitatiebrieven worden vier weken na de procedure verwijderd.",
        "Sollicitatiebrieven worden twaalf weken na de procedure verwijderd.",
        "retention",
    ),
    (
        "hr",
        "Račune i podatke o kupnji čuvamo dvije godine.",
        "Račune i podatke o kupnji čuvamo deset godina.",
        "retention",
    ),
    (
        "hr",
        "Snimke nadzornih kamera pohranjujemo 7 dana.",
        "Snimke nadzornih kamera pohranjujemo 6 mjeseci.",
        "retention",
    ),
    ("sl", "Posnetke videonadzora hranimo 30 dni.", "Posnetke videonadzora hranimo 6 mesecev.", "retention"),
    # a promise not to sell turned into a permission
    (
        "nl",
        "Wij verkopen uw gegevens nooit aan andere bedrijven.",
        "Wij kunnen uw gegevens aan andere bedrijven verkopen.",
        "sharing",
    ),
    ("hr", "Podatke ne prodajemo.", "Podatke možemo prodati.", "sharing"),
    (
        "hr",
        "Vaše kontakt podatke nikada nećemo prodati drugim tvrtkama.",
        "Vaše kontakt podatke možemo prodati drugim tvrtkama.",
        "sharing",
    ),
    ("sl", "Podatkov o nakupih ne prodajamo.", "Podatke o nakupih lahko prodamo.", "sharing"),
    # a sharing promise dropped, a verb-second negator after the verb
    (
        "nl",
        "Wij geven uw adres niet door aan adverteerders.",
        "Wij geven uw adres door aan adverteerders.",
        "sharing",
    ),
    ("hr", "Vaše podatke ne dijelimo s oglašivačima.", "Vaše podatke dijelimo s oglašivačima.", "sharing"),
    # a new destination abroad
    ("nl", "Back-ups staan op servers in Duitsland.", "Back-ups staan op servers in India.", "transfer"),
    (
        "hr",
        "Podaci se pohranjuju na poslužiteljima u Europskoj uniji.",
        "Podaci se pohranjuju na poslužiteljima u Indiji.",
        "transfer",
    ),
    (
        "sl",
        "Podatki so shranjeni na strežnikih v Evropski uniji.",
        "Podatki so shranjeni na strežnikih v ZDA.",
        "transfer",
    ),
    # a lower minimum age
    (
        "nl",
        "Het platform is niet bedoeld voor kinderen jonger dan 16 jaar.",
        "Het platform is niet bedoeld voor kinderen jonger dan 13 jaar.",
        "children",
    ),
    (
        "hr",
        "Aplikacija nije namijenjena djeci mlađoj od 16 godina.",
        "Aplikacija nije namijenjena djeci mlađoj od 14 godina.",
        "children",
    ),
    (
        "sl",
        "Aplikacija ni namenjena otrokom, mlajšim od 15 let.",
        "Aplikacija ni namenjena otrokom, mlajšim od 12 let.",
        "children",
    ),
    # a right removed
    (
        "nl",
        "U heeft recht op inzage, rectificatie en verwijdering van uw gegevens.",
        "U heeft recht op inzage en rectificatie van uw gegevens.",
        "rights",
    ),
    (
        "hr",
        "Imate pravo na pristup, ispravak, brisanje i prenosivost podataka.",
        "Imate pravo na pristup, ispravak i prenosivost podataka.",
        "rights",
    ),
    (
        "sl",
        "Imate pravico do dostopa, popravka, izbrisa in ugovora.",
        "Imate pravico do dostopa, popravka in ugovora.",
        "rights",
    ),
    # a slower breach notice
    (
        "hr",
        "O povredi podataka obavijestit ćemo vas u roku od 72 sata.",
        "O povredi podataka obavijestit ćemo vas u roku od 10 dana.",
        "security",
    ),
]


@pytest.mark.parametrize(("lang", "old", "new", "category"), MATERIAL)
def test_a_changed_term_alerts(lang: str, old: str, new: str, category: str) -> None:
    assert_alert(modified(old, new, lang), category, "high")


@pytest.mark.parametrize("lang", ["nl", "hr", "sl"])
def test_a_lengthened_retention_period_names_both_periods(lang: str) -> None:
    old, new = {
        "nl": ("Wij bewaren logbestanden 2 jaar.", "Wij bewaren logbestanden 5 jaar."),
        "hr": ("Zapise prijava čuvamo 2 godine.", "Zapise prijava čuvamo 5 godina."),
        "sl": ("Dnevniške zapise hranimo 2 leti.", "Dnevniške zapise hranimo 5 let."),
    }[lang]
    change = modified(old, new, lang)
    assert_alert(change, "retention", "high")
    assert "from 2 years to 5 years" in change.explanation


DROPPED_CONSENT = {
    "nl": (
        "Wij delen uw locatie alleen met uw toestemming met partners.",
        "Wij delen uw locatie met partners.",
    ),
    "hr": ("Lokaciju dijelimo s partnerima samo uz vašu privolu.", "Lokaciju dijelimo s partnerima."),
    "sl": ("Lokacijo delimo s partnerji le z vašo privolitvijo.", "Lokacijo delimo s partnerji."),
}


@pytest.mark.parametrize("lang", sorted(DROPPED_CONSENT))
def test_a_consent_condition_dropped_from_sharing_is_high(lang: str) -> None:
    old, new = DROPPED_CONSENT[lang]
    change = modified(old, new, lang)
    assert_alert(change, "sharing", "high")
    assert "no longer requires your consent" in change.explanation


# --- not material --------------------------------------------------------------------------------

QUIET = [
    # the same meaning, re-worded
    (
        "nl",
        "Wij bewaren uw gegevens zo lang als nodig is voor de overeenkomst.",
        "Uw gegevens worden bewaard zolang dat nodig is voor de overeenkomst.",
    ),
    (
        "hr",
        "Vaše podatke čuvamo onoliko dugo koliko je to potrebno za izvršenje ugovora.",
        "Vaši se podaci čuvaju koliko je potrebno za izvršenje ugovora.",
    ),
    (
        "sl",
        "Vaše podatke hranimo, dokler je to potrebno za izpolnitev pogodbe.",
        "Vaši podatki se hranijo, dokler je to potrebno za izpolnitev pogodbe.",
    ),
    # a new date
    (
        "nl",
        "Deze verklaring is voor het laatst gewijzigd op 3 maart 2023.",
        "Deze verklaring is voor het laatst gewijzigd op 9 oktober 2024.",
    ),
    (
        "hr",
        "Ova pravila primjenjuju se od 1. veljače 2023.",
        "Ova pravila primjenjuju se od 15. lipnja 2024.",
    ),
    ("sl", "Ta pravila veljajo od 1. marca 2023.", "Ta pravila veljajo od 20. novembra 2024."),
    # a new postal address
    (
        "nl",
        "Vragen kunt u sturen naar Dorpsstraat 4, 3511 Utrecht.",
        "Vragen kunt u sturen naar Havenweg 12, 1015 Amsterdam.",
    ),
    (
        "hr",
        "Pitanja možete poslati na adresu Ulica lipa 10, 10000 Zagreb.",
        "Pitanja možete poslati na adresu Obala 32, 21000 Split.",
    ),
    (
        "sl",
        "Vprašanja lahko pošljete na naslov Cesta 1, 1000 Ljubljana.",
        "Vprašanja lahko pošljete na naslov Trg 5, 2000 Maribor.",
    ),
]


@pytest.mark.parametrize(("lang", "old", "new"), QUIET)
def test_a_reworded_or_redated_sentence_is_quiet(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


def test_a_dutch_request_to_email_us_is_not_the_users_own_email() -> None:
    """ "kun je een e-mail sturen": "je" is the pronoun there, not "your"."""
    facts = extract_facts("Hiervoor kun je een e-mail sturen naar ons adres.", "nl")
    assert "collection" not in facts.categories
    assert "collection" in extract_facts("Wij bewaren je e-mailadres voor de nieuwsbrief.", "nl").categories


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        (
            "hr",
            "Korisnik ne smije dijeliti lozinku s drugim osobama.",
            "Korisnik ne smije dijeliti lozinku ni s kim.",
        ),
        ("nl", "Je mag je wachtwoord niet met anderen delen.", "Je mag je wachtwoord met niemand delen."),
        (
            "sl",
            "Uporabnik ne sme deliti gesla z drugimi osebami.",
            "Uporabnik ne sme deliti gesla z nikomer.",
        ),
    ],
)
def test_a_rule_for_the_user_rewritten_is_not_a_sharing_change(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


# --- languages read with their own lexicon ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Wij gebruiken uw gegevens om de dienst te verbeteren.", "nl"),
        ("Koristimo vaše podatke kako bismo poboljšali uslugu.", "hr"),
        ("Podatke uporabljamo tudi za izboljšanje storitve, ki jo nudimo.", "sl"),
    ],
)
def test_an_untagged_clause_is_read_with_its_languages_lexicon(text: str, lang: str) -> None:
    assert pick_lexicon(text, "und").language == lang


def test_a_slovenian_clause_is_not_read_with_the_croatian_lexicon() -> None:
    text = "Osebne podatke, ki jih zberemo ob registraciji, hranimo pet let."
    assert pick_lexicon(text, "sl").language == "sl"
    assert pick_lexicon(text, "und").language == "sl"
    facts = extract_facts(text, "sl")
    assert [d.days for d in facts.durations] == [5 * 365]


def test_language_tags_and_country_names() -> None:
    assert [canonical_language(t) for t in ("nl", "nl-BE", "hr", "hr-HR", "sl", "sl-SI")] == [
        "nl", "nl", "hr", "hr", "sl", "sl",
    ]  # fmt: skip
    for lang, name, canonical in (
        ("nl", "Duitsland", "Germany"),
        ("hr", "Njemačka", "Germany"),
        ("sl", "Nemčija", "Germany"),
    ):
        pattern, names = country_names(lang)
        assert pattern is not None and names[name] == canonical


@pytest.mark.parametrize("lang", ["hr", "sl"])
def test_a_country_name_that_is_an_everyday_word_here_is_no_place_even_in_english(lang: str) -> None:
    """Croatian and Slovenian "Mali" is "small": neither the language's own country names nor the
    English ones it borrows read it as the country, while other countries stay places."""
    text = {
        "hr": "Mali poduzetnici prenose vaše podatke partnerima u Njemačkoj.",
        "sl": "Mali podjetniki prenašajo vaše podatke partnerjem v Nemčiji.",
    }[lang]
    assert extract_facts(text, lang).places == frozenset({"Germany"})
    _, names = country_names(lang)
    assert "Mali" not in names
    assert "Mali" in country_names("en")[1]  # in English it is the country


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("Partner Program", "en"),
        ("PRIVACY POLICY", "en"),
        ("Affiliate Partners", "en"),
        ("Politika privatnosti", "hr"),
    ],
)
def test_a_clause_without_function_words_keeps_the_language_it_was_tagged_with(text: str, tag: str) -> None:
    """A heading or a name says nothing about its language: a keyword of another lexicon ("partner"
    is Swedish and Croatian too, "polic-" starts Croatian police) does not make it that language."""
    assert pick_lexicon(text, tag).language == tag
    assert extract_facts("PRIVACY POLICY", "en").categories == ()
