""" "Unauthorised access" ("uautoriseret adgang", "accès non autorisé", "neovlašteni pristup",
"未经授权访问") is what security measures keep out, not the user's right of access: a clause
that also names other rights does not state the right of access by it, and a policy that stops
promising to keep such access out has changed a security term, not dropped a right."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

from monitor.engine.facts import extract_facts

GUARDED = [
    ("Our deletion and correction routines also keep out unauthorised access to your records.", "en"),
    ("Unsere Lösch- und Berichtigungsabläufe verhindern auch unbefugten Zugriff auf Ihre Unterlagen.", "de"),
    (
        "Nos procédures d'effacement et de rectification empêchent aussi l'accès non"
        " autorisé à vos dossiers.",
        "fr",
    ),
    (
        "Nuestros procesos de supresión y rectificación también impiden el acceso no"
        " autorizado a sus registros.",
        "es",
    ),
    (
        "Vores rutiner for sletning og berigtigelse forhindrer også uautoriseret adgang"
        " til dine registreringer.",
        "da",
    ),
    ("Våra rutiner för radering och rättelse förhindrar också obehörig åtkomst till dina register.", "sv"),
    ("Rutinene våre for sletting og retting hindrer også uautorisert tilgang til registrene dine.", "no"),
    (
        "Onze procedures voor verwijdering en rectificatie voorkomen ook"
        " ongeautoriseerde toegang tot uw gegevens.",
        "nl",
    ),
    ("Naši postupci brisanja i ispravka sprječavaju i neovlašteni pristup vašim podacima.", "hr"),
    ("Naši postopki izbrisa in popravka preprečujejo tudi nepooblaščen dostop do vaših podatkov.", "sl"),
    ("我们的删除和更正流程也能防止未经授权访问您的记录。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), GUARDED)
def test_unauthorised_access_is_no_right_of_access(text: str, language: str) -> None:
    facts = extract_facts(text, language)
    assert "access" not in facts.rights
    assert "security" in facts.categories


DROPPED = [
    (
        "Vi fører log over sletning og berigtigelse for at forhindre uautoriseret adgang"
        " til dine registreringer"
        " og for at overholde loven.",
        "Vi fører log over sletning og berigtigelse for at overholde loven.",
        "da",
    ),
    (
        "Vodimo evidenciju brisanja i ispravaka kako bismo spriječili neovlašteni pristup vašim podacima"
        " i poštovali zakon.",
        "Vodimo evidenciju brisanja i ispravaka kako bismo poštovali zakon.",
        "hr",
    ),
    (
        "Vodimo evidenco izbrisov in popravkov, da preprečimo nepooblaščen dostop do vaših podatkov"
        " in spoštujemo zakon.",
        "Vodimo evidenco izbrisov in popravkov, da spoštujemo zakon.",
        "sl",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), DROPPED)
def test_keeping_out_unauthorised_access_dropped_is_security(old: str, new: str, language: str) -> None:
    change = modified(old, new, language=language)
    assert_alert(change, "security")
    assert "rights" not in change.categories
