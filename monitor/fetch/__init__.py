"""Fetch stage: a `PolicyConfig` in, a `FetchResult` (models.py) out, then guards on the result.

- `http.py`   the HTTP fetcher (urllib3): deadlines, size cap, redirects, conditional GET, retries,
              per-host politeness.
- `guards.py` decides whether a fetched page is a real version or a failure in disguise (error
              page, login wall, challenge, empty or shrunk page).
"""
