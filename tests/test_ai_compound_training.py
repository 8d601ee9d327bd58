"""A compound that opens with AI/KI ("onze AI-assistent te trainen", "unseren KI-Chatbot zu
trainieren") is what the verb-final sentence trains: a new AI-training purpose."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, single

ADDED = [
    ("De opnames van de helpdesk gebruiken wij ook om ons AI-model te trainen.", "nl"),
    ("Wir verwenden die Anfragen an den Kundendienst auch, um unseren KI-Chatbot zu trainieren.", "de"),
]


@pytest.mark.parametrize(("text", "language"), ADDED)
def test_data_used_to_train_an_ai_compound_is_ai_training(text: str, language: str) -> None:
    change = single("added", text, language=language)
    assert_alert(change, "purpose")
    assert "AI training" in change.explanation, change
