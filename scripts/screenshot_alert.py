"""Render the HTML e-mail and the report page of a sample change to PNG with headless Chromium.

    .venv/bin/python scripts/screenshot_alert.py [--out docs] [--chromium chromium]

Writes OUT/alert-email.png and OUT/report.png (900x1200). Needs Debian's `chromium` package
(`apt-get install -y chromium`). The sample is a retention change (3 years -> 10 years) plus a
cosmetic one, as `policy-monitor test-alert` sends, but typed policy.changed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from monitor.alerts import render_email_html, render_report_html  # noqa: E402
from monitor.alerts.payload import sample_test_payload  # noqa: E402
from monitor.models import Change, Clause, Fact  # noqa: E402


def sample_payload() -> dict:
    payload = sample_test_payload("2026-11-25T06:00:00Z")
    payload["type"] = "policy.changed"
    payload["policy"] = {
        "id": "example",
        "name": "Example Corp Privacy Policy",
        "url": "https://example.com/privacy",
        "type": "privacy",
    }
    added = Change(
        kind="added",
        old=None,
        new=Clause(
            index=18,
            text="We may share your purchase history with advertising partners.",
            section=("Privacy Policy", "Who we share your data with"),
        ),
        categories=["sharing"],
        material=True,
        severity="medium",
        facts=[Fact("sharing", None, "advertising partners", "added", "recipient")],
        explanation="New recipient of personal data: advertising partners",
    )
    payload["changes"].append(added.to_dict())
    payload["summary"].update(added=1, material=2, categories=["retention", "sharing"])
    return payload


def screenshot(chromium: str, html: str, out: Path, size: str = "900,1200") -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "page.html"
        page.write_text(html, encoding="utf-8")
        cmd = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            f"--screenshot={out.resolve()}",
            f"--window-size={size}",
            page.resolve().as_uri(),
        ]
        subprocess.run(
            cmd, check=True, capture_output=True, timeout=120, env={"HOME": tmp, "PATH": "/usr/bin:/bin"}
        )
    if not out.exists() or out.stat().st_size == 0:
        raise SystemExit(f"chromium wrote no screenshot to {out}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="docs", type=Path)
    ap.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = ap.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    payload = sample_payload()
    screenshot(args.chromium, render_email_html(payload), args.out / "alert-email.png")
    screenshot(args.chromium, render_report_html(payload), args.out / "report.png")
    print(f"wrote {args.out / 'alert-email.png'} and {args.out / 'report.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
