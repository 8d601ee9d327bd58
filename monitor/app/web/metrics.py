"""/healthz and /metrics: is the monitor alive, and how it is doing, for operators' dashboards.

In: the read-only store (counts read at each request, so any number of web processes agree), the
daemon's lock file (held while a daemon runs; its mtime is the daemon's last tick, touched every
poll of its main loop) and the clock.
Out: /healthz: JSON {ok, daemon: {alive, last_tick_at, tick_age_seconds}, last_check_at,
database: {writable}, outbox: {due, retry_later, digest, dead}}, 200 when the daemon is alive and
ticking and the database writable, else 503. /metrics: Prometheus text (prometheus-client):
checks by outcome, check duration and fetch latency (histograms over every stored check), versions, changes by
severity, alerts by status (pending, delivered, dead ...), policies and policies failing, daemon up.

On PostgreSQL there is no daemon and no lock file: the workers' sessions in pg_stat_activity
(named WORKER_SESSION) stand for it. /healthz: {ok, workers: {alive (sessions), active,
last_activity_at, activity_age_seconds}, last_check_at, database: {writable: the server is a
primary}, outbox}, 200 when a worker ran a statement within TICK_STALE_S on a primary; /metrics
has policy_monitor_workers and policy_monitor_workers_last_activity_timestamp_seconds instead of
the daemon's two gauges.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from monitor.clock import iso

TICK_STALE_S = 60.0  # the daemon ticks every couple of seconds; a minute of silence is a hang
BUCKETS_S = (0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0)
MIN_FREE_BYTES = 16 * 2**20


def last_tick(db_path: Path) -> float | None:
    """The daemon's last tick (epoch seconds): the mtime of `<db>.lock`, or None without one."""
    try:
        return Path(f"{db_path}.lock").stat().st_mtime
    except OSError:
        return None


def writable(db_path: Path) -> bool:
    """Whether the daemon can write the database: the file and its folder writable, space left.
    (Checked without taking SQLite's write lock, which would stall the daemon.)"""
    try:
        free = shutil.disk_usage(db_path.parent).free
    except OSError:
        return False
    return (
        os.access(db_path, os.W_OK)
        and os.access(db_path.parent, os.W_OK | os.X_OK)
        and free >= MIN_FREE_BYTES
    )


def worker_health(web: Any) -> tuple[dict[str, Any], bool]:
    """PostgreSQL's /healthz: the workers are alive when their sessions are connected and one ran a
    statement within TICK_STALE_S (each worker runs one every poll, idle or not); the database is
    writable when the server is a primary (a standby in recovery refuses the workers' writes)."""
    store = web.store
    now = web.clock()
    count, seen, server_age = store.worker_sessions()
    age = round(server_age, 3) if server_age is not None else None  # the server's clock: no skew
    active = count > 0 and age is not None and age <= TICK_STALE_S
    primary = store.server_is_primary()
    data = {
        "workers": {
            "alive": count,
            "active": active,
            "last_activity_at": iso(seen) if seen is not None else None,
            "activity_age_seconds": age,
        },
        "last_check_at": store.last_check_at(),
        "database": {"writable": primary, "schema_version": store.schema_version},
        "outbox": store.outbox_backlog(iso(now)),
    }
    ok = active and primary
    return {"ok": ok, **data}, ok


def health(web: Any) -> tuple[dict[str, Any], bool]:
    if web.postgres:
        return worker_health(web)
    store = web.store
    now = web.clock()
    alive = store.daemon_running()
    tick = last_tick(web.db_path)
    age = round(now.timestamp() - tick, 3) if tick is not None else None
    from datetime import datetime, timezone

    ticking = alive and age is not None and age <= TICK_STALE_S
    data = {
        "daemon": {
            "alive": alive,
            "ticking": ticking,
            "last_tick_at": iso(datetime.fromtimestamp(tick, timezone.utc)) if tick else None,
            "tick_age_seconds": age,
        },
        "last_check_at": store.last_check_at(),
        "database": {"writable": writable(web.db_path), "schema_version": store.schema_version},
        "outbox": store.outbox_backlog(iso(now)),
    }
    ok = bool(ticking and data["database"]["writable"])
    return {"ok": ok, **data}, ok


class StoreCollector(Collector):
    """Reads the counts from the database at each scrape."""

    def __init__(self, web: Any) -> None:
        self.web = web

    def collect(self) -> Iterator[Any]:
        store = self.web.store
        counts = store.metric_counts(tuple(int(b * 1000) for b in BUCKETS_S))
        checks = CounterMetricFamily(
            "policy_monitor_checks", "Checks recorded, by outcome", labels=["outcome"]
        )
        for outcome in ("new", "changed", "unchanged", "not_modified", "failed", "suspect"):
            checks.add_metric([outcome], counts["checks"].get(outcome, 0))
        for outcome, n in counts["checks"].items():
            if outcome not in ("new", "changed", "unchanged", "not_modified", "failed", "suspect"):
                checks.add_metric([outcome], n)
        yield checks
        durations = HistogramMetricFamily(
            "policy_monitor_check_duration_seconds",
            "Duration of each stored check, fetch included, by outcome (not_modified: about the fetch alone)",
            labels=["outcome"],
        )
        for outcome, hist in sorted(counts["duration_buckets"].items()):
            buckets = [(str(b), hist["le"][i]) for i, b in enumerate(BUCKETS_S)] + [("+Inf", hist["count"])]
            durations.add_metric([outcome], buckets, sum_value=hist["sum_ms"] / 1000.0)
        yield durations
        fetches = counts["fetch_buckets"]
        yield HistogramMetricFamily(
            "policy_monitor_fetch_duration_seconds",
            "Latency of each stored fetch alone (network, retries, rendering), whatever its outcome",
            buckets=[(str(b), fetches["le"][i]) for i, b in enumerate(BUCKETS_S)]
            + [("+Inf", fetches["count"])],
            sum_value=fetches["sum_ms"] / 1000.0,
        )
        yield GaugeMetricFamily("policy_monitor_versions", "Versions stored", value=counts["versions"])
        changes = GaugeMetricFamily(
            "policy_monitor_changes",
            "Changes stored, by severity and materiality",
            labels=["severity", "material"],
        )
        for (severity, material), n in sorted(counts["changes"].items()):
            changes.add_metric([severity, "true" if material else "false"], n)
        yield changes
        alerts = GaugeMetricFamily(
            "policy_monitor_alerts", "Alerts in the outbox, by status", labels=["status"]
        )
        for status in ("pending", "delivered", "dead", "digest", "digested"):
            alerts.add_metric([status], counts["alerts"].get(status, 0))
        yield alerts
        yield GaugeMetricFamily("policy_monitor_policies", "Active policies", value=counts["policies"])
        yield GaugeMetricFamily(
            "policy_monitor_policies_failing",
            "Active policies whose latest check failed or looked wrong",
            value=counts["failing"],
        )
        if self.web.postgres:
            yield from _worker_gauges(store)
            return
        yield GaugeMetricFamily(
            "policy_monitor_daemon_up",
            "1 when a daemon holds the database",
            value=1 if store.daemon_running() else 0,
        )
        tick = last_tick(self.web.db_path)
        if tick is not None:
            yield GaugeMetricFamily(
                "policy_monitor_daemon_last_tick_timestamp_seconds", "The daemon's last tick", value=tick
            )


def _worker_gauges(store: Any) -> Iterator[Any]:
    """PostgreSQL: the workers connected now and the last moment one ran a statement."""
    count, seen, _ = store.worker_sessions()
    yield GaugeMetricFamily("policy_monitor_workers", "Workers connected to the database", value=count)
    if seen is not None:
        yield GaugeMetricFamily(
            "policy_monitor_workers_last_activity_timestamp_seconds",
            "The last statement of any worker",
            value=seen.timestamp(),
        )


def routes(web: Any) -> list[Route]:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(StoreCollector(web))

    async def healthz(request: Request) -> Response:
        if not web.postgres and not web.db_path.exists():
            return JSONResponse(
                {"ok": False, "database": {"exists": False, "writable": False}}, status_code=503
            )
        data, ok = await run_in_threadpool(health, web)
        return JSONResponse(data, status_code=200 if ok else 503)

    async def metrics(request: Request) -> Response:
        body = await run_in_threadpool(generate_latest, registry)
        return Response(body, media_type=CONTENT_TYPE_LATEST)

    return [Route("/healthz", healthz), Route("/metrics", metrics)]
