""" "Aucune communication de vos données à des partenaires": the French noun names data handed
to someone as the verb "communiquées" does; "nos communications" (messages we send) does not."""

from __future__ import annotations

from monitor.engine.facts import extract_facts


def test_the_noun_before_a_recipient_is_sharing_and_its_negation_is_read() -> None:
    facts = extract_facts("Aucune communication de vos coordonnées à des annonceurs n'est faite.", "fr")
    assert [(p.action, p.state) for p in facts.polarity] == [("share", "negated")]


def test_the_noun_affirmed_before_a_recipient_is_sharing() -> None:
    facts = extract_facts("La communication de vos coordonnées à des partenaires se fait sur accord.", "fr")
    assert "sharing" in facts.categories


def test_messages_we_send_are_no_sharing() -> None:
    facts = extract_facts("Nous vous envoyons nos communications à votre demande.", "fr")
    assert not facts.polarity
