"""One realistic edit of a policy sentence (round 21): patterns a fresh held-out set of real
en/nl/hr/sl/zh paragraphs (small shops, hosting and log services, app privacy notices) showed,
each stated in new sentences of its own.

"We log X" and "X is logged" say what is recorded about the user: data collected, so a kind of data
added to what is logged is new collection ("logged in to your account" is signing in). "We keep
your X" holds data as "retain" does. A kind of data said not to be stored, kept or logged at all
("wir speichern keine Standortdaten", "ne pohranjujemo") is a promise about collection, not only
about how long: the negation dropped is collection too (not "not kept longer than needed").
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

# --- "log" and "keep" say data is recorded and held -----------------------------------------

LOGGED_ITEM_ADDED = [
    (
        "We log the time of each download and the app version.",
        "We log the time of each download, the app version and your device identifier.",
    ),
    (
        "The search terms and the page number are logged.",
        "The search terms, the page number and your approximate location are logged.",
    ),
]


@pytest.mark.parametrize(("old", "new"), LOGGED_ITEM_ADDED)
def test_a_kind_of_data_added_to_what_is_logged_is_collection(old: str, new: str) -> None:
    assert_alert(modified(old, new), "collection")


def test_logging_in_is_no_data_logged() -> None:
    assert_quiet(
        modified(
            "Once you are logged in to your account, you can change the theme and the font.",
            "Once you are logged in to your account, you can change the font and the theme.",
        )
    )


def test_we_keep_your_data_type_flipped_is_an_alert() -> None:
    change = modified(
        "We do not keep your call recordings.",
        "We keep your call recordings.",
    )
    assert_alert(change, "retention", "high")


def test_keeping_software_up_to_date_is_no_retention() -> None:
    change = modified(
        "Keep your phone's operating system and its browser up to date.",
        "Keep your phone's operating system and its web browser up to date.",
    )
    assert "retention" not in change.categories


# --- a kind of data said not to be stored at all: collection --------------------------------

NOT_STORED_FLIPPED = [
    (
        "We do not store the serial numbers of your devices.",
        "We store the serial numbers of your devices.",
        "en",
    ),
    (
        "Wij bewaren geen kopieën van uw identiteitsbewijs.",
        "Wij bewaren kopieën van uw identiteitsbewijs.",
        "nl",
    ),
    ("Ne čuvamo podatke o vašim karticama.", "Čuvamo podatke o vašim karticama.", "hr"),
    ("Ne hranimo podatkov o vaših plačilnih karticah.", "Hranimo podatke o vaših plačilnih karticah.", "sl"),
    ("我们不会保存您的银行卡信息。", "我们会保存您的银行卡信息。", "zh"),
    ("Wir speichern keine Standortdaten.", "Wir speichern Standortdaten.", "de"),
    ("Nous ne stockons pas vos coordonnées bancaires.", "Nous stockons vos coordonnées bancaires.", "fr"),
    ("No almacenamos los datos de su tarjeta.", "Almacenamos los datos de su tarjeta.", "es"),
    ("Vi gemmer ikke dine kortoplysninger.", "Vi gemmer dine kortoplysninger.", "da"),
    ("Vi sparar inte dina kortuppgifter.", "Vi sparar dina kortuppgifter.", "sv"),
    ("Vi lagrer ikke kortopplysningene dine.", "Vi lagrer kortopplysningene dine.", "no"),
]


@pytest.mark.parametrize(("old", "new", "language"), NOT_STORED_FLIPPED)
def test_data_no_longer_said_not_stored_is_collection(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "collection", "high")


NOT_KEPT_LONGER = [
    (
        "We do not store your order history longer than needed.",
        "We store your order history longer than needed.",
        "en",
    ),
    (
        "Wij bewaren uw bestelgegevens niet langer dan nodig.",
        "Wij bewaren uw bestelgegevens langer dan nodig.",
        "nl",
    ),
    (
        "Podatke o narudžbama ne čuvamo dulje nego što je potrebno.",
        "Podatke o narudžbama čuvamo dulje nego što je potrebno.",
        "hr",
    ),
    (
        "Podatkov o naročilih ne hranimo dlje, kot je potrebno.",
        "Podatke o naročilih hranimo dlje, kot je potrebno.",
        "sl",
    ),
    (
        "Wir speichern Ihre Bestelldaten nicht länger als nötig.",
        "Wir speichern Ihre Bestelldaten länger als nötig.",
        "de",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), NOT_KEPT_LONGER)
def test_how_long_data_is_kept_is_retention_only(old: str, new: str, language: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "retention")
    assert "collection" not in change.categories


# --- a bank card or bank account is the user's data, no bank it goes to ----------------------

BANK_CARD = [
    ("We do not store your bank card number.", "We store your bank card number.", "en"),
    ("Ne pohranjujemo broj vaše bankovne kartice.", "Pohranjujemo broj vaše bankovne kartice.", "hr"),
    ("我们不会存储您的银行卡号。", "我们会存储您的银行卡号。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), BANK_CARD)
def test_a_bank_card_is_no_bank_receiving_data(old: str, new: str, language: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "collection")
    assert not any(f.kind == "recipient" for f in change.facts), change


BANK_ADDED = [
    ("We pass payment data to our bank.", "We pass payment data to our bank and to insurers.", "en"),
    (
        "Podatke o plaćanju prosljeđujemo banci.",
        "Podatke o plaćanju prosljeđujemo banci i osiguravateljima.",
        "hr",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), BANK_ADDED)
def test_a_bank_is_still_a_recipient(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "sharing")


# --- "other parties" are third parties; "basically" hedges as "in principle" does --------------

OTHER_PARTIES = [
    ("We never rent your address to third parties.", "We never rent your address to other parties.", "en"),
    ("Uw adres wordt nooit aan derden verhuurd.", "Uw adres wordt nooit aan andere partijen verhuurd.", "nl"),
]


@pytest.mark.parametrize(("old", "new", "language"), OTHER_PARTIES)
def test_other_parties_said_for_third_parties_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


def test_other_parties_added_is_a_recipient() -> None:
    change = modified(
        "Wij geven uw bestelling door aan de vervoerder.",
        "Wij geven uw bestelling door aan de vervoerder en aan andere partijen.",
        "nl",
    )
    assert_alert(change, "sharing", "high")


def test_the_other_party_to_a_contract_is_no_recipient() -> None:
    assert_quiet(
        modified(
            "Either party may end this agreement with thirty days' notice.",
            "The other party may end this agreement with thirty days' notice.",
        )
    )


HEDGE_SWAPPED = [
    (
        "U osnovi, vaše podatke ne prodajemo oglašivačima.",
        "U načelu, vaše podatke ne prodajemo oglašivačima.",
        "hr",
    ),
    (
        "V osnovi vaših podatkov ne prodajamo oglaševalcem.",
        "Načeloma vaših podatkov ne prodajamo oglaševalcem.",
        "sl",
    ),
    ("Basically, we do not rent our mailing list.", "In principle, we do not rent our mailing list.", "en"),
    ("基本上，我们不会出售您的联系方式。", "原则上，我们不会出售您的联系方式。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), HEDGE_SWAPPED)
def test_one_hedge_for_another_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


HEDGE_ADDED = [
    ("We do not rent our mailing list.", "Basically, we do not rent our mailing list.", "en"),
    ("Vaše podatke ne prodajemo oglašivačima.", "U osnovi, vaše podatke ne prodajemo oglašivačima.", "hr"),
    ("Wir verkaufen Ihre Adresse nicht.", "Im Grunde verkaufen wir Ihre Adresse nicht.", "de"),
]


@pytest.mark.parametrize(("old", "new", "language"), HEDGE_ADDED)
def test_a_hedge_put_on_a_ban_is_an_alert(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "sharing")


# --- a ten and a unit said apart are one number, not the unit alone ---------------------------

COMPOUND_NUMBERS = [
    (
        "Guardamos las grabaciones treinta días.",
        "Guardamos las grabaciones cincuenta y cinco días.",
        "es",
        30,
        55,
    ),
    ("Snimke čuvamo trideset dana.", "Snimke čuvamo pedeset i pet dana.", "hr", 30, 55),
    ("We keep recordings for thirty days.", "We keep recordings for fifty-five days.", "en", 30, 55),
    (
        "Nous gardons les enregistrements trente jours.",
        "Nous gardons les enregistrements cinquante et un jours.",
        "fr",
        30,
        51,
    ),
    ("Wij bewaren opnames dertig dagen.", "Wij bewaren opnames tachtig dagen.", "nl", 30, 80),
]


@pytest.mark.parametrize(("old", "new", "language", "was", "now"), COMPOUND_NUMBERS)
def test_a_compound_number_word_is_read_whole(old: str, new: str, language: str, was: int, now: int) -> None:
    change = modified(old, new, language)
    assert_alert(change, "retention", "high")
    (fact,) = [f for f in change.facts if f.kind == "duration"]
    assert (fact.old, fact.new) == (f"{was} days", f"{now} days"), fact


# --- a way to reach the user, listed among the data kept, is data kept ------------------------

CONTACT_KIND_KEPT = [
    (
        "Hranimo vaše uporabniško ime in podatke o naročilih.",
        "Hranimo vaše uporabniško ime, mobilno številko in podatke o naročilih.",
        "sl",
    ),
    (
        "Čuvamo korisničko ime i povijest narudžbi.",
        "Čuvamo korisničko ime, broj mobitela i povijest narudžbi.",
        "hr",
    ),
    (
        "Wij bewaren uw klantnummer en uw bestelhistorie.",
        "Wij bewaren uw klantnummer, uw e-mailadres en uw bestelhistorie.",
        "nl",
    ),
    (
        "We retain your member ID and your order history.",
        "We retain your member ID, your mobile number and your order history.",
        "en",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), CONTACT_KIND_KEPT)
def test_a_phone_or_email_added_to_the_data_kept_is_collection(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "collection")


def test_an_address_added_where_data_is_kept_is_no_data_kind() -> None:
    assert_quiet(
        modified(
            "Complaints are kept on file; write to complaints@shop.example.",
            "Complaints are kept on file; write to complaints@shop.example or help@shop.example.",
        )
    )


MOBILE_NUMBER_ADDED = [
    (
        "Wir speichern Ihren Namen und Ihre Kundennummer.",
        "Wir speichern Ihren Namen, Ihre Handynummer und Ihre Kundennummer.",
        "de",
    ),
    (
        "Nous conservons votre nom et votre identifiant.",
        "Nous conservons votre nom, votre numéro de portable et votre identifiant.",
        "fr",
    ),
    (
        "Conservamos su nombre y su número de cliente.",
        "Conservamos su nombre, su número de móvil y su número de cliente.",
        "es",
    ),
    (
        "Vi gemmer dit navn og dit kundenummer.",
        "Vi gemmer dit navn, dit mobilnummer og dit kundenummer.",
        "da",
    ),
    (
        "Vi sparar ditt namn och ditt kundnummer.",
        "Vi sparar ditt namn, ditt mobilnummer och ditt kundnummer.",
        "sv",
    ),
    (
        "Vi lagrer navnet ditt og kundenummeret ditt.",
        "Vi lagrer navnet ditt, mobilnummeret ditt og kundenummeret ditt.",
        "no",
    ),
    ("我们会保存您的昵称和订单编号。", "我们会保存您的昵称、手机号码和订单编号。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), MOBILE_NUMBER_ADDED)
def test_a_mobile_number_added_to_the_data_kept_is_collection(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "collection")


# --- a party named as where data comes from is a source, not a recipient ----------------------

SOURCE_ADDED = [
    (
        "We receive your delivery address from the shop.",
        "We receive your delivery address from the shop and from insurers.",
        "en",
    ),
    (
        "Wij ontvangen uw adres van de webwinkel.",
        "Wij ontvangen uw adres van de webwinkel en van verzekeraars.",
        "nl",
    ),
    ("Vašu adresu dobivamo od trgovine.", "Vašu adresu dobivamo od trgovine i od osiguravatelja.", "hr"),
    ("Vaš naslov prejmemo od trgovine.", "Vaš naslov prejmemo od trgovine in od zavarovalnic.", "sl"),
    (
        "Ihre Anschrift erhalten wir vom Händler.",
        "Ihre Anschrift erhalten wir vom Händler und von Versicherern.",
        "de",
    ),
    ("我们从商家处获取您的收货地址。", "我们从商家和保险公司处获取您的收货地址。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), SOURCE_ADDED)
def test_a_new_source_of_data_is_collection_not_a_recipient(old: str, new: str, language: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "collection")
    assert not any(f.kind == "recipient" for f in change.facts), change


def test_a_party_asking_for_data_disclosed_still_receives_it() -> None:
    change = modified(
        "We may disclose your order history to answer requests from courts.",
        "We may disclose your order history to answer requests from courts or from insurers.",
    )
    assert_alert(change, "sharing")


def test_public_sources_are_nothing_made_public() -> None:
    change = modified(
        "我们会从公开渠道获取商户的营业执照信息。",
        "我们会从公开渠道和保险公司获取商户的营业执照信息。",
        "zh",
    )
    assert_alert(change, "collection")
    assert "sharing" not in change.categories, change


# --- asking for the data held about you is the right of access --------------------------------

ACCESS_DROPPED = [
    (
        "Your files sit on servers in Ireland, and you can ask for the information we hold about you.",
        "Your files sit on servers in Ireland.",
        "en",
    ),
    (
        "Uw dossier staat op onze servers en u kunt op elk moment opvragen welke gegevens wij bewaren.",
        "Uw dossier staat op onze servers.",
        "nl",
    ),
    (
        "Vaš se dosje nalazi na našim poslužiteljima, a možete zatražiti podatke koje o vama čuvamo.",
        "Vaš se dosje nalazi na našim poslužiteljima.",
        "hr",
    ),
    (
        "Vaša kartoteka je na naših strežnikih, zahtevate lahko podatke, ki jih hranimo o vas.",
        "Vaša kartoteka je na naših strežnikih.",
        "sl",
    ),
    (
        "您的档案存储在我们的服务器上，您可以索取我们保存的关于您的信息。",
        "您的档案存储在我们的服务器上。",
        "zh",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), ACCESS_DROPPED)
def test_dropping_the_request_for_data_held_is_a_rights_alert(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "rights")


def test_the_company_asking_for_information_is_no_access_right() -> None:
    change = modified(
        "Vi kan be om opplysninger om leveringsadressen din.",
        "Vi kan be om opplysninger om leveringsadressen og telefonen din.",
        "no",
    )
    assert "rights" not in change.categories, change


# --- "some of your data" -> "all of your data": the same act over more or less ----------------

SCOPE_SWAPPED = [
    (
        "We pass some of your order details to the courier.",
        "We pass all of your order details to the courier.",
        "en",
        "sharing",
    ),
    (
        "Sommige bestelgegevens geven wij door aan de koerier.",
        "Alle bestelgegevens geven wij door aan de koerier.",
        "nl",
        "sharing",
    ),
    (
        "Neke podatke o narudžbi prosljeđujemo dostavljaču.",
        "Sve podatke o narudžbi prosljeđujemo dostavljaču.",
        "hr",
        "sharing",
    ),
    (
        "Nekatere podatke o naročilu posredujemo dostavljavcu.",
        "Vse podatke o naročilu posredujemo dostavljavcu.",
        "sl",
        "sharing",
    ),
    ("我们会与快递公司共享您的部分订单信息。", "我们会与快递公司共享您的全部订单信息。", "zh", "sharing"),
    (
        "Einige Bestelldaten geben wir an den Paketdienst weiter.",
        "Alle Bestelldaten geben wir an den Paketdienst weiter.",
        "de",
        "sharing",
    ),
]


@pytest.mark.parametrize(("old", "new", "language", "category"), SCOPE_SWAPPED)
def test_a_part_of_the_data_made_all_of_it_is_an_alert(
    old: str, new: str, language: str, category: str
) -> None:
    assert_alert(modified(old, new, language), category)


def test_one_word_for_all_for_another_is_quiet() -> None:
    assert_quiet(
        modified(
            "We pass all of your order details to the courier.",
            "We pass every one of your order details to the courier.",
        )
    )


# --- hr: "upotrebljava" and "koristi" are the same verb of use --------------------------------


def test_one_verb_of_use_for_another_is_quiet_in_croatian() -> None:
    assert_quiet(
        modified(
            "Naša aplikacija upotrebljava Firebase za slanje obavijesti.",
            "Naša aplikacija koristi Firebase za slanje obavijesti.",
            "hr",
        )
    )


def test_a_purpose_added_to_the_data_used_is_still_an_alert_in_croatian() -> None:
    change = modified(
        "Upotrebljavamo vaše podatke za izradu računa.",
        "Upotrebljavamo vaše podatke za izradu računa i za profiliranje.",
        "hr",
    )
    assert_alert(change, "purpose")


REMOVED_BESIDE_A_TIME = [
    (
        "Uploaded scans are removed immediately upon printing.",
        "Uploaded scans are deleted immediately after printing.",
        "en",
    ),
    (
        "Skenirani dokumenti uklanjaju se odmah nakon ispisa.",
        "Skenirani dokumenti brišu se odmah nakon ispisa.",
        "hr",
    ),
    (
        "Gescannte Belege werden nach dem Druck sofort entfernt.",
        "Gescannte Belege werden nach dem Druck sofort gelöscht.",
        "de",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), REMOVED_BESIDE_A_TIME)
def test_removed_and_deleted_beside_the_same_time_are_one_term(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


def test_removed_later_than_before_is_still_retention() -> None:
    change = modified(
        "Gescannte Belege werden nach dem Druck sofort entfernt.",
        "Gescannte Belege werden 90 Tage nach dem Druck entfernt.",
        "de",
    )
    assert_alert(change, "retention", "high")


# --- zh: "当您开启…时", "在您同意的情况下": collecting only once the user turns it on --------------

ZH_CONDITION_DROPPED = [
    ("当您开启麦克风权限时，我们会收集您的语音信息。", "我们会收集您的语音信息。"),
    ("在您同意的情况下，我们会收集您的通讯录信息。", "我们会收集您的通讯录信息。"),
    ("如果您启用蓝牙功能，我们会收集附近设备的信息。", "我们会收集附近设备的信息。"),
]


@pytest.mark.parametrize(("old", "new"), ZH_CONDITION_DROPPED)
def test_a_switched_on_condition_dropped_in_chinese_is_an_alert(old: str, new: str) -> None:
    assert_alert(modified(old, new, "zh"), "collection", "high")


def test_when_said_another_way_in_chinese_is_quiet() -> None:
    assert_quiet(
        modified(
            "当您使用扫码功能时，我们会请求相机权限。",
            "在您使用扫码功能时，我们会请求相机权限。",
            "zh",
        )
    )


# --- unsubscribing from a newsletter is an opt-out the user holds -----------------------------

UNSUBSCRIBE_LIMITED = [
    (
        "You can unsubscribe from our offers at any time.",
        "You can unsubscribe from our offers only after six months.",
        "en",
    ),
    (
        "Pretplatu na obavijesti o akcijama možete otkazati u bilo kojem trenutku.",
        "Pretplatu na obavijesti o akcijama možete otkazati tek nakon šest mjeseci.",
        "hr",
    ),
    (
        "Naročnino na obvestila o akcijah lahko kadar koli prekličete.",
        "Naročnino na obvestila o akcijah lahko prekličete šele po šestih mesecih.",
        "sl",
    ),
    (
        "U kunt zich op elk moment uitschrijven voor onze aanbiedingen.",
        "U kunt zich pas na zes maanden uitschrijven voor onze aanbiedingen.",
        "nl",
    ),
    (
        "Sie können sich jederzeit vom Newsletter abmelden.",
        "Sie können sich erst nach sechs Monaten vom Newsletter abmelden.",
        "de",
    ),
    ("您可以随时退订我们的促销短信。", "您可以在六个月后退订我们的促销短信。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), UNSUBSCRIBE_LIMITED)
def test_unsubscribing_made_later_is_a_rights_alert(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "rights")


def test_updating_your_preferences_is_no_right_to_correct_data() -> None:
    from monitor.engine.facts import extract_facts

    facts = extract_facts(
        "You can stop these e-mails by updating your communication preferences in your account.",
        "en",
    )
    assert "rectification" not in facts.rights, facts.rights
