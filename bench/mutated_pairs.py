#!/usr/bin/env python3
"""Real pages with one realistic edit, as pairs for bench/instructions.py (run by hand).

Serves the real documents with ../shared/bench/policy_server.py on 127.0.0.1, asks its /mutate
for a fraction of them (a duration changed, a sentence inserted: what the 10%-changed pass of
bench/checks.py meets), and writes each edited page's original and edited HTML as
OUT/NNN-old.html and OUT/NNN-new.html.

Usage: python bench/mutated_pairs.py --pages-dir DIR OUT [--fraction 0.1]   (../shared beside the repo)
then:  python bench/instructions.py --pairs OUT --ids 000,004,... --diff-pair 000
"""

from __future__ import annotations

import argparse
import urllib.request
from pathlib import Path

from checks import Server, free_port  # bench/checks.py: policy_server.py as a child process


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--pages-dir", required=True, help="the docs/ of realdocs-1000.tar.xz")
    ap.add_argument("--fraction", type=float, default=0.1)
    args = ap.parse_args()
    pages = sorted(Path(args.pages_dir).glob("p*.html"))  # page i is the i-th file
    server = Server(len(pages), free_port(), pages_dir=Path(args.pages_dir))
    try:
        ids = server.mutate(args.fraction)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for k, i in enumerate(ids):
            (out / f"{k:03d}-old.html").write_bytes(pages[i].read_bytes())
            edited = urllib.request.urlopen(f"http://127.0.0.1:{server.port}/p/{i}", timeout=30).read()
            (out / f"{k:03d}-new.html").write_bytes(edited)
        print(f"{len(ids)} pairs -> {out}")
    finally:
        server.stop()


if __name__ == "__main__":
    main()
