"""The web app in a real browser: Playwright drives Debian's chromium (never a downloaded one)
against `serve` on 127.0.0.1, over a database made by real checks of a local site (web_world.py).

It opens the dashboard, follows a policy to its change page, checks that the material change
comes first and is highlighted (red/green inline, a red border), opens the non-material toggle
(no JavaScript: a <details>), and follows the link to the full version. Screenshots go to a
temporary folder, or to POLICY_MONITOR_SCREENSHOTS (e.g. docs/, for the README).
Skipped, saying why, where chromium or playwright is missing (CI installs both).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from policy_site import PolicySite
from web_world import WebWorld, running_server

from monitor.app import read_models
from monitor.store import Store

CHROMIUM = os.environ.get("POLICY_MONITOR_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
    pytest.skip(f"no chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    site = PolicySite().start()
    try:
        world = WebWorld(tmp_path_factory.mktemp("browser"), site).build()
        with running_server(world.db, world.watchlist) as url:
            yield url, world.db
    finally:
        site.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    # Under faketime (CI runs the suite on other dates) the dates that matter are the server's and
    # the database's, made in this process; Node and Chromium get the real clock (libfaketime
    # stalls Chromium's page loads), so LD_PRELOAD is left out of their environment.
    saved = os.environ.pop("LD_PRELOAD", None)
    try:
        manager = sync_api.sync_playwright()
        p = manager.__enter__()
    finally:
        if saved is not None:
            os.environ["LD_PRELOAD"] = saved
    clean = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}
    try:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True, env=clean)
        try:
            yield b
        finally:
            b.close()
    finally:
        manager.__exit__(None, None, None)


def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("POLICY_MONITOR_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def test_dashboard_to_change_page_shows_the_material_change_first(
    served: tuple[str, Path], browser: object, tmp_path: Path
) -> None:
    base, db = served
    out = shots(tmp_path)
    page = browser.new_page(viewport={"width": 1280, "height": 800})  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(base + "/")
    rows = page.locator("table.policies tbody tr")
    assert rows.count() == 5
    row = rows.filter(has_text="Brightleaf Notes privacy policy")
    assert row.locator(".sev-high").inner_text() == "high"
    assert row.locator(".status").inner_text() == "ok"
    assert rows.filter(has_text="Secret URL").locator(".status").inner_text() == "failing"
    page.screenshot(path=str(out / "web-dashboard.png"))

    # the filters are a plain form: choose, submit, read the answer
    page.select_option("select[name=category]", "sharing")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**/?*category=sharing*")
    assert page.locator("table.policies tbody tr").count() == 2

    page.goto(base + "/")
    page.click("text=Brightleaf Notes privacy policy")
    page.wait_for_url("**/policies/brightleaf-privacy")
    assert page.locator("ol.timeline li").count() == 3
    page.click("ol.timeline li >> nth=1 >> a[href*='diff']")  # version 2: what changed
    page.wait_for_url("**/policies/brightleaf-privacy/diff?from=1&to=2")

    cards = page.locator("article.change")
    first = cards.nth(0)
    assert "material" in (first.get_attribute("class") or "")
    with Store(db, read_only=True) as store:
        stored = read_models.changes(store, category="retention")[0]["explanation"]
    assert first.locator(".explanation").inner_text() == stored
    assert first.locator(".facts").inner_text().count("years") == 2
    border = first.evaluate("e => getComputedStyle(e).borderLeftColor")
    assert border == "rgb(207, 34, 46)"  # the material highlight
    deleted, inserted = first.locator("del").first, first.locator("ins").first
    assert deleted.inner_text() == "3" and inserted.inner_text() == "10"
    assert deleted.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 235, 233)"
    assert inserted.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(218, 251, 225)"
    quiet = page.locator("details.quiet-changes article.change")
    assert not quiet.first.is_visible()  # non-material changes are folded away
    page.screenshot(path=str(out / "web-change.png"), full_page=True)
    page.click("details.quiet-changes summary")
    assert quiet.first.is_visible()
    assert "<script>" in quiet.first.inner_text()  # hostile markup shown as text, never run
    assert page.evaluate("() => document.querySelectorAll('main script, main img').length") == 0

    page.click("a[href='/policies/brightleaf-privacy/versions/2']")
    page.wait_for_url("**/versions/2")
    changed = page.locator(".document .changed")
    assert changed.count() >= 1 and any("10 years" in t for t in changed.all_inner_texts())
    assert not errors, errors
    page.close()
