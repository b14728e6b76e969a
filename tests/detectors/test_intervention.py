"""Telling someone to stop is a defence, not a threat: the rule, and the shipped cascade with it."""

from __future__ import annotations

import pytest

from dignity.detectors.text.cascade import CascadeTextDetector
from dignity.detectors.text.intervention import INTERVENTION_THREAT_CAP, only_intervention


@pytest.mark.parametrize(
    "text",
    [
        "leave her alone",
        "Leave him alone, he’s done nothing wrong",
        "Leave my kids alone",
        "Back off, she said no",
        "stop harassing her",
        "let her speak",
        "leave her alone, you creep",  # the insult is the models' to weigh, not a threat
    ],
)
def test_a_demand_to_stop_is_an_intervention(text: str) -> None:
    assert only_intervention(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "leave her alone or else",
        "leave her alone or you'll regret it",
        "Leave her alone before I hurt you",
        "leave him alone if you don't want trouble, last warning",
        "leave her alone or I will kill you",
        "leave the Jews alone? no, gas them all",
        "Leave her alone. Next time I'll break your legs",
        "leave the EU",
        "leave it",
        "leave her alone " * 5_000 + "or else",
    ],
)
def test_a_demand_with_menace_or_no_demand_is_not(text: str) -> None:
    assert not only_intervention(text)


@pytest.mark.parametrize("text", ["leave her alone", "Leave my kids alone", "leave them alone"])
def test_the_cascade_does_not_call_an_intervention_a_threat(
    cascade: CascadeTextDetector, text: str
) -> None:
    """The first scored 1.0 as a threat, the police route's material."""
    assert cascade.scores(text)["threat"] <= INTERVENTION_THREAT_CAP < 0.5


@pytest.mark.parametrize(
    "text", ["leave her alone or you'll regret it", "Leave her alone before I stab you"]
)
def test_a_demand_backed_by_menace_stays_a_threat(cascade: CascadeTextDetector, text: str) -> None:
    assert cascade.scores(text)["threat"] >= 0.5
