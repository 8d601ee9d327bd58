"""`python -m monitor`: the same command line as the `policy-monitor` console script.

From a source checkout, an interpreter without the project's dependencies (a system `python`
outside the venv) hands over to the checkout's own `.venv`, when there is one, instead of
failing on the first import.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _checkout_venv_python() -> Path | None:
    candidate = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "python"
    if candidate.exists() and Path(sys.prefix).resolve() != candidate.parent.parent.resolve():
        return candidate
    return None


def run() -> int:
    try:
        from monitor.app.cli import main
    except ModuleNotFoundError as e:
        venv_python = _checkout_venv_python()
        if venv_python is None:
            missing = f"policy-monitor: missing dependency {e.name!r}; pip install -e . first"
            raise SystemExit(missing) from None
        os.execv(venv_python, [str(venv_python), "-m", "monitor", *sys.argv[1:]])
    return main()


if __name__ == "__main__":
    sys.exit(run())
