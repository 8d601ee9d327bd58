"""A right still stated in the other version, in other words, is no change of rights: a "Your
rights" section re-written, a sentence on complaining to the authority dropped while a new one
says the same right otherwise, or a right dropped from a list sentence while another sentence
states it. The fact decides, not the words. A right stated nowhere else, or restated on
narrower terms (a new condition such as "only after ..."), still alerts with category rights,
in every language."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, page_changes, section_page, single

from monitor.engine.facts import extract_facts

# (language, heading, a sentence kept, the complaint right, the same right in other words,
#  the same right narrowed by a condition, another sentence kept)
CASES = [
    (
        "en",
        "Your rights",
        "You can ask us which personal data we hold about you.",
        "You also have a right to lodge a complaint with a supervisory authority.",
        "If you are unhappy with how we handle your data, you can complain to the data protection authority.",
        "You can complain to the data protection authority only after using our internal procedure.",
        "We answer requests within thirty days.",
    ),
    (
        "de",
        "Ihre Rechte",
        "Sie können Auskunft darüber verlangen, welche Daten wir über Sie speichern.",
        "Ferner steht Ihnen ein Beschwerderecht bei einer Datenschutzbehörde zu.",
        "Sind Sie mit unserem Umgang mit Ihren Daten unzufrieden, können Sie sich bei der zuständigen "
        "Aufsichtsbehörde beschweren.",
        "Sie können sich nur nach Abschluss unseres internen Verfahrens bei der zuständigen "
        "Aufsichtsbehörde beschweren.",
        "Anfragen beantworten wir innerhalb von dreißig Tagen.",
    ),
    (
        "fr",
        "Vos droits",
        "Vous pouvez nous demander quelles données personnelles nous détenons à votre sujet.",
        "Vous disposez également du droit d'introduire une réclamation auprès d'une autorité de contrôle.",
        "Si vous estimez que vos données sont mal traitées, vous pouvez vous adresser à la CNIL.",
        "Vous pouvez vous adresser à la CNIL uniquement après avoir épuisé notre procédure interne.",
        "Nous répondons aux demandes dans un délai de trente jours.",
    ),
    (
        "es",
        "Sus derechos",
        "Puede preguntarnos qué datos personales conservamos sobre usted.",
        "Asimismo, tiene derecho a presentar una reclamación ante una autoridad de control.",
        "Si considera que tratamos sus datos de forma indebida, puede dirigirse a la Agencia Española de "
        "Protección de Datos.",
        "Puede dirigirse a la Agencia Española de Protección de Datos solo después de contactar "
        "con nosotros.",
        "Respondemos a las solicitudes en un plazo de treinta días.",
    ),
    (
        "da",
        "Dine rettigheder",
        "Du kan spørge os, hvilke personoplysninger vi har om dig.",
        "Du har desuden ret til at indgive en klage til en tilsynsmyndighed.",
        "Er du utilfreds med vores behandling af dine oplysninger, kan du henvende dig til Datatilsynet.",
        "Du kan kun henvende dig til Datatilsynet, efter at du har kontaktet os.",
        "Vi besvarer anmodninger inden for tredive dage.",
    ),
    (
        "sv",
        "Dina rättigheter",
        "Du kan fråga oss vilka personuppgifter vi har om dig.",
        "Du har dessutom rätt att lämna klagomål till en tillsynsmyndighet.",
        "Om du är missnöjd med hur vi behandlar dina uppgifter kan du vända dig till "
        "Integritetsskyddsmyndigheten.",
        "Du kan vända dig till Integritetsskyddsmyndigheten endast efter att ha kontaktat oss.",
        "Vi besvarar förfrågningar inom trettio dagar.",
    ),
    (
        "no",
        "Dine rettigheter",
        "Du kan spørre oss hvilke personopplysninger vi har om deg.",
        "Du har dessuten rett til å klage til en tilsynsmyndighet.",
        "Er du misfornøyd med hvordan vi behandler opplysningene dine, kan du henvende deg til Datatilsynet.",
        "Du kan bare henvende deg til Datatilsynet etter at du har kontaktet oss.",
        "Vi svarer på forespørsler innen tretti dager.",
    ),
    (
        "nl",
        "Uw rechten",
        "U kunt ons vragen welke persoonsgegevens wij over u bewaren.",
        "Daarnaast heeft u het recht een klacht in te dienen bij een toezichthoudende autoriteit.",
        "Bent u ontevreden over hoe wij met uw gegevens omgaan, dan kunt u zich wenden tot de Autoriteit "
        "Persoonsgegevens.",
        "U kunt zich alleen tot de Autoriteit Persoonsgegevens wenden nadat u contact met ons "
        "heeft opgenomen.",
        "Wij beantwoorden verzoeken binnen dertig dagen.",
    ),
    (
        "hr",
        "Vaša prava",
        "Možete nas pitati koje osobne podatke o vama čuvamo.",
        "Osim toga, imate pravo podnijeti pritužbu nadzornom tijelu.",
        "Ako smatrate da vaše podatke obrađujemo nezakonito, možete se obratiti Agenciji za zaštitu osobnih "
        "podataka.",
        "Agenciji za zaštitu osobnih podataka možete se obratiti samo nakon što se obratite nama.",
        "Na zahtjeve odgovaramo u roku od trideset dana.",
    ),
    (
        "sl",
        "Vaše pravice",
        "Vprašate nas lahko, katere osebne podatke hranimo o vas.",
        "Poleg tega imate pravico vložiti pritožbo pri nadzornem organu.",
        "Če menite, da vaše podatke obdelujemo nezakonito, se lahko obrnete na Informacijskega pooblaščenca.",
        "Na Informacijskega pooblaščenca se lahko obrnete le po tem, ko ste se obrnili na nas.",
        "Na zahteve odgovorimo v tridesetih dneh.",
    ),
    (
        "zh",
        "您的权利",
        "您可以询问我们持有哪些关于您的个人信息。",
        "此外，您有权向监管机构提出投诉。",
        "如果您认为我们违法处理您的信息，可以向有关部门投诉。",
        "您仅可在联系我们之后向有关部门投诉。",
        "我们将在三十天内答复请求。",
    ),
]
IDS = [c[0] for c in CASES]
FIELDS = ("lang", "heading", "kept", "right", "reworded", "narrowed", "other")


def _material(old: list[str], new: list[str], heading: str) -> list[str]:
    changes = page_changes(section_page(heading, old), section_page(heading, new))
    return [c for c in changes if c.material]


@pytest.mark.parametrize(
    ("lang", "heading", "kept", "right", "reworded", "narrowed", "other"), CASES, ids=IDS
)
def test_a_right_restated_in_other_words_is_quiet(
    lang: str, heading: str, kept: str, right: str, reworded: str, narrowed: str, other: str
) -> None:
    assert not _material([kept, right, other], [kept, other, reworded], heading)
    assert not _material([kept, reworded, other], [right, kept, other], heading)


@pytest.mark.parametrize(
    ("lang", "heading", "kept", "right", "reworded", "narrowed", "other"), CASES, ids=IDS
)
def test_a_right_stated_nowhere_else_still_alerts(
    lang: str, heading: str, kept: str, right: str, reworded: str, narrowed: str, other: str
) -> None:
    found = _material([kept, right, other], [kept, other], heading)
    assert found and all("rights" in c.categories for c in found), found


@pytest.mark.parametrize(
    ("lang", "heading", "kept", "right", "reworded", "narrowed", "other"), CASES, ids=IDS
)
def test_a_right_restated_on_narrower_terms_still_alerts(
    lang: str, heading: str, kept: str, right: str, reworded: str, narrowed: str, other: str
) -> None:
    found = _material([kept, right, other], [kept, other, narrowed], heading)
    assert found and any("rights" in c.categories for c in found), found


# The right to have one's data handed over (to oneself or another provider) said as a "right to
# the transfer of the data": portability, in the languages that say it so.
PORTABILITY = [
    ("de", "Sie haben zudem ein Recht auf Datenübertragung."),
    ("de", "Ihnen steht auch das Recht auf Übertragung Ihrer Daten zu."),
    ("fr", "Vous disposez aussi d'un droit au transfert de vos données."),
    ("es", "También tiene derecho a la transmisión de sus datos."),
    ("nl", "U heeft ook het recht op overdracht van uw gegevens."),
    ("hr", "Imate i pravo na prijenos podataka."),
    ("sl", "Imate tudi pravico do prenosa podatkov."),
]


@pytest.mark.parametrize(
    ("lang", "text"), PORTABILITY, ids=[f"{c[0]}-{i}" for i, c in enumerate(PORTABILITY)]
)
def test_a_right_to_the_transfer_of_data_is_portability(lang: str, text: str) -> None:
    assert "portability" in extract_facts(text, lang).rights


def test_a_transfer_of_data_that_is_no_right_is_no_portability() -> None:
    assert not extract_facts("Wir verschlüsseln jede Datenübertragung.", "de").rights_named


# (language, heading, a list of rights with portability, the list without it, portability said
#  in a sentence of its own, another sentence kept)
LISTS = [
    (
        "en",
        "Your rights",
        "You may ask us to correct or erase your data, and you have a right to data portability.",
        "You may ask us to correct or erase your data.",
        "Where the law provides for it, you may have your data transferred to another provider.",
        "We answer requests within thirty days.",
    ),
    (
        "de",
        "Ihre Rechte",
        "Sie können die Berichtigung oder Löschung Ihrer Daten verlangen und haben ein Recht auf "
        "Datenübertragbarkeit.",
        "Sie können die Berichtigung oder Löschung Ihrer Daten verlangen.",
        "Soweit das Gesetz es vorsieht, besteht außerdem ein Recht auf Datenübertragung.",
        "Anfragen beantworten wir innerhalb von dreißig Tagen.",
    ),
    (
        "nl",
        "Uw rechten",
        "U kunt ons vragen uw gegevens te corrigeren of te wissen en u heeft recht op dataportabiliteit.",
        "U kunt ons vragen uw gegevens te corrigeren of te wissen.",
        "Waar de wet daarin voorziet, heeft u bovendien het recht op overdracht van uw gegevens.",
        "Wij beantwoorden verzoeken binnen dertig dagen.",
    ),
    (
        "hr",
        "Vaša prava",
        "Možete zatražiti ispravak ili brisanje svojih podataka te imate pravo na prenosivost podataka.",
        "Možete zatražiti ispravak ili brisanje svojih podataka.",
        "Kada zakon to predviđa, imate i pravo na prijenos podataka.",
        "Na zahtjeve odgovaramo u roku od trideset dana.",
    ),
]


@pytest.mark.parametrize(
    ("lang", "heading", "listed", "shorter", "own", "other"), LISTS, ids=[c[0] for c in LISTS]
)
def test_a_right_dropped_from_a_list_but_stated_in_its_own_sentence_is_quiet(
    lang: str, heading: str, listed: str, shorter: str, own: str, other: str
) -> None:
    assert not _material([listed, other], [shorter, own, other], heading)


@pytest.mark.parametrize(
    ("lang", "heading", "listed", "shorter", "own", "other"), LISTS, ids=[c[0] for c in LISTS]
)
def test_a_right_dropped_from_a_list_and_stated_nowhere_alerts(
    lang: str, heading: str, listed: str, shorter: str, own: str, other: str
) -> None:
    found = _material([listed, other], [shorter, other], heading)
    assert found and all("rights" in c.categories for c in found), found


# A line that only names a form or page to complain on: a link's label, no right of its own
LABELS = [
    ("en", "Your rights", "Complaint form of the regulator"),
    ("de", "Ihre Rechte", "Beschwerdeformular des Landesbeauftragten"),
    ("fr", "Vos droits", "Formulaire de réclamation de la CNIL"),
    ("es", "Sus derechos", "Formulario de reclamación de la AEPD"),
    ("da", "Dine rettigheder", "Klageformular hos Datatilsynet"),
    ("sv", "Dina rättigheter", "Integritetsskyddsmyndighetens klagomålsformulär"),
    ("no", "Dine rettigheter", "Klageskjema hos Datatilsynet"),
    ("nl", "Uw rechten", "Klachtenformulier van de Autoriteit Persoonsgegevens"),
    ("hr", "Vaša prava", "Obrazac za pritužbu nadzornom tijelu"),
    ("sl", "Vaše pravice", "Obrazec za pritožbo pri nadzornem organu"),
    ("zh", "您的权利", "监管机构投诉页面"),
]


@pytest.mark.parametrize(("lang", "heading", "label"), LABELS, ids=[c[0] for c in LABELS])
def test_a_link_label_naming_a_complaint_form_states_no_right(lang: str, heading: str, label: str) -> None:
    for kind in ("added", "removed"):
        assert_quiet(single(kind, label, section=(heading,), language=lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Right to lodge a complaint with the regulator"),
        ("de", "Recht auf Beschwerde bei der Aufsichtsbehörde"),
        ("fr", "Droit d'introduire une réclamation auprès de la CNIL"),
        ("en", "Opt-out page"),
    ],
)
def test_a_line_naming_the_right_itself_still_alerts(lang: str, text: str) -> None:
    assert_alert(single("added", text, section=("Rights",), language=lang), "rights")


# A sentence added that limits a right the old version states ("you cannot ask us to erase ..."):
# the right narrowed, not re-stated.
LIMITS = [
    (
        "en",
        "Your rights",
        "You may ask us to erase your personal data.",
        "You cannot ask us to erase reviews you published.",
    ),
    (
        "de",
        "Ihre Rechte",
        "Sie können die Löschung Ihrer Daten verlangen.",
        "Die Löschung veröffentlichter Bewertungen können Sie nicht verlangen.",
    ),
    (
        "fr",
        "Vos droits",
        "Vous pouvez demander l'effacement de vos données.",
        "Vous ne pouvez pas demander l'effacement des avis que vous avez publiés.",
    ),
]


@pytest.mark.parametrize(("lang", "heading", "right", "limit"), LIMITS, ids=[c[0] for c in LIMITS])
def test_a_sentence_limiting_a_right_still_alerts(lang: str, heading: str, right: str, limit: str) -> None:
    found = _material([right], [right, limit], heading)
    assert found and any("rights" in c.categories for c in found), found
