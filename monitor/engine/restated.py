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
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

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
MIN_CONTENT_WORDS = 3  # fewer say too little to be told apart from another clause

_WORD = compile_cached(r"[^\W\d_]{3,}", re.UNICODE)


class OtherVersion:
    """The clauses of one version, indexed by content word when first asked."""

    def __init__(self, clauses: Sequence[Clause]) -> None:
        self.clauses = clauses
        self._by_word: dict[str, list[int]] | None = None
        self.walked = 0  # index entries read for all questions so far

    def restates(self, clause: Clause) -> bool:
        """True when one clause here states all of `clause`'s facts in mostly its words."""
        if is_cjk(clause.text):
            return False  # no word boundaries to weigh the words by
        facts = extract_facts(clause.text, clause.language)
        if not _states_anything(facts):
            return False
        words = content_words(clause.text, _tagged_lexicon(clause.language))
        if len(words) < MIN_CONTENT_WORDS:
            return False
        index = self._index()
        postings = [index.get(w, ()) for w in words]
        self.walked += sum(map(len, postings))
        if self.walked > WALK_BUDGET:
            return False
        shared = Counter(i for ids in postings for i in ids)
        for i, n in shared.most_common():
            if n < WORD_COVER * len(words):
                break
            other = self.clauses[i]
            if _stated_in(facts, extract_facts(other.text, other.language)):
                return True
        return False

    def _index(self) -> dict[str, list[int]]:
        if self._by_word is None:
            self._by_word = {}
            for i, c in enumerate(self.clauses):
                if c.is_heading or is_cjk(c.text):
                    continue
                for w in content_words(c.text, _tagged_lexicon(c.language)):
                    self._by_word.setdefault(w, []).append(i)
        return self._by_word


@lru_cache(maxsize=16384)  # both versions' indexes read the clauses they share, restates() reads one again
def content_words(text: str, lex: Lexicon) -> frozenset[str]:
    """The text's words of three letters or more, lower-cased and cut to their first STEM letters
    ("restrict", "restriction"), without the lexicon's function words and number words."""
    skip = _skipped(lex)
    if text.isascii():  # lower-casing ASCII keeps every word as it is: one lower() for all
        return frozenset(w[:STEM] for w in _WORD.findall(text.lower()) if w not in skip)
    return frozenset(w[:STEM] for w in (m.lower() for m in _WORD.findall(text)) if w not in skip)


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
        f.retention_states or f.ages or f.places or f.durations or f.polarity or f.recipients
        or f.data_types or f.purposes or f.ruled_out or f.rights_named or f.breach_states
        or f.change_notice or f.security_measures
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
