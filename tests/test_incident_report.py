"""An incident report ("incidentrapport", "incident report") is the report of a breach that
happened: the period before it is filed is a breach-notice deadline, a security term, not the time
to answer a request."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

LENGTHENED = [
    (
        "Vi skickar en incidentrapport till tillsynsmyndigheten inom 72 timmar.",
        "Vi skickar en incidentrapport till tillsynsmyndigheten inom fem dagar.",
        "sv",
    ),
    (
        "We send an incident report to the regulator within 72 hours.",
        "We send an incident report to the regulator within five days.",
        "en",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), LENGTHENED)
def test_a_later_incident_report_is_a_slower_breach_notice(old: str, new: str, language: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "security")
    assert "rights" not in change.categories, change
