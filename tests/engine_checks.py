"""One clause change run through classify, and the two verdicts the engine tests assert: shared
by the tests that state engine patterns in sentences (test_real_text.py, test_real_history.py,
test_one_edit_*.py, test_lexicon_nl_hr_sl.py), and a list page compared (test_list_entries.py,
test_named_parties.py, test_unlisted_recipient_entries.py)."""

from __future__ import annotations

from monitor.engine.classify import classify
from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize
from monitor.models import Change, Clause


def modified(old: str, new: str, language: str = "en") -> Change:
    """A clause edited in place, classified."""
    (change,) = classify(
        [Change("modified", Clause(3, old, language=language), Clause(3, new, language=language))]
    )
    return change


def single(kind: str, text: str, section: tuple[str, ...] = (), language: str = "en") -> Change:
    """A clause "added" or "removed" (under the headings `section`), classified."""
    clause = Clause(5, text, section=section, language=language)
    change = Change(kind, None, clause) if kind == "added" else Change(kind, clause, None)
    (classified,) = classify([change])
    return classified


def list_page(
    lead_in: str, entries: list[str], heading: str = "Details", title: str = "Policy", tail: str = ""
) -> bytes:
    """An HTML page with a section `heading` whose line `lead_in` leads into a bulleted list."""
    items = "".join(f"<li>{e}</li>" for e in entries)
    body = f"<h1>{title}</h1><h2>{heading}</h2><p>{lead_in}</p><ul>{items}</ul>{tail}"
    return f"<html><body><main>{body}</main></body></html>".encode()


def page_changes(old: bytes, new: bytes) -> list[Change]:
    """Two HTML pages normalised and compared: the classified changes."""
    return compare_documents(normalize(old, "text/html"), normalize(new, "text/html")).changes


def section_page(heading: str, sentences: list[str]) -> bytes:
    """An HTML page: `heading` over one paragraph per sentence, inside <main>."""
    body = "".join(f"<p>{s}</p>" for s in sentences)
    return f"<html><body><main><h1>{heading}</h1><h2>{heading}</h2>{body}</main></body></html>".encode()


def removed(text: str, language: str = "en") -> Change:
    return single("removed", text, language=language)


def assert_alert(change: Change, category: str, severity: str | None = None) -> None:
    """Material, about `category` (among others), at `severity` when one is given."""
    assert change.material, change
    assert category in change.categories, change
    if severity:
        assert change.severity == severity, change


def assert_quiet(change: Change) -> None:
    assert not change.material, change
    assert change.severity == "none", change


def one_edit(language: str, old: str | None, new: str) -> Change:
    """`old` edited into `new` (None: `new` is added), classified in `language`."""
    return single("added", new, language=language) if old is None else modified(old, new, language)


def check_expected(change: Change, expected: str) -> None:
    """`expected`, comma-separated: "quiet", a category the change must be about, or
    "-category" one it must not be about."""
    categories = set(change.categories) if change.material else set()
    for want in expected.split(","):
        if want == "quiet":
            assert not change.material, change
        elif want.startswith("-"):
            assert want[1:] not in categories, change
        else:
            assert change.material and want in categories, change
