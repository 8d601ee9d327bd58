#!/usr/bin/env python3
"""Benchmark `policy-monitor worker` throughput with 1, 2 and 4 workers on one PostgreSQL database
(run by hand, not in CI).

A PostgreSQL server is started for the run (tests/pg_server.py: initdb in a temporary folder,
fsync off) unless --pg-url names one; ../shared/bench/policy_server.py serves the first N real
documents (--pages-dir, default /tmp/realdocs/docs) on 127.0.0.1. All pages share one host, so
the watchlist RAISES THE PER-HOST LIMIT for the benchmark: per_host_delay 0, max_workers W
check threads per worker (--threads, 4).

For each worker count K (a fresh database each), K worker processes are started and timed over
three passes, each ending when every policy has a fetch row newer than the pass's start:
  first      empty database: every page fetched, normalised, segmented and stored (includes
             the workers' start-up and the leader's sync of the watchlist);
  unchanged  every policy made due again (next_check_at = NULL); the server answers 304;
  mutate     POST /mutate?fraction=0.1, then every policy due again: 10% of pages changed.
Reported per pass: wall seconds, checks/s, the CPU seconds of the workers and of the
PostgreSQL server's sessions, and the database's size after the pass. The machine's core
count bounds what more workers can add (printed).

Usage: .venv/bin/python bench/workers.py [--n 400] [--counts 1,2,4] [--json-out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

import psycopg  # noqa: E402
from checks import Server, free_port, proc_cpu, write_watchlist  # noqa: E402

CLK = os.sysconf("SC_CLK_TCK")


def server_cpu(url: str) -> float:
    """CPU seconds of every PostgreSQL backend process (the server's children) so far."""
    with psycopg.connect(url, autocommit=True) as conn:
        pids = [r[0] for r in conn.execute("SELECT pid FROM pg_stat_activity WHERE pid IS NOT NULL")]
    total = 0.0
    for pid in pids:
        try:
            total += proc_cpu(pid)
        except OSError:
            pass
    return total


def query(url: str, sql: str) -> list[tuple[Any, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        try:
            cur = conn.execute(sql)
            return cur.fetchall() if cur.description else []
        except psycopg.errors.UndefinedTable:
            return []


def wait_pass(url: str, n: int, after_id: int, deadline_s: float = 1800) -> None:
    """Until every one of the n policies has a fetch with id > after_id."""
    deadline = time.monotonic() + deadline_s
    while time.monotonic() < deadline:
        rows = query(url, f"SELECT count(DISTINCT policy_id) FROM fetches WHERE id > {after_id}")
        if rows and rows[0][0] >= n:
            return
        time.sleep(0.1)
    raise SystemExit("a pass did not finish in time")


def max_fetch(url: str) -> int:
    rows = query(url, "SELECT coalesce(max(id), 0) FROM fetches")
    return int(rows[0][0]) if rows else 0


def run_count(
    k: int, url: str, args: argparse.Namespace, watchlist: Path, server: Server
) -> list[dict[str, Any]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "POLICY_MONITOR_WORKER_POLL": "0.2"}
    cmd = [sys.executable, "-m", "monitor", "worker", str(watchlist), "--db", url]
    logs = [open(Path(args.work) / f"worker-{k}-{i}.log", "wb") for i in range(k)]  # noqa: SIM115
    rows = []
    t0 = time.monotonic()
    procs = [subprocess.Popen(cmd, env=env, stdout=log, stderr=subprocess.STDOUT) for log in logs]
    try:
        for label in ("first", "unchanged", "mutate"):
            if label != "first":
                if label == "mutate":
                    server.mutate(0.1)
                mark = max_fetch(url)
                cpu0 = sum(proc_cpu(p.pid) for p in procs)
                pg0 = server_cpu(url)
                t0 = time.monotonic()
                query(url, "UPDATE policies SET next_check_at = NULL")
            else:
                mark, cpu0, pg0 = 0, 0.0, 0.0
            wait_pass(url, args.n, mark)
            wall = time.monotonic() - t0
            cpu = sum(proc_cpu(p.pid) for p in procs) - cpu0
            outcomes = dict(
                query(url, f"SELECT outcome, count(*) FROM fetches WHERE id > {mark} GROUP BY outcome")
            )
            row = {
                "workers": k,
                "pass": label,
                "n": args.n,
                "wall_s": round(wall, 2),
                "checks_per_s": round(args.n / wall, 1),
                "worker_cpu_s": round(cpu, 1),
                "pg_cpu_s": round(server_cpu(url) - pg0, 1),
                "db_mb": round(query(url, "SELECT pg_database_size(current_database())")[0][0] / 2**20, 1),
                "outcomes": outcomes,
            }
            print(json.dumps(row), flush=True)
            rows.append(row)
            # let every lease end (the pass's last checks set their next time) before the next pass
            while query(url, "SELECT 1 FROM policies WHERE lease_owner IS NOT NULL"):
                time.sleep(0.05)
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
        for p in procs:
            p.wait(60)
        for log in logs:
            log.close()
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400, help="policies (the first N real documents)")
    ap.add_argument("--counts", default="1,2,4", help="worker counts to run")
    ap.add_argument("--threads", type=int, default=4, help="check threads per worker (fetch.max_workers)")
    ap.add_argument("--pages-dir", default="/tmp/realdocs/docs")
    ap.add_argument("--pg-url", help="an existing server's maintenance URL (a database per count is created)")
    ap.add_argument("--work", default="/tmp/pm-bench-workers")
    ap.add_argument("--json-out")
    args = ap.parse_args()
    Path(args.work).mkdir(parents=True, exist_ok=True)
    pg = None
    if args.pg_url is None:
        from pg_server import PgServer

        pg = PgServer().start()
    port = free_port()
    server = Server(args.n, port, pages_dir=Path(args.pages_dir))
    results = []
    try:
        print(
            f"# {os.cpu_count()} cores; {args.n} policies; {args.threads} check threads per worker",
            flush=True,
        )
        for k in (int(c) for c in args.counts.split(",")):
            if pg is not None:
                url = pg.database()
            else:
                name = f"bench_workers_{k}_{os.getpid()}"
                with psycopg.connect(args.pg_url, autocommit=True) as conn:
                    conn.execute(f"CREATE DATABASE {name}")
                url = args.pg_url.rsplit("/", 1)[0] + f"/{name}"
            watchlist = Path(args.work) / f"watchlist-{k}.yaml"
            write_watchlist(watchlist, args.n, port, args.threads)
            server.stop()  # fresh pages (generation 0) for every count
            server = Server(args.n, port, pages_dir=Path(args.pages_dir))
            results += run_count(k, url, args, watchlist, server)
    finally:
        server.stop()
        if pg is not None:
            pg.stop()
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
