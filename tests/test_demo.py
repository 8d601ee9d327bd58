"""`policy-monitor demo`, the README's first command: it must work offline, quickly, show the
retention alert and the clause diff, and leave nothing behind."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

from monitor.app.demo import SAMPLES, DemoSite, sample_pages, watchlist_yaml
from monitor.config.watchlist import parse_watchlist


def test_demo_exits_0_and_prints_the_retention_alert_and_diff(tmp_path: Path) -> None:
    # a temporary directory of the demo's own: another run on this machine (a second checkout's
    # suite) makes demo directories in the shared one meanwhile
    workdir, tmpdir = tmp_path / "cwd", tmp_path / "tmp"
    workdir.mkdir()
    tmpdir.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env["TMPDIR"] = str(tmpdir)
    # a proxy in the environment (here a closed port) must not catch the demo's 127.0.0.1 requests
    env.update(HTTP_PROXY="http://127.0.0.1:9", http_proxy="http://127.0.0.1:9")
    for name in ("NO_PROXY", "no_proxy"):
        env.pop(name, None)
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", "demo"],
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
        timeout=300,  # a deadline for a hung demo, not a speed test
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    for pid, *_ in SAMPLES:
        assert f"{pid} new v1" in out  # the first check stores every sample
    assert "fjallbo-integritet not_modified" in out  # unchanged pages answer 304 to the ETag
    assert "brightleaf-privacy changed v2" in out and "material high [retention]" in out
    # the console alert, then the clause diff with the edit marked
    assert "policy.changed brightleaf-privacy v2" in out and "retention" in out
    assert "[-3-]{+10+} years" in out
    assert "Traceback" not in proc.stderr
    assert list(tmpdir.iterdir()) == []  # the temporary directory is gone
    assert list(workdir.iterdir()) == []  # and nothing was written where it ran


def test_demo_keep_leaves_a_database_the_cli_can_read(tmp_path: Path) -> None:
    from monitor.app.demo import run_demo

    out = io.StringIO()
    assert run_demo(keep=True, out=out) == 0
    kept = next(line.split()[1] for line in out.getvalue().splitlines() if line.startswith("Kept "))
    folder = Path(kept)
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-m",
                "monitor",
                "--db",
                str(folder / "monitor.db"),
                "history",
                "brightleaf-privacy",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert proc.returncode == 0, proc.stderr
        assert proc.stdout.splitlines()[-1].split()[:2][0] == "2" and "retention" in proc.stdout
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def test_samples_are_three_languages_each_with_the_clauses_the_demo_needs() -> None:
    pages = {name: body.decode("utf-8") for name, body in sample_pages().items()}
    assert len(pages) == 3
    en, sv, zh = (pages[file] for _, _, file, _ in SAMPLES)
    assert en.count("We keep billing records for 3 years") == 1
    for page in (en, sv, zh):
        assert "<nav" in page and "<footer" in page
    assert "sparar" in sv and "kakor" in sv.lower() and "rätt" in sv
    assert "保留" in zh and "共享" in zh and "Cookie" in zh and "权利" in zh


def test_the_demo_watchlist_is_valid_and_points_at_the_local_server() -> None:
    site = DemoSite(sample_pages()).start()
    try:
        wl = parse_watchlist(watchlist_yaml(site))
    finally:
        site.stop()
    assert [p.id for p in wl.policies] == [pid for pid, *_ in SAMPLES]
    assert all(p.url.startswith("http://127.0.0.1:") for p in wl.policies)
    assert wl.fetch.per_host_delay == 0 and all(p.alert == ("console",) for p in wl.policies)
