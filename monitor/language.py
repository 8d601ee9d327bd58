"""Language detection per clause: en, sv, no, da, de, fr, es, zh-Hans, zh-Hant, or und.

INTERFACE STUB, implemented by the normalise/segment helper.
"""

from __future__ import annotations


def detect_language(text: str, hint: str | None = None) -> str:
    raise NotImplementedError
