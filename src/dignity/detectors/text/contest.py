"""Violent verbs about an election or a cause: campaigning, not a threat.

Politics borrows the words of violence: a party will "crush them at the ballot box", a candidate
will "fight like hell for this seat", a side should be "wiped out at the next election". Models
trained on threats read the verbs (the shipped cascade scored those three 0.55 to 0.96 as
threats), and a party's members use such phrases every day of a campaign. A phrase is a contest
when its verb's arena is a vote ("beat them at the election", "at the polls we will destroy
them") or when the fighting is *for* or *against* something ("fight hard for the NHS").

A text counts as campaigning only when such a phrase is there and, once those phrases are set
aside, no word of violence or menace is left: "we'll beat them at the election and then beat
them in the street" keeps its second "beat", so it stays a threat.
"""

from __future__ import annotations

import re

from dignity.detectors.text.self_harm import VIOLENCE

CONTEST_THREAT_CAP = 0.2
"""The most a threat may score when the text's violence is all an electoral contest."""

_VERB = (
    r"(?:beat|beats|beaten|beating|crush\w*|destroy\w*|wipe[sd]? out|wiping out|annihilat\w*|"
    r"hammer\w*|smash\w*|thrash\w*|trounc\w*|bur(?:y|ies|ied|ying)|slaughter\w*|massacr\w*|"
    r"obliterat\w*|decimat\w*|demolish\w*|kill\w*|rout|routed|flatten\w*)"
)
_ARENA = (
    r"(?:at|in|on) (?:the |this |next |a |every |each |our )?"
    r"(?:(?:next|general|local|council|mayoral|snap|leadership|european|upcoming|coming|by)[- ]?)*"
    r"(?:elections?|polls?|ballot ?box(?:es)?|ballots?|votes?|referendums?|primar(?:y|ies)|"
    r"by-?elections?)\b"
)
_CONTEST = re.compile(
    rf"\b{_VERB}\b[^.!?\n;]{{0,40}}?\s{_ARENA}"
    rf"|\b{_ARENA}[^.!?\n;]{{0,40}}?\b{_VERB}\b"
    r"|\b(?:fight\w*|battl\w*)\b(?: (?:like hell|hard|harder|tooth and nail|on))?"
    r" (?:for|against)\b"
)


def only_a_contest(text: str) -> bool:
    """Whether every word of violence in ``text`` belongs to an electoral contest or a cause.

    False when no such phrase is there, or when violence is left once they are set aside.
    Curly apostrophes are straightened first.
    """
    lowered = text.lower().replace("\u2019", "'")
    rest, found = _CONTEST.subn(" ", lowered)
    return found > 0 and VIOLENCE.search(rest) is None
