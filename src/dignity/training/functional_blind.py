"""A second functional suite for hate speech, held blind: never used to tune anything.

EVALUATION DATA, never trained on, and never read case by case while changing a detector.
:mod:`dignity.training.functional` served as a development set while the lexicon and the
cascade were tuned, so its accuracy flatters us. This companion was written afterwards, with
new templates, seven target groups and the 29 functionalities of a published functional test
suite for hate speech (derogation, threats, slurs, profanity, pronoun and sentence reference,
negation, questions and opinions, neutral and positive identity mentions, counter-speech,
abuse of objects, individuals and non-protected groups, and five kinds of spelling variant).
:mod:`dignity.training.bar` reports its accuracy beside the first suite's.

Keeping it blind is a rule for people: when a change is made *because* of a case here, the
suite has become a development set and must be replaced by a fresh one (say so in the change).

Labels follow the functional-suite convention (``hateful``: hate against a protected group);
``breach`` is the code of conduct's answer, which differs only for abuse aimed at one person.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from dignity.training import functional
from dignity.training.functional import Case
from dignity.training.labels import dedup_key

GROUPS: tuple[tuple[str, str], ...] = (
    # (plural, one member)
    ("women", "woman"),
    ("trans people", "trans person"),
    ("gay people", "gay person"),
    ("black people", "black person"),
    ("disabled people", "disabled person"),
    ("Muslims", "Muslim"),
    ("immigrants", "immigrant"),
)

# name: (hateful, breach, templates). {G}: the group; {s}: one member; [word]: the word the
# spelling functionalities disguise.
GROUP_FAMILIES: dict[str, tuple[bool, bool, tuple[str, ...]]] = {
    "derog_neg_emote_h": (
        True,
        True,
        (
            "I [hate] {G} so much.",
            "{G} [disgust] me more than anything else on earth.",
            "Being anywhere near {G} makes me [sick].",
            "I have nothing but [contempt] for {G}.",
            "Honestly I [loathe] {G}, all of them.",
            "Just seeing {G} on my street puts me in a [rage].",
        ),
    ),
    "derog_neg_attrib_h": (
        True,
        True,
        (
            "{G} are all [stupid].",
            "{G} are [dishonest] to the core.",
            "{G} are too [dim] to hold down a proper job.",
            "{G} are [filthy] and rude, every single one.",
            "{G} can't be trusted, they are born [liars].",
            "{G} are a [burden] on decent society.",
        ),
    ),
    "derog_dehum_h": (
        True,
        True,
        (
            "{G} are [vermin].",
            "{G} are nothing but [animals].",
            "{G} are a [plague] on this country.",
            "{G} are [subhuman] filth.",
            "{G} are more like [cockroaches] than people.",
            "{G} are [garbage], plain and simple.",
        ),
    ),
    "derog_impl_h": (
        True,
        True,
        (
            "Would you let {G} near your children? Thought not.",
            "Funny how crime goes up wherever {G} turn up.",
            "{G} should stick to cleaning, it's all they're good for.",
            "I'd never hire {G}, everyone knows how that ends.",
            "Another {s} in charge, so expect chaos.",
            "Put {G} in charge of anything and watch it fall apart.",
        ),
    ),
    "threat_dir_h": (
        True,
        True,
        (
            "I'm going to [hurt] {G} the first chance I get.",
            "I will [kill] the next {s} who speaks to me.",
            "We are coming for you, {G}, and we'll make you [bleed].",
            "I'm going to [burn] down every house full of {G} on this street.",
            "Any {s} who walks past my door gets a [knife] in the ribs.",
            "I'll make sure {G} in this town live in [fear] of us.",
        ),
    ),
    "threat_norm_h": (
        True,
        True,
        (
            "{G} should all be [shot].",
            "Someone ought to put {G} [down] like dogs.",
            "It would be a good thing if {G} were [wiped] out.",
            "{G} deserve to be [hanged].",
            "The world would be better if every {s} were [dead].",
            "We need to get rid of {G}, by [violence] if that's what it takes.",
        ),
    ),
    "ref_subs_clause_h": (
        True,
        True,
        (
            "I have met a lot of {G} and I [hate] every one of them.",
            "{G} think they're special, but they are [worthless].",
            "You can call them {G} if you like, I call them [scum].",
            "My new neighbours are {G} and they are [disgusting].",
            "{G} keep asking for rights even though they are [inferior].",
        ),
    ),
    "ref_subs_sent_h": (
        True,
        True,
        (
            "Have you met many {G}? They are [revolting].",
            "{G} are everywhere now. I can't [stand] them.",
            "There are {G} at my work. They should all be [sacked].",
            "I used to live near {G}. Total [parasites], the lot.",
            "{G} moved in next door. I [despise] them already.",
        ),
    ),
    "negate_pos_h": (
        True,
        True,
        (
            "{G} are never [intelligent].",
            "I will never see {G} as my [equals].",
            "{G} are not [welcome] in my country.",
            "No {s} has ever done anything [worthwhile].",
            "{G} don't [deserve] the same rights as the rest of us.",
        ),
    ),
    "negate_neg_nh": (
        False,
        False,
        (
            "I don't hate {G} at all.",
            "{G} are not stupid, whatever my uncle says.",
            "No {s} deserves to be treated like that.",
            "I would never say {G} are worthless.",
            "It's not true that {G} are dangerous.",
            "{G} are not a burden on anyone.",
        ),
    ),
    "phrase_question_h": (
        True,
        True,
        (
            "Why are {G} so [thick]?",
            "Isn't it obvious that {G} are [useless]?",
            "Why do {G} always have to be so [disgusting]?",
            "What is it about {G} that makes them so [lazy]?",
            "Is there anything more [pathetic] than a {s}?",
        ),
    ),
    "phrase_opinion_h": (
        True,
        True,
        (
            "I think {G} are [worthless].",
            "In my view {G} are a [disease].",
            "If you ask me, {G} are [scum].",
            "I reckon {G} are [inferior] to the rest of us.",
            "My honest opinion is that {G} are [pathetic].",
        ),
    ),
    "ident_neutral_nh": (
        False,
        False,
        (
            "Two {G} joined the book club last week.",
            "I'm a {s} and I work in logistics.",
            "The survey asked {G} about their commute.",
            "Many {G} live in this part of the city.",
            "A {s} won the baking competition at the fete.",
            "The report looks at how {G} use public transport.",
        ),
    ),
    "ident_pos_nh": (
        False,
        False,
        (
            "{G} are wonderful neighbours.",
            "I admire the {G} who run our food bank.",
            "The {G} in my team are the best colleagues I've had.",
            "We should celebrate the {G} who built this town.",
            "Grateful for the {G} who volunteered at the shelter this winter.",
            "{G} make this country stronger.",
        ),
    ),
    "counter_quote_nh": (
        False,
        False,
        (
            'If you write "{G} are vermin" here, expect to be banned.',
            "\"I hate {G}\" is not free speech, it's bigotry, and we won't host it.",
            'Someone sprayed "{G} out" on the bus shelter. Disgusting, and it has been reported.',
            '"{G} are animals"? Say that again and I will report you.',
            "My gran still says \"{G} can't be trusted\" and I tell her every time it's wrong.",
        ),
    ),
    "counter_ref_nh": (
        False,
        False,
        (
            "Calling {G} vermin is dehumanising and has to stop.",
            "Your post about {G} was hateful and I've flagged it.",
            "Saying {G} are inferior is simply bigotry.",
            "Stop spreading lies about {G}; they hurt real people.",
            "That comment about {G} being criminals was vile.",
        ),
    ),
}

# Profanity around hate (hateful) and the spelling variants take their bases from the hateful
# families above, so they are built in code; these functionalities are written out in full.
FIXED: dict[str, tuple[bool, bool, tuple[str, ...]]] = {
    "slur_h": (
        True,
        True,
        (
            "Get these faggots off our street.",
            "Trannies are mentally ill, end of.",
            "Niggers should go back where they came from.",
            "Never rent to pakis, they wreck the place.",
            "Dykes like her are ruining sport.",
            "The retards on that bus were screaming again.",
            "Ragheads out of Britain.",
            "Too many wogs round here now.",
            "Shut up, you stupid spastic.",
            "The council keeps giving houses to gypos.",
        ),
    ),
    "slur_homonym_nh": (
        False,
        False,
        (
            "We had faggots and gravy for tea, just like nan used to make.",
            "The farmer repaired the dyke before the spring floods.",
            "A faggot of sticks was used to start the fire.",
            "Flame retardant materials are required in all school curtains.",
            "The Dutch dyke system is centuries old.",
            "The growth of the seedlings was retarded by the late frost.",
        ),
    ),
    "slur_reclaimed_nh": (
        False,
        False,
        (
            "I'm queer and proud of it.",
            "Queer folk have always been part of this community.",
            "Us dykes are throwing a party for the end of term.",
            "Our queer choir performs on Saturday.",
            "Being a queer kid in a small town taught me resilience.",
            "My friends and I call ourselves a bunch of proud queers.",
        ),
    ),
    "profanity_nh": (
        False,
        False,
        (
            "Fuck, I burnt the toast again.",
            "What a shit day, the car broke down twice.",
            "This fucking weather is doing my head in.",
            "Holy crap, that concert was amazing.",
            "Damn it, I missed the last train.",
            "Bloody hell, my phone bill is huge this month.",
            "I fucking love this song.",
            "Shit, the match is already on.",
        ),
    ),
    "target_obj_nh": (
        False,
        False,
        (
            "I hate this stupid washing machine.",
            "This software update is utter garbage.",
            "The new parking rules are idiotic.",
            "That film was a worthless pile of rubbish.",
            "Our broadband is pathetic, it drops every hour.",
            "This recipe is disgusting, never again.",
            "The bypass plan is a ridiculous waste of money.",
            "I loathe Mondays.",
        ),
    ),
    "target_indiv_nh": (
        False,
        True,
        (
            "You are a worthless idiot, Mark.",
            "Sarah is a lying, spiteful cow.",
            "Shut up, you useless clown.",
            "You're the most pathetic person I know.",
            "Tom is a complete moron and always has been.",
            "Nobody likes you, you sad little troll.",
            "You absolute waste of space.",
            "Get lost, you brainless creep.",
        ),
    ),
    "target_group_nh": (
        False,
        False,
        (
            "Traffic wardens are the scum of the earth.",
            "Cyclists who run red lights are idiots.",
            "Estate agents are parasites, the lot of them.",
            "Bankers are greedy vermin.",
            "Football hooligans are mindless thugs.",
            "Fox hunters are disgusting people.",
            "Payday lenders are bloodsuckers.",
            "Litter louts are the worst.",
        ),
    ),
}

PROFANITY_TEMPLATES = (
    "I fucking [hate] {G}.",
    "{G} are [shit], all of them.",
    "Fuck {G}, they're [worthless].",
    "{G} are a bunch of fucking [parasites].",
    "Shut the fuck up, {G} are [useless].",
)

PER_FAMILY = 14
"""Cases drawn per group-templated functionality (templates x groups, seeded, no repeats)."""

_LEET = str.maketrans({"a": "4", "e": "3", "i": "1", "o": "0"})


def _swap(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def _delete(word: str, rng: random.Random) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    return word[:i] + word[i + 1 :]


def _space_add(word: str, rng: random.Random) -> str:
    del rng
    return " ".join(word)


def _leet(word: str, rng: random.Random) -> str:
    del rng
    out = word.translate(_LEET)
    return out if out != word else word[:-1] + "*"


SPELLING: dict[str, Callable[[str, random.Random], str]] = {
    "spell_char_swap_h": _swap,
    "spell_char_del_h": _delete,
    "spell_space_add_h": _space_add,
    "spell_leet_h": _leet,
}


def _fill(template: str, plural: str, single: str) -> str:
    text = template.format(G=plural, s=single)
    return text[:1].upper() + text[1:]


def _plain(text: str) -> str:
    return text.replace("[", "").replace("]", "")


def _disguise(text: str, change: Callable[[str, random.Random], str], rng: random.Random) -> str:
    start, end = text.index("["), text.index("]")
    return text[:start] + change(text[start + 1 : end], rng) + _plain(text[end + 1 :])


def _space_delete(text: str) -> str:
    """Remove the spaces around the marked word ("they are[scum]" -> "theyarescum")."""
    start, end = text.index("["), text.index("]")
    before, word, after = text[:start], text[start + 1 : end], text[end + 1 :]
    head, _, last = before.rstrip().rpartition(" ")
    return (head + " " if head else "") + last + word + _plain(after)


def _group_cases(rng: random.Random) -> Iterator[Case]:
    spelled_from: list[str] = []
    for name, (hateful, breach, templates) in GROUP_FAMILIES.items():
        combos = [(t, g) for t in templates for g in GROUPS]
        rng.shuffle(combos)
        for template, (plural, single) in combos[:PER_FAMILY]:
            text = _fill(template, plural, single)
            if hateful and "[" in text:
                spelled_from.append(text)
            yield Case(name, _plain(text), hateful, breach, "hate")
    combos = [(t, g) for t in PROFANITY_TEMPLATES for g in GROUPS]
    rng.shuffle(combos)
    for template, (plural, single) in combos[:PER_FAMILY]:
        yield Case("profanity_h", _plain(_fill(template, plural, single)), True, True, "hate")
    for name, change in SPELLING.items():
        for text in rng.sample(spelled_from, PER_FAMILY):
            yield Case(name, _disguise(text, change, rng), True, True, "hate")
    for text in rng.sample(spelled_from, PER_FAMILY):
        yield Case("spell_space_del_h", _space_delete(text), True, True, "hate")


def cases(seed: int = 0) -> list[Case]:
    """Every case, deduplicated by normalised text."""
    rng = random.Random(seed)
    fixed = (
        Case(name, text, hateful, breach, "hate")
        for name, (hateful, breach, texts) in FIXED.items()
        for text in texts
    )
    return functional.unique((*_group_cases(rng), *fixed))


def texts() -> list[str]:
    """Every suite text (for training to exclude)."""
    return [c.text for c in cases()]


def held_out_keys() -> set[str]:
    """Normalised texts of both functional suites: evaluation data no model may be fitted on."""
    return {dedup_key(t) for t in (*functional.texts(), *texts())}
