"""Deployment files: the Dockerfile's promises (slim base, optional Chromium layer, non-root user,
the database on a volume, `policy-monitor run` as the entry point, a HEALTHCHECK that runs
`policy-monitor health`), the systemd unit verified by systemd-analyze where it exists, Chromium
rendering a page under the unit's system call filter, and `health` itself against a real daemon
process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from db_watch import until
from policy_site import PolicySite

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
    stages = [r.split()[0] for w, r in ins if w == "FROM"]
    assert (
        ins[0][0] == "FROM"
        and stages
        and all(s.startswith("python:") and s.endswith("-slim") for s in stages)
    )
    # the build stage compiles the text modules (setup.py, a C compiler) and fails when they did
    # not compile; the image installs that wheel, with the Hyperscan extra
    build = " ".join(r for w, r in ins if w in ("RUN", "COPY"))
    assert "setup.py" in build and "gcc" in build and "pip wheel" in build
    assert "monitor/compiled-sources.txt" in build
    assert any(w == "COPY" and r.startswith("--from=build /wheels") for w, r in ins)
    assert any(w == "RUN" and "[fast" in r for w, r in ins)
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


# --- the unit's system call filter, with Chromium under it ----------------------------------------


def _expand(group: str, seen: set[str]) -> set[str]:
    """The system calls of a systemd group (`@system-service`), as this systemd lists them."""
    out = subprocess.run(
        ["systemd-analyze", "syscall-filter", group], capture_output=True, text=True, timeout=60, check=True
    ).stdout
    names: set[str] = set()
    for line in out.splitlines()[1:]:
        word = line.strip()
        if word.startswith("@") and word not in seen:
            seen.add(word)
            names |= _expand(word, seen)
        elif word and not word.startswith(("#", "@")):
            names.add(word)
    return names


def unit_allowed_syscalls(unit: str) -> set[str]:
    """The calls the unit's SystemCallFilter= lines allow, as systemd reads them: the first line
    (not inverted) is an allow-list, each later one adds its calls, or removes them with `~`."""
    allowed: set[str] = set()
    for line in unit.splitlines():
        if not line.startswith("SystemCallFilter="):
            continue
        value = line.split("=", 1)[1].strip()
        invert = value.startswith("~")
        names: set[str] = set()
        for word in value.lstrip("~").split():
            names |= _expand(word, set()) if word.startswith("@") else {word}
        allowed = allowed - names if invert else allowed | names
    return allowed


SPA = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Privacy</title></head>"
    "<body><div id='root'>Loading</div><script>document.getElementById('root').innerHTML = "
    "'<h1>Privacy Policy</h1>' + [{clauses}].map(t => '<p>' + t + '</p>').join('');</script>"
    "</body></html>"
)
CLAUSES = (
    "We keep your account data for 3 years after you close your account.",
    "We do not sell your personal information to third parties.",
    "We share your data with payment processors only to complete your orders.",
    "We collect your name, e-mail address and payment details when you create an account.",
)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_chromium_renders_a_page_under_the_units_system_call_filter(
    tmp_path: Path, policy_site: PolicySite
) -> None:
    """`check` with `render: browser` in a process under the seccomp filter the unit asks systemd
    for (kill on any other call, as systemd does): a call Chromium needs and the unit forbids
    kills it, and the check fails."""
    try:
        import pyseccomp  # the [test] extra: libseccomp through ctypes
    except (ImportError, OSError) as e:
        pytest.skip(f"no libseccomp to build the filter with: {e}")
    from monitor.fetch.browser import browser_problem

    problem = browser_problem()
    if problem or "faketime" in os.environ.get("LD_PRELOAD", ""):
        pytest.skip(f"no browser to render with: {problem or 'libfaketime is preloaded'}")
    allowed = unit_allowed_syscalls((REPO / "deploy" / "policy-monitor.service").read_text(encoding="utf-8"))
    assert "capset" in allowed and "mount" not in allowed and "reboot" not in allowed
    policy_site.set_page("/privacy", SPA.format(clauses=", ".join(f"'{c}'" for c in CLAUSES)))
    wl, db = tmp_path / "wl.yaml", tmp_path / "m.db"
    wl.write_text(
        "fetch: {per_host_delay: 0, retries: 0, timeout: 30s}\n"
        f"policies: [{{id: spa, url: '{policy_site.url('/privacy')}', render: browser}}]\n",
        encoding="utf-8",
    )
    if os.geteuid() == 0:
        # SQLite running as root gives its journal the database's owner (fchown); the unit's
        # DynamicUser is never root, so there SQLite makes no such call
        allowed |= _expand("@chown", set())
    rules = pyseccomp.SyscallFilter(pyseccomp.KILL_PROCESS)
    for name in sorted(allowed):
        try:
            rules.add_rule(pyseccomp.ALLOW, name)
        except (RuntimeError, ValueError, OSError):
            pass  # a call this libseccomp or architecture does not know
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env.update(PYTHONPATH=str(REPO), POLICY_MONITOR_DB=str(db), POLICY_MONITOR_WATCHLIST=str(wl))
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", "check", "--all"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
        preexec_fn=rules.load,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "spa new v1" in proc.stdout, proc.stdout + proc.stderr
