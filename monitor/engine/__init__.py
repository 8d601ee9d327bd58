"""The clause engine: two versions in, a `DiffResult` (models.py) out.

Stages, in the order the data flows:
- `segment.py`  Document -> Clauses (sections, numbered items, sentences)
- `align.py`    old Clauses + new Clauses -> Changes (added, removed, modified, moved)
- `facts.py`    one clause -> the facts it states (durations, recipients, places, ages, ...)
- `classify/`   Changes -> material or not, categories, severity (one module per kind of check,
                listed in its docstring); `restated.py` answers whether a term still stands
                elsewhere in a version, `tokendiff.py` diffs a clause's words
- `explain.py`  the findings -> one plain sentence per change (`subject.py` names what it is about)
- `pipeline.py` the whole run as one call, used by the check stage and `policy-monitor diff`

The public calls (pipeline.__all__) are loaded when first asked for: importing one stage (a check
imports segment for a first version) does not load the others (align and classify, ~30 ms,
which only a comparison needs).
"""

from __future__ import annotations

from typing import Any

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


def __getattr__(name: str) -> Any:
    if name in __all__:
        from monitor.engine import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'monitor.engine' has no attribute {name!r}")
