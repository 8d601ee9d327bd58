"""Work the engine skips because it cannot change a verdict: the age patterns that need a digit on
a clause without one, and the verbs of an added or removed clause that states no term."""

from __future__ import annotations

import re

from monitor.engine.classify import classify
from monitor.engine.facts import extract_facts, needs_digit
from monitor.lang.lexicon import all_lexicons
from monitor.models import Change, Clause


def test_a_pattern_needs_a_digit_only_when_every_match_holds_one() -> None:
    needing = [
        r"below (\d{1,2}) years",
        r"(1[3-9]|2[01]) or older",
        r"aged ([0-9]+)",
        r"(?:kids|teens) of (\d\d?)",
    ]
    for source in needing:
        assert needs_digit(re.compile(source, re.IGNORECASE)), source
    not_needing = [
        r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*岁",  # a Han numeral is no decimal digit
        r"under (?:sixteen|\d+)",  # a number word
        r"teen(\d)?",  # the digit may be left out
        r"aged (?=\d)",  # a look-ahead matches no character
        r"aged [^\d]+",  # any character but a digit
        r"ages? \w+",
    ]
    for source in not_needing:
        assert not needs_digit(re.compile(source, re.IGNORECASE)), source


def test_every_lexicon_age_pattern_without_a_digit_still_matches_its_own_words() -> None:
    # the patterns skipped on a clause without digits are exactly those that need one
    for lex in all_lexicons():
        for pattern in lex.ages:
            if needs_digit(pattern):
                assert not pattern.search("people under the age of majority, aged twelve or younger")


def test_ages_are_read_with_digits_and_with_han_numerals() -> None:
    assert extract_facts("Nobody younger than 16 may register a team account.", "en").ages == (16,)
    assert extract_facts("Members must be at least 18 to join the forum.", "en").ages == (18,)
    assert extract_facts("People under sixteen need a guardian to sign up.", "en").ages == ()
    assert extract_facts("未满十四周岁的用户需要监护人同意。", "zh").ages == (14,)


def _single(kind: str, text: str, heading: bool) -> Change:
    clause = Clause(4, text, language="en", is_heading=heading)
    change = Change(kind, None, clause) if kind == "added" else Change(kind, clause, None)
    (classified,) = classify([change])
    return classified


def test_a_heading_that_promises_something_is_still_read_for_its_promise() -> None:
    assert not _single("added", "Our Newsletter Archive", heading=True).material
    promise = _single("removed", "We never sell personal information to advertisers", heading=True)
    assert promise.material and promise.severity == "high", promise


def test_a_clause_with_no_term_stays_quiet_and_one_with_a_ban_alerts() -> None:
    assert not _single("removed", "Our office is closed on public holidays.", heading=False).material
    ban = _single("removed", "We will never rent your contact list to marketing firms.", heading=False)
    assert ban.material and ban.severity == "high", ban
