"""Segment: Documents -> Clauses with markers, section paths, keys and languages.

What users rely on: a change report names the one sentence that changed, under the right
section, and renumbering or reformatting a policy is not reported as a change.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from corpus import SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from monitor.engine.segment import abbreviations, clause_key, segment, split_marker, split_sentences
from monitor.errors import InputError
from monitor.extract.normalize import normalize, normalize_text
from monitor.models import Block, Document


def text_doc(text: str) -> Document:
    return normalize(text.encode("utf-8"), "text/plain")


def seed(prefix: str) -> Path:
    return next(s for s in SEEDS if s.name.startswith(prefix))


# --- markers ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "marker", "rest"),
    [
        ("一、我们如何收集", "一、", "我们如何收集"),
        ("(一)词语释义", "(一)", "词语释义"),
        ("（一）词语释义", "(一)", "词语释义"),
        ("(1)保障服务", "(1)", "保障服务"),
        ("1.適用範圍", "1.", "適用範圍"),
        ("1. Scope", "1.", "Scope"),
        ("1. Marketing", "1.", "Marketing"),
        ("1.1 Definitions", "1.1", "Definitions"),
        ("1.1.2 Cookies", "1.1.2", "Cookies"),
        ("1) first", "1)", "first"),
        ("A) first", "A)", "first"),
        ("a) first", "a)", "first"),
        ("(a) first", "(a)", "first"),
        ("(iv) fourth", "(iv)", "fourth"),
        ("①收集", "(1)", "收集"),
        ("1, första punkten", "1,", "första punkten"),
        ("第一条 本政策适用", "第一条", "本政策适用"),
        ("§ 3 Daten", "§ 3", "Daten"),
        ("Section 3. Sharing", "Section 3.", "Sharing"),
        ("• bullet", "•", "bullet"),
        ("· middle dot", "·", "middle dot"),
        ("‧ hyphenation point", "‧", "hyphenation point"),
        ("▪ square", "▪", "square"),
        ("◦ circle", "◦", "circle"),
        ("- dash", "-", "dash"),
        ("* star", "*", "star"),
        ("– en dash", "–", "en dash"),
        ("2. A) När du registrerar", "2. A)", "När du registrerar"),
        ("B)Kaayee tillåter inte", "B)", "Kaayee tillåter inte"),
    ],
)
def test_every_numbering_scheme_is_split_off(line: str, marker: str, rest: str) -> None:
    assert split_marker(normalize_text(line)) == (marker, rest)


@pytest.mark.parametrize(
    "line",
    [
        "1.5 million users are counted",
        "2024 was a good year",
        "1.",
        "e-mail us",
        "-5 degrees",
        "Section 3 applies to all users.",
        "Article 6 GDPR is our legal basis.",
        "30. juni 2024 oppdaterte vi erklæringen.",
        "1. Januar 2024 trat die Fassung in Kraft.",
        "15. mars 2024 uppdaterades policyn.",
    ],
)
def test_numbers_that_are_not_markers_stay_in_the_text(line: str) -> None:
    assert split_marker(line) == (None, line)


def test_renumbering_is_not_a_change_of_key() -> None:
    old = segment(text_doc("1. We keep logs.\n2. We delete them.\n(a) on request"))
    new = segment(text_doc("3) We keep logs.\n4) We delete them.\n(b) on request"))
    assert [c.key for c in old] == [c.key for c in new]
    assert [c.marker for c in old] == ["1.", "2.", "(a)"] and [c.marker for c in new] == ["3)", "4)", "(b)"]
    assert [c.text for c in old] == ["We keep logs.", "We delete them.", "on request"]


def test_a_marker_alone_on_its_line_numbers_the_next_line() -> None:
    clauses = segment(
        text_doc("1,\nSafe and reliable: we protect your data.\n2,\nSelf-selection: you choose.\n3.")
    )
    assert [(c.marker, c.text) for c in clauses] == [
        ("1,", "Safe and reliable: we protect your data."),
        ("2,", "Self-selection: you choose."),
        (None, "3."),
    ]


def test_list_markers_from_html_are_kept_apart() -> None:
    page = (
        b"<html><body><main><ol start='2'><li>We share with partners.</li><li>We sell nothing.</li></ol>"
        b"</main></body></html>"
    )
    clauses = segment(normalize(page, "text/html"))
    assert [(c.marker, c.text) for c in clauses] == [
        ("2.", "We share with partners."),
        ("3.", "We sell nothing."),
    ]


def test_single_line_breaks_split_only_before_a_marker() -> None:
    page = b"<html><body><p>We collect:<br>(1) your name;<br>(2) your e-mail and<br>your phone.</p></body>"
    clauses = segment(normalize(page, "text/html"))
    assert [(c.marker, c.text) for c in clauses] == [
        (None, "We collect:"),
        ("(1)", "your name;"),
        ("(2)", "your e-mail and your phone."),
    ]


# --- sentences --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "We use e.g. cookies. We also use i.e. pixels, etc. Then we stop.",
            ["We use e.g. cookies.", "We also use i.e. pixels, etc. Then we stop."],
        ),
        (
            "Example Inc. and Example Ltd. Share data. No. 5 applies.",
            ["Example Inc. and Example Ltd. Share data.", "No. 5 applies."],
        ),
        (
            "Vi använder bl.a. kakor, t.ex. Google. Vi delar dvs. inget, m.m. Klart.",
            ["Vi använder bl.a. kakor, t.ex. Google.", "Vi delar dvs. inget, m.m. Klart."],
        ),
        (
            "Vi bruker f.eks. informasjonskapsler, mv. Og o.l. Ting. Vi lagrer dem.",
            ["Vi bruker f.eks. informasjonskapsler, mv. Og o.l. Ting.", "Vi lagrer dem."],
        ),
        (
            "Vi bruger f.eks. cookies, bl.a. til statistik. Det sker jf. loven.",
            ["Vi bruger f.eks. cookies, bl.a. til statistik.", "Det sker jf. loven."],
        ),
        (
            "Usamos p.ej. cookies según el art. 6. Los datos se guardan aquí.",
            ["Usamos p.ej. cookies según el art. 6.", "Los datos se guardan aquí."],
        ),
        (
            "Wir nutzen z.B. Cookies. Das ist d.h. gut, usw. Nr. 5 gilt bzw. Abs. 2. Ende.",
            ["Wir nutzen z.B. Cookies.", "Das ist d.h. gut, usw. Nr. 5 gilt bzw. Abs. 2.", "Ende."],
        ),
        # "ff." (and the following ones) in a legal citation ends no sentence
        (
            "Ihre Rechte folgen aus §§ 32 ff. BDSG und gelten immer. Fragen Sie uns.",
            ["Ihre Rechte folgen aus §§ 32 ff. BDSG und gelten immer.", "Fragen Sie uns."],
        ),
        (
            "Reglerne i §§ 4 ff. Databeskyttelsesloven gælder også her. Spørg os gerne.",
            ["Reglerne i §§ 4 ff. Databeskyttelsesloven gælder også her.", "Spørg os gerne."],
        ),
        (
            "Enligt artikel 12 ff. Dataskyddsförordningen har du rätt till insyn. Fråga oss.",
            ["Enligt artikel 12 ff. Dataskyddsförordningen har du rätt till insyn.", "Fråga oss."],
        ),
        (
            "Etter artikkel 12 ff. Personvernforordningen har du rett til innsyn. Spør oss.",
            ["Etter artikkel 12 ff. Personvernforordningen har du rett til innsyn.", "Spør oss."],
        ),
        (
            "Nous utilisons p.ex. des cookies. M. Dupont et Mme Martin. Fin.",
            ["Nous utilisons p.ex. des cookies.", "M. Dupont et Mme Martin.", "Fin."],
        ),
        (
            "See section 4.2. Further text. Art. 6 GDPR applies. Version 1.5 is here.",
            ["See section 4.2. Further text.", "Art. 6 GDPR applies.", "Version 1.5 is here."],
        ),
        (
            "Mail privacy@example.com. Visit https://example.com/a.b. Thanks!",
            ["Mail privacy@example.com.", "Visit https://example.com/a.b.", "Thanks!"],
        ),
        (
            'Data is kept 3 years; We delete it after; then nothing. Done! Really? "Yes." (Indeed.)',
            [
                "Data is kept 3 years;",
                "We delete it after; then nothing.",
                "Done!",
                "Really?",
                '"Yes."',
                "(Indeed.)",
            ],
        ),
        ("The company is Example AB. We are here.", ["The company is Example AB.", "We are here."]),
        # a short lower-case word before a number is an unlisted "No." in some language
        (
            "Zakon je objavljen v Ur. l. RS, št. 44/21 in velja. Druga poved.",
            ["Zakon je objavljen v Ur. l. RS, št. 44/21 in velja.", "Druga poved."],
        ),
        (
            "Zakon (Narodne novine, br. 12/19) vrijedi. Kraj.",
            ["Zakon (Narodne novine, br. 12/19) vrijedi.", "Kraj."],
        ),
        # a sentence may open with a capital from Latin Extended (Croatian, Slovenian, Polish ...)
        (
            "Brišemo ih nakon godinu dana. Čuvamo samo račune. Šaljemo ih banci. Łączymy je. Živimo tu.",
            [
                "Brišemo ih nakon godinu dana.",
                "Čuvamo samo račune.",
                "Šaljemo ih banci.",
                "Łączymy je.",
                "Živimo tu.",
            ],
        ),
        ("Jedan je ovdje. ćao svima.", ["Jedan je ovdje. ćao svima."]),  # lower case opens nothing
    ],
)
def test_latin_sentences_split_but_not_after_abbreviations(text: str, sentences: list[str]) -> None:
    assert split_sentences(text, merge_fragments=False) == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "我们收集信息。我们不会出售！你同意吗？是的；好的",
            ["我们收集信息。", "我们不会出售!", "你同意吗?", "是的;", "好的"],
        ),
        ("本政策适用于“每开平台”。“本平台”指应用。", ["本政策适用于“每开平台”。", "“本平台”指应用。"]),
        ("我們不會出售您的資訊。除非您同意。", ["我們不會出售您的資訊。", "除非您同意。"]),
        ("版本1.5已发布,详见第4.2条。谢谢", ["版本1.5已发布,详见第4.2条。", "谢谢"]),
        (
            "我们使用Google Analytics。We also use cookies. 好的。",
            ["我们使用Google Analytics。", "We also use cookies.", "好的。"],
        ),
    ],
)
def test_cjk_sentences_split_on_full_and_folded_punctuation(text: str, sentences: list[str]) -> None:
    assert split_sentences(normalize_text(text), merge_fragments=False) == sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Biometriska uppgifter. Vi samlar in ansiktsbilder och fingeravtryck för att verifiera dig.",
            ["Biometriska uppgifter. Vi samlar in ansiktsbilder och fingeravtryck för att verifiera dig."],
        ),
        ("We keep your data for two years. Done!", ["We keep your data for two years. Done!"]),
        (
            "Cookies. We use them to remember you. We never sell them.",
            ["Cookies. We use them to remember you.", "We never sell them."],
        ),
        ("好的。我们不会出售您的个人信息。", ["好的。我们不会出售您的个人信息。"]),
        ("Short. Also short.", ["Short. Also short."]),
    ],
)
def test_fragments_too_short_to_stand_alone_join_a_neighbour(text: str, sentences: list[str]) -> None:
    assert split_sentences(text) == sentences


def test_abbreviations_come_from_the_lexicon_for_each_language() -> None:
    abbr = abbreviations()
    for a in ("e.g.", "bl.a.", "t.ex.", "f.eks.", "z.b.", "p.ex.", "mv.", "usw."):
        assert a in abbr


# --- sections and headings --------------------------------------------------------------------------


def test_seed_002_section_paths_follow_the_chinese_numbering() -> None:
    clauses = segment(normalize(seed("002").read_bytes(), "text/plain"))
    storage = [c for c in clauses if c.section and c.section[0] == "七、我们如何存储个人信息"]
    assert storage and all(not c.is_heading or len(c.section) > 0 for c in storage)
    heading = next(
        c for c in clauses if c.is_heading and c.text == "我们如何存储个人信息" and c.marker == "七、"
    )
    assert heading.section == ()
    sub = next(c for c in clauses if c.is_heading and c.text == "词语释义")
    assert sub.section == ("一、我们如何收集和使用个人信息",) and sub.marker == "(一)"
    under_sub = clauses[sub.index + 1]
    assert under_sub.section == ("一、我们如何收集和使用个人信息", "(一)词语释义")


def test_a_table_of_contents_is_a_list_not_a_section() -> None:
    text = "本政策将帮助您了解以下内容:\n一、收集\n二、共享\n三、存储\n前言段落。\n一、收集\n我们收集信息。\n"
    clauses = segment(text_doc(text))
    assert [(c.text, c.section_path, c.is_heading) for c in clauses] == [
        ("本政策将帮助您了解以下内容:", None, False),
        ("收集", None, False),
        ("共享", None, False),
        ("存储", None, False),
        ("前言段落。", None, False),
        ("收集", None, True),
        ("我们收集信息。", "一、收集", False),
    ]


def test_chinese_numbering_nests_and_the_english_half_starts_again() -> None:
    text = (
        "一、我们如何收集信息\n(一)词语释义\n1.注册账号\n我们收集手机号。\n(二)目的\n我们使用信息。\n"
        "1. How we collect information\n1.1. Definitions\nWe collect your phone number.\n"
    )
    paths = [(c.text, c.section_path) for c in segment(text_doc(text)) if not c.is_heading]
    assert paths == [
        ("我们收集手机号。", "一、我们如何收集信息 > (一)词语释义 > 1.注册账号"),
        ("我们使用信息。", "一、我们如何收集信息 > (二)目的"),
        ("We collect your phone number.", "1. How we collect information > 1.1. Definitions"),
    ]


def test_heading_hierarchy_from_html_levels() -> None:
    page = (
        b"<html><body><main><h1>Policy</h1><h2>Your Rights</h2><h3>Deletion</h3><p>Ask us.</p>"
        b"<h2>Contact</h2><p>Write.</p></main></body></html>"
    )
    clauses = segment(normalize(page, "text/html"))
    assert [(c.text, c.section_path, c.is_heading) for c in clauses] == [
        ("Policy", None, True),
        ("Your Rights", "Policy", True),
        ("Deletion", "Policy > Your Rights", True),
        ("Ask us.", "Policy > Your Rights > Deletion", False),
        ("Contact", "Policy", True),
        ("Write.", "Policy > Contact", False),
    ]


def test_numbered_plain_text_headings_keep_the_number_in_the_path_only() -> None:
    doc = text_doc("1. Scope\nWe apply to the app.\n2. Sharing\n2.1 Partners\nWe share with partners.\n")
    clauses = segment(doc)
    assert [(c.marker, c.text, c.section_path, c.is_heading) for c in clauses] == [
        ("1.", "Scope", None, True),
        (None, "We apply to the app.", "1. Scope", False),
        ("2.", "Sharing", None, True),
        ("2.1", "Partners", "2. Sharing", True),
        (None, "We share with partners.", "2. Sharing > 2.1 Partners", False),
    ]


def test_indexes_are_positions() -> None:
    text = "A title\n\nWe keep it safe. We keep it short. We keep it here.\n\n- four\n- five"
    clauses = segment(text_doc(text))
    assert [c.index for c in clauses] == list(range(len(clauses))) and len(clauses) == 6


_PIECES = st.sampled_from(
    ["We keep data", "e.g.", "etc.", ". ", "! ", "? ", "; ", "。", "!", "我们", "保存", "1. ", "(a) ",
     "一、", "(一)", "\n", "\n\n", " ", "A) ", "• ", "4.2. ", "Vi", "bl.a.", "“", "”", "Inc. ", "x"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=40).map("".join))
def test_segmenting_loses_and_invents_no_text(text: str) -> None:
    """Markers and clause texts, in order, hold exactly the characters of the document."""
    try:
        doc = text_doc(text)
    except InputError:  # empty or whitespace-only input is refused upstream
        return
    clauses = segment(doc)
    got = "".join((c.marker or "") + c.text for c in clauses)
    assert "".join(got.split()) == "".join(doc.text.split())
    assert [c.index for c in clauses] == list(range(len(clauses)))


# --- keys -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("We do not sell your data.", "We do NOT sell your data"),
        ("“Personal data” means…", '"personal data" means...'),
        ("We  keep\u00a0data , for 3 years .", "We keep data, for 3 years."),
        ("我们，不会（出售）数据。", "我们,不会(出售)数据"),
        ("我们 不会 出售", "我们不会出售"),
    ],
)
def test_key_ignores_case_quotes_spacing_and_punctuation(a: str, b: str) -> None:
    assert clause_key(a) == clause_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [("kept for 1.5 years", "kept for 15 years"), ("we sell", "we do not sell"), ("3 years", "30 years")],
)
def test_key_keeps_words_and_numbers_apart(a: str, b: str) -> None:
    assert clause_key(a) != clause_key(b)


def test_key_is_idempotent_on_its_own_output() -> None:
    k = clause_key("We keep “data” for 1.5 years; 我们 保存。")
    assert clause_key(k) == k


# --- edits show up as one clause ----------------------------------------------------------------------


def _changed(old: str, new: str) -> tuple[list[str], list[str]]:
    a = Counter(c.key for c in segment(text_doc(old)))
    b = Counter(c.key for c in segment(text_doc(new)))
    return sorted((a - b).elements()), sorted((b - a).elements())


def test_a_one_word_edit_in_a_long_paragraph_changes_exactly_one_clause() -> None:
    text = seed("002").read_text(encoding="utf-8")
    lines = text.splitlines()
    k = max(range(len(lines)), key=lambda i: (lines[i].isascii(), len(lines[i])))
    words = lines[k].split(" ")
    words[len(words) // 2] = "substantially"
    edited = "\n".join(lines[:k] + [" ".join(words)] + lines[k + 1 :])
    removed, added = _changed(text, edited)
    assert len(removed) == 1 and len(added) == 1
    assert "substantially" in added[0]


def test_a_one_character_edit_in_a_long_chinese_paragraph_changes_one_clause() -> None:
    text = seed("002").read_text(encoding="utf-8")
    lines = text.splitlines()
    k = max(range(len(lines)), key=lambda i: (not lines[i].isascii(), len(lines[i])))
    assert lines[k].count("。") > 2
    assert "数据" in lines[k]
    edited_line = lines[k].replace("数据", "资料", 1)
    edited = "\n".join(lines[:k] + [edited_line] + lines[k + 1 :])
    removed, added = _changed(text, edited)
    assert len(removed) == 1 and len(added) == 1


@pytest.mark.parametrize("path", SEEDS, ids=[s.name[:3] for s in SEEDS])
def test_seed_clauses_are_non_empty_and_languages_are_known(path: Path) -> None:
    clauses = segment(normalize(path.read_bytes(), "text/plain"))
    assert clauses and all(c.text.strip() and c.key for c in clauses)
    assert all(c.language != "und" for c in clauses)


def test_block_marker_and_inline_marker_are_joined() -> None:
    doc = Document(blocks=(Block("item", "(a) first thing", 1, "3."),))
    (clause,) = segment(doc)
    assert clause.marker == "3. (a)" and clause.text == "first thing"


def test_language_hint_applies_to_clauses_without_evidence() -> None:
    doc = text_doc("Kontakt\n\nVi behandlar dina personuppgifter och delar dem inte med andra.")
    assert [c.language for c in segment(doc)] == ["sv", "sv"]
    assert segment(text_doc("OK"), language_hint="nb")[0].language == "no"


def test_a_repeated_paragraph_keeps_its_own_marker() -> None:
    text = "We share data with processors. They act on our instructions."
    one = segment(Document(blocks=(Block("item", text, 1, "1."),)))
    two = segment(Document(blocks=(Block("item", text, 1, "2."), Block("paragraph", text))))
    assert [(c.marker, c.text) for c in one] == [
        ("1.", "We share data with processors."),
        (None, "They act on our instructions."),
    ]
    assert [c.marker for c in two] == ["2.", None, None, None]


def test_a_paragraph_longer_than_the_cache_limit_is_split_alike() -> None:
    sentence = "We keep the logs of your visits for ninety days. "
    long_text = (sentence * 100).strip()  # about 5,000 characters
    clauses = segment(Document(blocks=(Block("paragraph", long_text),)))
    assert len(clauses) == 100 and {c.text for c in clauses} == {sentence.strip()}


def test_lines_of_a_block_join_into_one_clause_with_cjk_kept_tight() -> None:
    # joined once at the end: a block of 100,000 <br>-separated words used to grow by copying
    from monitor.engine.segment import _lines

    assert _lines("word\n" * 3 + "word") == ["word word word word"]
    assert _lines("我们\n保存\nyour data\n\n1. Next item") == ["我们保存 your data ", "1. Next item"]
    assert _lines("\nfirst") == [" first"]
    many = "\n".join(["w"] * 100_000)
    assert _lines(many) == [" ".join(["w"] * 100_000)]


@pytest.mark.parametrize(
    "text",
    [
        "Les factures sont gardées dix ans selon l'art. L. 123-22 du Code de commerce.",
        "I dati sono trattati ai sensi dell'art. 6 del regolamento.",
        "Voir l’art. 9 pour les données sensibles.",
    ],
)
def test_an_abbreviation_after_an_elided_article_ends_no_sentence(text: str) -> None:
    assert split_sentences(text, merge_fragments=False) == [text]


def test_a_possessive_before_a_full_stop_still_ends_the_sentence() -> None:
    text = "Their cookies follow their own rules, not Northwind's. Other partners may differ."
    assert split_sentences(text, merge_fragments=False) == [
        "Their cookies follow their own rules, not Northwind's.",
        "Other partners may differ.",
    ]
