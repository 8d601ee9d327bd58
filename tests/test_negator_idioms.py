"""An idiom built on a negator ("it goes without saying", "il va sans dire", "without doubt",
"sin duda") negates no practice: adding or dropping it is a re-wording."""

from __future__ import annotations

import pytest
from engine_checks import assert_quiet, modified

IDIOMS = [
    (
        "It goes without saying that we need your address to deliver the parcel.",
        "We need your address to deliver the parcel.",
        "en",
    ),
    (
        "Il va sans dire que nous avons besoin de votre adresse pour livrer le colis.",
        "Nous avons besoin de votre adresse pour livrer le colis.",
        "fr",
    ),
    (
        "Sin duda, necesitamos su dirección para entregar el paquete.",
        "Necesitamos su dirección para entregar el paquete.",
        "es",
    ),
    (
        "Ohne Zweifel benötigen wir Ihre Adresse, um das Paket zu liefern.",
        "Wir benötigen Ihre Adresse, um das Paket zu liefern.",
        "de",
    ),
    (
        "Det siger sig selv, at vi skal bruge din adresse for at levere pakken.",
        "Vi skal bruge din adresse for at levere pakken.",
        "da",
    ),
    (
        "Het spreekt voor zich dat wij uw adres nodig hebben om het pakket te bezorgen.",
        "Wij hebben uw adres nodig om het pakket te bezorgen.",
        "nl",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), IDIOMS)
def test_a_negator_idiom_dropped_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))
