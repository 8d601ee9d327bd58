"""Guards against false versions, on real seed policies and on pages served by PolicySite."""

from __future__ import annotations

import pytest
from policy_site import CHALLENGE_HTML, LOGIN_HTML, PolicySite, policy_html, seed_page, seed_text

from monitor.fetch.guards import classify_http_failure, html_to_text, suspicion
from monitor.fetch.http import HttpFetcher
from monitor.models import Block, Document, FetchResult, FetchSettings

FAST = FetchSettings(connect_timeout=0.5, read_timeout=0.5, retries=0, per_host_delay=0.0)


def doc_of(text: str) -> Document:
    """A Document with one paragraph per non-empty line (what normalise makes of plain text)."""
    return Document(tuple(Block("paragraph", line.strip()) for line in text.splitlines() if line.strip()))


def normalized(body: bytes) -> Document:
    """The real normaliser's Document for an HTML page."""
    from monitor.extract.normalize import normalize

    return normalize(body, "text/html", charset="utf-8")


def fetch_doc(site: PolicySite, path: str) -> Document:
    with HttpFetcher(FAST) as f:
        r = f.fetch(site.url(path))
    assert r.outcome == "ok", r.error
    return normalized(r.body)


from corpus import SEEDS  # noqa: E402

# --- real policies are not suspect -------------------------------------------------------------


@pytest.mark.parametrize("n", range(len(SEEDS)))
def test_seed_policies_are_not_suspect(n: int):
    assert suspicion(doc_of(seed_text(n))) is None


@pytest.mark.parametrize("n", range(len(SEEDS)))
def test_seed_pages_served_and_normalised_are_not_suspect(policy_site: PolicySite, n: int):
    policy_site.set_page("/privacy", seed_page(n))
    doc = fetch_doc(policy_site, "/privacy")
    assert suspicion(doc, previous_text_length=len(doc.text)) is None


def test_long_policy_mentioning_captcha_and_sign_in_is_not_suspect():
    text = seed_text(4) + (
        "\nWe use a CAPTCHA to verify you are human when you sign in to continue a session."
        "\nAccess denied to your account after five wrong passwords protects you. Just a moment of care."
    )
    assert suspicion(doc_of(text)) is None


def test_short_real_policy_with_sign_in_link_in_chrome_is_not_suspect():
    text = (
        "Log in\nPrivacy policy\n"
        "We collect your name and email address when you order, to deliver the order and to answer "
        "your questions. We keep order records for seven years because the tax law requires it. "
        "We share your address with the courier and nobody else. You may ask for a copy of your data "
        "or for its deletion by writing to privacy@example.org. We do not use your data for advertising."
    )
    assert suspicion(doc_of(text)) is None


def test_short_chinese_policy_is_not_empty():
    text = (
        "隐私政策\n我们仅收集您的手机号码用于登录验证,验证码不会用于其他用途。"
        "我们将您的个人信息保存三十天,之后删除。未经您的同意,我们不会向任何第三方提供您的个人信息。"
        "您可以随时联系我们查询、更正或删除您的个人信息。"
    )
    assert suspicion(doc_of(text)) is None


# --- challenge pages ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", [200])
def test_cloudflare_challenge_page_is_suspect(policy_site: PolicySite, status: int):
    doc = fetch_doc(policy_site, f"/challenge?status={status}")
    assert suspicion(doc) == "challenge"
    assert suspicion(doc, previous_text_length=20_000) == "challenge"  # the reason, not "shrunk"


@pytest.mark.parametrize(
    "text",
    [
        "Access Denied\nYou don't have permission to access this page on this server.\nReference #18.2f",
        "Attention Required! | Cloudflare\nSorry, you have been blocked",
        "请完成安全验证\n拖动下方滑块完成拼图",
        "人机验证\n为了您的账号安全,请完成验证后继续访问。",
        "Please enable JavaScript and cookies to continue",
        "Kontrollerar din webbläsare innan du kommer åt sidan.",
        "Vérification de votre navigateur avant d'accéder au site.",
        "Verify you are human by completing the action below.",
    ],
)
def test_challenge_phrases_in_several_languages(text: str):
    assert suspicion(doc_of(text)) == "challenge"


# --- login walls ---------------------------------------------------------------------------------


def test_sign_in_page_served_is_a_login_wall(policy_site: PolicySite):
    policy_site.set_page("/privacy", LOGIN_HTML)
    assert suspicion(fetch_doc(policy_site, "/privacy")) == "login wall"


@pytest.mark.parametrize(
    "text",
    [
        "Sign in to continue\nEmail\nPassword",
        "Logga in för att fortsätta\nE-post\nLösenord",
        "Logg inn\nBrukernavn\nPassord\nGlemt passord?",
        "登录后查看完整内容\n手机号\n密码",
        "Please log in to view this document.",
    ],
)
def test_login_wall_phrases_in_several_languages(text: str):
    assert suspicion(doc_of(text)) == "login wall"


# --- empty and shrunk ------------------------------------------------------------------------


def test_empty_200_is_suspect(policy_site: PolicySite):
    policy_site.set_page("/privacy", b"")
    r = HttpFetcher(FAST).fetch(policy_site.url("/privacy"))
    assert r.outcome == "ok" and r.body == b""
    assert suspicion(Document(blocks=())) == "empty"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Privacy Policy\nComing soon.",
        "Page not found. The page you are looking for does not exist.",
        "隐私政策\n页面正在更新中,请稍后再来。",
    ],
)
def test_near_empty_pages_are_suspect(text: str):
    assert suspicion(doc_of(text)) == "empty"


def test_page_with_only_chrome_is_empty(policy_site: PolicySite):
    policy_site.set_page("/privacy", policy_html(""))
    assert suspicion(fetch_doc(policy_site, "/privacy")) == "empty"


def test_shrinkage_reported_with_percentage():
    text = seed_text(0)
    doc = doc_of(text)
    length = len(doc.text)
    assert suspicion(doc, previous_text_length=round(length / 0.28)) == "shrunk 72%"
    assert suspicion(doc, previous_text_length=length * 2 + 2) == "shrunk 50%"
    assert suspicion(doc, previous_text_length=round(length / 0.6)) is None  # lost 40%: fine
    assert suspicion(doc, previous_text_length=length // 2) is None  # grew
    assert suspicion(doc, previous_text_length=0) is None


def test_policy_cut_to_a_third_is_reported(policy_site: PolicySite):
    policy_site.set_page("/privacy", seed_page(2))
    full = fetch_doc(policy_site, "/privacy")
    lines = seed_text(2).splitlines()
    policy_site.set_page("/privacy", policy_html("\n".join(lines[: len(lines) // 4])))
    cut = fetch_doc(policy_site, "/privacy")
    reason = suspicion(cut, previous_text_length=len(full.text))
    assert reason is not None and reason.startswith("shrunk ")
    assert int(reason.split()[1].rstrip("%")) > 50


# --- HTTP failures -------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [403, 503])
def test_http_challenge_page_is_classified(policy_site: PolicySite, status: int):
    r = HttpFetcher(FAST).fetch(policy_site.url(f"/challenge?status={status}"))
    assert r.outcome == "error" and r.status == status
    assert classify_http_failure(r) == "challenge"


@pytest.mark.parametrize("path", ["/status/403", "/status/404", "/status/500", "/status/503"])
def test_plain_http_errors_are_not_challenges(policy_site: PolicySite, path: str):
    r = HttpFetcher(FAST).fetch(policy_site.url(path))
    assert r.outcome == "error" and classify_http_failure(r) is None


def test_http_failure_other_cases():
    assert classify_http_failure(FetchResult(url="u", outcome="error", status=401)) == "login wall"
    cf = FetchResult(url="u", outcome="error", status=403, headers={"cf-mitigated": "challenge"})
    assert classify_http_failure(cf) == "challenge"
    ok = FetchResult(url="u", outcome="ok", status=200, body=CHALLENGE_HTML.encode())
    assert classify_http_failure(ok) is None  # a 200 challenge is the guards' job on the Document
    refused = FetchResult(url="u", outcome="error", error="connection refused")
    assert classify_http_failure(refused) is None


def test_html_to_text_keeps_visible_words_only():
    text = html_to_text(b"<html><script>var captcha=1</script><p>Hello &amp; welcome</p></html>")
    assert "Hello & welcome" in text and "captcha" not in text


def exact_verdict(text: str, previous: int | None) -> str | None:
    """suspicion() as it reads, with units counted on the whole text: the reference the shortcut
    for long pages must agree with."""
    import monitor.fetch.guards as g

    units = g.text_units(text)
    if units < g.STRONG_MAX_UNITS:
        folded = g.fold(text)
        if g.looks_like_challenge(folded, units):
            return "challenge"
        if g.looks_like_login_wall(folded, units):
            return "login wall"
    if units < g.EMPTY_MAX_UNITS:
        return "empty"
    return g.shrinkage(len(text), previous)


def test_the_quick_count_for_long_pages_never_changes_a_verdict():
    """Seed policies (two CJK), cut at many lengths around the 400-unit line, with challenge and
    login phrases in front, and pages of long words or of words glued by punctuation."""
    texts = [seed_text(n) for n in range(len(SEEDS))]
    texts += [
        "Datenschutzgrundverordnungskonformitätsbescheinigung " * 390,
        "a,b;c.d/" * 600,
        "中文" * 540 + " word" * 200,
        "Проверка браузера. " * 130,
    ]
    samples = []
    for text in texts:
        for cut in (200, 1000, 1066, 1070, 1500, 2400, 3000, 3100, 4000, 6000, len(text)):
            for lead in ("", "Checking your browser before accessing. ", "Please sign in to continue. "):
                samples.append(lead + text[:cut])
    long_ones = 0
    for s in samples:
        d = doc_of(s)
        for previous in (None, len(d.text) * 3):
            assert suspicion(d, previous_text_length=previous) == exact_verdict(d.text, previous), s[:80]
        long_ones += suspicion(d) is None
    assert long_ones > len(samples) // 3  # the shortcut was really taken on many of them
