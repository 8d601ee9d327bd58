"""Patterns from a held-out round of real version histories of large platforms' policies (issue 10,
round 26, en/de): two edits of one paragraph with an unchanged sentence between them are one
change; "the data you enter / provide" is data collected; "... or not" closing a "whether" clause
negates nothing; a label's words for the act its own text states ("Device data we collect: We
collect ...") dropped is no change of terms; a German report named in a compound ("Bonitäts-
Auskunft") is no right of access."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, page_changes

from monitor.engine.facts import extract_facts

# --- one paragraph edited in two places --------------------------------------------------------


def _page(items: list[str]) -> bytes:
    body = "".join(f"<li>{item}</li>" for item in items)
    return f"<html><body><main><h1>Privacy</h1><ul>{body}</ul></main></body></html>".encode()


TWO_EDITS = [
    (
        "Saved places: You can store places you like. We keep them in your account. Others cannot see "
        "your list. You can remove a place at any time.",
        "Saved places: You may store places you like. We keep them in your account. Others cannot see "
        "your list. You can remove a place whenever you want.",
    ),
    (
        "Gespeicherte Orte: Sie können Orte speichern, die Ihnen gefallen. Wir bewahren sie in Ihrem "
        "Konto auf. Andere sehen Ihre Liste nicht. Sie können einen Ort jederzeit entfernen.",
        "Gespeicherte Orte: Du kannst Orte speichern, die dir gefallen. Wir bewahren sie in Ihrem "
        "Konto auf. Andere sehen Ihre Liste nicht. Du kannst einen Ort jederzeit entfernen.",
    ),
]


@pytest.mark.parametrize(("old", "new"), TWO_EDITS)
def test_two_edits_of_one_list_item_are_one_change(old: str, new: str) -> None:
    other = "Contact: write to the address on our imprint page."
    changes = page_changes(_page([old, other]), _page([new, other]))
    assert len(changes) == 1, changes
    assert_quiet(changes[0])


def test_edits_of_two_list_items_stay_two_changes() -> None:
    old = [
        "Photos: You can upload the photos of your trips to your own album in the app.",
        "Notes: You can write a short note on each photo that only you can read.",
    ]
    new = [
        "Photos: You may upload the photos of your trips to your own album in the app.",
        "Notes: You may write a short note on each photo that only you can read.",
    ]
    assert len(page_changes(_page(old), _page(new))) == 2


# --- the data the user types in or gives is data collected ---------------------------------------

ENTERED = [
    ("en", "Other content, such as ratings, or the text you type into our chat helper."),
    ("en", "Files and details that you choose to upload when you ask for a quote."),
    ("de", "Sonstige Inhalte, etwa Bewertungen oder Texte, die Sie in unseren Chat-Helfer eingeben."),
    ("fr", "Autres contenus, comme les avis ou les textes que vous saisissez dans notre assistant."),
    ("es", "Otros contenidos, como valoraciones o los textos que usted introduce en nuestro asistente."),
    ("da", "Andet indhold, fx anmeldelser eller tekst, som du indtaster i vores chathjælper."),
    ("sv", "Annat innehåll, t.ex. omdömen eller text som du skriver in i vår chattassistent."),
    ("no", "Annet innhold, for eksempel omtaler eller tekst som du skriver inn i chatteassistenten vår."),
    ("nl", "Andere inhoud, zoals beoordelingen of tekst die u in onze chathulp invoert."),
    ("hr", "Ostali sadržaj, poput ocjena ili tekstova koje unesete u našeg pomoćnika za razgovor."),
    ("sl", "Druge vsebine, na primer ocene ali besedila, ki jih vnesete v našega pomočnika za klepet."),
    ("zh", "其他内容，例如评价或您在聊天助手中输入的文本。"),
]


@pytest.mark.parametrize(("language", "text"), ENTERED)
def test_data_the_user_enters_is_collected(language: str, text: str) -> None:
    assert "collection" in extract_facts(text, language).categories


def test_data_the_user_enters_added_to_a_list_is_a_collection_change() -> None:
    change = modified(
        "Other content you create, such as ratings and the people you follow.",
        "Other content you create, such as ratings, the people you follow, or data you enter into our "
        "chat helper.",
    )
    assert_alert(change, "collection")


# --- "whether ... or not": both cases alike, nothing negated --------------------------------------

OR_NOT = [
    (
        "en",
        "Crash reports that we receive whether you are signed in or not: We receive reports when "
        "the app stops.",
        "Crash reports: We receive reports when the app stops.",
    ),
    (
        "de",
        "Absturzberichte, unabhängig davon, ob Sie angemeldet sind oder nicht: Wir erhalten Berichte, "
        "wenn die App abstürzt.",
        "Absturzberichte: Wir erhalten Berichte, wenn die App abstürzt.",
    ),
    (
        "da",
        "Nedbrudsrapporter, uanset om du er logget ind eller ej: Vi modtager rapporter, når appen går ned.",
        "Nedbrudsrapporter: Vi modtager rapporter, når appen går ned.",
    ),
    (
        "sv",
        "Kraschrapporter, oavsett om du är inloggad eller inte: Vi tar emot rapporter när appen kraschar.",
        "Kraschrapporter: Vi tar emot rapporter när appen kraschar.",
    ),
    (
        "no",
        "Krasjrapporter, uansett om du er logget inn eller ikke: Vi mottar rapporter når appen krasjer.",
        "Krasjrapporter: Vi mottar rapporter når appen krasjer.",
    ),
    (
        "nl",
        "Crashrapporten, ongeacht of u bent ingelogd of niet: Wij ontvangen rapporten wanneer "
        "de app vastloopt.",
        "Crashrapporten: Wij ontvangen rapporten wanneer de app vastloopt.",
    ),
    (
        "hr",
        "Izvješća o padu, bez obzira jeste li prijavljeni ili ne: Primamo izvješća kada se aplikacija sruši.",
        "Izvješća o padu: Primamo izvješća kada se aplikacija sruši.",
    ),
    (
        "sl",
        "Poročila o zrušitvah, ne glede na to, ali ste prijavljeni ali ne: Prejemamo poročila, ko se "
        "aplikacija zruši.",
        "Poročila o zrušitvah: Prejemamo poročila, ko se aplikacija zruši.",
    ),
    (
        "es",
        "Informes de errores, haya iniciado sesión o no: Recibimos informes cuando la app falla.",
        "Informes de errores: Recibimos informes cuando la app falla.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), OR_NOT)
def test_whether_or_not_dropped_from_a_label_is_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_a_real_negation_dropped_still_alerts() -> None:
    change = modified(
        "Crash reports: We do not send your reports to advertisers.",
        "Crash reports: We send your reports to advertisers.",
    )
    assert change.material


# --- a label naming the act its own text states ----------------------------------------------------

LABELS = [
    (
        "en",
        "Device details we collect: We collect the model and system version of your phone.",
        "Device details: We collect the model and system version of your phone.",
    ),
    (
        "de",
        "Gerätedaten, die wir erheben: Wir erheben das Modell und die Systemversion Ihres Telefons.",
        "Gerätedaten: Wir erheben das Modell und die Systemversion Ihres Telefons.",
    ),
    (
        "fr",
        "Données de l'appareil que nous collectons : Nous collectons le modèle et la version du système.",
        "Données de l'appareil : Nous collectons le modèle et la version du système.",
    ),
    (
        "zh",
        "我们收集的设备信息：我们收集您手机的型号和系统版本。",
        "设备信息：我们收集您手机的型号和系统版本。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), LABELS)
def test_label_restating_its_text_dropped_is_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_label_naming_another_act_still_alerts() -> None:
    change = modified(
        "Device details: We collect the model and system version of your phone.",
        "Device details we sell to partners: We collect the model and system version of your phone.",
    )
    assert change.material


# --- a report named in a German compound is no right of access --------------------------------------


def test_credit_report_compound_is_no_right_of_access() -> None:
    change = modified(
        "Für die Wohnungssuche können Sie Beruf, Einkommen und Haushaltsgröße angeben.",
        "Für die Wohnungssuche können Sie Beruf, Einkommen, Haushaltsgröße und eine "
        "Bonitäts-Auskunft angeben.",
        "de",
    )
    assert "rights" not in change.categories, change
    assert (
        "rights" not in extract_facts("Bitte legen Sie eine aktuelle Schufa-Auskunft vor.", "de").categories
    )


def test_right_of_access_still_read() -> None:
    assert (
        "rights" in extract_facts("Sie können jederzeit Auskunft über Ihre Daten verlangen.", "de").categories
    )
