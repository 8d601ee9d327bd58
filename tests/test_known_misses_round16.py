"""Round 16: engine errors found on held-out real text, each stated as its general pattern in new
sentences, with the contrast that must still alert (or stay quiet): a period in a sentence that
refers back to the act of the sentence before it, a date repeated in a clause, a denial of
liability re-written."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.facts import extract_facts
from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change


def _only_change(old: str, new: str) -> Change:
    """The one change between two plain-text versions."""
    result = compare_documents(normalize(old.encode(), "text/plain"), normalize(new.encode(), "text/plain"))
    (change,) = result.changes
    return change


# --- a period said in the sentence after the one that names its act ------------------------------

REFERRED_PERIODS = [
    # (language, the act, the referring sentence with {} for the period, old period, new period, category)
    (
        "en",
        "Should a security incident expose your personal data, we will tell you about it.",
        "We do so within {}.",
        "72 hours",
        "14 days",
        "security",
    ),
    (
        "en",
        "We store your account data on our own servers.",
        "This happens for {} after you close it.",
        "2 years",
        "6 years",
        "retention",
    ),
    (
        "de",
        "Wenn Ihre Daten von einer Sicherheitsverletzung betroffen sind, informieren wir Sie darüber.",
        "Dies geschieht innerhalb von {}.",
        "72 Stunden",
        "14 Tagen",
        "security",
    ),
    (
        "de",
        "Wir speichern Ihre Kontodaten auf unseren eigenen Servern.",
        "Das tun wir für {}.",
        "2 Jahre",
        "6 Jahre",
        "retention",
    ),
    (
        "fr",
        "Nous conservons les données de votre compte sur nos propres serveurs.",
        "Nous le faisons pendant {}.",
        "2 ans",
        "6 ans",
        "retention",
    ),
    (
        "es",
        "Conservamos los datos de su cuenta en nuestros propios servidores.",
        "Lo hacemos durante {}.",
        "2 años",
        "6 años",
        "retention",
    ),
    (
        "da",
        "Vi opbevarer dine kontodata på vores egne servere.",
        "Det gør vi i {}.",
        "2 år",
        "6 år",
        "retention",
    ),
    (
        "nl",
        "Wij bewaren uw accountgegevens op onze eigen servers.",
        "Dat doen we gedurende {}.",
        "2 jaar",
        "6 jaar",
        "retention",
    ),
    (
        "sv",
        "Vi lagrar dina kontouppgifter på våra egna servrar.",
        "Det gör vi i {}.",
        "2 år",
        "6 år",
        "retention",
    ),
    (
        "no",
        "Vi lagrer kontoopplysningene dine på våre egne servere.",
        "Det gjør vi i {}.",
        "2 år",
        "6 år",
        "retention",
    ),
    (
        "sl",
        "Vaše osebne podatke hranimo na naših strežnikih.",
        "To storimo za obdobje {} in ne dlje.",
        "2 let",
        "6 let",
        "retention",
    ),
    (
        "hr",
        "Vaše osobne podatke čuvamo na našim poslužiteljima.",
        "To činimo u razdoblju od najviše {} od zadnje prijave.",
        "2 godine",
        "6 godina",
        "retention",
    ),
    ("zh", "如发生个人信息泄露事件，我们将告知您。", "此通知将在{}内发出。", "72小时", "14天", "security"),
]


@pytest.mark.parametrize(
    ("language", "act", "referring", "was", "now", "category"),
    REFERRED_PERIODS,
    ids=[f"{c[0]}-{c[5]}" for c in REFERRED_PERIODS],
)
def test_a_period_in_a_sentence_that_refers_back_is_the_previous_acts(
    language: str, act: str, referring: str, was: str, now: str, category: str
) -> None:
    gap = "" if language == "zh" else " "
    old = act + gap + referring.format(was)
    new = act + gap + referring.format(now)
    change = _only_change(old, new)
    assert_alert(change, category, "high")  # both periods grew: later told, longer kept


def test_a_shorter_period_referred_back_is_still_told() -> None:
    act = "We store your account data on our own servers."
    change = _only_change(f"{act} We do so for 6 years.", f"{act} We do so for 2 years.")
    assert_alert(change, "retention", "medium")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # the sentence before names no period term: a newsletter's rhythm is no policy term
        (
            "We send our members a newsletter. We do so every 30 days.",
            "We send our members a newsletter. We do so every 7 days.",
        ),
        # the period's own sentence does not refer back: "Refunds" is its own subject
        (
            "We store your account data on our own servers. Refunds are paid within 30 days.",
            "We store your account data on our own servers. Refunds are paid within 14 days.",
        ),
    ],
)
def test_a_period_that_does_not_refer_to_a_term_stays_quiet(old: str, new: str) -> None:
    assert_quiet(_only_change(old, new))


# --- a date moved where the clause says the same year twice --------------------------------------


def test_the_changed_year_is_read_where_it_changed_not_where_it_first_appears() -> None:
    # "2025" stands first after "Since": the changed one is the date after "until"
    change = modified(
        "Since 2025 we keep your order history until 31 March 2028.",
        "Since 2025 we keep your order history until 31 March 2025.",
    )
    assert_alert(change, "retention", "medium")


def test_a_start_year_changed_to_a_year_said_after_until_is_quiet() -> None:
    # the changed year now also stands after "until", but the change is the start date's
    assert_quiet(
        modified(
            "Until 2027 we keep server logs; from 2024 on, we keep them for 30 days.",
            "Until 2027 we keep server logs; from 2027 on, we keep them for 30 days.",
        )
    )


# --- a denial of liability re-written --------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We accept no liability for comments that other members post or send to the forum.",
            "You agree to hold us harmless from any claims that may arise from your use of the forum.",
        ),
        (
            "de",
            "Wir übernehmen keine Haftung für Beiträge, die andere Mitglieder veröffentlichen oder an "
            "Dritte übermitteln.",
            "Sie stellen uns von allen Ansprüchen frei, die aus Ihrer Nutzung des Forums entstehen können.",
        ),
    ],
)
def test_a_liability_disclaimer_rewritten_drops_no_ban(language: str, old: str, new: str) -> None:
    # what the denial covered (what others publish or send on) is no data practice of the service
    result = compare_documents(normalize(old.encode(), "text/plain"), normalize(new.encode(), "text/plain"))
    assert result.changes
    assert not [c for c in result.changes if c.material], result.changes


def test_a_ban_beside_a_liability_disclaimer_still_counts() -> None:
    change = modified(
        "We do not sell your contact details and are not liable for partner sites.",
        "We sell your contact details and are not liable for partner sites.",
    )
    assert_alert(change, "sharing", "high")


def test_a_sale_added_to_a_liability_disclaimer_alerts() -> None:
    change = modified(
        "We are not responsible for the practices of partner sites.",
        "We are not responsible for the practices of partner sites, to which we sell your contact details.",
    )
    assert_alert(change, "sharing", "high")


# --- a parent's duty to watch over the child's use dropped ---------------------------------------

SUPERVISION_DROPPED = [
    (
        "en",
        "If you are under 16, you need a parent's consent, and the parent must supervise your use of the "
        "app.",
        "If you are under 16, you need a parent's consent.",
    ),
    (
        "de",
        "Wenn Sie jünger als 16 Jahre sind, brauchen Sie die Zustimmung Ihrer Eltern, die Ihre Nutzung der "
        "App auch beaufsichtigen müssen.",
        "Wenn Sie jünger als 16 Jahre sind, brauchen Sie die Zustimmung Ihrer Eltern.",
    ),
    (
        "fr",
        "Si tu as moins de 15 ans, tu dois avoir l'accord de tes parents, qui doivent aussi surveiller ton "
        "utilisation du jeu.",
        "Si tu as moins de 15 ans, tu dois avoir l'accord de tes parents.",
    ),
    (
        "es",
        "Si tienes menos de 14 años, necesitas el consentimiento de tus padres, que también deben supervisar "
        "tu uso del juego.",
        "Si tienes menos de 14 años, necesitas el consentimiento de tus padres.",
    ),
    (
        "nl",
        "Als je jonger bent dan 16 jaar, heb je toestemming van je ouders nodig, die ook toezicht houden op "
        "je gebruik van het spel.",
        "Als je jonger bent dan 16 jaar, heb je toestemming van je ouders nodig.",
    ),
    (
        "sv",
        "Om du är under 13 år behöver du samtycke från dina föräldrar, som också ska övervaka hur du "
        "använder spelet.",
        "Om du är under 13 år behöver du samtycke från dina föräldrar.",
    ),
    (
        "zh",
        "如果您未满14周岁，须经父母同意，并在父母的陪同下使用本游戏。",
        "如果您未满14周岁，须经父母同意后使用本游戏。",
    ),
]


@pytest.mark.parametrize(
    ("language", "old", "new"), SUPERVISION_DROPPED, ids=[c[0] for c in SUPERVISION_DROPPED]
)
def test_a_parents_supervision_dropped_is_a_children_term(language: str, old: str, new: str) -> None:
    # the parent's consent still stands; that the parent also watches over the use went
    assert_alert(modified(old, new, language), "children", "high")


def test_a_parents_supervision_added_narrows_what_a_child_may_do() -> None:
    change = modified(
        "Children under 13 may use the chat.",
        "Children under 13 may use the chat only under the supervision of a parent.",
    )
    assert_alert(change, "children", "medium")


# --- "personalised ads": an advertising purpose and a personalisation one --------------------------

PERSONALISED_ADS = [
    ("en", "We use your purchase history to show you personalised ads."),
    ("de", "Wir nutzen Ihren Bestellverlauf, um Ihnen personalisierte Anzeigen einzublenden."),
    ("fr", "Nous utilisons votre historique d'achats pour vous proposer des annonces personnalisées."),
    ("es", "Usamos su historial de compras para mostrarle anuncios personalizados."),
    ("da", "Vi bruger dine personoplysninger til at vise dig personaliserede annoncer."),
    ("nl", "Wij gebruiken uw aankoopgeschiedenis om u gepersonaliseerde advertenties te tonen."),
    ("sv", "Vi använder din köphistorik för att visa dig personanpassade annonser."),
    ("no", "Vi bruker kjøpshistorikken din til å vise deg personlig tilpassede annonser."),
    ("sl", "Vaše osebne podatke uporabljamo za prikazovanje prilagojenih oglasov."),
    ("hr", "Vašu povijest kupnje koristimo za prikazivanje personaliziranih oglasa."),
    ("zh", "我们使用您的购买记录向您展示个性化广告。"),
]


@pytest.mark.parametrize(("language", "text"), PERSONALISED_ADS, ids=[c[0] for c in PERSONALISED_ADS])
def test_personalised_ads_name_advertising_and_personalisation(language: str, text: str) -> None:
    assert {"advertising", "personalisation"} <= extract_facts(text, language).purposes


def test_an_announcement_alone_is_no_advertising() -> None:
    # "annonces" alone are notices ("les annonces du club"); only fitted or targeted ones are ads
    assert (
        "advertising"
        not in extract_facts(
            "Nous utilisons votre adresse e-mail pour vous envoyer les annonces du club.", "fr"
        ).purposes
    )


# --- the user's own use of the service is no use of data -------------------------------------------


def test_what_the_user_can_use_is_no_use_of_data() -> None:
    # "Sie können … nutzen": the user uses the app; "nutzen" names no use of anyone's data
    assert_quiet(
        modified(
            "Die Nutzung unserer App ist auch ohne Konto möglich.",
            "Sie können unsere App auch ohne Konto nutzen.",
            "de",
        )
    )


def test_our_use_of_data_added_beside_the_users_still_alerts() -> None:
    change = modified(
        "Wir speichern Ihre Anmeldedaten.",
        "Wir speichern Ihre Anmeldedaten und nutzen sie, um Ihnen Angebote zu zeigen.",
        "de",
    )
    assert_alert(change, "purpose")


# --- a cookie-consent banner captured at the end of the page ------------------------------------

POLICY = {
    "en": "# Cookies\n\nWe set a session cookie so that you stay signed in.\n\nIt expires when you close the "
    "browser.\n",
    "de": "# Cookies\n\nWir setzen ein Sitzungscookie, damit Sie angemeldet bleiben.\n\nEs läuft ab, "
    "wenn Sie den Browser schließen.\n",
    "fr": "# Cookies\n\nNous déposons un cookie de session pour que vous restiez connecté.\n\nIl expire à la "
    "fermeture du navigateur.\n",
}
BANNERS = [
    (
        "en",
        "We use cookies to remember your settings and show you content you like.",
        "Accept all cookiesReject all",
    ),
    (
        "de",
        "Wir verwenden Cookies, um uns Ihre Einstellungen zu merken und Ihnen passende Inhalte zu zeigen.",
        "Alle akzeptierenAlle ablehnen",
    ),
    (
        "fr",
        "Nous utilisons des cookies pour mémoriser vos réglages et vous montrer des contenus adaptés.",
        "Tout accepterTout refuser",
    ),
]


def _material(old: str, new: str) -> list[Change]:
    result = compare_documents(
        normalize(old.encode(), "text/markdown"), normalize(new.encode(), "text/markdown")
    )
    return [c for c in result.changes if c.material]


@pytest.mark.parametrize(("language", "blurb", "buttons"), BANNERS, ids=[b[0] for b in BANNERS])
def test_a_cookie_banner_appended_to_the_page_is_quiet(language: str, blurb: str, buttons: str) -> None:
    old = POLICY[language]
    assert _material(old, f"{old}\n{blurb}\n\n{buttons}\n") == []


@pytest.mark.parametrize(("language", "blurb", "buttons"), BANNERS, ids=[b[0] for b in BANNERS])
def test_the_same_sentence_without_the_buttons_is_a_new_cookie_term(
    language: str, blurb: str, buttons: str
) -> None:
    old = POLICY[language]
    (change,) = _material(old, f"{old}\n{blurb}\n")
    assert "tracking" in change.categories


def test_a_sharing_sentence_above_the_buttons_still_alerts() -> None:
    old = POLICY["en"]
    new = (
        f"{old}\nWe share your browsing history with advertising partners.\n\nAccept all cookiesReject all\n"
    )
    assert any("sharing" in c.categories for c in _material(old, new))


# --- "securely" dropped: a security promise gone -------------------------------------------------

SECURELY_DROPPED = [
    (
        "en",
        "We keep your files on our servers and store them securely.",
        "We keep your files on our servers and store them.",
    ),
    ("da", "Vi opbevarer dine filer sikkert på vores servere.", "Vi opbevarer dine filer på vores servere."),
    ("sv", "Vi lagrar dina filer säkert på våra servrar.", "Vi lagrar dina filer på våra servrar."),
    ("no", "Vi lagrer filene dine sikkert på våre servere.", "Vi lagrer filene dine på våre servere."),
    ("sl", "Vaše datoteke varno hranimo na naših strežnikih.", "Vaše datoteke hranimo na naših strežnikih."),
    (
        "hr",
        "Vaše datoteke sigurno čuvamo na našim poslužiteljima.",
        "Vaše datoteke čuvamo na našim poslužiteljima.",
    ),
    (
        "de",
        "Wir bewahren Ihre Dateien auf unseren Servern auf und speichern sie sicher.",
        "Wir bewahren Ihre Dateien auf unseren Servern auf und speichern sie.",
    ),
    ("zh", "我们将您的文件安全地存储在我们的服务器上。", "我们将您的文件存储在我们的服务器上。"),
]


@pytest.mark.parametrize(("language", "old", "new"), SECURELY_DROPPED, ids=[c[0] for c in SECURELY_DROPPED])
def test_data_no_longer_kept_securely_is_a_security_change(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "security")


def test_data_isolated_from_further_use_is_a_security_measure() -> None:
    change = modified(
        "If we cannot erase your records yet, we keep them and isolate them from any further processing.",
        "If we cannot erase your records yet, we keep them.",
    )
    assert_alert(change, "security")


def test_a_site_that_runs_securely_names_no_security_of_data() -> None:
    assert (
        "security"
        not in extract_facts("Only the necessary cookies keep the site running securely.", "en").categories
    )


# --- the site run by an affiliate in a country: a country added is a new destination -------------

OPERATED_BY = [
    (
        "en",
        "The website is operated and maintained by one of our affiliates based in Singapore.",
        "The website is operated and maintained by one of our affiliates based in Singapore and in India.",
    ),
    (
        "de",
        "Die Website wird von einem unserer verbundenen Unternehmen mit Sitz in Singapur betrieben.",
        "Die Website wird von einem unserer verbundenen Unternehmen mit Sitz in Singapur und Indien "
        "betrieben.",
    ),
    (
        "sv",
        "Webbplatsen drivs av ett av våra anknutna företag som har sitt säte i Singapore.",
        "Webbplatsen drivs av ett av våra anknutna företag som har sitt säte i Singapore och i Indien.",
    ),
    (
        "fr",
        "Le site est exploité par l'une de nos sociétés affiliées établie à Singapour.",
        "Le site est exploité par l'une de nos sociétés affiliées établie à Singapour et en Inde.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), OPERATED_BY, ids=[c[0] for c in OPERATED_BY])
def test_a_country_added_where_an_affiliate_runs_the_site_is_a_transfer(
    language: str, old: str, new: str
) -> None:
    # whoever runs the site processes its visitors' data, where it is based
    assert_alert(modified(old, new, language), "transfer", "high")


def test_the_operator_renamed_is_quiet() -> None:
    assert_quiet(
        modified("This website is operated by Northwind Ltd.", "This website is operated by Northwind Inc.")
    )


# --- "not … unless we have your consent" is "only with your consent" -----------------------------

CONSENT_HELD = [
    (
        "en",
        "We will not pass on your order details unless we have your permission.",
        "We pass on your order details only with your permission.",
    ),
    (
        "de",
        "Wir geben Ihre Bestelldaten nicht weiter, es sei denn, wir haben Ihre Einwilligung.",
        "Wir geben Ihre Bestelldaten nur mit Ihrer Einwilligung weiter.",
    ),
    (
        "fr",
        "Nous ne partageons pas vos données de commande, sauf si nous avons votre consentement.",
        "Nous partageons vos données de commande uniquement avec votre consentement.",
    ),
    (
        "es",
        "No compartimos sus datos de pedido, a menos que tengamos su consentimiento.",
        "Compartimos sus datos de pedido solo con su consentimiento.",
    ),
    (
        "da",
        "Vi deler ikke dine ordreoplysninger, medmindre vi har dit samtykke.",
        "Vi deler kun dine ordreoplysninger med dit samtykke.",
    ),
    (
        "nl",
        "Wij delen uw bestelgegevens niet, tenzij we uw toestemming hebben.",
        "Wij delen uw bestelgegevens alleen met uw toestemming.",
    ),
    (
        "sv",
        "Vi delar inte dina beställningsuppgifter, om vi inte har ditt samtycke.",
        "Vi delar dina beställningsuppgifter endast med ditt samtycke.",
    ),
    (
        "no",
        "Vi deler ikke bestillingsopplysningene dine, med mindre vi har ditt samtykke.",
        "Vi deler bestillingsopplysningene dine bare med ditt samtykke.",
    ),
    (
        "sl",
        "Vaših podatkov o naročilih ne delimo, razen če imamo vašo privolitev.",
        "Vaše podatke o naročilih delimo samo z vašo privolitvijo.",
    ),
    (
        "hr",
        "Vaše podatke o narudžbama ne dijelimo, osim ako imamo vašu privolu.",
        "Vaše podatke o narudžbama dijelimo samo uz vašu privolu.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), CONSENT_HELD, ids=[c[0] for c in CONSENT_HELD])
def test_a_ban_unless_we_hold_consent_restated_as_only_with_consent_is_quiet(
    language: str, old: str, new: str
) -> None:
    assert_quiet(modified(old, new, language))


def test_the_consent_we_hold_dropped_still_alerts() -> None:
    change = modified(
        "We will not share your order details unless we have your permission.",
        "We share your order details.",
    )
    assert_alert(change, "sharing", "high")


# --- the law's ground for an exception narrowed: no purpose dropped -------------------------------

LEGAL_GROUND_NARROWED = [
    (
        "en",
        "We keep your invoices for the purposes above, unless a longer period is required or permitted by "
        "law.",
        "We keep your invoices for the purposes above, unless a longer period is required by law.",
    ),
    (
        "de",
        "Wir speichern Ihre Rechnungen für die genannten Zwecke, sofern keine längere Frist gesetzlich "
        "vorgeschrieben oder erlaubt ist.",
        "Wir speichern Ihre Rechnungen für die genannten Zwecke, sofern keine längere Frist gesetzlich "
        "vorgeschrieben ist.",
    ),
    (
        "fr",
        "Nous conservons vos factures pour les finalités ci-dessus, sauf si une durée plus longue est exigée "
        "ou autorisée par la loi.",
        "Nous conservons vos factures pour les finalités ci-dessus, sauf si une durée plus longue est exigée "
        "par la loi.",
    ),
    (
        "es",
        "Conservamos sus facturas para los fines anteriores, salvo que la ley exija o permita un plazo "
        "mayor.",
        "Conservamos sus facturas para los fines anteriores, salvo que la ley exija un plazo mayor.",
    ),
]


@pytest.mark.parametrize(
    ("language", "old", "new"), LEGAL_GROUND_NARROWED, ids=[c[0] for c in LEGAL_GROUND_NARROWED]
)
def test_an_exception_the_law_permits_narrowed_drops_no_purpose(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_an_exception_the_law_permits_widened_still_alerts() -> None:
    old, new = LEGAL_GROUND_NARROWED[0][2], LEGAL_GROUND_NARROWED[0][1]
    assert modified(old, new).material


def _changes(old: str, new: str) -> list[Change]:
    return compare_documents(
        normalize(old.encode(), "text/plain"), normalize(new.encode(), "text/plain")
    ).changes


CONSENT_EN = "If you are under 16, you need the consent of a parent"
CONSENT_DE = "Wenn Sie jünger als 16 Jahre sind, brauchen Sie die Zustimmung Ihrer Eltern"
SUPERVISION_JOINED = [
    (
        f"{CONSENT_EN}. The parent must supervise your use of the app. We keep your scores.",
        f"{CONSENT_EN}, who must supervise your use of the app. We keep your scores.",
    ),
    (
        f"{CONSENT_DE}. Ihre Eltern müssen Ihre Nutzung der App beaufsichtigen.",
        f"{CONSENT_DE}, die Ihre Nutzung der App auch beaufsichtigen müssen.",
    ),
]


@pytest.mark.parametrize(("old", "new"), SUPERVISION_JOINED, ids=["en", "de"])
def test_a_supervision_joined_from_the_next_sentence_is_no_new_condition(old: str, new: str) -> None:
    # the parent's supervision was said in the sentence after; joined into this one, it is not new
    (edited,) = [c for c in _changes(old, new) if c.kind == "modified"]
    assert_quiet(edited)


def test_a_supervision_added_where_no_sentence_said_it_still_alerts() -> None:
    old = f"{CONSENT_EN}. We keep your scores."
    new = f"{CONSENT_EN}, who must supervise your use of the app. We keep your scores."
    (edited,) = [c for c in _changes(old, new) if c.kind == "modified"]
    assert_alert(edited, "children")
