"""A lexicon regex re-written to start with literal characters: same matches, found faster.

A lexicon's union starts with `(?<!\\w)`, and Python's re then has no first character to look
for: it tries the whole union (hundreds of words) at every position of a text. Written instead
as one alternative per first character, each the character itself, the look-behind moved after
it and the rest of every word that can start with it,

    (?<!\\w)(?:ab|ac|b)   ->   (?:a(?<!\\wa)(?:b|c)|b(?<!\\wb))

the pattern has a set of first characters, and re skips every position whose character is in
none (and tries only the words starting with it where one is).

What follows a first character `c` is the pattern's derivative by `c`, computed on re's own
parse of it: what the rest of the text must match where the pattern matches from a position
holding `c`. Each step keeps re's order of trying things (alternatives in order, a greedy repeat
before skipping it, a lazy one after), so at every position the re-written pattern finds the
match the pattern finds, and no other. A look-behind at the first position looks back one
character more once `c` is read; a word boundary there likewise. Whatever is not shown here to
keep that (a capture group, a flag inside, `^`, a back-reference, something that can match
nothing, a first character out of a small set) leaves the pattern as it is (`split` -> None).

Case-sensitive patterns (the twins monitor/lang/caseless.py runs on lower-cased text) are split
so. A case-insensitive one gives re no first character to skip to however it is written (re
looks for none that has a case), so its look-behind stays first, which rules out most positions
at once, and only the alternatives after it are grouped by their first letter as re compares
letters (lower-cased): where the look-behind holds, re tries one group instead of every word.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Any

try:  # re's own parser (CPython 3.11+)
    import _sre
    from re import _constants as _c
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover - another implementation: patterns stay as they are
    _sre_parser = None  # type: ignore[assignment]

MAX_FIRST = 400  # first characters: a class wider than this (\w, [^x], .) leaves the pattern as it is


@cache
def version() -> str:
    """A hash of this module's code: a split kept on disk by other code is not used."""
    try:
        return hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8).hexdigest()
    except OSError:  # pragma: no cover - no file (a frozen build)
        return "unknown"


def compiled(source: str, flags: int) -> re.Pattern[str]:
    """The pattern compiled from its split (`split`, where there is one), through the start-up
    cache (monitor/lang/startup_cache.py): one entry keeps the split's code, so a process that
    finds it neither splits nor compiles; `.pattern` is `source`."""
    from monitor.lang.startup_cache import compile_cached

    return compile_cached(source, flags, rewrite=(split, "firstchar-" + version()))


class _GiveUp(Exception):
    """The pattern holds something the derivative does not handle."""


_UNSUPPORTED_FLAGS = re.ASCII | re.LOCALE | re.VERBOSE | re.DOTALL | re.MULTILINE


def split(source: str, flags: int) -> str | None:
    """`source` re-written as one alternative per first character (same matches under `flags`),
    or None when it cannot be, or has a first character to look for already."""
    if _sre_parser is None or flags & _UNSUPPORTED_FLAGS:
        return None
    try:
        parsed = _sre_parser.parse(source, flags)
        if parsed.state.groups > 1 or (parsed.state.flags & ~re.UNICODE) != (flags & ~re.UNICODE):
            return None  # a capture group, or a flag set for the whole pattern inside it
        data = list(parsed.data)
        if data and data[0][0] in (_c.LITERAL, _c.IN, _c.BRANCH):
            return None  # re may find a first character itself
        out = _split_folded(data) if flags & re.IGNORECASE else _split_at_first(data, False)
        if out is not None:
            re.compile(out, flags)
        return out
    except (_GiveUp, re.error, RecursionError, ValueError, KeyError):
        return None


def _split_at_first(data: list[Any], folded: bool) -> str | None:
    """One alternative per first character: the character, then what follows it."""
    firsts = _first(data, folded)
    if firsts is None or len(firsts) > MAX_FIRST:
        return None
    if folded and any(_lower(ord(ch)) != ord(ch) for ch in firsts):
        return None
    pieces = []
    for ch in sorted(firsts):
        rest = _derive(data, ch, folded)
        if rest is not None:
            pieces.append(re.escape(ch) + rest)
    return "(?:" + "|".join(pieces) + ")" if pieces else None


def _split_folded(data: list[Any]) -> str | None:
    """Case-insensitive: re finds no first character to skip to either way, but a look-behind
    first rules out most positions at once; it stays first, and the alternatives after it are
    grouped by first letter (lower-cased, as re compares them), so re tries one group, not
    every word, where it holds."""
    lead = 0
    while lead < len(data) and data[lead][0] in (_c.ASSERT, _c.ASSERT_NOT) and data[lead][1][0] < 0:
        lead += 1
    if not lead:
        return None
    rest = _split_at_first(data[lead:], True)  # each group led by its letter lower-cased
    return None if rest is None else _source(data[:lead]) + rest


def _first(seq: list[Any], folded: bool) -> set[str] | None:
    """The characters a match of `seq` can start with (more is fine), or None when too many or
    when it can match nothing."""
    if not seq:
        return None
    op, av = seq[0]
    rest = seq[1:]
    if op is _c.LITERAL:
        return {chr(_lower(av))} if folded else {chr(av)}
    if op is _c.IN:
        return None if folded else _class_chars(av)
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return _first(rest, folded)
    if op is _c.SUBPATTERN:  # (?-i:...) in a case-insensitive pattern: its letters lower-cased
        exact = _first(_case_sensitive_body(av, folded), False)
        return None if exact is None else {chr(_lower(ord(ch))) for ch in exact}
    if op is _c.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _first(list(alt) + rest, folded)
            if got is None:
                return None
            out |= got
        return out
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, hi, body = av
        if hi == 0 or _nullable(list(body)):
            return None
        got = _first(list(body), folded)
        if got is None or lo >= 1:
            return got
        after = _first(rest, folded)
        return None if after is None else got | after
    return None


def _class_chars(items: list[Any]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < MAX_FIRST:
            out.update(chr(i) for i in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\s too: spaces are everywhere, no position is skipped), a wide range
            return None
    return out


def _nullable(seq: list[Any]) -> bool:
    """Whether `seq` may match without reading a character (True when unsure)."""
    for op, av in seq:
        if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
            return False
        if op is _c.BRANCH:
            if not any(_nullable(list(alt)) for alt in av[1]):
                return False
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            if av[0] >= 1 and not _nullable(list(av[2])):
                return False
        elif op is _c.SUBPATTERN:
            if not _nullable(list(av[3])):
                return False
        elif op not in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            return True
    return True


def _accepts(op: Any, av: Any, ch: str, folded: bool) -> bool:
    """Whether one single-character test accepts `ch` (case-sensitively); `folded`: whether a
    literal accepts what the literal `ch` accepts when case is ignored (re compares both
    lower-cased), and nothing else is asked."""
    if folded:
        if op is not _c.LITERAL:
            raise _GiveUp
        return _lower(av) == ord(ch)
    if op is _c.LITERAL:
        return av == ord(ch)
    if op is _c.NOT_LITERAL:
        return av != ord(ch)
    if op is _c.ANY:
        return ch != "\n"
    return re.fullmatch(f"[{_class(av)}]", ch) is not None


def _derive(seq: list[Any], ch: str, folded: bool) -> str | None:
    """The source of what follows `ch` in a match of `seq` started at a position holding `ch`
    (None: no match starts so); a character before that position is read as one more back."""
    if not seq:
        raise _GiveUp  # `seq` matched nothing before `ch`
    op, av = seq[0]
    rest = seq[1:]
    if op in (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY):
        return _source(rest) if _accepts(op, av, ch, folded) else None
    if op is _c.AT:
        return _shifted_boundary(av, ch, rest, folded)
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        return _shifted_assertion(op, av, ch, rest, folded)
    if op is _c.BRANCH:
        if any(_nullable(list(alt)) for alt in av[1]):
            raise _GiveUp
        found = [d for alt in av[1] if (d := _derive(list(alt), ch, folded)) is not None]
        return None if not found else _group(found) + _source(rest)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        return _derive_repeat(op, av, ch, rest, folded)
    if op is _c.SUBPATTERN:
        return _derive_case_sensitive(av, ch, rest, folded)
    raise _GiveUp


def _case_sensitive_body(av: Any, folded: bool) -> list[Any]:
    """The body of a (?-i:...) group in a case-insensitive pattern, which matches something;
    _GiveUp for any other group."""
    group, add, remove, body = av
    if not folded or group is not None or add or remove != re.IGNORECASE or _nullable(list(body)):
        raise _GiveUp
    return list(body)


def _derive_case_sensitive(av: Any, ch: str, rest: list[Any], folded: bool) -> str | None:
    """A (?-i:...) group first, where the letter read is `ch` in any case: for each character it
    can start with that lower-cases to `ch`, a look-behind for that very character, then the
    group's derivative by it (case-sensitive), then the rest."""
    body = _case_sensitive_body(av, folded)
    exact = _first(body, False)
    if exact is None:
        raise _GiveUp
    found = []
    for t in sorted(exact):
        if _lower(ord(t)) != ord(ch):
            continue
        inner = _derive(body, t, False)
        if inner is not None:
            found.append(f"(?<=(?-i:{re.escape(t)}))(?-i:{inner})")
    return None if not found else _group(found) + _source(rest)


def _derive_repeat(op: Any, av: Any, ch: str, rest: list[Any], folded: bool) -> str | None:
    """`body{lo,hi}` is `body body{lo-1,hi-1}` when lo >= 1; else, greedy, the body once more
    before skipping it (lazy: after)."""
    lo, hi, body = av
    if hi == 0:
        return _derive(rest, ch, folded)
    if _nullable(list(body)):
        raise _GiveUp
    inner = _derive(list(body), ch, folded)
    more = None
    if inner is not None:
        next_hi = hi if hi == _c.MAXREPEAT else hi - 1
        more = _group([inner]) + _repeat(op, max(lo - 1, 0), next_hi, list(body)) + _source(rest)
    if lo >= 1:
        return more
    skip = _derive(rest, ch, folded)
    order = [more, skip] if op is _c.MAX_REPEAT else [skip, more]
    found = [d for d in order if d is not None]
    if not found:
        return None
    return found[0] if len(found) == 1 else _group(found)


def _shifted_boundary(code: Any, ch: str, rest: list[Any], folded: bool) -> str | None:
    """\\b or \\B before `ch`, tested once `ch` is read: whether the character before it is a
    word character, as a look-behind one character longer."""
    if code not in (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY):
        raise _GiveUp  # ^, $, \A, \Z
    after = _derive(rest, ch, folded)
    if after is None:
        return None
    word = re.match(r"\w", ch) is not None
    # \b: the character before is a word character exactly when `ch` is none
    before_is_word = (not word) if code is _c.AT_BOUNDARY else word
    look = "(?<=" if before_is_word else "(?<!"
    return f"{look}\\w{re.escape(ch)})" + after


def _shifted_assertion(op: Any, av: Any, ch: str, rest: list[Any], folded: bool) -> str | None:
    direction, body = av
    after = _derive(rest, ch, folded)
    if after is None:
        return None
    if direction < 0:  # a look-behind: it looks back over `ch` too
        look = "(?<=" if op is _c.ASSERT else "(?<!"
        return f"{look}{_source(list(body))}{re.escape(ch)})" + after
    if _nullable(list(body)):
        raise _GiveUp
    inner = _derive(list(body), ch, folded)
    if op is _c.ASSERT:
        return None if inner is None else f"(?={inner})" + after
    return after if inner is None else f"(?!{inner})" + after


def _group(alternatives: list[str]) -> str:
    return "(?:" + "|".join(alternatives) + ")"


def _repeat(op: Any, lo: int, hi: int, body: list[Any]) -> str:
    if hi == 0:
        return ""
    top = "" if hi == _c.MAXREPEAT else str(hi)
    lazy = "?" if op is _c.MIN_REPEAT else ""
    return f"(?:{_source(body)}){{{lo},{top}}}{lazy}"


_AT = {
    _c.AT_BEGINNING: "^",
    _c.AT_BEGINNING_STRING: r"\A",
    _c.AT_BOUNDARY: r"\b",
    _c.AT_NON_BOUNDARY: r"\B",
    _c.AT_END: "$",
    _c.AT_END_STRING: r"\Z",
}
_CATEGORIES = {
    _c.CATEGORY_DIGIT: r"\d",
    _c.CATEGORY_NOT_DIGIT: r"\D",
    _c.CATEGORY_SPACE: r"\s",
    _c.CATEGORY_NOT_SPACE: r"\S",
    _c.CATEGORY_WORD: r"\w",
    _c.CATEGORY_NOT_WORD: r"\W",
}


def _source(seq: list[Any]) -> str:
    """Regex source for parsed items (the subset `_derive` handles)."""
    return "".join(_item(op, av) for op, av in seq)


def _item(op: Any, av: Any) -> str:
    if op is _c.LITERAL:
        return re.escape(chr(av))
    if op is _c.NOT_LITERAL:
        return f"[^{re.escape(chr(av))}]"
    if op is _c.ANY:
        return "."
    if op is _c.IN:
        return f"[{_class(av)}]"
    if op is _c.AT:
        return _AT[av]
    if op is _c.BRANCH:
        return _group([_source(list(alt)) for alt in av[1]])
    if op is _c.SUBPATTERN and av[0] is None:  # (?-i:...): a group with its own flags
        return f"(?{_flag_letters(av[1])}-{_flag_letters(av[2])}:{_source(list(av[3]))})".replace("-:", ":")
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
        lo, hi, body = av
        top = "" if hi == _c.MAXREPEAT else str(hi)
        lazy = "?" if op is _c.MIN_REPEAT else ""
        return f"(?:{_source(list(body))}){{{lo},{top}}}{lazy}"
    if op in (_c.ASSERT, _c.ASSERT_NOT):
        direction, body = av
        look = {(True, 1): "(?=", (False, 1): "(?!", (True, -1): "(?<=", (False, -1): "(?<!"}
        return look[(op is _c.ASSERT, 1 if direction > 0 else -1)] + _source(list(body)) + ")"
    raise _GiveUp


def _flag_letters(flags: int) -> str:
    letters = {re.IGNORECASE: "i", re.MULTILINE: "m", re.DOTALL: "s", re.VERBOSE: "x"}
    if flags & ~(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE):
        raise _GiveUp
    return "".join(letter for flag, letter in letters.items() if flags & flag)


def _lower(code: int) -> int:
    """A character as re lower-cases it to compare case-insensitively."""
    return int(_sre.unicode_tolower(code))


def _class(items: list[Any]) -> str:
    out = []
    for op, av in items:
        if op is _c.NEGATE:
            out.insert(0, "^")
        elif op is _c.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _c.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            raise _GiveUp
    return "".join(out)
