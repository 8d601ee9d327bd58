"""One realistic edit of a policy sentence (fifth review round): the patterns the engine still
missed on one-edit changes of real paragraphs, each stated in new sentences of its own.

A lead-in label that names a condition does not keep the condition its sentence dropped.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change


def document_edit(old: str, new: str) -> list[Change]:
    """Two one-paragraph plain-text versions through the whole pipeline: every change."""
    result = compare_documents(normalize(old.encode(), "text/plain"), normalize(new.encode(), "text/plain"))
    return result.changes


def only_change(old: str, new: str) -> Change:
    (change,) = document_edit(old, new)
    return change


# --- a lead-in label names the topic; the condition is the sentence's ---------------------------

LABELLED_CONSENT_DROPPED = [
    (
        "With your permission. We can pass your purchase history to our partners with your permission"
        " or when you ask us to.",
        "With your permission. We can pass your purchase history to our partners or when you ask us to.",
    ),
    (
        "Mit Ihrer Einwilligung: Wir geben Ihre Bestelldaten mit Ihrer Einwilligung oder auf Ihre Anweisung"
        " an Partner weiter.",
        "Mit Ihrer Einwilligung: Wir geben Ihre Bestelldaten oder auf Ihre Anweisung an Partner weiter.",
    ),
    (
        "Avec votre accord. Nous communiquons votre historique d'achats à nos partenaires avec votre accord"
        " ou à votre demande.",
        "Avec votre accord. Nous communiquons votre historique d'achats à nos partenaires ou à votre"
        " demande.",
    ),
    (
        "Con su consentimiento: compartimos su historial de compras con nuestros socios con su"
        " consentimiento o siguiendo sus instrucciones.",
        "Con su consentimiento: compartimos su historial de compras con nuestros socios o siguiendo sus"
        " instrucciones.",
    ),
]


@pytest.mark.parametrize("old,new", LABELLED_CONSENT_DROPPED)
def test_consent_dropped_from_a_sentence_under_a_consent_label_alerts(old: str, new: str) -> None:
    assert_alert(only_change(old, new), "sharing", "high")


def test_the_same_consent_reworded_under_its_label_stays_quiet() -> None:
    assert_quiet(
        only_change(
            "With your permission. We can pass your purchase history to our partners with your permission.",
            "With your permission. We can pass your purchase history to our partners with your explicit"
            " permission.",
        )
    )
