"""Fetch: URL (+ validators) -> FetchResult, politely. Never raises for network or HTTP trouble.

In: a URL and the ETag / Last-Modified of the last stored version (if any).
Out: a FetchResult whose `outcome` is
  "ok"           200 and the (decoded) body, at most settings.max_bytes;
  "not_modified" the server answered 304 to the conditional GET (no body, nothing to parse);
  "error"        a short `error` ("HTTP 500", "timeout after 30 s", "too many redirects (11)",
                 "body larger than 10 MiB", "connection refused", "truncated body", ...).
                 For HTTP errors the (capped) body is kept, so guards can tell a challenge page.

How it behaves:
- urllib3 directly (one PoolManager, connection pools sized for settings.max_workers; requests'
  per-call session machinery cost more CPU than the rest of a fetch), a clear User-Agent; every
  request has (connect, read) timeouts and one overall deadline from connect to the last byte
  (connect + 2 x read timeout by default): a server trickling its headers or its body a byte at a
  time is cut off there;
- proxies come from the environment, read once; loopback hosts and NO_PROXY hosts go direct;
- cookies a server sets are kept (in memory) and sent back, as a browser would;
- the body is streamed and capped on the decoded bytes (gzip/deflate bombs included);
- redirects are followed by hand, at most settings.max_redirects, the final URL recorded;
- retries (settings.retries) with exponential backoff + jitter on connection errors, timeouts,
  truncated bodies, 429 and 5xx, honouring Retry-After (seconds or HTTP date, capped at
  backoff_max); other 4xx are not retried;
- per-host politeness: at most settings.per_host_concurrency requests in flight per host and at
  least settings.per_host_delay seconds between the starts of two requests to one host; a
  Retry-After also holds back the other requests to that host. Other hosts are not blocked.
HttpFetcher is thread-safe: the check stage calls fetch() from a pool of settings.max_workers threads.
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import math
import os
import random
import socket
import ssl
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import certifi
import urllib3
import urllib3.exceptions as u3e
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from monitor.clock import Clock, pause, system_clock
from monitor.fetch.base import register
from monitor.models import FetchResult, FetchSettings

log = logging.getLogger(__name__)

READ_CHUNK = 64 * 1024
ERROR_BODY_CAP = 256 * 1024  # enough of an error page to recognise a challenge
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.5"


LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
SCHEMES = frozenset({"http", "https"})
POOL_CLASSES: dict[str, type[HTTPConnectionPool]] = {}  # filled below the pool classes


class _Failure(Exception):
    """One attempt went wrong. `retry` says whether another attempt may help."""

    def __init__(self, message: str, *, retry: bool, status: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry = retry
        self.status = status


@dataclass
class _Attempt:
    """What one attempt produced, and whether / when to try again."""

    result: FetchResult
    retry: bool = False
    retry_after: float | None = None


# Seconds to wait before a request to `host` may start, from a slot shared with other processes
# (the workers' `hosts` table): (host, per_host_delay) -> seconds.
HostSlot = Callable[[str, float], float]


class _HostGate:
    """Politeness for one host: a semaphore for concurrency, and the earliest next start; with
    `shared`, also the host's next slot among every process that fetches from it, taken as late
    as possible (just before the request), so the pause between two requests holds across them."""

    def __init__(
        self, concurrency: int, delay: float, host: str = "", shared: HostSlot | None = None
    ) -> None:
        self._sem = threading.BoundedSemaphore(max(1, concurrency))
        self._lock = threading.Lock()
        self._delay = delay
        self._next_start = 0.0
        self._host, self._shared = host, shared

    def __enter__(self) -> _HostGate:
        self._sem.acquire()
        try:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next_start)
                self._next_start = start + self._delay
            if start > now:
                pause(start - now)
            if self._shared is not None and self._delay > 0:
                wait = self._shared(self._host, self._delay)
                if wait > 0:
                    pause(wait)
        except BaseException:
            self._sem.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._sem.release()

    def hold_off(self, seconds: float) -> None:
        """No request to this host starts in the next `seconds` (the server asked us to wait)."""
        with self._lock:
            self._next_start = max(self._next_start, time.monotonic() + seconds)


def _quickack(sock: socket.socket | None) -> None:
    """Ask Linux to acknowledge the next segments at once. On a reused connection the kernel
    delays ACKs by up to 40 ms, and a server that writes its headers and body separately with
    Nagle on (Python's http.server is one) waits for that ACK before sending the body."""
    if sock is not None and hasattr(socket, "TCP_QUICKACK"):
        try:
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
        except OSError:
            pass


# --- one deadline from connect to the last byte --------------------------------------------------
#
# A socket timeout bounds each read, not the answer: a server that sends its status line and
# headers a byte a second never trips it. _attempt sets, per hop, the moment the whole answer must
# be in (_hop_deadline, thread-local); while the headers are read the watchdog shuts the socket
# down at that moment, and _read_body checks it between chunks of the body.

_hop_deadline = threading.local()


class _Watchdog:
    """One thread that shuts down sockets whose deadline has passed (none runs until needed)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._watched: dict[int, tuple[float, socket.socket]] = {}
        self._next = 0
        self._thread: threading.Thread | None = None
        self._wakes_at = math.inf  # when the thread looks next (inf: it has not looked yet)

    def watch(self, sock: socket.socket, at: float) -> int:
        with self._cond:
            self._next += 1
            self._watched[self._next] = (at, sock)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="fetch-deadline", daemon=True)
                self._thread.start()
            # Deadlines mostly come in the order they pass: the thread, asleep until an earlier
            # one, is woken only for a deadline before it (a wake-up per request costs CPU).
            if at < self._wakes_at:
                self._cond.notify()
            return self._next

    def release(self, ticket: int) -> bool:
        """Stop watching; False if the deadline had passed and the socket was shut down."""
        with self._cond:
            return self._watched.pop(ticket, None) is not None

    def _run(self) -> None:
        while True:
            with self._cond:
                now = time.monotonic()
                late = [t for t, (at, _) in self._watched.items() if at <= now]
                for t in late:
                    _, sock = self._watched.pop(t)
                    with contextlib.suppress(OSError):
                        sock.shutdown(socket.SHUT_RDWR)  # the blocked read returns at once
                soonest = min((at for at, _ in self._watched.values()), default=now + 60.0)
                self._wakes_at = now + max(0.01, soonest - now)
                self._cond.wait(self._wakes_at - now)


_WATCHDOG = _Watchdog()


def _new_watchdog_after_fork() -> None:
    global _WATCHDOG
    _WATCHDOG = _Watchdog()  # a forked child has none of its parent's threads


os.register_at_fork(after_in_child=_new_watchdog_after_fork)


def _getresponse_by_deadline(conn: HTTPConnection, read: Any) -> Any:
    _quickack(conn.sock)
    at = getattr(_hop_deadline, "at", None)
    if at is None or conn.sock is None:
        return read()
    if time.monotonic() >= at:
        raise TimeoutError("deadline passed before the answer")
    ticket = _WATCHDOG.watch(conn.sock, at)
    try:
        resp = read()
    finally:
        in_time = _WATCHDOG.release(ticket)
    if not in_time:  # http.client takes a shut-down socket for the end of the headers
        resp.close()
        raise TimeoutError("deadline passed while reading the headers")
    return resp


MAX_INTERIM_ANSWERS = 20  # 1xx answers before the real one; a server sends one or two


class InterimFlood(http.client.HTTPException):
    """The server kept sending interim (1xx) answers instead of its answer."""


class _BoundedInterimResponse(http.client.HTTPResponse):
    """http.client skips "100 Continue" answers in a loop with no end: a server streaming them
    held a check thread and a whole CPU core until it stopped (the deadline's watchdog cannot
    help: each status line arrives at once). Past MAX_INTERIM_ANSWERS the answer is refused."""

    _status_lines = 0

    def _read_status(self) -> tuple[str, int, str]:
        self._status_lines += 1
        if self._status_lines > MAX_INTERIM_ANSWERS + 1:
            raise InterimFlood(f"more than {MAX_INTERIM_ANSWERS} interim (1xx) answers")
        return super()._read_status()  # type: ignore[misc]


class _QuickAckConnection(HTTPConnection):
    response_class = _BoundedInterimResponse

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        return _getresponse_by_deadline(
            self, lambda: super(_QuickAckConnection, self).getresponse(*args, **kwargs)
        )


class _QuickAckHTTPSConnection(HTTPSConnection):
    response_class = _BoundedInterimResponse

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        return _getresponse_by_deadline(
            self, lambda: super(_QuickAckHTTPSConnection, self).getresponse(*args, **kwargs)
        )


class _QuickAckPool(HTTPConnectionPool):
    ConnectionCls = _QuickAckConnection


class _QuickAckHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _QuickAckHTTPSConnection


POOL_CLASSES.update({"http": _QuickAckPool, "https": _QuickAckHTTPSPool})


class _Cookies:
    """Cookies the servers set, sent back on later requests (requests.Session did the same). Costs
    nothing until some server sets one: http.cookiejar (and urllib.request with it, ~15 ms of
    every start) is imported then."""

    def __init__(self) -> None:
        self._jar: Any = None  # an http.cookiejar.CookieJar (thread-safe) from the first cookie on
        self._jar_lock = threading.Lock()
        self._any = False

    def header(self, url: str) -> str | None:
        """The Cookie header to send to `url`, if any."""
        if not self._any:
            return None
        import urllib.request

        try:
            req = urllib.request.Request(url)
            self._jar.add_cookie_header(req)
            return req.get_header("Cookie")
        except Exception:  # noqa: BLE001 - a cookie we cannot send is simply not sent
            log.debug("no cookies for %s", url, exc_info=True)
            return None

    def remember(self, url: str, resp: urllib3.BaseHTTPResponse) -> None:
        """Keep the cookies `resp` sets; a malformed Set-Cookie is ignored."""
        if "set-cookie" not in resp.headers:
            return
        import http.cookiejar
        import urllib.request

        with self._jar_lock:
            if self._jar is None:
                self._jar = http.cookiejar.CookieJar()
        try:
            self._jar.extract_cookies(resp, urllib.request.Request(url))
            self._any = True
            with self._jar._cookies_lock:
                _trim(self._jar)
        except Exception:  # noqa: BLE001 - never fail a fetch over a cookie
            log.debug("ignored cookies from %s", url, exc_info=True)


# Browsers' limits. Session cookies never expire in a daemon: a site naming a new cookie on every
# visit grew the jar, and the Cookie header sent on every request, by each check (90 a visit:
# 300 KB after 30 checks), without end.
MAX_COOKIE_BYTES = 4096  # name and value
MAX_COOKIES_PER_DOMAIN = 180
MAX_COOKIES = 3000


def _trim(jar: Any) -> None:  # an http.cookiejar.CookieJar, its lock held
    """Drop cookies over MAX_COOKIE_BYTES, then the first stored past the per-domain and total caps."""
    kept: list[Any] = []
    per_domain: dict[str, int] = {}
    for c in list(jar):
        if len(c.name) + len(c.value or "") > MAX_COOKIE_BYTES:
            jar.clear(c.domain, c.path, c.name)
        else:
            kept.append(c)
            per_domain[c.domain] = per_domain.get(c.domain, 0) + 1
    over_total = len(kept) - MAX_COOKIES
    for c in kept:
        if per_domain[c.domain] > MAX_COOKIES_PER_DOMAIN or over_total > 0:
            jar.clear(c.domain, c.path, c.name)
            per_domain[c.domain] -= 1
            over_total -= 1


@register
class HttpFetcher:
    """urllib3 connection pools with timeouts, a body cap, retries and per-host politeness.

    `deadline` bounds one request (one redirect hop) from connecting to the last body byte,
    headers included (a watchdog shuts the socket down when it passes); by default
    connect_timeout + 2 x read_timeout. `host_slot` shares per-host politeness with other
    processes (monitor/watch/worker.py: the database's `hosts` table).
    """

    kind = "http"
    keys = (*(f.name for f in fields(FetchSettings)), "timeout")  # `timeout`: connect and read at once

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        deadline: float | None = None,
        clock: Clock = system_clock,
        host_slot: HostSlot | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.host_slot = host_slot  # per-host politeness shared with other processes (workers)
        self.clock = clock  # read only to turn a Retry-After date into a delay
        s = self.settings
        self.deadline = deadline if deadline is not None else s.connect_timeout + 2 * s.read_timeout
        self._timeout = urllib3.Timeout(connect=s.connect_timeout, read=s.read_timeout)
        self._headers = {"User-Agent": s.user_agent, "Accept": ACCEPT, "Accept-Encoding": "gzip, deflate"}
        ca_bundle = os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE")
        self._pool_kw: dict[str, Any] = {
            "num_pools": max(10, s.max_workers),
            "maxsize": max(1, s.max_workers),
            "retries": False,
            "cert_reqs": "CERT_REQUIRED",
            "ca_certs": ca_bundle or certifi.where(),
        }
        self._direct = urllib3.PoolManager(**self._pool_kw)
        self._direct.pool_classes_by_scheme = POOL_CLASSES
        # Proxy settings are read from the environment once, not on every request; loopback
        # addresses never go through a proxy.
        self._proxies = {k: v for k, v in _system_proxies().items() if k in SCHEMES}
        self._via_proxy: dict[str, urllib3.PoolManager] = {}
        self._via_lock = threading.Lock()
        self._cookies = _Cookies()
        self._gates: dict[str, _HostGate] = {}
        self._gates_lock = threading.Lock()

    # --- public -------------------------------------------------------------------------------

    def fetch(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> FetchResult:
        """Fetch `url` once (with retries). Conditional when a validator is given."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempts = self.settings.retries + 1
        total_ms = 0
        for n in range(1, attempts + 1):
            attempt = self._attempt(url, headers)
            total_ms += attempt.result.duration_ms
            if not attempt.retry or n == attempts:
                break
            delay = self._backoff(n, attempt.retry_after)
            log.debug("retrying %s in %.2f s after %s", url, delay, attempt.result.error)
            pause(delay)
            total_ms += int(delay * 1000)
        result = attempt.result
        # duration covers every attempt and the backoff between them, not the politeness queue
        result.duration_ms = total_ms
        if result.outcome == "not_modified":
            result.etag = result.etag or etag
            result.last_modified = result.last_modified or last_modified
        return result

    def close(self) -> None:
        self._direct.clear()
        with self._via_lock:
            for manager in self._via_proxy.values():
                manager.clear()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _proxies_for(self, url: str) -> dict[str, str]:
        host = urlsplit(url).hostname or ""
        if not self._proxies or host in LOOPBACK_HOSTS:
            return {}
        import urllib.request

        if urllib.request.proxy_bypass_environment(host):
            return {}
        return self._proxies

    def _manager_for(self, url: str, scheme: str) -> urllib3.PoolManager:
        """The direct pools, or the ProxyManager of the proxy this URL goes through."""
        if not self._proxies:
            return self._direct
        proxy = self._proxies_for(url).get(scheme)
        if not proxy:
            return self._direct
        with self._via_lock:
            manager = self._via_proxy.get(proxy)
            if manager is None:
                manager = self._via_proxy[proxy] = _proxy_manager(proxy, self._pool_kw)
            return manager

    # --- one attempt ----------------------------------------------------------------------------

    def _attempt(self, url: str, headers: dict[str, str]) -> _Attempt:
        """One attempt: follow redirects hop by hop, each hop through its host's gate."""
        current = url
        t0: float | None = None
        for _hop in range(self.settings.max_redirects + 1):
            gate = self._gate(current)
            with gate:
                hop_start = time.monotonic()
                if t0 is None:
                    t0 = hop_start  # duration excludes the politeness wait before the first hop
                _hop_deadline.at = hop_start + self.deadline
                try:
                    resp = self._send(current, headers)
                except Exception as e:  # noqa: BLE001 - every failure becomes an outcome
                    if time.monotonic() >= _hop_deadline.at:
                        message = f"timeout after {self.deadline:g} s (whole answer)"
                        return _Attempt(self._error(url, current, message, t0), retry=False)
                    fail = self._describe(e)
                    return _Attempt(self._error(url, current, fail.message, t0), retry=fail.retry)
                finally:
                    _hop_deadline.at = None
                try:
                    self._cookies.remember(current, resp)
                    location = resp.headers.get("Location")
                    if resp.status in REDIRECT_STATUSES and location:
                        current = urljoin(current, location)
                        _recycle(resp)
                        continue
                    return self._answer(url, current, resp, t0, hop_start, gate)
                finally:
                    _close(resp)
        return _Attempt(
            self._error(url, current, f"too many redirects ({self.settings.max_redirects + 1})", t0)
        )

    def _send(self, url: str, headers: dict[str, str]) -> urllib3.BaseHTTPResponse:
        """Send one GET (no redirects followed, body not read yet)."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if not scheme:
            raise _Failure("invalid URL (MissingSchema)", retry=False)
        if scheme not in SCHEMES:
            raise _Failure("invalid URL (InvalidSchema)", retry=False)
        if not parts.hostname:
            raise _Failure("invalid URL (InvalidURL)", retry=False)
        sent = {**self._headers, **headers}
        cookie = self._cookies.header(url)
        if cookie:
            sent["Cookie"] = cookie
        return self._manager_for(url, scheme).urlopen(
            "GET",
            url,
            headers=sent,
            redirect=False,
            retries=False,
            preload_content=False,
            decode_content=True,
            timeout=self._timeout,
        )

    def _answer(
        self,
        url: str,
        final_url: str,
        resp: urllib3.BaseHTTPResponse,
        t0: float,
        hop_start: float,
        gate: _HostGate,
    ) -> _Attempt:
        """Turn a non-redirect response into an outcome, reading the body if there is one."""
        status = resp.status
        hdrs = {k.lower(): v for k, v in resp.headers.itermerged()}
        media, charset = parse_content_type(hdrs.get("content-type"))
        base = FetchResult(
            url=url,
            outcome="ok",
            status=status,
            content_type=media,
            charset=charset,
            headers=hdrs,
            final_url=final_url,
            etag=hdrs.get("etag"),
            last_modified=hdrs.get("last-modified"),
        )
        if status == 304:
            _recycle(resp)
            base.outcome = "not_modified"
            base.duration_ms = _ms_since(t0)
            return _Attempt(base)
        if status >= 400 or status < 200:
            retry_after = parse_retry_after(hdrs.get("retry-after"), self.settings.backoff_max, self.clock())
            if retry_after is not None and status in (429, 503):
                gate.hold_off(retry_after)
            try:
                cap = min(ERROR_BODY_CAP, self.settings.max_bytes)
                base.body = self._read_body(resp, hop_start, cap, cut=True)
            except _Failure:
                base.body = b""
            base.outcome = "error"
            base.error = f"HTTP {status}"
            base.duration_ms = _ms_since(t0)
            return _Attempt(base, retry=status == 429 or status >= 500, retry_after=retry_after)
        try:
            base.body = self._read_body(resp, hop_start, self.settings.max_bytes)
        except _Failure as fail:
            base.outcome = "error"
            base.error = fail.message
            base.duration_ms = _ms_since(t0)
            return _Attempt(base, retry=fail.retry)
        base.duration_ms = _ms_since(t0)
        return _Attempt(base)

    def _read_body(
        self, resp: urllib3.BaseHTTPResponse, since: float, cap: int, *, cut: bool = False
    ) -> bytes:
        """Read the decoded body, chunk by chunk, stopping at `cap` bytes and at the deadline.

        read1() returns after at most one socket read, so a trickling server is noticed within one
        read timeout of the deadline. With `cut`, a body over the cap is cut rather than refused.
        """
        declared = resp.headers.get("Content-Length", "")
        if not cut and declared.isdigit() and int(declared) > cap and "content-encoding" not in resp.headers:
            raise _Failure(f"body larger than {format_size(cap)}", retry=False)
        buf = bytearray()
        try:
            while True:
                chunk = resp.read1(READ_CHUNK, decode_content=True)
                if not chunk:
                    break
                buf += chunk
                if len(buf) > cap:
                    if cut:
                        return bytes(buf[:cap])
                    raise _Failure(f"body larger than {format_size(cap)}", retry=False)
                if time.monotonic() - since > self.deadline:
                    raise _Failure(f"timeout after {self.deadline:g} s (whole answer)", retry=False)
        except _Failure:
            raise
        except Exception as e:  # noqa: BLE001 - every failure becomes an outcome
            raise self._describe(e) from e
        if buf and not cut and not _compressed_stream_complete(resp):
            # urllib3 hands out what it could decompress of a gzip/deflate stream that stops
            # short (a proxy or server cut it, with a Content-Length that matches what was
            # sent) and says nothing: half a page must never pass for the page
            raise _Failure("truncated body (the compressed stream ends early)", retry=True)
        return bytes(buf)

    # --- helpers --------------------------------------------------------------------------------

    def _gate(self, url: str) -> _HostGate:
        host = (urlsplit(url).hostname or "").lower()
        with self._gates_lock:
            gate = self._gates.get(host)
            if gate is None:
                gate = _HostGate(
                    self.settings.per_host_concurrency, self.settings.per_host_delay, host, self.host_slot
                )
                self._gates[host] = gate
            return gate

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before attempt `attempt + 1`: Retry-After if given, else exponential
        backoff with jitter (half fixed, half random), capped at backoff_max."""
        s = self.settings
        if retry_after is not None:
            return min(s.backoff_max, retry_after)
        base = min(s.backoff_max, s.backoff_base * 2 ** (attempt - 1))
        return base / 2 + random.uniform(0, base / 2)

    def _error(self, url: str, final_url: str, message: str, t0: float | None) -> FetchResult:
        return FetchResult(
            url=url,
            outcome="error",
            final_url=final_url,
            error=message,
            duration_ms=_ms_since(t0) if t0 is not None else 0,
        )

    def _describe(self, e: BaseException) -> _Failure:
        """A short, human message for an exception raised while talking to a server."""
        if isinstance(e, _Failure):
            return e
        s = self.settings
        text = _chain_text(e)
        low = text.lower()
        if isinstance(e, u3e.ConnectTimeoutError) and not isinstance(e, u3e.NewConnectionError):
            return _Failure(f"connect timeout after {s.connect_timeout:g} s", retry=True)
        if "connecttimeout" in low:
            return _Failure(f"connect timeout after {s.connect_timeout:g} s", retry=True)
        if isinstance(e, u3e.SSLError | ssl.SSLError | ssl.CertificateError):
            return _Failure("TLS error", retry=False)
        if isinstance(e, u3e.URLSchemeUnknown):
            return _Failure("invalid URL (InvalidSchema)", retry=False)
        if isinstance(e, u3e.LocationValueError):
            return _Failure("invalid URL (InvalidURL)", retry=False)
        if "interim (1xx) answers" in low:
            return _Failure(f"more than {MAX_INTERIM_ANSWERS} interim (1xx) answers", retry=False)
        if "got more than" in low:  # http.client: over 100 header lines, or one over 64 KiB
            return _Failure("answer headers too large", retry=False)
        if isinstance(e, u3e.ReadTimeoutError | TimeoutError) or "timed out" in low:
            return _Failure(f"timeout after {s.read_timeout:g} s", retry=True)
        if isinstance(e, u3e.DecodeError):
            return _Failure("bad content encoding", retry=False)
        if "incompleteread" in low or "incomplete read" in low or "connection broken" in low:
            return _Failure("truncated body", retry=True)
        if "refused" in low:
            return _Failure("connection refused", retry=True)
        if "name or service not known" in low or "nameresolution" in low or "getaddrinfo" in low:
            return _Failure("DNS lookup failed", retry=True)
        if "reset" in low:
            return _Failure("connection reset", retry=True)
        if isinstance(e, u3e.HTTPError | OSError):
            return _Failure("connection error", retry=True)
        log.exception("unexpected error while fetching")
        return _Failure(f"fetch failed ({type(e).__name__})", retry=False)


def _compressed_stream_complete(resp: urllib3.BaseHTTPResponse) -> bool:
    """False when the body came gzip- or deflate-encoded and its compressed stream ended before
    its end marker (and, for gzip, its CRC and length): the decoded bytes are then only a
    prefix of the page. True when complete, not compressed, or not something this can tell."""
    decoder = getattr(resp, "_decoder", None)
    if decoder is None:
        return True
    parts = getattr(decoder, "_decoders", None) or [decoder]  # MultiDecoder: "gzip, gzip"
    swallow = getattr(getattr(urllib3.response, "GzipDecoderState", None), "SWALLOW_DATA", object())
    for part in parts:
        if type(part).__name__ not in ("GzipDecoder", "DeflateDecoder"):
            continue
        if getattr(part, "_state", None) == swallow:  # junk after a complete gzip member
            continue
        obj = getattr(part, "_obj", None)
        if obj is not None and getattr(obj, "eof", True) is False:
            return False
    return True


def _recycle(resp: urllib3.BaseHTTPResponse) -> None:
    """Give the connection of a bodiless or small answer back to the pool (keep-alive) instead of
    closing it; unchanged checks are mostly 304s, and a new connection each time is slow."""
    declared = resp.headers.get("Content-Length", "")
    small = resp.status in (204, 304) or (declared.isdigit() and int(declared) <= READ_CHUNK)
    if not small:
        return
    try:
        resp.drain_conn()
        resp.release_conn()
    except Exception:  # noqa: BLE001 - the connection is simply closed instead
        pass


def _close(resp: urllib3.BaseHTTPResponse) -> None:
    """Done with an answer: a connection still holding unread bytes is closed; either way its
    pool slot is given back (a fully read or recycled connection is already back, kept alive)."""
    try:
        resp.close()
        resp.release_conn()
    except Exception:  # noqa: BLE001 - nothing more to give back
        pass


def _system_proxies() -> dict[str, str]:
    """urllib.request.getproxies(). On Linux it reads only the *_proxy environment variables, so
    without one urllib.request (~15 ms to import) is not loaded to find there are none."""
    if sys.platform == "linux" and not any(name.lower().endswith("_proxy") for name in os.environ):
        return {}
    import urllib.request

    return urllib.request.getproxies()


def _proxy_manager(proxy: str, pool_kw: dict[str, Any]) -> urllib3.PoolManager:
    """A ProxyManager for `proxy` (scheme-less means http://; user:password@ becomes
    Proxy-Authorization), keeping the quick-ACK connections for plain-HTTP targets."""
    if "://" not in proxy:
        proxy = "http://" + proxy
    parts = urlsplit(proxy)
    proxy_headers: dict[str, str] = {}
    if parts.username:
        auth = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
        proxy_headers = urllib3.make_headers(proxy_basic_auth=auth)
    if parts.scheme.lower().startswith("socks"):
        try:
            from urllib3.contrib.socks import SOCKSProxyManager
        except ImportError as e:  # PySocks missing: the URL cannot be used, like requests says
            raise u3e.URLSchemeUnknown(parts.scheme) from e
        return SOCKSProxyManager(proxy, **pool_kw)
    manager = urllib3.ProxyManager(proxy, proxy_headers=proxy_headers, **pool_kw)
    manager.pool_classes_by_scheme = POOL_CLASSES
    return manager


def _chain_text(e: BaseException) -> str:
    """The names and messages of an exception and the exceptions it wraps."""
    parts: list[str] = []
    seen: set[int] = set()
    stack: list[Any] = [e]
    while stack:
        x = stack.pop()
        if not isinstance(x, BaseException) or id(x) in seen:
            continue
        seen.add(id(x))
        parts.append(f"{type(x).__name__}: {x}")
        stack.extend([x.__cause__, x.__context__, getattr(x, "reason", None), *x.args])
    return " | ".join(parts)


def _ms_since(t0: float) -> int:
    return int((time.monotonic() - t0) * 1000)


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """("text/html", "utf-8") from 'text/html; charset="UTF-8"'; (None, None) when absent."""
    if not value:
        return None, None
    media, *params = value.split(";")
    charset = None
    for p in params:
        key, _, val = p.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("'\"").lower() or None
    return media.strip().lower() or None, charset


def parse_retry_after(value: str | None, cap: float, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), within [0, cap]."""
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - (now or system_clock()).timestamp()
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    return max(0.0, min(cap, seconds))


def format_size(n: int) -> str:
    """10485760 -> "10 MiB", 262144 -> "256 KiB", 1000 -> "1000 bytes"."""
    for unit, size in (("GiB", 2**30), ("MiB", 2**20), ("KiB", 2**10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    if n >= 2**20:
        return f"{n / 2**20:.1f} MiB"
    return f"{n} bytes"
