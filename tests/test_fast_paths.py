"""The engine's fast paths give exactly what the general code gives (speed never changes a result)."""

from __future__ import annotations

import re
import string
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.engine.segment import clause_key
from monitor.lang import detect

_NON_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W\d_]+")


def _general_key(text: str) -> str:
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _general_scores(text: str) -> dict[str, float]:
    low = text[: detect.SAMPLE_CHARS].lower()
    scores: dict[str, float] = {}
    for word in _WORD.findall(low):
        for lang, weight in detect._WORD_INDEX.get(word, ()):
            scores[lang] = scores.get(lang, 0.0) + weight
    for c in detect._SPECIAL.findall(low):
        for lang, weight in detect._CHAR_INDEX[c]:
            scores[lang] = scores.get(lang, 0.0) + weight
    return scores


_ASCII = st.text(alphabet=string.printable, max_size=500)
_WORDS = st.lists(st.sampled_from(sorted(detect._WORD_INDEX) + ["_", "9", "Data", "THE", ",", "  ", "\t"]),
                  max_size=120).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_ASCII, _WORDS))
def test_ascii_clause_key_is_the_general_key(text: str) -> None:
    assert clause_key.__wrapped__(text) == _general_key(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_ASCII, _WORDS, st.text(max_size=300)))
def test_latin_scores_are_the_general_scores(text: str) -> None:
    assert detect._latin_scores(text) == _general_scores(text)


def test_every_lazy_lexicon_pattern_compiles() -> None:
    from monitor.lang.lexicon import all_lexicons, compile_all

    assert all(compile_all(lex) > 50 for lex in all_lexicons())
