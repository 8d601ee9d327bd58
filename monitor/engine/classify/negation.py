"""Negations and modals counted on both sides of an edit, and a right negated.

In: old and new clause texts and their Lexicon. Out: how the count of negations or modals
changed ('we do not sell' -> 'we sell'; 'will' -> 'may'), rights negated, the user's own options
('you can') left out of the count.
"""

from __future__ import annotations

from functools import lru_cache

from monitor.engine.classify.findings import _Finding
from monitor.engine.classify.textwords import _changed_words, _count_change, _unexcepted
from monitor.engine.facts import ClauseFacts
from monitor.lang import caseless
from monitor.lang.lexicon import Lexicon
from monitor.lang.startup_cache import compile_cached
from monitor.models import Fact

RIGHT_CATEGORY = {"reject cookies": "tracking", "opt-out of sale": "rights"}


# "will" after a Chinese "not" ("不会", "不將"): a bare "不" before the verb negates it as well
_CJK_WILL_AFTER_NOT = compile_cached(r"不(?:会|會|将|將)")


@lru_cache(maxsize=4096)  # the negation and modal counts of one comparison ask for it again
def _negation_change(old: str, new: str, lex: Lexicon) -> int:
    """How many more negators the new text has than the old (_unexcepted), where a negator that
    carries an earlier one on adds none when both sides have a negator of their own: "we neither
    sell nor rent it" negates once, as "we do not sell or rent it"; "we do not record calls, nor
    keep chats" -> "we record calls, nor keep chats" still loses its "not"."""
    a, b = _unexcepted(old, lex), _unexcepted(new, lex)
    continuers = lex.negation_continuers
    if continuers is not None and _negates_first(a, lex) and _negates_first(b, lex):
        change = _count_change(lex.negators, continuers.sub(" ", a), continuers.sub(" ", b))
        if change and _paired_count(a, lex) == _paired_count(b, lex):
            return 0  # "we do not sell it and do not share it" -> "we neither sell nor share it"
    else:
        change = _count_change(lex.negators, a, b)
    if change and _negation_said_by_prefix(old, new, lex, change):
        return 0  # "if this proves impossible" -> "if this is not possible"
    if change and lex.cjk and _CJK_WILL_AFTER_NOT.sub("不", old) == _CJK_WILL_AFTER_NOT.sub("不", new):
        return 0  # "不影响" -> "不会影响": the same verb negated, now with "will"
    return change


def _negation_said_by_prefix(old: str, new: str, lex: Lexicon, change: int) -> bool:
    """The negator the edit put in (change > 0) or took out says what a prefix on the word it
    negates said on the other side: "impossible" for "n'est pas possible", "unmöglich" for "nicht
    möglich", "omöjlig" for "inte är möjlig" (the word and its negator may be edited apart)."""
    pairs = _changed_words(old, new)
    was = {w for o, _ in pairs for w in o.lower().split()}
    now = {w for _, n in pairs for w in n.lower().split()}
    if change > 0:
        return any(_prefixed(w, now, lex) for w in was)
    return any(_prefixed(w, was, lex) for w in now)


def _prefixed(word: str, others: set[str], lex: Lexicon) -> bool:
    """The word is a negative prefix on a word of `others` ("impossible" for "possible")."""
    return any(word.startswith(p) and word[len(p) :] in others for p in lex.negative_prefixes)


def _paired_count(text: str, lex: Lexicon) -> int:
    """The negations of a text where "neither A nor B" negates twice, as "not A and not B" does:
    a continuer counts only after a neither-word ("weder ... noch"), where it cannot be the other
    sense of the word ("noch" = still)."""
    continuers = lex.negation_continuers
    assert continuers is not None and lex.negators is not None
    bare = continuers.sub(" ", text)
    count = caseless.count(lex.negators, bare)
    if _has_opener(text, lex):
        count += caseless.count(continuers, text)
    return count


_WORDS = compile_cached(r"\w+")
_HAN = compile_cached(r"[\u4e00-\u9fff]")


def _has_opener(text: str, lex: Lexicon) -> bool:
    """The text has a neither-word ("weder", "hverken"; "既不" inside a run of Han)."""
    low = text.lower()
    words = set(_WORDS.findall(low))
    return any(o in low if _HAN.search(o) else o in words for o in lex.list_openers)


def _negates_first(text: str, lex: Lexicon) -> bool:
    """The text has a negator that carries on no earlier one ("not", "neither")."""
    continuers = lex.negation_continuers
    if lex.negators is None or continuers is None:
        return False
    return any(not continuers.fullmatch(m.group(0)) for m in lex.negators.finditer(text))


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
    not counted, nor is one said in another form of address ("Du kannst" -> "Sie können", "je kan"
    -> "u kunt": as many of the user's options on both sides); one that went ("you may opt out")
    takes a choice away and still counts."""
    came = _count_change(lex.user_modals, old, new)
    if came >= 0:
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
