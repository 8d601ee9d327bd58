"""Secrets out of the logs (issue 9): with `--debug`, the webhook URL's path and query (which
often carry a token) never appear, though urllib3 logs every request line at DEBUG.

Real parts: `python -m monitor test-alert` in a subprocess posting to a signed-webhook receiver
on 127.0.0.1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from webhook_receiver import WebhookReceiver

REPO = Path(__file__).resolve().parents[1]
SECRET = "whsec_" + "c2VjcmV0LWtleS1mb3ItdGVzdHM="  # base64 of b"secret-key-for-tests"


@pytest.fixture
def hook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver(b"secret-key-for-tests").start()
    yield receiver
    receiver.stop()


def test_debug_logs_never_show_the_webhook_urls_path_or_query(tmp_path: Path, hook: WebhookReceiver) -> None:
    base = hook.url.rsplit("/hooks/", 1)[0]
    url = f"{base}/hooks/T0KENPATH123?token=QUERYSECRET456"
    wl = tmp_path / "wl.yaml"
    wl.write_text(
        "alerts:\n"
        f"  hook: {{type: webhook, url: '{url}', secret_env: PM_HOOK_SECRET, timeout: 5s}}\n"
        "policies:\n"
        f"  - {{id: a, url: '{base}/p', alert: [hook]}}\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "PM_HOOK_SECRET": SECRET}
    proc = subprocess.run(
        [sys.executable, "-m", "monitor", "test-alert", "hook", "--watchlist", str(wl), "--debug"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(hook.accepted) == 1
    assert "POST" in proc.stderr and "[redacted]" in proc.stderr  # the request line was logged, masked
    for secret in ("T0KENPATH123", "QUERYSECRET456", "/hooks/"):
        assert secret not in proc.stderr + proc.stdout
