"""The mypyc-compiled text modules (setup.py): where they are installed, they are the code of the
.py files beside them, and they give what the pure-Python modules give.

An editable checkout keeps each compiled module's .so beside its .py, and Python imports the .so
first: a .py edited (or changed by a pull) after the build would be silently ignored until
`pip install -e .` builds again. The first test says so instead.
"""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMPILED = (
    "monitor.extract.normalize",
    "monitor.engine.segment",
    "monitor.lang.detect",
    "monitor.lang.markers",
    "monitor.lang.scripts",
)


def _compiled(name: str) -> Path | None:
    """The .so a module was imported from, or None when it runs from its .py."""
    path = Path(importlib.import_module(name).__file__ or "")
    return path if path.suffix == ".so" else None


@pytest.mark.parametrize("name", COMPILED)
def test_a_compiled_module_is_not_older_than_its_source(name: str) -> None:
    so = _compiled(name)
    if so is None:
        pytest.skip(f"{name} runs from its .py (no compiler, or POLICY_MONITOR_PURE_PYTHON)")
    source = so.with_name(so.name.split(".", 1)[0] + ".py")
    assert source.stat().st_mtime <= so.stat().st_mtime, (
        f"{source} changed after {so.name} was built: rebuild (`pip install -e .`) or delete the .so"
    )


def test_compiled_and_pure_modules_give_the_same_clauses(tmp_path: Path) -> None:
    if all(_compiled(name) is None for name in COMPILED):
        pytest.skip("the modules run from their .py files")
    page = (
        "<html><body><nav>Home | Login</nav><main><h1>1. Data we keep</h1>"
        "<p>We keep invoices for 7 years. Dr. Smith answers questions; see §&nbsp;4.</p>"
        "<ol><li>Name and e-mail.</li><li>Orders (a) paid and (b) open.</li></ol>"
        "<h2>2. Datenschutz</h2><p>Wir löschen Ihre Daten nach 30 Tagen, es sei denn, das Gesetz "
        "verlangt mehr.</p><p>我们会在三十天后删除您的数据。如有疑问，请联系我们。</p></main></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    script = (
        "import sys\n"
        "from monitor.engine.pipeline import analyse, document_language\n"
        "from monitor.extract.normalize import normalize\n"
        "doc = normalize(open(sys.argv[1], 'rb').read(), 'text/html')\n"
        "clauses = analyse(doc, None)\n"
        "import monitor.engine.segment as s\n"
        "print(s.__file__, file=sys.stderr)\n"
        "print(repr((doc.blocks, doc.text, [vars(c) for c in clauses], document_language(clauses))))\n"
    )
    shadow = tmp_path / "pure"  # the .py files alone, found before the installed package
    shutil.copytree(ROOT / "monitor", shadow / "monitor", ignore=shutil.ignore_patterns("*.so"))

    def run(pythonpath: str | None) -> tuple[str, str]:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        if pythonpath:
            env["PYTHONPATH"] = pythonpath
        out = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "page.html")],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            check=True,
        )
        return out.stdout, out.stderr.strip()

    (compiled, compiled_from), (pure, pure_from) = run(None), run(str(shadow))
    assert compiled_from.endswith(".so") and pure_from == str(shadow / "monitor/engine/segment.py")
    assert "Datenschutz" in compiled and compiled == pure
