"""The label space every training source is mapped into, and the record a reader yields.

Five categories, each a separate binary task with its own "unknown" (``None``):

``personal_attack``
    insults, name-calling, shaming, mocking or bullying aimed at a person.
``identity_attack``
    hate or discrimination on a protected characteristic; ``targets`` says which.
``threat``
    threats, intimidation, incitement to violence, veiled menace.
``sexual``
    sexualised language about a person, unwelcome sexual advances.
``profanity``
    swearing; informational only, never a breach by itself.

A source that does not annotate a category leaves it ``None`` and the trainer masks those rows
out of that category's loss; ``0`` is a real negative. Targets use the code of conduct's own
list of characteristics (``TARGETS``); nationality and ethnic origin count as ``race``, as in
the Equality Act 2010.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from typing import NamedTuple

CATEGORIES: tuple[str, ...] = (
    "personal_attack",
    "identity_attack",
    "threat",
    "sexual",
    "profanity",
)

TARGETS: tuple[str, ...] = (
    "gender",
    "race",
    "religion",
    "age",
    "sexual_orientation",
    "gender_identity",
    "disability",
)

SPLITS: tuple[str, ...] = ("train", "dev", "test")

Label = int | None


class Example(NamedTuple):
    """One labelled text: ``(text, labels, targets, source, split)``."""

    text: str
    labels: Mapping[str, Label]
    targets: tuple[str, ...]
    source: str
    split: str


def labels(**known: Label) -> dict[str, Label]:
    """A full label dict: the categories named get their value, every other one ``None``."""
    unknown = set(known) - set(CATEGORIES)
    if unknown:
        raise ValueError(f"unknown categories {sorted(unknown)}; expected some of {CATEGORIES}")
    return {category: known.get(category) for category in CATEGORIES}


def all_negative() -> dict[str, Label]:
    """Labels for a text annotated as clean of everything."""
    return dict.fromkeys(CATEGORIES, 0)


_URL = re.compile(r"https?://\S+|www\.\S+|\burl\b", re.IGNORECASE)
_MENTION = re.compile(r"@\w+|\b(?:mention\d+|@?user)\b", re.IGNORECASE)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def dedup_key(text: str) -> str:
    """The text reduced for duplicate detection across sources and splits.

    Lower case, accents, mentions, URLs, punctuation and spacing removed, so the same tweet
    copied by two datasets (one of which stripped punctuation) compares equal.
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = _URL.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = text.replace("&amp;", " ")
    return _NON_ALNUM.sub(" ", text).strip()


def hash_split(text: str, *, dev: int = 10, test: int = 10) -> str:
    """A stable split for sources without an official one: by the hash of the text's key."""
    digest = hashlib.sha256(dedup_key(text).encode("utf-8")).digest()
    bucket = int.from_bytes(digest[:4], "big") % 100
    if bucket < test:
        return "test"
    if bucket < test + dev:
        return "dev"
    return "train"


# Swearing: the roots whose presence makes a text's ``profanity`` label 1 for sources that do
# not annotate swearing themselves (a "silver" label). Slurs are deliberately absent: a slur is
# an identity attack, not profanity.
_SWEAR_ROOTS = (
    r"f+u+c+k+\w*",
    r"f+c+k+\w*",
    r"fuk+\w*",
    r"motherf\w+",
    r"mf+",
    r"wtf",
    r"stfu",
    r"sh+i+t+\w*",
    r"bullshit\w*",
    r"shite",
    r"crap+\w*",
    r"cunt\w*",
    r"twat\w*",
    r"wank\w*",
    r"bitch\w*",
    r"biatch\w*",
    r"bastard\w*",
    r"bollock\w*",
    r"arse\w*",
    r"ass",
    r"asses",
    r"asshole\w*",
    r"dick\w*head\w*",
    r"dick",
    r"dicks",
    r"cock",
    r"cocks",
    r"prick\w*",
    r"piss\w*",
    r"tosser\w*",
    r"bellend\w*",
    r"damn\w*",
    r"goddamn\w*",
    r"bloody",
    r"effing",
    r"frigging",
    r"freaking",
    r"sod",
    r"slag\w*",
    r"douche\w*",
    r"jackass\w*",
    r"dumbass\w*",
    r"badass\w*",
)
_SWEAR = re.compile(r"\b(?:" + "|".join(_SWEAR_ROOTS) + r")\b")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "@": "a", "$": "s"})


def has_swearing(text: str) -> bool:
    """Whether the text contains one of the swear roots (after light de-obfuscation)."""
    lowered = text.lower()
    if _SWEAR.search(lowered):
        return True
    return bool(_SWEAR.search(lowered.replace("*", "u").translate(_LEET)))
