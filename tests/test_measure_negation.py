"""A negator put right before a security measure takes the measure away ("backups are not
encrypted"): a dropped safeguard, high, about security, in every language; the negator denies the
measure, not the sentence's verb ("werden nicht verschlüsselt gespeichert" still stores data).
Two negations close together affirm the measure ("never leaves the phone without being
encrypted"), and a measure denied in one place but taken in another stays taken."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.facts import extract_facts


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("en", "Chat logs on our servers are encrypted.", "Chat logs on our servers are not encrypted."),
        (
            "en",
            "Backups are kept in encrypted form for thirty days.",
            "Backups are not kept in encrypted form for thirty days.",
        ),
        (
            "de",
            "Ihre Zahlungsdaten werden verschlüsselt gespeichert.",
            "Ihre Zahlungsdaten werden nicht verschlüsselt gespeichert.",
        ),
        (
            "fr",
            "Vos messages sont chiffrés pendant leur envoi.",
            "Vos messages ne sont pas chiffrés pendant leur envoi.",
        ),
        (
            "es",
            "Los historiales de pago se guardan cifrados.",
            "Los historiales de pago no se guardan cifrados.",
        ),
        (
            "da",
            "Dine betalingsoplysninger bliver krypteret.",
            "Dine betalingsoplysninger bliver ikke krypteret.",
        ),
    ],
)
def test_a_measure_negated_is_a_safeguard_dropped(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "security", "high")
    assert "sharing" not in change.categories and "purpose" not in change.categories, change


def test_the_negator_before_a_measure_leaves_the_verb_affirmed() -> None:
    facts = extract_facts("Ihre Nachrichten werden nicht verschlüsselt übertragen.", "de")
    assert "encryption" not in facts.security_measures
    assert all(p.state == "affirmed" for p in facts.polarity), facts.polarity


def test_two_negations_together_affirm_the_measure() -> None:
    facts = extract_facts("Photos never leave the phone without being encrypted first.", "en")
    assert "encryption" in facts.security_measures


def test_a_measure_taken_elsewhere_in_the_clause_stays() -> None:
    text = "Group chats are not end-to-end encrypted, but we encrypt them on our servers."
    assert "encryption" in extract_facts(text, "en").security_measures


def test_a_measure_taken_anew_is_news_but_not_high() -> None:
    change = modified(
        "Chat logs on our servers are not encrypted.", "Chat logs on our servers are encrypted."
    )
    assert change.material and change.severity != "high", change


def test_a_measure_negated_on_both_sides_is_quiet() -> None:
    assert_quiet(
        modified("Chat logs are not encrypted on our servers.", "Chat logs aren't encrypted on our servers.")
    )


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "We keep the passcodes of our members.",
            "We hash the passcodes of our members before we keep them.",
        ),
        (
            "Each login token is stored on our servers.",
            "Each login token is hashed and stored on our servers.",
        ),
    ],
)
def test_hashing_a_secret_is_a_security_measure_in_any_form_of_the_verb(old: str, new: str) -> None:
    # "we hash" (the bare verb) names the measure as "hashed" does; taking it away is high
    assert_alert(modified(old, new), "security", "medium")
    assert_alert(modified(new, old), "security", "high")
