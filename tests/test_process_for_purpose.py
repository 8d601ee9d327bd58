""" "We process your data to/for X" names what the data is for, as "we use your data for X" does:
a new sentence of that form is a new purpose in every language (English already read it so)."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, single

ADDED = [
    ("Außerdem verarbeiten wir Ihre Daten, um Ihnen unseren Newsletter zu schicken.", "de"),
    ("Nous traitons également vos données pour vous adresser notre newsletter.", "fr"),
    ("También tratamos sus datos para remitirle nuestros boletines.", "es"),
    ("Vi behandler også dine oplysninger for at sende dig vores nyhedsbrev.", "da"),
    ("Vi behandlar också dina personuppgifter för att skicka vårt nyhetsbrev till dig.", "sv"),
    ("Wij verwerken uw gegevens ook om u onze nieuwsbrief te sturen.", "nl"),
    ("Vi behandler også personopplysningene dine for å sende deg vårt nyhetsbrev.", "no"),
    ("We also process your data to send you our newsletter.", "en"),
]


@pytest.mark.parametrize(("text", "language"), ADDED)
def test_a_new_we_process_your_data_for_sentence_is_a_purpose(text: str, language: str) -> None:
    assert_alert(single("added", text, language=language), "purpose")
