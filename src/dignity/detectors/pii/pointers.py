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
    r"|Workers|Children|Kids|Pensioners|Tenants|Britain|England|Scotland|Wales|London"
    r"|Here|There|Where|Their|It|Its)\b"
)
_WHO = (
    r"(?:he|she|they|this (?:guy|bloke|woman|man|lad|clown|idiot|traitor|scab)"
    r"|the (?:councillor|cllr|candidate|mp|journalist|activist)|(?-i:(?!"
    + _GENERIC
    + r")[A-Z][A-Za-z\-]{2,20}))"
)
_ROLE = r"(?:councillor|cllr|candidate|mp|journalist|activist|guy|bloke|woman|man|lad|scab)"
_WHOSE = (
    r"(?:his|her|their|your|(?-i:[A-Z][A-Za-z\-]{1,20}(?:'s|’s))"
    rf"|(?:the|this|that) {_ROLE}(?:'s|’s))"
)
_KIN = (
    r"(?:kids?|children|child|sons?|daughters?|wife|husband|partner|mum|mother|dad|father"
    r"|parents|family|boy|girl|missus|fianc[ée]e?|grandkids|grandchildren|youngest|eldest"
    r"|oldest|little one|other half|stepson|stepdaughter|grandson|granddaughter|sister"
    r"|brother|lass)"
)
_OBJECT = r"(?P<obj>[^.,;!?\n]{2,60})"
# How a pointer places someone: at an address, on a street, or beside something on one.
_WHERE = (
    r"(?P<prep>at|on|in|near|opposite|next door to|next to|above|below|over|off|behind|by"
    r"|round the corner from|down the road from|across (?:the road )?from"
    r"|at the (?:top|end|bottom|far end) of)"
)
# Words between a verb and its place: "lives right next door to", "works nights at".
_HOME_FILLER = r"(?: (?:right|just|literally|now|still|actually|with (?:his|her|their) \w{2,12}))?"
_WORK_FILLER = (
    r"(?: (?:nights|days|weekends|evenings|mornings|shifts|part[- ]time|full[- ]time"
    r"|on the tills|on the checkouts|behind the bar|on reception|on the wards))?"
    r"(?: (?:every|most|on) \w{3,10})?"
)
_JOB = r"(?P<job>(?:is|was|'s|’s) (?:a|an|the) [a-z]{3,15}(?: [a-z]{3,15})?)"
_FAMILY_VERB = (
    r"(?:go|goes|went|attend|attends|work|works|lives|live|plays?|trains?|swims?|is|are"
    r"|gets? (?:dropped off|picked up))"
)
_FAMILY_FILLER = (
    r"(?: (?:to school|nights|days|part[- ]time|full[- ]time|still|now|on the tills"
    r"|in (?:year|reception|class|form) \w{1,3}))?"
)

_PATTERNS: tuple[tuple[str, tuple[str, ...], re.Pattern[str], float], ...] = (
    (
        "home",
        ("live", "stay", "resid"),
        re.compile(
            # a plural verb only after "they": "Watch live on Facebook", "Xbox live in 2012"
            rf"\b(?:{_WHO} (?:lives|is living|stays|is staying|resides)"
            r"|they (?:live|are living|stay|are staying|reside))"
            rf"{_HOME_FILLER} {_WHERE} {_OBJECT}",
            re.IGNORECASE,
        ),
        0.75,
    ),
    (
        "home",
        ("lives",),
        # "Lives on Cardigan Road, three doors down from the pub": a subject left out.
        re.compile(rf"(?:^|(?<=[.!?\n] )|(?<=\n))(?-i:Lives){_HOME_FILLER} {_WHERE} {_OBJECT}"),
        0.75,
    ),
    (
        "address",
        ("address", "postcode"),
        re.compile(
            rf"(?:\bhere(?:'s|’s| is) {_WHOSE} (?:(?:home|house|personal|private|full) )?address"
            rf"|\b{_WHOSE} (?:(?:home|house|personal|private|real|new|full|current) )?"
            r"(?:address|postcode)(?:'s|’s)? (?:is|:|-|=)"
            rf"|\b{_WHOSE} home address)\b",
            re.IGNORECASE,
        ),
        0.8,
    ),
    (
        "home",
        ("house is", "home is", "flat is", "place is", "gaff is"),
        re.compile(
            rf"\b{_WHOSE} (?:house|home|flat|place|gaff) is (?:{_WHERE}|the (?:one|house|flat))"
            rf" {_OBJECT}",
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
            "youngest",
            "eldest",
            "oldest",
            "little one",
            "other half",
            "sister",
            "brother",
            "lass",
        ),
        re.compile(
            rf"\b{_WHOSE} {_KIN}(?: {_JOB}{_WORK_FILLER} (?:at|of|in|for)"
            rf"|(?: {_FAMILY_VERB}|['’](?:s|re)){_FAMILY_FILLER}"
            r" (?P<prep>to|at|in|on|near|for|from)"
            rf"| attends?) {_OBJECT}",
            re.IGNORECASE,
        ),
        0.75,
    ),
    (
        "family",
        ("drop", "pick", "collect", "take"),
        # "Steve drops his daughter at Park View Nursery": a school run.
        re.compile(
            r"\b(?:drops?|dropping|picks?|picking|collects?|collecting|takes?|taking)"
            rf"(?: (?:up|off))? {_WHOSE} {_KIN}(?: (?:up|off))?(?: to school)?"
            rf" (?P<prep>at|from|to) {_OBJECT}",
            re.IGNORECASE,
        ),
        0.75,
    ),
    (
        "work",
        ("work", "shift", "job", "teach", " is a", " is an", " is the", "'s a", "’s a", "'s the"),
        re.compile(
            rf"\b{_WHO}(?: (?:works|work|is working|does shifts|has a job|teaches|volunteers)"
            rf"| ?{_JOB})"
            rf"{_WORK_FILLER} (?P<prep>at|in|for|of) {_OBJECT}",
            re.IGNORECASE,
        ),
        0.7,
    ),
    (
        "work",
        ("find", "catch"),
        # "You'll find him every Saturday at the Red Lion on Market Street".
        re.compile(
            r"\b(?:find|catch) (?:him|her|them)(?: (?:every|most|on) \w{3,10})?"
            rf" (?P<prep>at|in|outside) {_OBJECT}",
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
# Kinds of place where a person can be found day to day: a school, a ward, a shop floor.
_PLACE_TYPE = re.compile(
    r"\b(?:school|primary|academy|college|nursery|infants|juniors|high|grammar|hospital"
    r"|infirmary|(?-i:General)|surgery|practice|clinic|warehouse|depot|factory|store|shop"
    r"|supermarket|garage|salon|caf[eé]|pub|restaurant|chippy|takeaway|gym|leisure centre"
    r"|care home|hotel|bakery|pharmacy|chemist|branch|site|yard|works|mill)\b",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(r"\b(?:in (?:the )?[A-Z0-9]|(?:on|near|by|opposite|next to|off|behind) \w)")
# Where the object's own phrase ends: a place named in a clause about something else ("the
# type of person who believes what is trending on Twitter") places no one. Never its first word:
# "works at that Tesco on Mill Road".
_CLAUSE = re.compile(r"\s(?:who|whom|whose|which|that|what|because|but|if|when|while)\b")


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
    groups = match.groupdict()
    prep = (groups.get("prep") or "").lower()
    if kind == "work" or groups.get("job") is not None:
        # "works at the Treasury" is a public role; "works at the Tesco on Mill Road", "teaches
        # at Hollins Park Academy" are places where someone can be found.
        head = _CLAUSE.split(obj, maxsplit=1)[0].rstrip()
        if _LOCATIVE.search(head) is None and _PLACE_TYPE.search(head) is None:
            return None
        # After "of" or "for" the object is the employer itself, so it has a name: "the
        # manager of the B&Q near the ring road", not "the home of gun violence in the US".
        if prep in {"of", "for"} and _SPECIFIC.match(head) is None:
            return None
        return match.start("obj") + len(head)
    if prep == "in" and kind in {"home", "family"}:
        named_place = _PLACE_TYPE.search(obj) is not None and _SPECIFIC.match(obj) is not None
        if _STREET.search(obj) is None and not named_place:
            return None  # "lives in Leeds" is a city, "is in hospital" no place in particular
    elif not prep:
        # "his house is the one with the solar panels at the top of Moor Lane"; "attends X".
        if _STREET.search(obj) is None and _SPECIFIC.match(obj) is None:
            return None
    elif _SPECIFIC.match(obj) is None and _STREET_WORD.search(obj) is None:
        return None
    return match.start("obj") + len(obj)
