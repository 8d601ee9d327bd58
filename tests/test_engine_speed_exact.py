"""Speed shortcuts give what the plain computation gives: a word is a function word of some
language exactly when one lexicon says so, a text's content words in order are the same read
once or again (they are cached per text), Change.replaced is dataclasses.replace, and the
contacts found with the patterns run only where they can match are all of them."""

from __future__ import annotations

import dataclasses

import pytest

from monitor.engine import facts
from monitor.engine.classify import resplit, textwords
from monitor.engine.classify.findings import _ordered
from monitor.lang.lexicon import all_lexicons, canonical_language
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


@pytest.mark.parametrize(
    ("tag", "lexicon"),
    [
        ("en-GB", "en"),
        ("nb", "no"),
        ("nn", "no"),
        ("nb-NO", "no"),  # a regional tag of an alias is the alias's language
        ("nn_no", "no"),
        ("zh-Hant", "zh"),
        (" DE_at ", "de"),
        ("sv", "sv"),
        ("hr", "hr"),
        ("sl-SI", "sl"),
        ("und", None),
        ("", None),
        (None, None),
    ],
)
def test_canonical_language_asked_twice_answers_alike(tag: str | None, lexicon: str | None) -> None:
    assert canonical_language(tag) == lexicon
    assert canonical_language(tag) == lexicon  # from the cache
    assert canonical_language.__wrapped__(tag) == lexicon


def test_ordered_categories_keep_the_document_order_once() -> None:
    assert _ordered(["tracking", "retention", "tracking", "sharing"]) == ["retention", "sharing", "tracking"]
    assert _ordered({"contact", "children"}) == ["children", "contact"]
    assert _ordered(()) == []


def _contacts_unguarded(text: str) -> frozenset[str]:
    """contacts_in without its shortcuts: every pattern run on every text."""
    found = facts.EMAIL_RE.findall(text) + facts.URL_RE.findall(text)
    found += [p for p in facts.PHONE_RE.findall(text) if sum(ch.isdigit() for ch in p) >= 7]
    return frozenset(found)


@pytest.mark.parametrize(
    "text",
    [
        "Write to our privacy team at privacy-desk@example.org or call +44 20 7946 0958.",
        "Schreiben Sie an datenschutz@beispiel.de oder besuchen Sie WWW.BEISPIEL.DE/KONTAKT.",
        "Contactez-nous : [email protected] ou HTTPS://exemple.fr/confidentialite",
        "Llámenos al (91) 123 45 67 o escriba a soporte@ejemplo.es.",
        "Ring os på ３３ ４４ ５５ ６６ ７７ hvis du har spørgsmål.",  # full-width digits
        "我们的电话是 010-8888 6666，网址 www.example.cn。",
        "Vi sparar uppgifterna i tolv månader och delar dem inte med någon.",
        "Postboks 12, 0101 Oslo",
    ],
)
def test_contacts_found_as_without_the_shortcuts(text: str) -> None:
    assert facts.contacts_in(text) == _contacts_unguarded(text)


LIST_SENTENCES = [
    "We do not use it for advertising, profiling, sale or rental of your data.",
    "Wir geben Namen, Anschrift,  E-Mail-Adresse und Telefonnummer nicht weiter.",
    "Nous ne vendons pas vos nom, adresse, ni numéro de téléphone.",
    "No compartimos nombre,\tdirección, o correo con terceros, salvo obligación legal.",
    "Vi deler ikke navn, adresse eller telefonnummer, heller ikke med partnere.",
    "Nigdy, nikomu, 3 razy, we never, ever, sell it, and, or, but.",
    "我们不会出售您的姓名、地址, 或电话号码。",
]


@pytest.mark.parametrize("text", LIST_SENTENCES)
def test_item_before_is_the_search_everywhere(text: str) -> None:
    for hi in range(len(text) + 1):
        for lo in {0, max(0, hi - facts.LIST_LOOKBACK), max(0, hi - 7)}:
            fast, plain = facts._item_before(text, lo, hi), facts._ITEM_BEFORE.search(text, lo, hi)
            assert (fast and fast.span(), fast and fast.groups()) == (
                plain and plain.span(),
                plain and plain.groups(),
            )
