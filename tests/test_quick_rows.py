"""The quick way through CSV and JSON-lines policy rows (Validator.quick_policy), the staging of a
long list, the first checks written with new rows, `status` showing the planned check and a
`validate` of any length (real CSV and JSON-lines files, real SQLite files).

What a user relies on: a row read the quick way gives exactly the policy the YAML-node way gives,
and a bad row exactly the same messages (file, line, field, words); the ids used twice are found
however the rows fall into batches; `status` says when the daemon will really check next; and
`validate` holds no policy per row in memory.
"""

from __future__ import annotations

import gc
import itertools
import json
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from monitor.app import read_models
from monitor.app.cli import main
from monitor.clock import fixed_clock, iso
from monitor.config import watchlist as watchlist_module
from monitor.config.sources import Pairs
from monitor.config.watchlist import Validator, load_watchlist, stream_watchlist
from monitor.errors import WatchlistError
from monitor.models import PolicyConfig
from monitor.store import Store
from monitor.store import schedule as schedule_module
from monitor.store.schedule import FirstChecks, PolicyStaging
from monitor.watch.scheduler import first_checks, first_run

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=timezone.utc)
WATCHLIST = (
    "alerts:\n"
    "  legal: {type: webhook, url: 'https://hooks.invalid/legal'}\n"
    "defaults: {interval: 12h}\n"
    "policies_from: [{sources}]\n"
)


def without_quick_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every row goes through YAML nodes, as before the quick way existed."""
    monkeypatch.setattr(Validator, "quick_policy", lambda self, row, context: None)


def write_list(folder: Path, *sources: tuple[str, str]) -> Path:
    for name, text in sources:
        (folder / name).write_text(text, encoding="utf-8")
    wl = folder / "watchlist.yaml"
    wl.write_text(WATCHLIST.replace("{sources}", ", ".join(name for name, _ in sources)), encoding="utf-8")
    return wl


BAD_CSV = (
    "id,url,name,type,interval,select,remove,language,alert,previous_ids,render\n"
    "lamp-shop,https://lamps.invalid/privacy,Lamp shop,,,,,,,,\n"
    "rug-shop,,Rugs,,,,,,,,\n"  # no url
    "kite-shop,https://kites.invalid/p,,,every other week,,,,,,\n"  # not a duration
    "sock-shop,https://socks.invalid/p,,,10s,,,,,,\n"  # shorter than the minimum
    "lamp-shop,https://lamps.invalid/other,,,,,,,,,\n"  # the id again
    "bell-shop,https://bells.invalid/p,,,,,,,,,sometimes\n"  # not a render mode
    "drum-shop,https://drums.invalid/p,,,,,,,pager,,\n"  # no such alert route
    "Harp Shop,https://harps.invalid/p,,,,,,,,,\n"  # not a slug
    "flute-shop,ftp://flutes.invalid/p,,,,,,,,,\n"  # not http(s)
    "oboe-shop,http://[oboe.invalid/p,,,,,,,,,\n"  # not a URL at all
    "horn-shop,https://horns.invalid/p,,leaflet,,,,,,,\n"  # not a policy type
    "reed-shop,https://reeds.invalid/p,,,,div[,,,,,\n"  # not a CSS selector
    "pipe-shop,https://pipes.invalid/p,,,,,nav;a[,,,,\n"  # one removed selector is not one
    "lute-shop,https://lutes.invalid/p,,,,,,english please,,,\n"  # not a language tag
    "gong-shop,https://gongs.invalid/p,,,,,,,,Old Gong,\n"  # a previous id that is not a slug
    "fife-shop,https://fifes.invalid/p,,,,,,,,lamp-shop,\n"  # a previous id still in use
    "tuba-shop,https://tubas.invalid:99999/p,,,,,,,,,\n"  # a port out of range
)
BAD_JSONL = (
    "\n".join(
        json.dumps(row) if not isinstance(row, str) else row
        for row in [
            {"id": "cello-shop", "url": "https://cellos.invalid/p", "alert": ["legal", "console", "legal"]},
            {"id": "viola-shop", "url": "https://violas.invalid/p", "colour": "blue"},  # unknown key
            {"id": "banjo-shop", "url": "https://banjos.invalid/p", "intervall": "1d"},  # misspelt key
            {"id": "piano-shop"},  # no url
            {
                "id": "organ-shop",
                "url": "https://organs.invalid/p",
                "interval": 3600,
            },  # a number, not a duration
            {"id": None, "url": "https://none.invalid/p"},  # null id
            {"id": 42, "url": "https://answer.invalid/p"},  # a number as id: read as the text 42
            {"id": "zither-shop", "url": "https://zithers.invalid/p", "name": ""},  # empty name
            {"id": "sitar-shop", "url": "https://sitars.invalid/p", "render": {"mode": "http"}},  # a mapping
            {
                "id": "lyre-shop",
                "url": "https://lyres.invalid/p",
                "alert": ["legal", ["console"]],
            },  # a nested list
            # the key "url" twice
            '{"id": "harmonium-shop", "url": "https://a.invalid/p", "url": "https://b.invalid/p"}',
            {"id": "cello-shop", "url": "https://cellos.invalid/again"},  # an id of this file again
            {"id": "kazoo-shop", "url": "https://kazoos.invalid/p", "x-note": "ignored", "language": "no"},
            {"id": "spoon-shop", "url": "https://spoons.invalid/p", "name": None, "render": "browser"},
            '["not", "an", "object"]',
            '{"id": "bagpipe-shop", "url": ',  # not JSON
        ]
    )
    + "\n"
)


def problems(wl: Path) -> str:
    with pytest.raises(WatchlistError) as caught:
        load_watchlist(wl)
    return str(caught.value)


def streamed_problems(wl: Path) -> str:
    staging = PolicyStaging.scratch()
    try:
        with pytest.raises(WatchlistError) as caught:
            stream_watchlist(wl, staging)
    finally:
        staging.close()
    return str(caught.value)


def test_bad_rows_get_the_same_messages_the_quick_way_and_the_node_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wl = write_list(tmp_path, ("shops.csv", BAD_CSV), ("more.jsonl", BAD_JSONL))
    quick, quick_streamed = problems(wl), streamed_problems(wl)
    with monkeypatch.context() as m:
        without_quick_path(m)
        nodes, nodes_streamed = problems(wl), streamed_problems(wl)
    assert quick == nodes
    assert sorted(quick_streamed.splitlines()) == sorted(nodes_streamed.splitlines())
    for expected in (
        "shops.csv:3: url: missing",
        "shops.csv:4: interval: 'every other week' is not a duration",
        "shops.csv:5: interval: 10s is shorter than the minimum",
        "shops.csv:6: id: 'lamp-shop' is already used on line 2",
        "shops.csv:7: render: 'sometimes' is not one of",
        "shops.csv:8: alert[0]: no alert route named 'pager'",
        "shops.csv:9: id:",
        "shops.csv:10: url:",
        "shops.csv:11: url:",
        "shops.csv:12: type:",
        "shops.csv:13: select:",
        "shops.csv:14: remove[1]:",
        "shops.csv:15: language:",
        "shops.csv:16: previous_ids:",
        "shops.csv:17: previous_ids: 'lamp-shop' is still the id",
        "shops.csv:18: url:",
        "more.jsonl:2: colour: unknown key",
        "more.jsonl:3: intervall: unknown key",
        "more.jsonl:4: url: missing",
        "more.jsonl:5: interval: '3600' is not a duration",
        "more.jsonl:6: id:",
        "more.jsonl:8: name: must not be empty",
        "more.jsonl:9: render:",
        "more.jsonl:10: alert[1]:",
        "more.jsonl:11: url: appears twice",
        "more.jsonl:12: id: 'cello-shop' is already used on line 1",
        "more.jsonl:15:",
        "more.jsonl:16: not a JSON object",
    ):
        assert expected in quick, expected
    assert "more.jsonl:7" not in quick and "more.jsonl:13" not in quick and "more.jsonl:14" not in quick


def test_good_rows_give_the_same_policies_the_quick_way_and_the_node_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wl = write_list(
        tmp_path,
        (
            "shops.csv",
            "id,url,name,type,interval,select,remove,language,alert,previous_ids,render,x-owner\n"
            "lamp-shop,https://lamps.invalid/privacy?lang=sv#top,Lamp shop,terms,1h30m,main,"
            "nav; .cookie-banner ;,sv,legal;console;legal,old-lamps;older-lamps,http,Ann\n"
            "rug-shop,HTTPS://Rugs.Invalid:8443/p,,,,,,,,,,\n"
            "  kite-shop  , http://kites.invalid ,  Kites  ,cookies,2d,,;,zh-Hant,,,browser,\n",
        ),
        (
            "more.jsonl",
            '{"id": "cello-shop", "url": "https://cellos.invalid/p", "remove": "aside",'
            ' "alert": "legal", "previous_ids": "old-cellos", "x-note": {"any": 1}}\n'
            '{"id": "organ-shop", "url": "https://user:pw@organs.invalid/p", "alert": []}\n'
            '{"id": 42, "url": "https://answer.invalid/p", "interval": "45s"}\n',
        ),
    )
    calls: list[bool] = []
    quick = Validator.quick_policy

    def counted(self: Validator, row: object, context: object) -> PolicyConfig | None:
        result = quick(self, row, context)  # type: ignore[arg-type]
        calls.append(result is not None)
        return result

    with monkeypatch.context() as m:
        m.setattr(Validator, "quick_policy", counted)
        fast = load_watchlist(wl).policies
    with monkeypatch.context() as m:
        without_quick_path(m)
        slow = load_watchlist(wl).policies
    assert fast == slow and len(fast) == 6
    assert calls.count(True) >= 4  # the rows of texts took the quick way
    lamp = next(p for p in fast if p.id == "lamp-shop")
    assert lamp.remove == ("nav", ".cookie-banner") and lamp.alert == ("legal", "console")
    assert lamp.interval_seconds == 5400 and lamp.previous_ids == ("old-lamps", "older-lamps")
    assert next(p for p in fast if p.id == "rug-shop").interval_seconds == 12 * 3600  # the default


def test_every_combination_of_field_values_agrees_with_the_node_way() -> None:
    """quick_policy gives the policy `policy` gives, or leaves the row to it: never another one."""
    validator = Validator("rows.csv")
    validator.broken_routes = {"broken"}
    context = watchlist_module._Context(
        {"console": watchlist_module.CONSOLE, "legal": watchlist_module.CONSOLE}, 3600, ("console",)
    )
    values = {
        "id": ["tea-house", " tea-house ", "Tea House", "", 7, None],
        "url": [
            "https://tea.invalid/p",
            "http://tea.invalid:80",
            "https://tea.invalid:70000/",
            "mailto:x@y",
            "https://",
            "http://[::1]:8080/p",
            "https://tea.invalid/a b",
        ],
        "interval": ["6h", " 1d ", "29s", "30s", "2.5s", "soon", "", 600],
        "alert": ["legal", ["console", "legal", "console"], [], ["broken"], "nobody", [""]],
        "remove": [["nav", "footer"], "nav", ["p:nth-child(2)"], ["a["], []],
        "render": ["auto", "HTTP", "browser"],
    }
    keys = list(values)
    checked = quick_hits = 0
    for combo in itertools.product(*(values[k] for k in keys)):
        row = Pairs((k, v) for k, v in zip(keys, combo, strict=True) if v is not None)
        quick = validator.quick_policy(row, context)
        validator.problems = []
        node = watchlist_module.row_node(row, "rows.csv", 2)
        assert not isinstance(node, WatchlistError)
        policy = validator.collect(None, validator.policy, node[1], "", *context)
        slow = policy if not validator.problems else None  # a row with any problem is refused
        plain = all(
            isinstance(v, str) or isinstance(v, list) and all(isinstance(i, str) for i in v) for v in combo
        )
        if plain and "broken" not in str(combo):
            assert quick == slow, row  # rows of texts: the same verdict and the same policy
        else:
            assert quick is None or quick == slow, row  # anything else may be left to the node way
        checked += 1
        quick_hits += quick is not None
    assert checked > 10_000 and quick_hits > 100


def test_the_quick_way_reads_exactly_the_policy_keys() -> None:
    """A key the validator does not know is never accepted the quick way (it is reported)."""
    assert set(watchlist_module._QUICK) == set(Validator._POLICY_KEYS)


def urlsplit_verdict(url: str) -> str | None:
    """What the URL check said before the quick pattern existed."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018
    except ValueError:
        return f"{url!r} is not a valid URL"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"{url!r} is not an http:// or https:// URL"
    return None


@pytest.mark.parametrize(
    "url",
    [
        "http://shop.invalid",
        "https://shop.invalid/privacy?x=1#y",
        "http://10.0.0.7:8080/p",
        "https://a-b.c.d/",
        "http://shop.invalid:0/",
        "https://shop.invalid?q",
        "http://shop.invalid#frag",
        "https://x/\\path",
        "http://.",
        "http://shop.invalid:65535/",
        "http://shop.invalid:65536/",
        "http://shop.invalid:/p",
        "http://:80/",
        "https://user@shop.invalid/",
        "HTTP://SHOP.INVALID/",
        "http://[::1]/",
        "http://[x/",
        "https:///path",
        "http://sh op.invalid/",
        "http://shop.invalid:8o/",
        "http://shop.invalid:\u0661\u0662/",
        "http://127.0.0.2:41234/p/7",
        "http://shop.invalid:99999/",
        "http://shop.invalid:000080/",
        "javascript://shop.invalid/",
        "http://shop.invalid/\u00e9t\u00e9",
        "http://b\u00fccher.invalid/",
    ],
)
def test_the_quick_url_pattern_gives_the_verdict_urlsplit_gives(url: str) -> None:
    assert watchlist_module._url_problem(url) == urlsplit_verdict(url)


# --- staging ------------------------------------------------------------------------------------


def test_ids_used_twice_are_found_within_and_across_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(schedule_module, "STAGE_BATCH", 4)
    monkeypatch.setattr(schedule_module, "LOOKUP_BATCH", 3)
    lines = ["id,url,previous_ids"] + [f"stall-{i},https://stalls.invalid/{i}," for i in range(10)]
    lines[3] = "stall-0,https://stalls.invalid/again,old-stall"  # line 4, same batch as stall-0 (line 2)
    lines[9] = "stall-4,https://stalls.invalid/again,"  # line 10, a later batch than stall-4 (line 6)
    lines.append("stall-10,https://stalls.invalid/10,old-stall")  # old-stall: the refused row moved none
    wl = write_list(tmp_path, ("stalls.csv", "\n".join(lines) + "\n"))
    text = streamed_problems(wl)
    assert "stalls.csv:4: id: 'stall-0' is already used on line 2" in text
    assert "stalls.csv:10: id: 'stall-4' is already used on line 6" in text
    assert "old-stall" not in text and text.count("already used") == 2
    assert sorted(text.splitlines()) == sorted(problems(wl).splitlines())


def test_a_second_previous_id_claim_is_refused_the_streamed_way(tmp_path: Path) -> None:
    rows = [{"id": f"cafe-{i}", "url": f"https://cafes.invalid/{i}"} for i in range(6)]
    rows[2]["previous_ids"] = ["old-cafe"]
    rows[5]["previous_ids"] = ["other-cafe", "old-cafe"]
    wl = write_list(tmp_path, ("cafes.jsonl", "".join(json.dumps(r) + "\n" for r in rows)))
    text = streamed_problems(wl)
    assert "cafes.jsonl:6: previous_ids: 'old-cafe' is still the id of a policy, or another" in text
    assert "cafes.jsonl:3" not in text and "other-cafe" not in text


def test_new_policies_get_their_first_check_with_their_row(tmp_path: Path) -> None:
    folder = tmp_path
    (folder / "cafes.csv").write_text(
        "id,url,interval\ncafe-a,https://a.invalid/p,1d\ncafe-b,https://b.invalid/p,6h\n", encoding="utf-8"
    )
    wl = folder / "watchlist.yaml"
    wl.write_text("policies_from: cafes.csv\n", encoding="utf-8")
    with Store(tmp_path / "m.db", clock=fixed_clock(NOW)) as store:
        staging = store.staging()
        stream_watchlist(wl, staging)
        store.apply_staged(staging, first_checks=first_checks(NOW, 2))
        planned = {r["id"]: r["next_check_at"] for r in store.policies()}
        assert planned == {
            "cafe-a": iso(first_run("cafe-a", 86400, None, NOW, policies=2)),
            "cafe-b": iso(first_run("cafe-b", 21600, None, NOW, policies=2)),
        }
        store.set_next_check("cafe-a", NOW + timedelta(hours=3))
        (folder / "cafes.csv").write_text(
            "id,url,interval\ncafe-a,https://a.invalid/p,1d\n"
            "cafe-b,https://b.invalid/p,12h\ncafe-c,https://c.invalid/p,1d\n",
            encoding="utf-8",
        )
        staging = store.staging()
        stream_watchlist(wl, staging)
        store.apply_staged(staging, first_checks=FirstChecks((NOW + timedelta(minutes=7)).timestamp(), 0.0))
        again = {r["id"]: r["next_check_at"] for r in store.policies()}
    assert again["cafe-a"] == iso(NOW + timedelta(hours=3))  # known, unchanged: kept
    assert again["cafe-b"] is None  # a new interval: left for plan, which knows its last check
    assert again["cafe-c"] == iso(NOW + timedelta(minutes=7))  # new to the store


def test_the_first_checks_written_with_new_rows_are_the_ones_plan_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The SQL that plans a first start's rows agrees with first_run to the second."""
    start = NOW + timedelta(microseconds=123_456)
    for n, interval in ((3, "1h"), (3000, "1d"), (3000, "10m")):
        folder = tmp_path / f"{n}-{interval}"
        folder.mkdir()
        (folder / "shops.csv").write_text(
            "id,url,interval\n"
            + "".join(f"bookshop-{i},https://books.invalid/{i},{interval}\n" for i in range(n)),
            encoding="utf-8",
        )
        (folder / "watchlist.yaml").write_text("policies_from: shops.csv\n", encoding="utf-8")
        with Store(folder / "m.db", clock=fixed_clock(start)) as store:
            staging = store.staging()
            stream_watchlist(folder / "watchlist.yaml", staging)
            store.apply_staged(staging, first_checks=first_checks(start, staging.count))
            planned = dict(store._all("SELECT id, next_check_at FROM policies"))
        seconds = {"1h": 3600, "1d": 86400, "10m": 600}[interval]
        assert planned == {pid: iso(first_run(pid, seconds, None, start, policies=n)) for pid in planned}
        assert len(planned) == n
        if n > 1000:  # spread over the window, not all at one time
            assert len(set(planned.values())) > 300
    monkeypatch.setenv("POLICY_MONITOR_MIN_INTERVAL", "40")  # the tests' override of every interval
    assert first_checks(start, 10).interval == 40.0


# --- status -------------------------------------------------------------------------------------


def test_status_shows_the_check_the_daemon_planned_else_the_computed_one(tmp_path: Path) -> None:
    policies = [
        PolicyConfig(id=f"{name}-terms", name=name, url=f"https://{name}.invalid/t", interval_seconds=3600)
        for name in ("inn", "mill")
    ]
    with Store(tmp_path / "m.db", clock=fixed_clock(NOW)) as store:
        store.sync_policies(policies)
        store._conn.execute(
            "INSERT INTO fetches (policy_id, started_at, outcome) VALUES (?, ?, 'unchanged')",
            ("inn-terms", iso(NOW)),
        )
        store._conn.execute(
            "INSERT INTO fetches (policy_id, started_at, outcome) VALUES (?, ?, 'unchanged')",
            ("mill-terms", iso(NOW)),
        )
        planned = NOW + timedelta(minutes=5)  # e.g. spread after a restart, not last check + interval
        store.set_next_check("inn-terms", planned)
        shown = {r.policy_id: r.next_check_at for r in read_models.status(store)}
    assert shown == {"inn-terms": iso(planned), "mill-terms": iso(NOW + timedelta(hours=1))}


# --- validate -----------------------------------------------------------------------------------


def test_validate_streams_a_long_csv_without_a_policy_per_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(f"kiosk-{i},http://kiosks.invalid/{i},1d\n" for i in range(30_000))
    wl = write_list(tmp_path, ("kiosks.csv", "id,url,interval\n" + rows))
    live: list[int] = []
    add = PolicyStaging.add

    def counting_add(self: PolicyStaging, *args: object) -> None:
        add(self, *args)  # type: ignore[arg-type]
        if self._order % 10_000 == 0:
            live.append(sum(isinstance(o, PolicyConfig) for o in gc.get_objects()))

    monkeypatch.setattr(PolicyStaging, "add", counting_add)
    monkeypatch.setattr(sys, "argv", ["policy-monitor", "--watchlist", str(wl), "validate"])
    assert main() == 0  # EXIT_OK
    assert "ok: 30000 policies" in capsys.readouterr().out
    assert len(live) == 3 and max(live) < 1_000, live

    (tmp_path / "kiosks.csv").write_text(
        "id,url,interval\n" + rows + "kiosk-7,http://kiosks.invalid/x,1d\n"
        "kiosk-y,http://kiosks.invalid/y,often\n",
        encoding="utf-8",
    )
    assert main() == 2  # EXIT_ERROR
    err = capsys.readouterr().err
    assert "kiosks.csv:30002: id: 'kiosk-7' is already used on line 9" in err
    assert "kiosks.csv:30003: interval: 'often' is not a duration" in err
