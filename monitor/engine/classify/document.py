"""Every change of a version pair classified: each alone, then in context, then what still stands.

In: Changes from align.py and the two versions' clauses. Out: the classified Changes (classify),
and clause_categories for one text.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from monitor.engine.classify.added_removed import _single
from monitor.engine.classify.context import (
    _as_list_entry,
    _condition_from_removed_neighbour,
    _data_listed_after_data,
    _deletion_after_right,
    _edited_entry,
    _entry_replaced,
    _in_consent_banner,
    _notice_after_changes,
    _notice_of_business_transfer,
    _period_of_previous_act,
    _period_said_beside,
    _reply_period_after_request,
    _under_own_label,
)
from monitor.engine.classify.findings import _ordered
from monitor.engine.classify.modified import _compare
from monitor.engine.classify.resplit import SAME_WORDS, _cut_sentences, _resplit, _Versions, statement_key
from monitor.engine.classify.rights_elsewhere import right_stated_elsewhere
from monitor.engine.classify.textwords import _changed_words
from monitor.engine.facts import ClauseFacts, extract_facts, pick_lexicon, without_addresses
from monitor.engine.restated import _clause_words as _words_of
from monitor.engine.tokendiff import diff_budget
from monitor.models import MATERIAL_CATEGORIES, Change, Clause, copy_with

log = logging.getLogger(__name__)


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
    resplit.update((k, "table cells moved") for k in _moved_cell_tails(changes) if k not in resplit)
    added = {c.new.index for c in changes if c.kind == "added" and c.new is not None}
    removed = {c.old.index for c in changes if c.kind == "removed" and c.old is not None}
    repeated: set[int] | None = None  # found when a clause added or removed first alerts
    split_off: dict[int, Change] = {}  # new clause saying a negated part cut off -> the cut clause
    out = []
    for position, change in enumerate(changes):
        if position in resplit:
            if resplit[position] != SAME_WORDS:  # the same words cut otherwise: no change at all
                out.append(_quiet_part(change, resplit[position]))
            continue
        classified = _classify_safely(change)
        if not classified.material and change.kind in ("added", "removed"):
            classified = _as_list_entry(change, classified, old_clauses, new_clauses)
        if classified.material and change.kind in ("added", "removed"):
            other = versions.new if change.kind == "removed" else versions.old
            clause = change.old if change.kind == "removed" else change.new
            if other is not None and repeated is None:
                repeated = _in_repeated_run(changes, old_clauses, new_clauses)
            if (
                other is not None
                and clause is not None
                and (position in (repeated or ()) or other.still_states(clause, classified))
            ):
                where = "new" if change.kind == "removed" else "old"
                verb = "Clause removed" if change.kind == "removed" else "New clause"
                classified = copy_with(
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
            if classified.material and old_clauses is not None and new_clauses is not None:
                classified = _period_said_beside(change, classified, old_clauses, new_clauses)
            if classified.material and change.kind == "modified" and old_clauses and new_clauses:
                classified = _edited_entry(change, classified, old_clauses, new_clauses)
            if classified.material and change.kind == "modified" and new_clauses:
                classified = _deletion_after_right(change, classified, new_clauses)
            if classified.material and change.kind == "modified" and new_clauses:
                classified, part = _negated_part_split_off(change, classified, new_clauses)
                if part is not None:
                    split_off[part.index] = change
        elif change.kind == "modified" and new_clauses is not None:
            classified = _period_of_previous_act(change, classified, new_clauses)
            classified = _notice_after_changes(change, classified, new_clauses)
            classified = _reply_period_after_request(change, classified, new_clauses)
            classified = _data_listed_after_data(change, classified, new_clauses)
            if not classified.material and old_clauses is not None:
                classified = _entry_replaced(change, classified, old_clauses, new_clauses)
            if not classified.material and old_clauses is not None:
                classified = _edited_entry(change, classified, old_clauses, new_clauses)
        if classified.material:
            mine = old_clauses if change.kind == "removed" else new_clauses
            classified = _notice_of_business_transfer(change, classified, mine)
        if classified.material and change.kind in ("added", "removed"):
            theirs = new_clauses if change.kind == "removed" else old_clauses
            classified = _destination_named_elsewhere(change, classified, theirs)
        if classified.material and change.kind == "removed" and new_clauses:
            classified = _vague_line_dropped(change, classified, new_clauses)
        if classified.material and change.kind in ("added", "removed"):
            classified = _under_own_label(change, classified, old_clauses, new_clauses)
        if classified.material and change.kind in ("added", "removed", "modified"):
            classified = right_stated_elsewhere(change, classified, old_clauses, new_clauses)
        if classified.material and change.kind == "added" and new_clauses:
            classified = _in_consent_banner(change, classified, new_clauses, added)
        out.append(classified)
    out = _joined_sentences_quiet(out) if removed else out
    return _split_off_parts_quiet(out, split_off) if split_off else out


def _joined_sentences_quiet(out: list[Change]) -> list[Change]:
    """A removed sentence joined into the edited sentence next to it ("The parent must supervise
    your use." -> "You need a parent's consent, who must supervise your use."): most of its words
    stand in that sentence now, and were not there before. It was joined, not dropped: quiet."""
    edited = {c.old.index: c for c in out if c.kind == "modified" and c.old is not None and c.new is not None}
    result = []
    for change in out:
        if change.material and change.kind == "removed" and change.old is not None:
            words = _words_of(change.old)
            for n in (change.old.index - 1, change.old.index + 1):
                into = edited.get(n)
                if into is None or into.old is None or into.new is None or not words:
                    continue
                gained = words & (_words_of(into.new) - _words_of(into.old))
                if len(words & _words_of(into.new)) >= SPLIT_COVER * len(words) and gained:
                    change = copy_with(
                        change,
                        facts=[],
                        material=False,
                        severity="none",
                        explanation="Sentence joined into the sentence next to it; what it says still stands",
                    )
                    break
        result.append(change)
    return result


MIN_RUN_CHARS = 24  # a repeated run of lines shorter than this ("Yes" "No") may be another row


def _in_repeated_run(
    changes: Sequence[Change], old_clauses: Sequence[Clause] | None, new_clauses: Sequence[Clause] | None
) -> set[int]:
    """Positions of added (removed) clauses that belong to a run of two or more consecutive added
    (removed) clauses repeating, line for line, consecutive clauses of the other version: a
    paragraph or list pasted in twice (or its copy dropped). Each line of the run may be too
    short to be found as a statement alone ("Right of access", a numbered title), but the run as
    a whole says again what the other version says."""
    if old_clauses is None or new_clauses is None:
        return set()
    found: set[int] = set()
    for kind, mine, theirs in (("added", new_clauses, old_clauses), ("removed", old_clauses, new_clauses)):
        at = {c.index: n for n, c in enumerate(mine)}
        changed: dict[int, int] = {}  # place in `mine` -> position in `changes`
        for position, change in enumerate(changes):
            clause = change.new if kind == "added" else change.old
            if change.kind == kind and clause is not None and clause.index in at:
                changed[at[clause.index]] = position
        if not changed:
            continue
        my_keys = [statement_key(c.text) for c in mine]
        their_keys = [statement_key(c.text) for c in theirs]
        where: dict[str, list[int]] = {}
        for n, key in enumerate(their_keys):
            where.setdefault(key, []).append(n)
        for place in changed:
            for other in where.get(my_keys[place], ()):
                start, end = place, place + 1
                while (
                    start - 1 in changed
                    and other - (place - start) - 1 >= 0
                    and (my_keys[start - 1] == their_keys[other - (place - start) - 1])
                ):
                    start -= 1
                while (
                    end in changed
                    and other + (end - place) < len(their_keys)
                    and (my_keys[end] == their_keys[other + (end - place)])
                ):
                    end += 1
                if end - start >= 2 and sum(len(my_keys[n]) for n in range(start, end)) >= MIN_RUN_CHARS:
                    found.add(changed[place])
                    break
    return found


def _moved_cell_tails(changes: Sequence[Change]) -> set[int]:
    """Positions of edited clauses that only gained (or lost) the other cells of a table row at
    their end, from the row's last sentence dropped (or added) beside them: "... complète." ->
    "... complète. | Contrat | Qwant" when "Enfin, ... | Contrat | Qwant" was deleted from the
    cell. The row's other columns moved to the sentence before; that sentence says the same."""
    found: set[int] = set()
    for k, change in enumerate(changes):
        old, new = change.old, change.new
        if change.kind != "modified" or old is None or new is None:
            continue
        gained = new.text.startswith(old.text)
        longer, shorter = (new.text, old.text) if gained else (old.text, new.text)
        tail = longer[len(shorter) :].strip()
        if not tail.startswith("|") or not longer.startswith(shorter):
            continue
        wanted = "removed" if gained else "added"
        for n in (k - 1, k + 1, k - 2, k + 2):
            if not 0 <= n < len(changes) or changes[n].kind != wanted:
                continue
            other = changes[n].old if gained else changes[n].new
            mine = old if gained else new
            if other is not None and abs(other.index - mine.index) == 1 and other.text.endswith(tail):
                found.add(k)
                break
    return found


def _quiet_part(change: Change, what: str) -> Change:
    """One half of a split or joined sentence, classified as no change of terms."""
    clause = change.new if change.new is not None else change.old
    cats = list(extract_facts(clause.text, clause.language).categories) if clause is not None else []
    return copy_with(
        change,
        categories=_ordered(cats),
        facts=[],
        material=False,
        severity="none",
        explanation=f"{what.capitalize()}; no term changed",
    )


# a sentence that names a place for data: sent there, kept there, gathered or handed over there
_WHERE_DATA_IS = frozenset({"transfer", "retention", "collection", "sharing"})


def _destination_named_elsewhere(
    change: Change, classified: Change, theirs: Sequence[Clause] | None
) -> Change:
    """A sentence added or dropped whose only finding is a country data goes to or is kept in
    ("Our servers are located in Canada." dropped) while a sentence of the other version still
    says data is stored, processed or sent there ("We store your data in Canada."): the place is
    still named, so no destination came or went. A safeguard, recipient or other term dropped
    with it is a finding of its own and still alerts."""
    facts = classified.facts
    if not theirs or not facts or any(f.category != "transfer" or f.kind != "country" for f in facts):
        return classified
    clause = change.old if change.kind == "removed" else change.new
    own = extract_facts(clause.text, clause.language) if clause is not None else None
    if own is None or own.conditions or set(own.categories) - {"transfer"}:
        return classified  # "... only under standard contractual clauses": a safeguard goes too
    places = {f.old if change.kind == "removed" else f.new for f in facts}
    for clause in theirs:
        other = extract_facts(clause.text, clause.language)
        if set(other.categories) & _WHERE_DATA_IS and places <= other.places:
            where = "new" if change.kind == "removed" else "old"
            verb = "Clause removed" if change.kind == "removed" else "New clause"
            return copy_with(
                classified,
                facts=[],
                material=False,
                severity="none",
                explanation=f"{verb}; the place it names for your data is still named in the {where} version",
            )
    return classified


def _states_nothing(facts: ClauseFacts) -> bool:
    """The clause is about a topic by its words alone: it names no period, party, kind of data,
    use, place, right, measure, age, promise, condition or notice ("We care deeply about the
    security of your information.")."""
    return not (
        facts.durations
        or facts.retention_states
        or facts.ages
        or facts.places
        or facts.polarity
        or facts.recipients
        or facts.data_types
        or facts.purposes
        or facts.ruled_out
        or facts.rights
        or facts.rights_named
        or facts.breach_states
        or facts.change_notice
        or facts.change_channels
        or facts.change_timing
        or facts.security_measures
        or facts.conditions
    )


def _vague_line_dropped(change: Change, classified: Change, new_clauses: Sequence[Clause]) -> Change:
    """A removed sentence that only speaks of security in general ("We value the security of your
    data and work hard to protect it."), naming no measure, incident, promise or condition of its
    own, while a sentence of the new version still names a security measure or what is done after
    a breach: an introduction re-written or a line of reassurance dropped takes away no safeguard.
    A sentence that names a measure itself, or one dropped when the new version names none any
    more, still alerts. Only security: a sentence about rights, data or sharing may state a term
    in words no lexicon lists ("you can ask us to complete your data"), and its topic is taken
    from its own words only (a list item under "Information we collect" says what it lists)."""
    clause = change.old
    if clause is None or classified.facts:
        return classified
    facts = extract_facts(clause.text, clause.language)
    if set(facts.categories) & MATERIAL_CATEGORIES != {"security"} or not _states_nothing(facts):
        return classified
    for other in new_clauses:
        kept = extract_facts(other.text, other.language)
        if kept.security_measures or kept.breach_states:
            return copy_with(
                classified,
                material=False,
                severity="none",
                explanation="Clause removed; it named no safeguard, and the new version still names "
                "security measures",
            )
    return classified


SPLIT_COVER = 0.7  # share of the words cut off that the sentence restating them must hold
SPLIT_MIN_WORDS = 3  # fewer words cut off say too little to be found again


def _negated_part_split_off(
    change: Change, classified: Change, new_clauses: Sequence[Clause]
) -> tuple[Change, Clause | None]:
    """A sentence that lost only a negated part ("We do not sell your data and do not
    discriminate against you for using your rights." -> "We do not sell your data.") while
    another sentence of the new version says that part again, negated ("We will not discriminate
    against you for exercising your privacy rights."): the sentence was split in two and the part
    re-worded, so nothing once ruled out may now happen. Only a pure cut: words put in as well
    are judged as they are, and a part found nowhere else, or found without a negator, still
    alerts. Also gives the sentence saying the part again."""
    old, new = change.old, change.new
    if old is None or new is None:
        return classified, None
    lex = pick_lexicon(old.text, old.language)
    if lex.negators is None:
        return classified, None
    pairs = _changed_words(old.text, new.text)
    if not pairs or any(_words_in(n) for _, n in pairs):
        return classified, None  # words were put in too: not a part cut off
    cut = " ".join(o for o, _ in pairs)
    if not lex.negators.search(cut):
        return classified, None
    words = _words_of(copy_with(old, text=cut))
    if len(words) < SPLIT_MIN_WORDS:
        return classified, None
    for other in new_clauses:
        if other.index == new.index or not lex.negators.search(other.text):
            continue
        if len(words & _words_of(other)) >= SPLIT_COVER * len(words):
            quiet = copy_with(
                classified,
                facts=[],
                material=False,
                severity="none",
                explanation="Sentence split; the part cut off is said again, negated, in a sentence "
                "of its own",
            )
            return quiet, other
    return classified, None


def _split_off_parts_quiet(out: list[Change], split_off: dict[int, Change]) -> list[Change]:
    """The added sentences that say again a negated part cut off another sentence are quiet too,
    when most of their words stand in the sentence they were cut from: the part, not something
    new beside it."""
    result = []
    for change in out:
        cut_from = split_off.get(change.new.index) if change.kind == "added" and change.new else None
        if change.material and cut_from is not None and cut_from.old is not None and change.new is not None:
            words = _words_of(change.new)
            if words and len(words & _words_of(cut_from.old)) >= SPLIT_COVER * len(words):
                change = copy_with(
                    change,
                    facts=[],
                    material=False,
                    severity="none",
                    explanation="Sentence split; this part was said in one sentence of the old version",
                )
        result.append(change)
    return result


def _words_in(text: str) -> bool:
    """The text holds a word (letters or Han characters), not only punctuation or spaces."""
    return any(ch.isalpha() for ch in text)


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
    cut = copy_with(change, old=copy_with(old, text=old_text), new=copy_with(new, text=new_text))
    again = _classify_safely(cut)
    if again.material:
        return copy_with(again, old=old, new=new)
    return copy_with(
        again,
        old=old,
        new=new,
        explanation="Sentences joined or split; what they say is stated elsewhere in the other version",
    )


def _classify_safely(change: Change) -> Change:
    # One odd clause must not cost the whole diff: it is listed, unclassified, and logged.
    try:
        return _classify(change)
    except Exception as exc:  # noqa: BLE001 - any failure here is a bug to log, not to raise
        log.exception("could not classify a %s change", change.kind)
        return copy_with(change, explanation=f"Could not be classified ({type(exc).__name__})")


def clause_categories(text: str, language: str) -> list[str]:
    """The categories a single clause is about (used for added/removed clauses and for routing)."""
    return list(extract_facts(text, language).categories)


def _classify(change: Change) -> Change:
    if change.kind in ("added", "removed"):
        clause = change.new if change.kind == "added" else change.old
        return _single(change, clause) if clause is not None else change
    old, new = change.old, change.new
    if old is None or new is None:
        return change
    if old.text == new.text:
        cats = list(extract_facts(new.text, new.language).categories)
        return copy_with(
            change,
            categories=cats,
            facts=[],
            material=False,
            severity="none",
            explanation="Moved; text unchanged" if change.kind == "moved" else "No change in text",
        )
    return _compare(change, old, new)
