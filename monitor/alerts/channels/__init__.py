"""Alert channels: how one alert reaches one route. One file per channel type.

In: a RouteConfig (its `type:` and options from watchlist.yaml), the alert's stable id and its
payload. Out: the alert delivered, or a DeliveryError whose text is safe to store and log.

Each channel is a small class that registers itself under its `name` (the route's `type:`),
declares the option keys it accepts (`keys`) and reads them (`read_options`); the watchlist
validator lists route types and their keys from this registry. Adding a channel is one new file
here, imported below.
"""

from monitor.alerts.channels import apprise, console, email, webhook  # noqa: F401 - each registers itself
from monitor.alerts.channels.base import CHANNELS, Channel, DeliveryError, channel_for, register
from monitor.alerts.channels.email import build_email
from monitor.alerts.channels.webhook import json_body

__all__ = ["CHANNELS", "Channel", "DeliveryError", "build_email", "channel_for", "json_body", "register"]
