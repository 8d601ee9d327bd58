"""Chinese says "with your consent" with a one- or a two-character verb: "经您同意" and "经过您的同意"
are the same condition. Dropping either makes the practice no longer need consent."""

from __future__ import annotations

import pytest
from engine_checks import assert_alert, assert_quiet, modified

DROPPED = [
    (
        "经过您的明确同意后，我们才会向合作伙伴提供您的手机号码。",
        "我们会向合作伙伴提供您的手机号码。",
        "sharing",
    ),
    (
        "学生未满十四周岁的，注册账号需要经过家长的同意，我们需要经过您的同意才能收集孩子的照片。",
        "学生未满十四周岁的，注册账号需要经过家长的同意，我们会收集孩子的照片。",
        "collection",
    ),
]


@pytest.mark.parametrize(("old", "new", "category"), DROPPED)
def test_consent_said_with_the_two_character_verb_dropped_alerts(old: str, new: str, category: str) -> None:
    assert_alert(modified(old, new, "zh"), category)


def test_the_one_and_the_two_character_verb_say_the_same() -> None:
    assert_quiet(
        modified(
            "经您同意后，我们才会向合作伙伴提供您的手机号码。",
            "经过您的同意后，我们才会向合作伙伴提供您的手机号码。",
            "zh",
        )
    )
