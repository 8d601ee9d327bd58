"""Helpers for tests that drive a daemon in a subprocess and watch its SQLite file."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

import pytest


class Running(Protocol):
    """A daemon subprocess: its Popen and the tail of its log."""

    proc: object

    def log(self) -> str: ...


def rows(db: Path, sql: str, *params: object) -> list[tuple]:
    """The rows of a query on the daemon's database; [] while it or its tables do not exist yet."""
    if not db.exists():
        return []
    conn = sqlite3.connect(db, timeout=10)
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError:  # tables not created yet
        return []
    finally:
        conn.close()


def until(cond: Callable[[], bool], timeout: float, what: str, daemon: Running | None = None) -> None:
    """Wait for `cond`; fail with the daemon's log if it exits first or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return
        if daemon is not None and daemon.proc.poll() is not None:  # type: ignore[attr-defined]
            rc = daemon.proc.returncode  # type: ignore[attr-defined]
            pytest.fail(f"daemon exited ({rc}) waiting for {what}:\n{daemon.log()[-3000:]}")
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}" + (f":\n{daemon.log()[-3000:]}" if daemon else ""))
