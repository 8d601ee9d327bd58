"""One realistic edit of a policy sentence (round 15, issue 10): patterns a fresh held-out set of
real de/fr/es/da/sv/en paragraphs showed, each stated in new sentences of its own.

French "effaçons" is a deletion like "effacer"; "make it anonymous" / "les rendre anonymes" is
anonymisation; Spanish "usar" is "utilizar"; Danish "finder anvendelse på" (applies to) is no use
of data; "describes the way we collect and disclose" says what the policy explains; "neither …
nor … without consent" keeps the consent exception of "do not … or … without consent"; data
bought from others is data collected; a hedge ("where possible") weakens a promise.
"""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

# --- the same term said with another verb form or wording: quiet --------------------------------

QUIET = [
    # fr: the cedilla form of "effacer" is the same deletion
    (
        "Lorsque votre compte est clôturé, nous supprimons vos messages définitivement.",
        "Lorsque votre compte est clôturé, nous effaçons vos messages définitivement.",
        "fr",
    ),
    # en / fr: "make it anonymous" is anonymising it
    (
        "After the trial ends we delete or anonymise the recordings.",
        "After the trial ends we delete the recordings or make them anonymous.",
        "en",
    ),
    (
        "À la fin de l'essai, nous supprimons ou anonymisons les enregistrements.",
        "À la fin de l'essai, nous supprimons les enregistrements ou nous les rendons anonymes.",
        "fr",
    ),
    # es: "usar" is "utilizar"
    (
        "Podemos utilizar una pasarela externa para cobrar las suscripciones.",
        "Podemos usar una pasarela externa para cobrar las suscripciones.",
        "es",
    ),
    # da: "finder anvendelse på" says what the policy covers, not a use of data
    (
        "Denne politik finder anvendelse på alle oplysninger, som foreningen registrerer.",
        "Denne politik gælder for alle oplysninger, som foreningen registrerer.",
        "da",
    ),
    # what the policy describes, with a verb left out of its summary
    (
        "Denne privatlivspolitik beskriver måden, vi indsamler, gemmer og videregiver dine oplysninger på.",
        "Denne privatlivspolitik beskriver måden, vi indsamler og gemmer dine oplysninger på.",
        "da",
    ),
    (
        "This notice describes the way we gather, store and disclose member data.",
        "This notice describes the way we gather and store member data.",
        "en",
    ),
    # "neither … nor … without consent" is "do not … or … without consent"
    (
        "We do not rent or sell your contact details without your prior consent.",
        "We neither rent nor sell your contact details without your prior consent.",
        "en",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), QUIET)
def test_same_term_reworded_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


def test_consent_exception_dropped_from_neither_nor_still_alerts() -> None:
    change = modified(
        "We do not rent or sell your contact details without your prior consent.",
        "We neither rent nor sell your contact details.",
    )
    assert_alert(change, "sharing")


# --- data bought from others is collected ----------------------------------------------------------


def test_data_bought_from_others_is_collection() -> None:
    change = modified(
        "We may link what you order online with your loyalty card purchases.",
        "We may link what you order online with your loyalty card purchases"
        " and with information we purchase from other companies.",
    )
    assert_alert(change, "collection")


# --- a hedge weakens a promise ---------------------------------------------------------------------

HEDGED = [
    ("All backups are always encrypted at rest.", "All backups are encrypted at rest where possible.", "en"),
    (
        "Les sauvegardes sont toujours chiffrées sur nos serveurs.",
        "Les sauvegardes sont chiffrées sur nos serveurs dans la mesure du possible.",
        "fr",
    ),
    (
        "Alle Sicherungskopien werden stets verschlüsselt gespeichert.",
        "Alle Sicherungskopien werden nach Möglichkeit verschlüsselt gespeichert.",
        "de",
    ),
    (
        "Las copias de seguridad se cifran siempre en nuestros servidores.",
        "Las copias de seguridad se cifran en nuestros servidores cuando sea posible.",
        "es",
    ),
    ("Alle sikkerhedskopier krypteres altid.", "Alle sikkerhedskopier krypteres så vidt muligt.", "da"),
    ("Alla säkerhetskopior krypteras alltid.", "Alla säkerhetskopior krypteras i möjligaste mån.", "sv"),
]


@pytest.mark.parametrize(("old", "new", "language"), HEDGED)
def test_hedge_added_to_a_promise_alerts(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "security")


# --- "the data strictly necessary" limits how much is shared: dropping it is material ---------------

STRICTLY_NEEDED_DROPPED = [
    (
        "We share with the claims office the data strictly required to settle your claim.",
        "We share with the claims office the data to settle your claim.",
        "en",
    ),
    (
        "Compartimos con la mutua los datos estrictamente necesarios para tramitar el parte.",
        "Compartimos con la mutua los datos para tramitar el parte.",
        "es",
    ),
    (
        "Nous transmettons à la mutuelle les données strictement nécessaires au remboursement.",
        "Nous transmettons à la mutuelle les données utiles au remboursement.",
        "fr",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), STRICTLY_NEEDED_DROPPED)
def test_strictly_needed_data_limit_dropped_alerts(old: str, new: str, language: str) -> None:
    assert_alert(modified(old, new, language), "sharing")


# --- what the user can do is no modal of ours ---------------------------------------------------

USER_OPTION = [
    (
        "Browsing the shop is also possible with tracking cookies blocked.",
        "You can also browse the shop with tracking cookies blocked.",
        "en",
    ),
    (
        "Das Stöbern im Shop ist auch mit blockierten Tracking-Cookies möglich.",
        "Sie können auch mit blockierten Tracking-Cookies im Shop stöbern.",
        "de",
    ),
]


@pytest.mark.parametrize(("old", "new", "language"), USER_OPTION)
def test_user_option_said_with_can_is_quiet(old: str, new: str, language: str) -> None:
    assert_quiet(modified(old, new, language))


def test_our_own_can_still_weakens_a_statement() -> None:
    change = modified("We set tracking cookies only after you accept them.", "We can set tracking cookies.")
    assert_alert(change, "tracking")


# --- "or not" names the other choice ----------------------------------------------------------------


def test_or_not_as_the_other_choice_is_quiet() -> None:
    change = modified(
        "Puede elegir si acepta o rechaza las cookies analíticas.",
        "Puede elegir si acepta o no las cookies analíticas.",
        "es",
    )
    assert_quiet(change)


# --- a long hedge word misspelt and put right is a typo fix ----------------------------------------


def test_long_modal_respelt_is_a_typo_fix() -> None:
    change = modified(
        "Ohne Cookies stehen Ihnen möglichrewiese nicht alle Funktionen des Kundenportals zur Verfügung.",
        "Ohne Cookies stehen Ihnen möglicherweise nicht alle Funktionen des Kundenportals zur Verfügung.",
        "de",
    )
    assert_quiet(change)


def test_short_modal_added_is_no_typo_fix() -> None:
    change = modified("We shre your order data with couriers.", "We can share your order data with couriers.")
    assert_alert(change, "sharing")


# --- a misspelt verb put right beside a place: the place was named before ---------------------------


def test_verb_respelt_beside_a_place_is_a_typo_fix() -> None:
    change = modified(
        "Par principe, nous ne transéfrons pas vos fichiers de clients en-dehors de l’UE.",
        "Par principe, nous ne transférons pas vos fichiers de clients en-dehors de l’UE.",
        "fr",
    )
    assert_quiet(change)


def test_place_misspelt_is_no_typo_fix() -> None:
    change = modified("We transfer your files to India.", "We transfer your files to Indai.")
    assert_alert(change, "transfer")


def test_users_option_dropped_still_alerts() -> None:
    change = modified(
        "You can switch off personalised offers at any time in the app settings.",
        "We show you personalised offers based on how you use the app.",
    )
    assert change.material, change
