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
_PREJUDICE = re.compile(
    r"(?:racis[mt]\w*|sexis[mt]\w*|misogyn\w*|homophob\w*|transphob\w*|islamophob\w*|"
    r"antisemit\w*|ableis[mt]\w*|ageis[mt]\w*|bigot\w*|discriminat\w*|prejudic\w*|"
    r"xenophob\w*|dehumani[sz]\w*|hateful|hate (?:speech|crimes?))",
    re.IGNORECASE,
)
"""Condemning words that name a prejudice: said of someone else's words, a verdict on them."""

_FRAME = re.compile(
    r"\b(?:call|calls|called|calling|label(?:s|led|ling)?|brand(?:s|ed|ing)?|say|says|said|"
    r"saying|claim(?:s|ed|ing)?|suggest(?:s|ed|ing)?|impl(?:y|ies|ied|ying)|tweet(?:s|ed|ing)?|"
    r"post(?:s|ed|ing)?|wr(?:ite|ites|ote|iting)|shout(?:s|ed|ing)?|chant(?:s|ed|ing)?|"
    r"refer(?:s|red|ring)? to|describ(?:e|es|ed|ing)|think(?:s|ing)?|believ(?:e|es|ing)|"
    r"reckon(?:s|ing)?|pretend(?:s|ing)?)\b",
    re.IGNORECASE,
)
"""A verb that introduces someone's words or beliefs."""
FUNCTION_WORD = re.compile(
    r"(?:a|an|the|to|of|be|been|being|is|are|was|were|will|would|shall|should|can|could|may|"
    r"might|must|do|does|did)",
    re.IGNORECASE,
)
"""Words that carry no abuse of their own: a model's evidence may list them ("he should go")."""
_FIRST_PERSON = re.compile(r"\b(?:i|we|i'?d|we'?d|i'?ll|we'?ll|i'?m|we'?re)\s+(?:\w+\s+)?$", re.I)
_PASSIVE = re.compile(
    r"\b(?:i|we)\s+(?:was|were|get|got|am|'m|are|'re|been|keep being|have been|'ve been)\s+$", re.I
)
"""The writer as the one called something ("I was called ..."): someone else's words."""
_ENDORSED = re.compile(
    r"\b(?:(?<!far )(?<!the )(?<!alt )(?<!alt-)(?<!hard )right(?![- ]?wing)|correct|spot on|"
    r"(?<!not )(?<!n't )true|agree|agreed|fair enough|exactly|accurate|telling the truth)\b",
    re.IGNORECASE,
)
"""Words that side with what a text reports ("... and they're right")."""
_RECEIVED = re.compile(
    r"\b(?:call(?:s|ed|ing)?|sen[dt]s?|sending|messag(?:es|ed|ing)|dm'?(?:s|d|ed|ing)|"
    r"e-?mail(?:s|ed|ing)|(?:tweet|shout|yell|scream|swear|spit|spat)(?:s|ed|ing)? "
    r"at|wr(?:ote|ites|iting) to|repl(?:y|ies|ied|ying) to)(?= (?:me|us)\b)"
    r"|\b(?:i|we)(?:'ve| have|'m| am|'re| are)? (?:was|were|get|got|keep getting|kept getting|"
    r"keep being|been|have been|'ve been|am being|'m being) (?:called|sent)\b"
    r"|\b(?:i|we)(?:'ve| have)? (?:get|got|keep getting|kept getting|receive[ds]?|received|"
    r"been getting|been sent|(?:have|'ve) had|had) (?:\w+ ){0,3}?(?:messages?|comments?|"
    r"replies|dms|e-?mails?|texts|tweets|abuse|threats|letters|calls)\b"
    r"|\b(?:to|on|under|in) (?:my|our) (?:posts?|tweets?|comments?|videos?|page|photos?|"
    r"pictures?|timeline|inbox|dms|mentions|replies)\b",
    re.IGNORECASE,
)
"""Words that make the writer the one someone else's words were aimed at ("he called me",
"I keep getting messages like"): sharing abuse one received is reporting it, not repeating it.
Not "told me": "people keep telling me Muslims are vermin" passes a claim on, it received none."""
_BOUNDARY = re.compile(
    r"[.!?;,\n]|\s(?:and|but|so|because)\s(?=(?:they|he|she|it|i|we|you|that|this)\b)", re.I
)
"""Where a reported clause ends: its sentence, a comma, or a new clause ("... and they are")."""
CLAUSE_REACH = 200
"""The longest reported clause read, in characters."""
LONGEST = 5_000
"""Texts longer than this are never read as counter-speech: the frame is a short post's, and
the reading stays cheap however long the text."""
QUOTATION = re.compile(
    r'(?<!\w)"(?=\S)[^"\n]{1,300}?(?<=\S)"(?!\w)'
    r"|(?<!\w)'(?=\S)[^\n]{0,300}?(?<=\S)'(?!\w)"
    r"|“[^”\n]{1,300}”|‘[^’\n]{1,300}’"
)
"""A quotation: curly marks, or straight ones that open before a word and close after one. A
straight mark glued to the word before it closes a quotation, so 'Comparing a date" to rape is
vile. You are a POS."' (a copy that dropped the opening marks) quotes nothing: pairing any two
marks read the abuse between them as someone else's words."""


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
        before = (max(0, verb.start() - 16), verb.start())
        if _FIRST_PERSON.search(text, *before) and not _PASSIVE.search(text, *before):
            own.append((verb.end(), end))
            continue
        condemned = CONDEMNATION.search(text, verb.end(), end)
        ranges.append((verb.end(), condemned.start() if condemned else end))
    for quote in QUOTATION.finditer(text):
        if not any(a <= quote.start() < b for a, b in own):
            ranges.append((quote.start(), quote.end()))
    return ranges


class Stance:
    """Where one text condemns and where it endorses, found once and asked about many spans."""

    __slots__ = ("_condemning", "_endorsing", "_received")

    def __init__(self, text: str) -> None:
        self._condemning = [(m.start(), m.end()) for m in CONDEMNATION.finditer(text)]
        self._endorsing = [(m.start(), m.end()) for m in _ENDORSED.finditer(text)]
        self._received = [(m.start(), m.end()) for m in _RECEIVED.finditer(text)]

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

    def received_apart_from(self, ranges: Sequence[tuple[int, int]]) -> bool:
        """Whether the text, outside ``ranges``, says its writer was sent or called those words
        ("he called me ...", "I keep getting messages like ..."), and does not endorse them.

        Asked only of words inside :func:`reported` ranges: "you called me a liar, you idiot"
        must keep its idiot.
        """
        return _beside(self._received, ranges) and not _beside(self._endorsing, ranges)


def _beside(found: Sequence[tuple[int, int]], ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether one of ``found`` overlaps none of ``ranges``."""
    return any(all(e <= a or s >= b for a, b in ranges) for s, e in found)


class Framing:
    """Someone else's words in one text, and the text's stance on them: read once, when first
    asked, and asked about many spans (each category's evidence)."""

    __slots__ = ("_ranges", "_stance", "text")

    def __init__(self, text: str) -> None:
        self.text = text.replace("’", "'")  # same length: offsets stay valid
        self._ranges: list[tuple[int, int]] | None = None
        self._stance: Stance | None = None

    def counters(self, spans: Sequence[tuple[int, int]], *, hate: bool = False) -> bool:
        """Whether the text is counter-speech as far as ``spans`` (the words carrying the
        abuse) go.

        Every span but a bare function word ("should") lies in someone else's reported words
        (:func:`reported`), and the rest of the text condemns them or says they were aimed at
        its writer ("he called me ...", "I keep getting messages like ..."), and does not
        endorse them. A span outside them keeps the text what it says: in "people say refugees
        are vile" the clause ends before "vile", which carries the abuse. For ``hate``, a word
        naming a prejudice is the writer's verdict, not the attack, and is set aside too
        ('"Women belong in the kitchen" is sexism': a model may count "sexism" as evidence of
        hate).
        """
        text = self.text
        if not spans or len(text) > LONGEST:
            return False
        carrying = self.carrying(spans, hate=hate)
        if not carrying:
            return False
        if self._ranges is None:
            self._ranges = reported(text)
        ranges = self._ranges
        if not _inside(carrying, ranges):
            return False
        if self._stance is None:
            self._stance = Stance(text)
        return self._stance.condemns_apart_from(ranges) or self._stance.received_apart_from(ranges)

    def carrying(
        self, spans: Sequence[tuple[int, int]], *, hate: bool = False
    ) -> list[tuple[int, int]]:
        """The spans that carry abuse: not a bare function word ("should"), nor, for ``hate``,
        a word naming a prejudice (the writer's verdict, see :meth:`counters`)."""
        text = self.text
        return [
            (a, b)
            for a, b in spans
            if FUNCTION_WORD.fullmatch(text, a, b) is None
            and not (hate and _PREJUDICE.fullmatch(text, a, b) is not None)
        ]

    def evidence_within(
        self, spans: Sequence[tuple[int, int]], ranges: Sequence[tuple[int, int]]
    ) -> bool:
        """Whether some span carries abuse (:meth:`carrying`) and every one that does lies in
        one of ``ranges``: the test :meth:`counters` puts to someone else's words, put to any
        clauses a reading has found."""
        carrying = self.carrying(spans)
        return bool(carrying) and _inside(carrying, ranges)


def _inside(spans: Sequence[tuple[int, int]], ranges: Sequence[tuple[int, int]]) -> bool:
    """Whether every one of ``spans`` lies in one of ``ranges``."""
    return all(any(a <= start and end <= b for a, b in ranges) for start, end in spans)


def counters(text: str, spans: Sequence[tuple[int, int]], *, hate: bool = False) -> bool:
    """:meth:`Framing.counters` for one text asked once."""
    return Framing(text).counters(spans, hate=hate)
