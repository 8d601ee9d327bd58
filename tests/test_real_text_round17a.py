"""One edit in real English, German, French, Spanish, Danish and Swedish policy paragraphs (round 17a).

Each test states, in new sentences, a pattern the engine missed on real paragraphs from public
web pages and repositories: a person recognised or followed on other sites (tracking), a transfer
safeguard said without the usual adjective, a sentence about a policy change said with the verb
and an impersonal promise to announce it in good time, access to data limited to the staff who
need it, a right said as what the user can have done ("have it corrected"), a period after a
label naming a kind of data, a purpose the party receiving the data is now allowed, and three
re-wordings that change no term ("destroyed in a secure manner" / "securely destroyed", the
Spanish "con el único fin de" / "con la única finalidad de", the French "seules les …" for
"ne … qu'aux …").
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.facts import extract_facts

# --- a person recognised or followed on other sites: tracking ------------------------------------

FOLLOWED_ACROSS_SITES = [
    (
        "en",
        "The file holds details of your browser.",
        "The file holds details of your browser and an ID that lets advertisers recognise you on other "
        "websites.",
    ),
    (
        "de",
        "Die Datei enthält Angaben zu Ihrem Browser.",
        "Die Datei enthält Angaben zu Ihrem Browser und eine Kennung, mit der Werbepartner Sie auf "
        "anderen Websites wiedererkennen.",
    ),
    (
        "es",
        "El archivo contiene datos de su navegador.",
        "El archivo contiene datos de su navegador y un identificador que permite a los anunciantes "
        "reconocerle en otros sitios web.",
    ),
    (
        "da",
        "Filen indeholder oplysninger om din browser.",
        "Filen indeholder oplysninger om din browser og følger din aktivitet på tværs af andre hjemmesider.",
    ),
    (
        "sv",
        "Filen innehåller uppgifter om din webbläsare.",
        "Filen innehåller uppgifter om din webbläsare och ett id som gör att annonsörer kan känna igen "
        "dig på andra webbplatser.",
    ),
]


@pytest.mark.parametrize("lang,old,new", FOLLOWED_ACROSS_SITES)
def test_recognising_a_person_on_other_sites_is_tracking(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "tracking")


def test_french_recognising_a_person_on_other_sites_is_a_tracking_word() -> None:
    facts = extract_facts(
        "Un identifiant permet à nos partenaires de vous reconnaître sur d'autres sites.", "fr"
    )
    assert "tracking" in facts.categories


def test_a_link_to_other_sites_is_no_tracking() -> None:
    facts = extract_facts("Notre site contient des liens vers d'autres sites.", "fr")
    assert "tracking" not in facts.categories


# --- a transfer safeguard said without the usual adjective ---------------------------------------

SAFEGUARD_DROPPED = [
    (
        "en",
        "We only send data to countries where the law allows it, and we make sure it continues to "
        "receive appropriate protections.",
        "We only send data to countries where the law allows it.",
    ),
    (
        "fr",
        "Certains hébergeurs stockent des données hors de l'Union européenne ; ces transferts sont "
        "encadrés par les garanties de leurs contrats.",
        "Certains hébergeurs stockent des données hors de l'Union européenne.",
    ),
    (
        "de",
        "Einige Anbieter speichern Daten außerhalb der EU; diese Übermittlungen sind durch "
        "vertragliche Garantien abgesichert.",
        "Einige Anbieter speichern Daten außerhalb der EU.",
    ),
    (
        "es",
        "Algunos proveedores guardan datos fuera de la Unión Europea; estas transferencias están "
        "amparadas por las garantías de sus contratos.",
        "Algunos proveedores guardan datos fuera de la Unión Europea.",
    ),
    (
        "da",
        "Nogle leverandører opbevarer data uden for EU; disse overførsler er omfattet af "
        "tilstrækkelige garantier.",
        "Nogle leverandører opbevarer data uden for EU.",
    ),
    (
        "sv",
        "Vissa leverantörer lagrar uppgifter utanför EU; dessa överföringar omfattas av lämpliga garantier.",
        "Vissa leverantörer lagrar uppgifter utanför EU.",
    ),
]


@pytest.mark.parametrize("lang,old,new", SAFEGUARD_DROPPED)
def test_a_transfer_safeguard_said_otherwise_and_dropped_alerts(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "transfer", "high")


# --- "if this policy changes": an impersonal promise to announce it in good time ------------------

NOTICE_IN_GOOD_TIME_DROPPED = [
    (
        "es",
        "Si esta política cambia de manera importante, se avisará en la aplicación con antelación "
        "suficiente.",
        "Si esta política cambia de manera importante, se publicará en la web.",
    ),
    (
        "en",
        "If this policy changes in an important way, notice will be given in the app well in advance.",
        "If this policy changes in an important way, it will be posted on the website.",
    ),
    (
        "de",
        "Ändert sich diese Erklärung wesentlich, wird dies rechtzeitig vorher in der App angekündigt.",
        "Ändert sich diese Erklärung wesentlich, wird sie auf der Website veröffentlicht.",
    ),
    (
        "fr",
        "Si cette politique change de manière importante, un avis sera donné dans l'application "
        "suffisamment à l'avance.",
        "Si cette politique change de manière importante, elle sera publiée sur le site.",
    ),
    (
        "da",
        "Hvis denne politik ændres væsentligt, varsles det i appen i god tid i forvejen.",
        "Hvis denne politik ændres væsentligt, offentliggøres den på hjemmesiden.",
    ),
    (
        "sv",
        "Om denna policy ändras väsentligt meddelas det i appen i god tid i förväg.",
        "Om denna policy ändras väsentligt publiceras den på webbplatsen.",
    ),
]


@pytest.mark.parametrize("lang,old,new", NOTICE_IN_GOOD_TIME_DROPPED)
def test_an_impersonal_advance_notice_of_changes_dropped_alerts(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "changes", "high")


# --- access to the data limited to the staff who need it ------------------------------------------

ACCESS_OPENED_TO_ALL = [
    (
        "da",
        "Vi gemmer dine oplysninger i vores systemer, hvor adgangen er kontrolleret og begrænset til "
        "de medarbejdere, der har brug for det.",
        "Vi gemmer dine oplysninger i vores systemer, hvor alle medarbejdere har adgang til dem.",
    ),
    (
        "en",
        "We keep your details in our systems, where access is limited to the staff who need it.",
        "We keep your details in our systems, where every member of staff can see them.",
    ),
    (
        "de",
        "Wir speichern Ihre Angaben in unseren Systemen, wobei der Zugriff auf die Mitarbeiter "
        "beschränkt ist, die ihn benötigen.",
        "Wir speichern Ihre Angaben in unseren Systemen, auf die alle Mitarbeiter zugreifen können.",
    ),
    (
        "fr",
        "Nous conservons vos informations dans nos systèmes, dont l'accès est limité aux agents qui en "
        "ont besoin.",
        "Nous conservons vos informations dans nos systèmes, auxquels tous les agents ont accès.",
    ),
    (
        "es",
        "Guardamos sus datos en nuestros sistemas, cuyo acceso está limitado al personal que lo necesita.",
        "Guardamos sus datos en nuestros sistemas, a los que puede acceder todo el personal.",
    ),
    (
        "sv",
        "Vi sparar dina uppgifter i våra system, där åtkomsten är begränsad till de medarbetare som "
        "behöver den.",
        "Vi sparar dina uppgifter i våra system, där alla medarbetare har åtkomst till dem.",
    ),
]


@pytest.mark.parametrize("lang,old,new", ACCESS_OPENED_TO_ALL)
def test_access_no_longer_limited_to_staff_who_need_it_alerts(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "security")


def test_access_to_a_feature_limited_to_subscribers_is_no_security_measure() -> None:
    facts = extract_facts("Access to the archive is limited to paying subscribers.", "en")
    assert "security" not in facts.categories


# --- a right said as what the user can have done ---------------------------------------------------

HAVE_IT_CORRECTED = [
    ("da", "Du kan få rettet eller tilføjet oplysninger om dig."),
    ("en", "You can have wrong details about you corrected or completed."),
    ("de", "Sie können falsche Angaben über Sie berichtigen oder ergänzen lassen."),
    ("fr", "Vous pouvez faire corriger ou compléter les informations vous concernant."),
    ("es", "Puede hacer que se corrijan o completen los datos sobre usted."),
]


@pytest.mark.parametrize("lang,text", HAVE_IT_CORRECTED)
def test_removing_the_right_to_have_data_corrected_alerts(lang: str, text: str) -> None:
    assert_alert(single("removed", text, language=lang), "rights")


# --- a period after a label naming a kind of data --------------------------------------------------

LABELLED_PERIODS = [
    ("fr", "Copie de la pièce d'identité : 1 an à compter de l'exercice de vos droits."),
    ("en", "Copy of your passport: 1 year from the day you used your rights."),
    ("de", "Ausweiskopie: 1 Jahr ab Ausübung Ihrer Rechte."),
    ("es", "Copia del DNI: 1 año desde el ejercicio de sus derechos."),
    ("da", "Kopi af pas: 1 år fra du har brugt dine rettigheder."),
    ("sv", "Kopia av pass: 1 år från att du utövat dina rättigheter."),
]


@pytest.mark.parametrize("lang,text", LABELLED_PERIODS)
def test_a_period_after_a_label_naming_data_is_how_long_it_is_kept(lang: str, text: str) -> None:
    assert [d.category for d in extract_facts(text, lang).durations] == ["retention"]


def test_a_period_after_a_label_naming_no_data_keeps_its_own_category() -> None:
    facts = extract_facts("Requests about your rights: we answer within 1 month.", "en")
    assert [d.category for d in facts.durations] == ["rights"]


def test_a_labelled_period_lengthened_alerts_as_retention() -> None:
    change = modified(
        "Copie de la pièce d'identité : 1 an à compter de votre demande.",
        "Copie de la pièce d'identité : 4 ans à compter de votre demande.",
        "fr",
    )
    assert_alert(change, "retention")


# --- a use allowed to the party the data goes to ---------------------------------------------------


def test_a_recipient_allowed_its_own_advertising_is_a_sharing_term() -> None:
    change = modified(
        "Wenn wir Dienstleister beauftragen, gelten für sie dieselben Regeln wie für uns.",
        "Wenn wir Dienstleister beauftragen, dürfen sie Ihre Daten auch für eigene Werbezwecke nutzen.",
        "de",
    )
    assert_alert(change, "sharing")
    assert "purpose" in change.categories


# --- re-wordings that change no term ---------------------------------------------------------------


def test_destroyed_in_a_secure_manner_said_as_securely_destroyed_is_quiet() -> None:
    assert_quiet(
        modified("Old files are destroyed in a secure manner.", "Old files are securely destroyed.", "en")
    )


def test_data_stored_in_a_secure_manner_is_still_about_security() -> None:
    assert "security" in extract_facts("We store your files in a secure manner.", "en").categories


def test_spanish_sole_purpose_said_with_fin_or_finalidad_is_quiet() -> None:
    change = modified(
        "Guardamos la dirección con el único fin de enviar el pedido.",
        "Guardamos la dirección con la única finalidad de enviar el pedido.",
        "es",
    )
    assert_quiet(change)


def test_spanish_weekend_is_no_purpose() -> None:
    assert "purpose" not in extract_facts("La oficina cierra el fin de semana.", "es").categories


def test_french_only_these_people_said_with_seules_is_quiet() -> None:
    change = modified(
        "Ces fichiers ne sont accessibles qu'aux agents habilités.",
        "Seuls les agents habilités ont accès à ces fichiers.",
        "fr",
    )
    assert_quiet(change)


def test_french_only_these_people_dropped_alerts() -> None:
    change = modified(
        "Seuls les agents habilités ont accès à ces fichiers.",
        "Tous les agents ont accès à ces fichiers.",
        "fr",
    )
    assert change.material
