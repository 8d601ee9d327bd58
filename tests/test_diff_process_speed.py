"""What `policy-monitor diff` does for speed gives what the plain computation gives: the JSON
text is json.dumps's, character for character; the garbage collector's thresholds come back
after a diff; the lexicons' alternations are the same regex sources, built with fewer steps; a
language's Hyperscan database read from a file of its own answers as the one built."""

from __future__ import annotations

import gc
import json
import math
import os
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.app import cli
from monitor.app.json_text import dumps_indented
from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.lang import lexicon, prefilter, startup_cache
from monitor.lang.lexicon import LANGUAGES, LEXICON_DIR
from monitor.lang.schema import load_yaml


def _plain(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


# --- the JSON text --------------------------------------------------------------------------

_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
)
_json_like = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_json_like)
def test_indented_json_is_json_dumps_text(data: Any) -> None:
    assert dumps_indented(data) == _plain(data)


def test_indented_json_of_a_diff_is_json_dumps_text() -> None:
    old = "<h2>Sharing</h2><p>We give your postal address to couriers.</p><p>Logs are kept 30 days.</p>"
    new = (
        "<h2>Sharing</h2><p>We give your postal address and phone number to couriers and insurers.</p>"
        "<p>Logs are kept 90 days.</p><p>Contact us: \u202eprivacy@example.org\u0007</p>"
    )
    result = compare_documents(normalize(old.encode(), "text/html"), normalize(new.encode(), "text/html"))
    data = result.to_dict()
    assert data["changes"], "the pair must have changes for the comparison to mean anything"
    assert dumps_indented(data) == _plain(data)


@pytest.mark.parametrize(
    "data",
    [
        {1: "a number key", False: "a boolean key", None: "no key", 2.5: "a float key"},
        {"nested": [{3: ["x"]}]},
        [math.nan, math.inf, -math.inf, -0.0, 1e-05, 1e16],
        {"empty": [{}, [], (), ""]},
    ],
)
def test_keys_and_numbers_json_converts_give_its_text(data: Any) -> None:
    assert dumps_indented(data) == _plain(data)


def test_what_json_refuses_is_refused_alike() -> None:
    loop: list[Any] = []
    loop.append(loop)
    for bad in ({"a": {1, 2}}, {(1, 2): "a tuple key"}, loop):
        with pytest.raises((TypeError, ValueError)) as ours:
            dumps_indented(bad)
        with pytest.raises((TypeError, ValueError)) as theirs:
            _plain(bad)
        assert type(ours.value) is type(theirs.value) and str(ours.value) == str(theirs.value)


# --- the garbage collector in `diff` --------------------------------------------------------


def test_diff_collects_rarely_and_restores_the_thresholds() -> None:
    before = gc.get_threshold()
    with cli.few_collections():
        assert gc.get_threshold() == (cli.DIFF_GC_THRESHOLD, *before[1:])
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), cli.few_collections():
        raise RuntimeError("a failing diff")
    assert gc.get_threshold() == before


def test_a_diff_that_ends_its_process_freezes_what_it_made() -> None:
    """The console command's objects are frozen at its end (neither the collection after the
    block nor the one at exit walks them); a diff run inside a longer process is not frozen."""
    gc.unfreeze()
    with cli.few_collections():
        kept = [[n] for n in range(1000)]
    assert gc.get_freeze_count() == 0
    try:
        with cli.few_collections(last=True):
            kept = [[n] for n in range(1000)]
        assert gc.get_freeze_count() >= len(kept)
    finally:
        gc.unfreeze()


def test_diff_command_prints_the_same_json_and_restores_the_thresholds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("We keep your order history for two years.\n", encoding="utf-8")
    new.write_text("We keep your order history for five years.\n", encoding="utf-8")
    before = gc.get_threshold()
    code = cli.main(["diff", str(old), str(new), "--json"])
    printed = capsys.readouterr().out
    assert code == cli.EXIT_CHANGED and gc.get_threshold() == before
    data = json.loads(printed)
    assert data["changes"][0]["material"] is True
    assert printed == _plain(data) + "\n"


# --- the lexicons' alternations ---------------------------------------------------------------

_ELIDED = re.compile(r"(?:'|’|\['’\])$")


def _reference_source(items: list[str], cjk: bool) -> str | None:
    """The alternation's source as load_lexicon built it before: every entry formatted in turn."""
    items = [i for i in items if i]
    if not items:
        return None
    ordered = sorted(items, key=len, reverse=True)
    if cjk:
        return "|".join(f"(?:{i})" for i in ordered)
    body = "|".join(f"(?:{i})" if _ELIDED.search(i) else rf"(?:{i})(?!\w)" for i in ordered)
    return rf"(?<!\w)(?:{body})"


@pytest.mark.parametrize(
    "items",
    [
        ["l'", "n’", "d['’]", "qu'\n", "share", "shared with", "it'", "x]", "a\n"],
        ["we", "", "ours", "we"],
        [],
    ],
)
@pytest.mark.parametrize("cjk", [False, True])
def test_alternation_source_is_the_plain_one(items: list[str], cjk: bool) -> None:
    pattern = lexicon._alternation(items, cjk)
    expected = _reference_source(items, cjk)
    assert (pattern.pattern if pattern is not None else None) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="ab'’[]\n ", max_size=6), max_size=8), st.booleans())
def test_alternation_source_of_any_entries_is_the_plain_one(items: list[str], cjk: bool) -> None:
    pattern = lexicon._alternation(items, cjk)
    assert (pattern.pattern if pattern is not None else None) == _reference_source(items, cjk)


@pytest.mark.parametrize("language", LANGUAGES)
def test_keyed_patterns_of_every_lexicon_are_the_plain_ones(language: str) -> None:
    data = load_yaml((LEXICON_DIR / f"{language}.yaml").read_text(encoding="utf-8")) or {}
    cjk = bool(data.get("cjk"))
    checked = 0
    for field, mapping in data.items():
        if not isinstance(mapping, dict) or not all(isinstance(v, list) for v in mapping.values()):
            continue
        keyed = lexicon._keyed(mapping, cjk)
        every: list[str] = []
        for key, items in mapping.items():
            expected = _reference_source(list(items or []), cjk)
            assert (keyed[str(key)].pattern if str(key) in keyed else None) == expected, (field, key)
            every += [i for i in items if i]
        assert (keyed.any.pattern if keyed.any is not None else None) == _reference_source(every, cjk)
        checked += 1
    assert checked >= 5


def test_prefilter_key_leaves_out_the_unicode_flag_only() -> None:
    pattern = re.compile("(?<!\\w)shared?", re.IGNORECASE)
    assert prefilter.key_of(pattern) == ("(?<!\\w)shared?", int(re.IGNORECASE))
    lazy = lexicon.LazyPattern("cookies?", re.IGNORECASE | re.MULTILINE)
    assert prefilter.key_of(lazy) == ("cookies?", int(re.IGNORECASE | re.MULTILINE))


# --- a language's Hyperscan database, read from a file of its own ------------------------------


def _new_group(pattern: re.Pattern[str]) -> str:
    group = f"test-file-{uuid.uuid4().hex}"  # never built before, in any cache
    prefilter.register(group, [pattern])
    return group


def _forget(group: str) -> None:
    """As a new process: the group's database not loaded yet."""
    prefilter._databases.pop(group, None)
    prefilter._resolved.clear()


def _database_files(group: str) -> list[Path]:
    return sorted(startup_cache.side_file("hyperscan-2", ("x",), group).parent.glob(f"{group}.*"))


@pytest.fixture()
def _building() -> Iterator[None]:
    pytest.importorskip("hyperscan")
    prefilter.allow_building()
    yield
    prefilter.allow_building(False)


@pytest.mark.usefixtures("_building")
def test_a_built_database_is_read_back_from_its_file_by_a_short_command() -> None:
    pattern = re.compile("sold to (?:brokers|insurers)", re.IGNORECASE)
    group = _new_group(pattern)
    assert prefilter.cannot_match(pattern, "we keep your data")  # built, and written to its file
    assert len(_database_files(group)) == 1
    prefilter.allow_building(False)
    _forget(group)
    assert prefilter.cannot_match(pattern, "we keep your data")  # loaded, not built
    assert not prefilter.cannot_match(pattern, "it is never SOLD TO INSURERS")


@pytest.mark.usefixtures("_building")
def test_a_damaged_database_file_is_no_database_and_is_written_again() -> None:
    pattern = re.compile("shared with advertisers", re.IGNORECASE)
    group = _new_group(pattern)
    assert prefilter.cannot_match(pattern, "nothing here")
    (path,) = _database_files(group)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    prefilter.allow_building(False)
    _forget(group)
    assert not prefilter.cannot_match(pattern, "nothing here")  # every pattern runs, as without one
    prefilter.allow_building()
    _forget(group)
    assert prefilter.cannot_match(pattern, "nothing here")
    assert path.read_bytes() == whole


@pytest.mark.usefixtures("_building")
def test_a_database_kept_inside_the_cache_by_an_earlier_version_is_moved_to_its_file(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pattern = re.compile("kept for (?:two|three) years", re.IGNORECASE)
    group = _new_group(pattern)
    built = prefilter.build([prefilter.key_of(pattern)])
    assert built is not None
    monkeypatch.setattr(startup_cache, "stored", lambda kind, key: built if kind == "hyperscan-1" else None)
    prefilter.allow_building(False)
    _forget(group)
    assert prefilter.cannot_match(pattern, "we delete it at once")
    assert not prefilter.cannot_match(pattern, "it is KEPT FOR THREE YEARS")
    assert len(_database_files(group)) == 1


@pytest.mark.usefixtures("_building")
def test_a_group_keeps_its_newest_database_files_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup_cache, "SIDE_FILES_KEPT", 2)
    group = f"test-file-{uuid.uuid4().hex}"
    written = []
    for n, words in enumerate(["sold to brokers", "rented to insurers", "lent to lenders"]):
        pattern = re.compile(words, re.IGNORECASE)
        prefilter.register(group, [pattern])  # the group's patterns changed, as an edited lexicon's
        assert prefilter.cannot_match(pattern, "nothing")
        (path,) = set(_database_files(group)) - set(written)
        os.utime(path, (1_000_000 + n, 1_000_000 + n))  # written in this order, a second apart
        written.append(path)
    assert _database_files(group) == sorted(written[1:])  # the oldest went, the two newest stay
