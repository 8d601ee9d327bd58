"""watchlist.yaml: the example loads, defaults fill what is left out, and every kind of mistake
is reported with the line and field a person has to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.config.watchlist import load_watchlist, parse_duration, parse_watchlist
from monitor.errors import WatchlistError
from monitor.models import FetchSettings

REPO_ROOT = Path(__file__).resolve().parents[1]

ISSUE_EXAMPLE = """\
defaults: {interval: 6h, alert: [console]}
alerts:
  console: {type: console}
  team-mail: {type: email, to: [privacy@example.org], from: monitor@example.org,
              smtp: {host: smtp.example.org, port: 587, starttls: true,
                     username: monitor, password_env: SMTP_PASSWORD},
              min_severity: medium}
  hooks: {type: webhook, url: "https://hooks.example.org/p", secret_env: WEBHOOK_SECRET}
policies:
  - id: kaiconn-privacy            # slug, unique
    name: Kaiconn privacy policy
    url: https://www.kaiconn.com/privacy
    type: privacy                  # privacy | terms | cookies | other
    interval: 12h                  # overrides the default; 30s 15m 6h 1d
    select: main                   # optional CSS selector of the policy text
    remove: [".cookie-banner"]     # optional CSS selectors to drop
    language: zh                   # optional hint
    alert: [team-mail, hooks]
"""


def _error(text: str) -> WatchlistError:
    with pytest.raises(WatchlistError) as info:
        parse_watchlist(text, "watchlist.yaml")
    return info.value


def test_the_example_at_the_repo_root_is_valid() -> None:
    wl = load_watchlist(REPO_ROOT / "watchlist.yaml")
    assert len(wl.policies) >= 2
    assert all(p.url.startswith("https://") for p in wl.policies)
    assert len({p.id for p in wl.policies}) == len(wl.policies)
    assert "console" in wl.routes
    assert wl.path == str(REPO_ROOT / "watchlist.yaml")


def test_the_shape_of_the_issue_loads_into_policies_and_routes() -> None:
    wl = parse_watchlist(ISSUE_EXAMPLE)
    (p,) = wl.policies
    assert (p.id, p.name, p.url, p.type) == (
        "kaiconn-privacy",
        "Kaiconn privacy policy",
        "https://www.kaiconn.com/privacy",
        "privacy",
    )
    assert p.interval_seconds == 12 * 3600
    assert (p.select, p.remove, p.language, p.alert) == (
        "main",
        (".cookie-banner",),
        "zh",
        ("team-mail", "hooks"),
    )
    mail = wl.routes["team-mail"]
    assert mail.type == "email" and mail.min_severity == "medium"
    assert mail.options["to"] == ["privacy@example.org"] and mail.options["from"] == "monitor@example.org"
    smtp = mail.options["smtp"]
    assert (smtp["host"], smtp["port"], smtp["starttls"], smtp["tls"]) == (
        "smtp.example.org",
        587,
        True,
        None,  # unset: the e-mail channel decides (STARTTLS, or refuse plain SMTP off localhost)
    )
    assert smtp["password_env"] == "SMTP_PASSWORD" and "password" not in smtp
    hooks = wl.routes["hooks"]
    assert (
        hooks.options["url"] == "https://hooks.example.org/p"
        and hooks.options["secret_env"] == "WEBHOOK_SECRET"
    )
    assert wl.default_interval_seconds == 6 * 3600 and wl.default_alert == ("console",)


def test_only_policies_is_enough_and_everything_else_defaults() -> None:
    wl = parse_watchlist("policies:\n  - id: a\n    url: http://127.0.0.1:8000/privacy\n")
    (p,) = wl.policies
    assert p.name == "a" and p.type == "privacy" and p.interval_seconds == 6 * 3600
    assert p.alert == ("console",) and p.select is None and p.remove == () and p.language is None
    assert list(wl.routes) == ["console"] and wl.routes["console"].type == "console"
    assert wl.fetch == FetchSettings() and wl.failure_threshold == 3


def test_defaults_apply_to_policies_that_do_not_override_them() -> None:
    wl = parse_watchlist(
        "defaults: {interval: 1h30m, alert: [hooks]}\n"
        "alerts: {hooks: {type: webhook, url: 'http://127.0.0.1:9/h'}}\n"
        "policies:\n"
        "  - {id: a, url: 'http://x.test/a'}\n"
        "  - {id: b, url: 'http://x.test/b', interval: 15m, alert: console}\n"
    )
    a, b = wl.policies
    assert (a.interval_seconds, a.alert) == (5400, ("hooks",))
    assert (b.interval_seconds, b.alert) == (900, ("console",))


def test_fetch_settings_and_failure_threshold_are_read() -> None:
    wl = parse_watchlist(
        "fetch: {user_agent: bot/1, timeout: 5s, max_bytes: 2MiB, retries: 0, per_host_delay: 0.5,\n"
        "        per_host_concurrency: 4, max_workers: 16}\n"
        "failure_threshold: 5\n"
        "policies: []\n"
    )
    f = wl.fetch
    assert (f.user_agent, f.connect_timeout, f.read_timeout, f.max_bytes) == ("bot/1", 5.0, 5.0, 2 * 2**20)
    assert (f.retries, f.per_host_delay, f.per_host_concurrency, f.max_workers) == (0, 0.5, 4, 16)
    assert wl.failure_threshold == 5 and wl.policies == ()


def test_shared_settings_merge_in_with_anchors_and_explicit_keys_win() -> None:
    wl = parse_watchlist(
        "x-common: &common {interval: 1h, type: terms, remove: [nav]}\n"
        "policies:\n"
        "  - <<: *common\n    id: a\n    url: https://a.test/\n    type: privacy\n"
        "  - {<<: [*common], id: b, url: 'https://b.test/'}\n"
    )
    a, b = wl.policies
    assert (a.type, a.interval_seconds, a.remove) == ("privacy", 3600, ("nav",))
    assert (b.type, b.interval_seconds, b.remove) == ("terms", 3600, ("nav",))


def test_a_mistake_in_a_merged_anchor_is_reported_where_the_anchor_is() -> None:
    err = _error(
        "x-common: &common\n  interval: 6 hours\npolicies:\n  - {<<: *common, id: a, url: 'https://a.test/'}\n"
    )
    assert (err.line, err.field) == (2, "policies[0].interval")


def test_norwegian_language_hint_is_not_read_as_false() -> None:
    wl = parse_watchlist("policies:\n  - {id: a, url: 'https://x.test/', language: no}\n")
    assert wl.policies[0].language == "no"


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("30s", 30),
        ("15m", 900),
        ("6h", 21600),
        ("1d", 86400),
        ("1h30m", 5400),
        ("1d12h", 129600),
        (" 2H ", 7200),
    ],
)
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "6 hours", "h", "1w", "-1h", "30", "1m1h"])
def test_not_durations(text: str) -> None:
    assert parse_duration(text) is None


POLICY = "policies:\n  - id: a\n    url: https://x.test/\n"

# (yaml, line, field, a piece of the message)
ERRORS = [
    (POLICY + "    interval: 6 hours\n", 4, "policies[0].interval", "'6 hours' is not a duration (use 30s"),
    (POLICY + "    interval: 10s\n", 4, "policies[0].interval", "shorter than the minimum of 30s"),
    (POLICY + "    intervall: 6h\n", 4, "policies[0].intervall", "did you mean 'interval'"),
    (POLICY + "    type: privcy\n", 4, "policies[0].type", "did you mean 'privacy'"),
    (POLICY + "    alert: [console, mail]\n", 4, "policies[0].alert[1]", "no alert route named 'mail'"),
    (POLICY + "    select: 'div['\n", 4, "policies[0].select", "not a CSS selector"),
    (POLICY + "    remove: [nav, '##']\n", 4, "policies[0].remove[1]", "not a CSS selector"),
    (POLICY + "    language: 'english please'\n", 4, "policies[0].language", "not a language tag"),
    (POLICY + "    name: [a, b]\n", 4, "policies[0].name", "expected a text"),
    (POLICY + "  - id: a\n    url: https://y.test/\n", 4, "policies[1].id", "already used on line 2"),
    ("policies:\n  - id: Bad Id\n    url: https://x.test/\n", 2, "policies[0].id", "not a slug"),
    (
        "policies:\n  - id: a\n    url: ftp://x.test/\n",
        3,
        "policies[0].url",
        "not an http:// or https:// URL",
    ),
    ("policies:\n  - id: a\n    url: 'http://x.test:99999/'\n", 3, "policies[0].url", "not a valid URL"),
    ("policies:\n  - id: a\n", 2, "policies[0].url", "missing"),
    ("policies:\n  - just-a-string\n", 2, "policies[0]", "expected a mapping"),
    ("policies: {id: a}\n", 1, "policies", "expected a list"),
    ("polices: []\n", 1, "polices", "did you mean 'policies'"),
    ("defaults: {interval: 6h}\n", 1, "policies", "missing"),
    ("defaults:\n  interval: 6h\n  interval: 1h\npolicies: []\n", 3, "defaults.interval", "appears twice"),
    ("defaults:\n  alert: [pager]\npolicies: []\n", 2, "defaults.alert[0]", "no alert route named 'pager'"),
    (
        "alerts:\n  m:\n    type: sms\npolicies: []\n",
        3,
        "alerts.m.type",
        "not one of apprise, console, email, webhook",
    ),
    ("alerts:\n  m:\n    min_severity: high\npolicies: []\n", 2, "alerts.m.type", "missing"),
    (
        "alerts:\n  h:\n    type: webhook\n    url: https://h.test/\n    secret: s3cret\npolicies: []\n",
        5,
        "alerts.h.secret",
        "secret_env",
    ),
    (
        "alerts:\n  m:\n    type: email\n    to: a@b.test\n"
        "    from: c@d.test\n    smtp:\n      host: smtp.test\n"
        "      username: u\n      password: hunter2\npolicies: []\n",
        9,
        "alerts.m.smtp.password",
        "password_env",
    ),
    (
        "alerts:\n  m:\n    type: email\n    to: [a@b.test, nobody]\n"
        "    from: c@d.test\n    smtp: {host: s}\n"
        "policies: []\n",
        4,
        "alerts.m.to",
        "'nobody' (item 2) is not an e-mail address",
    ),
    (
        "alerts:\n  m:\n    type: email\n    to: a@b.test\n    from: c@d.test\npolicies: []\n",
        2,
        "alerts.m.smtp",
        "missing",
    ),
    (
        "alerts:\n  m:\n    type: email\n    to: []\n    from: c@d.test\n    smtp: {host: s}\npolicies: []\n",
        4,
        "alerts.m.to",
        "at least one address",
    ),
    (
        "alerts:\n  m:\n    type: email\n    to: a@b.test\n    from: c@d.test\n"
        "    smtp: {host: s, starttls: yes,\n"
        "      tls: true}\npolicies: []\n",
        7,
        "alerts.m.smtp.tls",
        "choose one",
    ),
    (
        "alerts:\n  m:\n    type: email\n    to: a@b.test\n    from: c@d.test\n    smtp:\n      host: s\n"
        "      port: 70000\npolicies: []\n",
        8,
        "alerts.m.smtp.port",
        "out of range",
    ),
    (
        "alerts:\n  h:\n    type: webhook\n    url: https://h.test/\n"
        "    secret_env: 'MY-SECRET'\npolicies: []\n",
        5,
        "alerts.h.secret_env",
        "not an environment variable name",
    ),
    (
        "alerts:\n  h:\n    type: webhook\n    url: https://h.test/\n    to: a@b.test\npolicies: []\n",
        5,
        "alerts.h.to",
        "unknown key",
    ),
    (
        "alerts:\n  c:\n    type: console\n    min_severity: critical\npolicies: []\n",
        4,
        "alerts.c.min_severity",
        "not one of none, low, medium, high",
    ),
    (
        "alerts:\n  c:\n    type: console\n    categories: [retention, cookies]\npolicies: []\n",
        4,
        "alerts.c.categories[1]",
        "not one of retention",
    ),
    ("alerts:\n  c:\n    type: console\n    digest: weekly\npolicies: []\n", 4, "alerts.c.digest", "daily"),
    (
        "alerts:\n  c:\n    type: console\n    include_non_material: maybe\npolicies: []\n",
        4,
        "alerts.c.include_non_material",
        "true or false",
    ),
    ("fetch:\n  retries: many\npolicies: []\n", 2, "fetch.retries", "whole number"),
    ("fetch:\n  max_bytes: lots\npolicies: []\n", 2, "fetch.max_bytes", "not a size"),
    ("fetch:\n  read_timout: 3s\npolicies: []\n", 2, "fetch.read_timout", "did you mean 'read_timeout'"),
    ("failure_threshold: 0\npolicies: []\n", 1, "failure_threshold", "out of range"),
    ("policies: []\nextra: [\n", 3, None, "YAML syntax"),
    ("policies:\n  - id: a\n\turl: x\n", 3, None, "YAML syntax"),
    ("", 1, None, "empty"),
    ("- a\n- b\n", 1, None, "expected a mapping"),
]


@pytest.mark.parametrize(
    ("text", "line", "field", "message"), ERRORS, ids=[f"{e[2]}-{i}" for i, e in enumerate(ERRORS)]
)
def test_each_error_names_its_line_and_field(text: str, line: int, field: str | None, message: str) -> None:
    err = _error(text)
    assert (err.line, err.field) == (line, field), str(err)
    assert message in err.message, str(err)
    assert str(err).startswith(f"watchlist.yaml:{line}:" + (f" {field}:" if field else ""))


def test_error_text_is_the_one_people_read() -> None:
    text = "# watched policies\n\npolicies:\n" + "".join(
        f"  - id: p{i}\n    url: https://x.test/{i}\n" for i in range(3)
    )
    text += "  - id: p3\n    url: https://x.test/3\n    interval: 6 hours\n"
    assert str(_error(text)) == (
        "watchlist.yaml:12: policies[3].interval: '6 hours' is not a duration (use 30s, 15m, 6h, 1d)"
    )


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(WatchlistError, match="nope.yaml: cannot read"):
        load_watchlist(missing)
    binary = tmp_path / "bin.yaml"
    binary.write_bytes(b"policies: []\n# \xff\xfe\n")
    with pytest.raises(WatchlistError) as info:
        load_watchlist(binary)
    assert info.value.line == 2 and "UTF-8" in info.value.message


def test_secrets_in_the_environment_are_not_read_at_load_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the variable's name is kept, so the loaded config never holds the secret itself."""
    monkeypatch.setenv("WEBHOOK_SECRET", "s3cret-value")
    wl = parse_watchlist(ISSUE_EXAMPLE)
    assert "s3cret-value" not in repr(wl.routes)


def test_every_mistake_is_reported_in_one_run_in_file_order() -> None:
    text = """\
alerts:
  ops-hook: {type: webhook, url: "ftp://hooks.example.org/x"}
  pager: {type: carrier-pigeon}
policies:
  - id: first-policy
    url: https://example.org/a
    interval: every six hours
  - id: Bad Id
    url: https://example.org/b
  - id: third
    url: not a url
    alert: [ops-hook]
    colour: blue
fetch: {retries: many}
"""
    err = _error(text)
    where = [(p.line, p.field) for p in err.problems]
    assert where == [
        (2, "alerts.ops-hook.url"),
        (3, "alerts.pager.type"),
        (7, "policies[0].interval"),
        (8, "policies[1].id"),
        (11, "policies[2].url"),
        (13, "policies[2].colour"),
        (14, "fetch.retries"),
    ], str(err)
    first_line, *rest = str(err).splitlines()
    assert first_line == "7 problems in watchlist.yaml:"
    assert rest[0].startswith("watchlist.yaml:2: alerts.ops-hook.url:")
    # a policy naming the broken route is not blamed again: the route's own line says what is wrong
    assert not any("no alert route" in p.message for p in err.problems)


def test_a_misspelt_required_key_is_reported_once_with_its_likely_name() -> None:
    err = _error("polices:\n  - {id: a, url: https://example.org/a}\n")
    assert len(err.problems) == 1
    assert "did you mean 'policies'" in str(err)


def test_route_types_and_their_keys_come_from_the_channel_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    from monitor.alerts.channels import CHANNELS, Channel

    class PagerChannel(Channel):
        """A route type added by one new class: the validator knows it and its keys at once."""

        name = "pager"
        keys = ("number",)

        @classmethod
        def read_options(cls, reader, keys, field, node):  # type: ignore[no-untyped-def]
            number = reader.optional(keys, "number", lambda n: reader.string(n, f"{field}.number"), "")
            return {"number": number}

    monkeypatch.setitem(CHANNELS, "pager", PagerChannel)
    wl = parse_watchlist(
        "alerts:\n  oncall: {type: pager, number: '555-0100'}\npolicies:\n"
        "  - {id: a, url: https://example.org/a, alert: [oncall]}\n"
    )
    assert (wl.routes["oncall"].type, wl.routes["oncall"].options) == ("pager", {"number": "555-0100"})
    err = _error("alerts:\n  oncall: {type: pager, numbr: '1'}\npolicies: []\n")
    assert "did you mean 'number'" in str(err)
    assert "pager" in _error("alerts:\n  x: {type: pagr}\npolicies: []\n").message
