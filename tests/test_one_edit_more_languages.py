"""One realistic edit of a policy sentence in Chinese, Dutch, Croatian, Slovenian and Norwegian (and
English or German where the pattern is not tied to one language): the patterns a review of real
one-edit pairs found, each stated in new sentences.

Words said twice in a row and said once after the fix, a passive re-wording of "no longer than
necessary" and a misspelt data type that a sentence rules out stay quiet; a consent condition
dropped from a use of data (object-first word order, "with your prior consent", compound cookie
words) and a country added where data is processed still alert, under the right category.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

# --- a run of words said twice in a row, said once: a duplicate, not a new term ------------------

DOUBLED = [
    (
        "zh-Hans",
        "账号注销后，我们会在十五日内删除您的订单记录删除您的订单记录。",
        "账号注销后，我们会在十五日内删除您的订单记录。",
    ),
    (
        "zh-Hant",
        "我們會將您的聯絡資料提供給物流業者物流業者，以便配送商品。",
        "我們會將您的聯絡資料提供給物流業者，以便配送商品。",
    ),
    (
        "nl",
        "Wij delen uw adres met de bezorgdienst met de bezorgdienst die uw bestelling aflevert.",
        "Wij delen uw adres met de bezorgdienst die uw bestelling aflevert.",
    ),
]


@pytest.mark.parametrize("lang,old,new", DOUBLED)
def test_words_said_twice_in_a_row_put_right_is_quiet(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))
    assert_quiet(modified(new, old, lang))


def test_a_number_said_twice_is_a_new_number() -> None:
    change = modified(
        "We delete inactive accounts after 12 months.", "We delete inactive accounts after 1212 months.", "en"
    )
    assert_alert(change, "retention")


def test_a_phrase_dropped_that_was_not_a_repeat_still_alerts() -> None:
    change = modified(
        "我们会在十五日内删除或匿名化处理您的个人信息。",
        "我们会在十五日内匿名化处理您的个人信息。",
        "zh-Hans",
    )
    assert change.material, change


# --- Dutch: "niet langer dan nodig" with the verb inside it (passive order) ---------------------


def test_dutch_no_longer_than_necessary_said_in_the_passive_is_quiet() -> None:
    change = modified(
        "Wij bewaren sollicitatiegegevens niet langer dan nodig is voor de selectieprocedure.",
        "Sollicitatiegegevens worden niet langer bewaard dan noodzakelijk is voor de selectieprocedure.",
        "nl",
    )
    assert_quiet(change)


# --- a consent condition dropped from a use of data --------------------------------------------

OBJECT_FIRST_CONSENT = {
    "hr": (
        "Vaš broj telefona koristimo za SMS obavijesti o akcijama samo uz vašu privolu.",
        "Vaš broj telefona koristimo za SMS obavijesti o akcijama.",
    ),
    "sl": (
        "Vaše osebne podatke uporabljamo za promocijska sporočila le s vašo privolitvijo.",
        "Vaše osebne podatke uporabljamo za promocijska sporočila.",
    ),
}


@pytest.mark.parametrize("lang", sorted(OBJECT_FIRST_CONSENT))
def test_object_first_use_losing_its_consent_condition_is_purpose(lang: str) -> None:
    old, new = OBJECT_FIRST_CONSENT[lang]
    assert_alert(modified(old, new, lang), "purpose")


CONTACT_USE_CONSENT = {
    "en": (
        "We use your phone number for special offers only if you have agreed to this.",
        "We use your phone number for special offers.",
    ),
    "no": (
        "Vi bruker telefonnummeret ditt til tilbud bare hvis du har samtykket til det.",
        "Vi bruker telefonnummeret ditt til tilbud.",
    ),
    "nl": (
        "Wij gebruiken uw telefoonnummer alleen voor aanbiedingen als u daarvoor toestemming geeft.",
        "Wij gebruiken uw telefoonnummer voor aanbiedingen.",
    ),
}


@pytest.mark.parametrize("lang", sorted(CONTACT_USE_CONSENT))
def test_a_use_of_contact_data_losing_its_consent_is_filed_under_purpose(lang: str) -> None:
    """The contact detail is a data type, but the condition was on what it is used for."""
    old, new = CONTACT_USE_CONSENT[lang]
    assert_alert(modified(old, new, lang), "purpose")


PRIOR_CONSENT = [
    (
        "zh-Hans",
        "经您事先同意，我们会向合作的保险公司提供您的联系方式。",
        "我们会向合作的保险公司提供您的联系方式。",
    ),
    ("zh-Hant", "經您事先同意，我們會向合作夥伴提供您的購買紀錄。", "我們會向合作夥伴提供您的購買紀錄。"),
]


@pytest.mark.parametrize("lang,old,new", PRIOR_CONSENT)
def test_chinese_prior_consent_dropped_alerts(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "sharing")


def test_dutch_compound_cookie_word_losing_its_consent_is_tracking() -> None:
    change = modified(
        "Advertentiecookies zetten wij pas na uw toestemming.",
        "Advertentiecookies zetten wij bij elk bezoek.",
        "nl",
    )
    assert_alert(change, "tracking")


# --- a country added where data is processed ---------------------------------------------------

PROCESSED_IN = {
    "sl": (
        "Podatke o naročilih hranimo izključno v državah članicah EU.",
        "Podatke o naročilih hranimo v državah članicah EU in v Indiji.",
    ),
    "hr": (
        "Podatke o narudžbama čuvamo isključivo u državama članicama EU-a.",
        "Podatke o narudžbama čuvamo u državama članicama EU-a i u Indiji.",
    ),
}


@pytest.mark.parametrize("lang", sorted(PROCESSED_IN))
def test_a_country_added_where_data_is_kept_is_transfer(lang: str) -> None:
    old, new = PROCESSED_IN[lang]
    assert_alert(modified(old, new, lang), "transfer")


# --- a misspelt data type in a sentence that rules it out --------------------------------------

RULED_OUT_TYPO = {
    "hr": (
        "Od korisnika ne tražimo biometrijske podatke.",
        "Od korisnika ne tražimo biomterijske podatke.",
        "Od korisnika ne tražimo podatke.",
    ),
    "en": (
        "We never ask members for biometric data.",
        "We never ask members for biomteric data.",
        "We never ask members for data.",
    ),
}


@pytest.mark.parametrize("lang", sorted(RULED_OUT_TYPO))
def test_a_misspelt_ruled_out_data_type_is_quiet(lang: str) -> None:
    old, typo, _ = RULED_OUT_TYPO[lang]
    assert_quiet(modified(old, typo, lang))
    assert_quiet(modified(typo, old, lang))


@pytest.mark.parametrize("lang", sorted(RULED_OUT_TYPO))
def test_a_ruled_out_data_type_really_dropped_still_alerts(lang: str) -> None:
    old, _, dropped = RULED_OUT_TYPO[lang]
    assert_alert(modified(old, dropped, lang), "collection")


# --- Chinese: "without your consent we will not" said as "unless you consent we will not" --------

WITHOUT_CONSENT_ZH = [
    (
        "zh-Hans",
        "未经您的书面同意，我们不会向广告主提供您的手机号码。",
        "除非获得您的书面同意，我们不会向广告主提供您的手机号码。",
        "我们会向广告主提供您的手机号码。",
    ),
    (
        "zh-Hant",
        "未經您的同意，我們不會向合作夥伴揭露您的位置資訊。",
        "除非您同意，我們不會向合作夥伴揭露您的位置資訊。",
        "我們會向合作夥伴揭露您的位置資訊。",
    ),
]


@pytest.mark.parametrize("lang,old,same,dropped", WITHOUT_CONSENT_ZH)
def test_chinese_without_consent_said_as_unless_consent_is_quiet(
    lang: str, old: str, same: str, dropped: str
) -> None:
    assert_quiet(modified(old, same, lang))
    assert_alert(modified(old, dropped, lang), "sharing")


def test_chinese_unauthorised_access_is_not_a_consent_condition() -> None:
    from monitor.engine.facts import extract_facts

    assert not extract_facts("我们采用加密技术，防止未经授权的访问。", "zh-Hans").conditions


# --- Norwegian definite forms ("personopplysningene dine") tell Bokmål from Danish ----------------


def test_a_norwegian_passive_sentence_is_read_as_norwegian() -> None:
    from monitor.lang.detect import detect_language

    assert detect_language("Opplysningene dine deles ikke med annonsører.") == "no"
    assert detect_language("Oplysningerne deles ikke med annoncører.") == "da"


def test_short_croatian_and_slovenian_sentences_are_told_apart_by_their_verbs() -> None:
    from monitor.lang.detect import detect_language

    assert detect_language("Podatke o članovima kluba hranimo tri leta.") == "sl"
    assert detect_language("Podatke o članovima kluba čuvamo tri godine.") == "hr"
    assert detect_language("Zbiramo naslednje podatke: ime in telefon.") == "sl"
    assert detect_language("Prikupljamo sljedeće podatke: ime i telefon.") == "hr"
