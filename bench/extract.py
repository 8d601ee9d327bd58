#!/usr/bin/env python3
"""Normalise + segment on real pages: golden output, CPU per page, and a profile (run by hand).

The path is the one a first check takes (monitor/watch/check.py analyse_page): normalize() of
the body as text/html, the guard, segment() through pipeline.analyse, document_language.
Pages: every *.html under the given folders (default /tmp/realdocs/docs and /tmp/realdocs/pairs).

  golden  --write FILE   one line per page: sha256 of its blocks, text, clauses (every field,
                         language tags included), guard verdict and document language
  golden  --check FILE   the same, compared with FILE: prints the pages that differ
          [--hint LANG]  with the watchlist's language hint LANG (default: none)
  time    [--rounds R]   CPU seconds (time.process_time) of normalise and segment per page, per
                         round; caches are cleared before each round (as in a fresh process);
                         prints one JSON line per round (median and mean ms per page)
  profile [--top N]      cProfile of one round, sorted by internal time
  stages                 CPU ms per page of each stage: the per-page steps of normalize and
                         segment timed in place, the per-clause language evidence and comparison
                         keys replayed alone on the round's clauses (caches cleared first)
  once    [--limit N]    one pass over the first N pages, nothing timed: for an instruction count,
                         `valgrind --tool=callgrind python bench/extract.py once --first --limit 150
                         DIR` minus the same with --limit 0 (load does not move it)
  --first                time, profile, stages and once segment without comparison keys, as a first
                         check does (analyse_page: a page with no stored version); golden keeps them

Usage: .venv/bin/python bench/extract.py golden --write /tmp/golden.txt [DIR ...]
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import json
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

DEFAULT_DIRS = ("/tmp/realdocs/docs", "/tmp/realdocs/pairs")


def pages(dirs: Iterable[str]) -> list[tuple[str, bytes]]:
    """(name, body) of every *.html file under `dirs`, sorted by name within each folder."""
    out = []
    for d in dirs:
        for p in sorted(Path(d).glob("*.html")):
            out.append((f"{Path(d).name}/{p.name}", p.read_bytes()))
    return out


def _sha(value: object) -> str:
    return hashlib.sha256(repr(value).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def fingerprint(body: bytes, hint: str | None = None) -> str:
    """The hashes of everything the first check of `body` derives from it."""
    from monitor.engine.pipeline import analyse, document_language
    from monitor.errors import InputError
    from monitor.extract.normalize import normalize
    from monitor.fetch import guards

    try:
        doc = normalize(body, "text/html")
    except InputError as e:
        return f"error {_sha(str(e))}"
    clauses = analyse(doc, hint)
    fields = [(c.index, c.text, c.section, c.marker, c.key, c.language, c.is_heading) for c in clauses]
    return " ".join(
        (
            _sha(doc.blocks),
            _sha(doc.truncated),
            _sha(doc.text),
            _sha(fields),
            _sha(guards.suspicion(doc)),
            hint or document_language(clauses),
            str(len(clauses)),
        )
    )


def clear_caches() -> None:
    """Forget every per-text cache, so that a round costs what a fresh process pays."""
    import functools

    for obj in gc.get_objects():
        cached = isinstance(obj, functools._lru_cache_wrapper)
        if cached and str(getattr(obj, "__module__", "")).startswith("monitor"):
            obj.cache_clear()


def one_round(docs: list[tuple[str, bytes]], first: bool = False) -> tuple[list[float], list[float]]:
    """CPU seconds of normalise and of segment for each page (`first`: without comparison keys,
    as a first check segments a page that has no stored version)."""
    from monitor.engine.pipeline import analyse
    from monitor.extract.normalize import normalize

    clear_caches()
    norm, seg = [], []
    clock: Callable[[], float] = time.process_time
    for _, body in docs:
        t0 = clock()
        doc = normalize(body, "text/html")
        t1 = clock()
        analyse(doc, None, keys=False) if first else analyse(doc, None)
        t2 = clock()
        norm.append(t1 - t0)
        seg.append(t2 - t1)
    return norm, seg


class _Stages:
    """Timers wrapped around module-level functions called once a page."""

    def __init__(self) -> None:
        self.ms: dict[str, float] = {}

    def wrap(self, owner: object, name: str, stage: str) -> None:
        inner = getattr(owner, name)

        def timed(*args: object, **kwargs: object) -> object:
            t0 = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                self.ms[stage] = self.ms.get(stage, 0.0) + 1000 * (time.process_time() - t0)

        setattr(owner, name, timed)


def stages(docs: list[tuple[str, bytes]], first: bool = False) -> dict[str, float]:
    """CPU ms per page of each stage of normalise + segment (see the module docstring)."""
    from lxml import etree

    from monitor.engine import pipeline, segment
    from monitor.extract import normalize as nz
    from monitor.lang import detect

    timer = _Stages()
    for owner, name, stage in (
        (nz, "decode_html", "n.decode"),
        (nz, "_decode_cfemail", "n.cfemail"),
        (nz, "_drop_chrome", "n.drop_chrome"),
        (nz, "_content_root", "n.content_root"),
        (nz._Walker, "walk", "n.walk+fold"),
        (nz, "_promote_headings", "n.promote_headings"),
        (nz, "normalize", "normalize"),
        (segment, "_clauses", "s.clauses(lang+key)"),
        (pipeline, "segment", "segment"),
    ):
        timer.wrap(owner, name, stage)
    parse = etree.fromstring
    timer.wrap(etree, "fromstring", "n.parse")
    texts: list[str] = []
    clear_caches()
    t0 = time.process_time()
    try:
        for _, body in docs:
            doc = nz.normalize(body, "text/html")
            texts.extend(c.text for c in pipeline.analyse(doc, None, keys=not first))
            t1 = time.process_time()
            pipeline.text_sha256(doc.text)
            timer.ms["text+sha"] = timer.ms.get("text+sha", 0.0) + 1000 * (time.process_time() - t1)
    finally:
        etree.fromstring = parse
    total = 1000 * (time.process_time() - t0)
    ms = dict(timer.ms)
    ms["n.other"] = ms["normalize"] - sum(v for k, v in ms.items() if k.startswith("n."))
    ms["s.blocks->pieces"] = ms["segment"] - ms["s.clauses(lang+key)"]
    clear_caches()
    t0 = time.process_time()
    for text in texts:
        detect.detect_language_evidence(text, None)
    ms["s.lang evidence (replay, 1 pass)"] = 1000 * (time.process_time() - t0)
    t0 = time.process_time()
    for text in texts:
        segment.clause_key(text)
    ms["s.clause_key (replay)"] = 1000 * (time.process_time() - t0)
    ms["all (timed in place)"] = total
    return {k: round(v / len(docs), 3) for k, v in sorted(ms.items())}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("golden", "time", "profile", "stages", "once"))
    ap.add_argument("dirs", nargs="*", default=list(DEFAULT_DIRS))
    ap.add_argument("--write")
    ap.add_argument("--check")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--top", type=int, default=40)
    ap.add_argument("--label", default="")
    ap.add_argument("--hint", help="the watchlist's language hint (golden mode)")
    ap.add_argument("--limit", type=int, help="once: the first N pages only")
    ap.add_argument(
        "--first", action="store_true", help="segment without comparison keys, as a first check does"
    )
    args = ap.parse_args(argv)
    docs = pages(args.dirs)
    if args.mode == "golden":
        lines = [f"{name} {fingerprint(body, args.hint)}" for name, body in docs]
        if args.write:
            Path(args.write).write_text("\n".join(lines) + "\n", encoding="utf-8")
            print(f"{len(lines)} pages written to {args.write}")
        if args.check:
            want = Path(args.check).read_text(encoding="utf-8").splitlines()
            differ = [a.split()[0] for a, b in zip(want, lines, strict=False) if a != b]
            if len(want) != len(lines):
                differ.append(f"page count {len(want)} != {len(lines)}")
            print(f"{len(lines) - len(differ)}/{len(lines)} identical")
            for d in differ[:50]:
                print("DIFFERS", d)
            return 1 if differ else 0
        return 0
    if args.mode == "once":
        one_round(docs[: args.limit], args.first)
        return 0
    if args.mode == "profile":
        prof = cProfile.Profile()
        clear_caches()
        prof.runcall(one_round, docs, args.first)
        pstats.Stats(prof, stream=sys.stdout).sort_stats("tottime").print_stats(args.top)
        return 0
    if args.mode == "stages":
        one_round(docs[:20])
        print(json.dumps({"label": args.label, **stages(docs, args.first)}, indent=1))
        return 0
    one_round(docs[:20])  # imports and compiled patterns out of the first round
    for r in range(args.rounds):
        norm, seg = one_round(docs, args.first)
        both = [a + b for a, b in zip(norm, seg, strict=True)]
        print(
            json.dumps(
                {
                    "label": args.label,
                    "round": r,
                    "pages": len(docs),
                    "normalize_ms_mean": round(1000 * statistics.fmean(norm), 3),
                    "segment_ms_mean": round(1000 * statistics.fmean(seg), 3),
                    "total_ms_mean": round(1000 * statistics.fmean(both), 3),
                    "total_ms_median": round(1000 * statistics.median(both), 3),
                }
            ),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
