"""One Hyperscan scan per text tells which lexicon regexes cannot match it: those are not run.

Most lexicon regexes find nothing in most clauses, and Python's re pays a full search of the
text to learn it. Hyperscan (an optional accelerator: the `fast` extra) scans a text
once for all the lexicons' patterns together. Each pattern is given to it as a SUPERSET of
itself, translated here from re's own parse tree, so that "Hyperscan found nothing" proves that
re finds nothing:
- zero-width tests (look-arounds, \\b, ^, $) are left out: without them a pattern only
  matches more;
- a literal, or a class of literals and ranges, becomes the exact set of characters re accepts
  for it, case variants included where the pattern ignores case (re's rule: the lower-case form
  of the character, or one of its extra case equivalents, is in the set);
- the four non-ASCII characters re takes for a plain letter when ignoring case (long s, the
  Kelvin sign, dotted and dotless capital I) are written as that letter in the text scanned, and
  a set that accepts one accepts the letter instead: a class of ASCII letters stays ASCII.
  Hyperscan was seen to miss a match of an expression whose letter classes each held one of
  these beside the ASCII pair (about twenty such classes, in a text of more than ~40 characters);
- any other single-character test (\\w, \\d, \\s, a negated class, `.`) becomes what re accepts
  among ASCII characters plus every non-ASCII character;
- repeats, groups and alternations are kept as they are (atomic and possessive ones as plain
  ones: a superset too), and Hyperscan's prefilter mode may widen what it cannot build.
A pattern that cannot be so translated (a back-reference, an ASCII or LOCALE flag) or that
Hyperscan rejects is not in the database: it is always run, as a pattern with no database is
when hyperscan is not installed. The answer is then always "may match", never a wrong "no".

Each lexicon's patterns are one database (`register`, from lexicon.load_lexicon), kept with the
other start-up data (monitor/lang/startup_cache.py): a short command loads it (1-8 ms). Building
one takes 1-4 s a language, so only a process that said it may (`allow_building`: the daemon,
a worker, the engine benchmark) builds a missing one, when one of its patterns is first asked
about (the daemon and a worker in a background thread, running every pattern until it is
ready); a short command (`diff`, `check`, the scorer's runs) uses the databases it finds and runs
every pattern of a language that has none, as without Hyperscan: never slower than before.
POLICY_MONITOR_NO_HYPERSCAN=1 turns the prefilter off (the answers are the same, only slower).
"""

from __future__ import annotations

import marshal
import os
import re
import threading
from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

try:
    import hyperscan
except ImportError:  # the accelerator is optional: every pattern then runs, as before
    hyperscan = None  # type: ignore[assignment]

try:  # re's own parser and tables (CPython 3.11+)
    import _sre
    from re import _compiler as _sre_compiler  # type: ignore[attr-defined]
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - another implementation
    _sre_parser = None  # type: ignore[assignment]

VERSION = 3  # of the translation (bump it with any change): part of the cached database's key
_MAX_CODE = 0x10FFFF
_SURROGATES = (0xD800, 0xDFFF)  # never in text that encodes to UTF-8
_NON_ASCII = ((0x80, _SURROGATES[0] - 1), (_SURROGATES[1] + 1, _MAX_CODE))
_UNSUPPORTED_FLAGS = re.ASCII | re.LOCALE


class Untranslatable(Exception):
    """A pattern holds something with no superset built here (a back-reference)."""


Key = tuple[str, int]


_NOT_UNICODE = ~int(re.UNICODE)


def key_of(pattern: Any) -> Key:
    """The database's key of a compiled or lazy pattern: its source and flags."""
    return (pattern.pattern, int(pattern.flags) & _NOT_UNICODE)


def supersets(source: str, flags: int) -> list[str]:
    """Hyperscan expressions (UTF-8 mode, case-sensitive), one at least of which matches
    wherever re's `source` under `flags` has a match (and maybe elsewhere): the pattern's
    top-level alternatives apart, as Hyperscan limits an expression's length. Raises
    Untranslatable."""
    if _sre_parser is None or flags & _UNSUPPORTED_FLAGS:
        raise Untranslatable("flags")
    parsed = _sre_parser.parse(source, flags)
    return _alternatives(parsed.data, parsed.state.flags)


def _alternatives(items: Iterable[tuple[Any, Any]], flags: int) -> list[str]:
    c = _sre_constants
    kept = [(op, av) for op, av in items if op not in (c.AT, c.ASSERT, c.ASSERT_NOT)]
    if len(kept) == 1:
        op, av = kept[0]
        if op is c.BRANCH:
            return [alt for branch in av[1] for alt in _alternatives(branch, flags)]
        if op is c.SUBPATTERN and not av[1] and not av[2]:
            return _alternatives(av[3], flags)
    return [_items(kept, flags)]


def _items(items: Iterable[tuple[Any, Any]], flags: int) -> str:
    c = _sre_constants
    out = []
    for op, av in items:
        if op in (c.LITERAL, c.NOT_LITERAL, c.IN, c.ANY):
            out.append(_char_class(op, av, flags))
        elif op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            continue  # zero-width: leaving it out only widens the match
        elif op is c.BRANCH:
            out.append("(?:" + "|".join(_items(b, flags) for b in av[1]) + ")")
        elif op is c.SUBPATTERN:
            _group, add, remove, body = av
            inner = (flags | add) & ~remove
            if inner & _UNSUPPORTED_FLAGS:
                raise Untranslatable("inline flags")
            out.append("(?:" + _items(body, inner) + ")")
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
            low, high, body = av
            bound = "" if high is c.MAXREPEAT else str(high)
            out.append(f"(?:{_items(body, flags)}){{{low},{bound}}}")
        elif op is c.ATOMIC_GROUP:
            out.append("(?:" + _items(av, flags) + ")")
        else:  # GROUPREF, GROUPREF_EXISTS, anything newer
            raise Untranslatable(str(op))
    return "".join(out)


def _char_class(op: Any, av: Any, flags: int) -> str:
    return _class_text(_accepted(op, repr(av), flags, av))


def _accepted(op: Any, av_repr: str, flags: int, av: Any) -> tuple[tuple[int, int], ...]:
    key = (op, av_repr, flags)
    if key not in _accepted_cache:
        _accepted_cache[key] = _ranges(_accepted_set(op, av, flags))
    return _accepted_cache[key]


_accepted_cache: dict[tuple[Any, str, int], tuple[tuple[int, int], ...]] = {}
_WIDE = -1  # stands for every non-ASCII character in a set from _accepted_set
# The characters re takes for a plain letter when ignoring case, and that letter: the scanned text
# holds the letter in their place (_scanned), and a set accepts the letter instead (_with_letters)
_LETTER_OF = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}
_AS_LETTERS = str.maketrans(_LETTER_OF)
_LETTER_STANDINS = tuple(chr(ch) for ch in _LETTER_OF)


def _accepted_set(op: Any, av: Any, flags: int) -> set[int]:
    """The code points re accepts for one single-character test; _WIDE in it for "every
    non-ASCII character too" where the exact set is not worked out."""
    c = _sre_constants
    ignore = bool(flags & re.IGNORECASE)
    if op is c.LITERAL:
        return _case_closure({av}) if ignore and _sre.unicode_iscased(av) else {av}
    if op is c.IN and all(item_op in (c.LITERAL, c.RANGE) for item_op, _ in av):
        chars: set[int] = set()
        for item_op, item in av:
            chars.update(range(item[0], item[1] + 1) if item_op is c.RANGE else (item,))
        if ignore and any(_sre.unicode_iscased(ch) for ch in chars):
            return _case_closure(chars)
        return chars
    # \w, \d, \s, a negated class, `.`: exact on ASCII, every other character allowed
    test = _one_test(op, av, flags)
    exact = [*range(0x80), *_LETTER_OF]  # the letters' stand-ins: see _with_letters
    return {ch for ch in exact if test.fullmatch(chr(ch))} | {_WIDE}


def _case_closure(chars: set[int]) -> set[int]:
    """Every character whose lower-case form (re's) is one of the lower-case forms of `chars`
    or an extra case equivalent of one (re's _EXTRA_CASES): what re accepts under IGNORECASE."""
    lowered = {_sre.unicode_tolower(ch) for ch in chars}
    for lo in list(lowered):
        lowered.update(_sre_compiler._EXTRA_CASES.get(lo, ()))
    out = set(lowered)  # each itself, whatever its own lower case (a superset is safe)
    preimages = _lower_preimages()
    for lo in lowered:
        out.update(preimages.get(lo, ()))
    return out


@cache
def _lower_preimages() -> dict[int, tuple[int, ...]]:
    """Lower-case form -> the other characters that have it (~1,400 entries, ~0.1 s)."""
    table: dict[int, list[int]] = {}
    for ch in range(_MAX_CODE + 1):
        lo = _sre.unicode_tolower(ch)
        if lo != ch:
            table.setdefault(lo, []).append(ch)
    return {lo: tuple(chs) for lo, chs in table.items()}


def _one_test(op: Any, av: Any, flags: int) -> re.Pattern[str]:
    state = _sre_parser.State()
    state.flags = flags
    return _sre_compiler.compile(_sre_parser.SubPattern(state, [(op, av)]), flags)


def _with_letters(chars: set[int]) -> set[int]:
    """The set with each of _LETTER_OF's characters in it accepted as its letter instead, since
    the scanned text holds that letter in its place."""
    accepted = [ch for ch in _LETTER_OF if ch in chars]
    return (chars - set(_LETTER_OF)) | {ord(_LETTER_OF[ch]) for ch in accepted}


def _scanned(text: str) -> str:
    """The text as the databases are built to scan it (see _LETTER_OF)."""
    if text.isascii() or not any(ch in text for ch in _LETTER_STANDINS):
        return text  # str's `in` scans in C; translate maps every character through a dict
    return text.translate(_AS_LETTERS)


def _ranges(chars: set[int]) -> tuple[tuple[int, int], ...]:
    """Sorted, merged inclusive ranges of the set (surrogates left out)."""
    wide = _WIDE in chars
    chars = _with_letters(chars)
    points = sorted(ch for ch in chars if ch >= 0 and not _SURROGATES[0] <= ch <= _SURROGATES[1])
    out: list[list[int]] = []
    for ch in points:
        if out and ch == out[-1][1] + 1:
            out[-1][1] = ch
        else:
            out.append([ch, ch])
    spans = [tuple(r) for r in out] + (list(_NON_ASCII) if wide else [])
    merged: list[list[int]] = []
    for lo, hi in sorted(spans):
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return tuple((lo, hi) for lo, hi in merged)


def _class_text(ranges: tuple[tuple[int, int], ...]) -> str:
    if not ranges:
        raise Untranslatable("a test no character passes")
    if len(ranges) == 1 and ranges[0][0] == ranges[0][1]:
        return _escape(ranges[0][0])
    spans = (_escape(lo) if lo == hi else f"{_escape(lo)}-{_escape(hi)}" for lo, hi in ranges)
    return "[" + "".join(spans) + "]"


def _escape(ch: int) -> str:
    if 0x20 < ch < 0x7F:  # printable ASCII as itself (a punctuation mark escaped): short expressions
        return chr(ch) if chr(ch).isalnum() else "\\" + chr(ch)
    return f"\\x{{{ch:x}}}"


# --- the databases ------------------------------------------------------------------------------

_FLAGS = 0
if hyperscan is not None:
    _FLAGS = hyperscan.HS_FLAG_PREFILTER | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH


class Prefilter:
    """A Hyperscan database of many patterns' supersets, and which pattern is which id."""

    def __init__(self, database: Any, ids: dict[Key, int]) -> None:
        self.database = database
        self.ids = ids
        self._scratch = threading.local()  # a scratch space serves one scan at a time

    def possible(self, text: str) -> frozenset[int] | None:
        """The ids of the patterns that may match somewhere in the text; None when the text
        cannot be scanned (it does not encode to UTF-8)."""
        try:
            data = _scanned(text).encode("utf-8")
        except UnicodeEncodeError:
            return None
        scratch = getattr(self._scratch, "space", None)
        if scratch is None:
            scratch = self._scratch.space = hyperscan.Scratch(self.database)
        found: list[int] = []
        self.database.scan(data, match_event_handler=lambda i, *_: found.append(i), scratch=scratch)
        return frozenset(found)


def build(patterns: Iterable[Key]) -> tuple[bytes, dict[Key, int]] | None:
    """Compile the supersets of the patterns that translate into one serialised database;
    the ids it reports, by pattern. None without hyperscan or without any pattern."""
    if hyperscan is None:
        return None
    expressions: dict[Key, list[str]] = {}
    for key in dict.fromkeys(patterns):
        try:
            expressions[key] = supersets(*key)
        except (Untranslatable, re.error, RecursionError):
            continue
    keys = list(expressions)
    try:
        return _compiled(keys, expressions), {k: i for i, k in enumerate(keys)}
    except hyperscan.error:  # a pattern Hyperscan cannot take: each such one is left out
        keys = [k for k in keys if _compiles(expressions[k])]
    if not keys:
        return None
    return _compiled(keys, expressions), {k: i for i, k in enumerate(keys)}


def _compiled(keys: list[Key], expressions: dict[Key, list[str]]) -> bytes:
    flat = [(i, e) for i, k in enumerate(keys) for e in expressions[k]]
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(
        expressions=[e.encode("utf-8") for _, e in flat], ids=[i for i, _ in flat], flags=[_FLAGS] * len(flat)
    )
    return hyperscan.dumpb(db)


def _compiles(alternatives: list[str]) -> bool:
    try:
        _compiled([("", 0)], {("", 0): alternatives})
    except hyperscan.error:
        return False
    return True


def load(serialised: bytes, ids: dict[Key, int]) -> Prefilter:
    """A Prefilter from `build`'s output."""
    return Prefilter(hyperscan.loadb(serialised, hyperscan.HS_MODE_BLOCK), ids)


# --- the lexicons' patterns -------------------------------------------------------------------

_AVAILABLE = hyperscan is not None and _sre_parser is not None
_enabled = _AVAILABLE and not os.environ.get("POLICY_MONITOR_NO_HYPERSCAN")
# id(pattern) -> (the pattern, kept alive so its id is never another's; its group; its key)
_registered: dict[int, tuple[Any, str, Key]] = {}
_groups: dict[str, list[Key]] = {}
# id(pattern) -> (the group's Prefilter, the pattern's id in it), or None: the pattern is run
_resolved: dict[int, tuple[Prefilter, int] | None] = {}
_lock = threading.Lock()
_may_build = False
_in_background = False
# group -> the thread building its database (background mode): until it ends, the group's
# patterns all run, as with no database, so no question waits seconds for a build
_building: dict[str, threading.Thread] = {}


def allow_building(on: bool = True, *, background: bool = False) -> None:
    """Let this process build a language's missing database (1-4 s, once per machine and
    lexicon version) instead of running every pattern of that language. In the background
    (the daemon, a worker) the question that finds a database missing does not wait for it:
    a thread builds it, and the questions asked meanwhile run every pattern of that language
    (the answers are the same), so no check stalls and a stop is never held up by a build."""
    global _may_build, _in_background
    _may_build = on
    _in_background = on and background
    with _lock:  # a group found without a database before may be built now
        for group in [g for g, db in _databases.items() if db is None]:
            _databases.pop(group, None)
        _resolved.clear()


def set_enabled(on: bool) -> None:
    """Turn the prefilter on (when hyperscan is there) or off: the engine's answers are the same."""
    global _enabled
    _enabled = on and _AVAILABLE


def register(group: str, patterns: Iterable[Any]) -> None:
    """Put patterns (compiled or lexicon.LazyPattern, living as long as the process) in one
    database, built when one of them is first asked about (a lexicon's patterns: one group)."""
    with _lock:
        keys = _groups.setdefault(group, [])
        for pattern in patterns:
            if id(pattern) not in _registered:
                key = key_of(pattern)
                _registered[id(pattern)] = (pattern, group, key)
                keys.append(key)
        _databases.pop(group, None)
        _resolved.clear()


def cannot_match(pattern: Any, text: str) -> bool:
    """True only when the pattern surely has no match in the text (anywhere, so none at or
    after a position either); False when it may have one, or the pattern is not registered."""
    if not _enabled:
        return False
    try:
        slot = _resolved[id(pattern)]
    except KeyError:
        slot = _resolve(pattern)
    if slot is None:
        return False
    found = _scan(slot[0], text)
    return found is not None and slot[1] not in found


def may_match(items: Iterable[tuple[str, Any]], text: str) -> list[tuple[str, Any]]:
    """The (key, pattern) items whose pattern may match in the text: those cannot_match rules
    out left out (a lexicon's keyed patterns asked about one text, the scan read once for all
    of them instead of once a pattern)."""
    if not _enabled:
        return list(items)
    out = []
    resolved = _resolved
    last: Prefilter | None = None
    found: frozenset[int] | None = None
    for item in items:
        try:
            slot = resolved[id(item[1])]
        except KeyError:
            slot = _resolve(item[1])
        if slot is None:
            out.append(item)
            continue
        if slot[0] is not last:
            last = slot[0]
            found = _scan(last, text)
        if found is None or slot[1] in found:
            out.append(item)
    return out


def rules_on(pattern: Any) -> bool:
    """Whether cannot_match can tell, from a scan, that the pattern has no match (it is in a
    database this process has); False when every question about it runs the pattern."""
    if not _enabled:
        return False
    try:
        return _resolved[id(pattern)] is not None
    except KeyError:
        return _resolve(pattern) is not None


# The last scan asked for: (its database, the very text object, what it found). A clause's text
# is asked about by ~30 patterns in a row (its facts): the same two objects answer at once, without
# building and hashing _possible's cache key. Identity only: an equal text that is another object
# goes through _possible, whose answer is the same.
_last_scan: tuple[Prefilter | None, str, frozenset[int] | None] = (None, "", None)


def _scan(prefilter: Prefilter, text: str) -> frozenset[int] | None:
    """_possible(prefilter, text), the same answer, straight from the last one when asked again."""
    global _last_scan
    last = _last_scan
    if last[0] is prefilter and last[1] is text:
        return last[2]
    found = _possible(prefilter, text)
    _last_scan = (prefilter, text, found)
    return found


@lru_cache(maxsize=1024)  # a clause's text is asked about by many patterns in a row
def _possible(prefilter: Prefilter, text: str) -> frozenset[int] | None:
    return prefilter.possible(text)


def _resolve(pattern: Any) -> tuple[Prefilter, int] | None:
    entry = _registered.get(id(pattern))
    if entry is None:  # not a lexicon's: nothing is kept for it (it may be a passing one)
        return None
    _, group, key = entry
    prefilter = _database(group)
    index = prefilter.ids.get(key) if prefilter is not None else None
    slot = (prefilter, index) if prefilter is not None and index is not None else None
    if slot is not None or group not in _building:  # a database on its way: ask again later
        _resolved[id(pattern)] = slot
    return slot


_databases: dict[str, Prefilter | None] = {}


def _database(group: str) -> Prefilter | None:
    """The group's database (built or loaded once per process); in background mode None while
    a thread builds it."""
    if group in _databases:
        return _databases[group]
    if not _in_background:
        _databases[group] = _load_or_build(group)
        return _databases[group]
    with _lock:
        if group in _databases or group in _building:
            return _databases.get(group)
        found = _load_or_build(group, may_build=False)
        if found is not None:
            _databases[group] = found
            return found
        thread = threading.Thread(
            target=_build_in_background, args=(group,), daemon=True, name=f"hyperscan-{group}"
        )
        _building[group] = thread
        thread.start()
        return None


def _build_in_background(group: str) -> None:
    found: Prefilter | None = None
    try:
        found = _load_or_build(group)
    finally:
        with _lock:
            _databases.setdefault(group, found)
            _building.pop(group, None)
            _resolved.clear()  # the group's patterns are resolved anew, against the database


def wait_for_builds(timeout: float | None = None) -> bool:
    """Wait until the databases being built in the background are ready (benchmarks and tests
    that time or count the prefilter's work); True when none is left building."""
    for thread in list(_building.values()):
        thread.join(timeout)
    return not _building


def _machine() -> str:
    """platform.machine() without importing platform (~9M instructions): on POSIX it is uname's."""
    if hasattr(os, "uname"):
        return os.uname().machine
    import platform

    return platform.machine()


def _load_or_build(group: str, *, may_build: bool = True) -> Prefilter | None:
    """From its file in the start-up cache when built before for these patterns (~ms), else
    built (~s) when this process may build, else None (every pattern of the group runs)."""
    from monitor.lang.startup_cache import side_file, stored

    keys = tuple(_groups.get(group, ()))
    identity = (VERSION, hyperscan.__version__, _machine(), group, keys)  # type: ignore[attr-defined]
    path = side_file("hyperscan-2", identity, group)
    found = _read_database(path)
    if found is None:
        try:  # kept inside the cache database by earlier versions: moved to its file
            found = stored("hyperscan-1", identity)
        except Exception:  # noqa: BLE001 - an unreadable entry is no database
            found = None
        if found is None and _may_build and may_build:
            found = _built(keys)
        if found is not None:
            _write_database(path, group, *found)
    try:
        return load(*found) if found is not None else None
    except Exception:  # noqa: BLE001 - a database from another CPU: build it here, or run every pattern
        built = _built(keys) if _may_build and may_build else None
        if built is None:
            return None
        _write_database(path, group, *built)
        try:
            return load(*built)
        except Exception:  # noqa: BLE001
            return None


def _built(keys: tuple[Key, ...]) -> tuple[bytes, dict[Key, int]] | None:
    try:
        return build(keys)
    except Exception:  # noqa: BLE001 - no database: every pattern runs
        return None


# A database's file: this line, the length of the marshalled ids, the ids, the database itself.
_FILE_HEAD = b"policy-monitor hyperscan database 1\n"


def _read_database(path: Any) -> tuple[bytes, dict[Key, int]] | None:
    """The serialised database and its ids from their file; None when there is none or it is
    not whole (a damaged file is written again by the next process that has the database)."""
    try:
        with open(path, "rb") as f:
            if f.read(len(_FILE_HEAD)) != _FILE_HEAD:
                return None
            size = int.from_bytes(f.read(8), "little")
            ids = marshal.loads(f.read(size))
            serialised = f.read()  # read into its own bytes: no slice of a larger copy
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return (serialised, ids) if isinstance(ids, dict) and serialised else None


def _write_database(path: Any, group: str, serialised: bytes, ids: dict[Key, int]) -> None:
    from monitor.lang.startup_cache import write_side_file

    packed = marshal.dumps(ids)
    parts = [_FILE_HEAD, len(packed).to_bytes(8, "little"), packed, serialised]
    write_side_file(path, parts, like=f"{group}.")  # the group's databases for other patterns
