""" "Samples are destroyed after six weeks" says how long something is kept, as "deleted after"
does: a new period there is a retention change in every language (the verb only: "protected
against loss or destruction" is a security risk, not an end of keeping)."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

LONGER = [
    ("Blood samples are destroyed after six weeks.", "Blood samples are destroyed after six months.", "en"),
    (
        "Die Blutproben werden nach sechs Wochen vernichtet.",
        "Die Blutproben werden nach sechs Monaten vernichtet.",
        "de",
    ),
    (
        "Les prélèvements sont détruits après six semaines.",
        "Les prélèvements sont détruits après six mois.",
        "fr",
    ),
    (
        "Las muestras de sangre se destruyen a las seis semanas.",
        "Las muestras de sangre se destruyen a los seis meses.",
        "es",
    ),
    ("Blodprøverne destrueres efter seks uger.", "Blodprøverne destrueres efter seks måneder.", "da"),
    ("Blodproverna förstörs efter sex veckor.", "Blodproverna förstörs efter sex månader.", "sv"),
    ("Blodprøvene destrueres etter seks uker.", "Blodprøvene destrueres etter seks måneder.", "no"),
    (
        "Bloedmonsters worden na zes weken vernietigd.",
        "Bloedmonsters worden na zes maanden vernietigd.",
        "nl",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), LONGER)
def test_a_new_period_before_destruction_is_a_retention_change(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language=language), "retention")


def test_destruction_as_a_security_risk_reworded_stays_quiet() -> None:
    assert_quiet(
        modified(
            "We guard your files against being lost, altered or destroyed by mistake.",
            "We guard your files against being lost, changed or destroyed by mistake.",
        )
    )
