"""Alerts: plan them from changes (routing), render them (one model, many formats), deliver
them exactly once from the outbox (sender + channels).

INTERFACE STUB, implemented by the alerts helper. Public names other stages use:

    plan_change_alerts(policy, watchlist, *, seq, seen_at, changes) -> list[NewAlert]
    plan_health_alerts(policy, watchlist, *, kind, at, detail) -> list[NewAlert]
        kind: unreachable | recovered | challenge
    Sender(store, watchlist).deliver_due(now=None) -> dict[str, int]   # one pass
    Sender(store, watchlist).run(stop: threading.Event, interval=5.0)  # daemon thread body
    send_test_alert(watchlist, route_name) -> None
    render_report_html(payload: dict) -> str
"""
