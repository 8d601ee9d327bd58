"""The browser fetcher: pages that build their text in script, rendered in headless Chromium.

In: a URL (and the policy's `render:` choice, through `fetch_for_policy`). Out: a FetchResult
whose body is the page's DOM after its scripts ran (text/html, UTF-8), marked `rendered`, or a
failure in words; it never raises for what a site does.

It keeps the HTTP fetcher's promises by using it for the document itself: the page's HTML is
fetched by `HttpFetcher` (timeouts and one deadline, size cap, redirects, retries, per-host
politeness, cookies), so an HTTP error, a timeout or an oversized page is a failed fetch exactly
as without a browser, and no error page is ever rendered into a version. Chromium then gets that
HTML through request interception (no second request for the document) and runs its scripts;
the page's own script and data requests go to the network, images, media and fonts are never
loaded, and non-HTTP(S) requests are refused. A rendered DOM over `max_bytes` is a failed fetch
(as a larger body is for the HTTP fetcher, never a version of half the page), and the whole
render is capped at the fetch deadline. The guards (error pages, challenges, login walls, shrinkage)
run on the rendered text in the check stage as on any page.

Chromium is Debian's (`apt-get install chromium`), driven by Playwright for Python (`pip install
policy-monitor[browser]`); nothing is downloaded at install time. The executable is
$POLICY_MONITOR_CHROMIUM when set, else the first of chromium, chromium-browser, google-chrome
on PATH. Playwright's sync API is bound to one thread, so one worker thread per process owns
the browser and renders one page at a time, each in a fresh context (no cookies or storage
shared between policies).

`render:` per policy: `browser` always renders; `http` never does; `auto` (the default) renders
only when the plain fetch finds a page that builds itself in script (`builds_in_script`: almost
no text outside <script>, and scripts present), and says so in the fetch's `rendered` note,
which `status` shows.
"""

from __future__ import annotations

import atexit
import logging
import os
import queue
import re
import shutil
import threading
import time
from concurrent.futures import Future
from dataclasses import replace
from typing import Any
from urllib.parse import urlsplit

from monitor.fetch.base import register
from monitor.fetch.http import HttpFetcher, format_size
from monitor.models import FetchResult, FetchSettings, PolicyConfig

log = logging.getLogger(__name__)

CHROMIUM_ENV = "POLICY_MONITOR_CHROMIUM"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-dev-shm-usage",
)
RENDER_MODES = ("auto", "http", "browser")
AUTO_NOTE = "browser (auto: the page builds its text in script)"
BROWSER_NOTE = "browser"
SCRIPT_TEXT_LIMIT = 200  # characters of text outside scripts below which a scripted page "needs" one
SETTLE_SECONDS = 5.0  # at most this long for the page's requests to go quiet after load
_BLOCKED_TYPES = frozenset({"image", "media", "font"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


class BrowserUnavailable(RuntimeError):
    """No Chromium or no Playwright: what to install, in one line."""


def chromium_path() -> str | None:
    """$POLICY_MONITOR_CHROMIUM, else the first Chromium or Chrome on PATH; None if there is none."""
    override = os.environ.get(CHROMIUM_ENV)
    if override:
        return override if os.path.exists(override) else None
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def browser_problem() -> str | None:
    """Why pages cannot be rendered here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install 'policy-monitor[browser]')"
    if chromium_path() is None:
        where = os.environ.get(CHROMIUM_ENV)
        if where:
            return f"{CHROMIUM_ENV}={where} does not exist"
        return f"no Chromium found (apt-get install chromium, or set {CHROMIUM_ENV})"
    return None


def builds_in_script(body: bytes, content_type: str | None) -> bool:
    """An HTML page with scripts and almost no text outside them: its text is built in script."""
    if (content_type or "text/html").split(";")[0].strip().lower() not in _HTML_TYPES:
        return False
    head = body[:5_000_000]
    low = head.lower()  # once: the script test and the hidden blocks' tags are ASCII, case-blind
    if low.find(b"<script", 0, 2_000_000) < 0:
        return False
    if _plainly_has_text(head, low):
        return False  # most pages: their text is in the HTML, no need to parse it a second time
    import lxml.html

    try:
        root = lxml.html.document_fromstring(body[:5_000_000])
    except (ValueError, TypeError, lxml.etree.ParserError):
        return False
    for el in root.xpath("//script|//style|//noscript|//template|//head"):
        el.drop_tree()
    text = " ".join(root.text_content().split())
    return len(text) < SCRIPT_TEXT_LIMIT


# The blocks whose text a reader never sees are cut by _without_hidden exactly as the regex
# rb"<(script|style|template|noscript|head)\b.*?</\1\s*>" (re.S | re.I) would cut them, which
# tests/test_browser.py holds as its reference (the regex's lazy scan tests every byte of a block
# for its closing tag; bytes.find does not).
_HIDDEN_OPEN = re.compile(rb"<(script|style|template|noscript|head)\b")  # on the lower-cased body
_TEXT_RUN = re.compile(rb">([^<]+)<")
_BYTES_SPACE = frozenset(b" \t\n\r\f\v")  # \s of a bytes pattern


def _plainly_has_text(body: bytes, low: bytes | None = None) -> bool:
    """A quick look without parsing: runs of text between tags, outside scripts, styles and the
    head, well over the limit. (A page that fails it is parsed properly by builds_in_script.)
    `low`: body.lower(), when the caller has it."""
    shown = 0
    for run in _TEXT_RUN.finditer(_without_hidden(body, body.lower() if low is None else low)):
        shown += len(run.group(1).strip())
        if shown >= 2 * SCRIPT_TEXT_LIMIT:
            return True
    return False


def _without_hidden(body: bytes, low: bytes) -> bytes:
    """The body without its hidden blocks, byte for byte as the regex above cuts them: left to
    right, a block opens at the first <script, <style, <template, <noscript or <head (any case,
    a whole tag name) that has a closing tag of its name after it (</name, spaces, >), and ends
    at the first such closing tag; an opening without one is left as it is and the search goes
    on from the byte after its "<". `low` is body.lower() (bytes lower ASCII letters only, as
    re.I does for bytes)."""
    pieces: list[bytes] = []
    kept = pos = 0
    while (m := _HIDDEN_OPEN.search(low, pos)) is not None:
        end = _closing_end(low, b"</" + m.group(1), m.end())
        if end < 0:
            pos = m.start() + 1
            continue
        pieces.append(body[kept : m.start()])
        kept = pos = end
    if not pieces:
        return body
    pieces.append(body[kept:])
    return b"".join(pieces)


def _closing_end(low: bytes, closing: bytes, start: int) -> int:
    """Where the first `closing` tag (b"</name", then \\s*, then ">") at or after `start` ends; -1
    when there is none."""
    size = len(low)
    while (at := low.find(closing, start)) >= 0:
        end = at + len(closing)
        while end < size and low[end] in _BYTES_SPACE:
            end += 1
        if end < size and low[end] == 0x3E:  # ">"
            return end + 1
        start = at + 1
    return -1


@register
class BrowserFetcher:
    """Fetches the document with the HTTP fetcher, then renders it in headless Chromium."""

    kind = "browser"
    keys: tuple[str, ...] = ()  # the HTTP fetcher's `fetch:` keys apply

    def __init__(self, settings: FetchSettings | None = None, *, http: HttpFetcher | None = None) -> None:
        self.settings = settings or FetchSettings()
        self.http = http or HttpFetcher(self.settings)
        self._own_http = http is None
        self._worker: _RenderThread | None = None
        self._lock = threading.Lock()

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """Render `url`. Validators are not sent: a page whose shell never changes can still
        load new text in script, so only the rendered text tells."""
        problem = browser_problem()
        if problem:
            return FetchResult(url=url, outcome="error", error=f"cannot render in a browser: {problem}")
        res = self.http.fetch(url)
        if res.outcome != "ok":
            return res  # an error page is never rendered into a version
        if (res.content_type or "text/html").lower() not in _HTML_TYPES:
            return res  # a PDF or a text file has no scripts to run
        return self.render(res)

    def render(self, res: FetchResult, note: str = BROWSER_NOTE) -> FetchResult:
        """The DOM of the fetched page `res` after its scripts ran, as a new FetchResult."""
        t0 = time.perf_counter()
        deadline = self.settings.connect_timeout + 2 * self.settings.read_timeout
        try:
            html = self._thread().render(res, deadline, self.settings.user_agent)
        except BrowserUnavailable as e:
            return replace(res, outcome="error", body=b"", error=f"cannot render in a browser: {e}")
        except Exception as e:  # noqa: BLE001 - a crash or timeout in the browser is a failed fetch
            text = " ".join(str(e).split())[:200]
            return replace(res, outcome="error", body=b"", error=f"browser: {type(e).__name__}: {text}")
        data = html.encode("utf-8")
        if len(data) > self.settings.max_bytes:  # as the HTTP fetcher refuses a larger body: no half page
            error = f"rendered page larger than {format_size(self.settings.max_bytes)}"
            return replace(res, outcome="error", body=b"", error=error, rendered=note)
        return replace(
            res,
            body=data,
            content_type="text/html",
            charset="utf-8",
            duration_ms=res.duration_ms + int((time.perf_counter() - t0) * 1000),
            etag=None,  # the shell's validators say nothing of the text its scripts load:
            last_modified=None,  # the next check is a full GET
            rendered=note,
        )

    def close(self) -> None:
        with self._lock:
            worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()
        if self._own_http:
            self.http.close()

    def _thread(self) -> _RenderThread:
        with self._lock:
            if self._worker is None or not self._worker.is_alive():
                self._worker = _RenderThread()
                self._worker.start()
            return self._worker


class _RenderThread(threading.Thread):
    """Owns Playwright and one Chromium; renders the pages put in its queue, one at a time."""

    def __init__(self) -> None:
        super().__init__(name="policy-monitor-browser", daemon=True)
        self._jobs: queue.Queue[tuple[FetchResult, float, str, Future[str]] | None] = queue.Queue()

    def render(self, res: FetchResult, deadline: float, user_agent: str) -> str:
        done: Future[str] = Future()
        self._jobs.put((res, deadline, user_agent, done))
        # the render has its own deadline inside; this one only guards against a wedged browser
        return done.result(timeout=deadline * 2 + 60)

    def stop(self) -> None:
        self._jobs.put(None)
        self.join(timeout=30)

    def run(self) -> None:
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            self._fail_all(BrowserUnavailable("Playwright is not installed"))
            return
        path = chromium_path()
        if path is None:
            self._fail_all(BrowserUnavailable("no Chromium found"))
            return
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS), headless=True)
                try:
                    self._serve(browser)
                finally:
                    browser.close()
        except Exception as e:  # noqa: BLE001 - Chromium failed to start: every waiting job learns why
            self._fail_all(BrowserUnavailable(f"Chromium did not start: {type(e).__name__}: {e}"[:300]))

    def _serve(self, browser: Any) -> None:
        while True:
            job = self._jobs.get()
            if job is None:
                return
            res, deadline, user_agent, done = job
            if not done.set_running_or_notify_cancel():
                continue
            try:
                done.set_result(_render_page(browser, res, deadline, user_agent))
            except Exception as e:  # noqa: BLE001 - reported to the caller
                done.set_exception(e)
            if not browser.is_connected():
                return  # a new thread (and browser) is started for the next page

    def _fail_all(self, error: Exception) -> None:
        """Chromium cannot run: answer every page with why, until stopped (no caller is left
        waiting on a thread that has gone)."""
        while True:
            job = self._jobs.get()
            if job is None:
                return
            job[3].set_exception(error)


def _render_page(browser: Any, res: FetchResult, deadline: float, user_agent: str) -> str:
    """Load `res` (its body served for its own URL) in a fresh context and return the DOM."""
    url = res.final_url or res.url
    start = time.monotonic()
    context = browser.new_context(user_agent=user_agent, java_script_enabled=True, accept_downloads=False)
    try:
        page = context.new_page()
        document = {"served": False}

        def route(r: Any) -> None:
            request = r.request
            main = request.is_navigation_request() and request.frame == page.main_frame
            if main and not document["served"]:
                document["served"] = True
                ctype = f"{res.content_type or 'text/html'}; charset={res.charset or 'utf-8'}"
                r.fulfill(status=200, headers={"content-type": ctype}, body=res.body)
                return
            scheme = urlsplit(request.url).scheme
            if request.resource_type in _BLOCKED_TYPES or scheme not in ("http", "https", "data", "blob"):
                r.abort()
                return
            if main:
                r.abort()  # a script sending the page elsewhere: keep what was fetched
                return
            r.continue_()

        page.route("**/*", route)
        page.goto(url, wait_until="load", timeout=deadline * 1000)
        left = deadline - (time.monotonic() - start)
        if left > 0:
            try:
                page.wait_for_load_state("networkidle", timeout=min(SETTLE_SECONDS, left) * 1000)
            except Exception:  # noqa: BLE001 - still busy (polling, analytics): take the DOM as it is
                pass
        return str(page.content())
    finally:
        context.close()


# --- the check stage's entry ---------------------------------------------------------------------

_SHARED: dict[int, BrowserFetcher] = {}
_SHARED_LOCK = threading.Lock()


def _browser_for(fetcher: Any) -> BrowserFetcher:
    """The caller's own fetcher if it is a browser, else one browser per process, per settings,
    sharing the caller's HTTP fetcher (and so its politeness gates)."""
    if isinstance(fetcher, BrowserFetcher):
        return fetcher
    with _SHARED_LOCK:
        browser = _SHARED.get(id(fetcher))
        if browser is None:
            http = fetcher if isinstance(fetcher, HttpFetcher) else None
            browser = BrowserFetcher(getattr(fetcher, "settings", None), http=http)
            _SHARED[id(fetcher)] = browser
        return browser


@atexit.register
def _close_shared() -> None:
    with _SHARED_LOCK:
        browsers = list(_SHARED.values())
        _SHARED.clear()
    for browser in browsers:
        browser.close()


def fetch_for_policy(
    fetcher: Any, policy: PolicyConfig, *, etag: str | None = None, last_modified: str | None = None
) -> FetchResult:
    """Fetch a policy as its `render:` says: `browser` renders always; `http` never; `auto` renders
    when the plain fetch finds a page that builds its text in script (and says so), or explains
    why it could not."""
    mode = getattr(policy, "render", "auto") or "auto"
    if mode == "browser":
        return _browser_for(fetcher).fetch(policy.url)
    res: FetchResult = fetcher.fetch(policy.url, etag=etag, last_modified=last_modified)
    if mode == "http" or isinstance(fetcher, BrowserFetcher) or res.outcome != "ok":
        return res
    if not builds_in_script(res.body, res.content_type):
        return res
    problem = browser_problem()
    if problem:
        return replace(
            res,
            outcome="error",
            body=b"",
            error=f"the page builds its text in script and cannot be rendered here: {problem}",
        )
    log.info("%s: the page builds its text in script; rendering it in a browser", policy.id)
    return _browser_for(fetcher).render(res, AUTO_NOTE)
