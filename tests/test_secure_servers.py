"""Data kept "on a secure server" ("auf gesicherten Servern", "sur des serveurs sécurisés", "på
säkra servrar") names a safeguard: the word dropped, the promise goes. The same safeguard said
another way stays quiet."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

DROPPED = [
    (
        "Patient photos are stored on secure servers in Ireland.",
        "Patient photos are stored on servers in Ireland.",
        "en",
    ),
    (
        "Die Fotos werden auf gesicherten Servern in Frankfurt gespeichert.",
        "Die Fotos werden auf Servern in Frankfurt gespeichert.",
        "de",
    ),
    (
        "Les photos sont stockées sur des serveurs sécurisés à Lyon.",
        "Les photos sont stockées sur des serveurs à Lyon.",
        "fr",
    ),
    (
        "Las fotos se almacenan en servidores seguros en Madrid.",
        "Las fotos se almacenan en servidores en Madrid.",
        "es",
    ),
    ("Billederne opbevares på sikre servere i Aarhus.", "Billederne opbevares på servere i Aarhus.", "da"),
    ("Bilderna lagras på säkra servrar i Umeå.", "Bilderna lagras på servrar i Umeå.", "sv"),
    (
        "De foto's worden opgeslagen op beveiligde servers in Delft.",
        "De foto's worden opgeslagen op servers in Delft.",
        "nl",
    ),
    ("Bildene lagres på sikre servere i Bergen.", "Bildene lagres på servere i Bergen.", "no"),
]


@pytest.mark.parametrize(("old", "new", "language"), DROPPED)
def test_a_secure_server_dropped_alerts(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "security")


def test_a_secure_server_said_another_way_is_quiet() -> None:
    assert_quiet(
        modified(
            "Die Fotos werden auf gesicherten Servern in Frankfurt gespeichert.",
            "Die Fotos werden auf abgesicherten Servern in Frankfurt gespeichert.",
            "de",
        )
    )
