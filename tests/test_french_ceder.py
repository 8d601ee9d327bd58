"""French "céder vos données" / "la cession de vos données" (handing data over to another company)
is sharing, as Spanish "ceder" / "cesión" already was: a promise not to do it dropped, or an
exception added to it, alerts."""

from __future__ import annotations

from engine_checks import assert_alert, assert_quiet, modified


def test_a_promise_not_to_cede_data_dropped_alerts() -> None:
    change = modified(
        "Le club ne cède jamais la liste de ses adhérents à des tiers.",
        "Le club peut céder la liste de ses adhérents à des tiers.",
        "fr",
    )
    assert_alert(change, "sharing")


def test_an_exception_to_a_promise_not_to_cede_alerts() -> None:
    change = modified(
        "Nous ne cédons pas vos coordonnées.",
        "Nous ne cédons pas vos coordonnées, sauf à nos partenaires publicitaires.",
        "fr",
    )
    assert_alert(change, "sharing")


def test_acceder_is_no_cession() -> None:
    assert_quiet(
        modified(
            "Vous pouvez accéder à votre historique de commandes.",
            "Vous pouvez accéder à tout moment à votre historique de commandes.",
            "fr",
        )
    )
