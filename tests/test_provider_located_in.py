""" "Our hosting firm is based in Ireland" says where the data it keeps goes: a country added
there is a new transfer destination, and the sentence removed no longer names the place, in
every language."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

WIDER = [
    (
        "Our mailing provider is based in Ireland.",
        "Our mailing provider is based in Ireland and in the USA.",
        "en",
    ),
    (
        "Unser Mailingdienstleister sitzt in Irland.",
        "Unser Mailingdienstleister sitzt in Irland und in den USA.",
        "de",
    ),
    (
        "Notre prestataire d'envoi est établi en Irlande.",
        "Notre prestataire d'envoi est établi en Irlande et aux États-Unis.",
        "fr",
    ),
    (
        "Nuestro proveedor de envíos tiene su sede en Irlanda.",
        "Nuestro proveedor de envíos tiene su sede en Irlanda y en Estados Unidos.",
        "es",
    ),
    (
        "Vores databehandler er etableret i Irland.",
        "Vores databehandler er etableret i Irland og i USA.",
        "da",
    ),
    (
        "Vårt personuppgiftsbiträde har sitt säte i Irland.",
        "Vårt personuppgiftsbiträde har sitt säte i Irland och i USA.",
        "sv",
    ),
    ("Databehandleren vår er etablert i Irland.", "Databehandleren vår er etablert i Irland og i USA.", "no"),
]


@pytest.mark.parametrize(("old", "new", "language"), WIDER)
def test_a_country_added_where_a_provider_sits_is_a_transfer(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language=language), "transfer")


def test_the_provider_renamed_in_the_same_place_stays_quiet() -> None:
    assert_quiet(
        modified(
            "Our mailing provider Postbird is based in Ireland.",
            "Our mailing provider Sendly is based in Ireland.",
        )
    )
