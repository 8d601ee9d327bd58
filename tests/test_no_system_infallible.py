""" "No system is infallible" and "no system is 100% secure" say the same: the disclaimer of
perfect security re-worded is no security change. "Infallible" was no security word, so the edit
read as a security term newly stated."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

SAME_DISCLAIMER = [
    (
        "We guard your account carefully, yet no online service is infallible.",
        "We guard your account carefully, yet no online service is 100% secure.",
        "en",
    ),
    (
        "Cuidamos su cuenta, pero ningún servicio en línea es infalible.",
        "Cuidamos su cuenta, pero ningún servicio en línea es 100 % seguro.",
        "es",
    ),
    (
        "Wir schützen Ihr Konto sorgfältig, doch kein Onlinedienst ist unfehlbar.",
        "Wir schützen Ihr Konto sorgfältig, doch kein Onlinedienst ist 100 % sicher.",
        "de",
    ),
    (
        "Vi skyddar ditt konto noga, men ingen onlinetjänst är ofelbar.",
        "Vi skyddar ditt konto noga, men ingen onlinetjänst är 100 % säker.",
        "sv",
    ),
    (
        "Wij beschermen uw account zorgvuldig, maar geen enkele onlinedienst is onfeilbaar.",
        "Wij beschermen uw account zorgvuldig, maar geen enkele onlinedienst is 100% veilig.",
        "nl",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), SAME_DISCLAIMER)
def test_infallible_reworded_as_fully_secure_stays_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language=language))


def test_the_disclaimer_removed_is_still_a_security_change() -> None:
    from engine_checks import removed

    change = removed("We guard your account carefully, yet no online service is infallible.")
    assert "security" in change.categories


def test_a_measure_dropped_beside_the_disclaimer_still_alerts() -> None:
    assert_alert(
        modified(
            "We encrypt your files, yet no online service is infallible.",
            "We store your files, yet no online service is infallible.",
        ),
        "security",
    )
