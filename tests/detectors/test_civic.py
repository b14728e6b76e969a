"""Violence borrowed by politics and by everyday speech is not a threat: the civic and figurative
rules, and the shipped cascade with them."""

from __future__ import annotations

import pytest

from dignity.detectors.text.cascade import CascadeTextDetector
from dignity.detectors.text.civic import CIVIC_THREAT_CAP, only_civic, only_figurative

CAMPAIGNING = [
    "Our candidate will fight like hell for this seat",
    "We will beat them at the election and bury this policy for good",
    "The Tories should be wiped out at the next election",
    "At the ballot box we will crush them",
    "We’ll destroy the Lib Dems in the by-election",
    "Keep fighting for us!",
    "The bosses who did this deserve to be locked up",
    "She should be sacked immediately",
    "Lock him up",
    "Burn it all down and start again, the whole system is broken",
    "Kill the bill!",
    "Smash the patriarchy",
    "Tear down the whole rotten establishment",
    "Let's bury this policy once and for all",
    "We will kill their latest proposal in committee",
    "Time to smash Labour's budget",
    "Labour are dead at the next election",
]
GAMES = [
    "I'm going to destroy you at chess tonight",
    "I'll kill you at Mario Kart, loser buys the drinks",
    "We absolutely murdered them at the pub quiz last night",
    "You're dead at FIFA on Friday, mate",
    "We'll slaughter the other branch at five-a-side on Sunday",
    "Prepare to get annihilated at Scrabble",
    "My kids batter me at Monopoly every single time",
    "At darts I will crush you",
]


@pytest.mark.parametrize("text", CAMPAIGNING)
def test_violence_about_a_vote_a_cause_or_the_law_is_civic(text: str) -> None:
    assert only_civic(text)


@pytest.mark.parametrize("text", GAMES)
def test_violence_about_a_game_is_a_contest_too(text: str) -> None:
    assert only_civic(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Fight like hell",  # no arena and no cause: the phrase alone is left to the models
        # a game's name as a place, where a fight can happen
        "I will kill you at the pool",
        "I'll kill you at chess club",
        "We'll batter you at the match on Saturday",
        # violence left once the game is set aside
        "I'll beat you at chess and then beat you in the car park",
        "I'll destroy you at poker and then stab you",
        "I'm going to kill you at the polling station",
        "We'll beat them at the election and then beat them in the street",
        "We will beat you at the election, and you will pay",
        "Kill them all at the election, then shoot the survivors",
        "I'll fight you outside after the count",
        "They should be hanged for treason",
        "He deserves to be locked up and beaten",
        "Give her a slap, you won't get arrested for it",
        "They should be fired upon",
        "Burn it all down, and burn them with it",
        "We will smash the system and kill every Tory we find",
        "We need to destroy capitalism before it destroys the planet",
        "election " * 10_000,
    ],
)
def test_violence_beyond_civic_phrases_is_not(text: str) -> None:
    assert not only_civic(text)


@pytest.mark.parametrize("text", CAMPAIGNING)
def test_the_cascade_lets_civic_language_pass(cascade: CascadeTextDetector, text: str) -> None:
    assert cascade.scores(text)["threat"] <= CIVIC_THREAT_CAP


@pytest.mark.parametrize("text", GAMES)
def test_the_cascade_lets_trash_talk_over_a_game_pass(
    cascade: CascadeTextDetector, text: str
) -> None:
    """The shipped cascade read "I'll kill you at Mario Kart" as a threat (0.93, urgent)."""
    scores = cascade.scores(text)
    assert scores["threat"] <= CIVIC_THREAT_CAP
    assert max(scores[c] for c in ("personal_attack", "identity_attack", "sexual")) < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "We'll beat them at the election and then beat them in the street",
        "I'll beat you at chess and then beat you in the car park",
        "We'll batter you at the match on Saturday",
        "Kill them all at the election, then shoot the survivors",
        "I'm going to kill you at the polling station",
        "You should be locked up, and I will make sure you suffer",
        "Burn it all down, and burn them with it",
        "That mosque? Burn it all down",
    ],
)
def test_threats_beside_civic_language_stay_threats(
    cascade: CascadeTextDetector, text: str
) -> None:
    assert cascade.scores(text)["threat"] >= 0.5


def test_a_named_group_keeps_the_threat(cascade: CascadeTextDetector) -> None:
    """Threats to all of a group are threat and hate even in a campaign's words."""
    text = "We will fight against the Muslims until they are wiped out at the election"
    scores = cascade.scores(text)
    assert scores["threat"] >= 0.5
    assert scores["identity_attack"] >= 0.5


def test_a_call_to_jail_a_group_stays_a_threat(cascade: CascadeTextDetector) -> None:
    scores = cascade.scores("Muslims should be locked up")
    assert scores["threat"] >= 0.5
    assert scores["identity_attack"] >= 0.5


@pytest.mark.parametrize(
    "text",
    [
        "He should be thrown out of the party for those comments.",
        "Anyone who leaks should be expelled.",
        "She deserves to be deselected after that vote.",
        "The leader needs to go before conference.",
        "You belong in the party, we need people like you.",
    ],
)
def test_calls_for_a_sanction_are_not_threats(cascade: CascadeTextDetector, text: str) -> None:
    """Expulsion, deselection and resignation are a party's own sanctions, not violence; the
    transformer once read "should be thrown out of the party" as a threat (1.0, urgent)."""
    scores = cascade.scores(text)
    assert max(scores[c] for c in ("personal_attack", "threat", "identity_attack")) < 0.5


def test_throwing_a_group_out_of_the_country_is_hate_not_a_threat(
    cascade: CascadeTextDetector,
) -> None:
    scores = cascade.scores("Muslims should be thrown out of the country.")
    assert scores["identity_attack"] >= 0.5
    assert scores["threat"] < 0.5


FIGURES = [
    "Knock 'em dead tonight, break a leg!",
    "you're killing me with these puns",
    "My feet are killing me after all that canvassing",
    "I could murder a curry after the count",
    "I'd kill for a coffee right now",
    "She absolutely killed it tonight!",
    "Bored to death in this meeting",
    "Shoot me an email about the fundraiser",
    "We'll beat the traffic if we leave now",
    "I'll give them a shot!",
    "Over my dead body will this motion pass",
    "Hang in there, we're all with you",
    "Let's hang out after the count",
    "Hang on a minute, that's not what the motion says",
    "I'm dead 😂",
    "im dead lmao",
]


@pytest.mark.parametrize("text", FIGURES)
def test_violent_words_in_a_figure_of_speech_are_figurative(text: str) -> None:
    assert only_figurative(text)
    assert not only_civic(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Knock him down and kick him",
        # violence left once the figure is set aside
        "Break a leg, and then I'll break your neck",
        "Knock 'em dead or I'll smash your face in",
        "You're killing me, so I will kill you",
        # "it" is then used on someone
        "He should have picked the chair up and smashed it across her head",
        "If you find it in the street kill it and bury it",
        # the idiom's words, said of a person
        "I'm going to knock him dead",
        "They burned out the family next door",
        "Someone should give him a stab",
        "Hang in there or I'll hang you",
        "Hang him out to dry and then hang him",
        "I'm dead serious, you'll pay",
        "If I'm dead you're next",
        "break a leg " * 10_000 + "then die",
    ],
)
def test_violence_beyond_a_figure_of_speech_is_not(text: str) -> None:
    assert not only_figurative(text)


@pytest.mark.parametrize("text", FIGURES)
def test_the_cascade_lets_figures_of_speech_pass(cascade: CascadeTextDetector, text: str) -> None:
    """The shipped cascade scored "you're killing me with these puns" 0.58 as a threat, "Knock 'em
    dead tonight, break a leg!" 1.0 and "I'll give them a shot!" 0.80."""
    assert cascade.scores(text)["threat"] <= CIVIC_THREAT_CAP


@pytest.mark.parametrize(
    "text",
    ["Break a leg, and then I'll break your neck", "Knock 'em dead or I'll smash your face in"],
)
def test_threats_beside_a_figure_of_speech_stay_threats(
    cascade: CascadeTextDetector, text: str
) -> None:
    assert cascade.scores(text)["threat"] >= 0.5
