"""Check before posting: the rewrite keeps the point and drops the attack."""

from __future__ import annotations

import pytest

from dignity.cases import suggest
from dignity.engine import Dignity


@pytest.mark.parametrize(
    ("text", "kept", "gone"),
    [
        ("Your housing policy is wrong, you pathetic idiot.", "housing policy is wrong", "idiot"),
        ("call him on 07700 900123 about the vote", "[removed]", "07700"),
    ],
)
def test_rewrite_drops_the_evidence(engine: Dignity, text: str, kept: str, gone: str) -> None:
    found = suggest(text=text, assessment=engine.assess(text), policy=engine.policy)
    assert found is not None
    assert kept in found.text
    assert gone not in found.text
    assert found.advice
    for span in found.removed:
        assert text[span.start : span.end] == span.quote


def test_nothing_to_suggest_for_fair_criticism(engine: Dignity) -> None:
    text = "The whip's decision on the welfare vote was a serious mistake."
    assert suggest(text=text, assessment=engine.assess(text), policy=engine.policy) is None
