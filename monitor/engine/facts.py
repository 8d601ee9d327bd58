"""Fact extraction: one clause's text -> the facts a policy states in it (ClauseFacts).

In: a clause text and its language tag, which may be "und" or wrong: Han text is read with the
Chinese lexicon; Latin text with the tagged lexicon unless another language's function words
clearly dominate, or the tagged one finds nothing; a clause mixing both scripts is read with
both and the facts merged. Out: durations (in days, with their surface text, unit and the
category they belong to), retention states, ages, places, polarity per action (sell/share/
transfer/...: negated, affirmed or may), recipients, sensitive data types, purposes, rights,
breach-notice states, change-notice promise, security measures, contacts, update stamp, and the
clause's categories. Pure and cached per (text, language); the classify package compares old and new.

Speed: the categories (and what decides them) are found at once, the other fields when first
read (_DeferredFacts), as most clauses are settled by their categories; the lexicons' patterns
answer "does it match / how often" through monitor/lang/caseless.py (the same answers, faster).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import islice
from typing import Any

try:  # re's own parser (CPython 3.11+), to tell the age patterns that need a digit
    from re import _constants as _sre_constants  # type: ignore[attr-defined]
    from re import _parser as _sre_parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - 3.10's names
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parser  # type: ignore[no-redef]

from monitor._mypyc import mypyc_attr
from monitor.lang import caseless
from monitor.lang.lexicon import (
    NUMBER_JOINER,
    Lexicon,
    all_lexicons,
    canonical_language,
    country_names,
    inflected_country_names,
    load_lexicon,
)
from monitor.lang.scripts import HAN_CHAR
from monitor.lang.startup_cache import compile_cached
from monitor.models import CATEGORIES

_CJK_RE = HAN_CHAR
# Sentence-like segments for polarity and duration context. CJK commas end a segment too.
# no break after "e.g." or "i.e.": the example belongs to its sentence (and to its negation)
_SEGMENT_LATIN = compile_cached(r"(?<=[.;:!?])(?<!\.[A-Za-z]\.)\s+|[。！？；\n]")
_SEGMENT_CJK = compile_cached(r"[。；;：:！!？?，,\n]")
EMAIL_RE = compile_cached(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email\s*protected\]", re.IGNORECASE)
URL_RE = compile_cached(r"(?:https?://|www\.)\S+", re.IGNORECASE)
PHONE_RE = compile_cached(r"\+?\d[\d ()./-]{6,}\d")
_LATIN_WORD = compile_cached(r"[A-Za-z\u00c0-\u024f]{2,}")
_LATIN_RUN = compile_cached(r"[A-Za-z\u00c0-\u024f][^\u3400-\u9fff]*")
# Markdown links "[label](target)" (labels may hold escaped brackets: "[\\[email protected\\]](…)").
_MD_LINK = compile_cached(r"\[((?:\\.|[^\]\\])*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
# A company name: capitalised words ending in a legal form ("Northwind Partners LLC", "Acme GmbH").
_LEGAL_FORM = (
    r"(?:LLC|L\.L\.C\.|Ltd\.?|Limited|Inc\.?|Corp\.?|GmbH|AG|SE|KG|S\.?A\.?S?|SARL|S\.?L\.?|AB|ASA|AS|A/S|ApS|"
    r"Oy|BV|B\.V\.|NV|N\.V\.|plc|PLC|LLP|LP|S\.p\.A\.|S\.r\.l\.)(?![\w/])"
)
_COMPANY = compile_cached(r"(?:\b[A-Z][a-z][\w&'’.-]*[ \u00a0]+){1,5}" + _LEGAL_FORM)
# Every company name ends in a legal form: where none stands, no name does (found ~4x faster, as
# the forms' first letters let re skip ahead).
_HAS_LEGAL_FORM = compile_cached(_LEGAL_FORM)
_WORD_RUN = compile_cached(r"\w+")  # the \w of the lexicons' whole-word patterns
_DIGIT = compile_cached(r"\d")
STOPWORD_MARGIN = 3  # function words another language must lead by to override the tag
MIXED_MIN_WORDS = 5  # Latin words in a Chinese clause before it is also read as Latin text
MIXED_MIN_HAN = 8  # Han characters in a Latin clause before it is also read as Chinese
POLARITY_WINDOW = {False: 60, True: 24}  # characters before the verb (CJK; Latin: 4x bounds the word scan)
POLARITY_WORDS = 10  # words before the verb (Latin): a term re-worded at the same length keeps its reach
_WORD_STARTS = compile_cached(r"(?<!\S)\S")
OWN_WINDOW = {False: 60, True: 8}  # characters before a contact word where "your" makes it the user's


@mypyc_attr(native_class=False)  # a plain class, compiled or not (monitor/_mypyc.py)
@dataclass(frozen=True)
class Duration:
    """A period stated in the clause: `days` normalised, `text` as written, `category` it is about;
    `value` and `unit_days` keep the unit it was written in, so "72 hours" is shown as such."""

    days: float
    text: str
    category: str
    value: float = 0.0
    unit_days: float = 1.0


@mypyc_attr(native_class=False)  # a plain class, compiled or not (monitor/_mypyc.py)
@dataclass(frozen=True)
class Polarity:
    """How an action is stated: `state` negated/affirmed/may; `text` the words that say so."""

    action: str
    state: str
    text: str


@mypyc_attr(native_class=False)  # a plain class, compiled or not (monitor/_mypyc.py)
@dataclass(frozen=True)
class ClauseFacts:
    """Everything extract_facts found in one clause."""

    language: str
    categories: tuple[str, ...] = ()
    durations: tuple[Duration, ...] = ()
    retention_states: frozenset[str] = frozenset()
    ages: tuple[int, ...] = ()
    places: frozenset[str] = frozenset()
    polarity: tuple[Polarity, ...] = ()
    recipients: frozenset[str] = frozenset()
    data_types: frozenset[str] = frozenset()
    purposes: frozenset[str] = frozenset()
    # (kind, key) named only where the sentence negates it: "we never share with data brokers"
    ruled_out: frozenset[tuple[str, str]] = frozenset()
    rights: frozenset[str] = frozenset()
    # every right whose words occur, in a clause about rights or not: "you can request a copy"
    # still offers access, though no word says "right"
    rights_named: frozenset[str] = frozenset()
    breach_states: frozenset[str] = frozenset()
    change_notice: str | None = None  # "promised", "none" (explicitly without notice) or None
    # how changes to the policy are announced, in a clause about them: "direct", "posted"
    change_channels: frozenset[str] = frozenset()
    change_timing: frozenset[str] = frozenset()  # "advance" (told before changes apply), "afterwards"
    security_measures: frozenset[str] = frozenset()
    contacts: frozenset[str] = frozenset()
    # qualifiers that narrow what the clause permits: "limit" (only, unless), "consent", "safeguard",
    # "minimum" (as little data as needed)
    conditions: frozenset[str] = frozenset()
    is_update_stamp: bool = False
    # the clause says something happens to data (shared, transferred, collected, kept ...)
    states_flow: bool = False
    category_hits: dict[str, int] = field(default_factory=dict, hash=False, compare=False)

    def polarity_states(self, action: str) -> frozenset[str]:
        return frozenset(p.state for p in self.polarity if p.action == action)


def is_cjk(text: str) -> bool:
    """True when the text is mostly CJK (a few Chinese characters in Latin text do not count)."""
    if text.isascii() or not _CJK_RE.search(text):  # most clauses: no Han character at all
        return False
    han = len(_CJK_RE.findall(text))
    return han * 3 >= len(re.findall(r"[A-Za-z]+", text))


def _category_hits(text: str, lex: Lexicon) -> dict[str, int]:
    """How many times each category's words occur in `text` (categories with none left out).
    A fresh dict each call: callers adjust the counts."""
    return dict(_counted_categories(text, lex))


@lru_cache(maxsize=8192)  # pick_lexicon counts the tagged language's hits, _extract needs them again
def _counted_categories(text: str, lex: Lexicon) -> tuple[tuple[str, int], ...]:
    # One test for every category's words at once first (the Hyperscan scan, else the union's
    # regex): most lexicons find nothing in a clause of another language, and then no category
    # can (the union holds each category's words).
    prefilter = getattr(lex.categories, "any", None)
    start = caseless.start_of_any(prefilter, text) if prefilter is not None else 0
    if start is None:
        return ()
    # No category's word starts before the first of all of them: the counts start there (or at
    # 0, the same counts, where the scan alone ruled).
    return tuple(caseless.counts(lex.categories, text, start))


@lru_cache(maxsize=8192)  # extract_facts and classify ask for the same clause's lexicon
def pick_lexicon(text: str, language: str) -> Lexicon:
    """The lexicon for `text`: by script for CJK; else the tagged language unless another one's
    function words clearly dominate (a mis-tagged clause) or the tagged one finds nothing, then
    the language whose function words the text uses most (category hits break ties)."""
    if is_cjk(text):
        return load_lexicon("zh")
    lang = canonical_language(language)
    tagged = load_lexicon(lang if lang and lang != "zh" else "en")
    latin = [lex for lex in all_lexicons() if not lex.cjk]
    runs = _word_runs(text)
    stopwords = _stopword_counts(text, runs, tuple(latin))
    own = stopwords[latin.index(tagged)] if tagged in latin else _stopwords(text, runs, tagged)
    top = max(stopwords)
    rival = latin[stopwords.index(top)]
    if top >= max(2 * own, own + STOPWORD_MARGIN):
        return rival
    if own == top and tagged in latin and stopwords.count(top) == 1:
        return tagged  # alone at the top on function words: no category count can change that
    if (top == 0 and lang is not None) or _category_hits(text, tagged):
        # A tagged clause with no function word of any language (a heading, a name): nothing says
        # it is not in its language, and another lexicon's keyword ("Partner Program") is no sign.
        return tagged
    # The best fit is the first of (tagged, *latin) with the most function words, then the most
    # category hits; only the languages level on function words at the top can be it, so only
    # their categories are counted.
    best, best_score = tagged, (own, 0)
    for lex, count in zip(latin, stopwords, strict=True):
        if count < best_score[0] or count < top:
            continue
        score = (count, sum(_category_hits(text, lex).values()))
        if lang is not None and not score[1]:
            # "Users must be at least 13 years old.": one word that is also another language's ("at")
            # and no keyword of that language: nothing to gain, and the tag's own reading (an age) lost
            continue
        if score > best_score:  # ties keep the tagged language
            best, best_score = lex, score
    return best


def _word_runs(text: str) -> tuple[Counter[str], list[str]]:
    """The text's runs of word characters: the ASCII ones lower-cased and counted, the others as
    they stand."""
    if text.isascii():  # lower-casing ASCII keeps every run as it is, one lower() for all
        return Counter(_WORD_RUN.findall(text.lower())), []
    runs = _WORD_RUN.findall(text)
    return Counter(r.lower() for r in runs if r.isascii()), [r for r in runs if not r.isascii()]


def _stopwords(text: str, runs: tuple[Counter[str], list[str]], lex: Lexicon) -> int:
    """How many matches `lex.stopwords` finds in the text whose word runs these are.

    Each function word is a plain word (checked by _plain_stopwords), wrapped in the pattern as
    a whole word, so a match is one whole run equal to a word, case aside: an ASCII run matches
    exactly when its lower case is a word's, and only the other runs (where Unicode case-folding
    has its exceptions) need the pattern itself."""
    if lex.stopwords is None:
        return 0
    ascii_words = _plain_stopwords(lex)
    if ascii_words is None:
        return caseless.count(lex.stopwords, text)
    ascii_runs, other_runs = runs
    count = sum(n for run, n in ascii_runs.items() if run in ascii_words)
    return count + sum(1 for run in other_runs if lex.stopwords.fullmatch(run))


def _stopword_counts(
    text: str, runs: tuple[Counter[str], list[str]], lexicons: tuple[Lexicon, ...]
) -> list[int]:
    """_stopwords of each lexicon, the ASCII runs looked up once for all of them."""
    counts = [0] * len(lexicons)
    index, ascii_runs = _stopword_index(lexicons), runs[0]
    for run in ascii_runs.keys() & index.keys():  # the function words among the runs, found in C
        n = ascii_runs[run]
        for i in index[run]:
            counts[i] += n
    for i, lex in enumerate(lexicons) if runs[1] else _pattern_counted(lexicons):
        if lex.stopwords is None:
            continue
        if _plain_stopwords(lex) is None:
            counts[i] = caseless.count(lex.stopwords, text)
        else:
            counts[i] += sum(1 for run in runs[1] if lex.stopwords.fullmatch(run))
    return counts


@cache
def _pattern_counted(lexicons: tuple[Lexicon, ...]) -> tuple[tuple[int, Lexicon], ...]:
    """(position, lexicon) of the lexicons whose function words are counted by their pattern:
    a text with only ASCII runs needs nothing more from the others."""
    found = [(i, lex) for i, lex in enumerate(lexicons) if lex.stopwords is not None]
    return tuple((i, lex) for i, lex in found if _plain_stopwords(lex) is None)


@cache
def _stopword_index(lexicons: tuple[Lexicon, ...]) -> dict[str, tuple[int, ...]]:
    """Each ASCII function word (lower case) -> the positions of the lexicons that hold it."""
    index: dict[str, list[int]] = {}
    for i, lex in enumerate(lexicons):
        if lex.stopwords is None:
            continue
        for word in _plain_stopwords(lex) or ():
            index.setdefault(word, []).append(i)
    return {word: tuple(at) for word, at in index.items()}


@cache
def _plain_stopwords(lex: Lexicon) -> frozenset[str] | None:
    """The lexicon's ASCII function words in lower case; None unless every item is a plain word."""
    if not all(_WORD_RUN.fullmatch(w) for w in lex.stopword_items):
        return None
    return frozenset(w.lower() for w in lex.stopword_items if w.isascii())


@lru_cache(maxsize=4096)  # periods, promises and named things each read a clause's segments
def _segments(text: str, cjk: bool) -> tuple[tuple[int, str], ...]:
    splitter = _SEGMENT_CJK if cjk else _SEGMENT_LATIN
    out, start = [], 0
    for m in splitter.finditer(text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return tuple((s, t) for s, t in out if t.strip())


def parse_number(token: str, lex: Lexicon) -> float | None:
    """'10' -> 10, 'ten' -> 10, '十五' -> 15, '两' -> 2, '半' -> 0.5; None when not a number."""
    token = token.strip().lower()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", token):
        return float(token.replace(",", "."))
    if token in lex.numbers:
        return lex.numbers[token]
    parts = [w for w in re.split(NUMBER_JOINER, token) if w]
    if len(parts) == 2 and all(w in lex.numbers for w in parts):
        ten, unit = (lex.numbers[w] for w in parts)
        if ten >= 20 and ten % 10 == 0 and 1 <= unit <= 9:  # "cuarenta y cinco": 45
            return ten + unit
    values: dict[str, float] = {str(k): float(v) for k, v in lex.extra.get("numeral_values", {}).items()}
    if not values or any(ch not in values for ch in token):
        return None
    if token == "半":
        return 0.5
    total, current = 0.0, 0.0
    for ch in token:
        v = values[ch]
        if v in (10, 100, 1000):
            total += (current or 1) * v
            current = 0.0
        else:
            current = current * 10 + v if current >= 1 else v
    return total + current


def _unit_days(unit: str, lex: Lexicon) -> float | None:
    for pat, days in lex.unit_patterns:
        if pat.match(unit):
            return days
    return None


def _spans(patterns: list[re.Pattern[str]], text: str) -> list[tuple[int, int, str]]:
    found = [p for p in patterns if caseless.search(p, text)]
    return [(m.start(), m.end(), m.group(1)) for p in found for m in p.finditer(text)]


def _blanked(pattern: re.Pattern[str], text: str, repl: str | Callable[[re.Match[str]], str]) -> str:
    """pattern.sub(repl, text), the text itself when the pattern cannot match."""
    return pattern.sub(repl, text) if caseless.search(pattern, text) else text


def _ages(text: str, lex: Lexicon) -> tuple[list[int], list[tuple[int, int]]]:
    ages, spans = [], []
    digits = _DIGIT.search(text) is not None  # most clauses have none, and most age patterns need one
    for pattern in lex.ages:
        if not digits and needs_digit(pattern):
            continue
        if not caseless.search(pattern, text):  # the case-folded twin rules most texts out faster
            continue
        # "older than 19", "19 or younger" (a group named "above"): the threshold is the next age, 20,
        # as "at least 20" or "under 20" say it
        above = "above" in pattern.groupindex
        for m in pattern.finditer(text):
            value = parse_number(m.group(1), lex)
            if value is None or not 0 < value < 30 or _shorter_than_a_year(text, m.start(1), lex):
                continue
            if _version_number(text, m.start(1), m.end(1)):
                continue  # "if your device runs Android 4.4 or older": a software version, not an age
            ages.append(int(value) + above)
            spans.append((m.start(), m.end()))
    return sorted(set(ages)), spans


# a number that is part of a dotted version ("4.4") or follows the name of a system or a version
_VERSION_BEFORE = compile_cached(
    r"(?:\d[.,]|\b(?:versions?|versión|versão|versione|versie|versjon(?:en)?|verzij[ae]|verzij[io]|"
    r"ios|ipados|android|windows|macos|os|v)\s*)$",
    re.IGNORECASE,
)
_VERSION_AFTER = compile_cached(r"[.,]\d")


def _version_number(text: str, start: int, end: int) -> bool:
    """True when the number at text[start:end] is a software version, not an age."""
    return bool(_VERSION_BEFORE.search(text[max(0, start - 12) : start])) or bool(
        _VERSION_AFTER.match(text, end)
    )


@cache
def needs_digit(pattern: re.Pattern[str]) -> bool:
    """Every match of the pattern holds a decimal digit: a `\\d`, a digit or a class of digits it
    must match at least once ("under (\\d{1,2})", "(1[3-9]|2[01])"). False when that cannot be
    shown (number words, Han numerals, anything re's parser reads otherwise)."""
    try:
        return _sequence_needs_digit(_sre_parser.parse(pattern.pattern, pattern.flags).data)
    except Exception:  # noqa: BLE001 - re's internals may differ: then every pattern is searched
        return False


def _sequence_needs_digit(items: list[tuple[Any, Any]]) -> bool:
    return any(_item_needs_digit(op, av) for op, av in items)


def _item_needs_digit(op: Any, av: Any) -> bool:
    c = _sre_constants
    if op is c.LITERAL:
        return chr(av).isdecimal()
    if op is c.IN:
        return bool(av) and all(_digits_only(member, value) for member, value in av)
    if op is c.SUBPATTERN:
        return _sequence_needs_digit(av[3].data)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        return av[0] >= 1 and _sequence_needs_digit(av[2].data)
    if op is c.BRANCH:
        return all(_sequence_needs_digit(branch.data) for branch in av[1])
    if op is c.ATOMIC_GROUP:
        return _sequence_needs_digit(av.data)
    return False  # look-arounds and anchors match no character; anything else may match others


def _digits_only(member: Any, value: Any) -> bool:
    """One member of a character class accepts decimal digits only (what `\\d` accepts)."""
    c = _sre_constants
    if member is c.LITERAL:
        return chr(value).isdecimal()
    if member is c.RANGE:
        return all(chr(code).isdecimal() for code in range(value[0], value[1] + 1))
    return member is c.CATEGORY and value in (c.CATEGORY_DIGIT, c.CATEGORY_UNI_DIGIT)


def _shorter_than_a_year(text: str, at: int, lex: Lexicon) -> bool:
    """The number at `at` counts months, weeks, days or hours ("under 12 months"): a period,
    not an age."""
    m = lex.duration.match(text, at)
    days = _unit_days(m.group("unit"), lex) if m else None
    return days is not None and days < 365


def _duration_category(
    segment: str, lex: Lexicon, fallback: str, at: int = -1, clause_breach: bool = False
) -> str:
    """The category of a period found at `at` in the segment: a breach deadline, a notice before
    changes, else the first category whose words the segment holds. A period is a deadline for
    telling of a breach only where someone is told: in the segment naming the breach, or in
    one after it, before any names changes ("如发生泄露，我们将在72小时内通知您"); a breach only named
    ("at risk of a data breach", "records of breaches are kept for 2 years") sets no deadline."""
    breach_here = _names_breach(segment, lex)
    if breach_here and _tells(segment, lex):
        return "security"
    if clause_breach and _tells(segment, lex) and not _names_changes(segment, lex):
        return "security"  # "如发生泄露，我们将在72小时内通知您": the notice is of the breach
    if breach_here and not _kept_for(segment, lex):
        return "security"  # "such breach remains unremedied for 30 days": the breach's own time
    changes, retention = lex.categories.get("changes"), lex.categories.get("retention")
    if changes is not None and (notice := _nearest(changes, segment, at)) is not None:
        kept = _nearest(retention, segment, at) if retention is not None else None
        # "your e-mail is deleted 3 years after we last notified you": the period is the deletion's
        if kept is None or notice <= kept:
            return "changes"
        return "retention"
    risk_only = not breach_here and _breach_only_as_risk(segment, lex)
    for cat in ("retention", "rights", "children", "security", "tracking"):
        if cat == "security" and risk_only:
            continue  # "at risk of a data breach": a period here is no deadline for telling
        if cat in lex.categories and caseless.search(lex.categories[cat], segment):
            return cat
    if lex.record_verbs is not None and caseless.search(lex.record_verbs, segment):
        # "the reply is documented for a period of 3 years": how long the record is kept
        return "retention"
    return "contact" if risk_only and fallback == "security" else fallback


def _breach_only_as_risk(segment: str, lex: Lexicon) -> bool:
    """Every security word of the segment names a breach, and the segment names it only as a risk
    or what is guarded against (the breach words' look-behinds rule out "risk of a data breach":
    alone, each word names a breach; in the segment none does)."""
    security = lex.categories.get("security")
    if security is None or lex.breach is None:
        return False
    words = [m.group(0) for m in security.finditer(segment)]
    return bool(words) and all(caseless.search(lex.breach, w) for w in words)


def _kept_for(segment: str, lex: Lexicon) -> bool:
    """The segment keeps something for its period ("records of incidents are kept for 2 years");
    deleting or closing something ("the account is closed after a breach") keeps nothing."""
    retention = lex.categories.get("retention")
    if retention is None:
        return False
    kept = _blanked(lex.deletion, segment, " ") if lex.deletion is not None else segment
    return bool(caseless.search(retention, kept))


def _after_breach(segment: str, lex: Lexicon, before: bool) -> bool:
    """Whether a breach is what the clause last spoke of, this segment read: "如发生泄露，我们将在
    72小时内通知您" tells of the breach, "本政策变更时，我们将提前30天通知您" of the changes."""
    if _names_breach(segment, lex):
        return True
    return False if _names_changes(segment, lex) else before


def _names_changes(segment: str, lex: Lexicon) -> bool:
    """The segment names a change to the policy, beyond a promise to tell ("30 days before the
    changes take effect"), so a period in it is a notice before changes."""
    return "changes" in _category_hits(segment, lex) and not _notice_only(segment, lex)


def _tells(segment: str, lex: Lexicon) -> bool:
    """The segment says someone is told ("we will notify you", "reported to the authority")."""
    return any(p is not None and caseless.search(p, segment) for p in (lex.breach_notice, lex.change_promise))


def _cell_category(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """A period alone in a table cell ("Backups | all account data | 30 days") is how long the
    row's data is kept, whatever else the row names (its purpose, its legal basis), unless the
    row is about cookies, whose lifetime is a tracking term. None: the cell or row says more."""
    stop = text.find("|", end)
    cell = text[text.rfind("|", 0, start) + 1 : stop if stop >= 0 else len(text)]
    if _category_hits(cell, lex) or "tracking" in _category_hits(text, lex):
        return None
    return "retention" if _kept(text, lex) == "retention" else None


def _labelled_data_period(text: str, at: int, lex: Lexicon) -> bool:
    """A period right after a short label naming a kind of data and a colon ("Pièce d'identité :
    1 an à compter de l'exercice de vos droits", "ID document: 1 year from your request") is how
    long that data is kept, a row of a list of periods, whatever else the row names; a label
    about cookies gives their lifetime, a tracking term, and is left to the clause's words."""
    head = text[:at].rstrip()
    if not head.endswith((":", "：")):
        return False
    label = _LABEL_START.split(head[:-1])[-1]
    if len(label.split()) > LABEL_WORDS or "tracking" in _category_hits(label, lex):
        return False
    return any(caseless.search(p, label) for p in lex.data_types.values())


LABEL_WORDS = 6  # words: a longer text before the colon is a sentence, no label
_LABEL_START = compile_cached(r"[.;!?。；\n]")


def _nearest(pattern: re.Pattern[str], segment: str, at: int) -> int | None:
    """How far (in characters) the match of `pattern` nearest to `at` stands; 0 when `at` is -1
    and the pattern matches anywhere, None when it matches nowhere."""
    spans = [(m.start(), m.end()) for m in pattern.finditer(segment)]
    if not spans:
        return None
    return 0 if at < 0 else min(max(s - at, at - e, 0) for s, e in spans)


def _how_often(seg: str, start: int, end: int, lex: Lexicon, clause: str = "") -> bool:
    """The period at seg[start:end] says how often something is done ("once a year", "alle zwei
    Jahre"), in a part that deletes nothing: no time data is kept ("we purge logs every 30 days"
    still is one)."""
    often = lex.frequencies
    if often is None or not any(f.start() <= start and end <= f.end() for f in often.finditer(seg)):
        return False
    if _reviewed_while_kept(seg, clause or seg, lex):
        return False
    return lex.deletion is None or not caseless.search(lex.deletion, seg)


def _reviewed_while_kept(seg: str, clause: str, lex: Lexicon) -> bool:
    """The part says how often data is reviewed in a clause that keeps it ("the records we keep
    are reviewed every three years", "我们保存您的订单记录，并每三年审查一次"): the period between
    reviews is how long data stays before someone checks it is still needed, a retention term; a
    review of accuracy ("we review your data every year") keeps nothing and stays a frequency."""
    return lex.reviews is not None and bool(caseless.search(lex.reviews, seg)) and _kept_for(clause, lex)


def _durations(text: str, lex: Lexicon, skip: list[tuple[int, int]], fallback: str) -> list[Duration]:
    out = []
    breachy = _names_breach(text, lex)  # most clauses name no breach: no part can follow one
    after_breach = False  # the last part before this one that named a breach or changes named a breach
    for seg_start, seg in _segments(text, lex.cjk):
        if not caseless.search(lex.duration, seg):
            after_breach = breachy and _after_breach(seg, lex, after_breach)
            continue
        clause_breach, after_breach = after_breach, breachy and _after_breach(seg, lex, after_breach)
        for m in lex.duration.finditer(seg):
            a, b = seg_start + m.start(), seg_start + m.end()
            if any(a < e and s < b for s, e in skip):
                continue
            raw = m.groupdict().get("digits") or m.group("num") or (m.groupdict().get("word") or "")
            value = parse_number(raw, lex)
            days = _unit_days(m.group("unit"), lex)
            if value is None or days is None:
                continue
            if lex.cjk and value >= 1000:  # 2022年: a date, not a period
                continue
            if lex.cjk and m.start() > 0 and seg[m.start() - 1] in "月年" and days == 1:
                continue  # 10月15日
            if m.groupdict().get("half"):
                value += 0.5
            category = _cell_category(text, a, b, lex) if "|" in seg else None
            if category is None and _labelled_data_period(text, a, lex):
                category = "retention"
            category = category or _duration_category(seg, lex, fallback, m.start(), clause_breach)
            if category == "retention" and _how_often(seg, m.start(), m.end(), lex, text):
                continue
            out.append(
                Duration(
                    round(value * days, 2),
                    m.group(0).strip(),
                    category,
                    value,
                    days,
                )
            )
    return out


def _keys(patterns: dict[str, re.Pattern[str]], text: str) -> frozenset[str]:
    """The keys whose pattern matches the text. Their union (KeyedPatterns.any) rules them all
    out at once, or finds the first place any of them matches: none matches before it, so each
    is looked for from there (caseless.start_of_any)."""
    prefilter = getattr(patterns, "any", None)
    start = caseless.start_of_any(prefilter, text) if prefilter is not None else 0
    if start is None:
        return frozenset()
    return frozenset(caseless.matching_keys(patterns, text, start))


def _may_match(patterns: dict[str, re.Pattern[str]], text: str) -> bool:
    """False when none of the patterns can match: their union (KeyedPatterns.any, which holds
    every key's words) finds nothing in the text. True when that cannot be told."""
    prefilter = getattr(patterns, "any", None)
    return prefilter is None or caseless.search(prefilter, text)


def _polarity(text: str, lex: Lexicon) -> list[Polarity]:
    window = POLARITY_WINDOW[lex.cjk]
    out = []
    for _, seg in _segments(text, lex.cjk):
        cleaned = (
            _blanked(lex.negator_exceptions, seg, lambda m: " " * len(m.group(0)))
            if lex.negator_exceptions
            else seg
        )
        for at, end, _ in _measure_negations(cleaned, lex):
            # "werden nicht verschlüsselt übertragen": the negator denies the measure, not the verb
            cleaned = cleaned[:at] + " " * (end - at) + cleaned[end:]
        # no verb is found before the first place their union matches (caseless.start_of_any)
        start = caseless.start_of_any(lex.actions.any, cleaned) if lex.actions.any is not None else 0
        if start is None:
            continue
        for action in caseless.matching_keys(lex.actions, cleaned, start):
            pat = lex.actions[action]
            for m in pat.finditer(cleaned, start):
                before = _this_clause(
                    _without_asides(cleaned[_window_start(cleaned, m.start(), window, lex) : m.start()]), lex
                )
                state, snippet = _state_before(before, lex)
                if state == "negated" and lex.cjk and _CJK_RELATIVE.match(cleaned, m.end()):
                    # "不会对用户传输的内容做修改": the verb says which content (a clause before 的),
                    # the negator denies the main verb after it
                    state, snippet = "affirmed", ""
                if state == "affirmed" and not lex.cjk:  # "we do not use it for ads, sale or rental"
                    state, snippet = _state_over_list(cleaned, m.start(), window, lex) or (state, snippet)
                if state == "affirmed" and (
                    _negated_after(cleaned, m.end(), lex) or _negated_over_list(cleaned, m.end(), lex)
                ):
                    state = "negated"
                    after = _words_after(cleaned, m.end(), lex.extra.get("negator_after_words", 0))
                    snippet = " ".join([m.group(0), *after])
                else:
                    snippet = (snippet + m.group(0)).strip()
                out.append(Polarity(action, state, " ".join(snippet.split())))
    return out


def _window_start(text: str, at: int, window: int, lex: Lexicon) -> int:
    """Where the words that may negate the verb at `at` begin: the last POLARITY_WORDS words
    (Latin scripts), so "personal information" -> "personal data" moves no negator in or out of
    reach; CJK text has no spaces and keeps a window of characters."""
    if lex.cjk:
        return max(0, at - window)
    earliest = max(0, at - 4 * window)
    starts = [m.start() for m in _WORD_STARTS.finditer(text, earliest, at)]
    if not starts:
        return at
    return starts[-POLARITY_WORDS] if len(starts) >= POLARITY_WORDS else earliest


_ASIDE = compile_cached(r"[(（][^()（）]*[)）]")


def _without_asides(before: str) -> str:
    """The words before a verb with every aside in brackets that closed before it blanked: "Location
    Data (not precise geolocation), which we use to provide ..." negates no verb after the
    brackets, while "we do not (and will not) sell" still negates "sell"."""
    if ")" not in before and "）" not in before:
        return before
    return _ASIDE.sub(lambda m: " " * len(m.group(0)), before)


# An item of a comma list just before a word: up to three words, a comma, maybe a conjunction.
_ITEM_WORD = r"[^\W\d_][\w'’-]*"
_ITEM_BEFORE = compile_cached(rf"({_ITEM_WORD}(?:[ \t]+{_ITEM_WORD}){{0,2}}),[ \t]+(?:([^\W\d_]+)[ \t]+)?\Z")
LIST_MAX_ITEMS = 8  # items walked back over to the head of a list
LIST_LOOKBACK = 60  # characters one item with its comma may take


def _state_over_list(text: str, at: int, window: int, lex: Lexicon) -> tuple[str, str] | None:
    """The state the words before a comma list give the verb at `at`, an item of that list; None
    when the verb follows no list."""
    head = _list_start(text, at, lex)
    if head >= at:
        return None
    before = _without_asides(text[_window_start(text, head, window, lex) : at])
    return _state_before(_this_clause(before, lex), lex)


def _list_start(text: str, at: int, lex: Lexicon) -> int:
    """Where the comma list whose item begins at `at` begins: "we do not use it for advertising,
    profiling, sale or rental" puts "sale" in the list after "for", so the negator before the list
    reaches it as it reaches the first item. `at` itself when the word follows no list."""
    start = at
    for _ in range(LIST_MAX_ITEMS):
        m = _item_before(text, max(0, start - LIST_LOOKBACK), start)
        if m is None or (m.group(2) and m.group(2).lower() not in lex.conjunctions):
            break
        start = m.start(1)
    return start


_ITEM_TAIL = compile_cached(r"[ \t]+(?:[^\W\d_]+[ \t]+)?")  # what follows _ITEM_BEFORE's comma


def _item_before(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """_ITEM_BEFORE.search(text, lo, hi), told at once where it cannot match. Only blanks and one
    word may follow its comma up to `hi`, so that comma is the last one before `hi`: with none,
    or with anything else after the last, there is no match (the search itself tries every
    start in the stretch, each over every word to the comma)."""
    comma = text.rfind(",", lo, hi)
    if comma < 0 or not _ITEM_TAIL.fullmatch(text, comma + 1, hi):
        return None
    return _ITEM_BEFORE.search(text, lo, hi)


def _clauses_of(text: str, lex: Lexicon) -> list[str]:
    """The sentence-like segments of a text, each cut again where another clause opens ("...,
    but we share it with advertisers"): what one clause rules out, the next may state."""
    out = []
    for _, seg in _segments(text, lex.cjk):
        breaks = lex.clause_breaks
        if breaks is None or not caseless.search(breaks, seg):
            out.append(seg)
            continue
        at = 0
        for m in breaks.finditer(seg):
            out.append(seg[at : m.start()])
            at = m.start()
        out.append(seg[at:])
    return [c for c in out if c.strip()]


# Measures whose word alone says nothing of security: an "API compliance audit" to raise a quota,
# a "backup" of a photo library. They count in a clause that is about security.
CONTEXT_MEASURES = frozenset({"audits", "backups"})


def _security_measures(text: str, lex: Lexicon, hits: Collection[str]) -> frozenset[str]:
    measures = _keys(lex.security_measures, text)
    if measures and lex.negators is not None and caseless.search(lex.negators, text):
        measures = measures - _denied_measures(text, lex)
    if "security" in hits or not measures & CONTEXT_MEASURES:
        return measures
    return measures - CONTEXT_MEASURES


def _security_beyond_backups(text: str, lex: Lexicon) -> bool:
    """The text speaks of security in words other than its name for backups: "sikkerhetskopier",
    "copias de seguridad", "Sicherungskopien" hold the word for security, yet "we delete your data
    from our systems and backups" names where data is deleted, not a safeguard."""
    backups = lex.security_measures.get("backups")
    security = lex.categories.get("security")
    if backups is None or security is None or not caseless.search(backups, text):
        return True
    return bool(caseless.search(security, _blanked(backups, text, lambda m: " " * len(m.group(0)))))


# A negator this close before a measure's words negates the measure, not the sentence's verb:
# "is not encrypted", "werden nicht verschlüsselt übertragen", "no se almacenan cifrados"; not
# across a comma or a colon, which ends the clause the negator is in: "if erasure is not possible,
# we anonymise them" denies no anonymisation.
_NEAR_GAP = compile_cached(r"[^\w,;:]*(?:\w+[^\w,;:]+){0,2}")
_DOUBLE_NEGATION_REACH = 80  # characters


def _measure_negations(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, measure) of every security measure a negator right before it denies: "your
    password is not stored encrypted" takes no measure, it says one is missing."""
    if lex.negators is None or not lex.security_measures:
        return []
    cleaned = (
        _blanked(lex.negator_exceptions, text, lambda m: " " * len(m.group(0)))
        if lex.negator_exceptions
        else text
    )
    # Most segments hold no negator, and most negated ones no measure: each scan runs only where
    # the search (with the Hyperscan prefilter) says it can find something.
    if not caseless.search(lex.negators, cleaned):
        return []
    negators = list(lex.negators.finditer(cleaned))
    out = []
    for key, pattern in lex.security_measures.items():
        if not caseless.search(pattern, cleaned):
            continue
        for m in pattern.finditer(cleaned):
            for i, neg in enumerate(negators):
                if neg.end() <= m.start() and _NEAR_GAP.fullmatch(cleaned, neg.end(), m.start()):
                    # "never sent without being encrypted": two negations close together affirm
                    if not (i and neg.start() - negators[i - 1].end() < _DOUBLE_NEGATION_REACH):
                        out.append((neg.start(), m.end(), key))
                    break
    return out


def _denied_measures(text: str, lex: Lexicon) -> frozenset[str]:
    """The measures the text names only where a negator denies them."""
    spans = _measure_negations(text, lex)
    if not spans:
        return frozenset()
    rest = list(text)
    for start, end, _ in spans:
        rest[start:end] = " " * (end - start)
    elsewhere = _keys(lex.security_measures, "".join(rest))
    return frozenset(key for _, _, key in spans if key not in elsewhere)


def _this_clause(before: str, lex: Lexicon) -> str:
    """The words before a verb back to the start of its clause: "we do not sell it, but we share
    it" does not negate "share"."""
    breaks = lex.clause_breaks
    if breaks is None:
        return before
    found = list(breaks.finditer(before))
    return before[found[-1].end() :] if found else before


def _named_things(text: str, lex: Lexicon) -> tuple[dict[str, frozenset[str]], frozenset[tuple[str, str]]]:
    """Recipients, data types and purposes a sentence states, apart from those it rules out."""
    kinds = {"recipient": lex.recipients, "data_type": lex.data_types, "purpose": lex.purposes}
    stated: dict[str, set[str]] = {k: set() for k in kinds}
    negated: set[tuple[str, str]] = set()
    portable = lex.rights.get("portability")
    for seg in _clauses_of(text, lex):
        # "move your data to another service provider" names no recipient
        named = _blanked(portable, seg, " ") if portable is not None else seg
        found = [(kind, key) for kind, patterns in kinds.items() for key in _keys(patterns, named)]
        found = [
            (kind, key)
            for kind, key in found
            if (kind != "recipient" or not _source_only(key, named, text, lex))
            and (kind != "purpose" or not _inside_ad_id(key, named, lex))
        ]
        if not found:
            continue
        if not _denies(text, seg, lex):
            split = _excepted_last_item(named, lex)
            for kind, key in found:
                if split is not None and key in _keys(kinds[kind], named[:split]):
                    if key not in _keys(kinds[kind], named[split:]):
                        negated.add((kind, key))
                        continue
                stated[kind].add(key)
            continue
        # "we share it with no one except our payment processor": what the exceptions name is
        # stated (the promise lets it happen), what comes before them is ruled out
        opening = lex.list_exceptions.search(named) if lex.list_exceptions is not None else None
        if opening is None:
            negated.update(found)
            continue
        before, after = named[: opening.start()], named[opening.end() :]
        negated.update((kind, key) for kind, patterns in kinds.items() for key in _keys(patterns, before))
        for kind, key in ((kind, key) for kind, patterns in kinds.items() for key in _keys(patterns, after)):
            stated[kind].add(key)
    ruled_out = frozenset(n for n in negated if n[1] not in stated[n[0]])
    return {k: frozenset(v) for k, v in stated.items()}, ruled_out


ITEM_VERB_REACH = 3  # words a list item's verb may come after ("ni ne les transmettons")


@lru_cache(maxsize=32)
def _item_bounds(lex: Lexicon) -> re.Pattern[str]:
    """A comma or a conjunction: where one item of a list ends and the next begins."""
    words = "|".join(re.escape(w) for w in sorted(lex.conjunctions, key=len, reverse=True))
    return re.compile(rf"[,，、]|\b(?:{words})\b" if words else r"[,，、]", re.IGNORECASE)


def _excepted_last_item(seg: str, lex: Lexicon) -> int | None:
    """Where the last of a list of things not done starts, when only that last one carries an
    exception: in "we do not use it for ads, sell it, or pass it on except as needed to run the
    app" the exception lets the data be passed on, while ads and selling stay ruled out. The
    last item opens (after its conjunction or "nor") with a verb of doing something with data;
    None when there is no such list ("we do not share it except with our host", "not for ads or
    analytics, except ...": the exception is the whole promise's)."""
    exceptions, negators, verbs = lex.list_exceptions, lex.negators, lex.actions.any
    if exceptions is None or negators is None or verbs is None or lex.cjk:
        return None
    opening = exceptions.search(seg)
    if opening is None:
        return None
    head = seg[: opening.start()].rstrip().rstrip(",，、").rstrip()
    bounds = list(_item_bounds(lex).finditer(head))
    if not bounds or not negators.search(head, 0, bounds[-1].start()):
        return None
    words = head[bounds[-1].end() :].split()
    while words and is_list_negator(words[0].strip(",;"), lex):
        words = words[1:]
    if not any(verbs.match(" ".join(words[i:])) for i in range(min(ITEM_VERB_REACH, len(words)))):
        return None
    return bounds[-1].start()


def _inside_ad_id(key: str, seg: str, lex: Lexicon) -> bool:
    """Every mention of the purpose `key` is part of an advertising ID's name ("your advertising
    ID", "Werbe-ID"): a kind of data named, no use of it."""
    ad_id = lex.data_types.get("advertising id")
    if ad_id is None or not caseless.search(ad_id, seg):
        return False
    return not caseless.search(lex.purposes[key], _blanked(ad_id, seg, " "))


SOURCE_REACH = 3  # words between "from" and the party it names ("from the credit reference agencies")
SOURCE_LOOKBACK = 60  # characters before a party in which "from" is looked for


@lru_cache(maxsize=32)
def _source_tail(markers: str, cjk: bool) -> re.Pattern[str]:
    """A source marker ending the text, then at most SOURCE_REACH words (a few characters in CJK)."""
    if cjk:
        return re.compile(rf"(?:{markers})[^，。；、,;]{{0,8}}$")
    return re.compile(rf"(?:{markers})(?:\s+[\w'’-]+){{0,{SOURCE_REACH}}}\s*$", re.IGNORECASE)


def _source_only(key: str, seg: str, text: str, lex: Lexicon) -> bool:
    """Every mention of the party `key` in the sentence stands right after a word that says where
    data comes from ("we obtain company data from credit agencies", "od bonitetnih hiš", "从征信机构
    获取"), and the sentence sends nothing anywhere: the party is a source of data collected, not a
    recipient. A clause (`text`, of which `seg` is one sentence or list part) that shares,
    discloses or sells keeps it ("we may disclose data to: (v) answer requests from the police":
    the police receive it)."""
    markers, pattern, sell = lex.source_markers, lex.recipients.get(key), lex.actions.get("sell")
    if (
        markers is None
        or pattern is None
        or _sends(text, lex)
        or (sell is not None and caseless.search(sell, text))
    ):
        return False
    tail = _source_tail(markers.pattern, lex.cjk)
    starts = [m.start() for m in pattern.finditer(seg)]
    return bool(starts) and all(tail.search(seg[max(0, at - SOURCE_LOOKBACK) : at]) for at in starts)


FLOW_CATEGORIES = frozenset({"transfer", "retention", "collection"})
CONTROLLER_LEAD = 60  # characters: a clause that says who the controller is names it first


def _states_a_flow(text: str, lex: Lexicon, hits: dict[str, int]) -> bool:
    """Whether the clause says something happens to data: shared, sold, disclosed, transferred,
    collected, used, stored or kept. Only then is a company or a country it names a recipient or
    a destination; "if you are an agency in Brazil" or "advertisers can read our help page"
    name no one data goes to."""
    if hits.keys() & FLOW_CATEGORIES:
        return True
    return any(p is not None and caseless.search(p, text) for p in (lex.actions.any, lex.processing))


COMMERCIAL_USES = ("advertising", "marketing")


def _names_a_commercial_use(text: str, lex: Lexicon) -> bool:
    """The clause names advertising or marketing ("to show you ads", "to send you offers"): in a
    sentence where something happens to data, that is what the data is (also) used for, even with
    no word for "purpose" or "use" ("stored to answer your questions and to show you ads")."""
    patterns = (lex.purposes.get(use) for use in COMMERCIAL_USES)
    return any(p is not None and caseless.search(p, text) for p in patterns)


def _says_who_the_controller_is(text: str, lex: Lexicon) -> bool:
    """The clause names the controller near its start ("The controller is X and its subsidiaries,
    including Y", "Le responsable du traitement est X et ses filiales") and, the controller's own
    name aside ("traitement", "处理者" are processing words), moves or handles no data."""
    controller = lex.controller
    at = caseless.first(controller, text) if controller is not None else None
    if controller is None or at is None or at > CONTROLLER_LEAD:
        return False
    return not _states_a_flow(_blanked(controller, text, " "), lex, {})


# A name that opens a clause: capitalised words up to the comma or bracket after it
# ("Insamlingsstiftelsen WaterAid Sverige, org. nr ..., är personuppgiftsansvarig").
_NAME_WORD = r"[A-Z\u00c0-\u00de][\w&'’.-]*"
_LEADING_NAME = compile_cached(rf"^\W*((?:{_NAME_WORD}\s+){{1,5}}{_NAME_WORD})(?=\s*[,(])")
CONTROLLER_REACH = 160  # characters: the controller word that says what the opening name is


def _without_controller_name(text: str, lex: Lexicon) -> str:
    """The clause with the controller's own name blanked where it opens a clause that says who the
    controller is ("Datensammelstelle Nord e.V., Hauptstr. 1, ist Verantwortlicher") and, the name
    aside, moves or handles no data: the words inside a name ("Insamlingsstiftelsen", a
    collection foundation) state no term."""
    controller = lex.controller
    if controller is None or lex.cjk:
        return text
    m = _LEADING_NAME.match(text)
    if m is None:
        return text
    at = caseless.first(controller, text)
    if at is None or at < m.end(1) or at > CONTROLLER_REACH:
        return text
    rest = text[: m.start(1)] + " " * (m.end(1) - m.start(1)) + text[m.end(1) :]
    return text if _states_a_flow(_blanked(controller, rest, " "), lex, {}) else rest


SCOPE_REACH = 40  # characters after "if you are in" that may name where the user is


def _without_scopes(text: str, lex: Lexicon) -> str:
    """The text without the places named as where the user is ("if you are in the EU, you may
    ..."): who a term applies to, no destination of data. Blanked to the end of that part."""
    scope = lex.residence_scope
    if scope is None or not caseless.search(scope, text):
        return text
    out = list(text)
    for m in scope.finditer(text):
        stop = _PART_END.search(text, m.end(), m.end() + SCOPE_REACH)
        end = stop.start() if stop else min(len(text), m.end() + SCOPE_REACH)
        out[m.start() : end] = " " * (end - m.start())
    return "".join(out)


_PART_END = compile_cached(r"[,;:.，。；：]")


def _processed_by(text: str, lex: Lexicon) -> bool:
    """The clause says a party handles the data ("processed by our team", "sent to a lab"): a
    place it names is where the data is processed, a destination."""
    return lex.processed_by is not None and caseless.search(lex.processed_by, text)


def processed_by_a_party(facts: ClauseFacts) -> bool:
    """The clause's text says a party handles the data ("processed by us or by third parties")."""
    reading = getattr(facts, "_reading", None)
    return reading is not None and bool(_processed_by(reading.text, reading.lex))


def _sends(text: str, lex: Lexicon) -> bool:
    """The clause moves data to someone: transferred, shared or disclosed (the verbs that make a
    named place a destination; "processing activities in Nigeria" names none)."""
    verbs = (lex.actions.get("transfer"), lex.actions.get("share"), lex.actions.get("disclose"))
    return any(p is not None and caseless.search(p, text) for p in verbs)


def _denies(text: str, segment: str, lex: Lexicon) -> bool:
    """The sentence negates what it names, unless the clause makes it conditional: "we don't
    share it with partners unless you agree" states a recipient, on a condition."""
    limit = lex.conditions.get("limit")
    if limit is not None and caseless.search(limit, text):
        return False
    cleaned = _blanked(lex.negator_exceptions, segment, " ") if lex.negator_exceptions else segment
    return lex.negators is not None and caseless.search(lex.negators, cleaned)


def _places(text: str, lex: Lexicon) -> frozenset[str]:
    """Places named in the clause's language, plus English names, which every language borrows;
    a place named as what data stays out of ("outside the EU") is kept as "outside EU/EEA"."""
    if lex.outside_places is not None and caseless.search(lex.outside_places, text):
        return _places_with_outside(text, lex)
    return _named_places(text, lex)


# The words after "outside" that may name the place: up to four ("the European Economic Area"),
# not past a comma, a full stop or a bracket ("outside the EEA, for example in the US").
_AFTER_OUTSIDE = re.compile(r"(?:[^\w,.;:()\[\]\n]*[\w'’-]+){1,4}")
_BEFORE_OUTSIDE = re.compile(r"[^,.;:()\[\]\n，。；：（）、]{0,12}$")  # CJK: the place is said first


def _places_with_outside(text: str, lex: Lexicon) -> frozenset[str]:
    outside: set[str] = set()
    named_outside: set[str] = set()
    kept: list[str] = []
    last = 0
    for m in lex.outside_places.finditer(text):  # type: ignore[union-attr]  # callers check it is set
        if m.start() < last:
            continue
        if lex.cjk:
            before = _BEFORE_OUTSIDE.search(text, last, m.start())
            start, end = (before.start() if before else m.start()), m.end()
            named = _named_places(text[start : m.start()], lex)
        else:
            after = _AFTER_OUTSIDE.match(text, m.end())
            start, end = m.start(), (after.end() if after else m.end())
            named = _named_places(text[m.end() : end], lex)
        if named:
            outside |= {f"outside {place}" for place in named}
            named_outside |= named
            kept.append(text[last:start])
            last = end
    kept.append(text[last:])
    # what the whole phrase names besides its place ("utanför EU" is also "overseas") stands
    beside = _named_places(text, lex) - named_outside if outside else frozenset()
    return _named_places(" ".join(kept), lex) | outside | beside


def _named_places(text: str, lex: Lexicon) -> frozenset[str]:
    places = _keys(lex.places, text)
    if lex.language != "en":
        places |= _keys(load_lexicon("en").places, text)
    pattern, names = country_names(lex.language)
    first_words = _country_first_words(lex.language)
    if pattern is not None and (first_words is None or not first_words.isdisjoint(_WORD_RUN.findall(text))):
        places |= {names[m.group(0)] for m in pattern.finditer(text)}
    declined, stems = inflected_country_names(lex.language)
    if declined is not None:  # "na Filipinima", "v Nemčiji": a name with its case ending
        places |= {stems[m.group("stem")] for m in declined.finditer(text)}
    return places


@cache
def _country_first_words(language: str) -> frozenset[str] | None:
    """The first word of every country name of `language`: a name matches only where a word of
    the text is its first word (the pattern wants no word character before or after a name, so
    the name's first run of word characters is a whole run of the text). None for Chinese, whose
    names need no word boundary, or a name that opens with no word character."""
    pattern, names = country_names(language)
    if pattern is None or canonical_language(language) == "zh":
        return None
    words = set()
    for name in names:
        first = _WORD_RUN.match(name)
        if first is None:
            return None
        words.add(first.group(0))
    return frozenset(words)


def _complaint_to_the_service(text: str, lex: Lexicon) -> bool:
    """The complaint the clause speaks of goes to the service itself ("complaints about your order
    go to customer service", "en cas de réclamation, contactez notre service client"), and no
    data protection authority is named: no right to complain to one."""
    service, authorities = lex.service_complaints, lex.supervisory_authorities
    if service is None or not caseless.search(service, text):
        return False
    return authorities is None or not caseless.search(authorities, text)


def _without_service_complaints(text: str, lex: Lexicon, hits: dict[str, int]) -> None:
    """The rights words counted again with the complaint and the service it goes to blanked
    out: "complaints about your order go to customer service" states no right of the user's."""
    complaint, rights = lex.rights.get("complaint"), lex.categories.get("rights")
    if complaint is None or rights is None or lex.service_complaints is None:
        return
    for pattern in (complaint, lex.service_complaints):
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    left = caseless.count(rights, text)
    if left:
        hits["rights"] = left
    else:
        del hits["rights"]


# what is done with data: a practice the user may turn off is one of these (not pop-up notices)
_DATA_PRACTICES = frozenset({"collection", "sharing", "purpose", "transfer", "retention"})


def _turned_off_in_settings(text: str, lex: Lexicon) -> bool:
    """The clause tells the user they can block, disable or turn off a data practice in their device,
    browser or app settings (not cookies: rejecting them is a choice about tracking): a control
    the user holds, so the clause is about the user's rights whatever data it names."""
    settings = lex.rights.get("settings opt-out")
    if settings is None or not caseless.search(settings, text):
        return False
    cookies = lex.rights.get("reject cookies")
    return cookies is None or not caseless.search(cookies, text)


def _rights(named: frozenset[str], hits: Collection[str]) -> frozenset[str]:
    """Of the rights whose words occur, those the clause states: all of them in a clause about
    rights; elsewhere words like "correct" are not rights, but a clause about cookies may name
    the choice to reject them."""
    if "rights" in hits:
        return named
    return named & {"reject cookies"} if "tracking" in hits else frozenset()


# a Chinese verb that describes a noun ("用户传输和生成的内容", "您提供的信息"): maybe a second verb
# of two characters joined by 和/或/及 (not "或出租您的信息": there 的 follows a pronoun), then 的
_CJK_RELATIVE = compile_cached(r"(?:[和与與或及、](?![您你我他她它其])[\u4e00-\u9fff]{2})?的")

# a Chinese "not" standing alone right before the verb ("我们不披露"); not the "must" of "不得不"
_CJK_BARE_NOT = compile_cached(r"(?<!不得)(?<!不能)不\Z")


def _state_before(before: str, lex: Lexicon) -> tuple[str, str]:
    """negated/may/affirmed from the words just before a verb, and the words that say so."""
    if lex.cjk and _CJK_BARE_NOT.search(before):
        return "negated", "不"  # "我们不披露": a bare "not" just before the verb, as "不会披露"
    neg = [n.start() for n in lex.negators.finditer(before)] if lex.negators else []
    may = [n.start() for n in lex.modals.finditer(before)] if lex.modals else []
    if neg and (not may or max(neg) >= max(may) or lex.cjk):
        state, at = "negated", max(neg)
    elif may:
        state, at = "may", max(may)
    else:
        return "affirmed", ""
    if not lex.cjk and state == "negated":  # the auxiliary too: "does not sell", "kommer aldrig att sälja"
        space = before.rfind(" ", 0, max(0, at - 1))
        if space >= 0:  # a word cut by the window's edge is left out, not quoted in part
            at = space + 1
    return state, before[at:]


def _negated_after(text: str, verb_end: int, lex: Lexicon) -> bool:
    """Verb-second languages put the negator after the verb: "vi säljer inte", "wir verkaufen sie nicht"."""
    n = lex.extra.get("negator_after_words", 0)
    if not n or lex.negators is None:
        return False
    head = _past_paired_verb(_words_after(text, verb_end, n + 2 + LIST_ALLOWANCE), lex)[: n + LIST_ALLOWANCE]
    words = _without_list_head(head, lex.conjunctions)[:n]
    if lex.negators.search(" ".join(words)):
        return True
    return bool(lex.negators.search(" ".join(_without_pair_head(head, lex)[:n])))


LIST_ALLOWANCE = 12  # words a list of objects may add between a verb and its negator
LIST_NEGATION_REACH = 6  # words between a verb and the "neither" of the list it negates


def is_list_negator(word: str, lex: Lexicon) -> bool:
    """A negator that opens a list it negates item by item ("neither") or carries the negation on
    to the next item ("nor", fr "ni", nl "noch")."""
    if word.lower() in lex.list_openers:
        return True
    return lex.negation_continuers is not None and lex.negation_continuers.fullmatch(word) is not None


@lru_cache(maxsize=32)
def _list_negators(lex: Lexicon) -> re.Pattern[str] | None:
    """The lexicon's list openers and continuers as one pattern (None: it has neither)."""
    parts = [re.escape(w) for w in sorted(lex.list_openers)]
    if lex.negation_continuers is not None:
        parts.append(lex.negation_continuers.pattern)
    return compile_cached(rf"\b(?:{'|'.join(parts)})\b", re.IGNORECASE) if parts else None


def _negated_over_list(text: str, verb_end: int, lex: Lexicon) -> bool:
    """A list negator after the verb, answered in the same clause by another or by a conjunction,
    negates the verb: "we share it with neither advertisers nor brokers", "is sold neither to A
    nor to B" (not "with partners, neither of whom ...": no second part)."""
    marks = _list_negators(lex)
    if marks is None or not caseless.search(marks, text, verb_end):
        return False  # most sentences hold no "neither" or "nor" after the verb
    words = [w.lower() for w in _words_after(text, verb_end, LIST_NEGATION_REACH + LIST_ALLOWANCE)]
    opened = False
    for i, word in enumerate(words):
        bare = word.strip("\"'“”‘’()[],.;:!?")
        if opened and (is_list_negator(bare, lex) or bare in lex.conjunctions):
            return True
        if not opened and i < LIST_NEGATION_REACH and is_list_negator(bare, lex):
            opened = True
        if _CLAUSE_END.search(word):
            return False
    return False


def _past_paired_verb(words: list[str], lex: Lexicon) -> list[str]:
    """The words after a second verb joined to the first by a conjunction: in "wij verkopen of
    verhuren uw gegevens niet", "vi sælger eller udlejer ikke dine oplysninger", the negator after
    the pair negates both verbs, so the first is read from where the second ends."""
    if len(words) < 2 or words[0].lower() not in lex.conjunctions or lex.actions.any is None:
        return words
    second = lex.actions.any.match(" ".join(words[1:]))
    if second is None:
        return words
    return words[1 + len(second.group(0).split()) :]


_NON_SPACE = compile_cached(r"\S+")


def _words_after(text: str, at: int, count: int) -> list[str]:
    """text[at:].split()[:count] without splitting all the rest: a verb found thousands of times
    in one freak sentence made each find split everything after it (quadratic)."""
    return [m.group(0) for m in islice(_NON_SPACE.finditer(text, at), count)]


LIST_ITEM_WORDS = 3  # words in one item of such a list


def _without_list_head(words: list[str], conjunctions: frozenset[str]) -> list[str]:
    """The words with a list of three or more items before a conjunction cut to its last item:
    "wir verwenden Ihre Standortdaten, Kontakte oder Fotos nicht" reads as "... Ihre Fotos
    nicht", so the negator stands as near the verb as with one object. A comma with no
    conjunction after it ("an Partner, die sie nicht ...") opens another clause: left as is."""
    for j, word in enumerate(words):
        if _CLAUSE_END.search(word):
            return words
        if j == 0 or word.lower() not in conjunctions:
            continue
        first, last = None, j
        for i in range(j - 1, -1, -1):  # "item, item, item <conjunction>", each item a few words
            if last - i > LIST_ITEM_WORDS:
                break
            if words[i].endswith(","):
                first = last = i
        if first is not None:
            return words[:first] + words[j + 1 :]
    return words


_CLAUSE_END = compile_cached(r"[.;:!?]")


def _without_pair_head(words: list[str], lex: Lexicon) -> list[str]:
    """The words with two objects joined by a conjunction cut to the second: "wir verkaufen Ihre
    Standortdaten oder Fotos nicht" reads as "... Fotos nicht". Not when the part after the
    conjunction has a verb of its own ("Ihre Daten und geben sie nicht weiter"): two clauses."""
    if lex.negators is None:
        return words
    for j, word in enumerate(words[: LIST_ITEM_WORDS + 1]):
        if _CLAUSE_END.search(word):
            return words
        if j == 0 or word.lower() not in lex.conjunctions:
            continue
        rest = words[j + 1 :]
        at = next((i for i, w in enumerate(rest[: LIST_ITEM_WORDS + 1]) if lex.negators.search(w)), None)
        if at is None or any(_CLAUSE_END.search(w) for w in rest[:at]):
            return words
        around = " ".join(rest[:at] + rest[at + 1 : at + 2])
        if any(p is not None and caseless.search(p, around) for p in (lex.actions.any, lex.processing)):
            return words
        return rest
    return words


def _change_notice(text: str, lex: Lexicon) -> str | None:
    if lex.change_no_notice is not None and caseless.search(lex.change_no_notice, text):
        return "none"
    if lex.change_promise is not None and caseless.search(lex.change_promise, text):
        return "promised"
    return None


def _names_breach(text: str, lex: Lexicon) -> bool:
    return lex.breach is not None and bool(caseless.search(lex.breach, text))


def _names_event(text: str, lex: Lexicon) -> bool:
    """The clause names an event other than a change of the policy that a notice may follow:
    an account suspended, a request from the authorities."""
    return lex.notice_events is not None and bool(caseless.search(lex.notice_events, text))


def _notice_only(text: str, lex: Lexicon) -> bool:
    """The clause's words about changes are only a promise to tell the user ("we will notify you",
    "giver vi dig besked"), with no change to the policy named: in a clause naming a breach the
    notice is of the breach."""
    spans = [p for p in (lex.change_promise, lex.change_no_notice) if p is not None]
    if not spans:
        return False
    rest = text
    for pattern in spans:
        rest = _blanked(pattern, rest, " ")
    return rest != text and "changes" not in _category_hits(rest, lex)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _names_a_date(text: str, lex: Lexicon) -> bool:
    """The text names a calendar date: a year ("2025", "2025年") or a month with a day ("1 March")."""
    if _YEAR.search(text):
        return True
    if lex.months is None or _DIGIT.search(text) is None:
        return False
    return bool(caseless.search(lex.months, text))


def _only_in_force(text: str, lex: Lexicon) -> bool:
    """The clause's words about changes only say from which date a document applies ("these terms
    take effect on 1 March 2025", "treden in werking per 1 juni 2014"): an effective date, not how
    changes are told; a promise to tell ("we will notify you"), a notice period or a change named
    ("changes to this policy") beside it is still about changes."""
    if not states_effective_date(text, lex):
        return False
    rest = _blanked(lex.in_force, text, " ") if lex.in_force is not None else text
    return "changes" not in _category_hits(rest, lex)


def states_effective_date(text: str, lex: Lexicon) -> bool:
    """The text says from which date something applies ("take effect on 1 March 2025") and
    says nothing of how or when changes are told."""
    if lex.in_force is None or not caseless.search(lex.in_force, text) or not _names_a_date(text, lex):
        return False
    if _keys(lex.change_channels, text) or _keys(lex.change_timing, text):
        return False  # "we will e-mail you before they take effect on 1 March": how changes are told
    return _change_notice(text, lex) is None


def _is_update_stamp(text: str, lex: Lexicon) -> bool:
    """A short line that starts with "Last updated", "更新日期"... and carries a date."""
    if lex.update_stamp is None or len(text) > 160 or not re.search(r"\d", text):
        return False
    m = lex.update_stamp.search(text)
    return m is not None and m.start() < 8


def statement_text(text: str) -> str:
    """What a clause states, without what only names or points: link targets, URLs, e-mail
    addresses and company names ("Northwind Partners LLC") become spaces; link labels stay."""
    text = without_addresses(text)
    return _COMPANY.sub(" ", text) if _HAS_LEGAL_FORM.search(text) else text


def without_addresses(text: str) -> str:
    """The text with URLs and e-mail addresses blanked, Markdown links reduced to their labels."""
    text = link_labels(text)
    if "@" in text or "[" in text:  # what every e-mail match holds: "@" or "[email protected]"
        text = EMAIL_RE.sub(" ", text)
    if "://" in text or "www." in text.lower():  # what every URL match starts with
        text = URL_RE.sub(" ", text)
    return text


def link_labels(text: str) -> str:
    """Markdown links replaced by their (unescaped) labels: "[Help](https://…)" -> "Help"."""
    return _MD_LINK.sub(lambda m: m.group(1).replace("\\", ""), text) if "](" in text else text


def _without_links(text: str) -> str:
    """The text without Markdown links at all: a link's label names a page, not a place."""
    return _MD_LINK.sub(" ", text) if "](" in text else text


def contacts_in(text: str) -> frozenset[str]:
    """E-mail addresses, URLs and phone numbers written in the text. Each pattern is run only
    where the text holds what every match of it holds (as in without_addresses; a phone number,
    a digit): most clauses have no "@", "[", "://", "www." or digit at all, and the e-mail
    pattern reads every word to its end at every letter before it can tell."""
    found: list[str] = []
    if "@" in text or "[" in text:
        found += EMAIL_RE.findall(text)
    if "://" in text or "www." in text.lower():
        found += URL_RE.findall(text)
    if _DIGIT.search(text):  # a phone number's digits are \d's, as the search's
        found += [p for p in PHONE_RE.findall(text) if sum(ch.isdigit() for ch in p) >= 7]
    return frozenset(found)


def categories_from_hits(hits: dict[str, int]) -> tuple[str, ...]:
    return tuple(c for c in CATEGORIES if hits.get(c))


@lru_cache(maxsize=8192)
def extract_facts(text: str, language: str = "und") -> ClauseFacts:
    """The facts one clause states. Deterministic; cached per (text, language).

    A clause mixing Chinese with a run of Latin-script words (a bilingual page joined into one
    block) is read with both lexicons and the facts are merged."""
    raw = text
    text = statement_text(text)
    facts = _extract(text, pick_lexicon(text, language), raw)
    if facts.language == "zh" and len(_LATIN_WORD.findall(text)) >= MIXED_MIN_WORDS:
        latin = " ".join(_LATIN_RUN.findall(text))
        other = pick_lexicon(latin, language if canonical_language(language) != "zh" else "und")
        facts = _merge(facts, _extract(text, other, raw))
    elif facts.language != "zh" and len(_CJK_RE.findall(text)) >= MIXED_MIN_HAN:
        facts = _merge(facts, _extract(text, load_lexicon("zh"), raw))
    return facts


def _merge(a: ClauseFacts, b: ClauseFacts) -> ClauseFacts:
    hits = dict(a.category_hits)
    for k, v in b.category_hits.items():
        hits[k] = hits.get(k, 0) + v
    return ClauseFacts(
        language=a.language,
        categories=categories_from_hits(hits),
        durations=a.durations + b.durations,
        retention_states=a.retention_states | b.retention_states,
        ages=tuple(sorted(set(a.ages) | set(b.ages))),
        places=a.places | b.places,
        polarity=a.polarity + b.polarity,
        recipients=a.recipients | b.recipients,
        data_types=a.data_types | b.data_types,
        purposes=a.purposes | b.purposes,
        ruled_out=a.ruled_out | b.ruled_out,
        rights=a.rights | b.rights,
        rights_named=a.rights_named | b.rights_named,
        breach_states=a.breach_states | b.breach_states,
        change_notice=a.change_notice or b.change_notice,
        change_channels=a.change_channels | b.change_channels,
        change_timing=a.change_timing | b.change_timing,
        security_measures=a.security_measures | b.security_measures,
        contacts=a.contacts | b.contacts,
        conditions=a.conditions | b.conditions,
        is_update_stamp=a.is_update_stamp or b.is_update_stamp,
        states_flow=a.states_flow or b.states_flow,
        category_hits=hits,
    )


def _own_details(text: str, lex: Lexicon) -> int:
    """How many contact words name the user's own details ("your e-mail address", "votre numéro
    de téléphone"): those are data collected; the controller's own ("our address") are contact.
    Details named as where a message goes ("we send a link to your e-mail address", "an Ihre
    E-Mail-Adresse") are the channel that reaches the user, not data collected."""
    contact, user = lex.categories.get("contact"), lex.possessives.get("user")
    ours, breaks = lex.possessives.get("ours"), lex.possessives.get("breaks")
    if contact is None or user is None:
        return 0
    window = OWN_WINDOW[lex.cjk]
    count = 0
    for m in contact.finditer(text):
        before = text[max(0, m.start() - window) : m.start()]
        yours = [(p.start(), p.end()) for p in user.finditer(before)]
        if not yours:
            if not lex.cjk and _yours_after(text, m.end(), contact, user, lex.conjunctions):
                if breaks is None or not _sent_to(before, breaks, lex.cjk):
                    count += 1
            continue
        start, end = yours[-1]
        between = before[end:]
        if any(p is not None and p.search(between) for p in (ours, breaks)):
            continue
        if breaks is not None and _sent_to(before[:start], breaks, lex.cjk):
            continue
        count += 1
    return count


def _yours_after(
    text: str, end: int, contact: re.Pattern[str], user: re.Pattern[str], conjunctions: frozenset[str]
) -> bool:
    """The user's possessive after the detail or the list it opens, as Norwegian, Danish and
    Swedish put it ("e-postadressen og telefonnummeret ditt"): only other details and the words
    that join them stand between."""
    rest = text[end : end + OWN_WINDOW[False]]
    for word in re.findall(r"[\w-]+|[^\w\s]", rest):
        if user.fullmatch(word):
            return True
        if word != "," and word.lower() not in conjunctions and not contact.fullmatch(word):
            return False
    return False


def _sent_to(prefix: str, breaks: re.Pattern[str], cjk: bool) -> bool:
    """The word just before "your" sends something there: "to", "at", "via" your e-mail."""
    if cjk:
        return bool(breaks.search(prefix[-2:]))
    words = prefix.split()
    return bool(words) and bool(breaks.fullmatch(words[-1].strip("(\"'“‘")))


STATE_LEAD = 16  # characters between "only" and the retention state it opens ("only for the")


def _conditions(text: str, lex: Lexicon) -> frozenset[str]:
    """The qualifiers a clause states. An "only" that opens a retention state ("only as long as
    needed", "nur so lange wie nötig", "uniquement pendant la durée nécessaire") or a promise of
    data minimisation ("only the minimum data needed") is part of it, which says the same with or
    without it: no limit of its own."""
    conditions = _keys(lex.conditions, text)
    if conditions & WAIVABLE and lex.waived_conditions is not None:
        conditions -= _waived(conditions & WAIVABLE, text, lex)
    limit = lex.conditions.get("limit")
    if "limit" in conditions and limit is not None and _controller_for_residents(text, limit, lex):
        conditions -= {"limit"}
    if "limit" in conditions and limit is not None and _only_where_offered(text, limit, lex):
        conditions -= {"limit"}
    minimum = lex.conditions.get("minimum") if "minimum" in conditions else None
    if "limit" not in conditions or limit is None:
        return conditions
    if not _may_match(lex.retention_states, text) and minimum is None:
        return conditions
    states = [*lex.retention_states.values(), *([minimum] if minimum is not None else [])]
    spans = [(m.start(), m.end()) for p in states for m in p.finditer(text)]
    if all(_in_state(text, m.start(), m.end(), spans) for m in limit.finditer(text)):
        return conditions - {"limit"}
    return conditions


def _controller_for_residents(text: str, limit: re.Pattern[str], lex: Lexicon) -> bool:
    """Every limiting word of the clause says where the user lives, and the clause only says who
    the controller is ("If you live in the EU, the company responsible for your data is X"): whom
    that company answers for, a matter of contact details, no limit on what is done with data."""
    scope = lex.residence_scope
    if scope is None or not _says_who_the_controller_is(text, lex):
        return False
    spans = [(m.start(), m.end()) for m in scope.finditer(text)]
    return bool(spans) and all(_overlaps(m, spans) for m in limit.finditer(text))


def _only_where_offered(text: str, limit: re.Pattern[str], lex: Lexicon) -> bool:
    """Every limiting word of the clause says where a feature is offered, in countries it does
    not name ("only in the territories concerned, we work with Batch ..."): whom the clause
    applies to, no limit on what is done with the data. A named place ("only in the EU") is no
    such scope: the lexicons' phrases name none."""
    scope = lex.availability_scope
    if scope is None:
        return False
    spans = [(m.start(), m.end()) for m in scope.finditer(text)]
    return bool(spans) and all(_overlaps(m, spans) for m in limit.finditer(text))


# Conditions a clause can say do not apply: consent not needed, a destination without adequate
# protection. A limit ("only") or anything said with "without" is never waived by these words:
# "not ... without your consent" keeps the condition (whether the verb is negated decides).
WAIVABLE = frozenset({"consent", "parental", "explicit", "supervision", "safeguard"})


def _waived(kinds: frozenset[str], text: str, lex: Lexicon) -> set[str]:
    """The kinds whose every mention stands inside a phrase that says it is not needed: "no
    parental consent is required", "die Einwilligung ist nicht erforderlich", "nous ne demandons
    pas votre accord". Such a clause states the condition's absence, not the condition."""
    assert lex.waived_conditions is not None
    spans = [(m.start(), m.end()) for m in lex.waived_conditions.finditer(text)]
    if not spans:
        return set()
    return {kind for kind in kinds if all(_overlaps(m, spans) for m in lex.conditions[kind].finditer(text))}


def _overlaps(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(a < match.end() and match.start() < b for a, b in spans)


def _in_state(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """The words text[start:end] stand inside a retention state or just before one."""
    for a, b in spans:
        if a <= start and end <= b:  # "nur so lange": the state's own words
            return True
        if 0 <= a - end <= STATE_LEAD and not re.search(r"[.;:,]", text[end:a]):
            return True
    return False


FINAL_BEFORE, FINAL_AFTER = 3, 2  # words before and after "permanently" where a deletion verb makes it final
FINAL_HAN = 3  # characters, in Han text: "永久删除"


def _retention_states(text: str, lex: Lexicon) -> frozenset[str]:
    """The retention states a clause names. "Permanently" beside a verb of deleting or closing
    ("we permanently delete it", "supprimées définitivement", "永久删除") says the deletion is
    final, not that anything is kept for ever."""
    states = _keys(lex.retention_states, text)
    forever, deletion = lex.retention_states.get("indefinite"), lex.deletion
    if "indefinite" not in states or forever is None or deletion is None:
        return states
    if all(_beside(text, m.start(), m.end(), deletion, lex.cjk) for m in forever.finditer(text)):
        return states - {"indefinite"}
    return states


def _beside(text: str, start: int, end: int, pattern: re.Pattern[str], cjk: bool) -> bool:
    """Whether `pattern` matches within a couple of words (or Han characters) of text[start:end]."""
    if cjk:
        before, after = text[max(0, start - FINAL_HAN) : start], text[end : end + FINAL_HAN]
    else:
        # "wir löschen Ihre Daten dauerhaft": the verb may stand a few words before
        before = " ".join(text[:start].split()[-FINAL_BEFORE:])
        after = " ".join(text[end:].split()[:FINAL_AFTER])
    return bool(pattern.search(before) or pattern.search(after))


NAMES_IN_SENTENCES = 6  # words: a shorter clause ("Our Cookie Notice") is a title, and tells the topic


def _without_document_names(text: str, lex: Lexicon) -> str:
    """A sentence without the names of other documents it points to ("read our Cookie Policy"):
    a name states nothing about cookies. A title that is the name keeps it: a section headed
    "Cookie Notice" is about cookies."""
    names = lex.document_names
    if names is None or not caseless.search(names, text) or len(_WORD_RUN.findall(text)) < NAMES_IN_SENTENCES:
        return text
    return names.sub(" ", text)


def _without_warranty_terms(text: str, lex: Lexicon) -> str:
    """A sentence without the warranties it disclaims ("no warranty of fitness for a particular
    purpose", "geschiktheid voor een bepaald doel"): the purpose there is the product's, not what
    personal data is used for, and "merchantability" ("säljbarhet") sells no data."""
    terms = lex.warranty_terms
    if terms is None or not caseless.search(terms, text):
        return text
    return terms.sub(" ", text)


def _without_contract_withdrawal(text: str, lex: Lexicon) -> str:
    """A sentence without the consumer's right to withdraw from a contract it names ("you may
    exercise your right of withdrawal online", "droit de rétractation"): a right under consumer
    law, no right over personal data. Kept where the sentence is about withdrawing consent
    ("right of withdrawal: you may withdraw your consent at any time")."""
    terms = lex.contract_withdrawal
    if terms is None or not caseless.search(terms, text):
        return text
    rest = terms.sub(" ", text)
    consent = lex.rights.get("withdraw consent")
    if consent is not None and caseless.search(consent, rest):
        return text
    return rest


DEFINED_TERM_WORDS = 6  # a defined term is a short name: "Transaction", "Digital Asset Account"
_QUOTES = "\"'“”„«»‘’「」『』"


def _defines_a_term(text: str, lex: Lexicon) -> bool:
    """The clause defines a term of the contract and names no personal data ("“Transaction”
    means selling or buying digital assets"): what the term means is no statement that data is
    sold, collected or kept. The term stands first, quoted or capitalised ("This means" is none)."""
    verbs, nouns = lex.definition_verbs, lex.data_nouns
    m = verbs.search(text, 0, 80) if verbs is not None else None
    if m is None or nouns is None:
        return False
    if any(not _in_a_name(text, n.start(), lex) for n in nouns.finditer(text)):
        return False
    term = text[: m.start()].strip().rstrip(":,")
    if lex.cjk:
        return len(term) >= 2 and term[0] in _QUOTES and term[-1] in _QUOTES
    words = term.strip(_QUOTES + "()*").split()
    if not 0 < len(words) <= DEFINED_TERM_WORDS or not all(w[0].isupper() or w[0] in _QUOTES for w in words):
        return False
    quoted = term[0] in _QUOTES
    return quoted or not (lex.stopwords is not None and lex.stopwords.fullmatch(words[0].lower()))


def _in_a_name(text: str, at: int, lex: Lexicon) -> bool:
    """The capitalised word at `at` ends a name of capitalised words ("your Wallet Account",
    "Fiat Currency"), in a language that writes common nouns in lower case."""
    if lex.nouns_capitalised or lex.cjk or not text[at].isupper():
        return False
    before = text[:at].split()
    return bool(before) and before[-1][0].isupper() and len(before) > 1


def _kept(text: str, lex: Lexicon) -> str:
    """ "retention" when the clause names data or records that a period could keep, else "contact"."""
    nouns = lex.data_nouns
    return "retention" if nouns is None or caseless.search(nouns, text) else "contact"


# a sentence end; the dots inside "e.g.," or "i.e." end nothing
_DUTY_END = compile_cached(r"(?<![\s(.][a-zA-Z])\.(?=\s|$)|[;!?。；！？]")


_CLITICS = compile_cached(r"(?:\s+\w{2,3}){0,2}(?=\s)")


def _past_clitics(text: str, at: int) -> int:
    """Past the short words right after a duty ("ne smete nam jih zaupati"): a pronoun there is
    whom the user must not give something to, not the service speaking."""
    m = _CLITICS.match(text, at)
    return m.end() if m else at


def without_user_duties(text: str, lex: Lexicon) -> str:
    """The clause without what it binds the user not to do ("you may not share your password
    with others"): up to the end of that sentence, unless the service speaks in it too ("...;
    we may share it"). Such a sentence states no term about how the service treats data."""
    duties, ours = lex.user_duties, lex.possessives.get("ours")
    if duties is None or not caseless.search(duties, text):
        return text
    out, at = [], 0
    for m in duties.finditer(text):
        if m.start() < at:
            continue
        end = _DUTY_END.search(text, m.end())
        stop = end.start() if end else len(text)
        if ours is not None and ours.search(text, _past_clitics(text, m.end()), stop):
            continue
        out.append(text[at : m.start()])
        at = stop
    return "".join(out) + text[at:]


USER_SHARE_REACH = 120  # characters from "you can" to the share verb it governs (nl, de: the verb ends)
_AFTER_VERB = compile_cached(r"\W+(?:\w+\W+){0,2}?")


def _without_users_own_sharing(text: str, lex: Lexicon) -> str:
    """The clause without the share verbs whose subject is the user sharing their own things
    ("via the app you can share your voice and the sentences we need", "kunt u uw stem ...
    delen"): the user gives to the service, which shares nothing. Kept whole when the sentence
    names a recipient ("you can choose to share your data with partners") or the service stands
    between ("you can ask us to share")."""
    modals, share = lex.user_modals, lex.actions.get("share")
    mine, ours = lex.possessives.get("user"), lex.possessives.get("ours")
    if modals is None or share is None or mine is None or not caseless.search(modals, text):
        return text
    if _keys(lex.recipients, text):
        return text
    out, at = [], 0
    for m in modals.finditer(text):
        if m.start() < at:
            continue
        end = _DUTY_END.search(text, m.end())
        stop = min(end.start() if end else len(text), m.end() + USER_SHARE_REACH)
        verb = share.search(text, m.end(), stop)
        if verb is None or (ours is not None and ours.search(text, m.end(), verb.start())):
            continue
        after = _AFTER_VERB.match(text, verb.end())
        owner_after = after is not None and mine.match(text, after.end()) is not None
        if not (mine.search(text, m.end(), verb.start()) or owner_after):
            continue
        out.append(text[at : verb.start()] + " " * (verb.end() - verb.start()))
        at = verb.end()
    return "".join(out) + text[at:]


def _without_giving_to_us(text: str, lex: Lexicon) -> tuple[str, int]:
    """The clause with the share words blanked inside each phrase where the user gives data to the
    service ("if you share your location with us", "als u ons uw adres verstrekt"), and how many
    such phrases: data the service collects, not shared with anyone."""
    given, sharing = lex.given_to_us, lex.categories.get("sharing")
    if given is None or sharing is None or not caseless.search(given, text):
        return text, 0
    spans = [m.span() for m in given.finditer(text)]
    out = list(text)
    for start, end in spans:
        for word in sharing.finditer(text, start):  # no end: a word's look-ahead may read past it
            if word.start() >= end:
                break
            out[word.start() : word.end()] = " " * (word.end() - word.start())
    return "".join(out), len(spans)


def _as_acceptance(text: str, lex: Lexicon, hits: dict[str, int]) -> None:
    """ "If you keep using the app after a change, you accept the new version": using the service
    on counts as accepting the changed terms, a term of changes. The use is the user's own, no
    purpose of the data: purpose stays only if words outside that phrase name one."""
    assert lex.continued_use is not None
    hits["changes"] = hits.get("changes", 0) + 1
    if "purpose" not in hits:
        return
    rest = _blanked(lex.continued_use, text, " ")
    purpose = _category_hits(rest, lex).get("purpose", 0)
    if purpose:
        hits["purpose"] = purpose
    else:
        del hits["purpose"]


def _extract(text: str, lex: Lexicon, raw: str) -> ClauseFacts:
    whole, text = text, _without_users_own_sharing(without_user_duties(text, lex), lex)
    text = _without_warranty_terms(_without_document_names(text, lex), lex)
    text = _without_contract_withdrawal(_without_controller_name(text, lex), lex)
    unblanked, (text, given) = text, _without_giving_to_us(text, lex)
    # the share words blanked count for sharing only: "delete what you shared with us" is a right
    hits = _category_hits(unblanked, lex)
    if given:
        hits.pop("sharing", None)
        if shared := _category_hits(text, lex).get("sharing"):
            hits["sharing"] = shared
        hits["collection"] = hits.get("collection", 0) + given
    if hits and _defines_a_term(text, lex):
        hits = {}
    if lex.continued_use is not None and caseless.search(lex.continued_use, text):
        _as_acceptance(text, lex, hits)
    if "rights" in hits and _complaint_to_the_service(text, lex):
        _without_service_complaints(text, lex, hits)
    if hits.keys() & _DATA_PRACTICES and "tracking" not in hits and _turned_off_in_settings(text, lex):
        hits["rights"] = hits.get("rights", 0) + 1  # "you can turn off its collection in your settings"
    own = _own_details(text, lex) if "contact" in hits else 0
    if own:
        hits["collection"] = hits.get("collection", 0) + own
        if hits["contact"] <= own:
            del hits["contact"]
        else:
            hits["contact"] -= own
    if (
        "changes" in hits
        and (_names_breach(text, lex) or _names_event(text, lex))
        and _notice_only(text, lex)
    ):
        # "if we learn of a breach, we will notify you": a breach notice; "if we suspend your
        # account, we will e-mail you": the notice of that event, not of a change to the policy
        del hits["changes"]
    if "changes" in hits and _only_in_force(text, lex):
        del hits["changes"]  # "these terms take effect on 1 March 2025": an effective date
    if "security" in hits and not _security_beyond_backups(text, lex):
        del hits["security"]  # "deleted from our systems and backups (sikkerhetskopier)"
    states = _retention_states(text, lex)
    if states:  # "until you delete it", "indefinitely": about retention whatever the verb
        hits["retention"] = hits.get("retention", 0) + len(states)
    # "processed by our team in the Philippines": a party handles the data where it is
    processed = "contact" not in hits and _processed_by(text, lex)
    if _says_who_the_controller_is(text, lex):
        hits.pop("sharing", None)  # "X and its subsidiaries, including Y": the group that decides
        flows = False
    else:
        flows = _states_a_flow(text, lex, hits) or processed
    sources = caseless.count(lex.data_sources, text) if lex.data_sources is not None else 0
    if sources:
        # "from other sources such as credit agencies": where data comes from is data collected;
        # counted after the flow is settled, so the companies listed as sources are no recipients
        hits["collection"] = hits.get("collection", 0) + sources
    places = (
        _places(_without_scopes(_without_links(raw) if "](" in raw else text, lex), lex)
        if flows
        else frozenset()
    )
    if places and "transfer" not in hits and (_sends(text, lex) or processed):
        hits["transfer"] = 1  # "transferred to Canada", "sent to our centre in India": a destination
    if "purpose" not in hits and _names_ai_use(text, lex, flows):
        hits["purpose"] = 1  # "used to train our models", "answered by our AI assistant": what it is for
    if "purpose" not in hits and flows and _names_a_commercial_use(text, lex):
        hits["purpose"] = 1  # "kept to answer your questions and to send you offers": what it is for
    ages, age_spans = _ages(text, lex)
    if not ages and whole is not text:
        # "you may not use the app if you are under 16": the user's duty states the minimum age
        ages = _ages(whole, lex)[0]
    if ages and "children" not in hits:
        hits["children"] = 1  # "you must be at least 13 years old to use the app": a minimum age
    categories = categories_from_hits(hits)
    # A period in a clause about nothing else is most likely how long data is kept, if the clause
    # names something kept ("logs: 90 days"); in a clause only about contact ("we answer within
    # 30 days") or naming no data ("refunds within 14 days", "audited in the past 12 months") it
    # is about no policy term ("contact": no material category, never compared).
    fallback = next((c for c in categories if c != "contact"), "contact" if categories else _kept(text, lex))
    reading = _Reading(text, lex, raw, frozenset(hits), flows, tuple(age_spans), fallback)
    return _DeferredFacts(
        reading,
        language=lex.language,
        categories=categories,
        retention_states=states,
        ages=tuple(ages),
        places=places,
        states_flow=flows,
        category_hits=hits,
    )


@dataclass(frozen=True)
class _Reading:
    """What _extract settled about a clause, from which its other facts are read on demand:
    the text it reads (`raw` as written), the lexicon, the categories it hit (as they stood
    when the categories were decided), whether data flows, the spans of ages and the category
    a period falls back to."""

    text: str
    lex: Lexicon
    raw: str
    topics: frozenset[str]
    flows: bool
    age_spans: tuple[tuple[int, int], ...]
    fallback: str


@mypyc_attr(native_class=False)  # a plain class, compiled or not (monitor/_mypyc.py)
class _deferred:  # noqa: N801 - used as a decorator, like functools.cached_property
    """A field read once, on first use, then stored on the instance (whose stored value then
    hides this descriptor). functools.cached_property does the same under a lock per read."""

    def __init__(self, read: Callable[[Any], Any]) -> None:
        self.read = read
        self.name = ""  # __set_name__: a mypyc-compiled method has no __name__
        self.__doc__ = getattr(read, "__doc__", None)

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, facts: Any, owner: type | None = None) -> Any:
        if facts is None:
            return self
        value = facts.__dict__[self.name] = self.read(facts)
        return value


@mypyc_attr(native_class=False)  # a plain class, compiled or not (monitor/_mypyc.py)
class _DeferredFacts(ClauseFacts):
    """ClauseFacts whose costlier fields are found when first read. Most clauses are settled by
    their categories (no policy term, a heading, an update stamp) and never need their periods,
    parties, rights or conditions; each field, once read, is what reading it at once gives."""

    _reading: _Reading  # set in __init__ (the instance's own __dict__)

    def __init__(self, reading: _Reading, **settled: object) -> None:
        # Only the settled fields are stored: the others are cached properties below, which
        # a stored value would shadow.
        for name, value in settled.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_reading", reading)

    @_deferred
    def polarity(self) -> tuple[Polarity, ...]:
        return tuple(_polarity(self._reading.text, self._reading.lex))

    @_deferred
    def _named(self) -> tuple[dict[str, frozenset[str]], frozenset[tuple[str, str]]]:
        """Recipients, data types and purposes stated, and those ruled out, as the clause's
        flow and categories allow them."""
        r = self._reading
        named, ruled_out = _named_things(r.text, r.lex)
        # What a clause does not state it cannot rule out either: "the service provider can't
        # contact you" rules out no recipient, "you cannot use the credit line to advertise" no
        # purpose.
        if not r.flows:  # "advertisers can find more information here": a word, not a recipient
            named["recipient"] = frozenset()
            ruled_out = frozenset(x for x in ruled_out if x[0] != "recipient")
        if not r.topics & {"purpose", "tracking"}:
            ruled_out = frozenset(x for x in ruled_out if x[0] != "purpose")
            named["purpose"] = frozenset()
        return named, ruled_out

    @_deferred
    def recipients(self) -> frozenset[str]:
        return self._named[0]["recipient"]

    @_deferred
    def data_types(self) -> frozenset[str]:
        return self._named[0]["data_type"]

    @_deferred
    def purposes(self) -> frozenset[str]:
        return self._named[0]["purpose"]

    @_deferred
    def ruled_out(self) -> frozenset[tuple[str, str]]:
        return self._named[1]

    @_deferred
    def rights_named(self) -> frozenset[str]:
        named = _keys(self._reading.lex.rights, self._reading.text)
        if "complaint" in named and _complaint_to_the_service(self._reading.text, self._reading.lex):
            named -= {"complaint"}
        if "reject cookies" in named:  # "block cookies in your browser settings": a choice about cookies
            named -= {"settings opt-out"}
        return named

    @_deferred
    def rights(self) -> frozenset[str]:
        return _rights(self.rights_named, self._reading.topics)

    @_deferred
    def durations(self) -> tuple[Duration, ...]:
        r = self._reading
        return tuple(_durations(r.text, r.lex, list(r.age_spans), r.fallback))

    @_deferred
    def breach_states(self) -> frozenset[str]:
        lex, text = self._reading.lex, self._reading.text
        if not _names_breach(text, lex) or not _tells(text, lex):
            return frozenset()  # "change your password immediately if ... at risk of a breach"
        return _keys(lex.breach_states, text)

    @_deferred
    def change_notice(self) -> str | None:
        r = self._reading
        if "changes" not in r.topics and _names_event(r.text, r.lex):
            return None  # "if we suspend your account, we will tell you": the notice of that event
        return _change_notice(r.text, r.lex)

    @_deferred
    def change_channels(self) -> frozenset[str]:
        if "changes" not in self._reading.topics and self.change_notice is None:
            return frozenset()  # "we e-mail you a receipt": no announcement of changes
        return _keys(self._reading.lex.change_channels, self._reading.text)

    @_deferred
    def change_timing(self) -> frozenset[str]:
        if "changes" not in self._reading.topics and self.change_notice is None:
            return frozenset()  # "we reply before the end of the day": no announcement of changes
        return _keys(self._reading.lex.change_timing, self._reading.text)

    @_deferred
    def security_measures(self) -> frozenset[str]:
        return _security_measures(self._reading.text, self._reading.lex, self._reading.topics)

    @_deferred
    def contacts(self) -> frozenset[str]:
        return contacts_in(self._reading.raw)

    @_deferred
    def conditions(self) -> frozenset[str]:
        return _conditions(self._reading.text, self._reading.lex)

    @_deferred
    def is_update_stamp(self) -> bool:
        return _is_update_stamp(self._reading.raw, self._reading.lex)


def _names_ai_use(text: str, lex: Lexicon, flows: bool) -> bool:
    """The text names an AI system trained on or working on data ("to train our models", "answered
    by our AI assistant"): a use of the data, even where no verb of using it stands. The title of a
    document about such a system ("Terms for testing our AI chatbot"), naming no flow of data, is
    a link to those terms, no use."""
    training = lex.purposes.get("AI training")
    if training is not None and caseless.search(training, text):
        return True
    working = lex.purposes.get("AI processing")
    if working is None or not caseless.search(working, text):
        return False
    titles = lex.document_titles
    return flows or titles is None or not caseless.search(titles, text)
