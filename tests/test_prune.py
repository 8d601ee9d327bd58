"""Issue 9: the fetch history is pruned by the daemon. Versions and changes are kept for ever;
fetch rows for the configured window (keep_fetches, default 90 days), plus the fetches versions
were made from, each policy's latest, and the first and last of every run of failures.

Real parts: SQLite files, the daemon as a subprocess, a PolicySite. Times are relative to a fixed
day (store level) or to the clock the daemon reads, never to a date written in the test.
"""

from __future__ import annotations

import signal
from datetime import timedelta
from pathlib import Path

from db_watch import rows, until
from policy_site import PolicySite, policy_html, seed_text
from test_daemon import Daemon

from monitor.clock import iso, parse_iso, system_clock
from monitor.config.watchlist import parse_watchlist
from monitor.models import Clause, PolicyConfig
from monitor.store import FetchRecord, Store

DAY0 = parse_iso("2026-01-01T00:00:00Z")


def day(n: float, base=DAY0) -> str:
    return iso(base + timedelta(days=n))


def _history(store: Store, base=DAY0) -> dict[str, int]:
    """acme's history; returns {name: fetch row id} for the fetches the test follows."""
    store.sync_policies([PolicyConfig(id="acme", name="Acme", url="http://127.0.0.1/p")])
    ids: dict[str, int] = {}

    def version(name: str, n: float, text: str) -> None:
        v = store.record_version(
            FetchRecord("acme", day(n, base), "new" if name == "v1" else "changed"),
            body=text.encode(),
            content_type="text/plain",
            text=text,
            language="en",
            clauses=[Clause(index=0, text=text)],
            changes=[],
        )
        ids[name] = rows(store.path, "SELECT fetch_id FROM versions WHERE id = ?", v.id)[0][0]

    def fetch(name: str, n: float, outcome: str) -> None:
        ids[name] = store.record_fetch(FetchRecord("acme", day(n, base), outcome))

    version("v1", 0, "We keep logs for 30 days.")
    fetch("unchanged-1", 1, "unchanged")
    fetch("fail-first", 2, "failed")
    fetch("fail-middle", 3, "failed")
    fetch("fail-last", 4, "failed")
    fetch("unchanged-2", 5, "unchanged")
    version("v2", 6, "We keep logs for 90 days.")
    fetch("not-modified", 7, "not_modified")
    fetch("recent", 200, "unchanged")
    return ids


def test_prune_keeps_versions_outage_ends_and_the_window(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    with Store(db) as store:
        ids = _history(store)
        removed = store.prune_fetches(day(100))
        kept = {r[0] for r in rows(db, "SELECT id FROM fetches")}
        assert kept == {ids[k] for k in ("v1", "fail-first", "fail-last", "v2", "recent")}
        assert removed == 4
        assert [v["seq"] for v in store.versions("acme")] == [1, 2]
        assert store.latest_version("acme").text == "We keep logs for 90 days."
        assert store.prune_fetches(day(100)) == 0  # stable: the kept rows stay kept
        assert rows(db, "PRAGMA foreign_key_check") == []
        # the latest fetch stays even when it is older than the window
        assert store.prune_fetches(day(400)) == 0


def test_keep_fetches_is_read_from_the_watchlist() -> None:
    text = "keep_fetches: 30d\npolicies:\n  - {id: a, url: 'http://127.0.0.1/p'}\n"
    assert parse_watchlist(text).keep_fetches_seconds == 30 * 86400
    assert parse_watchlist(text.replace("keep_fetches: 30d\n", "")).keep_fetches_seconds == 90 * 86400


def test_the_daemon_prunes_the_fetch_history(tmp_path: Path, policy_site: PolicySite) -> None:
    db, wl = tmp_path / "m.db", tmp_path / "wl.yaml"
    base = system_clock() - timedelta(days=250)  # the daemon reads this same clock
    with Store(db) as store:
        ids = _history(store, base)
    policy_site.set_page("/p", policy_html(seed_text(1)))
    wl.write_text(
        f"policies:\n  - {{id: acme, url: '{policy_site.url('/p')}', interval: 1h}}\n", encoding="utf-8"
    )
    daemon = Daemon(tmp_path, wl, db, fast=False, env={"POLICY_MONITOR_PRUNE_AFTER": "0.5"})
    try:
        until(lambda: "fetch history pruned" in daemon.log(), 60, "the daemon's pruning pass", daemon)
        kept = {r[0] for r in rows(db, "SELECT id FROM fetches WHERE id <= ?", ids["recent"])}
        assert kept == {ids[k] for k in ("v1", "fail-first", "fail-last", "v2", "recent")}
        # the history's two versions stay (the daemon's own check may have added a third by now)
        assert rows(db, "SELECT seq FROM versions WHERE seq <= 2 ORDER BY seq") == [(1,), (2,)]
        daemon.proc.send_signal(signal.SIGTERM)
        assert daemon.wait(30) == 0
    finally:
        daemon.kill()
