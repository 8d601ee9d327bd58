"""Normalise: bytes + content type -> Document (headings, paragraphs, list items, clean text).

INTERFACE STUB, implemented by the normalise/segment helper.
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import Document

MAX_INPUT_BYTES = 20 * 2**20


def normalize(
    body: bytes,
    content_type: str | None = None,
    *,
    charset: str | None = None,
    select: str | None = None,
    remove: Sequence[str] = (),
) -> Document:
    """Turn a fetched page or a file into a Document. Raises InputError on unusable input."""
    raise NotImplementedError


def normalize_text(text: str) -> str:
    """Fold one string: NFKC, whitespace collapsed, NBSP/zero-width/soft hyphen removed."""
    raise NotImplementedError


def sniff_content_type(body: bytes, filename: str | None = None) -> str:
    """text/html, text/plain, text/markdown or application/pdf, from the name then the bytes."""
    raise NotImplementedError
