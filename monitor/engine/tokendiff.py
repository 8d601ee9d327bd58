"""Token diffs of two clause texts, with the work bounded for freak input.

In: two token lists (words, punctuation). Out: opcodes as difflib.SequenceMatcher.get_opcodes
gives them: ("equal" | "replace" | "delete" | "insert", i1, i2, j1, j2).

SequenceMatcher's cost grows with the pairs of equal tokens, len(a) x len(b) at worst: one
hostile "sentence" of a few thousand repeated tokens ("a.a.a...", a word said over and over)
took minutes, a 3 MB one hours, holding a check thread the whole time. Real clauses have few
repeated tokens, so their work (pairs of equal tokens) stays in the thousands and they get
SequenceMatcher's exact result as before. Past PER_CALL_WORK, or once a classification has
spent TOTAL_WORK (`diff_budget`), the diff comes from diff-match-patch's C++ diff with a
deadline instead: a coarser but bounded answer for pages no one writes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from difflib import SequenceMatcher
from itertools import chain

import fast_diff_match_patch

Opcode = tuple[str, int, int, int, int]

PER_CALL_WORK = 200_000  # pairs of equal tokens one exact diff may walk (~20 ms at worst)
TOTAL_WORK = 5_000_000  # ... and all the exact diffs of one classification (real pairs: < 10,000)
DEADLINE = 0.05  # seconds diff-match-patch may spend on one bounded diff
_BMP_SYMBOLS = 6400  # U+E000..U+F8FF
_MAX_SYMBOLS = 0x10FFFD - 0xF0000  # ... then U+F0000 + n up to U+10FFFD
_BMP_CODES = tuple(map(chr, range(0xE000, 0xE000 + _BMP_SYMBOLS)))

_work_left: ContextVar[int | None] = ContextVar("token_diff_work_left", default=None)


@contextmanager
def diff_budget(total: int = TOTAL_WORK) -> Iterator[None]:
    """Bound the exact diffs run inside the block to `total` work in all (one classification)."""
    token = _work_left.set(total)
    try:
        yield
    finally:
        _work_left.reset(token)


def equal_pairs(a: Sequence[str], b: Sequence[str]) -> int:
    """Pairs (i, j) with a[i] == b[j]: what SequenceMatcher's longest-match search walks."""
    counts = Counter(b)
    return sum(counts[t] for t in a)


def token_opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    """The opcodes turning `a` into `b`: exact while within budget, bounded past it."""
    work = equal_pairs(a, b)
    left = _work_left.get()
    if work <= PER_CALL_WORK and (left is None or work <= left):
        if left is not None:
            _work_left.set(left - work)
        return SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return _bounded_opcodes(a, b)


def as_symbols(a: Sequence[str], b: Sequence[str]) -> tuple[str, str, dict[str, str]] | None:
    """Both token lists as strings of one private-use code point per distinct token (so that
    diff-match-patch diffs tokens, not characters), and the table back from code point to token;
    None past the code points there are (a freak clause of over 131,000 distinct tokens).

    The n-th distinct token, in the order the tokens first appear in `a` then `b`, is U+E000 + n
    (BMP private use), past those U+F0000 + n (planes 15-16): all symbols, none a letter or
    space, so diff-match-patch's semantic clean-up weighs every token alike."""
    distinct = dict.fromkeys(chain(a, b))  # first-seen order, found in C
    if len(distinct) > _MAX_SYMBOLS:
        return None
    if len(distinct) <= _BMP_SYMBOLS:
        table = dict(zip(distinct, _BMP_CODES, strict=False))
    else:
        table = {t: chr(0xE000 + n) if n < _BMP_SYMBOLS else chr(0xF0000 + n) for n, t in enumerate(distinct)}
    code = table.__getitem__
    return "".join(map(code, a)), "".join(map(code, b)), {c: t for t, c in table.items()}


def _bounded_opcodes(a: Sequence[str], b: Sequence[str]) -> list[Opcode]:
    encoded = as_symbols(a, b)
    if encoded is None:
        return [("replace", 0, len(a), 0, len(b))]
    ea, eb, _ = encoded
    diffs = fast_diff_match_patch.diff(
        ea, eb, timelimit=DEADLINE, checklines=False, cleanup="No", counts_only=True
    )
    return _opcodes(diffs)


def _opcodes(diffs: list[tuple[str, int]]) -> list[Opcode]:
    """(op, count) runs -> SequenceMatcher opcodes (a deletion next to an insertion: a replace)."""
    ops: list[Opcode] = []
    i = j = deleted = inserted = 0

    def flush() -> None:
        nonlocal i, j, deleted, inserted
        if deleted or inserted:
            tag = "replace" if deleted and inserted else "delete" if deleted else "insert"
            ops.append((tag, i, i + deleted, j, j + inserted))
            i, j, deleted, inserted = i + deleted, j + inserted, 0, 0

    for op, count in diffs:
        if op == "=":
            flush()
            ops.append(("equal", i, i + count, j, j + count))
            i, j = i + count, j + count
        elif op == "-":
            deleted += count
        else:
            inserted += count
    flush()
    return ops
