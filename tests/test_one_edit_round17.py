"""One realistic edit of a policy sentence (round 17, issue 10): patterns a fresh held-out set of
real es/fr/sv/nl/no/sl/hr/zh/de/da/en paragraphs (airlines, telecoms, municipalities, fitness and
crypto apps, shops) showed, each stated in new sentences of its own.

A Chinese country name shortened (中华人民共和国 -> 中国) is no list item, though "和" reads as
"and"; Norwegian/Danish "overføringen foregår kodet" is encryption; "securely deleted" says how data
is deleted, no safeguard; French "ne … que" is "only", no negation; Dutch "nooit langer dan
nodig" is "niet langer dan nodig"; "not shared without a legal basis" is "shared only with one";
the user's own name or birth date listed with a phone or e-mail is data collected, not a way to
reach the service; Croatian "ova se pravila mogu izmijeniti" and Spanish "publicaremos cualquier
cambio" are about changes; "under confidentiality agreements" (en) and "s katerimi … sklenjeno
pisno pogodbo" (sl) bind recipients; a summary line's facts stated by two sentences in a row of
the other version (also in Chinese) are restated there.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, removed

from monitor.engine.facts import extract_facts
from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change

# --- the same term said another way: quiet ----------------------------------------------------

QUIET = [
    # zh: the country's short name for its full name; "和" inside the name is no list joiner
    (
        "我们把您的订单记录保存在中华人民共和国境内的服务器上。",
        "我们把您的订单记录保存在中国境内的服务器上。",
        "zh",
    ),
    # no: "kodet" is how the lexicon's "kryptert" was said: the same encryption
    (
        "Når du logger inn, skjer forbindelsen til appen vår alltid kodet.",
        "Når du logger inn, skjer forbindelsen til appen vår alltid kryptert.",
        "no",
    ),
    # en: "securely" said of the deletion itself: how records are erased, no new safeguard
    (
        "Ticket scans are kept for eighteen months and then erased.",
        "Ticket scans are kept for eighteen months and then securely erased.",
        "en",
    ),
    # fr: "ne … que" is a limit ("only"), the same as "uniquement"
    (
        "Le club ne conserve et n'exploite que les résultats nécessaires au classement des coureurs.",
        "Le club conserve et exploite uniquement les résultats nécessaires au classement des coureurs.",
        "fr",
    ),
    # nl: "nooit langer dan nodig" is the usual retention limit, as "niet langer dan nodig"
    (
        "De bibliotheek bewaart uw leengeschiedenis nooit langer dan nodig voor de uitlening.",
        "De bibliotheek bewaart uw leengeschiedenis niet langer dan nodig voor de uitlening.",
        "nl",
    ),
    # no, en: "not shared without a legal basis" is "shared only where there is one"
    (
        "Treningsloggen din deles ikke med andre uten gyldig rettsgrunnlag.",
        "Treningsloggen din deles bare med andre når det finnes et gyldig rettsgrunnlag.",
        "no",
    ),
    (
        "Your ride history is not passed to other companies without a valid legal basis.",
        "Your ride history is passed to other companies only when there is a valid legal basis.",
        "en",
    ),
    # es: data "kept safe" said as "protected"
    (
        "Nos encargamos de que sus datos de vuelo estén seguros en todo momento.",
        "Nos encargamos de que sus datos de vuelo estén protegidos en todo momento.",
        "es",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), QUIET)
def test_the_same_term_said_another_way_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


# --- a changed term: alerts --------------------------------------------------------------------

ALERTS = [
    # nl: a kind of data added to a list of the user's own details: collection, not contact
    (
        "Voor een parkeervergunning vragen wij uw naam, adres, telefoonnummer en e-mailadres.",
        "Voor een parkeervergunning vragen wij uw naam, adres, telefoonnummer, e-mailadres en kenteken.",
        "nl",
        "collection",
    ),
    # en: the duty that binds the recipients dropped from a sharing sentence
    (
        "We pass booking details to the hotels you pick under strict confidentiality agreements.",
        "We pass booking details to the hotels you pick.",
        "en",
        "sharing",
    ),
    # sl: the written contract binding the processors dropped
    (
        "Podatke o članstvu obdelujejo tudi zunanji obdelovalci, "
        "s katerimi ima društvo sklenjeno pisno pogodbo.",
        "Podatke o članstvu obdelujejo tudi zunanji obdelovalci.",
        "sl",
        "sharing",
    ),
    # hr: the policy said first, then "may be changed": a promise of notice added
    (
        "Ovi se uvjeti privatnosti mogu promijeniti u svakom trenutku bez prethodne obavijesti.",
        "Ovi se uvjeti privatnosti mogu promijeniti uz obavijest e-poštom dva tjedna unaprijed.",
        "hr",
        "changes",
    ),
    # no: the encrypted connection dropped, said with "kodet"
    (
        "Betalingen sendes alltid kodet til banken vår.",
        "Betalingen sendes til banken vår.",
        "no",
        "security",
    ),
]


@pytest.mark.parametrize(("old", "new", "language", "category"), ALERTS)
def test_a_changed_term_alerts(old: str, new: str, language: str, category: str) -> None:
    assert_alert(modified(old, new, language), category)


def test_a_spanish_sentence_on_where_changes_are_posted_is_about_changes() -> None:
    change = removed("Publicaremos todas las modificaciones en esta misma página.", "es")
    assert_alert(change, "changes")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Zum Antrag gehören Name, Geburtsdatum, Anschrift, Telefonnummer und E-Mail-Adresse.", "de"),
        ("Ansökan innehåller namn, födelsedatum, adress, telefonnummer och e-postadress.", "sv"),
        ("La inscripción incluye nombre, fecha de nacimiento, teléfono y correo electrónico.", "es"),
        ("Prijava vsebuje ime, priimek, naslov, telefonsko številko in e-poštni naslov.", "sl"),
        ("报名时需填写姓名、出生日期、手机号和电子邮件地址。", "zh"),
    ],
)
def test_the_users_own_details_listed_are_collection(text: str, language: str) -> None:
    assert "collection" in extract_facts(text, language).categories


def test_a_way_to_reach_the_service_stays_contact_only() -> None:
    facts = extract_facts("Write to our privacy team by post, phone or e-mail.", "en")
    assert "collection" not in facts.categories


def test_securely_said_of_storage_is_still_a_safeguard() -> None:
    assert "security" in extract_facts("Your scans are stored securely on our servers.", "en").categories


def test_a_french_negation_with_pas_stays_a_negation() -> None:
    facts = extract_facts("Nous ne vendons pas les adresses que vous nous donnez.", "fr")
    assert any(p.state == "negated" for p in facts.polarity)


# --- a page: a summary line stated by two sentences in a row elsewhere ------------------------


def _material(old: str, new: str) -> list[Change]:
    result = compare_documents(
        normalize(old.encode(), "text/markdown"), normalize(new.encode(), "text/markdown")
    )
    return [c for c in result.changes if c.material]


ZH_PAGE = (
    "# 用户须知\n\n"
    "要点：\n\n"
    "我们将您的骑行轨迹保存在中华人民共和国境内的服务器上，并不会将骑行轨迹传输至境外。\n\n"
    "## 存储地点\n\n"
    "我们将您的骑行轨迹保存在中华人民共和国境内的服务器上。目前，我们不会将骑行轨迹传输至境外。\n"
)
EN_PAGE = (
    "# Member notice\n\n"
    "## In short\n\n"
    "- We keep your class bookings for two years after your last visit"
    " and never share the booking history with any advertisers.\n\n"
    "## Bookings\n\n"
    "We keep your class bookings for two years after your last visit. "
    "We never share the booking history with any advertisers.\n"
)


@pytest.mark.parametrize("page", [ZH_PAGE, EN_PAGE])
def test_a_summary_line_dropped_while_two_sentences_keep_its_facts_is_quiet(page: str) -> None:
    summary = next(line for line in page.splitlines() if "并不会" in line or line.startswith("- "))
    assert _material(page, page.replace(summary + "\n", "")) == []


def test_a_summary_line_dropped_whose_period_is_stated_nowhere_else_alerts() -> None:
    new_page = EN_PAGE.replace(
        "for two years after your last visit. ", "for as long as your account is open. "
    )
    summary = next(line for line in EN_PAGE.splitlines() if line.startswith("- "))
    assert _material(new_page, new_page.replace(summary + "\n", ""))
