"""One realistic edit of a policy sentence (sixth review round): the patterns the engine still
missed (or raised false alerts on) in real policy text, each stated in new sentences of its own.

A promise to collect as little data as needed is a collection term in every language.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

# --- data minimisation: "as little data as possible" is a promise about collection ---------------

MINIMISATION_DROPPED = [
    (
        "We ask for as little information as we can when you sign up.",
        "We ask for whatever information we like when you sign up.",
        "en",
    ),
    (
        "Für die Anmeldung erheben wir so wenige Angaben, wie unbedingt nötig.",
        "Für die Anmeldung erheben wir alle Angaben, die wir bekommen können.",
        "de",
    ),
    (
        "Nous recueillons le minimum de données nécessaire à la création du compte.",
        "Nous recueillons les données utiles à la création du compte.",
        "fr",
    ),
    (
        "Solo pedimos lo mínimo necesario para enviarte el pedido.",
        "Pedimos los datos que consideramos útiles para enviarte el pedido.",
        "es",
    ),
    (
        "Vi indsamler så få oplysninger som muligt om dig.",
        "Vi indsamler så mange oplysninger som muligt om dig.",
        "da",
    ),
    ("Appen samlar in så lite data som möjligt.", "Appen samlar in så mycket data som möjligt.", "sv"),
    (
        "We verzamelen zo min mogelijk gegevens over je.",
        "We verzamelen zo veel mogelijk gegevens over je.",
        "nl",
    ),
    (
        "Vi samler inn så lite opplysninger som mulig om deg.",
        "Vi samler inn så mye opplysninger som mulig om deg.",
        "no",
    ),
    ("Prikupljamo što manje podataka o vama.", "Prikupljamo sve podatke o vama.", "hr"),
    ("Zbiramo čim manj podatkov o vas.", "Zbiramo vse podatke o vas.", "sl"),
    ("我们只收集提供服务所需的最少必要信息。", "我们收集提供服务所需的信息。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), MINIMISATION_DROPPED)
def test_a_dropped_minimisation_promise_is_a_collection_change(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "collection", "high")


def test_an_added_minimisation_promise_is_told_too() -> None:
    assert_alert(
        modified(
            "Appen samlar in så mycket data som möjligt.", "Appen samlar in så lite data som möjligt.", "sv"
        ),
        "collection",
    )


MINIMISATION_REWORDED = [
    ("We collect as little data as possible.", "We collect only the minimum data needed.", "en"),
    (
        "Für die Anmeldung erheben wir so wenige Angaben wie möglich.",
        "Für die Anmeldung erheben wir möglichst wenige Angaben.",
        "de",
    ),
    (
        "Vi indsamler så få oplysninger som muligt om dig.",
        "Vi indsamler mindst mulige oplysninger om dig.",
        "da",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), MINIMISATION_REWORDED)
def test_the_minimisation_promise_in_other_words_is_quiet(old: str, new: str, language: str) -> None:
    # the "only" of "only the minimum data" is the promise's own word, not a new limit
    assert_quiet(modified(old, new, language))
