"""Web benchmark: the dashboard and the REST API over 10,000 policies and 100,000 changes.

In: --policies N, --changes M (defaults 10,000 and 100,000), --db FILE (built if missing).
Out: a table on stdout: median and p95 milliseconds of dashboard pages (first, middle, filtered,
sorted) and API list calls, measured over HTTP against `policy-monitor serve`'s app run by
uvicorn on 127.0.0.1, and the database size; each twice: with the database quiet, and with a
fetch row committed before each request (a daemon at work: the app's per-commit cache of the
policy rows is then never valid). Targets: dashboard page <= 300 ms, API list p95
<= 50 ms.

The database is made through the real store (Store creates and migrates it; sync_policies
registers the policies), then versions, changes, fetches and alerts are inserted in bulk with
the store's own row shapes: making 100,000 real changes through the engine would take an hour
and measure the engine, not the web app. Change texts are realistic clauses from the seed set.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from monitor.models import CATEGORIES, PolicyConfig  # noqa: E402
from monitor.store import Store  # noqa: E402

CLAUSES = [
    "We keep billing records for {n} years after your account is closed.",
    "We may share your contact details with advertising partners and data brokers.",
    "You can ask us to delete your personal data at any time by writing to our privacy team.",
    "Children under {n} may not create an account without a parent's consent.",
    "We use cookies and similar technologies to measure how the service is used.",
    "Your data may be transferred to servers located outside the European Economic Area.",
    "We notify you by e-mail at least {n} days before a material change takes effect.",
]
LANGS = ["en", "en", "en", "de", "fr", "sv", "zh-Hans", "es", "no", "da"]


def build(path: Path, policies: int, changes: int, seed: int = 7) -> None:
    """A database with `policies` policies and about `changes` changes over their versions."""
    rnd = random.Random(seed)
    store = Store(path)
    store.sync_policies(
        PolicyConfig(
            id=f"p{i:05d}", name=f"Policy {i:05d} <Example & Co>", url=f"https://site{i}.example/privacy"
        )
        for i in range(policies)
    )
    store.close()
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    texts = []
    for t in range(40):
        text = "\n".join(c.format(n=t + 2) for c in CLAUSES)
        sha = f"{t:064x}"
        conn.execute(
            "INSERT INTO texts (sha256, text, clauses, clause_count) VALUES (?,?,?,?)",
            (
                sha,
                text,
                json.dumps({"sections": [], "clauses": [[c, -1, None, "en", 0] for c in text.split("\n")]}),
                7,
            ),
        )
        texts.append(sha)
    per_policy = max(1, changes // policies)  # changes per policy, spread over its versions
    fid = vid = cid = 0
    day0 = 1_700_000_000
    for i in range(policies):
        pid = f"p{i:05d}"
        n_versions = 1 + max(1, per_policy // 5)
        lang = LANGS[i % len(LANGS)]
        left = per_policy
        for seq in range(1, n_versions + 1):
            at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(day0 + seq * 86400 * 7 + i))
            fid += 1
            conn.execute(
                "INSERT INTO fetches (id, policy_id, started_at, outcome, http_status, duration_ms, bytes)"
                " VALUES (?,?,?,?,?,?,?)",
                (fid, pid, at, "new" if seq == 1 else "changed", 200, rnd.randint(20, 900), 30000),
            )
            vid += 1
            conn.execute(
                "INSERT INTO versions (id, policy_id, seq, seen_at, text_sha256, language, clause_count,"
                " fetch_id) VALUES (?,?,?,?,?,?,?,?)",
                (vid, pid, seq, at, rnd.choice(texts), lang, 7, fid),
            )
            if seq == 1:
                continue
            k = left if seq == n_versions else min(left, 5)
            left -= k
            for pos in range(k):
                cid += 1
                material = rnd.random() < 0.3
                sev = rnd.choice(["low", "medium", "high"]) if material else "none"
                cats = rnd.sample(CATEGORIES, rnd.randint(1, 2)) if material else []
                old = CLAUSES[pos % len(CLAUSES)].format(n=3)
                new = CLAUSES[pos % len(CLAUSES)].format(n=10)
                conn.execute(
                    "INSERT INTO changes (id, version_id, position, kind, material, severity, categories,"
                    " old_index, new_index, old_section, new_section, old_text, new_text, inline, facts,"
                    " explanation) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        cid,
                        vid,
                        pos,
                        "modified",
                        int(material),
                        sev,
                        json.dumps(cats),
                        pos,
                        pos,
                        "Data retention",
                        "Data retention",
                        old,
                        new,
                        json.dumps([[0, old[:28]], [-1, "3"], [1, "10"], [0, old[29:]]]),
                        json.dumps(
                            [
                                {
                                    "category": cats[0],
                                    "old": "3 years",
                                    "new": "10 years",
                                    "direction": "worse",
                                    "kind": "duration",
                                }
                            ]
                            if material
                            else []
                        ),
                        "retention lengthened from 3 years to 10 years" if material else "",
                    ),
                )
        # the latest check: most fine, some failing
        fid += 1
        outcome = "failed" if i % 50 == 0 else "suspect" if i % 97 == 0 else "unchanged"
        conn.execute(
            "INSERT INTO fetches (id, policy_id, started_at, outcome, http_status, duration_ms, error)"
            " VALUES (?,?,?,?,?,?,?)",
            (
                fid,
                pid,
                "2030-01-01T00:00:00Z",
                outcome,
                500 if outcome == "failed" else 200,
                rnd.randint(20, 900),
                "HTTP 500" if outcome == "failed" else None,
            ),
        )
    conn.execute("COMMIT")
    conn.close()


def serve(db: Path) -> tuple[str, object, threading.Thread]:
    import uvicorn

    from monitor.app.web.server import create_app

    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=0, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            raise SystemExit("server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    return f"http://127.0.0.1:{port}", server, thread


def timed(url: str, n: int, writer: sqlite3.Connection | None = None) -> list[float]:
    """Milliseconds per GET; with `writer`, a fetch row is committed before each request (as the
    daemon does all the time), so nothing the app keeps between requests stays valid."""
    out = []
    for i in range(n):
        if writer is not None:
            writer.execute(
                "INSERT INTO fetches (policy_id, started_at, outcome, duration_ms) VALUES (?,?,?,?)",
                (f"p{i % 100:05d}", "2030-01-02T00:00:00Z", "unchanged", 5),
            )
            writer.commit()
        t0 = time.perf_counter()
        with urllib.request.urlopen(url) as resp:
            resp.read()
            assert resp.status == 200
        out.append((time.perf_counter() - t0) * 1000)
    return out


def p95(xs: list[float]) -> float:
    return sorted(xs)[max(0, int(round(0.95 * len(xs))) - 1)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--policies", type=int, default=10_000)
    ap.add_argument("--changes", type=int, default=100_000)
    ap.add_argument("--db", type=Path, default=ROOT / "bench" / "results" / "web.db")
    ap.add_argument("--rounds", type=int, default=40)
    args = ap.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        build(args.db, args.policies, args.changes)
        print(f"built {args.db} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    base, server, thread = serve(args.db)
    last_page = (args.policies - 1) // 100 + 1
    cases = [
        ("dashboard, page 1", "/", False),
        (f"dashboard, page {last_page // 2}", f"/?page={last_page // 2}", False),
        ("dashboard, filter severity=high", "/?severity=high", False),
        ("dashboard, filter category=retention", "/?category=retention", False),
        ("dashboard, failing only", "/?status=failing", False),
        ("dashboard, sorted by last material change", "/?sort=material_at&order=desc", False),
        ("API /api/policies (page 1)", "/api/policies", True),
        (f"API /api/policies?page={last_page}", f"/api/policies?page={last_page}", True),
        ("API /api/policies?severity=high", "/api/policies?severity=high", True),
        ("API /api/changes (latest 100)", "/api/changes", True),
        ("API /api/changes?min_severity=high", "/api/changes?min_severity=high", True),
        ("API /api/changes?category=retention", "/api/changes?category=retention", True),
        ("API /api/changes?policy=p04321", "/api/changes?policy=p04321", True),
        ("API /api/policies/p04321/versions", "/api/policies/p04321/versions", True),
    ]
    print(
        f"{args.policies} policies, {args.changes} changes, database {args.db.stat().st_size / 2**20:.0f} MB,"
        f" {args.rounds} requests each (after 3 warm-up)"
    )
    first = timed(base + "/?severity=high", 1)[0]
    print(
        f"first request after start (/?severity=high: every policy and material change read once):"
        f" {first:.0f} ms"
    )
    status = timed(base + "/api/status", 5)
    print(
        f"/api/status (every policy, the shape of `status --json`, not paged): median"
        f" {statistics.median(status):.0f} ms"
    )
    print()
    print("| request | median ms | p95 ms | with a commit before each: median | p95 | target |")
    print("| --- | --- | --- | --- | --- | --- |")
    writer = sqlite3.connect(str(args.db), timeout=10)
    for name, path, api in cases:
        timed(base + path, 3)
        xs = timed(base + path, args.rounds)
        ws = timed(base + path, args.rounds, writer)
        target = "p95 <= 50" if api else "<= 300"
        print(
            f"| {name} | {statistics.median(xs):.1f} | {p95(xs):.1f} | {statistics.median(ws):.1f} |"
            f" {p95(ws):.1f} | {target} |",
            flush=True,
        )
    writer.close()
    server.should_exit = True  # type: ignore[attr-defined]
    thread.join(timeout=10)


if __name__ == "__main__":
    main()
