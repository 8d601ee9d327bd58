"""How changes to the policy are announced: told to the user directly (an e-mail, a message in the
app) or only posted on the page the user must come back to. The same promise to tell, made by a
weaker channel, is a material change of how changes are announced, in every language."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.facts import extract_facts

DIRECT_TO_POSTED = [
    (
        "en",
        "If we change this policy, we will tell you about it by e-mail.",
        "If we change this policy, we will tell you about it by publishing it on our website.",
    ),
    (
        "de",
        "Über Änderungen dieser Datenschutzerklärung informieren wir Sie per E-Mail.",
        "Über Änderungen dieser Datenschutzerklärung informieren wir Sie, indem wir sie auf unserer Website "
        "veröffentlichen.",
    ),
    (
        "fr",
        "Nous vous informerons de toute modification de la présente politique par courriel.",
        "Nous vous informerons de toute modification de la présente politique en la publiant sur notre site.",
    ),
    (
        "es",
        "Le informaremos de cualquier modificación de esta política por correo electrónico.",
        "Le informaremos de cualquier modificación de esta política publicándola en nuestro sitio web.",
    ),
    (
        "da",
        "Ved væsentlige ændringer informerer vi dig via e-mail.",
        "Ved væsentlige ændringer informerer vi dig ved at offentliggøre dem på vores hjemmeside.",
    ),
    (
        "sv",
        "Vid väsentliga ändringar kommer vi att meddela dig via e-post.",
        "Vid väsentliga ändringar kommer vi att meddela dig genom att publicera dem på vår webbplats.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), DIRECT_TO_POSTED, ids=[c[0] for c in DIRECT_TO_POSTED])
def test_changes_no_longer_told_directly_but_only_posted(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "changes", "high")
    assert "no longer be announced to you directly" in change.explanation


def test_a_direct_notice_added_to_posting_is_a_change_for_the_better() -> None:
    change = modified(
        "Any revision of this notice will be posted on this page.",
        "Any revision of this notice will be posted on this page and sent to you by e-mail.",
    )
    assert_alert(change, "changes", "medium")


def test_one_direct_channel_for_another_is_no_change() -> None:
    assert_quiet(
        modified(
            "We will notify you of changes to this policy by e-mail.",
            "We will notify you of changes to this policy by a message in the app.",
        )
    )


def test_an_e_mail_about_something_else_is_no_announcement_of_changes() -> None:
    facts = extract_facts("We e-mail you a receipt after every purchase.", "en")
    assert not facts.change_channels
