"""Patterns seen on real consecutive versions of real documents (the engine issue), each stated
in new sentences of our own.

False alerts: a contract breach read as a security breach, "collections" or "collectively" read
as data collection, "a healthy web" as health data, a web address read as list items, a
copyright footer or a postal address read as a statement, a heading that only names a kind of
party ("Third-party content") lending "sharing" to the sentences below it, a recipient "ruled
out" by a sentence that sends no data anywhere, "including, without limitation," read as a
negation. Missed changes: "cannot", "can't", "isn't" were not read as negations in English.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_quiet, modified, single

from monitor.engine.facts import extract_facts
from monitor.models import Change

# --- missed: the fused and contracted negations of English -----------------------------------


@pytest.mark.parametrize("negated", ["cannot", "can’t", "can't"])
def test_a_permission_turned_into_cannot_is_material(negated: str) -> None:
    old = "Advertising partners can receive your precise location when you use the map."
    new = f"Advertising partners {negated} receive your precise location when you use the map."
    change = modified(old, new)
    assert change.material, change
    assert back_to_can(new, old).material  # and the other way: the ban lifted


def back_to_can(old: str, new: str) -> Change:
    return modified(old, new)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Your location is not shared with advertising partners.",
            "Your location isn’t shared with advertising partners.",
        ),
        ("We do not sell the photos you upload.", "We cannot sell the photos you upload."),
        ("Members did not receive your contact list.", "Members didn't receive your contact list."),
    ],
)
def test_a_negation_written_in_another_form_is_quiet(old: str, new: str) -> None:
    assert_quiet(modified(old, new))


# --- "including, without limitation," negates nothing ----------------------------------------

WITHOUT_LIMITATION = {
    "en": (
        "We may share usage data with our partners, including, without limitation, analytics vendors.",
        "We may share usage data with our partners, including analytics vendors.",
    ),
    "fr": (
        "Nous pouvons partager des données d'usage avec nos partenaires, y compris, sans limitation, "
        "des prestataires d'analyse.",
        "Nous pouvons partager des données d'usage avec nos partenaires, "
        "y compris des prestataires d'analyse.",
    ),
    "de": (
        "Wir können Nutzungsdaten an unsere Partner weitergeben, einschließlich, ohne Einschränkung, "
        "Analyseanbieter.",
        "Wir können Nutzungsdaten an unsere Partner weitergeben, einschließlich Analyseanbieter.",
    ),
    "es": (
        "Podemos compartir datos de uso con nuestros socios, incluidos, sin limitación, "
        "proveedores de análisis.",
        "Podemos compartir datos de uso con nuestros socios, incluidos proveedores de análisis.",
    ),
}


@pytest.mark.parametrize("lang", sorted(WITHOUT_LIMITATION))
def test_without_limitation_dropped_from_a_list_is_quiet(lang: str) -> None:
    old, new = WITHOUT_LIMITATION[lang]
    assert_quiet(modified(old, new, lang))


# --- words that only look like policy terms --------------------------------------------------


def test_a_contract_breach_is_no_security_breach() -> None:
    for text in (
        "We may close your account if you repeatedly breach these Terms.",
        "Either party may end the contract when the other is in breach of this Agreement.",
    ):
        assert "security" not in extract_facts(text, "en").categories, text
        assert_quiet(single("added", text))
    breach = extract_facts("We will tell you about a breach of your data within 72 hours.", "en")
    assert "security" in breach.categories
    assert any(d.category == "security" for d in breach.durations)


def test_collections_and_collectively_are_not_data_collection() -> None:
    for text in (
        "Keep your favourite recipes in collections and share nothing you do not want to.",
        "These apps and sites (collectively, the Services) are run by one company.",
    ):
        assert "collection" not in extract_facts(text, "en").categories, text
    assert "collection" in extract_facts("We collect the collection of songs you play.", "en").categories


def test_a_healthy_web_is_no_health_data() -> None:
    facts = extract_facts("Donations help us keep the web healthy and open for everyone.", "en")
    assert "health" not in facts.data_types
    assert "health" in extract_facts("We process health data you enter in the app.", "en").data_types


def test_a_web_address_replacing_an_email_address_adds_no_list_item() -> None:
    old = "For a copy of the standard contractual clauses, please write to legal@example.net."
    new = (
        "For a copy of the standard contractual clauses, write to us at: https://example.net/legal/transfers."
    )
    assert_quiet(modified(old, new))


def test_a_copyright_footer_states_no_term() -> None:
    for text in (
        "© 2025 Northwind Security.",
        "Copyright © 2024 Privacy Shield Apps Ltd. All rights reserved.",
    ):
        assert_quiet(single("added", text))
        assert_quiet(single("removed", text))


def test_a_postal_address_or_a_representative_line_is_contact_not_the_section_topic() -> None:
    section = ("Cookie Notice", "How to reach us")
    for text in (
        "Example Media, Inc. Attn: Privacy Desk 1200 Harbor Road, Suite 5, Portland, OR 97201, USA",
        "Example Media SAS, 14 rue des Lilas, 69003 Lyon, France",
        "If you live in the EU you may also write to our EU Representative:",
    ):
        assert_quiet(single("added", text, section))
    # a sentence with no term of its own still takes its section's topic
    assert single(
        "added", "We set them when you first open a page and read them on later visits.", section
    ).material


# --- a heading or a sentence that names a party but sends no data anywhere --------------------


def test_a_heading_that_only_names_a_kind_of_party_lends_no_category() -> None:
    text = "The operator of the linked service may limit how its users can interact with ours."
    assert_quiet(single("added", text, ("Terms", "Third-Party Content and Services")))
    shared = single("added", text, ("Privacy Notice", "How we share your information", "Partners"))
    assert shared.material and "sharing" in shared.categories, shared


@pytest.mark.parametrize(
    "text",
    [
        "If the driver or the service provider can't reach you, the booking may be cancelled.",
        "Our partners are not responsible for delays caused by the weather.",
    ],
)
def test_a_party_named_in_a_negated_sentence_without_a_data_flow_is_not_ruled_out(text: str) -> None:
    facts = extract_facts(text, "en")
    assert not {k for k, _ in facts.ruled_out} & {"recipient"}, facts.ruled_out
    assert_quiet(single("removed", text))
    # with a flow of data, the promise is still one
    promise = "We never share your browsing history with service providers."
    assert single("removed", promise).material


def test_a_purpose_word_in_a_users_duty_is_not_a_purpose_ruled_out() -> None:
    text = "As an agency, you cannot use a credit line granted to one client to advertise for another."
    facts = extract_facts(text, "en")
    assert not any(kind == "purpose" for kind, _ in facts.ruled_out), facts.ruled_out
    assert_quiet(single("added", text))
