"""Normalise: HTML, plain text, Markdown and PDF bytes -> Documents of clean blocks.

What users rely on: the same policy text gives the same Document.text whatever the markup,
page chrome or encoding; bad files are refused with one line, quickly; nothing recurses.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from corpus import CASES_DIR as CASES
from corpus import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.errors import InputError
from monitor.extract.normalize import (
    MAX_INPUT_BYTES,
    MAX_TEXT_CHARS,
    _without_attribute_floods,
    cf_decode,
    normalize,
    normalize_text,
    sniff_content_type,
)
from monitor.models import Block


def html(body: str, head: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>".encode()
    )


def blocks(body: str) -> list[tuple[str, str, int, str | None]]:
    return [(b.kind, b.text, b.level, b.marker) for b in normalize(html(body), "text/html").blocks]


# --- normalize_text --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("We\u00a0keep  your\tdata", "We keep your data"),
        ("per\u00adsonal da\u200bta\ufeff", "personal data"),
        ("我们，您的（一）信息：", "我们,您的(一)信息:"),
        ("ＡＢＣ１２３", "ABC123"),
        ("line one\r\nline two\rthree", "line one line two three"),
        ("  \u3000 spaced \u2003 ", "spaced"),
        ("①收集", "(1)收集"),
        ("\u2028x\u2029", "x"),
    ],
)
def test_normalize_text_folds_width_spaces_and_invisible_characters(raw: str, folded: str) -> None:
    assert normalize_text(raw) == folded


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalize_text_is_idempotent(s: str) -> None:
    once = normalize_text(s)
    assert normalize_text(once) == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1))
def test_normalizing_the_normalised_text_again_changes_nothing(s: str) -> None:
    try:
        doc = normalize(s.encode("utf-8"), "text/plain")
    except InputError:
        return
    assert normalize(doc.text.encode("utf-8"), "text/plain").text == doc.text


@pytest.mark.parametrize("seed", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_seed_text_is_a_fixed_point(seed: Path) -> None:
    doc = normalize(seed.read_bytes(), "text/plain")
    assert normalize(doc.text.encode(), "text/plain").text == doc.text


# --- sniffing ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "name", "ctype"),
    [
        (b"anything", "policy.HTML", "text/html"),
        (b"anything", "p.htm", "text/html"),
        (b"<p>x</p>", "p.txt", "text/plain"),
        (b"# T", "p.md", "text/markdown"),
        (b"x", "p.pdf", "application/pdf"),
        (b"%PDF-1.7\n", None, "application/pdf"),
        (b"  <!doctype html><html>", None, "text/html"),
        (b"\xef\xbb\xbf<html><body>x", None, "text/html"),
        (b"<p>Hello</p>", "policy", "text/html"),
        (b"Privacy policy\n\nWe keep data.", None, "text/plain"),
        (b"1 < 2 and <b> is bold", None, "text/plain"),
    ],
)
def test_sniff_content_type_by_name_then_bytes(body: bytes, name: str | None, ctype: str) -> None:
    assert sniff_content_type(body, name) == ctype


# --- HTML structure ---------------------------------------------------------------------------------


def test_headings_paragraphs_and_nested_lists_keep_their_structure() -> None:
    got = blocks(
        "<main><h1>Privacy</h1><p>Intro text.</p><h2>Sharing</h2>"
        "<ol start='3'><li>First item<ul><li>nested a</li><li>nested b</li></ul></li><li>Second</li></ol>"
        "<ol type='a'><li>alpha</li><li>beta</li></ol></main>"
    )
    assert got == [
        ("heading", "Privacy", 1, None),
        ("paragraph", "Intro text.", 0, None),
        ("heading", "Sharing", 2, None),
        ("item", "First item", 1, "3."),
        ("item", "nested a", 2, None),
        ("item", "nested b", 2, None),
        ("item", "Second", 1, "4."),
        ("item", "alpha", 1, "a."),
        ("item", "beta", 1, "b."),
    ]


def test_paragraphs_that_are_clearly_headings_are_promoted_under_the_last_real_heading() -> None:
    got = blocks(
        "<main><h1>Privacy</h1><p><strong>1. Data we keep</strong></p><p>We keep logs.</p>"
        "<p>CONTACT US</p><p>Write to us.</p><p><b>Short bold line</b></p>"
        "<h2>Annex</h2><p>2. Other</p></main>"
    )
    assert [(k, t, lvl) for k, t, lvl, _ in got] == [
        ("heading", "Privacy", 1),
        ("heading", "1. Data we keep", 2),
        ("paragraph", "We keep logs.", 0),
        ("heading", "CONTACT US", 2),
        ("paragraph", "Write to us.", 0),
        ("paragraph", "Short bold line", 0),
        ("heading", "Annex", 2),
        ("heading", "2. Other", 3),
    ]


_WORDS = st.sampled_from(
    ["We", "keep", "data", "我们", "保存", "数据。", "Vi", "lagrer", "1.", "(a)", "&amp;", "x"]
)
_TAGS = st.sampled_from(["p", "div", "li", "h2", "span", "b", "td", "br"])


@st.composite
def _html_fragments(draw: st.DrawFn) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 12))):
        tag = draw(_TAGS)
        words = " ".join(draw(st.lists(_WORDS, min_size=1, max_size=6)))
        sep = draw(st.sampled_from(["", " ", "\n", "\u00a0"]))
        parts.append(f"<{tag}>{words}" if tag == "br" else f"<{tag}>{sep}{words}{sep}</{tag}>")
    return "".join(parts)


@settings(max_examples=150, deadline=None)
@given(_html_fragments())
def test_html_text_normalised_again_as_plain_text_is_unchanged(fragment: str) -> None:
    try:
        doc = normalize(html(fragment), "text/html")
    except InputError:
        return
    assert normalize(doc.text.encode(), "text/plain").text == doc.text


def test_inline_elements_never_split_or_glue_words() -> None:
    got = blocks("<p>We <b>never</b> <a href='#'>sell</a> your <em>data</em>.<span>Really</span></p>")
    assert got == [("paragraph", "We never sell your data.Really", 0, None)]


def test_source_line_breaks_add_no_space_inside_cjk_but_do_between_words() -> None:
    got = blocks("<p><span>我们不会</span>\n  <span>出售您的信息</span></p><p>keep\n<b>data</b></p>")
    assert [t for _, t, _, _ in got] == ["我们不会出售您的信息", "keep data"]


def test_double_br_splits_paragraphs_single_br_is_a_line_break() -> None:
    got = blocks("<p>First part<br><br>Second part<br>(1) one<br/>(2) two</p>")
    assert [t for _, t, _, _ in got] == ["First part", "Second part\n(1) one\n(2) two"]


def test_preformatted_plain_text_keeps_its_lines_and_paragraphs() -> None:
    got = blocks(
        "<main><h1>Policy</h1><pre>1. SCOPE\n\nWe keep the data you give us when you create an account and\n"
        "when you contact us.\n\n2. SHARING\n\nWe never sell it.</pre><p>After.</p></main>"
    )
    assert [(k, t) for k, t, _, _ in got] == [
        ("heading", "Policy"),
        ("heading", "1. SCOPE"),
        ("paragraph", "We keep the data you give us when you create an account and when you contact us."),
        ("heading", "2. SHARING"),
        ("paragraph", "We never sell it."),
        ("paragraph", "After."),
    ]


def test_table_rows_become_paragraphs_with_cells_joined() -> None:
    got = blocks(
        "<table><tr><th>Data</th><th>Kept for</th></tr><tr><td>Logs</td><td><p>30 days</p></td></tr></table>"
    )
    assert [t for _, t, _, _ in got] == ["Data | Kept for", "Logs | 30 days"]


def test_chrome_hidden_and_consent_banners_are_dropped() -> None:
    page = (
        "<header><nav>Home Blog</nav></header>"
        "<div id='onetrust-banner-sdk'>We use cookies <button>OK</button></div>"
        "<div class='cc-banner'>Accept all</div><div role='navigation'>Menu</div>"
        "<div><p>Policy text one.</p><p hidden>hidden one</p><p style='display: none'>hidden two</p>"
        "<p aria-hidden='true'>hidden three</p><script>var x=1;</script><style>p{}</style>"
        "<noscript>enable js</noscript><template><p>tpl</p></template><svg><text>svg</text></svg>"
        "<form><input value='v'><select><option>o</option></select></form><p>Policy text two.</p></div>"
        "<aside>Related posts</aside><footer>© 2024</footer>"
    )
    assert [t for _, t, _, _ in blocks(page)] == ["Policy text one.", "Policy text two."]


def test_an_articles_own_header_and_a_page_wide_form_are_kept() -> None:
    got = blocks(
        "<header>Site</header><article><header><h1>Privacy Policy</h1>"
        "<p>Last updated 1 May 2024.</p></header>"
        "<p>We keep data.</p><footer><p>Version 3.</p></footer></article><footer>© Site</footer>"
    )
    assert [t for _, t, _, _ in got] == [
        "Privacy Policy",
        "Last updated 1 May 2024.",
        "We keep data.",
        "Version 3.",
    ]
    long_text = "We keep your data for as long as you have an account with us. " * 40
    page = f"<form id='aspnetForm'><input name='x'><div><p>{long_text}</p></div></form>"
    page += "<form><p>Search</p></form>"
    assert [t for _, t, _, _ in blocks(page)] == [long_text.strip()]


def test_a_cookie_policy_page_is_not_dropped_as_a_cookie_banner() -> None:
    text = "We use cookies to remember your choices. " * 100
    got = blocks(f"<div class='cookie-policy'><h1>Cookie policy</h1><p>{text}</p></div>")
    assert got[0][1] == "Cookie policy" and len(got) == 2


def test_main_is_preferred_over_the_rest_of_the_page() -> None:
    got = blocks("<div>Sidebar promo</div><main><p>The policy.</p></main><div>Other</div>")
    assert [t for _, t, _, _ in got] == ["The policy."]


def test_largest_article_is_chosen() -> None:
    got = blocks(
        "<article><p>Short teaser.</p></article><article><p>" + "Long policy text. " * 50 + "</p></article>"
    )
    assert len(got) == 1 and got[0][1].startswith("Long policy text.")


def test_without_main_the_text_dense_container_is_chosen() -> None:
    body = "".join(f"<p>Clause {i} says something about your data.</p>" for i in range(20))
    got = blocks(
        f"<div class='top'><a href='/'>Logo</a></div><div class='wrap'><div class='c'>{body}</div></div>"
        "<div class='links'><a>About</a> <a>Jobs</a></div>"
    )
    assert len(got) == 20 and got[0][1] == "Clause 0 says something about your data."


def test_select_and_remove_selectors() -> None:
    page = html("<div id='a'><p>Keep me.</p><p class='ad'>Ad text</p></div><div id='b'><p>Other</p></div>")
    doc = normalize(page, "text/html", select="#a", remove=[".ad"])
    assert doc.text == "Keep me."
    with pytest.raises(InputError, match="#nothing"):
        normalize(page, "text/html", select="#nothing")
    with pytest.raises(InputError, match="selector"):
        normalize(page, "text/html", select="p[")


def test_cloudflare_protected_addresses_are_decoded() -> None:
    # "privacy@example.com" XOR 0x42, key first.
    address = "privacy@example.com"
    code = "42" + "".join(f"{ord(c) ^ 0x42:02x}" for c in address)
    assert cf_decode(code) == address
    page = (
        f"<p>Write to <a href='/cdn-cgi/l/email-protection' class='__cf_email__' data-cfemail='{code}'>"
        f"[email&#160;protected]</a> today.</p>"
        f"<p>Or <a href='/cdn-cgi/l/email-protection#{code}'><span>[email protected]</span></a>.</p>"
    )
    assert [t for _, t, _, _ in blocks(page)] == [f"Write to {address} today.", f"Or {address}."]


@pytest.mark.parametrize("case", ["en-markup-restyle", "sv-html-noise"])
def test_same_text_in_other_markup_and_chrome_is_identical(case: str) -> None:
    old = normalize((CASES / case / "old.html").read_bytes(), "text/html")
    new = normalize((CASES / case / "new.html").read_bytes(), "text/html")
    assert old.text == new.text
    assert "cookies to improve" not in old.text and "All rights reserved" not in old.text


def test_markup_variants_of_one_text_normalise_identically() -> None:
    a = html("<main><h2>Data</h2><p>We keep logs for 30 days.</p><ul><li>Name</li><li>Email</li></ul></main>")
    b = html(
        "<div id='x'><h2><span>Data</span></h2>\n<div class='p'>We  keep <b>logs</b>\nfor 30&nbsp;days.</div>"
        "<ul>\n <li><p>Name</p></li>\n <li>Email</li></ul></div><footer>(c) us</footer>"
    )
    assert normalize(a, "text/html").text == normalize(b, "text/html").text


# --- encodings ---------------------------------------------------------------------------------------


def test_charset_from_header_then_meta_then_detection() -> None:
    text = "Vi behandlar dina personuppgifter för att leverera tjänsten och förbättra den."
    latin1 = f"<html><body><p>{text}</p></body></html>".encode("latin-1")
    assert normalize(latin1, "text/html; charset=iso-8859-1").text == text
    meta = f"<html><head><meta charset='windows-1252'></head><body><p>{text}</p></body></html>".encode(
        "cp1252"
    )
    assert normalize(meta, "text/html").text == text
    gbk = "<html><body><p>我们将按照本政策收集、使用和存储您的个人信息。</p></body></html>".encode("gbk")
    assert normalize(gbk, "text/html; charset=gbk").text == "我们将按照本政策收集、使用和存储您的个人信息。"


def test_http_equiv_charset_and_the_header_wins_over_meta() -> None:
    text = "Wir speichern Ihre Daten höchstens drei Jahre."
    equiv = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-15'></head>"
    assert (
        normalize(f"{equiv}<body><p>{text}</p></body></html>".encode("iso-8859-15"), "text/html").text == text
    )
    page = f"<html><head><meta charset='utf-8'></head><body><p>{text}</p></body></html>".encode("cp1252")
    assert normalize(page, "text/html", charset="windows-1252").text == text


def test_mislabelled_utf8_header_still_decodes_sensibly() -> None:
    text = "我们非常重视您的个人信息和隐私保护，我们将通过本政策向您阐述相关事宜。" * 3
    body = f"<html><body><p>{text}</p></body></html>".encode("gbk")
    assert normalize(body, "text/html; charset=utf-8").text == normalize_text(text)
    for text in (
        "Vi behandlar dina personuppgifter för att förbättra tjänsten – så länge det behövs.",
        "Vi lagrer opplysningene i tre år – så lenge det trengs.",
        "Wir speichern Ihre Daten höchstens drei Jahre.",
    ):
        assert normalize(text.encode("cp1252"), "text/plain; charset=utf-8").text == text


def test_utf8_labelled_latin1_is_read_as_utf8() -> None:
    text = "Vi lagrer opplysningene i tre år – ikke lenger."
    assert normalize(text.encode(), "text/plain; charset=ISO-8859-1").text == text
    assert normalize(f"<p>{text}</p>".encode(), "text/html; charset=windows-1252").text == text


def test_a_generic_content_type_is_sniffed() -> None:
    body = html("<main><h1>Policy</h1><p>We keep data.</p></main>")
    assert normalize(body, "application/octet-stream").text == "Policy\nWe keep data."


def test_utf16_with_bom() -> None:
    assert normalize("\ufeffHello policy".encode("utf-16"), "text/plain").text == "Hello policy"


# --- plain text and Markdown -------------------------------------------------------------------------


def test_plain_text_lines_blank_lines_and_numbered_headings() -> None:
    doc = normalize(
        "一、我们如何收集信息\n\n(一)词语释义\n1.个人信息是指各种信息。\n\n"
        "七、我们如何存储个人信息\n我们存储在中国境内。\n".encode(),
        "text/plain",
    )
    assert [(b.kind, b.text, b.level) for b in doc.blocks] == [
        ("heading", "一、我们如何收集信息", 1),
        ("heading", "(一)词语释义", 2),
        ("paragraph", "1.个人信息是指各种信息。", 0),
        ("heading", "七、我们如何存储个人信息", 1),
        ("paragraph", "我们存储在中国境内。", 0),
    ]


def test_plain_text_headings_by_shape() -> None:
    text = (
        "PERSONAL DATA WE COLLECT\n\nWe collect your name and address when you register an account.\n\n"
        "How long we keep it\n\nWe keep your data for as long as the account exists and then delete it.\n\n"
        "7. How do we store personal information?\n5. Your rights.\n1. We collect your e-mail address when "
        "you sign up for the newsletter.\n"
    )
    kinds = [(b.kind, b.text[:20]) for b in normalize(text.encode(), "text/plain").blocks]
    assert kinds == [
        ("heading", "PERSONAL DATA WE COL"),
        ("paragraph", "We collect your name"),
        ("heading", "How long we keep it"),
        ("paragraph", "We keep your data fo"),
        ("heading", "7. How do we store p"),
        ("heading", "5. Your rights."),
        ("paragraph", "1. We collect your e"),
    ]


def test_hard_wrapped_paragraphs_are_joined_but_marker_lines_are_not() -> None:
    text = (
        "We collect the information you give us when you create an account,\n"
        "when you contact support and when you take part in a survey or a\n"
        "promotion.\n"
        "(a) contact details such as your name, address and telephone number\n\n"
        "Second paragraph stands alone.\n"
    )
    doc = normalize(text.encode(), "text/plain")
    assert [b.text for b in doc.blocks] == [
        "We collect the information you give us when you create an account, when you contact support and "
        "when you take part in a survey or a promotion.",
        "(a) contact details such as your name, address and telephone number",
        "Second paragraph stands alone.",
    ]


def test_lines_of_unwrapped_text_stay_apart() -> None:
    text = (
        "Oppdateringstid: 2024\nVi har til hensikt å gjøre tjenesten bedre, våre\nDette er neste avsnitt.\n"
    )
    assert len(normalize(text.encode(), "text/plain").blocks) == 3


def test_crlf_and_whitespace_variants_give_identical_text() -> None:
    a = "Title\n\nWe keep data  for 3 years.\nSecond line."
    b = "Title\r\n\r\n   We keep data for 3\u00a0years.  \r\nSecond line.\r\n\r\n\r\n"
    assert normalize(a.encode(), "text/plain").text == normalize(b.encode(), "text/plain").text


def test_markdown_headings_items_emphasis_and_links() -> None:
    md = (
        "# Privacy Policy\n\n## Sharing\n\nWe **never** sell data to [partners](https://x.example/p).\n\n"
        "- first *point*\n- second `code`\n1. numbered\n\n![logo](l.png) trailing\n"
    )
    doc = normalize(md.encode(), "text/markdown")
    assert [(b.kind, b.text, b.level, b.marker) for b in doc.blocks] == [
        ("heading", "Privacy Policy", 1, None),
        ("heading", "Sharing", 2, None),
        ("paragraph", "We never sell data to partners.", 0, None),
        ("item", "first point", 1, None),
        ("item", "second code", 1, None),
        ("item", "numbered", 1, "1."),
        ("paragraph", "logo trailing", 0, None),
    ]


def test_markdown_setext_headings_nesting_quotes_rules_and_fences() -> None:
    md = (
        "Privacy\n=======\n\nSharing\n-------\n\n> We never sell data.\n\n---\n\n"
        "- outer\n  - inner\n    - innermost\n\n```\ncode line\n```\n"
    )
    doc = normalize(md.encode(), "text/markdown")
    assert [(b.kind, b.text, b.level) for b in doc.blocks] == [
        ("heading", "Privacy", 1),
        ("heading", "Sharing", 2),
        ("paragraph", "We never sell data.", 0),
        ("item", "outer", 1),
        ("item", "inner", 2),
        ("item", "innermost", 3),
        ("paragraph", "code line", 0),
    ]


def test_markdown_headings_are_not_glued_to_wrapped_text() -> None:
    md = (
        "# Title\nWe keep the data you give us when you create an account with us and\n"
        "when you use it.\n## Next\n\nEnd."
    )
    doc = normalize(md.encode(), "text/markdown")
    assert [b.text for b in doc.blocks] == [
        "Title",
        "We keep the data you give us when you create an account with us and when you use it.",
        "Next",
        "End.",
    ]


def test_markdown_and_html_of_one_policy_give_the_same_text() -> None:
    md = "# Privacy\n\nWe keep **logs** for 30 days.\n\n- Name\n- Email\n"
    page = html(
        "<main><h1>Privacy</h1><p>We keep <strong>logs</strong> for 30 days.</p><ul><li>Name</li>"
        "<li>Email</li></ul></main>"
    )
    assert normalize(md.encode(), "text/markdown").text == normalize(page, "text/html").text


# --- PDF ---------------------------------------------------------------------------------------------


def _pdf(*lines: str) -> bytes:
    """A one-page PDF showing `lines` (none: a page without text)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=600, height=800)
    if lines:
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
        fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
        stream = DecodedStreamObject()
        shown = " ".join(f"({line}) Tj 0 -14 Td" for line in lines)
        stream.set_data(f"BT /F1 12 Tf 20 750 Td {shown} ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_text_is_extracted() -> None:
    doc = normalize(_pdf("We keep your data for 30 days."), "application/pdf")
    assert doc.text == "We keep your data for 30 days."


def test_pdf_lines_are_unwrapped_into_paragraphs_under_headings() -> None:
    body = _pdf(
        "1. Data we keep",
        "We keep the information you give us when you create an account and",
        "when you contact our support team by e-mail or telephone.",
        "2. Sharing",
        "We never sell it.",
    )
    doc = normalize(body, "application/pdf")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        ("heading", "1. Data we keep"),
        (
            "paragraph",
            "We keep the information you give us when you create an account and when you contact our "
            "support team by e-mail or telephone.",
        ),
        ("heading", "2. Sharing"),
        ("paragraph", "We never sell it."),
    ]


def test_pdf_without_text_is_refused() -> None:
    with pytest.raises(InputError, match="PDF has no extractable text"):
        normalize(_pdf(), "application/pdf")


def test_corrupt_pdf_is_refused_in_one_line() -> None:
    with pytest.raises(InputError, match="PDF") as e:
        normalize(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage", "application/pdf")
    assert "\n" not in str(e.value)


def _hostile_pdf(page_content: bytes, *, pages: int = 1, form: bytes | None = None) -> bytes:
    """A small PDF whose pages share one Flate-compressed content stream (megabytes compress to
    kilobytes), optionally drawing a form XObject /X1 with `form` as its content."""
    import zlib

    def stream(data: bytes, extra: str = "") -> bytes:
        packed = zlib.compress(data, 9)
        head = f"<< {extra} /Length {len(packed)} /Filter /FlateDecode >>\nstream\n"
        return head.encode() + packed + b"\nendstream"

    font = "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
    xobject = " /XObject << /X1 5 0 R >>" if form is not None else ""
    kids = " ".join(f"{6 + i} 0 R" for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
        stream(page_content),
        b"<< >>",
        stream(form or b"", f"/Type /XObject /Subtype /Form /BBox [0 0 600 800] /Resources << {font} >>"),
    ]
    box = "/MediaBox [0 0 600 800]"
    page = f"<< /Type /Page /Parent 2 0 R {box} /Contents 3 0 R /Resources << {font}{xobject} >> >>"
    objects += [page.encode()] * pages
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


_TEXT_LINE = b"BT /F1 12 Tf 72 712 Td (We keep your data for ten years.) Tj ET\n"


def test_a_hostile_pdf_is_refused_before_it_is_read_for_minutes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A few KB of PDF can hold megabytes of page content, or draw one form thousands of times:
    each is refused as unreadable (a failed check) instead of stalling the check."""
    from monitor.extract import normalize as normalize_mod

    monkeypatch.setattr(normalize_mod, "MAX_PDF_OPERATORS", 50_000)  # the same rule, sooner
    one_big_page = _hostile_pdf(_TEXT_LINE * 50_000)  # ~3 MB of content on one page
    assert len(one_big_page) < 20_000
    with pytest.raises(InputError, match="PDF page content too large"):
        normalize(one_big_page, "application/pdf")
    padded = b"%" + b" " * 1000 + b"\n"  # content pypdf must parse, drawing nothing
    many_pages = _hostile_pdf(_TEXT_LINE + padded * 1_600, pages=6)  # ~1.6 MB on each of six pages
    with pytest.raises(InputError, match="PDF page content too large"):
        normalize(many_pages, "application/pdf")
    drawn_again_and_again = _hostile_pdf(b"/X1 Do\n" * 5_000, form=_TEXT_LINE * 200)
    assert len(drawn_again_and_again) < 5_000
    with pytest.raises(InputError, match="PDF too complex"):
        normalize(drawn_again_and_again, "application/pdf")


def test_a_long_ordinary_pdf_is_read_whole() -> None:
    """The bounds leave room for real policies: 60 pages of a few dozen lines each."""
    doc = normalize(_hostile_pdf(_TEXT_LINE * 40, pages=60), "application/pdf")
    assert "We keep your data for ten years." in doc.text and not doc.truncated


# --- bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "ctype"),
    [
        (b"", "text/plain"),
        (b"  \n\t \r\n", "text/plain"),
        (b"\x00\x01\x02\xff" * 4096, "text/html"),
        (bytes(range(256)) * 64, None),
        (b"<html><body></body></html>", "text/html"),
        (b"<html><body><script>only()</script><nav>menu</nav></body></html>", "text/html"),
        (bytes(b | 0x80 for b in random.Random(1).randbytes(20000)), "text/plain"),
        (b"\x1b\x02\x03\x04abc" * 2000, "text/plain"),
    ],
    ids=["empty", "whitespace", "binary", "all-bytes", "no-text", "only-chrome", "invalid-utf8", "control"],
)
def test_bad_input_raises_a_one_line_input_error(body: bytes, ctype: str | None) -> None:
    with pytest.raises(InputError) as e:
        normalize(body, ctype)
    assert str(e.value) and "\n" not in str(e.value)


def test_mostly_valid_utf8_with_a_few_bad_bytes_decodes_leniently() -> None:
    body = ("Vi lagrer opplysningene dine i tre år. " * 50).encode() + b"\xff" + "Slutt på teksten.".encode()
    doc = normalize(body, "text/plain")
    assert "Vi lagrer opplysningene dine i tre år." in doc.text and "Slutt på teksten." in doc.text


def test_html_nested_100000_levels_keeps_its_text() -> None:
    page = (
        b"<html><body>" + b"<div>" * 100_000 + b"<p>deep text</p>" + b"</div>" * 100_000
        + b"<p>tail &amp; end</p></body></html>"
    )  # fmt: skip
    doc = normalize(page, "text/html")
    assert doc.text == "deep text\ntail & end"


def test_a_start_tag_with_a_flood_of_attributes_is_cut_to_its_name_and_keeps_its_text() -> None:
    # libxml2 compares each attribute with all before it: 700,000 of them took minutes to parse
    flood = " ".join(f"data-k{i}=v" for i in range(200_000))
    props = 'data-props="' + "{&quot;a&quot;: 1} " * 1000 + '"'  # one long attribute: real pages have them
    page = (
        "<html><body><div class='cookie-banner'>Accept all?</div>"
        f"<p {flood}>We keep invoices for ten years.</p>"
        f"<p class='x' {props}>Then we delete them.</p></body></html>"
    )
    tamed = _without_attribute_floods(page)
    assert "data-k0" not in tamed and "<p>We keep invoices" in tamed
    assert props in tamed and "class='cookie-banner'" in tamed
    doc = normalize(page.encode(), "text/html")
    assert doc.text == "We keep invoices for ten years.\nThen we delete them."


def test_policy_sections_named_cookies_or_consent_are_kept() -> None:
    got = blocks(
        "<main><section id='consent'><h2>Consent</h2><p>You may withdraw consent.</p></section>"
        "<div class='cookies'><p>We use cookies.</p></div><div class='cookie-notice'>Accept?</div></main>"
    )
    assert [t for _, t, _, _ in got] == ["Consent", "You may withdraw consent.", "We use cookies."]


def test_an_empty_main_does_not_hide_the_policy() -> None:
    text = "".join(f"<p>Clause {i} of the policy about your data.</p>" for i in range(10))
    got = blocks(f"<main><p>Hi</p></main><div>{text}</div>")
    assert len(got) == 10 and got[0][1] == "Clause 0 of the policy about your data."


def test_input_beyond_the_cap_is_truncated_and_says_so() -> None:
    line = b"We keep your data for as long as necessary to provide the service.\n"
    body = line * (MAX_INPUT_BYTES // len(line) + 100)  # just over 20 MiB
    doc = normalize(body, "text/plain")
    assert doc.truncated
    assert len(doc.text.encode()) <= MAX_INPUT_BYTES


def test_small_input_is_not_truncated() -> None:
    assert normalize(b"We keep data.", "text/plain").truncated is False


def test_blocks_are_the_models_block_type() -> None:
    doc = normalize(html("<h3>T</h3><p>x</p>"), "text/html")
    assert all(isinstance(b, Block) for b in doc.blocks) and doc.blocks[0].level == 3


def test_removed_and_chrome_elements_keep_the_text_after_them() -> None:
    page = html(
        "<p>Before <span class='ad'>advert</span> after.</p><p>Click <button>OK</button> to accept.</p>"
    )
    doc = normalize(page, "text/html", remove=[".ad"])
    assert [b.text for b in doc.blocks] == ["Before after.", "Click to accept."]


def test_long_and_repeated_paragraphs_fold_alike() -> None:
    # Paragraphs over 4,096 characters are folded outside the cache of repeated paragraphs.
    sentence = "We keep\u00a0your data\u200b for two years. "
    for n in (3, 300):
        raw = sentence * n
        expected = " ".join(("We keep your data for two years. " * n).split())
        first = normalize(html(f"<p>{raw}</p><p>{raw}</p>"), "text/html")
        again = normalize(html(f"<div><p>{raw}</p></div>"), "text/html")
        assert [b.text for b in first.blocks] == [expected, expected]
        assert [b.text for b in again.blocks] == [expected]


def test_control_characters_beside_dropped_elements_do_not_crash() -> None:
    # lxml refuses control characters in text it is given back when a dropped element's tail
    # is merged; they are folded away like everywhere else.
    page = b"<html><body><p>a\x01b<!-- note --> c <button>OK</button> d\x0be</p></body></html>"
    assert normalize(page, "text/html").text == "ab c de"


def test_markdown_and_html_of_the_same_policy_give_the_same_clauses() -> None:
    """Archives keep one policy as Markdown at one time and as HTML at another; the switch must
    not read as a change: tables (with <br> in cells), backslash escapes and emphasis alike."""
    from monitor.engine.segment import segment

    markdown = (
        "## Retention\n\n"
        "| Record | Kept for |\n|:---|---:|\n| Payment records<br>and receipts | 7 years |\n"
        "| Server logs | 14 days |\n\n"
        "4\\. Deletion. We erase \\*all\\* copies of your data_file after *closure*.\n"
    )
    html = (
        "<h2>Retention</h2><table><tr><th>Record</th><th>Kept for</th></tr>"
        "<tr><td>Payment records<br>and receipts</td><td>7 years</td></tr>"
        "<tr><td>Server logs</td><td>14 days</td></tr></table>"
        "<p>4. Deletion. We erase *all* copies of your data_file after <em>closure</em>.</p>"
    )
    from_md = segment(normalize(markdown.encode(), "text/markdown"))
    from_html = segment(normalize(html.encode(), "text/html"))
    assert [(c.marker, c.text) for c in from_md] == [(c.marker, c.text) for c in from_html]
    assert "Payment records and receipts | 7 years" in [c.text for c in from_md]


def test_a_page_that_is_one_vast_paragraph_is_read_up_to_the_cap_not_found_empty() -> None:
    # A policy pasted as one <p> with no breaks, longer than the text cap: its start is still the
    # policy (a check that found "no text" here would fail on this page forever).
    sentence = "Your account data stays with us for two years after you close the account. "
    body = f"<html><body><p>{sentence * (MAX_TEXT_CHARS // len(sentence) + 50)}</p></body></html>"
    doc = normalize(body.encode(), "text/html; charset=utf-8")
    assert doc.truncated
    assert doc.text.startswith("Your account data stays with us for two years")
    assert MAX_TEXT_CHARS // 2 < len(doc.text) <= MAX_TEXT_CHARS
    assert doc.text.split()[-1] in sentence.split()  # cut between words, not inside one
