""" "We keep your address until you withdraw your consent / cancel your subscription": a period
the user ends, said with the words for "until" each language has ("til"/"inntil", "tills"/"till
dess att", "直至"/"直到"). The clause no longer saying so is a retention change; one word for
"until" put for another stays quiet."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.facts import extract_facts

UNTIL_YOU_END_IT = [
    ("We hold your postal address until you cancel your membership.", "We hold your postal address.", "en"),
    (
        "Ihre Postanschrift bewahren wir auf, bis Sie Ihre Einwilligung widerrufen.",
        "Ihre Postanschrift bewahren wir auf.",
        "de",
    ),
    (
        "Nous gardons votre adresse postale jusqu'au retrait de votre consentement.",
        "Nous gardons votre adresse postale.",
        "fr",
    ),
    (
        "Guardamos su dirección postal hasta que retire su consentimiento.",
        "Guardamos su dirección postal.",
        "es",
    ),
    (
        "Vi opbevarer din postadresse, indtil du opsiger dit medlemskab.",
        "Vi opbevarer din postadresse.",
        "da",
    ),
    ("Vi sparar din postadress tills du säger upp ditt medlemskap.", "Vi sparar din postadress.", "sv"),
    (
        "Vi oppbevarer postadressen din inntil du sier opp medlemskapet.",
        "Vi oppbevarer postadressen din.",
        "no",
    ),
    (
        "Wij bewaren uw postadres totdat u uw toestemming intrekt.",
        "Wij bewaren uw postadres.",
        "nl",
    ),
    ("Vašu poštansku adresu čuvamo dok ne povučete svoju privolu.", "Vašu poštansku adresu čuvamo.", "hr"),
    (
        "Vaš poštni naslov hranimo, dokler ne prekličete svoje privolitve.",
        "Vaš poštni naslov hranimo.",
        "sl",
    ),
    ("我们会保存您的邮寄地址，直到您撤回同意。", "我们会保存您的邮寄地址。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), UNTIL_YOU_END_IT)
def test_period_the_user_ends_is_a_retention_state(old: str, new: str, language: str) -> None:
    assert "until_deletion" in extract_facts(old, language).retention_states


@pytest.mark.parametrize(("old", "new", "language"), UNTIL_YOU_END_IT)
def test_period_the_user_ends_no_longer_said_is_retention(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language=language), "retention")


UNTIL_WORD_SWAPPED = [
    (
        "Vi oppbevarer postadressen din til du sier opp medlemskapet.",
        "Vi oppbevarer postadressen din inntil du sier opp medlemskapet.",
        "no",
    ),
    (
        "Vi opbevarer din postadresse, til du opsiger dit medlemskab.",
        "Vi opbevarer din postadresse, indtil du opsiger dit medlemskab.",
        "da",
    ),
    (
        "Vi sparar din postadress tills du säger upp ditt medlemskap.",
        "Vi sparar din postadress till dess att du säger upp ditt medlemskap.",
        "sv",
    ),
    ("我们会保存您的邮寄地址，直至您撤回同意。", "我们会保存您的邮寄地址，直到您撤回同意。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), UNTIL_WORD_SWAPPED)
def test_one_word_for_until_put_for_another_stays_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language=language))


SENT_UNTIL_YOU_WITHDRAW = [
    ("We will keep sending you text messages until you withdraw your consent.", "en"),
    ("Wir senden Ihnen den Newsletter, bis Sie Ihre Einwilligung widerrufen.", "de"),
]


@pytest.mark.parametrize(("text", "language"), SENT_UNTIL_YOU_WITHDRAW)
def test_messages_sent_until_consent_is_withdrawn_keep_nothing(text: str, language: str) -> None:
    assert "until_deletion" not in extract_facts(text, language).retention_states
