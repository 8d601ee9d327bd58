"""One realistic edit of a policy sentence, in German, French, Spanish, Danish, Swedish, Norwegian and
English: the patterns a review of real one-edit pairs found, each stated in new sentences.

Equivalent ways of stating a ban stay quiet in every language ("not without your consent" is "only
with your consent", "not X that is not needed" is "only X that is needed", "share" is "disclose");
conditions, destinations, data types, notice promises and cookie choices that change still alert.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, removed

# --- "not ... without your consent" is "only with your consent" ------------------------------------

NOT_WITHOUT_CONSENT = {
    "en": (
        "We never pass your reading history to publishers without your consent.",
        "We pass your reading history to publishers only with your consent.",
        "We pass your reading history to publishers.",
    ),
    "de": (
        "Ihren Leseverlauf geben wir nicht ohne Ihre Einwilligung an Verlage weiter.",
        "Ihren Leseverlauf geben wir nur mit Ihrer Einwilligung an Verlage weiter.",
        "Ihren Leseverlauf geben wir an Verlage weiter.",
    ),
    "fr": (
        "Nous ne communiquons jamais votre historique de lecture aux éditeurs sans votre accord.",
        "Nous communiquons votre historique de lecture aux éditeurs uniquement avec votre accord.",
        "Nous communiquons votre historique de lecture aux éditeurs.",
    ),
    "es": (
        "Nunca compartimos su historial de lectura con editoriales sin su autorización.",
        "Solo compartimos su historial de lectura con editoriales con su autorización.",
        "Compartimos su historial de lectura con editoriales.",
    ),
    "da": (
        "Vi deler aldrig din læsehistorik med forlag uden dit samtykke.",
        "Vi deler kun din læsehistorik med forlag med dit samtykke.",
        "Vi deler din læsehistorik med forlag.",
    ),
    "sv": (
        "Vi delar aldrig din läshistorik med förlag utan ditt samtycke.",
        "Vi delar din läshistorik med förlag endast med ditt samtycke.",
        "Vi delar din läshistorik med förlag.",
    ),
    "no": (
        "Vi deler aldri leseloggen din med forlag uten ditt samtykke.",
        "Vi deler kun leseloggen din med forlag med ditt samtykke.",
        "Vi deler leseloggen din med forlag.",
    ),
}


@pytest.mark.parametrize("lang", sorted(NOT_WITHOUT_CONSENT))
def test_not_without_consent_said_as_only_with_consent_is_quiet(lang: str) -> None:
    banned, conditional, _ = NOT_WITHOUT_CONSENT[lang]
    assert_quiet(modified(banned, conditional, lang))


@pytest.mark.parametrize("lang", sorted(NOT_WITHOUT_CONSENT))
def test_the_consent_dropped_from_a_not_without_ban_is_high(lang: str) -> None:
    banned, _, plain = NOT_WITHOUT_CONSENT[lang]
    assert_alert(modified(banned, plain, lang), "sharing", "high")


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "es",
            "No usaremos su voz para publicidad a menos que nos otorgue su permiso.",
            "Solo usaremos su voz para publicidad si usted lo permite.",
        ),
        (
            "fr",
            "Nous n'utiliserons pas vos photos pour la publicité, sauf si vous nous avez donné votre accord.",
            "Nous utiliserons vos photos pour la publicité uniquement avec votre accord.",
        ),
        (
            "en",
            "We won't pass your photos to sponsors unless you give us your consent.",
            "We pass your photos to sponsors only with your consent.",
        ),
    ],
)
def test_unless_you_give_consent_said_as_only_with_consent_is_quiet(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


def test_a_french_ban_on_use_with_pas_between_verb_and_data_is_read() -> None:
    old = "Nous n'utiliserons jamais vos photos à des fins publicitaires."
    assert_alert(
        modified(old, "Nous utiliserons vos photos à des fins publicitaires.", "fr"), "purpose", "high"
    )


# --- "not X that is not needed" is "only X that is needed" ------------------------------------------

DOUBLE_NEGATION = {
    "en": (
        "We do not keep records that are not needed for billing.",
        "We only keep records that are needed for billing.",
    ),
    "de": (
        "Wir erheben keine Angaben, die für die Abrechnung nicht erforderlich sind.",
        "Wir erheben nur Angaben, die für die Abrechnung erforderlich sind.",
    ),
    "fr": (
        "Nous ne collectons pas d'informations qui ne sont pas utiles à la facturation.",
        "Nous collectons uniquement les informations utiles à la facturation.",
    ),
    "es": (
        "No recopilamos datos que no sean necesarios para la facturación.",
        "Solo recopilamos los datos necesarios para la facturación.",
    ),
    "da": (
        "Vi indsamler ikke data, som ikke er nødvendige for faktureringen.",
        "Vi indsamler kun data, som er nødvendige for faktureringen.",
    ),
    "sv": (
        "Vi samlar inte in uppgifter som inte behövs för faktureringen.",
        "Vi samlar endast in uppgifter som behövs för faktureringen.",
    ),
}


@pytest.mark.parametrize("lang", sorted(DOUBLE_NEGATION))
def test_a_double_negation_said_as_only_is_quiet(lang: str) -> None:
    old, new = DOUBLE_NEGATION[lang]
    assert_quiet(modified(old, new, lang))


def test_a_collection_ban_really_dropped_still_alerts() -> None:
    old = "We do not collect data about your contacts."
    assert_alert(modified(old, "We collect data about your contacts.", "en"), "collection", "high")


# --- one ban, another verb ----------------------------------------------------------------------------

SYNONYM_BANS = [
    (
        "en",
        "We will not share your invoices with other companies.",
        "We do not disclose your invoices to other companies.",
    ),
    (
        "de",
        "Wir geben Ihre Rechnungen nicht an andere Firmen weiter.",
        "Wir legen Ihre Rechnungen gegenüber anderen Firmen nicht offen.",
    ),
    (
        "fr",
        "Nous ne partageons pas vos factures avec d'autres sociétés.",
        "Nous ne divulguons pas vos factures à d'autres sociétés.",
    ),
    (
        "sv",
        "Vi delar inte dina fakturor med andra företag.",
        "Vi lämnar inte ut dina fakturor till andra företag.",
    ),
]


@pytest.mark.parametrize("lang,old,new", SYNONYM_BANS)
def test_a_ban_restated_with_a_synonym_verb_is_quiet(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


def test_a_ban_on_sharing_narrowed_to_a_ban_on_sale_still_alerts() -> None:
    old = "We do not share your invoices with other companies."
    new = "We do not sell your invoices to other companies."
    assert_alert(modified(old, new, "en"), "sharing", "high")


def test_a_german_separable_disclosure_verb_keeps_its_recipient() -> None:
    old = "Wir legen Ihre Rechnungen gegenüber anderen Firmen nicht offen."
    new = "Wir legen Ihre Rechnungen gegenüber Behörden offen."
    assert_alert(modified(old, new, "de"), "sharing", "high")


# --- Scandinavian particles and "heller"; German nouns of a ban ---------------------------------------


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "sv",
            "Vi säljer inte dina kunduppgifter och hyr inte heller ut dem.",
            "Vi varken säljer eller hyr ut dina kunduppgifter.",
        ),
        (
            "da",
            "Vi sælger ikke dine kundeoplysninger og udlejer dem heller ikke.",
            "Vi hverken sælger eller udlejer dine kundeoplysninger.",
        ),
        (
            "no",
            "Vi selger ikke kundeopplysningene dine og leier dem heller ikke ut.",
            "Vi verken selger eller leier ut kundeopplysningene dine.",
        ),
        (
            "sv",
            "Dina kunduppgifter lämnas inte ut till annonsörer.",
            "Vi lämnar inte ut dina kunduppgifter till annonsörer.",
        ),
    ],
)
def test_a_ban_with_a_split_particle_verb_said_again_is_quiet(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


@pytest.mark.parametrize(
    "lang,text",
    [
        ("sv", "Dina kunduppgifter kommer aldrig att ges vidare till annonsörer."),
        ("de", "Eine Weitergabe Ihrer Kundendaten an Werbepartner findet nicht statt."),
        ("de", "Eine Übermittlung Ihrer Kundendaten an Dritte erfolgt nicht."),
    ],
)
def test_a_removed_ban_worded_with_a_noun_or_particle_is_high(lang: str, text: str) -> None:
    assert_alert(removed(text, lang), "sharing", "high")


# --- a fee is no negation --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "de",
            "Sie erhalten eine Kopie Ihrer Daten, ohne dass dafür Kosten entstehen.",
            "Sie erhalten eine Kopie Ihrer Daten kostenlos.",
        ),
        (
            "en",
            "You can obtain a copy of your data without any charge.",
            "You can obtain a copy of your data free of charge.",
        ),
        (
            "fr",
            "Vous pouvez obtenir une copie de vos données sans frais.",
            "Vous pouvez obtenir une copie de vos données gratuitement.",
        ),
        (
            "sv",
            "Du kan få en kopia av dina uppgifter utan kostnad.",
            "Du kan få en kopia av dina uppgifter kostnadsfritt.",
        ),
    ],
)
def test_without_charge_said_as_free_is_quiet(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "fr",
            "Vous disposez d'un droit d'accès et de suppression de vos données.",
            "Vous disposez d'un droit d'accès et d'effacement de vos données.",
        ),
        (
            "en",
            "We only disclose your messages to moderators if you ask us to.",
            "We only disclose your messages to moderators at your request.",
        ),
    ],
)
def test_a_synonym_of_a_right_or_a_request_is_quiet(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


# --- notice of changes promised with the verb first ---------------------------------------------------


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "da",
            "Når vi ændrer denne politik, giver vi dig besked via appen.",
            "Den gældende politik findes altid på vores hjemmeside.",
        ),
        (
            "no",
            "Når vi endrer denne personvernerklæringen, gir vi deg beskjed i appen.",
            "Den gjeldende personvernerklæringen finnes alltid på nettsiden vår.",
        ),
        (
            "de",
            "Über Änderungen dieser Datenschutzerklärung informieren wir Sie in der App.",
            "Die geltende Datenschutzerklärung finden Sie stets auf unserer Website.",
        ),
    ],
)
def test_a_notice_promise_with_the_verb_first_dropped_is_high(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "changes", "high")


# --- compound cookie words, locations, address books ----------------------------------------------------


@pytest.mark.parametrize(
    "lang,old,new",
    [
        ("sv", "Vi använder analyskakor endast om du har godkänt det.", "Vi använder analyskakor."),
        ("da", "Vi sætter kun statistikcookies, hvis du giver samtykke.", "Vi sætter statistikcookies."),
        (
            "de",
            "Wir setzen nur notwendige Cookies ein.",
            "Wir setzen notwendige Cookies und Werbecookies ein.",
        ),
    ],
)
def test_a_compound_cookie_word_carries_tracking(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "tracking")


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "es",
            "El registro puede incluir su nombre y su idioma.",
            "El registro puede incluir su nombre, su idioma y su ubicación precisa.",
        ),
        (
            "fr",
            "Le profil peut comporter votre pseudonyme et votre langue.",
            "Le profil peut comporter votre pseudonyme, votre langue et votre carnet d'adresses.",
        ),
        (
            "de",
            "Das Profil kann Ihren Spitznamen und Ihre Sprache enthalten.",
            "Das Profil kann Ihren Spitznamen, Ihre Sprache und Ihren genauen Standort enthalten.",
        ),
        (
            "da",
            "Profilen kan indeholde dit kaldenavn og dit sprog.",
            "Profilen kan indeholde dit kaldenavn, dit sprog og din præcise placering.",
        ),
        (
            "sv",
            "Profilen kan innehålla ditt smeknamn och ditt språk.",
            "Profilen kan innehålla ditt smeknamn, ditt språk och din adressbok.",
        ),
    ],
)
def test_a_precise_location_or_address_book_in_a_list_is_collection(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "collection", "high")


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "en",
            "Order data is processed at our offices in Ireland.",
            "Order data is processed at our offices in Ireland and Vietnam.",
        ),
        (
            "es",
            "Los pedidos se procesan en nuestras oficinas de Irlanda.",
            "Los pedidos se procesan en nuestras oficinas de Irlanda y Vietnam.",
        ),
        (
            "fr",
            "Les commandes sont hébergées en Irlande.",
            "Les commandes sont hébergées en Irlande et au Vietnam.",
        ),
        (
            "de",
            "Bestelldaten werden in Irland verarbeitet.",
            "Bestelldaten werden in Irland und Vietnam verarbeitet.",
        ),
        ("da", "Ordredata behandles i Irland.", "Ordredata behandles i Irland og Vietnam."),
        ("sv", "Orderdata behandlas inom Irland.", "Orderdata behandlas inom Irland och Vietnam."),
    ],
)
def test_a_country_added_where_data_is_processed_is_a_transfer(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "transfer", "high")


def test_processed_in_accordance_with_names_no_destination() -> None:
    old = "Order data is processed in accordance with the laws of Ireland."
    new = "Order data is processed in accordance with the laws of Ireland and Vietnam."
    assert "transfer" not in modified(old, new, "en").categories


# --- where data comes from, what goes out, the cookie choice ------------------------------------------


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "en",
            "We also receive details about you from our partners.",
            "We also receive details about you from our partners and from data brokers.",
        ),
        (
            "fr",
            "Certaines données sont obtenues auprès de nos partenaires.",
            "Certaines données sont obtenues auprès de nos partenaires et de courtiers en données.",
        ),
    ],
)
def test_a_new_source_of_data_is_a_collection_change(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "collection")


def test_a_pseudonymous_id_replaced_by_an_email_in_a_sharing_sentence_is_sharing() -> None:
    old = "Un identifiant pseudonymisé est transmis au transporteur."
    new = "Votre adresse e-mail est transmise au transporteur."
    change = modified(old, new, "fr")
    assert_alert(change, "sharing")
    assert_alert(change, "security")


def test_dropping_the_choice_to_revisit_cookie_settings_is_tracking() -> None:
    old = "Vous pouvez à tout moment revenir sur vos choix concernant les cookies depuis le pied de page."
    new = "Vous pouvez consulter la liste des cookies depuis le pied de page."
    assert_alert(modified(old, new, "fr"), "tracking", "high")
