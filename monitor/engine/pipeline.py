"""The clause engine as one call: two versions in, a DiffResult out.

normalize (normalize.py) -> segment (segment.py) -> align (align.py) -> classify (classify.py).
The daemon's check stage and `policy-monitor diff` both come through here, so what the CLI
reports for two files is what an alert would say for two fetches.

In: file paths, raw bodies, Documents or stored Clauses. Out: DiffResult (models.py), whose
`to_dict()` is the JSON of shared/eval/diff-contract.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from monitor.engine.align import align
from monitor.engine.classify import classify
from monitor.engine.segment import segment
from monitor.errors import InputError
from monitor.extract.normalize import MAX_INPUT_BYTES, normalize, sniff_content_type
from monitor.lang.detect import document_language
from monitor.models import Clause, DiffResult, Document, VersionInfo
from monitor.models import sha256_hex as text_sha256  # the one sha256 helper, under the engine's name

__all__ = [
    "analyse",
    "compare",
    "compare_documents",
    "diff_files",
    "document_language",
    "load_document",
    "text_sha256",
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


def analyse(doc: Document, language_hint: str | None = None) -> list[Clause]:
    """The clauses of a normalised document."""
    return segment(doc, language_hint)


def compare(
    old_clauses: Sequence[Clause],
    new_clauses: Sequence[Clause],
    *,
    old_text: str,
    new_text: str,
) -> DiffResult:
    """Align and classify two clause sequences; equal texts short-circuit to no changes."""
    old_sha, new_sha = text_sha256(old_text), text_sha256(new_text)
    changes = (
        [] if old_sha == new_sha else classify(align(old_clauses, new_clauses), old_clauses, new_clauses)
    )
    return DiffResult(
        old=VersionInfo(old_sha, len(old_clauses), document_language(old_clauses)),
        new=VersionInfo(new_sha, len(new_clauses), document_language(new_clauses)),
        changes=changes,
    )


def compare_documents(old: Document, new: Document) -> DiffResult:
    """Segment (once when the texts are equal), align and classify two normalised documents."""
    old_clauses = analyse(old)
    new_clauses = old_clauses if new.text == old.text else analyse(new)
    return compare(old_clauses, new_clauses, old_text=old.text, new_text=new.text)


def diff_files(old_path: str | Path, new_path: str | Path) -> DiffResult:
    """What `policy-monitor diff OLD NEW` reports for two files."""
    return compare_documents(load_document(old_path), load_document(new_path))
