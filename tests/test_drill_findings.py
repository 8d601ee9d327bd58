"""What bench/drill.py (the randomized kill/outage/hostile-server drill) found, each held here as a
deterministic test: a real PolicySite on 127.0.0.1, a real SQLite store, the product's own check.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest
from policy_site import PolicySite, policy_html, seed_text

from monitor import store as store_mod
from monitor.fetch.http import HttpFetcher
from monitor.models import FetchSettings, PolicyConfig, RouteConfig, Watchlist
from monitor.watch.check import check_policy

SETTINGS = FetchSettings(
    connect_timeout=2.0,
    read_timeout=2.0,
    retries=0,
    per_host_delay=0.0,
    per_host_concurrency=8,
    max_workers=4,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[store_mod.Store]:
    s = store_mod.Store(tmp_path / "monitor.db")
    yield s
    s.close()


def _page(days: int) -> bytes:
    text = seed_text(1) + f"\nWe keep your account data for {days} days after you close your account.\n"
    return policy_html(text, "Privacy Policy").encode()


def test_a_gzip_page_cut_short_never_becomes_a_version_even_when_fetched_twice(
    policy_site: PolicySite, store: store_mod.Store
) -> None:
    """A page served gzip-compressed whose stream stops half way (Content-Length matching the
    bytes sent). urllib3 decoded the half and reported success; the half page was "shrunk", and
    the second fetch of the same half "confirmed" the shrink: a version of half the policy, and
    alerts for every clause it lost. It must be a failed fetch, every time."""
    policy = PolicyConfig(id="acme", name="Acme", url=policy_site.url("/privacy"), alert=("console",))
    wl = Watchlist(policies=(policy,), routes={"console": RouteConfig("console", "console")}, fetch=SETTINGS)
    store.sync_policies(wl.policies)
    with HttpFetcher(SETTINGS) as fetcher:
        policy_site.set_page("/privacy", _page(30))
        assert check_policy(policy, store=store, fetcher=fetcher, watchlist=wl).outcome == "new"

        packed = gzip.compress(_page(90))
        policy_site.set_fault(
            "/privacy", "raw", body=packed[: len(packed) // 2], headers={"Content-Encoding": "gzip"}
        )
        outcomes = [check_policy(policy, store=store, fetcher=fetcher, watchlist=wl) for _ in range(3)]
        assert [o.outcome for o in outcomes] == ["failed"] * 3
        assert all((o.error or "").startswith("truncated body") for o in outcomes)

        policy_site.clear_fault("/privacy")
        policy_site.set_page("/privacy", _page(90))
        assert check_policy(policy, store=store, fetcher=fetcher, watchlist=wl).outcome == "changed"
    latest = store.latest_version("acme")
    assert latest is not None and latest.seq == 2 and "90 days" in latest.text


# --- two checkers, one policy: the daemon records a version while a `check` is comparing ---------


class _Race:
    """A `check` (store a) and the daemon (store b) on one database; the page is edited between
    a's fetch and a's record, and b records that edit first."""

    def __init__(self, site: PolicySite, db: Path) -> None:
        self.site = site
        self.policy = PolicyConfig(id="acme", name="Acme", url=site.url("/p"), alert=("hook",))
        self.wl = Watchlist(
            policies=(self.policy,), routes={"hook": RouteConfig("hook", "console")}, fetch=SETTINGS
        )
        self.a, self.b = store_mod.Store(db), store_mod.Store(db)
        self.a.sync_policies(self.wl.policies)
        self.fetcher = HttpFetcher(SETTINGS)

    def close(self) -> None:
        self.fetcher.close()
        self.a.close()
        self.b.close()


def test_the_store_refuses_a_version_compared_with_one_that_is_no_longer_the_latest(
    policy_site: PolicySite, tmp_path: Path
) -> None:
    from monitor.store import FetchRecord, NewAlert, VersionConflict

    race = _Race(policy_site, tmp_path / "m.db")
    try:

        def record(store: store_mod.Store, days: int, base_seq: int | None, seq: int):
            fetch = FetchRecord("acme", store.now_iso(), "changed" if base_seq else "new")
            alert = NewAlert(f"pm-{seq}-{days}", "hook", "change", {"version": seq})
            return store.record_version(
                fetch,
                body=_page(days),
                content_type="text/html",
                text=f"{days} days",
                language="en",
                clauses=[],
                changes=[],
                alerts=[alert],
                base_seq=base_seq,
            )

        assert record(race.a, 30, 0, 1).seq == 1
        assert record(race.b, 90, 1, 2).seq == 2  # the daemon's v2
        with pytest.raises(VersionConflict) as e:
            record(race.a, 60, 1, 2)  # the check compared its page with v1
        assert (e.value.base_seq, e.value.latest_seq) == (1, 2)
        latest = race.a.latest_version("acme")
        assert latest is not None and latest.seq == 2 and latest.text == "90 days"  # nothing written
        assert {a.alert_id for a in race.a.list_alerts()} == {"pm-1-30", "pm-2-90"}
        assert record(race.a, 60, 2, 3).seq == 3  # compared again with v2: recorded
        assert record(race.a, 60, None, 4).seq == 3  # the same text again: no version (as before)
    finally:
        race.close()


def test_a_check_racing_the_daemon_neither_loses_the_alert_nor_stores_changes_from_the_wrong_version(
    policy_site: PolicySite, tmp_path: Path
) -> None:
    """v1 says 30 days. A `check` fetches the page (60 days) and compares it with v1; meanwhile the
    page says 90 days and the daemon records that as v2. The check then stored v3 with the
    changes 30 -> 60 (v2 said 90), and its alert id (policy, seq 2, route) was v2's, so
    INSERT OR IGNORE dropped it: v3, a material change, reached nobody."""
    from monitor.watch import check as check_mod

    race = _Race(policy_site, tmp_path / "m.db")
    try:
        policy_site.set_page("/p", _page(30))
        first = check_mod.check_policy(race.policy, store=race.a, fetcher=race.fetcher, watchlist=race.wl)
        assert first.outcome == "new"
        policy_site.set_page("/p", _page(60))

        def analyser(job, previous):  # the check's own analysis, with the daemon's check inside it
            result = check_mod.analyse_page(job, previous)
            policy_site.set_page("/p", _page(90))
            daemon = check_mod.check_policy(
                race.policy, store=race.b, fetcher=race.fetcher, watchlist=race.wl
            )
            assert (daemon.outcome, daemon.version_seq) == ("changed", 2)
            return result

        outcome = check_mod._check(race.policy, race.a, race.fetcher, race.wl, analyser)
        assert outcome.outcome == "changed"
        v3 = race.a.version("acme", 3)
        assert v3 is not None and "60 days" in v3.text
        alerts = {a.alert_id: a for a in race.a.list_alerts()}
        assert len(alerts) == 2  # one per material version
        (v3_alert,) = [a for a in alerts.values() if a.payload.get("version") == 3]
        (change,) = v3_alert.payload["changes"]
        assert "90 days" in change["old"]["text"] and "60 days" in change["new"]["text"]
    finally:
        race.close()


def test_a_check_whose_page_the_daemon_recorded_meanwhile_is_unchanged_not_a_second_version(
    policy_site: PolicySite, tmp_path: Path
) -> None:
    """The same race, but the daemon recorded the very page the check holds: the check finds it
    unchanged against the new latest version instead of storing it again as v3."""
    from monitor.watch import check as check_mod

    race = _Race(policy_site, tmp_path / "m.db")
    try:
        policy_site.set_page("/p", _page(30))
        assert (
            check_mod.check_policy(race.policy, store=race.a, fetcher=race.fetcher, watchlist=race.wl).outcome
            == "new"
        )
        policy_site.set_page("/p", _page(60))

        def analyser(job, previous):  # the daemon checks the same page while this check compares
            result = check_mod.analyse_page(job, previous)
            daemon = check_mod.check_policy(
                race.policy, store=race.b, fetcher=race.fetcher, watchlist=race.wl
            )
            assert (daemon.outcome, daemon.version_seq) == ("changed", 2)
            return result

        outcome = check_mod._check(race.policy, race.a, race.fetcher, race.wl, analyser)
        assert outcome.outcome == "unchanged"
        assert race.a.version("acme", 3) is None
        assert len(race.a.list_alerts()) == 1  # v2's, raised once by the daemon
    finally:
        race.close()
