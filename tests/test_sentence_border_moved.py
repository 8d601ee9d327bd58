"""A clause's end split off as a short sentence of its own ("…, and we never will." -> "…. We never
will."), which the segmenter reads with the sentence after it: both neighbouring clauses change,
but joined they say the same words and terms. A condition or a negation moved from one sentence
into the other still alerts: it now applies to something else."""

from __future__ import annotations

from monitor.engine.pipeline import compare_documents
from monitor.extract.normalize import normalize


def _material(old: str, new: str) -> list[str]:
    docs = [normalize(t.encode(), "text/markdown") for t in (old, new)]
    return [c.explanation for c in compare_documents(*docs).changes if c.material]


def _page(paragraph: str) -> str:
    opening = "# Privacy\n\nThis page explains how Fernhill handles data."
    return f"{opening}\n\n{paragraph}\n\nContact us with questions.\n"


def test_a_short_sentence_split_off_the_end_of_a_clause_is_no_change() -> None:
    for old, new in (
        (
            "We never rent your postal address to mailing lists, and we never will. "
            "Parcels are packed by our own warehouse team in Leeds.",
            "We never rent your postal address to mailing lists. We never will. "
            "Parcels are packed by our own warehouse team in Leeds.",
        ),
        (
            "No alquilamos su dirección postal a listas de correo y nunca lo haremos. "
            "Los paquetes los prepara nuestro propio equipo de almacén.",
            "No alquilamos su dirección postal a listas de correo. Nunca lo haremos. "
            "Los paquetes los prepara nuestro propio equipo de almacén.",
        ),
        (
            "Nous ne louons pas votre adresse postale à des listes de diffusion, et jamais. "
            "Les colis sont préparés par notre propre équipe d'entrepôt.",
            "Nous ne louons pas votre adresse postale à des listes de diffusion. Et jamais. "
            "Les colis sont préparés par notre propre équipe d'entrepôt.",
        ),
    ):
        assert _material(_page(old), _page(new)) == []
        assert _material(_page(new), _page(old)) == []  # joined again


def test_a_condition_moved_into_the_sentence_before_still_alerts() -> None:
    old = (
        "We share your postal address with our courier partners. "
        "If you agree, we send you our catalogue by post."
    )
    new = (
        "We share your postal address with our courier partners if you agree. "
        "We send you our catalogue by post."
    )
    assert _material(_page(old), _page(new))


def test_a_promise_dropped_while_the_border_moves_still_alerts() -> None:
    old = (
        "We never rent your postal address to mailing lists, and we never will. "
        "Parcels are packed by our own warehouse team in Leeds."
    )
    new = (
        "We rent your postal address to mailing lists. We will. "
        "Parcels are packed by our own warehouse team in Leeds."
    )
    assert _material(_page(old), _page(new))
