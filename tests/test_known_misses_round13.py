"""Round 13: engine errors found on held-out real text (OTA pairs, Mozilla histories), each stated
as its general pattern in new sentences, with the contrast that must still alert."""

from __future__ import annotations

from engine_checks import assert_alert, assert_quiet, modified, removed, single


def test_a_line_leading_into_ways_to_send_a_request_is_contact_detail() -> None:
    # the line only introduces the addresses that follow; no right is named in it
    assert_quiet(removed("Si votre demande porte sur votre abonnement Lumen, vous pouvez :", "fr"))
    assert_quiet(removed("If your request is about the data of your Lumen plan, you can:"))
    # a right itself dropped, even when it opens a list, still alerts
    assert_alert(
        removed("Vous pouvez demander la suppression de vos données en nous écrivant :", "fr"), "rights"
    )
    assert_alert(removed("Your request is handled free of charge within one month."), "rights")


def test_the_word_purpose_said_or_left_out_is_the_same_purpose() -> None:
    old = "Nous utilisons votre adresse postale pour votre facturation."
    assert_quiet(modified(old, "Nous utilisons votre adresse postale à des fins de facturation.", "fr"))
    assert_quiet(
        modified(
            "We use your postal address for your billing.",
            "We use your postal address for billing purposes.",
        )
    )
    # another use named is a new purpose
    assert_alert(
        modified(old, "Nous utilisons votre adresse postale à des fins de prospection.", "fr"), "purpose"
    )


def test_a_sentence_saying_what_the_page_explains_states_no_purpose() -> None:
    assert_quiet(
        modified(
            "Diese Erklärung erläutert, welche Cookies wir setzen.",
            "Diese Erklärung erläutert, welche Cookies wir setzen und wie wir Cookies auswerten.",
            "de",
        )
    )
    assert_quiet(
        modified(
            "Cette rubrique explique quelles données nous recevons.",
            "Cette rubrique sert à vous informer sur les données que nous recevons et sur leur usage.",
            "fr",
        )
    )
    # a use stated of the data itself still alerts
    assert_alert(
        modified(
            "This notice explains what data we receive.",
            "This notice explains what data we receive and how we sell it to advertisers.",
        ),
        "sharing",
    )


def test_a_use_added_to_a_list_of_messages_is_a_purpose() -> None:
    old = "* To reach you, for instance to answer tickets and send you billing notices."
    change = modified(old, old[:-1] + " or commercial messages.")
    assert_alert(change, "purpose")
    assert "collection" not in change.categories
    fr = "* Pour vous joindre, par exemple pour traiter vos tickets et vous envoyer des avis de facturation."
    assert_alert(modified(fr, fr[:-1] + " ou des messages commerciaux.", "fr"), "purpose")
    zh = "我们会使用您的手机号码向您发送账单通知。"
    change = modified(zh, "我们会使用您的手机号码向您发送账单通知或商业信息。", "zh")
    assert_alert(change, "purpose")
    assert "collection" not in change.categories


def test_a_word_of_deleting_swapped_for_one_of_keeping_is_a_retention_change() -> None:
    assert_alert(
        modified("Povremeno brišemo snimke zaslona.", "Povremeno čuvamo snimke zaslona.", "hr"), "retention"
    )
    assert_alert(
        modified(
            "Wir löschen die Bildschirmfotos regelmäßig.",
            "Wir speichern die Bildschirmfotos regelmäßig.",
            "de",
        ),
        "retention",
    )
    assert_alert(
        modified(
            "Nous effaçons régulièrement les captures.", "Nous conservons régulièrement les captures.", "fr"
        ),
        "retention",
    )
    # one word of deleting for another, or a period said both ways, changes nothing
    assert_quiet(
        modified("Vi raderar skärmbilderna varje vecka.", "Vi tar bort skärmbilderna varje vecka.", "sv")
    )
    assert_quiet(
        modified("Snimke zaslona brišemo svaki tjedan.", "Snimke zaslona uklanjamo svaki tjedan.", "hr")
    )
    assert_quiet(
        modified(
            "Wir speichern die Bildschirmfotos 14 Tage.",
            "Wir löschen die Bildschirmfotos nach 14 Tagen.",
            "de",
        )
    )


def test_zh_giving_the_information_to_it_is_sharing() -> None:
    old = "若某应用请求您的通讯录，我们会在向其提供该信息之前征求您的同意。"
    assert_alert(modified(old, "若某应用请求您的通讯录，我们会直接向其提供该信息。", "zh"), "sharing")
    # giving the user something is no sharing of the user's data
    assert_quiet(modified("我们向您提供该信息。", "我们向您提供该信息和帮助。", "zh"))


def test_recording_audio_is_collecting_it() -> None:
    change = modified(
        "The game relays your voice to your teammates. We do not record or store the audio.",
        "The game relays your voice to your teammates. We may record and store the audio.",
    )
    assert_alert(change, "collection")
    assert_alert(change, "retention")
    change = modified(
        "Le jeu transmet votre voix à vos coéquipiers. Nous n'enregistrons ni ne conservons l'audio.",
        "Le jeu transmet votre voix à vos coéquipiers. Nous pouvons enregistrer et conserver l'audio.",
        "fr",
    )
    assert_alert(change, "collection")


def test_only_the_verb_of_sharing_reworded_with_the_same_parties_is_no_change() -> None:
    assert_quiet(
        modified(
            "We use service providers to host and index these crash reports.",
            "We hand these crash reports to service providers to host and index them.",
        )
    )
    # a party said once more, or named anew, still alerts
    assert_alert(
        modified(
            "We share crash reports with service providers such as hosting firms.",
            "We share crash reports with service providers such as hosting firms and data brokers.",
        ),
        "sharing",
    )
    assert_alert(
        modified(
            "We use these crash reports to fix bugs.",
            "We hand these crash reports to third parties to fix bugs.",
        ),
        "sharing",
    )


def test_a_verb_of_selling_for_one_of_handing_over_still_alerts() -> None:
    change = modified(
        "If we merge with another firm, we may hand your orders over to the buyer.",
        "If we merge with another firm, we may sell your orders to the buyer.",
    )
    assert_alert(change, "sharing")


def test_an_added_clause_leading_into_a_list_still_names_its_right() -> None:
    change = single("added", "You can object to profiling at any time:", language="en")
    assert_alert(change, "rights")


def test_zh_a_risk_of_a_leak_in_an_account_rule_is_no_breach_deadline() -> None:
    # an account rule: reclaimed after months without a login or when a leak is feared
    rule = "如你连续超过三个月未登录或因设备原因导致账号存在信息泄露风险，我们有权冻结你的账号。"
    change = removed(rule, "zh")
    assert "security" not in change.categories
    assert "breach" not in change.explanation.lower()
    # a leak that happened, with a deadline to tell the user, is still a breach deadline
    change = modified(
        "如发生数据泄露事件，我们将在三日内告知您。", "如发生数据泄露事件，我们将在三十日内告知您。", "zh"
    )
    assert_alert(change, "security")
