"""A real SMTP server (aiosmtpd) on 127.0.0.1 that collects messages, for the alert tests.

It can be stopped and started again on the same port (to play a mail server that is down, then
up), and can require AUTH (LOGIN/PLAIN, without TLS, since it only listens on 127.0.0.1).
"""

from __future__ import annotations

import logging
import socket
import ssl
import subprocess
import warnings
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.data, policy=policy.default)  # type: ignore[return-value]


class _Handler:
    def __init__(self, box: list[Received]) -> None:
        self.box = box

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        self.box.append(
            Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(envelope.original_content))
        )
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SMTPServer:
    def __init__(
        self,
        port: int | None = None,
        *,
        username: str | None = None,
        password: str | None = None,
        tls: str | None = None,  # None, "starttls" (required) or "implicit"
        cert: tuple[str, str] | None = None,  # certificate and key files for tls
    ):
        self.port = port or free_port()
        self.tls, self.cert = tls, cert
        self.username, self.password = username, password
        self.messages: list[Received] = []
        self.auth_attempts: list[tuple[str, str]] = []
        self._controller: Controller | None = None

    def _authenticate(self, server, session, envelope, mechanism, auth_data) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login, pw = auth_data.login.decode(), auth_data.password.decode()
        self.auth_attempts.append((login, pw))
        ok = (login, pw) == (self.username, self.password)
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd answers 235/535

    def start(self) -> SMTPServer:
        # AUTH without TLS is what we want here (127.0.0.1 only); silence aiosmtpd's warning
        warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS", UserWarning)
        logging.getLogger("mail.log").setLevel(logging.ERROR)
        auth = self.username is not None
        kwargs: dict = {}
        if self.tls:
            assert self.cert, "tls needs cert=(certfile, keyfile)"
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(*self.cert)
            if self.tls == "starttls":
                kwargs.update(tls_context=context, require_starttls=True)
            else:
                kwargs.update(ssl_context=context)
        self._controller = Controller(
            _Handler(self.messages),
            hostname="127.0.0.1",
            port=self.port,
            authenticator=self._authenticate if auth else None,
            auth_required=auth,
            auth_require_tls=False,
            **kwargs,
        )
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


def self_signed_cert(directory) -> tuple[str, str]:
    """A throw-away certificate for 127.0.0.1 (openssl CLI); returns (certfile, keyfile)."""
    cert, key = f"{directory}/cert.pem", f"{directory}/key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            key,
            "-out",
            cert,
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key
