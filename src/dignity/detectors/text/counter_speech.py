"""Words that condemn what a text quotes or reports: the mark of counter-speech.

'She called me a "stupid Paki". That is racist and I reported it' quotes a slur to challenge it.
Both word-level views discount abuse that is only quoted or reported when the rest of the text
condemns it: the lexicon (:mod:`~dignity.detectors.text.lexicon`) and the classifier's evidence
(:mod:`~dignity.detectors.text.classifier`). They read the same list, so that a text the one
calls counter-speech the other does too.

The transformer reads most counter-speech right, but not all of it: 'Calling refugees
"cockroaches" is vile and dehumanising' scored 0.71 as hate and 'If you call women "bitches" you
have no place in this party' 0.69. :func:`counters` recognises the frame itself (someone
else's words, reported, then condemned), so the detector can hold such a text down whichever
model was fooled.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

CONDEMNATION = re.compile(
    r"\b(?:disgust\w*|unacceptable|no place|not acceptable|never acceptable|must stop|"
    r"(?:has|have|need|needs|got) to stop|should stop|stop this|not ok(?:ay)?|vile|appalling|"
    r"shameful|shocking|sickening|horrif\w*|outrag\w*|condemn\w*|report(?:ed|ing)?|solidarity|"
    r"abuse|abusive|racis[mt]\w*|sexis[mt]\w*|misogyn\w*|homophob\w*|transphob\w*|islamophob\w*|"
    r"antisemit\w*|ableis[mt]\w*|ageis[mt]\w*|dehumanis\w*|dehumaniz\w*|cruel\w*|bigot\w*|"
    r"discriminat\w*|prejudic\w*|xenophob\w*|stereotyp\w*|hurtful|offensive|"
    r"you(?:'re| are) (?:the|part of the) problem|"
    r"hate crime|hate speech|hateful|wrong|stand with|ashamed|harass\w*|disgrac\w*|"
    r"part of the problem|(?:is|isn'?t|not|never) (?:funny|a joke|banter|ok(?:ay)?))\b",
    re.IGNORECASE,
)
"""A word or phrase that condemns abuse (case-insensitive)."""

_FRAME = re.compile(
    r"\b(?:call|calls|called|calling|label(?:s|led|ling)?|brand(?:s|ed|ing)?|say|says|said|"
    r"saying|claim(?:s|ed|ing)?|suggest(?:s|ed|ing)?|impl(?:y|ies|ied|ying)|tweet(?:s|ed|ing)?|"
    r"post(?:s|ed|ing)?|wr(?:ite|ites|ote|iting)|shout(?:s|ed|ing)?|chant(?:s|ed|ing)?|"
    r"refer(?:s|red|ring)? to|describ(?:e|es|ed|ing)|think(?:s|ing)?|believ(?:e|es|ing)|"
    r"reckon(?:s|ing)?|pretend(?:s|ing)?)\b",
    re.IGNORECASE,
)
"""A verb that introduces someone's words or beliefs."""
_FUNCTION_WORD = re.compile(
    r"(?:a|an|the|to|of|be|been|being|is|are|was|were|will|would|shall|should|can|could|may|"
    r"might|must|do|does|did)",
    re.IGNORECASE,
)
"""Words that carry no abuse of their own: a model's evidence may list them ("he should go")."""
_FIRST_PERSON = re.compile(r"\b(?:i|we|i'?d|we'?d|i'?ll|we'?ll|i'?m|we'?re)\s+(?:\w+\s+)?$", re.I)
_ENDORSED = re.compile(
    r"\b(?:(?<!far )(?<!the )(?<!alt )(?<!alt-)(?<!hard )right(?![- ]?wing)|correct|spot on|"
    r"(?<!not )(?<!n't )true|agree|agreed|fair enough|exactly|accurate|telling the truth)\b",
    re.IGNORECASE,
)
"""Words that side with what a text reports ("... and they're right")."""
_BOUNDARY = re.compile(
    r"[.!?;,\n]|\s(?:and|but|so|because)\s(?=(?:they|he|she|it|i|we|you|that|this)\b)", re.I
)
"""Where a reported clause ends: its sentence, a comma, or a new clause ("... and they are")."""
CLAUSE_REACH = 200
"""The longest reported clause read, in characters."""
LONGEST = 5_000
"""Texts longer than this are never read as counter-speech: the frame is a short post's, and
the reading stays cheap however long the text."""
_QUOTED = re.compile(r'"[^"\n]{1,300}"|“[^”\n]{1,300}”|‘[^’\n]{1,300}’')


def reported(text: str) -> list[tuple[int, int]]:
    """Character ranges of ``text`` holding someone else's words: quotations, and what follows a
    reporting verb ("calling refugees ...", "people who say ...") up to the end of its clause or
    the first word condemning it. Words the writer says of themselves ("I call them ...") are
    not reported, quoted or not."""
    ranges: list[tuple[int, int]] = []
    own: list[tuple[int, int]] = []
    for verb in _FRAME.finditer(text):
        reach = min(len(text), verb.end() + CLAUSE_REACH)
        stop = _BOUNDARY.search(text, verb.end(), reach)
        end = stop.start() if stop else reach
        if _FIRST_PERSON.search(text, max(0, verb.start() - 16), verb.start()):
            own.append((verb.end(), end))
            continue
        condemned = CONDEMNATION.search(text, verb.end(), end)
        ranges.append((verb.end(), condemned.start() if condemned else end))
    for quote in _QUOTED.finditer(text):
        if not any(a <= quote.start() < b for a, b in own):
            ranges.append((quote.start(), quote.end()))
    return ranges


class Stance:
    """Where one text condemns and where it endorses, found once and asked about many spans."""

    __slots__ = ("_condemning", "_endorsing")

    def __init__(self, text: str) -> None:
        self._condemning = [(m.start(), m.end()) for m in CONDEMNATION.finditer(text)]
        self._endorsing = [(m.start(), m.end()) for m in _ENDORSED.finditer(text)]

    def condemns_beside(self, start: int, end: int) -> bool:
        """Whether the text condemns, and does not endorse, the words at ``start:end``.

        Those words are not read: in "Everyone says Muslims are disgusting" the only word of
        condemnation is the abuse itself.
        """
        return _beside(self._condemning, [(start, end)]) and not _beside(
            self._endorsing, [(start, end)]
        )

    def condemns_apart_from(self, ranges: Sequence[tuple[int, int]]) -> bool:
        """:meth:`condemns_beside`, setting aside every one of ``ranges``."""
        return _beside(self._condemning, ranges) and not _beside(self._endorsing, ranges)


def _beside(found: Sequence[tuple[int, int]], ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether one of ``found`` overlaps none of ``ranges``."""
    return any(all(e <= a or s >= b for a, b in ranges) for s, e in found)


def counters(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``text`` is counter-speech as far as ``spans`` (the words carrying the abuse) go.

    Every span but a bare function word ("should") lies in someone else's reported words
    (:func:`reported`), and the rest of the text condemns and does not endorse them. A span
    outside them keeps the text what it says: in "people say refugees are vile" the clause
    ends before "vile", which carries the abuse.
    """
    if not spans or len(text) > LONGEST:
        return False
    text = text.replace("’", "'")  # same length: offsets stay valid
    ranges = reported(text)
    carrying = [(a, b) for a, b in spans if _FUNCTION_WORD.fullmatch(text, a, b) is None]
    if not carrying:
        return False
    for start, end in carrying:
        if not any(a <= start and end <= b for a, b in ranges):
            return False
    return Stance(text).condemns_apart_from(ranges)
