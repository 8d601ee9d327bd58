#!/usr/bin/env python3
"""The engine's verdicts on every labelled and real pair, written out for an identity check
(run by hand, not in CI): a speed change must leave this file byte-identical.

Inputs: every case of ../shared/corpus/cases and ../shared/corpus/realworld (old.* / new.*),
the real version pairs of --pairs (NN-old.html / NN-new.html: the pairs/ folder of
../shared/bench/realdocs/realdocs-1000.tar.xz), and of each --extra folder laid out either way.
Out: JSON, one entry per pair: every change (kind, both texts, material, severity, categories,
facts, explanation) and, for the real pairs, the facts of each changed clause's texts as
extract_facts reads them.

Usage: python bench/verdicts.py OUT.json [--pairs DIR] [--shared ../shared] [--extra DIR ...]
       then `cmp BEFORE.json AFTER.json` (for BEFORE, run a copy of this file placed in a
       checkout of the older commit, e.g. `git worktree add /tmp/base COMMIT`, with this venv)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# this checkout's code, even where another checkout is installed in editable mode (so a copy of
# this script in an older checkout dumps that checkout's verdicts)
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f)]
sys.path.insert(0, str(ROOT))

import monitor  # noqa: E402
from monitor.engine.facts import extract_facts  # noqa: E402
from monitor.engine.pipeline import diff_files  # noqa: E402
from monitor.models import Change  # noqa: E402


def plain(value: Any) -> Any:
    """A JSON-able value with sets sorted, so that two runs compare byte for byte."""
    if isinstance(value, (set, frozenset)):
        return sorted(repr(plain(x)) for x in value)
    if isinstance(value, dict):
        return {str(k): plain(x) for k, x in sorted(value.items())}
    if isinstance(value, (tuple, list)):
        return [plain(x) for x in value]
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    return value


def change_entry(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "old": change.old.text if change.old else None,
        "new": change.new.text if change.new else None,
        "material": change.material,
        "severity": change.severity,
        "categories": list(change.categories),
        "facts": [plain(f) for f in change.facts],
        "explanation": change.explanation,
    }


def clause_facts(change: Change) -> list[Any]:
    return [plain(extract_facts(c.text, c.language)) for c in (change.old, change.new) if c is not None]


def pair_files(folder: Path) -> list[tuple[str, Path, Path]]:
    """(name, old, new) for NN-old.* / NN-new.* files and for case folders holding old.* / new.*."""
    found = []
    for old in sorted(folder.glob("*-old.*")):
        new = next(iter(folder.glob(old.name.replace("-old.", "-new.").rsplit(".", 1)[0] + ".*")), None)
        if new is not None:
            found.append((old.name.rsplit("-old.", 1)[0], old, new))
    for case in sorted(p for p in folder.iterdir() if p.is_dir()):
        olds, news = sorted(case.glob("old.*")), sorted(case.glob("new.*"))
        if olds and news:
            found.append((case.name, olds[0], news[0]))
    return found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--pairs", help="a folder of real NN-old.html / NN-new.html pairs")
    ap.add_argument("--extra", action="append", default=[], help="more folders of pairs or cases")
    args = ap.parse_args()
    shared = Path(args.shared) / "corpus"
    folders = [(f"corpus/{name}", shared / name, False) for name in ("cases", "realworld")]
    if args.pairs:
        folders.append(("real", Path(args.pairs), True))
    folders += [(str(Path(extra)), Path(extra), True) for extra in args.extra]
    out: dict[str, Any] = {}
    for label, folder, with_facts in folders:
        if not folder.is_dir():
            raise SystemExit(f"{folder}: no such folder")
        for name, old, new in pair_files(folder):
            changes = diff_files(old, new).changes
            out[f"{label}/{name}"] = [change_entry(c) for c in changes]
            if with_facts:
                out[f"{label}/{name}/facts"] = [clause_facts(c) for c in changes]
    Path(args.out).write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True))
    code = Path(monitor.__file__).parent
    counted = sum(len(v) for v in out.values())
    print(f"{len(out)} entries, {counted} changes or fact lists -> {args.out} (code: {code})")


if __name__ == "__main__":
    main()
