"""A right still stated elsewhere: the fact decides, not the words.

In: a classified Change whose only material terms are rights (a clause about rights added or
removed, or an edited clause that names a right no longer, or newly), and the other version's
clauses. Out: the Change quiet when every such right is still stated in some clause of the
other version (that version's "you are entitled to complain to a data protection authority" for
"you have a right to lodge a complaint with a supervisory authority"), on no narrower terms: the
side that is new adds no condition ("only", "unless ..."), no fee and no other period. A right
re-written in a "Your rights" section, sentences merged and split, changes nothing a reader
relies on; a right stated nowhere else, or restated "only once a year", still alerts.
restated.py asks for mostly the same words, which a re-written rights section does not keep.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from monitor.engine.classify.page_parts import _promises, _section_categories
from monitor.engine.classify.textwords import _unexcepted
from monitor.engine.facts import ClauseFacts, extract_facts, pick_lexicon
from monitor.lang import caseless
from monitor.models import MATERIAL_CATEGORIES, Change, Clause

# the rights a person holds over their data as a whole, whatever practice a sentence speaks of:
# said anywhere, they are stated. Opting out, objecting, withdrawing consent or deleting an
# account are rights over one practice ("opt out of marketing e-mails"), which another sentence
# naming the same kind of right may not cover.
GENERAL_RIGHTS = frozenset({"access", "rectification", "erasure", "restriction", "portability", "complaint"})


def right_stated_elsewhere(
    change: Change,
    classified: Change,
    old_clauses: Sequence[Clause] | None,
    new_clauses: Sequence[Clause] | None,
) -> Change:
    """`classified` quiet when each right it finds lost (or new) is stated in a clause of the
    other version (the new version for a right lost, the old one for a right gained) on terms no
    narrower for the reader."""
    if not classified.material:
        return classified
    if change.kind in ("added", "removed"):
        clause = change.old if change.kind == "removed" else change.new
        if clause is None:
            return classified
        facts = extract_facts(clause.text, clause.language)
        rights = _only_rights(facts, classified, clause)
        if not rights:
            return classified
        own = None
    elif change.kind == "modified" and change.old is not None and change.new is not None:
        rights = _right_findings(classified)
        if not rights:
            return classified
        lost = {r for r, gone in rights if gone}
        clause = change.old if lost else change.new
        if lost and len(lost) != len(rights):
            return classified  # rights lost and rights gained in one edit: judged as it is
        facts = extract_facts(clause.text, clause.language)
        rights = {r for r, _ in rights}
        own = change.new.index if lost else change.old.index
    else:
        return classified
    removal = change.kind == "removed" or (change.kind == "modified" and clause is change.old)
    theirs = new_clauses if removal else old_clauses
    if not theirs or _negated(clause):
        return classified  # "you cannot ask us to erase public posts": a right limited, not stated
    for right in rights:
        if not any(_states(right, other, facts, removal) for other in theirs if other.index != own):
            return classified
    where = "new" if removal else "old"
    return replace(
        classified,
        facts=[],
        material=False,
        severity="none",
        explanation=f"Re-worded; the {'rights it named are' if len(rights) > 1 else 'right it named is'} "
        f"still stated in the {where} version",
    )


def _right_findings(classified: Change) -> set[tuple[str, bool]]:
    """The rights an edited clause lost (True) or gained (False), when rights are all it found."""
    found = set()
    for fact in classified.facts:
        if fact.kind != "right" or fact.category != "rights":
            return set()
        right = fact.old if fact.direction == "removed" else fact.new
        if right not in GENERAL_RIGHTS:
            return set()
        found.add((right, fact.direction == "removed"))
    return found


def _only_rights(facts: ClauseFacts, classified: Change, clause: Clause) -> frozenset[str]:
    """The rights a clause states, when rights are the only material term it states: no data, no
    party, no use, no period, no promise, no place. Under a heading about rights, a right named
    in words the rights keywords miss ("a right of complaint exists") is stated there."""
    if set(classified.categories) & MATERIAL_CATEGORIES != {"rights"}:
        return frozenset()
    if any(f.kind != "right" for f in classified.facts):
        return frozenset()
    named = facts.rights or (facts.rights_named if "rights" in _section_categories(clause) else frozenset())
    if not named or not named <= GENERAL_RIGHTS:
        return frozenset()
    rights = named
    said = (
        facts.durations
        or facts.retention_states
        or facts.ages
        or facts.places
        or facts.recipients
        or facts.data_types
        or facts.purposes
        or facts.ruled_out
        or facts.breach_states
        or facts.change_notice
        or facts.security_measures
    )
    if said or _promises(facts):
        return frozenset()
    return rights


def _states(right: str, other: Clause, own: ClauseFacts, removal: bool) -> bool:
    """`other` states `right`, on terms no narrower on the version that is new: with no condition,
    cost or period the old side did not have."""
    if other.is_heading or (removal and _negated(other)):
        return False  # a heading names a section; "... cannot be erased" limits the right
    facts = extract_facts(other.text, other.language)
    if right not in facts.rights and not (
        right in facts.rights_named and "rights" in _section_categories(other)
    ):
        return False
    old, new = (own, facts) if removal else (facts, own)
    if not new.conditions <= old.conditions:
        return False  # "... only once a year", "... unless": the right narrowed
    if "fee" in new.rights_named and "fee" not in old.rights_named:
        return False
    if "free of charge" in old.rights_named and "free of charge" not in new.rights_named:
        return False
    periods = {(d.category, d.days) for d in new.durations}
    return periods <= {(d.category, d.days) for d in old.durations}


def _negated(clause: Clause) -> bool:
    """The clause holds a negator that negates something ("you cannot ...", "we will not ...")."""
    lex = pick_lexicon(clause.text, clause.language)
    return lex.negators is not None and caseless.search(lex.negators, _unexcepted(clause.text, lex))
