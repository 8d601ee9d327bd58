"""Terminal rendering of a DiffResult: the readable form of `policy-monitor diff` without --json.

In: a DiffResult. Out: text, with ANSI colours when asked (deletions red, insertions green,
severity coloured). cli.py decides whether stdout is a terminal and prints.
"""

from __future__ import annotations

import textwrap

from monitor.models import Change, DiffResult, most_important_first

_RESET = "\033[0m"
_STYLE = {
    "bold": "\033[1m",
    "dim": "\033[2m",
    "red": "\033[31m",
    "green": "\033[32m",
    "yellow": "\033[33m",
    "magenta": "\033[35m",
    "strike": "\033[9m",
}
_SEVERITY_STYLE = {"high": "red", "medium": "yellow", "low": "magenta", "none": "dim"}


class _Painter:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *styles: str) -> str:
        if not self.color or not styles:
            return text
        return "".join(_STYLE[s] for s in styles) + text + _RESET


def render_diff(result: DiffResult, *, color: bool = False, width: int = 100) -> str:
    """A summary line, then one block per change."""
    paint = _Painter(color)
    lines = [_summary_line(result, paint)]
    for n, change in enumerate(most_important_first(result.changes), 1):
        lines.append("")
        lines.extend(_change_block(n, change, paint, width))
    return "\n".join(lines) + "\n"


def _summary_line(result: DiffResult, paint: _Painter) -> str:
    s = result.summary()
    if not result.changes:
        return "No changes."
    counts = ", ".join(f"{s[k]} {k}" for k in ("modified", "added", "removed", "moved") if s[k])
    if s["material"]:
        verdict = paint(f"MATERIAL ({s['max_severity']})", "bold", _SEVERITY_STYLE[s["max_severity"]])
        return f"{counts}. {verdict}: {', '.join(s['categories'])}"
    return f"{counts}. Nothing material."


def _change_block(n: int, change: Change, paint: _Painter, width: int) -> list[str]:
    clause = change.new or change.old
    assert clause is not None
    severity = paint(change.severity if change.material else "not material", _SEVERITY_STYLE[change.severity])
    cats = ", ".join(change.categories) or "uncategorised"
    head = f"{n}. {paint(change.kind.upper(), 'bold')}  {severity}  [{cats}]"
    out = [head]
    if clause.section_path:
        out.append(paint(f"   in: {clause.section_path}", "dim"))
    if change.explanation:
        out.append(f"   {change.explanation}")
    body = _body(change, paint)
    out.extend(textwrap.wrap(body, width=width, initial_indent="   ", subsequent_indent="   ") or ["   "])
    return out


def _body(change: Change, paint: _Painter) -> str:
    if change.inline:
        return "".join(_inline_piece(op, text, paint) for op, text in change.inline)
    if change.kind == "removed" and change.old:
        return paint(change.old.text, "red", "strike") if paint.color else f"[-{change.old.text}-]"
    if change.kind == "added" and change.new:
        return paint(change.new.text, "green") if paint.color else f"{{+{change.new.text}+}}"
    clause = change.new or change.old
    return clause.text if clause else ""


def _inline_piece(op: int, text: str, paint: _Painter) -> str:
    if op == 0:
        return text
    if not paint.color:  # wdiff's markers, so the change still shows without colour
        return f"[-{text}-]" if op < 0 else f"{{+{text}+}}"
    return paint(text, "red", "strike") if op < 0 else paint(text, "green", "bold")
