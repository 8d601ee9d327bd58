"""German plural country names take a dative -n after "in den" ("in den Niederlanden", "in den
Vereinigten Arabischen Emiraten"): a form the CLDR names do not match, so a destination added so
was quiet."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.facts import extract_facts


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Unsere Backups liegen auf Servern in den Niederlanden.", "Netherlands"),
        ("Tickets speichern wir in den Vereinigten Arabischen Emiraten.", "United Arab Emirates"),
    ],
)
def test_the_dative_form_names_the_country(text: str, place: str) -> None:
    assert place in extract_facts(text, "de").places


def test_a_plural_named_country_added_is_a_new_destination() -> None:
    assert_alert(
        modified(
            "Unsere Backups liegen auf Servern in Österreich.",
            "Unsere Backups liegen auf Servern in Österreich und den Niederlanden.",
            language="de",
        ),
        "transfer",
    )


def test_the_same_country_in_another_case_stays_quiet() -> None:
    assert_quiet(
        modified(
            "Kopien Ihrer Tickets speichern wir in den Niederlanden.",
            "Kopien Ihrer Tickets werden von uns in den Niederlanden gespeichert.",
            language="de",
        )
    )
