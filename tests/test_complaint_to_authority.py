"""The right to complain goes to a supervisory authority; a complaint sent to the service itself
("file a complaint with us") is customer service. A complaint re-addressed from the authority to
the service drops the right, in every language."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

READDRESSED = [
    (
        "en",
        "Customers may lodge a complaint with the data protection authority in their country.",
        "Customers may lodge a complaint with us.",
    ),
    (
        "fr",
        "Les clients peuvent introduire une réclamation auprès de l'autorité de contrôle.",
        "Les clients peuvent nous adresser une réclamation.",
    ),
    (
        "es",
        "Los clientes pueden presentar una reclamación ante la autoridad de control.",
        "Los clientes pueden presentarnos una reclamación.",
    ),
    (
        "nl",
        "Klanten kunnen een klacht indienen bij de toezichthoudende autoriteit.",
        "Klanten kunnen een klacht bij ons indienen.",
    ),
    ("sv", "Kunder kan lämna klagomål till tillsynsmyndigheten.", "Kunder kan lämna klagomål till oss."),
    ("sl", "Stranke lahko vložijo pritožbo pri nadzornem organu.", "Stranke lahko vložijo pritožbo pri nas."),
]


@pytest.mark.parametrize(("language", "old", "new"), READDRESSED, ids=[c[0] for c in READDRESSED])
def test_a_complaint_readdressed_to_the_service_drops_the_right(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "rights", "high")
    assert "supervisory authority" in change.explanation, change.explanation


def test_a_complaint_to_the_service_said_otherwise_stays_quiet() -> None:
    old, new = "You may file a complaint with us by e-mail.", "You may make a complaint to us by e-mail."
    assert_quiet(modified(old, new))
