"""`policy-monitor demo`: the whole monitor on three sample policies, offline, in a few seconds.

In: the sample pages in monitor/sample/ (an English, a Swedish and a Chinese privacy policy).
Out: text on stdout: the first check (one version each), the edit (a retention period goes from
3 years to 10 years), the second check, the console alert it raised and the clause diff. Then
the server stops and the temporary directory (watchlist, database) is removed, unless --keep.

It runs the real stages, nothing faked: a ThreadingHTTPServer on 127.0.0.1 (port 0, with ETags
so unchanged pages answer 304), watchlist.py, check.check_many, store.Store, alerts.Sender with
the console route, and engine.compare + terminal.render_diff on the two stored versions.
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any, TextIO

__all__ = ["DemoSite", "run_demo", "sample_pages"]

EDITED_ID = "brightleaf-privacy"
EDIT_OLD = "We keep billing records for 3 years"
EDIT_NEW = "We keep billing records for 10 years"

SAMPLES = (
    ("brightleaf-privacy", "Brightleaf Notes privacy policy", "brightleaf-privacy.html", "en"),
    ("fjallbo-integritet", "Fjällbo Resor integritetspolicy", "fjallbo-integritetspolicy.html", "sv"),
    ("yunqi-privacy", "云栖阅读隐私政策", "yunqi-privacy.html", "zh"),
)


def sample_pages() -> dict[str, bytes]:
    """The sample pages shipped in monitor/sample/, by file name."""
    folder = resources.files("monitor.app") / "sample"
    return {name: (folder / name).read_bytes() for _, _, name, _ in SAMPLES}


# --- the web server ----------------------------------------------------------------------------


class DemoSite:
    """Pages held in memory, served on 127.0.0.1 with ETags; `edit` changes one between checks."""

    def __init__(self, pages: dict[str, bytes]) -> None:
        self._pages = {f"/{name}": body for name, body in pages.items()}
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-site", daemon=True)

    def start(self) -> DemoSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/{name}"

    def page(self, path: str) -> bytes | None:
        with self._lock:
            return self._pages.get(path)

    def edit(self, name: str, old: str, new: str) -> None:
        """Replace `old` by `new` in one page; it must occur there exactly once."""
        with self._lock:
            text = self._pages[f"/{name}"].decode("utf-8")
            if text.count(old) != 1:
                raise RuntimeError(f"demo: {old!r} is not in {name} exactly once")
            self._pages[f"/{name}"] = text.replace(old, new).encode("utf-8")


def _handler_for(site: DemoSite) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "policy-monitor-demo"

        def log_message(self, format: str, *args: Any) -> None:  # keep the demo's output clean
            pass

        def do_GET(self) -> None:
            body = site.page(self.path.split("?", 1)[0])
            if body is None:
                self._answer(404, b"not found", "text/plain; charset=utf-8")
                return
            etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            self._answer(200, body, "text/html; charset=utf-8", etag)

        def _answer(self, status: int, body: bytes, ctype: str, etag: str | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    return Handler


# --- the demo ----------------------------------------------------------------------------------


@dataclass
class _Env:
    folder: Path
    site: DemoSite
    watchlist_path: Path
    db_path: Path


def watchlist_yaml(site: DemoSite) -> str:
    """The demo's watchlist: the three samples, console alerts, no politeness delay (one local host)."""
    lines = [
        "# written by `policy-monitor demo`",
        "defaults: {interval: 1h, alert: [console]}",
        "alerts:",
        "  console: {type: console, min_severity: low}",
        "fetch: {per_host_delay: 0, per_host_concurrency: 4, retries: 0,",
        "        connect_timeout: 5s, read_timeout: 10s}",
        "policies:",
    ]
    for pid, name, file, language in SAMPLES:
        lines += [
            f"  - id: {pid}",
            f'    name: "{name}"',
            f"    url: {site.url(file)}",
            f"    language: {language}",
        ]
    return "\n".join(lines) + "\n"


@contextmanager
def _no_proxy_for_localhost() -> Iterator[None]:
    """requests would send even 127.0.0.1 through an HTTP(S)_PROXY of the environment."""
    saved = {k: os.environ.get(k) for k in ("NO_PROXY", "no_proxy")}
    local = ",".join(filter(None, [saved["NO_PROXY"] or saved["no_proxy"], "127.0.0.1", "localhost"]))
    os.environ["NO_PROXY"] = os.environ["no_proxy"] = local
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


@contextmanager
def _environment(keep: bool, out: TextIO) -> Iterator[_Env]:
    folder = Path(tempfile.mkdtemp(prefix="policy-monitor-demo-"))
    site = DemoSite(sample_pages()).start()
    try:
        wl_path = folder / "watchlist.yaml"
        wl_path.write_text(watchlist_yaml(site), encoding="utf-8")
        with _no_proxy_for_localhost():
            yield _Env(folder, site, wl_path, folder / "monitor.db")
    finally:
        site.stop()
        if keep:
            print(
                f"\nKept {folder} (watchlist.yaml, monitor.db). Try:\n"
                f"  policy-monitor --db {folder / 'monitor.db'} history {EDITED_ID}\n"
                f"  policy-monitor --db {folder / 'monitor.db'} serve    (then open http://127.0.0.1:8080/)",
                file=out,
            )
        else:
            shutil.rmtree(folder, ignore_errors=True)


def run_demo(*, keep: bool = False, color: bool = False, out: TextIO | None = None) -> int:
    """Run the demo; 0 when the retention change was detected and alerted, 1 otherwise."""
    from monitor.alerts import Sender
    from monitor.config.watchlist import load_watchlist
    from monitor.fetch.http import HttpFetcher
    from monitor.store import Store
    from monitor.watch.passes import check_many

    out = out or sys.stdout
    with _environment(keep, out) as env:
        wl = load_watchlist(env.watchlist_path)
        store = Store(env.db_path)
        fetcher = HttpFetcher(wl.fetch)
        try:
            store.sync_policies(wl.policies)
            say = _Printer(out)
            say.step(
                f"Serving {len(SAMPLES)} sample privacy policies (English, Swedish, Chinese) "
                f"on http://127.0.0.1:{env.site.url('').rsplit(':', 1)[1]}"
            )
            say.step("First check: each policy gets its first version")
            say.outcomes(check_many(wl.policies, store=store, fetcher=fetcher, watchlist=wl))

            env.site.edit(SAMPLES[0][2], EDIT_OLD, EDIT_NEW)
            say.step(f'Brightleaf edits its retention clause: "{EDIT_OLD}" -> "{EDIT_NEW}"')

            say.step("Second check: unchanged pages answer 304, the edited one is compared clause by clause")
            second = check_many(wl.policies, store=store, fetcher=fetcher, watchlist=wl)
            say.outcomes(second)

            say.step("The alert, as the console route prints it (e-mail and webhook routes get the same)")
            printed = io.StringIO()
            delivered = Sender(store, wl, console_stream=printed).deliver_due().get("delivered", 0)
            say.indented(printed.getvalue())

            say.step(f"The clause diff (policy-monitor diff {EDITED_ID}@previous {EDITED_ID}@latest)")
            changes = _print_diff(store, out, color)
        finally:
            fetcher.close()
            store.close()
        edited = next(o for o in second if o.policy_id == EDITED_ID)
        if edited.outcome != "changed" or not changes or not delivered:
            print(
                f"\ndemo: expected a change alert for {EDITED_ID}, got {edited.outcome!r} "
                f"({delivered} alerts delivered)",
                file=sys.stderr,
            )
            return 1
        say.step(
            "Done. Your own list: edit watchlist.yaml, then `policy-monitor validate` and "
            "`policy-monitor check --all`, or `policy-monitor run`"
        )
    return 0


def _print_diff(store: Any, out: TextIO, color: bool) -> int:
    from monitor.app.terminal import render_diff
    from monitor.engine.pipeline import compare

    new = store.latest_version(EDITED_ID)
    old = store.version(EDITED_ID, new.seq - 1) if new is not None and new.seq > 1 else None
    if new is None or old is None:
        print("   (no second version was stored)", file=out)
        return 0
    result = compare(old.clauses, new.clauses, old_text=old.text, new_text=new.text)
    _Printer(out).indented(render_diff(result, color=color))
    return len(result.changes)


class _Printer:
    def __init__(self, out: TextIO) -> None:
        self.out, self.n = out, 0

    def step(self, text: str) -> None:
        self.n += 1
        print(f"\n{self.n}. {text}", file=self.out, flush=True)

    def indented(self, text: str) -> None:
        for line in text.rstrip("\n").splitlines():
            print(f"   {line}" if line else "", file=self.out)
        self.out.flush()

    def outcomes(self, outcomes: list[Any]) -> None:
        from monitor.watch.check import format_outcome

        for o in outcomes:
            print(f"   {format_outcome(o.policy_id, o)}", file=self.out, flush=True)
