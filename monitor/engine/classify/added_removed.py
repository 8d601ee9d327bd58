"""One clause added or removed: material when it is about a material category.

In: an `added` or `removed` Change and its Clause. Out: the Change classified; headings, update
stamps, names, addresses and pointers elsewhere are not material.
"""

from __future__ import annotations

import re

from monitor.engine.classify.fact_diff import ALLOWING, _diff_facts
from monitor.engine.classify.findings import _done, _explain, _facts, _ordered
from monitor.engine.classify.page_parts import (
    _NAME_WORD,
    RECIPIENT_CATEGORIES,
    SENTENCE_ENDS,
    _about_language_versions,
    _describes_the_policy,
    _disclaims_liability,
    _is_address,
    _is_copyright_line,
    _is_head_row,
    _is_item,
    _is_name,
    _is_name_only,
    _names_nothing_done,
    _points_elsewhere,
    _promises,
    _section_categories,
    _substantial,
    in_table_of_contents,
    opens_with_pointer,
)
from monitor.engine.explain import new_or_removed_clause
from monitor.engine.facts import ClauseFacts, pick_lexicon, states_effective_date
from monitor.engine.subject import with_subject
from monitor.lang import caseless
from monitor.lang.lexicon import Lexicon
from monitor.models import MATERIAL_CATEGORIES, Change, Clause, severity_rank

# A clause about these that disappears takes away a right, a safeguard or a protection.
REMOVAL_IS_HIGH = frozenset({"rights", "security", "children"})


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
    if material_cats and in_table_of_contents(clause):
        return _done(change, list(cats), [], False, "none", f"{verb} (an entry of the table of contents)")
    lex = pick_lexicon(clause.text, clause.language)
    if material_cats and _disclaims_liability(clause.text, lex) and (not added or _names_nothing_done(facts)):
        # "we accept no liability for what members send to third parties" removed: no ban went;
        # "we are not liable if you cannot use the app" added: no data practice of ours is said
        return _done(change, list(cats), [], False, "none", f"{verb} (a denial of liability)")
    if material_cats and _describes_the_policy(clause, facts):
        return _done(change, list(cats), [], False, "none", f"{verb} (says what the policy explains)")
    if material_cats and opens_with_pointer(clause, facts):
        return _done(change, list(cats), [], False, "none", f"{verb} (points to where to read more)")
    if clause.is_heading and not _promises(facts):
        return _done(change, list(cats), [], False, "none", f"heading {'added' if added else 'removed'}")
    if material_cats == {"rights"} and _is_form_label(clause, facts, lex):
        return _done(change, list(cats), [], False, "none", f"{verb} (a link label naming a form or page)")
    if (
        not material_cats
        and not facts.contacts
        and "contact" not in cats
        and (_substantial(clause.text) or (_is_item(clause) and not _is_name_only(clause.text, facts)))
        and not _is_address(clause.text)
        and not _points_elsewhere(clause)
        and not _about_language_versions(clause)
        and not states_effective_date(clause.text, lex)
        and not _defines_a_term(clause.text, lex)
    ):
        # A sentence with no keyword of its own is about what its section is about; a date from
        # which the terms apply ("they take effect on 1 March 2025") or a term defined ("you are
        # the data subject within the meaning of the GDPR") is no term of its section.
        section = set(_section_categories(clause)) & MATERIAL_CATEGORIES
        if section and not (section == {"rights"} and _is_form_label(clause, facts, lex)):
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


_OPENS_A_LIST = re.compile(r"[:：]\s*$")


def _defines_a_term(text: str, lex: Lexicon) -> bool:
    """The sentence defines a term or a role ("hereinafter 'the Provider'", "a so-called data
    subject within the meaning of the GDPR"): it grants, takes or keeps nothing."""
    return lex.term_definitions is not None and bool(caseless.search(lex.term_definitions, text))


def _introduces_ways_to_ask(clause: Clause, facts: ClauseFacts, material_cats: set[str]) -> bool:
    """A line that only leads into a list ("If your request is about the Plus plan, you can:"),
    the ways to write to us that follow being contact details. It is about rights by a word like
    "your request" but names no right: a right itself, added or dropped, is named and still counts."""
    if material_cats != {"rights"} or facts.rights or facts.rights_named:
        return False
    return bool(_OPENS_A_LIST.search(clause.text))


FORM_LABEL_MAX_WORDS = 6
# rights whose link is the control itself: a new "Opt-out page" gives a way to say no
_CONTROLS = frozenset(
    {
        "opt-out",
        "opt-out of sale",
        "reject cookies",
        "settings opt-out",
        "withdraw consent",
        "account deletion",
    }
)
FORM_LABEL_MAX_HAN = 16


def _is_form_label(clause: Clause, facts: ClauseFacts, lex: Lexicon) -> bool:
    """A short line that only names a form, a page or a link ("Complaint form of the authority",
    "Formulaire de réclamation"): a link's label, which states no right; a sentence, or a line
    that says what may be done, when or on what terms, is no label."""
    text = clause.text.strip()
    if lex.form_labels is None or not text or text.endswith(SENTENCE_ENDS):
        return False
    if lex.cjk:
        if len(text) > FORM_LABEL_MAX_HAN:
            return False
    elif len(_NAME_WORD.findall(text)) > FORM_LABEL_MAX_WORDS:
        return False
    if facts.polarity or facts.conditions or facts.durations or facts.data_types or facts.recipients:
        return False
    if facts.rights_named & _CONTROLS:
        return False  # "Opt-out page": the label is the way to say no itself
    return bool(caseless.search(lex.form_labels, text))
