"""A database made by real checks against a local site, and the web app serving it on 127.0.0.1.

In: the demo's sample pages and a seed policy served by PolicySite; the CLI's `check` run in
process against them three times, with edits in between (a retention period lengthened, a clause
of hostile markup added, a sale clause added); a policy whose URL carries credentials and fails.
Out: `WebWorld` (database, watchlist, site) and `running_server()` (the `serve` app in a thread,
stopped on exit), shared by test_web.py and test_web_browser.py.
"""

from __future__ import annotations

import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from policy_site import PolicySite, policy_html, seed_text

from monitor.app.cli import main
from monitor.app.demo import EDIT_NEW, EDIT_OLD, sample_pages

HOSTILE = '<script>alert("pwned")</script><img src=x onerror=alert(1)> Contact us at privacy@example.org.'
SALE = "We sell your personal information to advertising partners and data brokers."
SECRET_USER, SECRET_PASSWORD, SECRET_TOKEN = "alice", "hunter2pw", "t0ken-s3cret"
HOSTILE_NAME = "<b>Bold</b> & <i>co</i>"


class WebWorld:
    def __init__(self, folder: Path, site: PolicySite) -> None:
        self.dir, self.site = folder, site
        self.db = folder / "monitor.db"
        self.watchlist = folder / "watchlist.yaml"
        self.pages = sample_pages()
        self.brightleaf = self.pages["brightleaf-privacy.html"].decode("utf-8")
        site.set_page("/brightleaf", self.brightleaf)
        site.set_page("/fjallbo", self.pages["fjallbo-integritetspolicy.html"])
        site.set_page("/yunqi", self.pages["yunqi-privacy.html"])
        site.set_page("/seed", policy_html(seed_text(4)))
        secret_url = f"http://{SECRET_USER}:{SECRET_PASSWORD}@127.0.0.1:9/gone?token={SECRET_TOKEN}"
        self.watchlist.write_text(
            "fetch: {per_host_delay: 0, retries: 0, connect_timeout: 5s, read_timeout: 5s}\n"
            "policies:\n"
            f"  - {{id: brightleaf-privacy, name: Brightleaf Notes privacy policy,\n"
            f"      url: '{site.url('/brightleaf')}'}}\n"
            f"  - {{id: fjallbo-integritet, name: Fjällbo Resor integritetspolicy,\n"
            f"      url: '{site.url('/fjallbo')}'}}\n"
            f"  - {{id: yunqi-privacy, name: 云栖阅读隐私政策, url: '{site.url('/yunqi')}'}}\n"
            f"  - {{id: seed-terms, name: '{HOSTILE_NAME}', url: '{site.url('/seed')}', type: terms}}\n"
            f"  - {{id: secret-url, name: Secret URL, url: '{secret_url}'}}\n",
            encoding="utf-8",
        )

    def check(self, *ids: str) -> int:
        args = ["--db", str(self.db), "--watchlist", str(self.watchlist), "check", "-q"]
        return main([*args, *(ids or ["--all"])])

    def build(self) -> WebWorld:
        """Three checks: v1 of each; brightleaf v2 (retention 3 -> 10 years, hostile clause);
        brightleaf v3 (a sale clause) and seed-terms v2 (the same sale clause)."""
        assert self.check() == 1  # secret-url fails
        edited = self.brightleaf.replace(EDIT_OLD, EDIT_NEW)
        assert edited != self.brightleaf
        edited = edited.replace("</main>", f"<p>{_escape(HOSTILE)}</p></main>", 1)
        self.site.set_page("/brightleaf", edited)
        assert self.check("brightleaf-privacy") == 0
        self.site.set_page("/brightleaf", edited.replace("</main>", f"<p>{SALE}</p></main>", 1))
        self.site.set_page("/seed", policy_html(seed_text(4) + "\n" + SALE))
        assert self.check("brightleaf-privacy", "seed-terms") == 0
        return self


def _escape(text: str) -> str:
    import html

    return html.escape(text)


@contextmanager
def running_server(db: Path, watchlist: Path | None = None, **kwargs: Any) -> Iterator[str]:
    """`serve` on 127.0.0.1 (a free port) in a thread; yields its base URL without the final /."""
    from monitor.app.web.server import serve

    stop = threading.Event()
    ready = threading.Event()
    urls: list[str] = []
    errors: list[BaseException] = []

    def started(url: str) -> None:
        urls.append(url.rstrip("/"))
        ready.set()

    def run() -> None:
        try:
            serve(db, bind="127.0.0.1:0", watchlist_path=watchlist, started=started, stop=stop, **kwargs)
        except BaseException as e:  # noqa: BLE001 - reported to the test
            errors.append(e)
            ready.set()

    thread = threading.Thread(target=run, name="test-web", daemon=True)
    thread.start()
    assert ready.wait(30), "the web server did not start"
    assert not errors, errors
    try:
        yield urls[0]
    finally:
        stop.set()
        thread.join(timeout=30)


def get(
    url: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of one request; HTTP errors are answers too."""
    req = urllib.request.Request(url, headers=headers or {}, method=method)
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=30) as resp:
            return resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()
