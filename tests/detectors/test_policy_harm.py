"""A policy said to harm people is criticism on their behalf: the rule, and the cascade with it."""

from __future__ import annotations

import numpy as np
import pytest

from dignity.detectors.text.cascade import CascadeTextDetector
from dignity.detectors.text.counter_speech import Framing
from dignity.detectors.text.hybrid import Parts, _within
from dignity.detectors.text.policy_harm import POLICY_HARM_CAP, harm_clauses, only_policy_harm
from dignity.model import Span


@pytest.mark.parametrize(
    "text",
    [
        "The DWP is killing disabled people",
        "Tory cuts are killing disabled people",
        "Sanctions are starving disabled people to death",
        "This government is killing disabled people and nobody cares",
        "Their immigration policy is killing refugees in the Channel",
        "Ministers are letting refugees drown",
        "Austerity has killed 120,000 people",
        "The hostile environment destroyed the lives of black Britons",
    ],
)
def test_harm_a_policy_does_to_people_is_policy_harm(text: str) -> None:
    assert only_policy_harm(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Muslims are destroying this country",  # a group, not a policy, does the harm
        "The DWP is killing disabled people and good riddance",  # approved of
        "The government should kill all the immigrants",  # a call, not a description
        "grandparents are a drain on the budget kill all grandparents",  # an order, run on
        "The DWP is killing disabled people so we should burn down their offices",
        "The government is killing disabled people, kill the PM",
        "This government is killing disabled people and I will kill every minister",
        "The DWP is killing disabled people " * 2_000 + "and I will shoot them",
    ],
)
def test_a_group_as_the_agent_approval_or_violence_left_over_is_not(text: str) -> None:
    assert not only_policy_harm(text)


def test_the_clauses_index_the_text() -> None:
    text = "Honestly? Their immigration policy is killing refugees in the Channel"
    ((start, end),) = harm_clauses(text)
    assert text[start:end] == "Their immigration policy is killing refugees in the Channel"
    assert harm_clauses("İ" + text) == ()  # a letter whose lower case is longer: no offsets


@pytest.mark.parametrize(
    "text",
    [
        "The DWP is killing disabled people",
        "Sanctions are starving disabled people to death",
        "Their immigration policy is killing refugees in the Channel",
        "Ministers are letting refugees drown",
    ],
)
def test_the_cascade_passes_criticism_on_a_groups_behalf(
    cascade: CascadeTextDetector, text: str
) -> None:
    """Each was a hate breach (0.50-0.91)."""
    scores = cascade.scores(text)
    assert scores["identity_attack"] < 0.5
    assert scores["threat"] <= POLICY_HARM_CAP


@pytest.mark.parametrize(
    "text",
    [
        "The Home Office is targeting refugees, they are vermin",  # hate beside the criticism
        "The DWP is killing disabled people and good riddance",
        "Muslims are destroying this country",
    ],
)
def test_hate_beside_or_instead_of_policy_harm_stays_hate(
    cascade: CascadeTextDetector, text: str
) -> None:
    assert cascade.scores(text)["identity_attack"] >= 0.5


def test_a_hold_needs_some_word_of_evidence_inside_its_clauses() -> None:
    """With no word to go on (only the transformer saw hate), the models keep their score."""
    text = "The DWP is killing disabled people"
    clauses = harm_clauses(text)
    evidence = (Span.of(text, text.index("disabled"), text.index("disabled") + 8),)

    def parts(spans: tuple[Span, ...]) -> Parts:
        return Parts(np.zeros(1), {}, {"identity_attack": spans}, {}, [], Framing(text))

    assert _within(parts(evidence), "identity_attack", clauses)
    assert not _within(parts(()), "identity_attack", clauses)
    assert not _within(parts(evidence), "identity_attack", ())
