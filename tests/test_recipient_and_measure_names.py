"""Names a reader meets in alerts: data brokers under the words each language also uses for them
(data resellers, dataförmedlare, dataformidlere, Adresshändler), and the measure found for
anonymised or aggregated data named as what it is, not only "pseudonymisation"."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

BROKERS_ADDED = [
    (
        "en",
        "We pass your purchase history to our shipping partners.",
        "We pass your purchase history to our shipping partners and to information resellers.",
    ),
    (
        "sv",
        "Vi lämnar ut din köphistorik till våra fraktpartner.",
        "Vi lämnar ut din köphistorik till våra fraktpartner och till dataförmedlare.",
    ),
    (
        "da",
        "Vi videregiver din købshistorik til vores fragtpartnere.",
        "Vi videregiver din købshistorik til vores fragtpartnere og til dataformidlere.",
    ),
    (
        "no",
        "Vi deler kjøpshistorikken din med fraktpartnerne våre.",
        "Vi deler kjøpshistorikken din med fraktpartnerne våre og med dataformidlere.",
    ),
    (
        "de",
        "Wir übermitteln Ihre Kaufhistorie an unsere Versandpartner.",
        "Wir übermitteln Ihre Kaufhistorie an unsere Versandpartner und an Adresshändler.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), BROKERS_ADDED, ids=[c[0] for c in BROKERS_ADDED])
def test_data_brokers_added_under_another_name_are_data_brokers(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "sharing", "high")
    assert "data brokers" in change.explanation


def test_anonymised_statistics_no_longer_promised_is_said_plainly() -> None:
    change = modified(
        "Usage reports we give advertisers contain only anonymised figures.",
        "Usage reports we give advertisers contain figures.",
    )
    assert_alert(change, "security")
    assert "anonymisation or pseudonymisation" in change.explanation
