"""The channel interface and registry, and what every channel shares (errors, secrets from the
environment).

A channel class names its route type (`name`), declares the option keys it accepts beside the
common route keys (`keys`), reads and checks them from the watchlist (`read_options`, which
reports errors at their line through the validator), and delivers (`send`). Errors raised by
`send` never hold a password, a webhook secret, or a webhook URL's path or query.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, ClassVar, TextIO

from monitor.models import RouteConfig

if TYPE_CHECKING:
    from yaml.nodes import Node

    from monitor.config.watchlist import Validator

LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})


class DeliveryError(Exception):
    """A failed delivery. `permanent` means retrying soon will not help (e.g. a 404 webhook)."""

    def __init__(self, message: str, *, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class Channel:
    """One route type. Subclasses set `name` and `keys`, and override `read_options` and `send`."""

    name: ClassVar[str] = ""
    keys: ClassVar[tuple[str, ...]] = ()

    def __init__(self, console_stream: TextIO | None = None) -> None:
        self.console_stream = console_stream

    @classmethod
    def read_options(cls, reader: Validator, keys: dict[str, Node], field: str, node: Node) -> dict[str, Any]:
        """This type's options from a route's keys; `reader.fail(...)` reports an error at its line."""
        return {}

    def send(self, route: RouteConfig, alert_id: str, payload: dict[str, Any]) -> None:
        raise NotImplementedError


CHANNELS: dict[str, type[Channel]] = {}


def register(cls: type[Channel]) -> type[Channel]:
    CHANNELS[cls.name] = cls
    return cls


def channel_for(route: RouteConfig, *, console_stream: TextIO | None = None) -> Channel:
    cls = CHANNELS.get(route.type)
    if cls is None:
        raise DeliveryError(f"route {route.name!r} has unknown type {route.type!r}", permanent=True)
    return cls(console_stream)


def env_secret(route: RouteConfig, env_name: str | None, what: str) -> str | None:
    """The secret named by an *_env option; a clear error if the variable is not set."""
    if not env_name:
        return None
    value = os.environ.get(str(env_name))
    if not value:
        raise DeliveryError(f"route {route.name!r}: environment variable {env_name} ({what}) is not set")
    return value
