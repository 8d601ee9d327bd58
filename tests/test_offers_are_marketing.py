"""Sending the user offers ("Ihnen Angebote zuzusenden", "send you special offers", "enviarle
promociones", "skicka dig erbjudanden") is marketing: said as what data is used for, it is a
purpose, not a kind of data collected."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

ADDED = [
    (
        "Ihre E-Mail-Adresse nutzen wir, um Ihre Bestellung zu bestätigen.",
        "Ihre E-Mail-Adresse nutzen wir, um Ihre Bestellung zu bestätigen und Ihnen Angebote"
        " unseres Hofladens zuzusenden.",
        "de",
    ),
    (
        "We use your e-mail address to confirm your order.",
        "We use your e-mail address to confirm your order and to send you seasonal offers.",
        "en",
    ),
    (
        "Utilizamos su correo electrónico para confirmar su pedido.",
        "Utilizamos su correo electrónico para confirmar su pedido y enviarle nuestras promociones.",
        "es",
    ),
    (
        "Nous utilisons votre adresse e-mail pour confirmer votre commande.",
        "Nous utilisons votre adresse e-mail pour confirmer votre commande et vous envoyer nos offres.",
        "fr",
    ),
    (
        "Vi bruger din e-mailadresse til at bekræfte din ordre.",
        "Vi bruger din e-mailadresse til at bekræfte din ordre og sende dig gode tilbud.",
        "da",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), ADDED)
def test_offers_sent_to_the_user_are_a_marketing_purpose(old: str, new: str, language: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "purpose")
    assert "collection" not in change.categories, change
