"""Lexicons: the per-language YAML files under monitor/lang/data/ -> compiled regexes, cached.

In: a language tag ("en", "sv", "no"/"nb"/"nn", "da", "de", "fr", "es", "zh"/"zh-Hans"/"zh-Hant").
Out: a `Lexicon` whose fields are precompiled patterns keyed by a canonical English name
(category, right, data type, recipient, place, ...). The YAML files hold data only, so a
language is extended by editing its file. Each file is checked against monitor/lang/schema.py
when loaded: an unknown or misspelt key is an error naming the file and line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from monitor.lang import firstchar, prefilter
from monitor.lang.schema import load_yaml, validate
from monitor.lang.startup_cache import compile_cached, parsed, remembered

LEXICON_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES: tuple[str, ...] = ("en", "sv", "no", "da", "de", "fr", "es", "zh", "nl", "hr", "sl")

_ALIASES = {
    "nb": "no",
    "nn": "no",
    "zh-hans": "zh",
    "zh-hant": "zh",
    "zh-cn": "zh",
    "zh-tw": "zh",
    "zh-hk": "zh",
}

Patterns = dict[str, re.Pattern[str]]
_ELIDED = re.compile(r"(?:'|’|\['’\])$")
_ELIDED_LAST = frozenset("'’]\n")


class LazyPattern:
    """A regex compiled on its first use, then used as the compiled one: loading every lexicon
    compiles ~1,000 alternations (~0.35 s), of which a check or a `diff` uses a fraction. Compiled
    code is kept on disk between runs (monitor/lang/startup_cache.py).

    After the first call, `search`, `findall` ... are the compiled pattern's own bound methods
    (instance attributes shadow the class's), so later calls cost what a re.Pattern's do.
    `compile_all` (the tests) compiles everything, so a bad lexicon regex still fails loudly.
    """

    _METHODS = ("search", "match", "fullmatch", "findall", "finditer", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def compiled(self) -> re.Pattern[str]:
        # the same matches, led by first letters where it can be (monitor/lang/firstchar.py)
        p = firstchar.compiled(self.pattern, self.flags)
        for name in self._METHODS:
            setattr(self, name, getattr(p, name))
        self.__dict__["_compiled"] = p
        return p

    def __getattr__(self, name: str) -> Any:  # groups, groupindex, scanner ...: compile first
        if name.startswith("__"):
            raise AttributeError(name)
        return getattr(self.__dict__.get("_compiled") or self.compiled(), name)

    def search(self, *args: Any) -> Any:
        return self.compiled().search(*args)

    def match(self, *args: Any) -> Any:
        return self.compiled().match(*args)

    def fullmatch(self, *args: Any) -> Any:
        return self.compiled().fullmatch(*args)

    def findall(self, *args: Any) -> Any:
        return self.compiled().findall(*args)

    def finditer(self, *args: Any) -> Any:
        return self.compiled().finditer(*args)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().split(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r}, {self.flags})"


def _lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return LazyPattern(pattern, flags)  # type: ignore[return-value]  # used as a re.Pattern


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one instance per language
class Lexicon:
    """One language's compiled lexicon. Every dict maps a canonical key to one compiled regex."""

    language: str
    cjk: bool
    categories: Patterns
    numbers: dict[str, float]
    units: dict[str, float]  # unit regex source -> days
    duration: re.Pattern[str]
    unit_patterns: list[tuple[re.Pattern[str], float]]
    ages: list[re.Pattern[str]]
    retention_states: Patterns
    negators: re.Pattern[str] | None
    modals: re.Pattern[str] | None
    actions: KeyedPatterns  # `any`: the union of every key's words
    recipients: Patterns
    data_types: Patterns
    rights: Patterns
    places: Patterns
    breach: re.Pattern[str] | None
    breach_states: Patterns
    change_promise: re.Pattern[str] | None
    change_no_notice: re.Pattern[str] | None
    security_measures: Patterns
    update_stamp: re.Pattern[str] | None
    # "see here for more information": a sentence that only sends the reader elsewhere
    pointers: re.Pattern[str] | None = None
    # "Table of contents", "Inhaltsverzeichnis", "Sommaire": a heading over links to the sections
    contents_headings: re.Pattern[str] | None = None
    # "complaint form", "web page": what a link label names, no term
    form_labels: re.Pattern[str] | None = None
    # "the English version shall prevail": which translation binds, no term of any section
    language_versions: re.Pattern[str] | None = None
    # "this policy explains how we collect data": a sentence about what the document tells
    describes: re.Pattern[str] | None = None
    # "we will notify you", "reported to the authority": someone is told (of a breach); a breach
    # only named ("at risk of a data breach") gives its periods no deadline for telling
    breach_notice: re.Pattern[str] | None = None
    # "the controller", "responsable du traitement": the party that decides; a clause saying who it
    # is ("X and its subsidiaries") names no recipient
    controller: re.Pattern[str] | None = None
    negator_exceptions: re.Pattern[str] | None = None
    # "nor", "ni": a negator that continues the one before it ("neither sell nor rent"), no new negation
    negation_continuers: re.Pattern[str] | None = None
    # "outside (the EU)", "außerhalb", "以外": the places named with it are where data is NOT kept
    outside_places: re.Pattern[str] | None = None
    journeys: re.Pattern[str] | None = None
    enablers: re.Pattern[str] | None = None
    data_sources: re.Pattern[str] | None = None
    # "other similar information", "etc.", "ähnliche Daten": a list's closing sweep that names no
    # kind of data, party or use of its own; adding or dropping it changes no term
    catch_all_items: re.Pattern[str] | None = None
    # "the use of your data enables us to", "l'utilisation des données permet de": a use stated as
    # what it makes possible, the same potential use a modal ("we may use it to") states
    enabling_use: re.Pattern[str] | None = None
    # "if you share your location with us", "wenn Sie uns ... mitteilen": the user gives data to the
    # service, data collected; a share verb inside it names no recipient
    given_to_us: re.Pattern[str] | None = None
    # "once a year", "every two years", "einmal jährlich": how often, not how long data is kept
    frequencies: re.Pattern[str] | None = None
    # "reviewed every three years", "alle drei Jahre überprüft": how often kept data is looked at
    # again; with a word of keeping, the period between reviews is a retention term
    reviews: re.Pattern[str] | None = None
    # "processed by our team", "sent to a lab": a party handles the data, so a place named with it
    # ("in the Philippines") is where the data goes
    processed_by: re.Pattern[str] | None = None
    # "if you are in the EU", "wenn Sie in der EU wohnen": who a term applies to (a limit on it);
    # the place it names is where the user is, no destination of data
    residence_scope: re.Pattern[str] | None = None
    # "only in the territories concerned", "nur in bestimmten Ländern": where a feature is offered
    # (unnamed countries); an "only" inside it limits no use of data
    availability_scope: re.Pattern[str] | None = None
    # "from", "van", "od", "从": a party named after it is where data comes from, not a recipient
    source_markers: re.Pattern[str] | None = None
    # "some" / "all": a word that says a part of the data, and one that says the whole of it
    partial_scope: re.Pattern[str] | None = None
    whole_scope: re.Pattern[str] | None = None
    # "at any time", "jederzeit": when a right may be used, without limit
    any_time: re.Pattern[str] | None = None
    # "we strive to", "wir bemühen uns": an aim, where a promise said what is done (also in modals)
    aims: re.Pattern[str] | None = None
    # "keep", "retain", "aufheben", "aufbewahren": verbs that say data is kept, one as good as another
    keep_verbs: re.Pattern[str] | None = None
    # data protection authorities, and a complaint made to the service itself (customer service)
    supervisory_authorities: re.Pattern[str] | None = None
    service_complaints: re.Pattern[str] | None = None
    # "without additional safeguards": what a transfer lacks (also a negator exception)
    without_safeguards: re.Pattern[str] | None = None
    # "don't worry", "keine Sorge": a reassurance, no term and no list item (also a negator exception)
    reassurances: re.Pattern[str] | None = None
    # verbs of recording data in a place ("recorded in a database", "erfasst"): as keep_verbs there
    record_verbs: re.Pattern[str] | None = None
    # what grounds to go on despite an objection must be ("compelling", "that override your interests")
    override_grounds: re.Pattern[str] | None = None
    # a merger, an acquisition, a sale of the business: the user's data may pass to a new owner
    business_transfers: re.Pattern[str] | None = None
    # a period named again by pointing back ("that period", "dieser Frist", "上述期限"): the one named before
    period_references: re.Pattern[str] | None = None
    # "within the meaning of", "hereinafter", "so-called": a sentence that defines a term
    term_definitions: re.Pattern[str] | None = None
    # "if you keep using the service after a change, you accept it": continued use as acceptance
    continued_use: re.Pattern[str] | None = None
    list_exceptions: re.Pattern[str] | None = None  # "except", "other than": a promise's exceptions
    months: re.Pattern[str] | None = None
    stopwords: re.Pattern[str] | None = None
    stopword_items: tuple[str, ...] = ()  # the regexes `stopwords` alternates, as written
    purposes: Patterns = field(default_factory=dict)
    # how changes are announced: "direct" (by e-mail, in the app) or "posted" (on this page)
    change_channels: Patterns = field(default_factory=dict)
    # when changes are told: "advance" (before they take effect) or "afterwards" (once made)
    change_timing: Patterns = field(default_factory=dict)
    # when a document applies: "take effect", "treten in Kraft", "entrent en vigueur", "生效"
    in_force: re.Pattern[str] | None = None
    conditions: Patterns = field(default_factory=dict)
    # a setting "off by default" (disabled) or "on by default" (enabled)
    defaults: Patterns = field(default_factory=dict)
    possessives: Patterns = field(default_factory=dict)  # "user" (your) and "ours" (our)
    conjunctions: frozenset[str] = frozenset()  # words that join list items
    # "we" and "I": in a verb-second language the word after a verb that opens a main clause
    subject_pronouns: frozenset[str] = frozenset()
    nouns_capitalised: bool = False  # German writes every noun capitalised: no sign of a name
    item_open_ends: frozenset[str] = frozenset()  # words a list item cannot end on ("the", "who")
    # "on" (desktop), "op", "auf": a phrase these open says where, it names no list item
    place_prepositions: frozenset[str] = frozenset()
    # a verb's singular and plural ("is are"): "your e-mail is shared" -> "your e-mail and phone are
    # shared" grows the list, the verb only agrees with it
    number_agreement: frozenset[tuple[str, str]] = frozenset()
    scope_words: frozenset[str] = frozenset()  # short words spelt like their opposites (within/without)
    # "neither" (... "nor"): a negator that opens a list it negates item by item
    list_openers: frozenset[str] = frozenset()
    # "until", "bis zum", "jusqu'au": a date after one ends a period ("kept until 31 May 2025")
    until_words: re.Pattern[str] | None = None
    # "we do so", "dies geschieht": a sentence's opening that refers back to the act before it
    back_references: re.Pattern[str] | None = None
    # "we accept no liability", "keine Haftung": a sentence that denies the service's liability
    liability_disclaimers: re.Pattern[str] | None = None
    # "Accept all cookies", "Alle ablehnen": the buttons of a cookie-consent banner
    consent_buttons: re.Pattern[str] | None = None
    # "required", "erlaubt", "autorisée": what the law does ("required or permitted by law")
    legal_grounds: re.Pattern[str] | None = None
    negative_prefixes: tuple[str, ...] = ()  # un-, in-, o-, u-: "encrypted" -> "unencrypted"
    # "no parental consent is required", "Einwilligung ist nicht erforderlich": a condition said
    # not to apply; its negator denies the requirement, not what is done with the data
    waived_conditions: re.Pattern[str] | None = None
    # verbs that do something with data besides the actions (process, receive, store, display):
    # with an action they tell a clause that states a flow of data from one that names a company
    processing: re.Pattern[str] | None = None
    user_duties: re.Pattern[str] | None = None  # "you may not": the user's duty, not a promise
    user_modals: re.Pattern[str] | None = None  # "you can": what the user may do, not what we may
    # what is kept when something is: data, information, records, logs (a period with one of
    # these and no other term is a retention period; "refund within 14 days" is none)
    data_nouns: re.Pattern[str] | None = None
    # the verb that defines a term ("“Order” means ..."): a definition states no term by itself
    definition_verbs: re.Pattern[str] | None = None
    # names of other documents ("Cookie Policy"): a name, not a statement about cookies
    document_names: re.Pattern[str] | None = None
    # the warranties a service disclaims ("fitness for a particular purpose"): a legal formula,
    # no use of personal data
    warranty_terms: re.Pattern[str] | None = None
    # a consumer's right to withdraw from a contract ("right of withdrawal", "Widerrufsrecht"):
    # consumer law, no right over personal data
    contract_withdrawal: re.Pattern[str] | None = None
    # the user's request named as a thing ("the reason for your request"): no right by itself
    request_nouns: re.Pattern[str] | None = None
    # events other than a change of the policy a promise to tell may follow ("if we suspend your
    # account"): the notice is of that event
    notice_events: re.Pattern[str] | None = None
    # verbs of deleting or closing: "permanently" beside one makes the deletion final, it keeps nothing
    deletion: re.Pattern[str] | None = None
    # what a document calls itself ("Privacy and Security Statement"): a top heading so named is
    # the title of the whole page, not the topic of the section a sentence stands in
    document_titles: re.Pattern[str] | None = None
    # words that start another clause ("but", "because"): a negator before one does not reach past it
    clause_breaks: re.Pattern[str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@lru_cache(maxsize=64)  # asked for every clause, with the few tags a page has
def canonical_language(language: str | None) -> str | None:
    """The lexicon a language tag uses ("nb" -> "no", "zh-Hant" -> "zh"), or None if there is none."""
    if not language:
        return None
    tag = language.strip().lower().replace("_", "-")
    primary = tag.split("-")[0]
    tag = _ALIASES.get(tag) or _ALIASES.get(primary, primary)  # "nb-NO" is Norwegian as "nb" is
    return tag if tag in LANGUAGES else None


def _alternation(items: list[str] | None, cjk: bool, flags: int = re.IGNORECASE) -> re.Pattern[str] | None:
    source = _alternation_source(_entries(items), cjk, {})
    return None if source is None else _lazy(source, flags)


def _entries(items: list[str] | None) -> list[str]:
    """The non-empty entries of a lexicon list; a ValueError for one that is not a string."""
    for item in items or []:
        if not isinstance(item, str):  # e.g. an unquoted "(?: x)" that YAML read as a mapping
            raise ValueError(f"lexicon entry is not a string (quote it in the YAML): {item!r}")
    return [i for i in (items or []) if i]


def _alternation_source(items: list[str], cjk: bool, wrapped: dict[str, str]) -> str | None:
    """The regex source alternating `items` (non-empty strings); `wrapped` keeps each entry's
    piece for the next call (a keyed field's union repeats every key's entries)."""
    if not items:
        return None
    # Longest first, so that a phrase wins over its prefix.
    ordered = sorted(items, key=len, reverse=True)
    if cjk:
        return "|".join(f"(?:{i})" for i in ordered)
    pieces = []
    for i in ordered:
        piece = wrapped.get(i)
        if piece is None:
            piece = wrapped[i] = _whole_word(i)
        pieces.append(piece)
    return rf"(?<!\w)(?:{'|'.join(pieces)})"


def _whole_word(item: str) -> str:
    """A whole word each; an elided form ("n'", "l'") is followed by its word, so no end boundary."""
    # _ELIDED matches only where the entry ends in one of these (a newline: `$` before one)
    if item[-1] in _ELIDED_LAST and _ELIDED.search(item):
        return f"(?:{item})"
    return rf"(?:{item})(?!\w)"


class KeyedPatterns(dict[str, "re.Pattern[str]"]):
    """Canonical key -> compiled regex, plus `any`: one regex for all keys, a cheap first test."""

    any: re.Pattern[str] | None = None


def _with_scope_limits(data: dict[str, Any]) -> dict[str, list[str]] | None:
    """The conditions, the residence scopes ("if you are in the EU") among the limits: a term
    that applies only to some users."""
    conditions, scopes = data.get("conditions"), data.get("residence_scope")
    if not conditions or not scopes:
        return conditions
    return {**conditions, "limit": [*(conditions.get("limit") or []), *scopes]}


def _keyed(mapping: dict[str, list[str]] | None, cjk: bool, flags: int = re.IGNORECASE) -> KeyedPatterns:
    out = KeyedPatterns()
    every: list[str] = []
    wrapped: dict[str, str] = {}
    for key, items in (mapping or {}).items():
        entries = _entries(list(items or []))
        source = _alternation_source(entries, cjk, wrapped)
        if source is not None:
            out[str(key)] = _lazy(source, flags)
            every += entries
    source = _alternation_source(every, cjk, wrapped)
    out.any = None if source is None else _lazy(source, flags)
    return out


def _duration_pattern(
    numbers: dict[str, float], units: dict[str, float], cjk: bool, numeral_chars: str
) -> re.Pattern[str]:
    unit_alt = "|".join(f"(?:{u})" for u in sorted(units, key=len, reverse=True))
    if cjk:
        num = rf"(?P<num>\d+(?:\.\d+)?|[{numeral_chars}]+)"
        # "三十（30）天": the number in characters, then in digits in brackets (`digits`), as in
        # "thirty (30) days"
        digits = r"(?:\s*[（(](?P<digits>\d+)[）)])?"
        return _lazy(rf"{num}{digits}\s*(?P<unit>{unit_alt})(?P<half>半)?")
    words = "|".join(re.escape(w) for w in sorted(numbers, key=len, reverse=True))
    # a number word starts a word: "quatre" in "vingt-quatre" is no number of its own; a ten and a
    # unit said apart ("cuarenta y cinco", "četrdeset pet") are one number, not the unit alone
    compound = _compound_number_source(numbers)
    word_alt = rf"|(?<![\w-])(?P<word>{compound}{words})" if words else ""
    # "thirty (30) days": the digits in brackets are the number (`digits`), also after a word that
    # is no number word ("thirtty (30) days", a typo)
    return _lazy(  # compiled on first use: most languages' periods are never read in a diff
        rf"(?:(?<![\d.,])(?P<num>\d+(?:[.,]\d+)?){word_alt}|(?<=\s)(?=\(\d))(?:\s*\((?P<digits>\d+)\))?[\s\u00a0-]*"
        rf"(?P<unit>{unit_alt})(?!\w)",
        re.IGNORECASE,
    )


NUMBER_JOINER = r"(?:\s+(?:y|i|e|and|und|og|och|et|in|en)\s+|[\s-])"  # "cuarenta y cinco", "twenty-five"


def _compound_number_source(numbers: dict[str, float]) -> str:
    """An alternative (ending in "|") for a ten from twenty to ninety, a joiner and a unit from
    one to nine ("cuarenta y cinco", "trideset i pet", "twenty five"), or "" when the lexicon has
    no such words. Tried before the single words, so the unit is not read alone."""
    tens = [w for w, v in numbers.items() if v in {20, 30, 40, 50, 60, 70, 80, 90}]
    units = [w for w, v in numbers.items() if v in {1, 2, 3, 4, 5, 6, 7, 8, 9}]
    if not tens or not units:
        return ""

    def alt(ws: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))

    return rf"(?:{alt(tens)}){NUMBER_JOINER}(?:{alt(units)})(?![\w-])|"


def _load_yaml(raw: bytes) -> Any:
    return load_yaml(raw.decode("utf-8"))


def _pair(words: str) -> tuple[str, str]:
    """ "is are" -> ("is", "are")."""
    singular, plural = words.lower().split()
    return singular, plural


@cache
def load_lexicon(language: str) -> Lexicon:
    """The compiled lexicon of `language` (a canonical tag from LANGUAGES); cached per process."""
    lang = canonical_language(language)
    if lang is None:
        raise KeyError(f"no lexicon for language {language!r}")
    path = LEXICON_DIR / f"{lang}.yaml"
    raw = path.read_bytes()
    # The fields as plain data (regex sources, words), kept on disk for these bytes and this code:
    # a process then neither checks the file nor builds ~2,000 alternations' sources (~25 ms).
    digest = hashlib.blake2b(raw, digest_size=16).hexdigest()
    version = _code_version()
    plan = (
        remembered("lexicon-fields", (lang, digest, version), lambda: _plan(lang, path, raw))
        if version
        else _plan(lang, path, raw)
    )
    patterns: list[LazyPattern] = []  # in field order, as `_patterns` walks a lexicon
    lexicon = Lexicon(language=lang, **{name: _decode(value, patterns) for name, value in plan.items()})
    # one Hyperscan database per lexicon tells which of its patterns cannot match a text
    prefilter.register(lang, patterns)
    return lexicon


def _fields(lang: str, path: Path, raw: bytes) -> dict[str, Any]:
    """Every field of the lexicon but its language, built from the file's bytes (checked against
    the schema first: an unknown or misspelt key is an error naming file and line)."""
    text = raw.decode("utf-8")
    data: dict[str, Any] = parsed(raw, _load_yaml, "lexicon") or {}
    validate(data, path, text)
    cjk = bool(data.get("cjk"))
    numbers = {str(k).lower(): float(v) for k, v in (data.get("numbers") or {}).items()}
    units = {str(k): float(v) for k, v in (data.get("units") or {}).items()}
    change = data.get("change_notice") or {}
    return dict(
        cjk=cjk,
        nouns_capitalised=bool(data.get("nouns_capitalised", False)),
        categories=_keyed(data.get("categories"), cjk),
        numbers=numbers,
        units=units,
        duration=_duration_pattern(numbers, units, cjk, str(data.get("numeral_chars", ""))),
        # compiled on first use, as the alternations: most languages' are never used in a process
        unit_patterns=[(_lazy(f"^(?:{u})$", re.IGNORECASE), d) for u, d in units.items()],
        ages=[_lazy(p, re.IGNORECASE) for p in data.get("ages") or []],
        retention_states=_keyed(data.get("retention_states"), cjk),
        negators=_alternation(data.get("negators"), cjk),
        # an aim ("we strive to encrypt") hedges a promise as a modal does ("we may encrypt")
        modals=_alternation([*(data.get("modals") or []), *(data.get("aims") or [])], cjk),
        actions=_keyed(data.get("actions"), cjk),
        recipients=_keyed(data.get("recipients"), cjk),
        data_types=_keyed(data.get("data_types"), cjk),
        rights=_keyed(data.get("rights"), cjk),
        places=_keyed(data.get("places"), cjk),
        breach=_alternation(data.get("breach"), cjk),
        breach_states=_keyed(data.get("breach_states"), cjk),
        change_promise=_alternation(change.get("promise"), cjk),
        change_channels=_keyed({k: change[k] for k in ("direct", "posted") if k in change}, cjk),
        change_no_notice=_alternation(change.get("no_notice"), cjk),
        change_timing=_keyed({k: change[k] for k in ("advance", "afterwards") if k in change}, cjk),
        in_force=_alternation(change.get("in_force"), cjk),
        security_measures=_keyed(data.get("security_measures"), cjk),
        update_stamp=_alternation(data.get("update_stamp"), cjk),
        pointers=_alternation(data.get("pointers"), cjk),
        contents_headings=_alternation(data.get("contents_headings"), cjk),
        form_labels=_alternation(data.get("form_labels"), cjk),
        language_versions=_alternation(data.get("language_versions"), cjk),
        describes=_alternation(data.get("describes"), cjk),
        breach_notice=_alternation(data.get("breach_notice"), cjk),
        controller=_alternation(data.get("controller"), cjk),
        # a waived condition's negator denies the requirement ("no consent is needed"), not a practice
        negator_exceptions=_alternation(
            [
                *(data.get("negator_exceptions") or []),
                *(data.get("waived_conditions") or []),
                *(data.get("without_safeguards") or []),
                *(data.get("reassurances") or []),
            ],
            cjk,
        ),
        negation_continuers=_alternation(data.get("negation_continuers"), cjk),
        outside_places=_alternation(data.get("outside_places"), cjk),
        journeys=_alternation(data.get("journeys"), cjk),
        enablers=_alternation(data.get("enablers"), cjk),
        data_sources=_alternation(data.get("data_sources"), cjk),
        catch_all_items=_alternation(data.get("catch_all_items"), cjk),
        enabling_use=_alternation(data.get("enabling_use"), cjk),
        given_to_us=_alternation(data.get("given_to_us"), cjk),
        frequencies=_alternation(data.get("frequencies"), cjk),
        reviews=_alternation(data.get("reviews"), cjk),
        processed_by=_alternation(data.get("processed_by"), cjk),
        residence_scope=_alternation(data.get("residence_scope"), cjk),
        availability_scope=_alternation(data.get("availability_scope"), cjk),
        source_markers=_alternation(data.get("source_markers"), cjk),
        partial_scope=_alternation(data.get("partial_scope"), cjk),
        whole_scope=_alternation(data.get("whole_scope"), cjk),
        any_time=_alternation(data.get("any_time"), cjk),
        defaults=_keyed(data.get("defaults"), cjk),
        list_exceptions=_alternation(data.get("list_exceptions"), cjk),
        months=_alternation(data.get("months"), cjk),
        stopwords=_alternation(data.get("stopwords"), cjk),
        stopword_items=tuple(str(w) for w in data.get("stopwords") or [] if w),
        purposes=_keyed(data.get("purposes"), cjk),
        conditions=_keyed(_with_scope_limits(data), cjk),
        possessives=_keyed(data.get("possessives"), cjk),
        conjunctions=frozenset(w.lower() for w in data.get("conjunctions") or []),
        subject_pronouns=frozenset(w.lower() for w in data.get("subject_pronouns") or []),
        item_open_ends=frozenset(w.lower() for w in data.get("item_open_ends") or []),
        place_prepositions=frozenset(w.lower() for w in data.get("place_prepositions") or []),
        number_agreement=frozenset(_pair(w) for w in data.get("number_agreement") or []),
        scope_words=frozenset(w.lower() for w in data.get("scope_words") or []),
        list_openers=frozenset(w.lower() for w in data.get("list_openers") or []),
        until_words=_alternation(data.get("until_words"), cjk),
        back_references=_alternation(data.get("back_references"), cjk),
        liability_disclaimers=_alternation(data.get("liability_disclaimers"), cjk),
        consent_buttons=_alternation(data.get("consent_buttons"), cjk),
        legal_grounds=_alternation(data.get("legal_grounds"), cjk),
        negative_prefixes=tuple(data.get("negative_prefixes") or []),
        waived_conditions=_alternation(data.get("waived_conditions"), cjk),
        aims=_alternation(data.get("aims"), cjk),
        keep_verbs=_alternation(data.get("keep_verbs"), cjk),
        supervisory_authorities=_alternation(data.get("supervisory_authorities"), cjk),
        service_complaints=_alternation(data.get("service_complaints"), cjk),
        without_safeguards=_alternation(data.get("without_safeguards"), cjk),
        reassurances=_alternation(data.get("reassurances"), cjk),
        record_verbs=_alternation(data.get("record_verbs"), cjk),
        override_grounds=_alternation(data.get("override_grounds"), cjk),
        business_transfers=_alternation(data.get("business_transfers"), cjk),
        period_references=_alternation(data.get("period_references"), cjk),
        term_definitions=_alternation(data.get("term_definitions"), cjk),
        continued_use=_alternation(data.get("continued_use"), cjk),
        processing=_alternation(data.get("processing"), cjk),
        user_duties=_alternation(data.get("user_duties"), cjk),
        # what parents, users or customers may do: their option too, as "you can" is the user's
        user_modals=_alternation([*(data.get("user_modals") or []), *(data.get("others_modals") or [])], cjk),
        data_nouns=_alternation(data.get("data_nouns"), cjk),
        definition_verbs=_alternation(data.get("definition_verbs"), cjk),
        document_names=_alternation(data.get("document_names"), cjk),
        warranty_terms=_alternation(data.get("warranty_terms"), cjk),
        contract_withdrawal=_alternation(data.get("contract_withdrawal"), cjk),
        request_nouns=_alternation(data.get("request_nouns"), cjk),
        notice_events=_alternation(data.get("notice_events"), cjk),
        deletion=_alternation(data.get("deletion"), cjk),
        document_titles=_alternation(data.get("document_titles"), cjk),
        clause_breaks=_alternation(data.get("clause_breaks"), cjk),
        extra={
            "numeral_values": data.get("numeral_values") or {},
            "negator_after_words": int(data.get("negator_after_words") or 0),
        },
    )


@cache
def _code_version() -> str:
    """A hash of the code that turns a lexicon file into fields (this module and the schema): a
    change to either builds every lexicon anew instead of reading fields kept by older code."""
    from monitor.lang import schema

    digest = hashlib.blake2b(digest_size=16)
    try:
        for module_file in (__file__, schema.__file__):
            digest.update(Path(str(module_file)).read_bytes())
    except (OSError, TypeError):  # no file to read (a frozen build): never read kept fields
        return ""
    return digest.hexdigest()


def _plan(lang: str, path: Path, raw: bytes) -> dict[str, Any]:
    """The lexicon's fields but its language, in the dataclass's order, as plain data (`_encode`)."""
    built = Lexicon(language=lang, **_fields(lang, path, raw))
    return {name: _encode(value) for name, value in vars(built).items() if name != "language"}


def _encode(value: Any) -> Any:
    """A lexicon field's value as plain data that marshal keeps: each lazy regex as its source and
    flags, a KeyedPatterns with its union (`_decode` rebuilds the value); a value without a regex
    as it is."""
    if isinstance(value, LazyPattern):
        return ("P", value.pattern, int(value.flags), isinstance(value.flags, re.RegexFlag))
    if isinstance(value, KeyedPatterns):
        return ("K", {k: _encode(v) for k, v in value.items()}, _encode(value.any))
    if isinstance(value, re.Pattern):
        raise TypeError("a compiled pattern in a lexicon field: only lazy ones can be kept")
    if isinstance(value, dict):
        items = {k: _encode(v) for k, v in value.items()}
    elif isinstance(value, (list, tuple)):
        items = [_encode(v) for v in value]
    else:
        return ("V", value)
    children = items.values() if isinstance(items, dict) else items
    if all(child[0] == "V" for child in children):
        return ("V", value)
    return ("D" if isinstance(value, dict) else "L" if isinstance(value, list) else "T", items)


_FLAGS: dict[int, re.RegexFlag] = {}


def _decode(value: Any, patterns: list[LazyPattern]) -> Any:
    """The value `_encode` made plain data of, with fresh lazy regexes (compiled when first used),
    each also appended to `patterns` in the order `_patterns` walks the value."""
    tag = value[0]
    if tag == "V":
        return value[1]
    if tag == "P":
        flags = _FLAGS.get(value[2]) if value[3] else value[2]
        if flags is None:
            flags = _FLAGS[value[2]] = re.RegexFlag(value[2])
        pattern = LazyPattern(value[1], flags)
        patterns.append(pattern)
        return pattern
    if tag == "K":
        keyed = KeyedPatterns((k, _decode(v, patterns)) for k, v in value[1].items())
        keyed.any = _decode(value[2], patterns)
        return keyed
    if tag == "D":
        return {k: _decode(v, patterns) for k, v in value[1].items()}
    items = [_decode(v, patterns) for v in value[1]]
    return items if tag == "L" else tuple(items)


def compile_all(lex: Lexicon) -> int:
    """Compile every lazy pattern of a lexicon now (a bad regex raises re.error); how many."""
    pats = [p for value in vars(lex).values() for p in _lazy_patterns(value)]
    for pat in pats:
        pat.compiled()
    return len(pats)


def _lazy_patterns(value: Any) -> list[LazyPattern]:
    """The lazy (compiled on first use) regexes in a lexicon field's value."""
    return [p for p in _patterns(value) if isinstance(p, LazyPattern)]


def _patterns(value: Any) -> list[Any]:
    """Every regex (lazy or compiled) in a lexicon field's value."""
    if isinstance(value, (LazyPattern, re.Pattern)):
        return [value]
    if isinstance(value, dict):
        return [p for v in [*value.values(), getattr(value, "any", None)] for p in _patterns(v)]
    if isinstance(value, (list, tuple)):
        return [p for v in value for p in _patterns(v)]
    return []


@cache
def all_lexicons() -> tuple[Lexicon, ...]:
    """Every language's lexicon that has a file, in LANGUAGES order (looked up once per process:
    the engine asks for them for every clause)."""
    return tuple(load_lexicon(lang) for lang in LANGUAGES if (LEXICON_DIR / f"{lang}.yaml").exists())


COUNTRY_DIR = LEXICON_DIR / "countries"


# Case endings a country's name takes in a language that declines it ("na Filipinima", "v Nemčiji"):
# the name with its last "a" or "i" dropped (or whole) takes one of these.
CASE_ENDINGS = {
    "hr": ("a", "e", "i", "u", "om", "oj", "ima", "ama", "ovi", "ove"),
    "sl": ("a", "e", "i", "o", "u", "ih", "ah", "em", "om", "ijo", "ije"),
}
MIN_STEM = 4  # letters: a shorter stem ("Kin", "Per") would take in other words


@cache
def inflected_country_names(language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """The one-word country names of a declining language (CASE_ENDINGS) by their stems: one
    pattern matching a stem with a case ending (group "stem"), and each stem -> canonical
    English name. None for a language whose names are not declined."""
    lang = canonical_language(language) or "en"
    endings = CASE_ENDINGS.get(lang)
    path = COUNTRY_DIR / f"{lang}.yaml"
    if endings is None or not path.exists():
        return None, {}
    data = parsed(path.read_bytes(), _load_yaml, "countries") or {}
    stems: dict[str, str] = {}
    for canonical, written in data.items():
        for name in written or []:
            name = str(name)
            if " " in name or "-" in name:
                continue
            stem = name[:-1] if name[-1:] in ("a", "i") else name
            if len(stem) >= MIN_STEM:
                stems.setdefault(stem, str(canonical))
    if not stems:
        return None, {}
    body = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    tails = "|".join(sorted(endings, key=len, reverse=True))
    return compile_cached(rf"(?<!\w)(?P<stem>{body})(?:{tails})(?!\w)"), stems


@cache
def country_names(language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Every country's names in `language` and in English (which every language borrows), from
    the CLDR-generated files in data/countries/: one pattern, and each name -> canonical English
    name. Compiled on first need, once per language. Latin names match case-sensitively as
    whole words, so "turkey" or "chad" in running text is no country; "New Mexico" is none either.
    A country the language's own file lists with no names (Croatian "Mali" is "small") is not
    borrowed from English either."""
    lang = canonical_language(language) or "en"
    names: dict[str, str] = {}
    unnamed: set[str] = set()
    for code in dict.fromkeys((lang, "en")):
        path = COUNTRY_DIR / f"{code}.yaml"
        if not path.exists():
            continue
        data = parsed(path.read_bytes(), _load_yaml, "countries") or {}
        for canonical, written in data.items():
            if code == lang and not written:
                unnamed.add(str(canonical))
            if str(canonical) in unnamed:
                continue
            for name in written or []:
                names.setdefault(str(name), str(canonical))
    if not names:
        return None, names
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    if lang == "zh":
        return compile_cached(body), names
    return firstchar.compiled(rf"(?<!\w)(?<!New )(?:{body})(?!\w)", 0), names
