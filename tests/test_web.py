"""The web app as its users meet it: pages, the JSON API against its OpenAPI schema, Atom feeds
read by feedparser, /metrics read by prometheus_client's parser, /healthz, the bind/auth rule, and
hostile policy text and secrets kept out. Over HTTP against `serve` on 127.0.0.1, on a database
made by real checks of a local site (web_world.py), and one made by `policy-monitor demo`."""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from html import escape as html_escape
from pathlib import Path
from typing import Any

import feedparser
import jsonschema
import pytest
from policy_site import PolicySite
from prometheus_client.parser import text_string_to_metric_families
from web_world import (
    HOSTILE_NAME,
    SECRET_PASSWORD,
    SECRET_TOKEN,
    SECRET_USER,
    WebWorld,
    get,
    running_server,
)

from monitor.app import read_models
from monitor.app.web.server import Access, BindRefused, check_bind, parse_bind
from monitor.store import FetchRecord, Store

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebWorld]:
    site = PolicySite().start()
    try:
        yield WebWorld(tmp_path_factory.mktemp("web"), site).build()
    finally:
        site.stop()


@pytest.fixture(scope="module")
def base(world: WebWorld) -> Iterator[str]:
    with running_server(world.db, world.watchlist) as url:
        yield url


def page(url: str) -> str:
    status, headers, body = get(url)
    assert status == 200, (url, status, body[:300])
    assert headers["content-type"].startswith("text/html")
    return body.decode("utf-8")


def explanation(base: str, category: str) -> str:
    """The stored explanation of the latest change in a category, escaped as the pages show it
    (the engine's wording is not this test's business; that the page shows it is)."""
    return html_escape(api(base + f"/api/changes?category={category}")["items"][0]["explanation"])


def api(url: str) -> Any:
    status, headers, body = get(url)
    assert status == 200, (url, status, body[:300])
    assert headers["content-type"].startswith("application/json")
    return json.loads(body)


# --- pages -------------------------------------------------------------------------------------


def test_dashboard_lists_every_policy_with_status_and_last_material_change(base: str) -> None:
    html = page(base + "/")
    for pid in ("brightleaf-privacy", "fjallbo-integritet", "yunqi-privacy", "seed-terms", "secret-url"):
        assert f'href="/policies/{pid}"' in html
    row = html.split('href="/policies/brightleaf-privacy"', 1)[1].split("</tr>", 1)[0]
    assert 'class="sev sev-high"' in row and "sharing" in row and "st-ok" in row
    assert 'href="/policies/brightleaf-privacy/diff?from=2&amp;to=3"' in row
    failing = html.split('href="/policies/secret-url"', 1)[1].split("</tr>", 1)[0]
    assert "st-failing" in failing


def test_dashboard_filters_and_sorts(base: str) -> None:
    html = page(base + "/?category=retention")
    assert "brightleaf-privacy" not in html  # its last material change is about sharing
    html = page(base + "/?category=sharing&sort=id&order=desc")
    assert html.index("seed-terms") < html.index("brightleaf-privacy")
    assert "yunqi-privacy" not in html
    html = page(base + "/?status=failing")
    assert "secret-url" in html and "brightleaf-privacy" not in html
    html = page(base + "/?language=sv")
    assert "fjallbo-integritet" in html and "yunqi-privacy" not in html
    status, _, body = get(base + "/?severity=catastrophic")
    assert status == 400 and b"severity must be one of" in body


def test_policy_page_shows_timeline_fetches_and_watchlist_entry(base: str) -> None:
    html = page(base + "/policies/brightleaf-privacy")
    assert html.index("version 3") < html.index("version 2") < html.index("version 1")  # newest first
    assert "1 modified, 1 added" in html and "retention" in html
    assert "Fetch history" in html and "changed" in html
    assert "Watchlist entry" in html and "interval_seconds" in html
    assert page(base + "/policies/secret-url").count("connection refused") >= 1


def test_change_page_puts_material_changes_first_with_explanation_and_inline_diff(base: str) -> None:
    html = page(base + "/policies/brightleaf-privacy/diff?from=1&to=2")
    material = html.index('class="change material"')
    assert material < html.index('class="change quiet"')  # the hostile added clause is not material
    card = html[material:].split("</article>", 1)[0]
    assert explanation(base, "retention") in card and "3 years" in card and "10 years" in card
    assert "<del>3</del>" in card and "<ins>10</ins>" in card
    assert "4. Data retention" in card  # the section path
    assert 'class="context"' in card  # the paragraph around it
    assert "<details" in html and "non-material" in html  # the toggle, without JavaScript
    assert 'href="/policies/brightleaf-privacy/versions/1"' in html
    assert 'href="/policies/brightleaf-privacy/versions/2"' in html


def test_any_two_versions_compare(base: str) -> None:
    html = page(base + "/policies/brightleaf-privacy/diff?from=1&to=3")
    assert explanation(base, "retention") in html and explanation(base, "sharing") in html
    assert "compared now by the engine" in html
    status, _, body = get(base + "/policies/brightleaf-privacy/diff?from=1&to=9")
    assert status == 404 and b"versions 1..3" in body


def test_version_page_has_sections_as_headings_and_marks_changed_clauses(base: str) -> None:
    html = page(base + "/policies/brightleaf-privacy/versions/2")
    assert re.search(r"<h\d[^>]*>[^<]*Data retention</h\d>", html)
    marked = re.findall(r'<p id="clause-\d+" class="changed">(.*?)</p>', html)
    assert any("10 years" in m for m in marked)
    assert not any("10 years" in m for m in re.findall(r'<p id="clause-\d+" class="">(.*?)</p>', html))


def test_unknown_pages_are_404_with_a_hint(base: str) -> None:
    status, _, body = get(base + "/policies/brightleaf-privacc")
    assert status == 404 and b"brightleaf-privacy" in body  # did you mean
    assert get(base + "/nothing-here")[0] == 404


# --- hostile text and secrets ------------------------------------------------------------------


def test_policy_text_and_names_are_escaped_everywhere(base: str) -> None:
    urls = [
        "/",
        "/policies/brightleaf-privacy",
        "/policies/brightleaf-privacy/diff?from=1&to=2&all=1",
        "/policies/brightleaf-privacy/versions/2",
        "/policies/seed-terms",
        "/policies/seed-terms/diff",
    ]
    for url in urls:
        status, headers, body = get(base + url)
        html = body.decode()
        assert status == 200
        assert "<script" not in html and "<img" not in html and "<b>Bold" not in html, url
        assert "script-src" not in headers["content-security-policy"]  # default-src 'none': no script
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in page(
        base + "/policies/brightleaf-privacy/versions/2"
    )
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;i&gt;co&lt;/i&gt;" in page(base + "/")
    feed = get(base + "/feeds/policies/seed-terms.atom")[2].decode()
    assert feedparser.parse(feed).entries[0].title.startswith(HOSTILE_NAME)  # text, not markup
    assert "<b>" not in feed


def test_secrets_in_a_url_never_appear(base: str) -> None:
    urls = [
        "/",
        "/policies/secret-url",
        "/api/policies/secret-url",
        "/api/status",
        "/api/policies",
        "/feeds/changes.atom",
        "/metrics",
        "/healthz",
        "/?status=failing",
    ]
    for url in urls:
        body = get(base + url)[2].decode()
        for secret in (SECRET_PASSWORD, SECRET_TOKEN, SECRET_USER):
            assert secret not in body, (url, secret)
    entry = api(base + "/api/policies/secret-url")["watchlist"]
    assert entry["url"].startswith("http://***@127.0.0.1:9/gone?token=***")


def test_no_write_endpoints(base: str) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        for url in ("/", "/api/policies", "/api/changes", "/policies/brightleaf-privacy"):
            status, headers, _ = get(base + url, method=method)
            assert status == 405 and headers["allow"] == "GET, HEAD"


# --- the API -----------------------------------------------------------------------------------


def check_schema(openapi: dict[str, Any], path: str, data: Any) -> None:
    schema = openapi["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    jsonschema.Draft202012Validator({**schema, "components": openapi["components"]}).validate(data)


def test_api_answers_match_the_openapi_schema(base: str) -> None:
    openapi = api(base + "/api/openapi.json")
    assert openapi["openapi"].startswith("3.1")
    jsonschema.Draft202012Validator.check_schema({"components": openapi["components"]})
    calls = {
        "/api/policies": [
            "/api/policies",
            "/api/policies?severity=high&sort=severity&order=desc",
            "/api/policies?page=2&per_page=2",
            "/api/policies?status=failing",
        ],
        "/api/policies/{policy_id}": ["/api/policies/brightleaf-privacy", "/api/policies/secret-url"],
        "/api/policies/{policy_id}/versions": ["/api/policies/brightleaf-privacy/versions"],
        "/api/policies/{policy_id}/versions/{seq}": [
            "/api/policies/yunqi-privacy/versions/1",
            "/api/policies/yunqi-privacy/versions/1?clauses=true",
        ],
        "/api/policies/{policy_id}/versions/{seq}/changes": [
            "/api/policies/brightleaf-privacy/versions/2/changes"
        ],
        "/api/policies/{policy_id}/diff": ["/api/policies/brightleaf-privacy/diff?from=1&to=3"],
        "/api/changes": [
            "/api/changes",
            "/api/changes?min_severity=high",
            "/api/changes?category=retention",
            "/api/changes?material=false",
            "/api/changes?policy=seed-terms&since=2000-01-01T00:00:00Z",
            "/api/changes?limit=1",
        ],
        "/api/status": ["/api/status"],
    }
    assert set(calls) == set(openapi["paths"])
    for path, urls in calls.items():
        for url in urls:
            check_schema(openapi, path, api(base + url))
    errors = [
        "/api/policies?sort=colour",
        "/api/changes?since=yesterday",
        "/api/changes?material=maybe",
        "/api/policies/nope",
        "/api/policies/brightleaf-privacy/versions/7",
    ]
    for url in errors:
        status, _, body = get(base + url)
        assert status in (400, 404)
        jsonschema.validate(json.loads(body), openapi["components"]["schemas"]["Error"])


def test_api_changes_filter_and_page(base: str) -> None:
    high = api(base + "/api/changes?min_severity=high")["items"]
    assert {(c["policy_id"], c["seq"]) for c in high} == {
        ("brightleaf-privacy", 2),
        ("brightleaf-privacy", 3),
        ("seed-terms", 2),
    }
    retention = api(base + "/api/changes?category=retention")["items"]
    assert [c["seq"] for c in retention] == [2] and "3 years to 10 years" in retention[0]["explanation"]
    quiet = api(base + "/api/changes?material=false")["items"]
    assert quiet and not any(c["material"] for c in quiet)
    first = api(base + "/api/changes?limit=2")
    rest = api(base + f"/api/changes?limit=100&before={first['next_before']}")
    everything = api(base + "/api/changes")["items"]
    assert [c["id"] for c in first["items"] + rest["items"]] == [c["id"] for c in everything]
    assert api(base + "/api/changes?since=2999-01-01T00:00:00Z")["items"] == []


def test_api_shapes_are_the_cli_json_shapes(base: str, world: WebWorld) -> None:
    def cli(*args: str) -> Any:
        proc = subprocess.run(
            [sys.executable, "-m", "monitor", "--db", str(world.db), *args, "--json"],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=world.dir,
        )
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)

    assert api(base + "/api/status") == cli("status")
    assert api(base + "/api/policies/brightleaf-privacy/versions") == cli("history", "brightleaf-privacy")
    assert api(base + "/api/policies/brightleaf-privacy/versions/2") == cli(
        "show", "brightleaf-privacy", "--version", "2"
    )
    assert api(base + "/api/policies/yunqi-privacy/versions/1?clauses=1") == cli(
        "show", "yunqi-privacy", "--version", "1", "--clauses"
    )


# --- feeds, metrics, health --------------------------------------------------------------------


def test_feeds_are_atom_that_feedparser_reads_and_link_to_change_pages(base: str) -> None:
    parsed = feedparser.parse(get(base + "/feeds/changes.atom")[2])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    titles = [e.title for e in parsed.entries]
    assert len(titles) == 3 and all(" high change " in t for t in titles)
    entry = next(e for e in parsed.entries if "retention" in e.title)
    assert api(base + "/api/changes?category=retention")["items"][0]["explanation"] in entry.summary
    assert entry.link == f"{base}/policies/brightleaf-privacy/diff?from=1&to=2"
    assert explanation(base, "retention") in page(entry.link)
    assert len({e.id for e in parsed.entries}) == 3
    one = feedparser.parse(get(base + "/feeds/policies/seed-terms.atom")[2])
    assert [e.link for e in one.entries] == [f"{base}/policies/seed-terms/diff?from=1&to=2"]
    cat = feedparser.parse(get(base + "/feeds/categories/retention.atom")[2])
    assert len(cat.entries) == 1 and [t.term for t in cat.entries[0].tags] == ["retention"]
    assert len(feedparser.parse(get(base + "/feeds/severity/medium.atom")[2]).entries) == 3
    assert get(base + "/feeds/severity/none.atom")[0] == 404
    assert get(base + "/feeds/policies/nope.atom")[0] == 404


def test_metrics_parse_and_count_what_the_database_holds(base: str, world: WebWorld) -> None:
    status, headers, body = get(base + "/metrics")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    families = {f.name: f for f in text_string_to_metric_families(body.decode())}
    checks = {
        s.labels["outcome"]: s.value
        for s in families["policy_monitor_checks"].samples
        if s.name.endswith("_total")
    }
    assert checks["new"] == 4 and checks["failed"] == 1 and checks["changed"] == 3
    assert families["policy_monitor_versions"].samples[0].value == 7
    hist = families["policy_monitor_check_duration_seconds"].samples
    counts = {s.labels["outcome"]: s.value for s in hist if s.name.endswith("_count")}
    infs = {s.labels["outcome"]: s.value for s in hist if s.labels.get("le") == "+Inf"}
    assert counts == infs == {"new": 4, "failed": 1, "changed": 3}
    # the fetch alone, beside the whole check: every stored check measured it, and it cannot
    # have taken longer than the check around it
    fetch = {
        s.name: s.value
        for s in families["policy_monitor_fetch_duration_seconds"].samples
        if "le" not in s.labels
    }
    assert fetch["policy_monitor_fetch_duration_seconds_count"] == 8
    check_sum = sum(s.value for s in hist if s.name.endswith("_sum"))
    assert 0 <= fetch["policy_monitor_fetch_duration_seconds_sum"] <= check_sum
    changes = {
        (s.labels["severity"], s.labels["material"]): s.value
        for s in families["policy_monitor_changes"].samples
    }
    assert changes[("high", "true")] == 3
    alerts = {s.labels["status"]: s.value for s in families["policy_monitor_alerts"].samples}
    assert alerts["delivered"] == 3 and alerts["dead"] == 0
    assert families["policy_monitor_policies"].samples[0].value == 5
    assert families["policy_monitor_policies_failing"].samples[0].value == 1
    assert families["policy_monitor_daemon_up"].samples[0].value == 0


def test_healthz_without_a_daemon_is_503_and_says_why(base: str) -> None:
    status, _, body = get(base + "/healthz")
    data = json.loads(body)
    assert status == 503 and data["ok"] is False
    assert data["daemon"]["alive"] is False and data["database"]["writable"] is True
    assert data["outbox"] == {"due": 0, "retry_later": 0, "digest": 0, "dead": 0}
    assert data["last_check_at"]


# --- the bind and access rule -------------------------------------------------------------------


def test_binding_beyond_loopback_needs_credentials() -> None:
    assert parse_bind("127.0.0.1:8080") == ("127.0.0.1", 8080)
    assert parse_bind("[::1]:9") == ("::1", 9) and parse_bind(":80") == ("127.0.0.1", 80)
    for host in ("127.0.0.1", "::1", "localhost", "127.0.0.2"):
        check_bind(host, Access())
    for host in ("0.0.0.0", "192.168.1.10", "::", "example.org"):
        with pytest.raises(BindRefused, match="POLICY_MONITOR_WEB_TOKEN"):
            check_bind(host, Access())
        check_bind(host, Access(token="x" * 20))
        check_bind(host, Access(user="u", password="p"))
    with pytest.raises(BindRefused, match="both"):
        Access.from_env({"POLICY_MONITOR_WEB_USER": "u"})


def test_serve_refuses_an_open_address_without_credentials(world: WebWorld) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", "--db", str(world.db), "serve", "--bind", "0.0.0.0:0"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert proc.returncode == 2
    assert (
        "refusing to listen on 0.0.0.0 without credentials" in proc.stderr and "Traceback" not in proc.stderr
    )


def test_token_and_basic_auth_are_required_when_set(world: WebWorld) -> None:
    env = {
        "POLICY_MONITOR_WEB_TOKEN": "a-long-random-token",
        "POLICY_MONITOR_WEB_USER": "ops",
        "POLICY_MONITOR_WEB_PASSWORD": "pa:ss word",
    }
    with running_server(world.db, env=env) as url:
        for path in ("/", "/api/policies", "/feeds/changes.atom", "/metrics", "/healthz"):
            status, headers, body = get(url + path)
            assert status == 401 and "a-long-random-token" not in body.decode()
            assert headers["www-authenticate"].startswith("Basic")
        assert get(url + "/", {"Authorization": "Bearer a-long-random-token"})[0] == 200
        assert get(url + "/", {"Authorization": "Bearer a-long-random-tokeN"})[0] == 401
        good = base64.b64encode(b"ops:pa:ss word").decode()
        bad = base64.b64encode(b"ops:pa:ss").decode()
        assert get(url + "/api/policies", {"Authorization": f"Basic {good}"})[0] == 200
        assert get(url + "/api/policies", {"Authorization": f"Basic {bad}"})[0] == 401
        assert get(url + "/api/policies", {"Authorization": "Basic %%%"})[0] == 401


# --- the daemon's own server, and a database made by demo ---------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_run_http_serves_beside_the_daemon_and_healthz_sees_it_alive(world: WebWorld, tmp_path: Path) -> None:
    import shutil
    import time

    db = tmp_path / "monitor.db"
    shutil.copy(world.db, db)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env["POLICY_MONITOR_MIN_INTERVAL"] = "3600"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "monitor",
            "--db",
            str(db),
            "--watchlist",
            str(world.watchlist),
            "run",
            "--http",
            f"127.0.0.1:{port}",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        data: dict[str, Any] = {}
        while time.monotonic() < deadline:
            try:
                status, _, body = get(f"http://127.0.0.1:{port}/healthz")
            except OSError:
                status = 0
            if status == 200:
                data = json.loads(body)
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.1)
        assert data.get("ok") is True, data
        assert data["daemon"]["alive"] and data["daemon"]["ticking"] and data["database"]["writable"]
        assert "brightleaf-privacy" in page(f"http://127.0.0.1:{port}/")
        metrics = {
            f.name: f
            for f in text_string_to_metric_families(get(f"http://127.0.0.1:{port}/metrics")[2].decode())
        }
        assert metrics["policy_monitor_daemon_up"].samples[0].value == 1
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err


def test_a_database_made_by_demo_is_served(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", "demo", "--keep", "--color", "never"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    folder = Path(re.search(r"Kept (\S+) \(", proc.stdout)[1])  # type: ignore[index]
    try:
        with running_server(folder / "monitor.db", folder / "watchlist.yaml") as url:
            assert all(
                p in page(url + "/") for p in ("brightleaf-privacy", "fjallbo-integritet", "yunqi-privacy")
            )
            html = page(url + "/policies/brightleaf-privacy/diff")
            assert explanation(url, "retention") in html and "10 years" in html
            assert "云栖阅读隐私政策" in page(url + "/policies/yunqi-privacy/versions/1")
            assert feedparser.parse(get(url + "/feeds/changes.atom")[2]).entries
    finally:
        import shutil

        shutil.rmtree(folder, ignore_errors=True)


# --- read models at the scale of pages ----------------------------------------------------------


def test_policy_list_pages_filters_and_sorts_many_policies(tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    import web as bench_web  # bench/web.py builds the benchmark's database

    db = tmp_path / "many.db"
    bench_web.build(db, policies=250, changes=1000)
    with Store(db, read_only=True) as store:
        first = read_models.policy_list(store)
        assert first.total == 250 and first.pages == 3 and len(first.items) == 100
        assert [p.id for p in first.items] == sorted(p.id for p in first.items)
        last = read_models.policy_list(store, page=3)
        assert len(last.items) == 50 and last.items[-1].id == "p00249"
        desc = read_models.policy_list(store, order="desc")
        assert desc.items[0].id == "p00249" and len(desc.items) == 100
        assert read_models.policy_list(store, order="desc", page=3).items[-1].id == "p00000"
        everything = read_models.policy_list(store, per_page=1000, status="failing").items
        assert {p.id for p in everything} == {f"p{i:05d}" for i in range(0, 250, 50)}
        high = read_models.policy_list(store, severity="high", per_page=1000).items
        assert high and all(p.material_severity == "high" for p in high)
        by_sev = read_models.policy_list(store, sort="severity", order="desc", per_page=1000).items
        ranks = [read_models.severity_rank(p.material_severity or "none") for p in by_sev]
        assert ranks == sorted(ranks, reverse=True)
        german = read_models.policy_list(store, language="de", per_page=1000).items
        assert german and {p.language for p in german} == {"de"}
        with pytest.raises(read_models.BadQuery):
            read_models.policy_list(store, sort="colour")
        # a commit by another connection (the daemon) is seen at once: nothing stale is served
        assert read_models.policy_list(store, status="failing", per_page=1000).total == 5
        with Store(db) as writer:
            writer.record_fetch(FetchRecord("p00001", "2031-01-01T00:00:00Z", "failed", error="HTTP 503"))
        failing = read_models.policy_list(store, status="failing", per_page=1000).items
        assert "p00001" in {p.id for p in failing} and len(failing) == 6
        with Store(db, read_only=True) as fresh:  # brought up to date = read anew
            assert store.policy_rows() == fresh.policy_rows()
    with pytest.raises(Exception, match="readonly|read-only|attempt to write"):
        with Store(db, read_only=True) as store:
            store.sync_policies([])
