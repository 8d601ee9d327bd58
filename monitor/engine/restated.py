"""Restated elsewhere: does one clause of a version say everything a removed (or added) clause
states? A summary bullet removed while the detailed section below keeps its terms, or a term
said twice in other words and now once, changes nothing a reader relies on.

In: a clause (from the version that lost or gained it) and the clauses of the other version.
Out: True when one clause of the other version states every fact of the clause (periods,
promises, recipients, data types, purposes, rights, places, conditions ...) in mostly the same
words: most of the clause's content words (not function words, not numbers, so "2 years" and
"two years" agree) stand in it. Words guard against a fact that only looks the same: "we keep
card data for 2 years" is not restated by "we keep server logs for 2 years".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain
from operator import itemgetter

from monitor.engine.facts import ClauseFacts, extract_facts, is_cjk
from monitor.lang.lexicon import Lexicon, canonical_language, load_lexicon
from monitor.lang.startup_cache import compile_cached
from monitor.models import Clause

# Share of the clause's content words the restating clause must hold.
WORD_COVER = 0.7
STEM = 5  # letters a word is compared by: a crude stem that holds across inflections
# Index entries read for one version's questions, in all: a real rewrite reads a few million at
# most; a freak page (tens of thousands of changed clauses sharing their words) would read
# billions, so past the budget nothing more is judged restated.
WALK_BUDGET = 20_000_000
PAIR_SHARE = 0.2  # share of the words each of two sentences in a row must hold to be read together
PAIR_MIN_WORDS = 10  # fewer words than this: only one clause can restate it
MIN_CONTENT_WORDS = 3  # fewer say too little to be told apart from another clause
UNINDEXED_QUESTIONS = 4  # answered by text search before the version is indexed
MAX_SEARCHED_CLAUSES = 200  # past this many clauses holding a rare word, the index is cheaper

_WORD = compile_cached(r"[^\W\d_]{3,}", re.UNICODE)
_STEMMED = itemgetter(slice(None, STEM))  # a word's first STEM letters (w[:STEM])
_HAN_RUN = compile_cached(r"[\u3400-\u9fff]{2,}", re.UNICODE)


class OtherVersion:
    """The clauses of one version, indexed by content word once a few questions were asked.

    The first questions are answered without the index (building it reads every clause's
    words, which one or two questions, all a one-edit change asks, do not repay): the clauses
    that could hold enough of the question's words are found by searching the version's
    lower-cased text for the question's rarest words, and only those are read."""

    def __init__(self, clauses: Sequence[Clause], questions: int = 0) -> None:
        """`questions`: how many may be asked at most (0: not known); past UNINDEXED_QUESTIONS
        the index is built at the first."""
        self.clauses = clauses
        self._by_word: dict[str, list[int]] | None = None
        self._lowered: tuple[str, list[int]] | None = None
        self.walked = 0  # index entries read for all questions so far
        self._last_shared: tuple[frozenset[str], Counter[int]] | None = None
        self.unindexed_left = UNINDEXED_QUESTIONS if questions <= UNINDEXED_QUESTIONS else 0

    def restates(self, clause: Clause) -> bool:
        """True when one clause here states all of `clause`'s facts in mostly its words."""
        facts = extract_facts(clause.text, clause.language)
        if not _states_anything(facts):
            return False
        words = _clause_words(clause)
        if len(words) < MIN_CONTENT_WORDS:
            return False
        candidates = None
        if self.unindexed_left > 0:
            self.unindexed_left -= 1
            candidates = self._candidates_without_index(words)
        if candidates is None:
            candidates = self._candidates_from_index(words)
        others = (self.clauses[i] for i in candidates)
        if any(_stated_in(facts, extract_facts(other.text, other.language)) for other in others):
            return True
        return self._restated_by_pair(facts, words)

    def _restated_by_pair(self, facts: ClauseFacts, words: frozenset[str]) -> bool:
        """Two sentences in a row state the clause's facts together: a summary line ("we store it
        in China and do not send it abroad") whose section says each half in a sentence of its own."""
        if len(words) < PAIR_MIN_WORDS:
            return False  # a short clause's few words stand in any two sentences of its topic
        shared = self._shared(words)
        if shared is None:
            return False
        for i in sorted(i for i, n in shared.items() if n >= PAIR_SHARE * len(words)):
            if shared.get(i + 1, 0) < PAIR_SHARE * len(words):
                continue  # each sentence of the two says its part: one of them alone is no pair
            first, second = self.clauses[i], self.clauses[i + 1]
            if second.is_heading or first.language != second.language:
                continue
            if len(words & (self._words_of(i) | self._words_of(i + 1))) < WORD_COVER * len(words):
                continue
            joined = f"{first.text} {second.text}"
            if _stated_in(facts, extract_facts(joined, first.language)):
                return True
        return False

    def _candidates_from_index(self, words: frozenset[str]) -> list[int]:
        """The clauses holding enough of the words, most words first, read off the index."""
        shared = self._shared(words)
        if shared is None:
            return []
        return [i for i, n in shared.most_common() if n >= WORD_COVER * len(words)]

    def _shared(self, words: frozenset[str]) -> Counter[int] | None:
        """How many of the words each clause holds, read off the index (kept for the question's
        second reading, the pair check); None past the walk budget."""
        if self._last_shared is not None and self._last_shared[0] is words:
            return self._last_shared[1]
        index = self._index()
        postings = [index.get(w, ()) for w in words]
        self.walked += sum(map(len, postings))
        if self.walked > WALK_BUDGET:
            return None
        shared = Counter(chain.from_iterable(postings))  # counted in C, in the same order
        self._last_shared = (words, shared)
        return shared

    def _candidates_without_index(self, words: frozenset[str]) -> list[int] | None:
        """The same clauses found by text search: a clause holding enough of the words misses at
        most a few, so it holds one of any few more, and holds it in its lower-cased text. None
        when the rarest words are too common for a search to be cheaper than the index."""
        text, starts = self._lowered_text()
        enough = next(n for n in range(len(words) + 1) if n >= WORD_COVER * len(words))
        rarest = sorted(words, key=lambda w: (text.count(w), w))[: len(words) - enough + 1]
        found: set[int] = set()
        for word in rarest:
            at = text.find(word)
            while at >= 0:
                found.add(bisect_right(starts, at) - 1)
                if len(found) > MAX_SEARCHED_CLAUSES:
                    return None
                at = text.find(word, at + 1)
        held = ((i, len(words & self._words_of(i))) for i in sorted(found))
        return [i for i, n in sorted(held, key=lambda item: -item[1]) if n >= enough]

    def _words_of(self, i: int) -> frozenset[str]:
        c = self.clauses[i]
        if c.is_heading:
            return frozenset()  # not indexed either
        return _clause_words(c)

    def _lowered_text(self) -> tuple[str, list[int]]:
        """The clauses' texts lower-cased and joined, and where each clause starts in it."""
        if self._lowered is None:
            lowered = [c.text.lower() for c in self.clauses]  # a lower-cased letter can be two
            starts, at = [], 0
            for text in lowered:
                starts.append(at)
                at += len(text) + 1
            self._lowered = ("\n".join(lowered), starts)
        return self._lowered

    def _index(self) -> dict[str, list[int]]:
        if self._by_word is None:
            self._by_word = {}
            for i, c in enumerate(self.clauses):
                if c.is_heading:
                    continue
                for w in _clause_words(c):
                    self._by_word.setdefault(w, []).append(i)
        return self._by_word


def _clause_words(clause: Clause) -> frozenset[str]:
    """The words a clause is weighed by: its content words, or for Chinese (written without word
    boundaries) the pairs of adjacent Han characters, which stand for its words as well."""
    if is_cjk(clause.text):
        return han_pairs(clause.text)
    return content_words(clause.text, _tagged_lexicon(clause.language))


@lru_cache(maxsize=4096)
def han_pairs(text: str) -> frozenset[str]:
    """Every two adjacent Han characters of the text ("存储于中国" -> 存储, 储于, 于中, 中国)."""
    return frozenset(run[i : i + 2] for run in _HAN_RUN.findall(text) for i in range(len(run) - 1))


@lru_cache(maxsize=16384)  # both versions' indexes read the clauses they share, restates() reads one again
def content_words(text: str, lex: Lexicon) -> frozenset[str]:
    """The text's words of three letters or more, lower-cased and cut to their first STEM letters
    ("restrict", "restriction"), without the lexicon's function words and number words."""
    if text.isascii():  # lower-casing ASCII keeps every word as it is: one lower() for all
        words = set(_WORD.findall(text.lower()))
    else:
        words = set(map(str.lower, _WORD.findall(text)))
    # each distinct word once, the function words taken out and the rest cut, all in C
    return frozenset(map(_STEMMED, words.difference(_skipped(lex))))


def _tagged_lexicon(language: str) -> Lexicon:
    """The clause's tagged language's lexicon (English when untagged or CJK): for indexing every
    clause, cheaper than picking by the words, and only its function words are used."""
    lang = canonical_language(language)
    return load_lexicon(lang if lang and lang != "zh" else "en")


@lru_cache(maxsize=32)
def _skipped(lex: Lexicon) -> frozenset[str]:
    return frozenset(w.lower() for w in lex.stopword_items) | frozenset(str(k).lower() for k in lex.numbers)


def _states_anything(f: ClauseFacts) -> bool:
    # the fields found with the categories first: the others are read from the text when asked
    return bool(
        f.retention_states
        or f.ages
        or f.places
        or f.durations
        or f.polarity
        or f.recipients
        or f.data_types
        or f.purposes
        or f.ruled_out
        or f.rights_named
        or f.breach_states
        or f.change_notice
        or f.security_measures
    )


def _stated_in(f: ClauseFacts, g: ClauseFacts) -> bool:
    """Every fact of `f` is a fact of `g`."""
    return (
        {(d.category, d.days) for d in f.durations} <= {(d.category, d.days) for d in g.durations}
        and f.retention_states <= g.retention_states
        and set(f.ages) <= set(g.ages)
        and {(p.action, p.state) for p in f.polarity} <= {(p.action, p.state) for p in g.polarity}
        and f.recipients <= g.recipients
        and f.data_types <= g.data_types
        and f.purposes <= g.purposes
        and f.ruled_out <= g.ruled_out
        and f.places <= g.places
        and f.rights_named <= g.rights_named
        and f.breach_states <= g.breach_states
        and f.security_measures <= g.security_measures
        and f.conditions <= g.conditions
        and f.change_notice in (None, g.change_notice)
    )
