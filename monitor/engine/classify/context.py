"""Changes read with their neighbours: a list entry with the line that leads into it, a footer
under its own label, a consent banner, a condition or a period stated in the sentence before.

In: one classified Change and the version's clauses. Out: the Change re-read (material or not,
its categories) in that context.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from monitor.engine.classify.added_removed import _OPENS_A_LIST
from monitor.engine.classify.fact_diff import (
    _diff_channels,
    _diff_durations,
    _diff_facts,
    _diff_notice,
    _diff_set,
    _diff_timing,
)
from monitor.engine.classify.findings import _done, _explain, _facts, _Finding, _ordered
from monitor.engine.classify.lists import _list_items
from monitor.engine.classify.modified import SECTION_PERIOD_TOPICS, TRACKER_TERMS, _pieces, _reads_as_data
from monitor.engine.classify.page_parts import (
    _NAME_JOINERS,
    _NAME_WORD,
    ITEM_MAX_WORDS,
    SENTENCE_ENDS,
    _is_head_row,
    _is_item,
    _is_title,
    _substantial,
)
from monitor.engine.classify.textwords import _has_han, _lower_words
from monitor.engine.explain import sentence as as_sentence
from monitor.engine.facts import ClauseFacts, extract_facts, pick_lexicon
from monitor.engine.subject import with_subject
from monitor.lang import caseless
from monitor.lang.lexicon import Lexicon, canonical_language, load_lexicon
from monitor.lang.startup_cache import compile_cached
from monitor.models import MATERIAL_CATEGORIES, Change, Clause, Fact, copy_with, severity_rank

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
    if clause is None or not clauses:
        return classified
    entry = _is_entry(clause)
    lead = _lead_in(clause, clauses) if entry else _lead_in_of_sentence_entry(clause, clauses)
    if lead is None:
        return classified
    alone = _facts(lead)
    names_recipients = _names_recipients(lead)
    cookie_row = "tracking" in alone.categories and _is_body_row(clause)
    if not (
        names_recipients or cookie_row or (alone.states_flow and set(alone.categories) & MATERIAL_CATEGORIES)
    ):
        return classified
    read = extract_facts(f"{lead.text.rstrip().rstrip(':：')} {clause.text}", lead.language)
    findings = _diff_facts(alone, read) if added else _diff_facts(read, alone)
    if not entry:  # a sentence of its own: only a party or data the lexicon knows, no guess at a name
        # and only of what the lead-in is about ("We share your data with:" lists recipients;
        # "We may close your account if:" lists reasons, whatever parties they name)
        about = ENTRY_TERMS & set(alone.categories)
        kept = [f for f in findings if f.fact.category in about]
        party = (
            _labelled_party(clause.text, clause.language)
            if "sharing" in about and alone.states_flow
            else None
        )
        if not kept and party:
            # "Acme Pay: handles refunds for some orders." under "We may share your data with our
            # partners, for example:": the partner the entry is about, a party data goes to
            kept = _entry_findings("sharing", "recipient", party, added)
        return _with_findings(change, classified, kept)
    findings = [f for f in findings if f.fact.category in MATERIAL_CATEGORIES]
    own_detail = "contact" in set(read.categories) - set(alone.categories)
    if not findings and "collection" in alone.categories and own_detail:
        # "E-mail address" under "We collect the following data:": the user's own detail, collected
        findings = _entry_findings("collection", "item", clause.text.strip(), added)
    party = _named_party(clause.text, clause.language) if names_recipients else None
    if not findings and party:
        # "Cloudflare. Cloud services provider." under "Our subprocessors:": a party data goes to
        findings = _entry_findings("sharing", "recipient", party, added)
    if not findings and _names_an_unlisted_party(alone, read):
        # "our regional branches" under "Other recipients of your data are:": a party the
        # lexicon does not know, named where the lead-in says data goes, is a recipient
        findings = _entry_findings("sharing", "item", clause.text.strip().rstrip(",;."), added)
    if cookie_row and not any(f.fact.category == "tracking" for f in findings):
        # "_ga | Google | Analytics | 2 years" under "The cookies we use are the following:": a
        # cookie (or tracker) the table lists, set or no longer set, whatever else its cells say
        findings = _entry_findings("tracking", "item", _row_name(clause.text), added) + findings
    return _with_findings(change, classified, findings)


def _is_body_row(clause: Clause) -> bool:
    """A table row of cells that is no head row (a head row names the columns: "Name | Purpose")."""
    return " | " in clause.text and not _is_head_row(clause.text)


def _row_name(text: str) -> str:
    """What a table row names: its first one-word cell ("JSESSIONID" in "All sites | JSESSIONID |
    Acme | session"), else its first cell."""
    cells = [c.strip() for c in text.split(" | ") if c.strip()]
    return next((c for c in cells if len(c.split()) == 1), cells[0] if cells else text.strip())


def _with_findings(change: Change, classified: Change, findings: list[_Finding]) -> Change:
    """The change re-read from what the entry adds to (or takes from) its lead-in; as classified
    when it adds nothing."""
    if not findings:
        return classified
    severity = max((f.severity for f in findings), key=severity_rank)
    cats = _ordered({f.fact.category for f in findings})
    return _done(change, cats, findings, True, severity, _explain(findings[:6]))


# what an entry that is a sentence of its own adds under a lead-in: a party data goes to, data collected
ENTRY_TERMS = frozenset({"sharing", "collection"})


def _lead_in_of_sentence_entry(clause: Clause, clauses: Sequence[Clause]) -> Clause | None:
    """The lead-in of a list whose entries are sentences ("We may share your data with:" then
    "Insurers and banks, when you buy cover through us."): an entry that names its party or data
    and then a condition or a purpose. None when the entry says on its own that data goes or is
    collected somewhere ("We never sell your data."): a statement of its own, not an entry."""
    if clause.is_heading or _facts(clause).states_flow:
        return None
    return _loose_lead_in(clause, clauses)


def _entry_findings(category: str, kind: str, item: str, added: bool) -> list[_Finding]:
    """A list entry added or dropped, ranked as a changed set of facts is (_diff_set): a party or
    a data type added is high, one dropped medium."""
    none: frozenset[str] = frozenset()
    one = frozenset({item})
    return _diff_set(category, kind, none if added else one, one if added else none, "high", "medium")


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
    findings = _diff_set("sharing", "recipient", frozenset({before}), frozenset({after}), "high", "medium")
    return _done(change, ["sharing"], findings, True, "high", _explain(findings))


ENTRY_MAX_WORDS = 40  # an entry of a list that follows a lead-in may be a sentence of its own
BETWEEN_MAX_WORDS = 30  # the entries between it and the lead-in: short sentences at most


def _edited_entry(
    change: Change, classified: Change, old_clauses: Sequence[Clause], new_clauses: Sequence[Clause]
) -> Change:
    """An entry of a list whose lead-in says what is done with data ("We use cookies to provide
    our services, for example:") that loses or gains a use, a recipient or a data type ("Showing
    products you may like, including ads" -> "Showing products you may like"): the entry alone
    names no data, so it is read after its lead-in on each side, and what the two readings
    differ in is the change."""
    old, new = change.old, change.new
    if old is None or new is None or old.is_heading or new.is_heading:
        return classified
    lead_old, lead_new = _loose_lead_in(old, old_clauses), _loose_lead_in(new, new_clauses)
    if lead_old is None or lead_new is None or lead_old.key != lead_new.key:
        return classified
    alone = _facts(lead_old)
    lead_cats = set(alone.categories) & MATERIAL_CATEGORIES
    if classified.material:
        return _under_cookie_lead_in(classified, lead_cats)
    if not (lead_cats and (alone.states_flow or lead_cats & {"purpose", "tracking"})):
        return classified  # "We use cookies for:" says what for, as "We share data with:" says where
    intro = lead_old.text.rstrip().rstrip(":：")
    read_old = extract_facts(f"{intro} {old.text}", old.language)
    read_new = extract_facts(f"{intro} {new.text}", new.language)
    findings = [f for f in _diff_facts(read_old, read_new) if f.fact.category in MATERIAL_CATEGORIES]
    if not findings:
        return classified
    cats = {f.fact.category for f in findings}
    if cats & TRACKER_TERMS and "tracking" in lead_cats:
        cats.add("tracking")  # what the cookies the lead-in names are used for
    severity = max((f.severity for f in findings), key=severity_rank)
    return _done(change, _ordered(cats), findings, True, severity, _explain(findings[:6]))


def _under_cookie_lead_in(classified: Change, lead_cats: set[str]) -> Change:
    """A material change to an entry whose lead-in is about cookies ("We use cookies to ...,
    for example:") is about what the cookies do, so it is a tracking change as well."""
    cats = set(classified.categories)
    if "tracking" not in lead_cats or "tracking" in cats or not cats & TRACKER_TERMS:
        return classified
    return copy_with(classified, categories=_ordered(cats | {"tracking"}))


def _loose_lead_in(clause: Clause, clauses: Sequence[Clause]) -> Clause | None:
    """The line ending in ":" that `clause` follows in its section, over short sentences only
    (the list's other entries); None when the clause is long, or a heading, a long sentence or
    another section comes first."""
    if len(_NAME_WORD.findall(clause.text)) > ENTRY_MAX_WORDS:
        return None
    return _lead_in_over(
        clause, clauses, lambda other: len(_NAME_WORD.findall(other.text)) <= BETWEEN_MAX_WORDS
    )


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
    if not words or len(words) > PARTY_MAX_WORDS or _has_han(name) or not name[:1].isalnum():
        return None
    if not all(any(ch.isupper() for ch in w) or w.lower() in _NAME_JOINERS for w in words):
        return None
    if _is_title(name, language):
        return None
    facts = extract_facts(name, language)
    if facts.data_types or facts.rights_named or facts.durations or facts.states_flow:
        return None
    return name


_LABEL_SPLIT = compile_cached(r"\s*[:：]\s+")
_ASIDE = compile_cached(r"\s*\([^)]*\)")


def _labelled_party(text: str, language: str) -> str | None:
    """The name an entry that is a sentence opens with as its label ("Acme Pay (\"AP\"): handles
    refunds ...", "Bag on Board: picks up luggage ..."): a few words before the colon, the first
    and the last capitalised (short joining words between them), naming nothing the lexicon knows.
    None when the entry opens with no such label."""
    parts = _LABEL_SPLIT.split(text.strip(), maxsplit=1)
    if len(parts) != 2:
        return None
    name = _ASIDE.sub("", parts[0]).strip()
    words = _NAME_WORD.findall(_DOMAIN_END.sub("", name))
    if not words or len(words) > PARTY_MAX_WORDS or _has_han(name) or not name[:1].isalnum():
        return None
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return None
    if not all(w[0].isupper() or len(w) <= 3 for w in words):
        return None
    if _is_title(name, language):
        return None
    facts = extract_facts(name, language)
    if facts.categories or facts.data_types or facts.rights_named or facts.durations or facts.states_flow:
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
    if clause.is_heading or _has_han(text) or not text.endswith("."):
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
    return _lead_in_over(clause, clauses, _is_entry)


def _lead_in_over(
    clause: Clause, clauses: Sequence[Clause], may_stand_between: Callable[[Clause], bool]
) -> Clause | None:
    """The nearest line ending in ":" before `clause` in its section, over clauses that
    `may_stand_between` allows; None when a heading, another section or any other clause comes
    first."""
    if not _in_place(clause, clauses):
        return None
    for k in range(clause.index - 1, max(-1, clause.index - LEAD_IN_REACH), -1):
        other = clauses[k]
        if other.section != clause.section or other.is_heading:
            return None
        if _OPENS_A_LIST.search(other.text):
            return other
        if not may_stand_between(other):
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
    return copy_with(classified, material=False, severity="none", explanation=as_sentence(what))


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
    return copy_with(classified, material=False, severity="none", explanation=what)


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
    if not words or len(words) > FOOTER_LABEL_MAX_WORDS or re.search(r"\d", text) or _has_han(text):
        return False
    return not _names_term(clause)


def _names_term(clause: Clause) -> bool:
    """The clause's own words name a material category (its section aside)."""
    return bool(set(_facts(clause).categories) & MATERIAL_CATEGORIES)


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
            return copy_with(classified, facts=[], material=False, severity="none", explanation=what)
    return classified


def _period_said_beside(
    change: Change, classified: Change, old_clauses: Sequence[Clause], new_clauses: Sequence[Clause]
) -> Change:
    """A period dropped from a sentence while the sentence next to it, unchanged, states the same
    period ("We keep tickets for 60 days. After 60 days they are deleted." -> "... After that
    they are deleted."): the period was said twice and still stands once."""
    old, new = change.old, change.new
    if old is None or new is None or not classified.facts or not _in_place(new, new_clauses):
        return classified
    if any(f.kind != "duration" or f.direction != "removed" for f in classified.facts):
        return classified
    gone = {(d.days, d.category) for d in _facts(old).durations} - {
        (d.days, d.category) for d in _facts(new).durations
    }
    if not gone:
        return classified
    old_texts = {c.text for c in old_clauses}
    for at in (new.index - 1, new.index + 1):
        if not 0 <= at < len(new_clauses):
            continue
        beside = new_clauses[at]
        if beside.is_heading or beside.section != new.section or beside.text not in old_texts:
            continue
        if gone <= {(d.days, d.category) for d in _facts(beside).durations}:
            what = as_sentence("Re-worded; the period is still stated in the sentence next to it")
            return copy_with(classified, facts=[], material=False, severity="none", explanation=what)
    return classified


REFERRED_PERIOD_TOPICS = ("security", *SECTION_PERIOD_TOPICS)
BACK_REFERENCE_REACH = 40  # characters: "We do so", "Dies geschieht", "我们会这样做" open a sentence


def _period_of_previous_act(change: Change, classified: Change, clauses: Sequence[Clause]) -> Change:
    """A period in a sentence that refers back to the one before it ("If your data is breached we
    will tell you. We do so within 72 hours.", "Wir speichern Ihre Daten. Dies geschieht für 10
    Jahre.") or that is a period alone ("We keep your data while you are a customer. Until two
    years after you leave."): the period is the previous sentence's act's (a breach notice, a
    retention)."""
    old, new = change.old, change.new
    if classified.material or old is None or new is None:
        return classified
    lex = pick_lexicon(new.text, new.language)
    if not (_refers_back(new.text, lex) or _opens_with_period(new.text, lex)):
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


def _reply_period_after_request(change: Change, classified: Change, clauses: Sequence[Clause]) -> Change:
    """A period in a sentence that names no term of its own ("We will reply within one month")
    just after a sentence about the user's rights requests ("Send your request for access or
    erasure to ..."): the time to answer those requests, a rights term."""
    old, new = change.old, change.new
    if classified.material or old is None or new is None:
        return classified
    of, nf = _facts(old), _facts(new)
    durations = (*of.durations, *nf.durations)
    if of.categories != nf.categories or set(of.categories) & MATERIAL_CATEGORIES or not durations:
        return classified
    if any(d.category != "contact" for d in durations):
        return classified
    previous = _previous_sentence(new, clauses)
    if previous is None or "rights" not in _facts(previous).categories:
        return classified
    findings = _diff_durations(of, nf, "rights")
    if not findings:
        return classified
    severity = max((f.severity for f in findings), key=severity_rank)
    text = with_subject(_explain(findings), new.text, new.language)
    return _done(change, ["rights"], findings, True, severity, text)


def _deletion_after_right(change: Change, classified: Change, clauses: Sequence[Clause]) -> Change:
    """A deletion said just after a sentence granting a right ("You may object to our use of your
    data. We must then delete it." -> "We may then choose to delete it."): the deletion is what
    that right obtains, so a change to it is a rights term as well as a retention one."""
    old, new = change.old, change.new
    if not classified.material or old is None or new is None or "rights" in classified.categories:
        return classified
    if "retention" not in classified.categories:
        return classified
    lex = pick_lexicon(new.text, new.language)
    if lex.deletion is None or not (lex.deletion.search(old.text) and lex.deletion.search(new.text)):
        return classified
    previous = _previous_sentence(new, clauses)
    if previous is None or "rights" not in _facts(previous).categories:
        return classified
    return copy_with(classified, categories=[*classified.categories, "rights"])


def _notice_after_changes(change: Change, classified: Change, clauses: Sequence[Clause]) -> Change:
    """A promise to tell the user in the sentence after one about changing the policy ("We update
    these terms from time to time. We will e-mail you when we do."): the notice is of those
    changes, so a channel dropped or a notice period added is read as about changes."""
    old, new = change.old, change.new
    if classified.material or old is None or new is None or "changes" in classified.categories:
        return classified
    of, nf = _facts(old), _facts(new)
    if of.change_notice is None and nf.change_notice is None:
        return classified
    previous = _previous_sentence(new, clauses)
    if previous is None or "changes" not in _facts(previous).categories:
        return classified
    findings = (_diff_notice(of, nf) or _diff_channels(of, nf)) + _diff_timing(of, nf)
    if not findings:
        return classified
    severity = max((f.severity for f in findings), key=severity_rank)
    text = with_subject(_explain(findings), new.text, new.language)
    return _done(change, ["changes"], findings, True, severity, text)


def _data_listed_after_data(change: Change, classified: Change, clauses: Sequence[Clause]) -> Change:
    """Items added to a list in a sentence that names no practice, right after one that names data
    and no practice either, a lead-in ("Optional details about your situation. For a flat search
    these are, for example, marital status, household size and pets"): the items are kinds of that
    data, collected. Only short items that read as data count (no name, use or term)."""
    old, new = change.old, change.new
    if classified.material or old is None or new is None:
        return classified
    if set(_facts(new).categories) & MATERIAL_CATEGORIES:
        return classified
    previous = _previous_sentence(new, clauses)
    if previous is None:
        return classified
    lex = pick_lexicon(new.text, new.language)
    if lex.data_nouns is None or not caseless.search(lex.data_nouns, previous.text):
        return classified
    if set(_facts(previous).categories) & MATERIAL_CATEGORIES:
        return classified  # "We collect some data. It runs on phones, tablets and watches": devices
    added, dropped = _list_items(old.text, new.text, lex)
    if not added or dropped or not all(_reads_as_data(p, lex) for i in added for p in _pieces(i, lex)):
        return classified
    findings = [_Finding(Fact("collection", None, item, "added", "item"), "medium") for item in added]
    text = with_subject(_explain(findings), new.text, new.language)
    return _done(change, ["collection"], findings, True, "medium", text)


CHANGE_NOTICE_KINDS = frozenset({"change_notice", "change_channel", "change_timing"})


def _notice_of_business_transfer(
    change: Change, classified: Change, clauses: Sequence[Clause] | None
) -> Change:
    """A promise to tell the user, added or dropped, in a sentence about a merger or acquisition
    or just after one ("If we are bought, your data passes to the buyer. We will e-mail you
    first."): the notice is of the data passing to a new owner, a sharing term, not of changes to
    the policy."""
    if not classified.material or not classified.facts or clauses is None:
        return classified
    if any(f.kind not in CHANGE_NOTICE_KINDS for f in classified.facts):
        return classified
    clause = change.old if change.kind == "removed" else change.new
    if clause is None:
        return classified
    lex = pick_lexicon(clause.text, clause.language)
    if lex.business_transfers is None:
        return classified
    previous = _previous_sentence(clause, clauses)
    texts = [clause.text] + ([previous.text] if previous is not None else [])
    if not any(caseless.search(lex.business_transfers, t) for t in texts):
        return classified
    dropped = change.kind == "removed" or any(
        f.direction == "removed" or f.new in ("no notice", "posted") for f in classified.facts
    )
    fact = (
        Fact("sharing", "notice of a business transfer", None, "removed", "transfer_notice")
        if dropped
        else Fact("sharing", None, "notice of a business transfer", "added", "transfer_notice")
    )
    finding = _Finding(fact, "high" if dropped else "medium")
    text = with_subject(_explain([finding]), clause.text, clause.language)
    return _done(change, ["sharing"], [finding], True, finding.severity, text)


def _refers_back(text: str, lex: Lexicon) -> bool:
    """The sentence opens with words that refer back to the act of the sentence before it."""
    if lex.back_references is None:
        return False
    found = lex.back_references.search(text[:BACK_REFERENCE_REACH])
    return found is not None and not _words_before(text[: found.start()])


def _opens_with_period(text: str, lex: Lexicon) -> bool:
    """The sentence is a period opened by "until" and no act of its own ("Until five years after
    the contract ends."): it says how long the sentence before it goes on."""
    if lex.until_words is None:
        return False
    found = lex.until_words.search(text[:BACK_REFERENCE_REACH])
    if found is None or _words_before(text[: found.start()]):
        return False
    period = lex.duration.search(text, found.end())
    return period is not None and not _lower_words(text[found.end() : period.start()])


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
