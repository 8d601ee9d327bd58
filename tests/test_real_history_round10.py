"""Patterns from a held-out check on real version histories and one-edit pairs in many languages
(issue 10, round 10): the computers data sits on, placed in other countries, make a named country
a destination; a promise to report a breach is no change notice; "vendredi" in a date line is no
sale and "适用于" (applies to) no use of data; one letter that turns a verb into another action is
no typo; hand-over verbs (udlevere, överlämna, predati); ages said with the verb between ("jonger
bent dan 13 jaar", "imate manje od 13 godina"); announcing material changes (nl, no); a Croatian
notice ruled out ("nećemo vas obavijestiti"); data the
user sends us is collected; tracking across sites (de, fr, zh "请勿跟踪"); "尽可能" is no "may";
short pronouns after a user's duty; a pasted copy of a sentence taken out."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, removed


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Our contractors run computers in several countries.",
            "Our contractors run computers in several countries, among them Brazil.",
        ),
        (
            "da",
            "Vores underleverandører har computere i flere forskellige lande.",
            "Vores underleverandører har computere i flere forskellige lande, bl.a. Indien.",
        ),
        (
            "sv",
            "Våra underleverantörer har datorer i flera olika länder.",
            "Våra underleverantörer har datorer i flera olika länder, till exempel Indien.",
        ),
        (
            "no",
            "Leverandørene våre har datamaskiner i flere ulike land.",
            "Leverandørene våre har datamaskiner i flere ulike land, for eksempel India.",
        ),
        (
            "nl",
            "Onze leveranciers gebruiken computers in meerdere landen.",
            "Onze leveranciers gebruiken computers in meerdere landen, zoals India.",
        ),
        (
            "hr",
            "Naši dobavljači imaju računala u nekoliko zemalja.",
            "Naši dobavljači imaju računala u nekoliko zemalja, primjerice u Indiji.",
        ),
        (
            "de",
            "Unsere Auftragnehmer betreiben Computer in mehreren Ländern.",
            "Unsere Auftragnehmer betreiben Computer in mehreren Ländern, etwa in Indien.",
        ),
        (
            "fr",
            "Nos prestataires exploitent des ordinateurs dans plusieurs pays.",
            "Nos prestataires exploitent des ordinateurs dans plusieurs pays, notamment au Brésil.",
        ),
    ],
)
def test_a_country_named_where_the_computers_stand_is_a_destination(
    language: str, old: str, new: str
) -> None:
    assert_alert(modified(old, new, language), "transfer")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "da",
            "Opdager vi et brud på sikkerheden, giver vi dig besked hurtigst muligt.",
            "Opdager vi et brud på sikkerheden, giver vi dig ikke besked.",
        ),
        (
            "sl",
            "Če odkrijemo vdor v sistem, vas bomo o tem takoj obvestili.",
            "Če odkrijemo vdor v sistem, vas o tem ne bomo obvestili.",
        ),
        (
            "hr",
            "Ako otkrijemo povredu sigurnosti, obavijestit ćemo vas bez odgode.",
            "Ako otkrijemo povredu sigurnosti, nećemo vas obavijestiti.",
        ),
    ],
)
def test_a_breach_notice_taken_away_is_about_security_not_policy_changes(
    language: str, old: str, new: str
) -> None:
    change = modified(old, new, language)
    assert_alert(change, "security")
    assert "changes" not in change.categories, change


def test_a_policy_change_notice_beside_other_topics_stays_a_change_notice() -> None:
    change = modified(
        "If we change how we use your contact details, we will notify you by email.",
        "If we change how we use your contact details, we may notify you by email.",
    )
    assert_alert(change, "changes")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("fr", "Mis à jour le 2 mars 2021", "Mis à jour le vendredi 5 mars 2021"),
        ("fr", "Date d'effet : 4 juin 2022", "Date d'effet : vendredi 10 juin 2022"),
        (
            "zh",
            "本声明适用于我们运营的网站、shop.example.com 和 app.example.com 等域名。",
            "本声明适用于我们运营的网站和 shop.example.com 等域名。",
        ),
    ],
)
def test_weekday_and_scope_words_state_no_term(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_one_letter_that_turns_handing_over_into_selling_is_no_typo() -> None:
    change = modified(
        "Ob prodaji podjetja lahko vaše podatke predamo kupcu.",
        "Ob prodaji podjetja lahko vaše podatke prodamo kupcu.",
        "sl",
    )
    assert_alert(change, "sharing")


def test_a_real_spelling_fix_of_a_verb_stays_quiet() -> None:
    assert_quiet(
        modified(
            "We never shrae your messages with advertisers.",
            "We never share your messages with advertisers.",
        )
    )


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Vi underretter dig, hvis en myndighed beder os om at udlevere dine oplysninger."),
        ("sv", "Vi meddelar dig om en domstol ber oss överlämna dina uppgifter."),
    ],
)
def test_dropping_a_hand_over_clause_is_a_sharing_alert(language: str, text: str) -> None:
    assert_alert(removed(text, language), "sharing")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "nl",
            "Als u jonger bent dan 14 jaar, mag u ons geen gegevens sturen.",
            "Als u jonger bent dan 12 jaar, mag u ons geen gegevens sturen.",
        ),
        (
            "hr",
            "Ako imate manje od 14 godina, ne šaljite nam svoje podatke.",
            "Ako imate manje od 12 godina, ne šaljite nam svoje podatke.",
        ),
    ],
)
def test_an_age_said_with_the_verb_between_is_an_age(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "children")
    assert "retention" not in change.categories, change


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "Als de wijzigingen wezenlijk zijn, kondigen we dat per e-mail en op onze website aan."),
        ("no", "Hvis endringene er betydelige, vil vi annonsere oppdateringen på nettstedet vårt."),
    ],
)
def test_dropping_how_material_changes_are_announced_is_an_alert(language: str, text: str) -> None:
    assert_alert(removed(text, language), "changes")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "de",
            "Auf Wunsch können Sie uns Ihr Alter und Ihren Wohnort senden.",
            "Auf Wunsch können Sie uns Ihr Alter, Ihren Wohnort und Ihren Gesundheitszustand senden.",
        ),
        (
            "sl",
            "Če želite, nam pošljete svojo starost in kraj bivanja.",
            "Če želite, nam pošljete svojo starost, kraj bivanja in zdravstveno stanje.",
        ),
        ("zh", "报名时需要提供姓名和邮寄地址。", "报名时需要提供姓名、邮寄地址和身份证号码。"),
    ],
)
def test_data_the_user_sends_us_is_collected(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "de",
            "Wir verfolgen Besucher nicht über andere Websites hinweg.",
            "Wir verfolgen Besucher über andere Websites hinweg.",
        ),
        (
            "fr",
            "Nous n'effectuons aucun suivi des visiteurs sur d'autres sites.",
            "Nous effectuons un suivi des visiteurs sur d'autres sites.",
        ),
        (
            "zh",
            "请勿跟踪:我们不会在其他网站上跟踪访问者。",
            "请勿跟踪:我们会在其他网站上跟踪访问者。",
        ),
    ],
)
def test_tracking_people_across_sites_is_a_tracking_term(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "tracking")


def test_as_much_as_possible_is_no_may_in_chinese() -> None:
    assert_quiet(
        modified(
            "请尽量减少您在论坛上分享的个人信息。",
            "请尽可能减少您在论坛上分享的个人信息。",
            "zh",
        )
    )


@pytest.mark.parametrize(
    ("language", "old", "new", "category"),
    [
        (
            "no",
            "Vi bruker vanligvis opplysningene som en hjelp til å levere tjenestene.",
            "Vi bruker vanligvis opplysningene som en hjelp til å levere tjenestene og til å vise "
            "deg målrettede annonser.",
            "purpose",
        ),
        (
            "nl",
            "De winkel ontvangt geen financiële informatie die u naar de betaaldienst stuurt.",
            "De winkel ontvangt de financiële informatie die u naar de betaaldienst stuurt.",
            "collection",
        ),
        (
            "hr",
            "Koristimo mjere fizičke, administrativne i tehničke zaštite.",
            "Koristimo mjere fizičke i administrativne zaštite.",
            "security",
        ),
    ],
)
def test_lexicon_gaps_found_on_real_paragraphs(language: str, old: str, new: str, category: str) -> None:
    assert_alert(modified(old, new, language), category)


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "sl",
            "Otrok ne želimo v aplikaciji: nočemo podatkov mlajših od 15 let, "
            "in ne smete nam jih posredovati.",
            "Otrok ne želimo v aplikaciji: nočemo podatkov mlajših od 15 let "
            "in nam jih ne smete posredovati.",
        ),
        (
            "sl",
            "Če še niste dopolnili 15 let, nočemo vaših podatkov, in ne smete nam jih zaupati.",
            "Če še niste dopolnili 15 let, nočemo vaših podatkov in nam jih ne smete zaupati.",
        ),
    ],
)
def test_a_users_duty_with_the_pronouns_moved_is_the_same_duty(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "sl",
            "Fotografije. Če naložite fotografije, jih lahko damo na voljo javnosti (Če naložite "
            "fotografije, jih lahko damo na voljo javnosti, skupaj z vašim uporabniškim imenom.",
            "Fotografije. Če naložite fotografije, jih lahko damo na voljo javnosti, skupaj z vašim "
            "uporabniškim imenom.",
        ),
        (
            "en",
            "Photos. If you upload photos, we may make them available to the public (If you upload "
            "photos, we may make them available to the public, together with your user name.",
            "Photos. If you upload photos, we may make them available to the public, together with "
            "your user name.",
        ),
    ],
)
def test_a_pasted_copy_of_a_sentence_taken_out_changes_nothing(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))
