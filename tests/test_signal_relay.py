"""A stop signal stops the process even when it lands while the main thread holds the stop
event's lock (inside `Event.wait`): the handler only hands the signal to a relay thread."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from monitor.watch.signals import relay_signals

REPO = Path(__file__).resolve().parents[1]

# The moment that froze a daemon: SIGTERM delivered while the main thread is between acquiring and
# releasing the lock of the Event it waits on (Event.wait's own Condition). Re-enacted in a child
# process so that a regression hangs the child, not the test run.
_CHILD = """
import signal, threading
from monitor.watch.signals import relay_signals
stop = threading.Event()
restore = relay_signals({signal.SIGTERM: stop.set})
with stop._cond:
    signal.raise_signal(signal.SIGTERM)
print("stopped" if stop.wait(10) else "not stopped", flush=True)
restore()
"""


def test_a_signal_landing_inside_event_wait_still_sets_the_event() -> None:
    child = subprocess.run(
        [sys.executable, "-c", _CHILD], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert child.returncode == 0, child.stderr
    assert child.stdout.strip() == "stopped"


def test_the_action_runs_in_the_relay_thread_not_the_interrupted_one() -> None:
    ran_in: list[threading.Thread] = []
    done = threading.Event()

    def action() -> None:
        ran_in.append(threading.current_thread())
        done.set()

    restore = relay_signals({signal.SIGUSR1: action})
    try:
        signal.raise_signal(signal.SIGUSR1)
        assert done.wait(10)
    finally:
        restore()
    assert ran_in[0] is not threading.main_thread()
    assert ran_in[0].name == "signals"


def test_restore_puts_back_the_old_handler_and_ends_the_relay() -> None:
    before = signal.getsignal(signal.SIGUSR2)
    restore = relay_signals({signal.SIGUSR2: lambda: None})
    assert signal.getsignal(signal.SIGUSR2) is not before
    restore()
    assert signal.getsignal(signal.SIGUSR2) is before
    deadline = time.monotonic() + 10
    while any(t.name == "signals" for t in threading.enumerate()) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not any(t.name == "signals" for t in threading.enumerate())


def test_outside_the_main_thread_nothing_is_installed() -> None:
    results: list[object] = []
    before = signal.getsignal(signal.SIGUSR1)
    worker = threading.Thread(target=lambda: results.append(relay_signals({signal.SIGUSR1: lambda: None})))
    worker.start()
    worker.join(10)
    assert signal.getsignal(signal.SIGUSR1) is before
    restore = results[0]
    assert callable(restore)
    restore()
