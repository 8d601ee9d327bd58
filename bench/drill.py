"""A randomized reliability drill: the daemon and `check --all` killed with SIGKILL at random
moments while pages change and servers misbehave; then the database and the webhook receiver are
held to the product's promises. Run by hand (not in CI); everything is on 127.0.0.1.

    .venv/bin/python bench/drill.py [--seed N] [--rounds 30] [--policies 20] [--keep DIR] [-v]

What runs:
  - a policy site (tests/policy_site.py's PolicySite) serving /p0 .. /pN: seed policies with a
    retention clause ("We keep your account data for D days ...") and an update stamp;
  - a webhook receiver (this file) on two paths, one per route, that checks the Standard Webhooks
    signature, records every delivery with the process that sent it (found through
    /proc/net/tcp and /proc/PID/fd), and can answer 500s or hang (shorter or longer than the
    route's timeout);
  - `policy-monitor run` (the daemon), restarted after every kill, and one-shot
    `policy-monitor check --all` runs beside it (some killed mid-run, some run while the daemon
    is down, so that they deliver alerts too).

Each round edits a few pages (a material retention change, or only the update stamp), puts faults
on a few others (500, connection reset, slow and too-slow answers, a body over max_bytes, an
empty page, a login wall, a captcha page, a truncated gzip stream, a short body, invalid UTF-8),
plays with the receiver, and kills the daemon or a check at a random moment.

At the end the faults are cleared, the receiver is healthy, the daemon runs until every policy's
latest version is its current page and the outbox is empty, is stopped with SIGTERM, and these
invariants are checked (exit 1 if one is broken):
  - PRAGMA integrity_check is ok, foreign_key_check is empty;
  - each policy's versions have seq 1..n, no two consecutive ones with the same text, and every
    new/changed fetch has its version;
  - every version's raw body is a page the drill served as the policy (never a fault's body);
  - each policy's latest version is its final page;
  - every alert row is delivered (none pending, retrying or dead), each alert id reached its
    route's receiver path and was accepted exactly once, except a repeat after the sender that
    got the first 2xx was SIGKILLed before it could record it (the documented at-least-once
    window, same webhook-id); every id the receiver got is an alert of that route;
  - every pair of consecutive versions whose retention differs has a change alert per route,
    whose changes name the old and the new number of days;
  - no process wrote a Python traceback; the daemon never exited unless the drill killed it,
    and exited 0 on SIGTERM; every `check` exited 0 or 1 unless killed.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import hmac
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from policy_site import PolicySite, policy_html, seed_files, seed_text  # noqa: E402

SECRET = "drill-secret"
ROUTES = ("hook-a", "hook-b")
HOOK_TIMEOUT = 3.0  # the routes' webhook timeout: a hang longer than this is abandoned by the sender
FAULTS = (
    "500",
    "reset",
    "slow-ok",
    "slow-timeout",
    "huge",
    "empty",
    "login",
    "challenge",
    "gzip-truncated",
    "short-body",
    "bad-utf8",
)


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --- the pages ----------------------------------------------------------------------------------


def page_text(i: int, days: int, stamp: int) -> str:
    seeds = len(seed_files())
    return (
        seed_text(i % seeds)
        # real UTF-8 beside ASCII: a page with a few invalid bytes is then UTF-8 with stray bytes
        # (a decoding error), not a page in another code page (an all-ASCII page with a stray
        # byte is that, and decodes as windows-1252: see monitor/extract/normalize.decode)
        + "\nOur representative in the EU: Datenschutz Büro GmbH, Zürich straße 5, Köln.\n"
        + f"Last updated: {1 + stamp % 28} March {2020 + stamp // 28}.\n"
        + f"We keep your account data for {days} days after you close your account, then delete it.\n"
    )


@dataclass
class PolicyState:
    i: int
    days: int = 30
    stamp: int = 0
    body: bytes = b""
    legit: dict[str, int] = field(default_factory=dict)  # body sha256 -> retention days
    fault: str | None = None
    fault_rounds: int = 0


# --- the webhook receiver -----------------------------------------------------------------------


@dataclass
class Hit:
    route: str
    webhook_id: str | None
    valid: bool
    status: int
    arrived: float
    sender_pid: int | None
    abandoned: bool = False  # answered after the sender's timeout: not a delivery
    body: bytes = b""

    @property
    def accepted(self) -> bool:
        return self.valid and self.status == 200 and not self.abandoned


def _verify(msg_id: str, ts: str, body: bytes, sig: str) -> bool:
    mac = hmac.new(SECRET.encode(), f"{msg_id}.{ts}.".encode() + body, hashlib.sha256).digest()
    expected = base64.b64encode(mac).decode()
    return any(hmac.compare_digest(expected, p.split(",", 1)[1]) for p in sig.split() if p.startswith("v1,"))


def _socket_inode(local_port: int, remote_port: int) -> str | None:
    """The inode of the client's socket 127.0.0.1:local_port -> 127.0.0.1:remote_port."""
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if len(parts) < 10:
                continue
            lport = int(parts[1].rsplit(":", 1)[1], 16)
            rport = int(parts[2].rsplit(":", 1)[1], 16)
            if lport == local_port and rport == remote_port:
                return parts[9]
    return None


def _pid_with_socket(inode: str, pids: list[int]) -> int | None:
    target = f"socket:[{inode}]"
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                try:
                    if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                        return pid
                except OSError:
                    continue
        except OSError:
            continue
    return None


class Receiver:
    def __init__(self, pids: Any) -> None:
        self.hits: list[Hit] = []
        self.fail_next = 0
        self.hang = 0.0
        self.pids = pids  # callable: the pids of the processes the drill runs
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            sender_pid: int | None = None
            accepted_at = 0.0

            def setup(self) -> None:
                super().setup()  # the sender is looked up at once, before it can die
                self.accepted_at = time.monotonic()
                self.sender_pid = receiver._sender_of(self.client_address[1])

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                receiver._handle(self, body)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    def url(self, route: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/{route}"

    def _sender_of(self, client_port: int) -> int | None:
        inode = _socket_inode(client_port, self._server.server_address[1])
        return _pid_with_socket(inode, self.pids()) if inode else None

    def _handle(self, h: BaseHTTPRequestHandler, body: bytes) -> None:
        # when the connection came (a sender killed right after sending dies before this runs);
        # a kept-alive connection's later requests: now
        accepted = getattr(h, "accepted_at", 0.0)
        arrived = accepted if accepted and time.monotonic() - accepted < 1.0 else time.monotonic()
        pid = getattr(h, "sender_pid", None) or self._sender_of(h.client_address[1])
        msg_id, ts, sig = (
            h.headers.get("webhook-id"),
            h.headers.get("webhook-timestamp"),
            h.headers.get("webhook-signature"),
        )
        valid = bool(msg_id and ts and sig and ts.isdigit() and _verify(msg_id, ts, body, sig))
        with self._lock:
            if not valid:
                status = 401
            elif self.fail_next > 0:
                self.fail_next -= 1
                status = 500
            else:
                status = 200
            hang = self.hang
            hit = Hit(h.path.strip("/"), msg_id, valid, status, arrived, pid, hang >= HOOK_TIMEOUT, body)
            self.hits.append(hit)
        if hang:
            threading.Event().wait(hang)
        try:
            h.send_response(status)
            h.send_header("content-length", "0")
            h.end_headers()
        except OSError:
            pass

    def start(self) -> Receiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


# --- the processes ------------------------------------------------------------------------------


@dataclass
class Proc:
    kind: str  # daemon | check
    n: int
    popen: subprocess.Popen
    out: Path
    err: Path
    killed_at: float | None = None  # monotonic time of the drill's SIGKILL
    expected_exit: bool = False  # exit 2: it started while the drill's malformed watchlist was there
    started: float = field(default_factory=time.monotonic)


class Drill:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rng = random.Random(args.seed)
        self.dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="pm-drill-"))
        self.dir.mkdir(parents=True, exist_ok=True)
        self.db = self.dir / "monitor.db"
        self.wl = self.dir / "watchlist.yaml"
        self.site = PolicySite()
        self.procs: list[Proc] = []
        self.daemon: Proc | None = None
        self.receiver = Receiver(self.live_pids)
        self.policies = [PolicyState(i) for i in range(args.policies)]
        self.counter = 0
        self.problems: list[str] = []
        self.stats: dict[str, int] = {}

    def bump(self, key: str, n: int = 1) -> None:
        self.stats[key] = self.stats.get(key, 0) + n

    def live_pids(self) -> list[int]:
        return [p.popen.pid for p in self.procs if p.popen.poll() is None]

    # -- setup

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
        env.update(
            PYTHONPATH=str(REPO),
            PM_DRILL_SECRET=SECRET,
            POLICY_MONITOR_MIN_INTERVAL=str(self.args.interval),
            POLICY_MONITOR_SENDER_INTERVAL="0.3",
            POLICY_MONITOR_WATCH_POLL="0.5",
            POLICY_MONITOR_RETRY_BASE="0.5",
            POLICY_MONITOR_SENDER_BACKOFF="0.5",
            POLICY_MONITOR_CHECK_PROCESSES="1",
            POLICY_MONITOR_CACHE_DIR=str(self.dir / "cache"),
        )
        return env

    def write_watchlist(self) -> None:
        items = "\n".join(
            f"  - {{id: pol-{p.i}, name: Policy {p.i}, url: '{self.site.url(f'/p{p.i}')}'}}"
            for p in self.policies
        )
        routes = "\n".join(
            f"  {r}: {{type: webhook, url: '{self.receiver.url(r)}', secret_env: PM_DRILL_SECRET,"
            f" timeout: {HOOK_TIMEOUT:g}s, max_attempts: 100}}"
            for r in ROUTES
        )
        self.wl.write_text(
            "defaults: {interval: 30s, alert: [" + ", ".join(ROUTES) + "]}\n"
            "fetch: {per_host_delay: 0s, per_host_concurrency: 16, connect_timeout: 2s, read_timeout: 2s,"
            " retries: 0, max_workers: 8, max_bytes: 2MiB}\n"
            f"alerts:\n{routes}\npolicies:\n{items}\n",
            encoding="utf-8",
        )

    def set_page(self, p: PolicyState) -> None:
        html = policy_html(page_text(p.i, p.days, p.stamp), f"Privacy Policy {p.i}")
        p.body = html.encode("utf-8")
        p.legit[hashlib.sha256(p.body).hexdigest()] = p.days
        self.site.set_page(f"/p{p.i}", p.body)

    def start(self, kind: str, *args: str) -> Proc:
        self.counter += 1
        out = self.dir / f"{kind}-{self.counter:03d}.out"
        err = self.dir / f"{kind}-{self.counter:03d}.err"
        cmd = [
            str(REPO / ".venv" / "bin" / "policy-monitor"),
            "--watchlist",
            str(self.wl),
            "--db",
            str(self.db),
            *args,
        ]
        if not Path(cmd[0]).exists():
            cmd = [sys.executable, "-m", "monitor", *cmd[1:]]
        with out.open("wb") as o, err.open("wb") as e:
            popen = subprocess.Popen(cmd, cwd=self.dir, env=self.env(), stdout=o, stderr=e)
        proc = Proc(kind, self.counter, popen, out, err)
        self.procs.append(proc)
        return proc

    def start_daemon(self) -> None:
        self.daemon = self.start("daemon", "run")
        self.bump("daemon starts")

    def kill(self, proc: Proc) -> None:
        if proc.popen.poll() is None:
            proc.killed_at = time.monotonic()
            proc.popen.send_signal(signal.SIGKILL)
            proc.popen.wait(10)
            self.bump(f"{proc.kind} SIGKILLs")

    # -- faults

    def apply_fault(self, p: PolicyState, kind: str) -> None:
        path = f"/p{p.i}"
        body = p.body
        if kind == "500":
            self.site.set_fault(path, "status", code=500)
        elif kind == "reset":
            self.site.set_fault(path, "reset")
        elif kind == "slow-ok":
            self.site.set_fault(path, "slow", seconds=0.5)
        elif kind == "slow-timeout":
            self.site.set_fault(path, "slow", seconds=5)
        elif kind == "huge":
            self.site.set_fault(path, "huge", mb=3, chunked=self.rng.random() < 0.5)
        elif kind == "empty":
            self.site.set_fault(path, "empty")
        elif kind == "login":
            self.site.set_fault(path, "login")
        elif kind == "challenge":
            self.site.set_fault(path, "challenge", status=self.rng.choice([200, 403, 503]))
        elif kind == "gzip-truncated":
            packed = gzip.compress(body)
            cut = packed[: len(packed) // 2]
            declared = len(packed) if self.rng.random() < 0.5 else None
            self.site.set_fault(
                path, "raw", body=cut, headers={"Content-Encoding": "gzip"}, declared_length=declared
            )
        elif kind == "short-body":
            self.site.set_fault(path, "raw", body=body[: len(body) // 3], declared_length=len(body))
        elif kind == "bad-utf8":
            at = body.index(b"We keep your account data")
            bad = body[:at] + b"\xff\xfe\xc3\x28 " + body[at:]
            self.site.set_fault(path, "raw", body=bad)
        p.fault, p.fault_rounds = kind, self.rng.randint(1, 3)
        self.bump(f"fault {kind}")

    # -- the run

    def run(self) -> int:
        self.site.start()
        self.receiver.start()
        log(
            f"drill: seed {self.args.seed}, {self.args.rounds} rounds, {len(self.policies)} policies,"
            f" in {self.dir}"
        )
        try:
            for p in self.policies:
                p.days = self.rng.choice([30, 60, 90, 180, 365])
                self.set_page(p)
            self.write_watchlist()
            self.start_daemon()
            everyone = [(len(self.policies),)]
            self.wait_for(
                lambda: self.q("SELECT count(DISTINCT policy_id) FROM versions") == everyone,
                120,
                "a first version of every policy",
            )
            for r in range(1, self.args.rounds + 1):
                self.round(r)
            self.drain()
        finally:
            for proc in self.procs:
                if proc.popen.poll() is None and proc is not self.daemon:
                    self.kill(proc)
            if self.daemon and self.daemon.popen.poll() is None:
                self.daemon.popen.send_signal(signal.SIGTERM)
                try:
                    self.daemon.popen.wait(30)
                except subprocess.TimeoutExpired:
                    self.problems.append("the daemon did not stop within 30 s of SIGTERM")
                    self.kill(self.daemon)
            self.site.stop()
            self.receiver.stop()
        self.verify()
        return self.report()

    def round(self, r: int) -> None:
        rng = self.rng
        # pages: a few change, materially (retention) or not (the update stamp)
        for p in rng.sample(self.policies, rng.randint(1, max(1, len(self.policies) // 4))):
            if rng.random() < 0.6:
                p.days = rng.choice([d for d in (7, 14, 30, 60, 90, 180, 365, 730, 1095) if d != p.days])
                self.bump("material edits")
            else:
                p.stamp += 1
                self.bump("stamp edits")
            self.set_page(p)
        # faults: expire old ones, put new ones on a few pages
        for p in self.policies:
            if p.fault:
                p.fault_rounds -= 1
                if p.fault_rounds <= 0:
                    self.site.clear_fault(f"/p{p.i}")
                    p.fault = None
        for p in rng.sample(self.policies, rng.randint(0, 3)):
            if not p.fault:
                self.apply_fault(p, rng.choice(FAULTS))
        # the receiver: healthy, failing a few times, slow, or hanging past the sender's timeout
        roll = rng.random()
        self.receiver.fail_next = rng.randint(1, 4) if roll < 0.2 else 0
        self.receiver.hang = 1.0 if 0.2 <= roll < 0.3 else (HOOK_TIMEOUT + 2 if 0.3 <= roll < 0.4 else 0.0)
        # a daemon that died on its own is a finding; restart it to go on
        d = self.daemon
        if d is not None and d.popen.poll() is not None and d.killed_at is None and not d.expected_exit:
            self.problems.append(
                f"daemon #{self.daemon.n} exited by itself ({self.daemon.popen.returncode}) "
                f"before round {r}: see {self.daemon.err}"
            )
            self.start_daemon()
        if rng.random() < 0.15:
            self.broken_watchlist()
        # checks beside (or instead of) the daemon, two at once now and then, and kills at random
        length = rng.uniform(1.5, 4.0)
        check = self.start("check", "check", "--all") if rng.random() < 0.4 else None
        if check:
            self.bump("checks")
            if rng.random() < 0.25:
                self.start("check", "check", "--all")
                self.bump("checks")
        kill_daemon_at = rng.uniform(0, length) if rng.random() < 0.35 else None
        kill_check_at = rng.uniform(0, 2.0) if check and rng.random() < 0.5 else None
        down_for = rng.choice([0.0, 0.0, 0.5, length])  # how long the daemon stays down after a kill
        t0 = time.monotonic()
        restart_at = None
        while time.monotonic() - t0 < length:
            now = time.monotonic() - t0
            if kill_daemon_at is not None and now >= kill_daemon_at and self.daemon:
                self.kill(self.daemon)
                restart_at, kill_daemon_at = now + down_for, None
            if kill_check_at is not None and now >= kill_check_at and check:
                self.kill(check)
                kill_check_at = None
            if restart_at is not None and now >= restart_at:
                self.start_daemon()
                restart_at = None
            threading.Event().wait(0.02)
        if restart_at is not None or (self.daemon and self.daemon.popen.poll() is not None):
            self.start_daemon()
        summary = (
            f"round {r}: faults {sorted(p.fault for p in self.policies if p.fault)}, receiver "
            f"fail_next={self.receiver.fail_next} hang={self.receiver.hang:g}, "
            f"versions {self.q('SELECT count(*) FROM versions')[0][0]}, "
            f"alerts {self.q('SELECT count(*) FROM alerts')[0][0]}, hits {len(self.receiver.hits)}"
        )
        if self.args.verbose or r % 5 == 0:
            log(summary)

    def broken_watchlist(self) -> None:
        """A malformed edit of the watchlist: `validate` must name the line, the daemon must keep
        its last good list and run on; then the good file comes back."""
        good = self.wl.read_text(encoding="utf-8")
        lines = good.splitlines()
        at = self.rng.randrange(len(lines) - len(self.policies), len(lines))  # a policy line
        kind = self.rng.choice(["interval", "url", "indent", "tab", "duplicate", "unclosed", "junk"])
        if kind == "interval":
            lines[at] = lines[at].replace("}", ", interval: 1x}")
        elif kind == "url":
            lines[at] = lines[at].replace("url: '", "url: 'notaurl")
        elif kind == "indent":
            lines[at] = "      " + lines[at]
        elif kind == "tab":
            lines[at] = "\t" + lines[at].lstrip()
        elif kind == "duplicate":
            lines.insert(at, lines[at])
        elif kind == "unclosed":
            lines[at] = lines[at].rstrip("}")
        else:
            lines[at] = lines[at][:20] + "\udcff\x00: ]["
        bad = "\n".join(lines) + "\n"
        self.wl.write_bytes(bad.encode("utf-8", "surrogateescape"))
        proc = self.start("validate", "validate")
        try:
            rc = proc.popen.wait(30)
        except subprocess.TimeoutExpired:
            self.kill(proc)
            rc = None
        err = proc.err.read_text(errors="replace")
        if rc != 2 or not re.search(r"watchlist\.yaml:\d+", err):
            self.problems.append(
                f"validate of a malformed watchlist ({kind} at line {at + 1}) exited {rc}"
                f" without naming a line: {err[-400:]!r}"
            )
        self.bump(f"malformed watchlist {kind}")
        self.wl.write_text(good, encoding="utf-8")
        # a daemon (re)started just before may have read the malformed file: exit 2 is right then
        d = self.daemon
        if d is not None:
            try:
                d.popen.wait(5 if time.monotonic() - d.started < 5 else 0.01)
            except subprocess.TimeoutExpired:
                pass
            if d.popen.returncode == 2 and "cannot start" in d.err.read_text(errors="replace"):
                d.expected_exit = True
                self.bump("daemon refused a malformed watchlist at start")
                self.start_daemon()

    def drain(self) -> None:
        """Faults off, receiver healthy, checks finished: wait for the daemon to catch up."""
        for p in self.policies:
            self.site.clear_fault(f"/p{p.i}")
            p.fault = None
        self.receiver.fail_next, self.receiver.hang = 0, 0.0
        for proc in self.procs:
            if proc.kind == "check" and proc.popen.poll() is None:
                try:
                    proc.popen.wait(60)
                except subprocess.TimeoutExpired:
                    self.problems.append(f"check #{proc.n} still running 60 s after the last round")
                    self.kill(proc)
        if self.daemon is None or self.daemon.popen.poll() is not None:
            self.start_daemon()
        log("draining: every policy on its final page, the outbox empty")

        def settled() -> bool:
            latest = dict(
                self.q(
                    "SELECT v.policy_id, v.body_sha256 FROM versions v WHERE v.seq ="
                    " (SELECT max(seq) FROM versions w WHERE w.policy_id = v.policy_id)"
                )
            )
            final = all(latest.get(f"pol-{p.i}") == hashlib.sha256(p.body).hexdigest() for p in self.policies)
            left = self.q("SELECT count(*) FROM alerts WHERE status IN ('pending', 'digest')")
            return final and left == [(0,)]

        if not self.wait_for(settled, self.args.drain_timeout, "the daemon to settle", fatal=False):
            self.problems.append(f"not settled within {self.args.drain_timeout:g} s of the last round")
        # a few more sender passes: nothing may be sent again
        hits = len(self.receiver.hits)
        (fetches,) = self.q("SELECT count(*) FROM fetches")[0]
        self.wait_for(
            lambda: self.q("SELECT count(*) FROM fetches")[0][0] >= fetches + len(self.policies),
            60,
            "a further round of checks",
            fatal=False,
        )
        if len(self.receiver.hits) != hits:
            self.bump("hits after settling", len(self.receiver.hits) - hits)
        self.daemon.popen.send_signal(signal.SIGTERM)
        try:
            rc = self.daemon.popen.wait(30)
            if rc != 0:
                self.problems.append(f"the daemon exited {rc} on SIGTERM: see {self.daemon.err}")
        except subprocess.TimeoutExpired:
            self.problems.append("the daemon did not stop within 30 s of SIGTERM")
            self.kill(self.daemon)
        # Alerts raised by the last checks before SIGTERM (a "recovered", say) stay in the outbox
        # for the next sender: a last `check --all`, with no daemon running, delivers them.
        final = self.start("check", "check", "--all")
        self.bump("checks")
        try:
            final.popen.wait(120)
        except subprocess.TimeoutExpired:
            self.problems.append(f"the final check #{final.n} did not finish within 120 s")
            self.kill(final)

    # -- helpers

    def q(self, sql: str, *params: Any) -> list[tuple]:
        if not self.db.exists():
            return []
        conn = sqlite3.connect(self.db, timeout=30)
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            return []
        finally:
            conn.close()

    def wait_for(self, cond: Any, timeout: float, what: str, fatal: bool = True) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if cond():
                return True
            d = self.daemon
            if d is not None and d.popen.poll() is not None and d.killed_at is None and not d.expected_exit:
                self.problems.append(
                    f"daemon #{d.n} exited ({d.popen.returncode}) waiting for {what}: see {d.err}"
                )
                self.start_daemon()
            threading.Event().wait(0.1)
        if fatal:
            raise SystemExit(f"drill: timed out waiting for {what} (see {self.dir})")
        return False

    # -- the invariants

    def verify(self) -> None:
        fail = self.problems.append
        if self.q("PRAGMA integrity_check") != [("ok",)]:
            fail(f"PRAGMA integrity_check: {self.q('PRAGMA integrity_check')[:5]}")
        if self.q("PRAGMA foreign_key_check"):
            fail(f"PRAGMA foreign_key_check: {self.q('PRAGMA foreign_key_check')[:5]}")
        orphan = self.q(
            "SELECT id, policy_id, outcome FROM fetches WHERE outcome IN ('new','changed')"
            " AND version_id IS NULL"
        )
        if orphan:
            fail(f"new/changed fetches without a version: {orphan[:5]}")
        by_policy = {f"pol-{p.i}": p for p in self.policies}
        versions: dict[str, list[tuple]] = {}
        for row in self.q(
            "SELECT policy_id, seq, id, text_sha256, body_sha256 FROM versions ORDER BY policy_id, seq"
        ):
            versions.setdefault(row[0], []).append(row)
        self.bump("versions", sum(len(v) for v in versions.values()))
        for pid, vs in versions.items():
            p = by_policy.get(pid)
            if [v[1] for v in vs] != list(range(1, len(vs) + 1)):
                fail(f"{pid}: version seqs are not 1..n: {[v[1] for v in vs]}")
            for a, b in zip(vs, vs[1:], strict=False):
                if a[3] == b[3]:
                    fail(f"{pid}: v{a[1]} and v{b[1]} have the same text")
            if p is None:
                fail(f"versions of an unknown policy {pid}")
                continue
            for v in vs:
                if v[4] not in p.legit:
                    fetch = self.q(
                        "SELECT f.outcome, f.http_status, f.error, f.bytes FROM fetches f"
                        " JOIN versions v ON v.fetch_id = f.id WHERE v.id = ?",
                        v[2],
                    )
                    fail(
                        f"{pid} v{v[1]} was made from a body the drill never served as the page "
                        f"(a fault's body?): fetch {fetch}"
                    )
            if vs[-1][4] != hashlib.sha256(p.body).hexdigest():
                fail(f"{pid}: the latest version v{vs[-1][1]} is not the final page")
            # consecutive versions with another retention: a change alert per route naming both
            for a, b in zip(vs, vs[1:], strict=False):
                old, new = p.legit.get(a[4]), p.legit.get(b[4])
                if old is None or new is None or old == new:
                    continue
                self.bump("material versions")
                for route in ROUTES:
                    found = self.q(
                        "SELECT payload FROM alerts WHERE version_id = ? AND route = ? AND kind = 'change'",
                        b[2],
                        route,
                    )
                    if not found:
                        fail(f"{pid} v{b[1]} ({old} -> {new} days) has no change alert for {route}")
                        continue
                    payload = json.loads(found[0][0])
                    texts = [
                        ((c.get("old") or {}).get("text", ""), (c.get("new") or {}).get("text", ""))
                        for c in payload.get("changes", [])
                    ]
                    if not any(f"{old} days" in o and f"{new} days" in n for o, n in texts):
                        fail(f"{pid} v{b[1]} alert for {route} does not show {old} -> {new} days: {texts}")
        for p in self.policies:
            if f"pol-{p.i}" not in versions:
                fail(f"pol-{p.i} has no version at all")

        # the outbox against the receiver
        alerts = self.q("SELECT alert_id, route, status, attempts, kind, claimed_by FROM alerts")
        self.bump("alerts", len(alerts))
        by_id = {a[0]: a for a in alerts}
        for a in alerts:
            if a[2] != "delivered":
                fail(f"alert {a[0]} ({a[4]} via {a[1]}) is {a[2]} after {a[3]} attempts")
        kills = {p.popen.pid: p.killed_at for p in self.procs if p.killed_at is not None}
        accepted: dict[str, list[Hit]] = {}
        for h in self.receiver.hits:
            if not h.valid:
                fail(f"a webhook with a bad signature: id {h.webhook_id} on {h.route}")
                continue
            a = by_id.get(h.webhook_id or "")
            if a is None:
                fail(f"the receiver got webhook-id {h.webhook_id} on {h.route}: not an alert in the outbox")
                continue
            if a[1] != h.route:
                fail(f"alert {h.webhook_id} of route {a[1]} arrived on {h.route}")
            if h.accepted:
                accepted.setdefault(h.webhook_id or "", []).append(h)
        excused = 0
        for alert_id, a in by_id.items():
            hs = accepted.get(alert_id, [])
            if a[2] == "delivered" and not hs:
                fail(
                    f"alert {alert_id} ({a[4]} via {a[1]}) is marked delivered but the receiver"
                    " never accepted it"
                )
            for first, again in zip(hs, hs[1:], strict=False):
                killed = kills.get(first.sender_pid or -1)
                if first.sender_pid is None:
                    # gone before it could be looked up: killed right after sending (the handler
                    # thread may even have run after the kill)
                    killed = next((t for t in kills.values() if -0.5 <= t - first.arrived < 1.0), None)
                    if killed is not None:
                        killed = max(killed, first.arrived)
                if killed is not None and killed >= first.arrived:
                    excused += 1
                    continue
                fail(
                    f"alert {alert_id} ({a[4]} via {a[1]}) accepted twice: by pid {first.sender_pid} then "
                    f"pid {again.sender_pid}, {again.arrived - first.arrived:.1f} s apart"
                    f" (first sender {'killed before' if killed else 'not killed'})"
                )
        self.bump("deliveries accepted", sum(len(v) for v in accepted.values()))
        self.bump("repeats after a kill in flight", excused)

        # the processes
        for proc in self.procs:
            err = proc.err.read_text(errors="replace")
            if "Traceback" in err:
                at = err.index("Traceback")
                fail(f"{proc.kind} #{proc.n} wrote a traceback ({proc.err}):\n" + err[at : at + 1500])
            rc = proc.popen.returncode
            if proc.killed_at is None and proc.kind == "check" and rc not in (0, 1):
                fail(f"check #{proc.n} exited {rc}: {err[-500:]}")
            if (
                proc.killed_at is None
                and proc.kind == "daemon"
                and rc not in (0, None)
                and not proc.expected_exit
            ):
                fail(f"daemon #{proc.n} exited {rc}: {err[-500:]}")

    def report(self) -> int:
        print()
        print(
            f"drill seed {self.args.seed}: {self.args.rounds} rounds, {len(self.policies)} policies"
            f" ({self.dir})"
        )
        for k in sorted(self.stats):
            print(f"  {k:32} {self.stats[k]}")
        if self.problems:
            print(f"\nBROKEN: {len(self.problems)} invariant(s)")
            for p in self.problems:
                print("  - " + p.replace("\n", "\n    "))
            return 1
        print("\nall invariants hold")
        if not self.args.keep:
            shutil.rmtree(self.dir, ignore_errors=True)
        return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=None, help="random seed (default: from the clock)")
    ap.add_argument("--rounds", type=int, default=30)
    ap.add_argument("--policies", type=int, default=20)
    ap.add_argument("--interval", type=float, default=1.0, help="every policy's interval, seconds")
    ap.add_argument("--drain-timeout", type=float, default=180.0)
    ap.add_argument(
        "--keep",
        metavar="DIR",
        help="work in DIR and keep it (default: a temporary folder, kept only when an invariant breaks)",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="a line per round")
    args = ap.parse_args(argv)
    if args.seed is None:
        args.seed = int(time.time()) % 100000
    return Drill(args).run()


if __name__ == "__main__":
    sys.exit(main())
