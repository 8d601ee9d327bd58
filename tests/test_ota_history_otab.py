"""Engine patterns found on held-out Open Terms Archive version pairs (issue 10), each stated in
new sentences: a model-training purpose written as a compound noun, and a sentence saying what a
policy informs the reader about, which is no promise to announce changes; a ban on selling the
account and advice on the user's own password, which state no term about data."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified, removed, single

# "foundation model training" added to the list of what group companies process data for
MODEL_TRAINING = [
    (
        "en",
        "Our sister companies handle the data for hosting, fraud checks and reporting.",
        "Our sister companies handle the data for hosting, fraud checks, model training and reporting.",
    ),
    (
        "de",
        "Unsere Schwesterfirmen nutzen die Daten für Hosting, Betrugsprüfung und Berichte.",
        "Unsere Schwesterfirmen nutzen die Daten für Hosting, Betrugsprüfung, Modelltraining und Berichte.",
    ),
    (
        "nl",
        "Onze zusterbedrijven gebruiken de gegevens voor hosting, fraudecontrole en rapportage.",
        "Onze zusterbedrijven gebruiken de gegevens voor hosting, fraudecontrole, modeltraining en"
        " rapportage.",
    ),
    (
        "sv",
        "Våra systerbolag använder uppgifterna för drift, bedrägerikontroll och rapporter.",
        "Våra systerbolag använder uppgifterna för drift, bedrägerikontroll, modellträning och rapporter.",
    ),
    (
        "da",
        "Vores søsterselskaber bruger oplysningerne til drift, svindelkontrol og rapporter.",
        "Vores søsterselskaber bruger oplysningerne til drift, svindelkontrol, modeltræning og rapporter.",
    ),
    (
        "no",
        "Våre søsterselskaper bruker opplysningene til drift, svindelkontroll og rapporter.",
        "Våre søsterselskaper bruker opplysningene til drift, svindelkontroll, modelltrening og rapporter.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), MODEL_TRAINING)
def test_model_training_as_a_compound_noun_is_a_new_purpose(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "purpose")
    assert "AI training" in change.explanation


# "this page is here to inform you about how we use trackers", re-worded: no notice promise dropped
INFORMS_ABOUT = [
    (
        "fr",
        "Sur cette page, nous souhaitons vous informer de ce que sont les traceurs et de la façon"
        " de les régler.",
        "Sur cette page, nous vous expliquons ce que sont les traceurs et la façon de les régler.",
    ),
    (
        "fr",
        "Nous tenons à vous informer sur la manière dont nous utilisons les traceurs.",
        "Nous tenons à vous expliquer la manière dont nous utilisons les traceurs.",
    ),
    (
        "sv",
        "Med den här sidan vill vi informera dig om hur vi använder spårare.",
        "Den här sidan beskriver hur vi använder spårare.",
    ),
    (
        "da",
        "Med denne side vil vi informere dig om, hvordan vi bruger sporingsteknologier.",
        "Denne side beskriver, hvordan vi bruger sporingsteknologier.",
    ),
    (
        "no",
        "Med denne siden vil vi informere deg om hvordan vi bruker sporingsteknologier.",
        "Denne siden beskriver hvordan vi bruker sporingsteknologier.",
    ),
    (
        "nl",
        "Met deze pagina willen we je informeren over hoe wij trackers gebruiken.",
        "Deze pagina beschrijft hoe wij trackers gebruiken.",
    ),
]


@pytest.mark.parametrize(("language", "old", "new"), INFORMS_ABOUT)
def test_saying_what_the_page_informs_about_is_no_change_notice(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_quiet(change)
    assert "changes" not in change.categories


def test_a_dropped_promise_to_tell_of_changes_still_alerts_in_french() -> None:
    change = modified(
        "Si nous changeons cette politique de manière importante, nous allons vous informer par courriel.",
        "Si nous changeons cette politique de manière importante, la nouvelle version sera mise en ligne.",
        "fr",
    )
    assert_alert(change, "changes", "high")


# a ban on the user selling or renting the account is the user's duty, no promise about data
ACCOUNT_BANS = [
    ("zh", "你的会员账号只限本人使用，未经我们书面许可，不得以任何方式出租、出借、转让或出售该账号。"),
    ("zh", "您开通的账户仅供您本人使用，未经同意，禁止赠与、出租、转让或售卖该账户。"),
    (
        "de",
        "Ihr Mitgliedskonto ist nur für Sie bestimmt; ohne unsere schriftliche Zustimmung dürfen Sie das "
        "Konto nicht vermieten, verleihen, übertragen oder verkaufen.",
    ),
]


@pytest.mark.parametrize(("language", "text"), ACCOUNT_BANS)
def test_a_ban_on_selling_the_account_dropped_is_quiet(language: str, text: str) -> None:
    assert_quiet(removed(text, language))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("zh", "你的个人信息，我们不得出售给任何第三方。"),
        ("zh", "您的个人信息，我们承诺不得出售或出租。"),
        # a ban whose subject is the user's data, not the user: a promise about that data
        ("zh", "你的个人资料不得出售或出租给任何第三方。"),
        ("zh", "您的账号信息不得向第三方出售。"),
        ("de", "Wir verkaufen Ihre personenbezogenen Daten nicht."),
    ],
)
def test_the_service_s_own_promise_not_to_sell_still_alerts(language: str, text: str) -> None:
    assert_alert(removed(text, language), "sharing", "high")


# the user's own password or code leaking, a lost phone, a safe logout: no measure of the service
USER_ACCOUNT_CARE = [
    "如你忘记密码或泄露验证码，可及时联系客服找回账号。",
    "若你的密码泄露，请及时修改密码。",
    "你应妥善保管你的账号和密码，使用完毕后应安全退出。",
    "如你的手机丢失，请及时冻结账号。",
]


@pytest.mark.parametrize("text", USER_ACCOUNT_CARE)
def test_advice_on_the_user_s_own_account_is_no_security_term(text: str) -> None:
    assert_quiet(removed(text, "zh"))


def test_a_dropped_promise_to_tell_of_a_leak_of_personal_data_still_alerts() -> None:
    assert_alert(removed("如果发生个人信息泄露等安全事件，我们会及时告知你。", "zh"), "security", "high")


# the user's own care of the account ("you are responsible for keeping your password safe"),
# dropped: no security measure of the service was dropped
ACCOUNT_CARE = [
    ("en", "You are solely responsible for the security of your login and for any activity on it."),
    ("en", "You must keep your account password secure and change it from time to time."),
    ("fr", "Vous êtes seul responsable de la sécurité de votre mot de passe et de son usage."),
    ("de", "Sie sind selbst für die Sicherheit Ihres Passworts und Ihrer PIN verantwortlich."),
    ("nl", "U bent zelf verantwoordelijk voor de beveiliging van uw wachtwoord."),
    ("zh", "你有责任维护你的登录密码和短信验证码的安全。"),
]


@pytest.mark.parametrize(("language", "text"), ACCOUNT_CARE)
def test_the_user_s_care_of_the_account_dropped_is_quiet(language: str, text: str) -> None:
    assert_quiet(removed(text, language))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (
            "en",
            "You are responsible for the confidentiality of your password, and we encrypt every stored"
            " password.",
        ),
        ("fr", "Vous êtes responsable de la confidentialité de votre mot de passe, que nous chiffrons."),
        ("zh", "你有责任保管好密码，我们也会对密码进行加密存储。"),
    ],
)
def test_a_measure_of_the_service_in_the_same_sentence_still_alerts(language: str, text: str) -> None:
    assert_alert(removed(text, language), "security", "high")


def test_answering_a_question_is_no_right_exercised() -> None:
    change = single(
        "added", "(3) to respond to your inquiries about opening hours near you, such as which shop is open."
    )
    assert "rights" not in change.categories
    assert_quiet(change)


def test_answering_a_request_about_data_is_still_about_rights() -> None:
    assert_alert(single("added", "We will respond to your access request within one month."), "rights")


@pytest.mark.parametrize(
    ("language", "text", "category"),
    [("zh", "您的位置信息不得传输至境外。", "transfer"), ("zh", "你的资料不得用于定向广告。", "purpose")],
)
def test_a_ban_on_the_user_s_data_is_a_promise(language: str, text: str, category: str) -> None:
    assert_alert(removed(text, language), category, "high")


def test_a_ban_on_what_partners_may_do_to_the_user_is_no_user_duty() -> None:
    # "our partners may not call you": the partners' ban, not the user's duty, so its terms are read
    change = removed("Unsere Werbepartner dürfen Sie nicht ohne Ihre Einwilligung anrufen.", "de")
    assert "sharing" in change.categories
