"""Classify: aligned Changes -> Changes with categories, facts, material, severity, explanation.

In: Changes from align.py (kind, old/new Clause, inline diff). Out: new Change objects with
`categories` (ordered as models.CATEGORIES), `facts` (what differs, for people), `material`,
`severity` (none|low|medium|high) and a one-sentence `explanation` (worded by explain.py).

The rules (see shared/eval/diff-contract.md): a change is material when what the clause says
about one of the first ten categories differs: a period, party, data type, place, right, age,
measure or notice, or a promise negated, added or dropped. Update stamps, contact details, typo
fixes, re-wording that keeps the facts and pure moves are not. The unfavourable direction of a
fact (longer retention, a sale no longer ruled out, a new sensitive data type or destination, a
right removed, a lower child age, slower breach notice, a dropped notice promise) is high; its
favourable opposite and other material changes are medium; minor wording hits are low.

A modified clause goes through these checks, first match wins: both sides are update stamps;
only punctuation or spacing differs; only dates or contact details differ; a typo-level edit
whose fact differences are only a misspelt keyword; facts differ (material, severity by
direction); the count of negations or modals changed; an item was added to or dropped from an
enumeration; a category keyword was added or removed (low); otherwise re-worded (quiet).
An added or removed clause is material when it is about a material category (or, having no
keyword, sits under a heading that is), unless it is a heading, an update stamp or contact details.

Modules, from the whole version down (each imports only those below it):
- document.py       every change of a version pair: classify(), clause_categories()
- context.py        a change read with its neighbours (list lead-in, footer, banner, sentence before)
- added_removed.py  one clause added or removed
- modified.py       one clause modified: the ordered checks above
- resplit.py        sentences re-split or joined; whether a version still says a sentence
- conditions.py     conditions and safeguards inside a sentence
- page_parts.py     headings, names, addresses, table heads, pointers: parts of a page, not terms
- fact_diff.py      two clauses' facts compared
- wording.py        typo fixes, repeats, a negation re-worded
- lists.py          items added to or dropped from an enumeration
- negation.py       negations and modals counted
- findings.py       a finding and the finished Change; durations for people
- textwords.py      word-level helpers
"""

from monitor.engine.classify.document import classify, clause_categories

__all__ = ["classify", "clause_categories"]
