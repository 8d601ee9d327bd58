"""Patterns from reviewing the engine on real consecutive versions of real policies, each stated
in new sentences of our own, in the languages it concerns.

- Sentences joined or split by the page, not by the author: an e-mail address obfuscated into
  "[email protected]" takes the full stop with it, so the next sentence is glued on; a missing
  space after a full stop ("here.If") is put back, splitting one clause in two; a re-flowed page
  cuts sentences at its line ends. What the joined sentence says stands in the other version.
- A period in a clause that names nothing kept ("a refund within 14 days", "audited in the past
  12 months") is no retention period; one that names data, logs or a cookie's duration still is.
- The name of another document ("read our Cookie Policy") is a name, not a statement about
  cookies; a section titled so still makes its sentences about cookies.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change


def _diff(old: str, new: str) -> list[Change]:
    return compare_documents(
        normalize(old.encode(), "text/plain"), normalize(new.encode(), "text/plain")
    ).changes


def _material(changes: list[Change]) -> list[Change]:
    return [c for c in changes if c.material]


# --- sentences joined or split by the page ------------------------------------------------------

JOINED_BY_OBFUSCATED_ADDRESS = {
    "en": (
        "Ask for a copy of your records by writing to records@example.org. "
        "We may ask you to prove who you are before we answer.",
        "Ask for a copy of your records by writing to [email protected] "
        "We may ask you to prove who you are before we answer.",
    ),
    "fr": (
        "Pour obtenir une copie de vos données, écrivez à vie-privee@example.fr. "
        "Nous pouvons vous demander de prouver votre identité avant de répondre.",
        "Pour obtenir une copie de vos données, écrivez à [email protected] "
        "Nous pouvons vous demander de prouver votre identité avant de répondre.",
    ),
    "de": (
        "Eine Kopie Ihrer Daten können Sie über datenschutz@example.de anfordern. "
        "Wir können Sie bitten, vorher Ihre Identität nachzuweisen.",
        "Eine Kopie Ihrer Daten können Sie über [email protected] anfordern "
        "Wir können Sie bitten, vorher Ihre Identität nachzuweisen.",
    ),
    "zh": (
        "如需获取您的个人信息副本，请发送邮件至privacy@example.cn。我们可能会要求您先验证身份。",
        "如需获取您的个人信息副本，请发送邮件至[email protected]我们可能会要求您先验证身份。",
    ),
}


@pytest.mark.parametrize("lang", sorted(JOINED_BY_OBFUSCATED_ADDRESS))
def test_a_sentence_glued_on_by_an_obfuscated_address_is_no_change(lang: str) -> None:
    old, new = JOINED_BY_OBFUSCATED_ADDRESS[lang]
    changes = _diff(old, new)
    assert changes and not _material(changes), changes


def test_a_new_term_glued_on_by_an_obfuscated_address_still_alerts() -> None:
    old = (
        "Ask for a copy of your records by writing to records@example.org. "
        "We keep your records for two years."
    )
    new = "Ask for a copy of your records by writing to [email protected] We keep your records for ten years."
    alerts = _material(_diff(old, new))
    assert any("retention" in c.categories and c.severity == "high" for c in alerts), alerts


SPLIT_BY_A_SPACE_PUT_BACK = {
    "en": (
        "Residents of some regions may also have the right to write to our privacy officer.If that "
        "does not settle it, they may have more options under local law.",
        "Residents of some regions may also have the right to write to our privacy officer. If that "
        "does not settle it, they may have more options under local law.",
    ),
    "es": (
        "También puede presentar una queja ante nuestro delegado de protección de datos.Si eso no "
        "lo resuelve, puede acudir a la autoridad de control de su país.",
        "También puede presentar una queja ante nuestro delegado de protección de datos. Si eso no "
        "lo resuelve, puede acudir a la autoridad de control de su país.",
    ),
    "nl": (
        "Inwoners van sommige regio's kunnen ook het recht hebben om onze functionaris voor "
        "gegevensbescherming te schrijven.Als dat niet helpt, kunnen zij meer mogelijkheden hebben.",
        "Inwoners van sommige regio's kunnen ook het recht hebben om onze functionaris voor "
        "gegevensbescherming te schrijven. Als dat niet helpt, kunnen zij meer mogelijkheden hebben.",
    ),
}


@pytest.mark.parametrize("lang", sorted(SPLIT_BY_A_SPACE_PUT_BACK))
def test_a_clause_split_in_two_by_a_space_put_back_is_no_change(lang: str) -> None:
    old, new = SPLIT_BY_A_SPACE_PUT_BACK[lang]
    assert not _material(_diff(old, new))
    assert not _material(_diff(new, old))  # and the space lost again


def test_a_reflowed_page_that_cuts_a_sentence_at_its_line_ends_is_no_change() -> None:
    old = "Requests from account holders are answered within thirty days of receipt, in writing.\n"
    new = "Requests from account holders are answered\n\nwithin thirty days of receipt, in writing.\n"
    assert not _material(_diff(old, new))


# --- a period that keeps nothing --------------------------------------------------------------

PERIODS_THAT_KEEP_NOTHING = {
    "en": (
        "You can cancel the order and get your money back within 14 days of delivery.",
        "You can cancel the order and get your money back within 30 days of delivery.",
    ),
    "fr": (
        "Vous pouvez annuler la commande et être remboursé dans les 14 jours suivant la livraison.",
        "Vous pouvez annuler la commande et être remboursé dans les 30 jours suivant la livraison.",
    ),
    "de": (
        "Sie erhalten Ihr Geld innerhalb von 14 Tagen nach der Rücksendung zurück.",
        "Sie erhalten Ihr Geld innerhalb von 30 Tagen nach der Rücksendung zurück.",
    ),
    "sv": (
        "Du kan ångra köpet inom 14 dagar efter leveransen.",
        "Du kan ångra köpet inom 30 dagar efter leveransen.",
    ),
}


@pytest.mark.parametrize("lang", sorted(PERIODS_THAT_KEEP_NOTHING))
def test_a_refund_period_is_no_retention_period(lang: str) -> None:
    old, new = PERIODS_THAT_KEEP_NOTHING[lang]
    assert_quiet(modified(old, new, lang))


def test_a_lookback_in_a_clause_about_no_data_is_no_retention_period() -> None:
    old = "Teams that passed a review in the past 12 months may ask for a higher limit."
    new = "Teams may ask for a higher limit using the request form."
    assert_quiet(modified(old, new))


PERIODS_OF_WHAT_IS_KEPT = {
    "en": ("Server logs: 30 days.", "Server logs: 90 days."),
    "de": ("Protokolldateien: 30 Tage.", "Protokolldateien: 90 Tage."),
    "fr": ("Durée : 13 mois.", "Durée : 25 mois."),
    "nl": ("Looptijd: 6 maanden.", "Looptijd: 24 maanden."),
}


@pytest.mark.parametrize("lang", sorted(PERIODS_OF_WHAT_IS_KEPT))
def test_a_longer_period_for_logs_or_a_cookie_still_alerts(lang: str) -> None:
    old, new = PERIODS_OF_WHAT_IS_KEPT[lang]
    assert_alert(modified(old, new, lang), "retention", "high")


# --- the name of another document ----------------------------------------------------------

POINTERS_TO_A_COOKIE_DOCUMENT = {
    "en": "For the details of each tool, please read our Cookie Policy before you continue.",
    "fr": "Pour le détail de chaque outil, lisez notre politique relative aux cookies avant de continuer.",
    "de": "Einzelheiten zu jedem Werkzeug finden Sie in unserer Cookie-Richtlinie auf dieser Seite.",
    "es": "Para conocer el detalle de cada herramienta, lea nuestra política de cookies antes de seguir.",
    "nl": "Lees voor de details van elk hulpmiddel ons cookiebeleid voordat u verdergaat.",
}


@pytest.mark.parametrize("lang", sorted(POINTERS_TO_A_COOKIE_DOCUMENT))
def test_a_sentence_pointing_to_the_cookie_policy_states_no_tracking_term(lang: str) -> None:
    text = POINTERS_TO_A_COOKIE_DOCUMENT[lang]
    assert_quiet(single("added", text, language=lang))
    assert_quiet(single("removed", text, language=lang))


def test_a_sentence_about_cookies_that_names_the_cookie_policy_still_alerts() -> None:
    text = "We set advertising cookies on your device, as our Cookie Policy explains."
    assert_alert(single("added", text), "tracking")


def test_a_section_titled_cookie_notice_still_gives_its_sentences_their_topic() -> None:
    change = single("added", "We read them again each time you come back to a page.", ("Cookie Notice",))
    assert_alert(change, "tracking")


# --- a run-in label opens its paragraph's first rule ------------------------------------------


def test_a_title_case_label_opening_a_paragraph_is_no_clause_of_its_own() -> None:
    old = "Sharing\n\nWe pass order details to the courier that delivers your parcel.\n"
    new = (
        "Sharing\n\nOrders Placed through a Partner Shop or App. "
        "We pass order details to the courier that delivers your parcel.\n"
    )
    changes = _diff(old, new)
    assert changes and not _material(changes), changes


def test_a_paragraph_added_with_its_label_still_alerts() -> None:
    old = "Sharing\n\nWe pass order details to the courier that delivers your parcel.\n"
    new = (
        old + "\nOffers From Our Partner Insurance Companies. "
        "We share your name and address with insurers who sell parcel cover.\n"
    )
    changes = _diff(old, new)
    alerts = _material(changes)
    assert alerts and all("sharing" in c.categories for c in alerts), alerts
    assert all(c.new is not None and c.new.text.startswith("We share") for c in alerts), alerts
    assert any(c.new is not None and c.new.is_heading for c in changes if c not in alerts), changes


def test_a_listed_tool_in_title_case_is_still_a_list_item_of_its_own() -> None:
    old = "Tools\n\n- Northwind Analytics.\n- Contoso Pixel.\n"
    new = "Tools\n\n- Northwind Analytics.\n"
    removed = [c for c in _diff(old, new) if c.kind == "removed"]
    assert [c.old.text for c in removed if c.old] == ["Contoso Pixel."]


# --- the same period, read under another category -------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "lang"),
    [
        (
            "uid | Gives each browser an ID so that we can pick adverts for it | 1 year",
            "uid | Gives each browser an ID used for measurement purposes | 1 year",
            "en",
        ),
        (
            "uid | Attribue un identifiant à chaque navigateur | 13 mois",
            "uid | Attribue un identifiant à chaque navigateur à des fins de mesure | 13 mois",
            "fr",
        ),
    ],
)
def test_a_period_that_stays_the_same_is_no_period_change(old: str, new: str, lang: str) -> None:
    change = modified(old, new, lang)
    assert not any(f.kind == "duration" for f in change.facts), change


# --- "permanently" beside a deletion makes it final; it keeps nothing --------------------------

FINAL_DELETIONS = {
    "en": (
        "We delete your photos 30 days after you close your account.",
        "We permanently delete your photos 30 days after you close your account.",
    ),
    "de": (
        "Wir löschen Ihre Fotos, sobald Sie Ihr Konto schließen.",
        "Wir löschen Ihre Fotos dauerhaft, sobald Sie Ihr Konto schließen.",
    ),
    "fr": (
        "Vos photos sont supprimées dès la clôture de votre compte.",
        "Vos photos sont supprimées définitivement dès la clôture de votre compte.",
    ),
    "es": (
        "Sus fotos se eliminan cuando cierra su cuenta.",
        "Sus fotos se eliminan permanentemente cuando cierra su cuenta.",
    ),
    "hr": (
        "Vaše fotografije brišemo nakon zatvaranja računa.",
        "Vaše fotografije trajno brišemo nakon zatvaranja računa.",
    ),
    "zh": ("您注销账户后，我们会删除您的照片。", "您注销账户后，我们会永久删除您的照片。"),
}


@pytest.mark.parametrize("lang", sorted(FINAL_DELETIONS))
def test_a_deletion_made_permanent_keeps_nothing_for_ever(lang: str) -> None:
    old, new = FINAL_DELETIONS[lang]
    assert_quiet(modified(old, new, lang))


KEPT_FOR_EVER = {
    "en": ("We keep your photos for 90 days.", "We keep your photos permanently."),
    "de": ("Wir speichern Ihre Fotos 90 Tage lang.", "Wir speichern Ihre Fotos dauerhaft."),
    "sl": ("Vaše fotografije hranimo 90 dni.", "Vaše fotografije hranimo trajno."),
    "zh": ("我们会保存您的照片90天。", "我们会永久保存您的照片。"),
}


@pytest.mark.parametrize("lang", sorted(KEPT_FOR_EVER))
def test_data_kept_permanently_still_alerts(lang: str) -> None:
    old, new = KEPT_FOR_EVER[lang]
    change = modified(old, new, lang)
    assert_alert(change, "retention", "high")
    assert any(f.kind == "retention_state" and f.new == "indefinite" for f in change.facts), change


# --- "US" in an all-capitals line is the pronoun -----------------------------------------------


def test_contact_us_in_capitals_names_no_country() -> None:
    old = "To stop us passing your details to these partners, please CONTACT US."
    new = "To stop us passing your details to these partners, please write to privacy@example.com."
    assert_quiet(modified(old, new))


def test_the_us_as_a_destination_still_alerts() -> None:
    old = "We pass your details to partners whose servers are in Canada."
    new = "We pass your details to partners whose servers are in the US."
    assert_alert(modified(old, new), "transfer")


# --- "sellers" and "disclosures" are nouns: a party and a notice, no sale or disclosure ---------

NOUNS_OF_THE_ACTION = {
    "en": (
        "Orders are shipped by the shop; we never sell your address.",
        "Orders are shipped by marketplace sellers; we never sell your address.",
    ),
    "fr": (
        "Les commandes sont expédiées par la boutique ; nous ne vendons jamais votre adresse.",
        "Les commandes sont expédiées par les vendeurs ; nous ne vendons jamais votre adresse.",
    ),
    "es": (
        "Los pedidos los envía la tienda; nunca vendemos su dirección.",
        "Los pedidos los envían los vendedores; nunca vendemos su dirección.",
    ),
    "sv": (
        "Beställningar skickas av butiken; vi säljer aldrig din adress.",
        "Beställningar skickas av säljarna; vi säljer aldrig din adress.",
    ),
}


@pytest.mark.parametrize("lang", sorted(NOUNS_OF_THE_ACTION))
def test_marketplace_sellers_beside_a_ban_on_selling_lift_no_ban(lang: str) -> None:
    old, new = NOUNS_OF_THE_ACTION[lang]
    assert_quiet(modified(old, new, lang))


def test_a_pointer_to_in_app_disclosures_discloses_nothing() -> None:
    old = "We do not disclose your contacts to anyone."
    new = "We do not disclose your contacts to anyone, as our in-app disclosures explain."
    assert_quiet(modified(old, new))


def test_a_ban_on_selling_lifted_still_alerts_high() -> None:
    old = "Orders are shipped by marketplace sellers; we never sell your address."
    new = "Orders are shipped by marketplace sellers; we may sell your address."
    assert_alert(modified(old, new), "sharing", "high")


# --- "to your e-mail address": where a message goes, not data collected -------------------------

SENT_TO_YOUR_ADDRESS = {
    "en": "We will send a confirmation link to your email address before the new plan starts.",
    "de": "Vor dem Wechsel senden wir einen Bestätigungslink an Ihre E-Mail-Adresse.",
    "fr": "Avant le changement, nous enverrons un lien de confirmation à votre adresse e-mail.",
    "zh": "登录时，我们会将一次性验证码发送至您的电子邮箱。",
}


@pytest.mark.parametrize("lang", sorted(SENT_TO_YOUR_ADDRESS))
def test_a_message_sent_to_your_address_collects_nothing(lang: str) -> None:
    assert_quiet(single("added", SENT_TO_YOUR_ADDRESS[lang], language=lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("When you sign up we collect your email address and your phone number.", "en"),
        ("Bei der Anmeldung erheben wir Ihre E-Mail-Adresse und Ihre Telefonnummer.", "de"),
    ],
)
def test_your_address_collected_is_still_collection(text: str, lang: str) -> None:
    assert_alert(single("added", text, language=lang), "collection")


# --- compound number words -------------------------------------------------------------------

COMPOUND_PERIODS = {
    "fr": (
        "Nous conservons vos factures pendant douze mois.",
        "Nous conservons vos factures pendant vingt-quatre mois.",
    ),
    "es": (
        "Conservamos sus facturas durante doce meses.",
        "Conservamos sus facturas durante treinta y seis meses.",
    ),
    "de": (
        "Wir speichern Ihre Rechnungen zwölf Monate.",
        "Wir speichern Ihre Rechnungen achtundvierzig Monate.",
    ),
    "sv": ("Vi sparar dina fakturor i tolv månader.", "Vi sparar dina fakturor i tjugofyra månader."),
    "en": ("We keep your invoices for twelve months.", "We keep your invoices for thirty-six months."),
}


@pytest.mark.parametrize("lang", sorted(COMPOUND_PERIODS))
def test_a_period_written_as_a_compound_number_is_read_whole(lang: str) -> None:
    old, new = COMPOUND_PERIODS[lang]
    change = modified(old, new, lang)
    assert_alert(change, "retention", "high")
    assert any(f.kind == "duration" and f.direction == "longer" for f in change.facts), change


def test_an_unknown_compound_number_is_never_read_as_its_last_part() -> None:
    change = modified(
        "Nous conservons vos factures pendant dix mois.",
        "Nous conservons vos factures pendant soixante-quatre mois.",
        "fr",
    )
    assert not any(f.kind == "duration" and f.direction == "shorter" for f in change.facts), change


# --- "only as long as needed" is the same retention rule ------------------------------------

ONLY_AS_LONG_AS_NEEDED = {
    "en": (
        "We keep your invoices for as long as necessary to run your account.",
        "We retain your invoices only as long as needed to run your account.",
    ),
    "de": (
        "Wir speichern Ihre Rechnungen so lange wie erforderlich.",
        "Wir speichern Ihre Rechnungen nur so lange wie erforderlich.",
    ),
    "fr": (
        "Nous conservons vos factures pendant la durée nécessaire.",
        "Nous conservons vos factures uniquement pendant la durée nécessaire.",
    ),
}


@pytest.mark.parametrize("lang", sorted(ONLY_AS_LONG_AS_NEEDED))
def test_only_before_as_long_as_needed_is_no_new_limit(lang: str) -> None:
    old, new = ONLY_AS_LONG_AS_NEEDED[lang]
    assert_quiet(modified(old, new, lang))


def test_only_that_limits_a_recipient_is_still_a_limit() -> None:
    change = modified(
        "We keep your invoices for as long as necessary and share them with our auditors.",
        "We keep your invoices for as long as necessary and share them only with our auditors.",
    )
    assert change.material, change


# --- "please do not ...": an instruction to the reader ------------------------------------------

INSTRUCTIONS_REWORDED = {
    "en": ("If you are under 16, please do not sign up.", "If you are under 16, you may not sign up."),
    "fr": (
        "Si vous avez moins de 16 ans, veuillez ne pas vous inscrire.",
        "Si vous avez moins de 16 ans, vous ne pouvez pas vous inscrire.",
    ),
    "nl": (
        "Als u jonger bent dan 16, gelieve u niet te registreren.",
        "Als u jonger bent dan 16, mag u zich niet registreren.",
    ),
}


@pytest.mark.parametrize("lang", sorted(INSTRUCTIONS_REWORDED))
def test_please_do_not_said_as_you_may_not_is_quiet(lang: str) -> None:
    old, new = INSTRUCTIONS_REWORDED[lang]
    assert_quiet(modified(old, new, lang))


def test_a_ban_on_the_service_lifted_beside_an_instruction_still_alerts() -> None:
    old = "Please do not post your address in public; we never share it with advertisers."
    new = "Please do not post your address in public; we may share it with advertisers."
    assert_alert(modified(old, new), "sharing", "high")


# --- a right restated with more words in between -------------------------------------------------


def test_withdrawing_consent_with_effect_for_the_future_is_the_same_right() -> None:
    old = "Sie können Ihre Einwilligung jederzeit widerrufen."
    new = "Sie können Ihre Einwilligung jederzeit mit Wirkung für die Zukunft widerrufen."
    assert_quiet(modified(old, new, "de"))


# --- aggregated or anonymised data turned into personal data -----------------------------------

AGGREGATE_DROPPED = {
    "en": ("We share aggregated data with advertisers.", "We share your personal data with advertisers."),
    "de": (
        "Wir geben aggregierte Daten an Werbepartner weiter.",
        "Wir geben Ihre personenbezogenen Daten an Werbepartner weiter.",
    ),
    "fr": (
        "Nous partageons des données agrégées avec des annonceurs.",
        "Nous partageons vos données personnelles avec des annonceurs.",
    ),
    "es": (
        "Compartimos datos agregados con anunciantes.",
        "Compartimos sus datos personales con anunciantes.",
    ),
}


@pytest.mark.parametrize("lang", sorted(AGGREGATE_DROPPED))
def test_aggregated_data_shared_as_personal_data_alerts(lang: str) -> None:
    old, new = AGGREGATE_DROPPED[lang]
    change = modified(old, new, lang)
    assert_alert(change, "sharing", "high")


def test_our_aggregate_liability_is_no_safeguard() -> None:
    old = "Our aggregate liability is limited to the fees you paid."
    new = "Our total liability is limited to the fees you paid in the last year."
    assert_quiet(modified(old, new))


# --- an age is "de 16 ans" after a person, not any "de 3 ans" ------------------------------------


def test_a_french_period_of_three_years_is_no_age() -> None:
    change = modified(
        "Vos factures sont conservées 3 ans au plus.",
        "Vos factures sont conservées 5 ans au plus, soit une durée de 5 ans.",
        "fr",
    )
    assert not any(f.kind == "age" for f in change.facts), change
    assert any(f.kind == "duration" and f.direction == "longer" for f in change.facts), change


def test_a_french_age_after_a_person_is_still_an_age() -> None:
    change = modified(
        "Le service est réservé aux utilisateurs de 16 ans et plus.",
        "Le service est réservé aux utilisateurs de 13 ans et plus.",
        "fr",
    )
    assert_alert(change, "children", "high")


def test_a_new_server_location_in_a_list_alerts() -> None:
    change = modified(
        "Our servers are located in Germany and Austria.",
        "Our servers are located in Germany, Austria and Singapore.",
    )
    assert_alert(change, "transfer")


# --- "under 12 months" is a period, not an age -----------------------------------------------

UNDER_A_PERIOD = {
    "en": ("We keep server logs for under 12 months.", "We keep server logs for under 24 months."),
    "de": ("Wir speichern Protokolle unter 12 Monaten.", "Wir speichern Protokolle unter 24 Monaten."),
}


@pytest.mark.parametrize("lang", sorted(UNDER_A_PERIOD))
def test_under_a_number_of_months_is_a_period_not_an_age(lang: str) -> None:
    old, new = UNDER_A_PERIOD[lang]
    change = modified(old, new, lang)
    assert_alert(change, "retention", "high")
    assert "children" not in change.categories, change


def test_under_a_number_of_years_of_age_is_still_an_age() -> None:
    change = modified(
        "Users under 16 years of age cannot sign up.", "Users under 13 years of age cannot sign up."
    )
    assert_alert(change, "children", "high")


# --- the page's title is not the topic of a deep section --------------------------------------

TITLED_PAGES = {
    "en": ("Northwind Privacy and Security Statement", "Details", "Contact information"),
    "fr": ("Politique de confidentialité et de sécurité", "Détails", "Nous joindre"),
    "de": ("Datenschutz- und Sicherheitserklärung", "Einzelheiten", "So erreichen Sie uns"),
}
PLAIN_SENTENCES = {
    "en": "This page was written to be easy to read with a screen reader.",
    "fr": "Cette page a été rédigée pour être facile à lire avec un lecteur d'écran.",
    "de": "Diese Seite wurde so geschrieben, dass sie mit einem Bildschirmleser gut lesbar ist.",
}


@pytest.mark.parametrize("lang", sorted(TITLED_PAGES))
def test_a_plain_sentence_deep_under_the_page_title_takes_no_topic_from_it(lang: str) -> None:
    assert_quiet(single("added", PLAIN_SENTENCES[lang], TITLED_PAGES[lang], lang))


def test_a_plain_sentence_under_a_section_about_cookies_still_takes_its_topic() -> None:
    section = ("Northwind Privacy Statement", "Cookies and similar tools", "How long they last")
    change = single("added", "We set them when you first open a page and read them on later visits.", section)
    assert_alert(change, "tracking")


# --- a negation does not reach past "but" or "because" -----------------------------------------

SHARING_AFTER_A_BAN_ON_SELLING = {
    "en": ("We do not sell your data.", "We do not sell your data, but we share it with advertisers."),
    "de": (
        "Wir verkaufen Ihre Daten nicht.",
        "Wir verkaufen Ihre Daten nicht, aber wir teilen sie mit Werbepartnern.",
    ),
    "fr": (
        "Nous ne vendons pas vos données.",
        "Nous ne vendons pas vos données, mais nous les partageons avec des annonceurs.",
    ),
    "sv": (
        "Vi säljer inte dina uppgifter.",
        "Vi säljer inte dina uppgifter, men vi delar dem med annonsörer.",
    ),
}


@pytest.mark.parametrize("lang", sorted(SHARING_AFTER_A_BAN_ON_SELLING))
def test_sharing_added_after_but_is_sharing_not_a_new_ban(lang: str) -> None:
    old, new = SHARING_AFTER_A_BAN_ON_SELLING[lang]
    change = modified(old, new, lang)
    assert_alert(change, "sharing", "high")
    assert not any(f.kind == "polarity" and f.direction == "negated" for f in change.facts), change


def test_a_restriction_dropped_before_because_lifts_no_ban_on_sharing() -> None:
    old = "Sign-in is required and sync cannot be turned off because it provides parental controls."
    new = "Sign-in is required for parental controls."
    assert not any(f.kind == "polarity" for f in modified(old, new).facts)


# --- a broken rule is no security breach --------------------------------------------------------

BROKEN_RULES = {
    "en": (
        "We may remove posts that are in violation of these provisions.",
        "We may remove posts that are in breach of these provisions.",
    ),
    "fr": (
        "Nous pouvons retirer les publications contraires aux présentes conditions.",
        "Nous pouvons retirer les publications en violation des présentes conditions.",
    ),
    "nl": (
        "Wij kunnen berichten verwijderen die in strijd zijn met deze voorwaarden.",
        "Wij kunnen berichten verwijderen die inbreuk maken op deze voorwaarden.",
    ),
}


@pytest.mark.parametrize("lang", sorted(BROKEN_RULES))
def test_a_rule_broken_said_as_breach_is_no_security_term(lang: str) -> None:
    old, new = BROKEN_RULES[lang]
    assert_quiet(modified(old, new, lang))


def test_a_post_that_breaches_someone_elses_rights_is_no_security_term() -> None:
    old = "Do not upload a photo that violates someone else's rights."
    new = "Do not upload a photo that breaches someone else's rights."
    assert_quiet(modified(old, new))


def test_a_slower_breach_notice_still_alerts() -> None:
    old = "If a breach affects your account, we will tell you within 72 hours."
    new = "If a breach affects your account, we will tell you within 7 days."
    assert_alert(modified(old, new), "security", "high")


# --- "for the purposes of this Agreement" is a definition's scope ------------------------------

DEFINITION_SCOPES = {
    "en": (
        "Words defined in the Main Terms have the same meaning here.",
        "For the purposes of this Agreement, words defined in the Main Terms have the same meaning here.",
    ),
    "fr": (
        "Les mots définis dans les Conditions générales ont le même sens ici.",
        "Aux fins des présentes, les mots définis dans les Conditions générales ont le même sens ici.",
    ),
}


@pytest.mark.parametrize("lang", sorted(DEFINITION_SCOPES))
def test_for_the_purposes_of_this_agreement_states_no_purpose(lang: str) -> None:
    old, new = DEFINITION_SCOPES[lang]
    assert_quiet(modified(old, new, lang))


# --- an audit or a backup outside a clause about security -----------------------------------------


def test_a_compliance_audit_to_raise_a_quota_is_no_security_measure() -> None:
    old = "To raise your quota, complete an API Compliance Audit and describe your use case."
    new = "To raise your quota, fill in this form and describe your use case."
    assert_quiet(modified(old, new))


@pytest.mark.parametrize(
    ("old", "new", "lang"),
    [
        (
            "We protect your data with encryption and regular security audits.",
            "We protect your data with encryption.",
            "en",
        ),
        (
            "Wir schützen Ihre Daten durch Verschlüsselung und regelmäßige Audits.",
            "Wir schützen Ihre Daten durch Verschlüsselung.",
            "de",
        ),
    ],
)
def test_security_audits_dropped_from_a_security_clause_still_alert(old: str, new: str, lang: str) -> None:
    assert_alert(modified(old, new, lang), "security", "high")


# --- a list entry or a table row means what its section says ------------------------------------


def _md(old: str, new: str) -> list[Change]:
    return compare_documents(
        normalize(old.encode(), "text/markdown"), normalize(new.encode(), "text/markdown")
    ).changes


SHARING_LIST = (
    "## Who we share your data with\n\nWe pass your details to:\n\n- payment processors\n- parcel carriers\n"
)


def test_a_recipient_added_to_a_list_under_a_sharing_heading_alerts() -> None:
    alerts = _material(_md(SHARING_LIST, SHARING_LIST + "- data brokers\n"))
    assert alerts and all("sharing" in c.categories for c in alerts), alerts


def test_a_recipient_without_a_keyword_added_to_such_a_list_alerts() -> None:
    alerts = _material(_md(SHARING_LIST, SHARING_LIST + "- insurance comparison sites\n"))
    assert alerts and all("sharing" in c.categories for c in alerts), alerts


COOKIE_TABLE = (
    "## Cookies we set\n\n| Name | Provider | Purpose | Lifetime |\n|---|---|---|---|\n"
    "| sid | Northwind | Keeps you signed in | Session |\n"
)


def test_a_cookie_row_added_to_a_cookie_table_alerts() -> None:
    alerts = _material(_md(COOKIE_TABLE, COOKIE_TABLE + "| adid | Contoso | Ad measurement | 13 months |\n"))
    assert alerts and all("tracking" in c.categories for c in alerts), alerts


def test_list_entries_reordered_or_a_site_link_listed_are_quiet() -> None:
    reordered = (
        "## Who we share your data with\n\nWe pass your details to:\n\n"
        "- parcel carriers\n- payment processors\n"
    )
    assert not _material(_md(SHARING_LIST, reordered))
    assert not _material(_md(SHARING_LIST, SHARING_LIST + "- help.northwind.example\n"))


# --- a period for something held or archived, named by a pronoun, is still retention ---------------

KEPT_BY_PRONOUN = {
    "en": ("They are archived for 2 years.", "They are archived for 5 years."),
    "fr": ("Nous les gardons 2 ans.", "Nous les gardons 5 ans."),
    "de": ("Wir bewahren sie 2 Jahre auf.", "Wir bewahren sie 5 Jahre auf."),
    "es": ("Las guardamos durante 2 años.", "Las guardamos durante 5 años."),
    "sv": ("Vi sparar dem i 2 år.", "Vi sparar dem i 5 år."),
    "zh": ("我们将其保存2年。", "我们将其保存5年。"),
}


@pytest.mark.parametrize("lang", sorted(KEPT_BY_PRONOUN))
def test_a_longer_period_for_what_a_pronoun_names_still_alerts(lang: str) -> None:
    old, new = KEPT_BY_PRONOUN[lang]
    assert_alert(modified(old, new, lang), "retention", "high")


def test_croatian_data_in_the_plural_names_something_kept() -> None:
    # "podaci" (data) is the plural of "podatak": a period in a sentence about it is retention
    change = modified(
        "Podaci o narudžbama brišu se nakon dvije godine.",
        "Podaci o narudžbama brišu se nakon pet godina.",
        "hr",
    )
    assert_alert(change, "retention")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "es",
            "Lea nuestra Política de cookies para saber más.",
            "Lea nuestra Información sobre cookies para saber más.",
        ),
        ("en", "See our Cookie Notice for details.", "See more information about cookies for details."),
    ],
)
def test_a_pointer_to_the_cookie_document_renamed_is_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))
