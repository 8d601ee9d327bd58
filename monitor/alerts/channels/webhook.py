"""The webhook channel: the alert payload POSTed as JSON, signed per Standard Webhooks.

Route keys: `url` (http or https), `secret_env` (the environment variable holding the signing
secret), `timeout`. 2xx is delivered; 408, 429, 5xx, timeouts and refused connections are
retried; other 4xx and 3xx are permanent. Errors name the scheme and host only: a webhook URL's
path and query often carry tokens.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from monitor import redact
from monitor.alerts.channels.base import Channel, DeliveryError, env_secret, register
from monitor.alerts.signing import signed_headers
from monitor.models import RouteConfig

if TYPE_CHECKING:
    from yaml.nodes import Node

    from monitor.config.watchlist import Validator

USER_AGENT = "policy-monitor-webhook/1"


@register
class WebhookChannel(Channel):
    """POSTs the payload as JSON, signed per Standard Webhooks with the secret from secret_env.
    2xx is delivered; 408, 429, 5xx, timeouts and refused connections are retried; other 4xx and
    3xx are permanent (the sender still tries a few times, in case the receiver is being fixed)."""

    name = "webhook"
    keys = ("url", "secret_env", "timeout")

    @classmethod
    def read_options(cls, reader: Validator, keys: dict[str, Node], field: str, node: Node) -> dict[str, Any]:
        if "url" not in keys:
            reader.fail(node, f"{field}.url", "missing: the URL to POST alerts to")
        return {
            "url": reader.url(keys["url"], f"{field}.url"),
            "secret_env": reader.optional(
                keys, "secret_env", lambda n: reader.env_name(n, f"{field}.secret_env"), None
            ),
            "timeout": reader.optional(
                keys, "timeout", lambda n: reader.seconds(n, f"{field}.timeout", minimum=1), 10.0
            ),
        }

    def send(self, route: RouteConfig, alert_id: str, payload: dict[str, Any]) -> None:
        url = str(route.options.get("url") or "")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise DeliveryError(
                f"route {route.name!r}: webhook url must be http(s)://host/...", permanent=True
            )
        where = f"{parts.scheme}://{parts.hostname}" + (f":{parts.port}" if parts.port else "")
        redact.url_secret(url)  # its path and query may carry a token: never in the logs
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
        import requests  # here, not at the top: every command loads the channels, few send (~35 ms)

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
