"""The Apprise route through the outbox: Apprise's real json:// and ntfy:// plugins posting to
real HTTP receivers on 127.0.0.1; retries, dead letters, one delivery per URL, no token in any
error or log, and the validator reading the route's keys."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from alert_samples import policy, retention_change
from http_receiver import HTTPReceiver

from monitor.alerts import Sender, plan_change_alerts, plan_health_alerts
from monitor.config.watchlist import parse_watchlist
from monitor.errors import WatchlistError
from monitor.models import RouteConfig, Watchlist
from monitor.store import FetchRecord, Store

# One clock for the store and the senders: what is due never depends on when the test runs.
T0 = datetime(2026, 11, 25, 10, 1, tzinfo=timezone.utc)
EXPLANATION = "Retention period set to 10 years instead of keeping data as long as necessary"


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    s = Store(tmp_path / "monitor.db", clock=lambda: T0)
    yield s
    s.close()


@pytest.fixture
def receivers() -> Iterator[tuple[HTTPReceiver, HTTPReceiver]]:
    json_target, ntfy_target = HTTPReceiver().start(), HTTPReceiver().start()
    yield json_target, ntfy_target
    json_target.stop()
    ntfy_target.stop()


def apprise_watchlist(urls: list[str], max_attempts: int = 8, **options) -> Watchlist:
    route = RouteConfig(
        name="chat",
        type="apprise",
        max_attempts=max_attempts,
        options={"urls": urls, "timeout": 5, **options},
    )
    return Watchlist(policies=(policy(alert=("chat",)),), routes={"chat": route})


def record(store: Store, wl: Watchlist, changes, seen_at: str = "2026-11-25T10:00:00Z") -> list[str]:
    latest = store.latest_version("acme")
    seq = latest.seq + 1 if latest else 1
    alerts = plan_change_alerts(policy(alert=("chat",)), wl, seq=seq, seen_at=seen_at, changes=changes)
    fetch = FetchRecord(policy_id="acme", started_at=seen_at, outcome="changed", http_status=200)
    store.record_version(
        fetch,
        body=f"v{seq}".encode(),
        content_type="text/plain",
        text=f"text {seq}",
        language="en",
        clauses=[],
        changes=changes,
        alerts=alerts,
    )
    return [a.alert_id for a in alerts]


def sender(store: Store, wl: Watchlist) -> Sender:
    return Sender(
        store, wl, clock=lambda: T0, backoff_base=1.0, jitter=lambda: 0.0, console_stream=io.StringIO()
    )


def test_a_material_change_reaches_json_and_ntfy_once_with_headline_and_explanation(store, receivers):
    json_target, ntfy_target = receivers
    wl = apprise_watchlist(
        [f"json://127.0.0.1:{json_target.port}/alerts", f"ntfy://127.0.0.1:{ntfy_target.port}/privacy-team"]
    )
    [alert_id] = record(store, wl, [retention_change()])
    assert sender(store, wl).deliver_due()["delivered"] == 1
    assert sender(store, wl).deliver_due(T0 + timedelta(days=1))["delivered"] == 0  # never again
    [hit] = json_target.requests
    assert hit.path == "/alerts" and hit.headers["x-policy-monitor-alert"] == alert_id
    body = hit.json
    assert body["title"] == "Acme Privacy Policy: high change (retention)"
    assert body["type"] == "warning"
    lines = body["message"].splitlines()
    assert lines[0].startswith("Severity: high.")
    assert any(line.startswith(f"- {EXPLANATION} [") for line in lines)
    assert f"Alert {alert_id}" in lines
    assert "Page: https://acme.example/privacy" in lines
    [note] = ntfy_target.requests
    sent = note.json
    assert sent["topic"] == "privacy-team" and sent["title"] == body["title"]
    assert EXPLANATION in sent["message"]
    [row] = store.list_alerts(route="chat")
    assert row.status == "delivered"


def test_with_web_url_the_message_links_to_the_change_page_of_the_version(store, receivers):
    json_target, _ = receivers
    wl = parse_watchlist(
        "web_url: http://127.0.0.1:8080/\n"
        f"alerts: {{chat: {{type: apprise, urls: ['json://127.0.0.1:{json_target.port}/a']}}}}\n"
        "policies: [{id: acme, url: 'https://acme.example/privacy', alert: [chat]}]\n",
        "watchlist.yaml",
    )
    assert wl.web_url == "http://127.0.0.1:8080"
    record(store, wl, [retention_change()])  # v1
    record(store, wl, [retention_change()])  # v2
    assert sender(store, wl).deliver_due()["delivered"] == 2
    lines = [hit.json["message"].splitlines() for hit in json_target.requests]
    assert "Report: http://127.0.0.1:8080/policies/acme/diff?from=1&to=2" in lines[1]
    assert not any(line.startswith(("Report:", "Page:")) and "diff?from=0" in line for line in lines[0])
    with pytest.raises(WatchlistError, match="web_url: 'ftp://x' is not an http:// or https:// URL"):
        parse_watchlist("web_url: ftp://x\npolicies: []\n", "watchlist.yaml")


def test_a_failing_target_is_retried_and_the_one_that_accepted_is_not_sent_again(store, receivers):
    json_target, ntfy_target = receivers
    json_target.fail_next = 2
    wl = apprise_watchlist(
        [f"json://127.0.0.1:{json_target.port}/a", f"ntfy://127.0.0.1:{ntfy_target.port}/team"]
    )
    [alert_id] = record(store, wl, [retention_change()])
    s = sender(store, wl)
    t = T0
    for _ in range(5):
        s.deliver_due(t)
        t += timedelta(minutes=10)
    assert [r.status for r in json_target.requests] == [500, 500, 200]
    assert {r.headers["x-policy-monitor-alert"] for r in json_target.requests} == {alert_id}
    assert len(ntfy_target.requests) == 1  # accepted on the first pass, skipped on the retries
    [row] = store.list_alerts(route="chat")
    assert row.status == "delivered" and row.attempts == 3


def test_a_target_that_stays_down_becomes_a_dead_letter_whose_error_holds_no_token(store, receivers, caplog):
    json_target, _ = receivers
    json_target.fail_next = 100
    token = "tok3n-SECRET-value"
    wl = apprise_watchlist(
        [f"json://bot:{token}@127.0.0.1:{json_target.port}/hooks/{token}-path"], max_attempts=2
    )
    record(store, wl, [retention_change()])
    s = sender(store, wl)
    with caplog.at_level(logging.INFO):  # at DEBUG, urllib3 logs request paths (as for webhooks)
        s.deliver_due(T0)
        s.deliver_due(T0 + timedelta(minutes=10))
    [row] = store.list_alerts(route="chat")
    assert row.status == "dead" and row.attempts == 2
    assert f"json://127.0.0.1:{json_target.port}" in row.last_error
    logged = "\n".join(r.getMessage() for r in caplog.records)
    for text in (row.last_error, logged):
        assert token not in text and "bot:" not in text
    assert "now dead" in logged


def test_urls_from_the_environment_and_health_alerts(store, receivers, monkeypatch):
    json_target, _ = receivers
    monkeypatch.setenv("PM_APPRISE_URLS", f" json://127.0.0.1:{json_target.port}/env ")
    route = RouteConfig(name="chat", type="apprise", options={"urls": [], "urls_env": "PM_APPRISE_URLS"})
    wl = Watchlist(policies=(policy(alert=("chat",)),), routes={"chat": route})
    alerts = plan_health_alerts(
        policy(alert=("chat",)),
        wl,
        kind="unreachable",
        at="2026-11-25T10:00:00Z",
        detail="3 checks failed in a row: connection refused",
    )
    store.add_alerts(alerts)
    assert sender(store, wl).deliver_due()["delivered"] == 1
    [hit] = json_target.requests
    assert hit.path == "/env" and hit.json["type"] == "failure"
    assert "is unreachable" in hit.json["title"] and "connection refused" in hit.json["message"]


WATCHLIST = """\
alerts:
  chat:
    type: apprise
    urls:
      - json://127.0.0.1:9/x
      - "nonsense-scheme://what"
  chat2: {type: apprise}
policies:
  - {id: a, url: "https://example.org/p", alert: [chat]}
"""


def test_the_validator_reads_apprise_routes_and_reports_every_problem_without_the_url():
    with pytest.raises(WatchlistError) as info:
        parse_watchlist(WATCHLIST, "watchlist.yaml")
    text = str(info.value)
    assert "alerts.chat.urls: item 2 (nonsense-scheme://what) is not an Apprise URL" in text
    assert "alerts.chat2.urls: missing: an apprise route needs urls or urls_env" in text
    good = WATCHLIST.replace('      - "nonsense-scheme://what"\n', "").replace(
        "  chat2: {type: apprise}\n", "  chat2: {type: apprise, urls_env: CHAT_URLS}\n"
    )
    wl = parse_watchlist(good, "watchlist.yaml")
    assert wl.routes["chat"].options["urls"] == ["json://127.0.0.1:9/x"]
    assert wl.routes["chat2"].options["urls_env"] == "CHAT_URLS"


def test_debug_logs_of_test_alert_never_show_an_apprise_urls_token(tmp_path) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    target = HTTPReceiver().start()
    try:
        wl = tmp_path / "wl.yaml"
        wl.write_text(
            "alerts:\n"
            "  chat: {type: apprise, urls_env: PM_CHAT_URLS, timeout: 5s}\n"
            "policies:\n"
            "  - {id: a, url: 'https://example.org/p', alert: [chat]}\n",
            encoding="utf-8",
        )
        url = f"json://bot:PASSW0RDX@127.0.0.1:{target.port}/hooks/T0KENPATH123?+X-Extra=QUERYSECRET456"
        env = {**os.environ, "PYTHONPATH": str(repo), "PM_CHAT_URLS": url}
        proc = subprocess.run(
            [sys.executable, "-m", "monitor", "test-alert", "chat", "--watchlist", str(wl), "--debug"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
        )
    finally:
        target.stop()
    assert proc.returncode == 0, proc.stderr
    [hit] = target.requests
    assert hit.path == "/hooks/T0KENPATH123" and "TEST" in hit.json["title"]
    assert "[redacted]" in proc.stderr
    for secret in ("T0KENPATH123", "QUERYSECRET456", "PASSW0RDX"):
        assert secret not in proc.stderr + proc.stdout
