"""JSON text as `json.dumps(data, ensure_ascii=False, indent=2)` writes it, in less time.

With `indent` set, the standard library encodes in Python, through a generator per list and dict:
~6 ms for the ~23,000 values of a 50 KB pair's `diff --json`. This writes the same characters
with one recursive function over the plain data `to_dict()` gives (dicts, lists, tuples,
strings, numbers, booleans, None), each string escaped by the library's own C function. Anything
else (another type, a key that is no string, a reference cycle) is left to `json.dumps` itself,
so its output and errors are the library's.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C escaper json.dumps uses with ensure_ascii=False
from typing import Any

_INDENT = "  "
_FLOAT_REPR = float.__repr__
_INT_REPR = int.__repr__
_INF = float("inf")


class _NotPlain(Exception):
    """A value this writer leaves to json.dumps."""


def dumps_indented(data: Any) -> str:
    """json.dumps(data, ensure_ascii=False, indent=2), character for character."""
    out: list[str] = []
    try:
        _write(data, "\n", out)
    except (_NotPlain, RecursionError):
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(out)


def _write(value: Any, newline: str, out: list[str]) -> None:
    """Append `value`'s JSON; `newline` is a line break and the indent of the value's own level."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(_INT_REPR(value))
    elif isinstance(value, float):
        out.append(_float(value))
    elif isinstance(value, (list, tuple)):
        _write_list(value, newline, out)
    elif isinstance(value, dict):
        _write_dict(value, newline, out)
    else:
        raise _NotPlain


def _write_list(items: list[Any] | tuple[Any, ...], newline: str, out: list[str]) -> None:
    if not items:
        out.append("[]")
        return
    inner = newline + _INDENT
    out.append("[" + inner)
    separator = "," + inner
    for n, item in enumerate(items):
        if n:
            out.append(separator)
        _write(item, inner, out)
    out.append(newline + "]")


def _write_dict(mapping: dict[Any, Any], newline: str, out: list[str]) -> None:
    if not mapping:
        out.append("{}")
        return
    inner = newline + _INDENT
    out.append("{" + inner)
    separator = "," + inner
    first = True
    for key, item in mapping.items():
        if not isinstance(key, str):
            raise _NotPlain  # json.dumps converts numbers, booleans and None, and refuses the rest
        if first:
            first = False
        else:
            out.append(separator)
        out.append(encode_basestring(key) + ": ")
        _write(item, inner, out)
    out.append(newline + "}")


def _float(value: float) -> str:
    """json's float text: NaN and the infinities by their JavaScript names (allow_nan)."""
    if value != value:
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return _FLOAT_REPR(value)
