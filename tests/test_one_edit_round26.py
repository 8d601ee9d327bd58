"""Fresh held-out one-edit round (oneedit16): patterns its real paragraphs showed, each stated in
new sentences of its own, in every language it applies to.

- A tracker's lifetime ("this cookie expires after 1 year" -> "3 years") is a storage period as well
  as a tracking term: how long the identifier stays stored on the visitor's device. Danish, Swedish
  and Norwegian name the cookie with its article or in a compound ("cookien", "Preferenscookien",
  "informasjonskapselen") and say it runs out ("udløber", "upphör att gälla", "utløper").
- The user's exact place said in other words than the lexicon's first forms ("your exact
  position", "din exakta position", "votre position précise") is precise location data: one added
  to what is collected is a collection change.
- A permission (to use the camera, the location) that "can be revoked at any time" is the right to
  withdraw consent said with the word for permission ("Erlaubnis", "autorisation", "permiso",
  "tillatelse", "dopuštenje", "dovoljenje", "授权"); the sentence saying so dropped drops the right.
- A use dropped from what the right to object reaches ("object to our use of your data for
  statistics or for direct marketing" -> "... for statistics") is a term of that right, not only a
  purpose no longer named. Spanish says the right with the verb in other persons ("oponerte") and
  as the right to refuse that data be processed ("derecho a negarte a que ..."): the use it names
  is what the right is against, not a use ruled out.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

TRACKER_LIFETIMES = [
    ("en", "The preferences cookie expires after 1 year.", "The preferences cookie expires after 3 years."),
    ("de", "Das Präferenz-Cookie läuft nach 1 Jahr ab.", "Das Präferenz-Cookie läuft nach 3 Jahren ab."),
    ("fr", "Le cookie de préférences expire après 1 an.", "Le cookie de préférences expire après 3 ans."),
    ("es", "La cookie de preferencias caduca tras 1 año.", "La cookie de preferencias caduca tras 3 años."),
    ("da", "Præference-cookien udløber efter 1 år.", "Præference-cookien udløber efter 3 år."),
    ("sv", "Preferenscookien upphör att gälla efter 1 år.", "Preferenscookien upphör att gälla efter 3 år."),
    (
        "no",
        "Preferanse-informasjonskapselen utløper om 1 år.",
        "Preferanse-informasjonskapselen utløper om 3 år.",
    ),
    ("nl", "De voorkeurscookie verloopt na 1 jaar.", "De voorkeurscookie verloopt na 3 jaar."),
    ("hr", "Kolačić za postavke istječe nakon 1 godine.", "Kolačić za postavke istječe nakon 3 godine."),
    ("sl", "Piškotek za nastavitve poteče po 1 letu.", "Piškotek za nastavitve poteče po 3 letih."),
    ("zh", "偏好设置Cookie的有效期为1年。", "偏好设置Cookie的有效期为3年。"),
]


@pytest.mark.parametrize(("language", "old", "new"), TRACKER_LIFETIMES)
def test_a_tracker_lifetime_changed_is_a_storage_period_too(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "tracking")
    assert_alert(change, "retention")


EXACT_POSITION = [
    (
        "en",
        "When you book a ride we record your name and phone number.",
        "When you book a ride we record your name, phone number and exact position.",
    ),
    (
        "de",
        "Wenn Sie eine Fahrt buchen, erfassen wir Ihren Namen und Ihre Telefonnummer.",
        "Wenn Sie eine Fahrt buchen, erfassen wir Ihren Namen, Ihre Telefonnummer und Ihre genaue Position.",
    ),
    (
        "fr",
        "Lorsque vous réservez un trajet, nous enregistrons votre nom et votre numéro de téléphone.",
        "Lorsque vous réservez un trajet, nous enregistrons votre nom, votre numéro de téléphone et "
        "votre position exacte.",
    ),
    (
        "es",
        "Cuando reserva un viaje, registramos su nombre y su número de teléfono.",
        "Cuando reserva un viaje, registramos su nombre, su número de teléfono y su posición exacta.",
    ),
    (
        "da",
        "Når du bestiller en tur, registrerer vi dit navn og dit telefonnummer.",
        "Når du bestiller en tur, registrerer vi dit navn, dit telefonnummer og din præcise position.",
    ),
    (
        "sv",
        "När du bokar en resa registrerar vi ditt namn och ditt telefonnummer.",
        "När du bokar en resa registrerar vi ditt namn, ditt telefonnummer och din exakta position.",
    ),
    (
        "no",
        "Når du bestiller en tur, registrerer vi navnet og telefonnummeret ditt.",
        "Når du bestiller en tur, registrerer vi navnet, telefonnummeret og den nøyaktige plasseringen din.",
    ),
    (
        "nl",
        "Wanneer u een rit boekt, registreren wij uw naam en telefoonnummer.",
        "Wanneer u een rit boekt, registreren wij uw naam, telefoonnummer en exacte positie.",
    ),
    (
        "hr",
        "Kada rezervirate vožnju, bilježimo vaše ime i broj telefona.",
        "Kada rezervirate vožnju, bilježimo vaše ime, broj telefona i točan položaj.",
    ),
    (
        "sl",
        "Ko rezervirate vožnjo, beležimo vaše ime in telefonsko številko.",
        "Ko rezervirate vožnjo, beležimo vaše ime, telefonsko številko in natančen položaj.",
    ),
    (
        "zh",
        "当您预订行程时，我们会记录您的姓名和电话号码。",
        "当您预订行程时，我们会记录您的姓名、电话号码和准确位置。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), EXACT_POSITION)
def test_the_exact_position_added_is_location_collected(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")


def test_a_position_in_a_job_title_is_no_location() -> None:
    old = "Applications are reviewed by the person in the exact position you applied for."
    new = "Applications are reviewed by the manager of the exact position you applied for."
    assert_quiet(modified(old, new, "en"))


PERMISSION_REVOCABLE = [
    (
        "en",
        "We use the camera only with your permission, which can be revoked at any time in the app settings.",
        "We use the camera only with your permission.",
    ),
    (
        "de",
        "Wir nutzen die Kamera nur mit Ihrer Erlaubnis, die Sie jederzeit in "
        "den App-Einstellungen widerrufen können.",
        "Wir nutzen die Kamera nur mit Ihrer Erlaubnis.",
    ),
    (
        "fr",
        "Nous utilisons l'appareil photo uniquement avec votre autorisation, "
        "que vous pouvez révoquer à tout moment dans les réglages de l'application.",
        "Nous utilisons l'appareil photo uniquement avec votre autorisation.",
    ),
    (
        "es",
        "Usamos la cámara solo con su permiso, que puede revocar en cualquier "
        "momento en los ajustes de la aplicación.",
        "Usamos la cámara solo con su permiso.",
    ),
    (
        "da",
        "Vi bruger kun kameraet med din tilladelse, som du til enhver tid kan "
        "tilbagekalde i appens indstillinger.",
        "Vi bruger kun kameraet med din tilladelse.",
    ),
    (
        "sv",
        "Vi använder kameran endast med ditt tillstånd, som du när som helst "
        "kan återkalla i appens inställningar.",
        "Vi använder kameran endast med ditt tillstånd.",
    ),
    (
        "no",
        "Vi bruker kameraet kun med din tillatelse, som du når som helst kan "
        "trekke tilbake i appens innstillinger.",
        "Vi bruker kameraet kun med din tillatelse.",
    ),
    (
        "nl",
        "Wij gebruiken de camera alleen met uw toestemming, die u op elk "
        "moment in de app-instellingen kunt intrekken.",
        "Wij gebruiken de camera alleen met uw toestemming.",
    ),
    (
        "hr",
        "Kameru koristimo samo uz vaše dopuštenje, koje u bilo kojem trenutku "
        "možete opozvati u postavkama aplikacije.",
        "Kameru koristimo samo uz vaše dopuštenje.",
    ),
    (
        "sl",
        "Kamero uporabljamo samo z vašim dovoljenjem, ki ga lahko kadar koli "
        "prekličete v nastavitvah aplikacije.",
        "Kamero uporabljamo samo z vašim dovoljenjem.",
    ),
    ("zh", "我们仅在您授权后使用相机，您可以随时在应用设置中撤回该授权。", "我们仅在您授权后使用相机。"),
]


@pytest.mark.parametrize(("language", "old", "new"), PERMISSION_REVOCABLE)
def test_a_revocable_permission_dropped_drops_a_right(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "rights")


def test_the_revocable_permission_said_otherwise_stays_quiet() -> None:
    old = "We use the camera only with your permission, which can be revoked at any time in the app settings."
    new = (
        "We use the camera only with your permission, which can be revoked at "
        "any time in the settings of the app."
    )
    assert_quiet(modified(old, new, "en"))


OBJECT_SCOPE = [
    (
        "en",
        "You have the right to object to our use of your data for statistics or for direct marketing.",
        "You have the right to object to our use of your data for statistics.",
    ),
    (
        "de",
        "Sie haben das Recht, der Nutzung Ihrer Daten für Statistiken oder für "
        "Direktwerbung zu widersprechen.",
        "Sie haben das Recht, der Nutzung Ihrer Daten für Statistiken zu widersprechen.",
    ),
    (
        "fr",
        "Vous avez le droit de vous opposer à l'utilisation de vos données à "
        "des fins statistiques ou de prospection commerciale.",
        "Vous avez le droit de vous opposer à l'utilisation de vos données à des fins statistiques.",
    ),
    (
        "es",
        "Tienes derecho a oponerte al uso de tus datos con fines estadísticos o de marketing directo.",
        "Tienes derecho a oponerte al uso de tus datos con fines estadísticos.",
    ),
    (
        "da",
        "Du har ret til at gøre indsigelse mod brugen af dine oplysninger til "
        "statistik eller direkte markedsføring.",
        "Du har ret til at gøre indsigelse mod brugen af dine oplysninger til statistik.",
    ),
    (
        "sv",
        "Du har rätt att invända mot att vi använder dina uppgifter för "
        "statistik eller direktmarknadsföring.",
        "Du har rätt att invända mot att vi använder dina uppgifter för statistik.",
    ),
    (
        "no",
        "Du har rett til å protestere mot at vi bruker opplysningene dine til "
        "statistikk eller direkte markedsføring.",
        "Du har rett til å protestere mot at vi bruker opplysningene dine til statistikk.",
    ),
    (
        "nl",
        "U hebt het recht bezwaar te maken tegen het gebruik van uw gegevens "
        "voor statistiek of direct marketing.",
        "U hebt het recht bezwaar te maken tegen het gebruik van uw gegevens voor statistiek.",
    ),
    (
        "hr",
        "Imate pravo prigovora na korištenje vaših podataka u statističke svrhe ili za izravni marketing.",
        "Imate pravo prigovora na korištenje vaših podataka u statističke svrhe.",
    ),
    (
        "sl",
        "Imate pravico do ugovora uporabi vaših podatkov za statistiko ali za neposredno trženje.",
        "Imate pravico do ugovora uporabi vaših podatkov za statistiko.",
    ),
    ("zh", "您有权反对我们将您的信息用于统计或直接营销。", "您有权反对我们将您的信息用于统计。"),
]


@pytest.mark.parametrize(("language", "old", "new"), OBJECT_SCOPE)
def test_a_use_dropped_from_the_right_to_object_narrows_the_right(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "rights")


def test_refusing_and_objecting_are_the_same_right_in_spanish() -> None:
    old = "Tienes derecho a negarte a que usemos tus datos para enviarte publicidad por correo."
    new = "Tienes derecho a oponerte a que usemos tus datos para enviarte publicidad por correo."
    assert_quiet(modified(old, new, "es"))
