"""A change's inline diff is computed when first read (models.with_deferred_inline): what is
read is what computing it at once gives, a copy of the change carries it unread, and the engine
leaves the diffs of clause pairs merged into a paragraph's change uncomputed."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle

from monitor.engine.align import align, inline_diff
from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change, Clause, copy_with, new_clause, with_deferred_inline

OLD = (
    "# Sharing\n\n"
    "We share your address with couriers. They deliver parcels to you. We check them every year.\n\n"
    "# Keeping data\n\nWe keep invoices for six years.\n"
)
NEW = (
    "# Sharing\n\n"
    "We share your address and phone number with couriers and with partners. They deliver "
    "parcels and letters to you. We audit them every two years.\n\n"
    "# Keeping data\n\nWe keep invoices for ten years.\n"
)


def _clause(index: int, text: str) -> Clause:
    return new_clause(index, text, ("Terms",), None, text.lower(), "en", False)


def _counted() -> tuple[list[tuple[str, str]], object]:
    calls: list[tuple[str, str]] = []

    def make(a: str, b: str) -> list[tuple[int, str]]:
        calls.append((a, b))
        return inline_diff(a, b)

    return calls, make


def test_a_deferred_diff_is_the_diff_computed_at_once() -> None:
    old, new = "We keep your data for 3 years.", "We keep your data for 10 years, then delete it."
    calls, make = _counted()
    change = with_deferred_inline(Change("modified", _clause(0, old), _clause(0, new)), make, old, new)
    assert change.inline_pending() and not calls
    assert change.inline == inline_diff(old, new)
    assert change.inline == inline_diff(old, new) and len(calls) == 1  # computed once, then kept
    assert not change.inline_pending()


def test_copies_carry_the_diff_unread_and_each_reads_the_same() -> None:
    old, new = "Partners never see your address.", "Partners may buy your address."
    calls, make = _counted()
    change = with_deferred_inline(Change("modified", _clause(0, old), _clause(0, new)), make, old, new)
    copied = [change.replaced(explanation="x"), copy_with(change, material=True)]
    assert not calls and all(c.inline_pending() for c in copied)
    assert all(c.inline == inline_diff(old, new) for c in copied)
    assert copy.deepcopy(change).inline == inline_diff(old, new)
    assert pickle.loads(pickle.dumps(change)).inline == inline_diff(old, new)
    rebuilt = Change(**change.__dict__)  # the instance dict holds the fields by their names
    assert set(vars(change)) == {f.name for f in dataclasses.fields(Change)} and rebuilt.inline_pending()
    assert rebuilt.inline == inline_diff(old, new)
    assert change.replaced(inline=None).inline is None
    assert copy_with(change, inline=[(0, "y")]).inline == [(0, "y")]


def test_copy_with_is_dataclasses_replace() -> None:
    old, new = _clause(0, "We keep logs."), _clause(0, "We keep logs for a year.")
    change = Change("modified", old, new, inline=inline_diff(old.text, new.text), explanation="e")
    for changes in ({"material": True}, {"inline": None}, {"old": new, "new": old, "facts": []}):
        assert copy_with(change, **changes) == dataclasses.replace(change, **changes)
    assert copy_with(old, text="We keep logs!") == dataclasses.replace(old, text="We keep logs!")


def test_aligned_pairs_read_the_diff_of_their_texts() -> None:
    old = [_clause(0, "We sell nothing."), _clause(1, "We keep logs for 30 days."), _clause(2, "Contact us.")]
    new = [
        _clause(0, "We sell nothing."),
        _clause(1, "We keep logs for 90 days."),
        _clause(2, "Write to us."),
    ]
    changes = align(old, new)
    assert changes and all(c.inline_pending() for c in changes if c.old and c.new)
    for change in changes:
        assert change.old is not None and change.new is not None
        assert change.inline == inline_diff(change.old.text, change.new.text)


def test_a_diff_reads_as_with_every_inline_diff_computed_at_once() -> None:
    """The whole result: a merged paragraph's diff and each lone pair's, as they were computed."""
    result = compare_documents(
        normalize(OLD.encode(), "text/markdown"), normalize(NEW.encode(), "text/markdown")
    )
    merged = [c for c in result.changes if c.old is not None and c.new is not None and c.inline_pending()]
    assert merged  # the re-written paragraph and the edited sentence, none read yet
    for change in result.changes:
        if change.old is not None and change.new is not None:
            assert change.inline == inline_diff(change.old.text, change.new.text)
    json.dumps(result.to_dict())


def test_merged_parts_never_compute_their_own_diff(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The pairs of a re-written paragraph are merged into one change: only its diff is made."""
    import monitor.engine.hunks as hunks

    calls, make = _counted()
    monkeypatch.setattr(hunks, "inline_diff", make)
    result = compare_documents(
        normalize(OLD.encode(), "text/markdown"), normalize(NEW.encode(), "text/markdown")
    )
    [paragraph] = [
        c for c in result.changes if c.new is not None and "couriers and with partners" in c.new.text
    ]
    assert not calls
    assert paragraph.old is not None and paragraph.new is not None
    assert "every two years" in paragraph.new.text and "every year" in paragraph.old.text  # merged
    assert paragraph.inline == inline_diff(paragraph.old.text, paragraph.new.text)
    assert calls == [(paragraph.old.text, paragraph.new.text)]
    assert dataclasses.fields(Change)[3].name == "inline"
