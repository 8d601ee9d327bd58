"""Speed shortcuts give what the plain computation gives: a word is a function word of some
language exactly when one lexicon says so, a text's content words in order are the same read
once or again (they are cached per text), and Change.replaced is dataclasses.replace."""

from __future__ import annotations

import dataclasses

import pytest

from monitor.engine.classify import resplit, textwords
from monitor.lang.lexicon import all_lexicons
from monitor.models import Change, Clause, Context


def _asked_of_every_lexicon(word: str) -> bool:
    """The plain answer: every language's list joiners and function words asked in turn."""
    return any(word in lex.conjunctions or textwords._function_word(word, lex) for lex in all_lexicons())


def _words_to_try() -> list[str]:
    """Every language's function words and joiners (as listed and lower-cased), words next to
    them, and content words of our own sentences in every supported language."""
    words: set[str] = set()
    for lex in all_lexicons():
        for item in (*lex.stopword_items, *lex.conjunctions):
            words |= {item, item.lower(), item.upper(), item + "s", item[:-1]}
    own = (
        "Delivery partners receive your parcel address. Wir speichern Rechnungen zehn Jahre lang. "
        "Nous conservons les factures. Conservamos las facturas. Vi gemmer fakturaer. Vi sparar "
        "kvitton. Vi lagrer kvitteringer. Wij bewaren facturen. Čuvamo račune. Hranimo račune. "
        "我们保存发票。 Kelvin ſo İnfo ıtem"
    )
    words |= set(textwords._lower_words(own))
    return sorted(w for w in words if w and " " not in w)


@pytest.mark.parametrize("word", _words_to_try())
def test_function_word_somewhere_is_what_every_lexicon_says(word: str) -> None:
    assert textwords._function_word_somewhere.__wrapped__(word) == _asked_of_every_lexicon(word)


def test_ascii_shortcut_covers_every_listed_word() -> None:
    listed = textwords._ascii_listed_words(all_lexicons())
    assert listed is not None  # every lexicon lists plain words today: the shortcut is taken
    for lex in all_lexicons():
        assert lex.conjunctions <= listed
        assert {w.lower() for w in lex.stopword_items if w.isascii()} <= listed


def test_content_sequence_is_the_same_when_asked_again() -> None:
    text = "We keep the invoices, and we never sell them to anyone. Wir verkaufen sie nie."
    first = resplit._content_sequence(text)
    assert first == resplit._content_sequence(text)
    assert isinstance(first, tuple)
    expected = [w for w in textwords._lower_words(text) if not _asked_of_every_lexicon(w)]
    assert list(first) == expected
    assert "invoices" in first and "and" not in first


def test_change_replaced_is_dataclasses_replace() -> None:
    clause = Clause(index=3, text="We keep invoices for ten years.", section=("Retention",))
    change = Change(kind="added", old=None, new=clause, categories=["retention"], explanation="x")
    for name, value in (
        ("material", True),
        ("severity", "high"),
        ("categories", ["retention", "sharing"]),
        ("context", Context(before="Before.", after=None)),
        ("explanation", "New clause about how long invoices are kept"),
    ):
        fast, plain = change.replaced(**{name: value}), dataclasses.replace(change, **{name: value})
        assert fast == plain and fast is not change
        assert fast.to_dict() == plain.to_dict()
    assert change.material is False and change.context is None  # the original is left as it was


def test_change_replaced_refuses_what_replace_refuses() -> None:
    change = Change(kind="removed", old=None, new=None)
    with pytest.raises(TypeError):
        change.replaced(materiality=True)
    # replaced() copies fields: it stays dataclasses.replace only while every field is set by
    # __init__ and nothing runs after it
    assert all(f.init for f in dataclasses.fields(Change))
    assert not hasattr(Change, "__post_init__")
