"""Violent words about a vote, a cause or the law: politics, not a threat.

Politics borrows the words of violence. A party will "beat them at the election", a candidate
will "fight like hell for this seat", a minister "should be sacked" and a fraudster "deserves to
be locked up". Models trained on threats read the verbs: the shipped cascade scored those four
0.71, 0.96, 0.92 and 0.97 as threats. A party's members use such phrases every day of a
campaign.

Games borrow them too: "I'll kill you at Mario Kart" and "I'm going to destroy you at chess
tonight" scored 0.93 and 0.82 as threats, urgent enough for the police route. A party's branch
has its quiz nights and five-a-side teams.

Four kinds of phrase count as civic:

- a contest whose arena is a vote or a named game ("beat them at the election", "at the polls
  we will destroy them", "you're dead at FIFA on Friday"). A game counts only as what is
  played ("at chess", "in the pub quiz"), not as a place ("at the pool", "at chess club",
  "at the match": a fight can happen there);
- fighting for or against a cause ("fight hard for the NHS");
- a call for the law or an employer to act ("should be arrested", "belongs in prison", "lock
  him up");
- violence done to a system, a measure or an ideology, not to people ("burn it all down and
  start again", "kill the bill", "smash the patriarchy", "bury this policy once and for all";
  the first scored 0.96 as a threat, the last 0.56).

A text counts as civic only when such a phrase is there and, once those phrases are set aside,
no word of violence or menace is left. "We'll beat them at the election and then beat them in
the street" keeps its second "beat", so it stays a threat. So does "they should be hanged",
because hanging is not one of the law's calls here. Whether a call for prison is also a personal
attack is left to the models.

Everyday speech borrows them as well, for praise ("knock 'em dead", "you killed it"), for
hyperbole about oneself ("this heat is killing me", "I could murder a curry", "bored to death")
and in set phrases ("kill two birds with one stone", "shoot me an email"). The same test, with
such figures of speech in place of civic phrases, is :func:`only_figurative`.
"""

from __future__ import annotations

import re

from dignity.detectors.text.normalise import lowered
from dignity.detectors.text.self_harm import VIOLENCE

CIVIC_THREAT_CAP = 0.2
"""The most a threat may score when the text's violence is all civic."""

_VERB = (
    r"(?:beat|beats|beaten|beating|crush\w*|destroy\w*|wipe[sd]? out|wiping out|annihilat\w*|"
    r"hammer\w*|smash\w*|thrash\w*|trounc\w*|bur(?:y|ies|ied|ying)|slaughter\w*|massacr\w*|"
    r"obliterat\w*|decimat\w*|demolish\w*|kill\w*|rout|routed|flatten\w*|murder\w*|"
    r"batter\w*|dead)"
)
_ARENA = (
    r"(?:at|in|on) (?:the |this |next |a |every |each |our )?"
    r"(?:(?:next|general|local|council|mayoral|snap|leadership|european|upcoming|coming|by)[- ]?)*"
    r"(?:elections?|polls?|ballot ?box(?:es)?|ballots?|votes?|referendums?|primar(?:y|ies)|"
    r"by-?elections?)\b"
)
_GAME = (
    r"(?:at|on) (?:chess|draughts|checkers|scrabble|monopoly|cluedo|catan|uno|cards|poker|"
    r"bridge|pool|snooker|darts|bowling|bowls|(?:crazy |mini )?golf|(?:table )?tennis|"
    r"ping ?pong|badminton|squash|football|five-?a-?side|cricket|rugby|hockey|netball|"
    r"basketball|fifa|mario ?kart|fortnite|call of duty|smash bros|street fighter|tetris|"
    r"minecraft|wordle|sudoku|trivia|trivial pursuit|board games?|video games?|"
    r"fantasy football|arm ?wrestling|rock,? paper,? scissors)\b"
    r"(?! (?:club|clubs|hall|centre|center|venue|tournament|night|match|ground|pitch|court)\b)"
    r"|(?:at|in) (?:the |our |tonight's |this week's |next week's )?(?:pub |branch |charity )?"
    r"quiz\b(?! (?:venue|hall|pub)\b)"
)
_CONTEST = rf"(?:{_ARENA}|{_GAME})"
_SANCTION = (
    r"(?:be|get|gets|got|been|being|belongs?|end up) (?:\w+ly )?"
    r"(?:locked up|jailed|imprisoned|in (?:jail|prison|gaol)|behind bars|arrested|prosecuted|"
    r"charged(?! at)|convicted|impeached|sacked|fired(?! (?:up|upon|at|on))|struck off|"
    r"deselected|expelled|suspended|"
    r"investigated|removed from office|held (?:to )?account(?:able)?|brought to justice|"
    r"voted out|kicked out of (?:office|parliament|the party))"
    r"|lock (?:him|her|them|'em|em|the lot of them|\w+) up"
)
_SYSTEM = (
    r"(?:burn\w*|smash\w*|destroy\w*|kill\w*|tear\w*|tore|torn|blow\w*|blew|wreck\w*|"
    r"crush\w*|demolish\w*|dismantl\w*|bur(?:y|ies|ied|ying)|nuk\w*)"
    r"(?: (?:down|up|apart))? (?:it all|(?:the|this|that|these|those|their|his|her|its|your|our|"
    r"my|\w+'s) (?:whole |entire |rotten |corrupt |broken |old |new |latest |so-called )*"
    r"(?:system|establishment|status quo|patriarchy|bill|policy|plans?|proposals?|scheme|tax|law|"
    r"manifesto|budget|deal|monopoly|consensus|old order|machine|cuts)|(?:the )?(?:capitalism|"
    r"austerity|racism|fascism|sexism|bigotry|corruption|neoliberalism|privilege|inequality|"
    r"poverty|homophobia|transphobia|misogyny|islamophobia|antisemitism))"
    r"(?: (?:down|up|apart))?"
)
_CIVIC = re.compile(
    rf"\b{_VERB}\b[^.!?\n;]{{0,40}}?\s{_CONTEST}"
    rf"|\b{_CONTEST}[^.!?\n;]{{0,40}}?\b{_VERB}\b"
    r"|\b(?:fight\w*|battl\w*)\b(?: (?:like hell|hard|harder|tooth and nail|on))?"
    r" (?:for|against)\b"
    rf"|\b{_SANCTION}\b"
    rf"|\b{_SYSTEM}\b"
)


_FIGURE = re.compile(
    # wishing someone well, praising how it went
    r"\bknock (?:'em|em|them) dead\b|\bbreak a leg\b"
    r"|\b(?:kill|kills|killed|killing|smashed|smashing|murdered|murdering) it"
    r"(?= *(?:[^\w\s]|$|tonight|today|this|last|again|out there|"
    r"on (?:the )?(?:stage|night)|at the))"
    r"|\bdrop[- ]dead (?:gorgeous|beautiful|stunning|funny|handsome|brilliant)\b"
    r"|\bdressed to kill\b"
    r"|\bkiller (?:app|apps|deal|deals|line|lines|tune|tunes|track|idea|heels|smile|views?|"
    r"feature|instinct|combo|question|argument|point|speech|joke|set|goal|pass|ball)\b"
    # hyperbole about the writer's own body, boredom, laughter or appetite
    r"|\b(?:is|are|'re|'s|was|were|be|been|keeps?|stop|quit) (?:\w+ )?killing (?:me|us)\b"
    r"|\b(?:dying|dyin) (?:to|for)\b|\bto die for\b"
    r"|\b(?:could|would|'d|will) (?:murder|kill|die) (?:for )?(?:a |an |some |the )?"
    r"(?:pint|pints|drink|beer|beers|curry|coffee|cuppa|cup of tea|brew|burger|pizza|kebab|"
    r"sandwich|takeaway|chippy|fry-?up|roast|bacon roll|sausage roll|glass of \w+|bottle of \w+|"
    r"cigarette|fag|nap|holiday)\b"
    r"|\b(?:bored|scared|frightened|terrified|worried|laughed|laughing|loved|tickled|freezing|"
    r"frozen|sick|tired|done) (?:me |us |him |her |them |myself |ourselves )?(?:half )?to death\b"
    r"|\b(?:died|dying|die|dead) (?:laughing|of laughter|of embarrassment|of shame|of boredom)\b"
    r"|\bdead (?:tired|serious|right|easy|good|funny|chuffed|proud|keen|lucky|jealous|impressed|"
    r"nervous|excited|on time|heat|ringer|cert|certain)\b"
    r"|\bover my dead body\b"
    r"|\b(?:i'?m|i am|im) (?:literally |actually |so |just )?(?:dead|deceased|dying)"
    r"(?= *(?:[^\w\s]|$|lol|lmao|lmfao|haha\w*|rofl))"
    r"|\bhang(?:s|ing)? (?:in there|tight)\b|\bhang(?:s|ing)? out\b(?! to dry)"
    r"|\bhang(?:s|ing)? on(?= *(?:[^\w\s]|$|(?:a|one|just a) (?:minute|min|sec|second|moment|mo|"
    r"tick|bit)\b))"
    # everyday phrases built on a violent word
    r"|\bkill(?:s|ed|ing)? (?:some |the )?time\b|\bkill(?:s|ed|ing)? two birds with one stone\b"
    r"|\b(?:made|make|making|makes) a killing\b"
    r"|\bshoot (?:me|us|him|her|them) (?:a|an) (?:quick )?(?:message|email|e-mail|text|line|dm|"
    r"note|pm|reply)\b|\bshoot(?:ing)? for the (?:stars|moon)\b"
    r"|\b(?:have|had|take|took|give|gave|worth|deserves?) (?:it |him |her |them )?a shot\b"
    r"|\b(?:have|had|take|took|give|gave) (?:it )?a stab at\b"
    r"|\bknock(?:s|ed)? (?:yourself|yourselves) out\b"
    r"|\bbeat(?:s|ing)? (?:the )?(?:traffic|rush|rush hour|queues?|crowds?|heat|odds|clock|"
    r"deadline|record|system)\b|\bbeat (?:me|you|us|him|her|them) to it\b|\b(?:it )?beats me\b"
    r"|\bhit (?:the )?(?:road|sack|hay|gym|shops|books|jackpot|spot|ground running|headlines|"
    r"target|mark|nail on the head)\b|\bhit it off\b"
    r"|\bburn(?:ing|ed|t)? the midnight oil\b|\bburnout\b"
    r"|\b(?:burnt|burned) out\b(?! (?:the|their|them|his|her|your|those|these|every|all|of)\b)"
    r"|\bfight(?:ing|s)? (?:off )?(?:a|the|this|my) (?:cold|flu|bug|virus|infection|urge)\b"
)
"""Figures of speech whose words are violent and whose sense is not: "knock 'em dead", "break a
leg", "you're killing me with these puns", "I could murder a curry", "bored to death", "hang in
there". A phrase that goes on to say what was done with "it" stays out ("smashed it across her
head", "kill it and bury it")."""


def _only(phrases: re.Pattern[str], text: str) -> bool:
    folded = lowered(text)
    rest, found = phrases.subn(" ", folded)
    return found > 0 and VIOLENCE.search(rest) is None


def only_civic(text: str) -> bool:
    """Whether every word of violence in ``text`` belongs to a vote or a game, a cause, the law or
    a system.

    False when no such phrase is there, or when violence is left once they are set aside.
    Curly apostrophes are straightened first.
    """
    return _only(_CIVIC, text)


def only_figurative(text: str) -> bool:
    """Whether every word of violence in ``text`` belongs to a figure of speech (:data:`_FIGURE`).

    The shipped cascade scored "you're killing me with these puns" 0.58 as a threat and "Knock
    'em dead tonight, break a leg!" 1.0. False when no such figure is there, or when violence is
    left once they are set aside ("break a leg and I'll break your neck").
    """
    return _only(_FIGURE, text)
