#!/usr/bin/env python3
"""Freak inputs the product must stay bounded on, timed (run by hand, not in CI).

  rewrite N    two pages of N short paragraphs drawn from a small vocabulary, every paragraph
               different between them (a vast page rewritten): normalise, segment, align and
               classify both, in this process; prints CPU seconds, changes, peak RSS
  repeated N   a page of N identical rows and the same page with one row inserted in the middle
  sentence N   a page that is one "sentence" of N tokens "a." run together (no space, so no
               sentence end) and the same with one word added: every clause diff walks repeated
               tokens (exact diffs were quadratic in N: 20,000 took minutes; now bounded)
  attributes N a page whose one <p> start tag carries N attributes: normalise only
  spread N     a page of N distinct short paragraphs and the same with every 50th edited: finding
               the unchanged clauses repeated SequenceMatcher's scan beside each of the N/50
               matches (quadratic: 80,000 took 25 s; now bounded by a scan budget)
  abbreviations N  one bracket-free paragraph of N abbreviations ("e.g. i.e. etc. Dr. Mr."): each
               full stop searched back to the paragraph's start for a "(" (quadratic)
  interim N    a 127.0.0.1 server sending N "100 Continue" answers before its page: one fetch
               (http.client skips them without end: 1,000,000 spun a core; now refused past 20)
  cookies N    N fetches from a server naming 90 new cookies each time: the jar and the Cookie
               header sent (they grew without end; now capped at 180 cookies a domain)
  sources N    a CSV of N policy rows under `policies_from:`; prints the seconds load_watchlist
               takes and the peak RSS

Usage: python bench/bounds.py rewrite 20000 | repeated 60000 | sentence 1500000 | attributes 700000
       | sources 100000 | spread 80000 | abbreviations 80000 | interim 1000000 | cookies 30
(pages are read up to 4 MiB of text: past that a page is cut, so keep N x ~55 characters under it)
Each run is one process, so the peak RSS is the run's own.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import random
import resource
import socket
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.fetch.http import HttpFetcher
from monitor.models import FetchSettings

WORDS = (
    "we keep share collect data partners years days cookies the of and to consent rights children security"
).split()


def _page(paragraphs: list[str]) -> bytes:
    return ("<html><body>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</body></html>").encode()


def rewrite(n: int) -> str:
    rng = random.Random(1)

    def paragraph() -> str:
        return " ".join(rng.choice(WORDS) for _ in range(12)) + "."

    old, new = _page([paragraph() for _ in range(n)]), _page([paragraph() for _ in range(n)])
    t0 = time.process_time()
    changes = compare_documents(normalize(old), normalize(new)).changes
    return f"rewrite of {n} paragraphs: {time.process_time() - t0:.1f} s CPU, {len(changes)} changes"


def repeated(n: int) -> str:
    row = "Session cookie, expires when you close the browser."
    old = _page([row] * n)
    new = _page([row] * (n // 2) + ["Advertising cookie, kept for 13 months."] + [row] * (n - n // 2))
    t0 = time.process_time()
    changes = compare_documents(normalize(old), normalize(new)).changes
    return f"{n} identical rows, one inserted: {time.process_time() - t0:.1f} s CPU, {len(changes)} changes"


def sentence(n: int) -> str:
    old = _page(["a." * n])
    new = _page(["a." * (n // 2) + " retained " + "a." * (n - n // 2)])
    t0 = time.process_time()
    changes = compare_documents(normalize(old), normalize(new)).changes
    seconds = time.process_time() - t0
    return f"one sentence of {n} repeated tokens, one word added: {seconds:.1f} s CPU, {len(changes)} changes"


def attributes(n: int) -> str:
    tag = b"<p " + b" ".join(b"a%d=x" % i for i in range(n)) + b">"
    page = b"<html><body>" + tag + b"We keep data 3 years.</p></body></html>"
    t0 = time.process_time()
    normalize(page, "text/html")
    return f"one start tag of {n} attributes: {time.process_time() - t0:.1f} s CPU to normalise"


def spread(n: int) -> str:
    old = [f"We keep record {i} for {i % 7 + 1} days." for i in range(n)]
    new = [p if i % 50 else p.replace("days", "weeks") for i, p in enumerate(old)]
    t0 = time.process_time()
    changes = compare_documents(normalize(_page(old)), normalize(_page(new))).changes
    return f"{n} paragraphs, every 50th edited: {time.process_time() - t0:.1f} s CPU, {len(changes)} changes"


def abbreviations(n: int) -> str:
    text = "e.g. i.e. etc. Dr. Mr. " * (n // 5)
    old, new = text.encode(), (text + "\n\nWe keep data 5 years.").encode()
    t0 = time.process_time()
    changes = compare_documents(normalize(old, "text/plain"), normalize(new, "text/plain")).changes
    return f"a paragraph of {n} abbreviations: {time.process_time() - t0:.1f} s CPU, {len(changes)} changes"


def _serve(answer: Callable[[int], bytes]) -> int:
    """A 127.0.0.1 server answering request number k with answer(k); returns its port."""
    server = socket.create_server(("127.0.0.1", 0))

    def run() -> None:
        for k in itertools.count():
            conn, _ = server.accept()
            with conn, contextlib.suppress(OSError):
                conn.recv(65536)
                conn.sendall(answer(k))

    threading.Thread(target=run, daemon=True).start()
    return server.getsockname()[1]


_OK = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 20\r\nConnection: close\r\n"
_BODY = b"\r\n<p>We keep data.</p>"


def interim(n: int) -> str:
    port = _serve(lambda _: b"HTTP/1.1 100 Continue\r\n\r\n" * n + _OK + _BODY)
    fetcher = HttpFetcher(FetchSettings(retries=0, per_host_delay=0.0))
    t0 = time.process_time()
    result = fetcher.fetch(f"http://127.0.0.1:{port}/")
    return f"{n} interim answers: {time.process_time() - t0:.2f} s CPU, {result.outcome} {result.error or ''}"


def cookies(n: int) -> str:
    def answer(k: int) -> bytes:
        sets = b"".join(b"Set-Cookie: c%d_%d=%s; Path=/\r\n" % (k, i, b"v" * 100) for i in range(90))
        return _OK + sets + _BODY

    port = _serve(answer)
    fetcher = HttpFetcher(FetchSettings(retries=0, per_host_delay=0.0))
    for _ in range(n):
        fetcher.fetch(f"http://127.0.0.1:{port}/")
    jar = fetcher._cookies._jar
    header = fetcher._cookies.header(f"http://127.0.0.1:{port}/") or ""
    kept = len(jar) if jar is not None else 0
    return f"{n} visits of 90 new cookies: {kept} kept, Cookie header {len(header):,} bytes"


def sources(n: int) -> str:
    from monitor.config.watchlist import load_watchlist

    with tempfile.TemporaryDirectory() as tmp:
        rows = ["id,url,name,interval"] + [
            f"vendor-{i},https://vendor{i}.example.com/legal/privacy,Vendor {i} privacy,12h" for i in range(n)
        ]
        Path(tmp, "vendors.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        Path(tmp, "watchlist.yaml").write_text("policies_from: [vendors.csv]\n", encoding="utf-8")
        t0 = time.perf_counter()
        loaded = load_watchlist(Path(tmp, "watchlist.yaml"))
        return f"{len(loaded.policies)} policies from CSV: {time.perf_counter() - t0:.1f} s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "what",
        choices=("rewrite", "repeated", "sentence", "attributes", "sources", "spread", "abbreviations")
        + ("interim", "cookies"),
    )
    ap.add_argument("n", type=int)
    args = ap.parse_args()
    runs = {"rewrite": rewrite, "repeated": repeated, "sentence": sentence, "attributes": attributes}
    runs |= {"sources": sources, "spread": spread, "abbreviations": abbreviations}
    runs |= {"interim": interim, "cookies": cookies}
    line = runs[args.what](args.n)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{line}; peak RSS {peak} MB")


if __name__ == "__main__":
    main()
