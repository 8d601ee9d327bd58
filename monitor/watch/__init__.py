"""Watching: the watchlist in, checks run, versions and alerts written to the store.

- `check.py`     one check of one policy: fetch -> guards -> extract -> segment -> store -> align ->
                 classify -> outbox; and `check_many` for a pass over many policies.
- `shards.py`    a long pass shared between one process per core.
- `scheduler.py` the daemon: APScheduler runs each policy's checks, the alert sender and reloads.
"""
