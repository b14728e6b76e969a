"""Removing people by their legal status is immigration policy, not hate: the rule, and the
shipped cascade with it."""

from __future__ import annotations

import pytest

from dignity.detectors.text.cascade import CascadeTextDetector
from dignity.detectors.text.hybrid import IDENTITY_CAP
from dignity.detectors.text.status_removal import status_removal_rest

POLICY = [
    "Failed asylum seekers should be removed",
    "Illegal immigrants should be deported",
    "Deport foreign criminals",
    "Migrants who commit crimes should be deported",
    "We should deport all illegal immigrants now",
]


@pytest.mark.parametrize("text", [*POLICY, "Asylum seekers whose claims fail must be returned"])
def test_removal_by_legal_status_is_found(text: str) -> None:
    rest = status_removal_rest(text)
    assert rest is not None
    for removal in ("deport", "remov", "return"):
        assert removal not in rest


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Immigrants should be deported",  # a whole group: exclusion
        "Muslims should be sent back",
        "Illegal immigrants should be shot",  # violence, whatever the status
        "Failed asylum seekers should be removed or we will burn their hostels",
        # more said of the same people
        "Illegal immigrants should be deported, they are ruining Britain",
        "The Home Office removed a failed asylum seeker's appeal papers",  # no removal of people
    ],
)
def test_exclusion_violence_and_more_are_not_policy(text: str) -> None:
    assert status_removal_rest(text) is None


def test_the_rest_keeps_other_clauses() -> None:
    rest = status_removal_rest("Illegal immigrants should be deported and Muslims too")
    assert rest is not None
    assert "muslims" in rest


@pytest.mark.parametrize("text", POLICY)
def test_the_cascade_does_not_call_status_removal_hate(
    cascade: CascadeTextDetector, text: str
) -> None:
    """The shipped cascade scored the first two 0.75 and 0.97 as hate."""
    assert cascade.scores(text)["identity_attack"] <= IDENTITY_CAP


@pytest.mark.parametrize(
    "text",
    [
        "Immigrants should be deported",
        "Illegal immigrants should be deported and Muslims too",
        "Failed asylum seekers should be removed, the vermin",
    ],
)
def test_a_group_named_or_dehumanised_beside_it_stays_hate(
    cascade: CascadeTextDetector, text: str
) -> None:
    assert max(cascade.scores(text)[c] for c in ("identity_attack", "personal_attack")) >= 0.5
