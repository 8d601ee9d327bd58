"""One modified clause: old and new compared, first matching rule wins.

In: a `modified` Change with its old and new Clause. Out: the Change with categories, material,
severity and explanation (see the package docstring for the order of the checks).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from difflib import SequenceMatcher

from monitor.engine.classify.conditions import _diff_conditions, _modal_swapped, _without_items_now_banned
from monitor.engine.classify.fact_diff import ACTION_CATEGORY, _diff_durations, _diff_facts, _diff_set
from monitor.engine.classify.findings import _done, _explain, _facts, _Finding, _ordered
from monitor.engine.classify.lists import _item_categories, _list_items, _names_swapped, _proper_name
from monitor.engine.classify.negation import (
    _modality_change,
    _negation_change,
    _right_negated,
    _users_own_use,
)
from monitor.engine.classify.page_parts import (
    RECIPIENT_CATEGORIES,
    SENTENCE_ENDS,
    _describes_the_policy,
    _disclaims_liability,
    _names_nothing_done,
    _section_categories,
    _substantial,
    only_points_to_other_texts,
)
from monitor.engine.classify.textwords import (
    _WORD,
    _changed_words,
    _content_words,
    _count_change,
    _count_changed,
    _snip,
    _unexcepted,
)
from monitor.engine.classify.wording import (
    _conditional_ban,
    _end_date_moved,
    _han_transposed,
    _is_typo_fix,
    _mask,
    _only_negation_edited,
    _repeat_dropped,
    _words_repeat_dropped,
)
from monitor.engine.explain import PLAIN_DATA_TYPES, reworded, wording
from monitor.engine.facts import (
    SOURCE_LOOKBACK,
    ClauseFacts,
    _names_breach,
    _source_tail,
    extract_facts,
    is_list_negator,
    pick_lexicon,
)
from monitor.engine.facts import _sends as _text_sends
from monitor.engine.segment import split_sentences
from monitor.engine.subject import with_subject
from monitor.lang import caseless
from monitor.lang.lexicon import Lexicon
from monitor.lang.startup_cache import compile_cached
from monitor.models import MATERIAL_CATEGORIES, Change, Clause, Fact, severity_rank

# rights that let the user refuse what a sentence does: dropped from a sentence that sends data,
# the sending is no longer optional
OPT_OUTS = frozenset({"opt-out", "opt-out of sale", "objection", "withdraw consent"})

# Categories whose clauses enumerate things (data, recipients, purposes, places, measures, rights).
LIST_CATEGORIES = frozenset(
    {"collection", "sharing", "purpose", "transfer", "security", "rights", "tracking"}
)

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


def _one_reading(old: Clause, new: Clause) -> tuple[ClauseFacts, ClauseFacts]:
    """Both versions read in one language. An edit of a few words leaves a clause in the language
    it was written in, but a short clause's function words can tip another lexicon's way ("in
    Nederland en in Duitsland": two Slovenian "in"s): the new side is read in the old side's
    language when that lexicon still takes it (else the old in the new's), so a place or a party
    is not lost only because the other side was read with a lexicon that cannot name it."""
    of, nf = _facts(old), _facts(new)
    if of.language == nf.language or old.language != new.language:
        return of, nf
    again = extract_facts(new.text, of.language)
    if again.language == of.language:
        return of, again
    again = extract_facts(old.text, nf.language)
    if again.language == nf.language:
        return again, nf
    return of, nf


def _measure_word_replaced(
    pairs: list[tuple[str, str]], of: ClauseFacts, nf: ClauseFacts, lex: Lexicon
) -> bool:
    """A safeguard's word put in place of another's ("anonymised" -> "pseudonymised"): the
    measures differ and a new word names one, no misspelling and no name swapped."""
    if of.security_measures == nf.security_measures:
        return False
    return any(
        was and now and any(caseless.search(p, now) for p in lex.security_measures.values())
        for was, now in pairs
    )


def _compare(change: Change, old: Clause, new: Clause) -> Change:
    of, nf = _one_reading(old, new)
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
    same_parties = same_parties and not _measure_word_replaced(pairs, of, nf, lex)
    scope_swapped = bool(material_cats) and _scope_swapped(pairs, old.text, new.text, lex)
    if same_parties and not scope_swapped and _names_swapped(pairs, old.text, new.text, lex):
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
    findings = _without_items_now_banned(findings, nf) + _any_time_changed(of, nf, lex, old.text, new.text)
    findings += _default_switched(lex, old.text, new.text, material_cats or set(_section_categories(new)))
    findings += _unsafeguarded(lex, old.text, new.text, of, nf)
    findings += _breach_channel_changed(of, nf, lex, old, new)
    findings += _override_grounds_changed(lex, old.text, new.text)
    if not findings:
        listed = _details_listed(of, nf, old.text, new.text, clause_cats, lex)
        findings = listed or _access_narrowed(of, nf, pairs)
    if _only_what_the_policy_covers(findings, old, of, new, nf):
        # "It governs data transfers, storage periods and your rights" -> "... and storage periods":
        # the topics a document covers, listed; its other sentences state the terms
        return _done(change, list(clause_cats), [], False, "none", prefix + "says what the policy explains")
    if only_points_to_other_texts(old) and only_points_to_other_texts(new):
        # "Our cookie notice explains which cookies we set" -> "Read which cookies we set and how to
        # refuse them in our cookie notice": what another text explains, said either way
        return _done(change, list(clause_cats), [], False, "none", prefix + "points to another text")
    if old.is_heading and new.is_heading and not findings_state_terms(findings):
        # "Export of data" -> "Transfer of data to third countries": a title names what its section
        # is about; the terms are in the section's sentences (an added heading is quiet alike)
        return _done(change, list(clause_cats), [], False, "none", prefix + "heading re-worded")
    unrespelt = _unless_place_respelt(findings, pairs, lex, old.text, new.text)
    if (
        _one_sided(unrespelt)
        and not _measure_word_replaced(pairs, of, nf, lex)
        and _is_typo_fix(pairs, lex, old.text, new.text)
    ):
        # A misspelt keyword makes a fact vanish (or a fixed one appear) with nothing in its place.
        return _done(change, list(clause_cats), [], False, "none", prefix + "typo fix")
    findings = _rights_as_deletion_triggers(findings, of, nf, lex, old.text, new.text)
    if findings:
        severity = max((f.severity for f in findings), key=severity_rank)
        cats = {f.fact.category for f in findings}
        kinds = {f.fact.kind for f in findings}
        if cats & TRACKER_TERMS and "tracking" in clause_cats:
            # what cookies are for, what they gather, who gets their data, the choice, how they
            # are safeguarded: tracking terms
            cats.add("tracking")
        if ("tracking" in of.categories) != ("tracking" in nf.categories):
            cats.add("tracking")  # "we count visits" -> "we count visits with cookies": a tracker named anew
        if not of.categories:
            # "the drive is a storage platform" -> "... your files are saved in it automatically, and
            # you can delete them": a sentence that stated no term now states these, as if added
            cats |= set(nf.categories) & MATERIAL_CATEGORIES
        if "retention" in cats and _keeps_only_trackers(clause_cats, lex, old.text, new.text):
            cats.add("tracking")  # "analytics cookies are stored for 13 months" -> "24 months": a lifetime
        if "purpose" in kinds and "retention" in set(of.categories) & set(nf.categories):
            # "we may keep your data for other reasons, such as legal duties" -> "... or for
            # advertising": a new reason to keep the data is a term of keeping it, as of its use
            cats.add("retention")
        if "purpose" in kinds and "objection" in of.rights & nf.rights:
            # "you may object to our use of your data for analytics or for marketing" -> "... for
            # analytics": the uses the right to object reaches, a term of that right
            cats.add("rights")
        if _tracker_lifetime_changed(findings):
            # "the _ga cookie expires after 2 years" -> "5 years": how long the identifier stays
            # stored on the device is a storage period as well as a tracking term
            cats.add("retention")
        if "condition" in {f.fact.kind for f in findings} and "tracking" in _section_categories(new):
            cats.add("tracking")  # "kept on your device only if you allow it" under "Cookies"
        sends = _sends(of) or _sends(nf)
        if "recipient" in kinds and "collection" in clause_cats and not sends:
            cats.add("collection")  # "obtained from partners or data brokers": where data comes from
        if "security_measure" in kinds and sends:
            cats.add("sharing")  # "an anonymised ID is shared" -> "your e-mail is shared": what goes out
        if (
            "purpose" in kinds
            and of.recipients & nf.recipients
            and (sends or clause_cats & {"sharing", "transfer"})
        ):
            # "transferred to service providers for hosting and storage" -> "… and advertising": what
            # the parties who get the data do with it, a term of that sharing
            cats.add("sharing")
        if "purpose" in kinds and sends and "sharing" in clause_cats:
            cats.add("sharing")  # "we share it only when the law requires it, or for advertising"
        if "purpose" in kinds and "sharing" in set(of.categories) & set(nf.categories):
            # "where we engage service providers, the same strict rules apply to them" -> "…, they
            # may also use your data for their own advertising": a use by the party the data goes to
            cats.add("sharing")
        backups = any("backups" in (f.fact.old, f.fact.new) for f in findings)
        if backups and "retention" in clause_cats:
            cats.add("retention")  # "deleted from our systems and backups" -> "... systems": kept in backups
        if "security_measure" in kinds and "collection" in set(nf.categories) - set(of.categories):
            # "kept in anonymous form" -> "kept with your IP address": the data is now tied to you
            cats.add("collection")
        anonymised = any({"pseudonymisation", "anonymisation"} & {f.fact.old, f.fact.new} for f in findings)
        if "security_measure" in kinds and anonymised and _sent_out(old.text, new.text, lex):
            # "a hash of your e-mail address may be sent to Gravatar" -> "your e-mail address may be
            # sent": what goes out to the party is now the data itself
            cats.add("sharing")
        if "security_measure" in kinds and anonymised:
            # "anonymous, aggregated data may be kept / is used for analytics" -> "your data ...": the
            # data kept or used is now about you, a change to what is kept or what it is used for
            cats |= clause_cats & {"retention", "purpose"}
        if _kept_data_ruled_in_or_out(findings, of, nf):
            cats.add("retention")  # "card numbers are never stored" -> "are stored": what is kept
        if _rights_term_changed(findings, of, nf):
            cats.add("rights")  # "use your rights ..., enclosing a copy of your ID": what a request needs
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
    if modality and not negation and _use_said_as_enabling(old.text, new.text, material_cats, lex):
        modality = 0  # "we may use your data to X" -> "the use of your data enables X": the same use
    possibility_reworded = bool(modality) and _count_change(lex.enablers, old.text, new.text) == -modality
    if possibility_reworded and not negation:
        modality = 0  # "which may reveal X" -> "and allow inferring X": a possibility said as enabling
    if not material_cats and negation and not (of.contacts or nf.contacts or "contact" in clause_cats):
        # "We ask for your consent first" -> "We do not ask for it", under "Cookies": a sentence
        # with no keyword of its own is about what its section is about
        material_cats = set(_section_categories(new)) & MATERIAL_CATEGORIES or _names_data(old.text, lex)
    if material_cats and (negation or modality):
        # Fewer negations: something once ruled out may now happen.
        severity = "high" if negation < 0 else "medium"
        finding = _Finding(Fact(_ordered(material_cats)[0], was, now, "changed", "wording"), severity)
        aimed = modality > 0 and _count_change(lex.aims, old.text, new.text) > 0
        text = wording(
            _ordered(material_cats), negation, modality if _modal_swapped(pairs, lex) else 0, aimed
        )
        return _done(change, list(material_cats), [finding], True, severity, prefix + text)
    listed = _without_catch_alls(_list_items(old.text, new.text, lex), lex)
    if lex.reassurances is not None:  # "不用担心，您可以查阅、更正……": a reassurance opens the list, no item
        listed = (
            tuple(i for i in listed[0] if not _reassures(i, lex)),
            tuple(i for i in listed[1] if not _reassures(i, lex)),
        )
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
    if "rights" in material_cats and lex.request_nouns is not None:
        # "stating your name, the reason for your request and the right concerned": what a request
        # gives is no right; an item named only by "your request" drops or adds none
        listed = (
            tuple(i for i in listed[0] if not _request_detail(i, new.language, lex)),
            tuple(i for i in listed[1] if not _request_detail(i, old.language, lex)),
        )
    list_cats = material_cats & LIST_CATEGORIES
    if not (of.states_flow or nf.states_flow):  # "bought A or B through a reseller": products
        list_cats -= RECIPIENT_CATEGORIES
    if list_cats == {"transfer"} and of.places and of.places == nf.places:
        listed = _naming_places(listed, new.language)
    if not list_cats and (of.states_flow or nf.states_flow) and _items_name_purposes(listed, lex):
        list_cats = {"purpose"}  # "… or promotional messages" added to what data is used for
    held = "retention" in material_cats
    if not list_cats and (of.states_flow or nf.states_flow) and _lists_data_kind(listed, new.language, held):
        list_cats = {"collection"}  # "we process device data, location data and crash reports"
    if not list_cats and not material_cats and _lists_data_kind(listed, new.language, plain=True):
        # "our servers log the pages opened, the time and your IP address": a sentence that names
        # no other practice and lists kinds of data lists what is recorded, collected
        list_cats = {"collection"}
    if not list_cats and not material_cats and _lists_under_collection(listed, new, lex):
        # "… household size, preferred move-in date and pets" under "Information we collect": the
        # sentence names no verb, its section says what its items are, data collected
        list_cats = {"collection"}
    if not list_cats and not material_cats and _lists_processed_data(listed, old.text, new.text, lex):
        # "further data will be processed, such as your card number, your address and your date
        # of birth": items of the data the sentence says is processed, collected
        list_cats = {"collection"}
    if _deletion_scope_narrowed(listed, list_cats, material_cats, old.text, lex):
        list_cats = {"retention"}  # "deleted from our servers, databases and backups": less is deleted
    if _deletion_exception_listed(listed, material_cats, old.text, new.text, lex):
        list_cats = {"retention"}  # "erased unless needed for A" -> "… for A or B": less is erased
    if list_cats & RECIPIENT_CATEGORIES and lex.journeys is not None:
        # "if you book a flight from A to B or C, we give your data to the authorities": the
        # places of the user's trip are where the user goes, not whom the data is given to
        listed = (
            tuple(i for i in listed[0] if not _trip_place(i, new.text, lex)),
            tuple(i for i in listed[1] if not _trip_place(i, old.text, lex)),
        )
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
                # "… and from credit agencies": where data comes from (erased "from our backups": no source)
                if list_cats != {"retention"} and _names_a_source(item, text, language):
                    own = named = {"collection"}
                if "contact" in named:  # "phone number" in a list: a kind of data, collected
                    named.add("collection")
                data = "collection" in named
                if data and "sharing" in own:
                    named.add("sharing")  # "your e-mail and phone number will be public": data shared
                own = own & named or own
                if "retention" in named and not own & named:
                    # "… legitimate purposes, limited retention periods and respect for your rights":
                    # an item that says how long data is kept is a retention term too, beside what the
                    # list is about ("decide on cookies and their deletion": still about cookies)
                    own = own | {"retention"}
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
        if "purpose" in cats and "objection" in of.rights & nf.rights:
            cats.add("rights")  # a use dropped from or added to what the right to object reaches
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
    if changed_cats and possibility_reworded:
        # "pouvant révéler X" -> "permettant de déduire X": the verb of what is possible changed
        # with its modal put as an enabler; what the rest of the sentence states is the same
        changed_cats = _beyond_possibilities(changed_cats, old.text, new.text, lex)
    if "rights" in changed_cats and _request_named_only(old, new, lex):
        changed_cats.discard("rights")  # "state the reason for your request" dropped: no right went
    if "purpose" in changed_cats and _users_own_use(lex, old.text, new.text):
        changed_cats.discard("purpose")  # "Sie können unsere Website nutzen": the user uses the site
    if changed_cats and _label_restates_body(old, new, changed_cats):
        # "Device information that we collect: We collect ..." -> "Device information: We collect
        # ...": the label's words for what is done say again what the text after it states
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; no term changed")
    if changed_cats and _synonyms_swapped(old.text, new.text, pairs, changed_cats, of, nf, lex):
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; no term changed")
    if (
        changed_cats
        and changed_cats <= {"collection", "retention"}
        and _record_verb_for_store(pairs, lex, old.text, new.text)
    ):
        # "registreres i en database" -> "gemmes i en database": data recorded somewhere is kept
        # there; the same act in another verb
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; no term changed")
    if changed_cats == {"sharing"} and _same_recipients_reworded(of, nf, pairs, lex, old.text, new.text):
        # "uses third-party services to store them" -> "hands them to third-party services to
        # store": the same parties receive the same data; only the verb for it changed
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; the same recipients")
    if changed_cats == {"sharing"} and _recipient_named_otherwise(of, nf, pairs, lex, old.text, new.text):
        # "über sichere Zahlungsdienstleister" -> "über sichere Zahlungsanbieter": one name for the
        # same kind of party put for another; no party came or went
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; the same recipients")
    if changed_cats and changed_cats <= {"sharing", "transfer"} and _transfer_verb_for_sharing(of, nf):
        # "geben wir Ihre Daten an den Versanddienstleister weiter" -> "übermitteln wir … an den
        # Versanddienstleister": the same party gets the data; no country is named on either side
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; the same recipients")
    if changed_cats == {"purpose"} and _use_said_as_enabling(old.text, new.text, material_cats, lex):
        # "podemos utilizar … para" -> "el uso de … nos permite": "use" said once as a verb with its
        # aim, once as a noun; the hit counts differ, the use does not
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; the same purpose")
    if changed_cats == {"purpose"} and (
        _purpose_marker_only(old.text, new.text, of, nf, lex) or _purpose_marker_in_edits(pairs, of, nf, lex)
    ):
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; the same purpose")
    if changed_cats == {"retention"} and _period_named_again(pairs, lex, of, nf, new.text):
        # "when the retention period ends" -> "when that period ends": the period the clause
        # named before, pointed back at; no period, deletion or data kept changed
        return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; no term changed")
    if not changed_cats and scope_swapped:
        # "delete some of your data" -> "delete all of your data": the same act over more or less
        changed_cats = material_cats
    if changed_cats & TRACKER_TERMS and "tracking" in set(of.categories) & set(nf.categories):
        # "data gathered by cookies is processed on your consent" -> "on our legitimate interest":
        # what is said of the cookies in other words is a tracking term, as in the findings above
        changed_cats.add("tracking")
    if changed_cats & RECIPIENT_CATEGORIES and _edited_sentences_secure(old, new):
        # "measures taken by us and by our service providers" -> "… by us": whom the safeguards
        # bind, a term of security as well as of who handles the data
        changed_cats.add("security")
    if changed_cats:
        finding = _Finding(Fact(_ordered(changed_cats)[0], was, now, "changed", "wording"), "low")
        return _done(
            change, list(changed_cats), [finding], True, "low", prefix + reworded(_ordered(changed_cats))
        )
    return _done(change, list(clause_cats), [], False, "none", prefix + "re-worded; no term changed")


def _scope_swapped(pairs: list[tuple[str, str]], old: str, new: str, lex: Lexicon) -> bool:
    """One changed word pair puts a word for a part of the data ("some", "部分") in place of one for
    all of it ("all", "全部"), or the other way round: what the sentence covers grew or shrank.
    In CJK text, whose diff is by character, one such word fewer and one of the other more."""
    part, whole = lex.partial_scope, lex.whole_scope
    if part is None or whole is None:
        return False
    if lex.cjk:
        fewer_part = caseless.count(part, old) - caseless.count(part, new)
        more_whole = caseless.count(whole, new) - caseless.count(whole, old)
        return fewer_part * more_whole > 0

    def says(pattern: re.Pattern[str], words: str) -> bool:
        return pattern.fullmatch(words.strip().lower()) is not None

    return any(
        (says(part, o) and says(whole, n)) or (says(whole, o) and says(part, n)) for o, n in pairs if o and n
    )


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
    old: str,
    new: str,
    pairs: list[tuple[str, str]],
    cats: set[str],
    of: ClauseFacts,
    nf: ClauseFacts,
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
    if "retention" in cats and lex.keep_verbs is not None:
        patterns.append(lex.keep_verbs)  # "aufheben" -> "aufbewahren": one verb of keeping for another

    def rest(text: str) -> list[str]:
        for pattern in patterns:
            text = pattern.sub(" ", text)
        return [w for w in (w.lower() for w in _WORD.findall(text)) if w not in lex.conjunctions]

    return rest(old) == rest(new)


def _period_named_again(
    pairs: list[tuple[str, str]], lex: Lexicon, of: ClauseFacts, nf: ClauseFacts, new: str
) -> bool:
    """The words of keeping that the edit took out named a period ("the retention period",
    "der Speicherfrist", "存储期限") that the new side points back at ("that period", "dieser
    Frist", "上述期限"): what is put in there lies inside such a reference, what is taken out is a
    word of keeping, an article or the reference's own noun; elsewhere the edit moves words of
    keeping without adding or dropping one, and the periods stated are the same."""
    refs, keep = lex.period_references, lex.categories.get("retention")
    if refs is None or keep is None or of.durations != nf.durations:
        return False
    pointed = [m.group(0).lower() for m in refs.finditer(new)]
    if not pointed:
        return False
    pointing, elsewhere = [], []
    for old_part, new_part in pairs:
        put_in = new_part.strip().lower()
        if put_in and any(put_in in ref or ref in put_in for ref in pointed):
            pointing.append(old_part)  # "the retention" -> "that", "la" -> "cette"
        else:
            elsewhere.append((old_part, new_part))
    if not pointing or not all(_only_articles_left(part, keep, lex, pointed) for part in pointing):
        return False
    kept = [Counter(m.group(0).lower() for pair in elsewhere for m in keep.finditer(pair[k])) for k in (0, 1)]
    if kept[1] - kept[0]:
        return False  # a word of keeping put in elsewhere
    # a word of keeping taken out elsewhere only beside the reference ("cette durée de conservation")
    dropped = [old_part for old_part, new_part in elsewhere if not new_part.strip() and keep.search(old_part)]
    if kept[0] - kept[1] and not all(_only_articles_left(part, keep, lex, pointed) for part in dropped):
        return False
    return True


def _only_articles_left(part: str, keep: re.Pattern[str], lex: Lexicon, pointed: list[str]) -> bool:
    """Without its words of keeping, `part` holds only articles and the noun the reference uses
    ("de bewaar|termijn" -> "die termijn": the period's own noun may stay)."""
    left = [w.lower() for w in _WORD.findall(keep.sub(" ", part))]
    return all(_is_stopword(w, lex) or any(w in ref.split() for ref in pointed) for w in left)


ARTICLE_MAX_LETTERS = 3  # "the", "der", "la", "de", "el": an article or a preposition names nothing


def _is_stopword(word: str, lex: Lexicon) -> bool:
    """An article, a preposition or a conjunction: a word that names nothing."""
    return len(word) <= ARTICLE_MAX_LETTERS or word in lex.conjunctions


def _record_verb_for_store(pairs: list[tuple[str, str]], lex: Lexicon, old: str, new: str) -> bool:
    """A verb of recording data ("recorded", "erfasst", "registreras") put in place of a verb of
    storing it ("stored", "gespeichert", "lagras"), or back, and nothing else changed: what is
    recorded in a database or log is kept there, one act said two ways."""
    record, keep = lex.record_verbs, lex.keep_verbs
    if record is None or keep is None:
        return False

    def swap(a: str, b: str) -> bool:
        a, b = a.strip().lower(), b.strip().lower()
        return bool(a and b) and record.fullmatch(a) is not None and keep.fullmatch(b) is not None

    if not any(swap(o, n) or swap(n, o) for o, n in pairs):
        return False

    def rest(text: str) -> list[str]:
        text = keep.sub(" ", record.sub(" ", text))
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


def _recipient_named_otherwise(
    of: ClauseFacts, nf: ClauseFacts, pairs: list[tuple[str, str]], lex: Lexicon, old: str, new: str
) -> bool:
    """Every changed stretch puts one name of a kind of party for another name of the same kind
    ("payment service providers" -> "payment providers"), both texts name the same kinds of
    party, and no stretch only adds or drops words: the parties are the same."""
    if of.recipients != nf.recipients or not pairs:
        return False

    def kinds(text: str) -> set[str]:
        return {k for k, p in lex.recipients.items() if caseless.search(p, text)}

    def covering(text: str, fragment: str) -> set[str]:
        """The kinds of party whose name in `text` holds the changed words."""
        words = fragment.strip().lower()
        return {k for k, p in lex.recipients.items() for m in p.finditer(text) if words in m.group(0).lower()}

    named_before = kinds(old)
    if not named_before or named_before != kinds(new):
        return False

    def same_kind(o: str, n: str) -> bool:
        before = covering(old, o)
        return bool(before) and before == covering(new, n)

    return all(o.strip() and n.strip() and same_kind(o, n) for o, n in pairs)


def _transfer_verb_for_sharing(of: ClauseFacts, nf: ClauseFacts) -> bool:
    """A verb of transfer and one of sharing swapped for the same named parties, with no place on
    either side ("we pass it to our payment provider" -> "we transmit it to our payment
    provider"): data handed to a party, said two ways. A place named makes it a transfer abroad."""
    if of.places or nf.places or of.recipients != nf.recipients:
        return False
    if not of.recipients and not _shared_alike(of, nf):
        return False  # no party named: only a verb read as sharing with third parties on both sides
    if not (of.states_flow and nf.states_flow) or of.conditions != nf.conditions:
        return False
    shared, moved = (nf.category_hits.get(c, 0) - of.category_hits.get(c, 0) for c in ("sharing", "transfer"))
    if not moved or shared not in (0, -moved):
        return False  # no verb of transfer came or went, or a party was named once more
    actions = {p.action for p in of.polarity} ^ {p.action for p in nf.polarity}
    if not actions <= {"share", "transfer"}:
        return False
    return {p.state for p in of.polarity} == {p.state for p in nf.polarity} and bool(of.polarity)


def _shared_alike(of: ClauseFacts, nf: ClauseFacts) -> bool:
    """Both versions share the data in the same state ("not passed on to third parties" -> "not
    transferred to third parties", a transfer to third parties read as sharing)."""
    was, now = of.polarity_states("share"), nf.polarity_states("share")
    return bool(was) and was == now


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


def _request_detail(item: str, language: str, lex: Lexicon) -> bool:
    """A list item about rights only by naming the user's request ("the reason for your
    request"): without those words it is about no right."""
    assert lex.request_nouns is not None
    if not caseless.search(lex.request_nouns, item):
        return False
    return "rights" not in extract_facts(lex.request_nouns.sub(" ", item), language).categories


def _request_named_only(old: Clause, new: Clause, lex: Lexicon) -> bool:
    """The two sides name rights as often once the words for the user's request are blanked
    ("... stating the reason for your request and the right concerned" -> "... stating the right
    concerned"): only how often "your request" is said changed."""
    if lex.request_nouns is None:
        return False
    counts = [
        extract_facts(lex.request_nouns.sub(" ", c.text), c.language).category_hits.get("rights", 0)
        for c in (old, new)
    ]
    return counts[0] == counts[1]


def _purpose_marker_in_edits(
    pairs: list[tuple[str, str]], of: ClauseFacts, nf: ClauseFacts, lex: Lexicon
) -> bool:
    """The edits that change how often the clause says "purpose" only swap the words that say
    "for" ("pour votre identification" -> "à des fins d'identification"), while the clause's
    other edits (a name, an address) say nothing of purpose: the same purposes."""
    pattern = lex.categories.get("purpose")
    if pattern is None or of.purposes != nf.purposes:
        return False

    def rest(text: str) -> Counter[str]:
        words = _content_words(pattern.sub(" ", text), lex)
        return Counter({w: n for w, n in words.items() if len(w) > 1 or not w.isascii()})

    marked = [(o, n) for o, n in pairs if caseless.count(pattern, o) != caseless.count(pattern, n)]
    return bool(marked) and all(rest(o) == rest(n) for o, n in marked)


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


def _tracker_lifetime_changed(findings: Sequence[_Finding]) -> bool:
    """A period the engine read as the lifetime of cookies or other trackers was lengthened,
    shortened, set or dropped."""
    return any(f.fact.kind == "duration" and f.fact.category == "tracking" for f in findings)


def _keeps_only_trackers(clause_cats: Collection[str], lex: Lexicon, old: str, new: str) -> bool:
    """A period in a sentence about cookies that names no data kept besides them ("analytics cookies
    are stored for at most 13 months"): the period is the cookies' own lifetime, a tracking term.
    With data named ("cookie identifiers and your profile data for 2 years") it is retention only."""
    if "tracking" not in clause_cats or lex.data_nouns is None:
        return False
    return not (_kept_besides_trackers(old, lex) or _kept_besides_trackers(new, lex))


def _kept_besides_trackers(text: str, lex: Lexicon) -> bool:
    """The sentence names something kept that is neither a tracker (cookies) nor a word of keeping
    (held, lifetime, expiry): data, records, logs, a profile."""
    others = [p for cat, p in lex.categories.items() if cat in ("tracking", "retention")]
    assert lex.data_nouns is not None  # _keeps_only_trackers asks only where there are some
    for match in lex.data_nouns.finditer(text.lower()):
        word = match.group(0)
        if not any(caseless.search(p, word) for p in others):
            return True
    return False


def _names_data(text: str, lex: Lexicon) -> set[str]:
    """{"collection"} when a sentence with no keyword of its own has the service ("we") speak of
    data ("if we ask you for personal information, you can always refuse"): a negation that comes
    or goes in it is about what is collected. A sentence about another party's doings ("Acme may
    reclaim a number if no messages were sent") is not."""
    if lex.data_nouns is None or not caseless.search(lex.data_nouns, text):
        return set()
    return {"collection"} if lex.subject_pronouns & {w.lower() for w in _WORD.findall(text)} else set()


def _names_a_source(item: str, text: str, language: str) -> bool:
    """The item stands right after a word that says where data comes from ("… and from credit
    agencies", "od bonitetnih hiš", "从商家和保险公司处获取"), in a sentence that sends no data
    anywhere: a source of the data collected, not a recipient."""
    lex = pick_lexicon(item, language)
    if lex.source_markers is None or _text_sends(text, lex):
        return False
    at = text.find(item)
    if at < 0 or not _WORD.search(item):
        return False
    tail = _source_tail(lex.source_markers.pattern, lex.cjk)
    opening = lex.source_markers.match(item.strip())
    return opening is not None or tail.search(text[max(0, at - SOURCE_LOOKBACK) : at]) is not None


def _lists_data_kind(
    listed: tuple[Sequence[str], Sequence[str]], language: str, held: bool = False, plain: bool = False
) -> bool:
    """An item added to or dropped from an enumeration names a kind of data ("location data"):
    a sentence that says data is processed and lists what, lists the data it processes. In a
    sentence that says data is kept (`held`), a way to reach the user ("telefonsko številko",
    "phone number"; not an address itself) listed is data kept about them too. With `plain`, only
    the kinds that are no special category (an IP address, a device identifier) count."""
    for item in (*listed[0], *listed[1]):
        facts = extract_facts(item, language)
        types = facts.data_types & PLAIN_DATA_TYPES if plain else facts.data_types
        if types or (held and "contact" in facts.categories and not facts.contacts):
            return True
    return False


# a section about these is about something else than what is collected, whatever else it names
_NOT_COLLECTION_SECTIONS = frozenset(
    {"sharing", "transfer", "retention", "rights", "children", "security", "tracking", "changes"}
)
COLLECTED_ITEM_MAX_WORDS = 5
_ITEM_WORD = compile_cached(r"[^\W\d_][\w’'-]*")
COLLECTED_ITEM_MAX_HAN = 12


def _lists_under_collection(
    listed: tuple[Sequence[str], Sequence[str]], clause: Clause, lex: Lexicon
) -> bool:
    """Items added to or dropped from an enumeration under a heading about the data collected
    ("Information we collect", "Welche Daten wir erheben"): where the sentence itself names no
    practice, the heading says what its items are, kinds of data collected. Only short items that
    read as data count: no name, no use, no other term of their own; a heading that is about
    sharing, keeping, rights or another term as well says the items are something else."""
    items = (*listed[0], *listed[1])
    if not items:
        return False
    section = set(_section_categories(clause)) & MATERIAL_CATEGORIES
    if "collection" not in section or section & _NOT_COLLECTION_SECTIONS:
        return False
    return all(_reads_as_data(piece, lex) for item in items for piece in _pieces(item, lex))


_SEPARATORS = compile_cached(r"\s*[,;、，；]\s*")


def _lists_processed_data(
    listed: tuple[Sequence[str], Sequence[str]], old: str, new: str, lex: Lexicon
) -> bool:
    """Items added to or dropped from a list that follows a word for data and a word for
    processing it ("other data is processed, such as A, B and C"; "send us A, B or C" puts the
    verb after the list and lists what is sent, no data processed): more than half of the pieces
    read as kinds of data (short, no name, no use; "by our group and partners" names a recipient),
    none is a proper name, and the list goes on after the item: a phrase put at the sentence's end
    after a comma ("…, in the territories concerned") is no item of it."""
    if lex.data_nouns is None or lex.processing is None:
        return False
    for items, text in ((listed[0], new), (listed[1], old)):
        for item in items:
            at = _item_start(item, text)
            if at < 0 or not lex.processing.search(text.lower(), 0, at):
                return False
            if not lex.data_nouns.search(text.lower(), 0, at):
                return False
            pieces = _pieces(item, lex)
            if not pieces or any(_proper_name(p, lex) or _names_party(p, lex) for p in pieces):
                return False
            if 2 * sum(_reads_as_data(p, lex) for p in pieces) <= len(pieces) or _ends_sentence(item, text):
                return False
    return bool(listed[0] or listed[1])


def _names_party(piece: str, lex: Lexicon) -> bool:
    """The piece names a kind of party ("by our group companies and partners"): who, not what."""
    return any(caseless.search(p, piece) for p in lex.recipients.values())


def _long_words(item: str) -> list[str]:
    """The item's words of three letters or more (the item itself when it has none)."""
    return [w for w in _ITEM_WORD.findall(item) if len(w) > 2] or [item.strip()]


def _ends_sentence(item: str, text: str) -> bool:
    """The item's last long word is the last word of the text's sentence it stands in."""
    words = _long_words(item)
    at = text.lower().find(words[-1].lower(), max(0, _item_start(item, text)))
    return at >= 0 and not _ITEM_WORD.search(re.split(r"[.;!?。；！？]", text[at + len(words[-1]) :])[0])


def _item_start(item: str, text: str) -> int:
    """Where the item's first long word stands in the text (the item may have lost brackets)."""
    words = _long_words(item)
    return text.lower().find(words[0].lower()) if words[0] else -1


def _pieces(item: str, lex: Lexicon) -> list[str]:
    """The items a stretch inserted into a list holds ("a car, viewing day and pets": three)."""
    pieces = []
    for part in _SEPARATORS.split(item):
        words: list[str] = []
        for word in part.split():
            if word.lower() in lex.conjunctions and words:
                pieces.append(" ".join(words))
                words = []
            elif word.lower() not in lex.conjunctions:
                words.append(word)
        if words:
            pieces.append(" ".join(words))
    return pieces


def _reads_as_data(item: str, lex: Lexicon) -> bool:
    """A short item that may name a kind of data ("preferred move-in date", "pets"): no proper
    name, no use, no number, and no term of its own beyond data or a way to reach someone."""
    text = item.strip()
    if not text or any(c.isdigit() for c in text):
        return False
    if lex.cjk:
        if len(text) > COLLECTED_ITEM_MAX_HAN:
            return False
    elif len(_ITEM_WORD.findall(text)) > COLLECTED_ITEM_MAX_WORDS:
        return False
    if _proper_name(text, lex) or _names_purpose(text, lex.language) or _capitalised_name(text, lex):
        return False
    facts = extract_facts(text, lex.language)
    if facts.polarity or facts.recipients or facts.places or facts.durations:
        return False
    return set(facts.categories) & MATERIAL_CATEGORIES <= {"collection"}


def _capitalised_name(text: str, lex: Lexicon) -> bool:
    """Beside its articles, the item is written in capitals only ("the CPA", "the CDPA": laws) or,
    where common nouns are written small, with capital initials only ("the Colorado Act"): a name."""
    stop = lex.stopwords
    words = [w for w in _ITEM_WORD.findall(text) if stop is None or not stop.fullmatch(w.lower())]
    if not words or lex.cjk:
        return False
    if all(w.isupper() and len(w) > 1 for w in words):
        return True
    return not lex.nouns_capitalised and all(w[0].isupper() for w in words)


def _names_purpose(item: str, language: str) -> bool:
    """The words name a use of data ("marketing", "商业信息"), in the item's language."""
    lex = pick_lexicon(item, language)
    return any(caseless.search(p, item) for p in lex.purposes.values())


def _items_name_purposes(listed: tuple[Sequence[str], Sequence[str]], lex: Lexicon) -> bool:
    """Every item added or dropped names a use ("marketing e-mails", "promotional messages"):
    the items say what the data is used for, not what is collected, whatever noun they end in."""
    items = (*listed[0], *listed[1])
    return bool(items) and all(_names_purpose(i, lex.language) for i in items)


def _kept_data_ruled_in_or_out(findings: list[_Finding], of: ClauseFacts, nf: ClauseFacts) -> bool:
    """A data type a sentence about keeping data (on both sides) no longer rules out, or now rules
    out: "card numbers are never stored on our servers" -> "are stored": what is kept changed."""
    keeps = "retention" in of.categories and "retention" in nf.categories
    ruled_out = {key for kind, key in of.ruled_out | nf.ruled_out if kind == "data_type"}
    return keeps and any(
        f.fact.kind == "data_type"
        and (f.fact.direction in ("affirmed", "negated") or (f.fact.old or f.fact.new) in ruled_out)
        for f in findings
    )


def _default_switched(lex: Lexicon, old: str, new: str, cats: Collection[str]) -> list[_Finding]:
    """ "Location sharing is off by default" -> "... on by default": what the user had to turn on now
    happens unless they turn it off (high); the reverse needs their step first (medium). The
    setting is about what its sentence (or section) is about."""
    off, on = lex.defaults.get("disabled"), lex.defaults.get("enabled")
    if off is None or on is None:
        return []

    def state(text: str) -> str | None:
        if caseless.search(off, text):
            return "off"
        return "on" if caseless.search(on, text) else None

    was, now = state(old), state(new)
    if was is None or now is None or was == now:
        return []
    cat = _ordered(set(cats) & MATERIAL_CATEGORIES or {"purpose"})[0]
    fact = Fact(cat, f"{was} by default", f"{now} by default", "changed", "default")
    return [_Finding(fact, "high" if now == "on" else "medium")]


def _unsafeguarded(lex: Lexicon, old: str, new: str, of: ClauseFacts, nf: ClauseFacts) -> list[_Finding]:
    """ "We transfer your data to India" -> "... without additional safeguards": the transfer now
    lacks what protected it (high); the words dropped, it no longer says so (medium). The negator
    negates the safeguards, not the transfer (the phrase is a negator exception)."""
    pattern = lex.without_safeguards
    if pattern is None or not (
        {"transfer"} & (set(of.categories) | set(nf.categories)) or of.places or nf.places
    ):
        return []
    was, now = _lacked(pattern, old, lex), _lacked(pattern, new, lex)
    if (was is None) == (now is None):
        return []
    if now is not None:
        return [_Finding(Fact("transfer", None, now.group(0), "added", "unsafeguarded"), "high")]
    assert was is not None
    return [_Finding(Fact("transfer", was.group(0), None, "removed", "unsafeguarded"), "medium")]


def _breach_channel_changed(
    of: ClauseFacts, nf: ClauseFacts, lex: Lexicon, old: Clause, new: Clause
) -> list[_Finding]:
    """A breach notice that reached the user directly (e-mail, letter, phone, push message) now only
    posted for all to see ("we will inform you by e-mail" -> "by a notice on our website"): the
    user may never learn of it (high); the reverse is a direct notice promised (medium). Only
    where the clause or its heading is about a breach."""
    if ("direct" in of.change_channels) == ("direct" in nf.change_channels):
        return []
    if "posted" not in (nf.change_channels if "direct" in of.change_channels else of.change_channels):
        return []  # "We will inform you" -> "The Company will inform you": no public notice instead
    if not (
        _names_breach(old.text, lex) or _names_breach(new.text, lex) or "security" in _section_categories(new)
    ):
        return []
    if "direct" in of.change_channels:
        return [_Finding(Fact("security", "direct", "posted", "removed", "breach_channel"), "high")]
    return [_Finding(Fact("security", None, "direct", "added", "breach_channel"), "medium")]


def _sent_out(old: str, new: str, lex: Lexicon) -> bool:
    """Either side sends data to a party: a verb of transfer, sharing or disclosure, or of sending
    ("sent to", "sändas till": the verbs of `processed_by`)."""
    sent = lex.processed_by
    return any(_text_sends(t, lex) or (sent is not None and caseless.search(sent, t)) for t in (old, new))


def _reassures(item: str, lex: Lexicon) -> bool:
    """The list item is only a reassurance ("Keine Sorge", "不用担心"), its punctuation aside."""
    assert lex.reassurances is not None
    return lex.reassurances.fullmatch(item.strip(" \t,.:;!?，。：；！？")) is not None


def _lacked(pattern: re.Pattern[str], text: str, lex: Lexicon) -> re.Match[str] | None:
    """The first "without safeguards" that no negator before it turns into a limit ("we do not
    transfer it without appropriate safeguards" = only with them)."""
    for m in pattern.finditer(text):
        before = re.split(r"[.;!?。；！？]", text[: m.start()])[-1]
        if lex.negators is None or not lex.negators.search(before):
            return m
    return None


def _any_time_changed(of: ClauseFacts, nf: ClauseFacts, lex: Lexicon, old: str, new: str) -> list[_Finding]:
    """ "You may ask for erasure at any time" -> "... once a year": the same right, now limited in
    when it may be used (high). "At any time" added ("you can access your history at any time")
    only says what was already so: no finding."""
    pattern = lex.any_time
    both_rights = "rights" in of.categories and "rights" in nf.categories
    if pattern is None or not (of.rights_named & nf.rights_named or both_rights):
        return []
    if not caseless.search(pattern, old) or caseless.search(pattern, new):
        return []
    fact = Fact("rights", '"at any time"', None, "removed", "right_timing")
    return [_Finding(fact, "high")]


def _override_grounds_changed(lex: Lexicon, old: str, new: str) -> list[_Finding]:
    """ "unless we have compelling legitimate grounds that override your interests" -> "unless we
    have legitimate grounds": what the service needs to go on despite an objection, a limit on it,
    weakened (high); made stronger, medium. Said only of that exception to the right to object."""
    pattern = lex.override_grounds
    if pattern is None:
        return []
    was = [m.group(0) for m in pattern.finditer(old)]
    now = [m.group(0) for m in pattern.finditer(new)]
    if len(was) > len(now):
        gone = [w for w in was if w not in now] or was
        return [_Finding(Fact("rights", gone[0], None, "removed", "override_grounds"), "high")]
    if len(now) > len(was):
        added = [w for w in now if w not in was] or now
        return [_Finding(Fact("rights", None, added[0], "added", "override_grounds"), "medium")]
    return []


DELETION_TRIGGERS = frozenset({"withdraw consent", "objection", "opt-out"})
DELETION_RIGHTS = frozenset({"account deletion", "account data deletion"})


def _rights_as_deletion_triggers(
    findings: list[_Finding], of: ClauseFacts, nf: ClauseFacts, lex: Lexicon, old: str, new: str
) -> list[_Finding]:
    """ "We delete your data when you withdraw your consent or object" -> "… when the purpose
    has gone": a refusal named beside the verb of deleting, in a sentence on keeping data, is when
    the data is deleted, not a right offered: one dropped or added is a retention term. A
    sentence that offers the user something ("you can") or names deleting their account lists
    rights instead."""
    if lex.deletion is None or "retention" not in of.categories or "retention" not in nf.categories:
        return findings
    if (of.rights_named | nf.rights_named) & DELETION_RIGHTS:
        return findings
    was = {r for r in of.rights_named & DELETION_TRIGGERS if _named_after_deletion(r, old, lex)}
    now = {r for r in nf.rights_named & DELETION_TRIGGERS if _named_after_deletion(r, new, lex)}
    if was == now:
        return findings
    moved = was ^ now
    out = [f for f in findings if not (f.fact.kind == "right" and (f.fact.old or f.fact.new) in moved)]
    out += [
        _Finding(Fact("retention", r, None, "removed", "deletion_trigger"), "high") for r in sorted(was - now)
    ]
    out += [
        _Finding(Fact("retention", None, r, "added", "deletion_trigger"), "medium") for r in sorted(now - was)
    ]
    if "withdraw consent" in moved:
        # "when you withdraw your consent" names no consent the rights need
        out = [f for f in out if not (f.fact.kind == "condition" and f.fact.category == "rights")]
    return out


def _named_after_deletion(right: str, text: str, lex: Lexicon) -> bool:
    """The text names the right and a verb of deleting, and offers the user nothing ("you may",
    "you have the right"): the refusal is when the data is deleted."""
    pattern = lex.rights.get(right)
    if lex.deletion is None or pattern is None or not caseless.search(lex.deletion, text):
        return False
    offered = lex.user_modals is not None and caseless.search(lex.user_modals, text)
    return bool(caseless.search(pattern, text)) and not offered


def _rights_term_changed(findings: list[_Finding], of: ClauseFacts, nf: ClauseFacts) -> bool:
    """A data type, or a period where there was none, added to or dropped from a sentence on how to
    exercise the same rights: what a request must carry (a copy of an ID card) or how often or by
    when it may be made ("at any time" -> "once a year") changed, a term of those rights."""
    kept = of.rights_named & nf.rights_named
    period = ("added", "removed")
    return bool(kept) and any(
        f.fact.kind == "data_type" or (f.fact.kind == "duration" and f.fact.direction in period)
        for f in findings
    )


def _opt_out_dropped(findings: list[_Finding]) -> bool:
    """A right to refuse (opt out, object, withdraw consent) no longer stated."""
    return any(f.fact.kind == "right" and f.fact.old in OPT_OUTS and not f.fact.new for f in findings)


TERM_KINDS = frozenset({"duration", "age", "polarity"})
TRACKER_TERMS = frozenset({"rights", "purpose", "sharing", "collection", "security", "transfer"})


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


JOURNEY_REACH = 60  # characters before an item where the trip it is a place of is named


def _trip_place(item: str, text: str, lex: Lexicon) -> bool:
    """Every mention of the list item stands shortly after a word for a trip of the user ("a
    flight from A to B or C", "Reise nach A oder B", "航班飞往A或B"), with no verb of doing
    something with data nor any recipient between: a place the user travels to or from."""
    journeys, verbs = lex.journeys, lex.actions.any
    needle = item.strip().lower()
    if journeys is None or not needle:
        return False
    low = text.lower()
    starts = [m.start() for m in re.finditer(re.escape(needle), low)]
    for at in starts:
        window = text[max(0, at - JOURNEY_REACH) : at]
        trips = list(journeys.finditer(window))
        if not trips:
            return False
        between = window[trips[-1].end() :]
        if (verbs is not None and caseless.search(verbs, between)) or _names_party(between, lex):
            return False
        if re.search(r"[.;:!?。；：]", between):
            return False
    return bool(starts)


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


NAMELESS_LIST_CATEGORIES = frozenset({"collection", "purpose"})  # lists whose items are never names


# What a list in a sentence that deletes data may otherwise be read as: places ("servers"), kinds
# of data or safeguards ("backups"); a list of recipients, uses or rights stays what it is.
DELETION_SCOPE_READINGS = frozenset({"transfer", "collection", "security"})


def _deletion_scope_narrowed(
    listed: tuple[Sequence[str], Sequence[str]],
    list_cats: set[str],
    material_cats: set[str],
    old_text: str,
    lex: Lexicon,
) -> bool:
    """Items only dropped from a list in a sentence that deletes data ("we erase it from our
    servers, databases and backups" -> "from our servers and databases"): the list names where
    (or what) data is erased, so what was dropped is no longer said to be erased."""
    if not listed[1] or listed[0] or "retention" not in material_cats or list_cats - DELETION_SCOPE_READINGS:
        return False
    return lex.deletion is not None and bool(caseless.search(lex.deletion, old_text))


def _deletion_exception_listed(
    listed: tuple[Sequence[str], Sequence[str]],
    material_cats: set[str],
    old_text: str,
    new_text: str,
    lex: Lexicon,
) -> bool:
    """Items added to or dropped from the exception of a sentence that deletes data ("we erase
    it after a year unless it is of legal value" -> "… of legal or business value"): what the
    exception covers is kept past the deletion, so the exception widened (or narrowed) changes
    what is kept. Each item must stand after a deletion word and then an exception word."""
    if not (listed[0] or listed[1]) or "retention" not in material_cats or lex.deletion is None:
        return False
    return all(
        _after_deletion_exception(item, text, lex)
        for items, text in ((listed[0], new_text), (listed[1], old_text))
        for item in items
    )


def _after_deletion_exception(item: str, text: str, lex: Lexicon) -> bool:
    """The item stands after an exception word ("unless", "except") that follows a deletion word."""
    at = text.lower().find(item.lower())
    deleted = lex.deletion.search(text, 0, at) if at > 0 else None
    if deleted is None:
        return False
    words = [p for p in (lex.list_exceptions, lex.conditions.get("limit")) if p is not None]
    return any(p.search(text, deleted.end(), at) for p in words)


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


def _without_catch_alls(
    listed: tuple[Sequence[str], Sequence[str]], lex: Lexicon
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The listed items less a list's closing sweep ("…, and other similar information", "etc."):
    it names no kind of data, party or use of its own, so adding or dropping it changes no term."""
    sweep = lex.catch_all_items
    if sweep is None:
        return tuple(listed[0]), tuple(listed[1])
    return (
        tuple(i for i in listed[0] if not sweep.fullmatch(i.strip().rstrip(".").strip())),
        tuple(i for i in listed[1] if not sweep.fullmatch(i.strip().rstrip(".").strip())),
    )


POSSIBLE_VERB_REACH = 3  # words after a modal or an enabler: the verb of what is possible


def _beyond_possibilities(cats: set[str], old: str, new: str, lex: Lexicon) -> set[str]:
    """The categories whose keywords still differ once each modal or enabler and the few words
    after it (the thing said to be possible) are set aside on both sides."""
    sources = [p.pattern for p in (lex.modals, lex.enablers) if p is not None]
    if lex.cjk or not sources:
        return cats
    tail = rf"(?:[\s'’]+[\w-]+){{0,{POSSIBLE_VERB_REACH}}}"
    possible = compile_cached(rf"(?:{'|'.join(sources)}){tail}", re.IGNORECASE)
    bare_old, bare_new = possible.sub(" ", old), possible.sub(" ", new)
    return {c for c in cats if _count_changed(lex.categories.get(c), bare_old, bare_new)}


def _use_said_as_enabling(old: str, new: str, material_cats: set[str], lex: Lexicon) -> bool:
    """One side says the service may use the data for an aim ("we may use your data to X"), the
    other names the use as what makes the aim possible ("the use of your data enables X"): the
    modal turned into a noun phrase, the same potential use. Only for a use (purpose): "may share"
    -> "is shared" keeps its alert, no enabling phrase stands there."""
    pattern = lex.enabling_use
    if pattern is None or "purpose" not in material_cats or material_cats & {"sharing", "transfer"}:
        return False
    return bool(caseless.search(pattern, old)) != bool(caseless.search(pattern, new))


LABEL_END = compile_cached("[:：]")  # a label ("Device information:", "设备信息：") ends at its first colon


def _label_restates_body(old_clause: Clause, new_clause: Clause, changed: set[str]) -> bool:
    """Every edit is words put into or taken out of a label that ends at a colon, with the text
    after the colon the same on both sides, and each changed category is stated in that text:
    "Device information that we collect regardless of whether you are signed in: We collect ..."
    -> "Device information: We collect ...". The label named the act its text states."""
    old, new = old_clause.text, new_clause.text
    end_old, end_new = LABEL_END.search(old), LABEL_END.search(new)
    if end_old is None or end_new is None:
        return False
    at_old, at_new = end_old.start(), end_new.start()
    if old[at_old:] != new[at_new:]:
        return False
    head_old, head_new = old[:at_old], new[:at_new]
    edits = _changed_words(head_old, head_new)
    if not edits or any(a and b for a, b in edits):
        return False  # a word replaced by another in the label: not only said or left unsaid
    body = extract_facts(old[at_old + 1 :], old_clause.language)
    return changed <= set(body.categories)


def _edited_sentences_secure(old: Clause, new: Clause) -> bool:
    """Each sentence that differs between the versions, on both sides, states safeguards (security
    measures): what was edited is said of the measures."""
    old_sentences, new_sentences = split_sentences(old.text), split_sentences(new.text)
    edited = [(t, old.language) for t in old_sentences if t not in new_sentences]
    edited += [(t, new.language) for t in new_sentences if t not in old_sentences]
    if not edited or len(edited) > 2 * len(old_sentences):
        return False
    return all("security" in extract_facts(text, language).categories for text, language in edited)
