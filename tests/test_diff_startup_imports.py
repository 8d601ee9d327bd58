"""A `diff` of two web pages does not import what it does not use: PyYAML once the lexicons and
abbreviations are in the start-up cache, zipfile (only a Word document is a zip), platform (the
machine's name comes from uname). Each lazy path gives what the eager one gave."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from pathlib import Path

import yaml

from monitor.engine import segment
from monitor.extract.docx import looks_like_docx
from monitor.lang import prefilter
from monitor.lang.schema import load_yaml

OLD_PAGE = """<html><body><h1>Privacy notice</h1>
<p>We keep your order history for two years.</p>
<p>We never sell your email address to advertisers.</p></body></html>"""
NEW_PAGE = """<html><body><h1>Privacy notice</h1>
<p>We keep your order history for five years.</p>
<p>We may sell your email address to advertisers.</p></body></html>"""

# Runs a diff, then prints which of the modules were imported and the diff's changes.
_PROBE = """
import json, sys
from monitor.app.cli import main
sys.argv = ["policy-monitor", "diff", sys.argv[1], sys.argv[2], "--json"]
try:
    main()
except SystemExit:
    pass
print("\\n" + json.dumps({m: m in sys.modules for m in ("yaml", "zipfile", "platform")}))
"""


def _diff_in_a_new_process(tmp_path: Path, cache: Path) -> tuple[dict[str, bool], str]:
    old, new = tmp_path / "old.html", tmp_path / "new.html"
    old.write_text(OLD_PAGE, encoding="utf-8")
    new.write_text(NEW_PAGE, encoding="utf-8")
    env = {**os.environ, "POLICY_MONITOR_CACHE_DIR": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", _PROBE, str(old), str(new)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    ).stdout
    report, _, imported = out.rstrip().rpartition("\n")
    return json.loads(imported), report


def test_a_diff_with_a_warm_cache_imports_neither_yaml_nor_zipfile_nor_platform(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, first_report = _diff_in_a_new_process(tmp_path, cache)  # fills the start-up cache
    imported, report = _diff_in_a_new_process(tmp_path, cache)
    assert imported == {"yaml": False, "zipfile": False, "platform": False}
    assert report == first_report  # the same changes, whether the lexicons were parsed or cached
    assert "sell" in report


def test_load_yaml_reads_as_pyyaml_safe_load() -> None:
    text = "clé: [un, deux]\nnumbers:\n  twelve: 12\n  half: 0.5\nflag: true\n"
    assert load_yaml(text) == yaml.safe_load(text)


def test_abbreviations_through_the_start_up_cache_are_the_files() -> None:
    data = yaml.safe_load(segment.LEXICON.read_text(encoding="utf-8")) or {}
    months = frozenset(str(m).lower() for m in data.pop("ordinal_months"))
    plain = frozenset(str(a).lower() for words in data.values() for a in (words or ()))
    segment.abbreviations.cache_clear()
    segment.ordinal_months.cache_clear()
    assert segment.abbreviations() == plain
    assert segment.ordinal_months() == months
    assert "e.g." in plain and "mai" in months and "mai" not in plain


def test_the_machine_name_is_platforms() -> None:
    assert prefilter._machine() == platform.machine()


def test_a_word_document_is_still_told_from_other_bodies(tmp_path: Path) -> None:
    import zipfile

    docx = tmp_path / "notice.docx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("readme.txt", "not a Word document")
    assert looks_like_docx(docx.read_bytes())
    assert not looks_like_docx(other.read_bytes())
    assert not looks_like_docx(b"<html><body>We keep logs.</body></html>")
