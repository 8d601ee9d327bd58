"""Shared fixtures: a real policy web server on 127.0.0.1 and the seed corpus."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import SEEDS_DIR  # noqa: E402
from policy_site import PolicySite  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def policy_site() -> Iterator[PolicySite]:
    site = PolicySite().start()
    try:
        yield site
    finally:
        site.stop()


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS_DIR
