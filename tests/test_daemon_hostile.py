"""The daemon under an operator's hand and a hostile watchlist (issue 9): SIGHUP reloads the
watchlist as daemons do; a YAML merge bomb written while it runs is refused at once, the previous
list goes on being checked, and SIGTERM still stops it cleanly. `validate` refuses the bomb too.

Real parts: the daemon as a subprocess (tests/test_daemon.py's Daemon), a PolicySite, SQLite.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from db_watch import rows, until
from policy_site import PolicySite
from test_daemon import Daemon, fetch_counts, page, watchlist_yaml

REPO = Path(__file__).resolve().parents[1]


def merge_bomb() -> str:
    """Eight levels of `<<:` merging ten copies each: a few hundred bytes, 10^8 keys expanded."""
    lines = ["d0: &d0 {interval: 6h}"]
    for k in range(1, 9):
        lines.append(f"d{k}: &d{k} {{<<: [{', '.join([f'*d{k - 1}'] * 10)}]}}")
    lines.append("policies:\n  - {<<: *d8, id: a, url: 'http://127.0.0.1:9/p'}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def started() -> Iterator[list[Daemon]]:
    running: list[Daemon] = []
    yield running
    for d in running:
        d.kill()


def test_validate_refuses_a_merge_bomb_at_once(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(merge_bomb(), encoding="utf-8")
    assert len(merge_bomb().encode()) < 1000
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", "validate", "--watchlist", str(bomb)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert proc.returncode == 2
    assert "`<<` merges are expanded" in proc.stderr


def test_sighup_reloads_the_watchlist_and_the_daemon_runs_on(
    policy_site: PolicySite, tmp_path: Path, started: list[Daemon]
) -> None:
    for i in range(3):
        policy_site.set_page(f"/p{i}", page(i))
    wl, db = tmp_path / "watchlist.yaml", tmp_path / "monitor.db"
    wl.write_text(watchlist_yaml(policy_site, [0, 1]))
    d = Daemon(tmp_path, wl, db)
    started.append(d)
    until(lambda: fetch_counts(db).get("pol-1", 0) >= 1, 20, "the first checks", d)

    # an edit the file watcher cannot see (same size, same mtime): only SIGHUP makes it count
    st = wl.stat()
    wl.write_text(watchlist_yaml(policy_site, [0, 2]))
    os.utime(wl, ns=(st.st_atime_ns, st.st_mtime_ns))
    d.proc.send_signal(signal.SIGHUP)
    until(lambda: fetch_counts(db).get("pol-2", 0) >= 1, 20, "the policy SIGHUP added checked", d)
    assert d.proc.poll() is None
    assert "(1 added, 1 removed" in d.log()
    d.proc.send_signal(signal.SIGTERM)
    assert d.wait(20) == 0


def test_a_merge_bomb_written_while_the_daemon_runs_keeps_the_previous_list(
    policy_site: PolicySite, tmp_path: Path, started: list[Daemon]
) -> None:
    policy_site.set_page("/p0", page(0))
    wl, db = tmp_path / "watchlist.yaml", tmp_path / "monitor.db"
    wl.write_text(watchlist_yaml(policy_site, [0]))
    d = Daemon(tmp_path, wl, db)
    started.append(d)
    until(lambda: fetch_counts(db).get("pol-0", 0) >= 1, 20, "the first check", d)

    wl.write_text(merge_bomb())
    until(lambda: "not reloaded" in d.log(), 30, "the bomb refused", d)
    (after,) = rows(db, "SELECT max(id) FROM fetches")[0]
    until(lambda: fetch_counts(db, after).get("pol-0", 0) >= 2, 20, "the previous list still checked", d)
    d.proc.send_signal(signal.SIGTERM)
    assert d.wait(20) == 0
