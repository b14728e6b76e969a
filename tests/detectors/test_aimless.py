"""A short reply aimed at no one, with no violence, is not a threat: the rule, and the shipped
cascade with it."""

from __future__ import annotations

import pytest

from dignity.detectors.text.aimless import AIMLESS_THREAT_CAP, SHORT_WORDS, aimed_at_no_one
from dignity.detectors.text.cascade import CascadeTextDetector

REPLIES = ["I will", "I will!", "Let's go!", "Shame", "@someone Run.", "Count me in"]


@pytest.mark.parametrize("text", REPLIES)
def test_a_short_reply_naming_no_one_is_aimed_at_no_one(text: str) -> None:
    assert aimed_at_no_one(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "@someone",
        # someone to threaten
        "Your days are numbered",
        "We know where you live",
        "I'm coming for you",
        "She should hang",
        # violence or menace, even with no one named
        "Die.",
        "They will pay",
        "Kill them all",
        "Burn it down",
        # longer than a reply
        "I will be at the count tonight and then at the party office tomorrow morning",
    ],
)
def test_a_reply_with_aim_violence_or_length_is_not(text: str) -> None:
    assert not aimed_at_no_one(text)


def test_short_counts_words_not_handles_or_links() -> None:
    words = " ".join(["yes"] * SHORT_WORDS)
    assert aimed_at_no_one(f"@a @b @c {words} https://example.org/x")
    assert not aimed_at_no_one(f"{words} yes")


@pytest.mark.parametrize("text", REPLIES[:4])
def test_the_cascade_does_not_call_a_bare_reply_a_threat(
    cascade: CascadeTextDetector, text: str
) -> None:
    """The shipped cascade scored "I will" 0.61 and "Let's go!" 0.67 as threats."""
    assert cascade.scores(text)["threat"] <= AIMLESS_THREAT_CAP


@pytest.mark.parametrize(
    "text", ["Your days are numbered", "We know where you live", "I'm coming for you"]
)
def test_a_short_threat_with_an_aim_stays_a_threat(cascade: CascadeTextDetector, text: str) -> None:
    assert cascade.scores(text)["threat"] >= 0.5


def test_a_short_threat_at_a_group_is_not_held(cascade: CascadeTextDetector) -> None:
    """No "you" or "them" and no word of violence, but a group is named: the cascade leaves
    the threat to the models (ethos labels this one a threat)."""
    text = "Send all gays to hell"
    assert aimed_at_no_one(text)
    assert cascade.scores(text)["threat"] >= 0.5
