"""Classify: materiality, categories, severity and explanations, per rule and per language.

Every case is a hand-written edit of the kind policies undergo; each materiality rule is tested
both ways (an alert that must fire, a quiet change that must not), and the severity of an
unfavourable change is held above its favourable opposite.
"""

from __future__ import annotations

import pytest

from monitor.engine.align import inline_diff
from monitor.engine.classify import classify, clause_categories
from monitor.models import CATEGORIES, Change, Clause, severity_rank

LANGS = ["en", "sv", "no", "da", "de", "fr", "es", "zh-Hans", "zh-Hant"]


def modified(old: str, new: str, language: str = "en") -> Change:
    (change,) = classify(
        [Change("modified", Clause(3, old, language=language), Clause(3, new, language=language))]
    )
    return change


def added(text: str, language: str = "en", heading: bool = False) -> Change:
    (change,) = classify([Change("added", None, Clause(5, text, language=language, is_heading=heading))])
    return change


def removed(text: str, language: str = "en") -> Change:
    (change,) = classify([Change("removed", Clause(5, text, language=language), None)])
    return change


def assert_alert(change: Change, category: str, severity: str | None = None) -> None:
    assert change.material, change
    assert category in change.categories, change
    assert change.explanation
    if severity:
        assert change.severity == severity, change


def assert_quiet(change: Change) -> None:
    assert not change.material, change
    assert change.severity == "none"
    assert change.explanation


# --- retention ------------------------------------------------------------------------------

RETENTION = {
    "en": ("We keep your data for {} after you close your account.", "three years", "ten years"),
    "sv": ("Vi sparar dina uppgifter i {} efter att kontot avslutats.", "tre år", "tio år"),
    "no": ("Vi lagrer opplysningene i {} etter at kontoen er avsluttet.", "3 år", "10 år"),
    "da": ("Vi opbevarer dine oplysninger i {} efter lukning af kontoen.", "tre år", "ti år"),
    "de": ("Wir speichern Ihre Daten {} nach Schließung des Kontos.", "drei Jahre", "zehn Jahre"),
    "fr": ("Nous conservons vos données pendant {} après la clôture du compte.", "trois ans", "dix ans"),
    "es": ("Conservamos sus datos durante {} después del cierre de la cuenta.", "tres años", "diez años"),
    "zh-Hans": ("我们会在您注销账号后保存您的个人信息{}。", "三年", "十年"),
    "zh-Hant": ("我們會在您註銷帳號後保存您的個人資訊{}。", "三年", "十年"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_retention_lengthened_is_high_and_shortened_is_medium(lang: str) -> None:
    template, short, long = RETENTION[lang]
    longer = modified(template.format(short), template.format(long), lang)
    assert_alert(longer, "retention", "high")
    assert longer.categories == ["retention"]
    assert longer.facts[0].direction == "longer" and longer.facts[0].kind == "duration"
    shorter = modified(template.format(long), template.format(short), lang)
    assert_alert(shorter, "retention", "medium")
    assert severity_rank(longer.severity) > severity_rank(shorter.severity)


def test_retention_explanation_is_normalised() -> None:
    change = modified("We retain logs for 3 years.", "We retain logs for ten years.")
    assert change.explanation == "Retention period for logs lengthened from 3 years to 10 years"
    assert (change.facts[0].old, change.facts[0].new) == ("3 years", "10 years")


def test_retention_made_indefinite_is_high() -> None:
    change = modified(
        "We keep your information only as long as necessary to provide the service.",
        "We keep your information indefinitely.",
    )
    assert_alert(change, "retention", "high")


def test_retention_from_necessary_to_a_fixed_period_is_material() -> None:
    change = modified(
        "我们仅在实现目的所必需的最短时间内保留您的个人信息。",
        "我们会在您注销账号后继续保留您的个人信息五年。",
        "zh-Hans",
    )
    assert_alert(change, "retention", "high")
    assert "5 years" in change.explanation


# --- sharing polarity -----------------------------------------------------------------------

SELL = {
    "en": ("We do not sell your personal information.", "We may sell your personal information."),
    "sv": ("Vi kommer aldrig att sälja dina personuppgifter.", "Vi kan sälja dina personuppgifter."),
    "no": ("Vi selger ikke personopplysningene dine.", "Vi kan selge personopplysningene dine."),
    "da": ("Vi sælger aldrig dine personoplysninger.", "Vi kan sælge dine personoplysninger."),
    "de": ("Wir verkaufen Ihre Daten nicht an Dritte.", "Wir können Ihre Daten an Dritte verkaufen."),
    "fr": (
        "Nous ne vendons jamais vos données personnelles.",
        "Nous pouvons vendre vos données personnelles.",
    ),
    "es": ("No vendemos sus datos personales.", "Podemos vender sus datos personales."),
    "zh-Hans": ("我们不会出售您的个人信息。", "我们可能出售您的个人信息。"),
    "zh-Hant": ("我們不會出售您的個人資訊。", "我們可能出售您的個人資訊。"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_sale_no_longer_ruled_out_is_high_and_the_reverse_medium(lang: str) -> None:
    never, may = SELL[lang]
    flip = modified(never, may, lang)
    assert_alert(flip, "sharing", "high")
    assert flip.facts[0].direction == "affirmed"
    assert flip.explanation.startswith("Personal data may now be sold")
    back = modified(may, never, lang)
    assert_alert(back, "sharing", "medium")
    assert severity_rank(flip.severity) > severity_rank(back.severity)


def test_flip_explanation_is_one_plain_sentence_without_fragments() -> None:
    change = modified("We do not sell your personal information.", "We may sell your personal information.")
    assert change.explanation == "Personal data may now be sold"
    back = modified("We may sell your personal information.", "We never sell your personal information.")
    assert back.explanation == "Personal data will no longer be sold"


# --- other facts, both directions -------------------------------------------------------------


def test_new_sensitive_data_type_is_high_and_a_dropped_one_medium() -> None:
    old = "We collect your name, e-mail address and device identifiers."
    new = "We collect your name, e-mail address, device identifiers and fingerprints."
    more = modified(old, new)
    assert_alert(more, "collection", "high")
    assert more.explanation == "New sensitive data collected: biometric data"
    less = modified(new, old)
    assert_alert(less, "collection", "medium")


def test_new_transfer_destination_is_high_and_a_removed_one_medium() -> None:
    old = "Vi kan overføre opplysningene til servere i Kina eller Singapore."
    new = "Vi kan overføre opplysningene til servere i Kina, Singapore eller USA."
    more = modified(old, new, "no")
    assert_alert(more, "transfer", "high")
    assert more.explanation == "New transfer destination: United States"
    assert_alert(modified(new, old, "no"), "transfer", "medium")


def test_storage_moving_abroad_is_a_transfer_change() -> None:
    change = modified(
        "我们将个人信息存储在中华人民共和国境内。", "我们将个人信息存储在新加坡的服务器上。", "zh-Hans"
    )
    assert_alert(change, "transfer", "high")


def test_right_removed_is_high_and_added_medium() -> None:
    old = "You have the right to access, rectify, erase and port your data (data portability)."
    new = "You have the right to access, rectify and erase your data."
    gone = modified(old, new)
    assert_alert(gone, "rights", "high")
    assert "right to data portability is no longer stated" in gone.explanation
    assert_alert(modified(new, old), "rights", "medium")


def test_child_age_lowered_is_high_and_raised_medium() -> None:
    lower = modified(
        "We do not collect data from children under 16.", "We do not collect data from children under 13."
    )
    assert_alert(lower, "children", "high")
    assert lower.explanation == "Children's age threshold lowered from 16 to 13"
    raised = modified(
        "不满十四周岁的儿童需取得监护人同意。", "不满十六周岁的儿童需取得监护人同意。", "zh-Hans"
    )
    assert_alert(raised, "children", "medium")


def test_breach_notice_slower_is_high_and_faster_medium() -> None:
    fast = "If a data breach occurs we will notify you within 72 hours."
    slow = "If a data breach occurs we will notify you within 30 days."
    slower = modified(fast, slow)
    assert_alert(slower, "security", "high")
    assert slower.explanation == (
        "Deadline for telling you of a data breach lengthened from 72 hours to 30 days"
    )
    assert_alert(modified(slow, fast), "security", "medium")


def test_change_notice_dropped_is_high() -> None:
    change = modified(
        "If we change this policy, we will notify you by e-mail.",
        "Changes to this policy take effect immediately upon posting, without further notice.",
    )
    assert_alert(change, "changes", "high")
    assert change.categories == ["changes"]


def test_new_recipient_is_high() -> None:
    change = modified(
        "We share your data with service providers.",
        "We share your data with service providers and data brokers.",
    )
    assert_alert(change, "sharing", "high")
    assert "data brokers" in change.explanation


def test_security_measure_removed_is_high() -> None:
    change = modified(
        "We protect your data with encryption and access controls.",
        "We protect your data with access controls.",
    )
    assert_alert(change, "security", "high")


# --- added / removed clauses ---------------------------------------------------------------


def test_added_clause_collecting_biometrics_is_high() -> None:
    change = added("Vi samlar in ansiktsbilder och fingeravtryck för att verifiera din identitet.", "sv")
    assert_alert(change, "collection", "high")
    assert change.categories == ["collection"]


def test_removed_notice_promise_is_material_high() -> None:
    assert_alert(
        removed("We will notify you of material changes to this policy by e-mail."), "changes", "high"
    )


def test_removed_right_is_high() -> None:
    change = removed("B) You have the right to accept or reject cookies.")
    assert_alert(change, "tracking", "high")


def test_removed_negative_promise_is_high() -> None:
    assert_alert(removed("VI KOMMER ALDRIG ATT SÄLJA DIN PERSONLIGA INFORMATION", "sv"), "sharing", "high")


@pytest.mark.parametrize(
    ("text", "lang", "heading"),
    [
        ("Data retention", "en", True),
        ("Last updated: 12 March 2024", "en", False),
        ("Senast uppdaterad: 2024-03-12", "sv", False),
        ("E-mail: privacy@example.com", "en", False),
        ("Thank you for choosing our app.", "en", False),
    ],
)
def test_added_heading_stamp_or_contact_is_not_material(text: str, lang: str, heading: bool) -> None:
    assert_quiet(added(text, lang, heading))
    assert_quiet(removed(text, lang) if not heading else added(text, lang, heading))


# --- quiet edits -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "lang"),
    [
        ("We retian your data for three years.", "We retain your data for three years.", "en"),
        (
            "Vi bruker opplysningene for å levere tjenesten og forbdre produktene våre.",
            "Vi bruker opplysningene for å levere tjenesten og forbedre produktene våre.",
            "no",
        ),
        (
            "Wir speichern Ihre Daten in unserem Rechenzentrum sicehr.",
            "Wir speichern Ihre Daten in unserem Rechenzentrum sicher.",
            "de",
        ),
        (
            "Nous conservons vos donnés pendant trois ans.",
            "Nous conservons vos données pendant trois ans.",
            "fr",
        ),
    ],
)
def test_typo_fix_is_not_material(old: str, new: str, lang: str) -> None:
    change = modified(old, new, lang)
    assert_quiet(change)
    assert change.explanation == "Typo fix"


@pytest.mark.parametrize(
    ("old", "new", "lang"),
    [
        ("Last updated: March 3, 2023", "Last updated: January 9, 2025", "en"),
        ("Oppdateringstid: 2024", "Oppdateringstid: 2025", "no"),
        ("Senast uppdaterad: 2023-05-01", "Senast uppdaterad: 2024-11-20", "sv"),
        ("更新日期:2022年10月", "更新日期:2024年3月", "zh-Hans"),
        ("生效日期:2023年1月1日", "生效日期:2024年6月1日", "zh-Hans"),
    ],
)
def test_update_stamp_is_not_material(old: str, new: str, lang: str) -> None:
    change = modified(old, new, lang)
    assert_quiet(change)
    assert change.explanation == "Update stamp changed"


@pytest.mark.parametrize(
    ("old", "new", "lang"),
    [
        ("Email: privacy@example.com", "Email: dpo@example.com", "en"),
        ("电子邮箱:privacy@example.cn", "电子邮箱:dpo@example.cn", "zh-Hans"),
        (
            "Ring oss på +46 8 123 456 78 om du har frågor.",
            "Ring oss på +46 8 987 654 32 om du har frågor.",
            "sv",
        ),
        (
            "Questions? Contact our DPO at dpo@example.com.",
            "Questions? Contact our DPO at privacy@example.org.",
            "en",
        ),
    ],
)
def test_contact_detail_change_is_not_material(old: str, new: str, lang: str) -> None:
    assert_quiet(modified(old, new, lang))


@pytest.mark.parametrize(
    ("old", "new", "lang"),
    [
        ("We keep your data for three years.", "We retain your data for three years.", "en"),
        (
            "We share your data with partners and advertisers.",
            "We share your data with advertisers and partners.",
            "en",
        ),
        ("Vi lagrar dina uppgifter i tre år.", "Dina uppgifter lagras av oss i tre år.", "sv"),
        ("我们会保存您的个人信息三年。", "您的个人信息我们会保存三年。", "zh-Hans"),
    ],
)
def test_rewording_with_the_same_facts_is_not_material(old: str, new: str, lang: str) -> None:
    assert_quiet(modified(old, new, lang))


def test_moved_unchanged_clause_is_never_material() -> None:
    text = (
        "Observera att dina personuppgifter inte kommer att användas för reklamändamål utan ditt tillstånd."
    )
    (change,) = classify([Change("moved", Clause(20, text, language="sv"), Clause(44, text, language="sv"))])
    assert_quiet(change)
    assert change.explanation == "Moved; text unchanged"


def test_moved_and_edited_clause_is_judged_on_its_edit() -> None:
    (change,) = classify(
        [Change("moved", Clause(2, "We do not sell your data."), Clause(9, "We may sell your data."))]
    )
    assert_alert(change, "sharing", "high")
    assert change.explanation.endswith("; the clause also moved")


def test_added_negation_in_wording_is_material() -> None:
    change = modified("Your data will be used for research.", "Your data will not be used for research.")
    assert change.material


# --- categories, language, API ---------------------------------------------------------------


def test_categories_name_what_changed_not_everything_mentioned() -> None:
    old = "We store cookie identifiers and your profile data for 2 years, then delete them."
    new = "We store cookie identifiers and your profile data for 5 years, then delete them."
    assert modified(old, new).categories == ["retention"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("We retain your personal data for five years.", "en", ["retention"]),
        ("Vi delar dina uppgifter med våra annonspartner.", "sv", ["sharing"]),
        ("我们会将您的个人信息存储在中华人民共和国境内。", "zh-Hans", ["transfer"]),
        ("Sie haben das Recht auf Auskunft und Löschung.", "de", ["rights"]),
        ("Nous utilisons des cookies et des traceurs.", "fr", ["tracking"]),
    ],
)
def test_clause_categories(text: str, lang: str, expected: list[str]) -> None:
    assert set(expected) <= set(clause_categories(text, lang))


def test_categories_follow_the_contract_order() -> None:
    cats = clause_categories("We share cookies data with advertisers and retain it for 2 years.", "en")
    assert cats == sorted(cats, key=CATEGORIES.index)


def test_wrong_language_tag_still_finds_the_flip() -> None:
    change = modified("Vi säljer inte dina uppgifter.", "Vi kan sälja dina uppgifter.", "en")
    assert_alert(change, "sharing", "high")


def test_input_changes_are_not_mutated_and_output_is_deterministic() -> None:
    changes = [
        Change("modified", Clause(1, "We do not sell data."), Clause(1, "We may sell data.")),
        Change("removed", Clause(2, "You have the right to data portability."), None),
        Change("moved", Clause(3, "Same text."), Clause(7, "Same text.")),
    ]
    first = [c.to_dict() for c in classify(changes)]
    assert all(c.categories == [] and not c.material for c in changes)
    assert [c.to_dict() for c in classify(changes)] == first
    assert len(first) == 3


def test_unfavourable_ranks_above_favourable_for_every_fact() -> None:
    pairs = [
        ("We keep logs for 1 year.", "We keep logs for 5 years."),
        ("We do not share your data with advertisers.", "We share your data with advertisers."),
        ("We collect your name.", "We collect your name and health data."),
        ("Children under 16 need consent.", "Children under 13 need consent."),
        ("You have the right to erasure and portability.", "You have the right to erasure."),
    ]
    for worse_from, worse_to in pairs:
        bad, good = modified(worse_from, worse_to), modified(worse_to, worse_from)
        assert bad.material and good.material, (bad, good)
        assert severity_rank(bad.severity) > severity_rank(good.severity), (bad, good)


def test_a_hundred_changes_classify_quickly() -> None:
    changes = [
        Change(
            "modified",
            Clause(i, f"We keep record {i} for {i % 9 + 1} years."),
            Clause(i, f"We keep record {i} for {i % 9 + 2} years."),
        )
        for i in range(100)
    ]
    first = classify(changes)  # first sight of each text: extraction; afterwards cached
    out = classify(changes)  # (how fast: bench/engine.py; a cache must not change a verdict)
    assert all(c.material and c.severity == "high" for c in out)
    assert [c.explanation for c in out] == [c.explanation for c in first]


# --- purposes, list items, negations -------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "lang"),
    [
        (
            "We use your data to provide the service.",
            "We use your data to provide the service and to train our AI models.",
            "en",
        ),
        (
            "Vi använder dina uppgifter för att leverera tjänsten.",
            "Vi använder dina uppgifter för att leverera tjänsten och för reklam.",
            "sv",
        ),
        (
            "Wir verwenden Ihre Daten zur Erbringung des Dienstes.",
            "Wir verwenden Ihre Daten zur Erbringung des Dienstes und für Werbung.",
            "de",
        ),
        ("我们使用您的信息用于提供服务。", "我们使用您的信息用于提供服务和个性化广告。", "zh-Hans"),
    ],
)
def test_new_purpose_is_high(old: str, new: str, lang: str) -> None:
    change = modified(old, new, lang)
    assert_alert(change, "purpose", "high")
    assert change.explanation.startswith(
        ("New purpose for personal data: ", "New purposes for personal data: ")
    )


@pytest.mark.parametrize(
    ("old", "new", "lang", "category"),
    [
        (
            "We collect your name, e-mail address and location.",
            "We collect your name, e-mail address, browsing history and location.",
            "en",
            "collection",
        ),
        (
            "Vi delar uppgifter med leverantörer och partner.",
            "Vi delar uppgifter med leverantörer, konsulter och partner.",
            "sv",
            "sharing",
        ),
        (
            "我们会收集您的姓名、手机号码。",
            "我们会收集您的姓名、手机号码、通话时长。",
            "zh-Hans",
            "collection",
        ),
    ],
)
def test_an_item_added_to_a_list_is_material(old: str, new: str, lang: str, category: str) -> None:
    more = modified(old, new, lang)
    assert_alert(more, category, "medium")
    assert more.explanation.startswith("Added to the ")
    assert_alert(modified(new, old, lang), category)


def test_a_reordered_list_or_an_aside_is_not_a_new_item() -> None:
    assert_quiet(
        modified("We collect your name and e-mail address.", "We collect your e-mail address and name.")
    )
    aside = modified(
        "We use cookies to improve the service.", "We use cookies, small text files, to improve the service."
    )
    assert "Added to" not in aside.explanation


def test_dropping_a_negation_ranks_above_adding_one() -> None:
    dropped = modified("We do not use third-party cookies.", "We use third-party cookies.")
    added_neg = modified("We use third-party cookies.", "We do not use third-party cookies.")
    assert_alert(dropped, "tracking", "high")
    assert added_neg.material
    assert severity_rank(dropped.severity) > severity_rank(added_neg.severity)


def test_a_misspelt_keyword_is_a_typo_not_a_removed_fact() -> None:
    assert_quiet(modified("You have the right to reject cookies.", "You have the right to reject cookeis."))
    assert_quiet(modified("We share data with service providers.", "We share data with service porviders."))


def test_punctuation_only_edit_is_quiet() -> None:
    change = modified("We do not sell, rent or trade your data.", "We do not sell; rent or trade your data.")
    assert_quiet(change)


def test_a_reworded_heading_is_quiet() -> None:
    (change,) = classify(
        [
            Change(
                "modified",
                Clause(0, "Data retention", is_heading=True),
                Clause(0, "How long we keep data", is_heading=True),
            )
        ]
    )
    assert_quiet(change)


def test_a_removed_deletion_deadline_is_high_unless_replaced_by_as_long_as_necessary() -> None:
    assert_alert(removed("We delete inactive accounts after 12 months."), "retention", "high")
    softened = modified("We keep your data for 2 years.", "We keep your data only as long as necessary.")
    assert_alert(softened, "retention", "medium")


def test_a_bilingual_clause_is_read_in_both_languages() -> None:
    zh = "我们不会出售您的个人信息。"
    change = modified(
        zh + "We do not sell your personal information to anyone.",
        zh + "We may sell your personal information to anyone.",
        "zh-Hans",
    )
    assert_alert(change, "sharing", "high")
    assert "may now be sold" in change.explanation


# --- languages without a seed policy: the same rules hold --------------------------------

OTHER_LANGUAGE_ALERTS = [
    (
        "de",
        "Bei einer Verletzung des Schutzes Ihrer Daten benachrichtigen wir Sie binnen 72 Stunden.",
        "Bei einer Verletzung des Schutzes Ihrer Daten benachrichtigen wir Sie binnen 30 Tagen.",
        "security",
    ),
    (
        "fr",
        "En cas de violation de données, nous vous informerons dans un délai de 72 heures.",
        "En cas de violation de données, nous vous informerons dans un délai de 30 jours.",
        "security",
    ),
    (
        "es",
        "En caso de una violación de la seguridad, le notificaremos en un plazo de 72 horas.",
        "En caso de una violación de la seguridad, le notificaremos en un plazo de 30 días.",
        "security",
    ),
    (
        "da",
        "Ved brud på persondatasikkerheden underretter vi dig inden for 72 timer.",
        "Ved brud på persondatasikkerheden underretter vi dig inden for 30 dage.",
        "security",
    ),
    (
        "de",
        "Wir erheben keine Daten von Kindern unter 16 Jahren.",
        "Wir erheben keine Daten von Kindern unter 13 Jahren.",
        "children",
    ),
    (
        "fr",
        "Nous ne collectons pas de données concernant les enfants de moins de 15 ans.",
        "Nous ne collectons pas de données concernant les enfants de moins de 13 ans.",
        "children",
    ),
    (
        "es",
        "No recopilamos datos de menores de 14 años.",
        "No recopilamos datos de menores de 13 años.",
        "children",
    ),
    (
        "da",
        "Vi indsamler ikke oplysninger om børn under 15 år.",
        "Vi indsamler ikke oplysninger om børn under 13 år.",
        "children",
    ),
    (
        "de",
        "Über wesentliche Änderungen dieser Datenschutzerklärung werden wir Sie per E-Mail informieren.",
        "Änderungen dieser Datenschutzerklärung treten ohne vorherige Ankündigung in Kraft.",
        "changes",
    ),
    (
        "fr",
        "Nous vous informerons par e-mail de toute modification importante de cette politique.",
        "Les modifications de cette politique prennent effet sans préavis.",
        "changes",
    ),
    (
        "es",
        "Le notificaremos por correo electrónico cualquier cambio importante en esta política.",
        "Los cambios en esta política entrarán en vigor sin previo aviso.",
        "changes",
    ),
    (
        "da",
        "Vi vil underrette dig via e-mail om væsentlige ændringer i denne privatlivspolitik.",
        "Ændringer i denne privatlivspolitik træder i kraft straks uden varsel.",
        "changes",
    ),
    (
        "de",
        "Ihre Daten werden auf Servern in der EU gespeichert.",
        "Ihre Daten werden auf Servern in der EU und in den USA gespeichert.",
        "transfer",
    ),
    (
        "fr",
        "Vos données sont hébergées sur des serveurs situés dans l’UE.",
        "Vos données sont hébergées sur des serveurs situés dans l’UE et à Singapour.",
        "transfer",
    ),
    (
        "es",
        "Sus datos se almacenan en servidores ubicados en la UE.",
        "Sus datos se almacenan en servidores ubicados en la UE y en China.",
        "transfer",
    ),
    (
        "da",
        "Dine oplysninger opbevares på servere i EU.",
        "Dine oplysninger opbevares på servere i EU og Indien.",
        "transfer",
    ),
]


@pytest.mark.parametrize(("lang", "old", "new", "category"), OTHER_LANGUAGE_ALERTS)
def test_unfavourable_edits_in_other_languages_are_high(lang: str, old: str, new: str, category: str) -> None:
    assert_alert(modified(old, new, lang), category, "high")


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        ("de", "Stand: 1. März 2023", "Stand: 12. Januar 2025"),
        ("fr", "Dernière mise à jour : 3 mars 2023", "Dernière mise à jour : 9 janvier 2025"),
        ("es", "Última actualización: 3 de marzo de 2023", "Última actualización: 9 de enero de 2025"),
        ("da", "Senest opdateret: 3. marts 2023", "Senest opdateret: 9. januar 2025"),
        ("de", "Kontakt: datenschutz@beispiel.de", "Kontakt: dsb@beispiel.de"),
        (
            "fr",
            "Nous traitons vos données pour exécuter le contrat et améliorer nos services.",
            "Nous traitons vos données pour exécuter le contrat et amélorer nos services.",
        ),
        (
            "es",
            "Tratamos sus datos para ejecutar el contrato y mejorar nuestros servicios.",
            "Tratamos sus datos para ejecutar el contrato y mejorrar nuestros servicios.",
        ),
        (
            "da",
            "Vi behandler dine oplysninger for at opfylde kontrakten og forbedre vores tjenester.",
            "Vi behandler dine oplysninger for at opfylde kontrakten og forbedree vores tjenester.",
        ),
    ],
)
def test_quiet_edits_in_other_languages(lang: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, lang))


def test_removed_cookie_refusal_right_in_german_is_high() -> None:
    change = removed("Sie haben das Recht, Cookies abzulehnen.", "de")
    assert_alert(change, "tracking", "high")


def test_a_reply_time_in_a_contact_clause_is_not_a_policy_term() -> None:
    assert_quiet(
        modified(
            "Contact us by e-mail and we will reply within 30 days.",
            "Contact us by e-mail and we will reply within 45 days.",
        )
    )


def test_a_shorter_notice_period_for_changes_is_high() -> None:
    change = modified(
        "We will notify you at least 30 days before changes to this policy take effect.",
        "We will notify you at least 7 days before changes to this policy take effect.",
    )
    assert_alert(change, "changes", "high")
    assert change.explanation == (
        "Notice period before policy changes take effect shortened from 30 days to 7 days"
    )


def test_a_removed_sentence_without_keywords_takes_its_sections_category() -> None:
    clause = Clause(
        4, "You can also change your mind about this at any time.", section=("Your rights",), language="en"
    )
    (change,) = classify([Change("removed", clause, None)])
    assert_alert(change, "rights", "medium")
    short = Clause(4, "See below.", section=("Your rights",), language="en")
    assert_quiet(classify([Change("removed", short, None)])[0])


@pytest.mark.parametrize(
    ("old", "new", "lang"),
    [
        ("We retain your data for 12 months.", "We retain your data for one year.", "en"),
        ("We keep your data for 3 years.", "We keep your data for three years.", "en"),
        ("我们会保存您的信息六个月。", "我们会保存您的信息半年。", "zh-Hans"),
    ],
)
def test_the_same_period_written_differently_is_quiet(old: str, new: str, lang: str) -> None:
    assert_quiet(modified(old, new, lang))


def test_facts_use_the_documented_vocabulary() -> None:
    directions = {
        "longer",
        "shorter",
        "added",
        "removed",
        "changed",
        "flipped",
        "raised",
        "lowered",
        "negated",
        "affirmed",
    }
    kinds = {
        "duration",
        "retention_state",
        "age",
        "country",
        "polarity",
        "recipient",
        "data_type",
        "purpose",
        "right",
        "breach_notice",
        "change_notice",
        "security_measure",
        "item",
        "wording",
    }
    changes = [modified(o, n, lang) for lang, o, n, _ in OTHER_LANGUAGE_ALERTS]
    changes += [modified(*SELL[lang], lang) for lang in LANGS] + [
        modified(*reversed(SELL[lang]), lang) for lang in LANGS
    ]
    changes.append(removed("You have the right to access and to data portability."))
    changes.append(
        modified("We collect your name and e-mail.", "We collect your name, e-mail and shoe size.")
    )
    facts = [f for c in changes for f in c.facts]
    assert facts and all(f.direction in directions and f.kind in kinds for f in facts), facts
    assert all(f.category in c.categories for c in changes for f in c.facts)
    assert all(set(d) >= {"category", "direction"} for c in changes for d in c.to_dict()["facts"])


# --- properties --------------------------------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 99), st.integers(1, 99), st.sampled_from(["days", "months", "years"]))
def test_any_longer_retention_is_high_and_shorter_medium(a: int, b: int, unit: str) -> None:
    change = modified(f"We retain your data for {a} {unit}.", f"We retain your data for {b} {unit}.")
    if a == b:
        assert_quiet(change)
    else:
        assert_alert(change, "retention", "high" if b > a else "medium")


@settings(max_examples=60, deadline=None)
@given(
    st.text(max_size=200), st.text(max_size=200), st.sampled_from(["en", "sv", "zh-Hans", "und", "xx", ""])
)
def test_any_text_classifies_without_error_and_deterministically(old: str, new: str, lang: str) -> None:
    change = Change("modified", Clause(0, old, language=lang), Clause(0, new, language=lang))
    first = classify([change])[0]
    assert first.severity in ("none", "low", "medium", "high")
    assert (first.severity == "none") == (not first.material)
    assert classify([change])[0].to_dict() == first.to_dict()


def test_things_a_sentence_rules_out_rank_the_other_way() -> None:
    more_excluded = modified(
        "We never share your data with advertisers.",
        "We never share your data with advertisers or data brokers.",
    )
    assert_alert(more_excluded, "sharing", "medium")
    assert more_excluded.explanation == "The policy now rules out sharing personal data with data brokers"
    health = modified(
        "Vi samlar inte in biometriska uppgifter.",
        "Vi samlar inte in biometriska uppgifter eller hälsouppgifter.",
        "sv",
    )
    assert_alert(health, "collection", "medium")
    allowed = modified("We never share your data with data brokers.", "We share your data with data brokers.")
    assert_alert(allowed, "sharing", "high")
    assert severity_rank(allowed.severity) > severity_rank(more_excluded.severity)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["en", "no", "zh-Hant", "und"]), st.booleans())
def test_any_added_or_removed_text_classifies_without_error(text: str, lang: str, heading: bool) -> None:
    clause = Clause(0, text, language=lang, is_heading=heading, section=("Your rights",))
    for change in (Change("added", None, clause), Change("removed", clause, None)):
        out = classify([change])[0]
        assert (out.severity == "none") == (not out.material)
        assert out.categories == [c for c in CATEGORIES if c in out.categories]


def test_a_failure_on_one_change_does_not_lose_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    from monitor.engine.classify import document

    def broken(*_args: object) -> Change:
        raise RuntimeError("bug")

    monkeypatch.setattr(document, "_compare", broken)  # simulate a bug: nothing real fails on demand
    out = classify(
        [
            Change("modified", Clause(0, "We sell data."), Clause(0, "We do not sell data.")),
            Change("removed", Clause(1, "You have the right to data portability."), None),
        ]
    )
    assert out[0].explanation == "Could not be classified (RuntimeError)" and not out[0].material
    assert_alert(out[1], "rights", "high")


@pytest.mark.parametrize(
    ("text", "lang", "category"),
    [
        ("Du har også rett til å klage til ditt lokale personvernsmyndighet når som helst.", "no", "rights"),
        ("Vi har uavhengige revisorer som vurderer sikkerheten til systemene våre.", "no", "security"),
        ("We do not knowingly collect personal information from children.", "en", "children"),
    ],
)
def test_a_removed_right_safeguard_or_protection_is_high(text: str, lang: str, category: str) -> None:
    assert_alert(removed(text, lang), category, "high")


def test_a_sale_newly_stated_or_a_promise_against_it_dropped_is_high() -> None:
    stated = modified(
        "När du aktiverar platstjänster kan vi samla in och använda din platsinformation.",
        "När du aktiverar platstjänster kan vi samla in, använda och sälja din platsinformation.",
        "sv",
    )
    assert_alert(stated, "sharing", "high")
    assert stated.explanation.startswith("The policy now says personal data may be sold")
    dropped = modified("We do not sell your data. We share it with partners.", "We share it with partners.")
    assert_alert(dropped, "sharing", "high")
    assert dropped.explanation == "The promise not to sell personal data was dropped"
    assert_quiet(modified("We do not sell your data.", "We do not slel your data."))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("个人生物识别信息、通记记录和内容", "个人生物识别信息、通讯记录和内容"),  # wrong character
        ("深圳市某某科技有限公司及其关联公司", "深圳市某某科技有限公司及其关公联司"),  # two swapped
    ],
)
def test_chinese_typos_are_quiet(old: str, new: str) -> None:
    assert_quiet(modified(old, new, "zh-Hans"))


def test_a_dropped_two_character_chinese_word_is_not_a_typo() -> None:
    change = modified("我们会采取加密措施保护您的个人信息。", "我们会采取措施保护您的个人信息。", "zh-Hans")
    assert_alert(change, "security", "high")


@pytest.mark.parametrize(
    ("old", "new", "lang"),
    [
        ("Your data is stored encrypted.", "Your data is stored unencrypted.", "en"),
        ("Uppgifterna lagras krypterade.", "Uppgifterna lagras okrypterade.", "sv"),
    ],
)
def test_a_negating_prefix_is_not_a_typo(old: str, new: str, lang: str) -> None:
    assert_alert(modified(old, new, lang), "security", "high")


def test_within_to_without_is_not_a_typo() -> None:
    change = modified(
        "We share data within our group of companies.", "We share data without our group of companies."
    )
    assert change.material


def test_an_explanation_names_only_the_period_that_changed():
    old = "We keep server logs for 30 days and billing records for 3 years."
    new = "We keep server logs for 30 days and billing records for 10 years."
    [change] = classify(
        [
            Change(
                "modified",
                Clause(0, old, language="en"),
                Clause(0, new, language="en"),
                inline=inline_diff(old, new),
            )
        ]
    )
    assert change.explanation == "Retention period lengthened from 3 years to 10 years"
    assert change.severity == "high"


def _modified(old: str, new: str, language: str) -> Change:
    before, after = Clause(0, old, language=language), Clause(0, new, language=language)
    [change] = classify([Change("modified", before, after, inline=inline_diff(old, new))])
    return change


@pytest.mark.parametrize(
    ("old", "new", "language"),
    [
        ("本應用會不時更新本隱私權政策。", "本應用會不時更新本隱私權政策,更新後不另行通知。", "zh-Hant"),
        ("我们可能会不时更新本隐私政策。", "我们可能会不时更新本隐私政策,且无需另行通知。", "zh-Hans"),
        (
            "Vi kan uppdatera denna integritetspolicy från tid till annan.",
            "Vi kan uppdatera denna integritetspolicy från tid till annan utan att meddela dig.",
            "sv",
        ),
        (
            "Vi kan oppdatere denne personvernerklæringen.",
            "Vi kan oppdatere denne personvernerklæringen uten å varsle deg.",
            "no",
        ),
    ],
)
def test_dropping_notice_of_policy_changes_is_material_and_high(old: str, new: str, language: str):
    change = _modified(old, new, language)
    assert change.material and change.severity == "high" and change.categories == ["changes"]


def test_moving_data_to_another_provider_is_a_right_not_a_recipient():
    old = (
        "Du kan ha rett til å be om tilgang til, korrigere, slette, overføre til en annen "
        "tjenesteleverandør eller begrense visse bruksområder av din personlige informasjon."
    )
    new = (
        "Du kan ha rett til å be om tilgang til, korrigere eller begrense visse bruksområder av "
        "din personlige informasjon."
    )
    change = _modified(old, new, "no")
    assert change.categories == ["rights"] and change.severity == "high"
    assert "portability" in change.explanation and "service providers" not in change.explanation


def test_a_new_health_data_type_in_swedish_is_sensitive_and_high():
    change = _modified(
        "Vi samlar in ditt namn och din e-postadress.",
        "Vi samlar in ditt namn, din e-postadress och uppgifter om din hälsa.",
        "sv",
    )
    assert change.severity == "high" and change.categories == ["collection"]
    assert "health" in change.explanation


def test_a_removed_cookie_choice_is_a_tracking_change():
    change = _modified(
        "You can opt out of targeted advertising cookies at any time in your browser.",
        "You can manage cookies in your browser.",
        "en",
    )
    assert change.material and "tracking" in change.categories
