"""Patterns from held-out real version histories (issue 10, round 13: the Firefox privacy notice in
German, Spanish and French): a country put after the provider a sentence sends data to ("our
analytics provider in Canada") is a new transfer destination, and a German provider named by a
compound ("Statistikanbieter") is a service provider; the user's choice to decline ("you can always
say no") is an opt-out, and deleting what one uploaded "at any time" the right to erasure, so
dropping either takes a right away; "the data does not reveal your identity" promises anonymous
data, not that no one is told, so saying it as "the data does not identify you" is the same
promise; French "pouvant" and Spanish "pudiendo" (which may) say what "susceptible de" and
"puede" say; a sentence that lists what a kind of data includes ("usage data includes …") lists
data collected, so a new item in it is new data."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, removed


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "The app sends usage statistics to Mixpanel, our statistics vendor.",
            "The app sends usage statistics to Mixpanel, our statistics vendor in Canada.",
        ),
        (
            "de",
            "Die App sendet Nutzungsstatistiken an Mixpanel, unseren Statistikanbieter.",
            "Die App sendet Nutzungsstatistiken an Mixpanel, unseren Statistikanbieter in Kanada.",
        ),
        (
            "es",
            "La app envía estadísticas a Mixpanel, nuestro proveedor de estadísticas.",
            "La app envía estadísticas a Mixpanel, nuestro proveedor de estadísticas en Canadá.",
        ),
    ],
)
def test_a_country_added_to_the_provider_data_goes_to_is_a_transfer(
    language: str, old: str, new: str
) -> None:
    assert_alert(modified(old, new, language), "transfer")


def test_a_provider_named_again_without_its_country_moving_stays_quiet() -> None:
    change = modified(
        "Die App sendet Nutzungsstatistiken an Mixpanel, unseren Statistikanbieter in Kanada.",
        "Die App sendet Nutzungsstatistiken an Mixpanel, unseren Statistikanbieter mit Sitz in Kanada.",
        "de",
    )
    assert_quiet(change)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We will ask before uploading a diagnostic log, and you can always decline."),
        ("de", "Wir fragen vor dem Hochladen. Sie haben jederzeit die Möglichkeit, dies abzulehnen."),
        ("fr", "Nous demandons avant d’envoyer le journal, et vous pouvez toujours refuser."),
        ("es", "Le preguntaremos antes de subir el registro y siempre tiene la opción de rechazar."),
        ("nl", "We vragen het u voordat we een diagnoselogboek uploaden, en u kunt dit altijd weigeren."),
        ("da", "Vi spørger, før vi uploader en diagnoselog, og du kan altid afvise."),
        ("sv", "Vi frågar innan vi laddar upp en diagnoslogg, och du kan alltid avböja."),
        ("no", "Vi spør før vi laster opp en diagnoselogg, og du kan alltid avslå."),
    ],
)
def test_dropping_the_users_choice_to_decline_takes_an_opt_out_away(language: str, text: str) -> None:
    assert_alert(removed(text, language), "rights")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You can delete the recordings you shared with us at any time."),
        ("de", "Sie können die von Ihnen geteilten Aufnahmen jederzeit löschen."),
        ("fr", "Vous pouvez supprimer les enregistrements que vous avez partagés à tout moment."),
        ("es", "Puede borrar las grabaciones que ha compartido en cualquier momento."),
        ("nl", "U kunt de opnamen die u hebt gedeeld op elk moment verwijderen."),
        ("da", "Du kan til enhver tid slette de optagelser, du har delt."),
        ("sv", "Du kan när som helst radera de inspelningar du har delat."),
        ("no", "Du kan når som helst slette opptakene du har delt."),
    ],
)
def test_dropping_the_users_own_deletion_at_any_time_is_a_right_dropped(language: str, text: str) -> None:
    assert_alert(removed(text, language), "rights")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We count how often each article is opened. These counts do not reveal your identity.",
            "We count how often each article is opened. These counts do not identify you.",
        ),
        (
            "es",
            "Contamos cuántas veces se abre cada artículo. Estas cifras no revelan su identidad.",
            "Contamos cuántas veces se abre cada artículo. Estas cifras no permiten identificarle.",
        ),
    ],
)
def test_data_that_does_not_reveal_who_you_are_said_another_way_stays_quiet(
    language: str, old: str, new: str
) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("en", "We never reveal your address to advertisers.", "We may reveal your address to advertisers."),
        ("es", "Nunca revelamos su dirección a anunciantes.", "Podemos revelar su dirección a anunciantes."),
    ],
)
def test_revealing_data_to_someone_is_still_disclosure(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "fr",
            "Le journal, pouvant contenir votre adresse IP, est envoyé à notre équipe technique.",
            "Le journal, susceptible de contenir votre adresse IP, est envoyé à notre équipe technique.",
        ),
        (
            "es",
            "El registro se envía a nuestro equipo técnico, pudiendo contener su dirección IP.",
            "El registro se envía a nuestro equipo técnico y puede contener su dirección IP.",
        ),
    ],
)
def test_a_participle_of_may_says_may(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Billing data includes your card type, postcode and the date of purchase.",
            "Billing data includes your card type, postcode, home address and the date of purchase.",
        ),
        (
            "de",
            "Die Abrechnungsdaten umfassen den Kartentyp und das Kaufdatum.",
            "Die Abrechnungsdaten umfassen den Kartentyp, die Wohnanschrift und das Kaufdatum.",
        ),
        (
            "fr",
            "Les données de facturation incluent le type de carte et la date d’achat.",
            "Les données de facturation incluent le type de carte, l’adresse du domicile et la date d’achat.",
        ),
        (
            "es",
            "Los datos de facturación incluyen el tipo de tarjeta y la fecha de compra.",
            "Los datos de facturación incluyen el tipo de tarjeta, el domicilio y la fecha de compra.",
        ),
        (
            "nl",
            "De factuurgegevens omvatten het type kaart, de postcode en de aankoopdatum.",
            "De factuurgegevens omvatten het type kaart, de postcode, het woonadres en de aankoopdatum.",
        ),
        (
            "da",
            "Faktureringsoplysningerne omfatter korttype, postnummer og købsdato.",
            "Faktureringsoplysningerne omfatter korttype, postnummer, bopælsadresse og købsdato.",
        ),
        (
            "sv",
            "Faktureringsuppgifterna omfattar korttyp, postnummer och inköpsdatum.",
            "Faktureringsuppgifterna omfattar korttyp, postnummer, hemadress och inköpsdatum.",
        ),
        (
            "no",
            "Faktureringsopplysningene omfatter korttype, postnummer og kjøpsdato.",
            "Faktureringsopplysningene omfatter korttype, postnummer, bostedsadresse og kjøpsdato.",
        ),
    ],
)
def test_an_item_added_to_what_a_kind_of_data_includes_is_data_collected(
    language: str, old: str, new: str
) -> None:
    assert_alert(modified(old, new, language), "collection")


def test_the_same_items_listed_in_another_order_stay_quiet() -> None:
    change = modified(
        "Billing data includes your card type, postcode and the date of purchase.",
        "Billing data includes the date of purchase, your card type and postcode.",
    )
    assert_quiet(change)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Wir speichern Ihre Videos.",
            "Wir speichern Ihre Videos und machen sie zusammen mit Ihrem Wohnort öffentlich.",
        ),
        (
            "Wir speichern Ihre Videos.",
            "Wir speichern Ihre Videos und machen sie der Öffentlichkeit unter freier Lizenz zugänglich.",
        ),
        ("Wir zeigen Ihre Nummer nicht öffentlich an.", "Wir zeigen Ihre Nummer öffentlich an."),
    ],
)
def test_making_data_public_is_sharing_in_german(old: str, new: str) -> None:
    assert_alert(modified(old, new, "de"), "sharing")


def test_not_showing_data_publicly_said_another_way_stays_quiet() -> None:
    change = modified(
        "Wir zeigen Ihre Telefonnummer nicht öffentlich an.",
        "Ihre Telefonnummer wird von uns nie öffentlich angezeigt.",
        "de",
    )
    assert_quiet(change)


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We disclaim every warranty, such as fitness and non-infringement of rights.",
            "We disclaim every warranty, such as fitness and non-infringement of third-party rights.",
        ),
        (
            "de",
            "Wir lehnen jede Gewähr ab, etwa für Eignung und Nichtverletzung von Rechten.",
            "Wir lehnen jede Gewähr ab, etwa für Eignung und Nichtverletzung fremder Rechte.",
        ),
        (
            "de",
            "Diese Bedingungen unterliegen den Gesetzen des Bundesstaats New York.",
            "Für diese Bedingungen gilt das Recht des Bundesstaats New York.",
        ),
    ],
)
def test_someone_elses_rights_and_the_governing_law_are_no_data_terms(
    language: str, old: str, new: str
) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("en", "Members must be older than 15 to post.", "Members must be at least 16 years old to post."),
        ("de", "Mitglieder müssen älter als 15 Jahre sein.", "Mitglieder sind mindestens 16 Jahre alt."),
    ],
)
def test_older_than_one_age_is_at_least_the_next(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("en", "Members must be older than 15 to post.", "Members must be older than 17 to post."),
        ("de", "Mitglieder müssen älter als 15 Jahre sein.", "Mitglieder müssen älter als 17 Jahre sein."),
        (
            "de",
            "Wer 15 Jahre oder jünger ist, braucht die Zustimmung der Eltern.",
            "Wer 17 Jahre oder jünger ist, braucht die Zustimmung der Eltern.",
        ),
    ],
)
def test_a_different_age_said_as_older_than_or_or_younger_is_a_new_threshold(
    language: str, old: str, new: str
) -> None:
    assert_alert(modified(old, new, language), "children")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Subscribers may get e-mails from us (for example about billing or security updates).",
            "Subscribers may get e-mails from us.",
        ),
        (
            "de",
            "Abonnenten erhalten E-Mails von uns (etwa zu Rechnungen oder Sicherheitsaktualisierungen).",
            "Abonnenten erhalten E-Mails von uns.",
        ),
    ],
)
def test_security_updates_named_as_a_topic_of_e_mails_are_no_security_term(
    language: str, old: str, new: str
) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("en", "We keep your files on secure servers.", "We keep your files on our servers."),
        ("de", "Ihre Dateien liegen auf sicheren Servern.", "Ihre Dateien liegen auf unseren Servern."),
    ],
)
def test_a_security_promise_dropped_is_still_an_alert(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "security")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We accept no liability for texts that you or third parties publish or send to the service.",
            "You agree to hold us harmless from any claims about the service.",
        ),
        (
            "de",
            "Wir übernehmen keine Haftung für Texte, die Sie oder Dritte veröffentlichen oder übertragen.",
            "Sie stellen uns von allen Ansprüchen zum Dienst frei.",
        ),
    ],
)
def test_third_parties_who_publish_content_are_no_recipients(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert "third parties" not in change.explanation, change


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("en", "We share it with advertisers.", "We share it with advertisers and third parties."),
        ("de", "Wir geben sie an Werbepartner weiter.", "Wir geben sie an Werbepartner und Dritte weiter."),
    ],
)
def test_third_parties_who_receive_data_are_still_recipients(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing")
