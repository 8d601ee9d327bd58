"""Language detection per clause: en, sv, no, da, de, fr, es, nl, hr, sl, zh-Hans, zh-Hant, or und.

In: one clause's text (and the policy's language hint, if the watchlist gives one).
Out: a language code. Fast and dependency-free: CJK by script (the share of Han characters),
simplified vs traditional Chinese by characters that exist in only one of the two forms, Latin
languages by their letters (å ä ö æ ø ß é ç ñ ć đ ...) and function words. The hint wins when the
evidence is weak. `document_language` gives a version's main language, weighted by text length.

Croatian ("hr") and Slovenian ("sl") share many short words (je, za, na, da, od): those count for
both, and each is told by its own words (hr: i, u, ili, će, što, podaci; sl: in, ki, bo, lahko,
tudi, podatkov) and by the letters only Croatian writes (ć, đ), so a Slovenian clause is not read
with the Croatian lexicon it only resembles. A clause with only shared words is weak evidence and
takes its neighbours' language.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from monitor.lang.scripts import HAN_CHAR, HANGUL
from monitor.lang.startup_cache import compile_cached
from monitor.models import Clause

LANGUAGES: Final[tuple[str, ...]] = (
    "en", "sv", "no", "da", "de", "fr", "es", "nl", "hr", "sl", "zh-Hans", "zh-Hant",
)  # fmt: skip

_HINTS: Final = {
    "nb": "no",
    "nn": "no",
    "no": "no",
    "nob": "no",
    "nno": "no",
    "sv": "sv",
    "swe": "sv",
    "da": "da",
    "dan": "da",
    "de": "de",
    "deu": "de",
    "ger": "de",
    "fr": "fr",
    "fra": "fr",
    "fre": "fr",
    "es": "es",
    "spa": "es",
    "en": "en",
    "eng": "en",
    "zh": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-sg": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-mo": "zh-Hant",
    "nl": "nl",
    "nld": "nl",
    "dut": "nl",
    "hr": "hr",
    "hrv": "hr",
    "sl": "sl",
    "slv": "sl",
}

# Characters that exist in only one of the two written forms (common in policies).
_SIMPLIFIED: Final = frozenset(
    "们这个数据为说时会对与隐东车门问间关开发实经结给统计过还进选钟网络设备记录议务护权规则协访该认证请"
    "应让证将两从众优伤传体侧债储儿册军农冲决况净减凭击刘则刚创删别剧劝办动劳势区医华单卖卫历压厂县"
    "发变号叶吗听启响团围国图圆场坏块坚报够头夺奋妇妈学宁宝实审宽导尽层属岁岛币师帐带帮库应废开异张"
    "录彻径总恶悬惯户执扩扫扰抢护报拟择担拥换损捡据携摄摊敌斗断无旧时显晒书术杂权条来极构标样档桥检"
    "汇汉没泄洁测济浏渐湾满灭灵热爱状独猎环现电画畅疗监盖盘确码础祸离种积称稳窃竞笔筑签简类级纪纳纵"
    "线练组细织终经绍结绝统继续维综缓编缩职联肤脑药获营补装观规视览觉让讯记许论设访证评识诉词译试该详"
    "语误说请诺读课谁调谈负贡财责败货质购贮贷费资赏赔赖输辑达迁运还这进远违连迟适选递逻邮邻释钥铁银"
    "链锁长闭问间阅队阶际陆险随隐难雇须顾预领频题额风飞饰馈驱验骤齐龄"
)
_TRADITIONAL: Final = (
    frozenset(
        "們這個數據為說時會對與隱東車門問間關開發實經結給統計過還進選鐘網絡設備記錄議務護權規則協訪該認證請"
        "應讓證將兩從眾優傷傳體側債儲兒冊軍農衝決況淨減憑擊劉則剛創刪別劇勸辦動勞勢區醫華單賣衛歷壓廠縣"
        "發變號葉嗎聽啟響團圍國圖圓場壞塊堅報夠頭奪奮婦媽學寧寶審寬導盡層屬歲島幣師帳帶幫庫廢異張"
        "錄徹徑總惡懸慣戶執擴掃擾搶擬擇擔擁換損撿攜攝攤敵鬥斷無舊顯曬書術雜條來極構標樣檔橋檢"
        "匯漢沒洩潔測濟瀏漸灣滿滅靈熱愛狀獨獵環現電畫暢療監蓋盤確碼礎禍離種積稱穩竊競筆築簽簡類級紀納縱"
        "線練組細織終紹絕繼續維綜緩編縮職聯膚腦藥獲營補裝觀視覽覺訊許論評識訴詞譯試詳"
        "語誤諾讀課誰調談負貢財責敗貨質購貯貸費資賞賠賴輸輯達遷運違連遲適遞邏郵鄰釋鑰鐵銀"
        "鏈鎖長閉閱隊階際陸險隨難僱須顧預領頻題額風飛飾饋驅驗驟齊齡資訊"
    )
    - _SIMPLIFIED
)

_SIMPLIFIED_RE: Final = compile_cached("[" + "".join(sorted(_SIMPLIFIED)) + "]")
_TRADITIONAL_RE: Final = compile_cached("[" + "".join(sorted(_TRADITIONAL)) + "]")
_HAN: Final = HAN_CHAR
_KANA_HANGUL: Final = compile_cached(
    f"[\u3040-\u30fa\u30fd-\u30ff{HANGUL}]"
)  # not ・ ー, used in Chinese too
_WORD: Final = compile_cached(r"[^\W\d_]+", re.UNICODE)
# _WORD's matches in lower-cased ASCII text are the runs of a-z: this table lowers A-Z and blanks
# every other byte, so that split() gives them.
_ASCII_WORDS: Final = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
# the same, keeping "\n": the samples of many clauses, joined by line breaks, go through at once
_ASCII_WORDS_LINES: Final = _ASCII_WORDS[:10] + b"\n" + _ASCII_WORDS[11:]
_LATIN_WORD: Final = compile_cached(r"[A-Za-z\u00c0-\u024f]+")

# Function words and policy words that mark one language more than the others.
_WORDS: Final[dict[str, dict[str, float]]] = {
    "en": dict.fromkeys(
        "the and of to we you your our is are will may with for this that not personal information "
        "data use by or be any such which have it from as on in policy privacy must can if at us their "
        "these when other about only into than its least".split(),
        1.0,
    ),
    "sv": dict.fromkeys(
        "och att är inte vi för med som personuppgifter dina din våra vår till av på den det de om kan "
        "eller ett en har vid använda kommer sådan sådana uppgifter tjänster också hur när samt"
        " enligt information personlig våra sina".split(),
        1.0,
    ),
    "no": dict.fromkeys(
        "og ikke vi for med som personopplysninger å være deg din dine vår våre til av på den det de om "
        "kan eller et en har ved bruke vil slik slike opplysninger tjenester også hvordan når samt "
        "informasjon personlig personvern hvis dersom nettstedet noen fra".split(),
        1.0,
    ),
    "da": dict.fromkeys(
        "og ikke at er personoplysninger af være dig din dine vores til på den det de om kan eller et en "
        "har ved bruge vil sådan sådanne oplysninger tjenester også hvordan når samt hvis nogen "
        "behandler vi med som for fra".split(),
        1.0,
    ),
    "de": dict.fromkeys(
        "und der die das nicht wir sie ihre ihr zu mit für ist sind von den dem des auf ein eine einer "
        "daten personenbezogenen werden wird oder bei auch diese dieser datenschutz keine kein "
        "verwendet verwenden nutzt nutzen genutzt uns unser unsere unseren weder noch wenn".split(),
        1.0,
    ),
    "fr": dict.fromkeys(
        "et le la les des de du nous vous votre vos ne pas pour avec est sont une un à données "
        "personnelles ou par sur dans ce cette qui que peut être".split(),
        1.0,
    ),
    "es": dict.fromkeys(
        "y el la los las de del nosotros usted su sus no para con es son una un datos personales o "
        "por en este esta que puede ser información".split(),
        1.0,
    ),
    # Dutch: words other languages here do not write the same way ("de", "en", "die", "is", "of",
    # "om", "kan" and "dit" are left out; "u" and "je", which Croatian writes too, count once)
    "nl": dict.fromkeys(
        "van voor met op dat deze kunnen kunt ook bij naar aan tot uit zijn ons onze hun jouw jij "
        "geen wanneer indien zoals alleen welke door onder hebben heeft wij u uw worden wordt niet "
        "het een gegevens persoonsgegevens verwerken verwerking privacyverklaring je jullie kun "
        "hebt heb bent zal zullen mag mogen moet moeten elk elke altijd waar hoe wat maar omdat "
        "andere gebruiken gebruikt verwijderen delen bewaren bewaard toestemming derden doeleinden "
        "verzamelen verbeteren".split(),
        1.0,
    ),
    # Croatian and Slovenian share many short words ("je", "za", "na", "da", "od"): those count for
    # both, equally, and only each one's own words (and ć, đ) tell them apart
    "hr": dict.fromkeys(
        "je za na da od iz kako biti vas vam vaše vaših vašim podatke pravo "
        "i u ili su što koji koja koje kojima kojih nije ovi ove ovih ovim ova ovaj ovo "
        "prema nakon radi svrhu također podaci podataka osobni osobne osobnih osobnim osobnog "
        "korisnik korisnika korisnici korisniku korisnicima usluge usluga uslugu može mogu "
        "treće trećim trećih strane stranama zaštite zaštita obrada obrade obradu privola privole "
        "privolu uvjeti uvjeta kolačići kolačića kolačiće".split(),
        1.0,
    ),
    "sl": dict.fromkeys(
        "je za na da od iz kako biti vas vam vaše vaših vašim podatke "
        "in ki so bo bodo bomo lahko tudi ali oziroma ter če kot pri glede vse vsi vseh jih "
        "podatki podatkov osebni osebne osebnih osebnim osebnega uporabnik uporabnika uporabniki "
        "uporabnikov uporabniku storitev storitve piškotki piškotkov piškotke piškotek tretjim "
        "tretje tretjih osebe obdelava obdelave obdelavo obdelavi privolitev privolitve varstvo "
        "varstva pravica pravice pravico".split(),
        1.0,
    ),
}
# Words that tell close languages apart (the three Scandinavian ones, Dutch, Croatian and Slovenian)
# carry more weight.
for _lang, _distinct in (
    ("sv", "och är inte personuppgifter för att vi kommer också sådan hur använder dig"),
    (
        "no",
        "ikke personopplysninger være også hvordan slik deg bruker hvis nettstedet informasjon gitt "
        "samtykke personlige behandle avtalen denne eller",
    ),
    (
        "da",
        "ikke personoplysninger af være også hvordan sådan dig bruger hvis vores samtykke personlige "
        "behandle denne eller",
    ),
    ("sv", "personliga samtycke behandla denna eller dessa detta"),
    # periods and passives in each one's spelling ("raderas efter 30 dagar", "slettes etter 30 dager",
    # "slettes efter 30 dage"); Swedish writes "efter" as Danish does
    ("sv", "efter dagar veckor månader raderas sparas lagras används behandlas"),
    ("sv", "inom"),
    # Swedish passives and plurals the other two spell "-es", "-er" ("vises", "meddelelser")
    ("sv", "visas meddelanden"),
    (
        "no",
        "dager uker opprette foreldre foreldrene lagres innen måneder henvendelse henvendelsen "
        "oppbevare oppbevarer oppbevaring",
    ),
    (
        "da",
        "dage uger oprette forældre forældrene opbevares inden måneder henvendelse henvendelsen "
        "opbevare opbevarer opbevaring",
    ),
    # spellings that part Danish from Norwegian Bokmål (dit/ditt, efter/etter, bliver/blir ...)
    (
        "da",
        "dit efter bliver giver tager gennem uden nogle mig sig hvad jeres anden andet sælger "
        "indsamler opbevarer videregiver oplysninger oplysningerne personoplysningerne",
    ),
    (
        "no",
        "ditt etter blir gir tar gjennom uten noen meg seg hva annen annet selger "
        "oppbevarer lagrer inn opplysninger opplysningene personopplysningene",
    ),
    # rights, deletion and direction in each one's spelling ("rett til sletting mot", "ret til
    # sletning mod", "rätt till radering mot")
    ("no", "rett retten mot slette sletter slettes sletting"),
    ("da", "ret retten mod slette sletter slettes sletning"),
    ("sv", "rätt rätten mot"),
    # Dutch words no close language shares, Croatian and Slovenian words the other does not write
    ("nl", "het een wij uw niet gegevens persoonsgegevens worden wordt"),
    # periods and changes in Dutch spelling ("treden 30 dagen na publicatie in werking")
    ("nl", "dagen weken maanden wijzigingen wijziging voorwaarden treden werking verwijderd"),
    ("nl", "meer informatie lees"),
    (
        "hr",
        "ili će ćemo što također podaci podataka osobni osobnih korisnik korisnika korisnici "
        "nije kolačići kolačića čuvamo prikupljamo koristimo obrađujemo prosljeđujemo sljedeće "
        "uz vašu dijelimo osobama djeca djece svrhe kada više nisu godina godine godinu mjeseci "
        "mjeseca dana brišemo koristi internetska stranica stranice voditelj obrade obradu obrada",
    ),
    (
        "sl",
        "ki bo bodo bomo lahko tudi oziroma če podatki podatkov osebni osebnih uporabnik "
        "uporabnika uporabniki piškotki piškotkov hranimo zbiramo uporabljamo obdelujemo naslednje "
        # "z vašo privolitvijo", "s tretjimi osebami": Croatian says "uz vašu privolu", "s trećim osobama"
        "z vašo delimo tretjimi osebami osebam privolitvijo privolite otroci otrok namen namene "
        "ko več niso let leti letih letu mesecev dni izbrišemo uporablja spletna spletni spletno "
        "upravljavec upravljavca obdelave obdelavo posredujemo poročil poročila poročilo poročilih",
    ),
):
    for _w in _distinct.split():
        _WORDS[_lang][_w] = 2.0
# Norwegian and Danish share "og", "ikke", "deg"/"dig" differ; Swedish "och", "inte".
_WORDS["sv"]["och"] = 3.0
_WORDS["sv"]["inte"] = 3.0
_WORDS["no"]["deg"] = 3.0
_WORDS["da"]["dig"] = 3.0
_WORDS["da"]["af"] = 3.0
_WORDS["no"]["av"] = 1.5
_WORDS["sv"]["av"] = 1.5
_WORDS["no"]["og"] = 1.5
_WORDS["no"]["er"] = 1.0
_WORDS["da"]["er"] = 1.0
_WORDS["da"]["og"] = 1.5
# "o" is "about" in Croatian and Slovenian as much as "or" in Spanish
_WORDS["hr"]["o"] = 1.0
_WORDS["sl"]["o"] = 1.0

_CHARS: Final[dict[str, dict[str, float]]] = {
    "sv": {"ä": 1.5, "ö": 1.5, "å": 0.5},
    "no": {"ø": 1.5, "æ": 1.0, "å": 0.5},
    "da": {"ø": 1.5, "æ": 1.0, "å": 0.5},
    "de": {"ß": 2.0, "ü": 1.5, "ä": 0.5, "ö": 0.5},
    "fr": {
        "é": 0.7,
        "è": 1.0,
        "ê": 1.0,
        "à": 1.0,
        "ç": 1.0,
        "ù": 1.0,
        "œ": 2.0,
        "â": 1.0,
        "ô": 1.0,
        "î": 1.0,
    },
    "es": {"ñ": 2.0, "á": 1.0, "í": 1.0, "ó": 1.0, "ú": 1.0, "¿": 2.0, "¡": 2.0, "é": 0.3},
    "nl": {"ë": 1.0, "ï": 1.0},
    # č, š, ž are written in both (and in Czech, Slovak ...); ć and đ only in Croatian
    "hr": {"ć": 2.0, "đ": 2.0, "č": 0.5, "š": 0.5, "ž": 0.5},
    "sl": {"č": 0.5, "š": 0.5, "ž": 0.5},
}
# Word shapes that part close languages when their function words alone come out even ("Meldingene
# dine er kryptert" is Norwegian by "-ene" and "-ert", Danish writes "-erne" and "-eret"; Swedish
# verbs end in "-ar": "sparar", "raderar"; Dutch writes "ij" before a consonant: "tijd", "lijk").
# They count only in a close call with no hint (a hint, or the document's language, decides one), and
# only for a language the words already speak for (Dutch "ij" always: no other language here
# writes it so).
_LETTER: Final = "a-zæøåäöéèüëïčšžćđ"
_NO_SHAPES: Final = (
    rf"\bopp[{_LETTER}]{{3,}}|\bpersonvern|[{_LETTER}]{{3,}}(?:sjon|sjonen|sjoner|ene|(?<!e)ert)\b"
)
# Swedish: each match ends where its run of letters does (the suffix before \b, or upp's letters
# taken greedily), so the next one starts at a run's start, never inside one: the look-behind
# says so and spares the engine a retry at every letter of a long run (same matches).
_SV_SHAPES: Final = (
    rf"(?<![{_LETTER}])[{_LETTER}]{{3,}}(?:(?<![ut])ar|arna|erna|orna)\b|\bupp[{_LETTER}]{{3,}}"
)
# (language, pattern, weight, needles): a text holding none of the needles (one from each of
# the pattern's alternatives, each a string every match contains) has no match, and its
# regex search (a retry at each letter of each word) is skipped.
_SHAPES: Final[tuple[tuple[str, re.Pattern[str], float, tuple[str, ...]], ...]] = (
    ("no", compile_cached(_NO_SHAPES), 1.5, ("opp", "personvern", "sjon", "ene", "ert")),
    ("da", compile_cached(rf"[{_LETTER}]{{3,}}(?:erne|eret)\b"), 1.5, ("erne", "eret")),
    ("sv", compile_cached(_SV_SHAPES), 1.5, ("ar", "erna", "orna", "upp")),
    ("nl", compile_cached(r"ij[kntdlgzfwv]"), 1.5, ()),  # a literal start: the search is quick
    # Slovenian "informacijo", "osebnega"; Croatian "informaciju", "osobnog"
    ("sl", compile_cached(rf"[{_LETTER}]{{3,}}(?:ijo|ega|emu)\b"), 1.0, ("ijo", "ega", "emu")),
    ("hr", compile_cached(rf"[{_LETTER}]{{3,}}(?:iju|og|oga)\b"), 1.0, ("iju", "og")),
)
CLOSE_CALL: Final = 2.0  # top two scores nearer than this: word shapes are asked too
_SHAPE_LANGS: Final = frozenset(lang for lang, _, _, _ in _SHAPES)
_WORD_INDEX: Final[dict[str, list[tuple[str, float]]]] = {}
for _lang, _table in _WORDS.items():
    for _w, _weight in _table.items():
        _WORD_INDEX.setdefault(_w, []).append((_lang, _weight))
_CHAR_INDEX: Final[dict[str, list[tuple[str, float]]]] = {}
for _lang, _table in _CHARS.items():
    for _c, _weight in _table.items():
        _CHAR_INDEX.setdefault(_c, []).append((_lang, _weight))
_SPECIAL: Final = compile_cached("[" + "".join(_CHAR_INDEX) + "]")
if any(c.isascii() for c in _CHAR_INDEX):
    raise AssertionError("_latin_scores looks for the special letters among non-ASCII characters")

SAMPLE_CHARS: Final = 400
MIN_EVIDENCE: Final = 2.0  # below this the hint (or "und") wins

# ASCII text has none of the special letters, so its evidence is the sum of its words' weights.
# Every word weight is a whole number of halves: a word's weights, in halves, are packed into one
# integer, 16 bits per language (in name order), so that sum() adds them for all languages at
# once. A sample holds at most SAMPLE_CHARS / 2 + 1 words, its lower-cased form (a character
# lowers to at most three) three times as many: no field can overflow into the next.
_PACKED_LANGS: Final[tuple[str, ...]] = tuple(sorted(_WORDS))
_PACKED_INDEX: Final = {lang: i for i, lang in enumerate(_PACKED_LANGS)}
_PACKED_WORDS: Final[dict[str, int]] = {
    word: sum(int(2 * weight) << (16 * _PACKED_INDEX[lang]) for lang, weight in entry)
    for word, entry in _WORD_INDEX.items()
}
_HALVES: Final = struct.Struct(f"<{len(_PACKED_LANGS)}H")
if any(2 * w != int(2 * w) for table in _WORDS.values() for w in table.values()) or (
    max(w for table in _WORDS.values() for w in table.values()) * 2 * (3 * SAMPLE_CHARS // 2 + 1) >= 2**16
):
    raise AssertionError("word weights must be whole halves, small enough for 16-bit sums")


def normalize_hint(hint: str | None) -> str | None:
    """A watchlist language hint ("nb", "zh-TW", "sv-SE") as one of LANGUAGES, or None."""
    if not hint:
        return None
    h = hint.strip().lower().replace("_", "-")
    return _HINTS.get(h) or _HINTS.get(h.split("-")[0])


def detect_language(text: str, hint: str | None = None) -> str:
    """The language of one clause; the hint ("nb", "zh-TW", ...) wins when evidence is weak."""
    return detect_language_evidence(text, hint)[0]


@lru_cache(maxsize=8192)  # two versions of a policy share most clauses
def detect_language_evidence(text: str, hint: str | None = None) -> tuple[str, bool]:
    """(language, whether the text itself was evidence enough); segment lets a clause with weak
    evidence take its neighbours' language."""
    hinted = normalize_hint(hint)
    if text.isascii():
        return _ascii_evidence(text[:SAMPLE_CHARS], hinted)
    if _HAN.search(text):
        sample = text[:SAMPLE_CHARS]
        han = len(_HAN.findall(sample))
        if _KANA_HANGUL.search(sample):
            return hinted or "und", False  # Japanese or Korean: not ours to tell
        # Each Latin word takes at least two characters with its space: mostly-Han text needs no count.
        if han >= 2 and (2 * han >= len(sample) or han >= len(_LATIN_WORD.findall(sample))):
            return _chinese_form(sample, hinted)
    return _scored_evidence(_with_shapes(text, _latin_scores(text), hinted), hinted)


def evidence_of_clauses(texts: Sequence[str], hint: str | None = None) -> list[tuple[str, bool]]:
    """[detect_language_evidence(text, hint) for text in texts], for the clauses of a page seen
    once (a first version, which nothing compares): the ASCII ones (most) are not cached, and
    their samples go through the byte table of _ascii_evidence in one call, joined by line
    breaks (none of them holds one, else each text is asked alone). Another text is asked
    through the cache, as ever."""
    hinted = normalize_hint(hint)
    at = [i for i, text in enumerate(texts) if text.isascii()]
    samples = "\n".join([texts[i][:SAMPLE_CHARS] for i in at])
    pieces = samples.encode("ascii").translate(_ASCII_WORDS_LINES).decode("ascii").split("\n") if at else []
    if len(pieces) != len(at):  # a text with a line break of its own
        return [detect_language_evidence(text, hint) for text in texts]
    out = [detect_language_evidence(text, hint) if not text.isascii() else None for text in texts]
    for i, piece in zip(at, pieces, strict=True):
        packed = _packed_sum(piece.split())
        verdict = _packed_verdict(packed, hinted) if packed else (hinted or "und", False)
        if verdict is None:  # a close call: as _ascii_evidence decides it
            sample = texts[i][:SAMPLE_CHARS]
            verdict = _scored_evidence(_with_shapes(sample, _latin_scores(sample), hinted), hinted)
        out[i] = verdict
    return out  # type: ignore[return-value]


def _packed_sum(words: list[str]) -> int:
    """The sum of the packed weights (_PACKED_WORDS) of the words that weigh: a compiled loop
    asks the dict directly (map, filter and sum called its .get through the generic call
    protocol for every word). The sums are of whole numbers: the same in any order."""
    packed = 0
    weights = _PACKED_WORDS
    for word in words:
        weight = weights.get(word)
        if weight is not None:
            packed += weight
    return packed


def _scored_evidence(scores: dict[str, float], hinted: str | None) -> tuple[str, bool]:
    """detect_language_evidence from the evidence per language."""
    if not scores:
        return hinted or "und", False
    best, best_score, tied = _best(scores, hinted)
    return _verdict(best, best_score, tied, hinted, scores.get(hinted or ""))


def _with_shapes(text: str, scores: dict[str, float], hinted: str | None) -> dict[str, float]:
    """The scores, with the word shapes (_SHAPES) counted when the top two are a close call and no
    language is hinted (a hint, or the document's own language, decides a close call instead)."""
    if hinted is not None or not _shapes_may_tell(scores):
        return scores
    low = text[:SAMPLE_CHARS].lower()
    shaped = dict(scores)
    for lang, shape, weight, needles in _SHAPES:
        if lang in scores or lang == "nl":
            found = _shape_count(shape, needles, low)
            if found:
                shaped[lang] = shaped.get(lang, 0.0) + weight * found
    return shaped


def _shape_count(shape: re.Pattern[str], needles: tuple[str, ...], low: str) -> int:
    """len(shape.findall(low)); 0 at once when `low` holds none of the shape's needles."""
    if needles:
        for needle in needles:
            if needle in low:
                break
        else:
            return 0
    return len(shape.findall(low))


def _shapes_may_tell(scores: dict[str, float]) -> bool:
    """The top two are a close call that word shapes may decide: one of them is a language the
    shapes tell apart, or the evidence is too weak to tell anything (an English clause nearly
    level with French is no question for them)."""
    # ties broken by name, not by the order the text's words gave the scores in: the ASCII fast
    # path (_packed_verdict) lists languages by name, and both must ask the shapes alike
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:2]
    if not ranked or (len(ranked) > 1 and ranked[0][1] - ranked[1][1] >= CLOSE_CALL):
        return False
    return ranked[0][1] < MIN_EVIDENCE or any(lang in _SHAPE_LANGS for lang, _ in ranked)


def _verdict(
    best: str, best_score: float, tied: bool, hinted: str | None, hinted_score: float | None
) -> tuple[str, bool]:
    """The language from the top one and its score, whether another tied with it, and the hinted
    language's score (None when the text has no evidence for it)."""
    if best_score < MIN_EVIDENCE or tied:
        return (hinted or (best if best_score >= 1.0 else "und")), False
    if hinted is not None and hinted_score is not None and hinted_score >= best_score * 0.8:
        return hinted, True
    return best, True


def _ascii_evidence(sample: str, hinted: str | None) -> tuple[str, bool]:
    """detect_language_evidence of ASCII text (most clauses), by one C-level sum of packed word
    weights (see _PACKED_WORDS) instead of a dictionary update per function word found."""
    words = sample.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
    packed = _packed_sum(words)
    if not packed:
        return hinted or "und", False
    verdict = _packed_verdict(packed, hinted)
    if verdict is None:
        return _scored_evidence(_with_shapes(sample, _latin_scores(sample), hinted), hinted)
    return verdict


# The verdict is a function of the packed sum and the hint but for a close call, which the
# sample's word shapes may decide; a page's clauses give a few thousand sums between them
# (1,000 real pages: 67,909 ASCII clauses, 3,319 sums), so most are found here.
@lru_cache(maxsize=16384)
def _packed_verdict(packed: int, hinted: str | None) -> tuple[str, bool] | None:
    """_ascii_evidence from the packed sum of its words' weights; None when the top two are a
    close call that the word shapes may decide (the sample's own scores are needed then)."""
    halves = _HALVES.unpack(packed.to_bytes(_HALVES.size, "little"))
    top = max(halves)
    if hinted is None and top - sorted(halves)[-2] < 2 * CLOSE_CALL:
        scores = {lang: h / 2 for lang, h in zip(_PACKED_LANGS, halves, strict=True) if h}
        if _shapes_may_tell(scores):
            return None
    i = _PACKED_INDEX.get(hinted or "")
    hinted_halves = halves[i] if i is not None else 0
    # the hinted language, else the first by name, among those with the top score (as _best)
    best = hinted if hinted is not None and hinted_halves == top else _PACKED_LANGS[halves.index(top)]
    tied = best != hinted and halves.count(top) > 1
    return _verdict(best, top / 2, tied, hinted, hinted_halves / 2 if hinted_halves else None)


def _best(scores: dict[str, float], hinted: str | None) -> tuple[str, float, bool]:
    """The top language (the hinted one, else the first by name, among those with the top score),
    its score, and whether another language has that score too."""
    top = max(scores.values())
    tops = [lang for lang, score in scores.items() if score == top]
    best = hinted if hinted in tops else min(tops)
    return best, top, len(tops) > 1 and best != hinted


def _chinese_form(text: str, hinted: str | None) -> tuple[str, bool]:
    simp = len(_SIMPLIFIED_RE.findall(text))
    trad = len(_TRADITIONAL_RE.findall(text))
    if simp > trad:
        return "zh-Hans", True
    if trad > simp:
        return "zh-Hant", True
    return (hinted if hinted in ("zh-Hans", "zh-Hant") else "zh-Hans"), False


# ASCII bytes that are no part of a _WORD match (all but a-z and A-Z) as spaces; the bytes of
# other characters (UTF-8: 0x80-0xff) kept as they are
_ASCII_NON_LETTERS: Final = bytes(
    c if 97 <= c <= 122 or 65 <= c <= 90 or c >= 128 else 32 for c in range(256)
)


def _non_ascii(encoded: bytes) -> str:
    """The characters of UTF-8 `encoded` that are not ASCII, in order."""
    return encoded.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")


_ASCII_BYTES: Final = bytes(range(128))


def _words(low: str, encoded: bytes | None = None) -> list[str]:
    """_WORD.findall(low), without the regex engine's per-character class test (~10 µs a clause):
    ASCII non-letters become spaces by one byte table (their UTF-8 bytes are theirs alone), and
    so do the typographic quotes and dashes most non-ASCII clauses have; the text is split there,
    and only a piece that is not all letters ("§", "©", a digit of another script beside its
    letters) is searched by _WORD; a piece of letters (str.isalpha: the categories L*, none of
    them \\d or "_") is one match."""
    if encoded is None:
        encoded = low.encode("utf-8", "surrogatepass")
    text = encoded.translate(_ASCII_NON_LETTERS).decode("utf-8", "surrogatepass")
    for mark in _TYPOGRAPHIC:
        if mark in text:
            text = text.replace(mark, " ")
    pieces = text.split()
    if "".join(pieces).isalpha():  # most clauses: every piece is one match
        return pieces
    out: list[str] = []
    for piece in pieces:
        if piece.isalpha():
            out.append(piece)
        else:
            out.extend(_WORD.findall(piece))
    return out


_TYPOGRAPHIC: Final = "’“”‘–—«»"  # no word characters (Pi, Pf, Pd)


def _latin_scores(text: str) -> dict[str, float]:
    """Evidence per language from the first SAMPLE_CHARS characters (plenty for a clause).

    The words' weights are summed packed (_PACKED_WORDS: one C-level sum, not a dictionary
    update per weight found); their sums are whole halves, which a float holds exactly, so each
    language's score before its special letters is the same number in any order of addition.
    The letters are then added in the text's order, as ever. (The scores' order in the dict
    differs; every reader of them looks up, sorts or takes the minimum.)"""
    sample = text[:SAMPLE_CHARS]
    if sample.isascii():  # the words _WORD finds, by one byte table; no special characters
        words = sample.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split()
        low, encoded = "", b""
    else:
        low = sample.lower()
        encoded = low.encode("utf-8", "surrogatepass")
        words = _words(low, encoded)
    scores: dict[str, float] = {}
    packed = _packed_sum(words)
    if packed:
        halves = _HALVES.unpack(packed.to_bytes(_HALVES.size, "little"))
        scores = {lang: h / 2 for lang, h in zip(_PACKED_LANGS, halves, strict=True) if h}
    # the special letters are none of them ASCII: searched for among the text's other characters
    # alone, in order (UTF-8 without its ASCII bytes: the others' sequences, whole)
    for c in _SPECIAL.findall(_non_ascii(encoded)) if low else ():
        for lang, weight in _CHAR_INDEX[c]:
            scores[lang] = scores.get(lang, 0.0) + weight
    return scores


def document_language(clauses: Sequence[Clause], hint: str | None = None) -> str:
    """The main language of a version: the clauses' languages weighted by their text length."""
    weights: dict[str, int] = {}  # a plain dict: a Counter's item update is several times dearer
    for c in clauses:
        lang = c.language
        if lang != "und":
            weights[lang] = weights.get(lang, 0) + len(c.text)
    if not weights:
        return normalize_hint(hint) or "und"
    return max(sorted(weights), key=lambda lang: weights[lang])
