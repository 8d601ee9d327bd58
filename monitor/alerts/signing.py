"""Standard Webhooks signatures (https://www.standardwebhooks.com/).

In: the secret (as configured), the message id, a unix timestamp and the exact body bytes.
Out: the `webhook-signature` value "v1,<base64 HMAC-SHA256(key, f'{id}.{timestamp}.{body}')>",
and a verifier for receivers and tests.

The key: a secret starting with "whsec_" is base64-decoded after the prefix, as the spec says;
any other secret is used as its raw UTF-8 bytes.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import time
from collections.abc import Mapping

TOLERANCE_SECONDS = 5 * 60


def secret_key(secret: str) -> bytes:
    if secret.startswith("whsec_"):
        try:
            return base64.b64decode(secret.removeprefix("whsec_"), validate=True)
        except binascii.Error as exc:
            raise ValueError("webhook secret starts with whsec_ but is not valid base64") from exc
    return secret.encode("utf-8")


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{msg_id}.{timestamp}.".encode() + body
    mac = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode("ascii")


def signed_headers(secret: str, msg_id: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    ts = int(time.time()) if timestamp is None else timestamp
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": sign(secret, msg_id, ts, body),
    }


def verify(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    now: float | None = None,
    tolerance: int = TOLERANCE_SECONDS,
) -> bool:
    """True when one of the space-separated v1 signatures matches and the timestamp is recent."""
    lower = {k.lower(): v for k, v in headers.items()}
    msg_id, ts, sigs = lower.get("webhook-id"), lower.get("webhook-timestamp"), lower.get("webhook-signature")
    if not (msg_id and ts and sigs) or not ts.isdigit():
        return False
    if abs((time.time() if now is None else now) - int(ts)) > tolerance:
        return False
    expected = sign(secret, msg_id, int(ts), body).encode()
    return any(hmac.compare_digest(expected, s.encode()) for s in sigs.split() if s.startswith("v1,"))
