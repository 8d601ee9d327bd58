"""Guards against false versions: empty pages, challenge/captcha pages, login walls, shrinkage.

In: a normalised Document (and the length of the last stored version's text).
Out: None when the page looks like a real policy, else a short reason
("empty", "challenge", "login wall", "shrunk 72%").

INTERFACE STUB, implemented by the fetch helper.
"""

from __future__ import annotations

from .models import Document


def suspicion(doc: Document, *, previous_text_length: int | None = None) -> str | None:
    raise NotImplementedError
