"""A few words aimed at no one, with no violence in them: a reply, not a threat.

Short replies are most of what members write under a post, and word statistics are least sure of
them: with two or three words, one word the threat data often starts with carries the whole
text. The shipped cascade scored "I will" 0.61 as a threat (ConvAbuse's users type "I will kill
you" at its chatbot), "Let's go!" 0.67, "Shame" 0.52 and "Run." 0.60, each a breach that would
open a case against a member who only agreed, cheered or booed.

A threat needs someone to threaten and something to threaten them with. A text counts as aimed
at no one when it is short (:data:`SHORT_WORDS`, leaving out @handles and links, which every
reply carries), names no one but the writer (no "you", "she", "them", "everyone" ...) and has no
word of violence or menace (:data:`~dignity.detectors.text.self_harm.VIOLENCE`). Whether it
names a group is for the caller, which reads the tokens. Veiled menace keeps its aim ("your
days are numbered", "we know where you live") or its menace ("they will pay", "I'm coming"),
so it is not held here.
"""

from __future__ import annotations

import re

from dignity.detectors.text.normalise import lowered
from dignity.detectors.text.self_harm import SOMEONE_ELSE, VIOLENCE

AIMLESS_THREAT_CAP = 0.2
"""The most a threat may score when a short text is aimed at no one and has no violence."""
SHORT_WORDS = 6
"""The most words a text may have to count as a short reply."""

_SOMEONE = re.compile(
    rf"{SOMEONE_ELSE.pattern}|\b(?:ye|he|she|they|hers|theirs|himself|herself|themselves|anyone|"
    r"anybody|someone|somebody|whoever)\b"
)
"""Whom a threat could be aimed at, other than the writer: the objects of harm
:data:`~dignity.detectors.text.self_harm.SOMEONE_ELSE` names, and subjects too."""
_ADDRESS = re.compile(r"(?<!\w)@\w+|https?://\S+|\burl\b")
"""@handles and links, and the ``URL`` placeholder datasets put for them."""
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def _unaddressed(text: str) -> str:
    """``text`` lower-cased, curly apostrophes straightened, @handles and links blanked."""
    return _ADDRESS.sub(" ", lowered(text))


def reply_words(text: str) -> int:
    """How many words ``text`` has, @handles and links left out."""
    return len(_WORD.findall(_unaddressed(text)))


def aimed_at_no_one(text: str) -> bool:
    """Whether ``text`` is a few words (at most :data:`SHORT_WORDS`) naming no one but the writer
    and holding no word of violence or menace. Curly apostrophes are straightened first."""
    folded = _unaddressed(text)
    words = len(_WORD.findall(folded))
    return (
        0 < words <= SHORT_WORDS
        and _SOMEONE.search(folded) is None
        and VIOLENCE.search(folded) is None
    )
