"""Phrases that point at where a person lives, where their family is, or where they work.

No number is needed to dox someone: "she lives at the end of Mill Lane", "his kids go to St
Mary's primary". "I know where you live" publishes nothing: it is a threat, left to the text
detectors. Each pattern names a third person (or the person addressed) and an object specific
enough to find them: a capitalised place, a house number or a street, never a city alone ("she
lives in Leeds") and never a public landmark.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dignity.detectors.pii.context import LANDMARK
from dignity.detectors.pii.patterns import STREET_TYPES

# Capitalised words that start a sentence but name nobody in particular.
_GENERIC = (
    r"(?:People|Everyone|Everybody|Many|Most|Some|Families|Residents|Nobody|Somebody|Someone"
    r"|Anyone|Who|Which|That|This|What|Half|Nobody|None|Each|Millions|Thousands|Voters|Members"
    r"|Workers|Children|Kids|Pensioners|Tenants|Britain|England|Scotland|Wales|London)\b"
)
_WHO = (
    r"(?:he|she|they|this (?:guy|bloke|woman|man|lad|clown|idiot|traitor|scab)"
    r"|the (?:councillor|cllr|candidate|mp|journalist|activist)|(?-i:(?!"
    + _GENERIC
    + r")[A-Z][A-Za-z\-]{2,20}))"
)
_WHOSE = r"(?:his|her|their|your|(?-i:[A-Z][A-Za-z\-]{1,20}(?:'s|’s)))"
_KIN = (
    r"(?:kids?|children|child|sons?|daughters?|wife|husband|partner|mum|mother|dad|father"
    r"|parents|family|boy|girl|missus|fianc[ée]e?|grandkids|grandchildren)"
)
_OBJECT = r"(?P<obj>[^.,;!?\n]{2,60})"

_PATTERNS: tuple[tuple[str, tuple[str, ...], re.Pattern[str], float], ...] = (
    (
        "home",
        ("live", "stay", "resid"),
        re.compile(
            rf"\b{_WHO} (?:lives|live|is living|are living|stays|resides|reside) "
            rf"(?P<prep>at|on|in|near|opposite|next door to) {_OBJECT}",
            re.IGNORECASE,
        ),
        0.75,
    ),
    (
        "address",
        ("address", "postcode"),
        re.compile(
            rf"(?:\bhere(?:'s|’s| is) {_WHOSE} (?:(?:home|house|personal|private|full) )?address"
            rf"|\b{_WHOSE} (?:(?:home|house|personal|private|real|new|full|current) )?"
            r"(?:address|postcode) (?:is|:|-|=)"
            rf"|\b{_WHOSE} home address)\b",
            re.IGNORECASE,
        ),
        0.8,
    ),
    (
        "home",
        ("house is", "home is", "flat is", "place is", "gaff is"),
        re.compile(
            rf"\b{_WHOSE} (?:house|home|flat|place|gaff) is (?P<prep>on|at|in|near|opposite"
            rf"|next to|by|behind|round the corner from) {_OBJECT}",
            re.IGNORECASE,
        ),
        0.75,
    ),
    (
        "family",
        (
            "kid",
            "child",
            "son",
            "daughter",
            "wife",
            "husband",
            "partner",
            "mum",
            "mother",
            "dad",
            "father",
            "parent",
            "family",
            "boy",
            "girl",
            "missus",
            "fianc",
        ),
        re.compile(
            rf"\b{_WHOSE} {_KIN} (?:go|goes|attend|attends|is at|are at|work|works|lives|live"
            rf"|goes to school|go to school) (?P<prep>to|at|in|on|near) {_OBJECT}",
            re.IGNORECASE,
        ),
        0.75,
    ),
    (
        "work",
        ("work", "shift", "job"),
        re.compile(
            rf"\b{_WHO} (?:works|work|is working|does shifts|has a job) (?P<prep>at|in|for) "
            rf"{_OBJECT}",
            re.IGNORECASE,
        ),
        0.7,
    ),
    (
        "visit",
        ("round", "turn up", "show up", "visit", "wait", "protest", "camp"),
        re.compile(
            r"\b(?:go round|pop round|turn up|show up|pay a visit|wait|waiting|protest|camp)"
            r" (?:to |at |outside |round |by )?(?:his|her|their) (?:house|home|flat|place"
            r"|front door|door|gaff)\b",
            re.IGNORECASE,
        ),
        0.7,
    ),
)

_NEGATED = re.compile(
    r"\b(?:don't|do not|never|not|shouldn't|should not|no one should|nobody should|won't|without"
    r"|refuse to|wouldn't)\b[^.!?\n]{0,30}$",
    re.IGNORECASE,
)
# A specific object starts with a house number or a proper name ("the Tesco", "St Mary's").
_SPECIFIC = re.compile(r"(?:(?:the|a|number|no\.?|flat) ?)?(?:[A-Z]|\d)")
_STREET_WORD = re.compile(rf"\b(?:{STREET_TYPES})\b")
_STREET = re.compile(rf"\b(?:{STREET_TYPES})\b|\d")
_LOCATIVE = re.compile(r"\b(?:in (?:the )?[A-Z0-9]|(?:on|near|by|opposite|next to|off|behind) \w)")


@dataclass(frozen=True, slots=True)
class Pointer:
    """A phrase pointing at a person's home, family or workplace, and how strongly it does."""

    start: int
    end: int
    kind: str
    score: float


def find_pointers(text: str) -> Iterator[Pointer]:
    """Every phrase in ``text`` that points at where a third person lives, works or has family."""
    lowered = text.lower()
    for kind, guards, pattern, score in _PATTERNS:
        if not any(guard in lowered for guard in guards):
            continue
        for match in pattern.finditer(text):
            end = _accept(match, kind)
            if end is None:
                continue
            before = text[max(0, match.start() - 40) : match.start()]
            if _NEGATED.search(before) is not None:
                continue
            yield Pointer(match.start(), end, kind, score)


def _accept(match: re.Match[str], kind: str) -> int | None:
    """Where the pointer ends, or None when its object is too vague or a public place."""
    if "obj" not in match.re.groupindex:
        return match.end()
    obj = match.group("obj").rstrip()
    if LANDMARK.search(obj) is not None:
        return None
    if kind == "work":
        # "works at the Treasury" is a public role; "works at the Tesco on Mill Road" is a place.
        if _LOCATIVE.search(obj) is None:
            return None
    elif match.group("prep").lower() == "in" and kind == "home":
        if _STREET.search(obj) is None:  # "lives in Leeds" is a city, not an address
            return None
    elif _SPECIFIC.match(obj) is None and _STREET_WORD.search(obj) is None:
        return None
    return match.start("obj") + len(obj)
