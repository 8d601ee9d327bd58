"""The e-mail channel: a multipart/alternative message (text, then HTML) over SMTP.

Route keys: `to` (one address or a list), `from`, `smtp` (host, port, starttls, tls, username,
password_env, timeout), `subject_prefix`. Each message says at its foot why the reader got it (the
route and its filters) and how to change that; it carries `Auto-Submitted: auto-generated` (RFC
3834: auto-responders stay quiet), a Message-ID in the sender's domain derived from the alert id
(so a resent alert has the same one), and shows times in the watchlist's `timezone:`.
STARTTLS by default, implicit TLS with `tls: true`,
plain SMTP only to localhost or when `tls: false` is written out. The password comes from the
environment variable named by `smtp.password_env`, never from the file.
"""

from __future__ import annotations

import re
import ssl
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, parseaddr
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from monitor.alerts.channels.base import LOCAL_HOSTS, Channel, DeliveryError, env_secret, register
from monitor.alerts.render import one_line, render_email_html, render_subject, render_text
from monitor.models import RouteConfig

if TYPE_CHECKING:
    from yaml.nodes import Node

    from monitor.config.watchlist import Validator

_EMAIL = re.compile(r"[^@\s<>,]+@[^@\s<>,]+\.[^@\s<>,]+")
SMTP_KEYS = ("host", "port", "starttls", "tls", "username", "password_env", "timeout")


def sender_domain(address: str) -> str:
    """The domain of the From address (`Monitor <pm@example.org>` -> example.org)."""
    domain = parseaddr(address)[1].rpartition("@")[2].strip().strip(">").lower()
    return domain if re.fullmatch(r"[a-z0-9.-]+", domain or "") else "localhost"


def footer_lines(route: RouteConfig) -> list[str]:
    """Why the reader got this message and how to change that."""
    what = [f"alerts of severity {route.min_severity} or higher"]
    if route.categories:
        what.append("in the categories " + ", ".join(route.categories))
    if route.include_non_material:
        what.append("with non-material changes detailed")
    if route.digest:
        what.append(f"gathered in a {route.digest} digest")
    return [
        f"You receive this because your address is in the `to:` list of the alert route "
        f"'{route.name}' of policy-monitor, which sends {' '.join(what)} for the policies that "
        "name this route.",
        f"To change that, ask whoever runs policy-monitor to edit the route '{route.name}' in its "
        "watchlist (to, min_severity, categories, digest) or the policies' `alert:` lists. This "
        "message was sent automatically; replies are not read by policy-monitor.",
    ]


def build_email(route: RouteConfig, alert_id: str, payload: dict[str, Any]) -> EmailMessage:
    """multipart/alternative: the text part, then the HTML part, each ending with the footer.
    Message-ID derives from the id, in the sender's domain."""
    opts = route.options
    to = opts.get("to") or []
    msg = EmailMessage()
    subject = render_subject(payload)  # already free of CR/LF
    prefix = opts.get("subject_prefix")
    if prefix is not None:
        subject = one_line(f"{prefix} {subject.split('] ', 1)[-1]}".strip(), 200)
    msg["Subject"] = subject
    sender = str(opts.get("from") or "policy-monitor@localhost")
    msg["From"] = sender
    msg["To"] = ", ".join([to] if isinstance(to, str) else [str(t) for t in to])
    tz = route.timezone or "UTC"
    msg["Date"] = format_datetime(datetime.now(ZoneInfo(tz)))
    msg["Message-ID"] = f"<{alert_id}@{sender_domain(sender)}>"
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Auto-Response-Suppress"] = "All"  # Exchange's equivalent: no out-of-office replies
    msg["X-Policy-Monitor-Alert"] = alert_id
    footer = footer_lines(route)
    msg.set_content(render_text(payload, tz=tz, footer=footer))
    msg.add_alternative(render_email_html(payload, tz=tz, footer=footer), subtype="html")
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
        import smtplib  # here, not at the top: every command loads the channels, few send mail

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
