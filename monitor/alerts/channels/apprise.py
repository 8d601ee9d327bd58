"""The Apprise channel: one alert to Slack, Teams, Discord, Matrix, Telegram, ntfy, Mattermost
and the 80-odd other services Apprise (https://github.com/caronc/apprise) reaches by URL.

Route keys: `urls` (one Apprise URL or a list) and/or `urls_env` (the name of an environment
variable holding one or more URLs, separated by spaces or commas: the place for URLs that carry
tokens), `timeout`. In: the route, the alert's stable id and its payload. Out: the message sent to
every URL, or a DeliveryError naming only the scheme and host of the URLs that failed (a URL's
user, password, path and query often are the token, so they never reach a log or the outbox).

The message fits a chat medium: a headline as title, then the severity, one line per material
change (its explanation), the link to the report (or the policy), and the alert id. Delivery goes
through the same outbox as e-mail and webhooks (retries, backoff, dead letters). Within one
process a URL that accepted an alert is not sent it again when the alert is retried for another
URL of the same route; the alert id is in every message (and in an `X-Policy-Monitor-Alert`
header for Apprise's json://, form:// and xml:// targets) so receivers can de-duplicate.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote, urlsplit

from monitor import redact as log_redact
from monitor.alerts.channels.base import Channel, DeliveryError, register
from monitor.alerts.render import build_view, one_line
from monitor.models import RouteConfig

if TYPE_CHECKING:
    from yaml.nodes import Node

    from monitor.config.watchlist import Validator

log = logging.getLogger(__name__)

MAX_CHANGE_LINES = 10
_HEADER_SCHEMES = frozenset({"json", "jsons", "form", "forms", "xml", "xmls"})
_SPLIT = re.compile(r"[\s,]+")
# (alert id, URL digest) pairs a URL already accepted, so a retry of the route skips them
_DELIVERED: OrderedDict[tuple[str, str], None] = OrderedDict()
_DELIVERED_MAX = 10_000
_LOCK = threading.Lock()


def split_urls(text: str) -> list[str]:
    """The URLs in an environment variable's value (spaces, commas or newlines between them)."""
    return [u for u in _SPLIT.split(text.strip()) if u]


def where(url: str) -> str:
    """What a log may say about a URL: its scheme and host (and port), nothing else."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "apprise URL"
    return f"{parts.scheme or '?'}://{host}{port}"


def secrets_of(url: str) -> list[str]:
    """The pieces of a URL that may be tokens: user, password, path segments, query values."""
    try:
        parts = urlsplit(url)
        pieces = [parts.username or "", parts.password or "", *parts.path.split("/")]
    except ValueError:
        return [url]
    pieces += [kv.split("=", 1)[-1] for kv in parts.query.split("&")]
    if parts.scheme and parts.netloc and not parts.hostname:
        pieces.append(parts.netloc)
    found = {p for piece in pieces for p in (piece, unquote(piece)) if len(p) >= 4}
    return sorted(found, key=len, reverse=True)


def redact(text: str, urls: list[str]) -> str:
    for url in urls:
        text = text.replace(url, where(url))
        for piece in secrets_of(url):
            text = text.replace(piece, "***")
    return text


def _apprise() -> Any:
    try:
        import apprise
    except ImportError:  # pragma: no cover - a core dependency
        raise DeliveryError(
            "the apprise package is not installed (pip install apprise)", permanent=True
        ) from None
    return apprise


def message(alert_id: str, payload: dict[str, Any]) -> tuple[str, str, str]:
    """(title, body, kind): the headline, a short plain-text body, and Apprise's notify type."""
    view = build_view(payload)
    title = one_line(view.subject.removeprefix("[policy-monitor] "), 200)
    kind = str(payload.get("type", ""))
    lines: list[str] = []
    if kind in ("policy.changed", "policy.test"):
        summary = payload.get("summary") or {}
        sev = summary.get("max_severity", "none")
        lines.append(f"Severity: {sev}. {one_line(view.summary, 400)}")
        material = [c for c in view.changes if c.material] or view.changes
        for ch in material[:MAX_CHANGE_LINES]:
            text = ch.explanation or f"{ch.kind} clause ({', '.join(ch.categories) or 'uncategorised'})"
            where_ = f" [{one_line(ch.section, 80)}]" if ch.section else ""
            lines.append(f"- {one_line(text, 240)}{where_}")
        if len(material) > MAX_CHANGE_LINES:
            lines.append(f"- and {len(material) - MAX_CHANGE_LINES} more")
    elif kind == "digest":
        lines.append(one_line(view.summary, 400))
        for part in view.parts[:MAX_CHANGE_LINES]:
            lines.append(f"- {one_line(part.subject.removeprefix('[policy-monitor] '), 240)}")
        if len(view.parts) > MAX_CHANGE_LINES:
            lines.append(f"- and {len(view.parts) - MAX_CHANGE_LINES} more")
    else:
        lines.append(one_line(view.summary, 600))
    for note in view.notes:
        lines.append(one_line(note, 300))
    policy = payload.get("policy") or {}
    link = payload.get("version_url") or policy.get("url")
    if link:
        lines.append(f"{'Report' if payload.get('version_url') else 'Page'}: {one_line(link, 500)}")
    lines.append(f"Alert {alert_id}")
    if kind == "policy.unreachable" or kind == "policy.challenge":
        notify = "failure"
    elif kind == "policy.recovered":
        notify = "success"
    elif (payload.get("summary") or {}).get("max_severity") in ("high", "medium"):
        notify = "warning"
    else:
        notify = "info"
    return title, "\n".join(lines), notify


def with_id_header(url: str, alert_id: str) -> str:
    """A json://, form:// or xml:// URL with the alert id as an extra header (`+Header=value`)."""
    if urlsplit(url).scheme.lower() not in _HEADER_SCHEMES:
        return url
    return f"{url}{'&' if '?' in url else '?'}{quote('+X-Policy-Monitor-Alert')}={quote(alert_id)}"


def route_urls(route: RouteConfig) -> list[str]:
    urls = [str(u) for u in route.options.get("urls") or []]
    env_name = route.options.get("urls_env")
    if env_name:
        value = os.environ.get(str(env_name), "")
        if not value.strip():
            raise DeliveryError(
                f"route {route.name!r}: environment variable {env_name} (urls_env) is not set"
            )
        urls += split_urls(value)
    if not urls:
        raise DeliveryError(f"route {route.name!r}: no Apprise URL to send to", permanent=True)
    return urls


@register
class AppriseChannel(Channel):
    """Sends a short message (headline, severity, one line per material change, link) to every
    Apprise URL of the route; a URL that fails makes the alert retry (the others are skipped)."""

    name = "apprise"
    keys = ("urls", "urls_env", "timeout")

    @classmethod
    def read_options(cls, reader: Validator, keys: dict[str, Node], field: str, node: Node) -> dict[str, Any]:
        if "urls" not in keys and "urls_env" not in keys:
            reader.fail(node, f"{field}.urls", "missing: an apprise route needs urls or urls_env")
        urls: tuple[str, ...] = ()
        if "urls" in keys:
            urls = reader.strings(keys["urls"], f"{field}.urls")
            apprise = _apprise()
            for i, url in enumerate(urls):
                if apprise.Apprise.instantiate(url) is None:
                    reader.note(
                        keys["urls"],
                        f"{field}.urls",
                        f"item {i + 1} ({where(url)}) is not an Apprise URL it can send to "
                        "(see https://github.com/caronc/apprise/wiki for each service's form)",
                    )
        return {
            "urls": list(urls),
            "urls_env": reader.optional(
                keys, "urls_env", lambda n: reader.env_name(n, f"{field}.urls_env"), None
            ),
            "timeout": reader.optional(
                keys, "timeout", lambda n: reader.seconds(n, f"{field}.timeout", minimum=1), 15.0
            ),
        }

    def send(self, route: RouteConfig, alert_id: str, payload: dict[str, Any]) -> None:
        apprise = _apprise()
        urls = route_urls(route)
        title, body, notify = message(alert_id, payload)
        timeout = float(route.options.get("timeout", 15))
        failed: list[str] = []
        for url in urls:
            # a URL's user, password, path and query may be its token: never in any log line
            log_redact.add_secret(url)
            log_redact.url_secret(url)
            parts = urlsplit(url)
            values = [kv.split("=", 1)[-1] for kv in parts.query.split("&") if "=" in kv]
            for piece in (parts.username, parts.password, *values, *map(unquote, values)):
                if piece and len(piece) >= 4:
                    log_redact.add_secret(piece)
            key = (alert_id, hashlib.sha256(url.encode()).hexdigest()[:16])
            with _LOCK:
                if key in _DELIVERED:
                    continue
            target = apprise.Apprise()
            if not target.add(with_id_header(url, alert_id)):
                raise DeliveryError(
                    f"route {route.name!r}: {where(url)} is not an Apprise URL", permanent=True
                )
            for service in target:
                # the route's timeout for each plugin's HTTP connect and read
                service.socket_connect_timeout = service.socket_read_timeout = timeout
            with apprise.LogCapture(level=logging.WARNING, fmt="%(message)s") as captured:
                ok = bool(target.notify(body=body, title=title, notify_type=notify, body_format="text"))
            if ok:
                with _LOCK:
                    _DELIVERED[key] = None
                    while len(_DELIVERED) > _DELIVERED_MAX:
                        _DELIVERED.popitem(last=False)
                continue
            reason = " ".join(captured.getvalue().split())
            failed.append(f"{where(url)}: {redact(reason, urls)[:200] or 'not delivered'}")
        if failed:
            raise DeliveryError(f"apprise route {route.name!r}: " + "; ".join(failed)[:500])
