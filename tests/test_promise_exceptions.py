"""A promise with exceptions ("we share your data with no one except A and B"): what its
exceptions name is permitted, not ruled out. An exception added widens what may be done with
the data (high); one taken away narrows it (still material: the recipients changed). Each
pattern in new sentences, in several languages."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

from monitor.engine.facts import extract_facts


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We will not pass your order details to anyone apart from the courier and the payment bank.",
            "We will not pass your order details to anyone apart from the courier, the payment bank"
            " and the warranty insurer.",
        ),
        (
            "de",
            "Wir übermitteln Ihre Bestelldaten an niemanden, außer an den Paketdienst und die Bank.",
            "Wir übermitteln Ihre Bestelldaten an niemanden, außer an den Paketdienst, die Bank"
            " und unsere Anzeigenpartner.",
        ),
        (
            "fr",
            "Nous ne transmettons vos données de commande à personne, hormis le transporteur et la banque.",
            "Nous ne transmettons vos données de commande à personne, hormis le transporteur, la banque"
            " et nos annonceurs.",
        ),
        (
            "da",
            "Vi videregiver ikke dine ordreoplysninger til andre end fragtfirmaet og banken.",
            "Vi videregiver ikke dine ordreoplysninger til andre end fragtfirmaet, banken"
            " og vores markedsføringspartnere.",
        ),
    ],
)
def test_an_exception_added_to_a_promise_widens_it_and_ranks_high(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing", "high")


def test_an_exception_taken_from_a_promise_is_material_but_not_high() -> None:
    change = modified(
        "We do not disclose your address to anybody other than the courier and our auditors.",
        "We do not disclose your address to anybody other than the courier.",
    )
    assert_alert(change, "sharing", "medium")
    assert "exception" in change.explanation.lower() or "no longer named" in change.explanation.lower()


def test_what_a_promises_exceptions_name_is_stated_and_what_precedes_them_is_ruled_out() -> None:
    facts = extract_facts(
        "We never sell your data to data brokers, except to our advertisers when you opt in.", "en"
    )
    assert "advertisers" in facts.recipients
    assert ("recipient", "data brokers") in facts.ruled_out
    assert ("recipient", "advertisers") not in facts.ruled_out
    swedish = extract_facts("Vi säljer aldrig dina uppgifter till någon förutom våra annonsörer.", "sv")
    assert "advertisers" in swedish.recipients and not swedish.ruled_out


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("da", "Vi deler dine oplysninger med vores annoncepartnere."),
        ("no", "Vi deler opplysningene dine med våre annonsepartnere."),
        ("de", "Wir geben Ihre Daten an unsere Marketingpartner weiter."),
    ],
)
def test_advertising_partners_written_as_one_compound_word_are_advertisers(language: str, text: str) -> None:
    assert "advertisers" in extract_facts(text, language).recipients


@pytest.mark.parametrize(
    ("language", "text", "recipient"),
    [
        ("de", "Wir übermitteln Ihre Zahlungsdaten an unseren Zahlungsdienstleister.", "service providers"),
        ("de", "Ihre Adresse geben wir an unsere Vertriebspartner weiter.", "partners"),
        ("da", "Vi videregiver dine kortoplysninger til vores betalingsleverandør.", "service providers"),
        ("sv", "Vi delar dina uppgifter med våra logistikpartner.", "partners"),
        ("nl", "Wij delen uw gegevens met onze betaaldienstverlener.", "service providers"),
    ],
)
def test_recipients_written_as_compound_words_are_recognised(
    language: str, text: str, recipient: str
) -> None:
    assert recipient in extract_facts(text, language).recipients
