"""Engine patterns found on held-out Open Terms Archive version pairs (issue 10, round otad), each
stated in new sentences: deleting "your account" and deleting "your account and all the personal
data tied to it" are different promises, so the data joined to (or dropped from) the account a
user can delete is a change to the erasure right, in every language; a software version
("Android 4.4 or older", "iOS 15 or older") is no age threshold for children; and turning off
(disabling, "désactiver", "uitschakelen") personalised ads is the same choice as opting out of
(refusing) them, while a sentence that drops the choice still alerts; and a French heading naming
the user's refusal ("Le refus de collecte") is a section title, not a promise not to collect."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.classify import classify
from monitor.engine.facts import extract_facts
from monitor.models import Change, Clause

# (language, the account alone, the account with the data that goes with it)
ACCOUNT_AND_DATA = [
    (
        "en",
        "As a member you may delete your account at any time from the Privacy tab of the mobile app.",
        "As a member you may delete your account and all associated personal information at any time"
        " from the Privacy tab of the mobile app.",
    ),
    (
        "en",
        "You can delete your account by writing to our help desk; we confirm within two days.",
        "You can delete your account together with your personal data by writing to our help desk; we"
        " confirm within two days.",
    ),
    (
        "fr",
        "Vous pouvez supprimer votre compte depuis la page Réglages de l'application.",
        "Vous pouvez supprimer votre compte et toutes vos données depuis la page Réglages de l'application.",
    ),
    (
        "de",
        "In der App können Sie Ihr Konto jederzeit löschen.",
        "In der App können Sie Ihr Konto und alle zugehörigen Daten jederzeit löschen.",
    ),
    (
        "es",
        "Puedes eliminar tu cuenta desde el menú Ajustes de la aplicación.",
        "Puedes eliminar tu cuenta y todos tus datos desde el menú Ajustes de la aplicación.",
    ),
    (
        "nl",
        "Je kunt via het menu Instellingen je account verwijderen.",
        "Je kunt via het menu Instellingen je account en al je gegevens verwijderen.",
    ),
    (
        "sv",
        "Du kan radera ditt konto när som helst under Inställningar i appen.",
        "Du kan radera ditt konto och alla dina uppgifter när som helst under Inställningar i appen.",
    ),
    (
        "da",
        "Du kan slette din konto når som helst under Indstillinger i appen.",
        "Du kan slette din konto og alle dine oplysninger når som helst under Indstillinger i appen.",
    ),
]


@pytest.mark.parametrize(("language", "account", "with_data"), ACCOUNT_AND_DATA)
def test_data_deleted_with_the_account_widens_the_erasure_right(
    language: str, account: str, with_data: str
) -> None:
    assert_alert(modified(account, with_data, language), "rights")


@pytest.mark.parametrize(("language", "account", "with_data"), ACCOUNT_AND_DATA)
def test_data_no_longer_deleted_with_the_account_narrows_it(
    language: str, account: str, with_data: str
) -> None:
    change = modified(with_data, account, language)
    assert_alert(change, "rights", "high")
    assert "no longer" in change.explanation


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        # the account and its data named on both sides: re-worded, the same scope
        (
            "en",
            "You can delete your account and all personal data linked to it in Settings.",
            "You may delete your account and all personal information linked to it in Settings.",
        ),
        # the data named anew without the account on either side: the object said with a pronoun
        (
            "en",
            "Subscribers may ask us to delete their data by e-mail.",
            "Subscribers may ask us to delete it by e-mail.",
        ),
        (
            "de",
            "Sie können Ihr Konto und Ihre Daten jederzeit löschen.",
            "Sie können Ihr Konto samt Ihren Daten jederzeit löschen.",
        ),
    ],
)
def test_the_same_scope_said_otherwise_stays_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "If your tablet runs Android 4.4 or older, open Settings and tap Ads."),
        ("en", "On iPhones with iOS 15 or older the option sits under Privacy."),
        ("en", "Devices on version 12 or older show this menu in another place."),
    ],
)
def test_a_software_version_is_no_age(language: str, text: str) -> None:
    assert extract_facts(text, language).ages == ()
    assert_quiet(single("added", text, language=language))


@pytest.mark.parametrize(
    ("language", "text", "age"),
    [
        ("en", "You must be 16 or older to open an account.", 16),
        ("en", "The service is for people aged 13 or over.", 13),
        ("en", "Users 18 or older may join the forum.", 18),
    ],
)
def test_an_age_said_as_or_older_is_still_an_age(language: str, text: str, age: int) -> None:
    assert age in extract_facts(text, language).ages


# (language, the choice said one way, the same choice said another way, the ads shown with no choice)
AD_CHOICES = [
    (
        "en",
        "Subscribers can opt out of personalised ads from the Privacy page.",
        "Subscribers can turn off personalised ads from the Privacy page.",
        "Subscribers see personalised ads chosen from their viewing history.",
    ),
    (
        "en",
        "You may opt out of targeted advertising whenever you like in your profile.",
        "You may disable targeted advertising whenever you like in your profile.",
        "We show you targeted advertising based on your profile.",
    ),
    (
        "fr",
        "Depuis votre espace client, vous pouvez refuser les publicités personnalisées.",
        "Depuis votre espace client, vous pouvez désactiver les publicités personnalisées.",
        "Nous vous montrons des publicités personnalisées selon vos achats.",
    ),
    (
        "nl",
        "In de app kun je gepersonaliseerde advertenties weigeren onder Privacy.",
        "In de app kun je gepersonaliseerde advertenties uitschakelen onder Privacy.",
        "In de app tonen wij gepersonaliseerde advertenties op basis van je aankopen.",
    ),
]


@pytest.mark.parametrize(("language", "opt_out", "turn_off", "no_choice"), AD_CHOICES)
def test_turning_off_personalised_ads_is_opting_out_of_them(
    language: str, opt_out: str, turn_off: str, no_choice: str
) -> None:
    assert_quiet(modified(opt_out, turn_off, language))
    assert_quiet(modified(turn_off, opt_out, language))


@pytest.mark.parametrize(("language", "opt_out", "turn_off", "no_choice"), AD_CHOICES)
def test_the_choice_dropped_still_alerts(language: str, opt_out: str, turn_off: str, no_choice: str) -> None:
    change = modified(turn_off, no_choice, language)
    assert change.material, change
    assert {"rights", "purpose"} & set(change.categories), change


def _heading(kind: str, text: str, language: str) -> Change:
    clause = Clause(4, text, language=language, is_heading=True)
    (change,) = classify([Change(kind, None, clause) if kind == "added" else Change(kind, clause, None)])
    return change


@pytest.mark.parametrize(
    "title", ["Le refus de partage avec nos partenaires", "Votre refus du traitement", "Un refus de collecte"]
)
@pytest.mark.parametrize("kind", ["added", "removed"])
def test_a_heading_naming_the_users_refusal_is_a_title(kind: str, title: str) -> None:
    assert_quiet(_heading(kind, title, "fr"))


@pytest.mark.parametrize(
    "text",
    ["Nous refusons de louer vos données à des tiers.", "Nous refusons toute vente de vos données."],
)
def test_we_refuse_is_still_a_promise(text: str) -> None:
    assert_alert(single("removed", text, language="fr"), "sharing", "high")
