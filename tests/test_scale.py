"""Scheduling from the store: a watchlist streamed into `policies`, the due query on its index,
and a daemon checking policies from their rows (real SQLite files, a real server on 127.0.0.1).

What a user relies on: every policy of a long list is checked, none twice at once or sooner than
its interval, a restart neither bursts nor skips, a removed policy is not checked again, a list
of any length costs no PolicyConfig per policy in memory, and a bad row is reported at its line
as load_watchlist reports it.
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from db_watch import rows, until

from monitor.clock import fixed_clock, iso, parse_iso
from monitor.config.watchlist import load_watchlist, stream_watchlist
from monitor.errors import WatchlistError
from monitor.models import PolicyConfig
from monitor.store import Store
from monitor.store.schedule import config_json, explain_due, policy_from_config
from monitor.watch.scheduler import first_run

REPO = Path(__file__).resolve().parents[1]
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)
RUNNER = (
    "import logging, sys\n"
    "from pathlib import Path\n"
    "from monitor.watch.scheduler import run_daemon\n"
    "logging.basicConfig(level=logging.INFO, format='%(asctime)s %(levelname)s %(name)s: %(message)s')\n"
    "sys.exit(run_daemon(Path(sys.argv[1]), Path(sys.argv[2]), sender=False))\n"
)


def csv_watchlist(folder: Path, ids: range, base: str = "http://127.0.0.1:9", interval: str = "1d") -> Path:
    (folder / "policies.csv").write_text(
        "id,url,name,interval\n" + "".join(f"shop-{i},{base}/p/{i},Shop {i},{interval}\n" for i in ids),
        encoding="utf-8",
    )
    wl = folder / "watchlist.yaml"
    wl.write_text(
        "fetch: {per_host_delay: 0s, per_host_concurrency: 8, retries: 0, connect_timeout: 2s,"
        " read_timeout: 5s, max_workers: 4}\npolicies_from: policies.csv\n",
        encoding="utf-8",
    )
    return wl


def load_into(store: Store, wl: Path):  # type: ignore[no-untyped-def]
    staging = store.staging()
    stream_watchlist(wl, staging)
    return store.apply_staged(staging)


# --- the store ----------------------------------------------------------------------------------


def test_the_due_query_walks_the_partial_index(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db") as store:
        plan = " ".join(explain_due(store._conn))
    assert "policies_due" in plan and "SCAN policies " not in plan + " "


def test_a_policy_entry_survives_its_row() -> None:
    policy = PolicyConfig(
        id="bakery-terms",
        name="Bakery terms",
        url="https://bakery.invalid/terms",
        type="terms",
        interval_seconds=7200,
        select="main",
        remove=(".ad", "nav"),
        language="fr",
        alert=("console",),
        previous_ids=("old-bakery",),
        render="http",
    )
    assert policy_from_config(config_json(policy)) == policy


def test_applying_a_list_adds_removes_and_replans_by_interval(tmp_path: Path) -> None:
    folder = tmp_path
    with Store(tmp_path / "m.db", clock=fixed_clock(NOW)) as store:
        counts = load_into(store, csv_watchlist(folder, range(5)))
        assert (counts.policies, counts.added, counts.removed, counts.rescheduled) == (5, 5, 0, 0)
        store.plan(NOW, lambda pid, interval, last, failures: first_run(pid, interval, last, NOW, policies=5))
        due = store.due_policies(NOW + timedelta(seconds=10), 100)
        assert sorted(r.id for r in due) == [f"shop-{i}" for i in range(5)]  # a short list starts at once
        # shop-4 removed, shop-0 on a new interval, shop-5 added
        (folder / "policies.csv").write_text(
            "id,url,name,interval\nshop-0,http://127.0.0.1:9/p/0,Shop 0,2d\n"
            + "".join(f"shop-{i},http://127.0.0.1:9/p/{i},Shop {i},1d\n" for i in (1, 2, 3, 5)),
            encoding="utf-8",
        )
        counts = load_into(store, folder / "watchlist.yaml")
        assert (counts.policies, counts.added, counts.removed, counts.rescheduled) == (5, 1, 1, 1)
        unplanned = {
            r[0] for r in store._all("SELECT id FROM policies WHERE active = 1 AND next_check_at IS NULL")
        }
        assert unplanned == {"shop-0", "shop-5"}
        store.plan(NOW, lambda pid, interval, last, failures: NOW)
        assert "shop-4" not in {r.id for r in store.due_policies(NOW + timedelta(days=3), 100)}
        row = store._one("SELECT config FROM policies WHERE id = 'shop-0'")
        assert policy_from_config(row[0]).interval_seconds == 2 * 86400


def test_a_restart_plan_keeps_future_checks_and_spreads_the_overdue(tmp_path: Path) -> None:
    with Store(tmp_path / "m.db", clock=fixed_clock(NOW)) as store:
        load_into(store, csv_watchlist(tmp_path, range(400)))
        later = NOW + timedelta(hours=5)
        with store._tx() as conn:  # half planned for later today, half overdue since yesterday
            conn.execute(
                "UPDATE policies SET next_check_at = ? WHERE CAST(substr(id, 6) AS INT) % 2 = 0",
                (iso(later),),
            )
            conn.execute(
                "UPDATE policies SET next_check_at = ? WHERE CAST(substr(id, 6) AS INT) % 2 = 1",
                (iso(NOW - timedelta(days=1)),),
            )
        store.plan(
            NOW,
            lambda pid, interval, last, failures: first_run(pid, interval, last, NOW, policies=400),
            overdue=True,
        )
        planned = dict(store._all("SELECT id, next_check_at FROM policies"))
    evens = {planned[f"shop-{i}"] for i in range(0, 400, 2)}
    odds = [parse_iso(planned[f"shop-{i}"]) for i in range(1, 400, 2)]
    assert evens == {iso(later)}  # not moved: no policy skipped or checked early
    assert all(NOW <= t < NOW + timedelta(seconds=400) for t in odds)  # within ~1 s per policy
    assert max(Counter(odds).values()) <= 5  # spread, not a burst


# --- streaming the watchlist --------------------------------------------------------------------


def test_a_streamed_list_reports_each_bad_row_as_load_watchlist_does(tmp_path: Path) -> None:
    (tmp_path / "more.jsonl").write_text(
        '{"id": "florist-privacy", "url": "https://florist.invalid/privacy", "previous_ids": ["old-a"]}\n'
        '{"id": "tailor-privacy", "url": "https://tailor.invalid/p", "previous_ids": ["baker-privacy"]}\n'
        '{"id": "hatter-privacy", "url": "https://hatter.invalid/privacy", "previous_ids": ["old-b"]}\n'
        '{"id": "cobbler-privacy", "url": "https://cobbler.invalid/privacy", "previous_ids": ["old-b"]}\n',
        encoding="utf-8",
    )
    (tmp_path / "shops.csv").write_text(
        "id,url,interval\n"
        "butcher-privacy,https://butcher.invalid/privacy,1d\n"
        "Butcher Privacy,https://butcher.invalid/privacy,1d\n"  # not a slug
        "grocer-privacy,https://grocer.invalid/privacy,sometimes\n"  # not a duration
        "butcher-privacy,https://butcher.invalid/other,1d\n"  # the id again
        "florist-privacy,https://florist.invalid/p,1d\n",  # an id of the other file
        encoding="utf-8",
    )
    wl = tmp_path / "watchlist.yaml"
    wl.write_text(
        "policies:\n  - {id: baker-privacy, url: 'https://baker.invalid/privacy'}\n"
        "policies_from: [shops.csv, more.jsonl]\n",
        encoding="utf-8",
    )
    with pytest.raises(WatchlistError) as in_memory:
        load_watchlist(wl)
    with Store(tmp_path / "m.db") as store:
        staging = store.staging()
        with pytest.raises(WatchlistError) as streamed:
            stream_watchlist(wl, staging)
        staging.discard()
        assert store.policies(include_inactive=True) == []  # nothing of a bad list is applied
    assert sorted(str(streamed.value).splitlines()) == sorted(str(in_memory.value).splitlines())
    text = str(streamed.value)
    assert "shops.csv:3" in text and "shops.csv:4" in text and "shops.csv:5" in text
    assert "more.jsonl:2: previous_ids: 'baker-privacy'" in text  # still an id
    assert "more.jsonl:4: previous_ids: 'old-b'" in text  # already another entry's previous id
    assert "old-a" not in text  # moved by an entry refused as a duplicate: no conflict


def test_a_long_list_is_streamed_without_a_policyconfig_per_policy(tmp_path: Path) -> None:
    wl = csv_watchlist(tmp_path, range(50_000))
    live: list[int] = []

    with Store(tmp_path / "m.db") as store:
        staging = store.staging()
        add = staging.add

        def counting_add(*args: object) -> None:
            add(*args)  # type: ignore[arg-type]
            if staging.count and staging.count % 10_000 == 0 and not staging._rows:
                live.append(sum(isinstance(o, PolicyConfig) for o in gc.get_objects()))

        staging.add = counting_add  # type: ignore[method-assign]
        watchlist = stream_watchlist(wl, staging)
        counts = store.apply_staged(staging)
    assert watchlist.policies == () and counts.policies == 50_000
    assert live and max(live) < 2_000, live  # a batch at most, never the list


# --- the daemon ---------------------------------------------------------------------------------


class Shops(BaseHTTPRequestHandler):
    """Pages /p/<n>; counts the requests of each page in flight at once."""

    lock = threading.Lock()
    in_flight: Counter[str] = Counter()
    most: Counter[str] = Counter()

    def do_GET(self) -> None:  # noqa: N802
        with self.lock:
            self.in_flight[self.path] += 1
            self.most[self.path] = max(self.most[self.path], self.in_flight[self.path])
        try:
            n = self.path.rsplit("/", 1)[1]
            body = (
                f"<html><body><h1>Shop {n} privacy</h1><p>Shop {n} keeps your receipts for two years"
                f" and sends your address to the courier {n} only.</p></body></html>"
            ).encode()
            threading.Event().wait(0.02)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        finally:
            with self.lock:
                self.in_flight[self.path] -= 1

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def shops() -> Iterator[str]:
    Shops.in_flight.clear()
    Shops.most.clear()
    server = ThreadingHTTPServer(("127.0.0.1", 0), Shops)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class Proc:
    def __init__(self, tmp: Path, wl: Path, db: Path, name: str, env: dict[str, str]) -> None:
        self.log_path = tmp / f"{name}.log"
        self._log = self.log_path.open("wb")
        # PYTHONFAULTHANDLER: a daemon that does not stop is aborted with every thread's stack in its log
        full = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "POLICY_MONITOR_WATCH_POLL": "0.2",
            "POLICY_MONITOR_DISPATCH_EVERY": "0.2",
            "PYTHONFAULTHANDLER": "1",
            **env,
        }
        self.proc = subprocess.Popen(
            [sys.executable, "-c", RUNNER, str(wl), str(db)],
            cwd=tmp,
            env=full,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> int:
        """SIGTERM, and the exit code once the daemon has stopped (its checks in flight end first:
        60 s is generous on a loaded machine; one seen in CI never logged the signal in 30 s)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.send_signal(signal.SIGABRT)  # faulthandler writes each thread's stack
            self.proc.wait(10)
            raise AssertionError("the daemon did not stop on SIGTERM:\n" + self.log()[-6000:]) from None
        finally:
            self._log.close()


def fetch_times(db: Path) -> dict[str, list[datetime]]:
    out: dict[str, list[datetime]] = {}
    for pid, at in rows(db, "SELECT policy_id, started_at FROM fetches ORDER BY id"):
        out.setdefault(pid, []).append(parse_iso(at))
    return out


def test_a_daemon_checks_a_csv_list_each_on_its_interval_and_resumes_after_a_restart(
    tmp_path: Path, shops: str
) -> None:
    n, interval = 300, 20
    wl, db = csv_watchlist(tmp_path, range(n), base=shops), tmp_path / "m.db"
    env = {"POLICY_MONITOR_MIN_INTERVAL": str(interval)}
    first = Proc(tmp_path, wl, db, "first", env)
    try:
        until(lambda: len(fetch_times(db)) == n, 120, "every policy checked", first)
    finally:
        assert first.stop() == 0
    assert max(Shops.most.values()) == 1  # no page fetched twice at once
    before = dict(rows(db, "SELECT id, next_check_at FROM policies WHERE active = 1"))
    assert len(before) == n and None not in before.values()
    (last_id,) = rows(db, "SELECT max(id) FROM fetches")[0]

    again = Proc(tmp_path, wl, db, "again", env)
    try:
        until(
            lambda: "policies as mirrored in the store" in again.log(),
            60,
            "a restart reading no policy",
            again,
        )
        checked = "SELECT count(DISTINCT policy_id) FROM fetches WHERE id > ?"
        until(lambda: rows(db, checked, last_id) == [(n,)], 120, "every policy checked again", again)
    finally:
        assert again.stop() == 0
    assert max(Shops.most.values()) == 1
    for pid, times in fetch_times(db).items():
        # never sooner than its interval (times are stored to the second): no burst at the restart
        gaps = [(b - a).total_seconds() for a, b in zip(times, times[1:], strict=False)]
        assert all(g >= interval - 1 for g in gaps), (pid, gaps)
    first_after = "SELECT policy_id, min(started_at) FROM fetches WHERE id > ? GROUP BY policy_id"
    resumed = rows(db, first_after, last_id)
    assert all(at >= iso(parse_iso(before[pid]) - timedelta(seconds=1)) for pid, at in resumed)


def test_a_restart_reads_the_policy_files_again_only_when_one_was_edited(tmp_path: Path) -> None:
    """An edit made while the daemon was down (a row removed) is applied at the next start; with
    nothing edited, the policies are taken as the store mirrors them; a `check` that synced
    another list in between makes the next start read every file again."""
    wl, db = csv_watchlist(tmp_path, range(5)), tmp_path / "m.db"

    def start(name: str) -> str:
        d = Proc(tmp_path, wl, db, name, {})
        try:
            until(lambda: "watching " in d.log(), 60, "the daemon watching", d)
        finally:
            assert d.stop() == 0
        return d.log()

    assert "watching 5 policies" in start("first")
    source = tmp_path / "policies.csv"  # shop-4 removed while no daemon runs; watchlist.yaml as it was
    kept = source.read_text(encoding="utf-8").splitlines(keepends=True)[:-1]
    source.write_text("".join(kept), encoding="utf-8")
    second = start("second")
    assert "watching 4 policies" in second and "mirrored" not in second
    assert rows(db, "SELECT active FROM policies WHERE id = 'shop-4'") == [(0,)]
    third = start("third")
    assert "watching 4 policies" in third and "policies as mirrored in the store" in third
    with Store(db) as store:
        store.sync_policies([PolicyConfig(id="shop-0", name="Shop 0", url="http://127.0.0.1:9/p/0")])
    fourth = start("fourth")
    assert "watching 4 policies" in fourth and "mirrored" not in fourth
