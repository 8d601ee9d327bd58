"""The daemon: every policy checked on its own interval, for months, on APScheduler 3.x.

In: the watchlist file (watched and reloaded when it changes) and the database path.
Out: checks recorded in the store (check.py does each one), one log line per check, alerts
delivered by the Sender thread, exit code 0 after a clean stop, 3 when another daemon holds the
database, 2 when the watchlist cannot be loaded at start.

Scheduling: one interval job per policy (job id = policy id) holding only that id; the
PolicyConfig is looked up when the job runs, so a reload that changes a URL needs no new job.
After a restart each policy's next run is its last check + its interval; the overdue and the
never-checked ones are spread over their first interval (at most SPREAD_MAX) by an offset
derived from the id, so a restart neither bursts every policy at once nor skips one.
After a failed (or suspect) check the policy is tried again sooner: RETRY_BASE, then twice
that, and so on up to its interval, so "unreachable" fires within minutes of the first failure
rather than after `failure_threshold` full intervals; a good check puts it back on its interval.
A restart resumes that backoff from the failed checks the store holds (monitor/watch/timing.py,
which `status` also uses to show the next check).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import signal
import threading
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from monitor.clock import Clock, iso, system_clock
from monitor.config.sources import Stamp, file_stamp, stale
from monitor.errors import MonitorError
from monitor.models import PolicyConfig, Watchlist
from monitor.store.connection import storage_error
from monitor.watch.check import check_policy, format_outcome
from monitor.watch.timing import interval_of, next_check_at, retry_delay

__all__ = ["Daemon", "first_run", "interval_of", "retry_delay", "run_daemon", "spread_offset"]

log = logging.getLogger("monitor.daemon")

EXIT_OK, EXIT_BAD_WATCHLIST, EXIT_LOCKED = 0, 2, 3
SPREAD_MAX = 3600.0  # seconds over which overdue policies are spread after a restart
SPREAD_PER_POLICY = 1.0  # ... but a short list is not kept waiting: about a second per policy
WATCH_POLL = float(os.environ.get("POLICY_MONITOR_WATCH_POLL", "2"))  # watchlist mtime poll, seconds
PRUNE_JOB = "~prune-fetches"  # not a policy id (those are slugs)
PRUNE_EVERY = 24 * 3600.0
PRUNE_FIRST_AFTER = float(os.environ.get("POLICY_MONITOR_PRUNE_AFTER", "60"))  # seconds after start


def run_daemon(
    watchlist_path: Path,
    db_path: Path,
    *,
    stop: threading.Event | None = None,
    sender: bool = True,
    clock: Clock = system_clock,
    started: Callable[[], None] | None = None,
) -> int:
    """Run until `stop` is set or SIGTERM/SIGINT arrives; return the process exit code.
    `started` is called once the daemon holds the database (`run --http` starts its web server)."""
    from monitor.config.watchlist import load_watchlist
    from monitor.store import Store

    stop = stop or threading.Event()
    # APScheduler logs every job start and end at INFO: our own line per check says more.
    for name in ("apscheduler.executors.default", "apscheduler.scheduler"):
        logging.getLogger(name).setLevel(logging.WARNING)
    stamps: dict[str, Stamp] = {}
    try:
        watchlist = load_watchlist(watchlist_path, stamps=stamps)
    except MonitorError as e:
        log.error("cannot start: %s", e)
        return EXIT_BAD_WATCHLIST
    store = Store(db_path, clock=clock)  # thread-safe: one lock around each call, one transaction per write
    try:
        try:
            store.acquire_daemon_lock()
        except MonitorError as e:
            log.error("%s; exiting", e)
            return EXIT_LOCKED
        if started is not None:
            started()
        Daemon(Path(watchlist_path), store, watchlist, stop, sender=sender, stamps=stamps).run()
    finally:
        store.close()  # also releases the daemon lock
    return EXIT_OK


def check_threads(max_workers: int) -> int:
    """Threads for checks: twice max_workers, so that as many hostile sites as there are workers
    (each holding a thread until its fetch deadline) leave the others checking on time."""
    return 2 * max(1, max_workers)


def jitter_of(interval: float) -> float:
    """Up to 5% of the interval late, at most 30 s: runs drift apart rather than stay in lock-step
    (the id-derived spread already separates policies), and a new list starts promptly."""
    return min(interval * 0.05, 30.0)


def spread_offset(policy_id: str, window: float) -> float:
    """A stable offset in [0, window) from the id, so restarts spread the same way every time."""
    h = int.from_bytes(hashlib.blake2b(policy_id.encode(), digest_size=8).digest(), "big")
    return window * (h / 2**64)


def first_run(
    policy_id: str, interval: float, last_check: str | None, now: datetime, *, policies: int = 1 << 30,
    failures: int = 0,
) -> datetime:
    """Last check + interval (+ the retry delay after `failures` failed checks in a row) when that
    is still ahead; else now + the policy's spread offset, within a window of its interval,
    SPREAD_MAX, or about a second per policy of the list."""
    due = next_check_at(last_check, failures, interval)
    if due is not None and due > now:
        return due
    window = min(interval, SPREAD_MAX, SPREAD_PER_POLICY * policies)
    return now + timedelta(seconds=spread_offset(policy_id, window))


class Daemon:
    """The scheduler, the watchlist watcher and the alert sender of one running daemon."""

    def __init__(self, watchlist_path: Path, store: Any, watchlist: Watchlist, stop: threading.Event,
                 *, sender: bool = True, stamps: dict[str, Stamp] | None = None) -> None:
        from monitor.fetch.http import HttpFetcher

        self.path, self.store, self.watchlist, self.stop = watchlist_path, store, watchlist, stop
        self.with_sender = sender
        self.policies: dict[str, PolicyConfig] = {}
        self.failures: dict[str, int] = {}  # failed checks in a row, per policy (retried sooner)
        self.fetcher = HttpFetcher(watchlist.fetch)
        self.stopping = threading.Event()  # set first on stop: queued checks return at once
        self.hangup = threading.Event()  # SIGHUP: reload the watchlist now, changed or not
        self.scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(check_threads(watchlist.fetch.max_workers))},
            job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None},
            timezone=timezone.utc,
        )
        # (mtime, size) of the watchlist and of every policy source file and folder it read
        self.stamps = stamps if stamps is not None else {str(watchlist_path): file_stamp(watchlist_path)}

    # -- life cycle

    def run(self) -> None:
        restore = _install_signals(self.stop, self.hangup)
        sender_stop = threading.Event()
        sender_thread = self._start_sender(sender_stop)
        try:
            self.store.sync_policies(self.watchlist.policies)
            # a policy failing when the daemon stopped is retried on its backoff, not its interval
            self.failures = self.store.retry_streaks()
            self._schedule(self.watchlist.policies, self.store.last_checked_at())
            self.scheduler.add_job(
                self._prune, trigger=IntervalTrigger(
                    seconds=PRUNE_EVERY, start_date=self.store.clock() + timedelta(seconds=PRUNE_FIRST_AFTER),
                    timezone=timezone.utc),
                id=PRUNE_JOB, name="prune fetch history", replace_existing=True,
            )
            self.scheduler.start()
            self._log_start()
            self._tick()
            while not self.stop.wait(WATCH_POLL):
                self._tick()
                forced = self.hangup.is_set()
                self.hangup.clear()
                self._maybe_reload(force=forced)
        finally:
            log.info("stopping: waiting for checks in flight")
            self.stopping.set()
            if self.scheduler.running:
                self.scheduler.shutdown(wait=True)
            sender_stop.set()
            if sender_thread is not None:
                sender_thread.join(timeout=30)
            self.fetcher.close()
            restore()
            log.info("stopped")

    def _prune(self) -> None:
        """Forget fetch rows older than the watchlist's keep_fetches (versions and changes are
        kept for ever; so are each outage's first and last failed fetch)."""
        if self.stopping.is_set():
            return
        before = self.store.clock() - timedelta(seconds=self.watchlist.keep_fetches_seconds)
        try:
            removed = self.store.prune_fetches(iso(before), stop=self.stopping.is_set)
        except Exception as e:
            if not (storage := storage_error(e)):
                raise
            log.error("fetch history not pruned: storage error: %s; tried again tomorrow", storage)
            return
        log.info("fetch history pruned: %d fetch rows from before %s removed", removed, iso(before))

    def _tick(self) -> None:
        """The daemon's heartbeat: the lock file's mtime (what /healthz reads as its last tick)."""
        with contextlib.suppress(OSError):
            os.utime(f"{self.store.path}.lock")

    def _start_sender(self, sender_stop: threading.Event) -> threading.Thread | None:
        if not self.with_sender:
            return None
        from monitor.alerts import Sender

        self.sender = Sender(self.store, self.watchlist, clock=self.store.clock)
        thread = threading.Thread(target=self._run_sender, args=(sender_stop,), name="sender", daemon=True)
        thread.start()
        return thread

    def _run_sender(self, sender_stop: threading.Event) -> None:
        # The sender must outlive a bad delivery: restart its loop unless we are stopping.
        while not sender_stop.is_set():
            try:
                self.sender.run(sender_stop)
            except Exception:  # noqa: BLE001
                log.exception("alert sender failed; restarting it in 5 s")
                sender_stop.wait(5)

    def _log_start(self) -> None:
        jobs = [j for j in self.scheduler.get_jobs() if j.id != PRUNE_JOB]
        jobs.sort(key=lambda j: j.next_run_time)
        log.info("watching %d policies from %s (%d check threads)", len(jobs), self.path,
                 self.watchlist.fetch.max_workers)
        for job in jobs[:5]:
            log.info("  next: %s at %s", job.id, _fmt(job.next_run_time))
        if len(jobs) > 5:
            log.info("  ... last: %s at %s", jobs[-1].id, _fmt(jobs[-1].next_run_time))

    # -- jobs

    def _schedule(self, policies: Iterable[PolicyConfig], last_checked: dict[str, str]) -> None:
        now = self.store.clock()
        count = len(self.policies) + len(policies)
        for policy in policies:
            self.policies[policy.id] = policy
            interval = interval_of(policy)
            trigger = self._trigger(policy.id, interval, last_checked.get(policy.id), now, count)
            self.scheduler.add_job(
                self._run_check, trigger=trigger,
                args=(policy.id,), id=policy.id, name=policy.id, replace_existing=True,
            )

    def _trigger(
        self, policy_id: str, interval: float, last_check: str | None, now: datetime, policies: int
    ) -> IntervalTrigger:
        start = first_run(policy_id, interval, last_check, now, policies=policies,
                          failures=self.failures.get(policy_id, 0))
        return IntervalTrigger(seconds=interval, start_date=start, jitter=jitter_of(interval) or None,
                               timezone=timezone.utc)

    def _run_check(self, policy_id: str) -> None:
        if self.stopping.is_set():
            return
        policy = self.policies.get(policy_id)
        if policy is None:  # removed by a reload after this run was queued
            return
        outcome = check_policy(policy, store=self.store, fetcher=self.fetcher, watchlist=self.watchlist)
        level = logging.WARNING if outcome.outcome in ("failed", "suspect") else logging.INFO
        log.log(level, format_outcome(policy, outcome))
        self._retry_sooner(policy, outcome.outcome in ("failed", "suspect"))

    def _retry_sooner(self, policy: PolicyConfig, failed: bool) -> None:
        """After a failure, the next check in retry_delay(); after recovery, back on the interval."""
        interval = interval_of(policy)
        if failed:
            n = self.failures[policy.id] = self.failures.get(policy.id, 0) + 1
            delay = retry_delay(n, interval)
            if delay >= interval:
                return
            log.info("%s: next try in %s (failed %d time%s in a row)", policy.id, _fmt_delay(delay), n,
                     "" if n == 1 else "s")
        elif self.failures.pop(policy.id, None):
            delay = interval
        else:
            return
        start = self.store.clock() + timedelta(seconds=delay)
        trigger = IntervalTrigger(seconds=interval, start_date=start, timezone=timezone.utc)
        try:
            self.scheduler.reschedule_job(policy.id, trigger=trigger)
        except Exception:  # JobLookupError: removed by a reload meanwhile
            log.debug("%s: no job to reschedule", policy.id)

    # -- watchlist reload

    def _maybe_reload(self, force: bool = False) -> None:
        """Reload when the watchlist, a policy source or a source folder's listing changed (a few
        stat calls per poll), or on SIGHUP; a load that fails keeps the last good list."""
        if not force and not stale(self.stamps):
            return
        if force:
            log.info("received SIGHUP: reloading %s", self.path)
        from monitor.config.watchlist import load_watchlist

        stamps: dict[str, Stamp] = {}
        try:
            new = load_watchlist(self.path, stamps=stamps)
        except MonitorError as e:
            log.error("watchlist not reloaded, keeping the last good one: %s", e)
            return
        except Exception as e:  # noqa: BLE001 - a bad file never stops the daemon
            log.error("watchlist not reloaded, keeping the last good one: %s: %s", self.path, e)
            return
        finally:
            self.stamps = stamps  # what this attempt read, fixed or not: its next edit is noticed
        try:
            self.reload(new)
        except Exception as e:  # noqa: BLE001 - e.g. the database busy: keep running, retry on next edit
            if storage := storage_error(e):
                log.error("watchlist reload failed: storage error: %s; retried on the next edit", storage)
            else:
                log.exception("watchlist reload failed; the schedule may be partly updated")

    def reload(self, new: Watchlist) -> None:
        """Apply a new watchlist: add, remove and reschedule jobs; mirror the policies in the store."""
        old = self.policies
        wanted = {p.id: p for p in new.policies}
        self.store.sync_policies(new.policies)
        if new.fetch != self.watchlist.fetch:
            from monitor.fetch.http import HttpFetcher

            # Checks in flight keep the old fetcher; new checks use the new settings. The number
            # of check threads (max_workers) is fixed until a restart.
            self.fetcher = HttpFetcher(new.fetch)
            log.info("fetch settings changed (max_workers takes effect on restart)")
        self.watchlist = new
        if getattr(self, "sender", None) is not None and hasattr(self.sender, "watchlist"):
            self.sender.watchlist = new
        removed = [pid for pid in old if pid not in wanted]
        for pid in removed:
            self.policies.pop(pid, None)
            if self.scheduler.get_job(pid) is not None:
                self.scheduler.remove_job(pid)
        added = [p for p in new.policies if p.id not in old]
        if added:
            self._schedule(added, self.store.last_checked_at())
        rescheduled = 0
        now = self.store.clock()
        last_checked: dict[str, str] | None = None
        for p in new.policies:
            before = old.get(p.id)
            if before is None:
                continue
            self.policies[p.id] = p
            if interval_of(before) != interval_of(p):
                last_checked = last_checked if last_checked is not None else self.store.last_checked_at()
                trigger = self._trigger(p.id, interval_of(p), last_checked.get(p.id), now, len(wanted))
                self.scheduler.reschedule_job(p.id, trigger=trigger)
                rescheduled += 1
        log.info("watchlist reloaded: %d policies (%d added, %d removed, %d rescheduled)",
                 len(wanted), len(added), len(removed), rescheduled)


def _fmt_delay(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds >= 60 else f"{seconds:.1f} s"


def _fmt(dt: datetime | None) -> str:
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ") if dt else "never"


def _install_signals(stop: threading.Event, hangup: threading.Event) -> Any:
    """SIGTERM/SIGINT set `stop`, SIGHUP sets `hangup` (reload), as daemons do (main thread only);
    returns a function restoring the old handlers."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def handler(signum: int, frame: Any) -> None:
        log.info("received %s", signal.Signals(signum).name)
        stop.set()

    def on_hangup(signum: int, frame: Any) -> None:
        hangup.set()  # the main loop reloads; nothing else is safe inside a signal handler

    old = {s: signal.signal(s, handler) for s in (signal.SIGTERM, signal.SIGINT)}
    old[signal.SIGHUP] = signal.signal(signal.SIGHUP, on_hangup)

    def restore() -> None:
        for s, h in old.items():
            signal.signal(s, h)

    return restore
