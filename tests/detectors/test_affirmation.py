"""Which texts are nothing but an affirmation of their subject."""

from __future__ import annotations

import pytest

from dignity.detectors.text.affirmation import affirmed_group, affirming_clauses
from dignity.detectors.text.cascade import CascadeTextDetector


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
        # ... or to be owed it
        ("Disabled people should get full support.", ("disabled", "people")),
        ("Refugees should be given a safe home", ("refugees",)),
        ("A disabled person should get full support", ("a", "disabled", "person")),
        ("Pensioners must get a decent pension!", ("pensioners",)),
        ("Refugees should be treated with dignity and respect.", ("refugees",)),
        ("Women deserve to feel safe walking home at night.", ("women",)),
        # ... allowed a right, or spared a hardship
        ("Asylum seekers should be allowed to work.", ("asylum", "seekers")),
        ("Women should be free to vote and stand", ("women",)),
        ("Gays should not have to hide who they are", ("gays",)),
        ("Disabled people should not have to fight for every benefit.", ("disabled", "people")),
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
        "Refugees should be given a one-way ticket home",
        "Muslims should get what's coming to them",
        "Disabled people should not get full support",
        "No immigrants should get equal rights",
        "Refugees should be allowed to die",
        "Muslims should be allowed to leave",
        "Immigrants should not have to be told twice to get out",
        "Refugees should not have to wait, deport them today",
        "Muslims deserve respect in hell",
        "Refugees deserve a safe home at the bottom of the sea",
        "people" * 10_000,
    ],
)
def test_negations_other_predicates_and_longer_texts_are_not(text: str) -> None:
    assert affirmed_group(text) is None


@pytest.mark.parametrize(
    ("text", "clauses"),
    [
        (
            "Trans women are women and this party must stop throwing them under the bus.",
            ["Trans women are women", "stop throwing them under the bus"],
        ),
        (
            "This party must stop throwing trans people under the bus.",
            ["stop throwing trans people under the bus"],
        ),
        (
            "We stand with our Muslim neighbours against this hatred.",
            ["stand with our Muslim neighbours against this hatred"],
        ),
        (
            "Our street is better for the Jews who live on it.",
            ["is better for the Jews who live on it"],
        ),
        (
            "I don't believe refugees are any less capable than the rest of us.",
            ["don't believe refugees are any less capable than the rest of us"],
        ),
        (
            "The disgusting treatment of Muslims in this country.",
            ["disgusting treatment of Muslims in this country"],
        ),
    ],
)
def test_clauses_that_affirm_or_stand_by_someone_are_found(text: str, clauses: list[str]) -> None:
    assert [text[a:b] for a, b in affirming_clauses(text)] == clauses


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Trans women are women? No, they are men in dresses",  # asked, then denied
        "Refugees are human beings. Send them all back.",  # hostility beside the affirmation
        "Muslims are human too, but they are all terrorists",
        "We must stop welcoming immigrants",  # support denied
        "I support deporting every last one of them",  # support for something hostile
        "I support Muslims going back to where they came from",
        "We stand with the Jews... in the oven",
        "Trans women are women, said no one ever",
        "Refugees are people too and I will kill every one of them",
        "The country would be better for deporting the Muslims",
        "Our street is better for the Jews leaving it, vermin the lot",
        "Muslims aren't any less violent than anyone, they're animals",
        "I don't think immigrants are any less criminal than the rest of them",
        "The disgusting treatment of Muslims is deserved, they are vermin",
        "İ " + "Refugees are human too",  # offsets would drift: nothing is claimed
    ],
)
def test_hostility_denial_or_a_question_leaves_no_affirming_clause(text: str) -> None:
    assert affirming_clauses(text) == ()


@pytest.mark.parametrize(
    "text",
    [
        "Trans women are women and this party must stop throwing them under the bus.",
        "This party must stop throwing trans people under the bus.",
        "Trans women are women. Full stop. This party must defend them.",
        "Refugees are human beings and deserve our compassion, not this government's cruelty.",
        "Our street is better for the Jews who live on it.",
        "I don't believe refugees are any less capable than the rest of us.",
        "The disgusting treatment of Muslims in this country.",
    ],
)
def test_the_cascade_passes_support_inside_a_longer_post(
    cascade: CascadeTextDetector, text: str
) -> None:
    """Each was a hate breach (0.52-0.90)."""
    assert cascade.scores(text)["identity_attack"] < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Disabled people should get full support.",
        "A disabled person should get full support.",
        "Refugees should be given a safe home.",
        "Trans people should have equal rights.",
        "Asylum seekers should be allowed to work.",
        "Disabled people should not have to fight for every benefit.",
        "Women deserve to feel safe walking home at night.",
    ],
)
def test_the_cascade_passes_a_group_said_to_be_owed_something_good(
    cascade: CascadeTextDetector, text: str
) -> None:
    """Hate breaches at 0.60-0.98 before, the singular one also a threat at 0.94."""
    scores = cascade.scores(text)
    assert scores["identity_attack"] < 0.5
    assert scores["threat"] < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "Refugees are human beings. Send them all back.",
        "We must stop welcoming immigrants, they are destroying the country",
        "Muslims are human too, but they are all terrorists",
    ],
)
def test_hate_beside_an_affirmation_stays_hate(cascade: CascadeTextDetector, text: str) -> None:
    assert cascade.scores(text)["identity_attack"] >= 0.5


@pytest.mark.parametrize(
    "text", ["we support refugees. " * 50_000, "refugees are human, " * 50_000]
)
def test_a_megabyte_is_left_to_the_models_at_once(text: str) -> None:
    """A first version rebuilt the text once per clause found: 15 s for a megabyte."""
    assert affirming_clauses(text) == ()
