"""One realistic edit of a real-looking policy paragraph (fourth review round).

Each test states a pattern found by editing real policy paragraphs, in new sentences: a ban
("we do not sell ... except ...") whose negation alone is taken out while its exception stays,
and a notice period in a sentence about changes coming into effect, reported as a change term.
"""

from __future__ import annotations

import pytest

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change


def material(old: str, new: str) -> list[Change]:
    """Two versions of a short page (a heading and a paragraph) through the whole pipeline:
    the material changes."""
    result = compare_documents(normalize(old.encode(), "text/plain"), normalize(new.encode(), "text/plain"))
    return [c for c in result.changes if c.material]


def page(paragraph: str, heading: str = "Your information") -> str:
    return f"{heading}\n\nWe look after the details you give us.\n\n{paragraph}\n"


def categories(changes: list[Change]) -> set[str]:
    return {cat for c in changes for cat in c.categories}


# --- a negation taken out, the exception left in place ------------------------------------------

NEGATION_DROPPED = [
    (
        "We do not rent your contact details to marketers except where a court orders us to.",
        "We rent your contact details to marketers except where a court orders us to.",
    ),
    (
        "We will never disclose your reading history to publishers unless you ask us to.",
        "We disclose your reading history to publishers unless you ask us to.",
    ),
    (
        "We don't share the list of your orders with anyone, except as this notice explains.",
        "We share the list of your orders with anyone, except as this notice explains.",
    ),
    (
        "Nous ne vendons pas vos coordonnées à des annonceurs, sauf si la loi l'exige.",
        "Nous vendons vos coordonnées à des annonceurs, sauf si la loi l'exige.",
    ),
    (
        "No compartimos su historial de compras con anunciantes, salvo que usted lo autorice.",
        "Compartimos su historial de compras con anunciantes, salvo que usted lo autorice.",
    ),
]


@pytest.mark.parametrize("old,new", NEGATION_DROPPED)
def test_a_ban_losing_its_negation_alerts_though_its_exception_stays(old: str, new: str) -> None:
    changes = material(page(old), page(new))
    assert changes, "the ban was turned into a permission"
    assert "sharing" in categories(changes), changes


# (a heading and a sentence of the page's language, the banning sentence, the sentence without its negation)
NEGATION_DROPPED_INFLECTED = [
    (
        "Ihre Daten\n\nWir behandeln Ihre Angaben sorgfältig.",
        "Wir geben keine persönlichen Angaben an Inkassofirmen weiter, es sei denn, ein Gericht verlangt es.",
        "Wir geben persönliche Angaben an Inkassofirmen weiter, es sei denn, ein Gericht verlangt es.",
    ),
    (
        "Varstvo podatkov\n\nOsebne podatke uporabnikov obdelujemo le za namene iz te izjave.",
        "Vaših podatkov ne prodajamo oglaševalcem, razen če v to privolite.",
        "Vaše podatke prodajamo oglaševalcem, razen če v to privolite.",
    ),
    (
        "Zaštita podataka\n\nPodatke korisnika obrađujemo samo u svrhe navedene u ovoj izjavi.",
        "Vaše podatke ne prodajemo oglašivačima, osim ako na to pristanete.",
        "Vaše podatke prodajemo oglašivačima, osim ako na to pristanete.",
    ),
    (
        "个人信息保护\n\n我们仅为本政策所述目的处理您的个人信息。",
        "除非获得您的同意,我们不会向广告商出售您的个人信息。",
        "除非获得您的同意,我们会向广告商出售您的个人信息。",
    ),
    (
        "Uw gegevens\n\nWij gaan zorgvuldig om met uw gegevens.",
        "Wij verkopen uw gegevens niet aan adverteerders, tenzij u daar toestemming voor geeft.",
        "Wij verkopen uw gegevens aan adverteerders, tenzij u daar toestemming voor geeft.",
    ),
]


@pytest.mark.parametrize("intro,old,new", NEGATION_DROPPED_INFLECTED)
def test_a_ban_losing_its_negation_alerts_in_its_own_language(intro: str, old: str, new: str) -> None:
    changes = material(f"{intro}\n\n{old}\n", f"{intro}\n\n{new}\n")
    assert "sharing" in categories(changes), changes


def test_a_ban_with_unless_said_as_a_permission_with_only_is_still_quiet() -> None:
    changes = material(
        page("We will not pass your phone number to partners unless you agree to it."),
        page("We pass your phone number to partners only if you agree to it."),
    )
    assert not changes, changes


def test_a_ban_with_an_exception_and_a_typo_fixed_is_quiet() -> None:
    changes = material(
        page("We do not rent your contact detials to marketers except where a court orders us to."),
        page("We do not rent your contact details to marketers except where a court orders us to."),
    )
    assert not changes, changes


# --- a notice period before changes come into effect ------------------------------------------

NOTICE_PERIODS = [
    (
        "We will e-mail you at least 14 days before the changes to these terms come into effect.",
        "We will e-mail you at least 3 days before the changes to these terms come into effect.",
    ),
    (
        "You will receive notice of any planned changes to our list of processors forty-five days ahead.",
        "You will receive notice of any planned changes to our list of processors ten days ahead.",
    ),
    (
        "We reserve the right to change the plan prices with thirty (30) days' notice by e-mail.",
        "We reserve the right to change the plan prices with ten (10) days' notice by e-mail.",
    ),
    (
        "Members get notification of upcoming changes two months before the new rules apply.",
        "Members get notification of upcoming changes two weeks before the new rules apply.",
    ),
    (
        "We give 60 days' advance notice for materially adverse changes to the service levels.",
        "We give 15 days' advance notice for materially adverse changes to the service levels.",
    ),
    (
        "Updates to the fee schedule become effective sixty (60) days after we publish them.",
        "Updates to the fee schedule become effective seven (7) days after we publish them.",
    ),
]


@pytest.mark.parametrize("old,new", NOTICE_PERIODS)
def test_a_notice_period_before_changes_is_a_change_term(old: str, new: str) -> None:
    changes = material(page(old, "Changes"), page(new, "Changes"))
    assert "changes" in categories(changes), changes
    assert "retention" not in categories(changes), changes


def test_a_notice_promise_made_optional_alerts_about_changes() -> None:
    changes = material(
        page("If we make important changes, we will let you know by e-mail before they apply.", "Changes"),
        page("If we make important changes, we may let you know by e-mail before they apply.", "Changes"),
    )
    assert "changes" in categories(changes), changes


def test_a_notice_sentence_re_worded_without_a_new_period_is_quiet() -> None:
    sentence = "We will {} you at least 14 days before the changes to these terms come into effect."
    changes = material(page(sentence.format("e-mail"), "Changes"), page(sentence.format("email"), "Changes"))
    assert not changes, changes


# --- a minimum age stated in what the user must not do, or as "must be at least N to" ------------

MINIMUM_AGES = [
    (
        "You may not open an account if you are younger than 16.",
        "You may not open an account if you are younger than 13.",
    ),
    (
        "Players must be at least 16 to create a public profile.",
        "Players must be at least 13 to create a public profile.",
    ),
]


@pytest.mark.parametrize("old,new", MINIMUM_AGES)
def test_a_minimum_age_lowered_alerts_about_children(old: str, new: str) -> None:
    changes = material(page(old, "Who may use the app"), page(new, "Who may use the app"))
    assert "children" in categories(changes), changes


def test_a_length_said_as_must_be_at_least_is_no_age() -> None:
    changes = material(
        page("Passwords must be at least 12 characters and we store them hashed."),
        page("Passwords must be at least 14 characters and we store them hashed."),
    )
    assert "children" not in categories(changes), changes


# --- "e.g." and "for example", "appropriate" and "suitable": the same words ----------------------

SAME_WORDS = [
    (
        "We never sell details of your purchases (e.g. the items left in your basket) to advertisers.",
        "We never sell details of your purchases (for example the items left in your basket) to advertisers.",
    ),
    (
        "Add-ons are not built or sold by us but by others (e.g. third-party plugins in a gallery).",
        "Add-ons are not built or sold by us but by others (for example third-party plugins in a gallery).",
    ),
    (
        "When your files leave the EEA, we rely on appropriate safeguards such as contracts with each host.",
        "When your files leave the EEA, we rely on suitable safeguards such as contracts with each host.",
    ),
]


@pytest.mark.parametrize("old,new", SAME_WORDS)
def test_an_abbreviation_or_synonym_spelt_out_is_quiet(old: str, new: str) -> None:
    assert not material(page(old), page(new))


def test_safeguards_dropped_still_alert_about_transfers() -> None:
    old = "When your files leave the EEA, we rely on suitable safeguards such as contracts with each host."
    changes = material(page(old), page("When your files leave the EEA, we rely on contracts with each host."))
    assert "transfer" in categories(changes), changes


# --- a sentence split at ", and": the negation of one half never covered the other ---------------

SPLITS = [
    (
        "The reviews next to each product are written by other shoppers, and we do not check them.",
        "The reviews next to each product are written by other shoppers. We do not check them.",
    ),
    (
        "Some coupons in the app are based on data provided by third parties, and we do not vouch for them.",
        "Some coupons in the app are based on data provided by third parties. We do not vouch for them.",
    ),
    (
        "Card payments go through outside processors, and we do not store your full card number.",
        "Card payments go through outside processors. We do not store your full card number.",
    ),
]


@pytest.mark.parametrize("old,new", SPLITS)
def test_a_sentence_split_at_and_is_quiet(old: str, new: str) -> None:
    assert not material(page(old), page(new))


def test_a_sentence_split_that_drops_the_negation_alerts() -> None:
    changes = material(
        page("Card payments go through outside processors, and we do not store your full card number."),
        page("Card payments go through outside processors. We store your full card number."),
    )
    assert changes, "the promise not to keep the card number is gone"


# --- a period next to a deletion is a retention period, though the sentence notifies ------------


def test_a_deletion_period_in_a_sentence_about_notifications_is_retention() -> None:
    changes = material(
        page("Si vous recevez nos notifications, votre numéro est effacé 2 ans après notre dernier échange."),
        page("Si vous recevez nos notifications, votre numéro est effacé 5 ans après notre dernier échange."),
    )
    assert "retention" in categories(changes), changes


def test_a_notice_period_in_a_sentence_that_also_deletes_stays_a_change_term() -> None:
    changes = material(
        page("Nous vous notifierons 30 jours avant toute modification de cette politique de suppression."),
        page("Nous vous notifierons 10 jours avant toute modification de cette politique de suppression."),
    )
    assert "changes" in categories(changes), changes


# --- a notice period before changes, in other languages (and a Dutch clause read as Dutch) -------

NOTICE_PERIODS_OTHER = [
    (
        "Änderungen\n\nWir informieren Sie per E-Mail.",
        "Wir teilen Ihnen Änderungen dieser Bedingungen mindestens 30 Tage vor ihrem Inkrafttreten mit.",
        "Wir teilen Ihnen Änderungen dieser Bedingungen mindestens 10 Tage vor ihrem Inkrafttreten mit.",
    ),
    (
        "Modifications\n\nNous vous informerons par e-mail.",
        "Les modifications des présentes conditions prennent effet trente (30) jours après leur publication.",
        "Les modifications des présentes conditions prennent effet dix (10) jours après leur publication.",
    ),
    (
        "Wijzigingen\n\nWij informeren u per e-mail.",
        "Wijzigingen in deze voorwaarden treden 30 dagen na publicatie in werking.",
        "Wijzigingen in deze voorwaarden treden 10 dagen na publicatie in werking.",
    ),
]


@pytest.mark.parametrize("intro,old,new", NOTICE_PERIODS_OTHER)
def test_a_notice_period_before_changes_alerts_in_its_language(intro: str, old: str, new: str) -> None:
    changes = material(f"{intro}\n\n{old}\n", f"{intro}\n\n{new}\n")
    assert "changes" in categories(changes), changes


# --- a right dropped from the rights a named law grants ("your ARCO rights (access, ...)") --------

RIGHTS_OF_A_LAW = [
    (
        "People in Mexico can use their ARCO rights (access, rectification, cancellation and opposition).",
        "People in Mexico can use their ARCO rights (access, cancellation and opposition).",
    ),
    (
        "You may exercise your privacy rights, including access, correction and deletion, by writing to us.",
        "You may exercise your privacy rights, including access and deletion, by writing to us.",
    ),
]


@pytest.mark.parametrize("old,new", RIGHTS_OF_A_LAW)
def test_a_right_dropped_from_a_named_set_of_rights_alerts(old: str, new: str) -> None:
    changes = material(page(old, "Your choices"), page(new, "Your choices"))
    assert "rights" in categories(changes), changes
