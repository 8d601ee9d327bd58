"""Round 17a's patterns in Norwegian, Dutch, Croatian, Slovenian and Chinese (round 17b).

Each test states, in new sentences, a pattern the engine learned in round 17a for English, German,
French, Spanish, Danish and Swedish: a person recognised or followed on other sites (tracking), a
transfer safeguard said without the usual adjective, a sentence about a policy change said with
the verb and an impersonal promise to announce it in good time, access to data limited to the
staff who need it, a right said as what the user can have done ("have it corrected"), a period
after a label naming a kind of data, and a purpose the party receiving the data is now allowed;
each beside a look-alike that must stay quiet where one exists. Last, in all eleven languages:
how often kept data is reviewed ("the records we keep are reviewed every three years") is a
retention term, lengthened or re-worded, while a review of accuracy stays a mere frequency.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.facts import extract_facts

# --- a person recognised or followed on other sites: tracking ------------------------------------

FOLLOWED_ACROSS_SITES = [
    (
        "no",
        "Filen inneholder opplysninger om nettleseren din.",
        "Filen inneholder opplysninger om nettleseren din og en ID som lar annonsører kjenne deg igjen "
        "på andre nettsteder.",
    ),
    (
        "nl",
        "Het bestand bevat gegevens over uw browser.",
        "Het bestand bevat gegevens over uw browser en een ID waarmee adverteerders u op andere "
        "websites herkennen.",
    ),
    (
        "hr",
        "Datoteka sadrži podatke o vašem pregledniku.",
        "Datoteka sadrži podatke o vašem pregledniku i identifikator koji oglašivačima omogućuje da vas "
        "prepoznaju na drugim web-stranicama.",
    ),
    (
        "sl",
        "Datoteka vsebuje podatke o vašem brskalniku.",
        "Datoteka vsebuje podatke o vašem brskalniku in identifikator, s katerim vas oglaševalci "
        "prepoznajo na drugih spletnih mestih.",
    ),
    (
        "zh",
        "该文件包含您的浏览器信息。",
        "该文件包含您的浏览器信息以及一个标识符，广告商可借此在其他网站上识别您。",
    ),
]


@pytest.mark.parametrize("lang,old,new", FOLLOWED_ACROSS_SITES)
def test_recognising_a_person_on_other_sites_is_tracking(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "tracking")


LINKS_TO_OTHER_SITES = [
    ("no", "Nettstedet vårt inneholder lenker til andre nettsteder."),
    ("nl", "Onze website bevat links naar andere websites."),
    ("hr", "Naša stranica sadrži poveznice na druge web-stranice."),
    ("sl", "Naše spletno mesto vsebuje povezave do drugih spletnih mest."),
    ("zh", "我们的网站包含指向其他网站的链接。"),
]


@pytest.mark.parametrize("lang,text", LINKS_TO_OTHER_SITES)
def test_a_link_to_other_sites_is_no_tracking(lang: str, text: str) -> None:
    assert "tracking" not in extract_facts(text, lang).categories


# --- a transfer safeguard said without the usual adjective ---------------------------------------

SAFEGUARD_DROPPED = [
    (
        "no",
        "Enkelte leverandører lagrer data utenfor EØS; disse overføringene er omfattet av "
        "tilstrekkelige garantier.",
        "Enkelte leverandører lagrer data utenfor EØS.",
    ),
    (
        "nl",
        "Sommige leveranciers bewaren gegevens buiten de Europese Unie; deze doorgiften worden "
        "beschermd door de waarborgen in hun contracten.",
        "Sommige leveranciers bewaren gegevens buiten de Europese Unie.",
    ),
    (
        "hr",
        "Neki pružatelji usluga pohranjuju podatke izvan Europske unije; ti su prijenosi zaštićeni "
        "jamstvima iz njihovih ugovora.",
        "Neki pružatelji usluga pohranjuju podatke izvan Europske unije.",
    ),
    (
        "sl",
        "Nekateri ponudniki hranijo podatke zunaj Evropske unije; ti prenosi so zavarovani z jamstvi "
        "iz njihovih pogodb.",
        "Nekateri ponudniki hranijo podatke zunaj Evropske unije.",
    ),
    (
        "zh",
        "部分服务商在欧盟境外存储数据；此类传输受其合同中保障条款的保护。",
        "部分服务商在欧盟境外存储数据。",
    ),
]


@pytest.mark.parametrize("lang,old,new", SAFEGUARD_DROPPED)
def test_a_transfer_safeguard_said_otherwise_and_dropped_alerts(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "transfer", "high")


# --- "if this policy changes": an impersonal promise to announce it in good time ------------------

NOTICE_IN_GOOD_TIME_DROPPED = [
    (
        "no",
        "Hvis denne erklæringen endres vesentlig, varsles det i appen i god tid på forhånd.",
        "Hvis denne erklæringen endres vesentlig, publiseres den på nettstedet.",
    ),
    (
        "nl",
        "Als dit beleid ingrijpend wijzigt, wordt dit tijdig vooraf in de app aangekondigd.",
        "Als dit beleid ingrijpend wijzigt, wordt het op de website gepubliceerd.",
    ),
    (
        "hr",
        "Ako se ova politika bitno promijeni, o tome će se pravodobno obavijestiti u aplikaciji.",
        "Ako se ova politika bitno promijeni, bit će objavljena na web-stranici.",
    ),
    (
        "sl",
        "Če se ta politika bistveno spremeni, bo to pravočasno vnaprej objavljeno v aplikaciji.",
        "Če se ta politika bistveno spremeni, bo objavljena na spletnem mestu.",
    ),
    (
        "zh",
        "如本政策发生重大变更，将提前在应用内予以通知。",
        "如本政策发生重大变更，将在网站上公布。",
    ),
]


@pytest.mark.parametrize("lang,old,new", NOTICE_IN_GOOD_TIME_DROPPED)
def test_an_impersonal_advance_notice_of_changes_dropped_alerts(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "changes", "high")


# --- access to the data limited to the staff who need it ------------------------------------------

ACCESS_OPENED_TO_ALL = [
    (
        "no",
        "Vi lagrer opplysningene dine i systemene våre, der tilgangen er kontrollert og begrenset til de "
        "ansatte som trenger den.",
        "Vi lagrer opplysningene dine i systemene våre, der alle ansatte har tilgang til dem.",
    ),
    (
        "nl",
        "We bewaren uw gegevens in onze systemen, waarbij de toegang beperkt is tot de medewerkers die "
        "deze nodig hebben.",
        "We bewaren uw gegevens in onze systemen, waar alle medewerkers bij kunnen.",
    ),
    (
        "hr",
        "Vaše podatke čuvamo u našim sustavima, a pristup je ograničen na zaposlenike kojima je potreban.",
        "Vaše podatke čuvamo u našim sustavima, kojima mogu pristupiti svi zaposlenici.",
    ),
    (
        "sl",
        "Vaše podatke hranimo v naših sistemih, dostop pa je omejen na zaposlene, ki ga potrebujejo.",
        "Vaše podatke hranimo v naših sistemih, do katerih lahko dostopajo vsi zaposleni.",
    ),
    (
        "zh",
        "我们将您的信息存储在我们的系统中，访问权限仅限于有需要的员工。",
        "我们将您的信息存储在我们的系统中，所有员工均可查看。",
    ),
]


@pytest.mark.parametrize("lang,old,new", ACCESS_OPENED_TO_ALL)
def test_access_no_longer_limited_to_staff_who_need_it_alerts(lang: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, lang), "security")


ACCESS_TO_A_FEATURE = [
    ("no", "Tilgangen til arkivet er begrenset til betalende abonnenter."),
    ("nl", "De toegang tot het archief is beperkt tot betalende abonnees."),
    ("hr", "Pristup arhivi ograničen je na pretplatnike koji plaćaju."),
    ("sl", "Dostop do arhiva je omejen na naročnike, ki plačujejo."),
    ("zh", "存档的访问权限仅限于付费订阅用户。"),
]


@pytest.mark.parametrize("lang,text", ACCESS_TO_A_FEATURE)
def test_access_to_a_feature_limited_to_subscribers_is_no_security_measure(lang: str, text: str) -> None:
    assert "security" not in extract_facts(text, lang).categories


# --- a right said as what the user can have done ---------------------------------------------------

HAVE_IT_CORRECTED = [
    ("no", "Du kan få rettet eller supplert opplysninger om deg."),
    ("nl", "U kunt onjuiste gegevens over u laten verbeteren of aanvullen."),
    ("hr", "Od nas možete ishoditi ispravak ili dopunu netočnih podataka o sebi."),
    ("sl", "Dosežete lahko, da se netočni podatki o vas popravijo ali dopolnijo."),
    ("zh", "您可以让我们更正或补充有关您的信息。"),
]


@pytest.mark.parametrize("lang,text", HAVE_IT_CORRECTED)
def test_removing_the_right_to_have_data_corrected_alerts(lang: str, text: str) -> None:
    assert_alert(single("removed", text, language=lang), "rights")


HAVE_IT_DELIVERED = [
    ("no", "Du kan få varene levert hjem."),
    ("nl", "U kunt uw pakket laten bezorgen op een afhaalpunt."),
    ("hr", "Od prodavatelja možete dobiti račun za svaku narudžbu."),
    ("sl", "Dosežete lahko, da se paket dostavi na drug naslov."),
    ("zh", "您可以让快递员把包裹送到门口。"),
]


@pytest.mark.parametrize("lang,text", HAVE_IT_DELIVERED)
def test_having_a_parcel_delivered_is_no_right(lang: str, text: str) -> None:
    assert "rights" not in extract_facts(text, lang).categories


# --- a period after a label naming a kind of data --------------------------------------------------

LABELLED_PERIODS = [
    ("no", "Kopi av pass: 1 år fra du har brukt rettighetene dine."),
    ("nl", "Kopie van uw paspoort: 1 jaar vanaf het uitoefenen van uw rechten."),
    ("hr", "Preslika osobne iskaznice: 1 godina od ostvarivanja vaših prava."),
    ("sl", "Kopija osebne izkaznice: 1 leto od uveljavljanja vaših pravic."),
    ("zh", "身份证复印件：1年，自您行使权利之日起计算。"),
]


@pytest.mark.parametrize("lang,text", LABELLED_PERIODS)
def test_a_period_after_a_label_naming_data_is_how_long_it_is_kept(lang: str, text: str) -> None:
    assert [d.category for d in extract_facts(text, lang).durations] == ["retention"]


# --- a use allowed to the party the data goes to ---------------------------------------------------

RECIPIENT_OWN_ADVERTISING = [
    (
        "no",
        "Når vi bruker tjenesteleverandører, gjelder de samme reglene for dem som for oss.",
        "Når vi bruker tjenesteleverandører, kan de også bruke opplysningene dine til egen markedsføring.",
    ),
    (
        "nl",
        "Wanneer wij dienstverleners inschakelen, gelden voor hen dezelfde regels als voor ons.",
        "Wanneer wij dienstverleners inschakelen, mogen zij uw gegevens ook voor hun eigen "
        "reclamedoeleinden gebruiken.",
    ),
    (
        "hr",
        "Kada angažiramo pružatelje usluga, za njih vrijede ista pravila kao i za nas.",
        "Kada angažiramo pružatelje usluga, oni vaše podatke smiju koristiti i za vlastito oglašavanje.",
    ),
    (
        "sl",
        "Kadar najamemo ponudnike storitev, zanje veljajo enaka pravila kot za nas.",
        "Kadar najamemo ponudnike storitev, lahko vaše podatke uporabljajo tudi za lastno oglaševanje.",
    ),
    (
        "zh",
        "我们委托服务提供商时，他们须遵守与我们相同的规则。",
        "我们委托服务提供商时，他们也可将您的信息用于其自身的广告推广。",
    ),
]


@pytest.mark.parametrize("lang,old,new", RECIPIENT_OWN_ADVERTISING)
def test_a_recipient_allowed_its_own_advertising_is_a_sharing_term(lang: str, old: str, new: str) -> None:
    change = modified(old, new, lang)
    assert_alert(change, "sharing")
    assert "purpose" in change.categories


# --- how often kept data is reviewed: a retention term ----------------------------------------------

# (language, old, the review period lengthened, the same period re-worded)
REVIEW_PERIODS = [
    (
        "en",
        "We keep the records of your orders and review them every three years.",
        "We keep the records of your orders and review them every five years.",
        "Order records are kept by us and reviewed every three years.",
    ),
    (
        "de",
        "Wir speichern Ihre Bestelldaten und überprüfen sie alle drei Jahre.",
        "Wir speichern Ihre Bestelldaten und überprüfen sie alle fünf Jahre.",
        "Ihre Bestelldaten werden gespeichert und alle drei Jahre überprüft.",
    ),
    (
        "fr",
        "Nous conservons l'historique de vos commandes et le réexaminons tous les trois ans.",
        "Nous conservons l'historique de vos commandes et le réexaminons tous les cinq ans.",
        "L'historique de vos commandes est conservé et réexaminé tous les trois ans.",
    ),
    (
        "es",
        "Conservamos el historial de sus pedidos y lo revisamos cada tres años.",
        "Conservamos el historial de sus pedidos y lo revisamos cada cinco años.",
        "El historial de sus pedidos se conserva y se revisa cada tres años.",
    ),
    (
        "da",
        "Vi opbevarer din ordrehistorik og gennemgår den hvert tredje år.",
        "Vi opbevarer din ordrehistorik og gennemgår den hvert femte år.",
        "Din ordrehistorik opbevares og gennemgås hvert tredje år.",
    ),
    (
        "sv",
        "Vi sparar din orderhistorik och ser över den vart tredje år.",
        "Vi sparar din orderhistorik och ser över den vart femte år.",
        "Din orderhistorik sparas och ses över vart tredje år.",
    ),
    (
        "no",
        "Vi lagrer ordrehistorikken din og gjennomgår den hvert tredje år.",
        "Vi lagrer ordrehistorikken din og gjennomgår den hvert femte år.",
        "Ordrehistorikken din lagres og gjennomgås hvert tredje år.",
    ),
    (
        "nl",
        "Wij bewaren uw bestelgeschiedenis en beoordelen die om de drie jaar.",
        "Wij bewaren uw bestelgeschiedenis en beoordelen die om de vijf jaar.",
        "Uw bestelgeschiedenis wordt bewaard en om de drie jaar beoordeeld.",
    ),
    (
        "hr",
        "Povijest vaših narudžbi čuvamo i preispitujemo je svake tri godine.",
        "Povijest vaših narudžbi čuvamo i preispitujemo je svakih pet godina.",
        "Povijest vaših narudžbi čuva se i preispituje svake tri godine.",
    ),
    (
        "sl",
        "Zgodovino vaših naročil hranimo in jo pregledamo vsaka tri leta.",
        "Zgodovino vaših naročil hranimo in jo pregledamo vsakih pet let.",
        "Zgodovina vaših naročil se hrani in pregleda vsaka tri leta.",
    ),
    (
        "zh",
        "我们保存您的订单记录，并每三年审查一次。",
        "我们保存您的订单记录，并每五年审查一次。",
        "您的订单记录由我们保存，每三年审查一次。",
    ),
]


@pytest.mark.parametrize("lang,old,longer,reworded", REVIEW_PERIODS)
def test_a_longer_review_period_of_kept_data_alerts_as_retention(
    lang: str, old: str, longer: str, reworded: str
) -> None:
    assert_alert(modified(old, longer, lang), "retention")


@pytest.mark.parametrize("lang,old,longer,reworded", REVIEW_PERIODS)
def test_the_same_review_period_re_worded_is_quiet(lang: str, old: str, longer: str, reworded: str) -> None:
    assert_quiet(modified(old, reworded, lang))


ACCURACY_REVIEWED = [
    (
        "en",
        "We review the accuracy of your contact details every year.",
        "We review the accuracy of your contact details every two years.",
    ),
    ("zh", "我们每年审查一次您的联系方式是否准确。", "我们每两年审查一次您的联系方式是否准确。"),
    (
        "sl",
        "Točnost vaših podatkov pregledamo vsaka tri leta.",
        "Točnost vaših podatkov pregledamo vsakih pet let.",
    ),
]


@pytest.mark.parametrize("lang,old,new", ACCURACY_REVIEWED)
def test_a_review_of_accuracy_keeps_nothing_and_is_no_retention_period(lang: str, old: str, new: str) -> None:
    change = modified(old, new, lang)
    assert not (change.material and "retention" in change.categories), change


# --- "only authorised staff have access" said two ways: quiet; opened to all staff: security ------

# (language, "open only to authorised staff", "only authorised staff have access", "all staff have access")
ONLY_AUTHORISED_STAFF = [
    (
        "no",
        "Disse filene er bare tilgjengelige for autoriserte ansatte.",
        "Bare autoriserte ansatte har tilgang til disse filene.",
        "Alle ansatte har tilgang til disse filene.",
    ),
    (
        "nl",
        "Deze bestanden zijn alleen toegankelijk voor bevoegde medewerkers.",
        "Alleen bevoegde medewerkers hebben toegang tot deze bestanden.",
        "Alle medewerkers hebben toegang tot deze bestanden.",
    ),
    (
        "hr",
        "Ove su datoteke dostupne samo ovlaštenim zaposlenicima.",
        "Samo ovlašteni zaposlenici imaju pristup ovim datotekama.",
        "Svi zaposlenici imaju pristup ovim datotekama.",
    ),
    (
        "sl",
        "Te datoteke so dostopne samo pooblaščenim zaposlenim.",
        "Samo pooblaščeni zaposleni imajo dostop do teh datotek.",
        "Vsi zaposleni imajo dostop do teh datotek.",
    ),
    (
        "zh",
        "这些文件仅供授权员工访问。",
        "只有授权员工才能访问这些文件。",
        "所有员工都可以访问这些文件。",
    ),
]


@pytest.mark.parametrize("lang,limited,only,everyone", ONLY_AUTHORISED_STAFF)
def test_only_authorised_staff_said_the_other_way_round_is_quiet(
    lang: str, limited: str, only: str, everyone: str
) -> None:
    assert_quiet(modified(limited, only, lang))


@pytest.mark.parametrize("lang,limited,only,everyone", ONLY_AUTHORISED_STAFF)
def test_only_authorised_staff_opened_to_all_staff_alerts(
    lang: str, limited: str, only: str, everyone: str
) -> None:
    assert_alert(modified(only, everyone, lang), "security")


def test_chinese_unauthorised_people_are_no_authorised_staff() -> None:
    facts = extract_facts("我们采取措施防止未经授权的人员访问您的信息。", "zh")
    assert "access control" not in facts.security_measures


def test_chinese_necessary_protective_measures_are_no_transfer_safeguard() -> None:
    facts = extract_facts("我们会采取必要的保护措施保护您的个人信息。", "zh")
    assert "safeguard" not in facts.conditions


def test_croatian_a_product_warranty_is_no_transfer_safeguard() -> None:
    facts = extract_facts("Svi proizvodi pokriveni su jamstvom proizvođača.", "hr")
    assert "safeguard" not in facts.conditions
