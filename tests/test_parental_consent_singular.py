"""Consent from one parent (da "en forælder", no "en forelder": the singular) is parental consent
as the plural is: dropping it from what children may do is the high change of parental consent."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

DROPPED = [
    (
        "da",
        "Børn under 15 år må kun oprette en profil med samtykke fra en forælder.",
        "Børn under 15 år må oprette en profil.",
    ),
    (
        "no",
        "Barn under 15 år kan bare opprette en profil med samtykke fra en forelder.",
        "Barn under 15 år kan opprette en profil.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), DROPPED, ids=[c[0] for c in DROPPED])
def test_consent_of_one_parent_dropped_is_parental_consent_dropped(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "children", "high")
    assert "Parental consent" in change.explanation, change.explanation
