"""``dignity.behaviour.reply_context.v1``: short replies whose meaning comes from what they answer.

Some replies say nothing on their own and everything in context. "Same to you", "you too",
"right back at you", "takes one to know one" sent in answer to a message that attacked the
replier returns that attack: the reply inherits the parent's personal attack or identity attack
(its category, score and targets), with the echo phrase as the span and the parent as evidence.
The code asks members to "educate and discourage abusers rather than responding in kind".

Only a reply that is essentially the echo phrase counts (an @mention, a name, "mate" or
punctuation around it are allowed), and only when the parent attacked the replier: the parent
addressed them (mentioned them, or replied to them) or addressed no one in particular. "You're
right" in answer to an attack is not an attack, and "same to you" in answer to "have a good
weekend" is friendly: neither adds anything.

Attacking messages are remembered in a bounded LRU (``max_attacks``), and message authors in
another (``max_messages``), to know whom a parent addressed.

Options (defaults): ``attack_threshold`` (0.5, the parent's score that counts as an attack),
``max_attacks`` (20,000), ``max_messages`` (100,000), ``max_patterns`` (1,000 echoing accounts
kept for ``patterns()``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import ClassVar, NamedTuple

from dignity.detectors.behaviour.contact import Addressing
from dignity.detectors.behaviour.windows import MAX_EVIDENCE, BoundedLRU, positive
from dignity.model import Assessment, BehaviourFinding, Finding, Message, Span

__all__ = ["ReplyContextDetector"]

ATTACK_CATEGORIES = ("personal_attack", "identity_attack")

_ECHO = re.compile(
    r"""^\s*(?:@[\w.\-]+[\s,:]*)*                 # leading @mentions
        (?:[A-Z][\w.\-]*\s*,\s*)?                 # a name: "Gareth, ..."
        (?:and\s+|well\s+|oh\s+|yeah,?\s+|yep,?\s+)?
        (?P<echo>
            (?:the\s+)?same\s+(?:to|goes\s+for)\s+you(?:\s+too)?
          | (?:and\s+)?you\s+too
          | (?:right\s+)?back\s+at\s+(?:you|ya|u)
          | (?:it\s+)?takes\s+one\s+to\s+know\s+one
          | so\s+are\s+you
          | you\s+are\s+too | you're\s+one\s+too
          | look\s+who's\s+talking
          | i\s+know\s+you\s+are,?\s+but\s+what\s+am\s+i
          | no,?\s+you\s+are | no\s+u
          | says\s+you
          | pot,?\s+(?:meet\s+)?kettle
          | (?:i\s+could\s+)?say\s+the\s+same\s+(?:about|of|to)\s+you
        )
        (?:\s*,?\s*(?:mate|pal|love|buddy|sunshine|sweetheart|then|too))?
        [\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)


class _Attack(NamedTuple):
    author: str
    addressees: tuple[str, ...]
    scores: Mapping[str, float]
    targets: tuple[str, ...]


class _Echoer:
    __slots__ = ("first_at", "ids", "last_at", "score", "targets")

    def __init__(self, first_at: datetime | None) -> None:
        self.ids: list[str] = []
        self.targets: dict[str, None] = {}
        self.first_at = first_at
        self.last_at = first_at
        self.score = 0.0


class ReplyContextDetector:
    """Gives an echo reply ("same to you") the attack it answers."""

    name: ClassVar[str] = "dignity.behaviour.reply_context.v1"
    categories: ClassVar[frozenset[str]] = frozenset(ATTACK_CATEGORIES)

    def __init__(
        self,
        *,
        attack_threshold: float = 0.5,
        max_attacks: int = 20_000,
        max_messages: int = 100_000,
        max_patterns: int = 1_000,
    ) -> None:
        self.attack_threshold = positive(self.name, "attack_threshold", attack_threshold)
        self.max_attacks = int(positive(self.name, "max_attacks", max_attacks))
        self.max_messages = int(positive(self.name, "max_messages", max_messages))
        self.max_patterns = int(positive(self.name, "max_patterns", max_patterns))
        self._loaded = False

    def load(self) -> None:
        if self._loaded:
            return
        self._addressing = Addressing(self.max_messages)
        self._attacks: BoundedLRU[str, _Attack] = BoundedLRU(self.max_attacks)
        self._echoers: BoundedLRU[str, _Echoer] = BoundedLRU(self.max_patterns)
        self._loaded = True

    def state_sizes(self) -> dict[str, tuple[int, int]]:
        """Each table's (size, capacity), for tests and monitoring."""
        return {
            "attacks": (len(self._attacks), self._attacks.capacity),
            "messages": (len(self._addressing.authors), self._addressing.authors.capacity),
            "patterns": (len(self._echoers), self._echoers.capacity),
        }

    def observe(self, message: Message, assessment: Assessment) -> Sequence[Finding]:
        self.load()
        findings: tuple[Finding, ...] = ()
        if message.reply_to is not None and len(message.text) <= 120:
            parent = self._attacks.peek(message.reply_to)
            if parent is not None:
                findings = self._echo(message, message.reply_to, parent)
        author = message.author
        if author is not None:
            scores = {
                c: s
                for c in ATTACK_CATEGORIES
                if (s := assessment.scores.get(c, 0.0)) >= self.attack_threshold
            }
            if scores:
                targets = tuple(
                    dict.fromkeys(
                        t
                        for f in assessment.findings
                        if f.category == "identity_attack"
                        for t in f.targets
                    )
                )
                addressees = self._addressing.addressees(message)
                self._attacks.put(message.id, _Attack(author, addressees, scores, targets))
            self._addressing.remember(message)
        return findings

    def _echo(self, message: Message, parent_id: str, parent: _Attack) -> tuple[Finding, ...]:
        author = message.author
        if author is None or author == parent.author:
            return ()
        if parent.addressees and author not in parent.addressees:
            return ()
        text = message.text.replace("’", "'")
        match = _ECHO.match(text)
        if match is None:
            return ()
        span = Span.of(message.text, match.start("echo"), match.end("echo"))
        echoer = self._echoers.get(author)
        if echoer is None:
            echoer = _Echoer(message.created_at)
            self._echoers.put(author, echoer)
        echoer.last_at = message.created_at or echoer.last_at
        echoer.ids = [*echoer.ids, parent_id, message.id][-MAX_EVIDENCE:]
        echoer.targets[parent.author] = None
        echoer.score = max(echoer.score, *parent.scores.values())
        kind = {"personal_attack": "personal attack", "identity_attack": "identity attack"}
        return tuple(
            Finding(
                category=category,
                score=score,
                detector=self.name,
                label="echoed_attack",
                rationale=(
                    f"{author} answered {parent.author}'s {kind[category]} (message "
                    f"{parent_id}) with “{span.quote}”, which turns the same attack back on "
                    f"{parent.author}. The code asks us not to respond in kind."
                ),
                spans=(span,),
                targets=parent.targets if category == "identity_attack" else (),
                message_ids=(parent_id, message.id),
            )
            for category, score in parent.scores.items()
        )

    def patterns(self) -> Sequence[BehaviourFinding]:
        self.load()
        found = [
            BehaviourFinding(
                category="personal_attack",
                score=echoer.score,
                detector=self.name,
                label="echoed_attack",
                rationale=(
                    f"{author} answered attacks by {', '.join(echoer.targets)} in kind "
                    "with an echo reply."
                ),
                actors=(author,),
                targets=tuple(echoer.targets),
                message_ids=tuple(echoer.ids),
                first_at=echoer.first_at,
                last_at=echoer.last_at,
            )
            for author, echoer in self._echoers.items()
        ]
        return sorted(found, key=lambda p: (-p.score, p.actors))
