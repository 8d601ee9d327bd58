"""A child's legal representative is a guardian (children); the company's own representative
("our representative in the EU", an imprint's "Legal representative: ...") is a contact detail,
which states no term: its line removed is quiet."""

from __future__ import annotations

import pytest
from engine_checks import assert_quiet, removed

from monitor.engine.facts import extract_facts


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "Our legal representative in the EU is Northwind Services Ltd, Cork."),
        ("en", "Legal representative: Dana Okafor, managing director."),
        ("de", "Gesetzlicher Vertreter: Jonas Berg, Geschäftsführer."),
        ("fr", "Représentant légal : Claire Martin, gérante."),
        ("es", "Representante legal: Lucía Prieto, administradora."),
    ],
)
def test_the_companys_representative_is_no_childrens_term(language: str, line: str) -> None:
    assert "children" not in extract_facts(line, language).categories
    assert_quiet(removed(line, language))


def test_a_childs_legal_representative_is_a_guardian() -> None:
    facts = extract_facts("A minor may only register with the approval of a legal representative.", "en")
    assert "children" in facts.categories
