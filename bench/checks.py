#!/usr/bin/env python3
"""Benchmark `policy-monitor check --all` on the shared policy server (run by hand, not in CI).

Workloads (each a row set of its own; --workloads real,seed is the default):
  real   ../shared/bench/policy_server.py --pages-dir DIR serving 1,000 distinct real documents
         (../shared/bench/realdocs/realdocs-1000.tar.xz, 5-150 KB, 73% of paragraphs unique;
         unpacked under --work unless --pages-dir names the docs/ folder). /mutate makes
         realistic edits inside the article (a duration changed, a sentence inserted).
  seed   the same server building N pages from five seed policies (10-58 KB): paragraphs repeat
         across pages, so per-paragraph caches almost always hit. Kept as a second row.
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
Then, unless --skip-scale: first + unchanged at 10 x N policies, CPU per check compared with N.
For the real workload the 10 x N pages are the N documents served ten times, each copy under
different page chrome (site name, navigation, scripts, footer: see `chrome_variant`), written
to <work>/realdocs-x10/; for the seed workload, a server with 10 x N seed-built pages. Then
the daemon (`policy-monitor run`, interval 1d) is started on the 10 x N database: its VmRSS
sampled from /proc after start-up, then stopped with SIGTERM; the database's size is recorded.

Per pass: wall seconds, checks/s, CPU seconds (user+sys of the child and the descendants it
reaped, from os.wait4), peak RSS of the child (ru_maxrss) and of its whole process tree (summed
VmRSS, sampled every 0.25 s), the server's CPU, and the fetch outcomes the pass recorded (read back
from the database, so a pass that silently failed shows). With --with-urlwatch it also runs
../shared/bench/bench_urlwatch.py (one round, same N) in the same session and prints ratios.

Bytecode: the package's modules are compiled to bytecode (`python -m compileall`, into the
checkout's __pycache__ folders) before the first pass, as pip does when it installs a package:
where PYTHONDONTWRITEBYTECODE is set (as in some sandboxes), every `check --all` would otherwise
compile ~75 of its modules from source again (~0.17 s of start-up, before any worker starts),
which no installed copy does; urlwatch's venv has its bytecode from pip. --no-bytecode skips this.

Start-up cache: a process that meets a change loads the lexicons' compiled patterns from the
start-up cache (monitor/lang/startup_cache.py, one file per user); when they are missing, each
worker process compiles them again (a changed check then costs ~53 ms of CPU instead of ~14 ms,
measured in one process over 100 edited real pages), and the 10% changed pass moves with it.
Other processes of the same user with other lexicons (other checkouts) evict its entries, so on a
shared machine give the passes a folder of their own with --cache-dir DIR, warmed by a pass or a
round before the one that is reported (a daemon's cache is warm after its first change).

Note on wall times: policy_server.py (stdlib http.server) writes the headers and the body of a
200 in two sends, so a client that keeps the connection alive (our fetcher's requests.Session)
waits ~40 ms per page for Nagle + delayed ACK on loopback (measured: 44 ms per sequential GET,
6.5 ms with a new connection each); urlwatch opens a new connection per request and does not.
The 304 passes are not affected. CPU seconds are not affected either way.

Usage: .venv/bin/python bench/checks.py [--pages-dir DIR] [--workloads real,seed] [--n 1000]
       [--rounds 3] [--skip-scale] [--with-urlwatch] [--cache-dir DIR]
(--rounds R repeats the passes at N, each round followed by one urlwatch round, and reports medians)
Output: a plain table on stdout, JSON in bench/results/checks-<time>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tarfile
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
    workload: str
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

    def __init__(self, n: int, port: int, validators: bool = True, pages_dir: Path | None = None) -> None:
        cmd = [sys.executable, str(SHARED_BENCH / "policy_server.py"), "--port", str(port), "--n", str(n)]
        if not validators:
            cmd.append("--no-validators")
        if pages_dir is not None:
            cmd += ["--pages-dir", str(pages_dir)]
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


# --- the real pages --------------------------------------------------------------------------

REALDOCS = SHARED_BENCH / "realdocs" / "realdocs-1000.tar.xz"


def real_pages(work: Path) -> Path:
    """The docs/ folder of realdocs-1000.tar.xz, unpacked under `work` once."""
    docs = work / "realdocs" / "docs"
    if not (docs / "manifest.json").exists():
        with tarfile.open(REALDOCS) as tar:
            tar.extractall(work / "realdocs", filter="data")
    return docs


_SITE = re.compile(rb"\(site (\d{4})\)")
_NAV_ITEM = re.compile(rb'<li><a href="/([a-z]+)">([^<]*)</a></li>')


def chrome_variant(body: bytes, k: int) -> bytes:
    """Copy k (1..9) of a page: the same article under other page chrome. Only the site's
    header, footer, head and scripts change (another site name, navigation labels and order, a
    script version, colours), never the text inside <main>/<article>."""
    if k == 0:
        return body
    a0, a1 = body.find(b"<main"), body.rfind(b"</main>")
    if a0 < 0 or a1 < 0:
        a0, a1 = body.find(b"<article"), body.rfind(b"</article>")
    head, article, tail = body[:a0], body[a0:a1], body[a1:]

    def chrome(part: bytes) -> bytes:
        part = _SITE.sub(lambda m: b"(site %s, mirror %d)" % (m.group(1), k), part)
        part = _NAV_ITEM.sub(
            lambda m: b'<li><a href="/%s/v%d">%s %d</a></li>' % (m.group(1), k, m.group(2), k), part
        )
        part = part.replace(b"v=20240611", b"v=2024061%d" % k).replace(b"#1f2d3d", b"#1f2d%02x" % (k * 17))
        return part.replace(b"</nav>", b'<a href="/offers/%d">Offer %d of the week</a></nav>' % (k, k), 1)

    return chrome(head) + article + chrome(tail)


def scaled_pages(docs: Path, work: Path, factor: int) -> Path:
    """`factor` copies of the N pages of `docs`: page k*N+i is page i under chrome_variant(k).
    Written once to <work>/realdocs-x<factor>/ and reused."""
    out = work / f"realdocs-x{factor}"
    files = sorted(docs.glob("p*.html"))
    if len(list(out.glob("p*.html"))) == factor * len(files):
        return out
    out.mkdir(parents=True, exist_ok=True)
    for k in range(factor):
        for i, f in enumerate(files):
            (out / f"p{k * len(files) + i:06d}.html").write_bytes(chrome_variant(f.read_bytes(), k))
    return out


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


def compile_bytecode(python: str) -> None:
    """The package's bytecode, as an installed copy has it (pip compiles it at install): read by
    every later `check --all` even where PYTHONDONTWRITEBYTECODE forbids writing it."""
    subprocess.run(
        [python, "-m", "compileall", "-q", str(ROOT / "monitor")], check=True, stdout=subprocess.DEVNULL
    )


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
    return dict(
        os.environ, POLICY_MONITOR_DB=str(db), POLICY_MONITOR_WATCHLIST=str(watchlist), PYTHONPATH=str(ROOT)
    )


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


def db_bytes(db: Path) -> int:
    """The database's size with its WAL checkpointed into it (pages in use, not the file's slack)."""
    if not db.exists():
        return 0
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        pages, free, size = (
            conn.execute(f"PRAGMA {name}").fetchone()[0]
            for name in ("page_count", "freelist_count", "page_size")
        )
        return (pages - free) * size
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


def run_pass(
    args: argparse.Namespace,
    workload: str,
    label: str,
    n: int,
    db: Path,
    watchlist: Path,
    server: Server,
    log_dir: Path,
) -> PassResult:
    """One `check --all` child, measured by os.wait4 (its own rusage, not other children's)."""
    before = max_fetch_id(db)
    size_before = db_bytes(db)
    load = os.getloadavg()[0]
    s0 = server.cpu()
    out = open(log_dir / f"{workload}-{n}-{label}.out", "w")
    err = open(log_dir / f"{workload}-{n}-{label}.err", "w")
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        monitor_cmd(args.python, db, watchlist, "check", "--all"),
        env=monitor_env(db, watchlist),
        stdout=out,
        stderr=err,
        stdin=subprocess.DEVNULL,
    )
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
        workload=workload,
        n=n,
        label=label,
        wall_s=round(wall, 3),
        checks_per_s=round(n / wall, 1),
        cpu_s=round(cpu, 2),
        cpu_ms_per_check=round(cpu * 1000 / n, 3),
        max_rss_mb=round(usage.ru_maxrss / 1024, 1),
        server_cpu_s=round(server.cpu() - s0, 2),
        rc=proc.returncode,
        outcomes=outcomes_since(db, before),
        loadavg_before=round(load, 2),
        extra={
            "tree_rss_peak_mb": round(sampler.peak_mb, 1),
            "processes": sampler.max_procs,
            "db_bytes": db_bytes(db),
            "db_growth_bytes": db_bytes(db) - size_before,
        },
    )
    print(
        f"  {workload:<4} {n:>6} {label:<16} {result.wall_s:>8.2f}s {result.checks_per_s:>8.1f}/s"
        f" cpu {result.cpu_s:>7.2f}s"
        f" rss {result.max_rss_mb:>6.1f} MB (tree {sampler.peak_mb:.1f} MB, {sampler.max_procs} proc)"
        f" db +{result.extra['db_growth_bytes'] / n:.0f} B/check rc {result.rc} {result.outcomes}",
        flush=True,
    )
    return result


def hide_body_hashes(db: Path) -> dict[str, list[tuple[str, int]]]:
    """Null the stored body hashes of versions and fetches (the check's byte-equality short-cut),
    so that every page is normalised and segmented; returns them to put back afterwards."""
    conn = sqlite3.connect(db)
    try:
        saved = {
            t: conn.execute(f"SELECT body_sha256, id FROM {t} WHERE body_sha256 IS NOT NULL").fetchall()
            for t in ("versions", "fetches")
        }
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
    proc = subprocess.Popen(
        monitor_cmd(args.python, db, watchlist, "run"),
        env=monitor_env(db, watchlist),
        stdout=out,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
    )
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
    settled = samples[len(samples) // 2 :] or samples
    result = {
        "n": n,
        "alive_after_s": args.daemon_seconds if alive else None,
        "rc": rc,
        "stop_s": round(time.monotonic() - t_stop, 2),
        "rss_peak_mb": max(samples, default=None),
        "rss_settled_mb": max(settled, default=None),
        "samples": len(samples),
    }
    print(
        f"  daemon with {n} policies: VmRSS peak {result['rss_peak_mb']} MB, after start-up"
        f" {result['rss_settled_mb']} MB, alive {alive}, SIGTERM -> rc {rc} in {result['stop_s']}s",
        flush=True,
    )
    return result


# --- the passes ----------------------------------------------------------------------------


def passes_at(
    args: argparse.Namespace, n: int, work: Path, full: bool, workload: str, pages_dir: Path | None
) -> tuple[list[PassResult], Path, Path]:
    db, watchlist = work / f"monitor-{workload}-{n}.db", work / f"watchlist-{workload}-{n}.yaml"
    for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        p.unlink(missing_ok=True)
    port = free_port()
    write_watchlist(watchlist, n, port, args.workers)
    results = []
    server = Server(n, port, pages_dir=pages_dir)
    try:
        results.append(run_pass(args, workload, "first", n, db, watchlist, server, work))
        results.append(run_pass(args, workload, "unchanged", n, db, watchlist, server, work))
    finally:
        server.stop()
    if not full:
        return results, db, watchlist
    server = Server(n, port, validators=False, pages_dir=pages_dir)
    try:
        results.append(run_pass(args, workload, "unchanged-noval", n, db, watchlist, server, work))
        saved = hide_body_hashes(db)
        try:
            results.append(run_pass(args, workload, "unchanged-parse", n, db, watchlist, server, work))
        finally:
            restore_body_hashes(db, saved)
    finally:
        server.stop()
    server = Server(n, port, pages_dir=pages_dir)  # fresh state: the same pages as stored, validators on
    try:
        changed = server.mutate(args.fraction)
        r = run_pass(args, workload, "mutate", n, db, watchlist, server, work)
        r.extra["server_changed"] = len(changed)
        results.append(r)
    finally:
        server.stop()
    return results, db, watchlist


def run_urlwatch(args: argparse.Namespace, pages_dir: Path | None) -> dict[str, dict[str, Any]]:
    cmd = [
        sys.executable,
        str(SHARED_BENCH / "bench_urlwatch.py"),
        "--rounds",
        "1",
        "--n",
        str(args.n),
        "--port",
        str(free_port()),
        "--out",
        args.uw_out,
        "--venv",
        args.uw_venv,
        "--work",
        args.uw_work,
    ]
    if pages_dir is not None:
        cmd += ["--pages-dir", str(pages_dir)]
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
    groups: dict[tuple[str, int, str], list[PassResult]] = {}
    for r in rounds:
        groups.setdefault((r.workload, r.n, r.label), []).append(r)
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


def print_table(results: list[PassResult], uw: dict[str, dict[str, dict[str, Any]]]) -> None:
    head = (
        "| workload | N | pass | wall s | checks/s | CPU s | CPU ms/check | max RSS MB | server CPU s"
        " | outcomes |"
    )
    print("\n" + head + "\n|" + " --- |" * 10)
    for r in results:
        outs = " ".join(f"{k}={v}" for k, v in sorted(r.outcomes.items()))
        print(
            f"| {r.workload} | {r.n} | {r.label} | {r.wall_s:.2f} | {r.checks_per_s:.0f} | {r.cpu_s:.2f} | "
            f"{r.cpu_ms_per_check:.2f} | {r.max_rss_mb:.0f} | {r.server_cpu_s:.2f} | {outs} |"
        )
    for workload, rows in uw.items():
        for label, u in rows.items():
            print(
                f"| {workload} | {u['n']} | urlwatch {label} | {u['wall_s']:.2f} | "
                f"{u['checks_per_s']:.0f} | "
                f"{u['cpu_s']:.2f} | "
                f"{u['cpu_s'] * 1000 / u['n']:.2f} | {u['max_rss_mb']:.0f} | {u['server_cpu_s']:.2f} | "
                f"{u.get('reported', '')} |"
            )


def ratios(results: list[PassResult], uw: dict[str, dict[str, dict[str, Any]]], n: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for workload, rows in uw.items():
        ours = {r.label: r for r in results if r.n == n and r.workload == workload}
        for label, u in rows.items():
            if label in ours:
                out[f"{workload} {label}"] = {
                    "checks_per_s_ratio": round(ours[label].checks_per_s / u["checks_per_s"], 2),
                    "cpu_ratio": round(ours[label].cpu_s / u["cpu_s"], 2) if u["cpu_s"] else None,
                }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--pages-dir",
        default=None,
        help="the real pages (DIR/p*.html); default: realdocs-1000.tar.xz unpacked under --work",
    )
    ap.add_argument("--workloads", default="real,seed", help="real, seed or both (comma-separated), in order")
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
    ap.add_argument("--no-bytecode", action="store_true", help="do not compile the package's bytecode first")
    ap.add_argument(
        "--cache-dir",
        default=None,
        help="the start-up cache folder the passes use (POLICY_MONITOR_CACHE_DIR); default: the user's",
    )
    ap.add_argument("--uw-venv", default="/tmp/uwvenv")
    ap.add_argument("--uw-work", default="/tmp/uwbench")
    ap.add_argument("--uw-out", default="/tmp/uw.jsonl")
    args = ap.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    workloads = [w.strip() for w in args.workloads.split(",") if w.strip()]
    if not workloads or set(workloads) - {"real", "seed"}:
        raise SystemExit("--workloads takes real, seed or real,seed")
    dirs: dict[str, Path | None] = {"seed": None}
    if "real" in workloads:
        dirs["real"] = Path(args.pages_dir).resolve() if args.pages_dir else real_pages(work)
    names = ", ".join(f"{w}: {dirs[w] or 'seed-built'}" for w in workloads)
    print(
        f"policy-monitor check --all on {args.n} pages of {SHARED_BENCH / 'policy_server.py'} ({names});"
        f" per-host limit raised for the benchmark: per_host_delay 0s, per_host_concurrency {args.workers},"
        f" max_workers {args.workers}",
        flush=True,
    )

    if not args.no_bytecode:
        compile_bytecode(args.python)
    if args.cache_dir:  # every pass's process inherits it (monitor_env copies this environment)
        os.environ["POLICY_MONITOR_CACHE_DIR"] = str(Path(args.cache_dir).resolve())
    rounds: list[PassResult] = []
    uw_rounds: dict[str, list[dict[str, dict[str, Any]]]] = {w: [] for w in workloads}
    for k in range(1, args.rounds + 1):  # interleaved, so both tools see the same machine load
        for w in workloads:
            print(f"round {k}/{args.rounds}, {w} pages", flush=True)
            done, _, _ = passes_at(args, args.n, work, True, w, dirs[w])
            for r in done:
                r.extra["round"] = k
            rounds += done
            if args.with_urlwatch:
                uw_rounds[w].append(run_urlwatch(args, dirs[w]))
    results = median_passes(rounds)
    uw = {w: median_urlwatch(r) for w, r in uw_rounds.items() if r}
    scale: dict[str, Any] = {}
    daemon: dict[str, Any] = {}
    if not args.skip_scale:
        big = args.n * args.scale
        w = workloads[0]
        big_dir = dirs[w]
        if big_dir is not None:
            big_dir = scaled_pages(big_dir, work, args.scale)
            print(
                f"{big} pages: {dirs[w]} served {args.scale} times under different page chrome ({big_dir})",
                flush=True,
            )
        big_results, db, watchlist = passes_at(args, big, work, False, w, big_dir)
        results += big_results
        for label in ("first", "unchanged"):
            small = next(r for r in results if r.n == args.n and r.label == label and r.workload == w)
            large = next(r for r in big_results if r.label == label)
            scale[label] = round(large.cpu_ms_per_check / small.cpu_ms_per_check, 2)
        print(f"  {w}: CPU per check at {big} / at {args.n} (median): {scale}", flush=True)
        daemon = daemon_rss(args, big, db, watchlist, work)
        daemon["workload"] = w
        daemon["db_bytes"] = db.stat().st_size

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
        "workloads": {w: str(dirs[w] or "seed-built") for w in workloads},
        "politeness": {
            "per_host_delay": 0,
            "per_host_concurrency": args.workers,
            "max_workers": args.workers,
        },
        "cpus": os.cpu_count(),
        "rounds": args.rounds,
        "passes": [asdict(r) for r in results],
        "all_rounds": [asdict(r) for r in rounds],
        "cpu_per_check_growth": scale,
        "daemon": daemon,
        "urlwatch": uw,
        "urlwatch_rounds": uw_rounds,
        "ratios_to_urlwatch": rat,
    }
    stamp = time.strftime("%Y%m%dT%H%M%S")
    out = Path(args.out) if args.out else ROOT / "bench" / "results" / f"checks-{stamp}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nJSON: {out}")


if __name__ == "__main__":
    main()
