"""The lexicon schema: every language names every canonical concept; a misspelt or unknown key in
a lexicon file is an error that names the file and the line, never silently dropped."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from monitor.lang.lexicon import LANGUAGES, LEXICON_DIR, load_lexicon
from monitor.lang.schema import CONCEPTS, LexiconError, missing_concepts, validate


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_language_names_every_canonical_concept(lang: str) -> None:
    data = yaml.safe_load((LEXICON_DIR / f"{lang}.yaml").read_text(encoding="utf-8"))
    assert missing_concepts(data) == {}, f"{lang}.yaml lacks concepts"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_lexicon_file_follows_the_schema_and_loads(lang: str) -> None:
    path = LEXICON_DIR / f"{lang}.yaml"
    text = path.read_text(encoding="utf-8")
    validate(yaml.safe_load(text), path, text)
    lex = load_lexicon(lang)
    assert set(lex.recipients) == CONCEPTS["recipients"]
    assert lex.conjunctions  # list joiners come from the file, not from the engine's code


def _copy_with(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    text = (LEXICON_DIR / "fr.yaml").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path = tmp_path / "fr.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_a_misspelt_top_level_key_names_file_line_and_the_likely_key(tmp_path: Path) -> None:
    path, text = _copy_with(tmp_path, "\nrecipients:\n", "\nrecipents:\n")
    line = text.split("\n").index("recipents:") + 1
    with pytest.raises(LexiconError) as err:
        validate(yaml.safe_load(text), path, text)
    assert f"fr.yaml:{line}:" in str(err.value)
    assert "did you mean 'recipients'" in str(err.value)


def test_a_misspelt_concept_is_an_error_too(tmp_path: Path) -> None:
    path, text = _copy_with(tmp_path, "\n  insurers:\n", "\n  insurer:\n")
    with pytest.raises(LexiconError, match=r'fr\.yaml:\d+: unknown recipients concept "insurer"'):
        validate(yaml.safe_load(text), path, text)


def test_a_value_of_the_wrong_shape_is_an_error(tmp_path: Path) -> None:
    path, text = _copy_with(tmp_path, "\ncjk: false\n", "\ncjk: [false]\n")
    with pytest.raises(LexiconError, match=r'fr\.yaml:\d+: "cjk" must be true or false'):
        validate(yaml.safe_load(text), path, text)


def test_a_missing_concept_is_reported_by_language_and_section() -> None:
    data = yaml.safe_load((LEXICON_DIR / "de.yaml").read_text(encoding="utf-8"))
    del data["rights"]["human review"]
    assert missing_concepts(data) == {"rights": ["human review"]}
