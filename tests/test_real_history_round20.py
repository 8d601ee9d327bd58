"""Patterns from a held-out round of real edits taken from real version histories (issue 10,
round 20): a list's closing sweep ("and other similar information", "etc.") dropped or added is no
new or lost kind of data; an item put into the slot between a serial comma and the closing "and"
is a new item; a modal use ("we may use your data to X") restated as what the use makes possible
("the use of your data enables X") is the same use, while "may share" -> "is shared" still alerts."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

SWEEPS = [
    (
        "en",
        "We log the pages you open, the searches you run and other similar information.",
        "We log the pages you open and the searches you run.",
    ),
    (
        "de",
        "Wir speichern die aufgerufenen Seiten, Ihre Suchanfragen und ähnliche Daten.",
        "Wir speichern die aufgerufenen Seiten und Ihre Suchanfragen.",
    ),
    (
        "fr",
        "Nous enregistrons les pages consultées, vos recherches et autres informations similaires.",
        "Nous enregistrons les pages consultées et vos recherches.",
    ),
    (
        "es",
        "Registramos las páginas que abre, sus búsquedas y otros datos similares.",
        "Registramos las páginas que abre y sus búsquedas.",
    ),
    (
        "nl",
        "Wij registreren de pagina's die u opent, uw zoekopdrachten en andere vergelijkbare gegevens.",
        "Wij registreren de pagina's die u opent en uw zoekopdrachten.",
    ),
    (
        "da",
        "Vi registrerer de sider, du åbner, dine søgninger og andre lignende oplysninger.",
        "Vi registrerer de sider, du åbner, og dine søgninger.",
    ),
    (
        "no",
        "Vi registrerer sidene du åpner, søkene dine og andre lignende opplysninger.",
        "Vi registrerer sidene du åpner og søkene dine.",
    ),
    (
        "sv",
        "Vi registrerar sidorna du öppnar, dina sökningar och annan liknande information.",
        "Vi registrerar sidorna du öppnar och dina sökningar.",
    ),
    (
        "hr",
        "Bilježimo stranice koje otvarate, vaša pretraživanja i druge slične podatke.",
        "Bilježimo stranice koje otvarate i vaša pretraživanja.",
    ),
    (
        "sl",
        "Beležimo strani, ki jih odprete, vaša iskanja in druge podobne podatke.",
        "Beležimo strani, ki jih odprete, in vaša iskanja.",
    ),
    ("zh", "我们会记录您打开的页面、您的搜索记录和其他类似信息。", "我们会记录您打开的页面和您的搜索记录。"),
]


@pytest.mark.parametrize(("language", "old", "new"), SWEEPS)
def test_list_sweep_dropped_is_no_lost_data(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(("language", "old", "new"), SWEEPS)
def test_list_sweep_added_is_no_new_data(language: str, old: str, new: str) -> None:
    assert_quiet(modified(new, old, language))


def test_a_real_item_beside_the_sweep_still_alerts() -> None:
    change = modified(
        "We log the pages you open and other similar information.",
        "We log the pages you open, your precise location and other similar information.",
    )
    assert_alert(change, "collection")


@pytest.mark.parametrize(
    ("old", "new", "item"),
    [
        (
            "When you sign up we ask for your e-mail address, a password, and a display name.",
            "When you sign up we ask for your e-mail address, a password, your gender and a display name.",
            "gender",
        ),
        (
            "When you sign up we ask for your e-mail address, a password, and a display name.",
            # (not "photos": a known kind of data added is named alone, the other items then unsaid)
            "When you sign up we ask for your e-mail address, a password, the school you attend, "
            "your gender and a display name.",
            "gender",
        ),
    ],
)
def test_item_in_the_serial_comma_slot_is_new_data(old: str, new: str, item: str) -> None:
    change = modified(old, new)
    assert_alert(change, "collection")
    assert item in change.explanation


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We may use your listening history to recommend songs you might enjoy.",
            "The use of your listening history enables us to recommend songs you might enjoy.",
        ),
        (
            "fr",
            "Nous pourrons utiliser votre historique d'écoute pour vous recommander des titres.",
            "L'utilisation de votre historique d'écoute permet de vous recommander des titres.",
        ),
        (
            "de",
            "Wir können Ihren Hörverlauf verwenden, um Ihnen Titel zu empfehlen.",
            "Die Verwendung Ihres Hörverlaufs ermöglicht es uns, Ihnen Titel zu empfehlen.",
        ),
        (
            "es",
            "Podemos utilizar su historial de escucha para recomendarle canciones.",
            "El uso de su historial de escucha nos permite recomendarle canciones.",
        ),
        (
            "nl",
            "Wij kunnen uw luistergeschiedenis gebruiken om u nummers aan te bevelen.",
            "Het gebruik van uw luistergeschiedenis maakt het mogelijk om u nummers aan te bevelen.",
        ),
        (
            "da",
            "Vi kan bruge din lyttehistorik til at anbefale dig sange.",
            "Brugen af din lyttehistorik gør det muligt at anbefale dig sange.",
        ),
        (
            "no",
            "Vi kan bruke lyttehistorikken din til å anbefale deg sanger.",
            "Bruken av lyttehistorikken din gjør det mulig å anbefale deg sanger.",
        ),
        (
            "sv",
            "Vi kan använda din lyssningshistorik för att rekommendera låtar.",
            "Användningen av din lyssningshistorik gör det möjligt att rekommendera låtar.",
        ),
        (
            "hr",
            "Možemo koristiti vašu povijest slušanja kako bismo vam preporučili pjesme.",
            "Korištenje vaše povijesti slušanja omogućuje nam da vam preporučimo pjesme.",
        ),
        (
            "sl",
            "Vašo zgodovino poslušanja lahko uporabimo, da vam priporočimo skladbe.",
            "Uporaba vaše zgodovine poslušanja nam omogoča, da vam priporočimo skladbe.",
        ),
        ("zh", "我们可能会使用您的收听记录来为您推荐歌曲。", "使用您的收听记录有助于为您推荐歌曲。"),
    ],
)
def test_modal_use_restated_as_enabling_is_the_same_use(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We may share your listening history with record labels.",
            "Your listening history is shared with record labels.",
        ),
        (
            "fr",
            "Nous pourrons partager votre historique d'écoute avec des maisons de disques.",
            "Votre historique d'écoute est partagé avec des maisons de disques.",
        ),
    ],
)
def test_modal_share_made_definite_still_alerts(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert change.material, change
