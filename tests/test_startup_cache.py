"""The on-disk startup cache (compiled lexicon regexes, parsed lexicon files): the same matches as
re.compile and the same data as the parser, kept between processes, re-parsed when a file's
bytes change, and never in the way when the cache is missing, damaged or unwritable."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from monitor.lang import startup_cache
from monitor.lang.lexicon import LANGUAGES, _lazy_patterns, load_lexicon

SAMPLE_TEXTS = [
    "We keep your billing records for ten (10) years and may share them with our partners.",
    "Wir speichern Ihre Daten 30 Tage lang und verkaufen sie nicht.",
    "Nous conservons vos données pendant 3 ans ; vous pouvez vous opposer au traitement.",
    "我们将在法律要求的期限内保存您的个人信息，不会出售给第三方。",
]


def _run(code: str, cache_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "POLICY_MONITOR_CACHE_DIR": str(cache_dir)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)


def test_cached_patterns_match_what_re_compile_matches() -> None:
    checked = 0
    for lang in LANGUAGES:
        lex = load_lexicon(lang)
        for lazy in [p for value in vars(lex).values() for p in _lazy_patterns(value)][:40]:
            cached = startup_cache.compile_cached(lazy.pattern, lazy.flags)
            plain = re.compile(lazy.pattern, lazy.flags)
            assert cached.pattern == plain.pattern and cached.flags == plain.flags
            assert cached.groupindex == plain.groupindex
            for text in SAMPLE_TEXTS:
                assert [m.span() for m in cached.finditer(text)] == [m.span() for m in plain.finditer(text)]
            checked += 1
    assert checked > 200


@pytest.mark.skipif(not startup_cache._USABLE, reason="not CPython: re.compile is used directly")
def test_a_second_process_reads_the_compiled_code_from_disk(tmp_path: Path) -> None:
    pattern = r"(?<!\w)(?:retain\w*|kept|stor(?:e|ed|es|ing))(?!\w)"
    first = _run(
        "from monitor.lang.startup_cache import compile_cached, cache_path\n"
        f"assert compile_cached({pattern!r}, 2).search('we stored it')\n"
        "print(cache_path())",
        tmp_path,
    )
    assert first.returncode == 0, first.stderr
    cache_file = Path(first.stdout.strip())
    assert cache_file.parent == tmp_path and cache_file.stat().st_size > 0
    # The second process may not generate code: it must come from the file.
    second = _run(
        "import monitor.lang.startup_cache as rc\n"
        "generated = []\n"
        "rc._generate = lambda *a: generated.append(a)\n"
        f"m = rc.compile_cached({pattern!r}, 2).search('records are retained')\n"
        "assert m and m.group(0) == 'retained', m\n"
        "assert not generated, generated\n",
        tmp_path,
    )
    assert second.returncode == 0, second.stderr


def test_a_damaged_cache_file_is_ignored_and_replaced(tmp_path: Path) -> None:
    probe = _run("from monitor.lang.startup_cache import cache_path; print(cache_path())", tmp_path)
    cache_file = Path(probe.stdout.strip())
    cache_file.write_bytes(b"\x00not marshal at all\xff" * 10)
    run = _run(
        "from monitor.lang.startup_cache import compile_cached\n"
        "assert compile_cached(r'\\bsell\\b', 2).search('We never SELL it')\n",
        tmp_path,
    )
    assert run.returncode == 0, run.stderr
    if startup_cache._USABLE:
        again = _run(
            "import monitor.lang.startup_cache as rc\n"
            "generated = []\n"
            "rc._generate = lambda *a: generated.append(a)\n"
            "assert rc.compile_cached(r'\\bsell\\b', 2).search('we sell')\n"
            "assert not generated, 'the damaged file was not replaced'\n",
            tmp_path,
        )
        assert again.returncode == 0, again.stderr


def test_an_unwritable_cache_folder_costs_nothing_but_the_cache(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    run = _run(
        "from monitor.engine.classify import classify\n"
        "from monitor.engine.facts import extract_facts\n"
        "f = extract_facts('We keep your data for five years.', 'en')\n"
        "assert f.durations and f.durations[0].days == 5 * 365, f\n",
        blocker / "cache",
    )
    assert run.returncode == 0, run.stderr
    assert blocker.is_file()


def test_a_parsed_file_is_kept_by_its_bytes_and_parsed_again_when_they_change(tmp_path: Path) -> None:
    parse_counting = (
        "import json\n"
        "from monitor.lang.startup_cache import parsed\n"
        "calls = []\n"
        "def parse(raw):\n    calls.append(raw)\n    return json.loads(raw)\n"
    )
    first = _run(
        parse_counting + "assert parsed(b'{\"days\": 30}', parse, 't') == {'days': 30}\n"
        "assert len(calls) == 1\n",
        tmp_path,
    )
    assert first.returncode == 0, first.stderr
    second = _run(
        parse_counting
        + "assert parsed(b'{\"days\": 30}', parse, 't') == {'days': 30} and calls == []\n"
        + "assert parsed(b'{\"days\": 90}', parse, 't') == {'days': 90} and len(calls) == 1\n",
        tmp_path,
    )
    assert second.returncode == 0, second.stderr


def test_an_edited_lexicon_is_checked_against_the_schema_even_after_a_cached_parse(tmp_path: Path) -> None:
    """The schema check runs on every load: a bad key is an error whether or not the parse was cached."""
    from monitor.lang import lexicon

    data = tmp_path / "data"
    data.mkdir()
    good = (lexicon.LEXICON_DIR / "en.yaml").read_text(encoding="utf-8")
    (data / "en.yaml").write_text(good + "\nretension_days: 3\n", encoding="utf-8")
    code = (
        "import monitor.lang.lexicon as lx, pathlib\n"
        f"lx.LEXICON_DIR = pathlib.Path({str(data)!r})\n"
        "try:\n    lx.load_lexicon('en')\nexcept Exception as e:\n    print('refused:', e)\n"
    )
    for _ in range(2):  # the second run reads the parse from the cache
        run = _run(code, tmp_path / "cache")
        assert run.returncode == 0, run.stderr
        assert "refused:" in run.stdout and "retension_days" in run.stdout


@pytest.mark.skipif(not startup_cache._USABLE or not hasattr(os, "fork"), reason="CPython with fork")
def test_a_forked_child_reads_the_cache_through_its_own_connection(tmp_path: Path) -> None:
    """`check --all` forks its worker processes after the parent has read the cache: an SQLite
    connection must not cross a fork, so the child opens its own and still reads the entries."""
    warm = _run(
        "from monitor.lang.startup_cache import compile_cached\n"
        "compile_cached(r'retain\\w*', 2)\n"
        "compile_cached(r'kept', 2)\n",
        tmp_path,
    )
    assert warm.returncode == 0, warm.stderr
    run = _run(
        "import os\n"
        "import monitor.lang.startup_cache as rc\n"
        "rc.compile_cached(r'retain\\w*', 2)\n"
        "parent_conn = rc._conn\n"
        "assert parent_conn is not None\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    generated = []\n"
        "    rc._generate = lambda *a: generated.append(a)\n"
        "    ok = rc.compile_cached(r'kept', 2).search('we kept it') and not generated\n"
        "    ok = ok and rc._conn is not None and rc._conn is not parent_conn\n"
        "    os._exit(0 if ok else 1)\n"
        "_, status = os.waitpid(pid, 0)\n"
        "assert os.waitstatus_to_exitcode(status) == 0\n",
        tmp_path,
    )
    assert run.returncode == 0, run.stderr


@pytest.mark.skipif(not startup_cache._USABLE, reason="not CPython: re.compile is used directly")
def test_code_kept_as_array_bytes_reads_back_as_the_generated_code_words() -> None:
    """The packed form of an entry (the code's array bytes) gives back exactly the code words
    `_generate` made, the largest ones (an unbounded repeat's MAXREPEAT) included, and a pattern
    built from it matches as re.compile's."""
    sources = [
        (r"(?<!\w)(?:retain\w*|kept|stor(?:e|ed|es|ing))(?!\w)", re.IGNORECASE),
        (r"\d+(?:[.,]\d+)*\s*(?:days?|Tage|jours)", 0),
        (r"(?P<n>\w+)\s+(?P=n)", re.UNICODE),
        ("我们.{0,12}?(?:保存|出售)", 0),
    ]
    lex = load_lexicon("de")
    lazies = [lazy for value in vars(lex).values() for lazy in _lazy_patterns(value)]
    sources += [(lazy.pattern, lazy.flags) for lazy in lazies[:30]]
    for source, flags in sources:
        generated = startup_cache._generate(source, flags)
        packed = startup_cache._packed(generated)
        if startup_cache._CODE_TYPE is not None:
            assert isinstance(packed[1], bytes)
        assert startup_cache._code_list(packed[1]) == generated[1]
        assert packed[0] == generated[0] and packed[2:] == generated[2:]
        built, plain = startup_cache._build(source, packed), re.compile(source, flags)
        for text in [*SAMPLE_TEXTS, "Wir speichern es 30 Tage, stored and retained; das das"]:
            assert [m.span() for m in built.finditer(text)] == [m.span() for m in plain.finditer(text)]


@pytest.mark.skipif(not startup_cache._USABLE, reason="not CPython: re.compile is used directly")
def test_an_entry_kept_as_a_list_of_code_words_still_builds() -> None:
    source = r"(?:kept|stored)\s+for\s+\d+\s+years?"
    generated = startup_cache._generate(source, re.IGNORECASE)
    built = startup_cache._build(source, generated)
    assert built.search("Records are KEPT for 10 years.") is not None
    assert built.search("Records are deleted.") is None
