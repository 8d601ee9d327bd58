"""Patterns from held-out real version histories (issue 10, round 14: the Common Voice terms in Dutch
and French, the Mozilla privacy policy in German, Spanish, Danish, Swedish and Norwegian): the
warranties a service disclaims ("fitness for a particular purpose", "merchantability") name no use
and no sale of personal data, in every language; a promise to tell the user of an event other than a
change of the policy (an account suspended, a request from the authorities) is no notice of changes;
a German ordinal age ("das 16. Lebensjahr") ends no sentence and is an age; a date line that replaces
the bare markup that dated the old one is an update stamp; the French name of terms of use, the
governing law and copyright are no purpose and no right; French "changements substantiels" and
"annoncerons" speak of changes; Spanish "cuando tenemos su permiso" is consent; Swedish "avlägsna"
deletes like "ta bort"; Danish "målrettede annoncer" is advertising; Dutch "tijdelijk of permanent
weigeren" refuses access and keeps no data."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize


def _document_change(old: str, new: str) -> tuple[bool, set[str]]:
    """Whether two markdown pages differ materially, and under which categories."""
    result = compare_documents(
        normalize(old.encode(), "text/markdown"), normalize(new.encode(), "text/markdown")
    )
    material = [c for c in result.changes if c.material]
    return bool(material), {cat for c in material for cat in c.categories}


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "THE APP IS OFFERED AS IS, WITHOUT ANY WARRANTY OF "
            "MERCHANTABILITY OR FITNESS FOR A PARTICULAR PURPOSE.",
            "We offer the app as is and give no warranty of "
            "merchantability or of fitness for any particular use.",
        ),
        (
            "de",
            "DIE APP WIRD OHNE GEWÄHR FÜR MARKTGÄNGIGKEIT ODER EIGNUNG FÜR EINEN BESTIMMTEN ZWECK ANGEBOTEN.",
            "Wir bieten die App ohne Gewähr für Marktgängigkeit oder Eignung für einen besonderen Zweck an.",
        ),
        (
            "fr",
            "L’APPLICATION EST FOURNIE SANS GARANTIE DE QUALITÉ "
            "MARCHANDE NI D’ADÉQUATION À UN USAGE PARTICULIER.",
            "Nous fournissons l’application sans garantie de qualité "
            "marchande ni d’adéquation à un usage spécifique.",
        ),
        (
            "es",
            "LA APLICACIÓN SE OFRECE SIN GARANTÍA DE COMERCIABILIDAD NI DE IDONEIDAD PARA UN FIN PARTICULAR.",
            "Ofrecemos la aplicación sin garantía de comerciabilidad ni "
            "de idoneidad para un propósito determinado.",
        ),
        (
            "nl",
            "DE APP WORDT AANGEBODEN ZONDER GARANTIE VAN "
            "VERHANDELBAARHEID OF GESCHIKTHEID VOOR EEN BEPAALD DOEL.",
            "Wij bieden de app aan zonder garantie van verhandelbaarheid "
            "of geschiktheid voor een specifiek doel.",
        ),
        (
            "da",
            "APPEN LEVERES UDEN GARANTI FOR SALGBARHED ELLER EGNETHED TIL ET BESTEMT FORMÅL.",
            "Vi leverer appen uden garanti for salgbarhed eller egnethed til et særligt formål.",
        ),
        (
            "sv",
            "APPEN TILLHANDAHÅLLS UTAN GARANTI FÖR SÄLJBARHET ELLER LÄMPLIGHET FÖR ETT VISST SYFTE.",
            "Vi tillhandahåller appen utan garanti för säljbarhet eller lämplighet för ett särskilt ändamål.",
        ),
        (
            "no",
            "APPEN LEVERES UTEN GARANTI FOR SALGBARHET ELLER EGNETHET FOR ET BESTEMT FORMÅL.",
            "Vi leverer appen uten garanti for salgbarhet eller egnethet for et spesielt formål.",
        ),
        (
            "sl",
            "APLIKACIJA JE NA VOLJO BREZ JAMSTVA PRIMERNOSTI ZA PRODAJO ALI PRIMERNOSTI ZA DOLOČEN NAMEN.",
            "Aplikacijo nudimo brez jamstva primernosti za prodajo ali primernosti za poseben namen.",
        ),
        (
            "hr",
            "APLIKACIJA SE NUDI BEZ JAMSTVA UTRŽIVOSTI ILI PRIKLADNOSTI ZA ODREĐENU SVRHU.",
            "Aplikaciju nudimo bez jamstva utrživosti ili prikladnosti za posebnu svrhu.",
        ),
        (
            "zh",
            "本应用按原样提供，不作任何适销性或适用于特定用途的保证。",
            "我们按原样提供本应用，不保证其适销性或适合特定目的。",
        ),
    ],
)
def test_a_warranty_disclaimer_reworded_names_no_use_of_data(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))
    assert_quiet(single("removed", old, language=language))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "We use the recordings for a particular purpose: to show you ads."),
        ("nl", "We gebruiken uw opnamen voor reclame."),
        ("da", "I appen ser du målrettede annoncer ud fra dine køb."),
    ],
)
def test_a_use_of_data_added_still_alerts(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "purpose")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "If we suspend your account, we will notify you by e-mail.",
            "If we suspend your account, we may notify you by e-mail.",
        ),
        (
            "fr",
            "Si nous décidons de suspendre votre compte, nous vous en informerons par courriel.",
            "Si nous décidons de suspendre votre compte, nous pourrons vous en informer par courriel.",
        ),
        (
            "es",
            "Vamos a informarle cuando sus datos sean solicitados por un tribunal.",
            "Le informaremos cuando sus datos sean solicitados por un tribunal.",
        ),
        (
            "de",
            "Wenn wir Ihren Zugang sperren, werden wir Sie per E-Mail informieren.",
            "Wenn wir Ihren Zugang sperren, erhalten Sie von uns eine E-Mail.",
        ),
        (
            "nl",
            "Als we besluiten uw account te schorsen, informeren we u per e-mail.",
            "Als we besluiten uw account te schorsen, laten we u dat per e-mail weten.",
        ),
    ],
)
def test_telling_the_user_of_a_suspension_or_a_request_is_no_notice_of_changes(
    language: str, old: str, new: str
) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "If we change this policy, we will notify you by e-mail.",
            "If we change this policy, we will post the new version here.",
        ),
        (
            "fr",
            "Si nous modifions cette politique, nous vous en informerons par courriel.",
            "Si nous modifions cette politique, nous publierons la nouvelle version ici.",
        ),
    ],
)
def test_a_notice_of_changes_to_the_policy_dropped_still_alerts(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "changes")


def test_a_french_announcement_of_substantial_changes_removed_alerts() -> None:
    text = "Si les changements sont importants, nous annoncerons la modification sur notre blog."
    assert_alert(single("removed", text, language="fr"), "changes")


AGE_SENTENCE = (
    "Wir erheben keine Daten von Ihnen, wenn Sie das 14. Lebensjahr noch nicht vollendet haben. "
    "Bitte senden Sie uns dann nichts."
)
PAGE = "# Datenschutz\n\n## Kinder\n\n{}\n\n## Kontakt\n\nSchreiben Sie uns eine E-Mail.\n"


def test_a_german_ordinal_age_raised_is_a_children_change() -> None:
    old = AGE_SENTENCE
    material, cats = _document_change(PAGE.format(old), PAGE.format(old.replace("14.", "16.")))
    assert material and "children" in cats


def test_a_german_ordinal_age_unchanged_is_quiet() -> None:
    old = AGE_SENTENCE
    new = old.replace("Bitte senden Sie uns dann nichts.", "Senden Sie uns dann bitte nichts.")
    assert _document_change(PAGE.format(old), PAGE.format(new)) == (False, set())


def test_a_date_line_replacing_the_bare_date_markup_is_an_update_stamp() -> None:
    body = "## Privacy\n\nWe keep your recordings for two years.\n"
    old = '# Voorwaarden\n\nDatum inwerkingtreding: 3 maart 2021\n{: datetime="2021-03-03" }\n\n' + body
    new = '# Voorwaarden\n\nVan kracht vanaf dinsdag 9 november 2021{: datetime="2021-11-09" }\n\n' + body
    assert _document_change(old, new) == (False, set())


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Pour participer au programme, vous devez accepter les présentes Conditions d’utilisation."),
        ("fr", "Droit applicable"),
        ("fr", "Ces Conditions sont régies par le droit applicable au Québec."),
        (
            "fr",
            "Vous garantissez que vos photos ne portent pas atteinte aux "
            "droits d’auteur ni aux droits de marque.",
        ),
        ("es", "Derecho aplicable"),
        ("es", "Usted garantiza que sus fotos no infringen derechos de autor de terceros."),
    ],
)
def test_terms_of_use_governing_law_and_copyright_are_no_purpose_and_no_right(
    language: str, text: str
) -> None:
    assert_quiet(single("added", text, language=language))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Vous avez le droit de demander l’effacement de vos données."),
        ("es", "Usted tiene derecho a solicitar la supresión de sus datos."),
    ],
)
def test_a_right_over_personal_data_removed_still_alerts(language: str, text: str) -> None:
    assert_alert(single("removed", text, language=language), "rights")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "es",
            "Compartimos sus datos cuando tenemos su permiso para ello.",
            "Compartimos sus datos cuando contamos con su permiso para ello.",
        ),
        (
            "sv",
            "Om vi avlägsnar alla namn ur en datamängd är resten anonym information.",
            "Om vi tar bort alla namn ur en datamängd är resten anonym information.",
        ),
    ],
)
def test_same_meaning_said_with_another_word_is_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_spanish_consent_dropped_from_sharing_still_alerts() -> None:
    old = "Compartimos sus datos con socios cuando tenemos su permiso."
    new = "Compartimos sus datos con socios."
    assert_alert(modified(old, new, "es"), "sharing")


def test_dutch_access_refused_for_good_keeps_no_data() -> None:
    assert_quiet(
        single("added", "We kunnen uw toegang op elk moment tijdelijk of permanent weigeren.", language="nl")
    )


def test_dutch_data_kept_permanently_is_still_retention() -> None:
    assert_alert(single("added", "We bewaren uw opnamen permanent.", language="nl"), "retention")


@pytest.mark.parametrize(
    "text",
    [
        "LA RESPONSABILITÉ COLLECTIVE DE L’ÉDITEUR NE DÉPASSERA PAS 200 EUROS.",
        "L’éditeur ne répond d’aucune réclamation découlant des présentes conditions.",
        "Vous renoncez sur vos photos aux droits moraux et de publicité.",
    ],
)
def test_french_liability_and_waiver_wording_is_quiet(text: str) -> None:
    assert_quiet(single("added", text, language="fr"))
    assert_quiet(single("removed", text, language="fr"))


def test_a_french_complaint_to_the_authority_removed_still_alerts() -> None:
    assert_alert(
        single("removed", "Vous pouvez adresser une réclamation à la CNIL.", language="fr"), "rights"
    )


def test_french_data_made_publicly_accessible_is_sharing() -> None:
    text = "Nous affichons votre pseudonyme et votre ville de sorte qu’ils soient publiquement accessibles."
    assert_alert(single("added", text, language="fr"), "sharing")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We pass your playlists to partners once we have obtained your consent.",
            "We pass your playlists to partners when we find it useful.",
        ),
        (
            "sv",
            "Vi delar dina spellistor med partner när vi har fått ditt samtycke.",
            "Vi delar dina spellistor med partner när vi tycker att det är lämpligt.",
        ),
        (
            "da",
            "Vi deler dine playlister med partnere, når vi har fået din tilladelse.",
            "Vi deler dine playlister med partnere, når vi finder det nyttigt.",
        ),
        (
            "no",
            "Vi deler spillelistene dine med partnere når vi har fått ditt samtykke.",
            "Vi deler spillelistene dine med partnere når vi mener det er nyttig.",
        ),
        (
            "de",
            "Wir geben Ihre Playlists an Partner weiter, wenn wir Ihre Zustimmung dafür erhalten haben.",
            "Wir geben Ihre Playlists an Partner weiter, wenn wir es für sinnvoll halten.",
        ),
        (
            "nl",
            "We delen uw afspeellijsten met partners als we uw toestemming hebben gekregen.",
            "We delen uw afspeellijsten met partners als we dat nuttig vinden.",
        ),
    ],
)
def test_consent_once_obtained_dropped_from_sharing_alerts(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "de",
            "Wir geben Ihre Playlists weiter, wenn wir Ihre Zustimmung dafür erhalten haben.",
            "Wir geben Ihre Playlists weiter, wenn Sie uns das erlaubt haben.",
        ),
        (
            "sv",
            "Vi delar dina spellistor när vi har fått ditt samtycke.",
            "Vi delar dina spellistor när vi har fått ditt tillstånd.",
        ),
    ],
)
def test_consent_held_said_another_way_is_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_danish_data_released_is_sharing_and_a_release_of_the_app_is_not() -> None:
    assert_alert(
        single("added", "Vi frigiver dine oplysninger til en forsikringspartner.", language="da"), "sharing"
    )
    assert_quiet(single("added", "Vi frigiver en ny udgave af appen hver måned.", language="da"))


def test_german_unless_said_as_if_not_is_the_same_exception() -> None:
    old = "Wir teilen Ihnen Anfragen von Gerichten mit, sofern uns das gesetzlich nicht verboten ist."
    new = "Wir teilen Ihnen Anfragen von Gerichten mit, es sei denn, es ist uns gesetzlich verboten."
    assert_quiet(modified(old, new, "de"))


def test_dutch_updated_terms_now_also_sent_by_email_is_a_change_of_how_changes_are_told() -> None:
    old = "Bijgewerkte voorwaarden plaatsen we op onze website."
    new = "Bijgewerkte voorwaarden plaatsen we op onze website en sturen we u per e-mail."
    assert_alert(modified(old, new, "nl"), "changes")
