#!/usr/bin/env python3
"""Benchmark `policy-monitor check --all` on the shared policy server (run by hand, not in CI).

Workload: ../shared/bench/policy_server.py serving N policy pages (10-58 KB) on 127.0.0.1.
All pages share one host, so the generated watchlist RAISES THE PER-HOST POLITENESS LIMIT:
`fetch: {per_host_delay: 0s, per_host_concurrency: W, max_workers: W}` (W = --workers, 8).

Passes at N (default 1,000), each one `check --all` child process on one database:
  first             empty database: every page fetched, normalised, segmented, stored;
  unchanged         nothing changed, the server honours ETag / If-Modified-Since (304s);
  unchanged-noval   the server restarted with --no-validators (same bytes, no ETag, no 304):
                    every page is downloaded whole and compared by body hash;
  unchanged-parse   as unchanged-noval, with the stored body hashes (versions and fetches)
                    hidden for the pass, so every page is also normalised and segmented (a
                    dynamic site whose bytes change but text does not); put back afterwards;
  mutate            after POST /mutate?fraction=0.1 (validators on): 10% changed pages are
                    aligned, classified and stored, with their alerts.
Then, unless --skip-scale: first + unchanged at 10 x N policies (a server with 10 x N pages),
CPU per check compared with N; and the daemon (`policy-monitor run`, interval 1d) started on
the 10 x N database: its VmRSS sampled from /proc after start-up, then stopped with SIGTERM.

Per pass: wall seconds, checks/s, CPU seconds (user+sys of the child and the descendants it
reaped, from os.wait4), peak RSS of the child (ru_maxrss) and of its whole process tree (summed
VmRSS, sampled every 0.25 s), the server's CPU, and the fetch outcomes the pass recorded (read back
from the database, so a pass that silently failed shows). With --with-urlwatch it also runs
../shared/bench/bench_urlwatch.py (one round, same N) in the same session and prints ratios.

Note on wall times: policy_server.py (stdlib http.server) writes the headers and the body of a
200 in two sends, so a client that keeps the connection alive (our fetcher's requests.Session)
waits ~40 ms per page for Nagle + delayed ACK on loopback (measured: 44 ms per sequential GET,
6.5 ms with a new connection each); urlwatch opens a new connection per request and does not.
The 304 passes are not affected. CPU seconds are not affected either way.

Usage: .venv/bin/python bench/checks.py [--n 1000] [--rounds 3] [--skip-scale] [--with-urlwatch]
(--rounds R repeats the passes at N, each round followed by one urlwatch round, and reports medians)
Output: a plain table on stdout, JSON in bench/results/checks-<time>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED_BENCH = (ROOT / ".." / "shared" / "bench").resolve()
if not SHARED_BENCH.exists():
    SHARED_BENCH = Path("/work/shared/bench")
CLK = os.sysconf("SC_CLK_TCK")


@dataclass
class PassResult:
    n: int
    label: str
    wall_s: float
    checks_per_s: float
    cpu_s: float
    cpu_ms_per_check: float
    max_rss_mb: float
    server_cpu_s: float
    rc: int
    outcomes: dict[str, int]
    loadavg_before: float
    extra: dict[str, Any] = field(default_factory=dict)


# --- the policy server -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_cpu(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK


class Server:
    """policy_server.py as a child process, with fresh state each start."""

    def __init__(self, n: int, port: int, validators: bool = True) -> None:
        cmd = [sys.executable, str(SHARED_BENCH / "policy_server.py"), "--port", str(port), "--n", str(n)]
        if not validators:
            cmd.append("--no-validators")
        self.port, self.n = port, n
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.proc.stdout.readline()  # "serving ..." once every page is rendered
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/generation", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    raise SystemExit("policy_server.py did not come up") from None
                time.sleep(0.1)

    def cpu(self) -> float:
        return proc_cpu(self.proc.pid)

    def mutate(self, fraction: float) -> list[int]:
        url = f"http://127.0.0.1:{self.port}/mutate?fraction={fraction}"
        req = urllib.request.Request(url, method="POST")
        return json.load(urllib.request.urlopen(req, timeout=30))["ids"]

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# --- the monitor ---------------------------------------------------------------------------


def tree_pids(root: int) -> list[int]:
    """root and every descendant (a pool of analyser processes counts too)."""
    pids, todo = [], [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            continue
    return pids


class TreeSampler(threading.Thread):
    """Samples the summed VmRSS of a process tree until stopped: ru_maxrss is per process."""

    def __init__(self, root: int, every: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.root, self.every = root, every
        self.peak_mb, self.max_procs, self.last_mb = 0.0, 0, 0.0
        self._stop_event = threading.Event()

    def run(self) -> None:
        while not self._stop_event.is_set():
            pids = tree_pids(self.root)
            total = sum(vm_rss_mb(p) or 0.0 for p in pids)
            if total:
                self.last_mb = total
                self.peak_mb = max(self.peak_mb, total)
                self.max_procs = max(self.max_procs, len(pids))
            self._stop_event.wait(self.every)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def write_watchlist(path: Path, n: int, port: int, workers: int) -> None:
    lines = [
        "# generated by bench/checks.py: all pages share one host, so the per-host politeness",
        "# limit is raised (no delay, several requests in flight) for the benchmark only",
        f"fetch: {{per_host_delay: 0s, per_host_concurrency: {workers}, max_workers: {workers}}}",
        "defaults: {interval: 1d, alert: [console]}",
        "alerts:",
        "  console: {type: console}",
        "policies:",
    ]
    for i in range(n):
        lines.append(
            f"  - {{id: p{i:05d}, name: Company {i:04d} privacy policy, url: 'http://127.0.0.1:{port}/p/{i}'}}"
        )
    path.write_text("\n".join(lines) + "\n")


def monitor_env(db: Path, watchlist: Path) -> dict[str, str]:
    return dict(os.environ, POLICY_MONITOR_DB=str(db), POLICY_MONITOR_WATCHLIST=str(watchlist),
                PYTHONPATH=str(ROOT))


def monitor_cmd(python: str, db: Path, watchlist: Path, *args: str) -> list[str]:
    return [python, "-m", "monitor", "--db", str(db), "--watchlist", str(watchlist), *args]


def max_fetch_id(db: Path) -> int:
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT coalesce(max(id), 0) FROM fetches").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        conn.close()


def outcomes_since(db: Path, fetch_id: int) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT outcome, count(*) FROM fetches WHERE id > ? GROUP BY outcome", (fetch_id,)
        ).fetchall()
        return dict(rows)
    finally:
        conn.close()


def run_pass(args: argparse.Namespace, label: str, n: int, db: Path, watchlist: Path, server: Server,
             log_dir: Path) -> PassResult:
    """One `check --all` child, measured by os.wait4 (its own rusage, not other children's)."""
    before = max_fetch_id(db)
    load = os.getloadavg()[0]
    s0 = server.cpu()
    out = open(log_dir / f"{n}-{label}.out", "w")
    err = open(log_dir / f"{n}-{label}.err", "w")
    t0 = time.perf_counter()
    proc = subprocess.Popen(monitor_cmd(args.python, db, watchlist, "check", "--all"),
                            env=monitor_env(db, watchlist), stdout=out, stderr=err, stdin=subprocess.DEVNULL)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    sampler.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.close()
    err.close()
    cpu = usage.ru_utime + usage.ru_stime
    result = PassResult(
        n=n, label=label, wall_s=round(wall, 3), checks_per_s=round(n / wall, 1), cpu_s=round(cpu, 2),
        cpu_ms_per_check=round(cpu * 1000 / n, 3), max_rss_mb=round(usage.ru_maxrss / 1024, 1),
        server_cpu_s=round(server.cpu() - s0, 2), rc=proc.returncode, outcomes=outcomes_since(db, before),
        loadavg_before=round(load, 2),
        extra={"tree_rss_peak_mb": round(sampler.peak_mb, 1), "processes": sampler.max_procs},
    )
    print(f"  {n:>6} {label:<16} {result.wall_s:>8.2f}s {result.checks_per_s:>8.1f}/s"
          f" cpu {result.cpu_s:>7.2f}s"
          f" rss {result.max_rss_mb:>6.1f} MB (tree {sampler.peak_mb:.1f} MB, {sampler.max_procs} proc)"
          f" rc {result.rc} {result.outcomes}", flush=True)
    return result


def hide_body_hashes(db: Path) -> dict[str, list[tuple[str, int]]]:
    """Null the stored body hashes of versions and fetches (the check's byte-equality short-cut),
    so that every page is normalised and segmented; returns them to put back afterwards."""
    conn = sqlite3.connect(db)
    try:
        saved = {t: conn.execute(f"SELECT body_sha256, id FROM {t} WHERE body_sha256 IS NOT NULL").fetchall()
                 for t in ("versions", "fetches")}
        with conn:
            for t in saved:
                conn.execute(f"UPDATE {t} SET body_sha256 = NULL WHERE body_sha256 IS NOT NULL")
        return saved
    finally:
        conn.close()


def restore_body_hashes(db: Path, saved: dict[str, list[tuple[str, int]]]) -> None:
    conn = sqlite3.connect(db)
    try:
        with conn:
            for t, rows in saved.items():
                conn.executemany(f"UPDATE {t} SET body_sha256 = ? WHERE id = ?", rows)
    finally:
        conn.close()


def vm_rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def daemon_rss(args: argparse.Namespace, n: int, db: Path, watchlist: Path, log_dir: Path) -> dict[str, Any]:
    """Start `run` on a database that has every policy checked, sample VmRSS, stop with SIGTERM."""
    out = open(log_dir / f"{n}-daemon.log", "w")
    proc = subprocess.Popen(monitor_cmd(args.python, db, watchlist, "run"), env=monitor_env(db, watchlist),
                            stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    samples: list[float] = []
    t0 = time.monotonic()
    while time.monotonic() - t0 < args.daemon_seconds and proc.poll() is None:
        rss = sum(vm_rss_mb(p) or 0.0 for p in tree_pids(proc.pid))
        if rss:
            samples.append(round(rss, 1))
        time.sleep(0.5)
    alive = proc.poll() is None
    t_stop = time.monotonic()
    if alive:
        proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = proc.wait()
    out.close()
    settled = samples[len(samples) // 2:] or samples
    result = {"n": n, "alive_after_s": args.daemon_seconds if alive else None, "rc": rc,
              "stop_s": round(time.monotonic() - t_stop, 2), "rss_peak_mb": max(samples, default=None),
              "rss_settled_mb": max(settled, default=None), "samples": len(samples)}
    print(f"  daemon with {n} policies: VmRSS peak {result['rss_peak_mb']} MB, after start-up"
          f" {result['rss_settled_mb']} MB, alive {alive}, SIGTERM -> rc {rc} in {result['stop_s']}s",
          flush=True)
    return result


# --- the passes ----------------------------------------------------------------------------


def passes_at(
    args: argparse.Namespace, n: int, work: Path, full: bool
) -> tuple[list[PassResult], Path, Path]:
    db, watchlist = work / f"monitor-{n}.db", work / f"watchlist-{n}.yaml"
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        p.unlink(missing_ok=True)
    port = free_port()
    write_watchlist(watchlist, n, port, args.workers)
    results = []
    server = Server(n, port)
    try:
        results.append(run_pass(args, "first", n, db, watchlist, server, work))
        results.append(run_pass(args, "unchanged", n, db, watchlist, server, work))
    finally:
        server.stop()
    if not full:
        return results, db, watchlist
    server = Server(n, port, validators=False)
    try:
        results.append(run_pass(args, "unchanged-noval", n, db, watchlist, server, work))
        saved = hide_body_hashes(db)
        try:
            results.append(run_pass(args, "unchanged-parse", n, db, watchlist, server, work))
        finally:
            restore_body_hashes(db, saved)
    finally:
        server.stop()
    server = Server(n, port)  # fresh state: the same pages as stored, validators on
    try:
        changed = server.mutate(args.fraction)
        r = run_pass(args, "mutate", n, db, watchlist, server, work)
        r.extra["server_changed"] = len(changed)
        results.append(r)
    finally:
        server.stop()
    return results, db, watchlist


def run_urlwatch(args: argparse.Namespace) -> dict[str, dict[str, Any]]:
    cmd = [sys.executable, str(SHARED_BENCH / "bench_urlwatch.py"), "--rounds", "1", "--n", str(args.n),
           "--port", str(free_port()), "--out", args.uw_out, "--venv", args.uw_venv, "--work", args.uw_work]
    print("urlwatch:", " ".join(cmd), flush=True)
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    rows = {}
    names = {"a_first": "first", "b_nochange": "unchanged", "c_after_mutate": "mutate"}
    for line in proc.stdout.splitlines():
        if line.startswith("{"):
            r = json.loads(line)
            rows[names.get(r["label"], r["label"])] = r
    if not rows:
        print(proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr)
    return rows


_MEDIAN_KEYS = ("wall_s", "checks_per_s", "cpu_s", "cpu_ms_per_check", "max_rss_mb", "server_cpu_s")


def median_passes(rounds: list[PassResult]) -> list[PassResult]:
    """One PassResult per (n, label): the median of each figure; outcomes of the last round."""
    groups: dict[tuple[int, str], list[PassResult]] = {}
    for r in rounds:
        groups.setdefault((r.n, r.label), []).append(r)
    out = []
    for rs in groups.values():
        m = PassResult(**{**asdict(rs[-1]), "extra": dict(rs[-1].extra)})
        for key in _MEDIAN_KEYS:
            setattr(m, key, round(statistics.median(getattr(r, key) for r in rs), 3))
        m.extra["rounds"] = len(rs)
        m.extra.pop("round", None)
        out.append(m)
    return out


def median_urlwatch(rounds: list[dict[str, dict[str, Any]]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for label in {k for r in rounds for k in r}:
        rs = [r[label] for r in rounds if label in r]
        keys = ("wall_s", "checks_per_s", "cpu_s", "max_rss_mb", "server_cpu_s")
        out[label] = {**rs[-1], **{k: statistics.median(r[k] for r in rs) for k in keys}, "rounds": len(rs)}
    order = ("first", "unchanged", "mutate")
    return dict(sorted(out.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 9))


def print_table(results: list[PassResult], uw: dict[str, dict[str, Any]]) -> None:
    head = "| N | pass | wall s | checks/s | CPU s | CPU ms/check | max RSS MB | server CPU s | outcomes |"
    print("\n" + head + "\n|" + " --- |" * 9)
    for r in results:
        outs = " ".join(f"{k}={v}" for k, v in sorted(r.outcomes.items()))
        print(f"| {r.n} | {r.label} | {r.wall_s:.2f} | {r.checks_per_s:.0f} | {r.cpu_s:.2f} | "
              f"{r.cpu_ms_per_check:.2f} | {r.max_rss_mb:.0f} | {r.server_cpu_s:.2f} | {outs} |")
    for label, u in uw.items():
        print(f"| {u['n']} | urlwatch {label} | {u['wall_s']:.2f} | {u['checks_per_s']:.0f} | "
              f"{u['cpu_s']:.2f} | "
              f"{u['cpu_s'] * 1000 / u['n']:.2f} | {u['max_rss_mb']:.0f} | {u['server_cpu_s']:.2f} | "
              f"{u.get('reported', '')} |")


def ratios(results: list[PassResult], uw: dict[str, dict[str, Any]], n: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    ours = {r.label: r for r in results if r.n == n}
    for label, u in uw.items():
        if label in ours:
            out[label] = {"checks_per_s_ratio": round(ours[label].checks_per_s / u["checks_per_s"], 2),
                          "cpu_ratio": round(ours[label].cpu_s / u["cpu_s"], 2) if u["cpu_s"] else None}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--scale", type=int, default=10, help="the growth factor for the flat-cost check")
    ap.add_argument("--skip-scale", action="store_true", help="only the passes at --n")
    ap.add_argument("--fraction", type=float, default=0.1)
    ap.add_argument("--rounds", type=int, default=1, help="rounds at --n, urlwatch interleaved; medians")
    ap.add_argument("--workers", type=int, default=8, help="max_workers and per_host_concurrency")
    ap.add_argument("--daemon-seconds", type=float, default=15.0, help="how long VmRSS is sampled")
    ap.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"))
    ap.add_argument("--work", default="/tmp/pm-bench")
    ap.add_argument("--out", default=None, help="JSON file (default bench/results/checks-<time>.json)")
    ap.add_argument("--with-urlwatch", action="store_true")
    ap.add_argument("--uw-venv", default="/tmp/uwvenv")
    ap.add_argument("--uw-work", default="/tmp/uwbench")
    ap.add_argument("--uw-out", default="/tmp/uw.jsonl")
    args = ap.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    print(f"policy-monitor check --all on {args.n} pages of {SHARED_BENCH / 'policy_server.py'};"
          f" per-host limit raised for the benchmark: per_host_delay 0s, per_host_concurrency {args.workers},"
          f" max_workers {args.workers}", flush=True)

    rounds: list[PassResult] = []
    uw_rounds: list[dict[str, dict[str, Any]]] = []
    for k in range(1, args.rounds + 1):  # interleaved, so both tools see the same machine load
        print(f"round {k}/{args.rounds}", flush=True)
        done, _, _ = passes_at(args, args.n, work, full=True)
        for r in done:
            r.extra["round"] = k
        rounds += done
        if args.with_urlwatch:
            uw_rounds.append(run_urlwatch(args))
    results = median_passes(rounds)
    uw = median_urlwatch(uw_rounds)
    scale: dict[str, Any] = {}
    daemon: dict[str, Any] = {}
    if not args.skip_scale:
        big = args.n * args.scale
        big_results, db, watchlist = passes_at(args, big, work, full=False)
        results += big_results
        for label in ("first", "unchanged"):
            small = next(r for r in results if r.n == args.n and r.label == label)
            large = next(r for r in big_results if r.label == label)
            scale[label] = round(large.cpu_ms_per_check / small.cpu_ms_per_check, 2)
        print(f"  CPU per check at {big} / at {args.n} (median): {scale}", flush=True)
        daemon = daemon_rss(args, big, db, watchlist, work)

    if args.rounds > 1:
        tail = "" if args.skip_scale else f"; one round at {args.n * args.scale}"
        print(f"\nmedians of {args.rounds} rounds at N = {args.n}{tail}")
    print_table(results, uw)
    rat = ratios(results, uw, args.n)
    if rat:
        print("\nratios to urlwatch (ours / theirs):", json.dumps(rat))
    report = {
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "politeness": {"per_host_delay": 0, "per_host_concurrency": args.workers,
                       "max_workers": args.workers},
        "cpus": os.cpu_count(), "rounds": args.rounds, "passes": [asdict(r) for r in results],
        "all_rounds": [asdict(r) for r in rounds], "cpu_per_check_growth": scale, "daemon": daemon,
        "urlwatch": uw, "urlwatch_rounds": uw_rounds, "ratios_to_urlwatch": rat,
    }
    stamp = time.strftime("%Y%m%dT%H%M%S")
    out = Path(args.out) if args.out else ROOT / "bench" / "results" / f"checks-{stamp}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nJSON: {out}")


if __name__ == "__main__":
    main()
