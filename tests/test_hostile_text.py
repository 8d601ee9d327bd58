"""Hostile characters in every human output (issue 9): a right-to-left override (U+202E) in a
policy name and C1 controls (U+009B, a terminal's CSI) in page text never reach a person raw:
not in the e-mail Subject or body, not in `show`, `diff`, `history`, `export` or console alerts.
`export` stays lossless (JSON escapes give the characters back).

Real parts: `python -m monitor` in subprocesses, a PolicySite, an aiosmtpd server, SQLite.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from policy_site import PolicySite, policy_html, seed_text
from smtp_server import SMTPServer

from monitor.alerts.routing import plan_change_alerts
from monitor.alerts.sender import Sender
from monitor.models import Change, Clause, PolicyConfig, RouteConfig, Watchlist
from monitor.store import FetchRecord, Store

REPO = Path(__file__).resolve().parents[1]
RLO, CSI = "\u202e", "\u009b"
UNSAFE = (RLO, CSI, "\u2066", "\x1b]")
HOSTILE = f"We may sell your data{CSI}2J to partners {RLO}sredrob ssorca{RLO} without notice."


def _run(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env.update(
        PYTHONPATH=str(REPO),
        POLICY_MONITOR_DB=str(tmp / "m.db"),
        POLICY_MONITOR_WATCHLIST=str(tmp / "wl.yaml"),
    )
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp,
        env=env,
        timeout=120,
    )


def _clean(text: str) -> None:
    for ch in UNSAFE:
        assert ch not in text, f"{ch!r} reached the output"


def test_show_diff_history_export_and_console_alerts_escape_control_and_bidi(
    tmp_path: Path, policy_site: PolicySite
) -> None:
    text = seed_text(4)
    policy_site.set_page("/p", policy_html(text))
    (tmp_path / "wl.yaml").write_text(
        "policies:\n"
        f"  - {{id: acme, name: \"Acme \\u202e evil\", url: '{policy_site.url('/p')}', alert: [console]}}\n",
        encoding="utf-8",
    )
    assert _run(tmp_path, "check", "--all").returncode == 0
    policy_site.set_page("/p", policy_html(text + "\n" + HOSTILE))
    checked = _run(tmp_path, "check", "acme")
    assert checked.returncode == 0, checked.stderr
    assert "acme changed v2" in checked.stdout
    outputs = [checked.stdout, checked.stderr]
    for args in (
        ("show", "acme"),
        ("show", "acme", "--clauses"),
        ("diff", "acme@1", "acme@2"),
        ("history", "acme"),
        ("export",),
        ("status",),
    ):
        proc = _run(tmp_path, *args)
        assert proc.returncode in (0, 1), (args, proc.stderr)  # diff: 1 when something changed
        outputs += [proc.stdout, proc.stderr]
    for out in outputs:
        _clean(out)
    exported = [json.loads(line) for line in _run(tmp_path, "export").stdout.splitlines()]
    assert any(CSI in r.get("text", "") for r in exported)  # lossless: JSON gives it back
    written = tmp_path / "out.jsonl"
    assert _run(tmp_path, "export", "--output", str(written)).returncode == 0
    _clean(written.read_text(encoding="utf-8"))


def test_email_subject_and_body_carry_no_bidi_override_or_control(tmp_path: Path) -> None:
    smtp = SMTPServer().start()
    try:
        route = RouteConfig(
            name="mail",
            type="email",
            options={
                "to": ["dpo@example.com"],
                "from": "pm@example.com",
                "smtp": {"host": "127.0.0.1", "port": smtp.port, "timeout": 5},
            },
        )
        policy = PolicyConfig(
            id="acme", name=f"Acme {RLO}moc.evil{RLO}", url="http://127.0.0.1/p", alert=("mail",)
        )
        wl = Watchlist(policies=(policy,), routes={"mail": route})
        old = Clause(index=0, text="We keep your data for 30 days.")
        new = Clause(index=0, text=f"We keep your data{CSI} for {RLO}10 years.")
        change = Change(
            kind="modified",
            old=old,
            new=new,
            categories=["retention"],
            material=True,
            severity="high",
            explanation=f"Retention {RLO}changed.",
        )
        with Store(tmp_path / "m.db") as store:
            alerts = plan_change_alerts(policy, wl, seq=2, seen_at="2026-11-25T10:00:00Z", changes=[change])
            store.record_version(
                FetchRecord("acme", "2026-11-25T10:00:00Z", "changed"),
                body=b"x",
                content_type="text/plain",
                text="x",
                language="en",
                clauses=[],
                changes=[change],
                alerts=alerts,
            )
            assert Sender(store, wl, console_stream=io.StringIO()).deliver_due()["delivered"] == 1
        [received] = smtp.messages
        msg = received.message
        _clean(str(msg["Subject"]))
        for part in msg.walk():
            if part.get_content_maintype() == "text":
                _clean(part.get_content())
    finally:
        smtp.stop()
