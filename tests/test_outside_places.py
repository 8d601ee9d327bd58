"""Data kept "outside the EU" is not kept in the EU: a place named after a word for "outside"
(before it, in Chinese) is where data stays out of, kept as its own place ("outside EU/EEA"), so
moving storage from inside a region to outside it is a new destination, in every language."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.facts import extract_facts

INSIDE_TO_OUTSIDE = [
    (
        "en",
        "Your photos are hosted on servers in the EU.",
        "Your photos are hosted on servers outside the EU.",
    ),
    (
        "de",
        "Ihre Fotos werden auf Servern in der EU gespeichert.",
        "Ihre Fotos werden auf Servern außerhalb der EU gespeichert.",
    ),
    (
        "fr",
        "Vos photos sont hébergées sur des serveurs situés dans l'Union européenne.",
        "Vos photos sont hébergées sur des serveurs situés en dehors de l'Union européenne.",
    ),
    (
        "es",
        "Sus fotos se alojan en servidores situados en la UE.",
        "Sus fotos se alojan en servidores situados fuera de la UE.",
    ),
    ("da", "Dine billeder opbevares på servere i EU.", "Dine billeder opbevares på servere uden for EU."),
    ("sv", "Dina bilder lagras på servrar inom EU.", "Dina bilder lagras på servrar utanför EU."),
    ("no", "Bildene dine lagres på servere i EU.", "Bildene dine lagres på servere utenfor EU."),
    (
        "nl",
        "Uw foto's worden opgeslagen op servers in de EU.",
        "Uw foto's worden opgeslagen op servers buiten de EU.",
    ),
    (
        "hr",
        "Vaše fotografije pohranjujemo na poslužiteljima u EU.",
        "Vaše fotografije pohranjujemo na poslužiteljima izvan EU.",
    ),
    (
        "sl",
        "Vaše fotografije hranimo na strežnikih v EU.",
        "Vaše fotografije hranimo na strežnikih zunaj EU.",
    ),
    ("zh", "您的照片存储在中国境内的服务器上。", "您的照片存储在中国境外的服务器上。"),
]


@pytest.mark.parametrize(("language", "old", "new"), INSIDE_TO_OUTSIDE, ids=[c[0] for c in INSIDE_TO_OUTSIDE])
def test_storage_moved_out_of_a_region_is_a_new_destination(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "transfer", "high")
    assert "outside" in change.explanation


def test_the_region_outside_which_data_goes_is_kept_apart_from_places_it_goes_to() -> None:
    text = "We may send your order history to countries outside the EEA, such as Canada."
    facts = extract_facts(text, "en")
    assert {"outside EU/EEA", "Canada"} <= facts.places
    assert "EU/EEA" not in facts.places


def test_outside_a_region_named_two_ways_is_the_same_place() -> None:
    assert_quiet(
        modified(
            "Support tickets may be read by staff outside the EEA.",
            "Support tickets may be read by staff outside the European Economic Area.",
        )
    )


def test_a_country_added_after_outside_the_region_is_named_alone() -> None:
    change = modified(
        "Backups may be kept outside the EU, for example in Canada.",
        "Backups may be kept outside the EU, for example in Canada or Brazil.",
    )
    assert_alert(change, "transfer")
    assert "Brazil" in change.explanation and "outside" not in change.explanation


def test_outside_your_own_country_names_no_region() -> None:
    """'outside your country' says abroad, as it did before; the words after it name no place."""
    facts = extract_facts("We may transfer your messages to servers outside your country.", "en")
    assert not any(place.startswith("outside ") for place in facts.places)
