"""The alert model, its formats, routing and signatures, without servers."""

from __future__ import annotations

import base64
import io
import json
import re
from email import message_from_bytes
from email import policy as email_policy

import pytest
from alert_samples import cosmetic_change, policy, retention_change, watchlist
from webhook_receiver import verify as receiver_verify

from monitor.alerts import (
    CHANNELS,
    SCHEMA,
    change_payload,
    console_line,
    plan_change_alerts,
    plan_health_alerts,
    render_email_html,
    render_report_html,
    render_text,
)
from monitor.alerts.channels import build_email, json_body
from monitor.alerts.render import render_subject
from monitor.alerts.signing import secret_key, sign, signed_headers, verify
from monitor.models import Change, Clause, RouteConfig

MAIL = RouteConfig(name="mail", type="email", options={"to": ["dpo@example.com"], "from": "pm@example.com"})
HOOK = RouteConfig(name="hook", type="webhook", options={"url": "http://127.0.0.1:9/h", "secret_env": "S"})
SEEN = "2026-11-25T10:00:00Z"


def payload_of(changes, **kw):
    return change_payload(policy(**kw), seq=3, seen_at=SEEN, changes=changes)


# --- the model ---------------------------------------------------------------------------------


def test_payload_details_material_changes_and_counts_the_rest():
    ret, cos = retention_change(), cosmetic_change()
    p = payload_of([ret, cos])
    assert p["schema"] == SCHEMA == "policy-monitor.alert/1"
    assert p["type"] == "policy.changed"
    assert p["policy"] == {
        "id": "acme",
        "name": "Acme Privacy Policy",
        "url": "https://acme.example/privacy",
        "type": "privacy",
    }
    assert p["version"] == 3 and p["seen_at"] == SEEN
    assert p["summary"] == {
        "added": 0,
        "removed": 0,
        "modified": 2,
        "moved": 0,
        "material": 1,
        "non_material": 1,
        "categories": ["retention"],
        "max_severity": "high",
    }
    assert p["changes"] == [ret.to_dict()]  # the contract's shape, material ones only
    json.dumps(p)  # JSON-able as is


def test_text_and_html_show_category_severity_explanation_section_and_highlights():
    p = payload_of([retention_change(), cosmetic_change()])
    text = render_text(p)
    assert "MODIFIED  high  [retention]" in text
    assert "Retention period set to 10 years instead of keeping data as long as necessary" in text
    assert "in: Privacy Policy > How long we keep your information" in text
    assert re.search(r"Before: We keep your information for \[-no longer than is necessary", text)
    assert re.search(r"After: +We keep your information for \{\+10 years", text)
    assert "1 non-material change(s) recorded" in text
    assert "privacy@example" not in text  # non-material: counted, not detailed
    html = render_email_html(p)
    assert '<del style="color:#b00020' in html and ">no longer than is necessary" in html
    assert '<ins style="color:#0a6b2d' in html and ">10 years" in html
    assert "line-through" in html
    assert "<script" not in html.lower() and "<style" not in html.lower()  # inline styles only
    line = console_line(p)
    assert "acme v3" in line and "highest severity high: retention" in line and "\n" not in line


def test_every_format_carries_the_same_facts():
    p = payload_of([retention_change()])
    expl = "Retention period set to 10 years instead of keeping data as long as necessary"
    for out in (render_text(p), render_email_html(p), render_report_html(p), json.dumps(p)):
        assert expl in out and "Acme Privacy Policy" in out and "retention" in out and "high" in out


def test_alert_ids_are_stable_and_distinct_per_route_and_version():
    wl = watchlist(MAIL, HOOK)
    a = plan_change_alerts(policy(), wl, seq=3, seen_at=SEEN, changes=[retention_change()])
    b = plan_change_alerts(policy(), wl, seq=3, seen_at="2026-11-26T00:00:00Z", changes=[retention_change()])
    c = plan_change_alerts(policy(), wl, seq=4, seen_at=SEEN, changes=[retention_change()])
    assert [x.alert_id for x in a] == [x.alert_id for x in b]
    assert len({x.alert_id for x in a + c}) == 4
    assert all(re.fullmatch(r"pm-[0-9a-f]{24}", x.alert_id) for x in a)


# --- routing ----------------------------------------------------------------------------------


def test_material_change_goes_to_each_route_of_the_policy_and_cosmetic_to_none():
    wl = watchlist(MAIL, HOOK)
    alerts = plan_change_alerts(
        policy(), wl, seq=2, seen_at=SEEN, changes=[retention_change(), cosmetic_change()]
    )
    assert [(a.route, a.kind, a.status) for a in alerts] == [
        ("mail", "change", "pending"),
        ("hook", "change", "pending"),
    ]
    assert alerts[0].payload["changes"][0]["categories"] == ["retention"]
    assert plan_change_alerts(policy(), wl, seq=2, seen_at=SEEN, changes=[cosmetic_change()]) == []


def test_route_filters_min_severity_categories_non_material_and_digest():
    ret = retention_change()
    medium = Change(**{**ret.__dict__, "severity": "medium"})
    strict = RouteConfig(name="strict", type="console", min_severity="high")
    sharing = RouteConfig(name="sharing", type="console", categories=("sharing",))
    everything = RouteConfig(name="all", type="console", include_non_material=True)
    daily = RouteConfig(name="daily", type="console", digest="daily")
    wl = watchlist(strict, sharing, everything, daily)
    pol = policy(alert=("strict", "sharing", "all", "daily"))

    def routes(changes):
        return {a.route: a for a in plan_change_alerts(pol, wl, seq=2, seen_at=SEEN, changes=changes)}

    assert set(routes([ret])) == {"strict", "all", "daily"}
    assert set(routes([medium])) == {"all", "daily"}
    only_cosmetic = routes([cosmetic_change()])
    assert set(only_cosmetic) == {"all"}
    assert only_cosmetic["all"].payload["changes"][0]["categories"] == ["contact"]
    assert routes([ret])["daily"].status == "digest"


def test_default_routes_unknown_routes_and_console_always_exists():
    wl = watchlist(MAIL)
    alerts = plan_change_alerts(policy(alert=()), wl, seq=2, seen_at=SEEN, changes=[retention_change()])
    assert [a.route for a in alerts] == ["console"]
    alerts = plan_change_alerts(
        policy(alert=("nope", "mail")), wl, seq=2, seen_at=SEEN, changes=[retention_change()]
    )
    assert [a.route for a in alerts] == ["mail"]


def test_health_alerts_go_to_every_route_at_once():
    daily = RouteConfig(name="daily", type="console", digest="daily")
    wl = watchlist(MAIL, daily)
    alerts = plan_health_alerts(
        policy(alert=("mail", "daily")),
        wl,
        kind="unreachable",
        at=SEEN,
        detail="3 failed checks in a row: HTTP 503",
    )
    assert [(a.route, a.kind, a.status) for a in alerts] == [
        ("mail", "unreachable", "pending"),
        ("daily", "unreachable", "pending"),
    ]
    p = alerts[0].payload
    assert p["type"] == "policy.unreachable" and p["detail"].startswith("3 failed checks")
    assert "is unreachable" in render_subject(p) and "HTTP 503" in render_text(p)
    with pytest.raises(ValueError):
        plan_health_alerts(policy(), wl, kind="bogus", at=SEEN, detail="")


# --- untrusted text ----------------------------------------------------------------------------

EVIL_NAME = "Evil <script>alert(1)</script> Corp\r\nBcc: victim@example.com\r\n\r\n<b>x</b>"
EVIL_TEXT = "We keep data {{ config.SECRET }} {% include 'x' %} ${HOME} $x <script>alert(1)</script> forever."


def evil_payload():
    old = "We keep data for 3 years."
    ch = Change(
        kind="modified",
        old=Clause(index=1, text=old, section=("<img src=x onerror=alert(1)>",)),
        new=Clause(index=1, text=EVIL_TEXT, section=("<img src=x onerror=alert(1)>",)),
        inline=[(0, "We keep data "), (-1, "for 3 years."), (1, EVIL_TEXT.removeprefix("We keep data "))],
        categories=["retention"],
        material=True,
        severity="high",
        explanation="retention lengthened <script>alert(2)</script> {{ x }}",
    )
    return change_payload(
        policy(name=EVIL_NAME, url="javascript:alert(1)"), seq=2, seen_at=SEEN, changes=[ch]
    )


def test_hostile_policy_is_harmless_in_html_formats():
    p = evil_payload()
    for html in (render_email_html(p), render_report_html(p)):
        low = html.lower()
        assert "<script" not in low and "<img" not in low and "<b>x</b>" not in low
        assert 'href="javascript' not in low
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        # template syntax is shown literally, not evaluated
        assert (
            "{{ config.SECRET }}" in html and "{% include &#x27;x&#x27; %}" in html and "${HOME} $x" in html
        )
    assert "script-src" not in render_report_html(p) and "default-src 'none'" in render_report_html(p)


def test_hostile_policy_cannot_inject_mail_headers():
    route = RouteConfig(name="mail", type="email", options={"to": "dpo@example.com"})
    raw = build_email(route, "pm-abc", evil_payload()).as_bytes()
    msg = message_from_bytes(raw, policy=email_policy.default)
    assert msg["Bcc"] is None and msg.get_all("Subject") and len(msg.get_all("Subject")) == 1
    subject = str(msg["Subject"])
    assert "\r" not in subject and "\n" not in subject and "Evil" in subject
    assert msg["Message-ID"] == "<pm-abc@localhost>"
    text = msg.get_body(("plain",)).get_content()
    assert "{{ config.SECRET }}" in text and "${HOME} $x" in text
    html = msg.get_body(("html",)).get_content()
    assert "<script" not in html.lower()


def test_hostile_policy_is_harmless_in_console_and_json():
    p = evil_payload()
    line = console_line(p)
    assert "\r" not in line and "\n" not in line
    assert json.loads(json_body(p)) == p  # JSON carries the text verbatim; the receiver escapes it


# --- signatures --------------------------------------------------------------------------------


def test_signature_matches_an_independent_verifier_and_a_wrong_secret_fails():
    body = json_body(payload_of([retention_change()]))
    headers = signed_headers("s3cret", "pm-1", body)
    assert headers["webhook-id"] == "pm-1" and headers["webhook-signature"].startswith("v1,")
    assert receiver_verify(
        b"s3cret", "pm-1", headers["webhook-timestamp"], body, headers["webhook-signature"]
    )
    assert not receiver_verify(
        b"other", "pm-1", headers["webhook-timestamp"], body, headers["webhook-signature"]
    )
    assert verify("s3cret", headers, body)
    assert not verify("other", headers, body)
    assert not verify("s3cret", headers, body + b" ")
    assert not verify("s3cret", {**headers, "webhook-id": "pm-2"}, body)


def test_whsec_secrets_are_base64_decoded_per_spec_and_old_timestamps_refused():
    raw = b"\x01\x02secret-bytes\xff"
    whsec = "whsec_" + base64.b64encode(raw).decode()
    assert secret_key(whsec) == raw and secret_key("plain") == b"plain"
    # the spec's published example: id msg_p5jXN8AQM9LWM0D4loKWxJek, timestamp 1614265330
    spec_secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    body = b'{"test": 2432232314}'
    assert sign(spec_secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body) == (
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    )
    headers = signed_headers(whsec, "pm-1", body, timestamp=1_000_000)
    assert not verify(whsec, headers, body)  # far too old
    assert verify(whsec, headers, body, now=1_000_100)
    with pytest.raises(ValueError):
        secret_key("whsec_***not base64***")


def test_subject_prefix_option_replaces_the_default_prefix():
    route = RouteConfig(
        name="mail", type="email", options={"to": ["a@example.com"], "subject_prefix": "[legal]"}
    )
    msg = build_email(route, "pm-1", payload_of([retention_change()]))
    assert msg["Subject"] == "[legal] Acme Privacy Policy: high change (retention)"


def test_console_channel_prints_the_line_and_one_explanation_line_per_change():
    out = io.StringIO()
    p = payload_of([retention_change(), cosmetic_change()])
    CHANNELS["console"](out).send(RouteConfig(name="console", type="console"), "pm-1", p)
    lines = out.getvalue().splitlines()
    assert lines[0] == console_line(p)
    assert lines[1:] == [
        "  - [high] retention: Retention period set to 10 years instead of keeping data as long as necessary"
        " (Privacy Policy > How long we keep your information)"
    ]


def test_digest_renders_every_part():
    from monitor.alerts.payload import digest_payload

    parts = [payload_of([retention_change()]), payload_of([retention_change()], name="Other Co")]
    p = digest_payload(
        "daily", period_start="2026-11-24T00:00:00Z", period_end="2026-11-25T00:00:00Z", parts=parts
    )
    assert p["summary"] == {"alerts": 2, "material": 2, "categories": ["retention"], "max_severity": "high"}
    text, html = render_text(p), render_email_html(p)
    for out in (text, html):
        assert "Acme Privacy Policy" in out and "Other Co" in out
        assert out.count("Retention period set to 10 years instead of keeping data as long as necessary") == 2
    assert render_subject(p) == "[policy-monitor] Daily digest: 2 alert(s), highest severity high"


def test_reports_list_material_changes_first_by_severity_then_the_rest_in_document_order():
    def change(i: int, material: bool, severity: str) -> Change:
        old = Clause(i, f"Clause number {i} of the terms.")
        new = Clause(i, f"Clause number {i} of the terms, changed.")
        return Change(
            "modified",
            old,
            new,
            categories=["retention"] if material else [],
            material=material,
            severity=severity,
            explanation=f"change {i}",
        )

    in_document_order = [
        change(0, False, "none"),
        change(1, True, "low"),
        change(2, True, "high"),
        change(3, False, "none"),
        change(4, True, "high"),
    ]
    p = change_payload(policy(), seq=3, seen_at=SEEN, changes=in_document_order, include_non_material=True)
    expected = ["change 2", "change 4", "change 1", "change 0", "change 3"]
    assert [c["explanation"] for c in p["changes"]] == expected
    html = render_report_html(p)
    assert html.index("change 2") < html.index("change 4") < html.index("change 1") < html.index("change 0")


def test_a_page_rewritten_into_thousands_of_changes_gives_a_bounded_alert_that_says_what_it_left_out():
    from monitor.alerts.routing import MAX_DETAILED_CHANGES

    ret = retention_change()
    low = [
        Change(**{**ret.__dict__, "severity": "low", "new": Clause(i, f"Row {i} of the cookie table.")})
        for i in range(MAX_DETAILED_CHANGES + 300)
    ]
    high = Change(**{**ret.__dict__, "new": Clause(10_000, "We keep your data for 10 years.")})
    changes = [*low[:250], high, *low[250:]]
    (alert,) = plan_change_alerts(policy(), watchlist(MAIL), seq=2, seen_at=SEEN, changes=changes)
    detailed = alert.payload["changes"]
    assert len(detailed) == MAX_DETAILED_CHANGES
    assert alert.payload["changes_omitted"] == len(changes) - MAX_DETAILED_CHANGES
    assert high.to_dict() in detailed  # the high one is kept though it sits past the first 200
    assert alert.payload["summary"]["material"] == len(changes)  # the summary counts them all
    text = render_text(alert.payload)
    assert f"{len(changes) - MAX_DETAILED_CHANGES} more change(s) not detailed here" in text
    assert len(text) < 200_000


def test_an_alert_within_the_limit_details_every_change_and_omits_nothing():
    changes = [retention_change()]
    (alert,) = plan_change_alerts(policy(), watchlist(MAIL), seq=2, seen_at=SEEN, changes=changes)
    assert len(alert.payload["changes"]) == 1 and "changes_omitted" not in alert.payload
    assert "not detailed here" not in render_text(alert.payload)
