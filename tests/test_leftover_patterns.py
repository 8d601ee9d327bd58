"""Leftover patterns from the held-out rounds, each stated in new sentences in every language it
applies to: the user giving data to the service is collection (not sharing); a place named where a
party processes data is a transfer destination; data sets combined; a frequency is not a retention
period; Danish/Norwegian/Swedish "if X is not possible" is no "unless"; terse change notices; a
right's residence scope dropped or added, and "when required by law" widened to "when asked".

Each row: language, old clause (None: the clause is added), new clause, and what is expected:
"quiet", a category the change must be about, or "-category" one it must not be about."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, check_expected, modified, one_edit

# --- the user giving data to the service is collection, not sharing with a recipient ---

GIVEN_TO_US = [
    (
        "en",
        "You can browse without giving us anything.",
        "To browse, you need to share personal data with us.",
        "collection,-sharing",
    ),
    (
        "en",
        None,
        "If you provide us with your phone number, we will use it to send reminders.",
        "collection,-sharing",
    ),
    ("en", None, "If you share your location with us, we show nearby shops.", "collection,-sharing"),
    ("en", None, "We may share your phone number with our delivery partners.", "sharing"),
    (
        "de",
        None,
        "Wenn Sie uns Ihre Telefonnummer mitteilen, verwenden wir sie für Erinnerungen.",
        "collection,-sharing",
    ),
    ("de", None, "Wir können Ihre Telefonnummer an unsere Lieferpartner weitergeben.", "sharing"),
    (
        "fr",
        None,
        "Si vous nous communiquez votre numéro de téléphone, nous l'utilisons pour les rappels.",
        "collection,-sharing",
    ),
    (
        "fr",
        None,
        "Nous pouvons communiquer votre numéro de téléphone à nos partenaires de livraison.",
        "sharing",
    ),
    (
        "es",
        None,
        "Si nos facilita su número de teléfono, lo utilizaremos para enviarle recordatorios.",
        "collection,-sharing",
    ),
    (
        "es",
        None,
        "Si usted comparte su ubicación con nosotros, le mostramos tiendas cercanas.",
        "collection,-sharing",
    ),
    (
        "nl",
        None,
        "Als u ons uw telefoonnummer verstrekt, gebruiken wij dit voor herinneringen.",
        "collection,-sharing",
    ),
    ("nl", None, "Wij kunnen uw telefoonnummer verstrekken aan onze bezorgpartners.", "sharing"),
    (
        "sl",
        None,
        "Če nam posredujete svojo telefonsko številko, jo uporabimo za opomnike.",
        "collection,-sharing",
    ),
    ("sl", None, "Vašo telefonsko številko lahko posredujemo našim partnerjem za dostavo.", "sharing"),
    ("hr", None, "Ako nam dostavite svoj broj telefona, koristimo ga za podsjetnike.", "collection,-sharing"),
    ("da", None, "Hvis du deler din placering med os, viser vi butikker i nærheden.", "collection,-sharing"),
    ("sv", None, "Om du delar din plats med oss visar vi butiker i närheten.", "collection,-sharing"),
    (
        "no",
        None,
        "Hvis du deler posisjonen din med oss, viser vi butikker i nærheten.",
        "collection,-sharing",
    ),
    ("zh", None, "如果您向我们提供您的电话号码，我们将用它发送提醒。", "collection,-sharing"),
    ("zh", None, "我们可能会与配送合作伙伴共享您的电话号码。", "sharing"),
    (
        "en",
        None,
        "Withdrawing consent does not affect processing before you gave your consent to us.",
        "-collection",
    ),
    ("en", None, "You will provide any notices under this contract to us by post.", "-collection"),
    ("de", None, "Wenn Sie uns Ihre Einwilligung geben, senden wir Ihnen Angebote.", "-collection"),
    ("fr", None, "Si vous nous donnez votre consentement, nous vous envoyons des offres.", "-collection"),
    ("nl", None, "Als u ons uw toestemming geeft, sturen wij u aanbiedingen.", "-collection"),
    ("sl", None, "Če nam daste soglasje, vam pošiljamo ponudbe.", "-collection"),
    ("hr", None, "Ako nam date privolu, šaljemo vam ponude.", "-collection"),
    (
        "de",
        None,
        "Wir können Ihre Daten mit unseren Partnern teilen, wenn Sie uns dazu auffordern.",
        "sharing",
    ),
    ("en", None, "We may disclose to our partners the data you provide to us.", "sharing"),
    ("nl", None, "Ons team deelt uw gegevens met bezorgpartners.", "sharing"),
    ("fr", None, "Nous transmettons les données que vous nous fournissez à nos partenaires.", "sharing"),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), GIVEN_TO_US)
def test_given_to_us(language: str, old: str | None, new: str, expected: str) -> None:
    """The user giving data to the service is collection, not sharing with a recipient."""
    check_expected(one_edit(language, old, new), expected)


# --- a place named where a party processes the data is a transfer destination ---

PROCESSED_AT = [
    (
        "en",
        "Support requests are processed by our support team.",
        "Support requests are processed by our support team in the Philippines.",
        "transfer",
    ),
    ("en", "Blood samples are sent to a lab.", "Blood samples are sent to a lab in Canada.", "transfer"),
    ("en", None, "Your support tickets are handled by our team in India.", "transfer"),
    (
        "de",
        "Supportanfragen werden von unserem Supportteam bearbeitet.",
        "Supportanfragen werden von unserem Supportteam auf den Philippinen bearbeitet.",
        "transfer",
    ),
    (
        "de",
        "Proben werden an ein Labor geschickt.",
        "Proben werden an ein Labor in Kanada geschickt.",
        "transfer",
    ),
    (
        "fr",
        "Les demandes d'assistance sont traitées par notre équipe.",
        "Les demandes d'assistance sont traitées par notre équipe aux Philippines.",
        "transfer",
    ),
    (
        "fr",
        "Les échantillons sont envoyés à un laboratoire.",
        "Les échantillons sont envoyés à un laboratoire au Canada.",
        "transfer",
    ),
    (
        "es",
        "Las solicitudes de soporte son tratadas por nuestro equipo.",
        "Las solicitudes de soporte son tratadas por nuestro equipo en Filipinas.",
        "transfer",
    ),
    (
        "nl",
        "Supportverzoeken worden verwerkt door ons team.",
        "Supportverzoeken worden verwerkt door ons team in de Filipijnen.",
        "transfer",
    ),
    (
        "da",
        "Supporthenvendelser behandles af vores team.",
        "Supporthenvendelser behandles af vores team i Filippinerne.",
        "transfer",
    ),
    (
        "sv",
        "Supportärenden behandlas av vårt team.",
        "Supportärenden behandlas av vårt team i Filippinerna.",
        "transfer",
    ),
    (
        "no",
        "Supporthenvendelser behandles av teamet vårt.",
        "Supporthenvendelser behandles av teamet vårt på Filippinene.",
        "transfer",
    ),
    (
        "hr",
        "Zahtjeve za podršku obrađuje naš tim.",
        "Zahtjeve za podršku obrađuje naš tim u Kanadi.",
        "transfer",
    ),
    (
        "sl",
        "Zahteve za podporo obdeluje naša ekipa.",
        "Zahteve za podporo obdeluje naša ekipa v Kanadi.",
        "transfer",
    ),
    ("zh", "支持请求由我们的支持团队处理。", "支持请求由我们位于菲律宾的支持团队处理。", "transfer"),
    (
        "en",
        "Please send your questions to our privacy team in Dublin, Ireland.",
        "Please send your questions to our data protection team in Dublin, Ireland.",
        "quiet",
    ),
    (
        "en",
        "Requests are processed by our team in Canada.",
        "Requests are handled by our team in Canada.",
        "quiet",
    ),
    (
        "de",
        "Anfragen werden von unserem Team in Kanada bearbeitet.",
        "Anfragen werden von unserem Team in Kanada verarbeitet.",
        "quiet",
    ),
    (
        "en",
        "Our company is registered in Ireland.",
        "Our company is registered in Ireland and Canada.",
        "quiet",
    ),
    (
        "fr",
        "Les demandes sont traitées par notre équipe au Canada.",
        "Les demandes sont gérées par notre équipe au Canada.",
        "quiet",
    ),
    ("en", None, "Letters can be sent to our office at 1 Main Street, Dublin, Ireland.", "quiet"),
    ("de", None, "Briefe können an unser Büro in Dublin, Irland, geschickt werden.", "quiet"),
    ("nl", None, "Brieven kunnen naar ons kantoor in Dublin, Ierland, worden gestuurd.", "quiet"),
    ("fr", None, "Les courriers peuvent être envoyés à notre bureau à Dublin, en Irlande.", "quiet"),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), PROCESSED_AT)
def test_processed_at(language: str, old: str | None, new: str, expected: str) -> None:
    """A place named where a party processes the data is a transfer destination."""
    check_expected(one_edit(language, old, new), expected)


# --- combining data with another data set ('never combined' -> 'may be combined') ---

COMBINED = [
    (
        "en",
        "Your purchase history is never combined with your browsing data.",
        "Your purchase history may be combined with your browsing data.",
        "purpose",
    ),
    (
        "en",
        "We never combine your purchase history with data from other sources.",
        "We may combine your purchase history with data from other sources.",
        "purpose",
    ),
    (
        "en",
        "Your purchase history is never combined with your browsing data.",
        "Your purchase history is never merged with your browsing data.",
        "quiet",
    ),
    (
        "de",
        "Ihre Kaufhistorie wird niemals mit Ihren Surfdaten zusammengeführt.",
        "Ihre Kaufhistorie kann mit Ihren Surfdaten zusammengeführt werden.",
        "purpose",
    ),
    (
        "de",
        "Wir verknüpfen Ihre Kaufhistorie nie mit Ihren Surfdaten.",
        "Wir können Ihre Kaufhistorie mit Ihren Surfdaten verknüpfen.",
        "purpose",
    ),
    (
        "fr",
        "Votre historique d'achats n'est jamais combiné avec vos données de navigation.",
        "Votre historique d'achats peut être combiné avec vos données de navigation.",
        "purpose",
    ),
    (
        "es",
        "Su historial de compras nunca se combina con sus datos de navegación.",
        "Su historial de compras puede combinarse con sus datos de navegación.",
        "purpose",
    ),
    (
        "nl",
        "Uw aankoopgeschiedenis wordt nooit gecombineerd met uw surfgegevens.",
        "Uw aankoopgeschiedenis kan worden gecombineerd met uw surfgegevens.",
        "purpose",
    ),
    (
        "da",
        "Din købshistorik bliver aldrig kombineret med dine browserdata.",
        "Din købshistorik kan blive kombineret med dine browserdata.",
        "purpose",
    ),
    (
        "sv",
        "Din köphistorik kombineras aldrig med dina surfdata.",
        "Din köphistorik kan kombineras med dina surfdata.",
        "purpose",
    ),
    (
        "no",
        "Kjøpshistorikken din blir aldri kombinert med nettleserdataene dine.",
        "Kjøpshistorikken din kan bli kombinert med nettleserdataene dine.",
        "purpose",
    ),
    (
        "hr",
        "Vaša povijest kupnje nikada se ne kombinira s vašim podacima o pregledavanju.",
        "Vaša povijest kupnje može se kombinirati s vašim podacima o pregledavanju.",
        "purpose",
    ),
    (
        "sl",
        "Vaše zgodovine nakupov nikoli ne združujemo z vašimi podatki o brskanju.",
        "Vašo zgodovino nakupov lahko združimo z vašimi podatki o brskanju.",
        "purpose",
    ),
    ("zh", "您的购买记录绝不会与您的浏览数据合并。", "您的购买记录可能会与您的浏览数据合并。", "purpose"),
    ("zh", "您的购买记录绝不会与您的浏览数据合并。", "您的购买记录绝不会与您的浏览数据结合。", "quiet"),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), COMBINED)
def test_combined(language: str, old: str | None, new: str, expected: str) -> None:
    """Combining data with another data set ('never combined' -> 'may be combined')."""
    check_expected(one_edit(language, old, new), expected)


# --- a frequency is not a retention period; a right limited to 'once a year' is a rights change ---

FREQUENCIES = [
    (
        "en",
        "You can request a copy of your data at any time.",
        "You can request a copy of your data once a year.",
        "rights,-retention",
    ),
    (
        "en",
        "We review your account data every year.",
        "We review your account data every two years.",
        "-retention",
    ),
    (
        "de",
        "Sie können jederzeit eine Kopie Ihrer Daten anfordern.",
        "Sie können einmal jährlich eine Kopie Ihrer Daten anfordern.",
        "rights,-retention",
    ),
    (
        "fr",
        "Vous pouvez demander une copie de vos données à tout moment.",
        "Vous pouvez demander une copie de vos données une fois par an.",
        "rights,-retention",
    ),
    (
        "es",
        "Puede solicitar una copia de sus datos en cualquier momento.",
        "Puede solicitar una copia de sus datos una vez al año.",
        "rights,-retention",
    ),
    (
        "nl",
        "U kunt op elk moment een kopie van uw gegevens opvragen.",
        "U kunt eenmaal per jaar een kopie van uw gegevens opvragen.",
        "rights,-retention",
    ),
    (
        "da",
        "Du kan til enhver tid anmode om en kopi af dine oplysninger.",
        "Du kan én gang om året anmode om en kopi af dine oplysninger.",
        "rights,-retention",
    ),
    (
        "sv",
        "Du kan när som helst begära en kopia av dina uppgifter.",
        "Du kan en gång per år begära en kopia av dina uppgifter.",
        "rights,-retention",
    ),
    (
        "no",
        "Du kan når som helst be om innsyn i opplysningene dine.",
        "Du kan be om innsyn i opplysningene dine én gang i året.",
        "rights,-retention",
    ),
    (
        "hr",
        "U bilo kojem trenutku možete zatražiti kopiju svojih podataka.",
        "Jednom godišnje možete zatražiti kopiju svojih podataka.",
        "rights,-retention",
    ),
    (
        "sl",
        "Kadar koli lahko zahtevate kopijo svojih podatkov.",
        "Enkrat letno lahko zahtevate kopijo svojih podatkov.",
        "rights,-retention",
    ),
    ("zh", "您可以随时要求获取您的数据副本。", "您可以每年一次要求获取您的数据副本。", "rights,-retention"),
    (
        "en",
        "We audit our security controls once a year.",
        "We audit our security controls every two years.",
        "-retention",
    ),
    (
        "de",
        "Wir überprüfen unsere Sicherheitsmaßnahmen einmal jährlich.",
        "Wir überprüfen unsere Sicherheitsmaßnahmen alle zwei Jahre.",
        "-retention",
    ),
    ("en", "We keep your data for one year.", "We keep your data for two years.", "retention"),
    (
        "fr",
        "Nous vérifions l'exactitude de vos données chaque année.",
        "Nous vérifions l'exactitude de vos données tous les deux ans.",
        "-retention",
    ),
    (
        "es",
        "Revisamos la exactitud de sus datos cada año.",
        "Revisamos la exactitud de sus datos cada dos años.",
        "-retention",
    ),
    (
        "de",
        "Wir prüfen die Richtigkeit Ihrer Daten einmal jährlich.",
        "Wir prüfen die Richtigkeit Ihrer Daten alle zwei Jahre.",
        "-retention",
    ),
    (
        "nl",
        "Wij controleren de juistheid van uw gegevens elk jaar.",
        "Wij controleren de juistheid van uw gegevens om de twee jaar.",
        "-retention",
    ),
    (
        "da",
        "Vi kontrollerer dine oplysningers rigtighed hvert år.",
        "Vi kontrollerer dine oplysningers rigtighed hvert andet år.",
        "-retention",
    ),
    (
        "sv",
        "Vi kontrollerar att dina uppgifter är korrekta varje år.",
        "Vi kontrollerar att dina uppgifter är korrekta vartannat år.",
        "-retention",
    ),
    (
        "no",
        "Vi kontrollerer at opplysningene dine er riktige hvert år.",
        "Vi kontrollerer at opplysningene dine er riktige hvert annet år.",
        "-retention",
    ),
    (
        "hr",
        "Točnost vaših podataka provjeravamo jednom godišnje.",
        "Točnost vaših podataka provjeravamo svake dvije godine.",
        "-retention",
    ),
    (
        "sl",
        "Točnost vaših podatkov preverjamo enkrat letno.",
        "Točnost vaših podatkov preverjamo vsaki dve leti.",
        "-retention",
    ),
    ("zh", "我们每年核查一次您的数据是否准确。", "我们每两年核查一次您的数据是否准确。", "-retention"),
    (
        "en",
        "We check that your data is accurate once a year.",
        "We check that your data is accurate every two years.",
        "-retention",
    ),
    ("en", "We purge chat logs every 30 days.", "We purge chat logs every 90 days.", "retention"),
    (
        "de",
        "Wir löschen Chatprotokolle alle 30 Tage.",
        "Wir löschen Chatprotokolle alle 90 Tage.",
        "retention",
    ),
    (
        "fr",
        "Nous conservons vos données pendant deux ans.",
        "Nous conservons vos données pendant trois ans.",
        "retention",
    ),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), FREQUENCIES)
def test_frequencies(language: str, old: str | None, new: str, expected: str) -> None:
    """A frequency is not a retention period; a right limited to 'once a year' is a rights change."""
    check_expected(one_edit(language, old, new), expected)


# --- da/no/sv 'if X is not possible' is a circumstance, not 'unless' ---

IF_NOT = [
    (
        "da",
        "Hvis sletning ikke er mulig, anonymiserer vi dine oplysninger.",
        "Hvis sletning er umulig, anonymiserer vi dine oplysninger.",
        "quiet",
    ),
    (
        "no",
        "Hvis sletting ikke er mulig, anonymiserer vi opplysningene dine.",
        "Hvis sletting er umulig, anonymiserer vi opplysningene dine.",
        "quiet",
    ),
    (
        "da",
        "Hvis du ikke har givet samtykke, deler vi ikke dine oplysninger.",
        "Hvis du ikke har givet samtykke, deler vi ikke dine oplysninger med nogen.",
        "quiet",
    ),
    (
        "da",
        "Vi sletter dine oplysninger efter 30 dage, medmindre loven kræver andet.",
        "Vi sletter dine oplysninger efter 30 dage.",
        "retention",
    ),
    (
        "no",
        "Vi sletter opplysningene dine etter 30 dager, med mindre loven krever noe annet.",
        "Vi sletter opplysningene dine etter 30 dager.",
        "retention",
    ),
    (
        "sv",
        "Om radering inte är möjlig anonymiserar vi dina uppgifter.",
        "Om radering är omöjlig anonymiserar vi dina uppgifter.",
        "quiet",
    ),
    (
        "en",
        "If deletion is not possible, we anonymise your data.",
        "If deletion is impossible, we anonymise your data.",
        "quiet",
    ),
    (
        "de",
        "Wenn eine Löschung nicht möglich ist, anonymisieren wir Ihre Daten.",
        "Wenn eine Löschung unmöglich ist, anonymisieren wir Ihre Daten.",
        "quiet",
    ),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), IF_NOT)
def test_if_not(language: str, old: str | None, new: str, expected: str) -> None:
    """Da/no/sv 'if X is not possible' is a circumstance, not 'unless'."""
    check_expected(one_edit(language, old, new), expected)


# --- terse change notices that do not name the policy are about changes ---

TERSE_NOTICES = [
    ("de", None, "Über Änderungen informieren wir Sie per E-Mail.", "changes"),
    ("de", None, "Änderungen teilen wir Ihnen rechtzeitig per E-Mail mit.", "changes"),
    (
        "de",
        "Über Änderungen informieren wir Sie per E-Mail.",
        "Über Änderungen informieren wir Sie auf dieser Seite.",
        "changes",
    ),
    ("nl", None, "Wijzigingen melden wij per e-mail.", "changes"),
    ("nl", None, "Over wijzigingen informeren wij u per e-mail.", "changes"),
    ("nl", "Wijzigingen melden wij per e-mail.", "Wijzigingen melden wij op deze pagina.", "changes"),
    ("de", None, "Änderungen Ihrer Adresse teilen Sie uns bitte per E-Mail mit.", "-changes"),
    ("nl", None, "Wijzigingen in uw adres meldt u ons per e-mail.", "-changes"),
    ("en", None, "Changes are announced by e-mail.", "changes"),
    ("en", None, "We announce changes by e-mail.", "changes"),
    ("fr", None, "Les modifications vous sont notifiées par e-mail.", "changes"),
    ("fr", None, "Nous vous informons des modifications par e-mail.", "changes"),
    ("es", None, "Los cambios se le notificarán por correo electrónico.", "changes"),
    ("es", None, "Le informaremos de los cambios por correo electrónico.", "changes"),
    ("da", None, "Ændringer meddeler vi via e-mail.", "changes"),
    ("sv", None, "Ändringar meddelar vi via e-post.", "changes"),
    ("no", None, "Endringer varsler vi om på e-post.", "changes"),
    ("hr", None, "O izmjenama vas obavještavamo e-poštom.", "changes"),
    ("sl", None, "O spremembah vas obveščamo po e-pošti.", "changes"),
    ("zh", None, "变更将通过电子邮件通知您。", "changes"),
    ("de", None, "Änderungen Ihrer Adresse teilen Sie uns bitte per E-Mail mit.", "-changes,-sharing"),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), TERSE_NOTICES)
def test_terse_notices(language: str, old: str | None, new: str, expected: str) -> None:
    """Terse change notices that do not name the policy are about changes."""
    check_expected(one_edit(language, old, new), expected)


# --- a scope condition on a right ("if you are in the EU") and a legal-duty exception widened ---

SCOPES_AND_EXCEPTIONS = [
    (
        "en",
        "We give your data to the police when required by law.",
        "We give your data to the police when we must comply with a law.",
        "quiet",
    ),
    (
        "en",
        "If you are in the EU, you may ask us to delete your data.",
        "You may ask us to delete your data.",
        "rights",
    ),
    (
        "en",
        "You may ask us to delete your data.",
        "If you are in the EU, you may ask us to delete your data.",
        "rights",
    ),
    (
        "de",
        "Wenn Sie in der EU wohnen, können Sie die Löschung Ihrer Daten verlangen.",
        "Sie können die Löschung Ihrer Daten verlangen.",
        "rights",
    ),
    (
        "fr",
        "Si vous résidez dans l'UE, vous pouvez demander la suppression de vos données.",
        "Vous pouvez demander la suppression de vos données.",
        "rights",
    ),
    (
        "es",
        "Si reside en la UE, puede solicitar la supresión de sus datos.",
        "Puede solicitar la supresión de sus datos.",
        "rights",
    ),
    (
        "nl",
        "Als u in de EU woont, kunt u ons vragen uw gegevens te wissen.",
        "U kunt ons vragen uw gegevens te wissen.",
        "rights",
    ),
    (
        "da",
        "Hvis du bor i EU, kan du bede os om at slette dine oplysninger.",
        "Du kan bede os om at slette dine oplysninger.",
        "-transfer,rights",
    ),
    (
        "sv",
        "Om du bor i EU kan du be oss radera dina uppgifter.",
        "Du kan be oss radera dina uppgifter.",
        "-transfer,rights",
    ),
    (
        "no",
        "Hvis du bor i EU, kan du be oss slette opplysningene dine.",
        "Du kan be oss slette opplysningene dine.",
        "-transfer,rights",
    ),
    (
        "hr",
        "Ako živite u EU-u, možete zatražiti brisanje svojih podataka.",
        "Možete zatražiti brisanje svojih podataka.",
        "rights",
    ),
    (
        "sl",
        "Če živite v EU, lahko zahtevate izbris svojih podatkov.",
        "Lahko zahtevate izbris svojih podatkov.",
        "rights",
    ),
    (
        "zh",
        "如果您位于欧盟，您可以要求我们删除您的数据。",
        "您可以要求我们删除您的数据。",
        "-transfer,rights",
    ),
    (
        "en",
        "We disclose your data to the police when required by law.",
        "We disclose your data to the police when authorities ask.",
        "sharing",
    ),
    (
        "de",
        "Wir geben Ihre Daten an die Polizei weiter, wenn wir gesetzlich dazu verpflichtet sind.",
        "Wir geben Ihre Daten an die Polizei weiter, wenn Behörden danach fragen.",
        "sharing",
    ),
    (
        "fr",
        "Nous communiquons vos données à la police lorsque la loi l'exige.",
        "Nous communiquons vos données à la police lorsque les autorités le demandent.",
        "sharing",
    ),
    (
        "es",
        "Comunicamos sus datos a la policía cuando la ley lo exige.",
        "Comunicamos sus datos a la policía cuando las autoridades lo solicitan.",
        "sharing",
    ),
    (
        "nl",
        "Wij verstrekken uw gegevens aan de politie als de wet dat vereist.",
        "Wij verstrekken uw gegevens aan de politie als autoriteiten daarom vragen.",
        "sharing",
    ),
    (
        "da",
        "Vi videregiver dine oplysninger til politiet, når loven kræver det.",
        "Vi videregiver dine oplysninger til politiet, når myndighederne beder om det.",
        "sharing",
    ),
    (
        "sv",
        "Vi lämnar ut dina uppgifter till polisen när lagen kräver det.",
        "Vi lämnar ut dina uppgifter till polisen när myndigheter begär det.",
        "sharing",
    ),
    (
        "no",
        "Vi utleverer opplysningene dine til politiet når loven krever det.",
        "Vi utleverer opplysningene dine til politiet når myndighetene ber om det.",
        "sharing",
    ),
    (
        "hr",
        "Vaše podatke otkrivamo policiji kada to zahtijeva zakon.",
        "Vaše podatke otkrivamo policiji kada to zatraže tijela vlasti.",
        "sharing",
    ),
    (
        "sl",
        "Vaše podatke razkrijemo policiji, kadar to zahteva zakon.",
        "Vaše podatke razkrijemo policiji, kadar to zahtevajo organi oblasti.",
        "sharing",
    ),
    (
        "zh",
        "在法律要求时，我们会向警方披露您的数据。",
        "在有关部门要求时，我们会向警方披露您的数据。",
        "sharing",
    ),
    (
        "da",
        "Hvis du bor i EU, har du ret til at få dine oplysninger slettet.",
        "Du har ret til at få dine oplysninger slettet.",
        "rights",
    ),
    (
        "sv",
        "Om du bor i EU har du rätt att få dina uppgifter raderade.",
        "Du har rätt att få dina uppgifter raderade.",
        "rights",
    ),
    (
        "no",
        "Hvis du bor i EU, har du rett til å få opplysningene dine slettet.",
        "Du har rett til å få opplysningene dine slettet.",
        "rights",
    ),
    ("zh", "如果您位于欧盟，您有权要求删除您的个人信息。", "您有权要求删除您的个人信息。", "rights"),
    (
        "en",
        "If you are in the EU, you may ask us to delete your data.",
        "If you live in the EU, you may ask us to delete your data.",
        "quiet",
    ),
    (
        "de",
        "Wenn Sie in der EU wohnen, können Sie die Löschung Ihrer Daten verlangen.",
        "Wenn Sie in der EU leben, können Sie die Löschung Ihrer Daten verlangen.",
        "quiet",
    ),
    (
        "en",
        "We disclose your data to the police when required by law.",
        "We disclose your data to the police where the law requires it.",
        "quiet",
    ),
    (
        "fr",
        "Nous communiquons vos données à la police lorsque la loi l'exige.",
        "Nous communiquons vos données à la police si la loi l'exige.",
        "quiet",
    ),
    (
        "en",
        "If you are in the EU, you may ask us to delete your data.",
        "If you are in the EU or the UK, you may ask us to delete your data.",
        "rights,-transfer",
    ),
    ("en", "We transfer your data to Canada.", "We transfer your data to Canada and India.", "transfer"),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), SCOPES_AND_EXCEPTIONS)
def test_scopes_and_exceptions(language: str, old: str | None, new: str, expected: str) -> None:
    """A right's residence scope dropped widens it (no transfer); a legal-duty exception widened."""
    check_expected(one_edit(language, old, new), expected)


def test_at_any_time_limited_to_once_a_year_on_a_request_for_ones_data_alerts() -> None:
    """The user asking for what is held about them, no longer whenever they like: a rights term
    (the frequency is no retention period, and no right need be named by its own word)."""
    change = modified(
        "Records sit on our servers and you can request any information held on your profile at any time.",
        "Records sit on our servers and you can request any information held on your profile once a year.",
    )
    assert_alert(change, "rights", "high")
