"""A list of the parties data goes to, each entry a company's name and what it does ("Fastly.
Content delivery network."), under a line that names the kind of party ("These sub-processors
are based in Canada:") without a verb of sharing: an entry added names a new recipient, one
dropped a recipient no longer named, and an entry that now names another party (another name,
another job) both. The same party described otherwise is no new recipient, and an entry added
under a line that names no party (a list of offices) is none either. In every language whose
lexicon knows the word for a sub-processor."""

from __future__ import annotations

import pytest
from engine_checks import list_page, page_changes


def _page(lead_in: str, entries: list[str]) -> bytes:
    return list_page(lead_in, entries, heading="Sub", title="Vendors", tail="<p>Updated yearly.</p>")


# (language, lead-in naming the parties, entries kept, entry added)
LISTS = [
    (
        "en",
        "These sub-processors are based in Canada:",
        ["Northwind Mail. Newsletter delivery.", "Tallyho. Invoicing software."],
        "Fastly. Content delivery network.",
    ),
    (
        "de",
        "Diese Unterauftragsverarbeiter haben ihren Sitz in Kanada:",
        ["Northwind Mail. Versand von Rundbriefen.", "Tallyho. Rechnungsprogramm."],
        "Fastly. Auslieferung von Inhalten.",
    ),
    (
        "fr",
        "Ces sous-traitants ultérieurs sont établis au Canada :",
        ["Northwind Mail. Envoi de lettres d'information.", "Tallyho. Logiciel de facturation."],
        "Fastly. Diffusion de contenus.",
    ),
    (
        "es",
        "Estos subencargados del tratamiento tienen su sede en Canadá:",
        ["Northwind Mail. Envío de boletines.", "Tallyho. Programa de facturación."],
        "Fastly. Distribución de contenidos.",
    ),
    (
        "sv",
        "Dessa underbiträden finns i Kanada:",
        ["Northwind Mail. Utskick av nyhetsbrev.", "Tallyho. Faktureringsprogram."],
        "Fastly. Leverans av innehåll.",
    ),
    (
        "da",
        "Disse underdatabehandlere har hjemsted i Canada:",
        ["Northwind Mail. Udsendelse af nyhedsbreve.", "Tallyho. Faktureringsprogram."],
        "Fastly. Levering af indhold.",
    ),
    (
        "no",
        "Disse underdatabehandlerne holder til i Canada:",
        ["Northwind Mail. Utsending av nyhetsbrev.", "Tallyho. Faktureringsprogram."],
        "Fastly. Levering av innhold.",
    ),
    (
        "nl",
        "Deze subverwerkers zijn gevestigd in Canada:",
        ["Northwind Mail. Verzending van nieuwsbrieven.", "Tallyho. Factuursoftware."],
        "Fastly. Levering van inhoud.",
    ),
    (
        "sl",
        "Podobdelovalci, ki jih uporabljamo, imajo sedež v Kanadi:",
        ["Northwind Mail. Pošiljanje e-novic.", "Tallyho. Programska oprema za izdajo računov."],
        "Fastly. Dostava vsebin.",
    ),
    (
        "hr",
        "Ovi podizvršitelji obrade imaju sjedište u Kanadi:",
        ["Northwind Mail. Slanje biltena.", "Tallyho. Program za račune."],
        "Fastly. Isporuka sadržaja.",
    ),
    (
        "zh",
        "以下子处理商位于加拿大：",
        ["Northwind Mail：新闻简报发送", "Tallyho：开票软件"],
        "Fastly：内容分发网络",
    ),
]


@pytest.mark.parametrize(("language", "lead_in", "entries", "extra"), LISTS, ids=lambda c: str(c)[:2])
def test_a_named_party_added_under_a_line_naming_sub_processors_is_a_new_recipient(
    language: str, lead_in: str, entries: list[str], extra: str
) -> None:
    (change,) = page_changes(_page(lead_in, entries), _page(lead_in, [*entries, extra]))
    assert change.kind == "added"
    assert change.material and "sharing" in change.categories, change
    assert change.severity == "high"  # a new recipient ranks as one in a sentence does
    assert "Fastly" in change.explanation


@pytest.mark.parametrize(("language", "lead_in", "entries", "extra"), LISTS, ids=lambda c: str(c)[:2])
def test_a_named_party_dropped_is_a_recipient_no_longer_named(
    language: str, lead_in: str, entries: list[str], extra: str
) -> None:
    (change,) = page_changes(_page(lead_in, [*entries, extra]), _page(lead_in, entries))
    assert change.kind == "removed"
    assert change.material and "sharing" in change.categories and change.severity == "medium", change


def test_an_entry_that_now_names_another_party_for_another_job_names_a_new_recipient() -> None:
    lead = "These sub-processors are based in Canada:"
    kept = ["Northwind Mail. Newsletter delivery.", "Tallyho. Invoicing software."]
    old = _page(lead, [*kept, "Quillpad. Electronic signatures."])
    new = _page(lead, [*kept, "Gatekeep. Bot detection."])
    (change,) = page_changes(old, new)
    assert change.kind == "modified"
    assert change.material and change.categories == ["sharing"] and change.severity == "high", change
    assert "Gatekeep" in change.explanation and "Quillpad" in change.explanation


def test_the_same_party_described_otherwise_is_no_new_recipient() -> None:
    lead = "These sub-processors are based in Canada:"
    kept = ["Northwind Mail. Newsletter delivery.", "Tallyho. Invoicing software."]
    old = _page(lead, [*kept, "Quillpad. Electronic signatures."])
    new = _page(lead, [*kept, "Quillpad. Document signing service."])
    (change,) = page_changes(old, new)
    assert not change.material, change


def test_a_name_added_under_a_line_naming_no_party_is_no_recipient() -> None:
    lead = "Our teams work from these cities:"
    kept = ["Oslo. Engineering.", "Lyon. Customer support."]
    (change,) = page_changes(_page(lead, kept), _page(lead, [*kept, "Porto. Design studio."]))
    assert not change.material, change


def test_a_sentence_added_under_the_list_is_no_named_party() -> None:
    """A short sentence after the entries ("We audit them. Reports are yearly.") is no entry."""
    lead = "These sub-processors are based in Canada:"
    kept = ["Northwind Mail. Newsletter delivery.", "Tallyho. Invoicing software."]
    (change,) = page_changes(_page(lead, kept), _page(lead, [*kept, "we audit them. every year."]))
    assert not change.material, change


@pytest.mark.parametrize("extra", ["Cookie Notice", "Terms of Sale", "write to us", "Email address"])
def test_a_document_title_or_a_phrase_added_under_a_line_naming_parties_names_no_party(extra: str) -> None:
    """A link to another document ("Cookie Notice"), a phrase that is no name ("write to us") or
    a kind of data is no company's name, though the line above the list names vendors."""
    lead = "Read more about the vendors we work with:"
    kept = ["Vendor Handbook", "Security Overview"]
    (change,) = page_changes(_page(lead, kept), _page(lead, [*kept, extra]))
    assert not (change.material and change.facts and change.facts[0].kind == "recipient"), change


def test_two_short_sentences_under_a_list_of_partners_are_no_entry() -> None:
    """Two short sentences added after the entries ("Ads are shown. We earn money.") open with no
    name, so they are not read with the line that leads into the list."""
    lead = "We pass order details to these partners:"
    kept = ["Northwind Mail. Newsletter delivery.", "Tallyho. Invoicing software."]
    (change,) = page_changes(_page(lead, kept), _page(lead, [*kept, "Ads are shown. We earn money."]))
    assert not any(f.kind == "recipient" for f in change.facts), change
