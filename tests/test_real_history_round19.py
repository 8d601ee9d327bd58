"""Patterns from a held-out round of real edits cut from real version histories (issue 10, round
19, realedits19): a provider or feature said to be used "only in the territories concerned" (in
countries the policy does not name) says where a service is offered, not a limit on what is done
with the data; an "only" with a named place ("only in the EU") or a purpose stays a limit."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change

# One sentence per language about a mail provider, then the same sentence said to apply only in
# the countries (regions, markets) where the feature is offered, none of them named.
OFFERED_ONLY_IN_SOME_COUNTRIES = [
    (
        "en",
        "We work with PostRelay to send account e-mails and, if you agree, our newsletter.",
        "Only in the supported countries, we work with PostRelay to send "
        "account e-mails and, if you agree, our newsletter.",
    ),
    (
        "en",
        "Members can pay with a saved card through our partner CardNest.",
        "Members can pay with a saved card through our partner CardNest, only "
        "where this feature is available.",
    ),
    (
        "de",
        "Wir arbeiten mit PostRelay zusammen, um Konto-E-Mails und, wenn Sie "
        "zustimmen, unseren Newsletter zu versenden.",
        "Nur in bestimmten Ländern arbeiten wir mit PostRelay zusammen, um "
        "Konto-E-Mails und, wenn Sie zustimmen, unseren Newsletter zu versenden.",
    ),
    (
        "fr",
        "Nous faisons appel à PostRelay pour envoyer les e-mails liés au "
        "compte et, si vous l'acceptez, notre lettre d'information.",
        "Uniquement dans les pays éligibles, nous faisons appel à PostRelay "
        "pour envoyer les e-mails liés au compte et, si vous l'acceptez, notre lettre d'information.",
    ),
    (
        "es",
        "Trabajamos con PostRelay para enviar los correos de la cuenta y, si lo aceptas, nuestro boletín.",
        "Solo en algunos países trabajamos con PostRelay para enviar los "
        "correos de la cuenta y, si lo aceptas, nuestro boletín.",
    ),
    (
        "da",
        "Vi samarbejder med PostRelay om at sende kontomails og, hvis du accepterer det, vores nyhedsbrev.",
        "Kun i visse lande samarbejder vi med PostRelay om at sende kontomails "
        "og, hvis du accepterer det, vores nyhedsbrev.",
    ),
    (
        "sv",
        "Vi samarbetar med PostRelay för att skicka kontomejl och, om du godkänner det, vårt nyhetsbrev.",
        "Endast i vissa länder samarbetar vi med PostRelay för att skicka "
        "kontomejl och, om du godkänner det, vårt nyhetsbrev.",
    ),
    (
        "no",
        "Vi samarbeider med PostRelay for å sende kontoeposter og, hvis du samtykker, nyhetsbrevet vårt.",
        "Kun i utvalgte land samarbeider vi med PostRelay for å sende "
        "kontoeposter og, hvis du samtykker, nyhetsbrevet vårt.",
    ),
    (
        "nl",
        "We werken samen met PostRelay om accountmails en, als je daarmee "
        "instemt, onze nieuwsbrief te versturen.",
        "Alleen in bepaalde landen werken we samen met PostRelay om "
        "accountmails en, als je daarmee instemt, onze nieuwsbrief te versturen.",
    ),
    (
        "hr",
        "Surađujemo s tvrtkom PostRelay radi slanja poruka o računu i, uz vašu privolu, našeg biltena.",
        "Samo u određenim zemljama surađujemo s tvrtkom PostRelay radi slanja "
        "poruka o računu i, uz vašu privolu, našeg biltena.",
    ),
    (
        "sl",
        "S podjetjem PostRelay sodelujemo pri pošiljanju sporočil o računu in, "
        "z vašo privolitvijo, našega novičnika.",
        "Samo v nekaterih državah s podjetjem PostRelay sodelujemo pri "
        "pošiljanju sporočil o računu in, z vašo privolitvijo, našega novičnika.",
    ),
    (
        "zh",
        "我们与PostRelay合作发送账户邮件，并在您同意后发送我们的新闻简报。",
        "仅在部分国家和地区，我们与PostRelay合作发送账户邮件，并在您同意后发送我们的新闻简报。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), OFFERED_ONLY_IN_SOME_COUNTRIES)
def test_only_in_unnamed_countries_says_where_a_feature_is_offered(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new", "category"),
    [
        (
            "en",
            "We keep your files on servers that our host runs.",
            "We keep your files only in the EU, on servers that our host runs.",
            None,
        ),
        (
            "en",
            "We use your location to show nearby shops.",
            "We use your location only to show nearby shops.",
            "purpose",
        ),
        (
            "fr",
            "Nous utilisons votre position pour afficher les magasins proches.",
            "Nous utilisons votre position uniquement pour afficher les magasins proches.",
            "purpose",
        ),
        (
            "de",
            "Wir nutzen Ihren Standort, um Geschäfte in der Nähe anzuzeigen.",
            "Wir nutzen Ihren Standort nur, um Geschäfte in der Nähe anzuzeigen.",
            "purpose",
        ),
    ],
)
def test_only_with_a_place_or_a_purpose_still_limits(
    language: str, old: str, new: str, category: str | None
) -> None:
    change = modified(old, new, language)
    if category is None:
        assert change.material
    else:
        assert_alert(change, category)


# A new feature's paragraph: "when you set up a gift list, we process what you type in". The data the
# user enters is data the service collects, as "the information you provide" already is.
ENTERED_DATA_PROCESSED = [
    ("en", "When you set up a gift list, we process the details you type in."),
    ("de", "Wenn Sie eine Geschenkliste anlegen, verarbeiten wir die Angaben, die Sie dort eintragen."),
    ("fr", "Lorsque vous créez une liste de cadeaux, nous traitons les informations que vous y saisissez."),
    ("es", "Cuando creas una lista de regalos, tratamos los datos que introduces."),
    ("da", "Når du opretter en gaveliste, behandler vi de oplysninger, du indtaster."),
    ("sv", "När du skapar en önskelista behandlar vi de uppgifter som du fyller i."),
    ("no", "Når du lager en gaveliste, behandler vi opplysningene du skriver inn."),
    ("nl", "Als je een cadeaulijst aanmaakt, verwerken we de gegevens die je invult."),
    ("hr", "Kada izradite popis darova, obrađujemo podatke koje unesete."),
    ("sl", "Ko ustvarite seznam daril, obdelujemo podatke, ki jih vnesete."),
    ("zh", "当您创建礼物清单时，我们会处理您填写的信息。"),
]


@pytest.mark.parametrize(("language", "text"), ENTERED_DATA_PROCESSED)
def test_processing_what_the_user_enters_is_collection(language: str, text: str) -> None:
    assert_alert(single("added", text, (), language), "collection")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("no", "Når du bestiller et gavekort, samler vi også inn adressen til mottakeren."),
        ("no", "Før vi godkjenner kontoen, henter vi inn opplysninger om deg fra et kredittbyrå."),
        ("da", "Når du bestiller et gavekort, samler vi også modtagerens adresse ind."),
    ],
)
def test_collecting_with_the_verb_before_its_subject(language: str, text: str) -> None:
    # Norwegian and Danish put the verb before "vi" after a leading clause, its particle after
    assert_alert(single("added", text, (), language), "collection")


def test_deleting_what_the_user_entered_is_no_new_collection() -> None:
    change = single("added", "You can delete the details you type in at any time.", (), "en")
    assert "collection" not in change.categories


def _markdown_changes(old: str, new: str) -> list[Change]:
    return compare_documents(
        normalize(old.encode(), "text/markdown"), normalize(new.encode(), "text/markdown")
    ).changes


_ROW = (
    "| Purpose | What we do | Legal basis | Partners |\n| --- | --- | --- | --- |\n"
    "| Running the app | We keep your list names for 30 days.<br><br>"
    "We send crash reports to our host so it can fix faults.{last}"
    " | Contract and legitimate interest. | Us & CloudHost Ltd. |\n"
)


@pytest.mark.parametrize(
    "last",
    [
        "<br><br>We also share your e-mail address with AdPartner to show you offers.",
        "<br><br>Wir geben Ihre E-Mail-Adresse außerdem an AdPartner weiter, um Ihnen Angebote zu zeigen.",
    ],
)
def test_the_row_cells_that_move_to_the_sentence_before_are_no_change(last: str) -> None:
    # the cell's last sentence dropped: the row's other columns now end the sentence before it,
    # which says the same; only the dropped sentence is a change of terms
    changes = _markdown_changes(_ROW.format(last=last), _ROW.format(last=""))
    # one edit of one row: the dropped sentence and the cells moved beside it are one change
    # (engine/hunks.py), which alerts for the dropped sentence's terms only
    (change,) = changes
    assert change.material and "sharing" in change.categories, changes
    assert "AdPartner" in change.old.text and "AdPartner" not in change.new.text, change
