"""An entry added to or dropped from a bulleted list is read with the line that leads into it
("We hand your details to these companies:" then "Credit agencies"): a new recipient or a kind of
data collected, in every language. German writes every noun with a capital, so a one-word entry
("Gesundheitsdaten") is a kind of data, not a name."""

from __future__ import annotations

import pytest
from engine_checks import list_page, page_changes

RECIPIENT_ADDED = [
    (
        "en",
        "We hand your booking details to the following companies:",
        ["Hotels", "Airlines"],
        "Credit agencies",
    ),
    (
        "de",
        "Ihre Buchungsdaten übermitteln wir an folgende Unternehmen:",
        ["Hotels", "Fluggesellschaften"],
        "Werbepartner",
    ),
    (
        "fr",
        "Nous transmettons vos données de réservation aux sociétés suivantes :",
        ["Hôtels", "Compagnies aériennes"],
        "Partenaires publicitaires",
    ),
    (
        "es",
        "Comunicamos sus datos de reserva a las siguientes empresas:",
        ["Hoteles", "Aerolíneas"],
        "Aseguradoras",
    ),
]


@pytest.mark.parametrize(
    ("language", "lead_in", "entries", "extra"), RECIPIENT_ADDED, ids=lambda c: str(c)[:2]
)
def test_a_recipient_added_to_a_list_of_recipients_alerts(
    language: str, lead_in: str, entries: list[str], extra: str
) -> None:
    (change,) = page_changes(list_page(lead_in, entries), list_page(lead_in, [*entries, extra]))
    assert change.kind == "added"
    assert change.material and "sharing" in change.categories, change


def test_a_kind_of_data_added_to_a_german_list_is_collection() -> None:
    lead_in = "Folgende Daten verarbeiten wir:"
    (change,) = page_changes(
        list_page(lead_in, ["Name", "Anschrift"], "Welche Daten wir erheben"),
        list_page(lead_in, ["Name", "Anschrift", "Gesundheitsdaten"], "Welche Daten wir erheben"),
    )
    assert change.material and "collection" in change.categories, change


def test_the_users_own_detail_dropped_from_what_is_collected_is_collection() -> None:
    lead_in = "We collect these details when you sign up:"
    old = list_page(lead_in, ["Your name", "Mobile number", "Postcode"])
    (change,) = page_changes(old, list_page(lead_in, ["Your name", "Postcode"]))
    assert change.material and change.categories == ["collection"], change
    assert "Mobile number" in change.explanation


def test_an_entry_under_a_lead_in_that_moves_no_data_stays_quiet() -> None:
    lead_in = "Our offices are in these cities:"
    (change,) = page_changes(
        list_page(lead_in, ["Leeds", "Bristol"]), list_page(lead_in, ["Leeds", "Bristol", "Cardiff"])
    )
    assert not change.material, change
