#!/usr/bin/env python3
"""Audit the Hyperscan prefilter on real text (run by hand, not in CI): every lexicon pattern
against every clause of a sample of real pages; a pattern the prefilter rules out of a clause
where re finds it is a miss (the engine would judge differently with and without Hyperscan).

In: a folder of real pages (the docs/ of ../shared/bench/realdocs/realdocs-1000.tar.xz).
Out: the count of "cannot match" answers checked and every miss (language, pattern, clause).

Usage: python bench/prefilter_audit.py DIR [--pages 250] [--seed 8]
The databases are built first when missing (1-4 s a language).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from monitor.engine.segment import segment  # noqa: E402
from monitor.extract.normalize import normalize  # noqa: E402
from monitor.lang import prefilter  # noqa: E402
from monitor.lang.lexicon import LANGUAGES, load_lexicon  # noqa: E402


def clause_texts(pages: list[Path]) -> list[str]:
    """The distinct clause texts of the pages, as the engine cuts them."""
    texts: set[str] = set()
    for page in pages:
        kind = "text/html" if page.suffix in (".html", ".htm") else "text/plain"
        try:
            texts.update(c.text for c in segment(normalize(page.read_bytes(), kind)))
        except Exception as e:  # noqa: BLE001 - a page the normaliser refuses is left out
            print(f"skipped {page.name}: {e}", file=sys.stderr)
    return sorted(texts)


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    parser.add_argument("pages_dir", type=Path)
    parser.add_argument("--pages", type=int, default=250)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()

    prefilter.allow_building()
    for language in LANGUAGES:
        load_lexicon(language)
    registered = list(prefilter._registered.values())
    patterns = [(p, re.compile(key[0], key[1]), group) for p, group, key in registered]
    pages = sorted(p for p in args.pages_dir.iterdir() if p.suffix in (".html", ".htm", ".md", ".txt"))
    random.seed(args.seed)
    texts = clause_texts(random.sample(pages, min(args.pages, len(pages))))
    print(f"{len(patterns)} patterns, {len(texts)} clause texts")
    checked = misses = 0
    for text in texts:
        for lazy, compiled, group in patterns:
            if prefilter.cannot_match(lazy, text):
                checked += 1
                if compiled.search(text):
                    misses += 1
                    print(f"MISS [{group}] {compiled.pattern[:100]!r} in {text[:160]!r}")
    print(f"{checked} 'cannot match' answers checked, {misses} misses")
    sys.exit(1 if misses else 0)


if __name__ == "__main__":
    main()
