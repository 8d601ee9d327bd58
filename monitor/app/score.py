"""Score the engine on labelled version pairs: `policy-monitor score DIR...`.

In: folders of cases, each holding `old.<ext>`, `new.<ext>` and `expect.json` (format in
docs/labelled-cases.md). Out: a `Score` (per-case verdicts, alert precision and recall, category
recall, noise violations). The engine runs in-process through `monitor.engine.diff_files`, the
same call as `policy-monitor diff`, so a score says what the CLI and the alerts would say.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class CaseResult:
    case: str
    ok: bool
    problems: list[str]
    seconds: float
    alerted: bool = False
    categories: list[str] = field(default_factory=list)
    n_changes: int = 0


@dataclass
class Score:
    cases: list[CaseResult]
    true_alerts: int = 0
    false_alerts: int = 0
    missed_alerts: int = 0
    categories_wanted: int = 0
    categories_found: int = 0
    noise_violations: int = 0

    @property
    def passed(self) -> int:
        return sum(c.ok for c in self.cases)

    @property
    def precision(self) -> float:
        flagged = self.true_alerts + self.false_alerts
        return self.true_alerts / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        wanted = self.true_alerts + self.missed_alerts
        return self.true_alerts / wanted if wanted else 0.0

    @property
    def category_recall(self) -> float:
        return self.categories_found / self.categories_wanted if self.categories_wanted else 0.0

    def summary_line(self) -> str:
        return (
            f"score: {self.passed}/{len(self.cases)} cases pass; alert precision {self.precision:.2f} "
            f"recall {self.recall:.2f}; category recall {self.category_recall:.2f}; "
            f"noise violations {self.noise_violations}"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "summary": {
                "cases": len(self.cases),
                "passed": self.passed,
                "alert_precision": round(self.precision, 3),
                "alert_recall": round(self.recall, 3),
                "category_recall": round(self.category_recall, 3),
                "noise_violations": self.noise_violations,
            },
            "cases": [vars(c) for c in self.cases],
        }


def find_cases(roots: Iterable[Path]) -> list[Path]:
    """Every case folder named, or found one level below a named folder, sorted by name."""
    found: list[Path] = []
    for root in roots:
        candidates = [root] if (root / "expect.json").exists() else sorted(root.iterdir())
        found.extend(d for d in candidates if (d / "expect.json").exists())
    return sorted(found, key=lambda d: d.name)


def judge(expect: dict[str, Any], changes: Sequence[dict[str, Any]]) -> list[str]:
    """What is wrong with one case's changes, in words (nothing: it passes)."""
    problems = []
    material = [c for c in changes if c["material"]]
    got = {k for c in material for k in c["categories"]}
    if bool(material) != expect["material"]:
        problems.append(
            "missed alert"
            if expect["material"]
            else f"false alert ({', '.join(sorted(got)) or 'no category'})"
        )
    missing = [k for k in expect.get("categories", []) if k not in got]
    if expect["material"] and missing:
        problems.append(f"missing categories {missing} (got {sorted(got)})")
    if "max_changes" in expect and len(changes) > expect["max_changes"]:
        problems.append(f"{len(changes)} changes reported, at most {expect['max_changes']} expected")
    for kind, wanted in (expect.get("kinds") or {}).items():
        have = sum(1 for c in changes if c["kind"] == kind)
        if have < wanted:
            problems.append(f"{have} '{kind}' changes, {wanted} expected")
    return problems


def score_cases(case_dirs: Sequence[Path]) -> Score:
    from monitor.engine import diff_files

    score = Score(cases=[])
    for case in case_dirs:
        expect = json.loads((case / "expect.json").read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        crashed = False
        try:
            changes = diff_files(next(case.glob("old.*")), next(case.glob("new.*"))).to_dict()["changes"]
            problems = judge(expect, changes)
        except Exception as e:  # noqa: BLE001 - a crash is a failed case, and says why
            changes, problems, crashed = [], [f"error: {type(e).__name__}: {e}"], True
        got = sorted({k for c in changes if c["material"] for k in c["categories"]})
        # a crash on a quiet change is not a quiet run: it counts as a false alert, as in CI's scorer
        alerted = crashed or any(c["material"] for c in changes)
        if expect["material"]:
            score.true_alerts += alerted and not crashed
            score.missed_alerts += not alerted or crashed
            score.categories_wanted += len(expect.get("categories", []))
            score.categories_found += sum(k in got for k in expect.get("categories", []))
        else:
            score.false_alerts += alerted
        if "max_changes" in expect and len(changes) > expect["max_changes"]:
            score.noise_violations += 1
        score.cases.append(
            CaseResult(
                case.name,
                not problems,
                problems,
                round(time.perf_counter() - t0, 3),
                alerted,
                got,
                len(changes),
            )
        )
    return score
