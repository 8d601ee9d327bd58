"""A table of contents added or dropped is navigation: its entries name the document's sections
("6. Analytics and advertising"), which state the terms, so entries that read like terms under a
heading that is only "Table of contents" (or its like, in every language) are no change of terms.
The same short lines under a heading of their own still say what they say."""

from __future__ import annotations

import pytest

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change

BODY = "# {title}\n\n## {first}\n\n{sentence}\n"
CONTENTS = (
    "# {title}\n\n#### {contents}\n\n* [1. {first}](#one)\n* [2. {ads}](#two)\n* [3. {sold}](#three)\n\n"
    "## {first}\n\n{sentence}\n"
)

# (language, title, contents heading, first section, an entry about ads, an entry about selling, sentence)
PAGES = [
    (
        "en",
        "Privacy notice",
        "Table of contents",
        "Who we are",
        "Analytics and advertising",
        "Selling your data to partners",
        "We run a bakery in the town centre.",
    ),
    (
        "de",
        "Datenschutzerklärung",
        "Inhaltsverzeichnis",
        "Wer wir sind",
        "Analyse und Werbung",
        "Verkauf Ihrer Daten an Partner",
        "Wir betreiben eine Bäckerei in der Innenstadt.",
    ),
    (
        "fr",
        "Politique de confidentialité",
        "Sommaire",
        "Qui sommes-nous",
        "Mesure d'audience et publicité",
        "Vente de vos données à des partenaires",
        "Nous tenons une boulangerie au centre-ville.",
    ),
    (
        "es",
        "Política de privacidad",
        "Índice",
        "Quiénes somos",
        "Analítica y publicidad",
        "Venta de sus datos a socios",
        "Tenemos una panadería en el centro de la ciudad.",
    ),
    (
        "da",
        "Privatlivspolitik",
        "Indholdsfortegnelse",
        "Hvem vi er",
        "Analyse og annoncering",
        "Salg af dine data til partnere",
        "Vi driver et bageri i byens centrum.",
    ),
    (
        "sv",
        "Integritetspolicy",
        "Innehållsförteckning",
        "Vilka vi är",
        "Analys och annonsering",
        "Försäljning av dina uppgifter till partner",
        "Vi driver ett bageri i stadens centrum.",
    ),
    (
        "no",
        "Personvernerklæring",
        "Innholdsfortegnelse",
        "Hvem vi er",
        "Analyse og annonsering",
        "Salg av dine data til partnere",
        "Vi driver et bakeri i sentrum av byen.",
    ),
    (
        "nl",
        "Privacyverklaring",
        "Inhoudsopgave",
        "Wie wij zijn",
        "Analyse en advertenties",
        "Verkoop van je gegevens aan partners",
        "Wij hebben een bakkerij in het centrum van de stad.",
    ),
    (
        "hr",
        "Politika privatnosti",
        "Sadržaj",
        "Tko smo mi",
        "Analitika i oglašavanje",
        "Prodaja vaših podataka partnerima",
        "Vodimo pekaru u središtu grada.",
    ),
    (
        "sl",
        "Politika zasebnosti",
        "Kazalo",
        "Kdo smo",
        "Analitika in oglaševanje",
        "Prodaja vaših podatkov partnerjem",
        "Vodimo pekarno v središču mesta.",
    ),
    (
        "zh",
        "隐私政策",
        "目录",
        "我们是谁",
        "分析与广告",
        "向合作伙伴出售您的数据",
        "我们在市中心经营一家面包店。",
    ),
]


def changes_of(old: str, new: str) -> list[Change]:
    old_doc, new_doc = normalize(old.encode(), "text/markdown"), normalize(new.encode(), "text/markdown")
    return compare_documents(old_doc, new_doc).changes


def pages(row: tuple[str, ...], contents: str) -> tuple[str, str]:
    _, title, _, first, ads, sold, sentence = row
    fields = {"title": title, "first": first, "ads": ads, "sold": sold, "sentence": sentence}
    return BODY.format(**fields), CONTENTS.format(contents=contents, **fields)


@pytest.mark.parametrize("row", PAGES, ids=[row[0] for row in PAGES])
def test_a_table_of_contents_dropped_or_added_is_quiet(row: tuple[str, ...]) -> None:
    without, with_contents = pages(row, row[2])
    for old, new in ((with_contents, without), (without, with_contents)):
        changes = changes_of(old, new)
        assert changes and not any(c.material for c in changes), [
            (c.categories, c.explanation) for c in changes
        ]


@pytest.mark.parametrize("row", PAGES, ids=[row[0] for row in PAGES])
def test_the_same_lines_under_a_heading_of_their_own_still_alert(row: tuple[str, ...]) -> None:
    without, with_list = pages(row, row[4])  # the list's heading names advertising itself
    assert any(c.material for c in changes_of(without, with_list))
