"""Two ways policies state terms without the usual words. A right said as what the user may ask
of the service ("you can ask that we erase your profile", "Sie können verlangen, dass wir ...
löschen") is the right itself, in every language: dropping it drops the right. And recording
(calls, meetings) is collecting: a condition dropped from "we record ..." is about collection."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified, removed

ASK_THAT_WE_DELETE = [
    ("en", "Residents of some states may request that we erase the profile we hold about them."),
    ("de", "Sie können jederzeit verlangen, dass wir Ihr Kundenprofil löschen."),
    ("fr", "Vous pouvez à tout moment demander que nous supprimions votre profil client."),
    ("es", "Puede solicitar en cualquier momento que eliminemos su perfil de cliente."),
    ("da", "Du kan til enhver tid anmode om, at vi sletter din kundeprofil."),
    ("sv", "Du kan när som helst begära att vi raderar din kundprofil."),
    ("no", "Du kan når som helst be om at vi sletter kundeprofilen din."),
    ("sl", "Kadar koli lahko zahtevate, da izbrišemo vaš profil stranke."),
]


@pytest.mark.parametrize(("language", "sentence"), ASK_THAT_WE_DELETE)
def test_a_right_said_as_a_request_to_the_service_is_a_right(language: str, sentence: str) -> None:
    change = removed(sentence, language)
    assert_alert(change, "rights")
    assert "deleted" in change.explanation, change.explanation


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("en", "With the host's permission, we record webinar sessions.", "We record webinar sessions."),
        (
            "de",
            "Mit Ihrer Zustimmung zeichnen wir Gespräche auf.",
            "Wir zeichnen Gespräche auf.",
        ),
        ("es", "Con su consentimiento grabamos las videollamadas.", "Grabamos las videollamadas."),
    ],
)
def test_recording_is_collecting(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection", "high")
