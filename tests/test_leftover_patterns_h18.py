"""Leftover patterns of held-out round 24 (issue 10), each stated in new sentences in every
language it applies to: an item added to the exception of a sentence that deletes data widens
what is kept (retention); "for a period of N years" is a period, never an age.

Each row: language, old clause, new clause, and what is expected: a category the change must be
about, or "-category" one it must not be about."""

from __future__ import annotations

import pytest
from engine_checks import check_expected, modified

# --- an item added to the exception of a deletion: more is kept past it ---

DELETION_EXCEPTION_WIDENED = [
    (
        "en",
        "We erase closed accounts after one year unless the files are needed for an audit.",
        "We erase closed accounts after one year unless the files are needed for an audit or for "
        "product planning.",
        "retention",
    ),
    (
        "de",
        "Geschlossene Konten löschen wir nach einem Jahr, es sei denn, die Unterlagen werden für eine "
        "Prüfung benötigt.",
        "Geschlossene Konten löschen wir nach einem Jahr, es sei denn, die Unterlagen werden für eine "
        "Prüfung oder für die Produktplanung benötigt.",
        "retention",
    ),
    (
        "fr",
        "Nous supprimons les comptes fermés après un an, sauf si les dossiers sont nécessaires à un audit.",
        "Nous supprimons les comptes fermés après un an, sauf si les dossiers sont nécessaires à un "
        "audit ou à la planification des produits.",
        "retention",
    ),
    (
        "es",
        "Eliminamos las cuentas cerradas al cabo de un año, salvo que los archivos sean necesarios para "
        "una auditoría.",
        "Eliminamos las cuentas cerradas al cabo de un año, salvo que los archivos sean necesarios para "
        "una auditoría o para la planificación de productos.",
        "retention",
    ),
    (
        "da",
        "Vi sletter lukkede konti efter et år, medmindre filerne er nødvendige til en revision.",
        "Vi sletter lukkede konti efter et år, medmindre filerne er nødvendige til en revision eller "
        "til produktplanlægning.",
        "retention",
    ),
    (
        "sv",
        "Vi raderar stängda konton efter ett år, om inte filerna behövs för en revision.",
        "Vi raderar stängda konton efter ett år, om inte filerna behövs för en revision eller för "
        "produktplanering.",
        "retention",
    ),
    (
        "no",
        "Vi sletter lukkede kontoer etter ett år, med mindre filene trengs til en revisjon.",
        "Vi sletter lukkede kontoer etter ett år, med mindre filene trengs til en revisjon eller til "
        "produktplanlegging.",
        "retention",
    ),
    (
        "nl",
        "Gesloten accounts wissen wij na een jaar, tenzij de bestanden nodig zijn voor een audit.",
        "Gesloten accounts wissen wij na een jaar, tenzij de bestanden nodig zijn voor een audit of "
        "voor productplanning.",
        "retention",
    ),
    (
        "hr",
        "Zatvorene račune brišemo nakon godinu dana, osim ako su datoteke potrebne za reviziju.",
        "Zatvorene račune brišemo nakon godinu dana, osim ako su datoteke potrebne za reviziju ili za "
        "planiranje proizvoda.",
        "retention",
    ),
    (
        "sl",
        "Zaprte račune izbrišemo po enem letu, razen če so datoteke potrebne za revizijo.",
        "Zaprte račune izbrišemo po enem letu, razen če so datoteke potrebne za revizijo ali za "
        "načrtovanje izdelkov.",
        "retention",
    ),
    (
        "zh",
        "账户注销一年后我们会删除相关档案，除非审计需要这些档案。",
        "账户注销一年后我们会删除相关档案，除非审计或产品规划需要这些档案。",
        "retention",
    ),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), DELETION_EXCEPTION_WIDENED)
def test_deletion_exception_widened_is_retention(language: str, old: str, new: str, expected: str) -> None:
    check_expected(modified(old, new, language), expected)


# --- "in a period of N years": how long something lasts, not how old someone is ---

PERIOD_NOT_AGE = [
    (
        "hr",
        "Podatke o narudžbama čuvamo u razdoblju od 3 godine.",
        "Podatke o narudžbama čuvamo u razdoblju od 2 godine.",
        "retention,-children",
    ),
    (
        "hr",
        "Zapise o prijavama pohranjujemo u razdoblju od 5 godina.",
        "Zapise o prijavama pohranjujemo u razdoblju od 10 godina.",
        "retention,-children",
    ),
    (
        "sl",
        "Podatke o naročilih hranimo v obdobju 3 let.",
        "Podatke o naročilih hranimo v obdobju 2 let.",
        "retention,-children",
    ),
    (
        "de",
        "Bestelldaten speichern wir für einen Zeitraum von 3 Jahren.",
        "Bestelldaten speichern wir für einen Zeitraum von 2 Jahren.",
        "retention,-children",
    ),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), PERIOD_NOT_AGE)
def test_period_of_years_is_no_age(language: str, old: str, new: str, expected: str) -> None:
    check_expected(modified(old, new, language), expected)
