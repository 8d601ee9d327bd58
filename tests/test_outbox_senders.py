"""Alerts from every entry point (issue 9, items 1-3): a `check` delivers everything due in the
outbox, whoever wrote it, in batches, and says what is left; any number of senders deliver each
alert once, because they claim rows (owner + expiry, one transaction) before sending.

Real parts: `python -m monitor check` in a subprocess, a PolicySite and a signed-webhook receiver
on 127.0.0.1, SQLite files in tmp_path.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from db_watch import rows, until
from policy_site import PolicySite, policy_html, seed_text
from webhook_receiver import WebhookReceiver

from monitor.alerts.sender import Sender
from monitor.models import PolicyConfig, RouteConfig, Watchlist
from monitor.store import NewAlert, Store

REPO = Path(__file__).resolve().parents[1]
SECRET = "whsec_" + "c2VjcmV0LWtleS1mb3ItdGVzdHM="  # base64 of b"secret-key-for-tests"


@pytest.fixture
def hook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver(b"secret-key-for-tests").start()
    yield receiver
    receiver.stop()


def _alerts(n: int, prefix: str = "a") -> list[NewAlert]:
    payload = {"type": "policy.changed"}
    return [NewAlert(f"{prefix}-{i:04d}", "hook", "change", {**payload, "n": i}) for i in range(n)]


class Cron:
    """A watchlist with one policy and a webhook route, run as a user's cron would."""

    def __init__(self, tmp: Path, site: PolicySite, hook: WebhookReceiver) -> None:
        self.dir, self.db, self.wl = tmp, tmp / "monitor.db", tmp / "wl.yaml"
        site.set_page("/p", policy_html(seed_text(1)))
        self.wl.write_text(
            "fetch: {per_host_delay: 0, retries: 0, connect_timeout: 5s, read_timeout: 5s}\n"
            "alerts:\n"
            f"  hook: {{type: webhook, url: '{hook.url}', secret_env: PM_HOOK_SECRET, timeout: 5s}}\n"
            "policies:\n"
            f"  - {{id: acme, url: '{site.url('/p')}', alert: [hook]}}\n",
            encoding="utf-8",
        )

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
        env.update(
            PYTHONPATH=str(REPO),
            PM_HOOK_SECRET=SECRET,
            POLICY_MONITOR_DB=str(self.db),
            POLICY_MONITOR_WATCHLIST=str(self.wl),
        )
        return subprocess.run(
            [sys.executable, "-m", "monitor", *args],
            capture_output=True,
            text=True,
            cwd=self.dir,
            env=env,
            timeout=120,
        )


def test_check_delivers_every_due_alert_whoever_wrote_them_in_batches(
    tmp_path: Path, policy_site: PolicySite, hook: WebhookReceiver
) -> None:
    """#1 and #2: 150 alerts pending (left by a killed `check`: the pass that wrote them never
    delivered); the next `check` raises nothing itself and still delivers all 150, once each."""
    cron = Cron(tmp_path, policy_site, hook)
    assert cron.run("check", "--all").returncode == 0, "first version"
    with Store(cron.db) as store:
        store.add_alerts(_alerts(150), policy_id="acme")

    proc = cron.run("check", "acme")
    assert proc.returncode == 0, proc.stderr
    assert len(hook.accepted) == 150
    assert len({h.webhook_id for h in hook.hits}) == 150
    assert rows(cron.db, "SELECT status, count(*) FROM alerts GROUP BY status") == [("delivered", 150)]
    assert "not delivered" not in proc.stderr


def test_check_says_what_is_left_and_status_shows_it(
    tmp_path: Path, policy_site: PolicySite, hook: WebhookReceiver
) -> None:
    cron = Cron(tmp_path, policy_site, hook)
    assert cron.run("check", "--all").returncode == 0
    with Store(cron.db) as store:
        store.add_alerts(_alerts(3), policy_id="acme")
    hook.fail_next = 3  # the receiver is down for this run

    proc = cron.run("check", "acme")
    assert "alerts not delivered yet: 3 to retry later" in proc.stderr
    [status] = json.loads(cron.run("status", "--json").stdout)
    assert status["pending_alerts"] == 3
    assert rows(cron.db, "SELECT count(*) FROM alerts WHERE status = 'pending' AND attempts = 1") == [(3,)]


def _watchlist(hook: WebhookReceiver) -> Watchlist:
    route = RouteConfig(
        name="hook",
        type="webhook",
        max_attempts=8,
        options={"url": hook.url, "secret_env": "PM_HOOK_SECRET", "timeout": 5},
    )
    return Watchlist(
        policies=(PolicyConfig(id="acme", name="Acme", url="http://127.0.0.1/"),), routes={"hook": route}
    )


def test_overlapping_senders_deliver_each_alert_once(
    tmp_path: Path, hook: WebhookReceiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """#3: a `check --all` delivering while `check ID` starts (and the daemon, and more): each
    sender has its own connection to the file; every alert arrives once."""
    monkeypatch.setenv("PM_HOOK_SECRET", SECRET)
    db = tmp_path / "monitor.db"
    with Store(db) as store:
        store.add_alerts(_alerts(10))
    hook.delay = 0.05  # each send takes a while, so the senders overlap
    wl = _watchlist(hook)
    stores = [Store(db) for _ in range(4)]
    start = threading.Barrier(len(stores))
    results: list[dict[str, int]] = []

    def send(store: Store) -> None:
        start.wait()
        results.append(Sender(store, wl, batch=2, console_stream=io.StringIO()).deliver_due())

    threads = [threading.Thread(target=send, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    for s in stores:
        s.close()
    assert sorted(h.webhook_id for h in hook.hits) == [f"a-{i:04d}" for i in range(10)]
    assert sum(r["delivered"] for r in results) == 10
    done = rows(db, "SELECT count(*) FROM alerts WHERE status = 'delivered' AND claimed_by IS NULL")
    assert done == [(10,)]


def test_a_dead_senders_claims_are_taken_over_and_a_live_ones_are_not(
    tmp_path: Path, hook: WebhookReceiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PM_HOOK_SECRET", SECRET)
    with Store(tmp_path / "monitor.db") as store:
        store.add_alerts(_alerts(2, "dead") + _alerts(1, "live"))
        now = store.now_iso()
        gone = subprocess.run(
            [sys.executable, "-c", "import os; print(os.getpid())"],
            capture_output=True,
            text=True,
            check=True,
        )
        host = socket.gethostname()
        dead_owner = f"{host}:{gone.stdout.strip()}:x"
        live_owner = f"{host}:{os.getppid()}:y"  # a process that is running
        assert len(store.claim_due(dead_owner, now, "9999-01-01T00:00:00Z", limit=2)) == 2
        assert len(store.claim_due(live_owner, now, "9999-01-01T00:00:00Z", limit=1)) == 1

        counts = Sender(store, _watchlist(hook), console_stream=io.StringIO()).deliver_due()
        assert counts["delivered"] == 2
        assert sorted(h.webhook_id for h in hook.hits) == ["dead-0000", "dead-0001"]
        assert store.outbox_backlog(store.now_iso())["due"] == 1  # still held by the live sender


def test_with_a_daemon_running_check_leaves_the_outbox_to_it_and_says_so(
    tmp_path: Path, policy_site: PolicySite, hook: WebhookReceiver
) -> None:
    cron = Cron(tmp_path, policy_site, hook)
    assert cron.run("check", "--all").returncode == 0
    with Store(cron.db) as daemon_store:
        daemon_store.acquire_daemon_lock()  # what `run` holds while it runs
        daemon_store.add_alerts(_alerts(4), policy_id="acme")
        proc = cron.run("check", "acme")
        assert proc.returncode == 0, proc.stderr
        assert "4 alert(s) pending; the running daemon delivers them" in proc.stderr
        assert hook.hits == []
    assert rows(cron.db, "SELECT count(*) FROM alerts WHERE status = 'pending'") == [(4,)]


def test_a_check_killed_mid_delivery_leaves_nothing_behind_for_the_next(
    tmp_path: Path, policy_site: PolicySite, hook: WebhookReceiver
) -> None:
    """kill -9 of a `check` while it sends: its claims die with it, so the next `check` delivers
    every alert at once (not after the claims expire); only the alert in flight may go twice, with
    the same id."""
    cron = Cron(tmp_path, policy_site, hook)
    assert cron.run("check", "--all").returncode == 0
    with Store(cron.db) as store:
        store.add_alerts(_alerts(20), policy_id="acme")
    hook.delay = 30  # the first POST hangs: the check is mid-send when it is killed
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env.update(
        PYTHONPATH=str(REPO),
        PM_HOOK_SECRET=SECRET,
        POLICY_MONITOR_DB=str(cron.db),
        POLICY_MONITOR_WATCHLIST=str(cron.wl),
    )
    first = subprocess.Popen(
        [sys.executable, "-m", "monitor", "check", "acme"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        until(lambda: len(hook.hits) == 1, 60, "the first POST")
        assert rows(cron.db, "SELECT count(*) FROM alerts WHERE claimed_by IS NOT NULL")[0][0] > 1
    finally:
        first.kill()
        first.wait(10)
    hook.delay = 0

    proc = cron.run("check", "acme")
    assert proc.returncode == 0, proc.stderr
    assert rows(cron.db, "SELECT status, count(*) FROM alerts GROUP BY status") == [("delivered", 20)]
    ids = [h.webhook_id for h in hook.hits]
    assert sorted(set(ids)) == [f"a-{i:04d}" for i in range(20)]
    assert len(ids) <= 21  # the one in flight when the check died, sent again with its id


def test_a_sender_whose_claim_ran_out_mid_batch_sends_nothing_more_and_another_sender_sends_it_once(
    tmp_path: Path, hook: WebhookReceiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A slow channel can make one batch outlast its claim; by then another sender may hold the
    # rest. Each row's claim is renewed just before it is sent, so the slow sender stops there.
    from datetime import datetime, timedelta, timezone

    monkeypatch.setenv("PM_HOOK_SECRET", SECRET)
    start = datetime(2030, 1, 1, tzinfo=timezone.utc)
    ticks = iter(range(10_000))

    def slow_clock() -> datetime:  # every reading 10 minutes later than the one before
        return start + timedelta(minutes=10 * next(ticks))

    with Store(tmp_path / "monitor.db") as store:
        store.add_alerts(_alerts(3))
        slow = Sender(
            store, _watchlist(hook), clock=slow_clock, claim_seconds=5 * 60, console_stream=io.StringIO()
        )
        assert slow.deliver_due()["delivered"] == 0  # each claim had run out when it was to be sent
        assert hook.hits == []
        later = start + timedelta(days=1)
        other = Sender(store, _watchlist(hook), clock=lambda: later, console_stream=io.StringIO())
        assert other.deliver_due()["delivered"] == 3
        assert other.deliver_due(later + timedelta(hours=1))["delivered"] == 0
    assert sorted(h.webhook_id for h in hook.hits) == ["a-0000", "a-0001", "a-0002"]


def test_a_claim_is_renewed_only_by_its_holder_and_only_while_it_holds(tmp_path: Path) -> None:
    with Store(tmp_path / "monitor.db") as store:
        store.add_alerts(_alerts(1))
        (row,) = store.claim_due("a", "2030-01-01T00:00:00Z", "2030-01-01T00:15:00Z")
        assert store.renew_claim(row.id, "a", "2030-01-01T00:10:00Z", "2030-01-01T00:25:00Z")
        assert not store.renew_claim(row.id, "b", "2030-01-01T00:11:00Z", "2030-01-01T00:26:00Z")
        assert not store.renew_claim(row.id, "a", "2030-01-01T00:30:00Z", "2030-01-01T00:45:00Z")
        taken = store.claim_due("b", "2030-01-01T00:30:00Z", "2030-01-01T00:45:00Z")
        assert [r.id for r in taken] == [row.id]
        assert not store.renew_claim(row.id, "a", "2030-01-01T00:31:00Z", "2030-01-01T00:46:00Z")
