"""Where data goes, "an adequate level of protection" is the transfer's safeguard, in every
language: a destination said to lack it ("countries that may not offer an adequate level of
protection") drops the safeguard (high, transfer), and so does widening "only to countries with"
to any country. A warning that foreign laws "may not protect it as well" rules nothing out."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

# (language, destinations with adequate protection, destinations said to lack it)
LOST = [
    (
        "en",
        "Backups are copied to sites in countries with an adequate level of protection.",
        "Backups are copied to sites in countries that do not provide an adequate level of protection.",
    ),
    (
        "de",
        "Sicherungskopien übermitteln wir in Länder mit einem angemessenen Datenschutzniveau.",
        "Sicherungskopien übermitteln wir auch in Länder, die kein angemessenes Datenschutzniveau bieten.",
    ),
    (
        "fr",
        "Les sauvegardes sont transférées vers des pays assurant un niveau de protection adéquat.",
        "Les sauvegardes sont transférées vers des pays qui n'assurent pas un niveau de protection adéquat.",
    ),
    (
        "es",
        "Las copias de seguridad se transfieren a países que ofrecen un nivel de protección adecuado.",
        "Las copias de seguridad se transfieren a países que no ofrecen un nivel de protección adecuado.",
    ),
    (
        "sv",
        "Säkerhetskopior överförs till länder utanför EES som har en adekvat skyddsnivå.",
        "Säkerhetskopior överförs till länder utanför EES som inte har en adekvat skyddsnivå.",
    ),
    (
        "nl",
        "Back-ups worden doorgegeven aan landen buiten de EER met een passend beschermingsniveau.",
        "Back-ups worden doorgegeven aan landen buiten de EER die geen passend beschermingsniveau bieden.",
    ),
]


@pytest.mark.parametrize(("language", "kept", "lost"), LOST)
def test_a_destination_said_to_lack_adequate_protection_drops_the_safeguard(
    language: str, kept: str, lost: str
) -> None:
    assert_alert(modified(kept, lost, language), "transfer", "high")


def test_only_countries_with_adequate_protection_widened_to_any_alerts() -> None:
    change = modified(
        "Support tickets are sent only to countries that ensure an adequate level of protection.",
        "Support tickets may also be sent to countries that do not ensure an adequate level of protection.",
    )
    assert_alert(change, "transfer", "high")


def test_a_warning_about_foreign_laws_said_otherwise_is_quiet() -> None:
    assert_quiet(
        modified(
            "Files may be kept in countries whose laws might not protect them as well as the laws you know.",
            "Files may be kept in countries whose laws might differ from the laws you know.",
        )
    )
