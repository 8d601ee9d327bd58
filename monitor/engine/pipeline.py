"""The clause engine as one call: two versions in, a DiffResult out.

normalize (normalize.py) -> segment (segment.py) -> align (align.py) -> classify (classify/)
-> runs of consecutive changed clauses grouped, one change per re-written passage (hunks.py).
The daemon's check stage and `policy-monitor diff` both come through here, so what the CLI
reports for two files is what an alert would say for two fetches.

In: file paths, raw bodies, Documents or stored Clauses. Out: DiffResult (models.py), whose
`to_dict()` is the JSON of shared/eval/diff-contract.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from monitor.engine.segment import clause_key, segment
from monitor.errors import InputError
from monitor.extract.normalize import MAX_INPUT_BYTES, normalize, sniff_content_type
from monitor.lang.detect import document_language
from monitor.models import Change, Clause, Context, DiffResult, Document, VersionInfo
from monitor.models import sha256_hex as text_sha256  # the one sha256 helper, under the engine's name

__all__ = [
    "analyse",
    "compare",
    "compare_documents",
    "context_of",
    "diff_files",
    "document_language",
    "load_document",
    "text_sha256",
    "with_keys",
]


def load_document(path: str | Path) -> Document:
    """Read a file (at most MAX_INPUT_BYTES of it) and normalise it by its type."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            body = f.read(MAX_INPUT_BYTES + 1)
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e.strerror or e}") from None
    if len(body) > MAX_INPUT_BYTES:
        raise InputError(f"{path}: larger than {MAX_INPUT_BYTES // 2**20} MiB, the most the engine reads")
    try:
        return normalize(body, sniff_content_type(body, path.name))
    except InputError as e:
        raise InputError(f"{path}: {e}") from None


def analyse(doc: Document, language_hint: str | None = None, *, keys: bool = True) -> list[Clause]:
    """The clauses of a normalised document; without their comparison keys if `keys` is False
    (see segment: for a version that is only stored; `with_keys` adds them)."""
    return segment(doc, language_hint, keys=keys)


def with_keys(clauses: Sequence[Clause]) -> list[Clause]:
    """The clauses with their comparison keys (computed again: a key is a function of the text)."""
    return [replace(c, key=clause_key(c.text)) for c in clauses]


def compare(
    old_clauses: Sequence[Clause],
    new_clauses: Sequence[Clause],
    *,
    old_text: str,
    new_text: str,
) -> DiffResult:
    """Align and classify two clause sequences; equal texts short-circuit to no changes."""
    # Here, not at the top: a check that only stores a first version never loads them (~30 ms).
    from monitor.engine.align import align
    from monitor.engine.classify import classify
    from monitor.engine.hunks import group_runs

    old_sha, new_sha = text_sha256(old_text), text_sha256(new_text)
    changes = (
        [] if old_sha == new_sha else classify(align(old_clauses, new_clauses), old_clauses, new_clauses)
    )
    changes = with_context(changes, old_clauses, new_clauses)
    changes = group_runs(changes, old_clauses, new_clauses, old_text, new_text)
    return DiffResult(
        old=VersionInfo(old_sha, len(old_clauses), document_language(old_clauses)),
        new=VersionInfo(new_sha, len(new_clauses), document_language(new_clauses)),
        changes=changes,
    )


CONTEXT_LIMIT = 600  # characters of each neighbouring clause an alert carries


def context_of(clause: Clause, clauses: Sequence[Clause], limit: int | None = CONTEXT_LIMIT) -> Context:
    """The clauses just before and after `clause` in its version, when they stand in the same
    section and are no headings: the paragraph a changed sentence sits in, as far as the clauses
    tell it. Each is cut to `limit` characters (None: whole)."""
    at = {c.index: c for c in clauses[max(0, clause.index - 1) : clause.index + 2]}
    if clause.index not in at:  # clauses not indexed by position: look them up
        at = {c.index: c for c in clauses}

    def near(index: int) -> str | None:
        c = at.get(index)
        if c is None or c.is_heading or c.section != clause.section:
            return None
        return c.text if limit is None or len(c.text) <= limit else c.text[: limit - 1] + "…"

    return Context(before=near(clause.index - 1), after=near(clause.index + 1))


def with_context(
    changes: Sequence[Change], old_clauses: Sequence[Clause], new_clauses: Sequence[Clause]
) -> list[Change]:
    """The changes with the text around each: in the new version, or the old for a removal."""
    out = []
    for change in changes:
        side, clauses = (change.new, new_clauses) if change.new is not None else (change.old, old_clauses)
        out.append(change if side is None else change.replaced(context=context_of(side, clauses)))
    return out


def compare_documents(old: Document, new: Document) -> DiffResult:
    """Segment (once when the texts are equal), align and classify two normalised documents."""
    old_clauses = analyse(old)
    new_clauses = old_clauses if new.text == old.text else analyse(new)
    return compare(old_clauses, new_clauses, old_text=old.text, new_text=new.text)


def diff_files(old_path: str | Path, new_path: str | Path) -> DiffResult:
    """What `policy-monitor diff OLD NEW` reports for two files."""
    return compare_documents(load_document(old_path), load_document(new_path))
