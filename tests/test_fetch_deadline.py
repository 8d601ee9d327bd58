"""Issue 9 #5: one deadline per fetch, from connect to the last byte. A server that sends its
headers a byte at a time (each byte well within the read timeout) is cut off at the deadline,
and eight such sites do not stall the daemon's other checks.

Real parts: a raw-socket server trickling its headers (tests/slow_server.py), a PolicySite, the
daemon as a subprocess, a SQLite file. No wall-clock gap is asserted: the tests wait on
conditions, with a deadline far beyond what a working fetch takes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from db_watch import rows, until
from policy_site import PolicySite, policy_html, seed_text
from slow_server import SlowHeaderServer
from test_daemon import Daemon

from monitor.fetch.http import HttpFetcher
from monitor.models import FetchResult, FetchSettings


@pytest.fixture
def slow() -> Iterator[SlowHeaderServer]:
    server = SlowHeaderServer(gap=0.2).start()
    yield server
    server.stop()


@pytest.fixture
def started() -> Iterator[list[Daemon]]:
    running: list[Daemon] = []
    yield running
    for d in running:
        d.kill()


def test_headers_sent_a_byte_at_a_time_end_at_the_deadline(slow: SlowHeaderServer) -> None:
    fetcher = HttpFetcher(FetchSettings(connect_timeout=1, read_timeout=1, retries=0))
    results: list[FetchResult] = []
    worker = threading.Thread(target=lambda: results.append(fetcher.fetch(slow.url)), daemon=True)
    worker.start()
    worker.join(60)  # far beyond the 3 s deadline; without one the fetch never ends
    fetcher.close()
    assert results, "the fetch did not end"
    [res] = results
    assert res.outcome == "error"
    assert res.error == "timeout after 3 s (whole answer)"


def test_eight_slow_header_sites_do_not_stall_the_daemons_other_checks(
    tmp_path: Path, slow: SlowHeaderServer, policy_site: PolicySite, started: list[Daemon]
) -> None:
    policy_site.set_page("/ok", policy_html(seed_text(1)))
    hostile = "\n".join(f"  - {{id: slow-{i}, url: '{slow.url}?{i}', interval: 30s}}" for i in range(8))
    wl, db = tmp_path / "wl.yaml", tmp_path / "monitor.db"
    # default fetch timeouts (a 70 s deadline) and workers: the slow sites hang for the whole test
    wl.write_text(
        "fetch: {per_host_delay: 0s, per_host_concurrency: 16, retries: 0}\n"
        "policies:\n" + hostile + f"\n  - {{id: good, url: '{policy_site.url('/ok')}', interval: 30s}}\n",
        encoding="utf-8",
    )
    daemon = Daemon(tmp_path, wl, db)
    started.append(daemon)
    until(lambda: slow.connections >= 8, 60, "the eight slow sites being fetched", daemon)
    mark = len(rows(db, "SELECT id FROM fetches"))
    good = "SELECT count(*) FROM fetches WHERE policy_id = 'good' AND id > ?"
    until(lambda: rows(db, good, mark)[0][0] >= 3, 60, "three checks of the good one while they hang", daemon)
    assert rows(db, "SELECT count(*) FROM fetches WHERE policy_id LIKE 'slow-%'") == [(0,)]


def test_a_deadline_sooner_than_the_watchdogs_next_look_still_cuts_its_socket_in_time() -> None:
    """The watchdog thread is woken only for a deadline before the one it sleeps until: a far
    deadline first, then a near one, then one after it; the near ones are cut in time, the far
    one is not cut."""
    import socket
    import time

    from monitor.fetch.http import _Watchdog

    dog = _Watchdog()
    pairs = [socket.socketpair() for _ in range(3)]
    start = time.monotonic()
    far = dog.watch(pairs[0][0], start + 60)
    time.sleep(0.1)  # the thread now sleeps until the far deadline
    near = dog.watch(pairs[1][0], start + 0.3)
    later = dog.watch(pairs[2][0], start + 0.6)  # after `near`: no wake-up of its own
    for i in (1, 2):
        pairs[i][0].settimeout(5)
        assert pairs[i][0].recv(1) == b""  # shut down by the watchdog, not by the 5 s timeout
    assert time.monotonic() - start < 2
    assert dog.release(near) is False and dog.release(later) is False
    assert dog.release(far) is True
    for a, b in pairs:
        a.close()
        b.close()
