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
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cached_property, lru_cache

from monitor.engine.explain import (
    CONSENT_WORDS,
    PARENTAL_WORDS,
    explain,
    moved,
    new_or_removed_clause,
    reworded,
    wording,
)
from monitor.engine.explain import (
    sentence as as_sentence,
)
from monitor.engine.facts import (
    EMAIL_RE,
    PHONE_RE,
    URL_RE,
    ClauseFacts,
    Duration,
    Polarity,
    extract_facts,
    is_list_negator,
    link_labels,
    pick_lexicon,
    without_addresses,
    without_user_duties,
)
from monitor.engine.restated import OtherVersion
from monitor.engine.segment import clause_key
from monitor.engine.subject import with_subject
from monitor.engine.tokendiff import Opcode, diff_budget, token_opcodes
from monitor.lang import caseless
from monitor.lang.lexicon import Lexicon, all_lexicons, canonical_language, load_lexicon
from monitor.lang.scripts import HAN
from monitor.lang.startup_cache import compile_cached
from monitor.models import CATEGORIES, MATERIAL_CATEGORIES, Change, Clause, Fact, severity_rank

log = logging.getLogger(__name__)

# A clause about these that disappears takes away a right, a safeguard or a protection.
REMOVAL_IS_HIGH = frozenset({"rights", "security", "children"})

ALLOWING = frozenset({"may", "affirmed"})
ACTION_CATEGORY = {
    "sell": "sharing",
    "share": "sharing",
    "disclose": "sharing",
    "rent": "sharing",
    "transfer": "sharing",
    "collect": "collection",
    "use": "purpose",
}
STRONG_ACTIONS = frozenset(
    {"sell", "rent"}
)  # stating these at all is news; share/use come and go with wording
RIGHT_CATEGORY = {"reject cookies": "tracking", "opt-out of sale": "rights"}
# a right that widens another: "delete your account" -> "… and all personal data tied to it"
SCOPED_RIGHTS = {"account data deletion": "account deletion"}
# rights that let the user refuse what a sentence does: dropped from a sentence that sends data,
# the sending is no longer optional
OPT_OUTS = frozenset({"opt-out", "opt-out of sale", "objection", "withdraw consent"})
_HAN = HAN
_WORD = compile_cached(rf"[{_HAN}]|[^\W_{_HAN}]+", re.UNICODE)  # a Han character alone, other words whole
_DATE_RE = compile_cached(
    r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?月?|\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}"
    r"|(?<!\d)(?:19|20)\d{2}(?!\d)|\d{1,2}\s*月\s*\d{1,2}\s*日"
)
_DIGIT = compile_cached(r"\d")
_DAY_MONTH = compile_cached(r"\x00M\s*\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th|\.)?\s*\x00M")
_TOKEN = compile_cached(rf"[{_HAN}]|[^\W_{_HAN}]+|[^\w\s]", re.UNICODE)
_HAN_RE = compile_cached(f"[{_HAN}]")
_HAN_GAP = compile_cached(f"(?<=[{_HAN}]) (?=[{_HAN}])")
_SEPARATORS = frozenset({",", "、", ";", "/", "，", "；"})
# Categories whose clauses enumerate things (data, recipients, purposes, places, measures, rights).
LIST_CATEGORIES = frozenset(
    {"collection", "sharing", "purpose", "transfer", "security", "rights", "tracking"}
)
TYPO_SPAN = 2_000  # characters: a changed stretch longer than this is no spelling fix
_CJK_NUMERALS = set("零〇一二两兩三四五六七八九十百千万半")


@dataclass(frozen=True)
class _Finding:
    """One fact with the severity its direction carries."""

    fact: Fact
    severity: str
    action: str = ""  # for a polarity fact: sell, share, transfer, ...


# --- public API -----------------------------------------------------------------------------


def classify(
    changes: Sequence[Change],
    old_clauses: Sequence[Clause] | None = None,
    new_clauses: Sequence[Clause] | None = None,
) -> list[Change]:
    """The changes with categories, facts, material, severity and explanation filled in.

    Given the two versions' clauses, a clause removed here whose words (or whose facts) still
    stand elsewhere in the new version is not a material change, nor is an added one that the
    old version already stated: materiality is judged against the whole document."""
    with diff_budget():  # a freak page's clause diffs are bounded in all (tokendiff.py)
        return _classify_changes(changes, old_clauses, new_clauses)


def _classify_changes(
    changes: Sequence[Change],
    old_clauses: Sequence[Clause] | None,
    new_clauses: Sequence[Clause] | None,
) -> list[Change]:
    # a clause added or removed may be asked about (is it stated elsewhere?)
    questions = sum(1 for change in changes if change.kind in ("added", "removed"))
    versions = _Versions(old_clauses, new_clauses, questions)
    resplit = _resplit(changes)
    added = {c.new.index for c in changes if c.kind == "added" and c.new is not None}
    removed = {c.old.index for c in changes if c.kind == "removed" and c.old is not None}
    out = []
    for position, change in enumerate(changes):
        if position in resplit:
            out.append(_quiet_part(change, resplit[position]))
            continue
        classified = _classify_safely(change)
        if not classified.material and change.kind in ("added", "removed"):
            classified = _as_list_entry(change, classified, old_clauses, new_clauses)
        if classified.material and change.kind in ("added", "removed"):
            other = versions.new if change.kind == "removed" else versions.old
            clause = change.old if change.kind == "removed" else change.new
            if other is not None and clause is not None and other.still_states(clause, classified):
                where = "new" if change.kind == "removed" else "old"
                verb = "Clause removed" if change.kind == "removed" else "New clause"
                classified = replace(
                    classified,
                    facts=[],
                    material=False,
                    severity="none",
                    explanation=f"{verb}; what it says is stated elsewhere in the {where} version",
                )
        elif classified.material and change.kind in ("modified", "moved") and versions.both_given:
            classified = _without_joined_sentences(change, classified, versions)
            if classified.material and old_clauses is not None:
                classified = _condition_from_removed_neighbour(change, classified, old_clauses, removed)
        elif change.kind == "modified" and new_clauses is not None:
            classified = _period_of_previous_act(change, classified, new_clauses)
            if not classified.material and old_clauses is not None:
                classified = _entry_replaced(change, classified, old_clauses, new_clauses)
        if classified.material and change.kind in ("added", "removed"):
            classified = _under_own_label(change, classified, old_clauses, new_clauses)
        if classified.material and change.kind == "added" and new_clauses:
            classified = _in_consent_banner(change, classified, new_clauses, added)
        out.append(classified)
    return out


LEAD_IN_REACH = 30  # list entries walked back over to the line that leads into the list


def _as_list_entry(
    change: Change,
    classified: Change,
    old_clauses: Sequence[Clause] | None,
    new_clauses: Sequence[Clause] | None,
) -> Change:
    """An entry added to (or dropped from) a list whose lead-in states where data goes or what is
    collected ("We pass your data to the following recipients:" then "Advertising partners"): the
    entry read with its lead-in, what it adds to the lead-in's own facts is the change."""
    added = change.kind == "added"
    clause = change.new if added else change.old
    clauses = new_clauses if added else old_clauses
    if clause is None or not clauses or not _is_entry(clause):
        return classified
    lead = _lead_in(clause, clauses)
    if lead is None:
        return classified
    alone = _facts(lead)
    names_recipients = _names_recipients(lead)
    if not (names_recipients or (alone.states_flow and set(alone.categories) & MATERIAL_CATEGORIES)):
        return classified
    read = extract_facts(f"{lead.text.rstrip().rstrip(':：')} {clause.text}", lead.language)
    findings = _diff_facts(alone, read) if added else _diff_facts(read, alone)
    findings = [f for f in findings if f.fact.category in MATERIAL_CATEGORIES]
    own_detail = "contact" in set(read.categories) - set(alone.categories)
    if not findings and "collection" in alone.categories and own_detail:
        # "E-mail address" under "We collect the following data:": the user's own detail, collected
        item = clause.text.strip()
        fact = Fact("collection", None if added else item, item if added else None, change.kind, "item")
        findings = [_Finding(fact, "medium")]
    party = _named_party(clause.text, clause.language) if names_recipients else None
    if not findings and party:
        # "Cloudflare. Cloud services provider." under "Our subprocessors:": a party data goes to
        fact = Fact("sharing", None if added else party, party if added else None, change.kind, "recipient")
        findings = [_Finding(fact, "medium")]
    if not findings and _names_an_unlisted_party(alone, read):
        # "our regional branches" under "Other recipients of your data are:": a party the
        # lexicon does not know, named where the lead-in says data goes, is a recipient
        item = clause.text.strip().rstrip(",;.")
        fact = Fact("sharing", None if added else item, item if added else None, change.kind, "item")
        findings = [_Finding(fact, "high")]
    if not findings:
        return classified
    severity = max((f.severity for f in findings), key=severity_rank)
    cats = _ordered({f.fact.category for f in findings})
    return _done(change, cats, findings, True, severity, _explain(findings[:6]))


def _entry_replaced(
    change: Change, classified: Change, old_clauses: Sequence[Clause], new_clauses: Sequence[Clause]
) -> Change:
    """An entry of a list of the parties data goes to ("Subprocessors we use:") that now names
    another party ("HelloSign. Electronic signature service." -> "hCaptcha. Anti-bot protection."):
    the party named before is no longer named and a new one is, as if one entry were dropped and
    another added. The same party described otherwise ("Mailchimp. Email newsletter service." ->
    "Mailchimp. Transactional email service.") is no new recipient."""
    old, new = change.old, change.new
    if old is None or new is None or not (_is_entry(old) and _is_entry(new)):
        return classified
    before = _named_party(old.text, old.language)
    after = _named_party(new.text, new.language)
    if not before or not after or _party_words(before) & _party_words(after):
        return classified
    leads = _lead_in(old, old_clauses), _lead_in(new, new_clauses)
    if any(lead is None or not _names_recipients(lead) for lead in leads):
        return classified
    findings = [
        _Finding(Fact("sharing", None, after, "added", "recipient"), "medium"),
        _Finding(Fact("sharing", before, None, "removed", "recipient"), "medium"),
    ]
    return _done(change, ["sharing"], findings, True, "medium", _explain(findings))


def _names_recipients(lead: Clause) -> bool:
    """The line names a kind of party data goes to ("These subprocessors are located in the EU:",
    "Our service providers:"), though no verb of sharing: the entries it leads into are parties."""
    if _facts(lead).recipients:
        return True
    lexicons = {pick_lexicon(lead.text, lead.language)}
    tagged = canonical_language(lead.language)
    if tagged is not None:  # a short line may look like another language to pick_lexicon
        lexicons.add(load_lexicon(tagged))
    return any(caseless.search(p, lead.text) for lex in lexicons for p in lex.recipients.values())


_DOMAIN_END = compile_cached(r"\.[a-z]{2,6}\b")
PARTY_MAX_WORDS = 4  # "Google Cloud Platform", "Amazon Web Services": a company's or product's name
# "Cloudflare. Cloud services provider.", "Crisp Chat – customer messaging": the name, then what it does
_PARTY_SPLIT = compile_cached(r"\.\s+|\s+[–—-]\s+|[:：]\s*|\s+\(|,\s+")


def _named_party(text: str, language: str) -> str | None:
    """The name a list entry opens with when the entry names a company or product ("Cloudflare.
    Cloud services provider.", "Google reCAPTCHA", "hCaptcha – anti-bot protection"): a few words,
    each capitalised at its start or inside it (or a joiner like "of"), naming no document ("Cookie
    Policy") and nothing the lexicon knows as a kind of data, a right or a period. None for an entry
    that is no name ("Contact us", "keep the data confidential")."""
    text = text.strip()
    name = _PARTY_SPLIT.split(text, maxsplit=1)[0].strip().rstrip(".")
    words = _NAME_WORD.findall(_DOMAIN_END.sub("", name))  # "Convert.com", "Customer.io": the name
    if not words or len(words) > PARTY_MAX_WORDS or _HAN_RE.search(name) or not name[:1].isalnum():
        return None
    if not all(any(ch.isupper() for ch in w) or w.lower() in _NAME_JOINERS for w in words):
        return None
    if _is_title(name, language):
        return None
    facts = extract_facts(name, language)
    if facts.data_types or facts.rights_named or facts.durations or facts.states_flow:
        return None
    return name


def _party_words(name: str) -> set[str]:
    return {w.lower() for w in _NAME_WORD.findall(name)}


def _is_entry(clause: Clause) -> bool:
    """A list entry (see _is_item), or one that names a party and then says what it does in a
    second fragment ("Cloudflare. Cloud services provider."): no sentence, for all its full stops.
    Two short sentences ("Ads are shown. We earn money.") open with no name and are no entry."""
    if _is_item(clause):
        return True
    text = clause.text.strip()
    if clause.is_heading or _HAN_RE.search(text) or not text.endswith("."):
        return False
    parts = [p for p in re.split(r"\.\s+", _DOMAIN_END.sub("", text).rstrip(".")) if p]
    if len(parts) != 2:
        return False
    name, what = (_NAME_WORD.findall(p) for p in parts)
    if not (0 < len(name) <= PARTY_MAX_WORDS and 0 < len(what) <= ITEM_MAX_WORDS):
        return False
    return _named_party(text, clause.language) is not None


def _names_an_unlisted_party(alone: ClauseFacts, read: ClauseFacts) -> bool:
    """The lead-in says data goes somewhere and names no one ("Recipients of your data are:",
    "Wir geben Ihre Daten weiter an:"), so its entries are the parties; an entry that names no
    party, data or detail the lexicon knows is still one of them. A lead-in that names its
    recipient ("We share the following with our partners:") lists what is shared instead."""
    if "sharing" not in alone.categories or alone.recipients or read.recipients != alone.recipients:
        return False
    if read.data_types != alone.data_types:
        return False
    return not (set(read.categories) - set(alone.categories)) & {"contact", "collection"}


def _in_place(clause: Clause, clauses: Sequence[Clause]) -> bool:
    """The version's clauses are numbered by their position (as segment numbers them), so the
    clauses around `clause` are read by index."""
    return 0 <= clause.index < len(clauses) and clauses[clause.index].index == clause.index


def _lead_in(clause: Clause, clauses: Sequence[Clause]) -> Clause | None:
    """The line ending in ":" that the list holding `clause` follows, in the same section, with
    only list entries between them; None when there is none."""
    if not _in_place(clause, clauses):
        return None
    for k in range(clause.index - 1, max(-1, clause.index - LEAD_IN_REACH), -1):
        other = clauses[k]
        if other.section != clause.section or other.is_heading:
            return None
        if _OPENS_A_LIST.search(other.text):
            return other
        if not _is_entry(other):
            return None
    return None


FOOTER_LABEL_MAX_WORDS = 5
TAIL_MAX_CLAUSES = 8  # a page's footer block: a label, a blurb, a link or two


def _under_own_label(
    change: Change,
    classified: Change,
    old_clauses: Sequence[Clause] | None,
    new_clauses: Sequence[Clause] | None,
) -> Change:
    """A sentence material only for the section it sits in, in the page's last lines after a
    short label that names no term ("How it works", then "Your search for love has never been
    easier", then "Start free today"): page furniture after the policy, where nothing from the
    label to the end states a term, so the last section's topic does not carry over to it."""
    clause = change.new if change.kind == "added" else change.old
    clauses = new_clauses if change.kind == "added" else old_clauses
    if clause is None or not clauses or classified.facts or not _in_place(clause, clauses):
        return classified
    start = max(0, len(clauses) - TAIL_MAX_CLAUSES)
    labels = [k for k in range(start, clause.index + 1) if _opens_footer(clauses, k)]
    if not labels or any(_names_term(c) for c in clauses[labels[0] :]):
        return classified
    verb = "New clause" if change.kind == "added" else "Clause removed"
    what = f"{verb} under a label that names no policy term"
    return replace(classified, material=False, severity="none", explanation=as_sentence(what))


BANNER_CATEGORIES = frozenset({"tracking", "purpose"})  # what a banner's blurb says: cookies, what for
# "cookiesAccept": two buttons' labels run together
_GLUED_WORDS = compile_cached(r"(?<=[a-zß-ÿ])(?=[A-ZÀ-Þ])")


def _in_consent_banner(
    change: Change, classified: Change, clauses: Sequence[Clause], added: set[int]
) -> Change:
    """A sentence about cookies in a block added at the very end of the page that closes with a
    cookie-consent banner's buttons ("We'd like to use cookies …", then "Accept all cookies"):
    the banner captured with the policy, not a term the policy states."""
    clause = change.new
    if clause is None or not set(classified.categories) <= BANNER_CATEGORIES:
        return classified
    if clause.index < len(clauses) - TAIL_MAX_CLAUSES or clauses[-1].index != len(clauses) - 1:
        return classified
    tail = clauses[clause.index :]
    if not all(c.index in added for c in tail) or not _is_button_line(tail[-1]):
        return classified
    what = as_sentence("New clause (cookie banner text)")
    return replace(classified, material=False, severity="none", explanation=what)


def _is_button_line(clause: Clause) -> bool:
    """A line of only a cookie-consent banner's button labels ("Accept all cookiesReject all")."""
    text = _GLUED_WORDS.sub(" ", clause.text)
    lex = pick_lexicon(text, clause.language)
    if lex.consent_buttons is None or not caseless.search(lex.consent_buttons, text):
        return False
    return not any(ch.isalnum() for ch in lex.consent_buttons.sub(" ", text))


def _opens_footer(clauses: Sequence[Clause], k: int) -> bool:
    """Clause k is a label that opens a block of its own: a plain label between two sentences
    (the policy's last one before it, its blurb after it), so not an entry of a list."""
    if not _is_plain_label(clauses[k]) or k + 1 >= len(clauses) or k < 1:
        return False
    return all(_is_sentence(clauses[n].text) for n in (k - 1, k + 1))


def _is_sentence(text: str) -> bool:
    """A full sentence: six words or more, closed by a full stop, "!" or "?" (not a lead-in ":")."""
    text = text.strip()
    return text.endswith((".", "!", "?", "。", "！", "？")) and _substantial(text)


def _is_plain_label(clause: Clause) -> bool:
    """A short line that is no sentence, no list entry and no heading, and names no term."""
    text = clause.text.strip()
    if clause.is_heading or clause.marker or not text or text.endswith(SENTENCE_ENDS):
        return False
    words = _NAME_WORD.findall(text)
    if not words or len(words) > FOOTER_LABEL_MAX_WORDS or re.search(r"\d", text) or _HAN_RE.search(text):
        return False
    return not _names_term(clause)


def _names_term(clause: Clause) -> bool:
    """The clause's own words name a material category (its section aside)."""
    return bool(set(_facts(clause).categories) & MATERIAL_CATEGORIES)


def _resplit(changes: Sequence[Change]) -> dict[int, str]:
    """Positions of changes that only split one sentence in two, or join two into one, with a
    joining word or two changed ("…, and we use them to…" -> "…. We use them to…"): an edited
    clause beside an added (or removed) neighbour that together say what the other side said,
    with the same facts and only function words apart. Each maps to what happened."""
    found: dict[int, str] = {}
    for k, change in enumerate(changes):
        if change.kind != "modified" or k in found:
            continue
        for n in (k + 1, k - 1, k + 2, k - 2):  # a neighbour in the list, either side
            if 0 <= n < len(changes) and n not in found and (what := _resplit_pair(change, changes[n])):
                found[k] = found[n] = what
                break
    return found


def _resplit_pair(change: Change, other: Change) -> str | None:
    """ "sentence split" / "sentences joined" when `other`, next to `change` in the document, is
    its other half."""
    old, new = change.old, change.new
    if old is None or new is None:
        return None
    if other.kind == "added" and other.new is not None and abs(other.new.index - new.index) == 1:
        halves = sorted((other.new, new), key=lambda c: c.index)
        joined = " ".join(c.text for c in halves)
        return "sentence split" if _same_terms(old.text, joined, new.language) else None
    if other.kind == "removed" and other.old is not None and abs(other.old.index - old.index) == 1:
        halves = sorted((other.old, old), key=lambda c: c.index)
        joined = " ".join(c.text for c in halves)
        return "sentences joined" if _same_terms(joined, new.text, new.language) else None
    return None


REWORDED_WORDS = 3  # words a split sentence may say otherwise ("benutzen wir keine" / "setzen wir nicht ein")


def _same_terms(old: str, new: str, language: str) -> bool:
    """The two texts state the same facts, with as many negations and modals, and differ only
    in function words ("and", "which", "this") or in a few words that name no term the lexicon
    knows ("…, insbesondere benutzen wir keine Cookies" / "…; Cookies setzen wir nicht ein")."""
    if _too_many_content_words_differ(old, new):
        return False  # what the lexicon's checks below would find, without picking the lexicon
    lex = pick_lexicon(new, language)
    old_words, new_words = _content_words(old, lex), _content_words(new, lex)
    of, nf = extract_facts(old, language), extract_facts(new, language)
    if old_words != new_words and not _termless_rewording(old_words, new_words, of, nf, language):
        return False
    cats = (set(of.categories) | set(nf.categories)) & MATERIAL_CATEGORIES
    findings = _diff_facts(of, nf)
    if findings and not _negation_scope_only(findings, old, new, language, lex):
        return False
    if _diff_conditions(of, nf, cats, lex, old, new):
        return False
    return not (
        _negation_change(old, new, lex) != 0
        or _count_changed(lex.modals, old, new)
    )


def _termless_rewording(
    old_words: Counter[str], new_words: Counter[str], of: ClauseFacts, nf: ClauseFacts, language: str
) -> bool:
    """A few words apart, none of which names a term (no category, verb, condition or negation of
    its own beyond a negator said another way), and the same keywords counted on both sides."""
    gone, came = old_words - new_words, new_words - old_words
    if sum(gone.values()) > REWORDED_WORDS or sum(came.values()) > REWORDED_WORDS:
        return False
    if of.category_hits != nf.category_hits:
        return False
    lex = pick_lexicon(" ".join(came) or " ".join(gone), language)
    words = [w for w in (*gone, *came) if lex.negators is None or not lex.negators.fullmatch(w)]
    said = extract_facts(" ".join(words), language)
    return not (said.categories or said.polarity or said.conditions)


_ITEM_KINDS = frozenset({"recipient", "data_type", "purpose"})


def _negation_scope_only(findings: list[_Finding], old: str, new: str, language: str, lex: Lexicon) -> bool:
    """The findings are only items (recipients, data types, purposes) that the one-sentence side
    reads as ruled out by a negation which, on the side split in sentences, stands in another
    sentence than the item: "we rely on processors for card payments, and we do not keep your
    card number" split at "and" still has the processors get card data."""
    if lex.negators is None or any(f.fact.kind not in _ITEM_KINDS for f in findings):
        return False
    parts = [p for p in max((_SENTENCE_SPLIT.split(t) for t in (old, new)), key=len) if p.strip()]
    if len(parts) < 2:
        return False
    free = [extract_facts(p, language) for p in parts if not lex.negators.search(_unexcepted(p, lex))]
    named = {
        "recipient": {r for f in free for r in f.recipients},
        "data_type": {d for f in free for d in f.data_types},
        "purpose": {u for f in free for u in f.purposes},
    }
    return all((f.fact.new or f.fact.old) in named[f.fact.kind] for f in findings)


def _too_many_content_words_differ(old: str, new: str) -> bool:
    """More than REWORDED_WORDS occurrences of words that are no function word or list joiner of
    any language went (or came): whichever lexicon reads the texts, _termless_rewording refuses.
    Most neighbours of an edited clause fail here, before a lexicon is picked for their join."""
    a, b = Counter(_lower_words(old)), Counter(_lower_words(new))
    gone = came = 0
    for w in a.keys() | b.keys():
        if a[w] == b[w] or _function_word_somewhere(w):
            continue
        gone, came = gone + max(0, a[w] - b[w]), came + max(0, b[w] - a[w])
        if gone > REWORDED_WORDS or came > REWORDED_WORDS:
            return True
    return False


def _lower_words(text: str) -> list[str]:
    """The text's words (_WORD), lower-cased: ASCII text lower-cased at once holds the same words."""
    return _WORD.findall(text.lower()) if text.isascii() else [w.lower() for w in _WORD.findall(text)]


@lru_cache(maxsize=16384)
def _function_word_somewhere(word: str) -> bool:
    """A function word or list joiner of at least one language (`word` lower case)."""
    return any(word in lex.conjunctions or _function_word(word, lex) for lex in all_lexicons())


def _content_words(text: str, lex: Lexicon) -> Counter[str]:
    """The text's words, lower-cased, without the language's function words and list joiners."""
    words = (w.lower() for w in _WORD.findall(text))
    return Counter(w for w in words if w not in lex.conjunctions and not _function_word(w, lex))


def _quiet_part(change: Change, what: str) -> Change:
    """One half of a split or joined sentence, classified as no change of terms."""
    clause = change.new if change.new is not None else change.old
    cats = list(extract_facts(clause.text, clause.language).categories) if clause is not None else []
    return replace(
        change,
        categories=_ordered(cats),
        facts=[],
        material=False,
        severity="none",
        explanation=f"{what}; no term changed",
    )


def _without_joined_sentences(change: Change, classified: Change, versions: _Versions) -> Change:
    """A modified clause judged again without the sentences it gained or lost by a join or a
    split: "…at [email protected] We may ask for ID." where the old version had "We may ask for
    ID." on its own, or "…officer here.If this…" split in two once the space is put back. What
    a joined sentence says still stands in the other version, so it is no change of terms."""
    old, new = change.old, change.new
    if old is None or new is None:
        return classified
    pairs = _changed_words(without_addresses(old.text), without_addresses(new.text))
    old_text = _cut_sentences(old.text, [o for o, _ in pairs], lambda: versions.new, statement_key(new.text))
    new_text = _cut_sentences(new.text, [n for _, n in pairs], lambda: versions.old, statement_key(old.text))
    if old_text == old.text and new_text == new.text:
        return classified
    cut = replace(change, old=replace(old, text=old_text), new=replace(new, text=new_text))
    again = _classify_safely(cut)
    if again.material:
        return replace(again, old=old, new=new)
    return replace(
        again,
        old=old,
        new=new,
        explanation="sentences joined or split; what they say is stated elsewhere in the other version",
    )


def _cut_sentences(text: str, changed: list[str], other: Callable[[], _Document], own_key: str) -> str:
    """`text` without each sentence of the other version found whole in one of its changed
    stretches of words (but not the clause's own counterpart). The other version is folded only
    when a stretch is long enough to hold a sentence (a changed word or number is not)."""
    for stretch in changed:
        stretch_key = clause_key(stretch)
        if not _Document.long_enough(stretch_key):
            continue
        for key in other().keys_within(stretch_key):
            if key != own_key:
                text = _cut_key(text, key)
    return text


@lru_cache(maxsize=16384)
def statement_key(text: str) -> str:
    """The clause key of a text without its e-mail and web addresses."""
    return clause_key(without_addresses(text))


def _cut_key(text: str, key: str) -> str:
    """The text with the words of `key` (a folded clause key) and the punctuation after them cut."""
    letters = key.replace(" ", "")
    if text.isascii() and letters.isascii() and letters.isalnum():
        return _cut_ascii_key(text, letters.lower())
    return _cut_key_by_pattern(text, letters)


def _cut_key_by_pattern(text: str, letters: str) -> str:
    """The plain cut: the key's letters in order with anything but letters and digits between."""
    chars = [re.escape(ch) for ch in letters]
    pattern = re.compile(r"[\W_]*".join(chars) + r"[^\w\s]*", re.IGNORECASE)
    return " ".join(pattern.sub(" ", text, count=1).split())


_ASCII_ALNUM_RUN = re.compile(r"[A-Za-z0-9]+")


def _cut_ascii_key(text: str, letters: str) -> str:
    """`_cut_key_by_pattern` for ASCII text without compiling a pattern per key (a key is a
    whole sentence: its pattern costs milliseconds to compile and is used once): the key's
    letters are found in the text's letters and digits, lower-cased and run together."""
    runs = list(_ASCII_ALNUM_RUN.finditer(text))
    at = "".join(run.group() for run in runs).lower().find(letters)
    if at < 0:
        return " ".join(text.split())
    positions = [i for run in runs for i in range(run.start(), run.end())]
    start, end = positions[at], positions[at + len(letters) - 1] + 1
    while end < len(text) and not (text[end].isalnum() or text[end] == "_" or text[end].isspace()):
        end += 1  # the punctuation right after the key goes with it
    return " ".join(f"{text[:start]} {text[end:]}".split())


MIN_RESTATED_WORDS = 4  # a shorter clause said again ("No.", "Cookies") may be another row's answer


class _Versions:
    """The two versions as wholes, each folded when first asked about: most comparisons (a
    changed sentence or two) never ask, and folding a long version costs more than judging it."""

    def __init__(
        self, old_clauses: Sequence[Clause] | None, new_clauses: Sequence[Clause] | None, questions: int
    ) -> None:
        self._old_clauses, self._new_clauses = old_clauses, new_clauses
        self.both_given = old_clauses is not None and new_clauses is not None
        self.questions = questions  # at most this many, each of one version

    @cached_property
    def old(self) -> _Document | None:
        return _Document(self._old_clauses, self.questions) if self._old_clauses is not None else None

    @cached_property
    def new(self) -> _Document | None:
        return _Document(self._new_clauses, self.questions) if self._new_clauses is not None else None


class _Document:
    """One version as a whole, folded as clause keys are, to find a clause's words in it."""

    MIN_KEY = 24  # shorter keys ("cookies", a heading) say too little to be found as a statement
    MIN_HAN_KEY = 10  # Han characters say as much in fewer signs
    # Characters scanned for one document's questions, in all. A real rewrite asks a few hundred
    # questions of ~100 KB; a freak page (tens of thousands of clauses, all changed) would make
    # the scans quadratic, so past the budget only whole clauses are looked up.
    SEARCH_BUDGET = 500_000_000

    def __init__(self, clauses: Sequence[Clause], questions: int = 0) -> None:
        # Keys without e-mail and web addresses: "write to [email protected]" states what
        # "write to privacy@example.com" did, and a sentence joined to it is found either way.
        keys = [statement_key(c.text) for c in clauses]
        self.text = "\n".join(keys)
        self.keys = sorted({k for k in keys if self.long_enough(k)}, key=len, reverse=True)
        self.han_keys = frozenset(k for k in self.keys if _HAN_RE.search(k))
        self.padded_keys = [f" {k} " for k in self.keys]
        # Where each key's first word is: a key stands whole in a stretch only where that word is
        # one of the stretch's words (Han keys, found without word boundaries, are always tried).
        self.by_first_word: dict[str, list[int]] = {}
        for i, k in enumerate(self.keys):
            self.by_first_word.setdefault(k.split(" ", 1)[0], []).append(i)
        self.han_positions = [i for i, k in enumerate(self.keys) if k in self.han_keys]
        self.negative_lengths = [-len(k) for k in self.keys]  # ascending, for bisect
        self.key_set = frozenset(keys)
        self.other = OtherVersion(clauses, questions)
        self.searched = 0

    @classmethod
    def long_enough(cls, key: str) -> bool:
        """A key long enough to be found as a statement, not as a stray word or a heading."""
        return len(key) >= cls.MIN_KEY or (len(key) >= cls.MIN_HAN_KEY and bool(_HAN_RE.search(key)))

    def keys_within(self, stretch_key: str) -> list[str]:
        """The clause keys of this version that stand whole (in whole words) in `stretch_key`."""
        found: list[str] = []
        self.searched += len(self.keys) * len(stretch_key)
        if self.searched > self.SEARCH_BUDGET:
            return found
        padded = f" {stretch_key} "
        shorter = bisect_left(self.negative_lengths, -len(stretch_key))  # longer keys cannot stand in it
        # Only keys whose first word the stretch holds can stand in it (cutting a found key out
        # leaves no new run of words), tried in the same order as all of them would be.
        by_first = self.by_first_word
        tried = {i for word in set(padded.split(" ")) for i in by_first.get(word, ())}
        tried.update(self.han_positions)
        for i in sorted(i for i in tried if i >= shorter):
            key, padded_key = self.keys[i], self.padded_keys[i]
            if padded_key in padded or (key in self.han_keys and key in stretch_key):
                found.append(key)
                padded = padded.replace(padded_key, " \x00 ", 1)
        return found

    def still_states(self, clause: Clause, change: Change) -> bool:
        """True when the clause's words stand elsewhere in this version (a duplicate removed, a
        sentence split off from or merged into another), or one clause here states all its facts
        in mostly its words (restated.py: a summary removed whose details stay). Facts alone do
        not count: the same recipient named in another sentence may be named on other terms."""
        key = statement_key(clause.text)
        if key in self.key_set and len(key.split()) >= MIN_RESTATED_WORDS:
            return True  # the same sentence, short as it is ("We never sell your data.")
        if len(key) < self.MIN_KEY:
            return False
        if key in self.key_set or self.other.restates(clause):
            return True
        if self.searched + len(self.text) > self.SEARCH_BUDGET:
            return False
        self.searched += len(self.text)
        at = self.text.find(key)
        while at >= 0:  # whole words only: "…we do not sell" is not in "…we do not sell[er]…"
            end = at + len(key)
            if (at == 0 or not self.text[at - 1].isalnum()) and (
                end == len(self.text) or not self.text[end].isalnum() or _HAN_RE.match(self.text[end])
            ):
                return True
            at = self.text.find(key, at + 1)
        return False


def _classify_safely(change: Change) -> Change:
    # One odd clause must not cost the whole diff: it is listed, unclassified, and logged.
    try:
        return _classify(change)
    except Exception as exc:  # noqa: BLE001 - any failure here is a bug to log, not to raise
        log.exception("could not classify a %s change", change.kind)
        return replace(change, explanation=f"Could not be classified ({type(exc).__name__})")


def clause_categories(text: str, language: str) -> list[str]:
    """The categories a single clause is about (used for added/removed clauses and for routing)."""
    return list(extract_facts(text, language).categories)


# --- one change -----------------------------------------------------------------------------


def _classify(change: Change) -> Change:
    if change.kind in ("added", "removed"):
        clause = change.new if change.kind == "added" else change.old
        return _single(change, clause) if clause is not None else change
    old, new = change.old, change.new
    if old is None or new is None:
        return change
    if old.text == new.text:
        cats = list(extract_facts(new.text, new.language).categories)
        return replace(
            change,
            categories=cats,
            facts=[],
            material=False,
            severity="none",
            explanation="Moved; text unchanged" if change.kind == "moved" else "No change in text",
        )
    return _compare(change, old, new)


def _facts(clause: Clause) -> ClauseFacts:
    return extract_facts(clause.text, clause.language)


def _ordered(cats: set[str] | list[str] | tuple[str, ...]) -> list[str]:
    return [c for c in CATEGORIES if c in set(cats)]


# a kramdown attribute list ('{: datetime="2018-11-30" }'): markup, no words
_ATTRIBUTE_LIST = compile_cached(r"\{:[^{}]*\}")


def _stamp_against_label(of: ClauseFacts, nf: ClauseFacts, old: Clause, new: Clause) -> bool:
    """One side an update stamp, the other a label: a few words that end no sentence."""
    if of.is_update_stamp == nf.is_update_stamp:
        return False
    other = new if of.is_update_stamp else old
    text = _ATTRIBUTE_LIST.sub(" ", other.text).strip()
    if not text:
        return True  # '{: datetime="2018-05-01" }': the markup that dated the old stamp line
    return not _substantial(text) and not text.endswith(SENTENCE_ENDS) and not re.search(r"\d", text)


def _done(
    change: Change, cats: list[str], findings: list[_Finding], material: bool, severity: str, explanation: str
) -> Change:
    explanation = moved(explanation, material) if change.kind == "moved" else as_sentence(explanation)
    return replace(
        change,
        categories=_ordered(cats),
        facts=[f.fact for f in findings],
        material=material,
        severity=severity if material else "none",
        explanation=explanation,
    )


def _compare(change: Change, old: Clause, new: Clause) -> Change:
    of, nf = _facts(old), _facts(new)
    clause_cats = set(of.categories) | set(nf.categories)
    material_cats = clause_cats & MATERIAL_CATEGORIES
    lex = pick_lexicon(new.text, new.language)
    prefix = ""  # _done tells of a move (explain.moved)

    if of.is_update_stamp and nf.is_update_stamp:
        return _done(change, list(clause_cats), [], False, "none", prefix + "update stamp changed")
    if _stamp_against_label(of, nf, old, new):
        # "Effective Date: 15 December, 2021" aligned with "Home": a date line gone, a label come
        what = prefix + "update stamp replaced by a label"
        return _done(change, list(clause_cats), [], False, "none", what)
    pairs = _changed_words(old.text, new.text)
    if not pairs:
        return _done(change, list(clause_cats), [], False, "none", prefix + "punctuation or spacing changed")
    if _mask(old.text, lex) == _mask(new.text, lex):
        if "retention" in clause_cats and _end_date_moved(old.text, new.text, lex):
            # "we keep your data until 3 May 2025" -> "… 2026": the date ends how long data is kept
            was, now = _snip(pairs, 0), _snip(pairs, 1)
            fact = Fact("retention", was, now, "changed", "end_date")
            what = f"date until which data is kept changed from {was} to {now}"
            return _done(change, ["retention"], [_Finding(fact, "medium")], True, "medium", prefix + what)
        stamp = of.is_update_stamp or nf.is_update_stamp
        what = (
            "update stamp changed"
            if stamp
            else ("contact details changed" if of.contacts != nf.contacts else "date changed")
        )
        return _done(change, list(clause_cats), [], False, "none", prefix + what)
    if _disclaimer_reworded(of, nf, old.text, new.text, lex):
        # "Mozilla accepts no liability for texts that users publish" re-written: what a denial of
        # liability names is what it covers, no data practice of the service
        return _done(change, list(clause_cats), [], False, "none", prefix + "liability disclaimer re-worded")
    same_parties = of.places == nf.places and of.recipients == nf.recipients
    if same_parties and _names_swapped(pairs, old.text, new.text, lex):
        # "we use Google Analytics" -> "we use Matomo": another product named, the same term stated
        return _done(change, list(clause_cats), [], False, "none", prefix + "a name changed; no term changed")
    if _repeat_dropped(old.text, new.text) or _words_repeat_dropped(old.text, new.text):
        # "保留您的个人信息保留您的个人信息", "the the": the doubled words still stand once
        return _done(change, list(clause_cats), [], False, "none", prefix + "repeated words removed or added")
    negation_only = _conditional_ban(of, nf) and _only_negation_edited(old.text, new.text, lex)
    findings = _diff_facts(of, nf, negation_only=negation_only) + _section_periods(of, nf, new)
    if not (of.durations or nf.durations):  # "kept for 30 days" is "deleted after 30 days"
        findings += _deletion_swapped(pairs, lex)
    negated_right = _right_negated(of, nf, old.text, new.text, lex)
    if negated_right:
        # "you have the right to object to direct marketing" -> "you do not have …": the right
        # went, the use it is about ("marketing") is its object, not a purpose dropped
        findings = negated_right + [f for f in findings if f.fact.kind != "purpose"]
    sof, snf = _sentence_facts(of, nf, old, new, lex)
    findings += _diff_conditions(sof, snf, material_cats, lex, old.text, new.text, _section_categories(new))
    findings = _without_items_now_banned(findings, nf)
    if not findings:
        listed = _details_listed(of, nf, old.text, new.text, clause_cats, lex)
        findings = listed or _access_narrowed(of, nf, pairs)
    if _only_what_the_policy_covers(findings, old, of, new, nf):
        # "It governs data transfers, storage periods and your rights" -> "... and storage periods":
        # the topics a document covers, listed; its other sentences state the terms
        return _done(change, list(clause_cats), [], False, "none", prefix + "says what the policy explains")
    if old.is_heading and new.is_heading and not findings_state_terms(findings):
        # "Export of data" -> "Transfer of data to third countries": a title names what its section
        # is about; the terms are in the section's sentences (an added heading is quiet alike)
        return _done(change, list(clause_cats), [], False, "none", prefix + "heading re-worded")
    unrespelt = _unless_place_respelt(findings, pairs, lex, old.text, new.text)
    if _one_sided(unrespelt) and _is_typo_fix(pairs, lex, old.text, new.text):
        # A misspelt keyword makes a fact vanish (or a fixed one appear) with nothing in its place.
        return _done(change, list(clause_cats), [], False, "none", prefix + "typo fix")
    if findings:
        severity = max((f.severity for f in findings), key=severity_rank)
        cats = {f.fact.category for f in findings}
        if cats & {"rights", "purpose", "sharing", "collection"} and "tracking" in clause_cats:
            # what cookies are for, what they gather, who gets their data, the choice: tracking terms
            cats.add("tracking")
        if ("tracking" in of.categories) != ("tracking" in nf.categories):
            cats.add("tracking")  # "we count visits" -> "we count visits with cookies": a tracker named anew
        if "condition" in {f.fact.kind for f in findings} and "tracking" in _section_categories(new):
            cats.add("tracking")  # "kept on your device only if you allow it" under "Cookies"
        kinds = {f.fact.kind for f in findings}
        sends = _sends(of) or _sends(nf)
        if "recipient" in kinds and "collection" in clause_cats and not sends:
            cats.add("collection")  # "obtained from partners or data brokers": where data comes from
        if "security_measure" in kinds and sends:
            cats.add("sharing")  # "an anonymised ID is shared" -> "your e-mail is shared": what goes out
        if "security_measure" in kinds and "collection" in set(nf.categories) - set(of.categories):
            # "kept in anonymous form" -> "kept with your IP address": the data is now tied to you
            cats.add("collection")
        if "sharing" in clause_cats and (of.states_flow or nf.states_flow) and _opt_out_dropped(findings):
            cats.add("sharing")  # "we share it unless you opt out" -> "we share it": no longer optional
        text = with_subject(_explain(findings), new.text, new.language)
        return _done(change, list(cats), findings, True, severity, prefix + text)
    if old.is_heading and new.is_heading:
        return _done(change, list(clause_cats), [], False, "none", prefix + "heading re-worded")
    if _han_transposed(pairs, lex):
        # "可能进行" typed "可进能行": the swap breaks a word (here the modal 可能), states nothing new
        return _done(change, list(clause_cats), [], False, "none", prefix + "typo fix")

    if _describes_the_policy(old, of) and _describes_the_policy(new, nf):
        # "This notice explains which cookies we set" -> "… and how we use them": what the document
        # explains, said of the sections that follow; their sentences state the terms
        return _done(change, list(clause_cats), [], False, "none", prefix + "says what the policy explains")
    was, now = _snip(pairs, 0), _snip(pairs, 1)
    same_actions = _same_actions(of, nf, lex, old.text, new.text) or _condition_reworded(
        of, nf, lex, old.text, new.text
    )
    negation = (
        0
        if same_actions and (_conditioned(of, nf) or not _negator_off_actions(old.text, new.text, lex))
        else _negation_change(old.text, new.text, lex)
    )
    modality = _modality_change(_unexcepted(old.text, lex), _unexcepted(new.text, lex), lex)
    if modality and not negation and _right_said_as_ability(of, nf, material_cats):
        modality = 0  # "you have the right to object" -> "you may object": the same right, offered alike
    if not material_cats and negation and not (of.contacts or nf.contacts or "contact" in clause_cats):
        # "We ask for your consent first" -> "We do not ask for it", under "Cookies": a sentence
        # with no keyword of its own is about what its section is about
        material_cats = set(_section_categories(new)) & MATERIAL_CATEGORIES or _names_data(old.text, lex)
    if material_cats and (negation or modality):
        # Fewer negations: something once ruled out may now happen.
        severity = "high" if negation < 0 else "medium"
        finding = _Finding(Fact(_ordered(material_cats)[0], was, now, "changed", "wording"), severity)
        text = wording(_ordered(material_cats), negation, modality if _modal_swapped(pairs, lex) else 0)
        return _done(change, list(material_cats), [finding], True, severity, prefix + text)
    listed = _list_items(old.text, new.text, lex)
    if same_actions:  # "is never sold or rented" for "do not sell or rent": the same ban, re-worded
        listed = (
            [i for i in listed[0] if not _restates_actions(i, lex)],
            [i for i in listed[1] if not _restates_actions(i, lex)],
        )
    qualifier = lex.conditions.get("limit")  # "unless you agree" is a condition, not a list item
    if qualifier is not None:
        listed = (
            tuple(i for i in listed[0] if not qualifier.search(i)),
            tuple(i for i in listed[1] if not qualifier.search(i)),
        )
    if lex.legal_grounds is not None:
        # "required or permitted by law" -> "required by law": the law's ground for an exception
        # narrowed, no purpose dropped (one added still alerts: the exception widened)
        listed = (listed[0], tuple(i for i in listed[1] if not lex.legal_grounds.fullmatch(i.strip())))
    kept = of.rights_named & nf.rights_named  # "…, without any cost to you" for "free of charge"
    listed = (
        tuple(i for i in listed[0] if not _names_only(i, kept, lex)),
        tuple(i for i in listed[1] if not _names_only(i, kept, lex)),
    )
    list_cats = material_cats & LIST_CATEGORIES
    if not (of.states_flow or nf.states_flow):  # "bought A or B through a reseller": products
        list_cats -= RECIPIENT_CATEGORIES
    if list_cats == {"transfer"} and of.places and of.places == nf.places:
        listed = _naming_places(listed, new.language)
    if not list_cats and (of.states_flow or nf.states_flow) and _items_name_purposes(listed, lex):
        list_cats = {"purpose"}  # "… or promotional messages" added to what data is used for
    if not list_cats and (of.states_flow or nf.states_flow) and _lists_data_kind(listed, new.language):
        list_cats = {"collection"}  # "we process device data, location data and crash reports"
    if list_cats and list_cats <= NAMELESS_LIST_CATEGORIES:
        # A product or company dropped from a list of data or uses ("accounts such as Kite"): a name,
        # not a kind of data or a use that went. A name added stays: it may be a new source. Rights
        # lists are often title-cased ("Accessing, Correcting, and Deleting"): they are left alone.
        listed = (listed[0], tuple(i for i in listed[1] if not _proper_name(i, lex)))
    if list_cats and (listed[0] or listed[1]):
        # An item's category is what its own sentence is about, not the whole (table-row) clause.
        findings = []
        cats: set[str] = set()
        for side, items, text, language in (
            (0, listed[0], new.text, new.language),
            (1, listed[1], old.text, old.language),
        ):
            for item in items:
                found, part = _item_categories(item, text, language)
                own = found & list_cats or list_cats
                item_facts = extract_facts(item, language)
                named = set(item_facts.categories)
                if list_cats == {"purpose"} or (not item_facts.data_types and _names_purpose(item, language)):
                    own = named = {"purpose"}  # "… or commercial messages": what the data is used for
                if "contact" in named:  # "phone number" in a list: a kind of data, collected
                    named.add("collection")
                data = "collection" in named
                if data and "sharing" in own:
                    named.add("sharing")  # "your e-mail and phone number will be public": data shared
                own = own & named or own
                cats |= own
                kind = {"promise": "excepted_item", "exception": "promise_exception"}.get(part, "item")
                if kind == "item" and data and _ordered(own)[0] == "sharing":
                    # "we share your e-mail and IP address with X": what goes out, not to whom
                    kind = "shared_data"
                fact = Fact(
                    _ordered(own)[0],
                    item if side else None,
                    None if side else item,
                    "removed" if side else "added",
                    kind,
                )
                # What widens what may be done ranks high: an item dropped from a promise ("we never
                # train on A, B or C"), or an exception added to one ("no one except A, B or C").
                widens = (part == "promise" and side) or (part == "exception" and not side)
                findings.append(_Finding(fact, "high" if widens else "medium"))
        severity = max((f.severity for f in findings), key=severity_rank)
        return _done(change, list(cats), findings, True, severity, prefix + _explain(findings))
    changed_cats = {
        c
        for c in MATERIAL_CATEGORIES
        if of.category_hits.get(c, 0) != nf.category_hits.get(c, 0)
        and _fragment_hits(lex, c, pairs, _whole_sides(of, nf, c, old.text, new.text))
    }
    if _right_said_as_ability(of, nf, material_cats):
        changed_cats.discard("rights")  # the same rights offered in other words ("the right to" -> "can")
    if "purpose" in changed_cats and _users_own_use(lex, old.text, new.text):
        changed_cats.discard("purpose")  # "Sie können unsere Website nutzen": the user uses the site
    if changed_cats and _synonyms_swapped(old.text, new.text, pairs, changed_cats, of, nf, lex):
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; no term changed")
    if changed_cats == {"sharing"} and _same_recipients_reworded(of, nf, pairs, lex, old.text, new.text):
        # "uses third-party services to store them" -> "hands them to third-party services to
        # store": the same parties receive the same data; only the verb for it changed
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; the same recipients")
    if changed_cats and changed_cats <= {"sharing", "transfer"} and _transfer_verb_for_sharing(of, nf):
        # "geben wir Ihre Daten an den Versanddienstleister weiter" -> "übermitteln wir … an den
        # Versanddienstleister": the same party gets the data; no country is named on either side
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; the same recipients")
    if changed_cats == {"purpose"} and _purpose_marker_only(old.text, new.text, of, nf, lex):
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; the same purpose")
    if changed_cats:
        finding = _Finding(Fact(_ordered(changed_cats)[0], was, now, "changed", "wording"), "low")
        return _done(
            change, list(changed_cats), [finding], True, "low", prefix + reworded(_ordered(changed_cats))
        )
    return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; no term changed")


def _disclaims_liability(text: str, lex: Lexicon) -> bool:
    """The sentence denies the service's liability ("we accept no liability for", "keine
    Haftung"), and no other negator: the data it names is what the denial covers, not what the
    service does with it."""
    pattern = lex.liability_disclaimers
    if pattern is None or not caseless.search(pattern, text):
        return False
    # "we do not sell your data and are not liable for ...": a ban beside the denial still stands
    # ("unless the law requires it", "including but not limited to" negate nothing)
    rest = _unexcepted(pattern.sub(" ", text), lex)
    return lex.negators is None or not caseless.search(lex.negators, rest)


def _disclaimer_reworded(of: ClauseFacts, nf: ClauseFacts, old: str, new: str, lex: Lexicon) -> bool:
    """A denial of liability re-written into a sentence that names no policy term: the terms the
    old one named were what it covered, so none was dropped."""
    if not _disclaims_liability(old, lex) or of.durations or nf.durations:
        return False  # the cheap test first: most sentences deny no liability
    if set(nf.categories) & MATERIAL_CATEGORIES:
        # "X disclaims all warranties" said again in other words, naming nothing done with data
        return _disclaims_liability(new, lex) and _names_nothing_done(of) and _names_nothing_done(nf)
    return True


DOUBLET_CATEGORIES = frozenset({"retention"})


def _synonyms_swapped(
    old: str, new: str, pairs: list[tuple[str, str]], cats: set[str], of: ClauseFacts, nf: ClauseFacts,
    lex: Lexicon,
) -> bool:
    """With the words of the categories whose count moved blanked out (and list joiners dropped),
    the two texts are the same: "we store and retain it" -> "we keep it", "speichern" ->
    "speichern und aufbewahren". Legal doublets say one thing twice; with no fact changed, a word
    of the same topic said once more or once less states nothing new. Each category must still
    be named on both sides. Only for the verbs of keeping data: a word of sharing or collection
    said once more may be a new recipient or a new kind of data ("and debt collection agencies")."""
    if not cats <= DOUBLET_CATEGORIES:
        return False
    if any(not (of.category_hits.get(c) and nf.category_hits.get(c)) for c in cats):
        return False
    if lex.deletion is not None and any(lex.deletion.search(f"{o} {n}") for o, n in pairs):
        return False  # "delete or anonymise" -> "anonymise": a way the data ends, not a synonym
    patterns = [p for c in sorted(cats) if (p := lex.categories.get(c)) is not None]
    if not patterns:
        return False

    def rest(text: str) -> list[str]:
        for pattern in patterns:
            text = pattern.sub(" ", text)
        return [w for w in (w.lower() for w in _WORD.findall(text)) if w not in lex.conjunctions]

    return rest(old) == rest(new)


def _same_recipients_reworded(
    of: ClauseFacts, nf: ClauseFacts, pairs: list[tuple[str, str]], lex: Lexicon, old: str, new: str
) -> bool:
    """Both sides name the same parties data goes to, no fact changed, and only a verb of
    sharing came or went ("uses third-party services to store them" -> "hands them to third-party
    services"): every other word of sharing the edit touched stands as often on the other side
    (moved, not added: "…, data brokers, …" said once more names a party anew)."""
    if of.recipients != nf.recipients or not (of.states_flow and nf.states_flow):
        return False
    if not (of.category_hits.get("sharing") and nf.category_hits.get("sharing")):
        return False  # "we use cookies" -> "we share cookies with partners": a party named anew
    pattern, verbs = lex.categories.get("sharing"), lex.actions.any
    if pattern is None or verbs is None:
        return False
    trades = [p for action in ("sell", "rent") if (p := lex.actions.get(action)) is not None]
    if any(caseless.search(p, fragment) for p in trades for pair in pairs for fragment in pair):
        return False  # "hand over to the buyer" -> "sell to the buyer": a sale is no re-wording
    for side, text, other in ((0, old, new), (1, new, old)):
        said = {m.group(0).lower() for m in verbs.finditer(text)}
        for fragment in (pair[side] for pair in pairs):
            for m in pattern.finditer(fragment):
                word = m.group(0).lower()
                if word not in said and text.lower().count(word) > other.lower().count(word):
                    return False
    return True


def _transfer_verb_for_sharing(of: ClauseFacts, nf: ClauseFacts) -> bool:
    """A verb of transfer and one of sharing swapped for the same named parties, with no place on
    either side ("we pass it to our payment provider" -> "we transmit it to our payment
    provider"): data handed to a party, said two ways. A place named makes it a transfer abroad."""
    if of.places or nf.places or not of.recipients or of.recipients != nf.recipients:
        return False
    if not (of.states_flow and nf.states_flow) or of.conditions != nf.conditions:
        return False
    shared, moved = (nf.category_hits.get(c, 0) - of.category_hits.get(c, 0) for c in ("sharing", "transfer"))
    if not moved or shared not in (0, -moved):
        return False  # no verb of transfer came or went, or a party was named once more
    actions = {p.action for p in of.polarity} ^ {p.action for p in nf.polarity}
    if not actions <= {"share", "transfer"}:
        return False
    return {p.state for p in of.polarity} == {p.state for p in nf.polarity} and bool(of.polarity)


def _purpose_marker_only(old: str, new: str, of: ClauseFacts, nf: ClauseFacts, lex: Lexicon) -> bool:
    """Only the words that say "for" changed ("for your identification" -> "for identification
    purposes", "pour" -> "à des fins de"): the same purposes, said with or without the word
    "purpose". The content words left once the purpose words are blanked out are the same."""
    pattern = lex.categories.get("purpose")
    if pattern is None or of.purposes != nf.purposes:
        return False

    def rest(text: str) -> Counter[str]:
        words = _content_words(pattern.sub(" ", text), lex)
        return Counter({w: n for w, n in words.items() if len(w) > 1 or not w.isascii()})  # "d'", "l'"

    return rest(old) == rest(new)


SWAP_MAX_EDITED_WORDS = 24  # a re-written paragraph's verbs are no swap of one for another


def _deletion_swapped(pairs: list[tuple[str, str]], lex: Lexicon) -> list[_Finding]:
    """A word of deleting replaced by one of keeping ("we regularly delete these locations" ->
    "we keep these locations"), or the reverse: both are retention words, so no count of the
    topic's words moves, yet what happens to the data turned around. Read in the words the edit
    changed, wherever the new verb now stands."""
    keeping = lex.categories.get("retention")
    if lex.deletion is None or keeping is None:
        return []
    if sum(len(o.split()) + len(n.split()) for o, n in pairs) > SWAP_MAX_EDITED_WORDS:
        return []
    sides = (" ".join(o for o, _ in pairs), " ".join(n for _, n in pairs))
    deletes = [caseless.count(lex.deletion, text) for text in sides]
    # the retention words that are no word of deleting ("keep", "store")
    keeps = [sum(1 for m in keeping.finditer(text) if not lex.deletion.search(m.group(0))) for text in sides]
    if deletes[1] < deletes[0] and keeps[1] > keeps[0]:
        return [_Finding(Fact("retention", "deleted", "kept", "kept", "deletion"), "high")]
    if deletes[1] > deletes[0] and keeps[1] < keeps[0]:
        return [_Finding(Fact("retention", "kept", "deleted", "deleted", "deletion"), "medium")]
    return []


SECTION_PERIOD_TOPICS = ("retention", "changes", "rights", "tracking")  # a cookie table row: its lifetime


def _section_periods(of: ClauseFacts, nf: ClauseFacts, clause: Clause) -> list[_Finding]:
    """A period in a sentence that names no term of its own ("we will comply within a maximum
    of 180 days") under a heading that does ("Deletion on expiry", "Amendments"): the heading
    tells what the period is for."""
    durations = (*of.durations, *nf.durations)
    if of.categories or nf.categories or not durations or any(d.category != "contact" for d in durations):
        return []
    topic = next((c for c in _section_categories(clause) if c in SECTION_PERIOD_TOPICS), None)
    return _diff_durations(of, nf, topic) if topic else []


def _details_listed(
    of: ClauseFacts, nf: ClauseFacts, old: str, new: str, clause_cats: Collection[str], lex: Lexicon
) -> list[_Finding]:
    """A sentence that names data and lists personal details with no verb of its own ("these
    details are the buyer's name, e-mail address and national ID number", the verb of collecting
    in the sentence before) lists what is collected: a kind of data added or dropped is a term."""
    if "contact" not in clause_cats or of.data_types == nf.data_types or of.language != nf.language:
        return []
    nouns = lex.data_nouns
    if nouns is None or not (caseless.search(nouns, old) and caseless.search(nouns, new)):
        return []
    return _diff_set("collection", "data_type", of.data_types, nf.data_types, "high", "medium")


def _names_data(text: str, lex: Lexicon) -> set[str]:
    """{"collection"} when a sentence with no keyword of its own has the service ("we") speak of
    data ("if we ask you for personal information, you can always refuse"): a negation that comes
    or goes in it is about what is collected. A sentence about another party's doings ("Acme may
    reclaim a number if no messages were sent") is not."""
    if lex.data_nouns is None or not caseless.search(lex.data_nouns, text):
        return set()
    return {"collection"} if lex.subject_pronouns & {w.lower() for w in _WORD.findall(text)} else set()


def _lists_data_kind(listed: tuple[Sequence[str], Sequence[str]], language: str) -> bool:
    """An item added to or dropped from an enumeration names a kind of data ("location data"):
    a sentence that says data is processed and lists what, lists the data it processes."""
    return any(extract_facts(item, language).data_types for item in (*listed[0], *listed[1]))


def _names_purpose(item: str, language: str) -> bool:
    """The words name a use of data ("marketing", "商业信息"), in the item's language."""
    lex = pick_lexicon(item, language)
    return any(caseless.search(p, item) for p in lex.purposes.values())


def _items_name_purposes(listed: tuple[Sequence[str], Sequence[str]], lex: Lexicon) -> bool:
    """Every item added or dropped names a use ("marketing e-mails", "promotional messages"):
    the items say what the data is used for, not what is collected, whatever noun they end in."""
    items = (*listed[0], *listed[1])
    return bool(items) and all(_names_purpose(i, lex.language) for i in items)


def _opt_out_dropped(findings: list[_Finding]) -> bool:
    """A right to refuse (opt out, object, withdraw consent) no longer stated."""
    return any(f.fact.kind == "right" and f.fact.old in OPT_OUTS and not f.fact.new for f in findings)


TERM_KINDS = frozenset({"duration", "age", "polarity"})


def findings_state_terms(findings: list[_Finding]) -> bool:
    """Whether the findings hold a period, an age or a promise, which even a heading states
    ("Retention: 30 days", "We never sell your data"); places, parties and rights only name a topic."""
    return any(f.fact.kind in TERM_KINDS for f in findings)


def _right_said_as_ability(of: ClauseFacts, nf: ClauseFacts, material_cats: set[str]) -> bool:
    """A clause about rights whose word for a right came or went ("you have the right to object"
    / "you can object") while the same rights are named and no other fact changed: a "can" or
    "may" that took its place offers the same right. A modal added beside it ("but we may charge
    a fee") does not."""
    moved = of.category_hits.get("rights", 0) != nf.category_hits.get("rights", 0)
    same_rights = bool(of.rights_named) and of.rights_named == nf.rights_named
    return "rights" in material_cats and moved and same_rights


SENDING_ACTIONS = frozenset({"sell", "share", "disclose", "rent"})


def _sends(f: ClauseFacts) -> bool:
    """The clause says data is sold, shared, disclosed or rented (not only collected or used)."""
    return any(p.action in SENDING_ACTIONS for p in f.polarity)


def _names_only(item: str, rights: frozenset[str], lex: Lexicon) -> bool:
    """The item names rights, and only rights the clause names on both sides: said again in
    other words, not added to or dropped from the list."""
    named = frozenset(k for k, p in lex.rights.items() if p.search(item))
    return bool(named) and named <= rights


def _restates_actions(item: str, lex: Lexicon) -> bool:
    """An "item" made only of the clause's own verbs, negators, modals and short function words
    ("is never sold or rented"): the actions said again in another voice, not a new list entry."""
    rest = item
    for pattern in (lex.negators, lex.modals, lex.stopwords, *lex.actions.values()):
        if pattern is not None:
            rest = pattern.sub(" ", rest)
    return all(len(word) <= 3 for word in _WORD.findall(rest))


def _same_actions(of: ClauseFacts, nf: ClauseFacts, lex: Lexicon, old: str, new: str) -> bool:
    """Both sides negate the same actions alike, or permit them on the same condition:
    "neither sell nor rent" and "do not sell or rent" differ only in how they negate."""
    actions = {p.action for p in of.polarity}
    if not actions or actions != {p.action for p in nf.polarity}:
        return False
    if of.conditions == nf.conditions and of.conditions & {"limit", "consent"}:
        return True  # "won't ... unless you agree" / "only with your consent"
    return all(
        of.polarity_states(a) == nf.polarity_states(a) and "negated" in of.polarity_states(a) for a in actions
    ) and not _negated_other_term(of, lex, old, new)


def _negated_other_term(of: ClauseFacts, lex: Lexicon, old: str, new: str) -> bool:
    """A negator the new side dropped stood before a term of another category than the clause's
    negated actions: "we do not use cookies and collect no data" -> "we use cookies and collect no
    data" keeps its ban on collecting, not the one on cookies."""
    if lex.negators is None or _count_change(lex.negators, _unexcepted(old, lex), _unexcepted(new, lex)) >= 0:
        return False
    acted = {ACTION_CATEGORY.get(p.action) for p in of.polarity}
    a, b = _WORD.findall(old), _WORD.findall(new)
    for tag, i1, i2, _j1, _j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag not in ("delete", "replace") or not any(lex.negators.fullmatch(w) for w in a[i1:i2]):
            continue
        if _only_list_negators(a[i1:i2], lex):
            continue  # "neither to A nor to B": it negates the verb's list, no term of its own
        after = " ".join(a[i2 : i2 + _NEGATED_SPAN])
        # a kind of data after the verb is what the negated action is done to ("nor rent your
        # contact list"), not a term of its own
        if set(extract_facts(after, of.language).categories) & MATERIAL_CATEGORIES - acted - {"collection"}:
            return True
    return False


_NEGATED_SPAN = 4  # words after a negator that it rules out


def _conditioned(of: ClauseFacts, nf: ClauseFacts) -> bool:
    """A side permits on a limit or consent: the negation may have moved into the condition
    ("never without your consent" -> "only with your consent")."""
    return bool((of.conditions | nf.conditions) & {"limit", "consent"})


NEGATOR_REACH = 3  # words either side of a negator that came or went: the verb it negates


def _naming_places(listed: tuple[Sequence[str], Sequence[str]], language: str) -> tuple[tuple[str, ...], ...]:
    """The items that name a place of their own, when both sides name the same places: "servers
    in Frankfurt, Germany" -> "servers in Germany" drops a city, not a destination."""
    return tuple(tuple(i for i in items if extract_facts(i, language).places) for items in listed)


def _only_list_negators(words: Sequence[str], lex: Lexicon) -> bool:
    """Every negator among the words is one that repeats a negation before a list's items."""
    negators = [w for w in words if lex.negators is not None and lex.negators.fullmatch(w)]
    return bool(negators) and all(is_list_negator(w, lex) for w in negators)


def _negator_off_actions(old: str, new: str, lex: Lexicon) -> bool:
    """A negator came or went beside words that name none of the actions both sides negate alike:
    "we do not use cookies and do not collect data" -> "we use cookies and do not collect data"
    still negates collecting, but no longer rules out the cookies."""
    if lex.negators is None or lex.actions.any is None:
        return False
    a, b = _WORD.findall(old), _WORD.findall(new)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        for words, start, end in ((a, i1, i2), (b, j1, j2)):
            if tag == "equal" or start == end:
                continue
            if not caseless.search(lex.negators, " ".join(words[start:end])):
                continue
            if _only_list_negators(words[start:end], lex):
                continue  # "ni avec A ni avec B" for "pas avec A ou B": one negation over a list
            first, last = max(0, start - NEGATOR_REACH), min(len(words), end + NEGATOR_REACH)
            if not caseless.search(lex.actions.any, " ".join(words[first:last])) and not _action_within(
                words, first, last, lex
            ):
                return True
    return False


def _action_within(words: Sequence[str], first: int, last: int, lex: Lexicon) -> bool:
    """An action of the whole sentence overlaps words[first:last]: a verb known by what follows
    it ("pass your details to ...") is not found in the few words around a negator alone."""
    lo = sum(len(w) + 1 for w in words[:first])
    hi = lo + len(" ".join(words[first:last]))
    return any(m.start() < hi and m.end() > lo for m in lex.actions.any.finditer(" ".join(words)))


def _condition_reworded(of: ClauseFacts, nf: ClauseFacts, lex: Lexicon, old: str, new: str) -> bool:
    """No verb the lexicon knows ("we never pass it on without your consent"), but the same limit
    or consent condition on both sides in new words ("only with your consent"): the negation moved
    into the condition. The same limit word on both sides ("only") says nothing of the negation."""
    limit = lex.conditions.get("limit")
    if limit is None or of.polarity or nf.polarity or of.conditions != nf.conditions:
        return False
    if not of.conditions & {"limit", "consent"}:
        return False

    def said(text: str) -> list[str]:
        return sorted(" ".join(m.group(0).lower().split()) for m in limit.finditer(text))

    return said(old) != said(new)


CONDITION_CATEGORY = {  # a condition of these kinds is a term of its own category
    "safeguard": "transfer",
    "parental": "children",
    "supervision": "children",
    "minimum": "collection",
}


def _diff_conditions(
    of: ClauseFacts,
    nf: ClauseFacts,
    material_cats: set[str],
    lex: Lexicon,
    old: str,
    new: str,
    section: tuple[str, ...] = (),
) -> list[_Finding]:
    """A qualifier dropped from (or added to) a sentence about a policy term: "only if you allow
    it", "unless you consent", "only to countries with an adequacy decision". Dropping one widens
    what may be done (high); adding one narrows it (medium). Of two limits one may go while the
    other stays ("we only share records from 2025 on, unless you object" -> "... from 2025 on"):
    a limit said before and no longer said, with none new in its place, is dropped too."""
    kinds = of.conditions ^ nf.conditions
    if "safeguard" in kinds and _breach_safeguard(of, nf, lex, old, new):
        kinds = kinds - {"safeguard"}
    gone = _limit_gone(lex, old, new) if "limit" in of.conditions & nf.conditions else None
    if gone:
        kinds = kinds | {"limit"}
    if not kinds:
        return []
    if not material_cats:
        if not (of.states_flow or nf.states_flow or kinds & {"consent", "minimum"}):
            return []
        # "we may process your details where you have consented": a condition on what is done
        # with the data, though no word names a purpose; and in a policy a consent requirement is
        # about data whatever words name it ("we use voice recordings ... only if you opt in").
        # Under "Cookies", "this is stored only if you allow it" is a condition on the cookies.
        material_cats = set(section) & MATERIAL_CATEGORIES or {"purpose"}
    out = []
    # "we use your e-mail for the newsletter only if you agree": the condition is on the use
    acted = {ACTION_CATEGORY.get(p.action) for p in (*of.polarity, *nf.polarity)} & material_cats
    ban = _ban_on_both_sides(of, nf)
    for kind in sorted(kinds):
        dropped = kind in of.conditions
        own = CONDITION_CATEGORY.get(kind)
        if own is None and "transfer" in material_cats and (of.places or nf.places):
            own = "transfer"  # "we send it abroad only with your consent": a condition on the transfer
        # the limit qualified what its own sentence was about ("we keep them only while ..." -> "we
        # keep them 5 years after collecting them": a limit on keeping, not on collecting)
        facts = of if dropped else nf
        side = set(facts.categories)
        # and on what that sentence's own verbs do ("除…外，不会收集": an exception to not collecting)
        own_acts = {ACTION_CATEGORY.get(p.action) for p in facts.polarity} & material_cats
        pool = own_acts or _right_limited(facts, material_cats) or (acted & side) or (material_cats & side)
        cat = own or _ordered(pool or acted or material_cats)[0]
        pattern = lex.conditions.get(kind)
        m = pattern.search(old if dropped else new) if pattern is not None else None
        if kind == "consent":
            words = CONSENT_WORDS  # the fact is the consent itself, however the policy words it
        elif kind == "limit" and gone:
            words = f'"{gone}"'
        else:
            words = f'"{" ".join(m.group(0).split())}"' if m else kind
        if ban and kind == "limit" and kinds & {"consent", "parental"}:
            continue  # "sin el consentimiento": the limit's words are the consent exception's own
        if ban and kind in BAN_EXCEPTIONS:
            # "we do not share it without your consent" -> "we do not share it": the exception
            # went and the ban stands whole (narrower, medium); an exception added to a ban lets
            # the thing happen where it could not before (wider, high)
            if kind == "limit" and m is not None:
                words = f'"{_exception_phrase(old if dropped else new, m.start())}"'
            words = CONSENT_WORDS if kind == "consent" else PARENTAL_WORDS if kind == "parental" else words
            fact = Fact(cat, words if dropped else None, None if dropped else words,
                        "removed" if dropped else "added", "ban_exception")
            out.append(_Finding(fact, "medium" if dropped else "high"))
            continue
        fact = Fact(
            cat,
            words if dropped else None,
            None if dropped else words,
            "removed" if dropped else "added",
            {"safeguard": "safeguard", "parental": "parental_consent", "minimum": "minimisation"}.get(
                kind, "condition"
            ),
        )
        out.append(_Finding(fact, "high" if dropped else "medium"))
    return out


def _without_items_now_banned(findings: list[_Finding], nf: ClauseFacts) -> list[_Finding]:
    """Without the recipients (purposes, data types) the old text named in a ban's exception and
    the new text rules out: "we do not give it to third parties, save where the law requires it"
    -> "... to third parties" still names third parties, now under a ban without exception (the
    exception dropped says so, of what those items are about), not a recipient no longer named."""
    if not any(f.fact.kind == "ban_exception" and f.fact.direction == "removed" for f in findings):
        return findings
    banned = [
        f
        for f in findings
        if f.fact.kind in ("recipient", "purpose", "data_type")
        and f.fact.new is None
        and (f.fact.kind, f.fact.old) in nf.ruled_out
    ]
    if not banned:
        return findings
    # the exception covered whom the data went to: the ban is on sharing, whatever the sentence's
    # other verbs (a parent's consent keeps its own topic, children)
    to = {f.fact.category for f in banned if f.fact.kind == "recipient"}
    out = []
    for f in findings:
        if f in banned:
            continue
        if to and f.fact.kind == "ban_exception" and f.fact.category not in to | {"children"}:
            f = replace(f, fact=replace(f.fact, category=_ordered(to)[0]))
        out.append(f)
    return out


def _right_limited(facts: ClauseFacts, material_cats: set[str]) -> set[str]:
    """{"rights"} when the qualifier's sentence is about a right the user exercises and no verb
    of ours: "consent can be withdrawn only in writing, by a message to us or to the courier"
    limits the right, though the courier is named as where the message may go."""
    if facts.rights and not facts.polarity and "rights" in material_cats:
        return {"rights"}
    return set()


_PHRASE_END = compile_cached(r"[,.;:!?()。；，]")
EXCEPTION_WORDS = 8


def _exception_phrase(text: str, start: int) -> str:
    """The exception's own words, from its opening word to the next punctuation, at most
    EXCEPTION_WORDS of them: "unless required by law"."""
    end = _PHRASE_END.search(text, start + 1)
    words = text[start : end.start() if end else len(text)].split()
    return " ".join(words[:EXCEPTION_WORDS])


def _modal_swapped(pairs: list[tuple[str, str]], lex: Lexicon) -> bool:
    """Every changed stretch is one word at most on each side, one of them a modal: "will
    delete" -> "may delete", "notify" -> "may notify". Then the statement itself became (or
    stopped being) a mere possibility; a modal inside added words ("but we may charge a fee")
    is a new statement, not a hedge."""
    if lex.modals is None:
        return False
    return all(
        len(o.split()) <= 1 and len(n.split()) <= 1 and bool(lex.modals.search(o) or lex.modals.search(n))
        for o, n in pairs
    )


# The conditions that, on a ban, are its exceptions ("we never sell it unless you opt in").
BAN_EXCEPTIONS = frozenset({"consent", "parental", "limit"})


def _ban_on_both_sides(of: ClauseFacts, nf: ClauseFacts) -> bool:
    """Both sides only rule something out: every verb they state is negated, the same verbs."""
    old, new = of.polarity, nf.polarity
    if not old or not new or any(p.state != "negated" for p in (*old, *new)):
        return False
    return {p.action for p in old} == {p.action for p in new}


def _breach_safeguard(of: ClauseFacts, nf: ClauseFacts, lex: Lexicon, old: str, new: str) -> bool:
    """ "We will tell you of a breach so that you can take appropriate safeguards": the user's own
    precautions after a breach, not the safeguards of a transfer abroad (no place is named)."""
    if of.places or nf.places or lex.breach is None:
        return False
    return bool(caseless.search(lex.breach, old) or caseless.search(lex.breach, new))


def _limit_gone(lex: Lexicon, old: str, new: str) -> str | None:
    """A limiting phrase ("unless") the old text says and the new one no longer does, when the
    new one says no limiting phrase the old one did not."""
    limit = lex.conditions.get("limit")
    if limit is None:
        return None

    def said(text: str) -> set[str]:
        return {" ".join(m.group(0).lower().split()) for m in limit.finditer(text)}

    before, after = said(old), said(new)
    if after - before or not before - after:
        return None
    return sorted(before - after)[0]


# A lead-in label that opens a paragraph: a few words, then "." or ":" ("With your consent. We may
# share ...", "Avec votre consentement : nous partagerons ...").
_LEAD_LABEL = compile_cached(r"\A\s*([^.:;!?\n]{1,48}?)\s*[.:]\s+(?=\S)")
LABEL_MAX_WORDS = 5


def _sentence_facts(
    of: ClauseFacts, nf: ClauseFacts, old: Clause, new: Clause, lex: Lexicon
) -> tuple[ClauseFacts, ClauseFacts]:
    """The facts whose conditions are compared. When both versions open with the same lead-in
    label that names a condition ("With your consent. We may share ... with your consent"), the
    label titles the paragraph and states nothing: a condition dropped from the sentence after
    it is dropped, though the label still names it. Otherwise the clauses' own facts."""
    m = _LEAD_LABEL.match(old.text)
    if m is None or not new.text.startswith(m.group(0)) or len(m.group(1).split()) > LABEL_MAX_WORDS:
        return of, nf
    if not any(caseless.search(p, m.group(1)) for p in lex.conditions.values()):
        return of, nf
    cut = m.end()
    return extract_facts(old.text[cut:], old.language), extract_facts(new.text[cut:], new.language)


def _unless_place_respelt(
    findings: list[_Finding], pairs: list[tuple[str, str]], lex: Lexicon, old: str, new: str
) -> list[_Finding]:
    """The findings without the places no changed word names: "nous ne transéfrons pas vos
    données hors de l'UE" with its verb put right names the EU as it did; only the verb was
    misspelt. A place whose own name was edited ("Austria" -> "Australia") stays."""
    changed = " ".join(o + " " + n for o, n in pairs)
    if _count_changed(lex.outside_places, old, new):
        return findings  # "境内" -> "境外", "dans" -> "hors de": where data is kept moved out or in
    return [
        f
        for f in findings
        if f.fact.kind != "country"
        or any(
            (p := lex.places.get(key)) is not None and caseless.search(p, changed)
            for key in (f.fact.old, f.fact.new)
            if key
        )
    ]


def _one_sided(findings: list[_Finding]) -> bool:
    """True when no fact was replaced by another of its kind (nothing changed, only went missing)."""
    kinds: dict[str, set[str]] = {}
    for f in findings:
        if f.fact.kind == "polarity" and not (f.fact.old and f.fact.new):
            continue  # a misspelt verb: the statement vanished, nothing else was said
        if f.fact.kind in ("duration", "age", "polarity", "country"):
            return False  # "Austria" -> "Australia" is spelt alike: a place is never a typo
        direction = f.fact.direction
        if f.fact.kind in ("recipient", "data_type", "purpose") and direction in ("affirmed", "negated"):
            # a ruled-out item ("we never collect health data") gone with nothing in its place
            direction = "removed" if f.fact.old and not f.fact.new else "added"
        kinds.setdefault(f.fact.kind, set()).add(direction)
    return all(len(d) == 1 and d <= {"added", "removed"} for d in kinds.values())


@lru_cache(maxsize=4096)  # the negation and modal counts of one comparison ask for it again
def _negation_change(old: str, new: str, lex: Lexicon) -> int:
    """How many more negators the new text has than the old (_unexcepted), where a negator that
    carries an earlier one on adds none when both sides have a negator of their own: "we neither
    sell nor rent it" negates once, as "we do not sell or rent it"; "we do not record calls, nor
    keep chats" -> "we record calls, nor keep chats" still loses its "not"."""
    a, b = _unexcepted(old, lex), _unexcepted(new, lex)
    continuers = lex.negation_continuers
    if continuers is not None and _negates_first(a, lex) and _negates_first(b, lex):
        a, b = continuers.sub(" ", a), continuers.sub(" ", b)
    return _count_change(lex.negators, a, b)


def _negates_first(text: str, lex: Lexicon) -> bool:
    """The text has a negator that carries on no earlier one ("not", "neither")."""
    continuers = lex.negation_continuers
    if lex.negators is None or continuers is None:
        return False
    return any(not continuers.fullmatch(m.group(0)) for m in lex.negators.finditer(text))


def _unexcepted(text: str, lex: Lexicon) -> str:
    """The text without phrases whose negator negates nothing ("no longer necessary", "unless")
    and without what it binds the user not to do (facts.without_user_duties)."""
    text = without_user_duties(text, lex)
    exceptions = lex.negator_exceptions
    return exceptions.sub(" ", text) if exceptions is not None and caseless.search(exceptions, text) else text


_RIGHT_WINDOW = 80  # characters after a negator in which the right it negates is named
_NEGATION_EDIT_WORDS = 3  # "have the right" -> "do not have the right", "das Recht" -> "kein Recht"


def _edited_words(old: str, new: str) -> int:
    """How many words the edit took out and put in."""
    return sum(len(o.split()) + len(n.split()) for o, n in _changed_words(old, new))


def _right_negated(of: ClauseFacts, nf: ClauseFacts, old: str, new: str, lex: Lexicon) -> list[_Finding]:
    """A right both sides name, with a negator put in front of it or taken away ("you have the
    right to object" -> "you do not have the right to object"): the right is withdrawn (or now
    granted). Only when the negator that came or went stands just before the right's words."""
    stated = of.rights | nf.rights  # "kein Recht": a sentence denying a right may not count as about rights
    if not stated or of.rights_named != nf.rights_named or lex.negators is None:
        return []
    was, now = _unexcepted(old, lex), _unexcepted(new, lex)
    change = _count_change(lex.negators, was, now)
    if not change or _edited_words(old, new) > _NEGATION_EDIT_WORDS:
        return []  # a sentence re-written around the right says more than a negator put in
    text = now if change > 0 else was
    for right in sorted(stated):
        pattern = lex.rights.get(right)
        if pattern is None:
            continue
        near = (text[m.start() : m.end() + _RIGHT_WINDOW] for m in lex.negators.finditer(text))
        if any(pattern.search(window) for window in near):
            withdrawn = change > 0
            fact = Fact(
                RIGHT_CATEGORY.get(right, "rights"),
                right if withdrawn else None,
                None if withdrawn else right,
                "removed" if withdrawn else "added",
                "right",
            )
            return [_Finding(fact, "high" if withdrawn else "medium")]
    return []


def _modality_change(old: str, new: str, lex: Lexicon) -> int:
    """How many more modals the new text has. A "you can" that came ("use of the site is possible
    without cookies" -> "you can use the site without cookies") offers the user an option and is
    not counted; one that went ("you may opt out") takes a choice away and still counts."""
    came = _count_change(lex.user_modals, old, new)
    if came > 0:
        return _count_change(lex.modals, _without_user_modals(old, lex), _without_user_modals(new, lex))
    return _count_change(lex.modals, old, new)


def _without_user_modals(text: str, lex: Lexicon) -> str:
    """The text without what the user can do ("you can use the site without cookies"): the
    user's option says nothing about what we may do with data, unlike "we can"."""
    pattern = lex.user_modals
    return pattern.sub(" ", text) if pattern is not None and caseless.search(pattern, text) else text


_USER_SPAN_END = compile_cached(r"[,.;:!?()。；，]|$")


def _users_own_use(lex: Lexicon, old: str, new: str) -> bool:
    """The use words differ only where the user is who may act ("Die Nutzung der Website ist ohne
    Cookies möglich" -> "Sie können die Website ohne Cookies nutzen"): set aside each phrase that
    opens with what the user can do, the two sides name use as often."""
    pattern = lex.categories.get("purpose")
    if pattern is None or lex.user_modals is None:
        return False
    return caseless.count(pattern, _without_user_phrases(old, lex)) == caseless.count(
        pattern, _without_user_phrases(new, lex)
    )


def _without_user_phrases(text: str, lex: Lexicon) -> str:
    """The text without each phrase (up to its punctuation) that a user modal opens."""
    if lex.user_modals is None or not caseless.search(lex.user_modals, text):
        return text
    out, at = [], 0
    for m in lex.user_modals.finditer(text):
        if m.start() < at:
            continue
        end = _USER_SPAN_END.search(text, m.end())
        out.append(text[at : m.start()])
        at = end.start() if end else len(text)
    return "".join(out) + text[at:]


def _count_change(pattern: re.Pattern[str] | None, old: str, new: str) -> int:
    """How many more matches the new text has than the old (negative: fewer)."""
    return 0 if pattern is None else caseless.count(pattern, new) - caseless.count(pattern, old)


def _count_changed(pattern: re.Pattern[str] | None, old: str, new: str) -> bool:
    return _count_change(pattern, old, new) != 0


_SENTENCE_SPLIT = compile_cached(r"(?<=[.;!?])\s+|\s*\|\s*|<br\s*/?>|[。！？；\n]")


def _item_categories(item: str, text: str, language: str) -> tuple[set[str], str]:
    """The categories of the sentence (or table cell) an enumerated item stands in, and the
    item's part in it: "promise" when the sentence promises not to do something with the item
    ("we do not use A, B or C for ads"), "exception" when the item is one of that promise's
    exceptions ("we share it with no one except A, B or C"), else "" (a plain list)."""
    words = item.lower().split()
    for sentence in _SENTENCE_SPLIT.split(text):
        low = sentence.lower()
        if words and all(w in low for w in words):
            facts = extract_facts(sentence, language)
            if not any(p.state == "negated" for p in facts.polarity):
                return set(facts.categories), ""
            return set(facts.categories), "exception" if _excepted(item, sentence, language) else "promise"
    return set(), ""


def _excepted(item: str, sentence: str, language: str) -> bool:
    """True when the item stands after a word that opens exceptions ("except", "other than")."""
    pattern = pick_lexicon(sentence, language).list_exceptions
    at = sentence.lower().find(item.lower())
    return pattern is not None and at > 0 and pattern.search(sentence, 0, at) is not None


@lru_cache(maxsize=4096)  # the typo check and the list check both ask, for each modified clause
def _list_items(old: str, new: str, lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Items inserted into or dropped from an enumeration ("name, e-mail and location"): a short
    pure insertion or deletion that carries a list separator and words the other side lacks.
    Web and e-mail addresses are no items: the "/" and "." in "example.com/legal/privacy" are
    not list separators, so they are taken out first (link labels stay)."""
    old, new = without_addresses(old), without_addresses(new)
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    opcodes = token_opcodes(a, b)
    added: list[str] = []
    dropped: list[str] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "insert":
            item = _slid_item(b, j1, j2, old, lex)
            if item and not _opens_clause(b, j2, lex):
                added.append(item)
        elif tag == "delete":
            item = _slid_item(a, i1, i2, new, lex)
            if item and not _opens_clause(a, i2, lex):
                dropped.append(item)
    if not added and not dropped:
        return _appended_item(a, b, opcodes, lex)
    gone = {t.lower() for tag, i1, i2, _, _ in opcodes if tag != "equal" for t in a[i1:i2]}
    came = {t.lower() for tag, _, _, j1, j2 in opcodes if tag != "equal" for t in b[j1:j2]}
    return (
        tuple(i for i in added if not _moved(i, gone, lex) and not _inside_place_name(i, new, lex)),
        tuple(i for i in dropped if not _moved(i, came, lex) and not _inside_place_name(i, old, lex)),
    )


def _inside_place_name(item: str, text: str, lex: Lexicon) -> bool:
    """The item is a piece of a place's name on its side ("华人民共" of "中华人民共和国" shortened
    to "中国", where "和" reads as "and"): a country re-named, no list item. Only for scripts
    written without spaces, where a name's inner characters can split off as a run."""
    if not lex.cjk or not _HAN_RE.search(item):
        return False
    item = "".join(_WORD.findall(item))
    return any(
        item in m.group(0) and item != m.group(0)
        for pattern in lex.places.values()
        for m in pattern.finditer(text)
    )


def _moved(item: str, elsewhere: set[str], lex: Lexicon) -> bool:
    """The item's words left the sentence at one place and came back at another ("asked for and
    received consent" -> "asked for consent and received it"): a word moved, no item added or
    dropped. Short words (a pronoun the new order needs, "it") do not count; an item of short
    words only ("IP") is never taken for a moved one."""
    words = [w for w in (w.lower() for w in _WORD.findall(item)) if w not in lex.conjunctions]
    content = [w for w in words if len(w) > 2 or _HAN_RE.match(w)]
    return bool(content) and all(w in elsewhere for w in content)


def _opens_clause(tokens: list[str], end: int, lex: Lexicon) -> bool:
    """The words before tokens[end] are the verb of a main clause, not a list item: in a
    verb-second language a subject pronoun follows the verb ("…, nutzen wir TLS", "…, gebruiken
    wij TLS")."""
    return end < len(tokens) and tokens[end].lower() in lex.subject_pronouns


def _slid_item(tokens: list[str], i: int, j: int, other: str, lex: Lexicon) -> str | None:
    """The item inserted or deleted at tokens[i:j]. A diff may place the stretch a few tokens off
    when a word repeats ("companies and those of other | companies" for "companies | and those of
    other companies"): each equal placement is tried until one reads as an item."""
    serial = j < len(tokens) and tokens[j].lower() in lex.conjunctions
    if serial and j - i > 2 and tokens[j - 1] in _SEPARATORS:
        j -= 1  # ", B," before "and C": a serial comma closes the item, it makes no aside
    item = _list_item(tokens[i:j], other, lex)
    k = 0  # slide right: the stretch's first token repeats just after it
    while item is None and i + k < j and j + k < len(tokens) and tokens[i + k] == tokens[j + k]:
        k += 1
        item = _list_item(tokens[i + k : j + k], other, lex)
    k = 0  # slide left: the token before it repeats as its last
    while item is None and i - k > 0 and tokens[i - k - 1] == tokens[j - k - 1]:
        k += 1
        item = _list_item(tokens[i - k : j - k], other, lex)
    return item


def _appended_item(
    a: list[str], b: list[str], opcodes: list[Opcode], lex: Lexicon
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An item put at (or taken from) the end of a list: "A, B and C" -> "A, B, C and D" aligns as
    ", C" inserted and "C" replaced by "D", so no opcode alone is the item. Over the stretch that
    differs, one side holds every token of the other plus the item."""
    changed = [op for op in opcodes if op[0] != "equal"]
    if not changed:
        return (), ()
    i1, i2, j1, j2 = changed[0][1], changed[-1][2], changed[0][3], changed[-1][4]
    if max(i2 - i1, j2 - j1) > 16:  # a re-worded stretch, not one item
        return (), ()
    old_part, new_part = Counter(a[i1:i2]), Counter(b[j1:j2])
    plural = _plural_verb(old_part - new_part, new_part - old_part, lex)
    if plural:  # "your e-mail is shared" -> "your e-mail and phone are shared": the verb agrees
        item = _left_over_item(b[j1:j2], old_part + Counter({plural: 1}), " ".join(a), lex)
        return ((item,), ()) if item else ((), ())
    plural = _plural_verb(new_part - old_part, old_part - new_part, lex)
    if plural:
        item = _left_over_item(a[i1:i2], new_part + Counter({plural: 1}), " ".join(b), lex)
        return ((), (item,)) if item else ((), ())
    if _agreement_only(old_part - new_part, new_part - old_part, lex):
        item = _left_over_item(b[j1:j2], old_part, " ".join(a), lex)
        return ((item,), ()) if item else ((), ())
    if _agreement_only(new_part - old_part, old_part - new_part, lex):
        item = _left_over_item(a[i1:i2], new_part, " ".join(b), lex)
        return ((), (item,)) if item else ((), ())
    return (), ()


def _plural_verb(lost: Counter[str], gained: Counter[str], lex: Lexicon) -> str | None:
    """The plural verb (as written) that took the place of the one singular verb lost, or None."""
    if sum(lost.values()) != 1:
        return None
    (singular,) = lost
    plurals = {p for s, p in lex.number_agreement if s == singular.lower()}
    return next((t for t in gained if t.lower() in plurals), None)


def _agreement_only(lost: Counter[str], gained: Counter[str], lex: Lexicon) -> bool:
    """Nothing is lost but a possessive after the noun that agrees with the new last item
    ("e-postadressen din" -> "e-postadressen og telefonnummeret ditt"): the list grew."""
    if not lost:
        return True
    user = lex.possessives.get("user")
    if user is None:
        return False

    def possessive(token: str) -> bool:
        return user.fullmatch(token.lower()) is not None

    return all(possessive(t) for t in lost) and any(possessive(t) for t in gained)


def _left_over_item(tokens: list[str], taken: Counter[str], other: str, lex: Lexicon) -> str | None:
    """The item left when the tokens both sides share are taken out: the shared word may be the
    first or the last of its kind ("companies and those of other companies" -> "companies")."""
    item = _list_item(_left_over(tokens, taken), other, lex)
    if item is None:
        item = _list_item(_left_over(tokens[::-1], taken)[::-1], other, lex)
    return item


def _left_over(tokens: list[str], taken: Counter[str]) -> list[str]:
    """The tokens, in order, less one of each token counted in `taken` (the earliest ones)."""
    left = Counter(taken)
    out = []
    for t in tokens:
        if left[t] > 0:
            left[t] -= 1
        else:
            out.append(t)
    return out


def _list_item(tokens: list[str], other: str, lex: Lexicon) -> str | None:
    conjunctions = lex.conjunctions
    tokens = _joined_phrase(_without_marker(tokens), conjunctions)
    words = [t for t in tokens if _WORD.fullmatch(t) and t.lower() not in conjunctions]
    separated = any(t in _SEPARATORS or t.lower() in conjunctions for t in tokens)
    if any(any(ch.isdigit() for ch in t) for t in tokens):
        return None  # "20 Main Street", "Art. 6": addresses and citations are not list items
    if not separated or not words or len(words) > 5:  # an item is a few words, not a clause
        return None
    if _cut_fragment(tokens, words, lex) or _place_phrase(tokens, lex):
        return None
    if len(tokens) > 2 and tokens[0] in _SEPARATORS and tokens[-1] in _SEPARATORS:
        return None  # ", small text files," is an aside, not a new item
    if _HAN_RE.search("".join(words)):
        item = "".join(words)
        return None if item in other else item  # found elsewhere: a re-ordering
    if all(len(w) == 1 for w in words):
        return None  # "A/S", "c/o": single letters around a slash abbreviate, they list nothing
    other_words = set(_WORD.findall(other.lower()))
    if all(w.lower() in other_words for w in words):
        return None  # the same words stand elsewhere: a re-ordering
    return " ".join(words)


NAME_WORDS = 3  # "Google Analytics", "Adobe Experience Cloud": a product or company name is short


def _names_swapped(pairs: list[tuple[str, str]], old: str, new: str, lex: Lexicon) -> bool:
    """Every change puts one product or company name in place of another ("Google Analytics" ->
    "Matomo"): the words of a name ("Analytics") are no term of the sentence. Only where common
    nouns are written in lower case, so that a capitalised word is a name; the caller has made
    sure no country ("Germany" -> "India") or known recipient changed with it."""
    if lex.nouns_capitalised or lex.cjk:
        return False
    return all(
        was and now and _name_words(was, old, lex) and _name_words(now, new, lex) for was, now in pairs
    )


def _name_words(words: str, text: str, lex: Lexicon) -> bool:
    """A short run of capitalised words, none a function word ("We"), a web domain's ending aside
    ("Convert com" for "Convert.com")."""
    kept = [w for w in words.split() if not (w.islower() and len(w) <= 4 and f".{w}" in text)]
    if not 0 < len(kept) <= NAME_WORDS:
        return False
    if any(w.lower() in lex.subject_pronouns for w in kept):
        return False
    if lex.stopwords is not None and any(lex.stopwords.fullmatch(w) for w in kept):
        return False
    return all(w[0].isupper() and any(c.islower() for c in w[1:]) for w in kept)


def _proper_name(item: str, lex: Lexicon) -> bool:
    """A name ("Kite", "Harbor Rewards"): every word capitalised in a language that writes common
    nouns in lower case, all-capital acronyms aside ("GPS" is a kind of data), and no word the
    lexicon knows as a kind of data, a use or a recipient."""
    if lex.nouns_capitalised or lex.cjk:
        return False
    words = item.split()
    if not all(w[0].isupper() and any(c.islower() for c in w[1:]) for w in words):
        return False
    return not extract_facts(item, lex.language).categories


_OPENING, _CLOSING = "([{", ")]}"
_MARKER = compile_cached(r"[a-z]|[A-Z]|[ivx]{1,4}|[IVX]{1,4}|\d{1,2}")


def _joined_phrase(tokens: list[str], conjunctions: frozenset[str]) -> list[str]:
    """The stretch with a joiner of several words that opens it ("as well as", "ainsi que",
    "así como") made one token, so it joins the item as "and" would and is no word of it."""
    start = next((k for k, t in enumerate(tokens) if t not in _SEPARATORS), len(tokens))
    for phrase in conjunctions:
        words = phrase.split()
        end = start + len(words)
        if len(words) > 1 and [t.lower() for t in tokens[start:end]] == words:
            return [*tokens[:start], phrase, *tokens[end:]]
    return tokens


def _without_marker(tokens: list[str]) -> list[str]:
    """The stretch less the enumeration marker that opens its item (", b) to answer requests"):
    the marker numbers the item and is no word of it."""
    first = next((n for n, t in enumerate(tokens) if _WORD.fullmatch(t)), None)
    if first is None or first + 1 >= len(tokens) or tokens[first + 1] != ")":
        return tokens
    if not _MARKER.fullmatch(tokens[first]):
        return tokens
    start = first - 1 if first and tokens[first - 1] == "(" else first
    return tokens[:start] + tokens[first + 2 :]


def _cut_fragment(tokens: list[str], words: list[str], lex: Lexicon) -> bool:
    """A stretch cut across a sentence rather than an item of a list: it opens or closes a bracket
    it does not close or open ("the Agreement, b) neither" spans an enumeration marker; "us
    (including our" opens an aside), or its last word cannot end a noun phrase (an article, a
    preposition, "who", "other", "below")."""
    if sum(t in _OPENING for t in tokens) != sum(t in _CLOSING for t in tokens):
        return True
    return words[-1].lower() in lex.item_open_ends


def _place_phrase(tokens: list[str], lex: Lexicon) -> bool:
    """A phrase of place put after the sentence's object ("… of this data on desktops and mobile
    devices", "…, on laptops and phones"): its "and" joins places, no item joins the list. It opens
    on a preposition of place (a comma may stand before it) and no joiner stands at either end of
    it: "and on B" or "B and" extend a list, and "on A" -> "on A and on B" names a place anyway."""
    lead = next((t for t in tokens if t not in _SEPARATORS), "")
    if lead.lower() not in lex.place_prepositions:
        return False
    ends = (tokens[0].lower(), tokens[-1].lower())
    return tokens[-1] not in _SEPARATORS and not any(end in lex.conjunctions for end in ends)


def _whole_sides(of: ClauseFacts, nf: ClauseFacts, category: str, old: str, new: str) -> tuple[str, str]:
    """The sides a look-ahead verb may be matched in whole: only where the category is new to the
    sentence or gone from it ("keep" -> "hand … to"); one more verb of a category the sentence
    already states ("speichern" -> "speichern und bewahren … auf") is a doublet."""
    if of.category_hits.get(category, 0) and nf.category_hits.get(category, 0):
        return "", ""
    return old, new


def _fragment_hits(
    lex: Lexicon, category: str, pairs: list[tuple[str, str]], texts: tuple[str, str] = ("", "")
) -> bool:
    """The category's words are among the words the edit changed. A verb whose pattern looks ahead
    to the rest of its sentence ("hand … to", "geben … weiter") cannot match the changed words
    alone: its match in a whole side counts when the match is that one changed word."""
    pattern = lex.categories.get(category)
    if pattern is None:
        return False
    if any(pattern.search(o) or pattern.search(n) for o, n in pairs):
        return True
    changed = [{w.lower() for pair in pairs for w in pair[side].split()} for side in (0, 1)]
    return any(
        match.group(0).lower() in changed[side]
        for side, text in enumerate(texts)
        for match in pattern.finditer(text)
    )


RECIPIENT_CATEGORIES = frozenset({"sharing", "transfer"})
NAMELESS_LIST_CATEGORIES = frozenset({"collection", "purpose"})  # lists whose items are never names


def _single(change: Change, clause: Clause) -> Change:
    """An added or removed clause: material when it is about a material category."""
    facts = _facts(clause)
    cats = set(facts.categories)
    added = change.kind == "added"
    verb = "new clause" if added else "clause removed"
    if facts.is_update_stamp:
        return _done(change, list(cats), [], False, "none", f"update stamp {'added' if added else 'removed'}")
    if _is_copyright_line(clause.text):  # "© 2024 Nord Security": a footer, whatever the name says
        what = f"copyright notice {'added' if added else 'removed'}"
        return _done(change, list(cats), [], False, "none", what)
    material_cats = cats & MATERIAL_CATEGORIES
    lex = pick_lexicon(clause.text, clause.language)
    if material_cats and _disclaims_liability(clause.text, lex) and (not added or _names_nothing_done(facts)):
        # "we accept no liability for what members send to third parties" removed: no ban went;
        # "we are not liable if you cannot use the app" added: no data practice of ours is said
        return _done(change, list(cats), [], False, "none", f"{verb} (a denial of liability)")
    if material_cats and _describes_the_policy(clause, facts):
        return _done(change, list(cats), [], False, "none", f"{verb} (says what the policy explains)")
    if clause.is_heading and not _promises(facts):
        return _done(change, list(cats), [], False, "none", f"heading {'added' if added else 'removed'}")
    if (
        not material_cats
        and not facts.contacts
        and "contact" not in cats
        and (_substantial(clause.text) or (_is_item(clause) and not _is_name_only(clause.text, facts)))
        and not _is_address(clause.text)
        and not _points_elsewhere(clause)
        and not _about_language_versions(clause)
    ):
        # A sentence with no keyword of its own is about what its section is about.
        section = set(_section_categories(clause)) & MATERIAL_CATEGORIES
        if section:
            text = new_or_removed_clause(added, _ordered(section), in_section=True)
            return _done(change, list(section), [], True, "medium", text)
    if not material_cats:
        what = "contact details" if "contact" in cats or facts.contacts else "no policy term"
        return _done(change, list(cats), [], False, "none", f"{verb} ({what})")
    promises = _promises(facts)
    empty = ClauseFacts(language=facts.language)
    findings = _diff_facts(empty, facts, context=cats) if added else _diff_facts(facts, empty, context=cats)
    if not findings and not promises and material_cats <= RECIPIENT_CATEGORIES and not facts.states_flow:
        # "advertisers can find more in our help centre": a recipient's name, no data going anywhere;
        # but "data brokers" listed under "Who we share data with" is a recipient of that flow
        if not (_is_item(clause) and set(_section_categories(clause)) & material_cats):
            return _done(change, list(cats), [], False, "none", f"{verb} (names no flow of data)")
    if not findings and not promises and _introduces_ways_to_ask(clause, facts, material_cats):
        return _done(change, list(cats), [], False, "none", f"{verb} (introduces how to send a request)")
    if not findings and not promises and (_is_name(clause.text) or _is_head_row(clause.text)):
        # "Cross-Border Privacy Rules Program": a name or link label states no term; nor does a
        # table's head row ("Finalités | Bases légales"), dropped when the table becomes a list
        return _done(change, list(cats), [], False, "none", f"{verb} (a name or label)")
    severity = max((f.severity for f in findings), key=severity_rank) if findings else "medium"
    if not added and (
        promises or facts.rights or facts.change_notice == "promised" or material_cats & REMOVAL_IS_HIGH
    ):
        severity = "high"
    if added and any(p.state in ALLOWING and p.action in ("sell", "rent") for p in facts.polarity):
        severity = "high"
    text = _explain(findings[:6]) if findings else new_or_removed_clause(added, _ordered(material_cats))
    text = with_subject(text, clause.text, clause.language)
    # "stored in Argentina": a destination is a transfer term whatever verb named it
    stated = material_cats | {f.fact.category for f in findings}
    return _done(change, list(stated), findings, True, severity, text)


def _names_nothing_done(facts: ClauseFacts) -> bool:
    """The clause names no recipient, kind of data, use, place, period or verb of ours: what a
    denial of liability added covers is only the service itself."""
    named = facts.recipients or facts.data_types or facts.purposes or facts.places or facts.ruled_out
    return not (named or facts.durations or facts.polarity)


_OPENS_A_LIST = re.compile(r"[:：]\s*$")


def _introduces_ways_to_ask(clause: Clause, facts: ClauseFacts, material_cats: set[str]) -> bool:
    """A line that only leads into a list ("If your request is about the Plus plan, you can:"),
    the ways to write to us that follow being contact details. It is about rights by a word like
    "your request" but names no right: a right itself, added or dropped, is named and still counts."""
    if material_cats != {"rights"} or facts.rights or facts.rights_named:
        return False
    return bool(_OPENS_A_LIST.search(clause.text))


POINTER_MAX_WORDS = 20
DESCRIPTION_MAX_WORDS = 40


# What the right of access tells the user besides the data held: who receives it, what for, how long.
ACCESS_TOPICS = frozenset({"sharing", "purpose", "retention"})


def _access_narrowed(of: ClauseFacts, nf: ClauseFacts, pairs: list[tuple[str, str]]) -> list[_Finding]:
    """A sentence granting the right of access on both sides that no longer names one thing the
    user is told ("you may be told which data we hold and who has access to it" -> "... which data
    we hold"): the right covers less. Only when words were taken out and none put in."""
    if "access" not in of.rights & nf.rights or any(n for _, n in pairs):
        return []
    if not any(of.category_hits.get(c, 0) > nf.category_hits.get(c, 0) for c in ACCESS_TOPICS):
        return []
    return [_Finding(Fact("rights", _snip(pairs, 0), None, "removed", "item"), "high")]


def _only_what_the_policy_covers(
    findings: list[_Finding], old: Clause, of: ClauseFacts, new: Clause, nf: ClauseFacts
) -> bool:
    """Only list items came or went, in a sentence that on both sides says what the document covers."""
    if not findings or any(f.fact.kind != "item" for f in findings):
        return False
    return _describes_the_policy(old, of) and _describes_the_policy(new, nf)


def _describes_the_policy(clause: Clause, facts: ClauseFacts) -> bool:
    """The sentence says what the document explains ("This notice explains how we collect data
    and what we do with it"): the terms are in the sentences it announces. One that names a kind
    of data, a recipient, a use, a period, a place or a promise states something itself."""
    describes = pick_lexicon(clause.text, clause.language).describes
    if describes is None or len(_WORD.findall(clause.text)) > DESCRIPTION_MAX_WORDS:
        return False
    if facts.recipients or facts.data_types or facts.purposes or facts.durations or facts.ages:
        return False
    if facts.places or facts.rights or _promises(facts):
        return False
    return bool(caseless.search(describes, clause.text))


def _points_elsewhere(clause: Clause) -> bool:
    """The sentence only sends the reader elsewhere ("For EU users: see this page for more
    information"): a pointer, which states no term of its section, whatever the section is about.
    A long sentence that ends in "(for more details, click here)" says something itself."""
    pointers = pick_lexicon(clause.text, clause.language).pointers
    if pointers is None or len(_WORD.findall(clause.text)) > POINTER_MAX_WORDS:
        return False
    return bool(caseless.search(pointers, clause.text))


def _about_language_versions(clause: Clause) -> bool:
    """The sentence says which language version of the document binds ("Any translation is for
    convenience; the English version prevails"): it states no term of the section it sits in."""
    versions = pick_lexicon(clause.text, clause.language).language_versions
    return versions is not None and bool(caseless.search(versions, clause.text))


def _promises(facts: ClauseFacts) -> list[Polarity]:
    """What the clause promises not to do. Read only where needed: most clauses added or removed
    state no term, and their verbs need not be read."""
    return [p for p in facts.polarity if p.state == "negated"]


_COPYRIGHT = compile_cached(
    r"\s*(?:copyright\s*)?(?:©|\(c\)\s*(?:19|20)\d\d)|\s*copyright\s+(?:19|20)\d\d", re.IGNORECASE
)


def _is_copyright_line(text: str) -> bool:
    """A short line that opens with "©", "(c) 2024" or "Copyright 2024": a page footer naming the
    owner of the text, which states no term however its company name reads ("Nord Security")."""
    return len(text) <= 160 and bool(_COPYRIGHT.match(text))


def _section_categories(clause: Clause) -> tuple[str, ...]:
    """The categories of the nearest heading above the clause that has any. A heading that only
    names a kind of party ("Third-party content and services", "Service providers") says nothing
    about data going anywhere, so the one above it tells what the section is about. The page's
    title above two levels of headings ("Acme Privacy and Security Statement" > "Details" >
    "Contact information") tells what the whole page is about, not the section: a sentence under
    "Contact information" is not about security. (Right under the title, the title is all the
    section there is.)"""
    headings = clause.section
    if len(headings) > 2 and _is_title(headings[0], clause.language):
        headings = headings[1:]
    for heading in reversed(headings):
        facts = extract_facts(heading, clause.language)
        cats = facts.categories
        if set(cats) & MATERIAL_CATEGORIES <= RECIPIENT_CATEGORIES and not facts.states_flow:
            cats = tuple(c for c in cats if c not in RECIPIENT_CATEGORIES)
        if cats:
            return cats
    return ()


def _is_title(heading: str, language: str) -> bool:
    """A heading that names the document itself ("Privacy Policy", "Conditions générales")."""
    titles = pick_lexicon(heading, language).document_titles
    return titles is not None and bool(titles.search(heading))


_NAME_WORD = compile_cached(r"[^\W\d_][\w’'-]*")
_NAME_JOINERS = frozenset(
    {
        "of",
        "for",
        "and",
        "the",
        "de",
        "des",
        "du",
        "la",
        "le",
        "et",
        "für",
        "und",
        "der",
        "y",
        "del",
        "og",
        "och",
        "i",
    }
)


def _is_name_only(text: str, facts: ClauseFacts) -> bool:
    """A name, and nothing the lexicon knows as data or a recipient: German capitalises every
    noun, so "Standortdaten" in a list looks like a name but is a kind of data."""
    return _is_name(text) and not (facts.data_types or facts.recipients)


def _is_name(text: str) -> bool:
    """A short title-cased fragment ("Privacy Rules Program", "Global CBPR Directory"): a name."""
    words = _NAME_WORD.findall(text)
    if not words or len(words) > 6 or _HAN_RE.search(text) or text.rstrip().endswith((".", ":")):
        return False
    return all(w[0].isupper() or w.lower() in _NAME_JOINERS for w in words) and words[0][0].isupper()


HEAD_CELL_MAX_WORDS = 4


def _is_head_row(text: str) -> bool:
    """A table's head row ("Purpose | Legal basis | Retention period"): two or more cells, each a
    short label that opens with a capital, holds no digit and ends no sentence."""
    cells = [c.strip() for c in text.split(" | ")]
    if len(cells) < 2 or _HAN_RE.search(text) or re.search(r"\d", text):
        return False
    for cell in cells:
        words = _NAME_WORD.findall(cell)
        if not words or len(words) > HEAD_CELL_MAX_WORDS or not words[0][0].isupper():
            return False
        if cell.endswith(SENTENCE_ENDS):
            return False
    return True


_ADDRESS_TOKEN = compile_cached(r"[^\s,;:()|]+")
# lower-case words an address may hold besides name joiners: "12 rue de la Paix", "via Roma 1"
_ADDRESS_WORDS = _NAME_JOINERS | {
    "rue",
    "avenue",
    "boulevard",
    "allée",
    "chemin",
    "quai",
    "calle",
    "via",
    "c/o",
}


def _is_address(text: str) -> bool:
    """A postal address or a name block ("Acme, Inc. Attn: Privacy Team 600 Main Street, Suite 4,
    Springfield, CA 90045, USA"): a number among words that are all capitalised (or joiners),
    so no sentence. Whoever it names, it states no term."""
    tokens = [t for t in _ADDRESS_TOKEN.findall(text) if any(ch.isalnum() for ch in t)]
    if not tokens or len(text) > 240 or _HAN_RE.search(text) or not re.search(r"\d", text):
        return False
    for token in tokens:
        word = token.strip(".'’\"“”-")
        if not word or word[0].isdigit() or word[0].isupper() or word.lower() in _ADDRESS_WORDS:
            continue
        return False
    return True


ITEM_MAX_WORDS = 8
SENTENCE_ENDS = (".", ":", "?", "!", "。", "：", "？", "！")


def _is_item(clause: Clause) -> bool:
    """A list entry or a table row ("data brokers", "_fbp | Meta | Advertising | 3 months"): a
    few words without a sentence's end, or cells. What it means, its lead-in and its section say."""
    text = clause.text.strip()
    if clause.is_heading or not text:
        return False
    if " | " in text:
        return True
    if _DOMAIN.fullmatch(text):  # "careers.example.com": a link, not an entry
        return False
    words = _NAME_WORD.findall(text)
    return 0 < len(words) <= ITEM_MAX_WORDS and not text.endswith(SENTENCE_ENDS)


_DOMAIN = compile_cached(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+/?\S*", re.IGNORECASE)


def _substantial(text: str) -> bool:
    """A sentence, not a fragment: six words, or twelve Han characters."""
    return len(_HAN_RE.findall(text)) >= 12 or len(re.findall(r"[^\W\d_]+", text)) >= 6


# --- comparing facts ------------------------------------------------------------------------


def _diff_facts(
    of: ClauseFacts, nf: ClauseFacts, context: set[str] | None = None, negation_only: bool = False
) -> list[_Finding]:
    """The findings between two clauses' facts; `negation_only`: the edit only took out (or put
    in) a negation, so a condition both sides share no longer makes them say the same."""
    cats = context if context is not None else set(of.categories) | set(nf.categories)
    out: list[_Finding] = []
    out += _diff_durations(of, nf)
    if "retention" in cats:
        out += _diff_states(of, nf, bool(out))
    out += _diff_ages(of, nf)
    # "we process billing data through payment providers and ad networks": where data flows and
    # both sides name who handles it, another kind of recipient added receives it too
    flows = (of.states_flow or nf.states_flow) and of.language == nf.language
    # where data is sent, stored or kept; or sent to a named recipient ("sends it to our analytics
    # provider in the United States"): a country named there is where the data goes
    if cats & {"transfer", "retention", "sharing"} or (flows and of.recipients and nf.recipients):
        out += _diff_set("transfer", "country", of.places, nf.places, "high", "medium")
    out += _diff_polarity(of, nf, cats, negation_only)
    if cats & {"sharing", "transfer"} or (flows and of.recipients and nf.recipients):
        out += _diff_set("sharing", "recipient", of.recipients, nf.recipients, "high", "medium")
    data_cat = (
        "collection"
        if "collection" in cats or not cats & {"sharing", "purpose"}
        else ("sharing" if "sharing" in cats else "purpose")
    )
    # "reclaimed if you send no messages" is about no data practice; "we process the following
    # data: name, e-mail, location" is one, though its only keywords name personal details
    # (read with one lexicon on both sides: two lexicons name different data types in one text)
    lists_details = "contact" in cats and (of.states_flow or nf.states_flow) and of.language == nf.language
    if cats & MATERIAL_CATEGORIES or lists_details:
        out += _diff_set(data_cat, "data_type", of.data_types, nf.data_types, "high", "medium")
    out += _diff_set("purpose", "purpose", of.purposes, nf.purposes, "high", "medium")
    out += _diff_ruled_out(of, nf, data_cat)
    for right in sorted(of.rights ^ nf.rights):
        cat = RIGHT_CATEGORY.get(right, "rights")
        removed = right in of.rights
        if right in (nf.rights_named if removed else of.rights_named):
            continue  # "you have the right to request a copy" -> "you can request a copy": still offered
        if right in SCOPED_RIGHTS and SCOPED_RIGHTS[right] not in (nf if removed else of).rights_named:
            continue  # the data deleted with the account: a change of scope only where both close it
        out.append(
            _Finding(
                Fact(
                    cat,
                    right if removed else None,
                    None if removed else right,
                    "removed" if removed else "added",
                    "right",
                ),
                "high" if removed else "medium",
            )
        )
    out += _diff_set("security", "breach_notice", of.breach_states, nf.breach_states, "medium", "high")
    if "changes" in cats:
        out += (_diff_notice(of, nf) or _diff_channels(of, nf)) + _diff_timing(of, nf)
    out += _diff_set(
        "security", "security_measure", of.security_measures, nf.security_measures, "medium", "high"
    )
    return out


def _diff_ruled_out(of: ClauseFacts, nf: ClauseFacts, data_cat: str) -> list[_Finding]:
    """Things a sentence rules out ("we never share with data brokers"): a new one is favourable,
    a dropped one (the promise gone) is not."""
    cat = {"recipient": "sharing", "data_type": data_cat, "purpose": "purpose"}
    out = [
        _Finding(Fact(cat[kind], None, key, "negated", kind), "medium")
        for kind, key in sorted(nf.ruled_out - of.ruled_out)
        if key not in _stated(of, kind)
    ]
    out += [
        _Finding(Fact(cat[kind], key, None, "affirmed", kind), "high")
        for kind, key in sorted(of.ruled_out - nf.ruled_out)
        if key not in _stated(nf, kind)  # stated now: the affirmed set reports it
    ]
    return out


def _stated(f: ClauseFacts, kind: str) -> frozenset[str]:
    return {"recipient": f.recipients, "data_type": f.data_types, "purpose": f.purposes}[kind]


def _diff_set(
    cat: str, kind: str, old: frozenset[str], new: frozenset[str], added_sev: str, removed_sev: str
) -> list[_Finding]:
    out = [_Finding(Fact(cat, None, k, "added", kind), added_sev) for k in sorted(new - old)]
    out += [_Finding(Fact(cat, k, None, "removed", kind), removed_sev) for k in sorted(old - new)]
    return out


CONDITION_FACTS = frozenset({"condition", "parental_consent"})


def _condition_from_removed_neighbour(
    change: Change, classified: Change, clauses: Sequence[Clause], removed: set[int]
) -> Change:
    """A condition added to a sentence that the sentence next to it, now removed, stated ("You
    need a parent's consent. The parent must supervise your use." -> "You need the consent of a
    parent, who must supervise your use."): the two sentences joined, no condition is new."""
    old, new = change.old, change.new
    if old is None or new is None or not classified.facts:
        return classified
    if any(f.kind not in CONDITION_FACTS or f.direction != "added" for f in classified.facts):
        return classified
    kinds = _facts(new).conditions - _facts(old).conditions
    if not kinds:
        return classified
    at = {c.index: c for c in clauses[max(0, old.index - 1) : old.index + 2]}
    for n in (at.get(old.index - 1), at.get(old.index + 1)):
        if n is None or n.index not in removed or n.section != old.section:
            continue
        if kinds <= _facts(n).conditions:
            what = as_sentence("Re-worded; a condition joined from the sentence next to it")
            return replace(classified, facts=[], material=False, severity="none", explanation=what)
    return classified


REFERRED_PERIOD_TOPICS = ("security", *SECTION_PERIOD_TOPICS)
BACK_REFERENCE_REACH = 40  # characters: "We do so", "Dies geschieht", "我们会这样做" open a sentence


def _period_of_previous_act(change: Change, classified: Change, clauses: Sequence[Clause]) -> Change:
    """A period in a sentence that refers back to the one before it ("If your data is breached we
    will tell you. We do so within 72 hours.", "Wir speichern Ihre Daten. Dies geschieht für 10
    Jahre."): the period is the previous sentence's act's (a breach notice, a retention)."""
    old, new = change.old, change.new
    if classified.material or old is None or new is None:
        return classified
    lex = pick_lexicon(new.text, new.language)
    if not _refers_back(new.text, lex):
        return classified
    of, nf = _facts(old), _facts(new)
    durations = (*of.durations, *nf.durations)
    if of.categories or nf.categories or not durations or any(d.category != "contact" for d in durations):
        return classified
    previous = _previous_sentence(new, clauses)
    if previous is None:
        return classified
    topic = next((c for c in _facts(previous).categories if c in REFERRED_PERIOD_TOPICS), None)
    findings = _diff_durations(of, nf, topic) if topic else []
    if not findings:
        return classified
    severity = max((f.severity for f in findings), key=severity_rank)
    text = with_subject(_explain(findings), new.text, new.language)
    return _done(change, [f.fact.category for f in findings], findings, True, severity, text)


def _refers_back(text: str, lex: Lexicon) -> bool:
    """The sentence opens with words that refer back to the act of the sentence before it."""
    if lex.back_references is None:
        return False
    found = lex.back_references.search(text[:BACK_REFERENCE_REACH])
    return found is not None and not _words_before(text[: found.start()])


def _words_before(text: str) -> bool:
    """Words (not a connector) before a back-reference: "We do so" opens the sentence; "then" and
    "usually" may stand first, a clause of its own may not."""
    return len(_lower_words(text)) > 1


def _previous_sentence(clause: Clause, clauses: Sequence[Clause]) -> Clause | None:
    """The sentence just before `clause` in its version and section (no heading)."""
    if not _in_place(clause, clauses) or clause.index == 0:
        return None
    before = clauses[clause.index - 1]
    if before.is_heading or before.section != clause.section:
        return None
    return before


def _same_periods(old: list[Duration], new: list[Duration]) -> bool:
    """The same periods, however written: "12 months" (360 days) is "one year" (365), "6 months"
    is "half a year"; in one unit, only the same number is the same period."""

    def unique(ds: list[Duration]) -> list[Duration]:
        return sorted({d.days: d for d in ds}.values(), key=lambda d: d.days)

    a, b = unique(old), unique(new)
    if len(a) != len(b):
        return False
    for x, y in zip(a, b, strict=True):
        if abs(x.unit_days - y.unit_days) < 1e-6:
            if x.days != y.days:
                return False
        elif abs(x.days - y.days) > 0.03 * max(x.days, y.days):
            return False
    return True


def _diff_durations(of: ClauseFacts, nf: ClauseFacts, topic: str | None = None) -> list[_Finding]:
    """Periods lengthened, shortened, added or removed, per category; `topic`: the category of
    periods whose own sentence names none (read from the heading above them)."""

    def category(d: Duration) -> str:
        return topic if topic and d.category == "contact" else d.category

    if not of.durations and not nf.durations:
        return []  # the same (no) periods in every category
    if of.durations and _same_periods(list(of.durations), list(nf.durations)):
        # The same periods on both sides: a word like "purposes" added near "1 year" moves the
        # period to another category, but no period changed.
        return []
    out = []
    for cat in (c for c in CATEGORIES if c in MATERIAL_CATEGORIES):
        old_d = [d for d in of.durations if category(d) == cat]
        new_d = [d for d in nf.durations if category(d) == cat]
        old, new = sorted({d.days for d in old_d}), sorted({d.days for d in new_d})
        if _same_periods(old_d, new_d):
            continue
        # For a notice period a longer time is better; for retention and breach deadlines worse.
        longer_bad = cat != "changes"
        common = set(old) & set(new)
        if common and set(old) - common and set(new) - common:
            # Name only the periods that changed: "3 years to 10 years", not "30 days, 3 years to ...".
            old_d = [d for d in old_d if d.days not in common]
            new_d = [d for d in new_d if d.days not in common]
            old, new = sorted({d.days for d in old_d}), sorted({d.days for d in new_d})
        if old and new:
            a, b = max(old), max(new)
            if a == b:
                a, b = sum(old), sum(new)
            direction = "longer" if b > a else "shorter" if b < a else "changed"
            bad = (direction == "longer") == longer_bad and direction != "changed"
            out.append(
                _Finding(
                    Fact(cat, _shown(old_d), _shown(new_d), direction, "duration"),
                    "high" if bad else "medium",
                )
            )
        elif new:
            bad = cat == "retention" and "indefinite" not in of.retention_states
            was = _state_names(of.retention_states) if cat == "retention" else None
            out.append(
                _Finding(Fact(cat, was, _shown(new_d), "added", "duration"), "high" if bad else "medium")
            )
        else:
            # A stated period gone: worse unless "as long as necessary" or "until you delete" replaces it.
            bounded = nf.retention_states & {"as_long_as_necessary", "until_deletion"}
            bad = cat != "retention" or "indefinite" in nf.retention_states or not bounded
            out.append(
                _Finding(Fact(cat, _shown(old_d), None, "removed", "duration"), "high" if bad else "medium")
            )
    return out


def _state_names(states: frozenset[str]) -> str | None:
    return ", ".join(sorted(s.replace("_", " ") for s in states)) or None


def _diff_states(of: ClauseFacts, nf: ClauseFacts, have_duration_fact: bool) -> list[_Finding]:
    out = []
    for state in sorted(nf.retention_states - of.retention_states):
        sev = "high" if state == "indefinite" else "medium"
        if state != "indefinite" and have_duration_fact:
            continue
        out.append(
            _Finding(Fact("retention", None, state.replace("_", " "), "added", "retention_state"), sev)
        )
    for state in sorted(of.retention_states - nf.retention_states):
        if have_duration_fact and state != "indefinite":
            continue
        sev = "medium" if state == "indefinite" else "high"
        out.append(
            _Finding(Fact("retention", state.replace("_", " "), None, "removed", "retention_state"), sev)
        )
    return out


def _diff_ages(of: ClauseFacts, nf: ClauseFacts) -> list[_Finding]:
    if set(of.ages) == set(nf.ages):
        return []
    if of.ages and nf.ages:
        a, b = min(of.ages), min(nf.ages)
        if a == b:
            a, b = max(of.ages), max(nf.ages)
        direction = "lowered" if b < a else "raised" if b > a else "changed"
        sev = "high" if direction == "lowered" else "medium"
        return [_Finding(Fact("children", str(a), str(b), direction, "age"), sev)]
    if nf.ages:
        return [_Finding(Fact("children", None, str(min(nf.ages)), "added", "age"), "medium")]
    return [_Finding(Fact("children", str(min(of.ages)), None, "removed", "age"), "high")]


def _diff_polarity(
    of: ClauseFacts, nf: ClauseFacts, cats: set[str], negation_only: bool = False
) -> list[_Finding]:
    out = []
    # The same limit or consent condition on both sides: a negated verb with "unless" and an
    # affirmed one with "only" permit the same thing. Not when the negation is all that changed:
    # "we do not share it except as required by law" -> "we share it except as required by law".
    conditional = (
        of.conditions == nf.conditions and bool(of.conditions & {"limit", "consent"}) and not negation_only
    )
    seen = {p.action for p in of.polarity} | {p.action for p in nf.polarity}
    actions = sorted(seen, key=lambda a: (list(ACTION_CATEGORY).index(a) if a in ACTION_CATEGORY else 99, a))
    for action in actions:
        old, new = of.polarity_states(action), nf.polarity_states(action)
        cat = ACTION_CATEGORY.get(action, "sharing")
        if action == "transfer" and "transfer" in cats and "sharing" not in cats:
            cat = "transfer"
        if conditional and old and new:
            continue  # "won't share unless you agree" is "share only with your consent"
        if old == {"negated"} and not new:  # "we never sell" is gone: the promise is dropped
            if _restated_by_synonym(of, nf, action):
                continue  # "we do not share it" said as "we do not disclose it": the same ban
            before = _polarity_text(of, action, "negated")
            out.append(_Finding(Fact(cat, before, None, "affirmed", "polarity"), "high", action))
            continue
        if not old and new & ALLOWING and action in STRONG_ACTIONS:  # "... and sell" appears
            after = _polarity_text(nf, action, None, prefer_allowing=True)
            out.append(_Finding(Fact(cat, None, after, "affirmed", "polarity"), "high", action))
            continue
        if not old or not new:
            continue  # other verbs come and go with wording; recipients and data types tell more
        old_neg, new_neg = "negated" in old, "negated" in new
        old_allow, new_allow = bool(old & ALLOWING), bool(new & ALLOWING)
        before = _polarity_text(of, action, "negated" if old_neg else None)
        if old_neg and not new_neg or (new_allow and not old_allow):
            after = _polarity_text(nf, action, None, prefer_allowing=True)
            out.append(_Finding(Fact(cat, before, after, "affirmed", "polarity"), "high", action))
        elif new_neg and not old_neg or (old_allow and not new_allow):
            after = _polarity_text(nf, action, "negated")
            before = _polarity_text(of, action, None, prefer_allowing=True)
            out.append(_Finding(Fact(cat, before, after, "negated", "polarity"), "medium", action))
    return out


# Verbs that state one ban alike: "we do not share your data" = "we do not disclose your data".
SYNONYM_ACTIONS = frozenset({"share", "disclose"})


def _restated_by_synonym(of: ClauseFacts, nf: ClauseFacts, action: str) -> bool:
    """A ban dropped from one verb that the new side states, and only states, with its synonym."""
    if action not in SYNONYM_ACTIONS:
        return False
    return any(
        nf.polarity_states(a) == {"negated"} and not of.polarity_states(a) for a in SYNONYM_ACTIONS - {action}
    )


def _polarity_text(f: ClauseFacts, action: str, state: str | None, prefer_allowing: bool = False) -> str:
    ps = [p for p in f.polarity if p.action == action]
    if state:
        ps = [p for p in ps if p.state == state] or ps
    if prefer_allowing:
        ps = [p for p in ps if p.state in ALLOWING] or ps
    return ps[0].text if ps else ""


def _diff_notice(of: ClauseFacts, nf: ClauseFacts) -> list[_Finding]:
    if of.change_notice == nf.change_notice:
        return []
    if of.change_notice == "promised":
        return [
            _Finding(
                Fact(
                    "changes", "notice promised", nf.change_notice and "no notice", "removed", "change_notice"
                ),
                "high",
            )
        ]
    if nf.change_notice == "promised":
        return [
            _Finding(
                Fact(
                    "changes", of.change_notice and "no notice", "notice promised", "added", "change_notice"
                ),
                "medium",
            )
        ]
    if nf.change_notice == "none":
        return [_Finding(Fact("changes", None, "no notice", "added", "change_notice"), "high")]
    return []


def _diff_timing(of: ClauseFacts, nf: ClauseFacts) -> list[_Finding]:
    """Changes told in advance and now only once they are made (or the other way round): the same
    promise to tell, too late to act on before the new terms apply."""
    was, now = of.change_timing, nf.change_timing
    if "advance" in was and "afterwards" in now and "advance" not in now:
        return [_Finding(Fact("changes", "advance", "afterwards", "changed", "change_timing"), "high")]
    if "afterwards" in was and "advance" in now and "afterwards" not in now:
        return [_Finding(Fact("changes", "afterwards", "advance", "changed", "change_timing"), "medium")]
    return []


def _diff_channels(of: ClauseFacts, nf: ClauseFacts) -> list[_Finding]:
    """Changes announced to the user directly (by e-mail, in the app) and now only posted on the
    page, or the other way round: the same promise to tell, a weaker or stronger way of telling."""
    if ("direct" in of.change_channels) == ("direct" in nf.change_channels):
        return []
    if "direct" in of.change_channels:
        posted = "posted" if "posted" in nf.change_channels else None
        return [_Finding(Fact("changes", "direct", posted, "removed", "change_channel"), "high")]
    return [_Finding(Fact("changes", None, "direct", "added", "change_channel"), "medium")]


# --- words that changed ---------------------------------------------------------------------


UNTIL_REACH = 4  # words between "until" and the changed part of its date ("hasta el 31 de diciembre de 2025")


def _end_date_moved(old_text: str, new_text: str, lex: Lexicon) -> bool:
    """A changed part of a date stands right after a word that ends a period ("until 31 May
    2025", "jusqu'au 1er janvier 2026"): the date says until when, not when the text was written.
    Each changed part is read where the token diff put it: a year the clause says twice ("since
    2024 … until 2024") is judged at its own place."""
    spans = _changed_spans(old_text, new_text)
    if lex.until_words is None or not spans:
        return False
    for start, end in spans:
        if start == end:  # words only dropped: no new date stands there
            return False
        before = new_text[max(0, start - 40) : start]
        ends = list(lex.until_words.finditer(before))
        if not ends or len(before[ends[-1].end() :].split()) > UNTIL_REACH:
            return False
    return True


def _changed_spans(old: str, new: str) -> list[tuple[int, int]]:
    """Where in `new` (character offsets) each stretch that differs from `old` stands, in the
    token diff's own alignment (_changed_words' stretches, in order)."""
    a = _WORD.findall(old)
    found = list(_WORD.finditer(new))
    b = [m.group(0) for m in found]
    spans = []
    for tag, _, _, j1, j2 in token_opcodes(a, b):
        if tag == "equal":
            continue
        at = found[j1].start() if j1 < len(found) else len(new)
        spans.append((at, found[j2 - 1].end() if j2 > j1 else at))
    return spans


def _conditional_ban(of: ClauseFacts, nf: ClauseFacts) -> bool:
    """Both sides carry the same limit or consent condition and say a verb in other states:
    where _diff_polarity would take "won't ... unless" for "... only if"."""
    if of.conditions != nf.conditions or not of.conditions & {"limit", "consent"}:
        return False
    actions = {p.action for p in (*of.polarity, *nf.polarity)}
    return any(of.polarity_states(a) != nf.polarity_states(a) for a in actions)


# auxiliaries that carry an English negation ("we do not share", "we will never sell")
_NEGATION_AUX = compile_cached(r"\b(?:do|does|did|will|shall|would|can|may)\b", re.IGNORECASE)
_CONTRACTION = compile_cached(r"\b(\w+n) t\b")
# words that only a negation calls for ("never shared with any third party"): they leave with it
_NEGATIVE_POLARITY = compile_cached(r"\b(?:any|ever|at all)\b", re.IGNORECASE)


def _only_negation_edited(old_text: str, new_text: str, lex: Lexicon) -> bool:
    """Each changed stretch is a negation taken out or put in, nothing in its place: "we do not
    share" -> "we share", "ne vendons pas" -> "vendons", "No compartimos" -> "Compartimos"
    (case aside: the sentence's first word changes case with the negation gone)."""
    pairs = _changed_words(old_text.lower(), new_text.lower())
    if not pairs or lex.negators is None:
        return False
    negations_changed = _count_changed(lex.negators, old_text, new_text)
    for old, new in pairs:
        old, new = _CONTRACTION.sub(r"\1't", old), _CONTRACTION.sub(r"\1't", new)
        if lex.cjk and negations_changed and not (old and new) and len(old or new) == 1:
            continue  # "不会出售" -> "会出售": the negating character alone, its word broken up
        if negations_changed and not _NEGATIVE_POLARITY.sub(" ", f"{old} {new}").split():
            continue  # "never shared with any third party" -> "shared with third parties": "any" went too
        if not (lex.negators.search(old) or lex.negators.search(new)):
            return False
        rest_old, rest_new = (_NEGATION_AUX.sub(" ", lex.negators.sub(" ", t)).split() for t in (old, new))
        # "keine personenbezogenen Daten" -> "personenbezogene Daten": the words around agree anew
        if len(rest_old) != len(rest_new) or not all(map(_same_stem, rest_old, rest_new)):
            return False
    return True


def _same_stem(a: str, b: str) -> bool:
    """One word in two inflections: "personenbezogenen" and "personenbezogene"."""
    stem = max(3, min(len(a), len(b)) - 2)
    return a == b or (min(len(a), len(b)) >= 4 and a[:stem] == b[:stem])


@lru_cache(maxsize=4096)  # _compare and _without_joined_sentences ask for the same texts
def _changed_words(old: str, new: str) -> list[tuple[str, str]]:
    """Pairs (old words, new words), one per differing stretch of the two texts (shared between
    callers: not to be changed)."""
    a, b = _WORD.findall(old), _WORD.findall(new)
    opcodes = token_opcodes(a, b)
    return [(_join(a[i1:i2]), _join(b[j1:j2])) for tag, i1, i2, j1, j2 in opcodes if tag != "equal"]


def _join(words: list[str]) -> str:
    """Words back into text: Latin words spaced, Han characters run together as written."""
    return _HAN_GAP.sub("", " ".join(words))


def _repeat_dropped(old: str, new: str) -> bool:
    """One side is the other with a run of words said twice in a row said once: a duplicate,
    not a new term. The run must hold a letter (a number said twice, "3030", is a new number)."""
    long, short = (old, new) if len(old) > len(new) else (new, old)
    n = len(long) - len(short)
    if n < 2:
        return False
    head = 0  # the extra run starts at some j with long[:j] + long[j + n:] == short
    while head < len(short) and long[head] == short[head]:
        head += 1
    tail = 0
    while tail < len(short) and long[-1 - tail] == short[-1 - tail]:
        tail += 1
    for j in range(max(0, len(short) - tail), head + 1):
        run = long[j : j + n]
        repeated = long[j + n : j + 2 * n] == run or (j >= n and long[j - n : j] == run)
        if repeated and any(c.isalpha() for c in run) and not any(c.isdigit() for c in run):
            return True
    return False


def _words_repeat_dropped(old: str, new: str) -> bool:
    """_repeat_dropped on words, punctuation aside: a pasted-in copy of a sentence ("… CC0 (If you
    send sentences, … CC0, as …") taken out leaves the same words once."""
    a, b = _WORD.findall(old.lower()), _WORD.findall(new.lower())
    long, short = (a, b) if len(a) > len(b) else (b, a)
    n = len(long) - len(short)
    if n < 3:
        return False
    head = 0
    while head < len(short) and long[head] == short[head]:
        head += 1
    if long[head + n :] != short[head:]:
        return False
    run = long[head : head + n]
    return long[head - n : head] == run or long[head + n : head + 2 * n] == run


def _is_typo_fix(pairs: list[tuple[str, str]], lex: Lexicon, old: str, new: str) -> bool:
    """Each changed word is a near-spelling of its counterpart; no number, negator or modal moved.

    Every test must pass; the word-by-word ones come first, as they are the cheapest and a
    re-written sentence fails them at its first pair."""
    han_pairs = [(o, n) for o, n in pairs if _HAN_RE.search(o + n)]
    if not _latin_typos([p for p in pairs if p not in han_pairs], lex):
        return False
    if han_pairs:
        # Han text: a wrong character (at most two, none a numeral) or two characters swapped.
        # A character only added or only dropped may be a word ("加密"), so it is not a typo.
        removed = "".join(o.replace(" ", "") for o, _ in han_pairs)
        inserted = "".join(n.replace(" ", "") for _, n in han_pairs)
        if set(removed + inserted) & _CJK_NUMERALS or re.search(r"\d", removed + inserted):
            return False
        swapped = sorted(removed) == sorted(inserted)
        substituted = all(o and n for o, n in han_pairs) and len(removed) <= 2 and len(inserted) <= 2
        if not (swapped or substituted):
            return False
    if (_negation_change(old, new, lex) != 0 and _touches_negator(pairs, lex)) or (
        _count_changed(lex.modals, old, new) and not _modal_respelt(pairs, lex)
    ):
        return False
    return not any(_list_items(old, new, lex))  # a whole item added to or dropped from an enumeration


def _touches_negator(pairs: list[tuple[str, str]], lex: Lexicon) -> bool:
    """A changed word is a negator. When none is, a negation count that moved was moved by a
    misspelt word of a phrase whose negator negates nothing ("without limittaion"): no typo
    turns a promise around unless it touches the negator itself."""
    negators = lex.negators
    if negators is None:
        return False
    if any(_HAN_RE.search(o + n) for o, n in pairs):
        return True  # Han text has no words to tell a negator by ("但不" -> "並"): held as touched
    return any(negators.fullmatch(w) for o, n in pairs for w in (*o.split(), *n.split()))


MODAL_RESPELT_LENGTH = 8  # letters: "möglicherweise", "eventualmente" - not "can", "kann", "may"


def _modal_respelt(pairs: list[tuple[str, str]], lex: Lexicon) -> bool:
    """The modal that came or went is a long one whose counterpart is its misspelling
    ("möglichreweise" -> "möglicherweise"): the spelling was fixed, the hedge was there before.
    Short modals ("can", "kann") are spelt like other words, so they never count as respelt."""
    modals = lex.modals
    if modals is None:
        return False
    respelt = False
    for o, n in pairs:
        one = [w.strip() for w in (o, n) if modals.fullmatch(w.strip().lower())]
        if len(one) == 1:
            if not o or not n or len(one[0]) < MODAL_RESPELT_LENGTH:
                return False
            respelt = True
    return respelt


def _han_transposed(pairs: list[tuple[str, str]], lex: Lexicon) -> bool:
    """One Han character moved by one place and nothing else changed: two characters typed in the
    wrong order. A moved negator or modal ("不会" -> "会不") is not such a slip."""
    if len(pairs) != 2 or {p[0] for p in pairs} | {p[1] for p in pairs} != {"", pairs[0][0] or pairs[0][1]}:
        return False
    moved = pairs[0][0] or pairs[0][1]
    if len(moved) != 1 or not _HAN_RE.match(moved):
        return False
    return not any(p is not None and p.search(moved) for p in (lex.negators, lex.modals))


def _another_action(old: str, new: str, lex: Lexicon) -> bool:
    """Both words are verbs of what is done with data, each of a different action: one letter
    apart, they still say another thing happens to the data."""
    acts = [(name, p) for name, p in lex.actions.items() if p is not None]
    before = {name for name, p in acts if caseless.search(p, old)}
    after = {name for name, p in acts if caseless.search(p, new)}
    return bool(before) and bool(after) and before != after


def _latin_typos(pairs: list[tuple[str, str]], lex: Lexicon) -> bool:
    """Each (old, new) word pair is a misspelling put right (or a function word put back)."""
    for o, n in pairs:
        if not o or not n:
            if _function_word(o or n, lex):
                continue  # a missing "to" or "the" put back: "data we use train" -> "use to train"
            return False  # a word added or dropped
        if len(o.split()) != len(n.split()):
            return False
        if re.search(r"\d", o + n):
            return False
        if {o.lower(), n.lower()} & lex.scope_words:
            return False  # "within" -> "without" is spelt alike and means the opposite
        if _negative_prefix(o.lower(), n.lower(), lex) or _negative_prefix(n.lower(), o.lower(), lex):
            return False  # "encrypted" -> "unencrypted" is no spelling fix
        if max(len(o), len(n)) < 4 and _one_letter_apart(o.lower(), n.lower()):
            if _function_word(o, lex) or _function_word(n, lex):
                continue  # "out" -> "our": a short function word mistyped
        if len(o) + len(n) > TYPO_SPAN:
            return False  # a typo is fixed within a word or two, not across a page
        if _another_action(o, n, lex):
            return False  # "predamo" (hand over) -> "prodamo" (sell): spelt alike, another act
        ratio = SequenceMatcher(None, o.lower(), n.lower()).ratio()
        if ratio < 0.75 or max(len(o), len(n)) < 4:
            return False
    return True


@lru_cache(maxsize=16384)  # asked for every word of the clauses _same_terms weighs and of re-split sentences
def _function_word(word: str, lex: Lexicon) -> bool:
    """One word of the language's function words ("to", "the", "our"), never a negator or modal."""
    word = word.strip()
    if " " in word or lex.stopwords is None or not lex.stopwords.fullmatch(word):
        return False
    return not any(p is not None and p.fullmatch(word) for p in (lex.negators, lex.modals))


def _one_letter_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _negative_prefix(word: str, other: str, lex: Lexicon) -> bool:
    return any(other == p + word for p in lex.negative_prefixes)


def _snip(pairs: list[tuple[str, str]], side: int, limit: int = 60) -> str:
    """The words one side changed, shortened for an explanation."""
    words = " / ".join(p[side] for p in pairs if p[side])
    return words if len(words) <= limit else words[: limit - 1] + "…"


@lru_cache(maxsize=4096)
def _mask(text: str, lex: Lexicon) -> str:
    """The text with e-mails, URLs, phone numbers and dates replaced by placeholders."""
    # each replacement only where what it replaces can be: "@" or "[email protected]", a scheme
    # or "www.", a digit, a month name
    text = link_labels(text)
    if "@" in text or "[" in text:
        text = EMAIL_RE.sub("\x00E", text)
    if "://" in text or "www." in text.lower():
        text = URL_RE.sub("\x00U", text)
    if _DIGIT.search(text):
        text = _DATE_RE.sub("\x00D", text)
        text = PHONE_RE.sub(
            lambda m: "\x00P" if sum(ch.isdigit() for ch in m.group(0)) >= 7 else m.group(0), text
        )
    if lex.months is not None:
        if caseless.search(lex.months, text):
            text = lex.months.sub("\x00M", text)
        if "\x00M" in text:
            text = _DAY_MONTH.sub("\x00M", text)
    return " ".join(text.split())


# --- explanations ---------------------------------------------------------------------------


_UNIT_NAMES = (
    (1 / 24, "hour"),
    (1.0, "day"),
    (1.4, "business day"),
    (7.0, "week"),
    (30.0, "month"),
    (365.0, "year"),
)


def format_duration(d: Duration) -> str:
    """A duration in the unit it was written in: "72 hours", "30 days", "10 years", "1.5 years"."""
    for unit_days, name in _UNIT_NAMES:
        if abs(d.unit_days - unit_days) < 1e-3 and d.value:
            return f"{d.value:g} {name}" + ("" if d.value == 1 else "s")
    return format_days(d.days)


def _shown(durations: list[Duration]) -> str:
    seen: dict[float, str] = {}
    for d in sorted(durations, key=lambda d: d.days):
        seen.setdefault(d.days, format_duration(d))
    return ", ".join(seen.values())


def format_days(days: float) -> str:
    """3650 -> '10 years', 180 -> '6 months', 15 -> '15 days', 3 -> '3 days', 0.125 -> '3 hours'."""

    def plural(n: float, unit: str) -> str:
        n_text = f"{n:g}"
        return f"{n_text} {unit}" + ("" if n == 1 else "s")

    if days < 1:
        return plural(round(days * 24, 1), "hour")
    if days >= 365 and (days / 365) * 2 == round((days / 365) * 2):
        return plural(days / 365, "year")
    if days >= 28 and days % 30 == 0:
        return plural(days / 30, "month")
    if days >= 7 and days % 7 == 0 and days < 28:
        return plural(days / 7, "week")
    return plural(round(days, 1), "day")


def _explain(findings: list[_Finding]) -> str:
    """The facts in one plain sentence (explain.py)."""
    return explain(findings)
