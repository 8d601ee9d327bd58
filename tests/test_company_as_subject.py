"""A policy that names the company where it said "we" ("We use your data to ..." -> "Northwind uses
your data to ...") states the same terms: the use, its purpose and the recipients are read the
same with either subject, and a notice of another event (an account suspended) stays one."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.facts import extract_facts

SAME_TERMS = [
    (
        "We use your purchase history to show you offers from our partners.",
        "Northwind uses your purchase history to show you offers from our partners.",
    ),
    (
        "We use your listening data to recommend podcasts and to target advertisements on third-party apps.",
        "The Company uses your listening data to recommend podcasts and to target advertisements"
        " on third-party apps.",
    ),
    (
        "We may use automated tools to make advertising more relevant to you.",
        "Northwind may use automated tools to make advertising more relevant to you.",
    ),
    (
        # "uses the ..." as "we use the ...": the subject's own words before the data
        "We use the sign-up form details and your order history to send you our weekly newsletter.",
        "The Company uses the sign-up form details and your order history to send you our weekly newsletter.",
    ),
    (
        "We use the two-step confirmation procedure for every subscription to our mailing list.",
        "Northwind uses the two-step confirmation procedure for every subscription to our mailing list.",
    ),
    (
        "We may close your account at any time without notice to you.",
        "Northwind may close your account at any time without notice to you.",
    ),
]


@pytest.mark.parametrize(("old", "new"), SAME_TERMS, ids=[str(i) for i in range(len(SAME_TERMS))])
def test_the_company_named_for_we_changes_no_term(old: str, new: str) -> None:
    assert_quiet(modified(old, new))


def test_a_purpose_added_with_the_company_as_subject_still_alerts() -> None:
    change = modified(
        "Northwind uses your purchase history to process your orders.",
        "Northwind uses your purchase history to process your orders and to train its recommendation models.",
    )
    assert_alert(change, "purpose", "high")


def test_a_user_using_the_service_names_no_purpose() -> None:
    assert "purpose" not in extract_facts("You may use the app to order food for your team.", "en").categories
    assert (
        "purpose"
        not in extract_facts("Customer will use reasonable efforts to stop using it.", "en").categories
    )
    # the customer using the service: "uses the Services" says nothing of what data is used for
    text = "The fee is due on the day the Customer first signs in or uses the Services in any month."
    assert "purpose" not in extract_facts(text, "en").categories
