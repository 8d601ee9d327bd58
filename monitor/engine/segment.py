"""Segment: Document -> Clauses (text, section path, list marker, index, comparison key).

In: a normalised Document (normalize.py). Out: the clauses that align.py compares, in order.
Boundaries are headings, list items, paragraphs, lines that start with an enumeration marker,
and sentence ends: `. ! ? ;` in Latin text (not after abbreviations from
lexicon/abbreviations.yaml, section numbers or initials), `。` and `! ? ;` after CJK characters.
A clause's enumeration marker ("1.", "(一)", "a)", "•") is kept apart from its text so that
renumbering is not a change; a numbered heading keeps its number in the section path only.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, Final

from monitor.lang.detect import detect_language_evidence, evidence_of_clauses, normalize_hint
from monitor.lang.markers import MARKER, MARKER_ONLY, may_be_marker
from monitor.lang.schema import load_yaml
from monitor.lang.scripts import CJK, CJK_CHAR
from monitor.lang.startup_cache import compile_cached, parsed
from monitor.models import Block, Clause, Document, _new, _set

_CJK: Final = CJK
_CJK_RE: Final = CJK_CHAR
_MARKER, _MARKER_ONLY, _may_be_marker = MARKER, MARKER_ONLY, may_be_marker  # markers.py: one grammar
# Candidate sentence ends (with any closing quotes/brackets); _is_boundary decides.
_PUNCT: Final = compile_cached(r"[.!?;。]+[\"'”’»」』)\]]*")
_CLOSERS: Final = "\"'”’»」』)]"
_END_RUN: Final = ".!?;。" + _CLOSERS  # what the closing run of a sentence is made of
# Capitals a sentence may open with: ASCII, Latin-1 and Latin Extended (Č, Ć, Š, Ž, Đ, Ł, Ő ...).
_CAPITALS: Final = "A-ZÀ-Þ" + "".join(c for c in map(chr, range(0x100, 0x250)) if c.isupper())
_LATIN_NEXT: Final = compile_cached(rf"\s+[\"'“‘«(\[]?[{_CAPITALS}0-9{_CJK}]")
# A candidate end of a sentence in text without CJK: followed by what _LATIN_NEXT matches.
_LATIN_END: Final = compile_cached(f"{_PUNCT.pattern}(?={_LATIN_NEXT.pattern})")
_NUMBERED: Final = compile_cached(r"^\(?\d+(?:\.\d+)*\.$")
_NON_WORD: Final = compile_cached(r"[\W_]+")
# clause_key of ASCII text by one byte table: A-Z lowered, a-z and 0-9 kept, every other byte a space.
_ASCII_KEY: Final = bytes(
    c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 or 48 <= c <= 57 else 32 for c in range(256)
)
_SPACE_NEAR_CJK: Final = compile_cached(f" (?:(?=[{_CJK}])|(?<=[{_CJK}] ))")

LEXICON: Final = Path(__file__).resolve().parents[1] / "lang" / "data" / "abbreviations.yaml"


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """All abbreviations of every language (lower case, with their final dot)."""
    data = _abbreviation_data()
    return frozenset(
        str(a).lower() for key, words in data.items() if key != _ORDINAL_MONTHS for a in (words or ())
    )


@lru_cache(maxsize=1)
def ordinal_months() -> frozenset[str]:
    """Month names and short forms that may follow a day written "1." (lower case, no dot)."""
    return frozenset(str(m).lower() for m in _abbreviation_data().get(_ORDINAL_MONTHS) or ())


_ORDINAL_MONTHS: Final = "ordinal_months"


def _abbreviation_data() -> dict[str, Any]:
    return parsed(LEXICON.read_bytes(), _load_yaml, "abbreviations") or {}


def _load_yaml(raw: bytes) -> Any:
    return load_yaml(raw.decode("utf-8"))


def segment(doc: Document, language_hint: str | None = None, *, keys: bool = True) -> list[Clause]:
    """The clauses of a document in reading order, indexed 0..n-1. With `keys` False every
    clause's comparison key is left "" (a first version is stored, never compared, and the store
    does not keep keys: they are computed again on load)."""
    hint = normalize_hint(language_hint)
    raw: list[tuple[str, tuple[str, ...], str | None, bool]] = []
    sections: list[tuple[int, str]] = []
    pending: str | None = None  # a marker alone on its line ("1,") numbers the next block
    path: tuple[str, ...] = ()  # the titles of `sections`
    for block in doc.blocks:
        if block.kind != "heading" and _may_be_marker(block.text) and _MARKER_ONLY.match(block.text):
            pending = _join_markers(pending, block.text.strip())
            continue
        if pending:
            block = Block(block.kind, block.text, block.level, _join_markers(pending, block.marker))
            pending = None
        if block.kind == "heading":
            while sections and sections[-1][0] >= block.level:
                sections.pop()
            path = tuple(title for _, title in sections)
            marker, text = split_marker(block.text)
            raw.append((text, path, _join_markers(block.marker, marker), True))
            sections.append((block.level, block.text))
            path = (*path, block.text)
            continue
        for marker, text, label in _pieces(block):
            raw.append((text, path, marker, label))
    if pending:  # a trailing lone marker is all the text there is
        raw.append((pending, path, None, False))
    return _clauses(raw, hint, keys)


def _clauses(
    raw: list[tuple[str, tuple[str, ...], str | None, bool]], hint: str | None, keys: bool = True
) -> list[Clause]:
    texts = [r[0] for r in raw]
    # a first version's clauses are seen once: their evidence is not cached (evidence_of_clauses)
    if keys:
        found = [detect_language_evidence(text, hint) for text in texts]
    else:
        found = evidence_of_clauses(texts, hint)
    if hint is None:
        langs = _fill_weak(found)
        main = _main_language(texts, found)
        if main is not None:  # the document's own language as the hint, as a watchlist's would be
            langs = [
                lang if lang == main else detect_language_evidence(text, main)[0]
                for text, lang in zip(texts, langs, strict=True)
            ]
    else:
        langs = [lang for lang, _ in found]
    key_of = clause_key if keys else _no_key
    # new_clause's body, here: a call into the interpreter per clause saved (models.py)
    new, set_dict = _new, _set
    out: list[Clause] = []
    for i, ((text, path, marker, heading), lang) in enumerate(zip(raw, langs, strict=True)):
        c = new(Clause)
        set_dict(
            c,
            "__dict__",
            {
                "index": i,
                "text": text,
                "section": path,
                "marker": marker,
                "key": key_of(text),
                "language": lang,
                "is_heading": heading,
            },
        )
        out.append(c)
    return out


def _no_key(text: str) -> str:
    return ""


def _main_language(texts: list[str], found: list[tuple[str, bool]]) -> str | None:
    """The language most of the clearly detected text is in, when it is most of the text: close
    languages (Danish and Norwegian) share so many words that a short clause can lean the wrong way,
    and then the document's language decides, as a hint does."""
    weights: dict[str, int] = {}
    for text, (lang, clear) in zip(texts, found, strict=True):
        if clear:
            weights[lang] = weights.get(lang, 0) + len(text)
    if not weights:
        return None
    main = max(sorted(weights), key=weights.__getitem__)
    return main if 2 * weights[main] > sum(weights.values()) else None


def _fill_weak(found: list[tuple[str, bool]]) -> list[str]:
    """Without a hint, a clause too short to tell (a title, "Cookies", "第三条") takes the language
    of the nearest clause before it (else after it) that was clear, of the same script."""
    langs = [lang for lang, _ in found]
    strong = [i for i, (_, ok) in enumerate(found) if ok]
    if not strong:
        return _undetermined_filled(langs)
    for i, (lang, ok) in enumerate(found):
        if ok:
            continue
        k = bisect_left(strong, i)
        for j in [strong[x] for x in (k - 1, k) if 0 <= x < len(strong)]:
            if lang == "und" or lang.startswith("zh") == langs[j].startswith("zh"):
                langs[i] = langs[j]
                break
    return langs


def _undetermined_filled(langs: list[str]) -> list[str]:
    """A page with no clause clear enough (a heading and a table): the clauses no language was
    found for take the one most of the others lean to, when most lean to one (Latin script)."""
    leaning = [lang for lang in langs if lang != "und" and not lang.startswith("zh")]
    if not leaning or "und" not in langs:
        return langs
    top = max(sorted(set(leaning)), key=leaning.count)
    if 2 * leaning.count(top) <= len(leaning):
        return langs
    return [top if lang == "und" else lang for lang in langs]


def _join_markers(a: str | None, b: str | None) -> str | None:
    if a and b:
        return f"{a} {b}"
    return a or b


def split_marker(text: str) -> tuple[str | None, str]:
    """("1.", "Scope") from "1. Scope"; two stacked markers ("2. A) ...") are taken together.
    A marker that would leave no text is not a marker ("1." alone stays the text)."""
    markers = []
    rest = text
    for _ in range(2):
        m = _MARKER.match(rest) if _may_be_marker(rest) else None
        if not m or m.end() >= len(rest):
            break
        markers.append(m.group().strip())
        rest = rest[m.end() :]
    if not markers or not rest.strip():
        return None, text
    return " ".join(markers), rest.strip()


def _pieces(block: Block) -> tuple[tuple[str | None, str, bool], ...]:
    """(marker, sentence, is a run-in label) of one paragraph or list item."""
    if len(block.text) > _CACHED_BLOCK_CHARS:
        return _split_block.__wrapped__(block.text, block.marker)
    return _split_block(block.text, block.marker)


_CACHED_BLOCK_CHARS: Final = 4096  # a longer block is split without keeping it in the cache


@lru_cache(maxsize=8192)  # two versions of a policy (and policies from one template) share most paragraphs
def _split_block(block_text: str, block_marker: str | None) -> tuple[tuple[str | None, str, bool], ...]:
    out: list[tuple[str | None, str, bool]] = []
    # A block without CJK has none in its lines and sentences (pieces of it, joined by spaces):
    # told once here, not again for each line, sentence and fragment.
    block_latin = _is_latin(block_text)
    for i, line in enumerate(_lines(block_text)):
        marker, text = split_marker(line)
        if i == 0 and block_marker:
            marker = _join_markers(block_marker, marker)
        latin = block_latin or _is_latin(text)
        sentences = _sentences(text, True, latin)
        for j, sentence in enumerate(sentences):
            # "Co-Branded Products. We offer ...": a label that opens the paragraph is a heading
            label = j == 0 and len(sentences) > 1 and _is_run_in_label(sentence, latin)
            out.append((marker if j == 0 else None, sentence, label))
    return tuple(out)


def _lines(text: str) -> list[str]:
    """A block's lines (from single <br>s): a new clause only where a line starts with a marker."""
    if "\n" not in text:
        return [text]
    groups: list[list[str]] = []  # each clause's lines, joined once at the end: a block of
    last = ""  # 100,000 <br>-separated words grew one string by copying (quadratic)
    for line in text.split("\n"):
        if groups and not (_may_be_marker(line) and _MARKER.match(line)):
            sep = "" if _CJK_RE.match(line[:1]) and _CJK_RE.match(last) else " "
            groups[-1].append(sep + line)
            last = line[-1:] or sep or last
        else:
            groups.append([line])
            last = line[-1:]
    return ["".join(group) for group in groups]


def split_sentences(text: str, merge_fragments: bool = True) -> list[str]:
    """Sentences of one paragraph, each keeping its end punctuation; fragments too short to
    stand alone are joined to a neighbour unless `merge_fragments` is False."""
    return _sentences(text, merge_fragments, _is_latin(text))


def _is_latin(text: str) -> bool:
    """`text` holds no CJK character and no "。" (nor does any piece of it)."""
    return text.isascii() or ("。" not in text and not _CJK_RE.search(text))


def _sentences(text: str, merge_fragments: bool, latin: bool) -> list[str]:
    """split_sentences, told whether `text` is _is_latin."""
    if latin and not _inner_punctuation(text):
        return [text.strip() or text]  # what the loop below gives when no sentence ends early
    out: list[str] = []
    start = 0
    for end in _sentence_ends(text, latin):
        piece = text[start:end].strip()
        if piece:
            out.append(piece)
        start = end
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    if merge_fragments and len(out) > 1:
        return _merge_fragments(out, latin)
    return out or [text]


def _inner_punctuation(text: str) -> bool:
    """Whether `text` has a sentence's end punctuation before its closing run (". ", "?)" ...).
    Without, in text without CJK, each candidate end is followed by more punctuation, never by
    the space a sentence break needs: the text is one sentence. (str's `in` is a fast scan, the
    regex engine's scan for a character class is not.)"""
    core = text.rstrip(_END_RUN)
    return "." in core or "!" in core or "?" in core or ";" in core


def _sentence_ends(text: str, latin: bool) -> Iterator[int]:
    """Where each sentence but the last ends (after its punctuation and closing quotes); `latin`:
    the text holds no CJK character and no "。"."""
    if latin:
        # Only a candidate followed by a capital or a digit can end a sentence (see
        # _is_boundary), and the look-ahead of _LATIN_END leaves the others to the regex engine.
        for m in _matches_at_stops(_LATIN_END, text, ".!?;"):
            punct = m.group()
            if punct[0] != "." or len(punct.rstrip(_CLOSERS)) > 1 or not _is_abbreviation(text, m.start()):
                yield m.end()
        return
    n = len(text)
    for m in _matches_at_stops(_PUNCT, text, ".!?;。"):
        end = m.end()
        if end >= n:
            return
        if _is_boundary(text, m, end):
            yield end


def _matches_at_stops(pattern: re.Pattern[str], text: str, stops: str) -> Iterator[re.Match[str]]:
    """pattern.finditer(text) for a pattern (_LATIN_END, _PUNCT) whose every match starts with one
    of the characters `stops`: the pattern is tried only where str.find finds one (a fast scan;
    the regex engine's scan for a character class costs ~15 ns a character, most of a
    paragraph's splitting). _LATIN_END's stops leave out "。": the text it is asked of has none."""
    at = []
    for ch in stops:
        i = text.find(ch)
        while i >= 0:
            at.append(i)
            i = text.find(ch, i + 1)
    if len(at) > 1:
        at.sort()
    match = pattern.match
    end = 0
    for i in at:
        if i >= end:
            m = match(text, i)
            if m is not None:
                end = m.end()
                yield m


_LABEL_WORD: Final = compile_cached(r"[^\W\d_][\w’'/-]*")
LABEL_MAX_WORDS: Final = 12


def _is_run_in_label(sentence: str, latin: bool = False) -> bool:
    """A paragraph's opening label in title case ("Users Accessing the Service through a Partner
    App."): at most twelve words, the longer ones nearly all capitalised. Read as a statement it
    would be added or removed as one, and take its section's topic; it is a heading. `latin`:
    the sentence is known to hold no CJK (a piece of an _is_latin text)."""
    if sentence.isascii() and _over_label_words(sentence):
        return False
    # the words up to one past the limit: a long sentence is not scanned to its end
    words = [m.group() for m in islice(_LABEL_WORD.finditer(sentence), LABEL_MAX_WORDS + 1)]
    if not words or len(words) > LABEL_MAX_WORDS or not words[0][0].isupper():
        return False
    if not latin and not sentence.isascii() and _CJK_RE.search(sentence):
        return False
    longer = [w for w in words if len(w) >= 4]
    if len(longer) < 2:
        return False
    if any(w in _GERMAN_STATEMENT_WORDS or w.lower() in _GERMAN_PRONOUNS for w in words):
        return False  # "Sie haben das Recht auf Auskunft, Berichtigung ...": German capitalises nouns
    return 4 * sum(w[0].isupper() for w in longer) >= 3 * len(longer)


def _over_label_words(sentence: str) -> bool:
    """Whether ASCII `sentence` surely has more than LABEL_MAX_WORDS words (_LABEL_WORD matches),
    told without the regex: each of its first LABEL_MAX_WORDS + 1 space-separated pieces holds a
    letter (lower() and upper() differ: in ASCII only letters are cased), and no match spans a
    space, so each holds a word of its own. Most opening sentences are longer than a label."""
    pieces = sentence.split(None, LABEL_MAX_WORDS + 1)
    if len(pieces) <= LABEL_MAX_WORDS + 1:
        return False
    first = pieces[: LABEL_MAX_WORDS + 1]
    return all(map(str.__ne__, map(str.lower, first), map(str.upper, first)))  # no generator frames


# German writes every noun with a capital, so its statements look like title case ("Wir empfehlen
# Ihnen Inhalte ..."): a sentence with a German verb of being, having or may/must, or a pronoun
# that speaks to or for someone, states something and is never a title-case label.
_GERMAN_STATEMENT_WORDS: Final = frozenset(
    "ist sind wird werden wurde wurden haben hat hatte kann können darf dürfen muss müssen soll"
    " sollen nicht".split()
)
_GERMAN_PRONOUNS: Final = frozenset("wir sie ihnen ich du".split())


def _is_fragment(sentence: str, latin: bool = False) -> bool:
    """A lead-in label ("Logginformation.", "Cookies.") or an interjection ("Done!") is too
    short to be a clause of its own: it would be added or removed alone. `latin`: the sentence
    is known to hold no CJK."""
    # isascii is O(1), the search is not
    if not latin and not sentence.isascii() and _CJK_RE.search(sentence):
        return len(sentence) < 6
    return sentence.count(" ") < 3


def _merge_fragments(sentences: list[str], latin: bool = False) -> list[str]:
    out: list[str] = []
    carry = ""
    for s in sentences:
        s = f"{carry} {s}" if carry and not _CJK_RE.match(s[:1]) else carry + s
        carry = ""
        if _is_fragment(s, latin):
            carry = s
        else:
            out.append(s)
    if carry:
        if out:
            sep = "" if _CJK_RE.match(carry[:1]) else " "
            out[-1] = out[-1] + sep + carry
        else:
            out.append(carry)
    return out


def _is_boundary(text: str, m: re.Match[str], end: int) -> bool:
    punct = m.group()
    if "。" in punct:
        return True
    before = text[m.start() - 1] if m.start() else ""
    if before and _CJK_RE.match(before):
        return True
    nxt = _LATIN_NEXT.match(text, end)
    if not nxt:
        return bool(_CJK_RE.match(text[end : end + 1])) and punct[0] != "."
    if punct[0] != "." or len(punct.rstrip(_CLOSERS)) > 1:
        return True
    return not _is_abbreviation(text, m.start())


_NUMBER_NEXT: Final = compile_cached(r"\s+\d")
_OPENERS: Final = frozenset("“\"«‘„‚'[")
_ORDINAL_DATE: Final = compile_cached(r"\s+[^\W\d_]{3,12}\.?\s+(?:19|20)\d\d(?!\d)")
# an ordinal after its article or a possessive: "sofern Sie das 13. Lebensjahr noch nicht
# vollendet haben", "ab ihrem 16. Lebensjahr", "vor Vollendung seines 18. Geburtstags"; Danish and
# Norwegian "det fyldte 15. år"
_ORDINAL_ARTICLE: Final = compile_cached(
    r"(?:^|\s)(?:das|des|dem|den|am|im|zum|zur|vom|beim"
    r"|(?:ihr|sein|dein|unser|euer|eur)(?:e[mnrs]?)?|vollendete[mnrs]?|det|fyldte|fylte)\s+$",
    re.IGNORECASE,
)


_NEXT_WORD: Final = compile_cached(r"\s+([^\W\d_]{3,12})\b")


def _month_next(text: str, at: int) -> bool:
    """The word at `at` (after spaces) is a month's name or short form."""
    m = _NEXT_WORD.match(text, at)
    return m is not None and m.group(1).lower() in ordinal_months()


# articles and prepositions written into the next word ("l'art.", "d'env.", "dell'art."); not a
# possessive ("Greetings's.", "API’s."), whose "s." is no abbreviation
_ELIDED_ARTICLES: Final = frozenset({"l", "d", "qu", "dell", "all", "dall", "nell", "sull"})


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation, an initial or a section number."""
    space = text.rfind(" ", 0, dot)
    # "(" is looked for after the space only: searching back to the page's start for each full
    # stop made a long paragraph without brackets quadratic.
    word_start = max(space, text.rfind("(", space + 1, dot)) + 1
    token = text[word_start : dot + 1].lower()
    if token in abbreviations():
        return True
    elided = max(token.rfind("'"), token.rfind("’"))
    if elided > 0 and token[:elided] in _ELIDED_ARTICLES and token[elided + 1 :] in abbreviations():
        return True  # an abbreviation after an elided article: "l'art. L. 123-22", "dell'art. 6"
    joined = token.rfind("-")
    if joined > 0 and "." in token[joined + 1 : -1] and token[joined + 1 :] in abbreviations():
        return True  # a compound ending in a dotted short form: "EU-U.S. Data Privacy Framework"
    core = token[:-1]
    if core.isalpha():  # a word (most full stops): only the two tests below can hold for it
        if len(core) == 1:
            return True  # an initial: "J. Smith", "M. Dupont"
        return 2 <= len(core) <= 3 and core.islower() and _NUMBER_NEXT.match(text, dot + 1) is not None
    if "." in core and all(part.isalpha() and len(part) <= 2 for part in core.split(".")):
        return True  # dotted short forms not listed: "u.s.a.", "o.s.v."
    if core[:1] in _OPENERS and core[1:].isdigit():
        return True  # a quoted numbered heading: 'as described in “4. Sharing”'
    if core.isdigit() and len(core) <= 2 and _ORDINAL_DATE.match(text, dot + 1):
        return True  # an ordinal date in any language: "3. Mai 2024", "24. december 2023"
    if core.isdigit() and len(core) <= 2 and _month_next(text, dot + 1):
        return True  # a day and its month, no year: "ab dem 1. Jan. des Folgejahres"
    article = _ORDINAL_ARTICLE.search(text, max(0, word_start - 16), word_start)
    if core.isdigit() and len(core) <= 2 and article:
        return True  # "das 16. Lebensjahr": an ordinal, the sentence goes on
    if 2 <= len(core) <= 3 and core.isalpha() and core.islower() and _NUMBER_NEXT.match(text, dot + 1):
        return True  # a short lower-case word before a number is a unit or a "No.": "št. 130/22"
    # "see section 4.2. Further": a multi-level number; "under Art. 6. Next" does end a sentence.
    return bool(_NUMBERED.match(token)) and "." in core


@lru_cache(maxsize=8192)  # two versions of a policy share most clauses
def clause_key(text: str) -> str:
    """The comparison key: text folded (case, punctuation, spacing) so equal keys mean same clause."""
    if text.isascii():  # NFKC already; casefold lowers A-Z; \W and "_" are all but a-z and 0-9
        return " ".join(text.encode("ascii").translate(_ASCII_KEY).decode("ascii").split())
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    key = _NON_WORD.sub(" ", text.casefold()).strip()
    return key if key.isascii() else _SPACE_NEAR_CJK.sub("", key)
