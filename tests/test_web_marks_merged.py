"""The version page marks every sentence of a re-written paragraph, not only its first.

The engine reports one re-written paragraph as one change (engine/hunks.py): the change stands
at its first clause and holds the text of the paragraph's clauses. The page that shows a version
with its changed clauses marked must mark all of them. Real parts: the engine's own comparison of
two Markdown versions and the new version's clauses as segmented.
"""

from __future__ import annotations

from types import SimpleNamespace

from monitor.app.read_models import changed_clauses
from monitor.engine.pipeline import compare_documents
from monitor.engine.segment import segment
from monitor.extract.normalize import normalize

OLD = (
    "# Deliveries\n\nOur vans leave the depot at six. Drivers ring the bell twice. Parcels are left "
    "with a neighbour.\n\nWe keep delivery notes for one year.\n"
)
NEW = (
    "# Deliveries\n\nThe vans set off from the depot at six. A driver rings the bell two times. "
    "A neighbour may take the parcel in.\n\nWe keep delivery notes for one year.\n"
)


def test_every_sentence_of_a_rewritten_paragraph_is_marked() -> None:
    old_doc, new_doc = normalize(OLD.encode(), "text/markdown"), normalize(NEW.encode(), "text/markdown")
    changes = compare_documents(old_doc, new_doc).changes
    assert len(changes) == 1  # one paragraph re-written: one change
    clauses = segment(new_doc)
    marked = changed_clauses(SimpleNamespace(clauses=clauses), changes)  # type: ignore[arg-type]
    texts = {c.text for c in clauses if c.index in marked}
    assert texts == {
        "The vans set off from the depot at six.",
        "A driver rings the bell two times.",
        "A neighbour may take the parcel in.",
    }
