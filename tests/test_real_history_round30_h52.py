"""Real version histories, round 30 (h52): patterns from French airline and bank policy histories.

Each test states, in new sentences, a pattern the engine missed on real consecutive versions:
a cookie added to or dropped from a table that a line (not a heading) leads into ("The cookies
we place are the following:"), also where a list entry dropped beside it would have been taken
for the row re-worded; a partner named as the label of an entry under "we may share your data
with our partners, for example:" dropped (a recipient gone); baggage or parcels collected at home
is no data collected; a Spanish street abbreviation ("Ctra.") ends no sentence.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

from monitor.engine.facts import extract_facts
from monitor.engine.pipeline import compare_documents
from monitor.engine.segment import split_sentences
from monitor.extract.normalize import normalize
from monitor.models import Change


def md_changes(old: str, new: str) -> list[Change]:
    """Two Markdown texts normalised and compared: the classified changes."""
    return compare_documents(
        normalize(old.encode(), "text/markdown"), normalize(new.encode(), "text/markdown")
    ).changes


def material(changes: list[Change]) -> list[Change]:
    return [c for c in changes if c.material]


# --- a cookie row added to or dropped from a table under a lead-in line: tracking ----------------

# (language, lead-in, head row, a row kept, a row added)
COOKIE_TABLES = [
    (
        "en",
        "The main cookies we place on your device are the following:",
        "Name | Provider | Duration",
        "sessid | Acme | session",
        "vtrk | Pixelco | 13 months",
    ),
    (
        "de",
        "Die wichtigsten Cookies, die wir auf Ihrem Gerät setzen, sind die folgenden:",
        "Name | Anbieter | Dauer",
        "sessid | Acme | Sitzung",
        "vtrk | Pixelco | 13 Monate",
    ),
    (
        "fr",
        "Les principaux cookies que nous déposons sur votre appareil sont les suivants :",
        "Nom | Émetteur | Durée",
        "sessid | Acme | session",
        "vtrk | Pixelco | 13 mois",
    ),
    (
        "es",
        "Las principales cookies que instalamos en su dispositivo son las siguientes:",
        "Nombre | Proveedor | Duración",
        "sessid | Acme | sesión",
        "vtrk | Pixelco | 13 meses",
    ),
    (
        "da",
        "De vigtigste cookies, vi placerer på din enhed, er følgende:",
        "Navn | Udbyder | Varighed",
        "sessid | Acme | session",
        "vtrk | Pixelco | 13 måneder",
    ),
    (
        "sv",
        "De viktigaste cookies som vi placerar på din enhet är följande:",
        "Namn | Leverantör | Varaktighet",
        "sessid | Acme | session",
        "vtrk | Pixelco | 13 månader",
    ),
    (
        "no",
        "De viktigste informasjonskapslene vi plasserer på enheten din, er følgende:",
        "Navn | Leverandør | Varighet",
        "sessid | Acme | økt",
        "vtrk | Pixelco | 13 måneder",
    ),
    (
        "nl",
        "De belangrijkste cookies die wij op uw apparaat plaatsen, zijn de volgende:",
        "Naam | Aanbieder | Duur",
        "sessid | Acme | sessie",
        "vtrk | Pixelco | 13 maanden",
    ),
    (
        "hr",
        "Glavni kolačići koje postavljamo na vaš uređaj su sljedeći:",
        "Naziv | Pružatelj | Trajanje",
        "sessid | Acme | sesija",
        "vtrk | Pixelco | 13 mjeseci",
    ),
    (
        "sl",
        "Glavni piškotki, ki jih namestimo na vašo napravo, so naslednji:",
        "Ime | Ponudnik | Trajanje",
        "sessid | Acme | seja",
        "vtrk | Pixelco | 13 mesecev",
    ),
    (
        "zh",
        "我们在您的设备上放置的主要 Cookie 如下：",
        "名称 | 提供方 | 期限",
        "sessid | Acme | 会话",
        "vtrk | Pixelco | 13 个月",
    ),
]


def _table(lead: str, head: str, rows: list[str]) -> str:
    cells = head.count(" | ") + 1
    lines = [f"| {head} |", "|" + " --- |" * cells] + [f"| {r} |" for r in rows]
    return f"{lead}\n\n" + "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang,lead,head,kept,extra", COOKIE_TABLES)
def test_cookie_row_added_under_a_lead_in_is_tracking(
    lang: str, lead: str, head: str, kept: str, extra: str
) -> None:
    changes = material(md_changes(_table(lead, head, [kept]), _table(lead, head, [kept, extra])))
    assert len(changes) == 1, changes
    assert_alert(changes[0], "tracking")


@pytest.mark.parametrize("lang,lead,head,kept,extra", COOKIE_TABLES)
def test_cookie_row_dropped_under_a_lead_in_is_tracking(
    lang: str, lead: str, head: str, kept: str, extra: str
) -> None:
    changes = material(md_changes(_table(lead, head, [kept, extra]), _table(lead, head, [kept])))
    assert len(changes) == 1, changes
    assert_alert(changes[0], "tracking")


# a use of the cookies dropped from the list above the table while a row is added below it: the row
# is another cookie listed, not the dropped entry re-worded
USES_AND_ROW = [
    (
        "en",
        "We use these cookies to:",
        ["count visits to our pages;", "answer questions through a chat window."],
    ),
    (
        "fr",
        "Nous utilisons ces cookies pour :",
        ["compter les visites de nos pages ;", "répondre aux questions via une fenêtre de discussion."],
    ),
    (
        "de",
        "Wir verwenden diese Cookies, um:",
        ["Besuche unserer Seiten zu zählen;", "Fragen über ein Chatfenster zu beantworten."],
    ),
    (
        "nl",
        "Wij gebruiken deze cookies om:",
        ["bezoeken aan onze pagina's te tellen;", "vragen te beantwoorden via een chatvenster."],
    ),
]


@pytest.mark.parametrize("lang,uses_lead,uses", USES_AND_ROW)
def test_row_added_beside_a_dropped_entry_is_a_cookie_added(
    lang: str, uses_lead: str, uses: list[str]
) -> None:
    _, lead, head, kept, extra = next(t for t in COOKIE_TABLES if t[0] == lang)
    old = f"{uses_lead}\n\n* {uses[0]}\n* {uses[1]}\n\n" + _table(lead, head, [kept])
    new = f"{uses_lead}\n\n* {uses[0]}\n\n" + _table(lead, head, [kept, extra])
    found = material(md_changes(old, new))
    assert any("tracking" in c.categories and c.new is not None and "vtrk" in c.new.text for c in found), (
        found
    )


# --- a partner named as an entry's label under "we may share ..., for example:" ------------------

# (language, lead-in, an entry kept, an entry dropped: "Name: what it does." of more than a few words)
PARTNER_ENTRIES = [
    (
        "en",
        "If you book services with our partners, we may share your name and destination with them, for "
        "example:",
        "Trailmate: a partner that helps you get the right travel documents for your trip.",
        "Luggo: a partner that picks up your suitcase at home before some of our flights.",
    ),
    (
        "de",
        "Wenn Sie Leistungen bei unseren Partnern buchen, können wir Ihren Namen und Ihr Reiseziel an sie "
        "weitergeben, zum Beispiel:",
        "Trailmate: ein Partner, der Ihnen hilft, die richtigen Reisedokumente für Ihre Reise zu erhalten.",
        "Luggo: ein Partner, der Ihren Koffer vor einigen unserer Flüge bei Ihnen zu Hause abholt.",
    ),
    (
        "fr",
        "Si vous réservez des services auprès de nos partenaires, nous pouvons partager avec eux votre "
        "nom et "
        "votre destination, par exemple :",
        "Trailmate : un partenaire qui vous aide à obtenir les bons documents de voyage pour votre séjour.",
        "Luggo : un partenaire qui vient chercher votre valise chez vous avant certains de nos vols.",
    ),
    (
        "es",
        "Si contrata servicios con nuestros socios, podemos compartir con ellos su nombre y su destino, "
        "por ejemplo:",
        "Trailmate: un socio que le ayuda a obtener los documentos de viaje adecuados para su viaje.",
        "Luggo: un socio que pasa a buscar su maleta a su casa antes de algunos de nuestros vuelos.",
    ),
    (
        "da",
        "Hvis du bestiller tjenester hos vores partnere, kan vi dele dit navn og din destination med dem, "
        "for eksempel:",
        "Trailmate: en partner, der hjælper dig med at få de rigtige rejsedokumenter til din rejse.",
        "Luggo: en partner, der henter din kuffert hjemme hos dig før nogle af vores fly.",
    ),
    (
        "sv",
        "Om du bokar tjänster hos våra partner kan vi dela ditt namn och din destination med dem, till "
        "exempel:",
        "Trailmate: en partner som hjälper dig att få rätt resehandlingar för din resa.",
        "Luggo: en partner som hämtar din resväska hemma hos dig före några av våra flyg.",
    ),
    (
        "no",
        "Hvis du bestiller tjenester hos våre partnere, kan vi dele navnet ditt og reisemålet ditt med dem, "
        "for eksempel:",
        "Trailmate: en partner som hjelper deg med å få de riktige reisedokumentene for reisen din.",
        "Luggo: en partner som henter kofferten din hjemme hos deg før noen av flyvningene våre.",
    ),
    (
        "nl",
        "Als u diensten boekt bij onze partners, kunnen wij uw naam en uw bestemming met hen delen, "
        "bijvoorbeeld:",
        "Trailmate: een partner die u helpt de juiste reisdocumenten voor uw reis te krijgen.",
        "Luggo: een partner die uw koffer vóór sommige van onze vluchten bij u thuis ophaalt.",
    ),
    (
        "hr",
        "Ako rezervirate usluge kod naših partnera, možemo s njima podijeliti vaše ime i odredište, na "
        "primjer:",
        "Trailmate: partner koji vam pomaže nabaviti prave putne isprave za vaše putovanje.",
        "Luggo: partner koji preuzima vaš kovčeg kod kuće prije nekih naših letova.",
    ),
    (
        "sl",
        "Če rezervirate storitve pri naših partnerjih, lahko z njimi delimo vaše ime in cilj potovanja, "
        "na primer:",
        "Trailmate: partner, ki vam pomaga pridobiti prave potne listine za vaše potovanje.",
        "Luggo: partner, ki pred nekaterimi našimi leti prevzame vaš kovček na vašem domu.",
    ),
]


@pytest.mark.parametrize("lang,lead,kept,dropped", PARTNER_ENTRIES)
def test_labelled_partner_dropped_under_an_example_lead_in_is_sharing(
    lang: str, lead: str, kept: str, dropped: str
) -> None:
    old = f"{lead}\n\n* {kept}\n* {dropped}\n"
    new = f"{lead}\n\n* {kept}\n"
    found = material(md_changes(old, new))
    assert len(found) == 1, found
    assert_alert(found[0], "sharing")
    assert "Luggo" in found[0].explanation


def test_labelled_entry_naming_no_party_stays_as_it_was() -> None:
    """An entry whose label is no name ("Please note: ...") names no partner."""
    lead = PARTNER_ENTRIES[0][1]
    note = "Please note: some offers change from one season to the next."
    old = f"{lead}\n\n* {PARTNER_ENTRIES[0][2]}\n* {note}\n"
    new = f"{lead}\n\n* {PARTNER_ENTRIES[0][2]}\n"
    assert not material(md_changes(old, new))


# --- baggage or parcels collected at home: no data collected -------------------------------------

PHYSICAL = [
    ("en", "We offer home collection of your baggage before some flights."),
    ("en", "A courier handles the collection of parcels from your door."),
    ("fr", "Nous proposons la collecte à domicile de vos bagages avant certains vols."),
    ("fr", "Un transporteur assure la collecte des colis devant votre porte."),
    ("es", "Ofrecemos la recogida a domicilio de su equipaje antes de algunos vuelos."),
    ("es", "Un mensajero se encarga de la recogida de paquetes en su puerta."),
]
DATA = [
    ("en", "We collect your e-mail address when you book."),
    ("fr", "Nous collectons votre adresse e-mail lors de la réservation."),
    ("es", "Recogemos su dirección de correo electrónico al reservar."),
]


@pytest.mark.parametrize("lang,text", PHYSICAL)
def test_goods_collected_at_home_are_no_data_collected(lang: str, text: str) -> None:
    assert "collection" not in extract_facts(text, lang).categories


@pytest.mark.parametrize("lang,text", DATA)
def test_data_collected_still_is(lang: str, text: str) -> None:
    assert "collection" in extract_facts(text, lang).categories


# --- a Spanish street abbreviation ends no sentence ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Polígono Industrial Norte, Ctra. Arenal km 21, 07630 Llucmajor.",
        "Oficina central: Pza. Mayor 3, Madrid.",
        "Sede: Pso. de la Castellana 95, 28046 Madrid.",
    ],
)
def test_spanish_address_abbreviation_is_no_sentence_end(text: str) -> None:
    assert split_sentences(text) == [text]


# --- the user asked to give data: data collected -------------------------------------------------

ASKED_FOR_DATA = [
    (
        "en",
        "The lost-property form will ask you to enter your personal details and a description of the item.",
    ),
    (
        "en",
        "At check-in the following identification data will be requested: nationality and passport number.",
    ),
    (
        "de",
        "Das Fundsachenformular fordert Sie auf, Ihre persönlichen Angaben und eine Beschreibung des "
        "Gegenstands "
        "einzugeben.",
    ),
    (
        "de",
        "Beim Check-in werden folgende Angaben zur Identität abgefragt: Staatsangehörigkeit und Passnummer.",
    ),
    (
        "fr",
        "Le formulaire des objets trouvés vous demandera de renseigner vos données personnelles et une "
        "description "
        "de l'objet.",
    ),
    (
        "fr",
        "Lors de l'enregistrement, les données d'identité suivantes du voyageur seront demandées : "
        "nationalité et "
        "numéro de passeport.",
    ),
    (
        "es",
        "El formulario de objetos perdidos le pedirá que introduzca sus datos personales y una "
        "descripción del objeto.",
    ),
    (
        "es",
        "En la facturación se solicitarán los siguientes datos de identidad: nacionalidad y número de "
        "pasaporte.",
    ),
    (
        "da",
        "Formularen til hittegods beder dig om at udfylde dine personoplysninger og en beskrivelse af "
        "genstanden.",
    ),
    (
        "sv",
        "Formuläret för hittegods ber dig att fylla i dina personuppgifter och en beskrivning av föremålet.",
    ),
    (
        "no",
        "Skjemaet for hittegods ber deg fylle inn personopplysningene dine og en beskrivelse av gjenstanden.",
    ),
    (
        "nl",
        "Het formulier voor gevonden voorwerpen vraagt u uw persoonsgegevens en een beschrijving in te "
        "vullen.",
    ),
    (
        "hr",
        "Obrazac za izgubljene predmete tražit će od vas da unesete svoje osobne podatke i opis predmeta.",
    ),
    ("sl", "Obrazec za izgubljene predmete vas bo prosil, da vnesete svoje osebne podatke in opis predmeta."),
    ("zh", "失物招领表格会要求您填写个人信息以及物品的描述。"),
]


@pytest.mark.parametrize("lang,text", ASKED_FOR_DATA)
def test_data_the_user_is_asked_for_is_collected(lang: str, text: str) -> None:
    assert "collection" in extract_facts(text, lang).categories


# the user asking the service (a right), not the service asking the user: no data collected
USER_ASKS = [
    ("en", "You can ask us for a copy of your data."),
    ("de", "Sie können uns bitten, Ihnen eine Kopie Ihrer Daten zu senden."),
    ("fr", "Vous pouvez nous demander une copie de vos données."),
    ("es", "Puede pedirnos una copia de sus datos."),
]


@pytest.mark.parametrize("lang,text", USER_ASKS)
def test_the_user_asking_for_a_copy_is_no_collection(lang: str, text: str) -> None:
    assert "collection" not in extract_facts(text, lang).categories


# a kind of data added to what is asked for, with an aside in brackets on when it applies
ITEM_WITH_ASIDE = [
    (
        "en",
        "At booking the following details will be requested: name, sex, phone and e-mail.",
        "At booking the following details will be requested: name, sex, phone, e-mail and voice (if you "
        "phone our "
        "help line for your booking).",
    ),
    (
        "de",
        "Bei der Buchung werden folgende Angaben abgefragt: Name, Geschlecht, Telefon und E-Mail.",
        "Bei der Buchung werden folgende Angaben abgefragt: Name, Geschlecht, Telefon, E-Mail und Stimme "
        "(wenn Sie "
        "unsere Hotline für Ihre Buchung anrufen).",
    ),
    (
        "fr",
        "Lors de la réservation, les données suivantes seront demandées : nom, sexe, téléphone et e-mail.",
        "Lors de la réservation, les données suivantes seront demandées : nom, sexe, téléphone, e-mail "
        "et voix (si "
        "vous appelez notre service client pour votre réservation).",
    ),
    (
        "es",
        "En la reserva se solicitarán los siguientes datos: nombre, sexo, teléfono y correo electrónico.",
        "En la reserva se solicitarán los siguientes datos: nombre, sexo, teléfono, correo electrónico y "
        "voz (si "
        "llama a nuestra línea de atención para su reserva).",
    ),
    (
        "nl",
        "Bij de boeking worden de volgende gegevens gevraagd: naam, geslacht, telefoon en e-mail.",
        "Bij de boeking worden de volgende gegevens gevraagd: naam, geslacht, telefoon, e-mail en stem "
        "(als u onze "
        "klantenservice belt over uw boeking).",
    ),
]


@pytest.mark.parametrize("lang,old,new", ITEM_WITH_ASIDE)
def test_data_item_added_with_an_aside_is_collection(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "collection")
