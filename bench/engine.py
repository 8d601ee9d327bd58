#!/usr/bin/env python3
"""Benchmark the clause engine in-process and print median times (run by hand, not in CI).

Workloads, each a pair of versions of the largest seed (002, Chinese + English, ~84 KB of text):
  one-edit    the seed against itself with one word changed in a long paragraph;
  shuffled    30% of its lines moved to other places and 10% of lines edited;
  unchanged   the seed against an identical copy (the hash short-circuit);
and every labelled case in ../shared/corpus/cases/.

Beside the engine, on the same one-edit pair: a whole-document diff-match-patch character diff
(what the engine never does) and difflib on lines (what a line-based watcher does).

With --pairs DIR (the pairs/ folder of ../shared/bench/realdocs/realdocs-1000.tar.xz: NN-old.html,
NN-new.html), it times the engine on real consecutive versions instead: every pair through
`diff_files` (read, normalise, segment, align, classify) in this process, lexicons loaded by a
first pass over all pairs, the per-text caches emptied before each run (a check meets new text);
the median of --repeat runs per pair, then p50/p95/max over the pairs, the stages of the slowest,
and `policy-monitor diff OLD NEW --json` as a command (wall time with start-up) on the pair
nearest 50 KB; where PYTHONDONTWRITEBYTECODE is set (every process then compiles the sources
again), also with the bytecode an installed package has.

Usage: python bench/engine.py [--repeat 15] [--shared ../shared]
       python bench/engine.py --pairs DIR [--repeat 3]
The process pins itself to one core when it can, so figures are single-core.
"""

from __future__ import annotations

import argparse
import difflib
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import fast_diff_match_patch

from monitor.engine.align import align
from monitor.engine.classify import classify
from monitor.engine.pipeline import compare_documents, diff_files, load_document, text_sha256
from monitor.engine.segment import segment
from monitor.extract.normalize import normalize

ROOT = Path(__file__).resolve().parent.parent


def median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm caches (regexes, lexicons)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def one_edit(text: str) -> str:
    """Change one word in the longest English line."""
    lines = text.splitlines()
    k = max(range(len(lines)), key=lambda i: (lines[i].isascii(), len(lines[i])))
    words = lines[k].split(" ")
    mid = len(words) // 2
    words[mid] = "substantially" if words[mid] != "substantially" else "materially"
    lines[k] = " ".join(words)
    return "\n".join(lines)


def shuffled(text: str, seed: int = 7) -> str:
    """Move 30% of the non-empty lines elsewhere and edit 10% of them."""
    rng = random.Random(seed)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    movers = rng.sample(range(len(lines)), k=len(lines) * 3 // 10)
    moved = [lines[i] for i in movers]
    rest = [ln for i, ln in enumerate(lines) if i not in set(movers)]
    for ln in moved:
        rest.insert(rng.randrange(len(rest) + 1), ln)
    for i in rng.sample(range(len(rest)), k=len(rest) // 10):
        rest[i] = rest[i] + " (amended)"
    return "\n".join(rest)


def pipeline(old: bytes, new: bytes) -> Callable[[], object]:
    def run() -> object:
        return compare_documents(normalize(old, "text/plain"), normalize(new, "text/plain"))

    return run


def cold(run: Callable[[], object]) -> Callable[[], object]:
    """`run` with the engine's per-process caches emptied first: what a process pays the first
    time it meets a text (the other rows are warm, as a long-running daemon mostly is)."""
    import functools

    import monitor

    caches = [
        f
        for name, module in sys.modules.items()
        if name.startswith(monitor.__name__ + ".")
        for f in vars(module).values()
        if isinstance(f, functools._lru_cache_wrapper) and (f.cache_info().maxsize or 0) > 16
    ]  # the per-text caches; not the lexicons loaded once per process

    def run_cold() -> object:
        for f in caches:
            f.cache_clear()
        return run()

    return run_cold


def unchanged_short_circuit(old: bytes, new: bytes) -> Callable[[], object]:
    """What a check does with a new body whose text it has seen: normalise it, hash the text and
    compare with the stored version's hash (computed once, when that version was stored)."""
    stored_sha = text_sha256(normalize(old, "text/plain").text)

    def run() -> object:
        return text_sha256(normalize(new, "text/plain").text) == stored_sha

    return run


def percentile(values: list[float], q: float) -> float:
    """The q-quantile by linear interpolation (statistics.quantiles' "inclusive" method)."""
    xs = sorted(values)
    pos = (len(xs) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo)


def stages_ms(old: Path, new: Path) -> dict[str, float]:
    """One cold run of a pair, stage by stage."""
    t0 = time.perf_counter()
    a, b = load_document(old), load_document(new)
    t1 = time.perf_counter()
    ca, cb = segment(a), segment(b)
    t2 = time.perf_counter()
    changes = align(ca, cb)
    t3 = time.perf_counter()
    classify(changes)
    t4 = time.perf_counter()
    return {
        "normalise": (t1 - t0) * 1000,
        "segment": (t2 - t1) * 1000,
        "align": (t3 - t2) * 1000,
        "classify": (t4 - t3) * 1000,
        "changes": len(changes),
        "clauses": len(ca) + len(cb),
    }


def run_pairs(folder: Path, repeat: int) -> None:
    pairs = sorted((p, p.with_name(p.name.replace("-old", "-new"))) for p in folder.glob("*-old.*"))
    if not pairs:
        raise SystemExit(f"no NN-old.* / NN-new.* pairs in {folder}")
    for old, new in pairs:  # loads the lexicons (compiled on first use) as a long-lived process has
        diff_files(old, new)
    per_pair: list[tuple[float, Path, Path]] = []
    for old, new in pairs:
        ms = median_ms(cold(lambda old=old, new=new: diff_files(old, new)), repeat)
        per_pair.append((ms, old, new))
    times = [ms for ms, _, _ in per_pair]
    print(
        f"{len(pairs)} real pairs in {folder} ({min(p.stat().st_size for _, p, _ in per_pair) // 1000}-"
        f"{max(p.stat().st_size for _, p, _ in per_pair) // 1000} KB), diff_files in-process, caches cold,"
        f" median of {repeat} per pair:"
    )
    print(
        f"  p50 {percentile(times, 0.5):.1f} ms   p95 {percentile(times, 0.95):.1f} ms"
        f"   max {max(times):.1f} ms   total {sum(times):.0f} ms"
    )
    print("  slowest, by stage (one cold run each, ms):")
    for ms, old, new in sorted(per_pair, reverse=True)[:5]:
        st = cold(lambda old=old, new=new: stages_ms(old, new))()
        print(
            f"    {old.name:<14} {ms:7.1f}  normalise {st['normalise']:6.1f}  segment {st['segment']:6.1f}"
            f"  align {st['align']:6.1f}  classify {st['classify']:6.1f}"
            f"  ({st['clauses']} clauses, {st['changes']} changes)"
        )
    old, new = min(((o, n) for _, o, n in per_pair), key=lambda p: abs(p[0].stat().st_size - 50_000))
    cmd = [sys.executable, "-m", "monitor", "diff", str(old), str(new), "--json"]
    walls = command_walls(cmd, max(3, repeat), dict(os.environ))
    print(
        f"  `policy-monitor diff {old.name} {new.name} --json` ({old.stat().st_size // 1000} KB / "
        f"{new.stat().st_size // 1000} KB), wall with start-up: median {statistics.median(walls):.0f} ms,"
        f" min {min(walls):.0f} ms of {len(walls)}"
    )
    if sys.flags.dont_write_bytecode:
        # Here every process compiles the package's sources again; an installed package has
        # their bytecode (pip compiles it at install), so that is timed too, from a scratch cache.
        with tempfile.TemporaryDirectory() as cache:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            env["PYTHONPYCACHEPREFIX"] = cache
            subprocess.run(cmd, capture_output=True, cwd=ROOT, check=False, env=env)  # writes it
            walls = command_walls(cmd, max(3, repeat), env)
        print(
            f"    the same with the package's bytecode (PYTHONDONTWRITEBYTECODE is set here): median"
            f" {statistics.median(walls):.0f} ms, min {min(walls):.0f} ms of {len(walls)}"
        )


def command_walls(cmd: list[str], runs: int, env: dict[str, str]) -> list[float]:
    """Wall time (ms) of each of `runs` runs of the command."""
    walls = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=ROOT, check=False, env=env)
        walls.append((time.perf_counter() - t0) * 1000)
    return walls


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=15)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--pairs", type=Path, default=None, help="a folder of NN-old.* / NN-new.* real pairs")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    # timed as the daemon runs: with the lexicons' Hyperscan databases (built here if missing,
    # once, before any timing, by the warm-up pass; a short command only loads them)
    from monitor.lang import prefilter

    prefilter.allow_building()
    if args.pairs is not None:
        run_pairs(args.pairs, args.repeat)
        return

    seed = next((args.shared / "corpus" / "seeds").glob("002_*.txt"))
    text = seed.read_text(encoding="utf-8")
    base, edited, mixed = text.encode(), one_edit(text).encode(), shuffled(text).encode()

    rows: list[tuple[str, float]] = []
    rows.append(
        (
            "engine: 002 one edit (normalise+segment+align+classify)",
            median_ms(pipeline(base, edited), args.repeat),
        )
    )
    rows.append(
        (
            "engine: 002 one edit, caches cleared before each run",
            median_ms(cold(pipeline(base, edited)), args.repeat),
        )
    )
    rows.append(("engine: 002 30% moved + 10% edited", median_ms(pipeline(base, mixed), args.repeat)))
    rows.append(
        (
            "engine: 002 unchanged (hash short-circuit)",
            median_ms(unchanged_short_circuit(base, base), args.repeat),
        )
    )
    rows.append(
        (
            "engine: 002 unchanged, caches cleared before each run",
            median_ms(cold(unchanged_short_circuit(base, base)), args.repeat),
        )
    )
    rows.append(
        (
            "engine: 002 unchanged, identical bytes (sha256 only)",
            median_ms(lambda: text_sha256(text) == text_sha256(text), args.repeat),
        )
    )

    old_text, new_text = base.decode(), edited.decode()

    def dmp_diff(a: str, b: str) -> object:  # default 1 s timeout, as a caller would leave it
        return fast_diff_match_patch.diff(a, b, timelimit=1, checklines=False, cleanup="No", counts_only=True)

    rows.append(
        (
            "diff-match-patch whole-document char diff, one edit",
            median_ms(lambda: dmp_diff(old_text, new_text), max(3, args.repeat // 3)),
        )
    )
    rows.append(
        (
            "diff-match-patch whole-document char diff, shuffled",
            median_ms(lambda: dmp_diff(old_text, mixed.decode()), 3),
        )
    )
    old_lines, new_lines = old_text.splitlines(), new_text.splitlines()
    rows.append(
        (
            "difflib on lines, one edit",
            median_ms(lambda: list(difflib.unified_diff(old_lines, new_lines)), args.repeat),
        )
    )

    cases = sorted(d for d in (args.shared / "corpus" / "cases").iterdir() if (d / "expect.json").exists())

    def all_cases() -> None:
        for d in cases:
            diff_files(next(d.glob("old.*")), next(d.glob("new.*")))

    rows.append(
        (f"engine: all {len(cases)} shared cases, total", median_ms(all_cases, max(3, args.repeat // 3)))
    )

    width = max(len(name) for name, _ in rows)
    print(f"{'workload':<{width}}  median ms")
    for name, ms in rows:
        print(f"{name:<{width}}  {ms:9.2f}")


if __name__ == "__main__":
    main()
