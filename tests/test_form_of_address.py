"""A policy that changes how it addresses the reader (informal to formal: German du -> Sie,
Dutch je -> u, French tu -> vous, Spanish tú -> usted, Croatian ti -> vi) re-inflects every verb
and modal of the user's options ("Du kannst ... löschen" -> "Sie können ... löschen"). The user
may do what they could before: no term changed, no alert. A modal of ours that came with it ("we
may delete") still counts.
"""

from __future__ import annotations

import pytest

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change


def changes_of(old: str, new: str) -> list[Change]:
    old_doc, new_doc = normalize(old.encode(), "text/plain"), normalize(new.encode(), "text/plain")
    return compare_documents(old_doc, new_doc).changes


# (language, informal, formal): the same option of the user, addressed two ways
READDRESSED = [
    (
        "de",
        "Du kannst Dein Nutzerkonto jederzeit schließen, indem Du uns über das Kontaktformular schreibst.",
        "Sie können Ihr Nutzerkonto jederzeit schließen, indem Sie uns über das Kontaktformular schreiben.",
    ),
    (
        "nl",
        "Je kan je account op elk moment verwijderen door ons een bericht te sturen via de app.",
        "U kunt uw account op elk moment verwijderen door ons een bericht te sturen via de app.",
    ),
    (
        "fr",
        "Tu peux supprimer ton compte à tout moment en nous écrivant depuis l'application.",
        "Vous pouvez supprimer votre compte à tout moment en nous écrivant depuis l'application.",
    ),
    (
        "es",
        "Puedes eliminar tu cuenta en cualquier momento escribiéndonos desde la aplicación.",
        "Usted puede eliminar su cuenta en cualquier momento escribiéndonos desde la aplicación.",
    ),
    (
        "hr",
        "Možeš izbrisati svoj račun u bilo kojem trenutku tako da nam pišeš putem aplikacije.",
        "Možete izbrisati svoj račun u bilo kojem trenutku tako da nam pišete putem aplikacije.",
    ),
]


@pytest.mark.parametrize(("language", "informal", "formal"), READDRESSED)
def test_the_reader_addressed_another_way_is_no_change_of_terms(
    language: str, informal: str, formal: str
) -> None:
    for old, new in ((informal, formal), (formal, informal)):
        changes = changes_of(old, new)
        assert not any(c.material for c in changes), (
            language,
            [(c.explanation, c.categories) for c in changes],
        )


def test_a_modal_of_ours_that_came_with_the_new_address_still_counts() -> None:
    old = "Du kannst Dein Nutzerkonto jederzeit schließen. Wir löschen Deine Daten nach dreißig Tagen."
    new = "Sie können Ihr Nutzerkonto jederzeit schließen. Wir können Ihre Daten nach dreißig Tagen löschen."
    changes = changes_of(old, new)
    assert any(c.material and "retention" in c.categories for c in changes), [
        (c.explanation, c.categories) for c in changes
    ]
