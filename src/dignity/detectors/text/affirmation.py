"""Short affirmations of a group: "Refugees are human too" says the opposite of hate.

A hateful generalisation and its answer share a shape ("X are vermin", "X are human too"), and
word statistics see the shape: the shipped models scored "Refugees are human too" 0.91 and
"Trans women are real women" 0.74 as hate. A text that is nothing but an affirmation, a group
said to be people, human, equal, valid, welcome, neighbours, or a gendered group affirmed by its
own noun ("trans women are women"), perhaps with an emphatic close ("end of", "full stop") or
emoji, is recognised here so that the detector can keep its hate score down. Negations ("are
not people", "aren't women") and other predicates ("are men" said of trans women) never match.

A group said to deserve something good is affirmed too: "Refugees deserve a safe home" scored
0.87 as hate and "Old people deserve a decent pension" 0.48 as a threat, read in the shape of
"X deserve a bullet". Only goods on a closed list count (respect, dignity, equal rights,
support, a decent pension, to be safe...), so "deserve everything that's coming to them" and
"deserve to die" stay with the models.
"""

from __future__ import annotations

import re

from dignity.detectors.text.normalise import lowered

_GOOD = (
    r"(?:better|respect|dignity|equality|justice|safety|compassion|kindness|solidarity|"
    r"(?:equal|the same|full|proper|real|better|more|fair|decent) (?:\w+ )?"
    r"(?:rights|pay|treatment|respect|dignity|opportunities|chances|protection|support|care|"
    r"pensions?|wages?|homes?|housing|healthcare|treatment|access|representation)"
    r"(?: as (?:everyone|anyone|the rest of us|us|you and me)(?: else)?)?|"
    r"support|protection|care|help|a voice|a say|a seat at the table|"
    r"an? (?:safe|decent|warm|secure|fair|good|better|proper|happy) (?:\w+ )?"
    r"(?:home|place to live|pension|wage|life|future|hearing|deal|chance|job|education|start)|"
    r"a living wage|to be (?:safe|heard|respected|listened to|included|welcome|happy|free|"
    r"treated (?:with (?:dignity|respect)|equally|fairly|the same))|"
    r"to live (?:in (?:peace|safety|dignity)|without fear|free from (?:fear|abuse|hate)))"
)
_AFFIRMATION = re.compile(
    r"\s*(?:(?:yes|and|but|so|remember|reminder|fact)[,:!]?\s+)?"
    r"(?P<subject>(?:[\w-]+ ){0,3}?(?P<head>[\w-]+)) (?:(?:are|is) "
    r"(?:(?:just|real|also|simply|still|as|all|fully|equally|proper|true|our|valued|welcome)\s+)*"
    r"(?P<predicate>people|persons|humans?|human beings|women|men|equal|valid|welcome(?: here)?|"
    r"neighbou?rs|friends|family|citizens|members)"
    r"|(?:deserve|deserves|deserved) (?:(?:so |much |far |a lot |every |all |the |our )*"
    rf"{_GOOD})(?: (?:and|&) {_GOOD})*)"
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
