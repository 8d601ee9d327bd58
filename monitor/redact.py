"""Secrets kept out of the logs: a registry of strings that must never be printed, and a
logging.Filter that masks them in every record a handler writes.

In: the secret parts of configuration as they come into use (a webhook URL's path and query often
carry a token: `redact.url_secret(url)`). Out: log lines with each such string replaced by
"[redacted]", whatever logger wrote them (urllib3 logs a request's path and query at DEBUG).
"""

from __future__ import annotations

import logging
import threading
from urllib.parse import urlsplit

MASK = "[redacted]"

_lock = threading.Lock()
_secrets: set[str] = set()


def add_secret(text: str) -> None:
    """Never log `text` (ignored when too short to be a secret, e.g. "/")."""
    if len(text) > 1:
        with _lock:
            _secrets.add(text)


def url_secret(url: str) -> None:
    """A URL whose path and query are secret (a webhook's): only its scheme, host and port may
    appear in the logs."""
    parts = urlsplit(url)
    path_query = parts.path + (f"?{parts.query}" if parts.query else "")
    for text in (path_query, parts.path, parts.query):
        add_secret(text)


def redact(text: str) -> str:
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)  # the longest first: a path+query whole
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


class RedactingFilter(logging.Filter):
    """Masks the registered secrets in a record's message (and its traceback text)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not _secrets:
            return True
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def install(logger: logging.Logger | None = None) -> None:
    """Put the filter on every handler of `logger` (the root logger by default)."""
    for handler in (logger or logging.getLogger()).handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
