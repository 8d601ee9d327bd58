"""The Hyperscan prefilter never rules out a lexicon pattern that re finds: checked on the example
sentences the lexicons quote in their comments ("we will post any changes on this page") and on
sentences of our own. Hyperscan itself has been seen to miss a match its pattern should make
(a few non-ASCII case variants in one alternation); a lexicon entry that meets such a miss must
be re-worded, or the prefilter and plain re would give different verdicts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from monitor.lang import prefilter
from monitor.lang.lexicon import LANGUAGES, load_lexicon

DATA = Path(__file__).resolve().parents[1] / "monitor" / "lang" / "data"
OWN = [
    "We combine it with data we buy from data brokers.",
    "Wir geben Ihre Daten weder an Werbetreibende noch an Datenhändler weiter.",
    "Nous conservons vos données pendant trois ans après la fermeture de votre compte.",
    "Podemos compartir sus datos con compañías de seguros y entidades financieras.",
    "Vi opbevarer dine oplysninger i tredive (30) dage.",
    "Vi delar dina uppgifter med annonspartner utanför EU.",
]


def _quoted_examples() -> list[str]:
    found: list[str] = []
    for path in sorted(DATA.glob("*.yaml")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.lstrip().startswith("#"):
                found += [q for q in re.findall(r'"([^"]{8,})"|“([^”]{8,})”', line) for q in q if q]
    return found


@pytest.fixture
def building() -> Iterator[None]:
    pytest.importorskip("hyperscan")
    was = prefilter._enabled
    prefilter.allow_building()
    prefilter.set_enabled(True)
    yield
    prefilter.set_enabled(was)
    prefilter.allow_building(False)


def test_no_lexicon_pattern_is_ruled_out_where_re_finds_it(building: None) -> None:
    for language in LANGUAGES:
        load_lexicon(language)
    texts = _quoted_examples() + OWN
    assert len(texts) > 300  # the lexicons quote hundreds of examples
    missed = {
        (group, pattern.pattern[:80]): text
        for pattern, group, _key in list(prefilter._registered.values())
        for text in texts
        if prefilter.cannot_match(pattern, text) and pattern.search(text)
    }
    assert not missed, missed
