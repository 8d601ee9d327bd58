"""The `policy-monitor` command line (also `python -m monitor`).

In: argv and the environment (POLICY_MONITOR_WATCHLIST, POLICY_MONITOR_DB). Out: text or JSON
on stdout, one-line errors on stderr, and an exit status scripts can use: 0 ok / no changes,
1 something changed or failed, 2 usage or input error, 3 another daemon already runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TextIO

from .errors import MonitorError

EXIT_OK, EXIT_CHANGED, EXIT_ERROR, EXIT_LOCKED = 0, 1, 2, 3


class UsageError(MonitorError):
    """A command line that names something that does not exist or cannot be used together."""


def _print_json(data: Any, out: TextIO | None = None) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2), file=out or sys.stdout)


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    return stream.isatty()


# --- diff ------------------------------------------------------------------------------------


def cmd_diff(args: argparse.Namespace) -> int:
    from .terminal import render_diff

    result = _diff_sides(args, args.old, args.new)
    if args.json:
        _print_json(result.to_dict())
    else:
        sys.stdout.write(render_diff(result, color=_use_color(args.color, sys.stdout)))
    return EXIT_CHANGED if result.changes else EXIT_OK


def _diff_sides(args: argparse.Namespace, old: str, new: str) -> Any:
    from .engine import diff_files

    return diff_files(old, new)


# --- parser ----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policy-monitor",
        description="Watch privacy policies and terms, keep every version, alert on material changes.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks of errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    _add_diff(sub)
    return parser


def _add_diff(sub: Any) -> None:
    p = sub.add_parser(
        "diff",
        help="compare two versions of a policy, clause by clause",
        description="Compare two versions of a policy given as files (.html, .txt, .md, .pdf). "
        "Exit 0 when nothing changed, 1 when something changed, 2 on an error.",
    )
    p.add_argument("old", help="the older version")
    p.add_argument("new", help="the newer version")
    p.add_argument("--json", action="store_true", help="print the JSON of shared/eval/diff-contract.md")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colour the output")
    p.set_defaults(func=cmd_diff)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except MonitorError as e:
        return _fail(args, str(e))
    except OSError as e:
        return _fail(args, f"{e.filename}: {e.strerror or e}" if e.filename else str(e.strerror or e))
    except Exception as e:  # the last line of defence: one line, never a traceback
        return _fail(args, f"internal error: {type(e).__name__}: {e}")


def _fail(args: argparse.Namespace, message: str) -> int:
    if getattr(args, "debug", False):
        traceback.print_exc()
    print(f"policy-monitor: error: {message}", file=sys.stderr)
    return EXIT_ERROR
