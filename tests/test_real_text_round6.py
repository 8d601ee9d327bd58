"""One edit in real German, French, Spanish, Danish and Swedish policy paragraphs (sixth round).

Each test states, in new sentences, a pattern the engine missed on real paragraphs from public
repositories and web pages: a consent condition said without "your" (or with another word for
consent), an item put at the end of a list, "external parties" as recipients, "significant
changes" as a notice term, credit checks as a purpose, debt collectors and credit agencies as
recipients, processors named with the countries they sit in, AI training said as a noun, a
request not to use data as a right, synonyms of "ensure", "remove" and "serve to" that are no
term, and a negation that only denies a legal duty.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change


def document_edit(old: str, new: str, media_type: str = "text/plain") -> list[Change]:
    """Two versions through the whole pipeline (language detected): the material changes."""
    result = compare_documents(normalize(old.encode(), media_type), normalize(new.encode(), media_type))
    return [c for c in result.changes if c.material]


# --- a consent condition without the possessive, or with another word for consent ----------------

SAME_BAN_WITHOUT_POSSESSIVE = [
    (
        "en",
        "Account details are not sold or rented without consent.",
        "Account details are only sold or rented with consent.",
    ),
    (
        "es",
        "Los datos de la cuenta no se venden ni se alquilan sin consentimiento.",
        "Los datos de la cuenta solo se venden o se alquilan con consentimiento.",
    ),
    (
        "de",
        "Kontodaten werden nicht ohne Einwilligung verkauft.",
        "Kontodaten werden nur mit Einwilligung verkauft.",
    ),
    (
        "fr",
        "Les données du compte ne sont jamais vendues sans consentement.",
        "Les données du compte ne sont vendues qu'avec consentement.",
    ),
    (
        "sv",
        "Kontouppgifter säljs inte till annonsörer utan ditt medgivande.",
        "Kontouppgifter säljs till annonsörer endast med ditt medgivande.",
    ),
    (
        "da",
        "Kontooplysninger sælges ikke til annoncører uden dit tilsagn.",
        "Kontooplysninger sælges kun til annoncører med dit tilsagn.",
    ),
]


@pytest.mark.parametrize("lang,old,new", SAME_BAN_WITHOUT_POSSESSIVE)
def test_a_ban_unless_consent_said_as_only_with_consent_is_quiet(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


def test_dropping_a_bare_consent_condition_still_alerts() -> None:
    change = modified(
        "Los datos de la cuenta no se venden sin consentimiento.",
        "Los datos de la cuenta se venden a socios comerciales.",
        "es",
    )
    assert_alert(change, "sharing")


# --- an item put at (or taken from) the end of a list ---------------------------------------------

APPENDED_ITEMS = [
    (
        "fr",
        "À l'inscription, nous collectons votre pseudonyme, votre langue et votre pays.",
        "À l'inscription, nous collectons votre pseudonyme, votre langue, votre pays et votre âge.",
    ),
    (
        "en",
        "When you sign up we collect your nickname, your language and your country.",
        "When you sign up we collect your nickname, your language, your country and your date of birth.",
    ),
]


@pytest.mark.parametrize("lang,old,new", APPENDED_ITEMS)
def test_an_item_appended_to_a_list_of_data_alerts(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "collection")


def test_an_item_taken_from_the_end_of_a_list_alerts() -> None:
    change = modified(
        "Nous partageons votre pseudonyme avec les organisateurs, les sponsors et les annonceurs.",
        "Nous partageons votre pseudonyme avec les organisateurs et les sponsors.",
        "fr",
    )
    assert_alert(change, "sharing")


def test_a_list_re_ordered_is_still_quiet() -> None:
    assert_quiet(
        modified(
            "À l'inscription, nous collectons votre pseudonyme, votre langue et votre pays.",
            "À l'inscription, nous collectons votre langue, votre pseudonyme et votre pays.",
            "fr",
        )
    )


# --- "external parties" are recipients; "significant changes" are a notice term ------------------


def test_a_swedish_ban_on_giving_data_to_external_parties_dropped_alerts() -> None:
    change = modified(
        "Föreningen lämnar i regel inte medlemsregistret till externa parter.",
        "Föreningen lämnar medlemsregistret till externa parter.",
        "sv",
    )
    assert_alert(change, "sharing")


@pytest.mark.parametrize(
    "lang,text",
    [
        ("sv", "Vid betydande ändringar skickar vi ett brev till alla medlemmar."),
        ("da", "Ved betydelige ændringer sender vi et brev til alle medlemmer."),
        ("de", "Bei erheblichen Änderungen schreiben wir allen Mitgliedern einen Brief."),
        ("en", "For significant changes we write to every member by post."),
    ],
)
def test_a_removed_promise_to_announce_significant_changes_alerts(lang: str, text: str) -> None:
    assert_alert(single("removed", text, language=lang), "changes")


# --- credit checks are a purpose; credit agencies and debt collectors are recipients ---------------

CREDIT_CHECKS = [
    (
        "fr",
        "La mutuelle n'effectue aucune vérification de solvabilité.",
        "La mutuelle effectue une vérification de solvabilité.",
    ),
    ("en", "The club does not run credit checks on members.", "The club runs credit checks on members."),
    ("de", "Der Verein führt keine Kreditprüfung durch.", "Der Verein führt eine Kreditprüfung durch."),
    ("da", "Foreningen laver ikke kredittjek af medlemmer.", "Foreningen laver kredittjek af medlemmer."),
    (
        "sv",
        "Föreningen gör ingen kreditkontroll av medlemmar.",
        "Föreningen gör en kreditkontroll av medlemmar.",
    ),
    (
        "es",
        "El club no realiza consultas de solvencia a sus socios.",
        "El club realiza consultas de solvencia a sus socios.",
    ),
]


@pytest.mark.parametrize("lang,old,new", CREDIT_CHECKS)
def test_credit_checks_no_longer_ruled_out_alert_as_a_purpose(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "purpose")


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "de",
            "Offene Beträge melden wir an unsere Hausbank.",
            "Offene Beträge melden wir an unsere Hausbank und an Inkassobüros.",
        ),
        (
            "en",
            "We pass unpaid invoices to our bank.",
            "We pass unpaid invoices to our bank and to debt collection agencies.",
        ),
        (
            "sv",
            "Obetalda fakturor lämnas vidare till vår bank.",
            "Obetalda fakturor lämnas vidare till vår bank och till inkassobolag.",
        ),
    ],
)
def test_debt_collectors_added_as_recipients_alert_as_sharing(lang: str, old: str, new: str) -> None:
    change = modified(old, new, lang)
    assert_alert(change, "sharing")
    assert "transfer" not in change.categories, change


def test_a_credit_agency_in_a_compound_is_a_recipient_not_a_destination() -> None:
    change = modified(
        "Zahlungsausfälle übermitteln wir an die Hausbank.",
        "Zahlungsausfälle übermitteln wir an die Hausbank und an Wirtschaftsauskunfteien.",
        "de",
    )
    assert_alert(change, "sharing")


# --- processors named with the countries they sit in ---------------------------------------------


@pytest.mark.parametrize(
    "lang,old,new",
    [
        ("da", "Vores databehandlere sidder alle i EU.", "Vores databehandlere sidder i EU og Indien."),
        (
            "de",
            "Unsere Auftragsverarbeiter sitzen alle in der EU.",
            "Unsere Auftragsverarbeiter sitzen in der EU und in Indien.",
        ),
        (
            "sv",
            "Våra personuppgiftsbiträden finns alla inom EU.",
            "Våra personuppgiftsbiträden finns inom EU och i Indien.",
        ),
    ],
)
def test_a_country_added_to_where_processors_sit_alerts_as_transfer(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "transfer")


# --- AI training said as a noun; a request not to use data is a right -----------------------------


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "sv",
            "Vi använder lagrade personuppgifter för att besvara frågor.",
            "Vi använder lagrade personuppgifter för att besvara frågor och för träning av AI-modeller.",
        ),
        (
            "da",
            "Vi bruger dine indlæg til at vise dem for andre.",
            "Vi bruger dine indlæg til at vise dem for andre og til træning af sprogmodeller.",
        ),
    ],
)
def test_ai_training_said_as_a_noun_is_a_new_purpose(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "purpose")


@pytest.mark.parametrize(
    "lang,text",
    [
        ("es", "Puede solicitarnos en cualquier momento que no usemos su dirección para enviar ofertas."),
        ("en", "You can ask us at any time not to use your address for offers."),
        ("fr", "Vous pouvez nous demander à tout moment de ne plus utiliser votre adresse pour des offres."),
        ("da", "Du kan til enhver tid bede os om ikke at bruge din adresse til tilbud."),
        ("sv", "Du kan när som helst be oss att inte använda din adress för erbjudanden."),
    ],
)
def test_a_removed_request_not_to_use_data_is_a_right_removed(lang: str, text: str) -> None:
    assert_alert(single("removed", text, language=lang), "rights")


# --- synonyms that are no term --------------------------------------------------------------------

QUIET_SYNONYMS = [
    (
        "de",
        "Wir wählen Maßnahmen, die ein angemessenes Schutzniveau gewährleisten.",
        "Wir wählen Maßnahmen, die ein angemessenes Schutzniveau sicherstellen.",
    ),
    (
        "fr",
        "Ces adresses sont utilisées pour envoyer la lettre d'information.",
        "Ces adresses servent à envoyer la lettre d'information.",
    ),
    (
        "da",
        "Efter fem år fjerner vi gamle fakturaer fra arkivet.",
        "Efter fem år sletter vi gamle fakturaer fra arkivet.",
    ),
]


@pytest.mark.parametrize("lang,old,new", QUIET_SYNONYMS)
def test_a_synonym_that_changes_no_term_is_quiet(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


def test_a_security_measure_still_alerts_after_the_ensure_exception() -> None:
    change = modified(
        "Übertragungen zur App sind sicher verschlüsselt.",
        "Übertragungen zur App sind unverschlüsselt.",
        "de",
    )
    assert_alert(change, "security")


# --- a negation that denies a legal duty; a sentence read under its heading -------------------------


def test_consent_no_longer_asked_under_a_cookie_heading_alerts_as_tracking() -> None:
    old = (
        "## Allgemeines\n\nWir fragen vorher nach Ihrem Einverständnis, außer wenn das "
        "gesetzlich nicht vorgeschrieben ist.\n"
    )
    new = "## Allgemeines\n\nWir fragen vorher nicht nach Ihrem Einverständnis.\n"
    # the heading names no cookies: a sentence under it says nothing about tracking
    assert not document_edit(old, new, "text/markdown")
    cookies_old, cookies_new = (t.replace("Allgemeines", "Cookies") for t in (old, new))
    changes = document_edit(cookies_old, cookies_new, "text/markdown")
    assert changes and "tracking" in changes[0].categories, changes


def test_a_negation_of_a_legal_duty_does_not_count_as_a_promise() -> None:
    changes = document_edit(
        "## Cookies\n\nWir bitten um Einwilligung, außer wenn sie gesetzlich nicht vorgeschrieben ist.\n",
        "## Cookies\n\nWir bitten um Einwilligung, wenn sie gesetzlich vorgeschrieben ist.\n",
        "text/markdown",
    )
    assert not changes, changes


# --- rights said as requests or with other verbs; the service's own right is no user right --------


@pytest.mark.parametrize(
    "lang,text",
    [
        (
            "fr",
            "Vous pouvez révoquer votre consentement par courrier à tout moment.",
        ),
        ("es", "Puede solicitarnos que le enviemos una copia de los datos de su perfil."),
    ],
)
def test_a_removed_right_said_with_another_verb_alerts(lang: str, text: str) -> None:
    assert_alert(single("removed", text, language=lang), "rights")


def test_a_notice_period_replacing_no_notice_is_about_changes_not_rights() -> None:
    change = modified(
        "Vi forbeholder os ret til at opdatere fortrolighedspolitikken uden varsel.",
        "Vi forbeholder os ret til at opdatere fortrolighedspolitikken med fjorten (14) dages varsel.",
        "da",
    )
    assert_alert(change, "changes")
    assert "rights" not in change.categories, change


# --- "it may be that we ..." is "we may ..."; a payment processor is a service provider ------------


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "es",
            "Es posible que compartamos su correo con socios comerciales.",
            "Podemos compartir su correo con socios comerciales.",
        ),
        (
            "fr",
            "Il est possible que nous partagions votre adresse avec des partenaires.",
            "Nous pouvons partager votre adresse avec des partenaires.",
        ),
        (
            "fr",
            "Les paiements passent par notre processeur de paiement externe.",
            "Les paiements passent par notre prestataire de paiement externe.",
        ),
        (
            "es",
            "Compartimos los datos de su tarjeta con nuestro procesador de pagos.",
            "Compartimos los datos de su tarjeta con nuestro proveedor de pagos.",
        ),
    ],
)
def test_the_same_term_in_other_words_is_quiet(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


# --- Spanish singulars of nouns whose plural adds -es ----------------------------------------------


def test_a_spanish_singular_minor_is_about_children() -> None:
    change = modified(
        "No aceptamos la inscripción de un menor de edad.",
        "Aceptamos la inscripción de un menor de edad.",
        "es",
    )
    assert_alert(change, "children")


# --- the condition said first ("without your consent we will not"); "med mindre" in two words -------

CONDITION_FIRST = [
    (
        "es",
        "Sin su autorización no cederemos su historial de compras a ninguna marca.",
        "Solo con su autorización cederemos su historial de compras a una marca.",
    ),
    (
        "en",
        "Without your permission we will not pass your order history to any brand.",
        "Only with your permission will we pass your order history to a brand.",
    ),
    (
        "fr",
        "Sans votre accord, nous ne transmettrons votre historique d'achats à aucune marque.",
        "Nous ne transmettrons votre historique d'achats à une marque qu'avec votre accord.",
    ),
    (
        "da",
        "Købshistorik videregives aldrig til mærker, med mindre du selv udtrykkeligt giver tilsagn.",
        "Købshistorik videregives kun til mærker, hvis du selv udtrykkeligt giver tilsagn.",
    ),
]


@pytest.mark.parametrize("lang,old,new", CONDITION_FIRST)
def test_a_ban_with_its_condition_first_said_as_only_with_consent_is_quiet(
    lang: str, old: str, new: str
) -> None:
    assert_quiet(modified(old, new, lang))


def test_dropping_a_condition_said_first_still_alerts() -> None:
    change = modified(
        "Sin su autorización no cederemos su historial de compras a ninguna marca.",
        "Cederemos su historial de compras a las marcas.",
        "es",
    )
    assert_alert(change, "sharing")


# --- restricted access is a security measure -----------------------------------------------------


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "da",
            "Kundekartoteket ligger på servere med begrænset adgang i vores eget datacenter.",
            "Kundekartoteket ligger på servere i vores eget datacenter.",
        ),
        (
            "en",
            "The customer file sits on servers with restricted access in our own data centre.",
            "The customer file sits on servers in our own data centre.",
        ),
        (
            "sv",
            "Kundregistret ligger på servrar med begränsad åtkomst i vår egen serverhall.",
            "Kundregistret ligger på servrar i vår egen serverhall.",
        ),
    ],
)
def test_restricted_access_dropped_alerts_as_security(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "security")
