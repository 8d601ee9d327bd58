"""Languages: what is said in which language, as data.

- `detect.py`  which language a clause or a document is in (ISO 639-1 codes, "und" when unsure).
- `lexicon.py` loads `data/<lang>.yaml`, the per-language words and patterns the engine reads.
- `data/`      one YAML file per supported language, plus `abbreviations.yaml` for the segmenter.
Adding a language is one new file in `data/` (and its detection words).
"""
