"""Normalise: bytes + content type -> Document (headings, paragraphs, list items, clean text).

In: the raw body of a fetched page or a file, its content type (and charset when the HTTP header
gave one), optional CSS selectors of the policy text (`select`) and of parts to drop (`remove`).
Out: models.Document, whose blocks carry text folded by `normalize_text`, so that the same
policy in different markup, page chrome or encoding gives the same `Document.text`.

HTML goes through lxml's HTML parser (fast, depth-limited by libxml2) and is walked iteratively, never
recursively; plain text and Markdown are split on lines; PDF text comes from pypdf; Word (.docx)
becomes HTML through mammoth first (docx.py). Unusable input raises errors.InputError with a
one-line message.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Final

from monitor.errors import InputError
from monitor.extract.docx import DOCX_TYPE, docx_to_html, looks_like_docx
from monitor.lang.markers import HEADING_NUMBER, starts_with_marker
from monitor.lang.scripts import CJK, CJK_PUNCT, FULLWIDTH
from monitor.lang.startup_cache import compile_cached
from monitor.models import Block, Document, _new, _set

MAX_INPUT_BYTES: Final = 20 * 2**20
# Text after folding is capped too, so one huge page cannot make segment/align slow.
MAX_TEXT_CHARS: Final = 4 * 2**20
MAX_PDF_PAGES: Final = 2_000  # no policy is longer; a page tree of millions is a bomb
# Decompressed page content, which pypdf reads at about 1 MB a second, more slowly on big pages
# (a text page holds 5-50 KB): per page and in all.
MAX_PDF_PAGE_CONTENT_BYTES: Final = 2 * 2**20
MAX_PDF_CONTENT_BYTES: Final = 8 * 2**20
# Drawing operators run in all, counted inside form XObjects too (one small page can draw a big
# form thousands of times); a text page runs 1,000-3,000, pypdf about 70,000 a second.
MAX_PDF_OPERATORS = 500_000

# --- text folding -------------------------------------------------------------------------------

_ZERO_WIDTH: Final = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"), None)
# Circled numbers fold to bare digits under NFKC ("①" -> "1"); keep them recognisable markers.
_CIRCLED: Final = {0x2460 + i: f"({i + 1})" for i in range(20)}
_CIRCLED.update({0x24D0 + i: f"({chr(97 + i)})" for i in range(26)})
_CIRCLED.update({0x2776 + i: f"({i + 1})" for i in range(10)})
_CIRCLED.update({0x278A + i: f"({i + 1})" for i in range(10)})
_FOLD_TABLE: Final = {**_ZERO_WIDTH, **_CIRCLED}
_FOLD_CHARS: Final = compile_cached("[" + "".join(sorted(map(chr, _FOLD_TABLE))) + "]")
_LINE_BREAK: Final = compile_cached(r"[\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROL_KEEP_BREAKS: Final = compile_cached(r"[\x00-\x08\x0e-\x1b\x1f\x7f]")
_CONTROL: Final = compile_cached(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FOLD_OR_CONTROL: Final = compile_cached(_FOLD_CHARS.pattern[:-1] + _CONTROL.pattern[1:])
# the bytes _CONTROL matches, deleted from ASCII text by bytes.translate (a C loop; the regex
# engine's scan for a character class costs several times as much per character)
_CONTROL_BYTES: Final = bytes(c for c in range(128) if _CONTROL.match(chr(c)))


def normalize_text(text: str) -> str:
    """Fold one string: NFKC, whitespace collapsed, NBSP/zero-width/soft hyphen removed."""
    if text.isascii():
        return _collapse_ascii(text)
    return _collapse_spaces(_fold_chars(text))


# The whitespace (str.isspace) a folded text may still hold besides space, tab, LF and CR: NFKC
# makes the others a space (NBSP, U+2000-U+200A, U+3000 ...) and _CONTROL deletes VT, FF, 0x1c-0x1f.
_OTHER_SPACES: Final = ("\x85", "\u1680", "\u2028", "\u2029")


def _collapse_spaces(text: str) -> str:
    """The " ".join(text.split()) of a folded text (_fold_chars), without a str object per word (most
    texts hold no other whitespace than space, tab, LF and CR: those are made spaces, runs of
    spaces halved until none is left, the ends stripped)."""
    for other in _OTHER_SPACES:
        if other in text:
            return " ".join(text.split())  # str.split() splits on exactly what \s matches
    for space in "\t\n\r":
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text.strip(" ")


def _fold_chars(text: str) -> str:
    """normalize_text without the whitespace collapse (line breaks survive)."""
    if text.isascii():
        return text.encode("ascii").translate(None, _CONTROL_BYTES).decode("ascii")
    if not _FOLD_OR_CONTROL.search(text):
        # The common case, in one scan (NFKC never makes a control or folded character).
        return _nfkc(text)
    if _FOLD_CHARS.search(text):
        text = _FOLD_CHARS.sub(lambda m: _FOLD_TABLE[ord(m.group())] or "", text)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    return _CONTROL.sub("", text)


def _nfkc(text: str) -> str:
    """unicodedata.normalize("NFKC", text). A no-break space (most pages' one character NFKC
    changes) is made a space first: NFKC decomposes it to one, a starter as it is, so the text
    with spaces has the same NFKD and so the same NFKC; is_normalized then answers from its quick
    check, where a no-break space sent the whole text through decomposition and recomposition."""
    if "\xa0" in text:
        text = text.replace("\xa0", " ")
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def fold_lines(text: str) -> list[str]:
    """normalize_text of each line (CRLF, CR, LS, PS and NEL break lines), blank lines kept as ""."""
    text = _CONTROL_KEEP_BREAKS.sub("", text)
    if not text.isascii() and _FOLD_CHARS.search(text):
        text = _FOLD_CHARS.sub(lambda m: _FOLD_TABLE[ord(m.group())] or "", text)
    return _fold_each(text)


def _fold_each(text: str) -> list[str]:
    out = []
    for line in _LINE_BREAK.split(text.replace("\r\n", "\n")):
        if not line.isascii() and not unicodedata.is_normalized("NFKC", line):
            line = unicodedata.normalize("NFKC", line)  # only the few lines that need it: it is slow
        out.append(" ".join(line.split()))
    return out


# --- content type and decoding ------------------------------------------------------------------

_HTML_START: Final = compile_cached(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html|head|body|p|div|meta|title|h[1-6]|table|ul|ol|section|article|main|span|a|br)\b",
    re.I | re.S,
)


def sniff_content_type(body: bytes, filename: str | None = None) -> str:
    """text/html, text/plain, text/markdown or application/pdf, from the name then the bytes."""
    if filename:
        name = filename.lower()
        for ext, ctype in (
            (".html", "text/html"),
            (".htm", "text/html"),
            (".xhtml", "text/html"),
            (".txt", "text/plain"),
            (".md", "text/markdown"),
            (".markdown", "text/markdown"),
            (".pdf", "application/pdf"),
            (".docx", DOCX_TYPE),
        ):
            if name.endswith(ext):
                return ctype
    head = body[:4096].lstrip(b"\xef\xbb\xbf")
    if head.startswith(b"%PDF"):
        return "application/pdf"
    if looks_like_docx(body):
        return DOCX_TYPE
    if _HTML_START.match(head):
        return "text/html"
    return "text/plain"


_META_CHARSET: Final = compile_cached(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SINGLE_BYTE: Final = compile_cached(r"(?i)^(?:iso[-_]?8859|latin|l1$|windows-125|cp125|us-ascii|ascii)")
_BOMS: Final = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def _charset_of(content_type: str | None) -> str | None:
    if content_type and "charset=" in content_type.lower():
        return content_type.lower().split("charset=", 1)[1].split(";")[0].strip(" \"'") or None
    return None


def _try_decode(body: bytes, encoding: str) -> str | None:
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode(body: bytes, declared: Sequence[str | None] = ()) -> str:
    """Bytes to text: a BOM, then each declared charset decoded strictly, then UTF-8, then detection.

    A declared charset that does not decode cleanly is not trusted (pages are often mislabelled).
    Replacement characters (U+FFFD) come out only when nothing decodes the bytes cleanly; the check
    stage treats a text that needs them, where the previous version had none, as a decoding error.
    """
    for bom, enc in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(enc, errors="replace")
    if any(enc and _SINGLE_BYTE.match(enc) for enc in declared) and not body.isascii():
        text = _try_decode(body, "utf-8")  # UTF-8 bytes labelled latin-1 (a common server default)
        if text is not None:
            return text
    for charset in [*declared, "utf-8"]:
        if charset:
            text = _try_decode(body, charset)
            if text is not None:
                return text
    lenient = body.decode("utf-8", errors="replace")
    replaced = lenient.count("\ufffd")
    # UTF-8 with a stray bad byte or two: most of its non-ASCII characters decoded. A page whose
    # every non-ASCII byte fails as UTF-8 (windows-1252 labelled UTF-8: "Z\ufffdrich") is not UTF-8;
    # detection decodes it without replacement characters.
    well_formed = sum(1 for ch in lenient if ch > "\x7f") - replaced
    if replaced <= len(lenient) // 500 and well_formed > replaced:
        return lenient
    from charset_normalizer import from_bytes  # imported lazily: only mislabelled pages need it

    # Equally plausible code pages are common on short texts: windows-1252, the web's default
    # for mislabelled Western pages, wins the tie.
    matches = list(from_bytes(body[: 2**20]))
    best = min(matches, key=lambda m: (m.chaos, -m.coherence, m.encoding != "cp1252"), default=None)
    if best is not None and best.encoding:
        text = _try_decode(body, best.encoding)
        if text is not None:
            return text
        return body.decode(best.encoding, errors="replace")
    return body.decode("utf-8", errors="replace")


_TEXT_BYTES: Final = bytes([9, 10, 12, 13, *range(32, 256)])


def _check_not_binary(body: bytes) -> None:
    sample = body[:65536]
    if not sample.strip():
        raise InputError("empty input: no text")
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 has NULs by design
        return
    bad = len(sample.translate(None, _TEXT_BYTES))
    if b"\x00" in sample or bad > len(sample) * 0.05:
        raise InputError("binary data, not text (NUL or control bytes)")


def _check_text(text: str) -> None:
    sample = text[:65536]
    replaced = sample.count("\ufffd")
    if replaced > max(8, len(sample) * 0.1):
        raise InputError("undecodable bytes: not text in any known encoding")


# --- entry point --------------------------------------------------------------------------------


def normalize(
    body: bytes,
    content_type: str | None = None,
    *,
    charset: str | None = None,
    select: str | None = None,
    remove: Sequence[str] = (),
) -> Document:
    """Turn a fetched page or a file into a Document. Raises InputError on unusable input."""
    truncated = len(body) > MAX_INPUT_BYTES
    body = body[:MAX_INPUT_BYTES]
    ctype = (content_type or "").split(";")[0].strip().lower() or sniff_content_type(body)
    charset = charset or _charset_of(content_type)
    if ctype not in _KNOWN_TYPES:
        ctype = sniff_content_type(body)
    if ctype == DOCX_TYPE:  # Word: mammoth's HTML, read as any page (extract/docx.py)
        body, ctype, charset = docx_to_html(body), "text/html", "utf-8"
    if ctype == "application/pdf" or body[:5] == b"%PDF-":
        blocks = _plain_blocks(_pdf_text(body), markdown=False, wrapped=True)
    else:
        _check_not_binary(body)
        if ctype in ("text/html", "application/xhtml+xml"):
            blocks = _html_blocks(body, charset, select, remove)
        else:
            text = decode(body, [charset])
            _check_text(text)
            blocks = _plain_blocks(text, markdown=ctype in ("text/markdown", "text/x-markdown"))
    blocks, cut = _cap(blocks)
    if not blocks:
        raise InputError("no text found")
    return Document(blocks=tuple(blocks), truncated=truncated or cut)


_KNOWN_TYPES: Final = frozenset(
    "text/html application/xhtml+xml text/plain text/markdown text/x-markdown application/pdf".split()
) | {DOCX_TYPE}


def _cap(blocks: list[Block]) -> tuple[list[Block], bool]:
    """The blocks cut at MAX_TEXT_CHARS of text; the block that crosses the limit is kept up to
    it, so a page that is one vast paragraph is read in part rather than found empty."""
    total = 0
    for i, b in enumerate(blocks):
        if total + len(b.text) + 1 > MAX_TEXT_CHARS:
            text = _cut_at_word(b.text, MAX_TEXT_CHARS - total)
            head = [replace(b, text=text)] if text.strip() else []
            return blocks[:i] + head, True
        total += len(b.text) + 1
    return blocks, False


def _cut_at_word(text: str, room: int) -> str:
    """The start of `text` within `room` characters, ending at a space when one is near."""
    if room <= 0:
        return ""
    head = text[:room]
    space = head.rfind(" ")
    return head[:space] if space > room // 2 else head


# --- PDF ----------------------------------------------------------------------------------------


def _pdf_text(body: bytes) -> str:
    import logging

    # pypdf warns about every malformed object on stderr; the InputError is the one line we want.
    logging.getLogger("pypdf").addHandler(logging.NullHandler())
    logging.getLogger("pypdf").propagate = False
    from pypdf import PdfReader  # imported lazily: most pages are HTML
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            raise InputError("PDF is encrypted")
        if len(reader.pages) > MAX_PDF_PAGES:
            raise InputError(f"PDF has more than {MAX_PDF_PAGES:,} pages")
        pages: list[str] = []
        content = chars = 0
        budget = _OperatorBudget(MAX_PDF_OPERATORS)
        for page in reader.pages:
            # A few KB of PDF can hold megabytes of compressed page content: what is read is
            # bounded before it is read.
            contents = page.get_contents()
            size = len(contents.get_data()) if contents is not None else 0
            content += size
            if size > MAX_PDF_PAGE_CONTENT_BYTES or content > MAX_PDF_CONTENT_BYTES:
                raise InputError("PDF page content too large to read (a page over 2 MiB or all over 8 MiB)")
            pages.append(page.extract_text(visitor_operand_before=budget) or "")
            chars += len(pages[-1])
            if chars > MAX_TEXT_CHARS:
                break  # normalize keeps no more than this (and marks the document truncated)
    except InputError:
        raise
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
        OSError,
        AssertionError,
        ZeroDivisionError,
    ) as e:
        raise InputError(f"unreadable PDF: {type(e).__name__}") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError("PDF has no extractable text")
    return text


class _OperatorBudget:
    """A pypdf text-extraction visitor that stops the extraction after `limit` operators."""

    def __init__(self, limit: int) -> None:
        self.limit = self.left = limit

    def __call__(self, *_: object) -> None:
        self.left -= 1
        if self.left < 0:
            raise InputError(f"PDF too complex to read (over {self.limit:,} drawing operators)")


# --- plain text and Markdown --------------------------------------------------------------------

_CLOSERS: Final = "\"'”’»)]"
_ENDERS: Final = frozenset(".!?;:。!?;:")


def _ends_sentence(line: str) -> bool:
    """Whether a line ends with sentence punctuation (perhaps inside closing quotes/brackets)."""
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _ENDERS


_CJK_CHAR: Final = compile_cached(f"[{CJK}{CJK_PUNCT}]")

# Plain-text headings: a section number of a heading scheme, then a short title (markers.py).
_HEADING_NUMBER: Final = HEADING_NUMBER
_ATX_HEADING: Final = compile_cached(r"(#{1,6})[ \t]+(\S.*?)(?:[ \t]+#+)?[ \t]*$")
_MD_HEADING: Final = compile_cached(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE: Final = compile_cached(r"^(?:[-*_=]\s*){3,}$")
_MD_FENCE: Final = compile_cached(r"^(?:```|~~~)")
_MD_QUOTE: Final = compile_cached(r"^(?:>\s?)+")
_MD_ITEM: Final = compile_cached(r"^(\s*)(?:([-*+])|(\d{1,3}[.)]))\s+(.*)$")
_MD_LINK: Final = compile_cached(r"!?\[([^\]]*)\]\([^)]*\)")
# A backslash escape ("11\.", "\*") stands for the character itself: the same text as in HTML.
_MD_ESCAPE: Final = compile_cached(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
_MD_ESCAPED: Final = 0xE000  # escaped characters wait in the Private Use Area while emphasis is read
_MD_UNESCAPE: Final = {_MD_ESCAPED + c: chr(c) for c in range(128)}
_MD_BR: Final = compile_cached(r"<br\s*/?>", re.I)
_MD_TABLE_RULE: Final = compile_cached(r"^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_MD_CELL_BAR: Final = compile_cached(r"(?<!\\)\|")
_MD_EMPH: Final = compile_cached(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])\*(?=\S)([^*]+?)(?<=\S)\*(?!\w)|`([^`]*)`"
)


def heading_level(marker: str) -> int:
    """The level of a plain-text heading by its numbering scheme (fixed, so parts of a
    bilingual page numbered differently nest the same way)."""
    if marker.startswith("第"):
        return 1 if marker[-1] in "章部分" else 2
    if marker[0] in "一二三四五六七八九十百" or marker[0] in "IVX§" or marker[0].isalpha():
        return 1
    if marker.startswith("("):
        return 2
    return marker.rstrip(".").count(".") + 1


def _is_heading(line: str, next_blank: bool, next_line: str | None) -> int:
    """The heading level (0 = not a heading) of one plain-text line."""
    if len(line) > 80:
        return 0
    m = _HEADING_NUMBER.match(line)
    if m:
        title = line[m.end() :].strip()
        if not title or _ends_sentence(title) and not _numbered_title_ok(title):
            return 0
        if "," in title and _CJK_CHAR.search(title):
            return 0  # a clause of a Chinese list ("5.我们会部署…,确保…"), not a title
        return heading_level(m.group("m"))
    if _ends_sentence(line) or starts_with_marker(line) or len(line.split()) > 12:
        return 0
    letters = [c for c in line if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters if c.isascii() or c.isupper() or c.islower()):
        if not _CJK_CHAR.search(line):
            return 1
    if next_blank and next_line is not None and _titles(line, next_line):
        if line[0].isupper() or _CJK_CHAR.match(line) or line[0] in '《"':
            return 1
    return 0


TITLE_MAX_WORDS: Final = 8  # a line this short above a paragraph of sentences is its title


def _titles(line: str, paragraph: str) -> bool:
    """A line alone above a paragraph is its title when the paragraph is much longer, or when it
    is a short phrase and the paragraph, however short, is sentences ("Data storage" above "We
    keep your data in the EU.")."""
    if len(paragraph) > max(2 * len(line), 60):
        return True
    return len(line.split()) <= TITLE_MAX_WORDS and len(paragraph.split()) >= 3 and _ends_sentence(paragraph)


@lru_cache(maxsize=8192)  # a page's short paragraphs repeat across its versions
def _is_heading_alone(line: str) -> int:
    """The heading level of a line with nothing known about the next one."""
    return _is_heading(line, False, None)


def _numbered_title_ok(title: str) -> bool:
    """A numbered title may end in '?' ("7. How do we store ...?") or be a few words and '.'."""
    if title.endswith(("?", "?")):
        return True
    return title.endswith(".") and len(title.split()) <= 4 and not _CJK_CHAR.search(title)


def _join(a: str, b: str) -> str:
    if _CJK_CHAR.match(b[:1]) and _CJK_CHAR.match(a[-1:]):
        return a + b
    if a.endswith("-") and len(a) > 1 and a[-2].isalpha() and b[:1].islower():
        return a[:-1] + b  # a word hyphenated at the end of a wrapped line
    return a + " " + b


def _paragraphs(text: str, indents: bool = False) -> list[list[tuple[str, int]]]:
    """Groups of non-empty folded lines separated by blank lines, each line with its indentation
    (counted only if `indents`: Markdown nests lists by it)."""
    groups: list[list[tuple[str, int]]] = [[]]
    raw_lines = _LINE_BREAK.split(text.replace("\r\n", "\n")) if indents else None
    for n, line in enumerate(fold_lines(text)):
        if line:
            raw = raw_lines[n].expandtabs(4) if raw_lines else ""
            groups[-1].append((line, len(raw) - len(raw.lstrip())))
        elif groups[-1]:
            groups.append([])
    return [g for g in groups if g]


def _explicit_breaks(text: str) -> list[bool]:
    """For each group of `_paragraphs`, whether every line but its last ends in a Markdown hard
    break (two spaces or a backslash): lines the author broke on purpose (a postal address, a
    signature) are never a soft-wrapped paragraph, whatever their lengths. Without this an
    address kept one clause in one version and split into lines in the next, as soon as one of
    its lines crossed the length a wrapped line is recognised by."""
    out: list[bool] = []
    ends: list[bool] = []  # the current group's lines: ends in a hard break
    raw_lines = _LINE_BREAK.split(text.replace("\r\n", "\n"))
    for folded, raw in zip(fold_lines(text), raw_lines, strict=False):
        if folded:
            ends.append(raw.endswith("  ") or raw.endswith("\\"))
        elif ends:
            out.append(len(ends) > 1 and all(ends[:-1]))
            ends = []
    if ends:
        out.append(len(ends) > 1 and all(ends[:-1]))
    return out


def _is_hard_wrapped(group: list[str]) -> bool:
    """Lines cut at a fixed width: none longer than ~100 characters, and some near the longest
    that stop mid-sentence."""
    if len(group) < 2:
        return False
    longest = max(len(x) for x in group)
    if not 40 <= longest <= 100:
        return False
    return any(len(x) >= 0.6 * longest and not _ends_sentence(x) for x in group[:-1])


def _unwrap(group: list[tuple[str, int]], markdown: bool = False) -> list[tuple[str, int]]:
    lines: list[tuple[str, int]] = []
    for line, indent in group:
        starts_block = starts_with_marker(line) or markdown and line[0] in "#>|`~=-"
        if lines and not starts_block and not _ends_sentence(lines[-1][0]):
            prev = lines[-1][0]
            if not (markdown and prev[0] in "#|`~") and not _is_heading(prev, False, None):
                lines[-1] = (_join(prev, line), lines[-1][1])
                continue
        lines.append((line, indent))
    return lines


def _plain_blocks(text: str, *, markdown: bool, wrapped: bool = False) -> list[Block]:
    """Lines to blocks. Soft-wrapped lines are joined only when blank lines separate paragraphs
    (after normalising there are none, which keeps normalising idempotent) or the text comes
    from a PDF (`wrapped`)."""
    groups = _paragraphs(text, indents=markdown)
    may_unwrap = wrapped or len(groups) > 1
    broken = _explicit_breaks(text) if markdown and may_unwrap else []
    blocks: list[Block] = []
    for g, group in enumerate(groups):
        unwrap = may_unwrap and not (broken and broken[g]) and _is_hard_wrapped([t for t, _ in group])
        lines = _unwrap(group, markdown) if unwrap else group
        for i, (line, indent) in enumerate(lines):
            last = i == len(lines) - 1
            nxt = lines[i + 1][0] if not last else (groups[g + 1][0][0] if g + 1 < len(groups) else None)
            if markdown:
                _markdown_line(line, indent, i > 0, blocks)
                continue
            atx = _ATX_HEADING.match(line)
            if atx and not _ends_sentence(line) and len(line.split()) <= 12:
                # "# Cookies" in a text/plain page: Markdown served as plain text, a heading
                blocks.append(Block("heading", atx.group(2), len(atx.group(1))))
                continue
            level = _is_heading(line, last and len(groups) > 1, nxt)
            blocks.append(Block("heading", line, level) if level else Block("paragraph", line))
    return blocks if markdown else _nest_headings(_demote_contents_lists(blocks))


def _demote_contents_lists(blocks: list[Block]) -> list[Block]:
    """Headings in a row with nothing between them, three of one level, are a table of contents:
    list items, not sections (else the text after it would sit under its last entry)."""
    out = list(blocks)
    i = 0
    while i < len(out):
        j = i
        while j < len(out) and out[j].kind == "heading":
            j += 1
        levels = [b.level for b in out[i:j]]
        if j - i >= 3 and max(levels.count(lv) for lv in set(levels)) >= 3:
            for k in range(i, j):
                out[k] = Block("item", out[k].text, 1)
        i = j + 1
    return out


_CJK_NUMERAL_MARK: Final = compile_cached(r"^(?:第|[一二三四五六七八九十百]|\([一二三四五六七八九十])")


def _nest_headings(blocks: list[Block]) -> list[Block]:
    """Chinese numbering nests 一、 > (一) > 1. > 1.1: a decimal-numbered heading in Chinese
    text goes below the Chinese-numeral heading above it, while a Latin one ("1. Scope" of
    the English half of a bilingual page) starts again at the top."""
    out: list[Block] = []
    cjk_depth = 0
    for b in blocks:
        if b.kind != "heading":
            out.append(b)
            continue
        m = _HEADING_NUMBER.match(b.text)
        marker = m.group("m") if m else None
        cjk_title = bool(_CJK_CHAR.search(b.text[m.end() :] if m else b.text))
        level = b.level
        if marker and _CJK_NUMERAL_MARK.match(marker):
            cjk_depth = level
        elif marker and marker[0].isdigit() and cjk_title and cjk_depth:
            level = cjk_depth + level
        elif not cjk_title:
            cjk_depth = 0
        out.append(Block("heading", b.text, level) if level != b.level else b)
    return out


def _md_inline(text: str) -> str:
    text = _MD_ESCAPE.sub(lambda m: chr(_MD_ESCAPED + ord(m.group(1))), text)
    text = _MD_BR.sub(" ", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPH.sub(lambda m: m.group(2) or m.group(3) or m.group(4) or "", text)
    return normalize_text(text.translate(_MD_UNESCAPE))


def _md_table_row(line: str) -> str:
    """A table row as the HTML reader gives one: its cells' text joined by " | "."""
    row = line.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    cells = _MD_CELL_BAR.split(row)
    return " | ".join(c for c in (_md_cell(cell) for cell in cells) if c)


# a <br> (or several) before a list marker inside a cell: "…, we:<br><br>* enable …<br>* deliver …"
_MD_CELL_ITEM: Final = compile_cached(r"(?:<br\s*/?>\s*)+(?=(?:[*•+-]|\d{1,3}[.)])\s+\S)", re.I)


def _md_cell(cell: str) -> str:
    """A cell's text. A list inside the cell keeps one line per item, so each item is a clause of
    its own as in a list outside a table (an item edited is one change, not its whole cell); a
    <br> that only wraps the cell's text is a space."""
    if "<" not in cell:
        return _md_inline(cell)
    return "\n".join(t for t in (_md_inline(part) for part in _MD_CELL_ITEM.split(cell)) if t)


def _markdown_line(line: str, indent: int, follows_line: bool, blocks: list[Block]) -> None:
    """One Markdown line onto `blocks`: ATX and setext headings, nested items, quotes, rules."""
    if _MD_RULE.match(line) or _MD_FENCE.match(line):
        setext = follows_line and line[0] in "=-" and len(set(line)) == 1
        if setext and blocks and blocks[-1].kind == "paragraph":
            blocks[-1] = Block("heading", blocks[-1].text, 1 if line[0] == "=" else 2)  # setext
        return
    if line.lstrip().startswith("|"):
        if not _MD_TABLE_RULE.match(line):  # the |---|---| under a table's head is layout
            text = _md_table_row(line)
            if text:
                blocks.append(Block("paragraph", text))
        return
    m = _MD_HEADING.match(line)
    if m:
        text = _md_inline(m.group(2))
        if text:
            blocks.append(Block("heading", text, len(m.group(1))))
        return
    m = _MD_ITEM.match(line)
    if m:
        text = _md_inline(m.group(4))
        if text:
            blocks.append(Block("item", text, indent // 2 + 1, m.group(3)))
        return
    text = _md_inline(_MD_QUOTE.sub("", line))
    if text:
        blocks.append(Block("paragraph", text))


# --- HTML ---------------------------------------------------------------------------------------

_DROP_TAGS: Final = frozenset(
    "script style noscript template svg iframe button input select textarea option nav "
    "aside head title meta link object embed canvas video audio map dialog math".split()
)
_BLOCK_TAGS: Final = frozenset(
    "p div section article main li dt dd h1 h2 h3 h4 h5 h6 ul ol dl table thead tbody tfoot tr "
    "blockquote address figure figcaption center details summary fieldset body html hr caption".split()
)
_HEADINGS: Final = {f"h{i}": i for i in range(1, 7)}
# The start tags _Walker does more for than collect their text.
_START_TAGS: Final = _BLOCK_TAGS | {"br", "td", "th", "pre"}
# Block tags that only open a paragraph (or continue a list item) and close it again.
_PLAIN_BLOCKS: Final = _BLOCK_TAGS - {*_HEADINGS, "dt", "ul", "ol", "dl", "li", "tr"}
_CHROME_ROLES: Final = frozenset({"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog"})
# Consent banners by vendor, or by a cookie/consent/gdpr word next to a banner-like word; a policy
# section merely called "cookies" or "consent" must survive.
_CHROME_WORDS: Final = compile_cached(
    r"onetrust|optanon|cookiebot|cybot|truste-|trustarc|usercentrics|didomi|quantcast|qc-cmp|sp_message"
    r"|cookieyes|cky-consent|iubenda|osano|termly|klaro|cookie-law|cc-banner|cc-window|cc-revoke|\bcmp-"
    r"|(?:cookie|consent|gdpr|ccpa)[\w-]*?(?:banner|notice|bar|popup|pop-up|modal|overlay|dialog|wall|box"
    r"|alert|message|prompt|consent|notification|layer|container|wrapper)"
    r"|(?:banner|notice|popup|modal|overlay)[\w-]*?(?:cookie|consent|gdpr)"
    r"|skip-link|skip-to|sr-only|visually-hidden|screen-reader-text",
    re.I,
)
_HIDDEN_STYLE: Final = compile_cached(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CJK_NL: Final = compile_cached(
    f"(?<=[{CJK}{CJK_PUNCT}{FULLWIDTH}])"
    r"[ \t\r\n\f\v]*\n[ \t\r\n\f\v]*"
    f"(?=[{CJK}{CJK_PUNCT}{FULLWIDTH}])"
)
_BR: Final = "\x1e"  # stands for a <br> inside collected text until lines are folded
_DOUBLE_BR: Final = compile_cached(_BR + r"\s*" + _BR + r"[\s" + _BR + "]*")
_XML_DECL: Final = compile_cached(r"^\s*<\?xml[^>]*\?>", re.I)
# libxml2 checks each attribute of a start tag against all the ones before it: a hostile tag with
# 700,000 attributes took the parser over ten minutes. Start tags longer than LONG_TAG characters
# (real ones: an inline SVG path, a data- attribute of JSON, but few attributes) are counted, and
# past MAX_ATTRIBUTES keep only their name (attributes hold no text).
LONG_TAG: Final = 8192
MAX_ATTRIBUTES: Final = 500
_LONG_START_TAG: Final = compile_cached(rf"<([A-Za-z][^\s/<>]*)[^<>]{{{LONG_TAG},}}>?")
_ATTRIBUTE: Final = compile_cached(r"""\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?""")


def decode_html(body: bytes, charset: str | None = None) -> str:
    """An HTML page's text: the header's charset, then its <meta>, then UTF-8 and detection
    (see `decode`), without an XML declaration (lxml refuses one in a str)."""
    meta = _META_CHARSET.search(body[:4096])
    declared = [charset, meta.group(1).decode("ascii", "replace") if meta else None]
    return _XML_DECL.sub("", decode(body, declared))


def _html_blocks(body: bytes, charset: str | None, select: str | None, remove: Sequence[str]) -> list[Block]:
    from lxml import etree

    text = _without_attribute_floods(decode_html(body, charset))
    _check_text(text)
    # lxml.etree's own elements, not lxml.html's: the latter call back into Python for the
    # class of every element each pass touches.
    parser = etree.HTMLParser()
    try:
        root = etree.fromstring(text, parser)
    except (etree.ParserError, ValueError) as e:
        if "Document is empty" in str(e):
            raise InputError("no text found") from None
        raise InputError(f"unparsable HTML: {e}") from None
    if root is None:
        raise InputError("no text found")
    if any("Excessive depth" in err.message for err in parser.error_log):
        # libxml2 stops at 256 levels and drops the rest; keep the text, lose the structure.
        return _plain_blocks(_flat_html_text(text), markdown=False)
    for sel in remove:
        for el in _css(root, sel):
            _drop(el)
    roots = [root]
    if select:
        roots = _css(root, select)
        if not roots:
            raise InputError(f"selector {select!r} matches nothing on the page")
    blocks: list[Block] = []
    for r in roots:
        # lxml makes a node's Python object when one is first asked for and drops it with its
        # last reference: held from the start, each node's is made once, not again by each pass
        # below (the chrome's, whose getparent() made the parent's anew too, the measure's, the walk's)
        walker = _Walker(held=list(r.iter()))
        _decode_cfemail(r)
        _drop_chrome(r)
        if not select:
            r = _content_root(r)
        blocks.extend(_unwrapped_lines(walker.walk(r), walker.cells))
    return _promote_headings(blocks)


def _unwrapped_lines(blocks: list[Block], cells: set[int]) -> list[Block]:
    """A page converted from a PDF puts each printed line in its own <p> ("… to apply the
    Standard" / "Contractual Clauses, and not …"): in a run of such lines that mostly stop
    mid-sentence, a line that stops mid-sentence is joined with the next. Elsewhere paragraphs
    stay apart: a glossary term after "Learn more", a list item in its own <p> ("…; or" / "we no
    longer need it") starts in lower case too. Headings, list items, heading-like lines and
    table rows (`cells`: their indexes) are never joined."""
    printed = _printed_runs(blocks, cells)
    if not printed:
        return blocks
    out: list[Block] = []
    for i, b in enumerate(blocks):
        joins = i in printed and i - 1 in printed
        if joins and _continues(blocks[i - 1].text, b.text):
            out[-1] = Block("paragraph", _join(out[-1].text, b.text))
            continue
        out.append(b)
    return out


PRINTED_LINE: Final = (60, 130)  # characters: a line of a page printed from a PDF
# "iii. under Clause 9", "4° Sharing …": a new item of a printed list
_PRINTED_ITEM: Final = compile_cached(r"(?:[ivx]{1,4}\.|\d{1,3}°)\s")
PRINTED_RUN: Final = 5  # lines in a row, most of them stopping mid-sentence


def _joinable(block: Block, i: int, cells: set[int]) -> bool:
    return block.kind == "paragraph" and block.marker is None and i not in cells and "\n" not in block.text


def _printed_runs(blocks: list[Block], cells: set[int]) -> set[int]:
    """The indexes of the blocks in runs of PRINTED_RUN or more printed lines (at most a line's
    width, most of them stopping mid-sentence, not ending a sentence more often than not)."""
    low, high = PRINTED_LINE
    out: set[int] = set()
    run: list[int] = []
    for i, b in enumerate([*blocks, Block("heading", "")]):
        if i < len(blocks) and _joinable(b, i, cells) and len(b.text) <= high:
            run.append(i)
            continue
        if len(run) >= PRINTED_RUN:
            texts = [blocks[j].text for j in run]
            cut = sum(1 for x in texts[:-1] if len(x) >= low and not _ends_sentence(x))
            if cut >= 0.6 * (len(run) - 1):
                out.update(run)
        run = []
    return out


def _continues(line: str, text: str) -> bool:
    """`text`, a printed line of a PDF-like run, goes on with the sentence `line` stopped in:
    `line` is near a line's width or `text` starts with a lower-case word."""
    if _ends_sentence(line) or starts_with_marker(text) or _PRINTED_ITEM.match(text):
        return False
    if _is_heading(line, False, None) or _is_heading_alone(line) or _is_heading_alone(text):
        return False
    if not line[-1:].isalpha() and line[-1:] not in ",;":
        return False
    first = text.split(" ", 1)[0]
    return len(line) >= PRINTED_LINE[0] or first.isalpha() and first[0].islower()


def _without_attribute_floods(html: str) -> str:
    """The page with every start tag of more than MAX_ATTRIBUTES attributes cut to its name."""
    if len(html) <= LONG_TAG or not _may_hold_long_tag(html):
        return html

    def tamed(m: re.Match[str]) -> str:
        tag = m.group(0)
        if sum(1 for _ in _ATTRIBUTE.finditer(tag)) <= MAX_ATTRIBUTES:
            return tag
        return f"<{m.group(1)}>"

    return _LONG_START_TAG.sub(tamed, html)


_WINDOW: Final = LONG_TAG // 2


def _may_hold_long_tag(html: str) -> bool:
    """Whether `html` may hold a match of _LONG_START_TAG: "<", then more than LONG_TAG
    characters none of which is "<" or ">". Such a run holds one of the windows of LONG_TAG // 2
    characters at multiples of that (any run of 2 * _WINDOW - 1 does) whole, so a page each of
    whose windows has a "<" or a ">" has no long tag. str.find answers in a fast scan that stops
    at the window's first bracket; the pattern's search costs a character-class test per
    character of every tag on the page."""
    find = html.find
    for start in range(0, len(html), _WINDOW):
        end = start + _WINDOW
        if find("<", start, end) < 0 and find(">", start, end) < 0:
            return True
    return False


def _promote_headings(blocks: list[Block]) -> list[Block]:
    """A paragraph that is clearly a heading in all but markup ("3. Sharing", "CONTACT US")
    becomes one, nested under the last real <h1>-<h6>."""
    out: list[Block] = []
    base = 0
    for b in blocks:
        if b.kind == "heading":
            if b.level <= 6:
                base = b.level
        elif b.kind == "paragraph" and "\n" not in b.text:
            level = _is_heading_alone(b.text) if len(b.text) <= 80 else 0
            if level:
                b = Block("heading", b.text, base + level)
        out.append(b)
    return out


_FLAT_DROP: Final = compile_cached(
    r"<(script|style|noscript|template|svg|head|nav|footer)\b.*?</\1\s*>", re.S | re.I
)
_FLAT_BLOCK: Final = compile_cached(
    r"<\s*/?\s*(?:p|div|section|article|main|li|h[1-6]|tr|br|ul|ol|table|blockquote|pre|dt|dd)\b[^>]*>", re.I
)
_FLAT_TAG: Final = compile_cached(r"<[^>]*>")


def _flat_html_text(text: str) -> str:
    """HTML too deep for the parser, as plain text: block tags become blank lines."""
    import html as htmllib

    text = _FLAT_DROP.sub(" ", text)
    text = _FLAT_BLOCK.sub("\n\n", text)
    return htmllib.unescape(_FLAT_TAG.sub("", text))


def _css(root, selector: str) -> list:  # type: ignore[no-untyped-def]
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    try:
        return CSSSelector(selector, translator="html")(root)
    except (SelectorError, SyntaxError) as e:
        raise InputError(f"invalid CSS selector {selector!r}: {e}") from None


@lru_cache(maxsize=1)
def _string_xpath():  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.XPath("string()", smart_strings=False)


def _text_content(el) -> str:  # type: ignore[no-untyped-def]
    """All text under an element (lxml.html's text_content)."""
    return _string_xpath()(el)


def _drop(el) -> None:  # type: ignore[no-untyped-def]
    """Remove an element and its subtree but keep its tail text (lxml.html's drop_tree)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        before = parent.text if previous is None else previous.tail
        text = (before or "") + tail
        if _NOT_XML.search(text):
            # lxml parses control characters but refuses them in text it is given; folding
            # drops them anyway.
            text = _NOT_XML.sub("", text)
        if previous is None:
            parent.text = text
        else:
            previous.tail = text
    parent.remove(el)


_NOT_XML: Final = compile_cached(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def _is_chrome(el) -> bool:  # type: ignore[no-untyped-def]
    tag = el.tag
    if not isinstance(tag, str):
        return True  # comments and processing instructions
    if tag in _DROP_TAGS:
        return True
    if tag in ("header", "footer"):
        # The page's banner and footer are chrome; an article's own header (its title, its
        # "last updated" line) is part of the policy.
        return not any(a.tag in ("main", "article") for a in el.iterancestors())
    if tag == "form":
        return len(_text_content(el)) < 2000  # ASP.NET pages wrap the whole body in one <form>
    attrib = el.attrib
    if not attrib:
        return False
    if "hidden" in attrib or attrib.get("aria-hidden", "").lower() == "true":
        return True
    if attrib.get("role", "").lower() in _CHROME_ROLES:
        return True
    style = attrib.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    if attrib.get("type", "").lower() == "hidden":
        return True
    marks = " ".join(filter(None, (attrib.get("id"), attrib.get("class"), attrib.get("aria-label"))))
    if marks and _CHROME_WORDS.search(marks) and tag not in ("html", "body", "main", "article"):
        # A whole cookie *policy* page may be classed "cookie-policy": keep large text bodies.
        return len(_text_content(el)) < 3000
    return False


def _drop_chrome(root) -> None:  # type: ignore[no-untyped-def]
    """Drop every element _is_chrome calls chrome (and what is under it), judged on the page
    as parsed."""
    doomed = []
    it = root.iter()
    next(it, None)  # never the root itself
    skip_under: set = set()
    for el in it:
        if el.getparent() in skip_under:
            skip_under.add(el)
            continue
        if _is_chrome(el):
            doomed.append(el)
            skip_under.add(el)
    for el in doomed:
        _drop(el)


@lru_cache(maxsize=1)
def _cfemail_xpath():  # type: ignore[no-untyped-def]
    """The elements Cloudflare's e-mail obfuscation wrote, compiled once (el.xpath(str) compiles
    its expression on every call)."""
    from lxml import etree

    return etree.XPath(".//*[@data-cfemail]|.//a[contains(@href,'/cdn-cgi/l/email-protection#')]")


def _decode_cfemail(root) -> None:  # type: ignore[no-untyped-def]
    for el in _cfemail_xpath()(root):
        code = el.get("data-cfemail") or el.get("href", "").rsplit("#", 1)[-1]
        address = cf_decode(code)
        if address is None or _NOT_XML.search(address):
            continue
        tail = el.tail
        for child in list(el):
            el.remove(child)
        el.text = address
        el.tail = tail
        el.attrib.pop("data-cfemail", None)
        el.attrib.pop("class", None)  # "__cf_email__" must not read as chrome


def cf_decode(code: str) -> str | None:
    """Cloudflare's e-mail obfuscation: hex bytes, the first is the XOR key of the rest."""
    try:
        data = bytes.fromhex(code.strip())
    except ValueError:
        return None
    if len(data) < 2:
        return None
    key = data[0]
    try:
        return bytes(b ^ key for b in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None


def _content_root(root):  # type: ignore[no-untyped-def]
    """<main>, the largest <article> or [role=main]; else the deepest element holding most text."""
    sizes, mains, articles = _measure(root)
    if mains:
        best = max(mains, key=lambda e: sizes.get(e, 0))
        if sizes.get(best, 0) >= 0.2 * sizes.get(root, 1):  # not an empty <main> beside the text
            return best
    if articles:
        best = max(articles, key=lambda e: sizes.get(e, 0))
        if sizes.get(best, 0) >= 0.3 * sizes.get(root, 1):
            return best
    body = root.find("body")
    node = body if body is not None else root
    total = sizes.get(node, 0)
    if total == 0:
        return node
    while True:
        child = max(node, key=lambda c: sizes.get(c, 0), default=None)
        if child is None or child.tag not in _CONTAINERS or sizes.get(child, 0) < 0.6 * total:
            return node
        if any(c is not child and _has_heading(c) for c in node):
            return node  # a heading beside the bulk of the text belongs to it
        node = child


_CONTAINERS: Final = frozenset("div section article main body span font center td form".split())


def _has_heading(el) -> bool:  # type: ignore[no-untyped-def]
    return isinstance(el.tag, str) and bool(_heading_xpath()(el))


@lru_cache(maxsize=1)
def _heading_xpath():  # type: ignore[no-untyped-def]
    from lxml import etree

    return etree.XPath("self::h1|self::h2|self::h3|.//h1|.//h2|.//h3")


def _measure(root) -> tuple[dict, list, list]:  # type: ignore[no-untyped-def]
    """One walk, without recursion, for what _content_root weighs: the characters of (non-space)
    text under each element (the text read between its start and its end, its own tail excluded),
    and the <main> or [role=main] and the <article> elements below `root`, in document order."""
    from lxml import etree

    sizes: dict = {}
    mains: list = []
    articles: list = []
    total = 0
    starts: list[int] = []
    # iterwalk passes over comments and processing instructions (_drop_chrome has removed them
    # from a page by now); the text after one still counts, for its parent.
    loose = _loose_tails(root)
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            starts.append(total)
            text = el.text
            if text:
                total += len(text.strip())
            if loose:
                total += loose.get(el, 0)
            if el is root:
                continue
            tag = el.tag
            if tag == "main" or el.get("role") == "main":
                mains.append(el)
            if tag == "article":  # an <article role="main"> is both
                articles.append(el)
        else:
            sizes[el] = total - starts.pop()
            tail = el.tail
            if tail and el is not root:
                total += len(tail.strip())
    return sizes, mains, articles


def _loose_tails(root) -> dict:  # type: ignore[no-untyped-def]
    """Characters of the text after each comment or processing instruction, per parent."""
    from lxml import etree

    loose: dict = {}
    for node in root.iter(etree.Comment, etree.ProcessingInstruction, etree.Entity):
        parent = node.getparent()
        if node is not root and node.tail and parent is not None:
            loose[parent] = loose.get(parent, 0) + len(node.tail.strip())
    return loose


@dataclass
class _Context:
    kind: str
    level: int = 0
    marker: str | None = None


@dataclass
class _Walker:
    """Walks an lxml tree with start/end events and collects blocks."""

    blocks: list[Block] = field(default_factory=list)
    buf: list[str] = field(default_factory=list)
    contexts: list[_Context] = field(default_factory=lambda: [_Context("paragraph")])
    lists: list[list] = field(default_factory=list)  # per open list: [ordered, next number, type]
    row_depth: int = 0
    row_cells: int = 0
    cells: set[int] = field(default_factory=set)  # indexes of the blocks that are table rows
    held: list = field(default_factory=list)  # kept alive while the walk runs (see _html_blocks)

    def walk(self, root) -> list[Block]:  # type: ignore[no-untyped-def]
        from lxml import etree

        walker = etree.iterwalk(root, events=("start", "end"))
        buf = self.buf
        contexts = self.contexts
        # Most elements are inline (they only add their text and tail) or plain blocks outside
        # tables (<p>, <div>: a new paragraph context); those are handled here inline, the rest
        # by _start/_end.
        for event, el in walker:
            tag = el.tag
            if tag.__class__ is not str:
                tag = ""
            if event == "start":
                if tag in _PLAIN_BLOCKS and not self.row_depth:
                    if buf:
                        self._flush()
                    top = contexts[-1]
                    contexts.append(top if top.kind == "item" else _Context("paragraph"))
                elif tag in _START_TAGS:
                    if tag == "pre" and not self.row_depth:
                        # A plain-text policy pasted into <pre>: its lines and blank lines are its structure.
                        self._flush()
                        self.blocks.extend(_plain_blocks(_text_content(el), markdown=False))
                        walker.skip_subtree()
                        continue
                    if tag != "pre":
                        self._start(el, tag)
                        continue
                text = el.text
                if text:
                    buf.append(text)
            else:
                if tag in _PLAIN_BLOCKS and not self.row_depth:
                    if buf:
                        self._flush()
                    if len(contexts) > 1:
                        contexts.pop()
                elif tag in _BLOCK_TAGS:
                    self._end(el, tag)
                if el is not root:
                    tail = el.tail
                    if tail:
                        buf.append(tail)
        self._flush()
        return self.blocks

    def _start(self, el, tag: str) -> None:  # type: ignore[no-untyped-def]
        if tag == "br":
            # A break inside a table cell only wraps the cell's text (as in a Markdown cell): the
            # row stays one clause, so a cell re-wrapped between versions changes nothing.
            self.buf.append(" " if self.row_depth else _BR)
            return
        if tag in ("td", "th") and self.row_depth:
            if self.row_cells and "".join(self.buf).strip():
                self.buf.append(" | ")
            self.row_cells += 1
        if tag in _BLOCK_TAGS:
            if self.row_depth and tag != "tr":
                self.buf.append(" ")
            else:
                self._flush()
                self._push(el, tag)
        if el.text:
            self.buf.append(el.text)

    def _push(self, el, tag: str) -> None:  # type: ignore[no-untyped-def]
        if tag in _HEADINGS:
            self.contexts.append(_Context("heading", _HEADINGS[tag]))
        elif tag == "dt":
            self.contexts.append(_Context("heading", 6))
        elif tag in ("ul", "ol", "dl"):
            start = el.get("start", "1")
            first = int(start) if start.lstrip("-").isdigit() else 1
            self.lists.append([tag == "ol", first, el.get("type", "1")])
            self.contexts.append(self.contexts[-1])
        elif tag == "li":
            marker = None
            if self.lists:
                spec = self.lists[-1]
                value = el.get("value")
                if value and value.lstrip("-").isdigit():
                    spec[1] = int(value)
                if spec[0]:
                    marker = _ol_marker(spec[1], spec[2])
                spec[1] += 1
            depth = len(self.lists)
            self.contexts.append(_Context("item", max(depth, 1), marker))
        elif tag == "tr":
            self.row_depth += 1
            self.row_cells = 0
            self.contexts.append(_Context("paragraph"))
        else:
            inherited = self.contexts[-1] if self.contexts[-1].kind == "item" else _Context("paragraph")
            self.contexts.append(inherited)

    def _end(self, el, tag: str) -> None:  # type: ignore[no-untyped-def]
        if tag not in _BLOCK_TAGS:
            return
        if self.row_depth and tag != "tr":
            self.buf.append(" ")
            return
        self._flush()
        if tag == "tr":
            self.row_depth -= 1
        if tag in ("ul", "ol", "dl") and self.lists:
            self.lists.pop()
        if len(self.contexts) > 1:
            self.contexts.pop()

    def _flush(self) -> None:
        if not self.buf:
            return
        raw = "".join(self.buf)
        self.buf.clear()
        if raw.isspace():
            return  # the source whitespace between two tags
        ctx = self.contexts[-1]
        for chunk in _DOUBLE_BR.split(raw) if _BR in raw else (raw,):
            text = _fold_chunk(chunk)
            if not text:
                continue
            if ctx.kind == "heading":
                text = text.replace("\n", " ")
            if self.row_depth:
                self.cells.add(len(self.blocks))
            # new_block's body, here: a call into the interpreter per block saved (models.py)
            block = _new(Block)
            _set(
                block, "__dict__", {"kind": ctx.kind, "text": text, "level": ctx.level, "marker": ctx.marker}
            )
            self.blocks.append(block)
            ctx.marker = None  # the marker belongs to the item's first block only


_CACHED_CHUNK_CHARS: Final = 4096  # longer text is folded without keeping it in the cache


def _fold_chunk(chunk: str) -> str:
    """_fold_html_text of a block's collected text. ASCII text without a <br> (most blocks) is
    folded in place, as normalize_text would: hashing it for the cache costs what folding it
    does, and the five calls on the way cost more."""
    if chunk.isascii() and _BR not in chunk:
        return _collapse_ascii(chunk)
    return (_fold_html_text_cached if len(chunk) <= _CACHED_CHUNK_CHARS else _fold_html_text)(chunk)


# ASCII bytes: the whitespace str.split() splits on that survives _CONTROL_BYTES' deletion (tab,
# line feed, carriage return) as a space; every other byte kept
_ASCII_SPACES: Final = bytes(32 if c in (9, 10, 13) else c for c in range(256))


def _collapse_ascii(chunk: str) -> str:
    """The " ".join(ASCII `chunk` without _CONTROL_BYTES .split()), without a str object per word:
    the control bytes deleted and the other whitespace made a space in one bytes.translate, then
    runs of spaces halved by bytes.replace until none is left (a run of n takes log2(n) passes,
    each a C scan that makes no object per word), then the ends stripped. The only whitespace
    split() knows in ASCII is space, tab, LF, VT, FF, CR and 0x1c-0x1f, and the translate leaves
    none but spaces."""
    data = chunk.encode("ascii").translate(_ASCII_SPACES, _CONTROL_BYTES)
    while b"  " in data:
        data = data.replace(b"  ", b" ")
    return data.strip(b" ").decode("ascii")


@lru_cache(maxsize=8192)  # two versions of a policy (and policies from one template) share most paragraphs
def _fold_html_text_cached(raw: str) -> str:
    return _fold_html_text(raw)


def _fold_html_text(raw: str) -> str:
    """Source whitespace: a line break between two CJK characters vanishes (as browsers do);
    any other run is one space. A single <br> stays a line break inside the block."""
    if "\n" in raw and not raw.isascii():
        raw = _CJK_NL.sub("", raw)
    if _BR not in raw:
        return normalize_text(raw)
    lines = (normalize_text(part) for part in raw.split(_BR))
    return "\n".join(line for line in lines if line)


def _ol_marker(n: int, kind: str) -> str:
    if kind in ("a", "A") and 1 <= n <= 26:
        letter = chr(ord(kind) + n - 1)
        return f"{letter}."
    if kind in ("i", "I") and 1 <= n <= 39:
        roman = _roman(n)
        return f"{roman if kind == 'I' else roman.lower()}."
    return f"{n}."


def _roman(n: int) -> str:
    out = ""
    for value, sym in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += sym
            n -= value
    return out
