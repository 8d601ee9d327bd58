"""A term removed (or added) where one clause of the other version still states it, in mostly the
same words, has not changed: a summary removed whose details stay, a term said twice and now
once. A look-alike in other words ("server logs" for "card data") or with other facts does not
count. Each pattern in new sentences of our own, in several languages."""

from __future__ import annotations

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change


def _changes(old: str, new: str) -> list[Change]:
    return compare_documents(
        normalize(old.encode(), "text/markdown"), normalize(new.encode(), "text/markdown")
    ).changes


def _material(old: str, new: str) -> list[Change]:
    return [c for c in _changes(old, new) if c.material]


DETAILS_EN = """## Keeping your data

Order history is stored for three years after your last purchase and then erased.

## Selling data

We never sell the personal data of our customers.
"""
SUMMARY_EN = """## At a glance

- We keep your order history for 3 years after your last purchase.
- We do not sell our customers' personal data.

"""


def test_a_summary_removed_whose_details_stay_is_quiet() -> None:
    assert _material(SUMMARY_EN + DETAILS_EN, DETAILS_EN) == []


def test_a_summary_added_that_repeats_the_details_is_quiet() -> None:
    assert _material(DETAILS_EN, SUMMARY_EN + DETAILS_EN) == []


def test_a_german_summary_removed_whose_details_stay_is_quiet() -> None:
    details = (
        "## Speicherdauer\n\nIhre Bestelldaten werden drei Jahre nach dem letzten Kauf gespeichert"
        " und danach gelöscht.\n"
    )
    summary = "## Kurz gesagt\n\n- Ihre Bestelldaten speichern wir 3 Jahre nach dem letzten Kauf.\n\n"
    assert _material(summary + details, details) == []


def test_a_summary_removed_while_the_details_say_something_else_still_alerts() -> None:
    details = "## Keeping your data\n\nOrder history is stored for five years after your last purchase.\n"
    summary = "## At a glance\n\n- We keep your order history for 3 years after your last purchase.\n\n"
    changes = _material(summary + details, details)
    assert changes and changes[0].kind == "removed" and "retention" in changes[0].categories


def test_the_same_period_for_other_data_does_not_restate_a_removed_term() -> None:
    logs = "We keep server logs for two years for security reviews."
    cards = "We keep payment card details for two years for fraud checks."
    changes = _material(f"{cards}\n\n{logs}\n", f"{logs}\n")
    assert changes and changes[0].kind == "removed"
