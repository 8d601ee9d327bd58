"""Pages that build their text in script, rendered in real headless Chromium (Debian's, driven
by Playwright) from a site on 127.0.0.1: per policy `render: browser`, and chosen automatically
when the plain fetch finds a page with no text outside its scripts (which `status` shows). The
HTTP fetcher's promises hold: an error page is never rendered into a version.

Without Chromium or Playwright these tests are skipped with the reason, unless
POLICY_MONITOR_REQUIRE_BROWSER=1 (CI sets it) makes that a failure. Under libfaketime (CI's
date-moved passes) the rendering tests are skipped, saying so: Chromium barely starts there.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from policy_site import PolicySite

from monitor.fetch.browser import browser_problem, builds_in_script

REPO = Path(__file__).resolve().parents[1]
PROBLEM = browser_problem()
if PROBLEM and os.environ.get("POLICY_MONITOR_REQUIRE_BROWSER") == "1":
    raise RuntimeError(f"browser tests required but {PROBLEM}")
if PROBLEM is None and "faketime" in os.environ.get("LD_PRELOAD", ""):
    # CI's second and third passes preload libfaketime (the date moved). It is inherited by
    # Playwright's driver and Chromium and slows their start from seconds to minutes (4 s -> 101 s
    # measured here), past any fetch deadline. Rendering reads no date; the first pass runs these.
    PROBLEM = "libfaketime is preloaded (the date-moved passes); the first pass renders"
needs_browser = pytest.mark.skipif(PROBLEM is not None, reason=f"no browser to render with: {PROBLEM}")

SHELL = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Privacy</title>
<script src="/static/app.js" defer></script></head>
<body><div id="root">Loading…</div>
<noscript>You need to enable JavaScript to run this app.</noscript></body></html>
"""

CLAUSES = [
    ("h1", "Privacy Policy"),
    ("h2", "Information we collect"),
    ("p", "We collect your name, e-mail address and payment details when you create an account."),
    ("h2", "How long we keep your information"),
    ("p", "We keep your account data for {years} years after you close your account."),
    ("h2", "Sharing"),
    ("p", "We do not sell your personal information to third parties."),
    ("p", "We share your data with payment processors only to complete your orders."),
]


def app_js() -> str:
    """The script that writes the policy: its text comes from a JSON request, as in an SPA."""
    return (
        "fetch('/api/policy.json').then(r => r.json()).then(items => {\n"
        "  const root = document.getElementById('root');\n"
        "  root.textContent = '';\n"
        "  for (const [tag, text] of items) {\n"
        "    const el = document.createElement(tag); el.textContent = text; root.appendChild(el);\n"
        "  }\n"
        "});\n"
    )


def serve(site: PolicySite, years: int) -> None:
    site.set_page("/privacy", SHELL)
    site.set_page("/static/app.js", app_js(), content_type="application/javascript")
    items = [[tag, text.format(years=years)] for tag, text in CLAUSES]
    site.set_page("/api/policy.json", json.dumps(items), content_type="application/json")


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
        timeout=300,
    )


def write_watchlist(tmp_path: Path, site: PolicySite, render: str | None) -> None:
    extra = f", render: {render}" if render else ""
    (tmp_path / "wl.yaml").write_text(
        "fetch: {per_host_delay: 0, retries: 0, timeout: 20s}\n"
        f"policies:\n  - {{id: spa-privacy, url: '{site.url('/privacy')}'{extra}}}\n",
        encoding="utf-8",
    )


def test_a_scripted_shell_is_recognised_and_a_real_page_is_not() -> None:
    assert builds_in_script(SHELL.encode(), "text/html; charset=utf-8")
    page = "<html><body><main>" + "<p>We keep your data for three years after you leave.</p>" * 10
    page += "<script>track()</script></main></body></html>"
    assert not builds_in_script(page.encode(), "text/html")
    assert not builds_in_script(b"%PDF-1.7", "application/pdf")


def test_text_that_only_scripts_styles_or_the_head_hold_does_not_count_as_the_page_text() -> None:
    """The quick look that spares most pages a second parse must not be fooled by policy-like
    text inside a script's strings, a style sheet, a <noscript> notice or the <head>."""
    words = "We keep your data for three years after you leave. " * 20
    shell = (
        f"<html><head><title>Privacy</title><meta name='description' content='x'>"
        f"<style>/* {words} */ body > p {{ color: red }}</style></head>"
        f"<body><div id='root'></div><noscript>{words}</noscript>"
        f"<script>const policy = `<p>{words}</p>`; render(policy)</script></body></html>"
    )
    assert builds_in_script(shell.encode(), "text/html")


HIDDEN_CASES = [
    b"<p>kept</p><SCRIPT type=x>gone</Script ><p>kept too</p>",
    b"<head><title>t</title></HEAD\t><header>kept: not a head</header>",
    b"<script>an opening without its closing tag<p>kept</p>",
    b"<style>a</styles> still inside</style\n><p>after</p>",
    b"<noscript>x</noscript><template>y</template><scriptx>kept</scriptx>",
    b"<script>a</style></script><style>b</script></style>tail",
    b"<script><script>nested</script>left</script>",
    b"<script>a</script x><p>no end: </script > here</p>",
    b"",
]


# the reference: what the quick text look cut with a regex before _without_hidden replaced it
_HIDDEN_BLOCKS = re.compile(rb"<(script|style|template|noscript|head)\b.*?</\1\s*>", re.S | re.I)


@pytest.mark.parametrize("body", HIDDEN_CASES)
def test_hidden_blocks_are_cut_as_the_regex_cuts_them(body: bytes) -> None:
    """The hidden blocks (script, style, template, noscript, head) are removed byte for byte as
    the regex _HIDDEN_BLOCKS would remove them, without its lazy scan of every byte."""
    from monitor.fetch.browser import _without_hidden

    assert _without_hidden(body, body.lower()) == _HIDDEN_BLOCKS.sub(b"", body)


def test_hidden_blocks_match_the_regex_on_generated_markup() -> None:
    import random

    from monitor.fetch.browser import _without_hidden

    parts = b"<script>|</script>|</SCRIPT >|<Style a=b>|</style\n>|</styles>|<head>|<header>|</head>|"
    parts += b"<noscript>|</noscript>|<template>|</template >|words |<p>|</p>|<|>|</|<scriptx>|\xc3\xa9"
    pieces = parts.split(b"|")
    rnd = random.Random(11)
    for _ in range(5000):
        body = b"".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 12)))
        assert _without_hidden(body, body.lower()) == _HIDDEN_BLOCKS.sub(b"", body), body


@needs_browser
@pytest.mark.parametrize("render", ["browser", None])
def test_a_page_written_by_script_is_rendered_and_its_clauses_stored(
    tmp_path: Path, policy_site: PolicySite, render: str | None
) -> None:
    serve(policy_site, 3)
    write_watchlist(tmp_path, policy_site, render)
    first = run(tmp_path, "check", "--all")
    assert first.returncode == 0, first.stderr
    assert "spa-privacy new v1" in first.stdout
    clauses = run(tmp_path, "show", "spa-privacy", "--clauses").stdout
    assert "We keep your account data for 3 years after you close your account." in clauses
    assert "We do not sell your personal information to third parties." in clauses
    assert "How long we keep your information" in clauses and "Loading" not in clauses
    [status] = json.loads(run(tmp_path, "status", "--json").stdout)
    expected = "browser" if render else "browser (auto: the page builds its text in script)"
    assert status["rendered"] == expected
    if render is None:
        assert "builds its text in script" in run(tmp_path, "status").stdout

    serve(policy_site, 10)  # the shell is unchanged: only the data its script loads changed
    second = run(tmp_path, "check", "spa-privacy")
    assert second.returncode == 0, second.stderr
    assert "spa-privacy changed v2" in second.stdout and "retention" in second.stdout
    assert "from 3 years to 10 years" in second.stdout


@needs_browser
def test_an_error_page_is_never_rendered_into_a_version(tmp_path: Path, policy_site: PolicySite) -> None:
    serve(policy_site, 3)
    policy_site.set_fault("/privacy", "status", code=503)
    write_watchlist(tmp_path, policy_site, "browser")
    proc = run(tmp_path, "check", "--all")
    assert proc.returncode == 1 and "spa-privacy failed" in proc.stdout
    assert policy_site.hits("/api/policy.json") == 0  # no script of the error page ran
    assert run(tmp_path, "history", "spa-privacy", "--json").stdout.strip() in ("[]", "")


def test_without_a_browser_the_failure_says_what_to_install(tmp_path: Path, policy_site: PolicySite) -> None:
    serve(policy_site, 3)
    write_watchlist(tmp_path, policy_site, None)
    env = {k: v for k, v in os.environ.items() if not k.startswith("POLICY_MONITOR_")}
    env.update(
        PYTHONPATH=str(REPO),
        POLICY_MONITOR_DB=str(tmp_path / "m.db"),
        POLICY_MONITOR_WATCHLIST=str(tmp_path / "wl.yaml"),
        POLICY_MONITOR_CHROMIUM=str(tmp_path / "no-such-chromium"),
    )
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", "check", "--all"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "builds its text in script" in proc.stdout + proc.stderr
    assert "POLICY_MONITOR_CHROMIUM" in proc.stdout + proc.stderr


@needs_browser
def test_a_rendered_page_over_the_size_cap_is_a_failure_not_half_a_version(
    tmp_path: Path, policy_site: PolicySite
) -> None:
    """The shell is small; the DOM its script writes is not: refused as a larger body would be."""
    script = (
        "let s = '<h1>Privacy Policy</h1>'; for (let i = 0; i < 20000; i++) s += '<p>We keep your "
        "account data for 3 years after you close your account, clause ' + i + '.</p>';"
        "document.getElementById('root').innerHTML = s;"
    )
    policy_site.set_page(
        "/privacy",
        SHELL.replace('<script src="/static/app.js" defer></script>', "").replace(
            "</body>", f"<script>{script}</script></body>"
        ),
    )
    write_watchlist(tmp_path, policy_site, None)
    wl = tmp_path / "wl.yaml"
    wl.write_text(
        wl.read_text(encoding="utf-8").replace("timeout: 20s}", "timeout: 20s, max_bytes: 1MiB}"),
        encoding="utf-8",
    )
    proc = run(tmp_path, "check", "--all")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "spa-privacy failed" in proc.stdout, proc.stdout
    assert "rendered page larger than 1 MiB" in proc.stdout, proc.stdout
    assert run(tmp_path, "history", "spa-privacy", "--json").stdout.strip() in ("[]", "")
