"""policy-monitor: watch privacy policies and terms of service, alert when a material term changes.

The library mirrors the CLI: `monitor.engine.diff_files(old, new)` is `policy-monitor diff`.

Compiled modules (setup.py): where a C compiler was at hand, the text and engine modules
in COMPILED_MODULES are also built with mypyc, as one group whose modules call each other
natively, and Python imports a module's .so before its .py. So that an edited .py (by hand, a
merge or a checkout) can never run as its old compiled code, the build records each source's
SHA-256 in compiled-sources.txt; here, once per process and before any submodule is imported,
their sources are hashed (270 KB, ~0.7 ms with the file reads) and, unless every hash matches
(and POLICY_MONITOR_PURE_PYTHON is unset), a finder first in sys.meta_path loads all of them
from their .py files: the same program, only slower, never a mix of compiled and source
modules. `pip install -e .` builds them again.
"""

from __future__ import annotations

import hashlib
import os
import sys
from importlib.machinery import ModuleSpec, SourceFileLoader

__version__ = "0.1.0"

_HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES_FILE = "compiled-sources.txt"
COMPILED_MODULES = (
    "monitor.extract.normalize",
    "monitor.engine.segment",
    "monitor.lang.detect",
    "monitor.lang.markers",
    "monitor.lang.scripts",
    "monitor.engine.facts",
    "monitor.engine.align",
    "monitor.engine.restated",
    "monitor.lang.caseless",
    "monitor.lang.prefilter",
)


def _source(name: str) -> str:
    """The .py file of one of COMPILED_MODULES (monitor.engine.segment -> .../monitor/engine/segment.py)."""
    return os.path.join(_HERE, *name.split(".")[1:]) + ".py"


def _build_matches_sources() -> bool:
    """Whether compiled-sources.txt records every compiled module with its source's current SHA-256."""
    try:
        with open(os.path.join(_HERE, SOURCES_FILE), encoding="utf-8") as f:
            lines = f.read().splitlines()
        recorded = dict(line.rsplit(" ", 1) for line in lines if line and not line.startswith("#"))
        for name in COMPILED_MODULES:
            with open(_source(name), "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            if recorded.get(name.replace(".", "/") + ".py") != digest:
                return False
    except (OSError, ValueError):
        return False
    return True


class _SourceFinder:
    """Finds the compiled modules' .py files, ahead of their .so files."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if name not in COMPILED_MODULES:
            return None
        source = _source(name)
        spec = ModuleSpec(name, SourceFileLoader(name, source), origin=source)
        spec.has_location = True
        return spec


_COMPILED_ACTIVE = os.environ.get("POLICY_MONITOR_PURE_PYTHON", "") in ("", "0") and _build_matches_sources()
if not _COMPILED_ACTIVE:
    sys.meta_path.insert(0, _SourceFinder())  # type: ignore[arg-type]


def compiled_modules_active() -> bool:
    """Whether the compiled modules run their compiled code (False: their .py files, as decided
    once at import: no build, a source changed since it, or POLICY_MONITOR_PURE_PYTHON set)."""
    return _COMPILED_ACTIVE
