"""Patterns from a held-out check on fresh German, Danish and Swedish policy text (issue 10,
round 9a): a negation dropped before a term of another kind than the sentence's other ban, a kind
of data or of recipient added where a sentence only says data is processed, in every language the
pattern applies to."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "sv",
            "Vi använder inte kakor och samlar ingen information om dina köp.",
            "Vi använder kakor och samlar ingen information om dina köp.",
        ),
        (
            "da",
            "Vi bruger ikke cookies og indsamler ingen oplysninger om dine køb.",
            "Vi bruger cookies og indsamler ingen oplysninger om dine køb.",
        ),
        (
            "de",
            "Wir setzen keine Cookies ein und erheben keine Daten über Ihre Einkäufe.",
            "Wir setzen Cookies ein und erheben keine Daten über Ihre Einkäufe.",
        ),
    ],
)
def test_negation_dropped_before_another_term_alerts(language: str, old: str, new: str) -> None:
    # The ban on collecting stays; the one on cookies is gone.
    assert_alert(modified(old, new, language), "tracking", "high")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "sv",
            "Vi varken säljer eller hyr ut dina uppgifter.",
            "Vi säljer inte och hyr inte ut dina uppgifter.",
        ),
        (
            "da",
            "Vi sælger ikke og udlejer ikke dine kundedata.",
            "Vi hverken sælger eller udlejer dine kundedata.",
        ),
    ],
)
def test_one_ban_said_with_other_negators_stays_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "de",
            "Beim Besuch der App verarbeiten wir Gerätedaten sowie Absturzberichte.",
            "Beim Besuch der App verarbeiten wir Gerätedaten, Standortdaten sowie Absturzberichte.",
        ),
        (
            "da",
            "Når du bruger appen, behandler vi enhedsdata og fejlrapporter.",
            "Når du bruger appen, behandler vi enhedsdata, lokationsdata og fejlrapporter.",
        ),
        (
            "sv",
            "När du använder appen behandlar vi enhetsdata och felrapporter.",
            "När du använder appen behandlar vi enhetsdata, platsdata och felrapporter.",
        ),
        (
            "en",
            "When you open the app we process device data and crash reports.",
            "When you open the app we process device data, location data and crash reports.",
        ),
    ],
)
def test_data_kind_added_where_data_is_processed_alerts(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "de",
            "Rechnungen verarbeiten wir über einen Zahlungsdienstleister.",
            "Rechnungen verarbeiten wir über einen Zahlungsdienstleister und Werbenetzwerke.",
        ),
        (
            "en",
            "Invoices are processed through payment service providers.",
            "Invoices are processed through payment service providers and advertising networks.",
        ),
    ],
)
def test_recipient_added_where_data_is_processed_alerts(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "sharing")
    assert "security" not in change.categories, change


def test_same_data_kinds_reworded_where_data_is_processed_stays_quiet() -> None:
    assert_quiet(
        modified(
            "Beim Besuch der App verarbeiten wir Standortdaten sowie Absturzberichte.",
            "Beim Besuch der App verarbeiten wir Absturzberichte sowie Standortdaten.",
            "de",
        )
    )


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "de",
            "Sie haben das Recht auf eine Kopie Ihrer Daten, ohne dass hierfür eine Gebühr anfällt.",
            "Sie haben das Recht auf eine Kopie Ihrer Daten, ohne dass Ihnen dafür Kosten entstehen.",
        ),
        (
            "da",
            "Du har ret til en kopi af dine data uden beregning.",
            "Du har ret til en kopi af dine data, uden at det koster dig noget.",
        ),
        (
            "sv",
            "Du har rätt till en kopia av dina uppgifter utan kostnad.",
            "Du har rätt till en kopia av dina uppgifter utan att det kostar dig något.",
        ),
    ],
)
def test_free_of_charge_said_another_way_stays_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "da",
            "Du har ret til en kopi af dine data, uden at det koster dig noget.",
            "Du har ret til en kopi af dine data mod et gebyr.",
        ),
        (
            "sv",
            "Du har rätt till en kopia av dina uppgifter utan att det kostar dig något.",
            "Du har rätt till en kopia av dina uppgifter mot en avgift.",
        ),
    ],
)
def test_free_of_charge_dropped_alerts(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "rights")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("da", "Betalinger håndteres af Nordpay.", "Betalinger håndteres af Nordpay A/S."),
        (
            "en",
            "We use the results to plan campaigns with Nordpay.",
            "We use the results to plan campaigns with Nordpay A/S.",
        ),
    ],
)
def test_company_form_with_a_slash_is_no_list_item(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "da",
            "Beder vi om flere oplysninger, kan du altid sige nej.",
            "Beder vi om flere oplysninger, kan du ikke sige nej.",
        ),
        (
            "sv",
            "Om vi ber om fler uppgifter kan du alltid tacka nej.",
            "Om vi ber om fler uppgifter kan du inte tacka nej.",
        ),
        (
            "de",
            "Fragen wir nach weiteren Angaben, können Sie dies jederzeit ablehnen.",
            "Fragen wir nach weiteren Angaben, können Sie dies nicht ablehnen.",
        ),
    ],
)
def test_negation_where_we_speak_of_data_alerts(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")


def test_negation_about_another_partys_doings_stays_quiet() -> None:
    assert_quiet(
        modified(
            "Der Anbieter kann die Nummer zurückfordern, wenn Sie ein Jahr lang keine Nachrichten senden.",
            "Der Anbieter kann die Nummer zurückfordern, wenn Sie ein Jahr lang Nachrichten senden.",
            "de",
        )
    )
