"""One realistic edit of a policy sentence (round 20): patterns a fresh held-out set of real
de/fr/es/da/sv/no paragraphs (shops, clubs, hosting, cookie notices, app vendors) showed, each
stated in new sentences of its own.

A German ordinal after a possessive or "vollendeten" ("ab ihrem 16. Lebensjahr") and a Danish one
after "det fyldte" do not end a sentence; "not A and not B" said as "neither A nor B" (de "weder
… noch", da "hverken … eller", sv "varken … eller", no "verken … eller", en "neither … nor") is
the same two bans; a negation said by a prefix on the word it negates ("impossible" for "not
possible", "unmöglich", "imposible", "umulig", "omöjlig") is no negation added or dropped; a
promise to tell of changes said in the passive ("Sie werden informiert", "vous serez informé",
"usted será informado", "du vil blive underrettet", "du kommer att meddelas", "du vil bli
varslet") is the same promise; a promise to tell in the sentence after one on updating the
document is about changes (a notice period added there alerts); "in order to be able to" (för att
kunna, for at kunne, zu können) is a purpose, no hedge; other words for a child's guardian
(Sorgeberechtigter, représentant légal, förmyndare, verge) are the same; a term changed in a
sentence naming children and their age is about children too; Spanish "un menor de 14 años" (the
singular) is an age, not a 14-year period.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, page_changes, removed

from monitor.engine.facts import extract_facts
from monitor.engine.segment import split_sentences
from monitor.models import Change

# --- an ordinal inside a sentence -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ein Konto kann erst ab seinem 14. Lebensjahr eröffnet werden. Vorher entscheiden die Eltern.",
        "Bis zum Ende Ihres 18. Lebensjahres benötigen wir eine Zustimmung. Danach entfällt sie.",
        "Nach dem vollendeten 15. Lebensjahr darf das Mitglied selbst zustimmen. Wir prüfen dies.",
        "Spillere kan selv give samtykke fra det fyldte 15. år i klubben. Yngre spillere skal have hjælp.",
    ],
)
def test_an_ordinal_after_a_possessive_does_not_end_the_sentence(text: str) -> None:
    first = split_sentences(text)[0]
    assert "Lebensjahr" in first or "år i klubben" in first, split_sentences(text)


def test_a_number_at_a_sentence_end_still_ends_it() -> None:
    assert len(split_sentences("Unser Verein hat 40 Mitglieder. Ihre Daten sehen nur zwei davon.")) == 2


# --- the same term said another way: quiet ----------------------------------------------------

QUIET = [
    # "nicht ... und ... nicht" said as "weder ... noch"
    (
        "Der Verein vermietet die Mitgliederliste nicht und veröffentlicht sie nicht.",
        "Der Verein vermietet die Mitgliederliste weder, noch veröffentlicht er sie.",
        "de",
    ),
    (
        "Butikken sælger ikke kundelisten, og den udleverer den ikke til sponsorer.",
        "Butikken hverken sælger kundelisten eller udleverer den til sponsorer.",
        "da",
    ),
    (
        "Klubben säljer inte medlemsregistret och lämnar inte ut det till sponsorer.",
        "Klubben varken säljer medlemsregistret eller lämnar ut det till sponsorer.",
        "sv",
    ),
    (
        "Laget selger ikke medlemslisten og deler den ikke med sponsorer.",
        "Laget verken selger medlemslisten eller deler den med sponsorer.",
        "no",
    ),
    (
        "The gym does not rent out its member list and does not disclose it to sponsors.",
        "The gym neither rents out its member list nor discloses it to sponsors.",
        "en",
    ),
    # a negation said by a prefix on the word it negates: "impossible" for "not possible"
    (
        "Wir anonymisieren die Fotos, wenn eine Löschung unmöglich ist.",
        "Wir anonymisieren die Fotos, wenn eine Löschung nicht möglich ist.",
        "de",
    ),
    (
        "Si la suppression s'avère impossible, nous anonymisons les photos du club.",
        "Si la suppression n'est pas possible, nous anonymisons les photos du club.",
        "fr",
    ),
    (
        "Si el borrado resulta imposible, anonimizamos las fotografías del club.",
        "Si el borrado no es posible, anonimizamos las fotografías del club.",
        "es",
    ),
    (
        "Er sletning umulig, anonymiserer vi klubbens billeder.",
        "Er sletning ikke mulig, anonymiserer vi klubbens billeder.",
        "da",
    ),
    (
        "Om radering är omöjlig, anonymiserar vi klubbens bilder.",
        "Om radering inte är möjlig, anonymiserar vi klubbens bilder.",
        "sv",
    ),
    (
        "Er sletting umulig, anonymiserer vi klubbens bilder.",
        "Er sletting ikke mulig, anonymiserer vi klubbens bilder.",
        "no",
    ),
    (
        "Where erasure proves impossible, we anonymise the club's photos.",
        "Where erasure is not possible, we anonymise the club's photos.",
        "en",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), QUIET)
def test_the_same_term_said_another_way_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


# --- a changed term: alerts --------------------------------------------------------------------

ALERTS = [
    # "noch" as "still", with no "weder": a ban dropped
    (
        "Der Verein vermietet die Mitgliederliste nicht und veröffentlicht sie nicht.",
        "Der Verein vermietet die Mitgliederliste nicht, veröffentlicht sie aber noch.",
        "de",
        "sharing",
    ),
    # "eller" alone is "or": the second ban dropped
    (
        "Butikken sælger ikke kundelisten, og den udleverer den ikke til sponsorer.",
        "Butikken sælger ikke kundelisten, men udleverer den til sponsorer eller partnere.",
        "da",
        "sharing",
    ),
    # a negator added beside an unrelated prefixed word: still a new ban, read as one
    (
        "Wir anonymisieren die Fotos, wenn eine Löschung unmöglich ist, und geben sie an Sponsoren weiter.",
        "Wir anonymisieren die Fotos, wenn eine Löschung unmöglich ist, und geben sie an Sponsoren weiter, "
        "nicht aber an Zeitungen.",
        "de",
        "sharing",
    ),
]


@pytest.mark.parametrize(("old", "new", "language", "category"), ALERTS)
def test_a_changed_term_alerts(old: str, new: str, language: str, category: str) -> None:
    assert_alert(modified(old, new, language), category)


# --- notices of changes ---------------------------------------------------------------------------

NOTICE_PASSIVE = [
    (
        "Über neue Fassungen der Vereinsregeln werden wir Sie per Post informieren.",
        "Über neue Fassungen der Vereinsregeln werden Sie per Post informiert.",
        "de",
    ),
    (
        "Nous vous informerons par courrier de toute nouvelle version du règlement du club.",
        "Vous serez informé par courrier de toute nouvelle version du règlement du club.",
        "fr",
    ),
    (
        "Le informaremos por carta de cualquier cambio en esta política del club.",
        "Usted será informado por carta de cualquier cambio en esta política del club.",
        "es",
    ),
    (
        "Vi vil underrette dig pr. brev om ændringer i denne privatlivspolitik for klubben.",
        "Du vil blive underrettet pr. brev om ændringer i denne privatlivspolitik for klubben.",
        "da",
    ),
    (
        "Vi kommer att meddela dig per brev om ändringar i denna integritetspolicy för klubben.",
        "Du kommer att meddelas per brev om ändringar i denna integritetspolicy för klubben.",
        "sv",
    ),
    (
        "Vi vil varsle deg per brev om endringer i denne personvernerklæringen for klubben.",
        "Du vil bli varslet per brev om endringer i denne personvernerklæringen for klubben.",
        "no",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), NOTICE_PASSIVE)
def test_a_notice_promise_said_in_the_passive_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(("old", "new", "language"), NOTICE_PASSIVE)
def test_a_passive_notice_promise_dropped_alerts(old: str, new: str, language: str) -> None:
    assert_alert(removed(new, language), "changes")


def _second_sentence_change(old: str, new: str) -> Change:
    page = "<p>{}</p>"
    changes = page_changes(
        f"<html><body><main>{page.format(old)}</main></body></html>".encode(),
        f"<html><body><main>{page.format(new)}</main></body></html>".encode(),
    )
    assert len(changes) == 1, changes
    return changes[0]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # a notice period added to the promise in the sentence after the one on updating the rules
        (
            "Wir überarbeiten diese Richtlinie von Zeit zu Zeit. "
            "Wir werden Sie per Post über jede neue Fassung informieren.",
            "Wir überarbeiten diese Richtlinie von Zeit zu Zeit. "
            "Wir werden Sie per Post zwei Wochen im Voraus über jede neue Fassung informieren.",
        ),
        (
            "We revise this notice from time to time. We will notify you of each new version.",
            "We revise this notice from time to time. "
            "We will notify you of each new version two weeks in advance.",
        ),
    ],
)
def test_a_notice_period_added_after_a_sentence_on_changes_alerts(old: str, new: str) -> None:
    assert_alert(_second_sentence_change(old, new), "changes")


def test_the_same_notice_after_a_sentence_on_changes_re_worded_is_quiet() -> None:
    change = _second_sentence_change(
        "Wir überarbeiten diese Richtlinie von Zeit zu Zeit. Wir werden Sie per Post darüber informieren.",
        "Wir überarbeiten diese Richtlinie von Zeit zu Zeit. Wir werden Sie darüber per Post informieren.",
    )
    assert_quiet(change)


# --- "in order to be able to" is a purpose, no hedge ---------------------------------------------

ABLE_TO = [
    (
        "Du behöver inte lämna några personuppgifter för att kunna läsa klubbens nyheter.",
        "Du kan läsa klubbens nyheter utan att lämna några personuppgifter.",
        "sv",
    ),
    (
        "Du behøver ikke at afgive personoplysninger for at kunne læse klubbens nyheder.",
        "Du kan læse klubbens nyheder uden at afgive personoplysninger.",
        "da",
    ),
    (
        "Du trenger ikke å oppgi personopplysninger for å kunne lese klubbens nyheter.",
        "Du kan lese klubbens nyheter uten å oppgi personopplysninger.",
        "no",
    ),
    (
        "Sie müssen keine personenbezogenen Daten angeben, um die Vereinsnachrichten lesen zu können.",
        "Sie können die Vereinsnachrichten lesen, ohne personenbezogene Daten anzugeben.",
        "de",
    ),
    (
        "U hoeft geen persoonsgegevens op te geven om het clubnieuws te kunnen lezen.",
        "U kunt het clubnieuws lezen zonder persoonsgegevens op te geven.",
        "nl",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), ABLE_TO)
def test_in_order_to_be_able_to_is_no_hedge(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("old", "new", "language"),
    [
        (
            "Vi lämnar ut dina uppgifter till banken för att kunna ta betalt.",
            "Vi kan lämna ut dina uppgifter till banken och till inkassobolag för att kunna ta betalt.",
            "sv",
        ),
        (
            "Wir geben Ihre Daten an die Bank weiter, um den Beitrag einziehen zu können.",
            "Wir können Ihre Daten an die Bank und an Inkassobüros weitergeben, "
            "um den Beitrag einziehen zu können.",
            "de",
        ),
    ],
)
def test_a_hedge_beside_in_order_to_be_able_to_still_alerts(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "sharing")


# --- the one who consents for a child, named another way ----------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "language"),
    [
        (
            "Für Mitglieder unter 14 Jahren unterschreibt ein Erziehungsberechtigter den Aufnahmeantrag.",
            "Für Mitglieder unter 14 Jahren unterschreibt ein Sorgeberechtigter den Aufnahmeantrag.",
            "de",
        ),
        (
            "Pour les membres de moins de 14 ans, un représentant légal signe la demande d'adhésion.",
            "Pour les membres de moins de 14 ans, un titulaire de l'autorité parentale "
            "signe la demande d'adhésion.",
            "fr",
        ),
        (
            "Para los socios menores de 14 años, firma la solicitud uno de sus tutores.",
            "Para los socios menores de 14 años, firma la solicitud uno de sus representantes legales.",
            "es",
        ),
        (
            "For medlemmer under 14 år underskriver en forælder indmeldelsen.",
            "For medlemmer under 14 år underskriver en værge indmeldelsen.",
            "da",
        ),
        (
            "För medlemmar under 14 år skriver en vårdnadshavare under ansökan.",
            "För medlemmar under 14 år skriver en förmyndare under ansökan.",
            "sv",
        ),
        (
            "For medlemmer under 14 år signerer en foresatt innmeldingen.",
            "For medlemmer under 14 år signerer en verge innmeldingen.",
            "no",
        ),
        (
            "For members under 14, a parent or guardian signs the application.",
            "For members under 14, a parent or legal representative signs the application.",
            "en",
        ),
    ],
)
def test_the_guardian_named_another_way_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


def test_the_guardians_consent_dropped_still_alerts() -> None:
    change = modified(
        "Bei Mitgliedern unter 14 Jahren verarbeiten wir Daten nur mit Einwilligung eines Sorgeberechtigten.",
        "Bei Mitgliedern unter 14 Jahren verarbeiten wir Daten auch ohne Einwilligung.",
        "de",
    )
    assert_alert(change, "children")


# --- a term changed in a sentence about children is about children too ---------------------------


@pytest.mark.parametrize(
    ("old", "new", "language", "category"),
    [
        (
            "Meldet sich ein Kind unter 14 Jahren an, löschen wir das Konto sofort.",
            "Meldet sich ein Kind unter 14 Jahren an, löschen wir das Konto nach 60 Tagen.",
            "de",
            "retention",
        ),
        (
            "Si un niño menor de 14 años se inscribe en el club, borramos su ficha de inmediato.",
            "Si un niño menor de 14 años se inscribe en el club, borramos su ficha en un plazo de 60 días.",
            "es",
            "retention",
        ),
        (
            "Klubbens app er ikke beregnet til børn under 13 år, og vi registrerer ikke bevidst deres data.",
            "Klubbens app er ikke beregnet til børn under 13 år.",
            "da",
            "collection",
        ),
        (
            "If we learn that a child under 13 joined the club, we erase the profile at once.",
            "If we learn that a child under 13 joined the club, we erase the profile within 60 days.",
            "en",
            "retention",
        ),
    ],
)
def test_a_term_changed_in_a_sentence_on_children_is_about_children(
    old: str, new: str, language: str, category: str
) -> None:
    change = modified(old, new, language)
    assert_alert(change, category)
    assert_alert(change, "children")


def test_a_sentence_without_children_gets_no_children_category() -> None:
    change = modified(
        "We erase a member's profile at once when they leave the club.",
        "We erase a member's profile within 60 days when they leave the club.",
    )
    assert_alert(change, "retention")
    assert "children" not in change.categories


def test_a_spanish_age_in_the_singular_is_an_age_not_a_period() -> None:
    facts = extract_facts("Si un menor de 14 años se inscribe, borramos su ficha de inmediato.", "es")
    assert facts.ages == (14,)
    assert not facts.durations


# --- a safeguard of a transfer abroad dropped is about the transfer too ---------------------------


@pytest.mark.parametrize(
    ("old", "new", "language"),
    [
        (
            "Los resultados se transfieren cifrados a nuestro laboratorio en Canadá.",
            "Los resultados se transfieren a nuestro laboratorio en Canadá.",
            "es",
        ),
        (
            "Die Ergebnisse werden verschlüsselt an unser Labor in Kanada übermittelt.",
            "Die Ergebnisse werden an unser Labor in Kanada übermittelt.",
            "de",
        ),
        (
            "Les résultats sont transférés chiffrés vers notre laboratoire au Canada.",
            "Les résultats sont transférés vers notre laboratoire au Canada.",
            "fr",
        ),
        (
            "Test results are transferred to our lab in Canada in encrypted form.",
            "Test results are transferred to our lab in Canada.",
            "en",
        ),
    ],
)
def test_encryption_dropped_from_a_transfer_abroad_is_about_the_transfer(
    old: str, new: str, language: str
) -> None:
    change = modified(old, new, language)
    assert_alert(change, "security")
    assert_alert(change, "transfer")


def test_encryption_dropped_with_no_transfer_is_security_only() -> None:
    change = modified(
        "Test results are stored on our lab server in encrypted form.",
        "Test results are stored on our lab server.",
    )
    assert_alert(change, "security")
    assert "transfer" not in change.categories


# --- an exception held to what is strictly necessary ---------------------------------------------

STRICTLY = [
    (
        "The club asks before it sets cookies, unless they are strictly necessary for the booking page.",
        "The club asks before it sets cookies, unless they are helpful for the booking page.",
        "The club asks before it sets cookies, unless they are strictly required for the booking page.",
        "en",
    ),
    (
        "Le club demande votre accord avant de déposer des cookies, sauf s'ils sont strictement "
        "nécessaires à la page de réservation.",
        "Le club demande votre accord avant de déposer des cookies, sauf s'ils sont pratiques pour "
        "la page de réservation.",
        "Le club demande votre accord avant de déposer des cookies, sauf s'ils sont strictement "
        "indispensables à la page de réservation.",
        "fr",
    ),
    (
        "Der Verein fragt vor dem Setzen von Cookies, es sei denn, sie sind für die Buchungsseite "
        "unbedingt erforderlich.",
        "Der Verein fragt vor dem Setzen von Cookies, es sei denn, sie sind für die Buchungsseite hilfreich.",
        "Der Verein fragt vor dem Setzen von Cookies, es sei denn, sie sind für die Buchungsseite "
        "zwingend erforderlich.",
        "de",
    ),
    (
        "El club pide permiso antes de instalar cookies, salvo que sean estrictamente necesarias "
        "para la página de reservas.",
        "El club pide permiso antes de instalar cookies, salvo que sean útiles para la página de reservas.",
        "El club pide permiso antes de instalar cookies, salvo que sean estrictamente imprescindibles "
        "para la página de reservas.",
        "es",
    ),
    (
        "Klubben beder om samtykke, før den sætter cookies, medmindre de er strengt nødvendige "
        "for bookingsiden.",
        "Klubben beder om samtykke, før den sætter cookies, medmindre de er nyttige for bookingsiden.",
        "Klubben beder om samtykke, før den sætter cookies, medmindre de er absolut nødvendige "
        "for bookingsiden.",
        "da",
    ),
    (
        "Klubben ber om samtykke før den setter informasjonskapsler, med mindre de er strengt "
        "nødvendige for bestillingssiden.",
        "Klubben ber om samtykke før den setter informasjonskapsler, med mindre de er nyttige for "
        "bestillingssiden.",
        "Klubben ber om samtykke før den setter informasjonskapsler, med mindre de er absolutt "
        "nødvendige for bestillingssiden.",
        "no",
    ),
    (
        "De club vraagt toestemming voor het plaatsen van cookies, tenzij ze strikt noodzakelijk zijn "
        "voor de boekingspagina.",
        "De club vraagt toestemming voor het plaatsen van cookies, tenzij ze handig zijn "
        "voor de boekingspagina.",
        "De club vraagt toestemming voor het plaatsen van cookies, tenzij ze absoluut noodzakelijk zijn "
        "voor de boekingspagina.",
        "nl",
    ),
]


@pytest.mark.parametrize(("old", "widened", "reworded", "language"), STRICTLY)
def test_strictly_necessary_dropped_from_an_exception_alerts(
    old: str, widened: str, reworded: str, language: str
) -> None:
    assert_alert(modified(old, widened, language), "tracking")


@pytest.mark.parametrize(("old", "widened", "reworded", "language"), STRICTLY)
def test_strictly_necessary_said_another_way_is_quiet(
    old: str, widened: str, reworded: str, language: str
) -> None:
    assert_quiet(modified(old, reworded, language))


def test_a_german_notice_told_with_ueber_aenderungen_informieren_is_about_changes() -> None:
    change = modified(
        "Der Verein wird Sie mindestens vier Wochen vorher per Post über Änderungen der Satzung informieren.",
        "Der Verein wird Sie mindestens eine Woche vorher per Post über Änderungen der Satzung informieren.",
        "de",
    )
    assert_alert(change, "changes")
