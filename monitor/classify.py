"""Classify: aligned Changes -> Changes with categories, facts, material, severity, explanation.

INTERFACE STUB, implemented by the classify helper.
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Change


def classify(changes: Sequence[Change]) -> list[Change]:
    raise NotImplementedError


def clause_categories(text: str, language: str) -> list[str]:
    """The categories a single clause is about (used for added/removed clauses and for routing)."""
    raise NotImplementedError
