"""dignity.text.v2: the classifier and the lexicon stacked, through its own findings."""

from __future__ import annotations

import numpy as np
import pytest
from tests.detectors.flagged import categories_flagged

from dignity.detectors.text.classifier import CATEGORIES
from dignity.detectors.text.featurise import normalise
from dignity.detectors.text.hybrid import (
    FEATURE_NAMES,
    IDENTITY_CAP,
    LIFT,
    HybridTextDetector,
    gate,
    names_a_group,
)
from dignity.detectors.text.normalise import typos
from dignity.model import Message

BREACH = {"personal_attack", "identity_attack", "threat", "sexual"}


@pytest.fixture(scope="module")
def detector() -> HybridTextDetector:
    d = HybridTextDetector()
    d.load()
    return d


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two-child benefit cap is cruel and indefensible", set()),
        ("You are a pathetic useless idiot", {"personal_attack"}),
        ("Muslims are vermin and should be thrown out", {"identity_attack"}),
        ("I know where you live and I'm going to hurt you", {"threat"}),
        ("Send me nudes babe", {"sexual"}),
        ("I don't hate women", set()),
        ("This fucking weather, the train is late again", set()),
    ],
)
def test_contrast(detector: HybridTextDetector, text: str, expected: set[str]) -> None:
    flagged = categories_flagged(detector, text) & BREACH
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


@pytest.mark.parametrize(
    "text",
    [
        "Typical Tory-lite melts, the lot of them.",
        "Democrats are destroying this country, honestly",
        "Republicans voted against the bill again",
    ],
)
def test_no_hate_without_a_group(detector: HybridTextDetector, text: str) -> None:
    assert detector.scores(text)["identity_attack"] <= IDENTITY_CAP


def test_the_gate_opens_for_a_group_or_a_slur() -> None:
    tokens = normalise("all the immigrants")
    assert names_a_group(tokens)
    assert not names_a_group(normalise("all the Tories"))
    stacked = np.full(len(CATEGORIES), 0.9)
    features = np.zeros(len(FEATURE_NAMES))
    assert gate(stacked, features, tokens)[1] > IDENTITY_CAP
    assert gate(stacked, features, normalise("all the Tories"))[1] <= IDENTITY_CAP


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Immigration should be reduced, in my view.", False),
        ("Illegal immigration must be stopped. #immigration", False),
        ("Immigration is out of control and immigrants are to blame", True),
        ("Stop immigration now, these invaders are ruining Britain.", True),
    ],
)
def test_a_policy_names_no_group_unless_its_people_are_dehumanised(text: str, names: bool) -> None:
    assert names_a_group(normalise(text)) == names


def test_debating_the_policy_is_not_hate(detector: HybridTextDetector) -> None:
    """0.57 and 0.97 as hate before; the same words about people as invaders stay hate."""
    for policy in ("Immigration should be reduced, in my view.", "Illegal immigration must stop."):
        assert detector.scores(policy)["identity_attack"] <= IDENTITY_CAP
    invaders = "Stop immigration now, these invaders are ruining Britain."
    assert detector.scores(invaders)["identity_attack"] >= 0.5


@pytest.mark.parametrize("text", ["I hate wmen", "All Mslims are vile", "Mulsims out"])
def test_a_group_word_with_one_slip_of_spelling_still_names_the_group(text: str) -> None:
    assert names_a_group(normalise(text))


@pytest.mark.parametrize("text", ["I bought a hat", "Omen of doom", "Black Friday", "wmen" * 50])
def test_english_words_and_long_runs_are_not_group_typos(text: str) -> None:
    assert names_a_group(normalise(text)) == ("Black" in text)


def test_typos_keep_the_first_letter_and_skip_english_words_and_clashes() -> None:
    found = typos(["women", "muslims", "abcde", "abdce", "cat"])
    assert found["wmen"] == "women"
    assert found["mslims"] == "muslims"
    assert found["mulsims"] == "muslims"
    assert "omen" not in found  # English, and the first letter dropped
    assert "owmen" not in found  # the first two letters swapped
    assert "abde" not in found  # a slip of both "abcde" and "abdce"
    assert not any(len(v) < 4 for v in found)  # nor is "cat" varied


def test_two_weak_signals_do_not_make_a_breach() -> None:
    stacked = np.full(len(CATEGORIES), 0.9)
    features = np.zeros(len(FEATURE_NAMES))
    features[: len(CATEGORIES)] = -1.0  # the classifier's logits: about 0.27 each
    out = gate(stacked, features, normalise("all the immigrants"))
    assert (out <= 1 / (1 + np.exp(1.0)) + LIFT + 1e-9).all()
