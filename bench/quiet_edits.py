#!/usr/bin/env python3
"""Quiet edits on real pages (run by hand, not in CI): each edit below changes no term, so any
material change the engine reports for it is a false alert.

In: a folder of real pages (the docs/ of ../shared/bench/realdocs/realdocs-1000.tar.xz).
Each page is normalised and written out as Markdown; each edit is applied once at a random place
and the two Markdown versions are compared. The edits: a typo made in a long word, two
paragraphs swapped, an e-mail address changed, the "last updated" year moved on, a paragraph
duplicated, "personal data" <-> "personal information", "e-mail" -> "email", British spelling,
"website" -> "site", "in order to" -> "to", "such as" -> "for example", ", and we X" -> ". We X",
and the company named where the policy said "we" ("We use" -> "The Company uses").
Out: the count of edits that alerted, by kind, and each one.

Usage: python bench/quiet_edits.py DIR [--pages 400] [--seed 5]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from monitor.engine.pipeline import compare_documents  # noqa: E402
from monitor.extract.normalize import normalize  # noqa: E402
from monitor.models import Change, Document  # noqa: E402

Edit = Callable[[str, random.Random], "str | None"]


def as_markdown(doc: Document) -> str:
    out = []
    for block in doc.blocks:
        if block.kind == "heading":
            out.append("#" * max(1, min(6, block.level or 2)) + " " + block.text)
        else:
            out.append(f"- {block.text}" if block.marker else block.text)
    return "\n\n".join(out) + "\n"


def replace_one(pattern: str, replacement: str) -> Edit:
    def edit(text: str, rnd: random.Random) -> str | None:
        found = list(re.finditer(pattern, text))
        if not found:
            return None
        m = rnd.choice(found)
        return text[: m.start()] + m.expand(replacement) + text[m.end() :]

    return edit


def typo(text: str, rnd: random.Random) -> str | None:
    words = list(re.finditer(r"\b[a-z]{8,}\b", text))
    if not words:
        return None
    m = rnd.choice(words)
    w = m.group()
    i = rnd.randrange(1, len(w) - 2)
    return text[: m.start()] + w[:i] + w[i + 1] + w[i] + w[i + 2 :] + text[m.end() :]


def _paragraphs(text: str, rnd: random.Random, min_chars: int) -> tuple[list[str], int] | None:
    paras = text.split("\n\n")
    fit = [
        i for i in range(len(paras) - 1) if not paras[i].startswith(("#", "-")) and len(paras[i]) > min_chars
    ]
    return (paras, rnd.choice(fit)) if fit else None


def swap(text: str, rnd: random.Random) -> str | None:
    found = _paragraphs(text, rnd, 80)
    if found is None:
        return None
    paras, i = found
    if paras[i + 1].startswith(("#", "-")):
        return None
    paras[i], paras[i + 1] = paras[i + 1], paras[i]
    return "\n\n".join(paras)


def duplicate(text: str, rnd: random.Random) -> str | None:
    found = _paragraphs(text, rnd, 120)
    if found is None:
        return None
    paras, i = found
    paras.insert(i + 1, paras[i])
    return "\n\n".join(paras)


def year(text: str, rnd: random.Random) -> str | None:
    m = re.search(r"(?i)(last (?:updated|modified|revised)|effective)[^\n]{0,40}?\b(20\d\d)\b", text)
    if not m:
        return None
    return text[: m.start(2)] + str(int(m.group(2)) + 1) + text[m.end(2) :]


EDITS: dict[str, Edit] = {
    "typo": typo,
    "swap": swap,
    "duplicate": duplicate,
    "year": year,
    "email-address": replace_one(r"[\w.+-]+@([\w-]+\.[\w.]+)", r"privacy-team@\1"),
    "personal-information": replace_one(r"\bpersonal data\b", "personal information"),
    "personal-data": replace_one(r"\bpersonal information\b", "personal data"),
    "email": replace_one(r"\be-mail\b", "email"),
    "british": replace_one(r"\b(organi|recogni|minimi|authori)z(e|ed|es|ing|ation)\b", r"\1s\2"),
    "site": replace_one(r"\bwebsite\b", "site"),
    "in-order-to": replace_one(r"\bin order to\b", "to"),
    "for-example": replace_one(r"\bsuch as\b", "for example"),
    "split": replace_one(r", and we ([a-z]+)", r". We \1"),
    "company-verb": replace_one(r"\bWe (use|collect|share|keep|process)\b", r"The Company \1s"),
    "company-modal": replace_one(r"\bWe (may|will)\b", r"The Company \1"),
}


def _described(change: Change) -> str:
    was = change.old.text[:200] if change.old else ""
    now = change.new.text[:200] if change.new else ""
    return f"{change.kind} {change.categories}: {change.explanation} | {was} => {now}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("pages_dir", type=Path)
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    pages = sorted(p for p in args.pages_dir.iterdir() if p.suffix in (".html", ".htm"))
    random.seed(args.seed)
    alerted: list[tuple[str, str, list[str]]] = []
    total = 0
    for page in random.sample(pages, min(args.pages, len(pages))):
        try:
            base = as_markdown(normalize(page.read_bytes(), "text/html"))
        except Exception:  # noqa: BLE001 - a page the normaliser refuses is left out
            continue
        rnd = random.Random(page.name)
        for name, edit in EDITS.items():
            new = edit(base, rnd)
            if new is None or new == base:
                continue
            total += 1
            docs = [normalize(t.encode(), "text/markdown") for t in (base, new)]
            material = [c for c in compare_documents(*docs).changes if c.material]
            if material:
                alerted.append((page.name, name, [_described(c) for c in material]))
    print(f"{len(alerted)} of {total} quiet edits alerted: {dict(Counter(a[1] for a in alerted))}")
    for item in alerted:
        print(json.dumps(item, ensure_ascii=False)[:1200])


if __name__ == "__main__":
    main()
