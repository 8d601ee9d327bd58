"""A consent requirement dropped from a statement of use ("we analyse your recordings ... only if
you opt in" -> without the opt-in) is material and high in every language, also when the
sentence names its data without a possessive and so carries no category word. Each pattern in
new sentences of our own."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

from monitor.engine.facts import pick_lexicon


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We review chat transcripts to tune our assistant only if you opt in.",
            "We review chat transcripts to tune our assistant.",
        ),
        (
            "de",
            "Wir werten Chatprotokolle nur dann zur Verbesserung des Assistenten aus, wenn Sie einwilligen.",
            "Wir werten Chatprotokolle zur Verbesserung des Assistenten aus.",
        ),
        (
            "fr",
            "Nous analysons les transcriptions de chat pour améliorer l'assistant si vous y consentez.",
            "Nous analysons les transcriptions de chat pour améliorer l'assistant.",
        ),
        (
            "es",
            "Analizamos las transcripciones del chat para mejorar el asistente solo si usted lo autoriza.",
            "Analizamos las transcripciones del chat para mejorar el asistente.",
        ),
        (
            "da",
            "Vi gennemgår chatudskrifter for at forbedre assistenten, kun hvis du giver samtykke.",
            "Vi gennemgår chatudskrifter for at forbedre assistenten.",
        ),
        (
            "sv",
            "Vi går igenom chattloggar för att förbättra assistenten endast om du samtycker.",
            "Vi går igenom chattloggar för att förbättra assistenten.",
        ),
        (
            "nl",
            "We bekijken chatverslagen alleen om de assistent te verbeteren als u daarmee instemt.",
            "We bekijken chatverslagen om de assistent te verbeteren.",
        ),
    ],
)
def test_an_opt_in_dropped_from_a_use_of_data_is_high(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "purpose", "high")


def test_an_opt_in_added_is_material_but_not_high() -> None:
    change = modified(
        "We review chat transcripts to tune our assistant.",
        "We review chat transcripts to tune our assistant only if you opt in.",
    )
    assert change.material and change.severity != "high"


def test_a_reworded_opt_in_that_stays_is_quiet() -> None:
    assert_quiet(
        modified(
            "We review chat transcripts to tune our assistant only if you opt in.",
            "Only if you opt in do we review chat transcripts to tune our assistant.",
        )
    )


def test_a_dutch_sentence_opening_with_we_is_read_as_dutch() -> None:
    # "we" is also English; Dutch words such as "alleen", "daarmee", "zonder" tell them apart
    text = "We delen uw gegevens alleen met de bezorger als u daarmee instemt, en nooit zonder reden."
    assert pick_lexicon(text, "nl").language == "nl"


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("da", "Vi scanner ikke indholdet af dine mails.", "Vi kan scanne indholdet af dine mails."),
        ("sv", "Vi granskar inte innehållet i dina chattar.", "Vi kan granska innehållet i dina chattar."),
        ("no", "Vi skanner ikke innholdet i filene dine.", "Vi kan skanne innholdet i filene dine."),
        (
            "nl",
            "Wij scannen de inhoud van uw bestanden niet.",
            "Wij kunnen de inhoud van uw bestanden scannen.",
        ),
        ("hr", "Ne pregledavamo sadržaj vaših datoteka.", "Možemo pregledavati sadržaj vaših datoteka."),
        ("sl", "Ne pregledujemo vsebine vaših datotek.", "Lahko pregledujemo vsebino vaših datotek."),
        ("zh", "我们不会扫描您的聊天内容。", "我们可能会扫描您的聊天内容。"),
    ],
)
def test_the_content_of_your_messages_no_longer_off_limits_alerts_in_every_language(
    language: str, old: str, new: str
) -> None:
    change = modified(old, new, language)
    assert_alert(change, "collection")
