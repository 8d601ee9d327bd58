"""One realistic edit of a policy sentence (sixth review round): the patterns the engine still
missed (or raised false alerts on) in real policy text, each stated in new sentences of its own.

A promise to collect as little data as needed is a collection term in every language. A plain-text
page's "# Title" lines and its short titles over short paragraphs are headings.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change

# --- data minimisation: "as little data as possible" is a promise about collection ---------------

MINIMISATION_DROPPED = [
    (
        "We ask for as little information as we can when you sign up.",
        "We ask for whatever information we like when you sign up.",
        "en",
    ),
    (
        "Für die Anmeldung erheben wir so wenige Angaben, wie unbedingt nötig.",
        "Für die Anmeldung erheben wir alle Angaben, die wir bekommen können.",
        "de",
    ),
    (
        "Nous recueillons le minimum de données nécessaire à la création du compte.",
        "Nous recueillons les données utiles à la création du compte.",
        "fr",
    ),
    (
        "Solo pedimos lo mínimo necesario para enviarte el pedido.",
        "Pedimos los datos que consideramos útiles para enviarte el pedido.",
        "es",
    ),
    (
        "Vi indsamler så få oplysninger som muligt om dig.",
        "Vi indsamler så mange oplysninger som muligt om dig.",
        "da",
    ),
    ("Appen samlar in så lite data som möjligt.", "Appen samlar in så mycket data som möjligt.", "sv"),
    (
        "We verzamelen zo min mogelijk gegevens over je.",
        "We verzamelen zo veel mogelijk gegevens over je.",
        "nl",
    ),
    (
        "Vi samler inn så lite opplysninger som mulig om deg.",
        "Vi samler inn så mye opplysninger som mulig om deg.",
        "no",
    ),
    ("Prikupljamo što manje podataka o vama.", "Prikupljamo sve podatke o vama.", "hr"),
    ("Zbiramo čim manj podatkov o vas.", "Zbiramo vse podatke o vas.", "sl"),
    ("我们只收集提供服务所需的最少必要信息。", "我们收集提供服务所需的信息。", "zh"),
]


@pytest.mark.parametrize(("old", "new", "language"), MINIMISATION_DROPPED)
def test_a_dropped_minimisation_promise_is_a_collection_change(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "collection", "high")


def test_an_added_minimisation_promise_is_told_too() -> None:
    assert_alert(
        modified(
            "Appen samlar in så mycket data som möjligt.", "Appen samlar in så lite data som möjligt.", "sv"
        ),
        "collection",
    )


MINIMISATION_REWORDED = [
    ("We collect as little data as possible.", "We collect only the minimum data needed.", "en"),
    (
        "Für die Anmeldung erheben wir so wenige Angaben wie möglich.",
        "Für die Anmeldung erheben wir möglichst wenige Angaben.",
        "de",
    ),
    (
        "Vi indsamler så få oplysninger som muligt om dig.",
        "Vi indsamler mindst mulige oplysninger om dig.",
        "da",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), MINIMISATION_REWORDED)
def test_the_minimisation_promise_in_other_words_is_quiet(old: str, new: str, language: str) -> None:
    # the "only" of "only the minimum data" is the promise's own word, not a new limit
    assert_quiet(modified(old, new, language))


# --- plain-text headings: "# Title" and a short title over a short paragraph ---------------------


def plain_blocks(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text) for b in normalize(text.encode(), "text/plain").blocks]


def plain_changes(old: str, new: str) -> list[Change]:
    return compare_documents(
        normalize(old.encode(), "text/plain"), normalize(new.encode(), "text/plain")
    ).changes


def test_a_markdown_title_in_a_plain_text_page_is_a_heading() -> None:
    assert plain_blocks("## Analytics\n\nWe place analytics cookies on your device.\n")[0] == (
        "heading",
        "Analytics",
    )
    # a sentence that opens with "#" is no title
    assert plain_blocks("# We place analytics cookies on your device.\n\nThey expire after a week.\n")[0][
        0
    ] == ("paragraph")


def test_a_sentence_under_a_markdown_title_in_plain_text_is_about_its_section() -> None:
    old = "## Analytics\n\nWe place analytics cookies once you have said yes. The reports are anonymous.\n"
    new = "## Analytics\n\nWe place analytics cookies. We do not ask you first. The reports are anonymous.\n"
    assert any(c.material and "tracking" in c.categories for c in plain_changes(old, new))


SHORT_SECTION_RETITLED = [
    (
        "Where we keep data\n\nYour files stay in Ireland.\n",
        "Sending data to other countries\n\nYour files stay in Ireland.\n",
    ),
    (
        "Shranjevanje podatkov\n\nVaše datoteke ostanejo v EU.\n",
        "Prenos podatkov v tretje države\n\nVaše datoteke ostanejo v EU.\n",
    ),
]


@pytest.mark.parametrize(("old", "new"), SHORT_SECTION_RETITLED)
def test_a_title_over_a_short_paragraph_is_a_heading_and_retitling_it_is_quiet(old: str, new: str) -> None:
    assert plain_blocks(old)[0][0] == "heading"
    (change,) = plain_changes(old, new)
    assert_quiet(change)


def test_a_short_line_over_a_line_that_is_no_sentence_stays_a_paragraph() -> None:
    assert [kind for kind, _ in plain_blocks("Acme Ltd\n\n12 Harbour Road, Leeds\n")] == [
        "paragraph",
        "paragraph",
    ]


# --- "pass <a longer object> to": data handed to someone, whatever the object's length ---------


def test_a_ban_on_passing_a_long_named_record_to_others_dropped_is_a_sharing_change() -> None:
    assert_alert(
        modified(
            "We do not pass your gift card balance history to the shops where you redeem it.",
            "We pass your gift card balance history to the shops where you redeem it.",
        ),
        "sharing",
    )


def test_passing_a_long_named_record_to_others_is_a_new_sharing_term() -> None:
    assert_alert(
        single("added", "We pass your gift card balance history to the shops where you redeem it."), "sharing"
    )


def test_passing_checks_to_keep_an_account_safe_shares_nothing() -> None:
    assert_quiet(single("added", "We pass several automated checks to keep your account safe."))


# --- German and Dutch: two objects joined by "oder"/"of" under one negation after them ----------

TWO_OBJECTS_UNDER_ONE_NEGATION = [
    (
        "Wir vermieten Ihre Adresse oder Telefonnummer niemals an andere Firmen.",
        "Ihre Adresse oder Telefonnummer vermieten wir niemals an andere Firmen.",
        "de",
    ),
    (
        "Wij verhuren uw adres of telefoonnummer nooit aan andere bedrijven.",
        "Uw adres of telefoonnummer verhuren wij nooit aan andere bedrijven.",
        "nl",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), TWO_OBJECTS_UNDER_ONE_NEGATION)
def test_two_objects_under_one_negation_moved_first_is_the_same_ban(
    old: str, new: str, language: str
) -> None:
    assert_quiet(modified(old, new, language))


def test_two_objects_under_one_negation_dropped_is_a_sharing_change() -> None:
    change = modified(
        "Wir vermieten Ihre Adresse oder Telefonnummer niemals an andere Firmen.",
        "Wir vermieten Ihre Adresse oder Telefonnummer an andere Firmen.",
        "de",
    )
    assert_alert(change, "sharing", "high")


def test_a_second_clause_with_its_own_verb_keeps_its_negation_to_itself() -> None:
    # "und teilen sie nicht": the "nicht" is the sharing clause's, the sale stays affirmed
    change = modified(
        "Wir verkaufen Ihre Daten und teilen sie nicht mit Dritten.",
        "Wir verkaufen Ihre Daten nicht und teilen sie nicht mit Dritten.",
        "de",
    )
    assert_alert(change, "sharing")


# --- a promise that whoever receives the data is bound to protect it is a safeguard -------------

RECIPIENT_BOUND_TO_PROTECT = [
    ("Whoever receives these records has made privacy commitments to us in writing.", "en"),
    ("Unsere Dienstleister sind vertraglich verpflichtet, diese Angaben vertraulich zu behandeln.", "de"),
    (
        "Der Hoster sitzt in Kanada und gibt uns eine schriftliche Garantie, das hiesige"
        " Datenschutzniveau einzuhalten.",
        "de",
    ),
    ("Nuestros proveedores asumen compromisos de confidencialidad por escrito.", "es"),
    ("Nos prestataires sont tenus contractuellement de protéger ces informations.", "fr"),
    ("Onze leveranciers hebben een geheimhoudingsplicht.", "nl"),
    ("Vores leverandører har tavshedspligt.", "da"),
    ("Våra leverantörer har tystnadsplikt.", "sv"),
    ("Våre leverandører har taushetsplikt.", "no"),
]


@pytest.mark.parametrize(("text", "language"), RECIPIENT_BOUND_TO_PROTECT)
def test_a_removed_promise_that_recipients_protect_the_data_is_material(text: str, language: str) -> None:
    assert_alert(single("removed", text, language=language), "security")


# --- verb-second: a verb followed by "wir"/"wij" opens a clause, it is no list item --------------


def test_a_purpose_clause_turned_into_a_main_clause_drops_no_list_item() -> None:
    # "Om …, gebruiken wij TLS" -> "… beschermen wij met TLS": the same measure, re-voiced
    assert_quiet(
        modified(
            "Om uw bestanden te beschermen, gebruiken wij TLS-versleuteling.",
            "Uw bestanden beschermen wij met TLS-versleuteling.",
            "nl",
        )
    )
    change = modified(
        "Um Ihre hochgeladenen Dateien zu schützen, verwenden wir eine Verschlüsselung.",
        "Ihre hochgeladenen Dateien schützen wir durch eine Verschlüsselung.",
        "de",
    )
    assert not any(fact.kind == "item" for fact in change.facts), change


@pytest.mark.parametrize(
    ("old", "new", "language"),
    [
        ("Wij verzamelen, bewaren en delen uw gegevens.", "Wij verzamelen en bewaren uw gegevens.", "nl"),
        ("Wir erheben, speichern und teilen Ihre Angaben.", "Wir erheben und speichern Ihre Angaben.", "de"),
    ],
)
def test_a_verb_dropped_from_a_list_of_verbs_is_still_a_dropped_item(
    old: str, new: str, language: str
) -> None:
    assert_alert(modified(old, new, language), "sharing")


# --- a sentence split in two whose second half says the same ban in other words -----------------

SPLIT_OLD = "Wir fragen beim Kauf nur nach Ihrer Anschrift, insbesondere benutzen wir keine Tracking-Pixel.\n"


def test_a_ban_split_off_and_said_with_another_verb_is_quiet() -> None:
    new = "Wir fragen beim Kauf nur nach Ihrer Anschrift; Tracking-Pixel setzen wir nicht ein.\n"
    for change in plain_changes(SPLIT_OLD, new):
        assert_quiet(change)


@pytest.mark.parametrize(
    "new",
    [
        "Wir fragen beim Kauf nur nach Ihrer Anschrift; Tracking-Pixel setzen wir ein.\n",
        "Wir fragen beim Kauf nur nach Ihrer Anschrift; Tracking-Pixel verkaufen wir nicht.\n",
    ],
)
def test_a_split_that_drops_the_ban_or_changes_its_verb_is_told(new: str) -> None:
    assert any(change.material for change in plain_changes(SPLIT_OLD, new))


# --- a promise of EU-level protection where the data goes is a transfer safeguard ---------------

EU_LEVEL_PROTECTION_PROMISED = [
    (
        "Der Hoster sitzt in Kanada und gibt uns eine schriftliche Garantie, das europäische"
        " Datenschutzrecht einzuhalten.",
        "de",
    ),
    ("Our host in Singapore guarantees in writing that it will comply with EU data protection rules.", "en"),
    ("Notre hébergeur au Canada offre un niveau de protection équivalent à celui de l’UE.", "fr"),
    ("Nuestro proveedor en Canadá ofrece un nivel de protección equivalente al de la UE.", "es"),
]


@pytest.mark.parametrize(("text", "language"), EU_LEVEL_PROTECTION_PROMISED)
def test_a_removed_promise_of_eu_level_protection_abroad_is_a_transfer_change(
    text: str, language: str
) -> None:
    assert_alert(single("removed", text, language=language), "transfer")


def test_a_promise_of_eu_level_protection_dropped_from_a_sentence_is_a_dropped_safeguard() -> None:
    change = modified(
        "Our host in Singapore stores the files and guarantees in writing that it will comply with EU data"
        " protection rules.",
        "Our host in Singapore stores the files.",
    )
    assert_alert(change, "transfer", "high")
    assert any(fact.kind == "safeguard" for fact in change.facts), change
