"""Data passed to "advertising networks" ("oglaševalska omrežja" in Slovenian, "oglašivačke mreže"
in Croatian, "Werbenetzwerke"): a new recipient, the advertisers."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

AD_NETWORKS = [
    (
        "Podatke o obisku shranimo na naših strežnikih.",
        "Podatke o obisku shranimo na naših strežnikih in jih posredujemo oglaševalskim omrežjem.",
        "sl",
    ),
    (
        "Podatke o posjetu pohranjujemo na našim poslužiteljima.",
        "Podatke o posjetu pohranjujemo na našim poslužiteljima i prosljeđujemo ih oglašivačkim mrežama.",
        "hr",
    ),
    (
        "We store visit data on our servers.",
        "We store visit data on our servers and pass it to advertising networks.",
        "en",
    ),
    (
        "Wir speichern Besuchsdaten auf unseren Servern.",
        "Wir speichern Besuchsdaten auf unseren Servern und geben sie an Werbenetzwerke weiter.",
        "de",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), AD_NETWORKS)
def test_data_passed_to_advertising_networks_is_sharing(old: str, new: str, language: str) -> None:
    change = modified(old, new, language=language)
    assert_alert(change, "sharing")
    assert any(f.new == "advertisers" for f in change.facts)
