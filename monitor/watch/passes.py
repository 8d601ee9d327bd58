"""A pass over many policies: `policy-monitor check --all`, the demo, the benchmarks.

In: the policies, a Store, the caller's fetcher and the Watchlist. Out: one CheckOutcome per
policy, in the order given, with progress reported as outcomes come.

A long pass is shared between processes (the engine is pure Python: threads in one process share
one core), each rebuilding the caller's own fetcher kind with the caller's settings; a short
pass, or one whose fetcher is not a registered kind, runs on threads in this process.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from monitor.fetch import FETCHERS
from monitor.models import PolicyConfig, Watchlist
from monitor.store import Store
from monitor.watch.check import CheckOutcome, check_on_threads
from monitor.watch.shards import check_in_processes

# "0" or "1" keeps one process; unset: one process per core (at most 4), for long passes.
PROCESSES_ENV = "POLICY_MONITOR_CHECK_PROCESSES"
MIN_POLICIES_FOR_PROCESSES = 50  # below this a process's start-up costs more than it saves


def check_many(
    policies: Sequence[PolicyConfig],
    *,
    store: Store,
    fetcher: Any,
    watchlist: Watchlist,
    progress: Callable[[CheckOutcome], None] | None = None,
    processes: int | None = None,
) -> list[CheckOutcome]:
    """Check every policy; outcomes in the order of `policies`."""
    processes = processes_for(len(policies)) if processes is None else processes
    kind = getattr(fetcher, "kind", None)
    if processes > 1 and FETCHERS.get(kind) is type(fetcher):
        checked = store.last_checked_at()
        first_visits = sum(1 for p in policies if p.id not in checked)
        return check_in_processes(
            policies,
            db_path=store.path,
            fetcher_kind=kind,
            settings=fetcher.settings,
            watchlist=watchlist,
            processes=processes,
            progress=progress,
            preload=first_visits * 10 >= len(policies),
        )
    return check_on_threads(policies, store=store, fetcher=fetcher, watchlist=watchlist, progress=progress)


def processes_for(n: int) -> int:
    """How many processes a pass of `n` policies gets (POLICY_MONITOR_CHECK_PROCESSES overrides)."""
    setting = os.environ.get(PROCESSES_ENV, "").strip()
    wanted = int(setting) if setting.isdigit() else min(os.cpu_count() or 1, 4)
    return wanted if n >= MIN_POLICIES_FOR_PROCESSES else 1
