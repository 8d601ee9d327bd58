"""A data protection authority called by its own name ("Datainspektionen", the ICO, "Datenschutz-
behörde", the AEPD): turning to it is the right to complain, as "the supervisory authority" is,
so writing one name for the other (a renamed authority, a short form) stays quiet."""

from __future__ import annotations

import pytest
from engine_checks import assert_quiet, modified

from monitor.engine.facts import extract_facts

NAMED = [
    ("Questions may also be put to the Information Commissioner's Office.", "en"),
    ("Fragen können Sie auch an die Datenschutzbehörde richten.", "de"),
    ("Fragen können Sie auch an den Landesbeauftragten für Datenschutz richten.", "de"),
    ("Vous pouvez aussi écrire à l'autorité de protection des données.", "fr"),
    ("También puede escribir a la Agencia Española de Protección de Datos.", "es"),
    ("Du kan också vända dig till Datainspektionen.", "sv"),
    ("U kunt zich ook wenden tot het College bescherming persoonsgegevens.", "nl"),
]


@pytest.mark.parametrize(("text", "language"), NAMED)
def test_named_authority_is_the_right_to_complain(text: str, language: str) -> None:
    assert "complaint" in extract_facts(text, language).rights


RENAMED = [
    (
        "Questions may also be put to the ICO.",
        "Questions may also be put to the Information Commissioner's Office.",
        "en",
    ),
    (
        "Fragen können Sie auch an die Aufsichtsbehörde richten.",
        "Fragen können Sie auch an die Datenschutzbehörde richten.",
        "de",
    ),
    (
        "Vous pouvez aussi écrire à la CNIL.",
        "Vous pouvez aussi écrire à l'autorité de protection des données.",
        "fr",
    ),
    (
        "También puede escribir a la AEPD.",
        "También puede escribir a la Agencia Española de Protección de Datos.",
        "es",
    ),
    ("Du kan också vända dig till Datainspektionen.", "Du kan också vända dig till IMY.", "sv"),
]


@pytest.mark.parametrize(("old", "new", "language"), RENAMED)
def test_authority_renamed_stays_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language=language))
