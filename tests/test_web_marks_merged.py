"""The version page marks every sentence of a re-written paragraph, not only its first.

The engine reports one re-written paragraph as one change (engine/hunks.py): the change stands
at its first clause and holds the text of the paragraph's clauses. The page that shows a version
with its changed clauses marked must mark all of them. Real parts: a PolicySite on 127.0.0.1,
two checks through the HTTP fetcher into a SQLite store, and the web's own read of what was
stored (read_models), as the version page reads it.
"""

from __future__ import annotations

from pathlib import Path

from policy_site import PolicySite, policy_html, seed_text

from monitor.app import read_models
from monitor.fetch.http import HttpFetcher
from monitor.models import FetchSettings, PolicyConfig, RouteConfig, Watchlist
from monitor.store import Store
from monitor.watch.check import check_policy

# one line, one paragraph (policy_html makes each a <p>), after a seed policy's text
OLD = (
    "Our vans leave the depot at six. Drivers ring the bell twice. Parcels are left with a neighbour.\n"
    "We keep delivery notes for one year.\n"
)
NEW = (
    "The vans set off from the depot at six. A driver rings the bell two times. A neighbour may "
    "take the parcel in.\nWe keep delivery notes for one year.\n"
)


def test_every_sentence_of_a_rewritten_paragraph_is_marked(tmp_path: Path, policy_site: PolicySite) -> None:
    policy_site.set_page("/p", policy_html(seed_text(1) + "\n" + OLD, "Delivery policy"))
    policy = PolicyConfig(id="shop", name="Shop", url=policy_site.url("/p"), alert=("console",))
    settings = FetchSettings(retries=0, per_host_delay=0.0)
    watchlist = Watchlist(
        policies=(policy,), routes={"console": RouteConfig("console", "console")}, fetch=settings
    )
    store = Store(tmp_path / "monitor.db")
    fetcher = HttpFetcher(settings)
    try:
        store.sync_policies([policy])
        assert check_policy(policy, store=store, fetcher=fetcher, watchlist=watchlist).outcome == "new"
        policy_site.set_page("/p", policy_html(seed_text(1) + "\n" + NEW, "Delivery policy"))
        assert check_policy(policy, store=store, fetcher=fetcher, watchlist=watchlist).outcome == "changed"

        version = read_models.version(store, "shop")
        changes = read_models.changes_in(store, version)
        assert len(changes) == 1  # one paragraph re-written: one change
        marked = read_models.changed_clauses(version, changes)
        assert {c.text for c in version.clauses if c.index in marked} == {
            "The vans set off from the depot at six.",
            "A driver rings the bell two times.",
            "A neighbour may take the parcel in.",
        }
    finally:
        fetcher.close()
        store.close()
