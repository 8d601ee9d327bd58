"""`policy-monitor import-ota` on real Open Terms Archive declarations (tests/fixtures/ota, copied
from the OpenTermsArchive/*-declarations repositories; SOURCES.md names each file's commit):
the YAML it prints is a valid watchlist, selectors are carried as they are,
executeClientScripts becomes browser rendering, and what cannot be carried (range selectors,
JavaScript filters) is reported per entry, in the YAML and on stderr."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from monitor.config.watchlist import parse_watchlist

REPO = Path(__file__).resolve().parents[1]
OTA = REPO / "tests" / "fixtures" / "ota"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run(
        [sys.executable, "-m", "monitor", "import-ota", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_a_folder_of_declarations_becomes_a_valid_watchlist_with_every_loss_reported(tmp_path: Path) -> None:
    proc = run(str(OTA), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    wl = parse_watchlist(proc.stdout, "imported.yaml")
    policies = {p.id: p for p in wl.policies}
    assert len(policies) == 13
    booking = policies["booking-com-privacy-policy"]
    assert booking.url == "https://www.booking.com/content/privacy.en-gb.html"
    assert booking.type == "privacy" and booking.select == "div.static_content"
    assert booking.remove == ("a.print-button, .print-button + p",)
    assert policies["booking-com-terms-of-service"].select == '[role="main"]'
    assert policies["facebook-terms-of-service"].render == "browser"
    assert policies["facebook-privacy-policy"].render == "auto"
    assert policies["airbnb-trackers-policy"].type == "cookies"
    assert policies["airbnb-terms-of-service"].select is None  # the range could not be carried
    # every loss, per entry: a comment above it in the YAML, and a line on stderr
    assert '# NOT CARRIED OVER: select range {"startBefore": "#EUTOS", "endBefore": "#TOS"}' in proc.stdout
    assert "airbnb-terms-of-service: Airbnb / Terms of Service: 2 not carried over" in proc.stderr
    assert (
        "filter removeLabelAndSidFromUrls: a JavaScript function (in Booking.com.filters.js)" in proc.stderr
    )
    assert 'filter {"removeQueryParams": ["sig"]}' in proc.stderr
    assert "facebook-terms-of-service: Facebook / Terms of Service (render: browser): complete" in proc.stderr
    assert proc.stderr.count("not carried over") == 4  # Airbnb ToS, Booking x2, Facebook privacy


def test_types_choose_the_terms_and_a_file_can_be_named(tmp_path: Path) -> None:
    out = tmp_path / "privacy.yaml"
    proc = run(
        str(OTA / "Booking.com.json"),
        str(OTA / "Deezer.json"),
        "--types",
        "Privacy Policy",
        "-o",
        str(out),
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    wl = parse_watchlist(out.read_text(encoding="utf-8"), str(out))
    assert [p.id for p in wl.policies] == ["booking-com-privacy-policy", "deezer-privacy-policy"]


def test_a_file_that_is_not_a_declaration_is_a_one_line_error(tmp_path: Path) -> None:
    bad = tmp_path / "x.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    proc = run(str(bad), cwd=tmp_path)
    assert proc.returncode == 2 and "not an Open Terms Archive declaration" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
