"""Which texts are nothing but an affirmation of their subject."""

from __future__ import annotations

import pytest

from dignity.detectors.text.affirmation import affirmed_group


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Trans women are real women.", ("trans", "women")),
        ("Refugees are human too.", ("refugees",)),
        ("Gay men are just men!", ("gay", "men")),
        ("Yes, Muslims are people #RefugeesWelcome", ("muslims",)),
        ("Disabled people are equal", ("disabled", "people")),
        ("Travellers are our neighbours.", ("travellers",)),
        # an emphatic close or emoji does not change what is affirmed
        ("Trans women are women. End of.", ("trans", "women")),
        ("Trans women are women, end of story", ("trans", "women")),
        ("Trans women are women 🏳️‍⚧️💖", ("trans", "women")),
        ("Refugees are human too. Deal with it.", ("refugees",)),
        # a group said to deserve something good
        ("Refugees deserve a safe home", ("refugees",)),
        ("Trans people deserve dignity and respect.", ("trans", "people")),
        ("Old people deserve a decent pension, full stop", ("old", "people")),
        ("Muslims deserve the same rights as everyone else", ("muslims",)),
    ],
)
def test_affirmations_give_their_subject(text: str, subject: tuple[str, ...]) -> None:
    assert affirmed_group(text) == subject


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Trans women are not real women.",
        "Trans women aren't women",
        "Trans women are men.",
        "Trans women are men. End of.",
        "Trans women are women?",
        "Muslims are vermin. End of.",
        "No refugees are welcome here.",
        "Only Christians are real citizens",
        "Refugees are human too, but they should all go home.",
        "Refugees are parasites.",
        "Immigrants deserve everything that's coming to them",
        "Muslims deserve a bullet",
        "Refugees deserve nothing",
        "Only Christians deserve respect",
        "No refugees deserve a safe home",
        "Muslims deserve the same rights as dogs",
        "people" * 10_000,
    ],
)
def test_negations_other_predicates_and_longer_texts_are_not(text: str) -> None:
    assert affirmed_group(text) is None
