#!/usr/bin/env python3
"""Instructions executed by the engine, counted by valgrind's cachegrind (run by hand, not in CI).

Wall and CPU time move with the load of a shared machine; instruction counts do not, so before /
after comparisons of a speed change are made in instructions:
  engine   `diff_files` on real version pairs (NN-old.html / NN-new.html in --pairs), the
           per-text caches emptied before each pair as bench/engine.py does: the count of a
           process that runs a warm-up pass plus --passes cold passes, minus one that runs only
           the warm-up, divided by --passes;
  diff     a whole `policy-monitor diff OLD NEW --json` process on one pair (start-up included).
--checkout DIR runs another checkout's code (e.g. `git worktree add /tmp/base <commit>`) with this
environment's packages, so two commits are compared in one run.

Usage: python bench/instructions.py --pairs DIR [--ids 49,36,24,16,35] [--passes 2] [--checkout DIR]
Needs `valgrind` (Debian: apt-get install valgrind).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

# Run inside the counted process: the checkout first on sys.path (the editable install's finder
# removed so it cannot win), then the workload.
_PRELUDE = """
import sys
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f)]
sys.path.insert(0, {root!r})
import monitor
assert monitor.__file__.startswith({root!r}), monitor.__file__
"""

_ENGINE = """
import functools
from pathlib import Path
from monitor.engine.pipeline import diff_files
pairs = [(Path({pairs!r}) / f"{{i}}-old.html", Path({pairs!r}) / f"{{i}}-new.html") for i in {ids!r}]
for old, new in pairs:
    diff_files(old, new)  # warm: lexicons, Hyperscan databases, compiled patterns
caches = [f for name, m in list(sys.modules.items()) if name.startswith("monitor.") for f in vars(m).values()
          if isinstance(f, functools._lru_cache_wrapper) and (f.cache_info().maxsize or 0) > 16]
for _ in range({passes}):
    for old, new in pairs:
        for f in caches:
            f.cache_clear()
        diff_files(old, new)
"""

_DIFF = """
from monitor.app.cli import main
sys.argv = ["policy-monitor", "diff", {old!r}, {new!r}, "--json"]
sys.exit(main())
"""


def instructions(code: str) -> int:
    """Instructions a `python -c code` process executes, from cachegrind's summary (exit 1 is
    `diff`'s answer for "material changes", not a failure)."""
    run = subprocess.run(
        [
            "valgrind",
            "--tool=cachegrind",
            "--cache-sim=no",
            "--cachegrind-out-file=/dev/null",
            sys.executable,
            "-c",
            code,
        ],
        capture_output=True,
        text=True,
    )
    if run.returncode not in (0, 1):
        raise SystemExit(f"the counted process failed ({run.returncode}):\n{run.stderr[-2000:]}")
    found = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    if found is None:
        raise SystemExit(f"no instruction count in valgrind's output:\n{run.stderr[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", required=True, help="a folder of NN-old.html / NN-new.html")
    ap.add_argument(
        "--ids", default="49,36,24,16,35", help="pair numbers, or 'all' (default: the five slowest)"
    )
    ap.add_argument("--passes", type=int, default=2, help="cold passes counted (default 2)")
    ap.add_argument("--diff-pair", default="36", help="the pair for the `diff` process (default 36, 49 KB)")
    ap.add_argument(
        "--checkout",
        default=str(Path(__file__).resolve().parents[1]),
        help="the checkout whose code runs (default: this one)",
    )
    args = ap.parse_args()
    pairs = Path(args.pairs).resolve()
    ids = (
        sorted(p.name.split("-")[0] for p in pairs.glob("*-old.html"))
        if args.ids == "all"
        else args.ids.split(",")
    )
    prelude = _PRELUDE.format(root=str(Path(args.checkout).resolve()))

    warm = instructions(prelude + _ENGINE.format(pairs=str(pairs), ids=ids, passes=0))
    counted = instructions(prelude + _ENGINE.format(pairs=str(pairs), ids=ids, passes=args.passes))
    per_pass = (counted - warm) / args.passes
    print(f"engine: {per_pass / 1e9:.3f} billion instructions a cold pass over pairs {','.join(ids)}")
    old, new = pairs / f"{args.diff_pair}-old.html", pairs / f"{args.diff_pair}-new.html"
    whole = instructions(prelude + _DIFF.format(old=str(old), new=str(new)))
    print(f"diff:   {whole / 1e9:.3f} billion instructions, `policy-monitor diff` on pair {args.diff_pair}")


if __name__ == "__main__":
    main()
