"""The DOCX reader: a Word document (Office Open XML) as HTML, for the HTML normaliser.

In: the bytes of a .docx file (fetched with its content type, or recognised by its name or by
the zip holding `word/document.xml`). Out: UTF-8 HTML from mammoth, which maps Word's styles to
structure (Heading 1-6 to <h1>-<h6>, lists to <ul>/<ol>, tables, footnotes) and leaves out
layout; normalize.py then reads it as any page: headings, paragraphs and list items. A file that
is not a Word document, or one mammoth cannot read, is an InputError naming why.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from monitor.errors import InputError

if TYPE_CHECKING:
    import zipfile

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# What mammoth parses (the XML parts; images are never read) is bounded before it starts, so a
# zip bomb or an absurd document is refused instead of filling memory: the text normaliser reads
# at most 20 MiB, and the XML around that text is a few times larger at most.
MAX_UNZIPPED_XML = 64 * 2**20
MAX_ENTRIES = 10_000


def looks_like_docx(body: bytes) -> bool:
    """A zip whose entries include word/document.xml (what every .docx holds)."""
    if not body.startswith(b"PK\x03\x04"):
        return False
    import zipfile  # imported here: most bodies are not zips, and a `diff` of two pages never opens one

    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            return "word/document.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _check_bounds(entries: list[zipfile.ZipInfo]) -> None:
    if len(entries) > MAX_ENTRIES:
        raise InputError(f"Word document with too many parts ({len(entries)}; at most {MAX_ENTRIES})")
    xml = sum(e.file_size for e in entries if not e.filename.startswith("word/media/"))
    if xml > MAX_UNZIPPED_XML:
        raise InputError(f"Word document too large unzipped (over {MAX_UNZIPPED_XML // 2**20} MiB of XML)")


def docx_to_html(body: bytes) -> bytes:
    """The document's body as HTML (UTF-8). Images are dropped: only the text is watched."""
    import zipfile

    import mammoth  # imported lazily: most policies are web pages

    try:
        with zipfile.ZipFile(io.BytesIO(body)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise InputError("not a Word document: the zip has no word/document.xml")
            _check_bounds(archive.infolist())
        no_image = mammoth.images.img_element(lambda image: {"src": ""})  # not read at all
        result = mammoth.convert_to_html(io.BytesIO(body), convert_image=no_image)
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise InputError(f"unreadable Word document: {type(e).__name__}") from None
    except Exception as e:  # mammoth's own parse errors have no common base class
        raise InputError(f"unreadable Word document: {type(e).__name__}") from None
    head = '<!DOCTYPE html><html><head><meta charset="utf-8"></head>'
    page = f"{head}<body><main>{result.value}</main></body></html>"
    return page.encode("utf-8")
