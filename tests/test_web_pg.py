"""The web app over a PostgreSQL database, as a team running workers meets it: the same pages, API,
feeds and metrics as over SQLite (the same checks of a local site stored in both, answers
compared), and /healthz judged by the workers' sessions. Real HTTP against `serve` on 127.0.0.1,
a real PostgreSQL server (tests/pg_server.py), a real worker in a thread."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import feedparser
import pytest
from policy_site import PolicySite
from prometheus_client.parser import text_string_to_metric_families
from web_world import WebWorld, get, running_server

from monitor.app.cli import main
from monitor.app.web import metrics
from monitor.clock import system_clock
from monitor.store import Store


class PgWorld(WebWorld):
    """WebWorld's checks, stored in a PostgreSQL database instead of a file."""

    def __init__(self, folder: Path, site: PolicySite, url: str) -> None:
        super().__init__(folder, site)
        self.db = url  # type: ignore[assignment]


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory, pg_server: Any) -> Iterator[tuple[WebWorld, PgWorld]]:
    """The same three rounds of checks stored in SQLite and in PostgreSQL (two sites serving the
    same pages, so each world's edits stay its own)."""
    sites = PolicySite().start(), PolicySite().start()
    try:
        lite = WebWorld(tmp_path_factory.mktemp("lite"), sites[0]).build()
        pg = PgWorld(tmp_path_factory.mktemp("pg"), sites[1], pg_server.database()).build()
        yield lite, pg
    finally:
        for site in sites:
            site.stop()


@pytest.fixture(scope="module")
def bases(worlds: tuple[WebWorld, PgWorld]) -> Iterator[tuple[str, str]]:
    lite, pg = worlds
    with running_server(lite.db, lite.watchlist) as a, running_server(pg.db, pg.watchlist) as b:  # type: ignore[arg-type]
        yield a, b


def api(url: str) -> Any:
    status, headers, body = get(url)
    assert status == 200, (url, status, body[:300])
    assert headers["content-type"].startswith("application/json")
    return json.loads(body)


def html(url: str) -> str:
    status, headers, body = get(url)
    assert status == 200, (url, status, body[:300])
    assert headers["content-type"].startswith("text/html")
    return body.decode("utf-8")


def timeless(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """API items without what differs between two runs of the same checks: times, row ids, the
    two sites' URLs."""
    drop = {"seen_at", "id", "last_check_at", "last_version_at", "material_at", "health_since", "url"}
    kept = [{k: v for k, v in item.items() if k not in drop} for item in items]
    # one `check` runs its policies in threads: two changes of one pass are stored in either order
    return sorted(kept, key=lambda i: (i.get("policy_id", ""), i.get("seq") or 0, i.get("position") or 0))


def test_dashboard_and_change_page_on_postgres_show_what_sqlite_shows(bases: tuple[str, str]) -> None:
    lite, pg = bases
    page = html(pg + "/")
    row = page.split('href="/policies/brightleaf-privacy"', 1)[1].split("</tr>", 1)[0]
    assert 'class="sev sev-high"' in row and "sharing" in row
    assert 'href="/policies/brightleaf-privacy/diff?from=2&amp;to=3"' in row
    assert "st-failing" in page.split('href="/policies/secret-url"', 1)[1].split("</tr>", 1)[0]
    assert "workers" in page and "none running" in page  # no daemon on PostgreSQL: its workers
    for query in ("?category=sharing&sort=id&order=desc", "?status=failing", "?language=sv"):
        ids = [p["id"] for p in api(lite + "/api/policies")["items"]]
        assert [i for i in ids if f'href="/policies/{i}"' in html(pg + "/" + query)] == [
            i for i in ids if f'href="/policies/{i}"' in html(lite + "/" + query)
        ], query
    diff = html(pg + "/policies/brightleaf-privacy/diff?from=1&to=2")
    card = diff[diff.index('class="change material"') :].split("</article>", 1)[0]
    assert "<del>3</del>" in card and "<ins>10</ins>" in card
    same = html(lite + "/policies/brightleaf-privacy/diff?from=1&to=2")
    assert diff.count('class="change material"') == same.count('class="change material"') == 1
    assert html(pg + "/policies/brightleaf-privacy/versions/2").count('class="changed"') >= 1


def test_api_changes_filtered_by_category_match_sqlite(bases: tuple[str, str]) -> None:
    lite, pg = bases
    for category in ("retention", "sharing", "children"):
        got = api(pg + f"/api/changes?category={category}")["items"]
        assert timeless(got) == timeless(api(lite + f"/api/changes?category={category}")["items"])
        assert all(category in c["categories"] for c in got)
        assert [c["id"] for c in got] == sorted((c["id"] for c in got), reverse=True)  # newest first
    assert len(api(pg + "/api/changes?category=sharing")["items"]) == 2  # brightleaf v3, seed-terms v2
    assert api(pg + "/api/changes?category=children")["items"] == []
    assert timeless(api(pg + "/api/policies")["items"]) == timeless(api(lite + "/api/policies")["items"])


def test_atom_feed_on_postgres_lists_the_material_changes(bases: tuple[str, str]) -> None:
    lite, pg = bases
    parsed = feedparser.parse(get(pg + "/feeds/changes.atom")[2])
    assert not parsed.bozo, parsed.get("bozo_exception")
    links = sorted(e.link.removeprefix(pg) for e in parsed.entries)
    theirs = feedparser.parse(get(lite + "/feeds/changes.atom")[2])
    expected = sorted(e.link.removeprefix(lite) for e in theirs.entries)
    assert links == expected and len(links) == 3
    cat = feedparser.parse(get(pg + "/feeds/categories/retention.atom")[2])
    assert [e.link.removeprefix(pg) for e in cat.entries] == ["/policies/brightleaf-privacy/diff?from=1&to=2"]


def metric_values(base: str) -> dict[str, Any]:
    status, headers, body = get(base + "/metrics")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    return {f.name: f for f in text_string_to_metric_families(body.decode())}


def test_metrics_on_postgres_count_what_sqlite_counts(bases: tuple[str, str]) -> None:
    lite, pg = bases
    ours, theirs = metric_values(pg), metric_values(lite)
    for name in (
        "policy_monitor_checks",
        "policy_monitor_versions",
        "policy_monitor_changes",
        "policy_monitor_alerts",
        "policy_monitor_policies",
        "policy_monitor_policies_failing",
    ):
        assert [(s.name, s.labels, s.value) for s in ours[name].samples] == [
            (s.name, s.labels, s.value) for s in theirs[name].samples
        ], name
    assert ours["policy_monitor_versions"].samples[0].value == 7
    counts = {
        s.labels["outcome"]: s.value
        for s in ours["policy_monitor_check_duration_seconds"].samples
        if s.name.endswith("_count")
    }
    assert counts == {"new": 4, "failed": 1, "changed": 3}
    assert ours["policy_monitor_workers"].samples[0].value == 0
    assert "policy_monitor_daemon_up" not in ours


def start_worker(world: PgWorld) -> tuple[threading.Event, threading.Thread]:
    from monitor.watch.worker import run_worker

    stop = threading.Event()
    thread = threading.Thread(
        target=run_worker,
        args=(world.watchlist, world.db),
        kwargs={"stop": stop},
        name="test-worker",
        daemon=True,
    )
    thread.start()
    return stop, thread


def wait_for(predicate: Any, timeout: float = 30.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := predicate():
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


def test_healthz_on_postgres_is_ok_while_a_worker_runs_and_503_when_none_was_seen(
    worlds: tuple[WebWorld, PgWorld], bases: tuple[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, world = worlds
    _, base = bases
    # (a worker of an earlier test may still hold a session the server has not yet ended)
    none = wait_for(lambda: (answer := get(base + "/healthz"))[0] == 503 and json.loads(answer[2]))
    assert none["workers"]["alive"] == 0
    stop, thread = start_worker(world)
    try:
        data = wait_for(lambda: get(base + "/healthz")[0] == 200 and json.loads(get(base + "/healthz")[2]))
        assert data["workers"]["alive"] == 1 and data["workers"]["active"] is True
        assert data["database"] == {"writable": True, "schema_version": Store(world.db).schema_version}
        assert 0 <= data["workers"]["activity_age_seconds"] < 60
        assert metric_values(base)["policy_monitor_workers"].samples[0].value == 1
        assert "1 running" in html(base + "/")
        # a worker whose last statement is older than the limit (hung) is not active; the age is
        # the server's own (now() - state_change), so a web host's clock cannot skew it
        monkeypatch.setattr(metrics, "TICK_STALE_S", -1.0)
        status, _, body = get(base + "/healthz")
        stale = json.loads(body)
        assert status == 503 and stale["ok"] is False
        assert stale["workers"]["alive"] == 1 and stale["workers"]["active"] is False
        monkeypatch.setattr(metrics, "TICK_STALE_S", 60.0)
        # a web app whose clock runs ten minutes ahead still sees the worker alive
        later = lambda: system_clock() + timedelta(minutes=10)  # noqa: E731
        with running_server(world.db, world.watchlist, clock=later) as ahead:  # type: ignore[arg-type]
            status, _, body = get(ahead + "/healthz")
            assert status == 200 and json.loads(body)["workers"]["active"] is True
    finally:
        stop.set()
        thread.join(timeout=60)
    assert not thread.is_alive()
    # the server ends a closed session's backend on its own time: wait for it, with a deadline
    gone = wait_for(lambda: (answer := get(base + "/healthz"))[0] == 503 and json.loads(answer[2]))
    assert gone["workers"]["alive"] == 0


def test_the_web_session_cannot_write(worlds: tuple[WebWorld, PgWorld]) -> None:
    _, world = worlds
    import psycopg

    reader = Store(world.db, read_only=True)
    try:
        with pytest.raises(psycopg.errors.ReadOnlySqlTransaction):
            reader._conn.execute("UPDATE policies SET name = 'x'")
    finally:
        reader.close()


def test_serve_command_takes_a_postgres_url_without_printing_its_password(
    worlds: tuple[WebWorld, PgWorld], tmp_path: Path
) -> None:
    _, world = worlds
    url = str(world.db).replace("postgres@", "postgres:pw-s3cret@", 1)  # the test server trusts 127.0.0.1
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "monitor",
            "--db",
            url,
            "--watchlist",
            str(world.watchlist),
            "serve",
            "--bind",
            "127.0.0.1:0",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        assert line.startswith("serving http://127.0.0.1:"), line
        assert "pw-s3cret" not in line and ":***@" in line
        base = line.split()[1].rstrip("/")
        assert "brightleaf-privacy" in html(base + "/")
        assert api(base + "/api/changes?category=retention")["items"][0]["policy_id"] == "brightleaf-privacy"
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)


def test_run_http_stays_sqlite_only(tmp_path: Path, pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "w.yaml").write_text("policies: []\n", encoding="utf-8")
    code = main(["--db", pg_url, "--watchlist", str(tmp_path / "w.yaml"), "run", "--http", "127.0.0.1:0"])
    assert code == 2 and "works on a SQLite file" in capsys.readouterr().err


def test_a_version_committed_after_a_newer_one_still_reaches_the_dashboard(pg_url: str) -> None:
    """Two workers write at once: the version with the lower id commits last. A reader that only
    asked for ids above the last one it saw would never show it."""
    import psycopg

    Store(pg_url).close()  # the schema
    setup = psycopg.connect(pg_url, autocommit=True)
    setup.execute(
        "INSERT INTO policies (id, name, url) VALUES ('early', 'Early', 'http://a'),"
        " ('late', 'Late', 'http://b')"
    )
    setup.execute("INSERT INTO texts (sha256, text, clauses, clause_count) VALUES ('t', 'x', '[]', 0)")
    slow = psycopg.connect(pg_url)  # a transaction left open: its version id is taken first
    insert_version = (
        "INSERT INTO versions (policy_id, seq, seen_at, text_sha256, clause_count)"
        " VALUES (%s, 1, '2026-12-01T00:00:00Z', 't', 0) RETURNING id"
    )
    insert_change = (
        "INSERT INTO changes (version_id, position, kind, material, severity, categories)"
        " VALUES (%s, 0, 'modified', 1, 'high', %s)"
    )
    slow_id = slow.execute(insert_version, ("early",)).fetchone()[0]
    slow.execute(insert_change, (slow_id, '["retention"]'))
    fast_id = setup.execute(insert_version, ("late",)).fetchone()[0]
    setup.execute(insert_change, (fast_id, '["sharing"]'))
    assert slow_id < fast_id
    reader = Store(pg_url, read_only=True)
    try:
        first = {r["id"]: r["material_categories"] for r in reader.policy_rows()}
        assert first == {"early": [], "late": ["sharing"]}
        slow.commit()
        again = {r["id"]: r["material_categories"] for r in reader.policy_rows()}
        assert again == {"early": ["retention"], "late": ["sharing"]}
    finally:
        reader.close()
        slow.close()
        setup.close()
