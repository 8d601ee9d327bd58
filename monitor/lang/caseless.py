"""Case-insensitive lexicon regexes run as case-sensitive ones on lower-cased text: same answers, faster.

Python's re tries every alternative of an IGNORECASE alternation at every position of the text
(no first-letter shortcut applies to case-folded letters), and the lexicons' alternations hold
hundreds of words. Without the flag, an alternative whose first letter differs is skipped at
once, so the same pattern runs about twice as fast on the lower-cased text.

That is only done where it provably finds the same matches at the same places:
- the text (`folded`): every character in FOLDABLE, where lower-casing maps one character to
  one character, so positions stay put (ASCII, Latin-1 letters, punctuation and spaces);
- the pattern (`caseless`): each of its single-character tests (a literal, a class, `\\w`...)
  accepts a FOLDABLE character under IGNORECASE exactly when, without the flag, it accepts that
  character in lower case (checked against re itself for every such character), and nothing in
  it compares text with text (a back-reference) or switches flags inside. Everything else
  (groups, repeats, look-arounds, boundaries) then behaves alike on both texts.
Only whether a pattern matches, and how many times, is answered here: a match's own text would
be the lower-cased one. Whatever cannot be shown alike falls back to the pattern itself.

Before either, a lexicon pattern that one Hyperscan scan of the text shows cannot match is not
run at all (monitor/lang/prefilter.py, when hyperscan is installed): most find nothing.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from monitor.lang import firstchar, prefilter

try:  # re's own parser and compiler (CPython 3.11+), to read a pattern's single-character tests
    from re import _compiler as _sre_compiler  # type: ignore[attr-defined]
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another implementation: always use the pattern itself
    _sre_parser = None  # type: ignore[assignment]

_LATIN1_AND_PUNCTUATION = (*range(0xA0, 0x100), *range(0x2000, 0x2070))
FOLDABLE = frozenset(
    chr(c)
    for c in (*range(0x80), *_LATIN1_AND_PUNCTUATION)
    if len(chr(c).lower()) == 1
    and (c < 0x80 or not chr(c).isalpha() or 0xC0 <= c <= 0xFF)
    and chr(c) not in "\u00b5\u00aa\u00ba\u00df\u00ff"  # micro, ordinals, sharp s, y-diaeresis
)
_OUTSIDE = re.compile("[^" + "".join(re.escape(c) for c in sorted(FOLDABLE)) + "]")
_WORD = re.compile(r"\w")
_CAN_FOLD = _sre_parser is not None and all(
    bool(_WORD.match(c)) == bool(_WORD.match(c.lower())) and c.lower() in FOLDABLE for c in FOLDABLE
)


@lru_cache(maxsize=512)  # a clause's text is asked about by many patterns in a row
def folded(text: str) -> str | None:
    """The text lower-cased, when every character keeps its place (all in FOLDABLE); else None."""
    if not _CAN_FOLD or (not text.isascii() and _OUTSIDE.search(text)):
        return None
    return text.lower()


# pattern -> its twin or None. A lexicon's patterns live as long as the process; a compiled
# re.Pattern is keyed by its source and flags, a lexicon's lazy one by itself.
_twins: dict[Any, re.Pattern[str] | None] = {}


def caseless(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The pattern without IGNORECASE, when on `folded` text it finds what the pattern finds on
    the text; None when that cannot be shown (or the pattern is case-sensitive anyway)."""
    try:
        return _twins[pattern]
    except KeyError:
        twin = _twin(pattern.pattern, pattern.flags) if pattern.flags & re.IGNORECASE else None
        _twins[pattern] = twin
        return twin


def first(pattern: re.Pattern[str], text: str) -> int | None:
    """Where the pattern's first match in the text starts; None when it has none."""
    if prefilter.cannot_match(pattern, text):
        return None
    chosen, read = _pick(pattern, text)
    m = chosen.search(read)
    return m.start() if m is not None else None


def start_of_any(union: re.Pattern[str], text: str) -> int | None:
    """Where the matches of patterns whose union `union` is (KeyedPatterns.any) can start: None
    when the union has none. Where the Hyperscan prefilter rules on the union, 0 when it may
    match: each pattern is then ruled on by the same scan, which is cheaper than running the
    union (hundreds of words); else where the union's first match starts (none starts before)."""
    if prefilter.rules_on(union):
        return None if prefilter.cannot_match(union, text) else 0
    return first(union, text)


def search(pattern: re.Pattern[str], text: str, pos: int = 0) -> bool:
    """Whether the pattern matches in the text, at `pos` or after (as `pattern.search(text, pos)`:
    what stands before `pos` still counts for a look-behind)."""
    return not prefilter.cannot_match(pattern, text) and _found(pattern, text, pos)


def count(pattern: re.Pattern[str], text: str, pos: int = 0) -> int:
    """How many (non-overlapping) matches `pattern.findall(text, pos)` finds."""
    return 0 if prefilter.cannot_match(pattern, text) else _count(pattern, text, pos)


def matching_keys(patterns: dict[str, re.Pattern[str]], text: str, pos: int = 0) -> list[str]:
    """The keys whose pattern `search`es true, in the mapping's order: one prefilter look-up
    for all the patterns, then only those it leaves are run."""
    return [key for key, pattern in prefilter.may_match(patterns.items(), text) if _found(pattern, text, pos)]


def counts(patterns: dict[str, re.Pattern[str]], text: str, pos: int = 0) -> list[tuple[str, int]]:
    """(key, `count`) of the keys whose pattern matches, in the mapping's order: one prefilter
    look-up for all the patterns, then only those it leaves are run."""
    left = prefilter.may_match(patterns.items(), text)
    return [(key, n) for key, pattern in left if (n := _count(pattern, text, pos))]


def _found(pattern: re.Pattern[str], text: str, pos: int) -> bool:
    """`pattern.search(text, pos)` through the pattern's case-folded twin where it has one."""
    chosen, read = _pick(pattern, text)
    return chosen.search(read, pos) is not None


def _count(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """`len(pattern.findall(text, pos))` through the pattern's case-folded twin where it has one."""
    chosen, read = _pick(pattern, text)
    return len(chosen.findall(read, pos))


def _pick(pattern: re.Pattern[str], text: str) -> tuple[re.Pattern[str], str]:
    """The pattern's twin and the folded text when there are both; else the two as given."""
    try:  # caseless(pattern), without a call for the patterns met before (nearly all)
        twin = _twins[pattern]
    except KeyError:
        twin = caseless(pattern)
    if twin is not None:
        low = folded(text)
        if low is not None:
            return twin, low
    return pattern, text


@cache
def _twin(source: str, flags: int) -> re.Pattern[str] | None:
    from monitor.lang.startup_cache import remembered

    plain = flags & ~re.IGNORECASE
    # The proof parses the whole pattern (~1 ms for a lexicon's union): kept on disk, as the
    # compiled code is, so a short command does not pay it again.
    if not remembered("caseless-1", (source, flags), lambda: _provably_alike(source, flags)):
        return None
    # without IGNORECASE, a union led by a look-behind can be led by its first characters
    # instead, which re then skips to (monitor/lang/firstchar.py)
    return firstchar.compiled(source, plain)


def _provably_alike(source: str, flags: int) -> bool:
    """Whether `source` finds the same matches under `flags` on a text as without IGNORECASE
    on the text lower-cased (every character in FOLDABLE)."""
    if not _CAN_FOLD:
        return False
    try:
        parsed = _sre_parser.parse(source, flags)
        if _sre_parser.parse(source, flags & ~re.IGNORECASE).state.flags & re.IGNORECASE:
            return False  # an inline (?i)
        return _alike(parsed.data, parsed.state.flags)
    except Exception:  # noqa: BLE001 - whatever re's internals do, the pattern itself still works
        return False


def _alike(items: Any, flags: int) -> bool:
    """Every single-character test in the parsed items passes `_same_test`, and no item is one
    whose meaning depends on more than single characters (back-references, inline flags)."""
    c = _sre_constants
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
            if not _same_test(op, av, flags):
                return False
        elif op is c.AT:
            continue  # \b, ^, $: \w and line ends are the same in lower case (checked above)
        elif op is c.BRANCH:
            if not all(_alike(branch, flags) for branch in av[1]):
                return False
        elif op is c.SUBPATTERN:
            if av[1] or av[2] or not _alike(av[3], flags):  # (?i:...), (?-i:...)
                return False
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            if not _alike(av[2], flags):
                return False
        elif op in (c.ASSERT, c.ASSERT_NOT):
            if not _alike(av[1], flags):
                return False
        elif op is c.ATOMIC_GROUP:
            if not _alike(av, flags):
                return False
        else:  # GROUPREF, GROUPREF_EXISTS, anything newer
            return False
    return True


_tests: dict[tuple[Any, str, int], bool] = {}


def _same_test(op: Any, av: Any, flags: int) -> bool:
    """One single-character test accepts each FOLDABLE character under `flags` exactly when,
    without IGNORECASE, it accepts that character lower-cased (cached by the test's repr: a
    class's items are a list)."""
    key = (op, repr(av), flags)
    if key not in _tests:
        with_case = _one_test(op, av, flags)
        without = _one_test(op, av, flags & ~re.IGNORECASE)
        _tests[key] = all(
            bool(with_case.fullmatch(ch)) == bool(without.fullmatch(ch.lower())) for ch in FOLDABLE
        )
    return _tests[key]


def _one_test(op: Any, av: Any, flags: int) -> re.Pattern[str]:
    state = _sre_parser.State()
    state.flags = flags
    return _sre_compiler.compile(_sre_parser.SubPattern(state, [(op, av)]), flags)
