"""Guards against false versions: empty pages, challenge/captcha pages, login walls, shrinkage.

In: a normalised Document (and the length of the last stored version's text), or for HTTP
failures the FetchResult.
Out: None when the page looks like a real policy, else a short reason
("empty", "challenge", "login wall", "shrunk 72%").

A challenge or login phrase only counts on a short page: a real policy may well mention
"CAPTCHA" or "sign in" in a clause. Strong phrases ("checking your browser", "sign in to
continue") count on pages up to STRONG_MAX_UNITS; weak ones ("access denied", "captcha",
"logga in") only on very short pages, or for login walls together with a password field label.
Length is measured in "units": Latin/Cyrillic words, plus CJK characters at 30 words per 80 chars.
"""

from __future__ import annotations

import html
import re
import unicodedata

from monitor.fetch.base import SHRUNK
from monitor.lang.scripts import CJK, HANGUL
from monitor.lang.startup_cache import compile_cached
from monitor.models import Document, FetchResult

EMPTY_MAX_UNITS = 30  # fewer units than this is "empty" (30 words or 80 CJK characters)
WEAK_MAX_UNITS = 100  # weak phrases only count below this
STRONG_MAX_UNITS = 400  # strong phrases only count below this
SHRINK_LIMIT = 0.5  # a text shorter than half the previous one is suspect
_HEAD_CHARS = 4000

_CJK = compile_cached(f"[{CJK}{HANGUL}]")
_WORD = compile_cached(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# For the cheap lower bound on units (see _surely_long): a Latin or Cyrillic letter after whitespace
# always starts a _WORD match of its own; runs of CJK characters are counted by their lengths.
_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0400-\u0481\u048a-\u04ff"
_WORD_START = compile_cached(rf"\s[{_LETTERS}]")
_CJK_RUN = compile_cached(_CJK.pattern + "+")
_QUICK_WORDS_HEAD = 3000  # English averages ~6.5 characters a word: ~450 word starts
_QUICK_CJK_HEAD = 1500  # 400 units are 1,067 CJK characters

CHALLENGE_STRONG: tuple[str, ...] = (
    # en
    "checking your browser",
    "checking if the site connection is secure",
    "verify you are human",
    "verify that you are human",
    "verifying you are human",
    "please verify you are a human",
    "please enable javascript and cookies",
    "enable javascript and cookies to continue",
    "attention required",
    "ddos protection by",
    "are you a robot",
    "i'm not a robot",
    "i am not a robot",
    "please complete the security check",
    "pardon our interruption",
    "you have been blocked",
    "unusual traffic from your computer",
    "press & hold",
    "request unsuccessful. incapsula",
    "performance & security by cloudflare",
    # de fr es it pt nl sv no da
    "überprüfung ihres browsers",
    "sind sie ein mensch",
    "bestätigen sie, dass sie ein mensch sind",
    "vérification de votre navigateur",
    "vérifiez que vous êtes humain",
    "êtes-vous un robot",
    "comprobando su navegador",
    "verifica que eres humano",
    "verificando que eres humano",
    "verifica di essere umano",
    "verificando se você é humano",
    "controleren of u een mens bent",
    "kontrollerar din webbläsare",
    "verifiera att du är en människa",
    "sjekker nettleseren din",
    "bekreft at du er et menneske",
    "bekræft at du er et menneske",
    # ru ja ko
    "проверка браузера",
    "подтвердите, что вы не робот",
    "ロボットではありません",
    "로봇이 아닙니다",
    # zh
    "请完成安全验证",
    "請完成安全驗證",
    "人机验证",
    "人機驗證",
    "正在检查您的浏览器",
    "正在檢查您的瀏覽器",
    "滑动验证",
    "拖动滑块",
    "请按住滑块",
    "访问验证",
)
# Not "验证码" (verification code): ordinary Chinese policies mention the SMS code they send.
CHALLENGE_WEAK: tuple[str, ...] = (
    "just a moment",
    "one more step",
    "access denied",
    "access to this page has been denied",
    "captcha",
    "security check",
    "bot protection",
    "zugriff verweigert",
    "bitte warten",
    "accès refusé",
    "un instant",
    "acceso denegado",
    "un momento",
    "accesso negato",
    "acesso negado",
    "toegang geweigerd",
    "even geduld",
    "åtkomst nekad",
    "ett ögonblick",
    "tilgang nektet",
    "adgang nægtet",
    "доступ запрещен",
    "доступ запрещён",
    "アクセスが拒否されました",
    "접근이 거부",
    "访问被拒绝",
    "訪問被拒絕",
    "存取遭拒",
    "请稍候",
    "請稍候",
)
LOGIN_STRONG: tuple[str, ...] = (
    # en
    "sign in to continue",
    "log in to continue",
    "login to continue",
    "log in to view",
    "sign in to view",
    "login to view",
    "you must be logged in",
    "you must log in",
    "you need to log in",
    "you need to sign in",
    "please log in to",
    "please sign in to",
    "login required",
    "sign-in required",
    "sign in required",
    "members only",
    "create an account to continue",
    # sv no da de fr es pt it nl
    "logga in för att fortsätta",
    "logga in för att se",
    "du måste logga in",
    "logg inn for å fortsette",
    "logg inn for å se",
    "du må logge inn",
    "log ind for at fortsætte",
    "du skal logge ind",
    "anmelden, um fortzufahren",
    "anmelden um fortzufahren",
    "bitte melden sie sich an",
    "anmeldung erforderlich",
    "connectez-vous pour continuer",
    "veuillez vous connecter",
    "inicia sesión para continuar",
    "inicie sesión para continuar",
    "faça login para continuar",
    "accedi per continuare",
    "log in om verder te gaan",
    # zh ja ko ru
    "登录后查看",
    "登录后才能",
    "请先登录",
    "请登录后",
    "登录以继续",
    "请先登陆",
    "登入後查看",
    "請先登入",
    "登入以繼續",
    "ログインしてください",
    "ログインが必要",
    "로그인이 필요",
    "로그인 후 이용",
    "войдите, чтобы продолжить",
    "требуется вход",
)
LOGIN_WEAK: tuple[str, ...] = (
    "sign in",
    "log in",
    "login",
    "logga in",
    "logg inn",
    "log ind",
    "anmelden",
    "einloggen",
    "se connecter",
    "iniciar sesión",
    "entrar",
    "accedi",
    "inloggen",
    "登录",
    "登入",
    "ログイン",
    "로그인",
    "войти",
)
PASSWORD_WORDS: tuple[str, ...] = (
    "password",
    "lösenord",
    "passord",
    "adgangskode",
    "passwort",
    "mot de passe",
    "contraseña",
    "senha",
    "wachtwoord",
    "пароль",
    "密码",
    "密碼",
    "パスワード",
    "비밀번호",
)


def suspicion(doc: Document, *, previous_text_length: int | None = None) -> str | None:
    """None when `doc` looks like a real policy, else "challenge", "login wall", "empty" or
    "shrunk N%" (N = how much shorter than previous_text_length, in percent)."""
    text = doc.text
    if _surely_long(text):  # the common case: no phrase can count, nor can it be empty
        return shrinkage(len(text), previous_text_length)
    units = text_units(text[:_HEAD_CHARS])  # units only grow with length: a long head is enough
    if units < STRONG_MAX_UNITS and len(text) > _HEAD_CHARS:
        units = text_units(text)
    if units < STRONG_MAX_UNITS:  # phrases never count on longer pages; skip the folding
        folded = fold(text)
        if looks_like_challenge(folded, units):
            return "challenge"
        if looks_like_login_wall(folded, units):
            return "login wall"
    if units < EMPTY_MAX_UNITS:
        return "empty"
    return shrinkage(len(text), previous_text_length)


def _surely_long(text: str) -> bool:
    """Whether text_units(text) >= STRONG_MAX_UNITS, told from a cheap lower bound of it.

    False only means "count properly". Two regex passes on short heads instead of text_units' three
    on 4,000 characters (or on the whole text, for a page of long words): ~5x cheaper.
    """
    words = len(_WORD_START.findall(text, 0, _QUICK_WORDS_HEAD))
    if words >= STRONG_MAX_UNITS:
        return True
    cjk = sum(map(len, _CJK_RUN.findall(text, 0, _QUICK_CJK_HEAD)))
    return words + cjk * EMPTY_MAX_UNITS / 80 >= STRONG_MAX_UNITS


def shrinkage(length: int, previous_length: int | None) -> str | None:
    """ "shrunk 72%" when `length` is under half of `previous_length`, else None."""
    if not previous_length or previous_length <= 0 or length >= previous_length * SHRINK_LIMIT:
        return None
    return f"{SHRUNK} {round(100 * (1 - length / previous_length))}%"


def classify_http_failure(result: FetchResult) -> str | None:
    """What a failed fetch really met: "challenge" when a 403/429/503 body is a challenge page
    (or the server says so), "login wall" for 401 or a 403 sign-in page; None otherwise."""
    if result.outcome != "error" or result.status is None:
        return None
    headers = {k.lower(): v for k, v in result.headers.items()}
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return "challenge"
    if result.status == 401:
        return "login wall"
    if result.status not in (403, 429, 503) or not result.body:
        return None
    text = html_to_text(result.body, result.charset)
    folded, units = fold(text), text_units(text)
    markers = (b"cf-chl", b"challenge-platform")
    if looks_like_challenge(folded, units) or any(m in result.body for m in markers):
        return "challenge"
    if looks_like_login_wall(folded, units):
        return "login wall"
    return None


# --- the tests behind the reasons -----------------------------------------------------------------


def looks_like_challenge(folded: str, units: float) -> bool:
    return _matches(folded, units, CHALLENGE_STRONG, CHALLENGE_WEAK)


def looks_like_login_wall(folded: str, units: float) -> bool:
    if _matches(folded, units, LOGIN_STRONG, ()):
        return True
    # A bare "sign in" is common in page chrome; with a password field on a short page it is a wall.
    return (
        units < WEAK_MAX_UNITS
        and any(p in folded for p in LOGIN_WEAK)
        and any(p in folded for p in PASSWORD_WORDS)
    )


def _matches(folded: str, units: float, strong: tuple[str, ...], weak: tuple[str, ...]) -> bool:
    if units < STRONG_MAX_UNITS and any(p in folded for p in strong):
        return True
    return units < WEAK_MAX_UNITS and any(p in folded for p in weak)


def text_units(text: str) -> float:
    """Latin/Cyrillic words plus CJK characters scaled so 80 characters weigh as 30 words."""
    cjk = len(_CJK.findall(text))
    words = len(_WORD.findall(_CJK.sub(" ", text)))
    return words + cjk * EMPTY_MAX_UNITS / 80


def fold(text: str) -> str:
    """NFKC, case-folded, apostrophes unified, whitespace collapsed: the form phrases match."""
    t = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return " ".join(t.split())


_DROP = compile_cached(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
_TAG = compile_cached(r"<[^>]+>")


def html_to_text(body: bytes, charset: str | None = None) -> str:
    """Rough visible text of an error page (no need for the full normaliser here)."""
    try:
        raw = body.decode(charset or "utf-8", errors="replace")
    except LookupError:
        raw = body.decode("utf-8", errors="replace")
    return html.unescape(_TAG.sub(" ", _DROP.sub(" ", raw)))
