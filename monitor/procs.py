"""Whether a process still runs: for claims and workers whose owner may have been killed.

In: a process id. Out: True while it runs; False once it has exited, including a killed process
its parent has not reaped yet (a zombie, which `kill(pid, 0)` would still report).
"""

from __future__ import annotations

import os


def pid_running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            state = f.read().rsplit(b")", 1)[1].split()[0]
        return state not in (b"Z", b"X")
    except (OSError, IndexError):  # no /proc (not Linux), or the process is gone
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True
