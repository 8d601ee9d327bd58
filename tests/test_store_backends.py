"""The same Store API on both backends: a SQLite file and a real PostgreSQL database (started by
the tests, tests/pg_server.py). Each test runs on both and asserts what a caller relies on, so
"same schema and migrations, same behaviour" is checked rather than assumed."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from monitor.clock import fixed_clock, iso
from monitor.engine.segment import clause_key
from monitor.models import Change, Clause, Fact, PolicyConfig
from monitor.store import MIGRATIONS, FetchRecord, HealthChange, NewAlert, Store
from monitor.store.pg import PG_MIGRATIONS, translate

NOW = "2026-11-25T13:00:00Z"


@pytest.fixture(params=["sqlite", "postgres"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "monitor.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(target: str):
    s = Store(target, clock=fixed_clock(NOW))
    s.sync_policies([policy("acme"), policy("bolt")])
    yield s
    s.close()


def policy(pid: str, **kw) -> PolicyConfig:
    return PolicyConfig(
        id=pid, name=f"{pid} name", url=f"https://{pid}.test/privacy", interval_seconds=3600, **kw
    )


def clauses(text: str) -> list[Clause]:
    return [
        Clause(index=i, text=t, section=("Data",), key=clause_key(t)) for i, t in enumerate(text.split("\n"))
    ]


def version(store: Store, pid: str, text: str, at: str, *, changes=(), alerts=(), base_seq=None):
    return store.record_version(
        FetchRecord(pid, at, "changed", http_status=200, etag=f'"{len(text)}"'),
        body=f"<p>{text}</p>".encode(),
        content_type="text/html",
        text=text,
        language="en",
        clauses=clauses(text),
        changes=list(changes),
        alerts=list(alerts),
        base_seq=base_seq,
    )


def sharing_change() -> Change:
    old, new = clauses("Partners never see your address.")[0], clauses("Partners may buy your address.")[0]
    return Change(
        kind="modified",
        old=old,
        new=new,
        inline=[(0, "Partners "), (-1, "never see"), (1, "may buy"), (0, " your address.")],
        categories=["sharing"],
        facts=[Fact("sharing", "no", "yes", "started", "flag")],
        material=True,
        severity="high",
        explanation="Addresses are now sold to partners.",
    )


def test_both_backends_have_every_migration_at_the_same_version(store: Store):
    assert len(PG_MIGRATIONS) == len(MIGRATIONS)
    assert store.schema_version == len(MIGRATIONS)
    assert store.pragmas()["user_version"] == len(MIGRATIONS)
    again = Store(store.path, clock=fixed_clock(NOW))  # an up-to-date database is opened as it is
    try:
        assert again.schema_version == len(MIGRATIONS)
        assert [p["id"] for p in again.policies()] == ["acme", "bolt"]
    finally:
        again.close()


def test_sync_policies_deactivates_the_dropped_and_renames_keep_history(store: Store):
    version(store, "acme", "We keep logs for a week.", "2026-11-25T10:00:00Z")
    renamed = store.sync_policies([policy("acme-new", previous_ids=("acme",)), policy("bolt")])
    assert renamed == [("acme", "acme-new")]
    assert [v["seq"] for v in store.versions("acme-new")] == [1]
    store.sync_policies([policy("bolt")])
    assert [p["id"] for p in store.policies()] == ["bolt"]
    assert {p["id"]: p["active"] for p in store.policies(include_inactive=True)} == {
        "acme-new": False,
        "bolt": True,
    }


def test_versions_changes_check_state_and_export_round_trip(store: Store):
    first = version(
        store, "acme", "Partners never see your address.\nWe keep logs 30 days.", "2026-11-25T10:00:00Z"
    )
    alert = NewAlert("acme-v2-hook", "hook", "change", {"policy": "acme", "percent": "100%"})
    second = version(
        store,
        "acme",
        "Partners may buy your address.\nWe keep logs 30 days.",
        "2026-11-25T11:00:00Z",
        changes=[sharing_change()],
        alerts=[alert],
        base_seq=1,
    )
    assert (first.seq, second.seq) == (1, 2)
    latest = store.latest_version("acme")
    assert latest is not None and latest.text.startswith("Partners may buy") and len(latest.clauses) == 2
    state = store.check_state("acme")
    assert (
        state.latest_seq == 2
        and state.validators == (f'"{len(second.text)}"', None)
        and state.last is not None
    )
    [change] = store.changes_of(second.id)
    assert change["material"] is True and change["categories"] == ["sharing"]
    assert [v["summary"]["material"] for v in store.versions("acme")] == [False, True]
    records = list(store.export())
    assert [r["type"] for r in records] == ["version", "version", "change"]
    assert store.body(second.body_sha256) == (
        b"<p>Partners may buy your address.\nWe keep logs 30 days.</p>",
        "text/html",
    )
    [row] = store.list_alerts()
    assert row.payload["percent"] == "100%" and row.version_id == second.id


def test_a_version_compared_with_an_old_base_is_refused(store: Store):
    version(store, "acme", "One.", "2026-11-25T10:00:00Z")
    version(store, "acme", "Two.", "2026-11-25T11:00:00Z", base_seq=1)
    from monitor.store import VersionConflict

    with pytest.raises(VersionConflict):
        version(store, "acme", "Three.", "2026-11-25T12:00:00Z", base_seq=1)
    assert [v["seq"] for v in store.versions("acme")] == [1, 2]


def test_failures_health_status_and_prune(store: Store):
    version(store, "bolt", "Cookies last a day.", "2026-11-01T10:00:00Z")
    down = HealthChange("unreachable", [NewAlert("bolt-down", "hook", "unreachable", {"p": "bolt"})])
    for hour in (1, 2, 3):
        store.record_fetch(
            FetchRecord("bolt", f"2026-11-02T0{hour}:00:00Z", "failed", error="timeout"), health=down
        )
    store.record_quiet_fetches([FetchRecord("bolt", "2026-11-02T05:00:00Z", "unchanged")])
    status = {s.policy_id: s for s in store.status()}
    assert status["bolt"].health == "unreachable" and status["bolt"].last_outcome == "unchanged"
    assert status["bolt"].versions == 1 and status["bolt"].pending_alerts == 1  # raised once, not three times
    assert store.consecutive_failures("bolt") == 0 and store.retry_streak("bolt") == 0
    removed = store.prune_fetches("2026-11-10T00:00:00Z")
    assert removed == 1  # the middle failure; the version's fetch, the outage's ends and the latest stay
    assert store.last_checked_at()["bolt"] == "2026-11-02T05:00:00Z"


def test_outbox_claims_deliver_each_alert_once(store: Store):
    ids = store.add_alerts(
        [NewAlert(f"a{i}", "hook", "change", {"n": i}) for i in range(5)], policy_id="acme"
    )
    assert store.add_alerts([NewAlert("a0", "hook", "change", {"n": 0})]) == ids[:1]  # same id: one row
    first = store.claim_due("w1", NOW, "2026-11-25T13:15:00Z", limit=3)
    second = store.claim_due("w2", NOW, "2026-11-25T13:15:00Z", limit=10)
    assert [a.alert_id for a in first] == ["a0", "a1", "a2"] and [a.alert_id for a in second] == ["a3", "a4"]
    assert store.renew_claim(first[0].id, "w1", NOW, "2026-11-25T13:20:00Z")
    assert not store.renew_claim(first[0].id, "w2", NOW, "2026-11-25T13:20:00Z")
    store.mark_alert_delivered(first[0].id, NOW)
    store.mark_alert_failed(first[1].id, "HTTP 500", "2026-11-25T13:05:00Z", dead=False)
    assert store.release_claims("w2") == 2
    later = store.claim_due("w3", "2026-11-25T13:10:00Z", "2026-11-25T13:25:00Z")
    assert sorted(a.alert_id for a in later) == ["a1", "a3", "a4"]  # a2 is still w1's
    assert store.outbox_backlog("2026-11-25T13:10:00Z") == {
        "due": 4,
        "retry_later": 0,
        "digest": 0,
        "dead": 0,
    }
    assert store.alert_counts() == {"delivered": 1, "pending": 4}


def test_leases_expire_and_finishing_needs_the_lease(store: Store):
    held = store.claim_policies("w1", NOW, "2026-11-25T13:01:00Z", limit=1)
    assert held == ["acme"]  # never scheduled: due now, by id
    assert store.claim_policies("w2", NOW, "2026-11-25T13:01:00Z", limit=5) == ["bolt"]
    assert store.claim_policies("w3", "2026-11-25T13:00:30Z", "2026-11-25T13:01:30Z", limit=5) == []
    assert store.renew_leases("w1", "2026-11-25T13:00:30Z", "2026-11-25T13:02:00Z") == 1
    # w2 died: its lease runs out at 13:01; w1's was renewed to 13:02
    assert store.claim_policies("w3", "2026-11-25T13:01:00Z", "2026-11-25T13:03:00Z", limit=5) == ["bolt"]
    assert not store.finish_lease("bolt", "w2", "2026-11-25T14:00:00Z")  # no longer w2's
    assert store.finish_lease("bolt", "w3", "2026-11-25T14:00:00Z")
    assert store.finish_lease("acme", "w1", "2026-11-25T13:30:00Z")
    assert store.leases() == {}
    assert store.next_due_at() == "2026-11-25T13:30:00Z"
    assert store.claim_policies("w4", "2026-11-25T13:29:59Z", "2026-11-25T13:31:00Z", limit=5) == []
    assert store.claim_policies("w4", "2026-11-25T13:30:00Z", "2026-11-25T13:31:00Z", limit=5) == ["acme"]
    assert store.release_leases("w4") == 1 and store.leases() == {}


def test_host_slots_are_spaced_by_the_delay(store: Store):
    t0 = datetime(2026, 11, 25, 13, 0, 0, 250000, tzinfo=timezone.utc)
    slots = [store.reserve_host("shop.test", t0, 1.5) for _ in range(3)]
    assert slots == [t0, t0 + timedelta(seconds=1.5), t0 + timedelta(seconds=3)]
    assert store.reserve_host("other.test", t0, 1.5) == t0  # another host waits for nobody
    late = t0 + timedelta(seconds=60)
    assert store.reserve_host("shop.test", late, 1.5) == late  # a quiet host is not held back


def test_concurrent_claimers_never_share_a_policy(target: str):
    setup = Store(target, clock=fixed_clock(NOW))
    setup.sync_policies([policy(f"p{i:02d}") for i in range(40)])
    setup.close()
    got: dict[str, list[str]] = {}

    def claim(owner: str) -> None:
        s = Store(target, clock=fixed_clock(NOW))
        try:
            mine: list[str] = []
            while batch := s.claim_policies(owner, NOW, "2026-11-25T13:05:00Z", limit=3):
                mine += batch
            got[owner] = mine
        finally:
            s.close()

    threads = [threading.Thread(target=claim, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    claimed = [pid for ids in got.values() for pid in ids]
    assert len(got) == 4 and sorted(claimed) == [f"p{i:02d}" for i in range(40)]  # each once, none left


def test_translation_of_the_sqlite_dialect():
    text, order, returning = translate("SELECT x FROM t WHERE a = ?2 AND b LIKE '50%?' AND c = ?1 OR d = ?2")
    assert text == "SELECT x FROM t WHERE a = %s AND b LIKE '50%%?' AND c = %s OR d = %s"
    assert order == (1, 0, 1) and not returning
    text, order, returning = translate("INSERT OR IGNORE INTO alerts (a, b) VALUES (?, ?)")
    assert text == "INSERT INTO alerts (a, b) VALUES (%s, %s) ON CONFLICT DO NOTHING RETURNING id"
    assert order is None and returning
    assert translate("INSERT INTO alerts (a) VALUES (?)", many=True)[2] is False


def test_postgres_leader_lock_is_held_by_one_session_and_passes_on(pg_url: str):
    first, second = Store(pg_url), Store(pg_url)
    try:
        assert first.try_lead() and first.try_lead()  # asking again keeps it
        assert not second.try_lead() and second.leader_alive()
        first.close()  # the leader's session ends (its process died): the server frees the lock
        deadline = time.monotonic() + 10
        while not second.try_lead():
            assert time.monotonic() < deadline, "the lock outlived its session"
            threading.Event().wait(0.05)
    finally:
        first.close()
        second.close()
    observer = Store(pg_url)
    try:
        assert not observer.leader_alive()
    finally:
        observer.close()


def test_postgres_daemon_lock_and_clock_times_stay_iso_text(pg_url: str):
    a = Store(pg_url, clock=fixed_clock(NOW))
    b = Store(pg_url)
    try:
        a.acquire_daemon_lock()
        assert b.daemon_running()
        from monitor.errors import MonitorError

        with pytest.raises(MonitorError):
            b.acquire_daemon_lock()
        a.sync_policies([policy("acme")])
        assert a.policies()[0]["added_at"] == iso(datetime(2026, 11, 25, 13, tzinfo=timezone.utc))
    finally:
        a.close()
        b.close()
