"""A lead-in that says data goes somewhere and names no one ("The recipients of your data are:",
"Ihre Daten erhalten:") lists the parties: an entry added there or dropped is a recipient even when
the lexicon does not know the party ("our regional branches", "unsere Ortsgruppen"). A lead-in that
names its recipient lists what is shared, and an entry under a lead-in that moves no data stays
quiet."""

from __future__ import annotations

import pytest
from engine_checks import list_page, page_changes


def _page(lead_in: str, entries: list[str]) -> bytes:
    return list_page(lead_in, entries, heading="Recipients", title="Privacy")


PARTIES = [
    (
        "en",
        "The recipients of your data are:",
        ["the bank you pay with", "the printing house"],
        "our regional branches",
    ),
    ("de", "Wir geben Ihre Daten weiter an:", ["die Hausbank", "die Druckerei"], "unsere Ortsgruppen"),
    ("fr", "Nous partageons vos données avec :", ["la banque", "l'imprimerie"], "nos antennes régionales"),
    ("es", "Compartimos sus datos con:", ["el banco", "la imprenta"], "nuestras delegaciones"),
    ("sv", "Vi delar dina uppgifter med:", ["banken", "tryckeriet"], "våra lokalavdelningar"),
]


@pytest.mark.parametrize(("language", "lead_in", "entries", "extra"), PARTIES, ids=lambda c: str(c)[:2])
def test_an_unknown_party_added_under_a_recipients_lead_in_alerts(
    language: str, lead_in: str, entries: list[str], extra: str
) -> None:
    (change,) = page_changes(_page(lead_in, entries), _page(lead_in, [*entries, extra]))
    assert change.kind == "added"
    assert change.material and "sharing" in change.categories, change
    assert extra in change.explanation, change


def test_an_unknown_party_dropped_from_a_recipients_list_alerts() -> None:
    lead_in = "The recipients of your data are:"
    entries = ["the bank you pay with", "the printing house", "our regional branches"]
    (change,) = page_changes(_page(lead_in, entries), _page(lead_in, entries[:2]))
    assert change.material and "sharing" in change.categories, change


def test_an_entry_under_a_lead_in_that_names_its_recipient_is_no_recipient() -> None:
    lead_in = "We share the following with our partners:"
    (change,) = page_changes(
        _page(lead_in, ["your first name", "your city"]),
        _page(lead_in, ["your first name", "your favourite club", "your city"]),
    )
    assert "Added to the recipients" not in change.explanation, change
