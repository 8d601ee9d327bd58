"""What part of a page a clause is: a heading, a name, an address, a table's head row, a list
item, a copyright line, a pointer elsewhere, a description of the policy itself.

In: a Clause (and its facts). Out: yes/no answers and the section's categories; none of these is a
statement of terms on its own.
"""

from __future__ import annotations

import re
from typing import Final

from monitor.engine.classify.textwords import _HAN_RE, _WORD, _has_han, _unexcepted
from monitor.engine.facts import ClauseFacts, Polarity, extract_facts, pick_lexicon
from monitor.engine.segment import split_sentences
from monitor.lang import caseless
from monitor.lang.lexicon import Lexicon
from monitor.lang.startup_cache import compile_cached
from monitor.models import MATERIAL_CATEGORIES, Clause


def _disclaims_liability(text: str, lex: Lexicon) -> bool:
    """The sentence denies the service's liability ("we accept no liability for", "keine
    Haftung"), and no other negator: the data it names is what the denial covers, not what the
    service does with it."""
    pattern = lex.liability_disclaimers
    if pattern is None or not caseless.search(pattern, text):
        return False
    # "we do not sell your data and are not liable for ...": a ban beside the denial still stands
    # ("unless the law requires it", "including but not limited to" negate nothing)
    rest = _unexcepted(pattern.sub(" ", text), lex)
    return lex.negators is None or not caseless.search(lex.negators, rest)


RECIPIENT_CATEGORIES = frozenset({"sharing", "transfer"})


def _names_nothing_done(facts: ClauseFacts) -> bool:
    """The clause names no recipient, kind of data, use, place, period or verb of ours: what a
    denial of liability added covers is only the service itself."""
    named = facts.recipients or facts.data_types or facts.purposes or facts.places or facts.ruled_out
    return not (named or facts.durations or facts.polarity)


POINTER_MAX_WORDS = 20
DESCRIPTION_MAX_WORDS = 40


def _describes_the_policy(clause: Clause, facts: ClauseFacts) -> bool:
    """The sentence says what the document explains ("This notice explains how we collect data
    and what we do with it"): the terms are in the sentences it announces. One that names a kind
    of data, a recipient, a use, a period, a place or a promise states something itself."""
    describes = pick_lexicon(clause.text, clause.language).describes
    if describes is None or len(_WORD.findall(clause.text)) > DESCRIPTION_MAX_WORDS:
        return False
    if facts.recipients or facts.data_types or facts.purposes or facts.durations or facts.ages:
        return False
    if facts.places or facts.rights or _promises(facts):
        return False
    return bool(caseless.search(describes, clause.text))


def _points_elsewhere(clause: Clause) -> bool:
    """The sentence only sends the reader elsewhere ("For EU users: see this page for more
    information"): a pointer, which states no term of its section, whatever the section is about.
    A long sentence that ends in "(for more details, click here)" says something itself."""
    pointers = pick_lexicon(clause.text, clause.language).pointers
    if pointers is None or len(_WORD.findall(clause.text)) > POINTER_MAX_WORDS:
        return False
    return bool(caseless.search(pointers, clause.text))


POINTER_OPENING_MAX_WORDS = 45
# what may come before the opening pointer: a bracket, a quote, a dash, markup
_LEAD: Final = compile_cached(r"[\W_]{0,3}")


def only_points_to_other_texts(clause: Clause) -> bool:
    """Every sentence of the clause that touches a term sends the reader to another text ("Our
    cookie notice tells you which cookies we set and how to refuse them"): what it names is what
    that text explains, so re-wording it changes no term here. Sentences naming no term (what the
    other texts apply to) may stand beside them; the clause holds a pointer somewhere."""
    lex = pick_lexicon(clause.text, clause.language)
    if lex.pointers is None or not caseless.search(lex.pointers, clause.text):
        return False
    # unmerged: a pointer alone ("Learn more.") must not lend its opening to the next sentence
    for sentence in split_sentences(clause.text, merge_fragments=False):
        facts = extract_facts(sentence, clause.language)
        if MATERIAL_CATEGORIES.intersection(facts.categories) and not _sentence_points_elsewhere(
            sentence, facts, lex
        ):
            return False
    return True


def _sentence_points_elsewhere(sentence: str, facts: ClauseFacts, lex: Lexicon) -> bool:
    """A short sentence holding a pointer, or one that opens with it ("In our notice you can read
    how ..."), naming no recipient, period, place, age or promise of its own."""
    assert lex.pointers is not None
    if facts.recipients or facts.durations or facts.places or facts.ages or _promises(facts):
        return False
    words = len(_WORD.findall(sentence))
    if words <= POINTER_MAX_WORDS and caseless.search(lex.pointers, sentence):
        return True
    if words > POINTER_OPENING_MAX_WORDS:
        return False
    lead = _LEAD.match(sentence)
    return lex.pointers.match(sentence, lead.end() if lead else 0) is not None


def opens_with_pointer(clause: Clause, facts: ClauseFacts) -> bool:
    """The sentence opens with where to read more ("To learn more about the framework and our
    certification, visit the U.S. Department of Commerce's website", "Pour en savoir plus,
    consultez le site de la CNIL"): it sends the reader elsewhere, however long the name of the
    page; a country in that name (the U.S. Department of Commerce) says whose page it is, not where
    data goes. One that names data, a recipient, a use, a period or a verb done to data ("To learn
    more, note that we share your e-mail with ...") says something itself."""
    pointers = pick_lexicon(clause.text, clause.language).pointers
    if pointers is None or len(_WORD.findall(clause.text)) > POINTER_OPENING_MAX_WORDS:
        return False
    lead = _LEAD.match(clause.text)
    if not pointers.match(clause.text, lead.end() if lead else 0):
        return False
    named = facts.recipients or facts.data_types or facts.purposes or facts.durations or facts.ages
    return not (named or facts.polarity or facts.rights or facts.security_measures)


_NUMBERING: Final = compile_cached(r"^[\W\d_]+|[\W_]+$")


def in_table_of_contents(clause: Clause) -> bool:
    """The clause is an entry of a table of contents: a few words without a sentence's end right
    under a heading that is only "Table of contents", "Inhaltsverzeichnis", "Sommaire"... Its
    entries name the document's sections ("6. Analytics and advertising"), which state the terms;
    the list added or dropped is navigation, whatever its section names are about."""
    if not clause.section or not _is_item(clause):
        return False
    heading = _NUMBERING.sub("", clause.section[-1])
    contents = pick_lexicon(heading, clause.language).contents_headings
    return contents is not None and contents.fullmatch(heading) is not None


def _about_language_versions(clause: Clause) -> bool:
    """The sentence says which language version of the document binds ("Any translation is for
    convenience; the English version prevails"): it states no term of the section it sits in."""
    versions = pick_lexicon(clause.text, clause.language).language_versions
    return versions is not None and bool(caseless.search(versions, clause.text))


def _promises(facts: ClauseFacts) -> list[Polarity]:
    """What the clause promises not to do. Read only where needed: most clauses added or removed
    state no term, and their verbs need not be read."""
    return [p for p in facts.polarity if p.state == "negated"]


_COPYRIGHT = compile_cached(
    r"\s*(?:copyright\s*)?(?:©|\(c\)\s*(?:19|20)\d\d)|\s*copyright\s+(?:19|20)\d\d", re.IGNORECASE
)


def _is_copyright_line(text: str) -> bool:
    """A short line that opens with "©", "(c) 2024" or "Copyright 2024": a page footer naming the
    owner of the text, which states no term however its company name reads ("Nord Security")."""
    return len(text) <= 160 and bool(_COPYRIGHT.match(text))


def _section_categories(clause: Clause) -> tuple[str, ...]:
    """The categories of the nearest heading above the clause that has any. A heading that only
    names a kind of party ("Third-party content and services", "Service providers") says nothing
    about data going anywhere, so the one above it tells what the section is about. The page's
    title above two levels of headings ("Acme Privacy and Security Statement" > "Details" >
    "Contact information") tells what the whole page is about, not the section: a sentence under
    "Contact information" is not about security. (Right under the title, the title is all the
    section there is.)"""
    headings = clause.section
    if len(headings) > 2 and _is_title(headings[0], clause.language):
        headings = headings[1:]
    for heading in reversed(headings):
        facts = extract_facts(heading, clause.language)
        cats = facts.categories
        if set(cats) & MATERIAL_CATEGORIES <= RECIPIENT_CATEGORIES and not facts.states_flow:
            cats = tuple(c for c in cats if c not in RECIPIENT_CATEGORIES)
        if cats:
            return cats
    return ()


def _is_title(heading: str, language: str) -> bool:
    """A heading that names the document itself ("Privacy Policy", "Conditions générales")."""
    titles = pick_lexicon(heading, language).document_titles
    return titles is not None and bool(titles.search(heading))


_NAME_WORD = compile_cached(r"[^\W\d_][\w’'-]*")
_NAME_JOINERS = frozenset(
    {
        "of",
        "for",
        "and",
        "the",
        "de",
        "des",
        "du",
        "la",
        "le",
        "et",
        "für",
        "und",
        "der",
        "y",
        "del",
        "og",
        "och",
        "i",
    }
)


def _is_name_only(text: str, facts: ClauseFacts) -> bool:
    """A name, and nothing the lexicon knows as data or a recipient: German capitalises every
    noun, so "Standortdaten" in a list looks like a name but is a kind of data."""
    return _is_name(text) and not (facts.data_types or facts.recipients)


def _is_name(text: str) -> bool:
    """A short title-cased fragment ("Privacy Rules Program", "Global CBPR Directory"): a name."""
    words = _NAME_WORD.findall(text)
    if not words or len(words) > 6 or _has_han(text) or text.rstrip().endswith((".", ":")):
        return False
    return all(w[0].isupper() or w.lower() in _NAME_JOINERS for w in words) and words[0][0].isupper()


HEAD_CELL_MAX_WORDS = 4
HEAD_CELL_MAX_JOINERS = 2
# the small words that join a label's words ("Purpose and Legal Basis", "Categories of Data",
# "Rechtsgrond en duur van de bewaring"): a label's length is told without them
_LABEL_JOINERS = _NAME_JOINERS | {"en", "van", "het", "af", "av", "för", "in", "za", "e", "et", "o", "des"}


def _is_head_row(text: str) -> bool:
    """A table's head row ("Purpose | Legal basis | Retention period", "Context | Examples of
    Personal Data | Primary Purpose and Legal Basis"): two or more cells, each a short label that
    opens with a capital, holds no digit and ends no sentence; a label's joining words ("and",
    "of", "und", "de") do not count towards its length (up to two of them)."""
    cells = [c.strip() for c in text.split(" | ")]
    if len(cells) < 2 or _has_han(text) or re.search(r"\d", text):
        return False
    for cell in cells:
        words = _NAME_WORD.findall(cell)
        if not words or not words[0][0].isupper():
            return False
        joiners = sum(1 for w in words[1:] if w.lower() in _LABEL_JOINERS)
        if joiners > HEAD_CELL_MAX_JOINERS or len(words) - joiners > HEAD_CELL_MAX_WORDS:
            return False
        if cell.endswith(SENTENCE_ENDS):
            return False
    return True


_ADDRESS_TOKEN = compile_cached(r"[^\s,;:()|]+")
# lower-case words an address may hold besides name joiners: "12 rue de la Paix", "via Roma 1"
_ADDRESS_WORDS = _NAME_JOINERS | {
    "rue",
    "avenue",
    "boulevard",
    "allée",
    "chemin",
    "quai",
    "calle",
    "via",
    "c/o",
}


def _is_address(text: str) -> bool:
    """A postal address or a name block ("Acme, Inc. Attn: Privacy Team 600 Main Street, Suite 4,
    Springfield, CA 90045, USA"): a number among words that are all capitalised (or joiners),
    so no sentence. Whoever it names, it states no term."""
    tokens = [t for t in _ADDRESS_TOKEN.findall(text) if any(ch.isalnum() for ch in t)]
    if not tokens or len(text) > 240 or _has_han(text) or not re.search(r"\d", text):
        return False
    for token in tokens:
        word = token.strip(".'’\"“”-")
        if not word or word[0].isdigit() or word[0].isupper() or word.lower() in _ADDRESS_WORDS:
            continue
        return False
    return True


ITEM_MAX_WORDS = 8
SENTENCE_ENDS = (".", ":", "?", "!", "。", "：", "？", "！")


def _is_item(clause: Clause) -> bool:
    """A list entry or a table row ("data brokers", "_fbp | Meta | Advertising | 3 months"): a
    few words without a sentence's end, or cells. What it means, its lead-in and its section say."""
    text = clause.text.strip()
    if clause.is_heading or not text:
        return False
    if " | " in text:
        return True
    if _DOMAIN.fullmatch(text):  # "careers.example.com": a link, not an entry
        return False
    words = _NAME_WORD.findall(text)
    return 0 < len(words) <= ITEM_MAX_WORDS and not text.endswith(SENTENCE_ENDS)


_DOMAIN = compile_cached(r"(?:https?://)?[\w-]+(?:\.[\w-]+)+/?\S*", re.IGNORECASE)


def _substantial(text: str) -> bool:
    """A sentence, not a fragment: six words, or twelve Han characters."""
    han = not text.isascii() and len(_HAN_RE.findall(text)) >= 12  # no Han character in ASCII
    return han or len(re.findall(r"[^\W\d_]+", text)) >= 6
