"""The Fetcher against a real HTTP server on 127.0.0.1 (tests/policy_site.py)."""

from __future__ import annotations

import base64
import os
import resource
import shutil
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime, formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from policy_site import WRONG_CHARSET_TEXT, PolicySite, seed_page

from monitor.fetch import http as fetch_mod
from monitor.fetch.http import HttpFetcher, format_size, parse_content_type, parse_retry_after
from monitor.models import FetchSettings

FAST = FetchSettings(
    user_agent="policy-monitor-test/1.0 (+https://example.org/bot)",
    connect_timeout=0.5,
    read_timeout=0.5,
    retries=2,
    backoff_base=0.05,
    backoff_max=2.0,
    per_host_delay=0.0,
    max_workers=4,
)


def settings(**changes: object) -> FetchSettings:
    return FetchSettings(**{**FAST.__dict__, **changes})  # type: ignore[arg-type]


@pytest.fixture
def fetcher() -> Iterator[HttpFetcher]:
    with HttpFetcher(FAST) as f:
        yield f


def headers_seen(site: PolicySite, path: str) -> list[dict[str, str]]:
    return [{k.lower(): v for k, v in h.items()} for (p, h, _t) in site.requests_log if p == path]


# --- the ordinary path and conditional GET -----------------------------------------------------


def test_ok_records_body_type_charset_validators_and_user_agent(
    policy_site: PolicySite, fetcher: HttpFetcher
) -> None:
    page = seed_page(4)
    policy_site.set_page("/privacy", page)
    r = fetcher.fetch(policy_site.url("/privacy"))
    assert r.outcome == "ok" and r.status == 200 and r.error is None
    assert r.body == page.encode()
    assert (r.content_type, r.charset) == ("text/html", "utf-8")
    assert r.etag == policy_site.page("/privacy").etag
    assert r.last_modified == policy_site.page("/privacy").last_modified
    assert r.final_url == r.url == policy_site.url("/privacy")
    assert headers_seen(policy_site, "/privacy")[0]["user-agent"] == FAST.user_agent


def test_etag_304_means_not_modified_without_body(policy_site: PolicySite, fetcher: HttpFetcher):
    policy_site.set_page("/p", seed_page(0))
    first = fetcher.fetch(policy_site.url("/p"))
    again = fetcher.fetch(policy_site.url("/p"), etag=first.etag)
    assert headers_seen(policy_site, "/p")[1]["if-none-match"] == first.etag
    assert again.outcome == "not_modified" and again.status == 304
    assert again.body == b"" and again.etag == first.etag

    policy_site.set_page("/p", seed_page(0).replace("</main>", "<p>We now keep data for 5 years.</p></main>"))
    changed = fetcher.fetch(policy_site.url("/p"), etag=first.etag)
    assert changed.outcome == "ok" and b"5 years" in changed.body and changed.etag != first.etag


def test_last_modified_304_and_change(policy_site: PolicySite, fetcher: HttpFetcher):
    policy_site.set_page("/p", seed_page(1), etag=False)
    first = fetcher.fetch(policy_site.url("/p"))
    assert first.etag is None and first.last_modified
    again = fetcher.fetch(policy_site.url("/p"), last_modified=first.last_modified)
    assert headers_seen(policy_site, "/p")[1]["if-modified-since"] == first.last_modified
    assert again.outcome == "not_modified" and again.body == b""
    assert again.last_modified == first.last_modified  # validator carried over for the store

    policy_site.set_page("/p", seed_page(2), etag=False)
    changed = fetcher.fetch(policy_site.url("/p"), last_modified=first.last_modified)
    assert changed.outcome == "ok" and changed.body == seed_page(2).encode()


# --- redirects -----------------------------------------------------------------------------------


def test_redirects_followed_and_final_url_recorded(policy_site: PolicySite, fetcher: HttpFetcher):
    r = fetcher.fetch(policy_site.url("/redirect/3"))
    assert r.outcome == "ok" and r.status == 200
    assert r.url == policy_site.url("/redirect/3")
    assert r.final_url == policy_site.url("/redirect/0")


def test_redirect_loop_is_an_error_after_max_redirects(policy_site: PolicySite, fetcher: HttpFetcher):
    r = fetcher.fetch(policy_site.url("/redirect-loop"))
    assert r.outcome == "error" and r.error == "too many redirects (11)"
    assert policy_site.hits("/redirect-loop") == 11  # the first request and 10 redirects, no retry


def test_max_redirects_setting(policy_site: PolicySite):
    with HttpFetcher(settings(max_redirects=2)) as f:
        assert f.fetch(policy_site.url("/redirect/2")).outcome == "ok"
        r = f.fetch(policy_site.url("/redirect/3"))
    assert r.outcome == "error" and r.error == "too many redirects (3)"


# --- HTTP errors and retries ----------------------------------------------------------------


def test_404_is_not_retried(policy_site: PolicySite, fetcher: HttpFetcher):
    r = fetcher.fetch(policy_site.url("/status/404"))
    assert (r.outcome, r.status, r.error) == ("error", 404, "HTTP 404")
    assert policy_site.hits("/status/404") == 1


def test_500_is_retried_then_reported(policy_site: PolicySite, fetcher: HttpFetcher):
    r = fetcher.fetch(policy_site.url("/status/500"))
    assert (r.outcome, r.status, r.error) == ("error", 500, "HTTP 500")
    assert policy_site.hits("/status/500") == FAST.retries + 1


def test_flaky_500_succeeds_after_retries_with_growing_backoff(policy_site: PolicySite):
    with HttpFetcher(settings(backoff_base=0.1)) as f:
        r = f.fetch(policy_site.url("/flaky/500"))
    assert r.outcome == "ok" and r.status == 200
    t = policy_site.request_times("/flaky/500")
    assert len(t) == 3
    # backoff = base * 2**(n-1), jittered into [half, full]: >= 0.05 then >= 0.1
    assert t[1] - t[0] >= 0.05 - 0.01 and t[2] - t[1] >= 0.1 - 0.01


def test_429_retry_after_seconds_is_honoured(policy_site: PolicySite, fetcher: HttpFetcher):
    r = fetcher.fetch(policy_site.url("/429?retry_after=1"))
    assert r.outcome == "ok"
    t = policy_site.request_times("/429")
    assert len(t) == 2
    assert 0.95 <= t[1] - t[0] < 1.8  # backoff alone would be ~0.05 s


def test_429_retry_after_http_date_is_honoured(policy_site: PolicySite, fetcher: HttpFetcher):
    when = formatdate(time.time() + 2, usegmt=True)
    policy_site.set_fault("/busy", "retry_after", times=1, retry_after=when)
    r = fetcher.fetch(policy_site.url("/busy"))
    assert r.outcome == "ok"
    t = policy_site.request_times("/busy")
    assert 0.9 <= t[1] - t[0] < 2.5  # the date has whole-second resolution


def test_retry_after_is_capped_at_backoff_max(policy_site: PolicySite):
    policy_site.set_fault("/busy", "retry_after", times=1, retry_after=3600)
    with HttpFetcher(settings(backoff_max=0.2)) as f:
        start = time.monotonic()
        r = f.fetch(policy_site.url("/busy"))
    assert r.outcome == "ok" and time.monotonic() - start < 1.0


def test_429_given_up_after_retries(policy_site: PolicySite, fetcher: HttpFetcher):
    r = fetcher.fetch(policy_site.url("/429?retry_after=0&times=10"))
    assert (r.outcome, r.status, r.error) == ("error", 429, "HTTP 429")
    assert policy_site.hits("/429") == 3


# --- timeouts, broken and oversized bodies ----------------------------------------------------


def test_slow_response_past_read_timeout_is_an_error(policy_site: PolicySite):
    with HttpFetcher(settings(read_timeout=0.3, retries=0)) as f:
        start = time.monotonic()
        r = f.fetch(policy_site.url("/slow?seconds=2"))
    assert r.outcome == "error" and r.error == "timeout after 0.3 s"
    assert time.monotonic() - start < 1.2


def test_timeouts_are_retried(policy_site: PolicySite):
    with HttpFetcher(settings(read_timeout=0.2, retries=1)) as f:
        r = f.fetch(policy_site.url("/slow?seconds=1"))
    assert r.outcome == "error" and policy_site.hits("/slow") == 2


def test_trickling_server_is_cut_off_at_the_deadline(policy_site: PolicySite):
    # Every byte arrives well within the read timeout, so only the overall deadline can stop it.
    with HttpFetcher(settings(read_timeout=1.0, retries=0), deadline=0.5) as f:
        start = time.monotonic()
        r = f.fetch(policy_site.url("/trickle?seconds=4&chunks=40"))
        took = time.monotonic() - start
    assert r.outcome == "error" and r.error is not None and r.error.startswith("timeout after 0.5 s")
    assert took < 1.5


def test_truncated_body_is_an_error(policy_site: PolicySite):
    with HttpFetcher(settings(retries=0)) as f:
        r = f.fetch(policy_site.url("/truncated"))
    assert r.outcome == "error" and r.error == "truncated body" and r.body == b""


def _reset_peak_rss() -> None:
    try:  # Linux: "5" resets VmHWM / ru_maxrss so the next reading is this test's own peak
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


@pytest.mark.parametrize("path", ["/huge", "/huge?chunked=1"])
def test_100_mb_body_is_refused_quickly_with_bounded_memory(policy_site: PolicySite, path: str):
    _reset_peak_rss()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    with HttpFetcher(FAST) as f:
        start = time.monotonic()
        r = f.fetch(policy_site.url(path))
        took = time.monotonic() - start
    growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert r.outcome == "error" and r.error == "body larger than 10 MiB" and r.body == b""
    assert policy_site.hits("/huge") == 1  # an oversized body is not retried
    assert took < 3.0
    assert growth_mb < 50


def test_size_cap_applies_to_decoded_bytes(policy_site: PolicySite, fetcher: HttpFetcher):
    r = fetcher.fetch(policy_site.url("/gzip-bomb?mb=16"))  # about 16 KB on the wire
    assert r.outcome == "error" and r.error == "body larger than 10 MiB"


def test_body_under_the_cap_is_kept_whole(policy_site: PolicySite):
    with HttpFetcher(settings(max_bytes=2 * 2**20)) as f:
        r = f.fetch(policy_site.url("/huge?chunked=1&mb=1.5"))
        over = f.fetch(policy_site.url("/huge?chunked=1&mb=2.5"))
    assert r.outcome == "ok" and len(r.body) == int(1.5 * 2**20)
    assert over.outcome == "error" and over.error == "body larger than 2 MiB"


# --- encodings ---------------------------------------------------------------------------------


@pytest.mark.parametrize("enc", ["cp1252", "gbk"])
def test_wrong_charset_header_is_recorded_and_bytes_kept(
    policy_site: PolicySite, fetcher: HttpFetcher, enc: str
) -> None:
    r = fetcher.fetch(policy_site.url(f"/wrong-charset?enc={enc}"))
    assert r.outcome == "ok" and r.charset == "utf-8"  # what the header says; normalize detects
    with pytest.raises(UnicodeDecodeError):
        r.body.decode("utf-8")
    assert WRONG_CHARSET_TEXT[enc].splitlines()[1] in r.body.decode(enc)


@pytest.mark.parametrize("path", ["/gzip", "/deflate"])
def test_compressed_pages_are_decoded(policy_site: PolicySite, fetcher: HttpFetcher, path: str):
    r = fetcher.fetch(policy_site.url(path))
    assert r.outcome == "ok" and r.headers["content-encoding"] == path.strip("/")
    assert r.body.startswith(b"<!DOCTYPE html>") and b"30 days" in r.body
    assert "gzip" in headers_seen(policy_site, path)[0]["accept-encoding"]


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "gzip-raw-deflate"])
def test_a_compressed_body_cut_short_is_a_truncated_body_not_half_a_page(
    policy_site: PolicySite, encoding: str
) -> None:
    """The compressed stream stops half way, with a Content-Length that matches the bytes sent
    (a proxy or server that cut it): urllib3 decodes what it can and says nothing, so the fetch
    must notice that the stream has no end (found by bench/drill.py: half pages became versions)."""
    import gzip
    import zlib

    body = seed_page(1).encode()
    if encoding == "gzip":
        packed, header = gzip.compress(body), "gzip"
    elif encoding == "deflate":
        packed, header = zlib.compress(body), "deflate"
    else:
        comp = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        packed, header = comp.compress(body) + comp.flush(), "deflate"
    cut_short = packed[: len(packed) // 2]
    policy_site.set_fault("/cut", "raw", body=cut_short, headers={"Content-Encoding": header})
    policy_site.set_fault("/whole", "raw", body=packed, headers={"Content-Encoding": header})
    two_members = gzip.compress(body[:3000]) + gzip.compress(body[3000:])
    policy_site.set_fault("/members", "raw", body=two_members, headers={"Content-Encoding": "gzip"})
    with HttpFetcher(settings(retries=0)) as f:
        cut, whole, members = (f.fetch(policy_site.url(p)) for p in ("/cut", "/whole", "/members"))
    assert cut.outcome == "error" and cut.error and cut.error.startswith("truncated body") and cut.body == b""
    assert whole.outcome == "ok" and whole.body == body
    assert members.outcome == "ok" and members.body == body  # several gzip members are one body


def test_empty_200_is_ok_with_empty_body(policy_site: PolicySite, fetcher: HttpFetcher):
    r = fetcher.fetch(policy_site.url("/empty"))
    assert r.outcome == "ok" and r.body == b""  # the guards, not the fetcher, call it suspect


def test_error_page_body_is_kept_for_the_guards(policy_site: PolicySite, fetcher: HttpFetcher):
    r = fetcher.fetch(policy_site.url("/challenge?status=403"))
    assert (r.outcome, r.status, r.error) == ("error", 403, "HTTP 403")
    assert b"Checking your browser" in r.body


# --- connection trouble ------------------------------------------------------------------------


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_connection_refused_is_an_error_not_an_exception():
    with HttpFetcher(settings(retries=1)) as f:
        start = time.monotonic()
        r = f.fetch(f"http://127.0.0.1:{_closed_port()}/privacy")
    assert r.outcome == "error" and r.error == "connection refused" and r.status is None
    assert time.monotonic() - start < 1.0


def test_connection_reset_without_answer_is_an_error(policy_site: PolicySite, fetcher: HttpFetcher):
    policy_site.set_fault("/reset", "reset")
    r = fetcher.fetch(policy_site.url("/reset"))
    assert r.outcome == "error" and r.error in {"connection reset", "connection error", "truncated body"}
    assert policy_site.hits("/reset") == FAST.retries + 1


@pytest.mark.parametrize("url", ["not a url", "ftp://127.0.0.1/x", "http://"])
def test_bad_urls_are_errors_not_exceptions(fetcher: HttpFetcher, url: str):
    r = fetcher.fetch(url)
    assert r.outcome == "error" and r.error


# --- politeness and concurrency ----------------------------------------------------------------


def _fetch_in_threads(f: HttpFetcher, urls: list[str]) -> float:
    threads = [threading.Thread(target=f.fetch, args=(u,)) for u in urls]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.monotonic() - start


def test_per_host_delay_spaces_request_starts(policy_site: PolicySite):
    policy_site.set_page("/a", seed_page(0))
    policy_site.set_page("/b", seed_page(1))
    with HttpFetcher(settings(per_host_delay=1.0)) as f:
        _fetch_in_threads(f, [policy_site.url("/a"), policy_site.url("/b")])
    starts = sorted(t for (_p, _h, t) in policy_site.requests_log)
    # arrival times seen by the server: the first arrival can be logged late on a loaded machine
    assert len(starts) == 2 and starts[1] - starts[0] >= 0.75


def test_one_request_in_flight_per_host(policy_site: PolicySite):
    with HttpFetcher(settings(per_host_concurrency=1, read_timeout=2.0)) as f:
        _fetch_in_threads(f, [policy_site.url("/slow?seconds=0.4")] * 2)
    assert policy_site.hits("/slow") == 2 and policy_site.most_in_flight("/slow") == 1


def test_per_host_concurrency_setting_allows_parallel_requests(policy_site: PolicySite):
    with HttpFetcher(settings(per_host_concurrency=2, read_timeout=3.0)) as f:
        _fetch_in_threads(f, [policy_site.url("/slow?seconds=1")] * 2)
    assert policy_site.most_in_flight("/slow") == 2


def test_other_hosts_are_not_blocked(policy_site: PolicySite):
    # 127.0.0.1 and localhost are two hosts to the fetcher, one server here.
    other = policy_site.url("/slow?seconds=1").replace("127.0.0.1", "localhost")
    with HttpFetcher(settings(per_host_concurrency=1, per_host_delay=1.0, read_timeout=3.0)) as f:
        _fetch_in_threads(f, [policy_site.url("/slow?seconds=1"), other])
    assert policy_site.hits("/slow") == 2 and policy_site.most_in_flight("/slow") == 2


def test_retry_after_holds_back_the_whole_host(policy_site: PolicySite):
    policy_site.set_page("/other", seed_page(3))
    with HttpFetcher(settings(retries=0)) as f:
        assert f.fetch(policy_site.url("/429?retry_after=1")).error == "HTTP 429"
        f.fetch(policy_site.url("/other"))
    t429, tother = policy_site.request_times("/429")[0], policy_site.request_times("/other")[0]
    assert tother - t429 >= 0.95


def test_connections_are_reused(policy_site: PolicySite, fetcher: HttpFetcher):
    policy_site.set_page("/p", seed_page(0))
    etag = fetcher.fetch(policy_site.url("/p")).etag
    for _ in range(3):
        assert fetcher.fetch(policy_site.url("/p"), etag=etag).outcome == "not_modified"
    assert fetcher.fetch(policy_site.url("/redirect/2")).outcome == "ok"
    assert fetcher.fetch(policy_site.url("/status/404")).outcome == "error"
    assert fetcher.fetch(policy_site.url("/p")).outcome == "ok"
    assert policy_site.connections == 1  # keep-alive: one TCP connection for all those requests


def test_environment_proxy_is_used_for_remote_hosts_but_never_for_loopback(
    policy_site: PolicySite, monkeypatch: pytest.MonkeyPatch
):
    policy_site.set_page("/p", seed_page(0))
    monkeypatch.setenv("HTTP_PROXY", policy_site.url("/proxy"))
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with HttpFetcher(settings()) as f:
        assert f.fetch(policy_site.url("/p")).outcome == "ok"  # direct, not through the proxy
        assert f._proxies_for("http://example.org/privacy") == {"http": policy_site.url("/proxy")}


def test_remote_hosts_go_through_the_environment_proxy_with_its_credentials(
    policy_site: PolicySite, monkeypatch: pytest.MonkeyPatch
):
    # the test site answers absolute-URI requests, so it can stand in for a forwarding proxy
    page = seed_page(2)
    policy_site.set_page("/privacy", page)
    monkeypatch.setenv("HTTP_PROXY", f"http://bot:s%40cret@127.0.0.1:{policy_site.port}")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    with HttpFetcher(settings()) as f:
        r = f.fetch("http://policies.example.org/privacy")
    assert (r.outcome, r.body, r.final_url) == ("ok", page.encode(), "http://policies.example.org/privacy")
    seen = headers_seen(policy_site, "/privacy")[0]
    assert seen["host"] == "policies.example.org"
    assert seen["proxy-authorization"] == "Basic " + base64.b64encode(b"bot:s@cret").decode()


def test_no_proxy_hosts_skip_the_proxy_and_other_hosts_use_it(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("NO_PROXY", "example.org")
    with HttpFetcher(settings(retries=0)) as f:
        assert f._proxies_for("http://www.example.org/privacy") == {}
        # not in NO_PROXY: sent to the (dead) proxy, so refused rather than a DNS failure
        assert f.fetch("http://policies.example.net/privacy").error == "connection refused"


class _CookieGate(BaseHTTPRequestHandler):
    """/enter sets a consent cookie and redirects to /policy, which needs the cookie."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/enter":
            self.send_response(302)
            self.send_header("Set-Cookie", "consent=yes; Path=/")
            self.send_header("Location", "/policy")
            body = b""
        elif "consent=yes" in (self.headers.get("Cookie") or ""):
            self.send_response(200)
            body = b"<p>We keep your data for 30 days.</p>"
        else:
            self.send_response(403)
            body = b"cookies required"
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_cookies_set_by_a_server_are_sent_back():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CookieGate)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with HttpFetcher(settings(retries=0)) as f:
            assert f.fetch(base + "/policy").error == "HTTP 403"  # no cookie yet
            r = f.fetch(base + "/enter")  # cookie set on the redirect, sent on the next hop
            assert (r.outcome, r.final_url) == ("ok", base + "/policy")
            assert r.body == b"<p>We keep your data for 30 days.</p>"
            assert f.fetch(base + "/policy").outcome == "ok"  # and kept for later checks
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def tls_site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTPS server on 127.0.0.1 with a fresh self-signed certificate: (base URL, cert file)."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
         "-keyout", str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )  # fmt: skip
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CookieGate)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(cert, key)
    server.socket = ctx.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", cert
    finally:
        server.shutdown()
        server.server_close()


def test_https_certificates_are_verified_against_the_ca_bundle(
    tls_site: tuple[str, Path], monkeypatch: pytest.MonkeyPatch
):
    base, cert = tls_site
    monkeypatch.delenv("REQUESTS_CA_BUNDLE", raising=False)
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    with HttpFetcher(settings(retries=0)) as f:
        assert f.fetch(base + "/enter").error == "TLS error"  # self-signed: not trusted by default
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(cert))
    with HttpFetcher(settings(retries=0)) as f:
        r = f.fetch(base + "/enter")
    assert (r.outcome, r.final_url) == ("ok", base + "/policy")
    assert r.body == b"<p>We keep your data for 30 days.</p>"


# --- small parsers ----------------------------------------------------------------------------


def test_parse_content_type():
    assert parse_content_type('text/HTML; charset="UTF-8"') == ("text/html", "utf-8")
    assert parse_content_type("application/pdf") == ("application/pdf", None)
    assert parse_content_type(None) == (None, None)


def test_parse_retry_after():
    assert parse_retry_after("5", 60) == 5.0
    assert parse_retry_after("120", 60) == 60.0
    assert parse_retry_after("-3", 60) == 0.0
    assert parse_retry_after("soon", 60) is None
    now = datetime(2031, 3, 4, 5, 6, 7, tzinfo=timezone.utc)  # the date is read against the clock given
    assert parse_retry_after(format_datetime(now + timedelta(seconds=10), usegmt=True), 60, now) == 10.0
    assert parse_retry_after(format_datetime(now - timedelta(seconds=10), usegmt=True), 60, now) == 0.0


def test_format_size():
    assert format_size(10 * 2**20) == "10 MiB"
    assert format_size(256 * 1024) == "256 KiB"


def test_proxies_come_from_the_environment_when_set_and_none_otherwise(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Without a *_proxy variable there is no proxy (and urllib.request is not consulted); with
    one, what urllib.request reads from the environment, scheme by scheme."""
    for name in list(os.environ):
        if name.lower().endswith("_proxy"):
            monkeypatch.delenv(name)
    assert fetch_mod.HttpFetcher(FetchSettings())._proxies == {}
    monkeypatch.setenv("HTTPS_PROXY", "http://10.9.8.7:3128")
    monkeypatch.setenv("ftp_proxy", "http://10.9.8.7:2121")
    assert fetch_mod.HttpFetcher(FetchSettings())._proxies == {"https": "http://10.9.8.7:3128"}
