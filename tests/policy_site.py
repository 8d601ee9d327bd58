"""A real HTTP server on 127.0.0.1 that serves policy pages and misbehaves on request.

Tests start it (port 0, daemon thread), put pages on it with `set_page`, change them between
checks, and read back what the server saw (`hits`, `requests_log`). Besides the pages it has
built-in fault routes (redirects, loops, error statuses, 429 with Retry-After, a flaky 500, a slow
answer, a truncated body, a 100 MB body, a wrong charset, challenge and login pages, an empty 200,
gzip), and `set_fault` puts any of those behaviours on any path.

Built-in routes (query parameters optional):
  /redirect/N              N hops (302) then a 200 page
  /redirect-loop           302 to itself, forever
  /status/CODE             that status with a short body
  /429?retry_after=1&times=K   429 + Retry-After the first K times (default 1), then 200
  /flaky/500?times=2       500 the first `times` times (default 2), then 200
  /slow?seconds=3          sleeps before answering
  /trickle?seconds=3&chunks=30   answers at once, then sends the body a little at a time
  /truncated               Content-Length larger than the body sent, then close
  /huge?mb=100&chunked=1   mb MiB streamed in 64 KiB chunks from a generator (chunked: no length)
  /wrong-charset?enc=cp1252|gbk  header says utf-8, body is in `enc`
  /challenge?status=200|403|503  a Cloudflare-like "Just a moment..." page
  /login                   a sign-in wall
  /empty                   200 with an empty body
  /gzip                    Content-Encoding: gzip page
  /gzip-bomb?mb=50         gzip body that decodes to mb MiB (compressed it is small)
  /deflate                 Content-Encoding: deflate page

Times in `requests_log` are time.monotonic() values, so gaps between requests can be measured.
"""

from __future__ import annotations

import gzip
import hashlib
import html
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

SEEDS_DIR = Path(__file__).resolve().parent / "fixtures" / "seeds"

CHUNK = 64 * 1024


def seed_files() -> list[Path]:
    """The seed policies, sorted by name."""
    return sorted(SEEDS_DIR.glob("*.txt"))


def seed_text(n: int) -> str:
    """The text of seed number n (sorted order)."""
    return seed_files()[n].read_text(encoding="utf-8")


def policy_html(text: str, title: str = "Privacy Policy") -> str:
    """Wrap plain policy text in a realistic page: nav, cookie banner and footer around <main>.

    Each non-empty line of `text` becomes a <p>, so tests can edit one clause by replacing a line.
    """
    paras = "\n".join(f"<p>{html.escape(line.strip())}</p>" for line in text.splitlines() if line.strip())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)}</title></head>
<body>
<nav class="site-nav"><a href="/">Home</a> <a href="/products">Products</a> <a href="/about">About</a></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<main>
<h1>{html.escape(title)}</h1>
{paras}
</main>
<footer>&copy; 2024 Example Ltd. <a href="/terms">Terms</a> <a href="/contact">Contact</a></footer>
</body></html>
"""


def seed_page(n: int, title: str = "Privacy Policy") -> str:
    """Seed number n (sorted list of tests/fixtures/seeds) as a small HTML page."""
    return policy_html(seed_text(n), title)


CHALLENGE_HTML = """<!DOCTYPE html>
<html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="refresh" content="390"></head>
<body><div class="main-wrapper" role="main"><div class="main-content">
<h1>Just a moment...</h1>
<h2 id="challenge-running">Checking your browser before accessing 127.0.0.1.</h2>
<noscript><div id="challenge-error-title">Please enable JavaScript and cookies to continue</div></noscript>
<p>This process is automatic. Your browser will redirect to your requested content shortly.</p>
<div class="footer">Performance &amp; security by Cloudflare. Ray ID: 7d1f2a3b4c5d6e7f</div>
</div></div></body></html>
"""

LOGIN_HTML = """<!DOCTYPE html>
<html><head><title>Sign in</title></head><body>
<main><h1>Sign in to continue</h1>
<p>You need to log in to view this page.</p>
<form method="post" action="/login"><label>Email <input name="email"></label>
<label>Password <input type="password" name="password"></label>
<button type="submit">Sign in</button></form>
<p><a href="/forgot">Forgot your password?</a></p></main>
</body></html>
"""

WRONG_CHARSET_TEXT = {
    "cp1252": (
        "Privacy Policy\n"
        "We – the café “Señor Crêpe” – keep your data for 30 days.\n"
        "Données personnelles: we never sell them; naïve résumé façade œuvre.\n"
    ),
    "gbk": (
        "隐私政策\n"
        "我们非常重视您的个人信息和隐私保护。我们会将您的个人信息保存三十天。\n"
        "未经您的同意,我们不会向任何第三方提供您的个人信息。\n"
    ),
}


@dataclass
class Page:
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None
    last_modified_ts: float | None


@dataclass
class Fault:
    kind: str
    opts: dict[str, Any] = field(default_factory=dict)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    site: PolicySite

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Clients that hang up mid-body (size caps, timeouts) are expected here; stay quiet.
        pass


class PolicySite:
    """A ThreadingHTTPServer on 127.0.0.1:0 with settable pages and fault routes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pages: dict[str, Page] = {}
        self._faults: dict[str, Fault] = {}
        self._hits: dict[str, int] = {}
        self._last_lm_ts = 0.0
        self.requests_log: list[tuple[str, dict[str, str], float]] = []
        self.default_429_times = 1
        self.connections = 0  # TCP connections accepted, to see keep-alive at work
        self._in_flight: dict[str, int] = {}
        self._most_in_flight: dict[str, int] = {}
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # --- lifecycle ----------------------------------------------------------------------------

    def start(self) -> PolicySite:
        server = _Server(("127.0.0.1", 0), _Handler)
        server.site = self
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> PolicySite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._server is not None, "PolicySite not started"
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        if not path.startswith("/"):
            path = "/" + path
        return self.base_url + path

    # --- content ------------------------------------------------------------------------------

    def set_page(
        self,
        path: str,
        body: bytes | str,
        content_type: str = "text/html; charset=utf-8",
        etag: bool | str = True,
        last_modified: bool | str = True,
    ) -> None:
        """Serve `body` at `path` (200), replacing what was there. ETag = quoted sha1 of body.

        Last-Modified strictly increases on every set_page, so a change within the same second
        still defeats If-Modified-Since.
        """
        data = body.encode("utf-8") if isinstance(body, str) else body
        tag = etag if isinstance(etag, str) else (f'"{hashlib.sha1(data).hexdigest()}"' if etag else None)
        lm_text: str | None = None
        lm_ts: float | None = None
        with self._lock:
            if isinstance(last_modified, str):
                lm_text = last_modified
                lm_ts = parsedate_to_datetime(last_modified).timestamp()
            elif last_modified:
                lm_ts = float(max(int(time.time()), int(self._last_lm_ts) + 1))
                self._last_lm_ts = lm_ts
                lm_text = formatdate(lm_ts, usegmt=True)
            self._pages[_plain(path)] = Page(data, content_type, tag, lm_text, lm_ts)

    def remove_page(self, path: str) -> None:
        """Stop serving `path` (it answers 404 from then on)."""
        with self._lock:
            self._pages.pop(_plain(path), None)

    def page(self, path: str) -> Page | None:
        with self._lock:
            return self._pages.get(_plain(path))

    def set_fault(self, path: str, kind: str, **opts: Any) -> None:
        """Make `path` misbehave. Kinds and their options:

        status (code=500, times=None: fail the first `times` hits then serve the page),
        retry_after (times=1, retry_after="1": 429 then the page), slow (seconds),
        trickle (seconds, chunks), truncated, huge (mb=100, chunked=False), redirect (to, code=302),
        challenge (status=200), login, empty, reset (close the connection without an answer),
        raw (body=bytes, headers={...}, status=200, content_type, declared_length=None: these
        exact bytes, e.g. a truncated gzip stream or invalid UTF-8).
        """
        with self._lock:
            self._faults[_plain(path)] = Fault(kind, dict(opts))

    def clear_fault(self, path: str) -> None:
        with self._lock:
            self._faults.pop(_plain(path), None)

    def hits(self, path: str) -> int:
        """How many requests reached `path` (query string ignored)."""
        with self._lock:
            return self._hits.get(_plain(path), 0)

    def request_times(self, path: str) -> list[float]:
        """monotonic() arrival times of the requests to `path`."""
        p = _plain(path)
        with self._lock:
            return [t for (rp, _h, t) in self.requests_log if rp == p]

    def most_in_flight(self, path: str) -> int:
        """The most requests to `path` the server was answering at one time: concurrency seen
        by the server itself, with no clock involved."""
        with self._lock:
            return self._most_in_flight.get(_plain(path), 0)

    def _enter(self, path: str) -> None:
        with self._lock:
            now = self._in_flight[path] = self._in_flight.get(path, 0) + 1
            self._most_in_flight[path] = max(self._most_in_flight.get(path, 0), now)

    def _leave(self, path: str) -> None:
        with self._lock:
            self._in_flight[path] -= 1

    def reset_log(self) -> None:
        with self._lock:
            self._hits.clear()
            self.requests_log.clear()

    def _record(self, path: str, headers: dict[str, str]) -> int:
        with self._lock:
            n = self._hits.get(path, 0) + 1
            self._hits[path] = n
            self.requests_log.append((path, headers, time.monotonic()))
            return n

    def _fault(self, path: str) -> Fault | None:
        with self._lock:
            return self._faults.get(path)


def _plain(path: str) -> str:
    """The path part of a path-with-query."""
    return urlsplit(path).path or "/"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server
    timeout = 15  # idle keep-alive connections are dropped after this
    disable_nagle_algorithm = True  # headers and body go in separate writes; no 40 ms stalls

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def setup(self) -> None:
        super().setup()
        site = self.server.site
        with site._lock:
            site.connections += 1

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        site = self.server.site
        parts = urlsplit(self.path)
        path = parts.path or "/"
        query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        n = site._record(path, {k: v for k, v in self.headers.items()})
        site._enter(path)
        try:
            fault = site._fault(path)
            if fault is not None:
                self._serve_fault(fault, path, n)
            elif site.page(path) is not None:
                self._serve_page(path)
            else:
                self._serve_builtin(path, query, n)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True
        finally:
            site._leave(path)

    # --- answers --------------------------------------------------------------------------------

    def _send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _serve_page(self, path: str) -> None:
        page = self.server.site.page(path)
        if page is None:
            self._send(404, b"<h1>Not found</h1>")
            return
        headers: dict[str, str] = {}
        if page.etag:
            headers["ETag"] = page.etag
        if page.last_modified:
            headers["Last-Modified"] = page.last_modified
        if self._not_modified(page):
            self.send_response(304)
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            return
        self._send(200, page.body, page.content_type, headers)

    def _not_modified(self, page: Page) -> bool:
        inm = self.headers.get("If-None-Match")
        if inm is not None and page.etag is not None:
            tags = {t.strip() for t in inm.split(",")}
            return page.etag in tags or "*" in tags
        ims = self.headers.get("If-Modified-Since")
        if ims and page.last_modified_ts is not None:
            try:
                return parsedate_to_datetime(ims).timestamp() >= page.last_modified_ts
            except (TypeError, ValueError):
                return False
        return False

    def _serve_page_or_default(self, path: str, note: str) -> None:
        if self.server.site.page(path) is not None:
            self._serve_page(path)
        else:
            self._send(200, policy_html(_filler_text(note), "Privacy Policy").encode())

    def _serve_fault(self, fault: Fault, path: str, n: int) -> None:
        o = fault.opts
        kind = fault.kind
        if kind == "status":
            times = o.get("times")
            if times is None or n <= int(times):
                self._send(int(o.get("code", 500)), f"<h1>Error {o.get('code', 500)}</h1>".encode())
            else:
                self._serve_page_or_default(path, "recovered")
        elif kind == "retry_after":
            if n <= int(o.get("times", 1)):
                retry_after = {"Retry-After": str(o.get("retry_after", 1))}
                self._send(429, b"<h1>Too many requests</h1>", headers=retry_after)
            else:
                self._serve_page_or_default(path, "after 429")
        elif kind == "slow":
            threading.Event().wait(float(o.get("seconds", 3)))  # time.sleep can fail under faketime
            self._serve_page_or_default(path, "slow")
        elif kind == "trickle":
            self._trickle(float(o.get("seconds", 3)), int(o.get("chunks", 30)))
        elif kind == "truncated":
            self._truncated()
        elif kind == "huge":
            self._huge(float(o.get("mb", 100)), bool(o.get("chunked", False)))
        elif kind == "redirect":
            self._send(int(o.get("code", 302)), b"", headers={"Location": str(o["to"])})
        elif kind == "challenge":
            self._send(int(o.get("status", 200)), CHALLENGE_HTML.encode())
        elif kind == "login":
            self._send(200, LOGIN_HTML.encode())
        elif kind == "empty":
            self._send(200, b"")
        elif kind == "reset":
            self.close_connection = True
            self.connection.shutdown(2)
        elif kind == "raw":
            self._raw(o)
        else:
            raise ValueError(f"unknown fault kind {kind!r}")

    def _serve_builtin(self, path: str, q: dict[str, str], n: int) -> None:
        segs = [s for s in path.split("/") if s]
        head = segs[0] if segs else ""
        if head == "redirect" and len(segs) == 2 and segs[1].isdigit():
            left = int(segs[1])
            if left > 0:
                self._send(302, b"", headers={"Location": f"/redirect/{left - 1}"})
            else:
                self._send(200, policy_html(_filler_text("redirected"), "Redirected policy").encode())
        elif head == "redirect-loop":
            self._send(302, b"", headers={"Location": "/redirect-loop"})
        elif head == "status" and len(segs) == 2 and segs[1].isdigit():
            code = int(segs[1])
            self._send(code, f"<h1>Status {code}</h1>".encode())
        elif head == "429":
            self._serve_fault(
                Fault(
                    "retry_after",
                    {
                        "times": int(q.get("times", self.server.site.default_429_times)),
                        "retry_after": q.get("retry_after", "1"),
                    },
                ),
                path,
                n,
            )
        elif head == "flaky" and len(segs) == 2 and segs[1].isdigit():
            flaky = Fault("status", {"code": int(segs[1]), "times": int(q.get("times", 2))})
            self._serve_fault(flaky, path, n)
        elif head == "slow":
            self._serve_fault(Fault("slow", {"seconds": float(q.get("seconds", 3))}), path, n)
        elif head == "trickle":
            self._trickle(float(q.get("seconds", 3)), int(q.get("chunks", 30)))
        elif head == "truncated":
            self._truncated()
        elif head == "huge":
            self._huge(float(q.get("mb", 100)), q.get("chunked", "0") not in ("0", ""))
        elif head == "wrong-charset":
            enc = q.get("enc", "cp1252")
            body = policy_html(WRONG_CHARSET_TEXT[enc]).replace('<meta charset="utf-8">', "").encode(enc)
            self._send(200, body, "text/html; charset=utf-8")
        elif head == "challenge":
            self._send(int(q.get("status", 200)), CHALLENGE_HTML.encode())
        elif head == "login":
            self._send(200, LOGIN_HTML.encode())
        elif head == "empty":
            self._send(200, b"")
        elif head == "gzip":
            body = policy_html(_filler_text("gzip"), "Compressed policy").encode()
            self._send(200, gzip.compress(body), headers={"Content-Encoding": "gzip"})
        elif head == "deflate":
            body = policy_html(_filler_text("deflate"), "Compressed policy").encode()
            self._send(200, zlib.compress(body), headers={"Content-Encoding": "deflate"})
        elif head == "gzip-bomb":
            self._send(200, _gzip_bomb(int(q.get("mb", 50))), headers={"Content-Encoding": "gzip"})
        else:
            self._send(404, b"<h1>Not found</h1>")

    def _raw(self, o: dict[str, Any]) -> None:
        """Exactly the bytes given (a truncated gzip stream, invalid UTF-8 ...), with the headers
        given; `declared_length` larger than the body announces more than is sent, then closes."""
        body = bytes(o.get("body", b""))
        declared = o.get("declared_length")
        self.send_response(int(o.get("status", 200)))
        self.send_header("Content-Type", str(o.get("content_type", "text/html; charset=utf-8")))
        self.send_header("Content-Length", str(len(body) if declared is None else int(declared)))
        for k, v in dict(o.get("headers") or {}).items():
            self.send_header(k, str(v))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
            self.wfile.flush()
        if declared is not None:
            self.close_connection = True

    def _truncated(self) -> None:
        body = policy_html(_filler_text("truncated")).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) + 5000))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        self.close_connection = True

    def _huge(self, mb: float, chunked: bool = False) -> None:
        """`mb` MiB from a generator; with `chunked`, no Content-Length (Transfer-Encoding: chunked),
        so a client cannot refuse it up front and must count what it reads."""
        size = int(mb * 2**20)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(size))
        self.end_headers()
        for chunk in _chunks(size):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk) if chunked else chunk)
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
        self.close_connection = True

    def _trickle(self, seconds: float, chunks: int) -> None:
        body = policy_html(_filler_text("trickle")).encode()
        step = max(1, len(body) // chunks + 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        for i in range(0, len(body), step):
            self.wfile.write(body[i : i + step])
            self.wfile.flush()
            threading.Event().wait(seconds / chunks)


def _chunks(size: int) -> Iterator[bytes]:
    """`size` bytes of HTML-ish filler, 64 KiB at a time; never the whole body in memory."""
    block = (b"<p>" + b"x" * (CHUNK - 8) + b"</p>\n")[:CHUNK]
    sent = 0
    while sent < size:
        n = min(CHUNK, size - sent)
        yield block[:n]
        sent += n


_BOMB_CACHE: dict[int, bytes] = {}


def _gzip_bomb(mb: int) -> bytes:
    if mb not in _BOMB_CACHE:
        comp = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31 = gzip container
        parts = [comp.compress(b" " * 2**20) for _ in range(mb)]
        parts.append(comp.flush())
        _BOMB_CACHE[mb] = b"".join(parts)
    return _BOMB_CACHE[mb]


def _filler_text(note: str) -> str:
    """A short but real-looking policy (well over the guards' minimum length)."""
    return (
        f"This privacy policy ({note}) explains how we collect, use and share your personal data.\n"
        "We collect your name, email address and device identifiers when you create an account.\n"
        "We keep your personal data for 30 days after you close your account, then delete it.\n"
        "We share data with service providers who process it on our behalf under contract.\n"
        "You may access, correct or delete your personal data by writing to privacy@example.org.\n"
    )
