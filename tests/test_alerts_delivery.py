"""Delivery through the outbox: a real SQLite Store, a real aiosmtpd server and a real HTTP
receiver that checks Standard Webhooks signatures, all on 127.0.0.1."""

from __future__ import annotations

import io
import shutil
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone

import pytest
from alert_samples import cosmetic_change, policy, retention_change
from smtp_server import SMTPServer, free_port, self_signed_cert
from webhook_receiver import WebhookReceiver

from monitor.alerts import Sender, plan_change_alerts, plan_health_alerts, send_test_alert
from monitor.clock import fixed_clock
from monitor.errors import MonitorError
from monitor.models import RouteConfig, Watchlist
from monitor.store import FetchRecord, Store

SECRET = "whsec_" + "c2VjcmV0LWtleS1mb3ItdGVzdHM="  # base64 of b"secret-key-for-tests"
# the tests' sender clock: a fixed moment, never today (the store fixture stamps rows before it)
T0 = datetime(2026, 11, 25, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    # the outbox stamps rows a minute before the tests' sender clock starts: every alert is due at
    # T0, however long the suite has run before (no test reads the wall clock)
    s = Store(tmp_path / "monitor.db", clock=fixed_clock(T0 - timedelta(seconds=60)))
    yield s
    s.close()


@pytest.fixture
def smtp() -> Iterator[SMTPServer]:
    server = SMTPServer().start()
    yield server
    server.stop()


@pytest.fixture
def hook(monkeypatch) -> Iterator[WebhookReceiver]:
    monkeypatch.setenv("PM_HOOK_SECRET", SECRET)
    receiver = WebhookReceiver(b"secret-key-for-tests").start()
    yield receiver
    receiver.stop()


def routes(smtp_port: int, hook_url: str, **kw) -> dict[str, RouteConfig]:
    mail = RouteConfig(
        name="mail",
        type="email",
        max_attempts=kw.get("max_attempts", 8),
        digest=kw.get("digest"),
        options={
            "to": ["dpo@example.com"],
            "from": "pm@example.com",
            "smtp": {"host": "127.0.0.1", "port": smtp_port, "timeout": 2},
        },
    )
    hook = RouteConfig(
        name="hook",
        type="webhook",
        max_attempts=kw.get("max_attempts", 8),
        options={"url": hook_url, "secret_env": "PM_HOOK_SECRET", "timeout": kw.get("timeout", 2)},
    )
    return {"mail": mail, "hook": hook}


def make_watchlist(smtp_port: int, hook_url: str, **kw) -> Watchlist:
    return Watchlist(policies=(policy(),), routes=routes(smtp_port, hook_url, **kw))


def record(store: Store, wl: Watchlist, changes, seen_at: str = "2026-11-25T10:00:00Z") -> list[str]:
    """What the check stage does: the version, its changes and its alerts in one transaction."""
    latest = store.latest_version("acme")
    seq = latest.seq + 1 if latest else 1
    alerts = plan_change_alerts(policy(), wl, seq=seq, seen_at=seen_at, changes=changes)
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


def sender(store, wl, clock=lambda: T0, **kw) -> Sender:
    return Sender(
        store,
        wl,
        clock=clock,
        backoff_base=kw.pop("backoff_base", 1.0),
        jitter=lambda: 0.0,
        console_stream=io.StringIO(),
        **kw,
    )


def test_material_change_gives_exactly_one_email_and_one_signed_webhook(store, smtp, hook):
    wl = make_watchlist(smtp.port, hook.url)
    ids = record(store, wl, [retention_change(), cosmetic_change()])
    counts = sender(store, wl).deliver_due()
    assert counts["delivered"] == 2
    assert sender(store, wl).deliver_due(T0 + timedelta(days=1))["delivered"] == 0  # never again
    assert len(smtp.messages) == 1 and len(hook.hits) == 1
    msg = smtp.messages[0].message
    assert msg["Message-ID"] == f"<{ids[0]}@example.com>" and msg["Auto-Submitted"] == "auto-generated"
    assert msg.get_content_type() == "multipart/alternative"
    assert "Acme Privacy Policy: high change (retention)" in msg["Subject"]
    text = msg.get_body(("plain",)).get_content()
    html = msg.get_body(("html",)).get_content()
    for body in (text, html):
        assert "Retention period set to 10 years instead of keeping data as long as necessary" in body
        assert "How long we keep your information" in body
    assert "[-no longer than is necessary" in text and "{+10 years" in text
    assert "line-through" in html and ">10 years" in html
    hit = hook.hits[0]
    assert hit.valid and hit.webhook_id == ids[1]
    body = hit.json
    assert body["type"] == "policy.changed" and body["summary"]["max_severity"] == "high"
    [change] = body["changes"]
    assert change["categories"] == ["retention"] and change["severity"] == "high"
    assert change["explanation"] == (
        "Retention period set to 10 years instead of keeping data as long as necessary"
    )
    assert [-1, "no longer than is necessary fo"] in change["inline"] or any(
        op == 1 and "10 years" in t for op, t in change["inline"]
    )
    assert store.alert_counts() == {"delivered": 2}


def test_cosmetic_change_sends_nothing(store, smtp, hook):
    wl = make_watchlist(smtp.port, hook.url)
    assert record(store, wl, [cosmetic_change()]) == []
    sender(store, wl).deliver_due()
    assert smtp.messages == [] and hook.hits == [] and store.alert_counts() == {}


def test_smtp_down_then_up_delivers_once(store, hook):
    port = free_port()
    wl = make_watchlist(port, hook.url)
    record(store, wl, [retention_change()])
    s = sender(store, wl)
    counts = s.deliver_due(T0)  # the mail server is down: connection refused
    assert counts == {"delivered": 1, "retry": 1, "dead": 0, "digests": 0}  # the webhook went out
    [row] = store.list_alerts(route="mail")
    assert row.status == "pending" and row.attempts == 1 and "SMTP 127.0.0.1" in row.last_error
    assert row.next_attempt_at == (T0 + timedelta(seconds=1)).strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )  # base 1 s, no jitter
    assert s.deliver_due(T0)["retry"] == 0  # not due yet
    server = SMTPServer(port).start()
    try:
        assert s.deliver_due(T0 + timedelta(seconds=1))["delivered"] == 1
        s.deliver_due(T0 + timedelta(hours=1))
        assert len(server.messages) == 1
    finally:
        server.stop()
    assert store.list_alerts(route="mail")[0].status == "delivered"
    assert len(hook.hits) == 1


def test_smtp_restarted_on_same_port_mid_outage(store, hook):
    server = SMTPServer().start()
    wl = make_watchlist(server.port, hook.url)
    server.stop()
    record(store, wl, [retention_change()])
    s = sender(store, wl)
    s.deliver_due(T0)
    server.start()
    try:
        s.deliver_due(T0 + timedelta(minutes=5))
        s.deliver_due(T0 + timedelta(minutes=10))
        assert len(server.messages) == 1
    finally:
        server.stop()


def test_webhook_500_twice_then_200_delivers_once_with_the_same_id(store, smtp, hook):
    wl = make_watchlist(smtp.port, hook.url)
    hook.fail_next = 2
    ids = record(store, wl, [retention_change()])
    s = sender(store, wl)
    t = T0
    for _ in range(6):
        s.deliver_due(t)
        t += timedelta(minutes=10)
    assert [h.status for h in hook.hits] == [500, 500, 200]
    assert {h.webhook_id for h in hook.hits} == {ids[1]}
    assert all(h.valid for h in hook.hits)
    [row] = store.list_alerts(route="hook")
    assert row.status == "delivered" and row.attempts == 3


def test_backoff_grows_exponentially(store, smtp, hook):
    wl = make_watchlist(smtp.port, hook.url)
    hook.fail_next = 3
    record(store, wl, [retention_change()])
    s = sender(store, wl, backoff_base=10.0)
    t, waits = T0, []
    for _ in range(3):
        s.deliver_due(t)
        nxt = datetime.fromisoformat(
            store.list_alerts(route="hook")[0].next_attempt_at.replace("Z", "+00:00")
        )
        waits.append((nxt - t).total_seconds())
        t = nxt
    assert waits == [10.0, 20.0, 40.0]


def test_dead_after_max_attempts_and_status_shows_it(store, smtp, hook):
    wl = make_watchlist(smtp.port, hook.url, max_attempts=3)
    hook.fail_next = 100
    record(store, wl, [retention_change()])
    s = sender(store, wl)
    t, results = T0, []
    for _ in range(5):
        results.append(s.deliver_due(t))
        t += timedelta(hours=1)
    assert [r["dead"] for r in results] == [0, 0, 1, 0, 0]
    assert len(hook.hits) == 3
    [row] = store.list_alerts(route="hook")
    assert row.status == "dead" and row.attempts == 3 and row.last_error.endswith("HTTP 500")
    [st] = store.status()
    assert st.dead_alerts == 1


def test_webhook_4xx_is_retried_only_a_few_times(store, smtp, hook):
    wl = make_watchlist(smtp.port, hook.url)
    hook.fail_next, hook.fail_status = 100, 404
    record(store, wl, [retention_change()])
    s = sender(store, wl)
    t = T0
    for _ in range(6):
        s.deliver_due(t)
        t += timedelta(hours=1)
    assert len(hook.hits) == 3 and store.list_alerts(route="hook")[0].status == "dead"


def test_slow_webhook_times_out_and_is_retried(store, smtp, hook):
    wl = make_watchlist(smtp.port, hook.url, timeout=0.2)
    hook.delay = 0.5
    ids = record(store, wl, [retention_change()])
    s = sender(store, wl)
    assert s.deliver_due(T0)["retry"] == 1
    assert "ReadTimeout" in store.list_alerts(route="hook")[0].last_error
    hook.delay = 0.0
    assert s.deliver_due(T0 + timedelta(minutes=1))["delivered"] == 1
    assert hook.accepted[-1].webhook_id == ids[1]


def test_wrong_secret_is_refused_by_the_receiver(store, smtp, hook, monkeypatch):
    monkeypatch.setenv("PM_HOOK_SECRET", "not-the-secret")
    wl = make_watchlist(smtp.port, hook.url)
    record(store, wl, [retention_change()])
    sender(store, wl).deliver_due(T0)
    assert [(h.valid, h.status) for h in hook.hits] == [(False, 401)]
    assert store.list_alerts(route="hook")[0].status == "pending"  # kept, retried


def test_missing_secret_env_is_a_clear_error_and_the_alert_is_kept(store, smtp, hook, monkeypatch):
    monkeypatch.delenv("PM_HOOK_SECRET")
    wl = make_watchlist(smtp.port, hook.url)
    record(store, wl, [retention_change()])
    sender(store, wl).deliver_due(T0)
    [row] = store.list_alerts(route="hook")
    assert row.status == "pending" and "environment variable PM_HOOK_SECRET" in row.last_error
    assert hook.hits == []


def test_smtp_auth_password_comes_from_env_and_never_reaches_the_db(store, hook, monkeypatch, caplog):
    server = SMTPServer(username="alerts", password="hunter2-secret").start()
    try:
        wl = make_watchlist(server.port, hook.url)
        mail = wl.routes["mail"]
        mail.options["smtp"].update(username="alerts", password_env="PM_SMTP_PW")
        record(store, wl, [retention_change()])
        s = sender(store, wl)
        s.deliver_due(T0)  # the variable is not set
        assert "environment variable PM_SMTP_PW" in store.list_alerts(route="mail")[0].last_error
        monkeypatch.setenv("PM_SMTP_PW", "wrong-password-xyz")
        s.deliver_due(T0 + timedelta(minutes=1))
        err = store.list_alerts(route="mail")[0].last_error
        assert "SMTPAuthenticationError" in err and "wrong-password-xyz" not in err
        monkeypatch.setenv("PM_SMTP_PW", "hunter2-secret")
        assert s.deliver_due(T0 + timedelta(minutes=10))["delivered"] == 1
        assert len(server.messages) == 1
    finally:
        server.stop()
    assert "PM_SMTP_PW" in caplog.text and "SMTPAuthenticationError" in caplog.text  # failures were logged
    assert "hunter2-secret" not in caplog.text and "wrong-password-xyz" not in caplog.text
    dump = b"".join(p.read_bytes() for p in store.path.parent.glob("monitor.db*"))
    assert b"hunter2-secret" not in dump and b"wrong-password-xyz" not in dump


def test_plain_smtp_to_a_remote_host_is_refused_unless_tls_false(store, hook):
    wl = make_watchlist(25, hook.url)
    smtp = wl.routes["mail"].options["smtp"]
    smtp.update(host="mail.example.invalid", starttls=False)
    record(store, wl, [retention_change()])
    s = sender(store, wl)
    s.deliver_due(T0)
    err = store.list_alerts(route="mail")[0].last_error
    assert "refusing to send mail to mail.example.invalid without TLS" in err
    smtp["tls"] = False  # said explicitly: plain SMTP is allowed, so it tries to connect
    s.deliver_due(T0 + timedelta(hours=1))
    err = store.list_alerts(route="mail")[0].last_error
    assert err.startswith("SMTP mail.example.invalid:25:") and "refusing" not in err


def test_daily_digest_gathers_the_days_alerts_into_one_message(store, smtp, hook):
    wl = make_watchlist(smtp.port, hook.url, digest="daily")
    record(store, wl, [retention_change()], seen_at="2026-11-25T10:00:00Z")
    record(store, wl, [retention_change()], seen_at="2026-11-25T11:00:00Z")
    s = sender(store, wl)
    # the later of the two (the store's clock may tick between them)
    created = max(a.created_at for a in store.list_alerts())
    today = datetime.fromisoformat(created.replace("Z", "+00:00"))
    assert s.deliver_due(today)["digests"] == 0  # the day is not over
    assert smtp.messages == [] and len(hook.hits) == 2  # the webhook route has no digest
    counts = s.deliver_due(today + timedelta(days=1))
    assert counts["digests"] == 1 and counts["delivered"] == 1
    assert s.deliver_due(today + timedelta(days=2))["digests"] == 0
    [mail] = smtp.messages
    assert "Daily digest: 2 alert(s)" in mail.message["Subject"]
    text = mail.message.get_body(("plain",)).get_content()
    assert text.count("Retention period set to 10 years instead of keeping data as long as necessary") == 2
    statuses = sorted(a.status for a in store.list_alerts(route="mail"))
    assert statuses == ["delivered", "digested", "digested"]


def test_health_alerts_are_delivered(store, smtp, hook):
    wl = make_watchlist(smtp.port, hook.url)
    alerts = plan_health_alerts(
        policy(),
        wl,
        kind="unreachable",
        at="2026-11-25T10:00:00Z",
        detail="3 failed checks in a row: connection refused",
    )
    store.record_fetch(FetchRecord("acme", "2026-11-25T10:00:00Z", "failed", error="refused"), alerts)
    sender(store, wl).deliver_due(T0)
    assert "Acme Privacy Policy is unreachable" in smtp.messages[0].message["Subject"]
    assert hook.hits[0].json["type"] == "policy.unreachable"


def test_run_loop_delivers_until_stopped(store, smtp, hook):
    wl = make_watchlist(smtp.port, hook.url)
    record(store, wl, [retention_change()])
    stop = threading.Event()
    s = Sender(store, wl, console_stream=io.StringIO())
    thread = threading.Thread(target=s.run, args=(stop, 0.05))
    thread.start()
    try:
        for _ in range(100):
            if store.alert_counts().get("delivered") == 2:
                break
            stop.wait(0.05)
    finally:
        stop.set()
        thread.join(5)
    assert not thread.is_alive() and store.alert_counts() == {"delivered": 2}


def test_test_alert_sends_a_sample_and_reports_failures(smtp, hook):
    wl = make_watchlist(smtp.port, hook.url)
    send_test_alert(wl, "mail")
    send_test_alert(wl, "hook")
    assert "[policy-monitor TEST]" in smtp.messages[0].message["Subject"]
    assert hook.hits[0].valid and hook.hits[0].json["type"] == "policy.test"
    out = io.StringIO()
    send_test_alert(wl, "console", console_stream=out)
    assert (
        "policy.test" in out.getvalue()
        and "Retention period lengthened from 3 years to 10 years" in out.getvalue()
    )
    with pytest.raises(MonitorError, match="no alert route named 'nope'"):
        send_test_alert(wl, "nope")
    down = make_watchlist(free_port(), hook.url)
    with pytest.raises(MonitorError, match="test alert via route 'mail' failed: SMTP 127.0.0.1"):
        send_test_alert(down, "mail")


@pytest.mark.parametrize("mode", ["starttls", "implicit"])
def test_email_over_starttls_and_implicit_tls_verifies_the_certificate(
    store, hook, tmp_path, monkeypatch, mode
):
    if shutil.which("openssl") is None:
        pytest.skip("openssl CLI not installed")
    cert = self_signed_cert(tmp_path)
    server = SMTPServer(tls=mode, cert=cert, username="alerts", password="pw-over-tls").start()
    try:
        wl = make_watchlist(server.port, hook.url)
        opts = wl.routes["mail"].options["smtp"]
        opts.update(
            username="alerts", password_env="PM_SMTP_PW", starttls=mode == "starttls", tls=mode == "implicit"
        )
        monkeypatch.setenv("PM_SMTP_PW", "pw-over-tls")
        record(store, wl, [retention_change()])
        s = sender(store, wl)
        s.deliver_due(T0)  # the certificate is not trusted yet: refused
        assert "CERTIFICATE_VERIFY_FAILED" in store.list_alerts(route="mail")[0].last_error
        assert server.messages == []
        monkeypatch.setenv("SSL_CERT_FILE", cert[0])  # now it is (OpenSSL's default CA file)
        assert s.deliver_due(T0 + timedelta(hours=1))["delivered"] == 1
        assert len(server.messages) == 1 and server.auth_attempts == [("alerts", "pw-over-tls")]
    finally:
        server.stop()


# --- through the real clause engine ------------------------------------------------------------

RETENTION = "We keep your information for no longer than is necessary for the purposes it was collected for."


def engine_changes(old_text: str, new_text: str, title: str = "Privacy Policy"):
    """normalize -> segment -> align -> classify on two real pages built from seed 3."""
    from policy_site import policy_html

    from monitor.engine.pipeline import compare_documents
    from monitor.extract.normalize import normalize

    old = normalize(policy_html(old_text, title).encode(), "text/html")
    new = normalize(policy_html(new_text, title).encode(), "text/html")
    return compare_documents(old, new).changes


def test_seed_retention_lengthened_through_the_engine_gives_one_email_and_one_webhook(store, smtp, hook):
    from policy_site import seed_text

    seed = seed_text(3)
    changes = engine_changes(seed, seed.replace(RETENTION, "We keep your information for 10 years."))
    wl = make_watchlist(smtp.port, hook.url)
    record(store, wl, changes)
    assert sender(store, wl).deliver_due(T0)["delivered"] == 2
    assert len(smtp.messages) == 1 and len(hook.accepted) == 1
    [change] = hook.accepted[0].json["changes"]
    assert change["categories"] == ["retention"] and change["material"] and change["severity"] == "high"
    assert "10 years" in change["explanation"]
    assert any(op == 1 and "10 years" in t for op, t in change["inline"])
    text = smtp.messages[0].message.get_body(("plain",)).get_content()
    assert change["explanation"] in text and "{+" in text and "[-" in text


def test_seed_cosmetic_edit_through_the_engine_sends_nothing(store, smtp, hook):
    from policy_site import seed_text

    seed = seed_text(3) + "\nYou can contact our privacy team by email.\n"
    changes = engine_changes(seed, seed.replace("by email.", "by e-mail."))
    assert changes and not any(c.material for c in changes)  # a change, but not a material one
    wl = make_watchlist(smtp.port, hook.url)
    record(store, wl, changes)
    sender(store, wl).deliver_due(T0)
    assert smtp.messages == [] and hook.hits == [] and store.alert_counts() == {}


def test_hostile_seed_page_is_harmless_in_every_delivered_format(store, smtp, hook):
    from policy_site import seed_text

    seed = seed_text(3)
    hostile = "We keep your information for 10 years <script>alert(1)</script> {{ 7*7 }} {% debug %} $x."
    changes = engine_changes(seed, seed.replace(RETENTION, hostile))
    assert any(c.material for c in changes)
    evil = policy(name="Evil\r\nBcc: victim@example.com\r\n<script>alert(1)</script>")
    wl = make_watchlist(smtp.port, hook.url)
    alerts = plan_change_alerts(evil, wl, seq=2, seen_at="2026-11-25T10:00:00Z", changes=changes)
    fetch = FetchRecord(policy_id="acme", started_at="2026-11-25T10:00:00Z", outcome="changed")
    store.record_version(
        fetch,
        body=b"x",
        content_type="text/html",
        text="x",
        language="en",
        clauses=[],
        changes=changes,
        alerts=alerts,
    )
    out = io.StringIO()
    wl.routes["console"] = RouteConfig(name="console", type="console")
    store.add_alerts(plan_change_alerts(policy(alert=("console",)), wl, seq=2, seen_at="x", changes=changes))
    Sender(store, wl, clock=lambda: T0, console_stream=out).deliver_due()
    msg = smtp.messages[0].message
    assert msg["Bcc"] is None and "\n" not in str(msg["Subject"]) and "\r" not in str(msg["Subject"])
    html = msg.get_body(("html",)).get_content()
    assert "<script" not in html.lower() and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "{% debug %}" in html and "$x" in html and "49" not in html
    assert "{{ 7*7 }}" in msg.get_body(("plain",)).get_content()
    body = hook.accepted[0].json
    assert "<script>alert(1)</script>" in body["changes"][0]["new"]["text"]  # verbatim in JSON
    console = out.getvalue()
    assert "retention" in console and "\r" not in console and "<script" not in console.split("\n")[0]


def test_webhook_connection_refused_is_retried_and_the_url_path_stays_out_of_errors(store, smtp, monkeypatch):
    monkeypatch.setenv("PM_HOOK_SECRET", SECRET)
    wl = make_watchlist(smtp.port, f"http://127.0.0.1:{free_port()}/hooks/T0KEN-in-path?key=abc")
    record(store, wl, [retention_change()])
    assert sender(store, wl).deliver_due(T0)["retry"] == 1
    err = store.list_alerts(route="hook")[0].last_error
    assert err.startswith("webhook http://127.0.0.1:") and "ConnectionError" in err
    assert "T0KEN" not in err and "key=abc" not in err
