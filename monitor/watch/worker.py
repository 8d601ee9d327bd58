"""A worker: one of any number of processes, on any number of machines, sharing one PostgreSQL
database's checks (`policy-monitor worker WATCHLIST --db postgresql://...`).

In: the watchlist file (every worker is started with the same one; each reloads it when it
changes) and the database URL. Out: checks recorded in the store (check.py does each one), one
log line per check, alerts delivered, exit code 0 after a clean stop (SIGTERM/SIGINT), 2 when
the watchlist cannot be loaded at start, 1 when the database connection was lost (a supervisor
restarts the worker; its leases run out meanwhile and other workers take its policies).

How the work is shared (monitor/store/leases.py holds the SQL):
- a due policy (next_check_at NULL or past) is claimed with a lease (owner, expiry) by
  SELECT .. FOR UPDATE SKIP LOCKED; the worker renews its leases every third of LEASE_SECONDS
  while it checks them, so a worker that dies loses them within LEASE_SECONDS and another takes
  those policies; finishing a check sets next_check_at (the check's start + next_delay(retry
  streak, interval) + up to the daemon's jitter) and ends the lease in one statement;
- right before each request (the fetcher's host gate), the worker takes the host's next slot
  from the `hosts` table: two requests to one host, from any workers, start at least
  fetch.per_host_delay apart (the machines' clocks are assumed in step, as NTP keeps them);
- alerts are claimed from the outbox the same way (owner, expiry, SKIP LOCKED), so each is
  delivered once whichever worker sends it;
- one worker leads (a session advisory lock, released when its process or connection dies, and
  taken by the next worker that asks): it mirrors the watchlist into the store (sync_policies),
  gathers digests and prunes the fetch history. Only the leader does those.
A policy's settings come from the worker's own watchlist, looked up by the claimed id.
"""

from __future__ import annotations

import logging
import os
import random
import signal
import socket
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

from monitor.alerts.sender import Sender
from monitor.clock import Clock, iso, system_clock
from monitor.config.sources import Stamp, stale
from monitor.errors import MonitorError
from monitor.lang import prefilter
from monitor.models import PolicyConfig, Watchlist
from monitor.store import Store, storage_error
from monitor.store.pg import WORKER_SESSION
from monitor.watch.check import check_policy, format_outcome
from monitor.watch.scheduler import jitter_of
from monitor.watch.signals import relay_signals
from monitor.watch.timing import interval_of, next_delay

log = logging.getLogger("monitor.worker")

EXIT_OK, EXIT_LOST_DATABASE, EXIT_BAD_WATCHLIST = 0, 1, 2
LEASE_ENV = "POLICY_MONITOR_LEASE_SECONDS"  # tests: leases that run out in seconds
POLL_ENV = "POLICY_MONITOR_WORKER_POLL"  # seconds between looks for due work when idle
SENDER_ENV = "POLICY_MONITOR_SENDER_INTERVAL"
PRUNE_EVERY = 24 * 3600.0
UNKNOWN_POLICY_RETRY = 300.0  # a policy this worker's watchlist lacks is left for this long


def lease_seconds() -> float:
    return float(os.environ.get(LEASE_ENV) or 120.0)


def poll_seconds() -> float:
    return float(os.environ.get(POLL_ENV) or 2.0)


def run_worker(
    watchlist_path: Path,
    url: str,
    *,
    stop: threading.Event | None = None,
    clock: Clock = system_clock,
) -> int:
    """Run until `stop` is set or SIGTERM/SIGINT arrives; return the process exit code."""
    from monitor.config.watchlist import load_watchlist

    stop = stop or threading.Event()
    # a long-lived process: build the lexicons' Hyperscan databases once, in a thread
    prefilter.allow_building(background=True)
    stamps: dict[str, Stamp] = {}
    try:
        watchlist = load_watchlist(watchlist_path, stamps=stamps)
    except MonitorError as e:
        log.error("cannot start: %s", e)
        return EXIT_BAD_WATCHLIST
    store = Store(url, clock=clock)
    restore = _install_signals(stop)
    try:
        if not store.postgres:
            raise MonitorError(
                "workers share a PostgreSQL database (--db postgresql://...); "
                "on a SQLite file, run `policy-monitor run`"
            )
        store.name_session(WORKER_SESSION)  # how the web app's /healthz sees this worker alive
        worker = Worker(watchlist_path, store, watchlist, stop, stamps=stamps)
        worker.run()
    finally:
        restore()
        store.close()  # also ends the session: its leader lock goes with it
    return EXIT_LOST_DATABASE if worker.lost_database else EXIT_OK


class _WorkerSender(Sender):
    """The outbox sender of a worker: digests are gathered by the leader alone."""

    leading: Callable[[], bool] = staticmethod(lambda: False)

    def flush_digests(self, moment: datetime) -> int:
        return super().flush_digests(moment) if self.leading() else 0


class Worker:
    """The claim loop, the check threads, the lease heartbeat and the sender of one worker."""

    def __init__(
        self,
        watchlist_path: Path,
        store: Store,
        watchlist: Watchlist,
        stop: threading.Event,
        *,
        stamps: dict[str, Stamp] | None = None,
        owner: str | None = None,
    ) -> None:
        from monitor.fetch.http import HttpFetcher

        self.path, self.store, self.stop = watchlist_path, store, stop
        self.stamps = stamps if stamps is not None else {}
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.lease, self.poll = lease_seconds(), poll_seconds()
        self.capacity = max(1, watchlist.fetch.max_workers)
        self.fetcher = HttpFetcher(watchlist.fetch, host_slot=self._host_slot)
        self._use(watchlist)
        self.in_flight: set[str] = set()
        self._flight_lock = threading.Lock()
        self._reload_lock = threading.Lock()  # the loop and a check thread may both reload
        self.wake = threading.Event()  # a check finished: there is room to claim more
        self.alerts_raised = threading.Event()
        self.leading = False
        self.lost_database = False
        self._next_prune: datetime | None = None
        self._next_renew = datetime.min.replace(tzinfo=store.clock().tzinfo)
        self.sender = _WorkerSender(
            store, watchlist, clock=store.clock, owner=self.owner, claim_seconds=self.lease
        )
        self.sender.leading = lambda: self.leading

    def _use(self, watchlist: Watchlist) -> None:
        self.watchlist = watchlist
        self.by_id: dict[str, PolicyConfig] = {p.id: p for p in watchlist.policies}

    # --- the loop ------------------------------------------------------------------------------

    def run(self) -> None:
        sender_stop = threading.Event()
        sender = threading.Thread(target=self._send, args=(sender_stop,), name="sender", daemon=True)
        sender.start()
        pool = ThreadPoolExecutor(self.capacity, thread_name_prefix="check")
        log.info(
            "worker %s: %d policies in the watchlist, %d check threads",
            self.owner,
            len(self.by_id),
            self.capacity,
        )
        try:
            while not self.stop.is_set():
                try:
                    claimed = self._step(pool)
                except Exception as e:  # a failed statement: try again on the next loop
                    if self.store.connection_lost():
                        log.error("the database connection was lost (%s); stopping", e)
                        self.lost_database = True
                        self.stop.set()
                        break
                    if storage := storage_error(e):
                        log.error("storage error: %s", storage)
                    else:
                        log.exception("worker step failed")
                    claimed = 0
                if not claimed:
                    self.wake.wait(self.poll)
                    self.wake.clear()
        finally:
            log.info("stopping: waiting for checks in flight")
            pool.shutdown(wait=True)
            try:
                self.store.release_leases(self.owner)
            except Exception:  # noqa: BLE001 - the leases run out by themselves
                log.exception("could not release the leases; they run out in %.0f s", self.lease)
            sender_stop.set()
            self.alerts_raised.set()
            sender.join(timeout=30)
            self.fetcher.close()
            log.info("stopped")

    def _step(self, pool: ThreadPoolExecutor) -> int:
        """Lead if nobody does, renew the leases when due, claim as many due policies as there are
        free check threads. Returns how many were claimed."""
        self._reload_if_changed()
        self._lead()
        now = self.store.clock()
        if now >= self._next_renew:
            self.store.renew_leases(self.owner, iso(now), iso(now + timedelta(seconds=self.lease)))
            self._next_renew = now + timedelta(seconds=self.lease / 3)
        with self._flight_lock:
            free = self.capacity - len(self.in_flight)
        if free <= 0:
            return 0
        ids = self.store.claim_policies(self.owner, iso(now), iso(now + timedelta(seconds=self.lease)), free)
        for policy_id in ids:
            with self._flight_lock:
                self.in_flight.add(policy_id)
            pool.submit(self._check_one, policy_id)
        return len(ids)

    def _lead(self) -> None:
        was, self.leading = self.leading, self.store.try_lead()
        if self.leading and not was:
            log.info("worker %s leads: syncing the watchlist, digests, pruning", self.owner)
            self.store.sync_policies(self.watchlist.policies)
            self._next_prune = self.store.clock() + timedelta(seconds=60)
        elif was and not self.leading:
            log.warning("worker %s lost the leader lock (its database session was lost)", self.owner)
        if self.leading and self._next_prune is not None and self.store.clock() >= self._next_prune:
            self._next_prune = self.store.clock() + timedelta(seconds=PRUNE_EVERY)
            # in a thread of its own: a long prune must not hold up this loop's lease renewals
            threading.Thread(target=self._prune, name="prune", daemon=True).start()

    def _prune(self) -> None:
        """Forget fetch rows older than the watchlist's keep_fetches (policy by policy, one short
        transaction each; versions and changes are kept for ever)."""
        before = self.store.clock() - timedelta(seconds=self.watchlist.keep_fetches_seconds)
        try:
            removed = self.store.prune_fetches(iso(before), stop=self.stop.is_set)
        except Exception:  # noqa: BLE001 - tried again tomorrow
            log.exception("fetch history not pruned; tried again in a day")
            return
        log.info("fetch history pruned: %d fetch rows from before %s removed", removed, iso(before))

    def _reload_if_changed(self) -> None:
        with self._reload_lock:
            if not self.stamps or not stale(self.stamps):
                return
            from monitor.config.watchlist import load_watchlist

            stamps: dict[str, Stamp] = {}
            try:
                new = load_watchlist(self.path, stamps=stamps)
            except MonitorError as e:
                log.error("watchlist not reloaded, keeping the last good one: %s", e)
                self.stamps = stamps or self.stamps
                return
            self.stamps = stamps
            self._use(new)
            self.sender.watchlist = new
            log.info("watchlist reloaded: %d policies", len(self.by_id))
            if self.leading:
                self.store.sync_policies(new.policies)

    # --- one check -------------------------------------------------------------------------------

    def _check_one(self, policy_id: str) -> None:
        try:
            policy = self.by_id.get(policy_id)
            if policy is None:
                # the leader synced an edited watchlist this worker has not reloaded yet: read it now
                self._reload_if_changed()
                policy = self.by_id.get(policy_id)
            if policy is None:  # not in this worker's watchlist even as the file stands now
                log.warning(
                    "%s: not in this worker's watchlist; left for %.0f s", policy_id, UNKNOWN_POLICY_RETRY
                )
                later = self.store.clock() + timedelta(seconds=UNKNOWN_POLICY_RETRY)
                self.store.finish_lease(policy_id, self.owner, iso(later))
                return
            started = self.store.clock()
            outcome = check_policy(policy, store=self.store, fetcher=self.fetcher, watchlist=self.watchlist)
            level = logging.WARNING if outcome.outcome in ("failed", "suspect") else logging.INFO
            log.log(level, format_outcome(policy, outcome))
            interval = interval_of(policy)
            delay = next_delay(self.store.retry_streak(policy.id), interval)
            delay += random.uniform(0, jitter_of(interval))
            if not self.store.finish_lease(policy.id, self.owner, iso(started + timedelta(seconds=delay))):
                log.warning(
                    "%s: the lease ran out during the check (another worker may check it again)", policy.id
                )
            if outcome.alerts:
                self.alerts_raised.set()
        except Exception:  # noqa: BLE001 - the lease runs out and another worker tries again
            log.exception("%s: check failed in the worker", policy_id)
        finally:
            with self._flight_lock:
                self.in_flight.discard(policy_id)
            self.wake.set()

    def _host_slot(self, host: str, delay: float) -> float:
        """Seconds until this request to `host` may start: the host's next slot, shared by every
        worker through the database (the fetcher asks just before each request, redirects and
        retries included)."""
        slot = self.store.reserve_host(host, self.store.clock(), delay)
        return max(0.0, (slot - self.store.clock()).total_seconds())

    # --- alerts ------------------------------------------------------------------------------------

    def _send(self, stop: threading.Event) -> None:
        interval = float(os.environ.get(SENDER_ENV) or 5.0)
        while not stop.is_set():
            try:
                self.sender.deliver_due()
            except Exception as e:  # noqa: BLE001 - a bad pass must not end the thread; rows stay pending
                if storage := storage_error(e):
                    log.error("alert sender pass failed: storage error: %s", storage)
                else:
                    log.exception("alert sender pass failed")
            self.alerts_raised.wait(interval)
            self.alerts_raised.clear()


def _install_signals(stop: threading.Event) -> Callable[[], None]:
    """SIGTERM and SIGINT set `stop` (only from the main thread; elsewhere nothing changes), from a
    relay thread, never in the handler (see monitor.watch.signals)."""

    def stopping(signum: int) -> Callable[[], None]:
        def action() -> None:
            log.info("received signal %d: stopping", signum)
            stop.set()

        return action

    return relay_signals({s: stopping(s) for s in (signal.SIGTERM, signal.SIGINT)})
