"""Conditions and safeguards inside a sentence: 'only with your consent', 'in pseudonymised form'.

In: the old and new ClauseFacts and texts. Out: _Findings for a condition dropped, added or
replaced (a dropped limit that widened what may be done with data ranks high).
"""

from __future__ import annotations

from dataclasses import replace

from monitor.engine.classify.fact_diff import ACTION_CATEGORY
from monitor.engine.classify.findings import _Finding, _ordered
from monitor.engine.explain import CONSENT_WORDS, PARENTAL_WORDS
from monitor.engine.facts import ClauseFacts
from monitor.lang import caseless
from monitor.lang.lexicon import Lexicon
from monitor.lang.startup_cache import compile_cached
from monitor.models import MATERIAL_CATEGORIES, Fact

CONDITION_CATEGORY = {  # a condition of these kinds is a term of its own category
    "safeguard": "transfer",
    "parental": "children",
    "supervision": "children",
    "minimum": "collection",
    "voluntary": "collection",  # whether the user must give the data: a term of collecting it
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
        if not (of.states_flow or nf.states_flow or kinds & {"consent", "explicit", "minimum", "voluntary"}):
            return []
        # "we may process your details where you have consented": a condition on what is done
        # with the data, though no word names a purpose; and in a policy a consent requirement is
        # about data whatever words name it ("we use voice recordings ... only if you opt in").
        # Under "Cookies", "this is stored only if you allow it" is a condition on the cookies.
        # "we record meeting transcripts only if the owner enables it": what its verbs do says it
        acts = {ACTION_CATEGORY.get(p.action) for p in (*of.polarity, *nf.polarity)} & MATERIAL_CATEGORIES
        material_cats = set(section) & MATERIAL_CATEGORIES or {str(c) for c in acts} or {"purpose"}
    out = []
    # "we use your e-mail for the newsletter only if you agree": the condition is on the use
    acted = {ACTION_CATEGORY.get(p.action) for p in (*of.polarity, *nf.polarity)} & material_cats
    ban = _ban_on_both_sides(of, nf)
    for kind in sorted(kinds):
        dropped = kind in of.conditions
        if kind == "explicit" and not dropped:
            # "with your permission" -> "with your explicit permission": the same consent, said firmly
            continue
        own = CONDITION_CATEGORY.get(kind)
        if own is None and "transfer" in material_cats and (of.places or nf.places):
            own = "transfer"  # "we send it abroad only with your consent": a condition on the transfer
        # the limit qualified what its own sentence was about ("we keep them only while ..." -> "we
        # keep them 5 years after collecting them": a limit on keeping, not on collecting)
        facts = of if dropped else nf
        side = set(facts.categories)
        # and on what that sentence's own verbs do ("除…外，不会收集": an exception to not collecting)
        own_acts = {ACTION_CATEGORY.get(p.action) for p in facts.polarity} & material_cats
        # "we will not reduce your rights under this policy without your consent": a condition on
        # how the policy may change, whatever else its words name; not "if we share it otherwise,
        # we will ask for your explicit consent", whose sentence names no change to the policy
        told = {"changes"} & material_cats & side if facts.change_notice == "promised" else set()
        limited = _right_limited(facts, material_cats)
        pool = told or own_acts or limited or (acted & side) or (material_cats & side)
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
            fact = Fact(
                cat,
                words if dropped else None,
                None if dropped else words,
                "removed" if dropped else "added",
                "ban_exception",
            )
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
    gone = before - after
    # "unless they are strictly necessary" -> "unless": the same exception word, its limit cut off
    came = {a for a in after - before if not any(b.startswith(a) for b in gone)}
    if came or not gone:
        return None
    return sorted(gone)[0]
