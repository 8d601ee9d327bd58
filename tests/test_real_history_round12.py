"""Patterns from held-out real version histories (issue 10, round 12: Firefox, Firefox Cloud
Services, Hubs and Common Voice texts): a phrase of place put after a sentence's object ("… of this
data on desktops and phones", "…, on laptops") adds no item to a list (new optional lexicon key
`place_prepositions`); a German separable verb still shares when its object is a hyphenated compound
("geben Ihre E-Mail-Adresse an … weiter"), and a look-ahead verb ("hand … to", "geben … weiter")
counts when the verb itself was edited; "we cannot decrypt it" is a security promise in every
language; a page "you visit" (zh 您访问的) is no right of access; a Slovenian age said as "nad 18
let" or "stari 18 ali manj" is an age threshold; publishing "publicly" is sharing (en, sv, no); "you
can choose not to …" is an opt-out in every language; a negator put before a right ("you do not have
the right to object to marketing") withdraws the right, it drops no purpose; "gebruikers die" (nl)
and "användarnas" (sv) are users, no use of data; the Croatian future "dijelit ćemo" shares, and
"davatelj usluge" is a service provider; a kind of data added to a sharing sentence is said as data
shared; what we receive (zh 收到) and what the app sends us are data collected; consent withdrawn
with the definite noun (no/da "samtykket"); handing data to someone is sharing (en); vendors and
service providers are sharing terms (nl, de); "samengevoegde gegevens" (nl) is aggregated data; asking
permission first (zh 征求您的许可) is a consent condition; a list subject that grows turns its verb
plural ("is" -> "are"; new optional lexicon key `number_agreement`) and the new item is found; the
browsing history and the addresses of the pages you visit are data about the user."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, removed, single


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "You can read how to switch off the collection of these statistics.",
            "You can read how to switch off the collection of these statistics on laptops and tablets.",
        ),
        (
            "nl",
            "U leest hier hoe u het verzamelen van deze statistieken uitschakelt.",
            "U leest hier hoe u het verzamelen van deze statistieken op laptops en tablets uitschakelt.",
        ),
        (
            "de",
            "Hier lesen Sie, wie Sie die Erhebung dieser Statistiken abschalten.",
            "Hier lesen Sie, wie Sie die Erhebung dieser Statistiken auf Laptops und Tablets abschalten.",
        ),
        (
            "sv",
            "Här läser du hur du stänger av insamlingen av denna statistik.",
            "Här läser du hur du stänger av insamlingen av denna statistik på datorer och surfplattor.",
        ),
    ],
)
def test_a_phrase_of_place_after_the_object_adds_no_item(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_an_item_after_a_phrase_of_place_is_still_an_item() -> None:
    change = modified(
        "We collect your name on the website.",
        "We collect your name and your phone number on the website.",
    )
    assert_alert(change, "collection")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (
            "Wenn Sie ein Foto hochladen, speichern wir Ihre E-Mail-Adresse.",
            "Wenn Sie ein Foto hochladen, speichern wir Ihre E-Mail-Adresse und geben Ihre E-Mail-Adresse "
            "an einen Fotodienst weiter.",
        ),
        (
            "Wir speichern Ihre IP-Adresse für zwei Wochen.",
            "Wir legen Ihre IP-Adresse gegenüber Behörden offen.",
        ),
    ],
)
def test_a_separable_german_verb_shares_across_a_hyphenated_object(old: str, new: str) -> None:
    assert_alert(modified(old, new, "de"), "sharing")


DECRYPT = [
    ("en", "We are unable to decrypt your notes."),
    ("de", "Wir können Ihre Notizen nicht entschlüsseln."),
    ("fr", "Nous ne pouvons pas déchiffrer vos notes."),
    ("es", "No podemos descifrar sus notas."),
    ("nl", "Wij kunnen uw notities niet ontsleutelen."),
    ("sv", "Vi kan inte dekryptera dina anteckningar."),
    ("da", "Vi kan ikke dekryptere dine noter."),
    ("no", "Vi kan ikke dekryptere notatene dine."),
    ("hr", "Ne možemo dešifrirati vaše bilješke."),
    ("sl", "Vaših zapiskov ne moremo dešifrirati."),
    ("zh", "我们无法解密您的笔记。"),
]


@pytest.mark.parametrize(("language", "text"), DECRYPT)
def test_dropping_we_cannot_decrypt_it_is_a_security_change(language: str, text: str) -> None:
    assert_alert(removed(text, language), "security")


def test_a_page_the_user_visits_is_no_right_of_access() -> None:
    change = modified("本应用不会向我们发送您访问的网页地址。", "本应用会向我们发送您访问的网页地址。", "zh")
    assert "rights" not in change.categories


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Aplikacija je na voljo za vsakogar nad 18 let.", "Aplikacija je na voljo za vsakogar nad 13 let."),
        (
            "Če ste stari 17 ali manj, potrebujete soglasje staršev.",
            "Če ste stari 12 ali manj, potrebujete soglasje staršev.",
        ),
    ],
)
def test_a_slovenian_age_said_over_or_at_most(old: str, new: str) -> None:
    assert_alert(modified(old, new, "sl"), "children")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("en", "We never publicly post your street address.", "We may publicly post your street address."),
        (
            "sv",
            "Vi kommer aldrig att offentligt publicera din adress.",
            "Vi kan offentligt publicera adressen.",
        ),
        ("no", "Vi vil aldri publisere adressen din offentlig.", "Vi kan publisere adressen din offentlig."),
    ],
)
def test_publishing_publicly_is_sharing(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing")


CHOOSE_NOT_TO = [
    ("en", "You can choose not to appear in the public ranking."),
    ("de", "Sie können sich dafür entscheiden, nicht in der öffentlichen Rangliste zu erscheinen."),
    ("fr", "Vous pouvez choisir de ne pas figurer dans le classement public."),
    ("es", "Puede elegir no aparecer en la clasificación pública."),
    ("nl", "U kunt ervoor kiezen om niet in de openbare ranglijst te verschijnen."),
    ("sv", "Du kan välja att inte synas i den offentliga rankningen."),
    ("da", "Du kan vælge ikke at blive vist på den offentlige rangliste."),
    ("no", "Du kan velge å ikke vises på den offentlige rangeringen."),
    ("hr", "Možete odabrati da se ne prikazujete na javnoj ljestvici."),
    ("sl", "Lahko izberete, da se ne prikazujete na javni lestvici."),
    ("zh", "您可以选择不出现在公开排行榜中。"),
]


@pytest.mark.parametrize(("language", "text"), CHOOSE_NOT_TO)
def test_dropping_a_choice_not_to_takes_an_opt_out_away(language: str, text: str) -> None:
    assert_alert(removed(text, language), "rights")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "You have the right to object to the use of your data for advertising.",
            "You do not have the right to object to the use of your data for advertising.",
        ),
        (
            "de",
            "Sie haben das Recht, der Nutzung Ihrer Daten für Werbung zu widersprechen.",
            "Sie haben kein Recht, der Nutzung Ihrer Daten für Werbung zu widersprechen.",
        ),
        (
            "fr",
            "Vous avez le droit de vous opposer à la prospection commerciale.",
            "Vous n'avez pas le droit de vous opposer à la prospection commerciale.",
        ),
    ],
)
def test_a_negator_before_a_right_withdraws_the_right(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "rights")
    assert "purpose" not in change.categories


def test_a_negator_on_the_use_beside_a_right_is_still_about_the_use() -> None:
    change = modified(
        "You may object at any time, and we will not use your data for advertising.",
        "You may object at any time, and we will use your data for advertising.",
    )
    assert_alert(change, "purpose")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "nl",
            "De app toont inhoud, zoals nieuws, tips voor gebruikers die de app net openen en artikelen.",
            "De app toont inhoud, zoals nieuws, aanbevolen thema's, tips voor gebruikers die de app net "
            "openen en artikelen.",
        ),
        (
            "sv",
            "Appen visar innehåll, som nyheter och tips.",
            "Appen visar innehåll, som nyheter, användarnas uppgifter och tips.",
        ),
    ],
)
def test_users_are_no_use_of_data(language: str, old: str, new: str) -> None:
    assert "purpose" not in modified(old, new, language).categories


def test_the_croatian_future_shares_and_data_added_is_data_shared() -> None:
    change = modified(
        "Dijelit ćemo vašu adresu e-pošte s uslugom za fotografije.",
        "Dijelit ćemo vašu adresu e-pošte i broj telefona s uslugom za fotografije.",
        "hr",
    )
    assert_alert(change, "sharing")
    assert "data shared" in change.explanation


def test_what_we_receive_is_data_collected_in_chinese() -> None:
    change = modified("注册时，我们会收到您的用户名。", "注册时，我们会收到您的用户名和手机号码。", "zh")
    assert_alert(change, "collection")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "no",
            "Du kan når som helst trekke tilbake samtykket ditt.",
            "Du kan ikke trekke tilbake samtykket ditt.",
        ),
        ("no", "Du kan trekke samtykket ditt tilbake.", "Du kan ikke trekke samtykket ditt tilbake."),
        ("da", "Du kan altid trække samtykket tilbage.", "Du kan ikke trække samtykket tilbage."),
    ],
)
def test_withdrawing_the_consent_with_a_definite_noun(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "rights")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("We keep your delivery address.", "We hand your delivery address to Parcelo."),
        ("We keep your delivery address.", "We hand it over to Parcelo."),
    ],
)
def test_handing_data_to_someone_is_sharing(old: str, new: str) -> None:
    assert_alert(modified(old, new), "sharing")


def test_handing_is_no_sharing_without_a_recipient() -> None:
    assert "sharing" not in single("added", "On the other hand, we keep logs for a week.").categories


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nl", "De app verzendt installatiegegevens naar onze leverancier voor statistieken."),
        ("de", "Die App sendet Installationsdaten an unseren Statistikdienstleister."),
    ],
)
def test_data_sent_to_our_vendor_is_shared(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "sharing")


def test_a_separable_verb_replacing_another_verb_is_a_sharing_change() -> None:
    change = modified(
        "Wenn Sie ein Foto hochladen, speichern wir Ihre E-Mail-Adresse.",
        "Wenn Sie ein Foto hochladen, geben wir Ihre E-Mail-Adresse an einen Fotodienst weiter.",
        "de",
    )
    assert_alert(change, "sharing")


def test_developing_a_service_further_is_no_sharing() -> None:
    change = modified(
        "Wir verbessern unsere Dienste ständig.",
        "Wir entwickeln unsere Dienste an allen Standorten weiter.",
        "de",
    )
    assert "sharing" not in change.categories


def test_dropping_aggregated_from_shared_data_in_dutch() -> None:
    change = modified(
        "Wij delen samengevoegde gegevens met onze reclamepartner.",
        "Wij delen gegevens over uw klikgedrag met onze reclamepartner.",
        "nl",
    )
    assert_alert(change, "security")


def test_asking_permission_first_is_a_consent_condition_in_chinese() -> None:
    change = modified(
        "若应用请求您的通讯录，系统会在提供之前征求您的许可。",
        "若应用请求您的通讯录，系统会直接提供。",
        "zh",
    )
    assert change.material, change


SENDS_US = [
    ("en", "The widget does not send us the pages you read.", "The widget sends us the pages you read."),
    (
        "de",
        "Das Widget sendet uns nicht die Seiten, die Sie lesen.",
        "Das Widget sendet uns die Seiten, die Sie lesen.",
    ),
    (
        "nl",
        "De widget stuurt ons niet de pagina's die u leest.",
        "De widget stuurt ons de pagina's die u leest.",
    ),
    ("sv", "Widgeten skickar inte sidorna du läser till oss.", "Widgeten skickar sidorna du läser till oss."),
    ("no", "Widgeten sender ikke sidene du leser til oss.", "Widgeten sender sidene du leser til oss."),
    ("hr", "Dodatak nam ne šalje stranice koje čitate.", "Dodatak nam šalje stranice koje čitate."),
    ("sl", "Vtičnik nam ne pošilja strani, ki jih berete.", "Vtičnik nam pošilja strani, ki jih berete."),
    ("zh", "该插件不会向我们发送您阅读的页面。", "该插件会向我们发送您阅读的页面。"),
]


@pytest.mark.parametrize(("language", "old", "new"), SENDS_US)
def test_what_the_app_sends_us_is_data_collected(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Your nickname is shared with other players.",
            "Your nickname and your email address are shared with other players.",
        ),
        (
            "nl",
            "Uw bijnaam wordt gedeeld met andere spelers.",
            "Uw bijnaam en uw woonplaats worden gedeeld met andere spelers.",
        ),
        (
            "de",
            "Ihr Spitzname wird mit anderen Spielern geteilt.",
            "Ihr Spitzname und Ihr Wohnort werden mit anderen Spielern geteilt.",
        ),
    ],
)
def test_a_list_subject_that_grows_with_a_plural_verb_adds_an_item(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing")


def test_a_verb_turned_plural_alone_adds_no_item() -> None:
    assert_quiet(modified("The summary is sent every week.", "The summaries are sent every week."))


def test_the_croatian_davatelj_usluge_is_a_service_provider() -> None:
    text = "Aplikacija šalje podatke o instalaciji našem davatelju usluge za analitiku."
    assert_alert(single("added", text, language="hr"), "sharing")


def test_a_phrase_of_place_after_a_comma_adds_no_item() -> None:
    change = modified(
        "We use your IP address to pick news based on your region.",
        "We use your IP address to pick news based on your region, on laptops and phones.",
    )
    assert_quiet(change)


VISITED_PAGES = [
    (
        "en",
        "The toolbar does not send Acme the web addresses you visit.",
        "The toolbar sends Acme the web addresses you visit.",
    ),
    (
        "hr",
        "Alatna traka ne šalje Acmeu URL-ove koje posjećujete.",
        "Alatna traka šalje Acmeu URL-ove koje posjećujete.",
    ),
    ("zh", "工具栏不会向 Acme 发送您访问的网址。", "工具栏会向 Acme 发送您访问的网址。"),
    (
        "nl",
        "De werkbalk stuurt Acme niet uw browsegeschiedenis.",
        "De werkbalk stuurt Acme uw browsegeschiedenis.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), VISITED_PAGES)
def test_the_pages_you_visit_are_data_about_you(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")
