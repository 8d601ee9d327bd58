"""One realistic edit of a policy sentence (held-out round oneedit15): patterns the engine missed
(or raised false alerts on) in real policy text, each stated here in new sentences of its own.

A material change in a clause about children's data (named by a word, "a child", "minors", with or
without an age) is a children's term. A transfer to third parties is data shared with them: "not
passed on to third parties" -> "not transferred to third parties" says the same. Doing everything
one can ("we make every effort to") is an aim, like "we strive to". "Recolectar" (es) and "récolter"
(fr) collect. Consent said to be required ("consent is always required") is a consent condition:
"no consent is required" drops it. Consent as the subject of its withdrawal ("consent can be
withdrawn at any time") is the right to withdraw it.
"""

from __future__ import annotations

import pytest
from engine_checks import check_expected, one_edit

# --- a material change in a clause about children, named by a word -------------------------------

CHILDREN_BY_A_WORD = [
    (
        "en",
        "If we find that a minor signed up without a parent's approval, we erase the account at once.",
        "If we find that a minor signed up without a parent's approval, we erase the account within 60 days.",
    ),
    (
        "de",
        "Stellen wir fest, dass sich ein Kind ohne Zustimmung der Eltern angemeldet hat,"
        " löschen wir das Konto sofort.",
        "Stellen wir fest, dass sich ein Kind ohne Zustimmung der Eltern angemeldet hat,"
        " löschen wir das Konto innerhalb von 60 Tagen.",
    ),
    (
        "fr",
        "Si nous constatons qu'un mineur s'est inscrit sans l'accord de ses parents, nous"
        " supprimons le compte immédiatement.",
        "Si nous constatons qu'un mineur s'est inscrit sans l'accord de ses parents, nous"
        " supprimons le compte sous 60 jours.",
    ),
    (
        "nl",
        "Als we merken dat een kind zich zonder toestemming van de ouders heeft aangemeld,"
        " verwijderen we het account direct.",
        "Als we merken dat een kind zich zonder toestemming van de ouders heeft aangemeld,"
        " verwijderen we het account binnen 60 dagen.",
    ),
    (
        "hr",
        "Ako utvrdimo da se maloljetnik registrirao bez pristanka roditelja, račun odmah brišemo.",
        "Ako utvrdimo da se maloljetnik registrirao bez pristanka roditelja, račun brišemo u"
        " roku od 60 dana.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), CHILDREN_BY_A_WORD)
def test_a_change_in_a_clause_about_children_is_a_children_term(language: str, old: str, new: str) -> None:
    check_expected(one_edit(language, old, new), "children")


def test_a_clause_naming_no_child_gets_no_children_term() -> None:
    change = one_edit(
        "en",
        "If we find that an account was opened by mistake, we erase it at once.",
        "If we find that an account was opened by mistake, we erase it within 60 days.",
    )
    check_expected(change, "retention,-children")


# --- a transfer to third parties is sharing with them ------------------------------------------

TRANSFER_FOR_SHARING = [
    (
        "en",
        "Your order details are not shared with third parties.",
        "Your order details are not transferred to third parties.",
    ),
    (
        "de",
        "Ihre Bestelldaten geben wir nicht an Dritte weiter.",
        "Ihre Bestelldaten übermitteln wir nicht an Dritte.",
    ),
    (
        "de",
        "Ihre Bestelldaten werden nicht an Dritte weitergegeben.",
        "Ihre Bestelldaten werden nicht an Dritte übermittelt.",
    ),
    (
        "fr",
        "Nous ne partageons pas vos données de commande avec des tiers.",
        "Nous ne transférons pas vos données de commande à des tiers.",
    ),
    (
        "es",
        "No compartimos los datos de su pedido con terceros.",
        "No transferimos los datos de su pedido a terceros.",
    ),
    (
        "da",
        "Vi deler ikke dine ordreoplysninger med tredjeparter.",
        "Vi overfører ikke dine ordreoplysninger til tredjeparter.",
    ),
    (
        "sv",
        "Vi delar inte dina orderuppgifter med tredje part.",
        "Vi överför inte dina orderuppgifter till tredje part.",
    ),
    (
        "no",
        "Vi deler ikke ordreopplysningene dine med tredjeparter.",
        "Vi overfører ikke ordreopplysningene dine til tredjeparter.",
    ),
    (
        "nl",
        "Wij delen uw bestelgegevens niet met derden.",
        "Wij dragen uw bestelgegevens niet over aan derden.",
    ),
    (
        "hr",
        "Podatke o narudžbi ne dijelimo s trećim osobama.",
        "Podatke o narudžbi ne prenosimo trećim osobama.",
    ),
    (
        "sl",
        "Podatkov o naročilu ne delimo s tretjimi osebami.",
        "Podatkov o naročilu ne prenašamo tretjim osebam.",
    ),
    ("zh", "我们不会与第三方共享您的订单信息。", "我们不会将您的订单信息传输给第三方。"),
]


@pytest.mark.parametrize(("language", "old", "new"), TRANSFER_FOR_SHARING)
def test_not_transferred_to_third_parties_says_not_shared(language: str, old: str, new: str) -> None:
    check_expected(one_edit(language, old, new), "quiet")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Your order details are not shared with third parties.",
            "Your order details are transferred to third parties.",
        ),
        (
            "fr",
            "Nous ne partageons pas vos données de commande avec des tiers.",
            "Nous transférons vos données de commande à des tiers.",
        ),
        (
            "sv",
            "Vi delar inte dina orderuppgifter med tredje part.",
            "Vi överför dina orderuppgifter till tredje part.",
        ),
    ],
)
def test_a_transfer_to_third_parties_where_none_was_shared_alerts(language: str, old: str, new: str) -> None:
    check_expected(one_edit(language, old, new), "sharing")


# --- doing everything one can is an aim -----------------------------------------------------

EVERY_EFFORT_FOR_AN_AIM = [
    (
        "en",
        "We make every effort to keep your account secure.",
        "We do our best to keep your account secure.",
    ),
    (
        "de",
        "Wir setzen alles daran, Ihr Konto sicher zu halten.",
        "Wir bemühen uns, Ihr Konto sicher zu halten.",
    ),
    (
        "fr",
        "Nous mettons tout en œuvre pour sécuriser votre compte.",
        "Nous faisons tout notre possible pour sécuriser votre compte.",
    ),
    (
        "es",
        "Ponemos todos los medios para proteger su cuenta.",
        "Hacemos todo lo posible para proteger su cuenta.",
    ),
    ("da", "Vi gør alt for at beskytte din konto.", "Vi bestræber os på at beskytte din konto."),
    ("sv", "Vi gör allt vi kan för att skydda ditt konto.", "Vi strävar efter att skydda ditt konto."),
    ("no", "Vi gjør alt vi kan for å beskytte kontoen din.", "Vi streber etter å beskytte kontoen din."),
    (
        "nl",
        "Wij doen er alles aan om uw account te beveiligen.",
        "Wij streven ernaar uw account te beveiligen.",
    ),
    ("hr", "Činimo sve kako bismo zaštitili vaš račun.", "Nastojimo zaštititi vaš račun."),
    ("sl", "Storimo vse, da zaščitimo vaš račun.", "Prizadevamo si zaščititi vaš račun."),
    ("zh", "我们竭尽全力保护您的账户安全。", "我们尽力保护您的账户安全。"),
]


@pytest.mark.parametrize(("language", "old", "new"), EVERY_EFFORT_FOR_AN_AIM)
def test_doing_everything_for_trying_is_quiet(language: str, old: str, new: str) -> None:
    check_expected(one_edit(language, old, new), "quiet")


def test_a_promise_made_an_effort_alerts() -> None:
    change = one_edit("en", "We encrypt your backups.", "We make every effort to encrypt your backups.")
    check_expected(change, "security")


# --- other verbs for collecting ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "es",
            "Solo recolectamos los datos que necesitamos para el envío.",
            "Solo recopilamos los datos que necesitamos para el envío.",
        ),
        (
            "fr",
            "Nous récoltons uniquement les données utiles à la livraison.",
            "Nous collectons uniquement les données utiles à la livraison.",
        ),
    ],
)
def test_another_verb_for_collecting_is_quiet(language: str, old: str, new: str) -> None:
    check_expected(one_edit(language, old, new), "quiet")


# --- consent said to be required ----------------------------------------------------------------

CONSENT_NO_LONGER_REQUIRED = [
    (
        "en",
        "For advertising cookies your consent is always required.",
        "For advertising cookies no consent is required.",
    ),
    (
        "de",
        "Für Werbe-Cookies ist immer eine Einwilligung erforderlich.",
        "Für Werbe-Cookies ist keine Einwilligung erforderlich.",
    ),
    (
        "fr",
        "Pour les cookies de publicité, votre consentement est requis.",
        "Pour les cookies de publicité, aucun consentement n'est requis.",
    ),
    (
        "es",
        "Para las cookies de publicidad es necesario su consentimiento.",
        "Para las cookies de publicidad no es necesario su consentimiento.",
    ),
    ("da", "Til reklamecookies er samtykke altid påkrævet.", "Til reklamecookies er samtykke ikke påkrævet."),
    ("sv", "För reklamkakor krävs alltid ditt samtycke.", "För reklamkakor krävs inget samtycke."),
    (
        "no",
        "Samtykke er alltid påkrevd før vi bruker informasjonskapsler til sporing.",
        "Samtykke er ikke påkrevd før vi bruker informasjonskapsler til sporing.",
    ),
    (
        "nl",
        "Voor advertentiecookies is altijd toestemming vereist.",
        "Voor advertentiecookies is geen toestemming vereist.",
    ),
    (
        "hr",
        "Za reklamne kolačiće uvijek je potrebna vaša privola.",
        "Za reklamne kolačiće nije potrebna vaša privola.",
    ),
    (
        "sl",
        "Za oglaševalske piškotke je vedno potrebna vaša privolitev.",
        "Za oglaševalske piškotke ni potrebna vaša privolitev.",
    ),
    ("zh", "使用广告Cookie需经您的明确同意。", "使用广告Cookie无需经您同意。"),
]


@pytest.mark.parametrize(("language", "old", "new"), CONSENT_NO_LONGER_REQUIRED)
def test_consent_no_longer_required_alerts(language: str, old: str, new: str) -> None:
    check_expected(one_edit(language, old, new), "tracking")


def test_consent_required_said_otherwise_is_quiet() -> None:
    change = one_edit(
        "en",
        "For advertising cookies your consent is always required.",
        "For advertising cookies your consent is required.",
    )
    check_expected(change, "quiet")


# --- consent as the subject of its withdrawal ----------------------------------------------------

WITHDRAWAL_LIMITED = [
    (
        "da",
        "Samtykket er frivilligt og kan til enhver tid trækkes tilbage.",
        "Samtykket er frivilligt og kan trækkes tilbage inden 10 dage.",
    ),
    (
        "no",
        "Samtykket er frivillig og kan når som helst trekkes tilbake.",
        "Samtykket er frivillig og kan trekkes tilbake innen 10 dager.",
    ),
    (
        "es",
        "El consentimiento es voluntario y puede retirarse en cualquier momento.",
        "El consentimiento es voluntario y puede retirarse en un plazo de 10 días.",
    ),
    (
        "fr",
        "Le consentement est facultatif et peut être retiré à tout moment.",
        "Le consentement est facultatif et peut être retiré dans un délai de 10 jours.",
    ),
    (
        "hr",
        "Privola je dobrovoljna i može se povući u bilo kojem trenutku.",
        "Privola je dobrovoljna i može se povući u roku od 10 dana.",
    ),
    (
        "sl",
        "Privolitev je prostovoljna in jo lahko kadar koli prekličete.",
        "Privolitev je prostovoljna in jo lahko prekličete v 10 dneh.",
    ),
    ("zh", "同意是自愿的，您可以随时撤回。", "同意是自愿的，您可以在10天内撤回。"),
]


@pytest.mark.parametrize(("language", "old", "new"), WITHDRAWAL_LIMITED)
def test_withdrawal_at_any_time_limited_alerts(language: str, old: str, new: str) -> None:
    check_expected(one_edit(language, old, new), "rights")


def test_withdrawal_at_any_time_said_otherwise_is_quiet() -> None:
    change = one_edit(
        "no",
        "Samtykket er frivillig og kan når som helst trekkes tilbake.",
        "Samtykket er frivillig og kan til enhver tid trekkes tilbake.",
    )
    check_expected(change, "quiet")


# --- a duty of confidentiality on the recipients: a safeguard of the sharing ----------------------

CONFIDENTIALITY_DROPPED = [
    (
        "en",
        "We share your order data only with couriers who are bound by a duty of confidentiality.",
        "We share your order data only with couriers.",
    ),
    (
        "de",
        "Wir geben Bestelldaten nur an Versanddienstleister weiter, die zur Vertraulichkeit"
        " verpflichtet sind.",
        "Wir geben Bestelldaten nur an Versanddienstleister weiter.",
    ),
    (
        "fr",
        "Nous ne partageons vos données de commande qu'avec des transporteurs tenus à la confidentialité.",
        "Nous ne partageons vos données de commande qu'avec des transporteurs.",
    ),
    (
        "es",
        "Solo compartimos los datos del pedido con transportistas sujetos a un deber de confidencialidad.",
        "Solo compartimos los datos del pedido con transportistas.",
    ),
    (
        "da",
        "Vi deler kun ordreoplysninger med fragtfirmaer, der er underlagt tavshedspligt.",
        "Vi deler kun ordreoplysninger med fragtfirmaer.",
    ),
    (
        "sv",
        "Vi delar orderuppgifter endast med transportörer som omfattas av tystnadsplikt.",
        "Vi delar orderuppgifter endast med transportörer.",
    ),
    (
        "no",
        "Vi deler ikke informasjon med andre uten samtykke, bortsett fra med leverandører som"
        " er bundet av taushetsplikt.",
        "Vi deler ikke informasjon med andre uten samtykke, bortsett fra med leverandører.",
    ),
    (
        "nl",
        "Wij delen bestelgegevens alleen met vervoerders die gebonden zijn aan een geheimhoudingsplicht.",
        "Wij delen bestelgegevens alleen met vervoerders.",
    ),
    (
        "hr",
        "Podatke o narudžbi dijelimo samo s prijevoznicima koji imaju obvezu čuvanja povjerljivosti.",
        "Podatke o narudžbi dijelimo samo s prijevoznicima.",
    ),
    (
        "sl",
        "Podatke o naročilu delimo samo s prevozniki, ki jih zavezuje obveznost varovanja zaupnosti.",
        "Podatke o naročilu delimo samo s prevozniki.",
    ),
    ("zh", "我们仅与负有保密义务的快递公司共享您的订单信息。", "我们仅与快递公司共享您的订单信息。"),
]


@pytest.mark.parametrize(("language", "old", "new"), CONFIDENTIALITY_DROPPED)
def test_recipients_duty_of_confidentiality_dropped_is_a_sharing_term(
    language: str, old: str, new: str
) -> None:
    check_expected(one_edit(language, old, new), "sharing,security")


def test_data_held_in_confidence_is_a_security_promise() -> None:
    check_expected(
        one_edit("en", "We treat your messages confidentially.", "We treat your messages carefully."),
        "security",
    )
    check_expected(
        one_edit("en", "We treat your messages confidentially.", "We treat your messages in confidence."),
        "quiet",
    )


def test_a_security_change_where_nothing_is_shared_gets_no_sharing_term() -> None:
    check_expected(
        one_edit("en", "We protect your data with encryption.", "We protect your data."), "security,-sharing"
    )


# --- changes applied to the past: a term of the changes ----------------------------------------

RETROACTIVE_ALLOWED = [
    ("en", "Updated terms will not apply retroactively.", "Updated terms may apply retroactively."),
    ("de", "Änderungen gelten nicht rückwirkend.", "Änderungen können rückwirkend gelten."),
    (
        "fr",
        "Les modifications ne s'appliquent pas de manière rétroactive.",
        "Les modifications peuvent s'appliquer de manière rétroactive.",
    ),
    (
        "es",
        "Los cambios no se aplicarán de forma retroactiva.",
        "Los cambios podrán aplicarse de forma retroactiva.",
    ),
    (
        "da",
        "Ændringer gælder ikke med tilbagevirkende kraft.",
        "Ændringer kan gælde med tilbagevirkende kraft.",
    ),
    ("sv", "Ändringar gäller inte retroaktivt.", "Ändringar kan gälla retroaktivt."),
    (
        "no",
        "Endringer gjelder ikke med tilbakevirkende kraft.",
        "Endringer kan gjelde med tilbakevirkende kraft.",
    ),
    (
        "nl",
        "Wijzigingen gelden niet met terugwerkende kracht.",
        "Wijzigingen kunnen met terugwerkende kracht gelden.",
    ),
    ("hr", "Izmjene se ne primjenjuju retroaktivno.", "Izmjene se mogu primjenjivati retroaktivno."),
    ("sl", "Spremembe ne veljajo retroaktivno.", "Spremembe lahko veljajo retroaktivno."),
    ("zh", "本政策的更新不具有追溯效力。", "本政策的更新可能具有追溯效力。"),
]


@pytest.mark.parametrize(("language", "old", "new"), RETROACTIVE_ALLOWED)
def test_changes_allowed_to_apply_to_the_past_alert(language: str, old: str, new: str) -> None:
    check_expected(one_edit(language, old, new), "changes")


def test_no_retroactive_effect_said_otherwise_is_quiet() -> None:
    change = one_edit(
        "en", "Updated terms will not apply retroactively.", "Updated terms will not have retroactive effect."
    )
    check_expected(change, "quiet")


# --- an item of a list that says how long data is kept: a retention term -------------------------

RETENTION_ITEM_DROPPED = [
    (
        "en",
        "Privacy by design ensures only necessary data is collected, with legitimate purposes,"
        " limited retention"
        " periods and respect for your rights.",
        "Privacy by design ensures only necessary data is collected, with legitimate purposes"
        " and respect for your"
        " rights.",
    ),
    (
        "de",
        "Datenschutz durch Technikgestaltung bedeutet: nur nötige Daten, klare Zwecke,"
        " begrenzte Speicherfristen"
        " und Achtung Ihrer Rechte.",
        "Datenschutz durch Technikgestaltung bedeutet: nur nötige Daten, klare Zwecke und"
        " Achtung Ihrer Rechte.",
    ),
    (
        "fr",
        "Nous appliquons la protection des données dès la conception : données nécessaires,"
        " finalités légitimes,"
        " durées de conservation limitées et respect de vos droits.",
        "Nous appliquons la protection des données dès la conception : données nécessaires,"
        " finalités légitimes et"
        " respect de vos droits.",
    ),
    (
        "es",
        "Aplicamos la privacidad desde el diseño: datos necesarios, fines legítimos, plazos de conservación"
        " limitados y respeto a sus derechos.",
        "Aplicamos la privacidad desde el diseño: datos necesarios, fines legítimos y respeto a"
        " sus derechos.",
    ),
    (
        "nl",
        "Wij passen privacy by design toe: noodzakelijke gegevens, legitieme doeleinden,"
        " beperkte bewaartermijnen"
        " en respect voor uw rechten.",
        "Wij passen privacy by design toe: noodzakelijke gegevens, legitieme doeleinden en"
        " respect voor uw rechten.",
    ),
    (
        "zh",
        "我们遵循隐私设计原则：必要的数据、正当的目的、有限的保存期限以及尊重您的权利。",
        "我们遵循隐私设计原则：必要的数据、正当的目的以及尊重您的权利。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), RETENTION_ITEM_DROPPED)
def test_a_retention_item_dropped_from_a_list_is_a_retention_term(language: str, old: str, new: str) -> None:
    check_expected(one_edit(language, old, new), "retention")
