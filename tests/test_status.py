"""`policy-monitor status` as a user reads it, after real checks of a site on 127.0.0.1 and a real
delivery failure (an Apprise json:// receiver answering 500): per policy the last check and its
outcome with the error in words, the next check (sooner after a failure), versions, the last
material change (a later non-material one does not move it), and the alerts not delivered yet,
retrying with their last error, as well as dead ones."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from http_receiver import HTTPReceiver
from policy_site import PolicySite, policy_html

from monitor.clock import iso, parse_iso

REPO = Path(__file__).resolve().parents[1]
TEXT = """How long we keep your information
We keep your account data for {years} years after you close your account.
Sharing
We do not sell your personal information to third parties.
We share your data with payment processors only to complete your orders.
We collect your name, e-mail address and payment details when you create an account.
{stamp}"""


@pytest.fixture
def receiver() -> Iterator[HTTPReceiver]:
    server = HTTPReceiver().start()
    server.fail_next = 1000  # every delivery fails: the alert stays pending, retrying
    yield server
    server.stop()


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env.update(
        PYTHONPATH=str(REPO),
        POLICY_MONITOR_DB=str(tmp_path / "m.db"),
        POLICY_MONITOR_WATCHLIST=str(tmp_path / "wl.yaml"),
    )
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )


def page(years: int, stamp: str = "Last updated: 1 March") -> str:
    return policy_html(TEXT.format(years=years, stamp=stamp))


def test_status_says_what_failed_when_it_is_tried_next_and_why_alerts_wait(
    tmp_path: Path, policy_site: PolicySite, receiver: HTTPReceiver
) -> None:
    policy_site.set_page("/acme", page(3))
    policy_site.set_page("/stamp", page(3))
    (tmp_path / "wl.yaml").write_text(
        "fetch: {per_host_delay: 0, retries: 0}\n"
        "alerts:\n"
        f"  chat: {{type: apprise, urls: ['json://127.0.0.1:{receiver.port}/hook']}}\n"
        "policies:\n"
        f"  - {{id: acme, url: '{policy_site.url('/acme')}', interval: 6h, alert: [chat]}}\n"
        f"  - {{id: gone, url: '{policy_site.url('/status/404')}', interval: 6h}}\n"
        f"  - {{id: stamp, url: '{policy_site.url('/stamp')}', interval: 6h}}\n",
        encoding="utf-8",
    )
    assert run(tmp_path, "check", "--all").returncode == 1  # gone failed
    policy_site.set_page("/acme", page(10))  # material: retention lengthened
    policy_site.set_page("/stamp", page(3, "Last updated: 9 March"))  # not material
    proc = run(tmp_path, "check", "acme", "stamp")
    assert "acme changed v2" in proc.stdout and "stamp changed v2" in proc.stdout, proc.stdout + proc.stderr
    assert receiver.requests and not receiver.accepted

    records = {r["policy_id"]: r for r in json.loads(run(tmp_path, "status", "--json").stdout)}
    acme, gone, stamp = records["acme"], records["gone"], records["stamp"]
    # the next check: the interval after a good check, the first retry (5 minutes) after a failure
    assert acme["next_check_at"] == iso(parse_iso(acme["last_check_at"]) + timedelta(hours=6))
    assert gone["next_check_at"] == iso(parse_iso(gone["last_check_at"]) + timedelta(minutes=5))
    assert gone["last_outcome"] == "failed" and gone["extra"]["error"] == "HTTP 404"
    assert acme["last_material_change_at"] == acme["last_change_at"] is not None
    assert stamp["last_change_at"] is not None and stamp["last_material_change_at"] is None
    assert acme["pending_alerts"] == 1 and acme["retrying_alerts"] == 1 and acme["dead_alerts"] == 0
    assert "json://127.0.0.1" in acme["alert_error"] and "/hook" not in acme["alert_error"]

    proc = run(tmp_path, "status")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0].split() == [
        "policy",
        "last",
        "check",
        "outcome",
        "next",
        "check",
        "versions",
        "last",
        "material",
        "change",
        "alerts",
    ]
    row = {line.split()[0]: line for line in lines[1:4]}
    assert gone["next_check_at"] in row["gone"] and "failed" in row["gone"]
    assert "1 pending (1 retrying)" in row["acme"] and acme["last_material_change_at"] in row["acme"]
    assert "gone: last check failed: HTTP 404 (1 check in a row" in proc.stdout
    assert f"acme: 1 alert retrying, last error: {acme['alert_error']}" in proc.stdout
