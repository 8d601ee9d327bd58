""" "Every page is served over HTTPS" names a transport-encryption measure by itself: the
sentence (or list item) dropped no longer promises it, in every language; a link "https://..."
names no measure."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

DROPPED = [
    ("Every page of the shop is served over HTTPS.", "en"),
    ("Jede Seite des Shops wird über HTTPS ausgeliefert.", "de"),
    ("Chaque page de la boutique est servie en HTTPS.", "fr"),
    ("Todas las páginas de la tienda se sirven mediante HTTPS.", "es"),
    ("Alle sider i butikken leveres via HTTPS.", "da"),
    ("Alla sidor i butiken levereras via HTTPS.", "sv"),
    ("Alle sider i butikken leveres over HTTPS.", "no"),
    ("Alle pagina's van de winkel worden via HTTPS geleverd.", "nl"),
]


@pytest.mark.parametrize(("text", "language"), DROPPED)
def test_https_dropped_is_a_security_change(text: str, language: str) -> None:
    assert_alert(single("removed", text, language=language), "security")


def test_a_link_address_changed_stays_quiet() -> None:
    assert_quiet(
        modified(
            "Our shop terms: https://shop.example/terms.", "Our shop terms: https://shop.example/legal/terms."
        )
    )
