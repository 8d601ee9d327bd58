"""Word policies: a real .docx (built in the test) served from 127.0.0.1 with its content type,
or as application/octet-stream, checked by the CLI, changed, checked again: the clause change is
found and classified like any page's."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx_builder import build_docx
from policy_site import PolicySite

from monitor.errors import InputError
from monitor.extract.docx import DOCX_TYPE, looks_like_docx
from monitor.extract.normalize import normalize, sniff_content_type

REPO = Path(__file__).resolve().parents[1]


def policy(years: int) -> bytes:
    return build_docx(
        [
            ("h1", "Privacy Policy"),
            ("h2", "How long we keep your data"),
            ("p", f"We keep your account data for {years} years after you close your account."),
            ("h2", "Sharing"),
            ("p", "We do not sell your personal information to anyone."),
            ("p", "We share your data with payment processors only to complete your orders."),
        ]
    )


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env.update(PYTHONPATH=str(REPO), POLICY_MONITOR_DB=str(tmp_path / "m.db"))
    env["POLICY_MONITOR_WATCHLIST"] = str(tmp_path / "wl.yaml")
    return subprocess.run(
        [sys.executable, "-m", "monitor", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )


@pytest.mark.parametrize("content_type", [DOCX_TYPE, "application/octet-stream"])
def test_a_word_policy_is_checked_and_its_retention_change_found(
    tmp_path: Path, policy_site: PolicySite, content_type: str
) -> None:
    policy_site.set_page("/privacy.docx", policy(3), content_type=content_type)
    (tmp_path / "wl.yaml").write_text(
        "fetch: {per_host_delay: 0, retries: 0}\n"
        f"policies:\n  - {{id: word-policy, url: '{policy_site.url('/privacy.docx')}'}}\n",
        encoding="utf-8",
    )
    first = run(tmp_path, "check", "--all")
    assert first.returncode == 0, first.stderr
    assert "word-policy new v1" in first.stdout
    clauses = run(tmp_path, "show", "word-policy", "--clauses")
    assert "We keep your account data for 3 years" in clauses.stdout
    assert "How long we keep your data" in clauses.stdout  # the Word heading is the section
    policy_site.set_page("/privacy.docx", policy(10), content_type=content_type)
    second = run(tmp_path, "check", "word-policy")
    assert second.returncode == 0, second.stderr
    assert "word-policy changed v2" in second.stdout and "retention" in second.stdout
    assert "from 3 years to 10 years (Privacy Policy > How long we keep your data)" in second.stdout


def test_docx_is_recognised_by_name_and_bytes_and_other_zips_are_not() -> None:
    data = policy(3)
    assert looks_like_docx(data) and sniff_content_type(data) == DOCX_TYPE
    assert sniff_content_type(b"", "Policy.DOCX") == DOCX_TYPE
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("readme.txt", "not a document")
    assert not looks_like_docx(other.getvalue())


def test_a_broken_word_file_is_an_input_error_in_one_line() -> None:
    broken = policy(3)[:200]
    with pytest.raises(InputError) as info:
        normalize(broken, DOCX_TYPE)
    assert "Word document" in str(info.value) and "\n" not in str(info.value)


def test_a_word_file_that_unzips_to_an_absurd_size_is_refused_before_it_is_parsed() -> None:
    """A zip bomb: 100 MiB of XML squeezed into a few hundred KiB. It is refused by the sizes
    the zip declares, without inflating it; images (never read) do not count."""
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        with zipfile.ZipFile(io.BytesIO(policy(3))) as real:
            for info in real.infolist():
                z.writestr(info.filename, real.read(info.filename))
        z.writestr("word/padding.xml", b"<x>" + b" " * (100 * 2**20) + b"</x>")
    assert len(bomb.getvalue()) < 2**20
    with pytest.raises(InputError) as info:
        normalize(bomb.getvalue(), DOCX_TYPE)
    assert "too large unzipped" in str(info.value)

    pictured = io.BytesIO()
    with zipfile.ZipFile(pictured, "w", zipfile.ZIP_DEFLATED) as z:
        with zipfile.ZipFile(io.BytesIO(policy(3))) as real:
            for info in real.infolist():
                z.writestr(info.filename, real.read(info.filename))
        z.writestr("word/media/image1.png", b"\0" * (100 * 2**20))
    assert "We keep your account data for 3 years" in normalize(pictured.getvalue(), DOCX_TYPE).text
