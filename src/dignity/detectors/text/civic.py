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


def only_civic(text: str) -> bool:
    """Whether every word of violence in ``text`` belongs to a vote or a game, a cause, the law or
    a system.

    False when no such phrase is there, or when violence is left once they are set aside.
    Curly apostrophes are straightened first.
    """
    folded = lowered(text)
    rest, found = _CIVIC.subn(" ", folded)
    return found > 0 and VIOLENCE.search(rest) is None
