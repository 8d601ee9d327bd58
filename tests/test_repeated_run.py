"""A paragraph or list pasted in twice (or its second copy dropped) states nothing new, even where
each of its lines is too short to be found alone as a statement (a list of rights by name, a
numbered title over its paragraph); a short line added next to other text still alerts."""

from __future__ import annotations

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize


def _material(old: str, new: str) -> list[str]:
    docs = [normalize(t.encode(), "text/markdown") for t in (old, new)]
    return [c.new.text if c.new else c.old.text for c in compare_documents(*docs).changes if c.material]


RIGHTS_EN = """# Privacy at Larkspur

We keep your account data while your account is open.

Your rights

• Right to object
• Right to be forgotten
• Right to a copy of your data

Write to us to use any of them.
"""

RIGHTS_DE = """# Datenschutz bei Larkspur

Wir speichern Ihre Kontodaten, solange Ihr Konto besteht.

Ihre Rechte

• Recht auf Widerspruch
• Recht auf Vergessenwerden
• Recht auf Datenübertragbarkeit

Schreiben Sie uns, um sie auszuüben.
"""

TITLED_FR = """# Conditions de Larkspur

Bienvenue sur le service Larkspur de partage de notes.

2. Partage des données
Nous ne transmettons l'adresse email du membre à aucun partenaire. Aucune autre donnée n'est demandée.

3. Résiliation
Le membre peut fermer son compte à tout moment.
"""


def _twice(text: str, first: str, last: str) -> str:
    """The text with the lines from `first` to `last` pasted again right after themselves."""
    start = text.index(first)
    end = text.index(last) + len(last)
    block = text[start:end]
    return text[:end] + "\n\n" + block + text[end:]


def test_a_list_pasted_twice_is_no_change() -> None:
    for text, first, last in (
        (RIGHTS_EN, "• Right to object", "• Right to a copy of your data"),
        (RIGHTS_DE, "• Recht auf Widerspruch", "• Recht auf Datenübertragbarkeit"),
    ):
        doubled = _twice(text, first, last)
        assert _material(text, doubled) == []
        assert _material(doubled, text) == []  # the copy dropped again


def test_a_numbered_title_and_its_paragraph_pasted_twice_is_no_change() -> None:
    doubled = _twice(TITLED_FR, "2. Partage des données", "Aucune autre donnée n'est demandée.")
    assert _material(TITLED_FR, doubled) == []


def test_a_new_right_added_to_the_list_still_alerts() -> None:
    forgotten = "• Right to be forgotten\n"
    grown = RIGHTS_EN.replace(forgotten, forgotten + "• Right to restrict processing\n")
    assert _material(RIGHTS_EN, grown)
    # an old line said again next to a new one is no copy of a run: the new right still alerts
    copy = "• Right to a copy of your data\n"
    mixed = RIGHTS_EN.replace(copy, copy + "• Right to object\n• Right to restrict processing\n")
    assert any("restrict" in text for text in _material(RIGHTS_EN, mixed))
