"""Fetch: URL (+ validators) -> FetchResult, politely. Never raises for network trouble.

INTERFACE STUB, implemented by the fetch helper.
"""

from __future__ import annotations

from .models import FetchResult, FetchSettings


class Fetcher:
    """A shared requests session with timeouts, a body cap, retries and per-host politeness."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        raise NotImplementedError

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        raise NotImplementedError

    def close(self) -> None: ...
