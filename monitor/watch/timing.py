"""When a policy is checked next: its interval, and sooner after failed checks.

In: a policy (its interval), the time of its last check and how many checks in a row failed.
Out: seconds or a moment. Pure functions, without APScheduler: the daemon schedules with them
(scheduler.py) and `status` shows what they give, so the two agree.
"""

from __future__ import annotations

import os
from datetime import datetime, timedelta

from monitor.clock import parse_iso
from monitor.models import PolicyConfig

INTERVAL_ENV = "POLICY_MONITOR_MIN_INTERVAL"  # tests: every interval becomes this many seconds
# first retry after a failed check, seconds (then doubled up to the interval); env: tests
RETRY_BASE = float(os.environ.get("POLICY_MONITOR_RETRY_BASE", "300"))


def interval_of(policy: PolicyConfig) -> float:
    """The policy's interval, or the test override from POLICY_MONITOR_MIN_INTERVAL."""
    return effective_interval(policy.interval_seconds)


def effective_interval(seconds: float) -> float:
    """An interval in seconds, or the test override from POLICY_MONITOR_MIN_INTERVAL."""
    override = os.environ.get(INTERVAL_ENV)
    return float(override) if override else float(seconds)


def retry_delay(failures: int, interval: float, base: float | None = None) -> float:
    """Seconds until the next try after `failures` failed checks in a row: base, 2*base, 4*base
    ... never more than the interval."""
    first = RETRY_BASE if base is None else base
    return min(interval, first * 2 ** min(max(0, failures - 1), 30))


def next_delay(failures: int, interval: float) -> float:
    """Seconds from a check to the next: the interval, or the retry delay after failures."""
    return retry_delay(failures, interval) if failures > 0 else interval


def next_check_at(last_check: str | None, failures: int, interval: float) -> datetime | None:
    """When the daemon checks again (give or take its jitter); None before a first check or when
    the time of the last one cannot be read (the daemon then spreads it over its first interval)."""
    if not last_check:
        return None
    try:
        return parse_iso(last_check) + timedelta(seconds=next_delay(failures, interval))
    except ValueError:
        return None
