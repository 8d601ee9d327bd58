"""Untrusted text made safe for people to read: no control or bidi-override characters.

Policy pages and watchlists are written by others. A C1 control such as U+009B (a terminal's CSI)
or a right-to-left override (U+202E) would otherwise reach a terminal or a mail client and be
obeyed: hiding text, reordering it, moving the cursor.

In: any text on its way to a person (e-mail subject, `show`, `diff`, `export`, the console).
Out: the same text with each such character written as a visible `\\uXXXX` escape. Newlines and
tabs stay; so do the colour sequences (ESC [ digits m) the terminal renderer adds. Inside JSON
strings the escape is JSON's own, so `export` stays lossless: a JSON reader gets the character back.
"""

from __future__ import annotations

import io
import re
from typing import Any, TextIO

# C0 but tab and newline, DEL, C1, line/paragraph separators, bidi embeddings, overrides,
# isolates and marks, and the BOM/zero-width no-break space in the middle of text.
UNSAFE = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]"
)
_SGR = re.compile(r"\x1b\[[0-9;]*m")  # a colour/style sequence: harmless, and ours to add


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def escape_unsafe(text: str) -> str:
    """Each unsafe character as a visible `\\uXXXX` escape."""
    return UNSAFE.sub(_escape, text)


def escape_for_terminal(text: str) -> str:
    """As escape_unsafe, but the SGR colour sequences are kept."""
    if not UNSAFE.search(text):
        return text
    out, last = [], 0
    for m in _SGR.finditer(text):
        out.append(escape_unsafe(text[last : m.start()]))
        out.append(m.group())
        last = m.end()
    out.append(escape_unsafe(text[last:]))
    return "".join(out)


def strip_unsafe(text: str, replacement: str = " ") -> str:
    """Each unsafe character replaced (for one-line fields such as an e-mail Subject)."""
    return UNSAFE.sub(replacement, text)


class SafeStream(io.TextIOBase):
    """A text stream that escapes unsafe characters in everything written through it."""

    def __init__(self, inner: TextIO) -> None:
        self.inner = inner

    def write(self, text: str) -> int:
        self.inner.write(escape_for_terminal(text))
        return len(text)

    def flush(self) -> None:
        self.inner.flush()

    def isatty(self) -> bool:
        return self.inner.isatty()

    def fileno(self) -> int:
        return self.inner.fileno()

    def writable(self) -> bool:
        return True

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.inner, "encoding", "utf-8")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)
