#!/usr/bin/env python3
"""Time the dashboard's read of every policy row over PostgreSQL (run by hand, not in CI).

Over PostgreSQL the dashboard re-reads every policy's row each time (workers commit
concurrently, so a lower id can commit after a higher one was read). This fills a database
the way a busy list would look (N policies, 3 versions each with a material change, 5 fetches
each) on a PostgreSQL server started like the tests' (tests/pg_server.py: Debian's
`postgresql` installed), and times `Store.policy_rows()` read-only, three times.

Usage: .venv/bin/python bench/dashboard_pg.py [--n 10000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

import psycopg  # noqa: E402
from pg_server import PgServer  # noqa: E402

from monitor.store import Store  # noqa: E402


def fill(url: str, n: int) -> None:
    """n policies with 3 versions (each one material change) and 5 fetches each."""
    Store(url).close()  # the schema
    with psycopg.connect(url, autocommit=True) as c:
        c.execute("INSERT INTO texts (sha256, text, clauses, clause_count) VALUES ('t', 'x', '[]', 0)")
        c.execute(
            f"INSERT INTO policies (id, name, url) SELECT 'p' || g, 'P' || g, 'http://x/' || g"
            f" FROM generate_series(1, {n}) g"
        )
        c.execute(
            f"INSERT INTO fetches (policy_id, started_at, outcome) SELECT 'p' || (g % {n} + 1),"
            f" '2026-12-01T00:00:00Z', 'unchanged' FROM generate_series(1, {5 * n}) g"
        )
        c.execute(
            "INSERT INTO versions (policy_id, seq, seen_at, text_sha256, clause_count)"
            f" SELECT 'p' || g, s, '2026-12-01T00:00:00Z', 't', 0"
            f" FROM generate_series(1, {n}) g, generate_series(1, 3) s"
        )
        c.execute(
            "INSERT INTO changes (version_id, position, kind, material, severity, categories)"
            " SELECT id, 0, 'modified', 1, 'high', '[\"sharing\"]' FROM versions"
        )
        c.execute("ANALYZE")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=10_000)
    args = ap.parse_args()
    server = PgServer().start()
    try:
        url = server.database()
        fill(url, args.n)
        reader = Store(url, read_only=True)
        try:
            for _ in range(3):
                t0 = time.perf_counter()
                rows = reader.policy_rows()
                print(f"{len(rows)} policy rows in {(time.perf_counter() - t0) * 1000:.0f} ms")
        finally:
            reader.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
