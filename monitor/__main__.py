"""`python -m monitor`: the same command line as the `policy-monitor` console script.

From a source checkout, an interpreter without the project's dependencies (a system `python`
outside the venv) hands over to the checkout's own `.venv`, when there is one, instead of
failing on the first import.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path


def _checkout_venv_python() -> Path | None:
    candidate = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "python"
    if candidate.exists() and Path(sys.prefix).resolve() != candidate.parent.parent.resolve():
        return candidate
    return None


# Modules the commands import only when they need them; looked up (not imported) before starting.
CORE_MODULES = ("yaml", "lxml", "urllib3", "fast_diff_match_patch", "sqlite_utils", "apscheduler")


def _missing_module() -> str | None:
    return next((name for name in CORE_MODULES if importlib.util.find_spec(name) is None), None)


def run() -> int:
    missing = _missing_module()
    if missing is not None:
        venv_python = _checkout_venv_python()
        if venv_python is None:
            raise SystemExit(f"policy-monitor: missing dependency {missing!r}; pip install -e . first")
        os.execv(venv_python, [str(venv_python), "-m", "monitor", *sys.argv[1:]])
    from monitor.app.cli import main

    return main()


if __name__ == "__main__":
    sys.exit(run())
