"""Leftover patterns from earlier held-out rounds (h51), stated in our own sentences in every
language they apply to:

- a paragraph whose every sentence about a term sends the reader to another text ("In our cookie
  notice you can read ...", "More details ... can be found in our cookie notice") states no term
  of its own: re-worded, it changes nothing, on the modified path as on the added one;
- an AI system working on the data (an AI assistant answering, a chatbot, content made
  automatically) is a use of the data: a new purpose ("AI processing");
- the user's own identifier in a service (a user ID, an account ID) is data about the user: a
  sentence keeping it states what is collected;
- "without having to log in again" spares the user a step: it rules out nothing the service does;
- discounts, perks and a loyalty programme offered to the user: a marketing use;
- data merged with other sources, said as a noun ("a merging of these data with other sources"),
  is collection, as the verb is;
- precautions taken (technical and organisational precautionary measures) are safeguards, and
  whom they bind ("also at our service providers") is a term of security.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.facts import extract_facts

# --- a paragraph that only points to another text, re-worded ---------------------------------

POINTERS = [
    (
        "In our cookie notice you can read which cookies we set and how long they are kept.",
        "More details on the cookies we set and on their lifetime can be found in our cookie notice.",
        "en",
    ),
    (
        "In unserer Cookie-Richtlinie können Sie lesen, welche Cookies wir setzen und wie lange sie "
        "gespeichert werden.",
        "Näheres zu unseren Cookies und ihrer Speicherdauer finden Sie in unserer Cookie-Richtlinie.",
        "de",
    ),
    (
        "Dans notre politique relative aux cookies, vous pouvez lire quels cookies nous déposons et "
        "combien de temps ils sont conservés.",
        "De plus amples informations sur nos cookies et leur durée de conservation se trouvent dans "
        "notre politique relative aux cookies.",
        "fr",
    ),
    (
        "En nuestra política de cookies puede leer qué cookies instalamos y durante cuánto tiempo "
        "se conservan.",
        "Más información sobre nuestras cookies y su plazo de conservación se encuentra en nuestra "
        "política de cookies.",
        "es",
    ),
    (
        "I vores cookiepolitik kan du læse, hvilke cookies vi sætter, og hvor længe de gemmes.",
        "Yderligere oplysninger om vores cookies og deres levetid findes i vores cookiepolitik.",
        "da",
    ),
    (
        "I vår cookiepolicy kan du läsa vilka kakor vi sätter och hur länge de sparas.",
        "Mer information om våra kakor och deras livslängd finns i vår cookiepolicy.",
        "sv",
    ),
    (
        "I vår informasjonskapselerklæring kan du lese hvilke informasjonskapsler vi bruker og hvor "
        "lenge de lagres.",
        "Mer informasjon om informasjonskapslene våre og levetiden deres finnes i erklæringen vår.",
        "no",
    ),
    (
        "In onze cookieverklaring kunt u lezen welke cookies wij plaatsen en hoe lang zij worden bewaard.",
        "Voor meer informatie over onze cookies en hun bewaartermijn verwijzen wij naar onze "
        "cookieverklaring.",
        "nl",
    ),
    (
        "U našoj politici kolačića možete pročitati koje kolačiće postavljamo i koliko se dugo čuvaju.",
        "Više informacija o našim kolačićima i njihovom trajanju možete pronaći u našoj politici kolačića.",
        "hr",
    ),
    (
        "V naši politiki piškotkov lahko preberete, katere piškotke nastavljamo in kako dolgo jih hranimo.",
        "Več informacij o naših piškotkih in njihovem trajanju najdete v naši politiki piškotkov.",
        "sl",
    ),
    (
        "在我们的Cookie政策中，您可以了解我们设置哪些Cookie以及保存多长时间。",
        "请参阅我们的Cookie政策，了解更多信息。",
        "zh",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), POINTERS)
def test_pointer_reworded_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


def test_pointer_beside_a_changed_period_still_alerts() -> None:
    old = "In our cookie notice you can read which cookies we set. We keep your orders for 2 years."
    new = "More details on our cookies can be found in our cookie notice. We keep your orders for 5 years."
    assert_alert(modified(old, new), "retention")


def test_a_bare_pointer_lends_no_opening_to_the_next_sentence() -> None:
    old = "Learn more. For child accounts, sign-in is required and syncing cannot be turned off."
    new = "Learn more. For child accounts, sign-in is required."
    assert modified(old, new).explanation != "Points to another text"


def test_pointer_that_names_a_recipient_states_a_term() -> None:
    old = "In our privacy notice you can read how we use your data."
    new = "In our privacy notice you can read how we use your data, which we also sell to data brokers."
    assert modified(old, new).material


# --- an AI system working on the data ------------------------------------------------------------

AI_USES = [
    ("Replies to questions about your bookings given by our AI assistant.", "en"),
    ("Antworten auf Fragen zu Ihren Buchungen durch unseren KI-Chatbot.", "de"),
    ("Réponses à vos questions sur vos réservations par notre assistant d’IA.", "fr"),
    ("Respuestas a sus preguntas sobre reservas mediante nuestro asistente de IA.", "es"),
    ("Svar på dine spørgsmål om bookinger fra vores AI-assistent.", "da"),
    ("Svar på dina frågor om bokningar från vår AI-assistent.", "sv"),
    ("Svar på spørsmålene dine om bestillinger fra vår KI-assistent.", "no"),
    ("Antwoorden op uw vragen over boekingen door onze AI-assistent.", "nl"),
    ("Odgovori na vaša pitanja o rezervacijama putem našeg AI asistenta.", "hr"),
    ("Odgovori na vaša vprašanja o rezervacijah prek našega klepetalnega robota.", "sl"),
    ("通过我们的AI助手回答您关于预订的问题。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), AI_USES)
def test_ai_assistant_item_added_is_a_purpose(text: str, language: str) -> None:
    assert "AI processing" in extract_facts(text, language).purposes
    assert_alert(single("added", text, section=("How we use your data",), language=language), "purpose")


AUTOMATED_CREATION = [
    ("The automated creation of adverts from the photos you upload.", "en"),
    ("Die (automatisierte) Erstellung von Beiträgen aus Ihren Fotos.", "de"),
    ("La création automatisée de vos annonces à partir de vos photos.", "fr"),
    ("La creación automatizada de sus anuncios a partir de sus fotos.", "es"),
    ("Automatisk oprettelse af dine opslag ud fra dine billeder.", "da"),
    ("Automatiskt skapande av dina annonser utifrån dina bilder.", "sv"),
    ("Automatisk oppretting av annonsene dine ut fra bildene dine.", "no"),
    ("Geautomatiseerde aanmaak van uw advertenties op basis van uw foto's.", "nl"),
    ("Automatizirana izrada vaših oglasa iz vaših fotografija.", "hr"),
    ("Avtomatizirana izdelava vaših oglasov iz vaših fotografij.", "sl"),
    ("根据您的照片AI生成您的广告。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), AUTOMATED_CREATION)
def test_content_made_automatically_is_an_ai_use(text: str, language: str) -> None:
    assert "AI processing" in extract_facts(text, language).purposes


def test_terms_for_an_ai_chatbot_named_as_a_link_are_no_use() -> None:
    assert_quiet(
        single("added", "Special terms of use for testing our AI chatbot", section=("Further terms",))
    )
    assert_quiet(
        single("added", "Besondere Nutzungsbedingungen für den Test unseres KI-Chatbots", language="de")
    )


def test_ai_named_only_as_a_company_is_no_use() -> None:
    assert "AI processing" not in extract_facts("Acme AI Ltd. is the controller of your data.", "en").purposes


# --- the user's own identifier ------------------------------------------------------------------

IDENTIFIERS = [
    ("We store your account ID so that we recognise you in all our apps.", "en"),
    ("Wir speichern Ihre Nutzer-ID, um Sie in allen unseren Apps wiederzuerkennen.", "de"),
    ("Wir speichern Ihre ShopID, um Sie in allen unseren Apps wiederzuerkennen.", "de"),
    ("Nous conservons votre identifiant utilisateur afin de vous reconnaître dans nos applications.", "fr"),
    ("Conservamos su identificador de usuario para reconocerle en todas nuestras aplicaciones.", "es"),
    ("Vi gemmer dit bruger-ID for at genkende dig i alle vores apps.", "da"),
    ("Vi sparar ditt användar-ID för att känna igen dig i alla våra appar.", "sv"),
    ("Vi lagrer bruker-ID-en din for å kjenne deg igjen i alle appene våre.", "no"),
    ("Wij bewaren uw gebruikers-ID om u in al onze apps te herkennen.", "nl"),
    ("Pohranjujemo vaš korisnički ID kako bismo vas prepoznali u svim našim aplikacijama.", "hr"),
    ("Hranimo vaš uporabniški ID, da vas prepoznamo v vseh naših aplikacijah.", "sl"),
    ("我们存储您的用户ID，以便在我们的所有应用中识别您。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), IDENTIFIERS)
def test_own_identifier_kept_is_collected(text: str, language: str) -> None:
    assert "collection" in extract_facts(text, language).categories


def test_identifier_sentence_added_alerts_collection() -> None:
    text = "To run single sign-on we store and process your account ID to recognise you across our apps."
    assert_alert(single("added", text, section=("Single sign-on",)), "collection")


# --- "without having to log in again" -------------------------------------------------------------

NO_SECOND_LOGIN = [
    ("With one account you can use our shop and our forum without having to log in again.", "en"),
    ("Mit einem Konto nutzen Sie unseren Shop und unser Forum, ohne sich erneut anmelden zu müssen.", "de"),
    ("Avec un seul compte, vous utilisez notre boutique et notre forum sans avoir à vous reconnecter.", "fr"),
    (
        "Con una sola cuenta puede usar nuestra tienda y nuestro foro sin tener que volver a iniciar sesión.",
        "es",
    ),
    ("Med én konto kan du bruge vores butik og vores forum uden at skulle logge ind igen.", "da"),
    ("Med ett konto kan du använda vår butik och vårt forum utan att behöva logga in igen.", "sv"),
    ("Med én konto kan du bruke butikken og forumet vårt uten å måtte logge inn igjen.", "no"),
    ("Met één account gebruikt u onze winkel en ons forum zonder opnieuw in te loggen.", "nl"),
    ("S jednim računom koristite našu trgovinu i forum bez ponovne prijave.", "hr"),
    ("Z enim računom uporabljate našo trgovino in forum brez ponovne prijave.", "sl"),
    ("使用一个账号，您无需再次登录即可使用我们的商店和论坛。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), NO_SECOND_LOGIN)
def test_no_second_login_rules_nothing_out(text: str, language: str) -> None:
    assert not [p for p in extract_facts(text, language).polarity if p.state == "negated"]


# --- discounts and a loyalty programme --------------------------------------------------------------

LOYALTY = [
    ("We process your data to offer you discounts and other perks of our loyalty programme.", "en"),
    ("Wir verarbeiten Ihre Daten, um Ihnen Rabatte im Rahmen unseres Treueprogramms anzubieten.", "de"),
    (
        "Nous traitons vos données pour vous proposer des réductions liées à notre programme de fidélité.",
        "fr",
    ),
    ("Tratamos sus datos para ofrecerle descuentos de nuestro programa de fidelización.", "es"),
    ("Vi behandler dine data for at tilbyde dig rabatter i vores loyalitetsprogram.", "da"),
    ("Vi behandlar dina uppgifter för att erbjuda dig rabatter i vårt lojalitetsprogram.", "sv"),
    ("Vi behandler dataene dine for å tilby deg rabatter i lojalitetsprogrammet vårt.", "no"),
    ("Wij verwerken uw gegevens om u kortingen uit ons loyaliteitsprogramma aan te bieden.", "nl"),
    ("Obrađujemo vaše podatke kako bismo vam ponudili popuste iz našeg programa vjernosti.", "hr"),
    ("Vaše podatke obdelujemo, da vam ponudimo popuste iz našega programa zvestobe.", "sl"),
    ("我们处理您的数据，以便为您提供会员优惠。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), LOYALTY)
def test_discounts_and_loyalty_are_marketing(text: str, language: str) -> None:
    assert "marketing" in extract_facts(text, language).purposes


# --- data merged with other sources, as a noun ---------------------------------------------------

MERGING = [
    ("A combination of these logs with other data sources may take place.", "en"),
    ("Eine Zusammenführung dieser Protokolle mit externen Datenquellen behalten wir uns vor.", "de"),
    ("Un croisement de ces journaux avec d’autres sources peut avoir lieu.", "fr"),
    ("Puede producirse un cruce de estos registros con otras fuentes.", "es"),
    ("En sammenkøring af disse logfiler med andre datakilder kan finde sted.", "da"),
    ("En samkörning av dessa loggar med andra datakällor kan förekomma.", "sv"),
    ("En sammenstilling av disse loggene med andre datakilder kan skje.", "no"),
    ("Een koppeling van deze logbestanden met andere gegevensbronnen kan plaatsvinden.", "nl"),
    ("Moguće je povezivanje ovih zapisa s drugim izvorima podataka.", "hr"),
    ("Možno je združevanje teh dnevnikov z drugimi viri podatkov.", "sl"),
    ("这些日志可能会与其他数据源进行合并。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), MERGING)
def test_merging_with_other_sources_is_collection(text: str, language: str) -> None:
    assert "collection" in extract_facts(text, language).categories


# --- precautions, and whom they bind ------------------------------------------------------------

PRECAUTIONS = [
    ("We have taken the necessary technical and organisational precautions.", "en"),
    ("Wir haben die nötigen technischen und organisatorischen Sicherheitsmaßnahmen getroffen.", "de"),
    ("Nous avons pris les précautions nécessaires pour vos données.", "fr"),
    ("Hemos adoptado las precauciones necesarias para sus datos.", "es"),
    ("Vi har truffet de nødvendige forholdsregler for dine oplysninger.", "da"),
    ("Vi har vidtagit försiktighetsåtgärder för dina uppgifter.", "sv"),
    ("Vi har tatt nødvendige forholdsregler for opplysningene dine.", "no"),
    ("Wij hebben technische en organisatorische voorzorgsmaatregelen genomen.", "nl"),
    ("Poduzeli smo mjere opreza za vaše podatke.", "hr"),
    ("Sprejeli smo previdnostne ukrepe za vaše podatke.", "sl"),
    ("我们已采取必要的预防措施保护您的数据。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), PRECAUTIONS)
def test_precautions_are_security(text: str, language: str) -> None:
    assert "security" in extract_facts(text, language).categories


def test_safeguards_no_longer_binding_service_providers_is_security() -> None:
    old = (
        "We have taken technical and organisational precautions to comply with data protection law, "
        "both internally and at our external service providers."
    )
    new = (
        "We have taken technical and organisational precautions to comply with data protection law, "
        "as far as our internal systems are concerned."
    )
    assert_alert(modified(old, new), "security")


# --- "similar technologies" (to cookies) ---------------------------------------------------------

SIMILAR_TECHNOLOGIES = [
    ("When you use our forums, we also gather information with similar technologies for ads.", "en"),
    ("Wenn Sie unsere Foren nutzen, erfassen wir auch mit ähnlichen Technologien Daten für Werbung.", "de"),
    ("Nous recueillons aussi des informations au moyen de technologies similaires pour la publicité.", "fr"),
    ("También recopilamos información mediante tecnologías similares con fines publicitarios.", "es"),
    ("Vi indsamler også oplysninger med lignende teknologier til annoncer.", "da"),
    ("Vi samlar också in uppgifter med liknande tekniker för annonser.", "sv"),
    ("Vi samler også inn opplysninger med lignende teknologier for annonser.", "no"),
    ("Wij verzamelen ook informatie met vergelijkbare technologieën voor advertenties.", "nl"),
    ("Također prikupljamo podatke pomoću sličnih tehnologija za oglase.", "hr"),
    ("Podatke zbiramo tudi s podobnimi tehnologijami za oglase.", "sl"),
    ("我们还会使用类似技术收集信息用于广告。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), SIMILAR_TECHNOLOGIES)
def test_similar_technologies_are_tracking(text: str, language: str) -> None:
    assert "tracking" in extract_facts(text, language).categories


# --- the supervisory authority as the one that requires something -----------------------------

AUTHORITY_REQUIRES = [
    ("We may tell the affected users if the supervisory authority requires it.", "en"),
    ("Wir können die betroffenen Nutzer informieren, wenn die Aufsichtsbehörde dies verlangt.", "de"),
    ("Nous pouvons informer les utilisateurs concernés si l’autorité de contrôle l’exige.", "fr"),
    ("Podemos informar a los usuarios afectados si la autoridad de control lo exige.", "es"),
    ("Vi kan underrette de berørte brugere, hvis tilsynsmyndigheden kræver det.", "da"),
    ("Vi kan informera de berörda användarna om tillsynsmyndigheten kräver det.", "sv"),
    ("Vi kan varsle de berørte brukerne hvis tilsynsmyndigheten krever det.", "no"),
    ("Wij kunnen de betrokken gebruikers informeren als de toezichthouder dit eist.", "nl"),
    ("Možemo obavijestiti pogođene korisnike ako nadzorno tijelo to zahtijeva.", "hr"),
    ("Prizadete uporabnike lahko obvestimo, če nadzorni organ to zahteva.", "sl"),
]


@pytest.mark.parametrize(("text", "language"), AUTHORITY_REQUIRES)
def test_authority_that_requires_is_no_right_to_complain(text: str, language: str) -> None:
    assert "rights" not in extract_facts(text, language).categories


def test_breach_notice_made_conditional_on_the_authority_is_security() -> None:
    old = "If there is a high risk, we contact the affected individuals directly."
    new = (
        "If there is a high risk, we may contact the affected individuals "
        "if the supervisory authority requires it."
    )
    assert_alert(modified(old, new), "security")


def test_right_to_complain_still_read() -> None:
    text = "You may lodge a complaint with the supervisory authority in your country."
    assert "rights" in extract_facts(text, "en").categories
