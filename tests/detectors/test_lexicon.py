"""Tables and invariants for the interim lexicon detector, ``dignity.lexicon.v1``."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dignity.detectors.text.lexicon import (
    CATEGORIES,
    TARGETS,
    LexiconDetector,
    _dropped,
    _swapped,
)
from dignity.detectors.text.normalise import normalise
from dignity.errors import DetectorLoadError
from dignity.model import Finding, Message

_DETECTOR = LexiconDetector()
_DETECTOR.load()


def detect(text: str) -> tuple[Finding, ...]:
    return _DETECTOR.detect(Message(id="m", text=text))


def scores(text: str) -> dict[str, float]:
    return {f.category: f.score for f in detect(text)}


def above(text: str, threshold: float = 0.5) -> set[str]:
    return {c for c, s in scores(text).items() if s > threshold}


def quotes(text: str, category: str) -> list[str]:
    return [s.quote for f in detect(text) if f.category == category for s in f.spans]


def rationale(text: str, category: str) -> str:
    return next(f.rationale for f in detect(text) if f.category == category)


# text -> categories scoring above 0.5, and words each of those findings must quote
FLAGGED = [
    ("you idiot", {"personal_attack"}, ["idiot"]),
    ("@bob is an idiot", {"personal_attack"}, ["idiot"]),
    ("what an idiot Smith is", {"personal_attack"}, ["idiot"]),
    ("You're a moron and everyone knows it", {"personal_attack"}, ["moron"]),
    ("He is a complete waste of space", {"personal_attack"}, ["waste of space"]),
    ("fuck you", {"personal_attack", "profanity"}, ["fuck you"]),
    ("you absolute c**t", {"personal_attack", "profanity"}, ["c**t"]),
    ("kill all muslims", {"threat", "identity_attack"}, ["kill all muslims"]),
    ("Death to all Jews", {"threat", "identity_attack"}, ["Death to all Jews"]),
    ("you'll regret this", {"threat"}, ["you'll regret this"]),
    ("watch your back", {"threat"}, ["watch your back"]),
    ("I know where you live", {"threat"}, ["I know where you live"]),
    # knowing where someone's family is, and a fight that ends only when a group is gone
    (
        "I know which school your daughter goes to",
        {"threat"},
        ["I know which school your daughter goes to"],
    ),
    (
        "we will hunt down the Jews until every last one of them is dead",
        {"threat", "identity_attack"},
        ["hunt down the Jews until every last one of them is dead"],
    ),
    ("I'm going to hurt you", {"threat"}, ["I'm going to hurt you"]),
    # a game or a friend elsewhere in the text does not excuse a threat without one
    ("I'll find you at the match", {"threat"}, ["I'll find you"]),
    ("we know where your wife works", {"threat"}, ["we know where your wife works"]),
    # veiled menace with no violent word: the knowledge, or the racketeer's "shame if"
    ("We know what car you drive", {"threat"}, ["We know what car you drive"]),
    ("I know which gym you go to", {"threat"}, ["I know which gym you go"]),
    ("I know what time you leave work every day", {"threat"}, ["I know what time you leave"]),
    (
        "Your daughter walks home alone, doesn't she?",
        {"threat"},
        ["Your daughter walks home alone, doesn't she"],
    ),
    (
        "Nice house on Elm Road. Be a shame if anything happened to it",
        {"threat"},
        ["Nice house on Elm Road. Be a shame if anything happened to it"],
    ),
    ("I hope you die", {"threat"}, ["hope you die"]),
    ("I hope he keels over", {"threat"}, ["hope he keels over"]),
    (
        "let's pray for big dumb Mike to keel over",
        {"threat"},
        ["pray for big dumb Mike to keel over"],
    ),
    ("you sicko", {"personal_attack"}, ["sicko"]),
    ("You are a Nazi", {"personal_attack"}, ["Nazi"]),
    ("you absolute melt", {"personal_attack"}, ["you absolute melt"]),
    ("Sit down, you weapon.", {"personal_attack"}, ["you weapon"]),
    ("everyone hates you", {"personal_attack"}, ["everyone hates you"]),
    ("you belong in a zoo", {"personal_attack"}, ["you belong in a zoo"]),
    ("you are a liar and a fraud", {"personal_attack"}, ["fraud"]),
    ("you are a hateful buttmunch", {"personal_attack"}, ["buttmunch"]),
    ("Muslims are vermin", {"identity_attack"}, ["Muslims are vermin"]),
    # "nigga" is no slur on its own here, but hate about the people it names is hate
    ("niggas are animals", {"identity_attack", "profanity"}, ["niggas are animals"]),
    ("n*ggas are subhuman", {"identity_attack", "profanity"}, ["n*ggas are subhuman"]),
    ("I hate women", {"identity_attack"}, ["hate women"]),
    ("go back to your own country", {"identity_attack"}, ["go back to your own country"]),
    ("you p*ki", {"identity_attack", "personal_attack"}, ["p*ki"]),
    ("show us your tits", {"sexual"}, ["show us your tits"]),
    ("I'd fuck her", {"sexual", "profanity"}, ["I'd fuck her"]),
    ("send me nudes", {"sexual"}, ["send me nudes"]),
    ("this fucking rain", {"profanity"}, ["fucking"]),
    # vulgar, so reported like swearing; no slur and no breach on its own (see below)
    ("that nigga crazy lol", {"profanity"}, ["nigga"]),
    ("Bollocks, I missed the bus, fucking hell", {"profanity"}, ["fucking"]),
    # a generalisation reached through a later reference to the group
    (
        "I've known a lot of immigrants. They're all thieves.",
        {"identity_attack"},
        ["known a lot of immigrants. They're all thieves"],
    ),
    (
        "Whenever I meet lesbians they turn out to be crooks",
        {"identity_attack"},
        ["meet lesbians they turn out to be crooks"],
    ),
    (
        "Ever worked with gay men? Lazy and useless, every one",
        {"identity_attack"},
        ["gay men? Lazy and useless, every one"],
    ),
    (
        "I have met many women and I hate all of them",
        {"identity_attack"},
        ["women and I hate all of them"],
    ),
    (
        "Trans people think they're special. Every one of them is a pervert.",
        {"identity_attack", "personal_attack"},  # "pervert" is name-calling too, as "creep" is
        [],
    ),
    (
        "Why is it that all Hindus are so repulsive?",
        {"identity_attack"},
        ["Hindus are so repulsive"],
    ),
    ("Gypsies belong in a cage", {"identity_attack"}, ["Gypsies belong in a cage"]),
    # a harmless use of the word later on does not excuse the slur before it
    ("you fag, have a fag break", {"identity_attack", "personal_attack"}, ["fag"]),
    # violence promised to whoever comes next, and to a group's homes and places of worship
    ("I'll stab the first Muslim I see tomorrow", {"threat"}, ["stab the first Muslim I see"]),
    (
        "the next Pole we catch round here is getting a kicking",
        {"threat"},
        ["the next Pole we catch round here is getting a kicking"],
    ),
    (
        "we should torch the houses of asylum seekers",
        {"threat", "identity_attack"},
        ["torch the houses of asylum seekers"],
    ),
    (
        "I'm going to firebomb the synagogue",
        {"threat", "identity_attack"},
        ["firebomb the synagogue"],
    ),
    # wishing a group away, denying it worth or rights, loathing it by name
    (
        "Pakistanis are a pack of wild dogs",
        {"identity_attack"},
        ["Pakistanis are a pack of wild dogs"],
    ),
    (
        "Our party would be better off with no asylum seekers in it",
        {"identity_attack"},
        ["party would be better off with no asylum seekers"],
    ),
    (
        "No Muslims have ever contributed anything worthwhile",
        {"identity_attack"},
        ["No Muslims have ever contributed anything worthwhile"],
    ),
    (
        "Asylum seekers should have no rights",
        {"identity_attack"},
        ["Asylum seekers should have no rights"],
    ),
    (
        "Old people shouldn't be allowed to vote",
        {"identity_attack"},
        ["Old people shouldn't be allowed to vote"],
    ),
    (
        "Muslims can't be allowed to hold office",
        {"identity_attack"},
        ["Muslims can't be allowed to hold office"],
    ),
    (
        "Never let immigrants near a ballot box",
        {"identity_attack"},
        ["Never let immigrants near a ballot box"],
    ),
    (
        "I feel nothing but contempt for immigrants",
        {"identity_attack"},
        ["I feel nothing but contempt for immigrants"],
    ),
    ("Refugees disgust me", {"identity_attack"}, ["Refugees disgust me"]),
    ("Fuck Black people, all of them", {"identity_attack", "profanity"}, ["Fuck Black people"]),
    ("Rapefugees out", {"identity_attack"}, ["Rapefugees"]),
    ("Young people are too stupid to vote", {"identity_attack"}, ["Young people are too stupid"]),
    ("I hat immigrants", {"identity_attack"}, ["hat immigrants"]),
    ("i hte women", {"identity_attack"}, ["hte women"]),
    ("Go back to Pakistan", {"identity_attack"}, ["Go back to Pakistan"]),
    (
        "Another boatload of parasites landed at Dover",
        {"identity_attack"},
        ["boatload of parasites"],
    ),
    (
        "Maybe if she dressed less like a tart she'd be taken seriously",
        {"personal_attack"},
        ["tart"],
    ),
    ("Sunak is a slimy little weasel", {"personal_attack"}, ["weasel"]),
    (
        "Muslims are taking over Britain, look at Bradford",
        {"identity_attack"},
        ["Muslims are taking over Britain"],
    ),
    ("Immigrants are invading", {"identity_attack"}, ["Immigrants are invading"]),
    (
        "Old white men like him need to die off",
        {"identity_attack"},
        ["men like him need to die off"],
    ),
]


@pytest.mark.parametrize(("text", "expected", "words"), FLAGGED)
def test_flagged(text: str, expected: set[str], words: list[str]) -> None:
    assert above(text) == expected
    found = [q for c in expected for q in quotes(text, c)]
    for word in words:
        assert word in found


# Derogatory descriptions of factions: present, but kept low-key (guidance, not a breach).
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Tory-lite nonsense from the front bench", "Tory-lite"),
        ("these red Tories will never learn", "red Tories"),
        ("Trots out", "Trots"),
        ("Blairite scum, the lot of them", "Blairite scum"),
        ("the Corbyn cult strikes again", "Corbyn cult"),
        ("entryists running the branch", "entryists"),
        ("absolute melts on the NEC", "melts"),
        ("another gammon rant", "gammon"),
        ("remoaners still moaning", "remoaners"),
    ],
)
def test_derogatory_descriptions_are_low_key(text: str, word: str) -> None:
    score = scores(text).get("derogatory_description", 0.0)
    assert 0.2 <= score <= 0.6
    assert word in quotes(text, "derogatory_description")
    assert "personal_attack" not in above(text)


# Vilifying the people of a political side is abuse; attacking what they stand for is debate.
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Tories are scum", "Tories are scum"),
        ("@USER Liberals are sick people!", "Liberals are sick people"),
        ("Republicans are nothing but vermin", "Republicans are nothing but vermin"),
        ("Tory scum out", "Tory scum"),
    ],
)
def test_vilifying_a_political_side_is_a_personal_attack(text: str, words: str) -> None:
    assert above(text) == {"personal_attack"}
    assert words in quotes(text, "personal_attack")
    assert "not criticism of the view" in rationale(text, "personal_attack")


# Name-calling the people of a side is an insult to people; calling their party timid is not.
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("liberals are idiots", "liberals are idiots"),
        ("Labour voters are too thick to understand economics", "Labour voters are too thick"),
        ("Tories are just so stupid", "Tories are just so stupid"),
    ],
)
def test_name_calling_a_political_side_is_a_personal_attack(text: str, words: str) -> None:
    assert above(text) == {"personal_attack"}
    assert words in quotes(text, "personal_attack")


@pytest.mark.parametrize(
    "text", ["Labour is too timid on housing", "Tories are too cautious about growth"]
)
def test_calling_a_party_too_cautious_is_debate(text: str) -> None:
    assert "personal_attack" not in above(text)


# Bullying that tells a person they are unwanted or would be better dead, insults about a
# person's mind, and the firing-squad idiom: each names its target, each passes when aimed at a
# plan or used in its everyday sense.
@pytest.mark.parametrize(
    ("text", "category", "words"),
    [
        ("Go away, nobody wants you here", "personal_attack", "nobody wants you here"),
        ("You are nothing.", "personal_attack", "You are nothing"),
        ("Nobody would miss you if you died", "personal_attack", "Nobody would miss you"),
        ("The world would be a better place without you", "personal_attack", "better place"),
        ("Do us all a favour and die", "personal_attack", "favour and die"),
        ("Why don't you just go die", "personal_attack", "go die"),
        ("@USER you are completely unhinged", "personal_attack", "unhinged"),
        ("You're deranged", "personal_attack", "deranged"),
        ("Line the Tories up against a wall", "threat", "Line the Tories up against a wall"),
        ("line them all up against the wall", "threat", "line them all up against the wall"),
        ("You'll be swinging from a lamppost soon enough, Keir.", "threat", "swinging from a"),
        ("Hang them from the nearest lamppost", "threat", "Hang them from the nearest"),
        ("The next asylum-seeking I see is getting a brick", "threat", "next asylum-seeking"),
        ("Bet she's a right goer in the sack.", "sexual", "right goer in the sack"),
        ("I'd bend the Lib Dem spokesperson over the dispatch box.", "sexual", "bend the Lib"),
        ("Show us what's under that blouse, Lucy.", "sexual", "Show us what's under"),
        ("Is it just me or are Hindus all freeloaders?", "identity_attack", "are Hindus all"),
        ("Asylum seekers are mentally defective.", "identity_attack", "mentally defective"),
        ("I will never treat Black people as human beings.", "identity_attack", "treat Black"),
        ("I refuse to see women as equals", "identity_attack", "refuse to see women as equals"),
        # said of any or every member of a group ({member})
        ("Never trust a single word said by an immigrant.", "identity_attack", "an immigrant"),
        ("No disabled person can ever be a real worker", "identity_attack", "No disabled"),
        ("Isn't it typical of a woman to be that stupid?", "identity_attack", "typical of a"),
        ("Why is it that every refugee is a criminal?", "identity_attack", "every refugee"),
        ("No Pakistani has ever contributed anything worthwhile", "identity_attack", "Pakistani"),
        ("No immigrants should get equal rights.", "identity_attack", "No immigrants should"),
        ("Disgusting Jew, no wonder you support Israel.", "identity_attack", "Disgusting Jew"),
        ("He's a paedo, everyone knows it, pass it on.", "personal_attack", "paedo"),
        ("Wouldn't mind bending her over the despatch box.", "sexual", "bending her over"),
    ],
)
def test_exclusion_death_wishes_and_executions_are_caught(
    text: str, category: str, words: str
) -> None:
    assert category in above(text)
    assert any(words in q for q in quotes(text, category))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("You are nothing like your father", "personal_attack"),
        ("Nobody wants you to fail", "personal_attack"),
        ("Nobody will miss you at the meeting if you leave early", "personal_attack"),
        ("I'd die of embarrassment if I went", "personal_attack"),
        ("This plan is deranged", "personal_attack"),
        ("The housing policy is unhinged and cruel", "personal_attack"),
        ("Line the books up against the wall, please", "threat"),
        ("Stand your bike up against the wall", "threat"),
        ("The Christmas lights are hanging from the lamppost", "threat"),
        ("The kids were swinging from the trees in the park", "threat"),
        ("I would bend over backwards for the members", "sexual"),
        ("Show me what's under the bonnet of your car", "sexual"),
        ("My nan is in bed with flu", "sexual"),
        ("Are all immigrants criminals? No, and the figures show it.", "identity_attack"),
        ("This kettle is defective", "identity_attack"),
        ("We will never treat refugees as criminals.", "identity_attack"),
        ("I would never treat disabled people as anything less than equals", "identity_attack"),
        ("I'd never trust a refugee charity with my money.", "identity_attack"),
        ("No immigrant should ever be treated as a criminal.", "identity_attack"),
        ("It is typical of a refugee to have faced trauma before arriving.", "identity_attack"),
        ("Every immigrant is a human being with rights.", "identity_attack"),
        ("No black person has ever led this council, and that must change.", "identity_attack"),
        ("Women can never be equal while the pay gap persists.", "identity_attack"),
        ("A convicted paedophile was jailed for ten years.", "personal_attack"),
        ("I wouldn't mind bending the rules a bit.", "sexual"),
        # a weaker word: it informs the classifier but does not flag on its own
        ("You're delusional if you think this will pass", "personal_attack"),
    ],
)
def test_everyday_uses_of_those_words_pass(text: str, category: str) -> None:
    assert category not in above(text)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("@USER Liberals are all idiots", "Liberals are all idiots"),
        ("these are demented Democrats who never vote", "demented Democrats"),
        ("I'll help the mindless uneducated liberals", "uneducated liberals"),
        ("Liberals are all delusional sheeple", "Liberals are all delusional"),
    ],
)
def test_name_calling_the_people_on_a_side_is_a_personal_attack(text: str, words: str) -> None:
    assert above(text) == {"personal_attack"}
    assert words in quotes(text, "personal_attack")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a negator governing a verb, with the insult in its object: the insult stands
        ("I can't even listen to any of these idiotic Liberals", "idiotic Liberals"),
        ("Never trust those lying scumbags", "scumbags"),
        # an insult opening its sentence, then an address or a command
        ("The left is in panic mode. Ok idiots, let's see you try it", "idiots"),
        ("Morons, read the bill before you tweet", "Morons"),
        ("#MAGA you ignorant dupes", "ignorant"),
        ("FvKK YOU and your friends", "FvKK YOU"),
    ],
)
def test_insults_outside_a_negation_or_said_to_someone_are_caught(text: str, word: str) -> None:
    assert "personal_attack" in above(text)
    assert word in quotes(text, "personal_attack")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # an order not to be what it calls the addressee presupposes it
        ("@sam don't be such an idiot", "idiot"),
        ("Oh stop being a pussy and fight me", "being a pussy"),
        ("Don't be such a pussy", "such a pussy"),
    ],
)
def test_an_order_not_to_be_what_it_calls_someone_is_not_a_negation(text: str, word: str) -> None:
    assert "personal_attack" in above(text)
    assert word in quotes(text, "personal_attack")


@pytest.mark.parametrize(
    "text",
    [
        "Refugees don't behave like animals",  # a denial, not an order
        "Don't be afraid of the idiots",  # the insult is not what the order forbids
        "I don't think you're an idiot",
    ],
)
def test_denials_and_other_orders_stay_negated(text: str) -> None:
    assert "personal_attack" not in above(text, 0.3)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("you pervert", "pervert"),
        ("you POS", "you POS"),
        ("Trump is a POS.", "a POS"),
        ("you piece of shit", "piece of shit"),
        ("you bottom feeder", "bottom feeder"),
        ("Liberals are bottom feeders", "Liberals are bottom feeders"),
        ("Republicans are pussies", "are pussies"),
        ("you spoilt brat", "brat"),
        # a compound insult spelt as one word, two or hyphenated
        ("because of a HURRICANE you half wit", "half wit"),
        ("you half-wit", "half-wit"),
        ("you halfwit", "halfwit"),
        ("give it up u low life", "low life"),
        ("you lowlife", "lowlife"),
    ],
)
def test_more_name_calling_is_caught(text: str, word: str) -> None:
    assert "personal_attack" in above(text)
    assert word in quotes(text, "personal_attack")


@pytest.mark.parametrize(
    "text",
    [
        "They tried to pervert the course of justice",
        "The new POS terminal takes cards",
        "This film is a piece of shit",
        "my pussy cat is asleep",
        "it's going to be a brat summer",
        "Glasgow has a low life expectancy",
    ],
)
def test_the_same_words_as_a_verb_a_thing_or_a_cat_are_not_insults(text: str) -> None:
    assert "personal_attack" not in above(text, 0.3)
    assert "sexual" not in above(text, 0.3)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("He called me a stupid bitch", "personal_attack"),
        ('I keep getting messages like "die you fat cow"', "personal_attack"),
        ("I was called a paki at work today", "identity_attack"),
    ],
)
def test_abuse_the_writer_received_and_shares_is_discounted(text: str, category: str) -> None:
    assert scores(text).get(category, 0.0) < 0.2
    assert any("said to the writer" in f.rationale for f in detect(text))


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("You called me a liar, you fucking idiot", "idiot"),  # the writer's own insult
        ("I called her a stupid bitch", "bitch"),  # the writer's own words
    ],
)
def test_the_writers_own_words_beside_a_report_are_not_received(text: str, word: str) -> None:
    assert scores(text)["personal_attack"] >= 0.4
    assert word in quotes(text, "personal_attack")


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a negative yes/no question opening the sentence asserts what it asks
        ("Wouldn't the country be better off without Travellers?", "identity_attack"),
        ("Aren't you one of the low life scum who defends them?", "personal_attack"),
        ("Well, aren't you a prize creep?", "personal_attack"),
        # "why don't you ..." demands, with or without a question mark
        ("Why don't you leftist loons just go elsewhere!", "personal_attack"),
        ("Why can't you see that women are inferior", "identity_attack"),
    ],
)
def test_negative_questions_assert_rather_than_deny(text: str, category: str) -> None:
    assert category in above(text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the same words as a statement, or with the question disputing the claim
        ("The country wouldn't be better off without Travellers.", "identity_attack"),
        ("You aren't a creep.", "personal_attack"),
        ("Why don't we stop calling people liberal idiots?", "personal_attack"),
        ("Isn't it racist to say immigrants are criminals?", "identity_attack"),
        ("I don't hate women?", "identity_attack"),
    ],
)
def test_statements_and_disputing_questions_stay_negated(text: str, category: str) -> None:
    assert category not in above(text)


@pytest.mark.parametrize(
    "text", ["is not georgia tech a n1gger school", "twitter does not like muzrats either"]
)
def test_a_slur_in_a_negated_sentence_is_still_a_slur(text: str) -> None:
    assert "identity_attack" in above(text)
    # an insult is negated as before: "she is not a slut"
    assert "personal_attack" not in above("she is not a slut")


@pytest.mark.parametrize(
    "text",
    [
        "No one should call these people idiots",
        "I don't think those women are stupid",
        "You're either ignorant of the whole investigation or misleading us",
        "This is ignorant and outright harassment",
        "Idiots run the country, said nobody in the polls",
        "this is stupid",
    ],
)
def test_negated_described_or_thing_directed_insults_still_pass(text: str) -> None:
    assert "personal_attack" not in above(text)


@pytest.mark.parametrize(
    "text",
    [
        "The Tory plan is a disgrace",
        "Tory policies are evil and the figures prove it",
        "Tories are not scum, they are just wrong",
        "Calling Tories scum is wrong, and we should not do it",
        "The idea that Republicans are evil is nonsense",
        "Liberals are sick of waiting for a vote on it",
        "The Tory plan is idiotic and the Tories know it",
        "It is wrong to say Tories are stupid; they are mistaken",
    ],
)
def test_criticism_negation_and_counter_speech_about_a_side_pass(text: str) -> None:
    assert "personal_attack" not in above(text)


# Legitimate criticism, counter-speech, negation, neutral mentions and homonyms must pass.
PASSING = [
    ("I know which school my daughter goes to", "threat"),
    ("Do you know which school your son goes to next year?", "threat"),
    # trash talk over a game, and knowing where someone works as their colleague
    ("I'll kill you at Scrabble tonight", "threat"),
    ("we will murder you at the pub quiz on Friday", "threat"),
    ("you're dead at darts next week mate", "threat"),
    ("I know where your mum works, she's my colleague", "threat"),
    ("I know what time you finish, want a lift home?", "threat"),
    ("Your daughter walks home alone? Is that safe in the dark?", "threat"),
    ("Your house looks lovely in the photos", "threat"),
    ("It would be a shame if anything happened to the funding", "threat"),
    ("We will fight the Tories until they are wiped out at the election", "threat"),
    # criticism of views, however forceful
    ("Your housing policy is a disgrace and will hurt millions", "personal_attack"),
    ("The Chancellor's budget is economically illiterate", "personal_attack"),
    ("I utterly reject everything Starmer stands for on this", "personal_attack"),
    ("this policy is idiotic", "personal_attack"),
    ("a stupid decision by the NEC", "personal_attack"),
    ("That is an idiotic policy", "personal_attack"),
    ("I was so stupid to believe them", "personal_attack"),
    # "fraud" the crime, not a person
    ("He committed tax fraud and bank fraud", "personal_attack"),
    # the loser of a game or a bet, and a policy's winners and losers
    ("I'll beat you at darts, loser buys the drinks", "personal_attack"),
    ("Every budget makes winners and losers", "personal_attack"),
    ("The loser of the vote should accept the result", "personal_attack"),
    ("Why don't you look at the evidence of voter fraud?", "personal_attack"),
    # the same words describing others' hatred, disputed, or about a party
    ("The hatred for Muslims in that thread was shocking", "identity_attack"),
    ("It's nonsense to say our party would be better off without immigrants", "identity_attack"),
    ("We would be better off without the Tories", "identity_attack"),
    ("Talk and fuck all the women you want", "identity_attack"),
    # negation
    ("I don't hate women", "identity_attack"),
    ("no one should threaten her", "threat"),
    ("she is not a slut and no one should call her that", "personal_attack"),
    ("she is not a slut and no one should call her that", "sexual"),
    ("you're not an idiot", "personal_attack"),
    # quotation and reporting frames (counter-speech)
    ("Calling her a 'stupid bitch' is disgusting and has no place here", "personal_attack"),
    ("He was called a p*ki in the street — this must stop", "identity_attack"),
    ('He tweeted "you fat cow" at her, which is vile abuse', "personal_attack"),
    # neutral or positive identity mentions
    ("As a gay man I support this", "identity_attack"),
    ("Muslim voters in Bradford", "identity_attack"),
    ("women are under-represented in Parliament", "identity_attack"),
    ("Trans people deserve dignity and respect", "identity_attack"),
    ("Black women MPs receive the most abuse", "identity_attack"),
    # homonyms and reclaimed terms
    ("a bundle of faggots in gravy", "identity_attack"),
    # the regime and its history, and a politics rather than a person
    ("My grandad fought the Nazis in the Second World War", "personal_attack"),
    ("Nazi Germany invaded Poland in 1939", "personal_attack"),
    ("This is straight out of the fascist playbook", "personal_attack"),
    ("I am proud to be anti-fascist", "personal_attack"),
    ("The Anti-Nazi League marched on Saturday", "personal_attack"),
    # slang that insults only when said to someone, at the end of the phrase
    ("you melt the butter first", "personal_attack"),
    ("Did you tool up for the job?", "personal_attack"),
    ("the weapon was found in the river", "personal_attack"),
    ("going out for a fag break, then a packet of fags", "identity_attack"),
    ("I'm nipping out for a fag after lunch", "identity_attack"),
    ("fancy a quick fag before the meeting?", "identity_attack"),
    ("queer theory reading group on Thursday", "identity_attack"),
    ("the dyke on the canal has burst", "identity_attack"),
    ("the old Ford had a retarded ignition timing setting", "identity_attack"),
    ("spastic paraplegia is a group of inherited disorders", "identity_attack"),
    # in-group address (dialect): the reclaimed word is no identity attack by itself
    ("my niggas always got my back", "identity_attack"),
    ("that nigga crazy lol", "identity_attack"),
    ("I'm a proud n*gga", "identity_attack"),
    # a capitalised slur before a place word is a place name
    ("Pikeys Lane floods every winter", "identity_attack"),
    ("The bus stops at Coon Hill and the station", "identity_attack"),
    ("A darkie is an old slang word for a moonless night", "identity_attack"),
    ("Sod's law, it rained all day", "profanity"),
    # abuse at one person is a personal attack, not identity hate, without a slur
    ("you stupid woman", "identity_attack"),
    # swearing at the weather is just profanity
    ("this fucking rain", "personal_attack"),
    # politics, not violence
    ("We will beat them at the next election", "threat"),
    ("This will kill the economy", "threat"),
    # a later "they" that is not the group, or says nothing bad about it
    ("Refugees are too often made scapegoats", "identity_attack"),
    ("Young people are too busy to vote", "identity_attack"),
    ("That hat women wear is lovely", "identity_attack"),
    ("I go back to India every summer", "identity_attack"),
    ("Women are taking over the boardroom and that is great", "identity_attack"),
    ("I want to go back to Poland to see my family", "identity_attack"),
    ("Terminally ill women should die on their own terms", "identity_attack"),
    ("Disabled people should die with dignity, not in pain", "identity_attack"),
    ("All those poor young people have to die for a worthless leader", "identity_attack"),
    ("It is a lie that Muslims are taking over Britain", "identity_attack"),
    ("a boat full of tourists", "identity_attack"),
    ("I baked a jam tart for the branch social", "personal_attack"),
    ("The minister used weasel words", "personal_attack"),
    ("Slugs ate my lettuce again", "personal_attack"),
    ("Tories attack immigrants and they are vile", "identity_attack"),
    ("I have met plenty of Muslims and they are all lovely", "identity_attack"),
    ("I worked with disabled people for years and they are not lazy", "identity_attack"),
    ("Women in politics? Brilliant, every single one.", "identity_attack"),
    ("I have met plenty of Tories and they are all crooks", "identity_attack"),
    ("The mosque on our road holds a fete every summer", "threat"),
    # hate put forward only to be refuted
    ("It's simply untrue that gay men are lazy", "identity_attack"),
    ("Claiming Travellers are all criminals is a lie that endangers people", "identity_attack"),
    ("If you think refugees are inferior, you are the problem", "identity_attack"),
    ("The idea that Muslims are terrorists is a racist myth", "identity_attack"),
]


ADVANCES = [
    ("Hey gorgeous, why don't you come back to my hotel room after the conference", "Hey gorgeous"),
    ("I just want to take you out for a drink sweetheart", "take you out for a drink sweetheart"),
    ("Can I have your number, beautiful?", "your number, beautiful"),
    ("Morning sexy, come round to mine tonight", "Morning sexy, come round to mine"),
    ("DM me baby girl 😘😘", "DM me baby girl"),
    ("Can't stop thinking about your body", "Can't stop thinking about your body"),
]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("He ripped off her panties and fucked her hard", "ripped off her panties"),
        ("Her wet pussy was dripping", "wet pussy"),
        ("she sucked his cock in the car park", "sucked his cock"),
    ],
)
def test_explicit_sexual_acts_are_sexual_whoever_they_are_about(text: str, quote: str) -> None:
    """The code bars sexualised language itself, not only remarks aimed at a person."""
    assert "sexual" in above(text)
    assert any(quote in q for q in quotes(text, "sexual"))


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to suck his dick",
        'He said "suck my dick" to her at the meeting, which is disgusting',
        "Pull down your pants and sit on the toilet",
        "Take off your coat and stay a while",
        "The MP is a member of the select committee",
    ],
)
def test_negated_reported_and_everyday_words_are_not_explicit(text: str) -> None:
    assert scores(text).get("sexual", 0.0) <= 0.3


@pytest.mark.parametrize(("text", "quote"), ADVANCES)
def test_advances_without_a_sexual_word_are_sexual(text: str, quote: str) -> None:
    """Unwelcome attention: a pet name or a look with an invitation to meet alone."""
    assert above(text) == {"sexual"}
    assert any(q.startswith(quote) for q in quotes(text, "sexual"))


@pytest.mark.parametrize(
    "text",
    [
        "I'm going back to my room to sleep",
        "What a beautiful day, DM me if you want to canvass",
        "Thanks love, DM me the leaflet numbers",
        "Come round to mine tonight, the branch is meeting in my front room",
        "Can I get your number to arrange the canvassing session?",
        "Liz Truss was the darling of the right, message me if you disagree",
        "Hello darling, lovely to see you at conference!",
        "Our candidate looked stunning at the hustings, take a look at the video",
        "Princess Anne visited the hospital, DM me for photos",
        "Come back to my place and we'll plan the campaign",
        "Don't call me sweetheart and don't DM me again",
        'He messaged me "hey gorgeous, come back to my room" and I reported him',
    ],
)
def test_invitations_and_kind_words_apart_are_not_advances(text: str) -> None:
    assert scores(text).get("sexual", 0.0) <= 0.3


@pytest.mark.parametrize(("text", "category"), PASSING)
def test_passes(text: str, category: str) -> None:
    assert scores(text).get(category, 0.0) <= 0.5


def test_a_refuted_generalisation_says_why_it_was_reduced() -> None:
    refuted = "It's a myth that immigrants are criminals"
    assert "put forward to be refuted" in rationale(refuted, "identity_attack")
    # the same words asserted, with the refutation words elsewhere, are not reduced
    assert scores("Immigrants are criminals, and that is no myth").get("identity_attack", 0) > 0.5
    # a slur is abuse whatever frames it
    assert "identity_attack" in above("if you believe that you are a retard")


def test_abuse_at_one_person_is_a_personal_attack() -> None:
    assert above("you stupid woman") == {"personal_attack"}


def test_targeting_orders_the_scores() -> None:
    at_person = scores("you idiot")["personal_attack"]
    unclear = scores("idiot")["personal_attack"]
    at_policy = scores("an idiotic policy").get("personal_attack", 0.0)
    assert at_person > unclear > at_policy


def test_reduced_findings_say_why() -> None:
    (finding,) = [f for f in detect("I don't hate women") if f.category == "identity_attack"]
    assert "negated" in finding.rationale
    quoted = detect("Calling her a 'stupid bitch' is disgusting and has no place here")
    assert any("condemn" in f.rationale for f in quoted)


@pytest.mark.parametrize(
    ("text", "category", "word"),
    [
        ("you 1d10t", "personal_attack", "1d10t"),
        ("f u c k you", "personal_attack", "f u c k you"),
        ("st*pid b!tch", "personal_attack", "st*pid"),
        ("st*pid b!tch", "personal_attack", "b!tch"),
        ("you're a fucking m0r0n!!!", "personal_attack", "m0r0n"),
        ("you stuuupid idiot", "personal_attack", "stuuupid"),
        ("you іdiot", "personal_attack", "іdiot"),  # Cyrillic і
        ("ｙｏｕ ｉｄｉｏｔ", "personal_attack", "ｉｄｉｏｔ"),  # fullwidth
        ("you idi\u200bot", "personal_attack", "idi\u200bot"),  # zero-width space
        ("you $cumbag", "personal_attack", "$cumbag"),
        ("what a f*cking disgrace you are", "profanity", "f*cking"),
    ],
)
def test_obfuscation_is_caught_with_original_spans(text: str, category: str, word: str) -> None:
    findings = [f for f in detect(text) if f.category == category]
    assert findings
    assert findings[0].score > 0.3
    spans = findings[0].spans
    assert word in [s.quote for s in spans]
    for span in spans:
        assert text[span.start : span.end] == span.quote


def test_identity_findings_name_the_characteristic() -> None:
    cases = {
        "kill all muslims": ("religion",),
        "I hate women": ("gender",),
        "you p*ki": ("race",),
        "you f4ggot": ("sexual_orientation",),
        "what a tranny": ("gender_identity",),
        "you retard": ("disability",),
        "coffin dodger": ("age",),
        "I'm going to firebomb the synagogue": ("religion",),
        "we should torch the houses of asylum seekers": ("race",),
        "Ever met autistic people? Useless, every one of them.": ("disability",),
        "Never trust a trans person": ("gender_identity",),
        "No Pakistani has ever contributed anything worthwhile": ("race",),
    }
    for text, targets in cases.items():
        (finding,) = [f for f in detect(text) if f.category == "identity_attack"]
        assert finding.targets == targets, text


def test_finding_shape() -> None:
    findings = detect("you idiot, I know where you live")
    assert [f.category for f in findings] == ["personal_attack", "threat"]
    attack = findings[0]
    assert attack.detector == "dignity.lexicon.v1"
    assert attack.label == "insult"
    assert attack.rationale.startswith('Calls a person "idiot"')
    assert attack.targets == ()


def test_several_matches_combine_by_noisy_or() -> None:
    one = scores("you idiot")["personal_attack"]
    two = scores("you idiot. you moron.")["personal_attack"]
    assert one < two <= 1.0
    assert two == pytest.approx(1 - (1 - 0.75) * (1 - 0.78), abs=1e-3)


def test_plain_text_has_no_findings() -> None:
    text = "Great turnout at the branch meeting last night, thanks to everyone who came!"
    assert detect(text) == ()


@pytest.mark.parametrize("text", ["", " ", "\n\n", "\u200b", "🙂", "\x00", "ß" * 10])
def test_degenerate_text(text: str) -> None:
    assert isinstance(detect(text), tuple)


def test_one_megabyte() -> None:
    unit = "You are an idiot — and this fucking policy is stupid. Ordinary words here. "
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    start = time.perf_counter()
    findings = detect(text)
    assert time.perf_counter() - start < 30
    for finding in findings:
        assert 0.0 <= finding.score <= 1.0
        for span in finding.spans:
            assert text[span.start : span.end] == span.quote
    assert {"personal_attack", "profanity"} <= {f.category for f in findings}


@pytest.mark.parametrize("text", ["a" * 1_000_000, "1a" * 500_000, "f u " * 250_000, "'" * 10**6])
def test_adversarial_megabyte_stays_linear(text: str) -> None:
    start = time.perf_counter()
    detect(text)
    assert time.perf_counter() - start < 30


_abusive_alphabet = st.sampled_from(
    ["you ", "idiot", "1d10t", "f*ck", "b!tch", "'", '"', "not ", "\u200b", "і", "ｉ", "ß", "—"]
)
_texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(_abusive_alphabet, st.text(max_size=5)), max_size=40).map("".join),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_texts)
def test_invariants(text: str) -> None:
    findings = detect(text)
    assert findings == detect(text)  # deterministic
    categories = [f.category for f in findings]
    assert len(categories) == len(set(categories))
    for finding in findings:
        assert finding.category in CATEGORIES
        assert 0.05 <= finding.score <= 1.0
        assert set(finding.targets) <= set(TARGETS)
        assert finding.spans
        for span in finding.spans:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.quote


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_normalised_offsets_point_into_the_original(text: str) -> None:
    norm = normalise(text)
    for i in range(len(norm.text)):
        start, end = norm.original_span(i, i + 1)
        assert 0 <= start < end <= len(text)
    if norm.text:
        start, end = norm.original_span(0, len(norm.text))
        assert 0 <= start < end <= len(text)


@pytest.mark.parametrize(
    ("text", "normalised", "piece"),
    [
        ("I hatewomen", "i hate women", "women"),
        ("#killallmen", "#kill all men", "all"),
        ("Ｉ h4tewomen", "i hate women", "women"),
        ("Women arevermin.", "women are vermin.", "vermin"),  # rare, but the caller knows it
    ],
)
def test_words_run_together_are_split_with_offsets_into_the_original(
    text: str, normalised: str, piece: str
) -> None:
    norm = normalise(text, keep=lambda word: word == "vermin")
    assert norm.text == normalised
    start = norm.text.index(piece)
    first, last = norm.original_span(start, start + len(piece))
    assert text[first:last] == piece
    assert normalise(text).text == (text.lower() if piece == "vermin" else normalised)


@pytest.mark.parametrize(
    "text",
    [
        "my therapist said so",  # an English word, however it could be cut
        "visit www.hatewomen.com",  # links and addresses
        "@hatewomen hello",  # user names
        "freakin cold today",  # a suffix for a last piece: one derived word
        "the nevertrump crowd",  # a split may not invent a negation
        "brexiteers again",  # no clean cut: a stray letter or a rare piece
    ],
)
def test_words_that_are_not_run_together_stay_whole(text: str) -> None:
    assert normalise(text).text == text.lower()


def test_the_lexicon_finds_abuse_run_together_and_keeps_its_own_compounds_whole() -> None:
    (hate,) = [f for f in detect("I hatewomen") if f.category == "identity_attack"]
    assert [s.quote for s in hate.spans] == ["hatewomen"]
    assert scores("you areanidiot").get("personal_attack", 0.0) > 0.5
    assert quotes("what a dickhead", "personal_attack") == ["dickhead"]


def test_two_letters_swapped_are_swapped_back_when_they_hide_a_known_word() -> None:
    text = "Asylum seekers are vremin, we walked the trail"
    known = {"vremin": "vermin", "trail": "trial"}
    norm = normalise(text, respell=known.get)
    assert norm.text == "asylum seekers are vermin, we walked the trail"  # "trail" is English
    start = norm.text.index("vermin")
    first, last = norm.original_span(start, start + len("vermin"))
    assert text[first:last] == "vremin"


@pytest.mark.parametrize(
    ("text", "category", "quote"),
    [
        ("Asylum seekers are vremin", "identity_attack", "Asylum seekers are vremin"),
        ("You are a sutpid idoit", "personal_attack", "idoit"),
        ("I hate immigarnts", "identity_attack", "hate immigarnts"),
        ("Shut up you reatrd", "identity_attack", "reatrd"),
    ],
)
def test_the_lexicon_sees_through_swapped_letters(text: str, category: str, quote: str) -> None:
    assert category in above(text)
    assert quote in quotes(text, category)


def test_a_dropped_letter_is_put_back_with_offsets_into_the_original() -> None:
    text = "I hate Mslims, and the ﬁsh desise them too"
    known = {"mslims": "muslims", "desise": "despise"}
    norm = normalise(text, respell=known.get)
    assert norm.text == "i hate muslims, and the fish despise them too"
    for word, written in (("muslims", "Mslims"), ("despise", "desise"), ("them", "them")):
        start = norm.text.index(word)
        first, last = norm.original_span(start, start + len(word))
        assert text[first:last] == written


@pytest.mark.parametrize(
    ("text", "category", "quote"),
    [
        ("I hate Mslims so much.", "identity_attack", "hate Mslims"),
        ("I desise refugees.", "identity_attack", "desise refugees"),
        ("Gays are dsgusting freaks", "identity_attack", "Gays are dsgusting"),
    ],
)
def test_the_lexicon_sees_through_a_dropped_letter(text: str, category: str, quote: str) -> None:
    assert category in above(text)
    assert quote in quotes(text, category)


def test_short_words_and_english_words_are_never_given_a_letter_back() -> None:
    """'Nige' (Nigel) is one letter short of a slur: words under six letters keep their slips
    to the models, and an English word ("form", "achieve") is never respelled."""
    assert not above("Nige is wrong about the deficit again")
    assert not above("We will achieve this together")
    found = _dropped(["abcdef", "abcdeg", "scum"])
    assert found["acdef"] == "abcdef"
    assert "abcde" not in found  # a slip of both words hides neither
    assert not any(word == "scum" for word in found.values())
    # a known word of five letters is itself, never a slip of a longer one
    assert "abcde" not in _dropped(["abcdef", "abcde"])


def test_swapped_spellings_that_are_words_or_ambiguous_are_not_respelled() -> None:
    lexicon = _DETECTOR._lexicon
    assert lexicon is not None
    assert lexicon.respell("vremin") == "vermin"
    assert lexicon.respell("vermin") is None  # a known word is itself
    assert not above("I filled in the form from the council")
    # "bacde" could hide either word, so it hides neither; short words are never respelled
    found = _swapped(["abcde", "bcade", "scum"])
    assert "bacde" not in found
    assert found["abdce"] == "abcde"
    assert "sucm" not in found


def test_a_faction_word_is_not_a_slur_with_two_letters_swapped() -> None:
    """The faction name "trads" (traditionalists) is not "tards" disguised."""
    lexicon = _DETECTOR._lexicon
    assert lexicon is not None
    assert lexicon.respell("trads") is None
    assert not above("The trads in the party want the old hymns back", 0.0)
    assert "identity_attack" in above("Shut up you stupid tards")


def test_load_is_lazy_and_idempotent() -> None:
    detector = LexiconDetector()
    assert detector._lexicon is None
    assert detector.detect(Message(id="1", text="you idiot"))
    compiled = detector._lexicon
    detector.load()
    assert detector._lexicon is compiled


def _custom(tmp_path: Path, body: str) -> LexiconDetector:
    """A detector reading the lexicon ``body``, written to a file."""
    path = tmp_path / "custom.yaml"
    path.write_text(body, encoding="utf-8")
    return LexiconDetector(lexicon_path=str(path))


def test_custom_lexicon_path(tmp_path: Path) -> None:
    detector = _custom(
        tmp_path,
        "version: 2\n"
        "entries:\n"
        "  personal_attack:\n"
        "    - {term: nincompoop, weight: 0.9, kind: insult}\n",
    )
    (finding,) = detector.detect(Message(id="1", text="you nincompoops"))
    assert finding.score == pytest.approx(0.9)
    assert finding.spans[0].quote == "nincompoops"
    assert detector.detect(Message(id="2", text="you idiot")) == ()


def test_fragments_are_shared_pieces_of_patterns(tmp_path: Path) -> None:
    detector = _custom(
        tmp_path,
        "fragments:\n"
        "  greeting: 'hey|hi'\n"
        "entries:\n"
        "  sexual:\n"
        "    - {pattern: '(?:{greeting}) gorgeous', weight: 0.6, kind: x, targeted: true}\n",
    )
    (finding,) = detector.detect(Message(id="1", text="Hi gorgeous"))
    assert finding.spans[0].quote == "Hi gorgeous"
    assert detector.detect(Message(id="2", text="so gorgeous")) == ()


def test_members_name_one_of_a_group_and_its_characteristic(tmp_path: Path) -> None:
    detector = _custom(
        tmp_path,
        "groups: {religion: [muslims]}\n"
        "members: {religion: [muslim]}\n"
        "entries:\n"
        "  identity_attack:\n"
        "    - {pattern: 'never trust an? {member}', weight: 0.8, kind: hate_phrase}\n",
    )
    (finding,) = detector.detect(Message(id="1", text="Never trust a Muslim"))
    assert finding.targets == ("religion",)
    assert detector.detect(Message(id="2", text="Never trust Muslims")) == ()


def test_a_placeholder_with_no_words_matches_nothing(tmp_path: Path) -> None:
    """A lexicon without members: "never trust a {member}" must not match "never trust a"."""
    detector = _custom(
        tmp_path,
        "entries:\n"
        "  identity_attack:\n"
        "    - {pattern: 'never trust an? {member}', weight: 0.8, kind: hate_phrase}\n",
    )
    assert detector.detect(Message(id="1", text="never trust a soul")) == ()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("entries: [1, 2]", "entries"),
        ("entries:\n  rudeness: []", "unknown category"),
        ("entries:\n  threat:\n    - {term: boo, weight: 2, kind: x}", "weight"),
        ("entries:\n  threat:\n    - {term: boo, weight: 0.5}", "kind"),
        ("entries:\n  threat:\n    - {pattern: '(boo)', weight: 0.5, kind: x}", "non-capturing"),
        ("entries:\n  threat:\n    - {pattern: '(?:boo', weight: 0.5, kind: x}", "valid regex"),
        ("entries:\n  threat:\n    - {term: boo, weight: 0.5, kind: x, colour: red}", "unknown"),
        ("entries:\n  threat:\n    - {terms: [boo, bo-o], weight: 0.5, kind: x}", "duplicates"),
        ("entries: {threat: [{term: a, weight: 0.5, kind: x, targets: [hair]}]}", "target"),
        (": : :", "YAML"),
        ("entries:\n  threat:\n    - {pattern: '{menace} you', weight: 0.5, kind: x}", "{menace}"),
        (
            "entries:\n  threat:\n    - {term: boo, weight: 0.5, kind: x,"
            " safe_contexts: ['{fun}']}",
            "unknown placeholder {fun}",
        ),
        ("fragments: [a]\nentries: {}", "fragments"),
        ("fragments: {Bad-Name: x}\nentries: {}", "lower-case"),
        ("fragments: {group: x}\nentries: {}", "built-in"),
        ("fragments: {member: x}\nentries: {}", "built-in"),
        ("members: {hair: [blond]}\nentries: {}", "members.hair: unknown characteristic"),
        ("members: {race: 5}\nentries: {}", "members.race: expected a list"),
        ("groups: [women]\nentries: {}", "groups: expected a mapping"),
        ("fragments: {f: '(?:x'}\nentries: {}", "valid regex"),
        ("fragments: {f: '(x)'}\nentries: {}", "non-capturing"),
    ],
)
def test_bad_lexicons_are_refused_clearly(tmp_path: Path, body: str, message: str) -> None:
    with pytest.raises(DetectorLoadError, match=message):
        _custom(tmp_path, body).load()


def test_missing_lexicon_file(tmp_path: Path) -> None:
    with pytest.raises(DetectorLoadError, match="cannot read"):
        LexiconDetector(lexicon_path=str(tmp_path / "absent.yaml")).load()


def test_registered_through_the_entry_point() -> None:
    from dignity.detectors import registry

    assert registry.get("dignity.lexicon.v1") is LexiconDetector
    detector = registry.create("dignity.lexicon.v1", {})
    assert detector.categories == frozenset(CATEGORIES)


@pytest.mark.parametrize(
    ("text", "hateful"),
    [
        ("Muslims are not people.", True),
        ("Refugees aren't even human, and never will be", True),
        ("No refugees are welcome here", True),
        ("Refugees are not people who want to harm us.", False),
        ("Immigrants are people.", False),
        ("Muslims are welcome here", False),
    ],
)
def test_denying_a_group_its_humanity_or_welcome(text: str, hateful: bool) -> None:
    assert ("identity_attack" in above(text)) is hateful


def test_a_reporting_frame_after_the_words_counts_as_reporting() -> None:
    condemned = "no refugees are welcome here, said the leaflet, and it is a disgrace"
    assert "identity_attack" not in above(condemned)
    assert "reported" in rationale(condemned, "identity_attack") or "condemn" in rationale(
        condemned, "identity_attack"
    )
    # the writer's own words before someone else's are not reported
    own = "Asked this bitch where she wanna eat, she said 'Porkys'"
    assert "personal_attack" in above(own)


def test_homonyms_are_the_slurs_read_harmlessly() -> None:
    assert _DETECTOR.homonyms("We burnt a bundle of faggots on the bonfire") == {"faggots"}
    assert _DETECTOR.homonyms("Pikeys Lane floods every winter") == {"pikeys"}
    assert _DETECTOR.homonyms("those pikeys on the lane are thieves") == frozenset()
    assert _DETECTOR.homonyms("gays are faggots") == frozenset()
    assert _DETECTOR.homonyms("") == frozenset()
