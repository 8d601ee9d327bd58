"""Sentences re-split or joined without new terms, and whether a version still says a sentence.

In: old and new texts, the versions' clauses. Out: whether two texts state the same terms, and
each version folded into statement keys (_Document) to ask whether it still says a sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cached_property, lru_cache

from monitor.engine.classify.conditions import _diff_conditions
from monitor.engine.classify.fact_diff import _diff_facts
from monitor.engine.classify.findings import _Finding
from monitor.engine.classify.negation import _negation_change
from monitor.engine.classify.textwords import (
    _HAN_RE,
    _SENTENCE_SPLIT,
    _content_words,
    _count_changed,
    _function_word_somewhere,
    _lower_words,
    _unexcepted,
)
from monitor.engine.facts import ClauseFacts, extract_facts, pick_lexicon, without_addresses
from monitor.engine.restated import OtherVersion
from monitor.engine.segment import clause_key
from monitor.lang.lexicon import Lexicon
from monitor.models import MATERIAL_CATEGORIES, Change, Clause


def _resplit(changes: Sequence[Change]) -> dict[int, str]:
    """Positions of changes that only split one sentence in two, or join two into one, with a
    joining word or two changed ("…, and we use them to…" -> "…. We use them to…"): an edited
    clause beside an added (or removed) neighbour that together say what the other side said,
    with the same facts and only function words apart. Each maps to what happened."""
    found: dict[int, str] = {}
    for k, change in enumerate(changes):
        if change.kind != "modified" or k in found:
            continue
        for n in (k + 1, k - 1, k + 2, k - 2):  # a neighbour in the list, either side
            if 0 <= n < len(changes) and n not in found and (what := _resplit_pair(change, changes[n])):
                found[k] = found[n] = what
                break
    return found


def _resplit_pair(change: Change, other: Change) -> str | None:
    """ "sentence split" / "sentences joined" when `other`, next to `change` in the document, is
    its other half."""
    old, new = change.old, change.new
    if old is None or new is None:
        return None
    if other.kind == "added" and other.new is not None and abs(other.new.index - new.index) == 1:
        halves = sorted((other.new, new), key=lambda c: c.index)
        joined = " ".join(c.text for c in halves)
        if _same_letters(old.text, joined):
            return SAME_WORDS
        return "sentence split" if _same_terms(old.text, joined, new.language) else None
    if other.kind == "removed" and other.old is not None and abs(other.old.index - old.index) == 1:
        halves = sorted((other.old, old), key=lambda c: c.index)
        joined = " ".join(c.text for c in halves)
        if _same_letters(joined, new.text):
            return SAME_WORDS
        return "sentences joined" if _same_terms(joined, new.text, new.language) else None
    if other.kind == "modified" and other.old is not None and other.new is not None:
        return _boundary_moved(change, other)
    return None


# The same words, only cut into sentences otherwise: a sentence whose first letter was only
# capitalised ("… geprüft. im Übrigen" -> "… geprüft. Im Übrigen"; the segmenter splits before a
# capital only), or a run-in label set on a line of its own ("Audits OVH shall …" -> "Audits" /
# "OVH shall …"). No word changed: no change at all.
SAME_WORDS = "same words"


def _same_letters(old: str, new: str) -> bool:
    """The two texts are the same words, letter case and spacing aside."""
    return " ".join(old.split()).casefold() == " ".join(new.split()).casefold()


def _boundary_moved(change: Change, other: Change) -> str | None:
    """ "sentence split" when two neighbouring edited clauses only moved words across the border
    between them: "…to anyone, and we never will. We also…" -> "…to anyone. We never will. We
    also…", where the short sentence split off is read with the sentence after it. Joined, each
    side has the same words in the same order (function words aside) and states the same terms."""
    old, new, o_old, o_new = change.old, change.new, other.old, other.new
    if old is None or new is None or o_old is None or o_new is None:
        return None
    if o_new.index - new.index not in (1, -1) or o_old.index - old.index != o_new.index - new.index:
        return None
    # the texts of the clause first in the document and of the one after it, old and new
    (a_old, a_new), (b_old, b_new) = ((old, new), (o_old, o_new))[:: 1 if o_new.index > new.index else -1]
    was, now = _content_sequence(a_old.text), _content_sequence(a_new.text)
    if was == now:
        return None  # the border did not move: each clause was edited in place
    old_joined, new_joined = f"{a_old.text} {b_old.text}", f"{a_new.text} {b_new.text}"
    if _content_sequence(old_joined) != _content_sequence(new_joined):
        return None
    # The words that crossed the border stand as a sentence of their own on one side: a condition
    # or a negation moved from one sentence into another ("We share it. If you agree, we …" ->
    # "We share it if you agree. We …") changes what it applies to.
    if len(was) > len(now):  # the first clause lost its end to the second
        moved, alone = was[len(now) :], (_sentences(a_old.text)[-1], _sentences(b_new.text)[0])
    else:  # the first clause took the second's opening
        moved, alone = now[len(was) :], (_sentences(a_new.text)[-1], _sentences(b_old.text)[0])
    if not moved or all(_content_sequence(s) != moved for s in alone):
        return None
    return "sentence split" if _same_terms(old_joined, new_joined, new.language) else None


def _sentences(text: str) -> list[str]:
    return [p for p in _SENTENCE_SPLIT.split(text) if p.strip()] or [text]


@lru_cache(maxsize=4096)  # a clause is weighed with each edited neighbour, from either side
def _content_sequence(text: str) -> tuple[str, ...]:
    """The text's words in order, lower-cased, without any language's function words."""
    return tuple(w for w in _lower_words(text) if not _function_word_somewhere(w))


REWORDED_WORDS = 3  # words a split sentence may say otherwise ("benutzen wir keine" / "setzen wir nicht ein")


def _same_terms(old: str, new: str, language: str) -> bool:
    """The two texts state the same facts, with as many negations and modals, and differ only
    in function words ("and", "which", "this") or in a few words that name no term the lexicon
    knows ("…, insbesondere benutzen wir keine Cookies" / "…; Cookies setzen wir nicht ein")."""
    if _too_many_content_words_differ(old, new):
        return False  # what the lexicon's checks below would find, without picking the lexicon
    lex = pick_lexicon(new, language)
    old_words, new_words = _content_words(old, lex), _content_words(new, lex)
    of, nf = extract_facts(old, language), extract_facts(new, language)
    if old_words != new_words and not _termless_rewording(old_words, new_words, of, nf, language):
        return False
    cats = (set(of.categories) | set(nf.categories)) & MATERIAL_CATEGORIES
    findings = _diff_facts(of, nf)
    if findings and not _negation_scope_only(findings, old, new, language, lex):
        return False
    if _diff_conditions(of, nf, cats, lex, old, new):
        return False
    return not (_negation_change(old, new, lex) != 0 or _count_changed(lex.modals, old, new))


def _termless_rewording(
    old_words: Counter[str], new_words: Counter[str], of: ClauseFacts, nf: ClauseFacts, language: str
) -> bool:
    """A few words apart, none of which names a term (no category, verb, condition or negation of
    its own beyond a negator said another way), and the same keywords counted on both sides."""
    gone, came = old_words - new_words, new_words - old_words
    if sum(gone.values()) > REWORDED_WORDS or sum(came.values()) > REWORDED_WORDS:
        return False
    if of.category_hits != nf.category_hits:
        return False
    lex = pick_lexicon(" ".join(came) or " ".join(gone), language)
    words = [w for w in (*gone, *came) if lex.negators is None or not lex.negators.fullmatch(w)]
    said = extract_facts(" ".join(words), language)
    return not (said.categories or said.polarity or said.conditions)


_ITEM_KINDS = frozenset({"recipient", "data_type", "purpose"})


def _negation_scope_only(findings: list[_Finding], old: str, new: str, language: str, lex: Lexicon) -> bool:
    """The findings are only items (recipients, data types, purposes) that the one-sentence side
    reads as ruled out by a negation which, on the side split in sentences, stands in another
    sentence than the item: "we rely on processors for card payments, and we do not keep your
    card number" split at "and" still has the processors get card data."""
    if lex.negators is None or any(f.fact.kind not in _ITEM_KINDS for f in findings):
        return False
    parts = [p for p in max((_SENTENCE_SPLIT.split(t) for t in (old, new)), key=len) if p.strip()]
    if len(parts) < 2:
        return False
    free = [extract_facts(p, language) for p in parts if not lex.negators.search(_unexcepted(p, lex))]
    named = {
        "recipient": {r for f in free for r in f.recipients},
        "data_type": {d for f in free for d in f.data_types},
        "purpose": {u for f in free for u in f.purposes},
    }
    return all((f.fact.new or f.fact.old) in named[f.fact.kind] for f in findings)


def _too_many_content_words_differ(old: str, new: str) -> bool:
    """More than REWORDED_WORDS occurrences of words that are no function word or list joiner of
    any language went (or came): whichever lexicon reads the texts, _termless_rewording refuses.
    Most neighbours of an edited clause fail here, before a lexicon is picked for their join."""
    a, b = Counter(_lower_words(old)), Counter(_lower_words(new))
    gone = came = 0
    for w in a.keys() | b.keys():
        if a[w] == b[w] or _function_word_somewhere(w):
            continue
        gone, came = gone + max(0, a[w] - b[w]), came + max(0, b[w] - a[w])
        if gone > REWORDED_WORDS or came > REWORDED_WORDS:
            return True
    return False


def _cut_sentences(text: str, changed: list[str], other: Callable[[], _Document], own_key: str) -> str:
    """`text` without each sentence of the other version found whole in one of its changed
    stretches of words (but not the clause's own counterpart). The other version is folded only
    when a stretch is long enough to hold a sentence (a changed word or number is not)."""
    for stretch in changed:
        stretch_key = clause_key(stretch)
        if not _Document.long_enough(stretch_key):
            continue
        for key in other().keys_within(stretch_key):
            if key != own_key:
                text = _cut_key(text, key)
    return text


@lru_cache(maxsize=16384)
def statement_key(text: str) -> str:
    """The clause key of a text without its e-mail and web addresses."""
    return clause_key(without_addresses(text))


def _cut_key(text: str, key: str) -> str:
    """The text with the words of `key` (a folded clause key) and the punctuation after them cut."""
    letters = key.replace(" ", "")
    if text.isascii() and letters.isascii() and letters.isalnum():
        return _cut_ascii_key(text, letters.lower())
    return _cut_key_by_pattern(text, letters)


def _cut_key_by_pattern(text: str, letters: str) -> str:
    """The plain cut: the key's letters in order with anything but letters and digits between."""
    chars = [re.escape(ch) for ch in letters]
    pattern = re.compile(r"[\W_]*".join(chars) + r"[^\w\s]*", re.IGNORECASE)
    return " ".join(pattern.sub(" ", text, count=1).split())


_ASCII_ALNUM_RUN = re.compile(r"[A-Za-z0-9]+")


def _cut_ascii_key(text: str, letters: str) -> str:
    """`_cut_key_by_pattern` for ASCII text without compiling a pattern per key (a key is a
    whole sentence: its pattern costs milliseconds to compile and is used once): the key's
    letters are found in the text's letters and digits, lower-cased and run together."""
    runs = list(_ASCII_ALNUM_RUN.finditer(text))
    at = "".join(run.group() for run in runs).lower().find(letters)
    if at < 0:
        return " ".join(text.split())
    positions = [i for run in runs for i in range(run.start(), run.end())]
    start, end = positions[at], positions[at + len(letters) - 1] + 1
    while end < len(text) and not (text[end].isalnum() or text[end] == "_" or text[end].isspace()):
        end += 1  # the punctuation right after the key goes with it
    return " ".join(f"{text[:start]} {text[end:]}".split())


MIN_RESTATED_WORDS = 4  # a shorter clause said again ("No.", "Cookies") may be another row's answer


class _Versions:
    """The two versions as wholes, each folded when first asked about: most comparisons (a
    changed sentence or two) never ask, and folding a long version costs more than judging it."""

    def __init__(
        self, old_clauses: Sequence[Clause] | None, new_clauses: Sequence[Clause] | None, questions: int
    ) -> None:
        self._old_clauses, self._new_clauses = old_clauses, new_clauses
        self.both_given = old_clauses is not None and new_clauses is not None
        self.questions = questions  # at most this many, each of one version

    @cached_property
    def old(self) -> _Document | None:
        return _Document(self._old_clauses, self.questions) if self._old_clauses is not None else None

    @cached_property
    def new(self) -> _Document | None:
        return _Document(self._new_clauses, self.questions) if self._new_clauses is not None else None


class _Document:
    """One version as a whole, folded as clause keys are, to find a clause's words in it."""

    MIN_KEY = 24  # shorter keys ("cookies", a heading) say too little to be found as a statement
    MIN_HAN_KEY = 10  # Han characters say as much in fewer signs
    # Characters scanned for one document's questions, in all. A real rewrite asks a few hundred
    # questions of ~100 KB; a freak page (tens of thousands of clauses, all changed) would make
    # the scans quadratic, so past the budget only whole clauses are looked up.
    SEARCH_BUDGET = 500_000_000

    def __init__(self, clauses: Sequence[Clause], questions: int = 0) -> None:
        # Keys without e-mail and web addresses: "write to [email protected]" states what
        # "write to privacy@example.com" did, and a sentence joined to it is found either way.
        keys = [statement_key(c.text) for c in clauses]
        self.text = "\n".join(keys)
        self.keys = sorted({k for k in keys if self.long_enough(k)}, key=len, reverse=True)
        self.han_keys = frozenset(k for k in self.keys if _HAN_RE.search(k))
        self.padded_keys = [f" {k} " for k in self.keys]
        # Where each key's first word is: a key stands whole in a stretch only where that word is
        # one of the stretch's words (Han keys, found without word boundaries, are always tried).
        self.by_first_word: dict[str, list[int]] = {}
        for i, k in enumerate(self.keys):
            self.by_first_word.setdefault(k.split(" ", 1)[0], []).append(i)
        self.han_positions = [i for i, k in enumerate(self.keys) if k in self.han_keys]
        self.negative_lengths = [-len(k) for k in self.keys]  # ascending, for bisect
        self.key_set = frozenset(keys)
        self.other = OtherVersion(clauses, questions)
        self.searched = 0

    @classmethod
    def long_enough(cls, key: str) -> bool:
        """A key long enough to be found as a statement, not as a stray word or a heading."""
        return len(key) >= cls.MIN_KEY or (len(key) >= cls.MIN_HAN_KEY and bool(_HAN_RE.search(key)))

    def keys_within(self, stretch_key: str) -> list[str]:
        """The clause keys of this version that stand whole (in whole words) in `stretch_key`."""
        found: list[str] = []
        self.searched += len(self.keys) * len(stretch_key)
        if self.searched > self.SEARCH_BUDGET:
            return found
        padded = f" {stretch_key} "
        shorter = bisect_left(self.negative_lengths, -len(stretch_key))  # longer keys cannot stand in it
        # Only keys whose first word the stretch holds can stand in it (cutting a found key out
        # leaves no new run of words), tried in the same order as all of them would be.
        by_first = self.by_first_word
        tried = {i for word in set(padded.split(" ")) for i in by_first.get(word, ())}
        tried.update(self.han_positions)
        for i in sorted(i for i in tried if i >= shorter):
            key, padded_key = self.keys[i], self.padded_keys[i]
            if padded_key in padded or (key in self.han_keys and key in stretch_key):
                found.append(key)
                padded = padded.replace(padded_key, " \x00 ", 1)
        return found

    def still_states(self, clause: Clause, change: Change) -> bool:
        """True when the clause's words stand elsewhere in this version (a duplicate removed, a
        sentence split off from or merged into another), or one clause here states all its facts
        in mostly its words (restated.py: a summary removed whose details stay). Facts alone do
        not count: the same recipient named in another sentence may be named on other terms."""
        key = statement_key(clause.text)
        if key in self.key_set and len(key.split()) >= MIN_RESTATED_WORDS:
            return True  # the same sentence, short as it is ("We never sell your data.")
        if len(key) < self.MIN_KEY:
            return False
        if key in self.key_set or self.other.restates(clause):
            return True
        if self.searched + len(self.text) > self.SEARCH_BUDGET:
            return False
        self.searched += len(self.text)
        at = self.text.find(key)
        while at >= 0:  # whole words only: "…we do not sell" is not in "…we do not sell[er]…"
            end = at + len(key)
            if (at == 0 or not self.text[at - 1].isalnum()) and (
                end == len(self.text) or not self.text[end].isalnum() or _HAN_RE.match(self.text[end])
            ):
                return True
            at = self.text.find(key, at + 1)
        return False
