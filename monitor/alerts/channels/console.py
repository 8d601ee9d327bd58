"""The console channel: one line per alert on stdout, then one line per detailed change."""

from __future__ import annotations

import logging
import sys
from typing import Any

from monitor.alerts.channels.base import Channel, register
from monitor.alerts.render import console_details, console_line
from monitor.models import RouteConfig

log = logging.getLogger(__name__)


@register
class ConsoleChannel(Channel):
    """Prints one line per alert, then one line per detailed change. The line is logged at DEBUG
    only: `run` logs at INFO to the same terminal, where it would show every alert twice."""

    name = "console"

    def send(self, route: RouteConfig, alert_id: str, payload: dict[str, Any]) -> None:
        line = console_line(payload)
        log.debug("alert %s: %s", alert_id, line)
        stream = self.console_stream or sys.stdout
        print("\n".join([line, *console_details(payload)]), file=stream, flush=True)
