"""Patterns of the fifteenth session's quality round (h47), each in every language it applies to:

- items added to a list under a heading about the data collected are data collected, even where
  their own sentence names no verb of collecting (only under such a heading, only short items
  that read as data);
- "if you keep using the service after a change, you accept the new version": continued use as
  acceptance is a term of changes wherever it stands, not a purpose (the use is the user's own);
- a heading about changes to "this notice" or "this statement" is about changes to the policy;
- a promise to remove the data ("we will check (and remove, if we hold any) such data") dropped is
  a retention term (en "remove", fr "les retirer", zh "予以移除" were missing; oneedit14 en-kids);
- a use added to the reasons data is kept for is a retention term as well as a purpose (oneedit14
  da-jetpak);
- data handled "confidentially" (the adverb) is a safeguard in every language, not only in English
  (oneedit14 hr-unikomerc);
- what the user's own device transmits reaches us: in German "übermittelt dein Endgerät" is no
  transfer, so "übermittelt" -> "sendet" said of the device is quiet (oneedit16 de-walks).
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, page_changes, single

from monitor.engine.classify import classify
from monitor.engine.facts import extract_facts
from monitor.models import Change, Clause

# (language, heading about data collected, old sentence, new sentence with items added)
COLLECTED_LISTS = [
    (
        "en",
        "Information we collect",
        "For a car rental these are, for instance, licence class, seat preference and luggage size.",
        "For a car rental these are, for instance, licence class, seat preference, preferred pick-up"
        " time, travel companions and luggage size.",
    ),
    (
        "de",
        "Welche Daten wir erheben",
        "Bei Hotelaufenthalten sind dies etwa Zimmertyp, Wunschetage und Ankunftszeit.",
        "Bei Hotelaufenthalten sind dies etwa Zimmertyp, Wunschetage, Kissenart, gewünschte Aussicht"
        " und Ankunftszeit.",
    ),
    (
        "fr",
        "Les données que nous collectons",
        "Pour une réservation d'hôtel, il s'agit par exemple du type de chambre, de l'étage préféré et"
        " de l'heure d'arrivée.",
        "Pour une réservation d'hôtel, il s'agit par exemple du type de chambre, de l'étage préféré,"
        " du type d'oreiller, de la vue souhaitée et de l'heure d'arrivée.",
    ),
    (
        "es",
        "Información que recopilamos",
        "Para una reserva de hotel son, por ejemplo, el tipo de habitación, la planta preferida y la"
        " hora de llegada.",
        "Para una reserva de hotel son, por ejemplo, el tipo de habitación, la planta preferida, el tipo"
        " de almohada, la vista deseada y la hora de llegada.",
    ),
    (
        "da",
        "Hvilke oplysninger vi indsamler",
        "Ved billeje er det for eksempel kørekortklasse, sædeønske og bagagestørrelse.",
        "Ved billeje er det for eksempel kørekortklasse, sædeønske, ønsket afhentningstid, medrejsende og"
        " bagagestørrelse.",
    ),
    (
        "sv",
        "Vilka uppgifter vi samlar in",
        "Vid biluthyrning är det till exempel körkortsklass, sätesönskemål och bagagestorlek.",
        "Vid biluthyrning är det till exempel körkortsklass, sätesönskemål, önskad upphämtningstid,"
        " medresenärer och bagagestorlek.",
    ),
    (
        "no",
        "Hvilke opplysninger vi samler inn",
        "Ved bilutleie er dette for eksempel førerkortklasse, seteønske og bagasjestørrelse.",
        "Ved bilutleie er dette for eksempel førerkortklasse, seteønske, ønsket hentetid, medreisende og"
        " bagasjestørrelse.",
    ),
    (
        "nl",
        "Welke gegevens wij verzamelen",
        "Bij autohuur zijn dit bijvoorbeeld rijbewijscategorie, stoelvoorkeur en bagagegrootte.",
        "Bij autohuur zijn dit bijvoorbeeld rijbewijscategorie, stoelvoorkeur, gewenste ophaaltijd,"
        " medereizigers en bagagegrootte.",
    ),
    (
        "hr",
        "Koje podatke prikupljamo",
        "Kod najma automobila to su primjerice kategorija dozvole, željeno sjedalo i veličina prtljage.",
        "Kod najma automobila to su primjerice kategorija dozvole, željeno sjedalo, vrijeme preuzimanja,"
        " suputnici i veličina prtljage.",
    ),
    (
        "sl",
        "Katere podatke zbiramo",
        "Pri najemu avtomobila so to na primer kategorija dovoljenja, želeni sedež in velikost prtljage.",
        "Pri najemu avtomobila so to na primer kategorija dovoljenja, želeni sedež, čas prevzema,"
        " sopotniki in velikost prtljage.",
    ),
    (
        "zh",
        "我们收集的信息",
        "租车时，例如驾照类型、座位偏好和行李大小。",
        "租车时，例如驾照类型、座位偏好、取车时间、同行人员和行李大小。",
    ),
]


def _edited_under(heading: str, old: str, new: str, language: str) -> Change:
    """A sentence edited in place under `heading`, classified."""
    section = (heading,)
    change = Change(
        "modified",
        Clause(3, old, section=section, language=language),
        Clause(3, new, section=section, language=language),
    )
    (classified,) = classify([change])
    return classified


@pytest.mark.parametrize(("language", "heading", "old", "new"), COLLECTED_LISTS)
def test_items_added_under_a_collection_heading_are_data_collected(
    language: str, heading: str, old: str, new: str
) -> None:
    assert_alert(_edited_under(heading, old, new, language), "collection")


@pytest.mark.parametrize(("language", "heading", "old", "new"), COLLECTED_LISTS)
def test_the_same_items_under_a_heading_about_something_else_are_quiet(
    language: str, heading: str, old: str, new: str
) -> None:
    assert_quiet(_edited_under("", old, new, language))


def test_names_added_under_a_collection_heading_are_no_data() -> None:
    old = "We work with rental partners such as Hertz and Sixt."
    new = "We work with rental partners such as Hertz, Europcar and Sixt."
    assert_quiet(_edited_under("Information we collect", old, new, "en"))


def test_items_under_a_heading_about_sharing_are_not_read_as_collected() -> None:
    old = "For a hotel stay these are, for instance, room type, preferred floor and arrival time."
    new = (
        "For a hotel stay these are, for instance, room type, preferred floor, pillow type and arrival time."
    )
    change = _edited_under("What we share with our partners", old, new, "en")
    assert not change.material or "collection" not in change.categories, change


# (language, continued use as acceptance, a sentence where we go on using data: a purpose)
CONTINUED_USE = [
    (
        "en",
        "Should you carry on using the app once a revision is live, you agree to the revised version.",
        "We continue to use your details to send invoices.",
    ),
    (
        "de",
        "Wenn Sie die App nach einer Überarbeitung weiter nutzen, gilt dies als Zustimmung zur neuen"
        " Fassung.",
        "Wir nutzen Ihre Angaben weiterhin für den Versand von Rechnungen.",
    ),
    (
        "fr",
        "Si vous continuez à utiliser l'application après une révision, vous acceptez la version révisée.",
        "Nous continuons à utiliser vos coordonnées pour l'envoi des factures.",
    ),
    (
        "es",
        "Si sigue utilizando la aplicación tras una revisión, acepta la versión revisada.",
        "Seguimos utilizando sus datos para el envío de facturas.",
    ),
    (
        "da",
        "Hvis du fortsætter med at bruge appen efter en revision, accepterer du den reviderede version.",
        "Vi fortsætter med at bruge dine oplysninger til at sende fakturaer.",
    ),
    (
        "sv",
        "Om du fortsätter att använda appen efter en revidering godkänner du den reviderade versionen.",
        "Vi fortsätter att använda dina uppgifter för att skicka fakturor.",
    ),
    (
        "no",
        "Hvis du fortsetter å bruke appen etter en revisjon, godtar du den reviderte versjonen.",
        "Vi fortsetter å bruke opplysningene dine til å sende fakturaer.",
    ),
    ("nl", "Als u de app na een herziening blijft gebruiken, aanvaardt u de herziene versie.", None),
    ("hr", "Ako nastavite koristiti aplikaciju nakon revizije, prihvaćate revidiranu verziju.", None),
    ("sl", "Če aplikacijo po reviziji še naprej uporabljate, sprejemate revidirano različico.", None),
    ("zh", "如您在修订后继续使用本应用，即表示您同意修订后的版本。", None),
]


@pytest.mark.parametrize(("language", "sentence", "ours"), CONTINUED_USE)
def test_continued_use_as_acceptance_is_a_term_of_changes(
    language: str, sentence: str, ours: str | None
) -> None:
    facts = extract_facts(sentence, language)
    assert "changes" in facts.categories and "purpose" not in facts.categories, facts.categories
    change = single("added", sentence, section=("Account",), language=language)
    assert_alert(change, "changes")
    assert "purpose" not in change.categories, change


@pytest.mark.parametrize(("language", "sentence", "ours"), [c for c in CONTINUED_USE if c[2]])
def test_our_own_continued_use_of_data_is_no_change_notice(language: str, sentence: str, ours: str) -> None:
    assert "changes" not in extract_facts(ours, language).categories


NOTICE_HEADINGS = [
    ("en", "Changes to this notice"),
    ("de", "Änderungen dieser Mitteilung"),
    ("de", "Änderungen dieses Hinweises"),
    ("fr", "Modifications du présent avis"),
    ("fr", "Modifications de cette notice"),
    ("es", "Cambios en este aviso"),
    ("da", "Ændringer af denne meddelelse"),
    ("sv", "Ändringar av detta meddelande"),
    ("sv", "Ändringar av denna förklaring"),
    ("sv", "Ändringar i detta integritetsmeddelande"),
    ("no", "Endringer i denne meldingen"),
    ("no", "Endringer i dette varselet"),
    ("nl", "Wijzigingen in deze kennisgeving"),
    ("hr", "Izmjene ove obavijesti"),
    ("sl", "Spremembe tega obvestila"),
    ("zh", "本通知的变更"),
]


@pytest.mark.parametrize(("language", "heading"), NOTICE_HEADINGS)
def test_a_heading_about_changes_to_this_notice_is_about_changes(language: str, heading: str) -> None:
    assert "changes" in extract_facts(heading, language).categories


# (language, a promise to look into and remove a child's data, the same without the removal)
REMOVAL_DROPPED = [
    (
        "en",
        "If you tell us we hold data of a child under 16, we will check (and remove, if we hold any)"
        " that data.",
        "If you tell us we hold data of a child under 16, we will check that data.",
    ),
    (
        "de",
        "Wenn Sie uns mitteilen, dass wir Daten eines Kindes unter 16 haben, prüfen (und entfernen,"
        " falls vorhanden) wir diese Daten.",
        "Wenn Sie uns mitteilen, dass wir Daten eines Kindes unter 16 haben, prüfen wir diese Daten.",
    ),
    (
        "fr",
        "Si vous nous signalez que nous détenons des données d'un enfant de moins de 16 ans, nous les"
        " vérifierons (et les retirerons, le cas échéant).",
        "Si vous nous signalez que nous détenons des données d'un enfant de moins de 16 ans, nous les"
        " vérifierons.",
    ),
    (
        "es",
        "Si nos indica que tenemos datos de un menor de 16 años, los revisaremos (y los eliminaremos, si"
        " los hay).",
        "Si nos indica que tenemos datos de un menor de 16 años, los revisaremos.",
    ),
    (
        "da",
        "Hvis du fortæller os, at vi har data om et barn under 16 år, undersøger vi dem (og fjerner dem,"
        " hvis vi har nogen).",
        "Hvis du fortæller os, at vi har data om et barn under 16 år, undersøger vi dem.",
    ),
    (
        "sv",
        "Om du berättar att vi har uppgifter om ett barn under 16 år undersöker vi dem (och tar bort"
        " dem, om vi har några).",
        "Om du berättar att vi har uppgifter om ett barn under 16 år undersöker vi dem.",
    ),
    (
        "no",
        "Hvis du forteller oss at vi har data om et barn under 16 år, undersøker vi dem (og fjerner dem,"
        " hvis vi har noen).",
        "Hvis du forteller oss at vi har data om et barn under 16 år, undersøker vi dem.",
    ),
    (
        "nl",
        "Als u ons meldt dat wij gegevens van een kind onder 16 jaar hebben, onderzoeken wij die (en"
        " verwijderen wij ze, als we ze hebben).",
        "Als u ons meldt dat wij gegevens van een kind onder 16 jaar hebben, onderzoeken wij die.",
    ),
    (
        "hr",
        "Ako nam javite da imamo podatke djeteta mlađeg od 16 godina, provjerit ćemo ih (i ukloniti ih,"
        " ako ih imamo).",
        "Ako nam javite da imamo podatke djeteta mlađeg od 16 godina, provjerit ćemo ih.",
    ),
    (
        "sl",
        "Če nam sporočite, da imamo podatke otroka, mlajšega od 16 let, jih bomo preverili (in"
        " odstranili, če jih imamo).",
        "Če nam sporočite, da imamo podatke otroka, mlajšega od 16 let, jih bomo preverili.",
    ),
    (
        "zh",
        "如果您告知我们持有16岁以下儿童的数据，我们将进行核查（如有，将予以移除）。",
        "如果您告知我们持有16岁以下儿童的数据，我们将进行核查。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), REMOVAL_DROPPED)
def test_a_promise_to_remove_data_dropped_is_a_retention_term(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "retention")


def test_removing_what_is_no_data_is_no_retention_term() -> None:
    assert "retention" not in extract_facts("You can remove the app at any time.", "en").categories
    assert "retention" not in extract_facts("Vous pouvez le retirer à tout moment.", "fr").categories
    assert "retention" not in extract_facts("您可以移除该应用。", "zh").categories


# (language, data kept for other reasons, the same with a use added to the reasons)
KEPT_FOR_A_NEW_USE = [
    (
        "en",
        "We may keep your details for other reasons, such as to meet legal duties.",
        "We may keep your details for other reasons, such as to meet legal duties or for advertising.",
    ),
    (
        "de",
        "Wir können Ihre Angaben aus anderen Gründen aufbewahren, etwa zur Erfüllung gesetzlicher Pflichten.",
        "Wir können Ihre Angaben aus anderen Gründen aufbewahren, etwa zur Erfüllung gesetzlicher"
        " Pflichten oder für Werbung.",
    ),
    (
        "fr",
        "Nous pouvons conserver vos informations pour d'autres raisons, par exemple pour respecter nos"
        " obligations légales.",
        "Nous pouvons conserver vos informations pour d'autres raisons, par exemple pour respecter nos"
        " obligations légales ou à des fins publicitaires.",
    ),
    (
        "es",
        "Podemos conservar sus datos por otros motivos, como cumplir obligaciones legales.",
        "Podemos conservar sus datos por otros motivos, como cumplir obligaciones legales o con fines"
        " publicitarios.",
    ),
    (
        "da",
        "Vi kan opbevare dine oplysninger af andre grunde, såsom for at opfylde lovkrav.",
        "Vi kan opbevare dine oplysninger af andre grunde, såsom for at opfylde lovkrav eller til"
        " markedsføring.",
    ),
    (
        "sv",
        "Vi kan lagra dina uppgifter av andra skäl, till exempel för att uppfylla lagkrav.",
        "Vi kan lagra dina uppgifter av andra skäl, till exempel för att uppfylla lagkrav eller för"
        " marknadsföring.",
    ),
    (
        "no",
        "Vi kan lagre opplysningene dine av andre grunner, for eksempel for å oppfylle lovkrav.",
        "Vi kan lagre opplysningene dine av andre grunner, for eksempel for å oppfylle lovkrav eller for"
        " markedsføring.",
    ),
    (
        "nl",
        "Wij kunnen uw gegevens om andere redenen bewaren, zoals om aan wettelijke plichten te voldoen.",
        "Wij kunnen uw gegevens om andere redenen bewaren, zoals om aan wettelijke plichten te voldoen"
        " of voor marketing.",
    ),
    (
        "hr",
        "Vaše podatke možemo čuvati iz drugih razloga, primjerice radi ispunjavanja zakonskih obveza.",
        "Vaše podatke možemo čuvati iz drugih razloga, primjerice radi ispunjavanja zakonskih obveza ili"
        " za marketing.",
    ),
    (
        "sl",
        "Vaše podatke lahko hranimo iz drugih razlogov, na primer za izpolnjevanje zakonskih obveznosti.",
        "Vaše podatke lahko hranimo iz drugih razlogov, na primer za izpolnjevanje zakonskih obveznosti"
        " ali za trženje.",
    ),
    (
        "zh",
        "我们可能出于其他原因保存您的信息，例如履行法律义务。",
        "我们可能出于其他原因保存您的信息，例如履行法律义务或用于营销。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), KEPT_FOR_A_NEW_USE)
def test_a_use_added_to_why_data_is_kept_is_retention_and_purpose(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "retention")
    assert_alert(change, "purpose")


# (language, data handled carefully and in confidence, the same with the safeguard gone)
CONFIDENTIALLY_DROPPED = [
    (
        "en",
        "We handle your details carefully and confidentially and only as the law allows.",
        "We handle your details and only as the law allows.",
    ),
    (
        "de",
        "Wir behandeln Ihre Angaben sorgfältig und vertraulich und nur im Rahmen der Gesetze.",
        "Wir behandeln Ihre Angaben nur im Rahmen der Gesetze.",
    ),
    (
        "fr",
        "Nous traitons vos informations avec soin et confidentiellement, dans le respect de la loi.",
        "Nous traitons vos informations dans le respect de la loi.",
    ),
    (
        "es",
        "Tratamos sus datos con cuidado y de forma confidencial, conforme a la ley.",
        "Tratamos sus datos conforme a la ley.",
    ),
    (
        "da",
        "Vi behandler dine oplysninger omhyggeligt og fortroligt og kun som loven tillader.",
        "Vi behandler dine oplysninger kun som loven tillader.",
    ),
    (
        "sv",
        "Vi behandlar dina uppgifter noggrant och konfidentiellt och bara som lagen tillåter.",
        "Vi behandlar dina uppgifter bara som lagen tillåter.",
    ),
    (
        "no",
        "Vi behandler opplysningene dine nøye og konfidensielt og bare slik loven tillater.",
        "Vi behandler opplysningene dine bare slik loven tillater.",
    ),
    (
        "nl",
        "Wij behandelen uw gegevens zorgvuldig en vertrouwelijk en alleen zoals de wet toestaat.",
        "Wij behandelen uw gegevens alleen zoals de wet toestaat.",
    ),
    (
        "hr",
        "Vaše podatke obrađujemo pažljivo i povjerljivo te samo u skladu sa zakonom.",
        "Vaše podatke obrađujemo samo u skladu sa zakonom.",
    ),
    (
        "sl",
        "Vaše podatke obdelujemo skrbno in zaupno ter le v skladu z zakonom.",
        "Vaše podatke obdelujemo le v skladu z zakonom.",
    ),
    (
        "zh",
        "我们谨慎并保密地处理您的信息，且仅在法律允许的范围内。",
        "我们仅在法律允许的范围内处理您的信息。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), CONFIDENTIALLY_DROPPED)
def test_handling_data_confidentially_dropped_is_a_security_term(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "security")


# (language, the user's phone transmits data, the same said with "sends")
DEVICE_SENDS = [
    (
        "en",
        "When you open our app, your phone automatically transmits some technical data.",
        "When you open our app, your phone automatically sends some technical data.",
    ),
    (
        "de",
        "Beim Öffnen unserer App übermittelt Ihr Smartphone automatisch einige technische Daten.",
        "Beim Öffnen unserer App sendet Ihr Smartphone automatisch einige technische Daten.",
    ),
    (
        "fr",
        "Lorsque vous ouvrez notre application, votre téléphone transmet automatiquement certaines données"
        " techniques.",
        "Lorsque vous ouvrez notre application, votre téléphone envoie automatiquement certaines"
        " données techniques.",
    ),
    (
        "es",
        "Cuando abre nuestra aplicación, su teléfono transmite automáticamente algunos datos técnicos.",
        "Cuando abre nuestra aplicación, su teléfono envía automáticamente algunos datos técnicos.",
    ),
    (
        "da",
        "Når du åbner vores app, overfører din telefon automatisk nogle tekniske data.",
        "Når du åbner vores app, sender din telefon automatisk nogle tekniske data.",
    ),
    (
        "sv",
        "När du öppnar vår app överför din telefon automatiskt vissa tekniska data.",
        "När du öppnar vår app skickar din telefon automatiskt vissa tekniska data.",
    ),
    (
        "no",
        "Når du åpner appen vår, overfører telefonen din automatisk noen tekniske data.",
        "Når du åpner appen vår, sender telefonen din automatisk noen tekniske data.",
    ),
    (
        "nl",
        "Wanneer u onze app opent, verzendt uw telefoon automatisch enkele technische gegevens.",
        "Wanneer u onze app opent, stuurt uw telefoon automatisch enkele technische gegevens.",
    ),
    (
        "hr",
        "Kada otvorite našu aplikaciju, vaš telefon automatski prenosi neke tehničke podatke.",
        "Kada otvorite našu aplikaciju, vaš telefon automatski šalje neke tehničke podatke.",
    ),
    (
        "sl",
        "Ko odprete našo aplikacijo, vaš telefon samodejno prenese nekatere tehnične podatke.",
        "Ko odprete našo aplikacijo, vaš telefon samodejno pošlje nekatere tehnične podatke.",
    ),
    (
        "zh",
        "当您打开我们的应用时，您的手机会自动传输一些技术数据。",
        "当您打开我们的应用时，您的手机会自动发送一些技术数据。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), DEVICE_SENDS)
def test_the_users_device_sending_data_in_other_words_is_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


# (language, a neutral heading, a lead-in naming data and no practice) for COLLECTED_LISTS' sentences
LEAD_INS = {
    "en": ("Your trip", "Some extra details about your trip (optional)."),
    "de": ("Ihre Reise", "Je nach Angebot zusätzlich freiwillige Angaben zu Ihrer Reise (optional)."),
    "fr": ("Votre séjour", "Des informations supplémentaires sur votre séjour (facultatif)."),
    "es": ("Su estancia", "Datos adicionales sobre su estancia (opcional)."),
    "da": ("Din rejse", "Yderligere oplysninger om din rejse (valgfrit)."),
    "sv": ("Din resa", "Ytterligare uppgifter om din resa (frivilligt)."),
    "no": ("Reisen din", "Ytterligere opplysninger om reisen din (valgfritt)."),
    "nl": ("Uw reis", "Aanvullende gegevens over uw reis (optioneel)."),
    "hr": ("Vaše putovanje", "Dodatni podaci o vašem putovanju (neobavezno)."),
    "sl": ("Vaše potovanje", "Dodatni podatki o vašem potovanju (neobvezno)."),
    "zh": ("您的行程", "关于您行程的其他信息（可选）。"),
}


def _page(heading: str, sentences: list[str]) -> bytes:
    body = "".join(f"<p>{s}</p>" for s in sentences)
    return f"<html><body><main><h1>{heading}</h1><h2>{heading}</h2>{body}</main></body></html>".encode()


@pytest.mark.parametrize(("language", "heading", "old", "new"), COLLECTED_LISTS)
def test_items_added_after_a_lead_in_naming_data_are_data_collected(
    language: str, heading: str, old: str, new: str
) -> None:
    title, lead_in = LEAD_INS[language]
    changes = page_changes(_page(title, [lead_in + " " + old]), _page(title, [lead_in + " " + new]))
    assert [c for c in changes if c.material and "collection" in c.categories], changes


def test_items_added_after_a_sentence_that_collects_are_not_read_as_data() -> None:
    old = "We collect some data when you shop. The app runs on phones, tablets and laptops."
    new = "We collect some data when you shop. The app runs on phones, tablets, watches and laptops."
    assert not [c for c in page_changes(_page("Our app", [old]), _page("Our app", [new])) if c.material]


def test_laws_added_after_a_lead_in_naming_data_are_no_data() -> None:
    lead_in = "This part gives information for residents of some states."
    old = "Under the OCPA and for this part, personal data means data about a resident."
    new = (
        "Under the OCPA, the MTDPA and the IDPA and for this part, personal data means data about a resident."
    )
    changes = page_changes(
        _page("State laws", [lead_in + " " + old]), _page("State laws", [lead_in + " " + new])
    )
    assert not [c for c in changes if c.material and "collection" in c.categories], changes
