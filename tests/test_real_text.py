"""Patterns seen on real policy text (issue 10), each stated in new sentences, in several languages.

A fact comes from what a clause states: link targets, URLs, e-mail addresses and company names
state nothing. A dropped qualifier that narrowed a promise ("end-to-end") is material.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.classify import classify, resplit
from monitor.engine.facts import extract_facts
from monitor.models import Change, Clause

# --- names, links and URLs state nothing ---------------------------------------------------------

LINK_SWAPS = {
    "en": "To object to profiling, write to our privacy team at {}.",
    "de": "Um der Profilbildung zu widersprechen, schreiben Sie an unser Datenschutzteam unter {}.",
    "fr": "Pour vous opposer au profilage, écrivez à notre équipe vie privée à {}.",
    "es": "Para oponerse a la elaboración de perfiles, escriba a nuestro equipo de privacidad en {}.",
}


@pytest.mark.parametrize("lang", sorted(LINK_SWAPS))
def test_an_obfuscated_email_link_replaced_by_the_plain_address_is_a_contact_change(lang: str) -> None:
    template = LINK_SWAPS[lang]
    old = template.format("[\\[email protected\\]](https://www.example.org/cdn-cgi/l/email-protection)")
    new = template.format("privacy-team@example.org")
    change = modified(old, new, lang)
    assert_quiet(change)
    assert "security" not in change.categories  # "https" in a link target is no encryption


def test_https_in_a_url_is_not_an_encryption_measure() -> None:
    facts = extract_facts("Read our settings page at https://help.example.net/settings for details.", "en")
    assert not facts.security_measures
    assert extract_facts("All traffic to our app is protected with HTTPS.", "en").security_measures


def test_a_link_label_naming_a_country_is_no_transfer_destination() -> None:
    old = "We store account data on servers in the EU; see [our office in Japan](https://example.jp/about)."
    new = "We store account data on servers in the EU; see [our office in Brazil](https://example.br/about)."
    assert_quiet(modified(old, new))


@pytest.mark.parametrize(
    "text,lang",
    [
        ("We share booking data with Bluefin Partners LLC, our payment processor.", "en"),
        ("Wir geben Buchungsdaten an die Seeblick Partner GmbH weiter.", "de"),
    ],
)
def test_a_company_name_holding_a_recipient_word_names_no_recipient(text: str, lang: str) -> None:
    assert "partners" not in extract_facts(text, lang).recipients


# --- a dropped qualifier of a security promise ----------------------------------------------------

END_TO_END = {
    "en": (
        "Voice notes between members are end-to-end encrypted.",
        "Voice notes between members are encrypted.",
    ),
    "de": ("Sprachnachrichten werden Ende-zu-Ende-verschlüsselt.", "Sprachnachrichten werden verschlüsselt."),
    "fr": ("Les notes vocales sont chiffrées de bout en bout.", "Les notes vocales sont chiffrées."),
    "es": ("Las notas de voz se cifran de extremo a extremo.", "Las notas de voz se cifran."),
    "da": ("Talebeskeder er krypteret ende-til-ende.", "Talebeskeder er krypteret."),
    "sv": ("Röstmeddelanden är krypterade end-to-end.", "Röstmeddelanden är krypterade."),
    "no": ("Talemeldinger er kryptert ende-til-ende.", "Talemeldinger er kryptert."),
    "zh": ("语音消息采用端到端加密。", "语音消息采用加密。"),
}


@pytest.mark.parametrize("lang", sorted(END_TO_END))
def test_dropping_end_to_end_from_an_encryption_promise_is_high(lang: str) -> None:
    old, new = END_TO_END[lang]
    change = modified(old, new, lang)
    assert_alert(change, "security", "high")
    assert "end-to-end" in change.explanation
    assert_alert(modified(new, old, lang), "security")  # and the promise added is news too


# --- conditions and safeguards inside a sentence ----------------------------------------------------

DROPPED_CONDITION = {
    "en": ("We pass your location to partners only if you allow it.", "We pass your location to partners."),
    "de": (
        "Wir geben Ihren Standort nur mit Ihrer Einwilligung an Partner weiter.",
        "Wir geben Ihren Standort an Partner weiter.",
    ),
    "fr": (
        "Nous partageons votre position avec nos partenaires uniquement avec votre accord.",
        "Nous partageons votre position avec nos partenaires.",
    ),
    "es": (
        "Compartimos su ubicación con socios solo con su consentimiento.",
        "Compartimos su ubicación con socios.",
    ),
    "da": (
        "Vi deler din placering med partnere kun med dit samtykke.",
        "Vi deler din placering med partnere.",
    ),
    "sv": (
        "Vi delar din position med partner endast med ditt samtycke.",
        "Vi delar din position med partner.",
    ),
    "no": (
        "Vi deler posisjonen din med partnere kun med ditt samtykke.",
        "Vi deler posisjonen din med partnere.",
    ),
    "zh": ("我们仅在征得你的同意后向合作伙伴共享你的位置信息。", "我们会向合作伙伴共享你的位置信息。"),
}


@pytest.mark.parametrize("lang", sorted(DROPPED_CONDITION))
def test_a_consent_condition_dropped_from_a_sharing_sentence_is_high(lang: str) -> None:
    old, new = DROPPED_CONDITION[lang]
    change = modified(old, new, lang)
    assert_alert(change, "sharing", "high")
    assert "no longer requires your consent" in change.explanation  # said plainly, not quoted
    narrowed = modified(new, old, lang)
    assert_alert(narrowed, "sharing")
    assert narrowed.severity != "high"  # a condition added narrows what may be done


ADEQUACY = {
    "en": (
        "We send data abroad only to countries covered by an adequacy decision.",
        "We send data abroad to other countries.",
    ),
    "de": (
        "Wir übermitteln Daten in Drittländer nur auf Grundlage eines Angemessenheitsbeschlusses.",
        "Wir übermitteln Daten in Drittländer.",
    ),
    "fr": (
        "Nous transférons des données vers des pays tiers uniquement avec une décision d'adéquation.",
        "Nous transférons des données vers des pays tiers.",
    ),
    "es": (
        "Transferimos datos a terceros países solo con una decisión de adecuación.",
        "Transferimos datos a terceros países.",
    ),
}


@pytest.mark.parametrize("lang", sorted(ADEQUACY))
def test_a_transfer_safeguard_dropped_from_inside_a_sentence_is_high(lang: str) -> None:
    old, new = ADEQUACY[lang]
    assert_alert(modified(old, new, lang), "transfer", "high")


# --- equivalent ways of saying no -----------------------------------------------------------------

EQUIVALENT_NEGATIONS = [
    (
        "en",
        "We neither sell nor rent your contact list to anyone.",
        "We do not sell or rent your contact list to anyone.",
    ),
    (
        "en",
        "We won't share your health data with insurers unless you agree.",
        "We share your health data with insurers only with your consent.",
    ),
    ("en", "Your browsing history will never be sold.", "We never sell your browsing history."),
    (
        "de",
        "Wir geben Ihre Kontakte nicht an Dritte weiter, es sei denn, Sie willigen ein.",
        "Wir geben Ihre Kontakte nur mit Ihrer Einwilligung an Dritte weiter.",
    ),
    (
        "fr",
        "Nous ne partageons pas vos contacts avec des tiers, sauf si vous y consentez.",
        "Nous partageons vos contacts avec des tiers uniquement avec votre consentement.",
    ),
    (
        "es",
        "No compartimos sus contactos con terceros, salvo que usted lo autorice.",
        "Solo compartimos sus contactos con terceros con su autorización.",
    ),
    (
        "da",
        "Vi deler ikke dine kontakter med tredjeparter, medmindre du giver samtykke.",
        "Vi deler kun dine kontakter med tredjeparter med dit samtykke.",
    ),
    (
        "sv",
        "Vi delar inte dina kontakter med tredje part om du inte samtycker.",
        "Vi delar endast dina kontakter med tredje part med ditt samtycke.",
    ),
    (
        "no",
        "Vi deler ikke kontaktene dine med tredjeparter med mindre du samtykker.",
        "Vi deler kun kontaktene dine med tredjeparter med ditt samtykke.",
    ),
    # two banned actions said again in the passive voice: the same ban, not new list entries
    ("en", "We do not sell or rent your purchase history.", "Your purchase history is never sold or rented."),
    (
        "fr",
        "Nous ne vendons pas et ne louons pas votre historique d'achats.",
        "Votre historique d'achats n'est jamais vendu ni loué.",
    ),
    (
        "zh",
        "除非经你同意，我们不会向第三方共享你的通讯录。",
        "我们仅在征得你的同意后向第三方共享你的通讯录。",
    ),
]


@pytest.mark.parametrize("lang,old,new", EQUIVALENT_NEGATIONS)
def test_an_equivalent_rewording_of_a_negation_is_quiet(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


def test_a_real_flip_of_a_conditional_promise_still_alerts() -> None:
    old = "We won't share your health data with insurers unless you agree."
    assert_alert(modified(old, "We share your health data with insurers."), "sharing", "high")


# --- the user's own details are data collected; the controller's are contact details ---------------

OWN_DETAILS = {
    "en": (
        "At sign-up we ask for your nickname and your phone number.",
        "Write to our privacy office by e-mail.",
    ),
    "de": (
        "Bei der Anmeldung fragen wir nach Ihrer Telefonnummer.",
        "Sie erreichen unser Datenschutzteam per E-Mail.",
    ),
    "fr": (
        "Lors de l'inscription, nous vous demandons votre numéro de téléphone.",
        "Écrivez à notre équipe par courriel.",
    ),
    "es": (
        "Al registrarse le pedimos su número de teléfono.",
        "Puede escribir a nuestro equipo por correo electrónico.",
    ),
    "zh": ("注册时我们会请你提供你的电话号码。", "你可以通过电话联系我们。"),
}


@pytest.mark.parametrize("lang", sorted(OWN_DETAILS))
def test_the_users_own_phone_number_is_collection_ours_is_contact(lang: str) -> None:
    own, ours = OWN_DETAILS[lang]
    assert "collection" in extract_facts(own, lang).categories
    assert "contact" not in extract_facts(own, lang).categories
    assert extract_facts(ours, lang).categories == ("contact",)


def test_sending_a_question_to_our_address_is_contact() -> None:
    assert extract_facts("Send your question to the postal address below.", "en").categories == ("contact",)


def test_a_new_contact_field_in_a_list_of_data_we_process_is_material() -> None:
    old = "For the loyalty club we process your details (first name, e-mail address, birthday, etc.)."
    new = "For the loyalty club we process your details (first name, e-mail address, birthday, mobile, etc.)."
    assert_alert(modified(old, new), "collection")


def test_a_data_protection_officers_new_address_is_not_a_security_change() -> None:
    old = "Le délégué à la protection des données est joignable au 4 rue des Lilas, 75010 Paris."
    new = "Le délégué à la protection des données est joignable au 12 avenue Foch, 69006 Lyon."
    change = modified(old, new, "fr")
    assert_quiet(change)
    assert "security" not in change.categories


# --- rights stated in new words ----------------------------------------------------------------------

HUMAN_REVIEW = {
    "en": "If a decision is made by automated means alone, you may obtain human intervention.",
    "fr": "Pour une décision entièrement automatisée, vous pouvez contester la décision.",
    "de": "Bei einer automatisierten Entscheidung haben Sie das Recht auf Eingreifen einer Person.",
    "es": "Ante decisiones automatizadas, puede obtener intervención humana.",
    "da": "Ved automatiske afgørelser kan du kræve menneskelig indgriben og bestride afgørelsen.",
    "sv": "Vid automatiserade beslut kan du begära mänskligt ingripande och bestrida beslutet.",
    "no": "Ved automatiserte avgjørelser kan du kreve menneskelig inngripen og bestride avgjørelsen.",
    "zh": "对于仅通过自动化决策作出的决定，你有权要求人工干预。",
}


@pytest.mark.parametrize("lang", sorted(HUMAN_REVIEW))
def test_a_new_right_to_human_review_of_automated_decisions_is_a_rights_change(lang: str) -> None:
    (change,) = classify([Change("added", None, Clause(5, HUMAN_REVIEW[lang], language=lang))])
    assert_alert(change, "rights")


def test_a_deletion_request_open_to_everyone_is_a_rights_clause() -> None:
    text = "Anyone who wants to have their personal data deleted can request it by writing to our support."
    assert "rights" in extract_facts(text, "en").categories


PUBLIC = {
    "en": "Members of open groups will be able to see your city and your group memberships.",
    "fr": "Votre ville et vos groupes sont visibles par les autres membres.",
    "de": "Ihre Stadt und Ihre Gruppen sind für andere Mitglieder sichtbar.",
    "es": "Su ciudad y sus grupos son visibles para otros miembros.",
    "da": "Din by og dine grupper er synlige for andre medlemmer.",
    "sv": "Din stad och dina grupper är synliga för andra medlemmar.",
    "no": "Byen din og gruppene dine er synlige for andre medlemmer.",
}


@pytest.mark.parametrize("lang", sorted(PUBLIC))
def test_data_made_visible_to_other_users_is_sharing(lang: str) -> None:
    assert "sharing" in extract_facts(PUBLIC[lang], lang).categories


# --- weak languages and severities -------------------------------------------------------------------

PARENTAL = {
    "en": (
        "We register members under 16 only with the consent of a parent.",
        "We register members under 16.",
    ),
    "de": (
        "Nutzer unter 16 Jahren registrieren wir mit Einwilligung der Erziehungsberechtigten.",
        "Nutzer unter 16 Jahren registrieren wir.",
    ),
    "fr": (
        "Les mineurs de moins de 15 ans s'inscrivent avec l'autorisation de leurs parents.",
        "Les mineurs de moins de 15 ans s'inscrivent.",
    ),
    "es": (
        "Los menores de 14 años se registran con el consentimiento de sus padres.",
        "Los menores de 14 años se registran.",
    ),
    "da": (
        "Børn under 13 år kan oprette en konto med forældres samtykke.",
        "Børn under 13 år kan oprette en konto.",
    ),
    "sv": (
        "Barn under 13 år kan skapa ett konto med vårdnadshavares samtycke.",
        "Barn under 13 år kan skapa ett konto.",
    ),
    "no": (
        "Barn under 13 år kan opprette en konto med foreldres samtykke.",
        "Barn under 13 år kan opprette en konto.",
    ),
    "zh": ("不满14周岁的儿童须在监护人同意后注册账号。", "不满14周岁的儿童可以注册账号。"),
}


@pytest.mark.parametrize("lang", sorted(PARENTAL))
def test_dropping_parental_consent_for_children_is_high(lang: str) -> None:
    old, new = PARENTAL[lang]
    change = modified(old, new, lang)
    assert_alert(change, "children", "high")
    assert "parental consent is no longer required for children's data" in change.explanation.lower()


NEW_RECIPIENT = {
    "en": (
        "We may share claims data with our service providers.",
        "We may share claims data with our service providers and insurers.",
    ),
    "es": (
        "Podemos ceder sus datos a proveedores de servicios.",
        "Podemos ceder sus datos a proveedores de servicios y entidades financieras.",
    ),
    "de": (
        "Wir können Ihre Daten an Dienstleister weitergeben.",
        "Wir können Ihre Daten an Dienstleister und Versicherer weitergeben.",
    ),
    "fr": (
        "Nous pouvons partager vos données avec nos prestataires.",
        "Nous pouvons partager vos données avec nos prestataires et des assureurs.",
    ),
}


@pytest.mark.parametrize("lang", sorted(NEW_RECIPIENT))
def test_insurers_or_financial_institutions_as_new_recipients_are_high(lang: str) -> None:
    old, new = NEW_RECIPIENT[lang]
    change = modified(old, new, lang)
    assert_alert(change, "sharing", "high")
    assert change.explanation.startswith("New recipient of personal data: ")


def test_a_german_change_in_what_cookies_are_for_is_a_tracking_change() -> None:
    old = "Wir setzen Cookies ein, um die Reichweite unseres Angebots zu messen."
    new = "Wir setzen Cookies ein, um Ihnen auf Partnerseiten Werbung anzuzeigen."
    assert_alert(modified(old, new, "de"), "tracking")


def test_a_danish_notice_period_in_words_and_digits_is_read() -> None:
    old = "Vi orienterer dig tredive (30) dage før ændringer af denne politik træder i kraft."
    new = "Vi orienterer dig fjorten (14) dage før ændringer af denne politik træder i kraft."
    change = modified(old, new, "da")
    assert_alert(change, "changes", "high")
    assert "30 days" in change.explanation and "14 days" in change.explanation


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "es",
            "Le avisaremos por correo electrónico antes de cualquier cambio en esta política.",
            "Los cambios en esta política se publicarán en esta página.",
        ),
        (
            "es",
            "Le informaremos con antelación de cualquier modificación de esta política.",
            "Podemos modificar esta política en cualquier momento sin previo aviso.",
        ),
    ],
)
def test_spanish_notice_of_policy_changes_dropped_is_high(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "changes", "high")


# --- judged against the whole new version --------------------------------------------------------

from monitor.engine.pipeline import compare_documents  # noqa: E402
from monitor.extract.normalize import normalize  # noqa: E402


def _diff(old: str, new: str) -> list[Change]:
    return compare_documents(
        normalize(old.encode(), "text/plain"), normalize(new.encode(), "text/plain")
    ).changes


def test_a_duplicated_paragraph_removed_is_not_material() -> None:
    rule = "We delete inactive accounts and their messages after twenty-four months without a login."
    old = f"Retention\n\n{rule}\n\nDeletion\n\n{rule}\n\nYou can export your data at any time."
    new = f"Retention\n\n{rule}\n\nDeletion\n\nYou can export your data at any time."
    changes = _diff(old, new)
    assert changes and not any(c.material for c in changes), changes


def test_a_sentence_merged_into_the_next_is_not_a_removed_term() -> None:
    old = (
        "Für die Verifizierung fragen wir nach Ihrer Telefonnummer. "
        "Zusätzlich können wir ein Foto zur Prüfung anfordern."
    )
    new = (
        "Für die Verifizierung fragen wir nach Ihrer Telefonnummer und zusätzlich "
        "können wir ein Foto zur Prüfung anfordern."
    )
    removed = [c for c in _diff(old, new) if c.kind == "removed"]
    assert all(not c.material for c in removed), removed


def test_a_removed_promise_that_stands_nowhere_else_is_still_material() -> None:
    keep = "We keep invoices for seven years as the law requires."
    promise = "We will never sell the contents of your messages to advertisers."
    changes = _diff(f"{keep}\n\n{promise}", keep)
    assert any(c.material and c.severity == "high" for c in changes), changes


# --- explanations people can read ------------------------------------------------------------------


def test_a_flip_with_its_recipient_reads_as_one_plain_sentence() -> None:
    change = modified(
        "We do not sell your viewing history.", "We may sell your viewing history to advertisers."
    )
    assert change.explanation == "Personal data may now be sold to advertisers"


def test_a_retention_change_names_both_periods() -> None:
    change = modified("We keep billing records for 3 years.", "We keep billing records for 10 years.")
    assert change.explanation == "Retention period for billing records lengthened from 3 years to 10 years"


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "en",
            "We collect your route while you navigate.",
            "We collect your route while you navigate and erase it once it is no longer needed.",
        ),
        (
            "de",
            "Wir erheben Ihre Route bei Navigation.",
            "Wir erheben Ihre Route bei Navigation und löschen sie, wenn sie nicht mehr benötigt wird.",
        ),
        (
            "sv",
            "Vi samlar in din rutt under navigeringen.",
            "Vi samlar in din rutt under navigeringen och raderar den när den inte längre behövs.",
        ),
    ],
)
def test_no_longer_needed_is_not_read_as_a_promise_ruling_something_out(
    lang: str, old: str, new: str
) -> None:
    change = modified(old, new, lang)
    assert "ruled out" not in change.explanation and "rules out" not in change.explanation
    assert change.severity != "high"


# --- countries from CLDR, in every language ----------------------------------------------------------

MOVES = {
    "en": ("We host your files on servers in {}.", "Germany", "Vietnam"),
    "de": ("Wir speichern Ihre Dateien auf Servern in {}.", "Deutschland", "Vietnam"),
    "fr": ("Nous hébergeons vos fichiers sur des serveurs situés en {}.", "Allemagne", "Égypte"),
    "es": ("Alojamos sus archivos en servidores ubicados en {}.", "Alemania", "Colombia"),
    "da": ("Vi opbevarer dine filer på servere i {}.", "Tyskland", "Marokko"),
    "sv": ("Vi lagrar dina filer på servrar i {}.", "Tyskland", "Filippinerna"),
    "no": ("Vi lagrer filene dine på servere i {}.", "Tyskland", "Kenya"),
    "zh": ("我们将你的文件存储在位于{}的服务器上。", "德国", "越南"),
}


@pytest.mark.parametrize("lang", sorted(MOVES))
def test_a_move_to_any_country_names_the_new_destination(lang: str) -> None:
    template, old, new = MOVES[lang]
    change = modified(template.format(old), template.format(new), lang)
    assert_alert(change, "transfer", "high")
    added = [f.new for f in change.facts if f.kind == "country" and f.direction == "added"]
    assert added and added[0] not in (None, "Germany")


def test_a_country_added_to_a_list_of_destinations_is_high() -> None:
    old = "Your data may be transferred to the United States and Canada."
    new = "Your data may be transferred to the United States, Canada and India."
    assert_alert(modified(old, new), "transfer", "high")


def test_a_us_state_or_a_word_is_not_a_country() -> None:
    facts = extract_facts(
        "Residents of New Mexico and New Jersey may ask us to stop; turkey is on the menu.", "en"
    )
    assert not facts.places


# --- sentence splitting on real text -----------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    from monitor.engine.segment import segment

    return [c.text for c in segment(normalize(text.encode(), "text/plain"))]


@pytest.mark.parametrize(
    "text",
    [
        "Diese Fassung gilt seit dem 17. Januar 2025 für alle Konten.",
        "Denne version gælder fra 5. marts 2024 for alle konti.",
        "Cette version s'applique depuis le 1. janvier 2025 pour tous.",
    ],
)
def test_an_ordinal_date_does_not_end_a_sentence(text: str) -> None:
    assert _sentences(text) == [text]


def test_a_quoted_numbered_heading_does_not_end_a_sentence() -> None:
    text = "We explain this in “7. Your choices” below, with examples."
    assert _sentences(text) == [text]


# --- typos, list items and their sentences -------------------------------------------------------------


@pytest.mark.parametrize(
    "old,new",
    [
        (
            "Read how we use the data we use train out models.",
            "Read how we use the data we use to train our models.",
        ),
        ("You can see which records we keep fro billing.", "You can see which records we keep for billing."),
    ],
)
def test_a_function_word_put_back_or_mistyped_is_a_typo_fix(old: str, new: str) -> None:
    assert_quiet(modified(old, new))


def test_a_new_street_address_is_not_a_new_list_item() -> None:
    old = "Write to our privacy team, 14 Harbour Road, Leeds, or use the form."
    new = "Write to our privacy team, 2 Canal Street, York, or use the form."
    assert_quiet(modified(old, new))


def test_an_item_dropped_from_a_promise_is_high_and_named_in_its_own_sentences_terms() -> None:
    row = (
        "| Product analytics | Usage events, subject to your opt-out. We never use your files to train our "
        "models when you use {}. |"
    )
    change = modified(row.format("Studio, Teams or the API"), row.format("Studio or the API"))
    assert_alert(change, "purpose", "high")
    assert "no longer covers Teams" in change.explanation


@pytest.mark.parametrize("kind", ["added", "removed"])
def test_a_title_cased_name_added_or_removed_states_no_term(kind: str) -> None:
    clause = Clause(5, "Cross-Border Data Transfer Certification Program", language="en")
    change = Change(kind, None if kind == "added" else clause, clause if kind == "added" else None)
    (result,) = classify([change])
    assert_quiet(result)
    sentence = Clause(5, "We transfer your data abroad under our certification program.", language="en")
    (real,) = classify(
        [Change(kind, None if kind == "added" else sentence, sentence if kind == "added" else None)]
    )
    assert_alert(real, "transfer")


COOKIE_ADS = {
    "en": (
        "We use cookies to count visits.",
        "We use cookies to count visits and to show you targeted ads elsewhere.",
    ),
    "de": (
        "Wir verwenden Cookies für Statistiken.",
        "Wir verwenden Cookies für Statistiken und personalisierte Werbung.",
    ),
    "fr": (
        "Nous utilisons des cookies pour compter les visites.",
        "Nous utilisons des cookies pour compter les visites et cibler la publicité.",
    ),
}


@pytest.mark.parametrize("lang", sorted(COOKIE_ADS))
def test_cookies_now_used_for_advertising_is_a_tracking_and_purpose_change(lang: str) -> None:
    old, new = COOKIE_ADS[lang]
    change = modified(old, new, lang)
    assert_alert(change, "tracking", "high")
    assert "purpose" in change.categories


def test_a_contact_field_added_to_a_list_of_shared_data_is_a_data_type() -> None:
    change = modified(
        "We may pass your email address to our delivery partners.",
        "We may pass your email address and phone number to our delivery partners.",
    )
    assert_alert(change, "collection")
    assert change.explanation == "Added to the data collected: phone number"


# --- a company or a country named is a recipient or a destination only where data goes there ------


def added(text: str, language: str) -> Change:
    (change,) = classify([Change("added", None, Clause(5, text, language=language))])
    return change


NAMED_WITHOUT_A_FLOW = [
    ("en", "Resellers and advertising agencies in Mexico can read the billing guide in our help centre."),
    ("en", "If you are a researcher at a university in Japan, our grants page explains how to apply."),
    ("de", "Werbetreibende in Österreich finden weitere Hinweise zur Abrechnung in unserem Hilfebereich."),
    ("fr", "Les annonceurs établis au Canada trouveront le guide de facturation dans notre centre d'aide."),
    ("es", "Los anunciantes de Argentina pueden leer la guía de facturación en nuestro centro de ayuda."),
]


@pytest.mark.parametrize("lang,text", NAMED_WITHOUT_A_FLOW)
def test_a_new_sentence_naming_companies_or_countries_without_data_going_anywhere_is_quiet(
    lang: str, text: str
) -> None:
    assert_quiet(added(text, lang))


NAMED_WITH_A_FLOW = [
    ("en", "We pass your order history on to advertising agencies in Mexico.", "sharing"),
    ("en", "Support staff of our affiliated brands may access your tickets.", "sharing"),
    ("de", "Ihre Bestelldaten werden von Werbetreibenden in Österreich verarbeitet.", "sharing"),
    ("fr", "Vos données de facturation sont hébergées au Canada.", "transfer"),
    ("es", "Sus datos de facturación se almacenan en Argentina.", "transfer"),
    ("zh", "您的浏览记录会在我们的关联产品中同步展示。", "sharing"),
]


@pytest.mark.parametrize("lang,text,category", NAMED_WITH_A_FLOW)
def test_a_new_sentence_saying_data_goes_to_them_alerts(lang: str, text: str, category: str) -> None:
    assert_alert(added(text, lang), category)


# --- what the user must not do is not a promise about the user's data ------------------------------

USER_DUTIES = [
    (
        "en",
        "You may not sell or transfer your subscription to anyone else.",
        "You are responsible for every purchase made with your subscription.",
    ),
    (
        "en",
        "You agree not to share your login with other people.",
        "Keep your login to yourself and tell us if it is stolen.",
    ),
    (
        "de",
        "Sie dürfen Ihr Konto nicht an Dritte verkaufen oder weitergeben.",
        "Sie sind für alle Aktivitäten in Ihrem Konto verantwortlich.",
    ),
    (
        "fr",
        "Vous ne devez pas vendre ni partager votre compte avec des tiers.",
        "Vous êtes responsable de toute activité sur votre compte.",
    ),
    (
        "es",
        "Usted no debe vender ni compartir su cuenta con terceros.",
        "Usted es responsable de toda la actividad de su cuenta.",
    ),
    (
        "sv",
        "Du får inte sälja eller dela ditt konto med tredje part.",
        "Du ansvarar för all aktivitet på ditt konto.",
    ),
    ("zh", "您不得向第三方出售或转让您的账号。", "您应对账号下的全部行为负责。"),
]


@pytest.mark.parametrize("lang,old,new", USER_DUTIES)
def test_a_rule_for_the_user_rewritten_is_not_a_dropped_promise(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


def test_the_services_own_promise_next_to_a_rule_for_the_user_still_counts() -> None:
    old = "You may not resell your plan; we never sell your personal data to advertisers."
    new = "You may not resell your plan; we may sell your personal data to advertisers."
    assert_alert(modified(old, new), "sharing", "high")


def test_a_product_added_to_a_sentence_without_data_going_anywhere_is_not_a_new_recipient() -> None:
    old = "If you bought Acme Cloud via a reseller or another third party, its refunds apply."
    new = "If you bought Acme Cloud or Acme Mail via a reseller or another third party, its refunds apply."
    assert_quiet(modified(old, new))
    shared = "We share your order details with couriers and payment processors"
    assert_alert(modified(shared + ".", shared + " and insurers."), "sharing")


def test_a_kind_of_data_named_in_a_sentence_about_no_data_practice_is_not_collection() -> None:
    old = "Your number may be recycled if you have not made calls or sent messages for six months."
    new = "Your number may be recycled if you do not use it (making calls, sending messages) for six months."
    assert_quiet(modified(old, new))


LISTS_OF_DETAILS = [
    (
        "de",
        "Wir verarbeiten folgende Daten: Name, E-Mail-Adresse und Geburtsdatum.",
        "Wir verarbeiten folgende Daten: Name, E-Mail-Adresse, Geburtsdatum und Standortdaten.",
    ),
    (
        "nl",
        "Wij verwerken de volgende gegevens: naam, e-mailadres en geboortedatum.",
        "Wij verwerken de volgende gegevens: naam, e-mailadres, geboortedatum en burgerservicenummer.",
    ),
    (
        "en",
        "We process these details: your name, e-mail address and phone number.",
        "We process these details: your name, e-mail address, phone number and health records.",
    ),
]


@pytest.mark.parametrize("lang,old,new", LISTS_OF_DETAILS)
def test_a_sensitive_type_added_to_a_list_of_details_processed_is_collection(
    lang: str, old: str, new: str
) -> None:
    """A list of the personal details a service processes names mostly contact details, but it
    states a data practice: a sensitive data type added to it is new collection."""
    assert_alert(modified(old, new, lang), "collection", "high")


RIGHTS_SAID_AS_ABILITIES = [
    (
        "en",
        "You have the right to receive a copy of the data we hold about you.",
        "You can receive a copy of the data we hold about you.",
    ),
    (
        "en",
        "You have the right to object to our use of your data for direct marketing.",
        "You may object to our use of your data for direct marketing.",
    ),
    (
        "de",
        "Sie haben das Recht, eine Kopie der über Sie gespeicherten Daten zu erhalten.",
        "Sie können eine Kopie der über Sie gespeicherten Daten erhalten.",
    ),
    (
        "fr",
        "Vous avez le droit d'obtenir une copie des données que nous détenons sur vous.",
        "Vous pouvez obtenir une copie des données que nous détenons sur vous.",
    ),
    (
        "es",
        "Usted tiene derecho a obtener una copia de los datos que tenemos sobre usted.",
        "Usted puede obtener una copia de los datos que tenemos sobre usted.",
    ),
]


@pytest.mark.parametrize("lang,old,new", RIGHTS_SAID_AS_ABILITIES)
def test_a_right_restated_as_what_the_user_can_do_is_quiet(lang: str, old: str, new: str) -> None:
    """ "You have the right to X" and "you can X" offer the same right: no right is removed."""
    assert_quiet(modified(old, new, lang))
    assert_quiet(modified(new, old, lang))


def test_a_right_really_narrowed_or_refused_still_alerts() -> None:
    base = "You have the right to receive a copy of the data we hold about you."
    refused = "You do not have the right to receive a copy of the data we hold about you."
    assert_alert(modified(base, refused), "rights")
    assert_alert(modified(base, base[:-1] + ", but we may charge a fee for it."), "rights")
    assert_alert(
        modified(
            "You have the right to object to profiling and to request deletion of your data.",
            "You have the right to object to profiling.",
        ),
        "rights",
        "high",
    )


SAME_VERB_OTHER_WORD = [
    (
        "de",
        "Wir geben Kundendaten unter keinen Umständen an Werbepartner weiter.",
        "Kundendaten werden unter keinen Umständen an Werbepartner weitergegeben.",
    ),
    (
        "de",
        "Wir speichern Rechnungen, solange das Vertragsverhältnis besteht.",
        "Wir bewahren Rechnungen auf, solange das Vertragsverhältnis besteht.",
    ),
    (
        "fr",
        "Nous conservons vos factures pendant toute la durée du contrat.",
        "Nous gardons vos factures pendant toute la durée du contrat.",
    ),
]


@pytest.mark.parametrize("lang,old,new", SAME_VERB_OTHER_WORD)
def test_keeping_or_passing_on_said_with_another_verb_is_quiet(lang: str, old: str, new: str) -> None:
    """Split verbs ("geben ... weiter", "bewahren ... auf") and everyday synonyms ("garder" for
    "conserver") say what the lexicon's word says: no term changed."""
    assert_quiet(modified(old, new, lang))


def test_the_same_split_verbs_still_carry_a_changed_term() -> None:
    kept = ("Wir bewahren Rechnungen zwei Jahre lang auf.", "Wir bewahren Rechnungen acht Jahre lang auf.")
    assert_alert(modified(*kept, "de"), "retention", "high")
    assert_alert(
        modified(
            "Wir geben Kundendaten nicht an Werbepartner weiter.",
            "Wir geben Kundendaten an Werbepartner weiter.",
            "de",
        ),
        "sharing",
        "high",
    )


def test_past_the_search_budget_a_removed_copy_of_a_clause_is_still_found_whole(monkeypatch) -> None:
    # A freak page with tens of thousands of changed clauses stops scanning the whole text for
    # each one; a clause that still stands whole in the other version is found without a scan.

    monkeypatch.setattr(resplit._Document, "SEARCH_BUDGET", 0)
    rule = "Inactive accounts are closed and their photos deleted after eighteen months."
    old = f"Accounts\n\n{rule}\n\nPhotos\n\n{rule}\n\nYou can download your photos at any time."
    new = f"Accounts\n\n{rule}\n\nPhotos\n\nYou can download your photos at any time."
    changes = _diff(old, new)
    assert changes and not any(c.material for c in changes), changes
