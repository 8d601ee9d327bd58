"""Leftover patterns of the held-out rounds 22-23, each stated in new sentences in every language
it applies to: a kind of data that is no special category (approximate location, an advertising
ID, device identifiers, an IP address, purchase history) added to or dropped from what is
collected or logged is a collection change, an advertising ID a tracking one too and no purpose.

Each row: language, old clause, new clause, and what is expected: "quiet", a category the change
must be about, or "-category" one it must not be about."""

from __future__ import annotations

import pytest
from engine_checks import check_expected, modified, page_changes

from monitor.models import Change

# --- a plain kind of data added to or dropped from what is collected or logged ---

PLAIN_DATA = [
    (
        "en",
        "Our servers log the pages you open, the time of each visit and your browser type.",
        "Our servers log the pages you open, the time of each visit, "
        "your device identifier and your browser type.",
        "collection",
    ),
    (
        "en",
        "We collect the app version and crash reports.",
        "We collect the app version, your advertising ID and crash reports.",
        "collection,tracking,-purpose",
    ),
    (
        "en",
        "We collect your name, e-mail address and purchase history.",
        "We collect your name and e-mail address.",
        "collection",
    ),
    (
        "de",
        "Unsere Server protokollieren die aufgerufenen Seiten, die Uhrzeit und den Browsertyp.",
        "Unsere Server protokollieren die aufgerufenen Seiten, die Uhrzeit, "
        "Ihre IP-Adresse und den Browsertyp.",
        "collection",
    ),
    (
        "fr",
        "Nous enregistrons les pages consultées, l'heure de la visite et le type de navigateur.",
        "Nous enregistrons les pages consultées, l'heure de la visite, "
        "votre localisation approximative et le type de navigateur.",
        "collection",
    ),
    (
        "es",
        "Registramos las páginas visitadas, la hora de la visita y el tipo de navegador.",
        "Registramos las páginas visitadas, la hora de la visita, "
        "su historial de compras y el tipo de navegador.",
        "collection",
    ),
    (
        "da",
        "Vi registrerer de besøgte sider, tidspunktet for besøget og browsertypen.",
        "Vi registrerer de besøgte sider, tidspunktet for besøget, din IP-adresse og browsertypen.",
        "collection",
    ),
    (
        "sv",
        "Vi loggar besökta sidor, tidpunkten för besöket och webbläsartyp.",
        "Vi loggar besökta sidor, tidpunkten för besöket, enhetens annons-ID och webbläsartyp.",
        "collection,tracking",
    ),
    (
        "no",
        "Vi logger besøkte sider, tidspunktet for besøket og nettlesertypen.",
        "Vi logger besøkte sider, tidspunktet for besøket, enhets-ID-en din og nettlesertypen.",
        "collection",
    ),
    (
        "nl",
        "Wij registreren de bezochte pagina's, het tijdstip van het bezoek en het type browser.",
        "Wij registreren de bezochte pagina's, het tijdstip van het bezoek, "
        "uw locatie bij benadering en het type browser.",
        "collection",
    ),
    (
        "hr",
        "Bilježimo posjećene stranice, vrijeme posjeta i vrstu preglednika.",
        "Bilježimo posjećene stranice, vrijeme posjeta, IP adresu vašeg uređaja i vrstu preglednika.",
        "collection",
    ),
    (
        "sl",
        "Beležimo obiskane strani, čas obiska in vrsto brskalnika.",
        "Beležimo obiskane strani, čas obiska, vašo približno lokacijo in vrsto brskalnika.",
        "collection",
    ),
    (
        "zh",
        "我们记录您访问的页面、访问时间和浏览器类型。",
        "我们记录您访问的页面、访问时间、设备标识符和浏览器类型。",
        "collection",
    ),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), PLAIN_DATA)
def test_plain_data_kind_listed_is_collection(language: str, old: str, new: str, expected: str) -> None:
    check_expected(modified(old, new, language), expected)


# --- a verb of recording put in place of a verb of storing (or back): the same act ---

RECORD_FOR_STORE = [
    (
        "en",
        "Support requests are recorded in our ticketing system.",
        "Support requests are stored in our ticketing system.",
        "quiet",
    ),
    (
        "en",
        "Support requests are recorded in our ticketing system.",
        "Support requests are deleted from our ticketing system.",
        "retention",
    ),
    (
        "en",
        "Support requests are recorded in our ticketing system.",
        "Support requests are stored in our ticketing system for ten years.",
        "retention",
    ),
    (
        "de",
        "Ihre Anfragen werden in unserem Ticketsystem erfasst.",
        "Ihre Anfragen werden in unserem Ticketsystem gespeichert.",
        "quiet",
    ),
    (
        "fr",
        "Vos demandes sont enregistrées dans notre outil de suivi.",
        "Vos demandes sont conservées dans notre outil de suivi.",
        "quiet",
    ),
    (
        "es",
        "Sus solicitudes se registran en nuestro sistema de atención.",
        "Sus solicitudes se almacenan en nuestro sistema de atención.",
        "quiet",
    ),
    (
        "da",
        "Dine henvendelser registreres i vores sagssystem.",
        "Dine henvendelser gemmes i vores sagssystem.",
        "quiet",
    ),
    (
        "sv",
        "Dina ärenden registreras i vårt ärendesystem.",
        "Dina ärenden lagras i vårt ärendesystem.",
        "quiet",
    ),
    (
        "no",
        "Henvendelsene dine registreres i vårt saksbehandlingssystem.",
        "Henvendelsene dine lagres i vårt saksbehandlingssystem.",
        "quiet",
    ),
    (
        "nl",
        "Uw verzoeken worden vastgelegd in ons klantsysteem.",
        "Uw verzoeken worden opgeslagen in ons klantsysteem.",
        "quiet",
    ),
    (
        "hr",
        "Vaši se upiti evidentiraju u našem sustavu za podršku.",
        "Vaši se upiti pohranjuju u našem sustavu za podršku.",
        "quiet",
    ),
    (
        "sl",
        "Vaše zahteve se evidentirajo v našem sistemu za podporo.",
        "Vaše zahteve se shranjujejo v našem sistemu za podporo.",
        "quiet",
    ),
    ("zh", "您的咨询记录在我们的客服系统中。", "您的咨询存储在我们的客服系统中。", "quiet"),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), RECORD_FOR_STORE)
def test_record_verb_for_store(language: str, old: str, new: str, expected: str) -> None:
    check_expected(modified(old, new, language), expected)


# --- the grounds needed to go on despite an objection weakened (or made stronger) ---

OVERRIDE_GROUNDS = [
    (
        "en",
        "After an objection we stop, unless we can show compelling legitimate grounds for the processing.",
        "After an objection we stop, unless we can show legitimate grounds for the processing.",
        "rights",
    ),
    (
        "en",
        "After an objection we stop, unless we can show legitimate grounds for the processing.",
        "After an objection we stop, unless we can show compelling legitimate grounds for the processing.",
        "rights",
    ),
    (
        "en",
        "Our grounds must override your interests, rights and freedoms before we continue.",
        "Our grounds must override your interests, rights and freedoms before we go on.",
        "quiet",
    ),
    (
        "de",
        "Nach einem Widerspruch machen wir nur weiter, wenn wir zwingende schutzwürdige Gründe nachweisen.",
        "Nach einem Widerspruch machen wir nur weiter, wenn wir schutzwürdige Gründe nachweisen.",
        "rights",
    ),
    (
        "fr",
        "Après une opposition, nous cessons le traitement, sauf motifs légitimes et impérieux de notre part.",
        "Après une opposition, nous cessons le traitement, sauf motifs légitimes de notre part.",
        "rights",
    ),
    (
        "es",
        "Tras su oposición dejaremos de tratar los datos, salvo por motivos legítimos imperiosos.",
        "Tras su oposición dejaremos de tratar los datos, salvo por motivos legítimos.",
        "rights",
    ),
    (
        "da",
        "Efter en indsigelse ophører vi med behandlingen, medmindre vi har tvingende legitime grunde.",
        "Efter en indsigelse ophører vi med behandlingen, medmindre vi har legitime grunde.",
        "rights",
    ),
    (
        "sv",
        "Efter en invändning upphör vi med behandlingen, om vi inte har tvingande berättigade skäl.",
        "Efter en invändning upphör vi med behandlingen, om vi inte har berättigade skäl.",
        "rights",
    ),
    (
        "no",
        "Etter en innsigelse stanser vi behandlingen, med mindre vi har tvingende berettigede grunner.",
        "Etter en innsigelse stanser vi behandlingen, med mindre vi har berettigede grunner.",
        "rights",
    ),
    (
        "nl",
        "Na een bezwaar stoppen wij met de verwerking, tenzij wij dwingende gerechtvaardigde gronden hebben.",
        "Na een bezwaar stoppen wij met de verwerking, tenzij wij gerechtvaardigde gronden hebben.",
        "rights",
    ),
    (
        "hr",
        "Nakon prigovora prestajemo s obradom, osim ako imamo uvjerljive legitimne razloge.",
        "Nakon prigovora prestajemo s obradom, osim ako imamo legitimne razloge.",
        "rights",
    ),
    (
        "sl",
        "Po ugovoru prenehamo z obdelavo, razen če imamo nujne zakonite razloge.",
        "Po ugovoru prenehamo z obdelavo, razen če imamo zakonite razloge.",
        "rights",
    ),
    (
        "zh",
        "您提出反对后，我们将停止处理，除非我们有令人信服的正当理由。",
        "您提出反对后，我们将停止处理，除非我们有正当理由。",
        "rights",
    ),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), OVERRIDE_GROUNDS)
def test_override_grounds_changed(language: str, old: str, new: str, expected: str) -> None:
    check_expected(modified(old, new, language), expected)


# --- a promise to tell the user, beside a merger or an acquisition, is of the data passing on ---

BUSINESS_TRANSFER_NOTICE = [
    (
        "en",
        "In a merger or a sale of our business, your account data would go to the new owner.",
        "We will notify you by e-mail before that happens.",
    ),
    (
        "de",
        "Bei einer Fusion gehen Ihre Kontodaten an den neuen Eigentümer über.",
        "Wir benachrichtigen Sie vorher per E-Mail darüber.",
    ),
    (
        "fr",
        "En cas de fusion, les données de votre compte seraient transmises au nouveau propriétaire.",
        "Nous vous en informerons au préalable par e-mail.",
    ),
    (
        "es",
        "En caso de fusión o adquisición, los datos de su cuenta pasarían al nuevo propietario.",
        "Le notificaremos previamente por correo electrónico.",
    ),
    (
        "da",
        "Ved en fusion eller et opkøb overgår dine kontooplysninger til den nye ejer.",
        "Vi giver dig besked på e-mail forinden.",
    ),
    (
        "sv",
        "Vid en sammanslagning eller ett förvärv övergår dina kontouppgifter till den nya ägaren.",
        "Vi meddelar dig via e-post innan dess.",
    ),
    (
        "no",
        "Ved en fusjon eller et oppkjøp overføres kontoopplysningene dine til den nye eieren.",
        "Vi varsler deg på e-post før det skjer.",
    ),
    (
        "nl",
        "Bij een fusie of overname gaan uw accountgegevens over naar de nieuwe eigenaar.",
        "Wij zullen u vooraf informeren.",
    ),
    (
        "hr",
        "U slučaju spajanja ili preuzimanja, podaci vašeg računa prelaze na novog vlasnika.",
        "O tome ćemo vas unaprijed obavijestiti e-poštom.",
    ),
    (
        "sl",
        "V primeru združitve ali prevzema podatki vašega računa preidejo na novega lastnika.",
        "O tem vas bomo vnaprej obvestili po e-pošti.",
    ),
    ("zh", "如发生并购，您的账户数据将转给新的所有者。", "我们会事先通过电子邮件通知您。"),
]


def _page(language: str, body: str) -> bytes:
    return f'<html lang="{language}"><body><main><h1>Privacy</h1><p>{body}</p></main></body></html>'.encode()


def _dropped(language: str, first: str, second: str) -> list[Change]:
    both = first + ("" if language == "zh" else " ") + second
    return [c for c in page_changes(_page(language, both), _page(language, first)) if c.kind != "unchanged"]


@pytest.mark.parametrize(("language", "transfer", "notice"), BUSINESS_TRANSFER_NOTICE)
def test_business_transfer_notice_dropped_is_sharing(language: str, transfer: str, notice: str) -> None:
    (change,) = _dropped(language, transfer, notice)
    check_expected(change, "sharing")


def test_notice_after_policy_update_stays_about_changes() -> None:
    (change,) = _dropped(
        "en", "We update this policy from time to time.", "We will notify you by e-mail before that happens."
    )
    check_expected(change, "changes,-sharing")


# --- a use added to what the parties that receive the data do with it: a term of that sharing ---

RECIPIENTS_USE = [
    (
        "en",
        "We send your data to our service providers for hosting and storage.",
        "We send your data to our service providers for hosting, storage and advertising.",
        "sharing,purpose",
    ),
    (
        "en",
        "We use your data for hosting and storage.",
        "We use your data for hosting, storage and advertising.",
        "purpose,-sharing",
    ),
    (
        "de",
        "Wir übermitteln Ihre Daten an unsere Dienstleister für Hosting und Speicherung.",
        "Wir übermitteln Ihre Daten an unsere Dienstleister für Hosting, Speicherung und Werbung.",
        "sharing",
    ),
    (
        "fr",
        "Nous transmettons vos données à nos prestataires pour l'hébergement et le stockage.",
        "Nous transmettons vos données à nos prestataires pour l'hébergement, le stockage et la publicité.",
        "sharing",
    ),
    (
        "es",
        "Enviamos sus datos a nuestros proveedores de servicios para alojamiento y copias.",
        "Enviamos sus datos a nuestros proveedores de servicios para alojamiento, copias y publicidad.",
        "sharing",
    ),
    (
        "da",
        "Vi videregiver dine data til vores tjenesteudbydere til hosting og lagring.",
        "Vi videregiver dine data til vores tjenesteudbydere til hosting, lagring og markedsføring.",
        "sharing",
    ),
    (
        "sv",
        "Vi lämnar ut dina uppgifter till våra tjänsteleverantörer för drift och lagring.",
        "Vi lämnar ut dina uppgifter till våra tjänsteleverantörer för drift, lagring och marknadsföring.",
        "sharing",
    ),
    (
        "no",
        "Vi utleverer dine data til våre tjenesteleverandører for drift og lagring.",
        "Vi utleverer dine data til våre tjenesteleverandører for drift, lagring og markedsføring.",
        "sharing",
    ),
    (
        "nl",
        "Wij verstrekken uw gegevens aan onze dienstverleners voor hosting en opslag.",
        "Wij verstrekken uw gegevens aan onze dienstverleners voor hosting, opslag en marketing.",
        "sharing",
    ),
    (
        "hr",
        "Vaše podatke prosljeđujemo našim pružateljima usluga radi smještaja i pohrane.",
        "Vaše podatke prosljeđujemo našim pružateljima usluga radi smještaja, pohrane i marketinga.",
        "sharing",
    ),
    (
        "sl",
        "Vaše podatke posredujemo našim ponudnikom storitev za gostovanje in hrambo.",
        "Vaše podatke posredujemo našim ponudnikom storitev za gostovanje, hrambo in trženje.",
        "sharing",
    ),
    (
        "zh",
        "我们会将您的数据共享给服务提供商，用于托管和存储。",
        "我们会将您的数据共享给服务提供商，用于托管、存储和广告。",
        "sharing",
    ),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), RECIPIENTS_USE)
def test_use_added_to_what_recipients_do(language: str, old: str, new: str, expected: str) -> None:
    check_expected(modified(old, new, language), expected)


# --- a refusal after which data is deleted, dropped: when data is deleted, a retention term ---

DELETION_TRIGGERS = [
    (
        "en",
        "We erase your profile when you withdraw consent or object to its use, or once the contract ends.",
        "We erase your profile once the contract ends.",
        "retention,-rights",
    ),
    (
        "en",
        "You can have your data erased, withdraw your consent or object to its use.",
        "You can have your data erased or object to its use.",
        "rights",
    ),
    (
        "de",
        "Wir löschen Ihr Profil, wenn Sie Ihre Einwilligung widerrufen oder wenn der Vertrag endet.",
        "Wir löschen Ihr Profil, wenn der Vertrag endet.",
        "retention",
    ),
    (
        "fr",
        "Nous supprimons votre profil lorsque vous retirez votre consentement ou à la fin du contrat.",
        "Nous supprimons votre profil à la fin du contrat.",
        "retention",
    ),
    (
        "es",
        "Suprimimos su perfil cuando retira su consentimiento o cuando termina el contrato.",
        "Suprimimos su perfil cuando termina el contrato.",
        "retention",
    ),
    (
        "da",
        "Vi sletter din profil, når du trækker dit samtykke tilbage, eller når aftalen ophører.",
        "Vi sletter din profil, når aftalen ophører.",
        "retention",
    ),
    (
        "sv",
        "Vi raderar din profil när du återkallar ditt samtycke eller när avtalet upphör.",
        "Vi raderar din profil när avtalet upphör.",
        "retention",
    ),
    (
        "no",
        "Vi sletter profilen din når du trekker tilbake samtykket ditt, eller når avtalen opphører.",
        "Vi sletter profilen din når avtalen opphører.",
        "retention",
    ),
    (
        "nl",
        "Wij verwijderen uw profiel wanneer u uw toestemming intrekt of wanneer de overeenkomst eindigt.",
        "Wij verwijderen uw profiel wanneer de overeenkomst eindigt.",
        "retention",
    ),
    (
        "hr",
        "Vaš profil brišemo kada povučete privolu ili kada ugovor istekne.",
        "Vaš profil brišemo kada ugovor istekne.",
        "retention",
    ),
    (
        "sl",
        "Vaš profil izbrišemo, ko prekličete privolitev ali ko pogodba preneha.",
        "Vaš profil izbrišemo, ko pogodba preneha.",
        "retention",
    ),
    (
        "zh",
        "当您撤回同意或合同终止时，我们会删除您的资料。",
        "当合同终止时，我们会删除您的资料。",
        "retention",
    ),
]


@pytest.mark.parametrize(("language", "old", "new", "expected"), DELETION_TRIGGERS)
def test_refusal_as_deletion_trigger(language: str, old: str, new: str, expected: str) -> None:
    check_expected(modified(old, new, language), expected)


# --- a period beside a verb of documenting or recording: how long the record is kept ---

RECORD_PERIODS = [
    (
        "en",
        "Each invoice is documented for a period of two years to demonstrate compliance.",
        "Each invoice is documented for a period of five years to demonstrate compliance.",
    ),
    (
        "de",
        "Jede Rechnung wird für einen Zeitraum von 2 Jahren dokumentiert, um Pflichten nachzuweisen.",
        "Jede Rechnung wird für einen Zeitraum von 5 Jahren dokumentiert, um Pflichten nachzuweisen.",
    ),
    (
        "fr",
        "Chaque facture est documentée pendant une période de 2 ans afin de prouver nos obligations.",
        "Chaque facture est documentée pendant une période de 5 ans afin de prouver nos obligations.",
    ),
    (
        "es",
        "Cada factura queda documentada durante un período de 2 años para acreditar el cumplimiento.",
        "Cada factura queda documentada durante un período de 5 años para acreditar el cumplimiento.",
    ),
    (
        "da",
        "Hver faktura dokumenteres i en periode på 2 år med henblik på at vise, at vi overholder reglerne.",
        "Hver faktura dokumenteres i en periode på 5 år med henblik på at vise, at vi overholder reglerne.",
    ),
    (
        "sv",
        "Varje faktura dokumenteras under en period av 2 år i syfte att visa att vi följer reglerna.",
        "Varje faktura dokumenteras under en period av 5 år i syfte att visa att vi följer reglerna.",
    ),
    (
        "no",
        "Hver faktura dokumenteres i en periode på 2 år for å vise at vi følger reglene.",
        "Hver faktura dokumenteres i en periode på 5 år for å vise at vi følger reglene.",
    ),
    (
        "nl",
        "Elke factuur wordt gedurende een periode van 2 jaar gedocumenteerd om naleving aan te tonen.",
        "Elke factuur wordt gedurende een periode van 5 jaar gedocumenteerd om naleving aan te tonen.",
    ),
    (
        "hr",
        "Svaki račun dokumentira se u razdoblju od 24 mjeseca u svrhu dokazivanja usklađenosti.",
        "Svaki račun dokumentira se u razdoblju od 60 mjeseci u svrhu dokazivanja usklađenosti.",
    ),
    (
        "sl",
        "Vsak račun se evidentira za obdobje 2 let z namenom izkazovanja skladnosti.",
        "Vsak račun se evidentira za obdobje 5 let z namenom izkazovanja skladnosti.",
    ),
    ("zh", "每张发票将存档2年，以证明我们履行了义务。", "每张发票将存档5年，以证明我们履行了义务。"),
]


@pytest.mark.parametrize(("language", "old", "new"), RECORD_PERIODS)
def test_period_of_a_record_is_retention(language: str, old: str, new: str) -> None:
    check_expected(modified(old, new, language), "retention")
