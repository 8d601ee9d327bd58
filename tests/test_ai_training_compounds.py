"""Training a model named by a compound noun ("sprogmodeller", "anbefalingsmodeller", "språkmodellene")
is AI training in the Nordic languages, where the kind of model is written into one word with it."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

from monitor.engine.facts import extract_facts

TRAINING = [
    ("da", "Vi bruger dine beskeder til at træne vores anbefalingsmodeller."),
    ("sv", "Vi använder dina meddelanden för att träna våra rekommendationsmodeller."),
    ("no", "Vi bruker meldingene dine til å trene anbefalingsmodellene våre."),
]


@pytest.mark.parametrize(("language", "text"), TRAINING, ids=[c[0] for c in TRAINING])
def test_training_a_compound_named_model_is_ai_training(language: str, text: str) -> None:
    assert "AI training" in extract_facts(text, language).purposes


ADDED = [
    (
        "da",
        "Vi bruger dine data til at levere tjenesten.",
        "Vi bruger dine data til at levere tjenesten og til at træne vores talemodeller.",
    ),
    (
        "no",
        "Vi bruker dataene dine til å levere tjenesten.",
        "Vi bruker dataene dine til å levere tjenesten og til å trene talemodellene våre.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), ADDED, ids=[c[0] for c in ADDED])
def test_a_new_training_purpose_alerts(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "purpose", "high")
    assert "AI training" in change.explanation
