"""Channels: how one alert reaches one route (console, e-mail over SMTP, signed webhook).

In: a RouteConfig (type and options from watchlist.yaml), the alert's stable id and its payload.
Out: the alert delivered, or a DeliveryError whose text is safe to store and log (it never holds
a password, a webhook secret, or a webhook URL's path or query, which often carry tokens).

Each channel is a small class with a `name` and a docstring, kept in CHANNELS (like urlwatch's
reporters); `channel_for(route)` picks one. The sender (sender.py) decides about retries.
"""

from __future__ import annotations

import json
import logging
import os
import smtplib
import ssl
import sys
from email.message import EmailMessage
from email.utils import formatdate
from typing import Any, ClassVar, TextIO
from urllib.parse import urlsplit

import requests

from monitor.alerts.render import (
    console_details,
    console_line,
    one_line,
    render_email_html,
    render_subject,
    render_text,
)
from monitor.alerts.signing import signed_headers
from monitor.models import RouteConfig

log = logging.getLogger(__name__)

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})
USER_AGENT = "policy-monitor-webhook/1"


class DeliveryError(Exception):
    """A failed delivery. `permanent` means retrying soon will not help (e.g. a 404 webhook)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class Channel:
    name: ClassVar[str] = ""

    def send(self, route: RouteConfig, alert_id: str, payload: dict[str, Any]) -> None:
        raise NotImplementedError


CHANNELS: dict[str, type[Channel]] = {}


def register(cls: type[Channel]) -> type[Channel]:
    CHANNELS[cls.name] = cls
    return cls


def channel_for(route: RouteConfig, *, console_stream: TextIO | None = None) -> Channel:
    cls = CHANNELS.get(route.type)
    if cls is None:
        raise DeliveryError(f"route {route.name!r} has unknown type {route.type!r}", permanent=True)
    if cls is ConsoleChannel:
        return ConsoleChannel(console_stream)
    return cls()


def env_secret(route: RouteConfig, env_name: str | None, what: str) -> str | None:
    """The secret named by an *_env option; a clear error if the variable is not set."""
    if not env_name:
        return None
    value = os.environ.get(str(env_name))
    if not value:
        raise DeliveryError(f"route {route.name!r}: environment variable {env_name} ({what}) is not set")
    return value


@register
class ConsoleChannel(Channel):
    """Prints one line per alert, then one line per detailed change, and logs the line."""

    name = "console"

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream

    def send(self, route: RouteConfig, alert_id: str, payload: dict[str, Any]) -> None:
        line = console_line(payload)
        log.info("alert %s: %s", alert_id, line)
        stream = self.stream or sys.stdout
        print("\n".join([line, *console_details(payload)]), file=stream, flush=True)


def build_email(route: RouteConfig, alert_id: str, payload: dict[str, Any]) -> EmailMessage:
    """multipart/alternative: the text part, then the HTML part. Message-ID derives from the id."""
    opts = route.options
    to = opts.get("to") or []
    msg = EmailMessage()
    subject = render_subject(payload)  # already free of CR/LF
    prefix = opts.get("subject_prefix")
    if prefix is not None:
        subject = one_line(f"{prefix} {subject.split('] ', 1)[-1]}".strip(), 200)
    msg["Subject"] = subject
    msg["From"] = str(opts.get("from") or "policy-monitor@localhost")
    msg["To"] = ", ".join([to] if isinstance(to, str) else [str(t) for t in to])
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = f"<{alert_id}@policy-monitor>"
    msg["X-Policy-Monitor-Alert"] = alert_id
    msg.set_content(render_text(payload))
    msg.add_alternative(render_email_html(payload), subtype="html")
    return msg


@register
class EmailChannel(Channel):
    """Sends a multipart/alternative e-mail over SMTP: STARTTLS, implicit TLS, or (localhost, or
    `tls: false` said explicitly) plain. The password comes from smtp.password_env."""

    name = "email"

    def send(self, route: RouteConfig, alert_id: str, payload: dict[str, Any]) -> None:
        smtp = dict(route.options.get("smtp") or {})
        host = str(smtp.get("host") or "localhost")
        implicit_tls = bool(smtp.get("tls", False))
        starttls = bool(smtp.get("starttls", not implicit_tls and host not in LOCAL_HOSTS))
        if not implicit_tls and not starttls and host not in LOCAL_HOSTS and smtp.get("tls") is not False:
            raise DeliveryError(
                f"route {route.name!r}: refusing to send mail to {host} without TLS; set smtp.starttls: true "
                "or smtp.tls: true (or smtp.tls: false to allow plain SMTP)"
            )
        port = int(smtp.get("port") or (465 if implicit_tls else 587 if starttls else 25))
        username = smtp.get("username")
        password = env_secret(route, smtp.get("password_env"), "smtp.password_env") if username else None
        if username and password is None:
            raise DeliveryError(f"route {route.name!r}: smtp.username is set but smtp.password_env is not")
        msg = build_email(route, alert_id, payload)
        timeout = float(smtp.get("timeout", 30))
        context = ssl.create_default_context(cafile=smtp.get("cafile"))
        try:
            if implicit_tls:
                conn: smtplib.SMTP = smtplib.SMTP_SSL(host, port, timeout=timeout, context=context)
            else:
                conn = smtplib.SMTP(host, port, timeout=timeout)
            with conn:
                if starttls:
                    conn.starttls(context=context)
                if username and password:
                    conn.login(str(username), password)
                conn.send_message(msg)
        except (smtplib.SMTPException, OSError) as exc:
            text = f"SMTP {host}:{port}: {type(exc).__name__}: {exc}"
            if password:
                text = text.replace(password, "***")
            raise DeliveryError(text[:500]) from None


@register
class WebhookChannel(Channel):
    """POSTs the payload as JSON, signed per Standard Webhooks with the secret from secret_env.
    2xx is delivered; 408, 429, 5xx, timeouts and refused connections are retried; other 4xx and
    3xx are permanent (the sender still tries a few times, in case the receiver is being fixed)."""

    name = "webhook"

    def send(self, route: RouteConfig, alert_id: str, payload: dict[str, Any]) -> None:
        url = str(route.options.get("url") or "")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise DeliveryError(
                f"route {route.name!r}: webhook url must be http(s)://host/...", permanent=True
            )
        where = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        secret = env_secret(route, route.options.get("secret_env"), "secret_env")
        body = json_body(payload)
        headers = {"content-type": "application/json", "user-agent": USER_AGENT}
        if secret:
            try:
                headers.update(signed_headers(secret, alert_id, body))
            except ValueError as exc:
                raise DeliveryError(f"route {route.name!r}: {exc}") from None
        else:
            headers["webhook-id"] = alert_id
        timeout = float(route.options.get("timeout", 10))
        try:
            resp = requests.post(url, data=body, headers=headers, timeout=timeout, allow_redirects=False)
        except requests.RequestException as exc:
            raise DeliveryError(f"webhook {where}: {type(exc).__name__}") from None
        resp.close()
        if 200 <= resp.status_code < 300:
            return
        retryable = resp.status_code in (408, 429) or resp.status_code >= 500
        raise DeliveryError(f"webhook {where}: HTTP {resp.status_code}", permanent=not retryable)


def json_body(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
