"""Telling someone to stop: "leave her alone" defends a person, it threatens no one.

Bystanders step in. "Leave her alone", "back off, she said no", "stop harassing him" are the
interventions a code of conduct wants members to make, and they carry no word of violence. Word
statistics read their shape, a demand aimed at someone, from threats that go on ("leave her
alone or else"): the shipped cascade scored "leave her alone" 1.0 as a threat, urgent enough for
the police route, "Leave my kids alone" 0.77 and "leave them alone" 0.68.

A text counts as an intervention only when such a demand is there and, once those demands are
set aside, nothing menacing is left: no word of violence or menace
(:data:`~dignity.detectors.text.self_harm.VIOLENCE`) and no condition that turns the demand
into a threat ("... or else", "... or you'll regret it", "if you don't ..."). Whether the rest
of the text is a personal attack ("leave her alone, you creep") is left to the models.
"""

from __future__ import annotations

import re

from dignity.detectors.text.normalise import lowered
from dignity.detectors.text.self_harm import VIOLENCE

INTERVENTION_THREAT_CAP = 0.2
"""The most a threat may score when the text only tells someone to stop."""

_WHOM = (
    r"(?:her|him|them|me|us|my (?:\w+ )?\w+|our (?:\w+ )?\w+|his (?:\w+ )?\w+|their (?:\w+ )?\w+|"
    r"the (?:\w+ )?\w+|that (?:\w+ )?\w+|this (?:\w+ )?\w+|[a-z]+)"
)
_DEMAND = re.compile(
    rf"\b(?:leave {_WHOM} alone|let {_WHOM} (?:be|speak|talk|finish|go|live|alone)|"
    r"back off|(?:get|stay|keep) (?:away|back) from "
    rf"{_WHOM}|(?:stop|quit) (?:harass|bully|hassl|abus|follow|messag|touch|pester|stalk|"
    rf"troll|intimidat|threaten|target|attack|pick)\w* (?:on )?{_WHOM}|"
    rf"(?:do not|don'?t) (?:touch|harass|bully|follow|message|threaten) {_WHOM}|"
    r"hands off)\b"
)
_MENACE = re.compile(
    r"\bor (?:else|what|you'?ll|u'?ll|i'?ll|we'?ll|i will|we will|you will|there'?ll|it'?ll|"
    r"face|suffer|regret|pay)\b|\bif (?:you|u) (?:don'?t|do not|won'?t)\b|\bbefore (?:i|we)\b|"
    r"\botherwise\b|\blast (?:warning|chance)\b|\bnext time\b|"
    r"\b(?:i|we)(?:'ll| will| am going to|'m going to|'m gonna| are going to|'re going to)"
    r"(?! (?:report|call|tell|contact|block|mute|complain|leave|stand|help|back|support)\b)"
)
"""What turns a demand into a threat: a condition, a warning, or the writer promising to act
(other than reporting, blocking or standing with someone)."""


def only_intervention(text: str) -> bool:
    """Whether ``text`` tells someone to stop, or to leave someone alone, and threatens nothing.

    False when no such demand is there, when a condition makes it menace, or when a word of
    violence or menace is left once the demands are set aside. Curly apostrophes are
    straightened first.
    """
    folded = lowered(text)
    rest, found = _DEMAND.subn(" ", folded)
    return found > 0 and _MENACE.search(folded) is None and VIOLENCE.search(rest) is None
