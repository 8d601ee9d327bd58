"""Deployment files: the Dockerfile's promises (slim base, optional Chromium layer, non-root user,
the database on a volume, `policy-monitor run` as the entry point, a HEALTHCHECK that runs
`policy-monitor health`), the systemd unit verified by systemd-analyze where it exists, and
`health` itself against a real daemon process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from db_watch import until

REPO = Path(__file__).resolve().parents[1]


def _instructions() -> list[tuple[str, str]]:
    out = []
    text = (REPO / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            out.append((word.upper(), " ".join(rest.split())))
    return out


def test_the_dockerfile_keeps_its_promises() -> None:
    ins = _instructions()
    assert ins[0][0] == "FROM" and ins[0][1].startswith("python:") and ins[0][1].endswith("-slim")
    assert ("ARG", "WITH_CHROMIUM=0") in ins
    assert any(
        w == "RUN" and "apt-get install" in r and "chromium" in r and "WITH_CHROMIUM" in r for w, r in ins
    )
    users = [r for w, r in ins if w == "USER"]
    assert users and users[-1] not in ("root", "0")
    assert ("VOLUME", '["/data"]') in ins
    env = " ".join(r for w, r in ins if w == "ENV")
    assert "POLICY_MONITOR_DB=/data/monitor.db" in env
    assert ("ENTRYPOINT", '["policy-monitor"]') in ins and ("CMD", '["run"]') in ins
    [health] = [r for w, r in ins if w == "HEALTHCHECK"]
    assert health.endswith('CMD ["policy-monitor", "health"]')


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_systemd_unit_verifies(tmp_path: Path) -> None:
    unit = (REPO / "deploy" / "policy-monitor.service").read_text(encoding="utf-8")
    for option in (
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "DynamicUser=yes",
        "StateDirectory=",
        "CapabilityBoundingSet=",
        "SystemCallFilter=@system-service",
        "RestartPreventExitStatus=2 3",
    ):
        assert option in unit
    exe = Path(sys.executable).with_name("policy-monitor")
    assert exe.exists()
    (tmp_path / "policy-monitor.service").write_text(
        unit.replace("/opt/policy-monitor/bin/policy-monitor", str(exe)), encoding="utf-8"
    )
    proc = subprocess.run(
        ["systemd-analyze", "verify", str(tmp_path / "policy-monitor.service")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr


def test_health_is_ok_only_while_a_daemon_runs(tmp_path: Path) -> None:
    wl, db = tmp_path / "wl.yaml", tmp_path / "m.db"
    wl.write_text("policies: []\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env.update(PYTHONPATH=str(REPO), POLICY_MONITOR_DB=str(db), POLICY_MONITOR_WATCHLIST=str(wl))

    def health() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "monitor", "health"],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
        )

    log = (tmp_path / "daemon.log").open("wb")
    daemon = subprocess.Popen(
        [sys.executable, "-m", "monitor", "run"], cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        until(lambda: health().returncode == 0, 60, "health ok while the daemon runs")
        assert health().stdout.startswith("ok: daemon alive")
    finally:
        daemon.terminate()
        daemon.wait(60)
        log.close()
    proc = health()
    assert proc.returncode == 1 and proc.stdout.startswith("unhealthy: daemon not running")
