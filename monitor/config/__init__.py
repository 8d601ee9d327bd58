"""Configuration: the watchlist file in, a validated `Watchlist` (models.py) out.

`watchlist.py` is the line-aware YAML loader and validator; `sources.py` reads the CSV and
JSON-lines files of `policies_from:` into nodes that validator checks. Route types and fetchers
declare the keys they accept in their own registries (`monitor.alerts.channels`,
`monitor.fetch`); the validator reads those registries instead of listing them again.
"""
