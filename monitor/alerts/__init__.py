"""Alerts: plan them from changes (routing), render them (one model, many formats), deliver
them exactly once from the outbox (sender + channels).

    plan_change_alerts(policy, watchlist, *, seq, seen_at, changes, version_url=None) -> list[NewAlert]
    plan_health_alerts(policy, watchlist, *, kind, at, detail) -> list[NewAlert]
        kind: unreachable | recovered | challenge
    change_payload(policy, *, seq, seen_at, changes) -> dict   # schema policy-monitor.alert/1
    Sender(store, watchlist).deliver_due(now=None) -> dict[str, int]   # one pass
    Sender(store, watchlist).run(stop: threading.Event, interval=5.0)  # daemon thread body
    send_test_alert(watchlist, route_name) -> None                     # raises MonitorError
    render_report_html(payload: dict) -> str
    console_line(payload: dict) -> str

Modules: payload (the model), render (every format), routing, channels, signing, sender.
"""

from monitor.alerts.channels import CHANNELS, DeliveryError
from monitor.alerts.payload import SCHEMA, change_payload, health_payload, make_alert_id
from monitor.alerts.render import console_line, render_email_html, render_report_html, render_text
from monitor.alerts.routing import plan_change_alerts, plan_health_alerts
from monitor.alerts.sender import Sender, send_test_alert

__all__ = [
    "CHANNELS",
    "SCHEMA",
    "DeliveryError",
    "Sender",
    "change_payload",
    "console_line",
    "health_payload",
    "make_alert_id",
    "plan_change_alerts",
    "plan_health_alerts",
    "render_email_html",
    "render_report_html",
    "render_text",
    "send_test_alert",
]
