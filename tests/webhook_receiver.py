"""A real HTTP webhook receiver on 127.0.0.1 that checks Standard Webhooks signatures.

It verifies each request on its own (not with monitor.alerts.signing, so the tests do not check
the code against itself), records what came, and can be told to answer 500 the next N times or
to be slow, to play a receiver that is down or overloaded.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Hit:
    webhook_id: str | None
    timestamp: str | None
    signature: str | None
    body: bytes
    valid: bool
    status: int

    @property
    def json(self) -> Any:
        return json.loads(self.body)


def verify(secret: bytes, msg_id: str, timestamp: str, body: bytes, signature_header: str) -> bool:
    """Standard Webhooks: base64(HMAC-SHA256(secret, "id.timestamp.body")) among "v1,<sig>" values."""
    if abs(time.time() - int(timestamp)) > 300:
        return False
    mac = hmac.new(secret, f"{msg_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    expected = base64.b64encode(mac).decode()
    return any(
        hmac.compare_digest(expected, part.split(",", 1)[1])
        for part in signature_header.split()
        if part.startswith("v1,")
    )


class WebhookReceiver:
    def __init__(self, secret: bytes) -> None:
        self.secret = secret
        self.hits: list[Hit] = []
        self.fail_next = 0
        self.fail_status = 500
        self.delay = 0.0
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                receiver._handle(self, body)

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/hooks/policy"

    @property
    def accepted(self) -> list[Hit]:
        return [h for h in self.hits if h.status == 200]

    def _handle(self, handler: BaseHTTPRequestHandler, body: bytes) -> None:
        # the answer is decided (and the hit recorded) on arrival, then the delay is served, so a
        # request hung in the delay is already counted with the status it will get
        h = handler.headers
        msg_id, ts, sig = h.get("webhook-id"), h.get("webhook-timestamp"), h.get("webhook-signature")
        valid = bool(msg_id and ts and sig and ts.isdigit() and verify(self.secret, msg_id, ts, body, sig))
        with self._lock:
            if not valid:
                status = 401
            elif self.fail_next > 0:
                self.fail_next -= 1
                status = self.fail_status
            else:
                status = 200
            self.hits.append(Hit(msg_id, ts, sig, body, valid, status))
            delay = self.delay
        if delay:
            threading.Event().wait(delay)  # not time.sleep: it can fail under libfaketime
        try:
            handler.send_response(status)
            handler.send_header("content-length", "0")
            handler.end_headers()
        except OSError:  # the client gave up (timed out, or was killed)
            pass

    def start(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
