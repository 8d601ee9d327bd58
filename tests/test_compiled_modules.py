"""The mypyc-compiled text modules (setup.py): where they are installed, they are the code of the
.py files beside them, and they give what the pure-Python modules give.

An editable checkout keeps each compiled module's .so beside its .py, and Python imports the .so
first; monitor/__init__.py compares the sources with the hashes the build recorded and, when one
differs (or POLICY_MONITOR_PURE_PYTHON is set), loads all of them from their .py files. The tests
run a copy of the package (with its .so files) in a subprocess, edited or not.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import monitor

ROOT = Path(__file__).resolve().parents[1]
COMPILED = monitor.COMPILED_MODULES
REPORT = (
    "import importlib, json, monitor\n"
    "mods = [importlib.import_module(n) for n in monitor.COMPILED_MODULES]\n"
    "edited = {m.__name__: m.EDITED_IN_COPY for m in mods if hasattr(m, 'EDITED_IN_COPY')}\n"
    "print(json.dumps([[m.__file__ for m in mods], monitor.compiled_modules_active(), edited]))\n"
)


def _compiled(name: str) -> Path | None:
    """The .so a module was imported from, or None when it runs from its .py."""
    path = Path(importlib.import_module(name).__file__ or "")
    return path if path.suffix == ".so" else None


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the checkout's package with its compiled modules, their shared library and
    compiled-sources.txt (skips where this checkout has no compiled build)."""
    native = importlib.util.find_spec("policy_monitor_native__mypyc")
    built = sorted((ROOT / "monitor").rglob("*.so"))
    if native is None or not native.origin or not built:
        pytest.skip("no compiled build in this checkout (no compiler, or POLICY_MONITOR_PURE_PYTHON)")
    if not (ROOT / "monitor" / monitor.SOURCES_FILE).exists():
        pytest.skip("the compiled build predates compiled-sources.txt: pip install -e . again")
    root = tmp_path / "copy"
    shutil.copytree(ROOT / "monitor", root / "monitor", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(native.origin, root)
    return root


def _run(root: Path, **env: str) -> tuple[list[str], bool, dict[str, int]]:
    """The compiled modules' __file__, compiled_modules_active() and the modules' EDITED_IN_COPY, as a
    fresh interpreter importing the package from root sees them."""
    environ = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "POLICY_MONITOR_PURE_PYTHON")}
    environ |= {"PYTHONPATH": str(root), **env}
    out = subprocess.run(
        [sys.executable, "-c", REPORT], capture_output=True, text=True, env=environ, cwd=root, check=True
    )
    files, active, edited = json.loads(out.stdout)
    assert all(f.startswith(str(root / "monitor")) for f in files), files
    return files, active, edited


def test_an_unchanged_build_runs_the_compiled_modules(package_copy: Path) -> None:
    files, active, edited = _run(package_copy)
    assert all(f.endswith(".so") for f in files) and active and edited == {}


@pytest.mark.parametrize(
    "edited", ["engine/segment.py", "lang/scripts.py", "engine/facts.py", "lang/prefilter.py"]
)
def test_a_source_edited_after_the_build_runs_all_of_them_from_their_py_files(
    package_copy: Path, edited: str
) -> None:
    with open(package_copy / "monitor" / edited, "a", encoding="utf-8") as f:
        f.write("\n# edited after the build\nEDITED_IN_COPY = 7\n")
    files, active, seen = _run(package_copy)
    name = "monitor." + edited.removesuffix(".py").replace("/", ".")
    assert all(f.endswith(".py") for f in files) and not active and seen == {name: 7}


def test_without_the_recorded_hashes_the_py_files_run(package_copy: Path) -> None:
    (package_copy / "monitor" / monitor.SOURCES_FILE).unlink()
    files, active, _ = _run(package_copy)
    assert all(f.endswith(".py") for f in files) and not active


def test_pure_python_on_request(package_copy: Path) -> None:
    files, active, _ = _run(package_copy, POLICY_MONITOR_PURE_PYTHON="1")
    assert all(f.endswith(".py") for f in files) and not active


def test_the_version_says_whether_the_text_modules_run_compiled(capsys: pytest.CaptureFixture[str]) -> None:
    from monitor.app.cli import main

    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    how = "compiled" if monitor.compiled_modules_active() else "pure Python"
    expected = f"policy-monitor 0.1.0 (text and engine modules: {how})\n"
    assert exited.value.code == 0 and capsys.readouterr().out == expected


def test_compiled_and_pure_modules_give_the_same_clauses(tmp_path: Path) -> None:
    if not monitor.compiled_modules_active():
        pytest.skip("the modules run from their .py files")
    assert all(_compiled(name) is not None for name in COMPILED)
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


def test_the_engine_modules_are_in_the_build_and_its_record() -> None:
    """setup.py compiles what monitor/__init__.py checks: the same modules, in both lists."""
    listed = (ROOT / "setup.py").read_text(encoding="utf-8").split("COMPILED = [", 1)[1].split("]", 1)[0]
    paths = [p.strip().strip('",') for p in listed.splitlines() if p.strip()]
    assert [p.removesuffix(".py").replace("/", ".") for p in paths] == list(COMPILED)
    assert {"monitor.engine.facts", "monitor.engine.align", "monitor.lang.caseless"} <= set(COMPILED)


def test_compiled_and_pure_engines_give_the_same_verdict(tmp_path: Path) -> None:
    """facts, align, restated, caseless and prefilter compiled: `diff --json` as from the .py files."""
    if not monitor.compiled_modules_active():
        pytest.skip("the modules run from their .py files")
    old = (
        "<h1>Privacy</h1><p>We keep your invoices for 7 years and delete chat logs after 30 days.</p>"
        "<p>We share your e-mail address with our payment provider in Ireland.</p>"
        "<p>You can ask us for a copy of your data at any time.</p>"
        "<p>Wir löschen Ihre Kontodaten nach 30 Tagen.</p><p>Contact: privacy@example.org</p>"
    )
    new = (
        "<h1>Privacy</h1><p>We keep your invoices for 10 years and delete chat logs after 90 days.</p>"
        "<p>We share and sell your e-mail address to advertising partners in the United States.</p>"
        "<p>Contact: privacy@example.org</p><p>Wir löschen Ihre Kontodaten nach 2 Jahren.</p>"
        "<p>Children under 13 may not use the service.</p>"
    )
    (tmp_path / "old.html").write_text(old, encoding="utf-8")
    (tmp_path / "new.html").write_text(new, encoding="utf-8")
    shadow = tmp_path / "pure"
    shutil.copytree(ROOT / "monitor", shadow / "monitor", ignore=shutil.ignore_patterns("*.so"))
    script = (
        "import sys, monitor.engine.facts as f\n"
        "from monitor.app.cli import main\n"
        "print(f.__file__, file=sys.stderr)\n"
        "sys.exit(main(['diff', sys.argv[1], sys.argv[2], '--json']))\n"
    )

    def run(pythonpath: str | None) -> tuple[str, str]:
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "POLICY_MONITOR_PURE_PYTHON")}
        if pythonpath:
            env["PYTHONPATH"] = pythonpath
        out = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path / "old.html"), str(tmp_path / "new.html")],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
        )
        return out.stdout, out.stderr.strip().splitlines()[0]

    (compiled, compiled_from), (pure, pure_from) = run(None), run(str(shadow))
    assert compiled_from.endswith(".so") and pure_from == str(shadow / "monitor/engine/facts.py")
    assert '"material": true' in compiled.replace('"material":true', '"material": true')
    assert compiled == pure


@pytest.mark.parametrize("pure", ["0", "1"])
def test_the_engine_runs_without_mypy_extensions(tmp_path: Path, pure: str) -> None:
    """mypy_extensions (mypyc_attr) is a build tool's: the package imports and diffs without it,
    compiled or from the .py files (monitor/_mypyc.py's no-op decorator)."""
    script = (
        "import sys\n"
        "sys.modules['mypy_extensions'] = None  # not installed\n"
        "from monitor.engine.facts import extract_facts\n"
        "facts = extract_facts('We keep your invoices for 7 years.', 'en')\n"
        "print(facts.categories, facts.polarity != ())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | {"POLICY_MONITOR_PURE_PYTHON": pure}
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=tmp_path, check=True
    )
    assert "retention" in out.stdout
