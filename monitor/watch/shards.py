"""Share a long check pass out between processes, host by host.

In: the policies of one pass, the database path, the caller's fetcher kind and settings, and the
watchlist.
Out: their CheckOutcomes, in the order of the policies, with progress reported as they come.

The engine is pure Python, so threads in one process share one core. Each worker process opens
its own Store (SQLite in WAL mode serialises the short write transactions) and its own fetcher of
the caller's kind, and checks its share on threads. Politeness is per host: a host's policies stay
in one process unless its limits allow concurrent requests without delay, in which case its
concurrency is divided between the processes.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from monitor.clock import pause
from monitor.fetch import fetcher_for
from monitor.lang import startup_cache
from monitor.models import FetchSettings, PolicyConfig, Watchlist
from monitor.procs import pid_running
from monitor.store import Store
from monitor.watch.check import CheckOutcome, check_on_threads

log = logging.getLogger(__name__)

DONE = "done"


def plan_shards(policies: Sequence[PolicyConfig], settings: FetchSettings, processes: int) -> list[list[int]]:
    """Indices of `policies` per process. Deterministic; empty shards are dropped."""
    by_host: dict[str, list[int]] = {}
    for i, policy in enumerate(policies):
        by_host.setdefault((urlsplit(policy.url).hostname or "").lower(), []).append(i)
    splittable = settings.per_host_delay == 0 and settings.per_host_concurrency >= processes
    shards: list[list[int]] = [[] for _ in range(processes)]
    for _host, indices in sorted(by_host.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        if splittable:
            for n, i in enumerate(indices):
                shards[n % processes].append(i)
        else:
            min(shards, key=len).extend(indices)
    return [sorted(s) for s in shards if s]


def shard_settings(settings: FetchSettings, shards: int) -> FetchSettings:
    """Each process gets its share of the worker threads and of a host's concurrency."""
    return replace(
        settings,
        max_workers=max(1, settings.max_workers // shards),
        per_host_concurrency=max(1, settings.per_host_concurrency // shards)
        if settings.per_host_delay == 0
        else settings.per_host_concurrency,
    )


def check_in_processes(
    policies: Sequence[PolicyConfig],
    *,
    db_path: str | Path,
    fetcher_kind: str,
    settings: FetchSettings,
    watchlist: Watchlist,
    processes: int,
    progress: Callable[[object], None] | None = None,
    preload: bool = False,
) -> list:
    """Run the pass in worker processes; a process that dies leaves the policies it did not
    report as failed outcomes (nothing was recorded for them, but for the checks of its last
    OUTCOME_BATCH_SECONDS, which may have been). `preload`: load the engine before forking,
    for a pass that will parse many pages (a pass of 304s never needs it)."""
    shards = plan_shards(policies, settings, processes)
    settings = shard_settings(settings, len(shards))
    # fork is cheap, but only safe while this process runs no other threads.
    method = "fork" if threading.active_count() == 1 else "forkserver"
    if preload and method == "fork":
        _preload_engine()  # once here rather than once per process
    ctx = multiprocessing.get_context(method)
    outcomes: multiprocessing.Queue = ctx.Queue()
    workers = [
        ctx.Process(
            target=_worker,
            args=(
                str(db_path),
                fetcher_kind,
                settings,
                watchlist,
                [policies[i] for i in shard],
                outcomes,
                os.getpid(),
            ),
            name=f"check-shard-{n}",
            daemon=True,
        )
        for n, shard in enumerate(shards)
    ]
    for w in workers:
        w.start()
    position = {p.id: i for i, p in enumerate(policies)}
    results: list = [None] * len(policies)
    finished = 0
    while finished < len(workers):
        try:
            item = outcomes.get(timeout=1.0)
        except queue.Empty:
            if not any(w.is_alive() for w in workers) and outcomes.empty():
                break
            continue
        if item == DONE:
            finished += 1
            continue
        for outcome in item:
            results[position[outcome.policy_id]] = outcome
            if progress is not None:
                try:
                    progress(outcome)
                except Exception:  # noqa: BLE001 - a progress display must not stop the pass
                    log.exception("progress callback failed")
    for w in workers:
        w.join(timeout=5)
    for i, r in enumerate(results):
        if r is None:
            log.error("%s: its check process died before checking it", policies[i].id)
            results[i] = CheckOutcome(policies[i].id, "failed", 0, error="check process died")
    return results


def _preload_engine() -> None:
    # What a first version needs: normalise, the guards, segment. First versions are never
    # compared, so align and classify (and the lexicons) stay unloaded until a process meets a change.
    from monitor.engine import pipeline  # noqa: F401 - imported for the forked processes to inherit
    from monitor.fetch import guards  # noqa: F401


def _worker(
    db_path: str,
    fetcher_kind: str,
    settings: FetchSettings,
    watchlist: Watchlist,
    policies: list[PolicyConfig],
    outcomes: multiprocessing.Queue,
    parent: int,
) -> None:
    _exit_with_parent(parent)
    store = Store(db_path)
    fetcher = fetcher_for(fetcher_kind, settings)
    batches = _Batches(outcomes)
    try:
        check_on_threads(policies, store=store, fetcher=fetcher, watchlist=watchlist, progress=batches.add)
    finally:
        fetcher.close()
        store.close()
        batches.close()
        outcomes.put(DONE)
        outcomes.close()
        outcomes.join_thread()
        # A multiprocessing child leaves by os._exit, which runs no atexit hook: without this,
        # the lexicon patterns it compiled would be compiled again by every later pass.
        startup_cache.save()


OUTCOME_BATCH_SECONDS = 0.05  # how long an outcome may wait in a worker before it is sent


class _Batches:
    """A worker's outcomes, sent to the pass's process as lists, every OUTCOME_BATCH_SECONDS.

    One message per outcome cost the pass's own process ~35 ms of CPU per 1,000 checks (woken,
    reading and unpickling a thousand times; its waiting took 50 ms of CPU where it now takes
    16); progress still shows within a twentieth of a second."""

    def __init__(self, outcomes: multiprocessing.Queue) -> None:
        self.outcomes = outcomes
        self._items: list[CheckOutcome] = []
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._sender = threading.Thread(target=self._send_every, name="outcome-batches", daemon=True)
        self._sender.start()

    def add(self, outcome: CheckOutcome) -> None:
        with self._lock:
            self._items.append(outcome)

    def close(self) -> None:
        """Send what is left; nothing is sent after."""
        self._done.set()
        self._sender.join()
        self._send()

    def _send_every(self) -> None:
        while not self._done.wait(OUTCOME_BATCH_SECONDS):
            self._send()

    def _send(self) -> None:
        with self._lock:
            items, self._items = self._items, []
        if items:
            self.outcomes.put(items)


PARENT_POLL = 0.1  # seconds between two looks at the parent


def _exit_with_parent(parent: int) -> None:
    """Stop this worker as soon as the process that started the pass is gone (kill -9 of a
    `check`): nobody would read its outcomes, and a check left running would go on writing. A
    transaction cut short is rolled back by SQLite; the policies left are checked next time."""
    started_under = os.getppid()

    def watch() -> None:
        while True:
            pause(PARENT_POLL)  # not time.sleep: it fails under libfaketime
            if os.getppid() != started_under or not pid_running(parent):
                os._exit(EXIT_ORPHANED)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


EXIT_ORPHANED = 70
