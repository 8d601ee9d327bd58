"""A cookie's lifetime in a table under a "Cookies" heading is a tracking term (and a storage period:
how long the identifier stays on the device): the row names no
term of its own ("_ga | Google | Analyse | 2 Jahre"), the heading tells what its period is for. On a
page too short for any clause to show its language clearly, a row no language was found for takes
the one the other clauses lean to, so its period is read at all."""

from __future__ import annotations

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize

TABLE = """# Datenschutz

## Cookies

| Cookie | Anbieter | Zweck | Laufzeit |
| --- | --- | --- | --- |
| _pk_id | Matomo | Statistik | 13 Monate |
| lang | wir | Spracheinstellung | Sitzung |
"""


def _changes(old: str, new: str) -> list:
    docs = [normalize(t.encode(), "text/markdown") for t in (old, new)]
    return compare_documents(*docs).changes


def test_a_longer_cookie_lifetime_in_a_table_is_a_tracking_change() -> None:
    (change,) = _changes(TABLE, TABLE.replace("13 Monate", "25 Monate"))
    assert change.material and set(change.categories) == {"tracking", "retention"}, change
    assert change.severity == "high"


def test_a_shorter_one_is_a_tracking_change_too() -> None:
    (change,) = _changes(TABLE, TABLE.replace("13 Monate", "6 Monate"))
    assert change.material and set(change.categories) == {"tracking", "retention"}, change


def test_the_same_lifetime_said_otherwise_stays_quiet() -> None:
    (change,) = _changes(TABLE, TABLE.replace("13 Monate", "dreizehn Monate"))
    assert not change.material, change
