"""Upgrading databases made by earlier releases: the shipped migrations are never edited, and a
database from the previous release opens, upgrades and keeps every row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from monitor.clock import fixed_clock
from monitor.engine.segment import clause_key
from monitor.models import Clause
from monitor.store import MIGRATIONS, FetchRecord, NewAlert, Store

FIXTURES = Path(__file__).resolve().parent / "fixtures"
NOW = "2026-11-25T13:00:00Z"


def _columns(db: Path, table: str) -> set[str]:
    conn = sqlite3.connect(db)
    try:
        return {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


def _record_next_version(store: Store) -> None:
    text = "We keep logs for 90 days."
    store.record_version(
        FetchRecord("acme-privacy", NOW, "changed", http_status=200),
        body=text.encode(),
        content_type="text/html",
        text=text,
        language="en",
        clauses=[Clause(index=0, text=text, key=clause_key(text))],
        changes=[],
        alerts=[NewAlert("a-2", "console", "change", {"title": "t2"})],
        extraction='["main", []]',
    )


def _assert_upgraded_and_usable(db: Path) -> None:
    with Store(db, clock=fixed_clock(NOW)) as s:
        assert s.schema_version == len(MIGRATIONS)
        assert s.latest_version("acme-privacy").text == "We keep logs for 30 days."
        state = s.check_state("acme-privacy")
        assert (state.latest_seq, state.latest_extraction) == (1, "")
        assert [a.alert_id for a in s.list_alerts() if a.kind == "change"] == ["a-1"]
        _record_next_version(s)
        assert s.check_state("acme-privacy").latest_extraction == '["main", []]'
        assert [v["seq"] for v in s.versions("acme-privacy")] == [1, 2]
        assert s._one("PRAGMA integrity_check")[0] == "ok"
    assert "extraction" in _columns(db, "versions")


def test_a_database_made_by_the_shipped_migration_1_upgrades(tmp_path: Path):
    db = tmp_path / "old.db"
    with Store(db, migrations=MIGRATIONS[:1], clock=fixed_clock(NOW)) as s:  # release 0.1.0's schema
        assert "extraction" not in _columns(db, "versions")
        s._conn.executescript(
            "INSERT INTO policies (id, name, url, active) VALUES ('acme-privacy', 'Acme', 'http://x/', 1);"
            "INSERT INTO texts VALUES ('t1', 'We keep logs for 30 days.', '[]', 0);"
            "INSERT INTO fetches (policy_id, started_at, outcome)"
            " VALUES ('acme-privacy', '2026-11-20T10:00:00Z', 'new');"
            "INSERT INTO versions (policy_id, seq, seen_at, text_sha256, clause_count, fetch_id)"
            " VALUES ('acme-privacy', 1, '2026-11-20T10:00:00Z', 't1', 0, 1);"
            "INSERT INTO alerts (alert_id, policy_id, route, kind, status, next_attempt_at, created_at,"
            " payload)"
            " VALUES ('a-1', 'acme-privacy', 'console', 'change', 'pending', '2026-11-20T10:00:00Z',"
            " '2026-11-20T10:00:00Z', '{}');"
            "INSERT INTO policies (id, name, url, active) VALUES ('down', 'Down', 'http://y/', 1);"
            "INSERT INTO alerts (alert_id, policy_id, route, kind, status, next_attempt_at, created_at,"
            " payload) VALUES ('u-1', 'down', 'console', 'unreachable', 'delivered',"
            " '2026-11-21T10:00:00Z', '2026-11-21T10:00:00Z', '{}');"
        )
    with Store(db, clock=fixed_clock(NOW)) as s:  # an outage under way stays one after the upgrade
        health = {st.policy_id: st.health for st in s.status()}
        assert health == {"acme-privacy": "ok", "down": "unreachable"}
        assert s.check_state("down").health == "unreachable"
    _assert_upgraded_and_usable(db)


def test_a_database_from_the_previous_release_upgrades_keeping_its_rows(tmp_path: Path):
    """The previous release had edited migration 1 in place (extraction column and the validators
    index inside it): its databases say user_version 1 and already have both."""
    db = tmp_path / "prev.db"
    conn = sqlite3.connect(db)
    conn.executescript((FIXTURES / "store-0.1-edited-migration-1.sql").read_text(encoding="utf-8"))
    conn.close()
    _assert_upgraded_and_usable(db)


def test_a_fresh_database_has_the_same_schema_as_an_upgraded_one(tmp_path: Path):
    fresh, old = tmp_path / "fresh.db", tmp_path / "old.db"
    Store(fresh).close()
    Store(old, migrations=MIGRATIONS[:1]).close()
    Store(old).close()

    def schema(db: Path) -> list[tuple[str, str]]:
        conn = sqlite3.connect(db)
        try:
            rows = conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
            return sorted(rows)
        finally:
            conn.close()

    assert schema(fresh) == schema(old)
    for table in ("policies", "fetches", "versions", "alerts"):
        assert _columns(fresh, table) == _columns(old, table)
