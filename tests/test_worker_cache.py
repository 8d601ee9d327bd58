"""What a `check --all` worker process compiles is kept for the next pass.

A pass of many policies runs in worker processes, and a multiprocessing child leaves by
`os._exit`, which runs no atexit hook. The lexicon patterns a worker compiled to compare a
changed page were then lost, and every later pass compiled them again (on 1,000 real pages with
100 changed, ~30 ms of CPU per changed page). Real parts: `python -m monitor check --all` over two
worker processes, a PolicySite, SQLite, the start-up cache in its own folder.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from policy_site import PolicySite, policy_html, seed_text

from monitor.lang import startup_cache

REPO = Path(__file__).resolve().parents[1]
N = 60  # at least MIN_POLICIES_FOR_PROCESSES: the pass runs in worker processes


def cache_entries(cache_dir: Path) -> int:
    files = list(cache_dir.glob("startup-*.sqlite"))
    if not files:
        return 0
    conn = sqlite3.connect(files[0])
    try:
        return conn.execute("SELECT count(*) FROM entries").fetchone()[0]
    finally:
        conn.close()


def test_the_patterns_a_worker_compiled_are_in_the_cache_after_the_pass(
    tmp_path: Path, policy_site: PolicySite
) -> None:
    for i in range(N):
        policy_site.set_page(f"/p{i}", policy_html(seed_text(i % 5), f"Policy {i}"))
    wl = tmp_path / "wl.yaml"
    wl.write_text(
        "fetch: {per_host_delay: 0, per_host_concurrency: 4, max_workers: 2, retries: 0}\npolicies:\n"
        + "".join(f"  - {{id: p{i}, url: '{policy_site.url(f'/p{i}')}'}}\n" for i in range(N)),
        encoding="utf-8",
    )
    cache_dir = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env.update(
        PYTHONPATH=str(REPO),
        POLICY_MONITOR_CHECK_PROCESSES="2",
        POLICY_MONITOR_DB=str(tmp_path / "m.db"),
        POLICY_MONITOR_WATCHLIST=str(wl),
        POLICY_MONITOR_CACHE_DIR=str(cache_dir),
    )

    def check_all() -> None:
        run = subprocess.run(
            [sys.executable, "-m", "monitor", "check", "--all"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode in (0, 1), run.stderr  # 1: material changes were found

    check_all()  # first versions: nothing is compared, the lexicons stay unloaded
    before = cache_entries(cache_dir)
    added = "We keep your payment records for ten years and may share them with advertising partners."
    for i in range(N):  # every page gains a term: every worker compares two versions
        page = policy_html(seed_text(i % 5) + "\n" + added, f"Policy {i}")
        policy_site.set_page(f"/p{i}", page)
    check_all()
    if startup_cache._USABLE:
        # comparing clauses compiles hundreds of lexicon patterns, all now kept
        assert cache_entries(cache_dir) - before > 100
