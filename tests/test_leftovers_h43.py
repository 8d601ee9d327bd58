"""Leftover general patterns of the fifteenth session (issue 10), each stated in new sentences in
every language it applies to:

- a sentence that only says from which date the terms apply ("these rules take effect on 1 March
  2025") is an effective date, no term about how changes are told; a promise to tell the user, a
  notice period or a change named beside it still is;
- a sentence that defines a term or a role ("you are the data subject within the meaning of the
  GDPR"), added or removed under a rights heading, takes no right with it;
- "anonymised" re-worded as "de-identified" keeps the safeguard; "anonymised" made
  "pseudonymised" (data that can be tied back to a person) weakens it (in Chinese 去标识化 is that
  weaker step, by the law's own definition).

Each row: language and a sentence (or an old and a new clause)."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.facts import extract_facts

# --- an effective date is no change-notice term ---

EFFECTIVE_DATES = [
    ("en", "These house rules come into effect on 1 April 2026."),
    ("de", "Diese Hausregeln treten am 1. April 2026 in Kraft."),
    ("fr", "Le présent règlement entre en vigueur le 1er avril 2026."),
    ("es", "Estas normas de la casa entrarán en vigor el 1 de abril de 2026."),
    ("da", "Disse husregler træder i kraft den 1. april 2026."),
    ("sv", "Dessa ordningsregler träder i kraft den 1 april 2026."),
    ("no", "Disse husreglene trer i kraft 1. april 2026."),
    ("nl", "Dit huisreglement treedt in werking op 1 april 2026."),
    ("hr", "Ova kućna pravila stupaju na snagu 1. travnja 2026."),
    ("sl", "Ta hišna pravila začnejo veljati 1. aprila 2026."),
    ("zh", "本社区规则自2026年4月1日起生效。"),
]

NOTICES_WITH_A_DATE = [
    ("en", "We will e-mail you before the revised rules take effect on 1 April 2026."),
    ("de", "Wir informieren Sie per E-Mail, bevor die geänderten Regeln am 1. April 2026 in Kraft treten."),
    (
        "fr",
        "Nous vous informerons par e-mail avant que ces règles entrent en vigueur le 1er avril 2026.",
    ),
    ("nl", "Wij informeren u per e-mail voordat de gewijzigde regels op 1 april 2026 in werking treden."),
]


@pytest.mark.parametrize(("language", "sentence"), EFFECTIVE_DATES)
@pytest.mark.parametrize("kind", ["added", "removed"])
def test_an_effective_date_is_no_change_notice(language: str, sentence: str, kind: str) -> None:
    assert_quiet(single(kind, sentence, language=language))


@pytest.mark.parametrize(("language", "sentence"), EFFECTIVE_DATES)
def test_an_effective_date_under_a_changes_heading_states_no_term(language: str, sentence: str) -> None:
    heading = {"de": "Änderungen dieser Regeln", "fr": "Modifications de ces règles"}.get(
        language, "Changes to these rules"
    )
    assert_quiet(single("added", sentence, section=(heading,), language=language))


def test_a_new_effective_date_is_a_date_changed() -> None:
    assert_quiet(
        modified(
            "These house rules come into effect on 1 April 2025.",
            "These house rules come into effect on 1 April 2026.",
        )
    )


@pytest.mark.parametrize(("language", "sentence"), NOTICES_WITH_A_DATE)
def test_a_notice_before_the_date_is_still_about_changes(language: str, sentence: str) -> None:
    assert_alert(single("removed", sentence, language=language), "changes")


def test_a_notice_period_without_a_date_is_still_about_changes() -> None:
    change = single("added", "Changes to these rules take effect 14 days after we announce them in the app.")
    assert_alert(change, "changes")


# --- a term defined under a rights heading grants or takes nothing ---

DEFINITIONS = [
    ("en", "Whoever the records describe is referred to below as the “data subject”.", "Your rights"),
    ("en", "As a member whose details we hold, you are a so-called data subject.", "Your rights"),
    (
        "de",
        "Wer in unseren Unterlagen beschrieben ist, gilt als betroffene Person im Sinne der DSGVO.",
        "Ihre Rechte",
    ),
    ("fr", "On entend par « personne concernée » le membre dont nous gardons la fiche.", "Vos droits"),
    ("es", "Se entiende por «interesado» la persona física a la que se refiere la ficha.", "Sus derechos"),
    ("da", "Som medlem er du i lovens forstand en såkaldt forbruger.", "Dine rettigheder"),
    ("sv", "Som medlem är du i lagens mening en så kallad konsument.", "Dina rättigheter"),
    ("no", "Som medlem er du i lovens forstand en såkalt forbruker.", "Dine rettigheter"),
    ("nl", "Als lid bent u een zogenaamde betrokkene in de zin van de AVG.", "Uw rechten"),
    ("hr", "Kao član ste takozvani ispitanik u smislu Opće uredbe.", "Vaša prava"),
    ("sl", "Kot član ste tako imenovani posameznik v smislu splošne uredbe.", "Vaše pravice"),
    ("zh", "本节所称会员，是指在本俱乐部登记的个人。", "您的权利"),
]


@pytest.mark.parametrize(("language", "sentence", "heading"), DEFINITIONS)
def test_a_definition_removed_under_a_rights_heading_takes_no_right(
    language: str, sentence: str, heading: str
) -> None:
    assert_quiet(single("removed", sentence, section=(heading,), language=language))


def test_a_sentence_with_no_keyword_under_a_rights_heading_still_counts() -> None:
    change = single(
        "removed", "You can ask us for a copy of everything on your member card.", section=("Your rights",)
    )
    assert_alert(change, "rights")


# --- anonymised, de-identified, pseudonymised ---

DE_IDENTIFIED = [
    (
        "en",
        "Anonymised ticket sales are passed to the festival board.",
        "De-identified ticket sales are passed to the festival board.",
    ),
    (
        "en",
        "Anonymised ticket sales are passed to the festival board.",
        "Deidentified ticket sales are passed to the festival board.",
    ),
    (
        "de",
        "Anonymisierte Ticketverkäufe geben wir an den Festivalvorstand weiter.",
        "De-identifizierte Ticketverkäufe geben wir an den Festivalvorstand weiter.",
    ),
    (
        "fr",
        "Nous transmettons les ventes de billets anonymisées au bureau du festival.",
        "Nous transmettons les ventes de billets désidentifiées au bureau du festival.",
    ),
    (
        "es",
        "Transmitimos las ventas de entradas anonimizadas a la junta del festival.",
        "Transmitimos las ventas de entradas desidentificadas a la junta del festival.",
    ),
    (
        "da",
        "Vi videregiver anonymiserede billetsalg til festivalens bestyrelse.",
        "Vi videregiver afidentificerede billetsalg til festivalens bestyrelse.",
    ),
    (
        "sv",
        "Vi lämnar anonymiserad biljettförsäljning till festivalens styrelse.",
        "Vi lämnar avidentifierad biljettförsäljning till festivalens styrelse.",
    ),
    (
        "no",
        "Vi gir anonymisert billettsalg videre til festivalstyret.",
        "Vi gir avidentifisert billettsalg videre til festivalstyret.",
    ),
    (
        "nl",
        "Wij geven geanonimiseerde kaartverkopen door aan het festivalbestuur.",
        "Wij geven gedeïdentificeerde kaartverkopen door aan het festivalbestuur.",
    ),
    (
        "hr",
        "Festivalskom odboru prosljeđujemo anonimizirane podatke o prodaji ulaznica.",
        "Festivalskom odboru prosljeđujemo deidentificirane podatke o prodaji ulaznica.",
    ),
    (
        "sl",
        "Festivalskemu odboru posredujemo anonimizirane podatke o prodaji vstopnic.",
        "Festivalskemu odboru posredujemo deidentificirane podatke o prodaji vstopnic.",
    ),
]

PSEUDONYMISED = [
    (
        "en",
        "Anonymised ticket sales are passed to the festival board.",
        "Pseudonymised ticket sales are passed to the festival board.",
    ),
    (
        "de",
        "Anonymisierte Ticketverkäufe geben wir an den Festivalvorstand weiter.",
        "Pseudonymisierte Ticketverkäufe geben wir an den Festivalvorstand weiter.",
    ),
    (
        "fr",
        "Nous transmettons les ventes de billets anonymisées au bureau du festival.",
        "Nous transmettons les ventes de billets pseudonymisées au bureau du festival.",
    ),
    (
        "es",
        "Transmitimos las ventas de entradas anonimizadas a la junta del festival.",
        "Transmitimos las ventas de entradas seudonimizadas a la junta del festival.",
    ),
    (
        "da",
        "Vi videregiver anonymiserede billetsalg til festivalens bestyrelse.",
        "Vi videregiver pseudonymiserede billetsalg til festivalens bestyrelse.",
    ),
    (
        "sv",
        "Vi lämnar anonymiserad biljettförsäljning till festivalens styrelse.",
        "Vi lämnar pseudonymiserad biljettförsäljning till festivalens styrelse.",
    ),
    (
        "no",
        "Vi gir anonymisert billettsalg videre til festivalstyret.",
        "Vi gir pseudonymisert billettsalg videre til festivalstyret.",
    ),
    (
        "nl",
        "Wij geven geanonimiseerde kaartverkopen door aan het festivalbestuur.",
        "Wij geven gepseudonimiseerde kaartverkopen door aan het festivalbestuur.",
    ),
    (
        "hr",
        "Festivalskom odboru prosljeđujemo anonimizirane podatke o prodaji ulaznica.",
        "Festivalskom odboru prosljeđujemo pseudonimizirane podatke o prodaji ulaznica.",
    ),
    (
        "sl",
        "Festivalskemu odboru posredujemo anonimizirane podatke o prodaji vstopnic.",
        "Festivalskemu odboru posredujemo psevdonimizirane podatke o prodaji vstopnic.",
    ),
    (
        "zh",
        "我们向音乐节理事会提供经匿名化处理的售票数据。",
        "我们向音乐节理事会提供经去标识化处理的售票数据。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), DE_IDENTIFIED)
def test_anonymised_said_as_de_identified_keeps_the_safeguard(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(("language", "old", "new"), PSEUDONYMISED)
def test_anonymised_made_pseudonymised_weakens_the_safeguard(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "security", "high")
    assert "anonymisation" in change.explanation, change


def test_pseudonymised_made_anonymised_loses_no_safeguard() -> None:
    change = modified(
        "Pseudonymised ticket sales are passed to the festival board.",
        "Anonymised ticket sales are passed to the festival board.",
    )
    assert "no longer named" not in change.explanation, change


def test_a_misspelt_anonymised_is_still_a_typo() -> None:
    assert_quiet(
        modified(
            "Anonymisierte Ticketverkäufe geben wir an den Festivalvorstand weiter.",
            "Anonymsierte Ticketverkäufe geben wir an den Festivalvorstand weiter.",
            "de",
        )
    )


# --- content shown to an audience the user picks: shared with people beyond the service ---

AUDIENCES = [
    (
        "en",
        "Your rehearsal recordings are shown to your band mates.",
        "Your rehearsal recordings are shown to your band mates or an audience of your choice.",
    ),
    (
        "de",
        "Ihre Probenaufnahmen werden Ihren Bandkollegen gezeigt.",
        "Ihre Probenaufnahmen werden Ihren Bandkollegen oder einem Publikum Ihrer Wahl gezeigt.",
    ),
    (
        "fr",
        "Vos répétitions enregistrées sont montrées à votre groupe.",
        "Vos répétitions enregistrées sont montrées à votre groupe ou à un public de votre choix.",
    ),
    (
        "es",
        "Sus grabaciones de ensayo se muestran a los miembros de su banda.",
        "Sus grabaciones de ensayo se muestran a los miembros de su banda o a un público de su elección.",
    ),
    (
        "da",
        "Dine øveoptagelser vises for dine bandkammerater.",
        "Dine øveoptagelser vises for dine bandkammerater eller et publikum efter dit valg.",
    ),
    (
        "sv",
        "Dina repetitionsinspelningar visas för dina bandkamrater.",
        "Dina repetitionsinspelningar visas för dina bandkamrater eller en publik du väljer.",
    ),
    (
        "no",
        "Øvingsopptakene dine vises for bandkameratene dine.",
        "Øvingsopptakene dine vises for bandkameratene dine eller et publikum du velger.",
    ),
    (
        "nl",
        "Uw repetitieopnamen worden aan uw bandleden getoond.",
        "Uw repetitieopnamen worden aan uw bandleden of een publiek naar uw keuze getoond.",
    ),
    (
        "hr",
        "Vaše snimke proba prikazuju se članovima vašeg benda.",
        "Vaše snimke proba prikazuju se članovima vašeg benda ili publici po vašem izboru.",
    ),
    (
        "sl",
        "Vaši posnetki vaj so prikazani članom vaše skupine.",
        "Vaši posnetki vaj so prikazani članom vaše skupine ali občinstvu po vaši izbiri.",
    ),
    ("zh", "您的排练录音会向您的乐队成员展示。", "您的排练录音会向您的乐队成员或您选择的观众展示。"),
]


@pytest.mark.parametrize(("language", "old", "new"), AUDIENCES)
def test_an_audience_of_the_users_choice_is_a_wider_sharing(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing", "high")


def test_broadcast_to_a_wider_audience_added_is_sharing() -> None:
    assert_alert(single("added", "Your rehearsal streams may be broadcast to a wider audience."), "sharing")


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "We measure the audience of our website with simple visit counts."),
        ("fr", "Nous mesurons l'audience de notre site à l'aide de simples comptages de visites."),
    ],
)
def test_audience_measurement_shares_nothing(language: str, sentence: str) -> None:
    assert_quiet(single("added", sentence, language=language))


# --- photos or playlists brought from another account: a kind of data collected ---

UPLOADED = [
    (
        "en",
        "You can upload pictures from your other accounts to our service.",
        "You can upload playlists from your other accounts to our service.",
    ),
    (
        "de",
        "Sie können Fotos aus Ihren anderen Konten auf unseren Dienst hochladen.",
        "Sie können Playlisten aus Ihren anderen Konten auf unseren Dienst hochladen.",
    ),
    (
        "fr",
        "Vous pouvez télécharger sur nos services des photos provenant de vos autres comptes.",
        "Vous pouvez télécharger sur nos services des listes de lecture provenant de vos autres comptes.",
    ),
    (
        "es",
        "Puede subir fotos de sus otras cuentas a nuestro servicio.",
        "Puede subir listas de reproducción de sus otras cuentas a nuestro servicio.",
    ),
    (
        "da",
        "Du kan uploade fotos fra dine andre konti til vores tjeneste.",
        "Du kan uploade playlister fra dine andre konti til vores tjeneste.",
    ),
    (
        "sv",
        "Du kan ladda upp foton från dina andra konton till vår tjänst.",
        "Du kan ladda upp spellistor från dina andra konton till vår tjänst.",
    ),
    (
        "no",
        "Du kan laste opp foto fra de andre kontoene dine til vår tjeneste.",
        "Du kan laste opp spillelister fra de andre kontoene dine til vår tjeneste.",
    ),
    (
        "nl",
        "U kunt foto's uit uw andere accounts naar onze dienst uploaden.",
        "U kunt afspeellijsten uit uw andere accounts naar onze dienst uploaden.",
    ),
    (
        "hr",
        "Fotografije s drugih računa možete učitati na našu uslugu.",
        "Popise za reprodukciju s drugih računa možete učitati na našu uslugu.",
    ),
    (
        "sl",
        "Fotografije iz drugih računov lahko naložite v našo storitev.",
        "Sezname predvajanja iz drugih računov lahko naložite v našo storitev.",
    ),
    ("zh", "您可以将其他账号中的照片上传至我们的服务。", "您可以将其他账号中的播放列表上传至我们的服务。"),
]


@pytest.mark.parametrize(("language", "old", "new"), UPLOADED)
def test_media_brought_from_another_account_is_data_collected(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "collection", "high")
    assert "playlists" in change.explanation, change


def test_data_received_from_a_connected_service_is_collected() -> None:
    change = single("added", "When you link your music account, we receive your playlists from that service.")
    assert_alert(change, "collection")


def test_photos_named_with_no_data_flow_stay_quiet() -> None:
    assert_quiet(single("added", "You can view photos of our office on our website."))


# --- consent for other sharing replaced by a notice: a limit on the sharing, not on changes ---
# (revealed by zh-face-app-share--notice-only: "we will ask for your consent" reads as a promise
# to tell, yet its sentence names no change to the policy)

CONSENT_MADE_NOTICE = [
    (
        "en",
        "We do not sell your ride history; if we ever pass it to others, we will ask for your"
        " explicit consent.",
        "We do not sell your ride history; if we ever pass it to others, we will tell you by"
        " updating this policy.",
    ),
    (
        "de",
        "Wir verkaufen Ihren Fahrtverlauf nicht; sollten wir ihn anderen übermitteln, holen wir Ihre"
        " ausdrückliche Einwilligung ein.",
        "Wir verkaufen Ihren Fahrtverlauf nicht; sollten wir ihn anderen übermitteln, informieren"
        " wir Sie durch eine Aktualisierung dieser Richtlinie.",
    ),
    (
        "fr",
        "Nous ne vendons pas votre historique de trajets ; si nous le transmettons à d'autres, nous"
        " demanderons votre consentement explicite.",
        "Nous ne vendons pas votre historique de trajets ; si nous le transmettons à d'autres, nous"
        " vous informerons en mettant à jour cette politique.",
    ),
    (
        "es",
        "No vendemos su historial de viajes; si lo cedemos a otros, le pediremos su consentimiento expreso.",
        "No vendemos su historial de viajes; si lo cedemos a otros, le informaremos actualizando"
        " esta política.",
    ),
    (
        "zh",
        "我们不会出售您的行程记录，如需向他人提供，我们会征得您的明示同意。",
        "我们不会出售您的行程记录，如需向他人提供，我们会通过更新本政策的方式告知您。",
    ),
    (
        "nl",
        "Wij verkopen uw ritgeschiedenis niet; als wij deze aan anderen verstrekken, vragen wij uw"
        " uitdrukkelijke toestemming.",
        "Wij verkopen uw ritgeschiedenis niet; als wij deze aan anderen verstrekken, informeren wij"
        " u door dit beleid bij te werken.",
    ),
    (
        "da",
        "Vi sælger ikke din turhistorik; hvis vi videregiver den til andre, beder vi om dit"
        " udtrykkelige samtykke.",
        "Vi sælger ikke din turhistorik; hvis vi videregiver den til andre, informerer vi dig ved at"
        " opdatere denne politik.",
    ),
    (
        "sv",
        "Vi säljer inte din resehistorik; om vi lämnar ut den till andra ber vi om ditt uttryckliga"
        " samtycke.",
        "Vi säljer inte din resehistorik; om vi lämnar ut den till andra informerar vi dig genom att"
        " uppdatera denna policy.",
    ),
    (
        "no",
        "Vi selger ikke turhistorikken din; hvis vi utleverer den til andre, ber vi om ditt"
        " uttrykkelige samtykke.",
        "Vi selger ikke turhistorikken din; hvis vi utleverer den til andre, informerer vi deg ved å"
        " oppdatere denne policyen.",
    ),
    (
        "hr",
        "Ne prodajemo vašu povijest vožnji; ako je ustupimo drugima, zatražit ćemo vašu izričitu privolu.",
        "Ne prodajemo vašu povijest vožnji; ako je ustupimo drugima, obavijestit ćemo vas"
        " ažuriranjem ove politike.",
    ),
    (
        "sl",
        "Vaše zgodovine voženj ne prodajamo; če jo posredujemo drugim, bomo zaprosili za vašo"
        " izrecno privolitev.",
        "Vaše zgodovine voženj ne prodajamo; če jo posredujemo drugim, vas bomo obvestili s"
        " posodobitvijo tega pravilnika.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), CONSENT_MADE_NOTICE)
def test_consent_for_other_sharing_made_a_notice_is_a_sharing_term(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing", "high")


# --- Danish and Norwegian "politik(k)" is the policy, "politisk" political: not the police ---


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("da", "Vi deler dine bookinger med vores partnere som beskrevet i denne politik."),
        ("no", "Vi deler bestillingene dine med partnerne våre som beskrevet i denne politikken."),
    ],
)
def test_the_policy_is_no_police(language: str, sentence: str) -> None:
    assert "law enforcement" not in extract_facts(sentence, language).recipients


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("da", "Vi videregiver dine bookinger til politiet, når loven kræver det."),
        ("no", "Vi utleverer bestillingene dine til politiet når loven krever det."),
    ],
)
def test_the_police_are_still_law_enforcement(language: str, sentence: str) -> None:
    assert "law enforcement" in extract_facts(sentence, language).recipients


# --- "monitoring your browsing" is tracking, as "tracking your browsing" is (revealed by
# sl-simtaly-cookie--ad-networks: "omrežji, ki spremljajo vaše brskanje") ---

MONITORED_BROWSING = [
    ("en", "The widgets of our partners monitor your browsing on this site."),
    ("de", "Die Widgets unserer Partner überwachen Ihr Surfverhalten auf dieser Website."),
    ("fr", "Les widgets de nos partenaires surveillent votre navigation sur ce site."),
    ("es", "Los widgets de nuestros socios monitorizan su navegación en este sitio."),
    ("da", "Vores partneres widgets overvåger din browsing på dette websted."),
    ("sv", "Våra partners widgetar övervakar din surfning på denna webbplats."),
    ("no", "Partnernes widgeter overvåker din surfing på dette nettstedet."),
    ("nl", "De widgets van onze partners monitoren uw surfgedrag op deze site."),
    ("hr", "Widgeti naših partnera nadziru vaše pregledavanje na ovoj stranici."),
    ("sl", "Pripomočki naših partnerjev spremljajo vaše brskanje po tej strani."),
    ("zh", "我们合作伙伴的插件会监控您在本网站的浏览行为。"),
]


@pytest.mark.parametrize(("language", "sentence"), MONITORED_BROWSING)
def test_monitoring_the_users_browsing_is_tracking(language: str, sentence: str) -> None:
    assert "tracking" in extract_facts(sentence, language).categories


# --- an added clause that rules out a use of a plain kind of data handles no new data ---


@pytest.mark.parametrize(
    "sentence",
    [
        "We do not use your pictures to train our recommendation models.",
        "We do not use your IP address to train our recommendation models.",
    ],
)
def test_a_use_ruled_out_in_an_added_clause_names_no_new_data(sentence: str) -> None:
    change = single("added", sentence)
    assert change.material and "rules out" in change.explanation, change
    assert "New data used" not in change.explanation, change
