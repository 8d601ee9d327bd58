"""A clause keeps its tagged language when another language only shares one of its words and
finds no keyword in it: "Members must be at least 16 years old." holds Danish/Norwegian "at"
and no English function word, and read as English it states a minimum age (children)."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

from monitor.engine.facts import extract_facts


@pytest.mark.parametrize(
    "sentence",
    [
        "Members must be at least 16 years old.",
        "Players must be at least 18 years old.",
        "Users must be 13 or older.",
    ],
)
def test_a_short_english_age_rule_is_read_as_english(sentence: str) -> None:
    facts = extract_facts(sentence, "en")
    assert facts.language == "en"
    assert facts.ages and "children" in facts.categories


def test_raising_the_minimum_age_in_a_short_rule_alerts() -> None:
    change = modified("Members must be at least 13 years old.", "Members must be at least 16 years old.")
    assert_alert(change, "children")


@pytest.mark.parametrize(
    "sentence",
    ["Members must be at least 16 years old.", "Visitors can only use it if they are 18 or older."],
)
def test_a_short_english_document_is_detected_as_english(sentence: str) -> None:
    from monitor.lang.detect import detect_language

    assert detect_language(sentence) == "en"


def test_a_short_age_rule_raised_in_a_one_line_document_alerts() -> None:
    from engine_checks import page_changes

    old = b"<html><body><p>Members must be at least 13 years old.</p></body></html>"
    new = b"<html><body><p>Members must be at least 16 years old.</p></body></html>"
    assert any(c.material and "children" in c.categories for c in page_changes(old, new))
