"""Shared fixtures: a real policy web server on 127.0.0.1 and the seed corpus."""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SEEDS_DIR  # noqa: E402
from policy_site import PolicySite  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]

# Compiled lexicon regexes (monitor/lang/regex_cache.py) go to a folder of this run's own, shared
# by every process the tests start, never to the user's ~/.cache.
if "POLICY_MONITOR_CACHE_DIR" not in os.environ:
    import tempfile

    os.environ["POLICY_MONITOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="policy-monitor-cache-")


def _pause(seconds: float) -> None:
    if seconds > 0:
        threading.Event().wait(seconds)


if "faketime" in os.environ.get("LD_PRELOAD", ""):
    # The suite is also run with the date pushed ahead and back (FAKETIME_DONT_FAKE_MONOTONIC=1
    # faketime '+400 days' pytest). libfaketime 0.9.10 then breaks time.sleep itself (its
    # absolute clock_nanosleep fails with EINVAL), which the standard library uses too
    # (subprocess waits), so this process waits on a condition instead; the product already
    # does (monitor.clock.pause). Nothing here changes what time it is.
    time.sleep = _pause


@pytest.fixture
def policy_site() -> Iterator[PolicySite]:
    site = PolicySite().start()
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR


# --- PostgreSQL (tests/pg_server.py): one server per session, a fresh database per test ----------

REQUIRE_POSTGRES = "POLICY_MONITOR_REQUIRE_POSTGRES"  # CI: a missing server is a failure, not a skip


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        problem: str | None = "psycopg is not installed (pip install -e '.[postgres]')"
    else:
        from pg_server import why_unavailable

        problem = why_unavailable()
    if problem:
        if os.environ.get(REQUIRE_POSTGRES) == "1":
            pytest.fail(f"{REQUIRE_POSTGRES}=1 but {problem}")
        pytest.skip(problem)
    from pg_server import PgServer

    server = PgServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def pg_url(pg_server: object) -> str:
    """The URL of a new, empty PostgreSQL database on the session's server."""
    return pg_server.database()  # type: ignore[attr-defined]
