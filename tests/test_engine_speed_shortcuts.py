"""Shortcuts the engine takes for speed give what the plain computation gives: the keys and
category counts found where the Hyperscan scan rules on a pattern union, token symbols for the
diffs, company names blanked only where a legal form stands, words lower-cased at once."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.engine import align, facts
from monitor.engine.classify import resplit, textwords
from monitor.engine.segment import clause_key
from monitor.engine.tokendiff import as_symbols
from monitor.lang import prefilter
from monitor.lang.lexicon import load_lexicon
from monitor.models import Clause

# sentences of our own, each naming recipients, data, purposes, places or measures
SENTENCES = {
    "en": [
        "We hand your delivery address to couriers and may pass usage statistics to analytics vendors.",
        "Payment card numbers are never sold; we keep invoices for seven years in Ireland.",
        "Backups are not encrypted, but we do not disclose them to advertisers unless you agree.",
        "Nothing in this paragraph concerns personal information.",
    ],
    "de": [
        "Ihre Rechnungsdaten geben wir an Zahlungsdienstleister weiter und speichern sie zehn Jahre.",
        "Wir verkaufen keine Standortdaten an Werbepartner in Kanada.",
    ],
    "fr": ["Nous transmettons votre adresse électronique à nos prestataires de paiement au Canada."],
    "es": ["Compartimos su historial de compras con aseguradoras y lo conservamos durante dos años."],
}
CASES = [(lang, text) for lang, texts in SENTENCES.items() for text in texts]
KEYED = ("recipients", "data_types", "purposes", "places", "security_measures", "rights", "conditions")

_plain_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), max_codepoint=0x2FFF), max_size=120
)
_latin_text = st.text(alphabet="abcXYZ LlCcGmHb.,;'-&/ ÄÉéß\u00a0", max_size=120)


@pytest.fixture(params=[True, False], ids=["scan", "no-scan"])
def scan(request: pytest.FixtureRequest) -> Iterator[bool]:
    """Each check with the Hyperscan prefilter ruling (when installed) and without it."""
    if request.param:
        pytest.importorskip("hyperscan")
        prefilter.allow_building()
    was = prefilter._enabled
    prefilter.set_enabled(request.param)
    facts._counted_categories.cache_clear()
    yield request.param
    prefilter.set_enabled(was)
    prefilter.allow_building(False)
    facts._counted_categories.cache_clear()


@pytest.mark.parametrize(("language", "text"), CASES)
def test_keyed_patterns_found_are_those_that_match(scan: bool, language: str, text: str) -> None:
    lex = load_lexicon(language)
    for name in KEYED:
        patterns = getattr(lex, name)
        expected = {key for key, pattern in patterns.items() if pattern.search(text)}
        assert facts._keys(patterns, text) == expected, name


@pytest.mark.parametrize(("language", "text"), CASES)
def test_category_counts_are_the_plain_counts(scan: bool, language: str, text: str) -> None:
    lex = load_lexicon(language)
    expected = {c: n for c, p in lex.categories.items() if (n := len(p.findall(text)))}
    assert dict(facts._counted_categories(text, lex)) == expected


@pytest.mark.parametrize(("language", "text"), CASES)
def test_negation_and_modal_counts_are_the_plain_counts(scan: bool, language: str, text: str) -> None:
    lex = load_lexicon(language)
    other = "We will share it."
    for pattern in (lex.negators, lex.modals):
        assert pattern is not None
        expected = len(pattern.findall(text)) - len(pattern.findall(other))
        assert textwords._count_change(pattern, other, text) == expected


def test_a_negated_measure_is_still_found(scan: bool) -> None:
    lex = load_lexicon("en")
    spans = facts._measure_negations("Your archived messages are not encrypted on our servers.", lex)
    assert [key for _, _, key in spans] == ["encryption"]
    assert facts._measure_negations("Your archived messages are encrypted on our servers.", lex) == []


def _symbols_one_by_one(a: list[str], b: list[str]) -> tuple[str, str, dict[str, str]]:
    """The specification: each new token, met in a then b, takes the next private-use code point."""
    table: dict[str, str] = {}
    for t in [*a, *b]:
        if t not in table:
            n = len(table)
            table[t] = chr(0xE000 + n) if n < 6400 else chr(0xF0000 + n)
    return "".join(table[t] for t in a), "".join(table[t] for t in b), {c: t for t, c in table.items()}


@given(
    st.lists(st.sampled_from(["we", "share", "it", ",", " ", "never", "数"]), max_size=40),
    st.lists(st.text(max_size=3), max_size=40),
)
def test_token_symbols_follow_first_appearance(a: list[str], b: list[str]) -> None:
    assert as_symbols(a, b) == _symbols_one_by_one(a, b)


def test_token_symbols_past_the_private_use_area() -> None:
    a = [f"w{i}" for i in range(7000)]
    assert as_symbols(a, ["w3", "new"]) == _symbols_one_by_one(a, ["w3", "new"])
    assert as_symbols([f"t{i}" for i in range(140_000)], []) is None


def test_a_company_name_is_blanked_where_a_legal_form_ends_it() -> None:
    said = facts.statement_text("Parcels go out through Larkspur Freight GmbH within two days.")
    assert "Larkspur" not in said and "within two days" in said
    plain = "Parcels go out through our own drivers within two days."
    assert facts.statement_text(plain) == plain


@settings(max_examples=300)
@given(_latin_text)
def test_statement_text_is_the_plain_substitution(text: str) -> None:
    assert facts.statement_text(text) == facts._COMPANY.sub(" ", facts.without_addresses(text))


@settings(max_examples=300)
@given(st.one_of(_plain_text, _latin_text))
def test_words_lower_cased_at_once_are_the_words_lower_cased(text: str) -> None:
    assert textwords._lower_words(text) == [w.lower() for w in textwords._WORD.findall(text)]
    words = [w.lower() for w in align._WORD.findall(text)]
    pairs = {x + y for x, y in zip(words, words[1:], strict=False) if len(x) == 1 and len(y) == 1}
    assert align._shingles(text) == set(words) | pairs


def test_a_clause_break_still_splits_a_sentence() -> None:
    lex = load_lexicon("en")
    parts = facts._clauses_of("We do not sell it, but we share it with couriers.", lex)
    assert len(parts) == 2 and re.search(r"share it with couriers", parts[1])
    assert facts._clauses_of("We share it with couriers.", lex) == ["We share it with couriers."]


def _keys_within_one_by_one(doc: resplit._Document, stretch_key: str) -> list[str]:
    """The specification: every key no longer than the stretch tried in turn, longest first."""
    found, padded = [], f" {stretch_key} "
    for key in doc.keys:
        if len(key) > len(stretch_key):
            continue
        if f" {key} " in padded or (key in doc.han_keys and key in stretch_key):
            found.append(key)
            padded = padded.replace(f" {key} ", " \x00 ", 1)
    return found


_DOC_SENTENCES = [
    "We keep your order history for five years.",
    "You may ask us for a copy of your order history at any time.",
    "We keep your order history for five years after you close the account.",
    "Couriers receive your delivery address and phone number.",
    "我们不会向第三方出售您的个人信息。",
]


@settings(max_examples=200)
@given(st.lists(st.sampled_from(_DOC_SENTENCES), min_size=1, max_size=4), st.sampled_from(_DOC_SENTENCES))
def test_keys_within_a_stretch_are_those_tried_one_by_one(parts: list[str], own: str) -> None:
    clauses = [Clause(index=i, text=t, key=clause_key(t)) for i, t in enumerate([own, *_DOC_SENTENCES])]
    doc = resplit._Document(clauses)
    stretch = clause_key(" ".join(parts))
    assert doc.keys_within(stretch) == _keys_within_one_by_one(doc, stretch)


def _changes(old: list[str], new: list[str]) -> list:
    """The engine's changes between two Markdown notices made of these paragraphs."""
    from monitor.engine.pipeline import compare_documents
    from monitor.extract.normalize import normalize

    def page(paragraphs: list[str]):
        return normalize(("# Privacy notice\n\n" + "\n\n".join(paragraphs) + "\n").encode(), "text/markdown")

    return compare_documents(page(old), page(new)).changes


_NOTICE = [
    "We keep your order history for three years after your last purchase.",
    "Delivery addresses are handed to the courier that brings your parcel.",
    "We never sell the list of products you looked at to anyone.",
    "Questions about this notice can be sent to our support desk by post.",
]


@pytest.fixture
def folded(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the versions folded whole (resplit._Document built) during a test."""
    sizes: list[int] = []
    plain_init = resplit._Document.__init__

    def counting_init(self: resplit._Document, clauses: list[Clause], questions: int = 0) -> None:
        sizes.append(len(clauses))
        plain_init(self, clauses, questions)

    monkeypatch.setattr(resplit._Document, "__init__", counting_init)
    return sizes


def test_a_changed_period_is_judged_without_folding_either_version(folded: list[int]) -> None:
    """Folding a whole version (to find a clause stated elsewhere) waits until a question needs
    it: one changed period asks none, and its verdict is the one the engine gives anyway."""
    new = list(_NOTICE)
    new[0] = new[0].replace("three years", "ten years")
    changes = _changes(_NOTICE, new)
    material = [c for c in changes if c.material]
    assert [c.categories for c in material] == [["retention"]]
    assert folded == []


def test_a_removed_duplicate_still_asks_the_folded_version(folded: list[int]) -> None:
    """A removed sentence is still looked up in the whole new version: said twice and now once is
    no change, and finding that needs the folded version."""
    changes = _changes([*_NOTICE, _NOTICE[2]], _NOTICE)
    assert [c.kind for c in changes] == ["removed"]
    assert not changes[0].material
    assert folded


_ascii_clause = st.text(alphabet="abcAB 12_.,;:'()-!?\t", max_size=60)


@st.composite
def _clause_holding_a_key(draw: st.DrawFn) -> tuple[str, str]:
    """A key of a few words, and a clause that holds its letters (in any case, with punctuation,
    spaces or underscores between them) between other text, or not at all."""
    words = draw(st.lists(st.text(alphabet="abcAB12", min_size=1, max_size=4), min_size=1, max_size=4))
    key = " ".join(w.lower() for w in words)
    gaps = st.text(alphabet=" _.,;:'()-!?\t", max_size=2)
    held = "".join(ch + draw(gaps) for ch in " ".join(words).replace(" ", ""))
    inside = draw(st.booleans())
    text = draw(_ascii_clause) + (held if inside else "") + draw(_ascii_clause)
    return text, key


@given(case=_clause_holding_a_key())
@settings(max_examples=500, deadline=None)
def test_cutting_a_sentence_out_of_ascii_text_is_the_plain_cut(case: tuple[str, str]) -> None:
    """A sentence of the other version cut out of a clause (a join of two sentences undone) without
    a pattern compiled per sentence gives what the pattern gives."""
    text, key = case
    assert resplit._cut_key(text, key) == resplit._cut_key_by_pattern(text, key.replace(" ", ""))


def test_cutting_a_joined_sentence_keeps_the_rest() -> None:
    """The sentence found whole goes with its closing punctuation; the clause's own words stay."""
    text = "Write to privacy@example.com.We may ask you to prove who you are! Replies take a week."
    key = "we may ask you to prove who you are"
    assert resplit._cut_key(text, key) == "Write to privacy@example.com. Replies take a week."


_SUMMARY_AND_DETAIL = [
    "We keep invoices for seven years and hand delivery addresses to couriers.",
    "## Details",
    "Invoices are kept for seven years because tax law requires it.",
    "Delivery addresses are handed to couriers who bring your parcel, and to nobody else.",
    "We keep invoices, receipts and refunds for seven years in our accounting system.",
    "Kundendaten speichern wir zehn Jahre und geben sie an Zahlungsdienstleister weiter.",
    "Wir speichern Kundendaten zehn Jahre lang, weil das Handelsrecht es verlangt.",
    # four of the first one's five words in the second, but not its rarest one
    "Invoices, receipts and refunds are archived offsite.",
    "Invoices, receipts and refunds stay offsite.",
]


def test_clauses_that_may_restate_one_are_found_alike_with_and_without_the_index() -> None:
    """The first questions of a comparison find the clauses that hold enough of a clause's words
    by searching the text; later ones read an index of every clause's words: the same clauses."""
    from monitor.engine.pipeline import analyse
    from monitor.engine.restated import OtherVersion, _tagged_lexicon, content_words
    from monitor.extract.normalize import normalize

    page = "# Notice\n\n" + "\n\n".join(_SUMMARY_AND_DETAIL) + "\n"
    clauses = analyse(normalize(page.encode(), "text/markdown"))
    version = OtherVersion(clauses)
    asked = 0
    for clause in clauses:
        words = content_words(clause.text, _tagged_lexicon(clause.language))
        if len(words) < 3:
            continue
        searched = version._candidates_without_index(words)
        assert searched is not None
        assert set(searched) == set(version._candidates_from_index(words))
        assert clauses.index(clause) in searched  # a clause holds all of its own words
        asked += 1
    assert asked >= 5
