"""`policy-monitor preview URL`: one fetch from a site on 127.0.0.1, nothing stored; it shows the
sections, clauses, language and counts, what was dropped as page chrome, and the entry to paste."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from policy_site import PolicySite, policy_html

REPO = Path(__file__).resolve().parents[1]
TEXT = """How long we keep your information
We keep your account data for 3 years after you close your account.
Sharing
We do not sell your personal information to third parties.
We share your data with payment processors only to complete your orders."""


def preview(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "monitor", "preview", *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )


def test_preview_shows_what_would_be_stored_and_what_was_dropped(
    tmp_path: Path, policy_site: PolicySite
) -> None:
    policy_site.set_page("/privacy", policy_html(TEXT))
    url = policy_site.url("/privacy")
    proc = preview(tmp_path, url)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "HTTP 200, text/html" in out and "plain HTTP (no script run)" in out
    assert "language en;" in out
    assert "We keep your account data for 3 years after you close your account." in out
    assert "Dropped as page chrome" in out
    assert "We use cookies to improve your experience. Accept all" in out  # the cookie banner
    assert "- Home" in out  # the navigation
    assert f"url: {url}" in out
    assert list(tmp_path.iterdir()) == []  # nothing stored


def test_dropped_text_is_decoded_as_the_page_is_when_no_charset_is_declared(
    tmp_path: Path, policy_site: PolicySite
) -> None:
    page = policy_html(TEXT).replace('<meta charset="utf-8">', "")
    page = page.replace("</body>", "<footer>© 2026 Société Acme</footer></body>")
    policy_site.set_page("/privacy", page.encode("utf-8"), content_type="text/html")
    proc = preview(tmp_path, policy_site.url("/privacy"), "--json")
    assert proc.returncode == 0, proc.stderr
    dropped = json.loads(proc.stdout)["dropped"]
    assert "© 2026 Société Acme" in dropped, dropped  # not "Â© 2026 SociÃ©tÃ©"


def test_select_and_remove_change_what_is_kept_and_json_says_so(
    tmp_path: Path, policy_site: PolicySite
) -> None:
    policy_site.set_page("/privacy", policy_html(TEXT))
    proc = preview(tmp_path, policy_site.url("/privacy"), "--select", "main", "--remove", "h1", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    texts = [c["text"] for c in data["clauses"]]
    assert "We do not sell your personal information to third parties." in texts
    assert "Privacy Policy" not in texts and "Privacy Policy" in data["dropped"]
    assert data["entry"]["select"] == "main" and data["entry"]["remove"] == ["h1"]
    assert data["language"] == "en" and data["characters"] > 100 and data["rendered"] is None


def test_preview_of_an_error_page_is_a_one_line_error(tmp_path: Path, policy_site: PolicySite) -> None:
    proc = preview(tmp_path, policy_site.url("/status/404"))
    assert proc.returncode == 2 and "404" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
