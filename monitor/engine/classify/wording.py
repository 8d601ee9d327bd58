"""Edits that change words but not terms: typo fixes, repeats dropped, a negation re-worded.

In: old and new texts, their changed word pairs and Lexicon. Out: yes/no answers (a typo fix, a
negation said otherwise, an end date moved) and the text with dates and contacts masked.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from monitor.engine.classify.lists import _list_items
from monitor.engine.classify.negation import _negation_change
from monitor.engine.classify.textwords import (
    _HAN_RE,
    _WORD,
    _changed_words,
    _count_changed,
    _function_word,
    _has_han,
)
from monitor.engine.facts import EMAIL_RE, PHONE_RE, URL_RE, ClauseFacts, link_labels
from monitor.engine.tokendiff import token_opcodes
from monitor.lang import caseless
from monitor.lang.lexicon import Lexicon
from monitor.lang.startup_cache import compile_cached

_DATE_RE = compile_cached(
    r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}\s*日?)?月?|\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}"
    r"|(?<!\d)(?:19|20)\d{2}(?!\d)|\d{1,2}\s*月\s*\d{1,2}\s*日"
)
_DIGIT = compile_cached(r"\d")
_DAY_MONTH = compile_cached(r"\x00M\s*\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th|\.)?\s*\x00M")

TYPO_SPAN = 2_000  # characters: a changed stretch longer than this is no spelling fix
_CJK_NUMERALS = set("零〇一二两兩三四五六七八九十百千万半")

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
            if _HAN_RE.search(run) or _word_aligned(long, j, n):
                return True
    return False


def _word_aligned(text: str, start: int, length: int) -> bool:
    """text[start:start + length] neither starts nor ends inside a word: "tonen geen ge..." ->
    "tonen ge...": the letters "en ge" repeat, but the words do not (a negator went)."""
    end = start + length
    opens = start == 0 or not text[start - 1].isalnum() or not text[start].isalnum()
    closes = end == len(text) or not text[end].isalnum() or not text[end - 1].isalnum()
    return opens and closes


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
    han_pairs = [(o, n) for o, n in pairs if _has_han(o + n)]
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
        # two characters side by side both replaced ("删除" -> "停用"): a word replaced, no slip
        substituted = substituted and not any(len(o.strip()) == len(n.strip()) == 2 for o, n in han_pairs)
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
    if any(_has_han(o + n) for o, n in pairs):
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
        if _acronym_letters_swapped(o, n):
            continue  # "SSL or TSL" -> "SSL or TLS": two letters of a short acronym swapped back
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


def _acronym_letters_swapped(a: str, b: str) -> bool:
    """Two capitals side by side swapped in a short acronym ("TSL" -> "TLS", "GPDR" -> "GDPR")."""
    if not (a.isalpha() and a.isupper() and b.isalpha() and b.isupper()) or len(a) != len(b) or len(a) > 5:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _one_letter_apart(a: str, b: str) -> bool:
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def _negative_prefix(word: str, other: str, lex: Lexicon) -> bool:
    return any(other == p + word for p in lex.negative_prefixes)


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
