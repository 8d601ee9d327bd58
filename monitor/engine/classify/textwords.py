"""Word-level helpers shared by the classify modules: words, changed word pairs, counts.

In: clause texts and a Lexicon. Out: words, (old, new) word pairs, pattern counts. No rules live here.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from monitor.engine.facts import _plain_stopwords, without_user_duties
from monitor.engine.tokendiff import token_opcodes
from monitor.lang import caseless
from monitor.lang.lexicon import Lexicon, all_lexicons
from monitor.lang.scripts import HAN
from monitor.lang.startup_cache import compile_cached

_HAN = HAN
_WORD = compile_cached(rf"[{_HAN}]|[^\W_{_HAN}]+", re.UNICODE)  # a Han character alone, other words whole

_TOKEN = compile_cached(rf"[{_HAN}]|[^\W_{_HAN}]+|[^\w\s]", re.UNICODE)
_HAN_RE = compile_cached(f"[{_HAN}]")


def _has_han(text: str) -> bool:
    """Whether the text holds a Han character (_HAN_RE.search): never in ASCII text, which
    str.isascii tells at once (a flag of the string), while the search reads every character."""
    return not text.isascii() and _HAN_RE.search(text) is not None


_HAN_GAP = compile_cached(f"(?<=[{_HAN}]) (?=[{_HAN}])")
_SEPARATORS = frozenset({",", "、", ";", "/", "，", "；"})


def _lower_words(text: str) -> list[str]:
    """The text's words (_WORD), lower-cased: ASCII text lower-cased at once holds the same words."""
    return _WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=16384)
def _function_word_somewhere(word: str) -> bool:
    """A function word or list joiner of at least one language (`word` lower case)."""
    if word.isascii():
        listed = _ascii_listed_words(all_lexicons())
        if listed is not None and word.lower() not in listed:
            return False  # most words: no language lists them, told without a pattern each
    return any(word in lex.conjunctions or _function_word(word, lex) for lex in all_lexicons())


# Non-ASCII letters that re, ignoring case, takes for an ASCII one (long s, the Kelvin sign,
# dotted and dotless I): a function word written with them could match an ASCII word.
_ASCII_LOOKALIKES = frozenset("\u017f\u212a\u0130\u0131")


@cache
def _ascii_listed_words(lexicons: tuple[Lexicon, ...]) -> frozenset[str] | None:
    """Every language's list joiners and ASCII function words, lower case: an ASCII word not
    among them is no function word of any language (`_function_word` could only say yes to a
    word its lexicon lists). None when a lexicon's function words are not all plain words
    (facts._plain_stopwords), or one of them might match an ASCII word without being ASCII:
    then every word is asked of every lexicon."""
    words: set[str] = set()
    for lex in lexicons:
        words |= lex.conjunctions
        if lex.stopwords is None:
            continue
        plain = _plain_stopwords(lex)
        lookalike = any(
            not w.isascii() and all(ch.isascii() or ch in _ASCII_LOOKALIKES for ch in w)
            for w in lex.stopword_items
        )
        if plain is None or lookalike:
            return None
        words |= plain
    return frozenset(words)


def _content_words(text: str, lex: Lexicon) -> Counter[str]:
    """The text's words, lower-cased, without the language's function words and list joiners."""
    words = (w.lower() for w in _WORD.findall(text))
    return Counter(w for w in words if w not in lex.conjunctions and not _function_word(w, lex))


def _unexcepted(text: str, lex: Lexicon) -> str:
    """The text without phrases whose negator negates nothing ("no longer necessary", "unless")
    and without what it binds the user not to do (facts.without_user_duties)."""
    text = without_user_duties(text, lex)
    exceptions = lex.negator_exceptions
    return exceptions.sub(" ", text) if exceptions is not None and caseless.search(exceptions, text) else text


def _count_change(pattern: re.Pattern[str] | None, old: str, new: str) -> int:
    """How many more matches the new text has than the old (negative: fewer)."""
    return 0 if pattern is None else caseless.count(pattern, new) - caseless.count(pattern, old)


def _count_changed(pattern: re.Pattern[str] | None, old: str, new: str) -> bool:
    return _count_change(pattern, old, new) != 0


_SENTENCE_SPLIT = compile_cached(r"(?<=[.;!?])\s+|\s*\|\s*|<br\s*/?>|[。！？；\n]")


@lru_cache(maxsize=4096)  # _compare and _without_joined_sentences ask for the same texts
def _changed_words(old: str, new: str) -> list[tuple[str, str]]:
    """Pairs (old words, new words), one per differing stretch of the two texts (shared between
    callers: not to be changed)."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    opcodes = token_opcodes(a, b)
    return [(_join(a[i1:i2]), _join(b[j1:j2])) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]


def _join(words: list[str]) -> str:
    """Words back into text: Latin words spaced, Han characters run together as written."""
    return _HAN_GAP.sub("", " ".join(words))


@lru_cache(maxsize=16384)  # asked for every word of the clauses _same_terms weighs and of re-split sentences
def _function_word(word: str, lex: Lexicon) -> bool:
    """One word of the language's function words ("to", "the", "our"), never a negator or modal."""
    word = word.strip()
    if " " in word or lex.stopwords is None or not lex.stopwords.fullmatch(word):
        return False
    return not any(p is not None and p.fullmatch(word) for p in (lex.negators, lex.modals))


def _snip(pairs: list[tuple[str, str]], side: int, limit: int = 60) -> str:
    """The words one side changed, shortened for an explanation."""
    words = " / ".join(p[side] for p in pairs if p[side])
    return words if len(words) <= limit else words[: limit - 1] + "…"
