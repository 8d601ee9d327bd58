""" "EE. UU." (los Estados Unidos) in Spanish: the full stop after "EE." ends no sentence, so the
clause stays whole and writing the country out or short is no change."""

from __future__ import annotations

from engine_checks import assert_quiet, modified

from monitor.engine.segment import split_sentences


def test_ee_uu_does_not_end_a_sentence() -> None:
    text = "Alojamos las copias de seguridad en EE. UU. y en Irlanda. Nadie más tiene acceso a ellas."
    assert split_sentences(text, merge_fragments=False) == [
        "Alojamos las copias de seguridad en EE. UU. y en Irlanda.",
        "Nadie más tiene acceso a ellas.",
    ]


def test_country_written_short_stays_quiet() -> None:
    assert_quiet(
        modified(
            "Las copias de seguridad se alojan en los Estados Unidos, con acceso restringido al personal.",
            "Las copias de seguridad se alojan en EE. UU., con acceso restringido al personal.",
            language="es",
        )
    )
