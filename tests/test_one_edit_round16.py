"""One realistic edit of a policy sentence (round 16, issue 10): patterns a fresh held-out set of
real de/fr/es/da/sv/en/nl/no paragraphs (banks, insurers, health apps, shops) showed, each stated
in new sentences of its own.

"neither … nor" negates once, as "do not … or" does, in every language whose lexicon has such a
word; a negated "use … for" reaches each item of its list ("sale", "rental"); Dutch "stellen …
ter beschikking" is sharing with the verb before its particle; "said yes to it", "dersom du …",
"en caso de que hayas aceptado", "et que vous nous avez fourni votre consentement" and a long
"sofern Sie … Einwilligung erteilt haben" are consent conditions; Danish "ved omfattende
ændringer gives besked" is a change notice; Nynorsk "månadar" are months; Spanish "siempre que sea
posible" is a hedge, not a limit; "übermitteln an" the same party with no country named is the
sharing "weitergeben an" said, not a transfer abroad.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.facts import extract_facts

# --- the same term said another way: quiet ----------------------------------------------------

QUIET = [
    # en: a correlative negation states the same ban as "do not … or"
    (
        "We do not rent or sell your booking history to travel agencies.",
        "We neither rent nor sell your booking history to travel agencies.",
        "en",
    ),
    (
        "We do not sell or share your step counts with insurers or run third-party ads.",
        "We neither sell nor share your step counts with insurers, nor run third-party ads.",
        "en",
    ),
    # en: the list after a negated "use … for" keeps the negation for "sale" and "rental"
    (
        "We do not use the sleep records you log for marketing, profiling, sale, rental, or research.",
        "The sleep records you log are not used for marketing, profiling, sale, rental, or research.",
        "en",
    ),
    # fr / es: "ni … ni" said for "ne … pas … ou"
    (
        "Nous ne vendons pas et ne louons pas vos relevés de compte à des courtiers.",
        "Nous ne vendons ni ne louons vos relevés de compte à des courtiers.",
        "fr",
    ),
    # nl: the separable verb before its particle negates the same sharing as the passive
    (
        "Wij stellen uw klantgegevens nooit ter beschikking aan adverteerders.",
        "Uw klantgegevens worden nooit aan adverteerders ter beschikking gesteld.",
        "nl",
    ),
    # da: "hvis du har sagt ja til det" is the consent "hvis du har givet samtykke" names
    (
        "Vi sender kun tilbud til din mobil, hvis du har sagt ja til det.",
        "Vi sender kun tilbud til din mobil, hvis du har givet samtykke til det.",
        "da",
    ),
    # no: "dersom du gir samtykke" is the condition "uten ditt samtykke" states
    (
        "Analyseverktøy brukes kun dersom du gir samtykke.",
        "Vi bruker ikke analyseverktøy uten ditt samtykke.",
        "no",
    ),
    # es: dropping the hedge "siempre que sea posible" from what the user is asked to do
    (
        "Antes de subir la foto de otra persona, infórmele y, siempre que sea posible, pídale permiso.",
        "Antes de subir la foto de otra persona, infórmele y pídale siempre permiso.",
        "es",
    ),
    # de: "übermitteln an" the same carrier, no country named: the same hand-over as "weitergeben an"
    (
        "Für die Abbuchung geben wir Ihre Kontonummer an unseren Zahlungsdienstleister weiter.",
        "Für die Abbuchung übermitteln wir Ihre Kontonummer an unseren Zahlungsdienstleister.",
        "de",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), QUIET)
def test_the_same_term_said_another_way_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


# --- a condition dropped, a notice dropped, a period changed: material --------------------------

MATERIAL = [
    # de: consent given long after "sofern Sie" is still the condition; dropping it shares freely
    (
        "Sofern Sie uns beim Abschluss des Tarifs Ihre schriftliche Einwilligung erteilt haben, "
        "geben wir Ihre Telefonnummer an den Gutachter weiter.",
        "Wir geben Ihre Telefonnummer an den Gutachter weiter.",
        "de",
        "sharing",
    ),
    # es: the perfect "en caso de que hayas aceptado" is a consent condition
    (
        "Usamos tus datos de navegación, en caso de que hayas aceptado las cookies, para medir las visitas.",
        "Usamos tus datos de navegación para medir las visitas.",
        "es",
        "purpose",
    ),
    # fr: "et que vous nous avez fourni votre consentement" is a consent condition
    (
        "Nous utilisons votre position lorsque vous ouvrez la carte et que vous nous avez fourni "
        "votre consentement.",
        "Nous utilisons votre position lorsque vous ouvrez la carte.",
        "fr",
        "purpose",
    ),
    # da: marketing mail no longer waits for a yes
    (
        "Vi sender kun nyhedsbreve til din e-mail, hvis du har sagt ja til det.",
        "Vi sender nyhedsbreve til din e-mail.",
        "da",
        "purpose",
    ),
    # no (nynorsk): months written "månadar"
    (
        "Loggane vert sletta automatisk etter 6 månadar.",
        "Loggane vert sletta automatisk etter 18 månadar.",
        "no",
        "retention",
    ),
    # en: a correlative ban that no longer covers sale is a new permission
    (
        "We neither sell nor rent your location history.",
        "We do not rent your location history, but we may sell it.",
        "en",
        "sharing",
    ),
    # de: "übermitteln" to a party in a named country is a transfer, not a re-worded hand-over
    (
        "Für die Abbuchung geben wir Ihre Kontonummer an unseren Zahlungsdienstleister weiter.",
        "Für die Abbuchung übermitteln wir Ihre Kontonummer an unseren Zahlungsdienstleister in den USA.",
        "de",
        "transfer",
    ),
]


@pytest.mark.parametrize(("old", "new", "language", "category"), MATERIAL)
def test_a_changed_term_alerts(old: str, new: str, language: str, category: str) -> None:
    assert_alert(modified(old, new, language), category)


def test_a_danish_change_notice_said_in_the_passive_is_a_promise() -> None:
    facts = extract_facts("Ved omfattende ændringer af politikken gives tydelig besked på forsiden.", "da")
    assert "changes" in facts.categories
    assert facts.change_notice == "promised"


def test_dropping_the_passive_danish_change_notice_alerts() -> None:
    change = modified(
        "Vi opdaterer politikken løbende. Ved omfattende ændringer gives tydelig besked på forsiden.",
        "Vi opdaterer politikken løbende.",
        "da",
    )
    assert_alert(change, "changes")


def test_a_negated_use_reaches_the_trades_in_its_list() -> None:
    facts = extract_facts("We do not use your pulse data for marketing, profiling, sale, or rental.", "en")
    assert facts.polarity_states("sell") == {"negated"}
    assert facts.polarity_states("rent") == {"negated"}


def test_an_affirmed_list_stays_affirmed() -> None:
    facts = extract_facts("We use your order data for analytics, marketing, sale, or rental.", "en")
    assert facts.polarity_states("sell") == {"affirmed"}


def test_a_negation_dropped_before_a_correlative_word_alerts() -> None:
    # "not … nor …" losing its "not" rules out less, though "nor" stays
    change = modified(
        "We do not record support calls, nor do we keep chat transcripts.",
        "We record support calls, nor do we keep chat transcripts.",
        "en",
    )
    assert change.material, change


def test_a_spanish_hedge_is_no_limit_but_a_condition_still_is() -> None:
    # "siempre que sea posible" (wherever possible) weakens a promise; "siempre que usted lo
    # solicite" (provided you ask) limits when it happens
    hedged = extract_facts("Cifraremos sus copias de seguridad siempre que sea posible.", "es")
    assert "limit" not in hedged.conditions
    asked = extract_facts("Compartimos sus datos con la aseguradora siempre que usted lo solicite.", "es")
    assert "limit" in asked.conditions


DETAILS = [
    # da: the list sentence has no verb; the one before it says the details are collected
    (
        "Disse oplysninger er medlemmets navn, adresse og e-mailadresse.",
        "Disse oplysninger er medlemmets navn, adresse, e-mailadresse og CPR-nummer.",
        "da",
    ),
    # sv: a credit report on the applicant joins the details handled
    (
        "Uppgifterna gäller sökandens namn, telefonnummer och e-postadress.",
        "Uppgifterna gäller sökandens namn, telefonnummer, e-postadress och kreditupplysningar.",
        "sv",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), DETAILS)
def test_a_sensitive_kind_added_to_a_list_of_details_is_collection(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "collection")


def test_contact_details_reworded_in_a_list_of_details_stay_quiet() -> None:
    change = modified(
        "Disse oplysninger er medlemmets navn, adresse og e-mailadresse.",
        "Disse oplysninger er medlemmets navn, e-mailadresse og adresse.",
        "da",
    )
    assert_quiet(change)


MORE_MATERIAL = [
    # de: the country a "Webserver" runs in is where the data is kept
    (
        "Unser Webserver wird von der Firma Nordhost in Frankfurt am Main, Deutschland, betrieben.",
        "Unser Webserver wird von der Firma Nordhost in Chicago, USA, betrieben.",
        "de",
        "transfer",
    ),
    # sv: the compound "webbserver" is a server too
    (
        "Vår webbserver drivs av ett företag i Sverige.",
        "Vår webbserver drivs av ett företag i Sverige och i Indien.",
        "sv",
        "transfer",
    ),
    # de: "soweit dies … erforderlich ist" limits the hand-over to what is needed
    (
        "Wir geben Ihre Anschrift an unseren Zahlungsdienstleister weiter, soweit dies für die "
        "Abrechnung erforderlich ist.",
        "Wir geben Ihre Anschrift an unseren Zahlungsdienstleister weiter.",
        "de",
        "sharing",
    ),
    # fr: "vous adresser des offres commerciales" after a verb of collecting is a marketing use
    (
        "Nous recueillons votre adresse afin de gérer votre abonnement.",
        "Nous recueillons votre adresse afin de gérer votre abonnement et de vous adresser des offres "
        "commerciales.",
        "fr",
        "purpose",
    ),
]


@pytest.mark.parametrize(("old", "new", "language", "category"), MORE_MATERIAL)
def test_a_place_a_limit_or_a_use_changed_alerts(old: str, new: str, language: str, category: str) -> None:
    assert_alert(modified(old, new, language), category)


def test_a_hedge_dropped_from_what_the_reader_is_asked_to_do_is_quiet() -> None:
    # es: "tenga a bien" asks the reader to do something; the service promises nothing in it
    change = modified(
        "Si nos envía fotos de otras personas, tenga a bien informarles y, cuando sea posible, "
        "pídales permiso para compartirlas con nosotros.",
        "Si nos envía fotos de otras personas, tenga a bien informarles y pídales siempre permiso "
        "para compartirlas con nosotros.",
        "es",
    )
    assert_quiet(change)


def test_a_hedge_added_to_what_the_service_does_still_alerts() -> None:
    change = modified(
        "Tenga a bien revisar sus datos. Compartimos sus datos con la aseguradora.",
        "Tenga a bien revisar sus datos. Podemos compartir sus datos con la aseguradora y con bancos.",
        "es",
    )
    assert_alert(change, "sharing")


def test_the_german_noun_for_using_the_data_is_a_use_as_the_verb_is() -> None:
    # "eine Verwendung der Angaben" names the use "wir verwenden die Angaben" names
    noun = extract_facts("Eine sonstige Verwendung der Angaben aus dem Formular findet nicht statt.", "de")
    verb = extract_facts("Wir verwenden die Angaben aus dem Formular nicht anderweitig.", "de")
    assert "purpose" in noun.categories
    assert "purpose" in verb.categories
