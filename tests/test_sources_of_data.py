""" "Third-party sources, such as credit bureaus": a sentence or list item that names where data
comes from is about data collected, though its only other words name companies (which elsewhere
would be recipients). Removing such an item is a collection change, in every language."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, removed

SOURCE_ITEMS = [
    ("Third-party sources, for example credit bureaus and marketing partners.", "en"),
    ("Other sources, such as ticket resellers and tour operators.", "en"),
    ("Aus öffentlich zugänglichen Quellen wie Handelsregistern und Branchenverzeichnissen.", "de"),
    ("Drittquellen, etwa Auskunfteien und Vertriebspartner.", "de"),
    ("Des sources externes, par exemple des agences de notation et des partenaires commerciaux.", "fr"),
    ("Otras fuentes, como agencias de calificación crediticia y socios comerciales.", "es"),
    ("Fra eksterne kilder, fx kreditoplysningsbureauer og samarbejdspartnere.", "da"),
    ("Fra andre kilder, for eksempel kredittopplysningsbyråer og samarbeidspartnere.", "no"),
    ("Från externa källor, till exempel kreditupplysningsföretag och samarbetspartner.", "sv"),
    ("Uit openbare bronnen, zoals het handelsregister en krantenartikelen.", "nl"),
    ("Iz zunanjih virov, na primer od bonitetnih hiš in poslovnih partnerjev.", "sl"),
    ("Iz vanjskih izvora, primjerice od kreditnih agencija i poslovnih partnera.", "hr"),
    ("来自第三方来源，例如征信机构和合作伙伴。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), SOURCE_ITEMS)
def test_a_source_of_data_removed_is_collection(text: str, language: str) -> None:
    assert_alert(removed(text, language=language), "collection")


def test_a_source_list_reordered_stays_quiet() -> None:
    assert_quiet(
        modified(
            "Des sources externes, par exemple des agences de notation et des partenaires commerciaux.",
            "Des sources externes, par exemple des partenaires commerciaux et des agences de notation.",
            language="fr",
        )
    )


def test_sources_of_data_combined_stay_a_use() -> None:
    # "d'autres sources de données": data combined with other data is a use, as before
    from monitor.engine.facts import extract_facts

    facts = extract_facts("Nous ne combinons pas vos données avec d'autres sources de données.", "fr")
    assert "purpose" in facts.categories
