"""dignity.text.v2: the classifier and the lexicon stacked, through its own findings."""

from __future__ import annotations

import pytest

from dignity.detectors.text.hybrid import FEATURE_NAMES, HybridTextDetector
from dignity.model import Message

BREACH = {"personal_attack", "identity_attack", "threat", "sexual"}


@pytest.fixture(scope="module")
def detector() -> HybridTextDetector:
    d = HybridTextDetector()
    d.load()
    return d


def _flagged(detector: HybridTextDetector, text: str) -> set[str]:
    return {f.category for f in detector.detect(Message(id="m", text=text)) if f.score >= 0.5}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two-child benefit cap is cruel and indefensible", set()),
        ("You are a pathetic useless idiot", {"personal_attack"}),
        ("Muslims are vermin and should be thrown out", {"identity_attack"}),
        ("I know where you live and I'm going to hurt you", {"threat"}),
        ("Send me nudes babe", {"sexual"}),
        pytest.param(
            "I don't hate women",
            set(),
            marks=pytest.mark.xfail(
                strict=True,
                reason="known: the stacker inflates the classifier's mid sexual score (0.36)",
            ),
        ),
        ("This fucking weather, the train is late again", set()),
    ],
)
def test_contrast(detector: HybridTextDetector, text: str, expected: set[str]) -> None:
    flagged = _flagged(detector, text) & BREACH
    assert expected <= flagged, flagged
    if not expected:
        assert not flagged


def test_derogatory_labels_pass_through_from_the_lexicon(detector: HybridTextDetector) -> None:
    findings = detector.detect(Message(id="m", text="Typical Tory-lite melts, the lot of them."))
    assert "derogatory_description" in {f.category for f in findings}


def test_scores_and_features_line_up(detector: HybridTextDetector) -> None:
    parts = detector.parts("you absolute moron")
    assert parts.features.shape == (len(FEATURE_NAMES),)
    scores = detector.scores("you absolute moron")
    assert scores["personal_attack"] >= 0.5
    assert all(0.0 <= v <= 1.0 for v in scores.values())
