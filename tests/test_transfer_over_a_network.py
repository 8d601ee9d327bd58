"""In Swedish, Danish and Norwegian "överföra"/"overføre" is any transfer, over a network too
("överförs krypterat": sent encrypted): only a transfer abroad ("utanför EU", a named country) is a
transfer term. A country added to where data goes still alerts as a transfer."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

from monitor.engine.facts import extract_facts

OVER_A_NETWORK = [
    ("sv", "Dina betalningsuppgifter överförs alltid krypterat till banken."),
    ("da", "Dine betalingsoplysninger overføres altid krypteret til banken."),
    ("no", "Betalingsopplysningene dine overføres alltid kryptert til banken."),
]


@pytest.mark.parametrize(("language", "text"), OVER_A_NETWORK, ids=[c[0] for c in OVER_A_NETWORK])
def test_a_transfer_over_a_network_is_no_transfer_abroad(language: str, text: str) -> None:
    assert "transfer" not in extract_facts(text, language).categories


ABROAD = [
    ("sv", "Vi överför inte dina uppgifter utanför EU.", "Vi överför dina uppgifter utanför EU."),
    (
        "da",
        "Vi overfører dine oplysninger til Tyskland.",
        "Vi overfører dine oplysninger til Tyskland og Indien.",
    ),
    (
        "no",
        "Vi overfører ikke opplysningene dine til utlandet.",
        "Vi overfører opplysningene dine til utlandet.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), ABROAD, ids=[c[0] for c in ABROAD])
def test_a_transfer_abroad_still_alerts(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "transfer", "high")
