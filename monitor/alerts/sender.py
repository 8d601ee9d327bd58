"""The sender: delivers the outbox's due alerts through their routes' channels, with retries.

In: the Store's outbox (alerts the check stage wrote in the same transaction as their version),
the Watchlist's routes, a clock. Out: counts of what a pass did and what is left; outbox rows
marked delivered, failed (with the next attempt
time: exponential backoff with jitter) or dead (after the route's max_attempts); digests gathered.

Each pass claims due rows in batches (an owner and an expiry, set in one transaction) before
sending them, so any number of senders (the daemon, `check` runs from cron, several workers)
deliver each alert once, and a pass goes on until nothing is due. A row is marked delivered right
after the channel returns. A crash between the two (a window of milliseconds) sends that alert
again on restart, with the SAME id (Message-ID <alert_id@sender-domain>, webhook-id alert_id), so receivers
de-duplicate on it; the claim of a sender that died expires after CLAIM_SECONDS and another
sender takes the row. Pending rows survive any crash, because they live in the database.
"""

from __future__ import annotations

import logging
import os
import random
import socket
import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TextIO

from monitor.alerts.channels import DeliveryError, channel_for
from monitor.alerts.payload import digest_payload, make_alert_id, sample_test_payload
from monitor.alerts.routing import resolve_route
from monitor.clock import as_datetime, iso, parse_iso, system_clock
from monitor.errors import MonitorError
from monitor.models import RouteConfig, Watchlist
from monitor.procs import pid_running
from monitor.store import NewAlert, OutboxAlert, Store, storage_error

log = logging.getLogger(__name__)

# permanent failures (a webhook's 404, a bad config) are tried this many times at most
PERMANENT_ATTEMPTS = 3
INTERVAL_ENV = "POLICY_MONITOR_SENDER_INTERVAL"
BACKOFF_ENV = "POLICY_MONITOR_SENDER_BACKOFF"  # seconds before the first retry (tests, drills)
BATCH = 50  # rows claimed at a time
# How long a claim holds. A batch is sent well within it (each send has its channel's timeout);
# a sender killed mid-batch leaves its rows to the others after it.
CLAIM_SECONDS = 15 * 60.0


class Sender:
    def __init__(
        self,
        store: Store,
        watchlist: Watchlist,
        *,
        clock: Callable[[], datetime | str] | None = None,
        backoff_base: float | None = None,
        backoff_max: float = 6 * 3600.0,
        console_stream: TextIO | None = None,
        jitter: Callable[[], float] = random.random,
        owner: str | None = None,
        batch: int = BATCH,
        claim_seconds: float = CLAIM_SECONDS,
    ) -> None:
        self.store, self.watchlist = store, watchlist
        self.clock = clock or store.clock  # the store's clock unless told otherwise
        # the first retry after 30 s unless told otherwise (POLICY_MONITOR_SENDER_BACKOFF: tests)
        if backoff_base is None:
            backoff_base = float(os.environ.get(BACKOFF_ENV) or 30.0)
        self.backoff_base, self.backoff_max = backoff_base, backoff_max
        self.console_stream, self.jitter = console_stream, jitter
        # who holds a claim: host, process and this sender, so two senders in one process differ
        self.owner = owner or f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.batch, self.claim_seconds = batch, claim_seconds

    def deliver_due(self, now: datetime | str | None = None) -> dict[str, int]:
        """One pass: gather due digests, then try every due alert once, claiming them in batches
        until none is left that no other sender holds. Returns counts: delivered, retry, dead,
        digests (Store.outbox_backlog says what is left)."""
        moment = as_datetime(self.clock() if now is None else now)
        counts = {"delivered": 0, "retry": 0, "dead": 0, "digests": self.flush_digests(moment)}
        self.release_orphans()
        after = 0  # each row is tried at most once per pass, even when its retry is due at once
        while True:
            # each batch's claim runs from the clock's time now, so that a long pass never sends
            # rows whose claim had already run out when they were claimed
            at = moment if now is not None else max(moment, self.now())
            until = at + timedelta(seconds=self.claim_seconds)
            claimed = self.store.claim_due(self.owner, iso(at), iso(until), self.batch, after=after)
            if not claimed:
                break
            for alert in claimed:
                after = max(after, alert.id)
                # A slow channel can make a batch outlast its claim; a row whose claim ran out
                # may be another sender's now, so each row's claim is renewed before it is sent.
                at = moment if now is not None else max(moment, self.now())
                until = at + timedelta(seconds=self.claim_seconds)
                if not self.store.renew_claim(alert.id, self.owner, iso(at), iso(until)):
                    log.warning(
                        "alert %s: claim ran out before it was sent; left for another pass or sender",
                        alert.alert_id,
                    )
                    continue
                counts[self._deliver_one(alert, at)] += 1
        return counts

    def release_orphans(self) -> int:
        """Release the claims of senders on this host whose process has gone (killed mid-send),
        so their alerts need not wait for the claims to expire. Returns how many were released."""
        released = 0
        host = socket.gethostname()
        for owner in self.store.claim_owners():
            o_host, _, rest = owner.partition(":")
            pid = rest.partition(":")[0]
            if o_host == host and pid.isdigit() and not pid_running(int(pid)):
                released += self.store.release_claims(owner)
        return released

    def run(self, stop: threading.Event, interval: float = 5.0) -> None:
        """The daemon's sender thread: a pass every `interval` seconds until `stop` is set.
        POLICY_MONITOR_SENDER_INTERVAL (seconds) overrides the interval, for tests."""
        interval = float(os.environ.get(INTERVAL_ENV) or interval)
        while not stop.is_set():
            try:
                self.deliver_due()
            except Exception as e:  # a bad pass must not end the thread; the rows stay pending
                if storage := storage_error(e):
                    log.error("alert sender pass failed: storage error: %s; alerts stay pending", storage)
                else:
                    log.exception("alert sender pass failed")
            stop.wait(interval)

    def _deliver_one(self, alert: OutboxAlert, moment: datetime) -> str:
        route = resolve_route(self.watchlist, alert.route)
        try:
            if route is None:
                raise DeliveryError(f"route {alert.route!r} is not in the watchlist", permanent=True)
            channel_for(route, console_stream=self.console_stream).send(route, alert.alert_id, alert.payload)
        except DeliveryError as exc:
            return self._failed(alert, route, str(exc), exc.permanent, moment)
        except Exception as exc:  # a bug in a channel: keep the alert, retry later
            log.exception("channel crashed on alert %s", alert.alert_id)
            return self._failed(alert, route, f"internal error: {type(exc).__name__}", False, moment)
        self.store.mark_alert_delivered(alert.id, iso(self.now()))
        log.info("alert %s delivered via %s", alert.alert_id, alert.route)
        return "delivered"

    def _failed(
        self, alert: OutboxAlert, route: RouteConfig | None, error: str, permanent: bool, moment
    ) -> str:
        attempts = alert.attempts + 1
        limit = route.max_attempts if route else PERMANENT_ATTEMPTS
        if permanent:
            limit = min(limit, PERMANENT_ATTEMPTS)
        dead = attempts >= limit
        next_at = moment + timedelta(seconds=self.backoff(attempts))
        self.store.mark_alert_failed(alert.id, error, iso(next_at), dead)
        log.warning(
            "alert %s via %s failed (attempt %d/%d)%s: %s",
            alert.alert_id,
            alert.route,
            attempts,
            limit,
            ", now dead" if dead else "",
            error,
        )
        return "dead" if dead else "retry"

    def backoff(self, attempts: int) -> float:
        """Seconds before the next try: base * 2^(attempts-1), capped, plus up to 25% jitter."""
        delay = min(self.backoff_max, self.backoff_base * 2 ** (attempts - 1))
        return delay * (1 + 0.25 * self.jitter())

    def now(self) -> datetime:
        return as_datetime(self.clock())

    # --- digests -------------------------------------------------------------------------------

    def flush_digests(self, moment: datetime) -> int:
        """For each daily-digest route, gather the alerts of the days before today into one."""
        until = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        made = 0
        for route in self.watchlist.routes.values():
            if route.digest != "daily":
                continue
            parts = self.store.digest_alerts(route.name, iso(until))
            if parts:
                self._make_digest(route, parts, until)
                made += 1
        return made

    def _make_digest(self, route: RouteConfig, parts: list[OutboxAlert], until: datetime) -> None:
        first = min(parse_iso(p.created_at) for p in parts)
        start = first.replace(hour=0, minute=0, second=0, microsecond=0)
        payload = digest_payload(
            route.name, period_start=iso(start), period_end=iso(until), parts=[p.payload for p in parts]
        )
        digest = NewAlert(make_alert_id("digest", route.name, iso(until)), route.name, "digest", payload)
        self.store.add_digest(digest, [p.id for p in parts])


def send_test_alert(watchlist: Watchlist, route_name: str, *, console_stream: TextIO | None = None) -> None:
    """Send a sample change alert through the route now, bypassing the outbox.

    Raises MonitorError naming the route and the reason when it cannot be delivered."""
    route = resolve_route(watchlist, route_name)
    if route is None:
        known = ", ".join(sorted({"console", *watchlist.routes})) or "none"
        raise MonitorError(f"no alert route named {route_name!r} (routes: {known})")
    alert_id = "pm-test-" + uuid.uuid4().hex[:16]
    try:
        channel_for(route, console_stream=console_stream).send(
            route, alert_id, sample_test_payload(iso(system_clock()))
        )
    except DeliveryError as exc:
        raise MonitorError(f"test alert via route {route_name!r} failed: {exc}") from None
