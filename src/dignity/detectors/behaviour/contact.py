"""Who a message is addressed to, and whether its tone is hostile: shared by the detectors.

A message is addressed to the accounts it @mentions; a message without mentions is addressed to
the author of the message it replies to (remembered in a bounded table, so a reply to a message
older than that table's memory has no known addressee). An account never addresses itself.

A message is hostile when the policy found a breach in its text, or when its personal-attack,
identity-attack or threat score reaches the detector's hostility threshold.
"""

from __future__ import annotations

import re

from dignity.detectors.behaviour.windows import BoundedLRU
from dignity.model import Assessment, Message, Span

__all__ = [
    "HOSTILE_CATEGORIES",
    "Addressing",
    "hostility",
    "is_hostile",
    "mention_spans",
]

HOSTILE_CATEGORIES = ("personal_attack", "identity_attack", "threat")
"""Categories whose score makes a message hostile towards the person it addresses."""


def hostility(assessment: Assessment) -> float:
    """The strongest of the hostile categories' scores (0 when the policy has none of them)."""
    scores = assessment.scores
    return max((scores.get(c, 0.0) for c in HOSTILE_CATEGORIES), default=0.0)


def is_hostile(assessment: Assessment, threshold: float) -> bool:
    """True for a breach, or for a hostile category scoring at least ``threshold``."""
    return assessment.breach or hostility(assessment) >= threshold


class Addressing:
    """Resolves a message's addressees from its mentions or the author of its parent."""

    __slots__ = ("authors",)

    def __init__(self, capacity: int) -> None:
        self.authors: BoundedLRU[str, str] = BoundedLRU(capacity)

    def addressees(self, message: Message) -> tuple[str, ...]:
        """Accounts ``message`` is aimed at, in mention order; empty when unknown."""
        author = message.author
        if message.mentions:
            return tuple(dict.fromkeys(m for m in message.mentions if m and m != author))
        if message.reply_to is not None:
            parent_author = self.authors.peek(message.reply_to)
            if parent_author is not None and parent_author != author:
                return (parent_author,)
        return ()

    def parent_author(self, message: Message) -> str | None:
        if message.reply_to is None:
            return None
        return self.authors.peek(message.reply_to)

    def remember(self, message: Message) -> None:
        if message.author is not None:
            self.authors.put(message.id, message.author)


def mention_spans(text: str, account: str) -> tuple[Span, ...]:
    """Spans of ``@account`` in ``text`` (case-insensitive), for evidence; may be empty."""
    if "@" not in text:
        return ()
    pattern = re.compile(rf"@{re.escape(account)}(?!\w|\.\w)", re.IGNORECASE)
    return tuple(Span.of(text, m.start(), m.end()) for m in pattern.finditer(text))
