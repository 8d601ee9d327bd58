"""An entry of a list whose lead-in says what cookies are used for ("We use cookies to run our
services, for example:") that loses or gains a use ("Showing products you may like, including
ads on our pages when ..." -> "Showing products you may like"): the entry alone names no data, so
it is read after its lead-in on each side and the use dropped (or added) is a material change, in
every language. The same entry re-worded with no use gained or lost stays quiet."""

from __future__ import annotations

import pytest
from engine_checks import list_page, page_changes

# (language, heading, lead-in, other entries, entry with an advertising use, without it, re-worded)
CASES = [
    (
        "en",
        "Cookies",
        "We use cookies to run our services, for example:",
        ("Keeping you signed in.", "Detecting fraudulent log-ins."),
        "Showing products you may like, including ads on our pages when they concern items from our shop.",
        "Showing products you may like.",
        "Showing products you might like.",
    ),
    (
        "de",
        "Cookies",
        "Wir verwenden Cookies, um unsere Dienste zu betreiben, zum Beispiel:",
        ("Damit Sie angemeldet bleiben.", "Erkennung betrügerischer Anmeldungen."),
        "Anzeige von Produkten, die Ihnen gefallen könnten, einschließlich Werbeanzeigen auf unseren Seiten,"
        " wenn sie Artikel aus unserem Shop betreffen.",
        "Anzeige von Produkten, die Ihnen gefallen könnten.",
        "Anzeige von Produkten, die Ihnen gefallen dürften.",
    ),
    (
        "fr",
        "Cookies",
        "Nous utilisons des cookies pour faire fonctionner nos services, par exemple :",
        ("Vous garder connecté.", "Détecter les connexions frauduleuses."),
        "Afficher des produits susceptibles de vous plaire, y compris des publicités sur nos pages"
        " lorsqu'elles"
        " concernent des articles de notre boutique.",
        "Afficher des produits susceptibles de vous plaire.",
        "Afficher des produits qui pourraient vous plaire.",
    ),
    (
        "es",
        "Cookies",
        "Utilizamos cookies para prestar nuestros servicios, por ejemplo:",
        ("Mantener su sesión iniciada.", "Detectar inicios de sesión fraudulentos."),
        "Mostrar productos que puedan gustarle, incluidos anuncios en nuestras páginas cuando se refieran a"
        " artículos de nuestra tienda.",
        "Mostrar productos que puedan gustarle.",
        "Mostrar productos que quizá le gusten.",
    ),
    (
        "da",
        "Cookies",
        "Vi bruger cookies til at drive vores tjenester, for eksempel:",
        ("At holde dig logget ind.", "At opdage svigagtige login."),
        "At vise produkter, du måske kan lide, herunder annoncer på vores sider, når de vedrører varer fra"
        " vores"
        " butik.",
        "At vise produkter, du måske kan lide.",
        "At vise produkter, som du måske synes om.",
    ),
    (
        "sv",
        "Kakor",
        "Vi använder kakor för att driva våra tjänster, till exempel:",
        ("Hålla dig inloggad.", "Upptäcka bedrägliga inloggningar."),
        "Visa produkter som du kanske gillar, inklusive annonser på våra sidor när de gäller varor från"
        " vår butik.",
        "Visa produkter som du kanske gillar.",
        "Visa produkter som du möjligen gillar.",
    ),
    (
        "no",
        "Informasjonskapsler",
        "Vi bruker informasjonskapsler for å drive tjenestene våre, for eksempel:",
        ("Holde deg pålogget.", "Oppdage uredelige pålogginger."),
        "Vise produkter du kanskje liker, inkludert annonser på sidene våre når de gjelder varer fra"
        " butikken vår.",
        "Vise produkter du kanskje liker.",
        "Vise produkter du muligens liker.",
    ),
    (
        "nl",
        "Cookies",
        "Wij gebruiken cookies om onze diensten te leveren, bijvoorbeeld:",
        ("U ingelogd te houden.", "Frauduleuze aanmeldingen op te sporen."),
        "Producten tonen die u misschien leuk vindt, inclusief advertenties op onze pagina's wanneer die"
        " artikelen"
        " uit onze winkel betreffen.",
        "Producten tonen die u misschien leuk vindt.",
        "Producten tonen die u wellicht leuk vindt.",
    ),
    (
        "hr",
        "Kolačići",
        "Kolačiće koristimo za pružanje naših usluga, na primjer:",
        ("Održavanje vaše prijave.", "Otkrivanje prijevarnih prijava."),
        "Prikazivanje proizvoda koji bi vam se mogli svidjeti, uključujući reklame na našim stranicama"
        " kada se"
        " odnose na artikle iz naše trgovine.",
        "Prikazivanje proizvoda koji bi vam se mogli svidjeti.",
        "Prikazivanje proizvoda koji bi vam se možda svidjeli.",
    ),
    (
        "sl",
        "Piškotki",
        "Piškotke uporabljamo za izvajanje naših storitev, na primer:",
        ("Ohranjanje vaše prijave.", "Odkrivanje goljufivih prijav."),
        "Prikazovanje izdelkov, ki bi vam bili lahko všeč, vključno z reklamami na naših straneh, kadar se"
        " nanašajo na izdelke iz naše trgovine.",
        "Prikazovanje izdelkov, ki bi vam bili lahko všeč.",
        "Prikazovanje izdelkov, ki bi vam morda bili všeč.",
    ),
    (
        "zh",
        "Cookie",
        "我们使用Cookie来运营我们的服务，例如：",
        ("让您保持登录状态。", "发现欺诈性登录。"),
        "向您展示您可能喜欢的商品，包括在我们页面上展示的与本店商品有关的广告。",
        "向您展示您可能喜欢的商品。",
        "向您展示您或许喜欢的商品。",
    ),
]


def _page(heading: str, lead_in: str, others: tuple[str, str], entry: str) -> bytes:
    return list_page(lead_in, [others[0], entry, others[1]], heading, heading)


def _alerts_on_purpose(old: bytes, new: bytes) -> bool:
    return any(c.material and "purpose" in c.categories for c in page_changes(old, new))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_a_use_dropped_from_a_list_entry_alerts(case: tuple) -> None:
    _, heading, lead_in, others, with_ads, without, _ = case
    old, new = _page(heading, lead_in, others, with_ads), _page(heading, lead_in, others, without)
    assert _alerts_on_purpose(old, new), page_changes(old, new)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_a_use_added_to_a_list_entry_alerts(case: tuple) -> None:
    _, heading, lead_in, others, with_ads, without, _ = case
    old, new = _page(heading, lead_in, others, without), _page(heading, lead_in, others, with_ads)
    assert _alerts_on_purpose(old, new), page_changes(old, new)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_a_list_entry_reworded_stays_quiet(case: tuple) -> None:
    _, heading, lead_in, others, _, without, reworded = case
    changes = page_changes(
        _page(heading, lead_in, others, without), _page(heading, lead_in, others, reworded)
    )
    assert not any(c.material for c in changes), changes


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_a_use_dropped_from_an_entry_under_cookies_is_a_tracking_change(case: tuple) -> None:
    """Whether the entry alone already names the use (advertising) or only the lead-in makes it
    one, what the cookies are used for changed: the alert is filed under tracking too."""
    _, heading, lead_in, others, with_ads, without, _ = case
    old, new = _page(heading, lead_in, others, with_ads), _page(heading, lead_in, others, without)
    assert any(c.material and "tracking" in c.categories for c in page_changes(old, new)), page_changes(
        old, new
    )
