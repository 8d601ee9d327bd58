"""The command line as a user and a script see it: `python -m monitor ...` in a subprocess, against
a real policy site on 127.0.0.1 and a real SQLite file in tmp_path. Exit codes, JSON shapes,
one-line errors and the environment variables are what scripts rely on."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from policy_site import PolicySite, policy_html, seed_text

from monitor.app.cli import build_parser, main

ADDED = "We sell your personal information to advertising partners and data brokers."


def _monitor(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=60,
    )


class World:
    """A site with two policies and one broken URL, a watchlist naming them, a database path."""

    def __init__(self, tmp_path: Path, site: PolicySite) -> None:
        self.dir, self.site = tmp_path, site
        self.db = tmp_path / "state" / "monitor.db"
        self.watchlist = tmp_path / "wl.yaml"
        self.english = seed_text(4)
        site.set_page("/en", policy_html(self.english))
        site.set_page("/no", policy_html(seed_text(1), "Personvern"))
        self.write_watchlist(broken=False)

    def write_watchlist(self, *, broken: bool) -> None:
        extra = f"  - {{id: gone, url: '{self.site.url('/status/500')}'}}\n" if broken else ""
        self.watchlist.write_text(
            "fetch: {per_host_delay: 0, retries: 0, connect_timeout: 5s, read_timeout: 5s}\n"
            "policies:\n"
            f"  - {{id: en-privacy, name: English policy, url: '{self.site.url('/en')}'}}\n"
            f"  - {{id: no-privacy, url: '{self.site.url('/no')}', language: no}}\n" + extra,
            encoding="utf-8",
        )

    @property
    def env(self) -> dict[str, str]:
        return {"POLICY_MONITOR_DB": str(self.db), "POLICY_MONITOR_WATCHLIST": str(self.watchlist)}

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return _monitor(*args, cwd=self.dir, env=self.env)

    def json(self, *args: str) -> object:
        proc = self.run(*args, "--json")
        assert proc.returncode == 0, proc.stderr
        return json.loads(proc.stdout)


@pytest.fixture
def world(tmp_path: Path, policy_site: PolicySite) -> World:
    return World(tmp_path, policy_site)


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """Both policies checked twice: the English one changed in between (a sale clause added).
    Shared by the tests that only read, so the checks run once."""
    site = PolicySite().start()
    try:
        world = World(tmp_path_factory.mktemp("checked"), site)
        assert world.run("check", "--all").returncode == 0
        world.site.set_page("/en", policy_html(world.english + "\n" + ADDED))
        proc = world.run("check", "en-privacy")
        assert proc.returncode == 0, proc.stderr
        yield world
    finally:
        site.stop()


def _no_traceback(proc: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


# --- check ---------------------------------------------------------------------------------------


def test_check_all_stores_a_first_version_of_each_policy(world: World) -> None:
    proc = world.run("check", "--all")
    assert proc.returncode == 0, proc.stderr
    assert "en-privacy new v1" in proc.stdout and "no-privacy new v1" in proc.stdout
    assert "checked 2 policies" in proc.stdout
    assert world.db.exists()
    status = {s["policy_id"]: s for s in world.json("status")}
    assert set(status) == {"en-privacy", "no-privacy"}
    assert all(s["versions"] == 1 and s["last_outcome"] == "new" for s in status.values())


def test_check_reports_the_change_and_delivers_its_console_alert(world: World) -> None:
    world.run("check", "--all")
    world.site.set_page("/en", policy_html(world.english + "\n" + ADDED))
    proc = world.run("check", "--all")
    assert proc.returncode == 0, proc.stderr
    assert "en-privacy changed v2" in proc.stdout
    assert "policy.changed en-privacy v2" in proc.stdout  # the console alert, delivered before exit
    world.site.set_page("/en", policy_html(world.english))
    proc = world.run("check", "en-privacy", "--json")
    assert proc.returncode == 0, proc.stderr
    (check,) = json.loads(proc.stdout)["checks"]  # the alert did not break the JSON on stdout...
    assert (check["outcome"], check["version_seq"], check["alerts"]) == ("changed", 3, 1)
    assert "policy.changed en-privacy v3" in proc.stderr  # ...it went to stderr
    status = {s["policy_id"]: s for s in world.json("status")}
    assert status["en-privacy"]["versions"] == 3 and status["no-privacy"]["versions"] == 1
    assert status["no-privacy"]["last_outcome"] in ("unchanged", "not_modified")


def test_check_json_lists_every_outcome(world: World) -> None:
    doc = world.json("check", "no-privacy")
    assert doc["summary"]["checked"] == 1 and doc["summary"]["outcomes"] == {"new": 1}
    (only,) = doc["checks"]
    assert only["policy_id"] == "no-privacy" and only["outcome"] == "new" and only["version_seq"] == 1


def test_check_exits_1_when_a_check_fails_and_status_counts_it(world: World) -> None:
    world.write_watchlist(broken=True)
    proc = world.run("check", "--all")
    assert proc.returncode == 1
    assert "gone failed" in proc.stdout
    status = {s["policy_id"]: s for s in world.json("status")}
    assert status["gone"]["last_outcome"] == "failed" and status["gone"]["consecutive_failures"] == 1
    assert status["en-privacy"]["last_outcome"] == "new"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "en-privacy", "nope"), "no policy 'nope'"),
        (("check", "en-privcy"), "did you mean 'en-privacy'"),
        (("check",), "or pass --all"),
        (("check", "--all", "en-privacy"), "not both"),
    ],
)
def test_check_usage_errors_exit_2_and_check_nothing(
    world: World, args: tuple[str, ...], message: str
) -> None:
    proc = world.run(*args)
    assert proc.returncode == 2 and message in proc.stderr
    _no_traceback(proc)
    assert world.site.hits("/en") == 0


def test_check_shows_progress_on_a_terminal(world: World) -> None:
    main_fd, tty_fd = pty.openpty()
    try:
        env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")} | world.env
        proc = subprocess.run(
            [sys.executable, "-m", "monitor", "check", "--all"],
            stdout=subprocess.PIPE,
            stderr=tty_fd,
            cwd=world.dir,
            env=env,
            timeout=60,
        )
        os.close(tty_fd)
        tty_fd = -1
        shown = b""
        while True:
            try:
                chunk = os.read(main_fd, 65536)
            except OSError:  # EIO: the other end is closed and drained
                break
            if not chunk:
                break
            shown += chunk
    finally:
        if tty_fd >= 0:
            os.close(tty_fd)
        os.close(main_fd)
    assert proc.returncode == 0
    text = shown.decode()
    assert "] en-privacy  new" in text and "] no-privacy  new" in text and " ms" in text
    assert "[1/2]" in text and "[2/2]" in text
    assert b"[" not in proc.stdout.split(b"checked")[0]  # progress never goes to stdout


# --- status, history, show, export, diff, report ------------------------------------------------


def test_history_lists_each_version_with_its_change_summary(checked: World) -> None:
    versions = checked.json("history", "en-privacy")
    assert [v["seq"] for v in versions] == [1, 2]
    second = versions[1]["summary"]
    assert second["added"] >= 1 and second["material"] is True and "sharing" in second["categories"]
    table = checked.run("history", "en-privacy").stdout
    assert "first version" in table and "sharing" in table.splitlines()[-1]


def test_show_prints_the_text_of_a_version_or_its_clauses(checked: World) -> None:
    latest = checked.run("show", "en-privacy").stdout
    first = checked.run("show", "en-privacy", "--version", "1").stdout
    assert ADDED in latest and ADDED not in first
    clauses = checked.run("show", "en-privacy", "--clauses").stdout.splitlines()
    assert clauses[0].split()[0] == "0" and any(ADDED in line for line in clauses)
    doc = checked.json("show", "en-privacy", "--clauses")
    assert doc["seq"] == 2 and any(c["text"] == ADDED for c in doc["clauses"])
    missing = checked.run("show", "en-privacy", "--version", "9")
    assert missing.returncode == 2 and "no version 9" in missing.stderr


def test_diff_of_stored_versions(checked: World) -> None:
    proc = checked.run("diff", "en-privacy@previous", "en-privacy@latest", "--json")
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) == {"old", "new", "summary", "changes"}
    added = [c for c in doc["changes"] if c["kind"] == "added"]
    assert any(c["new"]["text"] == ADDED and c["material"] for c in added)
    same = checked.run("diff", "en-privacy@1", "en-privacy@1")
    assert same.returncode == 0 and "No changes." in same.stdout


def test_diff_mixes_a_file_and_a_stored_version(checked: World) -> None:
    old = checked.dir / "old.html"
    old.write_text(policy_html(checked.english), encoding="utf-8")
    proc = checked.run("diff", str(old), "en-privacy@latest", "--json")
    assert proc.returncode == 1
    assert any(c["new"] and c["new"]["text"] == ADDED for c in json.loads(proc.stdout)["changes"])


def test_export_writes_versions_and_changes_as_json_lines(checked: World) -> None:
    lines = [json.loads(line) for line in checked.run("export").stdout.splitlines()]
    versions = [(r["policy_id"], r["seq"]) for r in lines if r["type"] == "version"]
    assert sorted(versions) == [("en-privacy", 1), ("en-privacy", 2), ("no-privacy", 1)]
    assert any(r["type"] == "change" and r["kind"] == "added" and r["seq"] == 2 for r in lines)
    out = checked.dir / "en.jsonl"
    proc = checked.run("export", "en-privacy", "-o", str(out), "--no-text")
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["policy_id"] for r in records} == {"en-privacy"}
    assert all("text" not in r for r in records if r["type"] == "version")


def test_report_writes_a_standalone_html_page(checked: World) -> None:
    out = checked.dir / "report.html"
    proc = checked.run("report", "en-privacy@2", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    assert "advertising partners" in page


def test_readers_refuse_a_missing_database_without_creating_it(world: World) -> None:
    for args in (("status",), ("history", "en-privacy"), ("show", "en-privacy"), ("export",)):
        proc = world.run(*args)
        assert proc.returncode == 2 and "no database" in proc.stderr, args
        _no_traceback(proc)
    assert not world.db.exists()


def test_unknown_policy_is_a_usage_error(checked: World) -> None:
    proc = checked.run("history", "en-privcy")
    assert proc.returncode == 2 and "did you mean 'en-privacy'" in proc.stderr
    _no_traceback(proc)


# --- global options and the environment -----------------------------------------------------------


def test_flags_and_environment_name_the_watchlist_and_database(world: World) -> None:
    assert world.run("check", "--all").returncode == 0
    # flags, before or after the command, and no environment at all
    for args in (
        ("--db", str(world.db), "status", "--json"),
        ("status", "--json", "--db", str(world.db)),
    ):
        proc = _monitor(*args, cwd=world.dir)
        assert proc.returncode == 0, proc.stderr
        assert len(json.loads(proc.stdout)) == 2
    # without either, the defaults are ./watchlist.yaml and snapshots/monitor.db (which is absent)
    proc = _monitor("status", cwd=world.dir)
    assert proc.returncode == 2 and "snapshots/monitor.db" in proc.stderr
    proc = _monitor("validate", cwd=world.dir, env={"POLICY_MONITOR_WATCHLIST": str(world.watchlist)})
    assert proc.returncode == 0 and proc.stdout.strip() == "ok: 2 policies, 1 route"


# --- validate, diff of files, run, test-alert --------------------------------------------------


def test_validate_reports_the_line_and_field_and_exits_2(world: World) -> None:
    world.watchlist.write_text("policies:\n  - id: a\n    url: https://x.test/\n    interval: 6 hours\n")
    proc = world.run("validate")
    assert proc.returncode == 2
    assert f"{world.watchlist}:4: policies[0].interval: '6 hours' is not a duration" in proc.stderr
    _no_traceback(proc)


def test_diff_of_files_errors_are_one_line(world: World) -> None:
    good = world.dir / "a.txt"
    good.write_text("We keep your data for 3 years.\n", encoding="utf-8")
    proc = world.run("diff", str(good), str(world.dir / "missing.txt"))
    assert proc.returncode == 2 and "missing.txt" in proc.stderr
    _no_traceback(proc)


def test_run_exits_3_when_another_daemon_holds_the_database(world: World) -> None:
    from monitor.store import Store

    store = Store(world.db)
    store.acquire_daemon_lock()
    try:
        proc = world.run("run")
    finally:
        store.close()
    assert proc.returncode == 3 and "another daemon" in proc.stderr


def test_test_alert_through_the_console_and_an_unknown_route(world: World) -> None:
    proc = world.run("test-alert", "console")
    assert proc.returncode == 0, proc.stderr
    assert "policy.test" in proc.stdout and "TEST ALERT" in proc.stdout
    bad = world.run("test-alert", "pager")
    assert bad.returncode == 2 and "no alert route named 'pager'" in bad.stderr


COMMANDS = [
    "run",
    "check",
    "status",
    "history",
    "show",
    "diff",
    "validate",
    "export",
    "report",
    "test-alert",
    "import",
    "demo",
]


def test_every_command_is_listed_and_has_help(capsys: pytest.CaptureFixture[str]) -> None:
    listed = build_parser().format_help()
    for command in COMMANDS:
        assert command in listed
        with pytest.raises(SystemExit) as done:
            main([command, "--help"])
        assert done.value.code == 0
        out = capsys.readouterr().out
        assert out.startswith(f"usage: policy-monitor {command}") and "--db" in out


def test_bad_usage_exits_2() -> None:
    with pytest.raises(SystemExit) as done:
        main(["history"])
    assert done.value.code == 2


def test_run_refuses_a_bad_watchlist_with_exit_2(world: World) -> None:
    world.watchlist.write_text("policies:\n  - id: a\n    url: gopher://x.test/\n", encoding="utf-8")
    proc = world.run("run")
    assert proc.returncode == 2
    assert f"{world.watchlist}:3: policies[0].url" in proc.stderr
    assert not (world.db.parent / "monitor.db.lock").exists()  # it never got as far as the database


def test_debug_shows_the_traceback_that_is_otherwise_hidden(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "missing.html")
    assert main(["diff", missing, missing]) == 2
    quiet = capsys.readouterr().err
    assert (
        "Traceback" not in quiet and quiet.startswith("policy-monitor: error: ") and "missing.html" in quiet
    )
    assert main(["--debug", "diff", missing, missing]) == 2
    assert "Traceback" in capsys.readouterr().err


# --- small things a new user trips on ------------------------------------------------------------


def test_report_of_a_bare_id_is_its_latest_version(checked: World) -> None:
    out = checked.dir / "latest.html"
    proc = checked.run("report", "en-privacy", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "en-privacy v2" in proc.stderr and "advertising partners" in out.read_text(encoding="utf-8")


def test_validate_warns_about_every_unset_secret_in_one_run(world: World) -> None:
    world.watchlist.write_text(
        "alerts:\n"
        "  mail: {type: email, to: [a@example.org], from: m@example.org,\n"
        "         smtp: {host: smtp.example.org, username: m, password_env: PM_TEST_SMTP_PW}}\n"
        "  hook: {type: webhook, url: 'https://h.example.org/x', secret_env: PM_TEST_HOOK_SECRET}\n"
        "  chat: {type: apprise, urls_env: PM_TEST_CHAT_URLS}\n"
        "policies:\n  - {id: a, url: 'https://x.test/', alert: [mail, hook, chat]}\n",
        encoding="utf-8",
    )
    proc = _monitor("validate", cwd=world.dir, env={**world.env, "PM_TEST_HOOK_SECRET": "whsec_abc"})
    assert proc.returncode == 1 and proc.stdout.startswith("ok: 1 policy, 4 routes")
    assert "2 secrets named in" in proc.stderr
    assert "alerts.mail.smtp.password_env: environment variable PM_TEST_SMTP_PW is not set" in proc.stderr
    assert "alerts.chat.urls_env: environment variable PM_TEST_CHAT_URLS is not set" in proc.stderr
    assert "PM_TEST_HOOK_SECRET" not in proc.stderr
    assert f"{world.watchlist}:3: alerts.mail.smtp.password_env" in proc.stderr  # with its line
    env = {**world.env, "PM_TEST_HOOK_SECRET": "x", "PM_TEST_SMTP_PW": "y", "PM_TEST_CHAT_URLS": "json://h/x"}
    assert _monitor("validate", cwd=world.dir, env=env).returncode == 0
    # a watchlist with errors: its errors and the unset secrets, still in one run
    with world.watchlist.open("a", encoding="utf-8") as f:
        f.write("  - {id: b, url: notaurl, interval: 1x}\n")
    proc = _monitor("validate", cwd=world.dir, env=world.env)
    assert proc.returncode == 2 and proc.stdout == ""
    assert "2 problems in" in proc.stderr and "'notaurl' is not an http:// or https:// URL" in proc.stderr
    assert "'1x' is not a duration" in proc.stderr
    assert "3 secrets named in" in proc.stderr and "PM_TEST_CHAT_URLS is not set" in proc.stderr


def test_demo_refuses_a_database_or_watchlist_it_would_not_use(world: World) -> None:
    for args in (("demo", "--db", str(world.db)), ("--watchlist", str(world.watchlist), "demo")):
        proc = _monitor(*args, cwd=world.dir)
        assert proc.returncode == 2 and "demo does not use --" in proc.stderr, proc.stderr
        _no_traceback(proc)
    assert not world.db.exists()


def test_an_alert_is_printed_once_even_with_info_logging(world: World) -> None:
    assert world.run("check", "--all").returncode == 0
    world.site.set_page("/en", policy_html(world.english + "\n" + ADDED))
    proc = world.run("--verbose", "check", "en-privacy")
    assert proc.returncode == 0, proc.stderr
    both = proc.stdout + proc.stderr
    assert both.count("policy.changed en-privacy v2") == 1, both


def test_renaming_a_policy_with_previous_ids_keeps_its_history(world: World) -> None:
    assert world.run("check", "--all").returncode == 0
    text = world.watchlist.read_text(encoding="utf-8").replace(
        "{id: en-privacy,", "{id: english-privacy, previous_ids: [en-privacy],"
    )
    world.watchlist.write_text(text, encoding="utf-8")
    world.site.set_page("/en", policy_html(world.english + "\n" + ADDED))
    proc = world.run("check", "english-privacy")
    assert proc.returncode == 0, proc.stderr
    assert "english-privacy changed v2" in proc.stdout  # not a first version: the history moved
    history = world.json("history", "english-privacy")
    assert [v["seq"] for v in history] == [1, 2]
    assert {s["policy_id"] for s in world.json("status")} == {"english-privacy", "no-privacy"}
    again = world.run("check", "english-privacy")  # the rename is done once; nothing left to move
    assert again.returncode == 0, again.stderr
    assert "english-privacy new" not in again.stdout and "renamed" not in again.stderr


def test_a_previous_id_still_in_use_is_a_validation_error(world: World) -> None:
    text = world.watchlist.read_text(encoding="utf-8").replace(
        "{id: en-privacy,", "{id: en-privacy, previous_ids: [no-privacy],"
    )
    world.watchlist.write_text(text, encoding="utf-8")
    proc = world.run("validate")
    assert proc.returncode == 2 and "previous_ids: 'no-privacy' is still the id of a policy" in proc.stderr


def test_python_m_monitor_from_a_checkout_hands_over_to_its_venv(tmp_path: Path) -> None:
    """`python -m monitor` run by an interpreter without the dependencies (a bare system python
    in the checkout) uses the checkout's .venv rather than failing on an import."""
    checkout = Path(__file__).resolve().parent.parent
    if not (checkout / ".venv" / "bin" / "python").exists():
        pytest.skip("no .venv in this checkout (the hand-over needs one)")
    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("We keep your data for 2 years.\n")
    new.write_text("We keep your data for 9 years.\n")
    proc = subprocess.run(
        [str(bare / "bin" / "python"), "-m", "monitor", "diff", str(old), str(new), "--json"],
        cwd=checkout,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stderr  # 1: something changed
    assert json.loads(proc.stdout)["summary"]["categories"] == ["retention"]


def test_the_command_names_are_the_parsers_commands() -> None:
    import argparse

    from monitor.app.cli import COMMAND_NAMES

    parser = build_parser()
    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert set(commands.choices) == COMMAND_NAMES


def test_global_options_after_the_command_work_when_only_its_parser_is_built(tmp_path) -> None:
    """Only the named command's parser gets the global options; they still parse after it, and a
    line naming two commands (a global option's value spelt like one) builds every parser."""
    db = str(tmp_path / "m.db")
    args = build_parser(only="status").parse_args(["status", "--db", db, "-v"])
    assert args.db == db and args.verbose
    from monitor.app.cli import _named_command

    assert _named_command(["--watchlist", "run", "status"]) is None
    assert _named_command(["--db", db, "diff", "a", "b"]) == "diff"
