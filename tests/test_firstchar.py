"""A union re-written to start with its first characters (monitor/lang/firstchar.py) finds
exactly the matches the union finds: on random patterns and texts, and every lexicon's twin on
sentences in every language."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.lang import caseless, firstchar
from monitor.lang.lexicon import LANGUAGES, _alternation_source, _patterns, country_names, load_lexicon

try:
    from re import _compiler as sre_compiler
    from re import _parser as sre_parser
except ImportError:  # pragma: no cover
    sre_parser = None  # type: ignore[assignment]

pytestmark = pytest.mark.skipif(sre_parser is None, reason="needs CPython's re internals")

# Our own sentences, lower-cased as the twins read them, in every supported language.
SENTENCES = {
    "en": "we store your invoices for ten years and share delivery details with couriers only.",
    "de": "wir speichern ihre rechnungen zehn jahre und geben lieferdaten nur an kurierdienste weiter.",
    "fr": "nous conservons vos factures dix ans et ne partageons l’adresse qu’avec le transporteur.",
    "es": "guardamos sus facturas diez años y solo compartimos la dirección con la mensajería.",
    "da": "vi opbevarer dine fakturaer i ti år og deler kun leveringsadressen med kureren.",
    "sv": "vi sparar dina fakturor i tio år och delar bara leveransadressen med budfirman.",
    "no": "vi lagrer fakturaene dine i ti år og deler bare leveringsadressen med budet.",
    "nl": "wij bewaren uw facturen tien jaar en delen het afleveradres alleen met de koerier.",
    "hr": "vaše račune čuvamo deset godina i adresu dostave dijelimo samo s dostavljačem.",
    "sl": "vaše račune hranimo deset let in naslov dostave delimo samo z dostavljavcem.",
    "zh": "我们将您的发票保存十年，仅与快递公司共享收货地址。",
}

# Pieces of lexicon-like entries: literals, classes, groups, repeats, boundaries, look-arounds.
_PIECES = [
    "a",
    "ab",
    "b",
    "ba",
    "c",
    "[ab]",
    "[a-c]",
    "(?:a|b)",
    "(?:ab|a)",
    "a?",
    "(?:ba)?",
    "b*",
    "a+",
    "a+?",
    "(?:a|c){1,2}",
    "(?:b|ca){0,2}?",
    r"\w*",
    r"\w+?",
    r"\b",
    r"\B",
    " ",
    "(?= a)",
    "(?!b)",
    "(?<=a)",
    "(?<!c)",
    "(?<! )",
    r"(?<!\w)",
    "[^a]",
    r"\s",
    ".",
]
_ENTRY = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=4).map("".join)
_TEXT = st.text(alphabet="abc  -.\nAé", max_size=40)


def _spans(pattern: re.Pattern[str], text: str, pos: int = 0) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text, pos)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(_ENTRY, min_size=1, max_size=6), st.lists(_TEXT, min_size=1, max_size=5), st.integers(0, 5))
def test_split_union_finds_the_same_matches(entries: list[str], texts: list[str], pos: int) -> None:
    source = _alternation_source(entries, False, {})
    assert source is not None
    split = firstchar.split(source, 0)
    if split is None:
        return
    original, rewritten = re.compile(source), re.compile(split)
    for text in texts:
        assert _spans(rewritten, text) == _spans(original, text), (source, split, text)
        assert _spans(rewritten, text, pos) == _spans(original, text, pos), (source, split, text)
        assert len(rewritten.findall(text)) == len(original.findall(text))


_CASED_TEXT = st.text(alphabet="abcABC  -.\nÉé\u212a\u017fkKsS", max_size=40)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                _PIECES
                + [
                    "a",
                    "b",
                    "k",
                    "s",
                    "K",
                    "S",
                    "Ab",
                    "B",
                    "(?-i:Ab)",
                    "(?-i:A|bA)",
                    "(?-i:[aB]c)",
                    "(?-i:(?<!b)A)",
                ]
                * 2
            ),
            min_size=1,
            max_size=4,
        ).map("".join),
        min_size=1,
        max_size=6,
    ),
    st.lists(_CASED_TEXT, min_size=1, max_size=5),
)
def test_case_insensitive_split_union_finds_the_same_matches(entries: list[str], texts: list[str]) -> None:
    source = _alternation_source(entries, False, {})
    assert source is not None
    split = firstchar.split(source, re.IGNORECASE)
    if split is None:
        return
    assert split.startswith("(?<!")  # the look-behind stays first
    original, rewritten = re.compile(source, re.IGNORECASE), re.compile(split, re.IGNORECASE)
    for text in texts:
        assert _spans(rewritten, text) == _spans(original, text), (source, split, text)
        assert _spans(rewritten, text, 2) == _spans(original, text, 2), (source, split, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ENTRY, min_size=1, max_size=4), st.lists(_TEXT, min_size=1, max_size=5))
def test_split_of_any_pattern_finds_the_same_matches(entries: list[str], texts: list[str]) -> None:
    source = "".join(entries)  # not a union: a look-around or a boundary may lead
    split = firstchar.split(source, 0)
    if split is None:
        return
    original, rewritten = re.compile(source), re.compile(split)
    for text in texts:
        assert _spans(rewritten, text) == _spans(original, text), (source, split, text)


def test_split_union_has_first_characters_to_skip_to() -> None:
    source = _alternation_source(["retain", "kept", r"stor(?:e|ed)", r"(?:\bwe|our) keep\w*"], False, {})
    assert source is not None and source.startswith(r"(?<!\w)")
    split = firstchar.split(source, 0)
    assert split is not None
    assert sre_compiler._get_charset_prefix(sre_parser.parse(split, 0), 0) is not None
    assert sre_compiler._get_charset_prefix(sre_parser.parse(source, 0), 0) is None


@pytest.mark.parametrize(
    "source, flags",
    [
        (r"\b(?:ab|c)", re.IGNORECASE),  # case-insensitive without a look-behind first
        (r"(?<!\w)(?:[ab]c|d)", re.IGNORECASE),  # case-insensitive, a class first
        (r"(?<!\w)(?:ab|c)", re.DOTALL),  # a flag not handled
        (r"(?<!\w)(ab|c)", 0),  # a capture group
        (r"(?<!\w)(?:a|\w+)", 0),  # any word character may start it
        (r"(?<!\w)(?:a|b?)", 0),  # may match nothing
        (r"^(?:ab|c)", 0),  # an anchor
        (r"(?:ab|ac)", 0),  # re finds its first character itself
    ],
)
def test_left_as_it_is(source: str, flags: int) -> None:
    assert firstchar.split(source, flags) is None


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_lexicon_pattern_finds_what_its_source_finds(language: str) -> None:
    """The lexicon's own (case-insensitive) patterns, split where they can be, on text as written."""
    lex = load_lexicon(language)
    patterns = list({id(p): p for v in vars(lex).values() for p in _patterns(v)}.values())
    words = sorted({w for p in patterns for w in re.findall(r"[^\W\d_]{3,}", p.pattern)})
    texts = _texts(language, words)
    texts += [t.upper() for t in texts[:10]] + [t.title() for t in texts[:10]]
    split = 0
    for pattern in patterns:
        plain = re.compile(pattern.pattern, pattern.flags)
        compiled = pattern.compiled() if hasattr(pattern, "compiled") else pattern
        split += firstchar.split(pattern.pattern, pattern.flags) is not None
        for text in texts:
            assert _spans(compiled, text) == _spans(plain, text), (pattern.pattern[:80], text)
    if language != "zh":
        assert split > 0.3 * len(patterns)


@pytest.mark.parametrize("language", ["en", "de", "hr", "zh"])
def test_country_names_found_as_written(language: str) -> None:
    pattern, names = country_names(language)
    assert pattern is not None
    plain = re.compile(pattern.pattern)
    text = " ".join(list(names)[::7]) + " New Mexico, Franceville and the Netherlands' ports"
    assert _spans(pattern, text) == _spans(plain, text)


def _twins(language: str) -> list[tuple[re.Pattern[str], re.Pattern[str]]]:
    """(the pattern without IGNORECASE as written, the twin caseless runs) for every lexicon
    pattern of the language that has a twin."""
    out = []
    for pattern in {id(p): p for v in vars(load_lexicon(language)).values() for p in _patterns(v)}.values():
        twin = caseless.caseless(pattern) if pattern.flags & re.IGNORECASE else None
        if twin is not None:
            out.append((re.compile(pattern.pattern, twin.flags), twin))
    return out


def _texts(language: str, lexicon_words: list[str]) -> list[str]:
    rng = random.Random(f"firstchar-{language}")
    words = SENTENCES[language].split() + lexicon_words
    return [SENTENCES[language]] + [
        " ".join(rng.choice(words) for _ in range(rng.randrange(1, 12))) for _ in range(30)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_lexicon_twin_finds_what_its_pattern_finds(language: str) -> None:
    pairs = _twins(language)
    words = sorted({w for plain, _ in pairs for w in re.findall(r"[^\W\d_]{3,}", plain.pattern)})
    texts = _texts(language, words)
    split = 0
    for plain, twin in pairs:
        split += firstchar.split(plain.pattern, plain.flags) is not None
        for text in texts:
            assert _spans(twin, text) == _spans(plain, text), (plain.pattern[:80], text)
    if language != "zh":
        assert split > 0.3 * len(pairs)  # most unions start with (?<!\w): their twins are split
