"""Align: two clause sequences -> the Changes between them (added, removed, modified, moved).

In: the old and new versions' Clauses (from segment.py). Out: Changes with `kind`, `old`, `new`
and, where both sides exist and differ, an `inline` diff-match-patch diff of the two texts
(Google's C++ diff-match-patch through fast-diff-match-patch: the same algorithm and results as
the pure-Python port, about 4x faster on clause pairs).
Categories, facts and severity are the classify package's job.

The passes, cheapest first:
1. clauses with equal keys, in order (a longest-common-subsequence over the keys) are unchanged;
2. a run of clauses split or joined without changing a word is unchanged;
3. a clause whose key stands elsewhere in the other version is `moved`;
4. similar clauses are paired across the whole document: in the same gap they are `modified`,
   elsewhere `moved` with an inline diff (moved and edited);
5. what is left is `added` or `removed`.
Everything is ordered by position, so the same inputs always give byte-identical output.

Bounds: a hostile or freak page (thousands of identical rows, a vast table rewritten) must not
make alignment quadratic in time and memory. Passes 1 and 4 measure the work the exact method
would do (key-duplicate products; old x new pairs sharing a word) and above a budget far beyond
any real policy switch to a bounded method: duplicate keys told apart by their occurrence, and
pairing found through rare words only, keeping each new clause's best candidates. Real
documents never reach the budgets, so their results are the exact method's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import accumulate, chain, repeat

import fast_diff_match_patch

from monitor._mypyc import mypyc_attr
from monitor.engine.tokendiff import as_symbols
from monitor.lang.scripts import CJK, HANGUL
from monitor.lang.startup_cache import compile_cached
from monitor.models import Change, Clause, with_deferred_inline

# Pairing thresholds on the Dice similarity of the clauses' shingles.
SAME_GAP_THRESHOLD = 0.3  # old and new sit in the same gap between unchanged clauses
LONE_PAIR_THRESHOLD = 0.15  # a gap holding exactly one old and one new clause: a rewrite in place
ELSEWHERE_THRESHOLD = 0.5  # anywhere else in the document: moved and edited

# Work budgets (see the module docstring). The largest real pair measured (807 clauses) stays
# far under both.
KEY_MATCH_BUDGET = 2_000_000  # sum over keys of (old count x new count)
MATCH_SCAN_BUDGET = 5_000_000  # keys SequenceMatcher walks finding the unchanged clauses
PAIR_BUDGET = 2_000_000  # pending old x pending new clauses compared by similarity
RARE_WORD_CLAUSES = 32  # over PAIR_BUDGET, a shingle found in more old clauses pairs nothing
BEST_CANDIDATES = 16  # ... and each new clause keeps this many best candidates

_CJK = CJK + HANGUL
# CJK characters one by one, other words whole, then spaces and single symbols.
_TOKEN = compile_cached(rf"[{_CJK}]|[^\W{_CJK}]+|\s+|[^\w\s]", re.UNICODE)
_WORD = compile_cached(rf"[{_CJK}]|[^\W_{_CJK}]+", re.UNICODE)


@dataclass
class _Gap:
    """A stretch where the old and new versions differ, between two unchanged clauses."""

    new_start: int  # where the gap begins in the new version
    old: list[int] = field(default_factory=list)
    new: list[int] = field(default_factory=list)


MAX_LINE = 60  # characters: an address or signature line, not a sentence
_SENTENCE_END = compile_cached(r"[.!?;:。！？；：]$")


def align(old: Sequence[Clause], new: Sequence[Clause]) -> list[Change]:
    """The changes that turn `old` into `new`, in document order."""
    gaps = _gaps(old, new)
    gaps = [_drop_split_and_joined(g, old, new) for g in gaps]
    old_gap = {i: n for n, g in enumerate(gaps) for i in g.old}
    new_gap = {j: n for n, g in enumerate(gaps) for j in g.new}
    pending_old = sorted(old_gap)
    pending_new = sorted(new_gap)

    pairs: list[tuple[int, int, str]] = []
    moved = _pair_equal_keys(pending_old, pending_new, old, new)
    pairs += [(i, j, "moved") for i, j in moved]
    taken_old = {i for i, _ in moved}
    taken_new = {j for _, j in moved}
    pending_old = [i for i in pending_old if i not in taken_old]
    pending_new = [j for j in pending_new if j not in taken_new]

    for i, j in _pair_similar(pending_old, pending_new, old, new, old_gap, new_gap, gaps):
        pairs.append((i, j, "modified" if old_gap[i] == new_gap[j] else "moved"))
        taken_old.add(i)
        taken_new.add(j)

    for i, j in _pair_replaced_lines(gaps, old, new, taken_old, taken_new):
        pairs.append((i, j, "modified"))
        taken_old.add(i)
        taken_new.add(j)

    changes = [_paired_change(old[i], new[j], kind) for i, j, kind in pairs]
    changes += [Change(kind="removed", old=old[i], new=None) for i in pending_old if i not in taken_old]
    changes += [Change(kind="added", old=None, new=new[j]) for j in pending_new if j not in taken_new]
    return _in_document_order(changes, gaps)


def _gaps(old: Sequence[Clause], new: Sequence[Clause]) -> list[_Gap]:
    """The stretches outside the longest run of clauses that stayed in order with equal keys."""
    old_keys, new_keys = [c.key for c in old], [c.key for c in new]
    if _key_match_work(old_keys, new_keys) > KEY_MATCH_BUDGET:
        old_keys, new_keys = _numbered(old_keys), _numbered(new_keys)
    try:
        blocks: Sequence[tuple[int, int, int]] = _BudgetedMatcher(old_keys, new_keys).get_matching_blocks()
    except _OverBudget:
        blocks = _anchored_blocks(old_keys, new_keys)
    gaps = []
    i = j = 0
    for i2, j2, size in blocks:
        if i < i2 or j < j2:
            gaps.append(_Gap(new_start=j, old=list(range(i, i2)), new=list(range(j, j2))))
        i, j = i2 + size, j2 + size
    return gaps


class _OverBudget(Exception):
    """SequenceMatcher would walk more than MATCH_SCAN_BUDGET keys."""


@mypyc_attr(native_class=False)  # a SequenceMatcher: a Python base class (monitor/_mypyc.py)
class _BudgetedMatcher(SequenceMatcher):
    """SequenceMatcher on keys that stops past MATCH_SCAN_BUDGET: each longest-match search
    walks its whole old range and every new position of those keys, and the search is repeated
    on the range left beside each match found. Thousands of short differences spread evenly
    through a vast page (a counter on every line) make that quadratic."""

    def __init__(self, a: Sequence[str], b: Sequence[str]) -> None:
        super().__init__(None, a, b, autojunk=False)
        counts = Counter(b)
        self._walk = [0, *accumulate(1 + counts[k] for k in a)]  # keys walked before old index i
        self._left = MATCH_SCAN_BUDGET

    def find_longest_match(self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None):  # type: ignore[no-untyped-def]  # noqa: E501
        ahi = len(self.a) if ahi is None else ahi  # type: ignore[attr-defined]
        self._left -= self._walk[ahi] - self._walk[alo]
        if self._left < 0:
            raise _OverBudget
        return super().find_longest_match(alo, ahi, blo, bhi)


def _anchored_blocks(a: Sequence[str], b: Sequence[str]) -> list[tuple[int, int, int]]:
    """Matching blocks (i, j, size) past the budget, as SequenceMatcher gives them: the longest
    run of keys found on both sides in the same order (a patience diff, O(n log n)), the n-th
    copy of a repeated key standing for the n-th copy on the other side. What is left is for
    the similarity pass."""
    a, b = _numbered(a), _numbered(b)
    b_at = {k: j for j, k in enumerate(b)}
    anchors = _longest_increasing([(i, b_at[k]) for i, k in enumerate(a) if k in b_at])
    blocks: list[tuple[int, int, int]] = []
    for i, j in anchors:
        if blocks and blocks[-1][0] + blocks[-1][2] == i and blocks[-1][1] + blocks[-1][2] == j:
            blocks[-1] = (blocks[-1][0], blocks[-1][1], blocks[-1][2] + 1)
        else:
            blocks.append((i, j, 1))
    return [*blocks, (len(a), len(b), 0)]


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of `pairs` (sorted by their first item) whose second items increase."""
    tails: list[int] = []  # tails[k]: the pair ending the best run of length k + 1 found so far
    tail_ends: list[int] = []  # ... and its second item
    before = [-1] * len(pairs)
    for n, (_, j) in enumerate(pairs):
        k = bisect_left(tail_ends, j)
        if k:
            before[n] = tails[k - 1]
        if k == len(tails):
            tails.append(n)
            tail_ends.append(j)
        else:
            tails[k], tail_ends[k] = n, j
    run, n = [], tails[-1] if tails else -1
    while n >= 0:
        run.append(pairs[n])
        n = before[n]
    return run[::-1]


def _key_match_work(old_keys: Sequence[str], new_keys: Sequence[str]) -> int:
    """How many (old, new) positions with equal keys SequenceMatcher would walk: its cost on
    keys repeated many times on both sides."""
    old_counts, new_counts = Counter(old_keys), Counter(new_keys)
    return sum(n * new_counts[k] for k, n in old_counts.items() if k in new_counts)


def _numbered(keys: Sequence[str]) -> list[str]:
    """Each key with its occurrence number ("k", "k" -> "k\x000", "k\x001"): the n-th copy of a
    repeated clause matches only the n-th copy on the other side."""
    seen: Counter[str] = Counter()
    out = []
    for k in keys:
        out.append(f"{k}\x00{seen[k]}")
        seen[k] += 1
    return out


def _drop_split_and_joined(gap: _Gap, old: Sequence[Clause], new: Sequence[Clause]) -> _Gap:
    """Remove runs whose keys, joined, are equal on both sides: sentences split or joined."""
    keep_old, keep_new = list(gap.old), list(gap.new)
    i = j = 0
    while i < len(keep_old) and j < len(keep_new):
        run = _equal_run(keep_old, keep_new, i, j, old, new)
        if run is None:
            # advance the side whose next key is shorter; a run may start further on
            if len(old[keep_old[i]].key) <= len(new[keep_new[j]].key):
                i += 1
            else:
                j += 1
            continue
        n_old, n_new = run
        del keep_old[i : i + n_old]
        del keep_new[j : j + n_new]
    return _Gap(new_start=gap.new_start, old=keep_old, new=keep_new)


def _equal_run(
    old_ids: Sequence[int],
    new_ids: Sequence[int],
    i: int,
    j: int,
    old: Sequence[Clause],
    new: Sequence[Clause],
) -> tuple[int, int] | None:
    """(n_old, n_new) when the n_old old keys from old_ids[i] joined equal the n_new new keys
    from new_ids[j] joined (indices, not slices: a slice per step made a vast gap quadratic)."""
    a, b = old[old_ids[i]].key, new[new_ids[j]].key
    n_old = n_new = 1
    while a != b:
        if b.startswith(a) and i + n_old < len(old_ids):
            a += old[old_ids[i + n_old]].key
            n_old += 1
        elif a.startswith(b) and j + n_new < len(new_ids):
            b += new[new_ids[j + n_new]].key
            n_new += 1
        else:
            return None
    if n_old == 1 and n_new == 1:
        return None  # equal keys one to one are a move, found by the next pass
    return n_old, n_new


def _pair_equal_keys(
    old_ids: Sequence[int], new_ids: Sequence[int], old: Sequence[Clause], new: Sequence[Clause]
) -> list[tuple[int, int]]:
    """Pairs of clauses with equal keys that sit in different places: pure moves."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for j in new_ids:
        by_key[new[j].key].append(j)
    pairs = []
    for i in old_ids:
        candidates = by_key.get(old[i].key)
        if candidates:
            pairs.append((i, candidates.pop(0)))
    return pairs


def _pair_similar(
    old_ids: Sequence[int],
    new_ids: Sequence[int],
    old: Sequence[Clause],
    new: Sequence[Clause],
    old_gap: dict[int, int],
    new_gap: dict[int, int],
    gaps: Sequence[_Gap],
) -> list[tuple[int, int]]:
    """Greedy best-first pairing on shingle similarity, found through an inverted index."""
    if not old_ids or not new_ids:
        return []
    old_shingles = {i: _shingles(old[i].text) for i in old_ids}
    index: dict[str, list[int]] = defaultdict(list)
    for i in old_ids:
        for s in old_shingles[i]:
            index[s].append(i)
    bounded = len(old_ids) * len(new_ids) > PAIR_BUDGET
    if bounded:
        index = defaultdict(list, {s: ids for s, ids in index.items() if len(ids) <= RARE_WORD_CLAUSES})
    lone = {n for n, g in enumerate(gaps) if len(g.old) == 1 and len(g.new) == 1}

    old_size = {i: len(s) for i, s in old_shingles.items()}
    candidates = []
    for j in new_ids:
        shingles = _shingles(new[j].text)
        # Old clauses sharing shingles with this one, counted in C (the order of `shared` does not
        # matter: the candidates are sorted on a total key below).
        shared: dict[int, int] = Counter(chain.from_iterable(map(index.get, shingles, repeat(()))))
        gap = new_gap[j]
        if gap in lone:
            i = gaps[gap].old[0]
            if i in old_shingles:
                shared.setdefault(i, 0)
        if bounded:  # rare words found the candidates; score them on all their words
            shared = {i: len(old_shingles[i] & shingles) for i in shared}
        scored = _scored(shared, old_size, len(shingles), j, gap, old_gap, gap in lone, old, new)
        candidates += sorted(scored)[:BEST_CANDIDATES] if bounded else scored

    candidates.sort()
    pairs, used_old, used_new = [], set(), set()
    for _, _, _, i, j in candidates:
        if i not in used_old and j not in used_new:
            pairs.append((i, j))
            used_old.add(i)
            used_new.add(j)
    return pairs


def _scored(
    shared: dict[int, int],
    old_size: dict[int, int],
    size: int,
    j: int,
    gap: int,
    old_gap: dict[int, int],
    lone_gap: bool,
    old: Sequence[Clause],
    new: Sequence[Clause],
) -> list[tuple[float, bool, int, int, int]]:
    """The candidate pairs (sort key, old index, new index) of new clause `j`, which has `size`
    shingles and sits in `gap`, with the old clauses it shares `shared` shingles with.

    On a rewrite every old clause shares "the" or "and" with every new one, so this runs for
    each old x new pair: the threshold is looked up by gap once, not computed per pair."""
    out = []
    elsewhere = ELSEWHERE_THRESHOLD
    same = LONE_PAIR_THRESHOLD if lone_gap else SAME_GAP_THRESHOLD
    for i, n in shared.items():
        score = 2 * n / (old_size[i] + size or 1)
        if old_gap[i] != gap:
            if score >= elsewhere:
                out.append((-score, True, abs(i - j), i, j))
        elif score >= same or (lone_gap and _both_short(old[i], new[j])):
            out.append((-score, False, abs(i - j), i, j))
    return out


def _pair_replaced_lines(
    gaps: Sequence[_Gap],
    old: Sequence[Clause],
    new: Sequence[Clause],
    taken_old: set[int],
    taken_new: set[int],
) -> list[tuple[int, int]]:
    """Lines (a name, a street, a postcode: short, no sentence end) left unpaired in one gap are
    replaced in place, line by line: a new postal address is a few modified lines, not a block
    removed and another added."""
    pairs: list[tuple[int, int]] = []
    for gap in gaps:
        lines_old = [i for i in gap.old if i not in taken_old and _is_line(old[i])]
        lines_new = [j for j in gap.new if j not in taken_new and _is_line(new[j])]
        pairs += zip(lines_old, lines_new, strict=False)
    return pairs


def _is_line(clause: Clause) -> bool:
    text = clause.text.rstrip()
    return not clause.is_heading and 0 < len(text) <= MAX_LINE and not _SENTENCE_END.search(text)


def _both_short(a: Clause, b: Clause) -> bool:
    """Two short clauses alone in one gap (a date line, a heading) are a rewrite in place."""
    return len(a.text) <= 80 and len(b.text) <= 80


def _shingles(text: str) -> set[str]:
    """Words (CJK: single characters and their bigrams) in lower case: the unit of similarity."""
    # ASCII text lower-cased at once holds the same words, each lower-cased (one call for all)
    words = _WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in _WORD.findall(text)]
    shingles = set(words)
    if list(map(len, words)).count(1) > 1:  # bigrams need two one-character words (told in C)
        shingles.update(a + b for a, b in zip(words, words[1:], strict=False) if len(a) == 1 and len(b) == 1)
    return shingles


def _paired_change(a: Clause, b: Clause, kind: str) -> Change:
    """The change of a pair; its inline diff computed when read (a pair merged into a re-written
    paragraph's change never needs its own: models.with_deferred_inline)."""
    change = Change(kind=kind, old=a, new=b)  # type: ignore[arg-type]
    return with_deferred_inline(change, inline_diff, a.text, b.text) if a.text != b.text else change


def _in_document_order(changes: list[Change], gaps: Sequence[_Gap]) -> list[Change]:
    """Sort by where a reader meets the change in the new version; a removed clause sits just
    before the place its gap opens in the new version."""
    removed_at = {i: g.new_start - 0.5 for g in gaps for i in g.old}

    def position(c: Change) -> tuple[float, int]:
        if c.new is not None:
            return (float(c.new.index), c.old.index if c.old else -1)
        assert c.old is not None
        return (removed_at[c.old.index], c.old.index)

    return sorted(changes, key=position)


_OPS = {"=": 0, "-": -1, "+": 1}  # fast-diff-match-patch's operations -> diff-match-patch's
INLINE_EXACT_TOKENS = 50_000  # tokens of both clauses, far more than any real clause holds
INLINE_DEADLINE = 1.0  # seconds for the inline diff of a freak clause pair


def inline_diff(old_text: str, new_text: str) -> list[tuple[int, str]]:
    """A diff-match-patch diff of two clause texts, by word for Latin scripts and by character for
    CJK, after semantic clean-up. Never run on whole documents (see module docstring)."""
    encoded = as_symbols(_TOKEN.findall(old_text), _TOKEN.findall(new_text))
    if encoded is None:  # more distinct tokens than code points: one replacement
        return [(-1, old_text), (1, new_text)]
    a, b, decode = encoded
    # Clean up while each token is one symbol: on decoded text the lossless shift would slide
    # edits across word boundaries ("necessary fo|r" -> "afte|r"). No time limit for clause-sized
    # inputs: they get the exact diff, the same on every run; a freak clause gets a deadline.
    limit = 0 if len(a) + len(b) <= INLINE_EXACT_TOKENS else INLINE_DEADLINE
    diffs = fast_diff_match_patch.diff(
        a, b, timelimit=limit, checklines=False, cleanup="Semantic", counts_only=False
    )
    return [(_OPS[op], "".join(map(decode.__getitem__, text))) for op, text in diffs if text]
