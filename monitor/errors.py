"""Errors that reach a person as one line: bad input files, bad watchlists; and the
"did you mean" hint those messages share."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


class MonitorError(Exception):
    """Base of the errors the CLI turns into one line on stderr and exit 2."""


class InputError(MonitorError):
    """A page or file the engine cannot read: empty, binary, too large, too deep, no text."""


class WatchlistError(MonitorError):
    """A watchlist.yaml that does not validate. The message names the file, line and field.

    One error is one line; `combined` makes one error of several (every problem the validator
    found in one run), with a count and then one line per problem, in the order of the file.
    """

    def __init__(self, path: str, line: int | None, field: str | None, message: str) -> None:
        self.path, self.line, self.field, self.message = path, line, field, message
        self.problems: list[WatchlistError] = [self]
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        what = f" {self.field}:" if self.field else ""
        return f"{where}:{what} {self.message}"

    @classmethod
    def combined(cls, problems: list[WatchlistError], files: Sequence[str] = ()) -> WatchlistError:
        """One error holding `problems`, in the order of `files` (the watchlist, then its policy
        sources; a file not listed comes after them) and of the lines within each file."""
        rank = {path: i for i, path in enumerate(files)}
        ordered = sorted(problems, key=lambda p: (rank.get(p.path, len(rank)), p.line is None, p.line or 0))
        if len(ordered) == 1:
            return ordered[0]
        first = ordered[0]
        error = cls(first.path, first.line, first.field, first.message)
        error.problems = ordered
        lines = "\n".join(p.one_line() for p in ordered)
        paths = list(dict.fromkeys(p.path for p in ordered))
        where = " and ".join(paths) if len(paths) <= 2 else f"{len(paths)} files"
        error.args = (f"{len(ordered)} problems in {where}:\n{lines}",)
        return error


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option `word` was most probably meant to be, if one is close enough."""
    close = difflib.get_close_matches(str(word), list(options), n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, options: Iterable[str]) -> str:
    """ "; did you mean 'x'?" for the closest option, or nothing."""
    close = closest(word, options)
    return f"; did you mean {close!r}?" if close else ""
