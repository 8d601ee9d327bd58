"""Spanish verbs whose stem changes when stressed: transferir -> "se transfieren", mantener ->
"mantienen", obtener -> "se obtienen". The passive with "se" is how Spanish policies most often
say where data goes or comes from, so the lexicon's stems must match both forms."""

from __future__ import annotations

from engine_checks import assert_alert, modified


def test_a_destination_added_after_se_transfieren() -> None:
    change = modified(
        "Sus fotos se transfieren a servidores en Canadá.",
        "Sus fotos se transfieren a servidores en Canadá y Brasil.",
        "es",
    )
    assert_alert(change, "transfer", "high")
    assert "Brazil" in change.explanation, change.explanation


def test_a_period_after_mantienen_is_retention() -> None:
    change = modified(
        "Las empresas del grupo mantienen estos datos durante un año.",
        "Las empresas del grupo mantienen estos datos durante tres años.",
        "es",
    )
    assert_alert(change, "retention", "high")


def test_a_source_added_after_se_obtienen_is_collection() -> None:
    change = modified(
        "Los datos de facturación se obtienen de su banco.",
        "Los datos de facturación se obtienen de su banco y de agencias de crédito.",
        "es",
    )
    assert_alert(change, "collection")
