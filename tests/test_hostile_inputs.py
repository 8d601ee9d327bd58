"""Hostile pages stay bounded: the work is cut structurally (budgets, local searches), and the
answers real documents get are unchanged."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from difflib import SequenceMatcher

import pytest

from monitor.engine import align as align_module
from monitor.engine.align import align
from monitor.engine.segment import clause_key, split_sentences
from monitor.fetch import http as http_module
from monitor.fetch.http import HttpFetcher
from monitor.models import Clause, FetchSettings


def _clauses(texts: list[str]) -> list[Clause]:
    return [
        Clause(index=i, text=t, section=(), marker=None, key=clause_key(t), language="en", is_heading=False)
        for i, t in enumerate(texts)
    ]


def _gap_ranges(gaps: list[align_module._Gap]) -> list[tuple[list[int], list[int]]]:
    return [(g.old, g.new) for g in gaps]


def _exact_gap_ranges(old: list[str], new: list[str]) -> list[tuple[list[int], list[int]]]:
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return [(list(range(i1, i2)), list(range(j1, j2))) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]


def _rows(n: int) -> list[str]:
    return [f"Invoice copies for account {i} are kept {i % 5 + 2} years." for i in range(n)]


def test_within_the_scan_budget_the_unchanged_clauses_are_sequencematchers() -> None:
    old = _rows(300)
    new = [t.replace("kept", "stored") if i % 40 == 7 else t for i, t in enumerate(old)]
    old_c, new_c = _clauses(old), _clauses(new)
    assert _gap_ranges(align_module._gaps(old_c, new_c)) == _exact_gap_ranges(
        [c.key for c in old_c], [c.key for c in new_c]
    )


def test_edits_spread_through_a_vast_page_stop_the_exact_search_and_keep_every_edit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every 25th row edited: the exact search scans the rest of the page beside each match.
    old = _rows(2_000)
    new = [t.replace("kept", "stored") if i % 25 == 3 else t for i, t in enumerate(old)]
    old_keys, new_keys = [clause_key(t) for t in old], [clause_key(t) for t in new]
    monkeypatch.setattr(align_module, "MATCH_SCAN_BUDGET", 50_000)
    with pytest.raises(align_module._OverBudget):
        align_module._BudgetedMatcher(old_keys, new_keys).get_matching_blocks()

    changes = align(_clauses(old), _clauses(new))
    assert [(c.kind, c.old.index, c.new.index) for c in changes] == [  # type: ignore[union-attr]
        ("modified", i, i) for i in range(3, 2_000, 25)
    ]


def test_past_the_budget_repeated_rows_keep_their_place_around_a_moved_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = ["Session cookie, ends with the browser."] * 40
    old = ["Our data protection officer answers within a month.", *rows, "Analytics cookie, kept 2 years."]
    new = [*rows[:20], old[-1], *rows[20:], old[0]]
    monkeypatch.setattr(align_module, "MATCH_SCAN_BUDGET", 0)
    changes = align(_clauses(old), _clauses(new))
    assert sorted((c.kind, c.old.text) for c in changes) == [  # type: ignore[union-attr]
        ("moved", "Analytics cookie, kept 2 years."),
        ("moved", "Our data protection officer answers within a month."),
    ]


class _ScanCountingText(str):
    """A paragraph that counts the characters its backward searches walk (from the end of the
    range back to what they find, or to the range's start)."""

    scanned = 0

    def rfind(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        lo, hi = start or 0, len(self) if end is None else end
        found = super().rfind(sub, lo, hi)
        _ScanCountingText.scanned += max(hi - (found if found >= 0 else lo), 0)
        return found


def test_a_full_stop_looks_back_only_over_its_own_word() -> None:
    text = "Requests go to the team, e.g. by post, i.e. in writing, etc. and Dr. Lee answers. " * 300
    counted = _ScanCountingText(text)
    _ScanCountingText.scanned = 0
    sentences = split_sentences(counted)
    assert sentences == split_sentences(text)
    # without the bound each full stop searched back to the paragraph's start for a "("
    assert _ScanCountingText.scanned < 4 * len(text)


def test_a_bracket_still_starts_the_abbreviation_after_it() -> None:
    text = "Write to us (e.g. by post) and we answer. Mail from (Dr. Lee) is read first. We keep it."
    assert split_sentences(text, merge_fragments=False) == [
        "Write to us (e.g. by post) and we answer.",
        "Mail from (Dr. Lee) is read first.",
        "We keep it.",
    ]


# --- hostile servers -------------------------------------------------------------------------


class _RawServer:
    """A 127.0.0.1 server answering every request with `answer(n)` (n: the request's number),
    or, for `stream`, sending the same bytes until the client hangs up."""

    def __init__(self, answer: Callable[[int], bytes], stream: bool = False) -> None:
        self.answer, self.stream, self.served = answer, stream, 0
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                request = b""
                while b"\r\n\r\n" not in request:
                    chunk = conn.recv(65536)
                    if not chunk:
                        break
                    request += chunk
                data = self.answer(self.served)
                self.served += 1
                with contextlib.suppress(OSError):
                    conn.sendall(data)
                    while self.stream:
                        conn.sendall(data)

    def close(self) -> None:
        self.sock.close()


def _fetcher() -> HttpFetcher:
    return HttpFetcher(FetchSettings(retries=0, per_host_delay=0.0, connect_timeout=5.0, read_timeout=30.0))


def _page(extra_headers: bytes = b"") -> bytes:
    body = b"<html><body><p>We keep your messages for one year.</p></body></html>"
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n" + extra_headers
    return head + b"Content-Length: %d\r\n\r\n" % len(body) + body


def test_an_endless_stream_of_interim_answers_is_refused_after_a_few() -> None:
    server = _RawServer(lambda _: b"HTTP/1.1 100 Continue\r\n\r\n" * 100, stream=True)
    try:
        result = _fetcher().fetch(f"http://127.0.0.1:{server.port}/privacy")
    finally:
        server.close()
    assert result.outcome == "error"
    assert result.error == f"more than {http_module.MAX_INTERIM_ANSWERS} interim (1xx) answers"


def test_one_interim_answer_before_the_page_is_still_read() -> None:
    server = _RawServer(lambda _: b"HTTP/1.1 100 Continue\r\n\r\n" + _page())
    try:
        result = _fetcher().fetch(f"http://127.0.0.1:{server.port}/privacy")
    finally:
        server.close()
    assert result.outcome == "ok"
    assert b"one year" in result.body


def test_a_megabyte_header_is_refused_once_not_retried() -> None:
    server = _RawServer(lambda _: _page(b"X-Tracking: " + b"t" * 1_000_000 + b"\r\n"))
    fetcher = HttpFetcher(FetchSettings(retries=2, per_host_delay=0.0, backoff_base=0.0))
    try:
        result = fetcher.fetch(f"http://127.0.0.1:{server.port}/privacy")
    finally:
        server.close()
    assert (result.outcome, result.error, server.served) == ("error", "answer headers too large", 1)


def test_cookies_named_anew_on_every_visit_stay_within_the_per_site_cap() -> None:
    def answer(visit: int) -> bytes:
        cookies = b"".join(b"Set-Cookie: v%d_%d=%s; Path=/\r\n" % (visit, i, b"x" * 40) for i in range(90))
        return _page(cookies + b"Set-Cookie: huge=" + b"y" * 5000 + b"; Path=/\r\n")

    server = _RawServer(answer)
    fetcher = _fetcher()
    url = f"http://127.0.0.1:{server.port}/privacy"
    try:
        for _ in range(5):
            assert fetcher.fetch(url).outcome == "ok"
    finally:
        server.close()
    names = {c.name for c in fetcher._cookies._jar}
    assert len(names) == http_module.MAX_COOKIES_PER_DOMAIN
    assert "huge" not in names  # over 4 KB: browsers refuse it too
    assert {f"v4_{i}" for i in range(90)} <= names  # the latest visit's cookies are kept
    assert not any(n.startswith(("v0_", "v1_", "v2_")) for n in names)
