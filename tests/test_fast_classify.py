"""The classify-stage shortcuts answer exactly what the general code answers (speed never changes
a verdict): each is checked against the plain computation it replaces, on generated texts."""

from __future__ import annotations

import re
import string
from collections import Counter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from monitor.engine import facts, restated
from monitor.engine.classify import resplit, textwords
from monitor.engine.classify.resplit import _Document
from monitor.engine.segment import clause_key
from monitor.lang.lexicon import all_lexicons, load_lexicon
from monitor.models import Clause

# Words of privacy terms in several languages, function words among them, and odd tokens.
_VOCABULARY = [
    "we",
    "We",
    "never",
    "sell",
    "your",
    "the",
    "and",
    "or",
    "to",
    "of",
    "data",
    "Daten",
    "und",
    "nicht",
    "wir",
    "nous",
    "ne",
    "vendons",
    "pas",
    "vos",
    "données",
    "et",
    "vi",
    "säljer",
    "inte",
    "dina",
    "uppgifter",
    "och",
    "partners",
    "keep",
    "logs",
    "for",
    "90",
    "days",
    "under",
    "16",
    "years",
    "old",
    "children",
    "advertisers",
    "share",
    "with",
    "which",
    "this",
    "but",
    "unless",
    "you",
    "agree",
    "delete",
    "it",
    "after",
    "two",
    "años",
    "conservamos",
    "sus",
    "datos",
    "y",
    "we’re",
    "don’t",
    "Ihre",
    "à",
    "les",
    "tiers",
    "个人信息",
    "我们",
    "保留",
    "2",
    "年",
    ",",
    ".",
    ";",
]
_SENTENCES = st.lists(st.sampled_from(_VOCABULARY), max_size=40).map(" ".join)
_ANY_TEXT = st.one_of(_SENTENCES, st.text(alphabet=string.printable, max_size=300), st.text(max_size=200))


def _general_is_cjk(text: str) -> bool:
    han = len(facts._CJK_RE.findall(text))
    return han > 0 and han * 3 >= len(re.findall(r"[A-Za-z]+", text))


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_is_cjk_is_the_general_count(text: str) -> None:
    assert facts.is_cjk(text) == _general_is_cjk(text)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_word_runs_are_the_runs_lower_cased(text: str) -> None:
    runs = facts._WORD_RUN.findall(text)
    ascii_runs, other_runs = facts._word_runs(text)
    assert ascii_runs == Counter(r.lower() for r in runs if r.isascii())
    assert other_runs == [r for r in runs if not r.isascii()]


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_stopword_counts_are_each_lexicons_own_count(text: str) -> None:
    latin = tuple(lex for lex in all_lexicons() if not lex.cjk)
    runs = facts._word_runs(text)
    assert facts._stopword_counts(text, runs, latin) == [facts._stopwords(text, runs, lex) for lex in latin]


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_content_words_are_the_general_ones(text: str) -> None:
    for lang in ("en", "de", "fr"):
        lex = load_lexicon(lang)
        skip = restated._skipped(lex)
        words = [w.lower() for w in restated._WORD.findall(text)]
        general = frozenset(w[: restated.STEM] for w in words if w not in skip)
        assert restated.content_words(text, lex) == general


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
@example("Children aged 2 or under travel free; phones on Android 4.4 or older are not supported.")
def test_ages_are_those_every_pattern_finds(text: str) -> None:
    lex = load_lexicon("en")
    ages, spans = [], []
    for pattern in lex.ages:  # the general reading: every pattern run over the whole text
        above = "above" in pattern.groupindex  # "2 or under" is the threshold 3, as "under 3" says it
        for m in pattern.finditer(text):
            value = facts.parse_number(m.group(1), lex)
            if value is None or not 0 < value < 30 or facts._shorter_than_a_year(text, m.start(1), lex):
                continue
            if facts._version_number(text, m.start(1), m.end(1)):
                continue
            ages.append(int(value) + above)
            spans.append((m.start(), m.end()))
    assert facts._ages(text, lex) == (sorted(set(ages)), spans)


@settings(max_examples=300, deadline=None)
@given(_SENTENCES, _SENTENCES)
def test_the_shortcut_refuses_only_what_every_lexicon_would_refuse(old: str, new: str) -> None:
    if resplit._too_many_content_words_differ(old, new):
        limit = resplit.REWORDED_WORDS
        for lex in all_lexicons():
            a, b = textwords._content_words(old, lex), textwords._content_words(new, lex)
            assert sum((a - b).values()) > limit or sum((b - a).values()) > limit


def test_a_split_sentence_is_still_the_same_terms() -> None:
    """The shortcut lets through what only function words tell apart."""
    one = "We keep the invoices for ten years, and we delete them after that."
    two = "We keep the invoices for ten years. We delete them after that."
    assert not resplit._too_many_content_words_differ(one, two)
    assert resplit._same_terms(one, two, "en")
    assert not resplit._same_terms(one, two.replace("ten", "five"), "en")
    other = "We store the receipts for five months. We erase them after that."
    assert resplit._too_many_content_words_differ(one, other)


def _clause(text: str, index: int) -> Clause:
    return Clause(index=index, text=text, language="en", section=(), is_heading=False)


def _general_keys_within(doc: _Document, stretch_key: str) -> list[str]:
    found: list[str] = []
    padded = f" {stretch_key} "
    for key in doc.keys:
        if len(key) > len(stretch_key):
            continue
        if f" {key} " in padded or (textwords._HAN_RE.search(key) and key in stretch_key):
            found.append(key)
            padded = padded.replace(f" {key} ", " \x00 ", 1)
    return found


@settings(max_examples=200, deadline=None)
@given(st.lists(_SENTENCES, min_size=1, max_size=12), _SENTENCES)
def test_keys_within_is_the_general_scan(texts: list[str], stretch: str) -> None:
    doc = _Document([_clause(t, i) for i, t in enumerate(texts)])
    stretch_key = clause_key(" ".join([*texts[:2], stretch]))
    assert doc.keys_within(stretch_key) == _general_keys_within(doc, stretch_key)


_PLACES = st.lists(
    st.sampled_from(
        [
            *_VOCABULARY,
            "Canada",
            "United",
            "States",
            "Kingdom",
            "New",
            "Mexico",
            "Guinea-Bissau",
            "Guinea",
            "Côte",
            "d’Ivoire",
            "St.",
            "Helena",
            "Deutschland",
            "Kanada",
            "Suisse",
            "Brasil",
        ]
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(_PLACES)
def test_country_names_are_those_the_whole_pattern_finds(text: str) -> None:
    from monitor.lang.lexicon import country_names

    for lang in ("en", "de", "fr", "es"):
        pattern, names = country_names(lang)
        general = {names[m.group(0)] for m in pattern.finditer(text)}
        assert general <= facts._places(text, load_lexicon(lang))
        first_words = facts._country_first_words(lang)
        if general:
            assert not first_words.isdisjoint(facts._WORD_RUN.findall(text))
