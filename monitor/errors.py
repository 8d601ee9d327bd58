"""Errors that reach a person as one line: bad input files, bad watchlists."""

from __future__ import annotations


class MonitorError(Exception):
    """Base of the errors the CLI turns into one line on stderr and exit 2."""


class InputError(MonitorError):
    """A page or file the engine cannot read: empty, binary, too large, too deep, no text."""


class WatchlistError(MonitorError):
    """A watchlist.yaml that does not validate. The message names the file, line and field."""

    def __init__(self, path: str, line: int | None, field: str | None, message: str) -> None:
        self.path, self.line, self.field, self.message = path, line, field, message
        where = f"{path}:{line}" if line else path
        what = f" {field}:" if field else ""
        super().__init__(f"{where}:{what} {message}")
