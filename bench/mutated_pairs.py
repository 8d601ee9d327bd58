#!/usr/bin/env python3
"""Real pages with one realistic edit, as pairs for bench/instructions.py (run by hand).

Serves the real documents with ../shared/bench/policy_server.py on 127.0.0.1, asks its /mutate
for a fraction of them (a duration changed, a sentence inserted: what the 10%-changed pass of
bench/checks.py meets), and writes each edited page's original and edited HTML as
OUT/NNN-old.html and OUT/NNN-new.html.

Usage: python bench/mutated_pairs.py --pages-dir DIR OUT [--fraction 0.1] [--shared ../shared]
then:  python bench/instructions.py --pairs OUT --ids 000,004,... --diff-pair 000
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--pages-dir", required=True, help="the docs/ of realdocs-1000.tar.xz")
    ap.add_argument("--fraction", type=float, default=0.1)
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(Path(args.shared) / "bench" / "policy_server.py"), "--port", str(port),
         "--pages-dir", args.pages_dir],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        server.stdout.readline()  # "serving ..." once every page is rendered
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"{base}/generation", timeout=2).read()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("policy_server.py did not come up") from None
                time.sleep(0.1)
        pages = sorted(Path(args.pages_dir).glob("p*.html"))  # page i is the i-th file
        request = urllib.request.Request(f"{base}/mutate?fraction={args.fraction}", method="POST")
        ids = json.load(urllib.request.urlopen(request, timeout=30))["ids"]
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for k, i in enumerate(ids):
            (out / f"{k:03d}-old.html").write_bytes(pages[i].read_bytes())
            edited = urllib.request.urlopen(f"{base}/p/{i}", timeout=30).read()
            (out / f"{k:03d}-new.html").write_bytes(edited)
        print(f"{len(ids)} pairs -> {out}")
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
