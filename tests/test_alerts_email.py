"""The alert e-mail as a reader's mail system sees it, sent through a real SMTP server on
127.0.0.1: a footer saying why the reader got it and how to change that, Auto-Submitted, a
Message-ID in the sender's domain, and times in the watchlist's `timezone:` (UTC by default,
named as such)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from alert_samples import policy, retention_change
from smtp_server import SMTPServer

from monitor.alerts.channels import channel_for
from monitor.alerts.payload import change_payload
from monitor.config.watchlist import parse_watchlist
from monitor.errors import WatchlistError

WATCHLIST = """\
{timezone}alerts:
  dpo-mail:
    type: email
    to: [dpo@example.com]
    from: "Policy Monitor <alerts@monitor.example.org>"
    smtp: {{host: 127.0.0.1, port: {port}, tls: false, timeout: 5s}}
    min_severity: medium
    categories: [retention, sharing]
policies:
  - {{id: acme, url: "https://acme.example/privacy", alert: [dpo-mail]}}
"""


@pytest.fixture
def smtp() -> Iterator[SMTPServer]:
    server = SMTPServer().start()
    yield server
    server.stop()


def send(smtp: SMTPServer, timezone: str = ""):
    wl = parse_watchlist(WATCHLIST.format(timezone=timezone, port=smtp.port), "watchlist.yaml")
    route = wl.routes["dpo-mail"]
    payload = change_payload(policy(), seq=2, seen_at="2026-01-15T09:30:00Z", changes=[retention_change()])
    channel_for(route).send(route, "pm-0123456789abcdef01234567", payload)
    [received] = smtp.messages
    return wl, received.message


def test_the_footer_says_why_and_how_to_change_it_and_mail_systems_see_it_is_automatic(smtp):
    _, msg = send(smtp)
    assert msg["Auto-Submitted"] == "auto-generated"
    assert msg["Message-ID"] == "<pm-0123456789abcdef01234567@monitor.example.org>"
    text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = msg.get_body(("html",)).get_content()
    foot = text.split("\n-- \n", 1)[1]
    assert "route 'dpo-mail'" in foot and "severity medium or higher" in foot
    assert "in the categories retention, sharing" in foot and "To change that" in foot
    assert "route &#x27;dpo-mail&#x27;" in html and "To change that" in html
    assert "Seen:    2026-01-15 09:30 UTC" in text  # the default zone, named


def test_times_are_shown_in_the_watchlists_zone(smtp):
    wl, msg = send(smtp, "timezone: Europe/Stockholm\n")
    assert wl.timezone == "Europe/Stockholm" and wl.routes["dpo-mail"].timezone == "Europe/Stockholm"
    text = msg.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert "Seen:    2026-01-15 10:30 CET (UTC+01:00, Europe/Stockholm)" in text
    assert "2026-01-15 10:30 CET" in msg.get_body(("html",)).get_content()
    assert msg["Date"].datetime.utcoffset() is not None


def test_an_unknown_zone_is_a_validation_error_at_its_line():
    with pytest.raises(WatchlistError) as info:
        parse_watchlist(WATCHLIST.format(timezone="timezone: Mars/Olympus\n", port=25), "watchlist.yaml")
    assert "watchlist.yaml:1: timezone: 'Mars/Olympus' is not a time zone name" in str(info.value)
