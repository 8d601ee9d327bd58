"""Real consecutive versions (eighth review round): what a list item is, and table cells that
wrap their text. Each pattern is stated in new sentences of its own.

- A `<br>` inside an HTML table cell only wraps the cell: the row stays one clause, as a Markdown
  cell's `<br>` does, so a cell re-wrapped between versions changes nothing.
- An inserted or dropped stretch is a list item only when it reads as one: it does not end on a
  word that cannot close a noun phrase (an article, a preposition, a relative pronoun, "other",
  a word pointing elsewhere in the document), and it does not open or close a bracket it leaves
  unmatched (a stretch cut across an enumeration marker or into an aside). The marker that opens
  an item ("b) to answer requests") numbers it and is no word of it.
- A capitalised name dropped from a list of data or of uses ("accounts such as Kite") is no kind
  of data and no use, in languages that write common nouns in lower case; a name added still
  alerts (it may be a new source), and German nouns and title-cased rights stay items.
- Real items still alert: a data type appended to a list, an item whose diff placement is off by
  a repeated word.
- The supervisory authority named as a party that asks, orders or approves ("answer supervisory
  authority requests", "auf Anfrage der Aufsichtsbehörde") is no right to complain to it; the
  right to turn to it still alerts when dropped.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change


def html_changes(old: str, new: str) -> list[Change]:
    """Two HTML versions through the whole pipeline: every material change."""
    result = compare_documents(normalize(old.encode(), "text/html"), normalize(new.encode(), "text/html"))
    return [c for c in result.changes if c.material]


def items(change: Change) -> list[str]:
    """The list items the change reports as added or dropped."""
    return [f.old or f.new or "" for f in change.facts if f.kind == "item"]


# --- a <br> inside a table cell ----------------------------------------------------------------

TABLE = (
    "<html><body><h2>Who receives your data</h2><table>"
    "<tr><th>Data</th><th>Recipients</th></tr>"
    "<tr><td>Delivery address</td><td>{cell}</td></tr>"
    "<tr><td>Payment card number</td><td>Card processors</td></tr>"
    "</table></body></html>"
)
WRAPPED = "Parcel carriers, <br><br>{}, <br><br>and other vendors that help us ship"


def test_a_table_cell_rewrapped_with_breaks_changes_nothing() -> None:
    old = TABLE.format(cell="Parcel carriers, advertising partners, and other vendors that help us ship")
    new = TABLE.format(cell=WRAPPED.format("advertising partners"))
    assert html_changes(old, new) == []


def test_a_recipient_added_to_a_wrapped_table_cell_still_alerts() -> None:
    old = TABLE.format(cell="Parcel carriers, <br><br>and other vendors that help us ship")
    new = TABLE.format(cell=WRAPPED.format("data brokers"))
    (change,) = html_changes(old, new)
    assert_alert(change, "sharing")


# --- a fragment cut across a sentence is no list item -------------------------------------------

# The edit drops a stretch that ends on a word pointing elsewhere in the document, or on an
# article or preposition: a way of asking, or a sentence's tail, not an item of a list.
FRAGMENTS = [
    (
        "en",
        "You may restrict how we use your data by writing to us; or using the forms provided below.",
        "You may restrict how we use your data by writing to us.",
    ),
    (
        "de",
        "Sie können einschränken, wie wir Ihre Daten verwenden, indem Sie uns schreiben; oder über die"
        " Formulare unten.",
        "Sie können einschränken, wie wir Ihre Daten verwenden, indem Sie uns schreiben.",
    ),
    (
        "fr",
        "Vous pouvez limiter l'utilisation de vos données en nous écrivant ; ou via les formulaires"
        " ci-dessous.",
        "Vous pouvez limiter l'utilisation de vos données en nous écrivant.",
    ),
    (
        "es",
        "Puede limitar cómo utilizamos sus datos personales escribiéndonos; o con los formularios de abajo.",
        "Puede limitar cómo utilizamos sus datos personales escribiéndonos.",
    ),
    (
        "nl",
        "U kunt beperken hoe wij uw persoonsgegevens voor marketing gebruiken door ons te schrijven; of via"
        " de formulieren hieronder.",
        "U kunt beperken hoe wij uw persoonsgegevens voor marketing gebruiken door ons te schrijven.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), FRAGMENTS)
def test_a_stretch_ending_on_a_function_word_is_no_list_item(language: str, old: str, new: str) -> None:
    assert items(modified(old, new, language)) == []


def test_a_stretch_that_opens_an_aside_is_no_list_item() -> None:
    old = "We may suspend the account if its use puts our customers, systems, or security at risk."
    new = (
        "We may suspend the account if its use puts the service, other customers, or us (including our"
        " systems at risk."
    )
    assert not any("(" in i or "including" in i for i in items(modified(old, new)))


# --- real list changes still alert --------------------------------------------------------------


def test_a_data_type_appended_to_a_list_still_alerts() -> None:
    change = modified(
        "When you sign up we collect your name, e-mail address and phone number.",
        "When you sign up we collect your name, e-mail address, phone number, and your location.",
    )
    assert_alert(change, "collection")
    assert any("location" in i for i in items(change))


def test_an_item_after_its_enumeration_marker_still_alerts() -> None:
    change = modified(
        "We use your contact details a) to run the service, b) to answer support requests.",
        "We use your contact details a) to run the service.",
    )
    assert_alert(change, "purpose")
    assert items(change) == ["to answer support requests"]


def test_an_item_placed_off_by_a_repeated_word_is_still_read_whole() -> None:
    change = modified(
        "We use your e-mail address to market products of our partner shops and those of other shops"
        " as your preferences allow.",
        "We use your e-mail address to market products of our partner shops as your preferences allow.",
    )
    assert change.material
    assert items(change) == ["those of other shops"]


# --- a name dropped from a list of data or uses -------------------------------------------------

# A product or brand named as an example in a "data we collect" or "we use it to" sentence is no
# kind of data and no use: dropping it narrows nothing a user relies on.
NAMES_DROPPED = [
    (
        "en",
        "If a relative invites you to order through their account, such as Household Plans, Kite or Team"
        " Accounts, we collect information about what you do in those accounts.",
        "If a relative invites you to order through their account, such as Household Plans or Team Accounts,"
        " we collect information about what you do in those accounts.",
    ),
    (
        "fr",
        "Nous collectons des informations sur votre activité dans ces comptes, tels que Comptes Famille, Kite"
        " ou Comptes Pro.",
        "Nous collectons des informations sur votre activité dans ces comptes, tels que Comptes Famille ou"
        " Comptes Pro.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), NAMES_DROPPED)
def test_a_name_dropped_from_a_list_of_data_is_no_item(language: str, old: str, new: str) -> None:
    assert "Kite" not in items(modified(old, new, language))


def test_a_title_cased_data_type_dropped_still_alerts() -> None:
    change = modified(
        "We collect your Name, Email Address, Phone Number and Precise Location.",
        "We collect your Name, Email Address and Phone Number.",
    )
    assert_alert(change, "collection")


def test_a_name_added_to_a_list_of_data_still_alerts() -> None:
    change = modified(
        "To place ads we collect your device model and app version.",
        "To place ads we collect your device model, app version and Bluetooth Beacons.",
    )
    assert change.material
    assert "Bluetooth Beacons" in items(change)


def test_a_german_noun_dropped_from_a_list_is_still_an_item() -> None:
    change = modified(
        "Wir erheben Daten zu Ihren Konten, etwa Familienkonten, Firmenkonten oder Schulkonten.",
        "Wir erheben Daten zu Ihren Konten, etwa Familienkonten oder Schulkonten.",
        "de",
    )
    assert_alert(change, "collection")
    assert items(change) == ["Firmenkonten"]


def test_a_title_cased_right_dropped_still_alerts() -> None:
    """Rights are often listed title-cased, as a section's name: such an item is no product name."""
    old = (
        'Customers in Canada have the right to ask that we erase their records as described in the "Viewing,'
        ' Correcting, and Erasing your Records" part below.'
    )
    change = modified(old, old.replace("Correcting, ", ""))
    assert_alert(change, "rights")
    assert items(change) == ["Correcting"]


# --- the supervisory authority as a party that asks or approves ---------------------------------

AUTHORITY_ASKS = [
    (
        "en",
        "We hand over account records when a court requires it.",
        "We hand over account records when a court requires it or to answer supervisory authority requests.",
    ),
    (
        "en",
        "We run a new kind of screening of your records only after an impact assessment.",
        "We run a new kind of screening of your records only after approval from the competent supervisory"
        " authority.",
    ),
    (
        "de",
        "Wir geben Kontodaten heraus, wenn ein Gericht es verlangt.",
        "Wir geben Kontodaten heraus, wenn ein Gericht es verlangt oder auf Anfrage der Aufsichtsbehörde.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), AUTHORITY_ASKS)
def test_an_authority_asking_or_approving_is_no_right_to_complain(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert not any(f.kind == "right" and "complaint" in (f.old, f.new) for f in change.facts), change


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You may also contact the supervisory authority in the country where you live."),
        ("en", "If you think we broke the law, you can lodge a complaint with a supervisory authority."),
        ("de", "Sie können sich außerdem an die Aufsichtsbehörde Ihres Wohnsitzlandes wenden."),
    ],
)
def test_the_right_to_turn_to_the_authority_dropped_still_alerts(language: str, text: str) -> None:
    change = modified(f"{text} We answer within a month.", "We answer within a month.", language)
    assert_alert(change, "rights", "high")
