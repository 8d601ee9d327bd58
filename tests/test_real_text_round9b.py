"""Patterns from a held-out check on fresh French, Spanish and English policy text (issue 10,
round 9b): an item joined to a list by "as well as" / "ainsi que" / "así como", "longer than what
is necessary" with "never" / "jamais" / "nunca", "mantenemos los datos … durante" as keeping data,
"emplear" as "utilizar", and cookies gathering data as a tracking term."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified


@pytest.mark.parametrize(
    ("language", "old", "new", "item"),
    [
        (
            "en",
            "We record your name and your delivery address.",
            "We record your name and your delivery address, as well as your phone number.",
            "phone number",
        ),
        (
            "en",
            "The only details we receive are the ones you type into the signup form.",
            "The only details we receive are the ones you type into the signup form "
            "as well as your location.",
            "location",
        ),
        (
            "fr",
            "Nous enregistrons votre nom et votre adresse de livraison.",
            "Nous enregistrons votre nom et votre adresse de livraison, ainsi que votre numéro de téléphone.",
            "numéro de téléphone",
        ),
        (
            "fr",
            "Nous recueillons uniquement les informations saisies dans le formulaire d'inscription.",
            "Nous recueillons uniquement les informations saisies dans le formulaire d'inscription "
            "ainsi que votre position géographique.",
            "",
        ),
        (
            "es",
            "Recogemos su nombre y su dirección de entrega.",
            "Recogemos su nombre y su dirección de entrega, así como su número de teléfono.",
            "número de teléfono",
        ),
    ],
)
def test_item_joined_by_a_phrase_is_new_data(language: str, old: str, new: str, item: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "collection")
    assert item in change.explanation


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        ("en", "We record your name as well as your phone number.", "We record your name."),
        (
            "fr",
            "Nous enregistrons votre nom ainsi que votre numéro de téléphone.",
            "Nous enregistrons votre nom.",
        ),
        ("es", "Recogemos su nombre así como su número de teléfono.", "Recogemos su nombre."),
    ],
)
def test_item_dropped_after_a_joining_phrase_is_seen(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert change.material, change
    assert "collection" in change.categories, change


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We never hold your account data for longer than what is necessary.",
            "We do not hold your account data for longer than necessary.",
        ),
        (
            "fr",
            "Nous ne stockons jamais vos factures plus longtemps que ce qui est nécessaire.",
            "Nous ne stockons pas vos factures plus longtemps que nécessaire.",
        ),
        (
            "es",
            "Nunca guardamos sus facturas más tiempo de lo que sea necesario.",
            "No guardamos sus facturas más tiempo del necesario.",
        ),
    ],
)
def test_never_longer_than_what_is_necessary_is_the_same_limit(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We never hold your account data for longer than what is necessary.",
            "We hold your account data for eight years.",
        ),
        (
            "fr",
            "Nous ne stockons jamais vos factures plus longtemps que ce qui est nécessaire.",
            "Nous stockons vos factures pendant huit ans.",
        ),
        (
            "es",
            "Nunca guardamos sus facturas más tiempo de lo que sea necesario.",
            "Guardamos sus facturas durante ocho años.",
        ),
    ],
)
def test_a_fixed_period_replacing_the_limit_still_alerts(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "retention")


def test_mantener_datos_durante_is_keeping_them() -> None:
    assert_quiet(
        modified(
            "Mantenemos los datos de los clientes solo durante el tiempo que dure el contrato.",
            "Conservamos los datos de los clientes solo durante el tiempo que dure el contrato.",
            "es",
        )
    )
    assert_alert(
        modified(
            "Mantenemos los datos de los clientes solo durante el tiempo necesario.",
            "Mantenemos los datos de los clientes durante doce años.",
            "es",
        ),
        "retention",
    )


def test_emplear_reads_as_utilizar() -> None:
    assert_quiet(
        modified(
            "Esta tienda no utiliza balizas para medir las visitas.",
            "Esta tienda no emplea balizas para medir las visitas.",
            "es",
        )
    )


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Our shop does not use cookies to gather details about its visitors.",
            "Our shop uses cookies to gather details about its visitors.",
        ),
        (
            "fr",
            "Notre boutique n'utilise pas de cookies pour recueillir des informations sur ses visiteurs.",
            "Notre boutique utilise des cookies pour recueillir des informations sur ses visiteurs.",
        ),
        (
            "es",
            "Nuestra tienda no utiliza cookies para recoger información de sus visitantes.",
            "Nuestra tienda utiliza cookies para recoger información de sus visitantes.",
        ),
    ],
)
def test_cookies_now_gathering_data_is_a_tracking_term(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "collection")
    assert_alert(change, "tracking")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Your export archive is protected by a password.",
            "Your export archive is not protected by a password.",
        ),
        (
            "fr",
            "Votre archive d'export est protégée par un mot de passe.",
            "Votre archive d'export n'est pas protégée par un mot de passe.",
        ),
        (
            "es",
            "Su archivo de exportación está protegido con una contraseña.",
            "Su archivo de exportación no está protegido con una contraseña.",
        ),
    ],
)
def test_password_protection_denied_is_a_security_change(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "security")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Your export archive is protected by a password.",
            "Your export archive is sent to you by e-mail.",
        ),
        (
            "fr",
            "Votre archive d'export est protégée par un mot de passe.",
            "Votre archive d'export vous est envoyée par e-mail.",
        ),
    ],
)
def test_password_protection_dropped_is_a_measure_gone(language: str, old: str, new: str) -> None:
    change = modified(old, new, language)
    assert_alert(change, "security")
    assert "access control" in change.explanation


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We hold on to job applications, without prejudice to your right to have them "
            "erased at any time.",
            "We hold on to job applications and you cannot have them erased.",
        ),
        (
            "es",
            "Guardamos las candidaturas, sin perjuicio de que puede pedir en todo momento "
            "la supresión de sus datos.",
            "Guardamos las candidaturas y no podrá pedir la supresión de sus datos.",
        ),
    ],
)
def test_without_prejudice_to_a_right_is_no_negation(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "rights")


def test_cancelacion_de_datos_is_erasure() -> None:
    change = modified(
        "Puede pedir el acceso, la rectificación o la cancelación de sus datos.",
        "Puede pedir el acceso o la rectificación de sus datos.",
        "es",
    )
    assert_alert(change, "rights")
    assert "deleted" in change.explanation


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "fr",
            "Les seules données enregistrées sont votre pseudonyme et votre adresse e-mail.",
            "Les données enregistrées sont votre pseudonyme et votre adresse e-mail.",
        ),
        (
            "fr",
            "Seules les données utiles à la livraison sont recueillies.",
            "Les données utiles à la livraison sont recueillies.",
        ),
        (
            "es",
            "Los únicos datos que recogemos son su alias y su correo electrónico.",
            "Los datos que recogemos son su alias y su correo electrónico.",
        ),
    ],
)
def test_the_only_data_dropped_is_a_limit_gone(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "collection")


def test_the_only_data_reworded_stays_quiet() -> None:
    assert_quiet(
        modified(
            "Los únicos datos que recogemos son su alias y su correo electrónico.",
            "Los únicos datos que recopilamos son su alias y su correo electrónico.",
            "es",
        )
    )


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "Our app does not use cookies and we do not collect your contacts.",
            "Our app uses cookies and we do not collect your contacts.",
        ),
        (
            "fr",
            "Notre application n'utilise pas de cookies et nous ne collectons pas vos contacts.",
            "Notre application utilise des cookies et nous ne collectons pas vos contacts.",
        ),
        (
            "es",
            "Nuestra aplicación no utiliza cookies y no recopilamos sus contactos.",
            "Nuestra aplicación utiliza cookies y no recopilamos sus contactos.",
        ),
    ],
)
def test_negation_dropped_beside_another_negated_action_alerts(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "tracking", "high")


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We do not sell or rent your contacts.",
            "We neither sell nor rent your contacts.",
        ),
        (
            "es",
            "No vendemos sus contactos y no los alquilamos.",
            "No vendemos ni alquilamos sus contactos.",
        ),
    ],
)
def test_the_same_actions_negated_in_other_words_stay_quiet(language: str, old: str, new: str) -> None:
    assert_quiet(modified(old, new, language))


def test_keep_server_logs_reads_as_retain_them() -> None:
    assert_quiet(modified("We retain access logs for 30 days.", "We keep access logs for 30 days."))
    assert_quiet(
        modified(
            "We try to retain access logs no more than 30 days.",
            "We try to keep access logs no more than 30 days.",
        )
    )


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "fr",
            "Nous prenons des mesures techniques pour protéger vos données de facturation.",
            "Nous pouvons prendre des mesures techniques pour protéger vos données de facturation.",
        ),
        (
            "es",
            "Tomamos medidas técnicas para proteger sus datos de facturación.",
            "Podemos tomar medidas técnicas para proteger sus datos de facturación.",
        ),
    ],
)
def test_measures_to_protect_data_now_optional_alert(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "security")


def test_utilisateurs_is_no_use_of_data() -> None:
    change = modified(
        "Comptes utilisateurs : 2 ans après la dernière connexion.",
        "Comptes utilisateurs : 6 ans après la dernière connexion.",
        "fr",
    )
    assert_alert(change, "retention")
    assert "purpose" not in change.categories, change


@pytest.mark.parametrize(
    ("language", "old", "new"),
    [
        (
            "en",
            "We share order details with couriers, so long as those companies agree to delete them.",
            "We share order details with couriers.",
        ),
        (
            "fr",
            "Nous transmettons vos commandes aux transporteurs, pour autant qu'ils s'engagent à les effacer.",
            "Nous transmettons vos commandes aux transporteurs.",
        ),
        (
            "es",
            "Compartimos sus pedidos con los transportistas, siempre que se comprometan a borrarlos.",
            "Compartimos sus pedidos con los transportistas.",
        ),
    ],
)
def test_a_duty_on_the_recipient_dropped_is_a_limit_gone(language: str, old: str, new: str) -> None:
    assert_alert(modified(old, new, language), "sharing")
