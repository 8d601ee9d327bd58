#!/usr/bin/env python3
"""Where the wall time of one `check --all` pass goes (run by hand, not in CI).

Starts ../shared/bench/policy_server.py on the first --n pages of --pages-dir, writes the
watchlist bench/checks.py writes (one host, per-host limit raised), and runs one `check --all`
on an empty database in a child process that records, per process: the phases of the start-up
(imports, watchlist, store, engine preload), when each worker process starts and ends, its CPU,
and the time its check threads spent in the fetch, the analysis, waiting for the store's lock and
for SQLite's write lock (BEGIN IMMEDIATE). Meanwhile every thread of the pass's processes is
sampled from /proc every 3 ms: a worker is "busy" in a sample when one of its threads is running
or waiting for a core (R). A pass whose workers are busy ~100% of the time is bound by its CPU,
not by locks, I/O or hand-overs (on a shared machine, the other users' load then sets the wall).

Usage: .venv/bin/python bench/pass_timeline.py [--n 1000] [--pages-dir /tmp/realdocs/docs]
Output: the timeline and the per-worker figures on stdout.
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from checks import Server, free_port, write_watchlist  # noqa: E402

# Runs in the `check --all` child: wraps the phases and the check's steps, then runs the command.
_CHILD = r"""
import contextlib, os, sys, time
launch, out = float(os.environ["TL_LAUNCH"]), os.open(os.environ["TL_OUT"], os.O_WRONLY | os.O_APPEND)
def ev(name):
    t = os.times()
    os.write(out, f"{os.getpid()} {time.time() - launch:.4f} {t.user + t.system:.3f} {name}\n".encode())
ev("python-started")
import monitor.app.cli as cli
import monitor.watch.check as check
import monitor.watch.shards as shards
from monitor.store import Store, connection
ev("imports-done")
def phase(owner, name):
    f = getattr(owner, name)
    def wrapped(*a, **k):
        ev(name + ":start")
        try:
            return f(*a, **k)
        finally:
            ev(name + ":end")
    setattr(owner, name, wrapped)
for owner, name in ((cli, "load"), (cli, "open_store"), (Store, "sync_policies"), (shards, "_preload_engine"),
                    (shards, "_worker"), (cli, "report_checks"), (cli, "deliver_alerts")):
    phase(owner, name)
spent = {}
def add(key, t0):
    spent[key] = spent.get(key, 0.0) + time.perf_counter() - t0
def timed(owner, name, key):
    f = getattr(owner, name)
    def wrapped(*a, **k):
        t0 = time.perf_counter()
        try:
            return f(*a, **k)
        finally:
            add(key, t0)
    setattr(owner, name, wrapped)
timed(check, "fetch_for_policy", "fetch")
timed(check, "analyse_page", "analyse_page")
@contextlib.contextmanager
def tx(self):
    t0 = time.perf_counter()
    with self._lock:
        add("store lock wait", t0)
        t1 = time.perf_counter()
        self._conn.execute("BEGIN IMMEDIATE")
        add("BEGIN IMMEDIATE", t1)
        try:
            yield self._conn
        except BaseException:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
            raise
        t2 = time.perf_counter()
        self._conn.execute("COMMIT")
        add("COMMIT", t2)
connection.Connection._tx = tx
worker = shards._worker
def report_worker(*a, **k):
    try:
        return worker(*a, **k)
    finally:
        for key, seconds in sorted(spent.items()):
            ev(f"thread-seconds {key} {seconds:.3f}")
shards._worker = report_worker
sys.exit(cli.main(sys.argv[1:]))
"""


def sample(root: int, every: float = 0.003) -> dict[int, tuple[int, int, float, float]]:
    """{pid: (samples, busy samples, first seen, last seen)} of root and its children until root ends."""
    seen: dict[int, list[float]] = collections.defaultdict(lambda: [0, 0, 0.0, 0.0])
    t0 = time.monotonic()
    while os.path.exists(f"/proc/{root}") and _state(root) != b"Z":
        now = time.monotonic() - t0
        for pid in [root, *_children(root)]:
            states = [_state(f"{pid}/task/{t}") for t in _tasks(pid)]
            row = seen[pid]
            if not row[0]:
                row[2] = now
            row[0] += 1
            row[1] += b"R" in states
            row[3] = now
        time.sleep(every)
    return {pid: (int(r[0]), int(r[1]), r[2], r[3]) for pid, r in seen.items()}


def _tasks(pid: int) -> list[str]:
    try:
        return os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []


def _children(pid: int) -> list[int]:
    out: list[int] = []
    for task in _tasks(pid):
        try:
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return out


def _state(path: int | str) -> bytes | None:
    try:
        with open(f"/proc/{path}/stat", "rb") as f:
            return f.read().rsplit(b")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--pages-dir", default="/tmp/realdocs/docs")
    ap.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        port = free_port()
        write_watchlist(work / "wl.yaml", args.n, port, 8)
        events = work / "events"
        events.touch()
        server = Server(args.n, port, pages_dir=Path(args.pages_dir))
        try:
            env = dict(os.environ, TL_OUT=str(events), TL_LAUNCH=repr(time.time()), PYTHONPATH=str(ROOT))
            cmd = [args.python, "-c", _CHILD, "--db", str(work / "db"), "--watchlist", str(work / "wl.yaml")]
            proc = subprocess.Popen([*cmd, "check", "--all"], env=env, stdout=subprocess.DEVNULL)
            busy = sample(proc.pid)
            proc.wait()
        finally:
            server.stop()
        rows = [line.split(" ", 3) for line in events.read_text().splitlines()]
    print("pid      wall s  cpu s  event")
    for pid, wall, cpu, name in rows:
        print(f"{pid:>7} {float(wall):7.3f} {float(cpu):6.2f}  {name}")
    print("\nper process: share of 3 ms samples with a thread running or waiting for a core")
    for pid, (n, b, first, last) in busy.items():
        print(f"{pid:>7}  seen {first:6.2f}-{last:6.2f} s  busy {b / max(n, 1):6.1%} of {n} samples")


if __name__ == "__main__":
    main()
