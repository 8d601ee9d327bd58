"""The first check's shortcuts (issue 11) give what the plain computation gives.

Each shortcut is stated against the computation it replaces: sentence ends found where str.find
sees a stop instead of by a regex scan, the words of a non-ASCII clause split by a byte table,
control characters deleted from ASCII text by bytes.translate, the content root's landmarks
found by XPath, bodies deflated by ISA-L, a Document's text joined once and sections packed once.
"""

from __future__ import annotations

import random
import zlib

import pytest

from monitor.engine import segment
from monitor.extract import normalize
from monitor.lang import detect
from monitor.models import Clause, Document, new_block, new_clause
from monitor.store.records import clauses_from_json, clauses_json

# Our own sentences, two or three to a paragraph, in every supported language.
PARAGRAPHS = {
    "en": "We keep your order history for 24 months. After that, it is erased! Questions? Write to us.",
    "de": "Wir speichern Ihre Bestellungen 24 Monate. Danach werden sie gelöscht. Fragen? Schreiben Sie uns.",
    "fr": "Nous gardons l’historique de vos commandes 24 mois. Ensuite, il est effacé ; écrivez-nous.",
    "es": "Guardamos su historial de pedidos durante 24 meses. Después se borra. ¿Preguntas? Escríbanos.",
    "da": "Vi gemmer din ordrehistorik i 24 måneder. Derefter slettes den. Spørgsmål? Skriv til os.",
    "sv": "Vi sparar din orderhistorik i 24 månader. Därefter raderas den. Frågor? Skriv till oss.",
    "no": "Vi lagrer ordrehistorikken din i 24 måneder. Deretter slettes den. Spørsmål? Skriv til oss.",
    "nl": "Wij bewaren uw bestelgeschiedenis 24 maanden. Daarna wordt deze gewist. Vragen? Schrijf ons.",
    "hr": "Vašu povijest narudžbi čuvamo 24 mjeseca. Nakon toga se briše. Pitanja? Pišite nam.",
    "sl": "Vašo zgodovino naročil hranimo 24 mesecev. Nato se izbriše. Vprašanja? Pišite nam.",
    "zh": "我们将您的订单记录保存24个月。此后将其删除！如有疑问？请联系我们。",
}


def _random_texts(alphabet: str, n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(30))) for _ in range(n)]


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_sentence_stops_match_finditer(lang: str) -> None:
    text = PARAGRAPHS[lang]
    spans = [m.span() for m in segment._matches_at_stops(segment._PUNCT, text, ".!?;。")]
    assert spans == [m.span() for m in segment._PUNCT.finditer(text)]
    if "。" not in text:
        spans = [m.span() for m in segment._matches_at_stops(segment._LATIN_END, text, ".!?;")]
        assert spans == [m.span() for m in segment._LATIN_END.finditer(text)]
        assert len(segment.split_sentences(text)) >= 2


def test_sentence_stops_match_finditer_on_random_text() -> None:
    for text in _random_texts("ab .!?;。\"'”’»」』)]  AZ09中\n", 20000, 11):
        spans = [m.span() for m in segment._matches_at_stops(segment._PUNCT, text, ".!?;。")]
        assert spans == [m.span() for m in segment._PUNCT.finditer(text)], text
        if "。" not in text:
            found = segment._matches_at_stops(segment._LATIN_END, text, ".!?;")
            assert [m.span() for m in found] == [m.span() for m in segment._LATIN_END.finditer(text)], text


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_words_match_the_word_pattern(lang: str) -> None:
    low = PARAGRAPHS[lang].lower()
    assert detect._words(low) == detect._WORD.findall(low)


def test_words_match_the_word_pattern_on_random_text() -> None:
    alphabet = "abz AZ09_-.,’“”‘–—«»§©²½Ⅳ٣０Ａßéøåčšžćđ中\u00a0\u2003\x1c\x85"
    for text in _random_texts(alphabet, 20000, 12):
        assert detect._words(text) == detect._WORD.findall(text), text


def test_ascii_control_characters_deleted_as_the_regex_does() -> None:
    every = "".join(map(chr, range(128)))
    assert normalize._fold_chars(every) == normalize._CONTROL.sub("", every)
    for text in _random_texts("ab \t\n\r\x00\x07\x0b\x0c\x1b\x1e\x1f\x7f", 2000, 13):
        assert normalize._fold_chars(text) == normalize._CONTROL.sub("", text)


def test_measured_landmarks_in_document_order() -> None:
    from lxml import etree

    html = (
        "<html><body><div role='main'><article><p>One</p></article></div>"
        "<main><p>Two</p><article role='main'><p>Three</p></article></main>"
        "<div role='Main'><p>Four</p></div></body></html>"
    )
    root = etree.fromstring(html, etree.HTMLParser())
    sizes, mains, articles = normalize._measure(root)
    below = [el for el in root.iter() if el is not root]
    assert mains == [el for el in below if el.tag == "main" or el.get("role") == "main"]
    assert articles == [el for el in below if el.tag == "article"]
    assert [el.tag for el in mains] == ["div", "main", "article"]
    assert sizes[root] == len("OneTwoThreeFour")


def test_stored_body_reads_back_with_zlib(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from monitor.store import versions

    body = ("<p>" + PARAGRAPHS["de"] + "</p>").encode() * 50
    assert zlib.decompress(versions._deflate(body, 1)) == body


def test_document_text_joined_once_and_equal() -> None:
    doc = Document((new_block("heading", "Title", 1), new_block("paragraph", PARAGRAPHS["sv"])))
    assert doc.text == "Title\n" + PARAGRAPHS["sv"]
    assert doc.text is doc.text
    assert doc == Document(doc.blocks) and hash(doc) == hash(Document(doc.blocks))


def test_clauses_json_with_shared_and_equal_sections() -> None:
    shared = ("Storage",)
    clauses = [
        new_clause(0, "Storage", (), None, "", "en", True),
        new_clause(1, PARAGRAPHS["en"], shared, None, "", "en", False),
        new_clause(2, PARAGRAPHS["nl"], shared, "1.", "", "nl", False),
        new_clause(3, PARAGRAPHS["hr"], ("Storage",), None, "", "hr", False),  # equal, not the same
        new_clause(4, PARAGRAPHS["sl"], ("Rights",), None, "", "sl", False),
        new_clause(5, PARAGRAPHS["fr"], (), None, "", "fr", False),
    ]
    packed = clauses_json(clauses)
    assert '"sections":[["Storage"],["Rights"]]' in packed
    back = clauses_from_json(packed)
    assert [(c.text, c.section, c.marker, c.language, c.is_heading) for c in back] == [
        (c.text, c.section, c.marker, c.language, c.is_heading) for c in clauses
    ]
    assert all(isinstance(c, Clause) for c in back)


LABELS = [
    "Accounts Created Through a Partner App.",  # a label: twelve words or fewer, title case
    "Third Party Services And Our Own Partners Who Help Us Run The Shop Every Day.",  # 15 words
    "We keep the invoices you receive from us for as long as the tax law of your country requires.",
    "Section 12 (a) – 3 4 5 6 7 8 9 10 11 12 13 14.",  # pieces without letters are no words
    "A B C D E F G H I J K L M.",  # thirteen one-letter words
    "A B C D E F G H I J K L.",  # twelve
    *(PARAGRAPHS[lang].split(". ")[0] + "." for lang in sorted(PARAGRAPHS)),
]


@pytest.mark.parametrize("sentence", LABELS)
def test_long_sentence_pre_check_keeps_the_label_answer(sentence: str) -> None:
    words = [m.group() for m in segment._LABEL_WORD.finditer(sentence)]
    if sentence.isascii() and segment._over_label_words(sentence):
        assert len(words) > segment.LABEL_MAX_WORDS
        assert not segment._is_run_in_label(sentence)
    assert segment._is_run_in_label(LABELS[0])
    assert not segment._is_run_in_label(LABELS[1])


def test_long_sentence_pre_check_on_random_ascii_sentences() -> None:
    rng = random.Random(14)
    pieces = ["Data", "we", "Keep", "1", "2024", "(a)", "--", "x", "Partner", "'s", ".", ",", "A.B", "_", "/"]
    for _ in range(20000):
        sentence = " ".join(rng.choice(pieces) for _ in range(rng.randrange(25)))
        if segment._over_label_words(sentence):
            words = list(segment._LABEL_WORD.finditer(sentence))
            assert len(words) > segment.LABEL_MAX_WORDS, sentence


def test_ascii_blocks_folded_in_place_as_by_normalize_text() -> None:
    alphabet = "ab Z9.\t\n\r\x00\x07\x0b\x0c\x1b\x1c\x1e\x1f\x7f\u00a0é\u200b①"
    for text in _random_texts(alphabet, 20000, 15):
        assert normalize._fold_chunk(text) == normalize._fold_html_text(text), repr(text)
    for lang in sorted(PARAGRAPHS):
        text = " \n " + PARAGRAPHS[lang] + "\x1e" + PARAGRAPHS[lang] + "\t"
        assert normalize._fold_chunk(text) == normalize._fold_html_text(text)


def test_label_pre_check_pieces_test_as_a_generator_would() -> None:
    rng = random.Random(16)
    pieces = ["Data", "we", "1", "(a)", "--", "x", "'s", ".", "A.B", "_", "/", "é", "Ünd"]
    for _ in range(5000):
        sentence = " ".join(rng.choice(pieces) for _ in range(rng.randrange(10, 25)))
        split = sentence.split(None, segment.LABEL_MAX_WORDS + 1)
        expected = len(split) > segment.LABEL_MAX_WORDS + 1 and all(
            p.lower() != p.upper() for p in split[: segment.LABEL_MAX_WORDS + 1]
        )
        assert segment._over_label_words(sentence) == expected, sentence


@pytest.mark.parametrize("hint", [None, "de", "en", "zh-TW", "nb"])
def test_evidence_of_clauses_as_each_clause_asked_alone(hint: str | None) -> None:
    texts = [s for lang in sorted(PARAGRAPHS) for s in segment.split_sentences(PARAGRAPHS[lang])]
    texts += ["Cookies", "", "1.", "Vi og vores partnere", "we keep it. the data, the logs", "Et la les"]
    detect.detect_language_evidence.cache_clear()
    expected = [detect.detect_language_evidence(text, hint) for text in texts]
    assert detect.evidence_of_clauses(texts, hint) == expected
    assert detect.evidence_of_clauses([*texts, "two\nlines of the text"], hint)[:-1] == expected
    assert detect.evidence_of_clauses([], hint) == []
    han = "中文条款。"
    assert detect.evidence_of_clauses([han], hint) == [detect.detect_language_evidence(han, hint)]


def test_marker_pre_test_passes_every_marker() -> None:
    from monitor.lang import markers

    rng = random.Random(17)
    pieces = [
        "I",
        "V",
        "X",
        "i",
        "a",
        "A",
        "S",
        "C",
        "K",
        ")",
        "(",
        ".",
        " ",
        "1",
        "12",
        "§",
        "•",
        "-",
        "第三",
        "一",
    ]
    words = ["Section", "Article", "Artikel", "Art.", "Chapter", "Kapitel", "Avsnitt", "In", "As", "If"]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 8))) for _ in range(30000)]
    texts += [
        f"{rng.choice(words)}{rng.choice(pieces)}{rng.choice(pieces)} 4.{rng.choice(pieces)} x"
        for _ in range(5000)
    ]
    texts += ["IV. Rights", "XII. Scope", "VIII. Too long", "b) then", "Art. 6 GDPR", "Section 3. Data"]
    for text in texts + [t + " We keep it." for t in texts]:
        if markers.MARKER.match(text) or markers.MARKER_ONLY.match(text):
            assert markers.may_be_marker(text), text
    assert not any(markers.may_be_marker(t) for t in ("In short.", "As said.", "Cookies", "Kept", "If so"))


def _split_join_folded(text: str) -> str:
    """normalize_text as it was: the folded text split on whitespace and joined by spaces."""
    return " ".join(normalize._fold_chars(text).split())


def test_whitespace_collapsed_as_split_and_join_in_every_language() -> None:
    for text in PARAGRAPHS.values():
        messy = "\n\t " + text.replace(" ", " \r\n   \t ", 3).replace(".", ".\u00a0 \u2003", 2) + "  \n"
        for raw in (text, messy, messy + "\u2028x", messy + "\x85", "\u1680" + messy):
            assert normalize.normalize_text(raw) == _split_join_folded(raw), repr(raw)


def test_whitespace_collapsed_as_split_and_join_on_random_text() -> None:
    spaces = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
    for raw in _random_texts("ab é中\u00ad\u200b①\x00\x7f" + spaces + "   ", 3000, 11):
        assert normalize.normalize_text(raw) == _split_join_folded(raw), repr(raw)
    for raw in _random_texts("ab. \t\n\r\x0b\x0c\x1c\x1d\x1f\x00\x7f   ", 3000, 12):
        kept = raw.encode("ascii").translate(None, normalize._CONTROL_BYTES).decode("ascii")
        plain = " ".join(kept.split())
        assert normalize._collapse_ascii(raw) == plain, repr(raw)


@pytest.mark.parametrize("lang", sorted(PARAGRAPHS))
def test_packed_weights_summed_as_by_sum_of_the_words_that_weigh(lang: str) -> None:
    words = detect._words(PARAGRAPHS[lang].lower())
    assert detect._packed_sum(words) == sum(filter(None, map(detect._PACKED_WORDS.get, words)))
    assert detect._packed_sum([]) == 0


def test_nfkc_with_no_break_spaces_made_spaces_first_is_nfkc() -> None:
    import unicodedata

    for text in PARAGRAPHS.values():
        for raw in (text, text.replace(" ", "\u00a0", 2), "\u00a0\u0301" + text + "\u00a0\u0308"):
            assert normalize._nfkc(raw) == unicodedata.normalize("NFKC", raw), repr(raw)
    alphabet = "ae\u0301\u0308\u00a0\u00a8é中 …ﬁ\u202f\u3000Å\u212b한\u1100\u1161"
    for raw in _random_texts(alphabet, 5000, 13):
        assert normalize._nfkc(raw) == unicodedata.normalize("NFKC", raw), repr(raw)
