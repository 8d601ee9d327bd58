"""Legal doublets for keeping data ("store and retain", "conservons et archivons"): one verb of
keeping said once more or once less, with nothing else changed, states no new term. A word of
sharing or collection said once more is not a doublet: it may name a new recipient."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We hold and store your invoices for as long as the contract runs.",
            "We keep your invoices for as long as the contract runs.",
        ),
        (
            "en",
            "We keep your chat history while your profile exists.",
            "We keep and archive your chat history while your profile exists.",
        ),
        (
            "de",
            "Wir speichern Ihre Rechnungen, solange der Vertrag läuft.",
            "Wir speichern und bewahren Ihre Rechnungen auf, solange der Vertrag läuft.",
        ),
        (
            "fr",
            "Nous conservons et archivons vos factures tant que le contrat est en cours.",
            "Nous conservons vos factures tant que le contrat est en cours.",
        ),
        (
            "es",
            "Conservamos sus facturas mientras el contrato esté vigente.",
            "Conservamos y almacenamos sus facturas mientras el contrato esté vigente.",
        ),
    ],
)
def test_one_more_verb_of_keeping_is_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_a_new_condition_beside_the_verbs_still_counts() -> None:
    change = modified(
        "We keep your invoices until you delete your profile.",
        "We keep your invoices until you close your profile.",
    )
    assert change.material, change


def test_a_sharing_verb_added_is_no_doublet() -> None:
    assert_alert(modified("We keep your invoices.", "We keep and sell your invoices."), "sharing", "high")


def test_a_way_of_ending_the_data_dropped_is_no_doublet() -> None:
    change = modified(
        "When you leave, we erase or anonymise your invoices within a month.",
        "When you leave, we anonymise your invoices within a month.",
    )
    assert change.material, change
