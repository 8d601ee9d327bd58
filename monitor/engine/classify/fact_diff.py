"""Comparing the facts of two clauses: periods, states, ages, promises, notices, sets of things.

In: the old and new ClauseFacts (facts.py). Out: _Findings, one per fact that differs, with the
severity of its direction (longer retention, a sale no longer ruled out: high).
"""

from __future__ import annotations

from monitor.engine.classify.findings import _Finding, _shown
from monitor.engine.classify.negation import RIGHT_CATEGORY
from monitor.engine.explain import PLAIN_DATA_TYPES
from monitor.engine.facts import ClauseFacts, Duration, processed_by_a_party
from monitor.models import CATEGORIES, MATERIAL_CATEGORIES, Fact

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

# a right that widens another: "delete your account" -> "… and all personal data tied to it"
SCOPED_RIGHTS = {"account data deletion": "account deletion"}


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
    if data_cat == "sharing" and _processed_by_parties_only(of, nf):
        # "data processed by us or by third parties includes ... and location data": a kind of data
        # the parties process, named where no verb hands it to anyone, is data collected
        data_cat = "collection"
    elif data_cat == "collection" and _sent_to_the_same_parties(of, nf, cats):
        # "le navigateur envoie … votre adresse IP au service X": a kind of data added to what goes
        # to the parties named on both sides, where no verb says it is collected: shared
        data_cat = "sharing"
    # "reclaimed if you send no messages" is about no data practice; "we process the following
    # data: name, e-mail, location" is one, though its only keywords name personal details
    # (read with one lexicon on both sides: two lexicons name different data types in one text)
    lists_details = "contact" in cats and (of.states_flow or nf.states_flow) and of.language == nf.language
    if cats & MATERIAL_CATEGORIES or lists_details:
        # a clause added or dropped whole ("we do not use your photos for X" added): what it rules
        # out is said by the negation's finding, no kind of data newly (or no longer) handled
        named_old = _named_data(of) if nf.categories else of.data_types
        named_new = _named_data(nf) if of.categories else nf.data_types
        out += _diff_set(data_cat, "data_type", named_old, named_new, "high", "medium")
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
    measures = _diff_set(
        "security", "security_measure", of.security_measures, nf.security_measures, "medium", "high"
    )
    out += _anonymisation_findings(measures, of.security_measures)
    return out


def _anonymisation_findings(found: list[_Finding], before: frozenset[str]) -> list[_Finding]:
    """Anonymised data is found as "pseudonymisation" and "anonymisation", pseudonymised data as
    the first only: both gone or both new is one safeguard ("anonymisation or pseudonymisation");
    pseudonymised data now anonymised loses nothing (the new safeguard is the stronger), while
    anonymised data now only pseudonymised lost "anonymisation"."""
    gone = {f.fact.old for f in found if f.fact.old}
    new = {f.fact.new for f in found if f.fact.new}
    pair = {"pseudonymisation", "anonymisation"}
    return [
        f
        for f in found
        if not (f.fact.old == "anonymisation" and pair <= gone)
        and not (f.fact.new == "anonymisation" and (pair <= new or "pseudonymisation" in before))
    ]


def _sent_to_the_same_parties(of: ClauseFacts, nf: ClauseFacts, cats: set[str]) -> bool:
    """Both sides send data to the same parties and neither says data is collected."""
    if "sharing" not in cats or not of.recipients or of.recipients != nf.recipients:
        return False
    if not (of.states_flow and nf.states_flow):
        return False
    return not any(p.action == "collect" for p in (*of.polarity, *nf.polarity))


def _named_data(f: ClauseFacts) -> frozenset[str]:
    """The data types a clause names, a kind that is no special category (an IP address) whether
    stated or ruled out: "your purchase history is never combined" -> "may be combined" is about
    what is done with it (the sentence's verb), not a kind of data newly collected."""
    return f.data_types | {
        key for kind, key in f.ruled_out if kind == "data_type" and key in PLAIN_DATA_TYPES
    }


def _diff_ruled_out(of: ClauseFacts, nf: ClauseFacts, data_cat: str) -> list[_Finding]:
    """Things a sentence rules out ("we never share with data brokers"): a new one is favourable,
    a dropped one (the promise gone) is not. A plain kind of data (PLAIN_DATA_TYPES) ruled out or
    no longer: the negation's change says what changed, with the sentence's own categories."""
    cat = {"recipient": "sharing", "data_type": data_cat, "purpose": "purpose"}
    out = [
        _Finding(Fact(cat[kind], None, key, "negated", kind), "medium")
        for kind, key in sorted(nf.ruled_out - of.ruled_out)
        if key not in _stated(of, kind) and not _plain(kind, key)
    ]
    out += [
        _Finding(Fact(cat[kind], key, None, "affirmed", kind), "high")
        for kind, key in sorted(of.ruled_out - nf.ruled_out)
        if key not in _stated(nf, kind) and not _plain(kind, key)  # stated now: the affirmed set reports it
    ]
    return out


def _plain(kind: str, key: str) -> bool:
    return kind == "data_type" and key in PLAIN_DATA_TYPES


def _stated(f: ClauseFacts, kind: str) -> frozenset[str]:
    return {"recipient": f.recipients, "data_type": f.data_types, "purpose": f.purposes}[kind]


def _diff_set(
    cat: str, kind: str, old: frozenset[str], new: frozenset[str], added_sev: str, removed_sev: str
) -> list[_Finding]:
    out = [_Finding(Fact(cat, None, k, "added", kind), added_sev) for k in sorted(new - old)]
    out += [_Finding(Fact(cat, k, None, "removed", kind), removed_sev) for k in sorted(old - new)]
    return out


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


HANDING_ACTIONS = frozenset({"sell", "share", "disclose", "rent", "transfer"})


def _processed_by_parties_only(of: ClauseFacts, nf: ClauseFacts) -> bool:
    """Both sides state a flow of data that parties handle ("processed by us or by third
    parties"), with no verb that hands data to anyone (sell, share, disclose, rent, transfer):
    the parties process it. Data "shown to other members" is handed to them."""
    if not (of.states_flow and nf.states_flow):
        return False
    if any(p.action in HANDING_ACTIONS for f in (of, nf) for p in f.polarity):
        return False
    return processed_by_a_party(of) or processed_by_a_party(nf)


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
    if "advance" in was and not now:  # "told in advance" -> "told": no longer before they apply
        return [_Finding(Fact("changes", "advance", None, "removed", "change_timing"), "high")]
    if "advance" in now and not was:  # "we will tell you" -> "we will tell you 30 days ahead"
        return [_Finding(Fact("changes", None, "advance", "added", "change_timing"), "medium")]
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
