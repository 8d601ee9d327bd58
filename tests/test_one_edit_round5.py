"""One realistic edit of a policy sentence (fifth review round): the patterns the engine still
missed on one-edit changes of real paragraphs, each stated in new sentences of its own.

A lead-in label that names a condition does not keep the condition its sentence dropped.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change


def document_edit(old: str, new: str) -> list[Change]:
    """Two one-paragraph plain-text versions through the whole pipeline: every change."""
    result = compare_documents(normalize(old.encode(), "text/plain"), normalize(new.encode(), "text/plain"))
    return result.changes


def only_change(old: str, new: str) -> Change:
    (change,) = document_edit(old, new)
    return change


# --- a lead-in label names the topic; the condition is the sentence's ---------------------------

LABELLED_CONSENT_DROPPED = [
    (
        "With your permission. We can pass your purchase history to our partners with your permission"
        " or when you ask us to.",
        "With your permission. We can pass your purchase history to our partners or when you ask us to.",
    ),
    (
        "Mit Ihrer Einwilligung: Wir geben Ihre Bestelldaten mit Ihrer Einwilligung oder auf Ihre Anweisung"
        " an Partner weiter.",
        "Mit Ihrer Einwilligung: Wir geben Ihre Bestelldaten oder auf Ihre Anweisung an Partner weiter.",
    ),
    (
        "Avec votre accord. Nous communiquons votre historique d'achats à nos partenaires avec votre accord"
        " ou à votre demande.",
        "Avec votre accord. Nous communiquons votre historique d'achats à nos partenaires ou à votre"
        " demande.",
    ),
    (
        "Con su consentimiento: compartimos su historial de compras con nuestros socios con su"
        " consentimiento o siguiendo sus instrucciones.",
        "Con su consentimiento: compartimos su historial de compras con nuestros socios o siguiendo sus"
        " instrucciones.",
    ),
]


@pytest.mark.parametrize("old,new", LABELLED_CONSENT_DROPPED)
def test_consent_dropped_from_a_sentence_under_a_consent_label_alerts(old: str, new: str) -> None:
    assert_alert(only_change(old, new), "sharing", "high")


def test_the_same_consent_reworded_under_its_label_stays_quiet() -> None:
    assert_quiet(
        only_change(
            "With your permission. We can pass your purchase history to our partners with your permission.",
            "With your permission. We can pass your purchase history to our partners with your explicit"
            " permission.",
        )
    )


# --- a notice period before the terms (not only the privacy policy) change -------------------------

TERMS_NOTICE_SHORTENED = [
    (
        "en",
        "Any changes to these Terms apply to you fourteen (14) days after we publish them.",
        "Any changes to these Terms apply to you seven (7) days after we publish them.",
    ),
    (
        "fr",
        "Nous pouvons modifier nos CGU : elles s'appliquent 15 jours après leur publication.",
        "Nous pouvons modifier nos CGU : elles s'appliquent 5 jours après leur publication.",
    ),
    (
        "es",
        "Los cambios en estos Términos se aplican 30 días después de su publicación.",
        "Los cambios en estos Términos se aplican 10 días después de su publicación.",
    ),
    (
        "da",
        "Ændringer af disse vilkår gælder 30 dage efter offentliggørelsen.",
        "Ændringer af disse vilkår gælder 10 dage efter offentliggørelsen.",
    ),
    (
        "sv",
        "Ändringar av dessa villkor gäller 30 dagar efter publiceringen.",
        "Ändringar av dessa villkor gäller 10 dagar efter publiceringen.",
    ),
]


@pytest.mark.parametrize("lang,old,new", TERMS_NOTICE_SHORTENED)
def test_a_shorter_notice_before_changes_to_the_terms_alerts(lang: str, old: str, new: str) -> None:
    change = modified(old, new, lang)
    assert_alert(change, "changes", "high")


# --- a period in a sentence naming no term takes its heading's topic -------------------------------


def html_edit(heading: str, old: str, new: str) -> Change:
    """One paragraph under an unchanged heading, edited: the only change."""
    (change,) = compare_documents(
        normalize(f"<h2>{heading}</h2><p>{old}</p>".encode(), "text/html"),
        normalize(f"<h2>{heading}</h2><p>{new}</p>".encode(), "text/html"),
    ).changes
    return change


HEADED_PERIODS = [
    ("Deleting your account", "We do this within 30 days.", "We do this within 90 days.", "retention"),
    (
        "Löschung",
        "Wir kommen dieser Aufforderung innerhalb von 30 Tagen nach.",
        "Wir kommen dieser Aufforderung innerhalb von 90 Tagen nach.",
        "retention",
    ),
    (
        "Suppression du compte",
        "Nous y donnons suite dans un délai de 30 jours.",
        "Nous y donnons suite dans un délai de 90 jours.",
        "retention",
    ),
    (
        "Changes to these terms",
        "They apply to you 30 days after we post them.",
        "They apply to you 10 days after we post them.",
        "changes",
    ),
]


@pytest.mark.parametrize("heading,old,new,category", HEADED_PERIODS)
def test_a_period_under_a_heading_about_deletion_or_changes_is_that_term(
    heading: str, old: str, new: str, category: str
) -> None:
    assert_alert(html_edit(heading, old, new), category, "high")


def test_a_period_under_a_heading_about_no_term_stays_quiet() -> None:
    assert_quiet(html_edit("Refunds", "We do this within 30 days.", "We do this within 90 days."))


# --- a negation in a condition does not reach the main clause after its comma ----------------------

NEGATION_DROPPED_AFTER_A_NEGATED_CONDITION = [
    (
        "en",
        "If we cannot confirm your identity, we will not disclose your records.",
        "If we cannot confirm your identity, we disclose your records.",
    ),
    (
        "en",
        "When you do not log in, we will not disclose your records to partners.",
        "When you do not log in, we disclose your records to partners.",
    ),
    (
        "fr",
        "Si nous ne pouvons pas confirmer votre identité, nous ne communiquerons pas vos données.",
        "Si nous ne pouvons pas confirmer votre identité, nous communiquerons vos données.",
    ),
]


@pytest.mark.parametrize("lang,old,new", NEGATION_DROPPED_AFTER_A_NEGATED_CONDITION)
def test_a_ban_dropped_after_a_negated_condition_alerts(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "sharing", "high")


def test_a_negated_condition_before_a_ban_kept_is_quiet() -> None:
    assert_quiet(
        modified(
            "If we cannot confirm your identity, we will not disclose your records.",
            "If we cannot confirm your identity, we won't disclose your records.",
        )
    )


# --- a minimum age said as "you are at least N", with no "years" -----------------------------------

BARE_MINIMUM_AGE = [
    (
        "By creating an account you confirm that you are at least 13 and that a parent has agreed.",
        "By creating an account you confirm that you are at least 16 and that a parent has agreed.",
    ),
    (
        "By joining, you confirm that you are (a) at least 18, and (b) allowed to enter contracts.",
        "By joining, you confirm that you are (a) at least 15, and (b) allowed to enter contracts.",
    ),
]


@pytest.mark.parametrize("old,new", BARE_MINIMUM_AGE)
def test_a_minimum_age_said_without_years_is_a_childrens_term(old: str, new: str) -> None:
    assert_alert(modified(old, new), "children")


@pytest.mark.parametrize(
    "old,new",
    [
        ("Passwords are at least 12 characters long.", "Passwords are at least 16 characters long."),
        ("Users are at least 14 days into the trial.", "Users are at least 12 days into the trial."),
    ],
)
def test_at_least_n_of_something_else_is_no_age(old: str, new: str) -> None:
    assert "children" not in modified(old, new).categories


# --- of two limits on sharing, one dropped; a right to refuse dropped from a sharing sentence -------

ONE_OF_TWO_LIMITS_DROPPED = [
    (
        "en",
        "We only share records created after 1 May 2025, unless you object.",
        "We only share records created after 1 May 2025.",
    ),
    (
        "de",
        "Wir geben nur Bestellungen ab Mai 2025 weiter, es sei denn, Sie widersprechen.",
        "Wir geben nur Bestellungen ab Mai 2025 weiter.",
    ),
]


@pytest.mark.parametrize("lang,old,new", ONE_OF_TWO_LIMITS_DROPPED)
def test_one_of_two_limits_dropped_alerts(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "sharing", "high")


def test_a_limit_said_in_other_words_beside_the_one_kept_is_quiet() -> None:
    assert_quiet(
        modified(
            "We only share records created after 1 May 2025, unless you object.",
            "We only share records created after 1 May 2025, except where you object.",
        )
    )


@pytest.mark.parametrize(
    "old,new",
    [
        (
            "We disclose your loyalty history to airline partners, and you can opt out at any time.",
            "We disclose your loyalty history to airline partners.",
        ),
        (
            "We sell your browsing history to advertisers, and you may object to this.",
            "We sell your browsing history to advertisers.",
        ),
    ],
)
def test_a_right_to_refuse_dropped_from_a_sentence_sending_data_is_about_sharing(old: str, new: str) -> None:
    change = modified(old, new)
    assert_alert(change, "sharing", "high")
    assert_alert(change, "rights")


# --- a period alone in a table cell is how long the row's data is kept -------------------------------

TABLE_ROW_PERIODS = [
    (
        "en",
        "Fraud checks | Order data and device identifiers | Legitimate interest in keeping payments safe"
        " | 60 days after the order. | Payment provider",
        "Fraud checks | Order data and device identifiers | Legitimate interest in keeping payments safe"
        " | 180 days after the order. | Payment provider",
    ),
    (
        "de",
        "Kundenservice | Ihre Anfragen und Kontaktdaten | Vertragserfüllung | 3 Jahre nach Abschluss",
        "Kundenservice | Ihre Anfragen und Kontaktdaten | Vertragserfüllung | 6 Jahre nach Abschluss",
    ),
    (
        "fr",
        "Sécurité du service | journaux de connexion | intérêt légitime | 6 mois",
        "Sécurité du service | journaux de connexion | intérêt légitime | 12 mois",
    ),
]


@pytest.mark.parametrize("lang,old,new", TABLE_ROW_PERIODS)
def test_a_period_alone_in_a_table_cell_is_retention(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "retention", "high")


def test_a_cookie_rows_lifetime_stays_a_tracking_term() -> None:
    change = modified(
        "Analytics | _ga cookie | measure visits | 2 years",
        "Analytics | _ga cookie | measure visits | 3 years",
    )
    assert_alert(change, "tracking", "high")


# --- German: the negator after a list of objects still negates the verb ------------------------------

GERMAN_LIST_BANS = [
    (
        "Wir verkaufen Ihre Standortdaten, Kontakte, Fotos oder Nachrichten nicht an Dritte.",
        "Wir verkaufen Ihre Standortdaten, Kontakte oder Fotos nicht an Dritte.",
        "sharing",
    ),
    (
        "Wir verwenden Ihre Suchanfragen, Einkäufe oder Bewertungen nicht für Werbung.",
        "Wir verwenden Ihre Suchanfragen oder Bewertungen nicht für Werbung.",
        "purpose",
    ),
]


@pytest.mark.parametrize("old,new,category", GERMAN_LIST_BANS)
def test_an_item_dropped_from_a_german_verb_final_ban_widens_it(old: str, new: str, category: str) -> None:
    change = modified(old, new, "de")
    assert_alert(change, category, "high")
    # the ban lost an item; the verb's own negation stands ("will no longer be used" misreads it)
    assert "promise" in change.explanation, change


def test_a_comma_before_a_relative_clause_keeps_its_negation_there() -> None:
    change = modified(
        "Wir übermitteln Ihre Daten an Dienstleister, die sie nicht weiterverkaufen.",
        "Wir übermitteln Ihre Daten an Dienstleister, die sie weiterverkaufen.",
        "de",
    )
    assert_alert(change, "sharing", "high")


# --- a notice period before changing a list of processors ------------------------------------------


def test_a_shorter_notice_before_changing_the_list_of_processors_alerts() -> None:
    change = modified(
        "We may change the list of our hosting providers on 14 days' notice.",
        "We may change the list of our hosting providers on 3 days' notice.",
    )
    assert_alert(change, "changes", "high")


# --- Chinese: two characters typed in the wrong order -----------------------------------------------


def test_two_han_characters_swapped_inside_a_modal_are_a_typo() -> None:
    old, new = "业务调整时,我们将有可能转让你的账户信息。", "业务调整时,我们将有可转能让你的账户信息。"
    assert_quiet(modified(old, new, "zh"))


def test_a_han_negation_dropped_beside_such_a_rule_still_alerts() -> None:
    assert_alert(modified("我们不会转让你的账户信息。", "我们会转让你的账户信息。", "zh"), "sharing", "high")


# --- a user's duty runs past the dots of "e.g." and "i.e." ------------------------------------------

USER_DUTY_WITH_AN_ABBREVIATION = [
    (
        "You must not copy other members' details (e.g., names or photos) for marketing purposes.",
        "You must not copy other members' details (e.g., names, health data or photos) for marketing"
        " purposes.",
    ),
    (
        "You agree not to gather other players' details, i.e. user names, for advertising purposes.",
        "You agree not to gather other players' details, i.e. user names and e-mail addresses, for"
        " advertising purposes.",
    ),
]


@pytest.mark.parametrize("old,new", USER_DUTY_WITH_AN_ABBREVIATION)
def test_an_item_added_to_what_users_must_not_do_is_quiet(old: str, new: str) -> None:
    assert_quiet(modified(old, new))


def test_the_services_own_sentence_after_a_users_duty_still_alerts() -> None:
    change = modified(
        "You may not share your password. We sell your e-mail address to advertisers.",
        "You may not share your password. We rent your e-mail address to advertisers.",
    )
    assert_alert(change, "sharing")


# --- the age of majority stated with its number ------------------------------------------------------

AGE_OF_MAJORITY = [
    (
        "en",
        "To open an account you must have reached the age of majority where you live (at least 18 years in"
        " most countries).",
        "To open an account you must have reached the age of majority where you live (at least 16 years in"
        " most countries).",
    ),
    (
        "de",
        "Für ein Konto müssen Sie volljährig sein (in Deutschland 18 Jahre).",
        "Für ein Konto müssen Sie volljährig sein (in Deutschland 16 Jahre).",
    ),
    (
        "fr",
        "Pour créer un compte, vous devez avoir atteint la majorité numérique (15 ans en France).",
        "Pour créer un compte, vous devez avoir atteint la majorité numérique (13 ans en France).",
    ),
    (
        "es",
        "Para abrir una cuenta debe haber alcanzado la mayoría de edad en su país (18 años en España).",
        "Para abrir una cuenta debe haber alcanzado la mayoría de edad en su país (16 años en España).",
    ),
]


@pytest.mark.parametrize("lang,old,new", AGE_OF_MAJORITY)
def test_a_lowered_age_of_majority_is_a_childrens_term_not_a_period(lang: str, old: str, new: str) -> None:
    change = modified(old, new, lang)
    assert_alert(change, "children", "high")
    assert "retention" not in change.categories, change


@pytest.mark.parametrize(
    "lang,old,new",
    [
        (
            "en",
            "Contracts with people of legal age are kept for 15 years.",
            "Contracts with people of legal age are kept for 19 years.",
        ),
        (
            "de",
            "Verträge mit volljährigen Kunden bewahren wir für 15 Jahre auf.",
            "Verträge mit volljährigen Kunden bewahren wir für 19 Jahre auf.",
        ),
    ],
)
def test_a_period_beside_the_word_for_adults_stays_a_period(lang: str, old: str, new: str) -> None:
    change = modified(old, new, lang)
    assert_alert(change, "retention", "high")
    assert "children" not in change.categories, change


# --- a contract's remedies ("the right to terminate") are no data right -----------------------------


def test_a_period_before_a_party_may_terminate_the_contract_is_no_rights_term() -> None:
    assert_quiet(
        modified(
            "If the parties cannot agree on new prices within thirty (30) days, either party has the right to"
            " terminate this contract.",
            "If the parties cannot agree on new prices within sixty (60) days, either party has the right to"
            " terminate this contract.",
        )
    )


def test_a_longer_time_to_answer_an_access_request_still_alerts() -> None:
    change = modified(
        "You have the right to access your data; we answer within 30 days.",
        "You have the right to access your data; we answer within 60 days.",
    )
    assert_alert(change, "rights", "high")


# --- a notice received is no data collected ----------------------------------------------------------


def test_a_refund_period_after_a_cancellation_notice_is_no_collection_term() -> None:
    assert_quiet(
        modified(
            "We refund the unused part no later than 14 days after we receive your cancellation notice.",
            "We refund the unused part no later than 30 days after we receive your cancellation notice.",
        )
    )


def test_data_received_from_partners_is_still_collected() -> None:
    change = modified(
        "We receive your e-mail address from our partners.",
        "We receive your e-mail address and phone number from our partners.",
    )
    assert_alert(change, "collection")
