"""Patterns from a held-out round of real version histories (issue 10, round 29, helper h56):
a consumer's right to withdraw from a contract or a purchase is no right over personal data
(withdrawing consent is one), and a confirmation sent to the user goes to no one else; in a
negated list of things not done whose last item alone carries an exception ("we do not use it
for ads, sell it, or share it except as needed"), the earlier items stay ruled out; the service
asking for access to the user's storage, or the user importing files, is data collected;
"payment information" is financial data, and a kind of data dropped from what a purpose clause
processes is a collection change; the reason of a request is no right; "for your identification"
said as "for identification purposes" beside other edits is the same purpose; recording when the
user opens a newsletter is tracking."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.facts import extract_facts

# a new sentence: the contract's right of withdrawal may be used through a form, a receipt e-mailed to
# the user
CONTRACT_WITHDRAWAL = [
    (
        "en",
        "You may also exercise your right of withdrawal from the purchase through a form on our website. "
        "If you use that form, we will send you a confirmation of receipt by e-mail straight away.",
    ),
    (
        "de",
        "Ihr Widerrufsrecht können Sie außerdem über ein Formular auf unserer Website ausüben. Nutzen Sie "
        "dieses Formular, übermitteln wir Ihnen sofort per E-Mail eine Bestätigung, dass Ihre Erklärung "
        "eingegangen ist.",
    ),
    (
        "fr",
        "Vous pouvez aussi exercer votre droit de rétractation au moyen d'un formulaire sur notre "
        "site. Si vous "
        "utilisez ce formulaire, nous vous transmettrons sans délai un accusé de réception par courriel.",
    ),
    (
        "es",
        "También puede ejercer su derecho de desistimiento mediante un formulario en nuestra web. Si utiliza "
        "ese formulario, le enviaremos de inmediato un acuse de recibo por correo electrónico.",
    ),
    (
        "da",
        "Du kan også udøve din fortrydelsesret via en formular på vores hjemmeside. Hvis du bruger "
        "formularen, "
        "sender vi dig straks en kvittering for modtagelsen pr. e-mail.",
    ),
    (
        "sv",
        "Du kan också utöva din ångerrätt via ett formulär på vår webbplats. Om du använder "
        "formuläret skickar "
        "vi dig genast en mottagningsbekräftelse per e-post.",
    ),
    (
        "no",
        "Du kan også bruke angreretten din via et skjema på nettstedet vårt. Hvis du bruker "
        "skjemaet, sender vi "
        "deg straks en bekreftelse på mottak per e-post.",
    ),
    (
        "nl",
        "U kunt uw herroepingsrecht ook uitoefenen via een formulier op onze website. Als u dit formulier "
        "gebruikt, sturen wij u onverwijld per e-mail een ontvangstbevestiging.",
    ),
    (
        "hr",
        "Pravo na jednostrani raskid ugovora možete ostvariti i putem obrasca na našoj web stranici. Ako "
        "koristite taj obrazac, odmah ćemo vam e-poštom poslati potvrdu o primitku.",
    ),
    (
        "sl",
        "Pravico do odstopa od pogodbe lahko uveljavljate tudi prek obrazca na naši spletni strani. "
        "Če uporabite "
        "ta obrazec, vam bomo takoj po e-pošti poslali potrdilo o prejemu.",
    ),
    (
        "zh",
        "您也可以通过我们网站上的表格申请七天无理由退货。使用该表格后，我们会立即通过电子邮件向您发送收到确认。",
    ),
]


@pytest.mark.parametrize(("language", "text"), CONTRACT_WITHDRAWAL)
def test_contract_withdrawal_right_is_no_data_right(language: str, text: str) -> None:
    assert_quiet(single("added", text, language=language))


# withdrawing consent, named beside the same word, is still a right over data
CONSENT_WITHDRAWAL = [
    ("en", "Right of withdrawal: you can withdraw your consent to our offers by e-mail at any time."),
    ("de", "Widerrufsrecht: Sie können Ihre Einwilligung in Werbe-E-Mails jederzeit widerrufen."),
    ("fr", "Vous pouvez retirer votre consentement aux offres par courriel à tout moment."),
    ("es", "Puede retirar su consentimiento a las ofertas por correo en cualquier momento."),
]


@pytest.mark.parametrize(("language", "text"), CONSENT_WITHDRAWAL)
def test_consent_withdrawal_is_still_a_right(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "rights")


# things not done, the last of which alone may happen "except when needed": the others stay ruled out
NEGATED_LIST_LAST_EXCEPTED = [
    (
        "en",
        "We do not use your notes to train general AI models, show ads with them, or share them except when "
        "this is needed to run the app.",
    ),
    (
        "de",
        "Wir verwenden Ihre Notizen nicht zum Trainieren allgemeiner KI-Modelle, für Werbung oder geben sie "
        "weiter, außer wenn dies für den Betrieb der App nötig ist.",
    ),
    (
        "fr",
        "Nous n'utilisons pas vos notes pour entraîner des modèles d'IA généraux, pour la publicité, "
        "ni ne les "
        "transmettons sauf si cela est nécessaire au fonctionnement de l'application.",
    ),
    (
        "es",
        "No utilizamos sus notas para entrenar modelos generales de IA, para publicidad, ni las "
        "cedemos salvo "
        "cuando sea necesario para el funcionamiento de la aplicación.",
    ),
    (
        "nl",
        "Wij gebruiken je notities niet om algemene AI-modellen te trainen, voor advertenties, of delen ze "
        "behalve wanneer dat nodig is om de app te laten werken.",
    ),
    (
        "da",
        "Vi bruger ikke dine noter til at træne generelle AI-modeller, til annoncering, eller "
        "videregiver dem "
        "undtagen når det er nødvendigt for at drive appen.",
    ),
    (
        "sv",
        "Vi använder inte dina anteckningar för att träna allmänna AI-modeller, för reklam, eller "
        "lämnar ut dem "
        "utom när det behövs för att driva appen.",
    ),
    (
        "no",
        "Vi bruker ikke notatene dine til å trene generelle KI-modeller, til reklame, eller deler "
        "dem unntatt "
        "når det trengs for å drive appen.",
    ),
    (
        "hr",
        "Vaše bilješke ne koristimo za treniranje općih AI modela, za oglašavanje, niti ih dijelimo "
        "osim kada "
        "je to potrebno za rad aplikacije.",
    ),
    (
        "sl",
        "Vaših zapiskov ne uporabljamo za učenje splošnih modelov UI, za oglaševanje, niti jih delimo razen "
        "kadar je to potrebno za delovanje aplikacije.",
    ),
]


@pytest.mark.parametrize(("language", "text"), NEGATED_LIST_LAST_EXCEPTED)
def test_exception_on_the_last_item_leaves_the_others_ruled_out(language: str, text: str) -> None:
    facts = extract_facts(text, language)
    assert "advertising" not in facts.purposes, facts
    assert ("purpose", "advertising") in facts.ruled_out, facts
    change = single("added", text, language=language)
    assert "New purpose" not in change.explanation, change


def test_exception_on_the_whole_promise_still_states_the_use() -> None:
    facts = extract_facts("We do not use your data for advertising, except where you agree to it.", "en")
    assert "advertising" in facts.purposes, facts


# the service asks for access to the user's storage so the user can import files: data collected
ACCESS_AND_IMPORT = [
    (
        "en",
        "Our optional cloud storage link lets you bring your own spreadsheets into the app. Once you "
        "link your "
        "storage account, we ask for read access to it so you can pick and import the files you want.",
    ),
    (
        "de",
        "Über die optionale Cloud-Anbindung können Sie eigene Tabellen in die App holen. Sobald Sie Ihr "
        "Speicherkonto verbinden, bitten wir um Lesezugriff darauf, damit Sie die gewünschten "
        "Dateien auswählen "
        "und importieren können.",
    ),
    (
        "fr",
        "Notre connexion facultative à un stockage en ligne vous permet d'ajouter vos propres tableurs à "
        "l'application. Lorsque vous reliez votre compte de stockage, nous demandons un accès en "
        "lecture afin "
        "que vous puissiez choisir et importer les fichiers souhaités.",
    ),
    (
        "es",
        "Nuestra conexión opcional con el almacenamiento en la nube le permite añadir sus propias hojas de "
        "cálculo a la aplicación. Cuando vincula su cuenta de almacenamiento, solicitamos acceso de lectura "
        "para que pueda elegir e importar los archivos que desee.",
    ),
    (
        "da",
        "Vores valgfrie forbindelse til cloudlager lader dig hente dine egne regneark ind i appen. Når du "
        "forbinder din lagerkonto, beder vi om læseadgang, så du kan vælge og importere de filer, du ønsker.",
    ),
    (
        "sv",
        "Vår valfria koppling till molnlagring låter dig hämta in dina egna kalkylark i appen. När "
        "du kopplar "
        "ditt lagringskonto ber vi om läsåtkomst så att du kan välja och importera de filer du vill.",
    ),
    (
        "no",
        "Vår valgfrie kobling til skylagring lar deg hente dine egne regneark inn i appen. Når du kobler til "
        "lagringskontoen din, ber vi om lesetilgang slik at du kan velge og importere filene du ønsker.",
    ),
    (
        "nl",
        "Met onze optionele koppeling met cloudopslag kun je je eigen spreadsheets in de app halen. "
        "Wanneer je "
        "je opslagaccount koppelt, vragen wij leestoegang zodat je de gewenste bestanden kunt kiezen en "
        "importeren.",
    ),
    (
        "hr",
        "Naša neobavezna veza s pohranom u oblaku omogućuje vam da vlastite tablice unesete u "
        "aplikaciju. Kada "
        "povežete svoj račun za pohranu, tražimo pristup za čitanje kako biste mogli odabrati i "
        "uvesti željene "
        "datoteke.",
    ),
    (
        "sl",
        "Naša neobvezna povezava s shrambo v oblaku vam omogoča, da lastne preglednice prenesete v "
        "aplikacijo. "
        "Ko povežete svoj račun za shrambo, zaprosimo za dostop za branje, da lahko izberete in "
        "uvozite želene "
        "datoteke.",
    ),
    (
        "zh",
        "我们可选的云存储连接功能让您将自己的表格导入应用。当您关联存储账户时，我们会请求读取权限，以便您选择并导入所需的文件。",
    ),
]


@pytest.mark.parametrize(("language", "text"), ACCESS_AND_IMPORT)
def test_access_asked_to_import_files_is_collection(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "collection")


PAYMENT_INFORMATION = [
    ("en", "We keep your name and payment information."),
    ("de", "Wir speichern Ihren Namen und Ihre Zahlungsinformationen."),
    ("fr", "Nous conservons votre nom et vos informations de paiement."),
    ("es", "Guardamos su nombre y sus datos de pago."),
    ("da", "Vi opbevarer dit navn og dine betalingsdata."),
    ("sv", "Vi sparar ditt namn och dina betalningsuppgifter."),
    ("no", "Vi lagrer navnet ditt og betalingsopplysningene dine."),
    ("nl", "Wij bewaren je naam en je betaalinformatie."),
    ("hr", "Čuvamo vaše ime i informacije o plaćanju."),
    ("sl", "Hranimo vaše ime in plačilne podatke."),
    ("zh", "我们会保存您的姓名和支付信息。"),
]


@pytest.mark.parametrize(("language", "text"), PAYMENT_INFORMATION)
def test_payment_information_is_financial_data(language: str, text: str) -> None:
    assert "financial" in extract_facts(text, language).data_types


# a kind of data dropped from what a clause about a purpose processes: collection (and purpose)
PURPOSE_DATA_DROPPED = [
    (
        "en",
        "For the purposes of fraud checks we process your log-ins, devices, payment information and "
        "your name.",
        "For the purposes of fraud checks we process your log-ins, devices and your name.",
    ),
    (
        "de",
        "Zu Zwecken der Betrugsprüfung verarbeiten wir Ihre Anmeldungen, Geräte, Zahlungsinformationen und "
        "Ihren Namen.",
        "Zu Zwecken der Betrugsprüfung verarbeiten wir Ihre Anmeldungen, Geräte und Ihren Namen.",
    ),
    (
        "fr",
        "À des fins de lutte contre la fraude, nous traitons vos connexions, vos appareils, vos "
        "informations de "
        "paiement et votre nom.",
        "À des fins de lutte contre la fraude, nous traitons vos connexions, vos appareils et votre nom.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), PURPOSE_DATA_DROPPED)
def test_data_dropped_from_a_purpose_clause_is_collection(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")


# the reason of the request dropped from what a request states, beside a new team name: no right went
REQUEST_REASON = [
    (
        "en",
        "To use these rights, write to our support team stating the reason for your request and the "
        "right you "
        "want to use.",
        "To use these rights, write to our service desk stating the right you want to use.",
    ),
    (
        "de",
        "Um diese Rechte auszuüben, schreiben Sie an unser Service-Team und nennen Sie den Grund für "
        "Ihre Anfrage "
        "und das Recht, das Sie ausüben möchten.",
        "Um diese Rechte auszuüben, schreiben Sie an unser Support-Team und nennen Sie das Recht, das Sie "
        "ausüben möchten.",
    ),
    (
        "fr",
        "Pour exercer ces droits, écrivez à notre service client en précisant la raison de votre "
        "demande et le "
        "droit que vous voulez exercer.",
        "Pour exercer ces droits, écrivez à notre équipe d'assistance en précisant le droit que vous voulez "
        "exercer.",
    ),
    (
        "es",
        "Para ejercer estos derechos, escriba a nuestro servicio de atención indicando el motivo de "
        "su solicitud "
        "y el derecho que desea ejercer.",
        "Para ejercer estos derechos, escriba a nuestro equipo de soporte indicando el derecho que "
        "desea ejercer.",
    ),
    (
        "da",
        "For at udøve disse rettigheder skal du skrive til vores kundeservice og angive årsagen til din "
        "anmodning og den rettighed, du vil udøve.",
        "For at udøve disse rettigheder skal du skrive til vores supportteam og angive den rettighed, du vil "
        "udøve.",
    ),
    (
        "sv",
        "För att utöva dessa rättigheter skriver du till vår kundtjänst och anger skälet till din "
        "begäran och "
        "den rättighet du vill utöva.",
        "För att utöva dessa rättigheter skriver du till vårt supportteam och anger den rättighet du "
        "vill utöva.",
    ),
    (
        "no",
        "For å utøve disse rettighetene skriver du til kundeservicen vår og oppgir grunnen til din "
        "forespørsel "
        "og rettigheten du vil utøve.",
        "For å utøve disse rettighetene skriver du til supportteamet vårt og oppgir rettigheten du "
        "vil utøve.",
    ),
    (
        "nl",
        "Om deze rechten uit te oefenen, schrijf je naar onze klantenservice met vermelding van de "
        "reden van je "
        "verzoek en het recht dat je wilt uitoefenen.",
        "Om deze rechten uit te oefenen, schrijf je naar ons supportteam met vermelding van het recht dat je "
        "wilt uitoefenen.",
    ),
    (
        "hr",
        "Za ostvarivanje ovih prava pišite našoj korisničkoj službi i navedite razlog vašeg zahtjeva i pravo "
        "koje želite ostvariti.",
        "Za ostvarivanje ovih prava pišite našem timu za podršku i navedite pravo koje želite ostvariti.",
    ),
    (
        "sl",
        "Za uveljavljanje teh pravic pišite naši službi za stranke in navedite razlog vaše zahteve "
        "in pravico, "
        "ki jo želite uveljaviti.",
        "Za uveljavljanje teh pravic pišite naši ekipi za podporo in navedite pravico, ki jo želite "
        "uveljaviti.",
    ),
    (
        "zh",
        "如需行使这些权利，请写信给我们的客服部门，并说明您的请求的理由以及您希望行使的权利。",
        "如需行使这些权利，请写信给我们的支持团队，并说明您希望行使的权利。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), REQUEST_REASON)
def test_reason_of_request_dropped_is_no_right(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


# "for your identification" -> "for identification purposes", beside a new name and address: the same purpose
IDENTIFICATION_PURPOSE = [
    (
        "en",
        "Write to the Owner at the address given above. If we think it needed for your "
        "identification, we may "
        "ask you for a copy of your passport.",
        "Write to Acme Ltd at the contact details given above. If we think it needed for identification "
        "purposes, we may ask you for a copy of your passport.",
    ),
    (
        "fr",
        "Écrivez à l'Exploitant à l'adresse ci-dessus. Si nous le trouvons utile pour votre "
        "identification, nous "
        "pourrons vous demander une copie de votre passeport.",
        "Écrivez à Acme SAS aux coordonnées ci-dessus. Si nous le trouvons utile à des fins "
        "d'identification, "
        "nous pourrons vous demander une copie de votre passeport.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), IDENTIFICATION_PURPOSE)
def test_for_identification_said_as_identification_purposes_beside_other_edits(
    language: str, old: str, new: str
) -> None:
    assert_quiet(modified(old, new, language))


# recording whether the user opens a newsletter: tracking
EMAIL_OPENS = [
    ("en", "We record each time you open one of our newsletters."),
    ("de", "Wir erfassen, wann Sie unsere Newsletter öffnen."),
    ("fr", "Nous enregistrons chaque ouverture de nos newsletters."),
    ("es", "Registramos la apertura de nuestros boletines."),
    ("da", "Vi registrerer, når du åbner vores nyhedsbreve."),
    ("sv", "Vi registrerar när du öppnar våra nyhetsbrev."),
    ("no", "Vi registrerer når du åpner nyhetsbrevene våre."),
    ("nl", "Wij registreren wanneer je onze nieuwsbrief opent."),
    ("hr", "Bilježimo kada otvarate naše biltene."),
    ("sl", "Beležimo, kdaj odprete naše novičke."),
    ("zh", "我们会记录您何时打开我们的营销邮件。"),
]


@pytest.mark.parametrize(("language", "text"), EMAIL_OPENS)
def test_newsletter_opens_recorded_is_tracking(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "tracking")
