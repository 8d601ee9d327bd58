"""Exactly once across a crash: `python -m monitor run` is SIGKILLed after it wrote an alert to the
outbox and before the delivery completed, then restarted; the alert goes out once, with the same
webhook-id, and a further restart sends nothing again.

Real parts only: the daemon as a subprocess, a PolicySite on 127.0.0.1 whose page changes, the
SQLite file, and a webhook receiver that checks Standard Webhooks signatures.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from db_watch import rows, until
from policy_site import PolicySite, policy_html, seed_text
from webhook_receiver import WebhookReceiver

REPO = Path(__file__).resolve().parents[1]
RETENTION = "We keep your information for no longer than is necessary for the purposes it was collected for."
SECRET = "crash-test-secret"


def page(lengthened: bool) -> str:
    text = seed_text(3)
    if lengthened:
        text = text.replace(RETENTION, "We keep your information for 10 years after you leave.")
    return policy_html(text, "Privacy Policy")


class Daemon:
    def __init__(self, tmp: Path, wl: Path, db: Path, name: str) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": str(REPO),
            "POLICY_MONITOR_MIN_INTERVAL": "1",
            "POLICY_MONITOR_SENDER_INTERVAL": "0.2",
            "PM_CRASH_SECRET": SECRET,
        }
        self.log_path = tmp / f"{name}.log"
        self._log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "monitor", "run", "--watchlist", str(wl), "--db", str(db)],
            cwd=tmp,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:]

    def stop(self, sig: int) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            self.proc.wait(20)
        self._log.close()


@pytest.fixture
def daemons() -> Iterator[list[Daemon]]:
    started: list[Daemon] = []
    yield started
    for d in started:
        d.stop(signal.SIGKILL)


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    r = WebhookReceiver(SECRET.encode()).start()
    yield r
    r.stop()


def test_sigkill_between_outbox_write_and_delivery_then_restart(tmp_path, daemons, receiver):
    site = PolicySite().start()
    try:
        site.set_page("/privacy", page(lengthened=False))
        wl, db = tmp_path / "watchlist.yaml", tmp_path / "monitor.db"
        wl.write_text(
            "fetch: {per_host_delay: 0s, connect_timeout: 2s, read_timeout: 2s, retries: 0}\n"
            "alerts:\n"
            f"  hook: {{type: webhook, url: '{receiver.url}', secret_env: PM_CRASH_SECRET, timeout: 30s}}\n"
            "policies:\n"
            f"  - {{id: acme, name: Acme, url: '{site.url('/privacy')}', interval: 30s, alert: [hook]}}\n"
        )
        first = Daemon(tmp_path, wl, db, "first")
        daemons.append(first)
        until(lambda: rows(db, "SELECT count(*) FROM versions") == [(1,)], 30, "the first version", first)

        # the receiver hangs on the next request: the daemon is mid-send when it is killed
        receiver.delay = 30
        site.set_page("/privacy", page(lengthened=True))
        until(lambda: len(receiver.hits) == 1, 30, "the alert's first POST", first)
        first.stop(signal.SIGKILL)
        [(alert_id, status, attempts)] = rows(db, "SELECT alert_id, status, attempts FROM alerts")
        assert (status, attempts) == ("pending", 0)  # written with the version, not yet delivered
        assert receiver.hits[0].webhook_id == alert_id

        receiver.delay = 0
        second = Daemon(tmp_path, wl, db, "second")
        daemons.append(second)
        until(lambda: rows(db, "SELECT status FROM alerts") == [("delivered",)], 30, "delivery", second)
        second.stop(signal.SIGTERM)
        assert second.proc.returncode == 0

        checks = len(rows(db, "SELECT id FROM fetches"))
        third = Daemon(tmp_path, wl, db, "third")  # a clean restart sends nothing again
        daemons.append(third)
        # several checks, and so several sender passes between them, after the restart
        until(
            lambda: len(rows(db, "SELECT id FROM fetches")) >= checks + 3, 30, "checks after restart", third
        )
        third.stop(signal.SIGTERM)
    finally:
        site.stop()

    assert rows(db, "SELECT count(*), min(status) FROM alerts") == [(1, "delivered")]
    # every request carried the same id; exactly one reached a live sender and was answered 2xx
    assert {h.webhook_id for h in receiver.hits} == {alert_id}
    assert all(h.valid for h in receiver.hits)
    assert len(receiver.hits) == 2  # the one the first daemon died waiting on, and the delivery
    body = receiver.hits[-1].json
    assert body["type"] == "policy.changed" and body["summary"]["categories"] == ["retention"]
    assert body["changes"][0]["severity"] == "high"
