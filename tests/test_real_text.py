"""Patterns seen on real policy text (issue 10), each stated in new sentences, in several languages.

A fact comes from what a clause states: link targets, URLs, e-mail addresses and company names
state nothing. A dropped qualifier that narrowed a promise ("end-to-end") is material.
"""

from __future__ import annotations

import pytest

from monitor.engine.classify import classify
from monitor.engine.facts import extract_facts
from monitor.models import Change, Clause


def modified(old: str, new: str, language: str = "en") -> Change:
    (change,) = classify(
        [Change("modified", Clause(3, old, language=language), Clause(3, new, language=language))]
    )
    return change


def assert_alert(change: Change, category: str, severity: str | None = None) -> None:
    assert change.material, change
    assert category in change.categories, change
    if severity:
        assert change.severity == severity, change


def assert_quiet(change: Change) -> None:
    assert not change.material, change
    assert change.severity == "none"


# --- names, links and URLs state nothing ---------------------------------------------------------

LINK_SWAPS = {
    "en": "To object to profiling, write to our privacy team at {}.",
    "de": "Um der Profilbildung zu widersprechen, schreiben Sie an unser Datenschutzteam unter {}.",
    "fr": "Pour vous opposer au profilage, écrivez à notre équipe vie privée à {}.",
    "es": "Para oponerse a la elaboración de perfiles, escriba a nuestro equipo de privacidad en {}.",
}


@pytest.mark.parametrize("lang", sorted(LINK_SWAPS))
def test_an_obfuscated_email_link_replaced_by_the_plain_address_is_a_contact_change(lang: str) -> None:
    template = LINK_SWAPS[lang]
    old = template.format("[\\[email protected\\]](https://www.example.org/cdn-cgi/l/email-protection)")
    new = template.format("privacy-team@example.org")
    change = modified(old, new, lang)
    assert_quiet(change)
    assert "security" not in change.categories  # "https" in a link target is no encryption


def test_https_in_a_url_is_not_an_encryption_measure() -> None:
    facts = extract_facts("Read our settings page at https://help.example.net/settings for details.", "en")
    assert not facts.security_measures
    assert extract_facts("All traffic to our app is protected with HTTPS.", "en").security_measures


def test_a_link_label_naming_a_country_is_no_transfer_destination() -> None:
    old = "We store account data on servers in the EU; see [our office in Japan](https://example.jp/about)."
    new = "We store account data on servers in the EU; see [our office in Brazil](https://example.br/about)."
    assert_quiet(modified(old, new))


@pytest.mark.parametrize(
    "text,lang",
    [
        ("We share booking data with Bluefin Partners LLC, our payment processor.", "en"),
        ("Wir geben Buchungsdaten an die Seeblick Partner GmbH weiter.", "de"),
    ],
)
def test_a_company_name_holding_a_recipient_word_names_no_recipient(text: str, lang: str) -> None:
    assert "partners" not in extract_facts(text, lang).recipients


# --- a dropped qualifier of a security promise ----------------------------------------------------

END_TO_END = {
    "en": ("Voice notes between members are end-to-end encrypted.", "Voice notes between members are encrypted."),
    "de": ("Sprachnachrichten werden Ende-zu-Ende-verschlüsselt.", "Sprachnachrichten werden verschlüsselt."),
    "fr": ("Les notes vocales sont chiffrées de bout en bout.", "Les notes vocales sont chiffrées."),
    "es": ("Las notas de voz se cifran de extremo a extremo.", "Las notas de voz se cifran."),
    "da": ("Talebeskeder er krypteret ende-til-ende.", "Talebeskeder er krypteret."),
    "sv": ("Röstmeddelanden är krypterade end-to-end.", "Röstmeddelanden är krypterade."),
    "no": ("Talemeldinger er kryptert ende-til-ende.", "Talemeldinger er kryptert."),
    "zh": ("语音消息采用端到端加密。", "语音消息采用加密。"),
}


@pytest.mark.parametrize("lang", sorted(END_TO_END))
def test_dropping_end_to_end_from_an_encryption_promise_is_high(lang: str) -> None:
    old, new = END_TO_END[lang]
    change = modified(old, new, lang)
    assert_alert(change, "security", "high")
    assert "end-to-end" in change.explanation
    assert_alert(modified(new, old, lang), "security")  # and the promise added is news too
