"""Explain: the facts of one classified change as one plain English sentence.

In: the findings the classify package made of a change (each a Fact with the severity its direction
carries and, for a flip of a verb, the verb). Out: the sentence a reader sees first in every
alert, report and page: it names what changed (which period, which data, which recipient, which
right) in the policy's terms, the unfavourable facts first, and starts with a capital letter.
It quotes no clause fragment unless the words are the fact itself (a condition word such as
"only"); the clause and its inline diff are shown beside it for the wording.

The sentence is deterministic: the same findings always read the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from monitor.lang.schema import PLAIN_DATA_TYPES
from monitor.models import CATEGORIES, Fact, severity_rank

# The words a fact says consent with, however the policy worded it (the classify package sets it).
CONSENT_WORDS = "your consent"
PARENTAL_WORDS = "a parent's consent"


class Finding(Protocol):
    """What the classify package found: a fact, the severity of its direction and a flipped verb, if any."""

    @property
    def fact(self) -> Fact: ...

    @property
    def severity(self) -> str: ...

    @property
    def action(self) -> str: ...


# --- the words of each category and concept -------------------------------------------------

TOPIC = {
    "retention": "retention of personal data",
    "sharing": "sharing of personal data",
    "collection": "collection of personal data",
    "purpose": "use of personal data",
    "transfer": "transfers of personal data",
    "rights": "your rights",
    "children": "children's data",
    "security": "security of personal data",
    "tracking": "tracking technologies",
    "changes": "changes to the policy",
    "contact": "contact details",
}
# Topics named in the plural take a plural verb ("tracking technologies are now limited").
_PLURAL_TOPICS = frozenset(TOPIC[c] for c in ("transfer", "rights", "tracking", "changes", "contact"))


def _agreeing(what: str, singular: str, plural: str) -> str:
    """The verb form that agrees with a topic."""
    return plural if what in _PLURAL_TOPICS else singular


# Shorter names, for a list of what an added or removed clause is about.
SHORT_TOPIC = {
    "retention": "how long data is kept",
    "sharing": "sharing",
    "collection": "data collection",
    "purpose": "how data is used",
    "transfer": "transfers abroad",
    "rights": "your rights",
    "children": "children's data",
    "security": "security",
    "tracking": "tracking technologies",
    "changes": "changes to the policy",
    "contact": "contact details",
}
_LIST_NOUN = {
    "collection": "the data collected",
    "sharing": "the recipients",
    "purpose": "the purposes",
    "transfer": "the transfer destinations",
    "rights": "the rights listed",
    "security": "the security measures",
    "tracking": "the tracking tools and choices",
}
_PERIOD_NAME = {
    "retention": "retention period",
    "security": "deadline for telling you of a data breach",
    "changes": "notice period before policy changes take effect",
    "rights": "time to answer your requests",
}
_RETENTION_STATE = {  # retention_state facts (facts.py's states, "_" read as " ")
    "indefinite": "personal data may be kept indefinitely",
    "as long as necessary": "personal data is kept as long as necessary",
    "until deletion": "personal data is kept until you delete it",
}
_RETENTION_NOW = {
    "indefinite": "personal data may now be kept indefinitely",
    "as long as necessary": "personal data is now kept as long as necessary",
    "until deletion": "personal data is now kept until you delete it",
}
_INSTEAD_OF = {
    "indefinite": "keeping data indefinitely",
    "as long as necessary": "keeping data as long as necessary",
    "until deletion": "keeping data until you delete it",
}
_DATA_NAME = {  # the canonical data types (lang/schema.py) as the data they name
    "biometric": "biometric data",
    "health": "health data",
    "precise location": "precise location data",
    "contacts": "contact lists",
    "financial": "financial data",
    "children's data": "children's data",
    "genetic": "genetic data",
    "religious": "religious beliefs",
    "political": "political opinions",
    "sexual orientation": "sexual orientation",
    "racial or ethnic origin": "racial or ethnic origin",
    "trade union": "trade union membership",
    "approximate location": "approximate location data",
    "advertising id": "advertising IDs",
    "device identifiers": "device identifiers",
    "ip address": "IP addresses",
    "purchase history": "purchase history",
    "photos": "photos",
    "playlists": "playlists",
    "government id": "government ID numbers",
    "communications": "the content of communications",
    "criminal records": "criminal records",
}
_DATA_VERB = {
    "collection": ("collected", "collecting"),
    "sharing": ("shared", "sharing"),
    "purpose": ("used", "using"),
}
_RIGHT = {  # the canonical rights (lang/schema.py), said as what the user may do
    "access": "to access your data",
    "rectification": "to correct your data",
    "erasure": "to have your data deleted",
    "portability": "to data portability",
    "objection": "to object to processing",
    "restriction": "to restrict processing",
    "withdraw consent": "to withdraw your consent",
    "complaint": "to complain to a supervisory authority",
    "opt-out of sale": "to opt out of the sale of your data",
    "reject cookies": "to reject cookies",
    "opt-out": "to opt out",
    "settings opt-out": "to turn it off in your settings",
    "account deletion": "to delete your account",
    "account data deletion": "to have your data deleted with your account",
    "human review": "to have a person review an automated decision",
}
_CATEGORY_ACTION = {"sharing": "share", "collection": "collect", "purpose": "use", "transfer": "transfer"}
_PARTICIPLE = {
    "sell": "sold",
    "share": "shared",
    "disclose": "disclosed",
    "rent": "rented",
    "transfer": "transferred",
    "collect": "collected",
    "use": "used",
}


# --- public API -----------------------------------------------------------------------------


def sentence(text: str) -> str:
    """The text as a sentence: its first letter a capital (the rest as written)."""
    return text[:1].upper() + text[1:] if text else text


def one_sentence(explanations: Sequence[str]) -> str:
    """Several explanations (each one sentence of parts joined by "; ") as one sentence: each
    part said once, whatever its first letter's case (two sentences of one re-written paragraph
    may each name the same new data), later parts lower-cased at their start as `explain` does."""
    parts: list[str] = []
    said: set[str] = set()
    for explanation in explanations:
        for part in explanation.split("; "):
            if part and part.casefold() not in said:
                said.add(part.casefold())
                parts.append(_lower_first(part))
    return sentence("; ".join(parts))


def explain(findings: Sequence[Finding]) -> str:
    """One sentence for the facts of a change: the most severe first (ties in the order found);
    flips of several verbs in one clause read as one flip, and recipients named with a new
    permission read with it ("personal data may now be sold to advertisers")."""
    ordered = sorted(findings, key=lambda f: -severity_rank(f.severity))
    flip_to = [f.fact.new for f in ordered if f.fact.kind == "recipient" and f.fact.direction == "added"]
    if flip_to and any(f.fact.kind == "polarity" and f.fact.direction == "affirmed" for f in ordered):
        ordered = [f for f in ordered if not (f.fact.kind == "recipient" and f.fact.direction == "added")]
    else:
        flip_to = []
    groups: dict[str, list[Finding]] = {}
    for f in ordered:  # one part per group, at the place its first member stands
        groups.setdefault(_group(f.fact), []).append(f)
    parts: list[str] = []
    for key, members in groups.items():
        if key.startswith("polarity"):
            part = _flip(members, [str(r) for r in flip_to if r])
        elif key.startswith("qualifier"):
            part = describe_conditions([m.fact for m in members])
        else:
            part = describe_all([m.fact for m in members])
        if part not in parts:
            parts.append(part)
    return sentence("; ".join(_lower_first(p) for p in parts))


def topics(categories: Sequence[str]) -> str:
    """Categories as a reader's list: "sharing, data collection and your rights"."""
    wanted = set(categories)
    names = [SHORT_TOPIC.get(c, c) for c in CATEGORIES if c in wanted]
    names += [c for c in categories if c not in CATEGORIES]
    return _joined(names, "and")


def new_or_removed_clause(added: bool, categories: Sequence[str], *, in_section: bool = False) -> str:
    """An added or removed clause whose facts say no more than what it (or its section) is about."""
    about = f"in a section about {topics(categories)}" if in_section else f"about {topics(categories)}"
    return f"New clause {about}" if added else f"A clause {about} was removed"


def wording(categories: Sequence[str], negation: int, modality: int = 0, aimed: bool = False) -> str:
    """A change in how strongly a term is stated (a negator or a modal came or went) when no
    fact says more: the words are in the inline diff beside it, so the sentence says which way
    the statement moved ("will notify" -> "may notify": a promise became a possibility; "we
    encrypt" -> "we strive to encrypt": `aimed`, a promise became an aim)."""
    what = _about(categories)
    if aimed and negation == 0:
        return sentence(f"what the policy stated about {what} is now only something it aims for")
    if negation < 0:
        return sentence(f"something the policy ruled out about {what} may now happen")
    if negation > 0:
        return sentence(f"the policy now rules out something more about {what}")
    if modality > 0:
        return sentence(f"what the policy stated about {what} is now only something that may happen")
    if modality < 0:
        return sentence(f"what the policy said may happen about {what} is now stated as what will happen")
    return sentence(f"what the policy says may or will happen about {what} changed")


def reworded(categories: Sequence[str]) -> str:
    """A minor wording change that touches the words of a category (low)."""
    return sentence(f"wording about {_about(categories)} changed")


def moved(text: str, material: bool) -> str:
    """The explanation of a clause that also moved."""
    if material:
        return f"{sentence(text)}; the clause also moved"
    return "Moved and " + (text[:1].lower() + text[1:] if text[1:2].islower() else text)


# --- one fact -------------------------------------------------------------------------------


def describe(fact: Fact) -> str:
    """One fact as a sentence."""
    return describe_all([fact])


def describe_all(facts: Sequence[Fact]) -> str:
    """Facts of one kind, category and direction (or a single fact) as one sentence: "new
    transfer destinations: Canada and Mexico"."""
    first = facts[0]
    if first.kind in ("recipient", "data_type", "purpose") and first.direction in ("negated", "affirmed"):
        return _ruled_out(facts)
    listed = _LISTED.get(first.kind)
    if listed is not None:
        return sentence(listed(facts))
    describer = _DESCRIBERS.get(first.kind)
    if describer is not None:
        return sentence(describer(first))
    return sentence(f"what the policy says about {TOPIC.get(first.category, first.category)} changed")


def describe_conditions(facts: Sequence[Fact]) -> str:
    """Qualifiers of one category dropped (or added) together: "sharing of personal data no
    longer requires your consent", "a limit on retention of personal data was dropped"."""
    first = facts[0]
    dropped = first.direction == "removed"
    words = [_unquoted((f.old if dropped else f.new) or "") for f in facts]
    if first.kind == "ban_exception":
        return _ban_exception(first.category, words, dropped)
    if first.kind == "safeguard":
        named = _joined(_unique([w for w in words if w]), "and")
        if dropped:
            return sentence(f"safeguard for transfers abroad no longer stated: {named}")
        return sentence(f"transfers abroad now rely on a stated safeguard: {named}")
    if first.kind == "minimisation":
        if dropped:
            return sentence("the promise to collect only as little data as needed is no longer stated")
        return sentence("the policy now promises to collect only as little data as needed")
    parental = [f for f in facts if f.kind == "parental_consent"]
    if parental:  # the limit words ("only") belong to the parent's consent
        return _parental(parental[0])
    what = TOPIC.get(first.category, first.category)
    if CONSENT_WORDS in words:
        needs = _agreeing(what, "requires", "require")
        return sentence(f"{what} {'no longer' if dropped else 'now'} {needs} your consent")
    said = _joined([f"“{w}”" for w in words if w and w not in ("limit", CONSENT_WORDS)], "or")
    if dropped:
        return sentence(
            f"a limit on {what} was dropped" + (f": the policy no longer says {said}" if said else "")
        )
    limited = f"{what} {_agreeing(what, 'is', 'are')} now limited"
    return sentence(limited + (f": the policy now says {said}" if said else ""))


def _ban_exception(category: str, words: list[str], dropped: bool) -> str:
    """An exception to something the policy rules out, gone (the ban now holds whole) or new
    (the thing may now happen on that condition)."""
    what = "collection of children's data" if category == "children" else TOPIC.get(category, category)
    named = [w for w in words if w and w != "limit"]
    consent = next((w for w in named if w in (CONSENT_WORDS, PARENTAL_WORDS)), None)
    said = _joined([f"“{w}”" for w in named], "or")
    if dropped:
        why = f"before, it could happen with {consent}" if consent else f"the policy no longer says {said}"
        ruled_out = f"{what} {_agreeing(what, 'is', 'are')} now ruled out without exception"
        return sentence(f"{ruled_out} ({why})" if named else ruled_out)
    if consent:
        return sentence(f"{what}, ruled out before, may now happen with {consent}")
    has = _agreeing(what, "has", "have")
    return sentence(f"{what}, ruled out before, now {has} an exception" + (f": {said}" if named else ""))


def _duration(fact: Fact) -> str:
    name = _PERIOD_NAME.get(fact.category)
    if name is None:
        name = f"period given for {TOPIC.get(fact.category, fact.category)}"
    old, new = _periods(fact.old), _periods(fact.new)
    verbs = {"longer": "lengthened", "shorter": "shortened", "changed": "changed"}
    if fact.direction in verbs:
        return f"{name} {verbs[fact.direction]} from {old} to {new}"
    if fact.direction == "added":
        instead = _joined([_INSTEAD_OF.get(s, s) for s in (fact.old or "").split(", ") if s], "or")
        return f"{name} set to {new}" + (f" instead of {instead}" if instead else "")
    return f"{name} no longer stated (it was {old})"


def _periods(text: str | None) -> str:
    """Periods as facts.py lists them ("30 days, 1 year") in words: "30 days and 1 year"."""
    return _joined((text or "").split(", "), "and")


def _retention_state(fact: Fact) -> str:
    if fact.direction == "added":
        return _RETENTION_NOW.get(fact.new or "", f"retention now stated as {fact.new}")
    return "the policy no longer says " + _RETENTION_STATE.get(fact.old or "", f"retention is {fact.old}")


def _age(fact: Fact) -> str:
    if fact.direction in ("lowered", "raised", "changed"):
        return f"children's age threshold {fact.direction} from {fact.old} to {fact.new}"
    if fact.direction == "added":
        return f"children's age threshold set at {fact.new}"
    return f"children's age threshold of {fact.old} no longer stated"


def _data_type(facts: Sequence[Fact]) -> str:
    done = _DATA_VERB.get(facts[0].category, ("mentioned", ""))[0]
    parts = []
    for kind, group in (
        ("sensitive data", [f for f in facts if not _plain_data(f)]),
        ("data", [f for f in facts if _plain_data(f)]),
    ):
        if not group:
            continue
        if facts[0].direction == "added":
            parts.append(f"new {kind} {done}: {_values(group, data_name)}")
        else:
            parts.append(f"{kind} no longer said to be {done}: {_values(group, data_name)}")
    return "; ".join(parts)


def _plain_data(fact: Fact) -> bool:
    return (fact.new or fact.old) in PLAIN_DATA_TYPES


def _right(facts: Sequence[Fact]) -> str:
    costs = _costs(facts)
    if costs:
        return costs
    if {f.new or f.old for f in facts} == {"settings opt-out"}:
        # "you can turn off location collection in your device settings" dropped: a control taken away
        if facts[0].direction == "added":
            return "you are now told you can turn this off in your settings"
        return "you are no longer told you can turn this off in your settings"
    if facts[0].direction == "added":
        return f"you now have the right {_values(facts, right_name)}"
    plural = "rights" if len(facts) > 1 else "right"
    verb = "are" if len(facts) > 1 else "is"
    return f"the {plural} {_values(facts, right_name)} {verb} no longer stated"


def _costs(facts: Sequence[Fact]) -> str | None:
    """What using the rights costs, when that is all the facts say: a fee added or dropped, the
    promise that they cost nothing made or dropped."""
    keys = {f.new if f.direction == "added" else f.old for f in facts}
    added = facts[0].direction == "added"
    if keys == {"fee"}:
        return (
            "using your rights may now cost you a fee"
            if added
            else "a fee for using your rights is no longer stated"
        )
    if keys == {"free of charge"}:
        return f"using your rights is {'now' if added else 'no longer'} said to be free of charge"
    return None


def _breach_notice(fact: Fact) -> str:
    if fact.direction == "added":
        return f"the policy now promises to tell you of a data breach {fact.new}"
    return f"the promise to tell you of a data breach {fact.old} was dropped"


def _change_notice(fact: Fact) -> str:
    if fact.direction == "removed":
        return "the promise to notify you of changes to the policy was dropped"
    if fact.new == "no notice":
        return "changes to the policy may now take effect without notice"
    return "the policy now promises to notify you of changes to it"


def _change_channel(fact: Fact) -> str:
    if fact.direction == "added":
        return "changes to the policy will now be announced to you directly (by e-mail or a message)"
    if fact.new == "posted":
        return "changes to the policy will no longer be announced to you directly, only posted"
    return "changes to the policy will no longer be announced to you directly (by e-mail or a message)"


def _change_timing(fact: Fact) -> str:
    if fact.direction == "added":
        return "changes to the policy will now be announced in advance"
    if fact.direction == "removed":
        return "changes to the policy are no longer said to be announced in advance"
    if fact.new == "afterwards":
        return "changes to the policy will now be announced only once they are made, no longer in advance"
    return "changes to the policy will now be announced in advance, no longer only once they are made"


def _parental(fact: Fact) -> str:
    if fact.direction == "removed":
        return "Parental consent is no longer required for children's data"
    return "Parental consent is now required for children's data"


def _item(facts: Sequence[Fact]) -> str:
    listed = _LIST_NOUN.get(facts[0].category, "a list")
    if facts[0].direction == "added":
        return f"added to {listed}: {_values(facts)}"
    return f"removed from {listed}: {_values(facts)}"


def _shared_data(facts: Sequence[Fact]) -> str:
    if facts[0].direction == "added":
        return f"added to the data shared: {_values(facts)}"
    return f"removed from the data shared: {_values(facts)}"


def _excepted_item(facts: Sequence[Fact]) -> str:
    what = TOPIC.get(facts[0].category, facts[0].category)
    if facts[0].direction == "added":
        return f"a promise about {what} now also covers {_values(facts)}"
    return f"a promise about {what} no longer covers {_values(facts)}"


def _promise_exception(facts: Sequence[Fact]) -> str:
    what = TOPIC.get(facts[0].category, facts[0].category)
    if facts[0].direction == "added":
        return f"a promise about {what} now makes an exception for {_values(facts)}"
    return f"a promise about {what} no longer makes an exception for {_values(facts)}"


def _single_flip(fact: Fact) -> str:
    action = _CATEGORY_ACTION.get(fact.category, "share")
    return _flip_sentence(fact.direction, fact.old, fact.new, [action], [])


def _ruled_out(facts: Sequence[Fact]) -> str:
    """Things a sentence rules out ("we never share with data brokers"), now or no longer."""
    first = facts[0]
    now = first.direction == "negated"
    if first.kind == "recipient":
        act = f"sharing personal data with {_values(facts)}"
    elif first.kind == "purpose":
        act = f"using personal data for {_values(facts)}"
    else:
        verb = _DATA_VERB.get(first.category, ("", "processing"))[1]
        act = f"{verb} {_values(facts, data_name)}"
    return sentence(f"the policy {'now' if now else 'no longer'} rules out {act}")


def _deletion(fact: Fact) -> str:
    if fact.direction == "kept":
        return "data the policy said is deleted is now said to be kept"
    return "data the policy said is kept is now said to be deleted"


def _wording_fact(fact: Fact) -> str:
    return reworded([fact.category])


_RULED_OUT_KINDS = frozenset({"recipient", "data_type", "purpose"})
# Kinds whose facts name things added or removed: (added, added plural, removed, removed plural)
_LABELS = {
    "country": (
        "new transfer destination",
        "new transfer destinations",
        "transfer destination no longer named",
        "transfer destinations no longer named",
    ),
    "recipient": (
        "new recipient of personal data",
        "new recipients of personal data",
        "recipient of personal data no longer named",
        "recipients of personal data no longer named",
    ),
    "purpose": (
        "new purpose for personal data",
        "new purposes for personal data",
        "purpose for personal data no longer named",
        "purposes for personal data no longer named",
    ),
    "security_measure": (
        "new security measure",
        "new security measures",
        "security measure no longer named",
        "security measures no longer named",
    ),
}


# Canonical keys whose name says less than they hold: the "pseudonymisation" measure is found for
# anonymised and aggregated data too.
_VALUE_NAMES = {"pseudonymisation": "anonymisation or pseudonymisation"}


def _labelled(
    added: str, added_many: str, removed: str, removed_many: str
) -> Callable[[Sequence[Fact]], str]:
    """Facts that name things added (or removed), under a label: "new transfer destinations: A and B"."""

    def say(facts: Sequence[Fact]) -> str:
        many = len(facts) > 1
        named = _values(facts, lambda value: _VALUE_NAMES.get(str(value), str(value)))
        if facts[0].direction == "added":
            return f"{added_many if many else added}: {named}"
        return f"{removed_many if many else removed}: {named}"

    return say


def _deletion_trigger(facts: Sequence[Fact]) -> str:
    """Refusals (withdrawing consent, objecting) after which the data is deleted, dropped or added."""
    when = _joined(_unique([right_name(f.old or f.new).removeprefix("to ") for f in facts]), "or")
    if facts[0].old:
        return f"your data is no longer said to be deleted when you {when}"
    return f"your data will now be deleted when you {when}"


_LISTED: dict[str, Callable[[Sequence[Fact]], str]] = {
    **{kind: _labelled(*labels) for kind, labels in _LABELS.items()},
    "data_type": _data_type,
    "deletion_trigger": _deletion_trigger,
    "right": _right,
    "item": _item,
    "shared_data": _shared_data,
    "excepted_item": _excepted_item,
    "promise_exception": _promise_exception,
}


def _right_timing(fact: Fact) -> str:
    """ "at any time" dropped from a right: it may no longer be used whenever the user likes."""
    return sentence("your rights may no longer be used at any time")


def _default(fact: Fact) -> str:
    """A setting switched from off to on by default, or back."""
    return sentence(f"a setting that was {fact.old} is now {fact.new}")


def _breach_channel(fact: Fact) -> str:
    """A breach notice that reached the user directly, or no longer does."""
    if fact.direction == "added":
        return sentence("you will now be told of a data breach directly (by e-mail or a message)")
    if fact.new == "posted":
        return sentence("you will no longer be told of a data breach directly, only by a public notice")
    return sentence("you will no longer be told of a data breach directly (by e-mail or a message)")


def _unsafeguarded(fact: Fact) -> str:
    """A transfer said to happen "without additional safeguards", or no longer said so."""
    if fact.direction == "added":
        return sentence(f"data may now be transferred abroad without safeguards (“{fact.new}”)")
    return sentence(f"transfers abroad are no longer said to happen without safeguards (“{fact.old}”)")


def _override_grounds(fact: Fact) -> str:
    """The grounds on which processing may go on despite an objection made weaker, or stronger."""
    if fact.direction == "removed":
        return sentence(
            f"processing may go on despite your objection on weaker grounds (“{fact.old}” dropped)"
        )
    return sentence(f"processing may go on despite your objection only on stronger grounds (“{fact.new}”)")


def _transfer_notice(fact: Fact) -> str:
    """The promise to tell the user when their data passes to a buyer of the business (a merger,
    an acquisition), dropped or made."""
    if fact.direction == "removed":
        return sentence("you will no longer be told when your data passes to a buyer of the business")
    return sentence("you will now be told when your data passes to a buyer of the business")


_DESCRIBERS: dict[str, Callable[[Fact], str]] = {
    "duration": _duration,
    "transfer_notice": _transfer_notice,
    "override_grounds": _override_grounds,
    "unsafeguarded": _unsafeguarded,
    "breach_channel": _breach_channel,
    "default": _default,
    "right_timing": _right_timing,
    "retention_state": _retention_state,
    "age": _age,
    "polarity": _single_flip,
    "breach_notice": _breach_notice,
    "change_notice": _change_notice,
    "change_channel": _change_channel,
    "change_timing": _change_timing,
    "parental_consent": _parental,
    "ban_exception": lambda fact: describe_conditions([fact]),
    "wording": _wording_fact,
    "deletion": _deletion,
    "condition": lambda fact: describe_conditions([fact]),
    "safeguard": lambda fact: describe_conditions([fact]),
    "minimisation": lambda fact: describe_conditions([fact]),
}


# --- flips of a verb ------------------------------------------------------------------------


def _flip(members: Sequence[Finding], to: list[str]) -> str:
    first = members[0].fact
    actions = _unique([m.action or "share" for m in members])
    return _flip_sentence(first.direction, first.old, first.new, actions, to)


def _flip_sentence(
    direction: str, old: str | None, new: str | None, actions: list[str], to: list[str]
) -> str:
    """ "personal data may now be sold to advertisers", "the promise not to sell or rent personal
    data was dropped", "personal data will no longer be shared"."""
    actions = [a or "share" for a in actions]
    done = _joined([_PARTICIPLE.get(a, "shared") for a in actions], "or")
    if direction == "negated":
        return sentence(f"personal data will no longer be {done}")
    if not new:
        return sentence(f"the promise not to {_joined(actions, 'or')} personal data was dropped")
    text = (
        f"the policy now says personal data may be {done}" if not old else f"personal data may now be {done}"
    )
    if to:
        text += (" with " if set(actions) <= {"share"} else " to ") + _joined(to, "and")
    return sentence(text)


# --- small helpers --------------------------------------------------------------------------


def data_name(key: str | None) -> str:
    """A data type as the data it names: "health" -> "health data"."""
    key = key or ""
    if key in _DATA_NAME:
        return _DATA_NAME[key]
    return key if key.endswith(("data", "information")) else f"{key} data"


def right_name(key: str | None) -> str:
    """A right as what it lets the user do: "erasure" -> "to have your data deleted"."""
    key = key or ""
    return _RIGHT.get(key, f"“{key}”")


def _group(fact: Fact) -> str:
    """Facts that read as one part: the flips of one direction, the qualifiers of one kind,
    category and direction; every other fact alone."""
    if fact.kind == "polarity":
        return f"polarity {fact.direction}"
    if fact.kind == "parental_consent":  # "only with a parent's consent": one qualifier
        return f"qualifier condition {fact.category} {fact.direction}"
    if fact.kind in ("condition", "safeguard", "minimisation", "ban_exception"):
        return f"qualifier {fact.kind} {fact.category} {fact.direction}"
    if fact.kind in _LISTED or fact.kind in _RULED_OUT_KINDS:
        return f"list {fact.kind} {fact.category} {fact.direction}"
    return f"fact {id(fact)}"


def _values(facts: Sequence[Fact], name: Callable[[str | None], str] = str) -> str:
    """The things the facts name (the new ones of added facts, else the old), joined."""
    values = [(f.new if f.direction in ("added", "negated") else f.old) or "" for f in facts]
    return _joined(_unique([name(v) for v in values if v]), "and")


def _lower_first(text: str) -> str:
    """A sentence as a later part of another: its first letter in lower case, unless the first
    word is an abbreviation ("EU/EEA")."""
    head = text.split(" ", 1)[0]
    return text if head[1:2].isupper() else text[:1].lower() + text[1:]


def _about(categories: Sequence[str]) -> str:
    """What a clause is about: one category in full ("sharing of personal data"), several by
    their short names ("sharing and how data is used")."""
    return TOPIC.get(categories[0], categories[0]) if len(categories) == 1 else topics(categories)


def _unquoted(text: str) -> str:
    return text[1:-1] if len(text) > 1 and text[0] == text[-1] == '"' else text


def _unique(items: list[str]) -> list[str]:
    return sorted(set(items), key=items.index)


def _joined(items: Sequence[str], conjunction: str) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {conjunction} " + items[-1]
