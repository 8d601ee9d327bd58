"""Engine patterns found on held-out Open Terms Archive version pairs (issue 10, round otac), each
stated in new sentences: a postal address written as Markdown lines with hard breaks keeps the
same clause boundaries whatever the length of its lines, so a moved office is one small,
quiet change and not a rewritten paragraph plus new lines; and a sentence about the push
messages an app shows is no clause about how changes to the policy are announced (fr, de, es)."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize

MD = "text/markdown"

# (language, lead-in, old address lines, new address lines): one of the two has a line long
# enough (40 characters or more, not ending a sentence) to pass for a soft-wrapped paragraph.
ADDRESSES = [
    (
        "en",
        "Questions about this notice can be sent by post to:",
        [
            "Northwind Pets Help Desk",
            "Attn: Privacy Team",
            "1200 Harbor Industrial Avenue, Unit 77-B,",
            "Portland, OR 97210",
            "United States",
        ],
        [
            "Northwind Pets Help Desk",
            "Attn: Privacy Team",
            "55 Elm Street, Floor 3",
            "Boise, ID 83702",
            "United States",
        ],
    ),
    (
        "de",
        "Schriftliche Anfragen richten Sie bitte an:",
        [
            "Gartenfreunde Versand GmbH",
            "z. Hd. Datenschutz",
            "Kurze Straße 4",
            "04109 Leipzig",
            "Deutschland",
        ],
        [
            "Gartenfreunde Versand GmbH",
            "z. Hd. Datenschutz",
            "Am Alten Güterbahnhof 112, Gebäude C, Eingang Nord,",
            "99084 Erfurt",
            "Deutschland",
        ],
    ),
]


def _page(lead_in: str, lines: list[str]) -> bytes:
    address = "  \n".join(lines)
    body = (
        "# Privacy notice\n\n"
        "We keep your order history for three years after your last purchase.\n\n"
        f"{lead_in}\n\n{address}\n\n"
        "We never sell your personal data to anyone.\n"
    )
    return body.encode()


@pytest.mark.parametrize(("language", "lead_in", "old", "new"), ADDRESSES)
def test_a_moved_postal_address_keeps_its_line_clauses(
    language: str, lead_in: str, old: list[str], new: list[str]
) -> None:
    old_doc, new_doc = normalize(_page(lead_in, old), MD), normalize(_page(lead_in, new), MD)
    assert len(old_doc.blocks) == len(new_doc.blocks), (language, old_doc.blocks, new_doc.blocks)
    changes = compare_documents(old_doc, new_doc).changes
    assert 1 <= len(changes) <= 2, changes  # the two lines that moved, nothing else
    assert not any(c.material for c in changes), changes


def test_hard_wrapped_markdown_without_explicit_breaks_is_still_joined() -> None:
    """A paragraph cut at a fixed width with plain newlines is one paragraph, as before."""
    wrapped = (
        "# Notice\n\n"
        "We keep the messages you send to our support team for as long as your\n"
        "account stays open and delete them within ninety days after you close it.\n\n"
        "Contact us with any question.\n"
    )
    doc = normalize(wrapped.encode(), MD)
    texts = [b.text for b in doc.blocks]
    joined = [t for t in texts if t.startswith("We keep the messages")]
    assert joined and joined[0].endswith("after you close it."), texts


# Messages an app pushes to the phone are a feature, not a notice of changes to the policy: a
# sentence about them is no "new clause about changes" (it stayed quiet in English already).
PUSH_MESSAGES = [
    ("en", "Our app can send you push notifications when a parcel leaves the warehouse."),
    ("fr", "Notre application peut vous envoyer des notifications push quand un colis quitte l'entrepôt."),
    ("fr", "Rappels de rendez-vous par notifications « push » dans l'application"),
    ("fr", "Le tableau de bord affiche des notifications dynamiques sur vos virements en cours."),
    ("de", "Unsere App kann Ihnen Push-Benachrichtigungen senden, wenn ein Paket das Lager verlässt."),
    ("es", "Nuestra aplicación puede enviarle notificaciones push cuando un paquete sale del almacén."),
    ("es", "Puede desactivar las notificaciones emergentes del calendario en los ajustes."),
]

# ... while a promise to notify of changes keeps its alert
CHANGE_NOTICES = [
    ("fr", "Nous vous notifierons par courriel toute modification importante de cette politique."),
    ("de", "Über wesentliche Änderungen dieser Erklärung benachrichtigen wir Sie per E-Mail."),
    ("es", "Le notificaremos por correo electrónico cualquier cambio importante de esta política."),
]


@pytest.mark.parametrize(("language", "text"), PUSH_MESSAGES)
def test_a_sentence_about_push_messages_is_no_clause_about_policy_changes(language: str, text: str) -> None:
    change = single("added", text, language=language)
    assert "changes" not in change.categories, change
    assert_quiet(change)


@pytest.mark.parametrize(("language", "text"), CHANGE_NOTICES)
def test_a_promise_to_notify_of_changes_still_alerts(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "changes")


# "on your phone" names the device a reminder shows on, not a phone number the service collects
ON_YOUR_PHONE = [
    ("fr", "Un rappel s'affiche sur votre téléphone la veille de chaque livraison."),
    ("de", "Am Tag vor jeder Lieferung erscheint eine Erinnerung auf Ihrem Telefon."),
    ("es", "El día antes de cada entrega aparece un aviso en su teléfono."),
]

# ... while the number itself, added to what is collected, still alerts
PHONE_COLLECTED = [
    (
        "fr",
        "Nous enregistrons votre nom et votre adresse e-mail.",
        "Nous enregistrons votre nom, votre adresse e-mail et votre téléphone.",
    ),
    (
        "de",
        "Wir erfassen Ihren Namen und Ihre E-Mail-Adresse.",
        "Wir erfassen Ihren Namen, Ihre E-Mail-Adresse und Ihre Telefonnummer.",
    ),
]


@pytest.mark.parametrize(("language", "text"), ON_YOUR_PHONE)
def test_a_reminder_on_your_phone_collects_no_number(language: str, text: str) -> None:
    assert_quiet(single("added", text, language=language))


@pytest.mark.parametrize(("language", "old", "new"), PHONE_COLLECTED)
def test_a_phone_number_added_to_the_data_collected_still_alerts(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")
