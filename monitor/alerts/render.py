"""Render an alert payload (payload.py) as e-mail text, e-mail HTML, a report page, a subject and
a console line.

One template source: `build_view` turns any payload (change, test, health, digest) into an
AlertView, and every format walks that same view, so they never disagree. No template engine:
policy text is untrusted, so values are only ever inserted (escaped with html.escape in HTML,
stripped of control characters in text and headers), never interpreted; `{{ }}`, `{% %}` and
`$x` in a policy come out literally.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from monitor.models import severity_rank

Segment = tuple[int, str]  # diff-match-patch op (-1 deleted, 0 same, 1 inserted), text

# control characters, line separators and bidi embeddings/overrides/isolates/marks (U+202E would
# reverse a Subject line in a mail client)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")
# the same, but the line breaks and tabs, which HTML treats as spaces anyway
_UNSAFE_IN_HTML = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_SEVERITY_COLOR = {"high": "#b00020", "medium": "#b35c00", "low": "#6a3d9a", "none": "#555555"}
_TITLES = {
    "policy.changed": "changed",
    "policy.test": "changed (TEST ALERT)",
    "policy.unreachable": "is unreachable",
    "policy.recovered": "is reachable again",
    "policy.challenge": "returns a challenge page",
}


@dataclass
class ChangeView:
    kind: str
    material: bool
    severity: str
    categories: list[str]
    explanation: str
    section: str | None
    before: list[Segment] | None
    after: list[Segment] | None
    preceded_by: str | None = None  # the clauses around the changed one in its version
    followed_by: str | None = None


@dataclass
class AlertView:
    subject: str
    title: str
    meta: list[tuple[str, str]]  # label, value (a value starting with http(s):// is linked)
    summary: str
    notes: list[str] = field(default_factory=list)
    changes: list[ChangeView] = field(default_factory=list)
    parts: list[AlertView] = field(default_factory=list)  # the alerts a digest gathers


# --- the one model ---------------------------------------------------------------------------


def one_line(text: object, limit: int = 300) -> str:
    """Text safe for a header or a log line: no CR/LF or other control characters, bounded."""
    flat = " ".join(_CONTROL.sub(" ", str(text)).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def local_time(stamp: object, tz: str = "UTC") -> str:
    """An ISO-8601 UTC stamp shown in the zone `tz` with the zone named: "2026-11-25 10:00 UTC",
    "2026-11-25 11:00 CET (UTC+01:00)". Anything that is not a stamp comes back as it was."""
    text = str(stamp or "")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    if tz in ("UTC", "Etc/UTC"):
        return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    local = moment.astimezone(ZoneInfo(tz))
    offset = local.strftime("%z")
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()} (UTC{offset[:3]}:{offset[3:]}, {tz})"


def build_view(payload: dict[str, Any], tz: str = "UTC") -> AlertView:
    """The view of any payload; times are shown in the zone `tz` (the watchlist's `timezone:`)."""
    if payload.get("type") == "digest":
        return _digest_view(payload, tz)
    policy = payload.get("policy") or {}
    name = one_line(policy.get("name") or policy.get("id") or "policy", 120)
    kind = str(payload.get("type", "policy.changed"))
    summary = payload.get("summary") or {}
    title = f"{name} {_TITLES.get(kind, one_line(kind, 40))}"
    meta = [
        ("Policy", name),
        ("URL", str(policy.get("url", ""))),
        ("Seen", local_time(payload.get("seen_at", ""), tz)),
    ]
    if payload.get("version") is not None:
        meta.append(("Version", str(payload["version"])))
    if payload.get("version_url"):
        meta.append(("Report", str(payload["version_url"])))
    view = AlertView(subject="", title=title, meta=meta, summary="")
    if kind in ("policy.changed", "policy.test"):
        view.summary = _change_summary(summary)
        view.changes = [_change_view(c) for c in _material_first(payload.get("changes", []))]
        hidden = summary.get("non_material", 0) - sum(1 for c in view.changes if not c.material)
        if hidden > 0:
            view.notes.append(f"{hidden} non-material change(s) recorded, not detailed here.")
        omitted = int(payload.get("changes_omitted") or 0)
        if omitted > 0:
            where = payload.get("version_url") or "`policy-monitor history`"
            view.notes.append(
                f"{omitted} more change(s) not detailed here (the most important are); see {where}."
            )
        sev = summary.get("max_severity", "none")
        cats = ", ".join(summary.get("categories", [])) or "no material category"
        view.subject = f"[policy-monitor] {name}: {sev} change ({cats})"
    else:
        view.summary = str(payload.get("detail", ""))
        view.subject = f"[policy-monitor] {title}"
    if kind == "policy.test":
        view.notes.append("This is a test alert sent by `policy-monitor test-alert`; nothing changed.")
        view.subject = "[policy-monitor TEST] " + view.subject.removeprefix("[policy-monitor] ")
    view.subject = one_line(view.subject, 200)
    return view


def _digest_view(payload: dict[str, Any], tz: str = "UTC") -> AlertView:
    parts = [build_view(p, tz) for p in payload.get("alerts", [])]
    summary = payload.get("summary") or {}
    period = payload.get("period") or {}
    cats = ", ".join(summary.get("categories", [])) or "none"
    title = f"Daily digest: {len(parts)} alert(s)"
    return AlertView(
        subject=one_line(f"[policy-monitor] {title}, highest severity {summary.get('max_severity', 'none')}"),
        title=title,
        meta=[
            ("Route", str(payload.get("route", ""))),
            ("Period", f"{local_time(period.get('start'), tz)} to {local_time(period.get('end'), tz)}"),
        ],
        summary=f"{summary.get('material', 0)} material change(s); categories: {cats}; "
        f"highest severity: {summary.get('max_severity', 'none')}.",
        parts=parts,
    )


def _change_summary(summary: dict[str, Any]) -> str:
    kinds = ("modified", "added", "removed", "moved")
    counts = ", ".join(f"{summary[k]} {k}" for k in kinds if summary.get(k))
    if summary.get("material"):
        cats = ", ".join(summary.get("categories", []))
        verdict = f"{summary['material']} material, highest severity {summary.get('max_severity')}: {cats}"
    else:
        verdict = "nothing material"
    return f"{counts or 'no changes'}. {verdict}."


def _material_first(changes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Material changes first, the most severe first, the payload's order within each rank
    (payloads are built so; a body made elsewhere reads the same)."""
    return sorted(changes, key=lambda c: (not c.get("material"), -severity_rank(str(c.get("severity")))))


def _change_view(change: dict[str, Any]) -> ChangeView:
    old, new = change.get("old"), change.get("new")
    inline = change.get("inline")
    if inline:
        before = [(int(op), str(t)) for op, t in inline if op <= 0]
        after = [(int(op), str(t)) for op, t in inline if op >= 0]
    else:
        before = [(-1 if new is None else 0, str(old["text"]))] if old else None
        after = [(1 if old is None else 0, str(new["text"]))] if new else None
    return ChangeView(
        kind=str(change.get("kind", "")),
        material=bool(change.get("material")),
        severity=str(change.get("severity", "none")),
        categories=[str(c) for c in change.get("categories", [])],
        explanation=str(change.get("explanation", "")),
        section=((new or old or {}).get("section")),
        before=before if old else None,
        after=after if new else None,
        preceded_by=_text_or_none((change.get("context") or {}).get("before")),
        followed_by=_text_or_none((change.get("context") or {}).get("after")),
    )


def _text_or_none(value: object) -> str | None:
    return str(value) if value else None


# --- plain text --------------------------------------------------------------------------------


def render_text(payload: dict[str, Any], *, tz: str = "UTC", footer: Sequence[str] = ()) -> str:
    """The plain-text body; `footer` lines (why the reader got it) come last, after "-- "."""
    lines = _text_lines(build_view(payload, tz))
    if footer:
        lines += ["", "-- ", *(one_line(line, 1000) for line in footer)]
    return "\n".join(lines) + "\n"


def _text_lines(view: AlertView) -> list[str]:
    lines = [one_line(view.title, 200), ""]
    lines += [f"{label + ':':9}{one_line(value, 500)}" for label, value in view.meta]
    lines += ["", one_line(view.summary, 1000)]
    for n, ch in enumerate(view.changes, 1):
        verdict = ch.severity if ch.material else "not material"
        lines += ["", f"{n}. {ch.kind.upper()}  {verdict}  [{', '.join(ch.categories) or 'uncategorised'}]"]
        if ch.section:
            lines.append(f"   in: {one_line(ch.section)}")
        if ch.explanation:
            lines.append(f"   {one_line(ch.explanation, 1000)}")
        if ch.preceded_by:
            lines.append(f"   Preceded by: {one_line(ch.preceded_by, 1000)}")
        if ch.before is not None:
            lines.append(f"   Before: {_text_segments(ch.before)}")
        if ch.after is not None:
            lines.append(f"   After:  {_text_segments(ch.after)}")
        if ch.followed_by:
            lines.append(f"   Followed by: {one_line(ch.followed_by, 1000)}")
    lines += ["", *view.notes] if view.notes else []
    for part in view.parts:
        lines += ["", "-" * 60, *_text_lines(part)]
    return lines


def _text_segments(segments: Sequence[Segment]) -> str:
    # wdiff's markers, so the change shows in a client without HTML
    marks = {-1: "[-{}-]", 1: "{{+{}+}}", 0: "{}"}
    out = []
    for op, text in segments:
        flat = _CONTROL.sub(" ", text)
        core = flat.strip()
        if op and core:  # markers hug the words; the spaces around them stay outside
            lead, trail = flat[: len(flat) - len(flat.lstrip())], flat[len(flat.rstrip()) :]
            flat = lead + marks[op].format(core) + trail
        out.append(flat)
    return "".join(out)


# --- HTML (e-mail body and report page) ---------------------------------------------------------

_FONT = "font-family:Arial,Helvetica,sans-serif;"
_DEL = "color:#b00020;background-color:#fde2e2;text-decoration:line-through;"
_INS = "color:#0a6b2d;background-color:#d9f5df;text-decoration:none;font-weight:bold;"


def _e(text: object) -> str:
    return html.escape(_UNSAFE_IN_HTML.sub(" ", str(text)), quote=True)


def _link(value: str) -> str:
    if re.match(r"https?://", value, re.I):
        return f'<a href="{_e(value)}" style="color:#1a4fa0;">{_e(value)}</a>'
    return _e(value)


def _html_view(view: AlertView) -> str:
    rows = [
        f'<tr><td style="{_FONT}font-size:20px;font-weight:bold;padding:16px 16px 8px;color:#111;">'
        f"{_e(view.title)}</td></tr>",
        f'<tr><td style="padding:0 16px;"><table role="presentation" cellpadding="0" cellspacing="0" '
        f'style="{_FONT}font-size:14px;color:#333;">'
        + "".join(
            f'<tr><td style="padding:2px 12px 2px 0;color:#666;">{_e(label)}</td>'
            f'<td style="padding:2px 0;">{_link(value)}</td></tr>'
            for label, value in view.meta
        )
        + "</table></td></tr>",
        f'<tr><td style="{_FONT}font-size:15px;padding:12px 16px;color:#111;">{_e(view.summary)}</td></tr>',
    ]
    rows += [
        f'<tr><td style="padding:6px 16px;">{_html_change(n, ch)}</td></tr>'
        for n, ch in enumerate(view.changes, 1)
    ]
    rows += [
        f'<tr><td style="{_FONT}font-size:13px;color:#666;padding:8px 16px;">{_e(note)}</td></tr>'
        for note in view.notes
    ]
    rows += [
        f'<tr><td style="padding:12px 0;border-top:2px solid #ddd;">{_html_view(p)}</td></tr>'
        for p in view.parts
    ]
    return (
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
        'style="max-width:760px;background-color:#ffffff;border-collapse:collapse;">'
        + "".join(rows)
        + "</table>"
    )


def _html_change(n: int, ch: ChangeView) -> str:
    color = _SEVERITY_COLOR.get(ch.severity, "#555555") if ch.material else "#555555"
    verdict = f"{ch.severity} severity" if ch.material else "not material"
    cats = ", ".join(ch.categories) or "uncategorised"
    rows = [
        f'<tr><td colspan="2" style="{_FONT}font-size:14px;padding:8px 10px;background-color:#f4f4f6;">'
        f"<b>{n}. {_e(ch.kind.upper())}</b> &nbsp; "
        f'<span style="color:#ffffff;background-color:{color};padding:2px 6px;border-radius:3px;">'
        f"{_e(verdict)}</span> &nbsp; {_e(cats)}</td></tr>"
    ]
    if ch.explanation:
        rows.append(
            f'<tr><td colspan="2" style="{_FONT}font-size:16px;font-weight:bold;padding:8px 10px;'
            f'color:{color};">{_e(ch.explanation)}</td></tr>'
        )
    if ch.section:
        rows.append(
            f'<tr><td colspan="2" style="{_FONT}font-size:13px;color:#666;padding:0 10px 6px;">'
            f"Section: {_e(ch.section)}</td></tr>"
        )
    if ch.preceded_by:
        rows.append(_html_context("Preceded by", ch.preceded_by))
    for label, segments in (("Before", ch.before), ("After", ch.after)):
        if segments is not None:
            rows.append(
                f'<tr><td valign="top" style="{_FONT}font-size:13px;color:#666;padding:6px 10px;width:60px;">'
                f'{label}</td><td style="{_FONT}font-size:15px;line-height:1.5;padding:6px 10px;color:#111;">'
                f"{_html_segments(segments)}</td></tr>"
            )
    if ch.followed_by:
        rows.append(_html_context("Followed by", ch.followed_by))
    return (
        '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" '
        'style="border:1px solid #dcdce0;border-collapse:collapse;">' + "".join(rows) + "</table>"
    )


def _html_context(label: str, text: str) -> str:
    """A row with the text around the change, in grey: the paragraph it sits in."""
    return (
        f'<tr><td valign="top" style="{_FONT}font-size:12px;color:#888;padding:4px 10px;width:60px;">'
        f'{_e(label)}</td><td style="{_FONT}font-size:13px;line-height:1.4;padding:4px 10px;color:#666;">'
        f"{_e(text)}</td></tr>"
    )


def _html_segments(segments: Sequence[Segment]) -> str:
    out = []
    for op, text in segments:
        if op < 0:
            out.append(f'<del style="{_DEL}">{_e(text)}</del>')
        elif op > 0:
            out.append(f'<ins style="{_INS}">{_e(text)}</ins>')
        else:
            out.append(_e(text))
    return "".join(out)


def render_email_html(payload: dict[str, Any], *, tz: str = "UTC", footer: Sequence[str] = ()) -> str:
    view = build_view(payload, tz)
    foot = "".join(
        f'<p style="{_FONT}font-size:12px;color:#666;max-width:760px;margin:8px 0 0;">{_e(line)}</p>'
        for line in footer
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{_e(view.subject)}</title></head>"
        '<body style="margin:0;padding:12px;background-color:#eeeeef;">'
        f"{_html_view(view)}{foot}</body></html>"
    )


def render_report_html(payload: dict[str, Any]) -> str:
    """A standalone page (`policy-monitor report ID@N -o FILE.html`): the same table as the
    e-mail, with a Content-Security-Policy that forbids every script and remote load."""
    view = build_view(payload)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(view.title)}</title></head>"
        '<body style="margin:0;padding:24px;background-color:#eeeeef;">'
        f"{_html_view(view)}"
        f'<p style="{_FONT}font-size:12px;color:#888;">Generated by policy-monitor.</p>'
        "</body></html>\n"
    )


# --- subject and console ----------------------------------------------------------------------


def render_subject(payload: dict[str, Any]) -> str:
    return build_view(payload).subject


def console_line(payload: dict[str, Any]) -> str:
    """One log line: when, type, policy, version, summary, URL. No control characters."""
    view = build_view(payload)
    policy = payload.get("policy") or {}
    version = f" v{payload['version']}" if payload.get("version") is not None else ""
    where = f" <{policy['url']}>" if policy.get("url") else ""
    return one_line(
        f"{payload.get('seen_at', '')} {payload.get('type', '')} {policy.get('id', payload.get('route', ''))}"
        f"{version}: {view.title}. {view.summary}{where}",
        1000,
    )


def console_details(payload: dict[str, Any]) -> list[str]:
    """The explanation lines printed under the console line, one per detailed change."""
    lines = []
    for ch in build_view(payload).changes:
        where = f" ({one_line(ch.section, 200)})" if ch.section else ""
        text = ch.explanation or f"{ch.kind} clause"
        cats = ", ".join(ch.categories) or "uncategorised"
        lines.append("  - " + one_line(f"[{ch.severity}] {cats}: {text}{where}"))
    return lines
