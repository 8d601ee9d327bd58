"""Patterns from a held-out round of real edits on real policy texts in the languages least tested
(issue 10, round 27, helper h42: es, da, sv, no, hr, sl, zh, nl): an entry that is a sentence of its
own ("Insurers and banks, when you buy cover through us.") added to a list whose lead-in says
where data goes is a new recipient; Spanish "seguro" / "aseguradora" (insurance) is no security
measure; "we will delete your data" said by the service is no right of the user's (Chinese); a
period named again by pointing back ("the retention period" -> "that period") is no new term;
a number in Chinese characters followed by its digits in brackets ("三十（30）天") is that number;
a Dutch main clause "Wij informeren je over wijzigingen" is a notice of changes; several kinds of
data put into (or taken from) a list at once ("A, X, Y and B") are items added (or dropped)."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, list_page, modified, page_changes

from monitor.engine.facts import extract_facts

# a lead-in that says where data goes, its entries sentences; the entry added names a new kind of party
SENTENCE_ENTRY_ADDED = [
    (
        "en",
        "We may pass your details on to:",
        [
            "Couriers who bring your parcel, so they can reach you at the door.",
            "Courts, when a judge orders it.",
        ],
        "Insurance companies and banks, when you insure your purchase or pay for it in monthly parts.",
    ),
    (
        "de",
        "Wir können Ihre Angaben weitergeben an:",
        [
            "Paketdienste, die Ihr Paket bis an die Haustür bringen.",
            "Gerichte, wenn ein Richter es anordnet.",
        ],
        "Versicherungen und Banken, wenn Sie Ihren Einkauf versichern oder in Monatsraten bezahlen.",
    ),
    (
        "fr",
        "Nous pouvons transmettre vos coordonnées à :",
        [
            "Les transporteurs qui livrent votre colis jusqu'à votre porte.",
            "Les tribunaux, lorsqu'un juge l'ordonne.",
        ],
        "Les assureurs et les banques, lorsque vous assurez votre achat ou le payez en mensualités.",
    ),
    (
        "es",
        "Podemos comunicar tus datos a:",
        [
            "Empresas de mensajería que llevan tu paquete hasta tu puerta.",
            "Juzgados, cuando un juez lo ordene.",
        ],
        "Compañías de seguros y entidades financieras, cuando aseguras tu compra o la pagas a plazos.",
    ),
    (
        "da",
        "Vi kan videregive dine oplysninger til:",
        ["Fragtfirmaer, der bringer din pakke helt hen til døren.", "Domstole, når en dommer kræver det."],
        "Forsikringsselskaber og pengeinstitutter, når du forsikrer dit køb eller betaler i rater.",
    ),
    (
        "sv",
        "Vi kan lämna ut dina uppgifter till:",
        ["Budfirmor som kör ditt paket ända fram till dörren.", "Domstolar, när en domare beslutar det."],
        "Försäkringsbolag och banker, när du försäkrar ditt köp eller delbetalar det.",
    ),
    (
        "no",
        "Vi kan utlevere opplysningene dine til:",
        ["Budfirmaer som kjører pakken helt frem til døren din.", "Domstoler, når en dommer beslutter det."],
        "Forsikringsselskaper og banker, når du forsikrer kjøpet ditt eller betaler det i månedlige avdrag.",
    ),
    (
        "nl",
        "Wij kunnen je gegevens doorgeven aan:",
        ["Koeriers die je pakket tot aan de deur brengen.", "Rechtbanken, wanneer een rechter dat beveelt."],
        "Verzekeraars en banken, wanneer je je aankoop verzekert of in maandelijkse termijnen betaalt.",
    ),
    (
        "hr",
        "Vaše podatke možemo proslijediti:",
        ["Dostavnim službama koje donose paket do vaših vrata.", "Sudovima, kada to naloži sudac."],
        "Osiguravajućim društvima i bankama, kada osigurate kupnju ili je plaćate u mjesečnim obrocima.",
    ),
    (
        "sl",
        "Vaše podatke lahko posredujemo:",
        ["Dostavnim službam, ki paket prinesejo do vaših vrat.", "Sodiščem, kadar to odredi sodnik."],
        "Zavarovalnicam in bankam, ko zavarujete nakup ali ga plačujete v mesečnih obrokih.",
    ),
    (
        "zh",
        "我们可能将您的信息提供给：",
        ["将包裹送到您家门口的快递公司。", "法官下令时的法院。"],
        "保险公司和银行，当您为所购商品投保或按月分期付款时。",
    ),
]


@pytest.mark.parametrize(
    ("language", "lead_in", "entries", "extra"), SENTENCE_ENTRY_ADDED, ids=lambda c: str(c)[:2]
)
def test_sentence_entry_added_under_a_sharing_lead_in_is_a_new_recipient(
    language: str, lead_in: str, entries: list[str], extra: str
) -> None:
    changes = page_changes(list_page(lead_in, entries), list_page(lead_in, [entries[0], extra, entries[1]]))
    (change,) = [c for c in changes if c.kind == "added"]
    assert_alert(change, "sharing")


def test_sentence_entry_that_states_its_own_flow_is_read_alone() -> None:
    """An added sentence that itself says data goes somewhere is no entry of the list: it is read
    on its own, not after the lead-in."""
    lead = "We may pass your details on to:"
    entries = [
        "Couriers who bring your parcel, so they can reach you at the door.",
        "Courts, when a judge orders it.",
    ]
    extra = "We never pass your details to anyone for their own marketing."
    changes = page_changes(list_page(lead, entries), list_page(lead, [*entries, extra]))
    (change,) = [c for c in changes if c.kind == "added"]
    assert "advertisers" not in str(change.facts)


# Spanish "seguro" is "insurance" as a noun after an article, "secure" as an adjective
@pytest.mark.parametrize(
    "text",
    [
        "Cedemos tus datos a compañías de seguros cuando lo solicitas.",
        "Tus datos pasan a la aseguradora que elijas cuando contratas un seguro de viaje.",
        "Si tienes el seguro con nosotros, informamos a tu corredor.",
    ],
)
def test_spanish_insurance_is_no_security_measure(text: str) -> None:
    assert "security" not in extract_facts(text, "es").categories


@pytest.mark.parametrize(
    "text",
    [
        "Guardamos tus datos en servidores seguros.",
        "Aplicamos medidas de seguridad adecuadas.",
        "Tratamos tu información de forma segura.",
    ],
)
def test_spanish_secure_is_still_security(text: str) -> None:
    assert "security" in extract_facts(text, "es").categories


def test_chinese_service_deleting_data_is_no_right_of_the_user() -> None:
    change = modified(
        "账户注销满六十天后，我们会对您的资料进行删除或去标识化处理。",
        "账户注销满六十天后，我们将删除您的资料或对其进行去标识化处理。",
        "zh",
    )
    assert_quiet(change)


def test_chinese_user_deleting_data_is_still_the_right_to_erasure() -> None:
    assert "erasure" in extract_facts("您可以随时在设置中删除您的个人信息。", "zh").rights


# "when the retention period ends" -> "when that period ends": the same period pointed back at
PERIOD_NAMED_AGAIN = [
    (
        "en",
        "We hold invoices only as long as tax law asks. Once the storage period is over, we erase them.",
        "We hold invoices only as long as tax law asks. Once that period is over, we erase them.",
    ),
    (
        "de",
        "Rechnungen bewahren wir gesetzeskonform auf. Nach Ende der Aufbewahrungsfrist löschen wir sie.",
        "Rechnungen bewahren wir gesetzeskonform auf. Nach Ende dieser Frist löschen wir sie.",
    ),
    (
        "fr",
        "Nous gardons les factures selon la loi. Au terme de la durée de conservation, nous les effaçons.",
        "Nous gardons les factures selon la loi. Au terme de cette durée, nous les effaçons.",
    ),
    (
        "es",
        "Guardamos las facturas mientras lo exija la ley. Al acabar el plazo de conservación, las borramos.",
        "Guardamos las facturas mientras lo exija la ley. Al acabar dicho plazo, las borramos.",
    ),
    (
        "da",
        "Vi gemmer fakturaer, så længe loven kræver det. Når opbevaringsperioden er forbi, sletter vi dem.",
        "Vi gemmer fakturaer, så længe loven kræver det. Når denne periode er forbi, sletter vi dem.",
    ),
    (
        "sv",
        "Vi sparar fakturor så länge skattelagen kräver det. När lagringstiden är slut raderar vi dem.",
        "Vi sparar fakturor så länge skattelagen kräver det. När denna tid är slut raderar vi dem.",
    ),
    (
        "no",
        "Vi oppbevarer fakturaer så lenge loven krever det. Når lagringstiden er over, sletter vi dem.",
        "Vi oppbevarer fakturaer så lenge loven krever det. Når denne perioden er over, sletter vi dem.",
    ),
    (
        "nl",
        "Wij bewaren facturen zolang de wet dat eist. Als de bewaartermijn voorbij is, wissen wij ze.",
        "Wij bewaren facturen zolang de wet dat eist. Als die termijn voorbij is, wissen wij ze.",
    ),
    (
        "hr",
        "Račune čuvamo dok to traži porezni zakon. Kad istekne rok čuvanja, brišemo ih.",
        "Račune čuvamo dok to traži porezni zakon. Kad istekne taj rok, brišemo ih.",
    ),
    (
        "sl",
        "Račune hranimo, dokler to zahteva davčni zakon. Ko se izteče rok hrambe, jih izbrišemo.",
        "Račune hranimo, dokler to zahteva davčni zakon. Ko se izteče ta rok, jih izbrišemo.",
    ),
    (
        "zh",
        "我们仅在税法要求的期间内保存发票。保存期限届满后，我们会将其删除。",
        "我们仅在税法要求的期间内保存发票。上述期限届满后，我们会将其删除。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), PERIOD_NAMED_AGAIN)
def test_period_named_again_by_pointing_back_is_no_new_term(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_period_pointed_back_at_with_a_new_length_still_alerts() -> None:
    change = modified(
        "We hold invoices for 6 years. Once the storage period is over, we erase them.",
        "We hold invoices for 10 years. Once that period is over, we erase them.",
    )
    assert_alert(change, "retention")


def test_period_pointed_back_at_while_keeping_is_added_still_alerts() -> None:
    change = modified(
        "We hold invoices only as long as tax law asks. Once the storage period is over, we erase them.",
        "We hold invoices only as long as tax law asks. Once that period is over, we keep them archived.",
    )
    assert change.material


# a number in Chinese characters, then its digits in brackets: that number, once
def test_chinese_number_with_its_digits_in_brackets_is_one_period() -> None:
    (duration,) = extract_facts("我们会在变更生效前二十（20）天通知您。", "zh").durations
    assert duration.days == 20


def test_chinese_notice_period_in_characters_and_digits_changed_alerts() -> None:
    change = modified(
        "我们会在新条款生效前十五（15）天告知您。", "我们会在新条款生效前七（7）天告知您。", "zh"
    )
    assert_alert(change, "changes")


def test_chinese_notice_period_with_digits_dropped_is_the_same() -> None:
    assert_quiet(
        modified("我们会在新条款生效前十五（15）天告知您。", "我们会在新条款生效前15天告知您。", "zh")
    )


def test_dutch_main_clause_notice_of_changes() -> None:
    change = modified(
        "Wij brengen je van aanpassingen op de hoogte, twee weken voor de ingangsdatum.",
        "Wij informeren je over aanpassingen twintig (20) dagen voordat ze ingaan.",
        "nl",
    )
    assert (
        "changes"
        in extract_facts(
            "Wij informeren je over aanpassingen twintig (20) dagen voordat ze ingaan.", "nl"
        ).categories
    )
    assert change.categories and "changes" in change.categories


# several kinds of data added to a collection list at once ("A, X, Y and B"): each new item counts
SEVERAL_ITEMS_ADDED = [
    (
        "en",
        "For deliveries we collect your street address and your phone number.",
        "For deliveries we collect your street address, your floor, your door code and your phone number.",
    ),
    (
        "de",
        "Für Lieferungen erheben wir Ihre Anschrift und Ihre Telefonnummer.",
        "Für Lieferungen erheben wir Ihre Anschrift, Ihren Türcode, Ihre Etage und Ihre Telefonnummer.",
    ),
    (
        "fr",
        "Pour les livraisons, nous collectons votre adresse et votre téléphone.",
        "Pour les livraisons, nous collectons votre adresse, votre digicode, votre étage et votre téléphone.",
    ),
    (
        "es",
        "Para las entregas recopilamos tu dirección y tu número de teléfono.",
        "Para las entregas recopilamos tu dirección, tu código de portal, tu planta y tu número de teléfono.",
    ),
    (
        "da",
        "Til leveringer indsamler vi din adresse og dit telefonnummer.",
        "Til leveringer indsamler vi din adresse, din dørkode, din etage og dit telefonnummer.",
    ),
    (
        "sv",
        "För leveranser samlar vi in din adress och ditt telefonnummer.",
        "För leveranser samlar vi in din adress, din portkod, din våning och ditt telefonnummer.",
    ),
    (
        "no",
        "For leveranser samler vi inn adressen din og telefonnummeret ditt.",
        "For leveranser samler vi inn adressen din, portkoden din, etasjen din og telefonnummeret ditt.",
    ),
    (
        "nl",
        "Voor leveringen verzamelen wij je adres en je telefoonnummer.",
        "Voor leveringen verzamelen wij je adres, je deurcode, je verdieping en je telefoonnummer.",
    ),
    (
        "hr",
        "Za dostavu prikupljamo vašu adresu i vaš broj telefona.",
        "Za dostavu prikupljamo vašu adresu, vaš kod ulaznih vrata, vaš kat i vaš broj telefona.",
    ),
    (
        "sl",
        "Za dostavo zbiramo vaš naslov in vašo telefonsko številko.",
        "Za dostavo zbiramo vaš naslov, vašo kodo vhodnih vrat, vaše nadstropje in vašo telefonsko številko.",
    ),
    (
        "zh",
        "为完成配送，我们会收集您的收货地址和电话号码。",
        "为完成配送，我们会收集您的收货地址、门禁密码、楼层和电话号码。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), SEVERAL_ITEMS_ADDED)
def test_several_items_added_to_a_collection_list_at_once(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")


@pytest.mark.parametrize(("language", "old", "new"), SEVERAL_ITEMS_ADDED)
def test_several_items_dropped_from_a_collection_list_at_once(language: str, old: str, new: str) -> None:
    assert modified(new, old, language).material


# a lead-in that lists reasons, not recipients: a sentence entry naming a party is no recipient
REASON_ENTRY_ADDED = [
    (
        "en",
        "We may close your account if any of these things happen:",
        ["you break these terms again and again,", "you do not pay for two months,"],
        "a court orders us to do so or the police ask us to, or",
    ),
    (
        "de",
        "Wir können Ihr Konto schließen, wenn einer dieser Fälle eintritt:",
        ["Sie verstoßen wiederholt gegen diese Bedingungen,", "Sie zahlen zwei Monate lang nicht,"],
        "ein Gericht ordnet es an oder die Polizei verlangt es von uns, oder",
    ),
    (
        "es",
        "Podemos cerrar tu cuenta si ocurre alguna de estas situaciones:",
        ["incumples estas condiciones de forma reiterada,", "no pagas durante dos meses,"],
        "un juez nos lo ordena o la policía nos lo pide, o",
    ),
    (
        "da",
        "Vi kan lukke din konto, hvis et af disse forhold indtræffer:",
        ["du gentagne gange overtræder disse vilkår,", "du ikke betaler i to måneder,"],
        "en domstol pålægger os det, eller politiet beder os om det, eller",
    ),
    (
        "zh",
        "发生以下任一情形时，我们可能关闭您的账号：",
        ["您多次违反本条款；", "您连续两个月未付款；"],
        "法院命令我们这样做，或警方要求我们这样做；",
    ),
]


@pytest.mark.parametrize(
    ("language", "lead_in", "entries", "extra"), REASON_ENTRY_ADDED, ids=lambda c: str(c)[:2]
)
def test_sentence_entry_under_a_lead_in_of_reasons_is_no_recipient(
    language: str, lead_in: str, entries: list[str], extra: str
) -> None:
    changes = page_changes(list_page(lead_in, entries), list_page(lead_in, [*entries, extra]))
    (change,) = [c for c in changes if c.kind == "added"]
    assert "sharing" not in (change.categories if change.material else [])


# a heading or sentence about changes to "this statement" / "these terms": about changes to the policy
CHANGES_TO_THE_STATEMENT = [
    ("da", "Ændringer af denne erklæring"),
    ("da", "Vi kan til enhver tid ændre denne privatlivserklæring."),
    ("no", "Endringer i denne erklæringen"),
    ("no", "Endringer i disse vilkårene"),
    ("no", "Vi kan oppdatere vilkårene ved behov."),
    ("fr", "Modifications de la présente déclaration"),
    ("fr", "Nous pouvons modifier la présente politique à tout moment."),
]


@pytest.mark.parametrize(("language", "text"), CHANGES_TO_THE_STATEMENT)
def test_changes_to_the_statement_or_terms_are_about_changes(language: str, text: str) -> None:
    assert "changes" in extract_facts(text, language).categories


# a choice closed by "or not" taken out after a label ("Statistics, whether you are signed in or
# not: ..."): its comma-separated pieces are the two sides of a choice, not items of a list of data
OR_NOT_CHOICE_DROPPED = [
    ("en", "Usage figures, per page, whether you log in or not: we collect the pages you open."),
    ("de", "Nutzungszahlen, pro Seite, ob Sie eingeloggt sind oder nicht: Wir erheben, was Sie öffnen."),
    ("da", "Brugstal, pr. side, om du logger på eller ej: vi indsamler de sider, du åbner."),
    ("nl", "Gebruikscijfers, per pagina, of je inlogt of niet: wij verzamelen de pagina's die je opent."),
]


@pytest.mark.parametrize(("language", "old"), OR_NOT_CHOICE_DROPPED)
def test_a_choice_closed_by_or_not_is_no_list_of_items(language: str, old: str) -> None:
    new = old.split(",", 1)[0] + ":" + old.split(":", 1)[1]
    assert_quiet(modified(old, new, language))
