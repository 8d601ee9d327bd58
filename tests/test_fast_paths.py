"""The engine's fast paths give exactly what the general code gives (speed never changes a result)."""

from __future__ import annotations

import re
import string
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.engine.segment import clause_key
from monitor.lang import detect

_NON_WORD = re.compile(r"[\W_]+")
_WORD = re.compile(r"[^\W\d_]+")


def _general_key(text: str) -> str:
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _NON_WORD.sub(" ", text.casefold()).strip()


def _general_scores(text: str) -> dict[str, float]:
    low = text[: detect.SAMPLE_CHARS].lower()
    scores: dict[str, float] = {}
    for word in _WORD.findall(low):
        for lang, weight in detect._WORD_INDEX.get(word, ()):
            scores[lang] = scores.get(lang, 0.0) + weight
    for c in detect._SPECIAL.findall(low):
        for lang, weight in detect._CHAR_INDEX[c]:
            scores[lang] = scores.get(lang, 0.0) + weight
    return scores


_ASCII = st.text(alphabet=string.printable, max_size=500)
_WORDS = st.lists(
    st.sampled_from(sorted(detect._WORD_INDEX) + ["_", "9", "Data", "THE", ",", "  ", "\t"]), max_size=120
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_ASCII, _WORDS))
def test_ascii_clause_key_is_the_general_key(text: str) -> None:
    assert clause_key.__wrapped__(text) == _general_key(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_ASCII, _WORDS, st.text(max_size=300)))
def test_latin_scores_are_the_general_scores(text: str) -> None:
    assert detect._latin_scores(text) == _general_scores(text)


def test_every_lazy_lexicon_pattern_compiles() -> None:
    from monitor.lang.lexicon import all_lexicons, compile_all

    assert all(compile_all(lex) > 50 for lex in all_lexicons())


def _ranked_best(scores: dict[str, float], hinted: str | None) -> tuple[str, float, bool]:
    """The top language as a full ranking gives it (what detect did before _best)."""
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0] != hinted, kv[0]))
    best, best_score = ranked[0]
    return best, best_score, len(ranked) > 1 and ranked[1][1] == best_score and best != hinted


_SCORES = st.dictionaries(
    st.sampled_from(detect.LANGUAGES), st.sampled_from([0.5, 1.0, 1.5, 2.0, 2.3, 3.0]), min_size=1
)


@settings(max_examples=500, deadline=None)
@given(_SCORES, st.one_of(st.none(), st.sampled_from(detect.LANGUAGES)))
def test_best_language_is_the_top_of_the_ranking(scores: dict[str, float], hinted: str | None) -> None:
    assert detect._best(scores, hinted) == _ranked_best(scores, hinted)


def _general_is_abbreviation(text: str, dot: int) -> bool:
    """segment._is_abbreviation with every test in turn (no shortcut for plain words)."""
    from monitor.engine import segment as sg

    word_start = max(text.rfind(" ", 0, dot), text.rfind("(", 0, dot)) + 1
    token = text[word_start : dot + 1].lower()
    if token in sg.abbreviations():
        return True
    core = token[:-1]
    if len(core) == 1 and core.isalpha():
        return True
    if "." in core and all(part.isalpha() and len(part) <= 2 for part in core.split(".")):
        return True
    if core[:1] in sg._OPENERS and core[1:].isdigit():
        return True
    if core.isdigit() and len(core) <= 2 and sg._ORDINAL_DATE.match(text, dot + 1):
        return True
    if 2 <= len(core) <= 3 and core.isalpha() and core.islower() and sg._NUMBER_NEXT.match(text, dot + 1):
        return True
    return bool(sg._NUMBERED.match(token)) and "." in core


_TOKENS = st.lists(
    st.sampled_from(
        [
            "Nr",
            "št",
            "ca",
            "We",
            "data",
            "J",
            "u.s.a",
            "“4",
            "3",
            "12",
            "4.2",
            "(b",
            "Mai 2024",
            "130/22",
            "Art",
            "etc",
            "z.B",
            "ß",
            "Ab",
            "keep",
        ]
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=500, deadline=None)
@given(_TOKENS, _TOKENS)
def test_abbreviation_shortcut_is_the_general_test(before: list[str], after: list[str]) -> None:
    from monitor.engine.segment import _is_abbreviation

    text = " ".join(before) + ". " + " ".join(after)
    dot = len(" ".join(before))
    assert _is_abbreviation(text, dot) == _general_is_abbreviation(text, dot)


def _general_sizes(root) -> dict:  # type: ignore[no-untyped-def]
    """Characters of non-space text under each element, bottom-up (what _measure replaced)."""
    sizes: dict = {}
    for el in reversed(list(root.iter())):
        n = len((el.text or "").strip()) if isinstance(el.tag, str) else 0
        for c in el:
            n += sizes.get(c, 0) + len((c.tail or "").strip())
        sizes[el] = n
    return sizes


_PARTS = st.lists(
    st.sampled_from(
        [
            "<main>",
            "</main>",
            "<article>",
            "</article>",
            '<div role="main">',
            '<section role="MAIN">',
            "</div>",
            "</section>",
            "<p>",
            "</p>",
            "<!-- a note -->",
            " Some words ",
            "\n  ",
            "<br>",
            "<b>bold</b> tail ",
            "<article role=main>",
            "<ul><li>item</li></ul>",
            "<?php x ?> after ",
            "<!-- c --> text after a comment ",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PARTS)
def test_content_measure_is_the_general_one(body: str) -> None:
    from lxml import etree

    from monitor.extract.normalize import _measure

    root = etree.fromstring(f"<html><body>{body}</body></html>", etree.HTMLParser())
    for node in (root, root.find("body")):
        sizes, mains, articles = _measure(node)
        general = _general_sizes(node)  # _content_root reads sizes.get(node, 0)
        assert [sizes.get(el, 0) for el in node.iter()] == [general[el] for el in node.iter()]
        assert mains == node.xpath(".//main|.//*[@role='main']")
        assert articles == node.xpath(".//article")


def _general_evidence(text: str, hint: str | None) -> tuple[str, bool]:
    """detect_language_evidence of text without Han characters, from the general scores and a full
    ranking (the code before the ASCII shortcut)."""
    hinted = detect.normalize_hint(hint)
    scores = detect._with_shapes(text, _general_scores(text), hinted)
    if not scores:
        return hinted or "und", False
    best, best_score, tied = _ranked_best(scores, hinted)
    if best_score < detect.MIN_EVIDENCE or tied:
        return (hinted or (best if best_score >= 1.0 else "und")), False
    if hinted in scores and scores[hinted] >= best_score * 0.8:
        return hinted, True  # type: ignore[return-value]
    return best, True


# Words several languages share, so that ties and near-ties (the hint's 80 % rule) come up often.
_SHARED_WORDS = "og de en je za vi er av af ikke och the van la que dig deg in i u o y 9 X".split()
_SHARED = st.lists(st.sampled_from(_SHARED_WORDS), max_size=40).map(" ".join)
_HINTS = st.one_of(st.none(), st.sampled_from(["nb", "sv", "da", "de", "hr", "sl", "nl", "en", "zh-TW"]))


@settings(max_examples=500, deadline=None)
@given(st.one_of(_ASCII, _WORDS, _SHARED), _HINTS)
def test_ascii_language_evidence_is_the_general_one(text: str, hint: str | None) -> None:
    assert detect.detect_language_evidence.__wrapped__(text, hint) == _general_evidence(text, hint)


_TAG_PIECES = st.lists(
    st.one_of(
        st.sampled_from(["<", ">", "<p ", "<a", 'x="1" ', " ", "é", "<div class=", "\n"]),
        st.integers(min_value=1, max_value=9000).map(lambda n: "a" * n),
        st.integers(min_value=1, max_value=600).map(lambda n: ' k="v"' * n),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TAG_PIECES)
def test_long_tag_windows_never_miss_a_long_start_tag(html: str) -> None:
    from monitor.extract import normalize as nz

    if nz._LONG_START_TAG.search(html):
        assert nz._may_hold_long_tag(html)
    flooded = nz._LONG_START_TAG.sub(lambda m: f"<{m.group(1)}>", html)
    assert (nz._without_attribute_floods(html) == html) or flooded != html


def test_a_tag_of_many_attributes_is_cut_where_the_windows_see_it() -> None:
    from monitor.extract import normalize as nz

    assert 6 * 2000 > nz.LONG_TAG and 2000 > nz.MAX_ATTRIBUTES

    for at in (0, 1, nz.LONG_TAG // 2 - 3, nz.LONG_TAG, 3 * nz.LONG_TAG + 7):
        html = "<p>" + "x" * at + "<div" + ' a="1"' * 2000 + ">text</div>"
        assert nz._may_hold_long_tag(html)
        assert nz._without_attribute_floods(html) == "<p>" + "x" * at + "<div>text</div>"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_non_ascii_characters_are_kept_in_order(text: str) -> None:
    encoded = text.encode("utf-8", "surrogatepass")
    assert detect._non_ascii(encoded) == "".join(c for c in text if not c.isascii())


def _block_split_line_by_line(block_text: str, marker: str | None) -> tuple:
    """segment._split_block as it was: whether a piece holds CJK asked of each line and sentence."""
    from monitor.engine import segment as sg

    out = []
    for i, line in enumerate(sg._lines(block_text)):
        line_marker, text = sg.split_marker(line)
        if i == 0 and marker:
            line_marker = sg._join_markers(marker, line_marker)
        sentences = sg.split_sentences(text)
        for j, sentence in enumerate(sentences):
            label = j == 0 and len(sentences) > 1 and sg._is_run_in_label(sentence)
            out.append((line_marker if j == 0 else None, sentence, label))
    return tuple(out)


_BLOCK_PIECES = st.lists(
    st.sampled_from(
        [
            "Data Retention.",
            " We keep it. ",
            "我们会保存。",
            "个人信息",
            "Cookies!",
            "\n",
            "\n1. ",
            "Ok.",
            " (a) ",
            "。",
            "Die Daten.",
            " été ",
            "e.g. ",
            " Third Parties We Share With. ",
            "第一条",
        ]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_BLOCK_PIECES, st.sampled_from([None, "1.", "•"]))
def test_block_split_asks_cjk_once_with_the_same_result(block_text: str, marker: str | None) -> None:
    from monitor.engine import segment as sg

    assert sg._split_block.__wrapped__(block_text, marker) == _block_split_line_by_line(block_text, marker)


# The word shapes as first written (no needles, no look-behind): each count the same on any text.
_LETTERS = "a-zæøåäöéèüëïčšžćđ"
_PLAIN_SHAPES = {
    "no": rf"\bopp[{_LETTERS}]{{3,}}|\bpersonvern|[{_LETTERS}]{{3,}}(?:sjon|sjonen|sjoner|ene|(?<!e)ert)\b",
    "da": rf"[{_LETTERS}]{{3,}}(?:erne|eret)\b",
    "sv": rf"[{_LETTERS}]{{3,}}(?:(?<![ut])ar|arna|erna|orna)\b|\bupp[{_LETTERS}]{{3,}}",
    "nl": r"ij[kntdlgzfwv]",
    "sl": rf"[{_LETTERS}]{{3,}}(?:ijo|ega|emu)\b",
    "hr": rf"[{_LETTERS}]{{3,}}(?:iju|og|oga)\b",
}
# pieces of words that end (or start) the shapes, letters the pattern does not know (ß, digits,
# "_"), and separators: so that runs meet, split and end in every way
_SHAPE_PIECES = st.lists(
    st.sampled_from(
        "opp upp personvern sjon sjonen sjoner ene ert eert erne eret ar tar uar arna erna orna ijk ijo ega"
        " emu iju og oga a ab abc æøå čšž ß 9 _ é".split()
        + [" ", ", ", "-", "\n", "’"]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_SHAPE_PIECES)
def test_word_shapes_counted_as_the_plain_patterns_count(low: str) -> None:
    assert {lang for lang, _, _, _ in detect._SHAPES} == set(_PLAIN_SHAPES)
    for lang, shape, _, needles in detect._SHAPES:
        assert detect._shape_count(shape, needles, low) == len(re.findall(_PLAIN_SHAPES[lang], low)), lang


def test_word_shapes_inside_long_runs_and_after_personvern() -> None:
    long_run = "abc" * 200
    for low in (
        "personvernerklæringene",  # a match ends inside a run: the next starts there
        f"{long_run}ar {long_run}arna upp{long_run} {long_run}",
        f"{long_run}ene {long_run}og {long_run}ijo {long_run}eret",
        "utar tar star uppar",
        "",
    ):
        for lang, shape, _, needles in detect._SHAPES:
            assert detect._shape_count(shape, needles, low) == len(re.findall(_PLAIN_SHAPES[lang], low)), lang


_PAGE_PARTS = st.lists(
    st.sampled_from(
        [
            "<header><nav>Home | About</nav></header>",
            "<footer>© 2024 <a href='/x'>Terms</a></footer>",
            '<div class="cookie-banner">We use cookies.</div>',
            "<main><h2>Retention</h2><p>We keep data for 30 days.</p>",
            "</main>",
            "<article><p>We share data with partners.</p></article>",
            "<ol start='3'><li>First item</li><li>Second<br>line</li></ol>",
            "<table><tr><td>Cookie</td><td>1 year</td></tr></table>",
            "<pre>Plain text\n\nin a pre</pre>",
            "<p>Plain paragraph with <b>bold</b> words.</p>",
            "<!-- a note --> tail text ",
            "<div><div><p>Deep text that is most of the page, in a nested div.</p></div></div>",
        ]
    ),
    max_size=12,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(_PAGE_PARTS)
def test_html_blocks_are_those_of_each_pass_alone(body: str) -> None:
    """normalize holds every node's lxml object across its passes: the blocks are those the
    passes give when each makes its own (and _Walker's blocks those new_block makes)."""
    from lxml import etree

    from monitor.extract import normalize as nz
    from monitor.models import new_block

    html = f"<html><body>{body}<p>End.</p></body></html>"
    root = etree.fromstring(html, etree.HTMLParser())
    nz._decode_cfemail(root)
    nz._drop_chrome(root)
    walker = nz._Walker()
    plain = nz._promote_headings(nz._unwrapped_lines(walker.walk(nz._content_root(root)), walker.cells))
    got = nz._html_blocks(html.encode(), "utf-8", None, ())
    assert got == plain
    assert got == [new_block(b.kind, b.text, b.level, b.marker) for b in got]
    assert all(type(b) is nz.Block for b in got)
