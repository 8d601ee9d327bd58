"""Clause token diffs: SequenceMatcher's exact answer on real clauses, a bounded one on freak input.

A hostile page can be one "sentence" of thousands of repeated tokens; an exact diff walks every
pair of equal tokens, so it grew with the square of the length and held a check for hours.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from monitor.engine import tokendiff
from monitor.engine.pipeline import compare_documents
from monitor.engine.tokendiff import PER_CALL_WORK, diff_budget, equal_pairs, token_opcodes
from monitor.extract.normalize import normalize


def _apply(opcodes: list[tuple[str, int, int, int, int]], a: list[str], b: list[str]) -> list[str]:
    """Rebuild b from a and the opcodes, checking that equal runs really are equal."""
    out: list[str] = []
    i = j = 0
    for tag, i1, i2, j1, j2 in opcodes:
        assert (i1, j1) == (i, j), "opcodes must cover both sequences in order"
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
        out.extend(b[j1:j2])
        i, j = i2, j2
    assert (i, j) == (len(a), len(b))
    return out


def test_a_real_clause_gets_the_exact_diff() -> None:
    a = "We keep your order history for three years and then delete it .".split()
    b = "We keep your order history and invoices for ten years and then delete them .".split()
    assert token_opcodes(a, b) == SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def test_equal_pairs_counts_the_pairs_an_exact_diff_walks() -> None:
    assert equal_pairs(["a", "b", "a"], ["a", "a", "c"]) == 4
    assert equal_pairs(["x"], ["y"]) == 0


def test_repeated_tokens_past_the_budget_still_give_a_true_diff() -> None:
    n = 2 * int(PER_CALL_WORK**0.5)
    a = ["a", "."] * n
    b = a[:n] + ["kept"] + a[n:]
    assert equal_pairs(a, b) > PER_CALL_WORK
    opcodes = token_opcodes(a, b)
    assert _apply(opcodes, a, b) == b
    assert [op for op in opcodes if op[0] != "equal"] == [("insert", n, n, n, n + 1)]


def test_a_spent_budget_switches_to_the_bounded_diff_and_is_restored_after() -> None:
    a = "Your data stays in the EU unless you agree otherwise .".split()
    b = "Your data stays in the EU or the US unless you agree otherwise .".split()
    with diff_budget(total=equal_pairs(a, b)):
        first = token_opcodes(a, b)  # spends the whole budget
        second = token_opcodes(a, b)  # over budget: the bounded diff, still a true diff
    assert _apply(first, a, b) == b and _apply(second, a, b) == b
    assert tokendiff._work_left.get() is None


def test_a_page_of_one_endless_sentence_is_compared_and_reports_the_edit() -> None:
    # 40,000 tokens with no sentence end: the exact diffs took over ten minutes here
    old = normalize(b"<p>" + b"a." * 20_000 + b"</p>", "text/html")
    new = normalize(b"<p>" + b"a." * 10_000 + b" retained " + b"a." * 10_000 + b"</p>", "text/html")
    changes = compare_documents(old, new).changes
    assert [c.kind for c in changes] == ["modified"]


def test_words_after_a_verb_are_read_without_splitting_the_rest_of_the_text() -> None:
    from monitor.engine.facts import _words_after

    text = "Wir verkaufen\u00a0Ihre Daten\tan Dritte\u2003nicht weiter, " + "und so weiter " * 1000
    at = len("Wir verkaufen")
    for count in (0, 1, 4, 16):
        assert _words_after(text, at, count) == text[at:].split()[:count]


def test_a_negator_after_the_verb_still_counts_in_a_verb_second_language() -> None:
    from monitor.engine.facts import extract_facts

    facts = extract_facts("Wir verkaufen Ihre personenbezogenen Daten nicht.", "de")
    assert any(p.state == "negated" for p in facts.polarity)


def test_the_inline_diff_of_a_clause_with_more_distinct_words_than_code_points_is_one_replacement() -> None:
    from monitor.engine.align import inline_diff

    old = " ".join(f"w{i}" for i in range(140_000))
    new = old + " kept"
    assert tokendiff.as_symbols(old.split(), new.split()) is None
    assert inline_diff(old, new) == [(-1, old), (1, new)]
    assert inline_diff("We keep it for 3 years.", "We keep it for 5 years.") == [
        (0, "We keep it for "),
        (-1, "3"),
        (1, "5"),
        (0, " years."),
    ]
