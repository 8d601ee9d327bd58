"""One realistic edit of a policy sentence (round 22): patterns the engine missed (or raised false
alerts on) in real policy text in eleven languages, each stated here in new sentences of its own.

Asking that the data be blocked or its use banned is the right to restriction, the older word for
it ("Sperrung", "zabrana korištenja"): 'at any time' dropped from it alerts. A change to whether
data is collected from minors is a children's term as well as a collection term, with or without
an age.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

# --- blocking the data / banning its use: the right to restriction -------------------------------

BLOCKING_ANY_TIME_DROPPED = [
    (
        "Members may at any time ask us to block the use of their personal data.",
        "Members may ask us to block the use of their personal data.",
        "en",
    ),
    (
        "Mitglieder können jederzeit die Sperrung ihrer Daten beantragen.",
        "Mitglieder können die Sperrung ihrer Daten beantragen.",
        "de",
    ),
    (
        "Les membres peuvent à tout moment demander le verrouillage de leurs données.",
        "Les membres peuvent demander le verrouillage de leurs données.",
        "fr",
    ),
    (
        "Los socios pueden solicitar en cualquier momento el bloqueo de sus datos.",
        "Los socios pueden solicitar el bloqueo de sus datos.",
        "es",
    ),
    (
        "Medlemmer kan til enhver tid anmode om blokering af deres personoplysninger.",
        "Medlemmer kan anmode om blokering af deres personoplysninger.",
        "da",
    ),
    (
        "Medlemmar kan när som helst begära blockering av sina personuppgifter.",
        "Medlemmar kan begära blockering av sina personuppgifter.",
        "sv",
    ),
    (
        "Medlemmer kan når som helst be om sperring av sine personopplysninger.",
        "Medlemmer kan be om sperring av sine personopplysninger.",
        "no",
    ),
    (
        "Leden kunnen op elk moment om afscherming van hun persoonsgegevens vragen.",
        "Leden kunnen om afscherming van hun persoonsgegevens vragen.",
        "nl",
    ),
    (
        "Član može u bilo kojem trenutku zatražiti zabranu obrade svojih podataka.",
        "Član može zatražiti zabranu obrade svojih podataka.",
        "hr",
    ),
    (
        "Član lahko kadar koli zahteva prepoved uporabe svojih osebnih podatkov.",
        "Član lahko zahteva prepoved uporabe svojih osebnih podatkov.",
        "sl",
    ),
    ("会员可以随时要求我们停止使用您的个人信息。", "会员可以要求我们停止使用您的个人信息。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), BLOCKING_ANY_TIME_DROPPED)
def test_at_any_time_dropped_from_blocking_the_data_alerts(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "rights")


BLOCKING_REWORDED = [
    (
        "Mitglieder können jederzeit die Sperrung ihrer Daten beantragen.",
        "Mitglieder können jederzeit die Sperrung ihrer Daten verlangen.",
        "de",
    ),
    (
        "Član može u bilo kojem trenutku zatražiti zabranu obrade svojih podataka.",
        "Član u bilo kojem trenutku može zatražiti zabranu obrade svojih podataka.",
        "hr",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), BLOCKING_REWORDED)
def test_blocking_the_data_reworded_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


def test_blocking_cookies_is_no_restriction_of_processing() -> None:
    # blocking cookies in a browser is a tracking choice, not the right to restriction
    change = modified(
        "You can block cookies in your browser settings.", "You can block cookies in your browser.", "en"
    )
    assert_quiet(change)


# --- collection from minors: a children's term, with or without an age ---------------------------

MINORS_COLLECTION_FLIPPED = [
    (
        "We never knowingly gather details about minors.",
        "We may gather details about minors.",
        "en",
    ),
    (
        "Wir erheben keine Daten von Minderjährigen.",
        "Wir können Daten von Minderjährigen erheben.",
        "de",
    ),
    (
        "Nous ne collectons pas sciemment de données concernant des mineurs.",
        "Nous pouvons collecter des données concernant des mineurs.",
        "fr",
    ),
    (
        "No recopilamos a sabiendas datos de menores de edad.",
        "Podemos recopilar datos de menores de edad.",
        "es",
    ),
    (
        "Vi indsamler ikke bevidst oplysninger om mindreårige.",
        "Vi kan indsamle oplysninger om mindreårige.",
        "da",
    ),
    (
        "Vi samlar inte medvetet in uppgifter om minderåriga.",
        "Vi kan samla in uppgifter om minderåriga.",
        "sv",
    ),
    (
        "Vi samler ikke bevisst inn opplysninger om mindreårige.",
        "Vi kan samle inn opplysninger om mindreårige.",
        "no",
    ),
    (
        "Wij verzamelen niet bewust gegevens van minderjarigen.",
        "Wij kunnen gegevens van minderjarigen verzamelen.",
        "nl",
    ),
    (
        "Ne prikupljamo svjesno podatke o maloljetnicima.",
        "Možemo prikupljati podatke o maloljetnicima.",
        "hr",
    ),
    (
        "Ne zbiramo zavestno podatkov o mladoletnikih.",
        "Lahko zbiramo podatke o mladoletnikih.",
        "sl",
    ),
    ("本应用不会有意收集未成年人的资料。", "本应用可能收集未成年人的资料。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), MINORS_COLLECTION_FLIPPED)
def test_collecting_from_minors_flipped_is_a_children_term(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "children")


# --- a period for cookies alone, with a verb of keeping: their lifetime, a tracking term ---------

COOKIES_KEPT_LONGER = [
    (
        "en",
        "Statistics cookies are kept for up to 6 months.",
        "Statistics cookies are kept for up to 18 months.",
    ),
    (
        "de",
        "Statistik-Cookies werden bis zu 6 Monate gespeichert.",
        "Statistik-Cookies werden bis zu 18 Monate gespeichert.",
    ),
    (
        "fr",
        "Les cookies statistiques sont conservés 6 mois au plus.",
        "Les cookies statistiques sont conservés 18 mois au plus.",
    ),
    (
        "es",
        "Las cookies estadísticas se conservan hasta 6 meses.",
        "Las cookies estadísticas se conservan hasta 18 meses.",
    ),
    ("da", "Statistikcookies gemmes i op til 6 måneder.", "Statistikcookies gemmes i op til 18 måneder."),
    ("sv", "Statistikcookies sparas i upp till 6 månader.", "Statistikcookies sparas i upp till 18 månader."),
    (
        "no",
        "Statistikkinformasjonskapsler lagres i opptil 6 måneder.",
        "Statistikkinformasjonskapsler lagres i opptil 18 måneder.",
    ),
    (
        "nl",
        "Statistische cookies worden maximaal 6 maanden bewaard.",
        "Statistische cookies worden maximaal 18 maanden bewaard.",
    ),
    (
        "hr",
        "Statistički kolačići čuvaju se najviše 6 mjeseci.",
        "Statistički kolačići čuvaju se najviše 18 mjeseci.",
    ),
    (
        "sl",
        "Statistični piškotki se shranijo za največ 6 mesecev.",
        "Statistični piškotki se shranijo za največ 18 mesecev.",
    ),
    ("zh", "统计类Cookie最多保存6个月。", "统计类Cookie最多保存18个月。"),
]


@pytest.mark.parametrize(("language", "old", "new"), COOKIES_KEPT_LONGER)
def test_cookies_kept_for_longer_is_a_tracking_term(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "tracking")


def test_data_kept_with_cookies_for_longer_stays_retention() -> None:
    # the period also keeps the user's data: retention, as before
    change = modified(
        "We store cookie identifiers and your account data for 6 months.",
        "We store cookie identifiers and your account data for 18 months.",
    )
    assert change.material and change.categories == ["retention"], change


# --- "don't worry": a reassurance built on a negator rules nothing out ----------------------------

REASSURANCE_DROPPED = [
    (
        "Don't worry: you can ask us to erase your profile whenever you like.",
        "You can ask us to erase your profile whenever you like.",
        "en",
    ),
    (
        "Keine Angst: Sie können die Löschung Ihres Profils jederzeit verlangen.",
        "Sie können die Löschung Ihres Profils jederzeit verlangen.",
        "de",
    ),
    (
        "Pas de souci : vous pouvez demander la suppression de votre profil à tout moment.",
        "Vous pouvez demander la suppression de votre profil à tout moment.",
        "fr",
    ),
    (
        "No te preocupes: puedes pedirnos que borremos tu perfil en cualquier momento.",
        "Puedes pedirnos que borremos tu perfil en cualquier momento.",
        "es",
    ),
    (
        "Bare rolig: du kan til enhver tid bede os slette din profil.",
        "Du kan til enhver tid bede os slette din profil.",
        "da",
    ),
    (
        "Ingen fara: du kan när som helst be oss radera din profil.",
        "Du kan när som helst be oss radera din profil.",
        "sv",
    ),
    (
        "Ingen fare: du kan når som helst be oss slette profilen din.",
        "Du kan når som helst be oss slette profilen din.",
        "no",
    ),
    (
        "Geen zorgen: je kunt ons op elk moment vragen je profiel te wissen.",
        "Je kunt ons op elk moment vragen je profiel te wissen.",
        "nl",
    ),
    (
        "Bez brige: u bilo kojem trenutku možete zatražiti brisanje svog profila.",
        "U bilo kojem trenutku možete zatražiti brisanje svog profila.",
        "hr",
    ),
    (
        "Brez skrbi: kadar koli lahko zahtevate izbris svojega profila.",
        "Kadar koli lahko zahtevate izbris svojega profila.",
        "sl",
    ),
    ("不用担心，我们不会出售您的个人信息。", "我们不会出售您的个人信息。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), REASSURANCE_DROPPED)
def test_a_dont_worry_dropped_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


# --- a short acronym with two letters swapped back is a typo fix ---------------------------------

ACRONYM_SWAPS = [
    ("Payments travel over SSL or TSL.", "Payments travel over SSL or TLS.", "en"),
    ("Wir verarbeiten Daten nach der DSVGO.", "Wir verarbeiten Daten nach der DSGVO.", "de"),
    ("Nous respectons le RPGD.", "Nous respectons le RGPD.", "fr"),
]


@pytest.mark.parametrize(("old", "new", "language"), ACRONYM_SWAPS)
def test_an_acronym_with_letters_swapped_back_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


def test_another_acronym_is_no_typo_fix() -> None:
    # "TLS" -> "SSH": another protocol, not two letters swapped
    assert modified("Payments travel over TLS.", "Payments travel over SSH.").explanation != "Typo fix"


# --- the legal basis of cookie data swapped: a tracking term --------------------------------------

COOKIE_BASIS_SWAPPED = [
    (
        "en",
        "Details read by our cookies are handled on the basis of your consent.",
        "Details read by our cookies are handled on the basis of our legitimate interest.",
    ),
    (
        "de",
        "Die von Cookies gelesenen Angaben verarbeiten wir auf Grundlage Ihrer Einwilligung.",
        "Die von Cookies gelesenen Angaben verarbeiten wir auf Grundlage unseres berechtigten Interesses.",
    ),
    (
        "fr",
        "Les informations lues par nos cookies sont traitées sur la base de votre consentement.",
        "Les informations lues par nos cookies sont traitées sur la base de notre intérêt légitime.",
    ),
    (
        "es",
        "La información leída por nuestras cookies se trata sobre la base de su consentimiento.",
        "La información leída por nuestras cookies se trata sobre la base de nuestro interés legítimo.",
    ),
    (
        "da",
        "Oplysninger fra vores cookies behandles på grundlag af dit samtykke.",
        "Oplysninger fra vores cookies behandles på grundlag af vores legitime interesse.",
    ),
    (
        "sv",
        "Uppgifter från våra cookies behandlas med stöd av ditt samtycke.",
        "Uppgifter från våra cookies behandlas med stöd av vårt berättigade intresse.",
    ),
    (
        "no",
        "Opplysninger fra våre informasjonskapsler behandles på grunnlag av ditt samtykke.",
        "Opplysninger fra våre informasjonskapsler behandles på grunnlag av vår berettigede interesse.",
    ),
    (
        "nl",
        "Gegevens uit onze cookies verwerken wij op basis van uw toestemming.",
        "Gegevens uit onze cookies verwerken wij op basis van ons gerechtvaardigd belang.",
    ),
    (
        "hr",
        "Podatke iz naših kolačića obrađujemo na temelju vaše privole.",
        "Podatke iz naših kolačića obrađujemo na temelju našeg legitimnog interesa.",
    ),
    (
        "sl",
        "Podatke iz naših piškotkov obdelujemo na podlagi vaše privolitve.",
        "Podatke iz naših piškotkov obdelujemo na podlagi našega zakonitega interesa.",
    ),
    ("zh", "我们基于您的同意处理Cookie收集的信息。", "我们基于我们的合法利益处理Cookie收集的信息。"),
]


@pytest.mark.parametrize(("language", "old", "new"), COOKIE_BASIS_SWAPPED)
def test_the_basis_for_cookie_data_swapped_is_a_tracking_term(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "tracking")


# --- objecting said with the verb is the right to object: dropping the sentence alerts ----------

OBJECTION_VERB_DROPPED = [
    ("en", "You can object to the analysis of your visits."),
    ("de", "Der Auswertung Ihrer Besuche können Sie widersprechen."),
    ("fr", "Vous pouvez vous opposer à l’analyse de vos visites."),
    ("es", "Puede oponerse al análisis de sus visitas."),
    ("da", "Du kan gøre indsigelse mod analysen af dine besøg."),
    ("sv", "Du kan invända mot analysen av dina besök."),
    ("no", "Du kan protestere mot analysen av besøkene dine."),
    ("nl", "U kunt bezwaar maken tegen de analyse van uw bezoeken."),
    ("hr", "Možete prigovoriti analizi svojih posjeta."),
    ("sl", "Analizi svojih obiskov lahko ugovarjate."),
    ("zh", "您可以反对我们分析您的访问记录。"),
]


@pytest.mark.parametrize(("language", "text"), OBJECTION_VERB_DROPPED)
def test_a_sentence_granting_objection_by_its_verb_dropped_alerts(language: str, text: str) -> None:
    assert_alert(single("removed", text, language=language), "rights")


def test_a_duty_that_contradicts_is_no_objection() -> None:
    # "widersprechen" of a legal duty ("where no legal duty stands against it") grants no right
    change = modified(
        "Wir löschen die Daten, sofern keine gesetzlichen Pflichten dem widersprechen.",
        "Wir löschen die Daten, sofern keine gesetzlichen Pflichten entgegenstehen.",
        "de",
    )
    assert "rights" not in change.categories, change
