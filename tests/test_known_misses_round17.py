"""Round 17: engine errors found on held-out real text, each stated as its general pattern in new
sentences, with the contrast that must still alert (or stay quiet): publishing the user's data is
making it public, "ni ne" carries one negation on, a limit on how consent is withdrawn narrows a
right, changes called substantial and an update announced in the passive are about changes."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, removed, single

from monitor.engine.facts import extract_facts

# --- publishing the user's data is sharing it with everyone --------------------------------------

PUBLISH_BAN_DROPPED = [
    ("en", "We will never publish your phone number.", "We may publish your phone number."),
    ("nl", "De club zal uw telefoonnummer niet publiceren.", "De club kan uw telefoonnummer publiceren."),
    (
        "nl",
        "Als u dat kiest, publiceert de club geen gegevens over uw wedstrijden.",
        "Als u dat kiest, publiceert de club nog steeds gegevens over uw wedstrijden.",
    ),
    (
        "fr",
        "Le club ne publiera jamais votre numéro de téléphone.",
        "Le club pourra publier votre numéro de téléphone.",
    ),
    (
        "fr",
        "Dans ce cas, le club ne publiera aucune donnée sur vos matchs.",
        "Dans ce cas, le club publiera tout de même les données sur vos matchs.",
    ),
    (
        "es",
        "El club no publicará nunca su número de teléfono.",
        "El club podrá publicar su número de teléfono.",
    ),
    (
        "da",
        "Klubben vil aldrig offentliggøre dit telefonnummer.",
        "Klubben kan offentliggøre dit telefonnummer.",
    ),
    (
        "sv",
        "Klubben kommer aldrig att publicera ditt telefonnummer.",
        "Klubben kan publicera ditt telefonnummer.",
    ),
    (
        "no",
        "Klubben vil aldri publisere telefonnummeret ditt eller dine opplysninger.",
        "Klubben kan publisere telefonnummeret ditt eller dine opplysninger.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), PUBLISH_BAN_DROPPED)
def test_publishing_the_users_data_is_sharing(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing", "high")


PUBLISHED_DOCUMENTS = [
    (
        "en",
        "We publish our annual transparency report in March.",
        "We publish our annual transparency report in April.",
    ),
    (
        "fr",
        "Nous publierons les modifications sur cette page.",
        "Nous publierons les modifications sur cette page chaque mois.",
    ),
    ("es", "Publicamos los cambios en esta página.", "Publicamos los cambios en esta página cada mes."),
    (
        "nl",
        "Wijzigingen in uw abonnement worden op deze pagina gepubliceerd.",
        "Wijzigingen in uw abonnement worden elke maand op deze pagina gepubliceerd.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), PUBLISHED_DOCUMENTS)
def test_publishing_a_document_or_changes_shares_no_data(language: str, old: str, new: str) -> None:
    assert "sharing" not in modified(old, new, language).categories


# --- "ni ne" carries the first negation on --------------------------------------------------------


def test_a_ban_said_with_ni_ne_and_said_again_in_the_passive_is_quiet() -> None:
    old = (
        "Le club ne mettra pas en ligne ni ne diffusera, de façon "
        "publiquement accessible, votre numéro de téléphone."
    )
    new = (
        "Votre numéro de téléphone ne sera jamais mis en ligne ni diffusé "
        "par le club de façon publiquement accessible."
    )
    assert_quiet(modified(old, new, "fr"))


def test_a_ban_with_ni_ne_dropped_still_alerts() -> None:
    old = "Le club ne vendra pas ni ne publiera votre numéro de téléphone."
    new = "Le club pourra vendre et publier votre numéro de téléphone."
    assert_alert(modified(old, new, "fr"), "sharing", "high")


# --- a limit on how consent is withdrawn narrows the right ---------------------------------------

CONSENT_WITHDRAWAL_LIMITED = [
    (
        "de",
        "Ihre Einwilligung kann jederzeit per E-Mail an unser Büro oder "
        "direkt beim Zahlungsdienstleister widerrufen werden.",
        "Ihre Einwilligung kann nur per Einschreiben an unser Büro oder "
        "direkt beim Zahlungsdienstleister widerrufen werden.",
    ),
    (
        "nl",
        "Uw toestemming kan op elk moment per e-mail aan ons kantoor "
        "of bij de betaaldienst worden ingetrokken.",
        "Uw toestemming kan alleen per aangetekende brief aan ons "
        "kantoor of bij de betaaldienst worden ingetrokken.",
    ),
    (
        "en",
        "You may withdraw your consent at any time by e-mail to our office or to the payment provider.",
        "You may withdraw your consent only by registered letter to our office or to the payment provider.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), CONSENT_WITHDRAWAL_LIMITED)
def test_a_limit_on_withdrawing_consent_narrows_the_right(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "rights")
    assert "sharing" not in change.categories, change


def test_a_limit_on_sharing_beside_no_right_is_still_sharing() -> None:
    old = "We pass your order details to the payment provider."
    new = "We pass your order details only to the payment provider."
    assert_alert(modified(old, new), "sharing")


# --- changes called substantial, an update announced in the passive -------------------------------

ANNOUNCED_UPDATES = [
    ("en", "If the changes are significant, the update will be announced in our newsletter."),
    ("nl", "Als de wijzigingen substantieel zijn, wordt de update aangekondigd in onze nieuwsbrief."),
    ("de", "Wenn die Änderungen erheblich sind, wird die Aktualisierung in unserem Newsletter angekündigt."),
    ("fr", "Si les changements sont majeurs, la mise à jour sera annoncée dans notre lettre d’information."),
    ("es", "Si los cambios son importantes, se anunciará la actualización en nuestro boletín."),
    ("da", "Hvis ændringerne er betydelige, bliver opdateringen annonceret i vores nyhedsbrev."),
    ("sv", "Om ändringarna är betydande kommer uppdateringen att tillkännages i vårt nyhetsbrev."),
    ("no", "Hvis endringene er betydelige, blir oppdateringen kunngjort i nyhetsbrevet vårt."),
]


@pytest.mark.parametrize(("language", "text"), ANNOUNCED_UPDATES)
def test_an_announcement_of_substantial_changes_dropped_alerts(language: str, text: str) -> None:
    assert_alert(removed(text, language), "changes")


# --- using the service "without an account" is the user's option, no ban -------------------------

ADVERTISING_ADDED_AFTER_NO_ACCOUNT = [
    (
        "en",
        "You can read our recipes without an account.",
        "You can read our recipes without an account, and we use your data for ads.",
    ),
    (
        "de",
        "Sie können unsere Rezepte ohne Konto lesen.",
        "Sie können unsere Rezepte ohne Konto lesen, und wir nutzen Ihre Daten für Werbung.",
    ),
    (
        "es",
        "Puede utilizar nuestra web de recetas sin registro.",
        "Puede utilizar nuestra web de recetas sin registro y usamos sus datos para publicidad.",
    ),
    (
        "fr",
        "Vous pouvez lire nos recettes sans compte.",
        "Vous pouvez lire nos recettes sans compte et nous utilisons vos données pour la publicité.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), ADVERTISING_ADDED_AFTER_NO_ACCOUNT)
def test_a_purpose_added_after_without_an_account_is_new_not_ruled_out(
    language: str, old: str, new: str
) -> None:
    change = modified(old, new, language)
    assert_alert(change, "purpose", "high")
    assert "rules out" not in change.explanation, change


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "es",
            "Puede utilizar nuestra web de recetas con una cuenta.",
            "Puede utilizar nuestra web de recetas sin registro.",
        ),
        (
            "en",
            "Our recipe site can be used without registering.",
            "You can use our recipe site without an account.",
        ),
    ],
)
def test_the_user_using_the_service_without_an_account_is_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_a_ban_that_lost_its_without_still_alerts() -> None:
    old = "We never share your data without your consent."
    new = "We share your data."
    assert_alert(modified(old, new), "sharing", "high")


# --- "dine data": the borrowed word names data as "oplysninger" does -----------------------------


def test_danish_data_used_for_ads_names_the_purpose() -> None:
    change = modified(
        "Vi bruger dine data til at sende dig fakturaer.",
        "Vi bruger dine data til at vise dig annoncer.",
        "da",
    )
    assert_alert(change, "purpose", "high")
    assert "advertising" in change.explanation, change


# --- an exception dropped from a ban leaves its recipient named under the ban ---------------------

BAN_EXCEPTION_DROPPED = [
    (
        "en",
        "We do not pass your details to third parties, except where the law obliges us to.",
        "We do not pass your details to third parties.",
    ),
    (
        "es",
        "No comunicamos sus datos a terceros, salvo que la ley nos obligue.",
        "No comunicamos sus datos a terceros.",
    ),
    (
        "de",
        "Wir geben Ihre Daten nicht an Dritte weiter, außer wenn das Gesetz uns dazu zwingt.",
        "Wir geben Ihre Daten nicht an Dritte weiter.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), BAN_EXCEPTION_DROPPED)
def test_an_exception_dropped_from_a_ban_names_no_recipient_gone(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "sharing")
    assert "no longer named" not in change.explanation, change
    assert "without exception" in change.explanation, change


def test_a_ban_dropped_with_its_exception_still_alerts() -> None:
    old = "We do not pass your details to advertisers, except where the law obliges us to."
    new = "We pass your details to advertisers."
    assert_alert(modified(old, new), "sharing", "high")


def test_the_exception_dropped_is_told_of_the_recipients_it_covered() -> None:
    old = (
        "Vi giver aldrig dine oplysninger videre til tredjepart, medmindre du selv giver samtykke, "
        "og vi indsamler aldrig oplysninger, som du ikke selv har givet os."
    )
    new = (
        "Vi giver aldrig dine oplysninger videre til tredjepart, "
        "og vi indsamler aldrig oplysninger, som du ikke selv har givet os."
    )
    change = modified(old, new, "da")
    assert_alert(change, "sharing")
    assert "no longer named" not in change.explanation, change


# --- denials of liability: added, removed in capitals, re-worded ----------------------------------

DISCLAIMERS = [
    (
        "removed",
        "fr",
        "SAUF SI LA LOI L'EXIGE, LE CLUB NE SERA PAS PASSIBLE DE DOMMAGES INDIRECTS RÉSULTANT DE "
        "L'UTILISATION DU SITE, SANS ÉGARD À LA THÉORIE SUR LAQUELLE LA RÉCLAMATION EST FONDÉE.",
    ),
    (
        "added",
        "fr",
        "En utilisant le site, vous reconnaissez que le club ne sera en aucun cas responsable de toute "
        "impossibilité d'utiliser le site ou de toute réclamation liée à ces conditions.",
    ),
    ("added", "es", "El club no será responsable en ningún caso de la imposibilidad de utilizar el sitio."),
]


@pytest.mark.parametrize(("kind", "language", "text"), DISCLAIMERS)
def test_a_denial_of_liability_added_or_removed_is_quiet(kind: str, language: str, text: str) -> None:
    assert_quiet(single(kind, text, language=language))


def test_a_denial_of_liability_that_names_a_recipient_still_counts() -> None:
    change = single("added", "We are not responsible for how advertisers use the data we send them.")
    assert change.material, change


def test_a_warranty_disclaimer_rewritten_in_lower_case_is_quiet() -> None:
    old = (
        "LE CLUB DÉCLINE EXPRESSÉMENT TOUTE GARANTIE DE QUALITÉ MARCHANDE, D'ADÉQUATION À UN USAGE "
        "PARTICULIER ET DE NON-VIOLATION."
    )
    new = (
        "Le club décline expressément toute garantie, telle que la « qualité marchande », "
        "l'« adéquation à un usage particulier » et l'« absence de violation » "
        "ou découlant des habitudes d'utilisation."
    )
    assert_quiet(modified(old, new, "fr"))


def test_where_to_report_a_copyright_infringement_is_no_security_term() -> None:
    text = (
        "Si un contenu de notre forum porte atteinte à vos droits d'auteur, "
        "consultez notre procédure de signalement d'une violation."
    )
    assert "security" not in single("added", text, language="fr").categories


# --- changes told in advance, and now only once they are made -------------------------------------

NOTICE_TOO_LATE = [
    (
        "en",
        "When we update this policy, we will e-mail you in advance.",
        "When we update this policy, we will e-mail you once the changes have been made.",
    ),
    (
        "es",
        "Si modificamos esta política, le enviaremos un correo con antelación.",
        "Si modificamos esta política, le enviaremos un correo una vez aplicados los cambios.",
    ),
    (
        "fr",
        "Si nous modifions cette politique, nous vous écrirons au préalable.",
        "Si nous modifions cette politique, nous vous écrirons après leur entrée en vigueur.",
    ),
    (
        "de",
        "Über neue Bedingungen schreiben wir Ihnen vorab eine E-Mail.",
        "Über neue Bedingungen schreiben wir Ihnen, nachdem die Änderungen in Kraft getreten sind.",
    ),
    (
        "nl",
        "Bij wijzigingen in dit privacybeleid sturen we u van tevoren een e-mail.",
        "Bij wijzigingen in dit privacybeleid mailen we u nadat de wijzigingen van kracht zijn geworden.",
    ),
    (
        "da",
        "Vi giver dig besked om nye vilkår på forhånd.",
        "Vi giver dig besked om nye vilkår, når ændringerne er trådt i kraft.",
    ),
    (
        "sv",
        "Vi meddelar dig om nya villkor i förväg.",
        "Vi meddelar dig om nya villkor när ändringarna har trätt i kraft.",
    ),
    (
        "no",
        "Vi varsler deg om nye vilkår på forhånd.",
        "Vi varsler deg om nye vilkår etter at endringene har trådt i kraft.",
    ),
    (
        "hr",
        "O izmjenama uvjeta obavijestit ćemo vas unaprijed.",
        "O izmjenama uvjeta obavijestit ćemo vas nakon stupanja na snagu.",
    ),
    (
        "sl",
        "O spremembah pogojev vas bomo obvestili vnaprej.",
        "O spremembah pogojev vas bomo obvestili po začetku veljavnosti.",
    ),
    ("zh", "条款变更时，我们会提前通知您。", "条款变更时，我们会在变更生效后通知您。"),
]


@pytest.mark.parametrize(("language", "old", "new"), NOTICE_TOO_LATE)
def test_notice_of_changes_moved_from_before_to_after_alerts(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "changes", "high")
    assert "no longer in advance" in change.explanation, change


def test_notice_in_advance_said_in_other_words_is_quiet() -> None:
    old = "Si cambiamos estos términos, te avisaremos siempre con antelación."
    new = "Si cambiamos estos términos, siempre te avisaremos con carácter previo."
    assert_quiet(modified(old, new, "es"))


# --- processing that "will not take place" became possible ----------------------------------------

PROCESSING_BAN_WEAKENED = [
    (
        "en",
        "Without the optional sensor, the related data processing will not take place.",
        "Without the optional sensor, the related data processing may still take place.",
    ),
    (
        "fr",
        "Sans le capteur optionnel, le traitement des données correspondant n'aura pas lieu.",
        "Sans le capteur optionnel, le traitement des données correspondant peut quand même avoir lieu.",
    ),
    (
        "es",
        "Sin el sensor opcional, el tratamiento de datos correspondiente no tendrá lugar.",
        "Sin el sensor opcional, el tratamiento de datos correspondiente puede tener lugar igualmente.",
    ),
    (
        "nl",
        "Zonder de optionele sensor vindt de bijbehorende verwerking niet plaats.",
        "Zonder de optionele sensor kan de bijbehorende verwerking toch plaatsvinden.",
    ),
    (
        "da",
        "Uden den valgfrie sensor vil den tilhørende behandling ikke finde sted.",
        "Uden den valgfrie sensor kan den tilhørende behandling alligevel finde sted.",
    ),
    (
        "sv",
        "Utan den valfria sensorn kommer den tillhörande behandlingen inte att äga rum.",
        "Utan den valfria sensorn kan den tillhörande behandlingen ändå äga rum.",
    ),
    (
        "no",
        "Uten den valgfrie sensoren vil den tilhørende behandlingen ikke finne sted.",
        "Uten den valgfrie sensoren kan den tilhørende behandlingen likevel finne sted.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), PROCESSING_BAN_WEAKENED)
def test_processing_ruled_out_that_may_now_take_place_alerts(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection", "high")


# --- what the document covers, listed: an entry dropped is no term dropped ------------------------

COVERED_TOPICS = [
    (
        "en",
        "It covers how we pass data on, how long we keep it and your rights.",
        "It covers how we pass data on and how long we keep it.",
    ),
    (
        "fr",
        "Elle régit la communication des données, leur durée de conservation ainsi que vos droits.",
        "Elle régit la communication des données ainsi que leur durée de conservation.",
    ),
    (
        "de",
        "Diese Erklärung regelt die Weitergabe von Daten, die Speicherdauer sowie Ihre Rechte.",
        "Diese Erklärung regelt die Weitergabe von Daten sowie die Speicherdauer.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), COVERED_TOPICS)
def test_a_topic_dropped_from_what_the_policy_covers_is_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_a_right_dropped_from_a_list_of_rights_still_alerts() -> None:
    old = "You have the right to access, correct and delete your data."
    new = "You have the right to access and correct your data."
    assert_alert(modified(old, new), "rights")


# --- the user sharing their own things with the service: no sharing by the service ----------------

USER_SHARES_OWN = [
    ("en", "With the app you can share your drawings and stories that we need for our open library."),
    ("nl", "Met de app kunt u uw tekeningen en verhalen delen die we nodig hebben voor onze open beeldbank."),
    (
        "de",
        "Mit der App können Sie Ihre Zeichnungen teilen, die wir für unsere Bibliothek brauchen.",
    ),
    (
        "fr",
        "Avec l'application, vous pouvez partager vos dessins pour notre photothèque ouverte.",
    ),
    (
        "da",
        "Med appen kan du dele dine tegninger og historier, som vi har brug for til vores åbne bibliotek.",
    ),
    ("sv", "Med appen kan du dela dina teckningar och berättelser som vi behöver för vårt öppna bibliotek."),
]


@pytest.mark.parametrize(("language", "text"), USER_SHARES_OWN)
def test_the_user_sharing_their_own_work_with_us_is_no_sharing(language: str, text: str) -> None:
    assert "sharing" not in single("added", text, language=language).categories


def test_the_user_choosing_that_we_share_with_partners_is_still_sharing() -> None:
    assert_alert(single("added", "You can choose to share your data with our partners."), "sharing")


# --- the right of access narrowed: one thing the user is told no longer named ---------------------

ACCESS_NARROWED = [
    (
        "da",
        "Du har altid ret til at få oplyst, hvilke data foreningen gemmer, samt hvem der har adgang til dem.",
        "Du har altid ret til at få oplyst, hvilke data foreningen gemmer.",
    ),
    (
        "en",
        "You have the right to access the records the club keeps about you and to whom it discloses them.",
        "You have the right to access the records the club keeps about you.",
    ),
    (
        "sv",
        "Du har rätt till tillgång till de uppgifter klubben har och till vilka klubben lämnar ut dem.",
        "Du har rätt till tillgång till de uppgifter klubben har.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), ACCESS_NARROWED)
def test_the_right_of_access_that_no_longer_names_the_recipients_alerts(
    language: str, old: str, new: str
) -> None:
    assert_alert(modified(old, new, language), "rights", "high")


def test_who_has_access_is_no_right_of_access_in_danish() -> None:
    assert (
        "access" not in extract_facts("Kun vores medarbejdere har adgang til dine oplysninger.", "da").rights
    )
