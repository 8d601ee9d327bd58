"""French health-data policies promise a host certified or approved for health data ("hébergeur
certifié HDS", "hébergeur agréé"): a security certification the host holds, so dropping it alerts
as a safeguard dropped; the same certification said another way stays quiet."""

from __future__ import annotations

from engine_checks import assert_alert, assert_quiet, modified


def test_a_certified_health_data_host_dropped_alerts() -> None:
    change = modified(
        "Les résultats d'analyses sont conservés par un hébergeur certifié HDS à Rennes.",
        "Les résultats d'analyses sont conservés à Rennes.",
        "fr",
    )
    assert_alert(change, "security")


def test_the_certification_named_another_way_is_quiet() -> None:
    assert_quiet(
        modified(
            "Les résultats d'analyses sont conservés par un hébergeur certifié HDS.",
            "Les résultats d'analyses sont conservés par un hébergeur agréé HDS.",
            "fr",
        )
    )
