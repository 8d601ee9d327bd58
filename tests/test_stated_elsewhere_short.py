"""A short promise said twice, in a summary and in its section, and removed from one place still
stands in the other: "We never sell your data." is no less said for being short. A short promise
removed from the only place it stood is still a dropped promise."""

from __future__ import annotations

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change

SUMMARY = "## At a glance\n- We never rent your data.\n- Deleting your account erases your photos.\n\n"
BODY = (
    "## Sharing\nWe never rent your data. Couriers receive your address to deliver your parcel.\n\n"
    "## Deletion\nDeleting your account erases your photos within a week.\n"
)


def _changes(old: str, new: str) -> list[Change]:
    page = lambda text: normalize(("# Privacy notice\n\n" + text).encode(), "text/markdown")  # noqa: E731
    return compare_documents(page(old), page(new)).changes


def test_a_short_promise_dropped_from_the_summary_still_stands_in_its_section() -> None:
    changes = _changes(SUMMARY + BODY, BODY)
    assert changes
    assert not any(c.material for c in changes), [c.explanation for c in changes]


def test_a_short_promise_dropped_from_its_only_place_is_material() -> None:
    body_without = BODY.replace("We never rent your data. ", "")
    changes = _changes(BODY, body_without)
    assert any(c.material and "sharing" in c.categories for c in changes)
