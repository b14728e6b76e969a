"""Short affirmations of a group: "Refugees are human too" says the opposite of hate.

A hateful generalisation and its answer share a shape ("X are vermin", "X are human too"), and
word statistics see the shape: the shipped models scored "Refugees are human too" 0.91 and
"Trans women are real women" 0.74 as hate. A text that is nothing but an affirmation, a group
said to be people, human, equal, valid, welcome, neighbours, or a gendered group affirmed by its
own noun ("trans women are women"), perhaps with an emphatic close ("end of", "full stop") or
emoji, is recognised here so that the detector can keep its hate score down. Negations ("are
not people", "aren't women") and other predicates ("are men" said of trans women) never match.
"""

from __future__ import annotations

import re

from dignity.detectors.text.normalise import lowered

_AFFIRMATION = re.compile(
    r"\s*(?:(?:yes|and|but|so|remember|reminder|fact)[,:!]?\s+)?"
    r"(?P<subject>(?:[\w-]+ ){0,3}?(?P<head>[\w-]+)) (?:are|is) "
    r"(?:(?:just|real|also|simply|still|as|all|fully|equally|proper|true|our|valued|welcome)\s+)*"
    r"(?P<predicate>people|persons|humans?|human beings|women|men|equal|valid|welcome(?: here)?|"
    r"neighbou?rs|friends|family|citizens|members)"
    r"(?:,? (?:too|as well|like (?:the rest of us|anyone else|everyone else|you and me|us)))?"
    r"(?:\s*[,.!]*\s*(?:end of(?: story)?|full stop|period|simple as(?: that)?|no debate|"
    r"no ifs,? no buts|deal with it|always have been|and always will be|that'?s (?:it|that)))*"
    r"\s*[.!]*\s*(?:(?:[#@][\w-]+|[^\w\s?]+)\s*)*"
)
_GENDERED = frozenset({"women", "men"})
_NOT_AN_AFFIRMATION = frozenset({"no", "not", "none", "never", "few", "fewer", "only", "if"})


def affirmed_group(text: str) -> tuple[str, ...] | None:
    """The subject's words when the whole of ``text`` affirms it ("Gay men are just men."), else
    None. The caller decides whether those words name a protected group."""
    folded = lowered(text)
    m = _AFFIRMATION.fullmatch(folded)
    if m is None:
        return None
    subject = tuple(m.group("subject").split())
    if _NOT_AN_AFFIRMATION.intersection(subject):
        return None
    if m.group("predicate") in _GENDERED and m.group("head") != m.group("predicate"):
        return None
    return subject
