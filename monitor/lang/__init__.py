"""Languages: what is said in which language, as data.

- `detect.py`  which language a clause or a document is in (ISO 639-1 codes, "und" when unsure).
- `lexicon.py` loads `data/<lang>.yaml`, the per-language words and patterns the engine reads.
- `scripts.py` the character classes of scripts (CJK: Han, kana, Hangul, CJK punctuation), once.
- `markers.py` the list-marker grammar ("1.", "(a)", "第三条", "•") that normalise and segment share.
- `data/`      one YAML file per supported language, plus `abbreviations.yaml` for the segmenter.
Adding a language is one new file in `data/` (and its detection words).
"""
