"""`policies_from:` (issue 14): a watchlist too long for one YAML file keeps its policies in CSV,
JSON-lines and YAML files, or folders of them. Every row is checked like an entry under
`policies:`, every error names its file and line, ids are unique across all files, `import`
checks a file and prints its entries, and hostile files give one clear error each.

Real parts: files in tmp_path, `python -m monitor validate / import / check` in a subprocess,
a PolicySite on 127.0.0.1 for `check`.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from db_watch import rows, until
from policy_site import PolicySite, policy_html, seed_text
from test_daemon import Daemon, fetch_counts, page

from monitor.config.sources import MAX_LINE_BYTES, open_source
from monitor.config.watchlist import MAX_PROBLEMS_PER_SOURCE, load_watchlist
from monitor.errors import WatchlistError

REPO = Path(__file__).resolve().parents[1]

ROUTES = """\
defaults: {interval: 12h, alert: [console]}
alerts:
  legal-mail: {type: webhook, url: "https://hooks.example.org/legal"}
"""


def monitor(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**env, "PYTHONPATH": str(REPO)},
        timeout=120,
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    """Every problem `load_watchlist` finds, one "FILE:LINE: field: message" line each, with the
    file named relative to tmp_path's folders as the watchlist names them."""
    with pytest.raises(WatchlistError) as info:
        load_watchlist(path)
    return [p.one_line().replace(f"{path.parent}/", "") for p in info.value.problems]


# --- the formats -----------------------------------------------------------------------------------


def test_csv_jsonl_and_yaml_sources_merge_with_the_watchlist_policies(tmp_path: Path) -> None:
    wl = write(
        tmp_path / "watchlist.yaml",
        ROUTES
        + """\
policies:
  - {id: own-privacy, url: "https://own.example/privacy"}
policies_from: [vendors.csv, partners/, more.yaml]
""",
    )
    write(
        tmp_path / "vendors.csv",
        (
            "id,url,name,type,interval,select,remove,alert,x-owner\n"
            "cloudy-privacy,https://cloudy.example/privacy,Cloudy privacy,privacy,1d,main,.banner;#chat,"
            "legal-mail;console,Ana\n"
            "cloudy-terms,https://cloudy.example/terms,,terms,,,,,\n"
        ),
    )
    write(
        tmp_path / "partners" / "b.jsonl",
        (
            "# partners exported from the contract register\n"
            "\n"
            '{"id": "courier-terms", "url": "https://courier.example/tos", '
            '"type": "terms", "language": "no"}\n'
        ),
    )
    write(
        tmp_path / "partners" / "a.yaml",
        "- {id: bakery-cookies, url: 'https://bakery.example/c', type: cookies}\n",
    )
    write(tmp_path / "partners" / ".a.yaml.swp", "not a source\n")  # an editor's file: skipped
    write(tmp_path / "partners" / "notes.txt", "not a source either\n")
    write(
        tmp_path / "more.yaml",
        (
            "x-shared: &shared {type: terms, interval: 2d}\n"
            "policies:\n"
            "  - {<<: *shared, id: dairy-terms, url: 'https://dairy.example/terms'}\n"
        ),
    )

    loaded = load_watchlist(wl)
    by_id = {p.id: p for p in loaded.policies}
    assert list(by_id) == [
        "own-privacy",
        "cloudy-privacy",
        "cloudy-terms",
        "bakery-cookies",
        "courier-terms",
        "dairy-terms",
    ]  # the watchlist, then each file in order
    cloudy = by_id["cloudy-privacy"]
    assert (cloudy.name, cloudy.interval_seconds, cloudy.select) == ("Cloudy privacy", 86400, "main")
    assert cloudy.remove == (".banner", "#chat") and cloudy.alert == ("legal-mail", "console")
    terms = by_id["cloudy-terms"]  # empty cells are not set: the watchlist's defaults apply
    assert (terms.name, terms.type, terms.interval_seconds, terms.alert) == (
        "cloudy-terms",
        "terms",
        12 * 3600,
        ("console",),
    )
    assert by_id["courier-terms"].language == "no"
    assert (by_id["dairy-terms"].type, by_id["dairy-terms"].interval_seconds) == ("terms", 2 * 86400)
    assert [Path(s).name for s in loaded.sources] == ["vendors.csv", "a.yaml", "b.jsonl", "more.yaml"]


def test_a_folder_holding_the_watchlist_skips_the_watchlist_itself(tmp_path: Path) -> None:
    wl = write(tmp_path / "watchlist.yaml", "policies_from: .\n")
    write(tmp_path / "list.csv", "id,url\nsolo,https://solo.example/p\n")
    assert [p.id for p in load_watchlist(wl).policies] == ["solo"]


def test_every_problem_names_its_file_and_line_across_sources(tmp_path: Path) -> None:
    wl = write(
        tmp_path / "watchlist.yaml",
        ROUTES
        + """\
policies:
  - {id: shared-id, url: "https://own.example/a"}
policies_from: [rows.csv, rows.jsonl, more.yaml]
""",
    )
    write(
        tmp_path / "rows.csv",
        (
            "id,url,name,interval,alert\n"  # 1
            "fine-one,https://a.example/1,,,\n"  # 2
            "fine-two,gopher://a.example/2,,,\n"  # 3: not http(s)
            'multi-line,https://a.example/3,"Two\n'  # 4: a row over two lines ...
            'lines",6 hours,\n'  # 5  ... whose interval is wrong
            "shared-id,https://a.example/4,,,\n"  # 6: the watchlist's id
            "fine-three,https://a.example/5,,,pager\n"  # 7: no such route
        ),
    )
    write(
        tmp_path / "rows.jsonl",
        (
            '{"id": "fine-one", "url": "https://b.example/1"}\n'  # 1: rows.csv line 2's id
            "# a comment\n"  # 2
            '{"id": "json-two", "url": "https://b.example/2"\n'  # 3: not closed
            '{"id": "json-three", "ulr": "https://b.example/3"}\n'  # 4: misspelt key
            '["json-four"]\n'  # 5: not an object
        ),
    )
    write(
        tmp_path / "more.yaml",
        "policies:\n  - id: yaml-one\n    url: https://c.example/1\n    render: maybe\n",
    )

    assert problems(wl) == [
        "rows.csv:3: url: 'gopher://a.example/2' is not an http:// or https:// URL",
        "rows.csv:4: interval: '6 hours' is not a duration (use 30s, 15m, 6h, 1d)",
        "rows.csv:6: id: 'shared-id' is already used on line 5 of watchlist.yaml; ids must be unique",
        "rows.csv:7: alert[0]: no alert route named 'pager' (declared under alerts: console, legal-mail)",
        "rows.jsonl:1: id: 'fine-one' is already used on line 2 of rows.csv; ids must be unique",
        "rows.jsonl:3: not a JSON object (column 48): Expecting ',' delimiter",
        "rows.jsonl:4: ulr: unknown key; did you mean 'url'? (known keys: id, name, url, type, interval, "
        "select, remove, language, alert, previous_ids, render)",
        "rows.jsonl:5: expected a mapping of keys, got a list",
        "more.yaml:4: policies[0].render: 'maybe' is not one of auto, http, browser",
    ]


def test_validate_reports_every_source_problem_in_one_run_and_exits_2(tmp_path: Path) -> None:
    write(tmp_path / "watchlist.yaml", "policies_from: [lists]\n")
    write(tmp_path / "lists" / "a.csv", "id,url\nfirst,https://a.example/\nBad Id,https://a.example/2\n")
    write(tmp_path / "lists" / "b.jsonl", '{"id": "second", "url": "mailto:x@example.org"}\n')
    proc = monitor("validate", cwd=tmp_path)
    assert proc.returncode == 2
    first = proc.stderr.splitlines()[0]
    assert first == "policy-monitor: error: 2 problems in lists/a.csv and lists/b.jsonl:"
    assert "lists/a.csv:3: id: 'Bad Id' is not a slug" in proc.stderr
    assert "lists/b.jsonl:1: url: 'mailto:x@example.org' is not an http:// or https:// URL" in proc.stderr
    assert "Traceback" not in proc.stderr

    write(tmp_path / "lists" / "a.csv", "id,url\nfirst,https://a.example/\n")
    write(tmp_path / "lists" / "b.jsonl", '{"id": "second", "url": "https://b.example/"}\n')
    proc = monitor("validate", cwd=tmp_path)
    assert (proc.returncode, proc.stdout.strip()) == (0, "ok: 2 policies, 1 route; policies_from: 2 files")


def test_csv_header_mistakes_are_reported_once_on_the_header_line(tmp_path: Path) -> None:
    wl = write(tmp_path / "watchlist.yaml", "policies_from: [a.csv, b.csv, c.csv]\n")
    write(tmp_path / "a.csv", "id,url,intervall\nalpha,https://a.example/,1d\nbeta,https://b.example/,2d\n")
    write(tmp_path / "b.csv", "id,name\ngamma,Gamma\n")
    write(tmp_path / "c.csv", "id,url,\ndelta,https://d.example/,\nepsilon,https://e.example/,stray\n")
    assert problems(wl) == [
        "a.csv:1: intervall: unknown column; did you mean 'interval'? (known: id, name, url, type, interval, "
        "select, remove, language, alert, previous_ids, render; columns starting with x- are ignored)",
        "b.csv:1: the header has no url column: every policy needs an id and a url",
        "c.csv:3: a value in column 3, which the header leaves unnamed",
    ]


def test_policies_from_names_that_do_not_work_are_reported_at_their_line(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.csv")  # opening it would wait for a writer for ever
    wl = write(
        tmp_path / "watchlist.yaml",
        "policies:\n  - {id: a, url: 'https://a.example/'}\n"
        "policies_from:\n  - missing/\n  - notes.txt\n  - pipe.csv\n",
    )
    write(tmp_path / "notes.txt", "id,url\n")
    found = problems(wl)
    assert found[0] == "watchlist.yaml:4: policies_from[0]: 'missing': no such file or folder"
    with pytest.raises(WatchlistError, match="not a regular file"):  # swapped in after a listing: no wait
        open_source(str(tmp_path / "pipe.csv"))
    assert found[1].startswith("watchlist.yaml:5: policies_from[1]: ") and "not a policy source" in found[1]
    assert found[2].endswith("pipe.csv: not a regular file or a folder")


# --- hostile files ---------------------------------------------------------------------------------


def test_hostile_sources_give_one_clear_error_each(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    with open(write(bad / "huge.jsonl", ""), "wb") as f:
        f.truncate(2**30)  # 1 GiB of one line (sparse: costs no disk), refused before reading
    long_row = '{"id": "long", "url": "https://l.example/' + "x" * (2 * MAX_LINE_BYTES) + '"}\n'
    write(
        bad / "long.jsonl",
        '{"id": "ok-1", "url": "https://l.example/1"}\n'
        + long_row
        + '{"id": "after-long", "url": "nowhere"}\n'  # read: the long line is skipped, not the file
        + "[" * 50_000
        + "\n",
    )  # nested past any parser's depth
    write(
        bad / "wide.csv", "id,url," + ",".join(f"c{i}" for i in range(1_000_000)) + "\nw,https://w.example/\n"
    )
    (bad / "image.csv").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40)
    write(
        bad / "quote.csv",
        'id,url,name\nq,https://q.example/,"a quote never closed\n' + "more words\n" * 20_000,
    )
    write(bad / "latin.csv", "id,url\n")
    with open(bad / "latin.csv", "ab") as f:
        f.write(b"caf\xe9,https://c.example/\nfine,https://f.example/\n")
    wl = write(tmp_path / "watchlist.yaml", "policies_from: [bad]\n")

    proc = monitor("validate", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[1:] == [
        "bad/huge.jsonl: larger than 64 MiB: split it into several files in a folder",
        "bad/image.csv:1: not UTF-8 text (binary, or another encoding: save it as UTF-8): "
        "the file is not read",
        "bad/latin.csv:2: not UTF-8 text: the line is skipped",
        "bad/long.jsonl:2: longer than 64 KiB: the line is skipped",
        "bad/long.jsonl:3: url: 'nowhere' is not an http:// or https:// URL",
        "bad/long.jsonl:4: JSON nested too deeply",
        "bad/quote.csv:2: a row longer than 64 KiB (a quote not closed?): the rest of the file is not read",
        "bad/wide.csv:1: longer than 64 KiB: the line is skipped",
        "bad/wide.csv:2: no header row could be read before this one: the rest of the file is not read",
    ], proc.stderr
    (bad / "image.csv").write_bytes(b"id,url\nx,https://x.example/\x00\n")
    assert "bad/image.csv:2: binary data (a NUL byte): not a text file" in problems(wl)


def test_a_source_full_of_mistakes_stops_after_the_cap(tmp_path: Path) -> None:
    rows = "".join(f"row-{i},not-a-url\n" for i in range(MAX_PROBLEMS_PER_SOURCE + 500))
    wl = write(tmp_path / "watchlist.yaml", "policies_from: [many.csv, last.jsonl]\n")
    write(tmp_path / "many.csv", "id,url\n" + rows)
    write(tmp_path / "last.jsonl", '{"id": "z", "url": "nope"}\n')
    found = problems(wl)
    many = [p for p in found if p.startswith("many.csv")]
    assert len(many) == MAX_PROBLEMS_PER_SOURCE + 1
    cap = MAX_PROBLEMS_PER_SOURCE
    assert many[-1] == f"many.csv: more than {cap} problems: the rest of the file is not checked"
    assert found[-1].startswith("last.jsonl:1: url:")  # the next file is still checked


# --- import and check ------------------------------------------------------------------------------


def test_import_checks_against_the_watchlist_and_prints_entries_that_load_the_same(tmp_path: Path) -> None:
    write(tmp_path / "watchlist.yaml", ROUTES + "policies:\n  - {id: own, url: 'https://own.example/'}\n")
    write(
        tmp_path / "new.csv",
        "id,url,alert,remove,x-owner\n"
        "north,https://north.example/p,legal-mail,.ad;.chat,Kim\nsouth,https://south.example/p,,,\n",
    )
    write(tmp_path / "new.jsonl", '{"id": "west", "url": "https://west.example/p", "interval": "3d"}\n')

    proc = monitor("import", "new.csv", "new.jsonl", "-o", "imported.yaml", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "ok: 3 policies in 2 files" in proc.stderr and "policies_from" in proc.stderr
    entries = yaml.safe_load((tmp_path / "imported.yaml").read_text())["policies"]
    assert entries[0] == {
        "id": "north",
        "url": "https://north.example/p",
        "alert": ["legal-mail"],
        "remove": [".ad", ".chat"],
    }  # only what the row sets; x- columns left out
    # pasted under policies:, the entries are the same policies as the files named by policies_from
    pasted = write(tmp_path / "pasted.yaml", ROUTES + yaml.safe_dump({"policies": entries}))
    named = write(tmp_path / "named.yaml", ROUTES + "policies_from: [new.csv, new.jsonl]\n")
    assert load_watchlist(pasted).policies == load_watchlist(named).policies

    write(
        tmp_path / "clash.jsonl",
        '{"id": "own", "url": "https://o.example/"}\n'
        '{"id": "east", "url": "https://e.example/", "alert": "pager"}\n',
    )
    proc = monitor("import", "clash.jsonl", cwd=tmp_path)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "clash.jsonl:1: id: 'own' is already used on line 5 of watchlist.yaml" in proc.stderr
    assert "clash.jsonl:2: alert: no alert route named 'pager'" in proc.stderr

    proc = monitor("import", "--check", "new.jsonl", "--watchlist", "absent.yaml", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, "")  # no watchlist: the console route and defaults


def test_check_all_watches_the_policies_of_a_csv_source(tmp_path: Path, policy_site: PolicySite) -> None:
    for i in range(3):
        policy_site.set_page(f"/v{i}", policy_html(seed_text(i + 1), f"Vendor {i}"))
    write(tmp_path / "watchlist.yaml", "fetch: {per_host_delay: 0, retries: 0}\npolicies_from: vendors.csv\n")
    rows = "".join(f"vendor-{i},{policy_site.url(f'/v{i}')}\n" for i in range(3))
    write(tmp_path / "vendors.csv", "id,url\n" + rows)
    proc = monitor("check", "--all", "--db", "monitor.db", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "checked 3 policies" in proc.stdout
    assert all(policy_site.hits(f"/v{i}") == 1 for i in range(3))


# --- the daemon ------------------------------------------------------------------------------------


def test_a_running_daemon_reloads_on_a_source_edit_and_keeps_the_last_good_list(
    policy_site: PolicySite, tmp_path: Path
) -> None:
    for i in range(4):
        policy_site.set_page(f"/p{i}", page(i))
    wl, db, lists = tmp_path / "watchlist.yaml", tmp_path / "monitor.db", tmp_path / "lists"
    write(
        wl,
        "fetch: {per_host_delay: 0s, per_host_concurrency: 8, connect_timeout: 2s, read_timeout: 2s,"
        " retries: 0, max_workers: 4}\npolicies_from: [lists]\n",
    )

    def csv_rows(*ids: int) -> str:
        return "id,url,interval\n" + "".join(f"pol-{i},{policy_site.url(f'/p{i}')},30s\n" for i in ids)

    def jsonl_row(i: int, url: str | None = None) -> str:
        return f'{{"id": "pol-{i}", "url": "{url or policy_site.url(f"/p{i}")}", "interval": "30s"}}\n'

    write(lists / "a.csv", csv_rows(0))
    d = Daemon(tmp_path, wl, db)
    try:
        until(lambda: fetch_counts(db).get("pol-0", 0) >= 1, 60, "the first check", d)

        write(lists / "a.csv", csv_rows(0, 1))  # an edit of a file in the folder
        until(lambda: fetch_counts(db).get("pol-1", 0) >= 1, 60, "the row added to a.csv checked", d)
        write(lists / "b.jsonl", jsonl_row(2))  # a new file in the folder
        until(lambda: fetch_counts(db).get("pol-2", 0) >= 1, 60, "the policy of the new file checked", d)

        write(lists / "b.jsonl", jsonl_row(2) + jsonl_row(3, "nowhere"))  # a broken edit
        until(lambda: "not reloaded" in d.log(), 60, "the broken source logged", d)
        assert "b.jsonl:2: url: 'nowhere'" in d.log().split("not reloaded", 1)[1].splitlines()[0]
        (after,) = rows(db, "SELECT max(id) FROM fetches")[0]
        until(
            lambda: all(fetch_counts(db, after).get(f"pol-{i}", 0) >= 1 for i in range(3)),
            60,
            "the last good list still checked",
            d,
        )
        assert "pol-3" not in fetch_counts(db)

        write(lists / "b.jsonl", jsonl_row(2) + jsonl_row(3))  # the fix is noticed too
        until(lambda: fetch_counts(db).get("pol-3", 0) >= 1, 60, "the fixed source's policy checked", d)
        (lists / "a.csv").unlink()  # a file gone from the folder: its policies are removed
        until(lambda: "(0 added, 2 removed" in d.log(), 60, "the removal reloaded", d)
        d.proc.send_signal(signal.SIGTERM)
        assert d.wait(20) == 0
    finally:
        d.kill()
