"""Lexicon regexes asked on lower-cased text (monitor/lang/caseless.py) answer as the regex itself."""

from __future__ import annotations

import re

import pytest

from monitor.lang import caseless
from monitor.lang.lexicon import load_lexicon

SENTENCES = [
    "Our partners may RECEIVE your Postal Address and purchase history for marketing.",
    "We never sell your personal information to data brokers; we keep it for 30 days.",
    "Vous pouvez demander l’effacement de vos données à tout moment.",
    "Wir geben Ihre Daten nicht an Dritte weiter, außer an unseren Zahlungsdienstleister.",
    "İstanbul office staff can see your account – only when you ask for help.",  # not foldable
    "Ваши данные хранятся в США.",  # not foldable
]


def _patterns(language: str) -> list[re.Pattern[str]]:
    lex = load_lexicon(language)
    keyed = [lex.categories, lex.recipients, lex.data_types, lex.rights, lex.conditions, lex.actions]
    return [p for patterns in keyed for p in (*patterns.values(), patterns.any) if p is not None]


@pytest.mark.parametrize("language", ["en", "fr", "de"])
@pytest.mark.parametrize("sentence", SENTENCES)
def test_answers_as_the_pattern_itself(language: str, sentence: str) -> None:
    for pattern in _patterns(language):
        assert caseless.search(pattern, sentence) == bool(pattern.search(sentence)), pattern
        assert caseless.count(pattern, sentence) == len(pattern.findall(sentence)), pattern


def test_most_english_patterns_get_a_faster_twin() -> None:
    patterns = _patterns("en")
    assert sum(caseless.caseless(p) is not None for p in patterns) > 0.8 * len(patterns)


def test_a_pattern_whose_letters_fold_across_scripts_keeps_its_own_answer() -> None:
    kelvin = re.compile("\u212a", re.IGNORECASE)  # the Kelvin sign matches "k" and "K"
    assert caseless.caseless(kelvin) is None
    assert caseless.search(kelvin, "a Kind request") is True


def test_a_case_sensitive_part_keeps_the_pattern() -> None:
    acronym = re.compile(r"(?<!\w)(?:(?-i:EU)|european union)(?!\w)", re.IGNORECASE)
    assert caseless.caseless(acronym) is None
    assert caseless.search(acronym, "stored in the eu") is False
    assert caseless.search(acronym, "stored in the EU") is True


def test_upper_case_letters_in_a_pattern_keep_the_pattern() -> None:
    iso = re.compile(r"(?<!\w)ISO ?27001(?!\w)", re.IGNORECASE)
    assert caseless.caseless(iso) is None
    assert caseless.count(iso, "certified to iso 27001 and ISO27001") == 2


def test_text_whose_lower_case_moves_characters_is_not_folded() -> None:
    assert caseless.folded("Data Is Kept") == "data is kept"
    assert caseless.folded("İstanbul") is None  # lower-cases to two characters
    assert caseless.folded("Daten in der Schweiz – café") == "daten in der schweiz – café"


def test_counting_from_the_first_match_of_a_union_counts_every_match() -> None:
    lex = load_lexicon("en")
    sentence = "Thanks for reading. We share your e-mail with advertisers and keep it for two years."
    start = caseless.first(lex.categories.any, sentence)
    assert start is not None and start > 0
    for pattern in lex.categories.values():
        assert caseless.count(pattern, sentence, start) == len(pattern.findall(sentence))
