"""Segment: Document -> Clauses (text, section path, list marker, index, comparison key).

INTERFACE STUB, implemented by the normalise/segment helper.
"""

from __future__ import annotations

from .models import Clause, Document


def segment(doc: Document) -> list[Clause]:
    raise NotImplementedError


def clause_key(text: str) -> str:
    """The comparison key: text folded (case, punctuation, spacing) so equal keys mean same clause."""
    raise NotImplementedError
