"""The frameworks and rules that data sent from Europe to another country rests on (the Privacy
Shield, Safe Harbor, the Data Privacy Framework, binding corporate rules) are words of transfer,
as the standard contractual clauses already were: a sentence that names one is about data sent
abroad, in every language. A "safe harbor" that shields researchers or a host from liability is
no transfer framework."""

from __future__ import annotations

import pytest

from monitor.engine.facts import extract_facts
from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize

NAMED = [
    ("en", "Our certification under the Privacy Shield was renewed last spring."),
    ("en", "The company relied on its Safe Harbor certification until that scheme ended."),
    ("en", "Group members are bound by our binding corporate rules."),
    ("de", "Unsere Zertifizierung nach dem EU-US-Datenschutzschild wurde im Frühjahr erneuert."),
    ("de", "Alle Konzernfirmen halten sich an unsere verbindlichen internen Datenschutzvorschriften."),
    ("fr", "Notre certification au titre du bouclier de protection des données a été renouvelée."),
    ("fr", "Les sociétés du groupe respectent nos règles d'entreprise contraignantes."),
    ("es", "Nuestra certificación conforme al Escudo de Privacidad se renovó en primavera."),
    ("es", "Las empresas del grupo cumplen nuestras normas corporativas vinculantes."),
    ("da", "Koncernens selskaber følger vores bindende virksomhedsregler."),
    ("sv", "Koncernens bolag följer våra bindande företagsbestämmelser."),
    ("nl", "De ondernemingen van de groep volgen onze bindende bedrijfsvoorschriften."),
    ("no", "Konsernets selskaper følger våre bindende virksomhetsregler."),
    ("sl", "Družbe v skupini spoštujejo naša zavezujoča poslovna pravila."),
    ("hr", "Društva u grupi poštuju naša obvezujuća korporativna pravila."),
    ("zh", "集团各公司均遵守我们具有约束力的公司规则。"),
    ("zh", "我们已根据欧美隐私盾获得认证。"),
    ("en", "Our certification under the EU-U.S. Data Privacy Framework covers account records."),
    ("nl", "Onze certificering onder het Data Privacy Framework dekt accountgegevens."),
]


@pytest.mark.parametrize(("language", "sentence"), NAMED, ids=lambda c: str(c)[:12])
def test_a_sentence_naming_a_transfer_framework_is_about_transfer(language: str, sentence: str) -> None:
    assert "transfer" in extract_facts(sentence, language).categories


def test_a_liability_safe_harbor_is_no_transfer_framework() -> None:
    facts = extract_facts("This safe harbor protects researchers who report a flaw in good faith.", "en")
    assert "transfer" not in facts.categories


def _page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><body><main><h1>Global practices</h1>{body}</main></body></html>".encode()


def test_a_promise_to_apply_the_framework_to_data_from_more_places_is_reported_as_transfer() -> None:
    kept = [
        "We answer questions about these practices within thirty days.",
        "Disputes may go to an independent arbitrator at no cost to you.",
    ]
    added = "We apply the Privacy Shield Principles to all personal data we receive from Norway and Iceland."
    changes = compare_documents(
        normalize(_page(kept), "text/html"), normalize(_page([*kept, added]), "text/html")
    ).changes
    (change,) = changes
    assert change.material and "transfer" in change.categories, change
