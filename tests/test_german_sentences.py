"""German text split into clauses: German writes every noun with a capital, so a statement opening a
paragraph ("Sie haben das Recht auf Auskunft, ...") looks like a title-case label and was read as a
heading, its changes called "heading re-worded"; and a day written as an ordinal before a month
with no year ("ab dem 1. Jan. des Folgejahres", hr "do 31. prosinca") ends no sentence."""

from __future__ import annotations

from monitor.engine.pipeline import compare_documents
from monitor.engine.segment import segment, split_sentences
from monitor.extract.normalize import normalize

POLICY = """# Datenschutzhinweise

## Ihre Rechte

Sie haben das Recht auf Auskunft und Berichtigung. Wenden Sie sich dazu an unser Team.

## Weitergabe

Wir übermitteln Bestelldaten an Versanddienstleister. Andere Empfänger gibt es nicht.
"""


def _clauses(text: str) -> list[tuple[str, bool]]:
    return [(c.text, c.is_heading) for c in segment(normalize(text.encode(), "text/markdown"))]


def test_a_german_statement_opening_a_paragraph_is_no_heading() -> None:
    clauses = dict(_clauses(POLICY))
    assert clauses["Sie haben das Recht auf Auskunft und Berichtigung."] is False
    assert clauses["Wir übermitteln Bestelldaten an Versanddienstleister."] is False
    assert clauses["Ihre Rechte"] is True


def test_a_right_added_to_that_statement_alerts() -> None:
    new = POLICY.replace("Auskunft und Berichtigung", "Auskunft, Berichtigung und Datenübertragbarkeit")
    old_doc, new_doc = (normalize(t.encode(), "text/markdown") for t in (POLICY, new))
    result = compare_documents(old_doc, new_doc)
    (change,) = result.changes
    assert change.material and "rights" in change.categories, change


def test_an_english_title_case_label_is_still_a_heading() -> None:
    clauses = dict(_clauses("# Terms\n\nGift Cards and Promotional Credits. We may offer gift cards.\n"))
    assert clauses["Gift Cards and Promotional Credits."] is True


def test_a_day_before_a_month_without_a_year_ends_no_sentence() -> None:
    text = "Rechnungen bewahren wir bis zum 31. Dez. des zehnten Jahres auf. Danach löschen wir sie."
    assert split_sentences(text) == [
        "Rechnungen bewahren wir bis zum 31. Dez. des zehnten Jahres auf.",
        "Danach löschen wir sie.",
    ]
    text = "Podaci se čuvaju do 1. Siječnja iduće godine. Zatim ih trajno brišemo iz sustava."
    assert split_sentences(text)[0] == "Podaci se čuvaju do 1. Siječnja iduće godine."


def test_a_month_with_its_own_full_stop_still_ends_a_sentence() -> None:
    assert split_sentences("Die Frist endet im Mai. Danach gilt die neue Fassung.") == [
        "Die Frist endet im Mai.",
        "Danach gilt die neue Fassung.",
    ]
