"""Issue 9: after kill -9 of `check`, its worker processes stop at once instead of running on
(and writing) with nobody to read their outcomes.

Real parts: `python -m monitor check --all` split over two worker processes, a PolicySite whose
pages answer slowly (so the workers have long to go), SQLite. The test waits on conditions.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from db_watch import until
from policy_site import PolicySite, policy_html, seed_text

REPO = Path(__file__).resolve().parents[1]
N = 60  # at least MIN_POLICIES_FOR_PROCESSES


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                fields = f.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid and fields[0] not in (b"Z", b"X"):
            found.append(int(entry))
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0] not in (b"Z", b"X")
    except OSError:
        return False


def test_workers_stop_when_check_is_killed(tmp_path: Path, policy_site: PolicySite) -> None:
    page = policy_html(seed_text(1))
    for i in range(N):
        policy_site.set_page(f"/p{i}", page)
        policy_site.set_fault(f"/p{i}", "slow", seconds=2)
    wl = tmp_path / "wl.yaml"
    wl.write_text(
        "fetch: {per_host_delay: 0, per_host_concurrency: 4, max_workers: 2, retries: 0,"
        " read_timeout: 10s}\npolicies:\n"
        + "".join(f"  - {{id: p{i}, url: '{policy_site.url(f'/p{i}')}'}}\n" for i in range(N)),
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env.update(
        PYTHONPATH=str(REPO),
        POLICY_MONITOR_CHECK_PROCESSES="2",
        POLICY_MONITOR_DB=str(tmp_path / "m.db"),
        POLICY_MONITOR_WATCHLIST=str(wl),
    )
    check = subprocess.Popen(
        [sys.executable, "-m", "monitor", "check", "--all"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    try:

        def started() -> bool:
            workers[:] = children(check.pid)
            return len(workers) >= 2 and policy_site.hits("/p0") + policy_site.hits(f"/p{N - 1}") > 0

        until(started, 60, "two worker processes fetching")
        check.send_signal(signal.SIGKILL)
        check.wait(10)
        until(lambda: not any(alive(w) for w in workers), 10, "the workers gone with their parent")
    finally:
        if check.poll() is None:
            check.kill()
            check.wait(10)
        for w in workers:
            if alive(w):
                os.kill(w, signal.SIGKILL)
