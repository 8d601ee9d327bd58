"""The list-marker grammar, written once: what numbers or bullets a clause, a line or a heading.

In: a line of folded text. Out: compiled patterns (and a cheap pre-test) for
- `MARKER`: the enumeration marker a clause or a line starts with ("1.", "2.3", "(a)", "iv.",
  "(一)", "一、", "第三条", "§ 4", "Article 5.", "•", "-"), with the space after it; segment.py
  keeps it apart from the clause's text, and normalize.py asks whether a line starts a new item
  (it never joins such a line to the one before);
- `MARKER_ONLY`: a line that is nothing but a marker (it numbers the next block);
- `HEADING_NUMBER`: the subset of markers that number headings in plain text ("1.", "1.2", "II.",
  "(一)", "第二章", "Section 3"), in group `m`, whose form gives the heading's level.

A day and month ("1. Januar", "30. juni") is a date, not a marker (MONTHS, every language).
The CJK classes come from monitor/lang/scripts.py.
"""

from __future__ import annotations

from typing import Final

from monitor.lang.scripts import CJK
from monitor.lang.startup_cache import compile_cached

# "30. juni", "1. Januar": a date, not a numbered clause (da, de, no, sv, fr, es, en, nl, hr, sl
# month names).
MONTHS: Final = (
    r"(?i:(?:jan(?:uar[iy]?|vier)?|feb(?:ruar[iy]?)?|février|fév|mar(?:s|ch|ts|zo)?|märz|apr(?:il)?|avril"
    r"|abril|ma[iyj]|mayo|jun[ie]?|junio|juin|jul[iy]?|julio|juillet|aug(?:ust[i]?)?|août|agosto"
    r"|sep(?:t|tember|tembre|tiembre)?|o[kc]t(?:ober|obre|ubre)?|nov(?:ember|embre|iembre)?"
    r"|d[ée][cz](?:ember|embre)?|desember|dic(?:iembre)?|enero|febrero"
    # nl; sl in the genitive a date takes ("1. marca 2024"); hr in the nominative and genitive
    r"|maart|mei|augustus|januarja|februarja|mar(?:ec|ca)|aprila|junija?|julija?|avgusta?"
    r"|septembra|oktobra|novembra|decembra|siječ(?:anj|nja)|veljač[ae]|ožuj(?:ak|ka)"
    r"|trav(?:anj|nja)|svib(?:anj|nja)|lip(?:anj|nja)|srp(?:anj|nja)|kolovoza?|ruj(?:an|na)"
    r"|listopada?|studen(?:i|og|oga)|prosin(?:ac|ca))\b)"
)

CJK_NUMERALS: Final = "一二三四五六七八九十百"
_CJK_ORDINAL: Final = rf"第[{CJK_NUMERALS}零〇\d]+"  # 第三, 第12
SECTION_WORDS: Final = "Section|Article|Artikel|Chapter|Kapitel|Avsnitt"  # (a marker also takes "Art.")
BULLETS: Final = "•·‧・▪◦●○■□►▸✓➢➤"

_MARKER_ALT: Final = (
    rf"{_CJK_ORDINAL}[条章节款部分]\s*"
    rf"|[{CJK_NUMERALS}]+[、.]\s*"
    rf"|\([{CJK_NUMERALS}]{{1,4}}\)\s*"
    r"|\(\d{1,3}\)\s*"
    r"|\([ivxIVX]{1,5}\)\s*"
    r"|\([a-zA-Z]\)\s*"
    rf"|\d{{1,2}}(?:\.\d{{1,3}}){{1,3}}(?:\.\s*|\s+(?=[A-ZÀ-ÞÅÄÖÆØ({CJK}])|(?=[{CJK}]))"
    r"|\d{1,3}\.(?!\d)(?!\s*" + MONTHS + r")\s*"
    r"|\d{1,3}[)、,](?!\d)\s*"
    r"|[A-Za-z]\)\s*"
    r"|[IVX]{1,4}\.\s+"
    r"|§\s*\d+[a-z]?\.?\s*"
    r"|(?:Section|Article|Artikel|Art\.|Chapter|Kapitel|Avsnitt)\s+\d+(?:\.\d+)*[.:]\s+"
    rf"|[{BULLETS}]\s*"
    r"|[-*–—+](?=\s)\s*"
)
MARKER: Final = compile_cached(f"^(?:{_MARKER_ALT})")
MARKER_ONLY: Final = compile_cached(f"^(?:{_MARKER_ALT})$")

# Every alternative above starts with one of these, a digit, or a Latin letter that is "I", "V",
# "X", the first of a section word or "Art.", or is followed by ")".
_MARKER_FIRST: Final = frozenset(f"第{CJK_NUMERALS}(§{BULLETS}-*–—+")
# A marker that starts with a Latin letter: a letter and ")"; one to four of I, V, X and a full
# stop; or a section word (SECTION_WORDS, "Art.").
_ROMAN: Final = "IVX"
_SECTION_STARTS: Final = (*SECTION_WORDS.split("|"), "Art.")
_SECTION_FIRST: Final = frozenset(word[0] for word in _SECTION_STARTS)


def may_be_marker(text: str) -> bool:
    """A quick test that rules out MARKER (and MARKER_ONLY) for most sentences, which the
    regex would try against every alternative: the first character must start one, and a Latin
    letter only starts a marker as the alternatives above say ("In", "As", "Cookies" do not)."""
    c = text[:1]
    if c in _MARKER_FIRST or c.isdigit():
        return bool(c)
    if "A" <= c <= "Z" or "a" <= c <= "z":
        if text[1:2] == ")":
            return True
        if c in _ROMAN:
            return "." in text[1:5]
        return c in _SECTION_FIRST and text.startswith(_SECTION_STARTS)
    return False


def starts_with_marker(line: str) -> bool:
    """Whether a line begins with an enumeration marker (a new item, never a continuation)."""
    return may_be_marker(line) and MARKER.match(line) is not None


# Plain-text headings: a section number of a heading scheme, then a short title.
HEADING_NUMBER: Final = compile_cached(
    rf"^(?P<m>{_CJK_ORDINAL}[章部分]|{_CJK_ORDINAL}[条节]"
    rf"|[{CJK_NUMERALS}]+[、.]|\([一二三四五六七八九十]{{1,3}}\)"
    r"|\d{1,2}\.\d{1,2}\.\d{1,2}\.?|\d{1,2}\.\d{1,2}\.?(?=\s*\D)|\d{1,2}[.、](?!\d)(?!\s*" + MONTHS + r")"
    rf"|[IVX]{{1,4}}\.(?=\s)|(?:{SECTION_WORDS})\s+\d+[.:]?|§\s*\d+)"
)
