"""Patterns from real policy text left by the earlier review rounds (issue 10, round 8): periods
said as "every Nth year", a possessive after the noun that agrees with a new last item, serial-comma
lists losing their next-to-last item, "contact data includes …" as the user's data, definitions of
contract terms, "reserve the right to" in Chinese, the user checking their inbox, and PDF-like HTML
with one printed line per <p>."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.extract.normalize import normalize


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


def _paragraphs_of(html: str) -> list[str]:
    return [b.text for b in normalize(html.encode(), "text/html").blocks if b.kind == "paragraph"]


_PRINTED = [
    "Where the Supplier hands account records to a hosting partner located outside the",
    "European Economic Area, the parties agree to rely on the Model Transfer Terms adopted",
    "by the regulator, and both parties shall sign them before any records are moved. The",
    "Supplier keeps a register of every hosting partner and makes it available to the",
    "Customer on request, within fourteen days of receiving the written request of the",
    "Customer.",
]


def test_printed_lines_one_per_p_are_joined_into_sentences() -> None:
    html = "<h1>Hosting</h1>" + "".join(f"<p>{line}</p>" for line in _PRINTED)
    paragraphs = _paragraphs_of(html)
    assert len(paragraphs) == 1
    assert "outside the European Economic Area" in paragraphs[0]
    assert paragraphs[0].endswith("written request of the Customer.")


def test_items_rows_and_short_paragraphs_are_never_joined() -> None:
    lines = "".join(f"<p>{line}</p>" for line in _PRINTED[:3])
    items = "<ul><li>the name on the account and</li><li>the billing address</li></ul>"
    table = "<table><tr><td>Records kept by the Supplier for the hosting partner named in the</td></tr>"
    table += "<tr><td>contract with the Customer</td></tr></table>"
    short = "<p>Questions about this notice</p><p>write to the address below</p>"
    doc = normalize((lines + items + table + short).encode(), "text/html")
    texts = [b.text for b in doc.blocks]
    assert "the billing address" in texts
    assert "contract with the Customer" in texts
    assert "write to the address below" in texts


def test_numbered_items_of_a_printed_page_stay_apart() -> None:
    items = [
        "1° Sending the parcel tracking number to the phone number given at checkout so that",
        "the courier can reach the recipient before the delivery window that was chosen",
        "2° Measuring how often the tracking page is opened, in aggregate and without names",
        "3° Keeping the delivery receipt as proof for the tax office for the legal period",
        "iv. Sharing the delivery address with the courier chosen by the buyer at checkout",
    ]
    paragraphs = _paragraphs_of("".join(f"<p>{line}</p>" for line in items))
    assert [p[:2] for p in paragraphs] == ["1°", "2°", "3°", "iv"]
