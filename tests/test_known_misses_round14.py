"""Round 14: engine errors found on held-out real text (short Nordic, Dutch and South Slavic
sentences, breach wording, features described, controllers named as groups, promises dropped),
each stated as its general pattern in new sentences, with the contrast that must still alert."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, removed

from monitor.engine.pipeline import analyse
from monitor.extract.normalize import normalize
from monitor.lang.detect import detect_language


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # Norwegian "-ene", "-ert", "opp-", "personvern" where the function words tie with Danish
        ("no", "Samtalene dine er kryptert."),
        ("no", "Vi deler adresseopplysningene dine med leverandører."),
        ("no", "Kontakt personvernteamet vårt på e-post."),
        ("no", "Du har rett til sletting av kontoen."),
        # Danish "-erne", "-eret"
        ("da", "Samtalerne er krypteret."),
        # Swedish verbs in "-ar"
        ("sv", "Vi sparar dina kvitton tills du avslutar kontot."),
        # Slovenian and Croatian words for passing data on and for the controller
        ("sl", "Vaše podatke posredujemo ponudnikom."),
        ("hr", "Voditelj obrade je Primjer d.o.o."),
        # Dutch "ij" before a consonant, "lees meer"
        ("nl", "De verwerkingsverantwoordelijke is Voorbeeld B.V."),
        ("nl", "Lees meer in ons privacybeleid."),
    ],
)
def test_a_short_sentence_alone_is_read_in_its_own_close_language(language: str, sentence: str) -> None:
    assert detect_language(sentence) == language
    # alone in a document (a one-line policy, a table cell), the clause keeps that language
    assert [c.language for c in analyse(normalize(sentence.encode(), "text/plain"))] == [language]


def test_a_short_clause_leans_on_the_language_of_its_document() -> None:
    # "Tjenesten er ikke beregnet for barn" is written alike in Danish and Norwegian: inside a
    # Norwegian document it is Norwegian, inside a Danish one Danish
    short = "Tjenesten er ikke beregnet for barn."
    norwegian = "Vi lagrer opplysningene dine i to år. Deretter sletter vi dem. " + short
    danish = "Vi opbevarer dine oplysninger i to år. Derefter sletter vi dem. " + short
    assert analyse(normalize(norwegian.encode(), "text/plain"))[-1].language == "no"
    assert analyse(normalize(danish.encode(), "text/plain"))[-1].language == "da"


def test_a_breach_named_as_a_risk_sets_no_deadline_for_telling() -> None:
    assert_quiet(
        modified(
            "Change your password every 12 months, or your account is at risk of a data breach.",
            "Change your password every 6 months, or your account is at risk of a data breach.",
        )
    )
    assert_quiet(
        modified(
            "Wenn Sie Ihr Passwort 12 Monate nicht ändern, steigt das Risiko einer Datenpanne.",
            "Wenn Sie Ihr Passwort 6 Monate nicht ändern, steigt das Risiko einer Datenpanne.",
            "de",
        )
    )
    # records of incidents kept longer: a retention period, no deadline for telling
    change = modified(
        "Logs of security incidents are kept for 1 year.", "Logs of security incidents are kept for 4 years."
    )
    assert_alert(change, "retention")
    assert "security" not in change.categories
    # a stated time to tell of a breach is a deadline
    assert_alert(
        modified(
            "After a data breach we notify affected customers within 48 hours.",
            "After a data breach we notify affected customers within 10 days.",
        ),
        "security",
        "high",
    )


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "zh",
            "如果出现个人信息泄露，我们将在48小时内通过短信通知您。",
            "如果出现个人信息泄露，我们将在10天内通过短信通知您。",
        ),
        (
            "fr",
            "En cas de fuite de données, nous vous informerons sous 48 heures.",
            "En cas de fuite de données, nous vous informerons sous 10 jours.",
        ),
        (
            "hr",
            "U slučaju povrede osobnih podataka obavijestit ćemo vas u roku od 48 sati.",
            "U slučaju povrede osobnih podataka obavijestit ćemo vas u roku od 10 dana.",
        ),
    ],
)
def test_a_breach_notice_period_changed_is_security_not_policy_changes(
    language: str, old: str, new: str
) -> None:
    # the breach is named in one part of the sentence, the time to tell in another
    change = modified(old, new, language)
    assert_alert(change, "security", "high")
    assert "changes" not in change.categories


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Booking alerts show up as messages on your phone.",
            "Booking alerts show up as banners on your phone.",
        ),
        (
            "en",
            "Your reminders appear as messages on your phone.",
            "Your reminders appear as notifications on your phone.",
        ),
        (
            "fr",
            "Vos alertes s'affichent sous forme de messages sur votre téléphone.",
            "Vos alertes s'affichent sous forme de notifications sur votre téléphone.",
        ),
        (
            "es",
            "Sus alertas aparecen como mensajes en su teléfono.",
            "Sus alertas aparecen como notificaciones en su teléfono.",
        ),
    ],
)
def test_how_a_feature_shows_messages_on_a_phone_collects_nothing(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_messages_collected_or_shown_to_others_still_alert() -> None:
    assert_alert(
        modified("We collect your name.", "We collect your name and the messages on your phone."),
        "collection",
    )
    assert_alert(
        modified(
            "Your profile is shown to other members.", "Your profile and messages are shown to other members."
        ),
        "sharing",
    )


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "fr",
            "Le responsable du traitement est Lumen SAS et ses filiales, dont Lumen Studio SARL.",
            "Le responsable du traitement est Lumen SAS.",
        ),
        (
            "es",
            "El responsable del tratamiento es Lumen SL y sus filiales, entre ellas Lumen Estudio SA.",
            "El responsable del tratamiento es Lumen SL.",
        ),
        (
            "da",
            "Dataansvarlig er Lumen A/S og dets datterselskaber, herunder Lumen Studio ApS.",
            "Dataansvarlig er Lumen A/S.",
        ),
        (
            "sv",
            "Personuppgiftsansvarig är Lumen AB och dess dotterbolag, däribland Lumen Studio AB.",
            "Personuppgiftsansvarig är Lumen AB.",
        ),
        (
            "no",
            "Behandlingsansvarlig er Lumen AS og dets datterselskaper, blant annet Lumen Studio AS.",
            "Behandlingsansvarlig er Lumen AS.",
        ),
        ("zh", "个人信息处理者为流明公司及其关联公司，包括流明科技公司。", "个人信息处理者为流明公司。"),
    ],
)
def test_a_controller_defined_as_a_group_is_no_list_of_recipients(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_a_controller_sharing_with_its_group_still_alerts() -> None:
    assert_alert(
        modified(
            "Le responsable du traitement partage vos données avec ses filiales.",
            "Le responsable du traitement partage vos données avec ses filiales et des annonceurs.",
            "fr",
        ),
        "sharing",
    )


@pytest.mark.parametrize(
    ("language", "promise"),
    [
        ("en", "This record is never linked to other information about you."),
        ("nl", "Deze gegevens worden niet gekoppeld aan andere informatie over u."),
        ("de", "Diese Angaben werden nicht mit anderen Daten über Sie verknüpft."),
        ("fr", "Ces informations ne sont jamais associées à d'autres données vous concernant."),
        ("da", "Disse oplysninger kobles ikke med andre oplysninger om dig."),
        ("zh", "该记录不会与您的其他信息关联。"),
    ],
)
def test_a_promise_not_to_link_data_to_the_user_dropped_is_material(language: str, promise: str) -> None:
    assert_alert(removed(promise, language), "collection")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We keep the click counts in anonymous form, with the date.",
            "We keep the click counts, with the date.",
        ),
        (
            "hr",
            "Broj klikova čuvamo u anonimnom obliku, zajedno s datumom.",
            "Broj klikova čuvamo zajedno s datumom.",
        ),
        (
            "fr",
            "Nous conservons le nombre de clics sous forme anonyme.",
            "Nous conservons le nombre de clics.",
        ),
        ("nl", "Wij bewaren het aantal klikken in geanonimiseerde vorm.", "Wij bewaren het aantal klikken."),
    ],
)
def test_anonymous_form_dropped_from_what_is_kept_is_material(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "security")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We publish parts of the error reports to the public.",
            "We publish the error reports in full to the public.",
        ),
        (
            "hr",
            "Dijelove izvješća o greškama objavljujemo javnosti.",
            "Izvješća o greškama u cijelosti objavljujemo javnosti.",
        ),
    ],
)
def test_only_part_of_the_data_published_widened_to_all_of_it_is_material(
    language: str, old: str, new: str
) -> None:
    assert_alert(modified(old, new, language), "sharing")


def test_a_notice_before_policy_changes_beside_a_breach_stays_a_change_notice() -> None:
    change = modified(
        "本条款变更时，我们将提前30天通知您；如发生信息泄露，我们将及时告知您。",
        "本条款变更时，我们将提前10天通知您；如发生信息泄露，我们将及时告知您。",
        "zh",
    )
    assert_alert(change, "changes")
    assert "security" not in change.categories
