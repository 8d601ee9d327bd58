"""Where the tests' documents live.

`tests/fixtures/seeds/` holds five real policies (sv, no, zh-Hans + en, zh-Hant + en, en) and
`tests/fixtures/cases/` a few labelled one-edit pairs built from them: the tests need nothing
beside the repository. The full labelled corpus (`../shared/corpus`, present on CI and developers'
machines) is an extra: the tests that read it are skipped, with a reason that says so, without it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEEDS_DIR = FIXTURES / "seeds"
SEEDS = sorted(SEEDS_DIR.glob("*.txt"))
CASES_DIR = FIXTURES / "cases"

SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
needs_shared_corpus = pytest.mark.skipif(
    not (SHARED_CORPUS / "cases").is_dir(),
    reason=f"the labelled corpus is not beside the project ({SHARED_CORPUS} missing): extra skipped",
)


def seed(prefix: str) -> Path:
    """The seed whose file name starts with `prefix` (000 sv, 001 no, 002 zh-Hans, 003 zh-Hant, 004 en)."""
    return next(s for s in SEEDS if s.name.startswith(prefix))


def case(name: str) -> Path:
    """A labelled case shipped with the tests."""
    return CASES_DIR / name
