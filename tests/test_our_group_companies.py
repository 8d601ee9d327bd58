"""The companies of "our" group said with the possessive ("empresas de nuestro grupo", "Unternehmen
unserer Gruppe", "sociétés de notre groupe", "bolag inom vår koncern") are affiliates, as "the
group's companies" already were: added as an exception to a promise not to share, they are a new
recipient."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, modified

EXCEPTION_ADDED = [
    (
        "Sus datos no se ceden, salvo por ley.",
        "Sus datos no se ceden, salvo por ley o a las sociedades de nuestro grupo.",
        "es",
    ),
    (
        "Sus datos no se ceden, salvo por ley.",
        "Sus datos no se ceden, salvo por ley o a los establecimientos asociados.",
        "es",
    ),
    (
        "Wir übermitteln Ihre Daten nicht an Dritte, außer per Gesetz.",
        "Wir übermitteln Ihre Daten nicht an Dritte, außer per Gesetz und an Unternehmen unserer Gruppe.",
        "de",
    ),
    (
        "Nous ne partageons pas vos données, sauf obligation légale.",
        "Nous ne partageons pas vos données, sauf obligation légale ou aux sociétés de notre groupe.",
        "fr",
    ),
    (
        "Vi lämnar inte ut dina uppgifter, utom när lagen kräver det.",
        "Vi lämnar inte ut dina uppgifter, utom när lagen kräver det eller till bolag inom vår koncern.",
        "sv",
    ),
    (
        "We do not disclose your data except where the law requires it.",
        "We do not disclose your data except where the law requires it or to companies in our group.",
        "en",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), EXCEPTION_ADDED)
def test_our_group_companies_added_as_an_exception_are_a_new_recipient(
    old: str, new: str, language: str
) -> None:
    assert_alert(modified(old, new, language), "sharing")
