"""Real consecutive versions and a category audit (round 18): the categories a material edit must
carry. Each pattern is stated in new sentences of its own, in every language it applies to.

- What a request to exercise one's rights must carry (a copy of an ID card or passport) added to or
  dropped from the sentence naming those rights is a term of the rights as well as a kind of data
  collected; Danish, Swedish and Norwegian name the passport and ID papers themselves ("dit pas",
  "ditt pass", "passet ditt"), not only their numbers.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

ID_FOR_RIGHTS = [
    (
        "en",
        "To use your rights of access, correction and erasure, write to our support team and enclose "
        "a copy of your passport.",
        "To use your rights of access, correction and erasure, write to our support team.",
    ),
    (
        "de",
        "Um Ihre Rechte auf Auskunft, Berichtigung und Löschung auszuüben, schreiben Sie an unseren "
        "Kundendienst.",
        "Um Ihre Rechte auf Auskunft, Berichtigung und Löschung auszuüben, schreiben Sie an unseren "
        "Kundendienst und legen Sie eine Kopie Ihres Personalausweises bei.",
    ),
    (
        "fr",
        "Pour exercer vos droits d'accès, de rectification et d'effacement, écrivez à notre service "
        "client en joignant une copie de votre carte d'identité.",
        "Pour exercer vos droits d'accès, de rectification et d'effacement, écrivez à notre service client.",
    ),
    (
        "es",
        "Para ejercer sus derechos de acceso, rectificación y supresión, escriba a nuestro servicio de "
        "atención al cliente adjuntando una copia de su DNI.",
        "Para ejercer sus derechos de acceso, rectificación y supresión, escriba a nuestro servicio de "
        "atención al cliente.",
    ),
    (
        "da",
        "For at udøve dine rettigheder til indsigt, berigtigelse og sletning skal du skrive til vores "
        "kundeservice.",
        "For at udøve dine rettigheder til indsigt, berigtigelse og sletning skal du skrive til vores "
        "kundeservice og vedlægge en kopi af dit pas.",
    ),
    (
        "sv",
        "För att utöva dina rättigheter till tillgång, rättelse och radering ska du skriva till vår "
        "kundtjänst och bifoga en kopia av ditt pass.",
        "För att utöva dina rättigheter till tillgång, rättelse och radering ska du skriva till vår "
        "kundtjänst.",
    ),
    (
        "no",
        "For å utøve dine rettigheter til innsyn, retting og sletting må du skrive til vår kundeservice.",
        "For å utøve dine rettigheter til innsyn, retting og sletting må du skrive til vår kundeservice "
        "og legge ved en kopi av passet ditt.",
    ),
    (
        "nl",
        "Om uw rechten op inzage, rectificatie en verwijdering uit te oefenen, schrijft u naar onze "
        "klantenservice en voegt u een kopie van uw paspoort bij.",
        "Om uw rechten op inzage, rectificatie en verwijdering uit te oefenen, schrijft u naar onze "
        "klantenservice.",
    ),
    (
        "hr",
        "Za ostvarivanje svojih prava na pristup, ispravak i brisanje pišite našoj korisničkoj službi.",
        "Za ostvarivanje svojih prava na pristup, ispravak i brisanje pišite našoj korisničkoj službi i "
        "priložite presliku osobne iskaznice.",
    ),
    (
        "sl",
        "Za uveljavljanje pravic do dostopa, popravka in izbrisa pišite naši službi za pomoč strankam in "
        "priložite kopijo osebne izkaznice.",
        "Za uveljavljanje pravic do dostopa, popravka in izbrisa pišite naši službi za pomoč strankam.",
    ),
    (
        "zh",
        "如需行使访问、更正和删除的权利，请联系我们的客服。",
        "如需行使访问、更正和删除的权利，请联系我们的客服并提供您的身份证复印件。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), ID_FOR_RIGHTS)
def test_proof_of_identity_for_rights_requests_is_a_rights_term(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "rights")
    assert_alert(change, "collection")
