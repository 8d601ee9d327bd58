"""Real consecutive versions and a category audit (round 18): the categories a material edit must
carry. Each pattern is stated in new sentences of its own, in every language it applies to.

- What a request to exercise one's rights must carry (a copy of an ID card or passport) added to or
  dropped from the sentence naming those rights is a term of the rights as well as a kind of data
  collected; Danish, Swedish and Norwegian name the passport and ID papers themselves ("dit pas",
  "ditt pass", "passet ditt"), not only their numbers.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, removed, single

ID_FOR_RIGHTS = [
    (
        "en",
        "To use your rights of access, correction and erasure, write to our support team and enclose "
        "a copy of your passport.",
        "To use your rights of access, correction and erasure, write to our support team.",
    ),
    (
        "de",
        "Um Ihre Rechte auf Auskunft, Berichtigung und Löschung auszuüben, schreiben Sie an unseren "
        "Kundendienst.",
        "Um Ihre Rechte auf Auskunft, Berichtigung und Löschung auszuüben, schreiben Sie an unseren "
        "Kundendienst und legen Sie eine Kopie Ihres Personalausweises bei.",
    ),
    (
        "fr",
        "Pour exercer vos droits d'accès, de rectification et d'effacement, écrivez à notre service "
        "client en joignant une copie de votre carte d'identité.",
        "Pour exercer vos droits d'accès, de rectification et d'effacement, écrivez à notre service client.",
    ),
    (
        "es",
        "Para ejercer sus derechos de acceso, rectificación y supresión, escriba a nuestro servicio de "
        "atención al cliente adjuntando una copia de su DNI.",
        "Para ejercer sus derechos de acceso, rectificación y supresión, escriba a nuestro servicio de "
        "atención al cliente.",
    ),
    (
        "da",
        "For at udøve dine rettigheder til indsigt, berigtigelse og sletning skal du skrive til vores "
        "kundeservice.",
        "For at udøve dine rettigheder til indsigt, berigtigelse og sletning skal du skrive til vores "
        "kundeservice og vedlægge en kopi af dit pas.",
    ),
    (
        "sv",
        "För att utöva dina rättigheter till tillgång, rättelse och radering ska du skriva till vår "
        "kundtjänst och bifoga en kopia av ditt pass.",
        "För att utöva dina rättigheter till tillgång, rättelse och radering ska du skriva till vår "
        "kundtjänst.",
    ),
    (
        "no",
        "For å utøve dine rettigheter til innsyn, retting og sletting må du skrive til vår kundeservice.",
        "For å utøve dine rettigheter til innsyn, retting og sletting må du skrive til vår kundeservice "
        "og legge ved en kopi av passet ditt.",
    ),
    (
        "nl",
        "Om uw rechten op inzage, rectificatie en verwijdering uit te oefenen, schrijft u naar onze "
        "klantenservice en voegt u een kopie van uw paspoort bij.",
        "Om uw rechten op inzage, rectificatie en verwijdering uit te oefenen, schrijft u naar onze "
        "klantenservice.",
    ),
    (
        "hr",
        "Za ostvarivanje svojih prava na pristup, ispravak i brisanje pišite našoj korisničkoj službi.",
        "Za ostvarivanje svojih prava na pristup, ispravak i brisanje pišite našoj korisničkoj službi i "
        "priložite presliku osobne iskaznice.",
    ),
    (
        "sl",
        "Za uveljavljanje pravic do dostopa, popravka in izbrisa pišite naši službi za pomoč strankam in "
        "priložite kopijo osebne izkaznice.",
        "Za uveljavljanje pravic do dostopa, popravka in izbrisa pišite naši službi za pomoč strankam.",
    ),
    (
        "zh",
        "如需行使访问、更正和删除的权利，请联系我们的客服。",
        "如需行使访问、更正和删除的权利，请联系我们的客服并提供您的身份证复印件。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), ID_FOR_RIGHTS)
def test_proof_of_identity_for_rights_requests_is_a_rights_term(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "rights")
    assert_alert(change, "collection")


PROFILES = [
    ("en", "We may link what you watch with your purchases to create an advertising profile of you."),
    ("de", "Wir verknüpfen Ihre Einkäufe mit Ihrem Surfverhalten, um ein Profil Ihrer Vorlieben anzulegen."),
    ("fr", "Nous croisons vos achats et votre navigation pour établir un profil de vos habitudes."),
    ("es", "Cruzamos sus compras con su navegación para crear un perfil de sus gustos."),
    ("da", "Vi sammenholder dine køb med din browsing for at danne en profil af dine vaner."),
    ("sv", "Vi kopplar ihop dina köp med din surfning för att bygga en profil över dina vanor."),
    ("no", "Vi kobler kjøpene dine med surfingen din for å bygge en profil av dine vaner."),
    ("nl", "Wij koppelen uw aankopen aan uw surfgedrag om een profiel van uw gewoonten te maken."),
    ("hr", "Vaše kupnje povezujemo s pregledavanjem kako bismo stvorili profil vaših navika."),
    ("sl", "Vaše nakupe povezujemo z brskanjem, da oblikujemo profil vaših navad."),
    ("zh", "我们会将您的购买记录与浏览记录关联，用于形成您的用户画像。"),
]


@pytest.mark.parametrize(("language", "text"), PROFILES)
def test_building_a_profile_of_the_person_is_profiling(language: str, text: str) -> None:
    change = single("added", text, language=language)
    assert_alert(change, "purpose")
    assert "profiling" in {f.new for f in change.facts}, change


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You can change your profile picture whenever you like."),
        ("de", "Ihr Profilbild können Sie jederzeit ändern."),
        ("fr", "Vous pouvez changer votre photo de profil quand vous le souhaitez."),
    ],
)
def test_the_users_own_profile_page_is_no_profiling(language: str, text: str) -> None:
    assert_quiet(single("added", text, language=language))


SEEN_BY_OTHERS = [
    ("en", "Hosts may view your phone number after you confirm a booking."),
    ("de", "Gastgeber können nach Ihrer Buchung Ihre Telefonnummer sehen."),
    ("fr", "Les hôtes peuvent voir votre numéro de téléphone après votre réservation."),
    ("es", "Los anfitriones pueden ver su número de teléfono después de su reserva."),
    ("da", "Værter kan se dit telefonnummer, når du har bekræftet en booking."),
    ("sv", "Värdar kan se ditt telefonnummer när du har bekräftat en bokning."),
    ("no", "Verter kan se telefonnummeret ditt når du har bekreftet en bestilling."),
    ("nl", "Verhuurders kunnen uw telefoonnummer zien nadat u een boeking bevestigt."),
    ("hr", "Domaćini mogu vidjeti vaš broj telefona nakon što potvrdite rezervaciju."),
    ("sl", "Gostitelji lahko vidijo vašo telefonsko številko, ko potrdite rezervacijo."),
    ("zh", "确认预订后，房东可以看到您的电话号码。"),
    ("en", "Your city and age are visible to other members of the community."),
    ("de", "Ihr Wohnort und Ihr Alter sind für andere Mitglieder sichtbar."),
    ("nl", "Uw woonplaats en leeftijd zijn zichtbaar voor andere leden."),
]


@pytest.mark.parametrize(("language", "text"), SEEN_BY_OTHERS)
def test_details_others_can_see_are_shared(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "sharing")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "You can view your saved addresses on the account page."),
        ("de", "Auf der Kontoseite können Sie Ihre gespeicherten Adressen einsehen."),
        ("fr", "Vous pouvez voir vos adresses enregistrées sur la page de votre compte."),
        ("da", "Du kan se dine tidligere bestillinger på kontosiden."),
        ("nl", "U kunt uw eerdere bestellingen op de accountpagina bekijken."),
        ("zh", "您可以在账户页面查看您的历史订单。"),
    ],
)
def test_seeing_ones_own_details_shares_nothing(language: str, text: str) -> None:
    assert_quiet(single("added", text, language=language))


NO_RIGHTS_CUT = [
    ("en", "We shall never restrict your rights under this privacy notice unless you explicitly agree."),
    ("de", "Ihre Rechte nach dieser Datenschutzerklärung werden wir ohne Zustimmung niemals einschränken."),
    ("fr", "Nous ne réduirons jamais vos droits en vertu de la présente déclaration sans votre accord."),
    ("es", "Nunca reduciremos sus derechos conforme a esta declaración sin su autorización."),
    ("da", "Vi vil aldrig indskrænke dine rettigheder i henhold til denne erklæring uden dit samtykke."),
    ("sv", "Vi kommer aldrig att inskränka dina rättigheter enligt denna policy utan ditt samtycke."),
    ("no", "Vi vil aldri innskrenke dine rettigheter etter denne personvernerklæringen uten ditt samtykke."),
    ("nl", "Wij zullen uw rechten volgens deze privacyverklaring nooit zonder uw toestemming inperken."),
    ("hr", "Nikada nećemo umanjiti vaša prava prema ovoj izjavi bez vašeg pristanka."),
    ("sl", "Vaših pravic po tej izjavi brez vaše privolitve nikoli ne bomo zmanjšali."),
    ("zh", "未经您的同意，我们不会减少您根据本隐私政策享有的权利。"),
]


@pytest.mark.parametrize(("language", "text"), NO_RIGHTS_CUT)
def test_the_promise_not_to_cut_rights_without_consent_is_about_changes(language: str, text: str) -> None:
    assert_alert(removed(text, language), "changes")


def test_the_consent_dropped_from_that_promise_is_about_changes() -> None:
    change = modified(
        "We shall never restrict your rights under this privacy notice unless you explicitly agree.",
        "We may restrict your rights under this privacy notice once we have told you.",
    )
    assert_alert(change, "changes")


PEN_TESTS = [
    ("en", "We commission an outside firm to pen-test our apps before each major release."),
    ("de", "Vor jeder größeren Version lassen wir unsere Apps durch externe Penetrationstests prüfen."),
    ("fr", "Avant chaque version majeure, nos applications font l'objet de tests d'intrusion externes."),
    ("es", "Antes de cada versión, nuestras apps se someten a pruebas de penetración externas."),
    ("da", "Før hver større version gennemgår vores apps en ekstern penetrationstest."),
    ("sv", "Före varje större version genomgår våra appar ett externt penetrationstest."),
    ("no", "Før hver større versjon gjennomgår appene våre en ekstern penetrasjonstest."),
    ("nl", "Voor elke grote release ondergaan onze apps een externe penetratietest."),
    ("hr", "Prije svake veće verzije naše aplikacije prolaze vanjsko penetracijsko testiranje."),
    ("sl", "Pred vsako večjo različico naše aplikacije opravijo zunanji penetracijski test."),
    ("zh", "每次重大版本发布前，我们都会委托外部机构对应用进行渗透测试。"),
]


@pytest.mark.parametrize(("language", "text"), PEN_TESTS)
def test_penetration_tests_are_a_security_measure(language: str, text: str) -> None:
    assert_alert(removed(text, language), "security")


NEW_OWNER = [
    ("en", "Should another company buy our business, the acquirer would receive your account data."),
    ("de", "Wird unser Geschäft verkauft, erhält der Erwerber Ihre Kontodaten."),
    ("fr", "Si notre activité est vendue, le repreneur recevra les données de votre compte."),
    ("es", "Si se vende nuestro negocio, el nuevo propietario recibirá los datos de su cuenta."),
    ("da", "Hvis vores forretning sælges, vil den nye ejer modtage dine kontooplysninger."),
    ("sv", "Om vår verksamhet säljs kommer den nya ägaren att ta emot dina kontouppgifter."),
    ("no", "Hvis virksomheten vår selges, vil den nye eieren motta kontoopplysningene dine."),
    ("nl", "Als ons bedrijf wordt verkocht, ontvangt de nieuwe eigenaar uw accountgegevens."),
    ("hr", "Ako se naše poslovanje proda, novi vlasnik primit će podatke vašeg računa."),
    ("sl", "Če bo naše podjetje prodano, bo novi lastnik prejel podatke vašega računa."),
    ("zh", "如我们的业务被收购，您的账户信息将转移给收购方。"),
]


@pytest.mark.parametrize(("language", "text"), NEW_OWNER)
def test_data_passed_to_a_buyer_of_the_business_is_shared(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "sharing")


INFERRED = [
    ("en", "From the songs you play we may infer your mood."),
    ("de", "Aus den gespielten Titeln können wir Ihre Stimmung ableiten."),
    ("fr", "À partir des titres écoutés, nous pouvons déduire votre humeur."),
    ("es", "A partir de las canciones que escucha podemos inferir su estado de ánimo."),
    ("da", "Ud fra de sange, du afspiller, kan vi udlede dit humør."),
    ("sv", "Utifrån låtarna du spelar kan vi härleda ditt humör."),
    ("no", "Ut fra sangene du spiller, kan vi utlede humøret ditt."),
    ("nl", "Uit de nummers die u afspeelt, kunnen wij uw stemming afleiden."),
    ("hr", "Iz pjesama koje slušate možemo donijeti zaključke o vašem raspoloženju."),
    ("sl", "Iz pesmi, ki jih poslušate, lahko izpeljemo vaše razpoloženje."),
    ("zh", "我们可能会根据您播放的歌曲推断您的情绪。"),
]


@pytest.mark.parametrize(("language", "text"), INFERRED)
def test_data_inferred_about_the_user_is_collected(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "collection")


def test_a_merger_named_in_a_legal_definition_shares_nothing_new() -> None:
    change = modified(
        'The state law defines "sale" as an exchange for money; it excludes a transfer of data that is '
        "part of a merger or bankruptcy.",
        'Under the state law, "sale" is an exchange for money; it excludes a transfer of data that is '
        "part of a merger or bankruptcy.",
    )
    assert "sharing" not in change.categories or not change.material, change


ANY_TIME = [
    (
        "en",
        "You can object to direct marketing at any time.",
        "You can object to direct marketing twice a year.",
    ),
    (
        "de",
        "Der Direktwerbung können Sie jederzeit widersprechen.",
        "Der Direktwerbung können Sie zweimal im Jahr widersprechen.",
    ),
    (
        "fr",
        "Vous pouvez vous opposer à la prospection à tout moment.",
        "Vous pouvez vous opposer à la prospection deux fois par an.",
    ),
    (
        "es",
        "Puede oponerse a la publicidad directa en cualquier momento.",
        "Puede oponerse a la publicidad directa dos veces al año.",
    ),
    (
        "da",
        "Du kan til enhver tid gøre indsigelse mod direkte markedsføring.",
        "Du kan to gange om året gøre indsigelse mod direkte markedsføring.",
    ),
    (
        "sv",
        "Du kan när som helst invända mot direktmarknadsföring.",
        "Du kan två gånger per år invända mot direktmarknadsföring.",
    ),
    (
        "no",
        "Du kan når som helst protestere mot direkte markedsføring.",
        "Du kan to ganger i året protestere mot direkte markedsføring.",
    ),
    (
        "nl",
        "U kunt op elk moment bezwaar maken tegen direct marketing.",
        "U kunt twee keer per jaar bezwaar maken tegen direct marketing.",
    ),
    (
        "hr",
        "Izravnom marketingu možete prigovoriti u bilo kojem trenutku.",
        "Izravnom marketingu možete prigovoriti dvaput godišnje.",
    ),
    (
        "sl",
        "Neposrednemu trženju lahko ugovarjate kadar koli.",
        "Neposrednemu trženju lahko ugovarjate dvakrat letno.",
    ),
    ("zh", "您可以随时撤回对直接营销的同意。", "您每年可以撤回一次对直接营销的同意。"),
]


@pytest.mark.parametrize(("language", "old", "new"), ANY_TIME)
def test_at_any_time_dropped_from_a_right_limits_it(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "rights")


COOKIE_LIFETIMES = [
    ("en", "Our measurement cookies last 6 months.", "Our measurement cookies last 24 months."),
    (
        "no",
        "Måleinformasjonskapslene våre varer i 6 måneder.",
        "Måleinformasjonskapslene våre varer i 24 måneder.",
    ),
    (
        "de",
        "Unsere Mess-Cookies laufen nach 6 Monaten ab.",
        "Unsere Mess-Cookies laufen nach 24 Monaten ab.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), COOKIE_LIFETIMES)
def test_a_cookie_lifetime_changed_is_a_tracking_term(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "tracking")


def test_a_tracker_safeguard_dropped_is_a_tracking_term() -> None:
    change = modified(
        "Our visitor analytics anonymise your IP address.", "Our visitor analytics record your IP address."
    )
    assert_alert(change, "tracking")


SHORT_BREACH = [
    (
        "es",
        "Ante una violación de datos personales le avisaremos en 48 horas.",
        "Ante una violación de datos personales le avisaremos lo antes posible.",
    ),
    (
        "da",
        "Sker der et databrud, giver vi dig besked inden for 48 timer.",
        "Sker der et databrud, giver vi dig besked hurtigst muligt.",
    ),
    (
        "no",
        "Skjer det et databrudd, gir vi deg beskjed innen 48 timer.",
        "Skjer det et databrudd, gir vi deg beskjed så snart som mulig.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), SHORT_BREACH)
def test_a_deadline_for_a_short_named_breach_is_security(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "security")
    assert "changes" not in change.categories, change


SELFIES = [
    ("en", "To unlock badges, members upload a selfie."),
    ("de", "Für das Verifizierungsabzeichen laden Mitglieder ein Selfie hoch."),
    ("fr", "Pour obtenir le badge, les membres envoient un selfie."),
    ("es", "Para obtener la insignia, los miembros suben un selfie."),
    ("da", "For at få mærket uploader medlemmer en selfie."),
    ("sv", "För att få märket laddar medlemmar upp en selfie."),
    ("no", "For å få merket laster medlemmene opp en selfie."),
    ("nl", "Voor de badge uploaden leden een selfie."),
    ("hr", "Za značku članovi učitavaju selfie."),
    ("sl", "Za značko člani naložijo selfie."),
    ("zh", "为获得认证标识，会员需上传一张自拍。"),
]


@pytest.mark.parametrize(("language", "text"), SELFIES)
def test_a_selfie_is_data_collected(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "collection")


REVIEWED = [
    ("en", "Some voice queries are transcribed by human annotators."),
    ("de", "Einige Sprachanfragen werden von geschulten Mitarbeitern ausgewertet."),
    ("fr", "Certaines requêtes vocales sont transcrites par des prestataires."),
    ("es", "Algunas consultas de voz son transcritas por revisores humanos."),
    ("da", "Nogle stemmeforespørgsler transskriberes af eksterne medarbejdere."),
    ("sv", "Vissa röstförfrågningar transkriberas av underleverantörer."),
    ("no", "Noen talesøk transkriberes av underleverandører."),
    ("nl", "Sommige spraakopdrachten worden getranscribeerd door externe medewerkers."),
    ("hr", "Neke glasovne upite transkribiraju vanjski suradnici."),
    ("sl", "Nekatere glasovne poizvedbe prepisujejo zunanji izvajalci."),
    ("zh", "部分语音指令会经过人工标注。"),
]


@pytest.mark.parametrize(("language", "text"), REVIEWED)
def test_content_reviewed_by_people_is_shared_with_them(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "sharing")


NEVER_KEPT = [
    (
        "en",
        "Card numbers go through our payment partner and are never stored on our systems.",
        "Card numbers go through our payment partner and are stored on our systems.",
    ),
    (
        "de",
        "Kreditkartennummern laufen über unseren Zahlungspartner und werden nie bei uns gespeichert.",
        "Kreditkartennummern laufen über unseren Zahlungspartner und werden bei uns gespeichert.",
    ),
    (
        "fr",
        "Vos coordonnées bancaires transitent par notre partenaire et ne sont jamais conservées chez nous.",
        "Vos coordonnées bancaires transitent par notre partenaire et sont conservées chez nous.",
    ),
    (
        "nl",
        "Uw bankgegevens lopen via onze betaalpartner en worden nooit in onze systemen bewaard.",
        "Uw bankgegevens lopen via onze betaalpartner en worden in onze systemen bewaard.",
    ),
    (
        "sv",
        "Dina bankuppgifter går via vår betalpartner och sparas aldrig i våra system.",
        "Dina bankuppgifter går via vår betalpartner och sparas i våra system.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), NEVER_KEPT)
def test_data_no_longer_ruled_out_of_keeping_is_retention(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "retention")


DEFAULTS = [
    (
        "en",
        "Sharing your workout routes with followers is switched off by default.",
        "Sharing your workout routes with followers is switched on by default.",
    ),
    (
        "de",
        "Die Weitergabe Ihrer Laufstrecken an Follower ist standardmäßig ausgeschaltet.",
        "Die Weitergabe Ihrer Laufstrecken an Follower ist standardmäßig eingeschaltet.",
    ),
    (
        "fr",
        "Le partage de vos parcours avec vos abonnés est désactivé par défaut.",
        "Le partage de vos parcours avec vos abonnés est activé par défaut.",
    ),
    (
        "es",
        "Compartir sus rutas con sus seguidores está desactivado por defecto.",
        "Compartir sus rutas con sus seguidores está activado por defecto.",
    ),
    (
        "da",
        "Det er slået fra som standard, at vi deler dine ruter med dine følgere.",
        "Det er slået til som standard, at vi deler dine ruter med dine følgere.",
    ),
    (
        "sv",
        "Att dela dina rutter med följare är avstängt som standard.",
        "Att dela dina rutter med följare är aktiverat som standard.",
    ),
    (
        "no",
        "Å dele rutene dine med følgere er deaktivert som standard.",
        "Å dele rutene dine med følgere er aktivert som standard.",
    ),
    (
        "nl",
        "Het delen van uw routes met volgers is standaard uitgeschakeld.",
        "Het delen van uw routes met volgers is standaard ingeschakeld.",
    ),
    (
        "hr",
        "Dijeljenje vaših ruta s pratiteljima zadano je isključeno.",
        "Dijeljenje vaših ruta s pratiteljima zadano je uključeno.",
    ),
    (
        "sl",
        "Deljenje vaših poti s sledilci je privzeto onemogočeno.",
        "Deljenje vaših poti s sledilci je privzeto omogočeno.",
    ),
    ("zh", "与关注者共享您的运动路线功能默认关闭。", "与关注者共享您的运动路线功能默认开启。"),
]


@pytest.mark.parametrize(("language", "old", "new"), DEFAULTS)
def test_a_setting_switched_on_by_default_alerts_under_its_topic(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing", "high")
    assert_alert(modified(new, old, language), "sharing", "medium")


PUBLIC = [
    ("en", "Your display name and city are public."),
    ("de", "Ihr Anzeigename und Ihr Wohnort sind öffentlich."),
    ("fr", "Votre pseudonyme et votre ville sont publics."),
    ("es", "Su nombre visible y su ciudad son públicos."),
    ("da", "Dit visningsnavn og din by er offentlige."),
    ("sv", "Ditt visningsnamn och din stad är offentliga."),
    ("no", "Visningsnavnet ditt og byen din er offentlige."),
    ("nl", "Uw weergavenaam en woonplaats zijn openbaar."),
    ("hr", "Vaše korisničko ime i grad su javni."),
    ("sl", "Vaše uporabniško ime in mesto so javni."),
    ("zh", "您的昵称和所在城市是公开的。"),
]


@pytest.mark.parametrize(("language", "text"), PUBLIC)
def test_the_users_details_said_to_be_public_are_shared(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "sharing")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "This cookie notice is public and can be printed."),
        ("de", "Diese Cookie-Richtlinie ist öffentlich und kann ausgedruckt werden."),
        ("zh", "本声明是公开的。"),
    ],
)
def test_a_document_said_to_be_public_shares_nothing(language: str, text: str) -> None:
    assert_quiet(single("added", text, language=language))


def test_dutch_models_to_be_trained_are_ai_training() -> None:
    change = single(
        "added", "Wij kunnen uw foto's gebruiken om onze modellen beter te trainen.", language="nl"
    )
    assert_alert(change, "purpose")
