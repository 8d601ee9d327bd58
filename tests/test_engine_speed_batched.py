"""A speed shortcut of the lexicon look-ups gives what the plain computation gives: a lexicon's
keyed patterns asked about one text at once (one prefilter look-up for all of them) find the
keys and counts that asking one pattern at a time finds."""

from __future__ import annotations

import pytest

from monitor.lang import caseless, prefilter
from monitor.lang.lexicon import load_lexicon

_TEXTS = [
    "We share your e-mail address with advertising partners and payment processors.",
    "Wir geben Ihre Daten nicht an Werbepartner weiter, nur an Zahlungsdienstleister.",
    "Nous ne vendons jamais vos données; nous les partageons avec nos sous-traitants.",
    "No vendemos sus datos personales a terceros ni a anunciantes.",
    "Vi deler dine oplysninger med vores databehandlere i EU.",
    "Vi säljer aldrig dina uppgifter till annonsörer.",
    "Vi deler ikke opplysningene dine med annonsører.",
    "Wij verkopen uw gegevens niet aan adverteerders.",
    "Vaše podatke ne prodajemo oglašivačima.",
    "Vaših podatkov ne prodajamo oglaševalcem.",
    "我们不会向广告商出售您的个人信息。",
    "Nothing here.",
]
_LANGS = ["en", "de", "fr", "es", "da", "sv", "no", "nl", "hr", "sl", "zh"]


@pytest.mark.parametrize("language", _LANGS)
def test_keyed_patterns_at_once_are_each_pattern_asked(language: str) -> None:
    """matching_keys and counts over a lexicon's keyed patterns are caseless.search and
    caseless.count asked of each pattern, in the mapping's order (prefilter on and off)."""
    lex = load_lexicon(language)
    keyed = [lex.categories, lex.actions, lex.recipients, lex.data_types, lex.purposes, lex.rights]
    was = prefilter._enabled
    for enabled in (True, False):
        prefilter.set_enabled(enabled)
        try:
            for patterns in keyed:
                for text in _TEXTS:
                    for pos in (0, 5):
                        one_by_one = [k for k, p in patterns.items() if caseless.search(p, text, pos)]
                        assert caseless.matching_keys(patterns, text, pos) == one_by_one
                        counted = [(k, n) for k, p in patterns.items() if (n := caseless.count(p, text, pos))]
                        assert caseless.counts(patterns, text, pos) == counted
        finally:
            prefilter.set_enabled(was)


def _plain_content_words(text: str, language: str) -> frozenset[str]:
    """restated.content_words as first written: every word in turn, lower-cased, cut, kept
    unless a function or number word."""
    from monitor.engine import restated

    lex = restated._tagged_lexicon(language)
    skip = restated._skipped(lex)
    words = (m.lower() for m in restated._WORD.findall(text))
    return frozenset(w[: restated.STEM] for w in words if w not in skip)


def _plain_shingles(text: str) -> set[str]:
    """align._shingles as first written: the words, and every pair of one-character words."""
    from monitor.engine import align

    words = [w.lower() for w in align._WORD.findall(text)]
    return set(words) | {a + b for a, b in zip(words, words[1:], strict=False) if len(a) == 1 and len(b) == 1}


_MORE = [
    "Kelvin ſo İnfo ıtem ÆØÅ Straße STRASSE two 2 twenty data DATA Data",
    "a b c we keep it, I a x",
    "我们保存发票 ten years 十年 存储于中国",
    "",
]


@pytest.mark.parametrize("language", _LANGS)
def test_content_words_and_shingles_are_the_plain_ones(language: str) -> None:
    """The set-based content words and the shingles (bigrams only where two one-character
    words stand) are what reading every word in turn gives, in every language."""
    from monitor.engine import align, restated

    for text in [*_TEXTS, *_MORE]:
        lex = restated._tagged_lexicon(language)
        restated.content_words.cache_clear()
        assert restated.content_words(text, lex) == _plain_content_words(text, language)
        assert align._shingles(text) == _plain_shingles(text)


def test_han_found_as_by_the_search() -> None:
    """_has_han is whether _HAN_RE finds a Han character, for ASCII, Latin and CJK texts."""
    from monitor.engine.classify.textwords import _HAN_RE, _has_han

    for text in [*_TEXTS, *_MORE, "abc 十", "ÆØÅ 存储", "ſ"]:
        assert _has_han(text) == (_HAN_RE.search(text) is not None)
