"""The e-mail channel: a multipart/alternative message (text, then HTML) over SMTP.

Route keys: `to` (one address or a list), `from`, `smtp` (host, port, starttls, tls, username,
password_env, timeout), `subject_prefix`. STARTTLS by default, implicit TLS with `tls: true`,
plain SMTP only to localhost or when `tls: false` is written out. The password comes from the
environment variable named by `smtp.password_env`, never from the file.
"""

from __future__ import annotations

import re
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate
from typing import TYPE_CHECKING, Any

from monitor.alerts.channels.base import LOCAL_HOSTS, Channel, DeliveryError, env_secret, register
from monitor.alerts.render import one_line, render_email_html, render_subject, render_text
from monitor.models import RouteConfig

if TYPE_CHECKING:
    from yaml.nodes import Node

    from monitor.config.watchlist import Validator

_EMAIL = re.compile(r"[^@\s<>,]+@[^@\s<>,]+\.[^@\s<>,]+")
SMTP_KEYS = ("host", "port", "starttls", "tls", "username", "password_env", "timeout")


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
    keys = ("to", "from", "smtp", "subject_prefix")

    @classmethod
    def read_options(cls, reader: Validator, keys: dict[str, Node], field: str, node: Node) -> dict[str, Any]:
        for required in ("to", "from", "smtp"):
            if required not in keys:
                reader.fail(node, f"{field}.{required}", "missing: an email route needs to, from and smtp")
        to = reader.strings(keys["to"], f"{field}.to")
        if not to:
            reader.fail(keys["to"], f"{field}.to", "needs at least one address")
        for i, address in enumerate(to):
            if not _EMAIL.fullmatch(address):
                reader.fail(keys["to"], f"{field}.to", f"{address!r} (item {i + 1}) is not an e-mail address")
        sender = reader.string(keys["from"], f"{field}.from")
        if not _EMAIL.search(sender):
            reader.fail(keys["from"], f"{field}.from", f"{sender!r} is not an e-mail address")
        smtp = read_smtp(reader, keys["smtp"], f"{field}.smtp")
        options: dict[str, Any] = {"to": list(to), "from": sender, "smtp": smtp}
        if "subject_prefix" in keys:
            options["subject_prefix"] = reader.string(
                keys["subject_prefix"], f"{field}.subject_prefix", allow_empty=True
            )
        return options

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


def read_smtp(reader: Validator, node: Node, field: str) -> dict[str, Any]:
    """The `smtp:` mapping of an e-mail route."""
    keys = reader.mapping(node, field, SMTP_KEYS)
    if "host" not in keys:
        reader.fail(node, f"{field}.host", "missing: the SMTP server's host name")
    # Unset stays None: the channel then uses STARTTLS, except to localhost, and refuses plain
    # SMTP elsewhere unless `tls: false` is written out.
    starttls = reader.optional(keys, "starttls", lambda n: reader.boolean(n, f"{field}.starttls"), None)
    tls = reader.optional(keys, "tls", lambda n: reader.boolean(n, f"{field}.tls"), None)
    if starttls and tls:
        reader.fail(keys["tls"], f"{field}.tls", "choose one of tls (port 465) and starttls (port 587)")
    smtp: dict[str, Any] = {
        "host": reader.string(keys["host"], f"{field}.host"),
        "port": reader.optional(
            keys, "port", lambda n: reader.integer(n, f"{field}.port", minimum=1, maximum=65535), None
        ),
        "starttls": starttls,
        "tls": tls,
        "username": reader.optional(keys, "username", lambda n: reader.string(n, f"{field}.username"), None),
        "password_env": reader.optional(
            keys, "password_env", lambda n: reader.env_name(n, f"{field}.password_env"), None
        ),
        "timeout": reader.optional(
            keys, "timeout", lambda n: reader.seconds(n, f"{field}.timeout", minimum=1), 30.0
        ),
    }
    if smtp["password_env"] and not smtp["username"]:
        reader.fail(keys["password_env"], f"{field}.password_env", "a password needs a username too")
    return smtp
