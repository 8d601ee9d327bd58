"""Patterns found on held-out real version pairs (Open Terms Archive dating and France
repositories, issue 10), each stated in new sentences of our own:

- a table's head row ("Purpose | Legal basis") names columns, states no term: when a table is
  turned into lists the head row goes, and that is not a change in practice;
- an identity document said at more length ("un document attestant de votre identité", "proof of
  identity", "Lichtbildausweis") is the same government ID as "pièce d'identité";
- an update stamp aligned with a short label ("Effective date: ..." -> "Home") is a date line gone
  and a navigation label come, not a change to how the policy is changed;
- "Qui a accès à vos données ?" asks who receives the data: a heading about recipients, not about
  the right of access, so a plain sentence under it is not "about your rights";
- a sentence saying which translation binds states no term of its section;
- a marketing footer after the policy (a label, a blurb, a sign-up link) does not take on the
  topic of the policy's last section.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.pipeline import diff_files
from monitor.models import Change

HEAD_ROWS = [
    ("en", "Purposes of use | Lawful ground | Storage period"),
    ("fr", "Traitement | Fondement juridique | Durée de conservation"),
    ("de", "Zweck der Verarbeitung | Rechtsgrundlage | Speicherfrist"),
]


@pytest.mark.parametrize("kind", ["added", "removed"])
@pytest.mark.parametrize(("language", "row"), HEAD_ROWS)
def test_table_head_row_is_quiet(kind: str, language: str, row: str) -> None:
    assert_quiet(single(kind, row, language=language))


DATA_ROWS = [
    ("en", "Mixpanel | Product analytics | 18 months", "tracking"),
    ("fr", "Profil de santé | Partenaires de recherche", "collection"),
    ("de", "Standortdaten | Werbepartner | 2 Jahre", "retention"),
]


@pytest.mark.parametrize(("language", "row", "category"), DATA_ROWS)
def test_table_data_row_still_alerts(language: str, row: str, category: str) -> None:
    """A row that names a tool, a kind of data or a period is a term, not a column title."""
    assert_alert(single("removed", row, language=language), category)


ID_REWORDED = [
    (
        "fr",
        "Pour traiter votre réclamation, nous pouvons exiger une copie de votre pièce d’identité.",
        "Pour traiter votre réclamation, nous pouvons exiger une copie d’un document attestant de "
        "votre identité.",
    ),
    (
        "en",
        "To handle your complaint we may require a copy of your identity card.",
        "To handle your complaint we may require proof of your identity.",
    ),
    (
        "de",
        "Zur Bearbeitung Ihrer Beschwerde können wir eine Kopie Ihres Personalausweises anfordern.",
        "Zur Bearbeitung Ihrer Beschwerde können wir eine Kopie eines Lichtbildausweises anfordern.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), ID_REWORDED)
def test_identity_document_said_otherwise_is_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


ID_ADDED = [
    ("fr", "Lors de l’ouverture du compte, nous conservons un justificatif d’identité."),
    ("en", "When you open an account we collect a copy of an identification document."),
    ("de", "Bei der Kontoeröffnung speichern wir einen Identitätsnachweis."),
]


@pytest.mark.parametrize(("language", "text"), ID_ADDED)
def test_identity_document_collected_is_sensitive(language: str, text: str) -> None:
    change = single("added", text, language=language)
    assert_alert(change, "collection")
    assert any(f.new == "government id" for f in change.facts), change


STAMP_VS_LABEL = [
    ("en", "Effective date: 2 April 2023", "Home"),
    ("en", "Last revised on 9 October 2022", "Cookie Notice"),
    ("fr", "Dernière mise à jour : 4 mars 2023", "Accueil"),
]


@pytest.mark.parametrize(("language", "stamp", "label"), STAMP_VS_LABEL)
def test_update_stamp_against_label_is_quiet(language: str, stamp: str, label: str) -> None:
    assert_quiet(modified(stamp, label, language))
    assert_quiet(modified(label, stamp, language))


def test_update_stamp_against_sentence_still_compared() -> None:
    """Only a label is let go: a sentence about changes set against a stamp is still read."""
    change = modified("Last revised on 9 October 2022", "We will e-mail you before any change takes effect.")
    assert_alert(change, "changes")


WHO_HAS_ACCESS = "4. Qui a accès à vos données personnelles ?"


def test_who_has_access_heading_is_not_the_right_of_access() -> None:
    """A company note under "who has access" states no right."""
    change = single(
        "added",
        "La société Orbis est détenue à parts égales par nos deux fondateurs.",
        (WHO_HAS_ACCESS,),
        "fr",
    )
    assert_quiet(change)


def test_right_of_access_still_read_under_who_has_access() -> None:
    text = "Vous pouvez à tout moment demander l’accès à vos données en écrivant à notre délégué."
    assert "rights" in single("added", text, (WHO_HAS_ACCESS,), "fr").categories


@pytest.mark.parametrize(
    "heading",
    ["Accès à vos données", "Votre droit d’accès à vos données"],
)
def test_access_heading_still_about_rights(heading: str) -> None:
    """A heading that names the access itself is about the right; its sentences inherit it."""
    change = single(
        "removed", "Nous répondons à chaque demande dans un délai d’un mois au plus.", (heading,), "fr"
    )
    assert_alert(change, "rights")


WHO_HAS_ACCESS_OTHER = [
    (
        "es",
        "5. ¿Quién tiene acceso a sus datos personales?",
        "Puede solicitar el acceso a sus datos en cualquier momento.",
    ),
    (
        "sv",
        "5. Vem har tillgång till dina personuppgifter?",
        "Du har rätt att begära tillgång till dina personuppgifter.",
    ),
    (
        "hr",
        "5. Tko ima pristup vašim osobnim podacima?",
        "Imate pravo zatražiti pristup vašim osobnim podacima.",
    ),
    (
        "sl",
        "5. Kdo ima dostop do vaših osebnih podatkov?",
        "Zahtevate lahko dostop do vaših osebnih podatkov.",
    ),
    ("zh", "五、谁可以访问您的个人信息", "您可以随时访问您的个人信息。"),
]
COMPANY_NOTE = {
    "es": "La empresa Orbis se fundó en 2012 en Valencia.",
    "sv": "Bolaget Orbis grundades år 2012 i Malmö.",
    "hr": "Tvrtka Orbis osnovana je 2012. godine u Splitu.",
    "sl": "Podjetje Orbis je bilo ustanovljeno leta 2012 v Mariboru.",
    "zh": "奥比斯公司成立于二〇一二年。",
}


@pytest.mark.parametrize(("language", "heading", "request_text"), WHO_HAS_ACCESS_OTHER)
def test_who_has_access_heading_in_other_languages(language: str, heading: str, request_text: str) -> None:
    """The same question in Spanish, Swedish, Croatian, Slovenian and Chinese: a company note under
    it is quiet, a request for access under it is still about rights."""
    assert_quiet(single("added", COMPANY_NOTE[language], (heading,), language))
    assert "rights" in single("added", request_text, (heading,), language).categories


LANGUAGE_CLAUSES = [
    ("en", "Cookie Notice", "Should this notice be translated, the English version will prevail."),
    (
        "en",
        "Cookie Notice",
        "Any translation of this notice is offered as a courtesy and is not the legally binding version.",
    ),
    (
        "fr",
        "Politique relative aux cookies",
        "En cas de divergence entre les versions, la version française prévaudra.",
    ),
    ("de", "Cookie-Richtlinie", "Bei Abweichungen ist allein die deutsche Fassung maßgeblich."),
    ("es", "Política de cookies", "En caso de discrepancia, prevalecerá la versión en español."),
    ("nl", "Cookiebeleid", "Bij verschillen is de Nederlandse tekst leidend."),
]


@pytest.mark.parametrize(("language", "title", "text"), LANGUAGE_CLAUSES)
def test_language_version_clause_is_quiet(language: str, title: str, text: str) -> None:
    """Which translation binds says nothing about cookies, even right under a cookie title."""
    assert_quiet(single("added", text, (title,), language))


def test_plain_sentence_under_cookie_title_still_inherits() -> None:
    """Only the language clause is let go: another keyword-less sentence is about the section."""
    change = single("added", "These help us see which pages our visitors read the most.", ("Cookie Notice",))
    assert_alert(change, "tracking")


def _material(tmp_path: Path, old: str, new: str) -> list[Change]:
    (tmp_path / "old.md").write_text(old, encoding="utf-8")
    (tmp_path / "new.md").write_text(new, encoding="utf-8")
    return [c for c in diff_files(tmp_path / "old.md", tmp_path / "new.md").changes if c.material]


POLICY_END = {
    "en": "# Cookie Notice\n\n## Analytics\n\nWe use analytics cookies to count visits to our pages.\n",
    "fr": "# Politique cookies\n\n## Audience\n\nNous utilisons des cookies pour compter les visites.\n",
    "de": "# Cookie-Hinweis\n\n## Analyse\n\nWir verwenden Cookies, um Besuche zu zählen.\n",
}
FOOTERS = {  # a label, a blurb, a sign-up link
    "en": ("Why members stay", "Meeting the right person has never been this easy.", "[Join today](/j)"),
    "fr": (
        "Pourquoi nous choisir",
        "Rencontrer la bonne personne n’a jamais été aussi facile.",
        "[Inscription](/j)",
    ),
    "de": (
        "Warum Mitglieder bleiben",
        "Die richtige Person zu treffen war noch nie so leicht.",
        "[Start](/j)",
    ),
}


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_marketing_footer_after_the_policy_is_quiet(tmp_path: Path, language: str) -> None:
    """A label, a blurb and a sign-up link appended below the last section are page furniture."""
    footer = "".join(f"\n{line}\n" for line in FOOTERS[language])
    assert _material(tmp_path, POLICY_END[language], POLICY_END[language] + footer) == []


def test_labelled_sentence_before_policy_terms_still_inherits(tmp_path: Path) -> None:
    """A label inside the policy (more terms follow it) does not cut a sentence off its section."""
    old = "# Privacy\n\n## Information we collect\n\nWe collect your e-mail address when you sign up.\n"
    new = (
        "# Privacy\n\n## Information we collect\n\nWhat you tell us\n\n"
        "You choose what to tell us when you join.\n\n"
        "We collect your e-mail address when you sign up.\n"
    )
    changes = _material(tmp_path, old, new)
    # the label and the sentence under it are added together: one change (engine/hunks.py)
    assert any(c.new is not None and "You choose" in c.new.text for c in changes), changes


def test_entry_added_to_a_closing_list_still_alerts(tmp_path: Path) -> None:
    """A short entry added to a list that ends the page, followed by a plain sentence, is a list
    entry (its neighbour is an entry, not a sentence), not a footer label."""
    old = (
        "# Privacy\n\n## Who we share your data with\n\nWe pass your details to:\n\n"
        "- couriers\n- card processors\n\nEach of them signed our contract.\n"
    )
    new = old.replace("- card processors\n", "- card processors\n- price comparison sites\n")
    assert any("sharing" in c.categories for c in _material(tmp_path, old, new))
