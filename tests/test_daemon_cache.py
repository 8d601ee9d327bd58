"""A daemon keeps what it compiled while it runs, not only when it exits.

Comparing a changed page compiles hundreds of lexicon patterns; the start-up cache keeps them so
that the next `diff` or `check` does not compile them again. A daemon runs for months and may
never exit cleanly (kill -9, the OOM killer, a power cut): what it compiled must be on disk soon
after the check that compiled it. Real parts: `python -m monitor run` in a subprocess, a
PolicySite on 127.0.0.1, SQLite, the start-up cache in its own folder.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from db_watch import rows, until
from policy_site import PolicySite, policy_html, seed_text
from test_worker_cache import cache_entries

from monitor.lang import startup_cache

REPO = Path(__file__).resolve().parents[1]
ADDED = "We keep your payment records for ten years and may share them with advertising partners."


@pytest.mark.skipif(not startup_cache._USABLE, reason="no regex internals to cache on this Python")
def test_a_daemon_killed_after_a_change_has_saved_the_patterns_it_compiled(
    tmp_path: Path, policy_site: PolicySite
) -> None:
    policy_site.set_page("/privacy", policy_html(seed_text(2), "Privacy"))
    wl, db, cache_dir = tmp_path / "wl.yaml", tmp_path / "m.db", tmp_path / "cache"
    wl.write_text(
        "fetch: {per_host_delay: 0s, retries: 0}\npolicies:\n"
        f"  - {{id: acme, url: '{policy_site.url('/privacy')}', interval: 30s}}\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env.update(PYTHONPATH=str(REPO), POLICY_MONITOR_MIN_INTERVAL="1", POLICY_MONITOR_CACHE_DIR=str(cache_dir))
    log_path = tmp_path / "daemon.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "monitor", "run", "--watchlist", str(wl), "--db", str(db)],
            cwd=tmp_path,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    class Running:
        def __init__(self) -> None:
            self.proc = proc

        def log(self) -> str:
            return log_path.read_text(errors="replace")

    daemon = Running()
    try:
        until(lambda: rows(db, "SELECT count(*) FROM versions") == [(1,)], 60, "the first version", daemon)
        policy_site.set_page("/privacy", policy_html(seed_text(2) + "\n" + ADDED, "Privacy"))
        until(lambda: rows(db, "SELECT count(*) FROM versions") == [(2,)], 60, "the changed version", daemon)
        # the check that compared the versions compiled the lexicons; they reach the disk while it runs
        until(lambda: cache_entries(cache_dir) > 100, 60, "the compiled patterns on disk", daemon)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(20)
    assert cache_entries(cache_dir) > 100  # still there after kill -9
