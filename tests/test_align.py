"""The aligner on hand-built clause sequences: kinds, moves, splits, inline diffs, determinism."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.engine.align import align, inline_diff
from monitor.engine.segment import clause_key
from monitor.models import Clause


def clauses(*texts: str) -> list[Clause]:
    return [Clause(index=i, text=t, key=re.sub(r"[\W_]+", "", t.casefold())) for i, t in enumerate(texts)]


BASE = [
    "We collect your name and e-mail address.",
    "We keep your data for 3 years.",
    "We do not sell your personal data.",
    "You may ask us to delete your data.",
    "We use cookies to measure traffic.",
    "Contact us at privacy@example.org.",
]


def kinds(changes):
    return [c.kind for c in changes]


def test_identical_sequences_have_no_changes():
    assert align(clauses(*BASE), clauses(*BASE)) == []


def test_one_word_edit_is_one_modified_clause_with_a_word_level_inline_diff():
    new = list(BASE)
    new[1] = "We keep your data for 10 years."
    changes = align(clauses(*BASE), clauses(*new))
    assert kinds(changes) == ["modified"]
    (change,) = changes
    assert change.old.index == 1 and change.new.index == 1
    assert change.inline == [(0, "We keep your data for "), (-1, "3"), (1, "10"), (0, " years.")]


def test_cjk_inline_diff_is_by_character():
    diff = inline_diff("我们会保留您的信息三年。", "我们会保留您的信息五年。")
    assert diff == [(0, "我们会保留您的信息"), (-1, "三"), (1, "五"), (0, "年。")]


def test_added_and_removed_clauses():
    new = BASE[:2] + ["We collect fingerprints to verify your identity."] + BASE[2:5]
    changes = align(clauses(*BASE), clauses(*new))
    assert sorted(kinds(changes)) == ["added", "removed"]
    added = next(c for c in changes if c.kind == "added")
    removed = next(c for c in changes if c.kind == "removed")
    assert added.new.text.startswith("We collect fingerprints") and added.old is None
    assert removed.old.text.startswith("Contact us") and removed.new is None


def test_a_moved_clause_is_one_move_not_removed_plus_added():
    new = [BASE[0], BASE[4], BASE[1], BASE[2], BASE[3], BASE[5]]
    changes = align(clauses(*BASE), clauses(*new))
    assert kinds(changes) == ["moved"]
    assert changes[0].inline is None


def test_a_moved_and_edited_clause_is_moved_with_an_inline_diff():
    new = [BASE[0], "We use cookies and pixels to measure traffic.", BASE[1], BASE[2], BASE[3], BASE[5]]
    changes = align(clauses(*BASE), clauses(*new))
    assert kinds(changes) == ["moved"]
    assert (1, "and pixels ") in changes[0].inline


def test_splitting_and_joining_sentences_is_not_a_change():
    joined = BASE[:1] + [BASE[1] + " " + BASE[2]] + BASE[3:]
    assert align(clauses(*BASE), clauses(*joined)) == []
    assert align(clauses(*joined), clauses(*BASE)) == []


def test_a_rewrite_in_place_is_modified_even_when_few_words_survive():
    new = list(BASE)
    new[2] = "Your personal data may be sold to advertisers."
    assert kinds(align(clauses(*BASE), clauses(*new))) == ["modified"]


def test_changes_come_in_document_order():
    new = list(BASE)
    new[0] = "We collect your name, e-mail address and phone number."
    new[4] = "We use cookies to measure traffic and to show ads."
    del new[3]
    changes = align(clauses(*BASE), clauses(*new))
    assert kinds(changes) == ["modified", "removed", "modified"]


texts = st.lists(
    st.sampled_from(BASE + ["Extra clause one.", "Extra clause two, about retention."]), max_size=12
)


@settings(max_examples=150, deadline=None)
@given(texts, texts)
def test_every_clause_is_accounted_for_and_output_is_deterministic(a, b):
    old, new = clauses(*a), clauses(*b)
    changes = align(old, new)
    assert changes == align(old, new)
    touched_old = {c.old.index for c in changes if c.old}
    touched_new = {c.new.index for c in changes if c.new}
    # clauses not in a change must be matched one to one by key
    rest_old = sorted(c.key for c in old if c.index not in touched_old)
    rest_new = sorted(c.key for c in new if c.index not in touched_new)
    assert "".join(rest_old) == "".join(rest_new) or rest_old == rest_new or _split_join(rest_old, rest_new)


def _split_join(a: list[str], b: list[str]) -> bool:
    return sorted("".join(a)) == sorted("".join(b))


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200), st.text(max_size=200))
def test_inline_diff_rebuilds_both_texts(a, b):
    diff = inline_diff(a, b)
    assert "".join(t for op, t in diff if op <= 0) == a
    assert "".join(t for op, t in diff if op >= 0) == b


def test_a_new_postal_address_is_a_few_modified_lines_not_a_block_removed_and_added() -> None:
    def lines(*texts: str) -> list[Clause]:
        return [Clause(i, t, key=clause_key(t)) for i, t in enumerate(texts)]

    old = lines(
        "Our data protection officer:",
        "Harbour Legal Ltd",
        "Attn. Jane Roe",
        "4 Quay Street",
        "Dublin 2",
        "We answer within a month.",
    )
    new = lines(
        "Our data protection officer:",
        "Mr Tom Field",
        "88 Hill Road",
        "Dublin 2",
        "We answer within a month.",
    )
    changes = align(old, new)
    assert sorted(c.kind for c in changes) == ["modified", "modified", "removed"]


# --- freak inputs: the work stays bounded and the answer stays useful ---------------------------


def test_one_row_inserted_among_thousands_of_identical_rows_is_one_addition(monkeypatch) -> None:
    # A table of identical rows makes the exact matcher walk every (old copy, new copy) pair;
    # past the budget the copies are told apart by their place and the insertion is still found.
    import monitor.engine.align as align_module

    row = "Session cookie, expires when you close the browser."
    old = clauses(*[row] * 600)
    new = clauses(*[row] * 300, "Advertising cookie, kept for 13 months.", *[row] * 300)
    assert align_module._key_match_work([c.key for c in old], [c.key for c in new]) == 600 * 600
    monkeypatch.setattr(align_module, "KEY_MATCH_BUDGET", 1000)
    changes = align(old, new)
    assert kinds(changes) == ["added"] and changes[0].new.text.startswith("Advertising cookie")


def test_past_the_pairing_budget_edited_clauses_are_still_paired_through_their_rare_words(
    monkeypatch,
) -> None:
    import monitor.engine.align as align_module

    monkeypatch.setattr(align_module, "PAIR_BUDGET", 0)
    monkeypatch.setattr(align_module, "RARE_WORD_CLAUSES", 1)
    new = list(BASE)
    new[1] = "We keep your data for 10 years."
    new[3] = "You may ask us to delete or correct your data."
    changes = align(clauses(*BASE), clauses(*new))
    assert kinds(changes) == ["modified", "modified"]
    assert [c.old.index for c in changes] == [1, 3]


def test_past_the_pairing_budget_clauses_sharing_only_common_words_are_added_and_removed(
    monkeypatch,
) -> None:
    import monitor.engine.align as align_module

    monkeypatch.setattr(align_module, "PAIR_BUDGET", 0)
    monkeypatch.setattr(align_module, "RARE_WORD_CLAUSES", 1)
    old = clauses("We keep the logs.", "We keep the notes.", "Intro text stays.")
    new = clauses("We keep the files.", "We keep the photos.", "Intro text stays.")
    # every word a rewritten clause shares is shared by both old clauses: nothing rare pairs them
    assert sorted(kinds(align(old, new))) == ["added", "added", "removed", "removed"]
