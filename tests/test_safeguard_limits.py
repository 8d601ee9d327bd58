"""A ban on transfers with safeguards as its exception ("we never move it abroad without
suitable safeguards") permits what "only with suitable safeguards" permits: said either way,
in any language, no term changed. Dropping the safeguard from either form still alerts."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

# (language, a ban whose exception is the safeguard, the same permission with "only")
SAID_BOTH_WAYS = [
    (
        "en",
        "Customer records are never sent to a country outside the EEA without standard contractual clauses.",
        "Customer records are sent to a country outside the EEA only under standard contractual clauses.",
    ),
    (
        "de",
        "Kundendaten werden nicht ohne Standardvertragsklauseln in ein Land außerhalb des EWR übermittelt.",
        "Kundendaten werden nur mit Standardvertragsklauseln in ein Land außerhalb des EWR übermittelt.",
    ),
    (
        "fr",
        "Les dossiers clients ne sont jamais transférés hors UE sans clauses contractuelles types.",
        "Les dossiers clients sont transférés hors UE uniquement avec des clauses contractuelles types.",
    ),
    (
        "es",
        "Nunca transferimos los expedientes de clientes fuera del EEE sin cláusulas contractuales tipo.",
        "Solo transferimos los expedientes de clientes fuera del EEE con cláusulas contractuales tipo.",
    ),
    (
        "da",
        "Vi overfører aldrig kundeoplysninger til lande uden for EØS uden passende garantier.",
        "Vi overfører kun kundeoplysninger til lande uden for EØS med passende garantier.",
    ),
    (
        "sv",
        "Vi överför aldrig kunduppgifter till länder utanför EES utan lämpliga skyddsåtgärder.",
        "Vi överför endast kunduppgifter till länder utanför EES med lämpliga skyddsåtgärder.",
    ),
    (
        "nl",
        "Wij sturen klantgegevens nooit naar landen buiten de EER zonder passende waarborgen.",
        "Wij sturen klantgegevens alleen naar landen buiten de EER met passende waarborgen.",
    ),
]


@pytest.mark.parametrize(("language", "ban", "only"), SAID_BOTH_WAYS)
def test_a_safeguard_exception_said_as_only_is_quiet(language: str, ban: str, only: str) -> None:
    assert_quiet(modified(ban, only, language))
    assert_quiet(modified(only, ban, language))


@pytest.mark.parametrize(
    ("language", "ban", "bare"),
    [
        (
            "en",
            "Customer records are never sent outside the EEA without standard contractual clauses.",
            "Customer records are sent outside the EEA.",
        ),
        (
            "de",
            "Kundendaten werden nicht ohne Standardvertragsklauseln in die USA übermittelt.",
            "Kundendaten werden in die USA übermittelt.",
        ),
    ],
)
def test_the_safeguard_dropped_from_the_ban_alerts(language: str, ban: str, bare: str) -> None:
    assert_alert(modified(ban, bare, language), "transfer", "high")
