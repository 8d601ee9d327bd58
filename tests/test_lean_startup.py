"""Start-up shortcuts of a short command: a lexicon's fields read back from the startup cache are
the fields built from its file (same regex sources and flags, same words, same Hyperscan
registration order)."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from monitor.lang import lexicon

_DUMP = """
import pickle, re, sys
import monitor.lang.lexicon as L, monitor.lang.prefilter as P

def norm(v):
    if isinstance(v, L.LazyPattern):
        return ("P", v.pattern, int(v.flags), type(v.flags).__name__)
    if isinstance(v, L.KeyedPatterns):
        return ("K", {k: norm(x) for k, x in v.items()}, norm(v.any))
    if isinstance(v, dict):
        return ("D", {k: norm(x) for k, x in v.items()})
    if isinstance(v, (list, tuple)):
        return (type(v).__name__, [norm(x) for x in v])
    if isinstance(v, frozenset):
        return ("F", sorted(v))
    assert not isinstance(v, re.Pattern)
    return (type(v).__name__, v)

out = {}
for lx in L.all_lexicons():
    walked = [p for value in vars(lx).values() for p in L._patterns(value)]
    out[lx.language] = ({k: norm(v) for k, v in vars(lx).items()}, P._groups[lx.language],
                        [P.key_of(p) for p in walked])
    built = L.Lexicon(language=lx.language, **L._fields(lx.language, L.LEXICON_DIR / f"{lx.language}.yaml",
                      (L.LEXICON_DIR / f"{lx.language}.yaml").read_bytes()))
    assert {k: norm(v) for k, v in vars(built).items()} == out[lx.language][0], lx.language
sys.stdout.buffer.write(pickle.dumps(out))
"""


def _dump(cache: Path) -> Any:
    env = {**os.environ, "POLICY_MONITOR_CACHE_DIR": str(cache)}
    run = subprocess.run([sys.executable, "-c", _DUMP], env=env, capture_output=True, timeout=300)
    assert run.returncode == 0, run.stderr.decode()
    return pickle.loads(run.stdout)


def test_lexicon_fields_read_from_the_cache_are_the_ones_built_from_the_file(tmp_path: Path) -> None:
    """First run: built (and kept); second run: read back. Both equal a build straight from the
    file, and the Hyperscan databases get their patterns in the order a lexicon's fields list them."""
    first, second = _dump(tmp_path), _dump(tmp_path)
    assert first == second
    for language, (_, registered, walked) in second.items():
        assert registered == walked, language


def test_encoded_fields_round_trip() -> None:
    patterns: list[lexicon.LazyPattern] = []
    keyed = lexicon.KeyedPatterns(a=lexicon.LazyPattern("x", re.IGNORECASE))
    keyed.any = lexicon.LazyPattern("x|y", re.IGNORECASE)
    value = {
        "k": keyed,
        "plain": {"n": 1.0},
        "pairs": [(lexicon.LazyPattern("z", 0), 2.0)],
        "w": frozenset("ab"),
    }
    back = lexicon._decode(lexicon._encode(value), patterns)
    assert back["k"]["a"].pattern == "x" and back["k"]["a"].flags is re.IGNORECASE
    assert back["k"].any.pattern == "x|y" and back["plain"] == {"n": 1.0} and back["w"] == frozenset("ab")
    assert back["pairs"][0][0].flags == 0 and type(back["pairs"][0][0].flags) is int
    assert isinstance(back["pairs"][0], tuple) and back["pairs"][0][1] == 2.0
    assert [p.pattern for p in patterns] == ["x", "x|y", "z"]


def test_a_compiled_pattern_in_a_field_is_never_kept() -> None:
    with pytest.raises(TypeError):
        lexicon._encode([re.compile("x")])


def test_without_the_code_to_hash_lexicons_are_built_from_their_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No hash of the code (no source files to read): nothing kept is read, the file is built."""
    monkeypatch.setattr(lexicon, "_code_version", lambda: "")
    monkeypatch.setattr(
        lexicon.prefilter, "register", lambda *a: None
    )  # the process's own "sv" stays as it is
    calls: list[str] = []
    plan = lexicon._plan
    monkeypatch.setattr(lexicon, "_plan", lambda *a: calls.append(a[0]) or plan(*a))
    built = lexicon.load_lexicon.__wrapped__("sv")
    assert (
        calls == ["sv"] and built.categories.any.pattern == lexicon.load_lexicon("sv").categories.any.pattern
    )
