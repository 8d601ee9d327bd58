"""Signals to a long-running process (the daemon, a worker): each one runs an action off the handler.

In: a mapping from signal numbers to actions (usually an Event's `set`). Out: the handlers
installed (main thread only) and a function that restores the old ones.

A Python signal handler runs in the main thread between two bytecodes, possibly while that thread
is inside `Event.wait()` holding the event's lock, which is not reentrant: an `Event.set()` in the
handler then waits for its own thread for ever (a daemon logged "received SIGTERM" and went on
checking). So the handler only writes the signal's number to a pipe; a relay thread reads it and
runs the action, once the main thread has let go of whatever it held.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
from collections.abc import Callable, Mapping
from typing import Any


def relay_signals(actions: Mapping[signal.Signals, Callable[[], None]]) -> Callable[[], None]:
    """Run `actions[signum]()` in a relay thread when a signal arrives; return a function that puts
    the old handlers back and ends the thread. Outside the main thread nothing is installed."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)  # a handler must never block; a full pipe already wakes the relay

    def handler(signum: int, frame: Any) -> None:
        with contextlib.suppress(OSError):
            os.write(write_end, bytes([signum]))

    relay = threading.Thread(target=_relay, args=(read_end, actions), name="signals", daemon=True)
    relay.start()
    old = {signum: signal.signal(signum, handler) for signum in actions}

    def restore() -> None:
        for signum, previous in old.items():
            signal.signal(signum, previous)
        os.close(write_end)  # the relay reads the end of the pipe and returns
        relay.join(timeout=5)
        os.close(read_end)

    return restore


def _relay(read_end: int, actions: Mapping[signal.Signals, Callable[[], None]]) -> None:
    while True:
        try:
            received = os.read(read_end, 64)
        except OSError:
            return
        if not received:
            return
        for signum in received:
            actions[signal.Signals(signum)]()
