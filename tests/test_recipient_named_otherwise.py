"""One name of a kind of party put for another name of the same kind ("payment service
providers" -> "payment providers", "Zahlungsdienstleister" -> "Zahlungsanbieter"): the same
parties get the data, so the edit stays quiet in every language; a party of another kind put in
their place still alerts."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

SAME_KIND = [
    (
        "Card payments are handled through trusted payment service providers.",
        "Card payments are handled through trusted payment providers.",
        "en",
    ),
    (
        "Kartenzahlungen wickeln wir über zuverlässige Zahlungsdienstleister ab.",
        "Kartenzahlungen wickeln wir über zuverlässige Zahlungsanbieter ab.",
        "de",
    ),
    (
        "Nous transmettons vos données de carte à nos prestataires de paiement.",
        "Nous transmettons vos données de carte à nos fournisseurs de paiement.",
        "fr",
    ),
    (
        "Los pagos con tarjeta se gestionan a través de proveedores de pago de confianza.",
        "Los pagos con tarjeta se gestionan a través de prestadores de pago de confianza.",
        "es",
    ),
    (
        "Kortbetalinger håndteres af pålidelige betalingstjenesteudbydere.",
        "Kortbetalinger håndteres af pålidelige betalingsudbydere.",
        "da",
    ),
    (
        "Kortbetalningar hanteras av pålitliga betaltjänstleverantörer.",
        "Kortbetalningar hanteras av pålitliga betalningsleverantörer.",
        "sv",
    ),
    (
        "Kortbetalinger håndteres av pålitelige betalingstjenesteleverandører.",
        "Kortbetalinger håndteres av pålitelige betalingsleverandører.",
        "no",
    ),
    (
        "Kaartbetalingen verlopen via betrouwbare betaaldienstverleners.",
        "Kaartbetalingen verlopen via betrouwbare betaalproviders.",
        "nl",
    ),
    (
        "Plaćanja karticom obrađuju pouzdani pružatelji platnih usluga.",
        "Plaćanja karticom obrađuju pouzdani davatelji platnih usluga.",
        "hr",
    ),
    (
        "Plačila s kartico obdelujejo zanesljivi ponudniki plačilnih storitev.",
        "Plačila s kartico obdelujejo zanesljivi izvajalci plačilnih storitev.",
        "sl",
    ),
    ("银行卡付款由可信的支付服务提供商处理。", "银行卡付款由可信的支付服务商处理。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), SAME_KIND)
def test_same_kind_of_party_named_otherwise_stays_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language=language))


OTHER_KIND = [
    (
        "Card payments are handled through trusted payment providers.",
        "Card payments are handled through trusted advertising partners.",
        "en",
    ),
    (
        "Wir geben Ihre Kartendaten an unsere Zahlungsanbieter weiter.",
        "Wir geben Ihre Kartendaten an unsere Werbepartner weiter.",
        "de",
    ),
    (
        "Nous transmettons vos données de carte à nos fournisseurs de paiement.",
        "Nous transmettons vos données de carte à nos partenaires publicitaires.",
        "fr",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), OTHER_KIND)
def test_party_of_another_kind_still_alerts(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language=language), "sharing")
