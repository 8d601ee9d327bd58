"""Patterns from a held-out round of real edits from real version histories (issue 10, round 21,
helper h31: a French dating policy, Slovenian and Danish/Swedish marketplace terms, Chinese terms):
where the user lives, said in the sentence that names the company responsible for the data, limits
nothing done with data; data received from a party is collected from a source; "share [a long
description of the data] with us" is data given to the service; recording the user's exchanges
with support is collection; "permanently" before closing, banning or deleting an account is no
indefinite retention; a user unable to get something is no collection."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, single

from monitor.engine.facts import extract_facts

# "If you live in X, the company responsible for your data is Y" -> "The company ... is Y"
CONTROLLER_FOR_RESIDENTS = [
    (
        "en",
        "If you live in Canada, the company responsible for your data is Maple Apps Ltd.",
        "The company responsible for your data is Maple Apps Ltd.",
    ),
    (
        "de",
        "Wenn Sie in Polen wohnen, ist Verantwortlicher die Alpenblick GmbH.",
        "Verantwortlicher ist die Alpenblick GmbH.",
    ),
    (
        "fr",
        "Si vous résidez en Belgique, l’entreprise responsable de vos données est Ardenne SA.",
        "L’entreprise responsable de vos données est Ardenne SA.",
    ),
    (
        "es",
        "Si resides en México, la empresa responsable de tus datos es Nopal Digital S.A.",
        "La empresa responsable de tus datos es Nopal Digital S.A.",
    ),
    ("da", "Hvis du bor i Norge, er den dataansvarlige Fjordlys ApS.", "Den dataansvarlige er Fjordlys ApS."),
    ("sv", "Om du bor i Finland är personuppgiftsansvarig Skog AB.", "Personuppgiftsansvarig är Skog AB."),
    ("no", "Hvis du bor i Sverige, er behandlingsansvarlig Fjell AS.", "Behandlingsansvarlig er Fjell AS."),
    (
        "nl",
        "Als u in België woont, is de verwerkingsverantwoordelijke Polderlicht BV.",
        "De verwerkingsverantwoordelijke is Polderlicht BV.",
    ),
    ("hr", "Ako živite u Sloveniji, voditelj obrade je Jadra d.o.o.", "Voditelj obrade je Jadra d.o.o."),
    ("sl", "Če živite na Hrvaškem, je upravljavec Triglavka d.o.o.", "Upravljavec je Triglavka d.o.o."),
    ("zh", "如果您居住在新加坡，个人信息处理者为星河科技有限公司。", "个人信息处理者为星河科技有限公司。"),
]


@pytest.mark.parametrize(("language", "old", "new"), CONTROLLER_FOR_RESIDENTS)
def test_where_the_user_lives_beside_the_controller_is_no_limit(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_where_the_user_lives_still_limits_a_data_term() -> None:
    change = modified(
        "If you live in the EU, we send your order history to our marketing partners.",
        "We send your order history to our marketing partners.",
    )
    assert change.material


# data received from a party: collected from a source ("recevoir de partenaires des informations")
RECEIVED_FROM = [
    ("fr", "Nous pouvons aussi recevoir de nos partenaires des informations sur vos achats."),
    ("es", "Podemos también recibir de nuestros socios información sobre tus compras."),
    ("en", "We may also receive information about your purchases from our advertising partners."),
]


@pytest.mark.parametrize(("language", "text"), RECEIVED_FROM)
def test_data_received_from_a_party_is_collected(language: str, text: str) -> None:
    assert_alert(single("added", text, language=language), "collection")
    assert "collection" in extract_facts(text, language).categories


# "share [seven to nine words describing the data] with us": given to the service, not shared
SHARED_WITH_US = [
    ("en", "You may share the photos and videos kept in your social account with us."),
    ("de", "Sie teilen die Fotos aus Ihrem Konto bei einem sozialen Netzwerk mit uns."),
    ("fr", "Vous pouvez partager les photos conservées sur votre compte de réseau social avec nous."),
    ("es", "Puedes compartir las fotos guardadas en tu cuenta de red social con nosotros."),
    ("da", "Du kan dele billeder og videoer fra din konto på et socialt netværk med os."),
    ("sv", "Du kan dela bilder och videor från ditt konto på ett socialt nätverk med oss."),
    ("no", "Du kan dele bilder og videoer fra kontoen din på et sosialt nettverk med oss."),
    ("nl", "U deelt de beelden uit uw account op een sociaal netwerk met ons."),
    ("hr", "Možete podijeliti fotografije i videozapise iz vašeg računa na društvenoj mreži s nama."),
    ("sl", "Lahko delite fotografije in videoposnetke iz svojega računa na družbenem omrežju z nami."),
]


@pytest.mark.parametrize(("language", "text"), SHARED_WITH_US)
def test_long_description_shared_with_us_is_collected(language: str, text: str) -> None:
    facts = extract_facts(text, language)
    assert "collection" in facts.categories
    assert "sharing" not in facts.categories


# recording the user's exchanges with support: data collected
RECORDED_EXCHANGES = [
    ("en", "We may record these interactions to train our support staff."),
    ("de", "Wir zeichnen gelegentlich diese Interaktionen auf, um unser Team zu schulen."),
    ("fr", "Nous pouvons enregistrer ces échanges pour former notre équipe d’assistance."),
    ("es", "Podemos grabar estas interacciones para formar a nuestro equipo de soporte."),
    ("da", "Vi optager nogle gange disse interaktioner for at uddanne vores supportteam."),
    ("sv", "Vi spelar in dessa interaktioner för att utbilda vår support."),
    ("no", "Vi tar opp disse samtalene for å lære opp kundeservicen vår."),
    ("nl", "Wij nemen soms deze gesprekken op om ons supportteam te trainen."),
    ("hr", "Ponekad snimamo ove interakcije radi obuke našeg tima za podršku."),
    ("sl", "Včasih posnamemo te interakcije za usposabljanje naše ekipe za podporo."),
    ("zh", "我们可能会录制这些互动，用于培训客服人员。"),
]


@pytest.mark.parametrize(("language", "text"), RECORDED_EXCHANGES)
def test_recording_exchanges_with_support_is_collection(language: str, text: str) -> None:
    assert "collection" in extract_facts(text, language).categories
    assert_alert(single("removed", text, language=language), "collection")


# "permanently" before closing, banning or deleting an account: a sanction, no indefinite keeping
PERMANENT_SANCTIONS = [
    (
        "en",
        "We may permanently close your account if you break the rules.",
        "We keep your posts permanently.",
    ),
    (
        "de",
        "Wir können Ihr Konto bei Verstößen dauerhaft sperren.",
        "Wir speichern Ihre Beiträge dauerhaft.",
    ),
    (
        "fr",
        "Nous pouvons définitivement fermer votre compte en cas d’abus.",
        "Nous conservons vos publications définitivement.",
    ),
    (
        "es",
        "Tu cuenta puede quedar permanentemente bloqueada si incumples estas condiciones.",
        "Conservamos tus publicaciones permanentemente.",
    ),
    ("da", "Vi kan permanent lukke din konto ved misbrug.", "Vi gemmer dine opslag permanent."),
    ("sv", "Vi kan permanent stänga ditt konto vid missbruk.", "Vi sparar dina inlägg permanent."),
    ("no", "Vi kan permanent stenge kontoen din ved misbruk.", "Vi lagrer innleggene dine permanent."),
    ("hr", "Možemo trajno blokirati vaš račun u slučaju zloupotrebe.", "Vaše objave čuvamo trajno."),
    ("sl", "Vaš račun lahko trajno blokiramo v primeru zlorabe.", "Vaše objave hranimo trajno."),
    ("zh", "如你违反本协议，我们有权永久封禁你的账号。", "我们将永久保存你的聊天记录。"),
]


@pytest.mark.parametrize(("language", "sanction", "keeping"), PERMANENT_SANCTIONS)
def test_permanent_sanction_is_no_indefinite_retention(language: str, sanction: str, keeping: str) -> None:
    assert "indefinite" not in extract_facts(sanction, language).retention_states
    assert "indefinite" in extract_facts(keeping, language).retention_states


def test_user_unable_to_get_assets_is_no_collection() -> None:
    facts = extract_facts("因此造成你无法正常获取账号内虚拟资产的，我们不承担责任。", "zh")
    assert "collection" not in facts.categories
    assert "collection" in extract_facts("我们会获取你的设备型号。", "zh").categories


def test_zh_verb_describing_a_noun_is_not_negated() -> None:
    facts = extract_facts("云盘不会对用户传输和生成的内容做修改。", "zh")
    assert not any(p.action == "transfer" and p.state == "negated" for p in facts.polarity)
    plain = extract_facts("我们不会传输你的聊天记录。", "zh")
    assert any(p.action == "transfer" and p.state == "negated" for p in plain.polarity)
    # "或出租您的": the second verb takes the user's data as its object, the first is negated too
    ban = extract_facts("我们不会出售或出租您的个人信息。", "zh")
    assert all(p.state == "negated" for p in ban.polarity if p.action in {"sell", "share"})
    assert ban.polarity


@pytest.mark.parametrize("text", ["你在对话中上传的文件会自动存在云盘内。", "你生成的文档将存入你的空间。"])
def test_zh_files_stored_automatically_are_kept(text: str) -> None:
    assert "retention" in extract_facts(text, "zh").categories


# a sentence that stated no term now says data is stored and may be deleted: its new terms count
NO_TERM_TO_TERMS = [
    (
        "en",
        "The workspace is a place for your projects.",
        "The workspace is a place for your projects; files you upload in chats are stored there "
        "automatically and you can delete them at any time.",
    ),
    (
        "de",
        "Der Arbeitsbereich ist ein Ort für Ihre Projekte.",
        "Der Arbeitsbereich ist ein Ort für Ihre Projekte; Dateien, die Sie im Chat hochladen, werden dort "
        "automatisch gespeichert und Sie können sie jederzeit löschen.",
    ),
    (
        "fr",
        "L’espace de travail est un lieu pour vos projets.",
        "L’espace de travail est un lieu pour vos projets ; les fichiers que vous téléversez dans le chat "
        "y sont conservés automatiquement et vous pouvez les supprimer à tout moment.",
    ),
    (
        "zh",
        "工作空间用于你的项目。",
        "工作空间是项目的地方，你在对话中上传的文件会自动存入空间，你可以随时删除文件。",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), NO_TERM_TO_TERMS)
def test_sentence_that_stated_no_term_reports_its_new_terms(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "retention")
