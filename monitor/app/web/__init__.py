"""The web app over the history: `policy-monitor serve` and `run --http` (see server.py).

In: a database (read-only) and optionally the watchlist. Out: HTML pages, a JSON API with its
OpenAPI schema, Atom feeds, /healthz and /metrics.
"""
