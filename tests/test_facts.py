"""Fact extraction per language: durations, retention states, ages, places, polarity, recipients,
data types, rights, breach and change notices, update stamps, contacts; and the lexicons behind it.

The sentences are written the way policies phrase these things in each language; none is taken
from the shared cases.
"""

from __future__ import annotations

import pytest

from monitor.engine.facts import extract_facts
from monitor.lang.lexicon import LANGUAGES, _alternation, all_lexicons, canonical_language, load_lexicon


def days(text: str, language: str) -> list[float]:
    return sorted(d.days for d in extract_facts(text, language).durations)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("We keep your account data for ten years.", "en", [3650]),
        ("Logs are retained for 90 days.", "en", [90]),
        ("We keep backups for twelve (12) months.", "en", [360]),
        ("Vi sparar uppgifterna i tio år.", "sv", [3650]),
        ("Vi sparar uppgifterna i3 år efter avslutat konto.", "sv", [1095]),
        ("Vi lagrer opplysningene i ti år.", "no", [3650]),
        ("Vi opbevarer oplysningerne i ti år.", "da", [3650]),
        ("Wir speichern Ihre Daten zehn Jahre lang.", "de", [3650]),
        ("Nous conservons vos données pendant dix ans.", "fr", [3650]),
        ("Conservamos sus datos durante diez años.", "es", [3650]),
        ("我们将保存您的个人信息五年。", "zh-Hans", [1825]),
        ("日志信息保存十五天。", "zh-Hans", [15]),
        ("我们保存您的信息半年。", "zh-Hans", [182.5]),
        ("保存期限为三个月。", "zh-Hans", [90]),
        ("保存期限為三個月。", "zh-Hant", [90]),
        ("保存期限为十二个月。", "zh-Hans", [360]),
        ("保存期限为一年半。", "zh-Hans", [547.5]),
        ("我们会保存两年。", "zh-Hans", [730]),
        ("我們會保存兩年。", "zh-Hant", [730]),
    ],
)
def test_durations_in_digits_and_words_are_normalised_to_days(
    text: str, language: str, expected: list[float]
) -> None:
    assert days(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("更新日期:2022年10月15日", "zh-Hans"),
        ("Oppdateringstid: 2024", "no"),
        ("本政策自10月15日起生效。", "zh-Hans"),
        ("Children under 16 years must not register.", "en"),
    ],
)
def test_dates_and_ages_are_not_durations(text: str, language: str) -> None:
    assert days(text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "state"),
    [
        ("We may retain your information indefinitely.", "en", "indefinite"),
        ("We keep your data only as long as necessary for these purposes.", "en", "as_long_as_necessary"),
        ("Your photos are stored until you delete them.", "en", "until_deletion"),
        ("Vi sparar dina uppgifter så länge det behövs.", "sv", "as_long_as_necessary"),
        ("Vi lagrer informasjonen så lenge det er nødvendig.", "no", "as_long_as_necessary"),
        ("Wir speichern die Daten nur so lange wie erforderlich.", "de", "as_long_as_necessary"),
        ("我们将永久保存您的个人信息。", "zh-Hans", "indefinite"),
        ("您的信息将被长期保存。", "zh-Hans", "indefinite"),
        ("我们仅在实现目的所必需的最短时间内保留您的个人信息。", "zh-Hans", "as_long_as_necessary"),
    ],
)
def test_retention_states(text: str, language: str, state: str) -> None:
    assert state in extract_facts(text, language).retention_states


@pytest.mark.parametrize(
    ("text", "language", "action", "state"),
    [
        ("We do not sell your personal information.", "en", "sell", "negated"),
        ("We will never sell your data to anyone.", "en", "sell", "negated"),
        ("We may sell your personal information to partners.", "en", "sell", "may"),
        ("We sell aggregated statistics.", "en", "sell", "affirmed"),
        ("Vi kommer aldrig att sälja dina personuppgifter.", "sv", "sell", "negated"),
        ("Vi säljer inte dina uppgifter.", "sv", "sell", "negated"),
        ("Vi kan sälja dina uppgifter.", "sv", "sell", "may"),
        ("Vi selger ikke opplysningene dine.", "no", "sell", "negated"),
        ("Vi kan dele opplysningene dine med partnere.", "no", "share", "may"),
        ("Vi sælger aldrig dine oplysninger.", "da", "sell", "negated"),
        ("Wir verkaufen Ihre Daten nicht an Dritte.", "de", "sell", "negated"),
        ("Wir können Ihre Daten an Werbepartner verkaufen.", "de", "sell", "may"),
        ("Nous ne vendons jamais vos données.", "fr", "sell", "negated"),
        ("Nous pouvons partager vos données avec nos partenaires.", "fr", "share", "may"),
        ("No vendemos sus datos personales.", "es", "sell", "negated"),
        ("Podemos compartir sus datos con terceros.", "es", "share", "may"),
        ("我们不会向任何第三方出售您的个人信息。", "zh-Hans", "sell", "negated"),
        ("我们可能向合作伙伴出售您的个人信息。", "zh-Hans", "sell", "may"),
        ("本應用不會出售您的個人資訊。", "zh-Hant", "sell", "negated"),
        ("本應用可能出售您的個人資訊。", "zh-Hant", "sell", "may"),
    ],
)
def test_polarity_of_actions(text: str, language: str, action: str, state: str) -> None:
    assert extract_facts(text, language).polarity_states(action) == {state}


def test_not_limited_to_is_not_a_negation() -> None:
    facts = extract_facts("We share data including, but not limited to, your e-mail address.", "en")
    assert facts.polarity_states("share") == {"affirmed"}


@pytest.mark.parametrize(
    ("text", "language", "ages"),
    [
        ("We do not knowingly collect data from children under 13.", "en", (13,)),
        ("If you are under the age of 16, ask a parent.", "en", (16,)),
        ("Barn under 16 år får inte registrera sig.", "sv", (16,)),
        ("我们不会收集13岁以下儿童的个人信息。", "zh-Hans", (13,)),
        ("不满十四周岁的儿童需取得监护人同意。", "zh-Hans", (14,)),
        ("若您是14周岁以下的未成年人。", "zh-Hans", (14,)),
    ],
)
def test_age_thresholds(text: str, language: str, ages: tuple[int, ...]) -> None:
    facts = extract_facts(text, language)
    assert facts.ages == ages
    assert "children" in facts.categories


@pytest.mark.parametrize(
    ("text", "language", "places"),
    [
        (
            "Vi kan overføre data til servere i Kina, Singapore eller USA.",
            "no",
            {"China", "Singapore", "United States"},
        ),
        ("Data may be transferred to servers in the United States.", "en", {"United States"}),
        ("我们会将个人信息存储在新加坡的服务器上。", "zh-Hans", {"Singapore"}),
        ("Uppgifterna kan överföras till länder utanför EU.", "sv", {"outside EU/EEA", "overseas"}),
    ],
)
def test_places_are_canonical_english(text: str, language: str, places: set[str]) -> None:
    facts = extract_facts(text, language)
    assert facts.places == places
    assert "transfer" in facts.categories


def test_the_pronoun_us_is_not_a_country() -> None:
    assert extract_facts("Contact us if you want us to transfer your data.", "en").places == frozenset()


@pytest.mark.parametrize(
    ("text", "language", "recipients"),
    [
        ("We share data with advertisers and data brokers.", "en", {"advertisers", "data brokers"}),
        ("Vi delar uppgifter med annonsörer.", "sv", {"advertisers"}),
        ("我们会与广告商共享您的信息。", "zh-Hans", {"advertisers"}),
        ("Wir geben Daten an verbundene Unternehmen weiter.", "de", {"affiliates"}),
    ],
)
def test_recipients(text: str, language: str, recipients: set[str]) -> None:
    assert recipients <= extract_facts(text, language).recipients


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("We collect fingerprints to verify your identity.", "en"),
        ("Vi samlar in fingeravtryck för att verifiera din identitet.", "sv"),
        ("Wir erheben biometrische Daten.", "de"),
        ("我们会收集您的人脸信息。", "zh-Hans"),
        ("Nous collectons des données biométriques.", "fr"),
    ],
)
def test_biometric_data_type(text: str, language: str) -> None:
    facts = extract_facts(text, language)
    assert "biometric" in facts.data_types
    assert "collection" in facts.categories


def test_rights_are_listed_in_a_rights_clause_only() -> None:
    rights = extract_facts(
        "You have the right to access, rectification, erasure and data portability, and you may "
        "withdraw your consent or lodge a complaint with a supervisory authority.",
        "en",
    ).rights
    assert {"access", "rectification", "erasure", "portability", "withdraw consent", "complaint"} <= rights
    assert extract_facts("Please keep your contact details correct.", "en").rights == frozenset()
    de = extract_facts("Sie haben das Recht auf Auskunft, Berichtigung und Löschung.", "de").rights
    assert {"access", "rectification", "erasure"} <= de


def test_breach_deadline_is_a_security_duration() -> None:
    facts = extract_facts(
        "In case of a personal data breach we will notify you without undue delay and within 72 hours.", "en"
    )
    assert [(d.days, d.category) for d in facts.durations] == [(3.0, "security")]
    assert "without undue delay" in facts.breach_states


@pytest.mark.parametrize(
    ("text", "language", "notice"),
    [
        ("If we make material changes to this policy, we will notify you by e-mail.", "en", "promised"),
        ("We may change this policy at any time without notice.", "en", "none"),
        ("Om vi ändrar denna integritetspolicy meddelar vi dig via e-post.", "sv", "promised"),
        ("本政策更新后,我们会通过弹窗通知您。", "zh-Hans", "promised"),
    ],
)
def test_change_notice(text: str, language: str, notice: str) -> None:
    assert extract_facts(text, language).change_notice == notice


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Last updated: March 3, 2024", "en"),
        ("Senast uppdaterad: 2024-01-10", "sv"),
        ("Sist oppdatert: 10. januar 2024", "no"),
        ("更新日期:2024年3月", "zh-Hans"),
        ("生效日期:2023年1月1日", "zh-Hans"),
    ],
)
def test_update_stamps(text: str, language: str) -> None:
    assert extract_facts(text, language).is_update_stamp


def test_a_long_clause_mentioning_an_update_is_not_a_stamp() -> None:
    text = "We revised our retention schedule and now keep data for five years. " * 3
    assert not extract_facts(text, "en").is_update_stamp


def test_contacts() -> None:
    facts = extract_facts("Write to privacy@example.com or call +46 8 123 456 78.", "en")
    assert "privacy@example.com" in facts.contacts
    assert any("123" in c for c in facts.contacts)


@pytest.mark.parametrize("tag", ["und", "en", "de"])
def test_a_wrong_or_missing_language_tag_falls_back_to_the_lexicon_that_fits(tag: str) -> None:
    facts = extract_facts("Vi kommer aldrig att sälja dina personuppgifter.", tag)
    assert facts.language == "sv"
    assert facts.polarity_states("sell") == {"negated"}


def test_chinese_text_tagged_english_uses_the_chinese_lexicon() -> None:
    assert extract_facts("我们将保存您的个人信息五年。", "en").durations[0].days == 1825


def test_every_language_has_a_lexicon_with_every_category() -> None:
    lexicons = all_lexicons()
    assert [lex.language for lex in lexicons] == list(LANGUAGES)
    for lex in lexicons:
        assert set(lex.categories) == {
            "retention",
            "sharing",
            "collection",
            "purpose",
            "transfer",
            "rights",
            "children",
            "security",
            "tracking",
            "changes",
            "contact",
        }, lex.language
        assert lex.negators is not None and lex.modals is not None and lex.actions


@pytest.mark.parametrize(
    ("tag", "canonical"),
    [("nb", "no"), ("nn", "no"), ("zh-Hant", "zh"), ("sv-SE", "sv"), ("xx", None), ("", None)],
)
def test_language_tags(tag: str, canonical: str | None) -> None:
    assert canonical_language(tag) == canonical


def test_an_unknown_language_has_no_lexicon() -> None:
    with pytest.raises(KeyError):
        load_lexicon("xx")


def test_a_yaml_entry_that_is_not_a_string_is_reported() -> None:
    with pytest.raises(ValueError, match="quote it"):
        _alternation(["ok", {"(?": "x)"}], cjk=False)  # type: ignore[list-item]


def test_facts_are_cached_per_text() -> None:
    assert extract_facts("We sell data.", "en") is extract_facts("We sell data.", "en")


def test_a_clause_tagged_with_the_wrong_latin_language_is_read_in_its_own() -> None:
    facts = extract_facts("We do not sell your personal information to partners or advertisers.", "sv")
    assert facts.language == "en"
    assert facts.polarity_states("sell") == {"negated"}
    assert extract_facts("Cookies and SDK.", "sv").language == "sv"  # too little to overrule the tag


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("收集个人信息类型:设备信息,运营商信息,位置信息,MAC地址,网络类型,系统版本", "zh-Hans"),
        ("We revised how we share data with partners.", "en"),
        ("Last updated", "en"),
    ],
)
def test_lines_that_only_mention_versions_or_updates_are_not_stamps(text: str, language: str) -> None:
    assert not extract_facts(text, language).is_update_stamp


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        (
            "We keep your information for no longer than is necessary for the purposes it was collected for.",
            "en",
            "collect",
        ),
        ("Uppgifterna som vi samlat in sparas inte längre än nödvändigt.", "sv", "collect"),
        ("我们收集的信息保存期限不超过实现目的所必需的时间。", "zh-Hans", "collect"),
    ],
)
def test_a_comparative_limit_is_not_a_negation(text: str, language: str, action: str):
    states = {p.state for p in extract_facts(text, language).polarity if p.action == action}
    assert "negated" not in states
