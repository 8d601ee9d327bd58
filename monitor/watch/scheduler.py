"""The daemon: every policy checked on its own interval, for months, on APScheduler 3.x.

In: the watchlist file (watched and reloaded when it changes) and the database path.
Out: checks recorded in the store (check.py does each one), one log line per check, alerts
delivered by the Sender thread, exit code 0 after a clean stop, 3 when another daemon holds the
database, 2 when the watchlist cannot be loaded at start.

Scheduling from the store, one design for ten policies or a million: the watchlist is streamed
into the `policies` table (each entry as `config` JSON; monitor/store/schedule.py), and each
policy's next check is its row's `next_check_at`. APScheduler drives a dispatch tick (and the
heartbeat, and the prune job): each tick takes the due rows, the most overdue first, LIMITed to the free check
threads, and hands them to the check pool; a check finishing dispatches again at once. The ids in
flight are kept in a set, so a policy is never checked twice at once; the daemon holds no
PolicyConfig but those of the checks under way, each built from its row when its check runs.
After a check, next_check_at = the check's start + its interval (plus up to jitter_of() late),
or sooner after a failed (or suspect) check: RETRY_BASE, then twice that, and so on up to its
interval, so "unreachable" fires within minutes of the first failure rather than after
`failure_threshold` full intervals; the failures in a row come from the store, so a restart
resumes that backoff (monitor/watch/timing.py, which `status` also uses to show the next check).
At start the overdue and the never-checked policies are spread over their first interval (at
most SPREAD_MAX) by an offset derived from the id, so a restart neither bursts every policy at
once nor skips one; a policy added by a reload, or given a new interval, is planned the same way
from its last check.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import signal
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor as CheckPool
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from monitor.clock import Clock, iso, system_clock
from monitor.config.sources import Stamp, file_stamp, stale
from monitor.errors import MonitorError
from monitor.lang import prefilter, startup_cache
from monitor.models import PolicyConfig, Watchlist
from monitor.store.connection import storage_error
from monitor.store.schedule import (
    FirstChecks,
    PolicyStaging,
    ScheduledPolicy,
    SyncCounts,
    policy_from_config,
    spread_fraction,
)
from monitor.watch.check import check_policy, format_outcome
from monitor.watch.signals import relay_signals
from monitor.watch.timing import (
    INTERVAL_ENV,
    effective_interval,
    interval_of,
    next_check_at,
    next_delay,
    retry_delay,
)

__all__ = ["Daemon", "first_run", "interval_of", "retry_delay", "run_daemon", "spread_offset"]

log = logging.getLogger("monitor.daemon")

EXIT_OK, EXIT_BAD_WATCHLIST, EXIT_LOCKED = 0, 2, 3
SPREAD_MAX = 3600.0  # seconds over which overdue policies are spread after a restart
SPREAD_PER_POLICY = 1.0  # ... but a short list is not kept waiting: about a second per policy
WATCH_POLL = float(os.environ.get("POLICY_MONITOR_WATCH_POLL", "2"))  # watchlist mtime poll, seconds
DISPATCH_EVERY = float(os.environ.get("POLICY_MONITOR_DISPATCH_EVERY", "1"))  # due-work poll, seconds
PRUNE_JOB = "~prune-fetches"
DISPATCH_JOB = "~dispatch"
HEARTBEAT_JOB = "~heartbeat"
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
    from monitor.config.watchlist import stream_watchlist
    from monitor.store import Store

    stop = stop or threading.Event()
    # a daemon runs for months: it may build the lexicons' Hyperscan databases once (seconds, in
    # a thread: no check waits for it), which every later check and short command then loads
    prefilter.allow_building(background=True)
    # APScheduler logs every job start and end at INFO: our own line per check says more.
    for name in ("apscheduler.executors.default", "apscheduler.scheduler"):
        logging.getLogger(name).setLevel(logging.WARNING)
    stamps: dict[str, Stamp] = {}
    store = Store(db_path, clock=clock)  # thread-safe: one lock around each call, one transaction per write
    try:
        # The list is staged (temporary tables) before the lock: a bad one exits 2 whoever runs.
        # When the store mirrors it and no file it was read from changed, its policies are not
        # read again (a million take a minute): only the watchlist's own settings are.
        mirrored = store.mirrored_sources(str(Path(watchlist_path).resolve()))
        unchanged = mirrored is not None and not stale(mirrored)
        staging: PolicyStaging | None = store.staging()
        try:
            watchlist = stream_watchlist(watchlist_path, staging, stamps=stamps, sources=not unchanged)
        except MonitorError as e:
            log.error("cannot start: %s", e)
            return EXIT_BAD_WATCHLIST
        if unchanged and staging is not None:
            staging.discard()
            staging, stamps = None, mirrored
        try:
            store.acquire_daemon_lock()
        except MonitorError as e:
            log.error("%s; exiting", e)
            return EXIT_LOCKED
        if started is not None:
            started()
        Daemon(
            Path(watchlist_path), store, watchlist, stop, sender=sender, stamps=stamps, staging=staging
        ).run()
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
    return window * spread_fraction(policy_id)


def first_run(
    policy_id: str,
    interval: float,
    last_check: str | None,
    now: datetime,
    *,
    policies: int = 1 << 30,
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


def first_checks(now: datetime, policies: int) -> FirstChecks:
    """first_run(id, interval, None, now, policies=policies) of every policy never checked, as the
    store works it out for a first start's million rows in SQL (the same second: tests)."""
    override = os.environ.get(INTERVAL_ENV)
    return FirstChecks(
        now.timestamp(), min(SPREAD_MAX, SPREAD_PER_POLICY * policies), float(override) if override else None
    )


class Daemon:
    """The scheduler, the watchlist watcher and the alert sender of one running daemon."""

    def __init__(
        self,
        watchlist_path: Path,
        store: Any,
        watchlist: Watchlist,
        stop: threading.Event,
        *,
        sender: bool = True,
        stamps: dict[str, Stamp] | None = None,
        staging: PolicyStaging | None = None,
    ) -> None:
        from monitor.fetch.http import HttpFetcher

        self.path, self.store, self.watchlist, self.stop = watchlist_path, store, watchlist, stop
        self.staging = staging  # the watchlist as loaded at start (None: the store mirrors it already)
        self.with_sender = sender
        self.fetcher = HttpFetcher(watchlist.fetch)
        self.stopping = threading.Event()  # set first on stop: queued checks return at once
        self.hangup = threading.Event()  # SIGHUP: reload the watchlist now, changed or not
        self.threads = check_threads(watchlist.fetch.max_workers)
        self.pool = CheckPool(self.threads, thread_name_prefix="check")
        self.in_flight: set[str] = set()  # ids whose check is submitted and not yet ended
        self._dispatching = threading.Lock()
        self.scheduler = BackgroundScheduler(
            executors={"default": ThreadPoolExecutor(3)},  # dispatch, heartbeat, prune
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
            if self.staging is not None:
                self._apply(self.staging, overdue=True)
                self.staging = None
            else:
                log.info("policies as mirrored in the store (no policy file changed since)")
                self._plan(self.store.active_count(), overdue=True)
            now = self.store.clock()
            self.scheduler.add_job(
                self._dispatch,
                trigger=IntervalTrigger(seconds=DISPATCH_EVERY, start_date=now, timezone=timezone.utc),
                id=DISPATCH_JOB,
                name="dispatch due checks",
                replace_existing=True,
            )
            # the heartbeat goes on while the main loop streams a long watchlist (a minute a million)
            self.scheduler.add_job(
                self._tick,
                trigger=IntervalTrigger(seconds=WATCH_POLL, start_date=now, timezone=timezone.utc),
                id=HEARTBEAT_JOB,
                name="heartbeat",
                replace_existing=True,
            )
            self.scheduler.add_job(
                self._prune,
                trigger=IntervalTrigger(
                    seconds=PRUNE_EVERY,
                    start_date=now + timedelta(seconds=PRUNE_FIRST_AFTER),
                    timezone=timezone.utc,
                ),
                id=PRUNE_JOB,
                name="prune fetch history",
                replace_existing=True,
            )
            self._log_start()
            self.scheduler.start()
            self._dispatch()  # what is due now, without waiting for the first tick
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
            self.pool.shutdown(wait=True, cancel_futures=True)
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
        head, last = self.store.schedule_ends(5)
        log.info(
            "watching %d policies from %s (%d check threads)",
            self.store.active_count(),
            self.path,
            self.watchlist.fetch.max_workers,
        )
        for pid, at in head:
            log.info("  next: %s at %s", pid, at)
        if last is not None and len(head) == 5 and last[0] not in {pid for pid, _ in head}:
            log.info("  ... last: %s at %s", *last)

    # -- the schedule, in the store

    def _apply(self, staging: PolicyStaging, *, overdue: bool = False) -> SyncCounts:
        """Mirror a loaded watchlist in the store and plan the policies without a next check
        (with `overdue`, at start, also spread those whose time passed while the daemon was down)."""
        counts = self.store.apply_staged(
            staging,
            watchlist=str(self.path.resolve()),
            stamps=self.stamps,
            first_checks=first_checks(self.store.clock(), staging.count),
        )
        self._plan(counts.policies, overdue=overdue)
        return counts

    def _plan(self, policies: int, *, overdue: bool) -> None:
        """A next check for every policy without one (first_run, over a window that grows with
        the list's length), and with `overdue` for those whose time has passed."""
        now = self.store.clock()

        def plan(policy_id: str, interval: int, last_check: str | None, failures: int) -> datetime:
            return first_run(
                policy_id, effective_interval(interval), last_check, now, policies=policies, failures=failures
            )

        self.store.plan(now, plan, overdue=overdue)

    def _dispatch(self) -> None:
        """Hand the due policies to the check threads, never one already in flight. Called by the
        tick and by each check as it ends; a call while another dispatches leaves it to that one."""
        if self.stopping.is_set() or not self._dispatching.acquire(blocking=False):
            return
        try:
            free = self.threads - len(self.in_flight)
            if free <= 0:
                return
            # in-flight rows are still due (their next check is written when they end): skip them.
            # The ones in flight when the rows were read count too: a check that ends meanwhile
            # leaves the read row stale (its next check is written, its id no longer in flight).
            busy = set(self.in_flight)
            due = self.store.due_policies(self.store.clock(), free + len(busy))
            for row in due:
                if free <= 0 or self.stopping.is_set():
                    break
                if row.id in busy or row.id in self.in_flight:
                    continue
                self.in_flight.add(row.id)
                free -= 1
                self.pool.submit(self._run_check, row)
        except Exception as e:  # noqa: BLE001 - the database busy or full: the next tick tries again
            log.error("due checks not dispatched: %s", storage_error(e) or e)
        finally:
            self._dispatching.release()

    def _run_check(self, row: ScheduledPolicy) -> None:
        try:
            if self.stopping.is_set():
                return
            self._check(row)
        except Exception:  # noqa: BLE001 - one bad row or check never stops the daemon
            log.exception("%s: check failed", row.id)
            interval = effective_interval(row.interval_seconds or 0)
            self._write_next(row.id, self.store.clock(), retry_delay(1, interval))
        finally:
            self.in_flight.discard(row.id)
        self._dispatch()

    def _check(self, row: ScheduledPolicy) -> None:
        if row.config is None:  # a row no watchlist wrote (a fetch recorded for an unknown id)
            self._write_next(row.id, self.store.clock(), effective_interval(row.interval_seconds or 86400))
            return
        policy = policy_from_config(row.config)
        started = self.store.clock()
        outcome = check_policy(policy, store=self.store, fetcher=self.fetcher, watchlist=self.watchlist)
        level = logging.WARNING if outcome.outcome in ("failed", "suspect") else logging.INFO
        log.log(level, format_outcome(policy, outcome))
        # what comparing compiled is kept now, not only at exit, which a daemon killed (-9, OOM)
        # never reaches; nothing new (most checks) costs a lock and a test
        startup_cache.save()
        self._reschedule(policy, started, outcome.outcome in ("failed", "suspect"))

    def _reschedule(self, policy: PolicyConfig, started: datetime, failed: bool) -> None:
        """The next check: an interval (up to jitter_of() late) after this one, or retry_delay()
        after a failure, from the failures in a row the store holds."""
        interval = interval_of(policy)
        failures = self.store.retry_streak(policy.id) if failed else 0
        delay = next_delay(failures, interval)
        if failures and delay < interval:
            log.info(
                "%s: next try in %s (failed %d time%s in a row)",
                policy.id,
                _fmt_delay(delay),
                failures,
                "" if failures == 1 else "s",
            )
        elif jitter := jitter_of(interval):
            delay += random.uniform(0, jitter)  # noqa: S311 - spreading, not secrecy
        self._write_next(policy.id, started, delay)

    def _write_next(self, policy_id: str, start: datetime, delay: float) -> None:
        try:
            self.store.set_next_check(policy_id, start + timedelta(seconds=delay))
        except Exception as e:  # noqa: BLE001
            if not (storage := storage_error(e)):
                raise
            log.error("%s: next check not stored: storage error: %s", policy_id, storage)

    # -- watchlist reload

    def _load(self) -> PolicyStaging | None:
        """Stream the watchlist into a new staging area; None (logged) when it cannot be loaded."""
        from monitor.config.watchlist import stream_watchlist

        stamps: dict[str, Stamp] = {}
        staging = self.store.staging()
        try:
            self.new_watchlist = stream_watchlist(self.path, staging, stamps=stamps)
        except MonitorError as e:
            log.error("watchlist not reloaded, keeping the last good one: %s", e)
        except Exception as e:  # noqa: BLE001 - a bad file never stops the daemon
            log.error("watchlist not reloaded, keeping the last good one: %s: %s", self.path, e)
        else:
            return staging
        finally:
            self.stamps = stamps  # what this attempt read, fixed or not: its next edit is noticed
        staging.discard()
        return None

    def _maybe_reload(self, force: bool = False) -> None:
        """Reload when the watchlist, a policy source or a source folder's listing changed (a few
        stat calls per poll), or on SIGHUP; a load that fails keeps the last good list."""
        if not force and not stale(self.stamps):
            return
        if force:
            log.info("received SIGHUP: reloading %s", self.path)
        try:
            staging = self._load()
            if staging is not None:
                self.reload(self.new_watchlist, staging)
        except Exception as e:  # noqa: BLE001 - e.g. the database busy: keep running, retry on next edit
            if storage := storage_error(e):
                log.error("watchlist reload failed: storage error: %s; retried on the next edit", storage)
            else:
                log.exception("watchlist reload failed; the schedule may be partly updated")

    def reload(self, new: Watchlist, staging: PolicyStaging) -> None:
        """Apply a new watchlist: its policies mirrored in the store (the added and re-timed ones
        planned), its fetch settings and routes taken for the next checks."""
        counts = self._apply(staging)
        if new.fetch != self.watchlist.fetch:
            from monitor.fetch.http import HttpFetcher

            # Checks in flight keep the old fetcher; new checks use the new settings. The number
            # of check threads (max_workers) is fixed until a restart.
            self.fetcher = HttpFetcher(new.fetch)
            log.info("fetch settings changed (max_workers takes effect on restart)")
        self.watchlist = new
        if getattr(self, "sender", None) is not None and hasattr(self.sender, "watchlist"):
            self.sender.watchlist = new
        log.info("watchlist reloaded: %d policies (%d added, %d removed, %d rescheduled)", *counts)


def _fmt_delay(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds >= 60 else f"{seconds:.1f} s"


def _install_signals(stop: threading.Event, hangup: threading.Event) -> Callable[[], None]:
    """SIGTERM/SIGINT set `stop`, SIGHUP sets `hangup` (reload), as daemons do (main thread only);
    returns a function restoring the old handlers. The events are set by a relay thread, never in
    the handler (see monitor.watch.signals)."""

    def stopping(name: str) -> Callable[[], None]:
        def action() -> None:
            log.info("received %s", name)
            stop.set()

        return action

    return relay_signals(
        {
            signal.SIGTERM: stopping("SIGTERM"),
            signal.SIGINT: stopping("SIGINT"),
            signal.SIGHUP: hangup.set,  # the main loop reloads
        }
    )
