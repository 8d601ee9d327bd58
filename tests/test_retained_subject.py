"""An English retention change names what is kept ("Retention period for chat transcripts
lengthened ..."), when the sentence names one thing and one period; data in general, a sentence
with two periods, or another language keep the plain "Retention period ..."."""

from __future__ import annotations

import pytest
from engine_checks import modified, single

from monitor.engine.subject import retained_subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("We keep chat transcripts for 30 days.", "chat transcripts"),
        ("Delivery addresses are stored for 6 months after the order.", "delivery addresses"),
        ("We will retain your payment receipts for seven years.", "payment receipts"),
        ("We may keep copies of your uploads for up to 90 days.", "copies of your uploads"),
        ("We keep your personal data for 2 years.", None),  # data in general
        ("We keep it for 3 years.", None),
        ("We keep call logs for 30 days and invoices for 5 years.", None),  # whose period is which?
        ("Wir speichern Rechnungen für zehn Jahre.", None),
    ],
)
def test_what_a_retention_sentence_keeps(text: str, subject: str | None) -> None:
    assert retained_subject(text, "de" if text.startswith("Wir") else "en") == subject


def test_the_explanation_of_a_longer_period_names_what_is_kept() -> None:
    change = modified("We keep chat transcripts for 30 days.", "We keep chat transcripts for 2 years.")
    assert change.explanation == "Retention period for chat transcripts lengthened from 30 days to 2 years"


def test_a_removed_period_names_what_was_kept() -> None:
    change = single("removed", "Delivery addresses are stored for 6 months after the order.")
    assert change.explanation.startswith("Retention period for delivery addresses no longer stated")
