"""What a process would otherwise rebuild at every start, kept on disk: compiled regex code and
parsed lexicon files. A short command (`diff`, a `check` that meets a change) then spends its
time on the policy, not on compiling ~1,000 lexicon alternations (~0.35 s) and parsing a dozen
YAML files (~30 ms).

In: a regex source and flags (`compile_cached`), or a file's bytes and a parser (`parsed`).
Out: the same `re.Pattern` that `re.compile` gives; the same data the parser gives.

Regexes: most of `re.compile` is the parser and code generator, whose output (a list of
integers) is kept and handed to `_sre.compile`, the step `re.compile` ends with. `_sre` checks
the code it is given, and the file's name holds the interpreter's cache tag and the regex
engine's magic number, so a file from another Python is never read. Parsed files are keyed by
a hash of their bytes, so an edited lexicon is parsed (and checked) again.

One SQLite file per interpreter (`startup-cpython-311-<sre magic>-<codesize>.sqlite`) in
$POLICY_MONITOR_CACHE_DIR, else $XDG_CACHE_HOME/policy-monitor, else ~/.cache/policy-monitor:
each entry is read when first asked for (a `diff` reads the few hundred it needs, not all), and
what a process added is written when it exits (a `check --all` worker process, which leaves by
`os._exit` without atexit hooks, writes it when its share of the pass is done). Any failure (no
such internals, an unwritable or damaged file) falls back to compiling and parsing as usual, silently.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import os
import re
import sqlite3
import sys
import threading
from array import array
from collections.abc import Callable
from pathlib import Path
from typing import Any, AnyStr, TypeVar, overload

try:  # CPython's regex internals: 3.11+ first, then 3.10's names
    import _sre

    try:
        from re import _compiler as _sre_compile
        from re import _parser as _sre_parse
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_compile as _sre_compile  # type: ignore[no-redef]
        import sre_parse as _sre_parse  # type: ignore[no-redef]
    _USABLE = sys.implementation.name == "cpython" and hasattr(_sre_compile, "_code")
except ImportError:  # pragma: no cover - another Python
    _USABLE = False

# Lexicon edits leave old entries behind; past this, keep only this run's. All lexicons take
# ~3,900 (~5 MB): each pattern's code, and for most the case-folded twin and its proof (caseless.py).
MAX_ENTRIES = 10000
MMAP_BYTES = 256 * 2**20  # address space only: pages are read when an entry is
SIDE_FILES_KEPT = 8  # versions of one side file (a language's Hyperscan database) kept

_T = TypeVar("_T")
Rewrite = tuple[Callable[[str, int], "str | None"], str]  # (source, flags) -> an equal source; its version
_lock = threading.Lock()
_conn: sqlite3.Connection | None = None
_opened_in: int | None = None  # the process that opened _conn: a forked child opens its own
# What this process made, packed, to write at exit. Nothing read is kept: the caller keeps the
# compiled pattern or the lexicon, and the code lists behind ~1,000 patterns would cost the daemon
# ~10 MB.
_new: dict[str, bytes] = {}


def cache_path() -> Path:
    """The cache file for this interpreter."""
    base = os.environ.get("POLICY_MONITOR_CACHE_DIR")
    if base:
        folder = Path(base)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        folder = (Path(xdg) if xdg else Path.home() / ".cache") / "policy-monitor"
    tag = sys.implementation.cache_tag or "python"
    magic, codesize = (_sre.MAGIC, _sre.CODESIZE) if _USABLE else (0, 0)
    return folder / f"startup-{tag}-{magic}-{codesize}.sqlite"


@overload
def compile_cached(pattern: str, flags: int = 0, rewrite: Rewrite | None = None) -> re.Pattern[str]: ...
@overload
def compile_cached(pattern: bytes, flags: int = 0, rewrite: None = None) -> re.Pattern[bytes]: ...
def compile_cached(pattern: AnyStr, flags: int = 0, rewrite: Rewrite | None = None) -> re.Pattern[AnyStr]:
    """re.compile(pattern, flags), from the cache when this interpreter compiled it before (a
    bytes pattern gives a bytes regex, as with re.compile). `rewrite` (a function and a tag of its
    version; str patterns only): a source that matches what `pattern` matches, or None, whose code
    is compiled and kept instead, under the same one entry (the compiled pattern's `.pattern`
    stays `pattern`)."""
    if not _USABLE:
        return re.compile((rewrite[0](pattern, flags) if rewrite else None) or pattern, flags)
    try:
        key = _key(_RE_KIND, pattern, int(flags), *(rewrite[1:] if rewrite else ()))
        code = _remember(
            key,
            lambda: _packed(
                _generate((rewrite[0](pattern, flags) if rewrite else None) or pattern, int(flags))
            ),
        )
        return _build(pattern, code)
    except Exception:  # noqa: BLE001 - a cache must never break matching: compile the usual way
        return re.compile(pattern, flags)


def parsed(data: bytes, parse: Callable[[bytes], _T], kind: str) -> _T:
    """parse(data), from the cache when the same bytes were parsed before. `parse` must return
    plain data (dicts, lists, strings, numbers) and raise on bad input, which is never cached."""
    key = _key("data", kind, hashlib.blake2b(data, digest_size=16).hexdigest())
    return _remember(key, lambda: parse(data))


def remembered(kind: str, key: tuple[object, ...], build: Callable[[], _T]) -> _T:
    """build(), from the cache when it was built for this kind and key before: `build` must
    return plain data (a bool, numbers, strings ...) that the key alone decides."""
    return _remember(_key(kind, *key), build) if _USABLE else build()


def stored(kind: str, key: tuple[object, ...]) -> Any:
    """What `remembered` kept for this kind and key, or None when nothing was (never builds)."""
    if not _USABLE:
        return None
    with _lock:
        return _read(_key(kind, *key))


def side_file(kind: str, key: tuple[object, ...], name: str) -> Path:
    """The file beside the cache database that holds a large value of this kind and key, named
    `name`, a dot and the key's hash (a few MB read from a file of their own take about half the time,
    and one copy in memory fewer, than through SQLite and marshal). What is in it is the
    caller's to write (atomically: `write_side_file`) and to check when read."""
    path = cache_path()
    return path.parent / f"{path.stem}-files" / f"{name}.{_key(kind, *key)}"


def write_side_file(path: Path, parts: list[bytes], like: str | None = None) -> None:
    """Write the parts to `path` at once for readers (a temporary file renamed), then keep only
    the SIDE_FILES_KEPT newest files of its folder whose names start with `like` (versions of
    the same thing: checkouts with other lexicons on one machine each keep theirs, edits do not
    pile up); any failure leaves things as they were: a cache is never worth an error."""
    temporary = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as f:
            for part in parts:
                f.write(part)
        os.replace(temporary, path)
        if like:
            versions = [p for p in path.parent.glob(f"{like}*") if not p.name.endswith(".tmp")]
            versions.sort(key=lambda p: p.stat().st_mtime, reverse=True)
            for old in versions[SIDE_FILES_KEPT:]:
                if old != path:
                    old.unlink(missing_ok=True)
    except OSError:
        temporary.unlink(missing_ok=True)


def _key(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=20).hexdigest()


def _remember(key: str, build: Callable[[], _T]) -> _T:
    with _lock:
        stored = _read(key)
    if stored is not None:
        return stored  # type: ignore[no-any-return]
    value = build()  # may raise: nothing is kept then
    try:
        packed = marshal.dumps(value)  # only plain data can be kept
    except ValueError:
        return value
    with _lock:
        if not _new:
            atexit.register(save)
        _new[key] = packed
    return value


def _read(key: str) -> Any:
    conn = _connection()
    if conn is None:
        return None
    try:
        row = conn.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
        return marshal.loads(row[0]) if row is not None else None
    except (sqlite3.Error, ValueError, EOFError, TypeError):
        _discard_damaged()
        return None


def _connection() -> sqlite3.Connection | None:
    """The cache database, opened once per process (an SQLite connection must not cross a fork:
    a child abandons its parent's); None when there is none to read (it is made at save)."""
    global _conn, _opened_in
    if _opened_in != os.getpid():
        _opened_in, _conn = os.getpid(), None
        path = cache_path()
        if path.exists():
            try:
                _conn = sqlite3.connect(path, timeout=1.0, check_same_thread=False, isolation_level=None)
                # Read through a memory map: a language's Hyperscan database (2-4 MB) is copied
                # out of the page cache at about twice the speed of SQLite's reads.
                _conn.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
                _conn.execute("SELECT 1 FROM entries LIMIT 1").fetchall()
            except sqlite3.Error:
                _discard_damaged()
    return _conn


def _discard_damaged() -> None:
    """A file that is not a cache of ours: set aside, and replaced at the next save."""
    global _conn
    if _conn is not None:
        _conn.close()
    _conn = None
    try:
        cache_path().unlink(missing_ok=True)
    except OSError:
        pass


def save() -> None:
    """Write what this process added (it is also written at exit)."""
    with _lock:
        if not _new:
            return
        new = dict(_new)
        _new.clear()
    path = cache_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(path, timeout=2.0, isolation_level=None)
        try:
            conn.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            conn.execute("BEGIN IMMEDIATE")
            (count,) = conn.execute("SELECT count(*) FROM entries").fetchone()
            if count + len(new) > MAX_ENTRIES:
                conn.execute("DELETE FROM entries")
            conn.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", new.items())
            conn.execute("COMMIT")
        finally:
            conn.close()
    except (OSError, sqlite3.Error):
        pass  # another time: a cache is never worth an error


def _generate(pattern: str | bytes, flags: int) -> tuple[int, list[int], int, dict[str, int]]:
    parsed_pattern = _sre_parse.parse(pattern, flags)
    code = [int(c) for c in _sre_compile._code(parsed_pattern, flags)]
    state = parsed_pattern.state
    return (int(flags | state.flags), code, state.groups - 1, dict(state.groupdict))


# A pattern's code is kept as the bytes of an array of the regex engine's code words: reading it
# back is one copy (~2 ms for the ~300 patterns a `diff` reads) where a marshalled list of ints is
# read an int at a time (~23 ms). Where no array type has the engine's word size, a list as before.
_CODE_TYPE = next((t for t in "IL" if _USABLE and array(t).itemsize == _sre.CODESIZE), None)
_RE_KIND = "re" if _CODE_TYPE is None else f"re-{_CODE_TYPE}{_sre.CODESIZE}"
Entry = tuple[int, "list[int] | bytes", int, dict[str, int]]


def _packed(entry: tuple[int, list[int], int, dict[str, int]]) -> Entry:
    """The entry with its code as the bytes of an array (a list where none fits)."""
    if _CODE_TYPE is None:
        return entry
    flags, code, groups, groupindex = entry
    return (flags, array(_CODE_TYPE, code).tobytes(), groups, groupindex)


def _code_list(code: list[int] | bytes) -> list[int]:
    """The code words of a stored entry, as the list `_sre.compile` takes."""
    if isinstance(code, list):
        return code
    words = array(_CODE_TYPE or "I")
    words.frombytes(code)
    return words.tolist()


def _build(pattern: AnyStr, entry: Entry) -> re.Pattern[AnyStr]:
    flags, packed, groups, groupindex = entry
    code = _code_list(packed)
    indexgroup: list[str | None] = [None] * (groups + 1)
    for name, index in groupindex.items():
        indexgroup[index] = name
    return _sre.compile(pattern, flags, code, groups, groupindex, tuple(indexgroup))  # type: ignore[no-any-return]
