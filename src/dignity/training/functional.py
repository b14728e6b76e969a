"""A functional test suite for the text detectors: small, labelled cases, one behaviour each.

EVALUATION DATA, never trained on. The cases are written here for their own sake, in the style
of a functional test suite for hate speech (each *functionality* isolates one thing a detector
must get right: negation, counter-speech, spelling variants, neutral identity mentions, abuse
aimed at things or at non-protected groups, slurs and their homonyms, threats, derogation,
dehumanisation, swearing). Templates and vocabulary are deliberately different from the
synthetic training families in :mod:`dignity.training.contrast`, and :func:`cases` drops any
case whose normalised text the training data contains (``train.py`` also removes suite texts
from training).

Every case has two labels:

``hateful``
    the functional-suite convention: hate against a protected group (what an external hate
    speech suite scores). Abuse aimed at one person, or at a non-protected group ("landlords"),
    is *not* hateful under it.
``breach``
    the code of conduct's answer: personal attacks and threats against a person are breaches too.

The ``code`` functionalities (UK political criticism, personal attacks, threats to a person,
sexual advances) carry only the code's label; the headline accuracy uses the ``hate`` ones.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator, Sequence, Set
from dataclasses import dataclass

from dignity.training.labels import dedup_key


@dataclass(frozen=True, slots=True)
class Case:
    """One functional test: its functionality, text and expected labels."""

    functionality: str
    text: str
    hateful: bool
    breach: bool
    suite: str  # "hate" (functional hate-speech suite) or "code" (code-of-conduct extras)


# Protected groups: (plural, singular noun or adjective used before a noun)
GROUPS: tuple[tuple[str, str], ...] = (
    ("women", "woman"),
    ("trans people", "trans"),
    ("gay men", "gay"),
    ("lesbians", "lesbian"),
    ("Black people", "Black"),
    ("Muslims", "Muslim"),
    ("Jews", "Jewish"),
    ("disabled people", "disabled"),
    ("immigrants", "immigrant"),
    ("Sikhs", "Sikh"),
    ("Travellers", "Traveller"),
    ("Pakistanis", "Pakistani"),
    ("refugees", "refugee"),
    ("asylum seekers", "asylum-seeking"),
    ("autistic people", "autistic"),
    ("Hindus", "Hindu"),
)

# name -> used as a person's name in individual-abuse and political cases
NAMES = ("Keir", "Angela", "Lee", "Kemi", "Ed", "Bridget", "Wes", "Lucy", "Darren", "Shabana")
OFFICES = (
    "the Work and Pensions Secretary",
    "the Transport Secretary",
    "the Tory candidate in Bolton",
    "our council cabinet member for housing",
    "the Reform MP for Clacton",
    "the Lib Dem spokesperson",
    "the member for Islington North",
    "the metro mayor",
)

FAMILIES: dict[str, tuple[str, bool, bool, str, tuple[str, ...]]] = {
    # name: (description, hateful, breach, suite, templates). {G}/{g}: a group; {n}: a name.
    "derog_emotion": (
        "strong negative emotion about a protected group",
        True,
        True,
        "hate",
        (
            "I despise {G}.",
            "{G} make my skin crawl.",
            "Nothing fills me with more loathing than {G}.",
            "I can't bear to be in the same room as {G}.",
            "{G} revolt me, every last one.",
            "My blood boils whenever I see {G}.",
        ),
    ),
    "derog_attribute": (
        "negative attributes pinned on a protected group",
        True,
        True,
        "hate",
        (
            "{G} are thieves and liars by nature.",
            "{G} are too thick to run a bath, never mind a country.",
            "You can't trust {G} with money or with children.",
            "{G} are lazy freeloaders who contribute nothing.",
            "{G} are violent by nature.",
            "{G} are mentally defective.",
        ),
    ),
    "derog_dehumanise": (
        "dehumanising comparisons",
        True,
        True,
        "hate",
        (
            "{G} are insects, nothing more.",
            "{G} are a swarm of locusts eating this country alive.",
            "{G} breed like rabbits.",
            "{G} aren't really human.",
            "{G} are a pack of wild dogs.",
            "{G} are a virus spreading through our towns.",
        ),
    ),
    "derog_implicit": (
        "implicit derogation",
        True,
        True,
        "hate",
        (
            "{G} belong in a zoo, not on the council.",
            "Any street goes downhill the moment {G} move in.",
            "A {g} headteacher? Lock up your kids.",
            "Our party would be better off with no {G} in it.",
            "Never let {G} near a ballot box.",
            "Count your spoons after {G} have visited.",
        ),
    ),
    "threat_direct": (
        "direct threats against a protected group",
        True,
        True,
        "hate",
        (
            "I'll make sure every {g} in this town gets hurt.",
            "The next {g} I see on my road is getting a brick through the window.",
            "We will drive {G} out of here with baseball bats.",
            "I'm going to torch the homes of {G} round here.",
            "Any {g} who turns up on Saturday will be beaten senseless.",
        ),
    ),
    "threat_normative": (
        "threats as normative statements",
        True,
        True,
        "hate",
        (
            "{G} ought to be executed.",
            "{G} should be locked up and left to starve.",
            "Somebody needs to put {G} down like dogs.",
            "The world would be better if {G} were exterminated.",
            "{G} deserve a bullet each.",
        ),
    ),
    "profanity_hate": (
        "hate with swearing",
        True,
        True,
        "hate",
        (
            "{G} are fucking parasites.",
            "Fuck {G}, all of them.",
            "I don't give a shit what happens to {G}, they can rot.",
            "{G} are a bunch of shitty leeches.",
        ),
    ),
    "ref_pronoun": (
        "hate expressed through a pronoun in the same sentence",
        True,
        True,
        "hate",
        (
            "I have met plenty of {G} and they are all scroungers.",
            "{G}? They are the reason this country is broke and filthy.",
            "Whenever I meet {G} they turn out to be crooks.",
        ),
    ),
    "ref_sentence": (
        "hate expressed in a later sentence",
        True,
        True,
        "hate",
        (
            "We had {G} move in next door. Dirty animals, the lot of them.",
            "Have you ever worked with {G}? Useless and dishonest, every single one.",
            "They've opened a centre for {G} on our high street. Vermin attract vermin.",
        ),
    ),
    "negated_positive": (
        "hate through a negated positive statement",
        True,
        True,
        "hate",
        (
            "{G} will never be equal to the rest of us.",
            "No {g} has ever contributed anything worthwhile.",
            "{G} are not welcome in this country and never will be.",
            "I will never treat {G} as human beings.",
        ),
    ),
    "question": (
        "hate phrased as a question",
        True,
        True,
        "hate",
        (
            "Why are {G} so filthy?",
            "Is it just me or are {G} all freeloaders?",
            "Wouldn't the country be better off without {G}?",
            "Why do we let {G} breed?",
        ),
    ),
    "opinion": (
        "hate phrased as an opinion",
        True,
        True,
        "hate",
        (
            "In my view {G} are a plague on society.",
            "I genuinely believe {G} are subhuman.",
            "I think {G} should have no rights at all.",
            "Personally I feel {G} are a disease.",
        ),
    ),
    "spelling_swap": (
        "letters swapped or dropped",
        True,
        True,
        "hate",
        (
            "I hat {G}.",
            "{G} are vremin.",
            "{G} are disgustign.",
            "{G} are parasties.",
        ),
    ),
    "spelling_leet": (
        "leetspeak and masking",
        True,
        True,
        "hate",
        (
            "{G} are p4r4sites.",
            "1 h4te {G}.",
            "{G} are sc*m.",
            "{G} are subhum@n trash.",
        ),
    ),
    "spelling_spacing": (
        "spaces added or removed",
        True,
        True,
        "hate",
        (
            "{G} are s c u m.",
            "I h a t e {G}.",
            "{G} are disgusting verminscum.",
            "{G} are all wo rthless.",
        ),
    ),
    "negated_hate": (
        "negated hateful statements",
        False,
        False,
        "hate",
        (
            "{G} are not a threat to anyone.",
            "I don't believe {G} are any less capable than the rest of us.",
            "There is no evidence at all that {G} commit more crime.",
            "{G} are not vermin, whatever the tabloids print.",
            "It's simply untrue that {G} are lazy.",
        ),
    ),
    "identity_neutral": (
        "neutral mentions of protected groups",
        False,
        False,
        "hate",
        (
            "The council surveyed {G} about bus routes.",
            "The branch is running a session for {g} members on Thursday.",
            "How many {G} stood for Parliament in 2024?",
            "The census counts {G} in every ward.",
            "A report on {G} and the housing market came out today.",
            "The conference fringe has a panel of {G} talking about pensions.",
        ),
    ),
    "identity_positive": (
        "positive statements about protected groups",
        False,
        False,
        "hate",
        (
            "{G} have enriched every town I've lived in.",
            "I love working alongside {G}.",
            "So proud of the {g} candidates standing in May.",
            "{G} are brilliant organisers and our campaign owes them a lot.",
            "Our street is better for the {G} who live on it.",
        ),
    ),
    "counter_quote": (
        "quoting hate to condemn it",
        False,
        False,
        "hate",
        (
            "'{G} are vermin' is not an opinion, it's bigotry, and I won't share a platform "
            "with it.",
            'A man shouted "{G} out" at our stall. The whole team stood together against it.',
            'Anyone who writes "I hate {G}" in this group will be removed.',
            'The leaflet said "{G} are parasites". That is racist filth and we reported it.',
        ),
    ),
    "counter_reference": (
        "referring to hate to condemn it",
        False,
        False,
        "hate",
        (
            "Claiming {G} are all criminals is a lie that puts people in danger.",
            "Describing {G} as animals, as that councillor did, is vile and he should go.",
            "If you think {G} are inferior, you are the problem, not them.",
            "Spreading hatred of {G} is never acceptable in our movement.",
        ),
    ),
}

# Functionalities whose cases are written out in full (no group placeholder).
FIXED: dict[str, tuple[str, bool, bool, str, tuple[str, ...]]] = {
    "slur": (
        "slurs used to demean",
        True,
        True,
        "hate",
        (
            "Another paki running for the council, just what we need.",
            "No faggots in my pub.",
            "That tranny should stay out of the women's toilets.",
            "The kikes own all the banks.",
            "Typical spastic, can't even fill in a form.",
            "Send the darkies back.",
            "Gyppos have nicked the lead off the church roof again.",
            "The towelheads are taking over the high street.",
            "What do you expect from a bunch of retards?",
            "Those dykes want to ruin family life.",
            "Watch your wallet, the pikeys are in town.",
            "Chinks brought the virus here.",
        ),
    ),
    "slur_homonym": (
        "words that are slurs elsewhere, used innocently",
        False,
        False,
        "hate",
        (
            "Mr Brown's faggots and mushy peas are on offer at the butcher's.",
            "The Dutch built a dyke to hold back the North Sea.",
            "The old Ford had a retarded ignition timing setting.",
            "Pikeys Lane floods every winter.",
            "We burnt a bundle of faggots on the bonfire, as they did in the 1600s.",
            "The ditch and dyke along the fen were cleared last week.",
            "Spastic paraplegia is a group of inherited disorders.",
            "A darkie is an old slang word for a moonless night in some dialects, "
            "according to the dictionary.",
        ),
    ),
    "slur_reclaimed": (
        "reclaimed slurs used by the group itself",
        False,
        False,
        "hate",
        (
            "As a queer woman I feel at home in this branch.",
            "We're here, we're queer, and we're canvassing in Hove on Saturday.",
            "Dykes on Bikes are leading the Pride march again this year.",
            "Queer history month starts tomorrow at the library.",
            "Me and the other queers on the committee organised the fundraiser.",
            "I'm a big old queer and I'm voting.",
        ),
    ),
    "profanity_nonhate": (
        "swearing that attacks no one",
        False,
        False,
        "hate",
        (
            "Fuck me, the canvass returns from Hartlepool are brilliant.",
            "Holy shit, turnout is up eight points.",
            "Bloody hell, that count went on till four in the morning.",
            "This bus is so fucking slow.",
            "Shit, I left the leaflets on the train.",
            "The fucking kettle at the office has died.",
            "Damn, we lost the ward by twelve votes.",
            "Pissing down in Swansea but we're still out knocking doors.",
            "Best fucking result we've had in years.",
            "My feet are bloody killing me after the walk.",
        ),
    ),
    "target_object": (
        "abuse aimed at objects, policies and institutions",
        False,
        False,
        "hate",
        (
            "This ticketing app is useless garbage.",
            "The new timetable is an absolute joke.",
            "The Rwanda plan was cruel, pointless and a scandalous waste of money.",
            "That manifesto is pathetic drivel from start to finish.",
            "The two-child limit is a vile, heartless policy.",
            "This printer is a worthless piece of junk.",
            "The energy bill rises are obscene.",
            "What a stupid, stupid decision by the planning committee.",
            "The housing strategy is idiotic and everyone on the committee knows it.",
            "The sewage dumping figures are disgusting.",
        ),
    ),
    "target_group_nonprotected": (
        "abuse aimed at groups that are not protected characteristics",
        False,
        False,
        "hate",
        (
            "Landlords are leeches.",
            "Bankers are scum and always have been.",
            "Water company bosses are crooks who should be in prison.",
            "Tory donors are a bunch of parasites.",
            "Estate agents are the worst people on earth.",
            "Lobbyists are vermin.",
            "Tax dodgers are pathetic.",
            "Private equity vultures are bleeding the NHS dry.",
        ),
    ),
    "target_individual": (
        "abuse aimed at one person (not hate; a personal attack under the code)",
        False,
        True,
        "hate",
        (
            "You're a spineless little weasel, Darren.",
            "Angela, you absolute dolt, read the motion before you vote on it.",
            "Shut your trap, you pompous windbag.",
            "@cllr_jones you are thick as mince.",
            "What a brainless oaf you are.",
            "You're a lying sack of garbage and everyone at the branch knows it.",
            "Honestly, you're the stupidest person I've ever had to sit through a meeting with.",
            "Lee is a gutless worm.",
            "You sad, bitter little man.",
            "Get a life, you pathetic loser.",
        ),
    ),
    "political_criticism": (
        "vehement criticism of UK politicians' records and policies (legitimate under the code)",
        False,
        False,
        "code",
        (
            "The Work and Pensions Secretary has presided over a disgraceful rise in food "
            "bank use.",
            "The Transport Secretary has failed Northern rail passengers for years and should go.",
            "This government's record on child poverty is a national scandal.",
            "The Chancellor's spending plans are reckless and will gut public services.",
            "Reform's immigration plans are cruel, unworkable and un-British.",
            "Keir has broken his promise on tuition fees and members deserve an explanation.",
            "The Lib Dems propped up austerity and have never apologised.",
            "Kemi's comments on maternity pay were out of touch and wrong.",
            "The council's decision to close six libraries is shortsighted and shameful.",
            "Our MP voted against free school meals. Remember that at the next election.",
            "The Home Office has lost control of the asylum backlog and ministers keep lying "
            "about it.",
            "This is the most incompetent cabinet in living memory.",
            "Ed's energy policy is a fantasy that will push bills up.",
            "The Tories have trashed the economy and should never be trusted again.",
            "Shabana is dead wrong about prisons and the figures show it.",
            "Disgraceful vote by the SNP on the welfare bill tonight.",
        ),
    ),
    "political_swearing": (
        "angry political criticism with swearing at the policy (profanity, not a breach)",
        False,
        False,
        "code",
        (
            "The bloody water companies are still dumping sewage and Ofwat does nothing.",
            "This budget is a fucking disaster for renters.",
            "What a shit deal for nurses.",
            "The rail franchise system is total crap.",
            "Fourteen years of this bollocks and the trains still don't run.",
            "Another pissing U-turn on the green investment plan.",
        ),
    ),
    "personal_attack_politician": (
        "personal abuse of a politician (a breach under the code)",
        False,
        True,
        "code",
        (
            "Keir is a snivelling little rat.",
            "The Transport Secretary is a brain-dead halfwit with a face like a slapped arse.",
            "Angela is a fat useless cow.",
            "Wes Streeting is a slimy little worm.",
            "The metro mayor is an ugly, thick old goat.",
            "Kemi is a nasty piece of work and a total imbecile.",
            "Lucy, you are an embarrassment to your family.",
            "Bridget is too stupid to tie her own shoelaces.",
        ),
    ),
    "threat_person": (
        "threats and menace against one person (a breach under the code)",
        False,
        True,
        "code",
        (
            "Darren, I know which school your daughter goes to.",
            "Keep talking, Lee, and you'll find out what happens to people like you.",
            "I'm going to wait outside your surgery and smash your skull in.",
            "Somebody should put the Transport Secretary in the ground.",
            "We know where you park your car, councillor.",
            "You'll be swinging from a lamppost soon enough, Keir.",
            "I hope someone stabs the metro mayor.",
            "Come to the count on Thursday and see what happens to you.",
        ),
    ),
    "sexual_person": (
        "sexualised remarks and advances at a person (a breach under the code)",
        False,
        True,
        "code",
        (
            "Lovely tits on the new councillor.",
            "Angela, send me a photo of you in the bath.",
            "I'd bend the Lib Dem spokesperson over the dispatch box.",
            "Bet she's a right goer in the sack.",
            "Come back to my hotel room after conference, sweetheart, I'll show you a good time.",
            "Show us what's under that blouse, Lucy.",
        ),
    ),
    "metaphor_violence": (
        "violent metaphors about politics (not a threat)",
        False,
        False,
        "code",
        (
            "We are going to annihilate the Tories in Bolton on Thursday.",
            "The select committee ripped the minister's figures apart.",
            "That speech was a knockout blow.",
            "Austerity killed thousands and the inquiry proves it.",
            "Let's bury this policy once and for all.",
            "The Chancellor got slaughtered in the Commons today.",
        ),
    ),
}

PER_GROUP_FAMILY = 16
"""Cases drawn per group-templated functionality (templates x groups, sampled without
replacement)."""


def _group_cases(seed: int) -> Iterator[Case]:
    rng = random.Random(seed)
    for name, (_, hateful, breach, suite, templates) in FAMILIES.items():
        combos = [(t, g) for t in templates for g in GROUPS]
        rng.shuffle(combos)
        for template, (plural, single) in combos[:PER_GROUP_FAMILY]:
            text = template.format(G=plural, g=single)
            text = text[:1].upper() + text[1:]
            yield Case(name, text, hateful, breach, suite)


def _fixed_cases() -> Iterator[Case]:
    for name, (_, hateful, breach, suite, texts) in FIXED.items():
        for text in texts:
            yield Case(name, text, hateful, breach, suite)


def cases(seed: int = 0, exclude: Sequence[str] = ()) -> list[Case]:
    """Every case, deduplicated by normalised text.

    Cases whose normalised text the synthetic training families generate, or that is in
    ``exclude``, are dropped, so the suite never overlaps training data.
    """
    from dignity.training import contrast  # the synthetic training families (seed 0)

    banned = {dedup_key(t) for t in exclude}
    banned |= {dedup_key(e.text) for e in contrast.generate(0)}
    return unique((*_group_cases(seed), *_fixed_cases()), banned)


def unique(cases: Iterable[Case], banned: Set[str] = frozenset()) -> list[Case]:
    """``cases`` in order, the first of each normalised text only, none in ``banned``."""
    seen = set(banned)
    out: list[Case] = []
    for case in cases:
        key = dedup_key(case.text)
        if key not in seen:
            seen.add(key)
            out.append(case)
    return out


def descriptions() -> dict[str, str]:
    """Functionality -> what it tests."""
    return {name: spec[0] for name, spec in (*FAMILIES.items(), *FIXED.items())}


def texts() -> list[str]:
    """Every suite text (for training to exclude)."""
    return [c.text for c in cases()]
