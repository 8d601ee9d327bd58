"""Real version histories, round 30b (h58): patterns from a French airline's policy history.

Each test states, in new sentences, a pattern the engine got wrong on real consecutive versions:
the places of a trip the user makes ("when you book a trip from A to B or C, we must hand your
booking to the border police") are where the user goes, not whom the data is given to: a place
added to or dropped from that trip is no recipient.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

# --- the places of the user's trip are no recipients -----------------------------------------

# (language, old, new): a place added to the trip of an example; the recipient stays the same
TRIP_PLACES = [
    (
        "en",
        (
            "For instance, "
            "if you book a trip from Oslo to Bergen, we have to hand your booking to the border police."
        ),
        (
            "For instance, "
            "if you book a trip from Oslo to Bergen or Tromsø, "
            "we have to hand your booking to the border police."
        ),
    ),
    (
        "de",
        (
            "Wenn Sie zum Beispiel eine Reise von Graz nach Split buchen, "
            "müssen wir Ihre Buchung an die Grenzpolizei weitergeben."
        ),
        (
            "Wenn Sie zum Beispiel eine Reise von Graz nach Split oder Zadar buchen, "
            "müssen wir Ihre Buchung an die Grenzpolizei weitergeben."
        ),
    ),
    (
        "fr",
        (
            "Ainsi, "
            "si vous réservez un voyage de Nantes vers Porto, "
            "nous devons transmettre votre réservation à la police des frontières."
        ),
        (
            "Ainsi, "
            "si vous réservez un voyage de Nantes vers Porto ou Faro, "
            "nous devons transmettre votre réservation à la police des frontières."
        ),
    ),
    (
        "es",
        (
            "Por ejemplo, "
            "si reserva un viaje de Bilbao a Lisboa, debemos comunicar su reserva a la policía de fronteras."
        ),
        (
            "Por ejemplo, "
            "si reserva un viaje de Bilbao a Lisboa o Oporto, "
            "debemos comunicar su reserva a la policía de fronteras."
        ),
    ),
    (
        "da",
        (
            "Hvis du for eksempel bestiller en rejse fra Aalborg til Riga, "
            "skal vi videregive din booking til grænsepolitiet."
        ),
        (
            "Hvis du for eksempel bestiller en rejse fra Aalborg til Riga eller Vilnius, "
            "skal vi videregive din booking til grænsepolitiet."
        ),
    ),
    (
        "sv",
        (
            "Om du till exempel bokar en resa från Luleå till Tallinn "
            "måste vi lämna ut din bokning till gränspolisen."
        ),
        (
            "Om du till exempel bokar en resa från Luleå till Tallinn eller "
            "Riga måste vi lämna ut din bokning till gränspolisen."
        ),
    ),
    (
        "no",
        (
            "Hvis du for eksempel bestiller en reise fra Tromsø til Riga, "
            "må vi utlevere bestillingen din til grensepolitiet."
        ),
        (
            "Hvis du for eksempel bestiller en reise fra Tromsø til Riga eller Vilnius, "
            "må vi utlevere bestillingen din til grensepolitiet."
        ),
    ),
    (
        "nl",
        (
            "Als u bijvoorbeeld een reis van Groningen naar Porto boekt, "
            "moeten wij uw boeking doorgeven aan de grenspolitie."
        ),
        (
            "Als u bijvoorbeeld een reis van Groningen naar Porto of Faro boekt, "
            "moeten wij uw boeking doorgeven aan de grenspolitie."
        ),
    ),
    (
        "hr",
        (
            "Na primjer, "
            "ako rezervirate putovanje iz Osijeka u Beč, "
            "vašu rezervaciju moramo proslijediti graničnoj policiji."
        ),
        (
            "Na primjer, "
            "ako rezervirate putovanje iz Osijeka u Beč ili Graz, "
            "vašu rezervaciju moramo proslijediti graničnoj policiji."
        ),
    ),
    (
        "sl",
        (
            "Če na primer rezervirate potovanje iz Maribora v Split, "
            "moramo vašo rezervacijo posredovati mejni policiji."
        ),
        (
            "Če na primer rezervirate potovanje iz Maribora v Split ali Zadar, "
            "moramo vašo rezervacijo posredovati mejni policiji."
        ),
    ),
    (
        "zh",
        "例如，如果您预订从成都飞往曼谷的航班，我们必须将您的预订信息提供给边境警察。",
        "例如，如果您预订从成都飞往曼谷或清迈的航班，我们必须将您的预订信息提供给边境警察。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), TRIP_PLACES, ids=[t[0] for t in TRIP_PLACES])
def test_a_place_of_the_users_trip_is_no_recipient(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


# (language, old, new): a party added to whom the data is given: still a recipient added
RECIPIENTS_ADDED = [
    (
        "en",
        "We hand your booking to the border police or Skyguard.",
        "We hand your booking to the border police, Skyguard or Tripcheck.",
    ),
    (
        "fr",
        "Nous transmettons votre réservation à la police des frontières ou à Skyguard.",
        "Nous transmettons votre réservation à la police des frontières, à Skyguard ou à Tripcheck.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), RECIPIENTS_ADDED, ids=[t[0] for t in RECIPIENTS_ADDED])
def test_a_party_added_beside_a_trip_word_is_still_a_recipient(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing")


# --- "may reveal X" said as "allows inferring X": the same possibility -------------------------

# (language, old, new): a modal and its verb put as an enabler and another verb; nothing else.
# Dutch is left out: its verb comes at the end ("maakt het mogelijk X te verkrijgen"), beyond the reach.
POSSIBILITY_AS_ENABLING = [
    (
        "en",
        "A request for a special meal may reveal your religion or a health condition.",
        "A request for a special meal allows obtaining hints about your religion or a health condition.",
    ),
    (
        "de",
        "Ein Wunsch nach einer Sondermahlzeit kann Hinweise auf Ihre Religion oder Gesundheit geben.",
        (
            "Ein Wunsch nach einer Sondermahlzeit ermöglicht es, Hinweise "
            "auf Ihre Religion oder Gesundheit zu erhalten."
        ),
    ),
    (
        "fr",
        "Une demande de repas spécial peut révéler votre religion ou votre état de santé.",
        (
            "Une demande de repas spécial permet d'obtenir des indices "
            "sur votre religion ou votre état de santé."
        ),
    ),
    (
        "es",
        "Una solicitud de comida especial puede revelar su religión o su estado de salud.",
        "Una solicitud de comida especial permite obtener indicios sobre su religión o su estado de salud.",
    ),
    (
        "da",
        "En anmodning om et særligt måltid kan afsløre din religion eller dit helbred.",
        (
            "En anmodning om et særligt måltid gør det muligt at "
            "indsamle tegn på din religion eller dit helbred."
        ),
    ),
    (
        "sv",
        "En begäran om en specialmåltid kan avslöja din religion eller din hälsa.",
        "En begäran om en specialmåltid gör det möjligt att samla in tecken på din religion eller din hälsa.",
    ),
    (
        "no",
        "En forespørsel om et spesialmåltid kan avsløre din religion eller din helse.",
        "En forespørsel om et spesialmåltid gjør det mulig å samle inn tegn på din religion eller din helse.",
    ),
    (
        "hr",
        "Zahtjev za posebnim obrokom može otkriti vašu vjeru ili zdravstveno stanje.",
        "Zahtjev za posebnim obrokom omogućuje prikupiti naznake o vašoj vjeri ili zdravstvenom stanju.",
    ),
    (
        "sl",
        "Zahteva za poseben obrok lahko razkrije vašo vero ali zdravstveno stanje.",
        "Zahteva za poseben obrok omogoča zbrati namige o vaši veri ali zdravstvenem stanju.",
    ),
]


@pytest.mark.parametrize(
    ("language", "old", "new"), POSSIBILITY_AS_ENABLING, ids=[t[0] for t in POSSIBILITY_AS_ENABLING]
)
def test_a_possibility_said_as_enabling_changes_no_term(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_a_modal_dropped_without_an_enabler_still_alerts() -> None:
    change = modified(
        "We may share your booking with the border police.", "We share your booking with the border police."
    )
    assert change.material, change


# --- items added to "further data is processed, such as A, B and C": data collected -------------

# (language, sentence with the listed data as {}, the items before, the items after). Chinese is left
# out: the list reader finds no insertion of two items into a 、 list.
PROCESSED_DATA_LISTED = [
    (
        "en",
        "When you join the club, we process further personal data, such as {} and the points you earned.",
        "your member number, your tier",
        "your member number, your shoe size, your allergies, your tier",
    ),
    (
        "de",
        (
            "Wenn Sie dem Club beitreten, verarbeiten wir weitere "
            "personenbezogene Daten, wie {} und Ihre Punkte."
        ),
        "Ihre Mitgliedsnummer, Ihre Stufe",
        "Ihre Mitgliedsnummer, Ihre Schuhgröße, Ihre Allergien, Ihre Stufe",
    ),
    (
        "fr",
        (
            "Lorsque vous rejoignez le club, nous traitons d'autres "
            "données personnelles, comme {} et vos points."
        ),
        "votre numéro de membre, votre niveau",
        "votre numéro de membre, votre pointure, vos allergies, votre niveau",
    ),
    (
        "es",
        "Cuando se une al club, tratamos otros datos personales, como {} y sus puntos.",
        "su número de miembro, su nivel",
        "su número de miembro, su nivel, su talla de calzado, sus alergias",
    ),
    (
        "da",
        "Når du bliver medlem af klubben, behandler vi yderligere personoplysninger, såsom {} og dine point.",
        "dit medlemsnummer, dit niveau",
        "dit medlemsnummer, din skostørrelse, dine allergier, dit niveau",
    ),
    (
        "sv",
        "När du går med i klubben behandlar vi ytterligare personuppgifter, till exempel {} och dina poäng.",
        "ditt medlemsnummer, din nivå",
        "ditt medlemsnummer, din skostorlek, dina allergier, din nivå",
    ),
    (
        "no",
        (
            "Når du blir medlem av klubben, behandler vi flere personopplysninger, "
            "for eksempel {} og poengene dine."
        ),
        "medlemsnummeret ditt, nivået ditt",
        "medlemsnummeret ditt, skostørrelsen din, allergiene dine, nivået ditt",
    ),
    (
        "nl",
        "Wanneer u lid wordt van de club, verwerken wij aanvullende persoonsgegevens, zoals {} en uw punten.",
        "uw lidnummer, uw niveau",
        "uw lidnummer, uw schoenmaat, uw allergieën, uw niveau",
    ),
    (
        "hr",
        "Kada se učlanite u klub, obrađujemo dodatne osobne podatke, kao što su {} i vaši bodovi.",
        "vaš članski broj, vaša razina",
        "vaš članski broj, vaša veličina cipela, vaše alergije, vaša razina",
    ),
    (
        "sl",
        "Ko se včlanite v klub, obdelujemo dodatne osebne podatke, kot so {} in vaše točke.",
        "vaša članska številka, vaša raven",
        "vaša članska številka, vaša velikost čevljev, vaše alergije, vaša raven",
    ),
]


@pytest.mark.parametrize(
    ("language", "sentence", "before", "after"),
    PROCESSED_DATA_LISTED,
    ids=[t[0] for t in PROCESSED_DATA_LISTED],
)
def test_items_added_to_the_data_processed_are_collected(
    language: str, sentence: str, before: str, after: str
) -> None:
    assert_alert(modified(sentence.format(before), sentence.format(after), language), "collection")


def test_one_phrase_after_a_comma_is_no_list_of_data() -> None:
    change = modified(
        "Members can create an account to get full access to new features.",
        "Members can create an account to get full access to new features, in the regions concerned.",
    )
    assert "collection" not in change.categories, change


def test_a_party_dropped_from_a_processing_sentence_is_no_data() -> None:
    change = modified(
        "Processing of personal data by our group companies and partners follows this notice.",
        "Processing of personal data follows this notice.",
    )
    assert "collection" not in change.categories, change


def test_items_listed_before_a_verb_of_sending_are_no_data_processed() -> None:
    change = modified(
        "General questions, praise and complaints about the club can be sent to our office.",
        "General questions, refund wishes, praise and complaints about the club can be sent to our office.",
    )
    assert "collection" not in change.categories, change
