"""The check stage against a real HTTP server (PolicySite) and a real SQLite store in tmp_path.

What a user relies on: a first check makes version 1, an unchanged page adds only a fetch row,
a 304 is not parsed, a real edit makes version 2 with its changes and alert in one go, and a
broken, hostile or shrunk page never becomes a version.
"""

from __future__ import annotations

import dataclasses
import itertools
import sqlite3
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from policy_site import PolicySite, policy_html, seed_text

from monitor import store as store_mod
from monitor.engine.pipeline import with_keys
from monitor.fetch import http as fetch_mod
from monitor.models import FetchSettings, PolicyConfig, RouteConfig, Watchlist
from monitor.watch import check as check_mod
from monitor.watch import passes as passes_mod
from monitor.watch.check import CheckOutcome, check_policy, format_outcome
from monitor.watch.passes import check_many

OLD_RETENTION = (
    "We keep your information for no longer than is necessary for the purposes it was collected for."
)
NEW_RETENTION = (
    "We keep your information for ten years after you close your account, even when no longer needed."
)
SEED = 3  # a mixed English/Chinese policy with a retention clause


def _fetcher(settings: FetchSettings) -> object:
    return fetch_mod.HttpFetcher(settings)


@pytest.fixture
def settings() -> FetchSettings:
    return FetchSettings(
        connect_timeout=2.0,
        read_timeout=1.0,
        retries=0,
        backoff_base=0.01,
        backoff_max=0.05,
        per_host_delay=0.0,
        per_host_concurrency=8,
        max_workers=4,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[object]:
    s = store_mod.Store(tmp_path / "monitor.db")
    yield s
    s.close()


class Env:
    """One site, one store, one fetcher, and helpers to make policies and read the database."""

    def __init__(
        self, site: PolicySite, store: object, settings: FetchSettings, db: Path, threshold: int = 3
    ) -> None:
        self.site, self.store, self.settings, self.db = site, store, settings, db
        self.fetcher = _fetcher(settings)
        self.threshold = threshold
        self.policies: list[PolicyConfig] = []

    def policy(self, pid: str, path: str, **kw: object) -> PolicyConfig:
        p = PolicyConfig(id=pid, name=pid, url=self.site.url(path), alert=("console",), **kw)  # type: ignore[arg-type]
        self.policies.append(p)
        self.store.sync_policies(self.policies)  # type: ignore[attr-defined]
        return p

    @property
    def watchlist(self) -> Watchlist:
        return Watchlist(
            policies=tuple(self.policies),
            routes={"console": RouteConfig("console", "console")},
            fetch=self.settings,
            failure_threshold=self.threshold,
        )

    def check(self, p: PolicyConfig) -> CheckOutcome:
        return check_policy(p, store=self.store, fetcher=self.fetcher, watchlist=self.watchlist)  # type: ignore[arg-type]

    def rows(self, sql: str, *params: object) -> list[tuple]:
        with sqlite3.connect(self.db) as conn:
            return conn.execute(sql, params).fetchall()

    def count(self, table: str, pid: str) -> int:
        return self.rows(f"SELECT count(*) FROM {table} WHERE policy_id = ?", pid)[0][0]

    def alerts(self, pid: str, kind: str | None = None) -> list[tuple]:
        sql = "SELECT kind, version_id, route FROM alerts WHERE policy_id = ?"
        return [r for r in self.rows(sql, pid) if kind is None or r[0] == kind]


@pytest.fixture
def env(policy_site: PolicySite, store: object, settings: FetchSettings, tmp_path: Path) -> Env:
    return Env(policy_site, store, settings, tmp_path / "monitor.db")


def _page(text: str | None = None) -> str:
    return policy_html(text if text is not None else seed_text(SEED))


# --- versions -------------------------------------------------------------------------------------


def test_first_check_makes_version_1_and_unchanged_page_only_a_fetch_row(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    env.site.set_page("/p", _page(), etag=False, last_modified=False)
    p = env.policy("acme", "/p")

    first = env.check(p)
    assert (first.outcome, first.version_seq) == ("new", 1)
    assert first.summary and first.summary["clauses"] > 10

    parsed: list[object] = []
    real = check_mod.analyse_page
    monkeypatch.setattr(check_mod, "analyse_page", lambda *args: parsed.append(args) or real(*args))
    second = env.check(p)
    assert parsed == []  # the same bytes again: known by their hash, not parsed
    assert second.outcome == "unchanged" and second.version_seq is None
    assert env.count("versions", "acme") == 1
    assert env.count("fetches", "acme") == 2
    assert [r[0] for r in env.rows("SELECT outcome FROM fetches ORDER BY id")] == ["new", "unchanged"]


def test_etag_304_is_not_modified_without_parsing(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    env.site.set_page("/p", _page())
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"

    parsed: list[object] = []
    real = check_mod.analyse_page
    monkeypatch.setattr(check_mod, "analyse_page", lambda *args: parsed.append(args) or real(*args))
    out = env.check(p)
    assert out.outcome == "not_modified"
    assert parsed == []
    sent = env.site.requests_log[-1][1]
    assert sent.get("If-None-Match") == env.site.page("/p").etag
    assert env.count("versions", "acme") == 1


def test_unchanged_checks_store_only_what_is_new_and_the_validators_stay_in_force(env: Env) -> None:
    """Months of unchanged checks must not grow the database by their repeated validators and
    hashes: a 304 row repeats nothing, yet the next check still sends the validators, also
    after the fetch history has been pruned."""
    env.site.set_page("/p", _page())
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"
    for _ in range(3):
        assert env.check(p).outcome == "not_modified"
    slim = env.rows(
        "SELECT etag, last_modified, final_url, text_sha256, body_sha256 FROM fetches"
        " WHERE outcome = 'not_modified'"
    )
    assert slim == [(None, None, None, None, None)] * 3
    env.store.prune_fetches("9999-01-01T00:00:00Z")  # everything is older than that  # type: ignore[attr-defined]
    assert [r[0] for r in env.rows("SELECT outcome FROM fetches ORDER BY id")] == ["new", "not_modified"]
    assert env.check(p).outcome == "not_modified"
    sent = env.site.requests_log[-1][1]
    assert sent.get("If-None-Match") == env.site.page("/p").etag
    # new validators for the same text are stored, and are the ones sent next
    env.site.set_page("/p", _page() + "<!-- rebuilt -->")
    assert env.check(p).outcome == "unchanged"
    assert env.check(p).outcome == "not_modified"
    assert env.site.requests_log[-1][1].get("If-None-Match") == env.site.page("/p").etag
    env.store.prune_fetches("9999-01-01T00:00:00Z")  # type: ignore[attr-defined]
    assert env.check(p).outcome == "not_modified"  # the row that brought them was kept
    assert env.site.requests_log[-1][1].get("If-None-Match") == env.site.page("/p").etag


def test_real_edit_makes_version_2_with_changes_and_alert_in_one_transaction(env: Env) -> None:
    text = seed_text(SEED)
    assert OLD_RETENTION in text
    env.site.set_page("/p", _page(text))
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"

    env.site.set_page("/p", _page(text.replace(OLD_RETENTION, NEW_RETENTION)))
    out = env.check(p)
    assert (out.outcome, out.version_seq) == ("changed", 2)
    assert out.summary is not None and out.summary["modified"] >= 1
    assert out.summary["material"] and "retention" in out.summary["categories"]

    (version_id,) = env.rows("SELECT id FROM versions WHERE policy_id = 'acme' AND seq = 2")[0]
    changed = env.store.changes_of(version_id)  # type: ignore[attr-defined]
    assert any(NEW_RETENTION in ((c.get("new") or {}).get("text") or "") for c in changed)
    # the alert is in the outbox, tied to the version, written with it
    assert out.alerts >= 1
    assert ("change", version_id, "console") in env.alerts("acme", "change")
    fetch_version = env.rows(
        "SELECT version_id FROM fetches WHERE policy_id = 'acme' ORDER BY id DESC LIMIT 1"
    )
    assert fetch_version == [(version_id,)]


def test_a_page_read_as_a_first_version_is_compared_in_full_when_another_checker_stored_one_first(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A first version is segmented without comparison keys; if another checker records version 1
    # meanwhile, the page is compared with it after all and must align clause by clause.
    text = seed_text(SEED)
    env.site.set_page("/p", _page(text.replace(OLD_RETENTION, NEW_RETENTION)))
    p = env.policy("acme", "/p")
    real = check_mod.analyse_page

    def racing(job: check_mod.PageJob, load_previous: check_mod.Previous | None = None) -> object:
        page = real(job, load_previous)
        monkeypatch.setattr(check_mod, "analyse_page", real)
        env.site.set_page("/p", _page(text))  # the other checker fetches the older text
        assert env.check(p).outcome == "new"
        return page

    monkeypatch.setattr(check_mod, "analyse_page", racing)
    out = env.check(p)
    assert (out.outcome, out.version_seq) == ("changed", 2)
    assert out.summary is not None
    assert (out.summary["added"], out.summary["removed"], out.summary["modified"]) == (0, 0, 1)
    assert "retention" in out.summary["categories"]


def test_markup_only_change_is_no_new_version(env: Env) -> None:
    env.site.set_page("/p", _page())
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"

    restyled = (
        _page()
        .replace("<main>", '<main class="policy v2">\n<!-- redesigned -->')
        .replace("<p>", '<p class="para">')
    )
    env.site.set_page("/p", restyled)
    out = env.check(p)
    assert out.outcome == "unchanged"
    assert env.count("versions", "acme") == 1
    assert env.count("fetches", "acme") == 2


# --- guards: failures and suspicious pages are fetch rows, never versions -------------------------


@pytest.mark.parametrize(
    ("fault", "opts", "expected"),
    [
        ("status", {"code": 500}, "failed"),
        ("status", {"code": 404}, "failed"),
        ("slow", {"seconds": 2.5}, "failed"),
        ("empty", {}, ("failed", "suspect")),
        ("challenge", {"status": 200}, ("failed", "suspect")),
        ("challenge", {"status": 403}, "failed"),
        ("login", {}, ("failed", "suspect")),
    ],
)
def test_broken_or_hostile_page_never_makes_a_version(
    env: Env, fault: str, opts: dict, expected: object
) -> None:
    env.site.set_page("/p", _page())
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"

    env.site.set_fault("/p", fault, **opts)
    out = env.check(p)
    assert out.outcome in (expected if isinstance(expected, tuple) else (expected,))
    assert out.error
    assert env.count("versions", "acme") == 1
    last = env.rows("SELECT outcome, error FROM fetches WHERE policy_id = 'acme' ORDER BY id DESC LIMIT 1")[0]
    assert last == (out.outcome, out.error)

    # and when the page is back, it is unchanged, not a new version
    env.site.clear_fault("/p")
    assert env.check(p).outcome in ("unchanged", "not_modified")
    assert env.count("versions", "acme") == 1


def test_challenge_page_alerts_once_when_it_turns_into_one(env: Env) -> None:
    env.site.set_page("/p", _page())
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"

    env.site.set_fault("/p", "challenge", status=200)
    outs = [env.check(p) for _ in range(3)]
    assert all(o.outcome in ("failed", "suspect") for o in outs)
    assert len(env.alerts("acme", "challenge")) == 1
    assert env.count("versions", "acme") == 1


@pytest.mark.parametrize("fault", ["login", "challenge"])
def test_the_same_suspect_body_again_is_suspect_without_parsing_it(
    env: Env, fault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    env.site.set_page("/p", _page())
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"
    env.site.set_fault("/p", fault, status=200)
    first = env.check(p)
    assert first.outcome == "suspect"

    parsed: list[object] = []
    real = check_mod.analyse_page
    monkeypatch.setattr(check_mod, "analyse_page", lambda *args: parsed.append(args) or real(*args))
    again = env.check(p)
    assert (again.outcome, again.error) == ("suspect", first.error)
    assert parsed == []
    rows = env.rows(
        "SELECT outcome, error, body_sha256, text_sha256 FROM fetches WHERE policy_id = 'acme'"
        " ORDER BY id DESC LIMIT 2"
    )
    assert rows[0] == rows[1] and rows[0][2] and rows[0][3]
    assert env.count("versions", "acme") == 1

    env.site.clear_fault("/p")  # the real page back: parsed, and unchanged
    assert env.check(p).outcome in ("unchanged", "not_modified")


def test_shrink_is_suspect_until_the_same_shrunk_text_is_seen_again(env: Env) -> None:
    lines = [ln for ln in seed_text(SEED).splitlines() if ln.strip()]
    env.site.set_page("/p", _page("\n".join(lines)), etag=False, last_modified=False)
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"

    shrunk = "\n".join(lines[: len(lines) // 4])
    env.site.set_page("/p", _page(shrunk), etag=False, last_modified=False)
    first = env.check(p)
    assert first.outcome == "suspect" and "shrunk" in (first.error or "")
    assert env.count("versions", "acme") == 1

    confirmed = env.check(p)
    assert (confirmed.outcome, confirmed.version_seq) == ("changed", 2)
    assert confirmed.summary and confirmed.summary["removed"] > 0


def test_shrink_then_a_different_shrunk_text_stays_suspect(env: Env) -> None:
    lines = [ln for ln in seed_text(SEED).splitlines() if ln.strip()]
    env.site.set_page("/p", _page("\n".join(lines)))
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"

    env.site.set_page("/p", _page("\n".join(lines[:30])))
    assert env.check(p).outcome == "suspect"
    env.site.set_page("/p", _page("\n".join(lines[:25])))
    assert env.check(p).outcome == "suspect"
    assert env.count("versions", "acme") == 1


# --- health alerts --------------------------------------------------------------------------------


def test_unreachable_alert_exactly_once_then_recovered_once(env: Env) -> None:
    env.site.set_page("/p", _page())
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"

    env.site.set_fault("/p", "status", code=503)
    outs = [env.check(p) for _ in range(env.threshold + 2)]
    assert [o.outcome for o in outs] == ["failed"] * (env.threshold + 2)
    assert [o.alerts for o in outs] == [0] * (env.threshold - 1) + [1] + [0, 0]
    assert len(env.alerts("acme", "unreachable")) == 1

    env.site.clear_fault("/p")
    back = env.check(p)
    assert back.outcome in ("unchanged", "not_modified") and back.alerts == 1
    assert env.check(p).alerts == 0
    assert len(env.alerts("acme", "recovered")) == 1
    assert len(env.alerts("acme", "unreachable")) == 1


def _stepping_clock() -> Callable[[], datetime]:
    """A clock a minute further on each time it is read."""
    ticks = itertools.count()
    start = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
    return lambda: start + timedelta(minutes=next(ticks))


@pytest.mark.parametrize("between", ["login", "challenge", "shrunk"])
def test_an_outage_ended_through_a_suspect_page_is_recovered_exactly_once(env: Env, between: str) -> None:
    """Issue 9 #4: 3 x 503 -> unreachable; then a login wall, a challenge or a shrunk page; then the
    real page: "recovered" comes once, and a later outage is a new one."""
    env.store.clock = _stepping_clock()  # type: ignore[attr-defined]  # each check a minute later
    lines = [ln for ln in seed_text(SEED).splitlines() if ln.strip()]
    env.site.set_page("/p", _page("\n".join(lines)), etag=False, last_modified=False)
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"

    env.site.set_fault("/p", "status", code=503)
    for _ in range(env.threshold):
        env.check(p)
    assert len(env.alerts("acme", "unreachable")) == 1

    env.site.clear_fault("/p")
    if between == "shrunk":
        env.site.set_page("/p", _page("\n".join(lines[:3])), etag=False, last_modified=False)
    else:
        env.site.set_fault("/p", between, **({"status": 200} if between == "challenge" else {}))
    assert env.check(p).outcome in ("failed", "suspect")
    assert env.alerts("acme", "recovered") == []

    env.site.clear_fault("/p")
    env.site.set_page("/p", _page("\n".join(lines)), etag=False, last_modified=False)
    back = env.check(p)
    assert back.outcome in ("unchanged", "not_modified")
    assert len(env.alerts("acme", "recovered")) == 1
    assert env.check(p).alerts == 0
    assert len(env.alerts("acme", "recovered")) == 1
    assert env.store.status()[0].health == "ok"  # type: ignore[attr-defined]

    env.site.set_fault("/p", "status", code=503)  # a second outage is a new one
    for _ in range(env.threshold + 1):
        env.check(p)
    assert len(env.alerts("acme", "unreachable")) == 2
    assert env.store.status()[0].health == "unreachable"  # type: ignore[attr-defined]


def test_two_checkers_ending_one_outage_raise_recovered_once(env: Env, tmp_path: Path) -> None:
    """Two stores on one file (a cron `check` beside the daemon) both see the outage end."""
    env.site.set_page("/p", _page())
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"
    env.site.set_fault("/p", "status", code=503)
    for _ in range(env.threshold):
        env.check(p)
    other = store_mod.Store(env.db)
    try:
        # both read the state before either records: the store decides who ends the outage
        first = check_mod._Check(p, env.store, env.fetcher, env.watchlist, "2026-11-25T10:00:00Z", 0.0)
        second = check_mod._Check(p, other, env.fetcher, env.watchlist, "2026-11-25T10:00:01Z", 0.0)
        env.site.clear_fault("/p")
        first.run(check_mod.analyse_page)
        second.run(check_mod.analyse_page)
    finally:
        other.close()
    assert len(env.alerts("acme", "recovered")) == 1


def test_fewer_failures_than_the_threshold_raise_no_alert(env: Env) -> None:
    env.site.set_page("/p", _page())
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"
    env.site.set_fault("/p", "status", code=500)
    for _ in range(env.threshold - 1):
        env.check(p)
    env.site.clear_fault("/p")
    env.check(p)
    assert env.alerts("acme") == []


# --- many policies --------------------------------------------------------------------------------


class _ExplodingFetcher:
    """A real fetcher that raises for one URL: an internal bug no real part produces on demand."""

    def __init__(self, inner: object, bad_url: str) -> None:
        self.inner, self.bad_url = inner, bad_url

    def fetch(self, url: str, **kw: object) -> object:
        if url == self.bad_url:
            raise RuntimeError("boom")
        return self.inner.fetch(url, **kw)  # type: ignore[attr-defined]


def test_check_many_checks_every_policy_and_one_crash_stops_nothing(env: Env) -> None:
    for i in range(6):
        env.site.set_page(f"/p{i}", policy_html(seed_text(i % 5)))
        env.policy(f"pol-{i}", f"/p{i}")
    env.fetcher = _ExplodingFetcher(env.fetcher, env.site.url("/p2"))
    seen: list[str] = []
    outs = check_many(
        env.policies,
        store=env.store,
        fetcher=env.fetcher,
        watchlist=env.watchlist,  # type: ignore[arg-type]
        progress=lambda o: seen.append(o.policy_id),
    )
    assert [o.policy_id for o in outs] == [p.id for p in env.policies]
    assert sorted(seen) == sorted(p.id for p in env.policies)
    assert outs[2].outcome == "failed" and "boom" in (outs[2].error or "")
    assert [o.outcome for i, o in enumerate(outs) if i != 2] == ["new"] * 5
    rows = env.rows("SELECT outcome, error FROM fetches WHERE policy_id = 'pol-2'")
    assert rows == [("failed", outs[2].error)]

    again = check_many(env.policies, store=env.store, fetcher=env.fetcher, watchlist=env.watchlist)  # type: ignore[arg-type]
    assert [o.outcome for i, o in enumerate(again) if i != 2] == ["not_modified"] * 5


def test_a_pass_on_threads_reports_each_outcome_once_and_never_two_at_a_time(env: Env) -> None:
    """The worker threads report their outcomes themselves: progress lines must not interleave."""
    import threading
    import time

    for i in range(8):
        env.site.set_page(f"/t{i}", policy_html(seed_text(i % 5)))
        env.policy(f"thr-{i}", f"/t{i}")
    inside, most, seen = [0], [0], []
    lock = threading.Lock()

    def progress(outcome: CheckOutcome) -> None:
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        time.sleep(0.02)  # long enough for another thread's outcome to come meanwhile
        seen.append((outcome.policy_id, threading.current_thread().name))
        with lock:
            inside[0] -= 1

    outs = check_many(
        env.policies,
        store=env.store,
        fetcher=env.fetcher,
        watchlist=env.watchlist,  # type: ignore[arg-type]
        progress=progress,
        processes=1,
    )
    assert [o.policy_id for o in outs] == [p.id for p in env.policies]
    assert [o.outcome for o in outs] == ["new"] * 8
    assert sorted(pid for pid, _ in seen) == sorted(p.id for p in env.policies)
    assert most[0] == 1
    assert len({name for _, name in seen}) > 1  # reported from the checking threads


# --- the log line ---------------------------------------------------------------------------------


def test_format_outcome_is_one_readable_line() -> None:
    p = PolicyConfig(id="kaiconn-privacy", name="Kaiconn", url="https://example.org/p")
    summary = {
        "added": 2,
        "removed": 0,
        "modified": 1,
        "moved": 0,
        "material": True,
        "max_severity": "high",
        "categories": ["retention", "sharing"],
    }
    line = format_outcome(p, CheckOutcome("kaiconn-privacy", "changed", 812, 4, summary))
    assert line == (
        "kaiconn-privacy changed v4 in 812 ms: 1 modified, 2 added; material high [retention, sharing]"
    )
    assert format_outcome(p, CheckOutcome("kaiconn-privacy", "failed", 30, error="HTTP 500")) == (
        "kaiconn-privacy failed in 30 ms: HTTP 500"
    )
    unchanged = format_outcome(p, CheckOutcome("kaiconn-privacy", "unchanged", 3))
    assert unchanged == "kaiconn-privacy unchanged in 3 ms"
    assert "\n" not in format_outcome(p, CheckOutcome("x", "new", 5, 1, {"clauses": 40}, alerts=1))


def test_check_many_in_a_process_pool_records_what_threads_record(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    n = passes_mod.MIN_POLICIES_FOR_PROCESSES
    for i in range(n):
        env.site.set_page(f"/p{i}", policy_html(seed_text(i % 5), f"Policy {i}"))
        env.policy(f"pol-{i}", f"/p{i}")
    monkeypatch.setenv(passes_mod.PROCESSES_ENV, "2")
    outs = check_many(env.policies, store=env.store, fetcher=env.fetcher, watchlist=env.watchlist)  # type: ignore[arg-type]
    assert [o.outcome for o in outs] == ["new"] * n
    # the clauses made in the worker processes are the ones this process makes
    for i in (0, 1, 2):
        made_here = check_mod.analyse_page(
            check_mod.PageJob(
                env.site.page(f"/p{i}").body, "text/html", "utf-8", None, (), None, None, None, None, None
            )
        )
        assert outs[i].summary == {"clauses": len(made_here.clauses)}
        stored = env.store.latest_version(f"pol-{i}")  # type: ignore[attr-defined]
        # (a first version is analysed without comparison keys; loading it computes them)
        assert stored.text_sha256 == made_here.text_sha and stored.clauses == with_keys(made_here.clauses)

    env.site.set_page("/p3", policy_html(seed_text(3).replace(OLD_RETENTION, NEW_RETENTION), "Policy 3"))
    again = check_many(env.policies, store=env.store, fetcher=env.fetcher, watchlist=env.watchlist)  # type: ignore[arg-type]
    assert [o.outcome for o in again].count("not_modified") == n - 1
    assert (again[3].outcome, again[3].version_seq) == ("changed", 2)
    assert again[3].summary and again[3].summary["material"]


def test_a_long_pass_keeps_the_callers_own_fetcher(env: Env, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fetcher that is not a registered kind (a wrapper, a recorder) cannot be rebuilt in a
    worker process, so the pass runs on threads with it rather than swapping in another."""
    seen: list[str] = []

    class RecordingFetcher:
        kind = "recording"

        def __init__(self, inner: object) -> None:
            self.inner, self.settings = inner, inner.settings  # type: ignore[attr-defined]

        def fetch(self, url: str, **validators: object) -> object:
            seen.append(url)
            return self.inner.fetch(url, **validators)  # type: ignore[attr-defined]

    n = passes_mod.MIN_POLICIES_FOR_PROCESSES
    for i in range(n):
        env.site.set_page(f"/r{i}", policy_html(seed_text(i % 5), f"Policy {i}"))
        env.policy(f"rec-{i}", f"/r{i}")
    monkeypatch.setenv(passes_mod.PROCESSES_ENV, "2")
    outs = check_many(
        env.policies,
        store=env.store,
        fetcher=RecordingFetcher(env.fetcher),  # type: ignore[arg-type]
        watchlist=env.watchlist,
    )
    assert [o.outcome for o in outs] == ["new"] * n
    assert sorted(seen) == sorted(env.site.url(f"/r{i}") for i in range(n))


def test_new_select_or_remove_settings_re_extract_the_page_without_change_alerts(env: Env) -> None:
    notes = '<div class="legal-notes"><p>We may sell your personal data to data brokers.</p></div></main>'
    env.site.set_page("/p", _page().replace("</main>", notes))
    p = env.policy("pol", "/p")
    first = env.check(p)
    assert first.outcome == "new" and env.check(p).outcome == "not_modified"

    narrowed = dataclasses.replace(p, remove=(".legal-notes",))
    env.policies[-1] = narrowed
    second = env.check(narrowed)
    sent = [{k.lower() for k in h} for (path, h, _t) in env.site.requests_log if path == "/p"][-1]
    assert "if-none-match" not in sent  # a 304 would hide the page the new settings must read
    assert (second.outcome, second.version_seq, second.alerts) == ("changed", 2, 0)
    assert "data brokers" not in env.store.latest_version("pol").text  # type: ignore[attr-defined]
    assert env.alerts("pol", "change") == []
    assert env.check(narrowed).outcome == "not_modified"  # validators again once re-extracted


# --- charsets (issue 9 #6) ----------------------------------------------------------------------------


def test_a_windows_1252_body_labelled_utf8_is_not_a_new_version(env: Env) -> None:
    """The same policy, served once in UTF-8 and then in windows-1252 still labelled UTF-8 (one
    non-ASCII letter in a long page): the text decodes to the same text, no "Z\ufffdrich"."""
    html = _page(seed_text(4) + "\nOur data protection officer works from our office in Zürich.")
    html = html.replace('<meta charset="utf-8">', "")
    env.site.set_page("/p", html.encode("utf-8"), etag=False, last_modified=False)
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"

    env.site.set_page("/p", html.encode("cp1252"), etag=False, last_modified=False)
    again = env.check(p)
    assert again.outcome == "unchanged", again
    assert env.count("versions", "acme") == 1
    assert env.rows("SELECT count(*) FROM texts WHERE instr(text, char(65533)) > 0") == [(0,)]


def test_text_that_needs_replacement_characters_is_a_decoding_error_not_a_version(env: Env) -> None:
    """Bytes no charset decodes cleanly (UTF-8 with bytes that are not UTF-8 in it) where the stored
    version had none: a failed check naming the decoding, never a version of mojibake."""
    text = seed_text(SEED) + "\nUnsere Büros sind in München, Zürich und Genève."
    env.site.set_page("/p", _page(text).encode("utf-8"), etag=False, last_modified=False)
    p = env.policy("acme", "/p")
    assert env.check(p).outcome == "new"

    broken = _page(text).encode("utf-8").replace("München".encode(), b"M\xfc\xfdnchen")
    env.site.set_page("/p", broken, etag=False, last_modified=False)
    out = env.check(p)
    assert out.outcome == "failed" and "decoding error" in (out.error or "")
    assert env.count("versions", "acme") == 1


# --- a full disk ----------------------------------------------------------------------------------


def test_a_full_disk_fails_the_check_in_one_clear_line_and_the_next_check_stores_it(
    env: Env, caplog: pytest.LogCaptureFixture
) -> None:
    # SQLite's max_page_count makes the real database file refuse to grow, as a full disk does
    env.site.set_page("/p", _page(), etag=False, last_modified=False)
    p = env.policy("acme", "/p")
    conn = env.store._conn  # type: ignore[attr-defined]
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    with caplog.at_level("ERROR"):
        full = env.check(p)
    assert full.outcome == "failed" and full.error.startswith("storage error: database or disk is full")
    assert not any(r.exc_info for r in caplog.records)  # the disk, not a bug: no traceback
    assert env.count("versions", "acme") == 0

    conn.execute("PRAGMA max_page_count = 1073741823")  # space is back
    again = env.check(p)
    assert (again.outcome, again.version_seq) == ("new", 1)
    assert env.rows("PRAGMA integrity_check") == [("ok",)]


def test_storage_errors_are_told_from_bugs() -> None:
    import errno

    assert check_mod.storage_error(sqlite3.OperationalError("database or disk is full"))
    assert check_mod.storage_error(OSError(errno.ENOSPC, "No space left on device"))
    assert check_mod.storage_error(sqlite3.OperationalError("no such table: versions")) is None
    assert check_mod.storage_error(ValueError("bad")) is None


# --- quiet checks written in batches ----------------------------------------------------------------


def test_unchanged_checks_of_a_pass_are_recorded_in_batches_and_all_by_its_end(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pass writes the rows of its 304s a few at a time, not one transaction each; by the time
    check_many returns every check has its row, and the next pass still sends the validators."""
    for i in range(7):
        env.site.set_page(f"/q{i}", policy_html(seed_text(i % 5)))
        env.policy(f"quiet-{i}", f"/q{i}")
    first = check_many(
        env.policies,
        store=env.store,
        fetcher=env.fetcher,
        watchlist=env.watchlist,  # type: ignore[arg-type]
        processes=1,
    )
    assert [o.outcome for o in first] == ["new"] * 7
    batches: list[int] = []
    real = store_mod.Store.record_quiet_fetches

    def spy(self: object, fetches: list) -> None:
        batches.append(len(fetches))
        real(self, fetches)  # type: ignore[arg-type]

    monkeypatch.setattr(store_mod.Store, "record_quiet_fetches", spy)
    monkeypatch.setattr(check_mod, "QUIET_BATCH", 3)
    for _ in range(2):
        again = check_many(
            env.policies,
            store=env.store,
            fetcher=env.fetcher,
            watchlist=env.watchlist,  # type: ignore[arg-type]
            processes=1,
        )
        assert [o.outcome for o in again] == ["not_modified"] * 7
    assert sorted(batches) == [1, 1, 3, 3, 3, 3]  # two passes: 3 + 3 + the last one each
    for p in env.policies:
        rows = env.rows("SELECT outcome FROM fetches WHERE policy_id = ? ORDER BY id", p.id)
        outcomes = [r[0] for r in rows]
        assert outcomes == ["new", "not_modified", "not_modified"]
    assert env.site.hits("/q0") == 3


def test_a_check_that_ends_an_outage_is_written_at_once_with_its_alert(env: Env) -> None:
    """Only rows that change nothing wait for a batch: a page reached again after an outage
    raises its "recovered" alert in the same transaction as its row, as a single check does."""
    env.threshold = 2
    env.site.set_page("/o", _page())
    p = env.policy("outage", "/o")
    assert env.check(p).outcome == "new"
    env.site.set_fault("/o", "status", code=500)
    assert [env.check(p).outcome for _ in range(2)] == ["failed", "failed"]
    env.site.clear_fault("/o")
    quiet = check_mod.QuietFetches(env.store, batch=100)  # type: ignore[arg-type]
    outcome = check_mod._check(p, env.store, env.fetcher, env.watchlist, check_mod.analyse_page, quiet)  # type: ignore[arg-type]
    assert outcome.outcome in ("unchanged", "not_modified") and outcome.alerts == 1
    assert (
        env.rows("SELECT outcome FROM fetches WHERE policy_id = 'outage' ORDER BY id DESC LIMIT 1")[0][0]
        == outcome.outcome
    )  # written before the batch is
    assert len(env.alerts("outage", "recovered")) == 1
    quiet.close()
    assert env.count("fetches", "outage") == 4
