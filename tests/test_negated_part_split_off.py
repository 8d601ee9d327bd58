"""A sentence split in two where the part cut off was negated ("We do not sell your data and do
not use it for advertising profiles." -> "We do not sell your data." + "We will not use your data
for advertising profiles."): what was ruled out is still ruled out, in its own sentence, so no
alert, in every language. When the part cut off is said nowhere else, or is said again without
its negation, the change still alerts."""

from __future__ import annotations

import pytest
from engine_checks import page_changes, section_page

# (language, heading, joined sentence, its first part alone, the negated part on its own,
#  that part said without a negation, an unrelated sentence)
CASES = [
    (
        "en",
        "Sharing",
        "We do not sell the personal data you give us when you register or contact our support team "
        "and do not use it to build advertising profiles.",
        "We do not sell the personal data you give us when you register or contact our support team.",
        "We will not use your personal data to build advertising profiles.",
        "We may use your personal data to build advertising profiles.",
        "You can contact us through the help centre.",
    ),
    (
        "de",
        "Weitergabe",
        "Wir verkaufen die personenbezogenen Daten, die Sie uns bei der Registrierung oder im Kontakt "
        "mit unserem Support geben, nicht und nutzen sie nicht für Werbeprofile.",
        "Wir verkaufen die personenbezogenen Daten, die Sie uns bei der Registrierung oder im Kontakt "
        "mit unserem Support geben, nicht.",
        "Ihre personenbezogenen Daten nutzen wir nicht für Werbeprofile.",
        "Ihre personenbezogenen Daten können wir für Werbeprofile nutzen.",
        "Sie erreichen uns über das Hilfecenter.",
    ),
    (
        "fr",
        "Partage",
        "Nous ne vendons pas les données personnelles que vous nous fournissez lors de votre inscription "
        "ou en contactant notre support et ne les utilisons pas pour créer des profils publicitaires.",
        "Nous ne vendons pas les données personnelles que vous nous fournissez lors de votre inscription "
        "ou en contactant notre support.",
        "Nous n'utilisons pas vos données personnelles pour créer des profils publicitaires.",
        "Nous pouvons utiliser vos données personnelles pour créer des profils publicitaires.",
        "Vous pouvez nous joindre via le centre d'aide.",
    ),
    (
        "es",
        "Compartir",
        "No vendemos los datos personales que nos facilita al registrarse o al contactar con nuestro "
        "soporte y no los utilizamos para crear perfiles publicitarios.",
        "No vendemos los datos personales que nos facilita "
        "al registrarse o al contactar con nuestro soporte.",
        "No utilizamos sus datos personales para crear perfiles publicitarios.",
        "Podemos utilizar sus datos personales para crear perfiles publicitarios.",
        "Puede contactarnos a través del centro de ayuda.",
    ),
    (
        "da",
        "Deling",
        "Vi sælger ikke de personoplysninger, du giver os, når du registrerer dig eller kontakter vores "
        "support, og bruger dem ikke til at lave reklameprofiler.",
        "Vi sælger ikke de personoplysninger, du giver os, "
        "når du registrerer dig eller kontakter vores support.",
        "Vi bruger ikke dine personoplysninger til at lave reklameprofiler.",
        "Vi kan bruge dine personoplysninger til at lave reklameprofiler.",
        "Du kan kontakte os via hjælpecenteret.",
    ),
    (
        "sv",
        "Delning",
        "Vi säljer inte de personuppgifter du ger oss när du registrerar dig eller kontaktar vår support "
        "och använder dem inte för att skapa reklamprofiler.",
        "Vi säljer inte de personuppgifter du ger oss när du registrerar dig eller kontaktar vår support.",
        "Vi använder inte dina personuppgifter för att skapa reklamprofiler.",
        "Vi kan använda dina personuppgifter för att skapa reklamprofiler.",
        "Du kan kontakta oss via hjälpcentret.",
    ),
    (
        "no",
        "Deling",
        "Vi selger ikke personopplysningene du gir oss når du registrerer deg eller kontakter kundestøtten "
        "vår, og bruker dem ikke til å lage reklameprofiler.",
        "Vi selger ikke personopplysningene du gir oss "
        "når du registrerer deg eller kontakter kundestøtten vår.",
        "Vi bruker ikke personopplysningene dine til å lage reklameprofiler.",
        "Vi kan bruke personopplysningene dine til å lage reklameprofiler.",
        "Du kan kontakte oss via hjelpesenteret.",
    ),
    (
        "nl",
        "Delen",
        "Wij verkopen de persoonsgegevens die u ons geeft bij registratie of contact met onze "
        "klantenservice niet en gebruiken ze niet om advertentieprofielen te maken.",
        "Wij verkopen de persoonsgegevens die u ons geeft "
        "bij registratie of contact met onze klantenservice niet.",
        "Wij gebruiken uw persoonsgegevens niet om advertentieprofielen te maken.",
        "Wij kunnen uw persoonsgegevens gebruiken om advertentieprofielen te maken.",
        "U kunt contact met ons opnemen via het helpcentrum.",
    ),
    (
        "hr",
        "Dijeljenje",
        "Ne prodajemo osobne podatke koje nam date prilikom registracije ili kontakta s našom podrškom "
        "i ne koristimo ih za izradu oglasnih profila.",
        "Ne prodajemo osobne podatke koje nam date prilikom registracije ili kontakta s našom podrškom.",
        "Vaše osobne podatke ne koristimo za izradu oglasnih profila.",
        "Vaše osobne podatke možemo koristiti za izradu oglasnih profila.",
        "Možete nas kontaktirati putem centra za pomoć.",
    ),
    (
        "sl",
        "Deljenje",
        "Ne prodajamo osebnih podatkov, ki nam jih posredujete ob registraciji ali stiku z našo podporo, "
        "in jih ne uporabljamo za oblikovanje oglaševalskih profilov.",
        "Ne prodajamo osebnih podatkov, ki nam jih posredujete ob registraciji ali stiku z našo podporo.",
        "Vaših osebnih podatkov ne uporabljamo za oblikovanje oglaševalskih profilov.",
        "Vaše osebne podatke lahko uporabljamo za oblikovanje oglaševalskih profilov.",
        "Z nami se lahko povežete prek centra za pomoč.",
    ),
    (
        "zh",
        "信息共享",
        "我们不会出售您在注册或联系客服时提供给我们的个人信息，也不会将其用于建立广告画像。",
        "我们不会出售您在注册或联系客服时提供给我们的个人信息。",
        "我们不会将您的个人信息用于建立广告画像。",
        "我们可能将您的个人信息用于建立广告画像。",
        "您可以通过帮助中心联系我们。",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_negated_part_split_into_its_own_sentence_is_quiet(case: tuple) -> None:
    _, heading, joined, first, negated, _, other = case
    changes = page_changes(
        section_page(heading, [joined, other]), section_page(heading, [first, negated, other])
    )
    assert changes and not any(c.material for c in changes), changes


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_negated_part_dropped_alerts(case: tuple) -> None:
    _, heading, joined, first, _, _, other = case
    changes = page_changes(section_page(heading, [joined, other]), section_page(heading, [first, other]))
    assert any(c.material for c in changes), changes


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0])
def test_part_said_again_without_its_negation_alerts(case: tuple) -> None:
    _, heading, joined, first, _, allowed, other = case
    changes = page_changes(
        section_page(heading, [joined, other]), section_page(heading, [first, allowed, other])
    )
    assert any(c.material for c in changes), changes
