#!/usr/bin/env python3
"""One machine, many policies: the daemon's start-up, memory and cost of finding due work, and the
database's size per policy (run by hand, never a timed test).

  start N   N generated policies (CSV files of at most 100,000 rows in a folder that
            `policies_from:` names; interval 1d) whose pages a server on loopback serves, the
            policies spread over --hosts host addresses (127.0.0.2, 127.0.0.3, ...: all loopback
            on Linux, each a host of its own to the fetcher's per-host politeness). The daemon
            (`run_daemon`, a child process) is started twice on a fresh database: a first start
            (every policy streamed in and registered) and a restart (already registered). For each:
            seconds from spawn to "watching N policies" and to the first check recorded, checks in
            the --run seconds after that, the peak RSS (VmHWM of the child). Then the due query
            (Store.due_policies, LIMIT 64) timed on that database: with nothing due, and with every
            policy due.
  size N    N policies, each checked once with `policy-monitor check` (one version each, a
            0.8 KB page of its own): database bytes per policy, after a WAL checkpoint.

Usage: python bench/scale.py start 10000 | start 100000 | start 1000000 | size 2000
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

ROWS_PER_FILE = 100_000  # a policy source is at most 64 MiB: a million rows go in ten files
RUNNER = (
    "import logging, sys\n"
    "from pathlib import Path\n"
    "from monitor.watch.scheduler import run_daemon\n"
    "logging.basicConfig(level=logging.INFO, format='%(asctime)s %(levelname)s %(name)s: %(message)s')\n"
    "sys.exit(run_daemon(Path(sys.argv[1]), Path(sys.argv[2]), sender=False))\n"
)
PARAGRAPHS = (
    "Policy {n} of the bench. We collect the name, e-mail address and postal address you give us "
    "when you open an account, and the pages you read while signed in.",
    "We keep your account data for {days} days after you close the account, then delete it.",
    "We share your contact details with the carrier that delivers your order, and with no one else.",
    "You may ask for a copy of your data, its correction or its deletion by writing to "
    "privacy-{n}@bench.invalid; we answer within thirty days.",
    "Our servers are in the European Union; data sent elsewhere is covered by standard clauses.",
    "We announce a change of this policy by e-mail thirty days before it takes effect.",
)


def page(n: int) -> bytes:
    """A short privacy page of its own for policy n (about 0.8 KB of HTML)."""
    paras = "".join(f"<p>{p.format(n=n, days=30 + n % 300)}</p>\n" for p in PARAGRAPHS)
    return (
        f"<html><head><title>Privacy {n}</title></head><body><h1>Privacy policy {n}</h1>\n"
        f"<h2>What we collect</h2>\n{paras}</body></html>"
    ).encode()


class Pages(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        try:
            n = int(self.path.rsplit("/", 1)[1])
        except ValueError:
            self.send_error(404)
            return
        body = page(n)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def serve(hosts: int) -> tuple[list[str], Callable[[], None]]:
    """Servers on `hosts` loopback addresses, one port; their base URLs and a stop function."""
    servers: list[ThreadingHTTPServer] = []
    port = 0
    for k in range(hosts):
        server = ThreadingHTTPServer((f"127.0.0.{k + 2}", port), Pages)
        server.daemon_threads = True
        port = server.server_address[1]
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop() -> None:
        for s in servers:
            s.shutdown()
            s.server_close()

    return [f"http://127.0.0.{k + 2}:{port}" for k in range(hosts)], stop


def write_watchlist(folder: Path, n: int, bases: list[str]) -> Path:
    """watchlist.yaml naming the folder `policies/` of CSV files holding n policies."""
    sources = folder / "policies"
    sources.mkdir()
    for start in range(0, n, ROWS_PER_FILE):
        with (sources / f"part-{start // ROWS_PER_FILE:03d}.csv").open("w", encoding="utf-8") as f:
            f.write("id,url,name,interval\n")
            for i in range(start, min(n, start + ROWS_PER_FILE)):
                f.write(f"pol-{i},{bases[i % len(bases)]}/p/{i},Policy {i},1d\n")
    wl = folder / "watchlist.yaml"
    wl.write_text(
        "fetch: {per_host_delay: 0s, per_host_concurrency: 4, retries: 0, connect_timeout: 2s,"
        " read_timeout: 5s, max_workers: 8}\n"
        "policies_from: policies\n",
        encoding="utf-8",
    )
    return wl


def vm_hwm_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def scalar(db: Path, sql: str) -> int:
    try:
        with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=30) as conn:
            return int(conn.execute(sql).fetchone()[0] or 0)
    except sqlite3.Error:
        return 0


def run_once(wl: Path, db: Path, log: Path, seconds: float) -> dict[str, float]:
    """Start the daemon, wait for its first check, let it run `seconds`, stop it; what it took."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    before = scalar(db, "SELECT max(id) FROM fetches") if db.exists() else 0
    with log.open("wb") as out:
        t0 = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-c", RUNNER, str(wl), str(db)], stdout=out, stderr=subprocess.STDOUT, env=env
        )
        watching = first = None
        try:
            while first is None:
                if proc.poll() is not None:
                    raise SystemExit(f"the daemon exited ({proc.returncode}): see {log}")
                if watching is None and "watching " in log.read_text(errors="replace"):
                    watching = time.monotonic() - t0
                if watching is not None and scalar(db, f"SELECT count(*) FROM fetches WHERE id > {before}"):
                    first = time.monotonic() - t0
                time.sleep(0.05)
            time.sleep(seconds)
            checks = scalar(db, f"SELECT count(*) FROM fetches WHERE id > {before}")
            rss = vm_hwm_mb(proc.pid)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(120)
    assert watching is not None
    return {"watching_s": watching, "first_check_s": first, "checks": checks, "rss_mb": rss}


def due_cost(db: Path) -> dict[str, float]:
    """Median microseconds of Store.due_policies(now, 64): nothing due (now), everything due (+2d)."""
    from monitor.store import Store

    store = Store(db)
    try:
        now = datetime.now(timezone.utc)
        out = {}
        for name, at in (("due_none_us", now - timedelta(days=1)), ("due_all_us", now + timedelta(days=2))):
            times = []
            for _ in range(200):
                t = time.perf_counter()
                store.due_policies(at, 64)
                times.append(time.perf_counter() - t)
            out[name] = statistics.median(times) * 1e6
        return out
    finally:
        store.close()


def start(n: int, hosts: int, seconds: float) -> str:
    bases, stop = serve(hosts)
    try:
        with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP")) as tmp:
            folder = Path(tmp)
            t = time.monotonic()
            wl = write_watchlist(folder, n, bases)
            written = time.monotonic() - t
            db = folder / "monitor.db"
            first = run_once(wl, db, folder / "first.log", seconds)
            again = run_once(wl, db, folder / "restart.log", seconds)
            due = due_cost(db)
            registered = scalar(db, "SELECT count(*) FROM policies WHERE active = 1")
            size = db.stat().st_size
    finally:
        stop()
    lines = [
        f"{n:,} policies ({registered:,} registered; CSV written in {written:.1f} s; "
        f"database {size / 2**20:.0f} MiB)"
    ]
    for name, r in (("first start", first), ("restart", again)):
        lines.append(
            f"  {name}: watching after {r['watching_s']:.1f} s, first check after "
            f"{r['first_check_s']:.1f} s, {r['checks']:.0f} checks in the {seconds:g} s after, "
            f"peak RSS {r['rss_mb']:.0f} MB"
        )
    lines.append(
        f"  due query (LIMIT 64): {due['due_none_us']:.0f} us with none due, "
        f"{due['due_all_us']:.0f} us with all due"
    )
    return "\n".join(lines)


def size(n: int) -> str:
    bases, stop = serve(4)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            wl = write_watchlist(folder, n, bases)
            db = folder / "monitor.db"
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            command = [sys.executable, "-m", "monitor", "--watchlist", str(wl), "--db", str(db), "check"]
            subprocess.run([*command, "--all"], env=env, check=False, stdout=subprocess.DEVNULL)
            with sqlite3.connect(db) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                versions = conn.execute("SELECT count(*) FROM versions").fetchone()[0]
                fetches = conn.execute("SELECT count(*) FROM fetches").fetchone()[0]
            total = db.stat().st_size
    finally:
        stop()
    return (
        f"{n:,} policies, {versions:,} versions, {fetches:,} fetches: {total / 2**20:.1f} MiB,"
        f" {total / n:,.0f} bytes per policy (a {len(page(1)):,}-byte page each)"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("start", "size"))
    ap.add_argument("n", type=int)
    ap.add_argument("--hosts", type=int, default=16, help="loopback host addresses (start)")
    ap.add_argument("--run", type=float, default=10.0, help="seconds the daemon runs after its first check")
    args = ap.parse_args()
    print(start(args.n, args.hosts, args.run) if args.what == "start" else size(args.n))


if __name__ == "__main__":
    main()
