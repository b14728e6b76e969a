"""A policy said to harm people: criticism on their behalf, not hate and not a threat.

The sharpest political criticism says what a measure does to people: "The DWP is killing
disabled people", "Sanctions are starving disabled people to death", "Their immigration policy is
killing refugees in the Channel". The group named is the one defended, and the violence is the
policy's, not the writer's. Word statistics read a protected group beside a word of killing:
the shipped cascade scored those three 0.91, 0.88 and 0.50 as hate, breaches all, while "Tory
cuts are killing disabled people" passed at 0.22. A party's members say such things every day
of a campaign about welfare, asylum or the NHS.

A text counts as such criticism only when the harm's subject is a measure, an institution or a
government (a policy, cuts, sanctions, the DWP, the Home Office, ministers, "this government")
and, once those clauses are set aside, no word of violence or menace is left
(:data:`~dignity.detectors.text.self_harm.VIOLENCE`). Approval of the harm ("... and good
riddance", "about time", "they deserve it") keeps the text with the models, and so does a group
or a person as the harm's subject: "Muslims are destroying this country" is not about a policy.
"""

from __future__ import annotations

import re

from dignity.detectors.text.normalise import lowered
from dignity.detectors.text.self_harm import VIOLENCE

POLICY_HARM_CAP = 0.2
"""The most a threat may score when the only violence in the text is what a policy does."""

_AGENT = (
    r"(?:(?:the|this|that|these|those|your|their|his|her|our|its|tory|tories'|conservative|"
    r"labour'?s?|reform'?s?|government'?s?|govt'?s?|ministers'?|\w+'s)\s+){0,3}"
    r"(?:[\w-]+\s+)?(?:polic(?:y|ies)|cuts?|austerity|reforms?|sanctions?|tax(?:es)?|bills?|laws?|plans?|"
    r"budgets?|measures?|cap|freeze|bedroom tax|universal credit|benefits? (?:system|cap|freeze|"
    r"changes|rules)|system|government|govt|ministers?|home office|dwp|treasury|chancellor|"
    r"home secretary|prime minister|pm|state|councils?|regime|blockade|neglect|privatisation|"
    r"underfunding|waiting lists|hostile environment|rwanda scheme|scheme|assessments?|decisions?|"
    r"rules|changes|borders?|deportations?|occupation|air ?strikes|bombing)"
)
_HARM = (
    r"(?:(?:is|are|was|were|has|have|had|will|would|'s|'re|keeps?|kept)\s+)?"
    r"(?:(?:been|be|just|literally|slowly|quietly|actively|deliberately|now|still|already|"
    r"systematically|effectively)\s+)*"
    r"(?:(?:kill|murder|harm|hurt|starv|destroy|ruin|endanger|abandon|punish|persecut|target|"
    r"scapegoat|demoni[sz])(?:s|es|ed|d|ing)|"
    r"let(?:ting)? (?:\w+ ){1,3}(?:die|drown|starve|suffer|freeze))"
)
_POLICY_HARM = re.compile(
    rf"\b{_AGENT}\s+{_HARM}\b"
    r"(?:(?!\b(?:and|but|so|then|because|or|we|i|you|they|let'?s|lets|if|when|until)\b)"
    r"[^.!?\n;,]){0,80}"
)
"""The harm clause, whom it harms included, up to the next clause: "... so we should burn
their offices" is left over and read."""
_APPROVAL = re.compile(
    r"\b(?:good|great|excellent|brilliant|about time|finally|good riddance|well done|"
    r"as (?:it|they) should|deserve[sd]?|more of (?:it|this|that)|keep (?:it|going)|"
    r"hope (?:it|they)|lol|lmao|haha\w*)\b"
)


def harm_clauses(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` says a measure, an institution or a government harms people, when every
    word of violence in it is such harm and the text does not approve of it; else ().

    Curly apostrophes are straightened first; offsets index ``text``.
    """
    folded = lowered(text)
    if len(folded) != len(text):  # a rare letter whose lower case is longer: offsets would drift
        return ()
    clauses = tuple((m.start(), m.end()) for m in _POLICY_HARM.finditer(folded))
    if not clauses or _APPROVAL.search(folded) is not None:
        return ()
    rest = _POLICY_HARM.sub(" ", folded)
    return () if VIOLENCE.search(rest) else clauses


def only_policy_harm(text: str) -> bool:
    """Whether the only violence in ``text`` is harm a policy does to people
    (:func:`harm_clauses`)."""
    return bool(harm_clauses(text))
