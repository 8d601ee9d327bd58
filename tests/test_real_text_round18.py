"""Patterns from a held-out check on fresh Norwegian, Dutch, Croatian, Slovenian and Chinese
policy text (issue 10, round 18), each stated in new sentences in every language it applies to:
what exercising a right costs read as a term about rights ("requests are free" -> "each request
costs a fee"), "without charge" said with a negator that rules nothing out, "we inform you that …"
as a plain preface and not a promise to announce changes, a tracking pixel named by its English
product name, "不影响" -> "不会影响" as the same negation, and a Chinese sentence opener
("例如，我们…") that is no list item."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, list_page, modified, page_changes

# (language, a request said to be free with a fee only for repeats, every request said to cost a fee)
FEES = [
    (
        "en",
        "Submitting a request is free of charge, but we may charge a reasonable fee for repeated requests.",
        "We may charge a reasonable fee for each request.",
    ),
    (
        "de",
        "Ein Antrag ist kostenlos, bei wiederholten Anträgen können wir jedoch "
        "eine Gebühr von 10 Euro verlangen.",
        "Für jeden Antrag können wir eine Gebühr von 10 Euro verlangen.",
    ),
    (
        "fr",
        "Toute demande est gratuite, mais nous pouvons exiger le paiement de frais raisonnables pour les "
        "demandes répétées.",
        "Nous pouvons exiger le paiement de frais raisonnables pour chaque demande.",
    ),
    (
        "es",
        "Cada solicitud es gratuita, pero podemos cobrar una tarifa razonable por las solicitudes repetidas.",
        "Podemos cobrar una tarifa razonable por cada solicitud.",
    ),
    (
        "da",
        "Det er gratis at sende en anmodning, men vi kan opkræve et rimeligt gebyr for gentagne anmodninger.",
        "Vi kan opkræve et rimeligt gebyr for hver anmodning.",
    ),
    (
        "sv",
        "Det är kostnadsfritt att skicka en begäran, men vi kan ta ut en rimlig avgift "
        "för upprepade begäranden.",
        "Vi kan ta ut en rimlig avgift för varje begäran.",
    ),
    (
        "no",
        "Det er gratis å sende en forespørsel, men vi kan kreve et rimelig gebyr for gjentatte forespørsler.",
        "Vi kan kreve et rimelig gebyr for hver forespørsel.",
    ),
    (
        "nl",
        "Een verzoek indienen is gratis, maar voor herhaalde verzoeken kunnen wij "
        "een redelijke vergoeding vragen.",
        "Voor elk verzoek kunnen wij een redelijke vergoeding vragen.",
    ),
    (
        "hr",
        "Zahtjevi su besplatni, ali za ponovljene zahtjeve možemo naplatiti razumnu naknadu.",
        "Za svaki zahtjev možemo naplatiti razumnu naknadu.",
    ),
    (
        "sl",
        "Zahteve so brezplačne, za ponavljajoče se zahteve pa lahko zaračunamo razumno pristojbino.",
        "Za vsako zahtevo lahko zaračunamo razumno pristojbino.",
    ),
    (
        "zh",
        "提交请求是免费的, 但对重复提交的请求, 我们可能收取合理的费用。",
        "对每一项请求, 我们都可能收取合理的费用。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), FEES)
def test_a_fee_for_every_request_takes_away_free_requests(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "rights")


# (language, a request said to be free, the same said as "without charge" with a negator)
FREE_SAID_OTHERWISE = [
    ("en", "Requests are free of charge.", "Requests are handled without any charge."),
    ("de", "Anträge sind kostenlos.", "Anträge sind ohne Kosten."),
    ("fr", "Les demandes sont gratuites.", "Les demandes sont traitées sans frais."),
    ("es", "Las solicitudes son gratuitas.", "Las solicitudes se tramitan sin coste."),
    ("da", "Anmodninger er gratis.", "Anmodninger behandles uden omkostninger."),
    ("sv", "En begäran är kostnadsfri.", "En begäran hanteras utan kostnad."),
    ("no", "En forespørsel er gratis.", "En forespørsel behandles uten kostnad."),
    ("nl", "Een verzoek is gratis.", "Een verzoek is zonder kosten."),
    ("hr", "Zahtjevi su besplatni.", "Zahtjevi su bez naknade."),
    ("sl", "Zahteve so brezplačne.", "Zahteve so brez plačila."),
    ("zh", "提交请求是免费的。", "提交请求不收取任何费用。"),
]


@pytest.mark.parametrize(("language", "old", "new"), FREE_SAID_OTHERWISE)
def test_without_charge_is_free_of_charge_said_otherwise(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


# (language, "we would like to inform you that …", the same preface in other words)
INFORM_PREFACES = [
    (
        "en",
        "We would like to inform you that this website uses cookies.",
        "Please note that this website uses cookies.",
    ),
    (
        "de",
        "Hiermit informieren wir Sie, dass diese Website Cookies verwendet.",
        "Bitte beachten Sie, dass diese Website Cookies verwendet.",
    ),
    (
        "fr",
        "Nous souhaitons vous informer que ce site utilise des cookies.",
        "Veuillez noter que ce site utilise des cookies.",
    ),
    (
        "es",
        "Le informamos de que este sitio web utiliza cookies.",
        "Tenga en cuenta que este sitio web utiliza cookies.",
    ),
    (
        "da",
        "Vi vil gerne informere dig om, at hjemmesiden bruger cookies.",
        "Bemærk, at hjemmesiden bruger cookies.",
    ),
    (
        "sv",
        "Vi vill informera dig om att webbplatsen använder cookies.",
        "Observera att webbplatsen använder cookies.",
    ),
    (
        "no",
        "Vi vil informere deg om at nettstedet bruker informasjonskapsler.",
        "Vi gjør deg oppmerksom på at nettstedet bruker informasjonskapsler.",
    ),
    (
        "nl",
        "Hierbij informeren wij u dat deze website cookies gebruikt.",
        "Wij laten u hierbij weten dat deze website cookies gebruikt.",
    ),
    (
        "hr",
        "Želimo vas obavijestiti da na ovoj stranici koristimo kolačiće.",
        "Obavještavamo vas da na ovoj stranici koristimo kolačiće.",
    ),
    (
        "sl",
        "Želimo vas obvestiti, da na tej strani uporabljamo piškotke.",
        "Obveščamo vas, da na tej strani uporabljamo piškotke.",
    ),
    (
        "sl",
        "Radi bi obvestili uporabnike, da na tej strani uporabljamo piškotke.",
        "Uporabnike obveščamo, da na tej strani uporabljamo piškotke.",
    ),
    ("zh", "特此通知您, 本网站使用Cookie。", "特此告知您, 本网站使用Cookie。"),
]


@pytest.mark.parametrize(("language", "old", "new"), INFORM_PREFACES)
def test_informing_you_that_is_no_notice_of_changes(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


# (language, a promise to tell users of changes, the promise gone): still an alert
NOTICE_DROPPED = [
    (
        "de",
        "Über Änderungen dieser Datenschutzerklärung informieren wir Sie vorab per E-Mail.",
        "Änderungen dieser Datenschutzerklärung gelten ab ihrer Veröffentlichung.",
    ),
    (
        "fr",
        "En cas de modification de cette politique, nous allons vous informer par e-mail.",
        "Cette politique peut être modifiée à tout moment.",
    ),
    (
        "da",
        "Ved ændringer i denne politik vil vi informere dig via e-mail.",
        "Denne politik kan ændres til enhver tid.",
    ),
    (
        "sv",
        "Vid ändringar av denna policy kommer vi att informera dig via e-post.",
        "Denna policy kan ändras när som helst.",
    ),
    (
        "no",
        "Ved endringer i denne erklæringen vil vi varsle deg på e-post.",
        "Denne erklæringen kan endres når som helst.",
    ),
    (
        "nl",
        "Bij wijzigingen van deze verklaring informeren wij u per e-mail.",
        "Deze verklaring kan op elk moment worden gewijzigd.",
    ),
    (
        "hr",
        "O izmjenama ove Izjave obavijestit ćemo vas e-poštom.",
        "Ova Izjava može se izmijeniti u bilo kojem trenutku.",
    ),
    (
        "sl",
        "O spremembah tega pravilnika bomo obvestili uporabnike po e-pošti.",
        "Ta pravilnik se lahko kadar koli spremeni.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), NOTICE_DROPPED)
def test_a_dropped_notice_of_changes_still_alerts(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "changes")


# (language, the lead-in of a list of tracking services, "more information" in the language)
PIXEL_LISTS = [
    ("en", "The following partners provide us with user tracking services:", "more information"),
    ("es", "Los siguientes socios nos prestan servicios de seguimiento de usuarios:", "más información"),
    ("no", "Følgende partnere leverer sporingstjenester til oss:", "mer informasjon"),
    ("hr", "Usluge praćenja korisnika pružaju nam sljedeći partneri:", "više informacija"),
    ("sl", "Storitve sledenja uporabnikom nam zagotavljajo naslednji partnerji:", "več informacij"),
    ("zh", "以下合作伙伴为我们提供用户跟踪服务：", "更多信息"),
]


@pytest.mark.parametrize(("language", "lead_in", "more"), PIXEL_LISTS)
def test_a_tracking_pixel_named_by_its_product_name_is_tracking(
    language: str, lead_in: str, more: str
) -> None:
    entries = [f"Google Analytics ({more}: https://analytics.example.com)"]
    grown = [*entries, f"TikTok Pixel ({more}: https://pixel.example.com)"]
    changes = page_changes(list_page(lead_in, entries), list_page(lead_in, grown))
    assert any(c.material and "tracking" in c.categories for c in changes), changes


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("如您拒绝授权相机权限, 不影响您浏览商品。", "如您拒绝授权相机权限, 不会影响您浏览商品。"),
        ("拒绝提供通讯录, 且不影响其他功能的正常使用。", "拒绝提供通讯录, 且不会影响其他功能的正常使用。"),
        ("拒絕提供位置資訊, 不影響您使用其他功能。", "拒絕提供位置資訊, 不會影響您使用其他功能。"),
    ],
)
def test_chinese_not_with_will_is_the_same_negation(old: str, new: str) -> None:
    assert_quiet(modified(old, new, "zh"))


def test_chinese_negation_taken_away_still_alerts() -> None:
    assert_alert(modified("我们不会出售您的个人信息。", "我们会出售您的个人信息。", "zh"), "sharing")


@pytest.mark.parametrize("opener", ["例如", "比如"])
def test_chinese_for_example_before_we_is_no_list_item(opener: str) -> None:
    old = "我们会使用加密技术保护您的账户信息。"
    assert_quiet(modified(old, f"{opener}, {old}", "zh"))


def test_chinese_item_added_to_a_list_still_alerts() -> None:
    change = modified("我们收集您的姓名、电话号码。", "我们收集您的姓名、电话号码、精确位置信息。", "zh")
    assert_alert(change, "collection")
