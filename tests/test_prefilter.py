"""The Hyperscan prefilter (monitor/lang/prefilter.py) never rules out a pattern that matches,
and the engine's verdicts are the same with it and without it."""

from __future__ import annotations

import functools
import re
import sys
import uuid
from collections.abc import Iterator

import pytest
from engine_checks import modified, single
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from monitor.lang import prefilter
from monitor.lang.lexicon import LazyPattern, load_lexicon

pytest.importorskip("hyperscan")

ALL_CODE_POINTS = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)

# sentences of our own, one or two per language, each holding several lexicon words
SEEDS = {
    "en": [
        "We may share your e-mail address with advertising partners and keep it for 18 months.",
        "You can ask us to delete the information we hold about your child at any time.",
    ],
    "fr": ["Nous conservons vos coordonnées pendant trois ans et ne les vendons à personne."],
    "de": ["Wir übermitteln Ihre Standortdaten an Dienstleister in den USA und löschen sie nach 6 Monaten."],
    "sv": ["Vi delar dina personuppgifter med våra annonspartner och sparar dem i två år."],
    "hr": ["Vaše osobne podatke čuvamo pet godina i ne prodajemo ih trećim stranama."],
    "zh": ["我们会将您的个人信息保存三年，并可能与广告合作伙伴共享。"],
}
# characters re treats as case variants of plain letters, and a few other scripts and spaces
ODD_CHARACTERS = (
    "\u017f\u212a\u0130\u0131\u00df\u1e9e\u03a3\u03c2"  # long s, Kelvin, I with and without dot, ß, sigmas
    "\u00a0\u2019\u00e9\u00c9\u0160\u0161\u4e2a\n\t_-"
)


@pytest.fixture(autouse=True, scope="module")
def _databases_built() -> Iterator[None]:
    """As the daemon does: the databases these tests ask about are built when missing (a short
    command only loads them; test_a_short_command_only_loads_databases shows that)."""
    prefilter.allow_building()
    yield
    prefilter.allow_building(False)


def _lexicon_patterns(language: str) -> list[object]:
    """Every regex of a language's lexicon, as the engine passes it (lazy or compiled)."""
    lex = load_lexicon(language)
    return [pattern for pattern, group, _ in prefilter._registered.values() if group == lex.language]


def _compiled(pattern: object) -> re.Pattern[str]:
    return pattern.compiled() if isinstance(pattern, LazyPattern) else pattern  # type: ignore[return-value]


@st.composite
def texts(draw: st.DrawFn, language: str) -> str:
    """A seed sentence with some letters' case changed, some characters replaced by odd ones,
    and pieces of other seeds spliced in."""
    chars = list(draw(st.sampled_from(SEEDS[language])))
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(chars) - 1))
        chars[i] = draw(st.sampled_from([chars[i].upper(), chars[i].lower(), *ODD_CHARACTERS]))
    text = "".join(chars)
    if draw(st.booleans()):
        other = draw(st.sampled_from([s for seeds in SEEDS.values() for s in seeds]))
        start = draw(st.integers(0, len(other)))
        text = text[: draw(st.integers(0, len(text)))] + other[start : start + 30]
    return text


@pytest.mark.parametrize("language", sorted(SEEDS))
def test_a_pattern_that_matches_is_never_ruled_out(language: str) -> None:
    patterns = [(p, _compiled(p)) for p in _lexicon_patterns(language)]
    seen_matches = 0

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(texts(language))
    def check(text: str) -> None:
        nonlocal seen_matches
        for lazy, compiled in patterns:
            if compiled.search(text):
                seen_matches += 1
                assert not prefilter.cannot_match(lazy, text), (compiled.pattern[:80], text)

    check()
    assert seen_matches > 0  # the texts do meet the lexicon's words


def test_most_patterns_are_ruled_out_of_a_sentence_they_do_not_match() -> None:
    text = "The museum opens at nine and closes when the last visitor leaves."
    patterns = _lexicon_patterns("en")
    silent = [p for p in patterns if not _compiled(p).search(text)]
    ruled_out = [p for p in silent if prefilter.cannot_match(p, text)]
    assert len(ruled_out) > 0.8 * len(silent)


@pytest.mark.parametrize(
    ("source", "flags"),
    [
        ("s", re.IGNORECASE),  # long s (U+017F) is an "s" to re
        ("k", re.IGNORECASE),  # and the Kelvin sign (U+212A) a "k"
        ("i", re.IGNORECASE),  # dotted and dotless capital I are not
        ("[a-zé]", re.IGNORECASE),
        ("[^a-z]", re.IGNORECASE),
        (r"\w", 0),
        (r"\s", 0),
        (r"\d", 0),
        (".", 0),  # all but a line break
        ("σ", re.IGNORECASE),  # final sigma and capital sigma too
        ("个", re.IGNORECASE),  # no case: just itself
    ],
)
def test_each_character_re_accepts_passes_the_superset(source: str, flags: int) -> None:
    accepted = {m.group() for m in re.finditer(source, ALL_CODE_POINTS, flags)}
    built = prefilter.build([(source, flags)])
    assert built is not None
    check = prefilter.load(*built)
    # every one where there are a few; a wide class (\\w) in steps past the Latin scripts
    sample = accepted
    if len(accepted) > 5000:
        sample = {ch for ch in accepted if ord(ch) < 0x600 or ord(ch) % 97 == 0}
    for ch in sample:
        assert check.possible(ch) == {0}, (source, hex(ord(ch)))
    rejected = next(chr(c) for c in range(0x80) if chr(c) not in accepted)
    assert check.possible(rejected) == frozenset()  # still a filter on ASCII


def test_look_arounds_and_boundaries_are_left_out_never_wrongly_kept() -> None:
    source = r"(?<!\w)(?:keep(?! out)\b|retain)(?!\w)"
    expressions = prefilter.supersets(source, re.IGNORECASE)  # keep..., retain: one each
    built = prefilter.load(*prefilter.build([(source, re.IGNORECASE)]))  # type: ignore[misc]
    assert built.possible("we KEEP it") == {0}
    assert built.possible("keep out") == {0}  # a superset: the look-ahead is not checked
    assert built.possible("we hold it") == frozenset()
    assert len(expressions) == 2
    assert not any("(?<" in e or "(?!" in e or "\\b" in e for e in expressions)


def test_a_back_reference_is_not_translated_and_so_always_run() -> None:
    built = prefilter.build([(r"(\w)\1", 0), ("shared", re.IGNORECASE)])
    assert built is not None
    assert (r"(\w)\1", 0) not in built[1]
    assert ("shared", re.IGNORECASE) in built[1]


def test_a_text_that_cannot_be_scanned_rules_nothing_out() -> None:
    pattern = load_lexicon("en").categories["sharing"]
    text = "we sell nothing \ud800"  # a lone surrogate does not encode to UTF-8
    assert not prefilter.cannot_match(pattern, text)


def test_an_unregistered_pattern_is_always_run() -> None:
    assert not prefilter.cannot_match(re.compile("nowhere to be found"), "some text")


def _clear_text_caches() -> None:
    """Empty the engine's per-text caches, so a second run computes everything again."""
    for name, module in list(sys.modules.items()):
        if name.startswith("monitor."):
            for value in vars(module).values():
                if isinstance(value, functools._lru_cache_wrapper) and (value.cache_info().maxsize or 0) > 16:
                    value.cache_clear()


@pytest.fixture
def without_prefilter() -> Iterator[None]:
    yield
    prefilter.set_enabled(True)


EDITS = [
    ("modified", "We keep your order history for two years.", "We keep your order history for five years."),
    ("modified", "We do not sell your personal data.", "We may sell your personal data to partners."),
    ("modified", "Nous ne partageons pas vos données.", "Nous partageons vos données avec nos partenaires."),
    ("added", "", "Wir geben Ihre Kontaktdaten an Werbepartner weiter."),
    ("removed", "You may ask us to correct or erase your data.", ""),
    ("modified", "The café opens at eight.", "The café opens at nine."),
]


@pytest.mark.usefixtures("without_prefilter")
@pytest.mark.parametrize(("kind", "old", "new"), EDITS)
def test_the_engine_gives_the_same_verdict_with_and_without_it(kind: str, old: str, new: str) -> None:
    language = "fr" if "Nous" in old else "de" if new.startswith("Wir") else "en"
    verdicts = []
    for on in (True, False):
        prefilter.set_enabled(on)
        _clear_text_caches()
        if kind == "modified":
            change = modified(old, new, language)
        else:
            change = single(kind, new or old, language=language)
        verdicts.append(change.to_dict())
    assert verdicts[0] == verdicts[1]


def test_a_short_command_only_loads_databases() -> None:
    """Without allow_building a missing database is not built (seconds a language): every
    pattern then runs, as without Hyperscan; with it, the database is built and ruling out works."""
    group = f"test-only-{uuid.uuid4().hex}"  # never built before, in any cache
    pattern = re.compile("shared with", re.IGNORECASE)
    prefilter.register(group, [pattern])
    prefilter.allow_building(False)
    try:
        assert not prefilter.cannot_match(pattern, "nothing to see here")
    finally:
        prefilter.allow_building()
    assert prefilter.cannot_match(pattern, "nothing to see here")
    assert not prefilter.cannot_match(pattern, "it is SHARED WITH partners")


def test_a_long_lived_process_builds_a_missing_database_in_the_background() -> None:
    """The daemon's mode: the first question finds no database and does not wait seconds for
    one; the pattern runs (the answer is "may match") while a thread builds it, and once it is
    built the same question is ruled out by the scan."""
    group = f"test-only-{uuid.uuid4().hex}"
    pattern = re.compile("sold to", re.IGNORECASE)
    prefilter.register(group, [pattern])
    prefilter.allow_building(background=True)
    try:
        assert not prefilter.cannot_match(pattern, "nothing to see here")
        assert prefilter.wait_for_builds(timeout=120)
        assert prefilter.cannot_match(pattern, "nothing to see here")
        assert not prefilter.cannot_match(pattern, "data SOLD TO brokers")
    finally:
        prefilter.allow_building()


# One of our lexicon's patterns as it stood before: many letter classes, each of which used to
# hold a non-ASCII case variant beside the ASCII pair ([Ii\x{130}-\x{131}], [Ss\x{17f}]).
# Hyperscan ruled it out of a longer sentence that holds a match.
BOUGHT_DATA = (
    r"(?:data|information|details|profiles) (?:that )?(?:we|which we) (?:may )?"
    r"(?:buy|purchase|license|acquire|rent)\b"
)


def test_a_long_sentence_holding_a_match_of_many_letter_classes_is_not_ruled_out() -> None:
    text = "In addition to what you tell us, we also use data we rent from list brokers."
    assert re.search(BOUGHT_DATA, text, re.IGNORECASE)
    built = prefilter.build([(BOUGHT_DATA, re.IGNORECASE)])
    assert built is not None
    assert prefilter.load(*built).possible(text) == {0}


def test_letter_classes_stay_ascii_and_the_text_holds_the_letter_for_its_odd_variants() -> None:
    (expression,) = prefilter.supersets("this kiss", re.IGNORECASE)
    assert expression == r"[Tt][Hh][Ii][Ss]\x{20}[Kk][Ii][Ss][Ss]"
    check = prefilter.load(*prefilter.build([("this kiss", re.IGNORECASE)]))  # type: ignore[misc]
    assert check.possible("th\u0130\u017f \u212ai\u017fs") == {0}  # dotted I, long s, Kelvin sign
    assert check.possible("this kit") == frozenset()


def test_the_last_scan_answers_as_a_fresh_scan_of_the_same_text() -> None:
    """prefilter._scan (the last scan kept by the objects it was asked for) gives what a scan of
    the text gives, whichever database and text come next: the same text object again, an equal
    text that is another object, another text, another database."""
    keep = prefilter.load(*prefilter.build([(r"(?<!\w)(?:keep|retain)\w*", re.IGNORECASE)]))  # type: ignore[misc]
    sell = prefilter.load(*prefilter.build([(r"(?<!\w)sell(?:s|ing)?\b", re.IGNORECASE)]))  # type: ignore[misc]
    texts = ["We keep it.", "We sell it.", "Wir verkaufen nichts.", "We RETAIN and sell it."]
    texts += ["".join(["We keep", " it."])]  # equal to the first, another object
    order = [(db, text) for text in texts for db in (keep, sell, keep)] + [(keep, t) for t in texts[::-1]]
    for db, text in order:
        assert prefilter._scan(db, text) == db.possible(text), (text, db is keep)
        assert prefilter._scan(db, text) == db.possible(text)  # asked again: the kept answer
