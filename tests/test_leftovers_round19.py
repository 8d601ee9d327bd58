"""Leftover patterns of held-out rounds 17 and 18 (issue 10), each stated in new sentences in every
language it applies to: a sentence telling the user they can turn a practice off in their
device, browser or app settings, dropped, takes away a control the user holds (rights, not
collection); a Chinese verb negated by a bare 不 ("我们不出租") is ruled out as with 不会.

Each row: language and a sentence (or an old and a new clause)."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, check_expected, modified, page_changes, removed, section_page

# --- "you can turn it off in your settings", dropped: the user's control is gone ---

SETTINGS_OPT_OUTS = [
    ("en", "You may switch off the collection of your step count in the settings of your phone."),
    ("de", "Die Erhebung Ihrer Schrittzahl können Sie in den Einstellungen Ihres Telefons deaktivieren."),
    (
        "fr",
        "Vous pouvez désactiver la collecte de votre nombre de pas dans les paramètres de votre téléphone.",
    ),
    ("es", "Puede desactivar la recopilación de su número de pasos en la configuración de su teléfono."),
    ("da", "Du kan slå registreringen af dit skridttal fra i indstillingerne på din telefon."),
    ("sv", "Du kan stänga av insamlingen av ditt antal steg i inställningarna på din telefon."),
    ("no", "Du kan slå av registreringen av antall skritt i innstillingene på telefonen din."),
    ("nl", "U kunt het verzamelen van uw aantal stappen uitschakelen in de instellingen van uw telefoon."),
    ("hr", "Prikupljanje podataka o broju koraka možete isključiti u postavkama svog telefona."),
    ("sl", "Zbiranje podatkov o številu korakov lahko izklopite v nastavitvah svojega telefona."),
    ("zh", "您可以在手机的设置中关闭步数信息的收集。"),
]


@pytest.mark.parametrize(("language", "sentence"), SETTINGS_OPT_OUTS)
def test_a_settings_opt_out_dropped_takes_a_control_away(language: str, sentence: str) -> None:
    change = removed(sentence, language)
    assert_alert(change, "rights", "high")
    assert "no longer told you can turn this off" in change.explanation, change


def test_blocking_cookies_in_the_browser_stays_a_choice_about_cookies() -> None:
    change = removed("You can block all cookies in the settings of your web browser.", "en")
    assert_alert(change, "tracking")
    assert "turn this off" not in change.explanation, change


# --- Chinese: a bare 不 before the verb negates it, as 不会 does ---

BARE_NOT = [
    ("我们不出租您的联系方式。", "我们不会出租您的联系方式。", "quiet"),
    ("我们不披露您的健身记录。", "我们绝不披露您的健身记录。", "quiet"),
    ("我们不披露您的健身记录。", "我们披露您的健身记录。", "sharing"),
    ("我们不出售您的联系方式。", "我们出售您的联系方式。", "sharing"),
]


@pytest.mark.parametrize(("old", "new", "expected"), BARE_NOT)
def test_a_bare_chinese_not_negates_the_verb_after_it(old: str, new: str, expected: str) -> None:
    check_expected(modified(old, new, "zh"), expected)


# --- a sentence whose first letter was left small, then capitalised: no split, no change ---

SMALL_STARTS = [
    ("en", "We review the stored files every spring. in all other cases the statutory periods apply."),
    (
        "de",
        "Die gespeicherten Dateien prüfen wir jedes Frühjahr. im Übrigen gelten die gesetzlichen Fristen.",
    ),
    (
        "fr",
        "Nous vérifions les fichiers chaque printemps. pour le reste, les délais légaux s'appliquent.",
    ),
    ("es", "Revisamos los archivos guardados cada primavera. en lo demás se aplican los plazos legales."),
    ("da", "Vi gennemgår de gemte filer hvert forår. i øvrigt gælder de lovbestemte frister."),
    ("sv", "Vi granskar de sparade filerna varje månad. i övrigt gäller de lagstadgade tidsfristerna."),
    ("no", "Vi gjennomgår de lagrede filene hver måned. for øvrig gjelder de lovbestemte fristene."),
    (
        "nl",
        "Wij controleren de bestanden elk voorjaar. voor het overige gelden de wettelijke termijnen.",
    ),
    ("hr", "Pohranjene datoteke pregledavamo svakog proljeća. u ostalom vrijede zakonski rokovi."),
    ("sl", "Shranjene datoteke pregledamo vsako pomlad. sicer veljajo zakonski roki."),
]


def _capitalised_after_stop(text: str) -> str:
    at = text.index(". ") + 2
    return text[:at] + text[at].upper() + text[at + 1 :]


@pytest.mark.parametrize(("language", "text"), SMALL_STARTS)
def test_a_sentence_start_capitalised_is_no_change(language: str, text: str) -> None:
    old, new = section_page("Storage", [text]), section_page("Storage", [_capitalised_after_stop(text)])
    assert page_changes(old, new) == [], language
