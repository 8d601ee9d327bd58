"""The daemon as a person runs it: a real process, a real PolicySite whose pages change, a real
SQLite file. It checks on schedule, reloads its watchlist, refuses a second daemon, stops cleanly
on SIGTERM and survives SIGKILL without losing or duplicating a version.

Intervals are shortened with POLICY_MONITOR_MIN_INTERVAL (the watchlist's minimum is 30s).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from db_watch import rows, until
from policy_site import PolicySite, policy_html, seed_text

from monitor.watch.scheduler import SPREAD_MAX, first_run, spread_offset

REPO = Path(__file__).resolve().parents[1]
RUNNER = (
    "import logging, sys\n"
    "from pathlib import Path\n"
    "from monitor.watch.scheduler import run_daemon\n"
    "logging.basicConfig(level=logging.INFO, format='%(asctime)s %(levelname)s %(name)s: %(message)s')\n"
    "sys.exit(run_daemon(Path(sys.argv[1]), Path(sys.argv[2])))\n"
)
RETENTION = "We keep your information for no longer than is necessary for the purposes it was collected for."


def page(n: int, gen: int = 0) -> str:
    """Seed 3 with its retention clause edited per generation, so every generation is a real change."""
    text = seed_text(3)
    if gen:
        text = text.replace(RETENTION, f"We keep your information for {gen + 30} days after you leave.")
    return policy_html(text, f"Privacy Policy {n}")


def watchlist_yaml(site: PolicySite, ids: list[int]) -> str:
    items = "\n".join(
        f"  - {{id: pol-{i}, name: Policy {i}, url: '{site.url(f'/p{i}')}', interval: 30s}}" for i in ids
    )
    return (
        "fetch: {per_host_delay: 0s, per_host_concurrency: 8, connect_timeout: 2s, read_timeout: 2s,"
        " retries: 0, max_workers: 4}\n"
        f"policies:\n{items}\n"
    )


class Daemon:
    def __init__(
        self,
        tmp: Path,
        wl: Path,
        db: Path,
        name: str = "daemon",
        *,
        fast: bool = True,
        env: dict[str, str] | None = None,
    ) -> None:
        self.log_path = tmp / f"{name}.log"
        env = {**os.environ, "POLICY_MONITOR_WATCH_POLL": "0.2", "PYTHONPATH": str(REPO), **(env or {})}
        if fast:
            env["POLICY_MONITOR_MIN_INTERVAL"] = "1"
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", RUNNER, str(wl), str(db)],
            cwd=tmp,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait(self, timeout: float) -> int:
        try:
            return self.proc.wait(timeout)
        finally:
            self._log.close()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        self._log.close()


@pytest.fixture
def daemons() -> Iterator[list[Daemon]]:
    started: list[Daemon] = []
    yield started
    for d in started:
        d.kill()


def fetch_counts(db: Path, since_id: int = 0) -> dict[str, int]:
    return dict(rows(db, "SELECT policy_id, count(*) FROM fetches WHERE id > ? GROUP BY policy_id", since_id))


# --- scheduling arithmetic (pure) ------------------------------------------------------------------


def test_restart_resumes_from_last_check_and_spreads_the_overdue() -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
    recent = (now - timedelta(seconds=100)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert first_run("a", 600, recent, now) == now + timedelta(seconds=500)

    stale = (now - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
    ids = [f"policy-{i}" for i in range(500)]
    overdue = [first_run(i, 6 * 3600, stale, now) for i in ids]
    never = [first_run(i, 6 * 3600, None, now) for i in ids]
    for runs in (overdue, never):
        assert all(now <= t < now + timedelta(seconds=SPREAD_MAX) for t in runs)
        # no burst: no 10-second slot of the spread window holds more than 3% of the policies
        slots = [int((t - now).total_seconds() // 10) for t in runs]
        assert max(slots.count(s) for s in set(slots)) <= 15
    assert overdue == [first_run(i, 6 * 3600, stale, now) for i in ids]  # the same after every restart
    assert first_run("x", 60, None, now) < now + timedelta(seconds=60)  # short intervals spread less
    assert 0 <= spread_offset("x", 60) < 60
    # a short list starts within seconds, not within the hour
    small = [first_run(i, 6 * 3600, None, now, policies=3) for i in ("a", "b", "c")]
    assert all(now <= t < now + timedelta(seconds=3) for t in small)


# --- the daemon process ----------------------------------------------------------------------------


def test_daemon_checks_on_schedule_reloads_refuses_a_second_and_stops_cleanly(
    policy_site: PolicySite, tmp_path: Path, daemons: list[Daemon]
) -> None:
    for i in range(4):
        policy_site.set_page(f"/p{i}", page(i))
    wl, db = tmp_path / "watchlist.yaml", tmp_path / "monitor.db"
    wl.write_text(watchlist_yaml(policy_site, [0, 1, 2]))
    d = Daemon(tmp_path, wl, db)
    daemons.append(d)

    until(lambda: all(fetch_counts(db).get(f"pol-{i}", 0) >= 2 for i in range(3)), 60, "two checks each", d)
    assert rows(db, "SELECT count(*) FROM versions WHERE policy_id = 'pol-0'") == [(1,)]

    policy_site.set_page("/p0", page(0, gen=1))
    until(
        lambda: rows(db, "SELECT max(seq) FROM versions WHERE policy_id = 'pol-0'") == [(2,)],
        60,
        "the edit seen as version 2",
        d,
    )

    second = Daemon(tmp_path, wl, db, "second")
    daemons.append(second)
    assert second.wait(20) == 3
    assert "another daemon" in second.log()

    wl.write_text(watchlist_yaml(policy_site, [0, 1, 2, 3]))
    until(lambda: fetch_counts(db).get("pol-3", 0) >= 1, 60, "the added policy checked", d)
    assert "watchlist reloaded" in d.log()

    wl.write_text(watchlist_yaml(policy_site, [0, 1]) + "  - {id: BAD ID, url: nowhere}\n")
    until(lambda: "not reloaded" in d.log(), 60, "the broken edit logged", d)
    (max_id,) = rows(db, "SELECT max(id) FROM fetches")[0]
    until(
        lambda: all(fetch_counts(db, max_id).get(f"pol-{i}", 0) >= 1 for i in range(4)),
        60,
        "the last good watchlist still checked",
        d,
    )
    assert "watchlist.yaml:" in d.log().split("not reloaded", 1)[1].splitlines()[0]

    wl.write_text(watchlist_yaml(policy_site, [0, 1]))  # a good edit removing two policies
    until(lambda: "(0 added, 2 removed" in d.log(), 60, "the removal reloaded", d)
    # a check of a removed policy already running may still finish: count from after the kept
    # policy has been checked again, which comes after any check that was under way
    (reloaded_at,) = rows(db, "SELECT max(id) FROM fetches")[0]
    until(lambda: fetch_counts(db, reloaded_at).get("pol-0", 0) >= 1, 60, "the kept policy checked", d)
    (max_id,) = rows(db, "SELECT max(id) FROM fetches")[0]
    until(lambda: fetch_counts(db, max_id).get("pol-0", 0) >= 2, 60, "the kept policy checked", d)
    assert set(fetch_counts(db, max_id)) <= {"pol-0", "pol-1"}

    d.proc.send_signal(signal.SIGTERM)
    assert d.wait(15) == 0
    assert "stopped" in d.log()
    assert " changed v2 in " in d.log()  # the one line per check a person reads
    wl.write_text(watchlist_yaml(policy_site, [0]))
    third = Daemon(tmp_path, wl, db, "third")  # the lock was released: a new daemon starts
    daemons.append(third)
    until(lambda: "watching" in third.log(), 60, "a new daemon after the clean stop", third)
    third.proc.send_signal(signal.SIGINT)
    assert third.wait(15) == 0


def test_sigkill_during_checks_loses_and_duplicates_no_version(
    policy_site: PolicySite, tmp_path: Path, daemons: list[Daemon]
) -> None:
    ids = list(range(4))
    for i in ids:
        policy_site.set_page(f"/p{i}", page(i))
    policy_site.set_fault("/p3", "slow", seconds=0.4)  # some checks are always in flight
    wl, db = tmp_path / "watchlist.yaml", tmp_path / "monitor.db"
    wl.write_text(watchlist_yaml(policy_site, ids))

    stop = threading.Event()

    def keep_changing() -> None:
        gen = 0
        while not stop.wait(0.15):
            gen += 1
            policy_site.set_page(f"/p{gen % 4}", page(gen % 4, gen))

    changer = threading.Thread(target=keep_changing, daemon=True)
    changer.start()
    try:
        d = Daemon(tmp_path, wl, db)
        daemons.append(d)
        until(lambda: rows(db, "SELECT count(*) FROM versions") >= [(10,)], 60, "versions being written", d)
        d.proc.send_signal(signal.SIGKILL)
        d.wait(10)

        (before,) = rows(db, "SELECT max(id) FROM fetches")[0]
        again = Daemon(tmp_path, wl, db, "restarted")
        daemons.append(again)
        until(
            lambda: all(fetch_counts(db, before).get(f"pol-{i}", 0) >= 2 for i in ids),
            60,
            "every policy checked again after the restart",
            again,
        )
    finally:
        stop.set()
        changer.join()
    again.proc.send_signal(signal.SIGTERM)
    assert again.wait(15) == 0

    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "PRAGMA foreign_key_check") == []
    for i in ids:
        versions = rows(
            db, "SELECT seq, text_sha256 FROM versions WHERE policy_id = ? ORDER BY seq", f"pol-{i}"
        )
        assert [s for s, _ in versions] == list(range(1, len(versions) + 1))
        hashes = [h for _, h in versions]
        assert all(a != b for a, b in zip(hashes, hashes[1:], strict=False)), "two consecutive equal versions"
    # every version has the fetch that made it, and every new/changed fetch its version
    orphan_fetches = "SELECT count(*) FROM fetches WHERE outcome IN ('new','changed') AND version_id IS NULL"
    assert rows(db, orphan_fetches) == [(0,)]
    orphan_versions = (
        "SELECT count(*) FROM versions v LEFT JOIN fetches f ON f.id = v.fetch_id WHERE f.id IS NULL"
    )
    assert rows(db, orphan_versions) == [(0,)]


def test_daemon_with_10000_policies_stays_small(tmp_path: Path, daemons: list[Daemon]) -> None:
    wl, db = tmp_path / "watchlist.yaml", tmp_path / "monitor.db"
    items = "".join(
        f"  - {{id: pol-{i}, name: Policy {i}, url: 'http://127.0.0.1:9/p/{i}', interval: 1d}}\n"
        for i in range(10_000)
    )
    wl.write_text(f"fetch: {{retries: 0, connect_timeout: 1s}}\npolicies:\n{items}")
    d = Daemon(tmp_path, wl, db, fast=False)
    daemons.append(d)
    until(lambda: "watching 10000 policies" in d.log(), 30, "10,000 policies scheduled", d)
    until(lambda: "... last: " in d.log(), 30, "the start-up plan logged", d)
    rss_kb = int(
        next(
            ln
            for ln in Path(f"/proc/{d.proc.pid}/status").read_text().splitlines()
            if ln.startswith("VmRSS:")
        ).split()[1]
    )
    assert rss_kb < 150 * 1024, f"daemon RSS {rss_kb / 1024:.0f} MB with 10,000 policies"
    # spread, not a burst: the restart plan puts the first checks over the first hour
    times = [
        datetime.strptime(ln.rsplit(" at ", 1)[1].strip(), "%Y-%m-%dT%H:%M:%SZ")
        for ln in d.log().splitlines()
        if "  next: " in ln or "... last: " in ln
    ]
    assert len(times) == 6 and (times[-1] - times[0]).total_seconds() > 1800
    d.proc.send_signal(signal.SIGTERM)
    assert d.wait(15) == 0


# --- retrying sooner after a failed check ------------------------------------------------------------


def test_retry_delay_grows_from_the_base_up_to_the_interval() -> None:
    from monitor.watch.scheduler import retry_delay

    assert [retry_delay(n, 6 * 3600, 300) for n in (1, 2, 3, 4, 7, 8, 50)] == [
        300,
        600,
        1200,
        2400,
        19200,
        6 * 3600,
        6 * 3600,
    ]
    assert retry_delay(1, 60, 300) == 60  # never beyond the interval


def test_a_restart_keeps_retrying_a_failing_policy_sooner() -> None:
    """The failures in a row come from the store, so a restarted daemon (and `status`, which shows
    the same moment) retries on the backoff, not a whole interval after the failed check."""
    now = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
    failed = (now - timedelta(seconds=100)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert first_run("a", 6 * 3600, failed, now, failures=1) == now + timedelta(seconds=200)
    assert first_run("a", 6 * 3600, failed, now, failures=2) == now + timedelta(seconds=500)
    assert first_run("a", 6 * 3600, failed, now) == now + timedelta(seconds=6 * 3600 - 100)


def test_a_site_gone_down_is_unreachable_after_quick_retries_not_three_intervals(
    tmp_path: Path, policy_site: PolicySite, daemons: list[Daemon]
) -> None:
    """Interval one day: without retrying sooner the second check would come a day later."""
    policy_site.set_page("/p1", page(1))
    policy_site.set_fault("/p1", "status", code=503)
    wl, db = tmp_path / "wl.yaml", tmp_path / "m.db"
    wl.write_text(watchlist_yaml(policy_site, [1]).replace("interval: 30s", "interval: 1d"), encoding="utf-8")
    d = Daemon(tmp_path, wl, db, fast=False, env={"POLICY_MONITOR_RETRY_BASE": "0.3"})
    daemons.append(d)
    unreachable = "SELECT count(*) FROM alerts WHERE kind = 'unreachable'"
    until(lambda: rows(db, unreachable) == [(1,)], 120, "an unreachable alert after 3 quick tries", d)
    assert "next try in" in d.log()
    policy_site.clear_fault("/p1")
    recovered = "SELECT count(*) FROM alerts WHERE kind = 'recovered'"
    until(lambda: rows(db, recovered) == [(1,)], 120, "recovered at the next quick try", d)
    assert rows(db, "SELECT count(*) FROM versions") == [(1,)]


# --- `policy-monitor run` as a user starts it ---------------------------------------------------


class CliDaemon:
    """`python -m monitor ... run` with its stdout and stderr kept apart, as a terminal shows them."""

    def __init__(self, tmp: Path, *args: str) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
        env.update(
            PYTHONPATH=str(REPO),
            POLICY_MONITOR_MIN_INTERVAL="1",
            POLICY_MONITOR_WATCH_POLL="0.2",
            POLICY_MONITOR_SENDER_INTERVAL="0.2",
        )
        self.out, self.err = tmp / "run.out", tmp / "run.err"
        with self.out.open("wb") as out, self.err.open("wb") as err:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "monitor", *args], cwd=tmp, env=env, stdout=out, stderr=err
            )

    def log(self) -> str:
        return self.out.read_text(errors="replace") + self.err.read_text(errors="replace")


@pytest.mark.parametrize("verbose", [False, True])
def test_run_prints_each_alert_once(tmp_path: Path, policy_site: PolicySite, verbose: bool) -> None:
    """The console route prints the alert on stdout; no log line repeats it on stderr."""
    policy_site.set_page("/p1", page(1))
    wl, db = tmp_path / "wl.yaml", tmp_path / "m.db"
    wl.write_text(watchlist_yaml(policy_site, [1]), encoding="utf-8")
    d = CliDaemon(tmp_path, *(["-v"] if verbose else []), "--watchlist", str(wl), "--db", str(db), "run")
    try:
        until(lambda: rows(db, "SELECT count(*) FROM versions") == [(1,)], 60, "a first version", d)
        policy_site.set_page("/p1", page(1, gen=1))
        delivered = "SELECT count(*) FROM alerts WHERE status = 'delivered'"
        until(lambda: rows(db, delivered) == [(1,)], 60, "the change alert delivered", d)
        until(lambda: "policy.changed pol-1 v2" in d.out.read_text(errors="replace"), 10, "the alert", d)
    finally:
        d.proc.send_signal(signal.SIGTERM)
        d.proc.wait(30)
    assert d.proc.returncode == 0, d.log()
    assert d.log().count("policy.changed pol-1 v2") == 1, d.log()
    assert "pol-1 changed v2" in d.err.read_text()  # the check's own log line, not the alert again
