"""mypyc_attr for the modules setup.py compiles with mypyc: `@mypyc_attr(native_class=False)`
keeps a class a plain Python class in the compiled module (one with a __dict__, descriptors or a
Python base class). mypy_extensions is there when mypyc builds; at run time, without it, the
decorator does nothing (the module then runs from its .py file, or the build ignored it already).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

_T = TypeVar("_T")

try:
    from mypy_extensions import mypyc_attr
except ImportError:  # pragma: no cover - mypy_extensions is absent where mypy is not installed

    def mypyc_attr(*_args: object, **_kwargs: object) -> Callable[[_T], _T]:  # type: ignore[misc]
        """The decorator as a no-op."""
        return lambda cls: cls


__all__ = ["mypyc_attr"]
