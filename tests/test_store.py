"""The snapshot store on real SQLite files: round trips, content addressing, atomicity,
concurrency, the daemon lock, the outbox, migrations and a SIGKILL crash."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest
from db_watch import rows, until

from monitor.clock import fixed_clock
from monitor.engine.segment import clause_key
from monitor.errors import MonitorError
from monitor.models import Change, Clause, Fact, PolicyConfig
from monitor.store import MIGRATIONS, CheckState, FetchRecord, NewAlert, Store, sha256_hex

ROOT = Path(__file__).resolve().parent.parent


def policy(pid: str = "acme-privacy") -> PolicyConfig:
    return PolicyConfig(id=pid, name=f"{pid} name", url=f"https://example.org/{pid}", interval_seconds=3600)


def clauses(*texts: str) -> list[Clause]:
    return [Clause(index=i, text=t, section=("Retention",), key=clause_key(t)) for i, t in enumerate(texts)]


def fetch(
    pid: str = "acme-privacy", outcome: str = "new", at: str = "2026-11-25T10:00:00Z", **kw
) -> FetchRecord:
    return FetchRecord(policy_id=pid, started_at=at, outcome=outcome, **kw)


def add_version(
    store: Store,
    text: str,
    *,
    pid: str = "acme-privacy",
    body: bytes | None = None,
    changes: list[Change] | None = None,
    alerts=(),
    at: str = "2026-11-25T10:00:00Z",
    outcome: str = "changed",
    **kw,
):
    return store.record_version(
        fetch(pid, outcome, at, http_status=200, **kw),
        body=body if body is not None else text.encode(),
        content_type="text/html",
        text=text,
        language="en",
        clauses=clauses(*text.split("\n")),
        changes=changes or [],
        alerts=alerts,
    )


def retention_change() -> Change:
    old, new = clauses("We keep logs for 30 days.")[0], clauses("We keep logs for 90 days.")[0]
    return Change(
        kind="modified",
        old=old,
        new=new,
        inline=[(0, "We keep logs for "), (-1, "30"), (1, "90"), (0, " days.")],
        categories=["retention"],
        facts=[Fact("retention", "30 days", "90 days", "longer", "duration")],
        material=True,
        severity="high",
        explanation="Retention went from 30 days to 90 days.",
    )


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(path)
    try:
        tables = ("policies", "fetches", "bodies", "texts", "versions", "changes", "alerts")
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "monitor.db"


NOW = "2026-11-25T13:00:00Z"  # the tests' clock: every stamp the store writes comes from it


@pytest.fixture
def store(db: Path):
    s = Store(db, clock=fixed_clock(NOW))
    s.sync_policies([policy()])
    yield s
    s.close()


def test_open_creates_parent_dirs_with_wal_foreign_keys_and_busy_timeout(store: Store, db: Path):
    assert db.exists()
    p = store.pragmas()
    assert p["journal_mode"] == "wal"
    assert p["foreign_keys"] == 1
    assert p["synchronous"] == 1  # NORMAL
    assert p["busy_timeout"] >= 5000
    assert p["user_version"] == len(MIGRATIONS)
    with pytest.raises(sqlite3.IntegrityError):  # foreign keys really enforced
        store._conn.execute(
            "INSERT INTO versions (policy_id, seq, seen_at, text_sha256, clause_count)"
            " VALUES ('acme-privacy', 1, 'x', 'no-such-text', 0)"
        )


def test_version_round_trip_with_changes_history_and_export(store: Store):
    v1 = add_version(store, "We keep logs for 30 days.", outcome="new", etag='"a"')
    v2 = add_version(
        store, "We keep logs for 90 days.", at="2026-11-25T16:00:00Z", changes=[retention_change()]
    )
    assert (v1.seq, v2.seq) == (1, 2)
    latest = store.latest_version("acme-privacy")
    assert latest == v2
    assert latest.clauses == clauses("We keep logs for 90 days.")
    assert store.version("acme-privacy", 1).text == "We keep logs for 30 days."
    assert store.version("acme-privacy", 3) is None
    assert store.latest_version("other") is None
    latest_hashes = store.check_state("acme-privacy").latest_hashes
    assert latest_hashes == (sha256_hex("We keep logs for 90 days."), v2.body_sha256)
    assert store.body(v1.body_sha256) == (b"We keep logs for 30 days.", "text/html")

    assert store.changes_of(v2.id) == [retention_change().to_dict()]
    assert store.changes_of(v1.id) == []
    hist = store.versions("acme-privacy")
    assert [h["seq"] for h in hist] == [1, 2]
    assert hist[1]["seen_at"] == "2026-11-25T16:00:00Z"
    assert hist[1]["sha"] == sha256_hex("We keep logs for 90 days.")
    assert hist[1]["summary"] == {
        "added": 0,
        "removed": 0,
        "modified": 1,
        "moved": 0,
        "material": True,
        "max_severity": "high",
        "categories": ["retention"],
    }
    assert hist[0]["summary"]["material"] is False

    records = list(store.export())
    assert [(r["type"], r["seq"]) for r in records] == [("version", 1), ("version", 2), ("change", 2)]
    assert records[1]["text"] == "We keep logs for 90 days."
    assert records[2]["kind"] == "modified" and records[2]["facts"][0]["new"] == "90 days"
    assert all(json.dumps(r) for r in records)
    assert records == list(store.export())  # stable order

    f = store.check_state("acme-privacy").last
    assert f.outcome == "changed" and f.text_sha256 == sha256_hex("We keep logs for 90 days.")


def test_unchanged_check_adds_only_a_fetch_row(store: Store, db: Path):
    add_version(store, "We keep logs for 30 days.", outcome="new")
    before = counts(db)
    store.record_fetch(fetch(outcome="unchanged", at="2026-11-25T11:00:00Z", http_status=200))
    store.record_fetch(fetch(outcome="not_modified", at="2026-11-25T12:00:00Z", http_status=304))
    after = counts(db)
    assert after == {**before, "fetches": before["fetches"] + 2}
    assert store.check_state("acme-privacy").last.outcome == "not_modified"


def test_bodies_and_texts_are_content_addressed_and_a_revert_is_a_new_version(store: Store, db: Path):
    a, b = "We keep logs for 30 days.", "We keep logs for 90 days."
    add_version(store, a, body=b"<p>same body</p>", outcome="new")
    add_version(store, b, body=b"<p>same body</p>")  # same raw body twice: stored once
    v3 = add_version(store, a, body=b"<p>other</p>")
    c = counts(db)
    assert (c["versions"], c["texts"], c["bodies"]) == (3, 2, 2)
    assert v3.seq == 3 and v3.text_sha256 == store.version("acme-privacy", 1).text_sha256
    assert store.latest_version("acme-privacy").text == a


def test_validators_come_only_from_fetches_that_confirmed_the_current_content(store: Store):
    assert store.check_state("acme-privacy").validators == (None, None)
    add_version(store, "v1", outcome="new", etag='"v1"', last_modified="Tue, 24 Nov 2026 06:00:00 GMT")
    assert store.check_state("acme-privacy").validators == ('"v1"', "Tue, 24 Nov 2026 06:00:00 GMT")
    store.record_fetch(fetch(outcome="failed", http_status=500, etag='"error-page"', error="HTTP 500"))
    store.record_fetch(fetch(outcome="suspect", http_status=200, etag='"challenge"'))
    assert store.check_state("acme-privacy").validators[0] == '"v1"'
    store.record_fetch(fetch(outcome="not_modified", http_status=304, etag='"v1b"'))
    assert store.check_state("acme-privacy").validators[0] == '"v1b"'
    add_version(store, "v2")  # the new content came without validators: the old ones must not be reused
    assert store.check_state("acme-privacy").validators == (None, None)


def test_consecutive_failures_and_last_checked_at(store: Store):
    store.sync_policies([policy(), policy("b")])
    assert store.consecutive_failures("acme-privacy") == 0
    store.record_fetch(fetch(outcome="failed", at="2026-11-25T09:00:00Z", error="timeout"))
    add_version(store, "v1", outcome="new", at="2026-11-25T10:00:00Z")
    for hour in (11, 12, 13):
        store.record_fetch(fetch(outcome="failed", at=f"2026-11-25T{hour}:00:00Z", error="HTTP 503"))
    assert store.consecutive_failures("acme-privacy") == 3
    store.record_fetch(fetch("b", "failed", "2026-11-25T08:00:00Z"))
    assert store.last_checked_at() == {"acme-privacy": "2026-11-25T13:00:00Z", "b": "2026-11-25T08:00:00Z"}
    store.record_fetch(fetch(outcome="unchanged", at="2026-11-25T14:00:00Z"))
    assert store.consecutive_failures("acme-privacy") == 0


def test_sync_policies_deactivates_removed_policies_and_keeps_their_history(store: Store):
    store.sync_policies([policy(), policy("b")])
    add_version(store, "v1", outcome="new")
    store.sync_policies([policy("b")])
    assert [p["id"] for p in store.policies()] == ["b"]
    assert {p["id"]: p["active"] for p in store.policies(include_inactive=True)} == {
        "acme-privacy": False,
        "b": True,
    }
    assert [s.policy_id for s in store.status()] == ["b"]
    assert store.latest_version("acme-privacy").text == "v1"
    store.sync_policies([policy(), policy("b")])  # re-added: active again, same history
    assert len(store.versions("acme-privacy")) == 1


def test_status_reports_last_check_change_failures_and_dead_alerts(store: Store):
    store.sync_policies([policy(), policy("b")])
    add_version(store, "v1", outcome="new", at="2026-11-25T10:00:00Z")
    add_version(
        store, "v2", at="2026-11-25T11:00:00Z", alerts=[NewAlert("chg-1", "team-mail", "change", {"seq": 2})]
    )
    store.record_fetch(fetch(outcome="failed", at="2026-11-25T12:00:00Z", http_status=500, error="HTTP 500"))
    [alert] = store.claim_due("test", NOW, NOW)
    store.mark_alert_failed(alert.id, "SMTP 550", NOW, dead=True)
    st = {s.policy_id: s for s in store.status()}
    a = st["acme-privacy"]
    assert (a.name, a.url) == ("acme-privacy name", "https://example.org/acme-privacy")
    assert (a.last_check_at, a.last_outcome, a.last_change_at) == (
        "2026-11-25T12:00:00Z",
        "failed",
        "2026-11-25T11:00:00Z",
    )
    assert (a.versions, a.consecutive_failures, a.dead_alerts) == (2, 1, 1)
    assert a.extra["http_status"] == 500
    b = st["b"]
    assert (b.last_check_at, b.last_outcome, b.last_change_at, b.versions) == (None, None, None, 0)


def test_a_fetch_for_an_unsynced_policy_is_kept(store: Store):
    store.record_fetch(fetch("not-in-watchlist", "failed", error="x"))
    assert store.check_state("not-in-watchlist").last.error == "x"


def test_a_write_that_fails_halfway_leaves_nothing(store: Store, db: Path):
    add_version(store, "v1", outcome="new")
    before = counts(db)
    bad = retention_change()
    bad.inline = [(0, object())]  # not JSON-serialisable: fails after body, text and fetch were inserted
    with pytest.raises(TypeError):
        add_version(store, "v2", changes=[bad], alerts=[NewAlert("x", "console", "change", {})])
    with pytest.raises(ValueError):
        store.record_fetch(
            fetch(outcome="failed"), alerts=[NewAlert("y", "console", "unreachable", {"n": float("nan")})]
        )
    assert counts(db) == before
    assert store.latest_version("acme-privacy").seq == 1
    # the store is still usable after the rollbacks
    assert add_version(store, "v2", changes=[retention_change()]).seq == 2


def test_a_duplicate_seq_rolls_back_the_whole_version(store: Store, db: Path):
    add_version(store, "v1", outcome="new")
    # another writer (e.g. a bad tool) raced us to seq 2 through a trigger: the insert must fail whole
    store._conn.execute(
        "CREATE TEMP TRIGGER steal BEFORE INSERT ON versions WHEN NEW.seen_at != 'x' BEGIN"
        " INSERT INTO versions (policy_id, seq, seen_at, text_sha256, clause_count)"
        " SELECT 'acme-privacy', 2, 'x', sha256, 0 FROM texts LIMIT 1; END"
    )
    before = counts(db)
    with pytest.raises(sqlite3.IntegrityError):
        add_version(store, "v2 text", changes=[retention_change()])
    assert counts(db) == before
    store._conn.execute("DROP TRIGGER steal")


def test_second_store_reads_while_the_first_writes(store: Store, db: Path):
    add_version(store, "v1", outcome="new")
    reader = Store(db)
    try:
        with store._tx() as conn:  # a write transaction held open by the "daemon"
            conn.execute(
                "INSERT INTO fetches (policy_id, started_at, outcome) VALUES ('acme-privacy', 'x', 'failed')"
            )
            assert reader.latest_version("acme-privacy").text == "v1"  # readers are not blocked
            assert reader.check_state("acme-privacy").last.outcome == "new"  # and do not see uncommitted rows
        assert reader.check_state("acme-privacy").last.outcome == "failed"

        errors: list[BaseException] = []

        def write() -> None:
            try:
                for i in range(100):
                    store.record_fetch(fetch(outcome="unchanged", at=f"2026-11-25T11:00:{i % 60:02d}Z"))
            except BaseException as e:  # pragma: no cover - reported below
                errors.append(e)

        t = threading.Thread(target=write)
        t.start()
        while t.is_alive():
            reader.status()
            reader.versions("acme-privacy")
        t.join()
        assert errors == []
        assert counts(db)["fetches"] == 102
    finally:
        reader.close()


def test_opening_an_up_to_date_database_does_not_wait_for_the_writer(store: Store, db: Path):
    with store._tx():  # the daemon is in the middle of a write
        t0 = time.monotonic()
        reader = Store(db)
        assert time.monotonic() - t0 < 2  # the busy timeout is 10 s: it did not wait for the lock
        assert reader.status()[0].policy_id == "acme-privacy"
        reader.close()


def test_many_threads_share_one_store(store: Store, db: Path):
    pids = [f"p{i}" for i in range(4)]
    store.sync_policies([policy(p) for p in pids])

    def work(pid: str) -> None:
        for i in range(10):
            add_version(store, f"{pid} text {i}", pid=pid)
            store.record_fetch(fetch(pid, "unchanged"))

    threads = [threading.Thread(target=work, args=(p,)) for p in pids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for p in pids:
        assert [v["seq"] for v in store.versions(p)] == list(range(1, 11))
    assert counts(db)["fetches"] == 80


def test_daemon_lock_refuses_a_second_holder_until_released(db: Path):
    first, second = Store(db), Store(db)
    try:
        first.acquire_daemon_lock()
        with pytest.raises(MonitorError, match=r"another daemon is running on .*monitor\.db \(pid \d+\)"):
            second.acquire_daemon_lock()
        assert second.latest_version("x") is None  # a CLI reader still works
        first.close()
        second.acquire_daemon_lock()
    finally:
        first.close()
        second.close()


def test_daemon_lock_is_held_across_processes(db: Path):
    holder = Store(db)
    holder.acquire_daemon_lock()
    code = (
        f"from monitor.store import Store\ns = Store({str(db)!r})\n"
        "try:\n    s.acquire_daemon_lock()\nexcept Exception as e:\n    print(e)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=20)
    holder.close()
    assert f"(pid {os.getpid()})" in out.stdout


def test_an_alert_id_inserted_twice_is_one_row(store: Store, db: Path):
    alert = NewAlert("acme-privacy:2:team-mail", "team-mail", "change", {"seq": 2})
    add_version(store, "v1", outcome="new", alerts=[alert])
    ids1 = store.add_alerts([alert])
    ids2 = store.add_alerts([NewAlert("acme-privacy:2:team-mail", "team-mail", "change", {"other": 1})])
    assert ids1 == ids2
    assert counts(db)["alerts"] == 1
    assert store.get_alert(ids1[0]).payload == {"seq": 2}  # the first one stands


def _due(store: Store, at: str, limit: int = 100):
    """What a sender claiming at `at` gets (claims that expire at once, so the next call sees
    the same rows)."""
    return store.claim_due("test", at, at, limit)


def test_a_claim_holds_rows_from_other_senders_until_it_expires_or_is_released(store: Store):
    store.add_alerts([NewAlert("a1", "hooks", "change", {}), NewAlert("a2", "hooks", "change", {})])
    now, later = "2099-01-01T00:00:00Z", "2099-01-01T00:15:00Z"
    assert [a.alert_id for a in store.claim_due("one", now, later, limit=1)] == ["a1"]
    assert [a.alert_id for a in store.claim_due("two", now, later)] == ["a2"]  # a1 is one's
    assert store.claim_due("three", now, later) == []
    assert store.outbox_backlog(now)["due"] == 2
    assert sorted(store.claim_owners()) == ["one", "two"]
    assert store.release_claims("one") == 1
    [a1] = store.claim_due("three", now, "2099-01-01T01:00:00Z")
    assert (a1.alert_id, a1.claimed_by) == ("a1", "three")
    [a2] = store.claim_due("three", later, "2099-01-01T00:30:00Z")  # two's claim expired
    assert a2.alert_id == "a2"
    store.mark_alert_delivered(a2.id, later)
    assert store.get_alert(a2.id).claimed_by is None


def test_outbox_retry_delivery_dead_and_digest(store: Store):
    v = add_version(store, "v1", outcome="new")
    ids = store.add_alerts(
        [
            NewAlert("a1", "hooks", "change", {"n": 1}),
            NewAlert("a2", "hooks", "change", {"n": 2}),
            NewAlert("d1", "mail", "change", {"n": 3}, status="digest"),
        ],
        policy_id="acme-privacy",
        version_id=v.id,
    )
    now = "2099-01-01T00:00:00Z"
    due = _due(store, now)
    assert [a.alert_id for a in due] == ["a1", "a2"]  # oldest first, digest ones wait
    assert due[0].policy_id == "acme-privacy" and due[0].version_id == v.id and due[0].attempts == 0
    assert _due(store, now, limit=1)[0].alert_id == "a1"

    store.mark_alert_failed(ids[0], "HTTP 502", next_attempt_at="2099-01-01T00:05:00Z", dead=False)
    assert [a.alert_id for a in _due(store, now)] == ["a2"]
    [again] = _due(store, "2099-01-01T00:05:00Z", limit=1)
    assert (again.alert_id, again.attempts, again.last_error) == ("a1", 1, "HTTP 502")
    assert again.status == "pending"
    store.mark_alert_failed(ids[0], "HTTP 502", next_attempt_at="2099-01-01T00:10:00Z", dead=True)
    store.mark_alert_delivered(ids[1], "2099-01-01T00:00:01Z")
    assert _due(store, "2100-01-01T00:00:00Z") == []
    a1, a2 = store.get_alert(ids[0]), store.get_alert(ids[1])
    assert (a1.status, a1.attempts) == ("dead", 2)
    assert (a2.status, a2.delivered_at, a2.attempts) == ("delivered", "2099-01-01T00:00:01Z", 1)

    assert [a.alert_id for a in store.digest_alerts("mail", until="2100-01-01T00:00:00Z")] == ["d1"]
    assert store.digest_alerts("mail", until="2000-01-01T00:00:00Z") == []
    assert store.digest_alerts("hooks", until="2100-01-01T00:00:00Z") == []
    digest = NewAlert("digest-mail-2099-01-01", "mail", "digest", {"items": [3]})
    digest_id = store.add_digest(digest, [ids[2]])
    d1 = store.get_alert(ids[2])
    assert (d1.status, d1.digest_id) == ("digested", digest_id)
    assert store.digest_alerts("mail", until="2100-01-01T00:00:00Z") == []
    assert store.alert_counts() == {"dead": 1, "delivered": 1, "digested": 1, "pending": 1}
    pending_mail = store.list_alerts(status="pending", route="mail")
    assert [a.alert_id for a in pending_mail] == ["digest-mail-2099-01-01"]


def _add_column_migration(db) -> None:
    db["policies"].add_column("owner", str)
    db.execute("UPDATE policies SET owner = 'legal'")


def test_a_new_migration_upgrades_a_current_database_keeping_data(db: Path):
    n = len(MIGRATIONS)
    with Store(db) as s:
        s.sync_policies([policy()])
        add_version(s, "v1", outcome="new")
        assert s.schema_version == n
    with Store(db, migrations=[*MIGRATIONS, _add_column_migration]) as s:
        assert s.schema_version == n + 1
        assert s.latest_version("acme-privacy").text == "v1"
        assert s._one("SELECT owner FROM policies")[0] == "legal"
        applied = [r[0] for r in s._all("SELECT version FROM migrations ORDER BY version")]
        assert applied == list(range(1, n + 2))
    with pytest.raises(MonitorError, match="newer than this program"):
        Store(db)  # an old program must not write to a newer schema


def test_a_failing_migration_leaves_the_database_at_its_old_version(db: Path):
    def broken(d) -> None:
        d["policies"].add_column("owner", str)
        d.execute("SELECT no_such_function()")

    Store(db).close()
    with pytest.raises(sqlite3.OperationalError):
        Store(db, migrations=[*MIGRATIONS, broken])
    with Store(db) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert "owner" not in {r[1] for r in s._all("PRAGMA table_info(policies)")}


CRASH_SCRIPT = textwrap.dedent(
    """
    import sys
    from monitor.models import Change, Clause, PolicyConfig
    from monitor.store import FetchRecord, NewAlert, Store
    s = Store(sys.argv[1])
    s.sync_policies([PolicyConfig(id=f"p{i}", name="p", url="http://127.0.0.1/") for i in range(3)])
    i = 0
    while True:
        pid = f"p{i % 3}"
        old = Clause(0, f"old clause {i}")
        new = Clause(0, f"new clause {i} " + "x" * 2000)
        changes = [Change("modified", old, new), Change("added", None, Clause(1, f"added {i}"))]
        s.record_version(
            FetchRecord(pid, "2026-11-25T10:00:00Z", "changed"), body=(f"body {i} " * 500).encode(),
            content_type="text/html", text=f"text {i}", language="en", clauses=[new], changes=changes,
            alerts=[NewAlert(f"a{i}", "console", "change", {"i": i})])
        s.record_fetch(FetchRecord(pid, "2026-11-25T10:00:01Z", "unchanged"))
        i += 1
        if i == 20:
            print("ready", flush=True)
    """
)


def test_sigkill_during_writes_leaves_an_intact_database(tmp_path: Path):
    db = tmp_path / "crash.db"
    script = tmp_path / "writer.py"
    script.write_text(CRASH_SCRIPT)
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    try:
        assert proc.stdout.readline().strip() == "ready"
        until(lambda: rows(db, "SELECT count(*) FROM versions")[0][0] >= 20, 30, "20 versions written")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    with Store(db) as s:
        assert s._one("PRAGMA integrity_check")[0] == "ok"
        assert s._all("PRAGMA foreign_key_check") == []
        n = s._one("SELECT count(*) FROM versions")[0]
        assert n >= 20
        orphans = s._all(
            "SELECT v.id FROM versions v LEFT JOIN texts t ON t.sha256 = v.text_sha256"
            " LEFT JOIN bodies b ON b.sha256 = v.body_sha256 LEFT JOIN fetches f ON f.id = v.fetch_id"
            " WHERE t.sha256 IS NULL OR b.sha256 IS NULL OR f.version_id IS NOT v.id"
            " OR (SELECT count(*) FROM changes c WHERE c.version_id = v.id) != 2"
            " OR (SELECT count(*) FROM alerts a WHERE a.version_id = v.id) != 1"
        )
        assert orphans == []
        for pid in ("p0", "p1", "p2"):
            seqs = [v["seq"] for v in s.versions(pid)]
            assert seqs == list(range(1, len(seqs) + 1))
        # and it keeps working where the killed writer stopped
        assert add_version(s, "after crash", pid="p0").seq == len(s.versions("p0"))


def test_a_text_recorded_twice_by_two_checkers_is_one_version_and_one_alert(store: Store, db: Path):
    """A CLI `check` beside the daemon can race it to record the same new text."""
    add_version(store, "We keep logs for 30 days.", outcome="new")
    alert = NewAlert("pm-race", "console", "change", {"x": 1})
    first = add_version(
        store,
        "We keep logs for 90 days.",
        changes=[retention_change()],
        alerts=[alert],
        at="2026-11-25T11:00:00Z",
    )
    second = add_version(
        store,
        "We keep logs for 90 days.",
        changes=[retention_change()],
        alerts=[NewAlert("pm-race-2", "console", "change", {"x": 1})],
        at="2026-11-25T11:00:01Z",
    )
    assert second.seq == first.seq == 2
    assert [v["seq"] for v in store.versions("acme-privacy")] == [1, 2]
    n = counts(db)
    assert (n["versions"], n["changes"], n["alerts"], n["fetches"]) == (2, 1, 1, 3)
    assert store.check_state("acme-privacy").last.outcome == "unchanged"


def test_daemon_running_reports_the_lock_holder(db: Path):
    reader = Store(db)
    assert reader.daemon_running() is False
    daemon = Store(db)
    daemon.acquire_daemon_lock()
    try:
        assert reader.daemon_running() is True
    finally:
        daemon.close()
    assert reader.daemon_running() is False
    reader.close()


SEGMENTED_PAGE = (
    "<h1>Privacy Policy</h1><h2>1. Data we collect</h2><ol><li>Your name and e-mail address.</li>"
    "<li>Device identifiers.</li></ol><h2>2. Retention</h2><p>We keep logs for 30 days.</p>"
    "<h2>3. 保存期间</h2><p>我们将日志保存三十天。</p><p>Wir speichern Protokolle 30 Tage lang.</p>"
)


def segmented() -> tuple[str, list[Clause]]:
    from monitor.engine.pipeline import analyse
    from monitor.extract.normalize import normalize

    doc = normalize(SEGMENTED_PAGE.encode(), "text/html", charset="utf-8")
    return doc.text, analyse(doc)


def test_clauses_are_stored_compactly_and_come_back_equal_with_their_keys(store: Store, db: Path):
    text, segs = segmented()
    assert any(c.section for c in segs) and any(c.is_heading for c in segs) and any(c.marker for c in segs)
    v = store.record_version(
        fetch(http_status=200),
        body=SEGMENTED_PAGE.encode(),
        content_type="text/html",
        text=text,
        language="en",
        clauses=segs,
        changes=[],
    )
    assert store.latest_version("acme-privacy").clauses == segs == v.clauses
    conn = sqlite3.connect(db)
    raw = conn.execute("SELECT clauses FROM texts").fetchone()[0]
    conn.close()
    legacy = json.dumps(
        [
            {
                "index": c.index,
                "text": c.text,
                "section": list(c.section),
                "marker": c.marker,
                "key": c.key,
                "language": c.language,
                "is_heading": c.is_heading,
            }
            for c in segs
        ],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert len(raw) < 0.75 * len(legacy)
    assert "key" not in json.loads(raw)
    (rec,) = [r for r in store.export() if r["type"] == "version"]
    assert rec["clauses"] == [
        {
            "index": c.index,
            "text": c.text,
            "section": list(c.section),
            "marker": c.marker,
            "language": c.language,
            "is_heading": c.is_heading,
        }
        for c in segs
    ]


def test_clauses_stored_as_a_list_of_dicts_by_an_older_version_still_load(store: Store, db: Path):
    text, segs = segmented()
    v = store.record_version(
        fetch(http_status=200),
        body=b"<p>x</p>",
        content_type="text/html",
        text=text,
        language="en",
        clauses=segs,
        changes=[],
    )
    legacy = [{"index": c.index, "text": c.text, "key": c.key} for c in segs]
    for d, c in zip(legacy, segs, strict=True):
        if c.section:
            d["section"] = list(c.section)
        if c.marker is not None:
            d["marker"] = c.marker
        if c.language != "und":
            d["language"] = c.language
        if c.is_heading:
            d["is_heading"] = True
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE texts SET clauses = ? WHERE sha256 = ?", (json.dumps(legacy), v.text_sha256))
    conn.close()
    assert store.latest_version("acme-privacy").clauses == segs
    (rec,) = [r for r in store.export() if r["type"] == "version"]
    assert [c["text"] for c in rec["clauses"]] == [c.text for c in segs]


def test_clauses_numbered_other_than_by_position_keep_their_index(store: Store):
    mine = [Clause(index=i, text=t, key=clause_key(t)) for i, t in ((3, "Third clause."), (7, "Seventh."))]
    store.record_version(
        fetch(http_status=200),
        body=b"b",
        content_type=None,
        text="t",
        language="en",
        clauses=mine,
        changes=[],
    )
    assert store.latest_version("acme-privacy").clauses == mine


def test_check_state_reads_what_a_check_needs(store: Store):
    pid = "acme-privacy"

    def agrees() -> CheckState:
        st = store.check_state(pid)
        assert st.consecutive_failures == store.consecutive_failures(pid)
        latest = store.latest_version(pid)
        assert st.latest_hashes == ((latest.text_sha256, latest.body_sha256) if latest else None)
        assert st.latest_seq == (latest.seq if latest else 0)
        return st

    assert agrees() == CheckState()  # never checked
    store.record_fetch(fetch(outcome="failed", error="timeout"))
    assert agrees().consecutive_failures == 1
    add_version(store, "v1", outcome="new", etag='"v1"', last_modified="Tue, 24 Nov 2026 06:00:00 GMT")
    assert agrees().validators == ('"v1"', "Tue, 24 Nov 2026 06:00:00 GMT")
    store.record_fetch(fetch(outcome="suspect", http_status=200, etag='"challenge"', text_sha256="abc"))
    assert agrees().last.text_sha256 == "abc"
    for _ in range(2):
        store.record_fetch(fetch(outcome="failed", http_status=503, error="HTTP 503"))
    assert agrees().consecutive_failures == 2
    add_version(store, "v2")
    store.set_latest_extraction(pid, '["main", []]')
    st = agrees()
    assert (st.latest_seq, st.latest_extraction, st.validators) == (2, '["main", []]', (None, None))


def test_clause_json_is_the_text_the_standard_json_encoder_writes(store: Store, db: Path) -> None:
    """Clauses are written by orjson: the stored text must stay the one json.dumps writes (what
    older releases wrote and read), for every kind of character a page can hold."""
    from monitor.store.records import clauses_json

    odd = 'Wir speichern Kontodaten 3 Jahre — «mindestens».\t"Zitat" \\ \u2028 \x7f \x1f 個人情報 🙂'
    segs = [
        Clause(
            index=0,
            text="Datenschutz",
            section=(),
            key=clause_key("Datenschutz"),
            language="de",
            is_heading=True,
        ),
        Clause(
            index=1,
            text=odd,
            section=("Datenschutz", "Aufbewahrung"),
            marker="a)",
            key=clause_key(odd),
            language="de",
        ),
        Clause(index=2, text="Logs are kept for one year.", section=("Datenschutz",), key=clause_key("x")),
    ]
    expected = json.dumps(
        {
            "sections": [["Datenschutz", "Aufbewahrung"], ["Datenschutz"]],
            "clauses": [
                ["Datenschutz", -1, None, "de", 1],
                [odd, 0, "a)", "de", 0],
                ["Logs are kept for one year.", 1, None, "und", 0],
            ],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )
    assert clauses_json(segs) == expected
    renumbered = [
        Clause(
            index=i * 2,
            text=c.text,
            section=c.section,
            marker=c.marker,
            key=c.key,
            language=c.language,
            is_heading=c.is_heading,
        )
        for i, c in enumerate(segs)
    ]
    assert json.loads(clauses_json(renumbered))["indices"] == [0, 2, 4]
    store.record_version(
        fetch(http_status=200),
        body=b"<p>x</p>",
        content_type="text/html",
        text=odd,
        language="de",
        clauses=renumbered,
        changes=[],
    )
    got = store.latest_version("acme-privacy").clauses
    assert [(c.index, c.text, c.section, c.marker, c.is_heading) for c in got] == [
        (c.index, c.text, c.section, c.marker, c.is_heading) for c in renumbered
    ]
    assert [c.key for c in got] == [clause_key(c.text) for c in renumbered]
