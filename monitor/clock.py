"""Time as an input: the one place that reads the wall clock.

Every stage that needs "now" takes a `Clock` (a callable returning an aware datetime) and defaults
to `system_clock`; tests pass a fixed or stepping clock instead. Times are stored as ISO 8601 UTC
strings to the second with a Z (2026-11-25T10:00:00Z), which sort as they compare.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, timezone

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """The wall clock, in UTC."""
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    """An aware datetime as stored: 2026-11-25T10:00:00Z."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str) -> datetime:
    """A stored time (Z or an offset) back to an aware datetime in UTC."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def as_datetime(moment: datetime | str) -> datetime:
    """A datetime or a stored time string as an aware datetime in UTC."""
    if isinstance(moment, str):
        return parse_iso(moment)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def fixed_clock(moment: datetime | str) -> Clock:
    """A clock that always says `moment` (for tests and for replaying a run)."""
    at = as_datetime(moment)
    return lambda: at


_NEVER_SET = threading.Event()


def pause(seconds: float) -> None:
    """Wait `seconds` (politeness gaps, retry backoff).

    A wait on a condition rather than time.sleep: the same pause, and it still works when the
    tests run under libfaketime with the monotonic clock left alone (the way the suite is run
    with the date pushed ahead), where time.sleep's absolute clock_nanosleep fails with EINVAL.
    """
    if seconds > 0:
        _NEVER_SET.wait(seconds)
