"""Policy sources named by the watchlist's `policies_from:`: CSV and JSON-lines files read into
YAML nodes, so that every row goes through the watchlist's own validator (watchlist.py).

In: a path (a file, or a folder of `*.yaml`, `*.yml`, `*.csv`, `*.jsonl` files). Out: the files to
read, then per file its entries as (line, MappingNode) pairs, or WatchlistErrors naming the file
and line. Every node of a row carries the row's line, so a validation error names it.
csv_values and jsonl_values give the same rows as plain values (Pairs of texts), which the
watchlist's validator checks without making nodes when every value is a text (a list of a
million rows), and turns into nodes (row_node) when it finds anything to report.

Bounds, so that a hostile or broken file gives one clear error instead of a crash or a memory
blow-up: a source is read line by line, at most MAX_SOURCE_BYTES in all and MAX_LINE_BYTES per
line (per row for CSV, whose quoted cells may span lines); a NUL byte ends the file as binary.
"""

from __future__ import annotations

import csv
import json
import os
import stat
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from yaml import Mark
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from monitor.errors import WatchlistError, did_you_mean

__all__ = [
    "CSV_LIST_SEPARATOR",
    "FORMATS",
    "MAX_LINE_BYTES",
    "MAX_SOURCE_BYTES",
    "Pairs",
    "Stamp",
    "file_stamp",
    "csv_rows",
    "csv_values",
    "jsonl_rows",
    "jsonl_values",
    "kind_of",
    "row_node",
    "source_files",
    "stale",
]

MAX_SOURCE_BYTES = 64 * 2**20
MAX_LINE_BYTES = 64 * 2**10
CSV_LIST_SEPARATOR = ";"  # `alert`, `remove`, `previous_ids` in one CSV cell: a;b (commas are CSS)
FORMATS = {".yaml": "yaml", ".yml": "yaml", ".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
LIST_KEYS = ("alert", "remove", "previous_ids")
TOO_LARGE = f"larger than {MAX_SOURCE_BYTES // 2**20} MiB: split it into several files in a folder"

Stamp = tuple[int, int] | None
Row = tuple[int, Node]

_STR, _INT, _FLOAT = "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_BOOL, _NULL = "tag:yaml.org,2002:bool", "tag:yaml.org,2002:null"
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"


def file_stamp(path: str | Path) -> Stamp:
    """A file's or folder's (mtime, size): what the daemon compares to notice an edit (a folder's
    mtime changes when a file is added, removed or renamed in it); None when it is gone."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size)


def stale(stamps: Mapping[str, Stamp]) -> bool:
    """Whether any file or folder in `stamps` changed, appeared or went since it was stamped."""
    return any(file_stamp(path) != stamp for path, stamp in stamps.items())


def kind_of(path: str | Path) -> str | None:
    """ "yaml", "csv" or "jsonl" from the file name's ending; None for anything else."""
    return FORMATS.get(Path(path).suffix.lower())


def source_files(path: Path, skip: Path, stamps: dict[str, Stamp]) -> list[Path]:
    """The files one `policies_from:` entry names: the file, or the folder's files of a known
    format in name order (not sub-folders; not hidden files, which editors use for swap and lock
    files; not the watchlist itself, `skip`). Raises OSError or ValueError saying what is wrong.
    The folder's stamp is taken before it is listed, so a file added meanwhile is not missed."""
    stamps[str(path)] = file_stamp(path)
    mode = os.stat(path).st_mode
    if stat.S_ISREG(mode):
        if kind_of(path) is None:
            raise ValueError(
                f"{path}: not a policy source (name a .yaml, .yml, .csv or .jsonl file, or a folder)"
            )
        return [path]
    if not stat.S_ISDIR(mode):
        raise ValueError(f"{path}: not a regular file or a folder")
    found = []
    for entry in sorted(os.scandir(path), key=lambda e: e.name):
        if entry.name.startswith(".") or kind_of(entry.name) is None:
            continue
        file = Path(entry.path)
        if entry.is_file() and file.resolve() != skip:
            found.append(file)
    return found


# --- reading lines, within bounds ----------------------------------------------------------------


class _Lines:
    """The decoded lines of an open source file with their numbers, within the bounds; the
    problems met on the way (an over-long line, a line that is not UTF-8) are kept in `problems`,
    and `stopped` is set when the rest of the file cannot be read (too large, binary)."""

    def __init__(self, f: BinaryIO, path: str) -> None:
        self.f, self.path = f, path
        self.problems: list[WatchlistError] = []
        self.stopped = False
        self.read = 0
        self.number = 0

    def error(self, line: int | None, message: str) -> WatchlistError:
        return WatchlistError(self.path, line, None, message)

    def __iter__(self) -> Iterator[tuple[int, str]]:
        while not self.stopped:
            raw = self.f.readline(MAX_LINE_BYTES + 1)
            if not raw:
                return
            self.number += 1
            self.read += len(raw)
            if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
                self._skip_rest_of_line()
                if not self.stopped:
                    self.problems.append(
                        self.error(
                            self.number, f"longer than {MAX_LINE_BYTES // 1024} KiB: the line is skipped"
                        )
                    )
                continue
            if self.read > MAX_SOURCE_BYTES:
                self._too_large()
                return
            if b"\0" in raw:
                self.problems.append(self.error(self.number, "binary data (a NUL byte): not a text file"))
                self.stopped = True
                return
            try:
                text = raw.decode("utf-8-sig" if self.number == 1 else "utf-8")
            except UnicodeDecodeError:
                if self.number == 1:  # UTF-16 from a spreadsheet, or not text at all
                    self.problems.append(
                        self.error(
                            1,
                            "not UTF-8 text (binary, or another encoding: "
                            "save it as UTF-8): the file is not read",
                        )
                    )
                    self.stopped = True
                    return
                self.problems.append(self.error(self.number, "not UTF-8 text: the line is skipped"))
                continue
            yield self.number, text

    def _skip_rest_of_line(self) -> None:
        while True:
            chunk = self.f.readline(MAX_LINE_BYTES)
            self.read += len(chunk)
            if self.read > MAX_SOURCE_BYTES:
                self._too_large()
                return
            if not chunk or chunk.endswith(b"\n"):
                return

    def _too_large(self) -> None:
        self.problems.append(self.error(None, TOO_LARGE))
        self.stopped = True


def open_source(path: str) -> BinaryIO:
    """The file opened for reading; refused at once when it is not a regular file (opened without
    waiting, so a FIFO swapped in after the listing cannot hang a reload) or over the size bound."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise WatchlistError(path, None, None, "not a regular file")
        if st.st_size > MAX_SOURCE_BYTES:
            raise WatchlistError(path, None, None, TOO_LARGE)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


# --- JSON lines ----------------------------------------------------------------------------------


class Pairs(list):  # type: ignore[type-arg]
    """A row as its (key, value) pairs, in order: a JSON object (so a repeated key is reported,
    not dropped) or a CSV row (its named, non-empty cells; a list key's items as a list)."""


def jsonl_rows(f: BinaryIO, path: str) -> Iterator[Row | WatchlistError]:
    """One entry per line holding a JSON object; blank lines and lines starting with # are skipped."""
    for row in jsonl_values(f, path):
        yield row if isinstance(row, WatchlistError) else row_node(row[1], path, row[0])


def jsonl_values(f: BinaryIO, path: str) -> Iterator[tuple[int, Any] | WatchlistError]:
    """jsonl_rows as plain values: (line, the line's JSON value, objects as Pairs)."""
    lines = _Lines(f, path)
    for number, text in lines:
        yield from _flush(lines)
        body = text.strip()
        if not body or body.startswith("#"):
            continue
        try:
            value = json.loads(body, object_pairs_hook=Pairs)
        except RecursionError:
            yield WatchlistError(path, number, None, "JSON nested too deeply")
            continue
        except ValueError as e:  # JSONDecodeError, or an integer too long to convert
            where = f" (column {e.colno})" if isinstance(e, json.JSONDecodeError) else ""
            yield WatchlistError(path, number, None, f"not a JSON object{where}: {getattr(e, 'msg', e)}")
            continue
        yield number, value
    yield from _flush(lines)


def row_node(value: Any, path: str, line: int) -> Row | WatchlistError:
    """(line, the YAML node the row's value would compose to), every node marked with the line."""
    try:
        return line, _node(value, _mark(path, line))
    except RecursionError:
        return WatchlistError(path, line, None, "JSON nested too deeply")


def _node(value: Any, mark: Mark) -> Node:
    """A JSON value as the YAML node the same value would compose to."""
    if isinstance(value, Pairs):
        return MappingNode(_MAP, [(_node(k, mark), _node(v, mark)) for k, v in value], mark, mark)
    if isinstance(value, list):
        return SequenceNode(_SEQ, [_node(v, mark) for v in value], mark, mark)
    if isinstance(value, bool):
        return ScalarNode(_BOOL, "true" if value else "false", mark, mark)
    if isinstance(value, int):
        return ScalarNode(_INT, str(value), mark, mark)
    if isinstance(value, float):
        return ScalarNode(_FLOAT, repr(value), mark, mark)
    if value is None:
        return ScalarNode(_NULL, "null", mark, mark)
    return ScalarNode(_STR, str(value), mark, mark)


def _mark(path: str, line: int) -> Mark:
    return Mark(path, 0, line - 1, 0, None, None)


def _flush(lines: _Lines) -> Iterator[WatchlistError]:
    while lines.problems:
        yield lines.problems.pop(0)


# --- CSV -----------------------------------------------------------------------------------------


class _RowTooLong(Exception):
    """A CSV row (its quoted cells may span lines) over MAX_LINE_BYTES: an unclosed quote, most often."""


def csv_rows(f: BinaryIO, path: str, keys: tuple[str, ...]) -> Iterator[Row | WatchlistError]:
    """A header row naming policy keys, then one entry per row; an empty cell is a key not set,
    a list-valued key (alert, remove, previous_ids) holds its items separated by `;`, and
    columns whose name starts with `x-` are ignored (room for a spreadsheet's own notes)."""
    for row in csv_values(f, path, keys):
        yield row if isinstance(row, WatchlistError) else row_node(row[1], path, row[0])


def csv_values(f: BinaryIO, path: str, keys: tuple[str, ...]) -> Iterator[tuple[int, Pairs] | WatchlistError]:
    """csv_rows as plain values: (line, the row's Pairs of texts, and lists of texts for list keys)."""
    lines = _Lines(f, path)
    feed = _RowFeed(lines)
    reader = csv.reader(feed)
    header: list[str | None] | None = None
    unread = False  # a line was skipped (too long, not UTF-8)
    while True:
        feed.start = None
        try:
            cells = next(reader)
        except StopIteration:
            break
        except _RowTooLong:
            yield from _flush(lines)
            yield WatchlistError(
                path,
                feed.start,
                None,
                f"a row longer than {MAX_LINE_BYTES // 1024} KiB "
                "(a quote not closed?): the rest of the file is not read",
            )
            return
        except csv.Error as e:
            yield from _flush(lines)
            yield WatchlistError(path, feed.start, None, f"CSV: {e}: the rest of the file is not read")
            return
        for problem in _flush(lines):
            unread = True
            yield problem
        line = feed.start or 0
        if not any(c.strip() for c in cells):
            continue
        if header is None:
            if unread:  # a line before this one was skipped: it may have been the header
                yield WatchlistError(
                    path,
                    line,
                    None,
                    "no header row could be read before this one: the rest of the file is not read",
                )
                return
            header = yield from _header(cells, path, line, keys)
            if header is None:
                return
            continue
        if len(cells) > len(header):
            yield WatchlistError(
                path, line, None, f"{len(cells)} cells, but the header names {len(header)} columns"
            )
            continue
        stray = next((i for i, c in enumerate(cells) if header[i] == "" and c.strip()), None)
        if stray is not None:
            yield WatchlistError(
                path, line, None, f"a value in column {stray + 1}, which the header leaves unnamed"
            )
            continue
        yield line, _csv_pairs(header, cells)
    yield from _flush(lines)
    if header is None and not lines.stopped:
        yield WatchlistError(path, 1, None, "no header row: a CSV source starts with one (e.g. id,url,name)")


def _header(
    cells: list[str], path: str, line: int, keys: tuple[str, ...]
) -> Iterator[WatchlistError]:  # returns the columns (None: x-, "": unnamed), or None when unusable
    columns: list[str | None] = []
    bad = False
    for cell in cells:
        name = cell.strip()
        if name.startswith("x-") or not name:  # an unnamed column (a trailing comma) must stay empty
            columns.append(None if name else "")
            continue
        if name not in keys:
            yield WatchlistError(
                path,
                line,
                name or None,
                f"unknown column{did_you_mean(name, keys)} "
                f"(known: {', '.join(keys)}; columns starting with x- are ignored)",
            )
            columns.append(None)
            continue
        if name in columns:
            yield WatchlistError(path, line, name, "appears twice in the header")
            bad = True
        columns.append(name)
    missing = [k for k in ("id", "url") if k not in columns]
    if missing:
        yield WatchlistError(
            path,
            line,
            None,
            f"the header has no {' and no '.join(missing)} column: every policy needs an id and a url",
        )
        bad = True
    return None if bad else columns  # type: ignore[return-value]


def _csv_pairs(header: list[str | None], cells: list[str]) -> Pairs:
    pairs = Pairs()
    for name, cell in zip(header, cells, strict=False):
        text = cell.strip()
        if not name or not text:
            continue
        if name in LIST_KEYS:
            pairs.append((name, [s.strip() for s in text.split(CSV_LIST_SEPARATOR) if s.strip()]))
        else:
            pairs.append((name, text))
    return pairs


class _RowFeed:
    """The lines csv.reader reads, noting the line each row starts on and refusing a row over the
    bound (csv.reader pulls exactly the lines of one row per `next`)."""

    def __init__(self, lines: _Lines) -> None:
        self.lines = iter(lines)
        self.start: int | None = None
        self.size = 0

    def __iter__(self) -> _RowFeed:
        return self

    def __next__(self) -> str:
        number, text = next(self.lines)
        if self.start is None:
            self.start, self.size = number, 0
        self.size += len(text)
        if self.size > MAX_LINE_BYTES:
            raise _RowTooLong
        return text
