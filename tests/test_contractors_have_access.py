"""Contractors who work for the company ("våra entreprenörer", "nuestros contratistas",
"unsere Auftragnehmer") receive the data as service providers do, and Swedish "har tillgång till
uppgifterna" says who can see the data as "åtkomst" does: access widened from "only staff" to
staff and contractors is a new recipient, in every language that says it so."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

WIDENED = [
    (
        "Endast lärare som undervisar eleven har tillgång till betygen.",
        "Lärare och våra entreprenörer har tillgång till betygen.",
        "sv",
    ),
    (
        "Kun trænere har adgang til dine træningsdata.",
        "Trænere og vores entreprenører har adgang til dine træningsdata.",
        "da",
    ),
    (
        "Bare lærere har tilgang til elevopplysningene.",
        "Lærere og våre entreprenører har tilgang til elevopplysningene.",
        "no",
    ),
    (
        "Solo el profesorado tiene acceso a las calificaciones.",
        "El profesorado y nuestros contratistas tienen acceso a las calificaciones.",
        "es",
    ),
    (
        "Alleen docenten hebben toegang tot de cijfers.",
        "Docenten en onze opdrachtnemers hebben toegang tot de cijfers.",
        "nl",
    ),
    (
        "Nur Lehrkräfte haben Zugriff auf die Noten.",
        "Lehrkräfte und unsere Auftragnehmer haben Zugriff auf die Noten.",
        "de",
    ),
    (
        "Only teachers have access to the grades.",
        "Teachers and our contractors have access to the grades.",
        "en",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), WIDENED)
def test_contractors_given_access_are_a_new_recipient(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "sharing")
