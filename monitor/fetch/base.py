"""The fetcher interface and registry.

In: a URL and the validators of the version held (ETag, Last-Modified). Out: a FetchResult
(models.py): the body and its headers, a 304, or a failure in words; a fetcher never raises for
what a server does.

A fetcher kind is a class that registers itself under its `kind` and declares the `fetch:` keys
of watchlist.yaml it reads (`keys`); the watchlist validator lists them from this registry.
A pass over many policies rebuilds the caller's fetcher kind with the caller's settings in each
worker process (`fetcher_for`), so the pass never swaps one kind for another.
"""

from __future__ import annotations

from typing import ClassVar, Protocol

from monitor.models import FetchResult, FetchSettings


class Fetcher(Protocol):
    """What the check stage needs of a fetcher."""

    kind: ClassVar[str]
    settings: FetchSettings

    def fetch(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> FetchResult: ...

    def close(self) -> None: ...


# The reason a guard gives for a page much shorter than the version held, and the one suspicion
# a second fetch of the same text can lift. Here, not in guards.py, so that a check can tell it
# from the others without loading the guards (and their patterns) on a pass of unchanged pages.
SHRUNK = "shrunk"

FetcherClass = type  # a class whose instances are Fetchers: cls(settings)
FETCHERS: dict[str, FetcherClass] = {}


def register(cls: FetcherClass) -> FetcherClass:
    FETCHERS[cls.kind] = cls  # type: ignore[attr-defined]
    return cls


def fetcher_for(kind: str, settings: FetchSettings) -> Fetcher:
    """A new fetcher of a registered kind."""
    return FETCHERS[kind](settings)


def setting_keys() -> tuple[str, ...]:
    """Every `fetch:` key some registered fetcher reads, in registration order."""
    keys: list[str] = []
    for cls in FETCHERS.values():
        keys += [k for k in getattr(cls, "keys", ()) if k not in keys]
    return tuple(keys)
