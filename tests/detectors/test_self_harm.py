"""Self-harm is distress, not a threat: the rule, and the shipped cascade with it."""

from __future__ import annotations

import pytest

from dignity.detectors.text.cascade import CascadeTextDetector
from dignity.detectors.text.self_harm import SELF_HARM_THREAT_CAP, aimed_only_at_oneself
from dignity.model import Message


@pytest.mark.parametrize(
    "text",
    [
        "I want to kill myself",
        "I wish I was dead",
        "I’m going to end it all tonight",
        "if Labour loses again I'll kill myself lol",
        "Honestly some days I just wanna die. Nothing helps.",
        "I've been self-harming again",
        "I want to hang myself",
        "some nights I just want to drown myself",
    ],
)
def test_first_person_self_harm_is_aimed_only_at_oneself(text: str) -> None:
    assert aimed_only_at_oneself(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "kill yourself",
        "I want to kill myself and take you with me",
        "I want to die. You will pay for what you did",
        "I'll kill myself before I let them win, then I'll burn their office down",
        "I strongly condemn today's suicide attacks",
        "She wants to kill him",
        "Their policy is political suicide",
        "die" * 10_000,
    ],
)
def test_violence_at_someone_else_or_no_self_harm_is_not(text: str) -> None:
    assert not aimed_only_at_oneself(text)


@pytest.mark.parametrize(
    "text", ["I want to kill myself", "I wish I was dead", "Should I kill myself?"]
)
def test_the_cascade_does_not_call_self_harm_a_threat(
    cascade: CascadeTextDetector, text: str
) -> None:
    threat = {f.category: f.score for f in cascade.detect(Message(id="m", text=text))}.get(
        "threat", 0.0
    )
    assert threat <= SELF_HARM_THREAT_CAP < 0.5
    assert cascade.scores(text)["threat"] <= SELF_HARM_THREAT_CAP


@pytest.mark.parametrize(
    "text", ["I'm going to kill you", "I want to kill myself and take you with me"]
)
def test_threats_at_others_stay_threats(cascade: CascadeTextDetector, text: str) -> None:
    assert cascade.scores(text)["threat"] >= 0.5


@pytest.mark.parametrize("text", ["I want to drown myself", "I want to hang myself"])
def test_self_harm_is_not_sexual(cascade: CascadeTextDetector, text: str) -> None:
    """ "I want ... myself" is sexual talk's shape too: these scored sexual .53 and .40."""
    assert cascade.scores(text)["sexual"] <= 0.3


def test_sexual_talk_about_oneself_stays_sexual(cascade: CascadeTextDetector) -> None:
    assert cascade.scores("I want to touch myself")["sexual"] >= 0.5
