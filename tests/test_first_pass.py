"""What a first check skips or does once, and why the stored result is the same: a page with no
stored version is segmented without comparison keys (the store keeps none; they are computed
again when the version is loaded to be compared)."""

from __future__ import annotations

from dataclasses import FrozenInstanceError, replace

import pytest

from monitor.engine.pipeline import analyse, compare, with_keys
from monitor.extract.normalize import normalize
from monitor.models import Block, Clause, new_block, new_clause
from monitor.store.records import clauses_from_json, clauses_json

PAGE = """<html><body><main>
<h1>Privacy notice</h1>
<p>1. Scope. This notice covers the lending app and its website.</p>
<h2>What we keep</h2>
<ul><li>Loan requests are kept for seven years after repayment.</li>
<li>Chat transcripts are erased after ninety days.</li></ul>
<p>Nous ne vendons jamais vos données à des courtiers. Wir verkaufen Ihre Daten nicht.</p>
</main></body></html>"""


def test_clauses_without_keys_are_the_clauses_with_keys_but_for_the_key() -> None:
    doc = normalize(PAGE.encode(), "text/html")
    full = analyse(doc)
    bare = analyse(doc, keys=False)
    assert all(c.key for c in full) and not any(c.key for c in bare)
    assert bare == [replace(c, key="") for c in full]
    assert with_keys(bare) == full


def test_a_version_stored_without_keys_loads_with_them_and_compares_as_if_it_had_them() -> None:
    doc = normalize(PAGE.encode(), "text/html")
    stored = clauses_json(analyse(doc, keys=False))
    assert stored == clauses_json(analyse(doc))
    loaded = clauses_from_json(stored)
    assert loaded == analyse(doc)
    edited = PAGE.replace("seven years", "twelve years")
    new = analyse(normalize(edited.encode(), "text/html"))
    diff = compare(loaded, new, old_text=doc.text, new_text="\n".join(c.text for c in new))
    assert [c.kind for c in diff.changes] == ["modified"]
    assert diff.changes[0].material and "retention" in diff.changes[0].categories


def test_the_fast_constructors_make_the_very_values_of_the_dataclasses() -> None:
    block = new_block("item", "Refunds are paid within fourteen days.", 2, "3.")
    assert vars(block) == vars(Block("item", "Refunds are paid within fourteen days.", 2, "3."))
    assert block == Block("item", "Refunds are paid within fourteen days.", 2, "3.")
    text = "Refunds are paid within fourteen days."
    clause = new_clause(4, text, ("Payments",), "3.", "refunds", "en", False)
    made = Clause(
        index=4, text=text, section=("Payments",), marker="3.", key="refunds", language="en", is_heading=False
    )
    assert vars(clause) == vars(made)  # every field set, none left to a default
    assert clause == made and hash(clause) == hash(made) and repr(clause) == repr(made)
    with pytest.raises(FrozenInstanceError):
        clause.text = "changed"  # type: ignore[misc]


LATIN_TEXTS = [
    "We store server logs for 30 days. Backups are kept for one year.",
    "Ask Dr. Moreau or Mr. Lind about it. They answer within a week.",
    "Is this covered?) Yes, under section 4.2. Further terms follow.",
    "Fees apply!! Refunds take 10 days.",
    'She said "no." Then the contract ended; Nothing else changed.',
    "Version 2.1 replaces 2.0; see art. 6. Next we list partners.",
    "Nous conservons vos données. Über uns: wir löschen sie nach 3. Mai 2025 spätestens.",
    "Only one sentence, no break at all",
    'A closing run only.")',
    "   ",
]


def test_sentences_without_cjk_end_where_the_general_rule_ends_them() -> None:
    from monitor.engine.segment import _sentence_ends, split_sentences

    for text in LATIN_TEXTS:
        assert list(_sentence_ends(text, True)) == list(_sentence_ends(text, False)), text
    assert split_sentences(LATIN_TEXTS[0]) == [
        "We store server logs for 30 days.",
        "Backups are kept for one year.",
    ]
    assert split_sentences(LATIN_TEXTS[1]) == [
        "Ask Dr. Moreau or Mr. Lind about it.",
        "They answer within a week.",
    ]
    assert split_sentences(LATIN_TEXTS[7]) == [LATIN_TEXTS[7]]
    assert split_sentences(LATIN_TEXTS[8]) == [LATIN_TEXTS[8]]
    assert split_sentences("   ") == ["   "]
    assert split_sentences("我们保存日志三十天。备份保存一年。") == ["我们保存日志三十天。", "备份保存一年。"]


def test_a_run_in_label_is_told_without_reading_a_long_sentence_to_its_end() -> None:
    from monitor.engine.segment import LABEL_MAX_WORDS, _is_run_in_label

    assert _is_run_in_label("Linked Accounts and Partner Wallets.")
    assert _is_run_in_label("Über Uns und Unsere Partner.")
    twelve = "Data Kept By Our Regional Billing Offices For Tax Audits In Country."
    assert len(twelve.split()) == LABEL_MAX_WORDS and _is_run_in_label(twelve)
    assert not _is_run_in_label(twelve.replace("In", "In Every"))  # thirteen words
    assert not _is_run_in_label("linked accounts and partner wallets.")  # not title case
    assert not _is_run_in_label("Linked Accounts 关联账户 Partner Wallets.")  # CJK is never a run-in label
    long_sentence = "We keep invoices for ten years because tax law asks us to, " * 20
    assert not _is_run_in_label(long_sentence)


_FIRST_VERSION_ONLY = """
import sys
from monitor.watch import shards
from monitor.watch.check import PageJob, analyse_page

shards._preload_engine()
loaded = {name for name in ("monitor.engine.pipeline", "monitor.engine.segment", "monitor.fetch.guards")
          if name in sys.modules}
job = PageJob(sys.argv[1].encode(), "text/html", "utf-8", None, (), None, None, None, None, None)
page = analyse_page(job)
assert page.kind == "version" and page.clauses, page
print(len(loaded), "monitor.engine.align" in sys.modules, "monitor.engine.classify" in sys.modules)
from monitor.engine import compare, diff_files  # the package's calls: align and classify still unloaded
print(callable(compare) and callable(diff_files), "monitor.engine.classify" in sys.modules)
"""


def test_a_first_version_loads_neither_align_nor_classify() -> None:
    """A pass of first versions (preloaded before the fork, or checked on threads) normalises,
    guards and segments; it compares nothing, so align and classify (~25 ms to import) are loaded
    only by the first comparison (pipeline.compare imports them)."""
    import subprocess
    import sys

    run = subprocess.run(
        [sys.executable, "-c", _FIRST_VERSION_ONLY, PAGE], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == ["3", "False", "False", "True", "False"]
