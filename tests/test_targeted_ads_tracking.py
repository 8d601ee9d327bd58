"""Advertising aimed by what is known of the user (interest-based, targeted, personalised, an
advertising ID) is a tracking term in every language: a choice about it removed reports
tracking. And a negator taken out whose letters happen to repeat nearby ("tonen geen
gepersonaliseerde" -> "tonen gepersonaliseerde": "en ge" twice) is no repeated word removed."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified, removed

CHOICES = [
    ("en", "You may switch off interest-based ads in the app's privacy menu."),
    ("de", "Interessenbasierte Werbung können Sie im Datenschutzmenü der App abschalten."),
    ("fr", "Vous pouvez désactiver la publicité ciblée dans le menu confidentialité de l'application."),
    ("es", "Puede desactivar la publicidad basada en intereses en el menú de privacidad de la aplicación."),
    ("da", "Du kan slå målrettede annoncer fra i appens privatlivsmenu."),
    ("sv", "Du kan stänga av riktad reklam i appens integritetsmeny."),
    ("no", "Du kan slå av målrettet reklame i appens personvernmeny."),
    ("nl", "U kunt gepersonaliseerde advertenties uitschakelen in het privacymenu van de app."),
    ("zh", "您可以在应用的隐私设置中关闭个性化广告。"),
]


@pytest.mark.parametrize(("language", "sentence"), CHOICES)
def test_a_choice_about_targeted_ads_is_a_tracking_term(language: str, sentence: str) -> None:
    assert_alert(removed(sentence, language), "tracking")


def test_a_dropped_negator_is_not_a_repeat_of_nearby_letters() -> None:
    change = modified(
        "Wij tonen geen gepersonaliseerde advertenties.", "Wij tonen gepersonaliseerde advertenties.", "nl"
    )
    assert_alert(change, "tracking", "high")
