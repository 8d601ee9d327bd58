"""Build: the pure-Python package, plus the text pipeline's hot modules compiled by mypyc where
a C compiler is at hand (everything else is in pyproject.toml).

The modules in COMPILED (the HTML walk and text folding, segmentation, language evidence and the
marker grammar and script classes they call) are the ones a first check of a page spends its
CPU in; compiled, the same code runs without the interpreter loop: the same output
(bench/extract.py golden), ~16% fewer instructions and ~20% less CPU for normalise + segment.
The engine's fact extraction, alignment, "stated elsewhere" index and the lexicon patterns'
caseless search and Hyperscan prefilter follow (a re-write's diff: ~6% fewer instructions, the
same verdicts, bench/verdicts.py); their classes that need a __dict__, a descriptor or a Python
base class stay plain classes (`@mypyc_attr(native_class=False)`, monitor/_mypyc.py).

They are built all or none, never in part: mypyc puts the code of all of them in one shared
library (policy_monitor_native__mypyc*.so, beside the monitor package: mypyc places a group's
library at the top level and gives its modules their __file__ from there) and each module's own
.so only points into it, so a module built without it could not be imported. When mypyc is
missing, the compiler fails or POLICY_MONITOR_PURE_PYTHON=1 is set, the install goes on with
the .py files alone, which is the same program, only slower. The compiled modules enforce their
type annotations at run time, and their functions cannot be replaced by monkeypatching.

A successful build also writes monitor/compiled-sources.txt (in build_lib for a wheel, and in
the source tree for an editable install): each compiled module's source and its SHA-256.
monitor/__init__.py compares it with the .py files when it is imported and, when any differs
(a module edited, merged or checked out since the build), loads all of them from their .py files:
an editable checkout would otherwise import the old .so first.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import sysconfig

from setuptools import setup
from setuptools.command.build_ext import build_ext

COMPILED = [
    "monitor/extract/normalize.py",
    "monitor/engine/segment.py",
    "monitor/lang/detect.py",
    "monitor/lang/markers.py",
    "monitor/lang/scripts.py",
    "monitor/engine/facts.py",
    "monitor/engine/align.py",
    "monitor/engine/restated.py",
    "monitor/lang/caseless.py",
    "monitor/lang/prefilter.py",
]
PURE_ENV = "POLICY_MONITOR_PURE_PYTHON"
SOURCES_FILE = "monitor/compiled-sources.txt"  # read by monitor/__init__.py
HERE = os.path.dirname(os.path.abspath(__file__))


def _warn(message: str) -> None:
    print(f"policy-monitor: {message}; installing the pure-Python modules only", file=sys.stderr)


class AllOrNothingBuildExt(build_ext):
    """build_ext that, when any compiled module fails to build, removes those it built and goes on
    without them (setuptools' optional extensions are dropped one by one, which would leave the
    modules' .so files without their shared library)."""

    def run(self) -> None:
        self._write_sources(None)
        listing = _sources_listing()  # before compiling: a source edited meanwhile reads as stale
        try:
            super().run()
        except Exception as e:  # noqa: BLE001 - a compiler's failure must not fail the install
            _warn(f"compiling with mypyc failed ({type(e).__name__}: {e})")
            for path in self.get_outputs():
                if os.path.exists(path):
                    os.remove(path)
            self.extensions = []
        if self.extensions:
            self._write_sources(listing)

    def _write_sources(self, listing: str | None) -> None:
        """Write compiled-sources.txt beside the built modules (build_lib, and the source tree
        when building in place), or remove it (listing None)."""
        targets = [os.path.join(self.build_lib, SOURCES_FILE)]
        if self.inplace or getattr(self, "editable_mode", False):
            targets.append(os.path.join(HERE, SOURCES_FILE))
        for target in targets:
            if listing is not None:
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "w", encoding="utf-8") as f:
                    f.write(listing)
            elif os.path.exists(target):
                os.remove(target)

    def get_outputs(self) -> list[str]:
        return super().get_outputs() if self.extensions else []


def _sources_listing() -> str:
    """compiled-sources.txt: one "path sha256" line per compiled module's source."""
    lines = ["# the sources the compiled modules were built from (setup.py; monitor/__init__.py)"]
    for path in COMPILED:
        with open(os.path.join(HERE, path), "rb") as f:
            lines.append(f"{path} {hashlib.sha256(f.read()).hexdigest()}")
    return "\n".join(lines) + "\n"


def ext_modules() -> list:
    """The mypyc extensions, or none when they cannot or must not be built."""
    if os.environ.get(PURE_ENV, "") not in ("", "0"):
        # build_ext does not run without extensions: an earlier build's .so files in the source
        # tree (editable) stay, unused once their record is gone (monitor/__init__.py)
        if os.path.exists(os.path.join(HERE, SOURCES_FILE)):
            os.remove(os.path.join(HERE, SOURCES_FILE))
        return []
    compiler = (os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:  # e.g. a slim container: skip mypy's ~20 s of C generation
        _warn(f"no C compiler ({compiler})")
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        _warn("mypyc is not installed")
        return []
    try:
        return mypycify(
            ["--follow-imports=silent", "--ignore-missing-imports", *COMPILED],
            group_name="policy_monitor_native",
        )
    except (Exception, SystemExit) as e:  # noqa: BLE001 - mypy exits on a type error
        _warn(f"mypyc rejected the modules ({type(e).__name__}: {e})")
        return []


setup(ext_modules=ext_modules(), cmdclass={"build_ext": AllOrNothingBuildExt})
