"""Patterns from real policy text left by the earlier review rounds (issue 10, round 8): periods
said as "every Nth year", lists that grow with a possessive after the noun that changes to agree
with the new last item, and serial-comma lists losing their next-to-last item."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("no", "Vi sletter loggene én gang i året.", "Vi sletter loggene hvert tredje år."),
        ("da", "Vi sletter gamle ordrer hver anden måned.", "Vi sletter gamle ordrer hver sjette måned."),
        ("sv", "Vi raderar gamla loggar en gång om året.", "Vi raderar gamla loggar vart fjärde år."),
        (
            "de",
            "Alte Protokolle löschen wir einmal im Jahr.",
            "Alte Protokolle löschen wir jedes dritte Jahr.",
        ),
        (
            "en",
            "Old order logs are deleted every other year.",
            "Old order logs are deleted every fourth year.",
        ),
    ],
)
def test_every_nth_year_is_a_period(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "retention", "high")
    assert "years" in change.explanation or "months" in change.explanation


def test_every_nth_year_unchanged_stays_quiet() -> None:
    assert_quiet(
        modified("Vi sletter loggene hvert tredje år.", "Normalt sletter vi loggene hvert tredje år.", "no")
    )


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("no", "Ved kjøp lagrer vi adressen din.", "Ved kjøp lagrer vi adressen og fødselsdatoen din."),
        ("no", "Ved kjøp lagrer vi adressen din.", "Ved kjøp lagrer vi adressen og kontonummeret ditt."),
        ("da", "Ved køb gemmer vi adressen din.", "Ved køb gemmer vi adressen og kontonummeret dit."),
        ("sv", "Vid köp sparar vi adressen din.", "Vid köp sparar vi adressen och kontonumret ditt."),
    ],
)
def test_possessive_after_the_noun_agreeing_with_a_new_item(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")
    assert_alert(modified(new, old, language), "collection")


def test_possessive_changed_alone_is_no_new_item() -> None:
    assert not modified(
        "Ved kjøp lagrer vi adressen din.", "Ved kjøp lagrer vi adressene dine.", "no"
    ).material


def test_serial_comma_list_losing_its_middle_item() -> None:
    old = "As a member you have the right to Export, Correcting, and Erasure of the files we keep about you."
    new = "As a member you have the right to Export and Erasure of the files we keep about you."
    assert_alert(modified(old, new), "rights")
    assert_alert(modified(new, old), "rights")


def test_aside_between_commas_stays_an_aside() -> None:
    old = "Your orders, where the law allows it, are deleted after two years."
    new = "Your orders are deleted after two years."
    assert not modified(old, new).material


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Contact information includes your billing address and mobile number.",
            "Contact information includes your billing address, mobile number and place of birth.",
        ),
        (
            "en",
            "Contact data includes billing address and mobile number.",
            "Contact data includes billing address, mobile number and place of birth.",
        ),
        (
            "hr",
            "Kontaktni podaci uključuju adresu za naplatu i broj mobitela.",
            "Kontaktni podaci uključuju adresu za naplatu, broj mobitela i mjesto rođenja.",
        ),
    ],
)
def test_contact_data_listed_as_a_kind_of_user_data(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")


def test_our_contact_details_stay_contact() -> None:
    old = "You can reach our support team at the postal address below."
    new = "You can reach our support team at the postal address and phone number below."
    assert not modified(old, new).material


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "“Trade” means buying, selling or renting Game Tokens on the Exchange for your Wallet Account.",
        ),
        ("en", "Listing means offering a vehicle for sale or rent to other members of the Marketplace."),
        ("de", "„Handel“ bezeichnet den Kauf, Verkauf oder Tausch von Sammelkarten auf dem Marktplatz."),
        ("fr", "« Échange » désigne l'achat, la vente ou la location de jetons sur la plateforme."),
        ("zh", "“交易”是指在平台上购买、出售或出租游戏道具。"),
    ],
)
def test_definition_naming_no_personal_data_is_no_term(language: str, text: str) -> None:
    assert_quiet(single("removed", text, language=language))
    assert_quiet(single("added", text, language=language))


def test_definition_that_names_personal_data_still_counts() -> None:
    assert_alert(
        single("added", "“Sale” means renting your personal information to data brokers."), "sharing"
    )


def test_sentence_opening_with_this_means_is_no_definition() -> None:
    assert_alert(single("added", "This means we may sell your usage data to advertisers."), "sharing")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("本公司保留随时调整本声明的权利。", "本公司可能随时调整本声明。"),
        ("本公司保留隨時調整本聲明的權利。", "本公司可能隨時調整本聲明。"),
    ],
)
def test_zh_reserving_the_right_to_change_is_neither_retention_nor_a_user_right(old: str, new: str) -> None:
    assert_quiet(modified(old, new, "zh"))


def test_zh_user_right_and_retention_still_read() -> None:
    assert_alert(single("removed", "您有权利随时要求我们删除您的账户资料。", language="zh"), "rights")
    assert_alert(modified("我们保留订单记录两年。", "我们保留订单记录六年。", "zh"), "retention", "high")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Remember to check your email for the confirmation link before the offer ends."),
        ("no", "Husk å sjekke innboksen, og sjekk e-posten din for bekreftelseslenken."),
        ("fr", "Pensez à consulter la page, puis vérifiez votre e-mail pour le lien de confirmation."),
        ("nl", "Controleer je e-mail voor de bevestigingslink."),
    ],
)
def test_the_user_checking_their_inbox_is_no_collection(language: str, text: str) -> None:
    assert_quiet(single("added", text, language=language))


def test_collecting_the_e_mail_address_is_still_collection() -> None:
    assert_alert(single("added", "We keep a copy of your email address to send receipts."), "collection")
