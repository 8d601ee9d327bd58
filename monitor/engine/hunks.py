"""One re-written paragraph, one change: the classified changes of consecutive clauses of one
paragraph grouped into a single Change.

A policy re-written in place changes several sentences of one paragraph (or of one table row,
one list item, one address block) at once: each sentence re-worded, one dropped, one joined to
the next, one added. Reported sentence by sentence, one edit reads as three or four changes,
most of them "re-worded; no term changed". A reader (and a labeller) sees one edit.

Two changes join when their clauses follow each other in one version (no clause between them)
on the same line of the normalised text (one paragraph, list item or table row), in the same
section; so do two edits of one paragraph with unchanged sentences between them, when in each
version that has both their clauses stand on the same line (one bullet re-worded in its first
and its last sentence is one edit); a short line of its own (a caption over a table, a table
head, an address line, a label) joins the change after it. A heading stays a change of its own
(a section's title), and so does a moved clause (moved text is reported where it went).

In: the classified Changes in document order (classify/), both versions' clauses and texts.
Out: the same changes with each group merged: kind `modified` (`added` / `removed` when every
clause of it was), the texts joined on each side, material when any part is, its categories,
facts and explanation those of the material parts (of all parts when none is), the highest
severity. What a paragraph says is judged sentence by sentence first, so grouping never makes a
change material or quiet: only fewer changes are reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.engine.align import inline_diff
from monitor.engine.classify.findings import _ordered
from monitor.engine.explain import one_sentence
from monitor.models import Change, Clause, Context, Fact, new_clause, severity_rank, with_deferred_inline

# a quiet run whose parts were explained differently, by what was done to it
QUIET_RUN = {
    "modified": "Paragraph re-worded; no term changed",
    "removed": "Clauses removed (no policy term)",
    "added": "New clauses (no policy term)",
}
LABEL_WORDS = 8  # a line of its own this short is a label, caption, table head or address line


def group_runs(
    changes: Sequence[Change],
    old_clauses: Sequence[Clause],
    new_clauses: Sequence[Clause],
    old_text: str,
    new_text: str,
) -> list[Change]:
    """The changes with each run of consecutive changed clauses of one paragraph merged."""
    if len(changes) < 2:
        return list(changes)
    sides = {
        "old": _Side(old_clauses, _lines(old_clauses, old_text)),
        "new": _Side(new_clauses, _lines(new_clauses, new_text)),
    }
    parent = list(range(len(changes)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    pairs = [
        *_neighbours(changes, sides),
        *_replaced_in_place(changes, sides),
        *_one_paragraph(changes, sides),
    ]
    for a, b in pairs:
        parent[root(b)] = root(a)
    runs: dict[int, list[Change]] = {}
    for k, change in enumerate(changes):
        runs.setdefault(root(k), []).append(change)
    return [run[0] if len(run) == 1 else _merged(run) for run in runs.values()]


@dataclass(frozen=True)
class _Side:
    """One version: its clauses and the line each stands on."""

    clauses: Sequence[Clause]
    lines: list[int | None]

    def line(self, clause: Clause) -> int | None:
        return self.lines[clause.index] if 0 <= clause.index < len(self.lines) else None

    def alone(self, clause: Clause) -> bool:
        """The clause is a line of its own (a paragraph of one sentence, a label)."""
        line = self.line(clause)
        k = clause.index
        return line is not None and all(
            not (0 <= n < len(self.lines)) or self.lines[n] != line for n in (k - 1, k + 1)
        )

    def is_label(self, clause: Clause) -> bool:
        """The clause is a short line of its own: a label, caption, table head, address line."""
        return len(clause.text.split()) <= LABEL_WORDS and self.alone(clause)

    def beside(self, clause: Clause, step: int) -> Clause | None:
        """The clause just before (step -1) or after (+1) on the same line, if any."""
        n = clause.index + step
        if not (0 <= n < len(self.clauses)) or self.clauses[n].index != n:
            return None
        line = self.line(clause)
        return self.clauses[n] if line is not None and self.lines[n] == line else None


def _lines(clauses: Sequence[Clause], text: str) -> list[int | None]:
    """The line of the normalised text (one paragraph, list item, row or heading each) that
    each clause stands on, found in reading order; None where its text is not found."""
    out: list[int | None] = []
    at, line = 0, 0
    for clause in clauses:
        found = text.find(clause.text, at) if clause.text else -1
        if found < 0:
            out.append(None)
            continue
        line += text.count("\n", at, found)
        out.append(line)
        at = found + len(clause.text)
        line += text.count("\n", found, at)
    return out


def _groupable(change: Change) -> bool:
    """A change that may stand in a run: not a move, not a heading."""
    if change.kind == "moved":
        return False
    return not any(c is not None and c.is_heading for c in (change.old, change.new))


def _neighbours(changes: Sequence[Change], sides: dict[str, _Side]) -> list[tuple[int, int]]:
    """Pairs of changes (positions) that follow each other in one version with no other clause
    between them, in the same section, on the same line there (or the first a short line of its
    own: a caption over a table row, a label over its text, an address line before the next) and,
    where both have a clause in the other version too, in the same order there. A short line
    joins what follows it, never what precedes it, so one cannot chain two paragraphs into one."""
    pairs = []
    for name, side in sides.items():
        held = sorted(
            (clause.index, k)
            for k, change in enumerate(changes)
            if _groupable(change) and (clause := getattr(change, name)) is not None
        )
        for (i, a), (j, b) in zip(held, held[1:], strict=False):
            first, second = getattr(changes[a], name), getattr(changes[b], name)
            if j != i + 1 or first.section != second.section or not _indexed(side.clauses, (i, j)):
                continue
            if not _in_order(changes[a], changes[b], "new" if name == "old" else "old"):
                continue
            line = side.line(first)
            if (line is not None and line == side.line(second)) or _label(changes[a], sides):
                pairs.append((a, b))
    return pairs


def _one_paragraph(changes: Sequence[Change], sides: dict[str, _Side]) -> list[tuple[int, int]]:
    """Pairs of changes (positions) next to each other among the changes, whose clauses stand on
    one line (paragraph, list item, row) of every version that has both, in the same section and
    the same order: edits of one paragraph with unchanged sentences between them."""
    pairs = []
    for k in range(len(changes) - 1):
        first, second = changes[k], changes[k + 1]
        if not (_groupable(first) and _groupable(second)):
            continue
        shared = 0
        for name, side in sides.items():
            a, b = getattr(first, name), getattr(second, name)
            if a is None or b is None:
                continue
            line = side.line(a)
            if line is None or line != side.line(b) or a.section != b.section or a.index >= b.index:
                break
            shared += 1
        else:
            if shared:
                pairs.append((k, k + 1))
    return pairs


def _replaced_in_place(changes: Sequence[Change], sides: dict[str, _Side]) -> list[tuple[int, int]]:
    """Pairs of a clause removed and one added next to it in the changes, at the same place of a
    paragraph: one sentence replaced by another (too unlike to be paired as an edit). The same
    place: each is a paragraph of its own, or the clause before them (or after them) is the same
    text on the same line in both versions."""
    pairs = []
    for k in range(len(changes) - 1):
        first, second = changes[k], changes[k + 1]
        kinds = {first.kind, second.kind}
        if kinds != {"added", "removed"} or not (_groupable(first) and _groupable(second)):
            continue
        gone = first.old if first.kind == "removed" else second.old
        came = first.new if first.kind == "added" else second.new
        if gone is None or came is None or gone.section != came.section:
            continue
        if _same_place(gone, came, sides["old"], sides["new"]):
            pairs.append((k, k + 1))
    return pairs


def _same_place(gone: Clause, came: Clause, old: _Side, new: _Side) -> bool:
    """`gone` (old version) and `came` (new) stand at the same place of a paragraph."""
    if old.alone(gone) and new.alone(came):
        return True
    for step in (-1, 1):
        a, b = old.beside(gone, step), new.beside(came, step)
        if a is not None and b is not None and a.text == b.text:
            return True
    return False


def _in_order(first: Change, second: Change, name: str) -> bool:
    """Where both changes have a clause in version `name`, the first one's comes first."""
    a, b = getattr(first, name), getattr(second, name)
    return a is None or b is None or a.index < b.index


def _label(change: Change, sides: dict[str, _Side]) -> bool:
    """Every clause of the change is a short line of its own."""
    clauses = [(sides[n], c) for n in ("old", "new") if (c := getattr(change, n)) is not None]
    return bool(clauses) and all(side.is_label(c) for side, c in clauses)


def _indexed(clauses: Sequence[Clause], places: tuple[int, ...]) -> bool:
    """The indices name the clauses at those places (clauses indexed by position)."""
    return all(0 <= k < len(clauses) and clauses[k].index == k for k in places)


def _merged(run: list[Change]) -> Change:
    """One change for a run: texts joined, the findings of its material parts."""
    olds = sorted((c.old for c in run if c.old is not None), key=lambda c: c.index)
    news = sorted((c.new for c in run if c.new is not None), key=lambda c: c.index)
    old, new = _joined(olds), _joined(news)
    kind = "modified" if old is not None and new is not None else run[0].kind
    material = [c for c in run if c.material]
    telling = material or run
    facts: list[Fact] = []
    for c in telling:
        facts.extend(f for f in c.facts if f not in facts)
    explanations = list(dict.fromkeys(c.explanation for c in telling if c.explanation))
    if material or len(explanations) == 1:
        explanation = one_sentence(explanations)
    else:
        explanation = QUIET_RUN.get(kind, QUIET_RUN["modified"])
    severity = max((c.severity for c in material), key=severity_rank, default="none")
    merged = Change(
        kind=kind,  # type: ignore[arg-type]
        old=old,
        new=new,
        categories=_ordered([k for c in telling for k in c.categories]),
        facts=facts,
        material=bool(material),
        severity=severity,  # type: ignore[arg-type]
        explanation=explanation,
        context=_outer_context(run),
    )
    if old is None or new is None:
        return merged
    return with_deferred_inline(merged, inline_diff, old.text, new.text)  # computed when read


def _joined(clauses: list[Clause]) -> Clause | None:
    """The clauses of one side as one: their texts joined, the first one's place."""
    if not clauses:
        return None
    first = clauses[0]
    text = " ".join(c.text for c in clauses)
    return new_clause(first.index, text, first.section, first.marker, "", first.language, False)


def _outer_context(run: list[Change]) -> Context | None:
    """What stands before the run's first clause and after its last, on the side shown."""
    new_side = any(c.new is not None for c in run)
    shown = [c for c in run if c.context is not None and (c.new is not None or not new_side)]
    if not shown:
        return None
    return Context(before=shown[0].context.before, after=shown[-1].context.after)  # type: ignore[union-attr]
