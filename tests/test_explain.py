"""Explanations people can read: the one sentence a reader sees first for each kind of change.

What a reader relies on: the sentence names what changed (which period, data, recipient, right,
place) in the policy's terms, says which way it went, starts with a capital letter, carries no
"->" and no quoted clause fragment (only a condition word when that word is the fact), and puts
the most severe fact first. Alerts and reports list material changes first, most severe first,
with the clauses around each change.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from engine_checks import modified, single

from monitor.alerts import change_payload, plan_change_alerts, render_email_html, render_text
from monitor.engine.explain import describe
from monitor.engine.pipeline import compare_documents, context_of
from monitor.models import Block, Change, Clause, Document, Fact, PolicyConfig, RouteConfig, Watchlist

# --- a modified clause: (old, new, language) -> the sentence ---------------------------------------

EDITS = [
    # durations, both directions, in three languages
    (
        "We store invoices for 2 years.",
        "We store invoices for 7 years.",
        "en",
        "Retention period for invoices lengthened from 2 years to 7 years",
    ),
    (
        "We store invoices for 7 years.",
        "We store invoices for 2 years.",
        "en",
        "Retention period for invoices shortened from 7 years to 2 years",
    ),
    (
        "Wir speichern Rechnungen 2 Jahre lang.",
        "Wir speichern Rechnungen 7 Jahre lang.",
        "de",
        "Retention period lengthened from 2 years to 7 years",
    ),
    (
        "Nous conservons vos factures pendant 2 ans.",
        "Nous conservons vos factures pendant 7 ans.",
        "fr",
        "Retention period lengthened from 2 years to 7 years",
    ),
    (
        "We will notify you of a breach within 72 hours.",
        "We will notify you of a breach within 30 days.",
        "en",
        "Deadline for telling you of a data breach lengthened from 72 hours to 30 days",
    ),
    # a period gone, an open-ended keep in its place: the high fact first
    (
        "We keep your order history for 4 years.",
        "We keep your order history indefinitely.",
        "en",
        "Retention period no longer stated (it was 4 years); personal data may now be kept indefinitely",
    ),
    # flips of a verb, with the recipient when one comes with it
    (
        "We never sell the information you give us.",
        "We may sell the information you give us to advertisers.",
        "en",
        "Personal data may now be sold to advertisers",
    ),
    (
        "Vi säljer aldrig dina uppgifter.",
        "Vi kan sälja dina uppgifter till annonsörer.",
        "sv",
        "Personal data may now be sold to advertisers",
    ),
    (
        "We may sell the information you give us.",
        "We never sell the information you give us.",
        "en",
        "Personal data will no longer be sold",
    ),
    (
        "We do not share your order data with partners.",
        "We share your order data with partners.",
        "en",
        "Personal data may now be shared with partners",
    ),
    # consent and other qualifiers
    (
        "We share your address with couriers only with your consent.",
        "We share your address with couriers.",
        "en",
        "Sharing of personal data no longer requires your consent",
    ),
    (
        "We share your address with couriers.",
        "We share your address with couriers only with your consent.",
        "en",
        "Sharing of personal data now requires your consent",
    ),
    (  # a topic named in the plural takes a plural verb
        "We place advertising cookies on your device only with your consent.",
        "We place advertising cookies on your device.",
        "en",
        "Tracking technologies no longer require your consent",
    ),
    (
        "We share your delivery address only with the courier.",
        "We share your delivery address with the courier.",
        "en",
        "A limit on sharing of personal data was dropped: the policy no longer says “only”",
    ),
    (
        "Children under 13 can only sign up with parental consent.",
        "Children under 13 can sign up.",
        "en",
        "Parental consent is no longer required for children's data",
    ),
    (
        "We transfer data to the United States under standard contractual clauses.",
        "We transfer data to the United States.",
        "en",
        "Safeguard for transfers abroad no longer stated: standard contractual clauses",
    ),
    # places, purposes, data, rights, ages, notices, measures
    (
        "Your files are stored on servers in Germany.",
        "Your files are stored on servers in Germany and Vietnam.",
        "en",
        "New transfer destination: Vietnam",
    ),
    (
        "Your files are stored on servers in Germany and Vietnam.",
        "Your files are stored on servers in Germany.",
        "en",
        "Transfer destination no longer named: Vietnam",
    ),
    (
        "We use your messages to provide the service.",
        "We use your messages to provide the service and to train our AI models.",
        "en",
        "New purpose for personal data: AI training",
    ),
    (
        "We collect your name and e-mail.",
        "We collect your name, e-mail and fingerprints.",
        "en",
        "New sensitive data collected: biometric data",
    ),
    (
        "You have the right to access and delete your data.",
        "You have the right to access your data.",
        "en",
        "The right to have your data deleted is no longer stated",
    ),
    (
        "You have the right to access your data.",
        "You have the right to access and delete your data.",
        "en",
        "You now have the right to have your data deleted",
    ),
    (
        "Our service is not for children under 16.",
        "Our service is not for children under 13.",
        "en",
        "Children's age threshold lowered from 16 to 13",
    ),
    (
        "If there is a data breach we will tell you without undue delay.",
        "If there is a data breach we will tell you.",
        "en",
        "The promise to tell you of a data breach without undue delay was dropped",
    ),
    (
        "We will notify you before we change this policy.",
        "We may change this policy at any time.",
        "en",
        "The promise to notify you of changes to the policy was dropped",
    ),
    (
        "We may change this policy at any time.",
        "We will notify you by e-mail before we change this policy.",
        "en",
        "The policy now promises to notify you of changes to it",
    ),
    (
        "We protect your data with encryption and firewalls.",
        "We protect your data with firewalls.",
        "en",
        "Security measure no longer named: encryption",
    ),
    # what a sentence rules out
    (
        "We never share your data with data brokers.",
        "We never share your data with data brokers or advertisers.",
        "en",
        "The policy now rules out sharing personal data with advertisers",
    ),
    (
        "We never share your data with data brokers or advertisers.",
        "We never share your data with data brokers.",
        "en",
        "The policy no longer rules out sharing personal data with advertisers",
    ),
    # an enumeration grew; a modal changed with no fact to tell
    (
        "We collect your name, phone number and city.",
        "We collect your name, phone number, shoe size and city.",
        "en",
        "Added to the data collected: shoe size",
    ),
    (
        "We may share your data with partners.",
        "We will share your data with partners.",
        "en",
        "What the policy said may happen about sharing of personal data is now stated as what will happen",
    ),
    (
        "We will erase your drafts when you close your account.",
        "We may erase your drafts when you close your account.",
        "en",
        "What the policy stated about retention of personal data is now only something that may happen",
    ),
]


@pytest.mark.parametrize(("old", "new", "language", "expected"), EDITS, ids=[e[3][:40] for e in EDITS])
def test_a_modified_clause_reads_as_one_plain_sentence(
    old: str, new: str, language: str, expected: str
) -> None:
    change = modified(old, new, language)
    assert change.material, change
    assert change.explanation == expected


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        (
            "added",
            "We may sell your browsing history to advertisers.",
            "The policy now says personal data may be sold to advertisers",
        ),
        (
            "removed",
            "We will never sell your personal data.",
            "The promise not to sell personal data was dropped",
        ),
        (
            "added",
            "We keep backups for 30 days.",
            "Retention period for backups set to 30 days",
        ),
        (
            "added",
            "We do not use your photos to train AI models.",
            "The policy now rules out using personal data for AI training",
        ),
    ],
)
def test_an_added_or_removed_clause_says_what_it_states(kind: str, text: str, expected: str) -> None:
    assert single(kind, text).explanation == expected


def test_a_removed_clause_with_no_fact_names_what_it_was_about() -> None:
    change = single("removed", "We delete your records when they are no longer needed for billing.")
    assert change.material
    assert change.explanation == "A clause about how long data is kept was removed"


def test_a_clause_with_no_fact_of_its_own_names_what_its_section_is_about() -> None:
    change = single(
        "added",
        "From time to time we review what we hold about you and tidy it up.",
        section=("How long we keep data",),
    )
    assert change.material
    assert change.explanation == "New clause in a section about how long data is kept"


def test_a_moved_clause_that_changed_says_so_after_the_fact() -> None:
    old = [Clause(0, "We store invoices for 2 years."), Clause(1, "We answer within a week.")]
    new = [Clause(0, "We answer within a week."), Clause(1, "We store invoices for 7 years.")]
    from monitor.engine.classify import classify

    (change,) = [c for c in classify([Change("moved", old[0], new[1])]) if c.material]
    assert change.explanation == (
        "Retention period for invoices lengthened from 2 years to 7 years; the clause also moved"
    )


# --- one fact, every shape, both directions -----------------------------------------------------


@pytest.mark.parametrize(
    ("fact", "expected"),
    [
        (
            Fact("retention", None, "indefinite", "added", "retention_state"),
            "Personal data may now be kept indefinitely",
        ),
        (
            Fact("retention", "until deletion", None, "removed", "retention_state"),
            "The policy no longer says personal data is kept until you delete it",
        ),
        (
            Fact("retention", "as long as necessary", "5 years", "added", "duration"),
            "Retention period set to 5 years instead of keeping data as long as necessary",
        ),
        (
            Fact("retention", "30 days, 1 year", None, "removed", "duration"),
            "Retention period no longer stated (it was 30 days and 1 year)",
        ),
        (
            Fact("changes", "30 days", "7 days", "shorter", "duration"),
            "Notice period before policy changes take effect shortened from 30 days to 7 days",
        ),
        (Fact("children", None, "14", "added", "age"), "Children's age threshold set at 14"),
        (Fact("children", "16", None, "removed", "age"), "Children's age threshold of 16 no longer stated"),
        (
            Fact("security", None, "promptly", "added", "breach_notice"),
            "The policy now promises to tell you of a data breach promptly",
        ),
        (
            Fact("changes", None, "no notice", "added", "change_notice"),
            "Changes to the policy may now take effect without notice",
        ),
        (
            Fact("children", None, '"parental consent"', "added", "parental_consent"),
            "Parental consent is now required for children's data",
        ),
        (
            Fact("transfer", None, '"Binding Corporate Rules"', "added", "safeguard"),
            "Transfers abroad now rely on a stated safeguard: Binding Corporate Rules",
        ),
        (
            Fact("sharing", None, '"unless"', "added", "condition"),
            "Sharing of personal data is now limited: the policy now says “unless”",
        ),
        (
            Fact("purpose", None, "Team workspaces", "added", "excepted_item"),
            "A promise about use of personal data now also covers Team workspaces",
        ),
        (
            Fact("purpose", "Team workspaces", None, "removed", "excepted_item"),
            "A promise about use of personal data no longer covers Team workspaces",
        ),
        (Fact("sharing", "couriers", None, "removed", "item"), "Removed from the recipients: couriers"),
        (
            Fact("collection", None, "precise location", "negated", "data_type"),
            "The policy now rules out collecting precise location data",
        ),
        (
            Fact("purpose", "profiling", None, "affirmed", "purpose"),
            "The policy no longer rules out using personal data for profiling",
        ),
        (
            Fact("sharing", "health", None, "removed", "data_type"),
            "Sensitive data no longer said to be shared: health data",
        ),
        (Fact("sharing", None, "insurers", "added", "recipient"), "New recipient of personal data: insurers"),
        (
            Fact("purpose", "analytics", None, "removed", "purpose"),
            "Purpose for personal data no longer named: analytics",
        ),
        (
            Fact("security", None, "two-factor authentication", "added", "security_measure"),
            "New security measure: two-factor authentication",
        ),
        (Fact("rights", None, "portability", "added", "right"), "You now have the right to data portability"),
        (
            Fact("tracking", "reject cookies", None, "removed", "right"),
            "The right to reject cookies is no longer stated",
        ),
        (
            Fact("sharing", "do not sell", None, "affirmed", "polarity"),
            "The promise not to share personal data was dropped",
        ),
        (
            Fact("collection", "may collect", "do not collect", "negated", "polarity"),
            "Personal data will no longer be collected",
        ),
        (
            Fact("tracking", "", "via pixels", "changed", "wording"),
            "Wording about tracking technologies changed",
        ),
    ],
    ids=lambda v: f"{v.kind}-{v.direction}" if isinstance(v, Fact) else "",
)
def test_each_fact_reads_as_a_sentence_in_its_direction(fact: Fact, expected: str) -> None:
    assert describe(fact) == expected


def test_facts_of_one_kind_read_as_one_list_and_the_most_severe_comes_first() -> None:
    several = modified(
        "We may pass your details to our partners.",
        "We may pass your details to our partners, insurers and data brokers.",
    )
    assert several.explanation == "New recipients of personal data: data brokers and insurers"
    mixed = modified(
        "We protect accounts with two-factor authentication.",
        "We protect accounts with regular security audits.",
    )
    # losing a measure (high) reads before gaining one (medium)
    assert mixed.explanation == (
        "Security measure no longer named: two-factor authentication; new security measure: audits"
    )


LANGUAGE_EDITS = [
    ("Wir verkaufen Ihre Daten nicht.", "Wir können Ihre Daten verkaufen.", "de"),
    ("Nous ne vendons pas vos données.", "Nous pouvons vendre vos données.", "fr"),
    ("No vendemos sus datos.", "Podemos vender sus datos.", "es"),
    ("我们不会出售您的个人信息。", "我们可能出售您的个人信息。", "zh-Hans"),
    ("Wij verkopen uw gegevens niet.", "Wij kunnen uw gegevens verkopen.", "nl"),
]


@pytest.mark.parametrize(("old", "new", "language"), LANGUAGE_EDITS, ids=[e[2] for e in LANGUAGE_EDITS])
def test_the_sentence_is_english_whatever_the_policy_language(old: str, new: str, language: str) -> None:
    change = modified(old, new, language)
    assert change.explanation == "Personal data may now be sold"


def test_no_explanation_carries_arrows_quotes_or_a_lower_case_start() -> None:
    """Every change of the labelled fixture pairs reads as a sentence: capital first, no "->",
    no straight-quoted fragment."""
    from monitor.engine.pipeline import diff_files

    cases = Path(__file__).resolve().parent / "fixtures" / "cases"
    seen = 0
    for case in sorted(cases.iterdir()):
        result = diff_files(next(case.glob("old.*")), next(case.glob("new.*")))
        for change in result.changes:
            text = change.explanation
            seen += 1
            assert text[:1].isupper(), text
            assert "->" not in text and '"' not in text, text
    assert seen


def test_a_sentence_split_or_joined_reads_as_a_sentence(tmp_path: Path) -> None:
    """The quiet halves of a split sentence say so as a sentence too ("Sentence split; ...")."""
    from monitor.engine.pipeline import diff_files

    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text("Privacy\n\nWe keep your invoices for six years, and we delete them afterwards.\n")
    new.write_text("Privacy\n\nWe keep your invoices for six years. We delete them afterwards.\n")
    explanations = [c.explanation for c in diff_files(old, new).changes]
    assert explanations and all(not c.material for c in diff_files(old, new).changes)
    assert all(text[:1].isupper() for text in explanations), explanations


# --- alerts and reports: order and context --------------------------------------------------------


def _change(index: int, severity: str, material: bool = True, text: str = "x") -> Change:
    clause = Clause(index, text, section=("Terms",))
    return Change(
        "modified",
        clause,
        clause,
        categories=["sharing"] if material else ["contact"],
        material=material,
        severity=severity if material else "none",
        explanation=f"change {index}",
    )


def test_an_alert_lists_material_changes_first_most_severe_first() -> None:
    policy = PolicyConfig(id="shop", name="Shop", url="https://shop.example/privacy", alert=("hook",))
    route = RouteConfig(
        name="hook", type="webhook", options={"url": "http://127.0.0.1:9/h"}, include_non_material=True
    )
    wl = Watchlist(policies=(policy,), routes={"hook": route}, default_alert=())
    changes = [
        _change(1, "low"),
        _change(2, "none", material=False),
        _change(3, "high"),
        _change(4, "medium"),
    ]
    (alert,) = plan_change_alerts(policy, wl, seq=2, seen_at="2026-12-01T00:00:00Z", changes=changes)
    assert [c["explanation"] for c in alert.payload["changes"]] == [
        "change 3",
        "change 4",
        "change 1",
        "change 2",
    ]
    # a body whose changes come in document order still renders most severe first
    body = change_payload(
        policy, seq=2, seen_at="2026-12-01T00:00:00Z", changes=changes, include_non_material=True
    )
    body["changes"] = [c.to_dict() for c in changes]
    text = render_text(body)
    assert text.index("change 3") < text.index("change 4") < text.index("change 1") < text.index("change 2")


def _doc(*paragraphs: str) -> Document:
    return Document(
        tuple([Block("heading", "How long we keep data", 2)] + [Block("paragraph", p) for p in paragraphs])
    )


def test_the_clauses_around_a_change_travel_in_the_json_the_payload_and_the_mail() -> None:
    old = _doc(
        "We keep what you upload while your account is open. We store invoices for 2 years. "
        "After that we delete them."
    )
    new = _doc(
        "We keep what you upload while your account is open. We store invoices for 7 years. "
        "After that we delete them."
    )
    result = compare_documents(old, new)
    (change,) = [c for c in result.changes if c.material]
    assert change.context is not None
    assert change.context.before == "We keep what you upload while your account is open."
    assert change.context.after == "After that we delete them."
    as_json = result.to_dict()["changes"][0]
    assert as_json["context"] == {"before": change.context.before, "after": change.context.after}
    policy = PolicyConfig(id="shop", name="Shop", url="https://shop.example/privacy")
    body = change_payload(policy, seq=2, seen_at="2026-12-01T00:00:00Z", changes=result.changes)
    assert json.loads(json.dumps(body))["changes"][0]["context"]["after"] == "After that we delete them."
    text = render_text(body)
    assert "Preceded by: We keep what you upload while your account is open." in text
    assert "Followed by: After that we delete them." in text
    html = render_email_html(body)
    assert "Preceded by" in html and "After that we delete them." in html


def test_context_stays_in_the_section_and_skips_headings() -> None:
    clauses = [
        Clause(0, "Sharing", section=(), is_heading=True),
        Clause(1, "We share with couriers.", section=("Sharing",)),
        Clause(2, "Retention", section=(), is_heading=True),
        Clause(3, "We keep invoices for 7 years.", section=("Retention",)),
    ]
    around = context_of(clauses[1], clauses)
    assert (around.before, around.after) == (None, None)
    long = [Clause(0, "a" * 900, section=("S",)), Clause(1, "b", section=("S",))]
    cut = context_of(long[1], long)
    assert cut.before is not None and len(cut.before) == 600 and cut.before.endswith("…")
    assert context_of(long[1], long, limit=None).before == "a" * 900
