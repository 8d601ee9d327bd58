"""The `policy-monitor` command line (also `python -m monitor`).

In: argv and the environment (POLICY_MONITOR_WATCHLIST, POLICY_MONITOR_DB). Out: text or JSON
on stdout, progress and one-line errors on stderr, and an exit status scripts can use:
0 ok / no changes, 1 something changed or failed, 2 usage or input error, 3 another daemon runs.

Each command is a small function over the stages: the watchlist (watchlist.py), the store
(store.py), the check pass (check.py), the daemon (scheduler.py), the engine (engine.py) and
the alerts (alerts/). Commands that only read (status, history, show, export, diff of stored
versions) open the store without the daemon's lock, so they work beside a running daemon.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import os
import re
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any, TextIO

from monitor import redact
from monitor.errors import MonitorError, WatchlistError, did_you_mean
from monitor.models import Clause, DiffResult, PolicyConfig, Watchlist
from monitor.safe_text import SafeStream, escape_unsafe

EXIT_OK, EXIT_CHANGED, EXIT_ERROR, EXIT_LOCKED = 0, 1, 2, 3
DEFAULT_WATCHLIST = "watchlist.yaml"
DEFAULT_DB = str(Path("snapshots") / "monitor.db")
ENV_WATCHLIST, ENV_DB = "POLICY_MONITOR_WATCHLIST", "POLICY_MONITOR_DB"

_VERSION_REF = re.compile(r"(?P<id>[a-z0-9][a-z0-9_-]*)@(?P<which>\d+|latest|previous)")

log = logging.getLogger("monitor.app.cli")


class UsageError(MonitorError):
    """A command line naming something that does not exist, or asking for something impossible."""


# --- shared helpers ----------------------------------------------------------------------------


def watchlist_path(args: argparse.Namespace) -> Path:
    return Path(getattr(args, "watchlist", None) or os.environ.get(ENV_WATCHLIST) or DEFAULT_WATCHLIST)


def db_path(args: argparse.Namespace) -> Any:
    """The SQLite file (a Path), or a postgresql:// URL (a str) as given."""
    from monitor.store.pg import is_postgres_url

    value = getattr(args, "db", None) or os.environ.get(ENV_DB) or DEFAULT_DB
    return value if is_postgres_url(value) else Path(value)


def sqlite_only(args: argparse.Namespace, instead: str) -> Path:
    """The SQLite file of a command that has no PostgreSQL form yet; a UsageError for a URL."""
    path = db_path(args)
    if isinstance(path, str):
        raise UsageError(f"`{args.command}` works on a SQLite file; with PostgreSQL, {instead}")
    return path


def load(args: argparse.Namespace) -> Watchlist:
    from monitor.config.watchlist import load_watchlist

    return load_watchlist(watchlist_path(args))


def open_store(args: argparse.Namespace, *, create: bool = False) -> Any:
    """The snapshot store; commands that only read refuse to create an empty database."""
    from monitor.store import Store

    path = db_path(args)
    if not create and isinstance(path, Path) and not path.exists():
        raise UsageError(f"no database at {path}: run `policy-monitor check --all` first, or pass --db")
    return Store(path)


def print_json(data: Any, out: TextIO | None = None) -> None:
    """`data` as indented JSON (json.dumps's text: json_text.py writes it in half the time)."""
    from monitor.app.json_text import dumps_indented

    print(dumps_indented(data), file=out or sys.stdout)


def use_color(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """Left-aligned columns, two spaces apart; None shows as '-'."""
    cells = [[("-" if v is None else str(v)) for v in row] for row in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(headers)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    return "\n".join(lines)


def summary_text(summary: dict[str, Any] | None) -> str:
    """'1 modified, 2 added' from a change summary; '' when there are none."""
    if not summary:
        return ""
    return ", ".join(f"{summary[k]} {k}" for k in ("modified", "added", "removed", "moved") if summary.get(k))


# --- run, validate, test-alert -----------------------------------------------------------------


def cmd_run(args: argparse.Namespace) -> int:
    from monitor.watch.scheduler import run_daemon

    sqlite_only(args, "run `policy-monitor worker` (as many as you like)")
    if not getattr(args, "http", None):
        return int(run_daemon(watchlist_path(args), db_path(args)))
    web = WebThread(args, args.http)  # the same server as `serve`, beside the daemon
    try:
        return int(run_daemon(watchlist_path(args), db_path(args), started=web.start))
    finally:
        web.stop()


class WebThread:
    """`serve` in a thread of the daemon: started once the daemon holds the database, stopped with it."""

    def __init__(self, args: argparse.Namespace, bind: str) -> None:
        import threading

        from monitor.app.web.server import Access, check_bind, parse_bind

        check_bind(parse_bind(bind)[0], Access.from_env())  # refuse before the daemon starts
        self.args, self.bind = args, bind
        self.halt = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        import threading

        from monitor.app.web.server import serve

        def run() -> None:
            try:
                serve(
                    db_path(self.args),
                    bind=self.bind,
                    watchlist_path=watchlist_path(self.args),
                    stop=self.halt,
                    started=lambda url: log.warning("serving %s (read-only)", url),
                )
            except (MonitorError, SystemExit) as e:
                log.error("web server stopped: %s", e)

        self.thread = threading.Thread(target=run, name="web", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.halt.set()
        if self.thread is not None:
            self.thread.join(timeout=10)


def cmd_worker(args: argparse.Namespace) -> int:
    from monitor.watch.worker import run_worker

    url = db_path(args)
    if not isinstance(url, str):
        raise UsageError(
            "workers share a PostgreSQL database: --db postgresql://...; on a SQLite file, "
            "run `policy-monitor run`"
        )
    return int(run_worker(Path(args.watchlist_file) if args.watchlist_file else watchlist_path(args), url))


def cmd_serve(args: argparse.Namespace) -> int:
    from monitor.app.web.server import serve

    db = db_path(args)  # a SQLite file, or a postgresql:// URL (the workers' database)
    if isinstance(db, Path) and not db.exists():
        raise UsageError(
            f"no database at {db}: run `policy-monitor check --all` or the daemon first, or pass --db"
        )
    wl = watchlist_path(args)
    shown = db if isinstance(db, Path) else _without_password(db)
    serve(
        db,
        bind=args.bind,
        watchlist_path=wl if wl.exists() else None,
        started=lambda url: print(
            f"serving {url} (read-only over {shown}); Ctrl-C stops", file=sys.stderr, flush=True
        ),
    )
    return EXIT_OK


def _without_password(url: str) -> str:
    """A database URL as it may be printed: its password masked."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


def cmd_validate(args: argparse.Namespace) -> int:
    """Every problem of the watchlist in one run: its errors, then every secret not set here.
    The policies are streamed through a scratch staging area (which finds the ids used twice), so
    a list of any length is validated in bounded memory."""
    from monitor.config.watchlist import stream_watchlist
    from monitor.store.schedule import PolicyStaging

    staging = PolicyStaging.scratch()
    try:
        wl = stream_watchlist(watchlist_path(args), staging)
        n = staging.count
    except WatchlistError as e:
        print(f"policy-monitor: error: {e}", file=sys.stderr)
        _warn_unset(args)
        return EXIT_ERROR
    finally:
        staging.close()
    m = len(wl.routes)
    files = f"; policies_from: {_count(len(wl.sources), 'file')}" if wl.sources else ""
    print(f"ok: {n} {'policy' if n == 1 else 'policies'}, {m} {'route' if m == 1 else 'routes'}{files}")
    return EXIT_CHANGED if _warn_unset(args) else EXIT_OK


def _count(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _warn_unset(args: argparse.Namespace) -> bool:
    """Warn about every secret the watchlist names (`*_env`) that is not set; True if any."""
    from monitor.config.watchlist import unset_secrets

    unset = unset_secrets(watchlist_path(args))
    if unset:
        print(
            f"warning: {len(unset)} secret{'s' if len(unset) != 1 else ''} named in {watchlist_path(args)} "
            "not set in this environment; alerts through these routes fail until they are:",
            file=sys.stderr,
        )
        for line in unset:
            print(f"  {line}", file=sys.stderr)
    return bool(unset)


def cmd_test_alert(args: argparse.Namespace) -> int:
    from monitor.alerts import send_test_alert

    wl = load(args)
    if args.route not in wl.routes and args.route != "console":
        raise UsageError(f"no alert route named {args.route!r}{did_you_mean(args.route, wl.routes)}")
    try:
        send_test_alert(wl, args.route)
    except MonitorError as e:
        print(f"policy-monitor: {e}", file=sys.stderr)
        return EXIT_CHANGED
    print(f"sent a test alert through route {args.route!r}", file=sys.stderr)
    return EXIT_OK


# --- check -------------------------------------------------------------------------------------

PROBLEMS = frozenset({"failed", "suspect"})


def cmd_check(args: argparse.Namespace) -> int:
    from monitor.fetch.http import HttpFetcher
    from monitor.watch.passes import check_many

    wl = load(args)
    policies = select_policies(wl, args.ids, args.all)
    store = open_store(args, create=True)
    try:
        store.sync_policies(wl.policies)
        progress = Progress(len(policies), sys.stderr) if sys.stderr.isatty() and not args.quiet else None
        fetcher = HttpFetcher(wl.fetch)
        started = time.perf_counter()
        try:
            outcomes = check_many(policies, store=store, fetcher=fetcher, watchlist=wl, progress=progress)
        finally:
            fetcher.close()
            if progress:
                progress.done()
        seconds = time.perf_counter() - started
        report_checks(args, outcomes, seconds)
        # with --json, stdout carries only the JSON document; console alerts go to stderr
        deliver_alerts(store, wl, sum(o.alerts for o in outcomes), sys.stderr if args.json else sys.stdout)
    finally:
        store.close()
    return EXIT_CHANGED if any(o.outcome in PROBLEMS for o in outcomes) else EXIT_OK


def select_policies(wl: Watchlist, ids: Sequence[str], all_: bool) -> list[PolicyConfig]:
    if all_ and ids:
        raise UsageError("give policy ids or --all, not both")
    if not ids:
        if not all_:
            raise UsageError("name the policies to check, or pass --all")
        return list(wl.policies)
    by_id = {p.id: p for p in wl.policies}
    unknown = [i for i in ids if i not in by_id]
    if unknown:
        raise UsageError(
            f"no policy {unknown[0]!r} in {wl.path or 'the watchlist'}{did_you_mean(unknown[0], by_id)}"
        )
    return [by_id[i] for i in dict.fromkeys(ids)]


class Progress:
    """One line on a terminal, rewritten per finished check: "[  37/1000] id  unchanged  120 ms"."""

    def __init__(self, total: int, stream: TextIO) -> None:
        self.total, self.stream, self.n = total, stream, 0
        self.width = len(str(total))

    def __call__(self, outcome: Any) -> None:
        self.n += 1
        line = (
            f"[{self.n:>{self.width}}/{self.total}] {outcome.policy_id}  {outcome.outcome}  "
            f"{outcome.duration_ms} ms"
        )
        self.stream.write("\r\033[K" + line[:200])
        self.stream.flush()

    def done(self) -> None:
        if self.n:
            self.stream.write("\r\033[K")
            self.stream.flush()


def report_checks(args: argparse.Namespace, outcomes: Sequence[Any], seconds: float) -> None:
    from monitor.watch.check import format_outcome

    counts: dict[str, int] = {}
    for o in outcomes:
        counts[o.outcome] = counts.get(o.outcome, 0) + 1
    summary = {"checked": len(outcomes), "seconds": round(seconds, 3), "outcomes": counts}
    if args.json:
        print_json({"summary": summary, "checks": [asdict(o) for o in outcomes]})
        return
    for o in outcomes:
        if args.verbose or o.outcome not in ("unchanged", "not_modified"):
            print(format_outcome(o.policy_id, o))
    parts = ", ".join(f"{n} {k}" for k, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    print(
        f"checked {len(outcomes)} {'policy' if len(outcomes) == 1 else 'policies'} in {seconds:.1f} s"
        + (f": {parts}" if parts else "")
    )


def deliver_alerts(store: Any, wl: Watchlist, raised: int, console: TextIO) -> None:
    """Deliver everything due in the outbox, whoever wrote it (a killed `check`, an earlier pass),
    in batches, and say what is left. With a daemon running, its sender delivers them instead."""
    from monitor.alerts import Sender

    if store.daemon_running():
        backlog = store.outbox_backlog(store.now_iso())
        if backlog["due"]:
            print(
                f"policy-monitor: {backlog['due']} alert(s) pending; the running daemon delivers them",
                file=sys.stderr,
            )
        return
    Sender(store, wl, console_stream=console, clock=store.clock).deliver_due()
    backlog = store.outbox_backlog(store.now_iso())
    left = [
        f"{backlog[k]} {what}"
        for k, what in (
            ("due", "due but held by another sender"),
            ("retry_later", "to retry later"),
            ("digest", "waiting for a digest"),
            ("dead", "dead"),
        )
        if backlog[k]
    ]
    if backlog["due"] or backlog["retry_later"]:
        print(f"policy-monitor: alerts not delivered yet: {', '.join(left)}; see `status`", file=sys.stderr)


# --- status, history, show, export -------------------------------------------------------------


def cmd_status(args: argparse.Namespace) -> int:
    from monitor.app import read_models  # sqlite_utils with it: not for `diff` of two files

    store = open_store(args)
    try:
        if args.json:  # the JSON of GET /api/status (URLs with credentials hidden)
            print_json(read_models.status_records(store))
            return EXIT_OK
        rows = read_models.status(store)
    finally:
        store.close()
    headers = ("policy", "last check", "outcome", "next check", "versions", "last material change", "alerts")
    print(table(headers, [_status_row(r) for r in rows]))
    for r in rows:
        for line in _status_notes(r):
            print(f"{r.policy_id}: {line}")
    return EXIT_OK


def _status_row(r: Any) -> tuple[Any, ...]:
    """One policy's row of `status`; the alerts column counts what is not delivered yet."""
    alerts = []
    if r.pending_alerts:
        retrying = f" ({r.retrying_alerts} retrying)" if r.retrying_alerts else ""
        alerts.append(f"{r.pending_alerts} pending{retrying}")
    if r.dead_alerts:
        alerts.append(f"{r.dead_alerts} dead")
    return (
        r.policy_id,
        r.last_check_at or "never",
        r.last_outcome,
        r.next_check_at or "at daemon start",
        r.versions,
        r.last_material_change_at,
        ", ".join(alerts) or "-",
    )


def _status_notes(r: Any) -> list[str]:
    """What the table cannot say in a cell: the last check's error in words, why alerts wait."""
    from monitor.app import read_models

    notes = []
    error = read_models.redact_text(r.extra.get("error"))
    if r.last_outcome in ("failed", "suspect") and error:
        streak = f"{r.retry_streak} check{'s' if r.retry_streak != 1 else ''} in a row"
        notes.append(f"last check {r.last_outcome}: {error} ({streak}; retried sooner, up to its interval)")
    if r.health == "unreachable":
        notes.append("unreachable (an alert was raised; one more when it recovers)")
    if (r.retrying_alerts or r.dead_alerts) and r.alert_error:
        which = (
            f"{r.retrying_alerts} alert{'s' if r.retrying_alerts != 1 else ''} retrying"
            if r.retrying_alerts
            else f"{r.dead_alerts} dead alert{'s' if r.dead_alerts != 1 else ''}"
        )
        notes.append(f"{which}, last error: {read_models.redact_text(r.alert_error)}")
    if r.rendered:
        notes.append(f"rendered in a {r.rendered}")
    return notes


def cmd_history(args: argparse.Namespace) -> int:
    from monitor.app import read_models  # sqlite_utils with it: not for `diff` of two files

    store = open_store(args)
    try:
        if args.json:
            print_json(read_models.history_records(store, args.id))
            return EXIT_OK
        entries = read_models.history(store, args.id)
    finally:
        store.close()
    rows = [
        (
            e.seq,
            e.seen_at,
            f"first version, {e.clause_count or '?'} clauses"
            if e.first
            else summary_text(e.summary) or "text only",
            None if e.first else ("yes" if e.material else "no"),
            None if e.first else e.severity,
            ", ".join(e.categories) or None,
        )
        for e in entries
    ]
    if not rows:
        print(f"{args.id}: no versions yet")
        return EXIT_OK
    print(table(("seq", "seen at", "changes", "material", "severity", "categories"), rows))
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    from monitor.app import read_models  # sqlite_utils with it: not for `diff` of two files

    store = open_store(args)
    try:
        which = str(args.version) if args.version is not None else "latest"
        version = read_models.version(store, args.id, which)
    finally:
        store.close()
    if args.json:
        print_json(read_models.version_record(version, clauses=args.clauses))
        return EXIT_OK
    if not args.clauses:
        sys.stdout.write(version.text + ("\n" if version.text and not version.text.endswith("\n") else ""))
        return EXIT_OK
    for c in version.clauses:
        marker = f"{c.marker} " if c.marker else ""
        section = f"[{c.section_path}] " if c.section_path else ""
        print(f"{c.index:>4}  {section}{marker}{c.text}")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from monitor.app import read_models  # sqlite_utils with it: not for `diff` of two files

    store = open_store(args)
    try:
        if args.id:
            read_models.require_policy(store, args.id)
        records = (
            r for r in store.export(include_text=not args.no_text) if not args.id or r["policy_id"] == args.id
        )
        if args.output and args.output != "-":
            n = write_json_lines(records, Path(args.output))
            print(f"wrote {n} records to {args.output}", file=sys.stderr)
        else:
            for r in records:
                sys.stdout.write(json.dumps(r, ensure_ascii=False) + "\n")
    finally:
        store.close()
    return EXIT_OK


def write_json_lines(records: Iterable[dict[str, Any]], path: Path) -> int:
    """Write to a temporary file beside `path`, then rename: a failed export leaves no half file."""
    tmp = path.with_name(f".{path.name}.tmp{os.getpid()}")
    n = 0
    try:
        with tmp.open("w", encoding="utf-8") as f:
            for r in records:
                # control and bidi characters as JSON escapes: lossless, and inert in a terminal
                f.write(escape_unsafe(json.dumps(r, ensure_ascii=False)) + "\n")
                n += 1
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return n


# --- diff and report ---------------------------------------------------------------------------


def cmd_diff(args: argparse.Namespace) -> int:
    with few_collections(last=getattr(args, "process_ends", False)):
        result = diff_sides(args, args.old, args.new)
        if args.json:
            print_json(result.to_dict())
        else:
            from monitor.app.terminal import render_diff

            sys.stdout.write(render_diff(result, color=use_color(args.color, sys.stdout)))
    return EXIT_CHANGED if result.changes else EXIT_OK


DIFF_GC_THRESHOLD = 100_000  # young objects between collections in a `diff` (the default is 700)


@contextmanager
def few_collections(*, last: bool = False) -> Iterator[None]:
    """The cyclic garbage collector run rarely inside the block: a `diff` of a 50 KB pair makes
    tens of thousands of objects that live until it ends and form next to no reference cycles;
    with the usual thresholds they are walked in ~80 collections (~8 ms), here in one after the
    block (~6 ms). The usual thresholds come back after. `last`: the process ends after the
    block, so its objects are frozen (gc.freeze) instead: neither that collection nor the one at
    interpreter exit walks them (~25 ms less for `diff` of a 50 KB pair); memory is still freed
    by reference counting."""
    before = gc.get_threshold()
    gc.set_threshold(DIFF_GC_THRESHOLD, *before[1:])
    try:
        yield
    finally:
        if last:
            gc.freeze()
        gc.set_threshold(*before)


def cmd_score(args: argparse.Namespace) -> int:
    from monitor.app.score import find_cases, score_cases

    cases = find_cases(Path(d) for d in args.cases)
    if not cases:
        raise UsageError("no cases found (a case is a folder with old.*, new.* and expect.json)")
    score = score_cases(cases)
    for case in score.cases:
        if args.verbose or not case.ok:
            print(
                f"{'PASS' if case.ok else 'FAIL'} {case.case:40s} "
                f"{case.seconds:6.2f}s  {'; '.join(case.problems)}"
            )
    if args.json_out:
        saved = json.dumps(score.to_dict(), indent=2, ensure_ascii=False)
        Path(args.json_out).write_text(saved, encoding="utf-8")
    print(score.summary_line())
    return EXIT_OK if score.passed == len(score.cases) else EXIT_CHANGED


def is_version_ref(side: str) -> bool:
    """`ID@N`, `ID@latest`, `ID@previous`, unless a file of that name exists."""
    return bool(_VERSION_REF.fullmatch(side)) and not Path(side).exists()


def diff_sides(args: argparse.Namespace, old: str, new: str) -> DiffResult:
    """Each side a file or a stored version; stored clauses are compared as stored."""
    from monitor.engine.pipeline import analyse, compare, diff_files, load_document

    if not is_version_ref(old) and not is_version_ref(new):
        return diff_files(old, new)
    sides: list[tuple[list[Clause], str]] = []
    store = open_store(args) if any(map(is_version_ref, (old, new))) else None
    try:
        for side in (old, new):
            if is_version_ref(side):
                v = resolve_ref(store, side)
                sides.append((v.clauses, v.text))
            else:
                doc = load_document(side)
                sides.append((analyse(doc), doc.text))
    finally:
        if store is not None:
            store.close()
    (old_clauses, old_text), (new_clauses, new_text) = sides
    return compare(old_clauses, new_clauses, old_text=old_text, new_text=new_text)


def resolve_ref(store: Any, ref: str, *, bare_is_latest: bool = False) -> Any:
    from monitor.app import read_models  # sqlite_utils with it: not for `diff` of two files

    if bare_is_latest and "@" not in ref:
        ref = f"{ref}@latest"  # `report ID` is the latest version
    match = _VERSION_REF.fullmatch(ref)
    if not match:
        raise UsageError(f"{ref!r} is not a version (use ID@N, ID@latest or ID@previous)")
    return read_models.version(store, match["id"], match["which"])


def cmd_report(args: argparse.Namespace) -> int:
    from monitor.alerts import change_payload, render_report_html
    from monitor.app import read_models  # sqlite_utils with it: not for `diff` of two files

    store = open_store(args)
    try:
        version = resolve_ref(store, args.ref, bare_is_latest=True)
        changes = read_models.changes_in(store, version)
        policy = read_models.policy_config(store, version.policy_id, watchlist_if_valid(args))
    finally:
        store.close()
    payload = change_payload(
        policy, seq=version.seq, seen_at=version.seen_at, changes=changes, include_non_material=True
    )
    html = render_report_html(payload)
    Path(args.output).write_text(html, encoding="utf-8")
    print(f"wrote {args.output}: {version.policy_id} v{version.seq}, {len(changes)} changes", file=sys.stderr)
    return EXIT_OK


def watchlist_if_valid(args: argparse.Namespace) -> Watchlist | None:
    """The watchlist, or None where there is none or it does not validate (a report still works)."""
    try:
        return load(args)
    except MonitorError:
        return None


# --- preview, import-ota, health ----------------------------------------------------------------


def cmd_preview(args: argparse.Namespace) -> int:
    from monitor.app.preview import preview
    from monitor.config.watchlist import load_watchlist

    settings = None
    path = watchlist_path(args)
    if path.exists():
        try:
            settings = load_watchlist(path).fetch  # the user agent and timeouts the checks use
        except MonitorError:
            settings = None
    result = preview(
        args.url,
        select=args.select,
        remove=tuple(args.remove or ()),
        render=args.render,
        settings=settings,
        language=args.language,
    )
    if args.json:
        print_json(result.as_dict())
    else:
        sys.stdout.write(result.as_text(all_clauses=args.all))
    return EXIT_OK


def cmd_import_ota(args: argparse.Namespace) -> int:
    from monitor.app import ota

    types = [t.strip() for t in args.types.split(",") if t.strip()] if args.types else None
    files = ota.declaration_files(Path(p) for p in args.paths)
    if not files:
        raise UsageError("no declaration files (*.json) found in " + ", ".join(args.paths))
    entries = [e for f in files for e in ota.convert(f, types)]
    text = ota.render_yaml(entries)
    if args.output and args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    for line in ota.report(entries):
        print(line, file=sys.stderr)
    lossy = sum(1 for e in entries if e.dropped)
    print(
        f"{len(entries)} entries from {len(files)} declaration files; {lossy} to finish by hand",
        file=sys.stderr,
    )
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Check policy lists (CSV, JSON lines, YAML) as `policies_from:` would read them, against the
    watchlist's routes, defaults and ids; print them as one `policies:` list (or only check)."""
    import yaml

    from monitor.config.watchlist import check_policy_files, policy_entries

    paths = [Path(p) for p in args.paths]
    try:
        wl = check_policy_files(paths, watchlist_path(args))
    except WatchlistError as e:
        print(f"policy-monitor: error: {e}", file=sys.stderr)
        return EXIT_ERROR
    files = [Path(f) for f in wl.sources if any(_within(Path(f), p) for p in paths)]
    entries = [entry for f in files for entry in policy_entries(f)]
    if not args.check:
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        names = ", ".join(str(p) for p in paths)
        text = f"# Checked and converted by `policy-monitor import` from {names}.\n" + yaml.dump(
            {"policies": entries}, Dumper=dumper, sort_keys=False, allow_unicode=True, width=1000
        )
        if args.output and args.output != "-":
            Path(args.output).write_text(text, encoding="utf-8")
        else:
            sys.stdout.write(text)
    them, are = ("it", "it is") if len(files) == 1 else ("them", "they are")
    print(
        f"ok: {_count(len(entries), 'policy', 'policies')} in {_count(len(files), 'file')}, checked "
        f"against {watchlist_path(args)}; to watch {them} as {are}, name {them} under `policies_from:` "
        "in the watchlist",
        file=sys.stderr,
    )
    return EXIT_OK


def _within(file: Path, named: Path) -> bool:
    """Whether `file` is the named file or in the named folder."""
    return file.resolve() == named.resolve() or file.resolve().parent == named.resolve()


def cmd_health(args: argparse.Namespace) -> int:
    """Exit 0 when a daemon holds the database and ticked within a minute (container health)."""
    path = db_path(args)
    store = open_store(args)
    try:
        alive = store.daemon_running()
        if isinstance(path, str):  # PostgreSQL: a worker leads (holds the leader lock) now
            alive = store.leader_alive()
    finally:
        store.close()
    if isinstance(path, str):
        print(f"{'ok' if alive else 'unhealthy'}: {'a worker leads' if alive else 'no worker running'}")
        return EXIT_OK if alive else EXIT_CHANGED
    try:
        age = time.time() - Path(f"{path}.lock").stat().st_mtime
    except OSError:
        age = None
    ok = alive and age is not None and age <= 60
    state = "alive" if alive else "not running"
    tick = f", last tick {age:.0f} s ago" if age is not None else ""
    print(f"{'ok' if ok else 'unhealthy'}: daemon {state}{tick} ({path})")
    return EXIT_OK if ok else EXIT_CHANGED


# --- demo --------------------------------------------------------------------------------------


def cmd_demo(args: argparse.Namespace) -> int:
    from monitor.app.demo import run_demo

    given = [opt for opt, dest in (("--db", "db"), ("--watchlist", "watchlist")) if getattr(args, dest, None)]
    if given:
        raise UsageError(
            f"demo does not use {' or '.join(given)}: it serves sample policies on 127.0.0.1 with its "
            "own watchlist and database in a temporary directory (--keep keeps them); use "
            "`check`/`run` for your own watchlist"
        )

    return run_demo(keep=args.keep, color=use_color(args.color, sys.stdout))


# --- the parser --------------------------------------------------------------------------------


def add_globals(p: argparse.ArgumentParser, *, top: bool) -> None:
    """The global options, accepted before or after the command (SUPPRESS keeps the earlier one)."""
    default = None if top else argparse.SUPPRESS
    p.add_argument(
        "--watchlist",
        metavar="FILE",
        default=default,
        help=f"the watchlist (default ${ENV_WATCHLIST} or ./{DEFAULT_WATCHLIST})",
    )
    p.add_argument(
        "--db",
        metavar="FILE|URL",
        default=default,
        help=f"the snapshot database: a SQLite file or a postgresql:// URL (default ${ENV_DB} or"
        f" {DEFAULT_DB})",
    )
    p.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="say more (log lines on stderr, every check on stdout)",
    )
    p.add_argument(
        "--debug",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="debug logging, and tracebacks of errors",
    )


# Every command's name (a test holds it equal to the parser's), to tell which one a command line runs.
COMMAND_NAMES = frozenset(
    {
        "check",
        "demo",
        "diff",
        "export",
        "health",
        "history",
        "import",
        "import-ota",
        "preview",
        "report",
        "run",
        "score",
        "serve",
        "show",
        "status",
        "test-alert",
        "validate",
        "worker",
    }
)


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole command line; `only`: the command being run, whose parser alone gets the global
    options (a short command such as `diff` does not pay for twenty parsers it never reads)."""
    parser = argparse.ArgumentParser(
        prog="policy-monitor",
        description="Watch privacy policies and terms, keep every version, alert on material changes. "
        "Start with `policy-monitor demo`.",
        epilog="Exit status: 0 ok, 1 something changed or failed, 2 usage or input error, "
        "3 another daemon runs on the database.",
    )
    add_globals(parser, top=True)
    parser.add_argument("--version", action="version", version=_version())
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    def command(
        name: str,
        func: Callable[[argparse.Namespace], int],
        help: str,
        description: str = "",
    ) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=description or help)
        if only is None or name == only:
            add_globals(p, top=False)
        p.set_defaults(func=func)
        return p

    p = command(
        "run",
        cmd_run,
        "run the daemon: check every policy on its schedule and send alerts",
        "Run the daemon until SIGTERM/SIGINT. Exit 3 when another daemon already runs on the database, "
        "2 when the watchlist does not validate.",
    )
    p.add_argument(
        "--http", metavar="HOST:PORT", help="also serve the web app and API (as `serve`) on this address"
    )
    p = command(
        "worker",
        cmd_worker,
        "one of many workers sharing a PostgreSQL database's checks and alerts",
        "Run a worker until SIGTERM/SIGINT: claim due policies (with leases) from the PostgreSQL database "
        "of --db, check them, deliver alerts; one worker also syncs the watchlist, gathers digests and "
        "prunes. Start as many as you like, on any machines, with the same watchlist. Exit 2 when the "
        "watchlist does not validate. See docs/scale.md.",
    )
    p.add_argument(
        "watchlist_file",
        nargs="?",
        metavar="WATCHLIST",
        help="the watchlist (default --watchlist, $POLICY_MONITOR_WATCHLIST or ./watchlist.yaml)",
    )
    p = command(
        "serve",
        cmd_serve,
        "serve the web app, REST API, Atom feeds, /healthz and /metrics over the database (read-only)",
        "Serve pages, a JSON API (/api/openapi.json), Atom feeds (/feeds/changes.atom), /healthz and "
        "/metrics. Binds 127.0.0.1:8080 by default; any other address needs POLICY_MONITOR_WEB_TOKEN, "
        "or POLICY_MONITOR_WEB_USER and POLICY_MONITOR_WEB_PASSWORD, in the environment.",
    )
    p.add_argument(
        "--bind", metavar="HOST:PORT", default="127.0.0.1:8080", help="address (default 127.0.0.1:8080)"
    )

    p = command(
        "check",
        cmd_check,
        "check policies once, now",
        "Check the named policies (or --all) once, record what changed and deliver the alerts raised. "
        "Exit 0 when every check went through, 1 when any failed or looked broken (suspect).",
    )
    p.add_argument("ids", nargs="*", metavar="ID", help="policy ids from the watchlist")
    p.add_argument("--all", action="store_true", help="check every policy of the watchlist")
    p.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress line on the terminal")

    p = command("status", cmd_status, "per policy: last check, outcome, last change, versions, failures")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("history", cmd_history, "the versions of a policy, with what changed in each")
    p.add_argument("id", metavar="ID", help="a policy id")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command("show", cmd_show, "print a stored version's normalised text, or its clauses")
    p.add_argument("id", metavar="ID", help="a policy id")
    p.add_argument("--version", metavar="N", type=int, help="version number (default: the latest)")
    p.add_argument("--clauses", action="store_true", help="the clauses, with index, section and marker")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "diff",
        cmd_diff,
        "compare two versions of a policy, clause by clause",
        "Compare two versions of a policy. Each side is a file (.html, .txt, .md, .pdf) or a stored "
        "version: ID@N, ID@latest, ID@previous. Exit 0 when nothing changed, 1 when something "
        "changed, 2 on an error.",
    )
    p.add_argument("old", help="the older version")
    p.add_argument("new", help="the newer version")
    p.add_argument("--json", action="store_true", help="print JSON (docs/diff-contract.md)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the output")

    p = command(
        "score",
        cmd_score,
        "score the engine on labelled version pairs",
        "Run the engine on each case folder (old.*, new.*, expect.json; see docs/labelled-cases.md) and "
        "print alert precision and recall, category recall and noise. Exit 0 when every case passes.",
    )
    p.add_argument("cases", nargs="+", metavar="DIR", help="a case folder, or a folder of case folders")
    p.add_argument("--json-out", metavar="FILE", help="also write the per-case results as JSON")

    command(
        "validate",
        cmd_validate,
        "check the watchlist and say what is wrong, with its line",
        "Load and validate the watchlist: prints `ok: N policies, M routes`, or the error and exit 2.",
    )

    p = command("export", cmd_export, "versions and changes as JSON lines")
    p.add_argument("id", nargs="?", metavar="ID", help="only this policy")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default stdout)")
    p.add_argument("--no-text", action="store_true", help="leave out each version's text and clauses")

    p = command("report", cmd_report, "write the changes of one stored version as an HTML page")
    p.add_argument(
        "ref", metavar="ID[@N]", help="a stored version: ID (its latest), ID@N, ID@latest or ID@previous"
    )
    p.add_argument("-o", "--output", metavar="FILE.html", required=True, help="the page to write")

    p = command(
        "test-alert",
        cmd_test_alert,
        "send a sample alert through a route, now",
        "Send a sample change alert through ROUTE, bypassing the outbox. Exit 1 when it fails.",
    )
    p.add_argument("route", metavar="ROUTE", help="a route name under alerts: (or console)")

    p = command(
        "preview",
        cmd_preview,
        "fetch a page once and show what would be stored",
        "Fetch URL once (nothing is stored) and show its sections, clauses, language and counts, "
        "what was dropped as page chrome, and the watchlist entry to paste.",
    )
    p.add_argument("url", metavar="URL", help="the policy page")
    p.add_argument("--select", metavar="CSS", help="the CSS selector of the policy text")
    p.add_argument("--remove", metavar="CSS", action="append", help="a CSS selector to drop (repeatable)")
    p.add_argument(
        "--render",
        choices=("auto", "http", "browser"),
        default="auto",
        help="run the page's scripts in Chromium: auto (when the page needs it), http, browser",
    )
    p.add_argument("--language", metavar="LANG", help="a language hint (en, sv, zh ...)")
    p.add_argument("--all", action="store_true", help="list every clause, not the first 25")
    p.add_argument("--json", action="store_true", help="print JSON")

    p = command(
        "import-ota",
        cmd_import_ota,
        "Open Terms Archive declarations -> watchlist entries",
        "Turn Open Terms Archive declaration files (or folders of them) into a `policies:` list. "
        "Selectors are carried as they are, executeClientScripts becomes render: browser; what "
        "cannot be carried (range selectors, JavaScript filters) is reported per entry.",
    )
    p.add_argument("paths", nargs="+", metavar="FILE|DIR", help="declaration files or folders")
    p.add_argument(
        "--types", metavar="LIST", help='terms types to import, e.g. "Privacy Policy,Terms of Service"'
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write the YAML to FILE (default stdout)")

    p = command(
        "import",
        cmd_import,
        "check CSV / JSON-lines / YAML policy lists and print them as watchlist entries",
        "Check policy lists exactly as `policies_from:` reads them (the watchlist's routes, defaults "
        "and ids apply): every error names its file and line, exit 2 on any. Then print the entries "
        "as one `policies:` list to paste, or name the files under `policies_from:` to watch them "
        "as they are. CSV: a header row of policy keys (id,url,name,type,interval,select,remove,"
        "language,alert,previous_ids,render), an empty cell is not set, lists separated by `;`. "
        "JSON lines: one object per line.",
    )
    p.add_argument("paths", nargs="+", metavar="FILE|DIR", help=".csv, .jsonl, .yaml files, or folders")
    p.add_argument("-o", "--output", metavar="FILE", help="write the YAML to FILE (default stdout)")
    p.add_argument("--check", action="store_true", help="only check: print no YAML")

    command(
        "health",
        cmd_health,
        "exit 0 when a daemon holds the database and is ticking (for container health checks)",
    )

    p = command(
        "demo",
        cmd_demo,
        "watch three sample policies on 127.0.0.1, change one, show the alert",
        "Serve three sample policies on 127.0.0.1, check them, lengthen one retention period, "
        "check again and show the alert and the clause diff. Offline; cleans up after itself.",
    )
    p.add_argument("--keep", action="store_true", help="keep the temporary directory and say where it is")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the output")
    return parser


def setup_logging(args: argparse.Namespace) -> None:
    level = logging.DEBUG if args.debug else logging.INFO if args.verbose else logging.WARNING
    if args.command in ("run", "worker") and level > logging.INFO:
        level = logging.INFO  # the daemon's one line per check is its output
    logging.basicConfig(
        level=level, stream=sys.stderr, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    redact.install()  # webhook URLs' paths and queries (tokens) never reach the log


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(only=_named_command(words))
    args = parser.parse_args(words)
    args.process_ends = argv is None  # the console command: this process ends with the command
    # everything printed (show, diff, export, console alerts, logs) goes through SafeStream:
    # control and bidi-override characters from pages and watchlists come out as \uXXXX
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)  # type: ignore[assignment]
    try:
        return _run(args)
    finally:
        sys.stdout, sys.stderr = out, err


def _version() -> str:
    """`policy-monitor --version`: the version, and whether the modules setup.py compiles with mypyc
    (the text pipeline's and the engine's hot modules) run compiled."""
    import monitor

    how = "compiled" if monitor.compiled_modules_active() else "pure Python"
    return f"policy-monitor {monitor.__version__} (text and engine modules: {how})"


def _named_command(words: Sequence[str]) -> str | None:
    """The command the words name, when exactly one command's name is among them (a global
    option's value could be another's name: then every parser is built whole)."""
    named = {w for w in words if w in COMMAND_NAMES}
    return named.pop() if len(named) == 1 else None


def _run(args: argparse.Namespace) -> int:
    setup_logging(args)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except KeyboardInterrupt:
        print("policy-monitor: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except MonitorError as e:
        return fail(args, str(e))
    except OSError as e:
        return fail(args, f"{e.filename}: {e.strerror or e}" if e.filename else str(e.strerror or e))
    except Exception as e:  # the last line of defence: one line, never a traceback
        return fail(args, f"internal error: {type(e).__name__}: {e}")


def fail(args: argparse.Namespace, message: str) -> int:
    if getattr(args, "debug", False):
        traceback.print_exc()
    print(f"policy-monitor: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def _silence_stdout() -> None:
    # `policy-monitor export | head`: stop quietly, and keep Python from failing to flush at exit.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
