"""What a retention sentence keeps: "We keep billing records for 10 years" -> "billing records".

In: the text of an English clause whose retention period changed. Out: the noun phrase the
period applies to, for the explanation ("Retention period for billing records lengthened from 3
years to 10 years"), or None when the sentence does not name one plainly or names only data in
general ("your personal data", "it"): then the explanation stays "Retention period ...".
Other languages get None: their word order (German verb-final clauses, French and Spanish
postposed modifiers) needs more than a pattern, and the explanation is in English.
"""

from __future__ import annotations

import re

from monitor.engine.facts import extract_facts, pick_lexicon
from monitor.lang.startup_cache import compile_cached

_PHRASE = r"(?P<obj>[A-Za-z][\w'’-]*(?:[ ,][\w'’-]+){0,5}?)"
_ACTIVE = compile_cached(
    r"\b(?:we|will|may|shall)\s+(?:\w+\s+)?(?:keep|retain|store|hold|preserve|archive)\s+"
    + _PHRASE
    + r"\s+(?:for|until|up to|during|no longer than|at least|at most)\b",
    re.IGNORECASE,
)
_PASSIVE = compile_cached(
    r"(?:^|[.;:]\s+|,\s+(?:and|but)\s+)"  # a sentence's start, or a clause joined after a comma
    + _PHRASE
    + r"\s+(?:is|are|will be|may be|shall be|can be)\s+(?:\w+\s+)?(?:kept|retained|stored|held|archived)"
    r"\s+(?:for|until|up to|during|no longer than|at least|at most)\b",
    re.IGNORECASE,
)
_LEADING = compile_cached(r"^(?:your|the|all|any|our|such|this|these|those|of)\s+", re.IGNORECASE)
# Names of data in general: the period is then simply the retention period.
_GENERAL = frozenset(
    {"data", "information", "personal data", "personal information", "user data", "customer data"}
)
_PRONOUN = compile_cached(r"\b(?:we|you|it|they|them|us|which|that|this|these|those)\b", re.IGNORECASE)


def retained_subject(text: str, language: str | None) -> str | None:
    """The noun phrase an English retention sentence keeps, when it names a particular one and
    gives one period (with two, "logs for 30 days and invoices for 3 years", which is whose is
    not told here)."""
    if pick_lexicon(text, language or "").language != "en":
        return None
    if len(extract_facts(text, language).durations) != 1:
        return None
    m = _ACTIVE.search(text) or _PASSIVE.search(text)
    if m is None:
        return None
    obj = m.group("obj").strip(" ,")
    while (stripped := _LEADING.sub("", obj)) != obj:
        obj = stripped
    if not obj or obj.lower() in _GENERAL or _PRONOUN.search(obj) or len(obj) > 60:
        return None
    if obj[:1].isupper() and obj[1:2].islower():  # "Billing records are kept": a sentence's capital
        obj = obj[:1].lower() + obj[1:]
    return obj


def with_subject(explanation: str, text: str, language: str | None) -> str:
    """The explanation with the kept thing named: "Retention period lengthened ..." ->
    "Retention period for billing records lengthened ..." (unchanged when none is named)."""
    if "etention period " not in explanation:
        return explanation
    subject = retained_subject(text, language)
    if subject is None:
        return explanation
    return re.sub(r"\b([Rr]etention period) ", lambda m: f"{m.group(1)} for {subject} ", explanation, count=1)
