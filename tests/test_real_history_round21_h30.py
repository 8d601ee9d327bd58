"""Patterns from real consecutive versions of large platforms' policies (round 21, h30), stated in
our own sentences in every language they apply to:

- a compound ending in a dotted short form ("EU-U.S.", "Swiss-U.S.") ends no sentence, as the
  short form alone does not: "the EU-U.S. Data Privacy Framework" stays one sentence;
- a sentence that opens with where to read more ("To learn more about the framework, visit the
  U.S. Department of Commerce's website") sends the reader elsewhere however long the page's
  name: the country in that name is whose page it is, not a destination of data;
- the user shown ads ("you may see ads in Channels") says that the service advertises: a new
  advertising purpose where there was none;
- a list inside a Markdown table cell ("…, we:<br><br>* enable …<br>* deliver …") is read as a
  list: each item is its own clause, so an item edited is one change about that item.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.facts import extract_facts
from monitor.engine.pipeline import compare_documents
from monitor.engine.segment import split_sentences
from monitor.extract.normalize import normalize

# --- a compound ending in a dotted short form --------------------------------------------------

COMPOUNDS = [
    (
        "We rely on the EU-U.S. Privacy Shield successor for these transfers. We also sign model clauses.",
        "en",
    ),
    ("Members certify under the Swiss-U.S. Framework every year. Our certificate is public.", "en"),
    (
        "Wir stützen uns auf das EU-U.S. Rahmenabkommen für diese Übermittlungen. "
        "Zusätzlich unterzeichnen wir die Standardvertragsklauseln der Kommission.",
        "de",
    ),
    (
        "Nous nous appuyons sur le cadre UE-U.S. Privacy Framework pour ces "
        "transferts. Nous signons aussi des clauses types.",
        "fr",
    ),
    (
        "Nos basamos en el marco UE-U.S. Privacy Framework para estas "
        "transferencias. También firmamos cláusulas tipo.",
        "es",
    ),
    (
        "Vi bygger på EU-U.S. Rammeaftalen ved disse overførsler. Vi underskriver også standardklausuler.",
        "da",
    ),
    (
        "Vi stöder oss på EU-U.S. Ramverket för dessa överföringar. "
        "Vi tecknar också standardavtalsklausuler.",
        "sv",
    ),
    (
        "Vi baserer oss på EU-U.S. Rammeverket for disse overføringene. Vi signerer også standardklausuler.",
        "no",
    ),
    (
        "Wij baseren ons op het EU-U.S. Kader voor deze doorgiften. Wij tekenen ook modelcontractbepalingen.",
        "nl",
    ),
    (
        "Oslanjamo se na EU-U.S. Okvir za ove prijenose. Također potpisujemo standardne ugovorne klauzule.",
        "hr",
    ),
    ("Opiramo se na EU-U.S. Okvir za te prenose. Podpisujemo tudi standardna pogodbena določila.", "sl"),
]


@pytest.mark.parametrize(("text", "language"), COMPOUNDS)
def test_compound_with_dotted_short_form_ends_no_sentence(text: str, language: str) -> None:
    sentences = split_sentences(text)
    assert len(sentences) == 2, sentences
    assert "U.S." in sentences[0] and sentences[0].endswith("."), sentences


def test_plain_hyphenated_word_still_ends_a_sentence() -> None:
    text = "You can always reach our support team by e-mail. Then we answer your request within one month."
    assert len(split_sentences(text)) == 2


# --- a sentence opening with where to read more ------------------------------------------------

POINTERS = [
    (
        "To learn more about the framework and to view our certificate, please visit the website of "
        "the U.S. Department of Commerce and its Data Privacy Framework program pages.",
        "en",
    ),
    (
        "For more information about the adequacy decision and the list of certified companies, see "
        "the pages of the European Commission about Japan and South Korea.",
        "en",
    ),
    (
        "Weitere Informationen zu dem Rahmenabkommen und zu unserer Zertifizierung finden Sie auf der "
        "Website des Handelsministeriums der Vereinigten Staaten.",
        "de",
    ),
    (
        "Pour en savoir plus sur ce cadre et consulter notre certification, rendez-vous sur le site du "
        "ministère du Commerce des États-Unis.",
        "fr",
    ),
    (
        "Para obtener más información sobre este marco y consultar nuestra certificación, visite el "
        "sitio web del Departamento de Comercio de Estados Unidos.",
        "es",
    ),
    (
        "For flere oplysninger om rammen og vores certificering kan du besøge hjemmesiden for "
        "handelsministeriet i USA.",
        "da",
    ),
    (
        "För mer information om ramverket och vår certifiering kan du besöka webbplatsen för "
        "handelsdepartementet i USA.",
        "sv",
    ),
    (
        "For mer informasjon om rammeverket og vår sertifisering kan du besøke nettstedet til "
        "handelsdepartementet i USA.",
        "no",
    ),
    (
        "Voor meer informatie over het kader en onze certificering kunt u de website van het "
        "ministerie van Handel van de Verenigde Staten bezoeken.",
        "nl",
    ),
    (
        "Za više informacija o okviru i našem certifikatu posjetite mrežnu stranicu Ministarstva "
        "trgovine Sjedinjenih Američkih Država.",
        "hr",
    ),
    (
        "Za več informacij o okviru in našem potrdilu obiščite spletno stran ministrstva za trgovino "
        "Združenih držav Amerike.",
        "sl",
    ),
    ("了解更多关于该框架及我们认证的信息，请访问美国商务部的数据隐私框架网站。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), POINTERS)
def test_added_sentence_opening_with_a_pointer_is_quiet(text: str, language: str) -> None:
    assert_quiet(single("added", text, section=("International transfers",), language=language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "To learn more, note that we now share your e-mail address "
            "with advertisers in the United States.",
            "en",
        ),
        (
            "Weitere Informationen: Wir geben Ihre E-Mail-Adresse jetzt an Werbepartner in den USA weiter.",
            "de",
        ),
        (
            "Pour en savoir plus : nous partageons désormais votre adresse "
            "e-mail avec des annonceurs aux États-Unis.",
            "fr",
        ),
    ],
)
def test_pointer_opening_that_states_a_flow_still_alerts(text: str, language: str) -> None:
    change = single("added", text, section=("International transfers",), language=language)
    assert change.material, change


def test_long_pointer_not_at_the_start_is_no_pointer() -> None:
    text = (
        "We transfer your account data to our processor in the United States under the framework "
        "described on the U.S. Department of Commerce website; to learn more, see its pages."
    )
    assert_alert(single("added", text, section=("International transfers",)), "transfer")


# --- the user shown ads -----------------------------------------------------------------------

SEEN_ADS = [
    ("You may see other kinds of ads in Highlights and Groups.", "en"),
    ("Members will be shown advertisements between the stories of their friends.", "en"),
    ("Sie sehen in den Kanälen möglicherweise auch Werbung.", "de"),
    ("Vous pourrez voir des publicités entre les stories de vos amis.", "fr"),
    ("Es posible que veas anuncios entre las historias de tus amigos.", "es"),
    ("Du kan se annoncer mellem dine venners historier.", "da"),
    ("Du kan se annonser mellan dina vänners berättelser.", "sv"),
    ("Du kan se annonser mellom vennenes historier.", "no"),
    ("U kunt advertenties zien tussen de verhalen van uw vrienden.", "nl"),
    ("Između priča vaših prijatelja možete vidjeti reklame.", "hr"),
    ("Med zgodbami prijateljev boste lahko videli reklame.", "sl"),
    ("你可能会在好友动态之间看到广告。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), SEEN_ADS)
def test_ads_the_user_sees_are_an_advertising_purpose(text: str, language: str) -> None:
    facts = extract_facts(text, language)
    assert "purpose" in facts.categories, facts.categories
    assert "advertising" in facts.purposes


def test_seeing_something_else_is_no_purpose() -> None:
    assert not extract_facts("You may see the list of your linked devices in Settings.", "en").purposes


@pytest.mark.parametrize(
    ("old", "new", "language"),
    [
        (
            "We do not plan to sell banner space, and we would revise this notice before doing so.",
            "We do not plan to sell banner space, but you may see other kinds of ads in Highlights.",
            "en",
        ),
        (
            "Wir planen keine Bannerflächen, und wir würden diese Erklärung vorher anpassen.",
            "Wir planen keine Bannerflächen, aber Sie sehen in Highlights möglicherweise Werbung.",
            "de",
        ),
        (
            "No planeamos vender espacios de banner y revisaríamos este aviso antes de hacerlo.",
            "No planeamos vender espacios de banner, pero es posible que veas anuncios en Destacados.",
            "es",
        ),
        (
            "Vi planlægger ikke at sælge bannerplads, og vi ville ændre denne meddelelse først.",
            "Vi planlægger ikke at sælge bannerplads, men du kan se annoncer i Højdepunkter.",
            "da",
        ),
    ],
)
def test_ads_now_shown_alert_as_purpose(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "purpose")


# --- a list inside a Markdown table cell -----------------------------------------------------

_HEAD = "| Why we use it | What we use |\n| --- | --- |\n"


def _table(items: list[str], tail: str) -> bytes:
    cell = "**To run your account, we:**<br><br>" + "<br>".join(f"* {i}" for i in items)
    return (f"# Policy\n\n## Processing\n\n{_HEAD}| {cell} | {tail} |\n").encode()


def _changes(old: bytes, new: bytes) -> list:
    return compare_documents(normalize(old, "text/markdown"), normalize(new, "text/markdown")).changes


def test_items_of_a_cell_list_are_clauses_of_their_own() -> None:
    items = [
        "check your phone number when you sign up.",
        "keep a record of the settings you chose.",
        "show your profile photo to your contacts.",
    ]
    doc = normalize(_table(items, "Account details"), "text/markdown")
    from monitor.engine.pipeline import analyse

    texts = [c.text for c in analyse(doc)]
    assert any(t.startswith("keep a record of the settings") for t in texts), texts


def test_one_item_edited_in_a_cell_list_is_one_change_about_that_item() -> None:
    old = [
        "check your phone number when you sign up.",
        "keep a record of the settings you chose.",
        "show your profile photo to your contacts.",
    ]
    new = [*old[:2], "show your profile photo to your contacts and to everyone on the platform."]
    changes = _changes(_table(old, "Account details"), _table(new, "Account details"))
    assert len(changes) == 1, changes
    (change,) = changes
    assert change.new is not None and change.new.text.startswith("show your profile photo"), change


def test_a_break_that_only_wraps_a_cell_is_a_space() -> None:
    old = b"| Purpose | Basis |\n| --- | --- |\n| We keep logs<br>for security. | Legitimate interest |\n"
    new = b"| Purpose | Basis |\n| --- | --- |\n| We keep logs for security. | Legitimate interest |\n"
    assert _changes(old, new) == []


# --- a table's head row with joined labels -------------------------------------------------------

HEAD_ROWS = [
    ("Context | Examples of Personal Data | Primary Purpose and Legal Basis", "en"),
    ("Zweck | Kategorien der personenbezogenen Daten | Rechtsgrundlage und Dauer der Speicherung", "de"),
    ("Finalité | Catégories de données | Base légale et durée de conservation", "fr"),
    ("Finalidad | Categorías de datos | Base jurídica y plazo de conservación", "es"),
    ("Formål | Kategorier af oplysninger | Retsgrundlag og periode for opbevaring", "da"),
    ("Ändamål | Kategorier av uppgifter | Rättslig grund och tid för lagring", "sv"),
    ("Formål | Kategorier av opplysninger | Rettslig grunnlag og tid for lagring", "no"),
    ("Doel | Categorieën van gegevens | Rechtsgrond en bewaartermijn van gegevens", "nl"),
    ("Svrha | Kategorije podataka | Pravna osnova i rok čuvanja", "hr"),
    ("Namen | Vrste podatkov | Pravna podlaga in rok hrambe", "sl"),
]


@pytest.mark.parametrize(("text", "language"), HEAD_ROWS)
def test_head_row_with_joined_labels_added_is_quiet(text: str, language: str) -> None:
    assert_quiet(single("added", text, section=("How we use your data",), language=language))


@pytest.mark.parametrize(
    "text",
    [
        "Marketing | We share it with advertisers",
        "Analytics | We keep the logs of the site",
        "Security | We store backups of your account in the United States",
    ],
)
def test_row_of_short_statements_is_no_head_row(text: str) -> None:
    from monitor.engine.classify.page_parts import _is_head_row

    assert not _is_head_row(text)


# --- training named in a list of verbs -----------------------------------------------------------

TRAINING_IN_A_VERB_LIST = [
    ("We may use your prompts to build, train, and refine our models.", "en"),
    ("We use the files you upload to design, train, test, or fine-tune AI systems.", "en"),
    ("Wir nutzen Ihre Eingaben, um unsere KI-Modelle zu entwickeln, zu trainieren und zu verbessern.", "de"),
    ("Nous utilisons vos requêtes pour concevoir, entraîner, tester nos modèles.", "fr"),
    ("Usamos tus consultas para entrenar, probar y ajustar nuestros modelos.", "es"),
    ("Vi bruger dine forespørgsler til at træne, teste og justere vores modeller.", "da"),
    ("Vi använder dina frågor för att träna, testa och justera våra modeller.", "sv"),
    ("Vi bruker forespørslene dine til å trene, teste og justere modellene våre.", "no"),
    ("Wij gebruiken uw vragen om onze modellen te ontwerpen, te trainen en te testen.", "nl"),
    ("Vaše upite koristimo za treniranje, testiranje i prilagodbu naših modela.", "hr"),
    ("Vaša vprašanja uporabljamo za treniranje, testiranje in prilagajanje naših modelov.", "sl"),
    ("我们会使用你的提问来开发、训练和改进我们的模型。", "zh"),
]


@pytest.mark.parametrize(("text", "language"), TRAINING_IN_A_VERB_LIST)
def test_training_in_a_list_of_verbs_is_ai_training(text: str, language: str) -> None:
    assert "AI training" in extract_facts(text, language).purposes


@pytest.mark.parametrize(
    ("old", "new", "language"),
    [
        (
            "We use your prompts to answer your questions.",
            "We use your prompts to answer your questions and to build, train, and refine our models.",
            "en",
        ),
        (
            "Wir nutzen Ihre Eingaben, um Ihre Fragen zu beantworten.",
            "Wir nutzen Ihre Eingaben, um Ihre Fragen zu beantworten und unsere KI-Modelle zu "
            "entwickeln, zu trainieren und zu verbessern.",
            "de",
        ),
    ],
)
def test_training_added_in_a_verb_list_alerts(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "purpose")
