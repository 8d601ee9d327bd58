"""Items added to or dropped from an enumeration inside one clause.

In: old and new clause texts and their Lexicon. Out: the items on each side ('insurers' added to
the recipients), and the categories an item names.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from monitor.engine.classify.textwords import _HAN_RE, _SENTENCE_SPLIT, _SEPARATORS, _TOKEN, _WORD
from monitor.engine.facts import extract_facts, pick_lexicon, without_addresses
from monitor.engine.tokendiff import Opcode, token_opcodes
from monitor.lang.lexicon import Lexicon
from monitor.lang.startup_cache import compile_cached


def _item_categories(item: str, text: str, language: str) -> tuple[set[str], str]:
    """The categories of the sentence (or table cell) an enumerated item stands in, and the
    item's part in it: "promise" when the sentence promises not to do something with the item
    ("we do not use A, B or C for ads"), "exception" when the item is one of that promise's
    exceptions ("we share it with no one except A, B or C"), else "" (a plain list)."""
    words = item.lower().split()
    for sentence in _SENTENCE_SPLIT.split(text):
        low = sentence.lower()
        if words and all(w in low for w in words):
            facts = extract_facts(sentence, language)
            if not any(p.state == "negated" for p in facts.polarity):
                return set(facts.categories), ""
            return set(facts.categories), "exception" if _excepted(item, sentence, language) else "promise"
    return set(), ""


def _excepted(item: str, sentence: str, language: str) -> bool:
    """True when the item stands after a word that opens exceptions ("except", "other than")."""
    pattern = pick_lexicon(sentence, language).list_exceptions
    at = sentence.lower().find(item.lower())
    return pattern is not None and at > 0 and pattern.search(sentence, 0, at) is not None


@lru_cache(maxsize=4096)  # the typo check and the list check both ask, for each modified clause
def _list_items(old: str, new: str, lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Items inserted into or dropped from an enumeration ("name, e-mail and location"): a short
    pure insertion or deletion that carries a list separator and words the other side lacks.
    Web and e-mail addresses are no items: the "/" and "." in "example.com/legal/privacy" are
    not list separators, so they are taken out first (link labels stay)."""
    old, new = without_addresses(old), without_addresses(new)
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    opcodes = token_opcodes(a, b)
    added: list[str] = []
    dropped: list[str] = []
    opened = False  # a stretch that opens the sentence ("例如，我们…", "…, nutzen wir TLS"): no item
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "insert":
            item = _slid_item(b, j1, j2, old, lex)
            if item and _opens_clause(b, j2, lex):
                opened = True
            elif item:
                added.append(item)
        elif tag == "delete":
            item = _slid_item(a, i1, i2, new, lex)
            if item and _opens_clause(a, i2, lex):
                opened = True
            elif item:
                dropped.append(item)
    if not added and not dropped:
        return ((), ()) if opened else _appended_item(a, b, opcodes, lex)
    gone = {t.lower() for tag, i1, i2, _, _ in opcodes if tag != "equal" for t in a[i1:i2]}
    came = {t.lower() for tag, _, _, j1, j2 in opcodes if tag != "equal" for t in b[j1:j2]}
    return (
        tuple(i for i in added if not _moved(i, gone, lex) and not _inside_place_name(i, new, lex)),
        tuple(i for i in dropped if not _moved(i, came, lex) and not _inside_place_name(i, old, lex)),
    )


def _inside_place_name(item: str, text: str, lex: Lexicon) -> bool:
    """The item is a piece of a place's name on its side ("华人民共" of "中华人民共和国" shortened
    to "中国", where "和" reads as "and"): a country re-named, no list item. Only for scripts
    written without spaces, where a name's inner characters can split off as a run."""
    if not lex.cjk or not _HAN_RE.search(item):
        return False
    item = "".join(_WORD.findall(item))
    return any(
        item in m.group(0) and item != m.group(0)
        for pattern in lex.places.values()
        for m in pattern.finditer(text)
    )


def _moved(item: str, elsewhere: set[str], lex: Lexicon) -> bool:
    """The item's words left the sentence at one place and came back at another ("asked for and
    received consent" -> "asked for consent and received it"): a word moved, no item added or
    dropped. Short words (a pronoun the new order needs, "it") do not count; an item of short
    words only ("IP") is never taken for a moved one."""
    words = [w for w in (w.lower() for w in _WORD.findall(item)) if w not in lex.conjunctions]
    content = [w for w in words if len(w) > 2 or _HAN_RE.match(w)]
    return bool(content) and all(w in elsewhere for w in content)


def _opens_clause(tokens: list[str], end: int, lex: Lexicon) -> bool:
    """The words before tokens[end] are the verb of a main clause, not a list item: in a
    verb-second language a subject pronoun follows the verb ("…, nutzen wir TLS", "…, gebruiken
    wij TLS")."""
    return end < len(tokens) and tokens[end].lower() in lex.subject_pronouns


def _slid_item(tokens: list[str], i: int, j: int, other: str, lex: Lexicon) -> str | None:
    """The item inserted or deleted at tokens[i:j]. A diff may place the stretch a few tokens off
    when a word repeats ("companies and those of other | companies" for "companies | and those of
    other companies"): each equal placement is tried until one reads as an item."""
    serial = j < len(tokens) and tokens[j].lower() in lex.conjunctions
    if serial and j - i > 2 and tokens[j - 1] in _SEPARATORS:
        j -= 1  # ", B," before "and C": a serial comma closes the item, it makes no aside
    item = _list_item(tokens[i:j], other, lex)
    if item is None and serial and 0 < i < j and tokens[i - 1] in _SEPARATORS:
        # "A, B, and C" -> "A, B, X and C": the new item fills the slot between the serial comma
        # and the closing "and", so the stretch itself carries no separator
        item = _list_item(tokens[i - 1 : j], other, lex)
        cuts = [c for c in range(i, j) if tokens[c] in _SEPARATORS]
        if item is None and cuts:
            # "…, images you associate with your profile, birth date and C": several items went in
            # at once; the last one, after the last separator, stands for them
            item = _list_item(tokens[cuts[-1] : j], other, lex)
    if item is None:
        item = _several_items(tokens, i, j, other, lex)
    k = 0  # slide right: the stretch's first token repeats just after it
    while item is None and i + k < j and j + k < len(tokens) and tokens[i + k] == tokens[j + k]:
        k += 1
        item = _list_item(tokens[i + k : j + k], other, lex)
    k = 0  # slide left: the token before it repeats as its last
    while item is None and i - k > 0 and tokens[i - k - 1] == tokens[j - k - 1]:
        k += 1
        item = _list_item(tokens[i - k : j - k], other, lex)
    return item


def _several_items(tokens: list[str], i: int, j: int, other: str, lex: Lexicon) -> str | None:
    """Several items went in (or out) at once ("e-mail, birth date, profile photo and user name",
    "电子邮箱、出生日期、头像和用户名"): too long for one item, the stretch opens with a separator
    and each part from one separator to the next reads as an item; together they are the change."""
    cuts = [c for c in range(i, j) if tokens[c] in _SEPARATORS]
    if len(cuts) < 2 or cuts[0] != i:
        return None
    items = [_list_item(tokens[a:b], other, lex) for a, b in zip(cuts, [*cuts[1:], j], strict=True)]
    if any(item is None for item in items):
        return None
    return ", ".join(item for item in items if item)


def _or_not(part: list[str], lex: Lexicon) -> bool:
    """The part ends on a joiner and a negator ("... signed in or not", "oder nicht", "eller ej"):
    the two sides of a choice, no item of a list."""
    words = [t for t in part if _WORD.fullmatch(t)]
    return (
        len(words) >= 2
        and words[-2].lower() in lex.conjunctions
        and lex.negators is not None
        and lex.negators.fullmatch(words[-1]) is not None
    )


def _appended_item(
    a: list[str], b: list[str], opcodes: list[Opcode], lex: Lexicon
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """An item put at (or taken from) the end of a list: "A, B and C" -> "A, B, C and D" aligns as
    ", C" inserted and "C" replaced by "D", so no opcode alone is the item. Over the stretch that
    differs, one side holds every token of the other plus the item."""
    changed = [op for op in opcodes if op[0] != "equal"]
    if not changed:
        return (), ()
    i1, i2, j1, j2 = changed[0][1], changed[-1][2], changed[0][3], changed[-1][4]
    if max(_outside_asides(a[i1:i2]), _outside_asides(b[j1:j2])) > APPENDED_MAX_TOKENS:
        return (), ()  # a re-worded stretch, not one item
    old_part, new_part = Counter(a[i1:i2]), Counter(b[j1:j2])
    plural = _plural_verb(old_part - new_part, new_part - old_part, lex)
    if plural:  # "your e-mail is shared" -> "your e-mail and phone are shared": the verb agrees
        item = _left_over_item(b[j1:j2], old_part + Counter({plural: 1}), " ".join(a), lex)
        return ((item,), ()) if item else ((), ())
    plural = _plural_verb(new_part - old_part, old_part - new_part, lex)
    if plural:
        item = _left_over_item(a[i1:i2], new_part + Counter({plural: 1}), " ".join(b), lex)
        return ((), (item,)) if item else ((), ())
    if _agreement_only(old_part - new_part, new_part - old_part, lex):
        item = _left_over_item(b[j1:j2], old_part, " ".join(a), lex)
        return ((item,), ()) if item else ((), ())
    if _agreement_only(new_part - old_part, old_part - new_part, lex):
        item = _left_over_item(a[i1:i2], new_part, " ".join(b), lex)
        return ((), (item,)) if item else ((), ())
    return (), ()


APPENDED_MAX_TOKENS = 16


def _words_only(tokens: list[str], conjunctions: frozenset[str]) -> list[str]:
    """The words of a stretch and its brackets, joining words left out."""
    return [t for t in tokens if (_WORD.fullmatch(t) and t.lower() not in conjunctions) or t in "()（）"]


def _outside_asides(tokens: list[str]) -> int:
    """The tokens of a stretch outside brackets: an item's aside ("voice (if you call our help
    line)") says when it applies, it makes the item no longer."""
    depth = count = 0
    for t in tokens:
        if t in "(（":
            depth += 1
        elif t in ")）":
            depth = max(0, depth - 1)
        elif not depth:
            count += 1
    return count


def _plural_verb(lost: Counter[str], gained: Counter[str], lex: Lexicon) -> str | None:
    """The plural verb (as written) that took the place of the one singular verb lost, or None."""
    if sum(lost.values()) != 1:
        return None
    (singular,) = lost
    plurals = {p for s, p in lex.number_agreement if s == singular.lower()}
    return next((t for t in gained if t.lower() in plurals), None)


def _agreement_only(lost: Counter[str], gained: Counter[str], lex: Lexicon) -> bool:
    """Nothing is lost but a possessive after the noun that agrees with the new last item
    ("e-postadressen din" -> "e-postadressen og telefonnummeret ditt"): the list grew."""
    if not lost:
        return True
    user = lex.possessives.get("user")
    if user is None:
        return False

    def possessive(token: str) -> bool:
        return user.fullmatch(token.lower()) is not None

    return all(possessive(t) for t in lost) and any(possessive(t) for t in gained)


def _left_over_item(tokens: list[str], taken: Counter[str], other: str, lex: Lexicon) -> str | None:
    """The item left when the tokens both sides share are taken out: the shared word may be the
    first or the last of its kind ("companies and those of other companies" -> "companies")."""
    item = _list_item(_left_over(tokens, taken), other, lex)
    if item is None:
        item = _list_item(_left_over(tokens[::-1], taken)[::-1], other, lex)
    return item


def _left_over(tokens: list[str], taken: Counter[str]) -> list[str]:
    """The tokens, in order, less one of each token counted in `taken` (the earliest ones)."""
    left = Counter(taken)
    out = []
    for t in tokens:
        if left[t] > 0:
            left[t] -= 1
        else:
            out.append(t)
    return out


def _list_item(tokens: list[str], other: str, lex: Lexicon) -> str | None:
    conjunctions = lex.conjunctions
    tokens = _joined_phrase(_without_marker(tokens), conjunctions)
    words = [t for t in tokens if _WORD.fullmatch(t) and t.lower() not in conjunctions]
    separated = any(t in _SEPARATORS or t.lower() in conjunctions for t in tokens)
    if any(any(ch.isdigit() for ch in t) for t in tokens):
        return None  # "20 Main Street", "Art. 6": addresses and citations are not list items
    if not separated or not words or _outside_asides(_words_only(tokens, conjunctions)) > 5:
        return None  # an item is a few words, not a clause (its aside in brackets aside)
    if _or_not(tokens, lex):
        return None  # "..., whether you are signed in or not": the two sides of a choice
    if _cut_fragment(tokens, words, lex) or _place_phrase(tokens, lex):
        return None
    if len(tokens) > 2 and tokens[0] in _SEPARATORS and tokens[-1] in _SEPARATORS:
        return None  # ", small text files," is an aside, not a new item
    if _HAN_RE.search("".join(words)):
        item = "".join(words)
        return None if item in other else item  # found elsewhere: a re-ordering
    if all(len(w) == 1 for w in words):
        return None  # "A/S", "c/o": single letters around a slash abbreviate, they list nothing
    other_words = set(_WORD.findall(other.lower()))
    if all(w.lower() in other_words for w in words):
        return None  # the same words stand elsewhere: a re-ordering
    return _item_text(tokens, conjunctions)


_WORD_JOINERS = frozenset({"-", "'", "’"})


def _item_text(tokens: list[str], conjunctions: frozenset[str]) -> str:
    """The item's words as the policy wrote them: a hyphen or an apostrophe between two words
    stays ("e-mail address", "children's data"), separators and conjunctions go."""
    words: list[str] = []
    glue = False
    for i, t in enumerate(tokens):
        if t in _WORD_JOINERS and words and i + 1 < len(tokens) and _WORD.fullmatch(tokens[i + 1]):
            words[-1] += t
            glue = True
        elif _WORD.fullmatch(t) and t.lower() not in conjunctions:
            if glue:
                words[-1] += t
            else:
                words.append(t)
            glue = False
        else:
            glue = False
    return " ".join(words)


NAME_WORDS = 3  # "Google Analytics", "Adobe Experience Cloud": a product or company name is short


def _names_swapped(pairs: list[tuple[str, str]], old: str, new: str, lex: Lexicon) -> bool:
    """Every change puts one product or company name in place of another ("Google Analytics" ->
    "Matomo"): the words of a name ("Analytics") are no term of the sentence. Only where common
    nouns are written in lower case, so that a capitalised word is a name; the caller has made
    sure no country ("Germany" -> "India") or known recipient changed with it."""
    if lex.nouns_capitalised or lex.cjk:
        return False
    return all(
        was and now and _name_words(was, old, lex) and _name_words(now, new, lex) for was, now in pairs
    )


def _name_words(words: str, text: str, lex: Lexicon) -> bool:
    """A short run of capitalised words, none a function word ("We"), a web domain's ending aside
    ("Convert com" for "Convert.com")."""
    kept = [w for w in words.split() if not (w.islower() and len(w) <= 4 and f".{w}" in text)]
    if not 0 < len(kept) <= NAME_WORDS:
        return False
    if any(w.lower() in lex.subject_pronouns for w in kept):
        return False
    if lex.stopwords is not None and any(lex.stopwords.fullmatch(w) for w in kept):
        return False
    return all(w[0].isupper() and any(c.islower() for c in w[1:]) for w in kept)


def _proper_name(item: str, lex: Lexicon) -> bool:
    """A name ("Kite", "Harbor Rewards"): every word capitalised in a language that writes common
    nouns in lower case, all-capital acronyms aside ("GPS" is a kind of data), and no word the
    lexicon knows as a kind of data, a use or a recipient."""
    if lex.nouns_capitalised or lex.cjk:
        return False
    words = item.split()
    if not all(w[0].isupper() and any(c.islower() for c in w[1:]) for w in words):
        return False
    return not extract_facts(item, lex.language).categories


_OPENING, _CLOSING = "([{", ")]}"
_MARKER = compile_cached(r"[a-z]|[A-Z]|[ivx]{1,4}|[IVX]{1,4}|\d{1,2}")


def _joined_phrase(tokens: list[str], conjunctions: frozenset[str]) -> list[str]:
    """The stretch with a joiner of several words that opens it ("as well as", "ainsi que",
    "así como") made one token, so it joins the item as "and" would and is no word of it."""
    start = next((k for k, t in enumerate(tokens) if t not in _SEPARATORS), len(tokens))
    for phrase in conjunctions:
        words = phrase.split()
        end = start + len(words)
        if len(words) > 1 and [t.lower() for t in tokens[start:end]] == words:
            return [*tokens[:start], phrase, *tokens[end:]]
    return tokens


def _without_marker(tokens: list[str]) -> list[str]:
    """The stretch less the enumeration marker that opens its item (", b) to answer requests"):
    the marker numbers the item and is no word of it."""
    first = next((n for n, t in enumerate(tokens) if _WORD.fullmatch(t)), None)
    if first is None or first + 1 >= len(tokens) or tokens[first + 1] != ")":
        return tokens
    if not _MARKER.fullmatch(tokens[first]):
        return tokens
    start = first - 1 if first and tokens[first - 1] == "(" else first
    return tokens[:start] + tokens[first + 2 :]


def _cut_fragment(tokens: list[str], words: list[str], lex: Lexicon) -> bool:
    """A stretch cut across a sentence rather than an item of a list: it opens or closes a bracket
    it does not close or open ("the Agreement, b) neither" spans an enumeration marker; "us
    (including our" opens an aside), or its last word cannot end a noun phrase (an article, a
    preposition, "who", "other", "below")."""
    if sum(t in _OPENING for t in tokens) != sum(t in _CLOSING for t in tokens):
        return True
    return words[-1].lower() in lex.item_open_ends


def _place_phrase(tokens: list[str], lex: Lexicon) -> bool:
    """A phrase of place put after the sentence's object ("… of this data on desktops and mobile
    devices", "…, on laptops and phones"): its "and" joins places, no item joins the list. It opens
    on a preposition of place (a comma may stand before it) and no joiner stands at either end of
    it: "and on B" or "B and" extend a list, and "on A" -> "on A and on B" names a place anyway."""
    lead = next((t for t in tokens if t not in _SEPARATORS), "")
    if lead.lower() not in lex.place_prepositions:
        return False
    ends = (tokens[0].lower(), tokens[-1].lower())
    return tokens[-1] not in _SEPARATORS and not any(end in lex.conjunctions for end in ends)
