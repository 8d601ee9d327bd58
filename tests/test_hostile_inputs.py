"""Hostile pages stay bounded: the work is cut structurally (budgets, local searches), and the
answers real documents get are unchanged."""

from __future__ import annotations

from difflib import SequenceMatcher

import pytest

from monitor.engine import align as align_module
from monitor.engine.align import align
from monitor.engine.segment import clause_key, split_sentences
from monitor.models import Clause


def _clauses(texts: list[str]) -> list[Clause]:
    return [
        Clause(index=i, text=t, section=(), marker=None, key=clause_key(t), language="en", is_heading=False)
        for i, t in enumerate(texts)
    ]


def _gap_ranges(gaps: list[align_module._Gap]) -> list[tuple[list[int], list[int]]]:
    return [(g.old, g.new) for g in gaps]


def _exact_gap_ranges(old: list[str], new: list[str]) -> list[tuple[list[int], list[int]]]:
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    return [(list(range(i1, i2)), list(range(j1, j2))) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]


def _rows(n: int) -> list[str]:
    return [f"Invoice copies for account {i} are kept {i % 5 + 2} years." for i in range(n)]


def test_within_the_scan_budget_the_unchanged_clauses_are_sequencematchers() -> None:
    old = _rows(300)
    new = [t.replace("kept", "stored") if i % 40 == 7 else t for i, t in enumerate(old)]
    old_c, new_c = _clauses(old), _clauses(new)
    assert _gap_ranges(align_module._gaps(old_c, new_c)) == _exact_gap_ranges(
        [c.key for c in old_c], [c.key for c in new_c]
    )


def test_edits_spread_through_a_vast_page_stop_the_exact_search_and_keep_every_edit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Every 25th row edited: the exact search scans the rest of the page beside each match.
    old = _rows(2_000)
    new = [t.replace("kept", "stored") if i % 25 == 3 else t for i, t in enumerate(old)]
    old_keys, new_keys = [clause_key(t) for t in old], [clause_key(t) for t in new]
    monkeypatch.setattr(align_module, "MATCH_SCAN_BUDGET", 50_000)
    with pytest.raises(align_module._OverBudget):
        align_module._BudgetedMatcher(old_keys, new_keys).get_matching_blocks()

    changes = align(_clauses(old), _clauses(new))
    assert [(c.kind, c.old.index, c.new.index) for c in changes] == [  # type: ignore[union-attr]
        ("modified", i, i) for i in range(3, 2_000, 25)
    ]


def test_past_the_budget_repeated_rows_keep_their_place_around_a_moved_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = ["Session cookie, ends with the browser."] * 40
    old = ["Our data protection officer answers within a month.", *rows, "Analytics cookie, kept 2 years."]
    new = [*rows[:20], old[-1], *rows[20:], old[0]]
    monkeypatch.setattr(align_module, "MATCH_SCAN_BUDGET", 0)
    changes = align(_clauses(old), _clauses(new))
    assert sorted((c.kind, c.old.text) for c in changes) == [  # type: ignore[union-attr]
        ("moved", "Analytics cookie, kept 2 years."),
        ("moved", "Our data protection officer answers within a month."),
    ]


class _ScanCountingText(str):
    """A paragraph that counts the characters its backward searches walk (from the end of the
    range back to what they find, or to the range's start)."""

    scanned = 0

    def rfind(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        lo, hi = start or 0, len(self) if end is None else end
        found = super().rfind(sub, lo, hi)
        _ScanCountingText.scanned += max(hi - (found if found >= 0 else lo), 0)
        return found


def test_a_full_stop_looks_back_only_over_its_own_word() -> None:
    text = "Requests go to the team, e.g. by post, i.e. in writing, etc. and Dr. Lee answers. " * 300
    counted = _ScanCountingText(text)
    _ScanCountingText.scanned = 0
    sentences = split_sentences(counted)
    assert sentences == split_sentences(text)
    # without the bound each full stop searched back to the paragraph's start for a "("
    assert _ScanCountingText.scanned < 4 * len(text)


def test_a_bracket_still_starts_the_abbreviation_after_it() -> None:
    text = "Write to us (e.g. by post) and we answer. Mail from (Dr. Lee) is read first. We keep it."
    assert split_sentences(text, merge_fragments=False) == [
        "Write to us (e.g. by post) and we answer.",
        "Mail from (Dr. Lee) is read first.",
        "We keep it.",
    ]
