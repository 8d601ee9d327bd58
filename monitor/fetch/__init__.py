"""Fetch stage: a policy's URL in, a `FetchResult` (models.py) out, then guards on the result.

- `base.py`   the Fetcher protocol and the registry of fetcher kinds (with the `fetch:` keys
              each reads); a new kind (e.g. a browser that runs the page's scripts) is one new
              file registering itself, imported below.
- `http.py`   the HTTP fetcher (urllib3): deadlines, size cap, redirects, conditional GET, retries,
              per-host politeness.
- `browser.py` pages that build their text in script, rendered in headless Chromium (Playwright);
              `fetch_for_policy` applies a policy's `render:` (auto, http, browser).
- `guards.py` decides whether a fetched page is a real version or a failure in disguise (error
              page, login wall, challenge, empty or shrunk page).
"""

from monitor.fetch import browser, http  # noqa: F401 - each registers its fetcher
from monitor.fetch.base import FETCHERS, Fetcher, fetcher_for, register, setting_keys

__all__ = ["FETCHERS", "Fetcher", "fetcher_for", "register", "setting_keys"]
